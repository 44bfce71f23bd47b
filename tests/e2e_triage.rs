//! End to end: `chronicle init`, then `chronicle draft --into` on the seed article, on a real
//! (pseudo-)terminal, decided with keys as a person would; then `chronicle check` on what was
//! written.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chronicle::files::DatasetLocation;
use chronicle::load::{load, sha256_hex, Dataset};

#[path = "support/pty.rs"]
mod pty;

use pty::{Key, Screen, Spawn, Term, BLUE, ROOT};

#[path = "support/cli.rs"]
mod cli;
use cli::run;

const SEED: &str = "tests/fixtures/seed_article.txt";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new dataset made by `chronicle init` in a temporary folder.
fn init() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = dir.path().join("timeline");
    let made = run(&["init", &data.display().to_string()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    (dir, data)
}

fn triage(data: &Path) -> Term {
    Spawn::new(&[
        "draft",
        SEED,
        "--published",
        "2021-12-13",
        "--into",
        &data.display().to_string(),
    ])
    .start()
}

fn accepted(n: usize) -> impl Fn(&Screen) -> bool {
    move |s: &Screen| s.contains(&format!("· {n} accepted ·"))
}

fn check(data: &Path) -> Dataset {
    let checked = run(&["check", &data.display().to_string()]);
    assert!(
        checked.status.success(),
        "chronicle check failed:\n{}{}",
        text(&checked.stdout),
        text(&checked.stderr)
    );
    load(&DatasetLocation::Folder(data.to_path_buf())).expect("the dataset loads")
}

#[test]
fn init_draft_into_accept_three_quit_and_check_passes() {
    let (_dir, data) = init();
    let term = triage(&data);
    let screen = term.wait_for("triage of the seed", |s| {
        s.contains("19 candidates · 0 accepted · 0 rejected · 19 to decide")
            && s.contains("Article · sentence 2 of 24")
            // A frame can be caught half drawn: wait for the lit sentence too.
            && s.find("The President of Russia").is_some_and(|(row, col)| {
                s.style_at(row, col).bg == BLUE
            })
            // The status line, the last row drawn.
            && s.contains("a accept")
    });
    assert!(screen.alternate_screen());
    assert!(term.raw_mode());
    // The first candidate is selected, white on blue; its sentence is lit in the article.
    let selected = screen.style_of("Putin tells Johnson, in a phone call");
    assert_eq!(selected.bg, BLUE, "{selected:?}");

    term.type_text("a");
    // The status line says what was written (the last row: the whole frame is there).
    term.wait_for("the first accept", |s| {
        accepted(1)(s)
            && s.contains("Accepted [2]: written as putin-tell-2021-12-13 with 6 new actors.")
    });
    term.type_text("a");
    term.wait_for("the second accept", accepted(2));
    term.type_text("a");
    term.wait_for("the third accept", |s| {
        accepted(3)(s) && s.contains("16 to decide") && s.contains("Accepted [5]")
    });

    term.type_text("q");
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    term.assert_restored();
    let screen = term.screen();
    assert!(
        screen.contains("3 events written to") && screen.contains("16 left undecided"),
        "{}",
        screen.text()
    );

    let dataset = check(&data);
    let timeline = &dataset.timeline;
    assert_eq!(timeline.events().len(), 3);
    let cited: BTreeSet<usize> = timeline
        .events()
        .iter()
        .flat_map(|e| &e.quotes)
        .map(|q| q.sentences().start + 1)
        .collect();
    assert_eq!(cited, BTreeSet::from([2, 4, 5]));
    // Every actor the three name was created with them, once.
    let named: BTreeSet<&str> = timeline
        .events()
        .iter()
        .flat_map(|e| &e.actors)
        .map(|a| timeline.actor(*a).id.as_str())
        .collect();
    let actors: BTreeSet<&str> = timeline.actors().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(named, actors);
    assert!(actors.contains("vladimir-putin") && actors.contains("boris-johnson"));
    // The source: the article's bytes, pinned by their hash, with its publication day.
    let source = &timeline.sources()[0];
    assert_eq!(source.id, "seed-article");
    assert_eq!(source.file, "sources/seed-article.txt");
    let bytes = std::fs::read(Path::new(ROOT).join(SEED)).expect("read the seed");
    assert_eq!(
        std::fs::read(data.join(&source.file)).expect("read the copy"),
        bytes
    );
    assert_eq!(source.sha256.as_deref(), Some(sha256_hex(&bytes).as_str()));
    assert_eq!(
        source.published.map(|d| d.edtf()).as_deref(),
        Some("2021-12-13")
    );
}

#[test]
fn a_second_run_reuses_the_source_marks_cited_sentences_and_undo_takes_an_accept_back() {
    let (_dir, data) = init();
    let term = triage(&data);
    term.wait_for("triage", |s| s.contains("19 candidates"));
    term.type_text("a");
    term.wait_for("the accept", accepted(1));
    term.type_text("q");
    assert_eq!(term.wait_exit().code(), Some(0));
    let sources = std::fs::read(data.join("sources.json")).expect("sources.json");
    let events = std::fs::read(data.join("events.jsonl")).expect("events.jsonl");
    let actors = std::fs::read(data.join("actors.json")).expect("actors.json");

    // Again: the text is there already, and sentence 2 is cited by the event written, so its
    // candidate is decided (in the dataset) and triage starts on the next.
    let term = triage(&data);
    let screen = term.wait_for("triage again", |s| {
        s.contains("19 candidates")
            && s.contains("1 in the dataset · 18 to decide")
            && s.contains("Candidate [4] · to decide")
    });
    assert!(screen.contains("= • [2]"), "{}", screen.text());
    // The proposals the dataset has now are not new any more: ids, not +ids.
    assert!(
        screen.contains("vladimir-putin, boris-johnson"),
        "{}",
        screen.text()
    );
    // Back on [2], a writes no duplicate: it says which event has it.
    term.type_text("k");
    term.wait_for("[2] selected", |s| s.contains("already in the dataset as"));
    term.type_text("a");
    term.wait_for("the refusal", |s| {
        s.contains("[2] is already in the dataset as") && s.contains("e edits it")
    });
    assert_eq!(
        std::fs::read(data.join("events.jsonl")).expect("events.jsonl"),
        events
    );
    // Reject the next, accept the one after, undo the accept: the files are as they were.
    term.type_text("j");
    term.type_text("x");
    term.wait_for("the rejection", |s| s.contains("Rejected [4]."));
    term.type_text("a");
    term.wait_for("the accept", accepted(1));
    assert_ne!(
        std::fs::read(data.join("events.jsonl")).expect("events.jsonl"),
        events
    );
    term.type_text("u");
    term.wait_for("the undo", |s| {
        s.contains("Took back [5]") && s.contains("· 0 accepted · 1 rejected")
    });
    term.type_text("u");
    term.wait_for("the second undo", |s| {
        s.contains("Took back the rejection of [4].")
    });
    term.type_text("q");
    assert_eq!(term.wait_exit().code(), Some(0));
    assert_eq!(std::fs::read(data.join("sources.json")).ok(), Some(sources));
    assert_eq!(std::fs::read(data.join("events.jsonl")).ok(), Some(events));
    assert_eq!(std::fs::read(data.join("actors.json")).ok(), Some(actors));
    assert_eq!(check(&data).timeline.events().len(), 1);
}

#[test]
fn an_edit_in_the_form_is_written_as_typed() {
    let (_dir, data) = init();
    let term = triage(&data);
    term.wait_for("triage", |s| s.contains("19 candidates"));
    term.type_text("e");
    term.wait_for("the form", |s| {
        s.contains("Edit [2]") && s.contains("Enter keep")
    });
    // Title: emptied and typed again; letters that are keys in the list are text here.
    term.press(&[Key::Ctrl('u')]);
    term.type_text("Putin begs Johnson for talks (a quick call)");
    term.press(&[Key::Tab]);
    term.press(&[Key::Ctrl('u')]);
    term.type_text("2021-12-33");
    term.wait_for("the date refused as typed", |s| {
        s.contains("invalid date: ") && s.contains("2021-12-33")
    });
    term.press(&[Key::Backspace]);
    term.type_text("1");
    term.wait_for("the date accepted", |s| !s.contains("invalid date"));
    term.press(&[Key::Enter]);
    term.wait_for("the edit", |s| s.contains("Edited [2]; a accepts it."));
    term.type_text("a");
    term.wait_for("the accept", accepted(1));
    term.type_text("q");
    assert_eq!(term.wait_exit().code(), Some(0));
    let dataset = check(&data);
    let event = &dataset.timeline.events()[0];
    assert_eq!(&*event.title, "Putin begs Johnson for talks (a quick call)");
    assert_eq!(event.date.edtf(), "2021-12-31");
    // The id follows the edit: its doer the title's, its verb the type, as the table does not
    // know "begs", its date the one typed.
    assert_eq!(&*event.id, "putin-call-2021-12-31");
}

#[test]
fn a_folder_without_a_dataset_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let term = triage(dir.path());
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(1));
    let screen = term.screen();
    assert!(
        screen.contains("has no sources.json") && screen.contains("chronicle init"),
        "{}",
        screen.text()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing written"
    );
}

/// Kills `chronicle draft --into` with SIGKILL where `pause` stops a write
/// (`CHRONICLE_TEST_WRITE_PAUSE`: a step, and the file), after pressing `keys`; the dataset
/// left must pass `check`, each of its files as it was before that write or as after it.
fn killed_at(pause: &str, keys: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, data) = init();
    let term = Spawn::new(&[
        "draft",
        SEED,
        "--published",
        "2021-12-13",
        "--into",
        &data.display().to_string(),
    ])
    .env("CHRONICLE_TEST_WRITE_PAUSE", pause)
    .start();
    if !keys.is_empty() {
        term.wait_for("triage", |s| s.contains("a accept"));
        term.type_text(keys);
    }
    term.wait_for(&format!("the pause at {pause}"), |s| {
        s.contains("paused writing")
    });
    term.signal(nix::sys::signal::Signal::SIGKILL);
    let status = term.wait_exit();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "{pause}: {status:?}"
    );
    (dir, data)
}

/// The dataset's files, less the temporary files a kill leaves (`.NAME.XXXXXX.tmp`), which the
/// loader never reads.
fn leftovers(data: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for folder in [data.to_path_buf(), data.join("sources")] {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.starts_with('.') {
                assert!(name.ends_with(".tmp"), "{name}");
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn a_kill_in_the_middle_of_any_write_leaves_a_dataset_that_passes_check() {
    // (where the write stops, keys pressed first, then events, actors and sources after the
    // kill)
    let cases = [
        // The article's text: half written, whole but not in place, in place without its
        // record; then the record.
        ("partial:seed-article.txt", "", (0, 0, 0)),
        ("written:seed-article.txt", "", (0, 0, 0)),
        ("renamed:seed-article.txt", "", (0, 0, 0)),
        ("written:sources.json", "", (0, 0, 0)),
        ("renamed:sources.json", "", (0, 0, 1)),
        // The first accept: its six new actors, then the event.
        ("partial:actors.json", "a", (0, 0, 1)),
        ("written:actors.json", "a", (0, 0, 1)),
        ("renamed:actors.json", "a", (0, 6, 1)),
        ("partial:events.jsonl", "a", (0, 6, 1)),
        ("written:events.jsonl", "a", (0, 6, 1)),
        ("renamed:events.jsonl", "a", (1, 6, 1)),
    ];
    for (pause, keys, expected) in cases {
        let (_dir, data) = killed_at(pause, keys);
        let dataset = check(&data);
        let timeline = &dataset.timeline;
        let found = (
            timeline.events().len(),
            timeline.actors().len(),
            timeline.sources().len(),
        );
        assert_eq!(found, expected, "{pause}");
        let (events, _, sources) = expected;
        // Every file whole: events.jsonl empty or one whole line, the arrays JSON.
        let lines = std::fs::read_to_string(data.join("events.jsonl")).expect("events");
        assert!(
            lines.is_empty() || (lines.ends_with('\n') && lines.lines().count() == 1),
            "{pause}: {lines:?}"
        );
        for name in ["sources.json", "actors.json"] {
            let text = std::fs::read_to_string(data.join(name)).expect("read");
            assert!(
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "{pause}: {name}: {text}"
            );
        }
        let left = leftovers(&data);
        assert!(left.len() <= 1, "{pause}: {left:?}");
        println!("killed at {pause}: {events} events, {sources} sources; left {left:?}");
        // Run again, the work is done: the text there is taken (with its record, or given
        // one), the actors there are not added twice.
        if pause == "renamed:actors.json" || pause == "renamed:seed-article.txt" {
            let term = triage(&data);
            term.wait_for("triage", |s| s.contains("a accept"));
            term.type_text("a");
            term.wait_for("the accept", accepted(1));
            term.type_text("q");
            assert_eq!(term.wait_exit().code(), Some(0));
            let timeline = check(&data).timeline;
            assert_eq!(
                (
                    timeline.events().len(),
                    timeline.actors().len(),
                    timeline.sources().len()
                ),
                (1, 6, 1),
                "run again after {pause}"
            );
            assert!(!data.join("sources/seed-article-2.txt").exists());
        }
    }
}
