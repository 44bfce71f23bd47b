//! The status line: dataset, counts, the active filter, a note, and a hint of the main keys.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::events::filter_label;
use super::safe_text::{sanitize, truncate, width};
use super::theme;
use crate::app::{App, Mode};

pub fn render(app: &App, frame: &mut Frame, rect: Rect) {
    let total = usize::from(rect.width);
    let hint: &[(&str, &str)] = match app.mode() {
        Mode::Normal => &[
            ("?", "help"),
            ("/", "search"),
            ("s", "source"),
            ("q", "quit"),
        ],
        Mode::Search => &[("Enter", "filter"), ("↑↓", "move"), ("Esc", "cancel")],
        Mode::Help => &[("Esc", "close")],
        Mode::Citing => &[("Enter", "go to event"), ("Esc", "close")],
    };
    let mut right: Vec<Span<'static>> = Vec::new();
    for (key, what) in hint {
        right.push(Span::styled(format!(" {key}"), theme::STATUS_KEY));
        right.push(Span::styled(format!(" {what} "), theme::STATUS));
    }
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let left = match app.message() {
        Some(message) => vec![Span::styled(
            format!(" {} ", sanitize(message)),
            theme::MESSAGE,
        )],
        None => vec![Span::styled(summary(app), theme::STATUS)],
    };
    let left_width: usize = left.iter().map(|s| width(&s.content)).sum();
    let mut spans = Vec::new();
    if left_width + right_width <= total {
        spans.extend(left);
        spans.push(Span::styled(
            " ".repeat(total - left_width - right_width),
            theme::STATUS,
        ));
        spans.extend(right);
    } else {
        // Too narrow for both: the state matters more than the hint.
        for span in left {
            spans.push(Span::styled(truncate(&span.content, total), span.style));
        }
    }
    frame.render_widget(Line::from(spans).style(theme::STATUS), rect);
}

fn summary(app: &App) -> String {
    let t = app.timeline;
    let mut text = format!(
        " {} · {} events · {} actors · {} sources",
        sanitize(&app.dataset),
        t.events().len(),
        t.actors().len(),
        t.sources().len()
    );
    if !app.filter.is_empty() {
        text.push_str(&format!(
            " · filter: {} ({} shown)",
            filter_label(app, 30),
            app.view.len()
        ));
    }
    text
}
