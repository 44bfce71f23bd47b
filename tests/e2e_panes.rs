//! End to end: the stats pane, the sort and the map pane of the real binary on a pseudo-
//! terminal, over an ACLED export opened as it is (imported on the fly: regions, coordinates
//! and typed fatalities), driven by keys.

#[path = "support/pty.rs"]
mod pty;

use pty::{Color, Key, Screen, Spawn, YELLOW};

/// The selected event's mark on the map, in light red.
const LIGHT_RED: Color = Color::Idx(9);

/// Cells of the screen holding braille dots in `colour`, and those holding the selected
/// event's mark in its colour.
fn map_cells(s: &Screen, colour: Color) -> (usize, usize) {
    let (mut dots, mut marks) = (0, 0);
    for (row, line) in s.text().lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            let style = s.style_at(row as u16, col as u16);
            if ('\u{2801}'..='\u{28FF}').contains(&c) && style.fg == colour {
                dots += 1;
            }
            if c == '◉' && style.fg == LIGHT_RED {
                marks += 1;
            }
        }
    }
    (dots, marks)
}

const ACLED: &str = "tests/fixtures/import/acled.csv";

#[test]
fn stats_sort_and_map_over_an_acled_export() {
    let term = Spawn::new(&[ACLED]).size(120, 40).start();
    term.wait_for("the browser", |s| s.contains("Events · 4"));

    // M: the four events have coordinates: El Fasher far to the west of the three around
    // Khartoum, the selected one lit.
    term.type_text("M");
    term.wait_for("the map of the four events", |s| {
        let (dots, marks) = map_cells(s, YELLOW);
        s.contains("4 of 4 events have coordinates, 4 in sight") && dots >= 2 && marks == 1
    });
    // Zoomed in twice on the middle of Sudan, between them: none in sight.
    term.type_text("++");
    term.wait_for("the map zoomed in", |s| {
        s.contains("4 of 4 events have coordinates, 0 in sight") && map_cells(s, YELLOW) == (0, 0)
    });
    term.type_text("0");
    term.wait_for("the map reset", |s| s.contains("4 in sight"));
    term.press(&[Key::Escape]);
    term.wait_for("the events again", |s| {
        !s.contains("Map · ") && s.contains("Events · 4")
    });

    // A: the four events counted per type, and their fatalities added up (12 + 3 + 0 + 5).
    term.type_text("A");
    let bar = |s: &pty::Screen, label: &str| {
        s.text()
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_default()
            .trim_end_matches([' ', '┃'])
            .to_string()
    };
    term.wait_for("the stats pane", |s| {
        s.contains("Stats · 4 events")
            && s.contains("20 fatalities (4)")
            && bar(s, "Battles / Armed clash").ends_with(" 2")
            && bar(s, "Violence against civilians / Attack").ends_with(" 1")
            && bar(s, "Protests / Peaceful protest").ends_with(" 1")
    });

    // Enter on the first bar filters to it; the figures follow.
    term.press(&[Key::Enter]);
    term.wait_for("the stats of the filtered view", |s| {
        s.contains("Stats · 2 events") && s.contains("17 fatalities (2)")
    });
    // Tab to the countries: both in Sudan; then to the months: April and May of 2023.
    term.press(&[Key::Tab, Key::Tab]);
    term.wait_for("the countries", |s| bar(s, "Sudan").ends_with(" 2"));
    term.press(&[Key::Tab]);
    term.wait_for("the months", |s| {
        bar(s, "2023-04").ends_with(" 1") && bar(s, "2023-05").ends_with(" 1")
    });
    term.press(&[Key::Escape]);
    term.wait_for("the filtered events", |s| {
        s.contains("2 of 4")
            && !s.contains("Stats ·")
            && s.contains("filter: type Battles / Armed clash")
    });

    // S: by fatalities, lowest first: 5 (2 May) before 12 (15 April).
    term.type_text("S");
    term.wait_for("the sort picker", |s| {
        s.contains("fatalities, lowest first")
    });
    term.type_text("fatalities lowest");
    term.press(&[Key::Enter]);
    term.wait_for("the sorted events, 2 May first", |s| {
        // Rows of the events pane, not the strip's labels.
        let row = |date: &str| {
            s.text()
                .lines()
                .position(|l| l.starts_with(&format!("┃{date} ")))
        };
        s.contains("by fatalities ↑")
            && row("2023-05-02").is_some()
            && row("2023-04-15").is_some()
            && row("2023-05-02") < row("2023-04-15")
    });

    // M again: the two battles, in Khartoum and Bahri; Enter filters to the window.
    term.type_text("M");
    term.wait_for("the map of the two battles", |s| {
        let (dots, marks) = map_cells(s, YELLOW);
        s.contains("2 of 2 events have coordinates, 2 in sight") && dots + marks >= 1
    });
    term.press(&[Key::Enter]);
    term.wait_for("the map filter", |s| s.contains("Filtered to the map"));
    term.press(&[Key::Escape]);
    term.wait_for("the events again", |s| {
        !s.contains("Map · ") && s.contains("2 of 4") && s.contains("map ")
    });
    term.type_text("q");
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
}

/// The same export imported into a dataset first: the native format keeps the regions, the
/// coordinates and the numbers the panes read.
#[test]
fn stats_and_map_over_an_imported_dataset() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("sudan");
    let import = std::process::Command::new(pty::BIN)
        .args(["import", ACLED, "-o"])
        .arg(&out)
        .current_dir(pty::ROOT)
        .output()
        .expect("chronicle import runs");
    assert!(import.status.success(), "{import:?}");
    let dataset = out.to_str().expect("a UTF-8 path");
    let term = Spawn::new(&[dataset]).size(120, 40).start();
    term.wait_for("the browser", |s| s.contains("Events · 4"));
    term.type_text("A");
    term.press(&[Key::Tab, Key::Tab]);
    term.wait_for("the countries and the fatalities", |s| {
        s.contains("Stats · 4 events")
            && s.contains("20 fatalities (4)")
            && s.text()
                .lines()
                .any(|l| l.contains("Sudan") && l.trim_end_matches([' ', '┃']).ends_with(" 4"))
    });
    // Enter on Sudan, then x as the note says, in the pane: the filter is gone.
    term.press(&[Key::Enter]);
    term.wait_for("the filter chosen", |s| {
        s.contains("Filtered to Sudan: 4 events shown. x clears")
    });
    term.type_text("x");
    term.wait_for("the filter cleared in the pane", |s| {
        s.contains("Stats · 4 events") && !s.contains("in Sudan")
    });
    // M from the stats opens the map, and A from the map the stats.
    term.type_text("M");
    term.wait_for("the map from the stats", |s| {
        s.contains("4 of 4 events have coordinates") && !s.contains("Stats ·")
    });
    term.type_text("A");
    term.wait_for("the stats from the map", |s| {
        s.contains("Stats · 4 events") && !s.contains("Map · ")
    });
    // A key of the panes beneath says so.
    term.type_text("[");
    term.wait_for("the covered key's note", |s| {
        s.contains("[ works on the panes under the stats")
    });
    // Esc closes; a second Esc does not bring the cleared filter back, it says Back would.
    term.press(&[Key::Escape]);
    term.wait_for("the events", |s| !s.contains("Stats ·"));
    term.press(&[Key::Escape]);
    term.wait_for("the note on going back", |s| {
        s.contains("goes back to the filter in Sudan") && s.contains("Events · 4")
    });
    term.type_text("M");
    term.wait_for("the map of the four events", |s| {
        let (dots, marks) = map_cells(s, YELLOW);
        s.contains("4 of 4 events have coordinates, 4 in sight") && dots >= 2 && marks == 1
    });
    term.press(&[Key::Escape]);
    term.wait_for("the events again", |s| !s.contains("Map · "));
    term.type_text("q");
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
}
