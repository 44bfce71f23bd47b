//! Copying an event to the clipboard: its text, made safe to paste, and the OSC 52 sequence
//! that asks the terminal to take it.

use std::fmt::Write as _;

use crate::model::{Event, EventIx};
use crate::timeline::Timeline;

fn actor_names(timeline: &Timeline, event: &Event) -> Vec<String> {
    event
        .actors
        .iter()
        .map(|a| timeline.actor(*a).name.clone())
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

/// Standard base64 with padding (RFC 4648), for OSC 52.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(clean(text).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("a\x1b]b"), "\x1b]52;c;YV1i\x07");
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
