//! Scores the time tagger against a gold set in the format of notes/TIMES_SPEC.md:
//! `cargo run --release --example times_score -- DIR [--list]`, DIR holding `gold.jsonl` and
//! `articles/`. `--list` also prints every gold date missed or valued differently, and every
//! report on no date, vague or time annotation.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle::times::find_times;
use chronicle::times::score::{read_gold, score};

const USAGE: &str = "usage: times_score DIR [--list]   (DIR holds gold.jsonl and articles/)";

fn main() -> ExitCode {
    let mut dir = None;
    let mut list = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--list" => list = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("times_score: unexpected argument '{arg}'\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let set = match read_gold(&dir) {
        Ok(set) => set,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let noun = if problems.len() == 1 {
                "problem"
            } else {
                "problems"
            };
            eprintln!("{} {noun} in {}", problems.len(), dir.display());
            return ExitCode::FAILURE;
        }
    };
    for doc in &set.unscored {
        eprintln!("note: article '{doc}' has no gold lines (so no publication date): not scored");
    }
    let result = score(&set, find_times);
    print!("{result}");
    if list {
        for error in &result.errors {
            println!("{error}");
        }
    }
    ExitCode::SUCCESS
}
