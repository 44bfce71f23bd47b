//! Finding a quote in its source text, forgiving only what typing a quote cannot preserve:
//! runs of white space, and curly versus straight quotation marks and apostrophes.

use std::ops::Range;

/// Where a quote was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The first occurrence, as a byte range of the source text.
    pub span: Range<usize>,
    /// How many times the quote occurs in all; more than one means the first was taken.
    pub occurrences: usize,
}

/// A source text prepared for forgiving search. Building it costs a pass over the text, so the
/// loader makes one per source and only when an exact search has failed.
pub struct NormalizedText {
    folded: String,
    /// For each byte of `folded`, the byte offset in the original text where its char began.
    origin: Vec<u32>,
    original_len: usize,
}

fn count_occurrences(haystack: &str, needle: &str) -> usize {
    let mut count = 0;
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        count += 1;
        // Step one char, not the whole needle, so overlapping occurrences count too.
        let step = haystack[from + at..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        from += at + step;
    }
    count
}

/// Maps a char to what forgiving comparison sees: one straight quote for all quote marks.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// Folds white space runs to one space and quote marks to straight ones.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(fold_char(c));
            in_space = false;
        }
    }
    out
}

impl NormalizedText {
    pub fn new(text: &str) -> NormalizedText {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    folded.push(' ');
                    origin.push(at as u32);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let folded_char = fold_char(c);
            folded.push(folded_char);
            origin.extend(std::iter::repeat_n(at as u32, folded_char.len_utf8()));
        }
        NormalizedText {
            folded,
            origin,
            original_len: text.len(),
        }
    }

    /// The first occurrence of `quote` under forgiving comparison, and how many there are.
    pub fn find(&self, quote: &str) -> Option<Found> {
        let needle = fold(quote);
        let start = self.folded.find(&needle)?;
        let end = start + needle.len();
        let occurrences = count_occurrences(&self.folded, &needle);
        let original_start = self.origin[start] as usize;
        // The quote ends where the original char after its last folded byte begins; when that
        // is a collapsed white space run, `origin` points at the run's first byte, as it should.
        let original_end = self
            .origin
            .get(end)
            .map_or(self.original_len, |o| *o as usize);
        Some(Found {
            span: original_start..original_end,
            occurrences,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, quote: &str) -> Option<(String, usize)> {
        NormalizedText::new(text)
            .find(quote.trim())
            .map(|f| (text[f.span].to_string(), f.occurrences))
    }

    #[test]
    fn forgives_white_space_and_quote_styles() {
        let text = "He emphasised U.K.\u{2019}s   commitment\nto Ukraine\u{2019}s integrity.";
        assert_eq!(
            find(text, "U.K.'s commitment to Ukraine's"),
            Some(("U.K.\u{2019}s   commitment\nto Ukraine\u{2019}s".into(), 1))
        );
        let text = "read, \u{201C}The Wagner Group is responsible.\u{201D} Then";
        assert_eq!(
            find(text, "\"The Wagner Group is responsible.\""),
            Some(("\u{201C}The Wagner Group is responsible.\u{201D}".into(), 1))
        );
    }

    #[test]
    fn counts_repeated_quotes_and_takes_the_first() {
        let text = "Russia  denied it. Russia denied\tit.";
        assert_eq!(
            find(text, "Russia denied it."),
            Some(("Russia  denied it.".into(), 2))
        );
    }

    #[test]
    fn missing_quotes_are_not_found() {
        assert_eq!(find("Putin told Johnson.", "Putin told Biden"), None);
    }
}
