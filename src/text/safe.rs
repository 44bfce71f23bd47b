//! The characters of data that must not reach a terminal as themselves, and the three ways of
//! keeping them off it: a visible placeholder for the screen (`sanitize`), a Rust-style escape
//! for messages (`escape_unsafe`), or nothing at all for the clipboard (`strip_unsafe`).
//!
//! Event titles, summaries, source documents and folder names come from files anyone can
//! write. Written raw, an ESC would start an escape sequence, a bidi override would reorder the
//! screen, and a zero-width character would hide text. The set is defined once, here, with one
//! exception: a zero-width joiner inside an emoji sequence (👩‍👩‍👧) is part of the emoji, which
//! is drawn as one; a joiner anywhere else (between letters, or dangling) is shown.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ZERO_WIDTH_JOINER: char = '\u{200d}';

/// Whether `c` must not reach a terminal as itself: C0 and C1 controls and DEL (which start
/// escape sequences or move the cursor), bidirectional marks, overrides and isolates (which
/// reorder what is shown), and zero-width characters (which hide text).
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A piece of text as it may be shown: data that reaches the terminal as it is, or one unsafe
/// character that must not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Unsafe(char),
}

/// Calls `f` with the pieces of `text` in order, each with its byte offset in `text`.
pub fn for_each_piece<'a>(text: &'a str, mut f: impl FnMut(usize, Piece<'a>)) {
    if !text.chars().any(is_unsafe_char) {
        if !text.is_empty() {
            f(0, Piece::Plain(text));
        }
        return;
    }
    // Unsafe characters are rare: only text holding one is cut into grapheme clusters, which
    // is what telling a joiner inside an emoji from any other needs.
    for (at, cluster) in text.grapheme_indices(true) {
        if !cluster.chars().any(is_unsafe_char) || is_joined_emoji(cluster) {
            f(at, Piece::Plain(cluster));
            continue;
        }
        let mut plain = 0;
        for (i, c) in cluster.char_indices() {
            if is_unsafe_char(c) {
                if plain < i {
                    f(at + plain, Piece::Plain(&cluster[plain..i]));
                }
                f(at + i, Piece::Unsafe(c));
                plain = i + c.len_utf8();
            }
        }
        if plain < cluster.len() {
            f(at + plain, Piece::Plain(&cluster[plain..]));
        }
    }
}

/// Whether `cluster` (one grapheme cluster) is an emoji sequence whose only unsafe characters
/// are the joiners that make it one emoji. Grapheme clusters keep a joiner with the pictograph
/// after it only in emoji sequences (and Indic conjuncts), and `unicode-width` draws a
/// well-formed emoji sequence as one emoji: two columns, where its emoji side by side take two
/// each. So a joiner joins when its cluster is narrower with the joiners than without them; a
/// conjunct is as wide either way, and keeps its placeholders.
fn is_joined_emoji(cluster: &str) -> bool {
    if cluster.ends_with(ZERO_WIDTH_JOINER)
        || !cluster.contains(ZERO_WIDTH_JOINER)
        || cluster
            .chars()
            .any(|c| c != ZERO_WIDTH_JOINER && is_unsafe_char(c))
    {
        return false;
    }
    let apart: String = cluster
        .chars()
        .filter(|c| *c != ZERO_WIDTH_JOINER)
        .collect();
    cluster.width() < apart.width()
}

/// Whether any character of `text` must not reach a terminal as itself.
pub fn has_unsafe(text: &str) -> bool {
    let mut found = false;
    for_each_piece(text, |_, piece| found |= matches!(piece, Piece::Unsafe(_)));
    found
}

/// What the screen shows for the unsafe character `c`.
pub fn placeholder(c: char) -> Cow<'static, str> {
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

/// `text` with each unsafe piece replaced by `replace`'s text for it.
fn replaced<'a>(text: &'a str, replace: impl Fn(char, &mut String)) -> Cow<'a, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for_each_piece(text, |_, piece| match piece {
        Piece::Plain(plain) => out.push_str(plain),
        Piece::Unsafe(c) => replace(c, &mut out),
    });
    Cow::Owned(out)
}

/// `text` with every unsafe character replaced by its placeholder, for the screen.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    replaced(text, |c, out| out.push_str(&placeholder(c)))
}

/// `text` with every unsafe character but the line break replaced by its placeholder, for
/// exports (CSV, Markdown) that keep a summary's lines but must not carry a terminal's
/// control sequences to whoever prints them.
pub fn sanitize_keeping_lines(text: &str) -> Cow<'_, str> {
    replaced(text, |c, out| {
        if c == '\n' {
            out.push(c);
        } else {
            out.push_str(&placeholder(c));
        }
    })
}

/// `text` with every unsafe character written as a Rust-style escape (`\u{1b}`), for
/// line-oriented messages.
pub fn escape_unsafe(text: &str) -> Cow<'_, str> {
    replaced(text, |c, out| out.extend(c.escape_unicode()))
}

/// `text` without its unsafe characters, keeping line breaks: what is pasted cannot run
/// anything, and reads as it was written.
pub fn strip_unsafe(text: &str) -> String {
    replaced(text, |c, out| {
        if c == '\n' {
            out.push(c);
        }
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_keep_line_breaks_and_nothing_else_unsafe() {
        assert_eq!(
            sanitize_keeping_lines("a\x1b]0;PWNED\x07\nb\u{202e}"),
            "a␛]0;PWNED␇\nb⟨U+202E⟩"
        );
        assert_eq!(sanitize_keeping_lines("two\nlines"), "two\nlines");
    }

    #[test]
    fn controls_escapes_bidi_and_zero_width_become_visible() {
        assert_eq!(sanitize("a\x1b[31mb"), "a␛[31mb");
        assert_eq!(sanitize("\0\x07\n"), "␀␇␊");
        assert_eq!(sanitize("x\x7fy\u{85}"), "x␡y�");
        assert_eq!(sanitize("ab\u{202e}cd"), "ab⟨U+202E⟩cd");
        assert_eq!(sanitize("a\u{200b}b\u{feff}"), "a⟨U+200B⟩b⟨U+FEFF⟩");
        assert_eq!(sanitize("\u{2066}"), "⟨U+2066⟩");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert!(matches!(
            sanitize("plain é 東京 ❤\u{fe0f}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_joiner_inside_an_emoji_is_part_of_it_and_any_other_joiner_is_shown() {
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(sanitize(family), family);
        assert_eq!(
            sanitize(&format!("the {family} network")),
            format!("the {family} network")
        );
        // A heart on fire (VS16 before the joiner), a rainbow flag, a skin tone and a joiner.
        for emoji in ["❤\u{fe0f}\u{200d}🔥", "🏳\u{fe0f}\u{200d}🌈", "👩🏽\u{200d}💻"]
        {
            assert_eq!(sanitize(emoji), emoji);
            assert!(!has_unsafe(emoji), "{emoji}");
        }
        // Between letters, dangling after an emoji, doubled, or in an Indic conjunct.
        assert_eq!(sanitize("Jo\u{200d}hn"), "Jo⟨U+200D⟩hn");
        assert_eq!(sanitize("👩\u{200d}a"), "👩⟨U+200D⟩a");
        assert_eq!(sanitize("👩\u{200d}"), "👩⟨U+200D⟩");
        assert_eq!(sanitize("👩\u{200d}\u{200d}👧"), "👩⟨U+200D⟩⟨U+200D⟩👧");
        assert_eq!(sanitize("क्\u{200d}ष"), "क्⟨U+200D⟩ष");
        // Another unsafe character inside the sequence gives the whole of it away.
        assert_eq!(sanitize("👩\u{200c}\u{200d}👧"), "👩⟨U+200C⟩⟨U+200D⟩👧");
        assert_eq!(sanitize("👩\u{200b}\u{200d}👧"), "👩⟨U+200B⟩⟨U+200D⟩👧");
        assert!(has_unsafe("Jo\u{200d}hn"));
        // Made safe once, text stays as it is.
        for text in ["Jo\u{200d}hn", family, "👩\u{200d}a\x1b"] {
            let once = sanitize(text).into_owned();
            assert_eq!(sanitize(&once), once);
        }
    }

    #[test]
    fn messages_escape_and_the_clipboard_drops_the_same_set() {
        assert_eq!(escape_unsafe("a\x1b]0;t\x07"), "a\\u{1b}]0;t\\u{7}");
        assert_eq!(escape_unsafe("\u{202e}\u{9b}"), "\\u{202e}\\u{9b}");
        assert!(matches!(escape_unsafe("plain é"), Cow::Borrowed(_)));
        assert_eq!(strip_unsafe("a\x1b[2Jb\u{202e}c\nd\u{200b}"), "a[2Jbc\nd");
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(escape_unsafe(family), family);
        assert_eq!(escape_unsafe("Jo\u{200d}hn"), "Jo\\u{200d}hn");
        assert_eq!(
            strip_unsafe(&format!("{family} Jo\u{200d}hn")),
            format!("{family} John")
        );
    }

    #[test]
    fn pieces_cover_the_text_in_order() {
        let text = "a\x1b👩\u{200d}👧b\u{202e}";
        let mut pieces = Vec::new();
        for_each_piece(text, |at, piece| pieces.push((at, piece)));
        assert_eq!(
            pieces,
            [
                (0, Piece::Plain("a")),
                (1, Piece::Unsafe('\x1b')),
                (2, Piece::Plain("👩\u{200d}👧")),
                (13, Piece::Plain("b")),
                (14, Piece::Unsafe('\u{202e}')),
            ]
        );
    }
}
