//! Finding an imported event by its id: for ids read twice and for GDELT mentions, which name
//! their event by id.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::model::Event;

/// Event id → index in the importer's list of events, in some 10 bytes an event: 32 bits of
/// the id's hash, checked against the event's own id, rather than a second copy of every id
/// (which, with its map entry, took 70 bytes an event, a tenth of a large import's memory).
/// Ids that share those bits with an earlier one (some hundred in a million) are kept apart
/// in `collided`.
pub struct EventIndex {
    by_hash: FxHashMap<u32, u32>,
    /// Ids whose hash an earlier id has already (nearly never).
    collided: HashMap<Box<str>, u32>,
    hash: fn(&str) -> u64,
}

impl Default for EventIndex {
    fn default() -> EventIndex {
        EventIndex::with_hash(|id| xxhash_rust::xxh3::xxh3_64(id.as_bytes()))
    }
}

impl EventIndex {
    fn with_hash(hash: fn(&str) -> u64) -> EventIndex {
        EventIndex {
            by_hash: FxHashMap::default(),
            collided: HashMap::new(),
            hash,
        }
    }

    /// The index of the event with `id` among `events` (the list the indexes point into).
    pub fn get(&self, id: &str, events: &[Event]) -> Option<u32> {
        let ix = *self.by_hash.get(&self.key(id))?;
        if events.get(ix as usize).is_some_and(|e| &*e.id == id) {
            return Some(ix);
        }
        self.collided.get(id).copied()
    }

    /// Records that the event with `id`, not indexed yet, is at `ix`.
    pub fn insert(&mut self, id: &str, ix: u32) {
        match self.by_hash.entry(self.key(id)) {
            Entry::Vacant(place) => {
                place.insert(ix);
            }
            Entry::Occupied(_) => {
                self.collided.insert(id.into(), ix);
            }
        }
    }

    /// The id's place in `by_hash`: the low 32 bits of its hash.
    fn key(&self, id: &str) -> u32 {
        (self.hash)(id) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(ids: &[&str]) -> Vec<Event> {
        let template = crate::sample::timeline().events()[0].clone();
        ids.iter()
            .map(|id| Event {
                id: (*id).into(),
                ..template.clone()
            })
            .collect()
    }

    #[test]
    fn finds_each_event_and_nothing_else() {
        let ids = ["1001", "1002", "SDN1001", "é"];
        let list = events(&ids);
        let mut index = EventIndex::default();
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, &list[..ix]), None);
            index.insert(id, ix as u32);
        }
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, &list), Some(ix as u32));
        }
        assert_eq!(index.get("1003", &list), None);
        assert_eq!(index.get("", &list), None);
    }

    /// Every id with the same hash: each is still told apart by its text.
    #[test]
    fn ids_of_one_hash_are_told_apart() {
        let ids = ["a", "b", "c"];
        let list = events(&ids);
        let mut index = EventIndex::with_hash(|_| 7);
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, &list[..ix]), None, "{id} before it is added");
            index.insert(id, ix as u32);
        }
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, &list), Some(ix as u32));
        }
        assert_eq!(index.get("d", &list), None);
    }
}
