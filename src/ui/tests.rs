//! Rendering tests through ratatui's `TestBackend`: snapshots at fixed sizes, styles of
//! highlighted cells, unsafe text, and a sweep over sizes that must never panic.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;

use crate::app::{Action, App, Motion, Pane};
use crate::sample;
use crate::timeline::Timeline;
use crate::ui::theme;

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = terminal.draw(|frame| super::draw(app, frame)) {
        panic!("draw: {e}");
    }
    terminal.backend().buffer().clone()
}

/// The buffer as text, one line per row, wide characters counted once.
pub(crate) fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    let width = usize::from(buffer.area.width);
    for row in buffer.content.chunks(width.max(1)) {
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn app_at(timeline: &Timeline, width: u16, height: u16) -> App<'_> {
    let mut app = App::new(timeline, "sample");
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn full_screen_at_120x40() {
    let timeline = sample::timeline();
    let app = app_at(&timeline, 120, 40);
    insta::assert_snapshot!(text(&render(&app, 120, 40)));
}

#[test]
fn screen_at_80x24() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn narrow_screens_show_only_the_focused_pane() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 40, 12);
    insta::assert_snapshot!("narrow_events", text(&render(&app, 40, 12)));
    app.update(Action::FocusNext);
    insta::assert_snapshot!("narrow_actors", text(&render(&app, 40, 12)));
}

/// Where `needle` starts in row `y`, in columns.
fn column_of(buffer: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let row: String = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect::<Vec<_>>()
        .concat();
    // Every cell in the sample is one column wide, so byte offsets of ASCII text are columns
    // once the box-drawing characters (3 bytes, 1 column) are accounted for.
    let at = row.find(needle)?;
    Some(row[..at].chars().count() as u16)
}

fn row_with(buffer: &Buffer, needle: &str) -> Option<u16> {
    (0..buffer.area.height).find(|y| column_of(buffer, *y, needle).is_some())
}

#[test]
fn search_highlights_the_matched_characters() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenSearch);
    for c in "put".chars() {
        app.update(Action::SearchInput(c));
    }
    let buffer = render(&app, 120, 40);
    insta::assert_snapshot!(text(&buffer));
    let y = row_with(&buffer, "Vladimir Putin").unwrap_or_else(|| panic!("Putin listed"));
    let x = column_of(&buffer, y, "Putin").unwrap_or(0);
    for (i, c) in "Putin".chars().enumerate() {
        let cell = &buffer[(x + i as u16, y)];
        assert_eq!(cell.symbol(), c.to_string());
        let lit = cell
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED);
        assert_eq!(lit, i < 3, "{c} highlighted: {lit}");
        if lit {
            assert_eq!(cell.fg, theme::MATCH.fg.unwrap_or_default());
        }
    }
    // "Vladimir " is not matched.
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
    let prompt = row_with(&buffer, "/put▏");
    assert_eq!(
        prompt,
        Some(crate::layout::STRIP_ROWS),
        "the prompt is in the actors title"
    );
}

#[test]
fn an_alias_match_shows_the_alias_and_highlights_inside_it() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenSearch);
    for c in "president".chars() {
        app.update(Action::SearchInput(c));
    }
    let buffer = render(&app, 120, 40);
    let y = row_with(&buffer, "Vladimir Putin (Pres").unwrap_or_else(|| panic!("alias shown"));
    let x = column_of(&buffer, y, "(Pres").unwrap_or(0) + 1;
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "P of President"
    );
    let name_x = column_of(&buffer, y, "Vladimir").unwrap_or(0);
    assert!(!buffer[(name_x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn the_source_view_highlights_the_sentence_and_emphasises_the_quote() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    for _ in 0..5 {
        app.update(Action::Move(Motion::Down));
    }
    assert_eq!(
        app.selected_event().map(|e| &*timeline.event(e).id),
        Some("putin-johnson-call")
    );
    app.update(Action::JumpToSource);
    app.update(Action::NextQuote);
    let buffer = render(&app, 120, 40);
    insta::assert_snapshot!(text(&buffer));
    let y = row_with(&buffer, "Johnson said any Russian").unwrap_or_else(|| panic!("shown"));
    let x = column_of(&buffer, y, "Johnson said").unwrap_or(0);
    assert_eq!(buffer[(x, y)].bg, theme::SENTENCE.bg.unwrap_or_default());
    assert!(!buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let q = column_of(&buffer, y, "would be a strategic mistake").unwrap_or(0);
    for dx in 0..28 {
        let cell = &buffer[(q + dx, y)];
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "quoted"
        );
        assert_eq!(cell.bg, theme::SENTENCE.bg.unwrap_or_default());
    }
    // Other sentences are plain; cited ones carry the gutter mark.
    let other = row_with(&buffer, "Both leaders agreed").unwrap_or_else(|| panic!("shown"));
    let ox = column_of(&buffer, other, "Both").unwrap_or(0);
    assert_ne!(
        buffer[(ox, other)].bg,
        theme::SENTENCE.bg.unwrap_or_default()
    );
    assert_eq!(column_of(&buffer, y, "• ⁽³⁾Johnson"), Some(1));
    assert_eq!(column_of(&buffer, other, "  ⁽⁴⁾Both"), Some(1));
    // The current sentence's number is part of its highlight.
    assert_eq!(buffer[(3, y)].bg, theme::SENTENCE.bg.unwrap_or_default());
}

#[test]
fn the_citing_popup_lists_the_events() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    app.update(Action::JumpToSource);
    app.update(Action::ShowCitingEvents);
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn the_help_overlay() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help_120x40", text(&render(&app, 120, 40)));
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    insta::assert_snapshot!("help_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn a_filter_shows_in_the_title_and_the_status_line() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    let putin = timeline
        .actor_by_id("putin")
        .unwrap_or_else(|| panic!("putin"));
    app.update(Action::FilterByActor(putin));
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains(" [1] Events · Vladimir Putin · 4 of 10 "),
        "{screen}"
    );
    assert!(
        screen.contains("filter: Vladimir Putin (4 shown)"),
        "{screen}"
    );
    let johnson = timeline
        .actor_by_id("johnson")
        .unwrap_or_else(|| panic!("johnson"));
    app.update(Action::Focus(Pane::Actors));
    for _ in 0..6 {
        app.update(Action::Move(Motion::Down));
    }
    assert_eq!(app.selected_actor(), Some(johnson));
    app.update(Action::ToggleMarkSelectedActor);
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains("Events · Vladimir Putin and Boris Johnson · 2 of 10"),
        "{screen}"
    );
    assert!(screen.contains("● Boris Johnson"), "{screen}");
    // Too long for a narrow title: the first name and a count.
    app.update(Action::Focus(Pane::Events));
    let screen = text(&render(&app, 50, 12));
    assert!(screen.contains("Vladimir Putin +1"), "{screen}");
}

#[test]
fn tiny_terminals_say_so() {
    let timeline = sample::timeline();
    let app = app_at(&timeline, 11, 3);
    for (w, h) in [(11, 3), (30, 3), (11, 30), (1, 1), (2, 2)] {
        let screen = text(&render(&app, w, h));
        let shown = crate::ui::safe_text::truncate(super::TOO_SMALL, usize::from(w));
        assert!(screen.contains(&shown), "{w}x{h}: {screen}");
    }
    let screen = text(&render(&app, 20, 5));
    assert!(screen.contains("Events"), "20x5 still draws: {screen}");
}

#[test]
fn no_size_panics_in_any_state() {
    let timeline = sample::timeline();
    let setups: [&[Action]; 6] = [
        &[],
        &[Action::OpenSearch, Action::SearchInput('r')],
        &[Action::Move(Motion::Last), Action::JumpToSource],
        &[
            Action::Move(Motion::Down),
            Action::JumpToSource,
            Action::ShowCitingEvents,
        ],
        &[Action::ToggleHelp],
        &[Action::FocusNext, Action::FocusNext, Action::FocusNext],
    ];
    for setup in setups {
        let mut app = App::new(
            &timeline,
            "a dataset name that is rather long for the status",
        );
        for action in setup {
            app.update(action.clone());
        }
        for width in (1..=130).step_by(3) {
            for height in (1..=45).step_by(2) {
                app.update(Action::Resize { width, height });
                let _ = render(&app, width, height);
                // Draw must cope with a state sized for another terminal, too.
                let _ = render(&app, height, width);
            }
        }
    }
}

fn hostile_timeline() -> Timeline {
    let base = sample::timeline();
    let mut events = base.events().to_vec();
    events[0].title =
        "Evil\x1b[2J\x07 東京タワー東京タワー東京タワー東京タワー東京タワー \u{202e}rev\u{200b}"
            .into();
    events[0].actors = Box::default();
    events[1].title = "e\u{301}te\u{301} 🦀🦀🦀 crabs and combining marks".into();
    let mut actors = base.actors().to_vec();
    actors[0].name = "Vla\u{9b}dimir\tPutin".into();
    Timeline::new(events, actors, base.sources().to_vec())
}

#[test]
fn unsafe_text_shows_placeholders_and_wide_text_keeps_borders_aligned() {
    let timeline = hostile_timeline();
    let app = app_at(&timeline, 120, 40);
    let buffer = render(&app, 120, 40);
    let screen = text(&buffer);
    assert!(screen.contains("Evil␛[2J␇ 東京タワー"), "{screen}");
    // The detail pane wraps the whole title, so the end of it shows there.
    assert!(screen.contains("⟨U+202E⟩rev⟨U+200B⟩"), "{screen}");
    assert!(screen.contains("Vla�dimir Putin"), "{screen}");
    assert!(!buffer
        .content
        .iter()
        .any(|c| c.symbol().chars().any(|ch| ch.is_control())));
    // Every row of the events pane ends in its border at the same column.
    // Below the density strip.
    let top = crate::layout::STRIP_ROWS;
    let border_x = column_of(&buffer, top, "╮")
        .unwrap_or(0)
        .min(column_of(&buffer, top, "┓").unwrap_or(u16::MAX));
    for y in top + 1..top + 10 {
        let symbol = buffer[(border_x, y)].symbol();
        assert!(
            symbol == "┃" || symbol == "█" || symbol == "║",
            "row {y}: {symbol:?}\n{screen}"
        );
    }
    let y = row_with(&buffer, "Evil").unwrap_or(0);
    assert!(screen
        .lines()
        .nth(usize::from(y))
        .is_some_and(|l| l.contains('…')));
}

/// The top rows of the screen: the strip and the first rows of the panes.
fn top_rows(buffer: &Buffer, rows: usize) -> String {
    text(buffer)
        .lines()
        .take(rows)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_density_strip_marks_the_selected_bucket_and_rough_dates() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 100, 30);
    for _ in 0..4 {
        app.update(Action::ZoomOut);
    }
    app.update(Action::ZoomIn);
    // Months: 2021? (rough), ~2021-11 (rough), December (one month-precise, so rough, and six
    // days), ~2022-01 (rough), 2022-02 (exact).
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    let buffer = render(&app, 100, 30);
    insta::assert_snapshot!("strip_by_month", top_rows(&buffer, 5));
    let axis = text(&buffer).lines().nth(2).unwrap_or_default().to_string();
    assert!(axis.contains("▲ 2021-12: 6 events (1 rough)"), "{axis}");
    let (cols, _) = app.strip_geometry();
    let december = app.selected_bucket().unwrap_or(0) - app.strip_offset;
    let x = (december * cols) as u16;
    // The lit column, exact events drawn solid over the rough one.
    assert_eq!(buffer[(x, 1)].bg, theme::STRIP_SELECTED_BG);
    assert_eq!(buffer[(x, 1)].fg, theme::STRIP_EXACT.fg.unwrap_or_default());
    // The first month holds only the uncertain year: rough throughout.
    let first = &buffer[(0, 1)];
    assert_eq!(first.fg, theme::STRIP_ROUGH.fg.unwrap_or_default());
}

#[test]
fn the_strip_by_day_scrolls_with_the_selection() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    for _ in 0..4 {
        app.update(Action::ZoomIn);
    }
    app.update(Action::Move(Motion::Last));
    let buffer = render(&app, 80, 24);
    insta::assert_snapshot!("strip_by_day_at_the_end", top_rows(&buffer, 4));
    assert!(text(&buffer).contains("◀ "), "earlier days lie to the left");
}

#[test]
fn prompts_show_in_the_status_line_with_their_errors() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::OpenPrompt(crate::app::PromptKind::GoToDate));
    for c in "2021-13".chars() {
        app.update(Action::PromptInput(c));
    }
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!(
        "go_to_date_prompt",
        screen.lines().last().unwrap_or_default()
    );
    app.update(Action::SubmitPrompt);
    let screen = text(&render(&app, 80, 24));
    let status = screen.lines().last().unwrap_or_default().to_string();
    insta::assert_snapshot!("go_to_date_refused", status);
    assert!(status.contains("go to date: 2021-13▏"), "{status}");
    assert!(status.contains("month"), "the parser's reason: {status}");
}

#[test]
fn a_suggested_name_is_drawn_selected_until_edited() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::OpenPrompt(crate::app::PromptKind::Export));
    let buffer = render(&app, 80, 24);
    let y = buffer.area.height - 1;
    let status = text(&buffer).lines().last().unwrap_or_default().to_string();
    insta::assert_snapshot!("export_prompt_suggesting", status);
    let x = column_of(&buffer, y, "sample-events.md").unwrap_or_else(|| panic!("{status}"));
    for dx in 0..16 {
        assert!(
            buffer[(x + dx, y)].modifier.contains(Modifier::REVERSED),
            "the suggestion is drawn selected at +{dx}: {status}"
        );
    }
    assert!(status.contains("←→ edit"), "the keys to keep it: {status}");
    // Home keeps it for editing: drawn plain, the caret before it.
    app.update(Action::PromptCaret(crate::app::Caret::Home));
    let buffer = render(&app, 80, 24);
    let status = text(&buffer).lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("(.md .csv .jsonl): ▏sample-events.md"),
        "{status}"
    );
    let x = column_of(&buffer, y, "sample-events.md").unwrap_or(0);
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_long_prompt_input_keeps_the_caret_in_sight() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 40, 12);
    app.update(Action::OpenPrompt(crate::app::PromptKind::Find));
    let long: String = (0..30).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    for c in long.chars().chain("XYZ".chars()) {
        app.update(Action::PromptInput(c));
    }
    let status = text(&render(&app, 40, 12))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(status.contains("XYZ▏"), "the end typed is shown: {status}");
    app.update(Action::PromptCaret(crate::app::Caret::Home));
    let status = text(&render(&app, 40, 12))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        status.contains(" find: ▏abcdef"),
        "the start, at Home: {status}"
    );
}

#[test]
fn find_highlights_matches_and_counts_them() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenPrompt(crate::app::PromptKind::Find));
    for c in "wagner".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::SubmitPrompt);
    app.update(Action::FindNext);
    let buffer = render(&app, 120, 40);
    let screen = text(&buffer);
    assert!(screen.contains("find 'wagner' 2/2"), "{screen}");
    let y = row_with(&buffer, "EU sanctions the Wagner Group").unwrap_or(0);
    let x = column_of(&buffer, y, "Wagner Group").unwrap_or(0);
    for dx in 0..6 {
        let cell = &buffer[(x + dx, y)];
        assert!(cell.modifier.contains(Modifier::UNDERLINED), "W+{dx} lit");
        assert_eq!(
            cell.bg,
            theme::SELECTED.bg.unwrap_or_default(),
            "still selected"
        );
    }
    assert!(!buffer[(x + 7, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn marked_events_carry_a_dot() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::Move(Motion::Down));
    app.update(Action::ToggleEventMark);
    let screen = text(&render(&app, 120, 40));
    let row = screen
        .lines()
        .find(|l| l.contains("Russian troop build-up"))
        .unwrap_or_default();
    assert!(row.contains("~2021-11         ●Russian"), "{row}");
    assert!(
        screen.contains("1 marked") || app.message().is_some(),
        "{screen}"
    );
}

#[test]
fn the_type_picker_lists_types_with_counts() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::OpenPicker(crate::app::PickerKind::Tags));
    app.update(Action::PromptInput('u'));
    let buffer = render(&app, 80, 24);
    insta::assert_snapshot!("tag_picker", text(&buffer));
}

#[test]
fn all_filters_show_in_one_line() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    let putin = timeline
        .actor_by_id("putin")
        .unwrap_or_else(|| panic!("putin"));
    app.update(Action::FilterByActor(putin));
    app.update(Action::OpenPicker(crate::app::PickerKind::Tags));
    app.update(Action::SubmitPrompt);
    app.update(Action::OpenPrompt(crate::app::PromptKind::DateRange));
    for c in "2021-12".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::SubmitPrompt);
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains("Events · Vladimir Putin, #sample, 2021-12 · 3 of 10"),
        "{screen}"
    );
    assert!(
        screen.contains("filter: Vladimir Putin, #sample, 2021-"),
        "{screen}"
    );
}

#[test]
fn a_quote_header_keeps_the_sentence_number_apart_from_the_source_title() {
    // "[4] European Council conclusions…" read as quoted text; the number says which
    // sentence, the title, dimmed, which source.
    let timeline = sample::timeline();
    let app = app_at(&timeline, 120, 40);
    let buffer = render(&app, 120, 40);
    let y = row_with(&buffer, "European Council conclusions").unwrap_or_else(|| panic!("shown"));
    let row = text_of_row(&buffer, y);
    assert!(
        row.contains("│s.4 · European Council conclusions, 16 December 2021"),
        "{row}"
    );
    assert!(!row.contains("[4]"), "{row}");
    let x = column_of(&buffer, y, "s.4").unwrap_or(0);
    assert!(!buffer[(x, y)].modifier.contains(Modifier::DIM));
    let t = column_of(&buffer, y, "European").unwrap_or(0);
    assert!(buffer[(t, y)].modifier.contains(Modifier::DIM));
}

#[test]
fn a_rough_date_is_labelled_in_the_strip_by_its_own_precision() {
    // The sample's first event is dated 2021?: by week it is drawn in the week holding
    // 1 January 2021, which is no reason to call it "week of 2020-12-28".
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    assert_eq!(app.density().unit, crate::app::density::Unit::Week);
    let axis = text(&render(&app, 120, 40))
        .lines()
        .nth(2)
        .unwrap_or_default()
        .to_string();
    assert!(axis.contains("▲ 2021?: 1 event (1 rough)"), "{axis}");
    assert!(!axis.contains("2020-12-28"), "{axis}");
    // A week whose events are known to the day keeps its week.
    for _ in 0..5 {
        app.update(Action::Move(Motion::Down));
    }
    let axis = text(&render(&app, 120, 40))
        .lines()
        .nth(2)
        .unwrap_or_default()
        .to_string();
    assert!(axis.contains("▲ week of 2021-12-13: 3 events"), "{axis}");
    assert!(axis.starts_with("2021? "), "the first bucket too: {axis}");
}

#[test]
fn the_problems_of_a_failed_reload_are_read_in_full_in_a_popup() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    let long = format!(
        "/home/someone/{}events.jsonl:24: tags: expected a list of strings, found a string 'coal'",
        "deep/".repeat(30)
    );
    app.update(Action::ReloadFailed(vec![long.clone()]));
    // Cut in the status line, which says how to read the rest.
    let status = text(&render(&app, 80, 24))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        status.starts_with(" Not reloaded, 1 problem: /home/"),
        "{status}"
    );
    assert!(status.contains("! problems"), "{status}");
    app.update(Action::Move(Motion::Down));
    let status = text(&render(&app, 80, 24))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(status.contains("! problems"), "still: {status}");
    app.update(Action::ShowReloadProblems);
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("reload_problems", screen);
    assert!(
        screen.contains("Not reloaded · 1 problem · Esc closes"),
        "{screen}"
    );
    // Every character of the problem is on screen, in order, across the wrapped rows.
    let shown: String = screen
        .lines()
        .filter_map(|l| l.split('┃').nth(1))
        .collect::<Vec<_>>()
        .join("");
    let shown: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
    let wanted: String = long.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(shown.contains(&wanted), "{screen}");
}

#[test]
fn find_highlights_matches_in_quotes_too() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenPrompt(crate::app::PromptKind::Find));
    for c in "activities".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::SubmitPrompt);
    let buffer = render(&app, 120, 40);
    let y = row_with(&buffer, "▌ the activities of").unwrap_or_else(|| panic!("quote shown"));
    let x = column_of(&buffer, y, "activities").unwrap_or(0);
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn find_highlights_matches_in_the_detail_summary() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenPrompt(crate::app::PromptKind::Find));
    for c in "sample event".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::SubmitPrompt);
    let buffer = render(&app, 120, 40);
    let y = row_with(&buffer, "This is a sample event").unwrap_or_else(|| panic!("summary shown"));
    let x = column_of(&buffer, y, "sample event").unwrap_or(0);
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn the_strip_names_the_last_bucket_once_when_it_is_selected() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 100, 30);
    for _ in 0..4 {
        app.update(Action::ZoomOut);
    }
    app.update(Action::ZoomIn);
    app.update(Action::Move(Motion::Last));
    let buffer = render(&app, 100, 30);
    let axis = text(&buffer).lines().nth(2).unwrap_or_default().to_string();
    assert!(axis.contains("2022-02: 1 event"), "{axis}");
    assert_eq!(axis.matches("2022-02").count(), 1, "{axis}");
}

/// A source of `text` with one event quoting its sentence `cited` (0-based), opened in the
/// source view at `width` x `height`, the cursor moved off the cited sentence by `moves`.
fn source_screen(text: &str, cited: usize, moves: usize, width: u16, height: u16) -> Buffer {
    use crate::date::EdtfDate;
    use crate::model::{Event, Quote, SourceId};
    let source = sample::source("s", "S", text);
    let sentences = source.sentences.clone();
    let event = Event {
        id: "e".into(),
        date: EdtfDate::parse("2021-12-13").unwrap_or_else(|e| panic!("{e}")),
        title: "E".into(),
        summary: None,
        kind: None,
        actors: Box::default(),
        location: None,
        tags: Box::default(),
        quotes: Box::new([Quote {
            source: SourceId(0),
            written: None,
            span: sentences[cited].clone(),
            sentences: crate::model::offsets(cited..cited + 1),
        }]),
        attributes: Default::default(),
        roles: Box::default(),
        region: None,
        point: None,
    };
    let timeline = Timeline::new(vec![event], Vec::new(), vec![source]);
    let mut app = app_at(&timeline, width, height);
    app.update(Action::JumpToSource);
    for _ in 0..moves {
        app.update(Action::Move(Motion::Down));
    }
    render(&app, width, height)
}

/// `⁽24⁾` in superscript digits.
fn marker(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = n
        .to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect();
    format!("⁽{digits}⁾")
}

/// Each sentence carries its number at its first word, wherever on a row it starts, so that
/// a row never reads as numbered by a sentence that only ends there, and sentences sharing a
/// row each keep their number. Found by a newcomer: row 24 began with the end of sentence 23.
#[test]
fn each_sentence_is_numbered_at_its_first_word() {
    let text = "Short one. Cited two. \n".to_string()
        + "A third sentence starts in the middle of a row. "
        + &"And a fourth runs on well past the end of the row it starts on, wrapping. ".repeat(2)
        + "Fifth.";
    let sentences = crate::sentences::split_sentences(&text);
    assert_eq!(sentences.len(), 6, "{sentences:?}");
    let buffer = source_screen(&text, 1, 3, 80, 30);
    let screen = crate::ui::tests::text(&buffer);
    for (n, span) in sentences.iter().enumerate() {
        let first_word = text[span.clone()].split_whitespace().next().unwrap_or("");
        let at = format!("{}{first_word}", marker(n + 1));
        assert!(screen.contains(&at), "{at} not on screen:\n{screen}");
    }
    assert_eq!(
        screen.matches('⁽').count(),
        sentences.len(),
        "one number a sentence, none on rows that only continue one:\n{screen}"
    );
    // The cited sentence shares its row with an uncited one: the row is marked, and the
    // cited sentence's number is drawn in the cited style.
    let y = row_with(&buffer, "Short one.").unwrap_or_else(|| panic!("shown"));
    let row = text_of_row(&buffer, y);
    assert!(
        row.contains(&format!(
            "• {}Short one. {}Cited two.",
            marker(1),
            marker(2)
        )),
        "{row}"
    );
    let x = column_of(&buffer, y, &marker(2)).unwrap_or(0);
    assert_eq!(
        buffer[(x, y)].fg,
        theme::GUTTER_CITED.fg.unwrap_or_default()
    );
    let x = column_of(&buffer, y, &marker(1)).unwrap_or(0);
    assert_ne!(
        buffer[(x, y)].fg,
        theme::GUTTER_CITED.fg.unwrap_or_default()
    );
}

fn text_of_row(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// A timeline of one event quoting three sources: two say when they were published (one only
/// roughly), one does not.
fn reported_timeline() -> Timeline {
    use crate::date::EdtfDate;
    use crate::model::{Event, Quote, SourceId};
    let dated = |id: &str, title: &str, published: Option<&str>| crate::model::Source {
        published: published.map(|d| EdtfDate::parse(d).unwrap_or_else(|e| panic!("{e}"))),
        ..sample::source(id, title, "Leaders spoke by phone. They disagreed.")
    };
    let sources = vec![
        dated("wire", "Wire report of the call", Some("2021-12-13?")),
        dated("notes", "Undated notes", None),
        dated("weekly", "Weekly review", Some("2021-12-17")),
    ];
    let quote = |source: u32| Quote {
        source: SourceId(source),
        written: None,
        span: 0..23,
        sentences: 0..1,
    };
    let event = Event {
        id: "call".into(),
        date: EdtfDate::parse("2021-12-13").unwrap_or_else(|e| panic!("{e}")),
        title: "Leaders speak by phone".into(),
        summary: None,
        kind: None,
        actors: Box::default(),
        location: None,
        tags: Box::default(),
        quotes: Box::new([quote(0), quote(1), quote(2), quote(0)]),
        attributes: Default::default(),
        roles: Box::default(),
        region: None,
        point: None,
    };
    Timeline::new(vec![event], Vec::new(), sources)
}

#[test]
fn the_detail_pane_gives_when_each_source_reported_the_event() {
    let timeline = reported_timeline();
    let mut app = app_at(&timeline, 60, 12);
    app.update(Action::Focus(Pane::Detail));
    let screen = text(&render(&app, 60, 12));
    let rows: Vec<&str> = screen.lines().take(6).collect();
    assert_eq!(
        rows,
        [
            "┏ [4] Detail ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃Leaders speak by phone                                    ┃",
            "┃Date      2021-12-13   (EDTF 2021-12-13)                  ┃",
            "┃Reported  2021-12-13? · Wire report of the call           ┃",
            "┃          2021-12-17 · Weekly review                      ┃",
            "┃Actors                                                    ┃",
        ],
        "{screen}"
    );
    // On a narrow pane the label stands alone, and a second source adds no empty label line.
    app.update(Action::Resize {
        width: 26,
        height: 14,
    });
    let screen = text(&render(&app, 26, 14));
    let lines: Vec<String> = screen
        .lines()
        .skip(1)
        .map(|l| l.chars().skip(1).take(24).collect::<String>())
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(
        lines[..5],
        [
            "Leaders speak by phone",
            "Date",
            "2021-12-13   (EDTF",
            "2021-12-13)",
            "Reported",
        ]
    );
    assert_eq!(
        lines[5..9],
        [
            "2021-12-13? · Wire",
            "report of the call",
            "2021-12-17 · Weekly",
            "review",
        ]
    );
}

/// A dataset just made by `chronicle init` has nothing in it: the browser opens on it, every
/// pane says it is empty, and no key or size makes it panic.
#[test]
fn an_empty_dataset_opens_with_empty_panes() {
    let timeline = Timeline::new(Vec::new(), Vec::new(), Vec::new());
    let app = app_at(&timeline, 120, 40);
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("[1] Events · 0"), "{screen}");
    assert!(screen.contains("[2] Actors · 0"), "{screen}");
    // No search is on: there are no actors, not none matching.
    assert!(screen.contains("No actors."), "{screen}");
    assert!(!screen.contains("No actor matches."), "{screen}");
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("0 events · 0 actors · 0 sources"),
        "{status}"
    );
    let actions = [
        Action::Move(Motion::Down),
        Action::Move(Motion::Last),
        Action::JumpToSource,
        Action::ShowCitingEvents,
        Action::OpenSearch,
        Action::SearchInput('r'),
        Action::FocusNext,
        Action::FocusNext,
        Action::FocusNext,
        Action::ToggleHelp,
    ];
    let mut app = app_at(&timeline, 120, 40);
    for action in actions {
        app.update(action);
        for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 5), (1, 1)] {
            app.update(Action::Resize { width, height });
            let _ = render(&app, width, height);
        }
    }
}

/// The sample timeline with two more actors named as an existing one, as GDELT names its
/// ZIMBABWE actors (coded ZWE, ZWEJUD, ZWEMIL): one with a code, one without.
fn clashing_timeline() -> Timeline {
    let t = sample::timeline();
    let mut actors = t.actors().to_vec();
    let russia = actors
        .iter()
        .find(|a| a.id == "russia")
        .cloned()
        .unwrap_or_else(|| panic!("russia"));
    let mut military = russia.clone();
    military.id = "russia-2".into();
    military.aliases = vec!["RUSMIL".into()];
    let mut bare = russia;
    bare.id = "russia-3".into();
    bare.aliases = Vec::new();
    actors.extend([military, bare]);
    Timeline::new(t.events().to_vec(), actors, t.sources().to_vec())
}

#[test]
fn actors_of_one_name_show_what_tells_them_apart_in_the_list_and_the_search() {
    let timeline = clashing_timeline();
    let app = app_at(&timeline, 120, 40);
    let screen = text(&render(&app, 120, 40));
    // The first alias that is not the name (a code), else the id; others are left alone.
    assert!(screen.contains("Russia (Russian Fede"), "{screen}");
    assert!(screen.contains("Russia (RUSMIL)"), "{screen}");
    assert!(screen.contains("Russia (russia-3)"), "{screen}");
    assert!(!screen.contains("Vladimir Putin ("), "{screen}");
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenSearch);
    for c in "russ".chars() {
        app.update(Action::SearchInput(c));
    }
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("Russia (RUSMIL)"), "{screen}");
    assert!(screen.contains("Russia (russia-3)"), "{screen}");
}

#[test]
fn a_clashing_name_is_told_apart_in_the_events_title_the_filter_and_the_detail_pane() {
    let timeline = clashing_timeline();
    let russia = timeline
        .actor_by_id("russia")
        .unwrap_or_else(|| panic!("russia"));
    let label = timeline.actor_label(russia);
    assert_eq!(label, "Russia (Russian Federation)");
    let mut app = app_at(&timeline, 160, 40);
    app.update(Action::FilterByActor(russia));
    let screen = text(&render(&app, 160, 40));
    assert!(screen.contains(&format!("Events · {label} · ")), "{screen}");
    assert!(screen.contains(&format!("filter: {label} (")), "{screen}");
    // The detail pane of the chosen event (one naming Russia) names it the same way.
    let detail = crate::layout::detail::Detail::of(
        &timeline,
        timeline.event(app.selected_event().unwrap_or_else(|| panic!("an event"))),
    );
    let actors = detail
        .fields
        .iter()
        .find(|(name, _)| *name == "Actors")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    assert!(actors.contains(&label), "{actors}");
}

#[test]
fn the_detail_pane_shows_long_attribute_names_whole_and_lines_up_the_values() {
    let t = sample::timeline();
    let events: Vec<crate::model::Event> = t
        .events()
        .iter()
        .cloned()
        .map(|mut e| {
            e.attributes = crate::model::Attributes::from([
                (
                    "civilian_targeting".into(),
                    crate::model::Value::text("Civilian targeting"),
                ),
                ("fatalities".into(), crate::model::Value::text("3")),
            ]);
            e
        })
        .collect();
    let timeline = Timeline::new(events, t.actors().to_vec(), t.sources().to_vec());
    let app = app_at(&timeline, 120, 40);
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains("│civilian_targeting  Civilian targeting"),
        "{screen}"
    );
    assert!(screen.contains("│fatalities          3 "), "{screen}");
    assert!(screen.contains("│Date                "), "{screen}");
}

#[test]
fn sorted_events_show_the_sort_value_and_the_status_line_the_sort() {
    let timeline = sample::places();
    let mut app = app_at(&timeline, 120, 30);
    app.update(Action::OpenPicker(crate::app::PickerKind::Sort));
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    let buffer = render(&app, 120, 30);
    // The value, right-aligned in a column between the title and the actors.
    let end_of = |needle: &str, value: &str| {
        let y = row_with(&buffer, needle).unwrap_or_else(|| panic!("a row with {needle}"));
        column_of(&buffer, y, &format!("{value} Army")).map(|x| x + value.len() as u16)
    };
    let donetsk = end_of("clash-donetsk", "10");
    assert!(donetsk.is_some(), "{}", text(&buffer));
    assert_eq!(end_of("clash-kharkiv", "3"), donetsk);
    // The status line names the sort once the note about it has gone.
    app.update(Action::Move(Motion::Down));
    let screen = text(&render(&app, 120, 30));
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("· sorted by fatalities ↓"), "{status}");
}

/// While only the first events are in (the first screen from the cache), every frame says
/// so, not only the first: the counts are of those events, and stats and `G` say they wait.
#[test]
fn with_only_the_first_events_in_every_frame_says_so() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 160, 40);
    app.update(Action::ReloadStarted);
    app.update(Action::LoadingRest(1000));
    app.update(Action::Report(
        "Showing the first 10 of 1000 events.".into(),
    ));
    app.update(Action::Move(Motion::Down));
    let screen = text(&render(&app, 160, 40));
    assert!(
        screen.contains(" first 10 of 1000 events · loading the rest… · sample "),
        "{screen}"
    );
    assert!(screen.contains("Events · first 10 of 1000"), "{screen}");
    // The actors pane lists only the actors of those events, and says so.
    assert!(
        screen.contains("Actors of the first 10 of 1000 events"),
        "{screen}"
    );
    assert!(!screen.contains("10 events"), "{screen}");
    app.update(Action::ToggleStats);
    assert_eq!(
        app.mode(),
        crate::app::Mode::Normal,
        "no stats of 10 of 1000"
    );
    let screen = text(&render(&app, 160, 40));
    assert!(
        screen.contains("Stats wait for all 1000 events · loading the rest…"),
        "{screen}"
    );
    app.update(Action::Move(Motion::Last));
    assert_eq!(
        app.message(),
        Some("At the last of the first 10 of 1000 events")
    );
    // The app over the whole timeline says nothing of it.
    let whole = app_at(&timeline, 160, 40);
    let screen = text(&render(&whole, 160, 40));
    assert!(!screen.contains("first 10"), "{screen}");
    assert!(screen.contains("10 events"), "{screen}");
}

/// The note of the first screen comes before the state, so that the part cut at the
/// right of a narrow line is never the explanation (trial 8: P3). Each says once that the rest
/// is loading, and fits whole at 80 columns, with the help key, as at 120; without a note the
/// state is not followed by a stray `· …` where the summary has no room (trial 11: D7).
#[test]
fn with_only_the_first_events_in_a_note_is_read_whole() {
    let timeline = sample::timeline();
    let first_screen = |width: u16| {
        let mut app = app_at(&timeline, width, 30);
        app.update(Action::ReloadStarted);
        app.update(Action::LoadingRest(1_000_000));
        app
    };
    let status = |app: &App, width: u16| {
        let screen = text(&render(app, width, 30));
        screen.lines().last().unwrap_or_default().to_string()
    };
    for width in [80, 120] {
        let mut app = first_screen(width);
        // As the browser says it when it opens on the first screen.
        app.update(Action::Report(
            "Showing the first 10 of 1000000 events".into(),
        ));
        let mut said = vec![status(&app, width)];
        for action in [
            Action::ToggleStats,
            Action::OpenPrompt(crate::app::PromptKind::Export),
            Action::Move(Motion::Last),
        ] {
            app.update(action);
            said.push(status(&app, width));
        }
        let expected = [
            "Showing the first 10 of 1000000 events",
            "Stats wait for all 1000000 events",
            "Export waits for all 1000000 events",
            "At the last of the first 10 of 1000000 events",
        ];
        for (status, note) in said.iter().zip(expected) {
            assert!(
                status.starts_with(&format!(" {note} · loading the rest… ")),
                "{width}: {status}"
            );
            assert_eq!(status.matches("rest").count(), 1, "{width}: {status}");
            assert!(status.contains(" ? help "), "{width}: {status}");
        }
    }
    // Without a note, the state comes first, ahead of counts that would pass for the
    // dataset's, and whole even at 80 columns, where the summary has no room beside the keys.
    let mut app = first_screen(80);
    app.update(Action::Move(Motion::Down));
    let line = status(&app, 80);
    assert!(
        line.starts_with(" first 10 of 1000000 events · loading the rest… "),
        "{line}"
    );
    assert!(!line.contains("· …"), "{line}");
    assert_eq!(line.matches('…').count(), 1, "{line}");
    assert!(line.contains(" ? help "), "{line}");
    // At 120 there is room for it.
    let line = status(&first_screen(120), 120);
    assert!(
        line.starts_with(" first 10 of 1000000 events · loading the rest… · sample "),
        "{line}"
    );
}

/// Below 60 columns the first screen's status line gives up words, then the help key, then
/// more words, but never cuts a number nor leaves the counts out: "first 400 of 10000…" read
/// as 10000 (trial 12: N2). Checked at every width from 20 to 80, for the note the browser
/// opens with, a key's note that waits for the rest, and no note.
#[test]
fn with_only_the_first_events_in_narrow_status_lines_keep_the_numbers_whole() {
    let timeline = sample::timeline();
    let status = |width: u16, all: usize, note: Option<&str>| {
        let mut app = app_at(&timeline, width, 12);
        app.update(Action::ReloadStarted);
        app.update(Action::LoadingRest(all));
        match note {
            Some("stats") => app.update(Action::ToggleStats),
            Some(note) => app.update(Action::Report(note.into())),
            None => {}
        }
        let screen = text(&render(&app, width, 12));
        screen.lines().last().unwrap_or_default().to_string()
    };
    let opening = "Showing the first 10 of 1000000 events";
    for (width, note, expected) in [
        (
            40,
            Some(opening),
            " Showing the first 10 of 1000000 events ",
        ),
        (
            40,
            Some("stats"),
            " Stats wait for all 1000000 events      ",
        ),
        (40, None, " first 10 of 1000000 · loading…  ? help "),
        (30, Some(opening), " first 10 of 1000000   ? help "),
        (30, Some("stats"), " first 10 of 1000000   ? help "),
        (30, None, " first 10 of 1000000   ? help "),
        (20, Some(opening), " first 10 of 1000000"),
        (20, None, " first 10 of 1000000"),
    ] {
        assert_eq!(status(width, 1_000_000, note), expected, "{width} {note:?}");
    }
    // With a longer count, at 20 columns "first" goes before a number is cut.
    assert_eq!(
        status(
            20,
            10_000_000,
            Some("Showing the first 10 of 10000000 events")
        ),
        " 10 of 10000000     "
    );
    for all in [1_000_000, 10_000_000] {
        let opening = format!("Showing the first 10 of {all} events");
        for width in 20..=80 {
            for note in [Some(opening.as_str()), Some("stats"), None] {
                let line = status(width, all, note);
                let numbers: Vec<&str> = line
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                    .collect();
                assert!(
                    numbers.iter().all(|n| ["10", &all.to_string()].contains(n)),
                    "{width}: {line}"
                );
                assert!(line.contains(&all.to_string()), "{width}: {line}");
                assert!(
                    !line.contains('…') || line.contains("loading"),
                    "{width}: {line}"
                );
            }
        }
    }
}

/// After the note telling of the load's notes goes (the next key, a resize), the status line
/// keeps offering `! notes`, in the place of `s source`, until `!` has shown them; a reload
/// that leaves the same notes keeps the offer (trial 12: N6: nothing said the load had left
/// a note).
#[test]
fn the_loads_notes_keep_a_key_until_read() {
    let timeline = sample::timeline();
    let notes = vec![crate::problem::Problem::new(
        "/tmp/cache/chronicle/66572acd0d113a16.img",
        None,
        "ignored this damaged cache file (its checksum does not match)",
    )
    .as_note()];
    let status = |app: &App, width: u16| {
        let screen = text(&render(app, width, 24));
        screen.lines().last().unwrap_or_default().to_string()
    };
    for width in [80u16, 120] {
        let mut app = app_at(&timeline, width, 24).with_notes(&notes);
        app.update(Action::Report("Loaded all 10 events.".into()));
        app.update(Action::ReportNotes(vec![0]));
        app.update(Action::Move(Motion::Down));
        app.update(Action::Resize { width, height: 24 });
        assert_eq!(app.message(), None);
        let line = status(&app, width);
        assert!(
            line.starts_with(" sample · 10 events · 8 actors · 2 sources "),
            "{width}: {line}"
        );
        assert!(
            line.trim_end()
                .ends_with("? help  ! notes  / search  q quit"),
            "{width}: {line}"
        );
        // Carried over a reload whose load left the notes again.
        let mut again = app_at(&timeline, width, 24).with_notes(&notes);
        again.restore(app.carry());
        assert!(status(&again, width).contains(" ! notes "), "{width}");
        // Read, they give their key back to `s source`; `!` still shows them.
        app.update(Action::ShowReloadProblems);
        app.update(Action::CloseOverlay);
        let line = status(&app, width);
        assert!(!line.contains("! notes"), "{width}: {line}");
        assert!(line.contains(" s source "), "{width}: {line}");
        app.update(Action::ShowReloadProblems);
        assert!(text(&render(&app, width, 24)).contains(" The load's 1 note "));
    }
    // A load without notes offers nothing, whatever was carried.
    let mut app = app_at(&timeline, 80, 24).with_notes(&notes);
    app.update(Action::ReportNotes(vec![0]));
    let mut fresh = app_at(&timeline, 80, 24);
    fresh.restore(app.carry());
    assert!(!status(&fresh, 80).contains("! notes"));
}

/// The actors of a large dataset: `count` of them, the first `named` called "Olusegun Wei",
/// the others a name of letters the query does not find.
fn many_actors(count: usize, named: usize) -> Timeline {
    let actors = (0..count)
        .map(|n| crate::model::Actor {
            id: format!("a{n}"),
            name: if n < named {
                format!("Olusegun Wei {n}")
            } else {
                format!("Zz {n}")
            },
            kind: None,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        })
        .collect();
    Timeline::new(Vec::new(), actors, Vec::new())
}

/// During a search the actors title keeps its match count whole in a 40-column pane: the
/// words before the query go first (trial 9: 6).
#[test]
fn the_actors_title_keeps_the_match_count_during_a_search() {
    let timeline = many_actors(100_000, 39);
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::OpenSearch);
    for c in "olusegun wei".chars() {
        app.update(Action::SearchInput(c));
    }
    while app.is_busy() {
        app.update(Action::ContinueRanking);
    }
    assert_eq!(app.search.as_ref().map(|s| s.matches().len()), Some(39));
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains(" [2] /olusegun wei▏ · 39 of 100000 "),
        "{screen}"
    );
    // A query too long for the pane keeps its end, where the caret is, and the count.
    for c in " 3 and more".chars() {
        app.update(Action::SearchInput(c));
    }
    while app.is_busy() {
        app.update(Action::ContinueRanking);
    }
    let matches = app.search.as_ref().map_or(0, |s| s.matches().len());
    let screen = text(&render(&app, 120, 40));
    let count = format!(" · {matches} of 100000");
    let title = screen
        .lines()
        .find(|l| l.contains("[2] /…"))
        .unwrap_or_else(|| panic!("the query's start cut: {screen}"));
    assert!(title.contains(&format!("3 and more▏{count}")), "{title}");
    // Where there is room the title is whole.
    let screen = text(&render(&app, 220, 40));
    assert!(
        screen.contains(&format!("[2] Actors · /olusegun wei 3 and more▏{count}")),
        "{screen}"
    );
}

/// While the actors pane is focused, the detail pane shows the actor selected there, its
/// affiliation by name among what actors.json says of it (trial 8: P9); the event's detail
/// comes back with the focus.
#[test]
fn the_detail_pane_shows_the_focused_actor_and_its_affiliation() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 120, 40);
    let putin = timeline
        .actors()
        .iter()
        .position(|a| a.id == "putin")
        .map(|i| crate::model::ActorId(i as u32));
    app.update(Action::Focus(Pane::Actors));
    while app.selected_actor() != putin {
        let before = app.selected_actor();
        app.update(Action::Move(Motion::Down));
        assert_ne!(app.selected_actor(), before, "Putin never selected");
    }
    let buffer = render(&app, 120, 40);
    let screen = text(&buffer);
    let detail = app.screen().rect(Pane::Detail);
    let pane: Vec<String> = (detail.y..detail.bottom())
        .map(|y| {
            (detail.x..detail.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    let has = |needle: &str| pane.iter().any(|row| row.contains(needle));
    assert!(has("[4] Detail · actor"), "{screen}");
    assert!(has("│Vladimir Putin "), "{screen}");
    assert!(has("│Affiliation  Russia (russia) "), "{screen}");
    assert!(has("│Aliases      President of Russia "), "{screen}");
    assert!(has("│Id           putin "), "{screen}");
    // Russia itself has none.
    app.update(Action::Move(Motion::First));
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("│Russia "), "{screen}");
    assert!(!screen.contains("Affiliation"), "{screen}");
    // Back on the events, the event's detail.
    app.update(Action::Focus(Pane::Events));
    let screen = text(&render(&app, 120, 40));
    assert!(!screen.contains("Detail · actor"), "{screen}");
    assert!(!screen.contains("Affiliation"), "{screen}");
    assert!(screen.contains("│Actors "), "{screen}");
}

/// Counts of a thousand events and more keep a space before them, and the column lines up
/// (trial 10: B5: `organization8000`).
#[test]
fn actor_counts_of_four_digits_and_more_stand_apart_from_the_kind() {
    let template = crate::sample::timeline().events()[0].clone();
    let actors: Vec<crate::model::Actor> = [("a0", "Investor"), ("a1", "Yemen")]
        .iter()
        .map(|(id, name)| crate::model::Actor {
            id: id.to_string(),
            name: name.to_string(),
            kind: Some(crate::model::ActorKind::Organization),
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        })
        .collect();
    let events = (0..12_000)
        .map(|n| {
            let mut event = template.clone();
            event.id = format!("e{n}").into();
            event.quotes = Box::default();
            event.actors = Box::new([crate::model::ActorId(u32::from(n >= 10_000))]);
            event
        })
        .collect();
    let timeline = Timeline::new(events, actors, Vec::new());
    let app = app_at(&timeline, 120, 40);
    let screen = text(&render(&app, 120, 40));
    let row = |name: &str| {
        screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {screen}"))
            .to_string()
    };
    let (investor, yemen) = (row("Investor"), row("Yemen"));
    assert!(investor.contains("organization 10000"), "{investor}");
    assert!(yemen.contains("organization  2000"), "{yemen}");
    assert_eq!(
        investor.find("10000"),
        yemen.find(" 2000"),
        "{investor}\n{yemen}"
    );
}

/// A query cut to fit the narrow actors title keeps the space before the border, as a
/// title that fits does (trial 11: D12: `/…lantic▏ · 1 of 18━━┓`).
#[test]
fn a_title_cut_to_fit_keeps_the_space_before_the_border() {
    let timeline = sample::timeline();
    let mut app = app_at(&timeline, 80, 24);
    app.update(Action::OpenSearch);
    for c in "northatlantic".chars() {
        app.update(Action::SearchInput(c));
    }
    while app.is_busy() {
        app.update(Action::ContinueRanking);
    }
    let screen = text(&render(&app, 80, 24));
    let title = screen
        .lines()
        .find(|l| l.contains("[2] /…"))
        .unwrap_or_else(|| panic!("the query is not cut: {screen}"));
    assert!(title.ends_with("tlantic▏ · 1 of 8 ━┓"), "{title}");
}

/// While only the first events are in, the actors title drops words rather than cut a
/// number, at every width (trial 11: D8: `Actors of the first 400 of 10000…` of 1000000).
#[test]
fn the_first_screens_actors_title_never_cuts_a_number() {
    let timeline = sample::timeline();
    let actors = timeline.actors().len().to_string();
    for width in 20..=200u16 {
        let mut app = app_at(&timeline, width, 30);
        app.update(Action::Focus(Pane::Actors));
        app.update(Action::ReloadStarted);
        app.update(Action::LoadingRest(1_000_000));
        let screen = text(&render(&app, width, 30));
        let title = screen
            .lines()
            .find_map(|l| l.find("[2]").map(|at| &l[at..]))
            .unwrap_or_else(|| panic!("no actors title at {width}: {screen}"));
        let numbers: Vec<&str> = title
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .collect();
        for n in &numbers {
            assert!(
                ["2", "10", "1000000", actors.as_str()].contains(n),
                "a number cut at {width}: {title}"
            );
        }
        // Whose actors these are is said wherever the words fit.
        if width >= 60 {
            assert!(title.contains("first 10 of 1000000"), "{width}: {title}");
        }
    }
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::LoadingRest(1_000_000));
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains(" [2] Actors · first 10 of 1000000 "),
        "{screen}"
    );
}

/// The actor detail is headed by the label the actors pane lists, which tells apart actors
/// of one name (trial 11: D11: `ZIMBABWE` for `ZIMBABWE (ZWEJUD)`).
#[test]
fn the_actor_detail_is_headed_by_the_actors_label() {
    let actors = ["ZWE", "ZWEJUD"]
        .iter()
        .map(|id| crate::model::Actor {
            id: id.to_string(),
            name: "ZIMBABWE".to_string(),
            kind: None,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        })
        .collect();
    let timeline = Timeline::new(Vec::new(), actors, Vec::new());
    let mut app = app_at(&timeline, 120, 40);
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Move(Motion::Down));
    let Some(actor) = app.selected_actor() else {
        panic!("no actor selected");
    };
    let label = timeline.actor_label(actor);
    assert_ne!(label, "ZIMBABWE", "the names should clash");
    let buffer = render(&app, 120, 40);
    let detail = app.screen().rect(Pane::Detail);
    let heading: String = (detail.x..detail.right())
        .map(|x| buffer[(x, detail.y + 1)].symbol().to_string())
        .collect();
    assert!(
        heading.starts_with(&format!("│{label} ")),
        "{heading}\n{}",
        text(&buffer)
    );
}

/// An actor's description below the fold is read to its end: `2`, the actor, `4`, then `G`;
/// where one pane shows at a time, `4` from the actors pane shows the actor's detail alone
/// (trial 11: D2).
#[test]
fn the_actors_description_is_reached_at_80x24_and_below() {
    let timeline = crate::app::tests::with_putins_description();
    let putin = timeline.actor_by_id("putin");
    for (width, height) in [(80, 24), (60, 16)] {
        let mut app = app_at(&timeline, width, height);
        app.update(Action::Focus(Pane::Actors));
        while app.selected_actor() != putin {
            let before = app.selected_actor();
            app.update(Action::Move(Motion::Down));
            assert_ne!(app.selected_actor(), before, "Putin never selected");
        }
        app.update(Action::Focus(Pane::Detail));
        let screen = text(&render(&app, width, height));
        assert!(screen.contains("[4] Detail · actor"), "{screen}");
        assert!(screen.contains("Vladimir Putin"), "{screen}");
        assert!(!screen.contains("ends here"), "below the fold: {screen}");
        app.update(Action::Move(Motion::Last));
        let screen = text(&render(&app, width, height));
        assert!(screen.contains("[4] Detail · actor"), "{screen}");
        assert!(screen.contains("ends here."), "{width}x{height}: {screen}");
    }
}

/// A note of the load that comes in behind the first screen says what happened, not the
/// path of the file it is about, at 80 columns as at 120, and offers `!`, which shows the
/// notes in full, path and all (trial 11: D1).
#[test]
fn a_note_of_the_load_is_read_on_the_status_line_and_in_full() {
    let timeline = sample::timeline();
    let path = "/tmp/trial11/cache2/chronicle/66572acd0d113a16.img";
    let notes = vec![crate::problem::Problem::new(
        path,
        None,
        "ignored this damaged cache file (its checksum does not match) and loaded the \
         dataset from its files",
    )
    .as_note()];
    for width in [80u16, 120] {
        let mut app = app_at(&timeline, width, 24).with_notes(&notes);
        app.update(Action::Report("Loaded all 1000000 events.".into()));
        app.update(Action::ReportNotes(vec![0]));
        let screen = text(&render(&app, width, 24));
        let status = screen.lines().last().unwrap_or_default();
        assert!(
            status.starts_with(
                " Loaded all 1000000 events. Note: ignored this damaged cache file (its"
            ),
            "{width}: {status}"
        );
        assert!(!status.contains("/tmp"), "{width}: {status}");
        assert!(status.trim_end().ends_with("! notes"), "{width}: {status}");
        app.update(Action::ShowReloadProblems);
        let screen = text(&render(&app, width, 24));
        assert!(
            screen.contains(" The load's 1 note · Esc closes "),
            "{screen}"
        );
        assert!(screen.contains(path), "{screen}");
        assert!(
            screen.contains("loaded the dataset from its files"),
            "{screen}"
        );
        // The offer goes with the note.
        app.update(Action::CloseOverlay);
        let screen = text(&render(&app, width, 24));
        let status = screen.lines().last().unwrap_or_default();
        assert!(!status.contains("! notes"), "{width}: {status}");
    }
}
