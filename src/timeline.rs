//! The in-memory timeline: events in order, and the indexes the browser and commands query.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::thread;

use rustc_hash::FxHasher;

use chrono::Datelike;

use crate::date::{EdtfDate, Precision};
use crate::id_table::IdTable;
use crate::model::{Actor, ActorId, Event, EventIx, Quote, Source, SourceId};
use crate::shares::sort_on_every_core;

/// Events sorted by date (start, then finer precision first; ties in the order of the events
/// file), with their actors and sources. Filtered views elsewhere are lists of `EventIx` into `events`, never copies.
#[derive(Debug, Default)]
pub struct Timeline {
    events: Vec<Event>,
    actors: Vec<Actor>,
    sources: Vec<Source>,
    /// The events involving actor `a`, in timeline order, are
    /// `actor_events[actor_start[a]..actor_start[a + 1]]`: one flat list rather than a list per
    /// actor, sized exactly.
    actor_start: Vec<u32>,
    actor_events: Vec<EventIx>,
    /// Which events quote which sentence, as one flat list: sentence `n` of source `s` is
    /// number `sentence_base[s] + n` overall, and the events quoting it, in timeline order, are
    /// `citing[citing_start[k]..citing_start[k + 1]]` for that number `k`.
    sentence_base: Vec<u32>,
    citing_start: Vec<u32>,
    citing: Vec<EventIx>,
    /// (hash of the id, event), sorted: lookup by binary search without a second copy of
    /// every id, and without touching the events themselves while sorting.
    events_by_id: Vec<(u32, EventIx)>,
    actor_by_id: IdTable,
    /// Each event's date in the few numbers that filters and the density strip compare, in
    /// timeline order: a million of them are scanned in milliseconds, where going through
    /// the events themselves means a cache miss and calendar arithmetic per event.
    keys: Vec<DateKey>,
    /// The widest date display, so that the date column lines up without formatting every
    /// date when the browser opens.
    date_width: usize,
    /// Sources by id, built the first time an event's `source` attribute is looked up (only
    /// imported GDELT events have one).
    source_by_id: std::sync::OnceLock<HashMap<String, SourceId>>,
    /// Whether each actor's name is another actor's too (ignoring case), found when first
    /// asked.
    name_clashes: std::sync::OnceLock<Vec<crate::roster::Clash>>,
}

/// An event's date as numbers, computed once when the timeline is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateKey {
    /// The earliest and latest instants the date may mean, in seconds since 1970 (UTC).
    pub earliest: i64,
    pub latest: i64,
    /// The day of the earliest instant, counted from 1 January of year 1 (day 1).
    pub day: i32,
    /// From the top, the month of the earliest instant (see `month`), the precision (three
    /// bits) and whether the date is exact (the lowest bit): 24 bytes a key rather than 32.
    month_kind: i32,
}

/// How far a key's month is shifted in `month_kind`.
const MONTH_SHIFT: u32 = 4;

impl DateKey {
    fn of(date: &EdtfDate) -> DateKey {
        let earliest = date.earliest();
        let day = earliest.date();
        let month = day.year() * 12 + day.month0() as i32;
        DateKey::new(
            earliest.and_utc().timestamp(),
            date.latest().and_utc().timestamp(),
            day.num_days_from_ce(),
            month,
            date.precision(),
            date.is_exact(),
        )
        .unwrap_or(UNSET)
    }

    /// A key from its parts; `None` when the month is beyond any date's (more than 11
    /// million years from year 0).
    pub fn new(
        earliest: i64,
        latest: i64,
        day: i32,
        month: i32,
        precision: Precision,
        exact: bool,
    ) -> Option<DateKey> {
        let limit = i32::MAX >> MONTH_SHIFT;
        (-limit..=limit).contains(&month).then_some(DateKey {
            earliest,
            latest,
            day,
            month_kind: month << MONTH_SHIFT | (precision as i32) << 1 | i32::from(exact),
        })
    }

    /// The month of the earliest instant: year * 12 + month - 1.
    pub fn month(&self) -> i32 {
        self.month_kind >> MONTH_SHIFT
    }

    pub fn precision(&self) -> Precision {
        let code = (self.month_kind >> 1 & 7) as usize;
        Precision::ALL.get(code).copied().unwrap_or(Precision::Year)
    }

    /// A single point with no qualifier (see `EdtfDate::is_exact`).
    pub fn exact(&self) -> bool {
        self.month_kind & 1 != 0
    }

    /// The month the date lies within (year * 12 + month - 1), if it is known to the month
    /// or finer and does not run into the next: the one rule by which the stats pane counts
    /// an event under a month and the month filter its bar chooses keeps it. A date known
    /// only to the year (`2021?`), or spanning months, is in none.
    pub fn month_within(&self) -> Option<i32> {
        if self.precision() > Precision::Month {
            return None;
        }
        let last = chrono::DateTime::from_timestamp(self.latest, 0)?.date_naive();
        (last.year() * 12 + last.month0() as i32 == self.month()).then_some(self.month())
    }

    /// Whether the date overlaps `from ..= to` (either end open when `None`).
    pub fn overlaps(&self, from: Option<&DateKey>, to: Option<&DateKey>) -> bool {
        from.is_none_or(|f| self.latest >= f.earliest)
            && to.is_none_or(|t| self.earliest <= t.latest)
    }
}

impl From<&EdtfDate> for DateKey {
    fn from(date: &EdtfDate) -> DateKey {
        DateKey::of(date)
    }
}

/// Sorts events into timeline order: by date (`EdtfDate::timeline_cmp`), and events whose
/// dates tie in the order they were given, which is the order of the events file: authors
/// write the events of one day in the order things happened, and ids say nothing about that.
/// The order is computed once per event as plain numbers (the date, then the event's place in
/// the file) and sorted as such, never touching the events themselves: with a million events
/// that is the difference between a few hundred milliseconds and several seconds.
fn sorted(events: Vec<Event>) -> (Vec<Event>, Vec<DateKey>) {
    let keys = date_keys(&events);
    // 24 bytes an event: the start with the precision, the end, and the event's index, which
    // as the last part of the key makes the unstable sort keep the file's order in ties.
    let mut order: Vec<(i64, i64, u64)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            // Seconds since 1970 need 40 bits for any year EDTF allows: room for the
            // precision below them.
            let start = k.earliest * 8 + k.precision() as i64;
            (start, k.latest, i as u64)
        })
        .collect();
    drop(keys);
    sort_on_every_core(&mut order);
    // Where each place's event comes from, in 4 bytes rather than 24: following the
    // permutation below jumps about this list, which then mostly sits in the cache.
    let from: Vec<u32> = order.iter().map(|o| o.2 as u32).collect();
    drop(order);
    // Move each event to its place by following the permutation's cycles: no second array
    // of a million events, which would double the peak memory of a load.
    let mut events = events;
    let mut placed = vec![false; events.len()];
    for start in 0..events.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let source = from[at] as usize;
            if source == start {
                break;
            }
            events.swap(at, source);
            at = source;
        }
    }
    // The keys are made again in the new order (on two threads, reading the events front
    // to back) rather than carried along: each swap of a key is one more cache miss.
    let keys = date_keys(&events);
    (events, keys)
}

/// A key to be filled in (and, never met, the key of a date past any month a key holds).
const UNSET: DateKey = DateKey {
    earliest: 0,
    latest: 0,
    day: 0,
    month_kind: (Precision::Day as i32) << 1,
};

/// Every event's `DateKey`, computed on two threads (calendar arithmetic for a million dates)
/// straight into one list.
fn date_keys(events: &[Event]) -> Vec<DateKey> {
    let fill = |keys: &mut [DateKey], events: &[Event]| {
        for (key, event) in keys.iter_mut().zip(events) {
            *key = DateKey::of(&event.date);
        }
    };
    let mut keys = vec![UNSET; events.len()];
    if events.len() < 100_000 {
        fill(&mut keys, events);
        return keys;
    }
    let half = events.len() / 2;
    let (first_keys, second_keys) = keys.split_at_mut(half);
    let (first, second) = events.split_at(half);
    thread::scope(|scope| {
        scope.spawn(|| fill(second_keys, second));
        fill(first_keys, first);
    });
    keys
}

/// Builds the flat actor → events index (see `Timeline::events_of`): one pass to count, one
/// to fill.
fn index_actors(events: &[Event], actors: usize) -> (Vec<u32>, Vec<EventIx>) {
    let mut start = vec![0u32; actors + 1];
    for event in events {
        for actor in distinct(&event.actors) {
            if let Some(count) = start.get_mut(actor.index()) {
                *count += 1;
            }
        }
    }
    let listed = fill_backwards(&mut start, events.len(), |i, out| {
        out.extend(distinct(&events[i].actors).map(|a| a.index()));
    });
    (start, listed)
}

/// The flat lists of a counting sort, without a second copy of `start` to fill from: given
/// each list's count in `start[k]` (and room for one more at the end), `items` of each item
/// `i` (which `items` pushes onto its list) are laid out, lists in order and each list in
/// the order of the items; `start[k]` is then where list `k` begins.
fn fill_backwards(
    start: &mut [u32],
    count: usize,
    items: impl Fn(usize, &mut Vec<usize>),
) -> Vec<EventIx> {
    let mut total = 0u32;
    let lists = start.len().saturating_sub(1);
    for end in &mut start[..lists] {
        total += *end;
        *end = total;
    }
    if let Some(last) = start.last_mut() {
        *last = total;
    }
    // Each list is filled from its end, the items taken last first.
    let mut listed = vec![EventIx(0); total as usize];
    let mut of_item = Vec::new();
    for i in (0..count).rev() {
        of_item.clear();
        items(i, &mut of_item);
        for &k in &of_item {
            if let Some(at) = start.get_mut(k).filter(|_| k < lists) {
                *at -= 1;
                listed[*at as usize] = EventIx(i as u32);
            }
        }
    }
    listed
}

/// The event's actors, each once: the loader refuses repeats, but a timeline can be built
/// from elsewhere (an import, a test).
fn distinct(actors: &[ActorId]) -> impl Iterator<Item = &ActorId> {
    actors
        .iter()
        .enumerate()
        .filter(|(k, actor)| !actors[..*k].contains(actor))
        .map(|(_, actor)| actor)
}

/// Builds the flat sentence → citing events index (see `Timeline::citing`): one pass to count,
/// one to fill, each event listed once per sentence however many of its quotes touch it.
fn index_citations(events: &[Event], sources: &[Source]) -> (Vec<u32>, Vec<u32>, Vec<EventIx>) {
    let mut sentence_base = Vec::with_capacity(sources.len());
    let mut total = 0u32;
    for source in sources {
        sentence_base.push(total);
        total += source.sentences.len() as u32;
    }
    let total = total as usize;
    let mut citing_start = vec![0u32; total + 1];
    let mut cited = Vec::new();
    for event in events {
        cited.clear();
        sentences_cited(event, &sentence_base, sources, &mut cited);
        for &k in &cited {
            citing_start[k] += 1;
        }
    }
    let citing = fill_backwards(&mut citing_start, events.len(), |i, out| {
        sentences_cited(&events[i], &sentence_base, sources, out);
    });
    (sentence_base, citing_start, citing)
}

/// The overall numbers of the sentences `event` quotes, each once, pushed onto `out`. A
/// quote's own sentences differ; those of its earlier quotes, few, are looked through (cheaper
/// than a mark per sentence, which for a million sentences is megabytes more at the peak).
fn sentences_cited(event: &Event, sentence_base: &[u32], sources: &[Source], out: &mut Vec<usize>) {
    let from = out.len();
    for quote in event.quotes.iter() {
        let earlier = out.len();
        for k in sentence_numbers(quote, sentence_base, sources) {
            if !out[from..earlier].contains(&k) {
                out.push(k);
            }
        }
    }
}

/// The overall numbers of the sentences `quote` touches.
fn sentence_numbers<'a>(
    quote: &'a Quote,
    sentence_base: &'a [u32],
    sources: &'a [Source],
) -> impl Iterator<Item = usize> + 'a {
    let base = sentence_base.get(quote.source.index()).copied();
    let count = sources
        .get(quote.source.index())
        .map_or(0, |s| s.sentences.len());
    quote
        .sentences()
        .filter(move |n| *n < count)
        .filter_map(move |n| base.map(|b| b as usize + n))
}

/// The hash events are looked up by id with.
pub(crate) fn id_hash(id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    id.hash(&mut hasher);
    hasher.finish()
}

/// `id_hash` in four bytes, for the id index: eight bytes an event rather than sixteen. A
/// million ids share a few hundred such hashes, which the lookup tells apart by the ids.
fn short_id_hash(id: &str) -> u32 {
    let hash = id_hash(id);
    (hash >> 32) as u32 ^ hash as u32
}

/// Each actor's id, numbered by its place in `actors`.
fn actor_ids(actors: &[Actor]) -> IdTable {
    IdTable::of(actors.iter().map(|a| a.id.as_str()))
}

/// A timeline taken apart into the lists `Timeline::new` builds, for the cache's image of a
/// loaded dataset (src/cache): reopening it skips the sort and the indexes. Field by field
/// as in `Timeline`; see there for what each list holds.
#[derive(Debug, Default)]
pub struct Parts {
    pub events: Vec<Event>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub actor_start: Vec<u32>,
    pub actor_events: Vec<EventIx>,
    pub sentence_base: Vec<u32>,
    pub citing_start: Vec<u32>,
    pub citing: Vec<EventIx>,
    pub events_by_id: Vec<(u32, EventIx)>,
    pub keys: Vec<DateKey>,
    pub date_width: usize,
}

/// The index lists of a timeline, borrowed (see `Parts`).
#[derive(Clone, Copy, Debug)]
pub struct Indexes<'a> {
    pub actor_start: &'a [u32],
    pub actor_events: &'a [EventIx],
    pub sentence_base: &'a [u32],
    pub citing_start: &'a [u32],
    pub citing: &'a [EventIx],
    pub events_by_id: &'a [(u32, EventIx)],
    pub keys: &'a [DateKey],
    pub date_width: usize,
}

impl Timeline {
    /// Sorts the events and builds the indexes. Actor and source ids inside the events must
    /// already be valid indexes into `actors` and `sources` (the loader guarantees it).
    pub fn new(events: Vec<Event>, actors: Vec<Actor>, sources: Vec<Source>) -> Timeline {
        let actor_by_id = actor_ids(&actors);
        Timeline::with_actor_ids(events, actors, sources, actor_by_id)
    }

    /// `new`, given the table of actors by id that the loader built already (each actor's id
    /// to its place in `actors`), rather than building it again.
    pub fn with_actor_ids(
        events: Vec<Event>,
        actors: Vec<Actor>,
        sources: Vec<Source>,
        actor_by_id: IdTable,
    ) -> Timeline {
        let (events, keys) = sorted(events);
        // The indexes only read the events: the citations are built on a second thread while
        // this one does the rest.
        let ((sentence_base, citing_start, citing), (date_width, actor_index, mut events_by_id)) =
            thread::scope(|scope| {
                let citations = scope.spawn(|| index_citations(&events, &sources));
                let date_width = events
                    .iter()
                    .map(|e| e.date.display_width())
                    .max()
                    .unwrap_or(0);
                let actor_index = index_actors(&events, actors.len());
                let events_by_id: Vec<(u32, EventIx)> = events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (short_id_hash(&e.id), EventIx(i as u32)))
                    .collect();
                let citations = citations
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                (citations, (date_width, actor_index, events_by_id))
            });
        // Sorted once the citations' thread is free again, on both cores.
        sort_on_every_core(&mut events_by_id);
        let (actor_start, actor_events) = actor_index;
        let parts = Parts {
            events,
            actors,
            sources,
            actor_start,
            actor_events,
            sentence_base,
            citing_start,
            citing,
            events_by_id,
            keys,
            date_width,
        };
        Timeline::assemble(parts, actor_by_id)
    }

    /// The timeline of `parts`, trusted to be consistent.
    fn assemble(parts: Parts, actor_by_id: IdTable) -> Timeline {
        let Parts {
            events,
            actors,
            sources,
            actor_start,
            actor_events,
            sentence_base,
            citing_start,
            citing,
            events_by_id,
            keys,
            date_width,
        } = parts;
        Timeline {
            events,
            actors,
            sources,
            actor_start,
            actor_events,
            sentence_base,
            citing_start,
            citing,
            events_by_id,
            actor_by_id,
            keys,
            date_width,
            source_by_id: std::sync::OnceLock::new(),
            name_clashes: std::sync::OnceLock::new(),
        }
    }

    /// The index lists, for the cache's image.
    pub fn indexes(&self) -> Indexes<'_> {
        Indexes {
            actor_start: &self.actor_start,
            actor_events: &self.actor_events,
            sentence_base: &self.sentence_base,
            citing_start: &self.citing_start,
            citing: &self.citing,
            events_by_id: &self.events_by_id,
            keys: &self.keys,
            date_width: self.date_width,
        }
    }

    /// A timeline from the lists an earlier `new` built (read back from the cache), checked
    /// to be consistent enough that no lookup can go out of bounds: every index points into
    /// its list, and the flat indexes' starts rise to their lists' ends. Says what is wrong
    /// otherwise.
    pub fn from_parts(parts: Parts) -> Result<Timeline, String> {
        let Parts {
            events,
            actors,
            sources,
            actor_start,
            actor_events,
            sentence_base,
            citing_start,
            citing,
            events_by_id,
            keys,
            ..
        } = &parts;
        let n = events.len();
        let ix_ok = |list: &[EventIx]| list.iter().all(|ix| ix.index() < n);
        let starts_ok = |starts: &[u32], len: usize, count: usize| {
            starts.len() == count + 1
                && starts.first() == Some(&0)
                && starts.windows(2).all(|w| w[0] <= w[1])
                && starts.last().map(|l| *l as usize) == Some(len)
        };
        let sentences: usize = sources.iter().map(|s| s.sentences.len()).sum();
        let base_ok = sentence_base.len() == sources.len()
            && sentence_base
                .iter()
                .zip(sources.iter().scan(0usize, |total, s| {
                    let base = *total;
                    *total += s.sentences.len();
                    Some(base)
                }))
                .all(|(b, expected)| *b as usize == expected);
        let checks = [
            (keys.len() == n, "date keys"),
            (
                events_by_id.len() == n && events_by_id.iter().all(|(_, ix)| ix.index() < n),
                "id index",
            ),
            (
                starts_ok(actor_start, actor_events.len(), actors.len()) && ix_ok(actor_events),
                "actor index",
            ),
            (
                base_ok && starts_ok(citing_start, citing.len(), sentences) && ix_ok(citing),
                "citation index",
            ),
        ];
        if let Some((_, what)) = checks.iter().find(|(ok, _)| !ok) {
            return Err(format!("its {what} does not fit its events"));
        }
        let actor_by_id = actor_ids(actors);
        Ok(Timeline::assemble(parts, actor_by_id))
    }

    /// The event's date as numbers (see `DateKey`).
    pub fn key(&self, ix: EventIx) -> &DateKey {
        &self.keys[ix.index()]
    }

    /// The widest date display of all the events, in columns.
    pub fn date_width(&self) -> usize {
        self.date_width
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

    /// A quote's text, as its record wrote it.
    pub fn quote_text<'a>(&'a self, quote: &'a Quote) -> &'a str {
        quote.text(self.source(quote.source))
    }

    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.index()]
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// The names an event's row shows for `actors`: each actor's short name, or its full name
    /// where another of them has the same short name (Joe and Jill Biden).
    pub fn short_names(&self, actors: &[ActorId]) -> Vec<&str> {
        let short: Vec<&str> = actors.iter().map(|a| self.actor(*a).short_name()).collect();
        // Counted once: an event may name thousands of actors, and rows are drawn every frame.
        let mut uses: HashMap<&str, usize> = HashMap::with_capacity(short.len());
        for name in &short {
            *uses.entry(name).or_default() += 1;
        }
        short
            .iter()
            .zip(actors)
            .map(|(name, actor)| {
                if uses.get(name).is_some_and(|n| *n > 1) {
                    self.actor(*actor).name.as_str()
                } else {
                    name
                }
            })
            .collect()
    }

    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }

    /// The sources `event` quotes that say when they were published, each once, in the order
    /// of the quotes: when the event was reported, which is not when it happened.
    pub fn reported_in<'a>(&'a self, event: &Event) -> Vec<(EdtfDate, &'a Source)> {
        let mut seen: Vec<SourceId> = Vec::new();
        let mut reported = Vec::new();
        for quote in &event.quotes {
            if seen.contains(&quote.source) {
                continue;
            }
            seen.push(quote.source);
            let source = self.source(quote.source);
            if let Some(published) = source.published {
                reported.push((published, source));
            }
        }
        reported
    }

    /// The web address of the article `event` was read from: the source its `source`
    /// attribute names (an imported GDELT event's article), else the first source it quotes
    /// that has an address.
    pub fn event_url<'a>(&'a self, event: &Event) -> Option<&'a str> {
        let named = match event.attribute("source") {
            Some(crate::model::ValueRef::Text(id)) => self.source_by_id(id),
            _ => None,
        };
        named
            .into_iter()
            .chain(event.quotes.iter().map(|q| self.source(q.source)))
            .find_map(|source| source.url.as_deref())
            .filter(|url| !url.trim().is_empty())
    }

    /// What tells actor `id` apart from the others of its name (GDELT's three "ZIMBABWE"
    /// actors, coded ZWE, ZWEJUD and ZWEMIL): its code (the first alias that is not the
    /// name), else its id, which is unique. `None` when no other actor has its name.
    pub fn telling_apart(&self, id: ActorId) -> Option<&str> {
        let clashes = self.name_clashes.get_or_init(|| {
            crate::roster::clash_kinds(&self.actors, &crate::roster::name_clashes(&self.actors))
        });
        let clash = clashes.get(id.index()).copied().unwrap_or_default();
        crate::roster::telling_apart(self.actor(id), clash)
    }

    /// Takes how each actor is told apart from the others of its name as worked out
    /// elsewhere (a first screen's few actors, among all of the dataset's), rather than from
    /// this timeline's actors alone. No change once asked for.
    pub fn know_name_clashes(&self, clashes: Vec<crate::roster::Clash>) {
        let _ = self.name_clashes.set(clashes);
    }

    /// The name a person reads for actor `id`: its name, with what tells it apart where
    /// another actor has that name (`ZIMBABWE (ZWEJUD)`). Every list, pane and command that
    /// names an actor to a person uses this, so that one ZIMBABWE never passes for another.
    pub fn actor_label(&self, id: ActorId) -> String {
        crate::roster::label(self.actor(id), self.telling_apart(id))
    }

    /// The source whose id is `id`.
    pub fn source_by_id(&self, id: &str) -> Option<&Source> {
        let index = self.source_by_id.get_or_init(|| {
            self.sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), SourceId(i as u32)))
                .collect()
        });
        index.get(id).map(|s| self.source(*s))
    }

    pub fn event_by_id(&self, id: &str) -> Option<EventIx> {
        let hash = short_id_hash(id);
        let from = self.events_by_id.partition_point(|(h, _)| *h < hash);
        self.events_by_id[from..]
            .iter()
            .take_while(|(h, _)| *h == hash)
            .map(|(_, ix)| *ix)
            .find(|ix| &*self.event(*ix).id == id)
    }

    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actor_by_id.get(id).map(ActorId)
    }

    /// All events, in order, as a view.
    pub fn all_events(&self) -> Vec<EventIx> {
        (0..self.events.len() as u32).map(EventIx).collect()
    }

    /// The events involving `actor`, in timeline order.
    pub fn events_of(&self, actor: ActorId) -> &[EventIx] {
        let a = actor.index();
        match (self.actor_start.get(a), self.actor_start.get(a + 1)) {
            (Some(&start), Some(&end)) => &self.actor_events[start as usize..end as usize],
            _ => &[],
        }
    }

    /// How many events involve `actor`.
    pub fn event_count(&self, actor: ActorId) -> usize {
        self.events_of(actor).len()
    }

    /// Actor ids by descending event count, ties by name: the order actor lists show.
    pub fn actors_by_event_count(&self) -> Vec<ActorId> {
        crate::roster::Roster::actors_by_event_count(self)
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
        let Some(base) = self.sentence_base.get(source.index()) else {
            return &[];
        };
        let within = self
            .sources
            .get(source.index())
            .is_some_and(|s| sentence < s.sentences.len());
        if !within {
            return &[];
        }
        let k = *base as usize + sentence;
        match (self.citing_start.get(k), self.citing_start.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.citing[from as usize..to as usize],
            _ => &[],
        }
    }

    /// The events whose dates overlap `from ..= to` (either end open when `None`).
    pub fn events_between(
        &self,
        view: &[EventIx],
        from: Option<&EdtfDate>,
        to: Option<&EdtfDate>,
    ) -> Vec<EventIx> {
        let (from, to) = (from.map(DateKey::of), to.map(DateKey::of));
        view.iter()
            .copied()
            .filter(|ix| self.key(*ix).overlaps(from.as_ref(), to.as_ref()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_keys_month_precision_and_exactness_read_back_from_four_bytes() {
        for month in [-3_145_716, -13, -1, 0, 1, 24_263, 3_145_727] {
            for precision in Precision::ALL {
                for exact in [false, true] {
                    let key = DateKey::new(-5, 7, -400, month, precision, exact)
                        .unwrap_or_else(|| panic!("{month}"));
                    assert_eq!(
                        (key.earliest, key.latest, key.day),
                        (-5, 7, -400),
                        "{month}"
                    );
                    assert_eq!(
                        (key.month(), key.precision(), key.exact()),
                        (month, precision, exact)
                    );
                }
            }
        }
        assert_eq!(DateKey::new(0, 0, 0, i32::MAX, Precision::Day, true), None);
        assert_eq!(DateKey::new(0, 0, 0, i32::MIN, Precision::Day, true), None);
        assert_eq!(std::mem::size_of::<DateKey>(), 24);
    }
    use crate::model::{Quote, SourceId};

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.into(),
            name: id.to_uppercase(),
            kind: None,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        }
    }

    #[test]
    fn people_sharing_a_surname_in_one_event_are_shown_by_their_full_names() {
        let person = |name: &str| Actor {
            name: name.into(),
            kind: Some(crate::model::ActorKind::Person),
            ..actor(name)
        };
        let actors = vec![
            person("Joe Biden"),
            person("Jill Biden"),
            person("Boris Johnson"),
        ];
        let t = Timeline::new(Vec::new(), actors, Vec::new());
        let ids = [ActorId(0), ActorId(1), ActorId(2)];
        assert_eq!(t.short_names(&ids), ["Joe Biden", "Jill Biden", "Johnson"]);
        assert_eq!(t.short_names(&ids[1..]), ["Biden", "Johnson"]);
        assert!(t.short_names(&[]).is_empty());
    }

    /// An event naming thousands of actors (nothing bounds how many), some sharing a surname:
    /// each shared one shown in full, the others short. (The names were once compared pair by
    /// pair, four seconds for this row in a debug build; found by review.)
    #[test]
    fn a_crowded_event_shows_shared_surnames_in_full() {
        let count = 20_000u32;
        // Surnames of letters only (a word with a digit is no surname): "Xaaa", "Xaab"...
        let surname = |mut n: u32| {
            let mut letters = String::from("X");
            for _ in 0..4 {
                letters.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            letters
        };
        let actors = (0..count)
            .map(|i| Actor {
                name: format!("Person {}", surname(if i < 10 { i / 2 * 2 } else { i })),
                kind: Some(crate::model::ActorKind::Person),
                ..actor(&format!("a{i}"))
            })
            .collect();
        let t = Timeline::new(Vec::new(), actors, Vec::new());
        let ids: Vec<ActorId> = (0..count).map(ActorId).collect();
        let names = t.short_names(&ids);
        assert_eq!(names.len(), ids.len());
        // The first ten come in pairs sharing a surname; past them every surname is unique.
        assert_eq!(names[0], format!("Person {}", surname(0)));
        assert_eq!(names[1], names[0]);
        assert_eq!(names[11], surname(11));
        assert!(names[10..].iter().all(|n| !n.starts_with("Person ")));
    }

    fn event(id: &str, date: &str, actors: &[u32], cited: &[usize]) -> Event {
        Event {
            id: id.into(),
            date: EdtfDate::parse(date).unwrap_or_else(|e| panic!("{date}: {e}")),
            title: id.into(),
            summary: None,
            kind: None,
            actors: actors.iter().map(|a| ActorId(*a)).collect(),
            location: None,
            tags: Box::default(),
            quotes: cited
                .iter()
                .map(|s| Quote {
                    source: SourceId(0),
                    written: None,
                    span: 0..0,
                    sentences: crate::model::offsets(*s..*s + 1),
                })
                .collect(),
            attributes: Default::default(),
            roles: Box::default(),
            region: None,
            point: None,
        }
    }

    fn sample() -> Timeline {
        let source = Source {
            id: "s".into(),
            title: "S".into(),
            publisher: None,
            url: None,
            published: None,
            sha256: None,
            file: "s.txt".into(),
            text: "One. Two. Three.".into(),
            sentences: vec![0..4, 5..9, 10..16],
        };
        Timeline::new(
            vec![
                event("b", "2021-12-13", &[0, 1], &[0]),
                event("a", "2021-12-13", &[0], &[0, 2]),
                event("month", "2021-12", &[1], &[]),
                event("early", "2021-11-30", &[2], &[]),
                event("first-day", "2021-12-01", &[2], &[]),
            ],
            vec![actor("putin"), actor("johnson"), actor("nato")],
            vec![source],
        )
    }

    fn ids(timeline: &Timeline, view: &[EventIx]) -> Vec<String> {
        view.iter()
            .map(|ix| timeline.event(*ix).id.to_string())
            .collect()
    }

    /// The sort works on numbers (the date, the place in the file): it must agree everywhere
    /// with a stable sort by `EdtfDate::timeline_cmp`, which keeps ties in the file's order.
    #[test]
    fn the_sort_agrees_with_the_timeline_order() {
        let dates = [
            "2021-12-13",
            "2021-12",
            "2021",
            "2021-12-13T10:00Z",
            "2021-12-13T10:00+02:00",
            "2021-12-13T08:00:30Z",
            "2021-12-13/2021-12-20",
            "2021-12-13/2022",
            "2021-12-13?",
            "2021-12~",
            "1990",
            "0044-03-15",
        ];
        let ids = [
            "a", "ab", "abcd", "abcde", "abcdz", "abc", "é", "éa", "b", "aa",
        ];
        let mut events = Vec::new();
        for (n, date) in dates.iter().enumerate() {
            for (m, id) in ids.iter().enumerate() {
                // A different id for every event: shuffled so that the input is not in order.
                let id = format!("{id}{}", (n * 7 + m * 3) % 11);
                events.push(event(&id, date, &[], &[]));
            }
        }
        events.reverse();
        let mut expected: Vec<String> = Vec::new();
        let mut by_date: Vec<&Event> = events.iter().collect();
        by_date.sort_by(|a, b| a.date.timeline_cmp(&b.date));
        expected.extend(by_date.iter().map(|e| format!("{} {}", e.date, e.id)));
        let timeline = Timeline::new(events.clone(), Vec::new(), Vec::new());
        let got: Vec<String> = timeline
            .events()
            .iter()
            .map(|e| format!("{} {}", e.date, e.id))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn events_of_the_same_date_keep_the_order_of_the_file() {
        // Authors write same-day events in the order things happened; ids decide nothing,
        // not even ids that share their first bytes.
        let events = vec![
            event("zeta", "2021-12-13", &[], &[]),
            event("alpha", "2021-12-13", &[], &[]),
            event("abcd-later", "2021-12-13", &[], &[]),
            event("abcd-earlier", "2021-12-13", &[], &[]),
            event("first", "2021-12-01", &[], &[]),
            event("month", "2021-12", &[], &[]),
            event("approximate-month", "2021-12~", &[], &[]),
        ];
        let t = Timeline::new(events, Vec::new(), Vec::new());
        assert_eq!(
            ids(&t, &t.all_events()),
            [
                "first",
                "month",
                "approximate-month",
                "zeta",
                "alpha",
                "abcd-later",
                "abcd-earlier"
            ]
        );
    }

    #[test]
    fn orders_by_date_then_precision() {
        let t = sample();
        // "2021-12" starts on 1 December: after 30 November, after the day that is known exactly
        // to be 1 December, and before 13 December; the two events of 13 December keep the
        // order they were given in.
        assert_eq!(
            ids(&t, &t.all_events()),
            ["early", "first-day", "month", "b", "a"]
        );
    }

    #[test]
    fn indexes_actors_and_cited_sentences() {
        let t = sample();
        assert_eq!(ids(&t, t.events_of(ActorId(0))), ["b", "a"]);
        assert_eq!(t.event_count(ActorId(1)), 2);
        assert_eq!(
            ids(&t, &t.events_with_all(&[ActorId(0), ActorId(1)])),
            ["b"]
        );
        assert_eq!(t.events_with_all(&[]).len(), 5);
        assert_eq!(ids(&t, t.events_citing(SourceId(0), 0)), ["b", "a"]);
        assert_eq!(ids(&t, t.events_citing(SourceId(0), 2)), ["a"]);
        assert!(t.events_citing(SourceId(0), 1).is_empty());
        assert!(t.events_citing(SourceId(9), 0).is_empty());
        assert_eq!(t.event_by_id("month").map(|ix| ix.0), Some(2));
        assert_eq!(
            t.actors_by_event_count(),
            [ActorId(1), ActorId(2), ActorId(0)]
        );
    }

    #[test]
    fn an_event_is_reported_once_by_each_dated_source_in_quote_order() {
        let dated = |id: &str, published: Option<&str>| Source {
            id: id.into(),
            published: published.and_then(|d| EdtfDate::parse(d).ok()),
            ..sample().sources()[0].clone()
        };
        let sources = vec![
            dated("undated", None),
            dated("later", Some("2021-12-14")),
            dated("day", Some("2021-12-13?")),
        ];
        let mut event = event("e", "2021-12-13", &[], &[0, 0, 0, 0]);
        for (quote, source) in event.quotes.iter_mut().zip([2, 0, 1, 2]) {
            quote.source = SourceId(source);
        }
        let t = Timeline::new(vec![event], Vec::new(), sources);
        let reported: Vec<(String, &str)> = t
            .reported_in(t.event(EventIx(0)))
            .into_iter()
            .map(|(date, source)| (date.edtf(), source.id.as_str()))
            .collect();
        assert_eq!(
            reported,
            [
                ("2021-12-13?".to_string(), "day"),
                ("2021-12-14".to_string(), "later")
            ]
        );
    }

    #[test]
    fn filters_by_overlapping_dates() {
        let t = sample();
        let from = EdtfDate::parse("2021-12").ok();
        let view = t.events_between(&t.all_events(), from.as_ref(), None);
        assert_eq!(ids(&t, &view), ["first-day", "month", "b", "a"]);
        let to = EdtfDate::parse("2021-11").ok();
        let view = t.events_between(&t.all_events(), None, to.as_ref());
        assert_eq!(ids(&t, &view), ["early"]);
    }
}
