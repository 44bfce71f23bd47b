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
    // Narrow, the label gives way without leaving an empty "·  ·".
    for width in [40, 44, 48, 52] {
        app.update(Action::Resize { width, height: 12 });
        let screen = text(&render(&app, width, 12));
        let title = screen
            .lines()
            .find(|l| l.contains("Events"))
            .unwrap_or_default();
        assert!(!title.contains("·  ·"), "{title}");
        assert!(title.contains("3 of 6"), "{title}");
    }
}

/// The places sample with three more numbers per event, named long enough that five sums
/// need five rows at 40 columns.
fn with_five_numbers() -> crate::timeline::Timeline {
    use crate::model::{Label, Number, Value};
    let t = sample::places();
    let events = t
        .events()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let mut attributes = e.attributes.to_list();
            for name in ["mentions_total", "sources_total", "articles_total"] {
                let n = Number::parse("-306.5465055261119").expect("a number");
                attributes.push((Label::from(name), Value::Number(n)));
            }
            e.attributes = attributes.into();
            e
        })
        .collect();
    crate::timeline::Timeline::new(events, t.actors().to_vec(), Vec::new())
}

#[test]
fn every_sum_can_be_read_whole_in_a_small_pane() {
    let t = with_five_numbers();
    let mut app = App::new(&t, "places");
    app.update(Action::Resize {
        width: 40,
        height: 14,
    });
    app.update(Action::ToggleStats);
    let screen = text(&render(&app, 40, 14));
    for sum in [
        "15 fatalities (5)",
        "-4.2 tone (3)",
        "-1839.2790331566714 articles_total (6)",
        "-1839.2790331566714 mentions_total (6)",
        "-1839.2790331566714 sources_total (6)",
    ] {
        assert!(screen.contains(sum), "{sum}:\n{screen}");
    }
    // Bars are still shown under them, and move as they should.
    assert!(line_with(&screen, "Battles").ends_with(" 3"), "{screen}");
    app.update(Action::Move(Motion::Last));
    let screen = text(&render(&app, 40, 14));
    assert!(line_with(&screen, "Explosions").ends_with(" 1"), "{screen}");
}

#[test]
fn the_bars_start_in_the_same_column_on_every_page() {
    let t = sample::places();
    let mut app = App::new(&t, "places");
    // Room for one bar: each page shows one label, of its own length.
    app.update(Action::Resize {
        width: 60,
        height: 7,
    });
    app.update(Action::ToggleStats);
    let start = |screen: &str, label: &str| {
        let line = line_with(screen, label);
        line.find('█').map(|at| line[..at].chars().count())
    };
    let first = text(&render(&app, 60, 7));
    let battles = start(&first, "Battles");
    assert!(battles.is_some(), "{first}");
    app.update(Action::Move(Motion::Last));
    let last = text(&render(&app, 60, 7));
    assert_eq!(start(&last, "Explosions"), battles, "{first}\n{last}");
}
