//! Copying an event to the clipboard: its text, made safe to paste, and the OSC 52 sequence
//! that asks the terminal to take it.

use std::fmt::Write as _;

use crossterm::clipboard::CopyToClipboard;
use crossterm::Command;

use crate::model::{Event, EventIx};
use crate::timeline::Timeline;

fn actor_names(timeline: &Timeline, event: &Event) -> Vec<String> {
    event
        .actors
        .iter()
        .map(|a| timeline.actor_label(*a))
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The selected event and its quotes as plain text for the clipboard, with every control
/// character but the line breaks removed, so that pasting it cannot run anything.
pub fn event_text(timeline: &Timeline, ix: EventIx) -> String {
    let event = timeline.event(ix);
    let mut out = format!("{} · {}\n", event.date, one_line(&event.title));
    if let Some(summary) = &event.summary {
        let _ = writeln!(out, "{}", one_line(summary));
    }
    let actors = actor_names(timeline, event);
    if !actors.is_empty() {
        let _ = writeln!(out, "Actors: {}", one_line(&actors.join(", ")));
    }
    for quote in &event.quotes {
        let source = timeline.source(quote.source);
        let _ = writeln!(
            out,
            "\n“{}”\n— {}, sentence {}",
            one_line(quote.text(source)),
            one_line(&source.title),
            quote.sentence_number()
        );
    }
    clean(&out)
}

/// `text` without the characters a terminal would act on (`text::safe`), keeping line breaks.
pub fn clean(text: &str) -> String {
    crate::text::safe::strip_unsafe(text)
}

/// The OSC 52 sequence that asks the terminal to put `text` (cleaned) on the clipboard:
/// crossterm's, base64 and all.
pub fn osc52(text: &str) -> String {
    let mut sequence = String::new();
    // Written into a String, which cannot fail; the command has no other way to fail.
    let _ = CopyToClipboard::to_clipboard_from(clean(text)).write_ansi(&mut sequence);
    sequence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    #[test]
    fn the_clipboard_sequence_carries_the_cleaned_text_in_base64() {
        // "a]b" once the escape is cleaned out, in base64; then the string terminator.
        assert_eq!(osc52("a\x1b]b"), "\x1b]52;c;YV1i\x1b\\");
        assert_eq!(osc52(""), "\x1b]52;c;\x1b\\");
        assert_eq!(osc52("foobar"), "\x1b]52;c;Zm9vYmFy\x1b\\");
        assert_eq!(osc52("fo"), "\x1b]52;c;Zm8=\x1b\\");
    }

    #[test]
    fn copied_text_has_the_quotes_and_no_controls() {
        let t = sample::timeline();
        let ix = t
            .event_by_id("putin-johnson-call")
            .unwrap_or_else(|| panic!("event"));
        let text = event_text(&t, ix);
        assert!(text.contains("“"), "{text}");
        assert!(text.contains("sentence"), "{text}");
        assert_eq!(clean("a\x1b[2Jb\u{202e}c\nd"), "a[2Jbc\nd");
    }
}
