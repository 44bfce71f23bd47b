//! The browser on a dataset whose actors, events and source hold emoji with VS16 (❤️), emoji
//! joined by ZWJ (👩‍👩‍👧, 🏳️‍🌈), flags (🇺🇦), a skin tone (👍🏽), combining marks (Zoé) and CJK
//! (東京都庁): `tests/fixtures/emoji`. Every pane is drawn through ratatui's `TestBackend`, and
//! every pane keeps its right border in its last column with nothing cut before it: widths are
//! counted by grapheme cluster, as ratatui and terminals place them. Counted by character,
//! "❤️" was one column where it takes two, and each row holding it lost its last column (the
//! actors pane lost the event count).

use std::path::Path;

use chronicle::app::{Action, App, Motion, Pane, PickerKind};
use chronicle::files::DatasetLocation;
use chronicle::layout::{self, Screen};
use chronicle::load::{load, Dataset};
use chronicle::timeline::Timeline;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

const HEART: &str = "❤\u{fe0f}";
const FAMILY: &str = "👩\u{200d}👩\u{200d}👧";
const RAINBOW: &str = "🏳\u{fe0f}\u{200d}🌈";

fn dataset() -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/emoji");
    load(&DatasetLocation::Folder(root))
        .unwrap_or_else(|problems| panic!("the emoji fixture loads: {problems:#?}"))
}

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| chronicle::ui::draw(app, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Cells `from..to` of row `y` as text: each cell's symbol once, the cells a wide symbol covers
/// after its first skipped.
fn row_text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut out = String::new();
    let mut x = from;
    while x < to {
        let symbol = buffer[(x, y)].symbol();
        out.push_str(symbol);
        x += (symbol.width() as u16).max(1);
    }
    out
}

/// The rows inside a bordered pane, as text.
fn inside(buffer: &Buffer, rect: Rect) -> Vec<String> {
    (rect.y + 1..rect.bottom().saturating_sub(1))
        .map(|y| row_text(buffer, y, rect.x + 1, rect.right() - 1))
        .collect()
}

/// What a pane's right edge may hold: its border, rounded or thick, and the scrollbar on it.
const RIGHT_EDGE: [&str; 8] = ["│", "╮", "╯", "┃", "┓", "┛", "║", "█"];

/// The panes drawn at the app's size, with their areas.
fn panes(app: &App, width: u16, height: u16) -> Vec<(Pane, Rect)> {
    let area = Rect::new(0, 0, width, height);
    match layout::compute(area, app.source_view().is_some(), app.focus()) {
        Screen::Panes { visible, .. } => visible,
        Screen::TooSmall => panic!("{width}x{height} is too small"),
    }
}

/// Asserts that every row of every pane reaches its right border exactly in the pane's last
/// column: walked cell by cell, each symbol taking its width, no symbol straddles the edge.
fn assert_borders_aligned(buffer: &Buffer, panes: &[(Pane, Rect)], what: &str) {
    for (pane, rect) in panes {
        let right = rect.right() - 1;
        for y in rect.y..rect.bottom() {
            let mut x = rect.x;
            while x < right {
                x += (buffer[(x, y)].symbol().width() as u16).max(1);
            }
            assert_eq!(
                x,
                right,
                "{what}: {pane:?} row {y} crosses its border\n{}",
                screen(buffer)
            );
            let edge = buffer[(right, y)].symbol();
            assert!(
                RIGHT_EDGE.contains(&edge),
                "{what}: {pane:?} row {y} ends in {edge:?}, not its border\n{}",
                screen(buffer)
            );
        }
    }
}

fn screen(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y, 0, buffer.area.width))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rect_of(panes: &[(Pane, Rect)], pane: Pane) -> Rect {
    panes
        .iter()
        .find(|(p, _)| *p == pane)
        .map(|(_, r)| *r)
        .unwrap_or_else(|| panic!("{pane:?} is drawn"))
}

/// The words of `text` in order: rows joined, wrapped or not, compare equal.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn app(timeline: &Timeline, width: u16, height: u16) -> App<'_> {
    let mut app = App::new(timeline, "emoji");
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn every_pane_keeps_its_right_border_and_cuts_nothing_before_it() {
    let dataset = dataset();
    let t = &dataset.timeline;
    // Tall enough for the whole detail of the first event.
    let (width, height) = (120, 50);
    let app = app(t, width, height);
    let buffer = render(&app, width, height);
    let drawn = panes(&app, width, height);
    assert_borders_aligned(&buffer, &drawn, "the four panes");
    let shown = screen(&buffer);

    // Actors: every row ends in its actor's event count, at the border.
    let mut counts: Vec<String> = inside(&buffer, rect_of(&drawn, Pane::Actors))
        .iter()
        .filter(|row| !row.trim().is_empty())
        .map(|row| {
            let last = row.split_whitespace().last().unwrap_or_default();
            assert!(row.ends_with(last), "{row:?}");
            last.to_string()
        })
        .collect();
    counts.sort();
    let mut expected: Vec<String> = (0..t.actors().len())
        .map(|a| {
            t.event_count(chronicle::model::ActorId(a as u32))
                .to_string()
        })
        .collect();
    expected.sort();
    assert_eq!(counts, expected, "{shown}");
    let heart_row = inside(&buffer, rect_of(&drawn, Pane::Actors))
        .into_iter()
        .find(|row| row.contains("Solidarity Group"))
        .unwrap_or_else(|| panic!("the Solidarity Group is listed\n{shown}"));
    assert!(
        heart_row.contains(&format!("{HEART} Solidarity Group")),
        "{heart_row:?}"
    );
    assert!(heart_row.ends_with(" 3"), "{heart_row:?}");

    // Events: every title and every list of actors is too long for its column, so each row is
    // cut twice, and its second `…` is its last column.
    let events = inside(&buffer, rect_of(&drawn, Pane::Events));
    for row in events.iter().take(t.events().len()) {
        assert!(
            row.ends_with('…'),
            "an event row is cut short: {row:?}\n{shown}"
        );
        assert_eq!(row.matches('…').count(), 2, "{row:?}");
    }

    // Quotes: the header ends in its cut source title; the quote is shown whole.
    let quotes = inside(&buffer, rect_of(&drawn, Pane::Quotes));
    assert!(quotes[0].starts_with("s.2 · "), "{quotes:?}");
    assert!(quotes[0].trim_end().ends_with('…'), "{quotes:?}");
    let quote =
        format!("The {HEART} Solidarity Group met the {FAMILY} Family Network in 東京 on Monday");
    let quote_rows: Vec<&str> = quotes[1..]
        .iter()
        .take_while(|row| !row.trim().is_empty())
        .map(|row| row.trim_start_matches(['▌', ' ']))
        .collect();
    assert_eq!(words(&quote_rows.join(" ")), words(&quote), "{shown}");

    // Detail: the title, every field and the summary, whole.
    let detail = inside(&buffer, rect_of(&drawn, Pane::Detail)).join(" ");
    let event = t.event(app.selected_event().unwrap_or_else(|| panic!("an event")));
    for text in [
        event.title.as_ref(),
        event.summary.as_deref().unwrap_or_default(),
        "東京 新宿区",
        &format!("{HEART} Solidarity Group, {FAMILY} Family Network, 東京都庁 Tokyo Metropolitan Government"),
        &format!("{HEART} relief, 東京"),
        &format!("{RAINBOW} kept"),
    ] {
        let joined = words(&detail).join(" ");
        assert!(
            joined.contains(&words(text).join(" ")),
            "the detail pane lacks {text:?}\n{shown}"
        );
    }
}

#[test]
fn a_joiner_inside_an_emoji_is_drawn_as_one_and_between_letters_as_its_placeholder() {
    let dataset = dataset();
    let app = app(&dataset.timeline, 120, 40);
    let buffer = render(&app, 120, 40);
    let cells: Vec<&str> = buffer.content.iter().map(|c| c.symbol()).collect();
    for emoji in [FAMILY, RAINBOW, HEART, "🇺🇦", "👍🏽"] {
        assert!(
            cells.contains(&emoji),
            "{emoji} is one cell\n{}",
            screen(&buffer)
        );
    }
    let shown = screen(&buffer);
    assert!(!shown.contains("👩⟨U+200D⟩"), "{shown}");
    assert!(shown.contains("Jo⟨U+200D⟩hn Joiner"), "{shown}");
    assert!(shown.contains("Zoe\u{301} Martin"), "{shown}");
}

#[test]
fn the_source_view_the_pickers_the_search_and_the_titles_cut_nothing() {
    let dataset = dataset();
    let t = &dataset.timeline;
    let (width, height) = (120, 40);
    let mut app = app(t, width, height);

    // The source view: its whole text, less the sentence numbers and the gutter.
    app.update(Action::JumpToSource);
    let buffer = render(&app, width, height);
    let drawn = panes(&app, width, height);
    assert_borders_aligned(&buffer, &drawn, "source view");
    let source = rect_of(&drawn, Pane::Source);
    let rows: Vec<String> = inside(&buffer, source)
        .iter()
        .map(|row| {
            row.chars()
                .skip(layout::SOURCE_GUTTER)
                .filter(|c| !"⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
                .collect()
        })
        .collect();
    // As shown: line by line, each made safe.
    let text: Vec<String> = t.sources()[0]
        .text
        .lines()
        .map(|line| chronicle::text::safe::sanitize(line).into_owned())
        .collect();
    assert_eq!(
        words(&rows.join(" ")),
        words(&text.join(" ")),
        "{}",
        screen(&buffer)
    );
    let title = row_text(&buffer, source.y, source.x, source.right());
    assert!(title.contains("sentence 2 of 6 · quote 1 of 1"), "{title}");

    // The events citing the sentence, each title cut at the popup's edge.
    app.update(Action::ShowCitingEvents);
    let buffer = render(&app, width, height);
    let popup = screen(&buffer);
    let row = popup
        .lines()
        .find(|l| l.contains("┃2021-12-13"))
        .unwrap_or_else(|| panic!("the citing event is listed\n{popup}"));
    assert!(row.contains("…┃"), "{row}");
    app.update(Action::CloseOverlay);
    app.update(Action::Back);

    // The tag picker: every tag with its count at the right.
    app.update(Action::OpenPicker(PickerKind::Tags));
    let buffer = render(&app, width, height);
    let picker = screen(&buffer);
    for tag in [
        format!("{HEART} relief 1"),
        "🇺🇦 1".to_string(),
        "東京 1".to_string(),
    ] {
        assert!(
            picker
                .lines()
                .any(|l| words(l).join(" ").contains(&tag) && l.contains(" 1┃")),
            "{tag}\n{picker}"
        );
    }
    app.update(Action::CancelPrompt);

    // A search: the ranking's rows end in their counts too.
    app.update(Action::OpenSearch);
    for c in "group".chars() {
        app.update(Action::SearchInput(c));
    }
    let buffer = render(&app, width, height);
    let drawn = panes(&app, width, height);
    assert_borders_aligned(&buffer, &drawn, "search");
    let ranked = inside(&buffer, rect_of(&drawn, Pane::Actors));
    assert!(
        ranked[0].contains("Solidarity Group") && ranked[0].ends_with(" 3"),
        "{ranked:?}"
    );

    // Filtered by an actor whose name holds an emoji: the titles and the status line keep their
    // counts and keys in view.
    app.update(Action::FilterBySelectedActor);
    app.update(Action::Move(Motion::First));
    let buffer = render(&app, width, height);
    let drawn = panes(&app, width, height);
    assert_borders_aligned(&buffer, &drawn, "filtered");
    let events = rect_of(&drawn, Pane::Events);
    let title = row_text(&buffer, events.y, events.x, events.right());
    assert!(
        title.contains(&format!("{HEART} Solidarity Group · 3 of 5")),
        "{title}"
    );
    let status = row_text(&buffer, height - 1, 0, width);
    assert!(
        status.contains(&format!("filter: {HEART} Solidarity Group (3 shown)")),
        "{status}"
    );
    assert!(status.trim_end().ends_with("quit"), "{status}");
}

/// Narrow screens show one pane at a time; each keeps its border at every width from a few
/// columns up.
#[test]
fn one_pane_at_a_time_keeps_its_border_at_every_width() {
    let dataset = dataset();
    for width in 12..80 {
        for focus in [Pane::Events, Pane::Actors, Pane::Quotes, Pane::Detail] {
            let mut app = app(&dataset.timeline, width, 18);
            app.update(Action::Focus(focus));
            let buffer = render(&app, width, 18);
            let drawn = panes(&app, width, 18);
            assert_borders_aligned(&buffer, &drawn, &format!("{focus:?} at {width}"));
            if focus == Pane::Actors {
                // However short the names are cut, each row still ends in its count.
                for row in inside(&buffer, rect_of(&drawn, Pane::Actors)) {
                    assert!(
                        row.trim().is_empty() || row.ends_with(|c: char| c.is_ascii_digit()),
                        "at {width}: {row:?}\n{}",
                        screen(&buffer)
                    );
                }
            }
        }
    }
}

/// Text fitted to a width by `text::width` fills exactly that many of ratatui's cells: the two
/// count the same columns, so nothing is cut and nothing is left over. (Not for the halfwidth
/// katakana sound marks U+FF9E and U+FF9F: ratatui-core 0.1 adds a column for each on top of
/// unicode-width 0.2, which already counts one, so it takes "ｶﾞ" for three columns where
/// terminals draw two.)
#[test]
fn text_fitted_to_a_width_fills_exactly_that_many_cells() {
    let samples = [
        format!("{HEART} Solidarity Group"),
        format!("{FAMILY} Family Network"),
        format!("{RAINBOW} Rainbow Coalition"),
        "🇺🇦🇯🇵 flags 🇺🇦".to_string(),
        "👍🏽 Approval".to_string(),
        "Zoe\u{301} Martin and e\u{301}\u{302} marks".to_string(),
        "東京都庁 Tokyo 新宿区".to_string(),
        "Jo\u{200d}hn and \x1b[2J and \u{202e}".to_string(),
        "لا and שלום".to_string(),
    ];
    for text in &samples {
        for columns in 1..30u16 {
            let fitted = chronicle::text::width::fit(text, usize::from(columns));
            let mut buffer = Buffer::empty(Rect::new(0, 0, columns, 1));
            buffer.set_string(0, 0, &fitted, ratatui::style::Style::new());
            let drawn = row_text(&buffer, 0, 0, columns);
            assert_eq!(drawn, fitted, "{text:?} in {columns}");
        }
    }
}
