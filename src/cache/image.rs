//! The binary image of a loaded timeline: its events, actors and sources field by field, and
//! the indexes `Timeline::new` built, so that reopening skips parsing, checking, placing
//! quotes, sorting and indexing.
//!
//! Every model type is written and read here and nowhere else: each is taken apart with a
//! full destructuring (`let Event { id, date, .. } = event` without `..`), so a field added to
//! the model fails to compile here until it is written and read too. The format's version in
//! `super::FORMAT` must then go up.
//!
//! Layout: actors, how many events each is in and which share a name (`chronicle actors`
//! reads only these), sources, then the events in `CHUNKS` runs (read on two threads), then the index lists, then the tables of labels and regions the events refer to by number, and a
//! directory of where each part starts, whose own place is the last 8 bytes.

use std::io::{self, Write};
use std::ops::Range;
use std::sync::Arc;
use std::thread;

use rustc_hash::FxHashMap;

use super::bytes::{Corrupt, In, Out, Read};
use crate::date::{EdtfDate, PACKED_LEN};
use crate::model::{
    Actor, ActorId, ActorKind, Event, EventIx, Label, Number, Point, Quote, Region, Roles, Shapes,
    Source, SourceId, Value, ValueRef,
};
use crate::roster::Clash;
use crate::timeline::{DateKey, Parts, Timeline};

/// Runs of events, each readable on its own: at least as many as the threads that read them.
const CHUNKS: usize = 8;

/// Labels and regions by number, collected while the events are written.
#[derive(Default)]
struct Tables<'a> {
    labels: FxHashMap<&'a str, u32>,
    label_list: Vec<&'a str>,
    regions: FxHashMap<&'a Region, u32>,
    region_list: Vec<&'a Region>,
}

impl<'a> Tables<'a> {
    fn label(&mut self, label: &'a str) -> u32 {
        let next = self.label_list.len() as u32;
        *self.labels.entry(label).or_insert_with(|| {
            self.label_list.push(label);
            next
        })
    }

    fn region(&mut self, region: &'a Region) -> u32 {
        let next = self.region_list.len() as u32;
        *self.regions.entry(region).or_insert_with(|| {
            self.region_list.push(region);
            next
        })
    }
}

/// What the first screen's reader checks of an image (see `read_head`), each part against a
/// checksum of its own, so that it hashes only what it reads: the actors' part (the image up
/// to the end of the actors' event counts, which is also what `read_actors` checks), the
/// first `SCREEN` events (`screen_at..screen_end`), and the tables to the image's end. Each
/// source carries its own checksum besides (see `write`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub actors_end: u64,
    pub actors_sum: u128,
    pub screen_at: u64,
    pub screen_end: u64,
    pub screen_sum: u128,
    pub tail_at: u64,
    pub tail_sum: u128,
}

/// How many events the first screen's part holds: more than a terminal shows.
pub const SCREEN: usize = 1000;

/// Writes `timeline`'s image to `out`, which must have had nothing written yet.
pub fn write<W: Write>(timeline: &Timeline, out: &mut Out<W>) -> io::Result<Marks> {
    let mut marks = Marks::default();
    let mut directory = Vec::new();
    out.len(timeline.actors().len())?;
    for actor in timeline.actors() {
        put_actor(out, actor)?;
    }
    let counts = (0..timeline.actors().len() as u32).map(|a| timeline.event_count(ActorId(a)));
    put_u32s(out, counts.map(|n| n as u32))?;
    // The actors whose names others share (usually none): a listing from this part alone
    // then needs not lowercase and count every name to label its rows.
    let clashing = (0..timeline.actors().len() as u32)
        .filter(|a| timeline.telling_apart(ActorId(*a)).is_some())
        .collect::<Vec<u32>>();
    put_u32s(out, clashing.into_iter())?;
    (marks.actors_end, marks.actors_sum) = (out.written(), out.digest_so_far()?);
    out.len(timeline.sources().len())?;
    for source in timeline.sources() {
        // Each source behind its length: the first screen's reader skips those it needs not.
        let len = source_len(source);
        out.len(len)?;
        let at = out.written();
        // With a checksum of its own: the first screen reads only the sources it quotes,
        // of a hundred megabytes of them.
        out.start_part()?;
        put_source(out, source)?;
        let sum = out.end_part()?;
        debug_assert_eq!(out.written() - at, len as u64, "source_len and put_source");
        out.bytes(&sum.to_le_bytes())?;
    }
    let mut tables = Tables::default();
    let events = timeline.events();
    let per_chunk = events.len().div_ceil(CHUNKS).max(1);
    marks.screen_at = out.written();
    out.start_part()?;
    let mut screen_open = true;
    for (n, chunk) in events.chunks(per_chunk).enumerate() {
        directory.push(out.written());
        out.len(chunk.len())?;
        for (at, event) in chunk.iter().enumerate() {
            if n == 0 && at == SCREEN {
                (marks.screen_end, marks.screen_sum) = (out.written(), out.end_part()?);
                screen_open = false;
            }
            put_event(out, event, &mut tables)?;
        }
        if screen_open {
            (marks.screen_end, marks.screen_sum) = (out.written(), out.end_part()?);
            screen_open = false;
        }
    }
    if screen_open {
        (marks.screen_end, marks.screen_sum) = (out.written(), out.end_part()?);
    }
    directory.push(out.written());
    put_indexes(out, timeline)?;
    marks.tail_at = out.written();
    directory.push(marks.tail_at);
    // The tables and the directory, gathered to be checksummed on their own.
    let mut tail = Out::new(Vec::new());
    // The regions' labels join the table before it is written.
    for region in tables.region_list.clone() {
        for label in [&region.country, &region.admin1, &region.admin2]
            .into_iter()
            .flatten()
        {
            tables.label(label);
        }
    }
    tail.len(tables.label_list.len())?;
    for label in &tables.label_list {
        tail.str(label)?;
    }
    tail.len(tables.region_list.len())?;
    for region in tables.region_list.clone() {
        let Region {
            country,
            admin1,
            admin2,
        } = region;
        for part in [country, admin1, admin2] {
            put_opt_label(&mut tail, part.as_deref(), &mut tables)?;
        }
    }
    let directory_at = marks.tail_at + tail.written();
    tail.len(directory.len())?;
    for at in directory {
        tail.u64(at)?;
    }
    tail.u64(directory_at)?;
    let (tail, _, tail_sum) = tail.finish()?;
    marks.tail_sum = tail_sum;
    out.bytes(&tail)?;
    Ok(marks)
}

fn put_opt_label<'a, W: Write>(
    out: &mut Out<W>,
    label: Option<&'a str>,
    tables: &mut Tables<'a>,
) -> io::Result<()> {
    match label {
        None => out.u32(0),
        Some(label) => out.u32(tables.label(label) + 1),
    }
}

fn put_actor<W: Write>(out: &mut Out<W>, actor: &Actor) -> io::Result<()> {
    let Actor {
        id,
        name,
        kind,
        aliases,
        affiliation,
        description,
    } = actor;
    out.str(id)?;
    out.str(name)?;
    out.u8(kind.map_or(0, |k| k as u8 + 1))?;
    out.len(aliases.len())?;
    for alias in aliases {
        out.str(alias)?;
    }
    out.u32(affiliation.map_or(0, |a| a.0 + 1))?;
    out.opt_str(description.as_deref())
}

fn put_range<W: Write>(out: &mut Out<W>, range: &Range<usize>) -> io::Result<()> {
    out.u64(range.start as u64)?;
    out.u64(range.end as u64)
}

fn put_date<W: Write>(out: &mut Out<W>, date: &EdtfDate) -> io::Result<()> {
    out.bytes(&date.packed())
}

/// How many bytes `put_source` writes for `source` (a source's text is most of an image:
/// counted rather than written twice). The reader checks that each source takes exactly this.
fn source_len(source: &Source) -> usize {
    let Source {
        id,
        title,
        publisher,
        url,
        published,
        sha256,
        file,
        text,
        sentences,
    } = source;
    let str_len = |s: &str| 8 + s.len();
    let opt_len = |s: Option<&str>| 1 + s.map_or(0, str_len);
    str_len(id)
        + str_len(title)
        + opt_len(publisher.as_deref())
        + opt_len(url.as_deref())
        + 1
        + published.map_or(0, |_| PACKED_LEN)
        + opt_len(sha256.as_deref())
        + str_len(file)
        + str_len(text)
        + 8
        + 16 * sentences.len()
}

fn put_source<W: Write>(out: &mut Out<W>, source: &Source) -> io::Result<()> {
    let Source {
        id,
        title,
        publisher,
        url,
        published,
        sha256,
        file,
        text,
        sentences,
    } = source;
    out.str(id)?;
    out.str(title)?;
    out.opt_str(publisher.as_deref())?;
    out.opt_str(url.as_deref())?;
    match published {
        None => out.u8(0)?,
        Some(date) => {
            out.u8(1)?;
            put_date(out, date)?;
        }
    }
    out.opt_str(sha256.as_deref())?;
    out.str(file)?;
    out.str(text)?;
    out.len(sentences.len())?;
    for sentence in sentences {
        put_range(out, &quote_range(sentence))?;
    }
    Ok(())
}

fn put_event<'a, W: Write>(
    out: &mut Out<W>,
    event: &'a Event,
    tables: &mut Tables<'a>,
) -> io::Result<()> {
    let Event {
        id,
        date,
        title,
        summary,
        kind,
        actors,
        location,
        tags,
        quotes,
        attributes,
        roles,
        region,
        point,
    } = event;
    out.str(id)?;
    put_date(out, date)?;
    out.str(title)?;
    out.opt_str(summary.as_deref())?;
    put_opt_label(out, kind.as_deref(), tables)?;
    out.len(actors.len())?;
    for actor in actors.iter() {
        out.u32(actor.0)?;
    }
    put_opt_label(out, location.as_deref(), tables)?;
    out.len(tags.len())?;
    for tag in tags.iter() {
        out.u32(tables.label(tag))?;
    }
    out.len(quotes.len())?;
    for quote in quotes {
        let Quote {
            source,
            written,
            span,
            sentences,
        } = quote;
        out.u32(source.0)?;
        out.opt_str(written.as_deref())?;
        // Written as eight bytes each, as before offsets were held in four.
        put_range(out, &quote_range(span))?;
        put_range(out, &quote_range(sentences))?;
    }
    out.len(attributes.len())?;
    for (name, value) in attributes {
        // Names repeat from event to event (an importer's columns): written once, as labels.
        out.u32(tables.label(name))?;
        put_value(out, tables, value)?;
    }
    out.len(roles.len())?;
    for role in roles.iter() {
        out.u8(role.bits())?;
    }
    match region {
        None => out.u32(0)?,
        Some(region) => out.u32(tables.region(region) + 1)?,
    }
    match point {
        None => out.u8(0),
        Some(point) => {
            let Point { lat, lon } = **point;
            out.u8(1)?;
            out.u64(lat.to_bits())?;
            out.u64(lon.to_bits())
        }
    }
}

/// An attribute's value: a number as the text it shows (which reads back as the same number,
/// the same digits kept), or text.
fn put_value<'a, W: Write>(
    out: &mut Out<W>,
    tables: &mut Tables<'a>,
    value: ValueRef<'a>,
) -> io::Result<()> {
    match value {
        // A label, as the names are: written once however many events share it.
        ValueRef::Text(text) => {
            out.u8(0)?;
            out.u32(tables.label(text))
        }
        ValueRef::Number(number) => {
            out.u8(1)?;
            out.str(&number.to_string())
        }
    }
}

fn get_value(input: &mut In, context: &Context) -> Read<Value> {
    match input.u8()? {
        0 => Ok(Value::Text(context.label(input)?)),
        1 => Number::parse(input.str()?)
            .map(Value::Number)
            .ok_or_else(|| Corrupt("a number is not one".into())),
        _ => Err(Corrupt("a value is neither text nor a number".into())),
    }
}

fn put_u32s<W: Write>(
    out: &mut Out<W>,
    list: impl ExactSizeIterator<Item = u32>,
) -> io::Result<()> {
    out.len(list.len())?;
    put_each(out, list, |n, buffer| {
        buffer.extend_from_slice(&n.to_le_bytes())
    })
}

/// Bytes gathered for `Out` this many at a time: an index of a million events written from
/// one buffer of its own size held that buffer beside `Out`'s copy of it, 50 MB at the peak
/// of writing an entry.
const PIECE: usize = 64 * 1024;

/// Writes each of `items` as `put` lays it out, a piece at a time.
fn put_each<W: Write, T>(
    out: &mut Out<W>,
    items: impl IntoIterator<Item = T>,
    mut put: impl FnMut(T, &mut Vec<u8>),
) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(PIECE);
    for item in items {
        put(item, &mut buffer);
        if buffer.len() >= PIECE {
            out.bytes(&buffer)?;
            buffer.clear();
        }
    }
    out.bytes(&buffer)
}

fn put_indexes<W: Write>(out: &mut Out<W>, timeline: &Timeline) -> io::Result<()> {
    let ix = timeline.indexes();
    put_u32s(out, ix.actor_start.iter().copied())?;
    put_u32s(out, ix.actor_events.iter().map(|e| e.0))?;
    put_u32s(out, ix.sentence_base.iter().copied())?;
    put_u32s(out, ix.citing_start.iter().copied())?;
    put_u32s(out, ix.citing.iter().map(|e| e.0))?;
    out.len(ix.events_by_id.len())?;
    put_each(out, ix.events_by_id, |(hash, event), buffer| {
        buffer.extend_from_slice(&hash.to_le_bytes());
        buffer.extend_from_slice(&event.0.to_le_bytes());
    })?;
    out.len(ix.keys.len())?;
    put_each(out, ix.keys, |key, buffer| {
        buffer.extend_from_slice(&key.earliest.to_le_bytes());
        buffer.extend_from_slice(&key.latest.to_le_bytes());
        buffer.extend_from_slice(&key.day.to_le_bytes());
        buffer.extend_from_slice(&key.month().to_le_bytes());
        buffer.push(key.precision() as u8);
        buffer.push(u8::from(key.exact()));
    })?;
    out.len(ix.date_width)
}

const KEY_LEN: usize = 26;

/// Where an image's parts are.
struct Layout<'a> {
    /// Actors and sources.
    head: &'a [u8],
    runs: Vec<&'a [u8]>,
    indexes: &'a [u8],
    tables: &'a [u8],
}

impl<'a> Layout<'a> {
    fn of(bytes: &'a [u8]) -> Read<Layout<'a>> {
        let trailer = bytes
            .len()
            .checked_sub(8)
            .ok_or_else(|| Corrupt("it is empty".into()))?;
        let directory_at = In::new(&bytes[trailer..]).u64()? as usize;
        let mut directory = In::new(bytes.get(directory_at..trailer).ok_or_else(bad_place)?);
        let count = directory.len(8)?;
        let places = (0..count)
            .map(|_| directory.u64().map(|n| n as usize))
            .collect::<Read<Vec<usize>>>()?;
        let [chunks @ .., indexes_at, tables_at] = places.as_slice() else {
            return Err(bad_place());
        };
        let section = |from: usize, to: usize| bytes.get(from..to).ok_or_else(bad_place);
        let first_chunk = chunks.first().copied().unwrap_or(*indexes_at);
        let ends = chunks.iter().skip(1).chain(std::iter::once(indexes_at));
        Ok(Layout {
            head: section(0, first_chunk)?,
            runs: chunks
                .iter()
                .zip(ends)
                .map(|(from, to)| section(*from, *to))
                .collect::<Read<Vec<&[u8]>>>()?,
            indexes: section(*indexes_at, *tables_at)?,
            tables: section(*tables_at, directory_at)?,
        })
    }
}

/// The actors, how many events each is in, and whether each one's name is another's too.
fn get_actors_and_counts(input: &mut In) -> Read<ActorsPart> {
    let actor_count = input.len(1)?;
    let actors = get_actor_list(input, actor_count)?;
    let counts = get_u32s(input)?;
    if counts.len() != actors.len() {
        return Err(Corrupt("its event counts do not fit its actors".into()));
    }
    let mut clashes = vec![false; actors.len()];
    for a in get_u32s(input)? {
        match clashes.get_mut(a as usize) {
            Some(clash) => *clash = true,
            None => return Err(bad_number()),
        }
    }
    Ok(ActorsPart {
        actors,
        counts,
        clashes,
    })
}

/// What the image's actors part holds.
pub struct ActorsPart {
    pub actors: Vec<Actor>,
    /// How many events each actor is in.
    pub counts: Vec<u32>,
    /// Whether each actor's name is another's too, ignoring case (`roster::name_clashes`).
    pub clashes: Vec<bool>,
}

/// The actors, their event counts and name clashes, from the image's first
/// `Marks::actors_end` bytes alone: what `chronicle actors` needs, without the events.
pub fn read_actors(bytes: &[u8]) -> Read<ActorsPart> {
    let mut input = In::new(bytes);
    let read = get_actors_and_counts(&mut input)?;
    if !input.is_empty() {
        return Err(Corrupt(
            "its actors' part holds more than its actors".into(),
        ));
    }
    Ok(read)
}

/// The actors, and each source's bytes (read with `get_source`). The event counts are
/// skipped: a whole timeline counts them from its index.
/// The sources' own checksums are left to the whole image's.
fn read_actors_and_sources<'a>(head: &mut In<'a>) -> Read<(Vec<Actor>, Vec<&'a [u8]>)> {
    let actors = get_actors_and_counts(head)?.actors;
    let sources = get_source_bytes(head)?;
    Ok((
        actors,
        sources.into_iter().map(|(bytes, _)| bytes).collect(),
    ))
}

/// Each source's bytes (read with `read_source`) and their own checksum.
fn get_source_bytes<'a>(head: &mut In<'a>) -> Read<Vec<(&'a [u8], u128)>> {
    // A source's length, its bytes (at least one), its checksum.
    let source_count = head.len(8 + 1 + 16)?;
    (0..source_count)
        .map(|_| {
            let n = head.len(1)?;
            let bytes = head.bytes(n)?;
            Ok((bytes, u128::from_le_bytes(head.array()?)))
        })
        .collect()
}

/// One source from its bytes, which must hold it and nothing more.
fn read_source(bytes: &[u8]) -> Read<Source> {
    let mut input = In::new(bytes);
    let source = get_source(&mut input)?;
    if !input.is_empty() {
        return Err(Corrupt("a source holds more than a source".into()));
    }
    Ok(source)
}

/// Reads an image that `write` wrote; `Corrupt` when it is not one. Each part of `bytes`
/// that has been read and is needed no more is handed to `release`.
pub fn read(bytes: &[u8], release: &(dyn Fn(&[u8]) + Sync)) -> Read<Timeline> {
    let layout = Layout::of(bytes)?;
    let (labels, regions) = read_tables(layout.tables)?;
    let mut head = In::new(layout.head);
    let (actors, sources) = read_actors_and_sources(&mut head)?;
    let sources = crate::shares::in_shares(&sources, |share: &[&[u8]]| {
        share.iter().map(|b| read_source(b)).collect::<Vec<_>>()
    })
    .into_iter()
    .collect::<Read<Vec<Source>>>()?;
    release(layout.head);
    let context = Context {
        labels: &labels,
        regions: &regions,
        actors: actors.len(),
        sources: Some(&sources),
    };
    let events = read_runs(&layout.runs, &context, release)?;
    let mut input = In::new(layout.indexes);
    let parts = get_indexes(&mut input, events, actors, sources, release)?;
    release(layout.indexes);
    if !input.is_empty() || !head.is_empty() {
        return Err(Corrupt("it holds more than its parts".into()));
    }
    Timeline::from_parts(parts).map_err(Corrupt)
}

/// The first `rows` events of an image (at most its first run's) as a timeline of their own,
/// with the actors they name (and those these are affiliated with) and the sources they
/// quote: enough for the browser's first screen, read in a fraction of the whole image's
/// time. Reads only what `Marks` covers. Only those actors, not every one: the first screen's
/// timeline stays in memory while the whole one is read behind it, and a hundred thousand
/// actors there (with the browser's search over their names) held some 40 MB beside it.
///
/// `screen` is where the first `SCREEN` events lie (see `Marks`), which the caller checked,
/// as it checked the actors' part and the tables; each source read is checked here.
pub fn read_head(bytes: &[u8], rows: usize, screen: Range<usize>) -> Read<Timeline> {
    let layout = Layout::of(bytes)?;
    let (labels, regions) = read_tables(layout.tables)?;
    let mut head = In::new(layout.head);
    let (actor_places, clashing) = actor_places(&mut head)?;
    let source_bytes = get_source_bytes(&mut head)?;
    if !head.is_empty() {
        return Err(Corrupt(
            "its sources do not end where its events begin".into(),
        ));
    }
    let context = Context {
        labels: &labels,
        regions: &regions,
        actors: actor_places.len(),
        // The quotes are checked below, against the sources they name.
        sources: None,
    };
    // The first run's first events only: the part of the image checked for the first screen.
    let mut events = Vec::new();
    if !layout.runs.is_empty() {
        let mut input = In::new(bytes.get(screen).ok_or_else(bad_place)?);
        let n = input.len(1)?;
        let mut shapes = Shapes::default();
        while events.len() < n.min(rows) && !input.is_empty() {
            events.push(get_event(&mut input, &context, &mut shapes)?);
        }
    }
    // Actors and sources numbered anew, in the order first named.
    let mut actors = Renumbered::default();
    for event in &mut events {
        for actor in event.actors.iter_mut() {
            *actor = ActorId(actors.number(actor.0));
        }
    }
    let mut kept = Vec::new();
    while let Some(&place) = actors.order.get(kept.len()) {
        let mut input = *actor_places.get(place as usize).ok_or_else(bad_number)?;
        let mut actor = get_actor(&mut input, actor_places.len())?;
        actor.affiliation = actor.affiliation.map(|a| ActorId(actors.number(a.0)));
        kept.push(actor);
    }
    let clashes = clash_kinds_of(&actors.order, &clashing, &actor_places)?;
    let mut numbers = Renumbered::default();
    let mut sources = Vec::new();
    for event in &mut events {
        for quote in &mut event.quotes {
            let number = numbers.number(quote.source.0);
            if number as usize == sources.len() {
                let (bytes, sum) = source_bytes
                    .get(quote.source.index())
                    .ok_or_else(bad_number)?;
                if xxhash_rust::xxh3::xxh3_128(bytes) != *sum {
                    return Err(Corrupt("a source's checksum does not match".into()));
                }
                sources.push(read_source(bytes)?);
            }
            quote.source = SourceId(number);
            check_quote(quote, &sources[number as usize])?;
        }
    }
    let timeline = Timeline::new(events, kept, sources);
    timeline.know_name_clashes(clashes);
    Ok(timeline)
}

/// How each of the actors `kept` (by place in the image) is told apart from the others of
/// its name, among all the image's actors, not only those kept: a first screen's
/// `ZIMBABWE (ZWEJUD)` stays so when the rest arrives, though the other ZIMBABWEs are not
/// among the first screen's actors. Only the actors whose names clash are read for it.
fn clash_kinds_of(kept: &[u32], clashing: &[u32], places: &[In]) -> Read<Vec<Clash>> {
    let actors = clashing
        .iter()
        .map(|&place| {
            let mut input = *places.get(place as usize).ok_or_else(bad_number)?;
            get_actor(&mut input, places.len())
        })
        .collect::<Read<Vec<Actor>>>()?;
    let kinds = crate::roster::clash_kinds(&actors, &vec![true; actors.len()]);
    let kind_of: FxHashMap<u32, Clash> = clashing.iter().copied().zip(kinds).collect();
    Ok(kept
        .iter()
        .map(|place| kind_of.get(place).copied().unwrap_or_default())
        .collect())
}

/// Numbers given anew to the actors or sources of part of an image, in the order first asked.
#[derive(Default)]
struct Renumbered {
    numbers: FxHashMap<u32, u32>,
    /// The old numbers, by new number.
    order: Vec<u32>,
}

impl Renumbered {
    fn number(&mut self, old: u32) -> u32 {
        let next = self.order.len() as u32;
        *self.numbers.entry(old).or_insert_with(|| {
            self.order.push(old);
            next
        })
    }
}

/// Where each actor of the image's actors part begins (each read with `get_actor`), and the
/// places of those whose names others share, moving `input` past the part: the actors are
/// walked, not read.
fn actor_places<'a>(input: &mut In<'a>) -> Read<(Vec<In<'a>>, Vec<u32>)> {
    let count = input.len(1)?;
    let mut places = Vec::with_capacity(count);
    for _ in 0..count {
        places.push(*input);
        skip_actor(input)?;
    }
    if get_u32s(input)?.len() != count {
        return Err(Corrupt("its event counts do not fit its actors".into()));
    }
    let clashing = get_u32s(input)?;
    if clashing.iter().any(|a| *a as usize >= count) {
        return Err(bad_number());
    }
    Ok((places, clashing))
}

fn bad_place() -> Corrupt {
    Corrupt("its directory points outside it".into())
}

/// The events of every run, the second half of the runs read on another thread, into one
/// list sized once (a list grown by doubling would hold up to twice a million events' worth
/// at its peak). The other thread's events come one run's list at a time, each moved in and
/// dropped before the next: moving them in one list of half the events held that half twice.
fn read_runs(
    runs: &[&[u8]],
    context: &Context,
    release: &(dyn Fn(&[u8]) + Sync),
) -> Read<Vec<Event>> {
    let count = |runs: &[&[u8]]| -> Read<usize> {
        runs.iter()
            .map(|run| In::new(run).len(1))
            .sum::<Read<usize>>()
    };
    let read_into = |events: &mut Vec<Event>, run: &[u8]| -> Read<()> {
        let mut input = In::new(run);
        let n = input.len(1)?;
        // The run's bytes read so far leave memory every few megabytes, not only at its
        // end: a run is an eighth of the image, two read at once.
        let mut released = 0;
        let mut shapes = Shapes::default();
        for _ in 0..n {
            events.push(get_event(&mut input, context, &mut shapes)?);
            let read = run.len() - input.left();
            if read - released >= RELEASE_EVERY {
                release(&run[released..read]);
                released = read;
            }
        }
        if !input.is_empty() {
            return Err(Corrupt("a run of events holds more than its events".into()));
        }
        release(&run[released..]);
        Ok(())
    };
    let (first, second) = runs.split_at(runs.len() / 2);
    let mut events = Vec::with_capacity(count(runs)?);
    let rest = thread::scope(|scope| {
        let other = scope.spawn(|| -> Read<Vec<Vec<Event>>> {
            second
                .iter()
                .map(|run| {
                    let mut events = Vec::with_capacity(In::new(run).len(1)?);
                    read_into(&mut events, run)?;
                    Ok(events)
                })
                .collect()
        });
        let first = first.iter().try_for_each(|run| read_into(&mut events, run));
        let rest = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        first.and(rest)
    })?;
    for run in rest {
        events.extend(run);
    }
    Ok(events)
}

/// How many bytes of a run are read between two releases of them.
const RELEASE_EVERY: usize = 4 << 20;

fn read_tables(bytes: &[u8]) -> Read<(Vec<Label>, Vec<Arc<Region>>)> {
    let mut input = In::new(bytes);
    let n = input.len(8)?;
    let labels = (0..n)
        .map(|_| input.str().map(Label::from))
        .collect::<Read<Vec<Label>>>()?;
    let n = input.len(12)?;
    let label = |input: &mut In| -> Read<Option<Label>> {
        match input.u32()? as usize {
            0 => Ok(None),
            k => labels.get(k - 1).cloned().map(Some).ok_or_else(bad_number),
        }
    };
    let regions = (0..n)
        .map(|_| {
            Ok(Arc::new(Region {
                country: label(&mut input)?,
                admin1: label(&mut input)?,
                admin2: label(&mut input)?,
            }))
        })
        .collect::<Read<Vec<Arc<Region>>>>()?;
    Ok((labels, regions))
}

fn bad_number() -> Corrupt {
    Corrupt("a number refers past its table".into())
}

/// What events refer into, to resolve and check their numbers.
struct Context<'a> {
    labels: &'a [Label],
    regions: &'a [Arc<Region>],
    /// How many actors the image holds.
    actors: usize,
    /// `None` when the quotes are checked later.
    sources: Option<&'a [Source]>,
}

impl Context<'_> {
    fn label(&self, input: &mut In) -> Read<Label> {
        let k = input.u32()? as usize;
        self.labels.get(k).cloned().ok_or_else(bad_number)
    }

    fn opt_label(&self, input: &mut In) -> Read<Option<Label>> {
        match input.u32()? as usize {
            0 => Ok(None),
            k => self
                .labels
                .get(k - 1)
                .cloned()
                .map(Some)
                .ok_or_else(bad_number),
        }
    }
}

/// `n` items read with `get`, in a list of exactly `n`: collecting a `Result` iterator does
/// not know its length and allocates room for four, which for a million events of one quote
/// each held some 100 MB more than the events loaded from their files. `n` is a length that
/// `In::len` checked against the bytes left, so it cannot ask for more than the image holds.
fn list<T>(n: usize, mut get: impl FnMut() -> Read<T>) -> Read<Vec<T>> {
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(get()?);
    }
    Ok(items)
}

fn get_box(input: &mut In) -> Read<Box<str>> {
    input.str().map(Box::from)
}

fn get_string(input: &mut In) -> Read<String> {
    input.str().map(String::from)
}

fn get_opt<'a, T>(input: &mut In<'a>, get: impl FnOnce(&'a str) -> T) -> Read<Option<T>> {
    Ok(input.opt_str()?.map(get))
}

fn get_date(input: &mut In) -> Read<EdtfDate> {
    let bytes: [u8; PACKED_LEN] = input.array()?;
    EdtfDate::unpacked(&bytes).ok_or_else(|| Corrupt("a date is not one".into()))
}

fn get_range(input: &mut In) -> Read<Range<usize>> {
    let start = input.u64()? as usize;
    let end = input.u64()? as usize;
    if start > end {
        return Err(Corrupt("a range ends before it starts".into()));
    }
    Ok(start..end)
}

/// Below this many actors, they are read on one thread.
const ACTORS_IN_SHARES: usize = 4096;

/// `count` actors, read in one share per core: each share's first actor is found by a pass
/// that only skips over the bytes before it, some ten times faster than reading them.
fn get_actor_list<'a>(input: &mut In<'a>, count: usize) -> Read<Vec<Actor>> {
    let threads = crate::shares::threads();
    if threads == 1 || count < ACTORS_IN_SHARES {
        return list(count, || get_actor(input, count));
    }
    let size = count.div_ceil(threads);
    let mut starts = vec![*input];
    let mut skipping = *input;
    for at in 1..count {
        skip_actor(&mut skipping)?;
        if at % size == 0 {
            starts.push(skipping);
            if starts.len() == count.div_ceil(size) {
                break;
            }
        }
    }
    let shares: Vec<(In<'a>, usize)> = starts
        .iter()
        .enumerate()
        .map(|(n, start)| (*start, size.min(count - n * size)))
        .collect();
    let read =
        |(mut share, n): (In<'a>, usize), mut into: Vec<Actor>| -> Read<(Vec<Actor>, In<'a>)> {
            for _ in 0..n {
                into.push(get_actor(&mut share, count)?);
            }
            Ok((into, share))
        };
    let read_shares = thread::scope(|scope| {
        let others: Vec<_> = shares[1..]
            .iter()
            .map(|share| scope.spawn(move || read(*share, Vec::with_capacity(share.1))))
            .collect();
        // The first share is read into the list of them all, which the others join: fresh
        // memory is the system's to clear page by page, so none is taken twice over.
        let mut all = vec![read(shares[0], Vec::with_capacity(count))];
        for other in others {
            all.push(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        all
    });
    let mut actors = Vec::new();
    let mut end = *input;
    for (n, share) in read_shares.into_iter().enumerate() {
        let (read, after) = share?;
        if n == 0 {
            actors = read;
        } else {
            actors.extend(read);
        }
        // Each share ends where the next begins, as the skipping pass found: else the pass
        // and the reader disagree on the layout, and the part is not taken for read.
        if shares
            .get(n + 1)
            .is_some_and(|(next, _)| next.left() != after.left())
        {
            return Err(Corrupt("its actors do not follow each other".into()));
        }
        end = after;
    }
    *input = end;
    Ok(actors)
}

/// Moves `input` past one actor that `get_actor` would read, checking only lengths.
fn skip_actor(input: &mut In) -> Read<()> {
    let skip_str = |input: &mut In| -> Read<()> {
        let n = input.len(1)?;
        input.bytes(n).map(|_| ())
    };
    skip_str(input)?;
    skip_str(input)?;
    input.u8()?;
    for _ in 0..input.len(8)? {
        skip_str(input)?;
    }
    input.u32()?;
    match input.u8()? {
        0 => Ok(()),
        1 => skip_str(input),
        _ => Err(Corrupt("a flag is neither 0 nor 1".into())),
    }
}

/// A range of a quote's (offsets held in four bytes; see `Quote::span`).
fn get_quote_range(input: &mut In) -> Read<Range<u32>> {
    let range = get_range(input)?;
    let start = u32::try_from(range.start).map_err(|_| bad_number())?;
    let end = u32::try_from(range.end).map_err(|_| bad_number())?;
    Ok(start..end)
}

fn quote_range(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

fn get_actor(input: &mut In, actors: usize) -> Read<Actor> {
    let id = get_string(input)?;
    let name = get_string(input)?;
    let kind = match input.u8()? as usize {
        0 => None,
        k => Some(*ActorKind::ALL.get(k - 1).ok_or_else(bad_number)?),
    };
    let n = input.len(8)?;
    let aliases = list(n, || get_string(input))?;
    let affiliation = match input.u32()? {
        0 => None,
        k if (k as usize) <= actors => Some(ActorId(k - 1)),
        _ => return Err(bad_number()),
    };
    let description = get_opt(input, String::from)?;
    Ok(Actor {
        id,
        name,
        kind,
        aliases,
        affiliation,
        description,
    })
}

fn get_source(input: &mut In) -> Read<Source> {
    let id = get_string(input)?;
    let title = get_string(input)?;
    let publisher = get_opt(input, String::from)?;
    let url = get_opt(input, String::from)?;
    let published = match input.u8()? {
        0 => None,
        1 => Some(get_date(input)?),
        _ => return Err(Corrupt("a flag is neither 0 nor 1".into())),
    };
    let sha256 = get_opt(input, String::from)?;
    let file = get_string(input)?;
    let text = get_string(input)?;
    let n = input.len(16)?;
    let sentences = list(n, || {
        let span = get_quote_range(input)?;
        if text.get(quote_range(&span)).is_none() {
            return Err(Corrupt("a sentence lies outside its text".into()));
        }
        Ok(span)
    })?;
    Ok(Source {
        id,
        title,
        publisher,
        url,
        published,
        sha256,
        file,
        text,
        sentences,
    })
}

fn get_event(input: &mut In, context: &Context, shapes: &mut Shapes) -> Read<Event> {
    let id = get_box(input)?;
    let date = get_date(input)?;
    let title = input.str().map(Label::from)?;
    let summary = get_opt(input, Box::from)?;
    let kind = context.opt_label(input)?;
    let n = input.len(4)?;
    let actors = list(n, || match input.u32()? {
        a if (a as usize) < context.actors => Ok(ActorId(a)),
        _ => Err(bad_number()),
    })?
    .into_boxed_slice();
    let location = context.opt_label(input)?;
    let n = input.len(4)?;
    let tags = list(n, || context.label(input))?.into_boxed_slice();
    let n = input.len(37)?;
    let quotes = list(n, || get_quote(input, context))?;
    // The least an attribute takes: its name's label (4), the value's kind (1) and a text's
    // label (4).
    let n = input.len(9)?;
    let attributes = list(n, || {
        Ok((context.label(input)?, get_value(input, context)?))
    })?;
    let n = input.len(1)?;
    let roles =
        list(n, || Roles::from_bits(input.u8()?).ok_or_else(bad_number))?.into_boxed_slice();
    let region = match input.u32()? as usize {
        0 => None,
        k => Some(Arc::clone(
            context.regions.get(k - 1).ok_or_else(bad_number)?,
        )),
    };
    let point = match input.u8()? {
        0 => None,
        1 => Some(Point {
            lat: f64::from_bits(input.u64()?),
            lon: f64::from_bits(input.u64()?),
        }),
        _ => return Err(Corrupt("a flag is neither 0 nor 1".into())),
    };
    Ok(Event {
        id,
        date,
        title,
        summary,
        kind,
        actors,
        location,
        tags,
        quotes: quotes.into(),
        attributes: shapes.attributes(attributes),
        roles,
        region,
        point: point.map(Arc::new),
    })
}

fn get_quote(input: &mut In, context: &Context) -> Read<Quote> {
    let source = SourceId(input.u32()?);
    let written = get_opt(input, Box::from)?;
    let span = get_quote_range(input)?;
    let sentences = get_quote_range(input)?;
    let quote = Quote {
        source,
        written,
        span,
        sentences,
    };
    if let Some(sources) = context.sources {
        check_quote(&quote, sources.get(source.index()).ok_or_else(bad_number)?)?;
    }
    Ok(quote)
}

/// Refuses a quote that lies outside its source.
fn check_quote(quote: &Quote, source: &Source) -> Read<()> {
    if source.text.get(quote.span()).is_none() || quote.sentences().end > source.sentences.len() {
        return Err(Corrupt("a quote lies outside its source".into()));
    }
    Ok(())
}

fn get_u32s(input: &mut In) -> Read<Vec<u32>> {
    let n = input.len(4)?;
    Ok(input
        .bytes(n * 4)?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

/// The index lists, each list's bytes handed to `release` once it is read: together they
/// are some 50 MB for a million events, which would otherwise stay in memory beside the
/// lists read from them.
fn get_indexes(
    input: &mut In,
    events: Vec<Event>,
    actors: Vec<Actor>,
    sources: Vec<Source>,
    release: &(dyn Fn(&[u8]) + Sync),
) -> Read<Parts> {
    let mut read = |get: fn(&mut In) -> Read<Vec<u32>>| -> Read<Vec<u32>> {
        let before = *input;
        let list = get(input)?;
        release(&before.rest()[..before.left() - input.left()]);
        Ok(list)
    };
    let actor_start = read(get_u32s)?;
    let actor_events = read(get_u32s)?.into_iter().map(EventIx).collect();
    let sentence_base = read(get_u32s)?;
    let citing_start = read(get_u32s)?;
    let citing = read(get_u32s)?.into_iter().map(EventIx).collect();
    // The two longest lists leave their bytes behind a piece at a time: read whole first,
    // their bytes and the lists made of them were all in memory at once, the peak of a read.
    let n = input.len(8)?;
    let bytes = input.bytes(n * 8)?;
    let mut events_by_id = Vec::with_capacity(n);
    for piece in bytes.chunks(8 * RELEASED_ITEMS) {
        events_by_id.extend(piece.chunks_exact(8).map(|b| {
            let hash = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            (hash, EventIx(u32::from_le_bytes([b[4], b[5], b[6], b[7]])))
        }));
        release(piece);
    }
    let n = input.len(KEY_LEN)?;
    let bytes = input.bytes(n * KEY_LEN)?;
    let mut keys = Vec::with_capacity(n);
    for piece in bytes.chunks(KEY_LEN * RELEASED_ITEMS) {
        for key in piece.chunks_exact(KEY_LEN) {
            keys.push(get_key(key)?);
        }
        release(piece);
    }
    let date_width = input.u64()? as usize;
    Ok(Parts {
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
    })
}

/// Items of an index read between two releases of their bytes (a few megabytes).
const RELEASED_ITEMS: usize = 1 << 17;

fn get_key(b: &[u8]) -> Read<DateKey> {
    let mut input = In::new(b);
    let earliest = input.u64()? as i64;
    let latest = input.u64()? as i64;
    let day = input.u32()? as i32;
    let month = input.u32()? as i32;
    let precision = input.u8()?;
    let precision = crate::date::Precision::ALL
        .into_iter()
        .find(|p| *p as u8 == precision)
        .ok_or_else(bad_number)?;
    let exact = input.u8()? == 1;
    DateKey::new(earliest, latest, day, month, precision, exact).ok_or_else(bad_number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::sample;

    fn number(text: &str) -> Number {
        Number::parse(text).unwrap()
    }

    fn image(timeline: &Timeline) -> Vec<u8> {
        image_and_marks(timeline).0
    }

    fn image_and_marks(timeline: &Timeline) -> (Vec<u8>, Marks) {
        let mut out = Out::new(Vec::new());
        let marks = write(timeline, &mut out).unwrap();
        (out.finish().unwrap().0, marks)
    }

    /// `bytes` with one letter of `text` (found once in them) changed to another.
    fn damaged_in(bytes: &[u8], text: &str) -> Vec<u8> {
        let at = bytes
            .windows(text.len())
            .position(|w| w == text.as_bytes())
            .unwrap();
        let letter = at + text.find(|c: char| c.is_ascii_lowercase()).unwrap();
        let mut damaged = bytes.to_vec();
        damaged[letter] = if damaged[letter] == b'x' { b'y' } else { b'x' };
        damaged
    }

    #[test]
    fn the_first_screen_checks_the_sources_it_reads_and_only_those() {
        let timeline = sample::timeline();
        let (bytes, marks) = image_and_marks(&timeline);
        let screen = marks.screen_at as usize..marks.screen_end as usize;
        let head = read_head(&bytes, 1, screen.clone()).unwrap();
        let read: Vec<&str> = head.sources().iter().map(|s| &*s.id).collect();
        assert!(!read.is_empty());
        let (quoted, unquoted): (Vec<&Source>, Vec<&Source>) = timeline
            .sources()
            .iter()
            .partition(|s| read.contains(&&*s.id));
        assert!(!unquoted.is_empty());
        for source in unquoted {
            let damaged = damaged_in(&bytes, &source.text);
            let head = read_head(&damaged, 1, screen.clone()).unwrap();
            assert_eq!(head.sources().len(), read.len());
            // The whole image's reader finds it nonetheless: its checksum covers every byte.
            assert_ne!(
                xxhash_rust::xxh3::xxh3_128(&damaged),
                xxhash_rust::xxh3::xxh3_128(&bytes)
            );
        }
        for source in quoted {
            let damaged = damaged_in(&bytes, &source.text);
            let refused = read_head(&damaged, 1, screen.clone())
                .map(|_| ())
                .unwrap_err();
            assert_eq!(
                refused,
                Corrupt("a source's checksum does not match".into())
            );
        }
    }

    #[test]
    fn the_first_screen_part_holds_the_first_events_with_its_own_checksum() {
        let sample = sample::timeline();
        let mut events = Vec::new();
        // Runs of SCREEN + 1 events each: the first screen's part ends inside the first.
        for n in 0..CHUNKS * (SCREEN + 1) {
            let mut event = sample.events()[n % sample.events().len()].clone();
            event.id = format!("e{n}").into();
            events.push(event);
        }
        let timeline = Timeline::new(events, sample.actors().to_vec(), sample.sources().to_vec());
        let (bytes, marks) = image_and_marks(&timeline);
        let screen = marks.screen_at as usize..marks.screen_end as usize;
        assert_eq!(
            marks.screen_sum,
            xxhash_rust::xxh3::xxh3_128(&bytes[screen.clone()])
        );
        // Asked for more, the reader stops where the part ends.
        let head = read_head(&bytes, SCREEN + 5, screen.clone()).unwrap();
        let ids = |t: &Timeline, n: usize| -> Vec<String> {
            t.events()
                .iter()
                .take(n)
                .map(|e| e.id.to_string())
                .collect()
        };
        assert_eq!(head.events().len(), SCREEN);
        assert_eq!(ids(&head, SCREEN), ids(&timeline, SCREEN));
        let head = read_head(&bytes, 10, screen).unwrap();
        assert_eq!(ids(&head, 10), ids(&timeline, 10));
    }

    /// Everything a timeline answers, as text, to compare two timelines field by field.
    fn everything(timeline: &Timeline) -> String {
        let ix = timeline.indexes();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
            timeline.events(),
            timeline.actors(),
            timeline.sources(),
            ix.actor_start,
            ix.actor_events,
            ix.sentence_base,
            ix.citing_start,
            ix.citing,
            ix.events_by_id,
            ix.keys,
            ix.date_width
        )
    }

    #[test]
    fn the_first_screen_holds_only_the_actors_its_events_name_and_their_affiliations() {
        // The sample, with an actor that no event names but the first event's first actor is
        // affiliated with.
        let sample = sample::timeline();
        let mut actors = sample.actors().to_vec();
        let first = sample.events()[0].actors[0];
        actors[first.index()].affiliation = Some(ActorId(actors.len() as u32));
        actors.push(Actor {
            id: "parent".into(),
            name: "Parent".into(),
            kind: None,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        });
        let timeline = Timeline::new(sample.events().to_vec(), actors, sample.sources().to_vec());
        let (bytes, marks) = image_and_marks(&timeline);
        let screen = marks.screen_at as usize..marks.screen_end as usize;
        let by_id = |t: &Timeline, id: &str| t.actors().iter().find(|a| a.id == id).cloned();
        let mut affiliates_added = false;
        for rows in 1..=timeline.events().len() {
            let head = read_head(&bytes, rows, screen.clone()).unwrap();
            // The actors each event names, and (step by step) those they are affiliated with.
            let mut expected: Vec<String> = Vec::new();
            for event in head.events() {
                let whole = timeline.event_by_id(&event.id).map(|ix| timeline.event(ix));
                let whole = whole.unwrap();
                let named = |t: &Timeline, e: &Event| -> Vec<String> {
                    e.actors.iter().map(|a| t.actor(*a).id.clone()).collect()
                };
                assert_eq!(named(&head, event), named(&timeline, whole), "rows {rows}");
                assert_eq!(event.quotes.len(), whole.quotes.len());
                for (quote, original) in event.quotes.iter().zip(&whole.quotes) {
                    assert_eq!(
                        quote.text(head.source(quote.source)),
                        original.text(timeline.source(original.source))
                    );
                }
                expected.extend(named(&timeline, whole));
            }
            let named_by_events = {
                let mut ids = expected.clone();
                ids.sort();
                ids.dedup();
                ids.len()
            };
            let mut at = 0;
            while let Some(id) = expected.get(at).cloned() {
                let actor = by_id(&timeline, &id).unwrap();
                if let Some(a) = actor.affiliation {
                    expected.push(timeline.actor(a).id.clone());
                }
                at += 1;
            }
            expected.sort();
            expected.dedup();
            affiliates_added |= expected.len() > named_by_events;
            let mut held: Vec<String> = head.actors().iter().map(|a| a.id.clone()).collect();
            held.sort();
            assert_eq!(held, expected, "rows {rows}");
            assert!(held.len() < timeline.actors().len(), "rows {rows}");
            // Each actor is the whole timeline's, its affiliation naming the same actor.
            for actor in head.actors() {
                let original = by_id(&timeline, &actor.id).unwrap();
                let affiliated =
                    |t: &Timeline, a: &Actor| a.affiliation.map(|a| t.actor(a).id.clone());
                assert_eq!(affiliated(&head, actor), affiliated(&timeline, &original));
                assert_eq!(
                    (&actor.name, &actor.aliases, actor.kind, &actor.description),
                    (
                        &original.name,
                        &original.aliases,
                        original.kind,
                        &original.description
                    )
                );
            }
        }
        assert!(
            affiliates_added,
            "some first screen holds an actor only by affiliation"
        );
    }

    #[test]
    fn a_timeline_reads_back_the_same_with_its_labels_shared() {
        let timeline = sample::timeline();
        let mut events = timeline.events().to_vec();
        // Fields the sample leaves empty: roles, a region, a point, attributes.
        let region = Arc::new(Region {
            country: Some("Ukraine".into()),
            admin1: Some("Kyiv".into()),
            admin2: None,
        });
        for event in events.iter_mut().take(3) {
            event.roles =
                vec![Roles::one(Role::Target).with(Role::Source); event.actors.len()].into();
            event.region = Some(Arc::clone(&region));
            event.point = Some(Arc::new(Point {
                lat: 50.45,
                lon: -30.5,
            }));
            event.attributes = crate::model::Attributes::from([
                ("GoldsteinScale".into(), Value::Number(number("-4.50"))),
                ("NumMentions".into(), Value::Number(number("10"))),
                ("EventCode".into(), Value::text("043")),
            ]);
        }
        let timeline = Timeline::new(
            events,
            timeline.actors().to_vec(),
            timeline.sources().to_vec(),
        );
        let back = read(&image(&timeline), &|_| {}).unwrap();
        assert_eq!(everything(&back), everything(&timeline));
        assert!(back.events().len() > 3);
        let regions: Vec<_> = back.events()[..3]
            .iter()
            .filter_map(|e| e.region.clone())
            .collect();
        assert_eq!(regions.len(), 3);
        assert!(
            Arc::ptr_eq(&regions[0], &regions[2]),
            "the region is shared"
        );
    }

    /// A text value is a label's number, so an attribute may take 9 bytes: an event whose
    /// list is mostly text, last in its run, was once refused as cut short (found by trial 6
    /// on a GDELT import whose last event had 16 mentions).
    #[test]
    fn events_of_many_text_attributes_read_back() {
        let timeline = sample::timeline();
        let mut events = timeline.events().to_vec();
        for event in &mut events {
            event.quotes = Box::default();
            event.attributes = ["a", "b", "c", "d", "e", "f", "g"]
                .iter()
                .map(|name| (Label::from(*name), Value::text(*name)))
                .collect();
        }
        let timeline = Timeline::new(
            events,
            timeline.actors().to_vec(),
            timeline.sources().to_vec(),
        );
        let back = read(&image(&timeline), &|_| {}).expect("the image reads back");
        assert_eq!(everything(&back), everything(&timeline));
    }

    #[test]
    fn many_actors_read_in_shares_as_they_were_written() {
        let sample = sample::timeline();
        let mut actors = sample.actors().to_vec();
        let first = actors.len();
        // Names, aliases and descriptions of every length, so that the shares' bytes differ.
        for i in 0..ACTORS_IN_SHARES + 777 {
            let mut actor = actors[i % first].clone();
            actor.id = format!("extra{i}");
            actor.name = format!("{} {}", actor.name, "é".repeat(i % 13));
            actor.aliases = (0..i % 4).map(|a| format!("alias {a} of {i}")).collect();
            actor.description = (i % 3 == 0).then(|| "d".repeat(i % 300));
            actors.push(actor);
        }
        let timeline = Timeline::new(sample.events().to_vec(), actors, sample.sources().to_vec());
        let mut out = Out::new(Vec::new());
        let marks = write(&timeline, &mut out).unwrap();
        let bytes = out.finish().unwrap().0;
        let part = &bytes[..marks.actors_end as usize];
        let read_back = read_actors(part).unwrap();
        assert_eq!(read_back.actors, timeline.actors());
        assert_eq!(read(&bytes, &|_| ()).unwrap().actors(), timeline.actors());
        // Cut anywhere, the shares are refused, never misread.
        for cut in (1..part.len()).step_by(part.len() / 97) {
            assert!(read_actors(&part[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn the_actors_part_tells_which_actors_share_a_name() {
        let sample = sample::timeline();
        let mut actors = sample.actors().to_vec();
        let mut twin = actors[1].clone();
        twin.id = "twin".into();
        twin.name = twin.name.to_uppercase();
        actors.push(twin);
        let timeline = Timeline::new(sample.events().to_vec(), actors, sample.sources().to_vec());
        let mut out = Out::new(Vec::new());
        let marks = write(&timeline, &mut out).unwrap();
        let bytes = out.finish().unwrap().0;
        let clashes = read_actors(&bytes[..marks.actors_end as usize])
            .unwrap()
            .clashes;
        let last = timeline.actors().len() - 1;
        let clashing: Vec<usize> = (0..clashes.len()).filter(|a| clashes[*a]).collect();
        assert_eq!(clashing, [1, last]);
        // The whole image still reads back past the part.
        assert_eq!(read(&bytes, &|_| ()).unwrap().actors().len(), last + 1);
    }

    /// A first screen's actor whose name another actor shares is labelled as the whole
    /// timeline labels it, though that other actor is not among the first screen's (trial 8:
    /// P5).
    #[test]
    fn a_first_screens_actors_are_told_apart_as_among_all_actors() {
        let sample = sample::timeline();
        let mut actors = sample.actors().to_vec();
        let named = sample.events()[0].actors[0].index();
        let mut twin = actors[named].clone();
        twin.id = "twin".into();
        twin.name = twin.name.to_uppercase();
        actors.push(twin);
        let timeline = Timeline::new(sample.events().to_vec(), actors, sample.sources().to_vec());
        let (bytes, marks) = image_and_marks(&timeline);
        let screen = marks.screen_at as usize..marks.screen_end as usize;
        let head = read_head(&bytes, SCREEN, screen).unwrap();
        assert!(head.actors().iter().all(|a| &*a.id != "twin"));
        let labels = |t: &Timeline| -> Vec<(String, String)> {
            (0..t.actors().len() as u32)
                .map(|a| {
                    (
                        t.actor(ActorId(a)).id.to_string(),
                        t.actor_label(ActorId(a)),
                    )
                })
                .collect()
        };
        let whole = labels(&timeline);
        let first = labels(&head);
        assert!(
            first.iter().any(|(_, label)| label.ends_with(')')),
            "{first:?}"
        );
        for pair in &first {
            assert!(whole.contains(pair), "{pair:?} in {whole:?}");
        }
    }

    #[test]
    fn the_actors_part_alone_reads_back_with_each_actors_event_count() {
        let timeline = sample::timeline();
        let mut out = Out::new(Vec::new());
        let marks = write(&timeline, &mut out).unwrap();
        let bytes = out.finish().unwrap().0;
        let part = &bytes[..marks.actors_end as usize];
        assert_eq!(marks.actors_sum, xxhash_rust::xxh3::xxh3_128(part));
        let ActorsPart {
            actors,
            counts,
            clashes,
        } = read_actors(part).unwrap();
        assert_eq!(format!("{actors:?}"), format!("{:?}", timeline.actors()));
        assert_eq!(clashes, crate::roster::name_clashes(timeline.actors()));
        let expected: Vec<u32> = (0..actors.len() as u32)
            .map(|a| timeline.event_count(ActorId(a)) as u32)
            .collect();
        assert!(expected.iter().any(|n| *n > 1));
        assert_eq!(counts, expected);
        // A byte more or less is not an actors' part.
        assert!(read_actors(&bytes[..part.len() + 1]).is_err());
        assert!(read_actors(&part[..part.len() - 1]).is_err());
    }

    #[test]
    fn an_empty_timeline_reads_back() {
        let timeline = Timeline::new(Vec::new(), Vec::new(), Vec::new());
        let back = read(&image(&timeline), &|_| {}).unwrap();
        assert_eq!(everything(&back), everything(&timeline));
    }

    #[test]
    fn every_cut_of_an_image_is_refused_without_panicking() {
        let bytes = image(&sample::timeline());
        for end in (0..bytes.len()).step_by(7) {
            assert!(read(&bytes[..end], &|_| {}).is_err(), "cut at {end}");
        }
    }

    #[test]
    fn damaged_numbers_are_refused_without_panicking() {
        let bytes = image(&sample::timeline());
        // Flipping bytes may leave a readable image (a letter of a title changed): the file's
        // checksum catches those. Here: nothing panics, and no index points outside its list.
        for at in (0..bytes.len()).step_by(3) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0xff;
            if let Ok(timeline) = read(&damaged, &|_| {}) {
                for event in timeline.events() {
                    for actor in event.actors.iter() {
                        assert!(actor.index() < timeline.actors().len());
                    }
                }
            }
        }
    }
}
