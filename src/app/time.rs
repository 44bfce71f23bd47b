//! Moving through time: the density strip's counts, zoom and bucket jumps.

use super::density::{self, bucket_columns, Density, Unit};
use super::{visible_offset, App, Pane};

impl App<'_> {
    /// Columns the strip has on this screen (0 when it is not shown).
    fn strip_width(&self) -> usize {
        self.screen().strip().map_or(0, |r| usize::from(r.width))
    }

    /// Recounts the strip's buckets: when the view, the zoom or the width changed.
    pub(super) fn recount(&mut self) {
        // With the strip hidden (a short terminal), [ and ] still step by what would fit.
        let width = match self.strip_width() {
            0 => usize::from(self.size.0).max(1),
            width => width,
        };
        let unit = self
            .zoom
            .unwrap_or_else(|| density::fitting_unit(self.timeline, &self.view, width));
        self.density = Density::count(self.timeline, &self.view, unit);
        self.fit_strip();
    }

    /// The strip's bucket of the selected event.
    pub fn selected_bucket(&self) -> Option<usize> {
        self.selected_event()
            .map(|e| self.density.bucket_of(&self.timeline.event(e).date))
    }

    /// Columns per bucket and buckets shown, for the strip's current width.
    pub fn strip_geometry(&self) -> (usize, usize) {
        let width = self.strip_width();
        let cols = bucket_columns(self.density.counts.len(), width);
        (cols, (width / cols).max(1))
    }

    /// Scrolls the strip so the selected event's bucket is in view.
    pub(super) fn fit_strip(&mut self) {
        let (_, shown) = self.strip_geometry();
        let len = self.density.counts.len();
        let selected = self.selected_bucket().unwrap_or(0);
        self.strip_offset = visible_offset(self.strip_offset, selected, shown, len);
    }

    pub(super) fn zoom(&mut self, finer: bool) {
        let Some(unit) = self.density.unit.step(finer) else {
            self.message = Some(format!(
                "The strip already counts by {}.",
                self.density.unit.name()
            ));
            return;
        };
        self.zoom = Some(unit);
        self.recount();
        self.message = Some(format!("The strip counts events by {}.", unit.name()));
    }

    /// Selects the first event of bucket `bucket`.
    fn select_bucket(&mut self, bucket: usize) {
        let key = self.density.first + bucket as i64;
        let unit: Unit = self.density.unit;
        let timeline = self.timeline;
        let at = self
            .view
            .partition_point(|ix| unit.key_of(&timeline.event(*ix).date) < key);
        let at = self.row_of_position(at.min(self.view.len().saturating_sub(1)));
        let before = self.selected_event();
        self.focus = Pane::Events;
        let height = self.height(Pane::Events);
        self.events.select(at, self.view.len(), height);
        self.after_event_change(before);
        self.refit();
    }

    pub(super) fn step_bucket(&mut self, later: bool) {
        let Some(current) = self.selected_bucket() else {
            self.message = Some("No event is shown.".into());
            return;
        };
        let counts = &self.density.counts;
        let target = if later {
            (current + 1..counts.len()).find(|b| counts[*b].total() > 0)
        } else {
            (0..current).rev().find(|b| counts[*b].total() > 0)
        };
        match target {
            Some(bucket) => self.select_bucket(bucket),
            None => {
                self.message = Some(if later {
                    "No later events in this view.".into()
                } else {
                    "No earlier events in this view.".into()
                })
            }
        }
    }

    /// A click on the strip at `column`: the clicked bucket's first event, or the nearest
    /// non-empty bucket after it (before it at the end).
    pub(super) fn click_strip(&mut self, column: u16) {
        let Some(rect) = self.screen().strip() else {
            return;
        };
        let (cols, _) = self.strip_geometry();
        let bucket = self.strip_offset + usize::from(column.saturating_sub(rect.x)) / cols;
        let counts = &self.density.counts;
        if bucket >= counts.len() {
            return;
        }
        let target = (bucket..counts.len())
            .find(|b| counts[*b].total() > 0)
            .or_else(|| (0..bucket).rev().find(|b| counts[*b].total() > 0));
        if let Some(bucket) = target {
            self.select_bucket(bucket);
        }
    }
}
