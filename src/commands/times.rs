//! `chronicle times FILE --published DATE`: the time expressions of a text, anchored to its
//! publication date, to see what the tagger reads before drafting events from it.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{read_text, safe, write_json, Failure};
use crate::times::{find_times_noting, NotADate};

#[derive(Serialize)]
struct TimeLine<'a> {
    sentence: usize,
    text: &'a str,
    start: usize,
    end: usize,
    value: &'a str,
}

/// Reads `file` as `chronicle sentences` does, so that offsets and sentence numbers agree,
/// and prints its time expressions as `run` does.
pub fn run_file(
    file: &Path,
    published: NaiveDate,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let (text, skipped) = read_text(file)?;
    let not_dates = run(&text, skipped, published, json, out)?;
    // Told on stderr so that stdout stays the expressions alone (and valid JSON Lines).
    let mut err = std::io::stderr().lock();
    for line in not_date_lines(file, &text, &not_dates) {
        writeln!(err, "{line}")?;
    }
    Ok(())
}

/// `FILE: sentence N: '31 April 2021' is not a date (April has 30 days)`, per such words.
fn not_date_lines(file: &Path, text: &str, not_dates: &[NotADate]) -> Vec<String> {
    not_dates
        .iter()
        .map(|n| {
            let words = text[n.start..n.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            format!(
                "{}: sentence {}: '{}' is not a date ({})",
                safe(&file.display().to_string()),
                n.sentence,
                safe(&words),
                n.reason
            )
        })
        .collect()
}

/// Prints `[N] "expression" → value` per expression, white space folded; or JSON Lines with
/// byte offsets into the file, `skipped` being the bytes before `text` (a byte order mark).
/// Returns the words that look like a date but are none, for the caller to tell.
pub fn run(
    text: &str,
    skipped: usize,
    published: NaiveDate,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<Vec<NotADate>> {
    let (times, not_dates) = find_times_noting(text, published);
    for found in times {
        let expression = &text[found.start..found.end];
        if json {
            let line = TimeLine {
                sentence: found.sentence,
                text: expression,
                start: skipped + found.start,
                end: skipped + found.end,
                value: &found.value,
            };
            write_json(out, &line)?;
        } else {
            let folded = expression.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(
                out,
                "[{}] \"{}\" → {}",
                found.sentence,
                safe(&folded),
                found.value
            )?;
        }
    }
    Ok(not_dates)
}

/// Reads `--published`: a calendar date written exactly as YYYY-MM-DD.
pub fn parse_published(text: &str) -> Result<NaiveDate, String> {
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let general =
        || "expected the publication date as YYYY-MM-DD (a real day), e.g. 2021-12-13".to_string();
    if !shape {
        return Err(general());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        // In the shape but no day (2009-02-30, 2009-13-01): said as the dataset's dates and
        // triage's edit form say it, "'2009-02-30' is not a real day: February 2009 has 28
        // days".
        crate::date::EdtfDate::parse(text)
            .err()
            .map_or_else(general, |e| e.to_string())
    })?;
    if !PUBLISHED_YEARS.contains(&date.year()) {
        return Err(format!(
            "the publication year must be between {:04} and {:04}, so that `last year` and `next year` \
             have four-digit years too; got {text}",
            PUBLISHED_YEARS.start(),
            PUBLISHED_YEARS.end()
        ));
    }
    Ok(date)
}

/// Publication years the tagger anchors to: one year inside the four-digit years that
/// chronicle's EDTF writes, either way.
const PUBLISHED_YEARS: std::ops::RangeInclusive<i32> = 2..=9998;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_are_plain_days() {
        assert_eq!(
            parse_published("2021-12-13"),
            Ok(NaiveDate::from_ymd_opt(2021, 12, 13).unwrap_or_default())
        );
        for bad in [
            "2021-2-3",
            "2021-02-30",
            "13/12/2021",
            "2021-12",
            "",
            "2021-12-13T10:00",
            "0000-01-01",
            "0001-12-31",
            "9999-06-01",
        ] {
            assert!(parse_published(bad).is_err(), "{bad}");
        }
    }

    /// Found by a new user's trial: a day that is not in the calendar got the message about
    /// the format, which it follows.
    #[test]
    fn a_day_not_in_the_calendar_is_named_as_such() {
        assert_eq!(
            parse_published("2009-02-30"),
            Err("'2009-02-30' is not a real day: February 2009 has 28 days".to_string())
        );
        assert_eq!(
            parse_published("2008-02-30"),
            Err("'2008-02-30' is not a real day: February 2008 has 29 days".to_string())
        );
        assert_eq!(
            parse_published("2009-13-01"),
            Err("month 13 in '2009-13-01' is not between 01 and 12".to_string())
        );
        assert_eq!(
            parse_published("2009-2-3"),
            Err(
                "expected the publication date as YYYY-MM-DD (a real day), e.g. 2021-12-13"
                    .to_string()
            )
        );
    }

    #[test]
    fn the_edge_years_allowed_still_name_last_and_next_year() {
        for (published, last, next) in [
            ("0002-01-01", "0001", "0003"),
            ("9998-12-31", "9997", "9999"),
        ] {
            let date = parse_published(published).unwrap();
            let mut out = Vec::new();
            run(
                "It fell last year. It rises next year.",
                0,
                date,
                false,
                &mut out,
            )
            .unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out),
                format!("[1] \"last year\" → {last}\n[2] \"next year\" → {next}\n")
            );
        }
    }

    #[test]
    fn text_lines_fold_space_and_json_counts_the_skipped_bytes() {
        let published = NaiveDate::from_ymd_opt(2021, 12, 14).unwrap_or_default();
        let mut out = Vec::new();
        run(
            "It rose on 13\n December 2021.",
            0,
            published,
            false,
            &mut out,
        )
        .unwrap();
        // A line break ends a sentence, so the date across it is not one expression.
        assert_eq!(
            String::from_utf8_lossy(&out),
            "[2] \"December 2021\" → 2021-12\n"
        );
        let mut out = Vec::new();
        run(
            "It rose on 13  December 2021.",
            3,
            published,
            true,
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "{\"sentence\":1,\"text\":\"13  December 2021\",\"start\":14,\"end\":31,\"value\":\"2021-12-13\"}\n"
        );
        let mut out = Vec::new();
        run(
            "It rose on 13  December 2021.",
            0,
            published,
            false,
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "[1] \"13 December 2021\" → 2021-12-13\n"
        );
    }
}
