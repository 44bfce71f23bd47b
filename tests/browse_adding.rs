//! The browser's `a`: an event added from the source view, through the same `Browser` the
//! binary runs on a `TestBackend`, written into a copy of a dataset folder; and refused, with
//! the reason, where it cannot be written.

use std::path::Path;
use std::time::Duration;

use chronicle::app::Mode;
use chronicle::files::DatasetLocation;
use chronicle::load::{load, Dataset};
use chronicle::sample;
use chronicle::tui::{Browser, Start};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[path = "support/dataset.rs"]
mod dataset;

type TestBrowser = Browser<TestBackend>;

fn open(dataset: Dataset, location: DatasetLocation) -> TestBrowser {
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    Browser::new(terminal, dataset, location, Start::default())
        .expect("the browser opens")
        .with_watch_every(Duration::ZERO)
}

fn press(browser: &mut TestBrowser, code: KeyCode) {
    browser
        .handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
        .expect("key handled");
}

fn typed(browser: &mut TestBrowser, text: &str) {
    for c in text.chars() {
        press(browser, KeyCode::Char(c));
    }
}

fn screen(browser: &mut TestBrowser) -> String {
    browser.draw().expect("draw");
    let buffer = browser.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn loaded(root: &Path) -> Dataset {
    load(&DatasetLocation::Folder(root.to_path_buf())).unwrap_or_else(|problems| {
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("check failed:\n{}", all.join("\n"))
    })
}

/// The small fixture copied, opened in the browser, the phone call's source open at the
/// sentence it quotes.
fn in_source() -> (dataset::Copy, TestBrowser) {
    let copy = dataset::Copy::new();
    let location = DatasetLocation::Folder(copy.root.clone());
    let mut browser = open(loaded(&copy.root), location);
    typed(&mut browser, "js");
    assert!(browser.app().source_view().is_some());
    (copy, browser)
}

#[test]
fn an_event_added_from_the_source_view_is_written_and_shows_after_the_reload() {
    let (copy, mut browser) = in_source();
    let before = std::fs::read(copy.root.join("events.jsonl")).expect("read");
    let sentence = browser.app().source_view().map(|v| v.sentence);
    typed(&mut browser, "a");
    assert_eq!(browser.app().mode(), Mode::Form);
    let shown = screen(&mut browser);
    assert!(shown.contains("New event citing sentence 2"), "{shown}");
    // The source's day and the actors the sentence names are filled in.
    assert!(shown.contains("Date   2021-12-13"), "{shown}");
    let actors = shown
        .lines()
        .find_map(|l| l.split_once("┃ Actors ").map(|(_, rest)| rest.to_string()))
        .unwrap_or_default();
    for id in ["putin", "johnson", "russia", "uk"] {
        assert!(actors.contains(id), "{actors}");
    }
    typed(&mut browser, "Putin asks for talks with the West");
    press(&mut browser, KeyCode::Tab);
    press(&mut browser, KeyCode::Tab);
    press(&mut browser, KeyCode::Tab);
    typed(&mut browser, "call");
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Normal);
    let after = std::fs::read(copy.root.join("events.jsonl")).expect("read");
    assert!(after.starts_with(&before), "every existing byte kept");
    let dataset = loaded(&copy.root);
    let event = dataset
        .timeline
        .events()
        .iter()
        .find(|e| &*e.id == "putin-asks-for-talks-2021-12-13")
        .unwrap_or_else(|| panic!("not written: {}", String::from_utf8_lossy(&after)));
    assert_eq!(event.quotes[0].sentences().start, sentence.unwrap_or(99));
    assert_eq!(event.kind.as_deref(), Some("call"));
    assert!(screen(&mut browser).contains("Added putin-asks-for-talks-2021-12-13 to the dataset"));
    // The browser reads the dataset again at the next tick, and shows the event.
    let events = browser.dataset().timeline.events().len();
    browser.tick().expect("tick");
    browser.settle().expect("reload taken in");
    assert_eq!(browser.dataset().timeline.events().len(), events + 1);
}

#[test]
fn another_programs_change_while_the_form_is_open_is_refused_in_the_form() {
    let (copy, mut browser) = in_source();
    typed(&mut browser, "a");
    typed(&mut browser, "Mine");
    let theirs = "{\"id\": \"theirs\", \"date\": \"2021\", \"title\": \"Theirs\"}\n";
    std::fs::write(copy.root.join("events.jsonl"), theirs).expect("write");
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Form, "the form stays open");
    let shown = screen(&mut browser);
    assert!(
        shown.contains("events.jsonl changed since it was read (another program wrote to it)"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(copy.root.join("events.jsonl"))
            .ok()
            .as_deref(),
        Some(theirs)
    );
    // Enter again writes it after their line, which stays.
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Normal);
    let now = std::fs::read_to_string(copy.root.join("events.jsonl")).expect("read");
    assert!(now.starts_with(theirs) && now.lines().count() == 2, "{now}");
}

#[test]
fn the_bundled_dataset_says_it_cannot_be_written() {
    let dataset = Dataset {
        name: "sample".into(),
        timeline: sample::timeline(),
        notes: Vec::new(),
    };
    let mut browser = open(dataset, DatasetLocation::Bundled);
    typed(&mut browser, "jjs");
    assert!(browser.app().source_view().is_some());
    typed(&mut browser, "a");
    assert_eq!(browser.app().mode(), Mode::Normal);
    assert_eq!(
        browser.app().message(),
        Some("Cannot add events to the bundled dataset: make one with chronicle init DIR")
    );
    // Whole on the status line of a terminal 120 columns wide, advice and all.
    let shown = screen(&mut browser);
    assert!(
        shown.contains("make one with chronicle init DIR"),
        "{shown}"
    );
}

#[test]
fn a_read_only_folder_is_told_before_the_form_opens() {
    // A folder on a read-only file system is refused to root too: /proc is one everywhere
    // Linux runs. (Permissions alone would not do, as tests may run as root.)
    if !Path::new("/proc/self").exists() {
        return;
    }
    let refused = chronicle::authoring::folder_writable(Path::new("/proc/self"));
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.starts_with("the dataset folder /proc/self cannot be written (")),
        "{refused:?}"
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    assert_eq!(chronicle::authoring::folder_writable(dir.path()), Ok(()));
}

#[test]
fn a_reload_keeps_the_form_and_the_source_view_as_they_were() {
    let (copy, mut browser) = in_source();
    let sentence = browser.app().source_view().map(|v| v.sentence);
    typed(&mut browser, "a");
    typed(&mut browser, "Mine so far");
    // Another program adds an event: the browser reads the files again meanwhile.
    let mut events = std::fs::read_to_string(copy.root.join("events.jsonl")).expect("read");
    events.push_str("{\"id\": \"theirs\", \"date\": \"2021\", \"title\": \"Theirs\"}\n");
    std::fs::write(copy.root.join("events.jsonl"), &events).expect("write");
    let before = browser.dataset().timeline.events().len();
    browser.tick().expect("tick");
    browser.settle().expect("reload taken in");
    assert_eq!(browser.dataset().timeline.events().len(), before + 1);
    assert_eq!(browser.app().mode(), Mode::Form, "the form stays open");
    assert_eq!(browser.app().source_view().map(|v| v.sentence), sentence);
    let shown = screen(&mut browser);
    assert!(shown.contains("New event citing sentence 2"), "{shown}");
    assert!(shown.contains("Mine so far"), "{shown}");
    // What was typed is written, quoting the sentence (after their change: Enter, Enter).
    press(&mut browser, KeyCode::Enter);
    assert_eq!(
        browser.app().mode(),
        Mode::Form,
        "their change is told first"
    );
    press(&mut browser, KeyCode::Enter);
    assert_eq!(browser.app().mode(), Mode::Normal);
    let dataset = loaded(&copy.root);
    let mine = dataset
        .timeline
        .events()
        .iter()
        .find(|e| &*e.title == "Mine so far")
        .unwrap_or_else(|| panic!("not written"));
    assert_eq!(Some(mine.quotes[0].sentences().start), sentence);
}

#[test]
fn a_reload_that_drops_the_source_closes_the_form_and_says_why() {
    let (copy, mut browser) = in_source();
    typed(&mut browser, "a");
    typed(&mut browser, "Mine");
    std::fs::write(
        copy.root.join("events.jsonl"),
        "{\"id\": \"theirs\", \"date\": \"2021\", \"title\": \"Theirs\"}\n",
    )
    .expect("write");
    std::fs::write(copy.root.join("sources.json"), "[]\n").expect("write");
    browser.tick().expect("tick");
    browser.settle().expect("reload taken in");
    assert_eq!(browser.dataset().timeline.events().len(), 1, "reloaded");
    assert_eq!(browser.app().mode(), Mode::Normal);
    assert!(browser.app().source_view().is_none());
    let message = browser.app().message().unwrap_or_default();
    assert!(
        message.contains(
            "The files changed and source call is no longer in the dataset: the new event's \
             form closed, unwritten."
        ),
        "{message}"
    );
}
