//! Drives the whole browser as a person would: key events through the keymap into
//! `App::update`, then a render through ratatui's `TestBackend`, without a terminal.

use chronicle::app::{Action, App, Mode, Pane};
use chronicle::keymap::{action_for_key, KeyContext};
use chronicle::sample;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn press(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let context = KeyContext {
        mode: app.mode(),
        focus: app.focus(),
        can_go_back: app.can_go_back(),
        finding: app.find().is_some(),
    };
    if let Some(action) = action_for_key(key, context) {
        app.update(action);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| chronicle::ui::draw(app, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn selected_id(app: &App, timeline: &chronicle::timeline::Timeline) -> String {
    app.selected_event()
        .map_or_else(String::new, |e| timeline.event(e).id.to_string())
}

#[test]
fn browse_search_filter_source_and_back() {
    let timeline = sample::timeline();
    let mut app = App::new(&timeline, "sample");
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    insta::assert_snapshot!("start_120x40", screen(&app, 120, 40));

    // Search for Putin and filter by him.
    typed(&mut app, "/put");
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view().len(), 4);
    assert!(screen(&app, 120, 40).contains("Events · Vladimir Putin · 4 of 10"));

    // To the phone call, and into its source; then the next quote.
    typed(&mut app, "j");
    assert_eq!(selected_id(&app, &timeline), "putin-johnson-call");
    typed(&mut app, "sn");
    assert_eq!(app.focus(), Pane::Source);
    assert_eq!(app.source_view().map(|v| v.sentence), Some(2));
    insta::assert_snapshot!("source_120x40", screen(&app, 120, 40));

    // Up a sentence (2, cited by two events), list them, go to the other one.
    typed(&mut app, "k");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Citing);
    typed(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app, &timeline), "nato-russia-council");
    assert!(app.filter().is_empty(), "the filter hid the event");

    // Back twice: the source, then the filtered timeline where we started.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Pane::Source);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(selected_id(&app, &timeline), "putin-johnson-call");
    assert_eq!(app.view().len(), 4);

    // Esc again goes back to before the filter; the selection stays.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view().len(), 10);
    assert_eq!(selected_id(&app, &timeline), "putin-johnson-call");

    typed(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "q");
    assert!(app.should_quit());
}
