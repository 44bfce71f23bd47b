//! The properties the fuzz targets (`fuzz/`) check, as plain functions, so that every input a
//! fuzzer found a bug with is replayed by the normal test suite (`tests/hostile/`) through
//! exactly the same checks. Each panics when its property fails.

use std::sync::Arc;

use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::quote::{find_anchored, fold, NormalizedText};
use crate::quote_index::find_all;
use crate::sentences::split_sentences;
use crate::text::safe::has_unsafe;

/// The obvious search: every position, overlapping occurrences counted.
fn plain(text: &str, quote: &str) -> Option<(std::ops::Range<usize>, usize)> {
    if quote.is_empty() {
        return None;
    }
    let mut first = None;
    let mut count = 0;
    for (at, _) in text.char_indices() {
        if text[at..].starts_with(quote) {
            first.get_or_insert(at);
            count += 1;
        }
    }
    first.map(|at| (at..at + quote.len(), count))
}

/// The date parser: never panics; what it accepts prints back as EDTF that parses to the same
/// date; an accepted date never ends before it starts.
pub fn date(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match EdtfDate::parse(text) {
        Ok(date) => {
            let edtf = date.edtf();
            let again = EdtfDate::parse(&edtf)
                .unwrap_or_else(|e| panic!("{text:?} printed as {edtf:?}, which fails: {e}"));
            assert_eq!(again, date, "{text:?} round trip through {edtf:?}");
            assert!(
                date.earliest() <= date.latest(),
                "{text:?} ends before it starts"
            );
            let _ = date.to_string();
            assert_eq!(date.timeline_cmp(&date), std::cmp::Ordering::Equal);
        }
        Err(e) => {
            // The message goes to a terminal: no control characters from the input.
            assert!(
                !e.0.chars().any(char::is_control),
                "{text:?} gave a message with control characters: {:?}",
                e.0
            );
        }
    }
}

/// The sentence splitter: never panics; sentences are in order, do not overlap, are not
/// empty, start and end on char boundaries, and have no white space at either end.
pub fn sentences(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let spans = split_sentences(text);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end, "{text:?}: {spans:?} overlap or go back");
        assert!(
            span.start < span.end,
            "{text:?}: empty sentence in {spans:?}"
        );
        assert!(span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let sentence = &text[span.clone()];
        assert_eq!(
            sentence.trim(),
            sentence,
            "{text:?}: untrimmed {sentence:?}"
        );
        end = span.end;
    }
    // Nothing but white space is left out.
    let mut at = 0;
    for span in &spans {
        assert!(
            text[at..span.start].trim().is_empty(),
            "{text:?}: lost text before {span:?}"
        );
        at = span.end;
    }
    assert!(
        text[at..].trim().is_empty(),
        "{text:?}: lost text at the end"
    );
}

/// Quote search, differentially: the word-start index must find exactly what a plain search
/// finds (first occurrence and count of overlapping occurrences), and the forgiving search
/// must return a span of the text that folds to the quote, and its anchored variant (used for
/// a few quotes in a long source) must agree with it.
pub fn quote(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is the quote, the rest the text it is looked for in.
    let (quote, text) = input.split_once('\n').unwrap_or((input, ""));
    let got = find_all(text, &[quote])
        .pop()
        .flatten()
        .map(|f| (f.span, f.occurrences));
    assert_eq!(got, plain(text, quote), "index and plain search differ");

    let quote = quote.trim();
    if quote.is_empty() {
        return;
    }
    let prepared = NormalizedText::new(text).find(quote);
    if let Some(anchored) = find_anchored(text, quote) {
        assert_eq!(
            anchored, prepared,
            "anchored and prepared forgiving searches differ"
        );
    }
    if let Some(found) = prepared {
        assert!(found.span.start <= found.span.end && found.span.end <= text.len());
        assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
        assert_eq!(
            fold(&text[found.span.clone()]).trim(),
            fold(quote),
            "forgiving search returned a span that is not the quote"
        );
        assert!(found.occurrences >= 1);
    } else if got.is_some() {
        panic!("found exactly but not by the forgiving search");
    }
}

/// The whole loader on hostile files, in memory: the input is split at ASCII record
/// separators (0x1E) into sources.json, actors.json, events.jsonl and sources/call.txt (a
/// fifth part, when present, is events.json instead of events.jsonl). Loading never panics;
/// a dataset that loads has every quote span on char boundaries inside its source, matching
/// the quote; every problem prints without control characters.
pub fn load(data: &[u8]) {
    let mut parts = data.split(|b| *b == 0x1e);
    let mut files = Vec::new();
    for name in [
        "sources.json",
        "actors.json",
        "events.jsonl",
        "sources/call.txt",
    ] {
        if let Some(bytes) = parts.next() {
            files.push((name.to_string(), bytes.to_vec()));
        }
    }
    if let Some(bytes) = parts.next() {
        files.retain(|(name, _)| name != "events.jsonl");
        files.push(("events.json".to_string(), bytes.to_vec()));
    }
    let location = DatasetLocation::Memory(Arc::from(files));
    match crate::load::load(&location) {
        Ok(dataset) => {
            let timeline = &dataset.timeline;
            for event in timeline.events() {
                for quote in &event.quotes {
                    let source = timeline.source(quote.source);
                    let text = &source.text;
                    let span = quote.span();
                    assert!(span.end <= text.len());
                    assert!(text.is_char_boundary(span.start));
                    assert!(text.is_char_boundary(span.end));
                    assert_eq!(fold(&text[span]).trim(), fold(quote.text(source).trim()));
                    assert!(quote.sentences.start < quote.sentences.end);
                    assert!(quote.sentences().end <= source.sentences.len());
                }
            }
            for note in &dataset.notes {
                let shown = note.to_string().replace('\n', " ");
                assert!(!has_unsafe(&shown), "{shown:?}");
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for problem in &problems {
                let shown = problem.to_string().replace('\n', " ");
                assert!(!has_unsafe(&shown), "{shown:?}");
            }
        }
    }
}
