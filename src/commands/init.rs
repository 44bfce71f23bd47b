//! `chronicle init DIR`: a new, empty dataset that `chronicle check` accepts, written without
//! ever touching a dataset already there.

use std::io::Write;
use std::path::Path;

use super::Failure;
use crate::load::{ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE};
use crate::problem::escape_unsafe;
use crate::write::{create_new_all, WriteError};

/// The folder for source texts, made empty beside the files.
const SOURCES_FOLDER: &str = "sources";

/// Makes `dir` (and its parents) when needed, then the empty dataset's files in it.
pub fn run(dir: &Path, out: &mut impl Write) -> Result<(), Failure> {
    let shown = escape_unsafe(&dir.display().to_string()).into_owned();
    let refuse = |found: &[&str]| {
        Failure::Usage(format!(
            "{shown} already holds a dataset ({}); init makes a new one and never writes over one",
            found.join(", ")
        ))
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::Usage(format!(
            "{shown} is not a folder; init makes a dataset folder"
        )));
    }
    // Any of the files a dataset is told by, even a symbolic link (dangling or not).
    let found: Vec<&str> = [
        SOURCES_FILE,
        ACTORS_FILE,
        EVENTS_LINES_FILE,
        EVENTS_ARRAY_FILE,
    ]
    .into_iter()
    .filter(|name| dir.join(name).symlink_metadata().is_ok())
    .collect();
    if !found.is_empty() {
        return Err(refuse(&found));
    }
    std::fs::create_dir_all(dir.join(SOURCES_FOLDER))
        .map_err(|e| Failure::Usage(format!("{shown}: cannot create the folder: {e}")))?;
    let (sources, actors, events) = (
        dir.join(SOURCES_FILE),
        dir.join(ACTORS_FILE),
        dir.join(EVENTS_LINES_FILE),
    );
    // The events file last: it is what makes the folder a dataset, so a process killed
    // between two of these leaves no folder that looks complete.
    let files: [(&Path, &[u8]); 3] = [(&sources, b"[]\n"), (&actors, b"[]\n"), (&events, b"")];
    create_new_all(&files).map_err(|e| match e {
        WriteError::Exists(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            refuse(&[name.as_str()])
        }
        other => Failure::Usage(escape_unsafe(&other.to_string()).into_owned()),
    })?;
    writeln!(
        out,
        "created an empty dataset in {shown}: {SOURCES_FILE}, {ACTORS_FILE}, {EVENTS_LINES_FILE}, and {SOURCES_FOLDER}/ for the source texts"
    )?;
    writeln!(out, "check it with: chronicle check {shown}")?;
    Ok(())
}
