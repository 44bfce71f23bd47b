//! Browses the hand-built sample timeline: `cargo run --example browse_sample`.

use chronicle::files::DatasetLocation;
use chronicle::load::Dataset;

fn main() -> std::io::Result<()> {
    let dataset = Dataset {
        name: "sample".into(),
        timeline: chronicle::sample::timeline(),
        notes: Vec::new(),
    };
    // A folder that does not exist: nothing to watch for reloads, and marks kept under a key
    // of their own rather than the bundled dataset's.
    let location = DatasetLocation::Folder("<sample>".into());
    let load: chronicle::tui::Loader = std::sync::Arc::new(chronicle::load::load);
    chronicle::tui::run(dataset.into(), &location, Default::default(), load, None).map(|_| ())
}
