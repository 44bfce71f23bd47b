//! The stats pane: the events shown counted per type, actor, country or month as bars, with
//! the sums of their numeric attributes above. It draws what `app::stats` counted when the view
//! changed, a screenful of bars at a time.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::help::popup_block;
use super::safe_text::{fit, truncate};
use super::{render_row, render_scrollbar, theme};
use crate::app::{visible_offset, App, Facet};
use crate::text::count;

/// The widest the label column gets.
const LABEL_MAX: usize = 48;

pub fn render(app: &App, frame: &mut Frame, rect: Rect) {
    let Some(pane) = app.stats_pane() else {
        return;
    };
    let stats = &pane.stats;
    frame.render_widget(Clear, rect);
    let mut title = format!(
        " Stats · {} · Tab facet · Enter filters ",
        count(stats.events, "event", "events")
    );
    let without = stats.without(pane.facet);
    if without > 0 {
        title = format!(
            " Stats · {} ({without} {}) · Tab facet · Enter filters ",
            count(stats.events, "event", "events"),
            match pane.facet {
                Facet::Type => "without a type",
                Facet::Actor => "without an actor",
                Facet::Country => "without a country",
                // Known only to the year, or spanning months: in no month's bar, and not
                // kept by a month's filter either.
                Facet::Month => "not within one month",
            }
        );
    }
    let block = popup_block(&truncate(&title, usize::from(rect.width.saturating_sub(2))));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    // The facets, the one shown lit.
    let mut tabs = Vec::new();
    for facet in Facet::ALL {
        let style = if facet == pane.facet {
            theme::SELECTED
        } else {
            theme::DIM
        };
        tabs.push(Span::styled(format!(" {} ", facet.name()), style));
        tabs.push(Span::raw(" "));
    }
    render_row(frame, inner, 0, Line::from(tabs));
    // The sums, each whole on a line, on as many rows as leave three to the bars.
    let lines = stats.sum_lines(w);
    let sum_rows = stats.sum_rows(w, usize::from(inner.height));
    let header_rows = 1 + sum_rows;
    for (row, line) in lines.iter().take(sum_rows).enumerate() {
        let mut text = line.clone();
        if row + 1 == sum_rows && lines.len() > sum_rows {
            text = format!("{}…", truncate(&text, w.saturating_sub(1)));
        }
        render_row(
            frame,
            inner,
            row + 1,
            Line::styled(fit(&text, w), theme::COUNT),
        );
    }
    let bars = stats.bars(pane.facet);
    let height = usize::from(inner.height).saturating_sub(header_rows);
    if bars.is_empty() {
        let note = format!("No {} in the events shown.", pane.facet.name());
        render_row(
            frame,
            inner,
            header_rows,
            Line::styled(fit(&note, w), theme::DIM),
        );
        return;
    }
    let offset = visible_offset(pane.cursor.offset, pane.cursor.selected, height, bars.len());
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let count_width = max.to_string().len();
    // The widest label of the facet, not of the page: the bars stay put while paging.
    let label_width = stats.label_width(pane.facet).min(LABEL_MAX).min(w / 2);
    // Label, a space, the bar, a space, the count; a column for the scrollbar.
    let bar_room = w.saturating_sub(label_width + count_width + 3);
    for (row, (at, bar)) in bars
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let length = (bar.count * bar_room).div_ceil(max);
        let style = if at == pane.cursor.selected {
            theme::SELECTED
        } else {
            ratatui::style::Style::new()
        };
        let line = Line::from(vec![
            Span::styled(fit(&bar.label, label_width), style),
            Span::raw(" "),
            Span::styled("█".repeat(length), theme::STRIP_EXACT),
            Span::raw(" ".repeat(bar_room - length + 1)),
            Span::styled(format!("{:>count_width$}", bar.count), theme::COUNT),
        ]);
        render_row(frame, inner, row + header_rows, line);
    }
    let list = Rect::new(
        rect.x,
        inner.y + header_rows as u16 - 1,
        rect.width,
        (height + 2) as u16,
    );
    render_scrollbar(frame, list, bars.len(), offset, height);
}

#[cfg(test)]
pub(crate) mod tests;
