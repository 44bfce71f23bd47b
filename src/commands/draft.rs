//! `chronicle draft FILE --published DATE [--dataset DIR]`: candidate events drafted from a
//! news article, as JSON Lines records (`--json`) or one line of text each.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{safe, with_dataset, write_json, Failure};
use crate::cli::Inputs;
use crate::date::EdtfDate;
use crate::draft::record::{slug, unique};
use crate::draft::{draft, Draft, Input, KnownActor, TimeSpan};
use crate::load::Dataset;
use crate::times::find_times;

/// `chronicle draft`: loads the dataset named by `--dataset` (when given), then drafts.
pub fn run_command(
    file: &Path,
    published: NaiveDate,
    dataset: Option<PathBuf>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match dataset {
        Some(dir) => with_dataset(&Inputs::folder(dir), |d| {
            run(file, published, Some(d), json, out)
        }),
        None => run(file, published, None, json, out),
    }
}

/// Reads `file`, drafts its events against `dataset` (when given) and prints them.
pub fn run(
    file: &Path,
    published: NaiveDate,
    dataset: Option<&Dataset>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    // A byte order mark is not part of the text the quotes are found in.
    let (text, _) = super::read_text(file)?;
    let times = time_expressions(&text, published);
    let drafts = draft_text(&text, file, published, &times, dataset)?;
    if drafts.is_empty() {
        eprintln!("{}: no candidate events", file.display());
    }
    for d in &drafts {
        if json {
            write_json(out, d)?;
        } else {
            writeln!(out, "{}", text_line(d))?;
        }
    }
    Ok(())
}

/// The time expressions of `text`, as the drafter takes them.
pub fn time_expressions(text: &str, published: NaiveDate) -> Vec<TimeSpan> {
    find_times(text, published)
        .into_iter()
        .map(|t| TimeSpan {
            sentence: t.sentence,
            start: t.start,
            end: t.end,
            value: t.value,
        })
        .collect()
}

/// Drafts `text` (read from `file`) against the dataset's actors and ids.
pub fn draft_text(
    text: &str,
    file: &Path,
    published: NaiveDate,
    times: &[TimeSpan],
    dataset: Option<&Dataset>,
) -> Result<Vec<Draft>, Failure> {
    let timeline = dataset.map(|d| &d.timeline);
    let actors: Vec<KnownActor> = timeline
        .map(|t| {
            t.actors()
                .iter()
                .map(|a| KnownActor {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    aliases: a.aliases.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let event_ids: HashSet<String> = timeline
        .map(|t| t.events().iter().map(|e| e.id.to_string()).collect())
        .unwrap_or_default();
    let source = source_id(text, file, dataset);
    let cited = cited_sentences(&source, dataset);
    let input = Input {
        text,
        published,
        times,
        actors: &actors,
        event_ids: &event_ids,
        source: &source,
        cited: &cited,
    };
    draft(&input).map_err(|e| Failure::Usage(format!("{}: {e}", file.display())))
}

/// The dataset's events quoting each sentence (0-based) of the source `source`.
fn cited_sentences(source: &str, dataset: Option<&Dataset>) -> BTreeMap<usize, Vec<String>> {
    let mut cited: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let Some(timeline) = dataset.map(|d| &d.timeline) else {
        return cited;
    };
    let Some(index) = timeline.sources().iter().position(|s| s.id == source) else {
        return cited;
    };
    for event in timeline.events() {
        for quote in event.quotes.iter().filter(|q| q.source.index() == index) {
            for s in quote.sentences.clone() {
                let ids = cited.entry(s).or_default();
                if !ids.iter().any(|id| *id == *event.id) {
                    ids.push(event.id.to_string());
                }
            }
        }
    }
    cited
}

/// The id of the source the quotes cite: the dataset's source with this very text, else one
/// made from the file's name, not yet taken by the dataset's sources.
fn source_id(text: &str, file: &Path, dataset: Option<&Dataset>) -> String {
    let sources = dataset.map(|d| d.timeline.sources()).unwrap_or_default();
    if let Some(same) = sources.iter().find(|s| s.text == text) {
        return same.id.clone();
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut taken: HashSet<String> = sources.iter().map(|s| s.id.clone()).collect();
    unique(slug(&[&stem]), &mut taken)
}

/// `[2] 2021-12-13  Putin tells Johnson…  putin, johnson, +boris-johnson`: the sentence, the
/// date as the browser shows it, the title and the actors (new ones marked `+`).
pub fn text_line(d: &Draft) -> String {
    let date = EdtfDate::parse(&d.date).map_or_else(|_| d.date.clone(), |date| date.to_string());
    let actors: Vec<String> = d
        .actors
        .iter()
        .map(|id| {
            let new = d.new_actors.iter().any(|a| &a.id == id);
            format!("{}{id}", if new { "+" } else { "" })
        })
        .collect();
    let cited = if d.cited_by.is_empty() {
        String::new()
    } else {
        format!("  (cited by {})", d.cited_by.join(", "))
    };
    format!(
        "[{}] {}  {}  [{}]{}",
        d.sentence,
        safe(&date),
        safe(&d.title),
        safe(&actors.join(", ")),
        safe(&cited)
    )
}
