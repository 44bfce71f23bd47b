//! What the browser remembers between runs (marked events, per dataset), kept in the user's
//! state directory and never in a dataset folder. Files are replaced atomically
//! (`write::replace`); a file that cannot be read is set aside rather than trusted or lost.

use std::collections::{BTreeMap, BTreeSet};
use std::io::ErrorKind;
use std::path::PathBuf;

use crate::files::DatasetLocation;

/// Overrides the state directory (tests use a temporary one).
pub const STATE_DIR_VAR: &str = "CHRONICLE_STATE_DIR";
const MARKS_FILE: &str = "marks.json";

/// The state directory: `$CHRONICLE_STATE_DIR`, else `$XDG_STATE_HOME/chronicle`, else
/// `~/.local/state/chronicle`; `None` when none of them can be told.
pub fn state_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var(STATE_DIR_VAR) {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = var("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
    {
        return Some(dir.join("chronicle"));
    }
    var("HOME").map(|home| PathBuf::from(home).join(".local/state/chronicle"))
}

/// Which dataset marks belong to: the canonical folder path, or "bundled".
pub fn dataset_key(location: &DatasetLocation) -> String {
    match location {
        DatasetLocation::Bundled => "bundled".into(),
        DatasetLocation::Memory(_) => "memory".into(),
        DatasetLocation::Folder(path) => std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string(),
    }
}

/// The marks file: dataset key → marked event ids.
type MarksFile = BTreeMap<String, BTreeSet<String>>;

/// Marks kept in `dir` for the dataset `key`.
pub struct MarkStore {
    dir: PathBuf,
    key: String,
}

/// What loading found: the marks, and a warning to show when the file was set aside.
pub struct Loaded {
    pub marks: BTreeSet<String>,
    pub warning: Option<String>,
}

impl MarkStore {
    pub fn new(dir: PathBuf, key: String) -> MarkStore {
        MarkStore { dir, key }
    }

    fn path(&self) -> PathBuf {
        self.dir.join(MARKS_FILE)
    }

    /// Reads the whole file; a missing file is empty, an unreadable one an error.
    fn read_all(&self) -> Result<MarksFile, String> {
        match std::fs::read(self.path()) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| e.to_string()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(MarksFile::new()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The dataset's marks. A corrupt file is renamed `marks.json.corrupt` and reported.
    pub fn load(&self) -> Loaded {
        match self.read_all() {
            Ok(mut all) => Loaded {
                marks: all.remove(&self.key).unwrap_or_default(),
                warning: None,
            },
            Err(error) => {
                let path = self.path();
                let aside = path.with_extension("json.corrupt");
                let warning = match std::fs::rename(&path, &aside) {
                    Ok(()) => format!(
                        "The marks file {} could not be read ({error}); it was set aside as {} and marks start empty.",
                        path.display(),
                        aside.display()
                    ),
                    Err(e) => format!(
                        "The marks file {} could not be read ({error}) nor set aside ({e}); marks start empty.",
                        path.display()
                    ),
                };
                Loaded {
                    marks: BTreeSet::new(),
                    warning: Some(warning),
                }
            }
        }
    }

    /// Saves the dataset's marks, keeping other datasets' entries (read again just before, so
    /// that two browsers open on different datasets do not undo each other).
    pub fn save(&self, marks: &BTreeSet<String>) -> Result<(), String> {
        let mut all = self.read_all().unwrap_or_default();
        if marks.is_empty() {
            all.remove(&self.key);
        } else {
            all.insert(self.key.clone(), marks.clone());
        }
        let text = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| format!("cannot save marks in {}: {e}", self.dir.display()))?;
        crate::write::replace(&self.path(), text.as_bytes())
            .map_err(|e| format!("cannot save marks: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn marks_round_trip_per_dataset() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let a = MarkStore::new(dir.path().join("nested"), "a".into());
        let b = MarkStore::new(dir.path().join("nested"), "b".into());
        assert!(a.load().marks.is_empty());
        a.save(&marks(&["x", "y"]))
            .unwrap_or_else(|e| panic!("{e}"));
        b.save(&marks(&["z"])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.load().marks, marks(&["x", "y"]));
        assert_eq!(b.load().marks, marks(&["z"]));
        a.save(&BTreeSet::new()).unwrap_or_else(|e| panic!("{e}"));
        assert!(a.load().marks.is_empty());
        assert_eq!(b.load().marks, marks(&["z"]));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("nested"))
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join(MARKS_FILE), "{not json").unwrap_or_else(|e| panic!("{e}"));
        let store = MarkStore::new(dir.path().to_path_buf(), "a".into());
        let loaded = store.load();
        assert!(loaded.marks.is_empty());
        let warning = loaded.warning.unwrap_or_default();
        assert!(warning.contains("set aside"), "{warning}");
        assert!(dir.path().join("marks.json.corrupt").exists());
        store.save(&marks(&["x"])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.load().marks, marks(&["x"]));
    }
}
