//! Reloading on a background thread, so that the browser keeps answering keys while a large
//! dataset loads: one load at a time, and changes noticed meanwhile ask for one more after it,
//! however many there were.

use std::io;
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use super::browser::{show, Shown};
use super::reload::{reload_note, Watch};
use crate::files::DatasetLocation;
use crate::load::Dataset;
use crate::problem::Problem;
use crate::timeline::Timeline;

/// How a dataset is loaded: `crate::load::load`, or in tests one that waits for their word.
pub type Loader = Arc<dyn Fn(&DatasetLocation) -> Result<Dataset, Vec<Problem>> + Send + Sync>;

/// A reload that loaded: the new dataset with the app over it, what changed, and the watch
/// on its files (taken after the load, on the reload's thread).
pub(super) struct Loaded {
    pub shown: Shown,
    pub note: String,
    /// The notes of the new dataset (by their place) that the last had not.
    pub new_notes: Vec<usize>,
    pub watch: Watch,
}

/// What a reload came to.
pub(super) type Outcome = Result<Loaded, Vec<Problem>>;

pub(super) struct Reloads {
    load: Loader,
    running: Option<JoinHandle<Outcome>>,
    /// A change was seen while a reload ran: load once more when it ends.
    again: bool,
}

impl Reloads {
    pub(super) fn new(load: Loader) -> Reloads {
        Reloads {
            load,
            running: None,
            again: false,
        }
    }

    pub(super) fn set_loader(&mut self, load: Loader) {
        self.load = load;
    }

    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Asks for one more reload after the one under way.
    pub(super) fn again(&mut self) {
        self.again = true;
    }

    /// Whether one more reload was asked for (and forgets it).
    pub(super) fn take_again(&mut self) -> bool {
        std::mem::take(&mut self.again)
    }

    /// Starts loading `location` on a thread of its own; what changed is told against
    /// `current`, there too, so that the loop only swaps the result in.
    pub(super) fn start(
        &mut self,
        location: &DatasetLocation,
        current: &Arc<Dataset>,
    ) -> io::Result<()> {
        self.spawn(location, current, reload_note)
    }

    /// Starts loading the whole dataset of which `current` holds the first events (the first
    /// screen, from the cache); the note then says how many there are.
    pub(super) fn start_rest(
        &mut self,
        location: &DatasetLocation,
        current: &Arc<Dataset>,
    ) -> io::Result<()> {
        self.spawn(location, current, |_, all| {
            format!(
                "Loaded all {}.",
                crate::text::count(all.events().len(), "event", "events")
            )
        })
    }

    fn spawn(
        &mut self,
        location: &DatasetLocation,
        current: &Arc<Dataset>,
        reload_note: fn(&Timeline, &Timeline) -> String,
    ) -> io::Result<()> {
        let load = Arc::clone(&self.load);
        let location = location.clone();
        let before = Arc::clone(current);
        let handle = thread::Builder::new()
            .name("reload".into())
            .spawn(move || {
                let next = Arc::new(load(&location)?);
                let note = reload_note(&before.timeline, &next.timeline);
                // Notes this load has and the last had not (a damaged cache entry passed over,
                // say): printed on standard error when the browser opened, here only shown.
                let new_notes = (0..next.notes.len())
                    .filter(|&at| !before.notes.contains(&next.notes[at]))
                    .collect();
                drop(before);
                let watch = Watch::new(&location, &next.timeline);
                Ok(Loaded {
                    shown: show(next),
                    note,
                    new_notes,
                    watch,
                })
            })?;
        self.running = Some(handle);
        Ok(())
    }

    /// What the reload came to, once its thread has ended.
    pub(super) fn finished(&mut self) -> Option<Outcome> {
        if !self.running.as_ref()?.is_finished() {
            return None;
        }
        self.wait()
    }

    /// Waits for the reload under way, if any, and says what it came to.
    pub(super) fn wait(&mut self) -> Option<Outcome> {
        let handle = self.running.take()?;
        match handle.join() {
            Ok(outcome) => Some(outcome),
            // The panic hook has restored the terminal and printed the message; end the
            // browser as a panic in its own thread would.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}
