//! The time scorer on a gold set made for it (tests/fixtures/times_gold_selftest), and on
//! broken gold files.

use std::path::Path;

use chronicle::times::find_times;
use chronicle::times::score::{read_gold, score};

#[test]
fn the_selftest_gold_set_counts_as_its_readme_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/times_gold_selftest");
    let set = read_gold(&dir).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert!(set.unscored.is_empty());
    let result = score(&set, find_times);
    assert_eq!(
        (
            result.documents,
            result.gold_dates,
            result.found,
            result.right,
            result.right_strict,
            result.reports,
            result.reports_on_annotations,
        ),
        (2, 7, 6, 5, 4, 7, 6)
    );
    let errors: Vec<String> = result.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "alpha [84, 99) \"early next year\": gold 2022-01/2022-04, reported 2022-01/2022-04~",
            "beta [99, 106) \"2010-11\": gold 2010-11, reported 2010/2011",
            "beta [125, 131) \"7/8/07\": missed, gold 2007-07-08",
            "beta [178, 182) \"1999\": reported 1999 on no date",
        ]
    );
    assert_eq!(
        result.to_string(),
        "2 articles, 7 gold dates, 7 reports\n\
         recall, relaxed (same earliest and latest instants): 5/7 = 71.4%\n\
         recall, strict (qualifiers ~ ? too):                  4/7 = 57.1%\n\
         found (some report overlaps the gold date):          6/7 = 85.7%\n\
         precision (reports on a date, vague or time span):   6/7 = 85.7%\n"
    );
}

#[test]
fn broken_gold_lines_are_all_listed_with_their_line() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir(dir.join("articles")).expect("mkdir");
    std::fs::write(dir.join("articles/a.txt"), "It rained in 2008 and 2009.").expect("write");
    std::fs::write(dir.join("articles/lone.txt"), "No gold here.").expect("write");
    let lines = [
        r#"{"doc":"a","published":"2021-12-14","start":13,"end":17,"text":"2008","kind":"date","value":"2008"}"#,
        r#"{"doc":"a","published":"2021-12-14","start":13,"end":17,"text":"2009","kind":"date","value":"2009"}"#,
        r#"{"doc":"a","published":"2021-12-15","start":22,"end":26,"text":"2009","kind":"date","value":"2009"}"#,
        r#"{"doc":"a","published":"2021-12-14","start":22,"end":26,"text":"2009","kind":"date","value":"2009-13"}"#,
        r#"{"doc":"a","published":"2021-12-14","start":22,"end":26,"text":"2009","kind":"era","value":null}"#,
        r#"{"doc":"b","published":"2021-12-14","start":0,"end":1,"text":"x","kind":"vague","value":null}"#,
        r#"{"doc":"a","published":"2021-12-14","start":22,"end":26,"text":"2009","kind":"date"}"#,
        r#"{"doc":"a","published":"2021-12-14","start":22,"end":26,"text":"2009","kind":"date","value":"2009","note":"x"}"#,
    ];
    std::fs::write(dir.join("gold.jsonl"), lines.join("\n")).expect("write");
    let problems = read_gold(dir).expect_err("broken gold");
    let gold = dir.join("gold.jsonl").display().to_string();
    let expected_starts = [
        format!("{gold}:2: bytes [13, 17) of 'a' are \"2008\", not the text \"2009\""),
        format!("{gold}:3: published 2021-12-15 differs from 2021-12-14"),
        format!("{gold}:4: value '2009-13': month 13"),
        format!("{gold}:5: kind 'era' is not one of date, vague, duration, set, time"),
        format!("{gold}:6: article 'b': "),
        format!("{gold}:7: missing field `value` (null for kinds other than date)"),
        format!("{gold}:8: unknown field `note`"),
    ];
    assert_eq!(problems.len(), expected_starts.len(), "{problems:#?}");
    for (problem, start) in problems.iter().zip(&expected_starts) {
        assert!(
            problem.starts_with(start.as_str()),
            "{problem}\n  wanted {start}"
        );
    }
    // The article without gold lines is named, not silently dropped.
    std::fs::write(dir.join("gold.jsonl"), lines[0]).expect("write");
    let set = read_gold(dir).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(set.unscored, ["lone"]);
    assert_eq!(score(&set, find_times).reports, 2);
}

/// The held-out gold set (tests/fixtures/times_gold: 57 Wikinews articles annotated by hand,
/// never read while the rules were written) against the targets of the drafting issue: at least
/// 80% of calendar dates found with the right value, at least 85% of reports real time
/// expressions. `cargo run --release --example times_score -- tests/fixtures/times_gold --list`
/// lists every miss.
#[test]
fn the_held_out_gold_set_meets_the_targets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/times_gold");
    let set = read_gold(&dir).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let result = score(&set, find_times);
    println!("{result}");
    assert!(result.gold_dates >= 200, "{result}");
    assert!(
        result.right * 100 >= result.gold_dates * 80,
        "recall of right values under 80%:\n{result}"
    );
    assert!(
        result.reports_on_annotations * 100 >= result.reports * 85,
        "precision under 85%:\n{result}"
    );
}
