//! The binary run as a command-line tool, as a person would from the repository's folder,
//! with its cache of loaded datasets under target/ (never the real ~/.cache).

// Each test crate that includes this file uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_chronicle");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `chronicle`, to be given arguments, run in the repository's folder.
pub fn chronicle() -> Command {
    let mut command = Command::new(BIN);
    command
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .current_dir(ROOT);
    command
}

/// Runs chronicle with `args` in the repository's folder.
pub fn run(args: &[&str]) -> Output {
    chronicle().args(args).output().expect("run chronicle")
}

/// Runs chronicle with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    chronicle()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run chronicle")
}

/// A file of tests/fixtures/import, as an argument.
pub fn import_fixture(name: &str) -> String {
    Path::new(ROOT)
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}
