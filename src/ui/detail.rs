//! The detail pane: everything about the selected event, wrapped to the pane.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::styled;
use super::wrap::wrap;
use super::{pane_block, pane_number, render_row, render_scrollbar, theme};
use crate::app::find::Needle;
use crate::app::{App, Pane};
use crate::model::Event;
use crate::timeline::Timeline;

/// Width of the label column ("Location  ").
const LABEL_WIDTH: usize = 10;

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    let title = vec![Span::raw(format!("{}Detail", pane_number(Pane::Detail)))];
    let block = pane_block(title, rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let Some(event) = app.selected_event().map(|e| app.timeline.event(e)) else {
        return;
    };
    let height = usize::from(inner.height);
    let needle = app.find.as_ref().map(|f| &f.needle);
    let lines = lines_finding(app.timeline, event, usize::from(inner.width), needle);
    let total = lines.len();
    let offset = app.detail_scroll.min(total.saturating_sub(height));
    for (row, line) in lines.into_iter().skip(offset).take(height).enumerate() {
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, total, offset, height);
}

/// The detail of `event` as lines at most `width` columns wide. `App::update` counts them to
/// limit scrolling, so this is the single definition of the pane's content.
pub fn lines(timeline: &Timeline, event: &Event, width: usize) -> Vec<Line<'static>> {
    lines_finding(timeline, event, width, None)
}

/// The same lines, with the find's matches in the title and summary lit.
fn lines_finding(
    timeline: &Timeline,
    event: &Event,
    width: usize,
    needle: Option<&Needle>,
) -> Vec<Line<'static>> {
    let found = |text: &str| needle.map(|n| n.ranges(text)).unwrap_or_default();
    let mut out = Vec::new();
    push_lit(
        &mut out,
        &event.title,
        width,
        theme::TITLE,
        &found(&event.title),
    );
    let date = format!("{}   (EDTF {})", event.date, event.date.edtf());
    labelled(&mut out, "Date", &date, width);
    // When the event was reported, by each source that says: another time than the event's.
    for (n, (published, source)) in timeline.reported_in(event).into_iter().enumerate() {
        let label = if n == 0 { "Reported" } else { "" };
        labelled(
            &mut out,
            label,
            &format!("{published} · {}", source.title),
            width,
        );
    }
    if let Some(kind) = &event.kind {
        labelled(&mut out, "Type", kind, width);
    }
    if let Some(location) = &event.location {
        labelled(&mut out, "Location", location, width);
    }
    let actors: Vec<&str> = event
        .actors
        .iter()
        .map(|a| timeline.actor(*a).name.as_str())
        .collect();
    labelled(&mut out, "Actors", &actors.join(", "), width);
    if !event.tags.is_empty() {
        labelled(&mut out, "Tags", &event.tags.join(", "), width);
    }
    labelled(&mut out, "Quotes", &event.quotes.len().to_string(), width);
    labelled(&mut out, "Id", &event.id, width);
    for (name, value) in &event.attributes {
        labelled(&mut out, name, value, width);
    }
    if let Some(summary) = &event.summary {
        out.push(Line::raw(""));
        push_lit(&mut out, summary, width, Style::new(), &found(summary));
    }
    out
}

/// "Label     value", the value wrapped under itself; on narrow panes the label stands alone.
fn labelled(out: &mut Vec<Line<'static>>, label: &str, value: &str, width: usize) {
    if width < LABEL_WIDTH * 3 {
        // An empty label continues the one above (a second source's date): no line for it.
        if !label.is_empty() {
            out.push(Line::styled(
                super::safe_text::truncate(label, width),
                theme::LABEL,
            ));
        }
        push_wrapped(out, value, width, 0, Style::new());
        return;
    }
    let start = out.len();
    push_wrapped(out, value, width, LABEL_WIDTH, Style::new());
    if let Some(first) = out.get_mut(start) {
        // Attribute names come from data: make them safe, and keep the value column aligned.
        let padded = super::safe_text::fit(
            &super::safe_text::truncate(label, LABEL_WIDTH - 1),
            LABEL_WIDTH,
        );
        if let Some(indent) = first.spans.first_mut() {
            *indent = Span::styled(padded, theme::LABEL);
        }
    }
}

/// `text` wrapped to `width`, the bytes in `found` (find matches) lit.
fn push_lit(
    out: &mut Vec<Line<'static>>,
    text: &str,
    width: usize,
    style: Style,
    found: &[Range<usize>],
) {
    let room = width.max(1);
    for range in wrap(text, room) {
        let start = range.start;
        let piece = text.get(range).unwrap_or("");
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
        out.push(Line::from(spans));
    }
}

/// `text` wrapped to `width` less `indent`, each line indented.
fn push_wrapped(
    out: &mut Vec<Line<'static>>,
    text: &str,
    width: usize,
    indent: usize,
    style: Style,
) {
    let room = width.saturating_sub(indent).max(1);
    // Wrap the raw text so that newlines break lines; `styled` then makes each piece safe.
    for range in wrap(text, room) {
        let piece = text.get(range).unwrap_or("");
        let mut spans = vec![Span::raw(" ".repeat(indent))];
        spans.extend(styled(piece.chars().map(|c| (c, style)), room));
        out.push(Line::from(spans));
    }
}
