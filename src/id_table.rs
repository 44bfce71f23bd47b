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
    /// Each id's number, found by the id's hash, with what tells the id apart without
    /// reading `text` or `ends`: a look-up (two for each of a million events) then touches
    /// the table alone for most ids, where reading the id back cost two more cache misses.
    table: HashTable<Slot>,
}

/// An id's place in the table: its number and length, and the id itself when it is short
/// (as generated and imported ids are: "a63006"), else where it starts in the text.
#[derive(Clone, Copy)]
struct Slot {
    n: u32,
    len: u32,
    word: u64,
}

/// The longest id a slot holds itself.
const INLINE: usize = 8;

/// A short id's bytes in a word, zero after its end (its length tells it from an id that
/// ends in zero bytes).
fn word_of(id: &[u8]) -> u64 {
    let mut bytes = [0u8; INLINE];
    bytes[..id.len()].copy_from_slice(id);
    u64::from_le_bytes(bytes)
}

impl Slot {
    fn new(n: u32, id: &str, start: usize) -> Slot {
        let word = if id.len() <= INLINE {
            word_of(id.as_bytes())
        } else {
            start as u64
        };
        Slot {
            n,
            len: id.len() as u32,
            word,
        }
    }

    /// Whether this slot's id is `id`; `text` holds the long ones.
    fn is(&self, id: &str, text: &str) -> bool {
        if self.len as usize != id.len() {
            return false;
        }
        if id.len() <= INLINE {
            return self.word == word_of(id.as_bytes());
        }
        let start = self.word as usize;
        text.as_bytes().get(start..start + id.len()) == Some(id.as_bytes())
    }

    /// The hash of the slot's id, to place it again as the table grows; `text` holds the
    /// long ones.
    fn hash(&self, text: &str) -> u64 {
        let len = self.len as usize;
        if len <= INLINE {
            hash(&self.word.to_le_bytes()[..len])
        } else {
            let start = self.word as usize;
            hash(text.as_bytes().get(start..start + len).unwrap_or(&[]))
        }
    }
}

impl fmt::Debug for IdTable {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

fn hash(id: &[u8]) -> u64 {
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
        self.table
            .find(hash(id.as_bytes()), |slot| slot.is(id, &self.text))
            .map(|slot| slot.n)
    }

    /// Adds `id` with the next number, which it returns; or, if the table has it already,
    /// leaves it be and returns its number as the error.
    pub fn insert(&mut self, id: &str) -> Result<u32, u32> {
        let IdTable { text, ends, table } = self;
        let rehash = |slot: &Slot| slot.hash(text);
        match table.entry(hash(id.as_bytes()), |slot| slot.is(id, text), rehash) {
            Entry::Occupied(first) => Err(first.get().n),
            Entry::Vacant(place) => {
                let n = ends.len() as u32;
                place.insert(Slot::new(n, id, text.len()));
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

    /// Ids kept in their slot (up to 8 bytes) and ids kept only in the text are told apart
    /// by their bytes and their length, across the boundary, and with zero bytes at the end
    /// of a short id (which the slot pads with zeros).
    #[test]
    fn tells_apart_short_and_long_ids_around_the_slot_size() {
        let ids = [
            "a",
            "a\0",
            "a\0\0",
            "",
            "\0",
            "abcdefgh",
            "abcdefghi",
            "abcdefg",
            "abcdefgi",
            "abcdefghij",
            "abcdefghik",
            "résumé",
            "résumés",
            "x".repeat(300).leak(),
        ];
        let mut table = IdTable::with_capacity(1, 1);
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(table.insert(id), Ok(n as u32), "{id:?}");
        }
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(table.get(id), Some(n as u32), "{id:?}");
            assert_eq!(table.insert(id), Err(n as u32), "{id:?} again");
        }
        for absent in [
            "b",
            "a\0\0\0",
            "abcdefgj",
            "abcdefghijk",
            "résum",
            &"x".repeat(299),
        ] {
            assert_eq!(table.get(absent), None, "{absent:?}");
        }
        assert_eq!(table.ids().collect::<Vec<_>>(), ids);
    }

    /// Grown past the size it was made for, every id is still found (the table rehashes
    /// each from the text it keeps).
    #[test]
    fn grows_past_its_size() {
        let mut table = IdTable::with_capacity(1, 1);
        // Short ids, held in their slots, and long ones, read from the text, both rehashed.
        let id = |n: u32| {
            if n.is_multiple_of(2) {
                format!("id{n}")
            } else {
                format!("a-longer-id-{n}")
            }
        };
        for n in 0..10_000u32 {
            assert_eq!(table.insert(&id(n)), Ok(n));
        }
        for n in 0..10_000u32 {
            assert_eq!(table.get(&id(n)), Some(n));
        }
        assert!(!table.is_empty());
    }
}
