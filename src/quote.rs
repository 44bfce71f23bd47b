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

/// Characters of a folded quote that may stand for something else in the source: a space for
/// any run of white space, a straight quote mark for a curly one.
fn is_flexible(c: char) -> bool {
    matches!(c, ' ' | '\'' | '"')
}

/// The forgiving search without preparing the whole text, for a few quotes in a long source:
/// the quote's longest run of characters that must appear verbatim (no white space, no quote
/// marks) is found with memchr's searcher, and the rest of the quote is compared around each
/// place it occurs. Agrees with [`NormalizedText::find`]; `None` when the quote has no such
/// run (it is all spaces and quote marks), so that search must be used instead.
pub fn find_anchored(text: &str, quote: &str) -> Option<Option<Found>> {
    let needle: Vec<char> = fold(quote.trim()).chars().collect();
    let mut best = 0..0;
    let mut run_start = 0;
    for (i, c) in needle.iter().enumerate() {
        if is_flexible(*c) {
            run_start = i + 1;
        } else if i + 1 - run_start > best.len() {
            best = run_start..i + 1;
        }
    }
    if best.is_empty() {
        return None;
    }
    let anchor: String = needle[best.clone()].iter().collect();
    let finder = memchr::memmem::Finder::new(anchor.as_bytes());
    let bytes = text.as_bytes();
    let mut first: Option<Range<usize>> = None;
    let mut occurrences = 0;
    let mut from = 0;
    while let Some(at) = finder.find(&bytes[from..]) {
        let at = from + at;
        let start = match_backward(text, at, &needle[..best.start]);
        let end = match_forward(text, at + anchor.len(), &needle[best.end..]);
        if let (Some(start), Some(end)) = (start, end) {
            occurrences += 1;
            first.get_or_insert(start..end);
        }
        // Step one char, so that overlapping occurrences count too.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    Some(first.map(|span| Found { span, occurrences }))
}

/// Matches the folded `rest` forwards from byte `at`; where the match ends.
fn match_forward(text: &str, at: usize, rest: &[char]) -> Option<usize> {
    let mut chars = text[at..].char_indices().peekable();
    let mut end = at;
    for &wanted in rest {
        let (i, c) = chars.next()?;
        if wanted == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
        } else if c.is_whitespace() || fold_char(c) != wanted {
            return None;
        } else {
            end = at + i + c.len_utf8();
        }
    }
    Some(end)
}

/// Matches the folded `rest` backwards, ending just before byte `at`; where the match starts.
fn match_backward(text: &str, at: usize, rest: &[char]) -> Option<usize> {
    let mut chars = text[..at].char_indices().rev().peekable();
    let mut start = at;
    for &wanted in rest.iter().rev() {
        let (i, c) = chars.next()?;
        if wanted == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
        } else if c.is_whitespace() || fold_char(c) != wanted {
            return None;
        } else {
            start = i;
        }
    }
    Some(start)
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
    fn the_anchored_search_agrees_with_the_prepared_one() {
        let text = "He said \u{201C}no\u{201D}.  Then\n\tU.K.\u{2019}s   commitment; U.K.'s commitment. ab ab ab";
        for quote in [
            "\"no\". Then U.K.'s",
            "U.K.'s commitment",
            "commitment",
            "ab ab",
            "s commitment; U.K.",
            "absent",
            "said \"no\"",
        ] {
            let prepared = NormalizedText::new(text).find(quote);
            assert_eq!(find_anchored(text, quote), Some(prepared), "{quote:?}");
        }
        assert_eq!(find_anchored(text, "' \""), None);
    }

    #[test]
    fn missing_quotes_are_not_found() {
        assert_eq!(find("Putin told Johnson.", "Putin told Biden"), None);
    }
}
