//! The cache of loaded datasets, through the real binary: never stale (any change to a dataset
//! or source file, same size and modification time too, gives a fresh load), never trusted
//! blindly (a cut, damaged or foreign entry is ignored, replaced and noted), and a cache that
//! cannot be written only costs speed. Each test has its own cache folder.
//!
//! Whether an entry was used is seen from its file: a used entry is left alone, a refused one
//! is replaced by a new file (another inode).

#[path = "support/dataset.rs"]
mod dataset;
#[path = "support/pty.rs"]
mod pty;

use std::fs::{self, File};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");

/// A copy of the small dataset and a cache folder of its own.
struct Setup {
    _temp: tempfile::TempDir,
    data: PathBuf,
    cache_home: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let temp = tempfile::tempdir().unwrap();
        let data = temp.path().join("data");
        dataset::copy_dir(Path::new(dataset::SMALL), &data);
        let cache_home = temp.path().join("cache-home");
        Setup {
            _temp: temp,
            data,
            cache_home,
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .arg(&self.data)
            .env("XDG_CACHE_HOME", &self.cache_home)
            .env_remove("CHRONICLE_NO_CACHE");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = self.command(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        output
    }

    fn entries(&self) -> Vec<PathBuf> {
        let dir = self.cache_home.join("chronicle");
        let mut found: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        found.sort();
        found
    }

    /// The one entry's file; fails when there is none or more.
    fn entry(&self) -> PathBuf {
        let entries = self.entries();
        assert_eq!(entries.len(), 1, "{entries:?}");
        entries[0].clone()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

/// Rewrites `file` with `from` replaced by `to` (of the same length), then gives it back
/// its modification time: a change that size and time cannot see.
fn change_unseen(root: &Path, file: &str, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let path = root.join(file);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    dataset::replace_in(root, file, from, to);
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let after = fs::metadata(&path).unwrap();
    assert_eq!(after.modified().unwrap(), modified);
}

#[test]
fn a_second_open_uses_the_entry_and_prints_the_same() {
    let setup = Setup::new();
    let first = setup.run(&["check"]);
    let entry = setup.entry();
    assert!(entry.starts_with(setup.cache_home.join("chronicle")));
    let written = inode(&entry);
    let second = setup.run(&["check"]);
    assert_eq!(stdout(&second), stdout(&first));
    assert_eq!(stderr(&second), stderr(&first));
    let events = setup.run(&["events", "--json"]);
    assert_eq!(
        inode(&entry),
        written,
        "a current entry is read, not rewritten"
    );
    let fresh = setup.run(&["events", "--json", "--no-cache"]);
    assert_eq!(stdout(&events), stdout(&fresh));
    assert!(stdout(&events).contains("Putin and Johnson speak by phone"));
    // Nothing is written into the dataset folder.
    let mut names: Vec<String> = fs::read_dir(&setup.data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["actors.json", "events.jsonl", "sources", "sources.json"]
    );
}

#[test]
fn an_edit_keeping_size_and_time_gives_a_fresh_load() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let before = inode(&setup.entry());
    change_unseen(
        &setup.data,
        "events.jsonl",
        "Putin and Johnson speak by phone",
        "Putin and Johnson speak by PHONE",
    );
    let events = setup.run(&["events", "--json"]);
    assert!(
        stdout(&events).contains("speak by PHONE"),
        "{}",
        stdout(&events)
    );
    assert_ne!(inode(&setup.entry()), before, "the entry is replaced");
}

#[test]
fn a_source_file_edit_keeping_size_and_time_gives_a_fresh_load() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let before = inode(&setup.entry());
    let text = fs::read_to_string(setup.data.join("sources/call.txt")).unwrap();
    // A quoted phrase changed: the fresh load must find the quote missing, as a cached one
    // could not.
    let quoted = "Russia wants immediate talks with the West";
    assert!(text.contains(quoted));
    change_unseen(
        &setup.data,
        "sources/call.txt",
        quoted,
        "Russia wants immediate walks with the West",
    );
    let output = setup.command(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("immediate talks"),
        "{}",
        stderr(&output)
    );
    // The failed load left the old entry; put the text back and it is current again.
    assert_eq!(inode(&setup.entry()), before);
    change_unseen(
        &setup.data,
        "sources/call.txt",
        "immediate walks",
        "immediate talks",
    );
    setup.run(&["check"]);
    assert_eq!(
        inode(&setup.entry()),
        before,
        "the old entry fits the old text"
    );
}

#[test]
fn a_new_file_in_the_dataset_gives_a_fresh_load() {
    let setup = Setup::new();
    setup.run(&["check"]);
    fs::write(setup.data.join("events.json"), "[]").unwrap();
    let output = setup.command(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("keep only one"),
        "{}",
        stderr(&output)
    );
}

/// Breaks the entry with `damage`, then checks that the next open ignores it with a note,
/// prints what a fresh load prints, and replaces it with a current entry.
fn replaced_after(damage: impl Fn(&Path), why: &str) {
    let setup = Setup::new();
    let first = setup.run(&["events", "--json"]);
    let entry = setup.entry();
    damage(&entry);
    let again = setup.run(&["events", "--json"]);
    assert_eq!(stdout(&again), stdout(&first));
    let told = stderr(&again);
    assert!(told.starts_with("note: "), "{told}");
    assert!(
        told.contains("damaged cache file") && told.contains(why),
        "{told}"
    );
    let replaced = inode(&setup.entry());
    let third = setup.run(&["events", "--json"]);
    assert_eq!(stderr(&third), "", "the replacement is whole");
    assert_eq!(inode(&setup.entry()), replaced);
    // `check` reads only the header, and the entry's length: a damaged header or a cut
    // entry is noticed there too, and replaced.
    damage(&setup.entry());
    let checked = setup.run(&["check"]);
    assert!(stdout(&checked).ends_with("verified\n"));
    if why != "checksum" {
        // (A flipped byte inside the image is for the image's own checksum, which `check`
        // does not read.)
        let told = stderr(&checked);
        assert!(
            told.contains("damaged cache file") && told.contains(why),
            "{told}"
        );
        assert_ne!(inode(&setup.entry()), replaced);
        assert_eq!(stderr(&setup.run(&["check"])), "");
    }
}

#[test]
fn check_notices_an_entry_cut_to_half_and_replaces_it() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let entry = setup.entry();
    let len = fs::metadata(&entry).unwrap().len();
    File::options()
        .write(true)
        .open(&entry)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let checked = setup.run(&["check"]);
    assert!(stdout(&checked).ends_with("verified\n"));
    let told = stderr(&checked);
    assert!(
        told.contains("damaged cache file") && told.contains("cut short"),
        "{told}"
    );
    assert_eq!(fs::metadata(setup.entry()).unwrap().len(), len);
    assert_eq!(stderr(&setup.run(&["check"])), "");
}

#[test]
fn a_cut_entry_is_ignored_noted_and_replaced() {
    replaced_after(
        |entry| {
            let len = fs::metadata(entry).unwrap().len();
            File::options()
                .write(true)
                .open(entry)
                .unwrap()
                .set_len(len - 100)
                .unwrap();
        },
        "cut short",
    );
}

#[test]
fn a_damaged_entry_is_ignored_noted_and_replaced() {
    replaced_after(
        |entry| {
            let mut bytes = fs::read(entry).unwrap();
            let middle = bytes.len() * 2 / 3;
            bytes[middle] ^= 0x20;
            fs::write(entry, bytes).unwrap();
        },
        "checksum",
    );
}

/// A folder where the entry would be is no entry: read from the files, silently (it cannot be
/// replaced, so a note would come back on every run), as a cache that cannot be written.
#[test]
fn a_folder_in_the_entrys_place_only_costs_speed_and_says_nothing() {
    let setup = Setup::new();
    let first = setup.run(&["events", "--json"]);
    let entry = setup.entry();
    fs::remove_file(&entry).unwrap();
    fs::create_dir(&entry).unwrap();
    for command in [&["events", "--json"][..], &["check"], &["actors"]] {
        let output = setup.run(command);
        assert_eq!(stderr(&output), "", "{command:?}");
    }
    assert_eq!(stdout(&setup.run(&["events", "--json"])), stdout(&first));
    assert!(entry.is_dir(), "left as it was");
}

#[test]
fn a_foreign_file_in_the_entrys_place_is_ignored_noted_and_replaced() {
    replaced_after(
        |entry| fs::write(entry, "not a cache file at all\n").unwrap(),
        "not a chronicle cache file",
    );
}

#[test]
fn an_entry_of_another_build_is_not_read() {
    let setup = Setup::new();
    let temp = tempfile::tempdir().unwrap();
    let other = temp.path().join("chronicle");
    fs::copy(BIN, &other).unwrap();
    let run = |bin: &Path| {
        let mut command = Command::new(bin);
        command
            .arg("check")
            .arg(&setup.data)
            .env("XDG_CACHE_HOME", &setup.cache_home)
            .env_remove("CHRONICLE_NO_CACHE");
        // A copied executable cannot run while some other test's child, forked meanwhile,
        // still holds the copy's write handle ("Text file busy"); it lets go when it execs.
        let mut tries = 0;
        let output = loop {
            match command.output() {
                Err(e) if e.raw_os_error() == Some(26) && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => break other.unwrap(),
            }
        };
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            stderr(&output),
            "",
            "another build's entry is stale, not damaged"
        );
    };
    run(&other);
    let before = inode(&setup.entry());
    run(&other);
    assert_eq!(inode(&setup.entry()), before);
    // The same program with one byte more at the end: another build, as far as anyone knows.
    let mut bytes = fs::read(&other).unwrap();
    bytes.push(0);
    fs::remove_file(&other).unwrap();
    fs::write(&other, bytes).unwrap();
    fs::set_permissions(&other, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    run(&other);
    assert_ne!(inode(&setup.entry()), before);
}

#[test]
fn no_cache_and_the_environment_variable_turn_it_off() {
    let setup = Setup::new();
    setup.run(&["check", "--no-cache"]);
    setup.run(&["events", "--no-cache"]);
    assert_eq!(setup.entries(), Vec::<PathBuf>::new());
    for value in ["1", "yes", "true", "on"] {
        let output = setup
            .command(&["check"])
            .env("CHRONICLE_NO_CACHE", value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(setup.entries(), Vec::<PathBuf>::new());
    }
    for value in ["0", "", "false", "no", "off", "FALSE", "Off"] {
        let output = setup
            .command(&["check"])
            .env("CHRONICLE_NO_CACHE", value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(setup.entries().len(), 1, "CHRONICLE_NO_CACHE={value:?}");
        fs::remove_dir_all(setup.cache_home.join("chronicle")).unwrap();
    }
}

#[test]
fn a_cache_folder_that_cannot_be_made_only_costs_speed() {
    let setup = Setup::new();
    // A file where the cache folder should be: nothing can be created in it, even by root.
    fs::write(&setup.cache_home, "a file").unwrap();
    for _ in 0..2 {
        let output = setup.run(&["check"]);
        assert!(stdout(&output).ends_with("verified\n"));
        assert_eq!(stderr(&output), "");
    }
}

#[test]
fn a_full_disk_only_costs_speed_and_leaves_no_temporary_file() {
    let setup = Setup::new();
    let mut command = setup.command(&["events", "--json"]);
    // SAFETY: setrlimit and signal are async-signal-safe; nothing is allocated.
    unsafe {
        command.pre_exec(|| {
            // Files may grow to 2 KB: the entry cannot be written (EFBIG, as on a full disk),
            // and the signal that would kill the process for it is ignored.
            let limit = libc::rlimit {
                rlim_cur: 2048,
                rlim_max: 2048,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let fresh = setup.run(&["events", "--json", "--no-cache"]);
    assert_eq!(stdout(&output), stdout(&fresh));
    assert_eq!(
        setup.entries(),
        Vec::<PathBuf>::new(),
        "no entry, no temporary file"
    );
}

#[test]
fn two_processes_at_once_never_read_half_an_entry() {
    let setup = Setup::new();
    let expected = stdout(&setup.run(&["events", "--json", "--no-cache"]));
    // Started together: some write the entry while others read it.
    let children: Vec<_> = (0..6)
        .map(|_| {
            setup
                .command(&["events", "--json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(stdout(&output), expected);
        assert_eq!(stderr(&output), "", "no process saw a damaged entry");
    }
    assert_eq!(setup.entries().len(), 1);
}

#[test]
fn a_header_length_past_the_end_is_refused_without_reading_it() {
    replaced_after(
        |entry| {
            let mut bytes = fs::read(entry).unwrap();
            // The header's length, after the magic (8 bytes), format (4) and build (16).
            bytes[28..36].copy_from_slice(&u64::MAX.to_le_bytes());
            fs::write(entry, bytes).unwrap();
        },
        "ends too early",
    );
}

/// The browser on a real terminal: a dataset of more events than the first screen reads opens
/// from the cache's first events, and the whole timeline replaces them.
#[test]
fn the_browser_opens_on_the_first_events_and_takes_in_the_rest() {
    let setup = Setup::new();
    let mut events = fs::read_to_string(setup.data.join("events.jsonl")).unwrap();
    let before = events.lines().filter(|l| !l.trim().is_empty()).count();
    for n in 0..500 {
        events.push_str(&format!(
            "{{\"id\": \"bulk-{n}\", \"date\": \"2030-01-01\", \"title\": \"Bulk {n}\"}}\n"
        ));
    }
    fs::write(setup.data.join("events.jsonl"), events).unwrap();
    let total = before + 500;
    setup.run(&["check"]);
    let written = inode(&setup.entry());
    let term = pty::Spawn::new(&[&setup.data.display().to_string()])
        .env("XDG_CACHE_HOME", &setup.cache_home.display().to_string())
        // Staged from 500 events here, where the browser does so from 50,000.
        .env("CHRONICLE_FIRST_SCREEN_FROM", "500")
        .start();
    term.wait_for("the whole timeline", |s| {
        s.contains(&format!("Loaded all {total} events."))
            && s.contains(&format!("Events · {total}"))
    });
    term.type_text("q");
    assert_eq!(term.wait_exit().code(), Some(0));
    assert_eq!(
        inode(&setup.entry()),
        written,
        "the entry was read, not replaced"
    );
}

#[test]
fn a_temporary_entry_abandoned_long_ago_is_removed_and_a_recent_one_kept() {
    let setup = Setup::new();
    let dir = setup.cache_home.join("chronicle");
    fs::create_dir_all(&dir).unwrap();
    let abandoned = dir.join(".entryOLD123");
    let recent = dir.join(".entryNEW456");
    fs::write(&abandoned, "half an entry").unwrap();
    fs::write(&recent, "being written").unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(&abandoned)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    setup.run(&["check"]);
    assert!(!abandoned.exists(), "the abandoned one is gone");
    assert!(recent.exists(), "one that may be being written stays");
    assert_eq!(setup.entries().len(), 2, "{:?}", setup.entries());
}

/// The browser on a dataset with no entry writes one while it is open (on a thread of its
/// own, so the first screen does not wait for it), whole by the time it has quit.
#[test]
fn the_browser_writes_the_entry_behind_its_first_screen() {
    let setup = Setup::new();
    let term = pty::Spawn::new(&[&setup.data.display().to_string()])
        .env("XDG_CACHE_HOME", &setup.cache_home.display().to_string())
        .start();
    term.wait_for("the browser", |s| s.contains("Events · "));
    term.type_text("q");
    assert_eq!(term.wait_exit().code(), Some(0));
    let written = inode(&setup.entry());
    let checked = setup.run(&["check"]);
    assert_eq!(stderr(&checked), "");
    assert_eq!(
        inode(&setup.entry()),
        written,
        "the entry is current and whole"
    );
}

/// Flips the case of the first (or, `last`, the last) occurrence of `text` in the entry: a
/// change only a checksum can see.
fn flip_in_entry(entry: &Path, text: &str, last: bool) {
    let mut bytes = fs::read(entry).unwrap();
    let found = bytes
        .windows(text.len())
        .enumerate()
        .filter(|(_, w)| *w == text.as_bytes())
        .map(|(at, _)| at);
    let at = if last { found.max() } else { found.min() }.unwrap();
    bytes[at] ^= 0x20;
    fs::write(entry, bytes).unwrap();
}

const ACTOR_QUERIES: [&[&str]; 3] = [
    &["actors"],
    &["actors", "--search", "put"],
    &["actors", "--json"],
];

#[test]
fn actors_from_the_entry_print_what_a_fresh_load_prints() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let written = inode(&setup.entry());
    for query in ACTOR_QUERIES {
        let cached = setup.run(query);
        let fresh = setup.run(&[query, &["--no-cache"]].concat());
        assert_eq!(stdout(&cached), stdout(&fresh), "{query:?}");
        assert_eq!(stderr(&cached), stderr(&fresh), "{query:?}");
    }
    assert!(stdout(&setup.run(&["actors"])).contains("Vladimir Putin"));
    assert_eq!(
        inode(&setup.entry()),
        written,
        "the entry was read, not rewritten"
    );
    // An edit to the events changes the counts: the entry is not used for them.
    let before = stdout(&setup.run(&["actors"]));
    change_unseen(
        &setup.data,
        "events.jsonl",
        "\"actors\": [\"putin\"]",
        "\"actors\": [\"uk\"]   ",
    );
    let after = stdout(&setup.run(&["actors"]));
    assert_ne!(after, before, "Putin is in one event fewer");
    assert_eq!(after, stdout(&setup.run(&["actors", "--no-cache"])));
}

#[test]
fn a_damaged_events_part_does_not_change_the_actors_answer() {
    let setup = Setup::new();
    let fresh: Vec<String> = ACTOR_QUERIES
        .iter()
        .map(|q| stdout(&setup.run(&[*q, &["--no-cache"]].concat())))
        .collect();
    setup.run(&["check"]);
    let entry = setup.entry();
    // The last copy of an event's title lies in the events, past the actors' part.
    flip_in_entry(&entry, "Putin and Johnson speak by phone", true);
    let damaged = inode(&entry);
    for (query, fresh) in ACTOR_QUERIES.iter().zip(&fresh) {
        let output = setup.run(query);
        assert_eq!(&stdout(&output), fresh, "{query:?}");
        assert_eq!(stderr(&output), "", "the actors' part is whole: {query:?}");
    }
    assert_eq!(
        inode(&setup.entry()),
        damaged,
        "only the actors' part was read"
    );
    // What reads the events finds the damage, says so and replaces the entry.
    let events = setup.run(&["events", "--json"]);
    assert!(
        stderr(&events).contains("damaged cache file"),
        "{}",
        stderr(&events)
    );
    assert_ne!(inode(&setup.entry()), damaged);
}

#[test]
fn a_damaged_actors_part_gives_a_fresh_load_with_a_note() {
    let setup = Setup::new();
    let fresh = stdout(&setup.run(&["actors", "--no-cache"]));
    setup.run(&["check"]);
    let entry = setup.entry();
    // The first copy of an actor's name lies in the actors' part.
    flip_in_entry(&entry, "Vladimir Putin", false);
    let damaged = inode(&entry);
    let output = setup.run(&["actors"]);
    assert_eq!(stdout(&output), fresh);
    let told = stderr(&output);
    assert!(told.starts_with("note: "), "{told}");
    assert!(
        told.contains("damaged cache file") && told.contains("checksum"),
        "{told}"
    );
    assert_ne!(inode(&setup.entry()), damaged, "the entry was replaced");
    let again = setup.run(&["actors"]);
    assert_eq!(stdout(&again), fresh);
    assert_eq!(stderr(&again), "", "the replacement is whole");
}

/// Runs `args` on the setup's dataset with and without the cache, and gives both outputs,
/// failing when either takes more than ten seconds (the cache must never hang a load).
fn cached_and_fresh(setup: &Setup, args: &[&str]) -> (Output, Output) {
    let run = |extra: &[&str]| {
        let mut child = setup
            .command(&[args, extra].concat())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`chronicle {args:?} {extra:?}` hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    };
    let cached = run(&[]);
    let fresh = run(&["--no-cache"]);
    (cached, fresh)
}

/// The cached answer is the fresh one: same exit code, same output, an error here.
fn same_error(setup: &Setup, args: &[&str], expect: &str) {
    for _ in 0..2 {
        let (cached, fresh) = cached_and_fresh(setup, args);
        assert_eq!(fresh.status.code(), Some(1), "{}", stderr(&fresh));
        assert!(stderr(&fresh).contains(expect), "{}", stderr(&fresh));
        assert_eq!(
            cached.status.code(),
            fresh.status.code(),
            "{}",
            stderr(&cached)
        );
        assert_eq!(stderr(&cached), stderr(&fresh));
        assert_eq!(stdout(&cached), stdout(&fresh));
    }
}

#[test]
fn a_sources_folder_turned_into_a_link_outside_is_refused_as_without_the_cache() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let outside = setup.cache_home.parent().unwrap().join("outside-sources");
    fs::rename(setup.data.join("sources"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, setup.data.join("sources")).unwrap();
    same_error(&setup, &["check"], "leads outside the dataset folder");
    same_error(
        &setup,
        &["events", "--ids"],
        "leads outside the dataset folder",
    );
}

#[test]
fn an_events_file_turned_into_a_link_outside_is_refused_as_without_the_cache() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let outside = setup.cache_home.parent().unwrap().join("outside.jsonl");
    fs::rename(setup.data.join("events.jsonl"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, setup.data.join("events.jsonl")).unwrap();
    same_error(&setup, &["check"], "leads outside the dataset folder");
    same_error(&setup, &["events"], "leads outside the dataset folder");
}

#[test]
fn a_named_pipe_in_the_dataset_is_refused_at_once_as_without_the_cache() {
    // A folder never cached: the hashes taken before the load must not open the pipe.
    let setup = Setup::new();
    nix::unistd::mkfifo(
        &setup.data.join("events.json"),
        nix::sys::stat::Mode::from_bits_truncate(0o644),
    )
    .unwrap();
    same_error(&setup, &["check"], "both");
    same_error(&setup, &["events"], "both");
    assert_eq!(setup.entries(), Vec::<PathBuf>::new());
}

#[test]
fn a_source_file_turned_into_a_named_pipe_is_refused_at_once_as_without_the_cache() {
    let setup = Setup::new();
    setup.run(&["check"]);
    let source = fs::read_dir(setup.data.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    fs::remove_file(&source).unwrap();
    nix::unistd::mkfifo(&source, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
    same_error(&setup, &["check"], "is not a regular file");
    same_error(&setup, &["events"], "is not a regular file");
}

/// Runs `chronicle ARGS DATASET` in `dir`, the dataset named as `dataset`.
fn run_named(setup: &Setup, dir: &Path, args: &[&str], dataset: &str) -> Output {
    let output = Command::new(BIN)
        .args(args)
        .arg(dataset)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", &setup.cache_home)
        .env_remove("CHRONICLE_NO_CACHE")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

#[test]
fn every_way_of_naming_a_folder_shares_one_entry_and_notes_show_it_as_typed() {
    let setup = Setup::new();
    // A quote that occurs twice: a note, which names the folder.
    let call = setup.data.join("sources/call.txt");
    let mut text = fs::read_to_string(&call).unwrap();
    text.push_str("\nRussia wants immediate talks with the West.\n");
    fs::write(&call, text).unwrap();
    let parent = setup.data.parent().unwrap();
    std::os::unix::fs::symlink(&setup.data, parent.join("link")).unwrap();
    let absolute = setup.data.display().to_string();
    let spellings = [
        "data",
        "./data",
        "data/",
        absolute.as_str(),
        &format!("{absolute}/"),
        "link",
        "cache-home/../data",
    ];
    // `cache-home` must exist for the last spelling to resolve.
    fs::create_dir_all(&setup.cache_home).unwrap();
    let mut inodes = Vec::new();
    for spelling in spellings {
        let cached = run_named(&setup, parent, &["check"], spelling);
        let fresh = run_named(&setup, parent, &["check", "--no-cache"], spelling);
        assert_eq!(stderr(&cached), stderr(&fresh), "{spelling}");
        assert_eq!(stdout(&cached), stdout(&fresh), "{spelling}");
        let typed = Path::new(spelling)
            .join("events.jsonl")
            .display()
            .to_string();
        assert!(
            stderr(&cached).starts_with(&format!("note: {typed}:")),
            "{spelling}: {}",
            stderr(&cached)
        );
        inodes.push(inode(&setup.entry()));
    }
    // One entry, written once and used by every other spelling.
    assert!(inodes.iter().all(|&i| i == inodes[0]), "{inodes:?}");
}

/// Sets the modification time of `path` to `days` ago.
fn age(path: &Path, days: u64) {
    let then = SystemTime::now() - Duration::from_secs(days * 24 * 3600);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

#[test]
fn entries_unused_for_a_month_or_of_a_folder_gone_are_removed() {
    let setup = Setup::new();
    let other = setup.data.parent().unwrap().join("other");
    dataset::copy_dir(Path::new(dataset::SMALL), &other);
    run_named(
        &setup,
        Path::new("/"),
        &["check"],
        &other.display().to_string(),
    );
    let of_other = setup.entry();
    fs::remove_dir_all(&other).unwrap();
    let dir = setup.cache_home.join("chronicle");
    let old = dir.join("0000000000000001.img");
    let recent = dir.join("0000000000000002.img");
    fs::write(&old, "an entry of long ago").unwrap();
    fs::write(&recent, "an entry used last week").unwrap();
    age(&old, 31);
    age(&recent, 7);
    setup.run(&["check"]);
    let entries = setup.entries();
    assert!(!entries.contains(&of_other), "{entries:?}");
    assert!(!entries.contains(&old), "{entries:?}");
    assert!(entries.contains(&recent), "{entries:?}");
    assert_eq!(entries.len(), 2, "{entries:?}");
}

#[test]
fn the_least_recently_used_entries_go_when_the_cache_passes_two_gigabytes() {
    let setup = Setup::new();
    let dir = setup.cache_home.join("chronicle");
    fs::create_dir_all(&dir).unwrap();
    // Sparse: big to the cache's count, nothing on the disk.
    let big = |name: &str, days: u64| {
        let path = dir.join(name);
        File::create(&path).unwrap().set_len(1200 << 20).unwrap();
        age(&path, days);
        path
    };
    let older = big("0000000000000001.img", 3);
    let newer = big("0000000000000002.img", 2);
    setup.run(&["check"]);
    let entries = setup.entries();
    assert!(!entries.contains(&older), "{entries:?}");
    assert!(entries.contains(&newer), "{entries:?}");
    assert_eq!(entries.len(), 2, "{entries:?}");
    // Reading an entry marks it used now, for the next pruning.
    let ours = entries.into_iter().find(|p| *p != newer).unwrap();
    age(&ours, 5);
    setup.run(&["check"]);
    let modified = fs::metadata(&ours).unwrap().modified().unwrap();
    assert!(modified.elapsed().unwrap() < Duration::from_secs(3600));
}

#[test]
fn draft_with_a_dataset_takes_no_cache_as_the_other_reading_commands() {
    let setup = Setup::new();
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed_article.txt"
    );
    let draft = |extra: &[&str]| {
        let mut command = Command::new(BIN);
        command
            .args(["draft", article, "--published", "2021-12-13", "--dataset"])
            .arg(&setup.data)
            .args(extra)
            .env("XDG_CACHE_HOME", &setup.cache_home)
            .env_remove("CHRONICLE_NO_CACHE");
        command.output().unwrap()
    };
    let fresh = draft(&["--no-cache"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert_eq!(setup.entries(), Vec::<PathBuf>::new());
    let cached = draft(&[]);
    assert_eq!(cached.status.code(), Some(0), "{}", stderr(&cached));
    assert_eq!(stdout(&cached), stdout(&fresh));
    assert_eq!(setup.entries().len(), 1);
}

#[test]
fn the_timings_say_when_the_cache_is_used_and_why_it_was_not_written() {
    let setup = Setup::new();
    let timed = |args: &[&str]| {
        let output = setup
            .command(args)
            .env("CHRONICLE_TIMINGS", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    fs::write(&setup.cache_home, "a file where the cache folder goes").unwrap();
    let told = timed(&["check"]);
    assert!(told.contains("load: cache not written: "), "{told}");
    fs::remove_file(&setup.cache_home).unwrap();
    let told = timed(&["check"]);
    assert!(!told.contains("cache not written"), "{told}");
    assert!(!told.contains("load: summary"), "{told}");
    let told = timed(&["check"]);
    assert!(told.contains("load: summary"), "{told}");
}
