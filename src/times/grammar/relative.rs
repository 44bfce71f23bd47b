//! Dates read from the publication date or from an earlier date in the text: `today`,
//! `yesterday afternoon`, `this morning`, `last week`, `next month`, `Thursday`,
//! `two years ago`, `the following year`, `three years later`, seasons and quarters.

use super::{absolute, Found, Lead, Lean, Lex, Meaning, Part, Seq, Suffix, Unit, YearRef};
use crate::times::lexicon::{NAMES_AFTER_WEEKDAY, NAMES_BEFORE_WEEKDAY};
use crate::times::token::Code;

/// The longest relative expression at `i`.
pub(in crate::times) fn relative(s: &Seq, i: usize) -> Option<Found> {
    let candidates = [
        day_word(s, i),
        this_last_next(s, i),
        weekday(s, i),
        ago(s, i),
        anaphor(s, i),
        season(s, i),
        quarter(s, i),
        year_end(s, i),
        super::holiday::holiday(s, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .max_by_key(|(end, _, _)| *end)
}

/// `today`, `tonight`, `yesterday`, `tomorrow`, `the day before yesterday`,
/// `the day after tomorrow`.
fn day_word(s: &Seq, i: usize) -> Option<Found> {
    if let Lex::DayWord(n) = s.lex(i) {
        // `USA Today`, `BBC Today`, `The Tonight Show`: names.
        let name_before = i > 0 && s.capitalised(i - 1) && s.is(i - 1, Lex::Other);
        let name_after = i > 0 && s.capitalised(i + 1) && s.is(i + 1, Lex::Other);
        if s.capitalised(i) && (name_before || name_after) {
            return None;
        }
        // `the cars of tomorrow`, `the heroes of yesterday`: an age, not a day. (A day is
        // `tomorrow's cars`; `of today` is left a day: `the news of today`.)
        let of_an_age = n != 0 && i > 1 && s.word_is(i - 1, &["of"]) && s.is(i - 2, Lex::Other);
        if of_an_age {
            return None;
        }
        return Some((i + 1, Meaning::Offset(Unit::Day, n), false));
    }
    if s.is(i, Lex::The) && s.is(i + 1, Lex::Unit(Unit::Day, false)) {
        let n = match (s.lex(i + 2), s.lex(i + 3)) {
            (Lex::Before, Lex::DayWord(-1)) => -2,
            (Lex::After, Lex::DayWord(1)) => 2,
            _ => return None,
        };
        return Some((i + 4, Meaning::Offset(Unit::Day, n), false));
    }
    None
}

/// `this week`, `last month`, `next year`, `last weekend`, `this coming Monday`,
/// `last March`, `next summer`, `this morning`, `last night`, `the current year`.
fn this_last_next(s: &Seq, i: usize) -> Option<Found> {
    let after_the = i > 0 && s.is(i - 1, Lex::The);
    let (lean, j) = match s.lex(i) {
        Lex::This if s.is(i + 1, Lex::Coming) => (Lean::Next, i + 2),
        // `this past weekend`: the one just gone.
        Lex::This if s.is(i + 1, Lex::Past) => (Lean::Last, i + 2),
        Lex::This => (Lean::This, i + 1),
        // `the last year` and `the next month` are spans of time, not calendar periods.
        Lex::Last if !after_the => (Lean::Last, i + 1),
        Lex::Next if !after_the => (Lean::Next, i + 1),
        Lex::Coming => (Lean::Next, i + 1),
        Lex::The if s.is(i + 1, Lex::Current) => (Lean::This, i + 2),
        // `over the past weekend` (but `the past week` is a length of time).
        Lex::The if s.is(i + 1, Lex::Past) && s.is(i + 2, Lex::Unit(Unit::Weekend, false)) => {
            (Lean::Last, i + 2)
        }
        // `over the weekend`: the sentence's tense says which.
        Lex::The if s.is(i + 1, Lex::Unit(Unit::Weekend, false)) => (Lean::Tense, i + 1),
        _ => return None,
    };
    let n = match lean {
        Lean::Last => -1,
        Lean::Next => 1,
        _ => 0,
    };
    let offset = |unit| Some((j + 1, Meaning::Offset(unit, n), false));
    match s.lex(j) {
        Lex::Unit(Unit::Week, false)
            if s.is_punct(j + 1, '-') && s.glued(j + 1) && s.is(j + 2, Lex::End) =>
        {
            Some((j + 3, Meaning::Weekend(lean), false))
        }
        Lex::Unit(Unit::Weekend, false) => Some((j + 1, Meaning::Weekend(lean), false)),
        Lex::Unit(unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false) => {
            offset(unit)
        }
        Lex::Weekday(day) if s.capitalised(j) && s.lex(i) != Lex::The => {
            Some((j + 1, Meaning::Weekday(day, lean), false))
        }
        Lex::Month(month) if s.capitalised(j) && s.lex(i) != Lex::The => {
            Some((j + 1, Meaning::MonthOf(month, lean), false))
        }
        Lex::Season(season) if s.lex(i) != Lex::The => Some((
            j + 1,
            Meaning::Season(season, lean, YearRef::Missing),
            false,
        )),
        Lex::DayPart => match s.lex(i) {
            Lex::This if j == i + 1 => Some((j + 1, Meaning::Offset(Unit::Day, 0), false)),
            Lex::Last => Some((j + 1, Meaning::Offset(Unit::Day, -1), false)),
            _ => None,
        },
        _ => None,
    }
}

/// A weekday: `Thursday`, `on Monday`, `Monday, December 13, 2021`, `Tue., Dec. 14`.
fn weekday(s: &Seq, i: usize) -> Option<Found> {
    let (day, j, abbreviated) = match s.lex(i) {
        Lex::Weekday(day) if s.capitalised(i) => (day, i + 1, false),
        Lex::WeekdayAbbr(day) if s.capitalised(i) => {
            let j = if s.is_punct(i + 1, '.') && s.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            (day, j, true)
        }
        _ => return None,
    };
    if !abbreviated && !weekday_in_context(s, i) {
        return None;
    }
    // A date after the weekday names the day itself.
    let mut k = j;
    if s.is_punct(k, ',') {
        k += 1;
    }
    if s.is(k, Lex::The) {
        k += 1;
    }
    if let Some((end, Meaning::Date(spec))) = absolute::single(s, k, Lead::None) {
        if spec.day.is_some() {
            return Some((end, Meaning::Date(spec), false));
        }
    }
    if abbreviated {
        return None;
    }
    // `Monday last week`, `Friday next week`: that week's day.
    let week = match s.lex(j) {
        Lex::Last => Some(-1),
        Lex::Next => Some(1),
        Lex::This => Some(0),
        _ => None,
    };
    if let Some(n) = week.filter(|_| s.is(j + 1, Lex::Unit(Unit::Week, false))) {
        return Some((j + 2, Meaning::DayOfWeek(day, n), false));
    }
    Some((j, Meaning::Weekday(day, Lean::Tense), false))
}

/// `Sunday Times`, `Black Friday`, `Bloody Sunday`, `Easter Monday`: names, not the weekday
/// the text is about.
fn weekday_in_context(s: &Seq, i: usize) -> bool {
    let name_before = i > 0 && s.word_in(i - 1, &NAMES_BEFORE_WEEKDAY);
    !name_before && !s.word_in(i + 1, &NAMES_AFTER_WEEKDAY)
}

/// `two years ago`, `a decade ago`, `18 months ago`, `three years later`, `a year earlier`,
/// `two days before` (at the end of a clause), `three weeks from now`.
pub(in crate::times) fn ago(s: &Seq, i: usize) -> Option<Found> {
    let (n, j) = count(s, i)?;
    let Lex::Unit(unit, _) = s.lex(j) else {
        return None;
    };
    let (unit, n, approx) = match unit {
        Unit::Decade => (Unit::Year, n * 10, true),
        Unit::Century => (Unit::Year, n * 100, true),
        Unit::Weekend => return None,
        unit => (unit, n, false),
    };
    let k = j + 1;
    let (meaning, end) = match s.lex(k) {
        Lex::Ago => (Meaning::Offset(unit, -n), k + 1),
        Lex::From if s.is(k + 1, Lex::Now) => (Meaning::Offset(unit, n), k + 2),
        Lex::Later | Lex::Afterwards if !s.is(k + 1, Lex::Than) => {
            (Meaning::Anaphor(unit, n), k + 1)
        }
        Lex::Earlier if !s.is(k + 1, Lex::Than) => (Meaning::Anaphor(unit, -n), k + 1),
        Lex::After if s.clause_ends(k + 1) => (Meaning::Anaphor(unit, n), k + 1),
        Lex::Before if s.clause_ends(k + 1) => (Meaning::Anaphor(unit, -n), k + 1),
        _ => return None,
    };
    if unit == Unit::Quarter && matches!(meaning, Meaning::Anaphor(..)) {
        return None;
    }
    Some((end, meaning, approx))
}

/// A small count: `2`, `two`, `twenty-five`, `a`, `an`.
fn count(s: &Seq, i: usize) -> Option<(i64, usize)> {
    if let Some(n) = s.num(i) {
        let ok = n.plain && n.digits <= 3 && n.suffix == Suffix::None && n.value > 0;
        return ok.then_some((i64::from(n.value), i + 1));
    }
    match s.lex(i) {
        Lex::A => Some((1, i + 1)),
        Lex::Count(tens) if tens >= 20 && s.is_punct(i + 1, '-') && s.glued(i + 1) => {
            match s.lex(i + 2) {
                Lex::Count(ones) if ones < 10 => Some((i64::from(tens + ones), i + 3)),
                _ => None,
            }
        }
        Lex::Count(n) => Some((i64::from(n), i + 1)),
        _ => None,
    }
}

/// `that year`, `that same day`, `the same month`, `the following year`, `the next day`,
/// `the previous week`, `the year before`, `the day after`.
fn anaphor(s: &Seq, i: usize) -> Option<Found> {
    let unit_at = |k: usize| match s.lex(k) {
        Lex::Unit(
            u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year),
            false,
        ) => Some(u),
        _ => None,
    };
    // `year-on-year`, `day-to-day`: a compound, not a date.
    let compound = |k: usize| s.is_punct(k, '-') && s.glued(k);
    if s.is(i, Lex::That) {
        let j = if s.is(i + 1, Lex::Same) { i + 2 } else { i + 1 };
        let unit = unit_at(j)?;
        return (!compound(j + 1)).then_some((j + 1, Meaning::Anaphor(unit, 0), false));
    }
    if !s.is(i, Lex::The) {
        return None;
    }
    let (n, j) = match s.lex(i + 1) {
        Lex::Same => (0, i + 2),
        Lex::Following => (1, i + 2),
        Lex::Previous => (-1, i + 2),
        Lex::Next if s.is(i + 2, Lex::Unit(Unit::Day, false)) => (1, i + 2),
        Lex::Unit(..) => {
            let unit = unit_at(i + 1)?;
            if s.is(i + 2, Lex::Before) && s.is(i + 3, Lex::Last) && unit != Unit::Day {
                // `the year before last`: two back from publication.
                return Some((i + 4, Meaning::Offset(unit, -2), false));
            }
            let n = match s.lex(i + 2) {
                Lex::Before => -1,
                Lex::After => 1,
                _ => return None,
            };
            if !s.clause_ends(i + 3) {
                return None;
            }
            return Some((i + 3, Meaning::Anaphor(unit, n), false));
        }
        _ => return None,
    };
    let unit = unit_at(j)?;
    (!compound(j + 1)).then_some((j + 1, Meaning::Anaphor(unit, n), false))
}

/// `spring 2008`, `the summer of 2008`, `summer this year`, `in the autumn`, `in winter`.
/// (`this summer`, `last winter` are read with the other `this`/`last` words.)
fn season(s: &Seq, i: usize) -> Option<Found> {
    let the = s.is(i, Lex::The);
    let j = if the { i + 1 } else { i };
    let Lex::Season(season) = s.lex(j) else {
        return None;
    };
    let fall = s.word(j).eq_ignore_ascii_case("fall");
    // `the Arab Spring`, `Prague Spring`: names of events.
    if s.capitalised(j) && j > 0 && s.capitalised(j - 1) && !the && !s.is(j - 1, Lex::MonthLead) {
        return None;
    }
    let k = if s.is(j + 1, Lex::Of) { j + 2 } else { j + 1 };
    if let Some(year) = absolute::bare_year(s, k) {
        let meaning = Meaning::Season(season, Lean::Tense, YearRef::Given(year));
        return Some((k + 1, meaning, false));
    }
    if let Some((year, end)) = year_words(s, k) {
        return Some((end, Meaning::Season(season, Lean::Tense, year), false));
    }
    if s.is(j + 1, Lex::Of) || (s.capitalised(j) && s.capitalised(j + 1)) {
        // `the fall of Rome`, `the summer of love`; `Spring Street`, `the Winter Olympics`.
        return None;
    }
    // A bare season needs a word that makes it a time: `in summer`, `in the autumn`.
    let lead = i.checked_sub(1).map_or(Lex::Other, |p| s.lex(p));
    let timed = matches!(
        lead,
        Lex::MonthLead | Lex::Until | Lex::From | Lex::Before | Lex::After | Lex::Through
    );
    if !timed || (fall && !the) {
        return None;
    }
    Some((
        j + 1,
        Meaning::Season(season, Lean::Tense, YearRef::Missing),
        false,
    ))
}

/// `this year`, `last year`, `next year`, `that year`, `the same year`, `the following year`.
fn year_words(s: &Seq, k: usize) -> Option<(YearRef, usize)> {
    let year_at = |at: usize| s.is(at, Lex::Unit(Unit::Year, false));
    match s.lex(k) {
        Lex::This if year_at(k + 1) => Some((YearRef::Published(0), k + 2)),
        Lex::Last if year_at(k + 1) => Some((YearRef::Published(-1), k + 2)),
        Lex::Next if year_at(k + 1) => Some((YearRef::Published(1), k + 2)),
        Lex::That if year_at(k + 1) => Some((YearRef::Anaphor(0), k + 2)),
        Lex::The => {
            let year = match s.lex(k + 1) {
                Lex::Same => YearRef::Anaphor(0),
                Lex::Following => YearRef::Anaphor(1),
                Lex::Previous => YearRef::Anaphor(-1),
                _ => return None,
            };
            year_at(k + 2).then_some((year, k + 3))
        }
        _ => None,
    }
}

/// `the first quarter of 2008`, `Q1 2008`, `the third quarter`, `third-quarter`,
/// `the fourth quarter of last year`.
fn quarter(s: &Seq, i: usize) -> Option<Found> {
    if let Some(Code::Quarter(q)) = s.code(i) {
        let (year, end) = quarter_year(s, i + 1);
        return Some((end, Meaning::Quarter(q, year), false));
    }
    let the = s.is(i, Lex::The);
    let j = if the { i + 1 } else { i };
    let q = match (s.lex(j), s.num(j)) {
        (Lex::Ordinal(q @ 1..=4), _) => q,
        (_, Some(n)) if n.suffix == Suffix::Ordinal && (1..=4).contains(&n.value) => n.value,
        _ => return None,
    };
    let hyphen = s.is_punct(j + 1, '-') && s.glued(j + 1) && s.glued(j + 2);
    let k = if hyphen { j + 2 } else { j + 1 };
    if !s.is(k, Lex::Unit(Unit::Quarter, false)) {
        return None;
    }
    if !(the || hyphen) {
        return None;
    }
    if s.is(k + 1, Lex::Of) {
        let (year, end) = quarter_year(s, k + 2);
        // `the first quarter of the century` and such: not a quarter of a year we know.
        if end == k + 2 {
            return None;
        }
        return Some((end, Meaning::Quarter(q, year), false));
    }
    let (year, end) = quarter_year(s, k + 1);
    Some((end, Meaning::Quarter(q, year), false))
}

/// The year after a quarter: `2008`, `this year`, `of last year`; `Missing` when none.
fn quarter_year(s: &Seq, k: usize) -> (YearRef, usize) {
    if let Some(year) = absolute::bare_year(s, k) {
        return (YearRef::Given(year), k + 1);
    }
    if let Some((year, end)) = year_words(s, k) {
        return (year, end);
    }
    if s.is(k, Lex::The) && s.is(k + 1, Lex::Unit(Unit::Year, false)) {
        // `the fourth quarter of the year`: which year, the tense says.
        return (YearRef::Missing, k + 2);
    }
    (YearRef::Missing, k)
}

/// `year-end`: the end of the year being written about.
fn year_end(s: &Seq, i: usize) -> Option<Found> {
    let joined = s.is(i, Lex::Unit(Unit::Year, false))
        && s.is_punct(i + 1, '-')
        && s.glued(i + 1)
        && s.glued(i + 2)
        && s.is(i + 2, Lex::End);
    let meaning = Meaning::Part(Some(Part::End), Box::new(Meaning::Contextual(Unit::Year)));
    joined.then_some((i + 3, meaning, false))
}
