//! Carrying out what `App::update` asked for: saving marks, writing exports, copying to the
//! clipboard. Each says how it went, for the status line.

use std::io::{self, stdout, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::adding::Author;
use crate::app::{Action, App, Effect};
use crate::clipboard;
use crate::commands;
use crate::export;
use crate::files::DatasetLocation;
use crate::state::MarkStore;
use crate::write::{self, WriteError};

/// What carrying out an effect needs besides the app.
pub(super) struct Context<'a> {
    /// The dataset's place, which exports stay out of.
    pub location: &'a DatasetLocation,
    /// Where marks are kept, when there is somewhere.
    pub store: Option<&'a MarkStore>,
    /// What writes new events into the dataset.
    pub author: &'a mut Author,
}

/// Does what `update` asked for; what to tell it of how it went (a note for the status line,
/// or a refused export to correct).
pub(super) fn carry_out(app: &App, effect: Effect, cx: &mut Context) -> Action {
    let note = match effect {
        Effect::SaveMarks => match cx.store {
            Some(store) => match store.save(app.marks()) {
                Ok(()) => app.message().unwrap_or("Marks saved.").to_string(),
                Err(e) => format!("Marks not saved: {e}"),
            },
            None => {
                "Marks are not kept: there is no state directory (set HOME or CHRONICLE_STATE_DIR)."
                    .into()
            }
        },
        Effect::Export {
            path,
            format,
            events,
            order,
        } => {
            let text = export::render(app.timeline, &events, format, &app.dataset);
            match write_export(&path, text.as_bytes(), cx.location) {
                Ok(written) => format!(
                    "Exported {} to {}{}.",
                    commands::count(events.len(), "event", "events"),
                    written.display(),
                    order.map(|o| format!(", by {o}")).unwrap_or_default()
                ),
                Err(why) => {
                    return Action::ExportRefused {
                        path: path.to_string_lossy().into_owned(),
                        why: format!("Not exported: {why}"),
                    }
                }
            }
        }
        Effect::Copy { text, what } => copy(&text, &what),
        Effect::AddEvent(new) => return cx.author.write(new),
        Effect::OpenUrl(url) => open_url(&opener(), &url),
    };
    Action::Report(note)
}

/// Writes an export: relative paths are relative to the working directory, never inside the
/// dataset folder, never over an existing file.
fn write_export(path: &Path, bytes: &[u8], location: &DatasetLocation) -> Result<PathBuf, String> {
    let path = std::env::current_dir()
        .map_err(|e| format!("cannot tell the working directory: {e}"))?
        .join(path);
    let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    let dir = std::fs::canonicalize(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let Some(name) = path.file_name() else {
        return Err(format!("{} names no file", path.display()));
    };
    let path = dir.join(name);
    if let DatasetLocation::Folder(root) = location {
        if let Ok(root) = std::fs::canonicalize(root) {
            if dir.starts_with(&root) {
                return Err(format!(
                    "{} is inside the dataset folder; export somewhere else",
                    path.display()
                ));
            }
        }
    }
    // Refused by the rename itself when the file appears meanwhile, not only when it was there.
    write::create_new(&path, bytes).map_err(|e| match e {
        WriteError::Exists(path) => {
            format!("{} already exists; choose another name", path.display())
        }
        e => e.to_string(),
    })?;
    Ok(path)
}

/// The command that opens a web address: `CHRONICLE_OPENER` when set (a script in tests, or
/// a browser of one's choice), else the system's: `open` on macOS, `xdg-open` elsewhere.
fn opener() -> String {
    match std::env::var("CHRONICLE_OPENER") {
        Ok(command) if !command.trim().is_empty() => command,
        _ if cfg!(target_os = "macos") => "open".into(),
        _ => "xdg-open".into(),
    }
}

/// How long an opener may take to say it failed; one still running then (some wait for the
/// browser) is taken to have worked, and is left to finish on its own.
const OPENER_GRACE: std::time::Duration = std::time::Duration::from_millis(1500);

/// Runs `opener URL` detached from the terminal (no input, its output discarded, so that the
/// browser's messages do not draw over the screen); the note for the status line.
fn open_url(opener: &str, url: &str) -> String {
    let spawned = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => return format!("Not opened: cannot run {opener}: {e}. The URL: {url}"),
    };
    let started = std::time::Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return format!("Opened {url}"),
            Ok(Some(status)) => {
                return format!("Not opened: {opener} failed ({status}). The URL: {url}")
            }
            Ok(None) if started.elapsed() < OPENER_GRACE => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Ok(None) => {
                // Reaped when it ends, so that it does not linger as a zombie.
                std::thread::spawn(move || child.wait());
                return format!("Opening {url}");
            }
            Err(e) => return format!("Not opened: {e}. The URL: {url}"),
        }
    }
}

/// Puts text on the clipboard: `wl-copy` or `xclip` when there is a display for them, else
/// OSC 52 (base64 of the cleaned text), which most terminals and tmux pass to the clipboard.
fn copy(text: &str, what: &str) -> String {
    let tools: [(&str, &[&str], &str); 2] = [
        ("wl-copy", &[], "WAYLAND_DISPLAY"),
        ("xclip", &["-selection", "clipboard"], "DISPLAY"),
    ];
    for (tool, args, display) in tools {
        if std::env::var_os(display).is_none() {
            continue;
        }
        if pipe_to(tool, args, text).is_ok() {
            return format!("Copied {what} (with {tool}).");
        }
    }
    let mut out = stdout();
    match out
        .write_all(clipboard::osc52(text).as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => format!(
            "Copied {what} through the terminal (OSC 52); a terminal that does not allow it ignores it."
        ),
        Err(e) => format!("Not copied: {e}"),
    }
}

fn pipe_to(tool: &str, args: &[&str], text: &str) -> io::Result<()> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(clipboard::clean(text).as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("{tool} failed")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_opener_gets_the_url_and_a_failure_is_told() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let record = dir.path().join("opened.txt");
        let script = dir.path().join("opener.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
        let url = "https://example.com/a b?x=1&y='2'";
        let note = open_url(&script.display().to_string(), url);
        assert_eq!(note, format!("Opened {url}"));
        assert_eq!(std::fs::read_to_string(&record).ok().as_deref(), Some(url));

        let failing = dir.path().join("failing.sh");
        std::fs::write(&failing, "#!/bin/sh\nexit 3\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
        let note = open_url(&failing.display().to_string(), url);
        assert!(
            note.starts_with("Not opened: ") && note.ends_with(url),
            "{note}"
        );
        let missing = open_url("/no/such/opener", url);
        assert!(
            missing.starts_with("Not opened: cannot run /no/such/opener") && missing.ends_with(url),
            "{missing}"
        );
    }

    #[test]
    fn exports_never_go_into_the_dataset_folder_nor_over_a_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dataset = dir.path().join("dataset");
        std::fs::create_dir_all(dataset.join("sources")).unwrap_or_else(|e| panic!("{e}"));
        let location = DatasetLocation::Folder(dataset.clone());
        let inside = write_export(&dataset.join("sources/out.md"), b"x", &location);
        assert!(
            inside.is_err_and(|e| e.contains("inside the dataset folder")),
            "refused inside"
        );
        let out = dir.path().join("out.md");
        let written = write_export(&out, b"hello", &location).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&written).ok(), Some(b"hello".to_vec()));
        let again = write_export(&out, b"other", &location);
        assert!(again.is_err_and(|e| e.contains("already exists")));
        let nowhere = write_export(&dir.path().join("no/such/dir/out.md"), b"x", &location);
        assert!(nowhere.is_err());
    }
}
