//! Finding text in events: titles, summaries and quotes, smart case (case-insensitive unless
//! the query has a capital), like vim's `smartcase`.

use std::ops::Range;

use crate::model::{Event, EventIx};
use crate::shares::in_shares;
use crate::timeline::Timeline;

/// A query, folded once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle {
    pub query: String,
    pub case_sensitive: bool,
    /// The query as compared: lowercased unless case-sensitive.
    folded: Vec<char>,
    /// The query's bytes ASCII-lowercased, when it is ASCII and case-insensitive: then most
    /// text is searched as bytes, without decoding or copying it.
    ascii_folded: Option<Vec<u8>>,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let case_sensitive = query.chars().any(char::is_uppercase);
        Needle {
            query: query.to_string(),
            case_sensitive,
            folded: query.chars().map(|c| fold(c, case_sensitive)).collect(),
            ascii_folded: (!case_sensitive && query.is_ascii())
                .then(|| query.to_ascii_lowercase().into_bytes()),
        }
    }

    /// Whether every text holding this needle also holds `shorter`, so that this needle's
    /// matches are among `shorter`'s: the query grew around the shorter one. (A capital
    /// makes the longer query case-sensitive, which only narrows it further.)
    pub fn narrows(&self, shorter: &Needle) -> bool {
        if shorter.case_sensitive {
            return self.case_sensitive && self.query.contains(shorter.query.as_str());
        }
        let folded: Vec<char> = self.query.chars().map(|c| fold(c, false)).collect();
        shorter.folded.is_empty()
            || folded
                .windows(shorter.folded.len())
                .any(|w| w == shorter.folded.as_slice())
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
        if let Some(query) = &self.ascii_folded {
            // An ASCII match of the bytes is a match of the chars, as UTF-8 never puts an
            // ASCII byte inside another char. Only non-ASCII text can hold a match the bytes
            // miss (the Kelvin sign folds to 'k'), so only it is searched char by char.
            return match contains_ascii_folded(text.as_bytes(), query) {
                Scan::Found => true,
                Scan::NotFound { ascii } => !ascii && self.is_in_chars(text),
            };
        }
        self.is_in_chars(text)
    }

    /// `is_in` by folded chars, as `ranges` finds them, without allocating.
    fn is_in_chars(&self, text: &str) -> bool {
        let folded = || text.chars().map(|c| fold(c, self.case_sensitive));
        let n = self.folded.len();
        let mut rest = folded();
        loop {
            if rest.clone().take(n).eq(self.folded.iter().copied()) {
                return true;
            }
            if rest.next().is_none() {
                return false;
            }
        }
    }

    /// Whether the event's title, summary or any quote holds the query.
    pub fn matches(&self, timeline: &Timeline, event: &Event) -> bool {
        self.is_in(&event.title)
            || event.summary.as_deref().is_some_and(|s| self.is_in(s))
            || event
                .quotes
                .iter()
                .any(|q| self.is_in(timeline.quote_text(q)))
    }
}

/// What a byte scan found.
enum Scan {
    Found,
    /// Not found; `ascii` says whether the text was all ASCII (only other text can hold a
    /// match that bytes miss).
    NotFound {
        ascii: bool,
    },
}

/// Whether `needle` (ASCII, lowercase) occurs in `hay` with ASCII letters folded. Start
/// positions are tested 32 at a time for the needle's first two bytes (`| 0x20` folds a
/// letter's case, and lets a few other bytes through, which the full comparison then
/// refuses): a loop without branches, which the compiler turns into vector instructions.
/// The same pass notes any byte outside ASCII, so the text is read once.
fn contains_ascii_folded(hay: &[u8], needle: &[u8]) -> Scan {
    const CHUNK: usize = 32;
    let n = needle.len();
    let Some(last_start) = hay.len().checked_sub(n) else {
        return Scan::NotFound {
            ascii: hay.is_ascii(),
        };
    };
    let (Some(&a), Some(&b)) = (needle.first(), needle.get(1)) else {
        // Empty or one byte.
        let found = needle.is_empty() || hay.iter().any(|x| x.to_ascii_lowercase() == needle[0]);
        return if found {
            Scan::Found
        } else {
            Scan::NotFound {
                ascii: hay.is_ascii(),
            }
        };
    };
    let (a, b) = (a | 0x20, b | 0x20);
    let mut high = 0u8;
    let mut at = 0;
    while at <= last_start {
        let end = (at + CHUNK).min(last_start + 1);
        let firsts = &hay[at..end];
        let seconds = &hay[at + 1..end + 1];
        let (hit, bits) = firsts
            .iter()
            .zip(seconds)
            .fold((false, 0u8), |(hit, bits), (x, y)| {
                (hit | (((x | 0x20) == a) & ((y | 0x20) == b)), bits | x)
            });
        high |= bits;
        if hit && (at..end).any(|i| hay[i..i + n].eq_ignore_ascii_case(needle)) {
            return Scan::Found;
        }
        at = end;
    }
    // The last n - 1 bytes were never the first of a pair.
    Scan::NotFound {
        ascii: high < 0x80 && hay[last_start..].is_ascii(),
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
    /// Finds `needle` in `view`: one pass, shared between the cores (a million events'
    /// titles, summaries and quotes are some 300 MB of text).
    pub fn new(timeline: &Timeline, view: &[EventIx], needle: Needle) -> Find {
        let hits = in_shares(view, |share| {
            share
                .iter()
                .copied()
                .filter(|ix| needle.matches(timeline, timeline.event(*ix)))
                .collect()
        });
        Find { needle, hits }
    }

    /// Finds `needle` in the same view as this find: only among this find's hits when the
    /// needle narrows this one's (the query grew), else in `view`.
    pub fn refine(self, timeline: &Timeline, view: &[EventIx], needle: Needle) -> Find {
        if !needle.narrows(&self.needle) {
            return Find::new(timeline, view, needle);
        }
        let mut hits = self.hits;
        hits.retain(|ix| needle.matches(timeline, timeline.event(*ix)));
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

    #[test]
    fn the_byte_scan_agrees_with_the_char_search() {
        let texts = [
            "Karolina Karov sanctioned the gas pipeline",
            "SANCTIONS on GAS",
            "a",
            "",
            "L'ÉTAT sanctionné, 2 \u{212A}arov",
            "x".repeat(40).as_str().to_owned().leak(),
            "ends with the needle at byte 70 after a long run of text: sanctioned",
        ];
        for query in [
            "s",
            "sanction",
            "gas p",
            "karov",
            "état",
            "z",
            "needle at",
            "ned",
        ] {
            let needle = Needle::new(query);
            for text in texts {
                assert_eq!(
                    needle.is_in(text),
                    !needle.ranges(text).is_empty(),
                    "'{query}' in '{text}'"
                );
            }
        }
    }

    #[test]
    fn a_grown_query_refines_the_hits_as_a_new_find_would() {
        let t = crate::sample::timeline();
        let view = t.all_events();
        let mut find = Find::new(&t, &view, Needle::new("r"));
        for query in ["ru", "rus", "russia", "Russia", "russia's", "Putin", "put"] {
            let needle = Needle::new(query);
            let expected = Find::new(&t, &view, needle.clone());
            find = find.refine(&t, &view, needle);
            assert_eq!(find, expected, "{query}");
        }
        assert!(Needle::new("Russia").narrows(&Needle::new("russ")));
        assert!(!Needle::new("russ").narrows(&Needle::new("Russ")));
    }
}
