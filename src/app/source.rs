//! The source view's state: which document, which sentence, and how it is wrapped and scrolled.

use std::ops::Range;

use crate::model::{EventIx, Source, SourceId};
use crate::ui::wrap::wrap;

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
    /// The document wrapped to `width` columns, as byte ranges; kept here so that scrolling and
    /// drawing agree on line numbers without wrapping the document every frame.
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
            self.lines = wrap(&source.text, width);
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
        match source.sentences.get(self.sentence) {
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
