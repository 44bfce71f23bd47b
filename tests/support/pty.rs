//! A real terminal for end-to-end tests, needing no program that cargo does not build: the
//! binary runs on a pseudo-terminal this process owns, and the `vt100` crate reads what it
//! draws (text, colours, attributes, title, screen modes) as a terminal emulator would.
//! Shared by `tests/e2e.rs` and `tests/hostile/terminal.rs`.

// Each test crate that includes this file uses only part of it.
#![allow(dead_code)]

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::libc;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::pty::{posix_openpt, ptsname_r, unlockpt};
use nix::sys::signal::{kill, sigprocmask, SigSet, SigmaskHow, Signal};
use nix::sys::termios::{tcgetattr, LocalFlags};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, getpid, pipe2, setpgid, setsid, tcsetpgrp, ForkResult, Pid};

pub use vt100::Color;

pub const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How long a screen or a process may take to do what a test waits for. Generous, as the
/// tests share two busy cores; every wait ends as soon as its condition holds.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The colours ratatui's names become on the terminal (crossterm's SGR codes).
pub const RED: Color = Color::Idx(1);
pub const YELLOW: Color = Color::Idx(3);
pub const BLUE: Color = Color::Idx(4);
pub const CYAN: Color = Color::Idx(6);
pub const DARK_GRAY: Color = Color::Idx(8);
pub const WHITE: Color = Color::Idx(15);

/// A key as a terminal sends it (xterm's sequences, which crossterm reads).
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Enter,
    /// A key sent right after Escape in the same read would be taken as Alt+key: wait for
    /// the screen to show the Escape's effect before the next key.
    Escape,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// Control and a letter (`Ctrl('z')`).
    Ctrl(char),
}

impl Key {
    fn bytes(self) -> Vec<u8> {
        let text: &[u8] = match self {
            Key::Enter => b"\r",
            Key::Escape => b"\x1b",
            Key::Tab => b"\t",
            Key::BackTab => b"\x1b[Z",
            Key::Backspace => b"\x7f",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Right => b"\x1b[C",
            Key::Left => b"\x1b[D",
            Key::Home => b"\x1b[H",
            Key::End => b"\x1b[F",
            Key::PageUp => b"\x1b[5~",
            Key::PageDown => b"\x1b[6~",
            Key::Ctrl(c) => {
                assert!(c.is_ascii_alphabetic(), "Ctrl with {c:?}");
                return vec![c.to_ascii_lowercase() as u8 & 0x1f];
            }
        };
        text.to_vec()
    }
}

/// What the emulator saw besides the screen: window titles and clipboard writes asked for,
/// and the answers to queries that it owes the program.
#[derive(Default, Clone)]
struct Requests {
    titles: Vec<String>,
    clipboard: Vec<String>,
    answers: Vec<u8>,
}

impl vt100::Callbacks for Requests {
    /// Answers "where is the cursor?" (CSI 6 n), as terminals do: ratatui asks it to clear
    /// the screen, and waits for the answer.
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if (i1, i2, params, c) == (None, None, &[&[6u16][..]][..], 'n') {
            let (row, col) = screen.cursor_position();
            let answer = format!("\x1b[{};{}R", row + 1, col + 1);
            self.answers.extend_from_slice(answer.as_bytes());
        }
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard
            .push(String::from_utf8_lossy(&base64_decode(data)).into_owned());
    }
}

fn base64_decode(data: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut bits, mut count) = (0u32, 0);
    for byte in data.iter().take_while(|&&b| b != b'=') {
        let value = ALPHABET
            .iter()
            .position(|a| a == byte)
            .expect("OSC 52 data is base64");
        bits = bits << 6 | value as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

/// The style of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub fg: Color,
    pub bg: Color,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
}

/// One look at the terminal: its text and cells, and what it had been asked besides.
pub struct Screen {
    vt: vt100::Screen,
    requests: Requests,
    /// Each row's text, and the column each of its chars starts at (wide chars take two).
    rows: Vec<(String, Vec<u16>)>,
    text: String,
}

impl Screen {
    fn new(vt: &vt100::Screen, requests: &Requests) -> Screen {
        let (height, width) = vt.size();
        let rows: Vec<(String, Vec<u16>)> = (0..height.get())
            .map(|row| {
                let mut text = String::new();
                let mut columns = Vec::new();
                for col in 0..width.get() {
                    let Some(cell) = vt.cell(row, col) else {
                        continue;
                    };
                    if cell.is_wide_continuation() {
                        continue;
                    }
                    let contents = if cell.has_contents() {
                        cell.contents()
                    } else {
                        " "
                    };
                    for _ in contents.chars() {
                        columns.push(col);
                    }
                    text.push_str(contents);
                }
                (text, columns)
            })
            .collect();
        let text = rows
            .iter()
            .map(|(text, _)| text.trim_end())
            .collect::<Vec<_>>()
            .join("\n");
        Screen {
            vt: vt.clone(),
            requests: requests.clone(),
            rows,
            text,
        }
    }

    /// The rows, each without its trailing blanks, joined by newlines.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn contains(&self, text: &str) -> bool {
        self.text.contains(text)
    }

    /// Where `text` first shows: (row, column), counting from 0.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        self.rows
            .iter()
            .enumerate()
            .find_map(|(row, (line, columns))| {
                let byte = line.find(text)?;
                let nth = line[..byte].chars().count();
                Some((u16::try_from(row).ok()?, columns[nth]))
            })
    }

    /// What the cell at (row, column) shows: "" for the right half of a wide character.
    pub fn cell_text(&self, row: u16, col: u16) -> String {
        self.vt
            .cell(row, col)
            .map(|cell| cell.contents().to_string())
            .unwrap_or_default()
    }

    pub fn style_at(&self, row: u16, col: u16) -> Style {
        let cell = self
            .vt
            .cell(row, col)
            .unwrap_or_else(|| panic!("no cell at row {row}, column {col}"));
        Style {
            fg: cell.fgcolor(),
            bg: cell.bgcolor(),
            bold: cell.bold(),
            italic: cell.italic(),
            underline: cell.underline(),
            inverse: cell.inverse(),
        }
    }

    /// The style of each char of `text` where it first shows; fails when it does not.
    pub fn styles_of(&self, text: &str) -> Vec<Style> {
        let (row, col) = self
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{}", self.text));
        let columns = &self.rows[usize::from(row)].1;
        let first = columns
            .iter()
            .position(|&c| c == col)
            .expect("a found text starts at a char");
        columns[first..first + text.chars().count()]
            .iter()
            .map(|&c| self.style_at(row, c))
            .collect()
    }

    /// The style of the first char of `text` where it first shows.
    pub fn style_of(&self, text: &str) -> Style {
        self.styles_of(text)[0]
    }

    pub fn alternate_screen(&self) -> bool {
        self.vt.alternate_screen()
    }

    pub fn mouse_reporting(&self) -> bool {
        self.vt.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    pub fn cursor_hidden(&self) -> bool {
        self.vt.hide_cursor()
    }

    /// Every window title the terminal was asked to show, in order.
    pub fn titles(&self) -> &[String] {
        &self.requests.titles
    }

    /// Every text the terminal was asked to put on the clipboard (OSC 52), decoded.
    pub fn clipboard(&self) -> &[String] {
        &self.requests.clipboard
    }
}

/// `bytes` as a fresh 120x40 terminal shows them (to check that a check can fail).
pub fn emulate(bytes: &[u8]) -> Screen {
    let mut parser =
        vt100::Parser::new_with_callbacks(cells(40), cells(120), 0, Requests::default());
    parser.process(bytes);
    Screen::new(parser.screen(), parser.callbacks())
}

/// How to start the binary on a terminal. By default it runs as the terminal's controlling
/// process, 120x40, in the repository's folder, with TERM and its own temporary state
/// directory and nothing else from the environment (so no DISPLAY: copies go through OSC 52).
pub struct Spawn {
    args: Vec<String>,
    cols: u16,
    rows: u16,
    env: Vec<(String, String)>,
    cwd: PathBuf,
    under_a_shell: bool,
    before: Vec<u8>,
    state: State,
}

enum State {
    Own(tempfile::TempDir),
    Given(PathBuf),
}

impl Spawn {
    pub fn new(args: &[&str]) -> Spawn {
        Spawn {
            args: args.iter().map(|a| a.to_string()).collect(),
            cols: 120,
            rows: 40,
            env: Vec::new(),
            cwd: PathBuf::from(ROOT),
            under_a_shell: false,
            before: Vec::new(),
            state: State::Own(tempfile::tempdir().expect("temporary state directory")),
        }
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Spawn {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn env(mut self, name: &str, value: &str) -> Spawn {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    pub fn cwd(mut self, dir: &Path) -> Spawn {
        self.cwd = dir.to_path_buf();
        self
    }

    /// Use `dir` as the state directory (one another run used, say) instead of a fresh one.
    pub fn state_dir(mut self, dir: &Path) -> Spawn {
        self.state = State::Given(dir.to_path_buf());
        self
    }

    /// Run the binary as a shell runs a job: in its own process group, in the foreground of
    /// the terminal, under a parent in the same session that waits for it and exits with its
    /// status. Needed for Ctrl-Z: a process whose group has no such parent (an orphaned
    /// group, as the terminal's controlling process is) is never stopped by SIGTSTP.
    pub fn under_a_shell(mut self) -> Spawn {
        self.under_a_shell = true;
        self
    }

    /// What the terminal shows (or was asked) before the binary starts.
    pub fn screen_before(mut self, bytes: &[u8]) -> Spawn {
        self.before = bytes.to_vec();
        self
    }

    pub fn start(self) -> Term {
        // O_CLOEXEC on both ends: a process that another test starts meanwhile must not keep
        // this terminal open (closing it would then hang nothing up).
        let master = posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)
            .expect("open a pseudo-terminal");
        unlockpt(&master).expect("unlockpt");
        let slave_path = ptsname_r(&master).expect("ptsname");
        let master = File::from(OwnedFd::from(master));
        set_window_size(&master, self.cols, self.rows);
        let slave = OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&slave_path)
            .expect("open the terminal's slave side");

        let state_dir = match &self.state {
            State::Own(dir) => dir.path().to_path_buf(),
            State::Given(dir) => dir.clone(),
        };
        let mut command = Command::new(BIN);
        command
            .args(&self.args)
            .current_dir(&self.cwd)
            .env_clear()
            .env("TERM", "xterm-256color")
            .env("CHRONICLE_STATE_DIR", &state_dir)
            // The cache of loaded datasets under target/, never the real ~/.cache.
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
            )
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(slave.try_clone().expect("dup the slave"))
            .stdout(slave.try_clone().expect("dup the slave"))
            .stderr(slave);
        let (pid_reader, pid_writer) = pipe2(OFlag::O_CLOEXEC).expect("a pipe");
        let shell = self.under_a_shell;
        let pid_fd = pid_writer.as_raw_fd();
        // SAFETY: `in_the_child` makes only async-signal-safe calls and does not allocate.
        unsafe {
            command.pre_exec(move || in_the_child(shell, pid_fd));
        }
        let child = command.spawn().expect("start chronicle");
        // Our copies of the slave side and of the pipe's writing end go; the child keeps its own.
        drop(command);
        drop(pid_writer);
        let child_pid = i32::try_from(child.id()).expect("a pid");
        let pid = if shell {
            let mut bytes = [0u8; 4];
            File::from(pid_reader)
                .read_exact(&mut bytes)
                .expect("the job's pid from the shell");
            i32::from_ne_bytes(bytes)
        } else {
            child_pid
        };

        let mut parser = vt100::Parser::new_with_callbacks(
            cells(self.rows),
            cells(self.cols),
            0,
            Requests::default(),
        );
        parser.process(&self.before);
        let shared = Arc::new(Shared {
            seen: Mutex::new(Seen {
                parser,
                status: None,
                output_ended: false,
            }),
            changed: Condvar::new(),
        });
        let stop_reading = Arc::new(AtomicBool::new(false));
        let reader = {
            let master = master.try_clone().expect("dup the master");
            let shared = Arc::clone(&shared);
            let stop = Arc::clone(&stop_reading);
            thread::spawn(move || read_output(master, &shared, &stop))
        };
        let waiter = {
            let shared = Arc::clone(&shared);
            let mut child = child;
            thread::spawn(move || {
                let status = child.wait().expect("wait for the child");
                shared.lock().status = Some(status);
                shared.changed.notify_all();
            })
        };
        Term {
            shared,
            master: Some(master),
            reader: Some(reader),
            stop_reading,
            waiter: Some(waiter),
            pid: Pid::from_raw(pid),
            child_pid: Pid::from_raw(child_pid),
            state_dir,
            _state: self.state,
        }
    }
}

fn cells(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal is at least one cell wide and high")
}

fn set_window_size(master: &File, cols: u16, rows: u16) {
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one winsize from the pointer, which outlives the call.
    let done = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    assert_eq!(done, 0, "TIOCSWINSZ: {}", io::Error::last_os_error());
}

/// Between fork and exec: make the terminal (already on 0, 1 and 2) the controlling terminal
/// of a new session; `under_a_shell`, fork once more and act as that session's shell.
fn in_the_child(under_a_shell: bool, pid_pipe: RawFd) -> io::Result<()> {
    setsid()?;
    // SAFETY: TIOCSCTTY takes an integer argument; 0 is standard input, the terminal.
    if unsafe { libc::ioctl(0, libc::TIOCSCTTY, 0) } == -1 {
        return Err(io::Error::last_os_error());
    }
    if !under_a_shell {
        return Ok(());
    }
    // SAFETY: this process has one thread (it was just forked), so forking it again is sound.
    match unsafe { fork() }? {
        ForkResult::Child => {
            // The job: its own group, put in the terminal's foreground (which a background
            // group may do only with SIGTTOU blocked), then exec.
            setpgid(Pid::from_raw(0), Pid::from_raw(0))?;
            let mut ttou = SigSet::empty();
            ttou.add(Signal::SIGTTOU);
            let mut before = SigSet::empty();
            sigprocmask(SigmaskHow::SIG_BLOCK, Some(&ttou), Some(&mut before))?;
            // SAFETY: descriptor 0 is open (the terminal) for the whole call.
            let terminal = unsafe { BorrowedFd::borrow_raw(0) };
            tcsetpgrp(terminal, getpid())?;
            sigprocmask(SigmaskHow::SIG_SETMASK, Some(&before), None)?;
            Ok(())
        }
        ForkResult::Parent { child } => {
            let bytes = child.as_raw().to_ne_bytes();
            // SAFETY: writes 4 bytes from a live buffer; close_range and close take integers.
            unsafe {
                libc::write(pid_pipe, bytes.as_ptr().cast(), bytes.len());
                // Among these is std's pipe for exec errors: the test's spawn returns only
                // when every copy of it is closed. (close_range is Linux 5.9 and later.)
                if libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) != 0 {
                    for fd in 3..1024 {
                        libc::close(fd);
                    }
                }
            }
            relay_the_exit_of(child)
        }
    }
}

/// The shell's part: wait for the job and end as it ended.
fn relay_the_exit_of(job: Pid) -> ! {
    loop {
        match waitpid(job, None) {
            // SAFETY: _exit, signal, kill and getpid are async-signal-safe.
            Ok(WaitStatus::Exited(_, code)) => unsafe { libc::_exit(code) },
            Ok(WaitStatus::Signaled(_, signal, _)) => unsafe {
                let signal = signal as i32;
                libc::signal(signal, libc::SIG_DFL);
                libc::kill(libc::getpid(), signal);
                libc::_exit(128 + signal)
            },
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => unsafe { libc::_exit(127) },
        }
    }
}

struct Shared {
    seen: Mutex<Seen>,
    changed: Condvar,
}

impl Shared {
    /// A test that failed while holding the lock must not hide its message behind a poison.
    fn lock(&self) -> MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct Seen {
    parser: vt100::Parser<Requests>,
    status: Option<ExitStatus>,
    /// No process has the terminal open any more, and everything written was read.
    output_ended: bool,
}

/// Drains the terminal into the emulator as the child writes (a full terminal buffer would
/// block it), and answers its queries, until every process has closed it or the test closes
/// it.
fn read_output(mut master: File, shared: &Shared, stop: &AtomicBool) {
    let mut buffer = [0u8; 16 * 1024];
    while !stop.load(Ordering::SeqCst) {
        // Wakes now and then to see whether the test is closing the terminal.
        let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(100u16)) {
            Ok(0) | Err(Errno::EINTR) => continue,
            Ok(_) => {}
            Err(_) => break,
        }
        match master.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                let answers = {
                    let mut seen = shared.lock();
                    seen.parser.process(&buffer[..n]);
                    std::mem::take(&mut seen.parser.callbacks_mut().answers)
                };
                shared.changed.notify_all();
                // A program that waits for an answer may be gone already.
                let _ = master.write_all(&answers);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // EIO: the last process holding the slave side closed it.
            Err(_) => break,
        }
    }
    shared.lock().output_ended = true;
    shared.changed.notify_all();
}

/// The binary running on a terminal; killed when dropped.
pub struct Term {
    shared: Arc<Shared>,
    master: Option<File>,
    reader: Option<JoinHandle<()>>,
    stop_reading: Arc<AtomicBool>,
    waiter: Option<JoinHandle<()>>,
    pid: Pid,
    child_pid: Pid,
    state_dir: PathBuf,
    _state: State,
}

impl Term {
    /// The binary's process id.
    pub fn pid(&self) -> i32 {
        self.pid.as_raw()
    }

    pub fn state_dir(&self) -> &Path {
        &self.state_dir
    }

    fn write(&self, bytes: &[u8]) {
        let mut master = self.master.as_ref().expect("the terminal is open");
        master.write_all(bytes).expect("type on the terminal");
    }

    /// Types `text` as it is.
    pub fn type_text(&self, text: &str) {
        self.write(text.as_bytes());
    }

    /// Presses each key in turn (see `Key::Escape` about what may follow an Escape).
    pub fn press(&self, keys: &[Key]) {
        for key in keys {
            self.write(&key.bytes());
        }
    }

    pub fn screen(&self) -> Screen {
        let seen = self.shared.lock();
        Screen::new(seen.parser.screen(), seen.parser.callbacks())
    }

    /// Waits until the screen satisfies `ready` (a look may catch a frame half drawn), and
    /// fails showing the last screen when it does not in time.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&Screen) -> bool) -> Screen {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = self.shared.lock();
        loop {
            let screen = Screen::new(seen.parser.screen(), seen.parser.callbacks());
            if ready(&screen) {
                return screen;
            }
            let now = Instant::now();
            if now >= deadline {
                drop(seen);
                panic!(
                    "timed out after {PATIENCE:?} waiting for {what}; the screen was:\n{}",
                    screen.text
                );
            }
            seen = self
                .shared
                .changed
                .wait_timeout(seen, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Waits for the binary to end and its last output to be read; its exit status.
    pub fn wait_exit(&self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = self.shared.lock();
        loop {
            if let (Some(status), true) = (seen.status, seen.output_ended) {
                return status;
            }
            let now = Instant::now();
            if now >= deadline {
                let screen = Screen::new(seen.parser.screen(), seen.parser.callbacks());
                drop(seen);
                panic!(
                    "chronicle (pid {}) did not end within {PATIENCE:?}; the screen was:\n{}",
                    self.pid, screen.text
                );
            }
            seen = self
                .shared
                .changed
                .wait_timeout(seen, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Resizes the terminal; the kernel tells the foreground process with SIGWINCH.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.shared.lock().parser.set_size(cells(rows), cells(cols));
        set_window_size(
            self.master.as_ref().expect("the terminal is open"),
            cols,
            rows,
        );
    }

    pub fn signal(&self, signal: Signal) {
        kill(self.pid, signal).expect("signal chronicle");
    }

    /// Whether the terminal is in raw mode: no line editing or no echo of what is typed.
    pub fn raw_mode(&self) -> bool {
        // On Linux the master side reports the settings of the slave side, the program's.
        let termios =
            tcgetattr(self.master.as_ref().expect("the terminal is open")).expect("tcgetattr");
        !termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// The process state letter from /proc (R, S, T for stopped, Z...), None once it is gone.
    pub fn process_state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        // The name in parentheses may hold anything: the state follows the last ')'.
        stat[stat.rfind(')')? + 1..].trim_start().chars().next()
    }

    /// Waits until the binary's process is in `state` (see `process_state`).
    pub fn wait_for_state(&self, what: &str, state: Option<char>) {
        let start = Instant::now();
        while self.process_state() != state {
            assert!(
                start.elapsed() < PATIENCE,
                "chronicle (pid {}) was not {what} within {PATIENCE:?}: state {:?}",
                self.pid,
                self.process_state()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Closes the terminal, as closing a window or an ssh session does: the kernel hangs it up
    /// and sends SIGHUP to its controlling process.
    pub fn close_terminal(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.master = None;
    }

    /// Fails unless the terminal is as the binary found it: main screen, cooked mode, cursor
    /// shown, no mouse reporting.
    pub fn assert_restored(&self) {
        let screen = self.screen();
        assert!(
            !screen.alternate_screen(),
            "the alternate screen was left on:\n{}",
            screen.text()
        );
        assert!(!screen.mouse_reporting(), "mouse reporting was left on");
        assert!(!screen.cursor_hidden(), "the cursor was left hidden");
        assert!(!self.raw_mode(), "the terminal was left in raw mode");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.shared.lock().status.is_none() {
            let _ = kill(self.pid, Signal::SIGKILL);
            let _ = kill(self.child_pid, Signal::SIGKILL);
        }
        if let Some(waiter) = self.waiter.take() {
            let _ = waiter.join();
        }
        self.close_terminal();
    }
}
