//! Calendar values the tagger emits, and the arithmetic on them: always valid EDTF by
//! construction (four-digit years, real days, intervals that do not run backwards).

use chrono::{Datelike, Duration, NaiveDate};

/// The years chronicle's EDTF subset can write (four digits).
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// One calendar period at one precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cal {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Cal {
    /// A month, or `None` when the year has no four-digit form.
    pub fn month(year: i32, month: u32) -> Option<Cal> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Cal::Month(year, month))
    }

    pub fn year(year: i32) -> Option<Cal> {
        YEARS.contains(&year).then_some(Cal::Year(year))
    }

    pub fn day(year: i32, month: u32, day: u32) -> Option<Cal> {
        if !YEARS.contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Cal::Day)
    }

    /// `months` after (or before) `year-month`.
    pub fn month_offset(year: i32, month: u32, months: i32) -> Option<Cal> {
        let index = year * 12 + month as i32 - 1 + months;
        Cal::month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }

    /// Whether the year has a four-digit form (a day reached by arithmetic may not).
    pub fn writable(self) -> bool {
        YEARS.contains(&self.year_of())
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            Cal::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Cal::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Cal::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        match self {
            Cal::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
            Cal::Month(y, m) => last_of_month(y, m),
            Cal::Day(d) => d,
        }
    }

    pub fn year_of(self) -> i32 {
        match self {
            Cal::Year(y) | Cal::Month(y, _) => y,
            Cal::Day(d) => d.year(),
        }
    }

    fn edtf(self) -> String {
        match self {
            Cal::Year(y) => format!("{y:04}"),
            Cal::Month(y, m) => format!("{y:04}-{m:02}"),
            Cal::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

pub(crate) fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// A resolved date: one period or an interval, maybe approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Value {
    pub start: Cal,
    pub end: Option<Cal>,
    pub approx: bool,
}

impl Value {
    pub fn point(cal: Cal) -> Value {
        Value {
            start: cal,
            end: None,
            approx: false,
        }
    }

    /// `start/end`, or `None` when the interval would run backwards.
    pub fn interval(start: Cal, end: Cal) -> Option<Value> {
        if end.last_day() < start.first_day() {
            return None;
        }
        Some(Value {
            start,
            end: (end != start).then_some(end),
            approx: false,
        })
    }

    pub fn days(first: NaiveDate, last: NaiveDate) -> Option<Value> {
        Value::interval(Cal::Day(first), Cal::Day(last))
    }

    pub fn approximate(self, approx: bool) -> Value {
        Value {
            approx: self.approx || approx,
            ..self
        }
    }

    /// Whether every end is writable as chronicle's EDTF (years 0001–9999).
    pub fn writable(&self) -> bool {
        self.start.writable() && self.end.is_none_or(Cal::writable)
    }

    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// The value as EDTF text, which `crate::date::EdtfDate::parse` accepts.
    pub fn edtf(&self) -> String {
        let mut out = self.start.edtf();
        if let Some(end) = self.end {
            out.push('/');
            out.push_str(&end.edtf());
        }
        if self.approx {
            out.push('~');
        }
        out
    }
}

/// The Monday–Sunday week holding `day`, `weeks` weeks later (or earlier).
pub(crate) fn week_of(day: NaiveDate, weeks: i64) -> Option<Value> {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let monday = monday.checked_add_signed(Duration::weeks(weeks))?;
    Value::days(monday, monday + Duration::days(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_write_edtf() {
        let v = Value::interval(Cal::Month(2008, 1), Cal::Month(2008, 4))
            .map(|v| v.approximate(true).edtf());
        assert_eq!(v.as_deref(), Some("2008-01/2008-04~"));
        assert_eq!(Value::point(Cal::Year(812)).edtf(), "0812");
        assert_eq!(Value::interval(Cal::Year(2009), Cal::Year(2001)), None);
        assert_eq!(Cal::month_offset(2021, 1, -1), Some(Cal::Month(2020, 12)));
        assert_eq!(Cal::month_offset(2021, 12, 1), Some(Cal::Month(2022, 1)));
        assert_eq!(Cal::day(2021, 2, 29), None);
    }
}
