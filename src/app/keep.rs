//! Keeping things: marked events, the clipboard, and the state carried from one timeline to
//! the next when the dataset is reloaded.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::adding::Adding;
use super::density::Unit;
use super::find::{Find, Needle};
use super::form::EventForm;
use super::source::{QuoteRef, SourceView};
use super::{App, Effect, Filters, Pane};
use crate::date::EdtfDate;
use crate::model::{EventIx, SourceId};
use crate::text::case::{fold_label, merge_spellings};
use crate::timeline::Timeline;

/// What a reload closed, and why, for the status line.
fn closed(carried: &CarriedSource, why: String) -> String {
    match carried.adding {
        Some(_) => format!("The files changed and {why}: the new event's form closed, unwritten."),
        None => format!("The files changed and {why}: the source view closed."),
    }
}

/// Names with their event counts.
type Counted = Vec<(String, usize)>;

/// Event types, tags, countries and admin regions with their event counts, most used first,
/// then by name. Spellings that differ only in case are one entry, as the filters and the
/// CLI's `--type` hold them one (`text::case`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct TypesAndTags {
    pub types: Counted,
    pub tags: Counted,
    pub countries: Counted,
    /// Admin regions as "region · country" (or the region alone), with the region's name.
    pub admin1: Vec<(String, String, usize)>,
}

/// Counts types, tags and places in one pass; few distinct names, so hash maps of borrowed
/// names, merged case aside at the end.
pub(super) fn types_and_tags(timeline: &Timeline) -> TypesAndTags {
    let mut types: FxHashMap<&str, usize> = FxHashMap::default();
    let mut tags: FxHashMap<&str, usize> = FxHashMap::default();
    let mut countries: FxHashMap<&str, usize> = FxHashMap::default();
    let mut admin1: FxHashMap<(&str, Option<&str>), usize> = FxHashMap::default();
    for event in timeline.events() {
        if let Some(region) = event.region.as_deref() {
            let country = region.country.as_deref();
            if let Some(country) = country {
                *countries.entry(country).or_default() += 1;
            }
            if let Some(a) = region.admin1.as_deref() {
                *admin1.entry((a, country)).or_default() += 1;
            }
        }
        if let Some(kind) = &event.kind {
            *types.entry(kind).or_default() += 1;
        }
        for tag in &event.tags {
            *tags.entry(tag).or_default() += 1;
        }
    }
    let sorted = |map: FxHashMap<&str, usize>| {
        let mut list: Vec<(String, usize)> = merge_spellings(map, |l| fold_label(l))
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    };
    // A region is one entry per region and country, both case aside.
    let place = |(name, country): &(&str, Option<&str>)| {
        format!(
            "{}\0{}",
            fold_label(name),
            fold_label(country.unwrap_or(""))
        )
    };
    let mut admin1: Vec<(String, String, usize)> = merge_spellings(admin1, place)
        .into_iter()
        .map(|((name, country), n)| {
            let label = match country {
                Some(c) => format!("{name} · {c}"),
                None => name.to_string(),
            };
            (label, name.to_string(), n)
        })
        .collect();
    admin1.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    TypesAndTags {
        types: sorted(types),
        tags: sorted(tags),
        countries: sorted(countries),
        admin1,
    }
}

/// What survives a reload, by name rather than by index: the new timeline may have other
/// events, actors and order. Also how the browser starts (`--from`, `--to`, saved marks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    pub selected: Option<String>,
    pub actors: Vec<String>,
    pub types: Vec<String>,
    pub tags: Vec<String>,
    pub from: Option<EdtfDate>,
    pub to: Option<EdtfDate>,
    /// The place, range and area filters, which name nothing by index.
    pub places_and_ranges: Filters,
    /// The events pane's order when not by date.
    pub sort: Option<super::Sort>,
    /// The stats pane (on its facet) or the map pane (on its window), when open.
    pub over_panes: Option<OverPanes>,
    pub find: Option<String>,
    pub zoom: Option<Unit>,
    pub marks: BTreeSet<String>,
    /// The source view, and the form for a new event open over it.
    pub source: Option<CarriedSource>,
    /// The pane in focus, the actor selected in the actors pane (by id; when the person
    /// moved there or searched, else the list starts at its top), an open search's
    /// query, an open prompt as typed so far, and the key help's scroll when it is open: the
    /// whole timeline taking the first screen's place, seconds after the browser opened, is
    /// likely to come in the middle of typing.
    pub focus: Option<Pane>,
    pub actor: Option<String>,
    /// The actor's detail in the focused detail pane, at this scroll, rather than the event's.
    pub actor_detail: Option<usize>,
    pub search: Option<String>,
    pub prompt: Option<super::Prompt>,
    pub help: Option<usize>,
    /// Whether the load's notes were told of and not yet read: a reload whose load left the
    /// same notes (not told of again) still offers `!` for them.
    pub notes_unread: bool,
}

/// A pane open over the others, as a reload finds it.
#[derive(Clone, Debug, PartialEq)]
pub enum OverPanes {
    Stats(super::Facet),
    Map(super::map::Bounds),
}

/// The source view by the source's id, and the sentence by its text: a reload may renumber
/// sources, and a changed text may move or drop the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarriedSource {
    pub id: String,
    pub sentence: usize,
    pub sentence_text: String,
    /// The quote the view was opened for: its event's id and its place among the quotes.
    pub quote: Option<(String, usize)>,
    pub scroll: usize,
    pub focused: bool,
    /// The form for a new event citing the sentence, as typed so far.
    pub adding: Option<EventForm>,
}

impl App<'_> {
    /// The state worth keeping across a reload.
    pub fn carry(&self) -> Carried {
        let t = self.timeline;
        Carried {
            selected: self.selected_event().map(|e| t.event(e).id.to_string()),
            actors: self
                .filter
                .actors
                .iter()
                .map(|a| t.actor(*a).id.clone())
                .collect(),
            types: self.filter.types.clone(),
            tags: self.filter.tags.clone(),
            from: self.filter.from,
            to: self.filter.to,
            places_and_ranges: Filters {
                countries: self.filter.countries.clone(),
                admin1: self.filter.admin1.clone(),
                month: self.filter.month,
                ranges: self.filter.ranges.clone(),
                area: self.filter.area,
                ..Filters::default()
            },
            sort: self.sort.clone(),
            over_panes: match (&self.stats, &self.map) {
                (Some(stats), _) => Some(OverPanes::Stats(stats.facet)),
                (None, Some(map)) => Some(OverPanes::Map(map.window)),
                (None, None) => None,
            },
            find: self.find.as_ref().map(|f| f.needle.query.clone()),
            focus: Some(self.focus),
            // The actor at the top of a list nobody moved in (the first screen's) would open
            // the next list wherever that actor falls in it.
            actor: self
                .selected_actor()
                .filter(|_| self.actors_moved || self.search.is_some())
                .map(|a| t.actor(a).id.clone()),
            actor_detail: self
                .actor_detail
                .filter(|_| self.focus == Pane::Detail)
                .map(|shown| shown.scroll),
            search: self.search.as_ref().map(|s| s.query.clone()),
            prompt: self.prompt.clone(),
            help: match self.overlay {
                super::Overlay::Help { scroll } => Some(scroll),
                _ => None,
            },
            zoom: self.zoom,
            marks: self.marks.clone(),
            notes_unread: self.notes_unread,
            source: self.source.as_ref().map(|view| {
                let source = t.source(view.source);
                CarriedSource {
                    id: source.id.clone(),
                    sentence: view.sentence,
                    sentence_text: source.sentence_text(view.sentence).to_string(),
                    quote: view
                        .quote
                        .map(|q| (t.event(q.event).id.to_string(), q.index)),
                    scroll: view.scroll,
                    focused: self.focus == Pane::Source,
                    adding: self.adding.as_ref().map(|a| a.form.clone()),
                }
            }),
        }
    }

    /// Opens the carried source view again on the same sentence, with its form, when the new
    /// timeline still has both; else says what closed and why.
    fn restore_source(&mut self, carried: CarriedSource) {
        let t = self.timeline;
        let found = t.sources().iter().position(|s| s.id == carried.id);
        let Some(index) = found else {
            self.message = Some(closed(
                &carried,
                format!("source {} is no longer in the dataset", carried.id),
            ));
            return;
        };
        let id = SourceId(index as u32);
        let source = t.source(id);
        let same = |n: usize| {
            n < source.sentences.len() && source.sentence_text(n) == carried.sentence_text
        };
        // The same sentence, or where the same words went when the text changed.
        let sentence = if same(carried.sentence) {
            Some(carried.sentence)
        } else {
            (0..source.sentences.len()).find(|&n| same(n))
        };
        let Some(sentence) = sentence else {
            self.message = Some(closed(
                &carried,
                format!(
                    "source {} no longer has sentence {} as it was",
                    carried.id,
                    carried.sentence + 1
                ),
            ));
            return;
        };
        let quote = carried.quote.and_then(|(event, index)| {
            let ix = t.event_by_id(&event)?;
            let q = t.event(ix).quotes.get(index)?;
            (q.source == id).then_some(QuoteRef { event: ix, index })
        });
        if let Some(q) = quote {
            self.quotes.selected = q.index;
        }
        let mut view = SourceView::new(source, id, sentence, quote);
        view.scroll = carried.scroll;
        self.source = Some(view);
        if carried.focused {
            self.focus = Pane::Source;
        }
        if let Some(mut form) = carried.adding {
            form.heading = format!("New event citing sentence {}", sentence + 1);
            self.adding = Some(Box::new(Adding {
                form,
                source: id,
                sentence,
            }));
        }
        self.refit();
        let height = self.height(Pane::Source);
        if let Some(view) = &mut self.source {
            view.reveal(source, height);
        }
    }

    /// Applies carried state to a fresh app. Actors no longer in the timeline are dropped from
    /// the filter; the selection moves to the carried event, or stays at the start.
    pub fn restore(&mut self, carried: Carried) {
        let t = self.timeline;
        let filters = Filters {
            actors: carried
                .actors
                .iter()
                .filter_map(|id| t.actor_by_id(id))
                .collect(),
            types: carried.types,
            tags: carried.tags,
            from: carried.from,
            to: carried.to,
            ..carried.places_and_ranges
        };
        self.zoom = carried.zoom;
        self.marks = carried.marks;
        self.remark();
        self.sort = carried.sort;
        self.set_filters(filters);
        if let Some(query) = carried.find {
            self.find = Some(Find::new(t, &self.view, Needle::new(&query)));
        }
        if let Some(ix) = carried.selected.and_then(|id| t.event_by_id(&id)) {
            let before = self.selected_event();
            if let Ok(at) = self.row_of(ix) {
                let height = self.height(Pane::Events);
                self.events.select(at, self.view.len(), height);
            }
            self.after_event_change(before);
        }
        if let Some(source) = carried.source {
            self.restore_source(source);
        }
        match carried.over_panes {
            Some(OverPanes::Stats(facet)) => {
                self.toggle_stats();
                if let Some(stats) = &mut self.stats {
                    stats.facet = facet;
                }
            }
            Some(OverPanes::Map(window)) => {
                self.toggle_map();
                self.show_map_window(window);
            }
            None => {}
        }
        // The scroll is the carried actor's, not another's that took its place at the top.
        let actor_scroll =
            carried
                .actor_detail
                .map(|scroll| if carried.actor.is_some() { scroll } else { 0 });
        self.restore_typing(
            carried.focus,
            carried.actor,
            carried.search,
            carried.prompt,
            carried.help,
        );
        if self.focus == Pane::Detail {
            if let Some(scroll) = actor_scroll {
                self.actor_detail = self
                    .selected_actor()
                    .map(|actor| super::ActorDetail { actor, scroll });
            }
        }
        self.notes_unread = carried.notes_unread;
        self.refit();
        self.follow_actor_detail();
    }

    /// Puts back the focus, the actors pane's selection, and what was open to type in or
    /// read: a search ranked again over the new actors, a prompt, the key help.
    fn restore_typing(
        &mut self,
        focus: Option<Pane>,
        actor: Option<String>,
        search: Option<String>,
        prompt: Option<super::Prompt>,
        help: Option<usize>,
    ) {
        let t = self.timeline;
        // The source pane's focus is the source view's own to restore (`restore_source`).
        if let Some(focus) = focus.filter(|f| *f != Pane::Source) {
            self.focus = focus;
        }
        let actor = actor.and_then(|id| t.actor_by_id(&id));
        if let Some(at) = actor.and_then(|a| self.actors_by_count.iter().position(|b| *b == a)) {
            self.actors.selected = at;
            self.actors_moved = true;
        }
        if let Some(query) = search {
            self.open_search();
            if let Some(search) = &mut self.search {
                search.query = query;
            }
            self.rerank();
            // The ranking is finished at once: its cursor goes to the actor selected before.
            self.continue_ranking(std::time::Duration::MAX);
            if let (Some(search), Some(actor)) = (&mut self.search, actor) {
                if let Some(at) = search.matches().iter().position(|m| m.actor == actor) {
                    search.cursor.selected = at;
                }
            }
        } else if let Some(prompt) = prompt {
            self.prompt = Some(prompt);
        } else if let Some(scroll) = help {
            self.overlay = super::Overlay::Help { scroll };
        }
    }

    /// Finds again in a new view.
    pub(super) fn refind(&mut self) {
        if let Some(find) = self.find.take() {
            self.find = Some(Find::new(self.timeline, &self.view, find.needle));
        }
    }

    /// Rebuilds the list of marked events from the marked ids.
    fn remark(&mut self) {
        let t = self.timeline;
        self.marked = self
            .marks
            .iter()
            .filter_map(|id| t.event_by_id(id))
            .collect();
        self.marked.sort_unstable();
    }

    pub fn is_marked(&self, event: EventIx) -> bool {
        self.marked.binary_search(&event).is_ok()
    }

    pub(super) fn toggle_event_mark(&mut self) {
        let Some(event) = self.selected_event() else {
            self.message = Some("No event is selected.".into());
            return;
        };
        let id = self.timeline.event(event).id.to_string();
        if self.marks.remove(&id) {
            self.message = Some("Mark removed.".into());
        } else {
            self.marks.insert(id);
            self.message = Some(format!(
                "Marked ({} in all): ' and \" go to the next and previous mark.",
                self.marks.len()
            ));
        }
        self.remark();
        self.effects.push(Effect::SaveMarks);
    }

    pub(super) fn step_mark(&mut self, step: isize) {
        let mut in_view: Vec<usize> = self
            .marked
            .iter()
            .filter_map(|e| self.row_of(*e).ok())
            .collect();
        // Rows, in the pane's order whether by date or sorted.
        in_view.sort_unstable();
        if in_view.is_empty() {
            self.message = Some(if self.marked.is_empty() {
                "No event is marked: m marks the selected one.".into()
            } else {
                "No marked event in this view.".into()
            });
            return;
        }
        let at = self.events.selected;
        let (target, wrapped) = if step > 0 {
            match in_view.iter().find(|i| **i > at) {
                Some(i) => (*i, false),
                None => (in_view[0], true),
            }
        } else {
            match in_view.iter().rev().find(|i| **i < at) {
                Some(i) => (*i, false),
                None => (in_view[in_view.len() - 1], true),
            }
        };
        let before = self.selected_event();
        self.focus = Pane::Events;
        let height = self.height(Pane::Events);
        self.events.select(target, self.view.len(), height);
        self.after_event_change(before);
        self.refit();
        if wrapped && in_view.len() > 1 {
            self.message = Some("Wrapped around the marks.".into());
        }
    }

    pub(super) fn copy_event(&mut self) {
        let Some(event) = self.selected_event() else {
            self.message = Some("No event is selected.".into());
            return;
        };
        let e = self.timeline.event(event);
        self.effects.push(Effect::Copy {
            text: crate::clipboard::event_text(self.timeline, event),
            what: format!(
                "'{}' with {}",
                e.id,
                crate::text::count(e.quotes.len(), "quote", "quotes")
            ),
        });
    }
}
