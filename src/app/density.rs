//! The density strip's numbers: events per day, week, month or year over the view, counted in
//! one pass when the view, the zoom or the width changes, never per frame.

use chrono::{Datelike, NaiveDate};

use crate::date::{EdtfDate, Precision};
use crate::model::EventIx;
use crate::timeline::{DateKey, Timeline};

/// The length of one bucket of the strip, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Day, Unit::Week, Unit::Month, Unit::Year];

    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// One step finer (zoom in) or coarser (zoom out), if there is one.
    pub fn step(self, finer: bool) -> Option<Unit> {
        let at = Unit::ALL.iter().position(|u| *u == self).unwrap_or(0);
        if finer {
            at.checked_sub(1).map(|i| Unit::ALL[i])
        } else {
            Unit::ALL.get(at + 1).copied()
        }
    }

    /// The bucket number of `day`: consecutive buckets have consecutive numbers.
    pub fn key(self, day: NaiveDate) -> i64 {
        match self {
            Unit::Day => i64::from(day.num_days_from_ce()),
            // 1 January of year 1 was a Monday, so weeks start on days 1, 8, 15...
            Unit::Week => (i64::from(day.num_days_from_ce()) - 1).div_euclid(7),
            Unit::Month => i64::from(day.year()) * 12 + i64::from(day.month0()),
            Unit::Year => i64::from(day.year()),
        }
    }

    /// The bucket number of a date: the bucket its earliest instant falls in.
    pub fn key_of(self, date: &EdtfDate) -> i64 {
        self.key(date.earliest().date())
    }

    /// `key_of` from the date's numbers, without calendar arithmetic.
    pub fn key_of_key(self, key: &DateKey) -> i64 {
        let day = i64::from(key.day);
        match self {
            Unit::Day => day,
            Unit::Week => (day - 1).div_euclid(7),
            Unit::Month => i64::from(key.month()),
            Unit::Year => i64::from(key.month()).div_euclid(12),
        }
    }

    /// The bucket in words: `2021-12-13`, `week of 2021-12-13`, `2021-12`, `2021`.
    pub fn label(self, key: i64) -> String {
        let day = |n: i64| {
            i32::try_from(n)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .map_or_else(|| "?".to_string(), |d| d.format("%Y-%m-%d").to_string())
        };
        match self {
            Unit::Day => day(key),
            Unit::Week => format!("week of {}", day(key * 7 + 1)),
            Unit::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Unit::Year => format!("{key:04}"),
        }
    }

    /// Whether `date` is known exactly enough to belong in one bucket of this unit: an exact
    /// date no coarser than the bucket. Others are drawn as rough.
    pub fn holds_exactly(self, date: &EdtfDate) -> bool {
        let finest_needed = match self {
            Unit::Day | Unit::Week => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
        };
        date.is_exact() && date.precision() <= finest_needed
    }

    /// `holds_exactly` from the date's numbers.
    fn holds_key_exactly(self, key: &DateKey) -> bool {
        key.exact() && key.precision() <= self.finest_needed()
    }

    /// The coarsest precision that places a date in one bucket.
    fn finest_needed(self) -> Precision {
        match self {
            Unit::Day | Unit::Week => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
        }
    }

    /// Whether a date is coarser than a bucket (a year by weeks): it is counted in the
    /// bucket of its first instant, which is not a bucket it names.
    fn is_finer_than(self, key: &DateKey) -> bool {
        key.precision() > self.finest_needed()
    }
}

/// What names a bucket: the unit (`week of 2021-12-13`), or, when only dates coarser than the
/// unit fill it, those dates as written (`2021?`): a year counted in the week holding its
/// 1 January was never in the "week of 2020-12-28".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    Unit,
    /// Coarser dates, all as this event's.
    Dated(EventIx),
    /// Coarser dates, not all alike; the first is this event's.
    Mixed(EventIx),
}

/// Events in one bucket: exact dates, and rough ones (uncertain, approximate, intervals, or
/// coarser than the bucket).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub exact: u32,
    pub rough: u32,
}

impl Count {
    pub fn total(self) -> u32 {
        self.exact + self.rough
    }
}

/// The strip's buckets for one view and unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Density {
    pub unit: Unit,
    /// The key of the first bucket (that of the view's first event).
    pub first: i64,
    pub counts: Vec<Count>,
    /// What names each bucket.
    names: Vec<Name>,
    /// The largest bucket total, for scaling bars.
    pub max: u32,
}

impl Density {
    pub fn empty(unit: Unit) -> Density {
        Density {
            unit,
            first: 0,
            counts: Vec::new(),
            names: Vec::new(),
            max: 0,
        }
    }

    /// Counts `view` (in timeline order) by `unit`: one pass.
    pub fn count(timeline: &Timeline, view: &[EventIx], unit: Unit) -> Density {
        let (Some(first), Some(last)) = (view.first(), view.last()) else {
            return Density::empty(unit);
        };
        let first = unit.key_of_key(timeline.key(*first));
        let last = unit.key_of_key(timeline.key(*last));
        let len = usize::try_from(last - first + 1).unwrap_or(0);
        let mut counts = vec![Count::default(); len];
        let mut names = vec![Name::Unit; len];
        for ix in view {
            let key = timeline.key(*ix);
            let at = usize::try_from(unit.key_of_key(key) - first).unwrap_or(0);
            if let (Some(count), Some(name)) = (counts.get_mut(at), names.get_mut(at)) {
                *name = match *name {
                    _ if !unit.is_finer_than(key) => Name::Unit,
                    Name::Unit if count.total() == 0 => Name::Dated(*ix),
                    Name::Dated(other)
                        if timeline.key(other) == key
                            && timeline.event(other).date == timeline.event(*ix).date =>
                    {
                        Name::Dated(other)
                    }
                    Name::Dated(other) | Name::Mixed(other) => Name::Mixed(other),
                    Name::Unit => Name::Unit,
                };
                if unit.holds_key_exactly(key) {
                    count.exact += 1;
                } else {
                    count.rough += 1;
                }
            }
        }
        let max = counts.iter().map(|c| c.total()).max().unwrap_or(0);
        Density {
            unit,
            first,
            counts,
            names,
            max,
        }
    }

    /// Bucket `bucket` in words: by the unit (`week of 2021-12-13`, `2021-12`), or by the
    /// dates that fill it when all are coarser than the unit (`2021?`).
    pub fn label(&self, timeline: &Timeline, bucket: usize) -> String {
        match self.names.get(bucket) {
            Some(Name::Dated(ix)) => timeline.event(*ix).date.to_string(),
            Some(Name::Mixed(ix)) => {
                format!("{} and other rough dates", timeline.event(*ix).date)
            }
            Some(Name::Unit) | None => self.unit.label(self.first + bucket as i64),
        }
    }

    /// The bucket (index into `counts`) of `date`.
    pub fn bucket_of(&self, date: &EdtfDate) -> usize {
        usize::try_from(self.unit.key_of(date) - self.first).unwrap_or(0)
    }
}

/// The finest unit whose buckets over `view` fit in `columns`, one column each.
pub fn fitting_unit(timeline: &Timeline, view: &[EventIx], columns: usize) -> Unit {
    let (Some(first), Some(last)) = (view.first(), view.last()) else {
        return Unit::Month;
    };
    let (first, last) = (&timeline.event(*first).date, &timeline.event(*last).date);
    Unit::ALL
        .into_iter()
        .find(|u| {
            usize::try_from(u.key_of(last) - u.key_of(first) + 1).unwrap_or(usize::MAX) <= columns
        })
        .unwrap_or(Unit::Year)
}

/// Columns one bucket takes when `buckets` share `width` columns: wider bars when few, at
/// most 3 so the strip still reads as a histogram.
pub fn bucket_columns(buckets: usize, width: usize) -> usize {
    (width / buckets.max(1)).clamp(1, 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn consecutive_buckets_have_consecutive_keys() {
        assert_eq!(
            Unit::Day.key(day("2021-12-14")) - Unit::Day.key(day("2021-12-13")),
            1
        );
        // 13 December 2021 was a Monday, 19 December a Sunday.
        assert_eq!(
            Unit::Week.key(day("2021-12-13")),
            Unit::Week.key(day("2021-12-19"))
        );
        assert_eq!(
            Unit::Week.key(day("2021-12-20")) - Unit::Week.key(day("2021-12-19")),
            1
        );
        assert_eq!(
            Unit::Month.key(day("2022-01-01")) - Unit::Month.key(day("2021-12-31")),
            1
        );
        let week = Unit::Week.key(day("2021-12-15"));
        assert_eq!(Unit::Week.label(week), "week of 2021-12-13");
        assert_eq!(
            Unit::Month.label(Unit::Month.key(day("2021-12-15"))),
            "2021-12"
        );
        assert_eq!(
            Unit::Day.label(Unit::Day.key(day("2021-12-15"))),
            "2021-12-15"
        );
        assert_eq!(Unit::Year.label(2021), "2021");
        assert_eq!(Unit::Day.step(true), None);
        assert_eq!(Unit::Day.step(false), Some(Unit::Week));
        assert_eq!(Unit::Year.step(false), None);
    }

    #[test]
    fn counts_split_exact_from_rough_dates() {
        let t = sample::timeline();
        let view = t.all_events();
        let d = Density::count(&t, &view, Unit::Month);
        let total: u32 = d.counts.iter().map(|c| c.total()).sum();
        assert_eq!(total as usize, view.len());
        assert_eq!(d.max, d.counts.iter().map(|c| c.total()).max().unwrap_or(0));
        let month = EdtfDate::parse("2021-12").unwrap_or_else(|e| panic!("{e}"));
        assert!(Unit::Month.holds_exactly(&month));
        assert!(
            !Unit::Day.holds_exactly(&month),
            "a month is rough in a day bucket"
        );
        let rough = EdtfDate::parse("2021-12-13?").unwrap_or_else(|e| panic!("{e}"));
        assert!(!Unit::Year.holds_exactly(&rough));
        assert_eq!(Density::count(&t, &[], Unit::Day).counts.len(), 0);
    }

    #[test]
    fn the_fitting_unit_is_the_finest_that_fits() {
        let t = sample::timeline();
        let view = t.all_events();
        let unit = fitting_unit(&t, &view, 200);
        let d = Density::count(&t, &view, unit);
        assert!(d.counts.len() <= 200);
        if let Some(finer) = unit.step(true) {
            assert!(Density::count(&t, &view, finer).counts.len() > 200);
        }
        assert_eq!(fitting_unit(&t, &view, 1), Unit::Year);
        assert_eq!(bucket_columns(5, 100), 3);
        assert_eq!(bucket_columns(500, 100), 1);
    }

    #[test]
    fn a_bucket_of_coarser_dates_is_named_by_them() {
        let t = sample::timeline();
        let view = t.all_events();
        let d = Density::count(&t, &view, Unit::Week);
        let label = |date: &str| {
            let date = EdtfDate::parse(date).unwrap_or_else(|e| panic!("{e}"));
            d.label(&t, d.bucket_of(&date))
        };
        // Alone in their weeks: a year (uncertain), a month, an approximate month.
        assert_eq!(label("2021"), "2021?");
        assert_eq!(label("2021-12"), "2021-12");
        assert_eq!(label("2021-11"), "~2021-11");
        // Known to the day (or an interval of days): the week.
        assert_eq!(label("2021-12-13"), "week of 2021-12-13");
        assert_eq!(label("2021-12-10"), "week of 2021-12-06");
        // By year, a year is the bucket's own name.
        let years = Density::count(&t, &view, Unit::Year);
        assert_eq!(years.label(&t, 0), "2021");
        // An empty bucket is named by the unit.
        let days = Density::count(&t, &view, Unit::Day);
        let empty = days.counts.iter().position(|c| c.total() == 0).unwrap_or(0);
        assert!(days.label(&t, empty).starts_with("20"));
    }

    #[test]
    fn a_bucket_of_unlike_coarse_dates_says_so_and_one_fitting_date_names_the_week() {
        use crate::model::Event;
        let event = |id: &str, date: &str| Event {
            id: id.into(),
            date: EdtfDate::parse(date).unwrap_or_else(|e| panic!("{e}")),
            title: id.into(),
            summary: None,
            kind: None,
            actors: Box::default(),
            location: None,
            tags: Box::default(),
            quotes: Box::default(),
            attributes: Default::default(),
            roles: Box::default(),
            region: None,
            point: None,
        };
        let label = |events: Vec<Event>| {
            let t = Timeline::new(events, Vec::new(), Vec::new());
            let view = t.all_events();
            Density::count(&t, &view, Unit::Week).label(&t, 0)
        };
        assert_eq!(label(vec![event("a", "2021"), event("b", "2021")]), "2021");
        assert_eq!(
            label(vec![event("a", "2021"), event("b", "2021?")]),
            "2021 and other rough dates"
        );
        assert_eq!(
            label(vec![event("a", "2021"), event("b", "2021-01-01")]),
            "week of 2020-12-28"
        );
    }

    #[test]
    fn keys_from_numbers_agree_with_keys_from_dates() {
        let t = sample::timeline();
        for ix in t.all_events() {
            let (date, key) = (&t.event(ix).date, t.key(ix));
            for unit in Unit::ALL {
                assert_eq!(
                    unit.key_of_key(key),
                    unit.key_of(date),
                    "{date} by {unit:?}"
                );
                assert_eq!(unit.holds_key_exactly(key), unit.holds_exactly(date));
            }
        }
    }
}
