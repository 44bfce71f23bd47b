//! The in-memory timeline: events in order, and the indexes the browser and commands query.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::date::EdtfDate;
use crate::model::{Actor, ActorId, Event, EventIx, Source, SourceId};

/// Events sorted by date (start, then finer precision first, then id), with their actors and
/// sources. Filtered views elsewhere are lists of `EventIx` into `events`, never copies.
#[derive(Debug, Default)]
pub struct Timeline {
    events: Vec<Event>,
    actors: Vec<Actor>,
    sources: Vec<Source>,
    /// For each actor, the events involving it, in timeline order.
    events_by_actor: Vec<Vec<EventIx>>,
    /// For each source, for each sentence, the events quoting it, in timeline order.
    events_by_sentence: Vec<Vec<Vec<EventIx>>>,
    event_by_id: HashMap<String, EventIx>,
    actor_by_id: HashMap<String, ActorId>,
}

/// The timeline order: by date, then by id so that the order is total and stable.
pub fn timeline_order(a: &Event, b: &Event) -> Ordering {
    a.date.timeline_cmp(&b.date).then_with(|| a.id.cmp(&b.id))
}

impl Timeline {
    /// Sorts the events and builds the indexes. Actor and source ids inside the events must
    /// already be valid indexes into `actors` and `sources` (the loader guarantees it).
    pub fn new(mut events: Vec<Event>, actors: Vec<Actor>, sources: Vec<Source>) -> Timeline {
        events.sort_unstable_by(timeline_order);
        let mut events_by_actor = vec![Vec::new(); actors.len()];
        let mut events_by_sentence: Vec<Vec<Vec<EventIx>>> = sources
            .iter()
            .map(|s| vec![Vec::new(); s.sentences.len()])
            .collect();
        let mut event_by_id = HashMap::with_capacity(events.len());
        for (i, event) in events.iter().enumerate() {
            let ix = EventIx(i as u32);
            event_by_id.insert(event.id.clone(), ix);
            for actor in &event.actors {
                if let Some(list) = events_by_actor.get_mut(actor.index()) {
                    if list.last() != Some(&ix) {
                        list.push(ix);
                    }
                }
            }
            for quote in &event.quotes {
                let Some(per_sentence) = events_by_sentence.get_mut(quote.source.index()) else {
                    continue;
                };
                for sentence in quote.sentences.clone() {
                    if let Some(list) = per_sentence.get_mut(sentence) {
                        if list.last() != Some(&ix) {
                            list.push(ix);
                        }
                    }
                }
            }
        }
        let actor_by_id = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), ActorId(i as u32)))
            .collect();
        Timeline {
            events,
            actors,
            sources,
            events_by_actor,
            events_by_sentence,
            event_by_id,
            actor_by_id,
        }
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.index()]
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }

    pub fn event_by_id(&self, id: &str) -> Option<EventIx> {
        self.event_by_id.get(id).copied()
    }

    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actor_by_id.get(id).copied()
    }

    /// All events, in order, as a view.
    pub fn all_events(&self) -> Vec<EventIx> {
        (0..self.events.len() as u32).map(EventIx).collect()
    }

    /// The events involving `actor`, in timeline order.
    pub fn events_of(&self, actor: ActorId) -> &[EventIx] {
        self.events_by_actor
            .get(actor.index())
            .map_or(&[], Vec::as_slice)
    }

    /// How many events involve `actor`.
    pub fn event_count(&self, actor: ActorId) -> usize {
        self.events_of(actor).len()
    }

    /// Actor ids by descending event count, ties by name: the order actor lists show.
    pub fn actors_by_event_count(&self) -> Vec<ActorId> {
        let mut ids: Vec<ActorId> = (0..self.actors.len() as u32).map(ActorId).collect();
        ids.sort_by(|a, b| {
            self.event_count(*b)
                .cmp(&self.event_count(*a))
                .then_with(|| self.actor(*a).name.cmp(&self.actor(*b).name))
        });
        ids
    }

    /// The events involving every one of `actors`, in timeline order; all events when empty.
    pub fn events_with_all(&self, actors: &[ActorId]) -> Vec<EventIx> {
        let Some(rarest) = actors.iter().min_by_key(|a| self.event_count(**a)) else {
            return self.all_events();
        };
        self.events_of(*rarest)
            .iter()
            .copied()
            .filter(|ix| {
                let involved = &self.event(*ix).actors;
                actors.iter().all(|a| involved.contains(a))
            })
            .collect()
    }

    /// The events quoting sentence `sentence` (0-based) of `source`, in timeline order.
    pub fn events_citing(&self, source: SourceId, sentence: usize) -> &[EventIx] {
        self.events_by_sentence
            .get(source.index())
            .and_then(|s| s.get(sentence))
            .map_or(&[], Vec::as_slice)
    }

    /// The events whose dates overlap `from ..= to` (either end open when `None`).
    pub fn events_between(
        &self,
        view: &[EventIx],
        from: Option<&EdtfDate>,
        to: Option<&EdtfDate>,
    ) -> Vec<EventIx> {
        view.iter()
            .copied()
            .filter(|ix| {
                let date = &self.event(*ix).date;
                from.is_none_or(|f| date.latest() >= f.earliest())
                    && to.is_none_or(|t| date.earliest() <= t.latest())
            })
            .collect()
    }
}
