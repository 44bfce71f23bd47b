//! The source view: a whole source document, wrapped, each sentence numbered before its first
//! word, the current sentence highlighted, the quoted words emphasised, and cited sentences
//! marked in the gutter.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::safe_text::{fit, styled};
use super::{pane_block, render_row, render_scrollbar, theme};
use crate::app::{App, SourceView};
use crate::layout::{marker, SOURCE_GUTTER};
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
    let sentence = source.sentence(view.sentence).unwrap_or(0..0);
    let quoted = view
        .quote
        .and_then(|q| app.timeline.event(q.event).quotes.get(q.index))
        .filter(|q| q.source == view.source)
        .map_or(0..0, |q| q.span());
    let is_cited = |s: usize| !app.timeline.events_citing(view.source, s).is_empty();
    let offset = view.scroll.min(view.max_scroll(height));
    let rows = view.lines.iter().skip(offset).take(height);
    for (row, line) in rows.enumerate() {
        let starting = starting_on(source, line.clone());
        let mut spans = gutter(starting.clone().any(is_cited));
        let text = source.text.get(line.clone()).unwrap_or("");
        let mut starts = starting.peekable();
        let mut chars = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let at = line.start + i;
            if let Some(n) = starts.next_if(|s| source.sentences[*s].start as usize == at) {
                let style = if n == view.sentence {
                    theme::SENTENCE
                } else if is_cited(n) {
                    theme::GUTTER_CITED
                } else {
                    theme::GUTTER
                };
                chars.extend(marker(n + 1).chars().map(|m| (m, style)));
            }
            let style = if quoted.contains(&at) {
                theme::QUOTED
            } else if sentence.contains(&at) {
                theme::SENTENCE
            } else {
                Style::new()
            };
            chars.push((c, style));
        }
        spans.extend(styled(chars, text_width));
        render_row(frame, inner, row, Line::from(spans));
    }
    render_scrollbar(frame, rect, view.lines.len(), offset, height);
}

/// The sentences that start on the wrapped line `line`, in order.
fn starting_on(
    source: &Source,
    line: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + Clone + '_ {
    let first = source.sentence_at(line.start);
    (first..source.sentences.len())
        .skip_while(move |s| (source.sentences[*s].start as usize) < line.start)
        .take_while(move |s| (source.sentences[*s].start as usize) < line.end)
}

/// The gutter of one wrapped line: a mark when a sentence that some event cites starts on it
/// (its number, in the text, is drawn in the same colour).
fn gutter(cited: bool) -> Vec<Span<'static>> {
    if cited {
        vec![
            Span::styled(theme::CITED_MARK, theme::GUTTER_CITED),
            Span::raw(" "),
        ]
    } else {
        vec![Span::raw(" ".repeat(SOURCE_GUTTER))]
    }
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
