//! Columns text takes once made safe (`safe::sanitize`), and cutting it to fit.
//!
//! Text is measured a grapheme cluster at a time, as ratatui's buffer and terminals place it:
//! "❤️" (a heart and VS16) is one emoji two columns wide, not a one-column heart; 👩‍👩‍👧 is one
//! emoji, not three; a flag is two regional indicators drawn as one; a combining mark takes no
//! column of its own. `unicode-width` measures each cluster, so CJK and emoji keep borders
//! aligned.

use unicode_segmentation::GraphemeCursor;
use unicode_width::UnicodeWidthStr;

use super::safe::{for_each_piece, placeholder, sanitize, Piece};

/// Shown at the end of text cut to fit.
pub const ELLIPSIS: char = '…';

/// Columns `text` takes once made safe.
pub fn width(text: &str) -> usize {
    // Made safe, every ASCII character is one column: a control becomes a one-column picture
    // and a tab one space.
    if text.is_ascii() {
        return text.len();
    }
    clusters(&sanitize(text))
        .map(|(_, c)| cluster_width(c))
        .sum()
}

/// Columns one grapheme cluster of safe text takes.
fn cluster_width(cluster: &str) -> usize {
    if cluster.len() == 1 {
        1
    } else {
        cluster.width()
    }
}

/// The grapheme clusters of `text` with their byte offsets, as `graphemes(true)` gives them,
/// without segmenting the ASCII: an ASCII character followed by another, or by nothing, is a
/// cluster of its own (only CR LF joins two; combining marks and joiners are not ASCII). Data
/// text is mostly ASCII, and segmenting all of it made wrapping a source four times slower.
pub fn clusters(text: &str) -> Clusters<'_> {
    Clusters { text, at: 0 }
}

/// The iterator of `clusters`.
pub struct Clusters<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        let at = self.at;
        let first = *bytes.get(at)?;
        let alone = first.is_ascii()
            && bytes
                .get(at + 1)
                .is_none_or(|next| next.is_ascii() && !(first == b'\r' && *next == b'\n'));
        let end = if alone {
            at + 1
        } else {
            // All the text before `at` is given, for the rules that look back (flags, emoji).
            GraphemeCursor::new(at, self.text.len(), true)
                .next_boundary(self.text, 0)
                .ok()
                .flatten()
                .unwrap_or(self.text.len())
        };
        self.at = end;
        Some((at, &self.text[at..end]))
    }
}

/// `text` made safe and cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    // Printable ASCII is one column a character: cut by bytes.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return match text.len() {
            len if len <= max => text.to_string(),
            _ if max == 0 => String::new(),
            _ => format!("{}{ELLIPSIS}", &text[..max - 1]),
        };
    }
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

/// The end of `text` that fits in `max` columns with a `…` before it, made safe: for text
/// whose end matters more than its start (what was just typed).
pub fn tail(text: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let shown = sanitize(text);
    let mut used = 1;
    let mut start = shown.len();
    let all: Vec<(usize, &str)> = clusters(&shown).collect();
    for &(at, cluster) in all.iter().rev() {
        let w = cluster_width(cluster);
        if used + w > max {
            break;
        }
        used += w;
        start = at;
    }
    format!("{ELLIPSIS}{}", &shown[start..])
}

/// Characters with a style each (whatever the caller draws with), made safe and cut to at
/// most `max` columns (with `…` when cut), as runs of equal style. A grapheme cluster takes the
/// style of its first character; a wide one that would straddle the edge is dropped rather
/// than cut in half.
pub fn cut<S: Copy + PartialEq + Default>(
    chars: impl IntoIterator<Item = (char, S)>,
    max: usize,
) -> Vec<(String, S)> {
    // The text, with the style of each character by its byte offset.
    let mut text = String::new();
    let mut styles: Vec<(usize, S)> = Vec::new();
    for (c, style) in chars {
        styles.push((text.len(), style));
        text.push(c);
    }
    // The text as shown, and where each piece of it comes from: (offset shown, offset in
    // `text`, whether the piece is the text itself rather than a placeholder).
    let mut shown = String::with_capacity(text.len());
    let mut origins: Vec<(usize, usize, bool)> = Vec::new();
    for_each_piece(&text, |at, piece| {
        origins.push((shown.len(), at, matches!(piece, Piece::Plain(_))));
        match piece {
            Piece::Plain(plain) => shown.push_str(plain),
            Piece::Unsafe(c) => shown.push_str(&placeholder(c)),
        }
    });
    let style_of = |offset_shown: usize| -> S {
        let piece = origins.partition_point(|(shown_at, _, _)| *shown_at <= offset_shown);
        let Some(&(shown_at, at, plain)) = origins.get(piece.wrapping_sub(1)) else {
            return S::default();
        };
        let offset = if plain {
            at + (offset_shown - shown_at)
        } else {
            at
        };
        let char_at = styles.partition_point(|(start, _)| *start <= offset);
        styles
            .get(char_at.wrapping_sub(1))
            .map_or_else(S::default, |(_, style)| *style)
    };
    // The clusters kept: where each ends in `shown`, its columns and its style.
    let mut kept: Vec<(usize, usize, S)> = Vec::new();
    let mut used = 0;
    let mut cut = false;
    for (at, cluster) in clusters(&shown) {
        let w = cluster_width(cluster);
        if used + w > max {
            cut = true;
            break;
        }
        used += w;
        kept.push((at + cluster.len(), w, style_of(at)));
    }
    let mut ellipsis = None;
    if cut && max > 0 {
        // Make room for the ellipsis: drop clusters from the end until one column is free.
        let mut last_style = kept.last().map(|k| k.2).unwrap_or_default();
        while used + 1 > max {
            match kept.pop() {
                Some((_, w, style)) => {
                    used -= w;
                    last_style = style;
                }
                None => break,
            }
        }
        ellipsis = Some(last_style);
    }
    let mut runs: Vec<(String, S)> = Vec::new();
    let mut start = 0;
    for (end, _, style) in kept {
        let piece = &shown[start..end];
        start = end;
        match runs.last_mut() {
            Some((last, last_style)) if *last_style == style => last.push_str(piece),
            _ => runs.push((piece.to_string(), style)),
        }
    }
    if let Some(style) = ellipsis {
        match runs.last_mut() {
            Some((last, last_style)) if *last_style == style => last.push(ELLIPSIS),
            _ => runs.push((ELLIPSIS.to_string(), style)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEART: &str = "❤\u{fe0f}";
    const FAMILY: &str = "👩\u{200d}👩\u{200d}👧";
    const RAINBOW: &str = "🏳\u{fe0f}\u{200d}🌈";
    const FLAG: &str = "🇺🇦";

    #[test]
    fn widths_count_wide_characters_twice_and_combining_marks_not_at_all() {
        assert_eq!(width("東京"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\x1b"), 1);
        assert_eq!(width("🦀"), 2);
    }

    #[test]
    fn an_emoji_is_as_wide_as_its_cluster() {
        // A heart alone is one column; with VS16 it is an emoji, two.
        assert_eq!(width("❤"), 1);
        assert_eq!(width(HEART), 2);
        assert_eq!(width(&format!("{HEART} Solidarity Group")), 19);
        assert_eq!(width(FAMILY), 2);
        assert_eq!(width(RAINBOW), 2);
        assert_eq!(width(FLAG), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(width("Zoe\u{301}"), 3);
        // A joiner between letters is shown as its placeholder, eight columns.
        assert_eq!(width("Jo\u{200d}hn"), 12);
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
    fn truncation_keeps_or_drops_whole_clusters() {
        assert_eq!(
            truncate(&format!("{HEART}{HEART}x"), 4),
            format!("{HEART}…")
        );
        assert_eq!(truncate(&format!("a{FAMILY}"), 3), format!("a{FAMILY}"));
        assert_eq!(truncate(&format!("a{FAMILY}bc"), 3), "a…");
        assert_eq!(truncate(&format!("{FLAG}{FLAG}"), 3), format!("{FLAG}…"));
        assert_eq!(truncate("Zoe\u{301} Martin", 4), "Zoe\u{301}…");
        for text in [HEART, FAMILY, RAINBOW, FLAG, "東京", "e\u{301}e\u{301}"] {
            for columns in 0..6 {
                let fitted = fit(&format!("{text}{text}{text}"), columns);
                assert_eq!(width(&fitted), columns, "{text} in {columns}: {fitted:?}");
            }
        }
    }

    #[test]
    fn clusters_are_the_grapheme_clusters() {
        use unicode_segmentation::UnicodeSegmentation;
        for text in [
            "plain ascii, and CR LF\r\n too",
            &format!("a{HEART}b{FAMILY}c{RAINBOW}{FLAG}{FLAG}d"),
            "e\u{301}e\u{301}\u{302} 東京 1\u{fe0f}\u{20e3} 👍🏽!",
            "a\u{200d}b\u{200d}\u{200d}",
            "🇺🇦🇯🇵🇺",
            "",
        ] {
            let ours: Vec<(usize, &str)> = clusters(text).collect();
            let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn the_tail_keeps_whole_clusters() {
        assert_eq!(tail(&format!("abc{FAMILY}"), 3), format!("…{FAMILY}"));
        assert_eq!(tail(&format!("abc{FAMILY}"), 2), "…");
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("abc", 0), "");
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
        // A cluster takes its first character's style; a placeholder its character's.
        let text = format!("x{FAMILY}\x1b");
        let styles = [1, 2, 3, 4, 5, 6, 7];
        let runs = cut(text.chars().zip(styles), 10);
        assert_eq!(
            runs,
            [
                ("x".to_string(), 1),
                (FAMILY.to_string(), 2),
                ("␛".to_string(), 7)
            ]
        );
    }
}
