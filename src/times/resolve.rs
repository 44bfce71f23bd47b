//! Anchors a meaning to the calendar: the publication date, the sentence's tense and the
//! latest date before it give every expression its value (the conventions of
//! tests/fixtures/times_gold/CONVENTIONS.md).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::grammar::{holiday_occurrence, DateSpec, Lean, Meaning, YearRef};
use super::lexicon::{Part, Season, Unit};
use super::tense::Tense;
use super::value::{last_of_month, week_of, Cal, Value};

/// What an expression is anchored to.
pub(crate) struct Context {
    pub published: NaiveDate,
    pub tense: Tense,
    /// The latest date expression before this one, and whether it is in the same sentence.
    pub reference: Option<(Value, bool)>,
}

pub(crate) fn resolve(meaning: &Meaning, ctx: &Context) -> Option<Value> {
    let p = ctx.published;
    match meaning {
        Meaning::Date(spec) => date(spec, ctx),
        Meaning::Range(a, b) => range(a, b, ctx),
        Meaning::Fixed(value) => Some(*value),
        Meaning::Part(part, inner) => apply_part(*part, resolve(inner, ctx)?),
        Meaning::Season(season, lean, year) => self::season(*season, *lean, *year, ctx),
        Meaning::Quarter(q, year) => quarter(*q, *year, ctx),
        Meaning::Offset(unit, n) => offset(*unit, *n, p),
        Meaning::Weekday(day, lean) => Some(Value::point(Cal::Day(weekday(*day, *lean, ctx)?))),
        Meaning::DayOfWeek(day, n) => {
            let week = week_of(p, *n)?;
            let monday = week.first_day();
            let day = monday + Duration::days(i64::from(day.num_days_from_monday()));
            Some(Value::point(Cal::Day(day)))
        }
        Meaning::Weekend(lean) => weekend(*lean, ctx),
        Meaning::Holiday(holiday, lean, year) => {
            let day = match year_of(*year, ctx) {
                Some(y) => holiday.date(y)?,
                None => holiday_occurrence(
                    *holiday,
                    *lean,
                    ctx.tense == Tense::Past,
                    ctx.tense == Tense::Future,
                    p,
                )?,
            };
            Some(Value::point(Cal::day(day.year(), day.month(), day.day())?))
        }
        Meaning::MonthOf(month, lean) => {
            let pm = p.month();
            let year = match lean {
                Lean::This => p.year(),
                Lean::Last if *month < pm => p.year(),
                Lean::Last => p.year() - 1,
                Lean::Next if *month > pm => p.year(),
                Lean::Next => p.year() + 1,
                Lean::Tense => return date(&DateSpec::month(YearRef::Missing, *month), ctx),
            };
            Some(Value::point(Cal::month(year, *month)?))
        }
        Meaning::Anaphor(unit, n) => anaphor(*unit, *n, ctx),
        Meaning::SoFar(unit, earlier) => so_far(*unit, *earlier, p),
        Meaning::NotADate { .. } => None,
        Meaning::Contextual(unit) => {
            let base = match ctx.reference {
                Some((value, true)) => value.start,
                _ => Cal::Day(p),
            };
            match (unit, base) {
                (Unit::Year, base) => Some(Value::point(Cal::year(base.year_of())?)),
                (_, Cal::Month(y, m)) => Some(Value::point(Cal::month(y, m)?)),
                (_, Cal::Day(d)) => Some(Value::point(Cal::month(d.year(), d.month())?)),
                _ => None,
            }
        }
    }
}

/// The year a `YearRef` names, or `None` for a missing one.
fn year_of(year: YearRef, ctx: &Context) -> Option<i32> {
    match year {
        YearRef::Given(y) => Some(y),
        YearRef::Published(n) => Some(ctx.published.year() + n),
        YearRef::Anaphor(n) => {
            let base = match ctx.reference {
                Some((value, _)) if n > 0 => value.end.unwrap_or(value.start),
                Some((value, _)) => value.start,
                None => Cal::Day(ctx.published),
            };
            Some(base.year_of() + n)
        }
        YearRef::Missing => None,
    }
}

fn date(spec: &DateSpec, ctx: &Context) -> Option<Value> {
    let year = match year_of(spec.year, ctx) {
        Some(year) => year,
        None => year_by_tense(spec.month?, spec.day, ctx),
    };
    let cal = match (spec.month, spec.day) {
        (Some(m), Some(d)) => Cal::day(year, m, d)?,
        (Some(m), None) => Cal::month(year, m)?,
        _ => Cal::year(year)?,
    };
    Some(Value::point(cal))
}

/// The year of a month (and day) written without one: the publication year, unless the
/// tense puts it after publication in a past sentence (the previous year) or before it in a
/// future one (the next year).
fn year_by_tense(month: u32, day: Option<u32>, ctx: &Context) -> i32 {
    let p = ctx.published;
    let key = (month, day.unwrap_or(0));
    let now = (p.month(), if day.is_some() { p.day() } else { 0 });
    match ctx.tense {
        Tense::Past if key > now => p.year() - 1,
        Tense::Future if key < now => p.year() + 1,
        _ => p.year(),
    }
}

fn range(a: &DateSpec, b: &DateSpec, ctx: &Context) -> Option<Value> {
    let start = date(a, ctx)?;
    let end = if a.year == YearRef::Missing && b.year == YearRef::Missing {
        // Both ends share the year the start was given, or the next when the end comes
        // earlier in the calendar (`30 December to 2 January`).
        let year = start.start.year_of();
        let fixed = DateSpec {
            year: YearRef::Given(year),
            ..*b
        };
        let end = date(&fixed, ctx)?;
        if end.last_day() < start.first_day() {
            date(
                &DateSpec {
                    year: YearRef::Given(year + 1),
                    ..*b
                },
                ctx,
            )?
        } else {
            end
        }
    } else {
        date(b, ctx)?
    };
    Value::interval(start.start, end.end.unwrap_or(end.start))
}

fn offset(unit: Unit, n: i64, p: NaiveDate) -> Option<Value> {
    match unit {
        Unit::Day => Some(Value::point(Cal::Day(
            p.checked_add_signed(Duration::days(n))?,
        ))),
        Unit::Week => week_of(p, n),
        Unit::Month => Some(Value::point(Cal::month_offset(
            p.year(),
            p.month(),
            i32::try_from(n).ok()?,
        )?)),
        Unit::Quarter => quarter_from(p.year(), p.month(), n),
        Unit::Year | Unit::Decade | Unit::Century => Some(Value::point(Cal::year(
            p.year().checked_add(i32::try_from(n).ok()?)?,
        )?)),
        Unit::Weekend => None,
    }
}

/// The quarter `n` quarters from the one holding `year-month`.
fn quarter_from(year: i32, month: u32, n: i64) -> Option<Value> {
    let index = i64::from(year) * 4 + i64::from((month - 1) / 3) + n;
    let year = i32::try_from(index.div_euclid(4)).ok()?;
    quarter_of(year, index.rem_euclid(4) as u32 + 1)
}

fn quarter_of(year: i32, q: u32) -> Option<Value> {
    Value::interval(Cal::month(year, q * 3 - 2)?, Cal::month(year, q * 3)?)
}

fn quarter(q: u32, year: YearRef, ctx: &Context) -> Option<Value> {
    if let Some(y) = year_of(year, ctx) {
        return quarter_of(y, q);
    }
    let p = ctx.published;
    let y = p.year();
    let first = NaiveDate::from_ymd_opt(y, q * 3 - 2, 1)?;
    let last = last_of_month(y, q * 3);
    let y = match ctx.tense {
        Tense::Past if first > p => y - 1,
        Tense::Future if last < p => y + 1,
        _ => y,
    };
    quarter_of(y, q)
}

/// `earlier this week`: from the period's first day to the day before publication;
/// `later this year`: from the day after publication to the period's last day. On the
/// period's first (or last) day, where no other day is left, publication day itself.
fn so_far(unit: Unit, earlier: bool, p: NaiveDate) -> Option<Value> {
    let period = offset(unit, 0, p)?;
    let (first, last) = (period.first_day(), period.last_day());
    if earlier {
        let before = p.pred_opt().filter(|&d| d >= first).unwrap_or(p);
        Value::days(first, before)
    } else {
        let after = p.succ_opt().filter(|&d| d <= last).unwrap_or(p);
        Value::days(after, last)
    }
}

/// The day a weekday names: in the past (or with `last`) the latest on or before publication
/// (strictly before with `last`: `last Friday` written on a Friday is a week ago); in the
/// future (or with `next`, `this coming`) the first after it.
fn weekday(day: Weekday, lean: Lean, ctx: &Context) -> Option<NaiveDate> {
    let p = ctx.published;
    let back = i64::from((7 + p.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7);
    let forward = (7 - back) % 7;
    if lean == Lean::This && ctx.tense == Tense::Present {
        // `this Friday` said in the present: the coming one, today when it is Friday (on a
        // Saturday, `she arrives this Friday` is not the day before).
        return p.checked_add_signed(Duration::days(forward));
    }
    let future = match lean {
        Lean::Next => true,
        Lean::Last => false,
        Lean::This | Lean::Tense => ctx.tense == Tense::Future,
    };
    let days = if future {
        if forward == 0 {
            7
        } else {
            forward
        }
    } else if lean == Lean::Last && back == 0 {
        -7
    } else {
        -back
    };
    p.checked_add_signed(Duration::days(days))
}

/// A Saturday–Sunday weekend: `last weekend` the one before publication, `next weekend`
/// the coming one, `this weekend` the one at or after publication unless the sentence is
/// past (then the one just gone), and the one publication falls on whatever the tense.
fn weekend(lean: Lean, ctx: &Context) -> Option<Value> {
    let p = ctx.published;
    let from_monday = i64::from(p.weekday().num_days_from_monday());
    let pair = |saturday: NaiveDate| Value::days(saturday, saturday + Duration::days(1));
    // The Saturday of the weekend that ended most recently before `p` (strictly).
    let last_saturday = p - Duration::days(if from_monday == 6 { 8 } else { from_monday + 2 });
    let coming_saturday = p + Duration::days(if from_monday == 5 { 7 } else { 5 - from_monday });
    let current = match from_monday {
        5 => Some(p),
        6 => Some(p - Duration::days(1)),
        _ => None,
    };
    match lean {
        Lean::Last => pair(last_saturday),
        Lean::Next => pair(coming_saturday),
        Lean::This | Lean::Tense => match current {
            Some(saturday) => pair(saturday),
            None if ctx.tense == Tense::Past => pair(last_saturday),
            None => pair(coming_saturday),
        },
    }
}

/// The months of a season in the year it starts.
fn season_of(season: Season, year: i32) -> Option<Value> {
    let (first, last) = match season {
        Season::Spring => (Cal::month(year, 3)?, Cal::month(year, 5)?),
        Season::Summer => (Cal::month(year, 6)?, Cal::month(year, 8)?),
        Season::Autumn => (Cal::month(year, 9)?, Cal::month(year, 11)?),
        Season::Winter => (Cal::month(year, 12)?, Cal::month(year + 1, 2)?),
    };
    Value::interval(first, last)
}

fn season(season: Season, lean: Lean, year: YearRef, ctx: &Context) -> Option<Value> {
    if let Some(y) = year_of(year, ctx) {
        return season_of(season, y);
    }
    let p = ctx.published;
    let candidates: Vec<Value> = (p.year() - 2..=p.year() + 1)
        .filter_map(|y| season_of(season, y))
        .collect();
    let containing = candidates
        .iter()
        .find(|v| v.first_day() <= p && p <= v.last_day())
        .copied();
    let this = || containing.or_else(|| season_of(season, p.year()));
    let latest_ended = || candidates.iter().rev().find(|v| v.last_day() < p).copied();
    let first_to_start = || candidates.iter().find(|v| v.first_day() > p).copied();
    match lean {
        Lean::Last => latest_ended(),
        Lean::Next => first_to_start(),
        Lean::This => this(),
        Lean::Tense => match ctx.tense {
            Tense::Past => candidates
                .iter()
                .rev()
                .find(|v| v.first_day() <= p)
                .copied(),
            Tense::Future => candidates.iter().find(|v| v.last_day() >= p).copied(),
            Tense::Present => this(),
        },
    }
}

fn anaphor(unit: Unit, n: i64, ctx: &Context) -> Option<Value> {
    let (start, end) = match ctx.reference {
        Some((value, _)) => (value.start, value.end.unwrap_or(value.start)),
        None => (Cal::Day(ctx.published), Cal::Day(ctx.published)),
    };
    let base = if n > 0 { end } else { start };
    match (unit, base) {
        (Unit::Year, base) => Some(Value::point(Cal::year(
            base.year_of().checked_add(i32::try_from(n).ok()?)?,
        )?)),
        (Unit::Month, Cal::Month(y, m)) => Some(Value::point(Cal::month_offset(
            y,
            m,
            i32::try_from(n).ok()?,
        )?)),
        (Unit::Month, Cal::Day(d)) => Some(Value::point(Cal::month_offset(
            d.year(),
            d.month(),
            i32::try_from(n).ok()?,
        )?)),
        (Unit::Day, Cal::Day(d)) => Some(Value::point(Cal::Day(
            d.checked_add_signed(Duration::days(n))?,
        ))),
        (Unit::Week, Cal::Day(d)) => week_of(d, n),
        (Unit::Quarter, Cal::Month(y, m)) => quarter_from(y, m, n),
        (Unit::Quarter, Cal::Day(d)) => quarter_from(d.year(), d.month(), n),
        _ => None,
    }
}

/// Narrows a period to a part of it: `early 2008` → `2008-01/2008-04~`, `late March` →
/// `…-03-21/…-03-31~`; `None` (the whole) for `later that day`.
fn apply_part(part: Option<Part>, v: Value) -> Option<Value> {
    let Some(part) = part else {
        return Some(v);
    };
    let approximate = !matches!(part, Part::FirstHalf | Part::SecondHalf);
    let narrowed = match (v.start, v.end) {
        (Cal::Year(y), None) => {
            let (a, b) = match part {
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
                Part::End => (10, 12),
                Part::Beginning => (1, 3),
                Part::FirstHalf => (1, 6),
                Part::SecondHalf => (7, 12),
            };
            Value::interval(Cal::month(y, a)?, Cal::month(y, b)?)?
        }
        (Cal::Month(y, m), None) => {
            let last = last_of_month(y, m).day();
            let (a, b) = match part {
                Part::Early | Part::Beginning => (1, 10),
                Part::Mid => (11, 20),
                Part::Late | Part::End => (21, last),
                Part::FirstHalf => (1, 15),
                Part::SecondHalf => (16, last),
            };
            Value::interval(Cal::day(y, m, a)?, Cal::day(y, m, b)?)?
        }
        // `early Monday` is a time of that day; the day stays exact.
        (Cal::Day(_), None) => return Some(v),
        (Cal::Year(a), Some(Cal::Year(b))) => {
            let len = b - a + 1;
            let mid = a + (len * 4).div_euclid(10);
            let late = a + (len * 7).div_euclid(10);
            let (x, y) = match part {
                Part::Early | Part::Beginning => (a, mid - 1),
                Part::Mid => (mid, late - 1),
                Part::Late | Part::End => (late, b),
                Part::FirstHalf => (a, a + len / 2 - 1),
                Part::SecondHalf => (a + len / 2, b),
            };
            Value::interval(Cal::year(x)?, Cal::year(y)?)?
        }
        (Cal::Month(y1, m1), Some(Cal::Month(y2, m2))) => {
            // A season or a quarter: its first, middle or last month.
            let months = (y2 * 12 + m2 as i32) - (y1 * 12 + m1 as i32) + 1;
            if months != 3 {
                return None;
            }
            let index = match part {
                Part::Early | Part::Beginning => 0,
                Part::Mid => 1,
                Part::Late | Part::End => 2,
                Part::FirstHalf | Part::SecondHalf => return None,
            };
            Value::point(Cal::month_offset(y1, m1, index)?)
        }
        (Cal::Day(_), Some(Cal::Day(_))) => match part {
            Part::FirstHalf | Part::SecondHalf => return None,
            _ => v,
        },
        _ => return None,
    };
    Some(narrowed.approximate(approximate || v.approx))
}
