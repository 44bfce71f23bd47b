//! The stats pane's numbers: events per type, actor, country and month over the view, and the
//! sums of the numeric attributes, counted in one pass when the pane opens or the view changes,
//! never per frame.

use rustc_hash::FxHashMap;

use super::density::Unit;
use super::Cursor;
use crate::model::{ActorId, Event, EventIx, Label, ValueRef};
use crate::text::case::{fold_label, merge_spellings};
use crate::text::decimal::Decimal;
use crate::text::safe::sanitize;
use crate::text::width::width;
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
    /// Per facet, the events with nothing to count (no type, no actor, no country, a date
    /// coarser than a month).
    without: [usize; 4],
    /// Per facet, the widest label (in columns, as drawn): the bars start in the same column
    /// on every page.
    label_widths: [usize; 4],
    pub sums: Vec<Sum>,
}

/// The rows of the stats pane above its bars: the facets, then the sums (at least two rows).
pub const MIN_SUM_ROWS: usize = 2;

impl Stats {
    pub fn label_width(&self, facet: Facet) -> usize {
        self.label_widths[facet.index()]
    }

    /// The sums line by line for `columns`: as many on a line as fit, none cut between lines
    /// (one wider than the line is cut when drawn).
    pub fn sum_lines(&self, columns: usize) -> Vec<String> {
        if self.sums.is_empty() {
            return vec!["No numeric attribute to add up.".into()];
        }
        let mut lines = Vec::new();
        let mut line = String::from("Sums:");
        for (at, s) in self.sums.iter().enumerate() {
            let item = format!("{} {} ({})", s.total, sanitize(&s.name), s.events);
            if at == 0 && width(&line) + 1 + width(&item) > columns {
                // "Sums:" alone on its line rather than cutting the first sum.
                lines.push(std::mem::take(&mut line));
            } else if at == 0 {
                line.push(' ');
            } else if width(&line) + width(" · ") + width(&item) <= columns {
                line.push_str(" · ");
            } else {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(&item);
        }
        lines.push(line);
        lines
    }

    /// The rows the sums take in a pane of `columns` x `rows` inside: all of them when three
    /// rows of bars are left, else what leaves those.
    pub fn sum_rows(&self, columns: usize, rows: usize) -> usize {
        let room = rows.saturating_sub(1 + 3).max(MIN_SUM_ROWS);
        self.sum_lines(columns).len().clamp(MIN_SUM_ROWS, room)
    }

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

/// The event's attributes as (name, value): where the stats read numbers from.
pub fn attribute_values(event: &Event) -> impl Iterator<Item = (&Label, ValueRef<'_>)> {
    event.attributes.iter()
}

/// Whether two attribute names are the same: the same label mostly (names are shared), else
/// the same text.
pub fn same_name(a: &Label, b: &Label) -> bool {
    Label::ptr_eq(a, b) || **a == **b
}

/// Beyond this a float may not hold a whole number exactly.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

/// The value as the exact decimal it was written as (a number shows as written, text that
/// reads as a plain decimal is one); `None` for text that is not one, or a number a decimal
/// cannot hold.
fn decimal(value: &ValueRef) -> Option<Decimal> {
    match value {
        ValueRef::Number(n) => short_decimal(n.value()).or_else(|| Decimal::parse(&n.to_string())),
        ValueRef::Text(text) => Decimal::parse(text),
    }
}

/// The decimal of at most 6 places that reads as `value`, when there is one: the number as
/// written for counts and scores (`12`, `-4.5`, `0.25`), found with a few multiplications
/// rather than by writing the number out, which took most of the time of a count.
fn short_decimal(value: f64) -> Option<Decimal> {
    const SCALES: [f64; 7] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    for (places, scale) in SCALES.iter().enumerate() {
        let units = (value * scale).round();
        if units.abs() >= EXACT_WHOLE {
            return None;
        }
        // Both exact integers below 2^53: the quotient is the float nearest the decimal,
        // which is `value` only when the decimal is the number written.
        if units / scale == value {
            return Some(Decimal::new(units as i64, places as u32));
        }
    }
    None
}

/// A running sum: exact decimals of the values as written, and floats only for what an exact
/// decimal cannot hold (an exponent, more than 18 places, a sum beyond 38 digits).
#[derive(Default)]
struct Adder {
    exact: Decimal,
    float: f64,
    inexact: bool,
    events: usize,
}

impl Adder {
    /// Adds `value` when it is a number; whether it was.
    fn add(&mut self, value: &ValueRef) -> bool {
        if let Some(exact) = decimal(value) {
            self.events += 1;
            if self.inexact {
                self.float += exact.to_f64();
                return true;
            }
            match self.exact.checked_add(exact) {
                Some(sum) => self.exact = sum,
                None => self.go_inexact(exact.to_f64()),
            }
            return true;
        }
        match value.number() {
            Some(float) => {
                self.events += 1;
                if self.inexact {
                    self.float += float;
                } else {
                    self.go_inexact(float);
                }
                true
            }
            None => false,
        }
    }

    /// From now on adds floats, starting from the exact sum so far and `value`.
    fn go_inexact(&mut self, value: f64) {
        self.inexact = true;
        self.float = self.exact.to_f64() + value;
    }

    fn total(&self) -> String {
        if self.inexact {
            format!("≈{}", self.float)
        } else {
            self.exact.to_string()
        }
    }
}

/// Adds up one attribute per name. Events mostly list the same attributes in the same order,
/// so the next name is looked for where the last one was found, before any search; a name
/// that is not numeric (a code) is kept too, with nothing to add to, so that it is not looked
/// up in `numeric` again.
struct Sums<'t> {
    adders: Vec<(&'t Label, Option<Adder>)>,
    numeric: &'t [String],
}

impl<'t> Sums<'t> {
    fn add(&mut self, at: &mut usize, name: &'t Label, value: &ValueRef) {
        let found = match self.adders.get(*at) {
            Some((n, _)) if same_name(n, name) => Some(*at),
            _ => self.adders.iter().position(|(n, _)| same_name(n, name)),
        };
        let index = found.unwrap_or_else(|| {
            let numeric = self.numeric.iter().any(|n| n.as_str() == &**name);
            self.adders.push((name, numeric.then(Adder::default)));
            self.adders.len() - 1
        });
        if let Some(adder) = &mut self.adders[index].1 {
            adder.add(value);
        }
        *at = index + 1;
    }
}

/// Counts of labels shared by many events (types, countries), kept by the label's address
/// rather than its text so that counting does not hash text; labels of the same text stored
/// twice, or differing only in case, are merged at the end.
#[derive(Default)]
struct LabelCounts<'t> {
    by_address: FxHashMap<usize, (&'t str, usize)>,
}

impl<'t> LabelCounts<'t> {
    fn add(&mut self, label: &'t Label) {
        let address = label.as_ptr() as usize;
        self.by_address.entry(address).or_insert((label, 0)).1 += 1;
    }

    fn into_bars(self, choice: fn(String) -> Choice) -> Vec<Bar> {
        let mut merged: FxHashMap<&str, usize> = FxHashMap::default();
        for (label, n) in self.by_address.into_values() {
            *merged.entry(label).or_default() += n;
        }
        // One bar per label case aside, as the pickers list them and a bar's filter matches.
        let mut bars: Vec<Bar> = merge_spellings(merged, |l| fold_label(l))
            .into_iter()
            .map(|(label, count)| Bar {
                label: label.to_string(),
                count,
                choice: choice(label.to_string()),
            })
            .collect();
        bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        bars
    }
}

/// Counts `view` for the stats pane, in one pass over it, adding up the attributes named in
/// `numeric` (see `sort::numeric_attributes`).
pub fn count(timeline: &Timeline, view: &[EventIx], numeric: &[String]) -> Stats {
    let mut types = LabelCounts::default();
    let mut countries = LabelCounts::default();
    let mut actors = vec![0usize; timeline.actors().len()];
    let mut months: FxHashMap<i64, usize> = FxHashMap::default();
    let mut without = [0usize; 4];
    let mut sums = Sums {
        adders: Vec::new(),
        numeric,
    };
    for ix in view {
        let event = timeline.event(*ix);
        match &event.kind {
            Some(kind) => types.add(kind),
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
        match event.region.as_deref().and_then(|r| r.country.as_ref()) {
            Some(country) => countries.add(country),
            None => without[Facet::Country.index()] += 1,
        }
        // A date known only to the year (or coarser), or spanning months, is in no month:
        // counted apart rather than under January, by the rule the month filter keeps.
        match timeline.key(*ix).month_within() {
            Some(month) => *months.entry(i64::from(month)).or_default() += 1,
            None => without[Facet::Month.index()] += 1,
        }
        let mut at = 0;
        for (name, value) in attribute_values(event) {
            sums.add(&mut at, name, &value);
        }
    }
    let mut actor_bars: Vec<Bar> = actors
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(at, n)| {
            let id = ActorId(at as u32);
            Bar {
                label: timeline.actor_label(id),
                count: *n,
                choice: Choice::Actor(id),
            }
        })
        .collect();
    actor_bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let mut months: Vec<(i64, usize)> = months.into_iter().collect();
    months.sort_unstable();
    let month_bars = months
        .into_iter()
        .map(|(key, count)| Bar {
            label: Unit::Month.label(key),
            count,
            choice: Choice::Month(key),
        })
        .collect();
    let mut sums: Vec<Sum> = sums
        .adders
        .into_iter()
        .filter_map(|(name, adder)| Some((name, adder?)))
        .map(|(name, adder)| Sum {
            name: name.to_string(),
            total: adder.total(),
            events: adder.events,
        })
        .collect();
    sums.sort_by(|a, b| a.name.cmp(&b.name));
    let bars = [
        types.into_bars(Choice::Type),
        actor_bars,
        countries.into_bars(Choice::Country),
        month_bars,
    ];
    let label_widths = bars.each_ref().map(|bars| {
        bars.iter()
            .map(|b| width(&sanitize(&b.label)))
            .max()
            .unwrap_or(0)
    });
    Stats {
        events: view.len(),
        bars,
        without,
        label_widths,
        sums,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(values: &[&str]) -> (String, usize) {
        let mut adder = Adder::default();
        for v in values {
            adder.add(&ValueRef::Text(&Label::from(*v)));
        }
        (adder.total(), adder.events)
    }

    fn total_of_numbers(values: &[&str]) -> (String, usize) {
        let mut adder = Adder::default();
        for v in values {
            let n = crate::model::Number::parse(v).unwrap_or_else(|| panic!("{v}"));
            adder.add(&ValueRef::Number(n));
        }
        (adder.total(), adder.events)
    }

    /// A type or country written in two cases is one bar, as the pickers list it and as its
    /// filter matches.
    #[test]
    fn spellings_that_differ_in_case_are_one_bar() {
        let base = crate::sample::timeline();
        let mut events = base.events().to_vec();
        for (i, event) in events.iter_mut().enumerate() {
            event.kind = Some(if i == 0 { "éditorial" } else { "Éditorial" }.into());
        }
        let n = events.len();
        let t = Timeline::new(events, base.actors().to_vec(), base.sources().to_vec());
        let view: Vec<EventIx> = (0..n).map(|i| EventIx(i as u32)).collect();
        let bars: Vec<(String, usize)> = count(&t, &view, &[])
            .bars(Facet::Type)
            .iter()
            .map(|b| (b.label.clone(), b.count))
            .collect();
        assert_eq!(bars, [("Éditorial".to_string(), n)]);
    }

    #[test]
    fn sums_are_exact_decimals_and_floats_only_where_they_must_be() {
        assert_eq!(total(&["0.1", "0.2"]), ("0.3".into(), 2));
        assert_eq!(total(&["10", "3", " 2 ", "0"]), ("15".into(), 4));
        assert_eq!(
            total(&["-4.4776119402985", "2.07852193995381"]),
            ("-2.39909000034469".into(), 2)
        );
        // Not numbers: not counted, not added.
        assert_eq!(total(&["5", "unknown", "", "NaN", "inf"]), ("5".into(), 1));
        // An exponent is read exactly, as `stats --sum` reads it.
        assert_eq!(total(&["1e3", "1"]), ("1001".into(), 2));
    }

    #[test]
    fn typed_numbers_add_up_as_they_were_written() {
        assert_eq!(total_of_numbers(&["0.1", "0.2", "12"]), ("12.3".into(), 3));
        assert_eq!(
            total_of_numbers(&["-3.6496350364963503", "1.50"]),
            ("-2.1496350364963503".into(), 2)
        );
        assert_eq!(total_of_numbers(&["1e3", "2"]), ("1002".into(), 2));
        assert_eq!(
            total_of_numbers(&["0.000001", "123456.75", "-0.1234567"]),
            ("123456.6265443".into(), 3)
        );
    }

    #[test]
    fn a_short_decimal_is_the_number_as_written_or_none() {
        for text in [
            "0",
            "12",
            "-4.5",
            "0.25",
            "0.1",
            "-0.000001",
            "123456.123456",
        ] {
            let value: f64 = text.parse().unwrap_or_else(|_| panic!("{text}"));
            let decimal = short_decimal(value).map(|d| d.to_string());
            let expected = Decimal::parse(text).map(|d| d.to_string());
            assert_eq!(decimal, expected, "{text}");
        }
        // More than 6 places, or beyond what a float holds whole: written out instead.
        assert_eq!(short_decimal(-3.6496350364963503), None);
        assert_eq!(short_decimal(1e300), None);
    }
}
