//! The actors pane: actors by event count, or while searching the ranking with the matched
//! characters highlighted.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::{fit, styled, tail, width};
use super::{pane_block, pane_number, render_row, render_scrollbar, theme};
use crate::app::{visible_offset, App, Cursor, Pane};
use crate::model::ActorId;
use crate::search::{ActorMatch, MatchedName};

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    let block = pane_block(title(app, super::title_room(rect)), rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let (cursor, len): (Cursor, usize) = match &app.search {
        Some(search) => (search.cursor, search.matches().len()),
        None => (app.actors, app.actors_by_count.len()),
    };
    if len == 0 {
        // Without a search the list is simply empty (a new dataset), nothing failed to match.
        let empty = if app.search.is_some() {
            format!("No actor matches{}.", app.so_far_actors())
        } else {
            "No actors.".to_string()
        };
        render_row(
            frame,
            inner,
            0,
            Line::styled(fit(&empty, width), theme::DIM),
        );
        return;
    }
    let offset = visible_offset(cursor.offset, cursor.selected, height, len);
    // Counts right-aligned to the widest (the first actor's, most events), a space before:
    // `organization8000` read as one word.
    let most = app
        .actors_by_count
        .first()
        .map_or(0, |a| app.timeline.event_count(*a));
    let count_width = (most.to_string().len() + 1).max(4);
    for row in 0..height.min(len - offset) {
        let at = offset + row;
        let row_style = match (at == cursor.selected, focused) {
            (true, true) => Some(theme::SELECTED),
            (true, false) => Some(theme::SELECTED_UNFOCUSED),
            _ => None,
        };
        let spans = match &app.search {
            Some(search) => search
                .matches()
                .get(at)
                .map(|m| row_spans(app, m.actor, Some(m), (width, count_width), row_style)),
            None => app
                .actors_by_count
                .get(at)
                .map(|a| row_spans(app, *a, None, (width, count_width), row_style)),
        };
        if let Some(spans) = spans {
            render_row(
                frame,
                inner,
                row,
                Line::from(spans).style(row_style.unwrap_or_default()),
            );
        }
    }
    render_scrollbar(frame, rect, len, offset, height);
}

/// Mark column, name (highlighted where the query matched), kind, and event count, in `width`
/// columns with `count_width` for the count.
fn row_spans(
    app: &App,
    id: ActorId,
    matched: Option<&ActorMatch>,
    (width, count_width): (usize, usize),
    row_style: Option<Style>,
) -> Vec<Span<'static>> {
    let style = |base: Style| row_style.map_or(base, |r| base.patch(r));
    // The match highlight stays visible on the selected row: it is patched over the row style.
    let hit = |base: Style| row_style.map_or(base, |r| r.patch(base));
    let actor = app.timeline.actor(id);
    let count = format!("{:>count_width$}", app.timeline.event_count(id));
    let kind_width = if width >= 40 { 13 } else { 0 };
    let name_width = width.saturating_sub(2 + kind_width + count.len());
    let mark = if app.filter.actors.contains(&id) {
        theme::MARK_SYMBOL
    } else {
        " "
    };
    let mut spans = vec![
        Span::styled(mark, style(theme::MARK)),
        Span::styled(" ", style(Style::new())),
    ];
    let plain = style(Style::new());
    let mut shown_alias = None;
    let mut name_chars: Vec<(char, Style)> = match matched {
        Some(m) if !m.indices.is_empty() => {
            let lit = |text: &str| -> Vec<(char, Style)> {
                text.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        let s = if m.indices.contains(&i) {
                            hit(theme::MATCH)
                        } else {
                            plain
                        };
                        (c, s)
                    })
                    .collect()
            };
            match m.matched {
                MatchedName::Name => lit(&actor.name),
                MatchedName::Alias(i) => {
                    let alias = actor.aliases.get(i).map_or("", String::as_str);
                    shown_alias = Some(alias);
                    let mut chars: Vec<(char, Style)> =
                        actor.name.chars().map(|c| (c, plain)).collect();
                    chars.extend(" (".chars().map(|c| (c, plain)));
                    chars.extend(lit(alias));
                    chars.push((')', plain));
                    chars
                }
            }
        }
        _ => actor.name.chars().map(|c| (c, plain)).collect(),
    };
    // Actors of one name are told apart by their code (or id), unless the matched alias
    // shown already is it.
    if let Some(tag) = app
        .timeline
        .telling_apart(id)
        .filter(|t| shown_alias != Some(*t))
    {
        name_chars.extend(format!(" ({tag})").chars().map(|c| (c, style(theme::DIM))));
    }
    let mut name = styled(name_chars, name_width);
    let used: usize = name
        .iter()
        .map(|s| super::safe_text::width(&s.content))
        .sum();
    name.push(Span::styled(
        " ".repeat(name_width.saturating_sub(used)),
        plain,
    ));
    spans.extend(name);
    if kind_width > 0 {
        let kind = actor.kind.map_or("", |k| k.as_str());
        spans.push(Span::styled(
            fit(&format!(" {kind}"), kind_width),
            style(theme::DIM),
        ));
    }
    spans.push(Span::styled(count, style(theme::COUNT)));
    spans
}

/// The pane's title, in `room` columns. Words go before numbers, and no number is cut: while
/// only the first events are in, "Actors of the first 400 of 1000000 events" gives way to
/// "Actors · first 400 of 1000000", then the actors' count goes (the events pane and the
/// status line say how many events are in; this says whose actors these are). During a
/// search the match count stays whole, the words before the query going first and then the
/// query's start (its end was just typed).
fn title(app: &App, room: usize) -> Vec<Span<'static>> {
    let number = pane_number(Pane::Actors);
    let named = format!("{number}Actors");
    let bare = number.trim_end().to_string();
    // The words before the counts, longest first.
    let labels: Vec<Vec<Span<'static>>> = match app.partial() {
        Some(all) => {
            let first = app.timeline.events().len();
            vec![
                vec![
                    Span::raw(named.clone()),
                    Span::styled(
                        format!(" of the first {first} of {all} events"),
                        theme::COUNT,
                    ),
                ],
                vec![
                    Span::raw(named.clone()),
                    Span::styled(format!(" · first {first} of {all}"), theme::COUNT),
                ],
            ]
        }
        None => vec![vec![Span::raw(named.clone())]],
    };
    let spans_width = |spans: &[Span]| -> usize { spans.iter().map(|s| width(&s.content)).sum() };
    let Some(search) = &app.search else {
        let count = Span::styled(format!(" · {}", app.actors_by_count.len()), theme::COUNT);
        let marked = (app.filter.actors.len() > 1)
            .then(|| Span::raw(format!(" · {} marked", app.filter.actors.len())));
        let mut candidates: Vec<Vec<Span<'static>>> = Vec::new();
        for label in &labels {
            let mut spans = label.clone();
            spans.push(count.clone());
            spans.extend(marked.clone());
            candidates.push(spans);
        }
        let shortest = labels.last().cloned().unwrap_or_default();
        if marked.is_some() {
            let mut spans = shortest.clone();
            spans.push(count.clone());
            candidates.push(spans);
        }
        candidates.push(shortest);
        if let Some(all) = app.partial() {
            let first = app.timeline.events().len();
            for words in [
                format!(" first {first} of {all}"),
                format!(" first {first} events"),
            ] {
                candidates.push(vec![
                    Span::raw(bare.clone()),
                    Span::styled(words, theme::COUNT),
                ]);
            }
        }
        candidates.push(vec![Span::raw(named)]);
        candidates.push(vec![Span::raw(bare)]);
        let last = candidates.len() - 1;
        let at = candidates
            .iter()
            .position(|spans| spans_width(spans) <= room)
            .unwrap_or(last);
        return candidates.swap_remove(at);
    };
    let query = format!("/{}▏", super::safe_text::sanitize(&search.query));
    let counts = if search.is_ranking() {
        " · ranking…".to_string()
    } else {
        format!(
            " · {} of {}",
            search.matches().len(),
            app.actors_by_count.len()
        )
    };
    let fitting = labels
        .into_iter()
        .find(|label| spans_width(label) + 3 + width(&query) + width(&counts) <= room);
    let (mut spans, query_room) = match fitting {
        Some(mut label) => {
            label.push(Span::raw(" · "));
            (label, width(&query))
        }
        None => {
            let room = room.saturating_sub(width(&bare) + 1 + width(&counts));
            (vec![Span::raw(bare), Span::raw(" ")], room)
        }
    };
    // The caret stays at the end of what fits; the start of a long query goes.
    let query = if width(&query) <= query_room {
        query
    } else {
        let typed = super::safe_text::sanitize(&search.query);
        format!("/{}▏", tail(&typed, query_room.saturating_sub(2)))
    };
    spans.push(Span::styled(query, theme::PROMPT));
    spans.push(Span::styled(counts, theme::COUNT));
    spans
}
