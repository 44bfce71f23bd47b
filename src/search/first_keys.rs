//! The complete rankings of one-key queries, made ahead while the browser is idle.
//!
//! The first key of a search is the one ranking that narrowing cannot help: every name holding
//! that letter is scored (42 000 names for 'k' in the generated million-event dataset, some
//! 10 ms on two cores, and past a frame whenever the other core is busy). There are few such
//! keys, so their rankings are made beforehand, a slice at a time between frames, and the
//! first key of a search is then a lookup.

use std::time::{Duration, Instant};

use super::{best_first, ActorMatch, MatchedName, Pattern, Ranker, Scored};
use crate::model::ActorId;

/// The keys ranked ahead: the letters and digits people start a search with. A capital makes
/// the query case-sensitive (its own ranking), and is left to the ranking on demand.
const KEYS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// One ranked actor as kept here: a third of an `ActorMatch`'s size, as the 36 rankings
/// together list every actor about a dozen times.
#[derive(Clone, Copy, Debug)]
struct Kept {
    score: i32,
    actor: u32,
    /// 0 for the actor's name, i + 1 for alias i.
    which: u32,
}

#[derive(Debug, Default)]
pub(super) struct FirstKeys {
    /// Every actor, the candidates of each key's ranking.
    everyone: Vec<ActorId>,
    /// The rankings of `KEYS[..ready.len()]`, best first; `None` for one that could not be
    /// kept compactly (a score past i32, which the matcher does not give names).
    ready: Vec<Option<Box<[Kept]>>>,
    /// How far the ranking of `KEYS[ready.len()]` has got.
    next: usize,
    found: Vec<Scored>,
}

impl FirstKeys {
    pub(super) fn new(actors: usize) -> FirstKeys {
        FirstKeys {
            everyone: (0..actors as u32).map(ActorId).collect(),
            ..FirstKeys::default()
        }
    }

    /// Whether some key is still to be ranked.
    pub(super) fn is_preparing(&self) -> bool {
        !self.everyone.is_empty() && self.ready.len() < KEYS.len()
    }

    /// Ranks keys for about `budget`, going on where the last call stopped; true once every
    /// key is ranked.
    pub(super) fn prepare(&mut self, ranker: &Ranker, budget: Duration) -> bool {
        let started = Instant::now();
        while self.is_preparing() {
            // Each call gets somewhere, however short the budget (as `Ranker::score` does).
            let left = budget.saturating_sub(started.elapsed());
            let key = [KEYS[self.ready.len()]];
            let query = std::str::from_utf8(&key).unwrap_or_default();
            let complete = ranker.score(
                &ranker.names,
                &Pattern::new(query),
                &self.everyone,
                &mut self.next,
                &mut self.found,
                left,
            );
            if !complete {
                return false;
            }
            let ranked = best_first(std::mem::take(&mut self.found));
            self.ready.push(compact(&ranked));
            self.next = 0;
            if started.elapsed() >= budget {
                break;
            }
        }
        !self.is_preparing()
    }

    /// The ranking of `query` if it is one of the keys and already ranked: exactly what
    /// ranking it now would give, without match positions.
    pub(super) fn ranking(&self, query: &str) -> Option<Vec<ActorMatch>> {
        let &[byte] = query.as_bytes() else {
            return None;
        };
        let key = KEYS.iter().position(|&k| k == byte)?;
        let kept = self.ready.get(key)?.as_ref()?;
        Some(
            kept.iter()
                .map(|k| ActorMatch {
                    actor: ActorId(k.actor),
                    score: i64::from(k.score),
                    matched: match k.which {
                        0 => MatchedName::Name,
                        i => MatchedName::Alias(i as usize - 1),
                    },
                    indices: Vec::new(),
                })
                .collect(),
        )
    }

    /// The bytes the rankings made so far hold (for the benchmark's memory figure).
    pub(super) fn bytes(&self) -> usize {
        self.ready
            .iter()
            .flatten()
            .map(|kept| std::mem::size_of_val(&**kept))
            .sum::<usize>()
            + std::mem::size_of_val(self.everyone.as_slice())
    }
}

fn compact(ranked: &[ActorMatch]) -> Option<Box<[Kept]>> {
    ranked
        .iter()
        .map(|m| {
            Some(Kept {
                score: i32::try_from(m.score).ok()?,
                actor: m.actor.0,
                which: match m.matched {
                    MatchedName::Name => 0,
                    MatchedName::Alias(i) => u32::try_from(i).ok()?.checked_add(1)?,
                },
            })
        })
        .collect()
}
