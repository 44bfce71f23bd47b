//! `chronicle [DATASET] [--from DATE] [--to DATE]`: the browser, opened only once everything
//! it needs is known to be there.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::flag;
use std::time::{Duration, Instant};

use crate::cache::Cache;
use crate::cli::Inputs;
use crate::commands;
use crate::date::{check_range, EdtfDate};
use crate::input::location_of;
use crate::load::Progress;
use crate::report::{cached_head, open_reporting, Cached};
use crate::tui::{self, InitialFilter, Loader};

/// Events read for the first screen when the rest come later: more rows than a terminal has.
const FIRST_SCREEN: usize = 400;

/// Opens the browser: checks the date range, loads everything, checks there is a terminal to
/// draw on, and only then takes the terminal over.
pub fn run(inputs: &Inputs, from: Option<EdtfDate>, to: Option<EdtfDate>) -> ExitCode {
    // A backwards range is refused as the `F` prompt refuses it, rather than opening the
    // browser on an empty timeline.
    if let Err(e) = check_range(from.as_ref(), to.as_ref()) {
        eprintln!("chronicle: {e}");
        return ExitCode::from(2);
    }
    // Without a date range, the first screen is drawn from the first events of the cache's
    // entry, and the rest loaded behind it.
    let head = match (&from, &to) {
        (None, None) => cached_head(inputs, FIRST_SCREEN),
        _ => Ok(Cached::Current),
    };
    let (dataset, rest, store) = match head {
        Ok(Cached::Head(head, total)) => (Arc::new(*head), Some(total), None),
        Ok(Cached::Missing(cache, root, before)) => {
            // Loaded from the files, and the entry written on a thread of its own while the
            // browser opens, rather than before it (writing an image of a million events
            // takes most of a second).
            let files_only = Inputs {
                no_cache: true,
                ..inputs.clone()
            };
            let Ok(dataset) = open_reporting(&files_only) else {
                return ExitCode::FAILURE;
            };
            let dataset = Arc::new(dataset);
            let shared = Arc::clone(&dataset);
            let shown = crate::problem::escape_unsafe(&root.display().to_string()).into_owned();
            let skip = Arc::new(AtomicBool::new(false));
            let written = Arc::new(AtomicBool::new(false));
            let (skipped, stored) = (Arc::clone(&skip), Arc::clone(&written));
            let store = thread::Builder::new()
                .name("cache".into())
                .spawn(move || {
                    // Best effort: a cache that cannot be written costs only speed.
                    if let Ok(true) =
                        cache.store_unless(&root, &shared, &shared.notes, &before, &skipped)
                    {
                        stored.store(true, Ordering::SeqCst);
                    }
                })
                .ok()
                .map(|handle| Store {
                    handle,
                    shown,
                    skip,
                    written,
                });
            (dataset, None, store)
        }
        Ok(Cached::Current | Cached::Off) => match open_reporting(inputs) {
            Ok(dataset) => (Arc::new(dataset), None, None),
            Err(_) => return ExitCode::FAILURE,
        },
        Err(failure) => return commands::exit_code(Err(failure)),
    };
    if !io::stdout().is_terminal() {
        eprintln!(
            "chronicle: standard output is not a terminal, so the browser cannot open.\n\
             For text output use `chronicle events` (or `chronicle events --json`)."
        );
        return ExitCode::from(2);
    }
    let cache = Cache::from_env(inputs.no_cache);
    let loader: Loader = Arc::new(move |location| {
        crate::cache::load(cache.as_ref(), location, &Progress::default())
    });
    match tui::run(
        dataset,
        &location_of(&inputs.paths),
        InitialFilter { from, to },
        loader,
        rest,
    ) {
        Ok(exit) => {
            // An entry half written would be thrown away: the terminal is back already, and
            // what is left of the write is waited for, saying so when it takes a while. Ctrl-C
            // (or a termination signal) skips it: the next open reads the files and writes it.
            if let Some(Store {
                handle,
                shown,
                skip,
                written,
            }) = store
            {
                let handlers: Vec<_> = [SIGINT, SIGTERM, SIGHUP]
                    .into_iter()
                    .filter_map(|signal| flag::register(signal, Arc::clone(&skip)).ok())
                    .collect();
                let said = format!("chronicle: writing the cache of {shown}… (Ctrl-C skips it)");
                let ended = wait_saying(handle, SAY_AFTER, &said, &skip, &mut io::stderr());
                for handler in handlers {
                    signal_hook::low_level::unregister(handler);
                }
                // Skipped too late to matter (the entry was in place, old ones being pruned):
                // nothing to say.
                if !ended && !written.load(Ordering::SeqCst) {
                    let _ = writeln!(
                        io::stderr(),
                        "chronicle: the cache entry was not written; the next open reads the files"
                    );
                    return ExitCode::from(130);
                }
            }
            ExitCode::from(exit.code())
        }
        Err(e) => {
            // Not eprintln: standard error may be the terminal that failed, and a panic there
            // would abort the process.
            let _ = writeln!(io::stderr(), "chronicle: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The cache entry being written behind the browser: its thread, the folder as shown, and
/// the flag that makes it give up.
struct Store {
    handle: thread::JoinHandle<()>,
    shown: String,
    skip: Arc<AtomicBool>,
    /// Set once the entry is in place.
    written: Arc<AtomicBool>,
}

/// How long a skipped write may take to remove its temporary file (it stops at its next
/// buffer; hashing the files, before, is not cut short).
const CLEAN_UP: Duration = Duration::from_secs(1);

/// How long a wait at quitting may stay silent.
const SAY_AFTER: Duration = Duration::from_millis(200);

/// Waits for `work` to end; when it has not within `after`, says `said` on `out` first, so
/// that the wait never reads as a hang. When `skip` is set (a signal), which `work` heeds
/// too, waits only a moment more for it to clean up: whether `work` ended by itself.
fn wait_saying(
    work: thread::JoinHandle<()>,
    after: Duration,
    said: &str,
    skip: &AtomicBool,
    out: &mut impl Write,
) -> bool {
    let started = Instant::now();
    let mut told = false;
    while !work.is_finished() {
        if skip.load(Ordering::SeqCst) {
            let skipped = Instant::now();
            while !work.is_finished() && skipped.elapsed() < CLEAN_UP {
                thread::sleep(Duration::from_millis(10));
            }
            return false;
        }
        if !told && started.elapsed() >= after {
            let _ = writeln!(out, "{said}");
            told = true;
        }
        thread::sleep(Duration::from_millis(10));
    }
    let _ = work.join();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_wait_at_quitting_is_said_and_a_short_one_is_not() {
        let never = AtomicBool::new(false);
        let slow = thread::spawn(|| thread::sleep(Duration::from_millis(400)));
        let mut out = Vec::new();
        let started = Instant::now();
        assert!(wait_saying(
            slow,
            Duration::from_millis(50),
            "writing…",
            &never,
            &mut out
        ));
        assert!(
            started.elapsed() >= Duration::from_millis(400),
            "it waits for the end"
        );
        assert_eq!(String::from_utf8(out).unwrap(), "writing…\n");
        let quick = thread::spawn(|| ());
        let mut out = Vec::new();
        assert!(wait_saying(
            quick,
            Duration::from_secs(5),
            "writing…",
            &never,
            &mut out
        ));
        assert!(out.is_empty());
    }

    /// Ctrl-C during the wait at quitting skips it, rather than being ignored (trial 8: P8).
    #[test]
    fn a_signal_skips_the_wait_at_quitting() {
        let (done, finish) = std::sync::mpsc::channel::<()>();
        let stuck = thread::spawn(move || {
            let _ = finish.recv();
        });
        let skip = Arc::new(AtomicBool::new(false));
        let setter = {
            let skip = Arc::clone(&skip);
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(100));
                skip.store(true, Ordering::SeqCst);
            })
        };
        let mut out = Vec::new();
        assert!(!wait_saying(
            stuck,
            Duration::from_millis(20),
            "writing…",
            &skip,
            &mut out
        ));
        assert_eq!(String::from_utf8(out).unwrap(), "writing…\n");
        let _ = setter.join();
        drop(done);
    }
}
