//! The map pane: the world's coastlines (ratatui's own map) with the events shown as points,
//! one per dot of the screen however many events fall on it, and the selected event lit. The
//! points were binned per dot by `app::map` when the window or the view changed.

use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution, Points};
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::help::popup_block;
use super::safe_text::truncate;
use super::theme;
use crate::app::App;

/// The colour of the coastlines, behind the events.
const LAND: Color = Color::DarkGray;
/// The colour of a dot with events.
const EVENTS: Color = Color::Yellow;
/// The selected event's mark, drawn over the dots.
pub const SELECTED_MARK: &str = "◉";
const SELECTED: Color = Color::LightRed;

pub fn render(app: &App, frame: &mut Frame, rect: Rect) {
    let Some(map) = app.map_pane() else {
        return;
    };
    frame.render_widget(Clear, rect);
    let w = map.window;
    let in_window = map.grid.total();
    let title = format!(
        " Map · {} of {} events have coordinates, {in_window} in sight · lat {:.1}..{:.1}, lon {:.1}..{:.1} ",
        map.located(),
        map.events,
        w.south,
        w.north,
        w.west,
        w.east
    );
    let block = popup_block(&truncate(&title, usize::from(rect.width.saturating_sub(2))));
    // The dots with events, at the place the canvas puts back on that very dot.
    let dots: Vec<(f64, f64)> = map
        .grid
        .dots()
        .map(|(column, row, _)| map.dot_place(column, row))
        .collect();
    // The selected event's mark goes in the cell of its dot, covering it.
    let selected = app
        .selected_event()
        .and_then(|e| app.timeline.event(e).point.as_deref().copied())
        .and_then(|p| map.dot_of(p.lon, p.lat))
        .map(|dot| map.label_place(dot, (2, 4)));
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds([w.west, w.east])
        .y_bounds([w.south, w.north])
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: LAND,
            });
            ctx.layer();
            ctx.draw(&Points {
                coords: &dots,
                color: EVENTS,
            });
            if let Some((lon, lat)) = selected {
                ctx.print(
                    lon,
                    lat,
                    Span::styled(SELECTED_MARK, theme::TITLE.fg(SELECTED)),
                );
            }
        });
    frame.render_widget(canvas, rect);
}

#[cfg(test)]
mod tests;
