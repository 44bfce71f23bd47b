//! The words of a sentence, with what the drafter needs to know about each: where it is, what
//! punctuation came before it, whether it is capitalised or possessive.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte span in the whole text.
    pub span: Range<usize>,
    /// Whether a comma, semicolon, colon, dash or bracket stands between this word and the one
    /// before: a clause or phrase boundary.
    pub after_break: bool,
    /// Followed by `'s` or `’s`.
    pub possessive: bool,
    /// Inside quotation marks opened in the sentence: someone else's words.
    pub quoted: bool,
}

impl Word<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    /// Whether the word is written in figures: "2009", "3.41", "31,500", "747".
    pub fn is_numeral(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Whether the word names a month or a day of the week.
    pub fn is_calendar_name(&self) -> bool {
        crate::date::is_calendar_name(&self.lower())
    }
}

/// The words of `text[span]`: runs of letters and digits, joined by inner hyphens and dots
/// (`large-scale`, `U.K`), apostrophe-s split off as `possessive`.
pub fn words(text: &str, span: Range<usize>) -> Vec<Word<'_>> {
    let sentence = &text[span.clone()];
    let mut words: Vec<Word> = Vec::new();
    let mut gap_start = 0;
    let mut quoted = false;
    let mut chars = sentence.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            let joins = (next == '-' || next == '.')
                && sentence[next_at + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if next.is_alphanumeric() || joins {
                end = next_at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // "&amp;" (an "&" as HTML writes it, left in many scraped texts) is the one
        // character: its letters are no word, nor is its semicolon a break, so "Procter
        // &amp; Gamble" is one name as "Procter & Gamble" is.
        if sentence[..at].ends_with('&')
            && sentence[end..].starts_with(';')
            && &sentence[at..end] == "amp"
        {
            continue;
        }
        let gap = &sentence[gap_start..at];
        let marks = gap.replace("&amp;", "&");
        for q in gap.chars() {
            match q {
                '"' => quoted = !quoted,
                '“' => quoted = true,
                '”' => quoted = false,
                _ => {}
            }
        }
        let rest = &sentence[end..];
        // `U.K.’s`: the word's final dot comes before the apostrophe.
        let dot = usize::from(rest.starts_with(".'") || rest.starts_with(".’"));
        let apostrophe = ["'s", "’s", "'S", "’S"].iter().find(|p| {
            rest[dot..].starts_with(**p)
                && !rest[dot + p.len()..].starts_with(char::is_alphanumeric)
        });
        let possessive = apostrophe.is_some();
        words.push(Word {
            text: &sentence[at..end],
            span: span.start + at..span.start + end,
            after_break: !words.is_empty()
                && marks.contains([',', ';', ':', '–', '—', '(', ')', '"', '“', '”']),
            possessive,
            quoted,
        });
        gap_start = end;
        if let Some(apostrophe) = apostrophe {
            let skip = dot + apostrophe.len();
            while chars.peek().is_some_and(|&(i, _)| i < end + skip) {
                chars.next();
            }
            gap_start = end + skip;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_inside_quotation_marks_are_marked() {
        let text = "\"We've reduced it,\" said Angers; “It works” he said.";
        let quoted: Vec<(&str, bool)> = words(text, 0..text.len())
            .iter()
            .map(|w| (w.text, w.quoted))
            .collect();
        assert_eq!(
            quoted,
            [
                ("We", true),
                ("ve", true),
                ("reduced", true),
                ("it", true),
                ("said", false),
                ("Angers", false),
                ("It", true),
                ("works", true),
                ("he", false),
                ("said", false)
            ]
        );
    }

    #[test]
    fn words_keep_inner_hyphens_and_dots_and_split_off_possessives() {
        let text = "Russia’s large-scale moves, the U.K.'s view (NATO) — and 175,000 men.";
        let got: Vec<(&str, bool, bool)> = words(text, 0..text.len())
            .iter()
            .map(|w| (w.text, w.after_break, w.possessive))
            .collect();
        assert_eq!(
            got,
            [
                ("Russia", false, true),
                ("large-scale", false, false),
                ("moves", false, false),
                ("the", true, false),
                ("U.K", false, true),
                ("view", false, false),
                ("NATO", true, false),
                ("and", true, false),
                ("175", false, false),
                ("000", true, false),
                ("men", false, false),
            ]
        );
        let span = words(text, 0..text.len())[1].span.clone();
        assert_eq!(&text[span], "large-scale");
    }

    #[test]
    fn an_ampersand_written_as_an_html_entity_is_no_word_and_no_break() {
        // Found by a new user's trial (W11, 180695): "Procter &amp; Gamble" was read as
        // "Procter", the word "amp" and, after its semicolon, "Gamble", two names.
        let text = "Procter &amp; Gamble and AT&amp;T fell; amp; rose.";
        let got: Vec<(&str, bool)> = words(text, 0..text.len())
            .iter()
            .map(|w| (w.text, w.after_break))
            .collect();
        assert_eq!(
            got,
            [
                ("Procter", false),
                ("Gamble", false),
                ("and", false),
                ("AT", false),
                ("T", false),
                ("fell", false),
                ("amp", true),
                ("rose", true),
            ]
        );
    }
}
