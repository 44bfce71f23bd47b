//! The `chronicle` binary: allocator setup, the arguments, and which library command runs.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use chronicle::cli::{Cli, Command};
use chronicle::commands::events::Output;
use chronicle::commands::{self, with_dataset, Failure};

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
        return commands::browse::run(&cli.inputs, cli.from, cli.to);
    };
    // Triage takes the terminal, as the browser does: before standard output is locked.
    if let Command::Draft {
        file,
        published,
        into: Some(dir),
        accept_all,
        ..
    } = &command
    {
        return commands::draft::triage(file, *published, dir, *accept_all);
    }
    // Locked for the commands only: the browser must leave stdout free for its own threads.
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match command {
        Command::Check { inputs, .. } => commands::check::run_inputs(&inputs, &mut out),
        Command::Events {
            inputs,
            filter,
            format,
            json,
            ids,
        } => with_dataset(&inputs, |d| {
            let output = if json {
                Output::Json
            } else {
                format.unwrap_or_default()
            };
            commands::events::run(d, &filter, output, ids, &mut out, &mut io::stderr())
        }),
        Command::Stats {
            inputs,
            filter,
            by,
            sum,
            json,
            ..
        } => with_dataset(&inputs, |d| {
            let stats = commands::stats::Stats { by, sum, json };
            commands::stats::run(&d.timeline, &filter, &stats, &mut out, &mut io::stderr())
        }),
        Command::Actors {
            inputs,
            search,
            json,
            ..
        } => commands::actors::run_inputs(&inputs, search.as_deref(), json, &mut out),
        Command::Show { event, inputs, .. } => commands::show::check_order(&event, &inputs.paths)
            .and_then(|()| {
                with_dataset(&inputs, |d| {
                    commands::show::run(&d.timeline, &event, &mut out)
                })
            }),
        Command::Import {
            inputs,
            output,
            force,
            ..
        } => commands::import::run_inputs(&inputs, &output, force, &mut out),
        Command::Init { dir } => commands::init::run(&dir, &mut out),
        Command::Sentences { file, json } => commands::sentences::run_file(&file, json, &mut out),
        Command::Times {
            file,
            published,
            json,
        } => commands::times::run_file(&file, published, json, &mut out),
        Command::Draft {
            file,
            published,
            dataset,
            no_cache,
            json,
            ..
        } => commands::draft::run_command(&file, published, dataset, no_cache, json, &mut out),
    };
    let flushed = out.flush().map_err(Failure::Io);
    commands::exit_code(result.and(flushed))
}
