//! The terminal side: set up the screen, run the event loop, and restore the terminal on every
//! way out (quit, Ctrl-C, SIGTERM/SIGHUP, errors and panics). The same loop and the same care
//! drive the browser and triage (`chronicle draft --into`), each a `Driven`.

mod adding;
mod background;
mod browser;
mod effects;
mod reload;
mod triage;

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crossterm::event::Event;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::Backend;
use ratatui::{DefaultTerminal, Terminal};

use crate::authoring::DatasetFiles;
use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::load::Dataset;
use crate::state;
pub use background::Loader;
pub use browser::{Browser, Start};
pub use reload::reload_note;
pub use triage::TriageScreen;

/// What the event loop drives, one terminal event at a time: the browser, or triage.
pub trait Driven {
    type Backend: Backend;
    /// What is handed back with the terminal when the loop ends.
    type Rest;
    fn should_quit(&self) -> bool;
    /// The loop's own work between events (reloads).
    fn tick(&mut self) -> io::Result<()>;
    /// Whether the screen no longer shows the state.
    fn is_stale(&self) -> bool;
    fn draw(&mut self) -> io::Result<()>;
    /// Whether work is under way that `work` goes on with when no input waits.
    fn is_busy(&self) -> bool;
    fn handle(&mut self, event: Event) -> io::Result<()>;
    fn work(&mut self);
    /// The terminal, for the caller to restore with care, and the rest.
    fn into_parts(self) -> (Terminal<Self::Backend>, Self::Rest);
}

/// How long to wait for input before checking the signal flags (and reloads) again.
const POLL: Duration = Duration::from_millis(250);

/// How the browser starts, from the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InitialFilter {
    pub from: Option<EdtfDate>,
    pub to: Option<EdtfDate>,
}

/// How long the event loop may take to notice a termination signal before the watchdog
/// restores the terminal and exits on its behalf.
const GRACE: Duration = Duration::from_secs(1);

/// How the browser ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A termination signal (SIGTERM, SIGHUP, SIGINT) ended it; the number is the signal's.
    Signal(i32),
}

impl Exit {
    /// The shell convention: 0 for a quit, 128 + n for signal n.
    pub fn code(self) -> u8 {
        match self {
            Exit::Quit => 0,
            Exit::Signal(n) => u8::try_from(128 + n).unwrap_or(255),
        }
    }
}

/// Runs the browser until the user quits or a signal ends it. Caller has already loaded and
/// validated the data and checked stdout is a terminal. The browser keeps the dataset, to
/// replace it when its files change on disk.
///
/// Reloads go through `loader`. With `rest`, `dataset` holds only the first events of the
/// `rest` there are (from the cache), and the whole dataset is loaded at once in the
/// background.
pub fn run(
    dataset: Arc<Dataset>,
    location: &DatasetLocation,
    initial: InitialFilter,
    loader: Loader,
    rest: Option<usize>,
) -> io::Result<Exit> {
    let start = Start {
        initial,
        state_dir: state::state_dir(),
    };
    let location = location.clone();
    let (exit, ()) = on_terminal(true, move |terminal| {
        let browser = Browser::new(terminal, dataset, location, start)?
            .with_suspend(suspend)
            .with_loader(loader);
        match rest {
            Some(total) => browser.load_rest(total),
            None => Ok(browser),
        }
    })?;
    Ok(exit)
}

/// Runs triage until the user quits or a signal ends it, writing into the dataset `files`
/// were read from; the state it ended in, to tell what was decided. Caller has checked stdout
/// is a terminal.
pub fn run_triage(
    state: crate::triage::Triage,
    files: DatasetFiles,
) -> io::Result<(Exit, crate::triage::Triage)> {
    on_terminal(false, move |terminal| {
        TriageScreen::new(terminal, state, files).map(|t| t.with_suspend(suspend_without_mouse))
    })
}

/// Takes the terminal over (with mouse reporting when `mouse`), runs what `open` makes on it
/// until it quits or a signal ends it, and gives the terminal back as it was, on every way out.
fn on_terminal<D, F>(mouse: bool, open: F) -> io::Result<(Exit, D::Rest)>
where
    D: Driven<Backend = ratatui::backend::CrosstermBackend<io::Stdout>>,
    F: FnOnce(DefaultTerminal) -> io::Result<D>,
{
    let (stop, handlers) = register_signals()?;
    let finished = Arc::new(AtomicBool::new(false));
    spawn_watchdog(Arc::clone(&stop), Arc::clone(&finished));
    install_mouse_panic_hook();
    // Starts crossterm's input reader, which is what catches SIGWINCH, before the screen's
    // size is first read: otherwise a resize between the first draw and the first poll was
    // lost (SIGWINCH is ignored by default), and the screen stayed drawn for the old size.
    event::poll(Duration::ZERO)?;
    // Installs a panic hook that restores raw mode and the main screen, then runs ours (mouse
    // off) and the default one, so a panic message lands on a usable terminal.
    let terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode may be on even though the alternate screen failed.
            restore();
            return Err(e);
        }
    };
    let mouse_on = if mouse {
        execute!(stdout(), EnableMouseCapture)
    } else {
        Ok(())
    };
    let outcome = mouse_on.and_then(|()| open(terminal)).map(|mut driven| {
        let looped = event_loop(&mut driven, &stop);
        (looped, driven.into_parts())
    });
    restore();
    let result = outcome.and_then(|(looped, (mut terminal, rest))| {
        // Dropping ratatui's terminal shows the cursor and prints the error when that fails:
        // on a terminal that was closed the print panics, and the panic hook then aborts. So
        // show it here, and when that fails the terminal is gone: nothing is left for the
        // drop to do.
        if terminal.show_cursor().is_err() {
            std::mem::forget(terminal);
        }
        looped.map(|()| rest)
    });
    finished.store(true, Ordering::SeqCst);
    // Hand the signals back to their defaults' care for the rest of the process.
    for id in handlers {
        signal_hook::low_level::unregister(id);
    }
    let rest = result?;
    let exit = match stop.load(Ordering::SeqCst) {
        0 => Exit::Quit,
        signal => Exit::Signal(i32::try_from(signal).unwrap_or(0)),
    };
    Ok((exit, rest))
}

/// A safety net for signals the event loop cannot see. When the terminal goes away (a closed
/// tmux pane or ssh session), crossterm's input reader can spin on end-of-file inside `poll`
/// and never return to the loop, so the SIGHUP flag would never be read and the process would
/// burn a core forever. If the loop has not finished within `GRACE` of a signal, this thread
/// restores what it can and exits with the signal's status.
fn spawn_watchdog(stop: Arc<AtomicUsize>, finished: Arc<AtomicBool>) {
    thread::spawn(move || loop {
        if finished.load(Ordering::SeqCst) {
            return;
        }
        let signal = stop.load(Ordering::SeqCst);
        if signal != 0 {
            thread::sleep(GRACE);
            if !finished.load(Ordering::SeqCst) {
                restore_without_stdout();
                std::process::exit(128 + i32::try_from(signal).unwrap_or(0));
            }
            return;
        }
        thread::sleep(Duration::from_millis(100));
    });
}

/// Raw mode off, main screen back, mouse reporting off, cursor shown (the shell after Ctrl-Z
/// had none); errors ignored, as there is no better terminal to report them on. (Not
/// `ratatui::restore`, which prints its error: on a terminal that was closed that print
/// panics, and inside a panic hook the process aborts.)
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
    let _ = ratatui::try_restore();
}

/// `restore` for the watchdog, which must not wait for the stdout lock (the stuck thread may
/// hold it): raw mode off through the terminal's own settings, and the escape sequences that
/// leave mouse reporting and the alternate screen written straight to the terminal device.
fn restore_without_stdout() {
    use std::io::Write;
    let _ = terminal::disable_raw_mode();
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = tty.write_all(
            b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?1049l\x1b[?25h",
        );
    }
}

fn install_mouse_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Termination signals store their number in a flag that the loop checks between polls, so that
/// the terminal is restored by the normal path rather than from inside a signal handler.
fn register_signals() -> io::Result<(Arc<AtomicUsize>, Vec<signal_hook::SigId>)> {
    let stop = Arc::new(AtomicUsize::new(0));
    let mut handlers = Vec::new();
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let number = usize::try_from(signal).unwrap_or(1);
        handlers.push(signal_hook::flag::register_usize(
            signal,
            Arc::clone(&stop),
            number,
        )?);
    }
    Ok((stop, handlers))
}

/// Feeds the terminal's events to the browser or triage until the user quits or a signal asks
/// it to stop. Work under way (a long ranking) goes on in slices whenever no input is waiting,
/// so that keys are read, and the screen drawn, between slices.
fn event_loop(driven: &mut impl Driven, stop: &AtomicUsize) -> io::Result<()> {
    while !driven.should_quit() && stop.load(Ordering::Relaxed) == 0 {
        driven.tick()?;
        if driven.is_stale() {
            driven.draw()?;
        }
        let busy = driven.is_busy();
        if event::poll(if busy { Duration::ZERO } else { POLL })? {
            driven.handle(event::read()?)?;
        } else if busy {
            driven.work();
        }
    }
    Ok(())
}

/// Ctrl-Z: hand the terminal back to the shell, stop, and take it again on `fg`.
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Execution resumes here after SIGCONT.
    terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}

#[cfg(not(unix))]
fn suspend() -> io::Result<()> {
    Ok(())
}

/// Ctrl-Z for a screen that takes no mouse input (triage): the mouse stays the terminal's.
#[cfg(unix)]
fn suspend_without_mouse() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)
}

#[cfg(not(unix))]
fn suspend_without_mouse() -> io::Result<()> {
    Ok(())
}
