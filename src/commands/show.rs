//! `chronicle show EVENT_ID`: one event in full, each quote with its whole sentence.

use std::io::Write;

use super::{safe, Failure};
use crate::problem::{did_you_mean, quoted};
use crate::text::width::{fit, width};
use crate::timeline::Timeline;

/// Refuses `show DATASET ID`, the other order, before anything is opened: the id would be
/// taken for a path and said to be missing, which leaves the person guessing.
pub fn check_order(id: &str, paths: &[std::path::PathBuf]) -> Result<(), Failure> {
    let swapped = match paths {
        [path] => std::path::Path::new(id).is_dir() && !path.exists(),
        _ => false,
    };
    if swapped {
        let given = paths[0].display().to_string();
        return Err(Failure::Usage(format!(
            "{} is a folder and {} is no file or folder: the event id comes first, `chronicle \
             show {} {}`",
            quoted(id),
            quoted(&given),
            safe(&given),
            safe(id)
        )));
    }
    Ok(())
}

pub fn run(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Failure> {
    run_noting(timeline, id, out, &mut std::io::stderr().lock())
}

/// [`run`], telling on `note` which id it took when `id` is the start of exactly one id
/// (`show putin-ukraine` for `putin-ukraine-call`): part of an id is what people remember.
pub fn run_noting(
    timeline: &Timeline,
    id: &str,
    out: &mut impl Write,
    note: &mut impl Write,
) -> Result<(), Failure> {
    let ix = match timeline.event_by_id(id) {
        Some(ix) => ix,
        None => match only_id_starting_with(timeline, id) {
            Some(full) => {
                writeln!(
                    note,
                    "chronicle: no event with id {}; showing {}, the one id starting with it",
                    quoted(id),
                    quoted(full)
                )?;
                timeline
                    .event_by_id(full)
                    .ok_or_else(|| Failure::Usage(format!("no event with id {}", quoted(full))))?
            }
            None => {
                return Err(Failure::Usage(format!(
                    "no event with id {}{}; `chronicle events --ids` lists the ids",
                    quoted(id),
                    ids_like(timeline, id)
                )))
            }
        },
    };
    let event = timeline.event(ix);
    writeln!(out, "{}", safe(&event.title))?;
    // The labels line up on the longest, attribute names included ("civilian_targeting").
    let wide = event
        .attributes
        .iter()
        .map(|(name, _)| width(name))
        .max()
        .unwrap_or(0)
        .max(8);
    let mut field =
        |label: &str, value: &str| writeln!(out, "  {}  {}", fit(label, wide), safe(value));
    field("id", &event.id)?;
    field("date", &format!("{}  ({})", event.date, event.date.edtf()))?;
    // When it was reported is another time than when it happened: one line per source.
    for (n, (published, source)) in timeline.reported_in(event).into_iter().enumerate() {
        let label = if n == 0 { "reported" } else { "" };
        field(label, &format!("{published} · {}", source.title))?;
    }
    if let Some(kind) = &event.kind {
        field("type", kind)?;
    }
    if let Some(location) = &event.location {
        field("location", location)?;
    }
    if let Some(region) = &event.region {
        field("region", &region.to_string())?;
    }
    if let Some(point) = &event.point {
        field("lat, lon", &point.to_string())?;
    }
    if !event.tags.is_empty() {
        field("tags", &event.tags.join(", "))?;
    }
    for (n, actor) in event.actors.iter().enumerate() {
        let roles = event.roles_of(n);
        let role = if roles.is_empty() {
            String::new()
        } else {
            format!(", {}", roles.join(", "))
        };
        let shown = timeline.actor_label(*actor);
        let label = if n == 0 { "actors" } else { "" };
        field(
            label,
            &format!("{shown} ({}){role}", timeline.actor(*actor).id),
        )?;
    }
    if let Some(url) = timeline.event_url(event) {
        field("url", url)?;
    }
    for (name, value) in &event.attributes {
        field(name, &value.to_string())?;
    }
    if let Some(summary) = &event.summary {
        writeln!(out)?;
        writeln!(out, "{}", safe(summary))?;
    }
    for (n, quote) in event.quotes.iter().enumerate() {
        let source = timeline.source(quote.source);
        writeln!(out)?;
        writeln!(
            out,
            "Quote {}: {}",
            n + 1,
            in_marks(&safe(quote.text(source)))
        )?;
        for sentence in quote.sentences() {
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

/// A quote between quotation marks, unless it starts with one of its own (a quoted remark
/// and who said it: `"Markets are improving," said Press.`), which another would double.
fn in_marks(text: &str) -> String {
    const OPENING: [char; 7] = ['"', '“', '”', '„', '«', '»', '‘'];
    if text.starts_with(OPENING) {
        text.to_string()
    } else {
        format!("\"{text}\"")
    }
}

/// The id that starts with `typed` (ignoring case), when exactly one does.
fn only_id_starting_with<'t>(timeline: &'t Timeline, typed: &str) -> Option<&'t str> {
    let wanted = typed.to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let mut starting = timeline
        .events()
        .iter()
        .map(|e| &*e.id)
        .filter(|id| id.to_lowercase().starts_with(&wanted));
    let first = starting.next()?;
    starting.next().is_none().then_some(first)
}

/// How many ids like the one typed are named; the rest are counted.
const SHOWN_IDS: usize = 4;

/// The ids that start with `typed` (or contain it), ignoring case, as a list for the message
/// (`; ids starting with it: 'a', 'b' (and 3 more)`); else the id it may be a typo of. Part of
/// an id is what people remember of one.
fn ids_like(timeline: &Timeline, typed: &str) -> String {
    let wanted = typed.to_lowercase();
    let mut starting = Vec::new();
    let mut containing = Vec::new();
    if !wanted.is_empty() {
        for id in timeline.events().iter().map(|e| &*e.id) {
            let lower = id.to_lowercase();
            if lower.starts_with(&wanted) {
                starting.push(id);
            } else if lower.contains(&wanted) {
                containing.push(id);
            }
        }
    }
    let how = match (starting.is_empty(), containing.is_empty()) {
        (true, true) => {
            let closest = did_you_mean(typed, timeline.events().iter().map(|e| &*e.id));
            return if closest.is_empty() {
                "; no id starts with, contains or is close to it".to_string()
            } else {
                closest
            };
        }
        (false, true) => "starting with it",
        (true, false) => "containing it",
        (false, false) => "starting with or containing it",
    };
    starting.sort_unstable();
    containing.sort_unstable();
    let count = starting.len() + containing.len();
    let named: Vec<String> = starting
        .into_iter()
        .chain(containing)
        .take(SHOWN_IDS)
        .map(quoted)
        .collect();
    let more = if count > SHOWN_IDS {
        format!(" (and {} more)", count - SHOWN_IDS)
    } else {
        String::new()
    };
    format!("; ids {how}: {}{more}", named.join(", "))
}

#[cfg(test)]
mod tests {
    use super::in_marks;

    /// Found by a new user's trial: `Quote 1: ""The market is starting…` doubled the marks.
    #[test]
    fn a_quote_is_put_in_marks_once() {
        assert_eq!(in_marks("Russia wants talks"), "\"Russia wants talks\"");
        assert_eq!(
            in_marks("\"The market is starting,\" said Press."),
            "\"The market is starting,\" said Press."
        );
        assert_eq!(in_marks("“Talks,” he said."), "“Talks,” he said.");
        assert_eq!(in_marks("‘Talks’"), "‘Talks’");
    }
}
