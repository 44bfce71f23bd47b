//! Fuzzy actor ranking, shared by the browser's search prompt and `chronicle actors --search`.
//!
//! Ranking a hundred thousand actors on every keystroke is kept within a frame by doing the
//! expensive part as rarely as possible: a byte scan rules out names that cannot match before
//! the matcher scores them, a longer query only rescores the previous query's matches
//! (`Narrowing`), and match positions are computed only for the rows on screen
//! (`Ranker::positions`). What is left (the matcher scoring every name holding a first
//! letter, some 40 000 of 133 000 names in the generated dataset) is shared among the cores,
//! and may still take longer than a frame, so a ranking runs in slices of time between
//! keystrokes and frames: typing is never blocked, and the ranking shows when it is complete.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{Actor, ActorId};

mod first_keys;
use first_keys::FirstKeys;

/// Which of an actor's names matched best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedName {
    Name,
    /// Index into `Actor::aliases`.
    Alias(usize),
}

/// One ranked actor: its best score over its name and aliases, and where that match lies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub actor: ActorId,
    pub score: i64,
    pub matched: MatchedName,
    /// Char indices of the matched characters in the matched name; empty until asked for
    /// with `Ranker::positions` (the browser fills them only for the rows it shows).
    pub indices: Vec<usize>,
}

impl ActorMatch {
    /// An actor before any query: listed, not ranked (the list a search starts from).
    pub fn unranked(actor: ActorId) -> ActorMatch {
        ActorMatch {
            actor,
            score: 0,
            matched: MatchedName::Name,
            indices: Vec::new(),
        }
    }
}

/// A reusable ranker; the matcher holds buffers worth keeping between keystrokes.
pub struct Ranker {
    /// Shared by the scoring threads: its buffers are kept per thread, so it needs no lock.
    matcher: SkimMatcherV2,
    /// The names of the actors it was made for (`Ranker::new`); empty by default, and then
    /// gathered for each ranking.
    names: Names,
    /// How many threads score a ranking (one per core, up to `MAX_THREADS`).
    threads: usize,
    /// The rankings of one-key queries, made ahead in idle time (`Ranker::prepare`).
    first_keys: FirstKeys,
}

impl Ranker {
    /// The same ranker scoring on `threads` threads (at least one): to measure what the
    /// threads gain, and to check that the split changes nothing.
    pub fn with_threads(self, threads: usize) -> Ranker {
        Ranker {
            threads: threads.max(1),
            ..self
        }
    }
}

/// A bound on the threads a ranking starts (afresh for each slice of it), whatever the core
/// count: the gain was measured on two cores only.
const MAX_THREADS: usize = 8;

impl Default for Ranker {
    fn default() -> Self {
        Ranker {
            matcher: SkimMatcherV2::default().smart_case(),
            names: Names::default(),
            threads: std::thread::available_parallelism()
                .map_or(1, NonZeroUsize::get)
                .min(MAX_THREADS),
            first_keys: FirstKeys::default(),
        }
    }
}

/// Every actor's names (name, then aliases) in one buffer, in actor order: a ranking reads a
/// few megabytes front to back instead of following a pointer to each actor and each name.
/// Offsets are four bytes and every list is made its exact size at once: the browser keeps
/// this for as long as it is open, beside a million events.
#[derive(Debug, Default)]
struct Names {
    text: String,
    /// Where each name ends in `text`; each begins where the one before it ends.
    ends: Vec<u32>,
    /// For each actor, the index of its first name (its name; then come its aliases); one
    /// more at the end.
    first: Vec<u32>,
}

impl Names {
    /// The names of `actors`; none (so that rankings read the actors' own) in the unlikely
    /// case of names too many or too long to count in four bytes.
    fn new(actors: &[Actor]) -> Names {
        let all = |actor: &'_ Actor| std::iter::once(&actor.name).chain(&actor.aliases).count();
        let count: usize = actors.iter().map(all).sum();
        let bytes: usize = actors
            .iter()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .map(String::len)
            .sum();
        if u32::try_from(count.max(bytes)).is_err() {
            return Names::default();
        }
        let mut names = Names {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
            first: Vec::with_capacity(actors.len() + 1),
        };
        for actor in actors {
            names.first.push(names.ends.len() as u32);
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                // Unmarked once here rather than at each keystroke; as many letters as
                // written, so the matcher's places fit the names as written.
                push_unmarked(&mut names.text, name);
                names.ends.push(names.text.len() as u32);
            }
        }
        names.first.push(names.ends.len() as u32);
        names
    }

    /// Whether these are the names of `actors` (the ranker is made for one timeline).
    fn cover(&self, actors: &[Actor]) -> bool {
        self.first.len() == actors.len() + 1
    }

    /// The actor's names with which each is.
    fn of(&self, actor: ActorId) -> impl Iterator<Item = (MatchedName, &str)> {
        let (from, to) = match (
            self.first.get(actor.index()),
            self.first.get(actor.index() + 1),
        ) {
            (Some(&from), Some(&to)) => (from as usize, to as usize),
            _ => (0, 0),
        };
        (from..to).map(move |k| {
            let start = k
                .checked_sub(1)
                .map_or(0, |before| self.ends[before] as usize);
            let matched = match k - from {
                0 => MatchedName::Name,
                i => MatchedName::Alias(i - 1),
            };
            (matched, &self.text[start..self.ends[k] as usize])
        })
    }
}

/// `text` with each letter beyond ASCII that has another one-letter small form in that form
/// ("Émile" → "émile", "РОССИЯ" → "россия"), letter for letter: the matcher folds only ASCII,
/// and the places it gives are counted in letters, so they still fit the text as written.
/// Letters whose small form is longer (the dotted "İ") are left as they are.
pub fn fold(text: &str) -> Cow<'_, str> {
    let folds = |c: char| {
        let mut small = c.to_lowercase();
        !c.is_ascii() && small.len() == 1 && small.next() != Some(c)
    };
    if text.is_ascii() || !text.chars().any(folds) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.to_lowercase().next() {
                Some(small) if folds(c) => small,
                _ => c,
            })
            .collect(),
    )
}

/// `text` with each letter that carries marks (an accent, a caron, a cedilla) as the letter
/// without them ("Škoda" → "Skoda", "Łódź" → "Łodz"), as `draft` matches names ignoring
/// accents, so that "skoda" finds Škoda. Letter for letter, as `fold`: a character that is not
/// a letter and marks in Unicode's decomposition (Ł, ß, a Hangul syllable) is left as it is,
/// and so is a mark written as a character of its own, so that the places the matcher gives
/// still fit the text as written. Done to the names once, when a ranker gathers them.
pub fn unmark(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    // One pass: the text up to its first letter with marks is taken as it is.
    let Some((at, _)) = text.char_indices().find(|(_, c)| unmarked(*c).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    push_unmarked(&mut out, &text[at..]);
    Cow::Owned(out)
}

/// Appends `text` unmarked (`unmark`) to `out`, without a string of its own in between.
fn push_unmarked(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().map(|c| unmarked(c).unwrap_or(c)));
}

/// The letter `c` is with its marks taken off, when it is one with marks.
fn unmarked(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let (mut base, mut marks, mut other) = (None, 0, false);
    unicode_normalization::char::decompose_canonical(c, |part| {
        if base.is_none() {
            base = Some(part);
        } else if unicode_normalization::char::is_combining_mark(part) {
            marks += 1;
        } else {
            other = true;
        }
    });
    base.filter(|_| marks > 0 && !other)
}

/// A query unmarked as names are (`unmark`), and without marks typed apart (`s` then a
/// combining caron), which no unmarked name holds.
fn unmark_query(text: Cow<'_, str>) -> Cow<'_, str> {
    let unmarked = match unmark(&text) {
        Cow::Owned(unmarked) => Some(unmarked),
        Cow::Borrowed(_) => None,
    };
    let text = unmarked.map_or(text, Cow::Owned);
    if text.is_ascii()
        || !text
            .chars()
            .any(unicode_normalization::char::is_combining_mark)
    {
        return text;
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect(),
    )
}

/// The score and char places of `query` in `text`, matched as the actor search matches a
/// name (`matcher` being fuzzy-matcher's smart case): case ignored in every alphabet unless
/// the query has an ASCII capital. The places fit `text` as written. For the pickers' lists
/// (types, tags, places), short enough to match whole on every key.
pub fn fuzzy_indices(
    matcher: &SkimMatcherV2,
    text: &str,
    query: &str,
) -> Option<(i64, Vec<usize>)> {
    let pattern = Pattern::new(query);
    let text = unmark(text);
    matcher.fuzzy_indices(&pattern.name(&text), &pattern.text)
}

/// A query as the matcher sees it: trimmed, unmarked, and folded as its smart case folds it,
/// for the cheap check that runs before the matcher.
struct Pattern<'q> {
    /// Unmarked (`unmark`), as the names are, and folded (`fold`) unless the query is
    /// case-sensitive; names are then folded too.
    text: Cow<'q, str>,
    /// The matcher's smart case: case-sensitive when the query has an ASCII capital.
    case_sensitive: bool,
    /// Each of the query's bytes and the byte it also matches: its other case for an ASCII
    /// letter unless the query is case-sensitive, else itself.
    bytes: Vec<(u8, u8)>,
}

impl<'q> Pattern<'q> {
    fn new(query: &'q str) -> Pattern<'q> {
        let text = query.trim();
        let case_sensitive = text.bytes().any(|b| b.is_ascii_uppercase());
        let text = if case_sensitive {
            unmark_query(Cow::Borrowed(text))
        } else {
            let mut text = unmark_query(fold(text));
            // A capital that folding leaves ("İ") is a small ASCII letter once unmarked: the
            // matcher would take it for a capital asking for case.
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                text.to_mut().make_ascii_lowercase();
            }
            text
        };
        let bytes = text
            .bytes()
            .map(|b| {
                if case_sensitive {
                    (b, b)
                } else {
                    (b.to_ascii_lowercase(), b.to_ascii_uppercase())
                }
            })
            .collect();
        Pattern {
            text,
            case_sensitive,
            bytes,
        }
    }

    /// `name` as this query is matched against it: folded unless the query is case-sensitive.
    fn name<'n>(&self, name: &'n str) -> Cow<'n, str> {
        if self.case_sensitive {
            Cow::Borrowed(name)
        } else {
            fold(name)
        }
    }

    /// Whether the query's bytes occur in order in `name`. The matcher matches when the
    /// query's chars occur in order (ASCII letters folded unless case-sensitive), which
    /// implies this, so a `false` here is always a non-match and the matcher need not run.
    fn may_match(&self, name: &str) -> bool {
        let mut rest = name.as_bytes();
        for &(byte, other) in &self.bytes {
            let at = if byte == other {
                memchr::memchr(byte, rest)
            } else {
                memchr::memchr2(byte, other, rest)
            };
            match at {
                Some(at) => rest = &rest[at + 1..],
                None => return false,
            }
        }
        true
    }
}

impl Ranker {
    /// A ranker for `actors`, with their names gathered once.
    pub fn new(actors: &[Actor]) -> Ranker {
        Ranker {
            names: Names::new(actors),
            first_keys: FirstKeys::new(actors.len()),
            ..Ranker::default()
        }
    }

    /// Whether the rankings of one-key queries are still being made: work for idle time,
    /// which `prepare` does a slice at a time. Only a ranker made with `new` makes them.
    pub fn is_preparing(&self) -> bool {
        self.first_keys.is_preparing()
    }

    /// Goes on making the rankings of one-key queries for about `budget`; true once all are
    /// made. A search's first key is then served from them (see `Narrowing::rank`).
    pub fn prepare(&mut self, budget: Duration) -> bool {
        let mut first_keys = std::mem::take(&mut self.first_keys);
        let done = first_keys.prepare(self, budget);
        self.first_keys = first_keys;
        done
    }

    /// The memory the prepared rankings take, in bytes.
    pub fn prepared_bytes(&self) -> usize {
        self.first_keys.bytes()
    }

    /// The names of `actors`: those gathered by `new`, else the actors' own.
    fn names<'a>(&'a self, actors: &'a [Actor]) -> NameSource<'a> {
        if self.names.cover(actors) {
            NameSource::Gathered(&self.names)
        } else {
            NameSource::Actors(actors)
        }
    }

    /// Ranks the actors matching `query`, best first, with match positions; ties go to the
    /// earlier actor. An empty query matches nothing: the caller decides what it shows.
    pub fn rank(&self, actors: &[Actor], query: &str) -> Vec<ActorMatch> {
        let mut matches = self.rank_among(actors, query, None);
        for m in &mut matches {
            m.indices = self.positions(&actors[m.actor.index()], m.matched, query);
        }
        matches
    }

    /// Ranks like `rank` but without match positions, scoring only the actors of `among`
    /// when given (a ranking for a query that `query` extends: see `Narrowing`).
    pub fn rank_among(
        &self,
        actors: &[Actor],
        query: &str,
        among: Option<&[ActorMatch]>,
    ) -> Vec<ActorMatch> {
        let pattern = Pattern::new(query);
        if pattern.text.is_empty() {
            return Vec::new();
        }
        let names = self.names(actors);
        let candidates = match among {
            Some(previous) => candidates(previous, actors.len()),
            None => (0..actors.len() as u32).map(ActorId).collect(),
        };
        let mut scored = Vec::new();
        self.score(
            names,
            &pattern,
            &candidates,
            &mut 0,
            &mut scored,
            Duration::MAX,
        );
        best_first(scored)
    }

    /// Scores `candidates[*next..]` into `found`, the ranker's threads taking batches in
    /// turn, until all are scored or `budget` has passed (each thread scores at least one
    /// batch). Moves `next` past what was scored; returns whether all were.
    fn score<'n>(
        &self,
        names: impl Into<NameSource<'n>>,
        pattern: &Pattern,
        candidates: &[ActorId],
        next: &mut usize,
        found: &mut Vec<Scored>,
        budget: Duration,
    ) -> bool {
        let names = names.into();
        let started = Instant::now();
        let claimed = AtomicUsize::new(*next);
        // Every batch a thread claims it scores before it looks at the clock, so when all
        // have stopped, everything below `claimed` is scored.
        let run = |found: &mut Vec<Scored>| loop {
            let from = claimed.fetch_add(BATCH, Ordering::Relaxed);
            let Some(batch) = candidates.get(from..(from + BATCH).min(candidates.len())) else {
                break;
            };
            if batch.is_empty() {
                break;
            }
            found.extend(
                batch
                    .iter()
                    .filter_map(|&actor| self.best(names, actor, pattern)),
            );
            if started.elapsed() >= budget {
                break;
            }
        };
        let batches = candidates.len().saturating_sub(*next).div_ceil(BATCH);
        let threads = self.threads.min(batches);
        if threads <= 1 {
            run(found);
        } else {
            std::thread::scope(|scope| {
                let helpers: Vec<_> = (1..threads)
                    .map(|_| {
                        scope.spawn(|| {
                            let mut found = Vec::new();
                            run(&mut found);
                            found
                        })
                    })
                    .collect();
                run(found);
                for helper in helpers {
                    match helper.join() {
                        Ok(more) => found.extend(more),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
            });
        }
        *next = claimed.into_inner().min(candidates.len());
        *next == candidates.len()
    }

    /// The char positions of `query` in the actor's `matched` name, as the matcher aligns it.
    pub fn positions(&self, actor: &Actor, matched: MatchedName, query: &str) -> Vec<usize> {
        let pattern = Pattern::new(query);
        // Unmarking and folding keep every letter in its place: the places fit the name as
        // written.
        let unmarked = unmark(matched_text(actor, matched));
        let name = pattern.name(&unmarked);
        self.matcher
            .fuzzy_indices(&name, &pattern.text)
            .map(|(_, indices)| indices)
            .unwrap_or_default()
    }

    fn best(&self, names: NameSource, id: ActorId, pattern: &Pattern) -> Option<Scored> {
        match names {
            NameSource::Gathered(names) => self.best_of(names.of(id), id, pattern),
            NameSource::Actors(actors) => {
                let actor = actors.get(id.index())?;
                let all = std::iter::once(&actor.name).chain(&actor.aliases);
                // Unmarked here, as a ranking from the actors is done once; gathered names
                // are unmarked when gathered.
                let named = all.enumerate().map(|(which, name)| {
                    let matched = match which {
                        0 => MatchedName::Name,
                        i => MatchedName::Alias(i - 1),
                    };
                    (matched, unmark(name))
                });
                self.best_of(named, id, pattern)
            }
        }
    }

    /// The best of an actor's `names` (each with which of its names it is) for `pattern`.
    fn best_of<N: AsRef<str>>(
        &self,
        names: impl Iterator<Item = (MatchedName, N)>,
        id: ActorId,
        pattern: &Pattern,
    ) -> Option<Scored> {
        // The name wins ties with an alias, so highlights land on what is shown first.
        let mut best: Option<Scored> = None;
        for (which, text) in names {
            let text = pattern.name(text.as_ref());
            if !pattern.may_match(&text) {
                continue;
            }
            if let Some(score) = self.matcher.fuzzy_match(&text, &pattern.text) {
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, id, which));
                }
            }
        }
        best
    }
}

/// Where a ranking reads the actors' names: gathered in one buffer by a ranker made for
/// these actors (the browser's, which ranks on every keystroke), or the actors' own, for a
/// ranking done once (`chronicle actors --search`), where gathering 133,000 names took
/// longer than scoring them.
#[derive(Clone, Copy)]
enum NameSource<'a> {
    Gathered(&'a Names),
    Actors(&'a [Actor]),
}

impl<'a> From<&'a Names> for NameSource<'a> {
    fn from(names: &'a Names) -> Self {
        NameSource::Gathered(names)
    }
}

/// A matching actor: its score and best name.
type Scored = (i64, ActorId, MatchedName);

/// Sorts best first, ties to the earlier actor (actors are unique, so the unstable sort is
/// deterministic).
fn best_first(mut scored: Vec<Scored>) -> Vec<ActorMatch> {
    scored.sort_unstable_by_key(|&(score, actor, _)| (Reverse(score), actor));
    scored
        .into_iter()
        .map(|(score, actor, matched)| ActorMatch {
            actor,
            score,
            matched,
            indices: Vec::new(),
        })
        .collect()
}

/// The actors of a ranking in actor order, so that their names are read front to back:
/// marked in a table of all `count` actors and read off in order, which beats sorting the
/// hundred thousand of a first letter's ranking.
fn candidates(ranking: &[ActorMatch], count: usize) -> Vec<ActorId> {
    let mut marked = vec![false; count];
    for m in ranking {
        if let Some(mark) = marked.get_mut(m.actor.index()) {
            *mark = true;
        }
    }
    (0..count as u32)
        .filter(|i| marked[*i as usize])
        .map(ActorId)
        .collect()
}

/// Actors scored between two looks at the clock.
const BATCH: usize = 512;

/// The rankings of the prefixes of the query being typed, so that each keystroke does the
/// least work: a longer query rescores only the matches of the longest ranked prefix (a name
/// holding "kar" in order also holds "ka", and a capital only narrows the matcher's smart
/// case), and Backspace gets a shorter query's ranking back without ranking at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narrowing {
    /// (trimmed query, its ranking), each query a proper prefix of the next; the first is
    /// the empty query's list, every actor.
    kept: Vec<(String, Vec<ActorMatch>)>,
    /// A ranking under way, narrowing the last kept one.
    pending: Option<Pending>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Pending {
    query: String,
    /// The last kept ranking's actors, in actor order, and how many have been scored.
    candidates: Vec<ActorId>,
    next: usize,
    found: Vec<Scored>,
}

impl Narrowing {
    /// Starts from what the empty query shows: `all`, every actor in the order to show them.
    pub fn new(all: Vec<ActorMatch>) -> Narrowing {
        Narrowing {
            kept: vec![(String::new(), all)],
            pending: None,
        }
    }

    /// Ranks for `query`, for at most about `budget`: a kept ranking, one narrowed from the
    /// longest kept prefix, or (for the first character) the empty query's actors scored.
    /// Unfinished, it goes on with `work`; finished, it is kept to narrow the next one.
    /// Returns whether the ranking is complete.
    pub fn rank(
        &mut self,
        ranker: &Ranker,
        actors: &[Actor],
        query: &str,
        budget: Duration,
    ) -> bool {
        let query = query.trim();
        if self.pending.as_ref().is_some_and(|p| p.query == query) {
            return self.work(ranker, actors, budget);
        }
        // A ranking under way for another query is dropped; its prefix ranking is kept.
        self.pending = None;
        // Rankings of queries that this one does not extend are of no more use.
        while self.kept.len() > 1
            && self
                .kept
                .last()
                .is_some_and(|(q, _)| !query.starts_with(q.as_str()))
        {
            self.kept.pop();
        }
        if self.shown_query() == query {
            return true;
        }
        // A first key ranked ahead, when the ranking starts from every actor, as a search does.
        let from_everyone = self.kept.len() == 1 && self.matches().len() == actors.len();
        if from_everyone && ranker.names.cover(actors) {
            if let Some(ranking) = ranker.first_keys.ranking(query) {
                self.kept.push((query.to_string(), ranking));
                return true;
            }
        }
        self.pending = Some(Pending {
            query: query.to_string(),
            candidates: candidates(self.matches(), actors.len()),
            next: 0,
            found: Vec::new(),
        });
        self.work(ranker, actors, budget)
    }

    /// Goes on with the ranking under way for about `budget` (at least one batch of actors).
    /// Returns whether it is complete (also when none is under way).
    pub fn work(&mut self, ranker: &Ranker, actors: &[Actor], budget: Duration) -> bool {
        let Some(pending) = &mut self.pending else {
            return true;
        };
        let pattern = Pattern::new(&pending.query);
        let names = ranker.names(actors);
        let all = ranker.score(
            names,
            &pattern,
            &pending.candidates,
            &mut pending.next,
            &mut pending.found,
            budget,
        );
        if !all {
            return false;
        }
        if let Some(done) = self.pending.take() {
            self.kept.push((done.query, best_first(done.found)));
        }
        true
    }

    /// Whether a ranking is under way (`matches` then shows the last complete one).
    pub fn is_ranking(&self) -> bool {
        self.pending.is_some()
    }

    /// The query whose ranking `matches` gives.
    pub fn shown_query(&self) -> &str {
        self.kept.last().map_or("", |(q, _)| q.as_str())
    }

    /// The last complete ranking, best first.
    pub fn matches(&self) -> &[ActorMatch] {
        self.kept.last().map_or(&[], |(_, m)| m.as_slice())
    }

    /// The last complete ranking, to fill in match positions.
    pub fn matches_mut(&mut self) -> &mut [ActorMatch] {
        self.kept
            .last_mut()
            .map_or(&mut [], |(_, m)| m.as_mut_slice())
    }
}

/// The text of the name a match refers to.
pub fn matched_text(actor: &Actor, matched: MatchedName) -> &str {
    match matched {
        MatchedName::Name => &actor.name,
        MatchedName::Alias(i) => actor.aliases.get(i).map_or(&actor.name, String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            affiliation: None,
            description: None,
        }
    }

    #[test]
    fn ranks_by_score_over_names_and_aliases() {
        let actors = vec![
            actor("uk", "United Kingdom", &["U.K."]),
            actor("putin", "Vladimir Putin", &["President of Russia"]),
            actor("russia", "Russia", &["Russian State"]),
        ];
        let ranker = Ranker::default();
        let ranked = ranker.rank(&actors, "put");
        assert_eq!(ranked[0].actor, ActorId(1));
        assert_eq!(ranked[0].matched, MatchedName::Name);
        assert_eq!(ranked[0].indices, vec![9, 10, 11]);

        let ranked = ranker.rank(&actors, "president");
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].matched, MatchedName::Alias(0));
        assert!(ranker.rank(&actors, "").is_empty());
        assert!(ranker.rank(&actors, "zzz").is_empty());
    }

    /// Names like the generator's, with aliases, capitals, digits and a non-ASCII letter.
    fn many() -> Vec<Actor> {
        let first = ["Karolina", "Kwame", "Ingrid", "Élodie", "Tariq", "Mei"];
        let last = ["Karov", "Okafor", "Berg", "Tanaka", "Orlov"];
        (0..300)
            .map(|i| {
                let name = format!("{} {} {i}", first[i % 6], last[i % 5]);
                let aliases = if i % 3 == 0 {
                    vec![format!("Karelia Ministry {}", i % 7)]
                } else {
                    Vec::new()
                };
                let refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
                actor(&format!("a{i}"), &name, &refs)
            })
            .collect()
    }

    /// A ranking as `Narrowing` keeps it, without match positions.
    fn without_positions(mut ranked: Vec<ActorMatch>) -> Vec<ActorMatch> {
        for m in &mut ranked {
            m.indices.clear();
        }
        ranked
    }

    #[test]
    fn narrowing_ranks_every_prefix_as_ranking_from_scratch_would() {
        let actors = many();
        let ranker = Ranker::default();
        let all: Vec<ActorMatch> = (0..actors.len() as u32)
            .map(|i| ActorMatch::unranked(ActorId(i)))
            .collect();
        // Typing, with a capital (smart case turns case-sensitive), a space and a non-ASCII
        // letter; then Backspace back down, and a different second letter.
        let typed = [
            "k", "ka", "kar", "karo", "karov", "karov ", "karov 1", "kA", "kAr", "é", "él", "k",
            "kw", "", "o", "ok", "okb", "okbe", "ok",
        ];
        let mut narrowing = Narrowing::new(all.clone());
        for query in typed {
            assert!(narrowing.rank(&ranker, &actors, query, Duration::MAX));
            let expected = if query.trim().is_empty() {
                all.clone()
            } else {
                without_positions(ranker.rank(&actors, query))
            };
            assert_eq!(narrowing.matches(), expected.as_slice(), "query '{query}'");
        }
    }

    #[test]
    fn the_cheap_check_never_refuses_a_match() {
        let actors = many();
        let ranker = Ranker::default();
        for query in [
            "k",
            "KA",
            "kar9",
            "é",
            "élo",
            "Élo",
            "o 1",
            "zz",
            "ministry 3",
        ] {
            let pattern = Pattern::new(query);
            let mut refused = 0;
            for actor in &actors {
                for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                    // As the ranking matches: both sides unmarked, and folded unless
                    // case-sensitive.
                    let unmarked = unmark(name);
                    let name = pattern.name(&unmarked);
                    let matched = ranker.matcher.fuzzy_match(&name, &pattern.text).is_some();
                    assert!(
                        pattern.may_match(&name) || !matched,
                        "'{query}' in '{name}'"
                    );
                    refused += usize::from(!pattern.may_match(&name));
                }
            }
            // Each query misses some names, so a check that lets everything through fails.
            assert!(refused > 0, "'{query}' refused no name");
        }
    }

    /// Every actor scored by the matcher over each of its names, with no check before it
    /// and no threads: what any faster way of ranking must give.
    fn plainly_ranked(actors: &[Actor], query: &str) -> Vec<ActorMatch> {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let matcher = SkimMatcherV2::default().smart_case();
        // Letters with marks as the letter alone ("Élodie" is ranked as "Elodie" is), then
        // letters beyond ASCII folded on both sides, unless an ASCII capital makes the query
        // case-sensitive (the matcher folds ASCII itself).
        let sensitive = query.bytes().any(|b| b.is_ascii_uppercase());
        let folded = |text: &str| -> String {
            text.chars()
                .map(|c| {
                    let parts: Vec<char> = std::iter::once(c).nfd().collect();
                    match parts.split_first() {
                        Some((base, marks))
                            if !marks.is_empty() && marks.iter().all(|m| is_combining_mark(*m)) =>
                        {
                            *base
                        }
                        _ => c,
                    }
                })
                .map(|c| {
                    let mut small = c.to_lowercase();
                    match (sensitive, c.is_ascii(), small.len(), small.next()) {
                        (false, false, 1, Some(s)) => s,
                        _ => c,
                    }
                })
                .collect()
        };
        let mut query: String = folded(query.trim())
            .chars()
            .filter(|c| !is_combining_mark(*c))
            .collect();
        if !sensitive {
            query.make_ascii_lowercase();
        }
        let mut scored = Vec::new();
        for (i, actor) in actors.iter().enumerate() {
            let names = std::iter::once(&actor.name).chain(&actor.aliases);
            let mut best: Option<Scored> = None;
            for (which, name) in names.enumerate() {
                let matched = match which {
                    0 => MatchedName::Name,
                    a => MatchedName::Alias(a - 1),
                };
                if let Some(score) = matcher.fuzzy_match(&folded(name), &query) {
                    if best.is_none_or(|(s, _, _)| score > s) {
                        best = Some((score, ActorId(i as u32), matched));
                    }
                }
            }
            scored.extend(best);
        }
        best_first(scored)
    }

    #[test]
    fn case_is_ignored_beyond_ascii_unless_an_ascii_capital_asks_for_it() {
        let actors = vec![
            actor("zola", "Émile Zola", &[]),
            actor("ru", "Россия", &["РФ"]),
            actor("gr", "ΚΑΡΟ Παπαδόπουλος", &[]),
            actor("ist", "İstanbul", &[]),
        ];
        for ranker in [Ranker::new(&actors), Ranker::default()] {
            let found = |query: &str| -> Vec<(String, Vec<usize>)> {
                ranker
                    .rank(&actors, query)
                    .into_iter()
                    .map(|m| {
                        let actor = &actors[m.actor.index()];
                        (actor.id.clone(), ranker.positions(actor, m.matched, query))
                    })
                    .collect()
            };
            assert_eq!(found("émile"), [("zola".to_string(), vec![0, 1, 2, 3, 4])]);
            assert_eq!(found("рос"), [("ru".to_string(), vec![0, 1, 2])]);
            assert_eq!(found("рф").len(), 1);
            assert_eq!(found("καρο")[0].0, "gr");
            // An ASCII capital makes the query case-sensitive, as for ASCII names.
            assert_eq!(found("Émile Z").len(), 1);
            assert!(found("éMILE").is_empty());
            // A letter whose small form is longer is left as written.
            assert_eq!(found("İst").len(), 1);
        }
    }

    /// Found by a new user's trial: `actors --search skoda` and the browser's `/skod` did not
    /// find Škoda, though `draft` matches names with accents aside.
    #[test]
    fn accents_and_other_marks_are_set_aside_on_both_sides() {
        let actors = vec![
            actor("skoda", "Škoda", &[]),
            actor("lodz", "Łódź", &["Lodz city"]),
            actor("zola", "Émile Zola", &[]),
            actor("ist", "İstanbul", &[]),
            actor("wien", "Wien", &[]),
        ];
        for ranker in [Ranker::new(&actors), Ranker::default()] {
            let found = |query: &str| -> Vec<(String, Vec<usize>)> {
                ranker
                    .rank(&actors, query)
                    .into_iter()
                    .map(|m| (actors[m.actor.index()].id.clone(), m.indices))
                    .collect()
            };
            for query in ["skoda", "škoda", "Škoda", "Skoda", "s\u{30c}koda"] {
                assert_eq!(
                    found(query),
                    [("skoda".to_string(), vec![0, 1, 2, 3, 4])],
                    "{query}"
                );
            }
            assert_eq!(found("skod"), [("skoda".to_string(), vec![0, 1, 2, 3])]);
            // Ł has no mark to take off; ó and ź do.
            assert_eq!(found("łodz")[0], ("lodz".to_string(), vec![0, 1, 2, 3]));
            assert_eq!(found("emile")[0].0, "zola");
            assert_eq!(found("Emile")[0].0, "zola");
            assert_eq!(found("ist")[0].0, "ist");
            // The places fit the name as written, its marks and all.
            let name = &actors[1].name;
            let shown: String = found("ódź")[0]
                .1
                .iter()
                .filter_map(|&i| name.chars().nth(i))
                .collect();
            assert_eq!(shown, "ódź");
            // Still a case-sensitive query when it has an ASCII capital.
            assert!(found("SKODA").is_empty());
            assert!(found("ŠKODA").is_empty());
        }
        // Typed a key at a time in the browser, from every actor.
        let everyone = (0..actors.len() as u32)
            .map(|i| ActorMatch::unranked(ActorId(i)))
            .collect();
        let mut narrowing = Narrowing::new(everyone);
        let ranker = Ranker::new(&actors);
        assert!(narrowing.rank(&ranker, &actors, "s", Duration::MAX));
        assert!(narrowing.rank(&ranker, &actors, "sk", Duration::MAX));
        let ids: Vec<&str> = narrowing
            .matches()
            .iter()
            .map(|m| actors[m.actor.index()].id.as_str())
            .collect();
        assert_eq!(ids, ["skoda"]);
    }

    #[test]
    fn rankings_from_the_actors_or_their_gathered_names_are_the_plain_ranking() {
        let (mut actors, _) = crowd();
        // Names beyond ASCII: accents, a Kelvin sign, Greek, CJK, an emoji, and case pairs
        // whose folding differs from ASCII's.
        let more = [
            "Ökonomie Karo",
            "\u{212A}arolina",
            "ΚΑΡΟ Παπαδόπουλος",
            "カロ Karō",
            "Karo 🙂 Group",
            "İstanbul Karo",
            "KARO ß",
        ];
        for (i, name) in more.iter().enumerate() {
            actors.push(actor(&format!("x{i}"), name, &["Straße", "Karol Ünal"]));
        }
        for threads in [1, 2] {
            let gathered = Ranker::new(&actors).with_threads(threads);
            let from_actors = Ranker::default().with_threads(threads);
            for query in [
                "karo",
                "k",
                "KA",
                "kar 1",
                "é",
                "élo",
                "Ö",
                "ö",
                "ka",
                "κα",
                "ΚΑ",
                "Ök",
                "ß",
                "🙂",
                "i",
                "zz",
                "oko",
                "O",
                "ist",
                "İ",
                "karol u",
                "e\u{301}lo",
            ] {
                let plain = plainly_ranked(&actors, query);
                let gathered = gathered.rank_among(&actors, query, None);
                let direct = from_actors.rank_among(&actors, query, None);
                assert_eq!(gathered, plain, "'{query}' gathered, {threads} threads");
                assert_eq!(
                    direct, plain,
                    "'{query}' from the actors, {threads} threads"
                );
            }
        }
        // The names beyond ASCII are among what is ranked.
        let first_added = actors.len() - more.len();
        for query in ["ΚΑ", "🙂", "Ök", "ß"] {
            let plain = plainly_ranked(&actors, query);
            assert!(
                plain.iter().any(|m| m.actor.index() >= first_added),
                "'{query}'"
            );
        }
    }

    #[test]
    fn positions_are_those_of_the_matched_name() {
        let actors = many();
        let ranker = Ranker::default();
        let ranked = ranker.rank(&actors, "kmin");
        let first = &ranked[0];
        assert_eq!(first.matched, MatchedName::Alias(0));
        assert_eq!(
            first.indices,
            ranker.positions(&actors[first.actor.index()], first.matched, "kmin")
        );
        assert!(!first.indices.is_empty());
    }

    /// More actors than three threads' first batches (with no time at all, each call scores
    /// one batch on each thread), and the list a search starts from.
    fn crowd() -> (Vec<Actor>, Vec<ActorMatch>) {
        let mut actors = many();
        while actors.len() <= 3 * BATCH {
            actors.extend(many());
        }
        let all = (0..actors.len() as u32)
            .map(|i| ActorMatch::unranked(ActorId(i)))
            .collect();
        (actors, all)
    }

    #[test]
    fn a_ranking_in_slices_on_any_number_of_threads_ends_as_a_ranking_at_once() {
        let (actors, all) = crowd();
        // What one thread ranks at once is what every split must end with.
        let alone = Ranker::new(&actors).with_threads(1);
        let expected = |query: &str| without_positions(alone.rank(&actors, query));
        for threads in [1, 2, 3] {
            // Made for these actors: their names gathered once, as the browser's ranker.
            let ranker = Ranker::new(&actors).with_threads(threads);
            let mut narrowing = Narrowing::new(all.clone());
            assert!(!narrowing.rank(&ranker, &actors, "k", Duration::ZERO));
            assert!(narrowing.is_ranking());
            assert_eq!(
                narrowing.shown_query(),
                "",
                "the last complete ranking shows meanwhile"
            );
            // Typing on starts the longer query from the last complete ranking.
            assert!(!narrowing.rank(&ranker, &actors, "ka", Duration::ZERO));
            while !narrowing.work(&ranker, &actors, Duration::ZERO) {}
            assert!(!narrowing.is_ranking());
            assert_eq!(narrowing.shown_query(), "ka");
            assert_eq!(
                narrowing.matches(),
                expected("ka").as_slice(),
                "{threads} threads"
            );
            // And narrowed from there, in slices again.
            narrowing.rank(&ranker, &actors, "kar 1", Duration::ZERO);
            while !narrowing.work(&ranker, &actors, Duration::ZERO) {}
            assert_eq!(
                narrowing.matches(),
                expected("kar 1").as_slice(),
                "{threads} threads"
            );
            assert_eq!(
                without_positions(ranker.rank(&actors, "kmin")),
                expected("kmin"),
                "{threads} threads, at once"
            );
        }
    }

    #[test]
    fn a_first_key_ranked_ahead_is_the_ranking_it_would_get_at_once() {
        // More actors than one slice scores with no time at all, so that only a ranking made
        // ahead can complete at once.
        let (actors, all) = crowd();
        let alone = Ranker::new(&actors).with_threads(1);
        let mut ranker = Ranker::new(&actors);
        assert!(ranker.is_preparing());
        // Made in slices with no time at all: each slice still gets somewhere.
        let mut slices = 1;
        while !ranker.prepare(Duration::ZERO) {
            slices += 1;
        }
        assert!(slices > 36, "{slices} slices");
        assert!(!ranker.is_preparing());
        assert!(ranker.prepared_bytes() > 0);
        for key in "abcdefghijklmnopqrstuvwxyz0123456789".chars() {
            let query = key.to_string();
            let mut narrowing = Narrowing::new(all.clone());
            assert!(
                narrowing.rank(&ranker, &actors, &query, Duration::ZERO),
                "'{key}' ranked ahead"
            );
            let expected = without_positions(alone.rank(&actors, &query));
            assert_eq!(narrowing.matches(), expected.as_slice(), "'{key}'");
            // Typing on narrows from it as from a ranking made on demand.
            let longer = format!("{key}a");
            while !narrowing.rank(&ranker, &actors, &longer, Duration::MAX) {}
            let expected = without_positions(alone.rank(&actors, &longer));
            assert_eq!(narrowing.matches(), expected.as_slice(), "'{longer}'");
        }
        // A capital or a non-ASCII first key is ranked on demand.
        for query in ["K", "é"] {
            let mut narrowing = Narrowing::new(all.clone());
            assert!(!narrowing.rank(&ranker, &actors, query, Duration::ZERO));
            while !narrowing.work(&ranker, &actors, Duration::ZERO) {}
            let expected = without_positions(alone.rank(&actors, query));
            assert_eq!(narrowing.matches(), expected.as_slice(), "'{query}'");
        }
        // A ranking that does not start from every actor does not use them.
        let mut narrowing = Narrowing::new(all[..BATCH * 3].to_vec());
        assert!(!narrowing.rank(&ranker, &actors, "k", Duration::ZERO));
    }

    #[test]
    fn a_ranker_for_no_actors_or_made_by_default_prepares_nothing() {
        assert!(!Ranker::default().is_preparing());
        assert!(!Ranker::new(&[]).is_preparing());
        let mut ranker = Ranker::default();
        assert!(ranker.prepare(Duration::ZERO));
        assert_eq!(ranker.prepared_bytes(), 0);
    }
}
