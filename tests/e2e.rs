//! End to end: the real binary on a real (pseudo-)terminal, driven by keys as a person would,
//! asserting on what the screen shows, cell styles included, and on how the process ends.

use std::os::unix::process::ExitStatusExt;
use std::path::Path;

use nix::sys::signal::Signal;

#[path = "support/dataset.rs"]
mod dataset;
#[path = "support/pty.rs"]
mod pty;

use pty::{Color, Key, Screen, Spawn, Term, BIN, BLUE, CYAN, RED, ROOT, WHITE, YELLOW};

fn browser_open(s: &Screen) -> bool {
    s.contains("Events · 22") && s.contains("Detail")
}

/// `q`, then the process ends with 0, the terminal is back as it was and the browser is gone.
fn quit(term: &Term) -> Screen {
    term.type_text("q");
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    term.assert_restored();
    let screen = term.screen();
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{}",
        screen.text()
    );
    screen
}

// Each step waits until the whole expected screen is there (a look may catch a frame half
// drawn), and fails after a while showing the last screen.
#[test]
fn browse_search_filter_jump_to_source_and_back() {
    assert!(Path::new(BIN).exists());
    let term = Spawn::new(&["data"]).start();
    let screen = term.wait_for("the browser with all four panes", |s| {
        s.contains("Events · 22")
            && s.contains("Actors · 18")
            && s.contains("Quotes")
            && s.contains("Detail")
    });
    assert!(screen.alternate_screen());
    assert!(term.raw_mode(), "the browser reads keys in raw mode");
    // The focused pane (events) has a cyan, bold, thick border; the selected row is white on
    // blue.
    assert_eq!(screen.style_of("━").fg, CYAN);
    assert!(screen.style_of("━").bold);
    assert!(screen.contains("┏ [1] Events · 22"));
    let selected = screen.style_of("Putin says the Wagner Group does not");
    assert_eq!(
        (selected.fg, selected.bg, selected.bold),
        (WHITE, BLUE, true)
    );

    // `/` then `put`: Vladimir Putin is ranked first.
    term.type_text("/put");
    let screen = term.wait_for("the ranking", |s| {
        s.contains("/put") && s.contains("Vladimir Putin")
    });
    let first_ranked = screen
        .text()
        .lines()
        .skip(1)
        .find_map(|l| l.rsplit('┃').nth(1).filter(|cell| !cell.trim().is_empty()))
        .unwrap_or_default();
    assert!(
        first_ranked.contains("Vladimir Putin"),
        "Putin is not first:\n{}",
        screen.text()
    );
    assert!(screen.contains("┏ [2] Actors"), "{}", screen.text());
    // He matched by his alias, whose matched letters stay lit on the selected row: yellow,
    // bold and underlined over its blue.
    let alias = screen.styles_of("(Puti");
    assert!(!alias[0].underline, "{alias:?}");
    for lit in &alias[1..4] {
        assert_eq!((lit.fg, lit.bg), (YELLOW, BLUE), "{alias:?}");
        assert!(lit.bold && lit.underline, "{alias:?}");
    }

    // Enter filters the timeline to Putin's events.
    term.press(&[Key::Enter]);
    term.wait_for("the filtered timeline", |s| {
        s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // Tab to the quotes pane, Enter opens the source at the cited sentence: the first of
    // Putin's events (the first of his two 2021? events in the file) quotes sentence 23,
    // about the Wagner Group.
    term.press(&[Key::Tab, Key::Tab]);
    term.wait_for("focus on quotes", |s| s.contains("┏ [3] Quotes"));
    term.press(&[Key::Enter]);
    let screen = term.wait_for("the source view at sentence 23", |s| {
        s.contains("Source ·")
            && s.contains("sentence 23 of 24")
            && s.contains("neither represented")
            // A frame can be caught half written: wait for the highlight as well.
            && s.style_of("neither represented").bg == BLUE
    });
    // The quoted words (the whole sentence) are yellow on blue, bold and underlined; the
    // sentence before is plain.
    let quoted = screen.style_of("neither represented");
    assert_eq!((quoted.fg, quoted.bg), (YELLOW, BLUE), "{quoted:?}");
    assert!(quoted.bold && quoted.underline, "{quoted:?}");
    let before = screen.style_of("Russia has denied any wrongdoing");
    assert_eq!(before.bg, Color::Default, "{before:?}");
    assert!(!before.underline, "{before:?}");

    // Esc returns to the browser, quotes pane focused, filter still on.
    term.press(&[Key::Escape]);
    term.wait_for("the way back", |s| {
        !s.contains("Source ·")
            && s.contains("┏ [3] Quotes")
            && s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // `?` shows help; Esc closes it.
    term.type_text("?");
    term.wait_for("help", |s| s.contains("Keys") && s.contains("quit"));
    term.press(&[Key::Escape]);
    term.wait_for("help to close", |s| {
        !s.contains("Keys") && s.contains("Events ·")
    });

    quit(&term);
}

/// The progress line is written from another thread while the dataset loads; it once waited
/// for ever on a lock of standard error that the loading thread held, so a dataset that took
/// a moment to load hung the terminal.
#[test]
fn the_progress_line_never_holds_up_the_browser() {
    // Twenty thousand more events: a load long enough (about 0.3 s) for the progress thread
    // to be scheduled at least once before it ends, even on busy cores.
    let dataset = tempfile::tempdir().expect("temporary dataset");
    dataset::copy_dir(&Path::new(ROOT).join("data"), dataset.path());
    let mut events =
        std::fs::read_to_string(dataset.path().join("events.jsonl")).expect("read events");
    for n in 0..20_000 {
        events.push_str(&format!(
            "{{\"id\": \"bulk-{n}\", \"date\": \"2021-12-14\", \"title\": \"Bulk {n}\", \"actors\": [\"putin\"], \"quotes\": []}}\n"
        ));
    }
    std::fs::write(dataset.path().join("events.jsonl"), events).expect("write events");
    let term = Spawn::new(&[&dataset.path().display().to_string()])
        .env("CHRONICLE_PROGRESS_AFTER_MS", "0")
        .start();
    term.wait_for("the browser", |s| {
        s.contains("Events · 20022") && s.contains("Detail")
    });
    let screen = quit(&term);
    assert!(
        screen.contains("chronicle: loaded ") && screen.contains(" in "),
        "the progress line should end with how long the load took:\n{}",
        screen.text()
    );
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let term = Spawn::new(&["data"]).start();
    term.wait_for("the browser", browser_open);
    term.signal(Signal::SIGTERM);
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(143), "{status:?}");
    term.assert_restored();
    let screen = term.screen();
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{}",
        screen.text()
    );
}

#[test]
fn a_closed_terminal_ends_the_browser() {
    let mut term = Spawn::new(&["data"]).start();
    term.wait_for("the browser", browser_open);
    assert_eq!(term.process_state().map(|s| s != 'Z'), Some(true));
    // Closing the terminal hangs it up, as closing a window or an ssh session does: the
    // kernel sends SIGHUP to chronicle, the terminal's controlling process, and its reads
    // fail. Whichever it notices first, it ends by itself: 129 for the signal, 1 for the
    // failed terminal; never killed by a signal (it once aborted, printing the failure to the
    // closed terminal from inside ratatui's panic hook).
    term.close_terminal();
    let status = term.wait_exit();
    assert!(
        matches!(status.code(), Some(129 | 1)),
        "{status:?} (signal {:?})",
        status.signal()
    );
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let term = Spawn::new(&["data"]).size(80, 20).start();
    term.wait_for("four panes at 80x20", |s| {
        browser_open(s) && s.contains("Actors · 18") && s.contains("Quotes")
    });
    // Below 80x20, only the focused pane and the status line.
    term.resize(60, 15);
    term.wait_for("the focused pane alone", |s| {
        s.contains("Events · 22")
            && !s.contains("Detail")
            && !s.text().lines().any(|l| l.chars().count() > 60)
    });
    // Below 12x4, a red, bold notice.
    term.resize(10, 3);
    let screen = term.wait_for("the notice", |s| s.contains("terminal"));
    let notice = screen.style_of("terminal");
    assert_eq!(notice.fg, RED, "{notice:?}");
    assert!(notice.bold, "{notice:?}");
    term.resize(120, 40);
    term.wait_for("all four panes again", |s| {
        browser_open(s) && s.contains("Actors · 18") && s.contains("Quotes")
    });
    quit(&term);
}

/// The "N/M" after `find 'query' ` in the status line.
fn find_count(screen: &Screen, query: &str) -> Option<(usize, usize)> {
    let screen = screen.text();
    let marker = format!("find '{query}' ");
    let rest = &screen[screen.find(&marker)? + marker.len()..];
    let (n, rest) = rest.split_once('/')?;
    let m: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((n.parse().ok()?, m.parse().ok()?))
}

/// The first line of the detail pane: the selected event's title.
fn detail_title(screen: &Screen) -> String {
    let lines: Vec<&str> = screen.text().lines().collect();
    lines
        .iter()
        .position(|l| l.contains("[4] Detail"))
        .and_then(|at| lines.get(at + 1))
        // The right border is a scroll bar when the detail is longer than the pane.
        .and_then(|l| {
            l.trim_end()
                .trim_end_matches(['│', '█', '║'])
                .rsplit('│')
                .next()
        })
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn go_to_date_find_and_a_mark_that_survives_a_restart() {
    let term = Spawn::new(&["data"]).start();
    term.wait_for("the browser with the density strip", |s| {
        s.contains("Events · 22") && s.contains("▲ ")
    });

    // t 2021-12-13: the first event of that day in the file (the timeline has month-precise December
    // events before it).
    term.type_text("t");
    term.wait_for("the date prompt", |s| s.contains("go to date: ▏"));
    term.type_text("2021-12-13");
    term.press(&[Key::Enter]);
    term.wait_for("the first event of 13 December in the detail pane", |s| {
        s.contains("(EDTF 2021-12-13)") && s.contains("Putin and Johnson speak by phone")
    });

    // A bad date says why, in the prompt, and the browser carries on.
    term.type_text("t");
    term.wait_for("the date prompt", |s| s.contains("go to date: ▏"));
    term.type_text("2021-13");
    term.press(&[Key::Enter]);
    term.wait_for("the parser's message", |s| s.contains("month 13"));
    term.press(&[Key::Escape]);
    term.wait_for("the prompt to close", |s| !s.contains("go to date:"));

    // f sanctions, then n: the count moves on by one.
    term.type_text("f");
    term.wait_for("the find prompt", |s| s.contains("find: ▏"));
    term.type_text("sanctions");
    term.press(&[Key::Enter]);
    let screen = term.wait_for("the find count", |s| {
        find_count(s, "sanctions").is_some_and(|(n, _)| n > 0)
    });
    let (first, total) = find_count(&screen, "sanctions").unwrap_or_default();
    assert!(
        total >= 2,
        "several events mention sanctions:\n{}",
        screen.text()
    );
    term.type_text("n");
    let screen = term.wait_for("the next match", |s| {
        find_count(s, "sanctions").is_some_and(|(n, _)| n == first % total + 1)
    });

    // m marks the event; q quits; a new run shows the mark, and ' goes to it.
    term.type_text("m");
    term.wait_for("the mark", |s| s.contains("Marked (1 in all)"));
    let marked = detail_title(&screen);
    assert!(!marked.is_empty(), "{}", screen.text());
    quit(&term);
    assert!(
        term.state_dir().join("marks.json").exists(),
        "marks are kept in the state directory"
    );
    assert!(!Path::new(ROOT).join("data/marks.json").exists());

    let again = Spawn::new(&["data"]).state_dir(term.state_dir()).start();
    again.wait_for("the browser again, with its mark", |s| {
        s.contains("Events · 22") && s.contains("· 1 marked")
    });
    again.type_text("'");
    again.wait_for("the marked event", |s| detail_title(s) == marked);
    quit(&again);
}

#[test]
fn an_edit_on_disk_reloads_and_a_broken_one_keeps_the_last_good_timeline() {
    let dataset = tempfile::tempdir().expect("temporary dataset");
    dataset::copy_dir(&Path::new(ROOT).join("data"), dataset.path());
    let term = Spawn::new(&[&dataset.path().display().to_string()]).start();
    term.wait_for("the browser", |s| s.contains("Events · 22"));
    // Filter to Putin first: the filter must survive the reload.
    term.type_text("/putin");
    term.press(&[Key::Enter]);
    term.wait_for("the filter", |s| {
        s.contains("Events · Vladimir Putin · 12 of 22")
    });

    let events = dataset.path().join("events.jsonl");
    let mut text = std::fs::read_to_string(&events).expect("read events");
    text.push_str(
        r#"{"id": "e2e-added", "date": "2021-12-14", "title": "An event added while browsing", "actors": ["putin"], "quotes": []}"#,
    );
    text.push('\n');
    std::fs::write(&events, &text).expect("write events");
    term.wait_for("the reload", |s| {
        s.contains("Reloaded the dataset: +1 event")
            && s.contains("Events · Vladimir Putin · 13 of 23")
    });

    std::fs::write(&events, format!("{text}{{\"id\": \"broken\"\n")).expect("write events");
    term.wait_for("the problem, and the last good timeline", |s| {
        s.contains("Not reloaded, 1 problem: ")
            && s.contains("events.jsonl:24")
            && s.contains("13 of 23")
    });
    quit(&term);
}

#[test]
fn the_browser_starts_filtered_by_from_and_to() {
    // A marks file that is not JSON is set aside, with a warning, and the browser opens.
    let state = tempfile::tempdir().expect("temporary state directory");
    std::fs::write(state.path().join("marks.json"), "{oops").expect("write marks");
    let term = Spawn::new(&["data", "--from", "2021-12-11", "--to", "2021-12-12"])
        .state_dir(state.path())
        .start();
    // The two G7 events of 11-12 December, and the events dated only by month or year, which
    // may fall on those days (the range keeps every date that overlaps it).
    // The warning is in the status line, drawn last: the whole frame is there.
    let screen = term.wait_for("the filtered timeline, and the warning", |s| {
        s.contains("Events · 2021-12-11 to 2021-12-12 · ")
            && s.contains("Two-day meeting of G7")
            && s.contains("could not be read")
    });
    assert!(
        !screen.contains("Putin and Johnson speak by phone"),
        "{}",
        screen.text()
    );
    assert!(state.path().join("marks.json.corrupt").exists());

    // y copies the selected event, through the terminal (OSC 52, as there is no display for
    // a clipboard tool), and says how.
    let selected = detail_title(&screen);
    term.type_text("y");
    let screen = term.wait_for("the copy note", |s| {
        s.contains("Copied '") && s.contains("quote")
    });
    let copied = screen.clipboard();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(
        copied[0].contains(&selected) && copied[0].contains("Actors: "),
        "{selected:?} in {copied:?}"
    );

    // e exports the view to a file named in a prompt, and says where.
    let out = tempfile::tempdir().expect("temporary export folder");
    let file = out.path().join("december.csv");
    term.type_text("e");
    term.wait_for("the export prompt", |s| {
        s.contains("export to (.md .csv .jsonl): data-events.md")
    });
    term.press(&[Key::Ctrl('u')]);
    term.type_text(&file.display().to_string());
    term.press(&[Key::Enter]);
    term.wait_for("the note naming the file", |s| {
        s.contains("Exported ") && s.contains("december.csv")
    });
    let csv = std::fs::read_to_string(&file).expect("the export was written");
    assert!(csv.starts_with("id,date,title,"), "{csv}");
    assert!(csv.contains("Two-day meeting of G7 ministers"), "{csv}");
    // The same name again: refused, and the prompt stays open with the name to correct.
    term.type_text("e");
    term.wait_for("the export prompt again", |s| {
        s.contains("export to (.md .csv .jsonl): data-events.md")
    });
    term.press(&[Key::Ctrl('u')]);
    term.type_text(&file.display().to_string());
    term.press(&[Key::Enter]);
    term.wait_for("the refusal, the prompt still open", |s| {
        s.contains("already exists") && s.contains("export to (.md .csv .jsonl): /")
    });
    term.press(&[Key::Escape]);
    term.wait_for("the prompt closed", |s| !s.contains("export to ("));

    // X removes the range.
    term.type_text("X");
    term.wait_for("the active filters", |s| s.contains("Remove a filter"));
    term.press(&[Key::Enter]);
    term.wait_for("everything again", |s| s.contains("Events · 22"));
    quit(&term);
}

/// Emoji with VS16, ZWJ sequences, flags, skin tones, combining marks and CJK in every pane:
/// as a real terminal emulator lays the cells out, each pane's right border stays in one
/// column on every row (a name measured a column short pushed it right, or cut a count off).
#[test]
fn wide_and_joined_characters_keep_every_pane_border_in_its_column() {
    let term = Spawn::new(&["tests/fixtures/emoji"]).size(120, 40).start();
    let screen = term.wait_for("the browser on the emoji dataset", |s| {
        // The status line's last words are the last cells of a frame: the frame is whole.
        s.contains("Events · 5") && s.contains("Detail") && s.contains("q quit")
    });
    let (rows, _) = (40u16, 120u16);
    let cell = |row: u16, col: u16| screen.cell_text(row, col);
    let right_edges = |top: u16| -> Vec<u16> {
        (0..120u16)
            .filter(|&col| matches!(cell(top, col).as_str(), "┓" | "╮"))
            .collect()
    };
    let mut checked = 0;
    for (title, bottoms) in [("[1] Events", ["┛", "╯"]), ("[3] Quotes", ["┛", "╯"])] {
        let (top, _) = screen
            .find(title)
            .unwrap_or_else(|| panic!("no {title} pane:\n{}", screen.text()));
        let edges = right_edges(top);
        assert_eq!(edges.len(), 2, "two panes side by side:\n{}", screen.text());
        for col in edges {
            let mut row = top + 1;
            while row < rows && !bottoms.contains(&cell(row, col).as_str()) {
                let shown = cell(row, col);
                assert!(
                    matches!(shown.as_str(), "┃" | "│" | "║" | "█"),
                    "row {row}, column {col} shows {shown:?} where the border belongs:\n{}",
                    screen.text()
                );
                row += 1;
                checked += 1;
            }
            assert!(row < rows, "the pane at column {col} has no bottom border");
        }
    }
    assert!(checked > 40, "only {checked} border cells checked");
    // The actors pane keeps each count at the right edge, emoji names included.
    let solidarity = screen
        .text()
        .lines()
        .find(|l| l.contains("❤\u{fe0f} Solidarity Group") && l.contains("organization"))
        .unwrap_or_else(|| panic!("no actors row:\n{}", screen.text()));
    assert!(
        solidarity
            .trim_end_matches(['│', '█', '║'])
            .trim_end()
            .ends_with('3'),
        "the count is cut: {solidarity:?}"
    );
    // The family emoji's joiners reach the terminal as joiners, not as placeholders. (vt100,
    // like xterm, does not join the sequence into one cell: it keeps the first person and the
    // joiner and lets the next cells overwrite the rest, so only that much can be seen here;
    // the whole sequence in one cell is asserted on ratatui's buffer in tests/graphemes.rs.)
    assert!(
        screen.contains("👩\u{200d} Family Network"),
        "{}",
        screen.text()
    );
    assert!(!screen.contains("⟨U+200D⟩ Family"), "{}", screen.text());
    quit(&term);
}

#[test]
fn o_hands_the_events_url_to_the_opener_without_disturbing_the_screen() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let record = dir.path().join("opened.txt");
    let opener = dir.path().join("opener.sh");
    // An opener that records its argument and talks on stdout and stderr, as browsers do.
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}'\necho OPENER-NOISE\necho OPENER-NOISE >&2\n",
            record.display()
        ),
    )
    .expect("write the opener");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755))
        .expect("make it runnable");
    let gdelt = Path::new(ROOT).join("tests/fixtures/import/gdelt2.export.CSV");
    let term = Spawn::new(&[&gdelt.display().to_string()])
        .env("CHRONICLE_OPENER", &opener.display().to_string())
        .start();
    term.wait_for("the browser", |s| {
        s.contains("Events · 7") && s.contains("Detail")
    });
    term.type_text("o");
    let screen = term.wait_for("the status line", |s| s.contains("Opened http"));
    let opened = std::fs::read_to_string(&record).expect("the opener ran");
    assert!(opened.starts_with("http://www."), "{opened}");
    // The detail pane shows the same address, and the opener's output is nowhere on screen.
    assert!(screen.contains("URL"), "{}", screen.text());
    assert!(!screen.contains("OPENER-NOISE"), "{}", screen.text());
    quit(&term);
}
