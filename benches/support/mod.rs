//! What the benchmarks share: generating a dataset with `examples/gen.rs`, and sizes.

use std::path::Path;
use std::process::Command;

/// Generates `events` events with a tenth as many actors and a hundredth as many sources
/// into `dir` (through `cargo run --example gen`), or ends the benchmark.
pub fn generate(root: &Path, dir: &Path, events: usize) {
    println!("generating {events} events into {} ...", dir.display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["run", "--release", "--quiet", "--example", "gen", "--"])
        .args(["--events", &events.to_string()])
        .args(["--actors", &(events / 10).max(1).to_string()])
        .args(["--sources", &(events / 100).max(1).to_string()])
        .arg("--out")
        .arg(dir)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("bench: could not generate the dataset");
        std::process::exit(1);
    }
}

/// The bytes of every file below `dir`.
pub fn disk_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => stack.push(entry.path()),
                Ok(meta) => total += meta.len(),
                Err(_) => {}
            }
        }
    }
    total
}

pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}
