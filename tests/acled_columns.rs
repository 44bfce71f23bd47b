//! Every ACLED column is kept or left out on purpose, through the real binary: each raw value
//! of the fixtures is found in the event `--json` prints, and a column chronicle does not know
//! is named in a note, not lost without a word.

use std::path::Path;

use serde_json::{json, Value};

#[path = "support/cli.rs"]
mod cli;
use cli::{run, ROOT};

const FIXTURES: [&str; 3] = [
    "tests/fixtures/import/acled.csv",
    "tests/fixtures/import/acled_2019.csv",
    "tests/fixtures/import/acled_odd_values.csv",
];

fn ok(args: &[&str]) -> (String, String) {
    let output = run(args);
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), err)
}

fn events(file: &str) -> Vec<Value> {
    ok(&["events", file, "--json"])
        .0
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

#[test]
fn geo_precision_admin3_iso_region_and_timestamp_are_kept() {
    let all = events(FIXTURES[0]);
    let day = all.iter().find(|e| e["id"] == "SDN1001").expect("SDN1001");
    let attributes = &day["attributes"];
    assert_eq!(attributes["geo_precision"], json!(1));
    assert_eq!(attributes["timestamp"], json!(1681776000));
    assert_eq!(attributes["admin3"], "Khartoum");
    assert_eq!(attributes["iso"], "729");
    assert_eq!(attributes["world_region"], "Northern Africa");
    // The older layout's iso3 too.
    let old = events(FIXTURES[1]);
    assert_eq!(old[0]["attributes"]["iso3"], "KEN");
}

/// Columns whose values are not in the event's own JSON: the actors' names are in actors.json
/// (the event lists their ids), and these two say what event_id_cnty says.
const ELSEWHERE: [&str; 6] = [
    "actor1",
    "actor2",
    "assoc_actor_1",
    "assoc_actor_2",
    "data_id",
    "event_id_no_cnty",
];

#[test]
fn every_raw_value_is_in_the_event_it_became() {
    for file in FIXTURES {
        let mut reader = csv::Reader::from_path(Path::new(ROOT).join(file)).expect("the fixture");
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_lowercase)
            .collect();
        let all = events(file);
        for row in reader.records() {
            let row = row.expect("a row");
            let id = &row[header
                .iter()
                .position(|h| h == "event_id_cnty")
                .expect("id")];
            let event = all
                .iter()
                .find(|e| e["id"] == id)
                .unwrap_or_else(|| panic!("{file}: no event {id}"));
            let text = event.to_string();
            for (name, value) in header.iter().zip(row.iter()) {
                let value = value.trim();
                if value.is_empty() || ELSEWHERE.contains(&name.as_str()) {
                    continue;
                }
                // As JSON writes it, without the quote marks around a string.
                let written = json!(value).to_string();
                let written = written.trim_matches('"');
                assert!(
                    text.contains(written),
                    "{file}: {id}: column {name} ({value}) is not in {text}"
                );
            }
        }
    }
}

#[test]
fn a_column_chronicle_does_not_know_is_named() {
    let temp = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(Path::new(ROOT).join(FIXTURES[0])).expect("fixture");
    let mut lines = text.lines();
    let mut out = format!("{},analyst_note\n", lines.next().expect("a header"));
    for line in lines {
        out.push_str(&format!("{line},checked\n"));
    }
    let path = temp.path().join("extra.csv");
    std::fs::write(&path, out).expect("write");
    let (_, err) = ok(&["check", &path.display().to_string()]);
    assert!(
        err.contains("column 'analyst_note' not kept: chronicle does not know it"),
        "{err}"
    );
}
