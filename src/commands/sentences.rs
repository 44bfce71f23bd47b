//! `chronicle sentences FILE`: how a text splits, so authors can pick quotes.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{read_text, safe, write_json, Failure};
use crate::sentences::split_sentences;

#[derive(Serialize)]
struct SentenceLine<'a> {
    n: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Reads `file` and prints its sentences as `run` does.
pub fn run_file(file: &Path, json: bool, out: &mut impl Write) -> Result<(), Failure> {
    let (text, skipped) = read_text(file)?;
    Ok(run(&text, skipped, json, out)?)
}

/// Prints `[N] text` per sentence, white space folded; or JSON Lines with byte offsets into the
/// file, `skipped` being the bytes before `text` (a byte order mark).
pub fn run(text: &str, skipped: usize, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    for (i, span) in split_sentences(text).into_iter().enumerate() {
        let sentence = &text[span.clone()];
        if json {
            let line = SentenceLine {
                n: i + 1,
                start: skipped + span.start,
                end: skipped + span.end,
                text: sentence,
            };
            write_json(out, &line)?;
        } else {
            writeln!(out, "[{}] {}", i + 1, safe(&fold_space(sentence)))?;
        }
    }
    Ok(())
}

fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
