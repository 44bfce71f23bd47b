//! Drives the browser as a person would, through the same `Browser` the binary runs: key
//! events in, the effects they ask for carried out (exports written, marks saved), reloads
//! on the background thread, and the screen read from ratatui's `TestBackend`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chronicle::app::{Mode, Pane};
use chronicle::files::DatasetLocation;
use chronicle::load::{load, Dataset};
use chronicle::sample;
use chronicle::tui::{Browser, Start};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[path = "support/buffer.rs"]
mod buffer;

type TestBrowser = Browser<TestBackend>;

fn sample_dataset() -> Dataset {
    Dataset {
        name: "sample".into(),
        timeline: sample::timeline(),
        notes: Vec::new(),
    }
}

fn open(dataset: Dataset, location: DatasetLocation, start: Start) -> TestBrowser {
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    Browser::new(terminal, dataset, location, start).expect("the browser opens")
}

fn press_key(browser: &mut TestBrowser, code: KeyCode, modifiers: KeyModifiers) {
    browser
        .handle(Event::Key(KeyEvent::new(code, modifiers)))
        .expect("key handled");
}

fn press(browser: &mut TestBrowser, code: KeyCode) {
    press_key(browser, code, KeyModifiers::NONE);
}

fn typed(browser: &mut TestBrowser, text: &str) {
    for c in text.chars() {
        press(browser, KeyCode::Char(c));
    }
}

fn screen(browser: &mut TestBrowser) -> String {
    browser.draw().expect("draw");
    buffer::text(browser.backend().buffer())
}

fn selected_id(browser: &TestBrowser) -> String {
    let app = browser.app();
    app.selected_event().map_or_else(String::new, |e| {
        browser.dataset().timeline.event(e).id.to_string()
    })
}

#[test]
fn browse_search_filter_source_and_back() {
    let mut browser = open(sample_dataset(), DatasetLocation::Bundled, Start::default());
    insta::assert_snapshot!("start_120x40", screen(&mut browser));

    // Search for Putin and filter by him.
    typed(&mut browser, "/put");
    assert_eq!(browser.app().mode(), Mode::Search);
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().view().len(), 4);
    assert!(screen(&mut browser).contains("Events · Vladimir Putin · 4 of 10"));

    // To the phone call, and into its source; then the next quote.
    typed(&mut browser, "j");
    assert_eq!(selected_id(&browser), "putin-johnson-call");
    typed(&mut browser, "sn");
    assert_eq!(browser.app().focus(), Pane::Source);
    assert_eq!(browser.app().source_view().map(|v| v.sentence), Some(2));
    insta::assert_snapshot!("source_120x40", screen(&mut browser));

    // Up a sentence (2, cited by two events), list them, go to the other one.
    typed(&mut browser, "k");
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Citing);
    typed(&mut browser, "j");
    press(&mut browser, KeyCode::Enter);
    assert_eq!(selected_id(&browser), "nato-russia-council");
    assert!(
        browser.app().filter().is_empty(),
        "the filter hid the event"
    );

    // Back twice: the source, then the filtered timeline where we started.
    press(&mut browser, KeyCode::Esc);
    assert_eq!(browser.app().focus(), Pane::Source);
    press(&mut browser, KeyCode::Backspace);
    assert_eq!(browser.app().focus(), Pane::Events);
    assert_eq!(selected_id(&browser), "putin-johnson-call");
    assert_eq!(browser.app().view().len(), 4);

    // Esc again goes back to before the filter; the selection stays.
    press(&mut browser, KeyCode::Esc);
    assert_eq!(browser.app().view().len(), 10);
    assert_eq!(selected_id(&browser), "putin-johnson-call");

    // The help lists the keys of the key table.
    typed(&mut browser, "?");
    assert_eq!(browser.app().mode(), Mode::Help);
    assert!(screen(&mut browser).contains("focus the next / previous pane"));
    press(&mut browser, KeyCode::Esc);
    typed(&mut browser, "q");
    assert!(browser.should_quit());
}

#[test]
fn an_export_is_written_and_a_mark_is_saved_by_the_browser_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state");
    let start = || Start {
        state_dir: Some(state.clone()),
        ..Start::default()
    };
    let mut browser = open(sample_dataset(), DatasetLocation::Bundled, start());

    // Mark the second event: the mark is written to the state folder at once.
    typed(&mut browser, "j");
    let marked = selected_id(&browser);
    typed(&mut browser, "m");
    let marks = std::fs::read_to_string(state.join("marks.json")).expect("marks saved");
    assert!(marks.contains(&marked), "{marks}");

    // Filter by Putin and export the view: e, empty the offered name, type a path, Enter.
    typed(&mut browser, "/put");
    press(&mut browser, KeyCode::Enter);
    let out = dir.path().join("putin.md");
    typed(&mut browser, "e");
    assert_eq!(browser.app().mode(), Mode::Prompt);
    press_key(&mut browser, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut browser, &out.display().to_string());
    press(&mut browser, KeyCode::Enter);
    let text = std::fs::read_to_string(&out).expect("export written");
    assert!(text.contains("Putin"), "{text}");
    assert_eq!(
        browser.app().message(),
        Some(format!("Exported 4 events to {}.", out.display()).as_str())
    );
    assert!(screen(&mut browser).contains("Exported 4 events"));

    // The same name again is refused, and the prompt stays open to change it.
    typed(&mut browser, "e");
    press_key(&mut browser, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut browser, &out.display().to_string());
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Prompt);
    press(&mut browser, KeyCode::Esc);

    // A new browser on the same state folder starts with the mark.
    let again = open(sample_dataset(), DatasetLocation::Bundled, start());
    assert!(again.app().marks().contains(&marked));
}

/// A dataset folder holding the sample, and its location.
fn sample_folder(root: &Path) -> DatasetLocation {
    let folder = root.join("data");
    chronicle::export::write_dataset(&sample::timeline(), &folder, false)
        .unwrap_or_else(|e| panic!("{e:?}"));
    DatasetLocation::Folder(folder)
}

/// Replaces `old` by `new` in the dataset's events file.
fn edit_events(location: &DatasetLocation, old: &str, new: &str) {
    let DatasetLocation::Folder(folder) = location else {
        panic!("a folder")
    };
    let path = folder.join("events.jsonl");
    let text = std::fs::read_to_string(&path).expect("events file");
    assert!(text.contains(old), "{old} is in the events file");
    std::fs::write(&path, text.replacen(old, new, 1)).expect("events file written");
}

/// A loader that waits for the test's word before each load, and counts the loads started
/// and the most running at once.
struct Gate {
    open: mpsc::Sender<()>,
    started: Arc<AtomicUsize>,
    most_at_once: Arc<AtomicUsize>,
}

fn gated(browser: TestBrowser) -> (TestBrowser, Gate) {
    let (open, wait) = mpsc::channel::<()>();
    let wait = Mutex::new(wait);
    let started = Arc::new(AtomicUsize::new(0));
    let running = Arc::new(AtomicUsize::new(0));
    let most_at_once = Arc::new(AtomicUsize::new(0));
    let gate = Gate {
        open,
        started: Arc::clone(&started),
        most_at_once: Arc::clone(&most_at_once),
    };
    let browser = browser
        .with_watch_every(Duration::ZERO)
        .with_loader(Arc::new(move |location: &DatasetLocation| {
            started.fetch_add(1, Ordering::SeqCst);
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most_at_once.fetch_max(now, Ordering::SeqCst);
            let word = wait.lock().map(|w| w.recv());
            assert!(matches!(word, Ok(Ok(()))), "the test hung up");
            let loaded = load(location);
            running.fetch_sub(1, Ordering::SeqCst);
            loaded
        }));
    (browser, gate)
}

/// The sample as a dataset folder in `dir` with its cache entry written, loaded whole, and
/// its first `rows` events from that entry with how many there are in all.
fn first_screen_from_the_cache(
    dir: &Path,
    rows: usize,
) -> (DatasetLocation, Dataset, Dataset, usize) {
    let location = sample_folder(dir);
    let DatasetLocation::Folder(root) = &location else {
        panic!("a folder");
    };
    let cache = chronicle::cache::Cache::at(dir.join("cache"));
    let whole = load(&location).expect("the sample loads");
    let before = chronicle::cache::dataset_before(root).expect("hashed");
    cache.store(root, &whole, &before).expect("entry written");
    let (head, total) = cache
        .head(root, rows, 0)
        .expect("the entry is current")
        .expect("as many events as asked for");
    (location, whole, head, total)
}

/// A file written while the load read it cannot be known to hold what was read, even when
/// the write put back the very bytes it held: no entry is written then (trial 9).
#[test]
fn no_entry_is_written_when_a_file_was_written_during_the_load_even_back_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let location = sample_folder(dir.path());
    let DatasetLocation::Folder(root) = &location else {
        panic!("a folder");
    };
    let cache_dir = dir.path().join("cache");
    let cache = chronicle::cache::Cache::at(&cache_dir);
    let entries = || std::fs::read_dir(&cache_dir).map_or(0, |d| d.count());
    let before = chronicle::cache::dataset_before(root).expect("hashed");
    let whole = load(&location).expect("the sample loads");
    // Meanwhile actors.json is written again with the same bytes, until the system's
    // coarse clock shows the change.
    let path = root.join("actors.json");
    let bytes = std::fs::read(&path).expect("read");
    let stamped = chronicle::files::stamp(&path);
    for _ in 0..5000 {
        std::fs::write(&path, &bytes).expect("written");
        if chronicle::files::stamp(&path) != stamped {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_ne!(chronicle::files::stamp(&path), stamped);
    cache.store(root, &whole, &before).expect("stored or not");
    assert_eq!(entries(), 0, "no entry from a load the files changed under");
    // Loaded again from files left alone, the entry is written.
    let before = chronicle::cache::dataset_before(root).expect("hashed");
    let whole = load(&location).expect("the sample loads");
    cache.store(root, &whole, &before).expect("stored");
    assert_eq!(entries(), 1);
}

/// A damaged entry found when the rest is read behind the first screen is passed over for
/// the files, and the status line says so, as the commands' note does (trial 8).
#[test]
fn a_damaged_entry_found_behind_the_first_screen_is_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (location, _, head, total) = first_screen_from_the_cache(dir.path(), 3);
    let DatasetLocation::Folder(root) = &location else {
        panic!("a folder");
    };
    let cache = chronicle::cache::Cache::at(dir.path().join("cache"));
    let entry = cache.entry_path(root);
    let mut bytes = std::fs::read(&entry).expect("the entry");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&entry, bytes).expect("damaged");
    let browser = open(head, location.clone(), Start::default()).with_loader(Arc::new(
        move |location: &DatasetLocation| {
            chronicle::cache::load(Some(&cache), location, &Default::default())
        },
    ));
    let mut browser = browser.load_rest(total).expect("the rest starts loading");
    browser.tick().expect("tick");
    screen(&mut browser);
    browser.tick().expect("tick");
    browser.settle().expect("the whole timeline taken in");
    assert_eq!(browser.dataset().timeline.events().len(), total);
    // What happened leads, ahead of the entry's long path (trial 11: D1), and `!` offers
    // the note in full.
    let shown = screen(&mut browser);
    let status = shown.lines().last().unwrap_or_default();
    assert!(
        status.starts_with(&format!(
            " Loaded all {total} events. Note: ignored this damaged cache file ("
        )),
        "{status}"
    );
    assert!(!status.contains(".img"), "{status}");
    assert!(status.trim_end().ends_with("! notes"), "{status}");
    typed(&mut browser, "!");
    let shown = screen(&mut browser);
    let name = entry.file_name().and_then(|n| n.to_str()).expect("a name");
    assert!(shown.contains(" The load's 1 note "), "{shown}");
    assert!(shown.contains(name), "{shown}");
}

#[test]
fn a_first_screen_whose_rest_failed_to_load_says_loaded_all_once_it_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (location, _, head, total) = first_screen_from_the_cache(dir.path(), 3);
    let (browser, gate) = gated(open(head, location.clone(), Start::default()));
    let mut browser = browser.load_rest(total).expect("the rest starts loading");
    browser.tick().expect("tick");
    screen(&mut browser);
    // The dataset breaks before the rest is read: the first screen stays, saying why.
    edit_events(&location, "\"title\":\"", "\"title\":");
    browser.tick().expect("tick");
    assert!(browser.is_reloading());
    gate.open.send(()).expect("gate");
    browser.settle().expect("failure taken in");
    assert!(browser.app().partial().is_some());
    assert!(
        browser
            .app()
            .message()
            .is_some_and(|m| m.starts_with("Not reloaded")),
        "{:?}",
        browser.app().message()
    );
    // Mended, the rest arrives as the rest: not as events added to the first screen's.
    edit_events(&location, "\"title\":", "\"title\":\"");
    browser.tick().expect("tick");
    assert!(browser.is_reloading());
    gate.open.send(()).expect("gate");
    browser.settle().expect("the whole timeline taken in");
    assert_eq!(browser.dataset().timeline.events().len(), total);
    assert!(browser.app().partial().is_none());
    assert_eq!(
        browser.app().message(),
        Some(format!("Loaded all {total} events.").as_str())
    );
}

#[test]
fn keys_are_answered_while_a_reload_loads_and_a_second_change_queues_one_more() {
    let dir = tempfile::tempdir().expect("temp dir");
    let location = sample_folder(dir.path());
    let dataset = load(&location).expect("the sample loads");
    let (mut browser, gate) = gated(open(dataset, location.clone(), Start::default()));
    typed(&mut browser, "j");
    let selected = selected_id(&browser);

    // The file changes: the next tick starts a reload, and the status line says so.
    edit_events(&location, "\"title\":\"", "\"title\":\"(edited) ");
    browser.tick().expect("tick");
    assert!(browser.is_reloading());
    assert!(browser.app().is_reloading());
    assert!(screen(&mut browser).contains("reloading…"));

    // The load is held at the gate, so it is still in flight: keys are answered meanwhile.
    typed(&mut browser, "jj");
    assert!(browser.is_reloading(), "the gate is shut");
    let moved = selected_id(&browser);
    assert_ne!(moved, selected, "two keys moved the selection");
    typed(&mut browser, "?");
    assert_eq!(browser.app().mode(), Mode::Help);
    assert!(screen(&mut browser).contains("Keys"));
    press(&mut browser, KeyCode::Esc);

    // A second change meanwhile starts no second load; it waits for the first to end.
    edit_events(&location, "\"title\":\"", "\"title\":\"(twice) ");
    for _ in 0..3 {
        browser.tick().expect("tick");
    }
    assert_eq!(gate.started.load(Ordering::SeqCst), 1);

    // Let the first load through: it is swapped in, the selection kept, what changed told;
    // the queued reload starts at once.
    gate.open.send(()).expect("gate");
    browser.settle().expect("reload taken in");
    assert_eq!(selected_id(&browser), moved);
    let title = &browser.dataset().timeline.events()[0].title;
    assert!(
        title.starts_with("(twice) ") || title.starts_with("(edited) "),
        "{title}"
    );
    assert!(
        browser
            .app()
            .message()
            .is_some_and(|m| m.starts_with("Reloaded the dataset:")),
        "{:?}",
        browser.app().message()
    );
    assert!(browser.is_reloading(), "the queued reload");
    assert!(browser.app().is_reloading());

    gate.open.send(()).expect("gate");
    browser.settle().expect("reload taken in");
    assert!(!browser.is_reloading());
    assert!(!browser.app().is_reloading());
    assert!(!screen(&mut browser).contains("reloading…"));
    let title = &browser.dataset().timeline.events()[0].title;
    assert!(title.starts_with("(twice) (edited) "), "{title}");
    assert_eq!(selected_id(&browser), moved);
    assert_eq!(gate.started.load(Ordering::SeqCst), 2);
    assert_eq!(gate.most_at_once.load(Ordering::SeqCst), 1);
}

#[test]
fn a_reload_that_fails_keeps_the_timeline_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let location = sample_folder(dir.path());
    let dataset = load(&location).expect("the sample loads");
    let (mut browser, gate) = gated(open(dataset, location.clone(), Start::default()));
    let before = browser.dataset().timeline.events()[0].title.clone();

    edit_events(&location, "\"title\":\"", "\"title\":");
    browser.tick().expect("tick");
    assert!(browser.is_reloading());
    gate.open.send(()).expect("gate");
    browser.settle().expect("reload taken in");

    assert!(!browser.is_reloading());
    assert!(!browser.app().is_reloading());
    assert_eq!(browser.dataset().timeline.events()[0].title, before);
    let message = browser.app().message().unwrap_or_default().to_string();
    assert!(
        message.starts_with("Not reloaded") && message.contains("events.jsonl"),
        "{message}"
    );
    assert!(screen(&mut browser).contains("Not reloaded"));
}

static SUSPENDED: AtomicUsize = AtomicUsize::new(0);

fn count_suspend() -> std::io::Result<()> {
    SUSPENDED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[test]
fn ctrl_z_hands_the_terminal_back_and_the_browser_carries_on() {
    let mut browser = open(sample_dataset(), DatasetLocation::Bundled, Start::default())
        .with_suspend(count_suspend);
    typed(&mut browser, "j");
    let selected = selected_id(&browser);
    press_key(&mut browser, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(SUSPENDED.load(Ordering::SeqCst), 1);
    assert_eq!(selected_id(&browser), selected);
    assert!(screen(&mut browser).contains("Events"));
    assert!(!browser.should_quit());
    press_key(&mut browser, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(browser.should_quit());
}

#[test]
fn a_first_screen_from_the_cache_answers_keys_until_the_whole_timeline_replaces_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (location, whole, head, total) = first_screen_from_the_cache(dir.path(), 3);
    // At most 3, and no more than the image's first run of events holds.
    let n = head.timeline.events().len();
    assert!((2..=3).contains(&n), "{n}");
    assert_eq!(total, whole.timeline.events().len());
    let first_ids: Vec<&str> = whole.timeline.events()[..n]
        .iter()
        .map(|e| &*e.id)
        .collect();
    let head_ids: Vec<&str> = head.timeline.events().iter().map(|e| &*e.id).collect();
    assert_eq!(
        head_ids, first_ids,
        "the head is the timeline's first events"
    );

    let (browser, gate) = gated(open(head, location.clone(), Start::default()));
    let mut browser = browser.load_rest(total).expect("the rest starts loading");
    // The rest waits for the first frame, so as not to slow it down.
    browser.tick().expect("tick");
    assert!(!browser.is_reloading());
    let shown = screen(&mut browser);
    browser.tick().expect("tick");
    assert!(browser.is_reloading());
    assert!(
        shown.contains(&format!("Showing the first {n} of {total} events")),
        "{shown}"
    );
    // Held at the gate: keys work on the first events meanwhile.
    typed(&mut browser, "j");
    let moved = selected_id(&browser);
    assert_eq!(moved, first_ids[1]);

    gate.open.send(()).expect("gate");
    browser.settle().expect("the whole timeline taken in");
    assert_eq!(browser.dataset().timeline.events().len(), total);
    assert_eq!(selected_id(&browser), moved, "the selection is kept");
    assert_eq!(
        browser.app().message(),
        Some(format!("Loaded all {total} events.").as_str())
    );
    assert!(!browser.is_reloading());
}
