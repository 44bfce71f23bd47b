//! `chronicle [DATASET] [--from DATE] [--to DATE]`: the browser, opened only once everything
//! it needs is known to be there.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::Inputs;
use crate::date::{check_range, EdtfDate};
use crate::input::location_of;
use crate::report::open_reporting;
use crate::tui::{self, InitialFilter};

/// Opens the browser: checks the date range, loads everything, checks there is a terminal to
/// draw on, and only then takes the terminal over.
pub fn run(inputs: &Inputs, from: Option<EdtfDate>, to: Option<EdtfDate>) -> ExitCode {
    // A backwards range is refused as the `F` prompt refuses it, rather than opening the
    // browser on an empty timeline.
    if let Err(e) = check_range(from.as_ref(), to.as_ref()) {
        eprintln!("chronicle: {e}");
        return ExitCode::from(2);
    }
    let Ok(dataset) = open_reporting(inputs) else {
        return ExitCode::FAILURE;
    };
    if !io::stdout().is_terminal() {
        eprintln!(
            "chronicle: standard output is not a terminal, so the browser cannot open.\n\
             For text output use `chronicle events` (or `chronicle events --json`)."
        );
        return ExitCode::from(2);
    }
    match tui::run(
        dataset,
        &location_of(&inputs.paths),
        InitialFilter { from, to },
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
