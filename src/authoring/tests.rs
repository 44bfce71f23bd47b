use std::fs;

use super::*;
use crate::files::DatasetLocation;
use crate::load::{load, Dataset};

const TEXT: &str = "A headline\n\nPutin called Johnson. Johnson said nothing.\n";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 12, 13).unwrap_or_default()
}

/// An empty dataset as `chronicle init` makes it.
fn empty() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir(dir.path().join("sources")).unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in [
        ("sources.json", "[]\n"),
        ("actors.json", "[]\n"),
        ("events.jsonl", ""),
    ] {
        fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn check(root: &Path) -> Dataset {
    load(&DatasetLocation::Folder(root.to_path_buf())).unwrap_or_else(|problems| {
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("check failed:\n{}", shown.join("\n"))
    })
}

fn open(root: &Path) -> DatasetFiles {
    DatasetFiles::read(root).unwrap_or_else(|e| panic!("{e}"))
}

fn actor(id: &str, name: &str) -> NewActor {
    NewActor {
        id: id.into(),
        name: name.into(),
        kind: "person".into(),
        aliases: vec![],
    }
}

fn event(id: &str, actors: &[&str], quote: &str) -> EventRecord {
    EventRecord {
        id: id.into(),
        date: "2021-12-13".into(),
        title: format!("Event {id}"),
        kind: Some("call".into()),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        location: None,
        tags: vec![],
        quotes: vec![DraftQuote {
            source: "article".into(),
            text: quote.into(),
        }],
        attributes: BTreeMap::new(),
    }
}

fn read(root: &Path, name: &str) -> Vec<u8> {
    fs::read(root.join(name)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_source_is_copied_and_recorded_once() {
    let dir = empty();
    let root = dir.path();
    let mut files = open(root);
    let added = files
        .add_source(TEXT.as_bytes(), "in/article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        added,
        SourceAdded {
            id: "article".into(),
            file: "sources/article.txt".into(),
            reused: false
        }
    );
    assert_eq!(read(root, "sources/article.txt"), TEXT.as_bytes());
    let dataset = check(root);
    let source = &dataset.timeline.sources()[0];
    assert_eq!(source.id, "article");
    assert_eq!(source.title, "A headline");
    assert_eq!(
        source.published.map(|d| d.edtf()),
        Some("2021-12-13".into())
    );
    assert_eq!(
        source.sha256.as_deref(),
        Some(sha256_hex(TEXT.as_bytes()).as_str())
    );
    // The same text again, under another name: the source there is taken, nothing written.
    let sources_before = read(root, "sources.json");
    let again = open(root)
        .add_source(TEXT.as_bytes(), "copy.txt", "Other", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.reused);
    assert_eq!(again.id, "article");
    assert_eq!(read(root, "sources.json"), sources_before);
    // Another text of the same name: another id and file, the first kept.
    let other = files
        .add_source(b"Another text.\n", "article.txt", "Another", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (other.id.as_str(), other.file.as_str()),
        ("article-2", "sources/article-2.txt")
    );
    assert_eq!(read(root, "sources/article.txt"), TEXT.as_bytes());
    assert_eq!(check(root).timeline.sources().len(), 2);
}

#[test]
fn a_text_left_by_a_killed_run_is_taken_and_another_file_is_not_written_over() {
    let dir = empty();
    let root = dir.path();
    fs::write(root.join("sources/article.txt"), TEXT).unwrap_or_else(|e| panic!("{e}"));
    let mut files = open(root);
    let added = files
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(added.file, "sources/article.txt");
    assert!(!added.reused, "its record was written");
    let dir = empty();
    let root = dir.path();
    fs::write(root.join("sources/article.txt"), "mine").unwrap_or_else(|e| panic!("{e}"));
    let added = open(root)
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(added.file, "sources/article-2.txt");
    assert_eq!(read(root, "sources/article.txt"), b"mine");
    check(root);
}

/// A dataset with the article as a source.
fn with_article() -> (tempfile::TempDir, DatasetFiles) {
    let dir = empty();
    let mut files = open(dir.path());
    files
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    (dir, files)
}

#[test]
fn events_come_with_the_new_actors_they_name_and_undo_takes_exactly_them_out() {
    let (dir, mut files) = with_article();
    let root = dir.path();
    let (actors_0, events_0) = (read(root, "actors.json"), read(root, "events.jsonl"));
    let proposals = [
        actor("putin", "Vladimir Putin"),
        actor("johnson", "Boris Johnson"),
    ];
    let first = files
        .add_event(
            &event("call", &["putin", "johnson"], "Putin called Johnson."),
            &proposals,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.id, "call");
    assert_eq!(first.actors, ["putin", "johnson"]);
    let (actors_1, events_1) = (read(root, "actors.json"), read(root, "events.jsonl"));
    // The same wanted id, and an actor added already: a unique id, no actor twice.
    let second = files
        .add_event(
            &event("call", &["johnson"], "Johnson said nothing."),
            &proposals,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(second.id, "call-2");
    assert!(second.actors.is_empty());
    assert_eq!(read(root, "actors.json"), actors_1);
    let dataset = check(root);
    assert_eq!(dataset.timeline.events().len(), 2);
    assert_eq!(dataset.timeline.actors().len(), 2);
    let text = String::from_utf8_lossy(&read(root, "events.jsonl")).into_owned();
    assert!(
        !text.contains("sentence") && !text.contains("new_actors"),
        "{text}"
    );
    // Undo, last first: each file back to its bytes of before, byte for byte.
    assert_eq!(files.undo(&second), Ok(None));
    assert_eq!(read(root, "events.jsonl"), events_1);
    assert_eq!(files.undo(&first), Ok(None));
    assert_eq!(read(root, "events.jsonl"), events_0);
    assert_eq!(read(root, "actors.json"), actors_0);
    assert_eq!(check(root).timeline.events().len(), 0);
    // The ids taken out are free again, and the actors are added again.
    let again = files
        .add_event(
            &event("call", &["putin", "johnson"], "Putin called Johnson."),
            &proposals,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((again.id.as_str(), again.actors.len()), ("call", 2));
    assert_eq!(read(root, "actors.json"), actors_1);
    assert_eq!(read(root, "events.jsonl"), events_1);
}

#[test]
fn a_file_changed_by_another_program_is_refused_and_nothing_is_written() {
    let (dir, mut files) = with_article();
    let root = dir.path();
    let actors_before = read(root, "actors.json");
    // Another editor adds an event of its own after the files were read.
    let theirs = "{\"id\": \"theirs\", \"date\": \"2021\", \"title\": \"Theirs\"}\n";
    fs::write(root.join("events.jsonl"), theirs).unwrap_or_else(|e| panic!("{e}"));
    let refused = files.add_event(
        &event("call", &["putin"], "Putin called Johnson."),
        &[actor("putin", "Vladimir Putin")],
    );
    let message = refused.err().unwrap_or_default();
    assert_eq!(
        message,
        "events.jsonl changed since it was read (another program wrote to it); nothing was written"
    );
    assert!(!files.event_ids().contains("call"), "the id is free again");
    // The actor written first was taken out again.
    assert_eq!(read(root, "actors.json"), actors_before);
    assert_eq!(read(root, "events.jsonl"), theirs.as_bytes());
    // Read again, the event goes after theirs, and theirs stays.
    assert_eq!(files.reread(), Ok(true));
    assert_eq!(files.reread(), Ok(false));
    let receipt = files
        .add_event(
            &event("theirs", &["putin"], "Putin called Johnson."),
            &[actor("putin", "Vladimir Putin")],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(receipt.id, "theirs-2", "unique against what is on disk");
    assert!(read(root, "events.jsonl").starts_with(theirs.as_bytes()));
    check(root);
    // A change after the addition: the undo is refused, and changes nothing.
    let mut changed = read(root, "events.jsonl");
    changed.extend_from_slice(b"{\"id\": \"more\", \"date\": \"2021\", \"title\": \"More\"}\n");
    fs::write(root.join("events.jsonl"), &changed).unwrap_or_else(|e| panic!("{e}"));
    let refused = files.undo(&receipt);
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.contains("changed since it was read")),
        "{refused:?}"
    );
    assert_eq!(read(root, "events.jsonl"), changed);
}

#[test]
fn an_actor_neither_known_nor_proposed_is_refused() {
    let (dir, mut files) = with_article();
    let refused = files.add_event(&event("call", &["putn"], "Putin called Johnson."), &[]);
    assert_eq!(
        refused.err().as_deref(),
        Some("unknown actor 'putn' (not in actors.json, nor proposed); nothing was written")
    );
    assert_eq!(read(dir.path(), "events.jsonl"), b"");
}

#[test]
fn events_json_arrays_are_added_to_as_well() {
    let (dir, mut files) = with_article();
    let root = dir.path();
    fs::remove_file(root.join("events.jsonl")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("events.json"), "[]\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files.reread(), Ok(true));
    assert_eq!(files.reread(), Ok(false));
    let receipt = files
        .add_event(
            &event("call", &["putin"], "Putin called Johnson."),
            &[actor("putin", "Vladimir Putin")],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check(root).timeline.events().len(), 1);
    assert_eq!(files.event_ids(), &HashSet::from(["call".to_string()]));
    assert_eq!(files.actor_ids(), &HashSet::from(["putin".to_string()]));
    assert_eq!(files.undo(&receipt), Ok(None));
    assert_eq!(read(root, "events.json"), b"[]\n");
}

#[test]
fn a_folder_that_is_not_a_dataset_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let message = DatasetFiles::read(dir.path()).err().unwrap_or_default();
    assert!(
        message.ends_with(&format!(
            "has no sources.json: events are added to a dataset folder; `chronicle init {}` makes one",
            dir.path().display()
        )),
        "{message}"
    );
}

#[test]
fn titles_and_ids_are_made_from_the_text() {
    assert_eq!(
        source_title("\n  Headline here  \nBody", "x.txt"),
        "Headline here"
    );
    assert_eq!(source_title(" \n", "x.txt"), "x.txt");
    let long = format!("{} end", "word ".repeat(40));
    let title = source_title(&long, "x");
    assert!(
        title.ends_with("word…") && title.chars().count() <= 121,
        "{title}"
    );
    assert_eq!(
        event_id("Putin calls Johnson about NATO", "2021-12-13"),
        "putin-calls-johnson-about-2021-12-13"
    );
}

/// Found by a new user's trial: an empty, blank or binary text was copied in as a source, after
/// which the dataset failed `check`. It is refused in the loader's words, and nothing written.
#[test]
fn a_text_the_loader_would_refuse_is_not_added_as_a_source() {
    let dir = empty();
    let root = dir.path();
    let mut files = open(root);
    for (bytes, said) in [
        (&b""[..], "article.txt: the file is empty"),
        (
            &b"\n\n   \n"[..],
            "article.txt: the file holds only white space",
        ),
        (
            &b"Hello\0world said Monday."[..],
            "article.txt: looks binary, not text (a NUL byte at byte offset 5)",
        ),
        (
            &b"Caf\xe9 opened."[..],
            "article.txt:1: not valid UTF-8 text: invalid byte 0xE9 at byte offset 3",
        ),
    ] {
        let refused = files.add_source(bytes, "article.txt", "A headline", day());
        let why = refused.err().unwrap_or_default();
        assert!(why.starts_with(said), "{why}");
        assert_eq!(read(root, "sources.json"), b"[]\n");
        assert_eq!(
            fs::read_dir(root.join("sources")).map(|d| d.count()).ok(),
            Some(0)
        );
    }
    check(root);
    // The same folder takes a real text after all that.
    let added = files
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!added.reused);
    check(root);
}

/// An unreadable rejected.jsonl (here a folder) is said by what reads rejections, and stops
/// nothing else: the browser's add reads the same files and knows nothing of triage.
#[test]
fn an_unreadable_rejections_file_is_said_only_where_rejections_are_read() {
    let dir = empty();
    let root = dir.path();
    fs::create_dir(root.join(REJECTED_FILE)).expect("a folder in its place");
    let mut files = open(root);
    let why = files.rejections().err().unwrap_or_default();
    // Named by its whole path, as its broken lines are (trial 20, X10).
    let path = root.join(REJECTED_FILE).display().to_string();
    assert!(why.starts_with(&format!("{path}: cannot read: ")), "{why}");
    let rejection = Rejection {
        source: "s".into(),
        sentence: "A sentence.".into(),
        draft: "d".into(),
        title: "T".into(),
        occurrence: None,
    };
    assert!(files.add_rejection(&rejection).is_err());
    files
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Found by a new user's trial (X10): a rejected.jsonl that is a link to nothing was read as
/// no rejections, and the first rejection failed with "No such file" for a file `ls` shows.
#[cfg(unix)]
#[test]
fn a_rejections_link_to_nothing_is_said_as_one() {
    let dir = empty();
    let root = dir.path();
    std::os::unix::fs::symlink("../nothing.jsonl", root.join(REJECTED_FILE)).expect("a link");
    let files = open(root);
    let why = files.rejections().err().unwrap_or_default();
    assert!(
        why.contains("rejected.jsonl: a symbolic link to ../nothing.jsonl, which does not exist"),
        "{why}"
    );
}

/// Found by a new user's trial (V26): when sources.json changed under the run, the record
/// was refused with "nothing was written", though the text copied for it stayed in sources/.
#[test]
fn a_refused_source_record_says_its_copied_text_stays_for_the_next_run() {
    let dir = empty();
    let root = dir.path();
    let mut files = open(root);
    fs::write(root.join("sources.json"), "[ ]\n").expect("another program writes");
    let refused = files.add_source(TEXT.as_bytes(), "article.txt", "A headline", day());
    let why = refused.err().unwrap_or_default();
    assert!(
        why.contains("sources.json changed since it was read")
            && why.contains(
                "the record was not written, and the text copied to sources/article.txt stays \
                 there for the next run to take"
            )
            && !why.contains("nothing was written"),
        "{why}"
    );
    // Another run may have taken that very text for its record meanwhile: it stays, and the
    // next run here takes it rather than copying it again.
    assert_eq!(read(root, "sources/article.txt"), TEXT.as_bytes());
    let added = open(root)
        .add_source(TEXT.as_bytes(), "article.txt", "A headline", day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(added.file, "sources/article.txt");
    check(root);
}

/// Found by a new user's trial: `--into` naming the article itself was told to run
/// `chronicle init` on it.
#[test]
fn a_file_is_said_to_be_no_dataset_folder() {
    let dir = empty();
    let file = dir.path().join("article.txt");
    fs::write(&file, TEXT).unwrap_or_else(|e| panic!("{e}"));
    let why = DatasetFiles::read(&file).err().unwrap_or_default();
    assert!(
        why.starts_with(&format!(
            "{} is a file, not a dataset folder: a dataset is a folder holding events.jsonl",
            file.display()
        )),
        "{why}"
    );
    assert!(
        !why.contains(&format!("chronicle init {}", file.display())),
        "{why}"
    );
}
