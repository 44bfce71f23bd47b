//! The commands. Each non-interactive one writes to a given writer so tests can read its
//! output; `browse` opens the browser.

pub mod actors;
pub mod browse;
pub mod check;
pub mod draft;
pub mod events;
pub mod import;
pub mod init;
pub mod sentences;
pub mod show;
pub mod stats;
pub mod times;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::Inputs;
use crate::load::Dataset;
use crate::model::{Actor, ActorId};
use crate::roster::Roster;
use crate::search::Ranker;
use crate::text::safe::Piece;
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

/// How a command ended, told on standard error and in the exit status. A closed pipe
/// (`chronicle events | head`) is no failure: the reader had all it wanted.
pub fn exit_code(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("chronicle: cannot write output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("chronicle: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Invalid) => ExitCode::FAILURE,
    }
}

/// Opens what `inputs` name, reporting on standard error, and runs `command` on it.
pub fn with_dataset(
    inputs: &Inputs,
    command: impl FnOnce(&Dataset) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let (dataset, store) = crate::report::open_reporting_then_store(inputs)?;
    // A new cache entry is written on another core while the command works (formatting a
    // million events, say), rather than before it starts; the process waits for it to end.
    let result = std::thread::scope(|scope| {
        let storing = store.map(|store| scope.spawn(|| store.store(&dataset)));
        let result = command(&dataset);
        if let Some(storing) = storing {
            if let Err(panic) = storing.join() {
                std::panic::resume_unwind(panic);
            }
        }
        result
    });
    // The process ends right after: handing back a million small allocations one by one costs
    // more than letting the operating system take the pages back at once.
    std::mem::forget(dataset);
    result
}

/// Reads a text file named on the command line (`sentences`, `times`, `draft`): its text,
/// without a leading byte order mark, and how many bytes that mark took, for offsets into the
/// file. Refused as the loader refuses a source file that is not text (not UTF-8, or binary),
/// in its words; an empty file is text with no sentences.
pub fn read_text(file: &Path) -> Result<(String, usize), Failure> {
    read_checked(file, crate::load::text_file)
}

/// Reads an article to add to a dataset as a source (`draft --into`), as `read_text` does,
/// refusing whatever the loader would refuse of the source file (an empty one too): a dataset
/// that took it would no longer pass `check`.
pub fn read_source_text(file: &Path) -> Result<(String, usize), Failure> {
    read_checked(file, crate::load::source_text)
}

fn read_checked(
    file: &Path,
    check: fn(&str, Vec<u8>) -> Result<String, crate::problem::Problem>,
) -> Result<(String, usize), Failure> {
    let shown = file.display().to_string();
    let bytes = std::fs::read(file)
        .map_err(|e| Failure::Usage(format!("{}: cannot read: {e}", safe(&shown))))?;
    let skipped = if bytes.starts_with("\u{feff}".as_bytes()) {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = check(&shown, bytes).map_err(|problem| Failure::Usage(problem.to_string()))?;
    Ok((text, skipped))
}

/// An actor named on the command line, as `resolve_actor` found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub actor: ActorId,
    /// Chosen by fuzzy match: the name given is not the actor's id, name or an alias, so the
    /// person should be told which actor the output is about.
    pub guessed: bool,
}

/// Resolves an actor named on the command line: an exact id, else the one actor whose label
/// (as `chronicle actors` prints it: `ZIMBABWE (ZWE)`), id, name or alias (a GDELT code) is
/// the name given, else the best fuzzy match. A name several actors answer to, or a fuzzy
/// best that ties with actors of its own name, is refused with the candidates listed: a
/// filter never quietly takes one ZIMBABWE for another.
pub fn resolve_actor(timeline: &Timeline, name: &str) -> Result<Resolved, Failure> {
    if let Some(actor) = timeline.actor_by_id(name) {
        return Ok(Resolved {
            actor,
            guessed: false,
        });
    }
    let wanted = name.trim().to_lowercase();
    let is = |text: &str| text.trim().to_lowercase() == wanted;
    let ids = (0..timeline.actors().len() as u32).map(ActorId);
    // A label names one actor; a name, an alias or an id in other case ("ZIMBABWE" for the
    // id `zimbabwe`, which is only the first ZIMBABWE read) may be shared.
    let labelled: Vec<ActorId> = ids
        .clone()
        .filter(|a| is(&timeline.actor_label(*a)))
        .collect();
    let named: Vec<ActorId> = ids
        .filter(|a| {
            let actor = timeline.actor(*a);
            is(&actor.id)
                || is(&timeline.actor_label(*a))
                || is(&actor.name)
                || actor.aliases.iter().any(|n| is(n))
        })
        .collect();
    let exact = match (labelled.as_slice(), named.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        (_, []) => None,
        (_, several) => return Err(ambiguous(timeline, name, several)),
    };
    if let Some(actor) = exact {
        return Ok(Resolved {
            actor,
            guessed: false,
        });
    }
    let ranked = rank_actors(timeline, name);
    let Some(best) = ranked.first() else {
        return Err(no_actor_matches(timeline, name));
    };
    let best_name = timeline.actor(best.actor).name.to_lowercase();
    let tied: Vec<ActorId> = ranked
        .iter()
        .take_while(|m| m.score == best.score)
        .map(|m| m.actor)
        .filter(|a| timeline.actor(*a).name.to_lowercase() == best_name)
        .collect();
    if tied.len() > 1 {
        return Err(ambiguous(timeline, name, &tied));
    }
    Ok(Resolved {
        actor: best.actor,
        guessed: true,
    })
}

/// Actors ranked by fuzzy match of `query`, best first; equal scores go to the actor with
/// more events, then by name (file order would put a minor same-named actor first).
pub fn rank_actors<R: Roster + ?Sized>(roster: &R, query: &str) -> Vec<crate::search::ActorMatch> {
    // Without match positions: no caller shows them.
    let mut ranked = Ranker::default().rank_among(roster.actors(), query, None);
    ranked.sort_by_cached_key(|m| {
        (
            std::cmp::Reverse(m.score),
            std::cmp::Reverse(roster.event_count(m.actor)),
            roster.actor_label(m.actor),
        )
    });
    ranked
}

/// The failure for a name several actors answer to, listing them as `chronicle actors` does.
fn ambiguous(timeline: &Timeline, name: &str, actors: &[ActorId]) -> Failure {
    let mut actors = actors.to_vec();
    actors.sort_by_key(|a| std::cmp::Reverse(timeline.event_count(*a)));
    let listed: Vec<String> = actors
        .iter()
        .map(|a| {
            format!(
                "  {}: id {}, {}",
                safe(&timeline.actor_label(*a)),
                safe(&timeline.actor(*a).id),
                count(timeline.event_count(*a), "event", "events")
            )
        })
        .collect();
    Failure::Usage(format!(
        "'{}' names {} actors; give one's id or its label:\n{}",
        safe(name),
        actors.len(),
        listed.join("\n")
    ))
}

/// The failure for a name that no actor's names or aliases match, the same for `--actor` and
/// `--search`.
pub fn no_actor_matches<R: Roster + ?Sized>(roster: &R, name: &str) -> Failure {
    let ids = roster.actors().iter().map(|a: &Actor| a.id.as_str());
    // A pasted paragraph is not repeated whole: its start says which query it was.
    Failure::Usage(format!(
        "no actor matches '{}'{}; `chronicle actors` lists them",
        crate::text::width::truncate(name, 61),
        crate::problem::did_you_mean(name, ids)
    ))
}

/// The line saying which actor a fuzzy `--actor NAME` chose, e.g.
/// `--actor 'u' matched United Kingdom (uk)`, made safe for the terminal.
pub fn guessed_actor_note(timeline: &Timeline, name: &str, actor: ActorId) -> String {
    format!(
        "--actor '{}' matched {} ({})",
        safe(name),
        safe(&timeline.actor_label(actor)),
        safe(&timeline.actor(actor).id)
    )
}

pub use crate::text::count;

/// Data text for a terminal line: control, bidirectional and zero-width characters shown as the
/// browser shows them (`␛`, `⟨U+202E⟩`), so printing a hostile title cannot move the cursor,
/// recolour the terminal, set its title or reach the clipboard. Text output is always made
/// safe, piped or not: a pipe often ends in a terminal too (`| less -R`, `| head`).
pub fn safe(text: &str) -> Cow<'_, str> {
    crate::text::safe::sanitize(text)
}

/// Writes `value` as one line of JSON. JSON escapes C0 controls itself; DEL, C1 controls,
/// bidirectional and zero-width characters are escaped too (`\u009b`), so that `--json`
/// printed to a terminal is as safe as the text output, and still the same JSON.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, SafeJson);
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json's compact output, with terminal-unsafe characters in strings escaped.
struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut written = Ok(());
        crate::text::safe::for_each_piece(fragment, |_, piece| {
            if written.is_ok() {
                written = match piece {
                    Piece::Plain(plain) => writer.write_all(plain.as_bytes()),
                    Piece::Unsafe(c) => write!(writer, "\\u{:04x}", u32::from(c)),
                };
            }
        });
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_a_terminal_would_act_on() {
        let mut out = Vec::new();
        let value = ["a\x1b]0;t\x07 \u{9b}31m \u{202e}é\x7f"];
        write_json(&mut out, &value).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(
            text,
            "[\"a\\u001b]0;t\\u0007 \\u009b31m \\u202eé\\u007f\"]\n"
        );
        let back: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
        // A joiner inside an emoji is part of it; between letters it is escaped.
        let mut out = Vec::new();
        let value = ["👩\u{200d}👧 Jo\u{200d}hn"];
        write_json(&mut out, &value).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text, "[\"👩\u{200d}👧 Jo\\u200dhn\"]\n");
    }
}
