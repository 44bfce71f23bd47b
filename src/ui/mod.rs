//! Drawing: `draw(&App, &mut Frame)` paints the state and changes nothing. One module per pane;
//! this one lays them out and holds the helpers they share.

mod actors;
pub mod detail;
mod events;
pub mod form;
mod help;
mod map;
mod picker;
mod quotes;
pub mod safe_text;
pub mod source;
pub(crate) mod stats;
mod status;
mod strip;
pub mod theme;
pub mod triage;

use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use crate::app::{App, Overlay, Pane};
use crate::layout::{self, Screen};

/// Shown instead of the panes when nothing useful fits.
pub const TOO_SMALL: &str = "terminal too small";

/// Paints the whole screen for `app`.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let screen = layout::compute(area, app.source.is_some(), app.focus);
    let Screen::Panes {
        visible,
        status,
        strip,
        ..
    } = screen
    else {
        draw_too_small(frame, area);
        return;
    };
    for (pane, rect) in visible {
        let focused = pane == app.focus;
        match pane {
            Pane::Events => events::render(app, frame, rect, focused),
            Pane::Actors => actors::render(app, frame, rect, focused),
            Pane::Quotes => quotes::render(app, frame, rect, focused),
            Pane::Detail => detail::render(app, frame, rect, focused),
            Pane::Source => source::render(app, frame, rect, focused),
        }
    }
    if let Some(strip) = strip {
        strip::render(app, frame, strip);
    }
    if app.stats_pane().is_some() {
        stats::render(app, frame, app.over_panes());
    }
    if app.map_pane().is_some() {
        map::render(app, frame, app.over_panes());
    }
    status::render(app, frame, status);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render_help(frame, area, *scroll),
        Overlay::Citing(popup) => help::render_citing(app, frame, area, popup),
        Overlay::Problems { first } => help::render_problems(app, frame, area, *first),
    }
    if let Some(picker) = &app.picker {
        picker::render(frame, area, picker);
    }
    if let Some(adding) = app.adding() {
        form::render(frame, area, &adding.form);
    }
}

/// `text` made safe and fitted to exactly `columns`, the bytes in `ranges` (find matches)
/// drawn in `lit` over `base`.
fn highlighted(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    base: ratatui::style::Style,
    lit: ratatui::style::Style,
    columns: usize,
) -> Vec<Span<'static>> {
    let chars = text.char_indices().map(|(i, c)| {
        let style = if ranges.iter().any(|r| r.contains(&i)) {
            lit
        } else {
            base
        };
        (c, style)
    });
    let mut spans = safe_text::styled(chars, columns);
    let used: usize = spans.iter().map(|s| safe_text::width(&s.content)).sum();
    if used < columns {
        spans.push(Span::styled(" ".repeat(columns - used), base));
    }
    spans
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = safe_text::truncate(TOO_SMALL, usize::from(area.width));
    let y = area.y + area.height / 2;
    let row = Rect::new(area.x, y, area.width, 1.min(area.height));
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme::TOO_SMALL)).centered(),
        row,
    );
}

/// The bordered block of a pane, its border thick and coloured when focused. The title is
/// fitted to the border so a long filter label never overwrites the corners.
fn pane_block(title: Vec<Span<'static>>, rect: Rect, focused: bool) -> Block<'static> {
    // A space either side of the title, inside the corners: the one after it too when the
    // title fills its room, or it runs into the border.
    let room = title_room(rect);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 0;
    for span in title {
        let w = safe_text::width(&span.content);
        if used + w > room {
            let rest = safe_text::truncate(&span.content, room - used);
            spans.push(Span::styled(rest, span.style));
            break;
        }
        used += w;
        spans.push(span);
    }
    if room > 0 {
        spans.push(Span::raw(" "));
    }
    let (style, kind) = if focused {
        (theme::FOCUSED_BORDER, theme::FOCUSED_BORDER_TYPE)
    } else {
        (theme::BORDER, theme::BORDER_TYPE)
    };
    Block::bordered()
        .border_style(style)
        .border_type(kind)
        .title(Line::from(spans).style(theme::TITLE))
}

/// The columns a pane's title has in `pane_block`: the border's, less its corners and a
/// space either side.
fn title_room(rect: Rect) -> usize {
    usize::from(rect.width.saturating_sub(5))
}

/// A vertical scrollbar on the right border of `rect`, when the content does not fit.
fn render_scrollbar(frame: &mut Frame, rect: Rect, len: usize, offset: usize, height: usize) {
    if len <= height || rect.height < 3 {
        return;
    }
    // The thumb tracks the first shown row against the positions it can take.
    let mut state = ScrollbarState::new(len.saturating_sub(height) + 1)
        .position(offset)
        .viewport_content_length(height);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    let area = rect.inner(Margin {
        vertical: 1,
        horizontal: 0,
    });
    frame.render_stateful_widget(bar, area, &mut state);
}

/// One row of text at line `row` inside `inner`.
fn render_row(frame: &mut Frame, inner: Rect, row: usize, line: Line<'static>) {
    let Ok(row) = u16::try_from(row) else {
        return;
    };
    if row >= inner.height {
        return;
    }
    let area = Rect::new(inner.x, inner.y + row, inner.width, 1);
    frame.render_widget(line, area);
}

/// The pane number shown in titles, so that `1`..`4` are discoverable.
fn pane_number(pane: Pane) -> &'static str {
    match pane {
        Pane::Events => "[1] ",
        Pane::Actors => "[2] ",
        Pane::Quotes => "[3] ",
        Pane::Detail => "[4] ",
        Pane::Source => "",
    }
}

#[cfg(test)]
mod tests;
