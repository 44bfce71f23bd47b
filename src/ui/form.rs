//! The event form, drawn over the screen: each field on its line with a caret in the one with
//! focus, why a field is not valid under it as it is typed, the known actors matching the id
//! being typed, a refused write, and the keys.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::help::{centered, popup_block};
use super::render_row;
use super::safe_text::{truncate, width};
use super::status::{fit_around_caret, hint_spans};
use super::theme;
use crate::app::form::{EventForm, FormField};
use crate::keymap::form::HINT;

/// Columns of the labels, before the fields.
const LABEL: usize = 8;

/// Draws `form` in a box centred in `area`.
pub fn render(frame: &mut Frame, area: Rect, form: &EventForm) {
    let rect = centered(area, 96, 13);
    frame.render_widget(Clear, rect);
    let block = popup_block(&format!(" {} ", form.heading));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = usize::from(inner.width);
    let field_room = room.saturating_sub(LABEL + 1);
    let mut row = 0;
    for field in FormField::ALL {
        let focused = form.focus() == field;
        let label_style = if focused { theme::PROMPT } else { theme::LABEL };
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(
                format!("{:<width$}", field.label(), width = LABEL - 1),
                label_style,
            ),
        ];
        let text = form.field(field);
        if focused {
            let (before, after) = fit_around_caret(text.split(), field_room.saturating_sub(1));
            spans.push(Span::raw(before));
            spans.push(Span::styled("▏", theme::PROMPT));
            spans.push(Span::raw(after));
        } else {
            spans.push(Span::raw(truncate(text.as_str(), field_room)));
        }
        render_row(frame, inner, row, Line::from(spans));
        row += 1;
        // Under the field: why it is not valid, else (for the actors) the matches.
        let below = match form.error(field) {
            Some(error) => Some(Span::styled(
                truncate(error, field_room),
                theme::PROMPT_ERROR,
            )),
            None if focused && field == FormField::Actors => {
                let found: Vec<String> = form
                    .suggestions(6)
                    .iter()
                    .map(|a| format!("{} ({})", a.id, a.name))
                    .collect();
                (!found.is_empty())
                    .then(|| Span::styled(truncate(&found.join(" · "), field_room), theme::DIM))
            }
            None if field == FormField::Type => Some(Span::styled(
                "optional: call, statement, sanctions…",
                theme::DIM,
            )),
            None => None,
        };
        if let Some(below) = below {
            let line = Line::from(vec![Span::raw(" ".repeat(LABEL + 1)), below]);
            render_row(frame, inner, row, line);
        }
        row += 1;
    }
    if let Some(refusal) = &form.refusal {
        let line = Line::styled(truncate(&format!(" {refusal}"), room), theme::PROMPT_ERROR);
        render_row(frame, inner, row, line);
    }
    row += 1;
    let hint = hint_spans(HINT);
    if hint.iter().map(|s| width(&s.content)).sum::<usize>() <= room {
        render_row(frame, inner, row + 1, Line::from(hint));
    }
}
