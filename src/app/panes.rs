//! The stats and map panes, drawn over the others: opening and closing them, moving in them,
//! and the filters they choose. Their figures follow the view: counted again whenever the
//! filters change while they are open.

use ratatui::layout::Rect;

use super::filters::{Area, Num};
use super::map::MapPane;
use super::stats::{self, Choice, Facet, StatsPane};
use super::{App, Cursor, Filters, Motion};
use crate::layout;

impl App<'_> {
    pub fn stats_pane(&self) -> Option<&StatsPane> {
        self.stats.as_deref()
    }

    pub fn map_pane(&self) -> Option<&MapPane> {
        self.map.as_deref()
    }

    /// Where the stats and map panes are drawn: over the panes and the strip, the status
    /// line left in sight (it shows the filters they choose).
    pub fn over_panes(&self) -> Rect {
        layout::over_panes(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// Bars the stats pane shows at once: the rows left under the facets and the sums.
    fn stats_rows(&self) -> usize {
        let rect = self.over_panes();
        let (columns, rows) = (layout::inner_width(rect), layout::inner_height(rect));
        let sums = self.stats.as_ref().map_or(stats::MIN_SUM_ROWS, |pane| {
            pane.stats.sum_rows(columns, rows)
        });
        rows.saturating_sub(1 + sums)
    }

    /// The map's canvas in braille dots: two per column and four per row inside the border.
    pub fn map_dots(&self) -> (usize, usize) {
        let rect = self.over_panes();
        (
            layout::inner_width(rect) * 2,
            layout::inner_height(rect) * 4,
        )
    }

    pub(super) fn toggle_stats(&mut self) {
        if self.stats.take().is_some() {
            self.pane_closed = true;
            return;
        }
        self.map = None;
        let numeric = self.numeric_names();
        self.stats = Some(Box::new(StatsPane {
            stats: stats::count(self.timeline, &self.view, &numeric),
            facet: Facet::Type,
            cursor: Cursor::default(),
        }));
    }

    pub(super) fn toggle_map(&mut self) {
        if self.map.take().is_some() {
            self.pane_closed = true;
            return;
        }
        self.stats = None;
        let map = MapPane::open(self.timeline, &self.view, self.map_dots());
        if map.located() == 0 {
            self.message = Some(format!(
                "No event of the {} shown has coordinates.",
                self.view.len()
            ));
        }
        self.map = Some(Box::new(map));
    }

    /// Counts the stats and gathers the map's points again for a new view.
    pub(super) fn follow_view(&mut self) {
        let rows = self.stats_rows();
        let numeric = match &self.stats {
            Some(_) => self.numeric_names(),
            None => Vec::new(),
        };
        if let Some(pane) = &mut self.stats {
            pane.stats = stats::count(self.timeline, &self.view, &numeric);
            let len = pane.stats.bars(pane.facet).len();
            pane.cursor.clamp(len, rows);
        }
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.gather(self.timeline, &self.view);
            map.bin(dots);
        }
    }

    /// Bins the map's points again after a resize.
    pub(super) fn fit_panes(&mut self) {
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            if (map.grid.columns, map.grid.rows) != dots {
                map.bin(dots);
            }
        }
        let rows = self.stats_rows();
        if let Some(pane) = &mut self.stats {
            let len = pane.stats.bars(pane.facet).len();
            pane.cursor.clamp(len, rows);
        }
    }

    pub(super) fn step_facet(&mut self, step: isize) {
        if let Some(pane) = &mut self.stats {
            pane.facet = pane.facet.step(step);
            pane.cursor = Cursor::default();
        }
    }

    /// Moves over the bars; whether the stats pane was there to take the motion.
    pub(super) fn move_in_stats(&mut self, motion: Motion) -> bool {
        let rows = self.stats_rows();
        let Some(pane) = &mut self.stats else {
            return false;
        };
        let len = pane.stats.bars(pane.facet).len();
        pane.cursor.apply(motion, len, rows);
        true
    }

    /// Filters the events to the selected bar, as a step Back returns from; the pane stays
    /// open and counts the new view.
    pub(super) fn choose_bar(&mut self) {
        let Some(pane) = &self.stats else {
            return;
        };
        let Some(bar) = pane.stats.bars(pane.facet).get(pane.cursor.selected) else {
            self.message = Some(format!("No {} to choose.", pane.facet.name()));
            return;
        };
        let mut filters = self.filter.clone();
        let already = match &bar.choice {
            Choice::Type(t) => add(&mut filters.types, t),
            Choice::Country(c) => add(&mut filters.countries, c),
            Choice::Actor(a) => {
                let fresh = !filters.actors.contains(a);
                if fresh {
                    filters.actors.push(*a);
                }
                !fresh
            }
            // The events the bar counts: dated within the month (`DateKey::month_within`).
            Choice::Month(key) => {
                let Ok(month) = i32::try_from(*key) else {
                    self.message = Some(format!("{} is not a month to filter by.", bar.label));
                    return;
                };
                filters.month.replace(month) == Some(month)
            }
        };
        if already {
            self.message = Some(format!("Already filtering by {}.", bar.label));
            return;
        }
        let label = bar.label.clone();
        self.go_to_filters(filters);
        self.message = Some(format!(
            "Filtered to {label}: {} shown. x clears, Backspace goes back.",
            crate::text::count(self.view.len(), "event", "events")
        ));
        if let Some(pane) = &mut self.stats {
            pane.cursor = Cursor::default();
        }
    }

    pub(super) fn zoom_map(&mut self, closer: bool) {
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.window = map.window.zoomed(if closer { 0.5 } else { 2.0 });
            map.bin(dots);
        }
    }

    pub(super) fn pan_map(&mut self, east: i8, north: i8) {
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.window = map
                .window
                .panned(f64::from(east) / 4.0, f64::from(north) / 4.0);
            map.bin(dots);
        }
    }

    /// Shows `window` on the open map (as it was before a reload).
    pub(super) fn show_map_window(&mut self, window: super::map::Bounds) {
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.window = window;
            map.bin(dots);
        }
    }

    pub(super) fn reset_map(&mut self) {
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.window = map.home;
            map.bin(dots);
        }
    }

    /// Filters the events to those inside the map's window, as a step Back returns from.
    pub(super) fn filter_to_map(&mut self) {
        let Some(map) = &self.map else {
            return;
        };
        let w = map.window;
        let area = Area {
            south: Num(w.south),
            west: Num(w.west),
            north: Num(w.north),
            east: Num(w.east),
        };
        let filters = Filters {
            area: Some(area),
            ..self.filter.clone()
        };
        self.go_to_filters(filters);
        self.message = Some(format!(
            "Filtered to the {}: {} shown. x clears, Backspace goes back.",
            area.label(),
            crate::text::count(self.view.len(), "event", "events")
        ));
        // The window stays where it was, now the extent of what it filtered to.
        let dots = self.map_dots();
        if let Some(map) = &mut self.map {
            map.window = w;
            map.home = w;
            map.bin(dots);
        }
    }
}

impl App<'_> {
    /// The name of the pane over the others, if one is open.
    fn pane_over(&self) -> Option<&'static str> {
        match (&self.stats, &self.map) {
            (Some(_), _) => Some("stats"),
            (None, Some(_)) => Some("map"),
            (None, None) => None,
        }
    }

    pub(super) fn say_covered(&mut self, key: &str) {
        let pane = self.pane_over().unwrap_or("pane");
        self.message = Some(format!(
            "{key} works on the panes under the {pane}: close the {pane} first (q or Esc)."
        ));
    }

    /// After a pane closed, Esc does not go back: it says where Back would go.
    pub(super) fn say_how_to_go_back(&mut self) {
        self.message = Some(match self.history.last() {
            Some(back) if back.filter != self.filter => format!(
                "Closed. Esc again or Backspace goes back to {}.",
                self.filters_words(&back.filter)
            ),
            Some(_) => "Closed. Esc again or Backspace goes back.".into(),
            None => "Closed.".into(),
        });
    }

    /// `filters` in words, as the status line names them.
    pub(super) fn filters_words(&self, filters: &Filters) -> String {
        if filters.is_empty() {
            return "no filter".into();
        }
        let parts: Vec<String> = filters
            .parts()
            .iter()
            .map(|p| filters.part_label(self.timeline, p))
            .collect();
        format!("the filter {}", parts.join(", "))
    }
}

/// Adds `name` to `list`; whether it was there already (case aside, as filters match).
pub(super) fn add(list: &mut Vec<String>, name: &str) -> bool {
    if list.iter().any(|n| crate::text::case::same_label(n, name)) {
        return true;
    }
    list.push(name.to_string());
    false
}

#[cfg(test)]
mod tests;
