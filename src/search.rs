//! Fuzzy actor ranking, shared by the browser's search prompt and `chronicle actors --search`.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{Actor, ActorId};

/// Which of an actor's names matched best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedName {
    Name,
    /// Index into `Actor::aliases`.
    Alias(usize),
}

/// One ranked actor: its best score over its name and aliases, and where that match lies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub actor: ActorId,
    pub score: i64,
    pub matched: MatchedName,
    /// Char indices of the matched characters in the matched name.
    pub indices: Vec<usize>,
}

/// A reusable ranker; the matcher holds buffers worth keeping between keystrokes.
pub struct Ranker {
    matcher: SkimMatcherV2,
}

impl Default for Ranker {
    fn default() -> Self {
        Ranker {
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }
}

impl Ranker {
    /// Ranks the actors matching `query`, best first; ties go to the earlier actor.
    /// An empty query matches nothing: the caller decides what an empty prompt shows.
    pub fn rank(&self, actors: &[Actor], query: &str) -> Vec<ActorMatch> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let mut matches: Vec<ActorMatch> = actors
            .iter()
            .enumerate()
            .filter_map(|(i, actor)| self.best(ActorId(i as u32), actor, query))
            .collect();
        matches.sort_by(|a, b| b.score.cmp(&a.score).then(a.actor.cmp(&b.actor)));
        matches
    }

    fn best(&self, id: ActorId, actor: &Actor, query: &str) -> Option<ActorMatch> {
        let names = std::iter::once((MatchedName::Name, actor.name.as_str())).chain(
            actor
                .aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (MatchedName::Alias(i), a.as_str())),
        );
        // The name wins ties with an alias, so highlights land on what is shown first.
        let mut best: Option<(i64, MatchedName, &str)> = None;
        for (which, text) in names {
            if let Some(score) = self.matcher.fuzzy_match(text, query) {
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, which, text));
                }
            }
        }
        let (score, matched, text) = best?;
        let indices = self
            .matcher
            .fuzzy_indices(text, query)
            .map(|(_, indices)| indices)
            .unwrap_or_default();
        Some(ActorMatch {
            actor: id,
            score,
            matched,
            indices,
        })
    }
}

/// The text of the name a match refers to.
pub fn matched_text(actor: &Actor, matched: MatchedName) -> &str {
    match matched {
        MatchedName::Name => &actor.name,
        MatchedName::Alias(i) => actor.aliases.get(i).map_or(&actor.name, String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            affiliation: None,
            description: None,
        }
    }

    #[test]
    fn ranks_by_score_over_names_and_aliases() {
        let actors = vec![
            actor("uk", "United Kingdom", &["U.K."]),
            actor("putin", "Vladimir Putin", &["President of Russia"]),
            actor("russia", "Russia", &["Russian State"]),
        ];
        let ranker = Ranker::default();
        let ranked = ranker.rank(&actors, "put");
        assert_eq!(ranked[0].actor, ActorId(1));
        assert_eq!(ranked[0].matched, MatchedName::Name);
        assert_eq!(ranked[0].indices, vec![9, 10, 11]);

        let ranked = ranker.rank(&actors, "president");
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].matched, MatchedName::Alias(0));
        assert!(ranker.rank(&actors, "").is_empty());
        assert!(ranker.rank(&actors, "zzz").is_empty());
    }
}
