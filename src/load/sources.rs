//! sources.json: each source record checked, and its text file read and split into sentences
//! (on every core), its pinned SHA-256 compared.

use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::shape::Salvaged;
use super::wire::{decode, read_array, Located, RawSource};
use super::{pin, Loader, RecordFile};
use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::model::{sentence_spans, Source, SourceId};
use crate::problem::{escape_unsafe, quoted, Problem};
use crate::sentences::split_sentences;

/// The sources that read, and their ids.
#[derive(Default)]
pub struct LoadedSources {
    pub sources: Vec<Source>,
    pub by_id: FxHashMap<String, SourceId>,
    /// The sources.json line of each source without a text file, by its index: where a quote
    /// of one, which cannot be verified, is reported.
    pub fileless: FxHashMap<usize, usize>,
}

/// A source file's text and sentences, or why it could not be had.
type SourceRead = Result<SourceText, Unreadable>;

/// A source file as read.
#[derive(Default)]
struct SourceText {
    text: String,
    sentences: Vec<Range<u32>>,
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

impl Loader<'_> {
    pub(super) fn sources(&mut self) -> LoadedSources {
        self.read_records(RecordFile::Sources, |loader, file, text| {
            let kind = RecordFile::Sources;
            let mut refused = Vec::new();
            let records = read_array::<RawSource>(
                file,
                text,
                kind.what(),
                kind.shape(),
                &mut loader.problems,
                &mut loader.sources_file.broken,
                &mut refused,
            )?;
            let read = records.len();
            Some((loader.check_sources(file, records, refused), read))
        })
    }

    fn check_sources(
        &mut self,
        file: &str,
        records: Vec<Located<RawSource>>,
        refused: Vec<Located<Salvaged>>,
    ) -> LoadedSources {
        let mut loaded = LoadedSources::default();
        let mut first_line: FxHashMap<String, usize> = FxHashMap::default();
        let refused_first = self.check_refused_sources(file, &refused);
        // Ten thousand files are read and split into sentences on every core first; what is
        // wrong with them is reported below, record by record, in file order.
        let mut texts = read_sources(self.location, &records);
        for (record, text) in records.into_iter().zip(&mut texts) {
            let raw = &record.value;
            let line = record.line;
            if !self.check_id(
                file,
                &record,
                &raw.id,
                "source",
                &mut first_line,
                line,
                |l| l,
            ) {
                continue;
            }
            if let Some(&first) = refused_first.get(&raw.id).filter(|&&l| l < record.line) {
                self.problems.push(record.problem(
                    file,
                    "id",
                    format!(
                        "duplicate source id {} (first defined on line {first})",
                        quoted(&raw.id)
                    ),
                ));
                continue;
            }
            if raw.title.trim().is_empty() {
                self.problems.push(record.problem(
                    file,
                    "title",
                    format!("source {} has an empty title", quoted(&raw.id)),
                ));
            }
            let published = raw.published.as_deref().and_then(|published| {
                EdtfDate::parse(published)
                    .map_err(|e| {
                        self.problems.push(record.problem(
                            file,
                            "published",
                            format!("published: invalid date {}: {e}", quoted(published)),
                        ));
                    })
                    .ok()
            });
            let pinned = raw.sha256.as_deref().and_then(|pin| {
                let parsed = pin::parse(pin).map_err(|message| {
                    let hint = match &raw.file {
                        // Outside the folder the file is refused anyway; no command to run.
                        Some(relative) if crate::files::inside_folder(relative) => {
                            format!("`sha256sum {relative}` in the dataset folder prints it")
                        }
                        _ => "sha256sum prints it".to_string(),
                    };
                    self.problems
                        .push(record.problem(file, "sha256", message).with_hint(hint));
                });
                parsed.ok()
            });
            if raw.sha256.is_some() && raw.file.is_none() {
                self.problems.push(record.problem(
                    file,
                    "sha256",
                    format!(
                        "source {} pins a sha256 but has no file to check it against",
                        quoted(&raw.id)
                    ),
                ));
            }
            let read = match (&raw.file, text.take()) {
                (Some(relative), Some(read)) => {
                    self.source_text_or_problem(file, &record, relative, read)
                }
                _ => SourceText::default(),
            };
            if let (Some(pinned), Some(found), Some(relative)) = (&pinned, &read.sha256, &raw.file)
            {
                if pinned != found {
                    let shown = escape_unsafe(relative);
                    self.problems.push(
                        record
                            .problem(file, "sha256", pin::changed(&shown, pinned, found))
                            .with_hint(pin::changed_hint(found)),
                    );
                }
            }
            let id = SourceId(loaded.sources.len() as u32);
            loaded.by_id.insert(raw.id.clone(), id);
            if raw.file.is_none() {
                loaded.fileless.insert(id.index(), record.line);
            }
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
        // A refused record whose id a read one used first.
        for record in &refused {
            let Some(id) = &record.value.id else { continue };
            let first = first_line.get(id).filter(|&&l| l < record.line);
            if let (Some(first), Some(&line)) = (first, refused_first.get(id)) {
                if line == record.line {
                    self.problems.push(record.problem(
                        file,
                        "id",
                        format!(
                            "duplicate source id {} (first defined on line {first})",
                            quoted(id)
                        ),
                    ));
                }
            }
        }
        loaded
    }

    /// What can still be checked of source records refused for their shape: `published`, the
    /// file, and ids repeated among them. Returns the line of each id's first refused record.
    fn check_refused_sources(
        &mut self,
        file: &str,
        refused: &[Located<Salvaged>],
    ) -> HashMap<String, usize> {
        let mut first: HashMap<String, usize> = HashMap::new();
        for record in refused {
            let salvaged = &record.value;
            if let Some(id) = salvaged.id.as_ref().filter(|id| !id.trim().is_empty()) {
                match first.get(id) {
                    Some(line) => self.problems.push(record.problem(
                        file,
                        "id",
                        format!(
                            "duplicate source id {} (first defined on line {line})",
                            quoted(id)
                        ),
                    )),
                    None => {
                        first.insert(id.clone(), record.line);
                    }
                }
            }
            if let Some(published) = &salvaged.published {
                if let Err(e) = EdtfDate::parse(published) {
                    self.problems.push(record.problem(
                        file,
                        "published",
                        format!("published: invalid date {}: {e}", quoted(published)),
                    ));
                }
            }
            if let Some(relative) = &salvaged.file {
                if let Err(message) = self.location.read_source(relative) {
                    let message = message.strip_prefix("file ").unwrap_or(&message);
                    self.problems.push(record.problem(
                        file,
                        "file",
                        format!("source file {} {message}", quoted(relative)),
                    ));
                }
            }
        }
        first
    }

    /// A source's text and sentences as read, or, when it could not be read, empty ones with
    /// the problem reported (and the source marked broken, so that its quotes are not reported
    /// again).
    fn source_text_or_problem(
        &mut self,
        file: &str,
        record: &Located<RawSource>,
        relative: &str,
        read: SourceRead,
    ) -> SourceText {
        let (message, hint) = match read {
            Ok(text) => return text,
            Err(Unreadable::Missing(message)) => {
                // `file not found` reads `source file 'x' not found`, not `file` twice.
                let message = message.strip_prefix("file ").unwrap_or(&message);
                (format!("source file {} {message}", quoted(relative)), None)
            }
            Err(Unreadable::NotText(p)) => (
                format!("source file {}: {}", quoted(relative), p.message),
                p.hint,
            ),
        };
        self.sources_file.broken.insert(record.value.id.clone());
        let mut problem = record.problem(file, "file", message);
        problem.hint = hint;
        self.problems.push(problem);
        SourceText::default()
    }
}

/// Reads and splits the text file of every source record that names one, on every core; in
/// record order, `None` for records without a file.
fn read_sources(
    location: &DatasetLocation,
    records: &[Located<RawSource>],
) -> Vec<Option<SourceRead>> {
    let read = |records: &[Located<RawSource>]| -> Vec<Option<SourceRead>> {
        let mut reader = location.source_reader();
        records
            .iter()
            .map(|record| {
                let relative = record.value.file.as_deref()?;
                let read = match reader.read(relative) {
                    Ok(bytes) => {
                        let sha256 = record
                            .value
                            .sha256
                            .as_ref()
                            .map(|_| pin::sha256_hex(&bytes));
                        source_text(&location.display(relative), bytes)
                            .map(|text| SourceText {
                                sentences: sentence_spans(split_sentences(&text)),
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

/// Quotes hold their places in a source in four bytes (see `Quote::span`): a source text of
/// 4 GiB or more is refused rather than misplaced.
fn check_size(shown: &str, len: usize) -> Result<(), Problem> {
    if u32::try_from(len).is_ok_and(|len| len < u32::MAX) {
        return Ok(());
    }
    Err(Problem::new(
        shown,
        None,
        format!("is {len} bytes; a source text must be under 4 GiB"),
    )
    .with_hint("split it into several source files"))
}

/// A text file's text, as the loader takes a source document's: UTF-8 (a leading byte order
/// mark dropped), not binary (no NUL byte), and under 4 GiB. The commands that read an
/// article (`sentences`, `times`, `draft`) read it by this same rule, in the same words.
pub fn text_file(shown: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    check_size(shown, bytes.len())?;
    // Its NULs would call it binary.
    if let Some(problem) = super::wire::utf16(shown, &bytes) {
        return Err(problem);
    }
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
    decode(shown, bytes)
}

/// A source document's text: a text file (`text_file`) that is not empty. What `draft --into`
/// copies into a dataset passes this first, so that the dataset still loads after it.
pub fn source_text(shown: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    let text = text_file(shown, bytes)?;
    if text.is_empty() {
        return Err(Problem::new(shown, None, "the file is empty"));
    }
    if text.trim().is_empty() {
        return Err(Problem::new(shown, None, "the file holds only white space"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_text_of_4_gib_or_more_is_refused_naming_the_file() {
        assert!(check_size("d/sources/a.txt", u32::MAX as usize - 1).is_ok());
        for len in [u32::MAX as usize, 5 << 30] {
            let problem = check_size("d/sources/a.txt", len).err();
            let message = problem.map(|p| p.to_string()).unwrap_or_default();
            assert!(message.contains("d/sources/a.txt"), "{message}");
            assert!(message.contains(&format!("is {len} bytes")), "{message}");
            assert!(message.contains("under 4 GiB"), "{message}");
        }
    }
}
