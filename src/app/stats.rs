//! The stats pane's numbers: events per type, actor, country and month over the view, and the
//! sums of the numeric attributes, counted in one pass when the pane opens or the view changes,
//! never per frame.

use rustc_hash::FxHashMap;

use super::density::Unit;
use super::Cursor;
use crate::model::{ActorId, Event, EventIx};
use crate::text::decimal::Decimal;
use crate::timeline::Timeline;

/// What the bars of the stats pane count events by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Type,
    Actor,
    Country,
    Month,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Type, Facet::Actor, Facet::Country, Facet::Month];

    pub fn name(self) -> &'static str {
        match self {
            Facet::Type => "types",
            Facet::Actor => "actors",
            Facet::Country => "countries",
            Facet::Month => "months",
        }
    }

    fn index(self) -> usize {
        Facet::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The next facet (or the previous), wrapping around.
    pub fn step(self, step: isize) -> Facet {
        let at = (self.index() as isize + step).rem_euclid(Facet::ALL.len() as isize);
        Facet::ALL[at as usize]
    }
}

/// What choosing a bar filters the events to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Type(String),
    Actor(ActorId),
    Country(String),
    /// A month, as `Unit::Month` numbers it.
    Month(i64),
}

/// One bar: what it counts and how many events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    pub choice: Choice,
}

/// The sum of one numeric attribute over the events that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sum {
    pub name: String,
    /// Exact, as a person adding up the column would write it; prefixed with "≈" in the rare
    /// case of a value beyond 18 decimal places or a sum beyond 38 digits, added as floats.
    pub total: String,
    /// Events that have the attribute as a number.
    pub events: usize,
}

/// The figures of the stats pane for one view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub events: usize,
    /// Per facet, in `Facet::ALL` order: most events first (months in time order).
    bars: [Vec<Bar>; 4],
    /// Per facet, the events with nothing to count (no type, no actor, no country).
    without: [usize; 4],
    pub sums: Vec<Sum>,
}

impl Stats {
    pub fn bars(&self, facet: Facet) -> &[Bar] {
        &self.bars[facet.index()]
    }

    pub fn without(&self, facet: Facet) -> usize {
        self.without[facet.index()]
    }
}

/// The open stats pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatsPane {
    pub stats: Stats,
    pub facet: Facet,
    /// The selected bar of the facet shown.
    pub cursor: Cursor,
}

/// The event's numeric attributes: those whose value reads as a number, as `Event::number`
/// reads them. Read in one pass rather than through `Event::number` per name, which would look
/// every name up again (GDELT events carry a score of attributes).
pub fn numbers(event: &Event) -> impl Iterator<Item = (&str, f64)> {
    event.attributes.iter().filter_map(|(name, text)| {
        let value = text.trim().parse::<f64>().ok().filter(|n| n.is_finite())?;
        Some((name.as_str(), value))
    })
}

/// A running sum: whole numbers added as integers, others as exact decimals of their shortest
/// written form, and as floats only when neither can hold them.
#[derive(Default)]
struct Adder {
    whole: i128,
    decimal: Option<Decimal>,
    float: f64,
    inexact: bool,
    events: usize,
}

/// Beyond this a float may not hold a whole number exactly.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

impl Adder {
    fn add(&mut self, value: f64) {
        self.events += 1;
        self.float += value;
        if self.inexact {
            return;
        }
        if value.fract() == 0.0 && value.abs() < EXACT_WHOLE {
            self.whole += value as i128;
            return;
        }
        // Rust writes a float as the shortest decimal that reads back as it: the number as
        // the file wrote it, for any value with up to 15 significant digits.
        let exact = Decimal::parse(&value.to_string())
            .and_then(|d| d.checked_add(self.decimal.unwrap_or_default()));
        match exact {
            Some(sum) => self.decimal = Some(sum),
            None => self.inexact = true,
        }
    }

    fn total(&self) -> String {
        let whole = Decimal::parse(&self.whole.to_string());
        let exact = match (whole, self.decimal) {
            (Some(w), Some(d)) => w.checked_add(d),
            (w, None) => w,
            (None, Some(_)) => None,
        };
        match exact {
            Some(sum) if !self.inexact => sum.to_string(),
            _ => format!("≈{}", self.float),
        }
    }
}

/// Counts `view` for the stats pane, in one pass over it.
pub fn count(timeline: &Timeline, view: &[EventIx]) -> Stats {
    let mut types: FxHashMap<&str, usize> = FxHashMap::default();
    let mut countries: FxHashMap<&str, usize> = FxHashMap::default();
    let mut actors = vec![0usize; timeline.actors().len()];
    let mut months: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    let mut without = [0usize; 4];
    let mut sums: FxHashMap<&str, Adder> = FxHashMap::default();
    for ix in view {
        let event = timeline.event(*ix);
        match &event.kind {
            Some(kind) => *types.entry(kind).or_default() += 1,
            None => without[Facet::Type.index()] += 1,
        }
        if event.actors.is_empty() {
            without[Facet::Actor.index()] += 1;
        }
        for actor in &event.actors {
            if let Some(n) = actors.get_mut(actor.index()) {
                *n += 1;
            }
        }
        match event.region.as_deref().and_then(|r| r.country.as_deref()) {
            Some(country) => *countries.entry(country).or_default() += 1,
            None => without[Facet::Country.index()] += 1,
        }
        *months
            .entry(Unit::Month.key_of_key(timeline.key(*ix)))
            .or_default() += 1;
        for (name, value) in numbers(event) {
            sums.entry(name).or_default().add(value);
        }
    }
    let by_count = |map: FxHashMap<&str, usize>, choice: fn(String) -> Choice| {
        let mut bars: Vec<Bar> = map
            .into_iter()
            .map(|(label, count)| Bar {
                label: label.to_string(),
                count,
                choice: choice(label.to_string()),
            })
            .collect();
        bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        bars
    };
    let mut actor_bars: Vec<Bar> = actors
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(at, n)| {
            let id = ActorId(at as u32);
            Bar {
                label: timeline.actor(id).name.clone(),
                count: *n,
                choice: Choice::Actor(id),
            }
        })
        .collect();
    actor_bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let month_bars = months
        .into_iter()
        .map(|(key, count)| Bar {
            label: Unit::Month.label(key),
            count,
            choice: Choice::Month(key),
        })
        .collect();
    let mut sums: Vec<Sum> = sums
        .into_iter()
        .map(|(name, adder)| Sum {
            name: name.to_string(),
            total: adder.total(),
            events: adder.events,
        })
        .collect();
    sums.sort_by(|a, b| a.name.cmp(&b.name));
    Stats {
        events: view.len(),
        bars: [
            by_count(types, Choice::Type),
            actor_bars,
            by_count(countries, Choice::Country),
            month_bars,
        ],
        without,
        sums,
    }
}
