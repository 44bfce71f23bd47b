//! A dataset's actors with how many events each is in: what `chronicle actors` lists and
//! searches, answered by a whole timeline or by the cache's actors part alone (`Counted`),
//! which spares that command reading a million events to count them.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::{Actor, ActorId};

/// Actors, their event counts and the labels a person reads for them.
pub trait Roster {
    fn actors(&self) -> &[Actor];

    /// How many events involve `actor`.
    fn event_count(&self, actor: ActorId) -> usize;

    /// The name a person reads for actor `id` (see `Timeline::actor_label`).
    fn actor_label(&self, id: ActorId) -> String;

    fn actor(&self, id: ActorId) -> &Actor {
        &self.actors()[id.index()]
    }

    /// Actor ids by descending event count, ties by name: the order actor lists show.
    fn actors_by_event_count(&self) -> Vec<ActorId> {
        let mut ids: Vec<ActorId> = (0..self.actors().len() as u32).map(ActorId).collect();
        ids.sort_by(|a, b| {
            self.event_count(*b)
                .cmp(&self.event_count(*a))
                .then_with(|| self.actor(*a).name.cmp(&self.actor(*b).name))
        });
        ids
    }
}

/// Whether each actor's name is another actor's too, ignoring case.
pub fn name_clashes(actors: &[Actor]) -> Vec<bool> {
    // Each name's lowercase form hashed without being made: making 100,000 of them was half
    // of `chronicle actors --search`'s listing. Only names whose hashes meet are lowercased,
    // to tell a clash from two names that merely hash alike.
    let hashes: Vec<u64> = actors.iter().map(|a| lowercase_hash(&a.name)).collect();
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    counts.reserve(hashes.len());
    for hash in &hashes {
        *counts.entry(*hash).or_default() += 1;
    }
    let met = |hash: &u64| counts.get(hash).is_some_and(|c| *c > 1);
    let lowered: Vec<Option<String>> = actors
        .iter()
        .zip(&hashes)
        .map(|(a, h)| met(h).then(|| a.name.to_lowercase()))
        .collect();
    let mut same: FxHashMap<&str, u32> = FxHashMap::default();
    for name in lowered.iter().flatten() {
        *same.entry(name.as_str()).or_default() += 1;
    }
    lowered
        .iter()
        .map(|n| {
            n.as_deref()
                .is_some_and(|n| same.get(n).is_some_and(|c| *c > 1))
        })
        .collect()
}

/// The hash of `name.to_lowercase()`, made without it for an ASCII name.
fn lowercase_hash(name: &str) -> u64 {
    if !name.is_ascii() {
        return xxhash_rust::xxh3::xxh3_64(name.to_lowercase().as_bytes());
    }
    let bytes = name.as_bytes();
    let mut folded = [0u8; 64];
    if bytes.len() <= folded.len() {
        let folded = &mut folded[..bytes.len()];
        folded.copy_from_slice(bytes);
        folded.make_ascii_lowercase();
        return xxhash_rust::xxh3::xxh3_64(folded);
    }
    // Rare long names: any hash of the same bytes does, as long as it is the same bytes.
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for chunk in bytes.chunks(folded.len()) {
        let folded = &mut folded[..chunk.len()];
        folded.copy_from_slice(chunk);
        folded.make_ascii_lowercase();
        hasher.update(folded);
    }
    hasher.digest()
}

/// How an actor's label tells it apart from the other actors of its name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clash {
    /// No other actor has its name: the name alone.
    #[default]
    None,
    /// By its code (GDELT's ZWEJUD): no other actor of its name has that code.
    ByCode,
    /// By its id, which is unique: it has no code, or another of its name has the same one.
    ById,
}

/// The actor's code: its first alias that is not its name.
fn code(actor: &Actor) -> Option<&str> {
    actor
        .aliases
        .iter()
        .find(|a| !a.trim().is_empty() && !a.eq_ignore_ascii_case(&actor.name))
        .map(String::as_str)
}

/// How each actor is told apart, given which names clash (`name_clashes`): by its code where
/// that is its own among the actors of its name (ignoring case, as labels are looked up), else
/// by its id. Only the clashing actors (usually none) are looked at.
pub fn clash_kinds(actors: &[Actor], clashes: &[bool]) -> Vec<Clash> {
    let mut kinds = vec![Clash::None; actors.len()];
    let clashing: Vec<usize> = (0..actors.len())
        .filter(|a| clashes.get(*a).copied().unwrap_or(false))
        .collect();
    // (name, code or id) of one actor, lowercased: two actors with the same pair would get
    // the same label.
    let tag_of = |a: usize, by_code: bool| {
        let actor = &actors[a];
        let tag = if by_code { code(actor) } else { None }.unwrap_or(&actor.id);
        (actor.name.to_lowercase(), tag.to_lowercase())
    };
    let mut taken: FxHashMap<(String, String), u32> = FxHashMap::default();
    for &a in &clashing {
        *taken.entry(tag_of(a, true)).or_default() += 1;
        if code(&actors[a]).is_some() {
            // An id that another of the name has for its code also makes that code ambiguous.
            *taken.entry(tag_of(a, false)).or_default() += 1;
        }
    }
    for &a in &clashing {
        let own_code = code(&actors[a]).is_some() && taken.get(&tag_of(a, true)) == Some(&1);
        kinds[a] = if own_code { Clash::ByCode } else { Clash::ById };
    }
    kinds
}

/// What tells `actor` apart from the others of its name (see `Clash`).
pub fn telling_apart(actor: &Actor, clash: Clash) -> Option<&str> {
    match clash {
        Clash::None => None,
        Clash::ByCode => Some(code(actor).unwrap_or(&actor.id)),
        Clash::ById => Some(&actor.id),
    }
}

/// `name (tag)` where a tag tells the actor apart, else the name.
pub fn label(actor: &Actor, tag: Option<&str>) -> String {
    match tag {
        Some(tag) => format!("{} ({tag})", actor.name),
        None => actor.name.clone(),
    }
}

/// Actors with their event counts, without the events.
#[derive(Debug, Default)]
pub struct Counted {
    actors: Vec<Actor>,
    counts: Vec<u32>,
    clashes: OnceLock<Vec<Clash>>,
}

impl Counted {
    /// `counts[a]` is how many events actor `a` is in; an actor past the counts is in none.
    pub fn new(actors: Vec<Actor>, counts: Vec<u32>) -> Counted {
        Counted {
            actors,
            counts,
            clashes: OnceLock::new(),
        }
    }
}

impl Counted {
    /// As `new`, with whether each actor's name is another's too (`name_clashes`), known
    /// already (the cache keeps them).
    pub fn with_clashes(actors: Vec<Actor>, counts: Vec<u32>, clashes: Vec<bool>) -> Counted {
        let kinds = clash_kinds(&actors, &clashes);
        Counted {
            actors,
            counts,
            clashes: OnceLock::from(kinds),
        }
    }
}

impl Roster for Counted {
    fn actors(&self) -> &[Actor] {
        &self.actors
    }

    fn event_count(&self, actor: ActorId) -> usize {
        self.counts.get(actor.index()).map_or(0, |n| *n as usize)
    }

    fn actor_label(&self, id: ActorId) -> String {
        let clashes = self
            .clashes
            .get_or_init(|| clash_kinds(&self.actors, &name_clashes(&self.actors)));
        let actor = self.actor(id);
        label(
            actor,
            telling_apart(actor, clashes.get(id.index()).copied().unwrap_or_default()),
        )
    }
}

impl Roster for crate::timeline::Timeline {
    fn actors(&self) -> &[Actor] {
        crate::timeline::Timeline::actors(self)
    }

    fn event_count(&self, actor: ActorId) -> usize {
        crate::timeline::Timeline::event_count(self, actor)
    }

    fn actor_label(&self, id: ActorId) -> String {
        crate::timeline::Timeline::actor_label(self, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn counted_actors_answer_as_their_timeline_does() {
        let timeline = sample::timeline();
        let counts = (0..timeline.actors().len() as u32)
            .map(|a| timeline.event_count(ActorId(a)) as u32)
            .collect();
        let counted = Counted::new(timeline.actors().to_vec(), counts);
        let ids: Vec<ActorId> = (0..timeline.actors().len() as u32).map(ActorId).collect();
        assert!(ids.iter().any(|a| counted.event_count(*a) > 1));
        for id in &ids {
            assert_eq!(counted.event_count(*id), timeline.event_count(*id));
            assert_eq!(
                Roster::actor_label(&counted, *id),
                timeline.actor_label(*id)
            );
        }
        assert_eq!(
            Roster::actors_by_event_count(&counted),
            timeline.actors_by_event_count()
        );
    }

    fn named(names: &[&str]) -> Vec<Actor> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Actor {
                id: format!("a{i}"),
                name: name.to_string(),
                kind: None,
                aliases: Vec::new(),
                affiliation: None,
                description: None,
            })
            .collect()
    }

    /// Whether each name is another's too, lowercasing every one: what `name_clashes` does
    /// without making the lowercase names.
    fn clashes_by_lowercasing(actors: &[Actor]) -> Vec<bool> {
        let lower: Vec<String> = actors.iter().map(|a| a.name.to_lowercase()).collect();
        lower
            .iter()
            .map(|n| lower.iter().filter(|m| *m == n).count() > 1)
            .collect()
    }

    #[test]
    fn name_clashes_are_those_of_the_lowercase_names() {
        let long = "Ministry of Foreign Affairs of the Republic of Karelia, Department of Treaties";
        let names = [
            "ZIMBABWE",
            "Zimbabwe",
            "zimbabwe ",
            // The Kelvin sign lowercases to an ASCII k: a non-ASCII name can clash with an
            // ASCII one.
            "\u{212A}arelia",
            "karelia",
            "Karelian",
            // A final capital sigma lowercases to the final form.
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευς",
            "ΟΔΥΣΣΕΥ",
            "Élodie",
            "élodie",
            "Elodie",
            long,
            &long.to_uppercase(),
            &long[..long.len() - 1],
            "",
            "",
            "Tariq",
        ];
        let actors = named(&names);
        let expected = clashes_by_lowercasing(&actors);
        assert_eq!(name_clashes(&actors), expected);
        assert_eq!(
            expected,
            [
                true, true, false, true, true, false, true, true, false, true, true, false, true,
                true, false, true, true, false
            ]
        );
    }

    #[test]
    fn counted_with_clashes_labels_as_counting_them_would() {
        let actors = named(&["Ministry", "MINISTRY", "Karelia"]);
        let clashes = name_clashes(&actors);
        let told = Counted::with_clashes(actors.clone(), vec![1, 2, 3], clashes);
        let counted = Counted::new(actors, vec![1, 2, 3]);
        for id in (0..3).map(ActorId) {
            assert_eq!(told.actor_label(id), counted.actor_label(id));
        }
        assert_eq!(told.actor_label(ActorId(1)), "MINISTRY (a1)");
    }
}
