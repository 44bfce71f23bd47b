//! Text folded for matching names: lower case, accents dropped, curly apostrophes straight,
//! with a map from every folded byte back to the original text, so a match found in the folded
//! text is reported as a span of the original.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A folded copy of a text and where each of its bytes came from.
#[derive(Clone, Debug)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the offset in the original of the character it came from;
    /// one more entry at the end holds the original's length.
    origin: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            for part in fold_char(c) {
                let before = text.len();
                text.push(part);
                origin.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        origin.push(original.len());
        Folded { text, origin }
    }

    /// The span of the original text that the folded bytes `span` came from.
    pub fn original(&self, span: Range<usize>) -> Range<usize> {
        let start = self.origin[span.start.min(self.origin.len() - 1)];
        if span.end <= span.start {
            return start..start;
        }
        // The end is where the next character after the last folded byte's starts; the final
        // entry (the original's length) is past every character.
        let last = self.origin[(span.end - 1).min(self.origin.len() - 1)];
        let end = self.origin[span.end.min(self.origin.len() - 1)..]
            .iter()
            .copied()
            .find(|&o| o > last)
            .unwrap_or(start);
        start..end
    }

    /// Whether the folded bytes `span` are a whole word (or words): no letter or digit
    /// touches either end.
    pub fn is_whole_word(&self, span: &Range<usize>) -> bool {
        let before = self.text[..span.start].chars().next_back();
        let after = self.text[span.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// Folds a name the way `Folded` folds a text, for building patterns and comparing names.
pub fn fold(text: &str) -> String {
    text.chars().flat_map(fold_char).collect()
}

fn fold_char(c: char) -> impl Iterator<Item = char> {
    let straight = match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        other => other,
    };
    std::iter::once(straight)
        .nfd()
        .filter(|d| !is_combining_mark(*d))
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_and_maps_back() {
        let original = "Sébastien LECORNU’s plan";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "sebastien lecornu's plan");
        let at = folded.text.find("lecornu's").unwrap();
        let span = folded.original(at..at + "lecornu's".len());
        assert_eq!(&original[span], "LECORNU’s");
        let at = folded.text.find("sebastien").unwrap();
        assert_eq!(&original[folded.original(at..at + 9)], "Sébastien");
    }

    #[test]
    fn whole_words_are_not_parts_of_longer_ones() {
        let folded = Folded::new("Russian troops; Russia's army");
        let first = 0..6;
        assert_eq!(&folded.text[first.clone()], "russia");
        assert!(!folded.is_whole_word(&first));
        let second = 16..22;
        assert_eq!(&folded.text[second.clone()], "russia");
        assert!(folded.is_whole_word(&second));
    }
}
