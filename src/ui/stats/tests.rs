//! The stats pane drawn through ratatui's `TestBackend`: its figures are the app's counts.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use crate::app::{Action, App, Motion};
use crate::sample;
use crate::ui::tests::text;

pub(crate) fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| crate::ui::draw(app, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The row of the screen holding `needle`, trimmed of the pane's border.
fn line_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle} in\n{screen}"))
        .trim_matches(|c: char| c == '┃' || c == ' ' || c == '█' || c == '║')
        .to_string()
}

fn bar_length(line: &str) -> usize {
    line.chars().filter(|c| *c == '█').count()
}

#[test]
fn the_stats_pane_shows_the_counts_and_sums_of_the_view() {
    let t = sample::places();
    let mut app = App::new(&t, "places");
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app.update(Action::ToggleStats);
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains(" Stats · 6 events "), "{screen}");
    assert!(screen.contains(" types "), "{screen}");
    assert!(
        screen.contains("Sums: 15 fatalities (5) · -4.2 tone (3)"),
        "{screen}"
    );
    let battles = line_with(&screen, "Battles");
    let protests = line_with(&screen, "Protests");
    let explosions = line_with(&screen, "Explosions");
    assert!(battles.ends_with(" 3"), "{battles}");
    assert!(protests.ends_with(" 2"), "{protests}");
    assert!(explosions.ends_with(" 1"), "{explosions}");
    // Bars in proportion: the longest for the most events.
    let (b, p, e) = (
        bar_length(&battles),
        bar_length(&protests),
        bar_length(&explosions),
    );
    assert!(b > p && p > e && e > 0, "{b} {p} {e}");
    assert_eq!(b, 3 * e, "{battles}\n{explosions}");
    // Countries, with the events that have none counted in the title.
    app.update(Action::StepFacet(2));
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("(1 without a country)"), "{screen}");
    assert!(line_with(&screen, "Ukraine").ends_with(" 3"), "{screen}");
    // Choosing a bar: the figures follow, and the status line names the filter.
    app.update(Action::ChooseBar);
    app.update(Action::Move(Motion::First));
    let screen = text(&render(&app, 100, 30));
    assert!(
        screen.contains("Sums: 13 fatalities (3) · -4.4 tone (2)"),
        "{screen}"
    );
    app.update(Action::ToggleStats);
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("filter: in Ukraine"), "{screen}");
}

#[test]
fn the_stats_pane_fits_any_size_without_panicking() {
    let t = sample::places();
    let mut app = App::new(&t, "places");
    app.update(Action::ToggleStats);
    for (w, h) in [(1, 1), (10, 4), (20, 6), (40, 8), (80, 24), (200, 60)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        render(&app, w, h);
    }
}

/// Found by the end-to-end test: a sort and a long filter label pushed the events pane's
/// counts out of its title.
#[test]
fn a_sorted_and_filtered_events_title_keeps_its_counts() {
    use crate::app::{PickerKind, PromptKind};
    let t = sample::places();
    let mut app = App::new(&t, "places");
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::OpenPicker(PickerKind::Sort));
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    for text in ["fatalities>=0", "tone -100..100", "fatalities<=1000"] {
        app.update(Action::OpenPrompt(PromptKind::NumRange));
        for c in text.chars() {
            app.update(Action::PromptInput(c));
        }
        app.update(Action::SubmitPrompt);
    }
    let screen = text(&render(&app, 120, 40));
    let title = screen
        .lines()
        .find(|l| l.contains("[1] Events"))
        .unwrap_or_default();
    assert!(title.contains("by fatalities ↓"), "{title}");
    assert!(title.contains(" · 3 of 6"), "{title}");
}
