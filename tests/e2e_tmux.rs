//! End to end: the real binary in a real terminal (tmux), driven by keys as a person would,
//! asserting on what the screen shows.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[path = "support/dataset.rs"]
mod dataset;
#[path = "support/tmux.rs"]
mod tmux;

use tmux::Tmux;

// Each step waits until the whole expected screen is there (a capture may catch a frame half
// drawn), and fails after 10 s showing the last screen.
#[test]
fn browse_search_filter_jump_to_source_and_back() {
    assert!(Path::new(BIN).exists());
    let tmux = Tmux::start("browse", ROOT);
    tmux.send(&[&format!("{BIN} data; echo EXITED=$?"), "Enter"]);
    tmux.wait_for("the browser with all four panes", |s| {
        s.contains("Events · 22")
            && s.contains("Actors · 18")
            && s.contains("Quotes")
            && s.contains("Detail")
    });

    // `/` then `put`: Vladimir Putin is ranked first.
    tmux.send(&["/"]);
    tmux.type_text("put");
    let screen = tmux.wait_for("the ranking", |s| {
        s.contains("/put") && s.contains("Vladimir Putin")
    });
    let first_ranked = screen
        .lines()
        .skip(1)
        .find_map(|l| l.rsplit('┃').nth(1).filter(|cell| !cell.trim().is_empty()))
        .unwrap_or_default();
    assert!(
        first_ranked.contains("Vladimir Putin"),
        "Putin is not first:\n{screen}"
    );

    // Enter filters the timeline to Putin's events.
    tmux.send(&["Enter"]);
    tmux.wait_for("the filtered timeline", |s| {
        s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // Tab to the quotes pane, Enter opens the source at the cited sentence: the first of
    // Putin's events quotes the article's last sentence (24), about private contractors.
    tmux.send(&["Tab", "Tab"]);
    tmux.wait_for("focus on quotes", |s| s.contains("┏ [3] Quotes"));
    tmux.send(&["Enter"]);
    tmux.wait_for("the source view at sentence 24", |s| {
        s.contains("Source ·")
            && s.contains("sentence 24 of 24")
            && s.contains("private military contractors have the right")
    });

    // Esc returns to the browser, quotes pane focused, filter still on.
    tmux.send(&["Escape"]);
    tmux.wait_for("the way back", |s| {
        !s.contains("Source ·")
            && s.contains("┏ [3] Quotes")
            && s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // `?` shows help; Esc closes it.
    tmux.send(&["?"]);
    tmux.wait_for("help", |s| s.contains("Keys") && s.contains("quit"));
    tmux.send(&["Escape"]);
    tmux.wait_for("help to close", |s| {
        !s.contains("Keys") && s.contains("Events ·")
    });

    // `q` quits, the terminal is restored and the shell prompt is back.
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| !stat.contains(") Z "))
}

/// The progress line is written from another thread while the dataset loads; it once waited
/// for ever on a lock of standard error that the loading thread held, so a dataset that took
/// a moment to load hung the terminal.
#[test]
fn the_progress_line_never_holds_up_the_browser() {
    let tmux = Tmux::start("progress", ROOT);
    tmux.send(&[
        &format!("CHRONICLE_PROGRESS_AFTER_MS=0 {BIN} data; echo EXITED=$?"),
        "Enter",
    ]);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 22") && s.contains("Detail")
    });
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    assert!(
        screen.contains("chronicle: loaded data in"),
        "the progress line should end with how long the load took:\n{screen}"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let tmux = Tmux::start("sigterm", ROOT);
    tmux.send(&[&format!("{BIN} data; echo EXITED=$?"), "Enter"]);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 22") && s.contains("Detail")
    });
    let shell = tmux.pane_pid();
    let children = Command::new("pgrep")
        .args(["-P", &shell.to_string()])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!pid.is_empty(), "chronicle is not running under the shell");
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=143"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}

#[test]
fn a_closed_terminal_ends_the_browser() {
    let bin_and_data = [BIN, "data"];
    let tmux = Tmux::start_with("hangup", ROOT, &bin_and_data);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 22") && s.contains("Detail")
    });
    let pid = tmux.pane_pid();
    assert!(alive(pid));
    // Closing the pane hangs up its terminal, as closing a window or an ssh session does.
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &tmux.session])
        .status();
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "chronicle (pid {pid}) kept running after its terminal closed"
        );
        sleep(Duration::from_millis(100));
    }
}

/// The "N/M" after `find 'query' ` in the status line.
fn find_count(screen: &str, query: &str) -> Option<(usize, usize)> {
    let marker = format!("find '{query}' ");
    let rest = &screen[screen.find(&marker)? + marker.len()..];
    let (n, rest) = rest.split_once('/')?;
    let m: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((n.parse().ok()?, m.parse().ok()?))
}

#[test]
fn go_to_date_find_and_a_mark_that_survives_a_restart() {
    let tmux = Tmux::start("navigate", ROOT);
    let run = format!("{BIN} data; echo EXITED=$?");
    tmux.send(&[&run, "Enter"]);
    tmux.wait_for("the browser with the density strip", |s| {
        s.contains("Events · 22") && s.contains("▲ ")
    });

    // t 2021-12-13: the first event of that day (the timeline has month-precise December
    // events before it).
    tmux.send(&["t"]);
    tmux.wait_for("the date prompt", |s| s.contains("go to date: ▏"));
    tmux.type_text("2021-12-13");
    tmux.send(&["Enter"]);
    tmux.wait_for("the first event of 13 December in the detail pane", |s| {
        s.contains("(EDTF 2021-12-13)") && s.contains("Johnson expresses concern about Russian")
    });

    // A bad date says why, in the prompt, and the browser carries on.
    tmux.send(&["t"]);
    tmux.type_text("2021-13");
    tmux.send(&["Enter"]);
    tmux.wait_for("the parser's message", |s| s.contains("month 13"));
    // Wait for Esc to land: a key sent right after it would read as Alt+key.
    tmux.send(&["Escape"]);
    tmux.wait_for("the prompt to close", |s| !s.contains("go to date:"));

    // f sanctions, then n: the count moves on by one.
    tmux.send(&["f"]);
    tmux.wait_for("the find prompt", |s| s.contains("find: ▏"));
    tmux.type_text("sanctions");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the find count", |s| {
        find_count(s, "sanctions").is_some_and(|(n, _)| n > 0)
    });
    let (first, total) = find_count(&screen, "sanctions").unwrap_or_default();
    assert!(total >= 2, "several events mention sanctions:\n{screen}");
    tmux.send(&["n"]);
    let screen = tmux.wait_for("the next match", |s| {
        find_count(s, "sanctions").is_some_and(|(n, _)| n == first % total + 1)
    });

    // m marks the event; q quits; a new run shows the mark, and ' goes to it.
    tmux.send(&["m"]);
    tmux.wait_for("the mark", |s| s.contains("Marked (1 in all)"));
    // The first line of the detail pane: the selected event's title.
    let detail_title = |s: &str| {
        let lines: Vec<&str> = s.lines().collect();
        lines
            .iter()
            .position(|l| l.contains("[4] Detail"))
            .and_then(|at| lines.get(at + 1))
            // The right border is a scrollbar when the detail is longer than the pane.
            .and_then(|l| {
                l.trim_end()
                    .trim_end_matches(['│', '█', '║'])
                    .rsplit('│')
                    .next()
            })
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let marked = detail_title(&screen);
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    assert!(
        tmux.state_dir().join("marks.json").exists(),
        "marks are kept in the state directory"
    );
    assert!(!Path::new(ROOT).join("data/marks.json").exists());

    tmux.send(&["clear", "Enter"]);
    tmux.send(&[&run, "Enter"]);
    tmux.wait_for("the browser again, with its mark", |s| {
        s.contains("Events · 22") && s.contains("· 1 marked")
    });
    tmux.send(&["'"]);
    let screen = tmux.wait_for("the marked event", |s| detail_title(s) == marked);
    assert!(!marked.is_empty(), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
}

#[test]
fn an_edit_on_disk_reloads_and_a_broken_one_keeps_the_last_good_timeline() {
    let dataset = tempfile::tempdir().expect("temporary dataset");
    dataset::copy_dir(&Path::new(ROOT).join("data"), dataset.path());
    let tmux = Tmux::start("reload", ROOT);
    tmux.send(&[
        &format!("{BIN} {}; echo EXITED=$?", dataset.path().display()),
        "Enter",
    ]);
    tmux.wait_for("the browser", |s| s.contains("Events · 22"));
    // Filter to Putin first: the filter must survive the reload.
    tmux.send(&["/"]);
    tmux.type_text("putin");
    tmux.send(&["Enter"]);
    tmux.wait_for("the filter", |s| {
        s.contains("Events · Vladimir Putin · 12 of 22")
    });

    let events = dataset.path().join("events.jsonl");
    let mut text = std::fs::read_to_string(&events).expect("read events");
    text.push_str(
        r#"{"id": "e2e-added", "date": "2021-12-14", "title": "An event added while browsing", "actors": ["putin"], "quotes": []}"#,
    );
    text.push('\n');
    std::fs::write(&events, &text).expect("write events");
    tmux.wait_for("the reload", |s| {
        s.contains("Reloaded the dataset: +1 event")
            && s.contains("Events · Vladimir Putin · 13 of 23")
    });

    std::fs::write(&events, format!("{text}{{\"id\": \"broken\"\n")).expect("write events");
    tmux.wait_for("the problem, and the last good timeline", |s| {
        s.contains("Not reloaded, 1 problem: ")
            && s.contains("events.jsonl:24")
            && s.contains("13 of 23")
    });
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
}

#[test]
fn the_browser_starts_filtered_by_from_and_to() {
    let tmux = Tmux::start("from-to", ROOT);
    // A marks file that is not JSON is set aside, with a warning, and the browser opens.
    std::fs::write(tmux.state_dir().join("marks.json"), "{oops").expect("write marks");
    tmux.send(&[
        &format!("{BIN} data --from 2021-12-11 --to 2021-12-12; echo EXITED=$?"),
        "Enter",
    ]);
    // The two G7 events of 11-12 December, and the events dated only by month or year, which
    // may fall on those days (the range keeps every date that overlaps it).
    let screen = tmux.wait_for("the filtered timeline", |s| {
        s.contains("Events · 2021-12-11 to 2021-12-12 · ") && s.contains("Two-day meeting of G7")
    });
    assert!(
        !screen.contains("Putin and Johnson speak by phone"),
        "{screen}"
    );
    assert!(
        screen.contains("could not be read"),
        "the warning:\n{screen}"
    );
    assert!(tmux.state_dir().join("marks.json.corrupt").exists());

    // y copies the selected event and says how.
    tmux.send(&["y"]);
    tmux.wait_for("the copy note", |s| {
        s.contains("Copied '") && s.contains("quote")
    });
    // e exports the view to a file named in a prompt, and says where.
    let out = tempfile::tempdir().expect("temporary export folder");
    let file = out.path().join("december.csv");
    tmux.send(&["e"]);
    tmux.wait_for("the export prompt", |s| {
        s.contains("export to (.md .csv .jsonl): data-events.md")
    });
    tmux.send(&["C-u"]);
    tmux.type_text(&file.display().to_string());
    tmux.send(&["Enter"]);
    tmux.wait_for("the note naming the file", |s| {
        s.contains("Exported ") && s.contains("december.csv")
    });
    let csv = std::fs::read_to_string(&file).expect("the export was written");
    assert!(csv.starts_with("id,date,title,"), "{csv}");
    assert!(csv.contains("Two-day meeting of G7 ministers"), "{csv}");
    // The same name again: refused, and the prompt stays open with the name to correct.
    tmux.send(&["e"]);
    tmux.wait_for("the export prompt again", |s| {
        s.contains("export to (.md .csv .jsonl): data-events.md")
    });
    tmux.send(&["C-u"]);
    tmux.type_text(&file.display().to_string());
    tmux.send(&["Enter"]);
    tmux.wait_for("the refusal, the prompt still open", |s| {
        s.contains("already exists") && s.contains("export to (.md .csv .jsonl): /")
    });
    tmux.send(&["Escape"]);
    tmux.wait_for("the prompt closed", |s| !s.contains("export to ("));

    // X removes the range.
    tmux.send(&["X"]);
    tmux.wait_for("the active filters", |s| s.contains("Remove a filter"));
    tmux.send(&["Enter"]);
    tmux.wait_for("everything again", |s| s.contains("Events · 22"));
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
}
