//! Drawing triage: the candidates in the article's order (decided ones marked ✓ and ✗, those
//! whose sentence an event cites marked •), the article around the selected candidate's
//! sentence, highlighted, the candidate's details, and a status line with the keys. Only reads
//! the state.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::help::{centered, popup_block};
use super::safe_text::{fit, styled, truncate, width};
use super::status::render_with_keys;
use super::{draw_too_small, pane_block, render_row, render_scrollbar, theme};
use crate::app::visible_offset;
use crate::date::EdtfDate;
use crate::draft::Draft;
use crate::keymap::triage::{help, HINT};
use crate::text::wrap::wrap;
use crate::triage::{list_height, Candidate, Overlay, Status, Triage};

/// Paints triage for `triage`.
pub fn draw(triage: &Triage, frame: &mut Frame) {
    let area = frame.area();
    if area.width < 30 || area.height < 8 {
        draw_too_small(frame, area);
        return;
    }
    let list = Rect::new(area.x, area.y, area.width, list_height(area.height));
    // A message too long for the status line takes a second row (a refusal says what to do).
    let status_rows = match triage.message() {
        Some(message) if width(message) + 2 > usize::from(area.width) => 2,
        _ => 1,
    };
    let status = Rect::new(area.x, area.bottom() - status_rows, area.width, status_rows);
    let below = Rect::new(
        area.x,
        list.bottom(),
        area.width,
        status.y.saturating_sub(list.bottom()),
    );
    render_list(triage, frame, list);
    let selected = triage.candidates().get(triage.selected());
    // Side by side when there is room for both, else the article above the details.
    let (article, details) = if area.width >= 100 {
        let left = below.width * 3 / 5;
        (
            Rect::new(below.x, below.y, left, below.height),
            Rect::new(below.x + left, below.y, below.width - left, below.height),
        )
    } else {
        let top = below.height * 3 / 5;
        (
            Rect::new(below.x, below.y, below.width, top),
            Rect::new(below.x, below.y + top, below.width, below.height - top),
        )
    };
    render_article(triage, selected, frame, article);
    render_details(triage, selected, frame, details);
    render_status(triage, frame, status);
    match triage.overlay() {
        Overlay::None => {}
        Overlay::Help => render_help(frame, area, triage.help_scroll()),
        Overlay::Edit { form, .. } => super::form::render(frame, area, form),
    }
}

/// The date as the browser shows it (`2021..2021-12-13?`), or as written when it does not
/// parse (an edit cannot leave it so; a draft never is).
fn shown_date(date: &str) -> String {
    EdtfDate::parse(date).map_or_else(|_| date.to_string(), |d| d.to_string())
}

fn render_list(triage: &Triage, frame: &mut Frame, rect: Rect) {
    let candidates = triage.candidates();
    let (accepted, rejected, pending) = triage.counts();
    let known = match triage.in_dataset() {
        0 => String::new(),
        n => format!(" · {n} in the dataset"),
    };
    let title = vec![
        Span::raw(format!(
            "Triage · {} → {} · ",
            triage.article.name, triage.known.dataset
        )),
        Span::styled(
            format!(
                "{} candidates · {accepted} accepted · {rejected} rejected{known} · {pending} to decide",
                candidates.len()
            ),
            theme::COUNT,
        ),
    ];
    let focused = matches!(triage.overlay(), Overlay::None);
    let block = pane_block(title, rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (columns, height) = (usize::from(inner.width), usize::from(inner.height));
    if candidates.is_empty() {
        let line = Line::styled(
            truncate(
                " Nothing to decide: no sentence of the article reports an act.",
                columns,
            ),
            theme::DIM,
        );
        render_row(frame, inner, 0, line);
        return;
    }
    let date_width = candidates
        .iter()
        .map(|c| width(&shown_date(&c.draft.date)))
        .max()
        .unwrap_or(0)
        .min(22);
    let number_width = candidates
        .iter()
        .map(|c| c.draft.sentence.to_string().len())
        .max()
        .unwrap_or(1)
        + 2;
    // One actors column for every row, at most two fifths of what the title and it share.
    let rest = columns.saturating_sub(2 + 2 + number_width + 1 + date_width + 2);
    let actors_width = candidates
        .iter()
        .map(|c| width(&actor_list(triage, &c.draft)))
        .max()
        .unwrap_or(0)
        .min(rest * 2 / 5);
    let offset = visible_offset(
        triage.list_offset(),
        triage.selected(),
        height,
        candidates.len(),
    );
    for (row, (index, candidate)) in candidates
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let line = list_row(
            triage,
            candidate,
            index == triage.selected(),
            (number_width, date_width, actors_width),
            columns,
        );
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, candidates.len(), offset, height);
}

/// One candidate: its decision, whether an event cites its sentence, the sentence's number,
/// the date, the title, and the actors (those accepting would add marked +).
fn list_row(
    triage: &Triage,
    candidate: &Candidate,
    selected: bool,
    (number_width, date_width, actors_width): (usize, usize, usize),
    columns: usize,
) -> Line<'static> {
    let draft = &candidate.draft;
    let row = if selected {
        theme::SELECTED
    } else {
        Style::new()
    };
    let (mark, mark_style) = match candidate.status {
        Status::Pending => (" ", Style::new()),
        Status::Accepted { .. } => ("✓", theme::MARK),
        Status::Rejected => ("✗", theme::PROMPT_ERROR),
        Status::InDataset { .. } => ("=", theme::DIM),
    };
    let cited = triage.is_cited(draft.sentence.saturating_sub(1));
    let title_style = if matches!(
        candidate.status,
        Status::Rejected | Status::InDataset { .. }
    ) {
        theme::DIM
    } else {
        Style::new()
    };
    let actors = actor_list(triage, draft);
    let fixed = 2 + 2 + number_width + 1 + date_width + 2;
    let title_width = columns.saturating_sub(fixed + actors_width + 2);
    let mut spans = vec![
        Span::styled(format!("{mark} "), mark_style.patch(row)),
        Span::styled(
            if cited { theme::CITED_MARK } else { " " }.to_string() + " ",
            theme::GUTTER_CITED.patch(row),
        ),
        Span::styled(
            fit(&format!("[{}]", draft.sentence), number_width),
            theme::DIM.patch(row),
        ),
        Span::styled(" ", row),
        Span::styled(
            fit(&shown_date(&draft.date), date_width),
            theme::DATE.patch(row),
        ),
        Span::styled("  ", row),
        Span::styled(fit(&draft.title, title_width), title_style.patch(row)),
        Span::styled("  ", row),
        Span::styled(fit(&actors, actors_width), theme::ACTORS.patch(row)),
    ];
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used < columns {
        spans.push(Span::styled(" ".repeat(columns - used), row));
    }
    Line::from(spans)
}

/// `putin, johnson, +uk`: the candidate's actors by id, those accepting would add marked +.
fn actor_list(triage: &Triage, draft: &Draft) -> String {
    let ids: Vec<String> = draft
        .actors
        .iter()
        .map(|id| {
            if triage.is_new_actor(id) {
                format!("+{id}")
            } else {
                id.clone()
            }
        })
        .collect();
    ids.join(", ")
}

/// The article wrapped, scrolled so the candidate's sentence stands a third of the way down,
/// that sentence highlighted, and the first line of each sentence an event cites marked in
/// the gutter.
fn render_article(triage: &Triage, candidate: Option<&Candidate>, frame: &mut Frame, rect: Rect) {
    let article = &triage.article;
    let sentence = candidate.map(|c| c.draft.sentence.saturating_sub(1));
    let span = sentence
        .and_then(|s| article.sentences.get(s))
        .cloned()
        .unwrap_or(0..0);
    let mut title = vec![Span::raw("Article")];
    if let Some(s) = sentence {
        title.push(Span::styled(
            format!(" · sentence {} of {}", s + 1, article.sentences.len()),
            theme::COUNT,
        ));
        if triage.is_cited(s) {
            title.push(Span::styled(
                format!(" · {} cited by an event", theme::CITED_MARK),
                theme::GUTTER_CITED,
            ));
        }
    }
    let block = pane_block(title, rect, false);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (columns, height) = (usize::from(inner.width), usize::from(inner.height));
    let gutter = 2;
    let lines = wrap(&article.text, columns.saturating_sub(gutter).max(1));
    let first = lines.iter().position(|l| l.end > span.start).unwrap_or(0);
    let offset = first
        .saturating_sub(height / 3)
        .min(lines.len().saturating_sub(height));
    for (row, line) in lines.iter().skip(offset).take(height).enumerate() {
        // A cited sentence that starts on this line.
        let cited = article
            .sentences
            .iter()
            .enumerate()
            .any(|(s, r)| line.contains(&r.start) && triage.is_cited(s));
        let mut spans = vec![Span::styled(
            if cited {
                format!("{} ", theme::CITED_MARK)
            } else {
                "  ".to_string()
            },
            theme::GUTTER_CITED,
        )];
        let text = article.text.get(line.clone()).unwrap_or("");
        let chars = text.char_indices().map(|(i, c)| {
            let style = if span.contains(&(line.start + i)) {
                theme::SENTENCE
            } else {
                Style::new()
            };
            (c, style)
        });
        spans.extend(styled(chars, columns.saturating_sub(gutter)));
        render_row(frame, inner, row, Line::from(spans));
    }
    render_scrollbar(frame, rect, lines.len(), offset, height);
}

/// The candidate's fields as they will be written, and the actors accepting would add.
fn render_details(triage: &Triage, candidate: Option<&Candidate>, frame: &mut Frame, rect: Rect) {
    let Some(candidate) = candidate else {
        let block = pane_block(vec![Span::raw("Candidate")], rect, false);
        frame.render_widget(block, rect);
        return;
    };
    let draft = &candidate.draft;
    let status = match &candidate.status {
        Status::Pending => "to decide".to_string(),
        Status::Accepted { id } => format!("accepted as {id}"),
        Status::Rejected => "rejected".to_string(),
        Status::InDataset { ids } => format!("already in the dataset as {}", ids.join(", ")),
    };
    let title = vec![
        Span::raw(format!("Candidate [{}] · ", draft.sentence)),
        Span::styled(status, theme::COUNT),
    ];
    let block = pane_block(title, rect, false);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let columns = usize::from(inner.width);
    let value_width = columns.saturating_sub(9).max(1);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut field = |label: &str, value: &str, style: Style| {
        for (n, range) in wrap(value, value_width).into_iter().enumerate() {
            let label = if n == 0 { label } else { "" };
            rows.push(Line::from(vec![
                Span::styled(format!("{label:<8} "), theme::LABEL),
                Span::styled(truncate(value.get(range).unwrap_or(""), value_width), style),
            ]));
        }
    };
    field("Title", &draft.title, theme::TITLE);
    let date = shown_date(&draft.date);
    let date = if date == draft.date {
        date
    } else {
        format!("{date}  ({})", draft.date)
    };
    field("Date", &date, theme::DATE);
    if let Some(from) = draft.attributes.get("date_from") {
        field("Dated", from, theme::DIM);
    }
    field("Type", &draft.kind, Style::new());
    for (n, id) in draft.actors.iter().enumerate() {
        let name = triage.actor_name(id).unwrap_or(id);
        let new = if triage.is_new_actor(id) { ", new" } else { "" };
        let label = if n == 0 { "Actors" } else { "" };
        field(label, &format!("{name} ({id}{new})"), theme::ACTORS);
    }
    if !draft.tags.is_empty() {
        field("Tags", &draft.tags.join(", "), Style::new());
    }
    field("Id", &draft.id, theme::DIM);
    for (row, line) in rows.into_iter().take(usize::from(inner.height)).enumerate() {
        render_row(frame, inner, row, line);
    }
}

fn render_status(triage: &Triage, frame: &mut Frame, rect: Rect) {
    let total = usize::from(rect.width);
    let hint = match triage.overlay() {
        Overlay::None => HINT,
        Overlay::Help => &[("Esc", "close")],
        Overlay::Edit { form, .. } => crate::keymap::form::hint(form.submit),
    };
    if rect.height > 1 {
        // A long message: on two rows of its own, without the keys.
        let message = triage.message().unwrap_or_default();
        let lines = wrap(message, total.saturating_sub(2).max(1));
        for row in 0..rect.height {
            let text = lines
                .get(usize::from(row))
                .and_then(|r| message.get(r.clone()))
                .unwrap_or("");
            let line = Line::styled(fit(&format!(" {text}"), total), theme::MESSAGE);
            frame.render_widget(line, Rect::new(rect.x, rect.y + row, rect.width, 1));
        }
        return;
    }
    let (left, left_style) = match triage.message() {
        Some(message) => (format!(" {message} "), theme::MESSAGE),
        None => {
            let (accepted, ..) = triage.counts();
            (
                format!(" {} · {accepted} written", triage.known.dataset),
                theme::STATUS,
            )
        }
    };
    // A message is read whole, the keys making room for it; the summary may be cut to half.
    let keep = if triage.message().is_some() {
        width(&left)
    } else {
        width(&left).min(total / 2)
    };
    render_with_keys(frame, rect, (left, left_style), keep, hint);
}

fn render_help(frame: &mut Frame, area: Rect, scroll: usize) {
    let rows = help();
    let keys_width = rows.iter().map(|r| width(&r.keys)).max().unwrap_or(0) + 1;
    let rect = centered(area, 80, rows.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = popup_block(" Triage keys · Esc or ? closes ");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let columns = usize::from(inner.width);
    let keys_width = keys_width.min(columns / 2);
    let height = usize::from(inner.height);
    let offset = scroll.min(rows.len().saturating_sub(height));
    for (row, help) in rows.iter().skip(offset).take(height).enumerate() {
        let line = Line::from(vec![
            Span::styled(
                fit(&help.keys, keys_width),
                theme::STATUS_KEY.bg(ratatui::style::Color::Reset),
            ),
            Span::raw(" "),
            Span::raw(fit(help.what, columns.saturating_sub(keys_width + 1))),
        ]);
        render_row(frame, inner, row, line);
    }
    super::render_scrollbar(frame, rect, rows.len(), offset, height);
}

#[cfg(test)]
mod tests;
