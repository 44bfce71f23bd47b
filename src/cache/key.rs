//! What a cache entry depends on: the bytes of every dataset and source file, and the build
//! of the program that wrote it. Hashed with xxh3 over memory-mapped files, a few GB/s.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_128;

use crate::files::{open_inside_resolved, SOURCE_FILES};

/// A file's content as the cache knows it: absent, or present with its xxh3-128 hash.
pub type Digest = Option<u128>;

/// Files at least this big are hashed in two halves on two threads.
const BIG: u64 = 16 << 20;

/// The hash of the file `relative` in the dataset folder `root`, `None` when there is no such
/// file. Opened through the loader's own rule (`files::open_inside`): a file the loader would
/// refuse (leading outside the folder, a pipe, a device) is an error here, never hashed, so
/// that it can never match an entry, and a named pipe is never opened (that would block).
pub fn file_digest(root: &Path, relative: &str, what: &str) -> io::Result<Digest> {
    let root = fs::canonicalize(root)?;
    resolved_digest(&root, relative, what)
}

/// `file_digest` in a `root` already resolved (`fs::canonicalize`).
fn resolved_digest(root: &Path, relative: &str, what: &str) -> io::Result<Digest> {
    let open = || open_inside_resolved(root, relative, what).map_err(io::Error::other);
    let Some(file) = open()? else {
        return Ok(None);
    };
    hash_file(file, || {
        open()?.ok_or_else(|| io::ErrorKind::NotFound.into())
    })
    .map(Some)
}

/// The hash of `file`; `again` opens it once more, for a second thread on a big file.
fn hash_file(mut file: File, again: impl Fn() -> io::Result<File> + Sync) -> io::Result<u128> {
    let len = file.metadata()?.len();
    if len < BIG {
        let mut bytes = Vec::with_capacity(len as usize + 1);
        file.read_to_end(&mut bytes)?;
        return Ok(xxh3_128(&bytes));
    }
    // Read rather than mapped: a map would count the whole file in the process's memory.
    let half = len / 2;
    let (a, b) = std::thread::scope(|scope| {
        // A handle of its own: two threads seeking one handle would move each other's place.
        let second = scope.spawn(|| hash_range(again()?, half, len));
        let first = hash_range(file, 0, half);
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    });
    let (a, b) = (a?, b?);
    let mut halves = [0u8; 40];
    halves[..16].copy_from_slice(&a.to_le_bytes());
    halves[16..32].copy_from_slice(&b.to_le_bytes());
    halves[32..].copy_from_slice(&len.to_le_bytes());
    Ok(xxh3_128(&halves))
}

/// The xxh3-128 of the bytes `from..to` of `file`, read a few megabytes at a time.
fn hash_range(mut file: File, from: u64, to: u64) -> io::Result<u128> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(from))?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Small enough to stay in the core's own cache between the copy and the hash.
    let mut buffer = vec![0u8; 256 << 10];
    let mut at = from;
    while at < to {
        let want = ((to - at) as usize).min(buffer.len());
        let read = file.read(&mut buffer[..want])?;
        if read == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        hasher.update(&buffer[..read]);
        at += read as u64;
    }
    Ok(hasher.digest128())
}

/// Hashes the source files `relative` in `root`, in order: the small files shared between
/// the cores. An error when any is one the loader would refuse.
pub fn source_digests(root: &Path, relative: &[&str]) -> io::Result<Vec<Digest>> {
    // Resolved once, not for each of thousands of files.
    let root = fs::canonicalize(root)?;
    let root = root.as_path();
    crate::shares::in_shares(relative, |share: &[&str]| {
        share
            .iter()
            .map(|f| {
                // The loader's other rules for a source's path, before it is opened.
                if !crate::files::inside_folder(f) {
                    return Err(io::Error::other("leads outside the dataset folder"));
                }
                resolved_digest(root, f, SOURCE_FILES)
            })
            .collect::<Vec<io::Result<Digest>>>()
    })
    .into_iter()
    .collect()
}

/// The running program's identity: the hash of its executable's bytes, so that a rebuilt
/// binary, whose image layout may differ though `FORMAT` was forgotten, never reads an entry
/// an older build wrote. Computed once per process; `None` when the executable cannot be read
/// (then nothing is cached).
pub fn build() -> Option<u128> {
    static BUILD: OnceLock<Option<u128>> = OnceLock::new();
    *BUILD.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let file = File::open(&exe).ok()?;
        hash_file(file, || File::open(&exe)).ok()
    })
}
