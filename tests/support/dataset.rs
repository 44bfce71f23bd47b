//! Building broken datasets: copy the small fixture, break one thing, load, read the problems.
//! Shared by `tests/check_problems.rs`, `tests/hostile/` and `tests/e2e.rs`.

// Each test crate that includes this file uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use chronicle::files::DatasetLocation;
use chronicle::load::{load, Dataset};

pub const SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create temp dataset");
    for entry in fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy fixture file");
        }
    }
}

/// Replaces the first `from` in `root/file` by `to`, insisting that `from` is there.
pub fn replace_in(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("read dataset file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write dataset file");
}

/// A fresh copy of the small dataset in a temporary folder named `data`.
pub struct Copy {
    _temp: tempfile::TempDir,
    pub root: std::path::PathBuf,
}

impl Copy {
    pub fn new() -> Copy {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path().join("data");
        copy_dir(Path::new(SMALL), &root);
        Copy { _temp: temp, root }
    }

    pub fn write(&self, file: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root.join(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create folder");
        }
        fs::write(path, bytes).expect("write dataset file");
    }

    pub fn read(&self, file: &str) -> String {
        fs::read_to_string(self.root.join(file)).expect("read dataset file")
    }

    pub fn replace(&self, file: &str, from: &str, to: &str) {
        replace_in(&self.root, file, from, to);
    }

    pub fn load(&self) -> Result<Dataset, Vec<chronicle::problem::Problem>> {
        load(&DatasetLocation::Folder(self.root.clone()))
    }

    /// The problems as `chronicle check` prints them, the folder shown as `DATA`.
    pub fn problems(&self) -> Vec<String> {
        match self.load() {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|p| {
                    p.to_string()
                        .replace(&self.root.display().to_string(), "DATA")
                })
                .collect(),
        }
    }
}

/// The problems after `edit` breaks a fresh copy of the small dataset.
pub fn problems_after(edit: impl FnOnce(&Copy)) -> Vec<String> {
    let copy = Copy::new();
    edit(&copy);
    copy.problems()
}

/// The problems after replacing `from` by `to` (once) in `file`.
pub fn broken(file: &str, from: &str, to: &str) -> Vec<String> {
    problems_after(|c| c.replace(file, from, to))
}

/// The events file with one line replaced: line `n` (1-based) becomes `text`.
pub fn with_event_line(n: usize, text: &str) -> Vec<String> {
    problems_after(|c| {
        let mut lines: Vec<String> = c.read("events.jsonl").lines().map(String::from).collect();
        lines[n - 1] = text.to_string();
        c.write("events.jsonl", lines.join("\n") + "\n");
    })
}
