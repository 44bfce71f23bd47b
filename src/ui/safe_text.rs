//! Terminal-safe text as the panes draw it: styled characters cut to fit, as spans. The rules
//! (which characters get placeholders, how wide text is) are `crate::text`'s, re-exported here
//! for the panes.

use ratatui::style::Style;
use ratatui::text::Span;

pub use crate::text::safe::sanitize;
pub use crate::text::width::{fit, tail, truncate, width};

/// Styled characters made safe and cut to at most `max` columns (with `…` when cut), as spans
/// that merge runs of equal style. Each grapheme cluster (an emoji, a letter and its marks) is
/// one style, so that it stays in one span: ratatui measures a span's clusters, and a cluster
/// split between two would be measured as two. A wide cluster that would straddle the edge is
/// dropped rather than cut in half.
pub fn styled(chars: impl IntoIterator<Item = (char, Style)>, max: usize) -> Vec<Span<'static>> {
    crate::text::width::cut(chars, max)
        .into_iter()
        .map(|(text, style)| Span::styled(text, style))
        .collect()
}
