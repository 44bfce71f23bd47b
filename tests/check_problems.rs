//! Each kind of dataset problem, made by breaking one thing in the small fixture, with the
//! exact message and line it must be reported with.

use std::fs;
use std::path::Path;

use chronicle::files::DatasetLocation;
use chronicle::load::load;

#[path = "support/dataset.rs"]
mod dataset;

use dataset::{broken, copy_dir, replace_in, SMALL};

/// The problems after `edit` breaks a fresh copy of the small dataset, given its folder.
fn problems_after(edit: impl FnOnce(&Path)) -> Vec<String> {
    dataset::problems_after(|copy| edit(&copy.root))
}

#[test]
fn the_small_fixture_is_clean() {
    assert_eq!(problems_after(|_| {}), Vec::<String>::new());
}

#[test]
fn json_syntax_error_has_line_and_column() {
    assert_eq!(
        broken(
            "events.jsonl",
            "\"id\": \"concern\",",
            "\"id\": \"concern\""
        ),
        ["DATA/events.jsonl:3:18: expected ',' or '}'"]
    );
    assert_eq!(
        broken(
            "actors.json",
            "\"kind\": \"person\",\n",
            "\"kind\": \"person\"\n"
        ),
        ["DATA/actors.json:8:5: expected ',' or '}'"]
    );
}

#[test]
fn missing_and_unknown_fields_and_wrong_types() {
    assert_eq!(
        broken(
            "events.jsonl",
            "\"title\": \"Putin denies plans to invade\", ",
            ""
        ),
        ["DATA/events.jsonl:4: missing field 'title'"]
    );
    assert_eq!(
        broken("events.jsonl", "\"location\"", "\"place\""),
        ["DATA/events.jsonl:4: unknown field 'place', expected one of 'id', 'date', 'title', 'summary', 'type', 'actors', 'location', 'tags', 'quotes', 'attributes', 'roles', 'region', 'coordinates'"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"actors\": [\"johnson\"]",
            "\"actors\": \"johnson\""
        ),
        ["DATA/events.jsonl:3: actors: expected a list of strings, found a string 'johnson'"]
    );
    assert_eq!(
        broken(
            "sources.json",
            "\"publisher\": \"Example News\",",
            "\"publisher\": 7,"
        ),
        ["DATA/sources.json:5: publisher: expected a string, found a number 7"]
    );
}

#[test]
fn type_errors_name_the_field_and_what_was_found() {
    assert_eq!(
        broken(
            "events.jsonl",
            "\"tags\": [\"diplomacy\"]",
            "\"tags\": \"coal\""
        ),
        ["DATA/events.jsonl:1: tags: expected a list of strings, found a string 'coal'"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"tags\": [\"diplomacy\"]",
            "\"tags\": [\"coal\", 3]"
        ),
        ["DATA/events.jsonl:1: tags, item 2: expected a string, found a number 3"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"type\": \"denial\"",
            "\"type\": \"denial\", \"attributes\": {\"casualties\": true}"
        ),
        ["DATA/events.jsonl:4: attribute 'casualties': expected a string or a number, found true"]
    );
    // A key given twice would lose one value in silence: refused, as a field given twice is.
    assert_eq!(
        broken(
            "events.jsonl",
            "\"type\": \"denial\"",
            "\"type\": \"denial\", \"attributes\": {\"fatalities\": 1, \"code\": \"a\", \"fatalities\": 2}"
        ),
        ["DATA/events.jsonl:4: event 'denial': attribute 'fatalities' is given twice; keep one"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"type\": \"denial\"",
            "\"type\": \"denial\", \"roles\": {\"putin\": \"source\", \"putin\": \"target\"}"
        ),
        ["DATA/events.jsonl:4: event 'denial': roles names 'putin' twice; give its roles once, as a list"]
    );
    assert_eq!(
        broken(
            "actors.json",
            "\"aliases\": [\"U.K.\"]",
            "\"aliases\": null"
        ),
        ["DATA/actors.json:3: aliases: expected a list of strings, found null"]
    );
}

#[test]
fn a_quote_with_a_problem_is_named_by_its_number() {
    let second = "{\"source\": \"call\", \"text\": \"Putin denied any plans to invade.\"}, {\"text\": \"Putin\"}";
    assert_eq!(
        broken(
            "events.jsonl",
            "{\"source\": \"call\", \"text\": \"Putin denied any plans to invade.\"}",
            second
        ),
        ["DATA/events.jsonl:4: quote 2: missing field 'source'"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"text\": \"Putin denied any plans to invade.\"",
            "\"text\": null"
        ),
        ["DATA/events.jsonl:4: quote 1, text: expected a string, found null"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "{\"source\": \"call\", \"text\": \"Putin denied any plans to invade.\"}",
            "\"Putin denied any plans to invade.\""
        ),
        ["DATA/events.jsonl:4: quote 1: expected an object {\"source\", \"text\"}, found a string 'Putin denied any plans to invade.'"]
    );
}

#[test]
fn every_missing_field_and_every_wrong_one_of_a_line_is_reported() {
    assert_eq!(
        broken(
            "events.jsonl",
            "\"date\": \"2021-12~\", \"title\": \"Putin denies plans to invade\", ",
            ""
        ),
        ["DATA/events.jsonl:4: missing fields 'date' and 'title'"]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "{\"id\": \"denial\", \"date\": \"2021-12~\", \"title\": \"Putin denies plans to invade\", ",
            "{\"place\": \"Moscow\", \"tags\": 1, "
        ),
        [
            "DATA/events.jsonl:4: unknown field 'place', expected one of 'id', 'date', 'title', 'summary', 'type', 'actors', 'location', 'tags', 'quotes', 'attributes', 'roles', 'region', 'coordinates'",
            "DATA/events.jsonl:4: tags: expected a list of strings, found a number 1",
            "DATA/events.jsonl:4: missing fields 'id', 'date' and 'title'",
        ]
    );
}

#[test]
fn unknown_ids_suggest_the_closest() {
    assert_eq!(
        broken(
            "events.jsonl",
            "\"actors\": [\"putin\"]",
            "\"actors\": [\"putn\"]"
        ),
        ["DATA/events.jsonl:4: event 'denial': unknown actor 'putn' (did you mean 'putin'?)"]
    );
    assert_eq!(
        broken("events.jsonl", "{\"source\": \"call\", \"text\": \"Putin", "{\"source\": \"cal\", \"text\": \"Putin"),
        ["DATA/events.jsonl:4: event 'denial', quote 1: unknown source 'cal' (did you mean 'call'?)"]
    );
    assert_eq!(
        broken("actors.json", "\"affiliation\": \"uk\"", "\"affiliation\": \"ukk\""),
        ["DATA/actors.json:12: actor 'johnson' is affiliated with unknown actor 'ukk' (did you mean 'uk'?)"]
    );
}

#[test]
fn duplicate_ids_name_the_first_definition() {
    assert_eq!(
        broken("events.jsonl", "\"id\": \"denial\"", "\"id\": \"call\""),
        ["DATA/events.jsonl:4: duplicate event id 'call' (first defined on line 1)"]
    );
}

#[test]
fn impossible_dates_are_refused() {
    assert_eq!(
        broken("events.jsonl", "2021-12~", "2021-02-30"),
        ["DATA/events.jsonl:4: event 'denial': invalid date '2021-02-30': '2021-02-30' is not a real day: February 2021 has 28 days"]
    );
    assert_eq!(
        broken("sources.json", "\"published\": \"2021-12-13\"", "\"published\": \"Dec 13\""),
        ["DATA/sources.json:6: published: invalid date 'Dec 13': the year in 'Dec 13' must be 4 digits, found 'Dec'"]
    );
    // A word with no digit is not a year written wrongly.
    assert_eq!(
        broken("sources.json", "\"published\": \"2021-12-13\"", "\"published\": \"yesterday\""),
        ["DATA/sources.json:6: published: invalid date 'yesterday': expected an EDTF date such as 2021-12-13"]
    );
}

#[test]
fn a_quote_not_in_its_source_shows_the_closest_sentence() {
    assert_eq!(
        broken("events.jsonl", "Putin denied any plans to invade.", "Putin denied all plans to invade."),
        [
            "DATA/events.jsonl:4: event 'denial', quote 1 not found in source 'call': 'Putin denied all plans to invade.'\n  hint: closest sentence [4]: 'Putin denied any plans to invade.'"
        ]
    );
    assert_eq!(
        broken(
            "events.jsonl",
            "\"text\": \"Putin denied any plans to invade.\"",
            "\"text\": \" \""
        ),
        ["DATA/events.jsonl:4: event 'denial', quote 1 is empty"]
    );
}

#[test]
fn source_files_must_exist_be_text_and_stay_inside() {
    assert_eq!(
        problems_after(|root| fs::remove_file(root.join("sources/call.txt")).expect("remove")),
        ["DATA/sources.json:7: source file 'sources/call.txt' not found"]
    );
    assert_eq!(
        problems_after(|root| fs::write(root.join("sources/call.txt"), b"ok\n\xff\xfe").expect("write")),
        ["DATA/sources.json:7: source file 'sources/call.txt': not valid UTF-8 text: invalid byte 0xFF at byte offset 3\n  hint: save the file as UTF-8"]
    );
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"../call.txt\""),
        ["DATA/sources.json:7: source file '../call.txt' contains '..'; source files must be inside the dataset folder"]
    );
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"/etc/passwd\""),
        ["DATA/sources.json:7: source file '/etc/passwd' is an absolute path; source files must be inside the dataset folder"]
    );
}

/// Found by a new user's trial: a source without a text file, quoted by events, gave one "quote
/// not found" a quote, as if the quotes were wrong. It is one problem for the source, on its
/// sources.json line; a source without a file that nothing quotes (known by its URL alone, as
/// imports write them) is no problem.
#[test]
fn quotes_of_a_source_without_a_file_are_one_problem_for_the_source() {
    assert_eq!(
        broken(
            "sources.json",
            "\",\n    \"file\": \"sources/call.txt\"",
            "\""
        ),
        ["DATA/sources.json:2: source 'call' has no text file, so its 3 quotes cannot be verified (the first at DATA/events.jsonl:1)\n  hint: give it \"file\": its saved text, relative to the dataset folder (as \"sources/call.txt\"); only a source known by its reference alone (a URL) has no file, and then nothing to quote"]
    );
    let by_url = r#"},
  {
    "id": "wire",
    "title": "Known by its address",
    "url": "https://example.org/wire"
  }
]"#;
    assert_eq!(
        problems_after(|root| replace_in(root, "sources.json", "}\n]", by_url)),
        Vec::<String>::new()
    );
}

/// The file's text in UTF-16, little-endian, with its byte order mark (as Notepad saves it).
fn to_utf16(path: &Path) {
    let text = fs::read_to_string(path).expect("read");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    fs::write(path, bytes).expect("write");
}

/// Found by a new user's trial: a UTF-16 text was called binary (its NUL bytes). Each file of
/// a dataset in UTF-16 is said to be UTF-16, as the loader says other text that is not UTF-8.
#[test]
fn a_utf16_file_is_named_as_utf16() {
    let said = "not UTF-8 text: it is UTF-16 (little-endian, by its byte order mark)\n  hint: save the file as UTF-8";
    assert_eq!(
        problems_after(|root| to_utf16(&root.join("sources/call.txt"))),
        [format!(
            "DATA/sources.json:7: source file 'sources/call.txt': {said}"
        )]
    );
    assert_eq!(
        problems_after(|root| to_utf16(&root.join("actors.json"))),
        [format!("DATA/actors.json: {said}")]
    );
    assert_eq!(
        problems_after(|root| to_utf16(&root.join("events.jsonl"))),
        [format!("DATA/events.jsonl: {said}")]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_dataset_is_refused() {
    let problems = problems_after(|root| {
        let outside = root.parent().expect("temp parent").join("secret.txt");
        fs::write(&outside, "secret").expect("write outside");
        fs::remove_file(root.join("sources/call.txt")).expect("remove");
        std::os::unix::fs::symlink(&outside, root.join("sources/call.txt")).expect("symlink");
    });
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(
            "DATA/sources.json:7: source file 'sources/call.txt' leads outside the dataset folder"
        ),
        "{}",
        problems[0]
    );
}

#[test]
fn empty_titles_and_names_are_refused() {
    assert_eq!(
        broken("events.jsonl", "\"Putin denies plans to invade\"", "\"  \""),
        ["DATA/events.jsonl:4: event 'denial' has an empty title"]
    );
    assert_eq!(
        broken("actors.json", "\"name\": \"Russia\"", "\"name\": \"\""),
        ["DATA/actors.json:2: actor 'russia' has an empty name"]
    );
}

#[test]
fn unknown_kinds_and_affiliation_loops() {
    assert_eq!(
        broken("actors.json", "\"kind\": \"state\", \"aliases\": [\"U.K.\"]", "\"kind\": \"country\", \"aliases\": [\"U.K.\"]"),
        ["DATA/actors.json:3: unknown actor kind 'country'\n  hint: kind is one of person, state, organization, alliance, group, other"]
    );
    assert_eq!(
        broken(
            "actors.json",
            "\"aliases\": [\"Russian Federation\"]",
            "\"aliases\": [\"Russian Federation\"], \"affiliation\": \"putin\""
        ),
        ["DATA/actors.json:2: affiliations form a loop: russia → putin → russia"]
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let problems = problems_after(|root| {
        replace_in(root, "events.jsonl", "2021-12~", "2021-13");
        replace_in(
            root,
            "events.jsonl",
            "\"actors\": [\"johnson\"]",
            "\"actors\": [\"johnsen\"]",
        );
        replace_in(
            root,
            "actors.json",
            "\"kind\": \"person\",",
            "\"kind\": \"human\",",
        );
    });
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with("DATA/actors.json:7: unknown actor kind 'human'"));
    assert_eq!(
        problems[1],
        "DATA/events.jsonl:3: event 'concern': unknown actor 'johnsen' (did you mean 'johnson'?)"
    );
    assert_eq!(problems[2], "DATA/events.jsonl:4: event 'denial': invalid date '2021-13': month 13 in '2021-13' is not between 01 and 12");
}

#[test]
fn missing_dataset_and_events_file() {
    let temp = tempfile::tempdir().expect("temp dir");
    let missing = temp.path().join("nope");
    let problems = load(&DatasetLocation::Folder(missing)).expect_err("missing folder");
    assert_eq!(problems[0].message, "no such folder");
    let problems =
        problems_after(|root| fs::remove_file(root.join("events.jsonl")).expect("remove"));
    assert_eq!(problems, ["DATA/events.jsonl: file not found"]);
}

#[test]
fn events_may_come_as_a_json_array() {
    let problems = problems_after(|root| {
        let lines = fs::read_to_string(root.join("events.jsonl")).expect("read");
        let records: Vec<&str> = lines.lines().filter(|l| !l.trim().is_empty()).collect();
        fs::write(
            root.join("events.json"),
            format!("[\n{}\n]\n", records.join(",\n")),
        )
        .expect("write");
        fs::remove_file(root.join("events.jsonl")).expect("remove");
    });
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn a_quote_found_twice_loads_with_a_note() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("data");
    copy_dir(Path::new(SMALL), &root);
    replace_in(
        &root,
        "sources/call.txt",
        "Putin denied any plans to invade.",
        "Putin denied any plans to invade. Putin denied any plans to invade.",
    );
    let dataset = load(&DatasetLocation::Folder(root)).expect("loads");
    let notes: Vec<String> = dataset.notes.iter().map(|n| n.message.clone()).collect();
    assert_eq!(
        notes,
        ["event 'denial', quote 1 occurs 2 times in source 'call'; the first is used"]
    );
}

#[test]
fn a_record_with_one_problem_still_has_its_quotes_checked() {
    let problems = problems_after(|root| {
        replace_in(
            root,
            "events.jsonl",
            "\"actors\": [\"putin\"]",
            "\"actors\": [\"putn\"]",
        );
        replace_in(
            root,
            "events.jsonl",
            "Putin denied any plans",
            "Putin denied all plans",
        );
    });
    assert_eq!(
        problems,
        [
            "DATA/events.jsonl:4: event 'denial': unknown actor 'putn' (did you mean 'putin'?)",
            "DATA/events.jsonl:4: event 'denial', quote 1 not found in source 'call': 'Putin denied all plans to invade.'\n  hint: closest sentence [4]: 'Putin denied any plans to invade.'"
        ]
    );
}

/// The small fixture's source text pinned by its SHA-256 (`sha256sum sources/call.txt`).
const CALL_SHA256: &str = "d582d13e1ff2c562131729be60944292a4d3fabab4a5a9df62ee34138ad54c76";

fn pin(root: &Path, sha256: &str) {
    replace_in(
        root,
        "sources.json",
        "\"file\": \"sources/call.txt\"",
        &format!("\"file\": \"sources/call.txt\",\n    \"sha256\": \"{sha256}\""),
    );
}

#[test]
fn a_pinned_source_whose_text_is_unchanged_loads() {
    assert_eq!(
        problems_after(|root| pin(root, CALL_SHA256)),
        Vec::<String>::new()
    );
    // sha256sum writes lowercase; uppercase is the same hash.
    let upper = CALL_SHA256.to_ascii_uppercase();
    assert_eq!(
        problems_after(|root| pin(root, &upper)),
        Vec::<String>::new()
    );
}

#[test]
fn a_pinned_source_whose_text_changed_is_named_and_its_quotes_still_checked() {
    let problems = problems_after(|root| {
        pin(root, CALL_SHA256);
        replace_in(root, "sources/call.txt", "any plans", "all plans");
    });
    // The new text's hash, so the hint can be checked whole.
    let copy = dataset::Copy::new();
    copy.replace("sources/call.txt", "any plans", "all plans");
    let found =
        chronicle::load::sha256_hex(&fs::read(copy.root.join("sources/call.txt")).expect("read"));
    assert_eq!(
        problems,
        [
            format!("DATA/sources.json:8: sources/call.txt changed since it was pinned (sha256 d582d13e1ff2… expected, {}… found); quotes were checked against the new text\n  hint: if the new text is the one meant, check its quotes still say what the events claim, then pin it: \"sha256\": \"{found}\"", &found[..12]),
            "DATA/events.jsonl:4: event 'denial', quote 1 not found in source 'call': 'Putin denied any plans to invade.'\n  hint: closest sentence [4]: 'Putin denied all plans to invade.'".to_string(),
        ]
    );
}

#[test]
fn the_pin_is_of_the_files_bytes_byte_order_mark_included() {
    let problems = problems_after(|root| {
        let text = fs::read(root.join("sources/call.txt")).expect("read");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), &text].concat();
        fs::write(root.join("sources/call.txt"), &with_bom).expect("write");
        pin(root, &chronicle::load::sha256_hex(&with_bom));
    });
    assert_eq!(problems, Vec::<String>::new());
    let problems = problems_after(|root| {
        let text = fs::read(root.join("sources/call.txt")).expect("read");
        fs::write(
            root.join("sources/call.txt"),
            [b"\xEF\xBB\xBF".as_slice(), &text].concat(),
        )
        .expect("write");
        pin(root, CALL_SHA256);
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("DATA/sources.json:8: sources/call.txt changed since it was pinned"),
        "{problems:?}"
    );
}

#[test]
fn a_malformed_pin_names_the_field() {
    assert_eq!(
        problems_after(|root| pin(root, "d582d13e")),
        ["DATA/sources.json:8: invalid sha256 'd582d13e': 8 digits; expected 64 hex digits, the SHA-256 of the text file's bytes\n  hint: `sha256sum sources/call.txt` in the dataset folder prints it"]
    );
    // A file outside the folder is refused; no command to run there is offered.
    let outside = problems_after(|root| {
        pin(root, "d582d13e");
        replace_in(
            root,
            "sources.json",
            "\"sources/call.txt\"",
            "\"../etc/passwd\"",
        );
    });
    assert!(
        outside
            .iter()
            .any(|p| p.contains("invalid sha256 'd582d13e'")
                && p.ends_with("hint: sha256sum prints it")),
        "{outside:?}"
    );
    assert!(
        outside
            .iter()
            .all(|p| !p.contains("sha256sum ../etc/passwd")),
        "{outside:?}"
    );
    let not_hex = format!("{}z", &CALL_SHA256[..63]);
    assert_eq!(
        problems_after(|root| pin(root, &not_hex)),
        [format!("DATA/sources.json:8: invalid sha256 '{not_hex}': 'z' is not a hex digit; expected 64 hex digits, the SHA-256 of the text file's bytes\n  hint: `sha256sum sources/call.txt` in the dataset folder prints it")]
    );
    assert_eq!(
        broken(
            "sources.json",
            "\"publisher\": \"Example News\",",
            "\"publisher\": \"Example News\", \"sha256\": 7,"
        ),
        ["DATA/sources.json:5: sha256: expected a string, found a number 7"]
    );
}

#[test]
fn a_pin_without_a_file_is_refused() {
    let problems = problems_after(|root| {
        replace_in(
            root,
            "sources.json",
            "\"file\": \"sources/call.txt\"",
            &format!("\"sha256\": \"{CALL_SHA256}\""),
        )
    });
    // The events' quotes of a source without text cannot be verified: said once, for the
    // source, beside the pin.
    assert_eq!(
        problems,
        [
            "DATA/sources.json:2: source 'call' has no text file, so its 3 quotes cannot be verified (the first at DATA/events.jsonl:1)\n  hint: give it \"file\": its saved text, relative to the dataset folder (as \"sources/call.txt\"); only a source known by its reference alone (a URL) has no file, and then nothing to quote",
            "DATA/sources.json:7: source 'call' pins a sha256 but has no file to check it against"
        ]
    );
}

#[test]
fn the_publication_date_is_read_as_a_date() {
    let copy = dataset::Copy::new();
    copy.replace(
        "sources.json",
        "\"published\": \"2021-12-13\"",
        "\"published\": \"2021-12-13?\"",
    );
    let dataset = copy.load().expect("loads");
    let source = &dataset.timeline.sources()[0];
    assert_eq!(
        source.published.map(|d| d.edtf()),
        Some("2021-12-13?".to_string())
    );
    assert_eq!(
        source.published.map(|d| d.to_string()),
        Some("2021-12-13?".to_string())
    );
    assert!(source.published.is_some_and(|d| d.is_uncertain()));
}

#[test]
fn an_event_needs_only_an_id_a_date_and_a_title() {
    // The README promises "a timeline of dates and titles alone": no actors, quotes or tags,
    // and then no actors.json or sources.json either.
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("data");
    fs::create_dir_all(&root).expect("create");
    fs::write(
        root.join("events.jsonl"),
        "{\"id\": \"first\", \"date\": \"2021\", \"title\": \"A year and a title\"}\n\
         {\"id\": \"second\", \"date\": \"2022-03\", \"title\": \"A month\", \"actors\": [], \"quotes\": []}\n",
    )
    .expect("write");
    let dataset = load(&DatasetLocation::Folder(root.clone())).unwrap_or_else(|problems| {
        panic!("{problems:?}");
    });
    let events = dataset.timeline.events();
    assert_eq!(events.len(), 2);
    assert!(events
        .iter()
        .all(|e| e.actors.is_empty() && e.quotes.is_empty() && e.tags.is_empty()));
    // The same as a JSON array.
    fs::remove_file(root.join("events.jsonl")).expect("remove");
    fs::write(
        root.join("events.json"),
        "[{\"id\": \"only\", \"date\": \"2021\", \"title\": \"Alone\"}]",
    )
    .expect("write");
    let dataset = load(&DatasetLocation::Folder(root)).unwrap_or_else(|problems| {
        panic!("{problems:?}");
    });
    assert_eq!(dataset.timeline.events().len(), 1);
}

#[test]
fn a_field_is_found_where_the_parser_read_it_not_where_its_name_appears_as_text() {
    // In a record of several lines, the name of a field can appear before the field itself:
    // as a string value, or as a key one level down. The problem is at the field's own line.
    let copy = dataset::Copy::new();
    fs::remove_file(copy.root.join("events.jsonl")).expect("remove");
    copy.write(
        "events.json",
        "[\n\
         {\"id\": \"e1\",\n  \
           \"title\": \"date\",\n  \
           \"attributes\": {\"date\": \"as reported\"},\n  \
           \"date\": \"2021-13\"}\n\
         ]\n",
    );
    copy.replace(
        "sources.json",
        "\"title\": \"Leaders speak by phone\"",
        "\"title\": \"published\"",
    );
    copy.replace(
        "sources.json",
        "\"published\": \"2021-12-13\"",
        "\"published\": \"2021-12-32\"",
    );
    let problems = copy.problems();
    assert_eq!(
        problems,
        [
            "DATA/sources.json:6: published: invalid date '2021-12-32': '2021-12-32' is not a real day: December 2021 has 31 days",
            "DATA/events.json:5: event 'e1': invalid date '2021-13': month 13 in '2021-13' is not between 01 and 12",
        ]
    );
    // Each problem names the field it is about.
    let fields: Vec<Option<String>> = copy
        .load()
        .expect_err("problems")
        .iter()
        .map(|p| p.field.as_deref().map(str::to_string))
        .collect();
    assert_eq!(fields, [Some("published".into()), Some("date".into())]);
}

/// A record refused for a field's type still has its other fields checked: every problem in
/// one run, not the rest only once the types are fixed.
#[test]
fn a_refused_record_still_has_its_well_typed_fields_checked() {
    let problems = problems_after(|root| {
        fs::write(
            root.join("sources.json"),
            "[\n  {\"id\": \"call\", \"title\": \"Leaders speak by phone\", \"file\": \"sources/call.txt\"},\n  \
             {\"id\": \"s\", \"title\": 5, \"published\": \"yesterday\", \"file\": \"sources/none.txt\"},\n  \
             {\"id\": \"s\", \"title\": 6}\n]\n",
        )
        .expect("write");
        let events = fs::read_to_string(root.join("events.jsonl")).expect("read");
        fs::write(
            root.join("events.jsonl"),
            format!(
                "{events}{{\"id\":\"b\",\"date\":\"2021-02-30\",\"title\":\"x\",\"actors\":\"putin\"}}\n\
                 {{\"id\":\"b\",\"date\":\"2021\",\"title\":\"dup\",\"extra\":1}}\n\
                 {{\"id\":\"call\",\"date\":\"2021\",\"title\":5}}\n"
            ),
        )
        .expect("write");
    });
    let lines = fs::read_to_string(format!("{SMALL}/events.jsonl"))
        .expect("read")
        .lines()
        .count();
    let (b1, b2, call) = (lines + 1, lines + 2, lines + 3);
    let expected = [
        "DATA/sources.json:3: title: expected a string, found a number 5".to_string(),
        "DATA/sources.json:3: published: invalid date 'yesterday': expected an EDTF date such as 2021-12-13".to_string(),
        "DATA/sources.json:3: source file 'sources/none.txt' not found".to_string(),
        "DATA/sources.json:4: title: expected a string, found a number 6".to_string(),
        "DATA/sources.json:4: duplicate source id 's' (first defined on line 3)".to_string(),
        format!("DATA/events.jsonl:{b1}: actors: expected a list of strings, found a string 'putin'"),
        format!("DATA/events.jsonl:{b1}: event 'b': invalid date '2021-02-30': '2021-02-30' is not a real day: February 2021 has 28 days"),
        format!("DATA/events.jsonl:{b2}: unknown field 'extra', expected one of 'id', 'date', 'title', 'summary', 'type', 'actors', 'location', 'tags', 'quotes', 'attributes', 'roles', 'region', 'coordinates'"),
        format!("DATA/events.jsonl:{b2}: duplicate event id 'b' (first defined on line {b1})"),
        format!("DATA/events.jsonl:{call}: title: expected a string, found a number 5"),
        format!("DATA/events.jsonl:{call}: duplicate event id 'call' (first defined on line 1)"),
    ];
    for want in &expected {
        assert!(problems.contains(want), "missing {want:?} in {problems:#?}");
    }
}

#[test]
fn problems_of_many_actors_come_in_file_order_with_their_lines() {
    // Enough actors for every core to read and check a share of them, with problems in each
    // share: each actor on line i + 2 of the file.
    let actors: Vec<String> = (0..3000)
        .map(|i| {
            let (id, name, kind, affiliation) = match i {
                10 | 2500 => (format!("a{i}"), "Name", "persn", "a0"),
                20 | 2900 => (format!("a{i}"), "Name", "state", "nobody"),
                1500 => (format!("a{i}"), " ", "group", "a0"),
                2000 => ("a7".to_string(), "Name", "group", "a0"),
                _ => (format!("a{i}"), "Name", "person", "a0"),
            };
            // The first is the top of every affiliation, itself affiliated with none.
            let affiliation = match i {
                0 => String::new(),
                _ => format!(", \"affiliation\": \"{affiliation}\""),
            };
            format!("{{\"id\": \"{id}\", \"name\": \"{name}\", \"kind\": \"{kind}\"{affiliation}}}")
        })
        .collect();
    let hint = "\n  hint: kind is one of person, state, organization, alliance, group, other";
    let problems = problems_after(|root| {
        fs::write(
            root.join("actors.json"),
            format!("[\n{}\n]\n", actors.join(",\n")),
        )
        .unwrap();
        fs::write(root.join("events.jsonl"), "").unwrap();
    });
    assert_eq!(
        problems,
        [
            &format!(
                "DATA/actors.json:12: unknown actor kind 'persn' (did you mean 'person'?){hint}"
            ),
            "DATA/actors.json:22: actor 'a20' is affiliated with unknown actor 'nobody'",
            "DATA/actors.json:1502: actor 'a1500' has an empty name",
            "DATA/actors.json:2002: duplicate actor id 'a7' (first defined on line 9)",
            &format!(
                "DATA/actors.json:2502: unknown actor kind 'persn' (did you mean 'person'?){hint}"
            ),
            "DATA/actors.json:2902: actor 'a2900' is affiliated with unknown actor 'nobody'",
        ]
    );
}

#[test]
fn a_record_that_reads_as_no_json_value_still_gives_its_id() {
    // Each of these would not read as a `serde_json::Value` either: the id must still be
    // found, so that the actor affiliated with russia and the events naming it are not
    // reported as naming an unknown actor.
    let deep = format!("[{}{}]", "[".repeat(200_000), "]".repeat(200_000));
    for (to, problem) in [
        (
            "\"name\": \"Russia \\ud800\"",
            "DATA/actors.json:2:40: lone surrogate in a string: a \\u escape from \\uD800 to \\uDFFF is half of a pair and needs its other half\n  hint: write the character itself, or both escapes of its pair (such as \\ud83c\\udf0d)",
        ),
        (
            "\"name\": \"Russia\", \"description\": 1e999",
            "DATA/actors.json:2:55: description: '1e999' is too large a number",
        ),
        (
            &format!("\"name\": \"Russia\", \"description\": {deep}"),
            "DATA/actors.json:2: description: expected a string, found a list",
        ),
    ] {
        assert_eq!(
            broken("actors.json", "\"name\": \"Russia\"", to),
            [problem],
            "{to:.60}"
        );
    }
}

#[test]
fn a_source_that_reads_as_no_json_value_still_gives_its_id() {
    // The quotes that cite it are not reported as citing an unknown source. (A second source
    // that reads, or the file would be unreadable and no quote checked at all.)
    assert_eq!(
        problems_after(|root| {
            replace_in(
                root,
                "sources.json",
                "\"Leaders speak by phone\"",
                "\"Leaders speak by phone \\udc00\"",
            );
            replace_in(
                root,
                "sources.json",
                "[\n",
                "[\n  {\"id\": \"other\", \"title\": \"Another source\"},\n",
            );
        }),
        ["DATA/sources.json:5:43: lone surrogate in a string: a \\u escape from \\uD800 to \\uDFFF is half of a pair and needs its other half\n  hint: write the character itself, or both escapes of its pair (such as \\ud83c\\udf0d)"]
    );
}

#[test]
fn an_event_that_reads_as_no_json_value_still_counts_against_duplicates() {
    assert_eq!(
        problems_after(|root| {
            replace_in(
                root,
                "events.jsonl",
                "\"id\": \"denial\", \"date\": \"2021-12~\"",
                "\"id\": \"call\", \"date\": \"2021-12-32\", \"summary\": 1e999",
            )
        }),
        [
            "DATA/events.jsonl:4:53: summary: '1e999' is too large a number",
            "DATA/events.jsonl:4: event 'call': invalid date '2021-12-32': '2021-12-32' is not a real day: December 2021 has 31 days",
            "DATA/events.jsonl:4: duplicate event id 'call' (first defined on line 1)",
        ]
    );
}

/// The same when what does not read is the date itself (a number out of range, lists nested
/// too deep): the id is still read, and a second record of it is a duplicate (trial 11: D3).
#[test]
fn an_event_whose_date_does_not_read_still_counts_against_duplicates() {
    for date in [
        "1e999".to_string(),
        format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000)),
    ] {
        let problems = problems_after(|root| {
            replace_in(
                root,
                "events.jsonl",
                "\"id\": \"denial\", \"date\": \"2021-12~\"",
                &format!("\"id\": \"call\", \"date\": {date}"),
            )
        });
        assert_eq!(
            problems.last().map(String::as_str),
            Some("DATA/events.jsonl:4: duplicate event id 'call' (first defined on line 1)"),
            "{problems:?}"
        );
    }
}

/// A number too large to read names its field and itself, in every file, rather than serde's
/// bare "number out of range" (trial 11: D4).
#[test]
fn a_number_too_large_to_read_is_named_with_its_field() {
    let cases = [
        (
            "events.jsonl",
            "\"date\": \"2021-12~\"",
            "\"date\": 1e999",
            "DATA/events.jsonl:4:30: date: '1e999' is too large a number",
        ),
        (
            "actors.json",
            "\"name\": \"Russia\"",
            "\"name\": -2E+999",
            "DATA/actors.json:2:32: name: '-2E+999' is too large a number",
        ),
        (
            "sources.json",
            "\"published\": \"2021-12-13\"",
            "\"published\": 9e9999",
            "DATA/sources.json:6:23: published: '9e9999' is too large a number",
        ),
    ];
    for (file, from, to, expected) in cases {
        let problems = problems_after(|root| replace_in(root, file, from, to));
        assert_eq!(
            problems.first().map(String::as_str),
            Some(expected),
            "{problems:?}"
        );
    }
}

/// A name given twice in `attributes` or `roles` is reported with the record's other problems,
/// not alone, and names the event (trial 11: D5).
#[test]
fn names_given_twice_are_reported_beside_the_records_other_problems() {
    let problems = problems_after(|root| {
        replace_in(
            root,
            "events.jsonl",
            "\"actors\": [\"putin\"]",
            "\"actors\": [\"putin\", \"putin\"], \"roles\": {\"putin\": \"source\", \"putin\": \"target\"}, \"attributes\": {\"a\": 1, \"a\": \"x\"}",
        )
    });
    let wanted = [
        "event 'denial' lists actor 'putin' twice",
        "event 'denial': attribute 'a' is given twice; keep one",
        "event 'denial': roles names 'putin' twice; give its roles once, as a list",
    ];
    for wanted in wanted {
        assert!(
            problems.iter().any(|p| p.contains(wanted)),
            "{wanted}: {problems:?}"
        );
    }
}

/// A record that repeats a field is still refused for it, but its other problems are reported
/// too, naming the event, as for a record without that fault; and its id still counts against
/// duplicates (trial 12: N3).
#[test]
fn a_repeated_field_does_not_hide_the_records_other_problems() {
    let problems = problems_after(|root| {
        replace_in(
            root,
            "events.jsonl",
            "\"actors\": [\"putin\"]",
            "\"date\": \"2021-13-45\", \"actors\": [\"putin\", \"putin\"], \"roles\": {\"putin\": \"source\", \"putin\": \"target\"}, \"attributes\": {\"a\": 1, \"a\": \"x\"}",
        );
        let events = root.join("events.jsonl");
        let mut text = fs::read_to_string(&events).unwrap();
        text.push_str("{\"id\": \"denial\", \"date\": \"2021\", \"title\": \"again\"}\n");
        fs::write(&events, text).unwrap();
    });
    let wanted = [
        "DATA/events.jsonl:4: event 'denial': duplicate field 'date'",
        "DATA/events.jsonl:4: event 'denial' lists actor 'putin' twice",
        "DATA/events.jsonl:4: event 'denial': attribute 'a' is given twice; keep one",
        "DATA/events.jsonl:4: event 'denial': roles names 'putin' twice; give its roles once, as a list",
        "duplicate event id 'denial' (first defined on line 4)",
    ];
    for wanted in wanted {
        assert!(
            problems.iter().any(|p| p.contains(wanted)),
            "{wanted}: {problems:?}"
        );
    }
    // Reported once each: the checks of the record's shape do not report them again.
    assert_eq!(
        problems.iter().filter(|p| p.contains("'putin'")).count(),
        2,
        "{problems:?}"
    );
}
