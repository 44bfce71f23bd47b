//! `chronicle show EVENT_ID`: one event in full, each quote with its whole sentence.

use std::io::Write;

use super::{safe, Failure};
use crate::problem::did_you_mean;
use crate::timeline::Timeline;
use crate::ui::safe_text;

pub fn run(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Failure> {
    let Some(ix) = timeline.event_by_id(id) else {
        let ids = timeline.events().iter().map(|e| &*e.id);
        return Err(Failure::Usage(format!(
            "no event with id '{id}'{}; `chronicle events --json` lists the ids",
            did_you_mean(id, ids)
        )));
    };
    let event = timeline.event(ix);
    writeln!(out, "{}", safe(&event.title))?;
    writeln!(out, "  id        {}", safe(&event.id))?;
    writeln!(out, "  date      {}  ({})", event.date, event.date.edtf())?;
    // When it was reported is another time than when it happened: one line per source.
    for (n, (published, source)) in timeline.reported_in(event).into_iter().enumerate() {
        let label = if n == 0 { "reported" } else { "" };
        writeln!(out, "  {label:<8}  {published} · {}", safe(&source.title))?;
    }
    if let Some(kind) = &event.kind {
        writeln!(out, "  type      {}", safe(kind))?;
    }
    if let Some(location) = &event.location {
        writeln!(out, "  location  {}", safe(location))?;
    }
    if !event.tags.is_empty() {
        writeln!(out, "  tags      {}", safe(&event.tags.join(", ")))?;
    }
    for (n, actor) in event.actors.iter().enumerate() {
        let actor = timeline.actor(*actor);
        let label = if n == 0 { "actors" } else { "" };
        writeln!(
            out,
            "  {label:<8}  {} ({})",
            safe(&actor.name),
            safe(&actor.id)
        )?;
    }
    for (name, value) in &event.attributes {
        writeln!(
            out,
            "  {}  {}",
            safe_text::fit(name, safe_text::width(name).max(8)),
            safe(value)
        )?;
    }
    if let Some(summary) = &event.summary {
        writeln!(out)?;
        writeln!(out, "{}", safe(summary))?;
    }
    for (n, quote) in event.quotes.iter().enumerate() {
        let source = timeline.source(quote.source);
        writeln!(out)?;
        writeln!(out, "Quote {}: \"{}\"", n + 1, safe(quote.text(source)))?;
        for sentence in quote.sentences.clone() {
            let text: Vec<&str> = source.sentence_text(sentence).split_whitespace().collect();
            writeln!(
                out,
                "  {} [{}]: {}",
                safe(&source.title),
                sentence + 1,
                safe(&text.join(" "))
            )?;
        }
    }
    Ok(())
}
