//! `chronicle events`: the timeline in order, filtered by actors and dates.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::{guessed_actor_note, resolve_actor, safe, write_json, Failure};
use crate::date::{check_range, EdtfDate};
use crate::export::{self, event_record};
use crate::load::Dataset;
use crate::model::{Event, EventIx};
use crate::problem::{closest, quoted};
use crate::text::case::{fold_label, same_label};
use crate::text::width::{fit, width};
use crate::timeline::Timeline;

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

/// What to keep of the timeline: the filter flags `events` and `stats` share. An event is kept
/// when it passes every kind of filter given.
#[derive(Debug, Default, clap::Args)]
pub struct EventFilter {
    /// Only events involving this actor (an id or a fuzzy name); repeat to require several
    #[arg(long = "actor", value_name = "NAME")]
    pub actors: Vec<String>,
    /// Only events on or after this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE", value_parser = EdtfDate::parse)]
    pub from: Option<EdtfDate>,
    /// Only events on or before this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE", value_parser = EdtfDate::parse)]
    pub to: Option<EdtfDate>,
    /// Only events of this type, or whose type begins with it before " / " (ACLED's event
    /// type: --type Battles keeps "Battles / Armed clash"); case aside; repeat for any of several
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only events with this tag (case aside); repeat to require several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only events in this country (the region's country, as ACLED and GDELT give it; case
    /// aside); repeat for any of several
    #[arg(long = "country", value_name = "NAME")]
    pub countries: Vec<String>,
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
    let (from, to) = (filter.from, filter.to);
    // Refused, not run: a backwards range would quietly print nothing, as if no event matched.
    check_range(from.as_ref(), to.as_ref()).map_err(|e| Failure::Usage(e.0))?;
    let types = known(timeline, &filter.types, "type", event_types)?;
    let tags = known(timeline, &filter.tags, "tag", |event| {
        event.tags.iter().map(|l| &**l)
    })?;
    let countries = known(timeline, &filter.countries, "country", |event| {
        country(event).into_iter()
    })?;
    let mut view = timeline.events_with_all(&actors);
    if from.is_some() || to.is_some() {
        view = timeline.events_between(&view, from.as_ref(), to.as_ref());
    }
    if !types.is_empty() || !tags.is_empty() || !countries.is_empty() {
        view.retain(|ix| {
            let event = timeline.event(*ix);
            (types.is_empty() || types.iter().any(|t| names(t, event_types(event))))
                && tags
                    .iter()
                    .all(|t| names(t, event.tags.iter().map(|l| &**l)))
                && (countries.is_empty()
                    || countries
                        .iter()
                        .any(|c| names(c, country(event).into_iter())))
        });
    }
    Ok(view)
}

/// The event's country, where its region names one.
fn country(event: &Event) -> Option<&str> {
    event.region.as_deref().and_then(|r| r.country.as_deref())
}

/// Whether one of `names` is `wanted`, case aside (the browser's filters match so too).
fn names<'a>(wanted: &str, mut names: impl Iterator<Item = &'a str>) -> bool {
    names.any(|name| same_label(name, wanted))
}

/// The names `--type` matches for an event: its whole type and, for a type of the form
/// "Battles / Armed clash" (ACLED's event type and sub-event type), the part before the slash.
fn event_types(event: &Event) -> impl Iterator<Item = &str> {
    let whole = event.kind.as_deref();
    let head = whole
        .and_then(|k| k.split_once(" / "))
        .map(|(head, _)| head);
    whole.into_iter().chain(head)
}

/// The `wanted` names of one kind of filter (`type`, `tag`), folded for matching, once each
/// is known to name something in the timeline: a misspelt type would otherwise print nothing,
/// as if no event matched.
fn known<'t, I>(
    timeline: &'t Timeline,
    wanted: &[String],
    what: &str,
    names: impl Fn(&'t Event) -> I,
) -> Result<Vec<String>, Failure>
where
    I: Iterator<Item = &'t str>,
{
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let all: BTreeSet<&str> = timeline.events().iter().flat_map(names).collect();
    // Each name folded, with one way the data writes it: a suggestion is shown as written
    // (`Россия`, not `россия`).
    let mut lower: BTreeMap<String, &str> = BTreeMap::new();
    for name in &all {
        lower.entry(fold_label(name)).or_insert(name);
    }
    wanted
        .iter()
        .map(|given| {
            let name = fold_label(given.trim());
            if lower.contains_key(&name) {
                return Ok(name);
            }
            let suggested = closest(&name, lower.keys().map(String::as_str))
                .and_then(|c| lower.get(c))
                .map(|written| format!(" (did you mean {}?)", quoted(written)))
                .unwrap_or_default();
            Err(Failure::Usage(format!(
                "no event has the {what} {}{suggested}; `chronicle stats --by {what}` lists them",
                quoted(given),
            )))
        })
        .collect()
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
    let date_width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let id_width = if ids {
        view.iter()
            .map(|ix| width(&timeline.event(*ix).id))
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
        write!(out, "{date:<date_width$}  ")?;
        if ids {
            write!(out, "{}  ", fit(&event.id, id_width))?;
        }
        write!(out, "{}", safe(&event.title))?;
        if !names.is_empty() {
            write!(out, "  [{}]", names.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(timeline: &Timeline, filter: &EventFilter) -> Result<Vec<String>, String> {
        let mut notes = Vec::new();
        select(timeline, filter, &mut notes)
            .map(|view| {
                view.iter()
                    .map(|ix| timeline.event(*ix).id.to_string())
                    .collect()
            })
            .map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn country_keeps_the_events_of_any_country_named_case_aside() {
        let t = crate::sample::places();
        let filter = |countries: &[&str], types: &[&str]| EventFilter {
            countries: countries.iter().map(|c| c.to_string()).collect(),
            types: types.iter().map(|c| c.to_string()).collect(),
            ..EventFilter::default()
        };
        assert_eq!(
            ids(&t, &filter(&["ukraine"], &[])),
            Ok(vec![
                "clash-donetsk".into(),
                "clash-kharkiv".into(),
                "protest-kyiv".into()
            ])
        );
        assert_eq!(
            ids(&t, &filter(&["Ukraine", "Georgia"], &["protests"])),
            Ok(vec!["protest-kyiv".into(), "protest-tbilisi".into()])
        );
        let refused = ids(&t, &filter(&["Ukrane"], &[])).unwrap_err();
        assert!(
            // Suggested as the data writes it (trial 11: D13).
            refused.contains("no event has the country")
                && refused.contains("(did you mean 'Ukraine'?)"),
            "{refused}"
        );
    }
}
