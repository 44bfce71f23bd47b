//! A real terminal for end-to-end tests: a tmux session driven by keys and read by screen
//! captures, shared by `tests/e2e_tmux.rs` and `tests/hostile/terminal.rs`.

// Each test crate that includes this file uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long a screen may take to show what a test waits for.
const PATIENCE: Duration = Duration::from_secs(15);

/// A 120x40 tmux session with its own state directory for chronicle, killed when dropped.
pub struct Tmux {
    pub session: String,
    pub state: tempfile::TempDir,
}

impl Tmux {
    /// A session running a plain bash prompt (`$ `) in `dir`.
    pub fn start(name: &str, dir: &str) -> Tmux {
        Tmux::start_with(
            name,
            dir,
            &[
                "env",
                "PS1=$ ",
                "TERM=xterm-256color",
                "bash",
                "--norc",
                "--noprofile",
            ],
        )
    }

    /// A session whose pane runs `command` (instead of a shell) in `dir`.
    pub fn start_with(name: &str, dir: &str, command: &[&str]) -> Tmux {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            available,
            "the end-to-end tests need tmux: install it (apt-get install -y tmux); .ci/run does"
        );
        let session = format!("chronicle-test-{name}-{}", std::process::id());
        let state = tempfile::tempdir().expect("temporary state directory");
        let state_var = format!("CHRONICLE_STATE_DIR={}", state.path().display());
        // Tests start sessions in parallel; when no tmux server runs yet, two first sessions
        // race to start one and one of them can fail. A second try finds the server up.
        let mut errors = String::new();
        for _ in 0..3 {
            let output = Command::new("tmux")
                .args(["new-session", "-d", "-x", "120", "-y", "40", "-s", &session])
                .args(["-c", dir, "env", &state_var])
                .args(command)
                .output()
                .expect("start tmux");
            if output.status.success() {
                return Tmux { session, state };
            }
            errors.push_str(&String::from_utf8_lossy(&output.stderr));
            sleep(Duration::from_millis(200));
        }
        panic!("tmux new-session failed: {errors}");
    }

    pub fn send(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    /// Types `text` literally, one key at a time, as a person would.
    pub fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.send(&["-l", &c.to_string()]);
            sleep(Duration::from_millis(40));
        }
    }

    /// A tmux format (`#{pane_pid}`, `#{pane_title}`...) evaluated for the pane.
    pub fn query(&self, format: &str) -> String {
        let output = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.session, format])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// The process id of the program running in the pane.
    pub fn pane_pid(&self) -> u32 {
        self.query("#{pane_pid}").parse().expect("a pane pid")
    }

    /// The pid of the program running under the pane's shell.
    pub fn child_pid(&self) -> String {
        let output = Command::new("pgrep")
            .args(["-P", &self.pane_pid().to_string()])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    pub fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready` (a capture may catch a frame half drawn), and
    /// fails showing the last screen when it does not in time.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    pub fn state_dir(&self) -> &Path {
        self.state.path()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .stderr(Stdio::null())
            .status();
    }
}
