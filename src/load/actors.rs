//! actors.json: each actor record checked, affiliations resolved, and affiliation chains that
//! come back on themselves reported.

use rustc_hash::FxHashMap;

use super::shape::Salvaged;
use super::wire::{Located, RawActor, RawKind};
use super::{Loader, RecordFile};
use crate::model::{Actor, ActorId, ActorKind};
use crate::problem::{did_you_mean, escape_unsafe, quoted, Problem};

/// The actors that read, and their ids.
#[derive(Default)]
pub struct LoadedActors {
    pub actors: Vec<Actor>,
    pub by_id: FxHashMap<String, ActorId>,
}

/// The actor `record` holds, its fields moved out of it (the record keeps its place in the
/// file for the messages about loops), and the problems with them.
fn actor(
    file: &str,
    record: &mut Located<RawActor>,
    by_id: &FxHashMap<String, ActorId>,
    broken: &std::collections::HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Actor {
    let raw = std::mem::take(&mut record.value);
    if raw.name.trim().is_empty() {
        problems.push(record.problem(
            file,
            "name",
            format!("actor {} has an empty name", quoted(&raw.id)),
        ));
    }
    let kind = match &raw.kind {
        None => None,
        Some(RawKind::Known(kind)) => Some(*kind),
        Some(RawKind::Unknown(k)) => {
            let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
            problems.push(
                record
                    .problem(
                        file,
                        "kind",
                        format!(
                            "unknown actor kind {}{}",
                            quoted(k),
                            did_you_mean(k, kinds.iter().copied())
                        ),
                    )
                    .with_hint(format!("kind is one of {}", kinds.join(", "))),
            );
            None
        }
    };
    let affiliation = raw.affiliation.as_deref().and_then(|a| {
        let found = by_id.get(a).copied();
        // An actor whose own record is broken was reported already.
        if found.is_none() && !broken.contains(a) {
            problems.push(record.problem(
                file,
                "affiliation",
                format!(
                    "actor {} is affiliated with unknown actor {}{}",
                    quoted(&raw.id),
                    quoted(a),
                    did_you_mean(a, by_id.keys().map(String::as_str))
                ),
            ));
        }
        found
    });
    Actor {
        id: raw.id,
        name: raw.name,
        kind,
        aliases: raw.aliases,
        affiliation,
        description: raw.description,
    }
}

impl Loader<'_> {
    pub(super) fn actors(&mut self) -> LoadedActors {
        self.read_records(RecordFile::Actors, Self::check_actors)
    }

    fn check_actors(
        &mut self,
        file: &str,
        records: Vec<Located<RawActor>>,
        // An actor has no field beyond its type to check; its id is not a source's reference
        // target twice, and a refused actor's id is already marked broken.
        _refused: Vec<Located<Salvaged>>,
    ) -> LoadedActors {
        let mut loaded = LoadedActors::default();
        // Sized once: grown by doubling, these tables touch about twice the memory they keep.
        loaded.by_id.reserve(records.len());
        // Every id first: an affiliation may name an actor further down the file. The id
        // table is also what finds a duplicate, and `lines` where its first was.
        let mut lines: Vec<usize> = Vec::with_capacity(records.len());
        let mut keep = vec![false; records.len()];
        for (record, keep) in records.iter().zip(&mut keep) {
            let next = ActorId(lines.len() as u32);
            let first_line = |a: ActorId| lines.get(a.index()).copied().unwrap_or(0);
            *keep = self.check_id(
                file,
                record,
                &record.value.id,
                "actor",
                &mut loaded.by_id,
                next,
                first_line,
            );
            if *keep {
                lines.push(record.line);
            }
        }
        let mut records = records;
        let mut kept: Vec<&mut Located<RawActor>> = records
            .iter_mut()
            .zip(&keep)
            .filter_map(|(record, keep)| keep.then_some(record))
            .collect();
        // Each core makes the actors of a share of the records, with their problems in
        // record order: every id is known by now, so affiliations resolve in any share.
        let by_id = &loaded.by_id;
        let broken = &self.actors_file.broken;
        let total = kept.len();
        let shares = crate::shares::in_shares_mut(&mut kept, |start, share| {
            let mut problems = Vec::new();
            // The first share's list becomes the list of all: made to hold them all at once,
            // so that no list of them is made twice.
            let mut actors = Vec::with_capacity(if start == 0 { total } else { share.len() });
            for record in share.iter_mut() {
                actors.push(actor(file, record, by_id, broken, &mut problems));
            }
            vec![(actors, problems)]
        });
        for (n, (actors, problems)) in shares.into_iter().enumerate() {
            if n == 0 {
                loaded.actors = actors;
            } else {
                loaded.actors.extend(actors);
            }
            self.problems.extend(problems);
        }
        let kept: Vec<&Located<RawActor>> = kept.into_iter().map(|r| &*r).collect();
        self.check_affiliation_loops(file, &loaded.actors, &kept);
        loaded
    }

    /// An affiliation chain that comes back on itself has no top; report each loop once,
    /// from its member first in file order. Each actor is walked once, so a long chain of
    /// affiliations costs no more than its length.
    fn check_affiliation_loops(
        &mut self,
        file: &str,
        actors: &[Actor],
        records: &[&Located<RawActor>],
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
            let message = format!("affiliations form a loop: {}", names.join(" → "));
            // `records` and `actors` are the same list: the leader always has its record.
            let problem = match records.get(leader) {
                Some(record) => record.problem(file, "affiliation", message),
                None => Problem::new(file, None, message).with_field("affiliation"),
            };
            self.problems.push(problem);
        }
    }
}
