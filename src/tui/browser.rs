//! The browser loop's work, one event at a time, on any ratatui backend: keys and mouse to
//! actions, actions to the app, the effects it asks for carried out, the screen drawn, and the
//! dataset reloaded on a background thread when its files change. The binary feeds it the
//! terminal's events (`tui::run`); tests feed it keys and read a `TestBackend`.

use std::error::Error;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::Event;
use ratatui::backend::Backend;
use ratatui::Terminal;
use self_cell::self_cell;

use super::adding::Author;
use super::background::{Loaded, Loader, Outcome, Reloads};
use super::effects::{carry_out, Context};
use super::reload::Watch;
use super::InitialFilter;
use crate::app::{Action, App, Carried};
use crate::files::DatasetLocation;
use crate::keymap::{action_for_key, action_for_mouse, help, KeyContext};
use crate::load::{load, Dataset};
use crate::state::{self, MarkStore};
use crate::ui;

/// How often the dataset's files are looked at for changes.
const WATCH_EVERY: Duration = Duration::from_millis(1500);

self_cell!(
    /// A dataset and the app's state over it, which borrows it: owned together so that a
    /// reload can replace both, and built together on the reload's thread.
    pub(super) struct Shown {
        owner: Arc<Dataset>,
        #[covariant]
        dependent: App,
    }
);

/// A fresh app over `dataset`.
pub(super) fn show(dataset: Arc<Dataset>) -> Shown {
    Shown::new(dataset, |d| {
        App::new(&d.timeline, &d.name)
            .with_help_rows(help().len())
            .with_notes(&d.notes)
    })
}

/// How the browser starts, besides its dataset.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// The date range given on the command line.
    pub initial: InitialFilter,
    /// Where marks are kept (the binary gives `state::state_dir()`); none keeps none.
    pub state_dir: Option<PathBuf>,
}

/// The browser on a terminal (or a `TestBackend`).
pub struct Browser<B: Backend> {
    terminal: Terminal<B>,
    shown: Shown,
    location: DatasetLocation,
    store: Option<MarkStore>,
    watch: Watch,
    reloads: Reloads,
    /// When the dataset's files were last looked at, and how often they are.
    looked: Instant,
    watch_every: Duration,
    /// Whether the screen no longer shows the state.
    stale: bool,
    /// Hands the terminal back to the shell for Ctrl-Z; by default nothing, for a backend
    /// that is not the process's terminal.
    suspend: fn() -> io::Result<()>,
    /// Writes the events added from the source view.
    author: Author,
    /// The browser opened on a dataset's first events; the rest loads after the first frame.
    rest_pending: bool,
    /// Whether a frame has been drawn.
    drawn: bool,
}

impl<B: Backend> Browser<B>
where
    B::Error: Send + Sync + 'static,
{
    /// Opens `dataset` (already loaded and checked) on `terminal`, with the saved marks and the
    /// command line's date range.
    pub fn new(
        terminal: Terminal<B>,
        dataset: impl Into<Arc<Dataset>>,
        location: DatasetLocation,
        start: Start,
    ) -> io::Result<Browser<B>> {
        let dataset: Arc<Dataset> = dataset.into();
        let store = start
            .state_dir
            .map(|dir| MarkStore::new(dir, state::dataset_key(&location)));
        let (marks, note) = match &store {
            Some(store) => {
                let loaded = store.load();
                (loaded.marks, loaded.warning)
            }
            None => (Default::default(), None),
        };
        let carried = Carried {
            from: start.initial.from,
            to: start.initial.to,
            marks,
            ..Carried::default()
        };
        let watch = Watch::new(&location, &dataset.timeline);
        let mut browser = Browser {
            terminal,
            shown: show(dataset),
            location,
            store,
            watch,
            reloads: Reloads::new(Arc::new(load)),
            looked: Instant::now(),
            watch_every: WATCH_EVERY,
            stale: true,
            suspend: || Ok(()),
            author: Author::default(),
            rest_pending: false,
            drawn: false,
        };
        browser.open(carried, note)?;
        Ok(browser)
    }

    /// Starts loading the whole dataset on the reload's thread, the browser having opened on
    /// its first events only (`total` in all, from the cache): keys work on those meanwhile,
    /// and the whole timeline replaces them, keeping what the user set up, as a reload does.
    pub fn load_rest(mut self, total: usize) -> io::Result<Browser<B>> {
        let shown = self.shown.borrow_owner().timeline.events().len();
        self.rest_pending = true;
        self.act(Action::ReloadStarted)?;
        self.act(Action::LoadingRest(total))?;
        self.act(Action::Report(format!(
            // The status line adds "loading the rest…": said here, it was said twice.
            "Showing the first {shown} of {}",
            crate::text::count(total, "event", "events")
        )))?;
        Ok(self)
    }

    /// Starts loading the rest (see `load_rest`) once the first screen is drawn: started
    /// before, the load would take the cores from that first frame.
    fn start_rest(&mut self) -> io::Result<()> {
        self.rest_pending = false;
        match self
            .reloads
            .start_rest(&self.location, self.shown.borrow_owner())
        {
            Ok(()) => Ok(()),
            Err(e) => {
                let shown = self.shown.borrow_owner().timeline.events().len();
                self.act(Action::Report(format!(
                    "Only the first {shown} events: {e}"
                )))
            }
        }
    }

    /// Loads with `load` rather than `crate::load::load` (tests hold a reload back with it).
    pub fn with_loader(mut self, load: Loader) -> Browser<B> {
        self.reloads.set_loader(load);
        self
    }

    /// Looks at the dataset's files this often (tests: at every `tick`).
    pub fn with_watch_every(mut self, every: Duration) -> Browser<B> {
        self.watch_every = every;
        self
    }

    /// Hands the terminal back to the shell with `suspend` on Ctrl-Z.
    pub fn with_suspend(mut self, suspend: fn() -> io::Result<()>) -> Browser<B> {
        self.suspend = suspend;
        self
    }

    /// The app's state, to read.
    pub fn app(&self) -> &App<'_> {
        self.shown.borrow_dependent()
    }

    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        self.shown.borrow_owner()
    }

    /// Gives the terminal back, for the caller to restore it with care (see `tui::run`).
    pub fn into_terminal(self) -> Terminal<B> {
        self.terminal
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    pub fn should_quit(&self) -> bool {
        self.app().should_quit()
    }

    /// Whether the screen no longer shows the state, and `draw` has work to do.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// Whether work is under way that `work` goes on with between events.
    pub fn is_busy(&self) -> bool {
        // The rest of a dataset waits for the next tick, which should come at once.
        self.app().is_busy() || self.rest_pending
    }

    /// Whether a reload is under way on its thread.
    pub fn is_reloading(&self) -> bool {
        self.reloads.is_running()
    }

    /// Draws the screen.
    pub fn draw(&mut self) -> io::Result<()> {
        let app = self.shown.borrow_dependent();
        backend(self.terminal.draw(|frame| ui::draw(app, frame)))?;
        self.stale = false;
        self.drawn = true;
        Ok(())
    }

    /// Answers one terminal event: a key or mouse event through the keymap, or a resize.
    pub fn handle(&mut self, event: Event) -> io::Result<()> {
        let action = match event {
            Event::Key(key) => {
                let app = self.app();
                action_for_key(
                    key,
                    KeyContext {
                        mode: app.mode(),
                        focus: app.focus(),
                        can_go_back: app.can_go_back(),
                        finding: app.find().is_some(),
                        pane_closed: app.pane_closed(),
                    },
                )
            }
            Event::Mouse(mouse) => action_for_mouse(mouse),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        match action {
            Some(action) => self.act(action),
            None => Ok(()),
        }
    }

    /// Carries out one action: the terminal's own (redraw, suspend) here, the rest by the app,
    /// then each effect the app asked for (saving marks, exporting, copying), telling the app
    /// how it went.
    pub fn act(&mut self, action: Action) -> io::Result<()> {
        match action {
            Action::Redraw => backend(self.terminal.clear())?,
            Action::Suspend => {
                (self.suspend)()?;
                backend(self.terminal.clear())?;
                // The terminal may have been resized while we were stopped.
                self.resize()?;
            }
            _ => {}
        }
        // The form for a new event opens only on a dataset folder that can be written, its
        // files read now: a change another program makes while it is filled in is refused.
        let action = match action {
            Action::AddEventHere if self.app().source_view().is_some() => {
                match self.author.prepare(&self.location) {
                    Ok(()) => action,
                    Err(why) => Action::Report(why),
                }
            }
            other => other,
        };
        let mut cx = Context {
            location: &self.location,
            store: self.store.as_ref(),
            author: &mut self.author,
        };
        let mut added = false;
        self.shown.with_dependent_mut(|_, app| {
            app.update(action);
            for effect in app.take_effects() {
                let outcome = carry_out(app, effect, &mut cx);
                added |= matches!(outcome, Action::EventAdded(_));
                app.update(outcome);
            }
        });
        if added {
            // Look at the files at the next tick, rather than in a second and a half: the
            // event written shows at once.
            self.looked = Instant::now()
                .checked_sub(self.watch_every)
                .unwrap_or(self.looked);
        }
        self.stale = true;
        Ok(())
    }

    /// Goes on with work under way (a long ranking) for one slice.
    pub fn work(&mut self) {
        // Work made ahead in idle time changes nothing on screen.
        self.stale |= self.app().is_ranking();
        self.shown
            .with_dependent_mut(|_, app| app.update(Action::ContinueRanking));
    }

    /// The loop's own work between events: now and then, look at the dataset's files and
    /// start a reload when they changed; swap in a reload that has finished.
    pub fn tick(&mut self) -> io::Result<()> {
        if self.rest_pending {
            if self.drawn {
                self.start_rest()?;
            }
            // The rest's load reads the files as they are then: no reload besides it.
            return Ok(());
        }
        if self.looked.elapsed() >= self.watch_every {
            self.looked = Instant::now();
            if self.watch.changed() {
                self.ask_reload()?;
            }
        }
        match self.reloads.finished() {
            Some(outcome) => self.take_reload(outcome),
            None => Ok(()),
        }
    }

    /// Waits for the reload under way, if any, and takes it in (for tests and measurements;
    /// the loop takes a reload in only once it has finished).
    pub fn settle(&mut self) -> io::Result<()> {
        match self.reloads.wait() {
            Some(outcome) => self.take_reload(outcome),
            None => Ok(()),
        }
    }

    fn ask_reload(&mut self) -> io::Result<()> {
        if self.reloads.is_running() {
            self.reloads.again();
            return Ok(());
        }
        // Still on the first screen (the rest's load failed): this load is the rest's, and
        // says how many events there are, not that all but the first were added.
        let started = if self.app().partial().is_some() {
            self.reloads
                .start_rest(&self.location, self.shown.borrow_owner())
        } else {
            self.reloads
                .start(&self.location, self.shown.borrow_owner())
        };
        match started {
            Ok(()) => self.act(Action::ReloadStarted),
            Err(e) => self.act(Action::Report(format!("Not reloaded: {e}"))),
        }
    }

    /// Swaps a loaded dataset in, keeping what the user had set up, or reports why not.
    fn take_reload(&mut self, outcome: Outcome) -> io::Result<()> {
        match outcome {
            Ok(Loaded {
                shown,
                note,
                new_notes,
                watch,
            }) => {
                // A change since the reload's thread looked is for one more reload.
                if self.watch.changed() {
                    self.reloads.again();
                }
                self.watch = watch;
                let carried = self.app().carry();
                let old = std::mem::replace(&mut self.shown, shown);
                // Freeing a large timeline takes a while: not on the thread answering keys.
                // (Should the thread not start, the old one is freed here.)
                let _ = thread::Builder::new()
                    .name("free".into())
                    .spawn(move || drop(old));
                self.open(carried, Some(note))?;
                if !new_notes.is_empty() {
                    self.act(Action::ReportNotes(new_notes))?;
                }
            }
            Err(problems) => {
                let problems = problems.iter().map(|p| p.to_string()).collect();
                self.act(Action::ReloadFailed(problems))?;
            }
        }
        if self.reloads.take_again() {
            self.ask_reload()?;
        }
        Ok(())
    }

    /// Fits a new app to the terminal and gives it the state to start from.
    fn open(&mut self, carried: Carried, note: Option<String>) -> io::Result<()> {
        self.resize()?;
        self.shown.with_dependent_mut(|_, app| {
            app.restore(carried);
            // What the restore had to close, after the reload's own note.
            let closed = app.message().map(str::to_string);
            let note = match (note, closed) {
                (Some(note), Some(closed)) => Some(format!("{note} {closed}")),
                (note, closed) => note.or(closed),
            };
            if let Some(note) = note {
                app.update(Action::Report(note));
            }
        });
        self.stale = true;
        Ok(())
    }

    fn resize(&mut self) -> io::Result<()> {
        let size = backend(self.terminal.size())?;
        self.shown.with_dependent_mut(|_, app| {
            app.update(Action::Resize {
                width: size.width,
                height: size.height,
            })
        });
        Ok(())
    }
}

impl<B: Backend> super::Driven for Browser<B>
where
    B::Error: Send + Sync + 'static,
{
    type Backend = B;
    type Rest = ();

    fn should_quit(&self) -> bool {
        Browser::should_quit(self)
    }

    fn tick(&mut self) -> io::Result<()> {
        Browser::tick(self)
    }

    fn is_stale(&self) -> bool {
        Browser::is_stale(self)
    }

    fn draw(&mut self) -> io::Result<()> {
        Browser::draw(self)
    }

    fn is_busy(&self) -> bool {
        Browser::is_busy(self)
    }

    fn handle(&mut self, event: Event) -> io::Result<()> {
        Browser::handle(self, event)
    }

    fn work(&mut self) {
        Browser::work(self)
    }

    fn into_parts(self) -> (Terminal<B>, ()) {
        (self.into_terminal(), ())
    }
}

/// A backend's error as an `io::Error` (the terminal's already is one).
pub(super) fn backend<T, E: Error + Send + Sync + 'static>(result: Result<T, E>) -> io::Result<T> {
    result.map_err(|e| {
        let e: Box<dyn Error + Send + Sync> = Box::new(e);
        match e.downcast::<io::Error>() {
            Ok(e) => *e,
            Err(e) => io::Error::other(e),
        }
    })
}
