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
use crate::keymap::form::hint;

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
        // Under the field: why it is not valid, and for the actors the known ones matching
        // the id being typed.
        let mut below: Vec<Span<'static>> = Vec::new();
        if let Some(error) = form.error(field) {
            below.push(Span::styled(error.to_string(), theme::PROMPT_ERROR));
        }
        if focused && field == FormField::Actors {
            let found: Vec<String> = form
                .suggestions(6)
                .iter()
                .map(|a| format!("{} ({})", a.id, a.name))
                .collect();
            if !found.is_empty() {
                let gap = if below.is_empty() { "" } else { " · " };
                below.push(Span::styled(
                    format!("{gap}known: {}", found.join(", ")),
                    theme::DIM,
                ));
            }
        }
        if field == FormField::Type && below.is_empty() {
            below.push(Span::styled(
                "optional: call, statement, sanctions…",
                theme::DIM,
            ));
        }
        let below = (!below.is_empty()).then(|| {
            let chars = below
                .iter()
                .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
                .collect::<Vec<_>>();
            super::safe_text::styled(chars, field_room)
        });
        if let Some(below) = below {
            let mut spans = vec![Span::raw(" ".repeat(LABEL))];
            spans.extend(below);
            render_row(frame, inner, row, Line::from(spans));
        }
        row += 1;
    }
    if let Some(refusal) = &form.refusal {
        let line = Line::styled(truncate(&format!(" {refusal}"), room), theme::PROMPT_ERROR);
        render_row(frame, inner, row, line);
    }
    row += 1;
    let hint = hint_spans(hint(form.submit));
    if hint.iter().map(|s| width(&s.content)).sum::<usize>() <= room {
        render_row(frame, inner, row + 1, Line::from(hint));
    }
}
