//! One-line prompts (go to date, date range, find, export) and the fuzzy pickers (event types,
//! tags, active filters). Both are opened by a key, edited a character at a time, and act on
//! Enter; a prompt whose input is refused stays open showing why.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::filters::{parse_range, FilterPart};
use super::find::{Find, Needle};
use super::panes::add;
use super::sort::Sort;
use super::{App, Cursor, Effect, Motion, TextField};
use crate::date::EdtfDate;
use crate::export::ViewFormat as Format;

/// What a prompt asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// A date to go to: the first event on or after it.
    GoToDate,
    /// A date range to filter by.
    DateRange,
    /// Text to find in titles, summaries and quotes.
    Find,
    /// A file to export the view to.
    Export,
    /// A range of a numeric attribute to filter by.
    NumRange,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::GoToDate => "go to date",
            PromptKind::DateRange => "dates (FROM..TO, FROM.., ..TO or one date)",
            PromptKind::Find => "find",
            PromptKind::Export => "export to (.md .csv .jsonl)",
            PromptKind::NumRange => "range (fatalities>=10, goldstein -5..0)",
        }
    }
}

/// An open prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    /// What is typed; a prompt that opens filled in offers its text selected.
    pub input: TextField,
    /// Why the last Enter was refused; cleared by the next edit.
    pub error: Option<String>,
}

/// What a picker picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    /// Event types, to filter by.
    Types,
    /// Tags, to filter by.
    Tags,
    /// The active filters, to remove one.
    ActiveFilters,
    /// Countries and admin regions, to filter by.
    Places,
    /// The orders of the events pane: by date, or by a numeric attribute either way.
    Sort,
}

impl PickerKind {
    pub fn title(self) -> &'static str {
        match self {
            PickerKind::Types => " Filter by type · Enter adds ",
            PickerKind::Tags => " Filter by tag · Enter adds ",
            PickerKind::ActiveFilters => " Remove a filter · Enter removes ",
            PickerKind::Places => " Filter by country or region · Enter adds ",
            PickerKind::Sort => " Sort the events · Enter sorts ",
        }
    }
}

/// One choice of a picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerItem {
    pub label: String,
    /// Events in the whole timeline, shown beside types and tags.
    pub count: Option<usize>,
    pub choice: PickerChoice,
}

/// What choosing an item of a picker does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerChoice {
    /// Adds the filter, or removes it in the picker of active filters.
    Filter(FilterPart),
    /// Orders the events pane so (by date for `None`).
    Sort(Option<Sort>),
}

/// An item that matches the query, with the char positions that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerMatch {
    pub item: usize,
    pub indices: Vec<usize>,
}

/// An open picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    /// The query, always edited at its end (the arrows move in the list).
    pub query: TextField,
    pub items: Vec<PickerItem>,
    /// Best first; with an empty query, every item in order.
    pub matches: Vec<PickerMatch>,
    pub cursor: Cursor,
}

impl Picker {
    /// Ranks the items for the query: once per keystroke.
    fn rerank(&mut self) {
        let query = self.query.as_str().trim();
        self.matches = if query.is_empty() {
            (0..self.items.len())
                .map(|item| PickerMatch {
                    item,
                    indices: Vec::new(),
                })
                .collect()
        } else {
            let matcher = SkimMatcherV2::default().smart_case();
            let mut scored: Vec<(i64, PickerMatch)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(item, it)| {
                    crate::search::fuzzy_indices(&matcher, &it.label, query)
                        .map(|(score, indices)| (score, PickerMatch { item, indices }))
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.item.cmp(&b.1.item)));
            scored.into_iter().map(|(_, m)| m).collect()
        };
        self.cursor = Cursor::default();
    }

    pub fn selected(&self) -> Option<&PickerItem> {
        self.matches
            .get(self.cursor.selected)
            .and_then(|m| self.items.get(m.item))
    }
}

/// Rows of the picker popup's list.
pub const PICKER_ROWS: usize = 12;

impl App<'_> {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        self.search = None;
        self.picker = None;
        let input = match kind {
            PromptKind::Find => self
                .find
                .as_ref()
                .map(|f| f.needle.query.clone())
                .unwrap_or_default(),
            PromptKind::DateRange => match (&self.filter.from, &self.filter.to) {
                (None, None) => String::new(),
                (Some(f), Some(t)) if f == t => f.edtf(),
                (f, t) => format!(
                    "{}..{}",
                    f.map(|d| d.edtf()).unwrap_or_default(),
                    t.map(|d| d.edtf()).unwrap_or_default()
                ),
            },
            PromptKind::Export => format!("{}-events.md", file_stem(&self.dataset)),
            PromptKind::GoToDate | PromptKind::NumRange => String::new(),
        };
        self.prompt = Some(Prompt {
            kind,
            input: TextField::suggested(input),
            error: None,
        });
    }

    pub(super) fn open_picker(&mut self, kind: PickerKind) {
        self.search = None;
        self.prompt = None;
        let counted = match kind {
            PickerKind::Types | PickerKind::Tags | PickerKind::Places => self
                .types_and_tags
                .get_or_insert_with(|| super::keep::types_and_tags(self.timeline)),
            PickerKind::ActiveFilters | PickerKind::Sort => &super::keep::TypesAndTags::default(),
        };
        let filter = |label: &str, count: usize, part: FilterPart| PickerItem {
            label: label.to_string(),
            count: Some(count),
            choice: PickerChoice::Filter(part),
        };
        let items: Vec<PickerItem> = match kind {
            PickerKind::Types => counted
                .types
                .iter()
                .map(|(t, n)| filter(t, *n, FilterPart::Type(t.clone())))
                .collect(),
            PickerKind::Tags => counted
                .tags
                .iter()
                .map(|(t, n)| filter(t, *n, FilterPart::Tag(t.clone())))
                .collect(),
            PickerKind::Places => counted
                .countries
                .iter()
                .map(|(c, n)| filter(c, *n, FilterPart::Country(c.clone())))
                .chain(
                    counted
                        .admin1
                        .iter()
                        .map(|(label, a, n)| filter(label, *n, FilterPart::Admin1(a.clone()))),
                )
                .collect(),
            PickerKind::Sort => self.sort_items(),
            PickerKind::ActiveFilters => self
                .filter
                .parts()
                .into_iter()
                .map(|part| PickerItem {
                    label: self.filter.part_label(self.timeline, &part),
                    count: None,
                    choice: PickerChoice::Filter(part),
                })
                .collect(),
        };
        if items.is_empty() {
            self.message = Some(
                match kind {
                    PickerKind::Types => "No event has a type.",
                    PickerKind::Tags => "No event has tags.",
                    PickerKind::ActiveFilters => "No filter to remove.",
                    PickerKind::Places => "No event has a country or region.",
                    PickerKind::Sort => "No event has a numeric attribute to sort by.",
                }
                .into(),
            );
            return;
        }
        let mut picker = Picker {
            kind,
            query: TextField::default(),
            items,
            matches: Vec::new(),
            cursor: Cursor::default(),
        };
        picker.rerank();
        self.picker = Some(picker);
    }

    /// Edits the text of the open prompt or picker.
    pub(super) fn edit_input(&mut self, edit: impl FnOnce(&mut TextField)) {
        if let Some(picker) = &mut self.picker {
            let before = picker.query.as_str().len();
            edit(&mut picker.query);
            // The caret keys do not apply: a picker's query is edited at its end.
            picker.query.move_caret(super::Caret::End);
            if picker.query.as_str().len() != before {
                picker.rerank();
            }
        } else if let Some(prompt) = &mut self.prompt {
            edit(&mut prompt.input);
            prompt.error = None;
        }
    }

    pub(super) fn move_in_picker(&mut self, motion: Motion) -> bool {
        let Some(picker) = &mut self.picker else {
            return false;
        };
        picker
            .cursor
            .apply(motion, picker.matches.len(), PICKER_ROWS);
        true
    }

    pub(super) fn cancel_prompt(&mut self) {
        self.prompt = None;
        self.picker = None;
    }

    pub(super) fn submit(&mut self) {
        if let Some(picker) = self.picker.take() {
            let Some(item) = picker.selected().cloned() else {
                self.message = Some("Nothing matches.".into());
                self.picker = Some(picker);
                return;
            };
            let part = match item.choice {
                PickerChoice::Filter(part) => part,
                PickerChoice::Sort(sort) => {
                    self.set_sort(sort);
                    return;
                }
            };
            let mut filters = self.filter.clone();
            let already = match &part {
                _ if picker.kind == PickerKind::ActiveFilters => {
                    filters = self.filter.without(&part);
                    false
                }
                FilterPart::Country(c) => add(&mut filters.countries, c),
                FilterPart::Admin1(a) => add(&mut filters.admin1, a),
                FilterPart::Type(t) => add(&mut filters.types, t),
                FilterPart::Tag(t) => add(&mut filters.tags, t),
                _ => true,
            };
            if already {
                self.message = Some(format!("Already filtering by {}.", item.label));
                return;
            }
            self.go_to_filters(filters);
            return;
        }
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let input = prompt.input.as_str().trim().to_string();
        let refused = match prompt.kind {
            PromptKind::GoToDate => self.go_to_date(&input),
            PromptKind::DateRange => match parse_range(&input) {
                Ok((from, to)) => {
                    let mut filters = self.filter.clone();
                    filters.from = from;
                    filters.to = to;
                    self.go_to_filters(filters);
                    Ok(())
                }
                Err(e) => Err(e),
            },
            PromptKind::Find => {
                self.start_find(&input);
                Ok(())
            }
            PromptKind::Export => self.export(&input),
            PromptKind::NumRange => self.filter_num_range(&input),
        };
        if let Err(error) = refused {
            self.message = Some(error.clone());
            self.prompt = Some(Prompt {
                error: Some(error),
                ..prompt
            });
        }
    }

    /// Selects the first event of the view on or after `text` (compared by earliest instant).
    fn go_to_date(&mut self, text: &str) -> Result<(), String> {
        let date = EdtfDate::parse(text).map_err(|e| e.to_string())?;
        let target = date.earliest();
        let timeline = self.timeline;
        let at = self
            .view
            .partition_point(|ix| timeline.event(*ix).date.earliest() < target);
        let row = self.row_of_position(at);
        if at >= self.view.len() {
            return Err(format!(
                "No event on or after {date}{}{}.",
                if self.filter.is_empty() {
                    ""
                } else {
                    " in this view"
                },
                self.so_far()
            ));
        }
        self.push_location();
        self.focus = super::Pane::Events;
        let before = self.selected_event();
        let height = self.height(super::Pane::Events);
        self.events.select(row, self.view.len(), height);
        self.after_event_change(before);
        self.refit();
        Ok(())
    }

    fn start_find(&mut self, query: &str) {
        if query.is_empty() {
            self.find = None;
            return;
        }
        let needle = Needle::new(query);
        // The current find is of this view; a query grown from its query only narrows it.
        let find = match self.find.take() {
            Some(previous) => previous.refine(self.timeline, &self.view, needle),
            None => Find::new(self.timeline, &self.view, needle),
        };
        let count = find.hits.len();
        self.find = Some(find);
        if count == 0 {
            self.message = Some(format!(
                "No event in view mentions '{query}'{}.",
                self.so_far()
            ));
            return;
        }
        // Stay put when the selected event matches, else go to the next match.
        let selected = self.selected_event();
        if self
            .find
            .as_ref()
            .and_then(|f| f.number_of(selected))
            .is_none()
        {
            self.step_find(1);
        }
    }

    /// Goes to the next (or previous) event matching the find, wrapping around.
    pub(super) fn step_find(&mut self, step: isize) {
        let Some(find) = &self.find else {
            self.message = Some("Nothing to find: press f.".into());
            return;
        };
        if find.hits.is_empty() {
            self.message = Some(format!("No event mentions '{}'.", find.needle.query));
            return;
        }
        let selected = self.selected_event();
        let (target, wrapped) = match selected {
            Some(e) if step > 0 => match find.hits.iter().find(|h| **h > e) {
                Some(h) => (*h, false),
                None => (find.hits[0], true),
            },
            Some(e) => match find.hits.iter().rev().find(|h| **h < e) {
                Some(h) => (*h, false),
                None => (find.hits[find.hits.len() - 1], true),
            },
            None => (find.hits[0], false),
        };
        self.focus = super::Pane::Events;
        if let Ok(at) = self.row_of(target) {
            let height = self.height(super::Pane::Events);
            self.events.select(at, self.view.len(), height);
        }
        self.after_event_change(selected);
        self.refit();
        if wrapped {
            self.message = Some(if step > 0 {
                "Find wrapped to the first match.".into()
            } else {
                "Find wrapped to the last match.".into()
            });
        }
    }

    /// The sort picker's items: date order, then each numeric attribute of the timeline highest
    /// first and lowest first. Empty when no event has a numeric attribute.
    fn sort_items(&mut self) -> Vec<PickerItem> {
        let names = self.numeric_names();
        if names.is_empty() {
            return Vec::new();
        }
        let item = |label: String, sort: Option<Sort>| PickerItem {
            label,
            count: None,
            choice: PickerChoice::Sort(sort),
        };
        let mut items = vec![item("date (time order)".into(), None)];
        for name in names {
            for descending in [true, false] {
                let sort = Sort {
                    attribute: name.clone(),
                    descending,
                };
                let way = if descending {
                    "highest first"
                } else {
                    "lowest first"
                };
                items.push(item(format!("{name}, {way}"), Some(sort)));
            }
        }
        items
    }

    /// Filters by a range of a numeric attribute as typed; an attribute no event has as a
    /// number is refused, naming those that are.
    fn filter_num_range(&mut self, input: &str) -> Result<(), String> {
        // The attribute first: `foo bar` is wrong for its name before its number.
        let name = super::filters::num_range_name(input);
        let names = self.numeric_names();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            return Err(if names.is_empty() {
                "No event has a numeric attribute.".into()
            } else {
                format!(
                    "No event has a number '{name}'; they have: {}.",
                    names.join(", ")
                )
            });
        }
        let range = super::filters::parse_num_range(input)?;
        if self.filter.ranges.contains(&range) {
            return Err(format!("Already filtering by {}.", range.label()));
        }
        let mut filters = self.filter.clone();
        filters.ranges.push(range);
        self.go_to_filters(filters);
        Ok(())
    }

    fn export(&mut self, input: &str) -> Result<(), String> {
        if input.is_empty() {
            return Err("Type a file name, e.g. events.md, events.csv or events.jsonl.".into());
        }
        let format = Format::from_path(input)?;
        if self.view.is_empty() {
            return Err("No event to export: the view is empty.".into());
        }
        self.effects.push(Effect::Export {
            path: input.into(),
            format,
            events: self.shown_events(),
            order: self.sort.as_ref().map(super::Sort::label),
        });
        Ok(())
    }
}

/// A dataset name made into a safe file name stem.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.trim_matches('-').is_empty() {
        "chronicle".into()
    } else {
        stem
    }
}
