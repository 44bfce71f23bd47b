//! Opening what the command line names, told on standard error: a progress line while a large
//! load runs, then every problem (also to the `--report` file), the notes, and how many rows
//! an import skipped. The loader only collects; this is where it reaches the terminal.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::cache::{Cache, PendingStore, Summary};
use crate::cli::Inputs;
use crate::commands::Failure;
use crate::files::DatasetLocation;
use crate::input::{location_of, open, thousands};
use crate::load::{Dataset, Progress, Stage, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE};
use crate::problem::{escape_unsafe, Problem, Severity};

/// Opens the dataset or imports the files, printing every problem (and any notes, and how
/// many rows were skipped) to standard error.
pub fn open_reporting(inputs: &Inputs) -> Result<Dataset, Failure> {
    let (dataset, store) = open_reporting_then_store(inputs)?;
    if let Some(store) = store {
        store.store(&dataset);
    }
    Ok(dataset)
}

/// `open_reporting`, leaving the cache entry of a dataset loaded from its files to be written
/// by the caller (see `cache::load_then_store`).
pub fn open_reporting_then_store(
    inputs: &Inputs,
) -> Result<(Dataset, Option<PendingStore>), Failure> {
    refuse_import_format_on_a_dataset(inputs)?;
    let options = crate::import::Options {
        format: inputs.input_format,
        date_order: inputs.date_order,
        skip_invalid: inputs.skip_invalid,
        articles: inputs.articles.clone(),
    };
    let cache = Cache::from_env(inputs.no_cache);
    let shown = |progress: &Progress| open(&inputs.paths, &options, cache.as_ref(), progress);
    let opened = showing_progress(&inputs.paths, shown);
    // Locked only now: the progress line is written to standard error from another thread
    // during the load, and would wait for this lock for ever.
    let stderr = io::stderr();
    let mut err = stderr.lock();
    match opened {
        Ok(opened) => {
            for note in &opened.dataset.notes {
                let _ = writeln!(err, "{}{note}", severity_word(note));
            }
            if let Some(counts) = &opened.import {
                if let Some(report) = &inputs.report {
                    write_report(report, &counts.skipped)?;
                }
                if counts.skipped_rows > 0 {
                    let whereabouts = match &inputs.report {
                        Some(report) => format!("their problems are in {}", report.display()),
                        None => "see --report FILE".to_string(),
                    };
                    let _ = writeln!(
                        err,
                        "chronicle: {} rows, {} skipped: {whereabouts}",
                        thousands(counts.rows),
                        thousands(counts.skipped_rows)
                    );
                }
            }
            Ok((opened.dataset, opened.store))
        }
        Err(failed) => {
            for problem in &failed.problems {
                let _ = writeln!(err, "{}{problem}", severity_word(problem));
            }
            if let Some(report) = &inputs.report {
                write_report(report, &failed.problems)?;
            }
            let noun = if failed.problems.len() == 1 {
                "problem"
            } else {
                "problems"
            };
            let _ = writeln!(
                err,
                "{} {noun} in {}",
                failed.problems.len(),
                escape_unsafe(&failed.root)
            );
            if failed.skippable && !inputs.skip_invalid {
                let _ = writeln!(
                    err,
                    "  hint: --skip-invalid imports the valid rows and counts the others"
                );
            }
            Err(Failure::Invalid)
        }
    }
}

/// The summary of the dataset folder `inputs` name, from its cache entry when that is
/// current, with its notes printed to standard error as `open_reporting` prints them; `None`
/// when it must be loaded (no current entry, the cache off, or export files to import; a
/// damaged entry too: the load notes it and replaces it).
pub fn cached_summary(inputs: &Inputs) -> Result<Option<Summary>, Failure> {
    let summary = from_cache(inputs, |cache, root| cache.summary(root).ok())?;
    if let Some(summary) = &summary {
        print_notes(&summary.notes);
    }
    Ok(summary)
}

/// The actors of the dataset folder `inputs` name with their event counts, from its cache
/// entry's actors part when the entry is current and that part whole, with the entry's notes
/// printed as `open_reporting` prints them; `None` when it must be loaded (the load then
/// tells of a damaged entry).
pub fn cached_actors(inputs: &Inputs) -> Result<Option<crate::roster::Counted>, Failure> {
    let read = from_cache(inputs, |cache, root| cache.actors(root).ok())?;
    Ok(read.map(|(counted, notes)| {
        print_notes(&notes);
        counted
    }))
}

/// What the cache holds for the browser (see `cached_head`).
pub enum Cached {
    /// The first events of a larger dataset, and how many there are in all (notes printed).
    Head(Box<Dataset>, usize),
    /// A current entry for a dataset small enough to read whole (`open_reporting` reads it).
    Current,
    /// No current entry for this folder: after a load from the files, the entry is written
    /// with `Cache::store` and these hashes, taken before the load.
    Missing(Cache, PathBuf, crate::cache::Before),
    /// The cache is off, or the inputs are not a dataset folder.
    Off,
}

/// The first `rows` events of the dataset folder `inputs` name and how many there are in all,
/// from its cache entry when that is current and holds at least `FIRST_SCREEN_FROM` events
/// (its notes printed); else whether the entry is current or must be written after the load.
pub fn cached_head(inputs: &Inputs, rows: usize) -> Result<Cached, Failure> {
    let cached = from_cache(inputs, |cache, root| {
        Some(match cache.head(root, rows, first_screen_from()) {
            Ok(Some((head, total))) if total > head.timeline.events().len() => {
                Cached::Head(Box::new(head), total)
            }
            Ok(_) => Cached::Current,
            Err(_) => match crate::cache::dataset_before(root) {
                Ok(before) => Cached::Missing(cache.clone(), root.to_path_buf(), before),
                Err(_) => Cached::Off,
            },
        })
    })?
    .unwrap_or(Cached::Off);
    if let Cached::Head(head, _) = &cached {
        print_notes(&head.notes);
    }
    Ok(cached)
}

/// `read` from the cache of the dataset folder `inputs` name, when there is a cache and the
/// inputs are a dataset folder with nothing to import.
fn from_cache<T>(
    inputs: &Inputs,
    read: impl FnOnce(&Cache, &Path) -> Option<T>,
) -> Result<Option<T>, Failure> {
    refuse_import_format_on_a_dataset(inputs)?;
    let plain = inputs.date_order.is_none() && inputs.articles.is_none() && !inputs.skip_invalid;
    let location = match inputs.paths.as_slice() {
        [] => DatasetLocation::resolve(None),
        [one] if one.is_dir() => DatasetLocation::resolve(Some(one.clone())),
        _ => return Ok(None),
    };
    match (Cache::from_env(inputs.no_cache), &location, plain) {
        (Some(cache), DatasetLocation::Folder(root), true) => Ok(read(&cache, root)),
        _ => Ok(None),
    }
}

fn print_notes(notes: &[Problem]) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for note in notes {
        let _ = writeln!(err, "{}{note}", severity_word(note));
    }
}

/// `--input-format` names how to read export files; a dataset folder is always read as
/// chronicle's own files, so the option would be silently ignored there.
fn refuse_import_format_on_a_dataset(inputs: &Inputs) -> Result<(), Failure> {
    let Some(format) = inputs.input_format else {
        return Ok(());
    };
    let folder = match inputs.paths.as_slice() {
        [] => "the default dataset".to_string(),
        [one] if one.is_dir() => escape_unsafe(&one.display().to_string()).into_owned(),
        _ => return Ok(()),
    };
    let name = clap::ValueEnum::to_possible_value(&format)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    Err(Failure::Usage(format!(
        "--input-format {name} reads GDELT, ACLED or TimelineJS export files, but {folder} is a \
         dataset folder, read as chronicle's own files; name the export files to import, or \
         drop --input-format"
    )))
}

/// What goes in front of a problem on standard error: nothing for an error (the file and line
/// lead), `note: ` for a note, which does not stop the load.
fn severity_word(problem: &Problem) -> &'static str {
    match problem.severity {
        Severity::Error => "",
        Severity::Note => "note: ",
    }
}

/// Writes one problem per line to the `--report` file.
fn write_report(path: &Path, problems: &[Problem]) -> Result<(), Failure> {
    let shown = path.display();
    let mut file = std::fs::File::create(path)
        .map(BufWriter::new)
        .map_err(|e| Failure::Usage(format!("{shown}: cannot write the report: {e}")))?;
    problems
        .iter()
        .try_for_each(|p| writeln!(file, "{p}"))
        .and_then(|()| file.flush())
        .map_err(|e| Failure::Usage(format!("{shown}: cannot write the report: {e}")))
}

/// Tells the progress ticker to stop, when dropped.
struct StopTicker<'a> {
    done: &'a AtomicBool,
    ticker: std::thread::Thread,
}

impl Drop for StopTicker<'_> {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        self.ticker.unpark();
    }
}

/// What the loader is doing, e.g. "reading events 45%" (imports say only "importing").
fn stage_line(progress: &Progress) -> String {
    let (read, size) = progress.events_bytes();
    match progress.stage() {
        Stage::Events if size > 0 => format!(
            "{} {}%",
            Stage::Events.doing(),
            (read.saturating_mul(100) / size).min(100)
        ),
        stage => stage.doing().to_string(),
    }
}

/// From how many events the browser opens on the first events of the cache's entry and loads
/// the rest behind them: below, the whole image reads in well under a tenth of a second.
/// `CHRONICLE_FIRST_SCREEN_FROM` changes it, so that tests can see it on small data.
const FIRST_SCREEN_FROM: usize = 50_000;

fn first_screen_from() -> usize {
    std::env::var("CHRONICLE_FIRST_SCREEN_FROM")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FIRST_SCREEN_FROM)
}

/// How long a load runs before it says so: small datasets load silently.
/// `CHRONICLE_PROGRESS_AFTER_MS` changes it, so that tests can see the line on small data.
const PROGRESS_AFTER: Duration = Duration::from_millis(300);

const PROGRESS_EVERY: Duration = Duration::from_millis(250);

fn progress_after() -> Duration {
    std::env::var("CHRONICLE_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(PROGRESS_AFTER, Duration::from_millis)
}

/// Runs `load`; when that takes a while and standard error is a terminal, a line there says
/// what is loading, what the loader is doing (with how much of the events file it has read)
/// and for how long, so a large dataset never looks like a frozen terminal.
fn showing_progress<T>(paths: &[PathBuf], load: impl FnOnce(&Progress) -> T) -> T {
    let progress = Progress::default();
    if !io::stderr().is_terminal() {
        return load(&progress);
    }
    let location = location_of(paths);
    let size: u64 = match (&location, paths) {
        (DatasetLocation::Folder(root), [one]) if one.is_dir() => {
            [EVENTS_LINES_FILE, EVENTS_ARRAY_FILE]
                .iter()
                .filter_map(|f| std::fs::metadata(root.join(f)).ok())
                .map(|m| m.len())
                .sum()
        }
        _ => paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum(),
    };
    let name = escape_unsafe(&location.display_root()).into_owned();
    // Files to import are read by the importer, which tells no stages.
    let importing = !matches!(paths, [] | [_]) || paths.iter().any(|p| !p.is_dir());
    let started = Instant::now();
    let after = progress_after();
    let done = AtomicBool::new(false);
    let (loaded, shown) = std::thread::scope(|scope| {
        let ticker = scope.spawn(|| {
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                let elapsed = started.elapsed();
                if elapsed >= after {
                    eprint!(
                        "\r\x1b[2Kchronicle: loading {name} ({:.0} MB): {}… {:.1} s",
                        size as f64 / 1e6,
                        if importing {
                            "importing".to_string()
                        } else {
                            stage_line(&progress)
                        },
                        elapsed.as_secs_f64()
                    );
                    shown = true;
                }
                std::thread::park_timeout(PROGRESS_EVERY);
            }
            shown
        });
        // Stops the ticker however the load ends: were the load to panic, the scope would
        // otherwise wait for the ticker for ever, and a crash would become a hang.
        let stop = StopTicker {
            done: &done,
            ticker: ticker.thread().clone(),
        };
        let loaded = load(&progress);
        drop(stop);
        (loaded, ticker.join().unwrap_or(false))
    });
    // Also when the ticker never had its turn (a busy machine may run the whole load first):
    // a load that took long enough to be told of says how long it took.
    if shown || started.elapsed() >= after {
        eprintln!(
            "\r\x1b[2Kchronicle: loaded {name} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    loaded
}
