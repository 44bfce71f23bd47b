//! ACLED exports: CSV with a header row, in the current 31-column layout or older ones.
//!
//! Columns are found by header name, so older layouts (with `data_id`, `iso3`, upper-case
//! names or `ally_actor_1` for `assoc_actor_1`) read as well. A date is shown as precisely as
//! ACLED knows it: a week as an approximate interval of that week, a month as the month,
//! never as the made-up middle day ACLED records.
//!
//! Nothing is read by guess: a two-digit year takes its century from the row's `year`, which
//! must agree with `event_date`; slash dates are read in the one order the file's own dates
//! (or `--date-order`) allow; coordinates must fit the row's country and the sub-event type
//! its event type, or the row is refused (swapped columns) or counted in a note (odd values
//! that may be right).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};

use chrono::{DateTime, Duration, NaiveDate};

use super::plausible::{self, AcledTypes, Fit};
use super::{keep_row, Builder, DateOrder, Input, NoteKind, RowCheck, Rows};
use crate::date::{month_number, EdtfDate, MONTHS};
use crate::model::{Actor, ActorId, ActorKind, Event, Point, Role, Roles};
use crate::problem::{quoted, Problem};

/// Columns kept as text attributes of the same name.
const TEXT_ATTRIBUTES: [&str; 9] = [
    "disorder_type",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "source_scale",
    "admin3",
    "iso",
    "iso3",
];

/// Attributes of few values (a handful of codes, a country's, geo_precision's 1 to 3): held
/// once for each combination of them rather than in every event (see
/// `Shapes::hold_in_shape`).
const FEW_VALUES: [&str; 10] = [
    "disorder_type",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "source_scale",
    "iso",
    "iso3",
    "world_region",
    "geo_precision",
];

/// Every column chronicle reads, in some layout (`ally_actor_N` is read as `assoc_actor_N`).
const READ: [&str; 32] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "iso3",
];

/// Columns of older layouts left out on purpose, each said by another: `data_id` is ACLED's
/// row number in one download, `event_id_no_cnty` is `event_id_cnty` without its country
/// letters. (`year` and `time_precision` are read: checked against the date, and in it.)
const DROPPED: [&str; 2] = ["data_id", "event_id_no_cnty"];

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

type CsvReader = csv::Reader<std::io::Chain<Cursor<Vec<u8>>, BufReader<File>>>;

/// Opens the file as CSV, with its header. The delimiter is a comma, unless the header line
/// has more tabs or semicolons.
fn open(input: &Input) -> Result<(CsvReader, Columns), Problem> {
    let mut file = input.open()?;
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
    Ok((reader, Columns::new(&header)))
}

/// Reads an ACLED file into `builder`; `order` is `--date-order`, if given.
pub(crate) fn read(
    input: &Input,
    order: Option<DateOrder>,
    builder: &mut Builder,
    rows: &mut Rows,
) -> Result<(), Problem> {
    let (mut reader, columns) = open(input)?;
    builder.labels.shapes.hold_in_shape(&FEW_VALUES);
    // A column this reader does not know would be lost without a word: it is named.
    let mut unknown: Vec<&str> = columns
        .at
        .keys()
        .map(String::as_str)
        .filter(|c| !READ.contains(c) && !DROPPED.contains(c))
        .collect();
    if !unknown.is_empty() {
        unknown.sort_unstable();
        builder.notes.push(Problem::new(
            input.shown,
            None,
            format!(
                "column{} {} not kept: chronicle does not know {}",
                if unknown.len() == 1 { "" } else { "s" },
                unknown
                    .iter()
                    .map(|c| quoted(c))
                    .collect::<Vec<_>>()
                    .join(", "),
                if unknown.len() == 1 { "it" } else { "them" }
            ),
        ));
    }
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| !columns.at.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        // Every column missing: the list once, not as what lacks and again as what is needed.
        let message = if missing.len() == REQUIRED.len() {
            format!(
                "the ACLED header has none of the columns it needs: {}",
                REQUIRED.join(", ")
            )
        } else {
            format!(
                "the ACLED header has no {} column{}; it needs {}",
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" },
                REQUIRED.join(", ")
            )
        };
        return Err(input.problem(1, message));
    }
    // The order of slash dates: given, or told from the whole file at its first slash date.
    let mut slash: Option<SlashOrder> = order.map(|order| SlashOrder {
        order,
        why: format!("as --date-order {} says", order.flag()),
    });
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
        if slash.is_none() && columns.get(&record, "event_date").contains('/') {
            let told = tell_slash_order(input)?;
            if let Some(note) = &told.note {
                builder
                    .notes
                    .push(Problem::new(input.shown, None, note.clone()));
            }
            slash = Some(told.order);
        }
        let read = event(&record, &columns, slash.as_ref(), &mut check, builder);
        keep_row(builder, rows, check, read, "event_id_cnty");
    }
    Ok(())
}

use super::Notes;

/// Converts one row; `None` (with problems in `check`) when it is invalid.
fn event(
    record: &csv::StringRecord,
    columns: &Columns,
    slash: Option<&SlashOrder>,
    check: &mut RowCheck,
    builder: &mut Builder,
) -> Option<(Event, Notes)> {
    let field = |name: &str| columns.get(record, name);
    let id = field("event_id_cnty");
    if id.is_empty() {
        check.problem("event_id_cnty", "empty; every event needs its ACLED id");
    }
    let year = check.whole("year", field("year"));
    let recorded = recorded_day(check, field("event_date"), year, slash);
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
    let fatalities = check.whole("fatalities", field("fatalities"));
    // Analysts filter on geo_precision (1 the place itself .. 3 a wider area) and sort on
    // when ACLED entered a row: both kept as numbers.
    let geo_precision = check.whole("geo_precision", field("geo_precision"));
    let timestamp = check.whole("timestamp", field("timestamp"));
    if fatalities.is_some_and(|f| f < 0) {
        check.problem(
            "fatalities",
            format!("{} is negative", quoted(field("fatalities"))),
        );
    }
    let mut notes = Notes::new();
    let latitude = check.number("latitude", field("latitude"));
    let longitude = check.number("longitude", field("longitude"));
    coordinates(check, &field, latitude, longitude, &mut notes);
    let kind1 = inter_kind(check, "inter1", field("inter1"));
    let kind2 = inter_kind(check, "inter2", field("inter2"));
    let actor1 = field("actor1");
    if actor1.is_empty() {
        check.problem("actor1", "empty; every ACLED event has a first actor");
    }
    let event_type = field("event_type");
    let sub_event_type = field("sub_event_type");
    if event_type.is_empty() {
        check.problem("event_type", "empty");
    } else {
        types(check, event_type, sub_event_type, &mut notes);
    }
    let (recorded, precision) = (recorded?, precision?);
    let date = dated(check, recorded, precision)?;
    if !check.ok() {
        return None;
    }

    let mut actors: Vec<ActorId> = Vec::new();
    let mut roles: Vec<Roles> = Vec::new();
    // An actor named twice in a row holds each part it is named in.
    let mut add = |builder: &mut Builder, name: &str, kind: Option<ActorKind>, role: Role| {
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
        match actors.iter().position(|a| *a == id) {
            Some(nth) => roles[nth] = roles[nth].with(role),
            None => {
                actors.push(id);
                roles.push(Roles::one(role));
            }
        }
    };
    // assoc_actor_1 stands with actor1, assoc_actor_2 with actor2: the side is kept.
    add(builder, actor1, kind1, Role::Source);
    for name in field("assoc_actor_1").split(';') {
        add(builder, name, None, Role::AssociatedSource);
    }
    add(builder, field("actor2"), kind2, Role::Target);
    for name in field("assoc_actor_2").split(';') {
        add(builder, name, None, Role::AssociatedTarget);
    }

    // Room for every column kept (the recorded date, the text columns, world_region,
    // sources, three numbers): grown one push at a time, the list would be copied and
    // leave holes among the events kept.
    let mut attributes = Vec::with_capacity(TEXT_ATTRIBUTES.len() + 6);
    let mut attribute = |builder: &mut Builder, name: &str, value: &str| {
        if !value.is_empty() {
            attributes.push(builder.text(name, value));
        }
    };
    if precision != Precision::Day {
        attribute(
            builder,
            "recorded_date",
            &recorded.format("%Y-%m-%d").to_string(),
        );
    }
    // Codes (inter1, interaction, iso) are categories, not quantities: they stay text.
    for name in TEXT_ATTRIBUTES {
        attribute(builder, name, field(name));
    }
    // ACLED's `region` ("Middle Africa") is not the event's region (its country and areas).
    attribute(builder, "world_region", field("region"));
    let point = match (latitude, longitude) {
        (Some(lat), Some(lon)) => Some(Point { lat, lon }),
        _ => None,
    };
    let source_names: Vec<&str> = field("source")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    // The outlets are names only (no address, no text) that no quote could point into: they
    // stay the event's `sources` attribute, not source records nothing links to.
    attribute(builder, "sources", &source_names.join("; "));
    for (name, value) in [
        ("fatalities", fatalities),
        ("geo_precision", geo_precision),
        ("timestamp", timestamp),
    ] {
        if value.is_some() {
            attributes.push(builder.number(name, field(name)));
        }
    }
    let region = builder.labels.region(
        Some(field("country")),
        Some(field("admin1")),
        Some(field("admin2")),
    );

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
    let event = Event {
        id: id.into(),
        date,
        title: builder.labels.get(&title),
        summary: Some(field("notes"))
            .filter(|n| !n.is_empty())
            .map(Box::from),
        kind: Some(builder.labels.get(&kind)),
        actors: actors.into(),
        location: Some(places.join(", "))
            .filter(|p| !p.is_empty())
            .map(|p| builder.labels.get(&p)),
        tags,
        quotes: Box::default(),
        attributes: builder.attributes(attributes),
        roles: roles.into(),
        region,
        point: point.map(|p| builder.labels.point(p)),
    };
    Some((event, notes))
}

/// Checks latitude and longitude: in range, and inside the row's country (found by its ISO
/// numeric code, else its name). A point that fits only the other way round is a problem (the
/// header swaps the columns); one outside either way, or whose country the table lacks, a note.
fn coordinates<'r>(
    check: &mut RowCheck,
    field: &impl Fn(&str) -> &'r str,
    latitude: Option<f64>,
    longitude: Option<f64>,
    notes: &mut Notes,
) {
    let table = plausible::countries();
    let country = field("country");
    let found = Some(field("iso"))
        .filter(|iso| !iso.is_empty() && *iso != "0")
        .and_then(|iso| table.by_iso_numeric(iso))
        .or_else(|| table.by_name(country));
    let fit = match (latitude, longitude, found) {
        (Some(lat), Some(lon), Some(country)) => Some((country, country.fit(lat, lon))),
        _ => None,
    };
    if let Some((country, Fit::Swapped)) = fit {
        check.problem(
            "latitude",
            format!(
                "{} and longitude {} look swapped: the point lies outside {} as written, and \
                 inside it the other way round; check the header",
                quoted(field("latitude")),
                quoted(field("longitude")),
                country.name
            ),
        );
        return;
    }
    let mut in_range = true;
    if latitude.is_some_and(|l| !(-90.0..=90.0).contains(&l)) {
        check.problem(
            "latitude",
            format!("{} is not between -90 and 90", quoted(field("latitude"))),
        );
        in_range = false;
    }
    if longitude.is_some_and(|l| !(-180.0..=180.0).contains(&l)) {
        check.problem(
            "longitude",
            format!("{} is not between -180 and 180", quoted(field("longitude"))),
        );
        in_range = false;
    }
    let (Some(lat), Some(lon), true) = (latitude, longitude, in_range) else {
        return;
    };
    match fit {
        Some((_, Fit::Inside | Fit::Swapped)) => {}
        Some((country, Fit::Outside)) => notes.push((
            NoteKind::OutsideCountry,
            format!("{}: {lat}, {lon}", country.name),
        )),
        None if country.is_empty() => {}
        None => notes.push((NoteKind::Unchecked, country.to_string())),
    }
}

/// Checks the event type and sub-event type against ACLED's codebook.
fn types(check: &mut RowCheck, event_type: &str, sub_event_type: &str, notes: &mut Notes) {
    match plausible::acled_types(event_type, sub_event_type) {
        AcledTypes::Fits => {}
        AcledTypes::Swapped => check.problem(
            "event_type",
            format!(
                "{} and sub_event_type {} look swapped: ACLED's codebook files {} under {}; \
                 check the header",
                quoted(event_type),
                quoted(sub_event_type),
                quoted(event_type),
                quoted(sub_event_type)
            ),
        ),
        AcledTypes::SubInEventType(parent) => check.problem(
            "event_type",
            format!(
                "{} is a sub-event type in ACLED's codebook (of {}), not an event type; \
                 check the header",
                quoted(event_type),
                quoted(parent)
            ),
        ),
        AcledTypes::WrongParent(parent) => check.problem(
            "sub_event_type",
            format!(
                "{} is not a sub-event type of {} in ACLED's codebook, but of {}",
                quoted(sub_event_type),
                quoted(event_type),
                quoted(parent)
            ),
        ),
        AcledTypes::UnknownEventType => {
            notes.push((NoteKind::UnknownEventType, event_type.to_string()))
        }
        AcledTypes::UnknownSubEventType => {
            notes.push((NoteKind::UnknownSubEventType, sub_event_type.to_string()))
        }
    }
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

/// A year as written in `event_date`: in full, or its last two digits (`30-Jun-22`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Year {
    Full(i32),
    Short(u32),
}

/// An `event_date` as written, before the row's `year` and the file's slash order resolve it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// The month and day are known: `2021-03-04`, `4 March 2021`, `04-Mar-21`.
    Named { year: Year, month: u32, day: u32 },
    /// `04/03/2021`: day and month in the file's order.
    Slash { first: u32, second: u32, year: Year },
}

/// Reads the forms ACLED's exports and spreadsheets write: `2021-03-04`; `4 March 2021`,
/// `04-March-2021`, `4 Mar 2021`, `04-Mar-21`; `04/03/2021`, `4/3/21`.
fn written(value: &str) -> Option<Written> {
    let digits = |t: &str, widths: &[usize]| {
        t.bytes().all(|b| b.is_ascii_digit()) && widths.contains(&t.len())
    };
    let number = |t: &str| t.parse::<u32>().ok();
    let year = |t: &str| match t.len() {
        4 if digits(t, &[4]) => t.parse().ok().map(Year::Full),
        2 if digits(t, &[2]) => number(t).map(Year::Short),
        _ => None,
    };
    if value.contains('/') {
        let parts: Vec<&str> = value.split('/').collect();
        let [first, second, y] = parts[..] else {
            return None;
        };
        if !digits(first, &[1, 2]) || !digits(second, &[1, 2]) {
            return None;
        }
        return Some(Written::Slash {
            first: number(first)?,
            second: number(second)?,
            year: year(y)?,
        });
    }
    let parts: Vec<&str> = value.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if digits(a, &[4]) && digits(b, &[1, 2]) && digits(c, &[1, 2]) {
        return Some(Written::Named {
            year: year(a)?,
            month: number(b)?,
            day: number(c)?,
        });
    }
    if digits(a, &[1, 2]) {
        return Some(Written::Named {
            year: year(c)?,
            month: month_number(b)?,
            day: number(a)?,
        });
    }
    None
}

/// The day, or why there is none: "there is no month 13", "April 2023 has 30 days".
fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .unwrap_or(31);
        let name = MONTHS[month as usize - 1];
        let name = name[..1].to_uppercase() + &name[1..];
        format!("{name} {year} has {days} days")
    })
}

/// The day ACLED recorded. A two-digit year takes its century from the row's `year`, and a
/// full one must agree with it; a slash date is read in the file's order.
fn recorded_day(
    check: &mut RowCheck,
    value: &str,
    year_column: Option<i64>,
    slash: Option<&SlashOrder>,
) -> Option<NaiveDate> {
    let Some(written) = written(value) else {
        check.problem(
            "event_date",
            format!(
                "{} is not a date; expected YYYY-MM-DD, 'DD Month YYYY' or a slash date such as \
                 15/04/2023",
                quoted(value)
            ),
        );
        return None;
    };
    let year = match written {
        Written::Named { year, .. } | Written::Slash { year, .. } => year,
    };
    let year = match (year, year_column) {
        (Year::Full(y), Some(column)) if i64::from(y) != column => {
            check.problem(
                "year",
                format!(
                    "{column} disagrees with event_date {} (year {y}); one of them is wrong",
                    quoted(value)
                ),
            );
            return None;
        }
        (Year::Full(y), _) => y,
        (Year::Short(short), Some(column))
            if column.rem_euclid(100) == i64::from(short) && (1..=9999).contains(&column) =>
        {
            column as i32
        }
        (Year::Short(short), Some(column)) => {
            check.problem(
                "event_date",
                format!(
                    "{} has the two-digit year {short:02}, which is not year {column}; one of \
                     them is wrong",
                    quoted(value)
                ),
            );
            return None;
        }
        (Year::Short(_), None) => {
            check.problem(
                "event_date",
                format!(
                    "{} has a two-digit year, and the row has no year to tell its century \
                     from; write the year in full",
                    quoted(value)
                ),
            );
            return None;
        }
    };
    let (month, day, how) = match (written, slash) {
        (Written::Named { month, day, .. }, _) => (month, day, None),
        (Written::Slash { first, second, .. }, Some(slash)) => {
            let (month, day) = slash.order.month_day(first, second);
            (month, day, Some(slash))
        }
        // The file's order is told before its first slash date is read, so this is not met.
        (Written::Slash { .. }, None) => {
            check.problem(
                "event_date",
                format!("{}: the order of day and month is not known", quoted(value)),
            );
            return None;
        }
    };
    match ymd(year, month, day) {
        Ok(day) => Some(day),
        Err(why) => {
            let message = match how {
                Some(slash) => format!(
                    "{} is not a date read {} ({}): {why}",
                    quoted(value),
                    slash.order.name(),
                    slash.why
                ),
                None => format!("{} is not a date: {why}", quoted(value)),
            };
            check.problem("event_date", message);
            None
        }
    }
}

impl DateOrder {
    /// (month, day) of a slash date's two numbers.
    fn month_day(self, first: u32, second: u32) -> (u32, u32) {
        match self {
            DateOrder::Dmy => (second, first),
            DateOrder::Mdy => (first, second),
        }
    }

    fn name(self) -> &'static str {
        match self {
            DateOrder::Dmy => "day first (DD/MM/YYYY)",
            DateOrder::Mdy => "month first (MM/DD/YYYY)",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }

    fn other(self) -> DateOrder {
        match self {
            DateOrder::Dmy => DateOrder::Mdy,
            DateOrder::Mdy => DateOrder::Dmy,
        }
    }
}

/// How a file's slash dates are read, and why (for messages).
#[derive(Clone, Debug)]
struct SlashOrder {
    order: DateOrder,
    why: String,
}

/// The order told from a file, with the note that says so.
struct Told {
    order: SlashOrder,
    note: Option<String>,
}

/// Why one order is ruled out, naming the first row that does.
struct Evidence {
    why: String,
}

/// Tells the order of day and month in a file's slash dates from the whole file: a number over
/// 12 can only be the day, and a date after the row's `timestamp` (when ACLED entered it) cannot
/// be the event's, for rows whose day is known (time precision 1). The `year` column cannot
/// tell, since both readings share the year. Refused when the rows disagree, or when nothing
/// tells and some date reads two ways.
fn tell_slash_order(input: &Input) -> Result<Told, Problem> {
    let (mut reader, columns) = open(input)?;
    // Evidence for day first, for month first; the first date that reads both ways.
    let mut found: [Option<Evidence>; 2] = [None, None];
    let mut ambiguous: Option<(usize, String, u32, u32, String)> = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Rows that cannot be read are reported by the main pass.
            Err(_) => continue,
        }
        let value = columns.get(&record, "event_date");
        let Some(Written::Slash {
            first,
            second,
            year,
        }) = written(value)
        else {
            continue;
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut rule_out = |order: DateOrder, why: String| {
            let slot = &mut found[usize::from(order == DateOrder::Mdy)];
            if slot.is_none() {
                *slot = Some(Evidence { why });
            }
        };
        if first > 12 && second <= 12 {
            rule_out(
                DateOrder::Dmy,
                format!(
                    "line {line} has {}, which cannot be month first",
                    quoted(value)
                ),
            );
            continue;
        }
        if second > 12 && first <= 12 {
            rule_out(
                DateOrder::Mdy,
                format!(
                    "line {line} has {}, which cannot be day first",
                    quoted(value)
                ),
            );
            continue;
        }
        if first == second || first > 12 {
            continue;
        }
        let year = match year {
            Year::Full(y) => Some(y),
            Year::Short(short) => columns
                .get(&record, "year")
                .parse::<i32>()
                .ok()
                .filter(|y| y.rem_euclid(100) == short as i32),
        };
        let entered = columns
            .get(&record, "timestamp")
            .parse::<i64>()
            .ok()
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .map(|t| t.date_naive());
        let day_known = matches!(columns.get(&record, "time_precision"), "" | "1");
        if let (Some(y), Some(entered), true) = (year, entered, day_known) {
            // A day's grace for time zones.
            let after = |order: DateOrder| {
                let (m, d) = order.month_day(first, second);
                ymd(y, m, d).is_ok_and(|day| day > entered + Duration::days(1))
            };
            for order in [DateOrder::Dmy, DateOrder::Mdy] {
                if after(order.other()) && !after(order) {
                    rule_out(
                        order,
                        format!(
                            "line {line} has {}, which read {} would come after the row's \
                             timestamp ({entered})",
                            quoted(value),
                            order.other().name()
                        ),
                    );
                }
            }
        }
        if ambiguous.is_none() {
            ambiguous = Some((line, value.to_string(), first, second, year_of(year)));
        }
    }
    match found {
        [Some(dmy), Some(mdy)] => Err(Problem::new(
            input.shown,
            None,
            format!(
                "event_date: the slash dates disagree on their order: {}, but {}; correct the \
                 file, or choose with --date-order dmy|mdy (the \
                 dates that do not fit are then reported)",
                dmy.why, mdy.why
            ),
        )),
        [Some(dmy), None] => Ok(told(DateOrder::Dmy, dmy)),
        [None, Some(mdy)] => Ok(told(DateOrder::Mdy, mdy)),
        [None, None] => match ambiguous {
            Some((line, value, first, second, year)) => {
                let reading = |order: DateOrder| {
                    let (m, d) = order.month_day(first, second);
                    let name = MONTHS[m as usize - 1];
                    format!("{d} {}{}", name[..1].to_uppercase(), &name[1..])
                };
                Err(input.problem(
                    line,
                    format!(
                        "event_date: cannot tell whether {} is {} or {}{year}: no slash date in \
                         the file has a day over 12, and no timestamp rules a reading out; \
                         choose with --date-order dmy (day first) or --date-order mdy (month \
                         first)",
                        quoted(&value),
                        reading(DateOrder::Dmy),
                        reading(DateOrder::Mdy),
                    ),
                ))
            }
            // Every slash date reads the same either way (05/05/2021).
            None => Ok(Told {
                note: None,
                order: SlashOrder {
                    order: DateOrder::Dmy,
                    why: "day and month are the same".into(),
                },
            }),
        },
    }
}

/// The order that `evidence` leaves, with the note that says so.
fn told(order: DateOrder, evidence: Evidence) -> Told {
    Told {
        note: Some(format!(
            "event_date: slash dates read {}: {}",
            order.name(),
            evidence.why
        )),
        order: SlashOrder {
            order,
            why: format!("as {}", evidence.why),
        },
    }
}

/// " 2022" for a known year, for messages; nothing for a two-digit one without its century.
fn year_of(year: Option<i32>) -> String {
    year.map_or(String::new(), |y| format!(" {y}"))
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
        assert_eq!(
            recorded_day(&mut check, "4 March 2021", Some(2021), None),
            Some(day)
        );
        assert!(check.ok());
        assert_eq!(recorded_day(&mut check, "2021/03/04", None, None), None);
        assert_eq!(
            check.problems[0].to_string(),
            "x.csv:2: event_date: '2021/03/04' is not a date; expected YYYY-MM-DD, 'DD Month YYYY' or a slash date such as 15/04/2023"
        );
    }

    #[test]
    fn reads_the_written_forms_and_nothing_else() {
        let named = |year, month, day| Some(Written::Named { year, month, day });
        assert_eq!(written("2021-03-04"), named(Year::Full(2021), 3, 4));
        assert_eq!(written("4 March 2021"), named(Year::Full(2021), 3, 4));
        assert_eq!(written("04-Mar-2021"), named(Year::Full(2021), 3, 4));
        assert_eq!(written("30-Jun-22"), named(Year::Short(22), 6, 30));
        assert_eq!(written("3 June 22"), named(Year::Short(22), 6, 3));
        assert_eq!(written("3 Sept 2021"), named(Year::Full(2021), 9, 3));
        assert_eq!(
            written("6/3/2022"),
            Some(Written::Slash {
                first: 6,
                second: 3,
                year: Year::Full(2022)
            })
        );
        for bad in [
            "2021/03/04",
            "21-03-04",
            "4 Mars 2021",
            "4 March 202",
            "March 4, 2021",
            "123/4/2021",
            "4/5",
            "",
        ] {
            assert_eq!(written(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_why_a_day_is_not_real() {
        assert_eq!(ymd(2023, 4, 31), Err("April 2023 has 30 days".to_string()));
        assert_eq!(ymd(2023, 13, 1), Err("there is no month 13".to_string()));
        assert_eq!(
            ymd(2024, 2, 29).map(|d| d.to_string()),
            Ok("2024-02-29".into())
        );
    }
}
