//! The characters of data that must not reach a terminal as themselves, and the three ways of
//! keeping them off it: a visible placeholder for the screen (`sanitize`), a Rust-style escape
//! for messages (`escape_unsafe`), or nothing at all for the clipboard (`strip_unsafe`).
//!
//! Event titles, summaries, source documents and folder names come from files anyone can
//! write. Written raw, an ESC would start an escape sequence, a bidi override would reorder the
//! screen, and a zero-width character would hide text. The set is defined once, here.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as itself: C0 and C1 controls and DEL (which start
/// escape sequences or move the cursor), bidirectional marks, overrides and isolates (which
/// reorder what is shown), and zero-width characters (which hide text).
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// How `c` is shown on screen: itself when harmless, else a visible placeholder.
pub fn display_char(c: char) -> Cow<'static, str> {
    if !is_unsafe_char(c) {
        let mut s = String::new();
        s.push(c);
        return Cow::Owned(s);
    }
    let code = c as u32;
    match c {
        // A tab's width depends on the cursor column, which cells cannot know: one space.
        '\t' => Cow::Borrowed(" "),
        // C0 controls, ESC included, as their Unicode control pictures (␛ for ESC).
        '\0'..='\x1f' => Cow::Owned(char::from_u32(0x2400 + code).unwrap_or('�').to_string()),
        '\x7f' => Cow::Borrowed("␡"),
        '\u{80}'..='\u{9f}' => Cow::Borrowed("�"),
        _ => Cow::Owned(format!("⟨U+{code:04X}⟩")),
    }
}

/// `text` with every unsafe character replaced by its placeholder, for the screen.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        out.push_str(&display_char(c));
    }
    Cow::Owned(out)
}

/// `text` with every unsafe character written as a Rust-style escape (`\u{1b}`), for
/// line-oriented messages.
pub fn escape_unsafe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` without its unsafe characters, keeping line breaks: what is pasted cannot run
/// anything, and reads as it was written.
pub fn strip_unsafe(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !is_unsafe_char(*c))
        .collect()
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
    fn messages_escape_and_the_clipboard_drops_the_same_set() {
        assert_eq!(escape_unsafe("a\x1b]0;t\x07"), "a\\u{1b}]0;t\\u{7}");
        assert_eq!(escape_unsafe("\u{202e}\u{9b}"), "\\u{202e}\\u{9b}");
        assert!(matches!(escape_unsafe("plain é"), Cow::Borrowed(_)));
        assert_eq!(strip_unsafe("a\x1b[2Jb\u{202e}c\nd\u{200b}"), "a[2Jbc\nd");
    }
}
