//! `chronicle import FILE... -o DIR`: an imported timeline written as a dataset folder.

use std::io::Write;
use std::path::Path;

use super::{count, with_dataset, Failure};
use crate::cli::Inputs;
use crate::export::{write_dataset, WriteError};
use crate::load::Dataset;

/// Opens the files `inputs` name and writes them as a dataset in `dir`. Without files there is
/// nothing to import (no path would open ./data or the bundled dataset instead).
pub fn run_inputs(
    inputs: &Inputs,
    dir: &Path,
    force: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if inputs.paths.is_empty() {
        return Err(Failure::Usage(
            "name the files to import, e.g. `chronicle import events.CSV -o my-dataset`".into(),
        ));
    }
    with_dataset(inputs, |d| run(d, dir, force, out))
}

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
