//! The terminal side: set up the screen, run the event loop, and restore the terminal on every
//! way out (quit, Ctrl-C, SIGTERM/SIGHUP, errors and panics).

use std::io::{self, stdout, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen};
use ratatui::DefaultTerminal;

use crate::app::{Action, App, Carried, Effect};
use crate::commands;
use crate::date::EdtfDate;
use crate::export;
use crate::files::DatasetLocation;
use crate::keymap::{action_for_key, action_for_mouse, KeyContext};
use crate::load::{load, Dataset, ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE};
use crate::state::{self, MarkStore};
use crate::timeline::Timeline;
use crate::ui;

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

/// Does what `update` asked for and says how it went, for the status line.
fn carry_out(app: &App, effect: Effect, cx: &Context) -> String {
    match effect {
        Effect::SaveMarks => match cx.store {
            Some(store) => match store.save(app.marks()) {
                Ok(()) => app.message().unwrap_or("Marks saved.").to_string(),
                Err(e) => format!("Marks not saved: {e}"),
            },
            None => {
                "Marks are not kept: there is no state directory (set HOME or CHRONICLE_STATE_DIR)."
                    .into()
            }
        },
        Effect::Export { path, format } => {
            let text = export::render(app.timeline, app.view(), format, &app.dataset);
            match write_export(&path, text.as_bytes(), cx.location) {
                Ok(written) => format!(
                    "Exported {} to {}.",
                    commands::count(app.view().len(), "event", "events"),
                    written.display()
                ),
                Err(e) => format!("Not exported: {e}"),
            }
        }
        Effect::Copy { text, what } => copy(&text, &what),
    }
}

/// Writes an export: relative paths are relative to the working directory, never inside the
/// dataset folder, never over an existing file.
fn write_export(path: &Path, bytes: &[u8], location: &DatasetLocation) -> Result<PathBuf, String> {
    let path = std::env::current_dir()
        .map_err(|e| format!("cannot tell the working directory: {e}"))?
        .join(path);
    let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    let dir = std::fs::canonicalize(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let Some(name) = path.file_name() else {
        return Err(format!("{} names no file", path.display()));
    };
    let path = dir.join(name);
    if let DatasetLocation::Folder(root) = location {
        if let Ok(root) = std::fs::canonicalize(root) {
            if dir.starts_with(&root) {
                return Err(format!(
                    "{} is inside the dataset folder; export somewhere else",
                    path.display()
                ));
            }
        }
    }
    if path.exists() {
        return Err(format!(
            "{} already exists; choose another name",
            path.display()
        ));
    }
    state::write_atomically(&dir, &path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// Puts text on the clipboard: `wl-copy` or `xclip` when there is a display for them, else
/// OSC 52 (base64 of the cleaned text), which most terminals and tmux pass to the clipboard.
fn copy(text: &str, what: &str) -> String {
    let tools: [(&str, &[&str], &str); 2] = [
        ("wl-copy", &[], "WAYLAND_DISPLAY"),
        ("xclip", &["-selection", "clipboard"], "DISPLAY"),
    ];
    for (tool, args, display) in tools {
        if std::env::var_os(display).is_none() {
            continue;
        }
        if pipe_to(tool, args, text).is_ok() {
            return format!("Copied {what} (with {tool}).");
        }
    }
    let mut out = stdout();
    match out
        .write_all(export::osc52(text).as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => format!(
            "Copied {what} through the terminal (OSC 52); a terminal that does not allow it ignores it."
        ),
        Err(e) => format!("Not copied: {e}"),
    }
}

fn pipe_to(tool: &str, args: &[&str], text: &str) -> io::Result<()> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(export::clean(text).as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("{tool} failed")))
    }
}

/// The dataset's files and when they last changed, polled to notice edits.
struct Watch {
    files: Vec<PathBuf>,
    seen: Vec<Option<(SystemTime, u64)>>,
}

impl Watch {
    fn new(location: &DatasetLocation, timeline: &Timeline) -> Watch {
        let files: Vec<PathBuf> = match location {
            DatasetLocation::Bundled => Vec::new(),
            DatasetLocation::Folder(root) => [
                SOURCES_FILE,
                ACTORS_FILE,
                EVENTS_LINES_FILE,
                EVENTS_ARRAY_FILE,
            ]
            .iter()
            .map(|f| root.join(f))
            .chain(timeline.sources().iter().map(|s| root.join(&s.file)))
            .collect(),
        };
        let seen = files.iter().map(|f| stamp(f)).collect();
        Watch { files, seen }
    }

    /// Whether any file changed since the last look (then remembers the new state).
    fn changed(&mut self) -> bool {
        let now: Vec<_> = self.files.iter().map(|f| stamp(f)).collect();
        if now == self.seen {
            return false;
        }
        self.seen = now;
        true
    }
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// What a reload changed, by event id: "+2 events, −1, 3 changed". One pass over each
/// timeline, without copying events.
pub fn reload_note(before: &Timeline, after: &Timeline) -> String {
    let (mut added, mut changed) = (0, 0);
    for event in after.events() {
        match before.event_by_id(&event.id) {
            None => added += 1,
            Some(old) if !same_event(before, before.event(old), after, event) => changed += 1,
            Some(_) => {}
        }
    }
    let removed = before
        .events()
        .iter()
        .filter(|e| after.event_by_id(&e.id).is_none())
        .count();
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("+{}", commands::count(added, "event", "events")));
    }
    if removed > 0 {
        parts.push(format!("−{}", commands::count(removed, "event", "events")));
    }
    if changed > 0 {
        parts.push(format!("{changed} changed"));
    }
    if parts.is_empty() {
        "Reloaded the dataset: no event changed.".into()
    } else {
        format!("Reloaded the dataset: {}.", parts.join(", "))
    }
}

/// Whether an event reads the same in two timelines (actors compared by id, as their indexes
/// may differ).
fn same_event(
    ta: &Timeline,
    a: &crate::model::Event,
    tb: &Timeline,
    b: &crate::model::Event,
) -> bool {
    a.date == b.date
        && a.title == b.title
        && a.summary == b.summary
        && a.kind == b.kind
        && a.location == b.location
        && a.tags == b.tags
        && a.attributes == b.attributes
        && a.actors.len() == b.actors.len()
        && a.actors
            .iter()
            .zip(&b.actors)
            .all(|(x, y)| ta.actor(*x).id == tb.actor(*y).id)
        && a.quotes.len() == b.quotes.len()
        && a.quotes
            .iter()
            .zip(&b.quotes)
            .all(|(x, y)| x.text == y.text && ta.source(x.source).id == tb.source(y.source).id)
}

/// The problems of a failed reload, for the status line.
fn problems_note(problems: &[crate::problem::Problem]) -> String {
    let first = problems
        .first()
        .map(|p| p.to_string().lines().next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!(
        "The edit broke the dataset ({}), still showing the last good one: {first}",
        commands::count(problems.len(), "problem", "problems")
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn the_reload_note_counts_added_removed_and_changed_events_by_id() {
        let before = sample::timeline();
        let mut events = before.events().to_vec();
        events.retain(|e| e.id != "invasion");
        events[0].title.push_str(" (corrected)");
        let mut added = events[1].clone();
        added.id = "new-one".into();
        events.push(added);
        let after = Timeline::new(events, before.actors().to_vec(), before.sources().to_vec());
        assert_eq!(
            reload_note(&before, &after),
            "Reloaded the dataset: +1 event, −1 event, 1 changed."
        );
        assert_eq!(
            reload_note(&before, &sample::timeline()),
            "Reloaded the dataset: no event changed."
        );
    }

    #[test]
    fn exports_never_go_into_the_dataset_folder_nor_over_a_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dataset = dir.path().join("dataset");
        std::fs::create_dir_all(dataset.join("sources")).unwrap_or_else(|e| panic!("{e}"));
        let location = DatasetLocation::Folder(dataset.clone());
        let inside = write_export(&dataset.join("sources/out.md"), b"x", &location);
        assert!(
            inside.is_err_and(|e| e.contains("inside the dataset folder")),
            "refused inside"
        );
        let out = dir.path().join("out.md");
        let written = write_export(&out, b"hello", &location).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&written).ok(), Some(b"hello".to_vec()));
        let again = write_export(&out, b"other", &location);
        assert!(again.is_err_and(|e| e.contains("already exists")));
        let nowhere = write_export(&dir.path().join("no/such/dir/out.md"), b"x", &location);
        assert!(nowhere.is_err());
    }
}
