//! The density strip: events per bucket over the view as bars of block characters, rough
//! dates distinct from exact ones, and the selected event's bucket marked.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::theme;
use crate::app::density::Count;
use crate::app::App;

/// Eighths of a cell, from empty to full.
const BLOCKS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
/// Rows of bars; each row holds eight levels.
const BAR_ROWS: u16 = 2;

pub fn render(app: &App, frame: &mut Frame, rect: Rect) {
    if rect.height < BAR_ROWS + 1 || rect.width == 0 {
        return;
    }
    let density = app.density();
    let axis_rect = Rect::new(rect.x, rect.y + BAR_ROWS, rect.width, 1);
    if density.counts.is_empty() {
        let note = Span::styled(" no events to count", theme::DIM);
        frame.render_widget(Line::from(note), axis_rect);
        return;
    }
    let (cols, shown) = app.strip_geometry();
    let first = app.strip_offset.min(density.counts.len() - 1);
    let last = (first + shown).min(density.counts.len());
    let selected = app.selected_bucket();
    let bar_width = if cols > 1 { cols - 1 } else { 1 };
    let levels = u32::from(BAR_ROWS) * 8;
    let buf = frame.buffer_mut();
    for (i, bucket) in (first..last).enumerate() {
        let (exact, total) = heights(density.counts[bucket], density.max, levels);
        let lit = selected == Some(bucket);
        for row in 0..BAR_ROWS {
            // Row 0 is the top; its cells start at level 8.
            let base = u32::from(BAR_ROWS - 1 - row) * 8;
            let (symbol, mut style) = cell(
                exact.saturating_sub(base).min(8),
                total.saturating_sub(base).min(8),
            );
            if lit {
                style = style.bg(theme::STRIP_SELECTED_BG);
            }
            for c in 0..bar_width {
                let x = rect.x + (i * cols + c) as u16;
                if x < rect.right() {
                    buf[(x, rect.y + row)].set_symbol(symbol).set_style(style);
                }
            }
        }
    }
    frame.render_widget(
        axis(app, usize::from(rect.width), first, last, cols),
        axis_rect,
    );
}

/// Bar heights in levels (eighths of a row) for exact events and for all: every non-empty
/// bucket shows, and so does any rough part, however small.
fn heights(count: Count, max: u32, levels: u32) -> (u32, u32) {
    let total = count.total();
    if total == 0 || max == 0 {
        return (0, 0);
    }
    let scale = |n: u32| (n * levels + max / 2) / max;
    let mut all = scale(total).max(1);
    let mut exact = if count.exact == 0 {
        0
    } else {
        scale(count.exact).clamp(1, all)
    };
    if count.rough > 0 && exact == all {
        if all < levels {
            all += 1;
        } else {
            exact -= 1;
        }
    }
    (exact, all)
}

/// One cell of a bar, given how many eighths of it are exact events and how many are events
/// at all. A cell holds one colour and the empty space above it, so a cell holding both kinds
/// is drawn as a full exact block on a rough background when full, else as the larger kind.
fn cell(exact: u32, total: u32) -> (&'static str, Style) {
    let block = |n: u32| BLOCKS[n.min(8) as usize];
    match (exact, total) {
        (_, 0) => (" ", Style::new()),
        (e, t) if e == t => (block(t), theme::STRIP_EXACT),
        (0, 8) => (theme::STRIP_ROUGH_FULL, theme::STRIP_ROUGH),
        (0, t) => (block(t), theme::STRIP_ROUGH),
        (e, 8) => (
            block(e),
            theme::STRIP_EXACT.bg(theme::STRIP_ROUGH.fg.unwrap_or_default()),
        ),
        (e, t) if t - e > e => (block(t), theme::STRIP_ROUGH),
        (_, t) => (block(t), theme::STRIP_EXACT),
    }
}

/// The label row: the first and last buckets shown (arrows when more lie beyond), and under
/// the selected bucket a ▲ with its label and counts.
fn axis(app: &App, width: usize, first: usize, last: usize, cols: usize) -> Line<'static> {
    let density = app.density();
    let mut cells: Vec<(char, Style)> = vec![(' ', theme::STRIP_AXIS); width];
    let put = |cells: &mut Vec<(char, Style)>, at: usize, text: &str, style: Style| {
        for (i, c) in text.chars().enumerate() {
            if let Some(cell) = cells.get_mut(at + i) {
                *cell = (c, style);
            }
        }
    };
    let left = format!(
        "{}{}",
        if first > 0 { "◀ " } else { "" },
        density.label(app.timeline, first)
    );
    let right = format!(
        "{}{}",
        density.label(app.timeline, last - 1),
        if last < density.counts.len() {
            " ▶"
        } else {
            ""
        }
    );
    // The selected bucket's description first; the end labels only where they fit beside it.
    let mut taken = width..width;
    let selected = app.selected_bucket().filter(|b| (first..last).contains(b));
    if let Some(bucket) = selected {
        let count = density.counts[bucket];
        let mut about = format!(
            "{}: {}",
            density.label(app.timeline, bucket),
            crate::text::count(count.total() as usize, "event", "events")
        );
        if count.rough > 0 {
            about.push_str(&format!(" ({} rough)", count.rough));
        }
        let at = (bucket - first) * cols;
        let text_len = about.chars().count() + 2;
        let (start, text) = if at + text_len <= width {
            (at, format!("▲ {about}"))
        } else {
            ((at + 1).saturating_sub(text_len), format!("{about} ▲"))
        };
        put(&mut cells, start, &text, theme::STRIP_MARKER);
        taken = start..start + text.chars().count();
    }
    let left_len = left.chars().count();
    if left_len < taken.start || taken.start == width {
        put(&mut cells, 0, &left, theme::STRIP_AXIS);
    }
    let right_len = right.chars().count();
    let right_at = width.saturating_sub(right_len);
    let left_end = if taken.start == width {
        left_len
    } else {
        taken.end
    };
    // The last bucket selected: its description already names it.
    let right_repeats = selected == Some(last.saturating_sub(1));
    if right_at > left_end && right_at > taken.end && !right_repeats {
        put(&mut cells, right_at, &right, theme::STRIP_AXIS);
    }
    let spans: Vec<Span<'static>> = cells
        .into_iter()
        .map(|(c, style)| Span::styled(c.to_string(), style))
        .collect();
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_empty_bucket_and_every_rough_part_shows() {
        let c = |exact, rough| Count { exact, rough };
        assert_eq!(heights(c(0, 0), 10, 16), (0, 0));
        assert_eq!(heights(c(1, 0), 100, 16), (1, 1));
        assert_eq!(heights(c(10, 0), 10, 16), (16, 16));
        assert_eq!(heights(c(99, 1), 100, 16), (15, 16));
        assert_eq!(heights(c(0, 3), 3, 16), (0, 16));
        let (e, t) = heights(c(5, 5), 10, 16);
        assert!(e < t && e > 0, "{e} {t}");
    }

    #[test]
    fn cells_tell_rough_from_exact() {
        assert_eq!(cell(8, 8), ("█", theme::STRIP_EXACT));
        assert_eq!(cell(0, 8), ("▒", theme::STRIP_ROUGH));
        assert_eq!(cell(0, 3), ("▃", theme::STRIP_ROUGH));
        assert_eq!(cell(0, 0).0, " ");
        let (symbol, style) = cell(5, 8);
        assert_eq!(symbol, "▅");
        assert_eq!(style.bg, theme::STRIP_ROUGH.fg);
    }
}
