//! Loading a dataset folder into a `Timeline`, collecting every problem before reporting:
//! sources, then actors, then events (whose references into the two are checked), then the
//! quotes found in their sources. Each file has its module; this one runs them in order.

mod actors;
mod events;
mod phases;
mod pin;
mod progress;
mod shape;
mod sources;
mod starts;
mod verify;
mod wire;

pub use phases::Phases;
pub use pin::sha256_hex;
pub use progress::{Progress, Stage};
pub use sources::{source_text, text_file};

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use crate::files::DatasetLocation;
use crate::model::Event;
use crate::problem::{quoted, Problem};
use crate::timeline::Timeline;
use actors::LoadedActors;
use events::{ReadEvents, Refs};
use sources::LoadedSources;
use wire::{decode, read_array, Located, RawEvent};

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
        sources_file: Referable::default(),
        actors_file: Referable::default(),
        actors_problems_from: 0,
        phases: Phases::new(),
        progress,
    };
    let sources = loader.sources();
    // Each file's problems are found pass by pass (fields, then ids, then each record's
    // values, then loops); a reader wants them in the file's order. Stable: one line's keep
    // their order, and a problem of the whole file (no line) comes first.
    loader.problems.sort_by_key(|p| p.line);
    loader.phases.done("sources");
    loader.actors_problems_from = loader.problems.len();
    progress.enter(Stage::Actors);
    let actors = loader.actors();
    loader.problems[loader.actors_problems_from..].sort_by_key(|p| p.line);
    loader.phases.done("actors");
    progress.enter(Stage::Events);
    let events = loader.events(&sources, &actors);
    loader.phases.done("quotes");
    if loader.problems.is_empty() {
        progress.enter(Stage::Timeline);
        // The id tables go before the timeline builds its own indexes: not both at once.
        drop(sources.by_id);
        let timeline =
            Timeline::with_actor_ids(events, actors.actors, sources.sources, actors.by_id);
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

/// sources.json or actors.json: a JSON array of records that the events refer into by id.
#[derive(Clone, Copy)]
enum RecordFile {
    Sources,
    Actors,
}

impl RecordFile {
    fn name(self) -> &'static str {
        match self {
            RecordFile::Sources => SOURCES_FILE,
            RecordFile::Actors => ACTORS_FILE,
        }
    }

    /// What its records are, for messages: "expected a JSON array of sources".
    fn what(self) -> &'static str {
        match self {
            RecordFile::Sources => "sources",
            RecordFile::Actors => "actors",
        }
    }

    fn shape(self) -> &'static [shape::Field] {
        match self {
            RecordFile::Sources => shape::SOURCE,
            RecordFile::Actors => shape::ACTOR,
        }
    }
}

/// What the events' references can rely on of sources.json or actors.json, once it is read.
#[derive(Default)]
struct Referable {
    /// Ids of records already reported as broken: references to them are not reported again,
    /// so one mistake gives one problem rather than a cascade.
    broken: HashSet<String>,
    /// The whole file could not be read, so no reference into it can be checked.
    unreadable: bool,
    /// The file is absent. That is allowed while no event needs it (no quotes, no actors);
    /// the file is reported once the events show that one does.
    missing: bool,
}

struct Loader<'a> {
    location: &'a DatasetLocation,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
    sources_file: Referable,
    actors_file: Referable,
    /// Where actors.json's problems begin among `problems`, so that a missing actors.json,
    /// known only after the events are read, is still reported in file order.
    actors_problems_from: usize,
    phases: Phases,
    progress: &'a Progress,
}

/// How many events, and the line of the first.
type Lines = (usize, usize);

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

    /// Reads `kind`'s file and hands its text to `check` (with the file's name as shown),
    /// which reads its records and gives what it loaded and how many records read, or `None`
    /// when the file is no array of records. Nothing is loaded from a file that is absent or
    /// cannot be read. Either way, what references into the file can rely on is noted for the
    /// events.
    fn read_records<R: Default>(
        &mut self,
        kind: RecordFile,
        check: impl FnOnce(&mut Self, &str, &str) -> Option<(R, usize)>,
    ) -> R {
        let file = self.location.display(kind.name());
        let reported = self.problems.len();
        let text = self.read_text(kind.name(), false);
        let problems = self.problems.len();
        let Some(text) = text else {
            // A file that cannot be read (not UTF-8, say) was reported, and a missing one is
            // reported after the events if they refer into it: either way references into it
            // are not reported again, one by one, as unknown.
            let referable = self.referable(kind);
            referable.unreadable = true;
            referable.missing = problems == reported;
            return R::default();
        };
        match check(self, &file, &text) {
            Some((loaded, read)) => {
                if read == 0 && self.problems.len() > reported {
                    // No record could be read: references into the file cannot be checked
                    // either.
                    self.referable(kind).unreadable = true;
                }
                loaded
            }
            None => {
                self.referable(kind).unreadable = true;
                R::default()
            }
        }
    }

    fn referable(&mut self, kind: RecordFile) -> &mut Referable {
        match kind {
            RecordFile::Sources => &mut self.sources_file,
            RecordFile::Actors => &mut self.actors_file,
        }
    }

    /// Checks a record's id: present and not seen before. Returns whether to keep the record,
    /// which is then entered in `seen` as `value`; `line_of` tells the line of a value seen
    /// before, for the message about a duplicate.
    #[allow(clippy::too_many_arguments)]
    fn check_id<T, V: Copy>(
        &mut self,
        file: &str,
        record: &Located<T>,
        id: &str,
        what: &str,
        seen: &mut FxHashMap<String, V>,
        value: V,
        line_of: impl Fn(V) -> usize,
    ) -> bool {
        if id.trim().is_empty() {
            self.problems
                .push(record.problem(file, "id", format!("{what} with an empty id")));
            return false;
        }
        // One look-up for both the check and the insert.
        match seen.entry(id.to_string()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                self.problems.push(record.problem(
                    file,
                    "id",
                    format!(
                        "duplicate {what} id {} (first defined on line {})",
                        quoted(id),
                        line_of(*first.get())
                    ),
                ));
                false
            }
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(value);
                true
            }
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
        // Only while the events are read: the quotes are placed after it is gone.
        let starts = starts::SentenceStarts::new(&sources.sources);
        let refs = Refs {
            actors: &actors.by_id,
            sources: &sources.by_id,
            starts: &starts,
            broken_actors: &self.actors_file.broken,
            broken_sources: &self.sources_file.broken,
            actors_unreadable: self.actors_file.unreadable,
            sources_unreadable: self.sources_file.unreadable,
            unchecked_actors: Default::default(),
            unchecked_sources: Default::default(),
        };
        let mut problems = Vec::new();
        let mut labels = crate::labels::Labels::default();
        let mut read = if let Some(text) = &array_text {
            let mut refused = Vec::new();
            let mut read = read_array::<RawEvent>(
                &file,
                text,
                "events",
                shape::EVENT,
                &mut problems,
                &mut HashSet::new(),
                &mut refused,
            )
            .unwrap_or_default()
            .into_iter()
            .filter_map(|record| {
                events::check_record(&file, record, &refs, &mut labels, &mut problems)
            })
            .fold(ReadEvents::default(), |mut read, event| {
                read.push(event);
                read
            });
            read.settle(0, &starts);
            for record in &refused {
                events::check_refused(&file, record, &mut read, &mut problems);
            }
            read
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
        drop(starts);
        self.report_missing(&file, unchecked);
        events::check_ids(&file, &read, &mut problems);
        self.phases.done("ids");
        self.progress.enter(Stage::Quotes);
        let unverifiable = verify::locate_quotes(
            &file,
            &sources.sources,
            &mut read,
            &mut problems,
            &mut self.notes,
        );
        self.report_unverifiable(&file, sources, &unverifiable);
        // Problems were found record by record, then quote by quote: report them by line.
        problems.sort_by_key(|p| p.line);
        self.problems.extend(problems);
        read.events
    }

    /// Quotes of a source without a text file cannot be verified: one problem for the source,
    /// on its sources.json line, among that file's problems, rather than one "not found" a
    /// quote, which would read as if the quotes were wrong.
    fn report_unverifiable(
        &mut self,
        events_file: &str,
        sources: &LoadedSources,
        unverifiable: &[verify::Unverifiable],
    ) {
        let file = self.location.display(SOURCES_FILE);
        let problems: Vec<Problem> = unverifiable
            .iter()
            .map(|u| {
                let source = &sources.sources[u.source];
                let quotes = crate::text::count(u.quotes, "quote", "quotes");
                let message = format!(
                    "source {} has no text file, so its {quotes} cannot be verified (the first \
                     at {events_file}:{})",
                    quoted(&source.id),
                    u.first_line
                );
                let hint = format!(
                    "give it \"file\": its saved text, relative to the dataset folder (as \
                     \"sources/{}.txt\"); only a source known by its reference alone (a URL) \
                     has no file, and then nothing to quote",
                    source.id
                );
                Problem::new(&file, sources.fileless.get(&u.source).copied(), message)
                    .with_field("file")
                    .with_hint(hint)
            })
            .collect();
        let n = problems.len();
        if n == 0 {
            return;
        }
        let at = self.actors_problems_from;
        self.problems.splice(at..at, problems);
        // Among sources.json's problems, in its line order.
        self.problems[..at + n].sort_by_key(|p| p.line);
        self.actors_problems_from += n;
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
        if let Some(actors) = actors.filter(|_| self.actors_file.missing) {
            let problem = missing(ACTORS_FILE, actors, "actors");
            self.problems.insert(self.actors_problems_from, problem);
        }
        if let Some(sources) = sources.filter(|_| self.sources_file.missing) {
            let problem = missing(SOURCES_FILE, sources, "sources");
            self.problems.insert(0, problem);
        }
    }
}
