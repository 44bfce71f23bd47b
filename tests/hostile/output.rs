//! The command-line output on hostile data. Text output goes to terminals too (often through
//! a pipe into `less` or `head`), so it shows unsafe characters as the browser does (`␛`,
//! `⟨U+202E⟩`); `--json` escapes them as JSON (`\u001b`, and `\u009b`, `\u202e` too);
//! problems and notes escape them Rust-style (`\u{1b}`).

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{hostile_dataset, is_unsafe, Copy, EVIL};

fn chronicle(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        // The cache of loaded datasets goes under target/, never the real ~/.cache.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .current_dir(dir)
        .env("CHRONICLE_STATE_DIR", dir.join("state"))
        .output()
        .expect("run chronicle")
}

/// Output that may go to a terminal: nothing unsafe but the line ends.
fn assert_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| *c != '\n' && is_unsafe(*c))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
}

#[test]
fn every_command_escapes_what_the_data_holds() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = hostile_dataset(temp.path());
    let dataset = root.to_str().expect("utf-8 path");
    let source = format!("{dataset}/sources/{EVIL}.txt");
    let event_id = format!("event1{EVIL}");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", dataset],
        vec!["events", dataset],
        vec!["events", dataset, "--json"],
        // Exports are printed on terminals too (trial 6 found CSV setting the window title).
        vec!["events", dataset, "--format", "csv"],
        vec!["events", dataset, "--format", "markdown"],
        vec!["actors", dataset],
        vec!["actors", dataset, "--json"],
        vec!["actors", dataset, "--search", "name"],
        vec!["show", &event_id, dataset],
        vec!["sentences", &source],
        vec!["sentences", &source, "--json"],
    ];
    for args in runs {
        let out = chronicle(&args, temp.path());
        let what = format!("chronicle {}", args.join(" ").escape_debug());
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{what} printed nothing");
        assert_safe(&out.stdout, &what);
        assert_safe(&out.stderr, &what);
    }
    let events =
        String::from_utf8(chronicle(&["events", dataset], temp.path()).stdout).expect("utf-8");
    assert!(events.contains("Title 1 ␛[2J␛]0;pwned␇␛]52;c;cHduZWQ=␇�31m⟨U+202E⟩⟨U+200B⟩␈␍␡�⟨U+2066⟩東京e\u{301} long"), "{events}");
    // One event per line, whatever its title holds.
    assert_eq!(events.lines().count(), 3, "{events}");
    let json = String::from_utf8(chronicle(&["events", dataset, "--json"], temp.path()).stdout)
        .expect("utf-8");
    assert!(json.contains(r#"\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u009b31m\u202e\u200b\b\r\u007f\u0085\u2066東京é"#)
        || json.contains(r#"\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u009b31m\u202e\u200b\b\r\u007f\u0085\u2066東京e"#), "{json}");
    // Still the same data, read back.
    let first: serde_json::Value =
        serde_json::from_str(json.lines().next().expect("a line")).expect("json");
    assert_eq!(
        first["id"],
        serde_json::Value::from(format!("event2{EVIL}"))
    );
}

#[test]
fn problems_and_notes_are_escaped() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = hostile_dataset(temp.path());
    // An unknown field named with escapes (serde quotes field names raw), a bad date, and
    // an unknown actor, each carrying the hostile text.
    let events = std::fs::read_to_string(root.join("events.jsonl")).expect("read");
    let events = events
        .replacen(
            "\"location\"",
            &serde_json::to_string(&format!("loc{EVIL}")).expect("json"),
            1,
        )
        .replacen("2021-12~", "2021-12-\\u001b[2J", 1)
        .replacen("\"state\\u001b", "\"stat\\u001b", 1);
    std::fs::write(root.join("events.jsonl"), events).expect("write");
    let out = chronicle(&["check", root.to_str().expect("utf-8")], temp.path());
    assert!(!out.status.success());
    assert_safe(&out.stderr, "check");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown field 'loc\\u{1b}[2J\\u{1b}]0;pwned\\u{7}"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the day in '2021-12-\\u{1b}[2J' must be 2 digits"),
        "{stderr}"
    );
    assert!(
        stderr.contains("evil\\u{1b}]0;title\\u{7}\\u{202e}data"),
        "{stderr}"
    );
}

#[test]
fn check_notes_a_quote_found_more_than_once() {
    let copy = Copy::new();
    copy.replace(
        "sources/call.txt",
        "Putin denied any plans to invade.",
        "Putin denied any plans to invade. Putin denied any plans to invade.",
    );
    let out = chronicle(&["check", copy.root.to_str().expect("utf-8")], &copy.root);
    assert!(out.status.success());
    let stderr =
        String::from_utf8_lossy(&out.stderr).replace(&copy.root.display().to_string(), "DATA");
    assert_eq!(
        stderr,
        "note: DATA/events.jsonl:4: event 'denial', quote 1 occurs 2 times in source 'call'; the first is used\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "3 events, 4 actors, 1 source, 3 quotes verified\n"
    );
}
