//! Things drawn on top of the panes: the key help, the list of events citing a sentence, and
//! the problems of a failed reload.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;

use super::safe_text::{fit, truncate};
use super::{render_row, render_scrollbar, theme};
use crate::app::{visible_offset, App, CitingPopup};
use crate::keymap::help;
use crate::text::wrap::wrap;

/// A box of at most `width` x `height` centred in `area`.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

pub(super) fn popup_block(title: &str) -> Block<'static> {
    Block::bordered()
        .border_type(theme::FOCUSED_BORDER_TYPE)
        .border_style(theme::FOCUSED_BORDER)
        .title(Line::styled(title.to_string(), theme::TITLE))
}

pub fn render_help(frame: &mut Frame, area: Rect, scroll: usize) {
    let rows = help();
    let rect = centered(area, 84, rows.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = popup_block(" Keys · Esc or ? closes ");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let keys_width = 24.min(width / 3);
    let where_width = 11.min(width / 5);
    let what_width = width.saturating_sub(keys_width + where_width + 2);
    let offset = scroll.min(rows.len().saturating_sub(height));
    for (row, help) in rows.iter().skip(offset).take(height).enumerate() {
        let line = Line::from(vec![
            Span::styled(
                fit(&help.keys, keys_width),
                theme::STATUS_KEY.bg(ratatui::style::Color::Reset),
            ),
            Span::raw(" "),
            Span::styled(fit(help.place, where_width), theme::DIM),
            Span::raw(" "),
            Span::raw(fit(help.what, what_width)),
        ]);
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, rows.len(), offset, height);
}

pub fn render_citing(app: &App, frame: &mut Frame, area: Rect, popup: &CitingPopup) {
    let rows = popup.events.len().min(10) as u16;
    let rect = centered(area, 72, rows + 2);
    frame.render_widget(Clear, rect);
    let title = format!(
        " Cited by · sentence {} · Enter goes there ",
        popup.sentence + 1
    );
    let block = popup_block(&title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let offset = visible_offset(
        popup.cursor.offset,
        popup.cursor.selected,
        height,
        popup.events.len(),
    );
    let date_width = app.date_width.min(width);
    for (row, (at, ix)) in popup
        .events
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let event = app.timeline.event(*ix);
        let selected = at == popup.cursor.selected;
        let row_style = if selected {
            theme::SELECTED
        } else {
            Default::default()
        };
        let line = Line::from(vec![
            Span::styled(
                fit(&event.date.to_string(), date_width),
                theme::DATE.patch(row_style),
            ),
            Span::raw(" "),
            Span::raw(fit(&event.title, width.saturating_sub(date_width + 1))),
        ])
        .style(row_style);
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, popup.events.len(), offset, height);
}

/// The problems of the last failed reload, each wrapped in full (the status line cuts them),
/// from problem `first` on, in a box as tall as they need.
/// The problems of the last failed reload, or with none the notes of the load, in full.
pub fn render_problems(app: &App, frame: &mut Frame, area: Rect, first: usize) {
    let problems = app.reload_problems();
    let notes = app.notes();
    let (len, title) = if problems.is_empty() {
        let count = crate::text::count(notes.len(), "note", "notes");
        (notes.len(), format!(" The load's {count} · Esc closes "))
    } else {
        let count = crate::text::count(problems.len(), "problem", "problems");
        (
            problems.len(),
            format!(" Not reloaded · {count} · Esc closes "),
        )
    };
    // Notes are written out only as far as the box shows them.
    let told = |at: usize| -> String {
        match problems.get(at) {
            Some(problem) => problem.clone(),
            None => notes.get(at).map(ToString::to_string).unwrap_or_default(),
        }
    };
    let width = usize::from(area.width.min(100)).saturating_sub(2);
    let most = usize::from(area.height.saturating_sub(4)).max(1);
    // The rows of the problems that fit, a blank one between two; a problem taller than the
    // box is cut rather than hidden.
    let mut rows: Vec<String> = Vec::new();
    let mut shown = 0;
    for problem in (first..len).map(told) {
        let mut these: Vec<String> = Vec::new();
        if !rows.is_empty() {
            these.push(String::new());
        }
        for line in problem.lines() {
            these.extend(
                wrap(line, width)
                    .into_iter()
                    .map(|range| truncate(line.get(range).unwrap_or(""), width)),
            );
        }
        if rows.len() + these.len() > most && shown > 0 {
            break;
        }
        rows.extend(these);
        shown += 1;
    }
    rows.truncate(most);
    let rect = centered(area, width as u16 + 2, rows.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = popup_block(&title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    for (row, text) in rows.into_iter().enumerate() {
        render_row(frame, inner, row, Line::raw(text));
    }
    render_scrollbar(frame, rect, len, first, shown);
}
