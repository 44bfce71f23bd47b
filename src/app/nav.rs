//! Navigation between panes and places: mouse, the source view, jumps and the history that
//! Back walks, like a web browser's.

use super::{App, CitingPopup, Effect, Location, Motion, Overlay, Pane, QuoteRef, SourceView};
use crate::layout::{self, SOURCE_GUTTER};
use crate::model::EventIx;

impl App<'_> {
    pub(super) fn push_location(&mut self) {
        let here = self.here(false);
        self.history.push(here);
    }

    /// Where the browser is now, as a place to come back to (`filter_step`: see `Location`).
    pub(super) fn here(&self, filter_step: bool) -> Location {
        Location {
            focus: self.focus,
            filter: self.filter.clone(),
            events: self.events,
            actors: self.actors,
            quotes: self.quotes,
            detail_scroll: self.detail_scroll,
            actor_detail: self.actor_detail,
            source: self.source.clone(),
            filter_step,
        }
    }

    pub(super) fn back(&mut self) {
        let Some(location) = self.history.pop() else {
            self.message = Some("Nothing to go back to.".into());
            return;
        };
        self.overlay = Overlay::None;
        self.search = None;
        // A filter changing without a word (under a pane, or by a reflex Esc) would mislead.
        let restored =
            (location.filter != self.filter).then(|| self.filters_words(&location.filter));
        if location.filter_step {
            self.set_filters(location.filter);
        } else {
            self.return_to(location);
        }
        if let Some(words) = restored {
            self.message = Some(format!(
                "Back to {words}: {} shown.",
                crate::text::count(self.view.len(), "event", "events")
            ));
        }
    }

    /// Shows `location` as it was left.
    fn return_to(&mut self, location: Location) {
        self.filter = location.filter;
        self.view = self.filter.view(self.timeline);
        self.refind();
        self.recount();
        self.events = location.events;
        self.actors = location.actors;
        self.quotes = location.quotes;
        self.detail_scroll = location.detail_scroll;
        self.actor_detail = location.actor_detail;
        self.source = location.source;
        self.focus = location.focus;
        self.refit();
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, lines: i16) {
        if self.overlay != Overlay::None {
            self.move_selection(if lines > 0 { Motion::Down } else { Motion::Up });
            return;
        }
        let Some((pane, rect)) = self.screen().pane_at(column, row) else {
            return;
        };
        let height = layout::inner_height(rect);
        let delta = isize::from(lines);
        match pane {
            Pane::Events => {
                let before = self.selected_event();
                self.events.scroll(delta, self.view.len(), height);
                self.after_event_change(before);
            }
            Pane::Actors => match &mut self.search {
                Some(search) => search.cursor.scroll(delta, search.matches().len(), height),
                None => self
                    .actors
                    .scroll(delta, self.actors_by_count.len(), height),
            },
            Pane::Quotes => {
                self.quotes.offset = self.quotes.offset.saturating_add_signed(delta);
                self.clamp_quote_offset(height);
            }
            Pane::Detail => self.scroll_detail(|scroll, _| scroll.saturating_add_signed(delta)),
            Pane::Source => {
                let timeline = self.timeline;
                if let Some(view) = &mut self.source {
                    view.scroll_by(timeline.source(view.source), delta, height, false);
                }
            }
        }
    }

    fn clamp_quote_offset(&mut self, height: usize) {
        let width = layout::inner_width(self.screen().rect(Pane::Quotes));
        let total: usize = self.selected_event().map_or(0, |e| {
            self.timeline
                .event(e)
                .quotes
                .iter()
                .map(|q| layout::quote_height(self.timeline.quote_text(q), width))
                .sum()
        });
        self.quotes.offset = self.quotes.offset.min(total.saturating_sub(height));
    }

    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        if self.overlay != Overlay::None || self.picker.is_some() {
            return;
        }
        if let Some(strip) = self.screen().strip() {
            if row >= strip.y && row < strip.bottom() {
                self.click_strip(column);
                return;
            }
        }
        let Some((pane, rect)) = self.screen().pane_at(column, row) else {
            return;
        };
        if self.search.is_some() && pane != Pane::Actors {
            self.search = None;
        }
        self.focus = pane;
        // Rows inside the border; a click on the border only focuses.
        let Some(line) = usize::from(row)
            .checked_sub(usize::from(rect.y) + 1)
            .filter(|l| *l < layout::inner_height(rect))
        else {
            self.refit();
            return;
        };
        let height = layout::inner_height(rect);
        match pane {
            Pane::Events => {
                let before = self.selected_event();
                let at = self.events.offset + line;
                if at < self.view.len() {
                    self.events.select(at, self.view.len(), height);
                }
                self.after_event_change(before);
            }
            Pane::Actors => match &mut self.search {
                Some(search) => {
                    let at = search.cursor.offset + line;
                    if at < search.matches().len() {
                        search.cursor.select(at, search.matches().len(), height);
                    }
                }
                None => {
                    let at = self.actors.offset + line;
                    if at < self.actors_by_count.len() {
                        self.actors.select(at, self.actors_by_count.len(), height);
                    }
                }
            },
            Pane::Quotes => {
                let width = layout::inner_width(rect);
                let target = self.quotes.offset + line;
                if let Some(event) = self.selected_event() {
                    let mut start = 0;
                    for (i, quote) in self.timeline.event(event).quotes.iter().enumerate() {
                        let end =
                            start + layout::quote_height(self.timeline.quote_text(quote), width);
                        if target < end {
                            self.quotes.selected = i;
                            break;
                        }
                        start = end;
                    }
                }
            }
            Pane::Detail => {}
            Pane::Source => {
                let timeline = self.timeline;
                if let Some(view) = &mut self.source {
                    let source = timeline.source(view.source);
                    if view.scroll + line < view.lines.len() {
                        view.sentence = view.sentence_on_line(source, view.scroll + line);
                    }
                }
            }
        }
        self.refit();
    }

    pub(super) fn jump_to_source(&mut self) {
        let Some(event) = self.selected_event() else {
            self.message = Some("No event is selected.".into());
            return;
        };
        let record = self.timeline.event(event);
        if record.quotes.is_empty() {
            // An imported article is known by its address only: say where it is.
            self.message = Some(match self.timeline.event_url(record) {
                Some(url) => format!("No saved text of this event's source: {url} (o opens it)."),
                None => "This event quotes no source.".into(),
            });
            return;
        }
        self.push_location();
        self.open_quote(QuoteRef {
            event,
            index: self.quotes.selected,
        });
    }

    /// Asks for the selected event's source address to be opened in the browser.
    pub(super) fn open_source_url(&mut self) {
        let Some(event) = self.selected_event() else {
            self.message = Some("No event is selected.".into());
            return;
        };
        let record = self.timeline.event(event);
        match self.timeline.event_url(record) {
            Some(url) => self.effects.push(Effect::OpenUrl(url.to_string())),
            // An ACLED event names its outlets only, with no address: say that, not that a
            // source it does not have lacks one.
            None if record.quotes.is_empty() => {
                self.message = Some("This event names no source with a web address.".into())
            }
            None => self.message = Some("This event's source has no web address.".into()),
        }
    }

    /// Opens the source view on `quote`, its cited sentence current and in view.
    fn open_quote(&mut self, quote: QuoteRef) {
        let quotes = &self.timeline.event(quote.event).quotes;
        let Some(q) = quotes.get(quote.index) else {
            return;
        };
        let source = self.timeline.source(q.source);
        self.quotes.selected = quote.index;
        self.source = Some(SourceView::new(
            source,
            q.source,
            q.sentences().start,
            Some(quote),
        ));
        self.focus = Pane::Source;
        self.refit();
        let height = self.height(Pane::Source);
        if let Some(view) = &mut self.source {
            view.reveal(source, height);
        }
    }

    pub(super) fn step_quote(&mut self, step: isize) {
        let Some(QuoteRef { event, index }) = self.source.as_ref().and_then(|v| v.quote) else {
            self.jump_to_source();
            return;
        };
        let len = self.timeline.event(event).quotes.len();
        match index.checked_add_signed(step).filter(|i| *i < len) {
            Some(index) => self.open_quote(QuoteRef { event, index }),
            None => {
                self.message = Some(if step > 0 {
                    format!("That was the event's last quote ({len} of {len}).")
                } else {
                    "That was the event's first quote.".into()
                })
            }
        }
    }

    /// Re-wraps the open source for the current width and keeps its scroll valid.
    pub(super) fn fit_source(&mut self) {
        let rect = self.screen().rect(Pane::Source);
        let width = layout::inner_width(rect).saturating_sub(SOURCE_GUTTER + 1);
        let height = layout::inner_height(rect);
        let timeline = self.timeline;
        if let Some(view) = &mut self.source {
            let source = timeline.source(view.source);
            let rewrapped = view.width != width.max(1);
            view.rewrap(source, width);
            if rewrapped {
                view.reveal(source, height);
            }
            view.scroll = view.scroll.min(view.max_scroll(height));
        }
    }

    pub(super) fn move_in_source(&mut self, motion: Motion) {
        let height = self.height(Pane::Source);
        let timeline = self.timeline;
        let Some(view) = &mut self.source else {
            return;
        };
        let source = timeline.source(view.source);
        let count = source.sentences.len();
        match motion {
            Motion::Down | Motion::Up | Motion::First | Motion::Last => {
                view.sentence = motion.apply(view.sentence, count, height);
                view.reveal(source, height);
            }
            Motion::PageDown | Motion::PageUp | Motion::HalfPageDown | Motion::HalfPageUp => {
                let page = height.max(1) as isize;
                let delta = match motion {
                    Motion::PageDown => page,
                    Motion::PageUp => -page,
                    Motion::HalfPageDown => (page + 1) / 2,
                    _ => -(page + 1) / 2,
                };
                view.scroll_by(source, delta, height, true);
            }
        }
    }

    pub(super) fn show_citing_events(&mut self) {
        let Some(view) = &self.source else {
            return;
        };
        let events = self
            .timeline
            .events_citing(view.source, view.sentence)
            .to_vec();
        if events.is_empty() {
            self.message = Some(format!("No event cites sentence {}.", view.sentence + 1));
            return;
        }
        // Start on the event the view was opened from, when it is one of them.
        let from = view.quote.map(|q| q.event);
        let selected = from
            .and_then(|e| events.iter().position(|x| *x == e))
            .unwrap_or(0);
        let mut popup = CitingPopup {
            source: view.source,
            sentence: view.sentence,
            events,
            cursor: Default::default(),
        };
        popup.cursor.selected = selected;
        self.overlay = Overlay::Citing(popup);
    }

    pub(super) fn jump_to_citing_event(&mut self) {
        let Overlay::Citing(popup) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        let Some(&event) = popup.events.get(popup.cursor.selected) else {
            return;
        };
        self.push_location();
        self.source = None;
        self.select_event(event);
        // Select the quote that cites the sentence, so the quotes pane shows why we are here.
        let quote = self
            .timeline
            .event(event)
            .quotes
            .iter()
            .position(|q| q.source == popup.source && q.sentences().contains(&popup.sentence));
        self.quotes.selected = quote.unwrap_or(0);
        self.focus = Pane::Events;
        self.refit();
    }

    /// Selects `event` in the events pane, clearing the filter when it hides the event.
    fn select_event(&mut self, event: EventIx) {
        if self.row_of(event).is_err() {
            self.set_filters(super::Filters::default());
            self.message = Some("Filter cleared to show the event.".into());
        }
        let before = self.selected_event();
        if let Ok(at) = self.row_of(event) {
            let height = self.height(Pane::Events);
            self.events.select(at, self.view.len(), height);
        }
        self.after_event_change(before);
    }
}
