//! Where a dataset's files come from (a folder, or the copy built into the binary), and the
//! rules that keep a dataset from reading anything outside itself.

use std::io::{ErrorKind, Read};
use std::path::{Component, Path, PathBuf};

/// The files of the bundled dataset, embedded at build time from `data/` by `build.rs`.
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// A dataset to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetLocation {
    Folder(PathBuf),
    /// The dataset built into the binary.
    Bundled,
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
            DatasetLocation::Folder(path) => path.join(relative).display().to_string(),
        }
    }

    /// The dataset itself as shown in messages.
    pub fn display_root(&self) -> String {
        match self {
            DatasetLocation::Bundled => "<bundled>".to_string(),
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
            DatasetLocation::Folder(root) => root.join(relative).exists(),
        }
    }

    /// Reads one of the dataset's own files; `Ok(None)` when it does not exist.
    pub fn read(&self, relative: &str) -> Result<Option<Vec<u8>>, String> {
        match self {
            DatasetLocation::Bundled => Ok(bundled(relative).map(<[u8]>::to_vec)),
            DatasetLocation::Folder(root) => match std::fs::read(root.join(relative)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
                Err(e) => Err(format!("cannot read: {e}")),
            },
        }
    }

    /// Opens one of the dataset's own files for streaming; `Ok(None)` when it does not exist.
    pub fn open(&self, relative: &str) -> Result<Option<Box<dyn Read + Send>>, String> {
        match self {
            DatasetLocation::Bundled => {
                Ok(bundled(relative).map(|bytes| Box::new(bytes) as Box<dyn Read + Send>))
            }
            DatasetLocation::Folder(root) => match std::fs::File::open(root.join(relative)) {
                Ok(file) => Ok(Some(Box::new(file))),
                Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
                Err(e) => Err(format!("cannot read: {e}")),
            },
        }
    }

    /// Reads a source document named by `sources.json`, refusing any path that leads outside
    /// the dataset folder (absolute, `..`, or a symbolic link pointing out).
    pub fn read_source(&self, relative: &str) -> Result<Vec<u8>, String> {
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
        match self {
            DatasetLocation::Bundled => bundled(relative)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "file not found in the bundled dataset".to_string()),
            DatasetLocation::Folder(root) => read_inside(root, relative),
        }
    }
}

fn bundled(relative: &str) -> Option<&'static [u8]> {
    BUNDLED
        .iter()
        .find(|(name, _)| *name == relative)
        .map(|(_, bytes)| *bytes)
}

fn read_inside(root: &Path, relative: &str) -> Result<Vec<u8>, String> {
    let joined = root.join(relative);
    let resolved = match std::fs::canonicalize(&joined) {
        Ok(resolved) => resolved,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err("file not found".into()),
        Err(e) => return Err(format!("cannot open: {e}")),
    };
    let root =
        std::fs::canonicalize(root).map_err(|e| format!("cannot open the dataset folder: {e}"))?;
    if !resolved.starts_with(&root) {
        return Err(format!(
            "leads outside the dataset folder (to {}); source files must be inside it",
            resolved.display()
        ));
    }
    if resolved.is_dir() {
        return Err("is a folder, not a text file".into());
    }
    std::fs::read(&resolved).map_err(|e| format!("cannot read: {e}"))
}
