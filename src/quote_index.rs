//! Exact quote search for many quotes in one document, without scanning the document once per
//! quote: one walk over the document's word starts, each looked up among the quotes' anchors.
//!
//! Why it is exact: take the first place inside a quote where a word starts (a word byte after
//! a non-word byte), at offset `k >= 1`. Wherever the quote occurs in the document, at `p`, the
//! document has the same two bytes at `p + k - 1` and `p + k`, so `p + k` is a word start there
//! too. Looking up the eight bytes at each word start among the quotes' anchors therefore finds
//! every occurrence; each candidate is then compared in full. Quotes with no word start after their
//! first byte (a single word, say) are searched the plain way.

use rustc_hash::FxHashMap;

use crate::quote::Found;

/// Bytes that make up words: ASCII letters and digits, and every byte of a non-ASCII char
/// (so that "Ukraine’s" and "東京" behave like words).
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// The offsets of `haystack`'s word starts (a word byte after a non-word byte, or first), in
/// order. Found 64 bytes at a time as a mask, without a branch per byte: a text's bytes
/// change between word and not every few bytes, which a branch per byte mispredicts.
fn word_starts(haystack: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut previous_is_word = 0u64;
    haystack
        .chunks(64)
        .enumerate()
        .flat_map(move |(chunk_at, chunk)| {
            let words = word_mask(chunk);
            let starts = words & !((words << 1) | previous_is_word);
            previous_is_word = words >> 63;
            Bits(starts).map(move |bit| chunk_at * 64 + bit)
        })
}

/// Bit `i` set where `chunk[i]` (of up to 64 bytes) is a word byte: eight bytes at a time,
/// as arithmetic on a `u64` (see `word_bytes`).
fn word_mask(chunk: &[u8]) -> u64 {
    let mut mask = 0u64;
    for (n, eight) in chunk.chunks(8).enumerate() {
        let mut bytes = [0u8; 8];
        bytes[..eight.len()].copy_from_slice(eight);
        mask |= word_bytes(u64::from_le_bytes(bytes)) << (8 * n);
    }
    mask
}

/// Bit `i` set where byte `i` of `x` (little-endian) is a word byte, worked out for all eight
/// at once: each byte's top bit says whether it passes, then the eight top bits are gathered.
fn word_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let non_ascii = x & TOPS;
    let ascii = x & !TOPS;
    // Top bit set where an ASCII byte is at least `c`: adding 0x80 - c carries into it (never
    // out of the byte, as an ASCII byte plus at most 0x80 stays below 0x100).
    let at_least = |bytes: u64, c: u8| bytes.wrapping_add(ONES * u64::from(0x80 - c)) & TOPS;
    let digit = at_least(ascii, b'0') & !at_least(ascii, b'9' + 1);
    let lower = ascii | (ONES * 0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let tops = (non_ascii | digit | letter) >> 7;
    // Gathers the low bit of each byte into the top byte, byte `i` to bit `i`.
    tops.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The set bits of a mask, lowest first.
struct Bits(u64);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

/// Up to eight bytes from `bytes` packed big-endian, zero-padded: keys sort like the bytes.
fn key(bytes: &[u8]) -> u64 {
    let mut packed = [0u8; 8];
    let n = bytes.len().min(8);
    packed[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(packed)
}

/// Where a quote is anchored: the offset of its first word start after its first byte, and
/// the key of the (up to eight) bytes from there.
struct Anchor {
    offset: usize,
    key: u64,
    /// How many bytes the key covers (fewer than eight when the quote ends sooner).
    len: usize,
}

fn anchor(quote: &[u8]) -> Option<Anchor> {
    let offset = (1..quote.len()).find(|&k| is_word(quote[k]) && !is_word(quote[k - 1]))?;
    let len = (quote.len() - offset).min(8);
    Some(Anchor {
        offset,
        key: key(&quote[offset..offset + len]),
        len,
    })
}

/// The key of `len` bytes, as the masked key of eight bytes would read.
fn masked(key: u64, len: usize) -> u64 {
    key & !(u64::MAX.checked_shr(8 * len as u32).unwrap_or(0))
}

/// Bits in the filter of anchor keys: one source's quotes (a hundred, say) set a few, so
/// that nearly every word start of the text is passed over on one bit, without a lookup.
const FILTER_BITS: usize = 1 << 14;

/// Where `key` falls in the filter of anchor keys.
fn filter_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// The eight bytes from `at` packed as `key` does: one load when they are all there.
fn key_at(haystack: &[u8], at: usize) -> u64 {
    match haystack.get(at..at + 8) {
        Some(eight) => {
            let mut packed = [0u8; 8];
            packed.copy_from_slice(eight);
            u64::from_be_bytes(packed)
        }
        None => key(haystack.get(at..).unwrap_or_default()),
    }
}

/// Finds every quote in `text`: the first exact occurrence of each and how many there are
/// (overlapping ones count), walking the text's word starts once for all the quotes.
pub fn find_all(text: &str, quotes: &[&str]) -> Vec<Option<Found>> {
    let haystack = text.as_bytes();
    let mut results: Vec<Option<Found>> = vec![None; quotes.len()];
    // Quotes by anchor key, one table per key length (almost always just the eight-byte one).
    let mut by_key: [FxHashMap<u64, Vec<usize>>; 9] = Default::default();
    let mut filters: [Vec<u64>; 9] = Default::default();
    let mut anchors: Vec<usize> = vec![0; quotes.len()];
    for (q, quote) in quotes.iter().enumerate() {
        let bytes = quote.as_bytes();
        if bytes.is_empty() || bytes.len() > haystack.len() {
            continue;
        }
        match anchor(bytes) {
            Some(a) => {
                anchors[q] = a.offset;
                by_key[a.len].entry(a.key).or_default().push(q);
                let filter = &mut filters[a.len];
                if filter.is_empty() {
                    filter.resize(FILTER_BITS / 64, 0);
                }
                let bit = filter_bit(a.key);
                filter[bit / 64] |= 1 << (bit % 64);
            }
            None => results[q] = scan(text, quote),
        }
    }
    let lengths: Vec<usize> = (1..=8).filter(|l| !by_key[*l].is_empty()).collect();
    if lengths.is_empty() {
        return results;
    }
    for at in word_starts(haystack) {
        let here = key_at(haystack, at);
        for &len in &lengths {
            let wanted = masked(here, len);
            let bit = filter_bit(wanted);
            if filters[len][bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let Some(candidates) = by_key[len].get(&wanted) else {
                continue;
            };
            for &q in candidates {
                let needle = quotes[q].as_bytes();
                let Some(start) = at.checked_sub(anchors[q]) else {
                    continue;
                };
                if haystack.get(start..start + needle.len()) == Some(needle) {
                    // Word starts come in order, so the first match seen is the first.
                    let found = results[q].get_or_insert(Found {
                        span: start..start + needle.len(),
                        occurrences: 0,
                    });
                    found.occurrences += 1;
                }
            }
        }
    }
    results
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
        find_all(text, &[quote])
            .pop()
            .flatten()
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
    fn word_mask_agrees_with_is_word() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 1 + (round % 64);
            let chunk: Vec<u8> = (0..len)
                .map(|i| (state.rotate_left(i as u32 * 7) ^ (round as u64 * 31 + i as u64)) as u8)
                .collect();
            let expected = chunk
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &b)| m | (u64::from(is_word(b)) << i));
            assert_eq!(word_mask(&chunk), expected, "{chunk:?}");
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        for chunk in every_byte.chunks(64) {
            let expected = chunk
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &b)| m | (u64::from(is_word(b)) << i));
            assert_eq!(word_mask(chunk), expected);
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
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut quotes = Vec::new();
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
            quotes.push(quote);
        }
        // All at once, as the loader asks: the answers must not depend on the company.
        for (quote, got) in quotes.iter().zip(find_all(&text, &quotes)) {
            assert_eq!(
                got.map(|f| (f.span, f.occurrences)),
                scan(&text, quote).map(|f| (f.span, f.occurrences)),
                "{quote:?}"
            );
        }
    }
}
