//! What the timeline shows: actors, event types, tags, places, a date range, ranges of numeric
//! attributes and an area of the map, combined. A view is computed in one pass over the actor
//! index (or the whole timeline), never per frame.

use crate::date::{check_range, EdtfDate};
use crate::model::{ActorId, Event, EventIx, Point};
use crate::text::case::same_label;
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
    /// Events dated within this month (year * 12 + month - 1), as the stats pane's month
    /// bar that chose it counts them (`DateKey::month_within`).
    pub month: Option<i32>,
    /// Events in any of these countries.
    pub countries: Vec<String>,
    /// Events in any of these first-level administrative areas (ACLED's admin1).
    pub admin1: Vec<String>,
    /// Events whose numeric attribute lies in each of these ranges.
    pub ranges: Vec<NumRange>,
    /// Events whose point lies in this area of the map.
    pub area: Option<Area>,
}

/// A number compared by its bits, so that filters holding numbers can be compared for the
/// history's sake (a filter equal to the one in force is not a new step).
#[derive(Clone, Copy, Debug)]
pub struct Num(pub f64);

impl PartialEq for Num {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Num {}

/// One end of a range: the number, and whether the number itself is in the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub value: Num,
    pub inclusive: bool,
}

/// A range of one numeric attribute, as typed: `fatalities>=10`, `goldstein -5..0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumRange {
    pub name: String,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
}

impl NumRange {
    pub fn holds(&self, value: f64) -> bool {
        let above = self.min.is_none_or(|b| {
            if b.inclusive {
                value >= b.value.0
            } else {
                value > b.value.0
            }
        });
        let below = self.max.is_none_or(|b| {
            if b.inclusive {
                value <= b.value.0
            } else {
                value < b.value.0
            }
        });
        above && below
    }

    /// The range in the prompt's words: `fatalities>=10`, `goldstein -5..0`, `tone=2`.
    pub fn label(&self) -> String {
        let n = |b: &Bound| b.value.0.to_string();
        match (&self.min, &self.max) {
            (Some(a), Some(b)) if a == b && a.inclusive => format!("{}={}", self.name, n(a)),
            (Some(a), Some(b)) if a.inclusive && b.inclusive => {
                format!("{} {}..{}", self.name, n(a), n(b))
            }
            (min, max) => {
                let mut parts = Vec::new();
                if let Some(a) = min {
                    let op = if a.inclusive { ">=" } else { ">" };
                    parts.push(format!("{}{op}{}", self.name, n(a)));
                }
                if let Some(b) = max {
                    let op = if b.inclusive { "<=" } else { "<" };
                    parts.push(format!("{}{op}{}", self.name, n(b)));
                }
                parts.join(" ")
            }
        }
    }
}

/// An area of the map in degrees, its edges included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Area {
    pub south: Num,
    pub west: Num,
    pub north: Num,
    pub east: Num,
}

impl Area {
    pub fn holds(&self, point: &Point) -> bool {
        (self.south.0..=self.north.0).contains(&point.lat)
            && (self.west.0..=self.east.0).contains(&point.lon)
    }

    /// "map 44.1..52.4°N 22.1..40.2°E", to one decimal (the map never shows finer).
    pub fn label(&self) -> String {
        format!(
            "map {:.1}..{:.1} lat, {:.1}..{:.1} lon",
            self.south.0, self.north.0, self.west.0, self.east.0
        )
    }
}

/// One active filter, as the filter line lists it and `X` removes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Actor(ActorId),
    Type(String),
    Tag(String),
    Dates,
    Month,
    Country(String),
    Admin1(String),
    Range(NumRange),
    Area,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.types.is_empty()
            && self.tags.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && !self.beyond_dates()
    }

    /// Whether places, ranges or an area filter the timeline.
    fn beyond_dates(&self) -> bool {
        self.month.is_some()
            || !self.countries.is_empty()
            || !self.admin1.is_empty()
            || !self.ranges.is_empty()
            || self.area.is_some()
    }

    /// Whether anything but actors filters the timeline.
    fn beyond_actors(&self) -> bool {
        !self.types.is_empty()
            || !self.tags.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.beyond_dates()
    }

    /// The events shown, in timeline order. Dates are compared as numbers first, so a date
    /// range alone never touches the events themselves.
    pub fn view(&self, timeline: &Timeline) -> Vec<EventIx> {
        let mut view = timeline.events_with_all(&self.actors);
        if self.beyond_actors() {
            let from = self.from.as_ref().map(DateKey::from);
            let to = self.to.as_ref().map(DateKey::from);
            view.retain(|ix| {
                let key = timeline.key(*ix);
                key.overlaps(from.as_ref(), to.as_ref())
                    && self.month.is_none_or(|m| key.month_within() == Some(m))
                    && self.keeps(timeline.event(*ix))
            });
        }
        view
    }

    /// Whether the event passes the type, tag, place, range and area filters. Types, tags and
    /// places match case aside, as the pickers list them and as `chronicle events` matches.
    fn keeps(&self, event: &Event) -> bool {
        let region = event.region.as_deref();
        let in_any = |wanted: &[String], have: Option<&str>| {
            wanted.is_empty() || have.is_some_and(|h| wanted.iter().any(|w| same_label(w, h)))
        };
        in_any(&self.countries, region.and_then(|r| r.country.as_deref()))
            && in_any(&self.admin1, region.and_then(|r| r.admin1.as_deref()))
            && self
                .ranges
                .iter()
                .all(|r| event.number(&r.name).is_some_and(|v| r.holds(v)))
            && self
                .area
                .is_none_or(|a| event.point.as_ref().is_some_and(|p| a.holds(p)))
            && in_any(&self.types, event.kind.as_deref())
            && self
                .tags
                .iter()
                .all(|t| event.tags.iter().any(|e| same_label(e, t)))
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
        if self.month.is_some() {
            parts.push(FilterPart::Month);
        }
        parts.extend(self.countries.iter().cloned().map(FilterPart::Country));
        parts.extend(self.admin1.iter().cloned().map(FilterPart::Admin1));
        parts.extend(self.ranges.iter().cloned().map(FilterPart::Range));
        if self.area.is_some() {
            parts.push(FilterPart::Area);
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
            FilterPart::Month => next.month = None,
            FilterPart::Country(c) => next.countries.retain(|x| x != c),
            FilterPart::Admin1(a) => next.admin1.retain(|x| x != a),
            FilterPart::Range(r) => next.ranges.retain(|x| x != r),
            FilterPart::Area => next.area = None,
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
            FilterPart::Month => self.month.map(month_label).unwrap_or_default(),
            FilterPart::Country(c) => format!("in {}", sanitize(c)),
            FilterPart::Admin1(a) => format!("in {}", sanitize(a)),
            FilterPart::Range(r) => sanitize(&r.label()).into_owned(),
            FilterPart::Area => self.area.map(|a| a.label()).unwrap_or_default(),
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

/// The attribute a range typed in the prompt is about: what comes before the first space or
/// comparison (`fatalities` in `fatalities>=10`).
pub fn num_range_name(text: &str) -> &str {
    let text = text.trim();
    let end = text
        .find(|c: char| c.is_whitespace() || "<>=".contains(c))
        .unwrap_or(text.len());
    &text[..end]
}

/// Parses a range of a numeric attribute as typed in the prompt: `NAME>=N`, `NAME>N`,
/// `NAME<=N`, `NAME<N`, `NAME=N`, `NAME N`, or `NAME A..B` (either side may be left out).
/// Errors say what is wrong and show the form expected.
pub fn parse_num_range(text: &str) -> Result<NumRange, String> {
    const FORM: &str = "type NAME>=N, NAME<N, NAME=N or NAME A..B, e.g. fatalities>=10";
    let text = text.trim();
    let name = num_range_name(text);
    let rest = &text[name.len()..];
    if name.is_empty() {
        return Err(format!("No attribute name: {FORM}."));
    }
    let rest = rest.trim();
    if rest.is_empty() {
        return Err(format!("No range after {name}: {FORM}."));
    }
    let number = |t: &str| -> Result<Num, String> {
        let t = t.trim();
        t.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(Num)
            .ok_or_else(|| format!("'{t}' is not a number: {FORM}."))
    };
    let bound = |t: &str, inclusive: bool| number(t).map(|value| Some(Bound { value, inclusive }));
    let (min, max) = if let Some(n) = rest.strip_prefix(">=") {
        (bound(n, true)?, None)
    } else if let Some(n) = rest.strip_prefix("<=") {
        (None, bound(n, true)?)
    } else if let Some(n) = rest.strip_prefix('>') {
        (bound(n, false)?, None)
    } else if let Some(n) = rest.strip_prefix('<') {
        (None, bound(n, false)?)
    } else if let Some((a, b)) = rest.split_once("..") {
        let side = |t: &str| {
            if t.trim().is_empty() {
                Ok(None)
            } else {
                bound(t, true)
            }
        };
        let (min, max) = (side(a)?, side(b)?);
        if min.is_none() && max.is_none() {
            return Err(format!("No number either side of '..': {FORM}."));
        }
        (min, max)
    } else {
        let n = rest.strip_prefix('=').unwrap_or(rest);
        let b = bound(n, true)?;
        (b, b)
    };
    if let (Some(a), Some(b)) = (min, max) {
        if a.value.0 > b.value.0 {
            return Err(format!(
                "The range runs backwards ({} is above {}).",
                a.value.0, b.value.0
            ));
        }
    }
    Ok(NumRange {
        name: name.to_string(),
        min,
        max,
    })
}

/// The month filter in words: `within 2021-12`, for it keeps only the events dated inside it.
pub fn month_label(month: i32) -> String {
    format!(
        "within {}",
        super::density::Unit::Month.label(i64::from(month))
    )
}
