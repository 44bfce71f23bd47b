//! Times `find_times` over the Wikinews corpus_1 articles (real news, with their publication
//! dates): `cargo run --release --example times_speed [-- DIR]`, DIR being the folder holding
//! manifest.json and corpus_1/ (by default the copy under /work/shared/external-data).

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chronicle::times::find_times;
use chrono::NaiveDate;

const DEFAULT_DIR: &str = "/work/shared/external-data/wikinews-timeline";

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or(DEFAULT_DIR.into()));
    let articles = match load(&dir) {
        Ok(articles) => articles,
        Err(e) => {
            eprintln!("times_speed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = articles.iter().map(|(text, _)| text.len()).sum();
    let expressions: usize = articles
        .iter()
        .map(|(text, published)| find_times(text, *published).len())
        .sum();
    // Rounds until a second has passed, so the figure does not hang on one timer reading.
    let mut rounds = Vec::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1) || rounds.len() < 5 {
        let round = Instant::now();
        for (text, published) in &articles {
            black_box(find_times(black_box(text), *published));
        }
        rounds.push(round.elapsed());
    }
    rounds.sort();
    let kb = bytes as f64 / 1024.0;
    let per_kb = |d: Duration| d.as_secs_f64() * 1e6 / kb;
    println!(
        "{} articles, {:.1} KB, {expressions} expressions; find_times: {:.1} µs per KB \
         (median of {} rounds; fastest {:.1}, slowest {:.1})",
        articles.len(),
        kb,
        per_kb(rounds[rounds.len() / 2]),
        rounds.len(),
        per_kb(rounds[0]),
        per_kb(rounds[rounds.len() - 1]),
    );
    ExitCode::SUCCESS
}

/// The corpus_1 articles and their publication dates, from manifest.json.
fn load(dir: &std::path::Path) -> Result<Vec<(String, NaiveDate)>, String> {
    let manifest_path = dir.join("manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&manifest).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let mut articles = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if entry["corpus"].as_u64() != Some(1) {
            continue;
        }
        let at = format!("{} entry {}", manifest_path.display(), i + 1);
        let file = entry["file"]
            .as_str()
            .ok_or_else(|| format!("{at}: no \"file\""))?;
        let published = entry["published"]
            .as_str()
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
            .ok_or_else(|| format!("{at}: no \"published\" date as YYYY-MM-DD"))?;
        let path = dir.join(file);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        articles.push((text, published));
    }
    if articles.is_empty() {
        return Err(format!("{}: no corpus_1 articles", manifest_path.display()));
    }
    Ok(articles)
}
