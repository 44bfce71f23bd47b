//! `chronicle [DATASET] [--from DATE] [--to DATE]`: the browser, opened only once everything
//! it needs is known to be there.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use std::sync::Arc;

use crate::cache::Cache;
use crate::cli::Inputs;
use crate::commands;
use crate::date::{check_range, EdtfDate};
use crate::input::location_of;
use crate::load::Progress;
use crate::report::{cached_head, open_reporting};
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
        _ => Ok(None),
    };
    let (dataset, rest) = match head {
        Ok(Some((head, total))) => (head, Some(total)),
        Ok(None) => match open_reporting(inputs) {
            Ok(dataset) => (dataset, None),
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
        Ok(exit) => ExitCode::from(exit.code()),
        Err(e) => {
            // Not eprintln: standard error may be the terminal that failed, and a panic there
            // would abort the process.
            let _ = writeln!(io::stderr(), "chronicle: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
