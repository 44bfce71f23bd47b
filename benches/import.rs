//! Import benchmark: `cargo bench --bench import [-- ROWS]` (default 200,000 rows a format).
//!
//! Builds a GDELT 2.0 events export and an ACLED CSV export of ROWS rows each by repeating
//! the rows of the test fixtures (tests/fixtures/import/gdelt2_100.export.CSV, acled.csv...)
//! with fresh event ids, then measures in one run, so that the figures share the machine's
//! load, for each format:
//! - `chronicle check --no-cache FILE` (the export read as a timeline) and
//!   `chronicle import -o DIR FILE` (read and written as a dataset folder): median wall time
//!   and peak memory, the memory against the export file's size (target: at most 1.2x);
//! - `wc -l FILE` as the baseline of merely reading the file.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "support/mod.rs"]
// Dataset generation and sizes are the other benches'.
#[allow(dead_code)]
mod support;

use support::{mb, measure, RUNS};

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join(format!("target/bench-data/import-{rows}"));
    fs::create_dir_all(&dir).expect("target/bench-data is writable");
    let fixtures = root.join("tests/fixtures/import");
    let gdelt = dir.join(format!("gdelt-{rows}.export.CSV"));
    if !gdelt.exists() {
        write_gdelt(&fixtures.join("gdelt2_100.export.CSV"), &gdelt, rows);
    }
    let acled = dir.join(format!("acled-{rows}.csv"));
    if !acled.exists() {
        write_acled(&fixtures, &acled, rows);
    }
    let chronicle = env!("CARGO_BIN_EXE_chronicle");
    println!("| what | median of {RUNS} | peak memory | memory / export file |");
    println!("|---|---|---|---|");
    for (name, file) in [("GDELT", &gdelt), ("ACLED", &acled)] {
        let size = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let shown = file.display().to_string();
        let out = dir.join(format!("{}-dataset", name.to_lowercase()));
        let out_shown = out.display().to_string();
        let runs: [(String, Option<_>); 3] = [
            (
                format!("wc -l ({name}, baseline)"),
                measure("wc", &["-l", &shown]),
            ),
            (
                format!("chronicle check --no-cache ({name})"),
                measure(chronicle, &["check", "--no-cache", &shown]),
            ),
            (
                format!("chronicle import -o ({name})"),
                measure_import(chronicle, &out_shown, &shown),
            ),
        ];
        for (what, result) in runs {
            match result {
                Some((time, rss)) => println!(
                    "| {what} | {:.2} s | {:.0} MB | {:.2}x{} |",
                    time.as_secs_f64(),
                    mb(rss),
                    rss as f64 / size as f64,
                    if what.starts_with("wc") {
                        ""
                    } else {
                        " (target: at most 1.2x)"
                    }
                ),
                None => println!("| {what} | failed | | |"),
            }
        }
        println!(
            "{name} export: {} ({rows} rows, {:.1} MB)",
            file.display(),
            mb(size)
        );
        let _ = fs::remove_dir_all(&out);
    }
}

/// `measure` of `chronicle import -o OUT FILE`, each run into a folder that does not exist
/// yet (import refuses to write into a dataset), through a shell that removes it first.
fn measure_import(chronicle: &str, out: &str, file: &str) -> Option<(Duration, u64)> {
    // `exec`: GNU time then measures chronicle itself, not a shell waiting for it.
    let script =
        format!("rm -rf '{out}' && exec '{chronicle}' import -o '{out}' '{file}' >/dev/null");
    measure("sh", &["-c", &script])
}

/// Writes `rows` GDELT 2.0 event rows to `to`, the rows of `fixture` over and over, each
/// with a new GLOBALEVENTID (the first column).
fn write_gdelt(fixture: &Path, to: &Path, rows: usize) {
    let text = fs::read_to_string(fixture).expect("the GDELT fixture");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let mut out = BufWriter::new(fs::File::create(to).expect("the bench's GDELT file"));
    for n in 0..rows {
        let line = lines[n % lines.len()];
        let rest = line.split_once('\t').map_or("", |(_, rest)| rest);
        writeln!(out, "{}\t{rest}", 1_000_000_000 + n).expect("writing the GDELT file");
    }
    out.flush().expect("writing the GDELT file");
}

/// Writes an ACLED CSV of `rows` rows to `to`: the header of the fixture acled.csv, then the
/// rows of three ACLED fixtures over and over, each with a new
/// event_id_cnty (the first column).
fn write_acled(fixtures: &Path, to: &Path, rows: usize) {
    let main = fs::read_to_string(fixtures.join("acled.csv")).expect("the ACLED fixture");
    let header = main
        .lines()
        .next()
        .expect("the ACLED fixture's header")
        .to_string();
    let mut records: Vec<csv::StringRecord> = Vec::new();
    // The fixtures that import cleanly on their own and share acled.csv's columns (the others
    // hold rows made to be refused, which would end the import rather than measure it).
    for name in ["acled.csv", "acled_conflict.csv", "acled_overlap.csv"] {
        let text = fs::read_to_string(fixtures.join(name)).expect("an ACLED fixture");
        assert_eq!(
            text.lines().next(),
            Some(header.as_str()),
            "{name}'s columns"
        );
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        records.extend(reader.records().flatten());
    }
    let mut writer = csv::Writer::from_path(to).expect("the bench's ACLED file");
    writer
        .write_record(header.split(','))
        .expect("writing the ACLED file");
    for n in 0..rows {
        let record = &records[n % records.len()];
        let id = format!("BEN{n}");
        let fields = std::iter::once(id.as_str()).chain(record.iter().skip(1));
        writer.write_record(fields).expect("writing the ACLED file");
    }
    writer.flush().expect("writing the ACLED file");
}
