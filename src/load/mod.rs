//! Loading a dataset folder into a `Timeline`, collecting every problem before reporting.

mod wire;

use std::collections::{HashMap, HashSet};

use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::model::{Actor, ActorId, ActorKind, Event, Quote, Source, SourceId};
use crate::problem::{did_you_mean, quoted, quoted_up_to, Problem};
use crate::quote::{fold, locate, NormalizedText};
use crate::sentences::split_sentences;
use crate::timeline::Timeline;
use wire::{decode, read_array, read_lines, Located, RawActor, RawEvent, RawSource};

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
    };
    let sources = loader.sources();
    let actors = loader.actors();
    let events = loader.events(&sources, &actors);
    if loader.problems.is_empty() {
        Ok(Dataset {
            name: location.name(),
            timeline: Timeline::new(events, actors.actors, sources.sources),
            notes: loader.notes,
        })
    } else {
        Err(loader.problems)
    }
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
}

struct LoadedSources {
    sources: Vec<Source>,
    by_id: HashMap<String, SourceId>,
}

struct LoadedActors {
    actors: Vec<Actor>,
    by_id: HashMap<String, ActorId>,
}

impl Loader<'_> {
    /// Reads a dataset file as text; `None` when it is missing or unreadable (reported).
    fn read_text(&mut self, name: &str, required: bool) -> Option<String> {
        let file = self.location.display(name);
        match self.location.read(name) {
            Ok(Some(bytes)) => match decode(&file, &bytes) {
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
            by_id: HashMap::new(),
        };
        let Some(text) = self.read_text(SOURCES_FILE, false) else {
            return loaded;
        };
        let Some(records) = read_array::<RawSource>(
            &file,
            &text,
            "sources",
            &mut self.problems,
            &mut self.broken_sources,
        ) else {
            self.sources_unreadable = true;
            return loaded;
        };
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for record in records {
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
            if let Some(published) = &raw.published {
                if let Err(e) = EdtfDate::parse(published) {
                    self.problems.push(problem(
                        record.line_of("published"),
                        format!("invalid date {}: {e}", quoted(published)),
                    ));
                }
            }
            let text = match &raw.file {
                Some(file) => self.source_text(&record, file),
                None => String::new(),
            };
            let sentences = split_sentences(&text);
            let id = SourceId(loaded.sources.len() as u32);
            loaded.by_id.insert(raw.id.clone(), id);
            let raw = record.value;
            loaded.sources.push(Source {
                id: raw.id,
                title: raw.title,
                publisher: raw.publisher,
                url: raw.url,
                published: raw.published,
                file: raw.file.unwrap_or_default(),
                text,
                sentences,
            });
        }
        loaded
    }

    /// Reads a source's text file; on failure reports it, marks the source broken and gives
    /// an empty text.
    fn source_text(&mut self, record: &Located<RawSource>, relative: &str) -> String {
        let file = self.location.display(SOURCES_FILE);
        let raw = &record.value;
        let message = match self.location.read_source(relative) {
            Ok(bytes) => {
                let shown = self.location.display(relative);
                match decode(&shown, &bytes) {
                    Ok(text) => return text,
                    Err(p) => format!("source file {}: {}", quoted(relative), p.message),
                }
            }
            Err(message) => format!("source file {} {message}", quoted(relative)),
        };
        self.broken_sources.insert(raw.id.clone());
        self.problems
            .push(Problem::new(file, Some(record.line_of("file")), message));
        String::new()
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
            by_id: HashMap::new(),
        };
        let Some(text) = self.read_text(ACTORS_FILE, false) else {
            return loaded;
        };
        let Some(records) = read_array::<RawActor>(
            &file,
            &text,
            "actors",
            &mut self.problems,
            &mut self.broken_actors,
        ) else {
            self.actors_unreadable = true;
            return loaded;
        };
        let mut first_line = HashMap::new();
        let mut kept = Vec::new();
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
        for record in &kept {
            let raw = &record.value;
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
                if found.is_none() {
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
                id: raw.id.clone(),
                name: raw.name.clone(),
                kind,
                aliases: raw.aliases.clone(),
                affiliation,
                description: raw.description.clone(),
            });
        }
        self.check_affiliation_loops(&file, &loaded.actors, &kept);
        loaded
    }

    /// An affiliation chain that comes back on itself has no top; report each loop once.
    fn check_affiliation_loops(
        &mut self,
        file: &str,
        actors: &[Actor],
        records: &[Located<RawActor>],
    ) {
        for (start, actor) in actors.iter().enumerate() {
            let mut chain = vec![actor.id.as_str()];
            let mut next = actor.affiliation;
            while let Some(id) = next {
                if id.index() == start {
                    // Report from the loop's first actor in file order only.
                    let members_before = chain.iter().any(|m| {
                        actors
                            .iter()
                            .position(|a| a.id == *m)
                            .is_some_and(|p| p < start)
                    });
                    if !members_before {
                        chain.push(actor.id.as_str());
                        let line = records.get(start).map(|r| r.line_of("affiliation"));
                        self.problems.push(Problem::new(
                            file,
                            line,
                            format!("affiliations form a loop: {}", chain.join(" → ")),
                        ));
                    }
                    break;
                }
                if chain.len() > actors.len() {
                    break; // a loop not through `start`; its own members report it
                }
                let Some(next_actor) = actors.get(id.index()) else {
                    break;
                };
                chain.push(next_actor.id.as_str());
                next = next_actor.affiliation;
            }
        }
    }

    fn events(&mut self, sources: &LoadedSources, actors: &LoadedActors) -> Vec<Event> {
        let lines_exist = matches!(self.location.read(EVENTS_LINES_FILE), Ok(Some(_)));
        let array_exists = matches!(self.location.read(EVENTS_ARRAY_FILE), Ok(Some(_)));
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
        let Some(text) = self.read_text(name, true) else {
            return Vec::new();
        };
        let records: Vec<Located<RawEvent>> = if name == EVENTS_ARRAY_FILE {
            read_array(
                &file,
                &text,
                "events",
                &mut self.problems,
                &mut HashSet::new(),
            )
            .unwrap_or_default()
        } else {
            read_lines(&file, &text, &mut self.problems, &mut HashSet::new())
        };
        let mut normalized: Vec<Option<NormalizedText>> =
            sources.sources.iter().map(|_| None).collect();
        let mut first_line = HashMap::new();
        let mut events = Vec::with_capacity(records.len());
        for record in records {
            if !self.check_id(&file, &record, &record.value.id, "event", &mut first_line) {
                continue;
            }
            if let Some(event) = self.event(&file, record, sources, actors, &mut normalized) {
                events.push(event);
            }
        }
        events
    }

    fn event(
        &mut self,
        file: &str,
        record: Located<RawEvent>,
        sources: &LoadedSources,
        actors: &LoadedActors,
        normalized: &mut [Option<NormalizedText>],
    ) -> Option<Event> {
        let problems_before = self.problems.len();
        let raw = &record.value;
        let at = |field: &str| Some(record.line_of(field));
        let event_name = quoted(&raw.id);
        let date = match EdtfDate::parse(&raw.date) {
            Ok(date) => Some(date),
            Err(e) => {
                self.problems.push(Problem::new(
                    file,
                    at("date"),
                    format!(
                        "event {event_name}: invalid date {}: {e}",
                        quoted(&raw.date)
                    ),
                ));
                None
            }
        };
        if raw.title.trim().is_empty() {
            self.problems.push(Problem::new(
                file,
                at("title"),
                format!("event {event_name} has an empty title"),
            ));
        }
        let mut event_actors = Vec::with_capacity(raw.actors.len());
        for actor in &raw.actors {
            match actors.by_id.get(actor) {
                Some(id) if event_actors.contains(id) => {
                    self.problems.push(Problem::new(
                        file,
                        at("actors"),
                        format!("event {event_name} lists actor {} twice", quoted(actor)),
                    ));
                }
                Some(id) => event_actors.push(*id),
                None if self.actors_unreadable || self.broken_actors.contains(actor) => {}
                None => self.problems.push(Problem::new(
                    file,
                    at("actors"),
                    format!(
                        "event {event_name}: unknown actor {}{}",
                        quoted(actor),
                        did_you_mean(actor, actors.by_id.keys().map(String::as_str))
                    ),
                )),
            }
        }
        let mut quotes = Vec::with_capacity(raw.quotes.len());
        for (n, raw_quote) in raw.quotes.iter().enumerate() {
            let line = record.line_of("quotes");
            if self.sources_unreadable || self.broken_sources.contains(&raw_quote.source) {
                continue;
            }
            let Some(source_id) = sources.by_id.get(&raw_quote.source).copied() else {
                self.problems.push(Problem::new(
                    file,
                    Some(line),
                    format!(
                        "event {event_name}, quote {}: unknown source {}{}",
                        n + 1,
                        quoted(&raw_quote.source),
                        did_you_mean(&raw_quote.source, sources.by_id.keys().map(String::as_str))
                    ),
                ));
                continue;
            };
            if raw_quote.text.trim().is_empty() {
                self.problems.push(Problem::new(
                    file,
                    Some(line),
                    format!("event {event_name}, quote {} is empty", n + 1),
                ));
                continue;
            }
            let source = &sources.sources[source_id.index()];
            match locate(
                &source.text,
                &raw_quote.text,
                &mut normalized[source_id.index()],
            ) {
                Some(found) => {
                    if found.occurrences > 1 {
                        self.notes.push(Problem::new(
                            file,
                            Some(line),
                            format!(
                                "event {event_name}, quote {} occurs {} times in source {}; the first is used",
                                n + 1,
                                found.occurrences,
                                quoted(&source.id)
                            ),
                        ));
                    }
                    let first = source.sentence_at(found.span.start);
                    let last = source
                        .sentence_at(found.span.end.saturating_sub(1))
                        .max(first);
                    quotes.push(Quote {
                        source: source_id,
                        text: raw_quote.text.clone(),
                        span: found.span,
                        sentences: first..last + 1,
                    });
                }
                None => {
                    let mut problem = Problem::new(
                        file,
                        Some(line),
                        format!(
                            "event {event_name}, quote {} not found in source {}: {}",
                            n + 1,
                            quoted(&source.id),
                            quoted(&raw_quote.text)
                        ),
                    );
                    if let Some((number, sentence)) = closest_sentence(source, &raw_quote.text) {
                        problem = problem.with_hint(format!(
                            "closest sentence [{number}]: {}",
                            quoted_up_to(sentence, 300)
                        ));
                    }
                    self.problems.push(problem);
                }
            }
        }
        if self.problems.len() > problems_before {
            return None;
        }
        let raw = record.value;
        Some(Event {
            id: raw.id,
            date: date?,
            title: raw.title,
            summary: raw.summary,
            kind: raw.kind,
            actors: event_actors,
            location: raw.location,
            tags: raw.tags,
            quotes,
            attributes: raw.attributes.into_iter().collect(),
        })
    }
}

/// The sentence most like `quote` (by shared character pairs), numbered from 1.
fn closest_sentence<'s>(source: &'s Source, quote: &str) -> Option<(usize, &'s str)> {
    let wanted = fold(quote).to_lowercase();
    (0..source.sentences.len())
        .map(|i| {
            let sentence = source.sentence_text(i);
            (
                strsim::sorensen_dice(&wanted, &fold(sentence).to_lowercase()),
                i,
                sentence,
            )
        })
        .filter(|(score, _, _)| *score > 0.3)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i, sentence)| (i + 1, sentence))
}
