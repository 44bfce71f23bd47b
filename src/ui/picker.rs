//! The fuzzy picker popup: a query line and the matching choices, matched characters lit.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;

use super::safe_text::{fit, styled, width};
use super::{render_row, render_scrollbar, theme};
use crate::app::prompt::PICKER_ROWS;
use crate::app::{visible_offset, Picker};

pub fn render(frame: &mut Frame, area: Rect, picker: &Picker) {
    let rows = picker.matches.len().clamp(1, PICKER_ROWS) as u16;
    let w = 60.min(area.width);
    let h = (rows + 3).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(theme::FOCUSED_BORDER_TYPE)
        .border_style(theme::FOCUSED_BORDER)
        .title(Line::styled(picker.kind.title(), theme::TITLE));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let inner_width = usize::from(inner.width);
    let mut query = vec![Span::styled("> ", theme::PROMPT)];
    query.extend(styled(
        picker.query.as_str().chars().map(|c| (c, Style::new())),
        inner_width.saturating_sub(3),
    ));
    query.push(Span::styled("▏", theme::PROMPT));
    render_row(frame, inner, 0, Line::from(query));
    if inner.height < 2 {
        return;
    }
    let list = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let height = usize::from(list.height);
    if picker.matches.is_empty() {
        render_row(
            frame,
            list,
            0,
            Line::styled(fit("Nothing matches.", inner_width), theme::DIM),
        );
        return;
    }
    let offset = visible_offset(
        picker.cursor.offset,
        picker.cursor.selected,
        height,
        picker.matches.len(),
    );
    for (row, (at, m)) in picker
        .matches
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let Some(item) = picker.items.get(m.item) else {
            continue;
        };
        let row_style = if at == picker.cursor.selected {
            theme::SELECTED
        } else {
            Style::new()
        };
        let count = item.count.map(|n| format!(" {n}")).unwrap_or_default();
        let room = inner_width.saturating_sub(width(&count) + 1);
        let mut spans = vec![Span::styled(" ", row_style)];
        let label = styled(
            item.label.chars().enumerate().map(|(i, c)| {
                let style = if m.indices.contains(&i) {
                    theme::MATCH.patch(row_style)
                } else {
                    row_style
                };
                (c, style)
            }),
            room,
        );
        let used: usize = label.iter().map(|s| width(&s.content)).sum();
        spans.extend(label);
        spans.push(Span::styled(
            " ".repeat(room.saturating_sub(used)),
            row_style,
        ));
        spans.push(Span::styled(count, theme::COUNT.patch(row_style)));
        render_row(frame, list, row, Line::from(spans).style(row_style));
    }
    render_scrollbar(frame, rect, picker.matches.len(), offset, height);
}
