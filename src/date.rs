//! Uncertain, imprecise dates (a subset of EDTF / ISO 8601-2): parse, order, display.
//!
//! A date keeps the precision its author gave it. "2021-12" stays a month; it is never turned
//! into the first of December, because a reader would then believe a day was known.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::problem::quoted;

mod written;

pub use written::{is_calendar_name, month_number, MONTHS, WEEKDAYS};

/// How finely a point in time is known. Declared finest first, so that the derived order sorts
/// finer dates before coarser ones that start at the same instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Second,
    Minute,
    Day,
    Month,
    Year,
}

impl Precision {
    /// Every precision, finest first.
    pub const ALL: [Precision; 5] = [
        Precision::Second,
        Precision::Minute,
        Precision::Day,
        Precision::Month,
        Precision::Year,
    ];
}

/// One end of a date: a year, month, day or instant, as precise as its author knew it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    /// The first day of the period the point names.
    first_day: NaiveDate,
    /// The rest in four bytes, as a million events carry two points each: from the lowest
    /// bit, the time of day in seconds from midnight (local to the offset; 17 bits, all ones
    /// for whole days), the UTC offset in minutes plus `OFFSET_BIAS` (11 bits, zero for
    /// "Z"-less local times and whole days), the precision (3 bits) and whether the author
    /// wrote "Z" (UTC) rather than "+00:00" (the top bit).
    bits: u32,
}

const NO_TIME: u32 = u32::MAX;
const NO_OFFSET: i16 = i16::MIN;

const SECONDS_BITS: u32 = 17;
const NO_TIME_CODE: u32 = (1 << SECONDS_BITS) - 1;
const OFFSET_SHIFT: u32 = SECONDS_BITS;
const OFFSET_BIAS: i16 = 1024;
const PRECISION_SHIFT: u32 = OFFSET_SHIFT + 11;
const ZULU_BIT: u32 = 1 << 31;

impl Point {
    /// A point from its parts; `None` when one does not fit (a time of day past the day's
    /// seconds, an offset of 17 hours or more), which parsing never gives.
    fn new(
        first_day: NaiveDate,
        precision: Precision,
        seconds: u32,
        offset: i16,
        zulu: bool,
    ) -> Option<Point> {
        let seconds = match seconds {
            NO_TIME => NO_TIME_CODE,
            s if s < 86_400 => s,
            _ => return None,
        };
        let offset = match offset {
            NO_OFFSET => 0,
            o if o.abs() < OFFSET_BIAS => (o + OFFSET_BIAS) as u32,
            _ => return None,
        };
        let bits = seconds
            | offset << OFFSET_SHIFT
            | (precision as u32) << PRECISION_SHIFT
            | if zulu { ZULU_BIT } else { 0 };
        Some(Point { first_day, bits })
    }

    /// The time of day in seconds from midnight; `NO_TIME` for whole days.
    fn seconds(&self) -> u32 {
        match self.bits & NO_TIME_CODE {
            NO_TIME_CODE => NO_TIME,
            s => s,
        }
    }

    /// The UTC offset in minutes; `NO_OFFSET` for "Z"-less local times and whole days.
    fn offset(&self) -> i16 {
        match (self.bits >> OFFSET_SHIFT) & 0x7FF {
            0 => NO_OFFSET,
            o => o as i16 - OFFSET_BIAS,
        }
    }

    fn zulu(&self) -> bool {
        self.bits & ZULU_BIT != 0
    }
}

impl fmt::Debug for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Point")
            .field("first_day", &self.first_day)
            .field("precision", &self.precision())
            .field("seconds", &self.seconds())
            .field("offset", &self.offset())
            .field("zulu", &self.zulu())
            .finish()
    }
}

/// A date as written in event records: a point or an interval, maybe uncertain or approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    start: Point,
    end: Option<Point>,
    /// `?`: the source is not sure of the date.
    uncertain: bool,
    /// `~`: the date is roughly right.
    approximate: bool,
}

/// Why a date string was refused; the message is written for the person who typed the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

fn err<T>(message: impl Into<String>) -> Result<T, DateError> {
    Err(DateError(message.into()))
}

const FORMS: &str = "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[Z|±hh:mm] or START/END, \
optionally followed by ? ~ or %";

/// How many bytes `EdtfDate::packed` takes.
pub const PACKED_LEN: usize = 26;

impl Point {
    fn pack(&self, out: &mut [u8]) {
        out[0..4].copy_from_slice(&self.first_day.num_days_from_ce().to_le_bytes());
        out[4] = self.precision() as u8;
        out[5..9].copy_from_slice(&self.seconds().to_le_bytes());
        out[9..11].copy_from_slice(&self.offset().to_le_bytes());
        out[11] = u8::from(self.zulu());
    }

    fn unpack(bytes: &[u8]) -> Option<Point> {
        let days = i32::from_le_bytes(bytes.get(0..4)?.try_into().ok()?);
        let code = *bytes.get(4)?;
        let precision = Precision::ALL.into_iter().find(|p| *p as u8 == code)?;
        Point::new(
            NaiveDate::from_num_days_from_ce_opt(days)?,
            precision,
            u32::from_le_bytes(bytes.get(5..9)?.try_into().ok()?),
            i16::from_le_bytes(bytes.get(9..11)?.try_into().ok()?),
            *bytes.get(11)? == 1,
        )
    }
}

impl EdtfDate {
    /// The date in `PACKED_LEN` plain bytes, for the cache's image of a dataset (src/cache):
    /// reading these back is far cheaper than parsing the text again.
    pub fn packed(&self) -> [u8; PACKED_LEN] {
        let mut out = [0u8; PACKED_LEN];
        self.start.pack(&mut out[0..12]);
        if let Some(end) = &self.end {
            out[12] = 1;
            end.pack(&mut out[13..25]);
        }
        out[25] = u8::from(self.uncertain) | u8::from(self.approximate) << 1;
        out
    }

    /// A date from `packed`'s bytes; `None` when they cannot be one.
    pub fn unpacked(bytes: &[u8; PACKED_LEN]) -> Option<EdtfDate> {
        Some(EdtfDate {
            start: Point::unpack(&bytes[0..12])?,
            end: match bytes[12] {
                0 => None,
                1 => Some(Point::unpack(&bytes[13..25])?),
                _ => return None,
            },
            uncertain: bytes[25] & 1 != 0,
            approximate: bytes[25] & 2 != 0,
        })
    }

    /// Parses the EDTF subset chronicle accepts.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        Self::parse_edtf(text).map_err(|error| match written::as_edtf(text) {
            Some(edtf) => match Self::parse_edtf(&edtf) {
                Ok(_) => DateError(format!(
                    "{} is not written as EDTF; write {edtf}",
                    quoted(text.trim())
                )),
                // `31 April 2021`: its EDTF form tells what is wrong with it, said of the
                // date as typed.
                Err(why) => DateError(why.0.replace(&quoted(&edtf), &quoted(text.trim()))),
            },
            None => error,
        })
    }

    fn parse_edtf(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        if text.is_empty() {
            return err(format!("empty date; {FORMS}"));
        }
        if text.chars().any(char::is_alphabetic) && !text.bytes().any(|b| b.is_ascii_digit()) {
            // `yesterday`, `unknown`: words, not a date written wrongly; the year's digits
            // are not what to talk about.
            return err("expected an EDTF date such as 2021-12-13");
        }
        let mut uncertain = false;
        let mut approximate = false;
        let mut parts = text.splitn(2, '/');
        let first = parts.next().unwrap_or_default();
        let second = parts.next();
        if first.is_empty() && second.is_some() {
            return err("the interval has no start; open intervals are not supported");
        }
        let start = parse_qualified(first, &mut uncertain, &mut approximate)?;
        let end = match second {
            None => None,
            Some("") => return err("the interval has no end; open intervals are not supported"),
            Some(rest) if rest.contains('/') => return err("an interval has exactly one '/'"),
            Some(rest) => Some(parse_qualified(rest, &mut uncertain, &mut approximate)?),
        };
        if let Some(end) = end {
            if end.latest() < start.earliest() {
                return err(format!(
                    "the interval ends ({}) before it starts ({})",
                    end.edtf(),
                    start.edtf()
                ));
            }
        }
        Ok(EdtfDate {
            start,
            end,
            uncertain,
            approximate,
        })
    }

    pub fn start(&self) -> Point {
        self.start
    }

    pub fn end(&self) -> Option<Point> {
        self.end
    }

    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// Whether the date is exact: a single point with no qualifier.
    pub fn is_exact(&self) -> bool {
        self.end.is_none() && !self.uncertain && !self.approximate
    }

    /// Reads back the compact display (`~2021-12-11..12`, `2021?`, `2021-12-13 14:30Z`), which
    /// is where exports for people carry a date's qualifiers (TimelineJS's `display_date`).
    /// `None` unless `text` is exactly what `to_string()` would write for the date.
    pub fn parse_display(text: &str) -> Option<EdtfDate> {
        let shown = text.trim();
        let body = shown.strip_prefix('~').unwrap_or(shown);
        let bare = body.strip_suffix('?').unwrap_or(body);
        let qualifier = match (bare.len() < body.len(), body.len() < shown.len()) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        };
        let candidates = match bare.split_once("..") {
            None => vec![format!("{bare}{qualifier}")],
            // An end is shown without what it shares with the start (`2021-12-11..12`): try it
            // whole, after the start's year, and after its year and month.
            Some((start, end)) => {
                // The year is four digits, after a minus sign before 0000.
                let year = 4 + usize::from(start.starts_with('-'));
                [
                    Some(end.to_string()),
                    start.get(..year).map(|y| format!("{y}-{end}")),
                    start.get(..year + 3).map(|m| format!("{m}-{end}")),
                ]
                .into_iter()
                .flatten()
                .map(|end| format!("{start}/{end}{qualifier}"))
                .collect()
            }
        };
        // Only a reading that displays exactly as given is the date that was shown.
        candidates
            .iter()
            .filter_map(|edtf| EdtfDate::parse_edtf(edtf).ok())
            .find(|date| date.to_string() == shown)
    }

    /// The earliest instant the date may refer to.
    pub fn earliest(&self) -> NaiveDateTime {
        self.start.earliest()
    }

    /// The last instant the date may refer to.
    pub fn latest(&self) -> NaiveDateTime {
        self.end.unwrap_or(self.start).latest()
    }

    /// The precision of the start, which decides timeline order among equal starts.
    pub fn precision(&self) -> Precision {
        self.start.precision()
    }

    /// The canonical EDTF text, as it would be written in a record.
    pub fn edtf(&self) -> String {
        let mut out = self.start.edtf();
        if let Some(end) = self.end {
            out.push('/');
            out.push_str(&end.edtf());
        }
        match (self.uncertain, self.approximate) {
            (true, true) => out.push('%'),
            (true, false) => out.push('?'),
            (false, true) => out.push('~'),
            (false, false) => {}
        }
        out
    }

    /// Columns of the compact display (`to_string()`), counted without formatting it: the
    /// browser sizes its date column over a million dates.
    pub fn display_width(&self) -> usize {
        let mut width = self.start.display_width();
        if let Some(end) = self.end {
            width += 2 + end.display_after_width(&self.start);
        }
        width + usize::from(self.approximate) + usize::from(self.uncertain)
    }

    /// Orders dates as the timeline does: by start instant, then finer precision first.
    /// (Events whose dates tie keep the order of their file: the timeline sees to that.)
    pub fn timeline_cmp(&self, other: &Self) -> Ordering {
        self.start
            .earliest()
            .cmp(&other.start.earliest())
            .then(self.start.precision().cmp(&other.start.precision()))
            .then_with(|| self.latest().cmp(&other.latest()))
    }
}

/// Checks a filter range `from ..= to`, the one rule for the browser's `F` prompt and for
/// `--from`/`--to` on the command line, so both refuse the same ranges with the same words.
/// A range is backwards only when all that `to` may mean lies before all that `from` may mean:
/// filters keep the events that overlap the range, so `2021..2021-06` and one day on both
/// sides are ranges that keep events, and are accepted.
pub fn check_range(from: Option<&EdtfDate>, to: Option<&EdtfDate>) -> Result<(), DateError> {
    match (from, to) {
        (Some(f), Some(t)) if t.latest() < f.earliest() => {
            err(format!("the range ends ({t}) before it starts ({f})"))
        }
        _ => Ok(()),
    }
}

/// The compact display: `2021-12-13`, `2021-12`, `2021-12-10..12`, `~2022-01`, `2021?`.
impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        f.write_str(&self.start.display())?;
        if let Some(end) = self.end {
            f.write_str("..")?;
            f.write_str(&end.display_after(&self.start))?;
        }
        if self.uncertain {
            f.write_str("?")?;
        }
        Ok(())
    }
}

impl Point {
    pub fn precision(&self) -> Precision {
        match (self.bits >> PRECISION_SHIFT) & 7 {
            0 => Precision::Second,
            1 => Precision::Minute,
            2 => Precision::Day,
            3 => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day of the period the point names.
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// The time of day as written (local to its offset), for minute and second precision.
    pub fn local_time(&self) -> Option<NaiveTime> {
        self.time()
    }

    /// Whether a UTC offset (or `Z`) was given with the time.
    pub fn has_offset(&self) -> bool {
        self.offset_minutes().is_some()
    }

    fn time(&self) -> Option<NaiveTime> {
        let seconds = self.seconds();
        if seconds == NO_TIME {
            return None;
        }
        NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)
    }

    fn offset_minutes(&self) -> Option<i16> {
        let offset = self.offset();
        (offset != NO_OFFSET).then_some(offset)
    }

    /// The first instant of the period, in UTC where an offset is known.
    pub fn earliest(&self) -> NaiveDateTime {
        match self.time() {
            Some(time) => {
                let local = self.first_day.and_time(time);
                let offset =
                    chrono::Duration::minutes(i64::from(self.offset_minutes().unwrap_or(0)));
                local - offset
            }
            None => self.first_day.and_time(NaiveTime::MIN),
        }
    }

    /// The last instant of the period.
    pub fn latest(&self) -> NaiveDateTime {
        let start = self.earliest();
        let last_day = match self.precision() {
            Precision::Year => NaiveDate::from_ymd_opt(self.first_day.year(), 12, 31),
            Precision::Month => last_day_of_month(self.first_day.year(), self.first_day.month()),
            _ => Some(self.first_day),
        };
        match self.precision() {
            Precision::Second => start,
            Precision::Minute => start + chrono::Duration::seconds(59),
            _ => last_day
                .unwrap_or(self.first_day)
                .and_hms_opt(23, 59, 59)
                .unwrap_or(start),
        }
    }

    fn edtf(&self) -> String {
        let d = self.first_day;
        let year = edtf_year(d.year());
        match self.precision() {
            Precision::Year => year,
            Precision::Month => format!("{year}-{:02}", d.month()),
            Precision::Day => format!("{year}-{:02}-{:02}", d.month(), d.day()),
            Precision::Minute | Precision::Second => {
                format!("{year}-{:02}-{:02}T{}", d.month(), d.day(), self.clock())
            }
        }
    }

    fn clock(&self) -> String {
        let time = self.time().unwrap_or(NaiveTime::MIN);
        let mut out = format!("{:02}:{:02}", time.hour(), time.minute());
        if self.precision() == Precision::Second {
            out.push_str(&format!(":{:02}", time.second()));
        }
        match self.offset_minutes() {
            Some(0) if self.zulu() => out.push('Z'),
            Some(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let minutes = minutes.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
            }
            None => {}
        }
        out
    }

    fn display(&self) -> String {
        match self.precision() {
            Precision::Minute | Precision::Second => self.edtf().replacen('T', " ", 1),
            _ => self.edtf(),
        }
    }

    /// `display().chars().count()`, without formatting.
    fn display_width(&self) -> usize {
        let year = self.first_day.year();
        let digits = year.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1;
        let year = digits.max(4) + usize::from(year < 0);
        let clock = |seconds: bool| {
            let offset = match self.offset_minutes() {
                Some(0) if self.zulu() => 1,
                Some(_) => 6,
                None => 0,
            };
            // " hh:mm" then ":ss" and the offset.
            6 + if seconds { 3 } else { 0 } + offset
        };
        match self.precision() {
            Precision::Year => year,
            Precision::Month => year + 3,
            Precision::Day => year + 6,
            Precision::Minute => year + 6 + clock(false),
            Precision::Second => year + 6 + clock(true),
        }
    }

    /// `display_after(start).chars().count()`, without formatting.
    fn display_after_width(&self, start: &Point) -> usize {
        let (a, b) = (start.first_day, self.first_day);
        let same_year = a.year() == b.year();
        let same_month = same_year && a.month() == b.month();
        match (start.precision(), self.precision()) {
            (Precision::Day, Precision::Day) if same_month => 2,
            (Precision::Day, Precision::Day) if same_year => 5,
            (Precision::Month, Precision::Month) if same_year => 2,
            _ => self.display_width(),
        }
    }

    /// Displays an interval's end, leaving out what it shares with the start.
    fn display_after(&self, start: &Point) -> String {
        let (a, b) = (start.first_day, self.first_day);
        let same_year = a.year() == b.year();
        let same_month = same_year && a.month() == b.month();
        match (start.precision(), self.precision()) {
            (Precision::Day, Precision::Day) if same_month => format!("{:02}", b.day()),
            (Precision::Day, Precision::Day) if same_year => {
                format!("{:02}-{:02}", b.month(), b.day())
            }
            (Precision::Month, Precision::Month) if same_year => format!("{:02}", b.month()),
            _ => self.display(),
        }
    }
}

/// A year as EDTF writes it: four digits at least, a minus sign before 0000 (`-0043` is 44 BCE).
pub fn edtf_year(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt())
}

fn parse_qualified(
    text: &str,
    uncertain: &mut bool,
    approximate: &mut bool,
) -> Result<Point, DateError> {
    let mut body = text;
    while let Some(last) = body.chars().last() {
        match last {
            '?' => *uncertain = true,
            '~' => *approximate = true,
            '%' => {
                *uncertain = true;
                *approximate = true;
            }
            _ => break,
        }
        body = &body[..body.len() - 1];
    }
    if body.is_empty() {
        return err(format!("{text} has no date; {FORMS}", text = quoted(text)));
    }
    parse_point(body)
}

fn parse_point(text: &str) -> Result<Point, DateError> {
    let (date_part, time_part) = match text.split_once(['T', 't', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    // A year before 0000 (1 BCE) is written with a minus sign, as EDTF and ISO 8601 count
    // years: 0000 is 1 BCE, -0001 is 2 BCE, -0043 is 44 BCE.
    let (negative, date_part) = match date_part.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, date_part),
    };
    // Fields on the stack: dates are parsed a million times in a large load.
    let mut fields = [""; 3];
    let mut count = 0;
    for field in date_part.split('-') {
        if count == fields.len() || field.is_empty() {
            return err(format!(
                "{text} is not a date; {FORMS}",
                text = quoted(text)
            ));
        }
        fields[count] = field;
        count += 1;
    }
    let fields = &fields[..count];
    let year = parse_number(fields[0], 4, "year", text)?;
    let month = match fields.get(1) {
        Some(m) => Some(parse_number(m, 2, "month", text)?),
        None => None,
    };
    let day = match fields.get(2) {
        Some(d) => Some(parse_number(d, 2, "day", text)?),
        None => None,
    };
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return err(format!(
                "month {month:02} in {text} is not between 01 and 12",
                text = quoted(text)
            ));
        }
    }
    if negative && year == 0 {
        return err(format!(
            "{text} has no year: year zero (1 BCE) is written 0000, without a minus sign",
            text = quoted(text)
        ));
    }
    let year = if negative {
        -(year as i32)
    } else {
        year as i32
    };
    let first_day = match (month, day) {
        (None, _) => NaiveDate::from_ymd_opt(year, 1, 1),
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1),
        (Some(m), Some(d)) => {
            let found = NaiveDate::from_ymd_opt(year, m, d);
            if found.is_none() {
                let days = last_day_of_month(year, m).map_or(31, |l| l.day());
                return err(format!(
                    "{text} is not a real day: {} {} has {days} days",
                    month_name(m),
                    edtf_year(year),
                    text = quoted(text)
                ));
            }
            found
        }
    };
    let Some(first_day) = first_day else {
        return err(format!(
            "{text} is out of the supported range",
            text = quoted(text)
        ));
    };
    let precision = match (month, day) {
        (None, _) => Precision::Year,
        (Some(_), None) => Precision::Month,
        _ => Precision::Day,
    };
    let Some(time_text) = time_part else {
        return point(first_day, precision, NO_TIME, NO_OFFSET, false, text);
    };
    if precision != Precision::Day {
        return err(format!("{text} has a time but no day", text = quoted(text)));
    }
    parse_time(time_text, text, first_day)
}

/// `Point::new`, or why the parts do not fit one (which parsing never gives).
fn point(
    first_day: NaiveDate,
    precision: Precision,
    seconds: u32,
    offset: i16,
    zulu: bool,
    whole: &str,
) -> Result<Point, DateError> {
    Point::new(first_day, precision, seconds, offset, zulu).map_or_else(
        || {
            err(format!(
                "{whole} is out of the supported range",
                whole = quoted(whole)
            ))
        },
        Ok,
    )
}

/// The point at `time_text` (hh:mm or hh:mm:ss, maybe with an offset) of `day`.
fn parse_time(time_text: &str, whole: &str, day: NaiveDate) -> Result<Point, DateError> {
    let mut zulu = false;
    let (clock, offset) = if let Some(clock) = time_text.strip_suffix(['Z', 'z']) {
        zulu = true;
        (clock, Some(0))
    } else if let Some(at) = time_text.rfind(['+', '-']) {
        (
            &time_text[..at],
            Some(parse_offset(&time_text[at..], whole)?),
        )
    } else {
        (time_text, None)
    };
    let fields: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&fields.len()) {
        return err(format!(
            "the time in {whole} must be hh:mm or hh:mm:ss",
            whole = quoted(whole)
        ));
    }
    let hour = parse_number(fields[0], 2, "hour", whole)?;
    let minute = parse_number(fields[1], 2, "minute", whole)?;
    let second = match fields.get(2) {
        Some(s) => parse_number(s, 2, "second", whole)?,
        None => 0,
    };
    let Some(time) = NaiveTime::from_hms_opt(hour, minute, second) else {
        return err(format!(
            "{whole} is not a real time of day",
            whole = quoted(whole)
        ));
    };
    let precision = if fields.len() == 3 {
        Precision::Second
    } else {
        Precision::Minute
    };
    point(
        day,
        precision,
        time.num_seconds_from_midnight(),
        offset.unwrap_or(NO_OFFSET),
        zulu,
        whole,
    )
}

fn parse_offset(text: &str, whole: &str) -> Result<i16, DateError> {
    let sign: i16 = if text.starts_with('-') { -1 } else { 1 };
    let digits = &text[1..];
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        // `hhmm`; checked, since four bytes may hold a char of three (found by fuzzing).
        None if digits.len() == 4 => digits.split_at_checked(2).unwrap_or((digits, "00")),
        None => (digits, "00"),
    };
    let hours = parse_number(hours, 2, "offset hour", whole)?;
    let minutes = parse_number(minutes, 2, "offset minute", whole)?;
    if hours > 14 || minutes > 59 {
        return err(format!(
            "the UTC offset in {whole} is out of range (at most ±14:59)",
            whole = quoted(whole)
        ));
    }
    // RFC 3339's "-00:00" says the offset is unknown, not that it is UTC: it would print back
    // as +00:00, a claim the data never made.
    if sign < 0 && hours == 0 && minutes == 0 {
        return err(format!(
            "the offset -00:00 in {whole} says the offset is unknown; leave it out (a local \
             time), or write Z or +00:00 for UTC",
            whole = quoted(whole)
        ));
    }
    Ok(sign * (hours * 60 + minutes) as i16)
}

fn parse_number(field: &str, width: usize, what: &str, whole: &str) -> Result<u32, DateError> {
    if field.len() != width || !field.bytes().all(|b| b.is_ascii_digit()) {
        return err(format!(
            "the {what} in {whole} must be {width} digits, found {field}",
            whole = quoted(whole),
            field = quoted(field)
        ));
    }
    field.parse().map_err(|_| {
        DateError(format!(
            "the {what} in {whole} is not a number",
            whole = quoted(whole)
        ))
    })
}

/// The English name of month 1–12 ("that month" for any other number).
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("that month")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_points_parts_read_back_as_they_were_packed_into_four_bytes() {
        let day = NaiveDate::from_ymd_opt(-400, 2, 29).expect("a day");
        for precision in Precision::ALL {
            for seconds in [0, 59, 86_399, NO_TIME] {
                for offset in [-1023, -899, 0, 330, 899, 1023, NO_OFFSET] {
                    for zulu in [false, true] {
                        let point = Point::new(day, precision, seconds, offset, zulu)
                            .unwrap_or_else(|| panic!("{precision:?} {seconds} {offset}"));
                        let got = (
                            point.first_day(),
                            point.precision(),
                            point.seconds(),
                            point.offset(),
                            point.zulu(),
                        );
                        assert_eq!(got, (day, precision, seconds, offset, zulu));
                        let mut bytes = [0u8; 12];
                        point.pack(&mut bytes);
                        assert_eq!(Point::unpack(&bytes), Some(point));
                    }
                }
            }
        }
        // Parts no date has: refused, not wrapped into other values.
        assert_eq!(Point::new(day, Precision::Second, 86_400, 0, false), None);
        assert_eq!(Point::new(day, Precision::Minute, 0, 1024, false), None);
        assert_eq!(Point::new(day, Precision::Minute, 0, -1024, false), None);
        assert_eq!(Point::new(day, Precision::Minute, 0, i16::MAX, false), None);
    }

    fn d(s: &str) -> EdtfDate {
        EdtfDate::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn fails(s: &str) -> String {
        match EdtfDate::parse(s) {
            Ok(date) => panic!("{s} parsed as {date:?}"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn displays_precision_and_qualifiers_compactly() {
        assert_eq!(d("2021-12-13").to_string(), "2021-12-13");
        assert_eq!(d("2021-12").to_string(), "2021-12");
        assert_eq!(d("2021").to_string(), "2021");
        assert_eq!(d("2021-12-10/2021-12-12").to_string(), "2021-12-10..12");
        assert_eq!(d("2021-11-28/2021-12-03").to_string(), "2021-11-28..12-03");
        assert_eq!(
            d("2021-12-28/2022-01-03").to_string(),
            "2021-12-28..2022-01-03"
        );
        assert_eq!(d("2021-11/2021-12").to_string(), "2021-11..12");
        assert_eq!(d("2022-01~").to_string(), "~2022-01");
        assert_eq!(d("2021?").to_string(), "2021?");
        assert_eq!(d("2021-12%").to_string(), "~2021-12?");
        assert_eq!(d("2021-12-13T14:30Z").to_string(), "2021-12-13 14:30Z");
        assert_eq!(
            d("2021-12-13T14:30+03:00").to_string(),
            "2021-12-13 14:30+03:00"
        );
    }

    #[test]
    fn keeps_precision_and_round_trips_edtf() {
        for s in [
            "2021",
            "2021-12",
            "2021-12-13",
            "2021-12-13T14:30Z",
            "2021-12-13T14:30:05-05:30",
            "2021-12-10/2021-12-12",
            "2022-01~",
            "2021?",
            "2021-12%",
        ] {
            assert_eq!(d(s).edtf(), s);
        }
        assert_eq!(d("2021-12").precision(), Precision::Month);
        assert_eq!(
            d("2021-12").start().latest().to_string(),
            "2021-12-31 23:59:59"
        );
        assert_eq!(d("2024-02").latest().to_string(), "2024-02-29 23:59:59");
    }

    #[test]
    fn orders_by_start_then_finer_precision_first() {
        let mut dates = [
            d("2021-12"),
            d("2021"),
            d("2021-12-01"),
            d("2021-11-30"),
            d("2021-12-01T00:00Z"),
            d("2022~"),
        ];
        dates.sort_by(EdtfDate::timeline_cmp);
        let shown: Vec<String> = dates.iter().map(|d| d.edtf()).collect();
        assert_eq!(
            shown,
            [
                "2021",
                "2021-11-30",
                "2021-12-01T00:00Z",
                "2021-12-01",
                "2021-12",
                "2022~"
            ]
        );
    }

    #[test]
    fn offsets_are_compared_in_utc() {
        let tokyo = d("2021-12-13T09:00+09:00");
        let london = d("2021-12-13T01:00Z");
        assert_eq!(tokyo.timeline_cmp(&london), Ordering::Less);
    }

    /// An unknown offset (RFC 3339's -00:00) is refused rather than shown back as +00:00
    /// (trial 7); +00:00 and Z are UTC.
    #[test]
    fn minus_zero_offset_is_refused_and_plus_zero_kept() {
        assert!(fails("2021-12-13T10:00-00:00").contains("says the offset is unknown"));
        assert_eq!(
            d("2021-12-13T10:00+00:00").to_string(),
            "2021-12-13 10:00+00:00"
        );
        assert_eq!(d("2021-12-13T10:00Z").to_string(), "2021-12-13 10:00Z");
        assert!(fails("2021-12-13T10:00+15:00").contains("at most ±14:59"));
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert_eq!(
            fails("2021-02-30"),
            "'2021-02-30' is not a real day: February 2021 has 28 days"
        );
        assert_eq!(
            fails("2021-13"),
            "month 13 in '2021-13' is not between 01 and 12"
        );
        assert_eq!(
            fails("0000-00-00"),
            "month 00 in '0000-00-00' is not between 01 and 12"
        );
        assert!(fails("99999").starts_with("the year in '99999' must be 4 digits"));
        assert_eq!(
            fails("2021-12-13/"),
            "the interval has no end; open intervals are not supported"
        );
        assert_eq!(
            fails("/"),
            "the interval has no start; open intervals are not supported"
        );
        assert_eq!(
            fails("2021-12\u{1b}[2J"),
            "the month in '2021-12\\u{1b}[2J' must be 2 digits, found '12\\u{1b}[2J'"
        );
        assert!(fails("").starts_with("empty date"));
        assert_eq!(
            fails("Dec 2021"),
            "'Dec 2021' is not written as EDTF; write 2021-12"
        );
        assert_eq!(
            fails("12/13/2021"),
            "'12/13/2021' is not written as EDTF; write 2021-12-13"
        );
        // The browser's display notation, typed back into the form.
        assert_eq!(
            fails("2021..2021-12-13?"),
            "'2021..2021-12-13?' is not written as EDTF; write 2021/2021-12-13?"
        );
        assert_eq!(
            fails("31 April 2021"),
            "'31 April 2021' is not a real day: April 2021 has 30 days"
        );
        assert!(fails("06/03/2022").contains("must be 4 digits"));
        assert_eq!(
            fails("yesterday"),
            "expected an EDTF date such as 2021-12-13"
        );
        assert_eq!(
            fails("2021-12-12/2021-12-10"),
            "the interval ends (2021-12-10) before it starts (2021-12-12)"
        );
        assert!(fails("2021-12-13T25:00Z").contains("not a real time"));
        assert!(fails("2021-12T10:00").contains("has a time but no day"));
        assert!(fails("2021-1-5").contains("month"));
        assert_eq!(
            fails("2021-12-13T-\u{1cf3}0"),
            "the offset hour in '2021-12-13T-\u{1cf3}0' must be 2 digits, found '\u{1cf3}0'"
        );
    }

    #[test]
    fn a_range_is_backwards_only_when_it_ends_before_it_could_start() {
        let date = |t: &str| EdtfDate::parse(t).unwrap_or_else(|e| panic!("{t}: {e}"));
        let check = |f: &str, t: &str| check_range(Some(&date(f)), Some(&date(t)));
        assert_eq!(
            check("2022", "2021"),
            Err(DateError(
                "the range ends (2021) before it starts (2022)".into()
            ))
        );
        assert!(check("2021-12-13", "2021-12-12").is_err());
        // Overlapping periods keep events, however the precisions differ.
        assert_eq!(check("2021-12-13", "2021-12-13"), Ok(()));
        assert_eq!(check("2021", "2021-06"), Ok(()));
        assert_eq!(check("2021-06", "2021"), Ok(()));
        assert_eq!(check_range(None, Some(&date("2021"))), Ok(()));
        assert_eq!(check_range(Some(&date("2022")), None), Ok(()));
    }

    /// Years before the common era, as EDTF counts them: 0000 is 1 BCE, -0043 is 44 BCE.
    #[test]
    fn negative_years_are_years_before_the_common_era() {
        let ides = d("-0043-03-15");
        assert_eq!(ides.edtf(), "-0043-03-15");
        assert_eq!(ides.to_string(), "-0043-03-15");
        assert_eq!(ides.start().first_day().year(), -43);
        assert_eq!(ides.precision(), Precision::Day);
        for s in [
            "-0043",
            "-0043-03",
            "0000",
            "-0500/0010",
            "-0001-12-31T23:00Z",
            "-0043~",
        ] {
            assert_eq!(d(s).edtf(), s);
            assert_eq!(
                d(s).display_width(),
                d(s).to_string().chars().count(),
                "{s}"
            );
        }
        // Before 1 BCE, and so before the first year of the era.
        let mut dates = [
            d("0001"),
            d("0000"),
            d("-0043-03-15"),
            d("-0044"),
            d("-0043"),
        ];
        dates.sort_by(EdtfDate::timeline_cmp);
        let shown: Vec<String> = dates.iter().map(|d| d.edtf()).collect();
        assert_eq!(shown, ["-0044", "-0043", "-0043-03-15", "0000", "0001"]);
        // -0044 was a leap year in the proleptic Gregorian calendar (divisible by 4), -0043 not.
        assert!(EdtfDate::parse("-0044-02-29").is_ok());
        assert_eq!(
            fails("-0043-02-29"),
            "'-0043-02-29' is not a real day: February -0043 has 28 days"
        );
        assert_eq!(
            fails("-0000"),
            "'-0000' has no year: year zero (1 BCE) is written 0000, without a minus sign"
        );
        assert!(fails("-43-03-15").starts_with("the year in '-43-03-15' must be 4 digits"));
        assert!(fails("--0043").contains("is not a date"));
        assert_eq!(
            fails("-0040/-0044"),
            "the interval ends (-0044) before it starts (-0040)"
        );
        // The short display of an interval reads back for these years too.
        for s in [
            "-0043-03-15/-0043-03-20~",
            "-0043-03/-0043-05?",
            "-0043-03-15/-0043-04-02",
        ] {
            let date = d(s);
            assert_eq!(
                EdtfDate::parse_display(&date.to_string()),
                Some(date),
                "{s} as {date}"
            );
        }
        assert_eq!(d("-0043-03-15/-0043-03-20").to_string(), "-0043-03-15..20");
    }

    #[test]
    fn leap_days_are_real_only_in_leap_years() {
        assert!(EdtfDate::parse("2024-02-29").is_ok());
        assert!(EdtfDate::parse("2023-02-29").is_err());
    }

    #[test]
    fn display_width_counts_what_display_shows() {
        for text in [
            "2021",
            "2021-12",
            "2021-12-13",
            "2021-12-13T14:30Z",
            "2021-12-13T14:30:05Z",
            "2021-12-13T14:30+03:00",
            "2021-12-13T14:30:05-05:30",
            "2021-12-13T14:30",
            "2021-12-10/2021-12-12",
            "2021-11-10/2021-12-12",
            "2021-11-10/2022-12-12",
            "2021-11/2021-12",
            "2021/2022",
            "2021-12-13T10:00Z/2021-12-13T12:00Z",
            "2022-01~",
            "2021?",
            "2021-12%",
            "0099-01-01",
        ] {
            let date = EdtfDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                date.display_width(),
                date.to_string().chars().count(),
                "{text} shown as {date}"
            );
        }
    }

    #[test]
    fn the_compact_display_reads_back_as_the_same_date() {
        for text in [
            "2021",
            "2021-12",
            "2021-12-13",
            "2021-12-13T14:30Z",
            "2021-12-13T14:30:05-05:30",
            "2021-12-13T14:30",
            "2021-12-10/2021-12-12",
            "2021-11-28/2021-12-03",
            "2021-12-28/2022-01-03",
            "2021-11/2021-12",
            "2021-12-11/2021-12~",
            "2021/2022",
            "2021-12-13T10:00Z/2021-12-13T12:00Z",
            "2021-12-11/2021-12-12~",
            "2022-01~",
            "2021?",
            "2021-12%",
            "0099-01-01",
        ] {
            let date = d(text);
            assert_eq!(
                EdtfDate::parse_display(&date.to_string()),
                Some(date),
                "{text} shown as {date}"
            );
        }
        // Only what the display would write: not other wordings, nor EDTF's own qualifiers.
        for text in [
            "",
            "~",
            "?",
            "..",
            "Summer 1963",
            "2021-12~",
            "2021-12-11..",
            "~2021-12-11..2021-12-12",
        ] {
            assert_eq!(EdtfDate::parse_display(text), None, "{text}");
        }
    }

    #[test]
    fn a_packed_date_reads_back_the_same() {
        for text in [
            "2021",
            "2021-12?",
            "2021-12-13~",
            "2021-12-13T10:30Z",
            "2021-12-13T10:30:05+02:00",
            "2021-12-13T10:30",
            "-0044-03-15",
            "2021-12/2022-01-05%",
        ] {
            let date = EdtfDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let back = EdtfDate::unpacked(&date.packed());
            assert_eq!(back, Some(date), "{text}");
            assert_eq!(back.map(|d| d.to_string()), Some(date.to_string()));
        }
        let mut bad = EdtfDate::parse("2021")
            .unwrap_or_else(|e| panic!("{e}"))
            .packed();
        bad[4] = 9;
        assert_eq!(EdtfDate::unpacked(&bad), None);
    }
}
