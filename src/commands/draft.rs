//! `chronicle draft FILE --published DATE [--dataset DIR]`: candidate events drafted from a
//! news article, as JSON Lines records (`--json`) or one line of text each; with `--into DIR`,
//! the article added to the dataset and its drafts decided on in triage.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{count, safe, with_dataset, write_json, Failure};
use crate::app::form::FormActor;
use crate::authoring::{
    sentence_key, source_title, DatasetFiles, EventRecord, Rejection, REJECTED_FILE,
};
use crate::cli::Inputs;
use crate::date::EdtfDate;
use crate::draft::record::{slug, unique};
use crate::draft::{draft, Draft, Input, KnownActor, TimeSpan};
use crate::load::Dataset;
use crate::model::Source;
use crate::times::find_times;
use crate::triage::{Action, Article, Effect, Known, Triage};
use crate::tui;

/// `chronicle draft`: loads the dataset named by `--dataset` (when given), then drafts.
pub fn run_command(
    file: &Path,
    published: NaiveDate,
    dataset: Option<PathBuf>,
    no_cache: bool,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match dataset {
        Some(dir) => with_dataset(
            &Inputs {
                no_cache,
                ..Inputs::folder(dir)
            },
            |d| run(file, published, Some(d), json, out),
        ),
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
        let shown = file.display().to_string();
        // An empty file is most likely the wrong one: said as the loader says it of a source.
        let why = match text.trim().is_empty() {
            true => crate::load::source_text(&shown, text.into_bytes()).err(),
            false => None,
        };
        match why {
            Some(problem) => eprintln!("{problem}, so there are no candidate events"),
            None => eprintln!("{}: no candidate events", safe(&shown)),
        }
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
    let source = source_id(text, file, dataset);
    let cited = cited_sentences(text, file, &source, dataset);
    draft_cited(text, file, published, times, dataset, &source, &cited)
}

/// `draft_text` with the source the quotes cite and the dataset's events citing each of its
/// sentences found already (`cited_sentences`): triage shows them too.
fn draft_cited(
    text: &str,
    file: &Path,
    published: NaiveDate,
    times: &[TimeSpan],
    dataset: Option<&Dataset>,
    source: &str,
    cited: &BTreeMap<usize, Vec<String>>,
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
    let input = Input {
        text,
        published,
        times,
        actors: &actors,
        event_ids: &event_ids,
        source,
        cited,
    };
    draft(&input).map_err(|e| Failure::Usage(format!("{}: {e}", file.display())))
}

/// The dataset's events quoting each sentence (0-based) of the source `source`, whose text
/// is `text`, read from `file`; and those quoting, in an earlier copy of the same article (a
/// source with the file's name or the article's title), a sentence word for word the same:
/// a corrected or updated copy is a new source, but its unchanged sentences report what the
/// dataset has already, and drafting them again would give every event twice. Other
/// articles' sentences do not count, even word for word ("he said." is in many).
fn cited_sentences(
    text: &str,
    file: &Path,
    source: &str,
    dataset: Option<&Dataset>,
) -> BTreeMap<usize, Vec<String>> {
    let mut cited: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let Some(dataset) = dataset else {
        return cited;
    };
    let timeline = &dataset.timeline;
    let index = timeline.sources().iter().position(|s| s.id == source);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = source_title(text, &name);
    let copies: HashSet<usize> = timeline
        .sources()
        .iter()
        .enumerate()
        .filter(|(at, s)| Some(*at) != index && same_article(s, &name, &title))
        .map(|(at, _)| at)
        .collect();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    if !copies.is_empty() {
        for (at, span) in crate::sentences::split_sentences(text)
            .into_iter()
            .enumerate()
        {
            if let Some(sentence) = text.get(span).map(str::trim).filter(|s| !s.is_empty()) {
                by_text.entry(sentence).or_default().push(at);
            }
        }
    }
    for event in timeline.events() {
        for quote in event.quotes.iter() {
            let at = quote.source.index();
            let own = Some(at) == index;
            if !own && !copies.contains(&at) {
                continue;
            }
            let quoted = timeline.source(quote.source);
            for s in quote.sentences() {
                let sentences: &[usize] = if own {
                    std::slice::from_ref(&s)
                } else {
                    by_text
                        .get(quoted.sentence_text(s).trim())
                        .map_or(&[], Vec::as_slice)
                };
                for &sentence in sentences {
                    let ids = cited.entry(sentence).or_default();
                    // An event's quotes are read together: a repeat is the last one pushed.
                    if ids.last().is_none_or(|id| **id != *event.id) {
                        ids.push(event.id.to_string());
                    }
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
/// date as the browser shows it, the title, the actors (new ones marked `+`) and the place.
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
    // Where it happened, which is no actor ("in Long Beach, California").
    let place = d
        .location
        .as_ref()
        .map_or_else(String::new, |place| format!("  (place: {place})"));
    format!(
        "[{}] {}  {}  [{}]{}{}",
        d.sentence,
        safe(&date),
        safe(&d.title),
        safe(&actors.join(", ")),
        safe(&place),
        safe(&cited)
    )
}

/// `chronicle draft FILE --published DATE --into DIR`: checks the dataset, adds the article to
/// it as a source (its text copied into `sources/`, pinned by its SHA-256; a text already
/// there is reused), drafts its events against it, and opens triage, which writes each
/// accepted event at once. Says what was decided when it ends. With `accept_all`, no triage:
/// every draft is accepted as triage would accept it.
pub fn triage(file: &Path, published: NaiveDate, dir: &Path, accept_all: bool) -> ExitCode {
    let opened = if accept_all {
        write_all(file, published, dir).map(|()| ExitCode::SUCCESS)
    } else {
        open_triage(file, published, dir)
    };
    match opened {
        Ok(code) => code,
        Err(failure) => super::exit_code(Err(failure)),
    }
}

fn open_triage(file: &Path, published: NaiveDate, dir: &Path) -> Result<ExitCode, Failure> {
    // What can be told without a terminal is told first: the person fixes it, and does not
    // find it only after getting a terminal.
    let article = article_for(file, dir)?;
    // Refused before anything is written: without a terminal there is nobody to decide.
    if !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "standard output is not a terminal, so triage cannot open; --accept-all writes \
             every draft into the dataset without it, and without --into, draft prints the \
             candidates (--json for records)"
                .into(),
        ));
    }
    let (state, files) = triage_of(article, file, published, dir, &mut io::stderr())?;
    let (exit, state) = tui::run_triage(state, files)
        .map_err(|e| Failure::Usage(format!("the terminal failed: {e}")))?;
    let shown_dir = safe(&dir.display().to_string()).into_owned();
    let mut out = io::stdout();
    let _ = writeln!(out, "{}", quit_summary(&state, &shown_dir));
    let _ = writeln!(out, "check it with: chronicle check {shown_dir}");
    Ok(ExitCode::from(exit.code()))
}

/// `draft --into DIR --accept-all`: what triage writes when every draft is accepted, then one
/// line saying what was written.
fn write_all(file: &Path, published: NaiveDate, dir: &Path) -> Result<(), Failure> {
    let (mut state, mut files) = prepare_triage(file, published, dir, &mut io::stderr())?;
    let shown_dir = safe(&dir.display().to_string()).into_owned();
    match accept_every_draft(&mut state, &mut files) {
        Ok(actors) => {
            writeln!(
                io::stdout(),
                "{}",
                accept_summary(&state, actors, &shown_dir)
            )?;
            Ok(())
        }
        Err(why) => {
            let (accepted, _, pending) = state.counts();
            Err(Failure::Usage(format!(
                "{} written to {shown_dir}, then one was refused: {why}; {pending} not written \
                 (chronicle draft --into again offers them)",
                count(accepted, "event", "events")
            )))
        }
    }
}

/// Accepts every candidate still to decide, in the article's order, as pressing `a` on each
/// in triage does: the same state changes, and each write through the same authoring call as
/// triage's, so that the files end byte for byte as triage would leave them. How many new
/// actors were written; at the first refusal (a file changed since it was read, a write
/// failed), why, with what was accepted before it written and kept.
pub fn accept_every_draft(state: &mut Triage, files: &mut DatasetFiles) -> Result<usize, String> {
    let mut actors = 0;
    while state.counts().2 > 0 {
        state.update(Action::Accept);
        let effects = state.take_effects();
        if effects.is_empty() {
            // Triage selects the next undecided candidate after each accept: not doing so is
            // a fault here, said rather than looped on.
            return Err(state
                .message()
                .unwrap_or("triage selected no undecided candidate")
                .to_string());
        }
        for effect in effects {
            let Effect::Accept {
                index,
                draft,
                proposals,
            } = effect
            else {
                continue;
            };
            let receipt = files.add_event(&EventRecord::from(&*draft), &proposals)?;
            actors += receipt.actors.len();
            state.update(Action::Accepted {
                index,
                id: receipt.id,
                actors: receipt.actors,
            });
        }
    }
    Ok(actors)
}

/// What `--accept-all` wrote, in one line.
pub fn accept_summary(state: &Triage, actors: usize, shown_dir: &str) -> String {
    let (accepted, rejected, _) = state.counts();
    let mut known = match state.in_dataset() {
        0 => String::new(),
        n => format!(
            "; {} already in the dataset, left out",
            count(n, "draft", "drafts")
        ),
    };
    // Accepting every draft rejects none: those rejected are from an earlier triage.
    if rejected > 0 {
        known.push_str(&format!(
            "; {} rejected in an earlier triage ({REJECTED_FILE}), left out",
            count(rejected, "draft", "drafts")
        ));
    }
    format!(
        "{} and {} written to {shown_dir}{known}; check it with: chronicle check {shown_dir}",
        count(accepted, "event", "events"),
        count(actors, "new actor", "new actors"),
    )
}

/// What triage did, said when it closes: the rejections are kept, and come back rejected.
pub fn quit_summary(state: &Triage, shown_dir: &str) -> String {
    let (accepted, rejected, pending) = state.counts();
    let known = match state.in_dataset() {
        0 => String::new(),
        n => format!(", {n} already in the dataset"),
    };
    let rejected = match state.rejected_earlier() {
        0 => format!("{rejected} rejected"),
        earlier => format!("{rejected} rejected ({earlier} in an earlier triage)"),
    };
    format!(
        "{} written to {shown_dir}{known}, {rejected}, {pending} left undecided; \
         chronicle draft --into again offers the undecided ones, the rejected ones marked \
         rejected (kept in {REJECTED_FILE}; --accept-all leaves them out)",
        count(accepted, "event", "events"),
    )
}

/// Everything `draft --into` does before the terminal: reads the dataset's files, checks the
/// dataset, adds the article to it as a source (saying so on `notes`), and drafts the article
/// against it; triage's state, and the files to write into.
pub fn prepare_triage(
    file: &Path,
    published: NaiveDate,
    dir: &Path,
    notes: &mut impl Write,
) -> Result<(Triage, DatasetFiles), Failure> {
    triage_of(article_for(file, dir)?, file, published, dir, notes)
}

/// `prepare_triage` with the article already read (`article_for`): its text, and how many
/// bytes of byte order mark it had.
fn triage_of(
    (text, skipped): (String, usize),
    file: &Path,
    published: NaiveDate,
    dir: &Path,
    notes: &mut impl Write,
) -> Result<(Triage, DatasetFiles), Failure> {
    // The files are read before the dataset is checked: a change made after this by another
    // program is then refused rather than written over.
    let mut files = DatasetFiles::read(dir).map_err(Failure::Usage)?;
    // A broken rejected.jsonl is said before anything is written, the source included.
    let rejections = files.rejections().map_err(Failure::Usage)?;
    // Triage writes on the first accept: a folder that cannot take it is said now, not then.
    crate::authoring::folder_writable(dir)
        .map_err(|why| Failure::Usage(format!("cannot draft into it: {why}")))?;
    let inputs = Inputs::folder(dir.to_path_buf());
    // Checked before anything is written into it.
    let checked = crate::report::open_reporting(&inputs)?;
    // The file's bytes as they are: a byte order mark is kept in the copy (its hash is the
    // file's), and left out of the text, as the loader leaves it out.
    let mut bytes = Vec::with_capacity(skipped + text.len());
    if skipped > 0 {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = source_title(&text, &name);
    let source = files
        .add_source(&bytes, &name, &title, published)
        .map_err(Failure::Usage)?;
    let shown_dir = safe(&dir.display().to_string()).into_owned();
    if source.reused {
        writeln!(
            notes,
            "chronicle: the dataset has this text already, as source {}",
            safe(&source.id)
        )?;
        let pinned = checked
            .timeline
            .sources()
            .iter()
            .find(|s| s.id == source.id)
            .and_then(|s| s.published);
        if let Some(pinned) = pinned.filter(|p| !day_within(published, p)) {
            writeln!(
                notes,
                "chronicle: sources.json says {} was published {pinned}, not {published} as \
                 --published says; the drafts' dates count from {published}",
                safe(&source.id)
            )?;
        }
    } else {
        writeln!(
            notes,
            "chronicle: added source {} ({}) to {shown_dir}",
            safe(&source.id),
            safe(&source.file)
        )?;
        let earlier = checked
            .timeline
            .sources()
            .iter()
            .rev()
            .find(|s| same_article(s, &name, &title));
        if let Some(earlier) = earlier {
            writeln!(
                notes,
                "chronicle: {shown_dir} has an article of this name or title already, source {} \
                 ({}), with other text: this one is added beside it, and its sentences that \
                 events there quote word for word are not drafted again",
                safe(&earlier.id),
                safe(&earlier.file)
            )?;
        }
    }
    // A new source is loaded with the dataset again: the drafts quote it, and the dataset is
    // checked with it. A text the dataset had already changed nothing.
    let dataset = if source.reused {
        checked
    } else {
        drop(checked);
        crate::report::open_reporting(&inputs)?
    };
    let times = time_expressions(&text, published);
    // Read once for both: the drafts mark what is cited, and triage marks it in the article.
    let cited = cited_sentences(&text, file, &source.id, Some(&dataset));
    let drafts = draft_cited(
        &text,
        file,
        published,
        &times,
        Some(&dataset),
        &source.id,
        &cited,
    )?;
    let rejected = rejected_before(&rejections, &dataset, &source.id, &name, &title, &drafts);
    let known = known(
        &dataset,
        cited.keys().copied().collect(),
        source.id,
        rejected,
    );
    let article = Article {
        name,
        sentences: crate::sentences::split_sentences(&text),
        text,
    };
    Ok((Triage::new(article, known, drafts), files))
}

/// Whether `source` looks like an earlier copy of an article read from a file named `name`
/// with the title `title`: its file has that name, or it has that title.
fn same_article(source: &Source, name: &str, title: &str) -> bool {
    Path::new(&source.file)
        .file_name()
        .is_some_and(|f| f == name)
        || (!title.is_empty() && source.title == title)
}

/// The article's text and the bytes of its byte order mark, once `dir` is seen to be a dataset
/// folder (not yet read) and the article one the loader would take as a source (not empty,
/// binary or other than UTF-8): refused before anything is written, as the dataset must
/// still pass `check` after.
fn article_for(file: &Path, dir: &Path) -> Result<(String, usize), Failure> {
    DatasetFiles::locate(dir).map_err(Failure::Usage)?;
    super::read_source_text(file).map_err(|failure| match failure {
        Failure::Usage(why) => Failure::Usage(format!(
            "{why}\n  nothing was added to {}",
            safe(&dir.display().to_string())
        )),
        other => other,
    })
}

/// Whether `day` lies within what `date` may mean (`2021-12-13?` holds 2021-12-13; `2021`
/// holds every day of 2021).
fn day_within(day: NaiveDate, date: &crate::date::EdtfDate) -> bool {
    let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
    date.earliest().date() <= noon.date() && noon.date() <= date.latest().date()
}

/// The drafts (by sentence number) that an earlier triage rejected: rejected.jsonl names the
/// sentence they quote, in this article's source or in an earlier copy of the article (a
/// source with its file's name or title, as `cited_sentences` counts them). Sentences are
/// compared as quotes are found, white space runs and quote marks folded, so that a corrected
/// copy that only respaces a sentence keeps its rejection. Where the article has the rejected
/// sentence more than once, which of them in order it was tells which (the ids may have moved
/// between the copies when a corrected copy dates them otherwise), else the draft id it was
/// rejected under; a rejection that tells neither (from a triage of an article that had the
/// sentence once) keeps all of them rejected.
fn rejected_before(
    rejections: &[Rejection],
    dataset: &Dataset,
    source: &str,
    name: &str,
    title: &str,
    drafts: &[Draft],
) -> BTreeSet<usize> {
    if rejections.is_empty() {
        return BTreeSet::new();
    }
    let sources: HashSet<&str> = dataset
        .timeline
        .sources()
        .iter()
        .filter(|s| same_article(s, name, title))
        .map(|s| s.id.as_str())
        .chain([source])
        .collect();
    let mut rejected: HashMap<String, Vec<&Rejection>> = HashMap::new();
    for r in rejections
        .iter()
        .filter(|r| sources.contains(r.source.as_str()))
    {
        rejected
            .entry(sentence_key(&r.sentence))
            .or_default()
            .push(r);
    }
    // The drafts quoting each rejected sentence, in the article's order.
    let mut by_sentence: HashMap<String, Vec<&Draft>> = HashMap::new();
    for draft in drafts {
        if let Some(quote) = draft.quotes.first() {
            let key = sentence_key(&quote.text);
            if rejected.contains_key(&key) {
                by_sentence.entry(key).or_default().push(draft);
            }
        }
    }
    let mut out = BTreeSet::new();
    for (sentence, same) in by_sentence {
        for r in &rejected[&sentence] {
            // The place among the copies first: a copy dated otherwise can give another of
            // them the rejected one's id.
            if let Some(draft) = r.occurrence.and_then(|n| same.get(n.checked_sub(1)?)) {
                out.insert(draft.sentence);
                continue;
            }
            let by_id = same.iter().filter(|d| d.id == r.draft);
            match by_id.clone().next() {
                Some(_) => out.extend(by_id.map(|d| d.sentence)),
                None => out.extend(same.iter().map(|d| d.sentence)),
            }
        }
    }
    out
}

/// What triage shows of the dataset: its name, actors, which of the article's sentences its
/// events cite already (`cited`, from `cited_sentences`), the article's `source` id among its
/// sources, and the drafts rejected in an earlier triage (`rejected`, from `rejected_before`).
fn known(
    dataset: &Dataset,
    cited: BTreeSet<usize>,
    source: String,
    rejected: BTreeSet<usize>,
) -> Known {
    let actors = dataset
        .timeline
        .actors()
        .iter()
        .map(|a| FormActor {
            id: a.id.clone(),
            name: a.name.clone(),
        })
        .collect();
    Known {
        dataset: dataset.name.clone(),
        actors,
        cited,
        source,
        rejected,
    }
}
