//! TimelineJS3 JSON: `{"title": slide, "events": [slide, ...], "eras": [...]}`.
//!
//! A slide's dates are objects whose fields may be numbers or strings (the published examples
//! write `"1963"`), empty strings meaning absent. Headline and text are HTML, kept here as
//! plain text; the media credit becomes a source without text and the group a tag.
//!
//! chronicle's model has no title or eras, so the title slide's headline names the dataset
//! (when the file is imported alone) and each era becomes an event tagged `era`, dated by its
//! interval. Negative years are TimelineJS's years before the common era (it shows -44 as
//! "44 BCE"); EDTF counts 1 BCE as 0000, so -44 is read as -0043. A finer field without the
//! coarser one (a day without a month) is refused, never dropped.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::{plain_text, slug, Builder, Input, Rows};
use crate::date::{edtf_year, EdtfDate, Point};
use crate::model::{Event, Label, Source, Value as AttributeValue};
use crate::problem::{quoted, Problem};

#[derive(Deserialize)]
struct RawTimeline {
    title: Option<Value>,
    #[serde(default)]
    events: Vec<Value>,
    #[serde(default)]
    eras: Vec<Value>,
}

/// The tag that marks an era read as an event.
pub const ERA_TAG: &str = "era";

#[derive(Deserialize)]
struct RawSlide {
    start_date: Option<RawDate>,
    end_date: Option<RawDate>,
    text: Option<RawText>,
    media: Option<RawMedia>,
    group: Option<String>,
    display_date: Option<String>,
    unique_id: Option<String>,
}

#[derive(Deserialize)]
struct RawDate {
    year: Option<Value>,
    month: Option<Value>,
    day: Option<Value>,
    hour: Option<Value>,
    minute: Option<Value>,
    second: Option<Value>,
    display_date: Option<String>,
}

#[derive(Deserialize)]
struct RawText {
    headline: Option<String>,
    text: Option<String>,
}

#[derive(Deserialize)]
struct RawMedia {
    url: Option<String>,
    credit: Option<String>,
}

/// Reads a TimelineJS3 file into `builder`. The JSON is read from a buffered stream; a slide
/// with a bad field is reported by its position in `events` and its headline.
pub(crate) fn read(input: &Input, builder: &mut Builder, rows: &mut Rows) -> Result<(), Problem> {
    // A TimelineJS file is loaded whole by the browser too, so it is small enough to read at
    // once; having the text gives each slide's line for messages.
    let mut text = String::new();
    input
        .open()?
        .read_to_string(&mut text)
        .map_err(|e| Problem::new(input.shown, None, format!("cannot read: {e}")))?;
    let timeline: RawTimeline = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |at| &message[..at])
            .replace('`', "'");
        Problem::new(
            input.shown,
            Some(e.line().max(1)),
            format!("not TimelineJS JSON: {message}"),
        )
        .with_column(e.column())
    })?;
    let stem = input
        .path
        .file_stem()
        .map(|s| slug(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "event".to_string());
    if let Some(title) = timeline
        .title
        .and_then(|t| serde_json::from_value::<RawSlide>(t).ok())
        .and_then(|t| t.text)
        .and_then(|t| t.headline)
        .map(|h| plain_text(&h).replace('\n', " "))
        .filter(|h| !h.is_empty())
    {
        builder.title.get_or_insert(title);
    }
    let slides = [
        ("events", timeline.events, element_lines(&text, "events")),
        ("eras", timeline.eras, element_lines(&text, "eras")),
    ];
    for (list, values, lines) in slides {
        for (index, value) in values.into_iter().enumerate() {
            let line = lines.get(index).copied();
            let era = list == "eras";
            let id = if era {
                format!("{stem}-era-{}", index + 1)
            } else {
                format!("{stem}-{}", index + 1)
            };
            let at = (format!("{list}[{index}]"), index, line);
            slide(input, builder, rows, value, at, id, era);
        }
    }
    Ok(())
}

/// Reads one slide of `events` or `eras`, at `events[index]` on `line`, as an event
/// (`default_id` unless it has a `unique_id`); an era is tagged `era`.
fn slide(
    input: &Input,
    builder: &mut Builder,
    rows: &mut Rows,
    value: Value,
    (at, index, line): (String, usize, Option<usize>),
    default_id: String,
    era: bool,
) {
    rows.count += 1;
    let slide: RawSlide = match serde_json::from_value(value) {
        Ok(slide) => slide,
        Err(e) => {
            let message = e.to_string().replace('`', "'");
            rows.reject(vec![Problem::new(
                input.shown,
                line,
                format!("{at}: {message}"),
            )]);
            return;
        }
    };
    let mut problems = Vec::new();
    let event = event(&slide, index, default_id, &mut |field, message| {
        let headline = slide
            .text
            .as_ref()
            .and_then(|t| t.headline.as_deref())
            .map(plain_text)
            .filter(|h| !h.is_empty())
            .map(|h| format!(" ({})", quoted(&h.replace('\n', " "))))
            .unwrap_or_default();
        problems.push(Problem::new(
            input.shown,
            line,
            format!("{at}{headline}: {field}: {message}"),
        ));
    });
    match event {
        Some((mut event, credit)) if problems.is_empty() => {
            if let Some((credit, url)) = credit {
                builder.source(&format!("credit\t{credit}"), &credit, || Source {
                    id: String::new(),
                    title: credit.clone(),
                    publisher: None,
                    url,
                    published: None,
                    sha256: None,
                    file: String::new(),
                    text: String::new(),
                    sentences: Vec::new(),
                });
                builder.labels.shapes.push(
                    &mut event.attributes,
                    "credit".into(),
                    AttributeValue::text(credit),
                );
            }
            if era {
                let mut tags = vec![Label::from(ERA_TAG)];
                tags.extend(event.tags.iter().cloned());
                event.tags = tags.into();
            }
            if let Err(message) = builder.push_event(event, input.shown, line) {
                rows.reject(vec![Problem::new(
                    input.shown,
                    line,
                    format!("{at}: unique_id: {message}"),
                )]);
            }
        }
        _ => rows.reject(problems),
    }
}

/// The 1-based line on which each element of the top-level array `key` (`"events"`, `"eras"`)
/// starts, found by a light scan of the (already valid) JSON text.
fn element_lines(text: &str, key: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    let mut key_is_events = false;
    let mut in_events = false;
    let mut expect_element = false;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 1 {
                    key_is_events = &text[string_start..i] == key;
                }
            }
            continue;
        }
        if b.is_ascii_whitespace() || b == b':' {
            continue;
        }
        let at_element = in_events && depth == 2;
        if at_element && expect_element && !matches!(b, b',' | b']') {
            lines.push(line);
            expect_element = false;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b'{' | b'[' => {
                depth += 1;
                if b == b'[' && depth == 2 && key_is_events {
                    in_events = true;
                    expect_element = true;
                }
            }
            b'}' | b']' => {
                if at_element {
                    in_events = false;
                    key_is_events = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if at_element => expect_element = true,
            _ => {}
        }
    }
    lines
}

type Credit = Option<(String, Option<String>)>;

/// Converts one slide; problems go to `report(field, message)`.
fn event(
    slide: &RawSlide,
    index: usize,
    default_id: String,
    report: &mut dyn FnMut(&str, String),
) -> Option<(Event, Credit)> {
    let Some(start) = &slide.start_date else {
        report(
            "start_date",
            "missing; every event needs a start date".into(),
        );
        return None;
    };
    let start_text = compose(start, "start_date", report)?;
    let end_text = match &slide.end_date {
        Some(end) if has_any(end) => Some(compose(end, "end_date", report)?),
        _ => None,
    };
    let composed = match &end_text {
        Some(end) => format!("{start_text}/{end}"),
        None => start_text,
    };
    let fields_date = match EdtfDate::parse(&composed) {
        Ok(date) => date,
        Err(e) => {
            let field = if end_text.is_some() {
                "end_date"
            } else {
                "start_date"
            };
            report(field, e.to_string());
            return None;
        }
    };
    let headline = slide
        .text
        .as_ref()
        .and_then(|t| t.headline.as_deref())
        .map(plain_text)
        .unwrap_or_default()
        .replace('\n', " ");
    let summary = slide
        .text
        .as_ref()
        .and_then(|t| t.text.as_deref())
        .map(plain_text)
        .filter(|t| !t.is_empty());
    let title = if headline.is_empty() {
        summary
            .as_deref()
            .and_then(|s| s.lines().next())
            .map(|s| s.chars().take(80).collect())
            .unwrap_or_else(|| format!("Untitled event {}", index + 1))
    } else {
        headline
    };
    let id = slide
        .unique_id
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map_or(default_id, str::to_string);
    let mut attributes = Vec::new();
    let display = slide
        .display_date
        .as_deref()
        .or(start.display_date.as_deref())
        .map(plain_text)
        .filter(|d| !d.is_empty());
    // TimelineJS's date fields have no room for `?`, `~` or a UTC offset, so chronicle's export
    // shows them in `display_date`: a display date that names the same dates as the fields
    // is the date, with what the fields lost. Any other display date is kept as written.
    let date = display
        .as_deref()
        .and_then(|d| {
            EdtfDate::parse(d)
                .ok()
                .or_else(|| EdtfDate::parse_display(d))
        })
        .filter(|shown| *shown != fields_date && same_dates(shown, &fields_date));
    let date = match date {
        Some(shown) => shown,
        None => {
            if let Some(display) = display {
                attributes.push(("display_date".into(), AttributeValue::text(display)));
            }
            fields_date
        }
    };
    let media_url = slide
        .media
        .as_ref()
        .and_then(|m| m.url.as_deref())
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if let Some(url) = media_url {
        attributes.push(("media".into(), AttributeValue::text(url)));
    }
    let credit = slide
        .media
        .as_ref()
        .and_then(|m| m.credit.as_deref())
        .map(|html| (plain_text(html).replace('\n', " "), first_link(html)))
        .filter(|(c, _)| !c.is_empty());
    let tags = slide
        .group
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(|g| Box::new([Label::from(g)]) as Box<[Label]>)
        .unwrap_or_default();
    Some((
        Event {
            id: id.into(),
            date,
            title: title.into(),
            summary: summary.map(Box::from),
            kind: None,
            actors: Box::default(),
            location: None,
            tags,
            quotes: Box::default(),
            attributes: attributes.into(),
            roles: Box::default(),
            region: None,
            point: None,
        },
        credit,
    ))
}

/// Whether two dates name the same period: the same start and end, each with the same first
/// day, precision and time of day as written. Qualifiers and UTC offsets are not compared.
fn same_dates(a: &EdtfDate, b: &EdtfDate) -> bool {
    let same = |a: Point, b: Point| {
        a.precision() == b.precision()
            && a.first_day() == b.first_day()
            && a.local_time() == b.local_time()
    };
    same(a.start(), b.start())
        && match (a.end(), b.end()) {
            (None, None) => true,
            (Some(a), Some(b)) => same(a, b),
            _ => false,
        }
}

/// The first `href` in a credit's HTML, as the source's address.
fn first_link(html: &str) -> Option<String> {
    let at = html.find("href=")? + 5;
    let rest = &html[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    let end = rest.find(quote)?;
    Some(rest[..end].to_string()).filter(|u| !u.is_empty())
}

/// Whether any date field is filled in (`end_date: {"year": ""}` means no end).
fn has_any(date: &RawDate) -> bool {
    [&date.year, &date.month, &date.day].into_iter().any(|v| {
        !matches!(v, None | Some(Value::Null)) && v.as_ref().is_some_and(|v| v.as_str() != Some(""))
    })
}

/// A whole number from a number or a string; `Ok(None)` when absent or empty.
fn number(value: &Option<Value>) -> Result<Option<i64>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .map(Some)
            .ok_or_else(|| format!("{n} is not a whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("{} is not a whole number", quoted(s))),
        Some(other) => Err(format!("{other} is not a number")),
    }
}

/// The EDTF text of a TimelineJS date, with only the fields it gives.
fn compose(date: &RawDate, name: &str, report: &mut dyn FnMut(&str, String)) -> Option<String> {
    let mut get =
        |field: &str, value: &Option<Value>, range: std::ops::RangeInclusive<i64>| match number(
            value,
        ) {
            Ok(Some(n)) if !range.contains(&n) => {
                report(
                    &format!("{name}.{field}"),
                    format!("{n} is not between {} and {}", range.start(), range.end()),
                );
                Err(())
            }
            Ok(n) => Ok(n),
            Err(message) => {
                report(&format!("{name}.{field}"), message);
                Err(())
            }
        };
    let year = get("year", &date.year, -9999..=9999);
    let month = get("month", &date.month, 1..=12);
    let day = get("day", &date.day, 1..=31);
    let hour = get("hour", &date.hour, 0..=23);
    let minute = get("minute", &date.minute, 0..=59);
    let second = get("second", &date.second, 0..=59);
    let (Ok(year), Ok(month), Ok(day), Ok(hour), Ok(minute), Ok(second)) =
        (year, month, day, hour, minute, second)
    else {
        return None;
    };
    let Some(year) = year else {
        report(
            &format!("{name}.year"),
            "missing; a date needs at least a year".into(),
        );
        return None;
    };
    if year == 0 {
        report(
            &format!("{name}.year"),
            "0 is not a year: TimelineJS writes 1 BCE as -1 and has no year 0".into(),
        );
        return None;
    }
    // A finer field needs the coarser one: a day without its month names no day.
    let fields = [
        ("month", month),
        ("day", day),
        ("hour", hour),
        ("minute", minute),
        ("second", second),
    ];
    let mut orphan = false;
    for pair in fields.windows(2) {
        let [(coarse, None), (fine, Some(value))] = pair else {
            continue;
        };
        report(
            &format!("{name}.{fine}"),
            format!("{value} is given without the {coarse}; give the {coarse} too, or leave out the {fine}"),
        );
        orphan = true;
    }
    if orphan {
        return None;
    }
    let mut text = edtf_year(astronomical_year(year));
    let Some(month) = month else {
        return Some(text);
    };
    text.push_str(&format!("-{month:02}"));
    let Some(day) = day else {
        return Some(text);
    };
    text.push_str(&format!("-{day:02}"));
    if let Some(hour) = hour {
        text.push_str(&format!("T{hour:02}:{:02}", minute.unwrap_or(0)));
        if let Some(second) = second {
            text.push_str(&format!(":{second:02}"));
        }
    }
    Some(text)
}

/// TimelineJS's year (-44 for 44 BCE; no year 0) as EDTF counts it (-0043; 0000 is 1 BCE).
fn astronomical_year(year: i64) -> i32 {
    let year = if year < 0 { year + 1 } else { year };
    year as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_slide() {
        let text = "{\"title\": {\"events\": [1]},\n \"events\": [\n  {\"a\": \"}\\\"\"},\n  {\"b\": [\n1]}, {}\n ],\n \"eras\": [{}]}";
        assert_eq!(element_lines(text, "events"), [3, 4, 5]);
        assert_eq!(element_lines(text, "eras"), [7]);
    }
}
