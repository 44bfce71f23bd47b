//! Live reload: noticing that the dataset's files changed, and saying what changed.

use std::path::PathBuf;

use crate::commands;
use crate::files::{stamp, DatasetLocation, Stamp};
use crate::load::{ACTORS_FILE, EVENTS_ARRAY_FILE, EVENTS_LINES_FILE, SOURCES_FILE};
use crate::timeline::Timeline;

/// The dataset's files and when they last changed, polled to notice edits.
pub(super) struct Watch {
    files: Vec<PathBuf>,
    seen: Vec<Option<Stamp>>,
}

impl Watch {
    pub(super) fn new(location: &DatasetLocation, timeline: &Timeline) -> Watch {
        let files: Vec<PathBuf> = match location {
            DatasetLocation::Bundled | DatasetLocation::Memory(_) => Vec::new(),
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
    pub(super) fn changed(&mut self) -> bool {
        let now: Vec<_> = self.files.iter().map(|f| stamp(f)).collect();
        if now == self.seen {
            return false;
        }
        self.seen = now;
        true
    }
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
        && a.roles == b.roles
        && a.region == b.region
        && a.point == b.point
        && a.actors.len() == b.actors.len()
        && a.actors
            .iter()
            .zip(&b.actors)
            .all(|(x, y)| ta.actor(*x).id == tb.actor(*y).id)
        && a.quotes.len() == b.quotes.len()
        && a.quotes.iter().zip(&b.quotes).all(|(x, y)| {
            ta.quote_text(x) == tb.quote_text(y) && ta.source(x.source).id == tb.source(y.source).id
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    /// An edit that keeps the size and puts the modification time back is still noticed.
    #[cfg(unix)]
    #[test]
    fn an_edit_of_the_same_size_and_time_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("events.jsonl");
        std::fs::write(&file, "one").unwrap();
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        let mut watch = Watch {
            files: vec![file.clone()],
            seen: vec![stamp(&file)],
        };
        assert!(!watch.changed());
        // The change time has a clock tick to move on to on every file system.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "two").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), mtime);
        assert!(
            watch.changed(),
            "a same-size edit with its old mtime is a change"
        );
        assert!(!watch.changed(), "and is seen once");
    }

    #[test]
    fn the_reload_note_counts_added_removed_and_changed_events_by_id() {
        let before = sample::timeline();
        let mut events = before.events().to_vec();
        events.retain(|e| &*e.id != "invasion");
        events[0].title = format!("{} (corrected)", events[0].title).into();
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
}
