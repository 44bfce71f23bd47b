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
            .args([
                "-c",
                ROOT,
                "env",
                "PS1=$ ",
                "TERM=xterm-256color",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status()
            .expect("start tmux");
        assert!(status.success(), "tmux new-session failed");
        Tmux { session }
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
            .status();
    }
}

/// The line of the screen that contains `needle`, for assertions about a row.
fn line_with<'a>(screen: &'a str, needle: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(needle))
}

#[test]
fn browse_search_filter_jump_to_source_and_back() {
    assert!(Path::new(BIN).exists());
    let tmux = Tmux::start("browse");
    tmux.send(&[&format!("{BIN} data; echo EXITED=$?"), "Enter"]);
    let screen = tmux.wait_for("the browser", |s| {
        s.contains("Events") && s.contains("Actors")
    });
    assert!(screen.contains("Quotes"), "{screen}");
    assert!(
        screen.contains("Putin and Johnson speak by phone") || screen.contains("2021"),
        "{screen}"
    );

    // `/` then `put`: Vladimir Putin is ranked first.
    tmux.send(&["/"]);
    tmux.type_text("put");
    let screen = tmux.wait_for("the ranking", |s| s.contains("Vladimir Putin"));
    let ranked_first = screen
        .lines()
        .position(|l| l.contains("Vladimir Putin"))
        .expect("Putin is listed");
    for other in ["Boris Johnson", "United Kingdom", "NATO"] {
        if let Some(at) = screen.lines().position(|l| l.contains(other)) {
            assert!(ranked_first <= at, "{other} ranked above Putin:\n{screen}");
        }
    }

    // Enter filters the timeline to Putin's events.
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the filter", |s| s.contains("Events · Vladimir Putin"));
    let title = line_with(&screen, "Events · Vladimir Putin").unwrap_or_default();
    assert!(title.contains(" of 22"), "{screen}");

    // Tab to the quotes pane, Enter opens the source at the cited sentence.
    tmux.send(&["Tab", "Tab"]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the source view", |s| s.contains("Source"));
    assert!(
        screen.contains("Russia wants immediate talks") || screen.contains("Putin"),
        "{screen}"
    );

    // Esc returns to the browser with the filter still on.
    tmux.send(&["Escape"]);
    let screen = tmux.wait_for("the way back", |s| s.contains("Events · Vladimir Putin"));
    assert!(screen.contains("Quotes"), "{screen}");

    // `?` shows help; Esc closes it.
    tmux.send(&["?"]);
    let screen = tmux.wait_for("help", |s| s.contains("Help") || s.contains("help"));
    assert!(screen.contains("quit"), "{screen}");
    tmux.send(&["Escape"]);

    // `q` quits, the terminal is restored and the shell prompt is back.
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the shell", |s| s.contains("EXITED=0"));
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{screen}"
    );
}
