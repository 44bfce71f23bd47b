//! The non-interactive commands. Each writes to a given writer so tests can read its output.

pub mod actors;
pub mod check;
pub mod events;
pub mod import;
pub mod sentences;
pub mod show;

use crate::model::{Actor, ActorId};
use crate::search::Ranker;
use crate::timeline::Timeline;

/// A command's failure, already worded for the user; the command exits 1 after printing it.
#[derive(Debug)]
pub enum Failure {
    /// Output could not be written (a closed pipe is not worth a message).
    Io(std::io::Error),
    /// Something the user asked for does not exist or does not parse.
    Usage(String),
    /// The dataset has problems, already printed.
    Invalid,
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Resolves an actor named on the command line: an exact id, else the best fuzzy match of
/// its names and aliases.
pub fn resolve_actor(timeline: &Timeline, name: &str) -> Result<ActorId, Failure> {
    if let Some(id) = timeline.actor_by_id(name) {
        return Ok(id);
    }
    Ranker::default()
        .rank(timeline.actors(), name)
        .first()
        .map(|m| m.actor)
        .ok_or_else(|| {
            let ids = timeline.actors().iter().map(|a: &Actor| a.id.as_str());
            Failure::Usage(format!(
                "no actor matches '{name}'{}; `chronicle actors` lists them",
                crate::problem::did_you_mean(name, ids)
            ))
        })
}

/// "1 source", "2 sources".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
