//! Word wrapping by display width, as byte ranges into the text, so that callers can style
//! each line by byte offset (a highlighted sentence, an emphasised quote) after wrapping.
//! Lines break between grapheme clusters, never inside one (an emoji, a letter and its marks).

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::safe::is_unsafe_char;
use super::width::{clusters, width as text_width};

/// The lines of `text` wrapped to `width` columns: breaks at newlines, wraps at spaces, and
/// cuts words longer than a line. Spaces at a wrap point are left out of both lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_marked(text, width, &[])
}

/// `wrap`, for text drawn with marks inserted before some characters (the source view's
/// sentence numbers): `marks` are (byte offset, columns), in order of offset. A mark counts
/// as part of the word it precedes, so the two always share a line.
pub fn wrap_marked(text: &str, width: usize, marks: &[(usize, usize)]) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut next_mark = 0;
    for paragraph in text.split('\n') {
        let marked = Marks {
            all: marks,
            next: &mut next_mark,
        };
        wrap_paragraph(paragraph, start, width, marked, &mut lines);
        start += paragraph.len() + 1;
    }
    // A trailing newline ends the last line; it does not open an empty one.
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// The marks, and the first not yet passed: the text is read front to back, so finding the
/// marks of each grapheme cluster costs a step, not a search.
struct Marks<'a> {
    all: &'a [(usize, usize)],
    next: &'a mut usize,
}

impl Marks<'_> {
    /// Columns of the marks at bytes `from..to` (one cluster), passing them.
    fn at(&mut self, from: usize, to: usize) -> usize {
        let mut columns = 0;
        while let Some((offset, w)) = self.all.get(*self.next) {
            if *offset >= to {
                break;
            }
            if *offset >= from {
                columns += w;
            }
            *self.next += 1;
        }
        columns
    }
}

fn wrap_paragraph(
    text: &str,
    base: usize,
    width: usize,
    mut marks: Marks,
    lines: &mut Vec<Range<usize>>,
) {
    let mut line_start = 0;
    let mut line_width = 0;
    // The end of the line if it breaks at the last space seen, and where the next line starts.
    let mut last_break: Option<(usize, usize)> = None;
    // Columns since the last space, marks included: the part of a word carried over when the
    // line breaks there.
    let mut word_width = 0;
    for (i, cluster) in clusters(text) {
        let w = cluster_width(cluster) + marks.at(base + i, base + i + cluster.len());
        let space = cluster == " ";
        if space {
            last_break = Some((i, i + 1));
        }
        if line_width > 0 && line_width + w > width && !space {
            let (end, next, carried) = match last_break {
                Some((end, next)) if end > line_start => (end, next, word_width),
                _ => (i, i, 0),
            };
            lines.push(base + line_start..base + trim_end(text, line_start, end));
            line_start = next;
            line_width = carried;
            word_width = carried;
            last_break = None;
        }
        line_width += w;
        word_width = if space { 0 } else { word_width + w };
    }
    lines.push(base + line_start..base + trim_end(text, line_start, text.len()));
}

/// Columns one grapheme cluster of the text takes once made safe.
fn cluster_width(cluster: &str) -> usize {
    if cluster.len() == 1 {
        // One ASCII character: one column, made safe or not.
        1
    } else if !cluster.chars().any(is_unsafe_char) {
        cluster.width()
    } else {
        text_width(cluster)
    }
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
    fn a_mark_takes_room_and_stays_with_its_word() {
        let text = "aa bb cc";
        let marked = |marks: &[(usize, usize)], width| -> Vec<&str> {
            wrap_marked(text, width, marks)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        assert_eq!(marked(&[], 5), ["aa bb", "cc"]);
        // Three columns before "bb": "aa ⁽²⁾bb" needs 8, so bb and its mark move down.
        assert_eq!(marked(&[(3, 3)], 5), ["aa", "bb", "cc"]);
        assert_eq!(marked(&[(3, 3)], 8), ["aa bb", "cc"]);
        assert_eq!(marked(&[(0, 1), (3, 3)], 7), ["aa", "bb", "cc"]);
        assert_eq!(marked(&[(0, 1), (3, 3)], 8), ["aa", "bb cc"]);
        // A word carried over from the middle keeps its mark's width on the next line:
        // "⁽bbb c" is 6 wide, too wide for 5.
        let text = "aa bbb c";
        let lines: Vec<&str> = wrap_marked(text, 5, &[(3, 1)])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lines, ["aa", "bbb", "c"]);
        // Marks across paragraphs are found in order.
        let text = "a\nb c";
        let lines: Vec<&str> = wrap_marked(text, 3, &[(0, 1), (2, 1), (4, 1)])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lines, ["a", "b", "c"]);
    }

    #[test]
    fn never_breaks_inside_an_emoji_a_flag_or_a_letter_with_its_marks() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = format!("{family}{family}{family}");
        assert_eq!(
            wrapped(&text, 4),
            [format!("{family}{family}"), family.to_string()]
        );
        assert_eq!(wrapped(&text, 3), [family; 3]);
        assert_eq!(
            wrapped("❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}", 5),
            ["❤\u{fe0f}❤\u{fe0f}", "❤\u{fe0f}"]
        );
        assert_eq!(wrapped("🇺🇦🇯🇵 🇺🇦", 4), ["🇺🇦🇯🇵", "🇺🇦"]);
        assert_eq!(
            wrapped("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        // The heart with VS16 is two columns: "東京 ❤️" is seven.
        assert_eq!(wrapped("東京 ❤\u{fe0f} ok", 6), ["東京", "❤\u{fe0f} ok"]);
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
