//! The non-interactive commands, run as the real binary, asserting what a person would read.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs chronicle in `dir` with `args`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run chronicle")
}

fn run(args: &[&str]) -> Output {
    run_in(Path::new(ROOT), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_passes_on_the_data_folder_and_on_the_embedded_copy() {
    let from_folder = run(&["check"]);
    assert_eq!(
        from_folder.status.code(),
        Some(0),
        "{}",
        stderr(&from_folder)
    );
    let summary = stdout(&from_folder);
    assert!(summary.ends_with(" quotes verified\n"), "{summary}");
    // Run from an empty folder: no ./data, so the copy built into the binary is used.
    let empty = tempfile::tempdir().expect("temp dir");
    let embedded = run_in(empty.path(), &["check"]);
    assert_eq!(embedded.status.code(), Some(0), "{}", stderr(&embedded));
    assert_eq!(stdout(&embedded), summary);
}

#[test]
fn check_lists_problems_and_fails() {
    let temp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        temp.path().join("events.jsonl"),
        "{\"id\": 1}\n{\"id\": \"b\"\n",
    )
    .expect("write");
    let output = run(&["check", &temp.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let report = stderr(&output);
    assert!(
        report.contains("events.jsonl:1: invalid type: integer '1', expected a string"),
        "{report}"
    );
    assert!(
        report.contains("events.jsonl:2:10: EOF while parsing an object"),
        "{report}"
    );
    let summary = format!("2 problems in {}\n", temp.path().display());
    assert!(report.ends_with(&summary), "{report}");
}

#[test]
fn events_json_has_every_event_with_sentence_numbers() {
    let output = run(&["events", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let events: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let check = stdout(&run(&["check"]));
    let expected = check
        .split(' ')
        .next()
        .and_then(|n| n.parse::<usize>().ok());
    assert_eq!(Some(events.len()), expected);
    for event in &events {
        for quote in event["quotes"].as_array().expect("quotes") {
            assert!(
                quote["sentence"].as_u64().is_some_and(|n| n >= 1),
                "{quote}"
            );
        }
    }
    let call = events
        .iter()
        .find(|e| e["id"] == "putin-johnson-call")
        .expect("the call is in the timeline");
    assert_eq!(call["date"], "2021-12-13");
}

#[test]
fn events_filter_by_fuzzy_actor_and_dates() {
    let all = stdout(&run(&["events"])).lines().count();
    let putin = stdout(&run(&["events", "--actor", "putin"]));
    let fuzzy = stdout(&run(&["events", "--actor", "Vladimir"]));
    assert_eq!(putin, fuzzy);
    assert!(putin.lines().count() < all);
    assert!(putin.lines().all(|l| l.contains("Putin")), "{putin}");
    let both = stdout(&run(&["events", "--actor", "putin", "--actor", "johnson"]));
    assert!(both.lines().count() < putin.lines().count());
    assert!(
        both.lines()
            .all(|l| l.contains("Putin") && l.contains("Johnson")),
        "{both}"
    );
    let day = stdout(&run(&[
        "events",
        "--from",
        "2021-12-13",
        "--to",
        "2021-12-13",
    ]));
    assert!(
        day.lines()
            .all(|l| l.starts_with("2021-12-13") || l.contains('?') || l.starts_with('~')),
        "{day}"
    );
    let bad = run(&["events", "--from", "2021-13"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        stderr(&bad),
        "chronicle: --from '2021-13': month 13 in '2021-13' is not between 01 and 12\n"
    );
    let nobody = run(&["events", "--actor", "zzzz"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).starts_with("chronicle: no actor matches 'zzzz'"));
}

#[test]
fn events_refuse_a_backwards_date_range_as_the_browser_does() {
    for (from, to, words) in [
        ("2022", "2021", "(2021) before it starts (2022)"),
        (
            "2021-12-13",
            "2021-12-12",
            "(2021-12-12) before it starts (2021-12-13)",
        ),
    ] {
        let output = run(&["events", "--from", from, "--to", to]);
        assert_eq!(output.status.code(), Some(1), "{from}..{to}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        assert_eq!(
            stderr(&output),
            format!("chronicle: the range ends {words}\n")
        );
    }
    // Ranges the browser's `F` prompt takes: a day on both sides, a year then a month in it.
    for (from, to) in [("2021-12-13", "2021-12-13"), ("2021", "2021-06")] {
        let output = run(&["events", "--from", from, "--to", to]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(!stdout(&output).is_empty(), "{from}..{to} kept no event");
    }
}

#[test]
fn events_say_which_actor_a_fuzzy_name_chose() {
    let guessed = run(&["events", "--actor", "u"]);
    assert_eq!(guessed.status.code(), Some(0), "{}", stderr(&guessed));
    assert_eq!(
        stderr(&guessed),
        "chronicle: --actor 'u' matched United Kingdom (uk)\n"
    );
    // Standard output stays the data: the same rows as the id gives.
    assert_eq!(stdout(&guessed), stdout(&run(&["events", "--actor", "uk"])));
    // An id, a name or an alias, in any case, is no guess and needs no note.
    for exact in ["uk", "United Kingdom", "u.k."] {
        let output = run(&["events", "--actor", exact]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stderr(&output).is_empty(), "{exact}: {}", stderr(&output));
    }
}

#[test]
fn actors_rank_by_search_and_count() {
    let ranked = stdout(&run(&["actors", "--search", "put", "--json"]));
    let first: serde_json::Value =
        serde_json::from_str(ranked.lines().next().expect("a match")).expect("json");
    assert_eq!(first["id"], "putin");
    assert_eq!(first["name"], "Vladimir Putin");
    assert!(first["score"].as_i64().is_some());
    let listed = stdout(&run(&["actors", "--json"]));
    let counts: Vec<u64> = listed
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["events"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(listed.lines().all(|l| !l.contains("\"score\"")));
}

#[test]
fn actors_search_says_when_nothing_matches() {
    // As grep: no match is exit 1, with the reason on standard error and no rows on standard
    // output (with --json an empty JSON Lines stream, which is valid).
    for json in [false, true] {
        let mut args = vec!["actors", "--search", "zzzq"];
        if json {
            args.push("--json");
        }
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        assert_eq!(
            stderr(&output),
            "chronicle: no actor matches 'zzzq'; `chronicle actors` lists them\n"
        );
    }
    for empty in ["", "  "] {
        let output = run(&["actors", "--search", empty]);
        assert_eq!(output.status.code(), Some(1), "{empty:?}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        assert!(
            stderr(&output).starts_with("chronicle: --search is empty: give part of a name"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn show_prints_quotes_with_their_sentences() {
    let output = run(&["show", "putin-johnson-call"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Putin and Johnson speak by phone\n"),
        "{text}"
    );
    assert!(
        text.contains("  date      2021-12-13  (2021-12-13)"),
        "{text}"
    );
    assert!(text.contains("Quote 1: "), "{text}");
    assert!(text.contains("]: "), "{text}");
    let missing = run(&["show", "putin-johnson-cal"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("(did you mean 'putin-johnson-call'?)"));
}

#[test]
fn sentences_numbers_and_folds_white_space() {
    let temp = tempfile::tempdir().expect("temp dir");
    let file = temp.path().join("t.txt");
    std::fs::write(&file, "Headline here\nFirst  one.   Second\tone!\n").expect("write");
    let path = file.display().to_string();
    assert_eq!(
        stdout(&run(&["sentences", &path])),
        "[1] Headline here\n[2] First one.\n[3] Second one!\n"
    );
    let json = stdout(&run(&["sentences", &path, "--json"]));
    assert_eq!(
        json.lines().nth(1),
        Some("{\"n\":2,\"start\":14,\"end\":25,\"text\":\"First  one.\"}")
    );
    let bom = temp.path().join("bom.txt");
    std::fs::write(&bom, "\u{feff}Hello there. Bye.\n").expect("write");
    let json = stdout(&run(&["sentences", "--json", &bom.display().to_string()]));
    assert_eq!(
        json.lines().next(),
        Some("{\"n\":1,\"start\":3,\"end\":15,\"text\":\"Hello there.\"}"),
        "offsets count the byte order mark"
    );
    let missing = run(&["sentences", "no-such-file.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("chronicle: no-such-file.txt: cannot read:"));
}

#[test]
fn times_lists_dates_anchored_to_the_publication_day() {
    let seed = format!("{ROOT}/tests/fixtures/seed_article.txt");
    let output = run(&["times", &seed, "--published", "2021-12-13"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "[11] \"December 13, 2021\" → 2021-12-13\n[13] \"early next year\" → 2022-01/2022-04~\n"
    );
    // JSON offsets are into the file's bytes, byte order mark included, as `sentences --json`.
    let temp = tempfile::tempdir().expect("temp dir");
    let bom = temp.path().join("bom.txt");
    std::fs::write(&bom, "\u{feff}Talks ended\nThey met on Thursday.\n").expect("write");
    let bom = bom.display().to_string();
    let json = stdout(&run(&[
        "times",
        &bom,
        "--published",
        "2021-12-14",
        "--json",
    ]));
    assert_eq!(
        json,
        "{\"sentence\":2,\"text\":\"Thursday\",\"start\":27,\"end\":35,\"value\":\"2021-12-09\"}\n"
    );
    let sentences = stdout(&run(&["sentences", &bom, "--json"]));
    assert!(
        sentences.contains("\"n\":2,\"start\":15,"),
        "the same numbering and offsets: {sentences}"
    );
    // A text with no dates prints nothing and succeeds.
    let plain = temp.path().join("plain.txt");
    std::fs::write(&plain, "Nothing happened here.").expect("write");
    let none = run(&[
        "times",
        &plain.display().to_string(),
        "--published",
        "2021-12-14",
    ]);
    assert_eq!((none.status.code(), stdout(&none).as_str()), (Some(0), ""));
}

#[test]
fn times_refuses_bad_dates_and_unreadable_files() {
    let seed = format!("{ROOT}/tests/fixtures/seed_article.txt");
    for bad in ["13/12/2021", "2021-02-30", "2021-12"] {
        let output = run(&["times", &seed, "--published", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!("'{bad}'"))
                && message.contains("expected the publication date as YYYY-MM-DD"),
            "{message}"
        );
    }
    let missing = run(&["times", &seed]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("--published"),
        "{}",
        stderr(&missing)
    );
    let absent = run(&["times", "no-such-file.txt", "--published", "2021-12-14"]);
    assert_eq!(absent.status.code(), Some(1));
    assert!(stderr(&absent).starts_with("chronicle: no-such-file.txt: cannot read:"));
    let temp = tempfile::tempdir().expect("temp dir");
    let binary = temp.path().join("latin1.txt");
    std::fs::write(&binary, b"Caf\xe9 in 2008").expect("write");
    let output = run(&[
        "times",
        &binary.display().to_string(),
        "--published",
        "2021-12-14",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with("latin1.txt: not valid UTF-8 text (invalid byte at offset 3)\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_browser_refuses_to_draw_into_a_pipe() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("chronicle events"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn help_explains_the_commands() {
    let help = stdout(&run(&["--help"]));
    for word in [
        "check",
        "events",
        "actors",
        "show",
        "sentences",
        "times",
        "DATASET",
        "bundled",
    ] {
        assert!(help.contains(word), "--help lacks {word}: {help}");
    }
}

#[test]
fn the_browser_checks_its_dates_before_anything_else() {
    let output = run(&["data", "--from", "2021-13"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("--from '2021-13': month 13"), "{message}");
    // A backwards range is refused before the load, in the `F` prompt's words, rather than
    // opening on an empty timeline.
    let output = run(&["data", "--from", "2022", "--to", "2021"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "chronicle: the range ends (2021) before it starts (2022)\n"
    );
    // Good dates get as far as the terminal check.
    let output = run(&["data", "--from", "2021-12", "--to", "2022"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a terminal"),
        "{}",
        stderr(&output)
    );
}
