//! Who did what to whom, through the real binary: an actor with several parts in one event
//! keeps each of them in `--json`, CSV, `show` and a dataset written and read back.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

#[path = "support/cli.rs"]
mod cli;
use cli::run;

fn fixture(name: &str) -> String {
    cli::import_fixture(name)
}

/// Runs a command that must succeed and returns its standard output.
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The roles `events --json` gives the event `id` of `input`.
fn json_roles(input: &str, id: &str) -> Value {
    ok(&["events", input, "--json"])
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("each line is JSON"))
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))["roles"]
        .clone()
}

/// The `roles` cell of event `id` in `events --format csv`.
fn csv_roles(input: &str, id: &str) -> String {
    let csv = ok(&["events", input, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let at = reader
        .headers()
        .expect("a header")
        .iter()
        .position(|h| h == "roles")
        .expect("a roles column");
    reader
        .records()
        .map(|r| r.expect("a row"))
        .find(|r| &r[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))[at]
        .to_string()
}

/// The GDELT sample with its first row (Actor2 only: PRESIDENT) given PRESIDENT as Actor1 too.
fn gdelt_self_directed() -> (tempfile::TempDir, String) {
    let text = fs::read_to_string(fixture("gdelt2.export.CSV")).expect("the fixture");
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let mut fields: Vec<&str> = line.split('\t').collect();
        if n == 0 {
            fields[5] = "GOV";
            fields[6] = "PRESIDENT";
            fields[12] = "GOV";
        }
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let path = temp.path().join("self.export.CSV");
    fs::write(&path, out).expect("write");
    (temp, path.display().to_string())
}

#[test]
fn a_gdelt_actor_that_acts_upon_itself_is_source_and_target() {
    let (_temp, file) = gdelt_self_directed();
    assert_eq!(
        json_roles(&file, "410412347"),
        json!({"president": ["source", "target"]})
    );
    assert_eq!(csv_roles(&file, "410412347"), "source+target");
    let shown = ok(&["show", "410412347", &file]);
    assert!(
        shown.contains("PRESIDENT (president), source, target\n"),
        "{shown}"
    );
}

#[test]
fn an_acled_actor_named_twice_keeps_each_part() {
    let file = fixture("acled_roles.csv");
    // actor1 == actor2: an intra-group clash is not one-sided.
    assert_eq!(
        json_roles(&file, "SDN9001"),
        json!({"unidentified-armed-group-sudan": ["source", "target"]})
    );
    assert_eq!(csv_roles(&file, "SDN9001"), "source+target");
    // actor2 also named in assoc_actor_1: the title's target is still the target.
    let roles = json_roles(&file, "SDN9004");
    let civilians = roles["civilians-sudan"].as_array().expect("several roles");
    assert!(civilians.contains(&json!("target")), "{roles}");
    assert_eq!(roles["rapid-support-forces"], "source");
}

#[test]
fn several_roles_are_written_as_a_list_and_read_back_beside_single_ones() {
    let (_temp, file) = gdelt_self_directed();
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("ds").display().to_string();
    ok(&["import", &file, "-o", &dir]);
    let events = fs::read_to_string(Path::new(&dir).join("events.jsonl")).expect("events");
    assert!(
        events.contains("\"roles\":{\"president\":[\"source\",\"target\"]}"),
        "{events}"
    );
    // Written back, the dataset reads the same: a list and single strings both load.
    assert_eq!(
        json_roles(&dir, "410412347"),
        json!({"president": ["source", "target"]})
    );
    assert!(ok(&["check", &dir]).starts_with("7 events"));
}

#[test]
fn acled_associated_actors_keep_their_side() {
    let file = fixture("acled_roles.csv");
    // assoc_actor_1 stands with actor1 (the attackers), assoc_actor_2 with actor2 (the victims).
    assert_eq!(
        json_roles(&file, "SDN9005"),
        json!({
            "rapid-support-forces": "source",
            "arab-ethnic-militia-sudan": "associated-source",
            "rizeigat-ethnic-militia-sudan": "associated-source",
            "civilians-sudan": "target",
            "masalit-ethnic-group-sudan": "associated-target",
        })
    );
    assert_eq!(
        csv_roles(&file, "SDN9005"),
        "source; associated-source; associated-source; target; associated-target"
    );
    let shown = ok(&["show", "SDN9005", &file]);
    assert!(
        shown.contains(
            "Masalit Ethnic Group (Sudan) (masalit-ethnic-group-sudan), associated-target\n"
        ),
        "{shown}"
    );
    // Named beside the attackers and as the attacked: both parts, the side kept.
    assert_eq!(
        json_roles(&file, "SDN9004")["civilians-sudan"],
        json!(["target", "associated-source"])
    );
    // A dataset written before the side was kept says "associated": it still loads.
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("ds").display().to_string();
    ok(&["import", &file, "-o", &dir]);
    let events = Path::new(&dir).join("events.jsonl");
    let text = fs::read_to_string(&events).expect("events");
    fs::write(
        &events,
        text.replace("\"associated-target\"", "\"associated\""),
    )
    .expect("write");
    assert_eq!(
        json_roles(&dir, "SDN9005")["masalit-ethnic-group-sudan"],
        "associated"
    );
}

#[test]
fn markdown_gives_roles_and_text_attributes_and_every_export_writes_degrees_alike() {
    let file = fixture("acled_roles.csv");
    let markdown = ok(&["events", &file, "--format", "markdown"]);
    assert!(
        markdown.contains(
            "**Actors:** Rapid Support Forces (source), Arab Ethnic Militia (Sudan) \
             (associated-source), Rizeigat Ethnic Militia (Sudan) (associated-source), \
             Civilians (Sudan) (target), Masalit Ethnic Group (Sudan) (associated-target)"
        ),
        "{markdown}"
    );
    // The outlets, an ACLED event's only provenance, are text attributes.
    assert!(
        markdown.contains("**sources:** Radio Dabanga; Sudan Tribune"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**Coordinates:** 13.0, 25.0"),
        "{markdown}"
    );
    // CSV as JSON: 13.0, not 13.
    let csv = ok(&["events", &file, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let row = reader
        .records()
        .map(|r| r.expect("a row"))
        .find(|r| &r[0] == "SDN9006")
        .expect("SDN9006");
    let cell = |name: &str| row[header.iter().position(|h| h == name).expect(name)].to_string();
    assert_eq!((cell("lat"), cell("lon")), ("13.0".into(), "25.0".into()));
    let json = ok(&["events", &file, "--json"]);
    assert!(
        json.contains("\"coordinates\":{\"lat\":13.0,\"lon\":25.0}"),
        "{json}"
    );
}
