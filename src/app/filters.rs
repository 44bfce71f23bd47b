//! What the timeline shows: actors, event types, tags and a date range, combined. A view is
//! computed in one pass over the actor index (or the whole timeline), never per frame.

use crate::date::{check_range, EdtfDate};
use crate::model::{ActorId, Event, EventIx};
use crate::text::safe::sanitize;
use crate::timeline::{DateKey, Timeline};

/// The active filters; an event is shown when it passes all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Events involving every one of these actors.
    pub actors: Vec<ActorId>,
    /// Events of any of these types.
    pub types: Vec<String>,
    /// Events carrying every one of these tags.
    pub tags: Vec<String>,
    /// Events whose dates overlap `from ..= to` (as `chronicle events --from --to`).
    pub from: Option<EdtfDate>,
    pub to: Option<EdtfDate>,
}

/// One active filter, as the filter line lists it and `X` removes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Actor(ActorId),
    Type(String),
    Tag(String),
    Dates,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.types.is_empty()
            && self.tags.is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// Whether anything but actors filters the timeline.
    fn beyond_actors(&self) -> bool {
        !self.types.is_empty() || !self.tags.is_empty() || self.from.is_some() || self.to.is_some()
    }

    /// The events shown, in timeline order. Dates are compared as numbers first, so a date
    /// range alone never touches the events themselves.
    pub fn view(&self, timeline: &Timeline) -> Vec<EventIx> {
        let mut view = timeline.events_with_all(&self.actors);
        if self.beyond_actors() {
            let from = self.from.as_ref().map(DateKey::from);
            let to = self.to.as_ref().map(DateKey::from);
            view.retain(|ix| {
                timeline.key(*ix).overlaps(from.as_ref(), to.as_ref())
                    && self.keeps(timeline.event(*ix))
            });
        }
        view
    }

    /// Whether the event passes the type and tag filters.
    fn keeps(&self, event: &Event) -> bool {
        (self.types.is_empty()
            || event
                .kind
                .as_deref()
                .is_some_and(|k| self.types.iter().any(|t| t == k)))
            && self
                .tags
                .iter()
                .all(|t| event.tags.iter().any(|e| **e == **t))
    }

    /// The active filters, in the order the filter line shows them.
    pub fn parts(&self) -> Vec<FilterPart> {
        let mut parts: Vec<FilterPart> =
            self.actors.iter().map(|a| FilterPart::Actor(*a)).collect();
        parts.extend(self.types.iter().cloned().map(FilterPart::Type));
        parts.extend(self.tags.iter().cloned().map(FilterPart::Tag));
        if self.from.is_some() || self.to.is_some() {
            parts.push(FilterPart::Dates);
        }
        parts
    }

    /// These filters without `part`.
    pub fn without(&self, part: &FilterPart) -> Filters {
        let mut next = self.clone();
        match part {
            FilterPart::Actor(a) => next.actors.retain(|x| x != a),
            FilterPart::Type(t) => next.types.retain(|x| x != t),
            FilterPart::Tag(t) => next.tags.retain(|x| x != t),
            FilterPart::Dates => {
                next.from = None;
                next.to = None;
            }
        }
        next
    }

    /// The date range in words: "2021-12" (one period), "from 2021-12", "2021-12 to 2022".
    pub fn dates_label(&self) -> Option<String> {
        match (&self.from, &self.to) {
            (None, None) => None,
            (Some(f), Some(t)) if f == t => Some(f.to_string()),
            (Some(f), Some(t)) => Some(format!("{f} to {t}")),
            (Some(f), None) => Some(format!("from {f}")),
            (None, Some(t)) => Some(format!("to {t}")),
        }
    }

    /// The words for one filter, made safe for the terminal.
    pub fn part_label(&self, timeline: &Timeline, part: &FilterPart) -> String {
        match part {
            FilterPart::Actor(a) => sanitize(&timeline.actor_label(*a)).into_owned(),
            FilterPart::Type(t) => format!("type {}", sanitize(t)),
            FilterPart::Tag(t) => format!("#{}", sanitize(t)),
            FilterPart::Dates => self.dates_label().unwrap_or_default(),
        }
    }
}

/// Parses a date range as typed in the prompt: `FROM..TO`, `FROM..`, `..TO`, or one date for
/// the events overlapping that period. Empty means no range. Errors name the side at fault.
pub fn parse_range(text: &str) -> Result<(Option<EdtfDate>, Option<EdtfDate>), String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok((None, None));
    }
    let side = |t: &str, name: &str| -> Result<Option<EdtfDate>, String> {
        let t = t.trim();
        if t.is_empty() {
            return Ok(None);
        }
        EdtfDate::parse(t)
            .map(Some)
            .map_err(|e| format!("{name}: {e}"))
    };
    match text.split_once("..") {
        Some((from, to)) => {
            let (from, to) = (side(from, "from")?, side(to, "to")?);
            check_range(from.as_ref(), to.as_ref()).map_err(|e| e.0)?;
            Ok((from, to))
        }
        None => {
            let date = side(text, "date")?;
            Ok((date, date))
        }
    }
}
