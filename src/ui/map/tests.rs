//! The map pane drawn through ratatui's `TestBackend`: the events are dots of their colour and
//! the selected one is lit.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

use crate::app::{Action, App};
use crate::sample;
use crate::ui::stats::tests::render;
use crate::ui::tests::text;

/// Cells drawn as event dots: braille in the events' colour.
fn event_dots(buffer: &Buffer) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let braille = cell
                .symbol()
                .chars()
                .next()
                .is_some_and(|c| ('\u{2801}'..='\u{28FF}').contains(&c));
            if braille && cell.fg == Color::Yellow {
                out.push((x, y));
            }
        }
    }
    out
}

fn selected_marks(buffer: &Buffer) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            if buffer[(x, y)].symbol() == super::SELECTED_MARK {
                out.push((x, y));
            }
        }
    }
    out
}

#[test]
fn the_map_shows_the_events_with_points_and_lights_the_selected_one() {
    let t = sample::places();
    let mut app = App::new(&t, "places");
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app.update(Action::ToggleMap);
    let buffer = render(&app, 100, 30);
    let screen = text(&buffer);
    assert!(
        screen.contains("4 of 6 events have coordinates, 4 in sight"),
        "{screen}"
    );
    // Four events with points: the selected one (Donetsk) lit, three as dots.
    let marks = selected_marks(&buffer);
    assert_eq!(marks.len(), 1, "{screen}");
    let dots = event_dots(&buffer);
    assert_eq!(dots.len(), 3, "{dots:?}\n{screen}");
    // Donetsk is the easternmost and southernmost: right of and below every other point.
    let (mx, my) = marks[0];
    assert!(
        dots.iter().all(|(x, y)| *x < mx && *y < my),
        "{marks:?} {dots:?}\n{screen}"
    );
    // Kyiv is the westernmost.
    let west = dots.iter().map(|(x, _)| *x).min().unwrap_or(0);
    assert!(west < 15, "{dots:?}");
    // Zoomed in on Kharkiv alone, the selected event is out of sight and not drawn.
    app.update(Action::ZoomMap(true));
    let buffer = render(&app, 100, 30);
    assert_eq!(event_dots(&buffer).len(), 1);
    assert!(selected_marks(&buffer).is_empty());
    assert!(text(&buffer).contains("4 of 6 events have coordinates, 1 in sight"));
}

#[test]
fn the_map_fits_any_size_without_panicking() {
    let t = sample::places();
    let mut app = App::new(&t, "places");
    app.update(Action::ToggleMap);
    for (w, h) in [(1, 1), (10, 4), (20, 6), (40, 8), (80, 24), (200, 60)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        render(&app, w, h);
    }
}
