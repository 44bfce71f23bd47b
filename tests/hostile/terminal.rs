//! The real binary in a real terminal (tmux) on hostile data and hostile signals: a dataset
//! full of escape sequences must not set the window title or clear the screen, and the
//! terminal comes back after SIGHUP and after Ctrl-Z and `fg`.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::common::hostile_dataset;

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
const SMALL: &str = crate::common::SMALL;

#[path = "../support/tmux.rs"]
mod tmux;

use tmux::Tmux;

/// A shell in tmux whose pane title is known, to see whether data changes it (tmux sets a
/// title of its own at start).
fn start(name: &str) -> Tmux {
    let tmux = Tmux::start(name, env!("CARGO_MANIFEST_DIR"));
    let _ = Command::new("tmux")
        .args(["select-pane", "-t", &tmux.session, "-T", "clean-title"])
        .status();
    tmux
}

#[test]
fn hostile_data_cannot_set_the_title_or_clear_the_screen() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = hostile_dataset(temp.path());
    let link = temp.path().join("hostile");
    std::os::unix::fs::symlink(&root, &link).expect("symlink");
    let tmux = start("escapes");
    tmux.send(&["echo MARKER-$((2+3))-BEFORE", "Enter"]);
    tmux.wait_for("the marker", |s| s.contains("MARKER-5-BEFORE"));
    tmux.send(&[
        &format!("{BIN} events {}; echo EVENTS-$((1+1))-DONE", link.display()),
        "Enter",
    ]);
    let screen = tmux.wait_for("the events", |s| s.contains("EVENTS-2-DONE"));
    // `\x1b[2J` would have wiped the marker; `\x1b]0;pwned` would have set the title.
    assert!(screen.contains("MARKER-5-BEFORE"), "{screen}");
    assert!(screen.contains("␛[2J"), "{screen}");
    tmux.send(&[
        &format!("{BIN} {}; echo EXITED=$?", link.display()),
        "Enter",
    ]);
    tmux.wait_for("the browser", |s| s.contains("Detail"));
    tmux.send(&["Tab", "Tab", "Enter"]);
    tmux.wait_for("the source view", |s| s.contains("Alpha ␛[2J"));
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    let title = tmux.query("#{pane_title}");
    assert_eq!(title, "clean-title");
    assert!(tmux.screen().contains("MARKER-5-BEFORE"));
    // The check can fail: the same bytes written raw do set the title.
    tmux.send(&["printf '\\033]0;pwned\\007'", "Enter"]);
    let start = Instant::now();
    while tmux.query("#{pane_title}") != "pwned" {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "raw OSC 0 did not set the title"
        );
        sleep(Duration::from_millis(100));
    }
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let tmux = start("sighup");
    tmux.send(&[&format!("{BIN} {SMALL}; echo EXITED=$?"), "Enter"]);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    let pid = tmux.child_pid();
    assert!(!pid.is_empty());
    assert!(Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .expect("kill")
        .success());
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=129"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}

#[test]
fn ctrl_z_hands_the_terminal_back_and_fg_takes_it_again() {
    let tmux = start("suspend");
    // One command, not a list: bash runs the rest of a list once the job stops.
    tmux.send(&[&format!("{BIN} {SMALL}"), "Enter"]);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    tmux.send(&["C-z"]);
    let screen = tmux.wait_for("the shell", |s| s.contains("Stopped"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
    // The shell has a normal terminal: what is typed is echoed.
    tmux.send(&["echo typed-$((40+2))", "Enter"]);
    tmux.wait_for("the echo", |s| s.contains("typed-42"));
    tmux.send(&["fg", "Enter"]);
    tmux.wait_for("the browser again", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    tmux.send(&["j"]);
    tmux.send(&["q"]);
    tmux.wait_for("the shell", |s| s.trim_end().ends_with('$'));
    tmux.send(&["echo EXITED=$?", "Enter"]);
    tmux.wait_for("the exit status", |s| s.contains("EXITED=0"));
}
