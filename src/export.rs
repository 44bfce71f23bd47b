//! Writing a view of the timeline out as text: Markdown (quotes as block quotes), CSV and
//! JSON Lines for files, plain text for the clipboard. Pure: the caller writes the bytes.

use std::fmt::Write as _;
use std::path::Path;

use crate::commands::events::json_line;
use crate::model::{Event, EventIx};
use crate::timeline::Timeline;

/// A file format, chosen by the file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    JsonLines,
}

impl Format {
    /// The format for `path`'s extension; the error says which extensions work.
    pub fn from_path(path: &str) -> Result<Format, String> {
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown") => Ok(Format::Markdown),
            Some("csv") => Ok(Format::Csv),
            Some("jsonl" | "ndjson") => Ok(Format::JsonLines),
            Some(other) => Err(format!(
                "'.{other}' is not a format chronicle writes: end the name in .md, .csv or .jsonl"
            )),
            None => Err("Add an extension to pick the format: .md, .csv or .jsonl".into()),
        }
    }
}

/// The events of `view` in `format`.
pub fn render(timeline: &Timeline, view: &[EventIx], format: Format, title: &str) -> String {
    let events = view.iter().map(|ix| timeline.event(*ix));
    match format {
        Format::Markdown => {
            let mut out = format!("# {title}\n\n");
            for event in events {
                markdown(&mut out, timeline, event);
            }
            out
        }
        Format::Csv => {
            let mut out = String::from("id,date,title,type,actors,location,tags,summary,quotes\n");
            for event in events {
                csv_row(&mut out, timeline, event);
            }
            out
        }
        Format::JsonLines => {
            let mut out = String::new();
            for event in events {
                // Serialising strings and numbers cannot fail; skip the event if it ever does.
                if let Ok(line) = json_line(timeline, event) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            out
        }
    }
}

fn actor_names(timeline: &Timeline, event: &Event) -> Vec<String> {
    event
        .actors
        .iter()
        .map(|a| timeline.actor(*a).name.clone())
        .collect()
}

fn markdown(out: &mut String, timeline: &Timeline, event: &Event) {
    let _ = writeln!(out, "## {} · {}\n", event.date, one_line(&event.title));
    if let Some(summary) = &event.summary {
        let _ = writeln!(out, "{}\n", one_line(summary));
    }
    let mut facts = vec![format!("- Date: `{}`", event.date.edtf())];
    if let Some(kind) = &event.kind {
        facts.push(format!("- Type: {}", one_line(kind)));
    }
    let actors = actor_names(timeline, event);
    if !actors.is_empty() {
        facts.push(format!("- Actors: {}", one_line(&actors.join(", "))));
    }
    if let Some(location) = &event.location {
        facts.push(format!("- Location: {}", one_line(location)));
    }
    if !event.tags.is_empty() {
        facts.push(format!("- Tags: {}", one_line(&event.tags.join(", "))));
    }
    facts.push(format!("- Id: `{}`", event.id));
    let _ = writeln!(out, "{}\n", facts.join("\n"));
    for quote in &event.quotes {
        let source = timeline.source(quote.source);
        let _ = writeln!(out, "> {}", one_line(&quote.text));
        let _ = writeln!(
            out,
            ">\n> — {}, sentence {}\n",
            one_line(&source.title),
            quote.sentence_number()
        );
    }
}

/// Text on one line, so that it cannot break the Markdown structure around it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn csv_field(out: &mut String, text: &str) {
    // Cells starting with = + - @ are formulas to spreadsheets: a leading quote keeps them text.
    let guarded = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&guarded.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&guarded);
    }
}

fn csv_row(out: &mut String, timeline: &Timeline, event: &Event) {
    let quotes: Vec<String> = event
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{} [{} #{}]",
                q.text,
                timeline.source(q.source).id,
                q.sentence_number()
            )
        })
        .collect();
    let fields = [
        event.id.clone(),
        event.date.edtf(),
        event.title.clone(),
        event.kind.clone().unwrap_or_default(),
        actor_names(timeline, event).join("; "),
        event.location.clone().unwrap_or_default(),
        event.tags.join("; "),
        event.summary.clone().unwrap_or_default(),
        quotes.join(" | "),
    ];
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, field);
    }
    out.push('\n');
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
            one_line(&quote.text),
            one_line(&source.title),
            quote.sentence_number()
        );
    }
    clean(&out)
}

/// `text` without control, bidi-override or zero-width characters, keeping line breaks.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            *c == '\n'
                || !(c.is_control()
                    || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
        })
        .collect()
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
    fn the_extension_picks_the_format() {
        assert_eq!(Format::from_path("a.md"), Ok(Format::Markdown));
        assert_eq!(Format::from_path("out/A.CSV"), Ok(Format::Csv));
        assert_eq!(Format::from_path("a.jsonl"), Ok(Format::JsonLines));
        assert!(Format::from_path("a.txt").is_err_and(|e| e.contains(".md, .csv or .jsonl")));
        assert!(Format::from_path("events").is_err());
    }

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
    fn exports_every_event_in_each_format() {
        let t = sample::timeline();
        let view = t.all_events();
        let md = render(&t, &view, Format::Markdown, "sample");
        assert_eq!(md.matches("\n## ").count(), view.len());
        assert!(md.contains("\n> "), "quotes are block quotes");
        let csv = render(&t, &view, Format::Csv, "sample");
        assert!(csv.starts_with("id,date,title,"));
        let jsonl = render(&t, &view, Format::JsonLines, "sample");
        assert_eq!(jsonl.lines().count(), view.len());
        for line in jsonl.lines() {
            assert!(
                serde_json::from_str::<serde_json::Value>(line).is_ok(),
                "{line}"
            );
        }
    }

    #[test]
    fn csv_quotes_and_guards_cells() {
        let mut out = String::new();
        csv_field(&mut out, "a, \"b\"");
        out.push(',');
        csv_field(&mut out, "=cmd()");
        assert_eq!(out, "\"a, \"\"b\"\"\",'=cmd()");
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
