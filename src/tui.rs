//! The terminal side: set up the screen, run the event loop, and restore the terminal on every
//! way out (quit, Ctrl-C, SIGTERM/SIGHUP, errors and panics).

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen};
use ratatui::DefaultTerminal;

use crate::app::{Action, App};
use crate::keymap::{action_for_key, action_for_mouse, KeyContext};
use crate::timeline::Timeline;
use crate::ui;

/// How long to wait for input before checking the signal flags again.
const POLL: Duration = Duration::from_millis(250);

/// Runs the browser until the user quits. Caller has already loaded and validated the data and
/// checked stdout is a terminal.
pub fn run(timeline: &Timeline, dataset_name: &str) -> io::Result<()> {
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
        .and_then(|()| event_loop(&mut terminal, timeline, dataset_name, &stop));
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    timeline: &Timeline,
    dataset_name: &str,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut app = App::new(timeline, dataset_name);
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| ui::draw(&app, frame))?;
            dirty = false;
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
        dirty = true;
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
