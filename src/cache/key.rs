//! What a cache entry depends on: the bytes of every dataset and source file, and the build
//! of the program that wrote it. Hashed with xxh3, a few GB/s.

use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_128;

use crate::files::{open_inside_resolved, Inside, SOURCE_FILES};

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
    match open_inside_resolved(root, relative, what).map_err(io::Error::other)? {
        Some(file) => hash_file(&file).map(Some),
        None => Ok(None),
    }
}

/// The hash of `file`, all of it: a file found longer than its length said when it was
/// opened (being written meanwhile) is an error rather than the hash of what it was.
fn hash_file(file: &File) -> io::Result<u128> {
    let len = file.metadata()?.len();
    let hash = if len < BIG {
        hash_range(file, 0, len)?
    } else {
        // Read at given places rather than through the handle's own, so that both threads
        // share one handle (a second open of the file would resolve its path again).
        let half = len / 2;
        let (a, b) = std::thread::scope(|scope| {
            let second = scope.spawn(|| hash_range(file, half, len));
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
        xxh3_128(&halves)
    };
    if read_at(file, &mut [0u8], len)? != 0 {
        return Err(io::Error::other("the file grew while it was hashed"));
    }
    Ok(hash)
}

/// The xxh3-128 of the bytes `from..to` of `file`, read a few hundred kilobytes at a time
/// into a buffer that stays in the core's own cache between the copy and the hash (a buffer
/// the size of the file would be fresh memory for the system to hand over page by page).
fn hash_range(file: &File, from: u64, to: u64) -> io::Result<u128> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buffer = vec![0u8; ((to - from) as usize).clamp(1, 256 << 10)];
    let mut at = from;
    while at < to {
        let want = ((to - at) as usize).min(buffer.len());
        let read = read_at(file, &mut buffer[..want], at)?;
        if read == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        hasher.update(&buffer[..read]);
        at += read as u64;
    }
    Ok(hasher.digest128())
}

/// Reads into `buffer` from the place `at` of `file`, whatever the handle's own place, so
/// that threads can share the handle.
#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buffer, at)
}

#[cfg(windows)]
fn read_at(file: &File, buffer: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buffer, at)
}

/// Hashes the source files `relative` in `root`, in order: the small files shared between
/// the cores. An error when any is one the loader would refuse.
pub fn source_digests(root: &Path, relative: &[&str]) -> io::Result<Vec<Digest>> {
    // Resolved once, not for each of thousands of files, and each folder inside it once a
    // core.
    let root = fs::canonicalize(root)?;
    crate::shares::in_shares(relative, |share: &[&str]| {
        let mut inside = Inside::new(root.clone());
        share
            .iter()
            .map(|f| {
                // The loader's other rules for a source's path, before it is opened.
                if !crate::files::inside_folder(f) {
                    return Err(io::Error::other("leads outside the dataset folder"));
                }
                match inside.open(f, SOURCE_FILES).map_err(io::Error::other)? {
                    Some(file) => hash_file(&file).map(Some),
                    None => Ok(None),
                }
            })
            .collect::<Vec<io::Result<Digest>>>()
    })
    .into_iter()
    .collect()
}

/// The running program's identity, so that a rebuilt binary, whose image layout may differ
/// though `FORMAT` was forgotten, never reads an entry an older build wrote: the build id
/// the linker wrote into the executable (a hash of the bytes it linked) with the
/// executable's length, else the hash of all its bytes (some 40 MB, which took a tenth of a
/// cached `chronicle actors --search`). Computed once per process; `None` when the
/// executable cannot be read (then nothing is cached).
pub fn build() -> Option<u128> {
    static BUILD: OnceLock<Option<u128>> = OnceLock::new();
    *BUILD.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let file = File::open(exe).ok()?;
        match build_id(&file) {
            Some(id) => {
                let len = file.metadata().ok()?.len();
                Some(xxh3_128(
                    &[b"build id ", &id[..], &len.to_le_bytes()].concat(),
                ))
            }
            None => hash_file(&file).ok(),
        }
    })
}

/// The GNU build id note of an ELF executable (64-bit, little-endian), when it has one of
/// at least 8 bytes; `None` for anything else, which is then hashed whole.
fn build_id(file: &File) -> Option<Vec<u8>> {
    let read = |at: u64, len: usize| -> Option<Vec<u8>> {
        let mut bytes = vec![0u8; len];
        let mut done = 0;
        while done < len {
            match read_at(file, &mut bytes[done..], at + done as u64) {
                Ok(0) | Err(_) => return None,
                Ok(n) => done += n,
            }
        }
        Some(bytes)
    };
    let u16_at =
        |b: &[u8], at: usize| Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?));
    let u32_at =
        |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?));
    let u64_at =
        |b: &[u8], at: usize| Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?));
    let head = read(0, 64)?;
    // ELF magic, 64-bit class, little-endian data.
    if head[..4] != *b"\x7fELF" || head[4] != 2 || head[5] != 1 {
        return None;
    }
    let (table, entry, count) = (
        u64_at(&head, 0x20)?,
        u16_at(&head, 0x36)?,
        u16_at(&head, 0x38)?,
    );
    if entry < 56 {
        return None;
    }
    let headers = read(table, usize::from(entry) * usize::from(count))?;
    const PT_NOTE: u32 = 4;
    const NT_GNU_BUILD_ID: u32 = 3;
    for header in headers.chunks_exact(usize::from(entry)) {
        if u32_at(header, 0)? != PT_NOTE {
            continue;
        }
        let (at, len) = (u64_at(header, 8)?, u64_at(header, 32)?);
        if len > 1 << 16 {
            continue;
        }
        let notes = read(at, len as usize)?;
        let mut rest = notes.as_slice();
        while rest.len() >= 12 {
            let name_len = u32_at(rest, 0)? as usize;
            let desc_len = u32_at(rest, 4)? as usize;
            let kind = u32_at(rest, 8)?;
            let name_end = 12usize.checked_add(name_len)?;
            let desc_at = name_end.checked_next_multiple_of(4)?;
            let desc_end = desc_at.checked_add(desc_len)?;
            let name = rest.get(12..name_end)?;
            let desc = rest.get(desc_at..desc_end)?;
            if kind == NT_GNU_BUILD_ID && name == b"GNU\0" && desc.len() >= 8 {
                return Some(desc.to_vec());
            }
            rest = rest.get(desc_end.checked_next_multiple_of(4)?.min(rest.len())..)?;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal ELF file: its header, one program header (a note segment) and the notes.
    fn elf(notes: &[u8]) -> Vec<u8> {
        let mut bytes = vec![0u8; 64];
        bytes[..4].copy_from_slice(b"\x7fELF");
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[0x20..0x28].copy_from_slice(&64u64.to_le_bytes());
        bytes[0x36..0x38].copy_from_slice(&56u16.to_le_bytes());
        bytes[0x38..0x3a].copy_from_slice(&1u16.to_le_bytes());
        let mut header = vec![0u8; 56];
        header[..4].copy_from_slice(&4u32.to_le_bytes());
        header[8..16].copy_from_slice(&120u64.to_le_bytes());
        header[32..40].copy_from_slice(&(notes.len() as u64).to_le_bytes());
        bytes.extend(header);
        bytes.extend(notes);
        bytes
    }

    fn note(name: &[u8], kind: u32, desc: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend((name.len() as u32).to_le_bytes());
        bytes.extend((desc.len() as u32).to_le_bytes());
        bytes.extend(kind.to_le_bytes());
        bytes.extend(name);
        bytes.resize(bytes.len().next_multiple_of(4), 0);
        bytes.extend(desc);
        bytes.resize(bytes.len().next_multiple_of(4), 0);
        bytes
    }

    fn build_id_of(bytes: &[u8]) -> Option<Vec<u8>> {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(bytes).unwrap();
        build_id(&file)
    }

    #[test]
    fn the_build_id_is_read_from_an_elf_note_after_others() {
        let id: Vec<u8> = (1..=20).collect();
        let notes = [note(b"GNU\0", 1, &[0; 16]), note(b"GNU\0", 3, &id)].concat();
        assert_eq!(build_id_of(&elf(&notes)), Some(id.clone()));
        // Another owner's note of the same kind is not a build id.
        let notes = [note(b"Go\0\0", 3, &id), note(b"GNU\0", 3, &id[..10])].concat();
        assert_eq!(build_id_of(&elf(&notes)), Some(id[..10].to_vec()));
        assert_eq!(build_id_of(&elf(&note(b"Go\0\0", 3, &id))), None);
    }

    #[test]
    fn anything_but_an_elf_file_with_a_build_id_has_none() {
        let id: Vec<u8> = (1..=20).collect();
        let whole = elf(&note(b"GNU\0", 3, &id));
        assert_eq!(build_id_of(&whole), Some(id));
        // Too short an id, cut files, another class, and no ELF at all.
        assert_eq!(build_id_of(&elf(&note(b"GNU\0", 3, &[7; 4]))), None);
        for cut in [10, 64, 100, whole.len() - 1] {
            assert_eq!(build_id_of(&whole[..cut]), None, "cut at {cut}");
        }
        let mut other = whole.clone();
        other[4] = 1;
        assert_eq!(build_id_of(&other), None);
        assert_eq!(build_id_of(b"#!/bin/sh\necho hello\n"), None);
        assert_eq!(build_id_of(&[]), None);
    }

    #[test]
    fn a_file_is_hashed_whole_in_one_piece_or_two_halves() {
        for len in [0, 1, 1000, (256 << 10) + 3, BIG as usize + 5] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let mut file = tempfile::tempfile().unwrap();
            file.write_all(&bytes).unwrap();
            let expected = if (len as u64) < BIG {
                xxh3_128(&bytes)
            } else {
                let half = len / 2;
                let mut halves = Vec::new();
                halves.extend(xxh3_128(&bytes[..half]).to_le_bytes());
                halves.extend(xxh3_128(&bytes[half..]).to_le_bytes());
                halves.extend((len as u64).to_le_bytes());
                xxh3_128(&halves)
            };
            assert_eq!(hash_file(&file).unwrap(), expected, "{len} bytes");
        }
    }

    #[test]
    fn the_running_program_has_an_identity() {
        assert!(build().is_some());
        assert_eq!(build(), build());
    }
}
