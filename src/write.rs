//! Writing into a dataset folder so that a crash, a full disk or another program never leaves a
//! file half-written or an existing line changed: every write goes to a temporary file in the
//! same folder, is synced to disk, and is then renamed into place, which is atomic; the folder
//! is synced after, so that the rename itself survives a power cut.
//!
//! The operations, for `chronicle init` and authoring (`draft --into`, the browser's add-event
//! key):
//! - `create_new` / `create_new_all`: files that must not exist yet (never written over; also
//!   the browser's exports);
//! - `Snapshot::read` then `append_lines` (events.jsonl) or `add_to_array` (sources.json,
//!   actors.json, events.json): bytes added to a file that must not have changed since it was
//!   read, its existing bytes kept byte for byte;
//! - `remove_added`: what one of those added taken out again (an undo), on the same condition.
//!
//! And one for files chronicle keeps for itself, outside any dataset: `replace`, a whole file
//! put in place of the old one (the browser's marks).

use std::fmt;
use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tempfile::{Builder, NamedTempFile};

/// Why a write did not happen, worded for the person at the terminal.
#[derive(Debug)]
pub enum WriteError {
    /// The file to create exists already; nothing was written.
    Exists(PathBuf),
    /// The file changed (or went) since it was read; nothing was written.
    Changed(PathBuf),
    /// A line to append holds a line break, which would make it two lines.
    LineBreak,
    /// The file is not a JSON array that elements can be added to: `why` says what it is.
    NotAnArray { path: PathBuf, why: String },
    /// The bytes to take out are not where an addition left them (the caller's mistake,
    /// refused rather than cutting elsewhere).
    NotAdded(PathBuf),
    /// The file system refused: `doing` says what was being done.
    Io {
        path: PathBuf,
        doing: &'static str,
        error: io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(path) => {
                write!(f, "{} already exists; nothing was written", path.display())
            }
            WriteError::Changed(path) => write!(
                f,
                "{} changed since it was read (another program wrote to it); nothing was \
                 written: read it again and retry",
                path.display()
            ),
            WriteError::LineBreak => f.write_str("a line to add holds a line break"),
            WriteError::NotAnArray { path, why } => write!(
                f,
                "{}: cannot add to it: {why}; nothing was written",
                path.display()
            ),
            WriteError::NotAdded(path) => write!(
                f,
                "{}: the bytes to take out are not in the file; nothing was written",
                path.display()
            ),
            WriteError::Io { path, doing, error } => {
                write!(f, "{}: cannot {doing}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

impl WriteError {
    /// The same error, its file named relative to the folder `root` when it is inside it
    /// (`events.jsonl` rather than the whole path), for messages about one dataset.
    pub fn relative_to(self, root: &Path) -> WriteError {
        let roots = [Some(root.to_path_buf()), fs::canonicalize(root).ok()];
        let short = |path: PathBuf| {
            roots
                .iter()
                .flatten()
                .find_map(|r| path.strip_prefix(r).ok().map(Path::to_path_buf))
                .unwrap_or(path)
        };
        match self {
            WriteError::Exists(path) => WriteError::Exists(short(path)),
            WriteError::Changed(path) => WriteError::Changed(short(path)),
            WriteError::LineBreak => WriteError::LineBreak,
            WriteError::NotAnArray { path, why } => WriteError::NotAnArray {
                path: short(path),
                why,
            },
            WriteError::NotAdded(path) => WriteError::NotAdded(short(path)),
            WriteError::Io { path, doing, error } => WriteError::Io {
                path: short(path),
                doing,
                error,
            },
        }
    }
}

fn io_error(path: &Path, doing: &'static str) -> impl FnOnce(io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |error| WriteError::Io { path, doing, error }
}

/// Points inside a write where tests stop the process (`CHRONICLE_TEST_WRITE_PAUSE`, to kill
/// it there) or make the write fail, to show that neither leaves a partial file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Part of the temporary file written.
    Partial,
    /// The temporary file whole and synced, not yet renamed into place.
    Written,
    /// Renamed into place, the folder not yet synced.
    Renamed,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::Partial => "partial",
            Step::Written => "written",
            Step::Renamed => "renamed",
        }
    }
}

/// What a write does at each `Step`: nothing, except in tests.
#[derive(Clone, Default)]
struct Hooks<'a> {
    /// Stop here for ever (a test kills the process), saying so on standard error: at this
    /// step of writing any file, or only the file of this name.
    pause: Option<(Step, Option<String>)>,
    /// Run this here: a test fails the write as a full disk would, or changes the file as
    /// another program would.
    run: Option<(Step, &'a dyn Fn() -> io::Result<()>)>,
}

/// The environment variable naming a `Step` to pause at (`written`), or a step and the name of
/// the file to pause writing (`written:events.jsonl`), so that a test can kill a real process
/// in the middle of a write. Not for people: the process never finishes.
pub const PAUSE_VARIABLE: &str = "CHRONICLE_TEST_WRITE_PAUSE";

impl Hooks<'_> {
    fn from_env() -> Hooks<'static> {
        let pause = std::env::var(PAUSE_VARIABLE).ok().and_then(|value| {
            let (name, file) = match value.split_once(':') {
                Some((name, file)) => (name.to_string(), Some(file.to_string())),
                None => (value, None),
            };
            [Step::Partial, Step::Written, Step::Renamed]
                .into_iter()
                .find(|step| step.name() == name)
                .map(|step| (step, file))
        });
        Hooks { pause, run: None }
    }

    fn pauses_at(&self, step: Step, path: &Path) -> bool {
        match &self.pause {
            Some((at, None)) => *at == step,
            Some((at, Some(file))) => {
                *at == step && path.file_name().is_some_and(|name| name == file.as_str())
            }
            None => false,
        }
    }

    fn at(&self, step: Step, path: &Path) -> Result<(), WriteError> {
        if self.pauses_at(step, path) {
            eprintln!(
                "chronicle: paused writing {} at {}",
                path.display(),
                step.name()
            );
            loop {
                std::thread::park();
            }
        }
        match self.run {
            Some((at, run)) if at == step => run().map_err(io_error(path, "write")),
            _ => Ok(()),
        }
    }
}

/// The folder a file is in ("." for a bare name), where its temporary file goes: a rename is
/// atomic only within one file system.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A temporary file beside `path`, named after it (`.events.jsonl.a1B2c3.tmp`), so that one
/// left behind by a killed process says what it was for. `permissions` apply as `open` would
/// apply them (less the umask); without, it is readable by its owner only.
fn temporary(path: &Path, permissions: Option<Permissions>) -> Result<NamedTempFile, WriteError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    builder
        .tempfile_in(folder_of(path))
        .map_err(io_error(path, "create a temporary file beside it"))
}

/// Permissions a new file gets from `open` by default: read and write for all, less the umask.
fn new_file_permissions() -> Option<Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Writes `chunks` into `file` one after the other, the `Step::Partial` hook halfway through
/// the first, then syncs it to disk.
fn fill(file: &mut File, chunks: &[&[u8]], path: &Path, hooks: &Hooks) -> Result<(), WriteError> {
    let (first, rest): (&[u8], &[&[u8]]) = match chunks.split_first() {
        Some((first, rest)) => (first, rest),
        None => (&[], &[]),
    };
    let (head, tail) = first.split_at(first.len() / 2);
    let write = |file: &mut File, bytes: &[u8]| {
        file.write_all(bytes)
            .map_err(io_error(path, "write the temporary file"))
    };
    write(file, head)?;
    hooks.at(Step::Partial, path)?;
    write(file, tail)?;
    for chunk in rest {
        write(file, chunk)?;
    }
    file.sync_all()
        .map_err(io_error(path, "sync the temporary file to disk"))
}

/// Syncs a folder, so that a rename in it is on disk (a file's own sync does not cover its
/// name).
fn sync_folder(folder: &Path) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(io_error(folder, "sync the folder to disk"))
    }
    #[cfg(not(unix))]
    {
        // Windows cannot open a folder as a file; its renames are journaled by NTFS.
        let _ = folder;
        Ok(())
    }
}

/// Creates `path` holding `bytes`; refuses, writing nothing, when it exists already.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    create_new_all(&[(path, bytes)])
}

/// Creates several files, each refused when it exists. All are written to temporary files and
/// synced first, then renamed into place in the order given, so that a failure before the
/// renames leaves none of them, and each file present is whole. When one is refused, the ones
/// already placed are removed again. (A process killed between two renames leaves the first
/// ones: put last the file whose presence means the work is done.)
pub fn create_new_all(files: &[(&Path, &[u8])]) -> Result<(), WriteError> {
    create_new_all_with(files, &Hooks::from_env())
}

fn create_new_all_with(files: &[(&Path, &[u8])], hooks: &Hooks) -> Result<(), WriteError> {
    // Refused before anything is written, as a courtesy: `persist_noclobber` below is what
    // guarantees it, for a file that appears meanwhile.
    if let Some((path, _)) = files
        .iter()
        .find(|(path, _)| path.symlink_metadata().is_ok())
    {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let mut temporaries = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut temp = temporary(path, new_file_permissions())?;
        fill(temp.as_file_mut(), &[bytes], path, hooks)?;
        temporaries.push((*path, temp));
    }
    if let Some((path, _)) = files.first() {
        hooks.at(Step::Written, path)?;
    }
    let mut placed: Vec<&Path> = Vec::with_capacity(files.len());
    for (path, temp) in temporaries {
        if let Err(e) = temp.persist_noclobber(path) {
            // Only files this call created are removed: each was new a moment ago.
            for done in &placed {
                let _ = fs::remove_file(done);
            }
            // The temporary file is removed when `e` is dropped.
            return Err(if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io_error(path, "move the temporary file into place")(e.error)
            });
        }
        placed.push(path);
        hooks.at(Step::Renamed, path)?;
    }
    let mut folders: Vec<&Path> = placed.iter().map(|p| folder_of(p)).collect();
    folders.dedup();
    folders.into_iter().try_for_each(sync_folder)
}

/// A file as it was read, to add lines to it later only if it is still the same.
#[derive(Clone, Debug)]
pub struct Snapshot {
    path: PathBuf,
    bytes: Vec<u8>,
    /// The SHA-256 of `bytes`: a size and a modification time can stay the same across an
    /// edit (same length, coarse or restored timestamps); the content cannot.
    sha256: [u8; 32],
}

/// A file's path and the hash of what it held, to check later that it still holds that
/// (as a `Snapshot` does) without keeping its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    path: PathBuf,
    sha256: [u8; 32],
}

impl Snapshot {
    /// Reads the whole file.
    pub fn read(path: &Path) -> Result<Snapshot, WriteError> {
        let bytes = fs::read(path).map_err(io_error(path, "read"))?;
        Ok(Snapshot::of(path, bytes))
    }

    /// The file at `path` as holding `bytes` (what this process has just written there).
    fn of(path: &Path, bytes: Vec<u8>) -> Snapshot {
        let sha256 = Sha256::digest(&bytes).into();
        Snapshot {
            path: path.to_path_buf(),
            bytes,
            sha256,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's bytes as read.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// What tells the file as read from any other content, without its bytes.
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            path: self.path.clone(),
            sha256: self.sha256,
        }
    }

    /// Whether the file on disk still holds exactly what was read.
    fn unchanged(&self) -> Result<bool, WriteError> {
        match fs::read(&self.path) {
            Ok(now) => Ok(<[u8; 32]>::from(Sha256::digest(&now)) == self.sha256),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io_error(&self.path, "read it again")(e)),
        }
    }
}

/// The line ending the file already uses (that of its first line), so that added lines match
/// it; `\n` for a file of one line or none.
fn line_end(bytes: &[u8]) -> &'static [u8] {
    match memchr::memchr(b'\n', bytes) {
        Some(at) if at > 0 && bytes[at - 1] == b'\r' => b"\r\n",
        _ => b"\n",
    }
}

/// What an addition did: the file as it is now (to add to it again, or take the addition
/// out), and where the added bytes lie in it.
#[derive(Clone, Debug)]
pub struct Added {
    pub snapshot: Snapshot,
    pub at: Range<usize>,
}

/// Adds `lines` at the end of the file `snapshot` read, each ending with the file's line
/// ending. The existing bytes are kept exactly. Refuses, writing nothing, when the file has
/// changed since it was read; on any failure the file is as it was and no temporary file is
/// left behind. The file keeps its permissions.
pub fn append_lines(snapshot: &Snapshot, lines: &[&str]) -> Result<Added, WriteError> {
    append_lines_with(snapshot, lines, &Hooks::from_env())
}

fn append_lines_with(
    snapshot: &Snapshot,
    lines: &[&str],
    hooks: &Hooks,
) -> Result<Added, WriteError> {
    if lines.iter().any(|l| l.contains(['\n', '\r'])) {
        return Err(WriteError::LineBreak);
    }
    let old = snapshot.bytes();
    let end = line_end(old);
    let mut added = Vec::new();
    // A file whose last line has no line ending (some editors save it so) gets one first:
    // otherwise the first new line would be joined onto that last line, spoiling both. The
    // old bytes themselves are kept as they were; the ending goes after them.
    if !old.is_empty() && !old.ends_with(b"\n") {
        added.extend_from_slice(end);
    }
    for line in lines {
        added.extend_from_slice(line.as_bytes());
        added.extend_from_slice(end);
    }
    insert_with(snapshot, old.len(), &added, hooks)
}

/// Adds `elements` (each a JSON value on one line) at the end of the JSON array the file
/// `snapshot` read holds, keeping every existing byte: each goes on a line of its own before
/// the closing `]`, the comma that separates it from the one before at the start of its own
/// line (`, {"id": …}`), so that no existing line changes. Only a `]` that shares its line with
/// other text (`[]`, `[1, 2]`) is moved to the start of a new line; the bytes before it stay.
/// Refuses, writing nothing, a file that is not a JSON array or that changed since it was read.
pub fn add_to_array(snapshot: &Snapshot, elements: &[&str]) -> Result<Added, WriteError> {
    add_to_array_with(snapshot, elements, &Hooks::from_env())
}

fn add_to_array_with(
    snapshot: &Snapshot,
    elements: &[&str],
    hooks: &Hooks,
) -> Result<Added, WriteError> {
    if elements.iter().any(|l| l.contains(['\n', '\r'])) {
        return Err(WriteError::LineBreak);
    }
    let (at, added) =
        array_insertion(snapshot.bytes(), elements).map_err(|why| WriteError::NotAnArray {
            path: snapshot.path().to_path_buf(),
            why,
        })?;
    insert_with(snapshot, at, &added, hooks)
}

/// Where elements go into the JSON array `old`, and the bytes that add them (see
/// `add_to_array`); or why `old` is not an array.
fn array_insertion(old: &[u8], elements: &[&str]) -> Result<(usize, Vec<u8>), String> {
    let json = old.strip_prefix("\u{feff}".as_bytes()).unwrap_or(old);
    let present = serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(json)
        .map_err(|e| format!("it is not a JSON array ({e})"))?
        .len();
    let is_blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    // A JSON array with nothing but white space after it ends with its `]`.
    let close = old
        .iter()
        .rposition(|b| !is_blank(b))
        .filter(|&at| old[at] == b']')
        .ok_or_else(|| "it does not end with the array's ]".to_string())?;
    let line_start = old[..close]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let end = line_end(old);
    let mut added = Vec::new();
    let at = if old[line_start..close].iter().all(is_blank) {
        // `]` on a line of its own: the new lines go before that line, which stays whole.
        line_start
    } else {
        added.extend_from_slice(end);
        close
    };
    for (n, element) in elements.iter().enumerate() {
        added.extend_from_slice(if present + n == 0 { b"  " } else { b", " });
        added.extend_from_slice(element.as_bytes());
        added.extend_from_slice(end);
    }
    Ok((at, added))
}

/// Takes out the bytes `at` that an addition put into the file (`Added::at`), leaving the
/// file as it was before it: only while the file is exactly as the addition left it
/// (`Added::snapshot`, or its fingerprint), else refused, writing nothing. The undo of an
/// addition. The file is read again (the fingerprint keeps no bytes); the new snapshot.
pub fn remove_added(left: &Fingerprint, at: Range<usize>) -> Result<Snapshot, WriteError> {
    remove_added_with(left, at, &Hooks::from_env())
}

fn remove_added_with(
    left: &Fingerprint,
    at: Range<usize>,
    hooks: &Hooks,
) -> Result<Snapshot, WriteError> {
    let now = match Snapshot::read(&left.path) {
        Ok(now) => now,
        Err(WriteError::Io { error, .. }) if error.kind() == io::ErrorKind::NotFound => {
            return Err(WriteError::Changed(left.path.clone()))
        }
        Err(e) => return Err(e),
    };
    if now.sha256 != left.sha256 {
        return Err(WriteError::Changed(left.path.clone()));
    }
    let old = now.bytes();
    if at.start > at.end || at.end > old.len() {
        return Err(WriteError::NotAdded(left.path.clone()));
    }
    rewrite_with(&now, &[&old[..at.start], &old[at.end..]], hooks)
}

/// Deletes the file at `path` when it holds nothing: a file this program made and an undo
/// emptied again leaves no trace. Moved aside first and looked at there, so that lines
/// another program wrote meanwhile are never deleted with it: a file found holding anything
/// is put back. Whether it was deleted; a file that cannot be moved aside or deleted simply
/// stays, empty. An error only when a file holding something could not be put back, as
/// another took its place meanwhile: it is kept beside it, under the name the error gives.
pub fn remove_if_empty(path: &Path) -> Result<bool, WriteError> {
    let Ok(aside) = temporary(path, None) else {
        return Ok(false);
    };
    if fs::rename(path, aside.path()).is_err() {
        return Ok(false);
    }
    // The moved file itself, not where a link leads: a link is never taken for its target.
    if fs::symlink_metadata(aside.path()).is_ok_and(|m| m.is_file() && m.len() == 0) {
        // The temporary file's name is now the emptied file's.
        let deleted = aside.close().is_ok();
        let _ = sync_folder(folder_of(path));
        return Ok(deleted);
    }
    match aside.persist_noclobber(path) {
        Ok(_) => Ok(false),
        Err(e) => {
            let kept = e.file.path().to_path_buf();
            let _ = e.file.keep();
            Err(io_error(
                &kept,
                "go back in place of the file another program made meanwhile; its lines are kept here",
            )(e.error))
        }
    }
}

/// Writes `added` into the file `snapshot` read, at byte `at`.
fn insert_with(
    snapshot: &Snapshot,
    at: usize,
    added: &[u8],
    hooks: &Hooks,
) -> Result<Added, WriteError> {
    let old = snapshot.bytes();
    let snapshot = rewrite_with(snapshot, &[&old[..at], added, &old[at..]], hooks)?;
    Ok(Added {
        snapshot,
        at: at..at + added.len(),
    })
}

/// Puts `chunks`, one after the other, in place of the file `snapshot` read, if the file still
/// holds exactly what was read; the file as it is now.
fn rewrite_with(
    snapshot: &Snapshot,
    chunks: &[&[u8]],
    hooks: &Hooks,
) -> Result<Snapshot, WriteError> {
    // Written where the file really is: a symbolic link to it stays a link, and the file it
    // names is the one replaced.
    let path = &match fs::canonicalize(snapshot.path()) {
        Ok(path) => path,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(WriteError::Changed(snapshot.path().to_path_buf()))
        }
        Err(e) => return Err(io_error(snapshot.path(), "find the file")(e)),
    };
    let permissions = fs::metadata(path)
        .map_err(io_error(path, "read its permissions"))?
        .permissions();
    let mut temp = temporary(path, None)?;
    // Exactly the old mode (set after creation, so the umask does not narrow it).
    fs::set_permissions(temp.path(), permissions).map_err(io_error(
        path,
        "give the temporary file the file's permissions",
    ))?;
    fill(temp.as_file_mut(), chunks, path, hooks)?;
    hooks.at(Step::Written, path)?;
    // Checked as late as possible, just before the rename. Another program writing in the
    // instant between the two would still lose its write: only a lock both honour could
    // prevent that, and editors take none.
    if !snapshot.unchanged()? {
        return Err(WriteError::Changed(snapshot.path().to_path_buf()));
    }
    temp.persist(path)
        .map_err(|e| io_error(path, "move the temporary file into place")(e.error))?;
    hooks.at(Step::Renamed, path)?;
    sync_folder(folder_of(path))?;
    Ok(Snapshot::of(snapshot.path(), chunks.concat()))
}

/// Puts `bytes` in place of the file at `path` (or creates it): a reader sees the old file or
/// the new one, never part of one, and a failure leaves the old one and no temporary file. For
/// files that are chronicle's own, never a dataset's (whose lines `append_lines` keeps).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_with(path, bytes, &Hooks::from_env())
}

fn replace_with(path: &Path, bytes: &[u8], hooks: &Hooks) -> Result<(), WriteError> {
    let mut temp = temporary(path, new_file_permissions())?;
    fill(temp.as_file_mut(), &[bytes], path, hooks)?;
    hooks.at(Step::Written, path)?;
    temp.persist(path)
        .map_err(|e| io_error(path, "move the temporary file into place")(e.error))?;
    hooks.at(Step::Renamed, path)?;
    sync_folder(folder_of(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the files in `dir`, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    fn file_with(dir: &Path, bytes: &[u8]) -> PathBuf {
        let path = dir.join("events.jsonl");
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    }

    fn appended(old: &[u8], lines: &[&str]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = file_with(dir.path(), old);
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        append_lines(&snapshot, lines).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            listing(dir.path()),
            ["events.jsonl"],
            "a temporary file was left"
        );
        fs::read(&path).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn appending_keeps_every_existing_byte() {
        // Odd bytes on purpose: a byte order mark, trailing spaces, a tab, a blank line, text
        // that is not UTF-8. None of it is read as text, so none of it can be changed.
        let old = b"\xEF\xBB\xBF{\"id\": \"a\"}  \n\n\t{\"id\": \"b\"}\xff\n";
        let new = appended(old, &["{\"id\": \"c\"}", "{\"id\": \"d\"}"]);
        assert_eq!(&new[..old.len()], old);
        assert_eq!(&new[old.len()..], b"{\"id\": \"c\"}\n{\"id\": \"d\"}\n");
    }

    #[test]
    fn a_file_without_a_final_line_ending_gets_one_before_the_new_lines() {
        let old = b"{\"id\": \"a\"}\n{\"id\": \"b\"}";
        let new = appended(old, &["{\"id\": \"c\"}"]);
        assert_eq!(&new[..old.len()], old);
        assert_eq!(new, b"{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"c\"}\n");
    }

    #[test]
    fn added_lines_end_as_the_files_lines_do() {
        assert_eq!(appended(b"a\r\nb", &["c"]), b"a\r\nb\r\nc\r\n");
        assert_eq!(appended(b"a\r\n", &["c", "d"]), b"a\r\nc\r\nd\r\n");
        assert_eq!(appended(b"", &["c"]), b"c\n");
        assert_eq!(appended(b"a", &["c"]), b"a\nc\n");
    }

    #[test]
    fn a_line_with_a_line_break_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = file_with(dir.path(), b"a\n");
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        for line in ["b\nc", "b\rc"] {
            assert!(matches!(
                append_lines(&snapshot, &[line]),
                Err(WriteError::LineBreak)
            ));
        }
        assert_eq!(fs::read(&path).unwrap_or_default(), b"a\n");
        assert_eq!(listing(dir.path()), ["events.jsonl"]);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = file_with(dir.path(), b"{\"id\": \"a\"}\n");
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        // Another program's edit of the same length, as a same-size timestamp check would miss.
        fs::write(&path, b"{\"id\": \"b\"}\n").unwrap_or_else(|e| panic!("{e}"));
        let refused = append_lines(&snapshot, &["{\"id\": \"c\"}"]);
        match &refused {
            Err(WriteError::Changed(p)) => assert_eq!(p, &path),
            other => panic!("expected a refusal, got {other:?}"),
        }
        let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.ends_with(
                "events.jsonl changed since it was read (another program wrote to it); nothing was written: read it again and retry"
            ),
            "{message}"
        );
        assert_eq!(fs::read(&path).unwrap_or_default(), b"{\"id\": \"b\"}\n");
        assert_eq!(listing(dir.path()), ["events.jsonl"]);
        // Removed meanwhile: refused the same way, and not brought back.
        fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            append_lines(&snapshot, &["x"]),
            Err(WriteError::Changed(_))
        ));
        assert_eq!(listing(dir.path()), Vec::<String>::new());
    }

    /// Another program's write landing while the temporary file is written (here just
    /// before the rename, the last moment the check can catch) is caught, and kept.
    #[test]
    fn a_change_while_the_temporary_file_is_written_is_caught() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = file_with(dir.path(), b"a\n");
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let other_program = || fs::write(&path, b"a\nb\n");
        for step in [Step::Partial, Step::Written] {
            let hooks = Hooks {
                pause: None,
                run: Some((step, &other_program)),
            };
            let refused = append_lines_with(&snapshot, &["c"], &hooks);
            assert!(matches!(refused, Err(WriteError::Changed(_))), "{step:?}");
            assert_eq!(fs::read(&path).unwrap_or_default(), b"a\nb\n");
            assert_eq!(listing(dir.path()), ["events.jsonl"], "{step:?}");
        }
    }

    #[test]
    fn a_failed_write_leaves_the_file_as_it_was_and_no_temporary_file() {
        for step in [Step::Partial, Step::Written] {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let path = file_with(dir.path(), b"{\"id\": \"a\"}\n");
            let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
            let full_disk = || Err(io::Error::other("no space left on device (made by a test)"));
            let hooks = Hooks {
                pause: None,
                run: Some((step, &full_disk)),
            };
            let failed = append_lines_with(&snapshot, &["{\"id\": \"b\"}"], &hooks);
            assert!(matches!(failed, Err(WriteError::Io { .. })), "{step:?}");
            assert_eq!(fs::read(&path).unwrap_or_default(), b"{\"id\": \"a\"}\n");
            assert_eq!(listing(dir.path()), ["events.jsonl"], "{step:?}");
        }
    }

    /// `old` with `elements` added to its array through a real file, checking that every old
    /// byte is kept in order and nothing is left beside the file.
    fn added_to_array(old: &[u8], elements: &[&str]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("actors.json");
        fs::write(&path, old).unwrap_or_else(|e| panic!("{e}"));
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let added = add_to_array(&snapshot, elements).unwrap_or_else(|e| panic!("{e}"));
        let new = fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(added.snapshot.bytes(), new.as_slice());
        // Taking the added bytes out gives the old file back, byte for byte.
        let mut without = new[..added.at.start].to_vec();
        without.extend_from_slice(&new[added.at.end..]);
        assert_eq!(without, old);
        assert_eq!(listing(dir.path()), ["actors.json"]);
        // Still JSON, with the elements at the end.
        let json = new.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&new);
        let values: Vec<serde_json::Value> =
            serde_json::from_slice(json).unwrap_or_else(|e| panic!("{e}: {new:?}"));
        let tail: Vec<serde_json::Value> = elements
            .iter()
            .map(|e| serde_json::from_str(e).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        assert_eq!(values[values.len() - tail.len()..], tail[..]);
        new
    }

    /// Every line of `old` is a line of `new`, in order (lines are only added between them).
    fn lines_kept(old: &[u8], new: &[u8]) -> bool {
        let mut new_lines = new.split(|&b| b == b'\n');
        old.split(|&b| b == b'\n')
            .all(|line| new_lines.any(|other| other == line))
    }

    #[test]
    fn elements_join_a_pretty_printed_array_on_lines_of_their_own() {
        let old = b"[\n  {\n    \"id\": \"putin\",\n    \"name\": \"Vladimir Putin\"\n  }\n]\n";
        let new = added_to_array(old, &["{\"id\":\"a\"}", "{\"id\":\"b\"}"]);
        assert_eq!(
            String::from_utf8_lossy(&new),
            "[\n  {\n    \"id\": \"putin\",\n    \"name\": \"Vladimir Putin\"\n  }\n, {\"id\":\"a\"}\n, {\"id\":\"b\"}\n]\n"
        );
        assert!(lines_kept(old, &new));
    }

    #[test]
    fn an_empty_array_gets_its_first_elements() {
        // As `chronicle init` writes it: the `]` moves to a line of its own.
        let new = added_to_array(b"[]\n", &["{\"id\":\"a\"}", "{\"id\":\"b\"}"]);
        assert_eq!(new, b"[\n  {\"id\":\"a\"}\n, {\"id\":\"b\"}\n]\n");
        // Then one more: the file's lines all kept.
        let again = added_to_array(&new, &["{\"id\":\"c\"}"]);
        assert_eq!(
            again,
            b"[\n  {\"id\":\"a\"}\n, {\"id\":\"b\"}\n, {\"id\":\"c\"}\n]\n"
        );
        assert!(lines_kept(&new, &again));
        // Empty over two lines, without a final line ending, with CRLF endings.
        assert_eq!(added_to_array(b"[\n]", &["1"]), b"[\n  1\n]");
        assert_eq!(added_to_array(b"[\r\n]\r\n", &["1"]), b"[\r\n  1\r\n]\r\n");
    }

    #[test]
    fn a_hand_edited_array_keeps_every_byte() {
        // A byte order mark, tabs, CRLF line endings, a trailing blank line, the last element
        // on the line of the `]`, and the file's last line without a line ending.
        let old =
            "\u{feff}[ {\"id\": \"a\"},\r\n\t{\"id\":\"b\",\r\n\t \"name\": \"B\"}   ]  \r\n\r\n";
        let new = added_to_array(old.as_bytes(), &["{\"id\":\"c\"}"]);
        assert_eq!(
            String::from_utf8_lossy(&new),
            "\u{feff}[ {\"id\": \"a\"},\r\n\t{\"id\":\"b\",\r\n\t \"name\": \"B\"}   \r\n, {\"id\":\"c\"}\r\n]  \r\n\r\n"
        );
        // One line, no line ending at all.
        assert_eq!(added_to_array(b"[1,2]", &["3"]), b"[1,2\n, 3\n]");
        // The `]` indented on its own line stays as it was.
        assert_eq!(
            added_to_array(b"[\n    1\n    ]\n", &["2"]),
            b"[\n    1\n, 2\n    ]\n"
        );
    }

    #[test]
    fn what_is_not_an_array_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("actors.json");
        for old in [
            &b"{\"id\": \"a\"}\n"[..],
            b"[1, 2\n",
            b"[1] [2]",
            b"",
            b"\xff[]",
        ] {
            fs::write(&path, old).unwrap_or_else(|e| panic!("{e}"));
            let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
            let refused = add_to_array(&snapshot, &["1"]);
            assert!(
                matches!(&refused, Err(WriteError::NotAnArray { .. })),
                "{old:?}: {refused:?}"
            );
            let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(
                message.contains("actors.json: cannot add to it: it is not a JSON array ("),
                "{message}"
            );
            assert_eq!(fs::read(&path).unwrap_or_default(), old);
            assert_eq!(listing(dir.path()), ["actors.json"]);
        }
        fs::write(&path, b"[]").unwrap_or_else(|e| panic!("{e}"));
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            add_to_array(&snapshot, &["1\n"]),
            Err(WriteError::LineBreak)
        ));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"[]");
    }

    #[test]
    fn an_array_changed_since_it_was_read_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("actors.json");
        fs::write(&path, b"[\n  {\"id\": \"a\"}\n]\n").unwrap_or_else(|e| panic!("{e}"));
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        // Another editor's change of the same length.
        fs::write(&path, b"[\n  {\"id\": \"b\"}\n]\n").unwrap_or_else(|e| panic!("{e}"));
        let refused = add_to_array(&snapshot, &["{\"id\": \"c\"}"]);
        assert!(matches!(&refused, Err(WriteError::Changed(p)) if p == &path));
        assert_eq!(
            fs::read(&path).unwrap_or_default(),
            b"[\n  {\"id\": \"b\"}\n]\n"
        );
        assert_eq!(listing(dir.path()), ["actors.json"]);
    }

    #[test]
    fn an_addition_is_taken_out_only_while_the_file_is_as_it_left_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = file_with(dir.path(), b"a\nb");
        let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let first = append_lines(&snapshot, &["c"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"a\nb\nc\n");
        let second = append_lines(&first.snapshot, &["d", "e"]).unwrap_or_else(|e| panic!("{e}"));
        // The last addition out: the file is as the first left it.
        let back = remove_added(&second.snapshot.fingerprint(), second.at.clone())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"a\nb\nc\n");
        assert_eq!(back.bytes(), first.snapshot.bytes());
        // The first out too: the file as it was, with no line ending added to its last line.
        remove_added(&back.fingerprint(), first.at.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"a\nb");
        // Another program's change since: refused, and kept.
        let added = append_lines(
            &Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}")),
            &["x"],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        fs::write(&path, b"a\nb\nx\ny\n").unwrap_or_else(|e| panic!("{e}"));
        let refused = remove_added(&added.snapshot.fingerprint(), added.at.clone());
        assert!(
            matches!(refused, Err(WriteError::Changed(_))),
            "{refused:?}"
        );
        assert_eq!(fs::read(&path).unwrap_or_default(), b"a\nb\nx\ny\n");
        // Bytes that are not in the file: refused.
        assert!(matches!(
            remove_added(
                &Snapshot::read(&path)
                    .unwrap_or_else(|e| panic!("{e}"))
                    .fingerprint(),
                3..100
            ),
            Err(WriteError::NotAdded(_))
        ));
        assert_eq!(listing(dir.path()), ["events.jsonl"]);
    }

    #[test]
    fn errors_name_a_file_inside_a_folder_by_its_place_in_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let inside = WriteError::Changed(dir.path().join("events.jsonl"));
        assert_eq!(
            inside.relative_to(dir.path()).to_string(),
            "events.jsonl changed since it was read (another program wrote to it); nothing \
             was written: read it again and retry"
        );
        let outside = WriteError::Exists(PathBuf::from("/elsewhere/x.json"));
        assert_eq!(
            outside.relative_to(dir.path()).to_string(),
            "/elsewhere/x.json already exists; nothing was written"
        );
    }

    #[test]
    fn a_pause_may_name_the_file_to_pause_writing() {
        let hooks = Hooks {
            pause: Some((Step::Written, Some("events.jsonl".into()))),
            run: None,
        };
        assert!(hooks.pauses_at(Step::Written, Path::new("d/events.jsonl")));
        assert!(!hooks.pauses_at(Step::Written, Path::new("d/actors.json")));
        assert!(!hooks.pauses_at(Step::Renamed, Path::new("d/events.jsonl")));
        let any = Hooks {
            pause: Some((Step::Renamed, None)),
            run: None,
        };
        assert!(any.pauses_at(Step::Renamed, Path::new("d/actors.json")));
    }

    #[test]
    fn the_file_is_replaced_by_one_with_its_permissions() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let path = file_with(dir.path(), b"a\n");
            fs::set_permissions(&path, Permissions::from_mode(0o640))
                .unwrap_or_else(|e| panic!("{e}"));
            let snapshot = Snapshot::read(&path).unwrap_or_else(|e| panic!("{e}"));
            append_lines(&snapshot, &["b"]).unwrap_or_else(|e| panic!("{e}"));
            let mode = fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o640));
        }
    }

    #[test]
    fn a_symbolic_link_stays_a_link_to_the_file_that_grew() {
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let real = dir.path().join("real.jsonl");
            fs::write(&real, b"a\n").unwrap_or_else(|e| panic!("{e}"));
            let link = dir.path().join("events.jsonl");
            std::os::unix::fs::symlink("real.jsonl", &link).unwrap_or_else(|e| panic!("{e}"));
            let snapshot = Snapshot::read(&link).unwrap_or_else(|e| panic!("{e}"));
            append_lines(&snapshot, &["b"]).unwrap_or_else(|e| panic!("{e}"));
            assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
            assert_eq!(fs::read(&real).unwrap_or_default(), b"a\nb\n");
            assert_eq!(listing(dir.path()), ["events.jsonl", "real.jsonl"]);
        }
    }

    #[test]
    fn a_new_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("sources.json");
        create_new(&path, b"[]\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"[]\n");
        let again = create_new(&path, b"[1]\n");
        assert!(matches!(&again, Err(WriteError::Exists(p)) if p == &path));
        assert!(again.err().is_some_and(|e| e
            .to_string()
            .ends_with("sources.json already exists; nothing was written")));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"[]\n");
        assert_eq!(listing(dir.path()), ["sources.json"]);
    }

    #[test]
    fn a_new_file_appearing_during_the_write_is_kept_and_the_others_taken_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        // `b` appears after the check made up front, once the temporary files are written:
        // `a` is placed, `b` is refused by the no-clobber rename, and `a` is taken back.
        let other_program = || fs::write(&b, b"theirs");
        let hooks = Hooks {
            pause: None,
            run: Some((Step::Written, &other_program)),
        };
        let refused = create_new_all_with(&[(&a, b"[]\n"), (&b, b"[]\n")], &hooks);
        assert!(
            matches!(&refused, Err(WriteError::Exists(p)) if p == &b),
            "{refused:?}"
        );
        assert_eq!(listing(dir.path()), ["b.json"]);
        assert_eq!(fs::read(&b).unwrap_or_default(), b"theirs");
    }

    #[test]
    fn only_an_empty_file_is_removed_and_one_holding_lines_is_put_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rejected.jsonl");
        fs::write(&path, "a line\n").unwrap();
        assert!(!remove_if_empty(&path).unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"a line\n");
        assert_eq!(
            listing(dir.path()),
            ["rejected.jsonl"],
            "nothing left beside it"
        );
        fs::write(&path, "").unwrap();
        assert!(remove_if_empty(&path).unwrap());
        assert!(listing(dir.path()).is_empty());
        assert!(!remove_if_empty(&path).unwrap(), "no file, nothing done");
    }

    #[test]
    fn a_failed_creation_leaves_no_file() {
        for step in [Step::Partial, Step::Written] {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
            let full_disk = || Err(io::Error::other("no space left on device (made by a test)"));
            let hooks = Hooks {
                pause: None,
                run: Some((step, &full_disk)),
            };
            let failed = create_new_all_with(&[(&a, b"[]\n"), (&b, b"[]\n")], &hooks);
            assert!(matches!(failed, Err(WriteError::Io { .. })), "{step:?}");
            assert_eq!(listing(dir.path()), Vec::<String>::new(), "{step:?}");
        }
        // A real failure: the folder does not exist, so not even a temporary file is made.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("nope/a.json");
        let failed = create_new(&missing, b"[]\n");
        assert!(
            failed.as_ref().err().is_some_and(|e| e
                .to_string()
                .contains("a.json: cannot create a temporary file beside it")),
            "{failed:?}"
        );
        assert_eq!(listing(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_replaced_file_is_whole_and_a_failed_replacement_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("marks.json");
        replace(&path, b"{}").unwrap_or_else(|e| panic!("{e}"));
        replace(&path, b"{\"a\": []}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fs::read(&path).unwrap_or_default(), b"{\"a\": []}");
        for step in [Step::Partial, Step::Written] {
            let full_disk = || Err(io::Error::other("no space left on device (made by a test)"));
            let hooks = Hooks {
                pause: None,
                run: Some((step, &full_disk)),
            };
            let failed = replace_with(&path, b"{\"b\": []}", &hooks);
            assert!(matches!(failed, Err(WriteError::Io { .. })), "{step:?}");
            assert_eq!(fs::read(&path).unwrap_or_default(), b"{\"a\": []}");
            assert_eq!(listing(dir.path()), ["marks.json"], "{step:?}");
        }
    }

    #[test]
    fn temporary_files_are_not_named_predictably() {
        // Another user cannot make the name first (a link to a file of theirs, say): the name
        // holds random characters, and the file is created only if the name is free.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("out.md");
        let names: Vec<String> = (0..2)
            .map(|_| {
                let temp = temporary(&path, None).unwrap_or_else(|e| panic!("{e}"));
                let name = temp
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned());
                name.unwrap_or_default()
            })
            .collect();
        assert!(names[0].starts_with(".out.md.") && names[0].ends_with(".tmp"));
        assert!(names[0].len() > ".out.md..tmp".len(), "{names:?}");
        assert_ne!(names[0], names[1]);
    }

    #[test]
    fn a_new_file_gets_the_usual_permissions() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let path = dir.path().join("a.json");
            create_new(&path, b"[]\n").unwrap_or_else(|e| panic!("{e}"));
            let plain = dir.path().join("plain");
            fs::write(&plain, b"").unwrap_or_else(|e| panic!("{e}"));
            let mode = |p: &Path| fs::metadata(p).map(|m| m.permissions().mode() & 0o777).ok();
            // Whatever the umask, the same as a file made the ordinary way (not 0600).
            assert_eq!(mode(&path), mode(&plain));
        }
    }
}
