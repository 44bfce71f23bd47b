//! Writing a timeline out: as a native dataset folder (what `chronicle import -o` makes), and
//! as CSV, Markdown or TimelineJS3 JSON for `chronicle events --format`.
//!
//! The wire structs here mirror the loader's, so that a written folder loads back unchanged.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::date::Precision;
use crate::load::{ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE};
use crate::model::{Event, EventIx, Number, Role, Roles, ValueRef};
use crate::text::safe::{sanitize, sanitize_keeping_lines};
use crate::timeline::Timeline;

#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// An event as `chronicle events --json` prints it and a dataset file holds it.
#[derive(Serialize)]
pub struct EventLine<'a> {
    id: &'a str,
    date: String,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    actors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    tags: Vec<&'a str>,
    quotes: Vec<QuoteLine<'a>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    attributes: BTreeMap<&'a str, AttributeValue<'a>>,
    /// Each actor's part, by actor id, where known: a string, or a list of strings for an
    /// actor with several parts.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    roles: BTreeMap<&'a str, RolesLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<RegionLine<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coordinates: Option<PointLine>,
    /// The article's web address; left out of dataset files (it is the source's).
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// An actor's roles in JSON: one as a string (as datasets before several roles were written),
/// several as a list.
struct RolesLine(Roles);

impl Serialize for RolesLine {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let names: Vec<&str> = self.0.iter().map(Role::as_str).collect();
        match names.as_slice() {
            [one] => serializer.serialize_str(one),
            _ => names.serialize(serializer),
        }
    }
}

#[derive(Serialize)]
struct RegionLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin1: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin2: Option<&'a str>,
}

#[derive(Serialize)]
struct PointLine {
    lat: f64,
    lon: f64,
}

/// An attribute's value in JSON: a number as a JSON number, written as it was read.
struct AttributeValue<'a>(ValueRef<'a>);

impl Serialize for AttributeValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            ValueRef::Text(text) => serializer.serialize_str(text),
            // A number's text is always a JSON number; written raw, it keeps its digits.
            ValueRef::Number(number) => {
                serde_json::value::RawValue::from_string(number.to_string())
                    .map_err(serde::ser::Error::custom)?
                    .serialize(serializer)
            }
        }
    }
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    source: &'a str,
    text: &'a str,
    /// 1-based number of the first sentence the quote lies in; left out of dataset files.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<usize>,
    /// When the quote's source was published (EDTF), beside the event's own date: when it
    /// was reported, not when it happened. Left out of dataset files (it is the source's).
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

/// One event as the JSON line `--json` prints (also the browser's JSON Lines export).
pub fn json_line(timeline: &Timeline, event: &Event) -> serde_json::Result<String> {
    serde_json::to_string(&event_record(timeline, event, true))
}

/// An event as a JSON record: the input fields, plus each quote's sentence number and its
/// source's publication date when `sentences` is set (`--json`), without them for a dataset
/// file that loads back unchanged.
pub fn event_record<'a>(
    timeline: &'a Timeline,
    event: &'a Event,
    sentences: bool,
) -> EventLine<'a> {
    EventLine {
        id: &event.id,
        date: event.date.edtf(),
        title: &event.title,
        summary: event.summary.as_deref(),
        kind: event.kind.as_deref(),
        actors: event
            .actors
            .iter()
            .map(|a| timeline.actor(*a).id.as_str())
            .collect(),
        location: event.location.as_deref(),
        tags: event.tags.iter().map(|t| &**t).collect(),
        quotes: event
            .quotes
            .iter()
            .map(|q| {
                let source = timeline.source(q.source);
                QuoteLine {
                    source: &source.id,
                    text: timeline.quote_text(q),
                    sentence: sentences.then(|| q.sentence_number()),
                    published: source.published.filter(|_| sentences).map(|d| d.edtf()),
                }
            })
            .collect(),
        attributes: event
            .attributes
            .iter()
            .map(|(k, v)| (&**k, AttributeValue(v)))
            .collect(),
        roles: event
            .actors
            .iter()
            .enumerate()
            .filter_map(|(nth, a)| {
                let roles = event.roles_of(nth);
                (!roles.is_empty()).then(|| (timeline.actor(*a).id.as_str(), RolesLine(roles)))
            })
            .collect(),
        region: event.region.as_deref().map(|r| RegionLine {
            country: r.country.as_deref(),
            admin1: r.admin1.as_deref(),
            admin2: r.admin2.as_deref(),
        }),
        coordinates: event.point.as_deref().map(|p| PointLine {
            lat: p.lat,
            lon: p.lon,
        }),
        url: if sentences {
            timeline.event_url(event)
        } else {
            None
        },
    }
}

/// Why a dataset folder could not be written, worded for the user.
#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files and `--force` was not given.
    NotEmpty,
    Io(String),
}

/// Writes `timeline` as a dataset folder: sources.json, actors.json, events.jsonl and the
/// texts of sources that have one under `sources/`. Refuses a folder that already holds
/// anything unless `force`.
pub fn write_dataset(timeline: &Timeline, dir: &Path, force: bool) -> Result<(), WriteError> {
    let shown = dir.display();
    let io_error =
        |what: &str, e: io::Error| WriteError::Io(format!("{shown}: cannot {what}: {e}"));
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() && !force {
                return Err(WriteError::NotEmpty);
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error("open the folder", e)),
    }
    fs::create_dir_all(dir).map_err(|e| io_error("create the folder", e))?;
    // A stale events.json beside the new events.jsonl would make the folder ambiguous.
    match fs::remove_file(dir.join(EVENTS_ARRAY_FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(io_error("remove the old events.json", e))
        }
        _ => {}
    }
    let create = |name: &str| {
        File::create(dir.join(name))
            .map(BufWriter::new)
            .map_err(|e| io_error(&format!("create {name}"), e))
    };
    let written = |name: &str, result: io::Result<()>| {
        result.map_err(|e| io_error(&format!("write {name}"), e))
    };

    let mut out = create(SOURCES_FILE)?;
    let sources: Vec<SourceRecord> = timeline
        .sources()
        .iter()
        .map(|s| SourceRecord {
            id: &s.id,
            title: &s.title,
            publisher: s.publisher.as_deref(),
            url: s.url.as_deref(),
            published: s.published.map(|date| date.edtf()),
            file: Some(s.file.as_str()).filter(|f| !f.is_empty() && !s.text.is_empty()),
            // The text is written below as loaded (a byte order mark dropped), so a pin is
            // carried over as the hash of those bytes: the pin was checked when it loaded.
            sha256: s
                .sha256
                .as_ref()
                .filter(|_| !s.file.is_empty() && !s.text.is_empty())
                .map(|_| crate::load::sha256_hex(s.text.as_bytes())),
        })
        .collect();
    written(SOURCES_FILE, write_array(&mut out, &sources))?;
    for source in timeline.sources() {
        if source.file.is_empty() || source.text.is_empty() {
            continue;
        }
        let path = dir.join(&source.file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create the sources folder", e))?;
        }
        fs::write(&path, &source.text)
            .map_err(|e| io_error(&format!("write {}", source.file), e))?;
    }

    let mut out = create(ACTORS_FILE)?;
    let actors: Vec<ActorRecord> = timeline
        .actors()
        .iter()
        .map(|a| ActorRecord {
            id: &a.id,
            name: &a.name,
            kind: a.kind.map(|k| k.as_str()),
            aliases: &a.aliases,
            affiliation: a.affiliation.map(|id| timeline.actor(id).id.as_str()),
            description: a.description.as_deref(),
        })
        .collect();
    written(ACTORS_FILE, write_array(&mut out, &actors))?;

    let mut out = create(EVENTS_LINES_FILE)?;
    let lines = (|| {
        for event in timeline.events() {
            serde_json::to_writer(&mut out, &event_record(timeline, event, false))?;
            writeln!(out)?;
        }
        out.flush()
    })();
    written(EVENTS_LINES_FILE, lines)
}

/// A JSON array with one record per line: diffable, and quick to read back.
fn write_array<T: Serialize>(out: &mut impl Write, records: &[T]) -> io::Result<()> {
    writeln!(out, "[")?;
    for (i, record) in records.iter().enumerate() {
        write!(out, "  ")?;
        serde_json::to_writer(&mut *out, record)?;
        writeln!(out, "{}", if i + 1 < records.len() { "," } else { "" })?;
    }
    writeln!(out, "]")?;
    out.flush()
}

/// The actor names of an event, joined.
fn actor_names(timeline: &Timeline, event: &Event, separator: &str) -> String {
    event
        .actors
        .iter()
        .map(|a| timeline.actor_label(*a))
        .collect::<Vec<_>>()
        .join(separator)
}

/// Degrees as JSON writes them (`29.0`, not `29`), so that every export shows a coordinate
/// alike.
fn degrees(d: f64) -> String {
    serde_json::to_string(&d).unwrap_or_else(|_| d.to_string())
}

/// The event's actors with their roles where known: "RSF (source), Civilians (target)".
fn actors_with_roles(timeline: &Timeline, event: &Event) -> String {
    event
        .actors
        .iter()
        .enumerate()
        .map(|(nth, a)| {
            let roles = event.roles_of(nth);
            let label = timeline.actor_label(*a);
            if roles.is_empty() {
                label
            } else {
                format!("{label} ({})", roles.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The CSV columns every export has, before one column per attribute.
const CSV_COLUMNS: [&str; 17] = [
    "id",
    "date",
    "title",
    "type",
    "actors",
    "actor_ids",
    "roles",
    "location",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "tags",
    "summary",
    "quotes",
    "url",
];

/// Writes the events of `view` as CSV with a header row: the fixed columns, then one column
/// per attribute name any of the events has, sorted (a name that is also a fixed column's is
/// headed `attribute NAME`). Lists (actors, their ids and roles, tags) are joined with "; ",
/// roles in the order of the actors; dates are EDTF, so a month stays a month.
pub fn write_csv(timeline: &Timeline, view: &[EventIx], out: &mut impl Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let names: std::collections::BTreeSet<&str> = view
        .iter()
        .flat_map(|ix| timeline.event(*ix).attributes.iter().map(|(k, _)| &**k))
        .collect();
    let header = CSV_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(names.iter().map(|n| {
            if CSV_COLUMNS.contains(n) {
                format!("attribute {n}")
            } else {
                n.to_string()
            }
        }));
    writer.write_record(header.map(|name| sanitize_keeping_lines(&name).into_owned()))?;
    for ix in view {
        let event = timeline.event(*ix);
        let ids: Vec<&str> = event
            .actors
            .iter()
            .map(|a| timeline.actor(*a).id.as_str())
            .collect();
        let quotes: Vec<String> = event
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{} [{}]: {}",
                    timeline.source(q.source).id,
                    q.sentence_number(),
                    timeline.quote_text(q)
                )
            })
            .collect();
        // Several roles of one actor are joined by '+', as '; ' parts the actors.
        let roles: Vec<String> = (0..event.actors.len())
            .map(|nth| event.roles_of(nth).join("+"))
            .collect();
        let region = event.region.as_deref();
        fn area(name: Option<&crate::model::Label>) -> &str {
            name.map_or("", |n| n)
        }
        let degrees = |d: Option<f64>| d.map_or(String::new(), degrees);
        let fixed: [&str; 17] = [
            &event.id,
            &event.date.edtf(),
            &event.title,
            event.kind.as_deref().unwrap_or(""),
            &actor_names(timeline, event, "; "),
            &ids.join("; "),
            &if event.roles.is_empty() {
                String::new()
            } else {
                roles.join("; ")
            },
            event.location.as_deref().unwrap_or(""),
            area(region.and_then(|r| r.country.as_ref())),
            area(region.and_then(|r| r.admin1.as_ref())),
            area(region.and_then(|r| r.admin2.as_ref())),
            &degrees(event.point.as_deref().map(|p| p.lat)),
            &degrees(event.point.as_deref().map(|p| p.lon)),
            &event.tags.join("; "),
            event.summary.as_deref().unwrap_or(""),
            &quotes.join(" | "),
            timeline.event_url(event).unwrap_or(""),
        ];
        let attributes = names.iter().map(|name| {
            // An event may hold a name twice (GDELT mentions do not): the values joined.
            let values: Vec<String> = event
                .attributes
                .iter()
                .filter(|(k, _)| **k == **name)
                .map(|(_, v)| v.to_string())
                .collect();
            values.join("; ")
        });
        let cells = fixed.iter().map(|cell| cell.to_string()).chain(attributes);
        // Safe for a terminal as for a spreadsheet: `--format csv` is often read on one.
        writer.write_record(
            cells.map(|cell| spreadsheet_safe(&sanitize_keeping_lines(&cell)).into_owned()),
        )?;
    }
    writer.flush()
}

/// A cell that a spreadsheet will not run: text starting with = + - @ (or a tab or carriage
/// return) would be taken as a formula, so it gets a leading apostrophe; a plain negative
/// number (a longitude, a tone) is a number, and stays one.
fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && Number::parse(text).is_none() {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Escapes Markdown's inline specials in text from the data, a line break as a space (it
/// would end a heading or a list item) and other controls as their placeholders (a
/// chronology is printed on terminals too).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize_keeping_lines(text).chars() {
        if c == '\n' {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes the events of `view` as a Markdown chronology: one entry per event with its date,
/// actors and type, the summary, and each quote with the sentence it comes from.
pub fn write_markdown(
    timeline: &Timeline,
    name: &str,
    view: &[EventIx],
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "# {}", md(name))?;
    for ix in view {
        let event = timeline.event(*ix);
        writeln!(out)?;
        writeln!(out, "## {} — {}", event.date, md(&event.title))?;
        writeln!(out)?;
        let mut facts = Vec::new();
        if !event.actors.is_empty() {
            facts.push(format!(
                "**Actors:** {}",
                md(&actors_with_roles(timeline, event))
            ));
        }
        if let Some(kind) = &event.kind {
            facts.push(format!("**Type:** {}", md(kind)));
        }
        if let Some(location) = &event.location {
            facts.push(format!("**Location:** {}", md(location)));
        }
        if !event.tags.is_empty() {
            facts.push(format!("**Tags:** {}", md(&event.tags.join(", "))));
        }
        if let Some(region) = event.region.as_deref() {
            let names: Vec<&str> = [&region.admin2, &region.admin1, &region.country]
                .into_iter()
                .flatten()
                .map(|n| &**n)
                .collect();
            facts.push(format!("**Region:** {}", md(&names.join(", "))));
        }
        if let Some(point) = &event.point {
            facts.push(format!(
                "**Coordinates:** {}, {}",
                degrees(point.lat),
                degrees(point.lon)
            ));
        }
        facts.push(format!(
            "**Id:** `{}`",
            sanitize(&event.id).replace('`', "'")
        ));
        writeln!(out, "{}", facts.join(" · "))?;
        // Every attribute, text too: an ACLED event's outlets (`sources`) are its only
        // provenance.
        let attributes: Vec<String> = event
            .attributes
            .iter()
            .map(|(k, v)| format!("**{}:** {}", md(k), md(&v.to_string())))
            .collect();
        if !attributes.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", attributes.join(" · "))?;
        }
        if let Some(url) = timeline.event_url(event) {
            writeln!(out)?;
            let url = sanitize(url).replace(['<', '>', ' '], "");
            writeln!(out, "Source: <{url}>")?;
        }
        if let Some(summary) = &event.summary {
            writeln!(out)?;
            for line in summary.lines() {
                writeln!(out, "{}  ", md(line))?;
            }
        }
        for quote in &event.quotes {
            let source = timeline.source(quote.source);
            writeln!(out)?;
            writeln!(
                out,
                "> {}",
                md(&quote
                    .text(source)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "))
            )?;
            writeln!(out, ">")?;
            let title = match &source.url {
                Some(url) => format!(
                    "[{}]({})",
                    md(&source.title),
                    sanitize(url).replace(')', "%29")
                ),
                None => md(&source.title),
            };
            writeln!(out, "> — {title}, sentence {}", quote.sentence_number())?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct TimelineJsFile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<TimelineJsSlide<'a>>,
    events: Vec<TimelineJsSlide<'a>>,
}

#[derive(Serialize)]
struct TimelineJsSlide<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TimelineJsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TimelineJsDate>,
    text: TimelineJsText,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<&'a str>,
}

#[derive(Serialize)]
struct TimelineJsDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second: Option<u32>,
}

#[derive(Serialize)]
struct TimelineJsText {
    headline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    text: String,
}

fn timelinejs_date(point: crate::date::Point) -> TimelineJsDate {
    use chrono::{Datelike, Timelike};
    let day = point.first_day();
    // Precision is declared finest first: Second < Minute < Day < Month < Year.
    let has = |p: Precision| point.precision() <= p;
    let time = point.local_time().filter(|_| has(Precision::Minute));
    TimelineJsDate {
        // TimelineJS counts 44 BCE as -44, with no year 0; EDTF as -0043, 1 BCE being 0000.
        year: if day.year() <= 0 {
            day.year() - 1
        } else {
            day.year()
        },
        month: has(Precision::Month).then(|| day.month()),
        day: has(Precision::Day).then(|| day.day()),
        hour: time.map(|t| t.hour()),
        minute: time.map(|t| t.minute()),
        second: time.filter(|_| has(Precision::Second)).map(|t| t.second()),
    }
}

/// HTML-escapes text from the data for TimelineJS, which renders headline and text as HTML.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the events of `view` as TimelineJS3 JSON: only the date fields the precision
/// supports; a date the fields cannot hold whole (approximate, uncertain or with a UTC offset)
/// also gets a `display_date` showing it, which the TimelineJS import reads back.
pub fn write_timelinejs(
    timeline: &Timeline,
    name: &str,
    view: &[EventIx],
    out: &mut impl Write,
) -> io::Result<()> {
    let events = view
        .iter()
        .map(|ix| {
            let event = timeline.event(*ix);
            let mut text = String::new();
            if let Some(summary) = &event.summary {
                for paragraph in summary.lines().filter(|l| !l.trim().is_empty()) {
                    text.push_str(&format!("<p>{}</p>", html(paragraph)));
                }
            }
            let names = actor_names(timeline, event, ", ");
            if !names.is_empty() {
                text.push_str(&format!("<p><i>{}</i></p>", html(&names)));
            }
            for quote in &event.quotes {
                let source = timeline.source(quote.source);
                text.push_str(&format!(
                    "<blockquote>{}</blockquote><p>— {}</p>",
                    html(quote.text(source)),
                    html(&source.title)
                ));
            }
            TimelineJsSlide {
                start_date: Some(timelinejs_date(event.date.start())),
                end_date: event.date.end().map(timelinejs_date),
                text: TimelineJsText {
                    headline: html(&event.title),
                    text,
                },
                // TimelineJS draws one row per group: the event type groups best, and a
                // timeline read from TimelineJS has its groups as tags.
                group: event.kind.as_deref().or(event.tags.first().map(|t| &**t)),
                display_date: (event.date.is_uncertain()
                    || event.date.is_approximate()
                    || event.date.start().has_offset()
                    || event.date.end().is_some_and(|end| end.has_offset()))
                .then(|| event.date.to_string()),
                unique_id: Some(&event.id),
            }
        })
        .collect();
    let file = TimelineJsFile {
        title: Some(TimelineJsSlide {
            start_date: None,
            end_date: None,
            text: TimelineJsText {
                headline: html(name),
                text: String::new(),
            },
            group: None,
            display_date: None,
            unique_id: None,
        }),
        events,
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    writeln!(out)
}

/// A file format, chosen by the file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewFormat {
    Markdown,
    Csv,
    JsonLines,
}

impl ViewFormat {
    /// The format for `path`'s extension; the error says which extensions work.
    pub fn from_path(path: &str) -> Result<ViewFormat, String> {
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown") => Ok(ViewFormat::Markdown),
            Some("csv") => Ok(ViewFormat::Csv),
            Some("jsonl" | "ndjson") => Ok(ViewFormat::JsonLines),
            Some(other) => Err(format!(
                "'.{other}' is not a format chronicle writes: end the name in .md, .csv or .jsonl"
            )),
            None => Err("Add an extension to pick the format: .md, .csv or .jsonl".into()),
        }
    }
}

/// The events of `view` written in `format`, for the browser's export (`e`).
pub fn render(timeline: &Timeline, view: &[EventIx], format: ViewFormat, title: &str) -> String {
    let mut out = Vec::new();
    let written = match format {
        ViewFormat::Markdown => write_markdown(timeline, title, view, &mut out),
        ViewFormat::Csv => write_csv(timeline, view, &mut out),
        ViewFormat::JsonLines => view.iter().try_for_each(|ix| {
            let line = json_line(timeline, timeline.event(*ix)).map_err(io::Error::other)?;
            writeln!(out, "{line}")
        }),
    };
    // Writing into memory fails only on a serialisation error, which plain strings and
    // numbers do not have; keep whatever was written.
    let _ = written;
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn the_extension_picks_the_format() {
        assert_eq!(ViewFormat::from_path("a.md"), Ok(ViewFormat::Markdown));
        assert_eq!(ViewFormat::from_path("out/A.CSV"), Ok(ViewFormat::Csv));
        assert_eq!(ViewFormat::from_path("a.jsonl"), Ok(ViewFormat::JsonLines));
        assert!(ViewFormat::from_path("a.txt").is_err_and(|e| e.contains(".md, .csv or .jsonl")));
        assert!(ViewFormat::from_path("events").is_err());
    }

    #[test]
    fn exports_every_event_in_each_format() {
        let t = sample::timeline();
        let view = t.all_events();
        let md = render(&t, &view, ViewFormat::Markdown, "sample");
        assert_eq!(md.matches("\n## ").count(), view.len(), "{md}");
        assert!(md.contains("\n> "), "quotes are block quotes: {md}");
        let csv = render(&t, &view, ViewFormat::Csv, "sample");
        assert!(csv.starts_with("id,date,title,"));
        assert_eq!(csv.lines().count(), view.len() + 1);
        let jsonl = render(&t, &view, ViewFormat::JsonLines, "sample");
        assert_eq!(jsonl.lines().count(), view.len());
        for line in jsonl.lines() {
            assert!(
                serde_json::from_str::<serde_json::Value>(line).is_ok(),
                "{line}"
            );
        }
    }

    #[test]
    fn csv_cells_cannot_start_a_formula() {
        assert_eq!(spreadsheet_safe("=cmd()"), "'=cmd()");
        assert_eq!(spreadsheet_safe("+1"), "'+1");
        assert_eq!(spreadsheet_safe("plain"), "plain");
        assert_eq!(spreadsheet_safe("-17.83"), "-17.83");
        assert_eq!(spreadsheet_safe("-1+2"), "'-1+2");
    }
}
