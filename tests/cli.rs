//! The non-interactive commands, run as the real binary, asserting what a person would read.

use std::path::Path;
use std::process::{Command, Output};

#[path = "support/cli.rs"]
mod cli;
use cli::{run, run_in, BIN, ROOT};

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
        report.contains("events.jsonl:1: id: expected a string, found a number 1\n"),
        "{report}"
    );
    assert!(
        report.contains("events.jsonl:1: missing fields 'date' and 'title'\n"),
        "{report}"
    );
    assert!(
        report.contains("events.jsonl:2:10: EOF while parsing an object"),
        "{report}"
    );
    let summary = format!("3 problems in {}\n", temp.path().display());
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
    // Each quote says when its source was published, beside the event's own date.
    assert_eq!(call["quotes"][0]["published"], "2021-12-13?");
}

#[test]
fn check_names_a_pinned_source_whose_text_changed_and_fails() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("copy");
    let copied = run(&["import", "data", "-o", &out.display().to_string()]);
    assert_eq!(copied.status.code(), Some(0), "{}", stderr(&copied));
    // The copy keeps the bundled source's publication date and its pin.
    let sources = std::fs::read_to_string(out.join("sources.json")).expect("read");
    assert!(
        sources.contains("\"published\":\"2021-12-13?\""),
        "{sources}"
    );
    assert!(
        sources.contains(
            "\"sha256\":\"3290de889d6f983fab72a34e109d1e7c7ea0cbaa5bb784f985a78a5c7a5148b9\""
        ),
        "{sources}"
    );
    let dir = out.display().to_string();
    assert_eq!(run(&["check", &dir]).status.code(), Some(0));
    let text = out.join("sources/russia-uk-call.txt");
    let changed = std::fs::read_to_string(&text)
        .expect("read")
        .replace("no plans to invade", "no plans to enter");
    std::fs::write(&text, changed).expect("write");
    let output = run(&["check", &dir]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    let report = stderr(&output);
    assert!(
        report.contains(": sources/russia-uk-call.txt changed since it was pinned (sha256 3290de889d6f… expected, "),
        "{report}"
    );
    assert!(
        report.contains("; quotes were checked against the new text\n  hint: "),
        "{report}"
    );
    // The quotes were checked against the new text: the one the edit touched is not found.
    assert!(
        report.contains(
            "event 'putin-denies-invasion-plans', quote 1 not found in source 'russia-uk-call'"
        ),
        "{report}"
    );
    assert!(
        report.ends_with(&format!("2 problems in {dir}\n")),
        "{report}"
    );
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
    // A date that does not parse is refused as any bad value of a flag is (clap's usage
    // error, exit 2), in the date parser's words.
    let bad = run(&["events", "--from", "2021-13"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stdout(&bad).is_empty(), "{}", stdout(&bad));
    assert!(
        stderr(&bad).starts_with(
            "error: invalid value '2021-13' for '--from <DATE>': \
             month 13 in '2021-13' is not between 01 and 12\n"
        ),
        "{}",
        stderr(&bad)
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
    // Ukraine, UK and the US tie on 'u': the pick is the first `actors --search u` lists,
    // the actor with the most events.
    assert_eq!(
        stderr(&guessed),
        "chronicle: --actor 'u' matched Ukraine (ukraine)\n"
    );
    // Standard output stays the data: the same rows as the id gives.
    assert_eq!(
        stdout(&guessed),
        stdout(&run(&["events", "--actor", "ukraine"]))
    );
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

/// An actor's affiliation (actors.json's `affiliation`): its id in `--json`, its name at the
/// end of the plain line (trial 8: P9).
#[test]
fn actors_show_their_affiliation() {
    let listed = stdout(&run(&["actors", "--json"]));
    let of = |id: &str| -> serde_json::Value {
        listed
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
            .find(|v| v["id"] == id)
            .unwrap_or_else(|| panic!("{id} listed: {listed}"))
    };
    assert_eq!(of("putin")["affiliation"], "russia");
    assert_eq!(of("russia")["affiliation"], serde_json::Value::Null);
    let plain = stdout(&run(&["actors"]));
    let line = |id: &str| {
        plain
            .lines()
            .find(|l| l.contains(&format!("  ({id})")))
            .unwrap_or_else(|| panic!("{id} listed: {plain}"))
            .to_string()
    };
    assert!(line("putin").ends_with("  (putin)  → Russia"), "{plain}");
    assert!(line("russia").ends_with("  (russia)"), "{plain}");
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
    // When it happened, then when the bundled article reported it (only roughly known).
    assert!(
        text.contains(
            "  date      2021-12-13  (2021-12-13)\n  reported  2021-12-13? · Russia wants immediate talks with the West to curb any potential eastward expansion of NATO\n"
        ),
        "{text}"
    );
    assert!(text.contains("Quote 1: "), "{text}");
    assert!(text.contains("]: "), "{text}");
    let missing = run(&["show", "putin-jonson-call"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("(did you mean 'putin-johnson-call'?)"));
    // The start of exactly one id is that event, and stderr says which id it took.
    let taken = run(&["show", "putin-johnson-cal"]);
    assert_eq!(taken.status.code(), Some(0), "{}", stderr(&taken));
    assert!(stdout(&taken).starts_with("Putin and Johnson speak by phone\n"));
    assert_eq!(
        stderr(&taken),
        "chronicle: no event with id 'putin-johnson-cal'; showing 'putin-johnson-call', the one id starting with it\n"
    );
    let taken = run(&["show", "putin-ukraine"]);
    assert_eq!(taken.status.code(), Some(0), "{}", stderr(&taken));
    assert!(stderr(&taken).contains("showing 'putin-ukraine-assessments'"));
}

/// Found by a new user's trial (V19): `show DATASET ID` said the id was "no such file or
/// folder". The other order is said as such, with the command to run.
#[test]
fn show_with_the_dataset_first_says_the_id_comes_first() {
    let temp = tempfile::tempdir().expect("temp dir");
    let data = temp.path().join("ds");
    assert!(run(&["init", &data.display().to_string()]).status.success());
    let shown = data.display().to_string();
    let swapped = run(&["show", &shown, "boeing-deliver-2006-05-23"]);
    assert_eq!(swapped.status.code(), Some(1));
    assert_eq!(
        stderr(&swapped),
        format!(
            "chronicle: '{shown}' is a folder and 'boeing-deliver-2006-05-23' is no file or \
             folder: the event id comes first, `chronicle show boeing-deliver-2006-05-23 {shown}`\n"
        )
    );
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

/// Found by a new user's trial: a text with a NUL byte was printed as text (`Hello␀world`), and
/// a text that is not UTF-8 was refused without the byte or the line. Both are refused by
/// `sentences`, `times` and `draft` in the dataset loader's words, printing nothing.
#[test]
fn articles_that_are_not_text_are_refused_in_the_loaders_words() {
    let temp = tempfile::tempdir().expect("temp dir");
    let nul = temp.path().join("nul.txt");
    std::fs::write(&nul, b"Hello\x00world said Monday.").expect("write");
    let latin1 = temp.path().join("latin1.txt");
    std::fs::write(&latin1, b"Headline\nCaf\xe9 opened on Monday.\n").expect("write");
    // Found by a new user's trial: a UTF-16 text (as Notepad saves "Unicode") was called binary.
    let utf16 = |big: bool| -> Vec<u8> {
        let mut bytes = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in "Boeing said on Monday.".encode_utf16() {
            let pair = if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    };
    let le = temp.path().join("utf16le.txt");
    std::fs::write(&le, utf16(false)).expect("write");
    let be = temp.path().join("utf16be.txt");
    std::fs::write(&be, utf16(true)).expect("write");
    for (file, said) in [
        (
            &le,
            "utf16le.txt: not UTF-8 text: it is UTF-16 (little-endian, by its byte order mark)\n  hint: save the file as UTF-8\n",
        ),
        (
            &be,
            "utf16be.txt: not UTF-8 text: it is UTF-16 (big-endian, by its byte order mark)\n  hint: save the file as UTF-8\n",
        ),
        (
            &nul,
            "nul.txt: looks binary, not text (a NUL byte at byte offset 5)\n",
        ),
        (
            &latin1,
            "latin1.txt:2: not valid UTF-8 text: invalid byte 0xE9 at byte offset 12\n",
        ),
    ] {
        let path = file.display().to_string();
        for args in [
            vec!["sentences", &path],
            vec!["times", &path, "--published", "2009-06-01"],
            vec!["draft", &path, "--published", "2009-06-01"],
        ] {
            let output = run(&args);
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
            let message = stderr(&output);
            assert!(
                message.starts_with(&format!("chronicle: {}", temp.path().display()))
                    && message.contains(said),
                "{args:?}: {message}"
            );
        }
    }
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
    for (bad, said) in [
        ("13/12/2021", "expected the publication date as YYYY-MM-DD"),
        (
            "2021-02-30",
            "'2021-02-30' is not a real day: February 2021 has 28 days",
        ),
        ("2021-12", "expected the publication date as YYYY-MM-DD"),
    ] {
        let output = run(&["times", &seed, "--published", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!("'{bad}'")) && message.contains(said),
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
    // In the dataset loader's words, with the line and the byte.
    assert!(
        stderr(&output).ends_with(
            "latin1.txt:1: not valid UTF-8 text: invalid byte 0xE9 at byte offset 3\n  \
             hint: save the file as UTF-8\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn times_tells_impossible_days_on_stderr_and_refuses_edge_years() {
    let temp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        temp.path().join("a.txt"),
        "From 2019 to 2017 things changed. On 31 April 2021 and on 30 February it rained.\n",
    )
    .expect("write");
    let output = run_in(
        temp.path(),
        &["times", "a.txt", "--published", "2021-12-14"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "[1] \"2019\" → 2019\n[1] \"2017\" → 2017\n"
    );
    assert_eq!(
        stderr(&output),
        "a.txt: sentence 2: '31 April 2021' is not a date (April has 30 days)\n\
         a.txt: sentence 2: '30 February' is not a date (February has at most 29 days)\n"
    );
    for edge in ["0000-01-01", "0001-06-01", "9999-06-01"] {
        let output = run_in(temp.path(), &["times", "a.txt", "--published", edge]);
        assert_eq!(output.status.code(), Some(2), "{edge}");
        assert!(
            stderr(&output).contains("the publication year must be between 0002 and 9998"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn an_import_format_on_a_dataset_folder_is_refused() {
    for args in [
        &["check", "data", "--input-format", "gdelt"][..],
        &["events", "--input-format", "acled"][..],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains("is a dataset folder, read as chronicle's own files")
                && message.contains("drop --input-format"),
            "{message}"
        );
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
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
    assert!(
        message.contains("'2021-13' for '--from <DATE>': month 13"),
        "{message}"
    );
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

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn init_makes_an_empty_dataset_that_check_accepts() {
    let temp = tempfile::tempdir().expect("temp dir");
    // Made with its parents.
    let dir = temp.path().join("new/dataset");
    let shown = dir.display().to_string();
    let output = run(&["init", &shown]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("created an empty dataset in {shown}: sources.json, actors.json, events.jsonl, and sources/ for the source texts\ncheck it with: chronicle check {shown}\n")
    );
    assert_eq!(
        listing(&dir),
        ["actors.json", "events.jsonl", "sources", "sources.json"]
    );
    let check = run(&["check", &shown]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(
        stdout(&check),
        "0 events, 0 actors, 0 sources, 0 quotes verified\n"
    );
    assert!(stderr(&check).is_empty(), "{}", stderr(&check));
    // The other commands take it too: nothing to list, and no error.
    let events = run(&["events", &shown]);
    assert_eq!(events.status.code(), Some(0), "{}", stderr(&events));
    assert!(stdout(&events).is_empty());
    // An empty folder that exists already is fine as well.
    let empty = temp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let output = run(&["init", &empty.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn init_never_writes_over_a_dataset() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("ds");
    let shown = dir.display().to_string();
    assert_eq!(run(&["init", &shown]).status.code(), Some(0));
    std::fs::write(dir.join("events.jsonl"), "{\"id\": \"mine\"}\n").expect("write");
    let again = run(&["init", &shown]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stdout(&again).is_empty());
    assert_eq!(
        stderr(&again),
        format!("chronicle: {shown} already holds a dataset (sources.json, actors.json, events.jsonl); init makes a new one and never writes over one\n")
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("events.jsonl")).expect("read"),
        "{\"id\": \"mine\"}\n"
    );
    // One dataset file is enough to refuse, and nothing is added beside it.
    let other = temp.path().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("events.json"), "[]").expect("write");
    let refused = run(&["init", &other.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("already holds a dataset (events.json)"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(listing(&other), ["events.json"]);
    // A file where the folder should be.
    let file = temp.path().join("file");
    std::fs::write(&file, "x").expect("write");
    let refused = run(&["init", &file.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused),
        format!(
            "chronicle: {} is not a folder; init makes a dataset folder\n",
            file.display()
        )
    );
}

/// `chronicle init` killed (SIGKILL) in the middle of writing leaves no dataset file, or none
/// that makes the folder look like a complete dataset; the files it did place are whole.
#[test]
fn init_killed_mid_write_leaves_no_partial_file() {
    use std::io::{BufRead, BufReader};
    for (step, placed) in [
        ("partial", &[][..]),
        ("written", &[][..]),
        // After the first rename: sources.json is whole, and events.jsonl, written last, is
        // not there, so `check` does not take the folder for a dataset.
        ("renamed", &["sources.json"][..]),
    ] {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path().join("ds");
        let mut child = Command::new(BIN)
            .args(["init", &dir.display().to_string()])
            .env("CHRONICLE_TEST_WRITE_PAUSE", step)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run chronicle");
        let pipe = child.stderr.take().expect("stderr");
        let paused = BufReader::new(pipe)
            .lines()
            .map_while(Result::ok)
            .find(|l| l.contains("paused writing"))
            .unwrap_or_default();
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("wait");
        assert!(
            paused.ends_with(&format!(" at {step}")),
            "{step}: {paused:?} ({status})"
        );
        let files: Vec<String> = listing(&dir)
            .into_iter()
            .filter(|name| !name.starts_with('.') && name != "sources")
            .collect();
        assert_eq!(files, placed, "{step}");
        for name in &files {
            assert_eq!(std::fs::read(dir.join(name)).expect("read"), b"[]\n");
        }
        // Temporary files are named for the file they were to become, so what is left says
        // what it was.
        assert!(
            listing(&dir)
                .iter()
                .filter(|n| n.starts_with('.'))
                .all(|n| n.ends_with(".tmp")),
            "{:?}",
            listing(&dir)
        );
        if placed.is_empty() {
            // Nothing was placed: init runs again as if the first had not happened.
            let again = run(&["init", &dir.display().to_string()]);
            assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
        } else {
            let check = run(&["check", &dir.display().to_string()]);
            assert_eq!(check.status.code(), Some(1));
            assert!(
                stderr(&check).contains("events.jsonl: file not found"),
                "{}",
                stderr(&check)
            );
        }
    }
}
#[test]
fn input_format_reads_export_files_on_every_command() {
    let acled = format!("{ROOT}/tests/fixtures/import/acled.csv");
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("converted").display().to_string();
    let commands: [&[&str]; 6] = [
        &["check", &acled],
        &["events", &acled],
        &["actors", &acled],
        &["show", "SDN1002", &acled],
        &["import", &acled, "-o", &out],
        &[&acled],
    ];
    for args in commands {
        let mut args = args.to_vec();
        args.extend(["--input-format", "acled"]);
        let output = run(&args);
        // The browser gets as far as the terminal check; every other command succeeds.
        let expected = if args[0] == acled { 2 } else { 0 };
        assert_eq!(
            output.status.code(),
            Some(expected),
            "{args:?}: {}",
            stderr(&output)
        );
        let help = if args[0] == acled {
            stdout(&run(&["--help"]))
        } else {
            stdout(&run(&[args[0], "--help"]))
        };
        assert!(help.contains("--input-format <FORMAT>"), "{args:?}: {help}");
        if args[0] != "events" {
            assert!(!help.contains("--format <"), "{args:?}: {help}");
        }
    }
}

#[test]
fn format_on_a_reading_command_points_to_input_format() {
    let acled = format!("{ROOT}/tests/fixtures/import/acled.csv");
    for args in [
        vec!["check", &acled, "--format", "acled"],
        vec!["actors", &acled, "--format", "acled"],
        vec!["show", "SDN1002", &acled, "--format", "acled"],
        vec!["import", &acled, "-o", "never-written", "--format", "acled"],
        vec![&acled, "--format", "acled"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: a usage error");
        let message = stderr(&output);
        assert!(
            message.contains("--input-format acled"),
            "{args:?}: {message}"
        );
    }
    assert!(!Path::new(ROOT).join("never-written").exists());
    // On `events`, --format names the output; an input format there says where it belongs.
    let output = run(&["events", &acled, "--format", "acled"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("--input-format acled"), "{message}");
    assert!(
        message.contains("markdown"),
        "the outputs are listed: {message}"
    );
}

#[test]
fn events_can_show_ids_in_a_column() {
    let output = run(&["events", "--ids", "--to", "2021-12-13"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // Date, id, title: dates padded to the widest (~2021-12-11..12), ids to the widest, so
    // that the titles line up.
    let widest = "putin-private-contractors-rights".len();
    assert_eq!(
        &lines[0][..17 + widest + 2],
        format!(
            "2021?{}  {:<widest$}  ",
            " ".repeat(10),
            "putin-wagner-not-russian-state"
        )
    );
    assert!(
        text.contains(&format!(
            "\n2021-12-13{}  {:<widest$}  Putin and Johnson speak by phone  [",
            " ".repeat(5),
            "putin-johnson-call"
        )),
        "{text}"
    );
    // Without --ids, no ids.
    assert!(!stdout(&run(&["events"])).contains("putin-johnson-call"));
    // The other outputs always carry the id: --ids there is refused, not ignored.
    let output = run(&["events", "--ids", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--ids"), "{}", stderr(&output));
    assert_eq!(run(&["events", "--ids", "--json"]).status.code(), Some(2));
}

#[test]
fn show_suggests_ids_that_start_with_or_contain_what_was_typed() {
    let output = run(&["show", "putin"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with(
            "chronicle: no event with id 'putin'; ids starting with it: 'putin-denies-invasion-plans', "
        ),
        "{message}"
    );
    assert!(message.contains("(and 2 more)"), "{message}");
    assert!(message.contains("chronicle events --ids"), "{message}");
    let output = run(&["show", "Wagner"]);
    let message = stderr(&output);
    assert!(
        message.contains("ids containing it: 'eu-accuses-wagner', 'eu-sanctions-wagner', 'eu-statement-wagner-abuses', 'putin-wagner-not-russian-state'"),
        "{message}"
    );
    // Nothing like it: says so, and still the way to see the ids.
    let message = stderr(&run(&["show", "zzzz"]));
    assert_eq!(
        message,
        "chronicle: no event with id 'zzzz'; no id starts with, contains or is close to it; `chronicle events --ids` lists the ids\n"
    );
}

/// What a newcomer needs from the README to run chronicle at all: how arguments pass through
/// cargo, how to install it, which Rust it needs, and every command in the table.
#[test]
fn the_readme_says_how_to_build_install_and_run_every_command() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).expect("manifest");
    for needed in ["cargo run --release -- check", "cargo install --path ."] {
        assert!(readme.contains(needed), "README lacks `{needed}`");
    }
    let rust = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| v.trim_matches('"'))
        .expect("Cargo.toml names its rust-version");
    assert!(
        readme.contains(&format!("Rust {rust} or newer")),
        "README lacks the minimum Rust version {rust}"
    );
    let help = stdout(&run(&["--help"]));
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A long description wraps onto lines indented further: those name no command.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.contains(&"check"), "{help}");
    for command in commands {
        assert!(
            readme.contains(&format!("| `chronicle {command} ")),
            "the README's commands table lacks `chronicle {command}`"
        );
    }
}

/// An actor in 10 000 events or more keeps the columns of `chronicle actors` aligned: the
/// count column is as wide as its largest count.
#[test]
fn actors_counts_of_five_digits_stay_aligned() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors.json"),
        r#"[{"id":"big","name":"Big","kind":"state"},{"id":"small","name":"Small","kind":"state"}]"#,
    )
    .unwrap();
    let mut events = String::new();
    for i in 0..12_345 {
        let actors = if i < 7 {
            r#"["big","small"]"#
        } else {
            r#"["big"]"#
        };
        events.push_str(&format!(
            "{{\"id\":\"e{i}\",\"date\":\"2020\",\"title\":\"t\",\"actors\":{actors}}}\n"
        ));
    }
    std::fs::write(dir.path().join("events.jsonl"), events).unwrap();
    let output = run(&["actors", &dir.path().display().to_string()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("12345") && lines[1].contains(" 7 "),
        "{stdout}"
    );
    let id_column: Vec<usize> = lines.iter().map(|l| l.find(" (").unwrap()).collect();
    assert_eq!(id_column[0], id_column[1], "the ids line up:\n{stdout}");
}

/// A search nothing matches says so without repeating a pasted paragraph whole.
#[test]
fn a_long_search_that_matches_nothing_is_cut_in_the_message() {
    let query = format!("{}zzzz", "q".repeat(5000));
    let output = run(&["actors", "--search", &query]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        err.contains(&format!("no actor matches '{}…'", "q".repeat(60))),
        "{err}"
    );
    assert!(err.len() < 400, "{err}");
}

/// A suggestion for a misspelt country, type or tag is shown as the data writes it, not
/// lowercased (trial 11: D13).
#[test]
fn a_filter_suggestion_is_written_as_in_the_data() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::write(dir.join("actors.json"), "[]").expect("write");
    std::fs::write(dir.join("sources.json"), "[]").expect("write");
    std::fs::write(
        dir.join("events.jsonl"),
        "{\"id\": \"a\", \"date\": \"2022\", \"title\": \"A\", \"type\": \"Éditorial\", \
         \"region\": {\"country\": \"Россия\"}}\n",
    )
    .expect("write");
    let shown = dir.display().to_string();
    let output = run(&["events", &shown, "--country", "росия"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("(did you mean 'Россия'?)"),
        "{}",
        stderr(&output)
    );
    let output = run(&["events", &shown, "--type", "editorial"]);
    assert!(
        stderr(&output).contains("(did you mean 'Éditorial'?)"),
        "{}",
        stderr(&output)
    );
}

/// Found by a new user's trial: `actors --search skoda` did not find Škoda, and said "did you
/// mean 'skoda'?", the query itself.
#[test]
fn actor_search_sets_accents_aside_and_never_suggests_the_query() {
    let temp = tempfile::tempdir().expect("temp dir");
    let data = temp.path().join("ds");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::write(data.join("sources.json"), "[]\n").expect("write");
    std::fs::write(data.join("events.jsonl"), "").expect("write");
    std::fs::write(
        data.join("actors.json"),
        r#"[{"id":"skoda","name":"Škoda","kind":"organization"},
{"id":"acme-x","name":"Łódź Works","kind":"organization"}]
"#,
    )
    .expect("write");
    let dir = data.display().to_string();
    for query in ["skoda", "skod", "Skoda", "škoda"] {
        let output = run(&["actors", &dir, "--search", query]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{query}: {}",
            stderr(&output)
        );
        let first = stdout(&output)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(
            first.starts_with("Škoda") && first.ends_with("(skoda)"),
            "{query}: {first}"
        );
    }
    // Ł is a letter of its own, not L with a mark; ó and ź are.
    let output = run(&["actors", &dir, "--search", "łodz works"]);
    assert!(
        stdout(&output).contains("Łódź Works"),
        "{}",
        stderr(&output)
    );
    // An id no name matches: no suggestion of the very query.
    let output = run(&["actors", &dir, "--search", "acme-x"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "chronicle: no actor matches 'acme-x'; `chronicle actors` lists them\n"
    );
}
