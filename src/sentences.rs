//! Sentence splitting for English news text. (Placeholder: replaced by the real splitter.)

use std::ops::Range;

/// Byte spans of the sentences of `text`, in order, trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push_trimmed(text, start..i, &mut spans);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, span: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let piece = &text[span.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push(span.start + lead..span.end - trail);
    }
}
