//! A selection and scroll offset in a list, kept valid against the list's real length.

/// How far a move goes, in the focused pane's units (rows, quotes or sentences).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One step down.
    Down,
    /// One step up.
    Up,
    /// One page (the pane's height) down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the first item.
    First,
    /// To the last item.
    Last,
}

impl Motion {
    /// The new index after moving from `from` in a list of `len` items shown `page` at a time.
    pub fn apply(self, from: usize, len: usize, page: usize) -> usize {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        let to = match self {
            Motion::Down => from.saturating_add(1),
            Motion::Up => from.saturating_sub(1),
            Motion::PageDown => from.saturating_add(page),
            Motion::PageUp => from.saturating_sub(page),
            Motion::HalfPageDown => from.saturating_add(page.div_ceil(2)),
            Motion::HalfPageUp => from.saturating_sub(page.div_ceil(2)),
            Motion::First => 0,
            Motion::Last => last,
        };
        to.min(last)
    }
}

/// The selected row of a list and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Clamps the selection to `len` items and scrolls so it is inside `height` rows.
    pub fn clamp(&mut self, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        self.offset = visible_offset(self.offset, self.selected, height, len);
    }

    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index;
        self.clamp(len, height);
    }

    pub fn apply(&mut self, motion: Motion, len: usize, height: usize) {
        self.selected = motion.apply(self.selected, len, height);
        self.clamp(len, height);
    }

    /// Scrolls the view by `delta` rows (mouse wheel), dragging the selection along only as far
    /// as needed to keep it in view.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            return;
        }
        let max_offset = len.saturating_sub(height.max(1));
        self.offset = self.offset.saturating_add_signed(delta).min(max_offset);
        let last_shown = self.offset + height.max(1) - 1;
        self.selected = self.selected.clamp(self.offset, last_shown.min(len - 1));
    }
}

/// The first row to show so that `selected` is visible in `height` rows, moving as little as
/// possible from `offset`, and never leaving blank rows at the end when the list could fill them.
pub fn visible_offset(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let mut offset = offset.min(selected);
    if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motions_stay_inside_the_list() {
        assert_eq!(Motion::Down.apply(4, 5, 3), 4);
        assert_eq!(Motion::Up.apply(0, 5, 3), 0);
        assert_eq!(Motion::PageDown.apply(0, 10, 4), 4);
        assert_eq!(Motion::HalfPageDown.apply(0, 10, 4), 2);
        assert_eq!(Motion::HalfPageUp.apply(5, 10, 5), 2);
        assert_eq!(Motion::Last.apply(0, 10, 4), 9);
        assert_eq!(Motion::Last.apply(0, 0, 4), 0);
    }

    #[test]
    fn the_selection_stays_in_view() {
        let mut c = Cursor::default();
        c.apply(Motion::Last, 10, 4);
        assert_eq!((c.selected, c.offset), (9, 6));
        c.apply(Motion::First, 10, 4);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.scroll(3, 10, 4);
        assert_eq!((c.selected, c.offset), (3, 3));
        c.scroll(100, 10, 4);
        assert_eq!((c.selected, c.offset), (6, 6));
        c.clamp(2, 4);
        assert_eq!((c.selected, c.offset), (1, 0));
        c.clamp(0, 4);
        assert_eq!(c, Cursor::default());
    }
}
