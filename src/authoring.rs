//! Adding to a dataset folder on disk: a source text and its record, and events with the new
//! actors they name, each event's addition undoable. Every file is read once (a
//! `write::Snapshot`) and written through `crate::write` against what was read, so that
//! another program's edit in between is refused, never overwritten, and the existing lines stay
//! byte for byte. Each step leaves a dataset that `chronicle check` accepts: a source's text
//! before its record, an event's actors before the event.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::draft::record::{slug, unique};
use crate::draft::{Draft, DraftQuote, NewActor};
use crate::load::{sha256_hex, ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE};
use crate::write::{self, add_to_array, append_lines, Fingerprint, Snapshot, WriteError};

/// Where source texts are copied, in the dataset folder (as `chronicle init` makes it).
pub const SOURCES_FOLDER: &str = "sources";

/// An event as events.jsonl holds it: the fields a draft has, less those for the reviewer
/// only (`sentence`, `new_actors`), which the loader would refuse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub id: String,
    pub date: String,
    pub title: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub actors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub quotes: Vec<DraftQuote>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

impl From<&Draft> for EventRecord {
    fn from(d: &Draft) -> Self {
        EventRecord {
            id: d.id.clone(),
            date: d.date.clone(),
            title: d.title.clone(),
            kind: Some(d.kind.clone()).filter(|k| !k.trim().is_empty()),
            actors: d.actors.clone(),
            location: d.location.clone(),
            tags: d.tags.clone(),
            quotes: d.quotes.clone(),
            attributes: d.attributes.clone(),
        }
    }
}

/// A readable id for an event written by hand: the title's first words and the date
/// (`putin-calls-johnson-2021-12-13`); made unique when it is written.
pub fn event_id(title: &str, date: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().take(4).collect();
    slug(&[&words.join(" "), date])
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    title: &'a str,
    published: String,
    file: &'a str,
    sha256: String,
}

/// Only the id of a record, and the file of a source, to avoid and to compare.
#[derive(Deserialize)]
struct Ids {
    id: Option<String>,
    file: Option<String>,
}

/// Which of the dataset's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Actors,
    Events,
}

/// What adding one event wrote, to take it out again.
#[derive(Clone, Debug)]
pub struct Receipt {
    /// The id the event was written with (its wanted id, or that made unique).
    pub id: String,
    /// The ids of the actors added with it.
    pub actors: Vec<String>,
    /// Each file written, in order, as the write left it, and where the added bytes are.
    writes: Vec<(Which, Fingerprint, Range<usize>)>,
}

/// The drafts a person rejected in triage, one JSON line each (`Rejection`), in the dataset
/// folder: `draft --into` shows them as rejected again, and `--accept-all` leaves them out.
/// The loader never reads it: it is no part of the timeline.
pub const REJECTED_FILE: &str = "rejected.jsonl";

/// A draft rejected in triage: the source it was drafted from and the sentence it quotes, as
/// the article has it (what finds it again in a later run, whatever id or title the drafter
/// gives it then), with the draft's id and title when it was rejected, for the person who
/// reads the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub source: String,
    pub sentence: String,
    pub draft: String,
    pub title: String,
    /// Which of the article's drafts quoting this same sentence it was (1 for the first),
    /// written only when the article has more than one: what tells them apart when a
    /// corrected copy dates them otherwise, so that their ids change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
}

/// A sentence as rejections compare it, so that a corrected copy that only respaces it or
/// changes its quote marks still finds its rejection: folded as quotes are found.
pub fn sentence_key(sentence: &str) -> String {
    crate::quote::fold(sentence.trim())
}

/// Where a rejection was written, to take it out again (undo): the file as the write left it,
/// and the line's bytes in it.
#[derive(Clone, Debug)]
pub struct RejectionWritten {
    left: Fingerprint,
    at: Range<usize>,
    /// The line, without its line ending: found again when another triage wrote meanwhile.
    line: String,
}

/// How a source text was made part of the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceAdded {
    pub id: String,
    /// Its file, relative to the dataset folder.
    pub file: String,
    /// Whether the dataset had this very text already (the same SHA-256): nothing was written.
    pub reused: bool,
}

/// A dataset folder's files as read, to add to.
#[derive(Debug)]
pub struct DatasetFiles {
    root: PathBuf,
    sources: Snapshot,
    actors: Snapshot,
    events: Snapshot,
    /// rejected.jsonl, when there is one.
    rejected: Option<Snapshot>,
    /// Why rejected.jsonl could not be read: said by what reads or adds rejections, never by
    /// what only adds events (the browser's add knows nothing of triage).
    rejected_unreadable: Option<String>,
    /// Whether this triage made rejected.jsonl: an undo that leaves it empty deletes it.
    made_rejected: bool,
    /// Whether the events are an array (events.json) rather than lines (events.jsonl).
    events_array: bool,
    /// The ids in the events file and in actors.json: read from the files once, then kept up
    /// to date with what is written, rather than read again from a large file at each accept.
    event_ids: HashSet<String>,
    actor_ids: HashSet<String>,
}

/// A write's failure as the status line and the command say it: a file of the dataset by its
/// name in it. A file changed by another program is read again by the caller, so the message
/// stops at what happened.
fn said(root: &Path, e: WriteError) -> String {
    let text = match e.relative_to(root) {
        WriteError::Changed(path) => format!(
            "{} changed since it was read (another program wrote to it); nothing was written",
            path.display()
        ),
        other => other.to_string(),
    };
    crate::problem::escape_unsafe(&text).into_owned()
}

impl DatasetFiles {
    /// Whether `root` is a dataset folder to add to, without reading its files (`draft --into`
    /// says so before it asks for a terminal): its events file, and whether it is an array
    /// (events.json) rather than lines; or what is missing, and how to make one.
    pub fn locate(root: &Path) -> Result<(PathBuf, bool), String> {
        let shown = crate::problem::escape_unsafe(&root.display().to_string()).into_owned();
        // Said as it is: "has no sources.json, `chronicle init` it" would send the person to
        // run init on their article.
        match std::fs::metadata(root) {
            Ok(meta) if !meta.is_dir() => {
                let what = if meta.is_file() {
                    "a file"
                } else {
                    "not a folder"
                };
                return Err(format!(
                    "{shown} is {what}, not a dataset folder: a dataset is a folder holding \
                     {EVENTS_LINES_FILE}, {ACTORS_FILE} and {SOURCES_FILE}; `chronicle init DIR` makes one"
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!(
                    "the dataset folder {shown} does not exist; `chronicle init {shown}` makes \
                     an empty dataset there"
                ));
            }
            _ => {}
        }
        let lines = root.join(EVENTS_LINES_FILE);
        let array = root.join(EVENTS_ARRAY_FILE);
        let (events, events_array) = match (lines.exists(), array.exists()) {
            (true, true) => {
                return Err(format!(
                    "{shown} has both {EVENTS_LINES_FILE} and {EVENTS_ARRAY_FILE}; keep only one"
                ))
            }
            (false, true) => (array, true),
            _ => (lines, false),
        };
        for path in [
            root.join(SOURCES_FILE),
            root.join(ACTORS_FILE),
            events.clone(),
        ] {
            if !path.exists() {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                return Err(format!(
                    "{shown} has no {name}: events are added to a dataset folder; `chronicle init {shown}` makes one"
                ));
            }
        }
        Ok((events, events_array))
    }

    /// Reads the dataset files of the folder `root` (as `chronicle init` makes them).
    pub fn read(root: &Path) -> Result<DatasetFiles, String> {
        let (events, events_array) = DatasetFiles::locate(root)?;
        let read = |path: PathBuf| Snapshot::read(&path).map_err(|e| said(root, e));
        let (sources, actors, events) = (
            read(root.join(SOURCES_FILE))?,
            read(root.join(ACTORS_FILE))?,
            read(events)?,
        );
        let event_ids = if events_array {
            array_ids(events.bytes())
                .into_iter()
                .filter_map(|r| r.id)
                .collect()
        } else {
            events
                .bytes()
                .split(|&b| b == b'\n')
                .filter_map(|line| serde_json::from_slice::<Ids>(line).ok())
                .filter_map(|r| r.id)
                .collect()
        };
        let actor_ids = array_ids(actors.bytes())
            .into_iter()
            .filter_map(|r| r.id)
            .collect();
        let (rejected, rejected_unreadable) = read_rejected(root);
        Ok(DatasetFiles {
            root: root.to_path_buf(),
            sources,
            actors,
            events,
            rejected,
            rejected_unreadable,
            made_rejected: false,
            events_array,
            event_ids,
            actor_ids,
        })
    }

    /// Reads the files again, after another program changed them; whether any had changed.
    pub fn reread(&mut self) -> Result<bool, String> {
        let now = DatasetFiles::read(&self.root)?;
        let changed = [
            (&now.sources, &self.sources),
            (&now.actors, &self.actors),
            (&now.events, &self.events),
        ]
        .iter()
        .any(|(a, b)| a.path() != b.path() || a.bytes() != b.bytes());
        *self = now;
        Ok(changed)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The ids of the events in the events file.
    pub fn event_ids(&self) -> &HashSet<String> {
        &self.event_ids
    }

    /// The ids of the actors in actors.json.
    pub fn actor_ids(&self) -> &HashSet<String> {
        &self.actor_ids
    }

    /// Reads rejected.jsonl again, alone, after another triage wrote to it; whether it had
    /// changed.
    pub fn reread_rejected(&mut self) -> bool {
        let (now, unreadable) = read_rejected(&self.root);
        let changed =
            now.as_ref().map(Snapshot::bytes) != self.rejected.as_ref().map(Snapshot::bytes);
        (self.rejected, self.rejected_unreadable) = (now, unreadable);
        changed
    }

    /// The rejections of rejected.jsonl, in its order (none without the file); each line that
    /// is no rejection as triage writes one is an error naming it.
    pub fn rejections(&self) -> Result<Vec<Rejection>, String> {
        if let Some(why) = &self.rejected_unreadable {
            return Err(why.clone());
        }
        let Some(snapshot) = &self.rejected else {
            return Ok(Vec::new());
        };
        let path =
            crate::problem::escape_unsafe(&snapshot.path().display().to_string()).into_owned();
        let text = std::str::from_utf8(snapshot.bytes())
            .map_err(|e| format!("{path}: not UTF-8 text: {e}"))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rejections = Vec::new();
        let mut wrong = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str(line) {
                Ok(rejection) => rejections.push(rejection),
                Err(e) => {
                    // serde's own place is within the line: said as the column alone.
                    let what = e.to_string();
                    let what = what
                        .rsplit_once(" at line ")
                        .map_or(what.as_str(), |(w, _)| w);
                    wrong.push(format!("{path}:{}:{}: {what}", n + 1, e.column()));
                }
            }
        }
        if wrong.is_empty() {
            return Ok(rejections);
        }
        Err(format!(
            "{}\neach line of {REJECTED_FILE} is a draft rejected in triage, {{\"source\": …, \
             \"sentence\": …, \"draft\": …, \"title\": …}}, with \"occurrence\": N when the \
             article has the sentence more than once (delete a line to draft its sentence again)",
            wrong.join("\n")
        ))
    }

    /// Adds `rejection` to rejected.jsonl, made when there is none yet. Refused, writing
    /// nothing, when the file changed since it was read.
    pub fn add_rejection(&mut self, rejection: &Rejection) -> Result<RejectionWritten, String> {
        if let Some(why) = &self.rejected_unreadable {
            return Err(why.clone());
        }
        let line = json_line(rejection)?;
        let snapshot = match &self.rejected {
            Some(snapshot) => snapshot.clone(),
            None => {
                let path = self.root.join(REJECTED_FILE);
                // Made holding the line; one made meanwhile by another run is kept, and added
                // to as any other file.
                let first = format!("{line}\n");
                match write::create_new(&path, first.as_bytes()) {
                    Ok(()) => {
                        let made = Snapshot::read(&path).map_err(|e| said(&self.root, e))?;
                        let written = RejectionWritten {
                            left: made.fingerprint(),
                            at: 0..first.len(),
                            line,
                        };
                        self.rejected = Some(made);
                        self.made_rejected = true;
                        return Ok(written);
                    }
                    Err(WriteError::Exists(_)) => {}
                    Err(e) => return Err(said(&self.root, e)),
                }
                Snapshot::read(&path).map_err(|e| said(&self.root, e))?
            }
        };
        let added = append_lines(&snapshot, &[&line]).map_err(|e| said(&self.root, e))?;
        let written = RejectionWritten {
            left: added.snapshot.fingerprint(),
            at: added.at,
            line,
        };
        self.rejected = Some(added.snapshot);
        Ok(written)
    }

    /// Takes out the rejection `written` added. When another triage wrote to rejected.jsonl
    /// since, the line is looked for in the file as it is now and taken out there, the other's
    /// lines kept: left in, the draft would show undecided while the file kept it rejected,
    /// and rejecting it again would add it twice; a file deleted meanwhile holds it no more.
    /// A file this triage made goes when nothing is left in it.
    pub fn remove_rejection(&mut self, written: &RejectionWritten) -> Result<(), String> {
        let snapshot = match write::remove_added(&written.left, written.at.clone()) {
            Ok(snapshot) => Some(snapshot),
            Err(WriteError::Changed(_)) => self.remove_line_again(&written.line)?,
            Err(e) => return Err(said(&self.root, e)),
        };
        let emptied = self.made_rejected && snapshot.as_ref().is_some_and(|s| s.bytes().is_empty());
        self.rejected = snapshot;
        if emptied
            && write::remove_if_empty(&self.root.join(REJECTED_FILE))
                .map_err(|e| said(&self.root, e))?
        {
            self.rejected = None;
        }
        Ok(())
    }

    /// Takes the last whole line `line` out of rejected.jsonl as it is now: the file as that
    /// leaves it, none when there is no file.
    fn remove_line_again(&mut self, line: &str) -> Result<Option<Snapshot>, String> {
        let (now, unreadable) = read_rejected(&self.root);
        if let Some(why) = unreadable {
            return Err(why);
        }
        let Some(now) = now else {
            return Ok(None);
        };
        let mut start = 0;
        let mut found = None;
        for piece in now.bytes().split_inclusive(|b| *b == b'\n') {
            let content = piece.strip_suffix(b"\n").unwrap_or(piece);
            let content = content.strip_suffix(b"\r").unwrap_or(content);
            if content == line.as_bytes() {
                found = Some(start..start + piece.len());
            }
            start += piece.len();
        }
        let Some(at) = found else {
            // Another program took it out already: nothing is left to do.
            return Ok(Some(now));
        };
        write::remove_added(&now.fingerprint(), at)
            .map(Some)
            .map_err(|e| said(&self.root, e))
    }

    /// Makes the text `bytes` (of the file named `name`, published on `published`) a source
    /// of the dataset: the source with the same text when there is one, else the text copied
    /// into `sources/` (named after `name`, never over another file) and its record added to
    /// sources.json, with the day and the text's SHA-256.
    pub fn add_source(
        &mut self,
        bytes: &[u8],
        name: &str,
        title: &str,
        published: NaiveDate,
    ) -> Result<SourceAdded, String> {
        // Whatever the loader would refuse of the source file (empty, binary, not UTF-8) is
        // refused before anything is written: the dataset must still load after this.
        crate::load::source_text(name, bytes.to_vec()).map_err(|problem| problem.to_string())?;
        let sha256 = sha256_hex(bytes);
        let records = array_ids(self.sources.bytes());
        for record in &records {
            let (Some(id), Some(file)) = (&record.id, &record.file) else {
                continue;
            };
            if std::fs::read(self.root.join(file)).is_ok_and(|b| sha256_hex(&b) == sha256) {
                return Ok(SourceAdded {
                    id: id.clone(),
                    file: file.clone(),
                    reused: true,
                });
            }
        }
        let mut ids: HashSet<String> = records.iter().filter_map(|r| r.id.clone()).collect();
        let stem = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = unique(slug(&[&stem]), &mut ids);
        // A file already there with this very text (left by a run killed before it wrote the
        // record) is taken; any other is kept, and the text gets another name.
        let mut n = 1;
        let mut created = false;
        let file = loop {
            let file = if n == 1 {
                format!("{SOURCES_FOLDER}/{id}.txt")
            } else {
                format!("{SOURCES_FOLDER}/{id}-{n}.txt")
            };
            let path = self.root.join(&file);
            match std::fs::read(&path) {
                Ok(there) if there == bytes => break file,
                Ok(_) => n += 1,
                Err(_) if path.symlink_metadata().is_ok() => n += 1,
                Err(_) => {
                    std::fs::create_dir_all(self.root.join(SOURCES_FOLDER)).map_err(|e| {
                        format!("{}: cannot create the folder: {e}", SOURCES_FOLDER)
                    })?;
                    write::create_new(&path, bytes).map_err(|e| said(&self.root, e))?;
                    created = true;
                    break file;
                }
            }
        };
        let record = SourceRecord {
            id: &id,
            title,
            published: published.format("%Y-%m-%d").to_string(),
            file: &file,
            sha256,
        };
        let line = json_line(&record)?;
        let added = match add_to_array(&self.sources, &[&line]) {
            Ok(added) => added,
            Err(e) => {
                // The copied text stays: another run may have taken it for its own record
                // meanwhile (it has the same bytes), and the next run takes it up. Said as it
                // is (found by a new user's trial, three runs into one dataset at once).
                let why = said(&self.root, e);
                if !created {
                    return Err(why);
                }
                let kept = format!(
                    "; the record was not written, and the text copied to {file} stays there \
                     for the next run to take"
                );
                return Err(if why.contains("; nothing was written") {
                    why.replace("; nothing was written", &kept)
                } else {
                    format!("{why}{kept}")
                });
            }
        };
        self.sources = added.snapshot;
        Ok(SourceAdded {
            id,
            file,
            reused: false,
        })
    }

    /// Adds `event` to the events file, and before it the actors of `proposals` that it names
    /// and actors.json lacks. Its id is made unique against the events file. Every actor it
    /// names must be in actors.json or among `proposals`. Nothing is written when a file
    /// changed since it was read (nor when any write fails: the actors added are taken out
    /// again).
    pub fn add_event(
        &mut self,
        event: &EventRecord,
        proposals: &[NewActor],
    ) -> Result<Receipt, String> {
        let mut new: Vec<&NewActor> = Vec::new();
        for id in &event.actors {
            if self.actor_ids.contains(id) || new.iter().any(|a| &a.id == id) {
                continue;
            }
            match proposals.iter().find(|a| &a.id == id) {
                Some(actor) => new.push(actor),
                None => {
                    return Err(format!(
                    "unknown actor {} (not in {ACTORS_FILE}, nor proposed); nothing was written",
                    crate::problem::quoted(id)
                ))
                }
            }
        }
        let mut record = event.clone();
        // Taken now, given back below if nothing is written.
        record.id = unique(event.id.clone(), &mut self.event_ids);
        let written = self.write_event(&record, &new);
        if written.is_err() {
            self.event_ids.remove(&record.id);
        }
        let writes = written?;
        let actors: Vec<String> = new.iter().map(|a| a.id.clone()).collect();
        self.actor_ids.extend(actors.iter().cloned());
        Ok(Receipt {
            id: record.id,
            actors,
            writes,
        })
    }

    /// Writes the actors `new`, then `record`: what was written where, or why nothing was.
    fn write_event(
        &mut self,
        record: &EventRecord,
        new: &[&NewActor],
    ) -> Result<Vec<(Which, Fingerprint, Range<usize>)>, String> {
        let line = json_line(record)?;
        let actor_lines = new.iter().map(json_line).collect::<Result<Vec<_>, _>>()?;
        let mut writes = Vec::new();
        if !actor_lines.is_empty() {
            let lines: Vec<&str> = actor_lines.iter().map(String::as_str).collect();
            let added = add_to_array(&self.actors, &lines).map_err(|e| said(&self.root, e))?;
            writes.push((Which::Actors, added.snapshot.fingerprint(), added.at));
            self.actors = added.snapshot;
        }
        let written = if self.events_array {
            add_to_array(&self.events, &[&line])
        } else {
            append_lines(&self.events, &[&line])
        };
        match written {
            Ok(added) => {
                writes.push((Which::Events, added.snapshot.fingerprint(), added.at));
                self.events = added.snapshot;
            }
            Err(e) => {
                let why = said(&self.root, e);
                // The actors are taken out again, so that the refusal writes nothing.
                if let Some((_, left, at)) = writes.pop() {
                    match write::remove_added(&left, at) {
                        Ok(snapshot) => self.actors = snapshot,
                        Err(e) => {
                            return Err(format!(
                                "{why}; the actors added for it stay in {ACTORS_FILE} ({})",
                                said(&self.root, e)
                            ))
                        }
                    }
                }
                return Err(why);
            }
        }
        Ok(writes)
    }

    /// Takes out what `receipt`'s addition wrote, the event first, while each file is as the
    /// addition left it. `Ok(None)` when all of it went; `Ok(Some(note))` when the event went
    /// but its actors stay (the dataset is still whole); `Err` when nothing was changed.
    pub fn undo(&mut self, receipt: &Receipt) -> Result<Option<String>, String> {
        for (n, (which, left, at)) in receipt.writes.iter().enumerate().rev() {
            match write::remove_added(left, at.clone()) {
                Ok(snapshot) => match which {
                    Which::Actors => {
                        self.actors = snapshot;
                        for id in &receipt.actors {
                            self.actor_ids.remove(id);
                        }
                    }
                    Which::Events => {
                        self.events = snapshot;
                        self.event_ids.remove(&receipt.id);
                    }
                },
                Err(e) if n + 1 == receipt.writes.len() => return Err(said(&self.root, e)),
                Err(e) => {
                    return Ok(Some(format!(
                        "the actors added with it stay in {ACTORS_FILE}: {}",
                        said(&self.root, e)
                    )))
                }
            }
        }
        Ok(None)
    }
}

/// rejected.jsonl of the folder `root`: the file as read, none when there is none, or why it
/// could not be read, naming it by its whole path, as its lines are (`DIR/rejected.jsonl:2:36:
/// …`).
fn read_rejected(root: &Path) -> (Option<Snapshot>, Option<String>) {
    let path = root.join(REJECTED_FILE);
    let shown = crate::problem::escape_unsafe(&path.display().to_string()).into_owned();
    match Snapshot::read(&path) {
        Ok(snapshot) => (Some(snapshot), None),
        Err(WriteError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            // A link to nothing is no absent file: a rejection would be written where it
            // leads, and read from there.
            match std::fs::read_link(&path) {
                Ok(target) => {
                    let target =
                        crate::problem::escape_unsafe(&target.display().to_string()).into_owned();
                    let why = format!(
                        "{shown}: a symbolic link to {target}, which does not exist (make that \
                         file, or delete the link)"
                    );
                    (None, Some(why))
                }
                Err(_) => (None, None),
            }
        }
        Err(WriteError::Io { error, .. }) => (None, Some(format!("{shown}: cannot read: {error}"))),
        Err(e) => (None, Some(format!("{shown}: {e}"))),
    }
}

/// Whether this process may write into the folder `root` (make and rename files in it): the
/// browser says so before a form is filled in, rather than after.
pub fn folder_writable(root: &Path) -> Result<(), String> {
    let shown = crate::problem::escape_unsafe(&root.display().to_string()).into_owned();
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::CString::new(root.as_os_str().as_bytes())
            .map_err(|_| format!("{shown}: the path holds a NUL byte"))?;
        // SAFETY: access(2) reads the NUL-terminated path, which lives across the call.
        let answer = unsafe { libc::access(path.as_ptr(), libc::W_OK) };
        if answer != 0 {
            let error = std::io::Error::last_os_error();
            return Err(format!(
                "the dataset folder {shown} cannot be written ({error})"
            ));
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let metadata = std::fs::metadata(root).map_err(|e| format!("{shown}: {e}"))?;
        if metadata.permissions().readonly() {
            return Err(format!(
                "the dataset folder {shown} cannot be written (read-only)"
            ));
        }
        Ok(())
    }
}

/// The records of a JSON array file, as far as it reads (a BOM is not part of the JSON).
fn array_ids(bytes: &[u8]) -> Vec<Ids> {
    let json = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    serde_json::from_slice(json).unwrap_or_default()
}

fn json_line(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("cannot write the record as JSON: {e}"))
}

/// A title for a source text: its first line that has words (a headline, in a saved article),
/// cut at a word to 120 characters; else `name`.
pub fn source_title(text: &str, name: &str) -> String {
    const MOST: usize = 120;
    let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return name.to_string();
    };
    if line.chars().count() <= MOST {
        return line.to_string();
    }
    let cut: String = line.chars().take(MOST).collect();
    let kept = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", kept.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests;
