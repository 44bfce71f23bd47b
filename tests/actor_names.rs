//! Actors that share a name (GDELT's ZIMBABWE coded ZWE, ZWEJUD and ZWEMIL), through the real
//! binary: `--actor` never quietly takes one for another, and every place a person reads a
//! clashing name tells them apart by code.

#[path = "support/cli.rs"]
mod cli;
use cli::run;

/// 100 GDELT 2.0 rows: ZIMBABWE as ZWE (8 events), ZWEJUD (2) and ZWEMIL (2).
const GDELT: &str = "tests/fixtures/import/gdelt2_100.export.CSV";

/// Standard output of a command that must succeed, and its standard error.
fn ok(args: &[&str]) -> (String, String) {
    let output = run(args);
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), err)
}

/// Standard error of a command that must fail.
fn refused(args: &[&str]) -> String {
    let output = run(args);
    assert_ne!(output.status.code(), Some(0), "{args:?} succeeded");
    assert!(output.stdout.is_empty(), "{args:?} printed data");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_name_several_actors_share_is_refused_with_each_of_them() {
    for args in [
        &["events", GDELT, "--actor", "ZIMBABWE"][..],
        &["stats", GDELT, "--by", "country", "--actor", "ZIMBABWE"],
    ] {
        let err = refused(args);
        assert!(
            err.contains(
                "chronicle: 'ZIMBABWE' names 3 actors; give one's id or its label:\n  \
                 ZIMBABWE (ZWE): id zimbabwe-2, 8 events\n"
            ),
            "{err}"
        );
        assert!(
            err.contains("  ZIMBABWE (ZWEJUD): id zimbabwe, 2 events\n"),
            "{err}"
        );
        assert!(
            err.contains("  ZIMBABWE (ZWEMIL): id zimbabwe-3, 2 events\n"),
            "{err}"
        );
    }
}

#[test]
fn the_label_actors_prints_a_code_or_an_id_names_one_actor() {
    for (name, events) in [
        ("ZIMBABWE (ZWE)", 8),
        ("zimbabwe (zwejud)", 2),
        ("ZWEJUD", 2),
        ("zimbabwe", 2),
    ] {
        let (out, err) = ok(&["events", GDELT, "--actor", name, "--json"]);
        assert_eq!(out.lines().count(), events, "{name}: {out}");
        // An exact name is not a guess: no note about what it matched.
        assert!(!err.contains("matched"), "{name}: {err}");
    }
}

#[test]
fn fuzzy_ties_go_to_the_actor_with_more_events() {
    let (out, _) = ok(&["actors", GDELT, "--search", "zimb"]);
    let first: Vec<&str> = out.lines().take(2).collect();
    assert!(first[0].starts_with("ZIMBABWE (ZWE) "), "{out}");
    // A fuzzy match that ties between actors of one name is not a pick either.
    let err = refused(&["events", GDELT, "--actor", "zimb"]);
    assert!(err.contains("'zimb' names 3 actors"), "{err}");
    // A code two names share (ZIMBABWE and ZIMBABWEAN are both ZWEMIL) names both.
    let err = refused(&["events", GDELT, "--actor", "ZWEMIL"]);
    assert!(
        err.contains("  ZIMBABWEAN (ZWEMIL): id zimbabwean-3, 1 event\n"),
        "{err}"
    );
}

#[test]
fn show_and_stats_name_clashing_actors_by_code() {
    let (shown, _) = ok(&["show", "913095765", GDELT]);
    assert!(
        shown.contains("  actors      ZIMBABWE (ZWEJUD) (zimbabwe), source\n"),
        "{shown}"
    );
    assert!(
        shown.contains("              ZIMBABWE (ZWE) (zimbabwe-2), target\n"),
        "{shown}"
    );
    let (json, _) = ok(&["stats", GDELT, "--by", "actor", "--json"]);
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let events = |key: &str| {
        rows.iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("no row {key}: {json}"))["events"]
            .clone()
    };
    assert_eq!(events("ZIMBABWE (ZWE)"), 8);
    assert_eq!(events("ZIMBABWE (ZWEJUD)"), 2);
    assert_eq!(events("ZIMBABWE (ZWEMIL)"), 2);
    // A name no other actor has stays bare.
    assert!(rows.iter().any(|r| r["key"] == "YEMEN"), "{json}");
    assert!(!json.contains("zimbabwe-2"), "{json}");
}

/// Two people of one name and one alias, and a state written twice in different case with
/// one code: the alias or code does not tell them apart, so their ids do, and each is
/// counted and found on its own (trial 6 found them merged into one row of `stats`).
#[test]
fn actors_whose_code_does_not_tell_them_apart_are_told_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("actors.json"),
        r#"[{"id":"js1","name":"John Smith","kind":"person","aliases":["Smith"]},
{"id":"js2","name":"John Smith","kind":"person","aliases":["Smith"]},
{"id":"zw1","name":"Zimbabwe","kind":"state","aliases":["Zim"]},
{"id":"zw2","name":"ZIMBABWE","kind":"state","aliases":["Zim"]},
{"id":"x1","name":"Ann Lee","kind":"person","aliases":["Lee"]},
{"id":"x2","name":"Ann Lee","kind":"person","aliases":["Li"]}]
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("events.jsonl"),
        concat!(
            r#"{"id":"e1","date":"2020","title":"a","actors":["js1","zw1","x1"]}"#,
            "\n",
            r#"{"id":"e2","date":"2020","title":"b","actors":["js2","zw1","x2"]}"#,
            "\n",
            r#"{"id":"e3","date":"2020","title":"c","actors":["js2","zw2"]}"#,
            "\n"
        ),
    )
    .unwrap();
    let dataset = root.display().to_string();
    let (stats, _) = ok(&["stats", &dataset, "--by", "actor", "--json"]);
    for (label, events) in [
        ("John Smith (js1)", 1),
        ("John Smith (js2)", 2),
        ("Zimbabwe (zw1)", 2),
        ("ZIMBABWE (zw2)", 1),
        // Codes that differ still tell actors apart.
        ("Ann Lee (Lee)", 1),
        ("Ann Lee (Li)", 1),
    ] {
        assert!(
            stats.contains(&format!(r#"{{"key":"{label}","events":{events}}}"#)),
            "{label}: {stats}"
        );
        let (listed, _) = ok(&["events", &dataset, "--actor", label, "--ids"]);
        assert_eq!(listed.lines().count(), events, "--actor {label}: {listed}");
    }
    let (actors, _) = ok(&["actors", &dataset]);
    for label in [
        "John Smith (js1)",
        "John Smith (js2)",
        "Zimbabwe (zw1)",
        "ZIMBABWE (zw2)",
    ] {
        assert!(actors.contains(label), "{label}: {actors}");
    }
}
