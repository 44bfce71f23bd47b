//! `chronicle check`: the one-line summary of a dataset that loaded cleanly.

use std::io::Write;

use super::{count, with_dataset, Failure};
use crate::cache::Summary;
use crate::cli::Inputs;
use crate::load::Dataset;

/// `chronicle check` on what `inputs` name: from the cache's summary when the dataset is
/// unchanged since it was last loaded (its files are then only hashed), else loaded.
pub fn run_inputs(inputs: &Inputs, out: &mut impl Write) -> Result<(), Failure> {
    match crate::report::cached_summary(inputs)? {
        Some(summary) => Ok(write_summary(&summary, out)?),
        None => with_dataset(inputs, |d| Ok(run(d, out)?)),
    }
}

/// Prints the summary, e.g. `16 events, 18 actors, 1 source, 31 quotes verified`.
pub fn run(dataset: &Dataset, out: &mut impl Write) -> std::io::Result<()> {
    write_summary(&Summary::of(dataset), out)
}

fn write_summary(summary: &Summary, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}, {}, {}, {} verified",
        count(summary.events, "event", "events"),
        count(summary.actors, "actor", "actors"),
        count(summary.sources, "source", "sources"),
        count(summary.quotes, "quote", "quotes"),
    )
}
