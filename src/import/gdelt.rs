//! GDELT events (1.0 and 2.0) and 2.0 mentions: tab-separated rows without a header.
//!
//! One event per row. Actors are deduplicated by CAMEO code and name, Actor1 the event's source
//! and Actor2 its target; ActionGeo gives the region (its FIPS country code named) and the
//! point; scores and counts are numbers. The article a row was coded from becomes a source
//! without text. Mentions, read after every events file, list
//! where each event was reported; when the article is saved locally the mention resolves to
//! the sentence it points at and becomes a quote the browser can show in context.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::cameo;
use super::plausible::{self, Fit};
use super::{keep_row, Builder, Input, NoteKind, RowCheck, Rows};
use crate::date::EdtfDate;
use crate::model::{
    offsets, push_to, Actor, ActorId, ActorKind, Event, Point, Quote, Role, Roles, Source,
    SourceId, Value,
};
use crate::problem::{quoted, Problem};

/// Where the columns after the actors and the event codes lie: GDELT 1.0 has no ADM2 codes in
/// its three geography blocks, and its historical backfile has no SOURCEURL.
struct Layout {
    action_geo_full_name: usize,
    source_url: Option<usize>,
    /// Country code, latitude and longitude of the Actor1Geo, Actor2Geo and ActionGeo blocks.
    geo: [(Geo, [usize; 3]); 3],
}

/// The names of one geography block's columns, for messages.
#[derive(Clone, Copy)]
struct Geo {
    country: &'static str,
    lat: &'static str,
    lon: &'static str,
}

const ACTOR1_GEO: Geo = Geo {
    country: "Actor1Geo_CountryCode",
    lat: "Actor1Geo_Lat",
    lon: "Actor1Geo_Long",
};
const ACTOR2_GEO: Geo = Geo {
    country: "Actor2Geo_CountryCode",
    lat: "Actor2Geo_Lat",
    lon: "Actor2Geo_Long",
};
const ACTION_GEO: Geo = Geo {
    country: "ActionGeo_CountryCode",
    lat: "ActionGeo_Lat",
    lon: "ActionGeo_Long",
};
const V2_GEO: [(Geo, [usize; 3]); 3] = [
    (ACTOR1_GEO, [37, 40, 41]),
    (ACTOR2_GEO, [45, 48, 49]),
    (ACTION_GEO, [53, 56, 57]),
];
const V1_GEO: [(Geo, [usize; 3]); 3] = [
    (ACTOR1_GEO, [37, 39, 40]),
    (ACTOR2_GEO, [44, 46, 47]),
    (ACTION_GEO, [51, 53, 54]),
];

const V2_COLUMNS: usize = 61;

fn layout(columns: usize) -> Option<Layout> {
    match columns {
        61 => Some(Layout {
            action_geo_full_name: 52,
            source_url: Some(60),
            geo: V2_GEO,
        }),
        58 => Some(Layout {
            action_geo_full_name: 50,
            source_url: Some(57),
            geo: V1_GEO,
        }),
        57 => Some(Layout {
            action_geo_full_name: 50,
            source_url: None,
            geo: V1_GEO,
        }),
        _ => None,
    }
}

// Column positions shared by every layout (0-based), with GDELT's names for messages.
const GLOBALEVENTID: usize = 0;
const SQLDATE: usize = 1;
const ACTOR1: usize = 5;
const ACTOR2: usize = 15;
const IS_ROOT_EVENT: usize = 25;
const EVENT_CODE: usize = 26;
const EVENT_BASE_CODE: usize = 27;
const EVENT_ROOT_CODE: usize = 28;
const QUAD_CLASS: usize = 29;
const GOLDSTEIN: usize = 30;
const NUM_MENTIONS: usize = 31;
const NUM_SOURCES: usize = 32;
const NUM_ARTICLES: usize = 33;
const AVG_TONE: usize = 34;

/// Opens a tab-separated GDELT file. GDELT never quotes fields, so quote marks inside names
/// and URLs are plain characters.
fn tsv_reader<R: Read>(reader: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(reader)
}

/// Reads the next record; `Ok(None)` at the end. A row that is not UTF-8 is reported and
/// skipped over; a read error ends the file.
fn next_record<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::StringRecord,
    input: &Input,
    rows: &mut Rows,
) -> Result<Option<usize>, Problem> {
    loop {
        match reader.read_record(record) {
            Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue, // blank line
            Ok(true) => {
                return Ok(Some(record.position().map_or(0, |p| p.line() as usize)));
            }
            Ok(false) => return Ok(None),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                if let csv::ErrorKind::Utf8 { err, .. } = e.kind() {
                    rows.count += 1;
                    rows.reject(vec![input.problem(
                        line,
                        format!("not valid UTF-8 text (in field {})", err.field() + 1),
                    )]);
                    continue;
                }
                return Err(input.problem(line, format!("cannot read: {e}")));
            }
        }
    }
}

/// Reads a GDELT events file into `builder`.
pub(crate) fn read_events(
    input: &Input,
    builder: &mut Builder,
    rows: &mut Rows,
) -> Result<(), Problem> {
    let mut reader = tsv_reader(input.open()?);
    // The CAMEO code says its root, quad class and Goldstein score: one combination of the
    // four for each code (some 300), held once rather than in every event.
    builder
        .labels
        .shapes
        .hold_in_shape(&["cameo", "cameo_root", "quad_class", "goldstein"]);
    let mut record = csv::StringRecord::new();
    while let Some(line) = next_record(&mut reader, &mut record, input, rows)? {
        if line == 1 && record.get(0) == Some("GLOBALEVENTID") {
            continue; // a header row, as BigQuery exports add
        }
        rows.count += 1;
        let mut check = RowCheck::new(input, line);
        let Some(layout) = layout(record.len()) else {
            check.row_problem(format!(
                "expected {V2_COLUMNS} columns (GDELT 2.0) or 57 or 58 (GDELT 1.0), found {}",
                record.len()
            ));
            rows.reject(check.problems);
            continue;
        };
        let read = event(&record, &layout, &mut check, builder);
        keep_row(builder, rows, check, read, "GLOBALEVENTID");
    }
    Ok(())
}

use super::Notes;

/// Converts one row; `None` (with problems in `check`) when it is invalid.
fn event(
    record: &csv::StringRecord,
    layout: &Layout,
    check: &mut RowCheck,
    builder: &mut Builder,
) -> Option<(Event, Notes)> {
    let field = |i: usize| record.get(i).unwrap_or("").trim();
    let id = field(GLOBALEVENTID);
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        check.problem(
            "GLOBALEVENTID",
            format!("{} is not an event id (a whole number)", quoted(id)),
        );
    }
    let date = day(check, "SQLDATE", field(SQLDATE));
    let code = field(EVENT_CODE);
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        check.problem(
            "EventCode",
            format!("{} is not a CAMEO event code", quoted(code)),
        );
    } else {
        for (column, message) in
            plausible::cameo_codes(code, field(EVENT_BASE_CODE), field(EVENT_ROOT_CODE))
        {
            check.problem(column, message);
        }
    }
    let mut notes = Notes::new();
    for (geo, [country, lat, lon]) in layout.geo {
        places(
            check,
            geo,
            field(country),
            field(lat),
            field(lon),
            &mut notes,
        );
    }
    check.whole("IsRootEvent", field(IS_ROOT_EVENT));
    let quad = field(QUAD_CLASS);
    if !quad.is_empty() && cameo::quad_class_name(quad).is_none() {
        check.problem(
            "QuadClass",
            format!("{} is not a QuadClass (1 to 4)", quoted(quad)),
        );
    }
    // Both are bounded by their definitions: a value outside is a shifted column or a broken
    // row, and would throw every sum and average of them.
    for (column, at, limit) in [
        ("GoldsteinScale", GOLDSTEIN, 10.0),
        ("AvgTone", AVG_TONE, 100.0),
    ] {
        let outside = check
            .number(column, field(at))
            .is_some_and(|n| n.abs() > limit);
        if outside {
            let message = format!(
                "{} is outside the scale (-{limit} to +{limit})",
                quoted(field(at))
            );
            check.problem(column, message);
        }
    }
    // Counts, as ACLED's fatalities are: never below zero.
    for (column, at) in [
        ("NumMentions", NUM_MENTIONS),
        ("NumSources", NUM_SOURCES),
        ("NumArticles", NUM_ARTICLES),
    ] {
        if check.whole(column, field(at)).is_some_and(|n| n < 0) {
            check.problem(column, format!("{} is negative", quoted(field(at))));
        }
    }
    let date = date?;
    if !check.ok() {
        return None;
    }

    // Actor1 acted, Actor2 was acted upon; an actor in both places holds both parts.
    let mut actors: Vec<ActorId> = Vec::new();
    let mut roles: Vec<Roles> = Vec::new();
    for (at, role) in [(ACTOR1, Role::Source), (ACTOR2, Role::Target)] {
        let id = actor(
            builder,
            field(at),
            field(at + 1),
            field(at + 2),
            field(at + 7),
        );
        if let Some(id) = id {
            match actors.iter().position(|a| *a == id) {
                Some(nth) => roles[nth] = roles[nth].with(role),
                None => {
                    actors.push(id);
                    roles.push(Roles::one(role));
                }
            }
        }
    }
    let name = cameo::event_name(code).map_or_else(|| format!("CAMEO {code}"), str::to_string);
    let names: Vec<&str> = [ACTOR1, ACTOR2]
        .into_iter()
        .map(|at| {
            let name = field(at + 1);
            if name.is_empty() {
                field(at)
            } else {
                name
            }
        })
        .filter(|n| !n.is_empty())
        .collect();
    let title = match names.as_slice() {
        [] => name.clone(),
        // Only a target: it is who was acted upon, never the subject of the title.
        [target] if field(ACTOR1).is_empty() && field(ACTOR1 + 1).is_empty() => {
            format!("{name} (target: {target})")
        }
        [one] => format!("{one}: {name}"),
        [one, two, ..] => format!("{one} → {two}: {name}"),
    };

    // Room for all nine at once: grown one push at a time, a row's list would be copied
    // three times and leave holes among the events kept.
    let mut attributes = Vec::with_capacity(9);
    attributes.push(builder.text("cameo", code));
    let root = field(EVENT_ROOT_CODE);
    if !root.is_empty() {
        let root_name = cameo::event_name(root).unwrap_or("");
        let value = format!("{root} {root_name}");
        attributes.push(builder.text("cameo_root", value.trim()));
    }
    if let Some(quad_name) = cameo::quad_class_name(quad) {
        attributes.push(builder.text("quad_class", format!("{quad} {quad_name}")));
    }
    for (name, at) in [
        ("goldstein", GOLDSTEIN),
        ("tone", AVG_TONE),
        ("mentions", NUM_MENTIONS),
        ("sources", NUM_SOURCES),
        ("articles", NUM_ARTICLES),
    ] {
        if !field(at).is_empty() {
            attributes.push(builder.number(name, field(at)));
        }
    }
    if let Some(url) = layout.source_url.map(field).filter(|u| !u.is_empty()) {
        // The event refers to its article by source id: the URL lives once, in the source.
        let source = article_source(builder, url, None);
        let id = builder.source_ref(source).id.clone();
        attributes.push(builder.text("source", id));
    }
    let (_, [country_at, lat_at, lon_at]) = layout.geo[2];
    let country = field(country_at);
    // ADM1 codes are the country's FIPS code and a number ("ZI04"); a bare country code
    // says no more than the country.
    let admin1 = Some(field(country_at + 1)).filter(|a| !a.is_empty() && *a != country);
    let region = builder
        .labels
        .region(Some(country_name(country)), admin1, None);
    // A row with no place has ActionGeo_Type 0 (or empty) and 0, 0 for coordinates: not a
    // point in the Gulf of Guinea.
    let geo_type = field(layout.action_geo_full_name - 1);
    let placed = !matches!(geo_type, "" | "0");
    let point = match (field(lat_at).parse(), field(lon_at).parse()) {
        (Ok(lat), Ok(lon)) if placed => Some(Point { lat, lon }),
        _ => None,
    };
    let location = Some(field(layout.action_geo_full_name))
        .filter(|l| !l.is_empty())
        .map(|l| builder.labels.get(l));
    let event = Event {
        id: id.into(),
        date,
        title: builder.labels.get(&title),
        summary: None,
        kind: Some(builder.labels.get(&name)),
        actors: actors.into(),
        location,
        tags: Box::default(),
        quotes: Box::default(),
        attributes: builder.attributes(attributes),
        roles: roles.into(),
        region,
        point: point.map(|p| builder.labels.point(p)),
    };
    Some((event, notes))
}

/// Checks one geography block's latitude and longitude: numbers in range, inside the country
/// its FIPS code names. A point that fits only the other way round is a problem (the columns
/// are swapped); one outside either way, or whose country the table lacks, a note.
fn places(
    check: &mut RowCheck,
    geo: Geo,
    country: &str,
    lat_text: &str,
    lon_text: &str,
    notes: &mut Notes,
) {
    let (lat_column, lon_column) = (geo.lat, geo.lon);
    let lat = check.number(lat_column, lat_text);
    let lon = check.number(lon_column, lon_text);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return;
    };
    let found = Some(country)
        .filter(|c| !c.is_empty())
        .and_then(|c| plausible::countries().by_fips(c));
    let fit = found.map(|c| (c, c.fit(lat, lon)));
    if let Some((found, Fit::Swapped)) = fit {
        check.problem(
            lat_column,
            format!(
                "{} and {lon_column} {} look swapped: the point lies outside {} ({} {}) as \
                 written, and inside it the other way round; check the columns",
                quoted(lat_text),
                quoted(lon_text),
                found.name,
                geo.country,
                quoted(country)
            ),
        );
        return;
    }
    if !(-90.0..=90.0).contains(&lat) {
        check.problem(
            lat_column,
            format!("{} is not between -90 and 90", quoted(lat_text)),
        );
        return;
    }
    if !(-180.0..=180.0).contains(&lon) {
        check.problem(
            lon_column,
            format!("{} is not between -180 and 180", quoted(lon_text)),
        );
        return;
    }
    match fit {
        Some((_, Fit::Inside | Fit::Swapped)) => {}
        Some((found, Fit::Outside)) => notes.push((
            NoteKind::OutsideCountry,
            format!("{} ({country}): {lat}, {lon}", found.name),
        )),
        None if country.is_empty() => {}
        None => notes.push((NoteKind::Unchecked, country.to_string())),
    }
}

/// The country a FIPS 10-4 code names (GDELT's country codes are FIPS, not ISO: "SF" is
/// South Africa, "SP" Spain), from the embedded country table (`country_boxes.tsv`: the FIPS
/// codes and names of GeoNames' countryInfo, CC BY 4.0; the codes themselves are the US
/// government's public-domain FIPS 10-4). A code the table lacks is kept as the code.
fn country_name(code: &str) -> &str {
    Some(code)
        .filter(|c| !c.is_empty())
        .and_then(|c| plausible::countries().by_fips(c))
        .map_or(code, |country| country.name.as_str())
}

/// A GDELT YYYYMMDD date as a day.
fn day(check: &mut RowCheck, column: &str, value: &str) -> Option<EdtfDate> {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        check.problem(
            column,
            format!("{} is not a date in YYYYMMDD form", quoted(value)),
        );
        return None;
    }
    let composed = format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..]);
    match EdtfDate::parse(&composed) {
        Ok(date) => Some(date),
        Err(e) => {
            check.problem(column, format!("{} is not a date: {e}", quoted(value)));
            None
        }
    }
}

/// The actor of one Actor1/Actor2 block, deduplicated by code and name.
fn actor(
    builder: &mut Builder,
    code: &str,
    name: &str,
    country: &str,
    type1: &str,
) -> Option<ActorId> {
    if code.is_empty() && name.is_empty() {
        return None;
    }
    let key = format!("gdelt\t{code}\t{name}");
    Some(builder.actor(&key, || {
        let shown = if name.is_empty() { code } else { name };
        // A bare country code with no role (e.g. "RUS") is the state itself.
        let kind = if !code.is_empty() && code == country && type1.is_empty() {
            Some(ActorKind::State)
        } else if !type1.is_empty() {
            Some(ActorKind::Organization).filter(|_| type1 != "CVL" && type1 != "ELI")
        } else {
            None
        };
        let mut description = format!(
            "GDELT actor code {}",
            if code.is_empty() { "-" } else { code }
        );
        if !country.is_empty() {
            description.push_str(&format!(", country {country}"));
        }
        Actor {
            id: String::new(),
            name: shown.to_string(),
            kind,
            aliases: if !code.is_empty() && code != shown {
                vec![code.to_string()]
            } else {
                Vec::new()
            },
            affiliation: None,
            description: Some(description),
        }
    }))
}

/// The source for an article, by URL (or a citation for mentions of non-web documents).
fn article_source(builder: &mut Builder, url: &str, publisher: Option<&str>) -> SourceId {
    let host = host(url);
    // GDELT 1.0 rows may name an agency ("BBC Monitoring") instead of a URL.
    let publisher = publisher.filter(|p| !p.is_empty()).or(host).or(Some(url));
    builder.source(url, publisher.unwrap_or("article"), || Source {
        id: String::new(),
        title: article_title(url),
        publisher: publisher.map(str::to_string),
        url: host.map(|_| url.to_string()),
        published: None,
        sha256: None,
        file: String::new(),
        text: String::new(),
        sentences: Vec::new(),
    })
}

/// A readable title from an article's URL: the words of its slug, e.g. "Feline beauties to
/// strut their stuff" from `.../Feline-beauties-to-strut-their-stuff/articleshow/46292006.cms`;
/// the URL without its scheme when there is no slug.
fn article_title(url: &str) -> String {
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = bare
        .split_once('/')
        .map_or("", |(_, path)| path)
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let slug = path
        .split('/')
        .filter(|segment| segment.matches(['-', '_']).count() >= 2)
        .max_by_key(|segment| segment.len());
    let words: Vec<&str> = slug
        .map(|s| {
            s.strip_suffix(".html")
                .or(s.strip_suffix(".htm"))
                .unwrap_or(s)
        })
        .into_iter()
        .flat_map(|s| s.split(['-', '_', '.']))
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    if words.len() < 2 {
        return bare.trim_end_matches('/').to_string();
    }
    let text = words.join(" ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or(text)
}

/// `www.example.com` from `http://www.example.com/path`.
fn host(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host).filter(|h| !h.is_empty())
}

/// Saved article texts, looked up by URL: through `manifest.tsv` (URL, tab, file name relative
/// to the folder) when the folder has one, else by the SHA-256 of the URL in hex (the output of
/// `printf %s "$URL" | sha256sum`), with or without `.txt`.
#[derive(Default)]
pub(crate) struct Articles {
    folder: Option<PathBuf>,
    manifest: HashMap<String, String>,
}

pub const MANIFEST: &str = "manifest.tsv";

impl Articles {
    pub fn open(folder: Option<&Path>) -> Result<Articles, Problem> {
        let Some(folder) = folder else {
            return Ok(Articles::default());
        };
        let shown = folder.display().to_string();
        if !folder.is_dir() {
            return Err(Problem::new(
                shown,
                None,
                "--articles must name a folder of saved article texts",
            ));
        }
        let mut manifest = HashMap::new();
        let path = folder.join(MANIFEST);
        if let Ok(file) = std::fs::File::open(&path) {
            let shown = path.display().to_string();
            for (n, line) in BufReader::new(file).lines().enumerate() {
                let line = line
                    .map_err(|e| Problem::new(&shown, Some(n + 1), format!("cannot read: {e}")))?;
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((url, name)) = line.split_once('\t') else {
                    return Err(Problem::new(
                        &shown,
                        Some(n + 1),
                        "expected URL, a tab, and a file name",
                    ));
                };
                manifest.insert(url.trim().to_string(), name.trim().to_string());
            }
        }
        Ok(Articles {
            folder: Some(folder.to_path_buf()),
            manifest,
        })
    }

    /// The saved text of the article at `url`, when there is one.
    fn text(&self, url: &str) -> Option<Result<String, String>> {
        let folder = self.folder.as_ref()?;
        let candidates: Vec<PathBuf> = match self.manifest.get(url) {
            Some(name) => vec![folder.join(name)],
            None => {
                let hash: String = Sha256::digest(url.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                vec![folder.join(format!("{hash}.txt")), folder.join(hash)]
            }
        };
        let path = candidates.into_iter().find(|p| p.is_file())?;
        Some(
            std::fs::read(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))
                .and_then(|bytes| {
                    String::from_utf8(bytes)
                        .map_err(|_| format!("{}: not valid UTF-8 text", path.display()))
                }),
        )
    }
}

const MENTION_COLUMNS: usize = 16;

/// Reads a GDELT 2.0 mentions file, attaching each mention to its event.
pub(crate) fn read_mentions(
    input: &Input,
    articles: &Articles,
    builder: &mut Builder,
    rows: &mut Rows,
) -> Result<(), Problem> {
    let mut reader = tsv_reader(input.open()?);
    let mut record = csv::StringRecord::new();
    let mut unmatched = 0usize;
    let mut looked_up: HashSet<SourceId> = HashSet::new();
    while let Some(line) = next_record(&mut reader, &mut record, input, rows)? {
        if line == 1 && record.get(0) == Some("GLOBALEVENTID") {
            continue;
        }
        rows.count += 1;
        let mut check = RowCheck::new(input, line);
        // The last column (Extras) is empty and may lose its tab.
        if !(MENTION_COLUMNS - 1..=MENTION_COLUMNS).contains(&record.len()) {
            check.row_problem(format!(
                "expected {MENTION_COLUMNS} columns (GDELT 2.0 mentions), found {}",
                record.len()
            ));
            rows.reject(check.problems);
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let id = field(0);
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            check.problem(
                "GLOBALEVENTID",
                format!("{} is not an event id (a whole number)", quoted(id)),
            );
        }
        let mention_type = check.whole("MentionType", field(3));
        let sentence = check.whole("SentenceID", field(6));
        let actor1 = check.whole("Actor1CharOffset", field(7));
        let actor2 = check.whole("Actor2CharOffset", field(8));
        let action = check.whole("ActionCharOffset", field(9));
        let confidence = check.whole("Confidence", field(11));
        check.whole("MentionDocLen", field(12));
        check.number("MentionDocTone", field(13));
        if !check.ok() {
            rows.reject(check.problems);
            continue;
        }
        if builder.event_mut(id).is_none() {
            unmatched += 1;
            continue;
        }
        let name = field(4);
        let identifier = field(5);
        let source = article_source(builder, identifier, Some(name));
        if mention_type == Some(1) && looked_up.insert(source) {
            match articles.text(identifier) {
                Some(Ok(text)) => {
                    let file = format!("sources/{}.txt", builder.source_ref(source).id);
                    builder.set_source_text(source, text, file);
                }
                Some(Err(message)) => builder.notes.push(input.problem(line, message).as_note()),
                None => {}
            }
        }
        let quote = resolve(source, builder.source_ref(source), action, sentence);
        let offset = |o: Option<i64>| {
            o.filter(|o| *o >= 0)
                .map_or("none".to_string(), |o| o.to_string())
        };
        let value = format!(
            "{name}, sentence {}, character offsets: actor1 {}, actor2 {}, action {}, confidence {}%{}: {identifier}",
            sentence.map_or("-".to_string(), |s| s.to_string()),
            offset(actor1),
            offset(actor2),
            offset(action),
            confidence.map_or("-".to_string(), |c| c.to_string()),
            if quote.is_some() { ", quoted" } else { "" },
        );
        // Each value is its own (the article, offsets): not worth a label stored once.
        if let Some(event) = builder.push_numbered(id, "mention", Value::text(value)) {
            if let Some(quote) = quote {
                if !event
                    .quotes
                    .iter()
                    .any(|q| q.source == quote.source && q.span == quote.span)
                {
                    push_to(&mut event.quotes, quote);
                }
            }
        }
    }
    if unmatched > 0 {
        builder.notes.push(
            Problem::new(
                input.shown,
                None,
                format!(
                    "{unmatched} {} to events not in the given events files; left out",
                    if unmatched == 1 {
                        "mention refers"
                    } else {
                        "mentions refer"
                    }
                ),
            )
            .as_note(),
        );
    }
    Ok(())
}

/// The sentence a mention points at, as a quote: the one holding the action's character
/// offset, else GDELT's 1-based SentenceID. `None` when the source has no text or the place
/// is outside it.
fn resolve(
    id: SourceId,
    source: &Source,
    action: Option<i64>,
    sentence: Option<i64>,
) -> Option<Quote> {
    if source.text.is_empty() || source.sentences.is_empty() {
        return None;
    }
    let by_offset = action
        .and_then(|o| usize::try_from(o).ok())
        .and_then(|chars| source.text.char_indices().nth(chars).map(|(byte, _)| byte))
        .map(|byte| source.sentence_at(byte));
    let by_number = sentence
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| s.checked_sub(1))
        .filter(|s| *s < source.sentences.len());
    let index = by_offset.or(by_number)?;
    let span = source.sentence(index)?;
    // The quote is the sentence itself, so it is stored as the source's words, not again.
    source.text.get(span.clone())?;
    Some(Quote {
        source: id,
        written: None,
        span: offsets(span),
        sentences: offsets(index..index + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_country_codes_are_named_and_unknown_ones_kept() {
        // FIPS, not ISO: SF is South Africa (ISO's Finland is FI), SP Spain, UK the United
        // Kingdom.
        assert_eq!(country_name("SF"), "South Africa");
        assert_eq!(country_name("SP"), "Spain");
        assert_eq!(country_name("ZI"), "Zimbabwe");
        assert_eq!(country_name("QQ"), "QQ");
        assert_eq!(country_name(""), "");
    }

    #[test]
    fn titles_articles_from_their_url_slug() {
        assert_eq!(
            article_title("http://timesofindia.indiatimes.com/city/bengaluru/Feline-beauties-to-strut-their-stuff/articleshow/46292006.cms"),
            "Feline beauties to strut their stuff"
        );
        assert_eq!(
            article_title("https://www.oxfordmail.co.uk/news/national/18313901.government-package-business-too-little-late-workers-stuc-says/"),
            "Government package business too little late workers stuc says"
        );
        assert_eq!(
            article_title(
                "http://www.voxy.co.nz/entertainment/coast-new-zealand-production-tv-one/5/214255"
            ),
            "Coast new zealand production tv one"
        );
        assert_eq!(
            article_title("http://example.com/a/12345"),
            "example.com/a/12345"
        );
        assert_eq!(article_title("BBC Monitoring"), "BBC Monitoring");
    }
}
