//! A process killed in the middle of adding lines to a dataset file loses nothing: the file
//! holds either what it held before or the whole new content, never part of it.
//!
//! The process killed is this test binary itself, started again with `CHILD` set, so that it
//! runs only the append (and `CHRONICLE_TEST_WRITE_PAUSE`, which stops the write at a chosen
//! point until the parent sends SIGKILL).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chronicle::write::{append_lines, Snapshot, PAUSE_VARIABLE};

/// Set in the child: the file to append to.
const CHILD: &str = "CHRONICLE_TEST_APPEND_CHILD";
const TEST_NAME: &str = "a_process_killed_mid_append_leaves_the_old_or_the_new_file";

/// Old content large enough that writing it is not one step: 2 MB of JSON Lines records, and
/// no final line ending, so the new content also differs in the old part's last byte.
fn old_content() -> Vec<u8> {
    let mut old = Vec::new();
    for n in 0..20_000 {
        old.extend_from_slice(
            format!("{{\"id\": \"e{n:05}\", \"date\": \"2021-12-13\", \"title\": \"An event of the old file, padded to a hundred bytes..\"}}\n")
                .as_bytes(),
        );
    }
    old.pop();
    old
}

const NEW_LINES: [&str; 2] = [
    "{\"id\": \"new-1\", \"date\": \"2021-12-14\", \"title\": \"Added\"}",
    "{\"id\": \"new-2\", \"date\": \"2021-12-15\", \"title\": \"Added too\"}",
];

fn new_content() -> Vec<u8> {
    let mut new = old_content();
    new.push(b'\n');
    for line in NEW_LINES {
        new.extend_from_slice(line.as_bytes());
        new.push(b'\n');
    }
    new
}

/// Runs the append in a child process paused at `step`, kills it there with SIGKILL, and
/// returns what the file holds afterwards.
fn killed_at(dir: &Path, step: &str) -> Vec<u8> {
    let path = dir.join("events.jsonl");
    std::fs::write(&path, old_content()).expect("write the old file");
    let exe = std::env::current_exe().expect("the test binary");
    let mut child = Command::new(exe)
        .args([TEST_NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, &path)
        .env(PAUSE_VARIABLE, step)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the child");
    let stderr = child.stderr.take().expect("the child's stderr");
    let mut lines = BufReader::new(stderr).lines();
    let started = Instant::now();
    let paused = loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("paused writing") => break line,
            Some(Ok(_)) => {}
            // The child ended without pausing: a failure, reported below.
            Some(Err(_)) | None => break String::new(),
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the child never paused"
        );
    };
    child.kill().expect("SIGKILL the child");
    let status = child.wait().expect("wait for the child");
    assert!(
        paused.ends_with(&format!("events.jsonl at {step}")),
        "the child did not pause at {step}: {paused:?} ({status})"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "{status}");
    }
    std::fs::read(&path).expect("read the file after the kill")
}

#[test]
fn a_process_killed_mid_append_leaves_the_old_or_the_new_file() {
    if let Some(path) = std::env::var_os(CHILD) {
        // The child: append, pausing where the parent asked, to be killed there.
        let snapshot = Snapshot::read(Path::new(&path)).expect("read");
        append_lines(&snapshot, &NEW_LINES).expect("append");
        return;
    }
    let (old, new) = (old_content(), new_content());
    for (step, expected) in [
        // Half the temporary file written: the file is untouched.
        ("partial", &old),
        // The temporary file whole and synced, not yet renamed: still the old file.
        ("written", &old),
        // Renamed, the folder not yet synced: the whole new file.
        ("renamed", &new),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let after = killed_at(dir.path(), step);
        assert!(
            after == old || after == new,
            "killed at {step}: the file is neither old nor new ({} bytes; old {}, new {})",
            after.len(),
            old.len(),
            new.len()
        );
        assert!(
            &after == expected,
            "killed at {step}: expected the {} file",
            if expected == &old { "old" } else { "new" }
        );
        // What a kill leaves behind is at most the temporary file, named for its file, and
        // never a dataset file: the loader does not read it.
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name != "events.jsonl")
            .collect();
        assert!(
            left.iter()
                .all(|name| name.starts_with(".events.jsonl.") && name.ends_with(".tmp")),
            "killed at {step}: {left:?}"
        );
    }
    // And when nobody kills it, the append completes.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.jsonl");
    std::fs::write(&path, old_content()).expect("write");
    let snapshot = Snapshot::read(&path).expect("read");
    append_lines(&snapshot, &NEW_LINES).expect("append");
    assert!(std::fs::read(&path).expect("read") == new);
}
