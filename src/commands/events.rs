//! `chronicle events`: the timeline in order, filtered by actors and dates.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::{guessed_actor_note, resolve_actor, safe, write_json, Failure};
use crate::date::{check_range, EdtfDate};
use crate::export;
use crate::load::Dataset;
use crate::model::{Event, EventIx};
use crate::timeline::Timeline;
use crate::ui::safe_text;

/// How `chronicle events` writes the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// Aligned rows: date, title, actors
    #[default]
    Text,
    /// JSON Lines: the record fields plus each quote's sentence number
    Json,
    /// CSV with a header row
    Csv,
    /// A Markdown chronology with quotes
    Markdown,
    /// TimelineJS3 JSON, to open in TimelineJS
    Timelinejs,
}

/// What to keep of the timeline.
#[derive(Debug, Default)]
pub struct EventFilter {
    pub actors: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Serialize)]
pub struct EventLine<'a> {
    id: &'a str,
    date: String,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    actors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    tags: Vec<&'a str>,
    quotes: Vec<QuoteLine<'a>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    attributes: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    source: &'a str,
    text: &'a str,
    /// 1-based number of the first sentence the quote lies in; left out of dataset files.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<usize>,
    /// When the quote's source was published (EDTF), beside the event's own date: when it
    /// was reported, not when it happened. Left out of dataset files (it is the source's).
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

/// The events the filter keeps, in timeline order. Each actor chosen by fuzzy match is named
/// on `notes` (standard error), so that the person knows what the output is filtered by while
/// standard output stays data.
pub fn select(
    timeline: &Timeline,
    filter: &EventFilter,
    notes: &mut impl Write,
) -> Result<Vec<EventIx>, Failure> {
    let resolved = filter
        .actors
        .iter()
        .map(|name| resolve_actor(timeline, name).map(|r| (name, r)))
        .collect::<Result<Vec<_>, _>>()?;
    for (name, r) in resolved.iter().filter(|(_, r)| r.guessed) {
        writeln!(
            notes,
            "chronicle: {}",
            guessed_actor_note(timeline, name, r.actor)
        )?;
    }
    let actors: Vec<_> = resolved.iter().map(|(_, r)| r.actor).collect();
    let parse = |text: &Option<String>, flag: &str| {
        text.as_deref()
            .map(|t| EdtfDate::parse(t).map_err(|e| Failure::Usage(format!("--{flag} '{t}': {e}"))))
            .transpose()
    };
    let from = parse(&filter.from, "from")?;
    let to = parse(&filter.to, "to")?;
    // Refused, not run: a backwards range would quietly print nothing, as if no event matched.
    check_range(from.as_ref(), to.as_ref()).map_err(|e| Failure::Usage(e.0))?;
    let view = timeline.events_with_all(&actors);
    if from.is_none() && to.is_none() {
        return Ok(view);
    }
    Ok(timeline.events_between(&view, from.as_ref(), to.as_ref()))
}

/// Prints the selected events in the `output` format (the text one with a column of ids when
/// `ids` is set), and notes about the filter on `notes`.
pub fn run(
    dataset: &Dataset,
    filter: &EventFilter,
    output: Output,
    ids: bool,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> Result<(), Failure> {
    if ids && output != Output::Text {
        return Err(Failure::Usage(
            "--ids adds a column to the text output; the other formats always hold the ids".into(),
        ));
    }
    let timeline = &dataset.timeline;
    let view = select(timeline, filter, notes)?;
    match output {
        Output::Text => Ok(write_text(timeline, &view, ids, out)?),
        Output::Json => {
            for ix in view {
                write_json(out, &event_record(timeline, timeline.event(ix), true))?;
            }
            Ok(())
        }
        Output::Csv => Ok(export::write_csv(timeline, &view, out)?),
        Output::Markdown => Ok(export::write_markdown(timeline, &dataset.name, &view, out)?),
        Output::Timelinejs => Ok(export::write_timelinejs(
            timeline,
            &dataset.name,
            &view,
            out,
        )?),
    }
}

/// Aligned rows: date, the id when `ids` is set, title, and the actors' short names.
fn write_text(
    timeline: &Timeline,
    view: &[EventIx],
    ids: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let dates: Vec<String> = view
        .iter()
        .map(|ix| timeline.event(*ix).date.to_string())
        .collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let id_width = if ids {
        view.iter()
            .map(|ix| safe_text::width(&timeline.event(*ix).id))
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    for (ix, date) in view.iter().zip(dates) {
        let event = timeline.event(*ix);
        let names: Vec<_> = timeline
            .short_names(&event.actors)
            .into_iter()
            .map(safe)
            .collect();
        write!(out, "{date:<width$}  ")?;
        if ids {
            write!(out, "{}  ", safe_text::fit(&event.id, id_width))?;
        }
        write!(out, "{}", safe(&event.title))?;
        if !names.is_empty() {
            write!(out, "  [{}]", names.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One event as the JSON line `--json` prints (also the browser's JSON Lines export).
pub fn json_line(timeline: &Timeline, event: &Event) -> serde_json::Result<String> {
    serde_json::to_string(&event_record(timeline, event, true))
}

/// An event as a JSON record: the input fields, plus each quote's sentence number and its
/// source's publication date when `sentences` is set (`--json`), without them for a dataset
/// file that loads back unchanged.
pub fn event_record<'a>(
    timeline: &'a Timeline,
    event: &'a Event,
    sentences: bool,
) -> EventLine<'a> {
    EventLine {
        id: &event.id,
        date: event.date.edtf(),
        title: &event.title,
        summary: event.summary.as_deref(),
        kind: event.kind.as_deref(),
        actors: event
            .actors
            .iter()
            .map(|a| timeline.actor(*a).id.as_str())
            .collect(),
        location: event.location.as_deref(),
        tags: event.tags.iter().map(|t| &**t).collect(),
        quotes: event
            .quotes
            .iter()
            .map(|q| {
                let source = timeline.source(q.source);
                QuoteLine {
                    source: &source.id,
                    text: timeline.quote_text(q),
                    sentence: sentences.then(|| q.sentence_number()),
                    published: source.published.filter(|_| sentences).map(|d| d.edtf()),
                }
            })
            .collect(),
        attributes: event
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
    }
}
