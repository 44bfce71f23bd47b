//! What the benchmarks share: generating a dataset with `examples/gen.rs`, and sizes.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// How many times `measure` runs a process.
pub const RUNS: usize = 3;

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

/// Median wall time and the largest peak resident memory (bytes) of `RUNS` runs, through GNU
/// time for the memory; `None` when the program is missing or fails.
pub fn measure(program: &str, args: &[&str]) -> Option<(Duration, u64)> {
    let mut times = Vec::with_capacity(RUNS);
    let mut peak = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(program)
            .args(args)
            .output();
        let elapsed = start.elapsed();
        let Ok(output) = output else {
            eprintln!("bench: /usr/bin/time is needed (apt-get install time)");
            return None;
        };
        if !output.status.success() {
            eprintln!(
                "bench: {program} failed: {}",
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            return None;
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        peak = peak.max(peak_bytes(&stderr));
        times.push(elapsed);
    }
    times.sort();
    Some((times[times.len() / 2], peak))
}

/// The peak resident memory in bytes that `/usr/bin/time -f %M` wrote as the last line of a
/// process's standard error (0 when it is not there).
pub fn peak_bytes(stderr: &str) -> u64 {
    let kb: u64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    kb * 1024
}
