//! Where each sentence of the sources begins, found by its first bytes: while the events are
//! read, a quote that opens a sentence of its source (nearly every quote) is kept as a span
//! of that source instead of a copy of its text. A million quotes' texts held until they are
//! placed were the largest part of a load's peak memory.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::model::{Source, SourceId};

/// Bytes of a sentence's start that its key is made from: shorter quotes, and sentences, are
/// not looked up (they are few, and kept as copies).
const PREFIX: usize = 16;

/// An open-addressing table of every sentence at least `PREFIX` bytes long, by its source and
/// first bytes: four bytes a slot, half empty or more, freed once the events are read.
pub struct SentenceStarts<'a> {
    sources: &'a [Source],
    /// The number of the first sentence of each source overall, and the total at the end.
    base: Vec<u32>,
    /// Sentence numbers overall plus one; zero is an empty slot.
    slots: Vec<u32>,
}

impl<'a> SentenceStarts<'a> {
    pub fn new(sources: &'a [Source]) -> SentenceStarts<'a> {
        let mut base = Vec::with_capacity(sources.len() + 1);
        let mut total = 0usize;
        for source in sources {
            base.push(u32::try_from(total).unwrap_or(u32::MAX));
            total += source.sentences.len();
        }
        base.push(u32::try_from(total).unwrap_or(u32::MAX));
        let mut starts = SentenceStarts {
            sources,
            base,
            slots: Vec::new(),
        };
        // More sentences than a slot can number: no table, every quote kept as a copy.
        if total >= u32::MAX as usize {
            return starts;
        }
        starts.slots = vec![0; (total + total / 2).next_power_of_two().max(2)];
        let mask = starts.slots.len() - 1;
        for (s, source) in sources.iter().enumerate() {
            for (n, sentence) in source.sentences.iter().enumerate() {
                let Some(prefix) = source
                    .text
                    .as_bytes()
                    .get(sentence.start as usize..)
                    .filter(|_| sentence.len() >= PREFIX)
                    .and_then(|rest| rest.get(..PREFIX))
                else {
                    continue;
                };
                let mut at = key(s, prefix) as usize & mask;
                while starts.slots[at] != 0 {
                    at = (at + 1) & mask;
                }
                starts.slots[at] = starts.base[s] + n as u32 + 1;
            }
        }
        starts
    }

    /// Where `quote` lies in `source` when it begins where one of the source's sentences does
    /// (it may run past that sentence's end).
    pub fn find(&self, source: SourceId, quote: &str) -> Option<Range<usize>> {
        let s = source.index();
        let prefix = quote.as_bytes().get(..PREFIX)?;
        let text = self.sources.get(s)?.text.as_str();
        let sentences = &self.sources[s].sentences;
        let (first, end) = (*self.base.get(s)?, *self.base.get(s + 1)?);
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = key(s, prefix) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let number = slot - 1;
            if (first..end).contains(&number) {
                let start = sentences[(number - first) as usize].start as usize;
                let span = start..start + quote.len();
                if text.as_bytes().get(span.clone()) == Some(quote.as_bytes()) {
                    return Some(span);
                }
            }
            at = (at + 1) & mask;
        }
    }
}

fn key(source: usize, prefix: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_usize(source);
    hasher.write(prefix);
    hasher.finish()
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
    }
}
