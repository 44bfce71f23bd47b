//! Word wrapping by display width, as byte ranges into the text, so that callers can style
//! each line by byte offset (a highlighted sentence, an emphasised quote) after wrapping.

use std::ops::Range;

use super::safe_text::char_width;

/// The lines of `text` wrapped to `width` columns: breaks at newlines, wraps at spaces, and
/// cuts words longer than a line. Spaces at a wrap point are left out of both lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, start, width, &mut lines);
        start += paragraph.len() + 1;
    }
    // A trailing newline ends the last line; it does not open an empty one.
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
}

fn wrap_paragraph(text: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    let mut line_start = 0;
    let mut line_width = 0;
    // The end of the line if it breaks at the last space seen, and where the next line starts.
    let mut last_break: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if c == ' ' {
            last_break = Some((i, i + 1));
        }
        if line_width > 0 && line_width + w > width && c != ' ' {
            let (end, next) = match last_break {
                Some((end, next)) if end > line_start => (end, next),
                _ => (i, i),
            };
            lines.push(base + line_start..base + trim_end(text, line_start, end));
            line_start = next;
            line_width = text[next..i].chars().map(char_width).sum();
            last_break = None;
        }
        line_width += w;
    }
    lines.push(base + line_start..base + trim_end(text, line_start, text.len()));
}

/// `end` moved back over trailing spaces, not before `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_newlines() {
        assert_eq!(
            wrapped("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(wrapped("one\ntwo three", 5), ["one", "two", "three"]);
        assert_eq!(wrapped("a\n\nb\n", 5), ["a", "", "b"]);
        assert_eq!(wrapped("", 5), [""]);
    }

    #[test]
    fn cuts_long_words_and_counts_wide_characters() {
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("東京タワー", 4), ["東京", "タワ", "ー"]);
        assert_eq!(wrapped("東京タワー", 3), ["東", "京", "タ", "ワ", "ー"]);
        assert_eq!(wrapped("x", 0), ["x"]);
        assert_eq!(wrapped("東京", 1), ["東", "京"]);
    }
}
