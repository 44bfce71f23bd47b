//! Load benchmark: `cargo bench --bench load [-- EVENTS]` (default 1,000,000 events).
//!
//! Generates a dataset with `examples/gen.rs` (events, events/10 actors, events/100 sources)
//! unless it exists, then measures in one run, so that the figures share the machine's load:
//! - `chronicle check` wall time and peak memory, against `jq empty` on the same events file;
//! - peak memory against the dataset's size on disk;
//! - sentence splitting throughput over the generated source texts.
//!
//! Each process is timed RUNS times and the median reported.

use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "support/mod.rs"]
mod support;

use support::{disk_size, generate, mb, measure};

use support::RUNS;

fn main() {
    let events: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join(format!("target/bench-data/gen-{events}"));
    if !dir.join("events.jsonl").exists() {
        generate(&root, &dir, events);
    }
    let chronicle = env!("CARGO_BIN_EXE_chronicle");
    let size = disk_size(&dir);
    println!(
        "dataset: {} ({events} events, {:.0} MB on disk)",
        dir.display(),
        mb(size)
    );

    // From the files: the cache (benches/reopen.rs measures it) would answer every run but one.
    let check = measure(
        chronicle,
        &["check", "--no-cache", &dir.display().to_string()],
    );
    let events_file = dir.join("events.jsonl").display().to_string();
    let jq = measure("jq", &["empty", &events_file]);

    println!();
    println!("| what | median of {RUNS} | peak memory |");
    println!("|---|---|---|");
    if let Some((time, rss)) = check {
        println!(
            "| chronicle check | {:.2} s | {:.0} MB |",
            time.as_secs_f64(),
            mb(rss)
        );
    }
    if let Some((time, rss)) = jq {
        println!(
            "| jq empty events.jsonl (baseline) | {:.2} s | {:.0} MB |",
            time.as_secs_f64(),
            mb(rss)
        );
    }
    if let (Some((check_time, rss)), Some((jq_time, _))) = (check, jq) {
        println!();
        println!(
            "check is {:.1}x faster than jq empty (target: at least 4x; at most 1.5 s)",
            jq_time.as_secs_f64() / check_time.as_secs_f64()
        );
        println!(
            "peak memory is {:.2}x the dataset on disk (target: at most 1.5x)",
            rss as f64 / size as f64
        );
    }
    split_speed(&dir);
}

/// Splits every generated source text, repeated to at least 50 MB, and reports MB/s.
fn split_speed(dir: &Path) {
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("sources")) {
        for entry in entries.flatten().take(2000) {
            if let Ok(source) = std::fs::read_to_string(entry.path()) {
                text.push_str(&source);
                text.push('\n');
            }
        }
    }
    if text.is_empty() {
        return;
    }
    let copies = (50_000_000 / text.len()).max(1);
    let text = text.repeat(copies);
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        sentences = chronicle::sentences::split_sentences(&text).len();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "sentence splitting: {:.0} MB/s ({:.0} MB, {sentences} sentences, best of {RUNS}; target: at least 50 MB/s)",
        mb(text.len() as u64) / best,
        mb(text.len() as u64)
    );
}
