//! The source view's state: which document, which sentence, and how it is wrapped and scrolled.

use std::ops::Range;

use crate::layout::marker_width;
use crate::model::{EventIx, Source, SourceId};
use crate::text::wrap::wrap_marked;

/// A quote of an event, by position in `Event::quotes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteRef {
    pub event: EventIx,
    pub index: usize,
}

/// A source document open in the source view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceView {
    pub source: SourceId,
    /// The current sentence, 0-based.
    pub sentence: usize,
    /// The quote the view was opened for, whose words are emphasised.
    pub quote: Option<QuoteRef>,
    /// The first wrapped line shown.
    pub scroll: usize,
    /// The document wrapped to `width` columns, as byte ranges, with room for each sentence's
    /// number before its first word; kept here so that scrolling and drawing agree on line
    /// numbers without wrapping the document every frame.
    pub lines: Vec<Range<usize>>,
    pub width: usize,
}

impl SourceView {
    pub fn new(source: &Source, id: SourceId, sentence: usize, quote: Option<QuoteRef>) -> Self {
        let mut view = SourceView {
            source: id,
            sentence: sentence.min(source.sentences.len().saturating_sub(1)),
            quote,
            scroll: 0,
            lines: Vec::new(),
            width: 0,
        };
        view.rewrap(source, 1);
        view
    }

    /// Wraps the document again when the text width changed.
    pub fn rewrap(&mut self, source: &Source, width: usize) {
        let width = width.max(1);
        if width != self.width || self.lines.is_empty() {
            let marks: Vec<(usize, usize)> = source
                .sentences
                .iter()
                .enumerate()
                .map(|(n, span)| (span.start as usize, marker_width(n + 1)))
                .collect();
            self.lines = wrap_marked(&source.text, width, &marks);
            self.width = width;
        }
    }

    /// The wrapped line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The wrapped lines the current sentence covers.
    pub fn sentence_lines(&self, source: &Source) -> Range<usize> {
        match source.sentence(self.sentence) {
            Some(span) => {
                let first = self.line_of(span.start);
                first..self.line_of(span.end.saturating_sub(1).max(span.start)) + 1
            }
            None => 0..0,
        }
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }

    /// Scrolls so the current sentence is in view, a third of the way down when it must move,
    /// so that some context above it shows.
    pub fn reveal(&mut self, source: &Source, height: usize) {
        let height = height.max(1);
        let lines = self.sentence_lines(source);
        if lines.start < self.scroll || lines.end > self.scroll + height {
            self.scroll = if lines.len() >= height {
                lines.start
            } else {
                lines.start.saturating_sub(height / 3)
            };
        }
        self.scroll = self.scroll.min(self.max_scroll(height));
    }

    /// Scrolls by `delta` lines; the current sentence follows when it leaves the view.
    pub fn scroll_by(&mut self, source: &Source, delta: isize, height: usize, follow: bool) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll(height));
        if !follow {
            return;
        }
        let lines = self.sentence_lines(source);
        let shown = self.scroll..self.scroll + height.max(1);
        if lines.end <= shown.start || lines.start >= shown.end {
            let line = if delta >= 0 {
                shown.start
            } else {
                shown.end - 1
            };
            self.sentence =
                self.sentence_on_line(source, line.min(self.lines.len().saturating_sub(1)));
        }
    }

    /// The sentence that the wrapped line `line` starts in.
    pub fn sentence_on_line(&self, source: &Source, line: usize) -> usize {
        self.lines
            .get(line)
            .map_or(self.sentence, |l| source.sentence_at(l.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences that share lines and span lines, as real articles have.
    fn article() -> Source {
        let text = "One two three. Four five six seven.\n\nEight nine ten eleven twelve.";
        Source {
            id: "a".into(),
            title: "A".into(),
            publisher: None,
            url: None,
            published: None,
            sha256: None,
            file: "a.txt".into(),
            text: text.into(),
            sentences: vec![0..14, 15..35, 37..66],
        }
    }

    #[test]
    fn sentences_map_to_wrapped_lines() {
        let source = article();
        let mut view = SourceView::new(&source, SourceId(0), 1, None);
        // Room for ten columns of text after each sentence's number (⁽¹⁾, three columns).
        view.rewrap(&source, 13);
        let lines: Vec<&str> = view.lines.iter().map(|l| &source.text[l.clone()]).collect();
        assert_eq!(
            lines,
            [
                "One two",
                "three.",
                "Four five",
                "six seven.",
                "",
                "Eight nine",
                "ten eleven",
                "twelve."
            ]
        );
        assert_eq!(view.sentence_lines(&source), 2..4);
        view.sentence = 2;
        assert_eq!(view.sentence_lines(&source), 5..8);
        assert_eq!(
            view.sentence_on_line(&source, 4),
            1,
            "a blank line belongs to the sentence before"
        );
    }

    #[test]
    fn reveal_scrolls_only_when_needed_and_leaves_context_above() {
        let source = article();
        let mut view = SourceView::new(&source, SourceId(0), 0, None);
        view.rewrap(&source, 13);
        view.reveal(&source, 3);
        assert_eq!(view.scroll, 0);
        view.sentence = 2;
        view.reveal(&source, 3);
        assert_eq!(view.scroll, 5, "longer than the view: its start at the top");
        view.sentence = 1;
        view.reveal(&source, 6);
        assert_eq!(
            view.scroll, 0,
            "moved up: a third of the view above it, if there is room"
        );
        view.scroll_by(&source, 100, 3, true);
        assert_eq!(view.scroll, 5);
        assert_eq!(view.sentence, 2, "the current sentence follows the view");
    }
}
