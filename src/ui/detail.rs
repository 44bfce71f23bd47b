//! The detail pane: everything about the selected event, wrapped to the pane (which text goes on
//! which row is `layout::detail`'s; this styles and paints the rows on screen).

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::{fit, styled, truncate};
use super::{pane_block, pane_number, render_row, render_scrollbar, theme};
use crate::app::{App, Pane};
use crate::layout::detail::{Detail, Row};

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    // From the actors pane on, the actor selected there: there is no other place for what
    // actors.json says of it (its affiliation, aliases, description). `App` says when.
    let actor = app.actor_detail();
    let mut title = vec![Span::raw(format!("{}Detail", pane_number(Pane::Detail)))];
    if actor.is_some() {
        title.push(Span::styled(" · actor", theme::COUNT));
    }
    let block = pane_block(title, rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (detail, scroll) = match (actor, app.selected_event()) {
        (Some(shown), _) => (Detail::of_actor(app.timeline, shown.actor), shown.scroll),
        (None, Some(event)) => (
            Detail::of(app.timeline, app.timeline.event(event)),
            app.detail_scroll,
        ),
        (None, None) => return,
    };
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let rows = detail.rows(width);
    let total = rows.len();
    let offset = scroll.min(total.saturating_sub(height));
    let needle = app.find.as_ref().map(|f| &f.needle);
    let found = |text: &str| needle.map(|n| n.ranges(text)).unwrap_or_default();
    let title_found = found(&detail.title);
    let summary_found = detail.summary.map(found).unwrap_or_default();
    let room = width.max(1);
    for (at, row) in rows.iter().skip(offset).take(height).enumerate() {
        let line = match row {
            Row::Title(range) => lit(&detail.title, range, theme::TITLE, &title_found, room),
            Row::Summary(range) => lit(
                detail.summary.unwrap_or(""),
                range,
                Style::new(),
                &summary_found,
                room,
            ),
            Row::Blank => Line::raw(""),
            Row::Label(field) => {
                let label = detail.fields[*field].0;
                Line::styled(truncate(label, width), theme::LABEL)
            }
            Row::Value {
                field,
                text,
                indent,
                labelled,
            } => {
                let (label, value) = &detail.fields[*field];
                let first = if *labelled {
                    // Attribute names come from data: make them safe, and keep the value
                    // column aligned.
                    Span::styled(fit(&truncate(label, indent - 1), *indent), theme::LABEL)
                } else {
                    Span::raw(" ".repeat(*indent))
                };
                let piece = value.get(text.clone()).unwrap_or("");
                let room = width.saturating_sub(*indent).max(1);
                let mut spans = vec![first];
                spans.extend(styled(piece.chars().map(|c| (c, Style::new())), room));
                Line::from(spans)
            }
        };
        render_row(frame, inner, at, line);
    }
    render_scrollbar(frame, rect, total, offset, height);
}

/// Bytes `range` of `text`, the bytes in `found` (find matches) lit.
fn lit(
    text: &str,
    range: &Range<usize>,
    style: Style,
    found: &[Range<usize>],
    room: usize,
) -> Line<'static> {
    let start = range.start;
    let piece = text.get(range.clone()).unwrap_or("");
    let chars = piece.char_indices().map(|(i, c)| {
        let lit = found.iter().any(|r| r.contains(&(start + i)));
        (
            c,
            if lit {
                style.patch(theme::MATCH)
            } else {
                style
            },
        )
    });
    let mut spans = vec![Span::raw("")];
    spans.extend(styled(chars, room));
    Line::from(spans)
}
