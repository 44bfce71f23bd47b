//! What an import counts instead of refusing: rows merged because they repeat a row read
//! before, and values that look odd but may be right. Each kind is one note per file, with how
//! many rows, where the first ones are, and examples, so that a million rows make one line.

use crate::problem::{quoted, Problem};

/// A kind of observation counted per file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// A row identical to one read before (overlapping downloads); example: where that was.
    Merged,
    /// Coordinates outside their country's box, either way round; example: country and point.
    OutsideCountry,
    /// Coordinates whose country has no box in the table; example: the country as written.
    Unchecked,
    /// An ACLED event type that is not one of the codebook's six; example: the type.
    UnknownEventType,
    /// An ACLED sub-event type that is not in the codebook; example: the type.
    UnknownSubEventType,
}

const SHOWN_LINES: usize = 5;
const SHOWN_EXAMPLES: usize = 3;

struct Tally {
    file: String,
    kind: NoteKind,
    count: usize,
    last_line: usize,
    lines: Vec<usize>,
    examples: Vec<String>,
}

/// The counts, in the order first seen.
#[derive(Default)]
pub struct Tallies(Vec<Tally>);

impl Tallies {
    /// Counts one row of `file` at `line`; `example` is asked for only while few are kept.
    pub fn add(
        &mut self,
        file: &str,
        kind: NoteKind,
        line: usize,
        example: impl FnOnce() -> String,
    ) {
        let at = match self.0.iter().position(|t| t.kind == kind && t.file == file) {
            Some(at) => at,
            None => {
                self.0.push(Tally {
                    file: file.to_string(),
                    kind,
                    count: 0,
                    last_line: 0,
                    lines: Vec::new(),
                    examples: Vec::new(),
                });
                self.0.len() - 1
            }
        };
        let tally = &mut self.0[at];
        // A row counts once, however many of its values are noted (GDELT's three places).
        let again = line > 0 && tally.last_line == line;
        tally.last_line = line;
        if !again {
            tally.count += 1;
            if tally.lines.len() < SHOWN_LINES && line > 0 {
                tally.lines.push(line);
            }
        }
        if tally.examples.len() < SHOWN_EXAMPLES {
            let example = example();
            if !tally.examples.contains(&example) {
                tally.examples.push(example);
            }
        }
    }

    /// One note per file and kind.
    pub fn notes(&self) -> Vec<Problem> {
        self.0
            .iter()
            .map(|t| Problem::new(&t.file, None, t.sentence()))
            .collect()
    }
}

impl Tally {
    fn sentence(&self) -> String {
        let n = self.count;
        let rows = if n == 1 {
            "1 row".to_string()
        } else {
            format!("{n} rows")
        };
        let lines = self.lines();
        let quoted_examples = || {
            self.examples
                .iter()
                .map(|e| quoted(e))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.kind {
            NoteKind::Merged => format!(
                "{rows} identical to {} read before, merged: {lines} ({} repeats {})",
                if n == 1 { "a row" } else { "rows" },
                if n == 1 { "it" } else { "the first" },
                self.examples.first().map_or("", String::as_str)
            ),
            NoteKind::OutsideCountry => format!(
                "{rows} with coordinates more than 1° outside their country's bounding box \
                 (Natural Earth), either way round: at sea, or mis-coded? {lines} ({})",
                self.examples.join("; ")
            ),
            NoteKind::Unchecked => format!(
                "coordinates of {} not checked: no bounding box for {} ({lines})",
                rows,
                quoted_examples()
            ),
            NoteKind::UnknownEventType => format!(
                "{rows} with an event type that is not one of ACLED's six ({}; {lines}): older \
                 ACLED versions used others; their sub-event types are not checked",
                quoted_examples()
            ),
            NoteKind::UnknownSubEventType => format!(
                "{rows} with a sub-event type that is not in ACLED's codebook ({}; {lines})",
                quoted_examples()
            ),
        }
    }

    /// "line 3", "lines 3, 7" or "lines 3, 7, 9, 12, 15 and 40 more".
    fn lines(&self) -> String {
        let shown: Vec<String> = self.lines.iter().map(usize::to_string).collect();
        let more = self.count.saturating_sub(self.lines.len());
        let word = if self.count == 1 { "line" } else { "lines" };
        match more {
            0 => format!("{word} {}", shown.join(", ")),
            _ if shown.is_empty() => format!("{} rows", self.count),
            _ => format!("{word} {} and {more} more", shown.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_note_per_file_and_kind_with_the_first_lines() {
        let mut tallies = Tallies::default();
        for line in 2..=9 {
            tallies.add("b.csv", NoteKind::Merged, line, || format!("a.csv:{line}"));
        }
        tallies.add("b.csv", NoteKind::Unchecked, 4, || "Atlantis".into());
        tallies.add("b.csv", NoteKind::Unchecked, 6, || "Atlantis".into());
        tallies.add("b.csv", NoteKind::Unchecked, 6, || "Lemuria".into());
        let notes: Vec<String> = tallies.notes().iter().map(Problem::to_string).collect();
        assert_eq!(
            notes,
            [
                "b.csv: 8 rows identical to rows read before, merged: lines 2, 3, 4, 5, 6 and 3 \
                 more (the first repeats a.csv:2)",
                "b.csv: coordinates of 2 rows not checked: no bounding box for 'Atlantis', \
                 'Lemuria' (lines 4, 6)"
            ]
        );
    }
}
