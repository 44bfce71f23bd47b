//! Holidays with a calendar rule: `Christmas`, `Christmas Eve`, `New Year's Day`,
//! `Boxing Day`, `Halloween`, `Valentine's Day`, `Bastille Day`, `Easter`, `Good Friday`,
//! `Easter Monday`, `Thanksgiving`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Found, Lean, Meaning, Seq, YearRef};
use crate::times::lexicon::{Lex, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// A fixed day of the year.
    Fixed(u32, u32),
    /// Easter Sunday, moved by this many days (Good Friday -2, Easter Monday 1).
    Easter(i64),
    /// The fourth Thursday of November (the United States' Thanksgiving).
    Thanksgiving,
}

impl Holiday {
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Holiday::Easter(shift) => {
                easter(year).and_then(|e| e.checked_add_signed(Duration::days(shift)))
            }
            Holiday::Thanksgiving => {
                NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
            }
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday's name at `i`: the holiday and where the name ends, and whether it needs words
/// around it to be a date (`Christmas` alone may be a tree or an island).
fn name(s: &Seq, i: usize) -> Option<(Holiday, usize, bool)> {
    let word = s.word(i);
    let day_at = |k: usize| s.word_is(k, &["Day"]);
    let eve_at = |k: usize| s.word_is(k, &["Eve"]);
    // `Valentine's Day`, `New Year's Eve`: the possessive is three tokens.
    let possessive = |k: usize| s.is_punct(k, '\'') && s.glued(k) && s.word_is(k + 1, &["s"]);
    match word {
        "Christmas" | "Xmas" => Some(if day_at(i + 1) {
            (Holiday::Fixed(12, 25), i + 2, false)
        } else if eve_at(i + 1) {
            (Holiday::Fixed(12, 24), i + 2, false)
        } else {
            (Holiday::Fixed(12, 25), i + 1, true)
        }),
        "New" if s.word_is(i + 1, &["Year"]) && possessive(i + 2) => Some(if eve_at(i + 4) {
            (Holiday::Fixed(12, 31), i + 5, false)
        } else if day_at(i + 4) {
            (Holiday::Fixed(1, 1), i + 5, false)
        } else {
            (Holiday::Fixed(1, 1), i + 4, true)
        }),
        "Boxing" if day_at(i + 1) => Some((Holiday::Fixed(12, 26), i + 2, false)),
        "Bastille" if day_at(i + 1) => Some((Holiday::Fixed(7, 14), i + 2, false)),
        "Valentine" if possessive(i + 1) && day_at(i + 3) => {
            Some((Holiday::Fixed(2, 14), i + 4, false))
        }
        "Halloween" => Some((Holiday::Fixed(10, 31), i + 1, true)),
        "Good" if s.lex(i + 1) == Lex::Weekday(Weekday::Fri) => {
            Some((Holiday::Easter(-2), i + 2, false))
        }
        "Easter" => Some(match s.lex(i + 1) {
            Lex::Weekday(Weekday::Sun) => (Holiday::Easter(0), i + 2, false),
            Lex::Weekday(Weekday::Mon) => (Holiday::Easter(1), i + 2, false),
            _ => (Holiday::Easter(0), i + 1, true),
        }),
        "Thanksgiving" => Some(if day_at(i + 1) {
            (Holiday::Thanksgiving, i + 2, false)
        } else {
            (Holiday::Thanksgiving, i + 1, true)
        }),
        _ => None,
    }
}

/// `Christmas`, `Christmas Day 2008`, `last Christmas`, `New Year's Eve`, `Easter Monday`.
pub(in crate::times) fn holiday(s: &Seq, i: usize) -> Option<Found> {
    let (lean, j) = match s.lex(i) {
        Lex::Last => (Lean::Last, i + 1),
        Lex::Next => (Lean::Next, i + 1),
        Lex::This => (Lean::This, i + 1),
        _ => (Lean::Tense, i),
    };
    let (holiday, end, bare) = name(s, j)?;
    if let Some(year) = super::year_digits(s, end) {
        let meaning = Meaning::Holiday(holiday, Lean::Tense, YearRef::Given(year));
        return Some((end + 1, meaning, false));
    }
    if bare && lean == Lean::Tense {
        // A bare name is a date only where the words around make it a time: `at Christmas`,
        // `before Easter`, `Christmas.`; not in `Christmas Island` or `Christmas trees`.
        let before = j.checked_sub(1).map_or(Lex::Other, |p| s.lex(p));
        let timed = matches!(
            before,
            Lex::MonthLead | Lex::Until | Lex::Before | Lex::After | Lex::Over | Lex::From
        ) || matches!(s.lex(end), Lex::Unit(Unit::Day, _));
        if !timed || !(s.clause_ends(end) || s.is(end, Lex::MonthLead)) {
            return None;
        }
    }
    Some((
        end,
        Meaning::Holiday(holiday, lean, YearRef::Missing),
        false,
    ))
}

/// The holiday's day in the year a lean or the tense picks, as months are picked.
pub(crate) fn occurrence(
    holiday: Holiday,
    lean: Lean,
    past: bool,
    future: bool,
    published: NaiveDate,
) -> Option<NaiveDate> {
    let y = published.year();
    let this = holiday.date(y)?;
    let year = match lean {
        Lean::This => y,
        Lean::Last if this < published => y,
        Lean::Last => y - 1,
        Lean::Next if this > published => y,
        Lean::Next => y + 1,
        Lean::Tense if past && this > published => y - 1,
        Lean::Tense if future && this < published => y + 1,
        Lean::Tense => y,
    };
    holiday.date(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_and_thanksgiving_fall_on_their_days() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(easter(2008), day(2008, 3, 23));
        assert_eq!(easter(2021), day(2021, 4, 4));
        assert_eq!(easter(2000), day(2000, 4, 23));
        assert_eq!(Holiday::Easter(-2).date(2021), day(2021, 4, 2));
        assert_eq!(Holiday::Thanksgiving.date(2021), day(2021, 11, 25));
    }
}
