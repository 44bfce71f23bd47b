//! The `chronicle` binary: parse arguments, load the dataset, run a command or the browser.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;

use chronicle::cli::{Cli, Command};
use chronicle::commands::{self, events::EventFilter, Failure};
use chronicle::date::EdtfDate;
use chronicle::files::DatasetLocation;
use chronicle::load::{load, Dataset, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE};
use chronicle::problem::Problem;
use chronicle::tui::InitialFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return browse(cli.dataset, cli.from.as_deref(), cli.to.as_deref());
    };
    // Locked for the commands only: the browser must leave stdout free for its own threads.
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match command {
        Command::Check { dataset } => {
            with_dataset(dataset, |d| Ok(commands::check::run(d, &mut out)?))
        }
        Command::Events {
            dataset,
            actor,
            from,
            to,
            json,
        } => with_dataset(dataset, |d| {
            let filter = EventFilter {
                actors: actor,
                from,
                to,
            };
            commands::events::run(&d.timeline, &filter, json, &mut out)
        }),
        Command::Actors {
            dataset,
            search,
            json,
        } => with_dataset(dataset, |d| {
            Ok(commands::actors::run(
                &d.timeline,
                search.as_deref(),
                json,
                &mut out,
            )?)
        }),
        Command::Show { event, dataset } => with_dataset(dataset, |d| {
            commands::show::run(&d.timeline, &event, &mut out)
        }),
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

/// Loads the dataset, printing every problem (and any notes) to standard error.
fn load_reporting(dataset: Option<PathBuf>) -> Result<Dataset, Failure> {
    let location = DatasetLocation::resolve(dataset);
    match load_showing_progress(&location) {
        Ok(dataset) => {
            for note in &dataset.notes {
                eprintln!("note: {note}");
            }
            Ok(dataset)
        }
        Err(problems) => {
            let stderr = io::stderr();
            let mut err = stderr.lock();
            for problem in &problems {
                let _ = writeln!(err, "{problem}");
            }
            let noun = if problems.len() == 1 {
                "problem"
            } else {
                "problems"
            };
            let _ = writeln!(
                err,
                "{} {noun} in {}",
                problems.len(),
                location.display_root()
            );
            Err(Failure::Invalid)
        }
    }
}

/// How long a load runs before it says so: small datasets load silently.
const PROGRESS_AFTER: Duration = Duration::from_millis(300);
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// Loads the dataset; when that takes a while and standard error is a terminal, a line there
/// says what is loading and for how long, then what loaded, so a large dataset never looks
/// like a frozen terminal. (The loader has no progress hook, so the line counts time and the
/// size of the events file rather than events.)
fn load_showing_progress(location: &DatasetLocation) -> Result<Dataset, Vec<Problem>> {
    if !io::stderr().is_terminal() {
        return load(location);
    }
    let size = match location {
        DatasetLocation::Folder(root) => [EVENTS_LINES_FILE, EVENTS_ARRAY_FILE]
            .iter()
            .filter_map(|f| std::fs::metadata(root.join(f)).ok())
            .map(|m| m.len())
            .sum(),
        DatasetLocation::Bundled => 0,
    };
    let name = location.display_root();
    let started = Instant::now();
    let done = AtomicBool::new(false);
    let (loaded, shown) = std::thread::scope(|scope| {
        let ticker = scope.spawn(|| {
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                let elapsed = started.elapsed();
                if elapsed >= PROGRESS_AFTER {
                    eprint!(
                        "\r\x1b[2Kchronicle: loading {name} ({:.0} MB of events)… {:.1} s",
                        size as f64 / 1e6,
                        elapsed.as_secs_f64()
                    );
                    shown = true;
                }
                std::thread::park_timeout(PROGRESS_EVERY);
            }
            shown
        });
        let loaded = load(location);
        done.store(true, Ordering::Relaxed);
        ticker.thread().unpark();
        (loaded, ticker.join().unwrap_or(false))
    });
    if shown {
        eprint!("\r\x1b[2K");
        if let Ok(dataset) = &loaded {
            let t = &dataset.timeline;
            eprintln!(
                "chronicle: loaded {} events, {} actors and {} sources from {name} in {:.1} s",
                t.events().len(),
                t.actors().len(),
                t.sources().len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    loaded
}

fn with_dataset(
    dataset: Option<PathBuf>,
    command: impl FnOnce(&Dataset) -> Result<(), Failure>,
) -> Result<(), Failure> {
    command(&load_reporting(dataset)?)
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(commands::sentences::run(text, json, out)?)
}

/// Opens the browser, after checking the dates, loading everything and checking there is a
/// terminal to draw on.
fn browse(dataset: Option<PathBuf>, from: Option<&str>, to: Option<&str>) -> ExitCode {
    let parse = |text: Option<&str>, flag: &str| {
        text.map(|t| EdtfDate::parse(t).map_err(|e| format!("--{flag} '{t}': {e}")))
            .transpose()
    };
    let initial = match (parse(from, "from"), parse(to, "to")) {
        (Ok(from), Ok(to)) => InitialFilter { from, to },
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("chronicle: {e}");
            return ExitCode::from(2);
        }
    };
    let location = DatasetLocation::resolve(dataset.clone());
    let dataset = match load_reporting(dataset) {
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
    match chronicle::tui::run(dataset, &location, initial) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(e) => {
            eprintln!("chronicle: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
