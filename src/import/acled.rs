//! ACLED exports: CSV with a header row, in the current 31-column layout or older ones.
//!
//! Columns are found by header name, so older layouts (with `data_id`, `iso3`, upper-case
//! names or `ally_actor_1` for `assoc_actor_1`) read as well. A date is shown as precisely as
//! ACLED knows it: a week as an approximate interval of that week, a month as the month,
//! never as the made-up middle day ACLED records.

use std::collections::HashMap;
use std::io::{BufRead, Cursor, Read};

use chrono::{Duration, NaiveDate};

use super::{Builder, Input, RowCheck, Rows};
use crate::date::EdtfDate;
use crate::model::{Actor, ActorId, ActorKind, Event, Source};
use crate::problem::{quoted, Problem};

/// Where each column ACLED uses lies in this file's header.
struct Columns {
    at: HashMap<String, usize>,
    count: usize,
}

/// Columns every layout has.
const REQUIRED: [&str; 5] = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "actor1",
    "country",
];

impl Columns {
    fn new(header: &csv::StringRecord) -> Columns {
        let mut at = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
            let name = match name.as_str() {
                "ally_actor_1" => "assoc_actor_1".to_string(),
                "ally_actor_2" => "assoc_actor_2".to_string(),
                _ => name,
            };
            at.entry(name).or_insert(i);
        }
        Columns {
            at,
            count: header.len(),
        }
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.at
            .get(name)
            .and_then(|i| record.get(*i))
            .unwrap_or("")
            .trim()
    }
}

/// Reads an ACLED file into `builder`.
pub(crate) fn read(input: &Input, builder: &mut Builder, rows: &mut Rows) -> Result<(), Problem> {
    let mut file = input.open()?;
    // The delimiter is a comma, unless the header line has more tabs or semicolons.
    let mut first = Vec::new();
    file.read_until(b'\n', &mut first)
        .map_err(|e| input.problem(1, format!("cannot read: {e}")))?;
    let count = |b: u8| first.iter().filter(|c| **c == b).count();
    let delimiter = [b'\t', b';']
        .into_iter()
        .find(|d| count(*d) > count(b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        // Lines end at '\n' only, so that line numbers stay right in CRLF files; the '\r'
        // left on the last field is trimmed with the rest of the white space.
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(true)
        .flexible(true)
        .from_reader(Cursor::new(first).chain(file));
    let header = reader
        .headers()
        .map_err(|e| input.problem(1, format!("cannot read the header: {e}")))?
        .clone();
    let columns = Columns::new(&header);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| !columns.at.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        return Err(input.problem(
            1,
            format!(
                "the ACLED header has no {} column{}; it needs {}",
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" },
                REQUIRED.join(", ")
            ),
        ));
    }
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                if let csv::ErrorKind::Utf8 { .. } = e.kind() {
                    rows.count += 1;
                    rows.reject(vec![input.problem(line, "not valid UTF-8 text")]);
                    continue;
                }
                return Err(input.problem(line, format!("cannot read: {e}")));
            }
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        rows.count += 1;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut check = RowCheck::new(input, line);
        if record.len() != columns.count {
            check.row_problem(format!(
                "expected {} columns as in the header, found {}",
                columns.count,
                record.len()
            ));
            rows.reject(check.problems);
            continue;
        }
        match event(&record, &columns, &mut check, builder) {
            Some(event) if check.ok() => {
                if let Err(message) = builder.push_event(event) {
                    check.problem("event_id_cnty", message);
                    rows.reject(check.problems);
                }
            }
            _ => rows.reject(check.problems),
        }
    }
    Ok(())
}

fn event(
    record: &csv::StringRecord,
    columns: &Columns,
    check: &mut RowCheck,
    builder: &mut Builder,
) -> Option<Event> {
    let field = |name: &str| columns.get(record, name);
    let id = field("event_id_cnty");
    if id.is_empty() {
        check.problem("event_id_cnty", "empty; every event needs its ACLED id");
    }
    let recorded = recorded_day(check, field("event_date"));
    let precision = match field("time_precision") {
        "" | "1" => Some(Precision::Day),
        "2" => Some(Precision::Week),
        "3" => Some(Precision::Month),
        other => {
            check.problem(
                "time_precision",
                format!("{} is not 1 (day), 2 (week) or 3 (month)", quoted(other)),
            );
            None
        }
    };
    check.whole("year", field("year"));
    let fatalities = check.whole("fatalities", field("fatalities"));
    if fatalities.is_some_and(|f| f < 0) {
        check.problem(
            "fatalities",
            format!("{} is negative", quoted(field("fatalities"))),
        );
    }
    let latitude = check.number("latitude", field("latitude"));
    let longitude = check.number("longitude", field("longitude"));
    if latitude.is_some_and(|l| !(-90.0..=90.0).contains(&l)) {
        check.problem(
            "latitude",
            format!("{} is not between -90 and 90", quoted(field("latitude"))),
        );
    }
    if longitude.is_some_and(|l| !(-180.0..=180.0).contains(&l)) {
        check.problem(
            "longitude",
            format!("{} is not between -180 and 180", quoted(field("longitude"))),
        );
    }
    let kind1 = inter_kind(check, "inter1", field("inter1"));
    let kind2 = inter_kind(check, "inter2", field("inter2"));
    let actor1 = field("actor1");
    if actor1.is_empty() {
        check.problem("actor1", "empty; every ACLED event has a first actor");
    }
    let event_type = field("event_type");
    if event_type.is_empty() {
        check.problem("event_type", "empty");
    }
    let (recorded, precision) = (recorded?, precision?);
    let date = dated(check, recorded, precision)?;
    if !check.ok() {
        return None;
    }

    let mut actors: Vec<ActorId> = Vec::new();
    let mut add = |builder: &mut Builder, name: &str, kind: Option<ActorKind>| {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let id = builder.actor(&format!("acled\t{name}"), || Actor {
            id: String::new(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        });
        if let Some(actor) = builder.actor_mut(id) {
            actor.kind = actor.kind.or(kind);
        }
        if !actors.contains(&id) {
            actors.push(id);
        }
    };
    add(builder, actor1, kind1);
    for name in field("assoc_actor_1").split(';') {
        add(builder, name, None);
    }
    add(builder, field("actor2"), kind2);
    for name in field("assoc_actor_2").split(';') {
        add(builder, name, None);
    }

    let mut attributes = Vec::new();
    let mut attribute = |name: &str, value: &str| {
        if !value.is_empty() {
            attributes.push((name.to_string(), value.to_string()));
        }
    };
    if precision != Precision::Day {
        attribute("recorded_date", &recorded.format("%Y-%m-%d").to_string());
    }
    for name in [
        "fatalities",
        "disorder_type",
        "inter1",
        "inter2",
        "interaction",
        "civilian_targeting",
        "source_scale",
    ] {
        attribute(name, field(name));
    }
    if let (Some(lat), Some(lon)) = (latitude, longitude) {
        attribute("coordinates", &format!("{lat}, {lon}"));
    }
    let source_names: Vec<&str> = field("source")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for name in &source_names {
        builder.source(&format!("acled-source\t{name}"), name, || Source {
            id: String::new(),
            title: name.to_string(),
            publisher: Some(name.to_string()),
            url: None,
            published: None,
            sha256: None,
            file: String::new(),
            text: String::new(),
            sentences: Vec::new(),
        });
    }
    attribute("sources", &source_names.join("; "));

    let sub_event_type = field("sub_event_type");
    let what = if sub_event_type.is_empty() {
        event_type
    } else {
        sub_event_type
    };
    let actor2 = field("actor2");
    let title = if actor2.is_empty() {
        format!("{what}: {actor1}")
    } else {
        format!("{what}: {actor1} vs {actor2}")
    };
    let kind = if sub_event_type.is_empty() {
        event_type.to_string()
    } else {
        format!("{event_type} / {sub_event_type}")
    };
    let mut places: Vec<&str> = Vec::new();
    for place in [field("location"), field("admin1"), field("country")] {
        if !place.is_empty() && !places.contains(&place) {
            places.push(place);
        }
    }
    let tags = field("tags")
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| builder.labels.get(t))
        .collect();
    Some(Event {
        id: id.into(),
        date,
        title: title.into(),
        summary: Some(field("notes"))
            .filter(|n| !n.is_empty())
            .map(Box::from),
        kind: Some(builder.labels.get(&kind)),
        actors: actors.into(),
        location: Some(places.join(", "))
            .filter(|p| !p.is_empty())
            .map(|p| builder.labels.get(&p)),
        tags,
        quotes: Vec::new(),
        attributes,
    })
}

/// ACLED's time precision codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Precision {
    /// 1: the source gives the day.
    Day,
    /// 2: the source gives a week (or weekend); ACLED records its middle day.
    Week,
    /// 3: only the month is known; ACLED records mid-month (or its first or last day).
    Month,
}

/// The day ACLED recorded: `2021-03-04` or `4 March 2021` (also `04-March-2021`, `4 Mar 2021`,
/// and `04/03/2021` from older spreadsheet exports).
fn recorded_day(check: &mut RowCheck, value: &str) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d %B %Y"))
        .or_else(|_| NaiveDate::parse_from_str(value, "%d-%B-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(value, "%d %b %Y"))
        .or_else(|_| NaiveDate::parse_from_str(value, "%d-%b-%Y"))
        // Older exports saved from spreadsheets; ACLED writes the day first.
        .or_else(|_| NaiveDate::parse_from_str(value, "%d/%m/%Y"));
    match parsed {
        Ok(day) => Some(day),
        Err(_) => {
            check.problem(
                "event_date",
                format!(
                    "{} is not a date; expected YYYY-MM-DD, 'DD Month YYYY' or DD/MM/YYYY",
                    quoted(value)
                ),
            );
            None
        }
    }
}

/// The date as precisely as ACLED knows it, composed as EDTF: `2021-03-04`; a week as the
/// approximate interval `2021-03-01/2021-03-07~` around the recorded middle day; a month as
/// `2021-03`.
fn dated(check: &mut RowCheck, day: NaiveDate, precision: Precision) -> Option<EdtfDate> {
    let composed = match precision {
        Precision::Day => day.format("%Y-%m-%d").to_string(),
        Precision::Week => format!(
            "{}/{}~",
            (day - Duration::days(3)).format("%Y-%m-%d"),
            (day + Duration::days(3)).format("%Y-%m-%d")
        ),
        Precision::Month => day.format("%Y-%m").to_string(),
    };
    match EdtfDate::parse(&composed) {
        Ok(date) => Some(date),
        Err(e) => {
            check.problem("event_date", format!("{}: {e}", quoted(&composed)));
            None
        }
    }
}

/// The kind of actor an ACLED inter code names: numeric (older files, 0 to 8) or text
/// ("State forces", current files). Unknown text is kept without a kind.
fn inter_kind(check: &mut RowCheck, column: &str, value: &str) -> Option<ActorKind> {
    if value.is_empty() {
        return None;
    }
    if let Ok(code) = value.parse::<u32>() {
        return match code {
            0 => None,
            1 => Some(ActorKind::State),
            2..=7 => Some(ActorKind::Group),
            8 => Some(ActorKind::Other),
            _ => {
                check.problem(
                    column,
                    format!(
                        "{} is not an ACLED actor type (0 to 8, or a name such as 'State forces')",
                        quoted(value)
                    ),
                );
                None
            }
        };
    }
    let lower = value.to_lowercase();
    if lower.starts_with("state") {
        Some(ActorKind::State)
    } else if ["rebel", "militia", "rioter", "protester", "civilian"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(ActorKind::Group)
    } else if lower.contains("external") || lower.contains("other") {
        Some(ActorKind::Other)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_approximate_intervals_and_months_stay_months() {
        let input = super::super::Input {
            path: std::path::Path::new("x.csv"),
            shown: "x.csv",
        };
        let mut check = RowCheck::new(&input, 2);
        let day = NaiveDate::from_ymd_opt(2021, 3, 4).unwrap_or_default();
        let week = dated(&mut check, day, Precision::Week).map(|d| d.edtf());
        assert_eq!(week.as_deref(), Some("2021-03-01/2021-03-07~"));
        let month = dated(&mut check, day, Precision::Month).map(|d| d.edtf());
        assert_eq!(month.as_deref(), Some("2021-03"));
        assert_eq!(recorded_day(&mut check, "4 March 2021"), Some(day));
        assert!(check.ok());
        assert_eq!(recorded_day(&mut check, "2021/03/04"), None);
        assert_eq!(
            check.problems[0].to_string(),
            "x.csv:2: event_date: '2021/03/04' is not a date; expected YYYY-MM-DD, 'DD Month YYYY' or DD/MM/YYYY"
        );
    }
}
