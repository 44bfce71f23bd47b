//! Every input a fuzzer (`fuzz/`) found a bug with, kept in `tests/hostile/fuzz/TARGET/`, run
//! through the same checks as the fuzz target (`chronicle::fuzz_checks`), so the bug stays
//! fixed; and the inputs of the seed corpora, so the checks themselves are exercised here.

use std::fs;
use std::path::Path;

const FINDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/fuzz");

/// Runs `check` on every file of `tests/hostile/fuzz/{target}`; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(FINDS).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.expect("entry").path();
        let bytes = fs::read(&path).expect("read a fuzz find");
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails again", path.display());
        count += 1;
    }
    count
}

#[test]
fn fuzz_finds_stay_fixed() {
    let total: usize = [
        replay("date", chronicle::fuzz_checks::date),
        replay("sentences", chronicle::fuzz_checks::sentences),
        replay("quote", chronicle::fuzz_checks::quote),
        replay("load", chronicle::fuzz_checks::load),
    ]
    .iter()
    .sum();
    eprintln!("{total} fuzz finds replayed");
}

#[test]
fn the_fuzz_checks_pass_on_good_and_hostile_inputs() {
    let small =
        |name: &str| fs::read(Path::new(crate::common::SMALL).join(name)).expect("read fixture");
    let mut dataset = Vec::new();
    for name in [
        "sources.json",
        "actors.json",
        "events.jsonl",
        "sources/call.txt",
    ] {
        if !dataset.is_empty() {
            dataset.push(0x1e);
        }
        dataset.extend(small(name));
    }
    chronicle::fuzz_checks::load(&dataset);
    chronicle::fuzz_checks::load(b"");
    chronicle::fuzz_checks::load(b"\x1e\x1e\x1e\x1e[]");
    for date in [
        "2021-12-13T14:30+03:00",
        "0000-00-00",
        "/",
        "2021-12-13/",
        "\u{1b}",
    ] {
        chronicle::fuzz_checks::date(date.as_bytes());
    }
    chronicle::fuzz_checks::sentences(&small("sources/call.txt"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    chronicle::fuzz_checks::sentences(&fs::read(fixtures.join("seed_article.txt")).expect("seed"));
    let rules: Vec<serde_json::Value> = serde_json::from_slice(
        &fs::read(fixtures.join("sbd_golden_rules_en.json")).expect("golden rules"),
    )
    .expect("json");
    for rule in rules {
        let text = rule["text"].as_str().unwrap_or_default();
        chronicle::fuzz_checks::sentences(text.as_bytes());
        for quote in rule["sentences"].as_array().into_iter().flatten() {
            let quote = quote.as_str().unwrap_or_default();
            chronicle::fuzz_checks::quote(format!("{quote}\n{text}").as_bytes());
        }
    }
    chronicle::fuzz_checks::quote(
        "U.K.'s commitment\nHe emphasised U.K.\u{2019}s   commitment.".as_bytes(),
    );
    chronicle::fuzz_checks::quote(b"ab ab\nx ab ab ab. ab");
}
