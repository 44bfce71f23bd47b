//! Reading the events file: each record parsed and checked against the known actors and
//! sources. JSON Lines are read in blocks and parsed on every core, so that a file of a million
//! events is neither held in memory whole nor parsed on one core.

use std::collections::HashSet;
use std::io::Read;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;

use rustc_hash::FxHashMap;

use super::progress::Progress;
use super::shape;
use super::starts::SentenceStarts;
use super::wire::{record_problems, Located, RawAttribute, RawEvent};
use crate::date::EdtfDate;
use crate::id_table::IdTable;
use crate::labels::Labels;
use crate::model::{
    offset, offsets, ActorId, Event, Label, Number, Point, Quote, Role, Roles, Source, SourceId,
    Value,
};
use crate::problem::{did_you_mean, quoted, Problem};
use crate::shares::{made_in_shares, sort_on_every_core, threads};
use crate::timeline::id_hash;

/// Bytes read at a time; each block is split between the threads.
const BLOCK: usize = 8 << 20;

/// What event records may refer to, and what is already known to be broken.
pub struct Refs<'a> {
    pub actors: &'a IdTable,
    pub sources: &'a FxHashMap<String, SourceId>,
    /// Where the sources' sentences begin, to keep quotes as spans of their sources.
    pub starts: &'a SentenceStarts<'a>,
    pub broken_actors: &'a HashSet<String>,
    pub broken_sources: &'a HashSet<String>,
    /// A whole file could not be read, so references into it cannot be checked.
    pub actors_unreadable: bool,
    pub sources_unreadable: bool,
    /// Events whose references into such a file were passed over, counted here (from every
    /// thread) so that a missing file is reported once, and only when something needs it.
    pub unchecked_actors: Unchecked,
    pub unchecked_sources: Unchecked,
}

/// How many events referred into a file that could not be read, and the first line of one.
pub struct Unchecked {
    events: AtomicUsize,
    first_line: AtomicUsize,
}

impl Default for Unchecked {
    fn default() -> Unchecked {
        Unchecked {
            events: AtomicUsize::new(0),
            first_line: AtomicUsize::new(usize::MAX),
        }
    }
}

impl Unchecked {
    fn note(&self, line: usize) {
        // Only counts: no ordering with other memory is needed, and the threads are joined
        // before the counts are read.
        self.events.fetch_add(1, Ordering::Relaxed);
        self.first_line.fetch_min(line, Ordering::Relaxed);
    }

    /// How many events referred into the file, and the first line of one; `None` when none.
    pub fn get(&self) -> Option<(usize, usize)> {
        let events = self.events.load(Ordering::Relaxed);
        (events > 0).then(|| (events, self.first_line.load(Ordering::Relaxed)))
    }
}

/// Where an event's record is, for problems found after reading (duplicates, quotes): in
/// four bytes a line, eight an event rather than sixteen while a million events are read. A
/// line past 4,294,967,295 (a file of that many lines) is told as that one.
#[derive(Clone, Copy)]
pub struct RecordLines {
    record: u32,
    quotes: u32,
}

impl RecordLines {
    fn new(record: usize, quotes: usize) -> RecordLines {
        let line = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        RecordLines {
            record: line(record),
            quotes: line(quotes),
        }
    }

    /// The line the record starts on.
    pub fn record(&self) -> usize {
        self.record as usize
    }

    /// The line of the record's `"quotes"` field.
    pub fn quotes(&self) -> usize {
        self.quotes as usize
    }
}

/// Events read from their records, their quotes' spans not yet found, with where each came
/// from. Two lists rather than one of pairs, so that the events can be handed on as they are,
/// without copying a million of them into a new list.
#[derive(Default)]
pub struct ReadEvents {
    pub events: Vec<Event>,
    pub lines: Vec<RecordLines>,
    /// The ids of records refused for their shape, with their lines: still held against
    /// the others' for duplicates.
    pub refused: Vec<(Box<str>, usize)>,
    /// The texts of the quotes not found opening a sentence of their source while read, one
    /// after another, until the quotes are placed (see `pending_text`). Kept apart from the
    /// events so that they go as one block rather than leaving many small holes among the
    /// events.
    pub quote_texts: String,
}

/// An unplaced quote's `sentences` when its `span` is where its text lies in its source
/// (rather than in `ReadEvents::quote_texts`).
const IN_SOURCE: Range<u32> = u32::MAX..u32::MAX;

/// The text of a quote read but not yet placed, as the record wrote it, where the quote does
/// not keep its own copy (it does only past 4 GiB of copies, which the spans cannot reach):
/// a span of its source or of `quote_texts`.
pub fn pending_text<'a>(quote: &Quote, source: &'a Source, quote_texts: &'a str) -> &'a str {
    let text = if quote.sentences == IN_SOURCE {
        source.text.as_str()
    } else {
        quote_texts
    };
    text.get(quote.span()).unwrap_or("")
}

/// Where `text` would lie appended to `texts`, when that is within 4 GiB.
fn span_after(texts: &str, text: &str) -> Option<Range<u32>> {
    let start = u32::try_from(texts.len()).ok()?;
    let end = u32::try_from(texts.len() + text.len()).ok()?;
    Some(start..end)
}

impl ReadEvents {
    /// Adds an event read, its quotes still as written until `settle`.
    pub fn push(&mut self, (event, lines): (Event, RecordLines)) {
        self.events.push(event);
        self.lines.push(lines);
    }

    /// Lets the quotes of the events from `from` on go of their own copies of their texts:
    /// each is kept as a span of its source where it opens one of the source's sentences,
    /// else copied into `quote_texts`. Done for many events at once (see `find_many`).
    pub fn settle(&mut self, from: usize, starts: &SentenceStarts) {
        let events = self.events.get_mut(from..).unwrap_or_default();
        let asked: Vec<(SourceId, &str)> = events
            .iter()
            .flat_map(|e| e.quotes.iter())
            .filter_map(|q| Some((q.source, q.written.as_deref()?)))
            .collect();
        let mut found = starts.find_many(&asked).into_iter();
        drop(asked);
        for quote in events.iter_mut().flat_map(|e| e.quotes.iter_mut()) {
            let Some(text) = quote.written.as_deref() else {
                continue;
            };
            if let Some(span) = found.next().flatten() {
                quote.span = offsets(span);
                quote.sentences = IN_SOURCE;
            } else if let Some(span) = span_after(&self.quote_texts, text) {
                self.quote_texts.push_str(text);
                quote.span = span;
            } else {
                continue;
            }
            quote.written = None;
        }
    }

    /// Moves `other`'s events to the end of these, leaving `other` empty (with its room).
    fn append(&mut self, other: &mut ReadEvents) {
        let fits = span_after(&self.quote_texts, &other.quote_texts).is_some();
        let shift = offset(self.quote_texts.len());
        for event in &mut other.events {
            let in_texts = |q: &&mut Quote| q.written.is_none() && q.sentences != IN_SOURCE;
            for quote in event.quotes.iter_mut().filter(in_texts) {
                if fits {
                    quote.span = quote.span.start + shift..quote.span.end + shift;
                } else {
                    // Past 4 GiB of copies: the quote keeps its own.
                    let text = other.quote_texts.get(quote.span()).unwrap_or("");
                    quote.written = Some(text.into());
                }
            }
        }
        if fits {
            self.quote_texts.push_str(&other.quote_texts);
        }
        other.quote_texts.clear();
        self.events.append(&mut other.events);
        self.lines.append(&mut other.lines);
        self.refused.append(&mut other.refused);
    }
}

/// One block's worth of results, kept in file order.
#[derive(Default)]
struct Parsed {
    events: ReadEvents,
    problems: Vec<Problem>,
}

/// Reads JSON Lines from `reader`, in parallel blocks; problems come back in line order.
pub fn read_lines(
    file: &str,
    reader: impl Read + Send,
    size: Option<u64>,
    refs: &Refs,
    progress: &Progress,
    problems: &mut Vec<Problem>,
) -> ReadEvents {
    // The same threads parse every block. A thread started per block would leave its
    // allocator's part-filled pages behind when it ends: some 150 bytes per event, measured
    // over a million events.
    thread::scope(|scope| {
        let workers: Vec<Worker> = (1..threads())
            .map(|_| Worker::start(scope, file, refs))
            .collect();
        // The next block is read (copied from the system, checked as UTF-8, its lines
        // counted) while this one is parsed: done between blocks, it left every core but one
        // waiting, a tenth of the time.
        let (read, blocks) = mpsc::sync_channel(0);
        let (spares, spare_buffers) = mpsc::channel();
        scope.spawn(move || read_ahead(file, reader, &read, &spare_buffers));
        let ahead = Ahead { blocks, spares };
        parse_blocks(file, &ahead, size, refs, &workers, progress, problems)
    })
}

/// A worker thread's two ends: parts of blocks go in, parsed records come out, in order.
struct Worker {
    jobs: mpsc::Sender<Job>,
    results: mpsc::Receiver<Parsed>,
}

/// A part of a block for a worker to parse: `block[range]`, starting on line `first_line`.
struct Job {
    block: Arc<String>,
    range: Range<usize>,
    first_line: usize,
    /// Emptied lists from an earlier block to parse into (see `parse_lines`).
    into: Parsed,
}

impl Worker {
    fn start<'scope>(
        scope: &'scope thread::Scope<'scope, '_>,
        file: &'scope str,
        refs: &'scope Refs<'scope>,
    ) -> Worker {
        let (jobs, incoming) = mpsc::channel::<Job>();
        let (done, results) = mpsc::channel();
        scope.spawn(move || {
            // Kept from block to block, so that each distinct type, place and tag is stored
            // at most once per thread.
            let mut labels = Labels::default();
            for job in incoming {
                let text = job.block.get(job.range).unwrap_or("");
                let parsed = parse_lines(file, text, job.first_line, refs, &mut labels, job.into);
                // Let go of the block before answering, so that the reader can use its
                // buffer again for the next block.
                drop(job.block);
                if done.send(parsed).is_err() {
                    break;
                }
            }
        });
        Worker { jobs, results }
    }
}

/// A block of whole lines, read ahead of the parsing, or why reading stopped.
enum Block {
    Lines {
        text: String,
        /// Bytes to pass over at the start: a byte order mark.
        skip: usize,
        first_line: usize,
        eof: bool,
    },
    Failed(Problem),
}

/// Reads `reader` a block of whole lines at a time and hands each on, until the input ends or
/// cannot be read (as a problem), or the blocks are no longer wanted. Buffers come back
/// through `spares` to be filled again: a fresh 8 MB each block is memory the system must
/// clear again and again.
fn read_ahead(
    file: &str,
    mut reader: impl Read,
    blocks: &mpsc::SyncSender<Block>,
    spares: &mpsc::Receiver<Vec<u8>>,
) {
    let room = BLOCK + (BLOCK >> 4);
    let mut buffer: Vec<u8> = Vec::with_capacity(room);
    let mut line = 1;
    let mut bytes_before = 0;
    let mut at_start = true;
    loop {
        let eof = match fill(&mut reader, &mut buffer) {
            Ok(eof) => eof,
            Err(e) => {
                let problem = Problem::new(file, Some(line), format!("cannot read: {e}"));
                let _ = blocks.send(Block::Failed(problem));
                return;
            }
        };
        // Only whole lines are parsed; a partial last line waits for the next block.
        let end = if eof {
            buffer.len()
        } else {
            match memchr::memrchr(b'\n', &buffer) {
                Some(newline) => newline + 1,
                None => continue, // one line longer than a block: read on
            }
        };
        let mut next = spares
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(room));
        next.clear();
        next.extend_from_slice(&buffer[end..]);
        buffer.truncate(end);
        let whole = std::mem::replace(&mut buffer, next);
        let skip = if at_start && whole.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if at_start {
            if let Some(problem) = super::wire::utf16(file, &whole) {
                let _ = blocks.send(Block::Failed(problem));
                return;
            }
        }
        at_start = false;
        let text = match String::from_utf8(whole) {
            Ok(text) => text,
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = e.utf8_error().valid_up_to();
                let bad_line = line + count_lines(&bytes[..valid]);
                let problem = Problem::new(
                    file,
                    Some(bad_line),
                    format!(
                        "not valid UTF-8 text: invalid byte 0x{:02X} at byte offset {}",
                        bytes[valid],
                        bytes_before + valid
                    ),
                )
                .with_hint("save the file as UTF-8");
                let _ = blocks.send(Block::Failed(problem));
                return;
            }
        };
        let lines = count_lines(text.as_bytes());
        let block = Block::Lines {
            text,
            skip,
            first_line: line,
            eof,
        };
        if blocks.send(block).is_err() || eof {
            return;
        }
        line += lines;
        bytes_before += end;
    }
}

/// The parsing side of `read_ahead`: the blocks come in, and their buffers go back.
struct Ahead {
    blocks: mpsc::Receiver<Block>,
    spares: mpsc::Sender<Vec<u8>>,
}

/// Parses the blocks `read_ahead` hands on, each split between this thread and the workers.
fn parse_blocks(
    file: &str,
    ahead: &Ahead,
    size: Option<u64>,
    refs: &Refs,
    workers: &[Worker],
    progress: &Progress,
    problems: &mut Vec<Problem>,
) -> ReadEvents {
    let mut events = ReadEvents::default();
    let mut reserved = false;
    let mut kept = Kept::default();
    for block in &ahead.blocks {
        let (text, skip, first_line, eof) = match block {
            Block::Lines {
                text,
                skip,
                first_line,
                eof,
            } => (text, skip, first_line, eof),
            Block::Failed(problem) => {
                problems.push(problem);
                break;
            }
        };
        let end = text.len();
        let block = Arc::new(text);
        for mut part in parse_block(file, &block, skip, first_line, refs, workers, &mut kept) {
            events.append(&mut part.events);
            problems.append(&mut part.problems);
            kept.emptied.push(part);
        }
        if !reserved {
            // Growing a list of a million events by doubling copies it again and again and
            // touches twice the memory; the first block tells how big records are, so the
            // list is made about the right size at once (unused room costs no memory).
            reserved = true;
            if let (Some(size), false) = (size, events.events.is_empty()) {
                let per_event = (end as u64 / events.events.len() as u64).max(1);
                let expected = (size / per_event + size / per_event / 16) as usize;
                let more = expected.saturating_sub(events.events.len());
                // Only a guess from the file's size: when the room cannot be had, the lists
                // grow as they go instead.
                let _ = events.events.try_reserve(more);
                let _ = events.lines.try_reserve(more);
            }
        }
        progress.events_read(end as u64);
        if let Ok(text) = Arc::try_unwrap(block) {
            // The reader may have ended: the buffer is then simply dropped.
            let _ = ahead.spares.send(text.into_bytes());
        }
        if eof {
            break;
        }
    }
    events
}

/// Reads until `buffer` holds at least a block, or the input ends; returns whether it ended.
fn fill(reader: &mut impl Read, buffer: &mut Vec<u8>) -> std::io::Result<bool> {
    let target = buffer.len() + BLOCK;
    while buffer.len() < target {
        let before = buffer.len();
        let wanted = (target - before) as u64;
        let read = reader.by_ref().take(wanted).read_to_end(buffer)?;
        if read == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// What the loading thread keeps from block to block: its labels, and each part's lists once
/// emptied into the events read, to be handed out again (allocated afresh for every block,
/// their memory would be cleared by the system again each time).
#[derive(Default)]
struct Kept {
    labels: Labels,
    emptied: Vec<Parsed>,
}

/// Parses `block[skip..]` (whole lines, starting at `first_line`), split between this thread
/// and the workers; results in file order.
fn parse_block(
    file: &str,
    block: &Arc<String>,
    skip: usize,
    first_line: usize,
    refs: &Refs,
    workers: &[Worker],
    kept: &mut Kept,
) -> Vec<Parsed> {
    let text = block.get(skip..).unwrap_or("");
    let parts = split_at_lines(text, workers.len() + 1);
    let mut jobs = Vec::with_capacity(parts.len());
    let mut line = first_line;
    let mut offset = skip;
    for (at, part) in parts.iter().enumerate() {
        jobs.push((
            offset..offset + part.len(),
            line,
            kept.emptied.pop().unwrap_or_default(),
        ));
        // The last part's lines are counted by whoever parses it.
        if at + 1 < parts.len() {
            line += count_lines(part.as_bytes());
        }
        offset += part.len();
    }
    // The first part is parsed on this thread, which meanwhile would only wait, and which
    // reuses the memory it freed earlier (reading sources and actors).
    let mut sent = vec![false; jobs.len()];
    for ((at, (range, line, into)), worker) in jobs.iter_mut().enumerate().skip(1).zip(workers) {
        let job = Job {
            block: Arc::clone(block),
            range: range.clone(),
            first_line: *line,
            into: std::mem::take(into),
        };
        sent[at] = worker.jobs.send(job).is_ok();
    }
    jobs.into_iter()
        .zip(sent)
        .enumerate()
        .map(|(at, ((range, line, into), sent))| {
            // Part `at` went to worker `at - 1`.
            let from_worker = at
                .checked_sub(1)
                .and_then(|w| workers.get(w))
                .filter(|_| sent)
                .map(|w| &w.results);
            // A worker that has stopped (a bug: it panicked, and the scope will say so) has
            // its part parsed here rather than lost.
            from_worker
                .and_then(|results| results.recv().ok())
                .unwrap_or_else(|| {
                    let text = block.get(range).unwrap_or("");
                    parse_lines(file, text, line, refs, &mut kept.labels, into)
                })
        })
        .collect()
}

/// Up to `n` pieces of `text`, each ending at a line end.
fn split_at_lines(text: &str, n: usize) -> Vec<&str> {
    let mut parts = Vec::with_capacity(n);
    let mut rest = text;
    for remaining in (1..=n).rev() {
        if remaining == 1 || rest.len() < 64 * 1024 {
            parts.push(rest);
            break;
        }
        // The middle may fall inside a character: look for the line end in the bytes, and a
        // newline byte is always a character of its own.
        let cut = rest.len() / remaining;
        let end =
            memchr::memchr(b'\n', &rest.as_bytes()[cut..]).map_or(rest.len(), |i| cut + i + 1);
        parts.push(&rest[..end]);
        rest = &rest[end..];
    }
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        parts.push(text);
    }
    parts
}

fn parse_lines(
    file: &str,
    text: &str,
    first_line: usize,
    refs: &Refs,
    labels: &mut Labels,
    into: Parsed,
) -> Parsed {
    // Emptied lists from an earlier block: allocating them afresh for every block would have
    // the system clear their memory again each time.
    let mut parsed = into;
    let from = parsed.events.events.len();
    // About one event a line: sized once rather than grown by doubling.
    let lines = count_lines(text.as_bytes()) + 1;
    parsed.events.events.reserve(lines);
    parsed.events.lines.reserve(lines);
    for (index, raw_line) in text.split('\n').enumerate() {
        let line_text = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if line_text.trim().is_empty() {
            continue;
        }
        let line = first_line + index;
        match serde_json::from_str::<RawEvent>(line_text) {
            Ok(value) => {
                let record = Located::new(value, line, line_text);
                if let Some(event) = check_record(file, record, refs, labels, &mut parsed.problems)
                {
                    parsed.events.push(event);
                }
            }
            Err(e) => {
                if check_repeating(file, line_text, line, refs, labels, &mut parsed) {
                    continue;
                }
                parsed.problems.extend(record_problems(
                    file,
                    &e,
                    line - 1,
                    line_text,
                    "an event (a JSON object)",
                    shape::EVENT,
                ));
                if let Some(salvaged) = shape::salvage(line_text) {
                    let record = Located::new(salvaged, line, line_text);
                    check_refused(file, &record, &mut parsed.events, &mut parsed.problems);
                }
            }
        }
    }
    parsed.events.settle(from, refs.starts);
    parsed
}

/// Checks a record refused only for repeating a field (`"date"` twice): it stays refused, but
/// is checked with each field's first value like any other record, so that its other
/// problems are reported too, naming the event. False when the record has other faults of
/// shape, left to `record_problems`.
fn check_repeating(
    file: &str,
    line_text: &str,
    line: usize,
    refs: &Refs,
    labels: &mut Labels,
    parsed: &mut Parsed,
) -> bool {
    let Some((first_values, repeated)) = shape::first_of_each_field(line_text) else {
        return false;
    };
    let Ok(value) = serde_json::from_str::<RawEvent>(&first_values) else {
        return false;
    };
    let id = value.id.clone();
    let record = Located::new(value, line, line_text);
    for field in &repeated {
        let message = format!("event {}: duplicate field {}", quoted(&id), quoted(field));
        parsed.problems.push(record.problem(file, field, message));
    }
    // Checked for what it would report; the event itself is not kept.
    let _ = check_record(file, record, refs, labels, &mut parsed.problems);
    if !id.trim().is_empty() {
        parsed.events.refused.push((id, line));
    }
    true
}

/// What can still be checked of an event record refused for its shape: its date, and (later,
/// in [`check_ids`]) its id against the others.
pub fn check_refused(
    file: &str,
    record: &Located<shape::Salvaged>,
    read: &mut ReadEvents,
    problems: &mut Vec<Problem>,
) {
    let salvaged = &record.value;
    if let Some(date) = &salvaged.date {
        if let Err(e) = EdtfDate::parse(date) {
            let name = salvaged
                .id
                .as_deref()
                .map_or_else(String::new, |id| format!("event {}: ", quoted(id)));
            problems.push(record.problem(
                file,
                "date",
                format!("{name}invalid date {}: {e}", quoted(date)),
            ));
        }
    }
    if let Some(id) = salvaged.id.as_deref().filter(|id| !id.trim().is_empty()) {
        read.refused.push((id.into(), record.line));
    }
}

/// Checks one record and turns it into an event, reporting what is wrong with it.
pub fn check_record(
    file: &str,
    record: Located<RawEvent>,
    refs: &Refs,
    labels: &mut Labels,
    problems: &mut Vec<Problem>,
) -> Option<(Event, RecordLines)> {
    let raw = &record.value;
    // Built only when there is something to report: most records have nothing.
    let name = || quoted(&raw.id);
    if raw.id.trim().is_empty() {
        problems.push(record.problem(file, "id", "event with an empty id"));
    }
    let date = match EdtfDate::parse(&raw.date) {
        Ok(date) => Some(date),
        Err(e) => {
            problems.push(record.problem(
                file,
                "date",
                format!("event {}: invalid date {}: {e}", name(), quoted(&raw.date)),
            ));
            None
        }
    };
    if raw.title.trim().is_empty() {
        problems.push(record.problem(
            file,
            "title",
            format!("event {} has an empty title", name()),
        ));
    }
    let mut actors = Vec::with_capacity(raw.actors.len());
    let mut actors_unchecked = false;
    for actor in raw.actors.iter().map(|a| &**a) {
        match refs.actors.get(actor).map(ActorId) {
            Some(id) if actors.contains(&id) => problems.push(record.problem(
                file,
                "actors",
                format!("event {} lists actor {} twice", name(), quoted(actor)),
            )),
            Some(id) => actors.push(id),
            None if refs.actors_unreadable => actors_unchecked = true,
            None if refs.broken_actors.contains(actor) => {}
            None => problems.push(record.problem(
                file,
                "actors",
                format!(
                    "event {}: unknown actor {}{}",
                    name(),
                    quoted(actor),
                    did_you_mean(actor, refs.actors.ids())
                ),
            )),
        }
    }
    if actors_unchecked {
        refs.unchecked_actors.note(record.line_of("actors"));
    }
    let roles = roles(file, &record, refs, &actors, problems);
    let point = raw.coordinates.as_ref().and_then(|point| {
        let mut in_range = true;
        for (what, value, limit) in [
            ("latitude", point.lat, 90.0),
            ("longitude", point.lon, 180.0),
        ] {
            if !(-limit..=limit).contains(&value) {
                in_range = false;
                problems.push(record.problem(
                    file,
                    "coordinates",
                    format!(
                        "event {}: {what} {value} is not between -{limit} and {limit}",
                        name()
                    ),
                ));
            }
        }
        in_range.then(|| {
            Arc::new(Point {
                lat: point.lat,
                lon: point.lon,
            })
        })
    });
    let mut attributes = Vec::with_capacity(raw.attributes.len());
    for (n, (key, value)) in raw.attributes.iter().enumerate() {
        if raw.attributes[..n].iter().any(|(k, _)| k == key) {
            problems.push(record.problem(
                file,
                "attributes",
                format!(
                    "event {}: attribute {} is given twice; keep one",
                    name(),
                    quoted(key)
                ),
            ));
            continue;
        }
        let value = match value {
            RawAttribute::Text(text) => Value::Text(labels.get(text)),
            RawAttribute::Number(text) => match Number::parse(text) {
                Some(number) => Value::Number(number),
                None => {
                    problems.push(record.problem(
                        file,
                        "attributes",
                        format!(
                            "event {}: attribute {}: {text} is too large a number",
                            name(),
                            quoted(key)
                        ),
                    ));
                    continue;
                }
            },
        };
        attributes.push((labels.get(key), value));
    }
    // By name, as they are shown and written.
    attributes.sort_by(|a, b| a.0.cmp(&b.0));
    let quotes_line = record.line_of("quotes");
    let mut kept_quotes = Vec::with_capacity(raw.quotes.len());
    if refs.sources_unreadable && !raw.quotes.is_empty() {
        refs.unchecked_sources.note(quotes_line);
    }
    for (n, raw_quote) in raw.quotes.iter().enumerate() {
        let source_id = &*raw_quote.source;
        if refs.sources_unreadable || refs.broken_sources.contains(source_id) {
            continue;
        }
        let Some(source) = refs.sources.get(source_id).copied() else {
            problems.push(record.problem(
                file,
                "quotes",
                format!(
                    "event {}, quote {}: unknown source {}{}",
                    name(),
                    n + 1,
                    quoted(source_id),
                    did_you_mean(source_id, refs.sources.keys().map(String::as_str))
                ),
            ));
            continue;
        };
        if raw_quote.text.trim().is_empty() {
            problems.push(record.problem(
                file,
                "quotes",
                format!("event {}, quote {} is empty", name(), n + 1),
            ));
            continue;
        }
        kept_quotes.push((n, source));
    }
    // A record with problems still has its quotes checked, so that one run reports them all;
    // the load fails anyway, so a stand-in date for an invalid one is never seen.
    let date = match date {
        Some(date) => date,
        None => EdtfDate::parse("0001").ok()?,
    };
    let raw = record.value;
    // Spans and sentences are found later, source by source, for all events at once. The list
    // is sized exactly: collected from a filter it would hold room for four quotes.
    let mut quotes = Vec::with_capacity(kept_quotes.len());
    let mut kept = kept_quotes.into_iter().peekable();
    for (n, quote) in raw.quotes.into_iter().enumerate() {
        if let Some((_, source)) = kept.next_if(|(k, _)| *k == n) {
            quotes.push(Quote::unplaced(source, quote.text));
        }
    }
    Some((
        Event {
            id: raw.id,
            date,
            title: Label::from(&*raw.title),
            summary: raw.summary,
            kind: raw.kind.map(|kind| labels.get(&kind)),
            actors: actors.into(),
            location: raw.location.map(|place| labels.get(&place)),
            tags: raw.tags.iter().map(|tag| labels.get(tag)).collect(),
            quotes: quotes.into(),
            attributes: labels.attributes(attributes),
            roles,
            region: raw.region.and_then(|r| {
                labels.region(
                    r.country.as_deref(),
                    r.admin1.as_deref(),
                    r.admin2.as_deref(),
                )
            }),
            point,
        },
        RecordLines::new(record.line, quotes_line),
    ))
}

/// The roles a dataset may give, for messages.
const ROLE_NAMES: &str = "source, target, associated, associated-source or associated-target";

/// The roles a record gives its actors, one per actor in `actors` (the record's actors as
/// resolved), or none when it gives none. A role for an actor the event does not list, or a
/// role that is not one, is a problem.
fn roles(
    file: &str,
    record: &Located<RawEvent>,
    refs: &Refs,
    actors: &[ActorId],
    problems: &mut Vec<Problem>,
) -> Box<[Roles]> {
    let raw = &record.value;
    if raw.roles.is_empty() {
        return Box::default();
    }
    let mut roles = vec![Roles::NONE; actors.len()];
    for (n, (actor, names)) in raw.roles.iter().enumerate() {
        if raw.roles[..n].iter().any(|(a, _)| a == actor) {
            problems.push(record.problem(
                file,
                "roles",
                format!(
                    "event {}: roles names {} twice; give its roles once, as a list",
                    quoted(&raw.id),
                    quoted(actor)
                ),
            ));
            continue;
        }
        let mut parts = Roles::NONE;
        for name in names.names() {
            match Role::parse(name) {
                Some(role) => parts = parts.with(role),
                None => problems.push(record.problem(
                    file,
                    "roles",
                    format!(
                        "event {}: actor {} has the role {}; a role is {}",
                        quoted(&raw.id),
                        quoted(actor),
                        quoted(name),
                        ROLE_NAMES
                    ),
                )),
            }
        }
        if parts.is_empty() {
            continue;
        }
        if !raw.actors.iter().any(|a| **a == **actor) {
            problems.push(
                record
                    .problem(
                        file,
                        "roles",
                        format!(
                            "event {}: roles names {}, which is not among the event's actors",
                            quoted(&raw.id),
                            quoted(actor)
                        ),
                    )
                    .with_hint("list the actor under \"actors\" too, or drop its role"),
            );
            continue;
        }
        // An actor that is listed but unknown is reported already.
        let nth = refs
            .actors
            .get(actor.as_str())
            .and_then(|id| actors.iter().position(|a| a.0 == id));
        if let Some(nth) = nth {
            roles[nth] = parts;
        }
    }
    roles.into()
}

/// Duplicate event ids, each named with the line that first used it. The events are
/// listed by the hash of their id and sorted, so that only ids with equal hashes are ever
/// compared: a third of the memory of a map from a million ids, and no probing.
pub fn check_ids(file: &str, read: &ReadEvents, problems: &mut Vec<Problem>) {
    check_refused_ids(file, read, problems);
    let events = &read.events;
    // Hashed and sorted on every core: a million ids on one kept the other waiting.
    let (mut by_hash, _) = made_in_shares(events.len(), |i, _: &mut ()| {
        (id_hash(&events[i].id), i as u32)
    });
    sort_on_every_core(&mut by_hash);
    for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
        // Rarely more than one event, and then nearly always the same id twice.
        for (at, &(_, later)) in run.iter().enumerate().skip(1) {
            let id = &events[later as usize].id;
            let first = run[..at]
                .iter()
                .map(|&(_, i)| i as usize)
                .find(|&i| events[i].id == *id);
            if let Some(first) = first {
                problems.push(
                    Problem::new(
                        file,
                        Some(read.lines[later as usize].record()),
                        format!(
                            "duplicate event id {} (first defined on line {})",
                            quoted(id),
                            read.lines[first].record()
                        ),
                    )
                    .with_field("id"),
                );
            }
        }
    }
}

/// Duplicates that involve a refused record (rare: only then is a map of ids built). Each
/// later use of an id is reported against its first, except a read event after an earlier
/// read one, which [`check_ids`] reports already.
fn check_refused_ids(file: &str, read: &ReadEvents, problems: &mut Vec<Problem>) {
    if read.refused.is_empty() {
        return;
    }
    // Every use of each refused id: (line, refused).
    let mut uses: FxHashMap<&str, Vec<(usize, bool)>> = FxHashMap::default();
    for (id, line) in &read.refused {
        uses.entry(id).or_default().push((*line, true));
    }
    for (event, lines) in read.events.iter().zip(&read.lines) {
        if let Some(found) = uses.get_mut(&*event.id) {
            found.push((lines.record(), false));
        }
    }
    let mut found = Vec::new();
    for (id, mut lines) in uses {
        lines.sort_unstable();
        let first = lines[0].0;
        let mut read_seen = !lines[0].1;
        for &(line, refused) in &lines[1..] {
            if refused || !read_seen {
                found.push((line, id, first));
            }
            read_seen |= !refused;
        }
    }
    // In line order, whatever order the map gave.
    found.sort_unstable();
    for (line, id, first) in found {
        problems.push(
            Problem::new(
                file,
                Some(line),
                format!(
                    "duplicate event id {} (first defined on line {first})",
                    quoted(id)
                ),
            )
            .with_field("id"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_only_at_line_ends() {
        let text = "a\n".repeat(100_000);
        let parts = split_at_lines(&text, 3);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| p.ends_with('\n')));
        assert_eq!(split_at_lines("short\n", 4), ["short\n"]);
        // Cyrillic letters are two bytes: the middle of the text falls inside one.
        let text = "Путин говорит\n".repeat(10_000);
        let parts = split_at_lines(&text, 2);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts.concat(), text);
        assert_eq!(split_at_lines("", 2), [""]);
    }
}
