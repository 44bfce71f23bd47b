//! Making data text safe to put on a terminal, and fitting it to columns by display width.
//!
//! Event titles, summaries and source documents come from files anyone can write. Writing them
//! raw would let an ESC start an escape sequence, a bidi override reorder the screen, or a
//! zero-width character hide text, so every such character is shown as a visible placeholder.
//! Widths are measured with `unicode-width` so that CJK and emoji keep borders aligned.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Shown at the end of text cut to fit.
pub const ELLIPSIS: char = '…';

/// How `c` is shown: itself when harmless, else a visible placeholder.
pub fn display_char(c: char) -> Cow<'static, str> {
    let code = c as u32;
    match c {
        // A tab's width depends on the cursor column, which cells cannot know: one space.
        '\t' => Cow::Borrowed(" "),
        // C0 controls, ESC included, as their Unicode control pictures (␛ for ESC).
        '\0'..='\x1f' => Cow::Owned(char::from_u32(0x2400 + code).unwrap_or('�').to_string()),
        '\x7f' => Cow::Borrowed("␡"),
        '\u{80}'..='\u{9f}' => Cow::Borrowed("�"),
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Cow::Owned(format!("⟨U+{code:04X}⟩")),
        _ => {
            let mut s = String::new();
            s.push(c);
            Cow::Owned(s)
        }
    }
}

/// Whether `c` is shown as something other than itself.
fn needs_placeholder(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// `text` with every unsafe character replaced by its placeholder.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_placeholder) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        out.push_str(&display_char(c));
    }
    Cow::Owned(out)
}

/// Columns `c` takes once made safe.
pub fn char_width(c: char) -> usize {
    if needs_placeholder(c) {
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
    let spans = styled(text.chars().map(|c| (c, Style::new())), max);
    spans.into_iter().map(|s| s.content.into_owned()).collect()
}

/// `text` made safe, cut to `columns` and padded with spaces to exactly `columns`.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// Styled characters made safe and cut to at most `max` columns (with `…` when cut), as spans
/// that merge runs of equal style. A wide character that would straddle the edge is dropped
/// rather than cut in half.
pub fn styled(chars: impl IntoIterator<Item = (char, Style)>, max: usize) -> Vec<Span<'static>> {
    let mut pieces: Vec<(String, usize, Style)> = Vec::new();
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
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (text, _, style) in pieces {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&text),
            _ => spans.push(Span::styled(text, style)),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_escapes_bidi_and_zero_width_become_visible() {
        assert_eq!(sanitize("a\x1b[31mb"), "a␛[31mb");
        assert_eq!(sanitize("\0\x07\n"), "␀␇␊");
        assert_eq!(sanitize("x\x7fy\u{85}"), "x␡y�");
        assert_eq!(sanitize("ab\u{202e}cd"), "ab⟨U+202E⟩cd");
        assert_eq!(sanitize("a\u{200b}b\u{feff}"), "a⟨U+200B⟩b⟨U+FEFF⟩");
        assert_eq!(sanitize("\u{2066}"), "⟨U+2066⟩");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert!(matches!(sanitize("plain é 東京"), Cow::Borrowed(_)));
    }

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
}
