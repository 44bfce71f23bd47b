//! Ids to their places in a list, for lists of many short ids (100,000 actors): the ids are
//! kept end to end in one block of text, and the table holds only each id's place. Some ten
//! bytes an id and no allocation of its own, where a map from `String` took about fifty bytes
//! and an allocation an id, and a list of 100,000 ids was spread over as many allocations.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Ids, each numbered by the order it was added in.
#[derive(Default)]
pub struct IdTable {
    /// Every id, end to end, in the order added.
    text: String,
    /// Where each id ends in `text`; it starts where the one before it ends.
    ends: Vec<usize>,
    /// Each id's number, found by the id's hash.
    table: HashTable<u32>,
}

impl fmt::Debug for IdTable {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

impl IdTable {
    /// A table for `ids` ids of `bytes` bytes in all, sized once: a table grown by doubling
    /// touches about twice the memory it keeps.
    pub fn with_capacity(ids: usize, bytes: usize) -> IdTable {
        IdTable {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(ids),
            table: HashTable::with_capacity(ids),
        }
    }

    /// The table of `ids`, numbered in order; an id given twice keeps its first number.
    pub fn of<'a>(ids: impl ExactSizeIterator<Item = &'a str> + Clone) -> IdTable {
        let bytes = ids.clone().map(str::len).sum();
        let mut table = IdTable::with_capacity(ids.len(), bytes);
        for id in ids {
            let _ = table.insert(id);
        }
        table
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id numbered `n`.
    fn id(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.text[start..self.ends[n]]
    }

    /// The number of `id`, if it is in the table.
    pub fn get(&self, id: &str) -> Option<u32> {
        self.table.find(hash(id), |&n| self.id(n) == id).copied()
    }

    /// Adds `id` with the next number, which it returns; or, if the table has it already,
    /// leaves it be and returns its number as the error.
    pub fn insert(&mut self, id: &str) -> Result<u32, u32> {
        let IdTable { text, ends, table } = self;
        let id_of = |n: u32| {
            let n = n as usize;
            let start = if n == 0 { 0 } else { ends[n - 1] };
            &text[start..ends[n]]
        };
        let rehash = |&n: &u32| hash(id_of(n));
        match table.entry(hash(id), |&n| id_of(n) == id, rehash) {
            Entry::Occupied(first) => Err(*first.get()),
            Entry::Vacant(place) => {
                let n = ends.len() as u32;
                place.insert(n);
                text.push_str(id);
                ends.push(text.len());
                Ok(n)
            }
        }
    }

    /// Every id, in the order added.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len() as u32).map(|n| self.id(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_ids_in_order_and_finds_each() {
        let mut table = IdTable::with_capacity(2, 4);
        let ids = ["a1", "", "é", "a10", "a"];
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(table.get(id), None, "{id} before it is added");
            assert_eq!(table.insert(id), Ok(n as u32));
        }
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(table.get(id), Some(n as u32));
        }
        assert_eq!(table.get("a2"), None);
        assert_eq!(table.get("a1 "), None);
        assert_eq!(table.ids().collect::<Vec<_>>(), ids);
        assert_eq!(table.len(), 5);
    }

    #[test]
    fn an_id_added_twice_keeps_its_first_number() {
        let mut table = IdTable::default();
        assert_eq!(table.insert("x"), Ok(0));
        assert_eq!(table.insert("y"), Ok(1));
        assert_eq!(table.insert("x"), Err(0));
        assert_eq!(table.len(), 2);
        let of = IdTable::of(["b", "a", "b", "c"].into_iter());
        assert_eq!(of.ids().collect::<Vec<_>>(), ["b", "a", "c"]);
        assert_eq!(of.get("c"), Some(2));
    }

    /// Grown past the size it was made for, every id is still found (the table rehashes
    /// each from the text it keeps).
    #[test]
    fn grows_past_its_size() {
        let mut table = IdTable::with_capacity(1, 1);
        for n in 0..10_000u32 {
            assert_eq!(table.insert(&format!("id{n}")), Ok(n));
        }
        for n in 0..10_000u32 {
            assert_eq!(table.get(&format!("id{n}")), Some(n));
        }
        assert!(!table.is_empty());
    }
}
