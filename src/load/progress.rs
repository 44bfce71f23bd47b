//! How far a load has got: written by the loader, read by another thread that shows it.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

/// The loader's stages, in the order it goes through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Sources,
    Actors,
    Events,
    Quotes,
    Timeline,
}

impl Stage {
    const ALL: [Stage; 5] = [
        Stage::Sources,
        Stage::Actors,
        Stage::Events,
        Stage::Quotes,
        Stage::Timeline,
    ];

    /// What the stage does, as a progress line says it.
    pub fn doing(self) -> &'static str {
        match self {
            Stage::Sources => "reading sources",
            Stage::Actors => "reading actors",
            Stage::Events => "reading events",
            Stage::Quotes => "verifying quotes",
            Stage::Timeline => "building the timeline",
        }
    }
}

/// Progress shared between the loading thread and a display; plain atomics, so that showing
/// it never slows the load down.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    events_read: AtomicU64,
    events_size: AtomicU64,
}

impl Progress {
    pub fn stage(&self) -> Stage {
        let at = usize::from(self.stage.load(Ordering::Relaxed));
        Stage::ALL[at.min(Stage::ALL.len() - 1)]
    }

    /// Bytes of the events file read so far, and its size (0 when not known yet).
    pub fn events_bytes(&self) -> (u64, u64) {
        (
            self.events_read.load(Ordering::Relaxed),
            self.events_size.load(Ordering::Relaxed),
        )
    }

    pub(crate) fn enter(&self, stage: Stage) {
        let at = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(at as u8, Ordering::Relaxed);
    }

    pub(crate) fn events_size(&self, bytes: u64) {
        self.events_size.store(bytes, Ordering::Relaxed);
    }

    pub(crate) fn events_read(&self, bytes: u64) {
        self.events_read.fetch_add(bytes, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_stage_and_the_bytes_read() {
        let progress = Progress::default();
        assert_eq!(progress.stage(), Stage::Sources);
        progress.enter(Stage::Events);
        progress.events_size(1000);
        progress.events_read(300);
        progress.events_read(200);
        assert_eq!(progress.stage(), Stage::Events);
        assert_eq!(progress.events_bytes(), (500, 1000));
        progress.enter(Stage::Timeline);
        assert_eq!(progress.stage().doing(), "building the timeline");
    }
}
