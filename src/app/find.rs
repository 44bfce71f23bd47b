//! Finding text in events: titles, summaries and quotes, smart case (case-insensitive unless
//! the query has a capital), like vim's `smartcase`.

use std::ops::Range;

use crate::model::{Event, EventIx};
use crate::timeline::Timeline;

/// A query, folded once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle {
    pub query: String,
    pub case_sensitive: bool,
    /// The query as compared: lowercased unless case-sensitive.
    folded: Vec<char>,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let case_sensitive = query.chars().any(char::is_uppercase);
        Needle {
            query: query.to_string(),
            case_sensitive,
            folded: query.chars().map(|c| fold(c, case_sensitive)).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Byte ranges of the non-overlapping occurrences in `text`, first to last.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let n = self.folded.len();
        if n == 0 {
            return Vec::new();
        }
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (i, fold(c, self.case_sensitive)))
            .collect();
        let mut out = Vec::new();
        let mut at = 0;
        while at + n <= chars.len() {
            if chars[at..at + n]
                .iter()
                .zip(&self.folded)
                .all(|((_, c), q)| c == q)
            {
                let end = chars.get(at + n).map_or(text.len(), |(i, _)| *i);
                out.push(chars[at].0..end);
                at += n;
            } else {
                at += 1;
            }
        }
        out
    }

    pub fn is_in(&self, text: &str) -> bool {
        if self.case_sensitive {
            return text.contains(&self.query);
        }
        // Most text is ASCII: compare bytes in place, without copying the text.
        if text.is_ascii() && self.query.is_ascii() {
            let query = self.query.as_bytes();
            return text
                .as_bytes()
                .windows(query.len())
                .any(|w| w.eq_ignore_ascii_case(query));
        }
        !self.ranges(text).is_empty()
    }

    /// Whether the event's title, summary or any quote holds the query.
    pub fn matches(&self, event: &Event) -> bool {
        self.is_in(&event.title)
            || event.summary.as_deref().is_some_and(|s| self.is_in(s))
            || event.quotes.iter().any(|q| self.is_in(&q.text))
    }
}

fn fold(c: char, case_sensitive: bool) -> char {
    if case_sensitive {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// An active find: the query and the events of the view that match, in timeline order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Find {
    pub needle: Needle,
    pub hits: Vec<EventIx>,
}

impl Find {
    /// Finds `needle` in `view`: one pass.
    pub fn new(timeline: &Timeline, view: &[EventIx], needle: Needle) -> Find {
        let hits = view
            .iter()
            .copied()
            .filter(|ix| needle.matches(timeline.event(*ix)))
            .collect();
        Find { needle, hits }
    }

    /// The 1-based number of `event` among the hits.
    pub fn number_of(&self, event: Option<EventIx>) -> Option<usize> {
        event.and_then(|e| self.hits.binary_search(&e).ok().map(|i| i + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let lower = Needle::new("sanctions");
        assert!(!lower.case_sensitive);
        assert!(lower.is_in("New Sanctions announced"));
        assert_eq!(lower.ranges("Sanctions and sanctions"), [0..9, 14..23]);
        let upper = Needle::new("Sanctions");
        assert!(upper.case_sensitive);
        assert!(!upper.is_in("new sanctions"));
        assert_eq!(upper.ranges("sanctions Sanctions"), vec![10..19]);
    }

    #[test]
    fn ranges_are_byte_ranges_of_the_original_text() {
        let needle = Needle::new("état");
        assert_eq!(needle.ranges("L'État, c'est moi"), vec![2..7]);
        assert!(needle.is_in("L'ÉTAT"));
        assert_eq!(Needle::new("aa").ranges("aaaa"), [0..2, 2..4]);
        assert!(Needle::new("").ranges("abc").is_empty());
    }
}
