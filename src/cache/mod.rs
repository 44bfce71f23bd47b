//! The cache of loaded datasets, in the user's cache folder ($XDG_CACHE_HOME/chronicle, else
//! ~/.cache/chronicle; never the dataset folder): reopening an unchanged dataset reads an
//! image of its checked, sorted and indexed timeline instead of parsing and checking it again,
//! and `check` reads only the entry's summary.
//!
//! An entry is used only when everything it depends on is byte for byte what it was: the
//! dataset's files and every source file (hashed, not dated: an edit that keeps the size and
//! the modification time still counts), this build of the program (the executable's own hash)
//! and the format. Anything else, a cut or damaged file included, means a fresh load, which
//! then replaces the entry. A cache that cannot be written only costs the next open its speed.
//!
//! One file per dataset folder, named by a hash of its resolved path: an entry is replaced,
//! never piled up beside older ones, and each write prunes the folder (see `Cache::prune`).
//! Layout: a prefix (magic, format, build, the header's length), the header (what the entry
//! depends on, and the summary `check` prints) with its checksum, then the timeline's image
//! (see `image`) followed by a trailer: where the parts that the browser's first screen and
//! `chronicle actors` read end and begin, with their checksums, then the image's length and checksum.

mod bytes;
mod image;
mod key;

use std::fs::{self, File};
use std::io::{self, BufWriter, Read as _, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use bytes::{Corrupt, In, Out, Read};
use image::Marks;
pub use key::Digest;

use crate::files::DatasetLocation;
use crate::load::{
    self, Dataset, Progress, ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE,
};
use crate::problem::{Problem, Severity};
use crate::roster::Counted;

/// The layout's version: raised whenever what `image` or this module writes changes.
pub const FORMAT: u32 = 6;
const MAGIC: &[u8; 8] = b"CHRNIMG\0";
/// Magic, format, build, header length.
const PREFIX_LEN: usize = 8 + 4 + 16 + 8;
/// Set to turn the cache off, as `--no-cache` does: any value but the false words below.
pub const NO_CACHE_VAR: &str = "CHRONICLE_NO_CACHE";

/// Whether `CHRONICLE_NO_CACHE=value` turns the cache off: all but empty, `0`, `false`, `no`
/// and `off` (in any case), which are read as "not turned off", as a person setting them means.
fn turns_off(value: &std::ffi::OsStr) -> bool {
    let value = value.to_string_lossy().trim().to_ascii_lowercase();
    !matches!(value.as_str(), "" | "0" | "false" | "no" | "off")
}

/// The dataset files an entry depends on, besides the source files (absent ones too: one
/// appearing is a change).
const DATASET_FILES: [&str; 4] = [
    SOURCES_FILE,
    ACTORS_FILE,
    EVENTS_LINES_FILE,
    EVENTS_ARRAY_FILE,
];

/// The folder entries are kept in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// What `check` prints of a dataset that loaded cleanly, kept in an entry's header.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub name: String,
    pub events: usize,
    pub actors: usize,
    pub sources: usize,
    pub quotes: usize,
    pub notes: Vec<Problem>,
}

impl Summary {
    pub fn of(dataset: &Dataset) -> Summary {
        let timeline = &dataset.timeline;
        Summary {
            name: dataset.name.clone(),
            events: timeline.events().len(),
            actors: timeline.actors().len(),
            sources: timeline.sources().len(),
            quotes: dataset.quote_count(),
            notes: dataset.notes.clone(),
        }
    }
}

/// Why an entry was not used. `Damaged` is worth a note; the others are the ordinary life of
/// a cache.
#[derive(Debug, PartialEq, Eq)]
pub enum Miss {
    /// No entry for this folder, or one for other contents of it, another build or format.
    Stale,
    /// The entry cannot be read as one: cut short, damaged or not a cache file at all.
    Damaged(PathBuf, String),
}

impl Cache {
    /// The user's cache folder, unless the cache is turned off (`--no-cache`, or
    /// CHRONICLE_NO_CACHE set) or there is no home to find it in.
    pub fn from_env(no_cache: bool) -> Option<Cache> {
        let off = std::env::var_os(NO_CACHE_VAR).is_some_and(|v| turns_off(&v));
        if no_cache || off {
            return None;
        }
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            // The XDG rule: a relative path is to be ignored.
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
        Some(Cache::at(base.join("chronicle")))
    }

    /// A cache in `dir` (tests, and `from_env`).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The entry's file for the dataset folder `root`: by its resolved path, so that every
    /// way of writing it (`data`, `./data/`, its absolute path, a link to it) shares one
    /// entry. Messages still show the folder as typed: the notes are rewritten on reading.
    pub fn entry_path(&self, root: &Path) -> PathBuf {
        let hash = xxhash_rust::xxh3::xxh3_64(resolved(root).as_os_str().as_encoded_bytes());
        self.dir.join(format!("{hash:016x}{ENTRY}"))
    }

    /// The summary of the dataset in `root`, when its entry is current: `check` on an
    /// unchanged dataset reads only this, and the dataset's files only to hash them.
    pub fn summary(&self, root: &Path) -> Result<Summary, Miss> {
        let mut phases = load::Phases::new();
        let path = self.entry_path(root);
        let mut file = open_entry(&path)?;
        let (header, header_len) = open_header(root, &mut file).map_err(|e| miss(&path, e))?;
        header.current(root)?;
        // The image is not read, but an entry cut short is noticed (and then replaced by the
        // load that follows): its length is the header's, the image's and the trailer's.
        let trailer = read_trailer(&mut file).map_err(|e| miss(&path, e))?;
        let size = file.metadata().map_err(|_| Miss::Stale)?.len();
        let whole = ((PREFIX_LEN + header_len + 16 + TRAILER_LEN) as u64).checked_add(trailer.len);
        if whole != Some(size) {
            return Err(damaged(&path, "it was cut short"));
        }
        used(&file);
        phases.done("summary");
        Ok(header.summary)
    }

    /// The dataset in `root` from its entry, when the entry is current and whole.
    pub fn dataset(&self, root: &Path) -> Result<Dataset, Miss> {
        let mut phases = load::Phases::new();
        let Entry {
            path,
            map,
            header,
            payload,
            ..
        } = self.entry(root, true)?;
        phases.done("entry");
        let start = payload.start;
        // Each part of the image, once read, leaves the process's memory (the file's pages
        // stay in the page cache): the peak is the timeline, not the timeline and its image.
        let release = |part: &[u8]| {
            let offset = part.as_ptr() as usize - map.as_ptr() as usize;
            // SAFETY: DONTNEED on a read-only shared map of a file only drops this process's
            // pages of it; a later read of them finds the file's bytes again, which do not
            // change (entries are replaced by renaming, never written in place).
            let _ = unsafe {
                map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, offset, part.len())
            };
        };
        let timeline =
            image::read(&map[start..payload.end], &release).map_err(|e| miss(&path, e))?;
        phases.done("image");
        Ok(Dataset {
            name: header.summary.name,
            timeline,
            notes: header.summary.notes,
        })
    }

    /// The first `rows` events of the dataset in `root` (with the actors they name and those
    /// these are affiliated with, and the sources they quote) from its entry, when the entry is current and whole, and how many events
    /// the dataset holds: the browser's first screen, drawn while the rest is read. `None`
    /// when the entry is current but holds fewer than `from` events, which are read whole
    /// as fast.
    pub fn head(
        &self,
        root: &Path,
        rows: usize,
        from: usize,
    ) -> Result<Option<(Dataset, usize)>, Miss> {
        let Entry {
            path,
            map,
            header,
            payload,
            marks,
        } = self.entry(root, false)?;
        let total = header.summary.events;
        if total < from {
            return Ok(None);
        }
        let screen = marks.screen_at as usize..marks.screen_end as usize;
        let timeline = image::read_head(&map[payload], rows, screen).map_err(|e| miss(&path, e))?;
        Ok(Some((
            Dataset {
                name: header.summary.name,
                timeline,
                notes: header.summary.notes,
            },
            total,
        )))
    }

    /// The actors of the dataset in `root` with how many events each is in, and the notes of
    /// its load, from its entry when that is current and its actors' part whole: only that
    /// part is read (and checked), so a damage elsewhere in the entry does not change the
    /// answer, and is found by the next command that reads the rest.
    pub fn actors(&self, root: &Path) -> Result<(Counted, Vec<Problem>), Miss> {
        let mut phases = load::Phases::new();
        let path = self.entry_path(root);
        let mut file = open_entry(&path)?;
        let (header, header_len) = open_header(root, &mut file).map_err(|e| miss(&path, e))?;
        phases.done("header");
        header.current(root)?;
        phases.done("hashed");
        let trailer = read_trailer(&mut file).map_err(|e| miss(&path, e))?;
        let start = (PREFIX_LEN + header_len + 16) as u64;
        let size = file.metadata().map_err(|_| Miss::Stale)?.len();
        let Marks {
            actors_end,
            actors_sum,
            ..
        } = trailer.marks;
        let whole = start
            .checked_add(trailer.len)
            .and_then(|end| end.checked_add(TRAILER_LEN as u64));
        if whole != Some(size) || actors_end > trailer.len {
            return Err(damaged(&path, "it was cut short"));
        }
        let len = usize::try_from(actors_end).map_err(|_| damaged(&path, "it was cut short"))?;
        // Mapped, its pages mapped at once, rather than read: a read copies the part into
        // as much fresh memory, which the system hands over a page at a time.
        // SAFETY: entries are only ever replaced by renaming a new file over them, never
        // written in place (see `entry`).
        let part = unsafe {
            memmap2::MmapOptions::new()
                .offset(start)
                .len(len)
                .populate()
                .map(&file)
        }
        .map_err(|_| Miss::Stale)?;
        if xxhash_rust::xxh3::xxh3_128(&part) != actors_sum {
            return Err(damaged(&path, "its checksum does not match"));
        }
        phases.done("read");
        let image::ActorsPart {
            actors,
            counts,
            clashes,
        } = image::read_actors(&part).map_err(|e| miss(&path, e))?;
        phases.done("actors");
        Ok((
            Counted::with_clashes(actors, counts, clashes),
            header.summary.notes,
        ))
    }

    /// The entry for `root`, once it is found current (the files hashed) and whole (its
    /// checksums right: all of it, or when not `whole` the parts the first screen reads, see
    /// `Marks`).
    fn entry(&self, root: &Path, whole: bool) -> Result<Entry, Miss> {
        let path = self.entry_path(root);
        let mut file = open_entry(&path)?;
        let (header, header_len) = open_header(root, &mut file).map_err(|e| miss(&path, e))?;
        header.current(root)?;
        used(&file);
        let start = PREFIX_LEN + header_len + 16;
        // The whole image's checksum is read through the file, not the map, so that the whole
        // image is not counted in the process's memory; the map is of the same open file, so
        // of the same bytes even if a new entry is renamed over this one meanwhile.
        let trailer = if whole {
            check_payload(&mut file).map_err(|e| miss(&path, e))?
        } else {
            read_trailer(&mut file).map_err(|e| miss(&path, e))?
        };
        let len = usize::try_from(trailer.len).map_err(|_| damaged(&path, "it was cut short"))?;
        // SAFETY: entries are only ever replaced by renaming a new file over them, never
        // written in place, so the mapped file does not change under the map. A program that
        // did write into it could only make the image's own checks fail.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|_| Miss::Stale)?;
        let payload = start..start.saturating_add(len);
        if map.len() != payload.end.saturating_add(TRAILER_LEN) {
            return Err(damaged(&path, "it was cut short"));
        }
        if !whole {
            // The first screen reads only the parts the marks cover: those are checked.
            let image = &map[payload.clone()];
            let Marks {
                actors_end,
                actors_sum,
                screen_at,
                screen_end,
                screen_sum,
                tail_at,
                tail_sum,
            } = trailer.marks;
            let part = |from: u64, to: u64| image.get(from as usize..to as usize);
            let fits = |part: Option<&[u8]>, sum: u128| {
                part.is_some_and(|p| xxhash_rust::xxh3::xxh3_128(p) == sum)
            };
            if !fits(part(0, actors_end), actors_sum)
                || !fits(part(screen_at, screen_end), screen_sum)
                || !fits(part(tail_at, trailer.len), tail_sum)
            {
                return Err(damaged(&path, "its checksum does not match"));
            }
        }
        Ok(Entry {
            path,
            map,
            header,
            payload,
            marks: trailer.marks,
        })
    }

    /// Writes the entry for `dataset`, loaded from `root` while its dataset files were as
    /// `before` says (taken before the load: when they changed during it, nothing is written,
    /// as the entry could not say which contents it holds, even when a write put the bytes
    /// back as they were). Written to a temporary file and renamed into place, so a reader
    /// sees the old entry or the new one, never part of one.
    pub fn store(&self, root: &Path, dataset: &Dataset, before: &Before) -> io::Result<()> {
        self.store_unless(
            root,
            dataset,
            &dataset.notes,
            before,
            &AtomicBool::new(false),
        )
        .map(|_| ())
    }

    /// `store`, given up as soon as `stop` is set (a person who quit and will not wait): the
    /// temporary file goes with it, rather than waiting as big as an entry for the next write
    /// to remove it. Whether the entry was written. `notes` are the load's notes to keep in
    /// the entry (not those about the cache itself, such as a damaged entry passed over).
    pub fn store_unless(
        &self,
        root: &Path,
        dataset: &Dataset,
        notes: &[Problem],
        before: &Before,
        stop: &AtomicBool,
    ) -> io::Result<bool> {
        let Some(build) = key::build() else {
            return Ok(false);
        };
        let mut phases = load::Phases::new();
        let top = dataset_digests(root)?;
        // Looked at after the hashing: a write during it moves them too.
        if top != before.digests || dataset_stamps(root) != before.stamps {
            return Ok(false);
        }
        let Some(sources) = source_digests(root, dataset)? else {
            return Ok(false);
        };
        phases.done("hashed");
        if stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        fs::create_dir_all(&self.dir)?;
        self.remove_abandoned();
        let mut temp = tempfile::Builder::new()
            .prefix(TEMPORARY)
            .tempfile_in(&self.dir)?;
        let mut header = Out::new(Vec::new());
        let summary = Summary {
            notes: notes.to_vec(),
            ..Summary::of(dataset)
        };
        write_header(&mut header, root, &top, &sources, &summary)?;
        let (header, _, header_sum) = header.finish()?;
        {
            let mut sink = BufWriter::new(Stoppable {
                inner: temp.as_file_mut(),
                stop,
            });
            sink.write_all(MAGIC)?;
            sink.write_all(&FORMAT.to_le_bytes())?;
            sink.write_all(&build.to_le_bytes())?;
            sink.write_all(&(header.len() as u64).to_le_bytes())?;
            sink.write_all(&header)?;
            sink.write_all(&header_sum.to_le_bytes())?;
            let mut payload = Out::new(sink);
            let marks = image::write(&dataset.timeline, &mut payload)?;
            let (mut sink, len, sum) = payload.finish()?;
            let trailer = Trailer { marks, len, sum };
            sink.write_all(&trailer.bytes())?;
            sink.flush()?;
        }
        // No fsync: after a crash a cut or empty entry fails its checksum and is replaced,
        // and syncing hundreds of megabytes would cost the load seconds.
        let entry = self.entry_path(root);
        temp.persist(&entry).map_err(|e| e.error)?;
        phases.done("stored");
        self.prune(&entry);
        phases.done("pruned");
        Ok(true)
    }
}

/// A writer that fails once `stop` is set, so that a write in progress ends at its next
/// buffer and the temporary file is dropped.
struct Stoppable<'a, W> {
    inner: W,
    stop: &'a AtomicBool,
}

impl<W: Write> Write for Stoppable<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) {
            // Not `Interrupted`, which `write_all` would try again.
            return Err(io::Error::other("the cache write was skipped"));
        }
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Cache {
    /// Removes temporary files that a process ended in the middle of writing an entry left
    /// behind (killed, or quit while the browser's reload thread wrote one): each is as big as
    /// an entry. Only those untouched for `ABANDONED`, so that one being written now stays.
    fn remove_abandoned(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= ABANDONED);
            if old && entry.file_name().to_string_lossy().starts_with(TEMPORARY) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

impl Cache {
    /// Keeps the cache folder bounded: removes entries unused for `UNUSED` or whose dataset
    /// folder is gone, then the least recently used until all fit in `cap` (never `kept`,
    /// the entry just written).
    fn prune(&self, kept: &Path) {
        let Ok(listing) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = Vec::new();
        for entry in listing.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if !meta.is_file() || !entry.file_name().to_string_lossy().ends_with(ENTRY) {
                continue;
            }
            let last_used = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            let unused = last_used.elapsed().is_ok_and(|age| age >= UNUSED);
            if path != kept && (unused || folder_gone(&path)) {
                let _ = fs::remove_file(&path);
                continue;
            }
            entries.push((last_used, meta.len(), path));
        }
        let newest = fs::metadata(kept).map_or(0, |m| m.len());
        let cap = cap(newest);
        let mut total: u64 = entries.iter().map(|(_, len, _)| len).sum();
        entries.sort();
        for (_, len, path) in entries {
            if total <= cap {
                break;
            }
            if path != kept && fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

/// Marks an entry used now (its modification time: entries are written once, by renaming),
/// for pruning the least recently used. Best effort: a cache not ours to touch keeps its time.
fn used(file: &File) {
    let _ = file.set_modified(std::time::SystemTime::now());
}

/// How long an entry may go unused before it is removed.
const UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// The most the cache folder keeps: 2 GB, or four times the entry just written when that is
/// bigger, so that the biggest dataset in use always fits with a few others.
fn cap(newest: u64) -> u64 {
    (2u64 << 30).max(newest.saturating_mul(4))
}

/// Whether the entry at `path` is of this format and names a dataset folder that no longer
/// exists (renamed, moved or deleted: its entry could never be used again).
fn folder_gone(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut start = Vec::new();
    // The prefix, then the header's first field: the resolved folder, a length and its bytes.
    if (&file)
        .take((PREFIX_LEN + 8 + 4096) as u64)
        .read_to_end(&mut start)
        .is_err()
        || start.get(..8) != Some(MAGIC.as_slice())
        || start.get(8..12) != Some(FORMAT.to_le_bytes().as_slice())
    {
        return false;
    }
    let mut input = In::new(start.get(PREFIX_LEN..).unwrap_or_default());
    match input.str() {
        Ok(folder) => matches!(
            fs::metadata(folder),
            Err(e) if e.kind() == io::ErrorKind::NotFound
        ),
        Err(_) => false,
    }
}

/// `root` resolved (links followed, `.` and `..` gone), or as given when it cannot be.
fn resolved(root: &Path) -> PathBuf {
    fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// How an entry's name ends.
const ENTRY: &str = ".img";
/// An entry found current and whole (`Cache::entry`).
struct Entry {
    path: PathBuf,
    map: memmap2::Mmap,
    header: Header,
    /// Where the image lies in `map`.
    payload: Range<usize>,
    marks: Marks,
}

/// The entry's file at `path`, when there is one to read: anything else in its place (a
/// folder made there, say) is no entry, not a damaged one, and the note about it would come
/// back on every run, as a file can never be renamed over it.
fn open_entry(path: &Path) -> Result<File, Miss> {
    let file = File::open(path).map_err(|_| Miss::Stale)?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        _ => Err(Miss::Stale),
    }
}

/// How a temporary entry's name starts.
const TEMPORARY: &str = ".entry";
/// How long a temporary entry must have been left untouched to be taken for abandoned.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(600);

/// The dataset files as they were before a load, for `store`: their hashes, and their stamps
/// (`files::stamp`), which any write moves, even one that puts the bytes back as they were
/// while the load read them.
#[derive(Clone, Debug, PartialEq)]
pub struct Before {
    digests: Vec<Digest>,
    stamps: Vec<Option<crate::files::Stamp>>,
}

/// The dataset files as they are, to take before a load and give to `store`; an error as for
/// `dataset_digests`.
pub fn dataset_before(root: &Path) -> io::Result<Before> {
    // Stamped first: a write during the hashing moves the stamps.
    let stamps = dataset_stamps(root);
    Ok(Before {
        digests: dataset_digests(root)?,
        stamps,
    })
}

fn dataset_stamps(root: &Path) -> Vec<Option<crate::files::Stamp>> {
    DATASET_FILES
        .iter()
        .map(|f| crate::files::stamp(&root.join(f)))
        .collect()
}

/// The hashes of the dataset files.
/// An error when any is one the loader would refuse (then nothing is read from the cache or
/// written to it: the load from the files reports the problem).
pub fn dataset_digests(root: &Path) -> io::Result<Vec<Digest>> {
    DATASET_FILES
        .iter()
        .map(|f| key::file_digest(root, f, crate::files::DATASET_FILES))
        .collect()
}

/// Each source file named in `dataset` with its hash, each file once; `None` when a file does
/// not hold the text that was loaded (it changed during the load).
fn source_digests(root: &Path, dataset: &Dataset) -> io::Result<Option<Vec<(String, Digest)>>> {
    let mut files: Vec<(&str, &str)> = dataset
        .timeline
        .sources()
        .iter()
        .filter(|s| !s.file.is_empty())
        .map(|s| (s.file.as_str(), s.text.as_str()))
        .collect();
    files.sort_unstable();
    files.dedup_by(|a, b| a.0 == b.0);
    let names: Vec<&str> = files.iter().map(|(f, _)| *f).collect();
    let digests = key::source_digests(root, &names)?;
    let mut out = Vec::with_capacity(files.len());
    for ((file, text), digest) in files.iter().zip(digests) {
        // The loaded text is the file's bytes, less a byte order mark.
        let same = |bytes: &[u8]| digest == Some(xxhash_rust::xxh3::xxh3_128(bytes));
        if !same(text.as_bytes()) && !same(&[b"\xEF\xBB\xBF", text.as_bytes()].concat()) {
            return Ok(None);
        }
        out.push((file.to_string(), digest));
    }
    Ok(Some(out))
}

fn damaged(path: &Path, why: &str) -> Miss {
    Miss::Damaged(path.to_path_buf(), why.to_string())
}

/// A read that failed: stale when the entry is another format's or build's, else damaged.
fn miss(path: &Path, corrupt: Corrupt) -> Miss {
    if corrupt.0.is_empty() {
        Miss::Stale
    } else {
        Miss::Damaged(path.to_path_buf(), corrupt.0)
    }
}

/// Reads the prefix and the header at the start of `file`, leaving its place just after the
/// header; the header and its length.
fn open_header(root: &Path, file: &mut File) -> Read<(Header, usize)> {
    let header_len = read_prefix_from(file)?;
    let size = file
        .metadata()
        .map_err(|_| Corrupt("it cannot be read".into()))?
        .len();
    // A damaged length must not ask for gigabytes: the header lies within the file.
    if (PREFIX_LEN as u64)
        .saturating_add(header_len as u64)
        .saturating_add(16)
        > size
    {
        return Err(Corrupt("it ends too early".into()));
    }
    let mut header = vec![0u8; header_len + 16];
    file.read_exact(&mut header)
        .map_err(|_| Corrupt("it ends too early".into()))?;
    Ok((read_header(root, &header)?, header_len))
}

/// `read_prefix` of the start of `file`, which may be shorter than a prefix.
fn read_prefix_from(file: &mut File) -> Read<usize> {
    let mut prefix = Vec::with_capacity(PREFIX_LEN);
    (&mut *file)
        .take(PREFIX_LEN as u64)
        .read_to_end(&mut prefix)
        .map_err(|_| Corrupt("it cannot be read".into()))?;
    read_prefix(&prefix)
}

/// The header's length, when the prefix is this format's and this build's. Another format or
/// build is stale (an empty `Corrupt`), not damaged.
fn read_prefix(bytes: &[u8]) -> Read<usize> {
    let mut input = In::new(bytes);
    if input.bytes(8).ok() != Some(MAGIC.as_slice()) {
        return Err(Corrupt("it is not a chronicle cache file".into()));
    }
    let format = input.u32()?;
    let build = u128::from_le_bytes(input.array()?);
    if format != FORMAT || Some(build) != key::build() {
        return Err(Corrupt(String::new()));
    }
    usize::try_from(input.u64()?).map_err(|_| Corrupt("its header is too long".into()))
}

/// What follows an image: the marks of its parts the first screen reads, its length and its
/// checksum.
struct Trailer {
    marks: Marks,
    len: u64,
    sum: u128,
}

const TRAILER_LEN: usize = 8 + 16 + 8 + 8 + 16 + 8 + 16 + 8 + 16;

impl Trailer {
    fn bytes(&self) -> Vec<u8> {
        let m = &self.marks;
        let mut out = Vec::with_capacity(TRAILER_LEN);
        out.extend_from_slice(&m.actors_end.to_le_bytes());
        out.extend_from_slice(&m.actors_sum.to_le_bytes());
        out.extend_from_slice(&m.screen_at.to_le_bytes());
        out.extend_from_slice(&m.screen_end.to_le_bytes());
        out.extend_from_slice(&m.screen_sum.to_le_bytes());
        out.extend_from_slice(&m.tail_at.to_le_bytes());
        out.extend_from_slice(&m.tail_sum.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.sum.to_le_bytes());
        out
    }

    fn read(bytes: &[u8]) -> Read<Trailer> {
        let mut input = In::new(bytes);
        let marks = Marks {
            actors_end: input.u64()?,
            actors_sum: u128::from_le_bytes(input.array()?),
            screen_at: input.u64()?,
            screen_end: input.u64()?,
            screen_sum: u128::from_le_bytes(input.array()?),
            tail_at: input.u64()?,
            tail_sum: u128::from_le_bytes(input.array()?),
        };
        Ok(Trailer {
            marks,
            len: input.u64()?,
            sum: u128::from_le_bytes(input.array()?),
        })
    }
}

/// The trailer at the end of `file`, unchecked but for its place.
fn read_trailer(file: &mut File) -> Read<Trailer> {
    use std::io::{Seek, SeekFrom};
    let short = || Corrupt("it ends too early".into());
    file.seek(SeekFrom::End(-(TRAILER_LEN as i64)))
        .map_err(|_| short())?;
    let mut bytes = [0u8; TRAILER_LEN];
    file.read_exact(&mut bytes).map_err(|_| short())?;
    Trailer::read(&bytes)
}

/// Reads what follows the header in `file` (whose place is just after the header): checks
/// the image's length and checksum, and gives the trailer.
fn check_payload(file: &mut File) -> Read<Trailer> {
    let cut = || Corrupt("it was cut short".into());
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buffer = vec![0u8; 256 << 10];
    // The last bytes read are the trailer, not the image: kept back from the hash.
    let mut tail: Vec<u8> = Vec::with_capacity(TRAILER_LEN);
    let mut total: u64 = 0;
    loop {
        let read = file.read(&mut buffer).map_err(|_| cut())?;
        if read == 0 {
            break;
        }
        if read >= TRAILER_LEN {
            hasher.update(&tail);
            hasher.update(&buffer[..read - TRAILER_LEN]);
            total += (tail.len() + read - TRAILER_LEN) as u64;
            tail.clear();
            tail.extend_from_slice(&buffer[read - TRAILER_LEN..read]);
        } else {
            tail.extend_from_slice(&buffer[..read]);
            let hashed = tail.len().saturating_sub(TRAILER_LEN);
            hasher.update(&tail[..hashed]);
            total += hashed as u64;
            tail.drain(..hashed);
        }
    }
    if tail.len() < TRAILER_LEN {
        return Err(Corrupt("it ends too early".into()));
    }
    let trailer = Trailer::read(&tail)?;
    if trailer.len != total {
        return Err(cut());
    }
    if trailer.sum != hasher.digest128() {
        return Err(Corrupt("its checksum does not match".into()));
    }
    Ok(trailer)
}

/// An entry's header: what it depends on and the summary.
struct Header {
    top: Vec<Digest>,
    sources: Vec<(String, Digest)>,
    summary: Summary,
}

impl Header {
    /// Whether the files are still what the entry was made from.
    fn current(&self, root: &Path) -> Result<(), Miss> {
        if dataset_digests(root).ok().as_ref() != Some(&self.top) {
            return Err(Miss::Stale);
        }
        let names: Vec<&str> = self.sources.iter().map(|(f, _)| f.as_str()).collect();
        let now = key::source_digests(root, &names).map_err(|_| Miss::Stale)?;
        if now.iter().eq(self.sources.iter().map(|(_, d)| d)) {
            Ok(())
        } else {
            Err(Miss::Stale)
        }
    }
}

fn put_digest<W: Write>(out: &mut Out<W>, digest: &Digest) -> io::Result<()> {
    match digest {
        None => out.u8(0),
        Some(hash) => {
            out.u8(1)?;
            out.bytes(&hash.to_le_bytes())
        }
    }
}

fn get_digest(input: &mut In) -> Read<Digest> {
    match input.u8()? {
        0 => Ok(None),
        1 => Ok(Some(u128::from_le_bytes(input.array()?))),
        _ => Err(Corrupt("a flag is neither 0 nor 1".into())),
    }
}

fn put_opt_number<W: Write>(out: &mut Out<W>, n: Option<usize>) -> io::Result<()> {
    out.u64(n.map_or(0, |n| n as u64 + 1))
}

fn get_opt_number(input: &mut In) -> Read<Option<usize>> {
    Ok(input.u64()?.checked_sub(1).map(|n| n as usize))
}

fn write_header<W: Write>(
    out: &mut Out<W>,
    root: &Path,
    top: &[Digest],
    sources: &[(String, Digest)],
    summary: &Summary,
) -> io::Result<()> {
    out.str(&resolved(root).to_string_lossy())?;
    // The folder as typed when the notes were made, for `read_header` to rewrite them.
    out.str(&root.to_string_lossy())?;
    out.len(top.len())?;
    for digest in top {
        put_digest(out, digest)?;
    }
    out.len(sources.len())?;
    for (file, digest) in sources {
        out.str(file)?;
        put_digest(out, digest)?;
    }
    let Summary {
        name,
        events,
        actors,
        sources,
        quotes,
        notes,
    } = summary;
    out.str(name)?;
    for n in [events, actors, sources, quotes] {
        out.len(*n)?;
    }
    out.len(notes.len())?;
    for note in notes {
        let Problem {
            file,
            line,
            column,
            field,
            severity,
            message,
            hint,
        } = note;
        out.str(file)?;
        put_opt_number(out, *line)?;
        put_opt_number(out, *column)?;
        out.opt_str(field.as_deref())?;
        out.u8(u8::from(*severity == Severity::Note))?;
        out.str(message)?;
        out.opt_str(hint.as_deref())?;
    }
    Ok(())
}

/// Reads a header followed by its checksum; one written for another path is stale.
fn read_header(root: &Path, bytes: &[u8]) -> Read<Header> {
    let end = bytes
        .len()
        .checked_sub(16)
        .ok_or_else(|| Corrupt("it ends too early".into()))?;
    let (header, sum) = bytes.split_at(end);
    let sum = u128::from_le_bytes(
        sum.try_into()
            .map_err(|_| Corrupt("it ends too early".into()))?,
    );
    if sum != xxhash_rust::xxh3::xxh3_128(header) {
        return Err(Corrupt("its header's checksum does not match".into()));
    }
    let mut input = In::new(header);
    if input.str()? != resolved(root).to_string_lossy() {
        // Two folders whose names hash alike: not this one's entry.
        return Err(Corrupt(String::new()));
    }
    let typed = Path::new(input.str()?).to_path_buf();
    let n = input.len(1)?;
    let top = (0..n)
        .map(|_| get_digest(&mut input))
        .collect::<Read<Vec<Digest>>>()?;
    let n = input.len(9)?;
    let sources = (0..n)
        .map(|_| Ok((input.str()?.to_string(), get_digest(&mut input)?)))
        .collect::<Read<Vec<(String, Digest)>>>()?;
    let name = input.str()?.to_string();
    let mut count = || input.u64().map(|n| n as usize);
    let (events, actors, source_count, quotes) = (count()?, count()?, count()?, count()?);
    let n = input.len(8)?;
    let notes = (0..n)
        .map(|_| {
            let file = input.str()?.to_string();
            let line = get_opt_number(&mut input)?;
            let column = get_opt_number(&mut input)?;
            let field = input.opt_str()?.map(Box::from);
            let severity = if input.u8()? == 1 {
                Severity::Note
            } else {
                Severity::Error
            };
            let message = input.str()?.to_string();
            let hint = input.opt_str()?.map(Box::from);
            Ok(Problem {
                file: as_typed(file, &typed, root),
                line,
                column,
                field,
                severity,
                message,
                hint,
            })
        })
        .collect::<Read<Vec<Problem>>>()?;
    Ok(Header {
        top,
        sources,
        summary: Summary {
            name,
            events,
            actors,
            sources: source_count,
            quotes,
            notes,
        },
    })
}

/// A note's `file`, made when the folder was typed `then`, as if it were typed `now`.
fn as_typed(file: String, then: &Path, now: &Path) -> String {
    let prefix = then.join("").display().to_string();
    match file.strip_prefix(&prefix) {
        Some(rest) => now.join(rest).display().to_string(),
        None if file == then.display().to_string() => now.display().to_string(),
        None => file,
    }
}

/// Loads the dataset at `location` through `cache`: from its entry when that is current,
/// else from the files (then writing the entry). A damaged entry is told in a note; a cache
/// that cannot be written is not told at all (it only costs speed).
pub fn load(
    cache: Option<&Cache>,
    location: &DatasetLocation,
    progress: &Progress,
) -> Result<Dataset, Vec<Problem>> {
    let (dataset, pending) = load_then_store(cache, location, progress)?;
    if let Some(pending) = pending {
        pending.store(&dataset);
    }
    Ok(dataset)
}

/// `load`, leaving the writing of a new entry to the caller, who may do it beside its own work
/// with the dataset (on another core) rather than before it.
pub fn load_then_store(
    cache: Option<&Cache>,
    location: &DatasetLocation,
    progress: &Progress,
) -> Result<(Dataset, Option<PendingStore>), Vec<Problem>> {
    let (Some(cache), DatasetLocation::Folder(root)) = (cache, location) else {
        return load::load_showing(location, progress).map(|dataset| (dataset, None));
    };
    let damaged = match cache.dataset(root) {
        Ok(dataset) => return Ok((dataset, None)),
        Err(Miss::Stale) => None,
        Err(Miss::Damaged(path, why)) => Some(
            Problem::new(
                path.display().to_string(),
                None,
                format!(
                    "ignored this damaged cache file ({why}) and loaded the dataset from its files"
                ),
            )
            .as_note(),
        ),
    };
    let before = dataset_before(root);
    let mut dataset = load::load_showing(location, progress)?;
    let pending = PendingStore {
        cache: cache.clone(),
        root: root.clone(),
        before,
        notes_of_load: dataset.notes.len(),
    };
    dataset.notes.extend(damaged);
    Ok((dataset, Some(pending)))
}

/// The entry to write for a dataset just loaded from its files (see `load_then_store`).
#[derive(Debug)]
pub struct PendingStore {
    cache: Cache,
    root: PathBuf,
    /// The dataset files as they were before the load.
    before: io::Result<Before>,
    /// How many of the dataset's notes are the load's own, to keep in the entry; a note
    /// after them tells of the cache (a damaged entry passed over) and has no place in it.
    notes_of_load: usize,
}

impl PendingStore {
    /// Writes the entry for `dataset`, the one loaded. Best effort: a cache that cannot be
    /// written costs only the next open's speed, said only among the timings
    /// (CHRONICLE_TIMINGS), for whoever wonders why reopening is slow.
    pub fn store(self, dataset: &Dataset) {
        let notes = dataset.notes.get(..self.notes_of_load).unwrap_or_default();
        let never = AtomicBool::new(false);
        let written = self.before.and_then(|before| {
            self.cache
                .store_unless(&self.root, dataset, notes, &before, &never)
        });
        if let Err(e) = written {
            load::Phases::new().say(&format!("cache not written: {e}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::DatasetLocation;

    fn copy_small(to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
        fs::create_dir_all(to.join("sources")).expect("folders");
        for entry in fs::read_dir(&from).expect("the fixture").flatten() {
            let path = entry.path();
            if path.is_file() {
                fs::copy(&path, to.join(entry.file_name())).expect("copy");
            }
        }
        for entry in fs::read_dir(from.join("sources"))
            .expect("sources")
            .flatten()
        {
            fs::copy(entry.path(), to.join("sources").join(entry.file_name())).expect("copy");
        }
    }

    /// A write given up (the person quit and pressed Ctrl-C) leaves nothing behind, not a
    /// temporary file as big as an entry (trial 8: P8).
    #[test]
    fn a_store_given_up_leaves_no_file() {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path().join("data");
        copy_small(&root);
        let dataset = crate::load::load(&DatasetLocation::Folder(root.clone())).expect("loads");
        let before = dataset_before(&root).expect("stamps");
        let cache = Cache::at(temp.path().join("cache"));
        let files = |cache: &Cache| -> usize {
            fs::read_dir(&cache.dir).map_or(0, |entries| entries.count())
        };
        let _ = cache.store_unless(&root, &dataset, &[], &before, &AtomicBool::new(true));
        assert_eq!(files(&cache), 0);
        cache.store(&root, &dataset, &before).expect("stored");
        assert_eq!(files(&cache), 1);
    }

    #[test]
    fn a_stopped_writer_fails_its_next_write_for_good() {
        let stop = AtomicBool::new(false);
        let mut written = Vec::new();
        let mut sink = Stoppable {
            inner: &mut written,
            stop: &stop,
        };
        sink.write_all(b"first").expect("written");
        stop.store(true, Ordering::Relaxed);
        let error = sink.write_all(b"second").expect_err("stopped");
        assert_ne!(error.kind(), io::ErrorKind::Interrupted);
        assert_eq!(written, b"first");
    }
}
