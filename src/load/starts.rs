//! Where each sentence of the sources begins, found by its first bytes: while the events are
//! read, a quote that opens a sentence of its source (nearly every quote) is kept as a span
//! of that source instead of a copy of its text. A million quotes' texts held until they are
//! placed were the largest part of a load's peak memory.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::model::{Source, SourceId};

/// Slots a search looks at, at most, from where a key starts it. Sentences that share their
/// first bytes (a line of boilerplate repeated a million times in a scraped page) would
/// otherwise make one run of slots as long as themselves, to be walked by every insertion
/// and look-up; past this many, a sentence is left out, and a quote that opens it is kept
/// as a copy instead (the same place is found for it either way).
const MAX_PROBES: usize = 16;

/// Bytes of a sentence's start that its key is made from: shorter quotes, and sentences, are
/// not looked up (they are few, and kept as copies).
const PREFIX: usize = 16;

/// An open-addressing table of every sentence at least `PREFIX` bytes long, by its source and
/// first bytes: eight bytes a slot, half empty or more, freed once the events are read.
pub struct SentenceStarts<'a> {
    sources: &'a [Source],
    /// Each sentence's source and where it starts there, so that a look-up goes from the
    /// slot straight to the text (a sentence's number would send it through the source's
    /// list of sentences first: one more cache miss for each of a million quotes).
    slots: Vec<Slot>,
    /// How far a key is shifted to give a slot: the slot is the key's top bits.
    shift: u32,
}

/// A sentence's source and where it starts in its text; `EMPTY` where there is none.
#[derive(Clone, Copy, PartialEq)]
struct Slot {
    source: u32,
    start: u32,
}

const EMPTY: Slot = Slot {
    source: u32::MAX,
    start: 0,
};

impl<'a> SentenceStarts<'a> {
    pub fn new(sources: &'a [Source]) -> SentenceStarts<'a> {
        let total: usize = sources.iter().map(|s| s.sentences.len()).sum();
        let mut starts = SentenceStarts {
            sources,
            slots: Vec::new(),
            shift: 0,
        };
        // More sources than a slot can number: no table, every quote kept as a copy.
        if sources.len() >= u32::MAX as usize {
            return starts;
        }
        starts.slots = vec![EMPTY; (total + total / 2).next_power_of_two().max(2)];
        starts.shift = 64 - starts.slots.len().trailing_zeros();
        let mask = starts.slots.len() - 1;
        for (s, source) in sources.iter().enumerate() {
            for sentence in source.sentences.iter() {
                let Some(prefix) = source
                    .text
                    .as_bytes()
                    .get(sentence.start as usize..)
                    .filter(|_| sentence.len() >= PREFIX)
                    .and_then(|rest| rest.get(..PREFIX))
                else {
                    continue;
                };
                let first = starts.slot(s, prefix);
                let free = (0..MAX_PROBES)
                    .map(|probe| (first + probe) & mask)
                    .find(|at| starts.slots[*at] == EMPTY);
                if let Some(at) = free {
                    starts.slots[at] = Slot {
                        source: s as u32,
                        start: sentence.start,
                    };
                }
            }
        }
        starts
    }

    /// Where `quote` lies in `source` when it begins where one of the source's sentences does
    /// (it may run past that sentence's end). One at a time: the loader asks `find_many`.
    #[cfg(test)]
    pub fn find(&self, source: SourceId, quote: &str) -> Option<Range<usize>> {
        let prefix = quote.as_bytes().get(..PREFIX)?;
        if self.slots.is_empty() {
            return None;
        }
        self.find_from(source.index(), quote, self.slot(source.index(), prefix), 0)
    }

    /// `find` for each of `quotes` (source and text). Each look-up reads two places far
    /// apart in memory (the table, the text), each a cache miss: taken a step at a time over
    /// all the quotes, the reads of different quotes overlap instead of each waiting on the
    /// one before (measured: half the time of one by one).
    pub fn find_many(&self, quotes: &[(SourceId, &str)]) -> Vec<Option<Range<usize>>> {
        if self.slots.is_empty() {
            return vec![None; quotes.len()];
        }
        // The first slot of each quote's search, and what it holds.
        let first: Vec<Option<(usize, Slot)>> = quotes
            .iter()
            .map(|(source, quote)| {
                let prefix = quote.as_bytes().get(..PREFIX)?;
                let at = self.slot(source.index(), prefix);
                Some((at, self.slots[at]))
            })
            .collect();
        quotes
            .iter()
            .zip(first)
            .map(|((source, quote), first)| {
                let (at, slot) = first?;
                if slot == EMPTY {
                    return None;
                }
                let s = source.index();
                if let Some(span) = self.at(s, quote, slot) {
                    return Some(span);
                }
                self.find_from(s, quote, at, 1)
            })
            .collect()
    }

    /// The search for `quote` in source `s` that starts at slot `first`, the first `done`
    /// slots of it looked at already.
    fn find_from(&self, s: usize, quote: &str, first: usize, done: usize) -> Option<Range<usize>> {
        let mask = self.slots.len() - 1;
        for probe in done..MAX_PROBES {
            let slot = self.slots[(first + probe) & mask];
            if slot == EMPTY {
                return None;
            }
            let found = self.at(s, quote, slot);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// The span of `quote` at the sentence in `slot`, when that is one of source `s`'s and
    /// the quote's words are there.
    fn at(&self, s: usize, quote: &str, slot: Slot) -> Option<Range<usize>> {
        if slot.source as usize != s {
            return None;
        }
        let start = slot.start as usize;
        let span = start..start + quote.len();
        let text = self.sources.get(s)?.text.as_bytes();
        (text.get(span.clone()) == Some(quote.as_bytes())).then_some(span)
    }
}

impl SentenceStarts<'_> {
    /// Where the search for the sentence of `source` opening with `prefix` starts: the top
    /// bits of its hash, mixed once more (Fx's low bits follow a few bytes of the prefix
    /// only, and the sentences of news text share many a first word or two).
    fn slot(&self, source: usize, prefix: &[u8]) -> usize {
        let mut hasher = FxHasher::default();
        hasher.write_usize(source);
        hasher.write(prefix);
        (hasher.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_that_open_a_sentence_of_their_own_source_only() {
        let sources = [
            crate::sample::source(
                "a",
                "A",
                "The talks failed in Geneva today. The ministers left at noon, said aides.",
            ),
            crate::sample::source("b", "B", "The ministers left at noon and came back."),
        ];
        let starts = SentenceStarts::new(&sources);
        let a = SourceId(0);
        let b = SourceId(1);
        let text = &sources[0].text;
        let found = starts.find(a, "The ministers left at noon");
        assert_eq!(
            found.clone().map(|span| &text[span]),
            Some("The ministers left at noon")
        );
        // Past the end of its sentence, into the next one.
        let across = "The talks failed in Geneva today. The";
        assert_eq!(starts.find(a, across), Some(0..across.len()));
        assert_eq!(
            starts
                .find(b, "The ministers left at noon")
                .map(|s| s.start),
            Some(0)
        );
        // Not at a sentence's start, not the source's words, too short to look up, or
        // running past the end of the text.
        assert_eq!(starts.find(a, "ministers left at noon, said"), None);
        assert_eq!(starts.find(a, "The ministers left at 3 pm"), None);
        assert_eq!(starts.find(a, "The talks"), None);
        assert_eq!(
            starts.find(b, "The ministers left at noon and came back. Then"),
            None
        );
        assert_eq!(starts.find(SourceId(7), "The ministers left at noon"), None);
        let asked = [
            (a, "The ministers left at noon"),
            (b, "The ministers left at noon"),
            (a, across),
            (a, "ministers left at noon, said"),
            (a, "The talks"),
            (SourceId(7), "The ministers left at noon"),
        ];
        let one_by_one: Vec<_> = asked.iter().map(|(s, q)| starts.find(*s, q)).collect();
        assert_eq!(starts.find_many(&asked), one_by_one);
    }

    /// Found by the test of a 100 MB source of one line repeated: every insertion walked
    /// the run of all the copies before it.
    #[test]
    fn a_sentence_repeated_many_times_is_entered_only_a_few_times() {
        let line = "Officials said the talks would continue next week, according to reports.\n";
        let mut text = line.repeat(20_000);
        text.push_str("Officials said the talks had failed.");
        let sources = [crate::sample::source("a", "A", &text)];
        let started = std::time::Instant::now();
        let starts = SentenceStarts::new(&sources);
        let occupied = starts.slots.iter().filter(|s| **s != EMPTY).count();
        assert!(occupied <= MAX_PROBES + 1, "{occupied}");
        let a = SourceId(0);
        assert_eq!(starts.find(a, &line[..40]), Some(0..40));
        // Left out behind the copies: kept as a copy when read, found when placed.
        assert_eq!(starts.find(a, "Officials said the talks had failed."), None);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
