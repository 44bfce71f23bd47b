//! Importing other tools' exports (GDELT, ACLED, TimelineJS) into a `Timeline`: telling each
//! file's format, merging several files into one timeline with actors and sources deduplicated,
//! and the rule for bad rows: every one is reported and the import fails, or with
//! `--skip-invalid` they are skipped and counted, never silently. A row read twice (overlapping
//! downloads) is merged when it is the same, and values that look odd but may be right are
//! counted in notes (`notes`); what can only be a misread is a bad row (`plausible`).
//!
//! Files are streamed row by row; nothing outside this module sees CSV or TimelineJS JSON.

mod acled;
mod cameo;
mod event_index;
mod gdelt;
mod notes;
mod plausible;
mod timelinejs;

pub use notes::NoteKind;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use crate::load::Dataset;
use crate::model::{
    sentence_spans, Actor, ActorId, Attributes, Event, Label, Number, Source, SourceId, Value,
    ValueRef,
};
use crate::problem::{quoted, Problem};
use crate::sentences::split_sentences;
use crate::timeline::Timeline;

/// The export formats chronicle reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GDELT 1.0 / 2.0 events (tab-separated, 57, 58 or 61 columns) and 2.0 mentions (16)
    Gdelt,
    /// ACLED CSV with its header row
    Acled,
    /// TimelineJS3 JSON
    Timelinejs,
}

/// How to read slash dates such as `06/03/2022`, when a file's own dates cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DateOrder {
    /// Day first: 06/03/2022 is 6 March 2022
    Dmy,
    /// Month first: 06/03/2022 is 3 June 2022
    Mdy,
}

/// How to import.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Read every file as this format instead of telling it from the file's start.
    pub format: Option<Format>,
    /// The order of day and month in slash dates, instead of telling it from each file.
    pub date_order: Option<DateOrder>,
    /// Skip invalid rows (counting them) instead of failing.
    pub skip_invalid: bool,
    /// A folder of saved articles, for turning GDELT mentions into verifiable quotes.
    pub articles: Option<PathBuf>,
}

/// The result of an import that succeeded, maybe with rows skipped.
#[derive(Debug)]
pub struct Imported {
    pub dataset: Dataset,
    /// Data rows read (events, mentions), valid or not.
    pub rows: usize,
    /// How many rows were skipped as invalid (only with `skip_invalid`).
    pub skipped_rows: usize,
    /// The problems of the skipped rows, for `--report`.
    pub skipped: Vec<Problem>,
}

/// What one file holds, as told from its start or forced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    GdeltEvents,
    GdeltMentions,
    Acled,
    TimelineJs,
}

/// Why an import failed: every problem found, and whether `--skip-invalid` would import
/// something (some rows were valid and no file as a whole was refused).
#[derive(Debug)]
pub struct Refused {
    pub problems: Vec<Problem>,
    pub skippable: bool,
}

impl From<Vec<Problem>> for Refused {
    fn from(problems: Vec<Problem>) -> Refused {
        Refused {
            problems,
            skippable: false,
        }
    }
}

/// Imports `paths` into one dataset. On failure, returns every problem found.
pub fn import(paths: &[PathBuf], options: &Options) -> Result<Imported, Refused> {
    let mut fatal = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        match detect(path, options.format) {
            Ok(kind) => files.push((path, shown, kind)),
            Err(message) => fatal.push(Problem::new(shown, None, message)),
        }
    }
    if !fatal.is_empty() {
        return Err(fatal.into());
    }
    let mut phases = crate::load::Phases::new();
    let mut builder = Builder::default();
    let mut rows = Rows::default();
    // Mentions attach to events, so every events file is read first.
    let (mentions, others): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|(_, _, kind)| *kind == Kind::GdeltMentions);
    for (path, shown, kind) in others {
        let input = Input { path, shown };
        let result = match kind {
            Kind::GdeltEvents => gdelt::read_events(&input, &mut builder, &mut rows),
            Kind::Acled => acled::read(&input, options.date_order, &mut builder, &mut rows),
            Kind::TimelineJs => timelinejs::read(&input, &mut builder, &mut rows),
            Kind::GdeltMentions => Ok(()),
        };
        if let Err(problem) = result {
            fatal.push(problem);
        }
    }
    if !mentions.is_empty() {
        let articles = match gdelt::Articles::open(options.articles.as_deref()) {
            Ok(articles) => articles,
            Err(problem) => return Err(vec![problem].into()),
        };
        for (path, shown, _) in mentions {
            let input = Input { path, shown };
            if let Err(problem) = gdelt::read_mentions(&input, &articles, &mut builder, &mut rows) {
                fatal.push(problem);
            }
        }
    }
    phases.done("rows");
    if !fatal.is_empty() || (!options.skip_invalid && !rows.problems.is_empty()) {
        let skippable = fatal.is_empty() && rows.rejected > 0 && rows.count > rows.rejected;
        fatal.extend(rows.problems);
        return Err(Refused {
            problems: fatal,
            skippable,
        });
    }
    if builder.events.is_empty() {
        let mut problems = rows.problems;
        let shown = match paths {
            [one] => one.display().to_string(),
            _ => dataset_name(paths),
        };
        problems.push(Problem::new(
            shown,
            None,
            if rows.rejected > 0 {
                "no valid events: every row is invalid"
            } else {
                "no events found"
            },
        ));
        return Err(problems.into());
    }
    // Whatever an importer set aside as a note is told as one ("note: …"), never as a problem.
    let notes: Vec<Problem> = std::mem::take(&mut builder.notes)
        .into_iter()
        .chain(builder.tallies.notes())
        .map(Problem::as_note)
        .collect();
    // A TimelineJS title names its own timeline; several files keep their names.
    let name = match (paths, builder.title.take()) {
        ([_], Some(title)) => title,
        _ => dataset_name(paths),
    };
    let timeline = builder.finish();
    phases.done("timeline");
    Ok(Imported {
        dataset: Dataset {
            name,
            timeline,
            notes,
        },
        rows: rows.count,
        skipped_rows: rows.rejected,
        skipped: rows.problems,
    })
}

/// The name shown for imported files: the file's, or the first one's and how many more.
fn dataset_name(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    match paths {
        [] => "nothing".to_string(),
        [one] => name(one),
        [first, rest @ ..] => format!("{} + {} more", name(first), rest.len()),
    }
}

/// A file to read, and how to name it in messages.
pub(crate) struct Input<'a> {
    pub path: &'a Path,
    pub shown: &'a str,
}

impl Input<'_> {
    /// Opens the file for streaming.
    pub fn open(&self) -> Result<BufReader<File>, Problem> {
        File::open(self.path)
            .map(|f| BufReader::with_capacity(1 << 16, f))
            .map_err(|e| Problem::new(self.shown, None, format!("cannot open: {e}")))
    }

    /// A problem on one line.
    pub fn problem(&self, line: usize, message: impl Into<String>) -> Problem {
        Problem::new(self.shown, Some(line), message)
    }
}

/// Tells a file's format from its first line: JSON is TimelineJS; a header naming
/// `event_id_cnty` and `event_date` is ACLED; a tab-separated line of 57, 58 or 61 fields is a
/// GDELT events row, of 16 a GDELT mentions row.
fn detect(path: &Path, forced: Option<Format>) -> Result<Kind, String> {
    if path.is_dir() {
        return Err(
            "is a folder; open a dataset folder on its own, or give export files to import".into(),
        );
    }
    let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let mut first = Vec::new();
    BufReader::new(file)
        .take(1 << 20)
        .read_until(b'\n', &mut first)
        .map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8_lossy(&first);
    let text = text.trim_start_matches('\u{feff}');
    let fields = text.trim_end_matches(['\r', '\n']).split('\t').count();
    let gdelt = || match fields {
        15 | 16 => Kind::GdeltMentions,
        _ => Kind::GdeltEvents,
    };
    match forced {
        Some(Format::Gdelt) => return Ok(gdelt()),
        Some(Format::Acled) => return Ok(Kind::Acled),
        Some(Format::Timelinejs) => return Ok(Kind::TimelineJs),
        None => {}
    }
    if text.trim().is_empty() {
        return Err("the file is empty or starts with a blank line; cannot tell its format".into());
    }
    if text.trim_start().starts_with(['{', '[']) {
        return Ok(Kind::TimelineJs);
    }
    if matches!(fields, 15 | 16 | 57 | 58 | 61) {
        return Ok(gdelt());
    }
    let lower = text.to_lowercase();
    if lower.contains("event_id_cnty") && lower.contains("event_date") {
        return Ok(Kind::Acled);
    }
    Err(format!(
        "cannot tell the format: the first line is not TimelineJS JSON, an ACLED header \
         (event_id_cnty,event_date,...) or a GDELT row (tab-separated; 57, 58 or 61 columns for \
         events, 16 for mentions; found {fields}); use --input-format gdelt|acled|timelinejs"
    ))
}

/// What is counted of a good row rather than refused.
pub(crate) type Notes = Vec<(NoteKind, String)>;

/// Keeps a row's event, counting its notes, when the row read well and its event is new (a
/// repeat of an event read before is merged, counted by the builder); otherwise refuses the
/// row with its problems, a clash of ids named under `id_column`.
pub(crate) fn keep_row(
    builder: &mut Builder,
    rows: &mut Rows,
    mut check: RowCheck<'_>,
    read: Option<(Event, Notes)>,
    id_column: &str,
) {
    let (shown, line) = (check.input.shown, check.line);
    match read {
        Some((event, notes)) if check.ok() => match builder.push_event(event, shown, Some(line)) {
            Ok(true) => {
                for (kind, example) in notes {
                    builder.tallies.add(shown, kind, line, || example);
                }
            }
            Ok(false) => {}
            Err(message) => {
                check.problem(id_column, message);
                rows.reject(check.problems);
            }
        },
        _ => rows.reject(check.problems),
    }
}

/// Counts rows and keeps the problems of invalid ones.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    pub count: usize,
    pub rejected: usize,
    pub problems: Vec<Problem>,
}

impl Rows {
    /// Records a row that could not be imported, with all its problems.
    pub fn reject(&mut self, problems: Vec<Problem>) {
        self.rejected += 1;
        self.problems.extend(problems);
    }
}

/// Checks the fields of one row, collecting a problem per bad field, named by its column.
pub(crate) struct RowCheck<'a> {
    input: &'a Input<'a>,
    line: usize,
    pub problems: Vec<Problem>,
}

impl<'a> RowCheck<'a> {
    pub fn new(input: &'a Input<'a>, line: usize) -> Self {
        RowCheck {
            input,
            line,
            problems: Vec::new(),
        }
    }

    /// A problem with column `column` of this row.
    pub fn problem(&mut self, column: &str, message: impl std::fmt::Display) {
        self.problems.push(
            self.input
                .problem(self.line, format!("{column}: {message}")),
        );
    }

    /// A problem with the whole row.
    pub fn row_problem(&mut self, message: impl Into<String>) {
        self.problems.push(self.input.problem(self.line, message));
    }

    /// A whole number, or `None` when the field is empty (or bad, which is reported).
    pub fn whole(&mut self, column: &str, value: &str) -> Option<i64> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if let Ok(n) = value.parse() {
            return Some(n);
        }
        let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
        let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        // Written with an exponent or a point (`1E5`, `12.0`), as exports may write counts:
        // whole all the same, when it is exactly a whole number a float holds.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        let float = value.parse::<f64>().ok().filter(|n| n.is_finite());
        match float {
            // `1.000000000000000000001` reads as 1 but is not a count.
            Some(_) if !all_digits && !whole_as_written(value) => {
                self.problem(column, format!("{} is not a whole number", quoted(value)));
                None
            }
            Some(n) if !all_digits && n.fract() == 0.0 && n.abs() <= EXACT => Some(n as i64),
            Some(n) if n.fract() == 0.0 => {
                self.problem(
                    column,
                    format!(
                        "{} is too large a number (at most {})",
                        quoted(value),
                        i64::MAX
                    ),
                );
                None
            }
            _ => {
                self.problem(column, format!("{} is not a whole number", quoted(value)));
                None
            }
        }
    }

    /// A decimal number, or `None` when the field is empty (or bad, which is reported).
    pub fn number(&mut self, column: &str, value: &str) -> Option<f64> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.problem(column, format!("{} is not a number", quoted(value)));
                None
            }
        }
    }

    /// Whether the row is good so far.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Collects events, actors and sources from every file; actors and sources are deduplicated by
/// a key each importer chooses (e.g. a GDELT actor's code and name, an article's URL) and get
/// readable, unique ids.
#[derive(Default)]
pub(crate) struct Builder {
    events: Vec<Event>,
    /// Event id → index in `events`, for duplicate ids and for attaching mentions.
    event_index: event_index::EventIndex,
    actors: Vec<Actor>,
    actor_by_key: HashMap<String, ActorId>,
    sources: Vec<Source>,
    source_by_key: HashMap<String, SourceId>,
    ids: Ids,
    /// The line each event was read at, plus one (none for a whole file's, TimelineJS), for
    /// naming both places of an id read twice: four bytes an event.
    lines: Vec<Option<NonZeroU32>>,
    /// The files read, each with the index of the first event read from it (events are read
    /// file after file), which tells the file of each event.
    files: Vec<(u32, String)>,
    pub notes: Vec<Problem>,
    /// What is counted rather than refused: identical rows merged, values that may be right.
    pub tallies: notes::Tallies,
    /// The title of a TimelineJS file, which names the dataset when it is the only file.
    pub title: Option<String>,
    /// Event types, places and tags, each stored once for all the rows that name it.
    pub labels: crate::labels::Labels,
    /// Attributes numbered in the order added, by event, until the import ends (see
    /// `push_numbered`).
    numbered: HashMap<u32, (&'static str, Vec<Value>)>,
}

impl Builder {
    /// The actor known by `key`, made by `make` the first time (its `id` is replaced by a
    /// unique slug of its name).
    pub fn actor(&mut self, key: &str, make: impl FnOnce() -> Actor) -> ActorId {
        if let Some(id) = self.actor_by_key.get(key) {
            return *id;
        }
        let mut actor = make();
        actor.id = self.ids.unique("actor", &actor.name);
        let id = ActorId(self.actors.len() as u32);
        self.actors.push(actor);
        self.actor_by_key.insert(key.to_string(), id);
        id
    }

    /// An actor already made, e.g. to fill in a kind that only a later record knows.
    pub fn actor_mut(&mut self, id: ActorId) -> Option<&mut Actor> {
        self.actors.get_mut(id.index())
    }

    /// The source known by `key`, made by `make` the first time; its id is a unique slug of
    /// `id_base` (e.g. the publisher's domain).
    pub fn source(&mut self, key: &str, id_base: &str, make: impl FnOnce() -> Source) -> SourceId {
        if let Some(id) = self.source_by_key.get(key) {
            return *id;
        }
        let mut source = make();
        source.id = self.ids.unique("source", id_base);
        let id = SourceId(self.sources.len() as u32);
        self.sources.push(source);
        self.source_by_key.insert(key.to_string(), id);
        id
    }

    /// A row's attributes, sorted by name as every import's are, their names and kinds
    /// stored once for every row with the same.
    pub fn attributes(&mut self, mut list: Vec<(Label, Value)>) -> Attributes {
        list.sort_by(|a, b| a.0.cmp(&b.0));
        self.labels.attributes(list)
    }

    /// A text attribute, its name and its value each stored once for all events.
    pub fn text(&mut self, name: &str, value: impl AsRef<str>) -> (Label, Value) {
        (
            self.labels.get(name),
            Value::Text(self.labels.get(value.as_ref())),
        )
    }

    /// A numeric attribute from a column's text, already checked to be a number: kept as
    /// written where that is a number in JSON's syntax, else in its shortest form ("+1" as 1).
    pub fn number(&mut self, name: &str, value: &str) -> (Label, Value) {
        let value = value.trim();
        let number =
            Number::parse(value).or_else(|| value.parse::<f64>().ok().and_then(Number::from_f64));
        let value = match number {
            Some(number) => Value::Number(number),
            None => Value::text(value),
        };
        (self.labels.get(name), value)
    }

    pub fn source_ref(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }

    /// Gives a source its text (and sentences), once.
    pub fn set_source_text(&mut self, id: SourceId, text: String, file: String) {
        if let Some(source) = self.sources.get_mut(id.index()) {
            source.sentences = sentence_spans(split_sentences(&text));
            source.text = text;
            source.file = file;
        }
    }

    /// Adds an event read at `file`:`line`: `Ok(true)` when it is new. An event whose id was
    /// read before is merged (`Ok(false)`, and counted) when it is the same in every field, and
    /// refused, naming both places, when not.
    pub fn push_event(
        &mut self,
        event: Event,
        file: &str,
        line: Option<usize>,
    ) -> Result<bool, String> {
        if self.files.last().is_none_or(|(_, f)| f != file) {
            self.files
                .push((self.events.len() as u32, file.to_string()));
        }
        let here = line.and_then(|l| {
            u32::try_from(l)
                .ok()?
                .checked_add(1)
                .and_then(NonZeroU32::new)
        });
        if let Some(ix) = self.event_index.get(&event.id, &self.events) {
            let before = self.place(ix);
            let differences = differences(&self.events[ix as usize], &event);
            if differences.is_empty() {
                self.tallies
                    .add(file, NoteKind::Merged, line.unwrap_or(0), || before);
                return Ok(false);
            }
            return Err(format!(
                "event id {} is also at {before}, with other content ({}); ids must be unique \
                 across all the files",
                quoted(&event.id),
                differences.join(", ")
            ));
        }
        self.event_index.insert(&event.id, self.events.len() as u32);
        self.events.push(event);
        self.lines.push(here);
        Ok(true)
    }

    /// `file:line` where the event at `ix` was read.
    fn place(&self, ix: u32) -> String {
        // The last file whose first event is at or before this one: a file that added no
        // event starts where the next one does.
        let nth = self.files.partition_point(|(first, _)| *first <= ix);
        let file = nth
            .checked_sub(1)
            .and_then(|nth| self.files.get(nth))
            .map_or("", |(_, file)| file.as_str());
        match self.lines.get(ix as usize).copied().flatten() {
            Some(line) => format!("{file}:{}", line.get() - 1),
            None => file.to_string(),
        }
    }

    /// The event with `id`, for attaching mentions.
    pub fn event_mut(&mut self, id: &str) -> Option<&mut Event> {
        let ix = self.event_index.get(id, &self.events)?;
        self.events.get_mut(ix as usize)
    }

    /// Adds `value` to the event `id` as the next of its attributes `PREFIX NN` (GDELT's
    /// `mention 01`, `mention 02`…), and hands the event on. They join the event's attributes
    /// when the import ends, numbered to one width (`mention 001` when there are a hundred or
    /// more, so that they sort in order): added one at a time, each would make a new list of
    /// all the event's attributes, and thousands of mentions of one event took seconds and
    /// gigabytes.
    pub fn push_numbered(
        &mut self,
        id: &str,
        prefix: &'static str,
        value: Value,
    ) -> Option<&mut Event> {
        let ix = self.event_index.get(id, &self.events)?;
        let event = self.events.get_mut(ix as usize)?;
        let (_, values) = self
            .numbered
            .entry(ix)
            .or_insert_with(|| (prefix, Vec::new()));
        values.push(value);
        Some(event)
    }

    fn finish(self) -> Timeline {
        let Builder {
            mut events,
            event_index,
            actors,
            actor_by_key,
            sources,
            source_by_key,
            ids,
            lines,
            files,
            notes: _,
            tallies: _,
            title: _,
            mut labels,
            numbered,
        } = self;
        for (ix, (prefix, values)) in numbered {
            let Some(event) = events.get_mut(ix as usize) else {
                continue;
            };
            let width = values.len().to_string().len().max(2);
            let mut list = event.attributes.to_list();
            list.extend(values.into_iter().enumerate().map(|(n, value)| {
                let name = labels.get(&format!("{prefix} {:0width$}", n + 1));
                (name, value)
            }));
            // Sorted before they are made, not made twice.
            list.sort_by(|a, b| a.0.cmp(&b.0));
            event.attributes = labels.attributes(list);
        }
        // Sorted while the shapes are at hand, so that sorted lists share theirs too.
        for event in &mut events {
            labels.shapes.sort(&mut event.attributes);
        }
        // The lookup tables go before the timeline builds its own indexes, so that a large
        // import does not hold both at once.
        drop((
            event_index,
            actor_by_key,
            source_by_key,
            ids,
            labels,
            lines,
            files,
        ));
        Timeline::new(events, actors, sources)
    }
}

/// Whether a number written with a point or an exponent (`12.0`, `1E5`, `1000e-3`) is whole as
/// written, not only once read into a float (`1.000000000000000000001` reads as 1).
fn whole_as_written(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => match exponent.parse::<i64>() {
            Ok(exponent) => (mantissa, exponent),
            Err(_) => return false,
        },
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    // The digits up to the last that is not zero must all stand before the point.
    let significant = digits.trim_end_matches('0').len() as i64;
    significant <= whole.len() as i64 + exponent
}

/// The fields in which two events of one id differ, named as `events --json` names them
/// (attributes by their own names), at most eight.
fn differences(a: &Event, b: &Event) -> Vec<String> {
    let mut names: Vec<String> = [
        ("date", a.date != b.date),
        ("title", a.title != b.title),
        ("summary", a.summary != b.summary),
        ("type", a.kind != b.kind),
        ("actors", a.actors != b.actors),
        ("location", a.location != b.location),
        ("tags", a.tags != b.tags),
        ("quotes", a.quotes != b.quotes),
        ("roles", a.roles != b.roles),
        ("region", a.region != b.region),
        ("coordinates", a.point != b.point),
    ]
    .into_iter()
    .filter(|(_, differ)| *differ)
    .map(|(name, _)| name.to_string())
    .collect();
    // A number by its value: `12.0` and `12` in two downloads are the same count.
    let value = |event: &Event, key: &str| {
        event
            .attributes
            .iter()
            .filter(|(k, _)| **k == *key)
            .map(|(_, v)| match v {
                ValueRef::Number(n) => Ok(n.value()),
                ValueRef::Text(text) => Err(Label::clone(text)),
            })
            .collect::<Vec<_>>()
    };
    for (key, _) in a.attributes.iter().chain(&b.attributes) {
        if !names.iter().any(|n| **n == **key) && value(a, key) != value(b, key) {
            names.push(key.to_string());
        }
    }
    if names.len() > 8 {
        names.truncate(8);
        names.push("…".to_string());
    }
    names
}

/// Hands out readable ids that are unique among actors and among sources.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    /// For each base, the next number to try, so that many sources from one domain do not
    /// each probe from 2 upwards.
    next: HashMap<String, u32>,
}

impl Ids {
    fn unique(&mut self, what: &str, name: &str) -> String {
        let mut base = slug(name);
        if base.is_empty() {
            base = what.to_string();
        }
        let base = format!("{what}:{base}");
        let mut candidate = base.clone();
        if self.taken.contains(&candidate) {
            let n = self.next.entry(base.clone()).or_insert(2);
            loop {
                candidate = format!("{base}-{n}");
                *n += 1;
                if !self.taken.contains(&candidate) {
                    break;
                }
            }
        }
        self.taken.insert(candidate.clone());
        // The kind prefix only keeps actor and source namespaces apart in `taken`.
        candidate
            .split_once(':')
            .map_or(candidate.clone(), |(_, id)| id.to_string())
    }
}

/// A lower-case ASCII id made of the name's letters and digits, words joined by '-'.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= 48 {
                break;
            }
        } else if c != '\'' {
            gap = true;
        }
    }
    out
}

/// Text from HTML: tags dropped, paragraphs and breaks as new lines, common entities decoded.
pub(crate) fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .to_lowercase();
        let name = tag.split([' ', '/']).next().unwrap_or("");
        if matches!(name, "p" | "br" | "div" | "li") && !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_whole_as_written_when_no_digit_past_the_point_is_not_zero() {
        for whole in [
            "12.0", "1E5", "1e+5", "1000e-3", "1.5e1", "0.0", "-3.00", "0e9", "00012",
        ] {
            assert!(whole_as_written(whole), "{whole}");
        }
        for not in [
            "1.000000000000000000001",
            "1.55e1",
            "1e-7",
            "2.50",
            "10e-2",
            "1e",
            "1ex",
        ] {
            assert!(!whole_as_written(not), "{not}");
        }
    }

    /// A million exported rows repeat a few dozen codes and names: each is stored once.
    #[test]
    fn repeated_text_values_are_shared() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        for file in ["gdelt2_100.export.CSV", "acled.csv"] {
            let imported = import(&[fixtures.join(file)], &Options::default()).expect(file);
            let events = imported.dataset.timeline.events();
            let mut first: std::collections::HashMap<&str, &Label> = Default::default();
            let mut shared = 0;
            for event in events {
                for (_, value) in event.attributes.iter() {
                    if let ValueRef::Text(text) = value {
                        let stored = first.entry(text.as_str()).or_insert(text);
                        assert!(Label::ptr_eq(stored, text), "{file}: {text}");
                        shared += usize::from(!std::ptr::eq(*stored, text));
                    }
                }
            }
            assert!(
                shared > 0,
                "{file}: no text value repeats, the test shows nothing"
            );
        }
    }

    /// Titles made of an export's types and names, and coordinates geocoded to named places,
    /// repeat as much: each is stored once.
    #[test]
    fn repeated_titles_and_points_are_shared() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        for file in ["gdelt2_100.export.CSV", "acled_roles.csv"] {
            let imported = import(&[fixtures.join(file)], &Options::default()).expect(file);
            let events = imported.dataset.timeline.events();
            let (mut titles, mut points) = (0, 0);
            for (n, a) in events.iter().enumerate() {
                for b in &events[n + 1..] {
                    if a.title == b.title {
                        assert!(Label::ptr_eq(&a.title, &b.title), "{file}: {}", a.title);
                        titles += 1;
                    }
                    if let (Some(p), Some(q)) = (&a.point, &b.point) {
                        if (p.lat, p.lon) == (q.lat, q.lon) {
                            assert!(std::sync::Arc::ptr_eq(p, q), "{file}: {p}");
                            points += 1;
                        }
                    }
                }
            }
            assert!(titles > 0 && points > 0, "{file}: nothing repeats");
        }
    }

    /// A clash names the file and line the first event was read at, though the files between
    /// added no event (each of their rows a repeat, merged) and lines are kept apart from files.
    #[test]
    fn a_clash_names_where_the_first_event_was_read() {
        let template = crate::sample::timeline().events()[0].clone();
        let event = |id: &str, title: &str| Event {
            id: id.into(),
            title: title.into(),
            ..template.clone()
        };
        let mut builder = Builder::default();
        assert_eq!(
            builder.push_event(event("a1", "A"), "a.csv", Some(2)),
            Ok(true)
        );
        assert_eq!(
            builder.push_event(event("a2", "A"), "a.csv", Some(3)),
            Ok(true)
        );
        // Only repeats: b.csv starts where c.csv does, with no event of its own.
        assert_eq!(
            builder.push_event(event("a2", "A"), "b.csv", Some(2)),
            Ok(false)
        );
        assert_eq!(
            builder.push_event(event("c1", "C"), "c.csv", Some(7)),
            Ok(true)
        );
        assert_eq!(
            builder.push_event(event("t1", "T"), "t.json", None),
            Ok(true)
        );
        let clash = |builder: &mut Builder, id: &str| {
            builder
                .push_event(event(id, "other"), "d.csv", Some(9))
                .expect_err("a clash")
        };
        for (id, place) in [
            ("a1", "a.csv:2"),
            ("a2", "a.csv:3"),
            ("c1", "c.csv:7"),
            ("t1", "t.json,"),
        ] {
            let message = clash(&mut builder, id);
            assert!(
                message.contains(&format!("is also at {place}")),
                "{id}: {message}"
            );
        }
    }

    #[test]
    fn whole_numbers_may_have_an_exponent_and_too_large_ones_say_so() {
        let input = Input {
            path: Path::new("x.csv"),
            shown: "x.csv",
        };
        let mut check = RowCheck::new(&input, 2);
        assert_eq!(check.whole("n", "12"), Some(12));
        assert_eq!(check.whole("n", "1E5"), Some(100_000));
        assert_eq!(check.whole("n", "-3.0"), Some(-3));
        assert!(check.ok());
        assert_eq!(check.whole("n", "2.5"), None);
        assert_eq!(check.whole("n", "12345678901234567890"), None);
        assert_eq!(check.whole("n", "1e300"), None);
        let messages: Vec<String> = check.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "x.csv:2: n: '2.5' is not a whole number",
                "x.csv:2: n: '12345678901234567890' is too large a number (at most 9223372036854775807)",
                "x.csv:2: n: '1e300' is too large a number (at most 9223372036854775807)",
            ]
        );
    }

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(
            slug("Military Forces of Sudan (2019-)"),
            "military-forces-of-sudan-2019"
        );
        assert_eq!(slug("dailymaverick.co.za"), "dailymaverick-co-za");
        assert_eq!(slug("Côte d'Ivoire"), "c-te-divoire");
        assert_eq!(slug("الخرطوم"), "");
    }

    #[test]
    fn ids_are_unique_per_namespace() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("actor", "Police"), "police");
        assert_eq!(ids.unique("actor", "POLICE"), "police-2");
        assert_eq!(ids.unique("actor", "police"), "police-3");
        assert_eq!(ids.unique("source", "Police"), "police");
        assert_eq!(ids.unique("actor", "الخرطوم"), "actor");
    }

    #[test]
    fn strips_html() {
        assert_eq!(
            plain_text("<p>Born in <a href='x'>New Jersey</a> &amp; raised.</p><p>Then</p>"),
            "Born in New Jersey & raised.\nThen"
        );
        assert_eq!(
            plain_text("Whitney Houston<br/> 1963 - 2012"),
            "Whitney Houston\n1963 - 2012"
        );
    }
}
