//! The quotes pane: the selected event's quotes, each under its sentence number and (dimmed)
//! its source's title.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::{fit, styled, truncate, width as width_of};
use super::{pane_block, pane_number, render_row, render_scrollbar, theme};
use crate::app::{App, Pane};
use crate::layout::quote_lines;

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    let event = app.selected_event().map(|e| app.timeline.event(e));
    let quotes = event.map_or(&[][..], |e| &e.quotes[..]);
    let mut title = vec![Span::raw(format!("{}Quotes", pane_number(Pane::Quotes)))];
    if !quotes.is_empty() {
        let at = app.quotes.selected.min(quotes.len() - 1) + 1;
        title.push(Span::styled(
            format!(" · {at} of {}", quotes.len()),
            theme::COUNT,
        ));
    }
    let block = pane_block(title, rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    if quotes.is_empty() {
        let note = if event.is_some() {
            "This event quotes no source."
        } else {
            ""
        };
        render_row(frame, inner, 0, Line::styled(fit(note, width), theme::DIM));
        return;
    }
    // An event has a handful of quotes: building all their lines is cheap, and only the
    // visible ones are painted.
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, quote) in quotes.iter().enumerate() {
        let selected = i == app.quotes.selected;
        let source = app.timeline.source(quote.source);
        let quote_text = quote.text(source);
        let header_style = match (selected, focused) {
            (true, true) => theme::SELECTED,
            (true, false) => theme::SELECTED_UNFOCUSED,
            _ => theme::QUOTE_HEADER,
        };
        // The sentence number, then the source's title dimmed: in brackets beside the title,
        // the number read as the start of a quotation.
        let number = format!("s.{}", quote.sentence_number());
        let title = format!(" · {}", source.title);
        let mut header = vec![Span::styled(truncate(&number, width), header_style)];
        header.extend(styled(
            title
                .chars()
                .map(|c| (c, header_style.add_modifier(Modifier::DIM))),
            width.saturating_sub(width_of(&number)),
        ));
        let used: usize = header.iter().map(|s| width_of(&s.content)).sum();
        header.push(Span::styled(
            " ".repeat(width.saturating_sub(used)),
            header_style,
        ));
        lines.push(Line::from(header));
        let bar = if selected { "▌ " } else { "  " };
        // Find matches in the quote, as byte ranges of the whole quote.
        let found = app
            .find
            .as_ref()
            .map(|f| f.needle.ranges(quote_text))
            .unwrap_or_default();
        for range in quote_lines(quote_text, width) {
            let start = range.start;
            let text = quote_text.get(range).unwrap_or("");
            let mut spans = vec![Span::styled(bar, theme::MARK)];
            spans.extend(styled(
                text.char_indices().map(|(i, c)| {
                    let lit = found.iter().any(|r| r.contains(&(start + i)));
                    (c, if lit { theme::MATCH } else { theme::QUOTE_TEXT })
                }),
                width.saturating_sub(2),
            ));
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
    }
    let offset = app.quotes.offset.min(lines.len().saturating_sub(1));
    let total = lines.len();
    for (row, line) in lines.into_iter().skip(offset).take(height).enumerate() {
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, total, offset, height);
}
