//! The terminal side: set up the screen, run the event loop, and restore the terminal on every
//! way out (quit, Ctrl-C, SIGTERM/SIGHUP, errors and panics).

mod effects;
mod reload;

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen};
use ratatui::DefaultTerminal;

use crate::app::{Action, App, Carried};
use crate::date::EdtfDate;
use crate::files::DatasetLocation;
use crate::keymap::{action_for_key, action_for_mouse, KeyContext};
use crate::load::{load, Dataset};
use crate::state::{self, MarkStore};
use crate::ui;
use effects::carry_out;
pub use reload::reload_note;
use reload::{problems_note, Watch};

/// How long to wait for input before checking the signal flags again.
const POLL: Duration = Duration::from_millis(250);
/// How often the dataset's files are checked for changes.
const RELOAD_POLL: Duration = Duration::from_millis(1500);

/// How the browser starts, from the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InitialFilter {
    pub from: Option<EdtfDate>,
    pub to: Option<EdtfDate>,
}

/// Runs the browser until the user quits. Caller has already loaded and validated the data and
/// checked stdout is a terminal. The browser keeps the dataset, to replace it when its files
/// change on disk.
pub fn run(dataset: Dataset, location: &DatasetLocation, initial: InitialFilter) -> io::Result<()> {
    let (stop, handlers) = register_signals()?;
    install_mouse_panic_hook();
    // Installs a panic hook that restores raw mode and the main screen, then runs ours (mouse
    // off) and the default one, so a panic message lands on a usable terminal.
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode may be on even though the alternate screen failed.
            restore();
            return Err(e);
        }
    };
    let result = execute!(stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, dataset, location, initial, &stop));
    restore();
    // Hand the signals back to their defaults' care for the rest of the process.
    for id in handlers {
        signal_hook::low_level::unregister(id);
    }
    result
}

/// Raw mode off, main screen back, mouse reporting off; errors ignored, as there is no better
/// terminal to report them on.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

fn install_mouse_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Termination signals set a flag that the loop checks between polls, so that the terminal is
/// restored by the normal path rather than from inside a signal handler.
fn register_signals() -> io::Result<(Arc<AtomicBool>, Vec<signal_hook::SigId>)> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut handlers = Vec::new();
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        handlers.push(signal_hook::flag::register(signal, Arc::clone(&stop))?);
    }
    Ok((stop, handlers))
}

/// How one run of the app on one timeline ended.
enum Outcome {
    Quit,
    /// The dataset changed on disk and loaded: start again on it, carrying the state over.
    Reloaded(Box<Reload>),
}

struct Reload {
    dataset: Dataset,
    carried: Carried,
    note: String,
}

/// The event loop owns the dataset, so that a reload can replace it: each timeline gets its
/// own `App` (which borrows it), and what the user had set up is carried from one to the next.
fn event_loop(
    terminal: &mut DefaultTerminal,
    mut dataset: Dataset,
    location: &DatasetLocation,
    initial: InitialFilter,
    stop: &AtomicBool,
) -> io::Result<()> {
    let store = state::state_dir().map(|dir| MarkStore::new(dir, state::dataset_key(location)));
    let (marks, mut note) = match &store {
        Some(store) => {
            let loaded = store.load();
            (loaded.marks, loaded.warning)
        }
        None => (Default::default(), None),
    };
    let mut carried = Carried {
        from: initial.from,
        to: initial.to,
        marks,
        ..Carried::default()
    };
    let mut watch = Watch::new(location, &dataset.timeline);
    loop {
        let context = Context {
            location,
            store: store.as_ref(),
            stop,
        };
        match session(
            terminal,
            &dataset,
            &context,
            carried,
            note.take(),
            &mut watch,
        )? {
            Outcome::Quit => return Ok(()),
            Outcome::Reloaded(reload) => {
                let Reload {
                    dataset: next,
                    carried: state,
                    note: said,
                } = *reload;
                dataset = next;
                watch = Watch::new(location, &dataset.timeline);
                carried = state;
                note = Some(said);
            }
        }
    }
}

/// What a session needs besides the timeline.
struct Context<'a> {
    location: &'a DatasetLocation,
    store: Option<&'a MarkStore>,
    stop: &'a AtomicBool,
}

fn session(
    terminal: &mut DefaultTerminal,
    dataset: &Dataset,
    cx: &Context,
    carried: Carried,
    note: Option<String>,
    watch: &mut Watch,
) -> io::Result<Outcome> {
    let mut app = App::new(&dataset.timeline, &dataset.name);
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    app.restore(carried);
    if let Some(note) = note {
        app.update(Action::Report(note));
    }
    let mut dirty = true;
    let mut polled = Instant::now();
    while !app.should_quit() && !cx.stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| ui::draw(&app, frame))?;
            dirty = false;
        }
        if polled.elapsed() >= RELOAD_POLL {
            polled = Instant::now();
            if watch.changed() {
                match load(cx.location) {
                    Ok(next) => {
                        let note = reload_note(&dataset.timeline, &next.timeline);
                        return Ok(Outcome::Reloaded(Box::new(Reload {
                            carried: app.carry(),
                            dataset: next,
                            note,
                        })));
                    }
                    Err(problems) => {
                        app.update(Action::Report(problems_note(&problems)));
                        dirty = true;
                    }
                }
            }
        }
        if !event::poll(POLL)? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) => action_for_key(
                key,
                KeyContext {
                    mode: app.mode(),
                    focus: app.focus(),
                    can_go_back: app.can_go_back(),
                    finding: app.find().is_some(),
                },
            ),
            Event::Mouse(mouse) => action_for_mouse(mouse),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        match action {
            Action::Redraw => terminal.clear()?,
            Action::Suspend => {
                suspend()?;
                terminal.clear()?;
                // The terminal may have been resized while we were stopped.
                let size = terminal.size()?;
                app.update(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
            }
            _ => {}
        }
        app.update(action);
        for effect in app.take_effects() {
            let note = carry_out(&app, effect, cx);
            app.update(Action::Report(note));
        }
        dirty = true;
    }
    Ok(Outcome::Quit)
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
