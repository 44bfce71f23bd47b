//! `chronicle check`: the one-line summary of a dataset that loaded cleanly.

use std::io::Write;

use super::count;
use crate::load::Dataset;

/// Prints the summary, e.g. `16 events, 18 actors, 1 source, 31 quotes verified`.
pub fn run(dataset: &Dataset, out: &mut impl Write) -> std::io::Result<()> {
    let timeline = &dataset.timeline;
    writeln!(
        out,
        "{}, {}, {}, {} verified",
        count(timeline.events().len(), "event", "events"),
        count(timeline.actors().len(), "actor", "actors"),
        count(timeline.sources().len(), "source", "sources"),
        count(dataset.quote_count(), "quote", "quotes"),
    )
}
