//! Hostile-data helpers: the shared dataset builders, and text no terminal should see raw.

#[path = "../support/dataset.rs"]
mod dataset;

pub use dataset::*;

use std::fs;
use std::path::Path;

/// Everything a terminal might act on: a screen clear (CSI), a window title and a clipboard
/// write (OSC 0 and OSC 52), a C1 CSI, a bidirectional override and isolate, a zero-width
/// space, backspace, carriage return, DEL and NEL; then wide and combining characters, which
/// are harmless but must keep the panes aligned. (Right-to-left text is added in names and
/// summaries.)
pub const EVIL: &str = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\u{9b}31m\u{202e}\u{200b}\x08\r\x7f\u{85}\u{2066}東京e\u{301}";

/// Whether `c` must never reach the terminal raw.
pub fn is_unsafe(c: char) -> bool {
    chronicle::problem::is_unsafe_char(c)
}

fn json(text: &str) -> String {
    serde_json::to_string(text).expect("a string is JSON")
}

/// A dataset that loads cleanly with every text field full of escape sequences, in a folder
/// whose own name holds some; returns the folder.
pub fn hostile_dataset(parent: &Path) -> std::path::PathBuf {
    let root = parent.join("evil\x1b]0;title\x07\u{202e}data");
    let e = EVIL;
    let file = format!("sources/{e}.txt");
    let sentence = format!("Alpha {e} said the talks failed.");
    let text =
        format!("Headline {e}\n{sentence} Beta said{e} nothing. {e}\tGamma\x1b[31m replied.\n");
    fs::create_dir_all(root.join("sources")).expect("create dataset");
    fs::write(root.join(&file), &text).expect("write source");
    fs::write(
        root.join("sources.json"),
        format!(
            r#"[{{"id": {id}, "title": {title}, "publisher": {title}, "url": {title}, "published": "2021-12-13", "file": {file}}}]"#,
            id = json(&format!("src{e}")),
            title = json(&format!("Source {e} title")),
            file = json(&file),
        ),
    )
    .expect("write sources");
    let actor = |id: &str, aff: Option<&str>| {
        let affiliation = aff.map_or(String::new(), |a| {
            format!(r#", "affiliation": {}"#, json(a))
        });
        format!(
            r#"{{"id": {id}, "name": {name}, "kind": "person", "aliases": [{alias}], "description": {name}{affiliation}}}"#,
            id = json(id),
            name = json(&format!("Name {e} שלום {id}")),
            alias = json(&format!("Alias {e}")),
        )
    };
    let state = format!("state{e}");
    let person = format!("person{e}");
    fs::write(
        root.join("actors.json"),
        format!(
            "[{},\n{}]",
            actor(&state, None),
            actor(&person, Some(&state))
        ),
    )
    .expect("write actors");
    let source_id = format!("src{e}");
    let event = |n: usize, date: &str, quote: &str| {
        format!(
            r#"{{"id": {id}, "date": "{date}", "title": {title}, "summary": {summary}, "type": {kind}, "actors": [{a}, {b}], "location": {loc}, "tags": [{tag}], "quotes": [{{"source": {src}, "text": {quote}}}], "attributes": {{{attr_name}: {attr_value}}}}}"#,
            id = json(&format!("event{n}{e}")),
            title = json(&format!("Title {n} {e} {}", "long ".repeat(30))),
            summary = json(&format!(
                "Summary {e} עברית العربية {}",
                "words ".repeat(60)
            )),
            kind = json(&format!("type{e}")),
            a = json(&state),
            b = json(&person),
            loc = json(&format!("Place {e}")),
            tag = json(&format!("tag{e}")),
            src = json(&source_id),
            quote = json(quote),
            attr_name = json(&format!("attr{e}")),
            attr_value = json(&format!("value {e}")),
        )
    };
    let lines = [
        event(1, "2021-12-13", &format!("Alpha {e} said")),
        event(2, "2021-12~", &format!("said{e} nothing")),
        event(3, "2021-12-10/2021-12-12", "Gamma\x1b[31m replied"),
    ];
    fs::write(root.join("events.jsonl"), lines.join("\n")).expect("write events");
    root
}
