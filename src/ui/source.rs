//! The source view: a whole source document, wrapped, with the current sentence highlighted,
//! the quoted words emphasised, and cited sentences marked in the gutter.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::layout::SOURCE_GUTTER;
use super::safe_text::{fit, styled};
use super::{pane_block, render_row, render_scrollbar, theme};
use crate::app::{App, SourceView};
use crate::model::Source;

pub fn render(app: &App, frame: &mut Frame, rect: Rect, focused: bool) {
    let Some(view) = &app.source else {
        return;
    };
    let source = app.timeline.source(view.source);
    let block = pane_block(title(app, view, source), rect, focused);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let height = usize::from(inner.height);
    let text_width = usize::from(inner.width).saturating_sub(SOURCE_GUTTER);
    let sentence = source.sentences.get(view.sentence).cloned().unwrap_or(0..0);
    let quoted = view
        .quote
        .and_then(|q| app.timeline.event(q.event).quotes.get(q.index))
        .filter(|q| q.source == view.source)
        .map_or(0..0, |q| q.span.clone());
    let offset = view.scroll.min(view.max_scroll(height));
    let rows = view.lines.iter().skip(offset).take(height);
    for (row, line) in rows.enumerate() {
        let mut spans = gutter(app, view, source, line.clone());
        let text = source.text.get(line.clone()).unwrap_or("");
        let chars = text.char_indices().map(|(i, c)| {
            let at = line.start + i;
            let style = if quoted.contains(&at) {
                theme::QUOTED
            } else if sentence.contains(&at) {
                theme::SENTENCE
            } else {
                Style::new()
            };
            (c, style)
        });
        spans.extend(styled(chars, text_width));
        render_row(frame, inner, row, Line::from(spans));
    }
    render_scrollbar(frame, rect, view.lines.len(), offset, height);
}

/// The gutter of one wrapped line: the number of a sentence that starts on it, marked when
/// some event cites it. Where several start on one line, the one to show is the current
/// sentence, else a cited one, else the first: a cited sentence is never hidden by an
/// uncited one sharing its line.
fn gutter(
    app: &App,
    view: &SourceView,
    source: &Source,
    line: std::ops::Range<usize>,
) -> Vec<Span<'static>> {
    let first = source.sentence_at(line.start);
    let starting: Vec<usize> = (first..source.sentences.len())
        .take_while(|s| source.sentences[*s].start < line.end.max(line.start + 1))
        .filter(|s| {
            line.contains(&source.sentences[*s].start) || source.sentences[*s].start == line.start
        })
        .collect();
    let is_cited = |s: usize| !app.timeline.events_citing(view.source, s).is_empty();
    let shown = starting
        .iter()
        .copied()
        .find(|s| *s == view.sentence)
        .or_else(|| starting.iter().copied().find(|s| is_cited(*s)))
        .or_else(|| starting.first().copied());
    let Some(sentence) = shown else {
        return vec![Span::raw(" ".repeat(SOURCE_GUTTER))];
    };
    let cited = is_cited(sentence);
    let (mark, style) = if cited {
        (theme::CITED_MARK, theme::GUTTER_CITED)
    } else {
        (" ", theme::GUTTER)
    };
    let number = (sentence + 1).to_string();
    let number = if number.len() > 3 {
        format!("…{}", &number[number.len() - 2..])
    } else {
        format!("{number:>3}")
    };
    let current = if sentence == view.sentence {
        theme::SENTENCE
    } else {
        style
    };
    vec![
        Span::styled(mark, style),
        Span::styled(number, current),
        Span::raw(" "),
    ]
}

fn title(app: &App, view: &SourceView, source: &Source) -> Vec<Span<'static>> {
    let mut spans = vec![
        Span::raw("Source · "),
        Span::raw(fit(&source.title, 48).trim_end().to_string()),
        Span::styled(
            format!(
                " · sentence {} of {}",
                view.sentence + 1,
                source.sentences.len()
            ),
            theme::COUNT,
        ),
    ];
    if let Some(q) = view.quote {
        let len = app.timeline.event(q.event).quotes.len();
        spans.push(Span::styled(
            format!(" · quote {} of {len}", q.index + 1),
            theme::COUNT,
        ));
    }
    spans
}
