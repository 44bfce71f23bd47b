//! A problem found in a dataset: where it is, what is wrong, and what might fix it.

use std::fmt;

// Where the loader, the commands and the tests have always found them.
pub use crate::text::safe::{escape_unsafe, is_unsafe_char};

/// One problem, reported with its place so the author can go straight to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user knows it: the dataset folder joined with the file's name.
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// 1-based column, for JSON syntax errors.
    pub column: Option<usize>,
    /// The record's field it is about (`date`, `quotes`), when it is about one.
    pub field: Option<Box<str>>,
    /// Whether it stops the load (an error) or is only worth telling (a note).
    pub severity: Severity,
    pub message: String,
    /// A suggestion, printed on its own line under the problem.
    pub hint: Option<Box<str>>,
}

/// How much a problem matters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Severity {
    /// The dataset cannot be used until it is fixed.
    #[default]
    Error,
    /// Worth telling, but the dataset loads (e.g. a quote found twice: the first is used).
    Note,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line,
            column: None,
            field: None,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    /// The same problem, said to be about the record's `field`.
    pub fn with_field(mut self, field: impl Into<Box<str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The same problem as a note: told, but not stopping the load.
    pub fn as_note(mut self) -> Self {
        self.severity = Severity::Note;
        self
    }

    pub fn with_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<Box<str>>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// `file:line:column: message`, then `  hint: ...` on the next line when there is one. Problems
/// are printed to terminals, so whatever of the data reached them (a folder name, a field name
/// quoted by serde) has its control, bidirectional and zero-width characters escaped here.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", escape_unsafe(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", escape_unsafe(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", escape_unsafe(hint))?;
        }
        Ok(())
    }
}

/// Quotes a value from the data for a message, shortened and with control characters escaped
/// so that a hostile value cannot garble the report.
pub fn quoted(value: &str) -> String {
    quoted_up_to(value, 80)
}

/// `quoted`, keeping up to `limit` characters.
pub fn quoted_up_to(value: &str, limit: usize) -> String {
    // Cut first, then escape: a joiner left dangling by the cut is escaped too.
    let (kept, cut) = match value.char_indices().nth(limit) {
        Some((at, _)) => (&value[..at], "…"),
        None => (value, ""),
    };
    format!("'{}{cut}'", escape_unsafe(kept))
}

/// The candidate closest to `wanted` by edit distance, when it is close enough to be a typo:
/// of the whole candidate, or of one of its words (`nortrop` is a letter from the first word
/// of `northrop-grumman`; a word counts one letter further, so that a whole candidate as close
/// wins). `wanted` itself is never the answer: a suggestion of what was typed helps nobody.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = wanted.chars().count();
    let limit = (length / 3).max(2);
    // The difference in length is the least edit distance: most candidates are passed over
    // without computing one.
    let within = |text: &str, extra: usize| {
        let near = text.chars().count().abs_diff(length) + extra <= limit;
        near.then(|| strsim::levenshtein(wanted, text) + extra)
            .filter(|distance| *distance <= limit)
    };
    candidates
        .into_iter()
        .filter(|c| *c != wanted)
        .filter_map(|c| {
            let words = c.split(|ch: char| !ch.is_alphanumeric());
            let word = words
                .filter(|w| !w.is_empty() && w.len() < c.len())
                .filter_map(|w| within(w, 1))
                .min();
            within(c, 0).into_iter().chain(word).min().map(|d| (d, c))
        })
        .min_by_key(|(distance, c)| (*distance, *c))
        .map(|(_, c)| c)
}

/// " (did you mean 'x'?)" when there is a close candidate, else nothing.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, candidates)
        .map(|c| format!(" (did you mean {}?)", quoted(c)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_place_message_and_hint() {
        let p = Problem::new("data/events.jsonl", Some(12), "unknown actor 'putn'")
            .with_column(3)
            .with_hint("add it to actors.json");
        assert_eq!(
            p.to_string(),
            "data/events.jsonl:12:3: unknown actor 'putn'\n  hint: add it to actors.json"
        );
        assert_eq!(
            Problem::new("data", None, "no events").to_string(),
            "data: no events"
        );
    }

    #[test]
    fn quotes_values_safely() {
        assert_eq!(quoted("a\u{1b}[31mb"), "'a\\u{1b}[31mb'");
        assert_eq!(quoted(&"x".repeat(100)).chars().count(), 83);
        assert_eq!(quoted("a\u{202e}b\u{9b}"), "'a\\u{202e}b\\u{9b}'");
        assert_eq!(
            quoted("👩\u{200d}👧 Jo\u{200d}hn"),
            "'👩\u{200d}👧 Jo\\u{200d}hn'"
        );
        let p = Problem::new("da\x1bta/x", Some(1), "field `\x07`").with_hint("\u{200b}");
        assert_eq!(
            p.to_string(),
            "da\\u{1b}ta/x:1: field `\\u{7}`\n  hint: \\u{200b}"
        );
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["putin", "johnson", "russia"];
        assert_eq!(did_you_mean("putn", ids), " (did you mean 'putin'?)");
        assert_eq!(did_you_mean("biden", ids), "");
    }

    /// Found by a new user's trial: triage's form said `unknown actor 'nortrop'` with no
    /// suggestion, as `northrop-grumman` is nine edits away; and `actors --search skoda` said
    /// "did you mean 'skoda'?", the query itself.
    #[test]
    fn suggests_an_id_one_of_whose_words_is_close_but_never_the_query() {
        let ids = ["ron-sugar", "northrop-grumman", "boeing", "skoda"];
        assert_eq!(
            did_you_mean("nortrop", ids),
            " (did you mean 'northrop-grumman'?)"
        );
        assert_eq!(
            did_you_mean("grumman", ids),
            " (did you mean 'northrop-grumman'?)"
        );
        assert_eq!(did_you_mean("skoda", ids), "");
        assert_eq!(did_you_mean("skodaa", ids), " (did you mean 'skoda'?)");
        // A whole id as close as another's word is the one suggested.
        assert_eq!(
            did_you_mean("putn", ["vladimir-putin", "putin"]),
            " (did you mean 'putin'?)"
        );
        assert_eq!(did_you_mean("lockheed", ids), "");
    }
}
