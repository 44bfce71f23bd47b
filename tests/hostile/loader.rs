//! Bad dataset files, one class at a time, each with the exact message.

use std::time::Instant;

use crate::common::{broken, problems_after, with_event_line, Copy};

const CALL: &str = r#"{"id": "call", "date": "2021-12-13", "title": "Putin and Johnson speak by phone", "summary": "Putin tells Johnson that Russia wants immediate talks with the West.", "type": "call", "actors": ["putin", "johnson", "russia", "uk"], "tags": ["diplomacy"], "quotes": [{"source": "call", "text": "Russia wants immediate talks with the West"}]}"#;

/// An event line for the small dataset with `field` set to raw JSON `value`.
fn denial_with(field: &str, value: &str) -> String {
    let mut record: Vec<(String, String)> = vec![
        ("id".into(), r#""denial""#.into()),
        ("date".into(), r#""2021-12~""#.into()),
        ("title".into(), r#""Putin denies plans to invade""#.into()),
        ("actors".into(), r#"["putin"]"#.into()),
        (
            "quotes".into(),
            r#"[{"source": "call", "text": "Putin denied any plans to invade."}]"#.into(),
        ),
    ];
    match record.iter_mut().find(|(k, _)| k == field) {
        Some(entry) => entry.1 = value.to_string(),
        None => record.push((field.to_string(), value.to_string())),
    }
    let fields: Vec<String> = record
        .iter()
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

#[test]
fn malformed_json() {
    assert_eq!(
        with_event_line(4, r#"{"id": "denial", "date": }"#),
        ["DATA/events.jsonl:4:26: expected value"]
    );
    assert_eq!(
        with_event_line(3, r#"{"id": "concern" "date": "2021"}"#),
        ["DATA/events.jsonl:3:18: expected ',' or '}'"]
    );
    assert_eq!(
        with_event_line(3, "not json at all"),
        ["DATA/events.jsonl:3:2: expected ident"]
    );
    assert_eq!(
        problems_after(|c| {
            let text = c.read("actors.json");
            c.write("actors.json", format!("{}]\n", text.trim_end()));
        }),
        ["DATA/actors.json:13:2: trailing characters"]
    );
    assert_eq!(
        broken("sources.json", "\"call\"", "'call'"),
        ["DATA/sources.json:3:11: expected value"]
    );
}

#[test]
fn truncated_files() {
    assert_eq!(
        problems_after(|c| c.write(
            "events.jsonl",
            format!("{CALL}\n{{\"id\": \"concern\", \"da")
        )),
        ["DATA/events.jsonl:2:21: EOF while parsing a string"]
    );
    assert_eq!(
        problems_after(|c| {
            let text = c.read("actors.json");
            let cut = text.find("Vladi").expect("putin") + "Vladi".len();
            c.write("actors.json", &text[..cut]);
        }),
        ["DATA/actors.json:6:18: EOF while parsing a string"]
    );
    assert_eq!(
        problems_after(|c| c.write("sources.json", "[\n  {\n    \"id\": \"call\",\n")),
        ["DATA/sources.json:4:0: EOF while parsing an object"]
    );
}

#[test]
fn a_byte_order_mark_is_skipped_at_the_start_only() {
    assert_eq!(
        problems_after(|c| {
            for file in [
                "events.jsonl",
                "actors.json",
                "sources.json",
                "sources/call.txt",
            ] {
                let text = c.read(file);
                c.write(file, format!("\u{feff}{text}"));
            }
        }),
        Vec::<String>::new()
    );
    // A second BOM, from files concatenated with `cat`, is not white space.
    assert_eq!(
        with_event_line(3, &format!("\u{feff}{}", denial_with("id", r#""concern""#))),
        ["DATA/events.jsonl:3:1: expected value"]
    );
}

#[test]
fn crlf_line_ends_are_accepted_and_lines_still_counted() {
    let crlf = |c: &Copy| {
        for file in [
            "events.jsonl",
            "actors.json",
            "sources.json",
            "sources/call.txt",
        ] {
            let text = c.read(file);
            c.write(file, text.replace('\n', "\r\n"));
        }
    };
    assert_eq!(problems_after(crlf), Vec::<String>::new());
    assert_eq!(
        problems_after(|c| {
            crlf(c);
            c.replace(
                "actors.json",
                "\"kind\": \"person\",",
                "\"kind\": \"person\"",
            );
        }),
        ["DATA/actors.json:8:5: expected ',' or '}'"]
    );
    assert_eq!(
        problems_after(|c| {
            crlf(c);
            c.replace("events.jsonl", "[\"putin\"]", "[\"putn\"]");
        }),
        ["DATA/events.jsonl:4: event 'denial': unknown actor 'putn' (did you mean 'putin'?)"]
    );
}

/// The events file is split between threads near its middle, which in Cyrillic (two bytes a
/// letter) often falls inside a letter; that once panicked.
#[test]
fn a_large_events_file_in_cyrillic_loads() {
    let line = |n: usize| {
        CALL.replacen(r#""id": "call""#, &format!(r#""id": "звонок-{n}""#), 1)
            .replacen(
                "Putin and Johnson speak by phone",
                &"Путин и Джонсон говорят по телефону ".repeat(8),
                1,
            )
    };
    let mut lines: Vec<String> = (0..400).map(line).collect();
    // Enough lines for the threads to split it, and an odd middle: inside a letter.
    while {
        let text = lines.join("\n") + "\n";
        text.len() < 256 * 1024 || text.is_char_boundary(text.len() / 2)
    } {
        lines.push(line(lines.len()));
    }
    let copy = Copy::new();
    copy.write("events.jsonl", lines.join("\n") + "\n");
    let dataset = copy.load().expect("a valid dataset");
    assert_eq!(dataset.timeline.events().len(), lines.len());
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    // Line 3 starts at byte offset len(CALL) + 2 (the newline after it and the blank line).
    let offset = CALL.len() + 2 + r#"{"id": "conc"#.len();
    assert_eq!(
        problems_after(|c| {
            let mut bytes = c.read("events.jsonl").into_bytes();
            bytes[offset] = 0xC3;
            bytes[offset + 1] = b'(';
            c.write("events.jsonl", bytes);
        }),
        [format!(
            "DATA/events.jsonl:3: not valid UTF-8 text: invalid byte 0xC3 at byte offset {offset}\n  hint: save the file as UTF-8"
        )]
    );
    assert_eq!(
        problems_after(|c| c.write("actors.json", b"[\n{\"id\": \"r\xffussia\"}]")),
        ["DATA/actors.json:2: not valid UTF-8 text: invalid byte 0xFF at byte offset 11\n  hint: save the file as UTF-8"]
    );
    assert_eq!(
        problems_after(|c| {
            let mut bytes = c.read("sources.json").into_bytes();
            bytes.insert(20, 0x80);
            c.write("sources.json", bytes);
        }),
        ["DATA/sources.json:3: not valid UTF-8 text: invalid byte 0x80 at byte offset 20\n  hint: save the file as UTF-8"]
    );
}

#[test]
fn invalid_utf8_far_into_a_big_events_file_has_the_exact_offset_and_line() {
    // 9 MB of good lines, beyond the loader's first 8 MB block, then a Latin-1 'é'.
    let copy = Copy::new();
    let line = CALL.replace("\"call\", \"date\"", "\"call-NNNNNNN\", \"date\"");
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 9 << 20 {
        text.push_str(&line.replace("NNNNNNN", &format!("{n:07}")));
        text.push('\n');
        n += 1;
    }
    let offset = text.len() + r#"{"id": "caf"#.len();
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"caf\xe9\"}\n");
    copy.write("events.jsonl", bytes);
    assert_eq!(
        copy.problems(),
        [format!(
            "DATA/events.jsonl:{}: not valid UTF-8 text: invalid byte 0xE9 at byte offset {offset}\n  hint: save the file as UTF-8",
            n + 1
        )]
    );
}

/// An events file without events is an empty timeline, as `chronicle init` makes one: it
/// loads, and `check` counts "0 events".
#[test]
fn an_events_file_without_events_is_an_empty_timeline() {
    let events_in = |edit: &dyn Fn(&Copy)| {
        let copy = Copy::new();
        edit(&copy);
        copy.load()
            .map(|d| d.timeline.events().len())
            .map_err(|problems| format!("{problems:?}"))
    };
    assert_eq!(events_in(&|c| c.write("events.jsonl", "")), Ok(0));
    assert_eq!(
        events_in(&|c| c.write("events.jsonl", "\r\n\n   \n")),
        Ok(0)
    );
    assert_eq!(
        events_in(&|c| {
            std::fs::remove_file(c.root.join("events.jsonl")).expect("remove");
            c.write("events.json", "[]");
        }),
        Ok(0)
    );
}

#[test]
fn empty_files() {
    assert_eq!(
        problems_after(|c| {
            std::fs::remove_file(c.root.join("events.jsonl")).expect("remove");
            c.write("events.json", "");
        }),
        ["DATA/events.json:1: the file is empty; expected a JSON array of events"]
    );
    assert_eq!(
        problems_after(|c| c.write("actors.json", "")),
        ["DATA/actors.json:1: the file is empty; expected a JSON array of actors"]
    );
    assert_eq!(
        problems_after(|c| c.write("sources.json", "\n")),
        ["DATA/sources.json:1: the file is empty; expected a JSON array of sources"]
    );
}

#[test]
fn a_10_mb_single_line() {
    let title = "war and peace ".repeat(750_000);
    let copy = Copy::new();
    copy.replace(
        "events.jsonl",
        "\"Putin denies plans to invade\"",
        &format!("\"{title}\""),
    );
    let started = Instant::now();
    let dataset = copy.load().expect("a 10 MB title loads");
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert!(dataset
        .timeline
        .events()
        .iter()
        .any(|e| e.title.len() == title.len()));
    // A 10 MB line that is not JSON: one problem, its value cut short.
    assert_eq!(
        with_event_line(3, &format!("{{\"id\": \"{}", "x".repeat(10 << 20))),
        [format!(
            "DATA/events.jsonl:3:{}: EOF while parsing a string",
            8 + (10 << 20)
        )]
    );
    assert_eq!(
        with_event_line(4, &denial_with("date", &format!("\"{}\"", "9".repeat(10 << 20)))),
        [format!(
            "DATA/events.jsonl:4: event 'denial': invalid date '{0}…': the year in '{0}…' must be 4 digits, found '{0}…'",
            "9".repeat(80)
        )]
    );
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let deep =
        |open: &str, close: &str| format!("{}{}", open.repeat(200_000), close.repeat(200_000));
    assert_eq!(
        with_event_line(3, &deep("[", "]")),
        ["DATA/events.jsonl:3: expected an event (a JSON object), found an array"]
    );
    assert_eq!(
        with_event_line(
            3,
            &denial_with(
                "attributes",
                &format!("{{\"a\": {}}}", deep("{\"a\":", "}"))
            )
        ),
        // The innermost value is missing, so the record is not JSON: the place where the
        // value should be is named.
        ["DATA/events.jsonl:3:1000197: expected value"]
    );
    let nested = format!("{}1{}", "{\"a\":".repeat(200_000), "}".repeat(200_000));
    assert_eq!(
        with_event_line(
            3,
            &denial_with("attributes", &format!("{{\"a\": {nested}}}"))
        ),
        // The refused record's id is read past the nesting too, and still counts: line 4
        // holds the fixture's own 'denial'.
        [
            "DATA/events.jsonl:3: attribute 'a': expected a string or a number, found an object",
            "DATA/events.jsonl:4: duplicate event id 'denial' (first defined on line 3)"
        ]
    );
    assert_eq!(
        problems_after(|c| c.write("actors.json", deep("[", "]"))),
        ["DATA/actors.json:1: expected each of the actors to be a JSON object, found an array"]
    );
    assert_eq!(
        problems_after(|c| {
            std::fs::remove_file(c.root.join("events.jsonl")).expect("remove");
            c.write("events.json", format!("[{{\"a\":{}1{}}}]", "[".repeat(200_000), "]".repeat(200_000)));
        }),
        [
            "DATA/events.json:1: unknown field 'a', expected one of 'id', 'date', 'title', 'summary', 'type', 'actors', 'location', 'tags', 'quotes', 'attributes', 'roles', 'region', 'coordinates'",
            "DATA/events.json:1: missing fields 'id', 'date' and 'title'",
        ]
    );
}

#[test]
fn wrong_types_nulls_and_huge_numbers() {
    let cases = [
        ("id", "7", "id: expected a string, found a number 7"),
        (
            "date",
            "20211213",
            "date: expected a string, found a number 20211213",
        ),
        ("title", "null", "title: expected a string, found null"),
        (
            "actors",
            "{\"putin\": true}",
            "actors: expected a list of strings, found an object",
        ),
        (
            "quotes",
            "\"Putin denied\"",
            "quotes: expected a list of quotes [{\"source\", \"text\"}, ...], found a string 'Putin denied'",
        ),
        ("tags", "null", "tags: expected a list of strings, found null"),
        (
            "tags",
            "[1]",
            "tags, item 1: expected a string, found a number 1",
        ),
        (
            "attributes",
            "{\"casualties\": [12]}",
            "attribute 'casualties': expected a string or a number, found a list",
        ),
        (
            "attributes",
            "[]",
            "attributes: expected an object of strings or numbers {\"name\": \"value\", \"count\": 3, ...}, found a list",
        ),
        (
            "id",
            "123456789012345678901234567890",
            "id: expected a string, found a number 1.2345678901234568e29",
        ),
        ("id", "-0", "id: expected a string, found a number -0.0"),
        ("summary", "false", "summary: expected a string, found false"),
    ];
    for (field, value, message) in cases {
        let got = with_event_line(4, &denial_with(field, value));
        assert_eq!(
            got,
            [format!("DATA/events.jsonl:4: {message}")],
            "{field}: {value}"
        );
    }
    assert_eq!(
        with_event_line(4, &denial_with("date", "1e999")),
        ["DATA/events.jsonl:4:30: date: '1e999' is too large a number"]
    );
    // Optional fields may be null.
    assert_eq!(
        with_event_line(4, &denial_with("summary", "null")),
        Vec::<String>::new()
    );
    assert_eq!(
        broken(
            "actors.json",
            "\"aliases\": [\"U.K.\"]",
            "\"aliases\": [null]"
        ),
        ["DATA/actors.json:3: aliases, item 1: expected a string, found null"]
    );
    assert_eq!(
        broken(
            "sources.json",
            "\"file\": \"sources/call.txt\"",
            "\"file\": 1e400"
        ),
        ["DATA/sources.json:7:17: file: '1e400' is too large a number"]
    );
}

#[test]
fn unknown_fields_everywhere() {
    assert_eq!(
        with_event_line(
            4,
            &denial_with(
                "quotes",
                r#"[{"source": "call", "text": "Putin denied any plans to invade.", "page": 3}]"#
            )
        ),
        ["DATA/events.jsonl:4: quote 1: unknown field 'page', expected 'source' or 'text'"]
    );
    assert_eq!(
        broken("sources.json", "\"publisher\"", "\"author\""),
        ["DATA/sources.json:5: unknown field 'author', expected one of 'id', 'title', 'publisher', 'url', 'published', 'file', 'sha256'"]
    );
    assert_eq!(
        broken("actors.json", "\"description\"", "\"bio\""),
        ["DATA/actors.json:10: unknown field 'bio', expected one of 'id', 'name', 'kind', 'aliases', 'affiliation', 'description'"]
    );
}

#[test]
fn duplicate_ids_in_every_file() {
    assert_eq!(
        broken("actors.json", "\"id\": \"uk\"", "\"id\": \"russia\""),
        [
            "DATA/actors.json:3: duplicate actor id 'russia' (first defined on line 2)",
            "DATA/actors.json:12: actor 'johnson' is affiliated with unknown actor 'uk'",
            "DATA/events.jsonl:1: event 'call': unknown actor 'uk'",
        ]
    );
    assert_eq!(
        problems_after(|c| {
            let text = c.read("sources.json");
            let record = text.trim().trim_start_matches('[').trim_end_matches(']');
            c.write("sources.json", format!("[{record},{record}]"));
        }),
        ["DATA/sources.json:11: duplicate source id 'call' (first defined on line 2)"]
    );
    // Far apart, in different blocks of a big file read in parallel.
    let copy = Copy::new();
    let mut text = copy.read("events.jsonl");
    for n in 0..60_000 {
        text.push_str(&CALL.replace("\"id\": \"call\"", &format!("\"id\": \"filler-{n}\"")));
        text.push('\n');
    }
    text.push_str(&denial_with("id", "\"concern\""));
    text.push('\n');
    copy.write("events.jsonl", &text);
    assert_eq!(
        copy.problems(),
        ["DATA/events.jsonl:60005: duplicate event id 'concern' (first defined on line 3)"]
    );
    // Events, actors and sources are separate namespaces: sharing an id is fine.
    assert_eq!(
        broken("actors.json", "\"id\": \"uk\"", "\"id\": \"call\"").len(),
        2
    );
}

#[test]
fn affiliation_loops_of_every_shape() {
    assert_eq!(
        broken(
            "actors.json",
            "\"affiliation\": \"russia\"",
            "\"affiliation\": \"putin\""
        ),
        ["DATA/actors.json:9: affiliations form a loop: putin → putin"]
    );
    assert_eq!(
        problems_after(|c| {
            c.replace(
                "actors.json",
                "\"aliases\": [\"U.K.\"]",
                "\"aliases\": [\"U.K.\"], \"affiliation\": \"johnson\"",
            );
        }),
        ["DATA/actors.json:3: affiliations form a loop: uk → johnson → uk"]
    );
    // A chain leading into a loop: only the loop is reported.
    assert_eq!(
        problems_after(|c| {
            c.write(
            "actors.json",
            r#"[{"id": "a", "name": "A", "affiliation": "b"},
{"id": "b", "name": "B", "affiliation": "c"},
{"id": "c", "name": "C", "affiliation": "d"},
{"id": "d", "name": "D", "affiliation": "c"},
{"id": "putin", "name": "P"}, {"id": "johnson", "name": "J"}, {"id": "russia", "name": "R"}, {"id": "uk", "name": "U"}]"#
        )
        }),
        ["DATA/actors.json:3: affiliations form a loop: c → d → c"]
    );
}

/// Actors `a0 → a1 → … → a(n-1)`, with the last pointing at `last` when given.
fn chain(n: usize, last: Option<&str>) -> String {
    let mut records: Vec<String> = (0..n)
        .map(|i| {
            let next = if i + 1 < n {
                Some(format!("a{}", i + 1))
            } else {
                last.map(String::from)
            };
            match next {
                Some(next) => format!(r#"{{"id": "a{i}", "name": "A", "affiliation": "{next}"}}"#),
                None => format!(r#"{{"id": "a{i}", "name": "A"}}"#),
            }
        })
        .collect();
    for id in ["putin", "johnson", "russia", "uk"] {
        records.push(format!(r#"{{"id": "{id}", "name": "X"}}"#));
    }
    format!("[\n{}\n]", records.join(",\n"))
}

#[test]
fn long_affiliation_chains_are_checked_quickly() {
    let started = Instant::now();
    assert_eq!(
        problems_after(|c| c.write("actors.json", chain(100_000, None))),
        Vec::<String>::new()
    );
    assert_eq!(
        problems_after(|c| c.write("actors.json", chain(1_000, Some("a0")))),
        ["DATA/actors.json:2: affiliations form a loop: a0 → a1 → a2 → a3 → a4 → a5 → a6 → a7 → a8 → a9 → a10 → a11 → … (1000 actors in all) → a0"]
    );
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn impossible_and_malformed_dates() {
    let cases = [
        ("0000-00-00", "month 00 in '0000-00-00' is not between 01 and 12"),
        ("2021-02-30", "'2021-02-30' is not a real day: February 2021 has 28 days"),
        ("99999", "the year in '99999' must be 4 digits, found '99999'"),
        ("2021-13", "month 13 in '2021-13' is not between 01 and 12"),
        ("2021-12-13/", "the interval has no end; open intervals are not supported"),
        ("/", "the interval has no start; open intervals are not supported"),
        ("", "empty date; expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[Z|±hh:mm] or START/END, optionally followed by ? ~ or %"),
        ("2021-12-13T24:00Z", "'2021-12-13T24:00Z' is not a real time of day"),
        ("2021-12-13T10:00+15:00", "the UTC offset in '2021-12-13T10:00+15:00' is out of range (at most ±14:59)"),
        ("2021-12-13T10:00-00:00", "the offset -00:00 in '2021-12-13T10:00-00:00' says the offset is unknown; leave it out (a local time), or write Z or +00:00 for UTC"),
        ("2021/2020", "the interval ends (2020) before it starts (2021)"),
        ("2021\u{1b}[2J", "the year in '2021\\u{1b}[2J' must be 4 digits, found '2021\\u{1b}[2J'"),
        ("２０２１", "the year in '２０２１' must be 4 digits, found '２０２１'"),
    ];
    for (date, message) in cases {
        let json = serde_json::to_string(date).expect("json string");
        assert_eq!(
            with_event_line(4, &denial_with("date", &json)),
            [format!(
                "DATA/events.jsonl:4: event 'denial': invalid date {}: {message}",
                quoted(date)
            )],
            "{date:?}"
        );
    }
}

fn quoted(value: &str) -> String {
    chronicle::problem::quoted(value)
}

#[test]
fn quotes_empty_spanning_sentences_and_repeated() {
    assert_eq!(
        with_event_line(
            4,
            &denial_with("quotes", r#"[{"source": "call", "text": ""}]"#)
        ),
        ["DATA/events.jsonl:4: event 'denial', quote 1 is empty"]
    );
    // A quote across a sentence boundary is found, and lies in both sentences.
    let copy = Copy::new();
    let mut lines: Vec<String> = copy
        .read("events.jsonl")
        .lines()
        .map(String::from)
        .collect();
    lines[3] = denial_with(
        "quotes",
        r#"[{"source": "call", "text": "troop movements near the Ukrainian border. Putin denied"}]"#,
    );
    copy.write("events.jsonl", lines.join("\n"));
    let dataset = copy.load().expect("a quote across sentences loads");
    let denial = dataset
        .timeline
        .events()
        .iter()
        .find(|e| &*e.id == "denial")
        .expect("denial");
    assert_eq!(denial.quotes[0].sentences.len(), 2);
    // Found twice: the first is used, and the note says so (see output.rs for `check`).
    let copy = Copy::new();
    copy.replace(
        "sources/call.txt",
        "Putin denied any plans to invade.",
        "Putin denied any plans to invade. Putin denied any plans to invade.",
    );
    let dataset = copy.load().expect("loads");
    let notes: Vec<String> = dataset
        .notes
        .iter()
        .map(|n| {
            n.to_string()
                .replace(&copy.root.display().to_string(), "DATA")
        })
        .collect();
    assert_eq!(
        notes,
        ["DATA/events.jsonl:4: event 'denial', quote 1 occurs 2 times in source 'call'; the first is used"]
    );
}

#[test]
fn sources_empty_binary_or_missing() {
    assert_eq!(
        problems_after(|c| c.write("sources/call.txt", "")),
        ["DATA/sources.json:7: source file 'sources/call.txt': the file is empty"]
    );
    assert_eq!(
        problems_after(|c| c.write("sources/call.txt", " \r\n\t\n")),
        ["DATA/sources.json:7: source file 'sources/call.txt': the file holds only white space"]
    );
    assert_eq!(
        problems_after(|c| c.write("sources/call.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")),
        ["DATA/sources.json:7: source file 'sources/call.txt': looks binary, not text (a NUL byte at byte offset 8)\n  hint: sources are plain UTF-8 text files"]
    );
    assert_eq!(
        problems_after(|c| c.write("sources/call.txt", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n")),
        ["DATA/sources.json:7: source file 'sources/call.txt': not valid UTF-8 text: invalid byte 0xE2 at byte offset 9\n  hint: save the file as UTF-8"]
    );
    assert_eq!(
        problems_after(|c| std::fs::remove_file(c.root.join("sources/call.txt")).expect("remove")),
        ["DATA/sources.json:7: source file 'sources/call.txt' not found"]
    );
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"\""),
        ["DATA/sources.json:7: source file '' the file path is empty"]
    );
    assert_eq!(
        broken("sources.json", "\"sources/call.txt\"", "\"sources\""),
        ["DATA/sources.json:7: source file 'sources' is a folder, not a text file"]
    );
}

/// A missing actors.json or sources.json is named once, and only when an event needs it; it
/// used to give one `unknown actor` or `unknown source` per reference and never name the file.
#[test]
fn a_missing_actors_or_sources_file_is_named_once_when_events_need_it() {
    let remove = |c: &Copy, file: &str| std::fs::remove_file(c.root.join(file)).expect("remove");
    assert_eq!(
        problems_after(|c| remove(c, "actors.json")),
        ["DATA/actors.json: file not found\n  hint: 3 events name actors (the first at DATA/events.jsonl:1), so the dataset needs actors.json"]
    );
    assert_eq!(
        problems_after(|c| remove(c, "sources.json")),
        ["DATA/sources.json: file not found\n  hint: 3 events quote sources (the first at DATA/events.jsonl:1), so the dataset needs sources.json"]
    );
    // Both, among other problems: each in its file's place, the count exact.
    assert_eq!(
        problems_after(|c| {
            remove(c, "actors.json");
            remove(c, "sources.json");
            c.write(
                "events.jsonl",
                format!(
                    "{}\n{}\n",
                    denial_with("date", r#""2021-13""#),
                    denial_with("quotes", "[]").replace("denial", "other")
                ),
            );
        }),
        [
            "DATA/sources.json: file not found\n  hint: 1 event quotes sources (the first at DATA/events.jsonl:1), so the dataset needs sources.json",
            "DATA/actors.json: file not found\n  hint: 2 events name actors (the first at DATA/events.jsonl:1), so the dataset needs actors.json",
            "DATA/events.jsonl:1: event 'denial': invalid date '2021-13': month 13 in '2021-13' is not between 01 and 12",
        ]
    );
    // Problems in sources.json come before a missing actors.json.
    assert_eq!(
        problems_after(|c| {
            remove(c, "actors.json");
            c.replace("sources.json", "\"Leaders speak by phone\"", "\"\"");
        }),
        [
            "DATA/sources.json:4: source 'call' has an empty title",
            "DATA/actors.json: file not found\n  hint: 3 events name actors (the first at DATA/events.jsonl:1), so the dataset needs actors.json",
        ]
    );
}

/// Events that name no actor and quote nothing need neither actors.json nor sources.json.
#[test]
fn a_dataset_may_leave_out_files_nothing_refers_into() {
    let bare = |c: &Copy| {
        c.write(
            "events.jsonl",
            denial_with("actors", "[]").replace(
                r#""quotes": [{"source": "call", "text": "Putin denied any plans to invade."}]"#,
                r#""quotes": []"#,
            ),
        );
    };
    for gone in [
        &["actors.json"][..],
        &["sources.json"],
        &["actors.json", "sources.json"],
    ] {
        let copy = Copy::new();
        bare(&copy);
        for file in gone {
            std::fs::remove_file(copy.root.join(file)).expect("remove");
        }
        assert_eq!(copy.problems(), Vec::<String>::new(), "without {gone:?}");
        assert_eq!(copy.load().expect("loads").timeline.events().len(), 1);
    }
    // Actors named but nothing quoted: only sources.json may go.
    assert_eq!(
        problems_after(|c| {
            c.write("events.jsonl", denial_with("quotes", "[]"));
            std::fs::remove_file(c.root.join("sources.json")).expect("remove");
        }),
        Vec::<String>::new()
    );
}

#[test]
fn a_100_mb_source_loads_quickly() {
    let copy = Copy::new();
    let original = copy.read("sources/call.txt");
    let filler = "Officials said the talks would continue next week, according to reports. ";
    let mut text = String::with_capacity(101 << 20);
    while text.len() < 100 << 20 {
        text.push_str(filler);
        text.push('\n');
    }
    text.push_str(&original);
    copy.write("sources/call.txt", &text);
    drop(text);
    let started = Instant::now();
    let dataset = copy.load().expect("a 100 MB source loads");
    let took = started.elapsed();
    assert_eq!(dataset.quote_count(), 3);
    // About 10 s in a debug build on a busy machine, nearly all of it the sentence splitter
    // (unoptimised); well under a second in release.
    assert!(took.as_secs() < 60, "{took:?}");
    eprintln!("100 MB source loaded in {took:?}");
}

#[test]
fn check_lists_every_problem_in_one_run() {
    let problems = problems_after(|c| {
        c.write("sources/call.txt", "");
        c.replace(
            "actors.json",
            "\"affiliation\": \"russia\"",
            "\"affiliation\": \"putin\"",
        );
        c.replace("actors.json", "\"kind\": \"state\"", "\"kind\": 3");
        let mut lines: Vec<String> = c.read("events.jsonl").lines().map(String::from).collect();
        lines[0] = lines[0].replace("2021-12-13", "2021-02-30");
        lines[1] = "{\"id\": ".into();
        lines[2] = lines[2].replace("\"concern\"", "\"call\"");
        lines[3] = denial_with("mood", "\"grim\"");
        c.write("events.jsonl", lines.join("\r\n") + "\r\n");
    });
    assert_eq!(
        problems,
        [
            "DATA/sources.json:7: source file 'sources/call.txt': the file is empty",
            "DATA/actors.json:2: kind: expected a string, found a number 3",
            "DATA/actors.json:9: affiliations form a loop: putin → putin",
            "DATA/events.jsonl:1: event 'call': invalid date '2021-02-30': '2021-02-30' is not a real day: February 2021 has 28 days",
            "DATA/events.jsonl:2:7: EOF while parsing a value",
            "DATA/events.jsonl:3: duplicate event id 'call' (first defined on line 1)",
            "DATA/events.jsonl:4: unknown field 'mood', expected one of 'id', 'date', 'title', 'summary', 'type', 'actors', 'location', 'tags', 'quotes', 'attributes', 'roles', 'region', 'coordinates'",
        ]
    );
}
