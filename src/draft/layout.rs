//! Paragraphs and headlines: which sentences belong together, so that a date written once in a
//! paragraph can govern the sentences after it.
//!
//! Paragraphs are separated by blank lines. A text with no blank line at all (articles saved
//! one paragraph per line) takes each line as a paragraph. Either way two kinds of line are
//! joined to the one before: the line after one ending in `,` or `:` (an introduced quote or
//! post: "…the official handle tweeted," then the post), and a signature line starting with a
//! dash ("— President of Russia (@KremlinRussia_E) December 13, 2021"), which dates the post.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The paragraph of each sentence (0-based, in text order).
    pub paragraph: Vec<usize>,
    /// Whether each sentence is a signature line (a dash, a name and a date).
    pub signature: Vec<bool>,
    /// The first sentence when it is a headline: a first line without final punctuation that
    /// more text follows.
    pub headline: bool,
}

/// Lays out `text`, whose sentences are `sentences` (as `split_sentences` gives them).
pub fn layout(text: &str, sentences: &[Range<usize>]) -> Layout {
    let lines = lines(text);
    let has_blank = lines
        .windows(2)
        .any(|pair| text[pair[0].end..pair[1].start].matches('\n').count() >= 2);
    // The paragraph of each line.
    let mut line_paragraph = Vec::with_capacity(lines.len());
    let mut paragraph = 0;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let previous = &text[lines[i - 1].clone()];
            let blank_before = text[lines[i - 1].end..line.start].matches('\n').count() >= 2;
            let new = if has_blank { blank_before } else { true };
            let joined = previous.ends_with(',')
                || previous.ends_with(':')
                || is_signature(&text[line.clone()]);
            if new && !joined {
                paragraph += 1;
            }
        }
        line_paragraph.push(paragraph);
    }
    let line_of = |offset: usize| lines.partition_point(|l| l.end <= offset);
    let paragraph = sentences
        .iter()
        .map(|s| line_paragraph.get(line_of(s.start)).copied().unwrap_or(0))
        .collect();
    let signature = sentences
        .iter()
        .map(|s| {
            lines
                .get(line_of(s.start))
                .is_some_and(|l| l.start == s.start && is_signature(&text[l.clone()]))
        })
        .collect();
    let headline = match (lines.first(), sentences.first()) {
        (Some(first), Some(sentence)) => {
            let line = &text[first.clone()];
            lines.len() > 1
                && sentence.end == first.end
                && !line.ends_with(['.', '!', '?', '"', '”', '…'])
        }
        _ => false,
    };
    Layout {
        paragraph,
        signature,
        headline,
    }
}

/// The non-blank lines of `text`, trimmed, as byte spans.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_end > trimmed_start {
            spans.push(trimmed_start..trimmed_end);
        }
        start = end;
    }
    spans
}

/// A line that signs an embedded post or quote: a dash, then its author (and usually a date).
fn is_signature(line: &str) -> bool {
    ["— ", "―", "-- ", "– "]
        .iter()
        .any(|dash| line.starts_with(dash))
        && line.chars().count() < 200
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn lay(text: &str) -> Layout {
        layout(text, &split_sentences(text))
    }

    #[test]
    fn blank_lines_separate_paragraphs_when_there_are_any() {
        let layout = lay("A title\n\nOne here. Two here.\nThree here.\n\nFour here.");
        assert_eq!(layout.paragraph, [0, 1, 1, 1, 2]);
        assert!(layout.headline);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph_and_posts_join_their_introduction() {
        let text = "Leaders talk\nThey spoke. It went well.\nThe office tweeted,\nA good call https://t.co/x\n— Office (@office) December 13, 2021\nLater news.";
        let layout = lay(text);
        assert_eq!(layout.paragraph, [0, 1, 1, 2, 2, 2, 3]);
        assert_eq!(
            layout.signature,
            [false, false, false, false, false, true, false]
        );
        assert!(layout.headline);
    }

    #[test]
    fn a_first_line_ending_a_sentence_is_not_a_headline() {
        assert!(!lay("It rained.\nThen it stopped.").headline);
        assert!(!lay("Only one line").headline);
    }
}
