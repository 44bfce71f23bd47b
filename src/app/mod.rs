//! The browser's state as plain data, the actions a user can take, and `App::update`, the only
//! place where state changes. Nothing here touches a terminal, so all of it is testable.

mod adding;
mod cursor;
pub mod density;
mod detail;
mod field;
pub mod filters;
pub mod find;
pub mod form;
mod keep;
pub mod map;
mod nav;
mod panes;
pub mod prompt;
pub mod sort;
mod source;
pub mod stats;
mod time;

pub use adding::{Adding, NewEvent};
pub use cursor::{visible_offset, Cursor, Motion};
pub use detail::ActorDetail;
pub use field::{Caret, TextField};
pub use filters::{FilterPart, Filters};
pub use keep::{Carried, OverPanes};
pub use map::MapPane;
pub use prompt::{Picker, PickerKind, Prompt, PromptKind};
pub use sort::Sort;
pub use source::{QuoteRef, SourceView};
pub use stats::{Facet, StatsPane};
// The panes are the layout's; the app and everything above it name them from here too.
pub use crate::layout::Pane;

use std::collections::BTreeSet;
use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::export::ViewFormat as Format;
use crate::layout::{self, Screen};
use crate::model::{ActorId, EventIx, SourceId};
use crate::problem::Problem;
use crate::search::{ActorMatch, Narrowing, Ranker};
use crate::timeline::Timeline;
use density::{Density, Unit};
use find::Find;

/// What keys currently go to: the panes, or something open on top of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// The actor search prompt is open.
    Search,
    /// The help overlay is open.
    Help,
    /// The list of events citing a sentence is open.
    Citing,
    /// A one-line prompt (go to date, dates, find, export) is open in the status line.
    Prompt,
    /// A fuzzy picker (types, tags, active filters) is open.
    Picker,
    /// The problems of a failed reload are shown in full.
    Problems,
    /// The form for a new event is open.
    Form,
    /// The stats pane is open over the others.
    Stats,
    /// The map pane is open over the others.
    Map,
}

/// Everything a user can ask for, named for the intent rather than the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the browser.
    Quit,
    /// Repaint the whole screen (the terminal may have been scribbled on).
    Redraw,
    /// Stop the process for the shell's job control, restoring the terminal meanwhile.
    Suspend,
    /// The terminal now has this size.
    Resize { width: u16, height: u16 },
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Focus this pane.
    Focus(Pane),
    /// Move the selection in whatever has it: overlay, prompt ranking or focused pane.
    Move(Motion),
    /// Scroll the pane under the mouse pointer by `lines` (negative is up).
    ScrollAt { column: u16, row: u16, lines: i16 },
    /// Focus the pane under the pointer and select the row clicked.
    ClickAt { column: u16, row: u16 },
    /// Open the actor search prompt.
    OpenSearch,
    /// Type a character into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search query.
    SearchBackspace,
    /// Empty the search query.
    SearchClear,
    /// Close the search prompt without filtering.
    CloseSearch,
    /// Go on ranking the search query for another slice of time, or with no search under way
    /// the first keys of the next one (sent by the event loop while `App::is_busy`, between
    /// keys and frames).
    ContinueRanking,
    /// A reload of the dataset started on the event loop's background thread; the status line
    /// says so until it fails (`ReloadFailed`) or its app replaces this one.
    ReloadStarted,
    /// The timeline holds only the first events of the dataset's `.0` (the first screen, from
    /// the cache) while the rest load: counts say so, and what needs them all waits.
    LoadingRest(usize),
    /// Show only the events of the actor under the cursor (in the actors pane or the ranking).
    FilterBySelectedActor,
    /// Show only the events of this actor.
    FilterByActor(ActorId),
    /// Mark or unmark the actor under the cursor; the timeline shows events involving all marked.
    ToggleMarkSelectedActor,
    /// Show all events again; Back brings the filters back.
    ClearFilter,
    /// Show all events again with nowhere to go back (Esc at the start of the history): no
    /// step is left, so that the next Esc does not bring the filters back.
    LeaveFilter,
    /// Open the source document of the selected quote (or the event's first quote).
    JumpToSource,
    /// Open the web address of the selected event's source in the system's browser.
    OpenSourceUrl,
    /// Show the event's next quote in the source view.
    NextQuote,
    /// Show the event's previous quote in the source view.
    PreviousQuote,
    /// List the events citing the current sentence of the source view.
    ShowCitingEvents,
    /// Select the event chosen in the citing list in the events pane.
    JumpToCitingEvent,
    /// Close the overlay or popup on top.
    CloseOverlay,
    /// Return to where the last jump came from.
    Back,
    /// Show or hide the key help.
    ToggleHelp,
    /// Open a one-line prompt: go to date, date range, find or export.
    OpenPrompt(PromptKind),
    /// Open a fuzzy picker: event types or tags to filter by, or active filters to remove.
    OpenPicker(PickerKind),
    /// Type a character into the open prompt or picker.
    PromptInput(char),
    /// Delete the character before the prompt's caret (or its selected suggestion), or the
    /// last character of the picker's query.
    PromptBackspace,
    /// Delete the character after the prompt's caret (or its selected suggestion).
    PromptDelete,
    /// Move the prompt's caret (keeping a suggestion for editing).
    PromptCaret(Caret),
    /// Empty the prompt or picker.
    PromptClear,
    /// Act on the prompt (or the picker's choice).
    SubmitPrompt,
    /// Close the prompt or picker without acting.
    CancelPrompt,
    /// Go to the next event matching the find.
    FindNext,
    /// Go to the previous event matching the find.
    FindPrevious,
    /// Stop finding: no more highlights, n and N step quotes again.
    ClearFind,
    /// Finer buckets in the density strip (days rather than weeks).
    ZoomIn,
    /// Coarser buckets in the density strip.
    ZoomOut,
    /// Select the first event of the next non-empty bucket of the strip.
    NextBucket,
    /// Select the first event of the previous non-empty bucket of the strip.
    PreviousBucket,
    /// Mark or unmark the selected event (marks are kept between runs).
    ToggleEventMark,
    /// Select the next marked event in the view, wrapping around.
    NextMark,
    /// Select the previous marked event in the view, wrapping around.
    PreviousMark,
    /// Copy the selected event with its quotes to the clipboard.
    CopyEvent,
    /// Show a note from outside `update` (a save, an export, a reload) in the status line.
    Report(String),
    /// The export to `path` could not be written (`why`): the prompt opens again with the
    /// name, so that it can be corrected rather than typed again.
    ExportRefused { path: String, why: String },
    /// The dataset changed on disk and did not load: its problems, as `chronicle check`
    /// prints them. The status line says the first; all are kept for `ShowReloadProblems`.
    ReloadFailed(Vec<String>),
    /// Show the problems of the last failed reload in full, in a popup; with none, the notes
    /// of the load shown (a damaged cache entry passed over, a quote found twice).
    ShowReloadProblems,
    /// The load just taken in has these notes (by their place among its notes) that the one
    /// before had not: the status line says what the first is about, `!` shows each in full.
    ReportNotes(Vec<usize>),
    /// Open the form for a new event citing the source view's current sentence.
    AddEventHere,
    /// A key in the new event's form.
    Form(form::FormAction),
    /// The event loop wrote the new event (the note says where).
    EventAdded(String),
    /// The event loop did not write it: why (the form stays open).
    AddRefused(String),
    /// Open or close the stats pane (counts and sums of the view).
    ToggleStats,
    /// Open or close the map pane.
    ToggleMap,
    /// Show the stats pane's next (1) or previous (-1) facet.
    StepFacet(isize),
    /// Filter the events to the stats pane's selected bar.
    ChooseBar,
    /// Zoom the map in (true) or out.
    ZoomMap(bool),
    /// Move the map's window a quarter of its size east (1) or west (-1), north or south.
    PanMap { east: i8, north: i8 },
    /// Show the map's first window again (the extent of the events).
    ResetMap,
    /// Filter the events to those inside the map's window.
    FilterToMap,
    /// A key of the panes beneath (named) was pressed in the stats or map pane, which covers
    /// them: say to close it first.
    CoveredKey(String),
    /// Esc right after closing the stats or map pane: rather than going back unseen, say what
    /// going back would do.
    SayHowToGoBack,
}

/// Work with effects outside the app (files, clipboard), carried out by the event loop after
/// `update`, which stays pure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The marks changed: save them.
    SaveMarks,
    /// Write `events` (the view, in the order shown) to `path` in `format`; `order` names
    /// the sort when it is not by date.
    Export {
        path: PathBuf,
        format: Format,
        events: Vec<EventIx>,
        order: Option<String>,
    },
    /// Put `text` on the clipboard; `what` names it for the status line.
    Copy { text: String, what: String },
    /// Write a new event into the dataset.
    AddEvent(NewEvent),
    /// Open `url` in the system's browser.
    OpenUrl(String),
}

/// The actor search prompt and its ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The rankings of the query and its prefixes; match positions are filled in for the
    /// rows on screen only.
    ranking: Narrowing,
    pub cursor: Cursor,
}

impl Search {
    /// Best first; with an empty query, every actor in the actors pane's order. While a
    /// ranking is under way, the last complete one (of a shorter query).
    pub fn matches(&self) -> &[ActorMatch] {
        self.ranking.matches()
    }

    /// Whether the ranking of the query is under way.
    pub fn is_ranking(&self) -> bool {
        self.ranking.is_ranking()
    }
}

/// How long one action may spend ranking before it hands back to the event loop, which
/// then draws and reads keys: well within a frame.
const RANKING_SLICE: std::time::Duration = std::time::Duration::from_millis(6);

/// The popup listing the events that cite one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitingPopup {
    pub source: SourceId,
    pub sentence: usize,
    pub events: Vec<EventIx>,
    pub cursor: Cursor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Citing(CitingPopup),
    /// The problems of the last failed reload, from problem `first` on.
    Problems {
        first: usize,
    },
}

/// A place to come back to: everything that decides what the panes show.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Location {
    focus: Pane,
    filter: Filters,
    events: Cursor,
    actors: Cursor,
    quotes: Cursor,
    detail_scroll: usize,
    /// The actor the detail pane showed instead of the event: a detail pane focused from the
    /// actors pane comes back showing the actor, as the actors pane does (trial 12: N4).
    actor_detail: Option<ActorDetail>,
    source: Option<SourceView>,
    /// Left by a change of filter only: going back changes the filter again and keeps the
    /// event in hand (as clearing a filter does), rather than the selection of back then.
    filter_step: bool,
}

/// The whole state of the browser.
pub struct App<'t> {
    pub(crate) timeline: &'t Timeline,
    pub(crate) dataset: String,
    /// The terminal size, from which every pane's size follows (see `crate::layout`).
    pub(crate) size: (u16, u16),
    pub(crate) focus: Pane,
    pub(crate) overlay: Overlay,
    pub(crate) search: Option<Search>,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) picker: Option<Picker>,
    /// What the events pane shows; empty for everything.
    pub(crate) filter: Filters,
    /// The events shown, as indexes into the timeline, in timeline order.
    pub(crate) view: Vec<EventIx>,
    pub(crate) events: Cursor,
    /// Actors by event count (descending), then name.
    pub(crate) actors_by_count: Vec<ActorId>,
    pub(crate) actors: Cursor,
    /// Whether the person moved the actors pane's selection (or it was carried from an app
    /// where they had): only then does a reload keep it, rather than start at the top of a
    /// list whose order may have changed.
    actors_moved: bool,
    /// The selected quote of the selected event; `offset` counts lines, as quotes wrap.
    pub(crate) quotes: Cursor,
    /// The event's detail scroll.
    pub(crate) detail_scroll: usize,
    /// The actor the detail pane shows instead of the event (see `detail`).
    actor_detail: Option<ActorDetail>,
    pub(crate) source: Option<SourceView>,
    history: Vec<Location>,
    /// A one-off note for the status line, cleared by the next action.
    pub(crate) message: Option<String>,
    /// The problems of the last reload that failed (the timeline shown is the last good one);
    /// the status line is too short to hold them.
    reload_problems: Vec<String>,
    /// The notes of the load shown, for `!` when no reload has failed.
    notes: &'t [Problem],
    /// Whether the note on the status line is about the load's notes, which `!` shows.
    notes_said: bool,
    /// Whether the load's notes were told of and not yet read with `!`: the status line
    /// offers `! notes` until they are, not only while the note telling of them shows.
    notes_unread: bool,
    quit: bool,
    ranker: Ranker,
    /// The widest date display in the timeline, so the date column lines up.
    pub(crate) date_width: usize,
    pub(crate) find: Option<Find>,
    /// The strip's bucket length chosen with + and -; `None` fits the width.
    pub(crate) zoom: Option<Unit>,
    /// The strip's counts for the current view, unit and width.
    pub(crate) density: Density,
    /// The first bucket the strip shows.
    pub(crate) strip_offset: usize,
    /// Ids of the marked events (ids rather than indexes, so that they survive reloads).
    pub(crate) marks: BTreeSet<String>,
    /// The marked events present in the timeline, in timeline order.
    pub(crate) marked: Vec<EventIx>,
    effects: Vec<Effect>,
    /// Event types and tags with their event counts, most used first: counted over the
    /// whole timeline the first time a picker needs them, not when the browser opens.
    types_and_tags: Option<keep::TypesAndTags>,
    /// How many rows the key help has (the keymap's, given by whoever builds the app), so
    /// that its scrolling stops near the end.
    help_rows: usize,
    /// Whether the dataset is being reloaded in the background.
    reloading: bool,
    /// With only the first events in, how many the dataset holds (the app over the whole
    /// timeline replaces this one).
    partial: Option<usize>,
    /// The form for a new event, when open.
    adding: Option<Box<Adding>>,
    /// The stats pane, when open.
    stats: Option<Box<StatsPane>>,
    /// The map pane, when open.
    map: Option<Box<MapPane>>,
    /// The events pane's order when not by date.
    sort: Option<Sort>,
    /// With a sort, the view's positions row by row; empty in date order.
    order: Vec<u32>,
    /// With a sort, the row of each of the view's positions (`order` inverted).
    rank: Vec<u32>,
    /// The names of the timeline's numeric attributes, found when first needed.
    numeric_names: Option<Vec<String>>,
    /// Whether the last action closed the stats or map pane.
    pane_closed: bool,
}

impl<'t> App<'t> {
    pub fn new(timeline: &'t Timeline, dataset: &str) -> App<'t> {
        let mut actors_by_count: Vec<ActorId> =
            (0..timeline.actors().len() as u32).map(ActorId).collect();
        actors_by_count.sort_by(|a, b| {
            timeline
                .event_count(*b)
                .cmp(&timeline.event_count(*a))
                .then_with(|| timeline.actor(*a).name.cmp(&timeline.actor(*b).name))
        });
        // Dates are made of ASCII digits and punctuation, so their display width is their
        // length, which the timeline counted once when it was built.
        let date_width = timeline.date_width().min(24);
        let view = timeline.all_events();
        App {
            timeline,
            dataset: dataset.to_string(),
            size: (0, 0),
            focus: Pane::Events,
            overlay: Overlay::None,
            search: None,
            prompt: None,
            picker: None,
            filter: Filters::default(),
            density: Density::count(timeline, &view, Unit::Month),
            view,
            events: Cursor::default(),
            actors_by_count,
            actors: Cursor::default(),
            actors_moved: false,
            quotes: Cursor::default(),
            detail_scroll: 0,
            actor_detail: None,
            source: None,
            history: Vec::new(),
            message: None,
            reload_problems: Vec::new(),
            notes: &[],
            notes_said: false,
            notes_unread: false,
            quit: false,
            ranker: Ranker::new(timeline.actors()),
            date_width,
            find: None,
            zoom: None,
            strip_offset: 0,
            marks: BTreeSet::new(),
            marked: Vec::new(),
            effects: Vec::new(),
            types_and_tags: None,
            help_rows: 0,
            reloading: false,
            partial: None,
            adding: None,
            stats: None,
            map: None,
            sort: None,
            order: Vec::new(),
            rank: Vec::new(),
            numeric_names: None,
            pane_closed: false,
        }
    }

    /// The app, told how many rows the key help has.
    pub fn with_help_rows(self, help_rows: usize) -> App<'t> {
        App { help_rows, ..self }
    }

    /// The app, given the notes of the load it shows, for `!` to show in full.
    pub fn with_notes(self, notes: &'t [Problem]) -> App<'t> {
        App { notes, ..self }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether work is under way that `Action::ContinueRanking` goes on with: a search's
    /// ranking, or the rankings of first keys made ahead for the next search.
    pub fn is_busy(&self) -> bool {
        self.is_ranking() || self.ranker.is_preparing()
    }

    /// Whether a search's ranking is under way (the screen changes when it completes).
    pub fn is_ranking(&self) -> bool {
        self.search.as_ref().is_some_and(Search::is_ranking)
    }

    /// Whether the dataset is being reloaded in the background.
    pub fn is_reloading(&self) -> bool {
        self.reloading
    }

    /// With only the first events in while the rest load, how many the dataset holds.
    pub fn partial(&self) -> Option<usize> {
        self.partial
    }

    /// What a key that needs every event says while only the first are in: `what` of all
    /// the dataset's events (the status line adds whether the rest is loading, and the
    /// whole fits in 80 columns).
    fn only_first(&self, what: &str) -> Option<String> {
        self.partial
            .map(|all| format!("{what} {}", crate::text::count(all, "event", "events")))
    }

    /// What a "no actor matches" says while only the first events, and so only their
    /// actors, are in: nothing when all are.
    pub(crate) fn so_far_actors(&self) -> String {
        match self.partial {
            Some(_) => format!(
                " among the actors of the first {} (the rest are loading)",
                crate::text::count(self.timeline.events().len(), "event", "events")
            ),
            None => String::new(),
        }
    }

    /// What a "not found" says while only the first events are in: nothing when all are.
    pub(crate) fn so_far(&self) -> String {
        match self.partial {
            Some(all) => format!(
                " among the first {} of {} (the rest are loading)",
                self.timeline.events().len(),
                crate::text::count(all, "event", "events")
            ),
            None => String::new(),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.adding.is_some() {
            return Mode::Form;
        }
        match (&self.overlay, &self.search) {
            (Overlay::Help { .. }, _) => Mode::Help,
            (Overlay::Citing(_), _) => Mode::Citing,
            (Overlay::Problems { .. }, _) => Mode::Problems,
            _ if self.picker.is_some() => Mode::Picker,
            _ if self.prompt.is_some() => Mode::Prompt,
            _ if self.stats.is_some() => Mode::Stats,
            _ if self.map.is_some() => Mode::Map,
            (Overlay::None, Some(_)) => Mode::Search,
            (Overlay::None, None) => Mode::Normal,
        }
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The actors of the filter.
    pub fn filter(&self) -> &[ActorId] {
        &self.filter.actors
    }

    pub fn filters(&self) -> &Filters {
        &self.filter
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    pub fn find(&self) -> Option<&Find> {
        self.find.as_ref()
    }

    pub fn density(&self) -> &Density {
        &self.density
    }

    /// The ids of the marked events, including marks of events not in this timeline.
    pub fn marks(&self) -> &BTreeSet<String> {
        &self.marks
    }

    /// The effects asked for since the last call, for the event loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The events shown, in timeline order.
    pub fn view(&self) -> &[EventIx] {
        &self.view
    }

    pub fn selected_event(&self) -> Option<EventIx> {
        self.row_event(self.events.selected)
    }

    pub fn selected_quote(&self) -> usize {
        self.quotes.selected
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    pub fn source_view(&self) -> Option<&SourceView> {
        self.source.as_ref()
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The problems of the last failed reload, in full; empty when none failed.
    pub fn reload_problems(&self) -> &[String] {
        &self.reload_problems
    }

    /// The notes of the load shown.
    pub fn notes(&self) -> &[Problem] {
        self.notes
    }

    /// Whether the note on the status line tells of the load's notes (the status line then
    /// offers `!` to read them).
    pub fn notes_said(&self) -> bool {
        self.notes_said && self.message.is_some()
    }

    /// Whether the load left notes that were told of and not yet read with `!`.
    pub fn notes_unread(&self) -> bool {
        self.notes_unread && !self.notes.is_empty()
    }

    /// How many entries the `!` popup lists: the failed reload's problems, else the notes.
    fn told_len(&self) -> usize {
        if self.reload_problems.is_empty() {
            self.notes.len()
        } else {
            self.reload_problems.len()
        }
    }

    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// Whether the last action closed the stats or map pane.
    pub fn pane_closed(&self) -> bool {
        self.pane_closed
    }

    /// The actor under the cursor in the actors pane (or in the ranking while searching).
    pub fn selected_actor(&self) -> Option<ActorId> {
        match &self.search {
            Some(search) => search
                .matches()
                .get(search.cursor.selected)
                .map(|m| m.actor),
            None => self.actors_by_count.get(self.actors.selected).copied(),
        }
    }

    /// The screen layout for the current size and state.
    pub fn screen(&self) -> Screen {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::compute(area, self.source.is_some(), self.focus)
    }

    /// Rows available inside `pane`.
    fn height(&self, pane: Pane) -> usize {
        layout::inner_height(self.screen().rect(pane))
    }

    /// Applies one action. Every selection is clamped against real lengths before returning.
    pub fn update(&mut self, action: Action) {
        // A note stays until the user's next action; the event loop's own do not count.
        if !matches!(
            action,
            Action::ContinueRanking
                | Action::ReloadStarted
                | Action::LoadingRest(_)
                | Action::ReportNotes(_)
        ) {
            self.message = None;
            self.notes_said = false;
            self.pane_closed = false;
        }
        let actor_before = self.actors.selected;
        match action {
            Action::Quit => self.quit = true,
            // Terminal effects, carried out by the event loop; no state changes.
            Action::Redraw | Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.recount();
                self.refit();
            }
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrevious => self.cycle_focus(-1),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::Move(motion) => self.move_selection(motion),
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Action::ClickAt { column, row } => self.click_at(column, row),
            Action::OpenSearch => self.open_search(),
            Action::SearchInput(c) => self.edit_query(|q| q.push(c)),
            Action::SearchBackspace => self.edit_query(|q| {
                q.pop();
            }),
            Action::SearchClear => self.edit_query(String::clear),
            Action::CloseSearch => self.search = None,
            Action::ReloadStarted => self.reloading = true,
            Action::LoadingRest(all) => self.partial = Some(all),
            Action::ContinueRanking if self.is_ranking() => self.continue_ranking(RANKING_SLICE),
            // Idle: the search to come starts faster.
            Action::ContinueRanking => {
                self.ranker.prepare(RANKING_SLICE);
            }
            Action::FilterBySelectedActor => self.filter_by_selected_actor(),
            Action::FilterByActor(actor) => self.go_to_actor(actor),
            Action::ToggleMarkSelectedActor => self.toggle_mark(),
            Action::ClearFilter => self.clear_filters(true),
            Action::LeaveFilter => self.clear_filters(false),
            Action::JumpToSource => self.jump_to_source(),
            Action::OpenSourceUrl => self.open_source_url(),
            Action::NextQuote => self.step_quote(1),
            Action::PreviousQuote => self.step_quote(-1),
            Action::ShowCitingEvents => self.show_citing_events(),
            Action::JumpToCitingEvent => self.jump_to_citing_event(),
            Action::CloseOverlay => self.overlay = Overlay::None,
            Action::Back => self.back(),
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                }
            }
            // An export of the first events would pass for the dataset's, as stats would.
            Action::OpenPrompt(PromptKind::Export) if self.partial.is_some() => {
                self.message = self.only_first("Export waits for all");
            }
            Action::OpenPrompt(kind) => self.open_prompt(kind),
            Action::OpenPicker(kind) => self.open_picker(kind),
            Action::PromptInput(c) => self.edit_input(|q| q.insert(c)),
            Action::PromptBackspace => self.edit_input(TextField::backspace),
            Action::PromptDelete => self.edit_input(TextField::delete),
            Action::PromptCaret(caret) => self.edit_input(|q| q.move_caret(caret)),
            Action::PromptClear => self.edit_input(TextField::clear),
            Action::SubmitPrompt => self.submit(),
            Action::CancelPrompt => self.cancel_prompt(),
            Action::FindNext => self.step_find(1),
            Action::FindPrevious => self.step_find(-1),
            Action::ClearFind => self.find = None,
            Action::ZoomIn => self.zoom(true),
            Action::ZoomOut => self.zoom(false),
            Action::NextBucket => self.step_bucket(true),
            Action::PreviousBucket => self.step_bucket(false),
            Action::ToggleEventMark => self.toggle_event_mark(),
            Action::NextMark => self.step_mark(1),
            Action::PreviousMark => self.step_mark(-1),
            Action::CopyEvent => self.copy_event(),
            Action::Report(note) => self.message = Some(note),
            Action::ReloadFailed(problems) => {
                let first = problems
                    .first()
                    .and_then(|p| p.lines().next())
                    .unwrap_or_default();
                // Where to look first: the status line is one line, and may cut the rest.
                self.message = Some(format!(
                    "Not reloaded, {}: {first}",
                    crate::text::count(problems.len(), "problem", "problems")
                ));
                self.reload_problems = problems;
                self.reloading = false;
            }
            Action::ShowReloadProblems => {
                if self.told_len() == 0 {
                    self.message = Some(
                        "No reload has failed, and the load left no notes: the timeline shown \
                         is the dataset on disk."
                            .into(),
                    );
                } else {
                    self.overlay = Overlay::Problems { first: 0 };
                    // With no failed reload to show, the popup lists the notes.
                    if self.reload_problems.is_empty() {
                        self.notes_unread = false;
                    }
                }
            }
            Action::ReportNotes(new) => self.report_notes(&new),
            Action::AddEventHere => self.open_adding(),
            Action::Form(action) => self.edit_adding(action),
            Action::EventAdded(note) => self.added(note),
            Action::AddRefused(why) => self.adding_refused(why),
            // Stats of the first events would pass for the dataset's.
            Action::ToggleStats if self.stats.is_none() && self.partial.is_some() => {
                self.message = self.only_first("Stats wait for all");
            }
            Action::ToggleStats => self.toggle_stats(),
            Action::ToggleMap => self.toggle_map(),
            Action::StepFacet(step) => self.step_facet(step),
            Action::ChooseBar => self.choose_bar(),
            Action::ZoomMap(closer) => self.zoom_map(closer),
            Action::PanMap { east, north } => self.pan_map(east, north),
            Action::ResetMap => self.reset_map(),
            Action::FilterToMap => self.filter_to_map(),
            Action::CoveredKey(key) => self.say_covered(&key),
            Action::SayHowToGoBack => self.say_how_to_go_back(),
            Action::ExportRefused { path, why } => {
                self.prompt = Some(Prompt {
                    kind: PromptKind::Export,
                    input: TextField::typed(path),
                    error: Some(why),
                });
            }
        }
        self.actors_moved |= self.actors.selected != actor_before;
        self.follow_actor_detail();
        self.highlight_visible();
    }

    /// Says what the first of the load's new notes `new` is about, after the load's own
    /// note: its message without the file it names, which a path of a cache entry pushed off
    /// a status line of 80 columns, and `!` shows in full.
    fn report_notes(&mut self, new: &[usize]) {
        let Some(first) = new.first().and_then(|&at| self.notes.get(at)) else {
            return;
        };
        let said = match new.len() {
            1 => format!("Note: {}", first.message),
            n => format!("{n} notes; the first: {}", first.message),
        };
        self.message = Some(match self.message.take() {
            Some(before) => format!("{before} {said}"),
            None => said,
        });
        self.notes_said = true;
        self.notes_unread = true;
    }

    /// The panes Tab cycles through, in order.
    fn cycle(&self) -> &'static [Pane] {
        if self.source.is_some() {
            &[Pane::Events, Pane::Actors, Pane::Source]
        } else {
            &[Pane::Events, Pane::Actors, Pane::Quotes, Pane::Detail]
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.cycle();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
        self.refit();
    }

    fn focus_pane(&mut self, pane: Pane) {
        match pane {
            Pane::Source if self.source.is_none() => {
                self.message = Some("No source is open: press s on an event.".into());
                return;
            }
            // Quotes and detail sit where the source view is; going there leaves the source,
            // which Back brings back.
            Pane::Quotes | Pane::Detail if self.source.is_some() => {
                self.push_location();
                self.source = None;
            }
            _ => {}
        }
        self.focus = pane;
        self.refit();
    }

    /// Re-clamps every selection and scroll position after a size or content change.
    fn refit(&mut self) {
        let events_height = self.height(Pane::Events);
        self.events.clamp(self.view.len(), events_height);
        let actors_height = self.height(Pane::Actors);
        self.actors.clamp(self.actors_by_count.len(), actors_height);
        if let Some(search) = &mut self.search {
            search.cursor.clamp(search.matches().len(), actors_height);
        }
        self.reveal_quote();
        self.clamp_detail();
        self.fit_source();
        if let Overlay::Citing(popup) = &mut self.overlay {
            popup.cursor.clamp(popup.events.len(), usize::MAX);
        }
        self.fit_strip();
        self.fit_panes();
    }

    fn move_selection(&mut self, motion: Motion) {
        let told = self.told_len();
        match &mut self.overlay {
            Overlay::Help { scroll } => {
                let len = self.help_rows + 4;
                *scroll = motion.apply(*scroll, len, 10);
                return;
            }
            Overlay::Citing(popup) => {
                popup.cursor.apply(motion, popup.events.len(), 8);
                return;
            }
            Overlay::Problems { first } => {
                *first = motion.apply(*first, told, 5);
                return;
            }
            Overlay::None => {}
        }
        if self.move_in_picker(motion) || self.move_in_stats(motion) {
            return;
        }
        let actors_height = self.height(Pane::Actors);
        if let Some(search) = &mut self.search {
            search
                .cursor
                .apply(motion, search.matches().len(), actors_height);
            return;
        }
        match self.focus {
            Pane::Events => {
                let before = self.selected_event();
                let height = self.height(Pane::Events);
                self.events.apply(motion, self.view.len(), height);
                self.after_event_change(before);
                if motion == Motion::Last {
                    // Not the dataset's last event, which is not in yet: said.
                    self.message = self.partial.map(|all| {
                        format!(
                            "At the last of the first {} of {}",
                            self.timeline.events().len(),
                            crate::text::count(all, "event", "events")
                        )
                    });
                }
            }
            Pane::Actors => self
                .actors
                .apply(motion, self.actors_by_count.len(), actors_height),
            Pane::Quotes => {
                let len = self.current_quotes_len();
                let page = (self.height(Pane::Quotes) / 3).max(1);
                self.quotes.selected = motion.apply(self.quotes.selected, len, page);
                self.reveal_quote();
            }
            Pane::Detail => self.move_in_detail(motion),
            Pane::Source => self.move_in_source(motion),
        }
    }

    fn open_search(&mut self) {
        // The search ranks in the actors pane, which the stats and map panes cover.
        self.stats = None;
        self.map = None;
        self.overlay = Overlay::None;
        self.prompt = None;
        self.picker = None;
        let all = self
            .actors_by_count
            .iter()
            .map(|&actor| ActorMatch::unranked(actor))
            .collect();
        self.search = Some(Search {
            query: String::new(),
            ranking: Narrowing::new(all),
            cursor: Cursor::default(),
        });
        self.focus = Pane::Actors;
        self.rerank();
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = &mut self.search else {
            return;
        };
        edit(&mut search.query);
        self.rerank();
    }

    /// Ranks the actors for the query: once per keystroke, never per frame; a long ranking
    /// goes on with `ContinueRanking`.
    fn rerank(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.ranking.rank(
            &self.ranker,
            self.timeline.actors(),
            &search.query,
            RANKING_SLICE,
        );
        search.cursor = Cursor::default();
        self.refit();
    }

    /// Goes on with the ranking under way for `budget`; the cursor goes to the top of the
    /// ranking when it completes.
    fn continue_ranking(&mut self, budget: std::time::Duration) {
        let Some(search) = self.search.as_mut().filter(|s| s.ranking.is_ranking()) else {
            return;
        };
        if search
            .ranking
            .work(&self.ranker, self.timeline.actors(), budget)
        {
            search.cursor = Cursor::default();
            self.refit();
        }
    }

    /// Computes the match positions of the ranking's rows on screen, which the actors pane
    /// highlights: a screenful per keystroke or scroll, rather than the whole ranking.
    fn highlight_visible(&mut self) {
        let height = self.height(Pane::Actors);
        let Some(search) = &mut self.search else {
            return;
        };
        // The rows shown are those of the last complete ranking, maybe of a shorter query.
        let query = search.ranking.shown_query().to_string();
        if query.is_empty() {
            return;
        }
        let len = search.matches().len();
        let offset = visible_offset(search.cursor.offset, search.cursor.selected, height, len);
        let actors = self.timeline.actors();
        let end = (offset + height).min(len);
        for m in &mut search.ranking.matches_mut()[offset.min(end)..end] {
            if m.indices.is_empty() {
                m.indices = self
                    .ranker
                    .positions(&actors[m.actor.index()], m.matched, &query);
            }
        }
    }

    fn filter_by_selected_actor(&mut self) {
        // Enter chooses from the ranking of what was typed, however long it takes.
        self.continue_ranking(std::time::Duration::MAX);
        let Some(actor) = self.selected_actor() else {
            self.message = Some(format!("No actor matches{}.", self.so_far_actors()));
            return;
        };
        self.search = None;
        if let Some(at) = self.actors_by_count.iter().position(|a| *a == actor) {
            self.actors.selected = at;
        }
        self.go_to_actor(actor);
        self.focus = Pane::Events;
        self.refit();
    }

    fn toggle_mark(&mut self) {
        self.continue_ranking(std::time::Duration::MAX);
        let Some(actor) = self.selected_actor() else {
            return;
        };
        let mut filter = self.filter.actors.clone();
        match filter.iter().position(|a| *a == actor) {
            Some(at) => {
                filter.remove(at);
            }
            None => filter.push(actor),
        }
        self.set_filter(filter);
    }

    /// Shows the events involving all of `actors`, the other filters unchanged.
    fn set_filter(&mut self, actors: Vec<ActorId>) {
        let mut filters = self.filter.clone();
        filters.actors = actors;
        self.set_filters(filters);
    }

    /// Shows the events of `actor`, the other filters unchanged, as a step Back returns from.
    fn go_to_actor(&mut self, actor: ActorId) {
        let filters = Filters {
            actors: vec![actor],
            ..self.filter.clone()
        };
        self.go_to_filters(filters);
    }

    /// Shows every event; as a step Back returns from when `undoable`.
    fn clear_filters(&mut self, undoable: bool) {
        if self.filter.is_empty() {
            self.message = Some("No filter to clear.".into());
        } else if undoable {
            self.go_to_filters(Filters::default());
        } else {
            self.set_filters(Filters::default());
        }
    }

    /// Shows the events `filters` keep, as a new place that Back returns from: every change
    /// of filter the user asks for (a type, a tag, a place, a range, an actor, or clearing
    /// them) is one step back, so that Back after clearing brings the filters back as they
    /// were. Marking actors one by one is not: Back would have to undo each mark.
    pub(super) fn go_to_filters(&mut self, filters: Filters) {
        if filters != self.filter {
            let here = self.here(true);
            self.history.push(here);
            self.set_filters(filters);
        }
    }

    /// Shows the events `filters` keep, keeping the selected event when it is still shown,
    /// else the next one in time, else the last. The strip and the find follow the new view.
    fn set_filters(&mut self, filters: Filters) {
        let before = self.selected_event();
        self.filter = filters;
        self.view = self.filter.view(self.timeline);
        self.resort();
        self.refind();
        self.recount();
        self.follow_view();
        let at = match before {
            Some(event) => match self.row_of(event) {
                Ok(at) => at,
                Err(at) => at.min(self.view.len().saturating_sub(1)),
            },
            None => 0,
        };
        self.events.selected = at;
        self.refit();
        self.after_event_change(before);
    }

    /// Resets what belongs to one event when the selected event changed.
    fn after_event_change(&mut self, before: Option<EventIx>) {
        if self.selected_event() != before {
            self.quotes = Cursor::default();
            self.detail_scroll = 0;
            self.fit_strip();
        }
    }

    fn current_quotes_len(&self) -> usize {
        self.selected_event()
            .map_or(0, |e| self.timeline.event(e).quotes.len())
    }

    /// Clamps the selected quote and scrolls the quotes pane so all of it shows.
    fn reveal_quote(&mut self) {
        let rect = self.screen().rect(Pane::Quotes);
        let (width, height) = (layout::inner_width(rect), layout::inner_height(rect).max(1));
        let Some(event) = self.selected_event() else {
            self.quotes = Cursor::default();
            return;
        };
        let quotes = &self.timeline.event(event).quotes;
        if quotes.is_empty() {
            self.quotes = Cursor::default();
            return;
        }
        self.quotes.selected = self.quotes.selected.min(quotes.len() - 1);
        let heights: Vec<usize> = quotes
            .iter()
            .map(|q| layout::quote_height(self.timeline.quote_text(q), width))
            .collect();
        let start: usize = heights[..self.quotes.selected].iter().sum();
        // The separator line after the quote need not be in view.
        let end = start + heights[self.quotes.selected] - 1;
        let total: usize = heights.iter().sum();
        let mut offset = self.quotes.offset;
        if end > offset + height {
            offset = end - height;
        }
        offset = offset.min(start).min(total.saturating_sub(height));
        self.quotes.offset = offset;
    }
}

#[cfg(test)]
pub(crate) mod tests;
