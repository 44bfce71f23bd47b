//! Time expressions in news text, anchored to the publication date: `13 December 2021`,
//! `Thursday`, `last week`, `early next year`, `from 2001 to 2009`.
//!
//! Rule-based and deterministic. Each sentence (as `crate::sentences` splits it) is
//! tokenized ([`token`]), its verbs read for tense ([`tense`]), and the grammar
//! ([`grammar`]) finds the longest expression at each word; [`resolve`] then turns each into
//! an EDTF value from the publication date, the tense, and the latest date before it.
//! Durations (`for two weeks`), recurrences (`every year`) and vague references (`recently`)
//! are not reported. The conventions are those of tests/fixtures/times_gold/CONVENTIONS.md, which the gold
//! annotation follows too; [`score`] measures the tagger against such a gold set.

mod grammar;
mod lexicon;
mod resolve;
pub mod score;
mod tense;
mod token;
mod value;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::sentences::split_sentences;
use grammar::{match_at, Seq};
use resolve::{resolve, Context};
use tense::Cues;
use token::tokenize;

/// One time expression found in a text, anchored to the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpression {
    /// 1-based sentence number, as `chronicle sentences` numbers them (crate::sentences).
    pub sentence: usize,
    /// Byte offsets [start, end) into the text given.
    pub start: usize,
    pub end: usize,
    /// The normalised value, in the EDTF subset `crate::date::EdtfDate::parse` accepts.
    pub value: String,
}

/// Words that look like a date but name none: `31 April 2021`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotADate {
    /// 1-based sentence number, as in [`TimeExpression`].
    pub sentence: usize,
    /// Byte offsets [start, end) into the text given.
    pub start: usize,
    pub end: usize,
    /// Why, for the person reading: `April has 30 days`.
    pub reason: String,
}

/// Every date expression in `text`, in text order, resolved against `published`.
/// Durations and recurrences are not reported.
pub fn find_times(text: &str, published: NaiveDate) -> Vec<TimeExpression> {
    find_times_noting(text, published).0
}

/// [`find_times`], and the words that look like a date but are not one (reported as no
/// date: whether the day or the month is the mistake cannot be told).
pub fn find_times_noting(text: &str, published: NaiveDate) -> (Vec<TimeExpression>, Vec<NotADate>) {
    let mut found = Vec::new();
    let mut not_dates = Vec::new();
    let mut tokens = Vec::new();
    // The latest date found, and the sentence it is in, for `the following year`.
    let mut reference: Option<(value::Value, usize)> = None;
    for (index, span) in split_sentences(text).into_iter().enumerate() {
        let sentence = index + 1;
        tokens.clear();
        tokenize(text, span, &mut tokens);
        let seq = Seq::new(text, &tokens);
        let cues = Cues::read(&seq);
        let mut i = 0;
        while i < tokens.len() {
            let Some(m) = match_at(&seq, i) else {
                i += 1;
                continue;
            };
            if let grammar::Meaning::NotADate { year, month, day } = m.meaning {
                not_dates.push(NotADate {
                    sentence,
                    start: tokens[m.start].start,
                    end: tokens[m.end - 1].end,
                    reason: not_a_date_reason(year, month, day),
                });
                i = m.end;
                continue;
            }
            let ctx = Context {
                published,
                tense: cues.direction_at(&seq, m.start, m.end),
                reference: reference.map(|(v, n)| (v, n == sentence)),
            };
            // Arithmetic near year 1 or 9999 can leave the four-digit years (`2 days ago`
            // from 0001-01-01): such a value has no EDTF form here, so it is no date.
            match resolve(&m.meaning, &ctx).filter(value::Value::writable) {
                Some(value) => {
                    let value = value.approximate(m.approx);
                    found.push(TimeExpression {
                        sentence,
                        start: tokens[m.start].start,
                        end: tokens[m.end - 1].end,
                        value: value.edtf(),
                    });
                    reference = Some((value, sentence));
                    i = m.end;
                }
                // An expression that names no date here (`the next day` after a bare year):
                // the words after its first may still hold one.
                None => i += 1,
            }
        }
    }
    (found, not_dates)
}

fn not_a_date_reason(year: Option<i32>, month: u32, day: u32) -> String {
    let name = crate::date::month_name(month);
    match (month, year) {
        (2, Some(y)) if day == 29 => format!("{y} is not a leap year"),
        (2, _) if day == 29 => "February has 28 days in that year".to_string(),
        (2, _) => "February has at most 29 days".to_string(),
        (4 | 6 | 9 | 11, _) => format!("{name} has 30 days"),
        _ => format!("{name} has 31 days"),
    }
}
