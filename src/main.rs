//! The `chronicle` binary: parse arguments, load the dataset, run a command or the browser.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;

use chronicle::cli::{Cli, Command, Inputs};
use chronicle::commands::events::{EventFilter, Output};
use chronicle::commands::{self, Failure};
use chronicle::date::{check_range, EdtfDate};
use chronicle::files::DatasetLocation;
use chronicle::input::{location_of, open, thousands};
use chronicle::load::{Dataset, Progress, Stage, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE};
use chronicle::tui::InitialFilter;

/// mimalloc keeps less overhead per small allocation than the system allocator and hands
/// memory back faster; a loaded million-event timeline is mostly small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mi_option_e` in mimalloc.h, version 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Turns transparent huge pages off for this process. A load faults in some 700 MB of fresh
/// memory; with huge pages the kernel must find (often compact) 2 MB of free memory and clear
/// all of it for each fault, which measured 2.3 s of system time against 0.8 s without, and
/// 0.9 s longer loads, when the page cache was full (after `jq` had read the events file).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of this process; its result
    // does not matter (an older kernel without it keeps huge pages, which still works).
    unsafe {
        let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
    }
}

fn main() -> ExitCode {
    // Memory freed by a load (files read, records parsed, lists sorted) goes back to the
    // system at once rather than 10 ms later, when the load has long filled more: measured,
    // 10-30 MB less at the peak of a million-event load, in about the same time once huge
    // pages are off (with them on, it cost 0.2-0.5 s).
    // SAFETY: sets a documented allocator option, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    no_huge_pages();
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return browse(&cli.inputs, cli.from.as_deref(), cli.to.as_deref());
    };
    // Locked for the commands only: the browser must leave stdout free for its own threads.
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match command {
        Command::Check { inputs, .. } => {
            with_dataset(&inputs, |d| Ok(commands::check::run(d, &mut out)?))
        }
        Command::Events {
            inputs,
            actor,
            from,
            to,
            format,
            json,
            ids,
        } => with_dataset(&inputs, |d| {
            let filter = EventFilter {
                actors: actor,
                from,
                to,
            };
            let output = if json {
                Output::Json
            } else {
                format.unwrap_or_default()
            };
            commands::events::run(d, &filter, output, ids, &mut out, &mut io::stderr())
        }),
        Command::Actors {
            inputs,
            search,
            json,
            ..
        } => with_dataset(&inputs, |d| {
            commands::actors::run(&d.timeline, search.as_deref(), json, &mut out)
        }),
        Command::Show { event, inputs, .. } => with_dataset(&inputs, |d| {
            commands::show::run(&d.timeline, &event, &mut out)
        }),
        Command::Import {
            inputs,
            output,
            force,
            ..
        } => {
            if inputs.paths.is_empty() {
                Err(Failure::Usage(
                    "name the files to import, e.g. `chronicle import events.CSV -o my-dataset`"
                        .into(),
                ))
            } else {
                with_dataset(&inputs, |d| {
                    commands::import::run(d, &output, force, &mut out)
                })
            }
        }
        Command::Init { dir } => commands::init::run(&dir, &mut out),
        Command::Sentences { file, json } => sentences(&file, json, &mut out),
    };
    let flushed = out.flush();
    match result.and(flushed.map_err(Failure::Io)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("chronicle: cannot write output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("chronicle: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Invalid) => ExitCode::FAILURE,
    }
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
    let name = chronicle::problem::escape_unsafe(&location.display_root()).into_owned();
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
    if shown {
        eprintln!(
            "\r\x1b[2Kchronicle: loaded {name} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    loaded
}

/// Opens the dataset or imports the files, printing every problem (and any notes, and how
/// many rows were skipped) to standard error.
fn load_reporting(inputs: &Inputs) -> Result<Dataset, Failure> {
    let options = chronicle::import::Options {
        format: inputs.input_format,
        date_order: inputs.date_order,
        skip_invalid: inputs.skip_invalid,
        articles: inputs.articles.clone(),
    };
    let shown = |progress: &Progress| open(&inputs.paths, &options, progress);
    let opened = showing_progress(&inputs.paths, shown);
    // Locked only now: the progress line is written to standard error from another thread
    // during the load, and would wait for this lock for ever.
    let stderr = io::stderr();
    let mut err = stderr.lock();
    match opened {
        Ok(opened) => {
            for note in &opened.dataset.notes {
                let _ = writeln!(err, "note: {note}");
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
            Ok(opened.dataset)
        }
        Err(failed) => {
            for problem in &failed.problems {
                let _ = writeln!(err, "{problem}");
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
                chronicle::problem::escape_unsafe(&failed.root)
            );
            if failed.importing
                && failed.problems.iter().any(|p| p.line.is_some())
                && !inputs.skip_invalid
            {
                let _ = writeln!(
                    err,
                    "  hint: --skip-invalid imports the valid rows and counts the others"
                );
            }
            Err(Failure::Invalid)
        }
    }
}

/// Writes one problem per line to the `--report` file.
fn write_report(path: &PathBuf, problems: &[chronicle::problem::Problem]) -> Result<(), Failure> {
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

fn with_dataset(
    inputs: &Inputs,
    command: impl FnOnce(&Dataset) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let dataset = load_reporting(inputs)?;
    let result = command(&dataset);
    // The process ends right after: handing back a million small allocations one by one costs
    // more than letting the operating system take the pages back at once.
    std::mem::forget(dataset);
    result
}

fn sentences(file: &PathBuf, json: bool, out: &mut impl Write) -> Result<(), Failure> {
    let shown = file.display();
    let bytes =
        std::fs::read(file).map_err(|e| Failure::Usage(format!("{shown}: cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::Usage(format!(
            "{shown}: not valid UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let skipped = text.len() - body.len();
    Ok(commands::sentences::run(body, skipped, json, out)?)
}

/// Opens the browser: checks the dates given, loads everything, checks there is a terminal to
/// draw on, and only then takes the terminal over.
fn browse(inputs: &Inputs, from: Option<&str>, to: Option<&str>) -> ExitCode {
    let parse = |text: Option<&str>, flag: &str| {
        text.map(|t| EdtfDate::parse(t).map_err(|e| format!("--{flag} '{t}': {e}")))
            .transpose()
    };
    // A backwards range is refused as the `F` prompt refuses it, rather than opening the
    // browser on an empty timeline.
    let initial = parse(from, "from").and_then(|from| {
        let to = parse(to, "to")?;
        check_range(from.as_ref(), to.as_ref()).map_err(|e| e.0)?;
        Ok(InitialFilter { from, to })
    });
    let initial = match initial {
        Ok(initial) => initial,
        Err(e) => {
            eprintln!("chronicle: {e}");
            return ExitCode::from(2);
        }
    };
    let dataset = match load_reporting(inputs) {
        Ok(dataset) => dataset,
        Err(_) => return ExitCode::FAILURE,
    };
    if !io::stdout().is_terminal() {
        eprintln!(
            "chronicle: standard output is not a terminal, so the browser cannot open.\n\
             For text output use `chronicle events` (or `chronicle events --json`)."
        );
        return ExitCode::from(2);
    }
    match chronicle::tui::run(dataset, &location_of(&inputs.paths), initial) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(e) => {
            // Not eprintln: standard error may be the terminal that failed, and a panic there
            // would abort the process.
            let _ = writeln!(io::stderr(), "chronicle: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
