//! `chronicle sentences FILE`: how a text splits, so authors can pick quotes.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{safe, write_json, Failure};
use crate::sentences::split_sentences;

#[derive(Serialize)]
struct SentenceLine<'a> {
    n: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Reads `file` (UTF-8; a byte order mark is passed over but counted in the offsets) and
/// prints its sentences as `run` does.
pub fn run_file(file: &Path, json: bool, out: &mut impl Write) -> Result<(), Failure> {
    let shown = file.display();
    let bytes =
        std::fs::read(file).map_err(|e| Failure::Usage(format!("{shown}: cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::Usage(format!(
            "{shown}: not valid UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let skipped = text.len() - body.len();
    Ok(run(body, skipped, json, out)?)
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
