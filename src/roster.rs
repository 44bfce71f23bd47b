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
    let names: Vec<String> = actors.iter().map(|a| a.name.to_lowercase()).collect();
    // Fx rather than the default hasher, the names borrowed rather than copied: a tenth of
    // `chronicle actors --search` on 100,000 actors went to counting their names.
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    counts.reserve(names.len());
    for name in &names {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    names
        .iter()
        .map(|n| counts.get(n.as_str()).is_some_and(|c| *c > 1))
        .collect()
}

/// What tells `actor` apart from the others of its name, when its name `clashes`: its code
/// (the first alias that is not the name), else its id, which is unique.
pub fn telling_apart(actor: &Actor, clashes: bool) -> Option<&str> {
    if !clashes {
        return None;
    }
    let code = actor
        .aliases
        .iter()
        .find(|a| !a.trim().is_empty() && !a.eq_ignore_ascii_case(&actor.name));
    Some(code.unwrap_or(&actor.id))
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
    clashes: OnceLock<Vec<bool>>,
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

impl Roster for Counted {
    fn actors(&self) -> &[Actor] {
        &self.actors
    }

    fn event_count(&self, actor: ActorId) -> usize {
        self.counts.get(actor.index()).map_or(0, |n| *n as usize)
    }

    fn actor_label(&self, id: ActorId) -> String {
        let clashes = self.clashes.get_or_init(|| name_clashes(&self.actors));
        let actor = self.actor(id);
        label(
            actor,
            telling_apart(actor, clashes.get(id.index()).copied().unwrap_or(false)),
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
}
