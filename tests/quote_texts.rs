//! Quotes as loaded from the files: their texts are held apart while the events are read
//! (in blocks, on several threads) and placed afterwards. Whichever block an event came from,
//! each quote ends up at its own words in the source, keeping its written text exactly when
//! it differs from them.

#[path = "support/dataset.rs"]
mod dataset;

use dataset::Copy;

/// The quotes the events cycle through: as written, and the source's words at the place
/// found (`None` when written verbatim). Verbatim in the middle of a sentence, verbatim from
/// a sentence's start (kept as a span of the source while read, not as a copy), and written
/// otherwise, one from where a sentence starts and one not quite (copied while read).
const QUOTES: [(&str, Option<&str>); 5] = [
    ("Russia wants immediate talks with the West", None),
    ("Putin denied any plans to invade.", None),
    ("Johnson expressed concern about Russia’s troop", None),
    (
        "Johnson expressed concern about Russia's troop movements",
        Some("Johnson expressed concern about Russia’s troop movements"),
    ),
    (
        "Putin  denied any plans\nto invade.",
        Some("Putin denied any plans to invade."),
    ),
];

#[test]
fn quotes_from_every_block_are_placed_with_their_own_text() {
    let copy = Copy::new();
    // Long enough (some 10 MB) to be read in several blocks.
    let padding = "x".repeat(2000);
    let count = 5000;
    let mut lines = String::new();
    for n in 0..count {
        let (text, _) = QUOTES[n % QUOTES.len()];
        let text = serde_json::to_string(text).unwrap();
        lines.push_str(&format!(
            "{{\"id\": \"e{n}\", \"date\": \"2021-12-13\", \"title\": \"Event {n}\", \
             \"summary\": \"{padding}\", \"quotes\": [{{\"source\": \"call\", \"text\": {text}}}]}}\n"
        ));
    }
    assert!(lines.len() > 9 << 20, "the events file spans blocks");
    copy.write("events.jsonl", lines);
    let dataset = copy.load().unwrap();
    let timeline = &dataset.timeline;
    assert_eq!(timeline.events().len(), count);
    for event in timeline.events() {
        let n: usize = event.id[1..].parse().unwrap();
        let (written, words) = QUOTES[n % QUOTES.len()];
        let [quote] = &event.quotes[..] else {
            panic!("event {} has {} quotes", event.id, event.quotes.len());
        };
        let source = timeline.source(quote.source);
        assert_eq!(quote.text(source), written, "event {}", event.id);
        assert_eq!(quote.written.as_deref(), words.map(|_| written));
        assert_eq!(
            &source.text[quote.span()],
            words.unwrap_or(written),
            "event {}",
            event.id
        );
    }
}
