//! The real binary on a real (pseudo-)terminal on hostile data and hostile signals: a dataset
//! full of escape sequences must not set the window title or clear the screen, and the
//! terminal comes back after SIGHUP and after Ctrl-Z and SIGCONT.

use nix::sys::signal::Signal;

use crate::common::{hostile_dataset, EVIL};

const SMALL: &str = crate::common::SMALL;

#[path = "../support/pty.rs"]
mod pty;

use pty::{emulate, Key, Screen, Spawn};

/// What the terminal showed before chronicle ran: a title of its own and a line of text, to
/// see whether chronicle's output changes or wipes them.
const BEFORE: &[u8] = b"\x1b]0;clean-title\x07MARKER-BEFORE\r\n";

fn untouched(screen: &Screen) {
    assert!(screen.contains("MARKER-BEFORE"), "{}", screen.text());
    assert_eq!(screen.titles(), ["clean-title"]);
}

#[test]
fn hostile_data_cannot_set_the_title_or_clear_the_screen() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = hostile_dataset(temp.path());
    let link = temp.path().join("hostile");
    std::os::unix::fs::symlink(&root, &link).expect("symlink");
    let link = link.display().to_string();

    // The text output, on a terminal.
    let events = Spawn::new(&["events", &link]).screen_before(BEFORE).start();
    let status = events.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    let screen = events.screen();
    // `\x1b[2J` would have wiped the marker; `\x1b]0;pwned` would have set the title.
    untouched(&screen);
    assert!(screen.contains("␛[2J"), "{}", screen.text());
    assert!(screen.contains("Title 1 ␛"), "{}", screen.text());
    assert!(screen.clipboard().is_empty(), "{:?}", screen.clipboard());

    // The browser, the source view included.
    let browser = Spawn::new(&[&link]).screen_before(BEFORE).start();
    browser.wait_for("the browser", |s| s.contains("Detail"));
    browser.press(&[Key::Tab, Key::Tab, Key::Enter]);
    browser.wait_for("the source view", |s| s.contains("Alpha ␛[2J"));
    browser.type_text("q");
    let status = browser.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    browser.assert_restored();
    let screen = browser.screen();
    untouched(&screen);
    assert!(screen.clipboard().is_empty(), "{:?}", screen.clipboard());

    // The check can fail: the same bytes written raw do set the title, wipe the marker and
    // reach the clipboard.
    let raw = emulate(&[BEFORE, EVIL.as_bytes()].concat());
    assert_eq!(raw.titles(), ["clean-title", "pwned"]);
    assert!(!raw.contains("MARKER-BEFORE"), "{}", raw.text());
    assert_eq!(raw.clipboard(), ["pwned"]);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let term = Spawn::new(&[SMALL]).start();
    term.wait_for("the browser", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    term.signal(Signal::SIGHUP);
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(129), "{status:?}");
    term.assert_restored();
    let screen = term.screen();
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{}",
        screen.text()
    );
}

#[test]
fn ctrl_z_hands_the_terminal_back_and_sigcont_takes_it_again() {
    // As a shell runs it: Ctrl-Z stops only a job whose process group has a parent in the
    // session (see `under_a_shell`).
    let term = Spawn::new(&[SMALL]).under_a_shell().start();
    term.wait_for("the browser", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    term.press(&[Key::Ctrl('z')]);
    term.wait_for_state("stopped", Some('T'));
    // It wrote everything before it stopped; the screen shows it once read. Leaving the
    // alternate screen is the last of it.
    let screen = term.wait_for("the main screen", |s| !s.alternate_screen());
    term.assert_restored();
    assert!(
        !screen.contains("Events ·"),
        "the browser was left on screen:\n{}",
        screen.text()
    );
    // The terminal is back to normal: what is typed is echoed. Ctrl-U (the line-kill
    // character) then takes it back, so that the browser does not read it as keys.
    term.type_text("typed-42");
    term.wait_for("the echo", |s| s.contains("typed-42"));
    term.press(&[Key::Ctrl('u')]);
    term.wait_for("the line killed", |s| !s.contains("typed-42"));

    // What `fg` does once the job has the terminal: SIGCONT. The browser draws itself again
    // and reads keys.
    term.signal(Signal::SIGCONT);
    let screen = term.wait_for("the browser again", |s| {
        s.contains("Events · 3") && s.contains("Detail")
    });
    assert!(screen.alternate_screen());
    assert!(term.raw_mode());
    term.type_text("?");
    term.wait_for("help", |s| s.contains("Keys") && s.contains("quit"));
    term.press(&[Key::Escape]);
    term.wait_for("help to close", |s| {
        !s.contains("Keys") && s.contains("Events ·")
    });
    term.type_text("jq");
    let status = term.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    term.assert_restored();
}
