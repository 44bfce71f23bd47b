//! `chronicle actors`: actors with their event counts, or ranked by fuzzy search.

use std::io::Write;

use serde::Serialize;

use super::{no_actor_matches, rank_actors, safe, with_dataset, write_json, Failure};
use crate::cli::Inputs;
use crate::model::ActorId;
use crate::roster::Roster;
use crate::text::width::{fit, width};

#[derive(Serialize)]
struct ActorLine<'a> {
    id: &'a str,
    name: &'a str,
    kind: Option<&'static str>,
    aliases: &'a [String],
    /// The id of the actor it is affiliated with, as actors.json names it.
    affiliation: Option<&'a str>,
    events: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i64>,
}

/// `chronicle actors` on what `inputs` name: from the cache's actors part when the dataset is
/// unchanged since it was last loaded (its events are then neither read nor counted), else
/// loaded.
pub fn run_inputs(
    inputs: &Inputs,
    search: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match crate::report::cached_actors(inputs)? {
        Some(counted) => {
            let mut phases = crate::load::Phases::new();
            let done = run(&counted, search, json, out);
            phases.done("listed");
            // As `with_dataset` does: the process ends right after, and the system takes
            // the pages back faster than 100,000 actors are dropped one by one.
            std::mem::forget(counted);
            done
        }
        None => with_dataset(inputs, |d| run(&d.timeline, search, json, out)),
    }
}

/// Lists actors by event count (then name), or with `search`, ranked best first. A search that
/// matches nothing fails (exit 1, as grep does) with the reason on standard error, and prints
/// no rows, which with `--json` is a valid, empty JSON Lines stream.
pub fn run(
    timeline: &impl Roster,
    search: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let rows: Vec<(ActorId, Option<i64>)> =
        match search {
            // Refused rather than run: an empty query matches nothing, which would read as
            // "no such actor" when the person meant to list them all.
            Some(query) if query.trim().is_empty() => return Err(Failure::Usage(
                "--search is empty: give part of a name, e.g. `chronicle actors --search put`, \
                 or leave --search out to list every actor"
                    .into(),
            )),
            Some(query) => {
                let ranked: Vec<_> = rank_actors(timeline, query)
                    .into_iter()
                    .map(|m| (m.actor, Some(m.score)))
                    .collect();
                if ranked.is_empty() {
                    return Err(no_actor_matches(timeline, query));
                }
                ranked
            }
            None => timeline
                .actors_by_event_count()
                .into_iter()
                .map(|a| (a, None))
                .collect(),
        };
    if json {
        for (id, score) in rows {
            let actor = timeline.actor(id);
            let line = ActorLine {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind.map(|k| k.as_str()),
                aliases: &actor.aliases,
                affiliation: actor.affiliation.map(|up| timeline.actor(up).id.as_str()),
                events: timeline.event_count(id),
                score,
            };
            write_json(out, &line)?;
        }
        return Ok(());
    }
    // Actors of one name are told apart by their code (or id); each label made once, as
    // the column's width and the row both need it.
    let labels: Vec<String> = rows.iter().map(|(a, _)| timeline.actor_label(*a)).collect();
    let name_width = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    // As wide as the largest count (at least 4), so that counts of 10 000 and more align.
    let count_width = rows
        .iter()
        .map(|(a, _)| timeline.event_count(*a).to_string().len())
        .max()
        .unwrap_or(0)
        .max(4);
    for ((id, score), label) in rows.into_iter().zip(&labels) {
        let actor = timeline.actor(id);
        let events = timeline.event_count(id);
        let kind = actor.kind.map_or("", |k| k.as_str());
        let name = fit(label, name_width);
        write!(out, "{name}  {kind:<12}  {events:>count_width$}")?;
        if let Some(score) = score {
            write!(out, "  score {score}")?;
        }
        write!(out, "  ({})", safe(&actor.id))?;
        // Last, where a line may grow: Putin → Russia, as the README's notation has it.
        if let Some(up) = actor.affiliation {
            write!(out, "  → {}", safe(&timeline.actor_label(up)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
