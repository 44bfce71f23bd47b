//! Times `chronicle draft` on the Wikinews corpus_1 articles joined into texts of growing size
//! (1×, 4×, 8×, 16×, 40× the corpus), printing milliseconds per KB at each size: a figure that
//! stays flat as the text grows says drafting is linear. `cargo run --release --example
//! draft_speed [-- DIR]`, DIR holding corpus_1/articles (by default the copy under
//! /work/shared/external-data/wikinews-timeline).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chronicle::commands::draft::{draft_text, time_expressions};
use chrono::NaiveDate;

const DEFAULT_DIR: &str = "/work/shared/external-data/wikinews-timeline";

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or(DEFAULT_DIR.into()));
    let corpus = match load(&dir.join("corpus_1/articles")) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("draft_speed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(published) = NaiveDate::from_ymd_opt(2009, 12, 31) else {
        return ExitCode::FAILURE;
    };
    for copies in [1, 4, 8, 16, 40] {
        let text = vec![corpus.as_str(); copies].join("\n");
        let times = time_expressions(&text, published);
        let started = Instant::now();
        let drafts = match draft_text(&text, Path::new("corpus.txt"), published, &times, None) {
            Ok(drafts) => drafts,
            Err(_) => {
                eprintln!("draft_speed: drafting failed");
                return ExitCode::FAILURE;
            }
        };
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let kb = text.len() as f64 / 1024.0;
        println!(
            "{kb:8.0} KB  {:6} drafts  draft {ms:9.1} ms  {:.3} ms per KB",
            drafts.len(),
            ms / kb
        );
    }
    ExitCode::SUCCESS
}

/// The articles of `dir`, in name order, one after another.
fn load(dir: &Path) -> Result<String, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for path in &paths {
        texts.push(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    if texts.is_empty() {
        return Err(format!("{}: no articles", dir.display()));
    }
    Ok(texts.join("\n"))
}
