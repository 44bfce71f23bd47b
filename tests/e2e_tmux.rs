//! End to end: the real binary in a real terminal (tmux), driven by keys as a person would,
//! asserting on what the screen shows.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A tmux session running a shell, killed when dropped.
struct Tmux {
    session: String,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        Tmux::start_with(
            name,
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

    /// Starts a session whose pane runs `command` instead of a shell.
    fn start_with(name: &str, command: &[&str]) -> Tmux {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            available,
            "the end-to-end test needs tmux: install it (apt-get install -y tmux); .ci/run does"
        );
        let session = format!("chronicle-e2e-{name}-{}", std::process::id());
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-x", "120", "-y", "40", "-s", &session])
            .args(["-c", ROOT])
            .args(command)
            .status()
            .expect("start tmux");
        assert!(status.success(), "tmux new-session failed");
        Tmux { session }
    }

    /// The process id of the program running in the pane.
    fn pane_pid(&self) -> u32 {
        let output = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.session, "#{pane_pid}"])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .expect("a pane pid")
    }

    fn send(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    /// Types `text` literally, one key at a time, as a person would.
    fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.send(&["-l", &c.to_string()]);
            sleep(Duration::from_millis(40));
        }
    }

    fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready`, failing with the last screen after 10 s.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

// Each step waits until the whole expected screen is there (a capture may catch a frame half
// drawn), and fails after 10 s showing the last screen.
#[test]
fn browse_search_filter_jump_to_source_and_back() {
    assert!(Path::new(BIN).exists());
    let tmux = Tmux::start("browse");
    tmux.send(&[&format!("{BIN} data; echo EXITED=$?"), "Enter"]);
    tmux.wait_for("the browser with all four panes", |s| {
        s.contains("Events · 22")
            && s.contains("Actors · 18")
            && s.contains("Quotes")
            && s.contains("Detail")
    });

    // `/` then `put`: Vladimir Putin is ranked first.
    tmux.send(&["/"]);
    tmux.type_text("put");
    let screen = tmux.wait_for("the ranking", |s| {
        s.contains("/put") && s.contains("Vladimir Putin")
    });
    let first_ranked = screen
        .lines()
        .skip(1)
        .find_map(|l| l.rsplit('┃').nth(1).filter(|cell| !cell.trim().is_empty()))
        .unwrap_or_default();
    assert!(
        first_ranked.contains("Vladimir Putin"),
        "Putin is not first:\n{screen}"
    );

    // Enter filters the timeline to Putin's events.
    tmux.send(&["Enter"]);
    tmux.wait_for("the filtered timeline", |s| {
        s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // Tab to the quotes pane, Enter opens the source at the cited sentence: the first of
    // Putin's events quotes the article's last sentence (24), about private contractors.
    tmux.send(&["Tab", "Tab"]);
    tmux.wait_for("focus on quotes", |s| s.contains("┏ [3] Quotes"));
    tmux.send(&["Enter"]);
    tmux.wait_for("the source view at sentence 24", |s| {
        s.contains("Source ·")
            && s.contains("sentence 24 of 24")
            && s.contains("private military contractors have the right")
    });

    // Esc returns to the browser, quotes pane focused, filter still on.
    tmux.send(&["Escape"]);
    tmux.wait_for("the way back", |s| {
        !s.contains("Source ·")
            && s.contains("┏ [3] Quotes")
            && s.contains("Events · Vladimir Putin · 12 of 22")
    });

    // `?` shows help; Esc closes it.
    tmux.send(&["?"]);
    tmux.wait_for("help", |s| s.contains("Keys") && s.contains("quit"));
    tmux.send(&["Escape"]);
    tmux.wait_for("help to close", |s| {
        !s.contains("Keys") && s.contains("Events ·")
    });

    // `q` quits, the terminal is restored and the shell prompt is back.
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| !stat.contains(") Z "))
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let tmux = Tmux::start("sigterm");
    tmux.send(&[&format!("{BIN} data; echo EXITED=$?"), "Enter"]);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 22") && s.contains("Detail")
    });
    let shell = tmux.pane_pid();
    let children = Command::new("pgrep")
        .args(["-P", &shell.to_string()])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!pid.is_empty(), "chronicle is not running under the shell");
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=143"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}

#[test]
fn a_closed_terminal_ends_the_browser() {
    let bin_and_data = [BIN, "data"];
    let tmux = Tmux::start_with("hangup", &bin_and_data);
    tmux.wait_for("the browser", |s| {
        s.contains("Events · 22") && s.contains("Detail")
    });
    let pid = tmux.pane_pid();
    assert!(alive(pid));
    // Closing the pane hangs up its terminal, as closing a window or an ssh session does.
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &tmux.session])
        .status();
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "chronicle (pid {pid}) kept running after its terminal closed"
        );
        sleep(Duration::from_millis(100));
    }
}
