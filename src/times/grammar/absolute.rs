//! Dates written out: `13 December 2021`, `Dec. 13, 2021`, `December 13th`, `2021-12-13`,
//! `December 2021`, `2021`, `January this year`, `FY2008`, the decades and centuries, and the
//! ranges between them (`2001 to 2009`, `11–12 December`, `between March and May 2008`).

use super::{day_at, year_digits, DateSpec, Found, Lead, Lex, Meaning, Seq, Suffix, Unit, YearRef};
use crate::times::lexicon::{COUNT_NOUNS, MODEL_WORDS, NAME_VERBS, STREETS};
use crate::times::token::{Case, Code};
use crate::times::value::{Cal, Value};

/// A date or a range of dates starting at `i`: `between X and Y`, `X to Y`, `X–Y`, or `X`.
pub(in crate::times) fn range_at(s: &Seq, i: usize) -> Option<Found> {
    if s.is(i, Lex::Between) {
        let (j, a) = single(s, i + 1, Lead::Between)?;
        if let Meaning::Range(..) = a {
            // `between 11 and 12 December`
            return Some((j, a, false));
        }
        let Meaning::Date(start) = a else { return None };
        if !s.connector(j, Lead::Between) {
            return None;
        }
        let (k, b) = single(s, j + 1, Lead::Between)?;
        let Meaning::Date(end) = b else { return None };
        if reversed(&start, &end) {
            // Each end is read on its own, without the `between`.
            return None;
        }
        return Some((k, combine(start, end)?, false));
    }
    if !clean_start(s, i) {
        return None;
    }
    let lead = if i > 0 && s.is(i - 1, Lex::From) {
        Lead::From
    } else {
        Lead::None
    };
    let (j, a) = single(s, i, lead)?;
    if let Meaning::Date(start) = a {
        if s.connector(j, lead) {
            // `2001 -- 2009`: a dash typed as two hyphens.
            let after = if s.is_punct(j, '-') && s.is_punct(j + 1, '-') && s.glued(j + 1) {
                j + 2
            } else {
                j + 1
            };
            if let Some((k, Meaning::Date(end))) = single(s, after, lead) {
                if let Some(range) = combine(start, end).filter(|_| !reversed(&start, &end)) {
                    return Some((k, range, false));
                }
            }
        }
    }
    Some((j, a, false))
}

/// Whether both ends give their year and the second comes before the first (`from 2019 to
/// 2017`): not a range but two dates, each then read on its own.
fn reversed(start: &DateSpec, end: &DateSpec) -> bool {
    let key = |d: &DateSpec, y: i32| (y, d.month.unwrap_or(0), d.day.unwrap_or(0));
    match (start.year, end.year) {
        (YearRef::Given(a), YearRef::Given(b)) => key(end, b) < key(start, a),
        _ => false,
    }
}

/// Joins two ends into a range, giving an end without a year the other end's year.
fn combine(mut start: DateSpec, mut end: DateSpec) -> Option<Meaning> {
    let key = |d: &DateSpec| (d.month.unwrap_or(0), d.day.unwrap_or(0));
    let later = key(&start) > key(&end);
    match (start.year, end.year) {
        (YearRef::Missing, YearRef::Missing) => {}
        (YearRef::Missing, year) => {
            // `11 December to 2 January 2022`: the start is in the year before.
            start.month?;
            end.month?;
            start.year = if later { shift(year, -1) } else { year };
        }
        (year, YearRef::Missing) => {
            start.month?;
            end.month?;
            end.year = if later { shift(year, 1) } else { year };
        }
        _ => {}
    }
    // A range between a year and a month or day (`2008 to March`) is not one we read.
    if start.month.is_some() != end.month.is_some() {
        return None;
    }
    Some(Meaning::Range(start, end))
}

fn shift(year: YearRef, by: i32) -> YearRef {
    match year {
        YearRef::Given(y) => YearRef::Given(y + by),
        YearRef::Published(n) => YearRef::Published(n + by),
        YearRef::Anaphor(n) => YearRef::Anaphor(n + by),
        YearRef::Missing => YearRef::Missing,
    }
}

/// One date (or a range of days inside one month) starting at `i`.
pub(in crate::times) fn single(s: &Seq, i: usize, lead: Lead) -> Option<(usize, Meaning)> {
    let candidates = [
        month_first(s, i, lead),
        day_first(s, i, lead),
        the_day_of(s, i, lead),
        numeric(s, i),
        slash_date(s, i),
        fiscal(s, i),
    ];
    candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
}

/// A month name at `i` (`December`, `Dec`, `Dec.`): the month, where the word ends, and
/// whether it was abbreviated.
fn month_at(s: &Seq, i: usize) -> Option<(u32, usize, bool)> {
    if !s.capitalised(i) {
        return None;
    }
    match s.lex(i) {
        Lex::Month(m) => Some((m, i + 1, false)),
        Lex::MonthAbbr(m) => {
            let end = if s.is_punct(i + 1, '.') && s.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            Some((m, end, true))
        }
        _ => None,
    }
}

/// `December 13`, `Dec. 13, 2021`, `December 11–12`, `December 2021`, `December of last year`,
/// `January this year`, and `December` alone where it cannot be a name or a verb.
fn month_first(s: &Seq, i: usize, lead: Lead) -> Option<(usize, Meaning)> {
    let (month, j, abbreviated) = month_at(s, i)?;
    if let Some(day) = day_at(s, j).filter(|_| !year_like_after_day(s, j)) {
        let mut k = j + 1;
        let mut last_day = None;
        if let Some((d2, after)) = day_range_end(s, k, day, lead) {
            last_day = Some(d2);
            k = after;
        }
        let (year, k) = match year_after(s, k) {
            Some((y, after)) => (YearRef::Given(y), after),
            None => (YearRef::Missing, k),
        };
        if let Some(not) = not_a_date(year, month, last_day.unwrap_or(day)) {
            return Some((k, not));
        }
        let start = DateSpec::day(year, month, day);
        let meaning = match last_day {
            Some(d2) => Meaning::Range(start, DateSpec::day(year, month, d2)),
            None => Meaning::Date(start),
        };
        return Some((k, meaning));
    }
    if let Some((year, k)) = year_after_month(s, j) {
        return Some((k, Meaning::Date(DateSpec::month(year, month))));
    }
    if abbreviated || !month_in_context(s, i, j) {
        return None;
    }
    Some((j, Meaning::Date(DateSpec::month(YearRef::Missing, month))))
}

/// `13 December 2021`, `13th December`, `11–12 December 2021`, `13 of December`.
fn day_first(s: &Seq, i: usize, lead: Lead) -> Option<(usize, Meaning)> {
    let day = day_at(s, i)?;
    let mut k = i + 1;
    let mut last_day = None;
    if let Some((d2, after)) = day_range_end(s, k, day, lead) {
        last_day = Some(d2);
        k = after;
    }
    if s.is(k, Lex::Of) {
        k += 1;
    }
    let (month, k, _) = month_at(s, k)?;
    let (year, k) = match year_after(s, k) {
        Some((y, after)) => (YearRef::Given(y), after),
        None => relative_year(s, k).unwrap_or((YearRef::Missing, k)),
    };
    if let Some(not) = not_a_date(year, month, last_day.unwrap_or(day)) {
        return Some((k, not));
    }
    let start = DateSpec::day(year, month, day);
    let meaning = match last_day {
        Some(d2) => Meaning::Range(start, DateSpec::day(year, month, d2)),
        None => Meaning::Date(start),
    };
    Some((k, meaning))
}

/// `the 13th of December`.
fn the_day_of(s: &Seq, i: usize, lead: Lead) -> Option<(usize, Meaning)> {
    let ordinal = s.num(i + 1).is_some_and(|n| n.suffix == Suffix::Ordinal);
    if !(s.is(i, Lex::The) && ordinal && s.is(i + 2, Lex::Of)) {
        return None;
    }
    day_first(s, i + 1, lead)
}

/// The second day of `11–12`, `11 to 12`, `11 and 12` (after `between`): it must come later
/// in the month.
fn day_range_end(s: &Seq, k: usize, first: u32, lead: Lead) -> Option<(u32, usize)> {
    let connects = match s.lex(k) {
        // `3 and 4 July` is the two days; `3 and 10 July` two separate ones, left to the
        // second's own match.
        Lex::And => lead == Lead::Between || day_at(s, k + 1) == Some(first + 1),
        Lex::To | Lex::Through => true,
        Lex::Until => lead == Lead::From,
        _ => matches!(s.punct(k), Some('-' | '–' | '—')),
    };
    if !connects {
        return None;
    }
    let last = day_at(s, k + 1)?;
    (last > first).then_some((last, k + 2))
}

/// Whether the day number at `j` is really a year's first digits or a count (`May 20 people`
/// is left alone only when a count noun follows; `May 2008` never reaches here).
fn year_like_after_day(s: &Seq, j: usize) -> bool {
    count_noun(s, j + 1) || matches!(s.lex(j + 1), Lex::Unit(..))
}

/// `, 2021` or ` 2021` after a day.
fn year_after(s: &Seq, k: usize) -> Option<(i32, usize)> {
    let k2 = if s.is_punct(k, ',') { k + 1 } else { k };
    let year = year_digits(s, k2)?;
    if s.glued(k2 + 1) && matches!(s.punct(k2 + 1), Some('-' | '/')) && s.num(k2 + 2).is_some() {
        return None;
    }
    Some((year, k2 + 1))
}

/// What follows a month name to give its year: `2021`, `, 2021`, `of 2021`, `this year`,
/// `of last year`, `of that year`.
fn year_after_month(s: &Seq, j: usize) -> Option<(YearRef, usize)> {
    let k = if s.is_punct(j, ',') || s.is(j, Lex::Of) {
        j + 1
    } else {
        j
    };
    if let Some(year) = year_digits(s, k) {
        if count_noun(s, k + 1) {
            return None;
        }
        return Some((YearRef::Given(year), k + 1));
    }
    if s.is_punct(j, ',') {
        return None;
    }
    relative_year(s, k).or_else(|| relative_year(s, j))
}

/// `this year`, `last year`, `next year`, `that year`, `the same year`, `the following year`,
/// `the previous year`.
fn relative_year(s: &Seq, k: usize) -> Option<(YearRef, usize)> {
    let k = if s.is(k, Lex::Of) { k + 1 } else { k };
    let unit_at = |at: usize| s.is(at, Lex::Unit(Unit::Year, false));
    let year = match s.lex(k) {
        Lex::This if unit_at(k + 1) => YearRef::Published(0),
        Lex::Last if unit_at(k + 1) => YearRef::Published(-1),
        Lex::Next if unit_at(k + 1) => YearRef::Published(1),
        Lex::That if unit_at(k + 1) => YearRef::Anaphor(0),
        Lex::The => {
            let year = match s.lex(k + 1) {
                Lex::Same => YearRef::Anaphor(0),
                Lex::Following => YearRef::Anaphor(1),
                Lex::Previous => YearRef::Anaphor(-1),
                Lex::Current => YearRef::Published(0),
                _ => return None,
            };
            return unit_at(k + 2).then_some((year, k + 3));
        }
        _ => return None,
    };
    Some((year, k + 2))
}

/// Whether `day` can be a day of `month` (in that year, when known).
/// `Meaning::NotADate` for a day the month does not have in that year (any leap year when
/// the year is not written), so that `31 April 2021` is reported as no date rather than
/// silently as `April 2021`: which part is wrong cannot be told.
fn not_a_date(year: YearRef, month: u32, day: u32) -> Option<Meaning> {
    (!possible_day(year, month, day)).then_some(Meaning::NotADate {
        year: match year {
            YearRef::Given(y) => Some(y),
            _ => None,
        },
        month,
        day,
    })
}

fn possible_day(year: YearRef, month: u32, day: u32) -> bool {
    let year = match year {
        YearRef::Given(y) => y,
        // Any leap year allows 29 February; the year is checked when it is known.
        _ => 2000,
    };
    Cal::day(year, month, day).is_some()
}

/// Months that are also names or verbs (March, May, April, June, August) are months only
/// next to words that make them so: `in May`, `by June`, `mid-March`, `last August`.
fn month_in_context(s: &Seq, i: usize, after: usize) -> bool {
    let unambiguous = matches!(s.lex(i), Lex::Month(1 | 2 | 7 | 9 | 10 | 11 | 12));
    if s.is_punct(after, '\'') && s.glued(after) {
        // `May's`: the possessive of a name far more often than of a month.
        return unambiguous;
    }
    if unambiguous {
        return true;
    }
    // `as May said`, `when June arrived`: a name doing something.
    if s.case(after) == Case::Lower && s.word_in(after, &NAME_VERBS) {
        return false;
    }
    // `March to May 2008`: the other end of a range shows these are months.
    if s.connector(after, Lead::From) && s.capitalised(after + 1) {
        if let Lex::Month(_) | Lex::MonthAbbr(_) = s.lex(after + 1) {
            return true;
        }
    }
    if i == 0 {
        return false;
    }
    match s.lex(i - 1) {
        Lex::MonthLead
        | Lex::Of
        | Lex::From
        | Lex::To
        | Lex::Until
        | Lex::Through
        | Lex::Between
        | Lex::Before
        | Lex::After
        | Lex::Part(_)
        | Lex::Last
        | Lex::Next
        | Lex::This
        | Lex::Approx => true,
        // `March and May`, `April or May`.
        Lex::And if i >= 2 => matches!(s.lex(i - 2), Lex::Month(_)),
        _ => s.is_punct(i - 1, '-') && s.glued(i) && matches!(s.lex(i - 2), Lex::Part(_)),
    }
}

/// `2021-12-13`, `2010-11` (two years), `2021-12` (a month), `2001/02`, and a year alone.
fn numeric(s: &Seq, i: usize) -> Option<(usize, Meaning)> {
    let year = year_digits(s, i)?;
    let joined = |k: usize| s.glued(k) && s.glued(k + 1);
    let number_after = joined(i + 1) && s.num(i + 2).is_some();
    if number_after && matches!(s.punct(i + 1), Some('-' | '/' | '–')) {
        let sep = s.punct(i + 1);
        let n = s.num(i + 2)?;
        if n.digits == 4 && sep == Some('/') && n.value as i32 == year + 1 && n.plain {
            // `2008/2009`, a season or fiscal year.
            let range = Meaning::Range(
                DateSpec::year(YearRef::Given(year)),
                DateSpec::year(YearRef::Given(year + 1)),
            );
            return Some((i + 3, range));
        }
        if n.digits != 2 || !n.plain || n.suffix != Suffix::None {
            // `2001-2009` is a range with two years, read by `range_at`; anything else glued
            // (`2008-555`) is not a year.
            return (n.digits == 4).then(|| bare(s, i, year)).flatten();
        }
        if sep == Some('-') && joined(i + 3) && s.is_punct(i + 3, '-') {
            let day = s.num(i + 4).filter(|d| d.digits == 2 && d.plain)?;
            Cal::day(year, n.value, day.value)?;
            return Some((
                i + 5,
                Meaning::Date(DateSpec::day(YearRef::Given(year), n.value, day.value)),
            ));
        }
        let end_year = year - year % 100 + n.value as i32;
        if end_year > year {
            return Some((
                i + 3,
                Meaning::Range(
                    DateSpec::year(YearRef::Given(year)),
                    DateSpec::year(YearRef::Given(end_year)),
                ),
            ));
        }
        if sep == Some('-') && (1..=12).contains(&n.value) {
            return Some((
                i + 3,
                Meaning::Date(DateSpec::month(YearRef::Given(year), n.value)),
            ));
        }
        return None;
    }
    bare(s, i, year)
}

/// `13/12/2021` or `12/13/2021`: day and month are told apart only when one is above 12,
/// so `7/8/2021` is left alone.
fn slash_date(s: &Seq, i: usize) -> Option<(usize, Meaning)> {
    let small = |k: usize| {
        s.num(k)
            .filter(|n| n.plain && n.digits <= 2 && n.suffix == Suffix::None)
            .map(|n| n.value)
    };
    let slash = |k: usize| s.is_punct(k, '/') && s.glued(k) && s.glued(k + 1);
    let a = small(i)?;
    if !(slash(i + 1) && slash(i + 3)) {
        return None;
    }
    let b = small(i + 2)?;
    let year = year_digits(s, i + 4)?;
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    Cal::day(year, month, day)?;
    let date = DateSpec::day(YearRef::Given(year), month, day);
    Some((i + 5, Meaning::Date(date)))
}

fn bare(s: &Seq, i: usize, year: i32) -> Option<(usize, Meaning)> {
    bare_year(s, i)?;
    Some((i + 1, Meaning::Date(DateSpec::year(YearRef::Given(year)))))
}

/// A year written alone at `i`, unless what follows shows a count, an amount or a code:
/// `2000 workers`, `2008 GMT`, `1500 km`, `2000 years`.
pub(in crate::times) fn bare_year(s: &Seq, i: usize) -> Option<i32> {
    let year = year_digits(s, i)?;
    let next = i + 1;
    if s.is_punct(next, '%') || count_noun(s, next) || matches!(s.lex(next), Lex::Unit(..)) {
        return None;
    }
    if s.num(next).is_some_and(|n| n.digits >= 3) {
        return None;
    }
    // `2010 Main Street`: a house number.
    if s.word_in(next, &STREETS) || (s.capitalised(next) && s.word_in(next + 1, &STREETS)) {
        return None;
    }
    if s.is_punct(next, '-') && s.glued(next) && s.glued(next + 1) {
        // `2008-555`; real ranges and ISO dates were read before.
        if s.num(next + 1).is_some_and(|n| n.digits != 4) {
            return None;
        }
        // `a 2000-strong crowd`, `a 1500-page report`: a count made an adjective. (`the
        // 2008-era rules` keeps its year.)
        let compound = s.case(next + 1) == Case::Lower
            && !s.word_is(next + 1, &["era", "style", "vintage", "model", "season"]);
        if compound {
            return None;
        }
    }
    if year < 1800 {
        // Older years are rarer in news than counts and codes; a word before must say year.
        let before = i.checked_sub(1).map_or(Lex::Other, |p| s.lex(p));
        let dated = matches!(
            before,
            Lex::MonthLead
                | Lex::Of
                | Lex::From
                | Lex::Until
                | Lex::Between
                | Lex::To
                | Lex::Before
                | Lex::After
                | Lex::Approx
                | Lex::Unit(Unit::Year, false)
        );
        if !dated {
            return None;
        }
    }
    Some(year)
}

/// Whether token `i` may start a date: not the number of a flight, model, room or phone,
/// nor an amount of money.
fn clean_start(s: &Seq, i: usize) -> bool {
    if s.num(i).is_none() || i == 0 {
        return true;
    }
    let p = i - 1;
    if let Some(c) = s.punct(p) {
        if matches!(c, '$' | '#' | '+') {
            return false;
        }
        // `555-2008`, `7/8/2008`, `No. 2008`
        if matches!(c, '-' | '.' | '/') && s.glued(i) && p > 0 {
            if s.num(p - 1).is_some() && s.glued(p) {
                return false;
            }
            if c == '.' && s.word_is(p - 1, &["No", "no", "Nos", "nos"]) {
                return false;
            }
        }
        return true;
    }
    if s.num(p).is_some_and(|n| n.digits >= 3) {
        return false;
    }
    !s.word_in(p, &MODEL_WORDS)
}

/// Nouns that make a number before them a count (`2000 workers`), or units of measure and
/// time zones (`1500 km`, `2000 GMT`).
fn count_noun(s: &Seq, i: usize) -> bool {
    s.word_in(i, &COUNT_NOUNS) || (s.word_is(i, &["local"]) && s.word_is(i + 1, &["time"]))
}

/// `the 1990s`, `1990s`, `the '90s`, `the 1990's`, `the 20th century`, `the twentieth century`.
pub(in crate::times) fn decade(s: &Seq, i: usize) -> Option<Found> {
    let the = s.is(i, Lex::The);
    let j = if the { i + 1 } else { i };
    if s.is_punct(j, '\'') && s.glued(j + 1) {
        // `'90s`
        let n = s.num(j + 1)?;
        let ok = n.digits == 2 && n.suffix == Suffix::Plural && n.value % 10 == 0;
        return ok.then(|| two_digit_decade(j + 2, n.value)).flatten();
    }
    let Some(n) = s.num(j) else {
        return century(s, i, j);
    };
    if n.suffix == Suffix::Ordinal {
        return century(s, i, j);
    }
    if !n.plain || n.value % 10 != 0 {
        return None;
    }
    let apostrophe_s = s.is_punct(j + 1, '\'') && s.glued(j + 1) && s.word_is(j + 2, &["s"]);
    let end = match (n.digits, n.suffix) {
        (4, Suffix::Plural) => j + 1,
        (4, Suffix::None) if apostrophe_s && s.glued(j + 2) => j + 3,
        (2, Suffix::Plural) if the => return two_digit_decade(j + 1, n.value),
        _ => return None,
    };
    if s.is(end, Lex::Of) {
        // `1000s of people`: a count.
        return None;
    }
    let first = n.value as i32;
    // `the 1800s` is the nineteenth century; `the 2000s` and `the 1990s` are decades.
    let last = if first % 100 == 0 && first < 2000 {
        first + 99
    } else {
        first + 9
    };
    Some((end, fixed_years(first, last)?, false))
}

/// `'90s` is the 1990s; `'00s` and `'10s` the decades of this century.
fn two_digit_decade(end: usize, value: u32) -> Option<Found> {
    let first = if value <= 10 { 2000 } else { 1900 } + value as i32;
    Some((end, fixed_years(first, first + 9)?, false))
}

/// `the 20th century`, `the twentieth century`, `the 21st-century` (with `the`).
fn century(s: &Seq, i: usize, j: usize) -> Option<Found> {
    if j == i {
        return None;
    }
    let n = match (s.num(j), s.lex(j)) {
        (Some(n), _) if n.suffix == Suffix::Ordinal && (1..=30).contains(&n.value) => n.value,
        (_, Lex::Ordinal(n)) => n,
        (_, Lex::Count(20))
            if s.is_punct(j + 1, '-') && matches!(s.lex(j + 2), Lex::Ordinal(1)) =>
        {
            return century_end(s, i, j + 3, 21)
        }
        _ => return None,
    };
    century_end(s, i, j + 1, n)
}

fn century_end(s: &Seq, _i: usize, k: usize, n: u32) -> Option<Found> {
    let k = if s.is_punct(k, '-') && s.glued(k) {
        k + 1
    } else {
        k
    };
    if !s.is(k, Lex::Unit(Unit::Century, false)) {
        return None;
    }
    let n = n as i32;
    Some((k + 1, fixed_years((n - 1) * 100 + 1, n * 100)?, false))
}

fn fixed_years(first: i32, last: i32) -> Option<Meaning> {
    Value::interval(Cal::year(first)?, Cal::year(last)?).map(Meaning::Fixed)
}

/// `fiscal 2008`, `fiscal year 2008`, `FY2008`, `FY 2008`, `FY08`: the calendar year named.
fn fiscal(s: &Seq, i: usize) -> Option<(usize, Meaning)> {
    let year = |y: i32| Meaning::Date(DateSpec::year(YearRef::Given(y)));
    if let Some(Code::Fiscal(y)) = s.code(i) {
        return Some((i + 1, year(y)));
    }
    let j = match s.lex(i) {
        Lex::Fiscal if s.is(i + 1, Lex::Unit(Unit::Year, false)) => i + 2,
        Lex::Fiscal => i + 1,
        Lex::FiscalCode if s.case(i) == Case::Upper => i + 1,
        _ => return None,
    };
    let y = year_digits(s, j)?;
    Some((j + 1, year(y)))
}
