//! Reopening benchmark, every target beside its baseline in one run (the machine is shared:
//! the ratios are what to read):
//!
//! ```sh
//! cargo bench --bench reopen [-- DATASET]
//! ```
//!
//! DATASET defaults to /tmp/gen1m when it exists, else one generated into target/bench-data
//! by `examples/gen.rs` (1,000,000 events, 100,000 actors, 10,000 sources). The cache is a
//! fresh folder of the benchmark's own. It measures:
//! - `chronicle check` from the files (`--no-cache`), then on the unchanged dataset through
//!   the cache, against `jq empty` on the events file;
//! - the browser's first screen on a pseudo-terminal, from the cache and from the files, and
//!   when the whole timeline has arrived behind it;
//! - `chronicle actors --search karo` on the dataset through the cache (which reads only the
//!   entry's actors part) and from the files, and on a dataset of its actors alone, both
//!   ways, against `fzf --filter karo` over the same names;
//! - peak memory of each (GNU time's maximum resident set; /proc VmHWM for the browser, taken
//!   once the whole timeline is in), and the browser's from the cache against from the files.

#[path = "../tests/support/pty.rs"]
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/mod.rs"]
// `measure` is the load and import benches'.
#[allow(dead_code)]
mod support;

use support::{disk_size, generate, mb};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
const RUNS: usize = 5;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let tmp = PathBuf::from("/tmp/gen1m");
            if tmp.join("events.jsonl").exists() {
                tmp
            } else {
                root.join("target/bench-data/gen-1000000")
            }
        });
    if !dir.join("events.jsonl").exists() {
        generate(&root, &dir, 1_000_000);
    }
    let cache = tempfile::tempdir().expect("a temporary cache folder");
    let xdg = cache.path().display().to_string();
    let shown = dir.display().to_string();
    let events_file = dir.join("events.jsonl").display().to_string();
    println!("dataset: {shown} ({:.0} MB on disk)", mb(disk_size(&dir)));
    println!("load: {}", load_average());
    println!();
    println!("| what | median | runs | peak memory |");
    println!("|---|---|---|---|");

    let cold = measure(
        "chronicle check --no-cache",
        BIN,
        &["check", "--no-cache", &shown],
        &xdg,
        2,
    );
    let fill = measure(
        "chronicle check, writing the cache",
        BIN,
        &["check", &shown],
        &xdg,
        1,
    );
    let cached = measure(
        "chronicle check, cached",
        BIN,
        &["check", &shown],
        &xdg,
        RUNS,
    );
    let jq = measure(
        "jq empty events.jsonl",
        "jq",
        &["empty", &events_file],
        &xdg,
        3,
    );

    let first_cached = first_screen(
        "browser, first screen, cached",
        &dir,
        &xdg,
        false,
        true,
        RUNS,
    );
    let first_cold = first_screen(
        "browser, first screen, --no-cache",
        &dir,
        &xdg,
        true,
        false,
        1,
    );
    // A first open with the cache on: loaded from the files, the entry written behind it.
    let fresh = tempfile::tempdir().expect("a temporary cache folder");
    let first_open = first_screen(
        "browser, first screen, first open (cache on, no entry yet)",
        &dir,
        &fresh.path().display().to_string(),
        false,
        false,
        1,
    );

    let search_cached = measure(
        "chronicle actors --search karo, cached (whole dataset)",
        BIN,
        &["actors", "--search", "karo", &shown],
        &xdg,
        RUNS,
    );
    let search_cold = measure(
        "chronicle actors --search karo --no-cache (whole dataset)",
        BIN,
        &["actors", "--search", "karo", "--no-cache", &shown],
        &xdg,
        1,
    );
    let actors_dir = actors_only(&dir);
    let actors_shown = actors_dir.path().display().to_string();
    let names = actors_dir.path().join("names.txt");
    // Writes the actors-only dataset's entry.
    let _ = measure(
        "chronicle actors, writing the cache (100k actors alone)",
        BIN,
        &["actors", &actors_shown],
        &xdg,
        1,
    );
    let search = measure(
        "chronicle actors --search karo, cached (100k actors alone)",
        BIN,
        &["actors", "--search", "karo", &actors_shown],
        &xdg,
        RUNS,
    );
    let search_files = measure(
        "chronicle actors --search karo --no-cache (100k actors alone)",
        BIN,
        &["actors", "--search", "karo", "--no-cache", &actors_shown],
        &xdg,
        RUNS,
    );
    let fzf = measure_stdin(
        "fzf --filter karo (same names)",
        "fzf",
        &["--filter", "karo"],
        &names,
        RUNS,
    );
    let actors_load = load_phase(&actors_shown, "actors", "actors.json");
    let events_load = load_phase(&shown, "events", "events.jsonl");

    println!();
    println!("load: {}", load_average());
    println!();
    let ratio = |a: Option<(Duration, u64)>, b: Option<(Duration, u64)>| match (a, b) {
        (Some((a, _)), Some((b, _))) => format!("{:.1}x", b.as_secs_f64() / a.as_secs_f64()),
        _ => "n/a".into(),
    };
    if let Some((time, _)) = cached {
        println!(
            "check, cached: {:.3} s (target: at most 0.3 s); {} faster than jq empty (target: at least 10x); {} faster than from the files",
            time.as_secs_f64(),
            ratio(cached, jq),
            ratio(cached, cold)
        );
    }
    if let Some((time, _)) = first_cached {
        println!(
            "first screen, cached: {:.3} s (target: at most 0.5 s); {} faster than from the files",
            time.as_secs_f64(),
            ratio(first_cached, first_cold)
        );
    }
    let against_fzf = |what: &str, search: Option<(Duration, u64)>| {
        match (search, fzf) {
        (Some((time, _)), Some((baseline, _))) => println!(
            "{what}: {:.3} s, fzf --filter: {:.3} s; chronicle is {} fzf's speed (target: at least 1.0x)",
            time.as_secs_f64(),
            baseline.as_secs_f64(),
            ratio(search, fzf)
        ),
        (Some((time, _)), None) => println!(
            "{what}: {:.3} s; fzf is not installed (apt-get install fzf), so no baseline",
            time.as_secs_f64()
        ),
        _ => {}
    }
    };
    against_fzf("actors --search karo, cached, whole dataset", search_cached);
    against_fzf(
        "actors --search karo, --no-cache, whole dataset",
        search_cold,
    );
    against_fzf("actors --search karo, cached, actors alone", search);
    against_fzf(
        "actors --search karo, --no-cache, actors alone",
        search_files,
    );
    if let Some((line, _)) = &events_load {
        println!("events phase of a load from the files: {line}");
    }
    if let Some((line, rate)) = &actors_load {
        let against = events_load
            .as_ref()
            .map_or("n/a".into(), |(_, events)| format!("{:.2}x", rate / events));
        println!("actors phase: {line}; {against} the events' rate (target: at least 1.0x)");
    }
    if let (Some((time, _)), Some((cold, _))) = (first_open, first_cold) {
        println!(
            "first screen of a first open with the cache on: {:.3} s, against {:.3} s with --no-cache",
            time.as_secs_f64(),
            cold.as_secs_f64()
        );
    }
    if let (Some((_, rss)), Some((_, jq_rss))) = (cold, jq) {
        println!(
            "peak memory, check from the files: {:.0} MB = {:.2}x the dataset on disk (jq: {:.0} MB)",
            mb(rss),
            rss as f64 / disk_size(&dir) as f64,
            mb(jq_rss)
        );
    }
    if let (Some((_, cached)), Some((_, files))) = (first_cached, first_cold) {
        println!(
            "peak memory, browser with the whole timeline in: {:.0} MB from the cache, {:.0} MB from the files = {:.2}x (target: at most 1.0x)",
            mb(cached),
            mb(files),
            cached as f64 / files as f64
        );
    }
    let _ = fill;
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Median wall time and largest peak memory of `runs` runs of `program` (through GNU time),
/// printed as a table row; `None` when the program is missing or fails.
fn measure(
    what: &str,
    program: &str,
    args: &[&str],
    xdg: &str,
    runs: usize,
) -> Option<(Duration, u64)> {
    timed(what, runs, |command| {
        command.arg(program).args(args).env("XDG_CACHE_HOME", xdg);
    })
}

fn measure_stdin(
    what: &str,
    program: &str,
    args: &[&str],
    input: &Path,
    runs: usize,
) -> Option<(Duration, u64)> {
    timed(what, runs, |command| {
        let file = fs::File::open(input).expect("the names file");
        command.arg(program).args(args).stdin(file);
    })
}

fn timed(what: &str, runs: usize, setup: impl Fn(&mut Command)) -> Option<(Duration, u64)> {
    let mut times = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs {
        let mut command = Command::new("/usr/bin/time");
        command
            .args(["-f", "%M"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        setup(&mut command);
        let start = Instant::now();
        let output = command.output();
        let elapsed = start.elapsed();
        let Ok(output) = output else {
            eprintln!("bench: /usr/bin/time is needed (apt-get install time)");
            return None;
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        // fzf exits 1 when nothing matches; anything else is a failure.
        if !output.status.success() {
            let last = stderr.lines().rev().nth(1).unwrap_or("");
            if last.contains("No such file") || output.status.code().is_none_or(|c| c != 1) {
                println!("| {what} | failed or missing: {last} | | |");
                return None;
            }
        }
        peak = peak.max(support::peak_bytes(&stderr));
        times.push(elapsed);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "| {what} | {:.3} s | {runs} (min {:.3}, max {:.3}) | {:.0} MB |",
        median.as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        mb(peak)
    );
    Some((median, peak))
}

/// Time from starting the browser until its first screen shows events (the status line's
/// summary or the first-screen note), and then until the whole timeline is in; median over
/// `runs`, printed as rows.
fn first_screen(
    what: &str,
    dir: &Path,
    xdg: &str,
    no_cache: bool,
    staged: bool,
    runs: usize,
) -> Option<(Duration, u64)> {
    let shown = dir.display().to_string();
    let mut firsts = Vec::new();
    let mut wholes = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let mut args = vec![shown.as_str()];
        if no_cache {
            args.push("--no-cache");
        }
        let start = Instant::now();
        let term = pty::Spawn::new(&args)
            .size(160, 45)
            .env("XDG_CACHE_HOME", xdg)
            .start();
        term.wait_for("the first screen", |s| {
            s.alternate_screen() && (s.contains("Showing the first") || s.contains(" events"))
        });
        firsts.push(start.elapsed());
        if staged {
            term.wait_for("the whole timeline", |s| s.contains("Loaded all"));
            wholes.push(start.elapsed());
        }
        peak = peak.max(vm_hwm(term.pid()));
        term.type_text("q");
        term.wait_exit();
    }
    firsts.sort();
    let median = firsts[firsts.len() / 2];
    println!(
        "| {what} | {:.3} s | {runs} (min {:.3}, max {:.3}) | {:.0} MB |",
        median.as_secs_f64(),
        firsts[0].as_secs_f64(),
        firsts[firsts.len() - 1].as_secs_f64(),
        mb(peak)
    );
    if !wholes.is_empty() {
        wholes.sort();
        println!(
            "| browser, whole timeline in behind it | {:.3} s | {runs} | |",
            wholes[wholes.len() / 2].as_secs_f64()
        );
    }
    Some((median, peak))
}

fn vm_hwm(pid: i32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse::<u64>().ok())
            })
        })
        .map_or(0, |kb| kb * 1024)
}

/// A dataset of `dir`'s actors alone (no events), and their names and aliases one a line
/// (names.txt, beside it), for fzf.
fn actors_only(dir: &Path) -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let actors = fs::read(dir.join("actors.json")).expect("the dataset's actors.json");
    fs::write(temp.path().join("actors.json"), &actors).expect("write actors.json");
    fs::write(temp.path().join("events.jsonl"), "").expect("write events.jsonl");
    let list: Vec<serde_json::Value> = serde_json::from_slice(&actors).unwrap_or_default();
    let mut names = String::new();
    for actor in &list {
        for name in
            std::iter::once(&actor["name"]).chain(actor["aliases"].as_array().into_iter().flatten())
        {
            if let Some(name) = name.as_str() {
                names.push_str(name);
                names.push('\n');
            }
        }
    }
    fs::write(temp.path().join("names.txt"), names).expect("write names.txt");
    temp
}

/// The loader's own figure for `phase` (CHRONICLE_TIMINGS) over `file` of `dir`, as text and
/// in MB/s.
fn load_phase(dir: &str, phase: &str, file: &str) -> Option<(String, f64)> {
    let output = Command::new(BIN)
        .args(["check", "--no-cache", dir])
        .env("CHRONICLE_TIMINGS", "1")
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&format!("load: {phase} ")))?;
    let ms: f64 = line.split_whitespace().nth(2)?.parse().ok()?;
    let size = fs::metadata(Path::new(dir).join(file)).ok()?.len();
    let rate = mb(size) / (ms / 1000.0);
    Some((
        format!(
            "{ms:.1} ms for {:.1} MB of {file} = {rate:.0} MB/s",
            mb(size)
        ),
        rate,
    ))
}
