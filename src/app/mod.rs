//! The browser's state as plain data, the actions a user can take, and `App::update`, the only
//! place where state changes. Nothing here touches a terminal, so all of it is testable.

mod cursor;
mod nav;
mod source;

pub use cursor::{visible_offset, Cursor, Motion};
pub use source::{QuoteRef, SourceView};

use ratatui::layout::Rect;

use crate::model::{ActorId, EventIx, SourceId};
use crate::search::{ActorMatch, MatchedName, Ranker};
use crate::timeline::Timeline;
use crate::ui::layout::{self, Screen};

/// The panes of the browser. The source view takes the place of quotes and detail when open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Events,
    Actors,
    Quotes,
    Detail,
    Source,
}

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
    /// Show only the events of the actor under the cursor (in the actors pane or the ranking).
    FilterBySelectedActor,
    /// Show only the events of this actor.
    FilterByActor(ActorId),
    /// Mark or unmark the actor under the cursor; the timeline shows events involving all marked.
    ToggleMarkSelectedActor,
    /// Show all events again.
    ClearFilter,
    /// Open the source document of the selected quote (or the event's first quote).
    JumpToSource,
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
}

/// The actor search prompt and its ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Best first; with an empty query, every actor in the actors pane's order.
    pub matches: Vec<ActorMatch>,
    pub cursor: Cursor,
}

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
    Help { scroll: usize },
    Citing(CitingPopup),
}

/// A place to come back to: everything that decides what the panes show.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Location {
    focus: Pane,
    filter: Vec<ActorId>,
    events: Cursor,
    actors: Cursor,
    quotes: Cursor,
    detail_scroll: usize,
    source: Option<SourceView>,
}

/// The whole state of the browser.
pub struct App<'t> {
    pub(crate) timeline: &'t Timeline,
    pub(crate) dataset: String,
    /// The terminal size, from which every pane's size follows (see `ui::layout`).
    pub(crate) size: (u16, u16),
    pub(crate) focus: Pane,
    pub(crate) overlay: Overlay,
    pub(crate) search: Option<Search>,
    /// The actors whose events are shown (all of them together); empty for no filter.
    pub(crate) filter: Vec<ActorId>,
    /// The events shown, as indexes into the timeline, in timeline order.
    pub(crate) view: Vec<EventIx>,
    pub(crate) events: Cursor,
    /// Actors by event count (descending), then name.
    pub(crate) actors_by_count: Vec<ActorId>,
    pub(crate) actors: Cursor,
    /// The selected quote of the selected event; `offset` counts lines, as quotes wrap.
    pub(crate) quotes: Cursor,
    pub(crate) detail_scroll: usize,
    pub(crate) source: Option<SourceView>,
    history: Vec<Location>,
    /// A one-off note for the status line, cleared by the next action.
    pub(crate) message: Option<String>,
    quit: bool,
    ranker: Ranker,
    /// The widest date display in the timeline, so the date column lines up.
    pub(crate) date_width: usize,
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
        let date_width = timeline
            .events()
            .iter()
            .map(|e| crate::ui::safe_text::width(&e.date.to_string()))
            .max()
            .unwrap_or(0)
            .min(24);
        App {
            timeline,
            dataset: dataset.to_string(),
            size: (0, 0),
            focus: Pane::Events,
            overlay: Overlay::None,
            search: None,
            filter: Vec::new(),
            view: timeline.all_events(),
            events: Cursor::default(),
            actors_by_count,
            actors: Cursor::default(),
            quotes: Cursor::default(),
            detail_scroll: 0,
            source: None,
            history: Vec::new(),
            message: None,
            quit: false,
            ranker: Ranker::default(),
            date_width,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.search) {
            (Overlay::Help { .. }, _) => Mode::Help,
            (Overlay::Citing(_), _) => Mode::Citing,
            (Overlay::None, Some(_)) => Mode::Search,
            (Overlay::None, None) => Mode::Normal,
        }
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn filter(&self) -> &[ActorId] {
        &self.filter
    }

    /// The events shown, in timeline order.
    pub fn view(&self) -> &[EventIx] {
        &self.view
    }

    pub fn selected_event(&self) -> Option<EventIx> {
        self.view.get(self.events.selected).copied()
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

    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// The actor under the cursor in the actors pane (or in the ranking while searching).
    pub fn selected_actor(&self) -> Option<ActorId> {
        match &self.search {
            Some(search) => search.matches.get(search.cursor.selected).map(|m| m.actor),
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
        self.message = None;
        match action {
            Action::Quit => self.quit = true,
            // Terminal effects, carried out by the event loop; no state changes.
            Action::Redraw | Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = (width, height);
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
            Action::FilterBySelectedActor => self.filter_by_selected_actor(),
            Action::FilterByActor(actor) => self.set_filter(vec![actor]),
            Action::ToggleMarkSelectedActor => self.toggle_mark(),
            Action::ClearFilter => {
                if self.filter.is_empty() {
                    self.message = Some("No filter to clear.".into());
                }
                self.set_filter(Vec::new());
            }
            Action::JumpToSource => self.jump_to_source(),
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
        }
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
            search.cursor.clamp(search.matches.len(), actors_height);
        }
        self.reveal_quote();
        self.clamp_detail();
        self.fit_source();
        if let Overlay::Citing(popup) = &mut self.overlay {
            popup.cursor.clamp(popup.events.len(), usize::MAX);
        }
    }

    fn move_selection(&mut self, motion: Motion) {
        match &mut self.overlay {
            Overlay::Help { scroll } => {
                let len = crate::keymap::HELP.len() + 4;
                *scroll = motion.apply(*scroll, len, 10);
                return;
            }
            Overlay::Citing(popup) => {
                popup.cursor.apply(motion, popup.events.len(), 8);
                return;
            }
            Overlay::None => {}
        }
        let actors_height = self.height(Pane::Actors);
        if let Some(search) = &mut self.search {
            search
                .cursor
                .apply(motion, search.matches.len(), actors_height);
            return;
        }
        match self.focus {
            Pane::Events => {
                let before = self.selected_event();
                let height = self.height(Pane::Events);
                self.events.apply(motion, self.view.len(), height);
                self.after_event_change(before);
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
            Pane::Detail => {
                let height = self.height(Pane::Detail);
                let max = self.detail_line_count().saturating_sub(height);
                self.detail_scroll = motion.apply(self.detail_scroll, max + 1, height);
            }
            Pane::Source => self.move_in_source(motion),
        }
    }

    fn open_search(&mut self) {
        self.overlay = Overlay::None;
        self.search = Some(Search {
            query: String::new(),
            matches: Vec::new(),
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

    /// Ranks the actors for the query: once per keystroke, never per frame.
    fn rerank(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.matches = if search.query.trim().is_empty() {
            self.actors_by_count
                .iter()
                .map(|&actor| ActorMatch {
                    actor,
                    score: 0,
                    matched: MatchedName::Name,
                    indices: Vec::new(),
                })
                .collect()
        } else {
            self.ranker.rank(self.timeline.actors(), &search.query)
        };
        search.cursor = Cursor::default();
        self.refit();
    }

    fn filter_by_selected_actor(&mut self) {
        let Some(actor) = self.selected_actor() else {
            self.message = Some("No actor matches.".into());
            return;
        };
        self.search = None;
        if let Some(at) = self.actors_by_count.iter().position(|a| *a == actor) {
            self.actors.selected = at;
        }
        self.set_filter(vec![actor]);
        self.focus = Pane::Events;
        self.refit();
    }

    fn toggle_mark(&mut self) {
        let Some(actor) = self.selected_actor() else {
            return;
        };
        let mut filter = self.filter.clone();
        match filter.iter().position(|a| *a == actor) {
            Some(at) => {
                filter.remove(at);
            }
            None => filter.push(actor),
        }
        self.set_filter(filter);
    }

    /// Shows the events involving all of `filter`, keeping the selected event when it is still
    /// shown, else the next one in time, else the last.
    fn set_filter(&mut self, filter: Vec<ActorId>) {
        let before = self.selected_event();
        self.filter = filter;
        self.view = self.timeline.events_with_all(&self.filter);
        let at = match before {
            Some(event) => match self.view.binary_search(&event) {
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
            .map(|q| layout::quote_height(q, width))
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

    fn detail_line_count(&self) -> usize {
        let width = layout::inner_width(self.screen().rect(Pane::Detail));
        self.selected_event().map_or(0, |e| {
            crate::ui::detail::lines(self.timeline, self.timeline.event(e), width).len()
        })
    }

    fn clamp_detail(&mut self) {
        let height = self.height(Pane::Detail);
        let max = self.detail_line_count().saturating_sub(height);
        self.detail_scroll = self.detail_scroll.min(max);
    }
}

#[cfg(test)]
mod tests;
