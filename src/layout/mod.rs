//! Screen geometry, as pure functions of the terminal size and what is open, shared by
//! `App::update` (page sizes, mouse hit tests, scroll limits) and `draw` (where to paint): where
//! each pane goes, and which text goes on which row of the panes whose rows wrap.

pub mod detail;

use ratatui::layout::Rect;

use crate::text::wrap::wrap;

/// The panes of the browser. The source view takes the place of quotes and detail when open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Events,
    Actors,
    Quotes,
    Detail,
    Source,
}

/// Below this the browser shows only "terminal too small".
pub const MIN_WIDTH: u16 = 12;
pub const MIN_HEIGHT: u16 = 4;
/// From this size up all panes are shown together; below it only the focused one.
pub const WIDE_WIDTH: u16 = 80;
pub const WIDE_HEIGHT: u16 = 20;

/// The density strip above the panes: two rows of bars and one of labels, shown from this
/// terminal height up.
pub const STRIP_ROWS: u16 = 3;
pub const STRIP_MIN_HEIGHT: u16 = 16;

/// Columns taken by the source view's gutter: a citation mark and a space. (Sentence numbers
/// are drawn in the text, before each sentence's first word.)
pub const SOURCE_GUTTER: usize = 2;

/// Where each part of the screen goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Panes {
        /// The panes drawn, in drawing order, with their outer (bordered) areas.
        visible: Vec<(Pane, Rect)>,
        /// The area every pane would have if shown: used for page sizes of hidden panes.
        all: [(Pane, Rect); 5],
        status: Rect,
        /// The density strip, when the terminal is tall enough.
        strip: Option<Rect>,
        /// Whether only the focused pane is shown.
        single: bool,
    },
}

impl Screen {
    /// The outer area `pane` has or would have when shown.
    pub fn rect(&self, pane: Pane) -> Rect {
        match self {
            Screen::TooSmall => Rect::default(),
            Screen::Panes { all, .. } => all
                .iter()
                .find(|(p, _)| *p == pane)
                .map_or(Rect::default(), |(_, r)| *r),
        }
    }

    /// Where the density strip is drawn, if it is.
    pub fn strip(&self) -> Option<Rect> {
        match self {
            Screen::TooSmall => None,
            Screen::Panes { strip, .. } => *strip,
        }
    }

    /// The visible pane under the terminal cell `(column, row)`.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        match self {
            Screen::TooSmall => None,
            Screen::Panes { visible, .. } => visible.iter().copied().find(|(_, r)| {
                column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
            }),
        }
    }
}

/// Where a pane drawn over the others goes (the stats and the map): everything but the
/// status line.
pub fn over_panes(area: Rect) -> Rect {
    Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1))
}

/// Rows inside a bordered pane.
pub fn inner_height(rect: Rect) -> usize {
    usize::from(rect.height.saturating_sub(2))
}

/// Columns inside a bordered pane, less one for the scrollbar where lists have one.
pub fn inner_width(rect: Rect) -> usize {
    usize::from(rect.width.saturating_sub(2))
}

/// Lays out the screen for a terminal of `area`, with the source view open or not.
pub fn compute(area: Rect, source_open: bool, focus: Pane) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let (strip, top) = if area.height >= STRIP_MIN_HEIGHT {
        (
            Some(Rect::new(area.x, area.y, area.width, STRIP_ROWS)),
            STRIP_ROWS,
        )
    } else {
        (None, 0)
    };
    let main = Rect::new(area.x, area.y + top, area.width, area.height - 1 - top);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    if area.width < WIDE_WIDTH || area.height < WIDE_HEIGHT {
        let all = [
            Pane::Events,
            Pane::Actors,
            Pane::Quotes,
            Pane::Detail,
            Pane::Source,
        ]
        .map(|p| (p, main));
        return Screen::Panes {
            visible: vec![(focus, main)],
            all,
            status,
            strip,
            single: true,
        };
    }
    let top_height = main.height * 11 / 20;
    let top = Rect::new(main.x, main.y, main.width, top_height);
    let bottom = Rect::new(
        main.x,
        main.y + top_height,
        main.width,
        main.height - top_height,
    );
    let events_width = top.width * 13 / 20;
    let events = Rect::new(top.x, top.y, events_width, top.height);
    let actors = Rect::new(
        top.x + events_width,
        top.y,
        top.width - events_width,
        top.height,
    );
    let quotes_width = bottom.width / 2;
    let quotes = Rect::new(bottom.x, bottom.y, quotes_width, bottom.height);
    let detail = Rect::new(
        bottom.x + quotes_width,
        bottom.y,
        bottom.width - quotes_width,
        bottom.height,
    );
    let visible = if source_open {
        vec![
            (Pane::Events, events),
            (Pane::Actors, actors),
            (Pane::Source, bottom),
        ]
    } else {
        vec![
            (Pane::Events, events),
            (Pane::Actors, actors),
            (Pane::Quotes, quotes),
            (Pane::Detail, detail),
        ]
    };
    Screen::Panes {
        visible,
        all: [
            (Pane::Events, events),
            (Pane::Actors, actors),
            (Pane::Quotes, quotes),
            (Pane::Detail, detail),
            (Pane::Source, bottom),
        ],
        status,
        strip,
        single: false,
    }
}

/// Rows one quote takes in the quotes pane `width` columns wide: a header line naming the
/// source and sentence, the wrapped quote, and a blank separator line.
pub fn quote_height(text: &str, width: usize) -> usize {
    1 + quote_lines(text, width).len() + 1
}

/// The quote text wrapped for the quotes pane (indented by two columns).
pub fn quote_lines(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    wrap(text, width.saturating_sub(2).max(1))
}

/// A sentence's number as the source view draws it before its first word: `⁽24⁾`, small and
/// apart from the text (and from any number in it), so that it reads as a label.
pub fn marker(number: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::from('⁽');
    out.extend(
        number
            .to_string()
            .bytes()
            .map(|b| DIGITS[usize::from(b - b'0')]),
    );
    out.push('⁾');
    out
}

/// Columns `marker(number)` takes: its digits and the two parentheses.
pub fn marker_width(number: usize) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1) + 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_four_panes_and_narrow_ones_one() {
        let Screen::Panes {
            visible, single, ..
        } = compute(Rect::new(0, 0, 120, 40), false, Pane::Events)
        else {
            panic!("120x40 fits");
        };
        assert!(!single);
        assert_eq!(visible.len(), 4);
        let Screen::Panes {
            visible, single, ..
        } = compute(Rect::new(0, 0, 60, 20), false, Pane::Actors)
        else {
            panic!("60x20 fits");
        };
        assert!(single);
        assert_eq!(visible, vec![(Pane::Actors, Rect::new(0, 3, 60, 16))]);
        assert_eq!(
            compute(Rect::new(0, 0, 5, 5), false, Pane::Events),
            Screen::TooSmall
        );
    }
}
