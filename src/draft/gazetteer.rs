//! Finding known names in a text: every name and alias of every actor at once, as whole
//! words, ignoring case and accents.
//!
//! An Aho–Corasick automaton (the `aho-corasick` crate) finds all the names in one pass over
//! the text, however many there are: a dataset may hold a hundred thousand actors, and trying
//! each name in turn would cost a pass per name.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::fold::{fold, Folded};

/// One place a name was found: the span of the original text, and whose name it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// The `owner` given with the name to `Gazetteer::new`.
    pub owner: usize,
}

pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    /// The owner of each pattern, in pattern order.
    owners: Vec<usize>,
    /// Each pattern's name as given, for a caller that asks how it is written.
    names: Vec<String>,
}

impl Gazetteer {
    /// A matcher for `names`, each with its owner (an index the caller gives meaning to).
    /// A name given twice belongs to its first owner; empty names are ignored.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, usize)>) -> Result<Gazetteer, String> {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut names_given = Vec::new();
        let mut seen = HashMap::new();
        for (name, owner) in names {
            let folded = fold(name.trim());
            if folded.is_empty() || seen.contains_key(&folded) {
                continue;
            }
            seen.insert(folded.clone(), owner);
            patterns.push(folded);
            owners.push(owner);
            names_given.push(name.trim().to_string());
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::new(&patterns)
                    .map_err(|e| format!("cannot build the name matcher: {e}"))?,
            )
        };
        Ok(Gazetteer {
            automaton,
            owners,
            names: names_given,
        })
    }

    /// Every whole-word occurrence of a name in `text`, leftmost first; where names overlap
    /// the longest wins ("Russian State" rather than "Russia" inside it is not even a whole
    /// word, but "Wagner Group" beats "Wagner").
    pub fn find(&self, text: &Folded) -> Vec<Mention> {
        self.find_where(text, |_, _, _| true)
    }

    /// As `find`, of the occurrences `keep` accepts, given the span in the original text, the
    /// name as given to `Gazetteer::new` and its owner: a rejected occurrence hides no
    /// shorter name.
    pub fn find_where(
        &self,
        text: &Folded,
        keep: impl Fn(&Range<usize>, &str, usize) -> bool,
    ) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<(Range<usize>, usize)> = automaton
            .find_overlapping_iter(&text.text)
            .filter(|m| {
                text.is_whole_word(&m.range())
                    && keep(
                        &text.original(m.range()),
                        &self.names[m.pattern().as_usize()],
                        self.owners[m.pattern().as_usize()],
                    )
            })
            .map(|m| (m.range(), self.owners[m.pattern().as_usize()]))
            .collect();
        found.sort_by_key(|(span, _)| (span.start, usize::MAX - span.end));
        let mut mentions = Vec::new();
        let mut taken = 0;
        for (span, owner) in found {
            if span.start >= taken {
                taken = span.end;
                mentions.push(Mention {
                    span: text.original(span),
                    owner,
                });
            }
        }
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(text: &str, names: &[(&str, usize)]) -> Vec<(String, usize)> {
        let gazetteer = Gazetteer::new(names.iter().copied()).unwrap();
        gazetteer
            .find(&Folded::new(text))
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.owner))
            .collect()
    }

    #[test]
    fn names_are_found_as_whole_words_ignoring_case_and_accents() {
        let found = names_in(
            "Russian troops: RUSSIA's army, the Wagner Group and Wagner; Zelenskyy met Zélensky.",
            &[
                ("Russia", 0),
                ("Wagner", 1),
                ("Wagner Group", 1),
                ("Zelensky", 2),
            ],
        );
        assert_eq!(
            found,
            [
                ("RUSSIA".to_string(), 0),
                ("Wagner Group".to_string(), 1),
                ("Wagner".to_string(), 1),
                ("Zélensky".to_string(), 2)
            ]
        );
    }

    #[test]
    fn the_longest_of_overlapping_names_wins_and_dotted_initialisms_match() {
        let found = names_in(
            "the U.S. Intelligence said the U.S.’s view; E.U. too",
            &[("U.S.", 0), ("U.S. Intelligence", 1), ("E.U.", 2)],
        );
        assert_eq!(
            found,
            [
                ("U.S. Intelligence".to_string(), 1),
                ("U.S.".to_string(), 0),
                ("E.U.".to_string(), 2)
            ]
        );
    }

    #[test]
    fn a_name_given_twice_keeps_its_first_owner() {
        assert_eq!(
            names_in("Johnson spoke", &[("Johnson", 4), ("johnson", 5), ("", 6)]),
            [("Johnson".to_string(), 4)]
        );
    }
}
