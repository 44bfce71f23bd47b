//! actors.json: each actor record checked, affiliations resolved, and affiliation chains that
//! come back on themselves reported.

use super::wire::{parse_array, Element, Located, RawActor, RawKind, Records, Text};
use super::{Loader, RecordFile};
use crate::id_table::IdTable;
use crate::model::{Actor, ActorId, ActorKind};
use crate::problem::{did_you_mean, escape_unsafe, quoted};

/// The actors that read, and their ids.
#[derive(Default)]
pub struct LoadedActors {
    pub actors: Vec<Actor>,
    /// Each actor's id, numbered by its place in `actors`.
    pub by_id: IdTable,
}

/// What reading a share of the records finds beside the actors themselves.
#[derive(Default)]
struct Notes<'a> {
    /// The ids of the records that read, end to end, and for each its record and where it
    /// ends: the pass that checks every id reads them from here, together, rather than from
    /// 100,000 allocations made on the other core, and never reads the actors themselves.
    ids: String,
    read: Vec<(usize, usize)>,
    /// What is wrong or left to resolve, by record number, in file order.
    found: Vec<(usize, Found<'a>)>,
}

impl Notes<'_> {
    /// Each record that read, and its id.
    fn ids(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        let starts = std::iter::once(0).chain(self.read.iter().map(|(_, end)| *end));
        starts
            .zip(&self.read)
            .map(|(start, (record, end))| (*record, &self.ids[start..*end]))
    }
}

/// Something about a record that needs the other records to tell: most records have none.
enum Found<'a> {
    EmptyName,
    UnknownKind(String),
    /// Resolved once every id is known: an affiliation may name an actor further down.
    Affiliation(Text<'a>),
}

/// The actor of one record, straight from its text; what it needs from the other records is
/// noted in `notes`.
fn read_actor<'a>(
    notes: &mut Notes<'a>,
    record: usize,
    text: &'a str,
    _line: usize,
) -> Result<Actor, serde_json::Error> {
    let raw: RawActor = serde_json::from_str(text)?;
    notes.ids.push_str(&raw.id);
    notes.read.push((record, notes.ids.len()));
    if raw.name.trim().is_empty() {
        notes.found.push((record, Found::EmptyName));
    }
    let kind = match raw.kind {
        None => None,
        Some(RawKind::Known(kind)) => Some(kind),
        Some(RawKind::Unknown(kind)) => {
            notes.found.push((record, Found::UnknownKind(kind)));
            None
        }
    };
    if let Some(affiliation) = raw.affiliation {
        notes.found.push((record, Found::Affiliation(affiliation)));
    }
    Ok(Actor {
        id: raw.id,
        name: raw.name,
        kind,
        aliases: raw.aliases.iter().map(|alias| alias.to_string()).collect(),
        affiliation: None,
        description: raw.description,
    })
}

/// No affiliation, in the list of each actor's.
const NO_AFFILIATION: u32 = u32::MAX;

impl Loader<'_> {
    pub(super) fn actors(&mut self) -> LoadedActors {
        self.read_records(RecordFile::Actors, Self::check_actors)
    }

    /// Reads actors.json's `text` and checks its actors; `None` when it is no array of
    /// records. With the actors, how many records read.
    fn check_actors(&mut self, file: &str, text: &str) -> Option<(LoadedActors, usize)> {
        // An actor has no field beyond its type to check in a record that did not read; its
        // id is marked broken already.
        let mut refused = Vec::new();
        let Records {
            elements,
            values: mut records,
            notes,
        } = parse_array(
            file,
            text,
            RecordFile::Actors.what(),
            RecordFile::Actors.shape(),
            &mut self.problems,
            &mut self.actors_file.broken,
            &mut refused,
            read_actor,
        )?;
        let read = notes.iter().map(|n| n.read.len()).sum();
        // Every id first: an affiliation may name an actor further down the file. The id
        // table is also what finds a duplicate, and `record_of` where its first was.
        let id_bytes = notes.iter().map(|n| n.ids.len()).sum();
        let mut by_id = IdTable::with_capacity(read, id_bytes);
        let mut record_of: Vec<usize> = Vec::with_capacity(read);
        for (n, id) in notes.iter().flat_map(Notes::ids) {
            let place = || located(text, &elements[n]);
            let problem = if id.trim().is_empty() {
                place().problem(file, "id", "actor with an empty id")
            } else {
                match by_id.insert(id) {
                    Ok(_) => {
                        record_of.push(n);
                        continue;
                    }
                    Err(first) => place().problem(
                        file,
                        "id",
                        format!(
                            "duplicate actor id {} (first defined on line {})",
                            quoted(id),
                            elements[record_of[first as usize]].line
                        ),
                    ),
                }
            };
            self.problems.push(problem);
            records[n] = None;
        }
        // `filter_map` rather than `flatten`: it keeps the list where it is, in place.
        #[allow(clippy::filter_map_identity)]
        let mut actors: Vec<Actor> = records.into_iter().filter_map(|r| r).collect();
        // What the records noted, in file order, for the actors kept: a problem with a
        // record's name, then its kind, then its affiliation.
        let mut affiliations: Vec<u32> = Vec::new();
        let mut kept = record_of.iter().enumerate().peekable();
        for (n, found) in notes.iter().flat_map(|notes| &notes.found) {
            while kept.next_if(|(_, r)| **r < *n).is_some() {}
            let Some(&(actor, _)) = kept.peek().filter(|(_, r)| **r == *n) else {
                continue;
            };
            let record = located(text, &elements[*n]);
            let id = &actors[actor].id;
            match found {
                Found::EmptyName => self.problems.push(record.problem(
                    file,
                    "name",
                    format!("actor {} has an empty name", quoted(id)),
                )),
                Found::UnknownKind(kind) => {
                    let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
                    self.problems.push(
                        record
                            .problem(
                                file,
                                "kind",
                                format!(
                                    "unknown actor kind {}{}",
                                    quoted(kind),
                                    did_you_mean(kind, kinds.iter().copied())
                                ),
                            )
                            .with_hint(format!("kind is one of {}", kinds.join(", "))),
                    );
                }
                Found::Affiliation(affiliation) => match by_id.get(affiliation) {
                    Some(up) => {
                        if affiliations.is_empty() {
                            affiliations = vec![NO_AFFILIATION; actors.len()];
                        }
                        affiliations[actor] = up;
                        actors[actor].affiliation = Some(ActorId(up));
                    }
                    // An actor whose own record is broken was reported already.
                    None if self.actors_file.broken.contains(&**affiliation) => {}
                    None => self.problems.push(record.problem(
                        file,
                        "affiliation",
                        format!(
                            "actor {} is affiliated with unknown actor {}{}",
                            quoted(id),
                            quoted(affiliation),
                            did_you_mean(affiliation, by_id.ids())
                        ),
                    )),
                },
            }
        }
        self.check_affiliation_loops(file, text, &actors, &affiliations, |a| {
            &elements[record_of[a]]
        });
        Some((LoadedActors { actors, by_id }, read))
    }

    /// An affiliation chain that comes back on itself has no top; report each loop once,
    /// from its member first in file order. Each actor is walked once, so a long chain of
    /// affiliations costs no more than its length.
    /// `affiliations` holds each actor's, or `NO_AFFILIATION`; it is empty when no actor
    /// has one. `element` tells where an actor's record is.
    fn check_affiliation_loops<'e>(
        &mut self,
        file: &str,
        text: &str,
        actors: &[Actor],
        affiliations: &[u32],
        element: impl Fn(usize) -> &'e Element,
    ) {
        const UNSEEN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![UNSEEN; affiliations.len()];
        let mut path: Vec<usize> = Vec::new();
        let mut loops: Vec<Vec<usize>> = Vec::new();
        for start in 0..affiliations.len() {
            let mut at = Some(start);
            while let Some(i) = at {
                match state.get(i).copied() {
                    Some(UNSEEN) => {
                        state[i] = ON_PATH;
                        path.push(i);
                        let up = affiliations[i];
                        at = (up != NO_AFFILIATION).then_some(up as usize);
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
            let message = format!("affiliations form a loop: {}", names.join(" → "));
            let record = located(text, element(leader));
            self.problems
                .push(record.problem(file, "affiliation", message));
        }
    }
}

/// A record, for a message about one of its fields.
fn located<'a>(text: &'a str, element: &Element) -> Located<'a, ()> {
    Located::new((), element.line, element.text(text))
}
