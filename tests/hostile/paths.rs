//! Nothing outside the dataset folder is read through a dataset: not by a source's `file`
//! (absolute, `..`, a symbolic link out, a link to a device), not by the dataset's own files
//! being links out; and nothing that is not a regular file (a named pipe would hang the load).

use std::fs;
use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use crate::common::{broken, problems_after, Copy};

#[test]
fn source_paths_that_lead_out_are_refused() {
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"/etc/passwd\""),
        ["DATA/sources.json:7: source file '/etc/passwd' is an absolute path; source files must be inside the dataset folder"]
    );
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"sources/../../secret.txt\""),
        ["DATA/sources.json:7: source file 'sources/../../secret.txt' contains '..'; source files must be inside the dataset folder"]
    );
    // Even a `..` that would come back inside is refused: the rule is simple to state.
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"sources/../sources/call.txt\""),
        ["DATA/sources.json:7: source file 'sources/../sources/call.txt' contains '..'; source files must be inside the dataset folder"]
    );
}

#[test]
fn links_out_of_the_folder_are_refused_wherever_they_are() {
    // A linked folder on the way to the source.
    let problems = problems_after(|c| {
        let outside = c.root.parent().expect("parent").join("elsewhere");
        fs::create_dir_all(&outside).expect("mkdir");
        fs::copy(c.root.join("sources/call.txt"), outside.join("call.txt")).expect("copy");
        fs::remove_dir_all(c.root.join("sources")).expect("rm");
        symlink(&outside, c.root.join("sources")).expect("symlink");
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("DATA/sources.json:7: source file 'sources/call.txt' leads outside the dataset folder (to "), "{problems:?}");
    // A link to a device.
    let problems = problems_after(|c| {
        fs::remove_file(c.root.join("sources/call.txt")).expect("rm");
        symlink("/dev/zero", c.root.join("sources/call.txt")).expect("symlink");
    });
    assert_eq!(
        problems,
        ["DATA/sources.json:7: source file 'sources/call.txt' leads outside the dataset folder (to /dev/zero); source files must be inside it"]
    );
    // The dataset's own files.
    let problems = problems_after(|c| {
        let outside = c.root.parent().expect("parent").join("events.jsonl");
        fs::rename(c.root.join("events.jsonl"), &outside).expect("move");
        symlink(&outside, c.root.join("events.jsonl")).expect("symlink");
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("DATA/events.jsonl: leads outside the dataset folder (to "),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with("); the dataset's files must be inside it"),
        "{problems:?}"
    );
    let problems = problems_after(|c| {
        fs::remove_file(c.root.join("actors.json")).expect("rm");
        symlink("/etc/passwd", c.root.join("actors.json")).expect("symlink");
    });
    assert_eq!(
        problems,
        ["DATA/actors.json: leads outside the dataset folder (to /etc/passwd); the dataset's files must be inside it"]
    );
}

#[test]
fn links_inside_the_folder_and_a_linked_dataset_folder_are_fine() {
    let copy = Copy::new();
    fs::rename(
        copy.root.join("sources/call.txt"),
        copy.root.join("call-original.txt"),
    )
    .expect("move");
    symlink("../call-original.txt", copy.root.join("sources/call.txt")).expect("symlink");
    assert_eq!(copy.problems(), Vec::<String>::new());
    let link = copy.root.parent().expect("parent").join("linked");
    symlink(&copy.root, &link).expect("symlink");
    assert!(chronicle::load::load(&chronicle::files::DatasetLocation::Folder(link)).is_ok());
}

#[test]
fn named_pipes_are_refused_without_waiting() {
    let mkfifo = |path: &std::path::Path| {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo");
        assert!(status.success());
    };
    let started = Instant::now();
    assert_eq!(
        problems_after(|c| {
            fs::remove_file(c.root.join("sources/call.txt")).expect("rm");
            mkfifo(&c.root.join("sources/call.txt"));
        }),
        ["DATA/sources.json:7: source file 'sources/call.txt' is not a regular file (a pipe, socket or device); it cannot be read as text"]
    );
    assert_eq!(
        problems_after(|c| {
            fs::remove_file(c.root.join("events.jsonl")).expect("rm");
            mkfifo(&c.root.join("events.jsonl"));
        }),
        ["DATA/events.jsonl: is not a regular file (a pipe, socket or device); it cannot be read as text"]
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}
