//! The events pane: the timeline, one row per event (date, title, actors' short names).

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::{fit, width};
use super::{highlighted, pane_block, pane_number, render_row, render_scrollbar, theme};
use crate::app::{visible_offset, App, Pane};
use crate::model::ActorId;
use crate::timeline::Timeline;

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    let block = pane_block(title(app, rect.width), rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    if app.view.is_empty() {
        let note = if app.filter.is_empty() {
            "This dataset has no events."
        } else {
            "No event passes every filter. X removes one, x clears them all."
        };
        let note = fit(note, width);
        render_row(frame, inner, 0, Line::styled(note, theme::DIM));
        return;
    }
    // Draw reads the stored offset but never trusts it to fit this frame's height.
    let offset = visible_offset(
        app.events.offset,
        app.events.selected,
        height,
        app.view.len(),
    );
    let mut columns = Columns::new(app.date_width, width);
    let end = (offset + height).min(app.view.len());
    let rows: Vec<(usize, crate::model::EventIx)> = (offset..end)
        .filter_map(|at| Some((at, app.row_event(at)?)))
        .collect();
    // Sorted by a number, the rows show it, right-aligned after the title: without it the
    // order would look random.
    let sorted_values: Vec<String> = match app.sort() {
        Some(sort) => rows
            .iter()
            .map(|(_, ix)| {
                app.timeline
                    .event(*ix)
                    .attribute(&sort.attribute)
                    .map_or_else(|| "–".to_string(), |v| v.to_string())
            })
            .collect(),
        None => Vec::new(),
    };
    let value_width = sorted_values
        .iter()
        .map(|v| super::safe_text::width(v))
        .max()
        .unwrap_or(0)
        .min(SORT_VALUE_WIDTH)
        .min(columns.title / 3);
    if value_width > 0 {
        columns.title = columns.title.saturating_sub(value_width + 1);
    }
    for (row, (at, ix)) in rows.into_iter().enumerate() {
        let event = app.timeline.event(ix);
        let row_style = match (at == app.events.selected, focused) {
            (true, true) => Some(theme::SELECTED),
            (true, false) => Some(theme::SELECTED_UNFOCUSED),
            _ => None,
        };
        let style = |base: Style| row_style.map_or(base, |r| base.patch(r));
        let mut spans = vec![Span::styled(
            fit(&event.date.to_string(), columns.date),
            style(theme::DATE),
        )];
        if app.is_marked(ix) {
            spans.push(Span::styled(theme::EVENT_MARK_SYMBOL, style(theme::MARK)));
        } else {
            spans.push(Span::styled(" ", style(Style::new())));
        }
        match &app.find {
            Some(find) => spans.extend(highlighted(
                &event.title,
                &find.needle.ranges(&event.title),
                style(Style::new()),
                row_style.map_or(theme::MATCH, |r| r.patch(theme::MATCH)),
                columns.title,
            )),
            None => spans.push(Span::styled(
                fit(&event.title, columns.title),
                style(Style::new()),
            )),
        }
        if let Some(value) = sorted_values.get(row).filter(|_| value_width > 0) {
            let value = super::safe_text::truncate(value, value_width);
            let pad = value_width.saturating_sub(super::safe_text::width(&value));
            spans.push(Span::styled(
                format!(" {}{value}", " ".repeat(pad)),
                style(theme::COUNT),
            ));
        }
        if columns.actors > 0 {
            spans.push(Span::styled(" ", style(Style::new())));
            let names = short_names(app.timeline, &event.actors);
            spans.push(Span::styled(
                fit(&names, columns.actors),
                style(theme::ACTORS),
            ));
        }
        let line = Line::from(spans).style(row_style.unwrap_or_default());
        render_row(frame, inner, row, line);
    }
    render_scrollbar(frame, rect, app.view.len(), offset, height);
}

/// The widest the sort's value column gets; longer values (a tone's 17 digits) are cut.
const SORT_VALUE_WIDTH: usize = 12;

/// Column widths of an event row.
struct Columns {
    date: usize,
    title: usize,
    actors: usize,
}

impl Columns {
    fn new(date_width: usize, width: usize) -> Columns {
        let date = date_width.min(width);
        let rest = width.saturating_sub(date + 1);
        let actors = match rest {
            0..24 => 0,
            24..48 => rest / 4,
            _ => (rest / 3).min(36),
        };
        let title = rest.saturating_sub(actors + usize::from(actors > 0));
        Columns {
            date,
            title,
            actors,
        }
    }
}

fn short_names(timeline: &Timeline, actors: &[ActorId]) -> String {
    timeline.short_names(actors).join(", ")
}

/// "Events · 10", or with a filter "Events · Vladimir Putin · 4 of 10".
fn title(app: &App, pane_width: u16) -> Vec<Span<'static>> {
    let total = match app.partial() {
        // Only the first events are in while the rest load.
        Some(all) => format!("first {} of {all}", app.timeline.events().len()),
        None => app.timeline.events().len().to_string(),
    };
    let mut spans = vec![Span::raw(format!("{}Events", pane_number(Pane::Events)))];
    let counts_width = if app.filter.is_empty() {
        width(&format!(" · {total}"))
    } else {
        width(&format!(" · {} of {total}", app.view.len()))
    };
    // The sort gives way to the counts (the status line names it too).
    let sorted = app
        .sort()
        .map(|sort| format!(" · by {}", sort.label()))
        .filter(|s| 18 + counts_width + width(s) <= usize::from(pane_width));
    if let Some(sorted) = &sorted {
        spans.push(Span::styled(sorted.clone(), theme::DIM));
    }
    if app.filter.is_empty() {
        spans.push(Span::styled(format!(" · {total}"), theme::COUNT));
        if let Some(unit) = app.zoom {
            spans.push(Span::styled(format!(" · by {}", unit.name()), theme::DIM));
        }
        spans.extend(find_count(app));
        return spans;
    }
    let counts = format!(" · {} of {total}", app.view.len());
    // Leave the counts room; the label gives way first. Besides them, the corners and the
    // spaces around the title take 5 columns, "[1] Events" and " · " 13.
    let sorted_width = sorted.as_deref().map_or(0, width);
    let room = usize::from(pane_width).saturating_sub(18 + width(&counts) + sorted_width);
    // The label gives way to the counts, whatever it holds (a long type, a map area), and
    // with no room at all leaves no empty "·  ·" behind.
    let label = super::safe_text::truncate(&filter_label(app, room), room);
    if !label.is_empty() {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(label, theme::MARK));
    }
    spans.push(Span::styled(counts, theme::COUNT));
    spans.extend(find_count(app));
    spans
}

/// " · find 'sanctions' 3/12": the selected event's number among the matches ("-" when it is
/// not one), so the count stays in view while the status line shows a note.
fn find_count(app: &App) -> Option<Span<'static>> {
    let find = app.find.as_ref()?;
    let at = find
        .number_of(app.selected_event())
        .map_or_else(|| "-".to_string(), |n| n.to_string());
    Some(Span::styled(
        format!(
            " · find '{}' {at}/{}",
            super::safe_text::sanitize(&find.needle.query),
            find.hits.len()
        ),
        theme::PROMPT,
    ))
}

/// The active filters in one line: the actors as words ("A", "A and B", "A, B and C", or
/// "A +2" when that is too wide), then types, tags and dates: "A, type call, #sanctions".
pub fn filter_label(app: &App, room: usize) -> String {
    let others: Vec<String> = app
        .filter
        .parts()
        .iter()
        .filter(|p| !matches!(p, crate::app::FilterPart::Actor(_)))
        .map(|p| app.filter.part_label(app.timeline, p))
        .collect();
    let others = others.join(", ");
    let actors = actors_label(app, room.saturating_sub(width(&others) + 2));
    match (actors.is_empty(), others.is_empty()) {
        (true, _) => others,
        (false, true) => actors,
        (false, false) => format!("{actors}, {others}"),
    }
}

fn actors_label(app: &App, room: usize) -> String {
    let names: Vec<String> = app
        .filter
        .actors
        .iter()
        .map(|a| super::safe_text::sanitize(&app.timeline.actor_label(*a)).into_owned())
        .collect();
    let full = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    match names.first() {
        Some(first) if names.len() > 1 && width(&full) > room => {
            format!("{first} +{}", names.len() - 1)
        }
        _ => full,
    }
}
