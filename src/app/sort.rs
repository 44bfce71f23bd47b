//! The events pane in the order of a numeric attribute rather than of time. The view stays in
//! timeline order (finding, marks and the strip rely on it); the sort is a permutation of its
//! positions, made when the view or the order changes, never per frame, and never a copy of
//! an event.

use super::stats::{attribute_values, same_name};
use super::App;
use crate::model::{EventIx, Label, ValueRef};
use crate::timeline::Timeline;

/// The events pane's order when not by date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sort {
    pub attribute: String,
    /// Highest first.
    pub descending: bool,
}

impl Sort {
    /// "fatalities ↓" (highest first) or "fatalities ↑".
    pub fn label(&self) -> String {
        let arrow = if self.descending { "↓" } else { "↑" };
        format!("{} {arrow}", self.attribute)
    }
}

/// The view's positions in the sort's order. Events without the attribute (or where it is not
/// a number) come last; ties, and those last, stay in time order.
pub fn order(timeline: &Timeline, view: &[EventIx], sort: &Sort) -> Vec<u32> {
    let mut keyed: Vec<(f64, u32)> = Vec::with_capacity(view.len());
    let mut missing: Vec<u32> = Vec::new();
    for (at, ix) in view.iter().enumerate() {
        match timeline.event(*ix).number(&sort.attribute) {
            Some(value) => keyed.push((value, at as u32)),
            None => missing.push(at as u32),
        }
    }
    // A stable sort by value alone keeps equal values in time order.
    if sort.descending {
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    } else {
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    keyed.into_iter().map(|(_, at)| at).chain(missing).collect()
}

/// The names of the numeric attributes, alphabetical: those that are a number in at least one
/// event. Text that reads as a number (a CAMEO code, `043`) does not make a name numeric, unless
/// no event has a number at all: a dataset written before attributes were typed holds its
/// numbers as text. Events mostly list the same attributes in the same order, so each name is
/// looked for where the last was found.
pub fn numeric_attributes(timeline: &Timeline) -> Vec<String> {
    // (name, whether a value of it is a number, whether one reads as a number)
    let mut names: Vec<(&Label, bool, bool)> = Vec::new();
    for event in timeline.events() {
        let mut at = 0;
        for (name, value) in attribute_values(event) {
            let index = match names.get(at) {
                Some((n, _, _)) if same_name(n, name) => at,
                _ => match names.iter().position(|(n, _, _)| same_name(n, name)) {
                    Some(i) => i,
                    None => {
                        names.push((name, false, false));
                        names.len() - 1
                    }
                },
            };
            let entry = &mut names[index];
            match value {
                ValueRef::Number(_) => entry.1 = true,
                ValueRef::Text(_) if !entry.2 => entry.2 = value.number().is_some(),
                ValueRef::Text(_) => {}
            }
            at = index + 1;
        }
    }
    let typed = names.iter().any(|(_, number, _)| *number);
    let mut numeric: Vec<String> = names
        .into_iter()
        .filter(|(_, number, reads)| if typed { *number } else { *reads })
        .map(|(n, _, _)| n.to_string())
        .collect();
    numeric.sort();
    numeric.dedup();
    numeric
}

impl App<'_> {
    /// The event on row `row` of the events pane.
    pub fn row_event(&self, row: usize) -> Option<EventIx> {
        if self.order.is_empty() {
            self.view.get(row).copied()
        } else {
            let at = *self.order.get(row)?;
            self.view.get(at as usize).copied()
        }
    }

    /// The view's events in the order the events pane shows them (the sort's, or time).
    pub fn shown_events(&self) -> Vec<EventIx> {
        if self.order.is_empty() {
            return self.view.clone();
        }
        self.order
            .iter()
            .filter_map(|at| self.view.get(*at as usize).copied())
            .collect()
    }

    /// The row of `event` in the events pane; when it is not in the view, `Err` with the row
    /// it would have in time order (the first row when sorted otherwise).
    pub(super) fn row_of(&self, event: EventIx) -> Result<usize, usize> {
        match self.view.binary_search(&event) {
            Ok(at) => Ok(self.row_of_position(at)),
            Err(_) if !self.order.is_empty() => Err(0),
            Err(at) => Err(at),
        }
    }

    /// The row of the view's `at`th event.
    pub(super) fn row_of_position(&self, at: usize) -> usize {
        if self.order.is_empty() {
            at
        } else {
            self.rank.get(at).map_or(at, |r| *r as usize)
        }
    }

    pub fn sort(&self) -> Option<&Sort> {
        self.sort.as_ref()
    }

    /// The names of the numeric attributes in the timeline, found the first time they are
    /// asked for (the sort picker, the range prompt) rather than when the browser opens.
    pub(super) fn numeric_names(&mut self) -> Vec<String> {
        self.numeric_names
            .get_or_insert_with(|| numeric_attributes(self.timeline))
            .clone()
    }

    /// Makes the order of the view again after it or the sort changed.
    pub(super) fn resort(&mut self) {
        match &self.sort {
            None => {
                self.order = Vec::new();
                self.rank = Vec::new();
            }
            Some(sort) => {
                self.order = order(self.timeline, &self.view, sort);
                let mut rank = vec![0u32; self.order.len()];
                for (row, at) in self.order.iter().enumerate() {
                    rank[*at as usize] = row as u32;
                }
                self.rank = rank;
            }
        }
    }

    /// Orders the events pane by `sort` (by date for `None`), the selected event kept.
    pub(super) fn set_sort(&mut self, sort: Option<Sort>) {
        let before = self.selected_event();
        self.sort = sort;
        self.resort();
        let row = before.and_then(|e| self.row_of(e).ok()).unwrap_or(0);
        let height = self.height(super::Pane::Events);
        self.events.select(row, self.view.len(), height);
        self.focus = super::Pane::Events;
        self.message = Some(match &self.sort {
            Some(sort) => {
                let without = self
                    .view
                    .iter()
                    .filter(|ix| self.timeline.event(**ix).number(&sort.attribute).is_none())
                    .count();
                let mut note = format!("Events sorted by {}", sort.label());
                if without > 0 {
                    note.push_str(&format!("; {without} without it come last"));
                }
                note.push('.');
                note
            }
            None => "Events in date order.".into(),
        });
        self.refit();
    }
}
