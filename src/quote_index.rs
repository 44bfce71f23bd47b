//! Exact quote search for many quotes in one document, without scanning the document once per
//! quote: an index of the document's word starts, keyed by the eight bytes that follow each.
//!
//! Why it is exact: take the first place inside a quote where a word starts (a word byte after
//! a non-word byte), at offset `k >= 1`. Wherever the quote occurs in the document, at `p`, the
//! document has the same two bytes at `p + k - 1` and `p + k`, so `p + k` is a word start there
//! too and is in the index. Looking up the quote's bytes from `k` therefore finds every
//! occurrence; each candidate is then compared in full. Quotes with no word start after their
//! first byte (a single word, say) are searched the plain way.

use crate::quote::Found;

/// Bytes that make up words: ASCII letters and digits, and every byte of a non-ASCII char
/// (so that "Ukraine’s" and "東京" behave like words).
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// Up to eight bytes from `bytes` packed big-endian, zero-padded: keys sort like the bytes.
fn key(bytes: &[u8]) -> u64 {
    let mut packed = [0u8; 8];
    let n = bytes.len().min(8);
    packed[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(packed)
}

pub struct QuoteIndex<'t> {
    text: &'t str,
    /// (key of the eight bytes at a word start, its byte offset), sorted.
    starts: Vec<(u64, u32)>,
}

impl<'t> QuoteIndex<'t> {
    pub fn new(text: &'t str) -> QuoteIndex<'t> {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 5);
        let mut previous_is_word = false;
        for (at, &byte) in bytes.iter().enumerate() {
            let word = is_word(byte);
            if word && !previous_is_word {
                starts.push((key(&bytes[at..]), at as u32));
            }
            previous_is_word = word;
        }
        starts.sort_unstable();
        QuoteIndex { text, starts }
    }

    /// The first exact occurrence of `quote` and how many there are (overlapping ones count).
    pub fn find(&self, quote: &str) -> Option<Found> {
        let needle = quote.as_bytes();
        let haystack = self.text.as_bytes();
        if needle.is_empty() || needle.len() > haystack.len() {
            return None;
        }
        let Some(anchor) =
            (1..needle.len()).find(|&k| is_word(needle[k]) && !is_word(needle[k - 1]))
        else {
            return scan(self.text, quote);
        };
        // Keys of the index entries whose first bytes equal the needle's from the anchor on.
        let prefix = &needle[anchor..needle.len().min(anchor + 8)];
        let low = key(prefix);
        let spare_bits = 8 * (8 - prefix.len()) as u32;
        let high = low | u64::MAX.checked_shr(64 - spare_bits).unwrap_or(0);
        let from = self.starts.partition_point(|(k, _)| *k < low);
        let to = self.starts.partition_point(|(k, _)| *k <= high);
        let mut first: Option<usize> = None;
        let mut occurrences = 0;
        for &(_, at) in &self.starts[from..to] {
            let Some(start) = (at as usize).checked_sub(anchor) else {
                continue;
            };
            if haystack.get(start..start + needle.len()) == Some(needle) {
                occurrences += 1;
                first = Some(first.map_or(start, |f| f.min(start)));
            }
        }
        first.map(|start| Found {
            span: start..start + needle.len(),
            occurrences,
        })
    }
}

/// The plain search, for quotes the index cannot anchor, and for a few quotes in a long text,
/// where building the index would cost more than reading the text once per quote.
pub fn scan(text: &str, quote: &str) -> Option<Found> {
    if quote.is_empty() {
        return None;
    }
    // memchr's searcher, not `str::find`: std's generic search is compiled with the calling
    // crate, unoptimised in a debug build, where a 100 MB source then took half a minute.
    // A match of valid UTF-8 in valid UTF-8 always starts and ends on char boundaries.
    let finder = memchr::memmem::Finder::new(quote.as_bytes());
    let bytes = text.as_bytes();
    let start = finder.find(bytes)?;
    let mut occurrences = 0;
    let mut from = start;
    while let Some(at) = finder.find(&bytes[from..]) {
        occurrences += 1;
        let found = from + at;
        // Step one char, not the whole quote, so overlapping occurrences count too.
        let step = text[found..].chars().next().map_or(1, char::len_utf8);
        from = found + step;
    }
    Some(Found {
        span: start..start + quote.len(),
        occurrences,
    })
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    fn found(text: &str, quote: &str) -> Option<(Range<usize>, usize)> {
        QuoteIndex::new(text)
            .find(quote)
            .map(|f| (f.span, f.occurrences))
    }

    #[test]
    fn agrees_with_a_plain_search() {
        let text = "Russia denied it. Putin said no; Russia denied it.\nThe E.U. accused Wagner. Ukraine’s border. WhiteRussia denied it.";
        for quote in [
            "Russia denied it.",
            "denied it.",
            "said no",
            "Putin",
            "ussia denied",
            "E.U. accused",
            "’s border",
            "Ukraine’s border.",
            "border. WhiteRussia",
            "absent words",
            ".",
            "it.\nThe",
        ] {
            assert_eq!(
                found(text, quote),
                scan(text, quote).map(|f| (f.span, f.occurrences)),
                "{quote:?}"
            );
        }
    }

    #[test]
    fn counts_overlapping_occurrences() {
        assert_eq!(found("ab ab ab", "ab ab"), Some((0..5, 2)));
        assert_eq!(found("x aa aa aa", " aa aa"), Some((1..7, 2)));
    }

    #[test]
    fn short_and_long_anchors() {
        let text = "He said: war. Then war came. war";
        assert_eq!(found(text, ": war"), Some((7..12, 1)));
        assert_eq!(found(text, " war"), Some((8..12, 3)));
        assert_eq!(found(text, "said: war. Then war came."), Some((3..28, 1)));
        assert_eq!(found("", "x"), None);
        assert_eq!(found("short", "longer than the text"), None);
    }

    #[test]
    fn agrees_with_a_plain_search_on_generated_text() {
        // Deterministic pseudo-random text over a small alphabet, so that quotes recur.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = ['a', 'b', ' ', '.', 'é', 'a', 'b'];
        let text: String = (0..3000).map(|_| alphabet[(next() % 7) as usize]).collect();
        let index = QuoteIndex::new(&text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for _ in 0..500 {
            let from = chars[(next() % chars.len() as u64) as usize].0;
            let len = 1 + (next() % 12) as usize;
            let Some(quote) = text[from..]
                .char_indices()
                .nth(len)
                .map(|(end, _)| &text[from..from + end])
            else {
                continue;
            };
            let got = index.find(quote).map(|f| (f.span, f.occurrences));
            assert_eq!(
                got,
                scan(&text, quote).map(|f| (f.span, f.occurrences)),
                "{quote:?}"
            );
        }
    }
}
