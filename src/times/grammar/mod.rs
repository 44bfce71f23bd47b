//! The time grammar: which token sequences are date expressions, and what they mean before
//! they are anchored to a publication date.
//!
//! Rules are plain functions from a token position to `(end, Meaning)`. At each position every
//! rule is tried and the longest match wins, so `13 December 2021` beats `13 December` and
//! `early next year` beats `next year`. The submodules hold the rules by kind of expression:
//! [`absolute`] for dates written out (`13 December 2021`, `2021-12-13`, `the 1990s`, ranges),
//! [`relative`] for those read from the publication date or an earlier date (`yesterday`,
//! `last week`, `Thursday`, `two years ago`, `the following year`).

mod absolute;
mod holiday;
mod relative;

pub(crate) use holiday::{occurrence as holiday_occurrence, Holiday};

use chrono::Weekday;

use super::lexicon::{Lex, Part, Season, Unit};
use super::token::{Case, Code, Kind, Num, Suffix, Token};
use super::value::Value;

/// Where the year of a date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    Given(i32),
    /// Not written: the publication year, moved by the sentence's tense.
    Missing,
    /// `this year` 0, `last year` -1, `next year` 1.
    Published(i32),
    /// `that year` 0, `the following year` 1: counted from the latest date before it.
    Anaphor(i32),
}

/// A date as written: a year, a month of a year, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateSpec {
    pub year: YearRef,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateSpec {
    pub fn year(year: YearRef) -> DateSpec {
        DateSpec {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: YearRef, month: u32) -> DateSpec {
        DateSpec {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(year: YearRef, month: u32, day: u32) -> DateSpec {
        DateSpec {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

/// Which occurrence of a weekday, month or season is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// No word says: the sentence's tense decides.
    Tense,
    /// `last Friday`.
    Last,
    /// `next Friday`, `this coming Friday`.
    Next,
    /// `this Friday`, `this summer`.
    This,
}

/// What an expression means before it is anchored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    Date(DateSpec),
    Range(DateSpec, DateSpec),
    /// Already absolute: decades, centuries.
    Fixed(Value),
    /// A part of the inner period; `None` keeps it whole (`later that day`).
    Part(Option<Part>, Box<Meaning>),
    Season(Season, Lean, YearRef),
    Quarter(u32, YearRef),
    /// Days, weeks, months, quarters or years from the publication date: `yesterday`,
    /// `last week`, `two years ago`.
    Offset(Unit, i64),
    Weekday(Weekday, Lean),
    /// `Monday last week`: a weekday of the week this many weeks from publication.
    DayOfWeek(Weekday, i64),
    Weekend(Lean),
    Holiday(Holiday, Lean, YearRef),
    /// `last March`, `next March`, `this March`.
    MonthOf(u32, Lean),
    /// Units from the latest date before: `the following year` (+1), `that day` (0),
    /// `three years later` (+3).
    Anaphor(Unit, i64),
    /// The part of this week, month, quarter or year before the publication day (`earlier
    /// this week`, `earlier` true) or after it (`later this year`).
    SoFar(Unit, bool),
    /// `the year` or `the month` in `the end of the year`: that of the latest date in the same
    /// sentence, else the publication date's.
    Contextual(Unit),
    /// A day the month does not have (`31 April 2021`, `29 February 2021`): no date, and
    /// the words are not read again as the month alone.
    NotADate {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
}

/// One match: tokens `[start, end)` of the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub meaning: Meaning,
    pub approx: bool,
}

/// The tokens of one sentence, with the questions the rules ask of them.
pub(crate) struct Seq<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Seq<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Seq { text, toks }
    }

    /// The text of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Whether token `i` is a word in `set`, spelled exactly so.
    pub fn word_in(&self, i: usize, set: &super::lexicon::WordSet) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Word(_)))
            && set.contains(self.word(i))
    }

    /// Whether token `i` is a word spelled exactly as one of `words`.
    pub fn word_is(&self, i: usize, words: &[&str]) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Word(_)))
            && words.contains(&self.word(i))
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn lex(&self, i: usize) -> Lex {
        match self.toks.get(i).map(|t| t.kind) {
            Some(Kind::Word(lex)) => lex,
            _ => Lex::Other,
        }
    }

    pub fn is(&self, i: usize, lex: Lex) -> bool {
        self.lex(i) == lex
    }

    pub fn case(&self, i: usize) -> Case {
        self.toks.get(i).map_or(Case::None, |t| t.case)
    }

    pub fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn code(&self, i: usize) -> Option<Code> {
        match self.toks.get(i)?.kind {
            Kind::Code(c) => Some(c),
            _ => None,
        }
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// Token `i` exists and touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    /// Whether token `i` is a word starting with a capital (or all capitals).
    pub fn capitalised(&self, i: usize) -> bool {
        matches!(self.case(i), Case::Capital | Case::Upper)
    }

    /// Whether the clause ends before token `i`: the sentence ends, or punctuation or `and`
    /// follows (`two years before.`, `the day after, and`).
    pub fn clause_ends(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| t.kind) {
            None => true,
            Some(Kind::Punct(c)) => !matches!(c, '\'' | '$' | '#'),
            Some(Kind::Word(Lex::And)) => true,
            _ => false,
        }
    }

    /// A dash or hyphen joining the two ends of a range, or `to`/`through` (and `until`
    /// after `from`, `and` after `between`).
    pub fn connector(&self, i: usize, lead: Lead) -> bool {
        match self.toks.get(i).map(|t| t.kind) {
            Some(Kind::Punct('-' | '–' | '—')) => {
                // `--` is a spaced dash in some feeds; a third dash is a rule, not a range.
                true
            }
            Some(Kind::Word(Lex::To | Lex::Through)) => lead != Lead::Between,
            Some(Kind::Word(Lex::Until)) => lead == Lead::From,
            Some(Kind::Word(Lex::And)) => lead == Lead::Between,
            _ => false,
        }
    }
}

/// The word in front of a range, which decides its connectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    None,
    From,
    Between,
}

/// The longest expression starting at token `i`, if any.
pub(crate) fn match_at(s: &Seq, i: usize) -> Option<Match> {
    if i > 0 && s.is(i - 1, Lex::Every) {
        // `every Monday`, `each March`: a recurrence, which is not reported.
        return None;
    }
    let candidates = [
        absolute::range_at(s, i),
        absolute::decade(s, i),
        relative::relative(s, i),
        part(s, i),
        approximate(s, i),
    ];
    let mut best: Option<Match> = None;
    for (end, meaning, approx) in candidates.into_iter().flatten() {
        // Every rule consumes its first token; the check keeps the caller's loop moving
        // even if one day one does not.
        if end > i && best.as_ref().is_none_or(|b| end > b.end) {
            best = Some(Match {
                start: i,
                end,
                meaning,
                approx,
            });
        }
    }
    best.map(|m| with_day_part(s, m))
}

type Found = (usize, Meaning, bool);

/// `Wednesday afternoon`, `yesterday morning`, `Monday night` keep the part of day in the
/// span; it does not change the day.
fn with_day_part(s: &Seq, mut m: Match) -> Match {
    let day_like = match &m.meaning {
        Meaning::Weekday(..) => true,
        Meaning::Offset(Unit::Day, _) => true,
        Meaning::Date(spec) => spec.day.is_some(),
        _ => false,
    };
    if day_like && s.is(m.end, Lex::DayPart) {
        m.end += 1;
    }
    m
}

/// `early 2008`, `mid-March`, `late last month`, `the end of 2008`, `the early 1990s`,
/// `the first half of 2008`, `earlier this year`.
fn part(s: &Seq, i: usize) -> Option<Found> {
    let (part, j) = part_words(s, i)?;
    let (end, inner) = part_target(s, j)?;
    if part.is_some() {
        return Some((end, Meaning::Part(part, Box::new(inner)), false));
    }
    match inner {
        // `earlier this week` is over by publication, `later this year` still to come.
        Meaning::Offset(unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), 0) => {
            let earlier = s.is(i, Lex::Earlier);
            Some((end, Meaning::SoFar(unit, earlier), false))
        }
        Meaning::Offset(..) | Meaning::Anaphor(..) => {
            Some((end, Meaning::Part(None, Box::new(inner)), false))
        }
        // `earlier` and `later` only qualify `this year`, `that month` and the like; before
        // an absolute date they are comparisons (`later May 2008 figures`).
        _ => None,
    }
}

/// The words naming a part, and where its target starts. `Some(None)` for `earlier`/`later`.
fn part_words(s: &Seq, i: usize) -> Option<(Option<Part>, usize)> {
    let mut j = i;
    let the = s.is(j, Lex::The);
    if the {
        j += 1;
    }
    let after_dash = |k: usize| {
        if s.is_punct(k, '-') && s.glued(k) && s.glued(k + 1) {
            k + 1
        } else {
            k
        }
    };
    match s.lex(j) {
        Lex::Part(p) => {
            // `the early 1990s`; `the mid` needs its decade too, checked by the target.
            Some((Some(p), after_dash(j + 1)))
        }
        Lex::End | Lex::Beginning => {
            let p = if s.is(j, Lex::End) {
                Part::End
            } else {
                Part::Beginning
            };
            if s.is(j + 1, Lex::Of) {
                Some((Some(p), j + 2))
            } else if !the && s.is_punct(j + 1, '-') && s.glued(j + 1) && s.glued(j + 2) {
                // `end-2008`
                Some((Some(p), j + 2))
            } else {
                None
            }
        }
        Lex::Ordinal(n @ (1 | 2)) if the && s.is(j + 1, Lex::Half) && s.is(j + 2, Lex::Of) => {
            let p = if n == 1 {
                Part::FirstHalf
            } else {
                Part::SecondHalf
            };
            Some((Some(p), j + 3))
        }
        Lex::Earlier | Lex::Later if !the => Some((None, j + 1)),
        _ => None,
    }
}

/// What a part applies to: a year, a month, a decade, a season, or a relative period.
fn part_target(s: &Seq, j: usize) -> Option<(usize, Meaning)> {
    if s.is(j, Lex::The) {
        // `the end of the year`, `the end of the month`: the year or month in question.
        match s.lex(j + 1) {
            Lex::Unit(unit @ (Unit::Year | Unit::Month), false) => {
                return Some((j + 2, Meaning::Contextual(unit)))
            }
            Lex::Unit(Unit::Week, false) => return Some((j + 2, Meaning::Offset(Unit::Week, 0))),
            _ => {}
        }
    }
    if s.is(j, Lex::Unit(Unit::Year, false)) && j > 0 && s.is_punct(j - 1, '-') && s.glued(j) {
        // `mid-year`
        return Some((j + 1, Meaning::Contextual(Unit::Year)));
    }
    let candidates = [
        absolute::single(s, j, Lead::None),
        absolute::decade(s, j).map(|(e, m, _)| (e, m)),
        relative::relative(s, j).map(|(e, m, _)| (e, m)),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(_, m)| part_applies(m))
        .max_by_key(|(end, _)| *end)
}

/// Parts are of one period, not of a range (`early 2001–2009` is not read).
fn part_applies(m: &Meaning) -> bool {
    !matches!(m, Meaning::Range(..) | Meaning::NotADate { .. })
}

/// `about two years ago`, `almost a decade ago`, `around 2020`, `c. 1900`, `some 20 years ago`,
/// `more than two years ago`.
fn approximate(s: &Seq, i: usize) -> Option<Found> {
    let (j, bare_year_ok) = match s.lex(i) {
        Lex::Approx => (i + 1, true),
        Lex::Some | Lex::Over => (i + 1, false),
        Lex::More | Lex::Less if s.is(i + 1, Lex::Than) => (i + 2, false),
        Lex::Just if s.is(i + 1, Lex::Over) => (i + 2, false),
        // `c. 1900`, `ca. 1900`
        _ if matches!(s.word(i), "c" | "ca") && s.is_punct(i + 1, '.') && s.glued(i + 1) => {
            (i + 2, true)
        }
        _ => return None,
    };
    if let Some((end, meaning, _)) = relative::ago(s, j) {
        return Some((end, meaning, true));
    }
    if bare_year_ok {
        if let Some(year) = absolute::bare_year(s, j) {
            return Some((
                j + 1,
                Meaning::Date(DateSpec::year(YearRef::Given(year))),
                true,
            ));
        }
    }
    None
}

/// A day of the month written as a number: `13`, `13th`.
pub(crate) fn day_at(s: &Seq, i: usize) -> Option<u32> {
    let n = s.num(i)?;
    let ok = n.plain
        && n.digits <= 2
        && (1..=31).contains(&n.value)
        && matches!(n.suffix, Suffix::None | Suffix::Ordinal);
    ok.then_some(n.value)
}

/// A year written as four plain digits (no guards: the caller knows a date is being read).
pub(crate) fn year_digits(s: &Seq, i: usize) -> Option<i32> {
    let n = s.num(i)?;
    let ok =
        n.plain && n.digits == 4 && n.suffix == Suffix::None && (1000..=2999).contains(&n.value);
    // `2021-12` or `2021.5`-like continuations are read by the rules that know them.
    ok.then_some(n.value as i32)
}
