//! `chronicle stats`: how many events, and the sum of one numeric attribute, per type, actor,
//! country, place, year, month or tag, over the events `chronicle events` would print.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use chrono::Datelike;
use serde::Serialize;
use serde_json::value::RawValue;

use super::events::{select, EventFilter};
use super::{safe, write_json, Failure};
use crate::date::{edtf_year, Precision};
use crate::model::{Event, EventIx, ValueRef};
use crate::problem::{closest, quoted};
use crate::text::case::{fold_label, merge_spellings};
use crate::text::decimal::{Decimal, MAX_PLACES};
use crate::text::width::{fit, width};
use crate::timeline::Timeline;

/// What `chronicle stats` groups the events by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// The event's type (GDELT: the CAMEO event name; ACLED: "event type / sub-event type")
    Type,
    /// Each actor the event names, by name (with its code where names clash: "ZIMBABWE
    /// (ZWEJUD)"): an event counts once under each of its actors
    Actor,
    /// The country of the event's region (ACLED's country; GDELT's ActionGeo country code,
    /// named; a dataset's "region")
    Country,
    /// The first administrative area of the event's region, with its country ("Khartoum,
    /// Sudan"; GDELT gives a code such as "SU03")
    Admin1,
    /// The whole location
    Location,
    /// The year the event starts in (rows in date order)
    Year,
    /// The month the event starts in (rows in date order); a date known only to the year is
    /// under "YYYY (no month)", before that year's months
    Month,
    /// Each tag of the event: an event counts once under each of its tags
    Tag,
}

impl By {
    /// Whether keys that differ only in case are one (types, tags and places, as `--type`,
    /// `--tag` and `--country` match them and the browser's pickers list them); actors' names
    /// and free-text locations are told apart.
    fn folds(self) -> bool {
        matches!(self, By::Type | By::Tag | By::Country | By::Admin1)
    }

    fn name(self) -> &'static str {
        match self {
            By::Type => "type",
            By::Actor => "actor",
            By::Country => "country",
            By::Admin1 => "admin1",
            By::Location => "location",
            By::Year => "year",
            By::Month => "month",
            By::Tag => "tag",
        }
    }

    /// Whether an event can count under several keys, so that the rows add up to more than
    /// the events.
    fn is_many(self) -> bool {
        matches!(self, By::Actor | By::Tag)
    }

    /// The key of an event that has nothing to group by (no type, no actor...).
    fn none(self) -> &'static str {
        match self {
            By::Type => "(no type)",
            By::Actor => "(no actor)",
            By::Country => "(no country)",
            By::Admin1 => "(no admin1)",
            By::Location => "(no location)",
            By::Tag => "(no tag)",
            // Every event has a date.
            By::Year | By::Month => "",
        }
    }
}

/// What to tabulate and how to print it.
#[derive(Clone, Debug)]
pub struct Stats {
    pub by: By,
    /// The attribute to add up.
    pub sum: Option<String>,
    /// JSON Lines rather than aligned columns.
    pub json: bool,
}

/// One key's figures: the events under it, and the sum of the attribute over those that have
/// it (`missing` do not; they add 0).
#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    key: String,
    events: usize,
    sum: Decimal,
    missing: usize,
}

/// The rows, most events first (a year's or month's in date order), and the total over the
/// selected events, each counted once.
#[derive(Debug)]
struct Table {
    rows: Vec<Row>,
    total: Row,
}

/// Prints the table of the events `filter` keeps; notes about the filter go to `notes`.
pub fn run(
    timeline: &Timeline,
    filter: &EventFilter,
    stats: &Stats,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> Result<(), Failure> {
    let view = select(timeline, filter, notes)?;
    if let Some(attribute) = &stats.sum {
        check_attribute(timeline, attribute)?;
    }
    let table = tabulate(timeline, &view, stats.by, stats.sum.as_deref())?;
    if stats.json {
        write_rows_json(&table, stats.sum.is_some(), out)?;
    } else {
        write_text(&table, stats, out)?;
    }
    Ok(())
}

/// Refuses an attribute that no event has at all (a typo would otherwise add up to 0), with
/// the numeric attributes the events have, the closest first suggested.
fn check_attribute(timeline: &Timeline, attribute: &str) -> Result<(), Failure> {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    let mut numeric: BTreeSet<&str> = BTreeSet::new();
    for (name, value) in timeline.events().iter().flat_map(|e| &e.attributes) {
        names.insert(name);
        if matches!(value, ValueRef::Number(_)) {
            numeric.insert(name);
        }
    }
    if names.contains(attribute) {
        return Ok(());
    }
    let listed = if names.is_empty() {
        "no event has attributes".to_string()
    } else if numeric.is_empty() {
        let all: Vec<&str> = names.iter().copied().collect();
        format!(
            "no attribute is a number; the events' attributes are {}",
            all.join(", ")
        )
    } else {
        let all: Vec<&str> = numeric.iter().copied().collect();
        format!("the numeric attributes are {}", all.join(", "))
    };
    let candidates = if numeric.is_empty() { &names } else { &numeric };
    let suggestion = closest(attribute, candidates.iter().copied())
        .or_else(|| same_stem(attribute, candidates.iter().copied()))
        .map(|c| format!(" (did you mean {}?)", quoted(c)))
        .unwrap_or_default();
    Err(Failure::Usage(format!(
        "--sum: no event has the attribute {}{suggestion}; {listed}",
        quoted(attribute),
    )))
}

/// The one candidate that shares all but the last letter of `wanted` and is longer: a
/// singular for its plural ("fatality" for "fatalities"), which is too far in letters.
fn same_stem<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let stem: String = {
        let chars: Vec<char> = wanted.chars().collect();
        chars[..chars.len().saturating_sub(1)].iter().collect()
    };
    if stem.chars().count() < 4 {
        return None;
    }
    let found: Vec<&str> = candidates.filter(|c| c.starts_with(&stem)).collect();
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Counts the events of `view` under their keys and adds up `attribute`.
fn tabulate(
    timeline: &Timeline,
    view: &[EventIx],
    by: By,
    attribute: Option<&str>,
) -> Result<Table, Failure> {
    // Rows by key, case aside for labels (see `By::folds`); and how many events each
    // spelling of a label has, for the one to show.
    let mut rows: HashMap<String, Row> = HashMap::new();
    let mut spellings: HashMap<String, usize> = HashMap::new();
    let mut total = Row {
        key: "total".into(),
        ..Row::default()
    };
    for ix in view {
        let event = timeline.event(*ix);
        let value = match attribute {
            Some(name) => value(event, name)?,
            None => None,
        };
        add(&mut total, value, attribute)?;
        for key in keys(timeline, event, by) {
            let group = if by.folds() {
                *spellings.entry(key.clone()).or_default() += 1;
                fold_label(&key)
            } else {
                key.clone()
            };
            let row = rows.entry(group).or_insert_with(|| Row {
                key,
                ..Row::default()
            });
            add(row, value, attribute)?;
        }
    }
    // A label is written as most of its events write it, as the browser's pickers show it.
    for (shown, _) in merge_spellings(spellings.iter().map(|(k, n)| (k, *n)), |k| fold_label(k)) {
        if let Some(row) = rows.get_mut(&fold_label(shown)) {
            row.key.clone_from(shown);
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    match by {
        // A time's rows are read as a timeline, as the browser's stats pane shows months.
        By::Year | By::Month => rows.sort_by_key(|r| in_time(&r.key)),
        _ => rows.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.key.cmp(&b.key))),
    }
    Ok(Table { rows, total })
}

/// Where a year or month key (`2009`, `-0043`, `2009-04`, `2009 (no month)`) falls in time:
/// its year, then its month (0 for the year alone, before its months). Keys are made by
/// `keys` from the event's date, so they always read so; anything else sorts last.
fn in_time(key: &str) -> (i64, u32) {
    let (sign, digits) = match key.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, key),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let Ok(year) = digits[..end].parse::<i64>() else {
        return (i64::MAX, 0);
    };
    let month = digits[end..]
        .strip_prefix('-')
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    (sign * year, month)
}

/// Counts one event into `row`.
fn add(row: &mut Row, value: Option<Decimal>, attribute: Option<&str>) -> Result<(), Failure> {
    row.events += 1;
    match value {
        Some(value) => {
            row.sum = row.sum.checked_add(value).ok_or_else(|| {
                Failure::Usage(format!(
                    "--sum: the sum of {} under {} is too large to add exactly",
                    quoted(attribute.unwrap_or_default()),
                    quoted(&row.key)
                ))
            })?;
        }
        None if attribute.is_some() => row.missing += 1,
        None => {}
    }
    Ok(())
}

/// The event's `attribute` as a number, `None` when the event lacks it; a value that is not
/// a decimal is an error naming the event, never skipped.
fn value(event: &Event, attribute: &str) -> Result<Option<Decimal>, Failure> {
    let Some(value) = event.attribute(attribute) else {
        return Ok(None);
    };
    // A number shows as written, so the sum is of the decimals in the file.
    let text = value.to_string();
    Decimal::parse(&text).map(Some).ok_or_else(|| {
        // A number is one; what stops it is its size or its places, not its kind.
        let why = match value {
            ValueRef::Number(_) => format!(
                "a number --sum cannot add exactly (more than {MAX_PLACES} decimal places, \
                 or too large)"
            ),
            ValueRef::Text(_) => format!(
                "not a number (a decimal such as 12, -4.5 or 1e5, at most {MAX_PLACES} places)"
            ),
        };
        Failure::Usage(format!(
            "--sum: event {}: its {} is {}, {why}",
            quoted(&event.id),
            quoted(attribute),
            quoted(&text)
        ))
    })
}

/// The keys an event counts under, each once.
fn keys(timeline: &Timeline, event: &Event, by: By) -> Vec<String> {
    let mut keys: Vec<String> = match by {
        By::Type => event.kind.iter().map(|k| k.to_string()).collect(),
        By::Actor => event
            .actors
            .iter()
            .map(|a| timeline.actor_label(*a))
            .collect(),
        By::Location => event.location.iter().map(|l| l.to_string()).collect(),
        By::Country => event
            .region
            .iter()
            .filter_map(|r| r.country.as_deref())
            .map(str::to_string)
            .collect(),
        By::Admin1 => event
            .region
            .iter()
            .filter_map(|r| {
                let admin1 = r.admin1.as_deref()?;
                Some(match r.country.as_deref() {
                    Some(country) => format!("{admin1}, {country}"),
                    None => admin1.to_string(),
                })
            })
            .collect(),
        By::Tag => event.tags.iter().map(|t| t.to_string()).collect(),
        By::Year => vec![edtf_year(event.date.start().first_day().year())],
        By::Month => {
            let start = event.date.start();
            let day = start.first_day();
            let year = edtf_year(day.year());
            vec![if start.precision() == Precision::Year {
                format!("{year} (no month)")
            } else {
                format!("{year}-{:02}", day.month())
            }]
        }
    };
    if keys.is_empty() {
        keys.push(by.none().to_string());
    }
    let mut seen = BTreeSet::new();
    keys.retain(|k| seen.insert(if by.folds() { fold_label(k) } else { k.clone() }));
    keys
}

/// One line of `--json`; the last, the total over the events (each counted once), has the
/// key `null`.
#[derive(Serialize)]
struct JsonRow<'a> {
    key: Option<&'a str>,
    events: usize,
    /// The exact decimal, written as a JSON number as it is (no float rounding on the way).
    #[serde(skip_serializing_if = "Option::is_none")]
    sum: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<usize>,
}

fn write_rows_json(table: &Table, with_sum: bool, out: &mut impl Write) -> std::io::Result<()> {
    let rows = table.rows.iter().map(|row| (Some(row.key.as_str()), row));
    for (key, row) in rows.chain(std::iter::once((None, &table.total))) {
        let sum = if with_sum {
            Some(RawValue::from_string(row.sum.to_string()).map_err(std::io::Error::from)?)
        } else {
            None
        };
        let line = JsonRow {
            key,
            events: row.events,
            sum,
            missing: with_sum.then_some(row.missing),
        };
        write_json(out, &line)?;
    }
    Ok(())
}

/// Aligned columns (the key padded by its width in terminal columns, the figures to the
/// right), a total line, and for actors and tags a line saying why the rows add up to more.
fn write_text(table: &Table, stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    let attribute = stats.sum.as_deref().map(safe);
    let mut header = vec![stats.by.name().to_string(), "events".to_string()];
    if let Some(name) = &attribute {
        header.push(name.to_string());
        header.push("missing".to_string());
    }
    let cells = |row: &Row| {
        let mut cells = vec![row.key.clone(), row.events.to_string()];
        if attribute.is_some() {
            cells.push(row.sum.to_string());
            cells.push(row.missing.to_string());
        }
        cells
    };
    let lines: Vec<Vec<String>> = std::iter::once(header)
        .chain(table.rows.iter().map(cells))
        .chain(std::iter::once(cells(&table.total)))
        .collect();
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|i| lines.iter().map(|l| width(&l[i])).max().unwrap_or(0))
        .collect();
    for line in &lines {
        let mut text = fit(&line[0], widths[0]);
        for (cell, w) in line.iter().zip(&widths).skip(1) {
            let pad = w.saturating_sub(width(cell));
            text.push_str(&" ".repeat(pad + 2));
            text.push_str(&safe(cell));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    let counted: usize = table.rows.iter().map(|row| row.events).sum();
    if stats.by.is_many() && counted > table.total.events {
        writeln!(
            out,
            "(an event counts once under each {} it has, so the rows add up to more than the \
             total)",
            stats.by.name()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn table(by: By, attribute: Option<&str>) -> Table {
        let timeline = sample::timeline();
        let view = timeline.all_events();
        tabulate(&timeline, &view, by, attribute).unwrap_or_else(|_| panic!("tabulates"))
    }

    /// Types and tags that differ only in case are one row, written as most of its events
    /// write it, as `--type` matches them and the browser's pickers list them; an event with
    /// both spellings counts once; actors' names are told apart.
    #[test]
    fn labels_that_differ_only_in_case_are_one_row() {
        let base = sample::timeline();
        let mut events = base.events().to_vec();
        let n = events.len();
        for (i, event) in events.iter_mut().enumerate() {
            event.kind = Some(if i == 0 { "éditorial" } else { "Éditorial" }.into());
            event.tags = Box::new(["Élection".into(), "élection".into()]);
        }
        let timeline = Timeline::new(events, base.actors().to_vec(), base.sources().to_vec());
        let view = timeline.all_events();
        let rows = |by| {
            let table = tabulate(&timeline, &view, by, None).unwrap_or_else(|_| panic!("rows"));
            table
                .rows
                .into_iter()
                .map(|r| (r.key, r.events))
                .collect::<Vec<_>>()
        };
        assert_eq!(rows(By::Type), [("Éditorial".to_string(), n)]);
        assert_eq!(rows(By::Tag), [("Élection".to_string(), n)]);
    }

    #[test]
    fn the_rows_are_said_to_add_up_to_more_only_when_they_do() {
        let row = |key: &str, events| Row {
            key: key.into(),
            events,
            ..Row::default()
        };
        let stats = Stats {
            by: By::Actor,
            sum: None,
            json: false,
        };
        let text = |rows: Vec<Row>| {
            let table = Table {
                rows,
                total: row("total", 3),
            };
            let mut out = Vec::new();
            write_text(&table, &stats, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let once = text(vec![row("a", 2), row("b", 1)]);
        assert!(!once.contains("add up to more"), "{once}");
        let twice = text(vec![row("a", 2), row("b", 2)]);
        assert!(twice.contains("add up to more than the total"), "{twice}");
    }

    #[test]
    fn rows_count_each_event_once_per_key_and_the_total_once() {
        let timeline = sample::timeline();
        let by_actor = table(By::Actor, None);
        let mentions: usize = timeline
            .events()
            .iter()
            .map(|e| e.actors.len().max(1))
            .sum();
        assert_eq!(
            by_actor.rows.iter().map(|r| r.events).sum::<usize>(),
            mentions
        );
        assert_eq!(by_actor.total.events, timeline.events().len());
        let by_year = table(By::Year, None);
        assert_eq!(
            by_year.rows.iter().map(|r| r.events).sum::<usize>(),
            timeline.events().len()
        );
        for pair in by_actor.rows.windows(2) {
            let order = pair[1].events.cmp(&pair[0].events);
            assert!(order.is_lt() || (order.is_eq() && pair[0].key < pair[1].key));
        }
    }
}
