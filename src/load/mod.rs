//! Loading a dataset folder into a `Timeline`, collecting every problem before reporting.

mod events;
mod pin;
mod progress;
mod shape;
mod verify;
mod wire;

pub use pin::sha256_hex;
pub use progress::{Progress, Stage};

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::model::{Actor, ActorId, ActorKind, Event, Source, SourceId};
use crate::problem::{did_you_mean, escape_unsafe, quoted, Problem};
use crate::sentences::split_sentences;
use crate::timeline::{id_hash, Timeline};
use events::{ReadEvents, Refs};
use wire::{decode, read_array, Located, RawActor, RawEvent, RawSource};

/// A dataset that loaded cleanly, with notes worth telling (e.g. a quote found twice).
#[derive(Debug)]
pub struct Dataset {
    pub name: String,
    pub timeline: Timeline,
    pub notes: Vec<Problem>,
}

impl Dataset {
    /// How many quotes were found in their sources.
    pub fn quote_count(&self) -> usize {
        self.timeline.events().iter().map(|e| e.quotes.len()).sum()
    }
}

pub const SOURCES_FILE: &str = "sources.json";
pub const ACTORS_FILE: &str = "actors.json";
pub const EVENTS_LINES_FILE: &str = "events.jsonl";
pub const EVENTS_ARRAY_FILE: &str = "events.json";

/// Loads and validates a dataset; on failure, returns every problem found, in file order.
pub fn load(location: &DatasetLocation) -> Result<Dataset, Vec<Problem>> {
    load_showing(location, &Progress::default())
}

/// `load`, telling `progress` how far it has got (for a display on another thread).
pub fn load_showing(
    location: &DatasetLocation,
    progress: &Progress,
) -> Result<Dataset, Vec<Problem>> {
    if let Err(message) = location.check_root() {
        return Err(vec![Problem::new(location.display_root(), None, message)]);
    }
    let mut loader = Loader {
        location,
        problems: Vec::new(),
        notes: Vec::new(),
        broken_sources: HashSet::new(),
        broken_actors: HashSet::new(),
        sources_unreadable: false,
        actors_unreadable: false,
        sources_missing: false,
        actors_missing: false,
        actors_problems_from: 0,
        phases: Phases::new(),
        progress,
    };
    let sources = loader.sources();
    loader.phases.done("sources");
    loader.actors_problems_from = loader.problems.len();
    progress.enter(Stage::Actors);
    let actors = loader.actors();
    loader.phases.done("actors");
    progress.enter(Stage::Events);
    let events = loader.events(&sources, &actors);
    loader.phases.done("quotes");
    if loader.problems.is_empty() {
        progress.enter(Stage::Timeline);
        // The id tables go before the timeline builds its own indexes: not both at once.
        drop((sources.by_id, actors.by_id));
        let timeline = Timeline::new(events, actors.actors, sources.sources);
        loader.phases.done("timeline");
        Ok(Dataset {
            name: location.name(),
            timeline,
            notes: loader.notes,
        })
    } else {
        Err(loader.problems)
    }
}

/// A source file's text and sentences, or why it could not be had.
type SourceRead = Result<SourceText, Unreadable>;

/// A source file as read.
#[derive(Default)]
struct SourceText {
    text: String,
    sentences: Vec<Range<usize>>,
    /// The SHA-256 of the file's bytes (before any byte order mark is dropped), computed only
    /// for a source that pins one.
    sha256: Option<String>,
}

enum Unreadable {
    /// It could not be opened or read (the message says why).
    Missing(String),
    /// It was read but is not text.
    NotText(Problem),
}

/// Reads and splits the text file of every source record that names one, on every core; in
/// record order, `None` for records without a file.
fn read_sources(
    location: &DatasetLocation,
    records: &[Located<RawSource>],
) -> Vec<Option<SourceRead>> {
    let read = |records: &[Located<RawSource>]| -> Vec<Option<SourceRead>> {
        records
            .iter()
            .map(|record| {
                let relative = record.value.file.as_deref()?;
                let read = match location.read_source(relative) {
                    Ok(bytes) => {
                        let sha256 = record
                            .value
                            .sha256
                            .as_ref()
                            .map(|_| pin::sha256_hex(&bytes));
                        source_text(&location.display(relative), bytes)
                            .map(|text| SourceText {
                                sentences: split_sentences(&text),
                                text,
                                sha256,
                            })
                            .map_err(Unreadable::NotText)
                    }
                    Err(message) => Err(Unreadable::Missing(message)),
                };
                Some(read)
            })
            .collect()
    };
    crate::shares::in_shares(records, read)
}

/// A source document's text: UTF-8, not binary (no NUL byte) and not empty.
fn source_text(shown: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    // `contains` is std's optimised byte search; the position is looked for only when needed.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(Problem::new(
            shown,
            None,
            format!("looks binary, not text (a NUL byte at byte offset {offset})"),
        )
        .with_hint("sources are plain UTF-8 text files"));
    }
    let text = decode(shown, bytes)?;
    if text.trim().is_empty() {
        return Err(Problem::new(shown, None, "the file is empty"));
    }
    Ok(text)
}

/// Time spent in each phase of a load, printed to standard error when `CHRONICLE_TIMINGS` is
/// set, so that benchmarks can say where the time goes.
struct Phases {
    enabled: bool,
    last: std::time::Instant,
    /// The process's CPU time (all threads) when the last phase ended, in clock ticks.
    last_cpu: u64,
}

impl Phases {
    fn new() -> Phases {
        Phases {
            enabled: std::env::var_os("CHRONICLE_TIMINGS").is_some(),
            last: std::time::Instant::now(),
            last_cpu: cpu_ticks(),
        }
    }

    fn done(&mut self, phase: &str) {
        if self.enabled {
            let now = std::time::Instant::now();
            let cpu = cpu_ticks();
            // CPU time beside wall time: how many cores the phase kept busy.
            eprintln!(
                "load: {phase:<9} {:>8.1} ms  cpu {:>6} ms  resident {:>6} MB  peak {:>6} MB",
                (now - self.last).as_secs_f64() * 1e3,
                (cpu - self.last_cpu) * 10,
                megabytes("VmRSS:"),
                megabytes("VmHWM:")
            );
            self.last = now;
            self.last_cpu = cpu;
        }
    }
}

/// The CPU time of the whole process (user and system, every thread) in ticks of 10 ms, from
/// /proc where there is one (0 elsewhere).
fn cpu_ticks() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // The command name (field 2) may hold spaces: count fields after its ')'.
            let after = &stat[stat.rfind(')')? + 1..];
            let mut fields = after.split_whitespace().skip(11);
            let user: u64 = fields.next()?.parse().ok()?;
            let system: u64 = fields.next()?.parse().ok()?;
            Some(user + system)
        })
        .unwrap_or(0)
}

/// One of the process's memory figures (`VmRSS:` resident now, `VmHWM:` the most resident so
/// far), from /proc where there is one (0 elsewhere).
fn megabytes(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}

struct Loader<'a> {
    location: &'a DatasetLocation,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
    /// Ids of sources and actors already reported as broken: references to them are not
    /// reported again, so one mistake gives one problem rather than a cascade.
    broken_sources: HashSet<String>,
    broken_actors: HashSet<String>,
    /// Whether a whole file could not be read, so no reference into it can be checked.
    sources_unreadable: bool,
    actors_unreadable: bool,
    /// Whether the file is absent. That is allowed while no event needs it (no quotes, no
    /// actors); the file is reported once the events show that one does.
    sources_missing: bool,
    actors_missing: bool,
    /// Where actors.json's problems begin among `problems`, so that a missing actors.json,
    /// known only after the events are read, is still reported in file order.
    actors_problems_from: usize,
    phases: Phases,
    progress: &'a Progress,
}

/// How many events, and the line of the first.
type Lines = (usize, usize);

struct LoadedSources {
    sources: Vec<Source>,
    by_id: FxHashMap<String, SourceId>,
}

struct LoadedActors {
    actors: Vec<Actor>,
    by_id: FxHashMap<String, ActorId>,
}

impl Loader<'_> {
    /// Reads a dataset file as text; `None` when it is missing or unreadable (reported).
    fn read_text(&mut self, name: &str, required: bool) -> Option<String> {
        let file = self.location.display(name);
        match self.location.read(name) {
            Ok(Some(bytes)) => match decode(&file, bytes) {
                Ok(text) => Some(text),
                Err(problem) => {
                    self.problems.push(problem);
                    None
                }
            },
            Ok(None) if required => {
                self.problems
                    .push(Problem::new(file, None, "file not found"));
                None
            }
            Ok(None) => None,
            Err(message) => {
                self.problems.push(Problem::new(file, None, message));
                None
            }
        }
    }

    fn sources(&mut self) -> LoadedSources {
        let file = self.location.display(SOURCES_FILE);
        let mut loaded = LoadedSources {
            sources: Vec::new(),
            by_id: FxHashMap::default(),
        };
        let reported = self.problems.len();
        let Some(text) = self.read_text(SOURCES_FILE, false) else {
            // A file that cannot be read (not UTF-8, say) was reported, and a missing one is
            // reported after the events if they refer into it: either way references into it
            // are not reported again, one by one, as unknown.
            self.sources_unreadable = true;
            self.sources_missing = self.problems.len() == reported;
            return loaded;
        };
        let Some(records) = read_array::<RawSource>(
            &file,
            &text,
            "sources",
            shape::SOURCE,
            &mut self.problems,
            &mut self.broken_sources,
        ) else {
            self.sources_unreadable = true;
            return loaded;
        };
        if records.is_empty() && self.problems.len() > reported {
            // No record could be read: references into the file cannot be checked either.
            self.sources_unreadable = true;
        }
        let mut first_line: HashMap<String, usize> = HashMap::new();
        // Ten thousand files are read and split into sentences on every core first; what is
        // wrong with them is reported below, record by record, in file order.
        let mut texts = read_sources(self.location, &records);
        for (record, text) in records.into_iter().zip(&mut texts) {
            let raw = &record.value;
            let problem = |line: usize, message: String| Problem::new(&file, Some(line), message);
            if !self.check_id(&file, &record, &raw.id, "source", &mut first_line) {
                continue;
            }
            if raw.title.trim().is_empty() {
                self.problems.push(problem(
                    record.line_of("title"),
                    format!("source {} has an empty title", quoted(&raw.id)),
                ));
            }
            let published = raw.published.as_deref().and_then(|published| {
                EdtfDate::parse(published)
                    .map_err(|e| {
                        self.problems.push(problem(
                            record.line_of("published"),
                            format!("invalid date {}: {e}", quoted(published)),
                        ));
                    })
                    .ok()
            });
            let pinned = raw.sha256.as_deref().and_then(|pin| {
                let parsed = pin::parse(pin).map_err(|message| {
                    let hint = match &raw.file {
                        Some(file) => format!("`sha256sum {file}` in the dataset folder prints it"),
                        None => "sha256sum prints it".to_string(),
                    };
                    self.problems
                        .push(problem(record.line_of("sha256"), message).with_hint(hint));
                });
                parsed.ok()
            });
            if raw.sha256.is_some() && raw.file.is_none() {
                self.problems.push(problem(
                    record.line_of("sha256"),
                    format!(
                        "source {} pins a sha256 but has no file to check it against",
                        quoted(&raw.id)
                    ),
                ));
            }
            let read = match (&raw.file, text.take()) {
                (Some(file), Some(read)) => self.source_text_or_problem(&record, file, read),
                _ => SourceText::default(),
            };
            if let (Some(pinned), Some(found), Some(relative)) = (&pinned, &read.sha256, &raw.file)
            {
                if pinned != found {
                    let shown = escape_unsafe(relative);
                    self.problems.push(
                        problem(
                            record.line_of("sha256"),
                            pin::changed(&shown, pinned, found),
                        )
                        .with_hint(pin::changed_hint(found)),
                    );
                }
            }
            let id = SourceId(loaded.sources.len() as u32);
            loaded.by_id.insert(raw.id.clone(), id);
            let raw = record.value;
            loaded.sources.push(Source {
                id: raw.id,
                title: raw.title,
                publisher: raw.publisher,
                url: raw.url,
                published,
                sha256: pinned,
                file: raw.file.unwrap_or_default(),
                text: read.text,
                sentences: read.sentences,
            });
        }
        loaded
    }

    /// A source's text and sentences as read, or, when it could not be read, empty ones with
    /// the problem reported (and the source marked broken, so that its quotes are not reported
    /// again).
    fn source_text_or_problem(
        &mut self,
        record: &Located<RawSource>,
        relative: &str,
        read: SourceRead,
    ) -> SourceText {
        let (message, hint) = match read {
            Ok(text) => return text,
            Err(Unreadable::Missing(message)) => {
                (format!("source file {} {message}", quoted(relative)), None)
            }
            Err(Unreadable::NotText(p)) => (
                format!("source file {}: {}", quoted(relative), p.message),
                p.hint,
            ),
        };
        self.broken_sources.insert(record.value.id.clone());
        let file = self.location.display(SOURCES_FILE);
        let mut problem = Problem::new(file, Some(record.line_of("file")), message);
        problem.hint = hint;
        self.problems.push(problem);
        SourceText::default()
    }

    /// Checks a record's id: present and not seen before. Returns whether to keep the record.
    fn check_id<T>(
        &mut self,
        file: &str,
        record: &Located<T>,
        id: &str,
        what: &str,
        first_line: &mut HashMap<String, usize>,
    ) -> bool {
        if id.trim().is_empty() {
            self.problems.push(Problem::new(
                file,
                Some(record.line_of("id")),
                format!("{what} with an empty id"),
            ));
            return false;
        }
        if let Some(first) = first_line.get(id) {
            self.problems.push(Problem::new(
                file,
                Some(record.line_of("id")),
                format!(
                    "duplicate {what} id {} (first defined on line {first})",
                    quoted(id)
                ),
            ));
            return false;
        }
        first_line.insert(id.to_string(), record.line);
        true
    }

    fn actors(&mut self) -> LoadedActors {
        let file = self.location.display(ACTORS_FILE);
        let mut loaded = LoadedActors {
            actors: Vec::new(),
            by_id: FxHashMap::default(),
        };
        let reported = self.problems.len();
        let Some(text) = self.read_text(ACTORS_FILE, false) else {
            // A file that cannot be read (not UTF-8, say) was reported, and a missing one is
            // reported after the events if they refer into it: either way references into it
            // are not reported again, one by one, as unknown.
            self.actors_unreadable = true;
            self.actors_missing = self.problems.len() == reported;
            return loaded;
        };
        let Some(records) = read_array::<RawActor>(
            &file,
            &text,
            "actors",
            shape::ACTOR,
            &mut self.problems,
            &mut self.broken_actors,
        ) else {
            self.actors_unreadable = true;
            return loaded;
        };
        if records.is_empty() && self.problems.len() > reported {
            // No record could be read: references into the file cannot be checked either.
            self.actors_unreadable = true;
        }
        // Sized once: grown by doubling, these tables touch about twice the memory they keep.
        let mut first_line = HashMap::with_capacity(records.len());
        loaded.by_id.reserve(records.len());
        loaded.actors.reserve_exact(records.len());
        let mut kept = Vec::with_capacity(records.len());
        for record in records {
            let raw = &record.value;
            if !self.check_id(&file, &record, &raw.id, "actor", &mut first_line) {
                continue;
            }
            loaded
                .by_id
                .insert(raw.id.clone(), ActorId(kept.len() as u32));
            kept.push(record);
        }
        for record in &mut kept {
            // The record's fields move into the actor; the record keeps its place in the file
            // for the messages about loops below.
            let raw = std::mem::take(&mut record.value);
            if raw.name.trim().is_empty() {
                self.problems.push(Problem::new(
                    &file,
                    Some(record.line_of("name")),
                    format!("actor {} has an empty name", quoted(&raw.id)),
                ));
            }
            let kind = raw.kind.as_deref().and_then(|k| {
                let parsed = ActorKind::parse(k);
                if parsed.is_none() {
                    let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
                    self.problems.push(
                        Problem::new(
                            &file,
                            Some(record.line_of("kind")),
                            format!(
                                "unknown actor kind {}{}",
                                quoted(k),
                                did_you_mean(k, kinds.iter().copied())
                            ),
                        )
                        .with_hint(format!("kind is one of {}", kinds.join(", "))),
                    );
                }
                parsed
            });
            let affiliation = raw.affiliation.as_deref().and_then(|a| {
                let found = loaded.by_id.get(a).copied();
                // An actor whose own record is broken was reported already.
                if found.is_none() && !self.broken_actors.contains(a) {
                    self.problems.push(Problem::new(
                        &file,
                        Some(record.line_of("affiliation")),
                        format!(
                            "actor {} is affiliated with unknown actor {}{}",
                            quoted(&raw.id),
                            quoted(a),
                            did_you_mean(a, loaded.by_id.keys().map(String::as_str))
                        ),
                    ));
                }
                found
            });
            loaded.actors.push(Actor {
                id: raw.id,
                name: raw.name,
                kind,
                aliases: raw.aliases,
                affiliation,
                description: raw.description,
            });
        }
        self.check_affiliation_loops(&file, &loaded.actors, &kept);
        loaded
    }

    /// An affiliation chain that comes back on itself has no top; report each loop once,
    /// from its member first in file order. Each actor is walked once, so a long chain of
    /// affiliations costs no more than its length.
    fn check_affiliation_loops(
        &mut self,
        file: &str,
        actors: &[Actor],
        records: &[Located<RawActor>],
    ) {
        const UNSEEN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![UNSEEN; actors.len()];
        let mut path: Vec<usize> = Vec::new();
        let mut loops: Vec<Vec<usize>> = Vec::new();
        for start in 0..actors.len() {
            let mut at = Some(start);
            while let Some(i) = at {
                match state.get(i).copied() {
                    Some(UNSEEN) => {
                        state[i] = ON_PATH;
                        path.push(i);
                        at = actors[i].affiliation.map(ActorId::index);
                    }
                    Some(ON_PATH) => {
                        let from = path.iter().position(|p| *p == i).unwrap_or(0);
                        loops.push(path[from..].to_vec());
                        break;
                    }
                    _ => break,
                }
            }
            for i in path.drain(..) {
                state[i] = DONE;
            }
        }
        for members in &mut loops {
            let first = members
                .iter()
                .enumerate()
                .min_by_key(|(_, m)| **m)
                .map_or(0, |(at, _)| at);
            members.rotate_left(first);
        }
        loops.sort_by_key(|members| members[0]);
        for members in loops {
            let leader = members[0];
            // A loop of thousands would make an unreadable message: name its first few.
            const SHOWN: usize = 12;
            let mut names: Vec<String> = members
                .iter()
                .take(SHOWN)
                .map(|m| escape_unsafe(&actors[*m].id).into_owned())
                .collect();
            if members.len() > SHOWN {
                names.push(format!("… ({} actors in all)", members.len()));
            }
            names.push(escape_unsafe(&actors[leader].id).into_owned());
            let line = records.get(leader).map(|r| r.line_of("affiliation"));
            self.problems.push(Problem::new(
                file,
                line,
                format!("affiliations form a loop: {}", names.join(" → ")),
            ));
        }
    }

    fn events(&mut self, sources: &LoadedSources, actors: &LoadedActors) -> Vec<Event> {
        let lines_exist = self.location.exists(EVENTS_LINES_FILE);
        let array_exists = self.location.exists(EVENTS_ARRAY_FILE);
        let name = match (lines_exist, array_exists) {
            (true, true) => {
                self.problems.push(Problem::new(
                    self.location.display_root(),
                    None,
                    format!(
                        "both {EVENTS_LINES_FILE} and {EVENTS_ARRAY_FILE} exist; keep only one"
                    ),
                ));
                return Vec::new();
            }
            (false, true) => EVENTS_ARRAY_FILE,
            _ => EVENTS_LINES_FILE,
        };
        let file = self.location.display(name);
        let array_text = if name == EVENTS_ARRAY_FILE {
            let Some(text) = self.read_text(name, true) else {
                return Vec::new();
            };
            Some(text)
        } else {
            None
        };
        let refs = Refs {
            actors: &actors.by_id,
            sources: &sources.by_id,
            broken_actors: &self.broken_actors,
            broken_sources: &self.broken_sources,
            actors_unreadable: self.actors_unreadable,
            sources_unreadable: self.sources_unreadable,
            unchecked_actors: Default::default(),
            unchecked_sources: Default::default(),
        };
        let mut problems = Vec::new();
        let mut labels = crate::labels::Labels::default();
        let mut read = if let Some(text) = &array_text {
            read_array::<RawEvent>(
                &file,
                text,
                "events",
                shape::EVENT,
                &mut problems,
                &mut HashSet::new(),
            )
            .unwrap_or_default()
            .into_iter()
            .filter_map(|record| {
                events::check_record(&file, record, &refs, &mut labels, &mut problems)
            })
            .fold(ReadEvents::default(), |mut read, event| {
                read.push(event);
                read
            })
        } else {
            match self.location.open(name) {
                Ok(Some(reader)) => {
                    let size = self.location.size(name);
                    self.progress.events_size(size.unwrap_or(0));
                    events::read_lines(&file, reader, size, &refs, self.progress, &mut problems)
                }
                Ok(None) => {
                    problems.push(Problem::new(&file, None, "file not found"));
                    ReadEvents::default()
                }
                Err(message) => {
                    problems.push(Problem::new(&file, None, message));
                    ReadEvents::default()
                }
            }
        };
        // An events file without events (empty, blank lines, `[]`) is an empty timeline, as
        // `chronicle init` makes one; `check` says so in its count ("0 events").
        self.phases.done("events");
        let unchecked = (refs.unchecked_sources.get(), refs.unchecked_actors.get());
        self.report_missing(&file, unchecked);
        self.check_event_ids(&file, &read, &mut problems);
        self.phases.done("ids");
        self.progress.enter(Stage::Quotes);
        verify::locate_quotes(
            &file,
            &sources.sources,
            &mut read,
            &mut problems,
            &mut self.notes,
        );
        // Problems were found record by record, then quote by quote: report them by line.
        problems.sort_by_key(|p| p.line);
        self.problems.extend(problems);
        read.events
    }

    /// A missing sources.json or actors.json is a problem only when an event needs it: then
    /// it is reported once, in its file's place, instead of each reference as unknown.
    /// `unchecked` is, for sources then actors, how many events referred into the file and the
    /// first line of one.
    fn report_missing(&mut self, events_file: &str, unchecked: (Option<Lines>, Option<Lines>)) {
        let (sources, actors) = unchecked;
        let missing = |name: &str, (events, line): Lines, what: &str| {
            let many = if events == 1 { "event" } else { "events" };
            let verb = match (what, events) {
                ("actors", 1) => "names",
                ("actors", _) => "name",
                (_, 1) => "quotes",
                _ => "quote",
            };
            Problem::new(self.location.display(name), None, "file not found").with_hint(format!(
                "{events} {many} {verb} {what} (the first at {events_file}:{line}), so the dataset needs {name}"
            ))
        };
        // actors.json's place first: inserting sources.json's at the front moves it along.
        if let Some(actors) = actors.filter(|_| self.actors_missing) {
            let problem = missing(ACTORS_FILE, actors, "actors");
            self.problems.insert(self.actors_problems_from, problem);
        }
        if let Some(sources) = sources.filter(|_| self.sources_missing) {
            let problem = missing(SOURCES_FILE, sources, "sources");
            self.problems.insert(0, problem);
        }
    }

    /// Duplicate event ids, each named with the line that first used it. The events are
    /// listed by the hash of their id and sorted, so that only ids with equal hashes are ever
    /// compared: a third of the memory of a map from a million ids, and no probing.
    fn check_event_ids(&self, file: &str, read: &ReadEvents, problems: &mut Vec<Problem>) {
        let events = &read.events;
        let mut by_hash: Vec<(u64, u32)> = events
            .iter()
            .enumerate()
            .map(|(i, event)| (id_hash(&event.id), i as u32))
            .collect();
        by_hash.sort_unstable();
        for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
            // Rarely more than one event, and then nearly always the same id twice.
            for (at, &(_, later)) in run.iter().enumerate().skip(1) {
                let id = &events[later as usize].id;
                let first = run[..at]
                    .iter()
                    .map(|&(_, i)| i as usize)
                    .find(|&i| events[i].id == *id);
                if let Some(first) = first {
                    problems.push(Problem::new(
                        file,
                        Some(read.lines[later as usize].record),
                        format!(
                            "duplicate event id {} (first defined on line {})",
                            quoted(id),
                            read.lines[first].record
                        ),
                    ));
                }
            }
        }
    }
}
