//! Columns text takes once made safe (`safe::sanitize`), and cutting it to fit: widths are
//! measured with `unicode-width`, so that CJK and emoji keep borders aligned.

use unicode_width::UnicodeWidthChar;

use super::safe::{display_char, is_unsafe_char};

/// Shown at the end of text cut to fit.
pub const ELLIPSIS: char = '…';

/// Columns `c` takes once made safe.
pub fn char_width(c: char) -> usize {
    if is_unsafe_char(c) {
        display_char(c)
            .chars()
            .map(|p| p.width().unwrap_or(0))
            .sum()
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns `text` takes once made safe.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` made safe and cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    cut(text.chars().map(|c| (c, ())), max)
        .into_iter()
        .map(|(piece, ())| piece)
        .collect()
}

/// `text` made safe, cut to `columns` and padded with spaces to exactly `columns`.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// Characters with a style each (whatever the caller draws with), made safe and cut to at
/// most `max` columns (with `…` when cut), as runs of equal style. A wide character that would
/// straddle the edge is dropped rather than cut in half.
pub fn cut<S: Copy + PartialEq + Default>(
    chars: impl IntoIterator<Item = (char, S)>,
    max: usize,
) -> Vec<(String, S)> {
    let mut pieces: Vec<(String, usize, S)> = Vec::new();
    let mut used = 0;
    let mut cut = false;
    for (c, style) in chars {
        let shown = display_char(c);
        let w: usize = shown.chars().map(|p| p.width().unwrap_or(0)).sum();
        if used + w > max {
            cut = true;
            break;
        }
        used += w;
        pieces.push((shown.into_owned(), w, style));
    }
    if cut && max > 0 {
        // Make room for the ellipsis: drop characters from the end until one column is free.
        let mut last_style = pieces.last().map(|p| p.2).unwrap_or_default();
        while used + 1 > max {
            match pieces.pop() {
                Some((_, w, style)) => {
                    used -= w;
                    last_style = style;
                }
                None => break,
            }
        }
        pieces.push((ELLIPSIS.to_string(), 1, last_style));
    }
    let mut runs: Vec<(String, S)> = Vec::new();
    for (text, _, style) in pieces {
        match runs.last_mut() {
            Some((last, last_style)) if *last_style == style => last.push_str(&text),
            _ => runs.push((text, style)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_wide_characters_twice_and_combining_marks_not_at_all() {
        assert_eq!(width("東京"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\x1b"), 1);
        assert_eq!(width("🦀"), 2);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("東京タワー", 5), "東京…");
        assert_eq!(truncate("東京タワー", 4), "東…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 1), "…");
        assert_eq!(truncate("abcd", 0), "");
        assert_eq!(fit("東京タワー", 6), "東京… ");
        assert_eq!(width(&fit("東京タワー", 6)), 6);
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn cut_keeps_runs_of_one_style_together() {
        let chars = "abcdef".chars().zip([1, 1, 2, 2, 1, 1]);
        assert_eq!(
            cut(chars, 5),
            [
                ("ab".to_string(), 1),
                ("cd".to_string(), 2),
                ("…".to_string(), 1)
            ]
        );
    }
}
