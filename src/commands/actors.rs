//! `chronicle actors`: actors with their event counts, or ranked by fuzzy search.

use std::io::Write;

use serde::Serialize;

use crate::model::ActorId;
use crate::search::Ranker;
use crate::timeline::Timeline;

#[derive(Serialize)]
struct ActorLine<'a> {
    id: &'a str,
    name: &'a str,
    kind: Option<&'static str>,
    aliases: &'a [String],
    events: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i64>,
}

/// Lists actors by event count (then name), or with `search`, ranked best first.
pub fn run(
    timeline: &Timeline,
    search: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let rows: Vec<(ActorId, Option<i64>)> = match search {
        Some(query) => Ranker::default()
            .rank(timeline.actors(), query)
            .into_iter()
            .map(|m| (m.actor, Some(m.score)))
            .collect(),
        None => timeline
            .actors_by_event_count()
            .into_iter()
            .map(|a| (a, None))
            .collect(),
    };
    let name_width = rows
        .iter()
        .map(|(a, _)| timeline.actor(*a).name.chars().count())
        .max()
        .unwrap_or(0);
    for (id, score) in rows {
        let actor = timeline.actor(id);
        let events = timeline.event_count(id);
        if json {
            let line = ActorLine {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind.map(|k| k.as_str()),
                aliases: &actor.aliases,
                events,
                score,
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        } else {
            let kind = actor.kind.map_or("", |k| k.as_str());
            write!(out, "{:<name_width$}  {kind:<12}  {events:>4}", actor.name)?;
            if let Some(score) = score {
                write!(out, "  score {score}")?;
            }
            writeln!(out, "  ({})", actor.id)?;
        }
    }
    Ok(())
}
