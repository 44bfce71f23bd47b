//! `chronicle import FILE... -o DIR`: an imported timeline written as a dataset folder.

use std::io::Write;
use std::path::Path;

use super::{count, Failure};
use crate::export::{write_dataset, WriteError};
use crate::load::Dataset;

/// Writes the dataset to `dir` and says what was written and how to check it.
pub fn run(
    dataset: &Dataset,
    dir: &Path,
    force: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let shown = dir.display();
    write_dataset(&dataset.timeline, dir, force).map_err(|e| match e {
        WriteError::NotEmpty => Failure::Usage(format!(
            "{shown} is not empty; choose a new folder, or add --force to replace the dataset files in it"
        )),
        WriteError::Io(message) => Failure::Usage(message),
    })?;
    let timeline = &dataset.timeline;
    writeln!(
        out,
        "wrote {}, {}, {} to {shown}",
        count(timeline.events().len(), "event", "events"),
        count(timeline.actors().len(), "actor", "actors"),
        count(timeline.sources().len(), "source", "sources"),
    )?;
    writeln!(out, "check it with: chronicle check {shown}")?;
    Ok(())
}
