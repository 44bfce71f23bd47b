//! Where a dataset's files come from (a folder, or the copy built into the binary), and the
//! rules that keep a dataset from reading anything outside itself.

use std::io::{ErrorKind, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The files of the bundled dataset, embedded at build time from `data/` by `build.rs`.
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// A dataset to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetLocation {
    Folder(PathBuf),
    /// The dataset built into the binary.
    Bundled,
    /// Files held in memory, by relative path (fuzzing and tests load without a folder).
    Memory(Arc<[(String, Vec<u8>)]>),
}

impl DatasetLocation {
    /// The dataset the user named; with none, `./data` when it exists, else the bundled one.
    pub fn resolve(given: Option<PathBuf>) -> DatasetLocation {
        match given {
            Some(path) => DatasetLocation::Folder(path),
            None if Path::new("data").is_dir() => DatasetLocation::Folder(PathBuf::from("data")),
            None => DatasetLocation::Bundled,
        }
    }

    /// A short name for titles and status lines.
    pub fn name(&self) -> String {
        match self {
            DatasetLocation::Bundled => "bundled".to_string(),
            DatasetLocation::Memory(_) => "memory".to_string(),
            DatasetLocation::Folder(path) => std::fs::canonicalize(path)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| path.display().to_string()),
        }
    }

    /// The file as shown in messages: the folder as the user typed it, joined with the name.
    pub fn display(&self, relative: &str) -> String {
        match self {
            DatasetLocation::Bundled => format!("<bundled>/{relative}"),
            DatasetLocation::Memory(_) => format!("<memory>/{relative}"),
            DatasetLocation::Folder(path) => path.join(relative).display().to_string(),
        }
    }

    /// The dataset itself as shown in messages.
    pub fn display_root(&self) -> String {
        match self {
            DatasetLocation::Bundled => "<bundled>".to_string(),
            DatasetLocation::Memory(_) => "<memory>".to_string(),
            DatasetLocation::Folder(path) => path.display().to_string(),
        }
    }

    /// Checks that the dataset exists and is a folder.
    pub fn check_root(&self) -> Result<(), String> {
        let DatasetLocation::Folder(path) = self else {
            return Ok(());
        };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Ok(()),
            Ok(_) => Err("is not a folder; a dataset is a folder holding events.jsonl, actors.json and sources.json".into()),
            Err(e) if e.kind() == ErrorKind::NotFound => Err("no such folder".into()),
            Err(e) => Err(format!("cannot open: {e}")),
        }
    }

    /// Whether one of the dataset's own files exists.
    pub fn exists(&self, relative: &str) -> bool {
        match self {
            DatasetLocation::Bundled => bundled(relative).is_some(),
            DatasetLocation::Memory(files) => in_memory(files, relative).is_some(),
            DatasetLocation::Folder(root) => root.join(relative).exists(),
        }
    }

    /// The size in bytes of one of the dataset's own files, when it can be told; used only to
    /// size buffers ahead, never trusted for anything else.
    pub fn size(&self, relative: &str) -> Option<u64> {
        match self {
            DatasetLocation::Bundled => bundled(relative).map(|b| b.len() as u64),
            DatasetLocation::Memory(files) => in_memory(files, relative).map(|b| b.len() as u64),
            DatasetLocation::Folder(root) => {
                std::fs::metadata(root.join(relative)).ok().map(|m| m.len())
            }
        }
    }

    /// Reads one of the dataset's own files; `Ok(None)` when it does not exist.
    pub fn read(&self, relative: &str) -> Result<Option<Vec<u8>>, String> {
        match self {
            DatasetLocation::Bundled => Ok(bundled(relative).map(<[u8]>::to_vec)),
            DatasetLocation::Memory(files) => Ok(in_memory(files, relative).map(<[u8]>::to_vec)),
            DatasetLocation::Folder(root) => match open_inside(root, relative, DATASET_FILES)? {
                Some(file) => read_whole(file)
                    .map(Some)
                    .map_err(|e| format!("cannot read: {e}")),
                None => Ok(None),
            },
        }
    }

    /// Opens one of the dataset's own files for streaming; `Ok(None)` when it does not exist.
    pub fn open(&self, relative: &str) -> Result<Option<Box<dyn Read + Send>>, String> {
        match self {
            DatasetLocation::Bundled => {
                Ok(bundled(relative).map(|bytes| Box::new(bytes) as Box<dyn Read + Send>))
            }
            DatasetLocation::Memory(files) => Ok(in_memory(files, relative).map(|bytes| {
                Box::new(std::io::Cursor::new(bytes.to_vec())) as Box<dyn Read + Send>
            })),
            DatasetLocation::Folder(root) => Ok(open_inside(root, relative, DATASET_FILES)?
                .map(|file| Box::new(file) as Box<dyn Read + Send>)),
        }
    }

    /// Reads a source document named by `sources.json`, refusing any path that leads outside
    /// the dataset folder (absolute, `..`, or a symbolic link pointing out).
    pub fn read_source(&self, relative: &str) -> Result<Vec<u8>, String> {
        self.source_reader().read(relative)
    }

    /// A reader of many source documents (see `read_source`), which resolves the dataset
    /// folder and each folder inside it once rather than for every file.
    pub fn source_reader(&self) -> SourceReader<'_> {
        SourceReader {
            location: self,
            inside: None,
        }
    }
}

/// Reads source documents for `DatasetLocation::read_source`, remembering what it resolved.
pub struct SourceReader<'a> {
    location: &'a DatasetLocation,
    /// For a folder: the folder resolved, with the folders inside it met so far.
    inside: Option<Result<Inside, String>>,
}

impl SourceReader<'_> {
    /// `DatasetLocation::read_source`.
    pub fn read(&mut self, relative: &str) -> Result<Vec<u8>, String> {
        if relative.is_empty() {
            return Err("the file path is empty".into());
        }
        let path = Path::new(relative);
        if path.is_absolute() || relative.starts_with('/') || relative.starts_with('\\') {
            return Err(
                "is an absolute path; source files must be inside the dataset folder".into(),
            );
        }
        if path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
        {
            return Err("contains '..'; source files must be inside the dataset folder".into());
        }
        match self.location {
            DatasetLocation::Bundled => bundled(relative)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "file not found in the bundled dataset".to_string()),
            DatasetLocation::Memory(files) => in_memory(files, relative)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "file not found".to_string()),
            DatasetLocation::Folder(root) => {
                let inside = self
                    .inside
                    .get_or_insert_with(|| match std::fs::canonicalize(root) {
                        Ok(root) => Ok(Inside::new(root)),
                        Err(e) if e.kind() == ErrorKind::NotFound => Err("file not found".into()),
                        Err(e) => Err(format!("cannot open the dataset folder: {e}")),
                    });
                let inside = inside.as_mut().map_err(|e| e.clone())?;
                let mut file = inside
                    .open(relative, SOURCE_FILES)?
                    .ok_or("file not found")?;
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)
                    .map_err(|e| format!("cannot read: {e}"))?;
                Ok(bytes)
            }
        }
    }
}

/// Whether a source's `file` names a path inside the dataset folder (relative, no `..`), the
/// only kind `read_source` reads.
pub fn inside_folder(relative: &str) -> bool {
    let path = Path::new(relative);
    !relative.is_empty()
        && !path.is_absolute()
        && !relative.starts_with(['/', '\\'])
        && !path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
}

fn bundled(relative: &str) -> Option<&'static [u8]> {
    BUNDLED
        .iter()
        .find(|(name, _)| *name == relative)
        .map(|(_, bytes)| *bytes)
}

fn in_memory<'f>(files: &'f [(String, Vec<u8>)], relative: &str) -> Option<&'f [u8]> {
    files
        .iter()
        .find(|(name, _)| name == relative)
        .map(|(_, bytes)| bytes.as_slice())
}

/// What the inside-the-folder rule is about, for its message.
pub(crate) const DATASET_FILES: &str = "the dataset's files";
pub(crate) const SOURCE_FILES: &str = "source files";

/// A file's bytes. A large file is read by every core, a part each: a read copies the file
/// into fresh memory, which the system hands over a page at a time, so that each core takes
/// on the pages of its own part.
fn read_whole(mut file: std::fs::File) -> std::io::Result<Vec<u8>> {
    const LARGE: u64 = 4 << 20;
    #[cfg(unix)]
    if let Some(len) = file
        .metadata()
        .ok()
        .map(|m| m.len())
        .filter(|len| *len >= LARGE)
        .and_then(|len| usize::try_from(len).ok())
    {
        if let Some(bytes) = read_in_parts(&file, len) {
            return Ok(bytes);
        }
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The `len` bytes of `file`, read in one part a core; `None` when the file is not `len` bytes
/// long after all (it changed while read), for a read in one pass.
#[cfg(unix)]
fn read_in_parts(file: &std::fs::File, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut bytes = vec![0u8; len];
    let read = crate::shares::in_shares_mut(&mut bytes, |start, part| {
        vec![file.read_exact_at(part, start as u64).is_ok()]
    });
    let mut past = [0u8; 1];
    let whole = read.iter().all(|ok| *ok) && matches!(file.read_at(&mut past, len as u64), Ok(0));
    whole.then_some(bytes)
}

/// Opens `relative` under `root` after resolving every symbolic link, refusing what resolves
/// outside the folder and anything but a regular file (a named pipe would block the load
/// forever, a device would never end); `Ok(None)` when it does not exist. The cache hashes
/// the files through this same rule, so that what a load would refuse is never a cache hit.
pub(crate) fn open_inside(
    root: &Path,
    relative: &str,
    what: &str,
) -> Result<Option<std::fs::File>, String> {
    let root = match std::fs::canonicalize(root) {
        Ok(root) => root,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot open the dataset folder: {e}")),
    };
    open_inside_resolved(&root, relative, what)
}

/// What a look at a file tells of its content without reading it: its modification time and
/// size, and where the system has them its inode and change time, which any write moves, even
/// one that puts the size, the modification time or the bytes themselves back (`touch -r`, a
/// same-length overwrite).
pub type Stamp = (std::time::SystemTime, u64, u64, i64, i64);

/// `path`'s stamp; `None` when it cannot be looked at (missing, say).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (inode, changed, changed_ns) = {
        use std::os::unix::fs::MetadataExt;
        (meta.ino(), meta.ctime(), meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let (inode, changed, changed_ns) = (0, 0, 0);
    Some((
        meta.modified().ok()?,
        meta.len(),
        inode,
        changed,
        changed_ns,
    ))
}

/// Opens files of one resolved dataset folder by `open_inside`'s rule, resolving each folder
/// inside it once: resolving every file's path from the top asked the system about each of
/// its parts (four calls a file for `sources/a.txt`), some 60,000 calls for 10,000 sources.
/// A file's own name is looked at without following it; one that is a link, and anything
/// out of the ordinary, is resolved whole by `open_inside_resolved`, with its messages.
pub(crate) struct Inside {
    root: PathBuf,
    /// Each folder met (as written, relative to the root) resolved, `None` when missing.
    folders: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl Inside {
    /// For the dataset folder `root`, already resolved (`fs::canonicalize`).
    pub(crate) fn new(root: PathBuf) -> Inside {
        Inside {
            root,
            folders: std::collections::HashMap::new(),
        }
    }

    /// `open_inside_resolved(root, relative, what)`.
    pub(crate) fn open(
        &mut self,
        relative: &str,
        what: &str,
    ) -> Result<Option<std::fs::File>, String> {
        let path = Path::new(relative);
        let whole = |root: &Path| open_inside_resolved(root, relative, what);
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return whole(&self.root);
        };
        if !self.folders.contains_key(parent) {
            let resolved = match std::fs::canonicalize(self.root.join(parent)) {
                Ok(folder) => Some(folder),
                Err(e) if e.kind() == ErrorKind::NotFound => None,
                Err(_) => return whole(&self.root),
            };
            self.folders.insert(parent.to_path_buf(), resolved);
        }
        let Some(Some(folder)) = self.folders.get(parent) else {
            return Ok(None);
        };
        if !folder.starts_with(&self.root) {
            return whole(&self.root);
        }
        let candidate = folder.join(name);
        match std::fs::symlink_metadata(&candidate) {
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Ok(meta) if meta.is_file() => match open_no_follow(&candidate) {
                Ok(file) => Ok(Some(file)),
                // Replaced meanwhile (by a link, say): resolved whole.
                Err(_) => whole(&self.root),
            },
            _ => whole(&self.root),
        }
    }
}

/// Opens `path` for reading, refusing to follow it should it be a symbolic link by now.
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    options.open(path)
}

/// `open_inside` of a `root` already resolved (`fs::canonicalize`), for many files of one
/// folder.
pub(crate) fn open_inside_resolved(
    root: &Path,
    relative: &str,
    what: &str,
) -> Result<Option<std::fs::File>, String> {
    let joined = root.join(relative);
    let resolved = match std::fs::canonicalize(&joined) {
        Ok(resolved) => resolved,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot open: {e}")),
    };
    if !resolved.starts_with(root) {
        return Err(format!(
            "leads outside the dataset folder (to {}); {what} must be inside it",
            resolved.display()
        ));
    }
    let meta = std::fs::metadata(&resolved).map_err(|e| format!("cannot open: {e}"))?;
    if meta.is_dir() {
        return Err("is a folder, not a text file".into());
    }
    if !meta.is_file() {
        return Err(
            "is not a regular file (a pipe, socket or device); it cannot be read as text".into(),
        );
    }
    std::fs::File::open(&resolved)
        .map(Some)
        .map_err(|e| format!("cannot read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Inside::open` answers as `open_inside_resolved` does, file by file, whatever the path:
    /// plain, missing, a folder, links inside and out, a folder that is a link out.
    #[cfg(unix)]
    #[test]
    fn inside_opens_as_the_rule_for_one_file_does() {
        use std::os::unix::fs::symlink;
        let top = tempfile::tempdir().expect("a temporary folder");
        let outside = top.path().join("outside");
        std::fs::create_dir_all(&outside).expect("made");
        std::fs::write(outside.join("secret.txt"), "secret").expect("written");
        let root = top.path().join("data");
        std::fs::create_dir_all(root.join("sources/deeper")).expect("made");
        std::fs::write(root.join("sources/a.txt"), "a").expect("written");
        std::fs::write(root.join("sources/deeper/b.txt"), "b").expect("written");
        std::fs::write(root.join("top.txt"), "top").expect("written");
        symlink(root.join("sources/a.txt"), root.join("sources/link-in.txt")).expect("link");
        symlink(
            outside.join("secret.txt"),
            root.join("sources/link-out.txt"),
        )
        .expect("link");
        symlink(&outside, root.join("away")).expect("link");
        symlink(root.join("sources"), root.join("again")).expect("link");
        let root = std::fs::canonicalize(&root).expect("resolved");
        let answer = |opened: Result<Option<std::fs::File>, String>| {
            opened.map(|file| {
                file.map(|mut f| {
                    let mut text = String::new();
                    f.read_to_string(&mut text).expect("read");
                    text
                })
            })
        };
        let mut inside = Inside::new(root.clone());
        let paths = [
            "top.txt",
            "sources/a.txt",
            "sources/deeper/b.txt",
            "sources/missing.txt",
            "missing/a.txt",
            "sources/deeper",
            "sources/link-in.txt",
            "sources/link-out.txt",
            "away/secret.txt",
            "again/a.txt",
            "top.txt/a.txt",
            "sources/./a.txt",
        ];
        // Twice: the second time from the folders remembered.
        for path in paths.iter().chain(&paths) {
            let expected = answer(open_inside_resolved(&root, path, SOURCE_FILES));
            assert_eq!(answer(inside.open(path, SOURCE_FILES)), expected, "{path}");
        }
        assert_eq!(
            answer(inside.open("sources/a.txt", SOURCE_FILES)),
            Ok(Some("a".into()))
        );
        assert!(inside.open("away/secret.txt", SOURCE_FILES).is_err());
        assert!(inside.open("sources/link-out.txt", SOURCE_FILES).is_err());
    }

    /// A file large enough to be read in parts reads back byte for byte, as a small one does.
    #[test]
    fn reads_a_large_file_whole() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let large: Vec<u8> = (0..(5u32 << 20) + 7).map(|i| (i % 251) as u8).collect();
        std::fs::write(dir.path().join("actors.json"), &large).expect("written");
        std::fs::write(dir.path().join("sources.json"), b"[]").expect("written");
        let location = DatasetLocation::Folder(dir.path().to_path_buf());
        assert_eq!(location.read("actors.json"), Ok(Some(large)));
        assert_eq!(location.read("sources.json"), Ok(Some(b"[]".to_vec())));
        assert_eq!(location.read("events.jsonl"), Ok(None));
    }
}
