//! Verifying quotes: every quote located in its source, source by source (each source indexed
//! once for all its quotes), on every core.

use std::ops::Range;

use super::events::{pending_text, ReadEvents};
use crate::model::Source;
use crate::model::{Event, Quote};
use crate::problem::{quoted, quoted_up_to, Problem, Severity};
use crate::quote::{find_anchored, fold, Found, NormalizedText};
use crate::quote_index::{self, scan};
use crate::shares::{in_shares, in_shares_mut};

/// Below this many quotes in one source, each is searched for without walking the word starts.
const FEW_QUOTES: usize = 16;

/// Where one quote is: (event index, quote index) in the events read.
type QuoteRef = (u32, u32);

/// Sources searched at a time: results are applied after each round, so that a million
/// results are never held at once (they would add tens of megabytes to a load's peak).
const SOURCES_PER_ROUND: usize = 512;

/// Every quote, grouped by source: the quotes of source `s` are
/// `refs[start[s]..start[s + 1]]`, in event order. One flat list, not one list per source.
struct BySource {
    start: Vec<usize>,
    refs: Vec<QuoteRef>,
}

impl BySource {
    fn new(sources: usize, events: &[Event]) -> BySource {
        let mut start = vec![0usize; sources + 1];
        for event in events {
            for quote in &event.quotes {
                if let Some(count) = start.get_mut(quote.source.index() + 1) {
                    *count += 1;
                }
            }
        }
        for s in 0..sources {
            start[s + 1] += start[s];
        }
        let mut fill = start.clone();
        let mut refs = vec![(0, 0); start[sources]];
        for (e, event) in events.iter().enumerate() {
            for (q, quote) in event.quotes.iter().enumerate() {
                if let Some(at) = fill.get_mut(quote.source.index()) {
                    refs[*at] = (e as u32, q as u32);
                    *at += 1;
                }
            }
        }
        BySource { start, refs }
    }

    fn of(&self, source: usize) -> &[QuoteRef] {
        &self.refs[self.start[source]..self.start[source + 1]]
    }
}

/// A source without a text file (known by its reference alone) that events quote: none of its
/// quotes can be verified, which is said once for the source rather than once a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unverifiable {
    /// The source's index in the dataset.
    pub source: usize,
    /// How many quotes cite it.
    pub quotes: usize,
    /// The events file's line of the first of them.
    pub first_line: usize,
}

/// Fills in each quote's span and sentences; reports quotes not found (as problems) and quotes
/// found more than once (as notes), in line order. The quotes of a source without a text file
/// are not reported one by one: they are returned, by source, for one problem each.
pub fn locate_quotes(
    file: &str,
    sources: &[Source],
    read: &mut ReadEvents,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<Problem>,
) -> Vec<Unverifiable> {
    let by_source = BySource::new(sources.len(), &read.events);
    let mut reports: Vec<(QuoteRef, Problem)> = Vec::new();
    let numbered: Vec<(usize, &Source)> = sources.iter().enumerate().collect();
    let quote_texts = std::mem::take(&mut read.quote_texts);
    let lines = &read.lines;
    for round in numbered.chunks(SOURCES_PER_ROUND) {
        let found = find_all(round, &by_source, &read.events, &quote_texts);
        // Placed on every core, each thread the quotes of its own share of the events (a
        // million quotes, each a cache miss or two away).
        reports.extend(in_shares_mut(&mut read.events, |offset, events| {
            let mut reports = Vec::new();
            let mine = offset..offset + events.len();
            for (&(s, source), results) in round.iter().zip(&found) {
                for (&(e, q), result) in by_source.of(s).iter().zip(results) {
                    if !mine.contains(&(e as usize)) {
                        continue;
                    }
                    let event = &mut events[e as usize - offset];
                    let line = lines[e as usize].quotes();
                    let placing = Placing {
                        file,
                        source,
                        quote_texts: &quote_texts,
                        line,
                        has_text: !source.file.is_empty(),
                    };
                    if let Some(report) = placing.place(event, q, result.as_ref()) {
                        reports.push(((e, q), report));
                    }
                }
            }
            reports
        }));
    }
    reports.sort_by_key(|(at, _)| *at);
    for (_, problem) in reports {
        match problem.severity {
            Severity::Error => problems.push(problem),
            Severity::Note => notes.push(problem),
        }
    }
    sources
        .iter()
        .enumerate()
        .filter(|(_, source)| source.file.is_empty())
        .filter_map(|(s, _)| {
            let quotes = by_source.of(s);
            let &(first, _) = quotes.first()?;
            Some(Unverifiable {
                source: s,
                quotes: quotes.len(),
                first_line: lines[first as usize].quotes(),
            })
        })
        .collect()
}

/// What placing the quotes of one source in one event needs.
struct Placing<'a> {
    file: &'a str,
    source: &'a Source,
    /// The texts of unplaced quotes not kept as spans of their sources (see `pending_text`).
    quote_texts: &'a str,
    /// The line of the event's quotes.
    line: usize,
    /// Whether the source has a text file: without one, no quote is found, and that is said
    /// once for the source (see `Unverifiable`).
    has_text: bool,
}

impl Placing<'_> {
    /// Places quote `q` of `event` where it was found in the source; what to report about it,
    /// if anything (an error when it was not found, a note when found more than once).
    fn place(&self, event: &mut Event, q: u32, found: Option<&Placed>) -> Option<Problem> {
        let Placing {
            file,
            source,
            quote_texts,
            line,
            has_text,
        } = *self;
        let quote = &mut event.quotes[q as usize];
        let own = quote.written.take();
        let written = match &own {
            Some(own) => own,
            None => pending_text(quote, source, quote_texts),
        };
        match found {
            Some(found) => {
                // Only a quote that differs from its source's words keeps its own copy.
                if !found.verbatim {
                    quote.written = Some(written.into());
                }
                quote.place(found.span.clone(), found.sentences.clone(), found.verbatim);
                (found.occurrences > 1).then(|| {
                    let message = format!(
                        "event {}, quote {} occurs {} times in source {}; the first is used",
                        quoted(&event.id),
                        q + 1,
                        found.occurrences,
                        quoted(&source.id)
                    );
                    Problem::new(file, Some(line), message)
                        .with_field("quotes")
                        .as_note()
                })
            }
            None => {
                // Left as the record wrote it, with nowhere in its source.
                quote.written = Some(written.into());
                quote.span = 0..0;
                quote.sentences = 0..0;
                if !has_text {
                    return None;
                }
                let text = written;
                let mut problem = Problem::new(
                    file,
                    Some(line),
                    format!(
                        "event {}, quote {} not found in source {}: {}",
                        quoted(&event.id),
                        q + 1,
                        quoted(&source.id),
                        quoted(text)
                    ),
                )
                .with_field("quotes");
                if let Some((number, sentence)) = closest_sentence(source, text) {
                    problem = problem.with_hint(format!(
                        "closest sentence [{number}]: {}",
                        quoted_up_to(sentence, 300)
                    ));
                }
                Some(problem)
            }
        }
    }
}

/// A quote found in its source, with all that placing it needs, worked out by the thread
/// that found it.
struct Placed {
    span: Range<usize>,
    sentences: Range<usize>,
    occurrences: usize,
    /// Whether the quote as written is the source's words there (see `Quote::place`).
    verbatim: bool,
}

fn sentences_of(source: &Source, span: &Range<usize>) -> Range<usize> {
    let first = source.sentence_at(span.start);
    let last = source.sentence_at(span.end.saturating_sub(1)).max(first);
    first..last + 1
}

/// For each of the `sources` (numbered as in the dataset), the result for each of its
/// quotes, in the order of `by_source`.
fn find_all(
    sources: &[(usize, &Source)],
    by_source: &BySource,
    events: &[Event],
    quote_texts: &str,
) -> Vec<Vec<Option<Placed>>> {
    let search = |items: &[(usize, &Source)]| -> Vec<Vec<Option<Placed>>> {
        items
            .iter()
            .map(|(i, source)| {
                let quotes: Vec<&Quote> = by_source
                    .of(*i)
                    .iter()
                    .map(|&(e, q)| &events[e as usize].quotes[q as usize])
                    .collect();
                let texts: Vec<&str> = quotes
                    .iter()
                    .map(|q| match &q.written {
                        Some(own) => own,
                        None => pending_text(q, source, quote_texts),
                    })
                    .collect();
                find_in_source(&source.text, &texts)
                    .into_iter()
                    .zip(texts)
                    .map(|(found, text)| {
                        let found = found?;
                        Some(Placed {
                            sentences: sentences_of(source, &found.span),
                            verbatim: source.text.get(found.span.clone()) == Some(text),
                            span: found.span,
                            occurrences: found.occurrences,
                        })
                    })
                    .collect()
            })
            .collect()
    };
    in_shares(sources, search)
}

/// Finds every quote in `text`: exactly through the word-start index, then with the
/// forgiving search (white space, quote marks) for those not found exactly.
fn find_in_source(text: &str, quotes: &[&str]) -> Vec<Option<Found>> {
    let trimmed: Vec<&str> = quotes.iter().map(|q| q.trim()).collect();
    // One walk over the word starts finds every quote; a few quotes are found sooner by
    // reading the text once each (a 100 MB source cited three times must not take minutes).
    let exact: Vec<Option<Found>> = if trimmed.len() >= FEW_QUOTES {
        quote_index::find_all(text, &trimmed)
    } else {
        trimmed.iter().map(|quote| scan(text, quote)).collect()
    };
    let mut normalized: Option<NormalizedText> = None;
    // Quotes not found exactly are searched for one by one at first; past a few, preparing
    // the text once (four bytes of bookkeeping per byte) pays.
    let mut forgiven = 0;
    exact
        .into_iter()
        .zip(&trimmed)
        .map(|(exact, quote)| {
            if exact.is_some() || quote.is_empty() {
                return exact;
            }
            if normalized.is_none() && forgiven < FEW_QUOTES {
                forgiven += 1;
                if let Some(found) = find_anchored(text, quote) {
                    return found;
                }
            }
            normalized
                .get_or_insert_with(|| NormalizedText::new(text))
                .find(quote)
        })
        .collect()
}

/// Beyond this many sentences, only those holding the quote's longest word are compared.
const MANY_SENTENCES: usize = 20_000;

/// The sentence most like `quote` (by shared character pairs), numbered from 1. In a long
/// source (a 100 MB scrape has a million sentences) only sentences that share the quote's
/// longest word are compared, so that a missing quote costs a search, not minutes.
fn closest_sentence<'s>(source: &'s Source, quote: &str) -> Option<(usize, &'s str)> {
    let wanted = fold(quote).to_lowercase();
    let must_hold = if source.sentences.len() > MANY_SENTENCES {
        let word = quote
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.len())
            .filter(|w| w.len() >= 4)?;
        Some(word)
    } else {
        None
    };
    (0..source.sentences.len())
        .filter(|i| must_hold.is_none_or(|word| source.sentence_text(*i).contains(word)))
        .map(|i| {
            let sentence = source.sentence_text(i);
            (
                strsim::sorensen_dice(&wanted, &fold(sentence).to_lowercase()),
                i,
                sentence,
            )
        })
        .filter(|(score, _, _)| *score > 0.3)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i, sentence)| (i + 1, sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_quotes_in_one_pass_and_counts_repeats() {
        let text = "Russia denied it. Putin said no. Russia denied it.";
        let found = find_in_source(
            text,
            &["Russia denied it.", "Putin said", "said no", "absent", " "],
        );
        let spans: Vec<Option<(Range<usize>, usize)>> = found
            .into_iter()
            .map(|f| f.map(|f| (f.span, f.occurrences)))
            .collect();
        assert_eq!(
            spans,
            [
                Some((0..17, 2)),
                Some((18..28, 1)),
                Some((24..31, 1)),
                None,
                None
            ]
        );
    }

    #[test]
    fn falls_back_to_forgiving_search() {
        let text = "He emphasised U.K.\u{2019}s   commitment.";
        let found = find_in_source(text, &["U.K.'s commitment"]);
        assert_eq!(found[0].as_ref().map(|f| f.span.clone()), Some(14..35));
    }
}
