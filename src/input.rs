//! What the command line names: one dataset folder (or nothing: ./data or the bundled copy),
//! or export files to import and merge. Either way every command gets the same `Dataset`.

use std::path::PathBuf;

use crate::cache::{Cache, PendingStore};
use crate::files::DatasetLocation;
use crate::import::{self, Options};
use crate::load::{Dataset, Progress};
use crate::problem::Problem;

/// A dataset ready to use, with the import's row counts when it came from export files.
#[derive(Debug)]
pub struct Opened {
    pub dataset: Dataset,
    pub import: Option<RowCounts>,
    /// The cache entry still to write, for a dataset folder loaded from its files.
    pub store: Option<PendingStore>,
}

/// Rows read from export files and the problems of those skipped.
#[derive(Debug)]
pub struct RowCounts {
    pub rows: usize,
    pub skipped_rows: usize,
    pub skipped: Vec<Problem>,
}

/// Why nothing could be opened: every problem, and what to name in the closing count.
#[derive(Debug)]
pub struct Failed {
    pub root: String,
    pub problems: Vec<Problem>,
    /// Whether `--skip-invalid` would import something: export files whose rows were partly
    /// valid (not a file of another format, nor one where every row failed).
    pub skippable: bool,
}

/// Opens `paths`: no path or one folder is a dataset; anything else is export files.
/// A dataset folder is read through `cache` when there is one.
pub fn open(
    paths: &[PathBuf],
    options: &Options,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Result<Opened, Failed> {
    match paths {
        [] => open_dataset(None, cache, progress),
        [one] if one.is_dir() => open_dataset(Some(one.clone()), cache, progress),
        [one] if !one.exists() => Err(Failed {
            root: one.display().to_string(),
            problems: vec![Problem::new(
                one.display().to_string(),
                None,
                "no such file or folder",
            )],
            skippable: false,
        }),
        _ => match import::import(paths, options) {
            Ok(imported) => Ok(Opened {
                dataset: imported.dataset,
                import: Some(RowCounts {
                    rows: imported.rows,
                    skipped_rows: imported.skipped_rows,
                    skipped: imported.skipped,
                }),
                store: None,
            }),
            Err(refused) => Err(Failed {
                root: match paths {
                    [one] => one.display().to_string(),
                    _ => format!("{} files", paths.len()),
                },
                problems: refused.problems,
                skippable: refused.skippable,
            }),
        },
    }
}

/// Where the browser keeps watch for changes and files its marks: the dataset folder, or for
/// export files the first file (which is no folder, so nothing reloads).
pub fn location_of(paths: &[PathBuf]) -> DatasetLocation {
    match paths {
        [] => DatasetLocation::resolve(None),
        [first, ..] => DatasetLocation::Folder(first.clone()),
    }
}

fn open_dataset(
    given: Option<PathBuf>,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Result<Opened, Failed> {
    let location = DatasetLocation::resolve(given);
    crate::cache::load_then_store(cache, &location, progress)
        .map(|(dataset, store)| Opened {
            dataset,
            import: None,
            store,
        })
        .map_err(|problems| Failed {
            root: location.display_root(),
            problems,
            skippable: false,
        })
}

/// 9000 → "9,000", for counts people read.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(9000), "9,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
