//! What the browser keeps of its own (marks) lives in the state directory, written atomically;
//! a state file that cannot be read, whatever is in it, is set aside with a warning and never
//! stops the browser. Reading a dataset never writes into its folder.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use chronicle::state::MarkStore;

use crate::common::{hostile_dataset, Copy};

fn marks(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn any_corrupt_marks_file_is_set_aside_and_marks_start_empty() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", b"{\"/data\": [\"a\"".to_vec()),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]),
        ("a list", b"[\"a\", \"b\"]".to_vec()),
        ("wrong value type", b"{\"/data\": 5}".to_vec()),
        ("nested too deep", "[".repeat(100_000).into_bytes()),
        (
            "escape sequences",
            "{\"\x1b]0;x\x07\": [1]}".as_bytes().to_vec(),
        ),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("marks.json"), &bytes).expect("write");
        let store = MarkStore::new(dir.path().to_path_buf(), "/data".into());
        let loaded = store.load();
        assert!(loaded.marks.is_empty(), "{what}");
        let warning = loaded.warning.unwrap_or_default();
        assert!(warning.contains("set aside as"), "{what}: {warning}");
        assert_eq!(
            fs::read(dir.path().join("marks.json.corrupt")).expect("kept"),
            bytes,
            "{what}"
        );
        store.save(&marks(&["x"])).expect("saves after");
        assert_eq!(store.load().marks, marks(&["x"]), "{what}");
    }
}

#[test]
fn a_marks_path_that_is_a_folder_is_set_aside_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("marks.json")).expect("mkdir");
    let store = MarkStore::new(dir.path().to_path_buf(), "k".into());
    let loaded = store.load();
    assert!(loaded.marks.is_empty());
    assert!(loaded.warning.is_some());
    store.save(&marks(&["y"])).expect("saves after");
    assert_eq!(store.load().marks, marks(&["y"]));
}

/// Every file under `root` with its contents, to compare before and after.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((
                    path.display().to_string(),
                    fs::read(&path).unwrap_or_default(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn reading_a_dataset_never_writes_into_its_folder() {
    let temp = tempfile::tempdir().expect("temp dir");
    let hostile = hostile_dataset(temp.path());
    let copy = Copy::new();
    for root in [hostile, copy.root.clone()] {
        let before = snapshot(&root);
        let dataset = root.to_str().expect("utf-8");
        for args in [
            vec!["check", dataset],
            vec!["events", dataset, "--json"],
            vec!["actors", dataset],
        ] {
            let status = Command::new(env!("CARGO_BIN_EXE_chronicle"))
                .args(&args)
                .env("XDG_CACHE_HOME", temp.path().join("cache"))
                .current_dir(&root)
                .env("CHRONICLE_STATE_DIR", temp.path().join("state"))
                .output()
                .expect("run");
            assert!(status.status.success(), "{args:?}");
        }
        assert_eq!(snapshot(&root), before);
    }
}
