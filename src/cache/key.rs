//! What a cache entry depends on: the bytes of every dataset and source file, and the build
//! of the program that wrote it. Hashed with xxh3 over memory-mapped files, a few GB/s.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_128;

/// A file's content as the cache knows it: absent, or present with its xxh3-128 hash.
pub type Digest = Option<u128>;

/// Files at least this big are hashed in two halves on two threads.
const BIG: u64 = 16 << 20;

/// The hash of the file at `path`, `None` when there is no such file.
pub fn file_digest(path: &Path) -> io::Result<Digest> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    if len < BIG {
        let mut bytes = Vec::with_capacity(len as usize + 1);
        file.read_to_end(&mut bytes)?;
        return Ok(Some(xxh3_128(&bytes)));
    }
    // Read rather than mapped: a map would count the whole file in the process's memory.
    let half = len / 2;
    let (a, b) = std::thread::scope(|scope| {
        let second = scope.spawn(|| hash_range(path, half, len));
        let first = hash_range(path, 0, half);
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
    Ok(Some(xxh3_128(&halves)))
}

/// The xxh3-128 of the bytes `from..to` of the file at `path`, read a few megabytes at a time.
fn hash_range(path: &Path, from: u64, to: u64) -> io::Result<u128> {
    use std::io::{Seek, SeekFrom};
    // A handle of its own: two threads seeking one handle would move each other's place.
    let mut file = File::open(path)?;
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

/// Hashes `paths`, in order: the small files shared between the cores.
pub fn digests(paths: &[PathBuf]) -> io::Result<Vec<Digest>> {
    crate::shares::in_shares(paths, |share: &[PathBuf]| {
        share
            .iter()
            .map(|p| file_digest(p))
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
        file_digest(&exe).ok().flatten()
    })
}
