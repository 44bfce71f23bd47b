//! Importing GDELT, ACLED and TimelineJS exports, run as the real binary: round trips through a
//! dataset folder, every kind of bad row with its exact message, and --skip-invalid counting.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
use cli::run;

fn fixture(name: &str) -> String {
    cli::import_fixture(name)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs a command that must succeed and returns its standard output.
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// `events --json` as parsed records, in timeline order.
fn events_json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["events"];
    all.extend_from_slice(args);
    all.push("--json");
    ok(&all)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn find<'a>(events: &'a [Value], id: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// Imports `files` into a new folder, checks it loads, and returns the folder.
fn import(files: &[&str], extra: &[&str]) -> (tempfile::TempDir, String) {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("dataset").display().to_string();
    let mut args = vec!["import"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", &dir]);
    let written = ok(&args);
    assert!(written.starts_with("wrote "), "{written}");
    (temp, dir)
}

fn gdelt_files() -> [String; 2] {
    [fixture("gdelt2.export.CSV"), fixture("gdelt2.mentions.CSV")]
}

#[test]
fn gdelt_round_trip_keeps_ids_dates_actors_and_mentions() {
    let [events, mentions] = gdelt_files();
    let articles = fixture("articles");
    let (_temp, dir) = import(&[&events, &mentions], &["--articles", &articles]);
    assert_eq!(
        ok(&["check", &dir]),
        "7 events, 5 actors, 4 sources, 2 quotes verified\n"
    );
    let imported = events_json(&[&dir]);
    assert_eq!(imported.len(), 7);
    let first = find(&imported, "410412347");
    assert_eq!(first["date"], "2014-02-18");
    // Only Actor2 (the target) is named: it is not made the subject.
    assert_eq!(first["title"], "Host a visit (target: PRESIDENT)");
    assert_eq!(first["roles"], serde_json::json!({"president": "target"}));
    // ActionGeo: the FIPS code "SF" named (South Africa, not ISO's Finland), the ADM1 code
    // kept as written, and the point.
    assert_eq!(
        first["region"],
        serde_json::json!({"country": "South Africa", "admin1": "SF03"})
    );
    assert_eq!(
        first["coordinates"],
        serde_json::json!({"lat": -30.3098, "lon": 25.2971})
    );
    assert_eq!(
        first["url"],
        "http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-forward-blames-low-ranking-operator/"
    );
    assert_eq!(first["type"], "Host a visit");
    assert_eq!(first["location"], "Waterkloof, Free State, South Africa");
    assert_eq!(first["attributes"]["cameo"], "043");
    assert_eq!(first["attributes"]["cameo_root"], "04 Consult");
    assert_eq!(first["attributes"]["quad_class"], "1 Verbal cooperation");
    // Scores and counts are numbers, written as GDELT wrote them.
    assert_eq!(first["attributes"]["goldstein"], serde_json::json!(2.8));
    assert_eq!(first["attributes"]["mentions"], serde_json::json!(5));
    assert_eq!(first["attributes"]["sources"], serde_json::json!(1));
    assert_eq!(first["attributes"]["articles"], serde_json::json!(5));
    assert_eq!(first["attributes"]["tone"].to_string(), "-4.4776119402985");
    // The article the row was coded from: a source without text, found by its id.
    assert_eq!(first["attributes"]["source"], "www-dailymaverick-co-za");
    let sources = fs::read_to_string(Path::new(&dir).join("sources.json")).expect("sources");
    assert!(sources.contains(
        "{\"id\":\"www-dailymaverick-co-za\",\"title\":\"Sona2015 jamming state security agency steps forward blames low ranking operator\",\"publisher\":\"www.dailymaverick.co.za\",\"url\":\"http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-forward-blames-low-ranking-operator/\"}"
    ), "{sources}");
    // The event → mention link, with the article's place and GDELT's confidence.
    assert_eq!(
        first["attributes"]["mention 01"],
        "dailymaverick.co.za, sentence 19, character offsets: actor1 none, actor2 4594, action 4634, confidence 50%: \
         http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-forward-blames-low-ranking-operator/"
    );
    assert!(first["quotes"].as_array().is_some_and(Vec::is_empty));
    // A mention whose article is saved (named by the URL's SHA-256) resolves to the sentence
    // holding its action offset: a quote the dataset checker verifies.
    let saved = find(&imported, "410412348");
    assert_eq!(saved["quotes"][0]["source"], "timesofindia-indiatimes-com");
    assert_eq!(saved["quotes"][0]["sentence"], 2);
    assert!(saved["quotes"][0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("Breeders from Mumbai")));
    // One listed in the articles folder's manifest.tsv.
    let listed = find(&imported, "410412351");
    assert_eq!(listed["quotes"][0]["sentence"], 1);
    // KIWI (code NZL) acts in three rows but is one actor.
    let actors = ok(&["actors", &dir, "--json"]);
    let kiwi: Vec<&str> = actors.lines().filter(|l| l.contains("\"KIWI\"")).collect();
    assert_eq!(kiwi.len(), 1, "{actors}");
    assert!(kiwi[0].contains("\"events\":4"), "{actors}");
    assert!(kiwi[0].contains("\"aliases\":[\"NZL\"]"), "{actors}");
}

#[test]
fn gdelt_files_open_directly_and_mentions_without_events_are_noted() {
    let [events, mentions] = gdelt_files();
    let output = run(&["check", &events, &mentions]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "7 events, 5 actors, 4 sources, 0 quotes verified\n"
    );
    assert_eq!(
        stderr(&output),
        format!(
            "note: {mentions}: 1 mention refers to events not in the given events files; left out\n"
        )
    );
}

#[test]
fn gdelt_1_rows_of_57_and_58_columns_mix_in_one_file() {
    let imported = events_json(&[&fixture("gdelt1.export.CSV")]);
    assert_eq!(imported.len(), 5);
    let backfile = find(&imported, "1");
    assert_eq!(backfile["date"], "1979-01-01");
    assert_eq!(backfile["location"], "Nigeria");
    assert!(backfile["attributes"].get("source").is_none());
    assert_eq!(
        backfile["coordinates"],
        serde_json::json!({"lat": 10.0, "lon": 8.0})
    );
    // Found by a new user's trial: a row with no place (ActionGeo_Type empty, 0 and 0 for
    // coordinates) was put at 0, 0 on the map.
    let nowhere = find(&imported, "0");
    assert!(nowhere.get("coordinates").is_none(), "{nowhere}");
    assert!(nowhere.get("region").is_none(), "{nowhere}");
    let daily = find(&imported, "253461012");
    assert_eq!(daily["date"], "2003-04-04");
    assert_eq!(daily["attributes"]["source"], "www-bangkokpost-com");
}

#[test]
fn acled_dates_keep_their_precision() {
    let (_temp, dir) = import(&[&fixture("acled.csv"), &fixture("acled_2019.csv")], &[]);
    assert_eq!(
        ok(&["check", &dir]),
        "6 events, 11 actors, 0 sources, 0 quotes verified\n"
    );
    let imported = events_json(&[&dir]);
    let day = find(&imported, "SDN1001");
    assert_eq!(day["date"], "2023-04-15");
    assert_eq!(day["type"], "Battles / Armed clash");
    assert_eq!(
        day["title"],
        "Armed clash: Military Forces of Sudan (2019-) vs Rapid Support Forces"
    );
    assert_eq!(day["location"], "Khartoum, Sudan");
    assert_eq!(day["attributes"]["fatalities"], serde_json::json!(12));
    assert_eq!(
        day["roles"],
        serde_json::json!({"military-forces-of-sudan-2019": "source", "rapid-support-forces": "target"})
    );
    assert_eq!(
        day["region"],
        serde_json::json!({"country": "Sudan", "admin1": "Khartoum", "admin2": "Khartoum"})
    );
    assert_eq!(
        day["coordinates"],
        serde_json::json!({"lat": 15.5007, "lon": 32.5599})
    );
    assert_eq!(day["attributes"]["sources"], "Reuters; Al Jazeera");
    assert!(day["summary"].as_str().is_some_and(
        |s| s.contains("\"heavy\" gunfire, reported") || s.contains("with \"heavy\" gunfire")
    ));
    // A week: the week around the middle day ACLED records, approximate.
    let week = find(&imported, "SDN1002");
    assert_eq!(week["date"], "2023-04-16/2023-04-22~");
    assert_eq!(week["attributes"]["recorded_date"], "2023-04-19");
    // A month stays a month.
    let month = find(&imported, "SDN1003");
    assert_eq!(month["date"], "2023-04");
    assert_eq!(
        month["actors"],
        serde_json::json!(["protesters-sudan", "women-sudan", "teachers-sudan"])
    );
    assert_eq!(month["tags"], serde_json::json!(["crowd size=no report"]));
    // The older layout: 'DD Month YYYY' dates and numeric inter codes.
    let old = find(&imported, "KEN2001");
    assert_eq!(old["date"], "2019-04-15");
    assert_eq!(old["attributes"]["inter2"], "1");
    assert_eq!(find(&imported, "KEN2002")["date"], "2019-04-18/2019-04-24~");
    // Actors repeated across rows are one record each, with the kind their inter code gives.
    let actors = ok(&["actors", &dir, "--json"]);
    let military: Vec<&str> = actors
        .lines()
        .filter(|l| l.contains("Military Forces of Sudan"))
        .collect();
    assert_eq!(military.len(), 1, "{actors}");
    assert!(military[0].contains("\"kind\":\"state\""), "{actors}");
    assert!(military[0].contains("\"events\":2"), "{actors}");
    // Order in the timeline: the month (from 1 April) before the days in it.
    let order: Vec<&str> = imported.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(
        order,
        ["KEN2001", "KEN2002", "SDN1003", "SDN1001", "SDN1002", "SDN1004"]
    );
}

#[test]
fn timelinejs_reads_strings_or_numbers_and_writes_back() {
    let input = fixture("timelinejs.json");
    let imported = events_json(&[&input]);
    assert_eq!(imported.len(), 7);
    let heritage = find(&imported, "houston-heritage");
    assert_eq!(heritage["date"], "1963-08-09");
    assert_eq!(heritage["title"], "A Musical Heritage");
    assert!(heritage["summary"]
        .as_str()
        .is_some_and(|s| s.starts_with("Born in New Jersey")));
    assert_eq!(find(&imported, "timelinejs-2")["date"], "1978");
    assert_eq!(
        find(&imported, "timelinejs-3")["date"],
        "1815-12-10/1852-11-27"
    );
    assert_eq!(find(&imported, "timelinejs-4")["date"], "1943-07/1946");
    let grouped = find(&imported, "timelinejs-5");
    assert_eq!(grouped["date"], "2016-11-13T09:30");
    assert_eq!(
        grouped["tags"],
        serde_json::json!(["Group 1 - 1ST_INTERVIEW - 1st Interview - Technical assessment"])
    );
    assert_eq!(
        find(&imported, "timelinejs-7")["date"],
        "0622-08-09/0622-08-23"
    );
    assert_eq!(
        ok(&["check", &input]),
        "7 events, 0 actors, 4 sources, 0 quotes verified\n"
    );

    // Written out, only the fields each precision supports, as numbers.
    let written = ok(&["events", &input, "--format", "timelinejs"]);
    let timeline: Value = serde_json::from_str(&written).expect("TimelineJS JSON");
    let slides = timeline["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(slides.len(), 7);
    let slide = |id: &str| {
        slides
            .iter()
            .find(|s| s["unique_id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no slide {id}"))
    };
    assert_eq!(
        slide("timelinejs-2")["start_date"],
        serde_json::json!({"year": 1978})
    );
    assert_eq!(
        slide("timelinejs-4")["start_date"],
        serde_json::json!({"year": 1943, "month": 7})
    );
    assert_eq!(
        slide("timelinejs-4")["end_date"],
        serde_json::json!({"year": 1946})
    );
    assert_eq!(
        slide("timelinejs-5")["start_date"],
        serde_json::json!({"year": 2016, "month": 11, "day": 13, "hour": 9, "minute": 30})
    );
    assert_eq!(
        slide("houston-heritage")["text"]["headline"],
        "A Musical Heritage"
    );

    // And read back, the same timeline.
    let temp = tempfile::tempdir().expect("temp dir");
    let path = temp.path().join("back.json");
    fs::write(&path, &written).expect("write");
    let back = events_json(&[&path.display().to_string()]);
    let dates = |events: &[Value]| -> Vec<(String, String, String)> {
        events
            .iter()
            .map(|e| {
                (
                    e["id"].to_string(),
                    e["date"].to_string(),
                    e["tags"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(dates(&back), dates(&imported));
}

#[test]
fn acled_week_writes_to_timelinejs_as_an_interval_with_a_display_date() {
    let written = ok(&["events", &fixture("acled.csv"), "--format", "timelinejs"]);
    let timeline: Value = serde_json::from_str(&written).expect("TimelineJS JSON");
    let week = timeline["events"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["unique_id"] == "SDN1002"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        week["start_date"],
        serde_json::json!({"year": 2023, "month": 4, "day": 16})
    );
    assert_eq!(
        week["end_date"],
        serde_json::json!({"year": 2023, "month": 4, "day": 22})
    );
    assert_eq!(week["display_date"], "~2023-04-16..22");
    assert_eq!(week["group"], "Violence against civilians / Attack");
}

/// Each event's id and date (EDTF), in timeline order.
type IdDates = Vec<(String, String)>;

fn id_dates(events: &[Value]) -> IdDates {
    events
        .iter()
        .map(|e| (e["id"].to_string(), e["date"].to_string()))
        .collect()
}

/// Exports `dataset` as TimelineJS, imports that into a folder, and returns both timelines'
/// ids and dates.
fn timelinejs_round_trip(dataset: &str) -> (IdDates, IdDates) {
    let written = ok(&["events", dataset, "--format", "timelinejs"]);
    let (_temp, path) = temp_file("exported.json", &written);
    let (_out, dir) = import(&[&path.display().to_string()], &[]);
    (
        id_dates(&events_json(&[dataset])),
        id_dates(&events_json(&[&dir])),
    )
}

/// TimelineJS's date fields cannot say `?`, `~` or a UTC offset; the import used to drop them
/// (`2021?` came back as `2021`, `~2021-12-11..12` as the exact `2021-12-11/2021-12-12`).
#[test]
fn a_timelinejs_round_trip_keeps_every_date_with_its_qualifiers() {
    let (original, back) = timelinejs_round_trip("data");
    assert!(original.iter().any(|(_, d)| d.contains('?')));
    assert!(original.iter().any(|(_, d)| d.contains('~')));
    assert_eq!(back, original);

    // Every form: offsets, seconds, intervals shown short or whole, both qualifiers.
    let dates = [
        "2021-12-13T14:30+03:00",
        "2021-12-13T14:30:05Z",
        "2021-12-13T09:30",
        "2021-12-10/2021-12-12%",
        "2021-11-28/2021-12-03?",
        "2021-12-28/2022-01-03~",
        "2021-11/2021-12~",
        "2021-12-11/2021-12~",
        "2021/2022?",
        "2021-12-13T10:00Z/2021-12-13T12:00Z",
        "2020-02%",
    ];
    let temp = tempfile::tempdir().expect("temp dir");
    let lines: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(n, date)| {
            format!(r#"{{"id": "e{n}", "date": "{date}", "title": "Event {n}", "actors": [], "quotes": []}}"#)
        })
        .collect();
    fs::write(temp.path().join("events.jsonl"), lines.join("\n")).expect("write events");
    let dataset = temp.path().display().to_string();
    let (original, back) = timelinejs_round_trip(&dataset);
    assert_eq!(original.len(), dates.len());
    assert_eq!(back, original);
}

/// A `display_date` that is not chronicle's display of the slide's own dates (other wording,
/// or other dates) leaves the date to the fields and is kept as an attribute, as before.
#[test]
fn other_display_dates_from_timelinejs_stay_attributes() {
    let text = r#"{"events": [
        {"start_date": {"year": 1963}, "display_date": "Summer 1963", "unique_id": "words"},
        {"start_date": {"year": 1963, "month": 8, "day": 9}, "display_date": "1963", "unique_id": "coarser"},
        {"start_date": {"year": 1963}, "display_date": "~1964", "unique_id": "other-year"},
        {"start_date": {"year": 1963}, "end_date": {"year": 1965}, "display_date": "1963?", "unique_id": "no-end"},
        {"start_date": {"year": 1963, "display_date": "1963"}, "unique_id": "same"}
    ]}"#;
    let (_temp, path) = temp_file("other.json", text);
    let events = events_json(&[&path.display().to_string()]);
    let mut got: Vec<(String, String, String)> = events
        .iter()
        .map(|e| {
            (
                e["id"].to_string(),
                e["date"].to_string(),
                e["attributes"]["display_date"].to_string(),
            )
        })
        .collect();
    got.sort();
    let expected = [
        ("coarser", "1963-08-09", "1963"),
        ("no-end", "1963/1965", "1963?"),
        ("other-year", "1963", "~1964"),
        ("same", "1963", "1963"),
        ("words", "1963", "Summer 1963"),
    ]
    .map(|(id, date, shown)| (format!("{id:?}"), format!("{date:?}"), format!("{shown:?}")));
    assert_eq!(got, expected);
}

#[test]
fn csv_and_markdown_outputs() {
    let csv = ok(&[
        "events",
        &fixture("acled.csv"),
        "--format",
        "csv",
        "--actor",
        "rapid-support-forces",
    ]);
    // One column per attribute, after the fixed ones: ACLED's own "; " lists stay whole.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header.join(","),
        "id,date,title,type,actors,actor_ids,roles,location,country,admin1,admin2,lat,lon,\
         tags,summary,quotes,url,admin3,civilian_targeting,disorder_type,fatalities,\
         geo_precision,inter1,inter2,interaction,iso,recorded_date,source_scale,sources,\
         timestamp,world_region"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    let cell = |row: &csv::StringRecord, name: &str| {
        let at = header.iter().position(|h| h == name).expect("a column");
        row.get(at).unwrap_or("").to_string()
    };
    let day = rows.iter().find(|r| &r[0] == "SDN1001").expect("SDN1001");
    assert_eq!(cell(day, "fatalities"), "12");
    assert_eq!(cell(day, "sources"), "Reuters; Al Jazeera");
    assert_eq!(cell(day, "roles"), "source; target");
    assert_eq!(cell(day, "country"), "Sudan");
    assert_eq!(cell(day, "admin1"), "Khartoum");
    assert_eq!(cell(day, "lat"), "15.5007");
    assert_eq!(cell(day, "lon"), "32.5599");
    // Commas and quote marks in notes are read back whole.
    assert!(
        cell(day, "summary").contains("with \"heavy\" gunfire"),
        "{csv}"
    );
    let week = rows.iter().find(|r| &r[0] == "SDN1002").expect("SDN1002");
    assert_eq!(&week[1], "2023-04-16/2023-04-22~");
    assert_eq!(cell(week, "recorded_date"), "2023-04-19");
    assert_eq!(cell(week, "civilian_targeting"), "Civilian targeting");

    let markdown = ok(&[
        "events",
        &fixture("acled.csv"),
        "--format",
        "markdown",
        "--from",
        "2023-05",
    ]);
    assert!(markdown.starts_with("# acled.csv\n"), "{markdown}");
    assert!(
        markdown.contains("## 2023-05-02 — Armed clash: Military Forces of Sudan (2019-) vs Rapid Support Forces\n"),
        "{markdown}"
    );
    assert!(markdown.contains("**Id:** `SDN1004`"), "{markdown}");
    // Where it happened and the numbers, not only the text.
    assert!(markdown.contains("**fatalities:** "), "{markdown}");
    assert!(markdown.contains("**Region:** "), "{markdown}");
}

#[test]
fn import_refuses_a_folder_that_is_not_empty_unless_forced() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().display().to_string();
    fs::write(temp.path().join("notes.txt"), "mine").expect("write");
    let input = fixture("acled.csv");
    let refused = run(&["import", &input, "-o", &dir]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused),
        format!("chronicle: {dir} is not empty; choose a new folder, or add --force to replace the dataset files in it\n")
    );
    ok(&["import", &input, "-o", &dir, "--force"]);
    assert_eq!(
        ok(&["check", &dir]),
        "4 events, 7 actors, 0 sources, 0 quotes verified\n"
    );
    assert!(temp.path().join("notes.txt").exists());
}

/// Writes `text` to a file named `name` in a new temporary folder.
fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("temp dir");
    let path = temp.path().join(name);
    fs::write(&path, text).expect("write");
    (temp, path)
}

/// The fixture's GDELT rows with field `column` of row `row` (0-based) set to `value`.
fn gdelt_with(changes: &[(usize, usize, &str)]) -> String {
    let text = fs::read_to_string(fixture("gdelt2.export.CSV")).expect("read fixture");
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let mut fields: Vec<&str> = line.split('\t').collect();
        for (row, column, value) in changes {
            if *row == n {
                if *column == usize::MAX {
                    fields.truncate(12);
                } else {
                    fields[*column] = value;
                }
            }
        }
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[test]
fn bad_gdelt_rows_are_all_reported_with_line_and_column() {
    let text = gdelt_with(&[
        (1, usize::MAX, ""),
        (2, 1, "2014-02-18"),
        (3, 1, "20140231"),
        (3, 31, "many"),
        (4, 30, "high"),
        (5, 26, "x1"),
    ]);
    let (_temp, path) = temp_file("bad.export.CSV", &text);
    let shown = path.display().to_string();
    let output = run(&["check", &shown]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let expected = [
        format!("{shown}:2: expected 61 columns (GDELT 2.0) or 57 or 58 (GDELT 1.0), found 12"),
        format!("{shown}:3: SQLDATE: '2014-02-18' is not a date in YYYYMMDD form"),
        format!("{shown}:4: SQLDATE: '20140231' is not a date: '2014-02-31' is not a real day: February 2014 has 28 days"),
        format!("{shown}:4: NumMentions: 'many' is not a whole number"),
        format!("{shown}:5: GoldsteinScale: 'high' is not a number"),
        format!("{shown}:6: EventCode: 'x1' is not a CAMEO event code"),
        format!("6 problems in {shown}"),
        "  hint: --skip-invalid imports the valid rows and counts the others".to_string(),
    ];
    assert_eq!(stderr(&output), expected.join("\n") + "\n");
}

#[test]
fn skip_invalid_counts_and_reports_the_skipped_rows() {
    let text = gdelt_with(&[(1, usize::MAX, ""), (2, 1, "2014-02-18"), (4, 31, "many")]);
    let (temp, path) = temp_file("bad.export.CSV", &text);
    let shown = path.display().to_string();
    let output = run(&["check", &shown, "--skip-invalid"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "4 events, 3 actors, 2 sources, 0 quotes verified\n"
    );
    assert_eq!(
        stderr(&output),
        "chronicle: 7 rows, 3 skipped: see --report FILE\n"
    );

    let report = temp.path().join("report.txt");
    let report_shown = report.display().to_string();
    let output = run(&[
        "events",
        &shown,
        "--skip-invalid",
        "--report",
        &report_shown,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 4);
    assert_eq!(
        stderr(&output),
        format!("chronicle: 7 rows, 3 skipped: their problems are in {report_shown}\n")
    );
    assert_eq!(
        fs::read_to_string(&report).expect("report"),
        format!(
            "{shown}:2: expected 61 columns (GDELT 2.0) or 57 or 58 (GDELT 1.0), found 12\n\
             {shown}:3: SQLDATE: '2014-02-18' is not a date in YYYYMMDD form\n\
             {shown}:5: NumMentions: 'many' is not a whole number\n"
        )
    );
}

#[test]
fn bad_acled_rows_are_all_reported_with_line_and_column() {
    let text = fs::read_to_string(fixture("acled.csv")).expect("read fixture");
    let text = text
        .replacen(
            "SDN1001,2023-04-15,2023,1,",
            "SDN1001,2023-04-31,2023,1,",
            1,
        )
        .replacen(
            "SDN1002,2023-04-19,2023,2,",
            "SDN1002,2023-04-19,2023,4,",
            1,
        )
        .replacen(",12,,1681776000", ",twelve,,1681776000", 1)
        .replacen("SDN1004,2023-05-02,2023,1,", "SDN1004,2023-05-02,1,", 1);
    let (_temp, path) = temp_file("acled.csv", &text);
    let shown = path.display().to_string();
    let output = run(&["events", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let expected = [
        format!("{shown}:2: event_date: '2023-04-31' is not a date: April 2023 has 30 days"),
        format!("{shown}:2: fatalities: 'twelve' is not a whole number"),
        format!("{shown}:3: time_precision: '4' is not 1 (day), 2 (week) or 3 (month)"),
        format!("{shown}:5: expected 31 columns as in the header, found 30"),
        format!("4 problems in {shown}"),
        "  hint: --skip-invalid imports the valid rows and counts the others".to_string(),
    ];
    assert_eq!(stderr(&output), expected.join("\n") + "\n");
}

#[test]
fn bad_timelinejs_events_are_reported_by_position_and_headline() {
    let text = r#"{"events": [
        {"start_date": {"year": "2020", "month": "13"}, "text": {"headline": "Bad <b>month</b>"}},
        {"start_date": {"year": "soon"}},
        {"text": {"headline": "No date"}},
        {"start_date": {"year": 2021}, "end_date": {"year": 2020}, "text": {"headline": "Backwards"}},
        {"start_date": {"year": 2021}, "text": {"headline": "Fine"}}
    ]}"#;
    let (_temp, path) = temp_file("timeline.json", text);
    let shown = path.display().to_string();
    let output = run(&["check", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let expected = [
        format!("{shown}:2: events[0] ('Bad month'): start_date.month: 13 is not between 1 and 12"),
        format!("{shown}:3: events[1]: start_date.year: 'soon' is not a whole number"),
        format!("{shown}:4: events[2] ('No date'): start_date: missing; every event needs a start date"),
        format!("{shown}:5: events[3] ('Backwards'): end_date: the interval ends (2020) before it starts (2021)"),
        format!("4 problems in {shown}"),
        "  hint: --skip-invalid imports the valid rows and counts the others".to_string(),
    ];
    assert_eq!(stderr(&output), expected.join("\n") + "\n");
    let skipped = run(&["check", &shown, "--skip-invalid"]);
    assert_eq!(
        stdout(&skipped),
        "1 event, 0 actors, 0 sources, 0 quotes verified\n"
    );
    assert_eq!(
        stderr(&skipped),
        "chronicle: 5 rows, 4 skipped: see --report FILE\n"
    );
}

#[test]
fn unknown_formats_are_refused_unless_forced() {
    let (_temp, path) = temp_file("notes.txt", "just some notes\n");
    let shown = path.display().to_string();
    let output = run(&["check", &shown]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{shown}: cannot tell the format: the first line is not TimelineJS JSON, an ACLED header \
             (event_id_cnty,event_date,...) or a GDELT row (tab-separated; 57, 58 or 61 columns for \
             events, 16 for mentions; found 1); use --input-format gdelt|acled|timelinejs\n\
             1 problem in {shown}\n"
        )
    );
    let forced = run(&["check", &shown, "--input-format", "gdelt"]);
    assert_eq!(forced.status.code(), Some(1));
    assert!(stderr(&forced).starts_with(&format!(
        "{shown}:1: expected 61 columns (GDELT 2.0) or 57 or 58 (GDELT 1.0), found 1\n"
    )));
}

#[test]
fn several_formats_merge_into_one_timeline() {
    let [events, _] = gdelt_files();
    let output = ok(&[
        "check",
        &events,
        &fixture("acled.csv"),
        &fixture("timelinejs.json"),
    ]);
    assert_eq!(
        output,
        "18 events, 12 actors, 8 sources, 0 quotes verified\n"
    );
    // The same rows twice (overlapping downloads) are one timeline, and a note counts them.
    let twice = run(&["check", &events, &events]);
    assert_eq!(twice.status.code(), Some(0), "{}", stderr(&twice));
    assert_eq!(
        stdout(&twice),
        "7 events, 5 actors, 4 sources, 0 quotes verified\n"
    );
    assert_eq!(
        stderr(&twice),
        format!(
            "note: {events}: 7 rows identical to rows read before, merged: lines 1, 2, 3, 4, 5 \
             and 2 more (the first repeats {events}:1)\n"
        )
    );
}

#[test]
fn acled_upper_case_headers_of_the_oldest_layout_read_too() {
    // The layout of ACLED's version 7 files: upper-case names, ALLY_ACTOR_1 for the associated
    // actors, numeric inter codes, DD/MM/YYYY dates, no sub-event type.
    let text = "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n\
                501,KEN3001,3001,04/03/2016,2016,3,Riots/Protests,Protesters (Kenya),Teachers (Kenya),6,,,0,60,Kenya,Nairobi,,,Nairobi,-1.2833,36.8167,1,Daily Nation,Teachers marched. [Invented for tests],0\n";
    let (_temp, path) = temp_file("acled_v7.csv", text);
    let shown = path.display().to_string();
    // 04/03/2016 reads two ways and nothing in the file tells which: the user chooses.
    let refused = run(&["check", &shown]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).starts_with(&format!(
        "{shown}:2: event_date: cannot tell whether '04/03/2016' is 4 March or 3 April 2016"
    )));
    let imported = events_json(&[&shown, "--date-order", "dmy"]);
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0]["id"], "KEN3001");
    assert_eq!(imported[0]["date"], "2016-03");
    assert_eq!(imported[0]["type"], "Riots/Protests");
    assert_eq!(
        imported[0]["actors"],
        serde_json::json!(["protesters-kenya", "teachers-kenya"])
    );
}

#[test]
fn bad_mention_rows_are_reported_and_all_invalid_rows_leave_no_timeline() {
    let [events, _] = gdelt_files();
    let mentions = fs::read_to_string(fixture("gdelt2.mentions.CSV")).expect("read fixture");
    let mut lines: Vec<String> = mentions.lines().map(str::to_string).collect();
    lines[1] = lines[1].replacen(
        "\t2\t-1\t300\t344\t1\t50\t",
        "\t2\t-1\t300\tnear\t1\t50\t",
        1,
    );
    lines[2] = "410412349\tshort row".to_string();
    let (temp, path) = temp_file("bad.mentions.CSV", &(lines.join("\n") + "\n"));
    let shown = path.display().to_string();
    let report = temp.path().join("report.txt");
    let report_shown = report.display().to_string();
    let output = run(&["check", &events, &shown, "--report", &report_shown]);
    assert_eq!(output.status.code(), Some(1));
    let problems = [
        format!("{shown}:2: ActionCharOffset: 'near' is not a whole number"),
        format!("{shown}:3: expected 16 columns (GDELT 2.0 mentions), found 2"),
    ];
    assert!(
        stderr(&output).starts_with(&(problems.join("\n") + "\n2 problems in 2 files\n")),
        "{}",
        stderr(&output)
    );
    // The report lists the problems of a failed import too.
    assert_eq!(
        fs::read_to_string(&report).expect("report"),
        problems.join("\n") + "\n"
    );

    // A file whose every row is invalid gives no timeline, even when skipping.
    let (_temp, path) = temp_file("bad.export.CSV", "1\t2\t3\n");
    let shown = path.display().to_string();
    let output = run(&[
        "events",
        &shown,
        "--input-format",
        "gdelt",
        "--skip-invalid",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{shown}:1: expected 61 columns (GDELT 2.0) or 57 or 58 (GDELT 1.0), found 3\n\
             {shown}: no valid events: every row is invalid\n\
             2 problems in {shown}\n"
        )
    );
}

/// Runs `check` on `files` (with `extra` flags) that must fail, and returns its standard error.
fn refused(files: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["check"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{args:?}: {}",
        stdout(&output)
    );
    stderr(&output)
}

/// Ids and dates of `events --json` on `args`, sorted by id.
fn sorted_dates(args: &[&str]) -> Vec<(String, String)> {
    let mut dates: Vec<(String, String)> = events_json(args)
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap_or("").to_string(),
                e["date"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    dates.sort();
    dates
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `30-Jun-22` and `3 June 22` used to load as the year 0022, and `check` passed.
#[test]
fn acled_two_digit_years_take_their_century_from_the_year_column() {
    let file = fixture("acled_two_digit_years.csv");
    assert_eq!(
        refused(&[&file], &[]),
        format!(
            "{file}:4: event_date: '5-Jul-21' has the two-digit year 21, which is not year 2022; \
             one of them is wrong\n\
             {file}:5: year: 2021 disagrees with event_date '2022-07-06' (year 2022); one of them \
             is wrong\n\
             2 problems in {file}\n  hint: --skip-invalid imports the valid rows and counts the others\n"
        )
    );
    assert_eq!(
        sorted_dates(&[&file, "--skip-invalid"]),
        pairs(&[("KEN4001", "2022-06-30"), ("KEN4002", "2022-06-03")])
    );
    // Without a year column, a two-digit year has no century to take.
    let text = fs::read_to_string(&file).expect("read fixture").replacen(
        "event_date,year,",
        "event_date,yr,",
        1,
    );
    let (_temp, path) = temp_file("no_year.csv", &text);
    let shown = path.display().to_string();
    assert!(refused(&[&shown], &[]).starts_with(&format!(
        "{shown}:2: event_date: '30-Jun-22' has a two-digit year, and the row has no year to \
         tell its century from; write the year in full\n"
    )));
}

/// `6/3/2022` used to be read as 6 March (day first) while `06/30/2022` in the same file was
/// refused: the order is now the file's, told by its dates and named in a note.
#[test]
fn acled_slash_dates_are_read_in_the_order_the_file_shows() {
    let file = fixture("acled_slash_month_first.csv");
    let output = run(&["events", &file, "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "note: {file}: event_date: slash dates read month first (MM/DD/YYYY): line 2 has \
             '06/30/2022', which cannot be day first\n"
        )
    );
    assert_eq!(
        sorted_dates(&[&file]),
        pairs(&[("KEN5001", "2022-06-30"), ("KEN5002", "2022-06-03")])
    );

    // A timestamp before one reading rules it out.
    let file = fixture("acled_slash_timestamp.csv");
    assert_eq!(sorted_dates(&[&file]), pairs(&[("KEN7001", "2022-03-06")]));
    assert!(stderr(&run(&["check", &file])).contains(
        "slash dates read day first (DD/MM/YYYY): line 2 has '06/03/2022', which read month \
         first (MM/DD/YYYY) would come after the row's timestamp (2022-03-10)"
    ));
}

#[test]
fn acled_slash_dates_that_read_two_ways_wait_for_the_users_choice() {
    let file = fixture("acled_slash_ambiguous.csv");
    assert_eq!(
        refused(&[&file], &[]),
        format!(
            "{file}:2: event_date: cannot tell whether '06/03/2022' is 6 March or 3 June 2022: no \
             slash date in the file has a day over 12, and no timestamp rules a reading out; \
             choose with --date-order dmy (day first) or --date-order mdy (month first)\n\
             1 problem in {file}\n"
        )
    );
    assert_eq!(
        sorted_dates(&[&file, "--date-order", "dmy"]),
        pairs(&[("KEN6001", "2022-03-06"), ("KEN6002", "2022-05-04")])
    );
    assert_eq!(
        sorted_dates(&[&file, "--date-order", "mdy"]),
        pairs(&[("KEN6001", "2022-06-03"), ("KEN6002", "2022-04-05")])
    );

    // Dates that disagree: the file is refused; a chosen order reports those that do not fit.
    let text = fs::read_to_string(fixture("acled_slash_month_first.csv"))
        .expect("read fixture")
        .replacen("6/3/2022", "30/06/2022", 1);
    let (_temp, path) = temp_file("both.csv", &text);
    let shown = path.display().to_string();
    assert_eq!(
        refused(&[&shown], &[]),
        format!(
            "{shown}: event_date: the slash dates disagree on their order: line 3 has \
             '30/06/2022', which cannot be month first, but line 2 has '06/30/2022', which cannot \
             be day first; correct the file, or choose with --date-order dmy|mdy (the dates that \
             do not fit are then reported)\n1 problem in {shown}\n"
        )
    );
    assert!(
        refused(&[&shown], &["--date-order", "mdy"]).starts_with(&format!(
            "{shown}:3: event_date: '30/06/2022' is not a date read month first (MM/DD/YYYY) (as \
         --date-order mdy says): there is no month 30\n"
        ))
    );
}

/// A header whose latitude and longitude names are swapped used to load without a word.
#[test]
fn acled_swapped_coordinates_are_caught_against_the_country() {
    let file = fixture("acled_swapped_coordinates.csv");
    let problems = refused(&[&file], &[]);
    assert!(problems.starts_with(&format!(
        "{file}:2: latitude: '32.5599' and longitude '15.5007' look swapped: the point lies \
         outside Sudan as written, and inside it the other way round; check the header\n"
    )));
    assert!(problems.contains("4 problems in"), "{problems}");
    // The same rows with the header right: no problem, no note.
    let output = run(&["check", &fixture("acled.csv")]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

/// event_type and sub_event_type swapped in the header used to load as "Armed clash / Battles".
#[test]
fn acled_swapped_or_misfiled_types_are_caught_against_the_codebook() {
    let file = fixture("acled_swapped_types.csv");
    let problems = refused(&[&file], &[]);
    assert!(problems.starts_with(&format!(
        "{file}:2: event_type: 'Armed clash' and sub_event_type 'Battles' look swapped: ACLED's \
         codebook files 'Armed clash' under 'Battles'; check the header\n"
    )));
    assert!(problems.contains("4 problems in"), "{problems}");
    let text = fs::read_to_string(fixture("acled.csv"))
        .expect("read fixture")
        .replacen("Battles,Armed clash", "Battles,Peaceful protest", 1);
    let (_temp, path) = temp_file("misfiled.csv", &text);
    let shown = path.display().to_string();
    assert!(refused(&[&shown], &[]).starts_with(&format!(
        "{shown}:2: sub_event_type: 'Peaceful protest' is not a sub-event type of 'Battles' in \
         ACLED's codebook, but of 'Protests'\n"
    )));
}

/// Values that may be right load, and are counted in one note per kind.
#[test]
fn odd_acled_values_that_may_be_right_are_counted_in_notes() {
    let file = fixture("acled_odd_values.csv");
    let output = run(&["check", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "4 events, 3 actors, 0 sources, 0 quotes verified\n"
    );
    let notes = [
        format!(
            "note: {file}: 1 row with coordinates more than 1° outside their country's bounding \
             box (Natural Earth), either way round: at sea, or mis-coded? line 2 (Sudan: -1.2833, \
             36.8167)"
        ),
        format!(
            "note: {file}: coordinates of 1 row not checked: no bounding box for 'Gibraltar' \
             (line 3)"
        ),
        format!(
            "note: {file}: 1 row with an event type that is not one of ACLED's six \
             ('Riots/Protests'; line 4): older ACLED versions used others; their sub-event types \
             are not checked"
        ),
        format!(
            "note: {file}: 1 row with a sub-event type that is not in ACLED's codebook \
             ('Skirmish'; line 5)"
        ),
    ];
    assert_eq!(stderr(&output), notes.join("\n") + "\n");
}

/// GDELT's EventCode and EventRootCode swapped used to load as the event "04" with root "043".
#[test]
fn gdelt_swapped_codes_and_coordinates_are_caught() {
    let file = fixture("gdelt2_swapped_codes.export.CSV");
    let problems = refused(&[&file], &[]);
    assert!(problems.starts_with(&format!(
        "{file}:1: EventRootCode: '043' and EventCode '04' look swapped: a root code is the \
         first two digits of the event code; check the columns\n"
    )));
    assert!(problems.contains("7 problems in"), "{problems}");

    let file = fixture("gdelt2_swapped_coordinates.export.CSV");
    let problems = refused(&[&file], &[]);
    assert!(problems.starts_with(&format!(
        "{file}:1: ActionGeo_Lat: '25.2971' and ActionGeo_Long '-30.3098' look swapped: the \
         point lies outside South Africa (ActionGeo_CountryCode 'SF') as written, and inside it \
         the other way round; check the columns\n"
    )));
    assert!(problems.contains("7 problems in"), "{problems}");
}

/// An overlapping download used to fail the import ("duplicate event id"); now identical rows
/// merge, and only a real conflict is refused, naming both places.
#[test]
fn identical_rows_merge_and_conflicting_ones_name_both_places() {
    let first = fixture("acled.csv");
    let overlap = fixture("acled_overlap.csv");
    let output = run(&["check", &first, &overlap]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "5 events, 7 actors, 0 sources, 0 quotes verified\n"
    );
    assert_eq!(
        stderr(&output),
        format!(
            "note: {overlap}: 2 rows identical to rows read before, merged: lines 2, 4 (the first \
             repeats {first}:4)\n"
        )
    );
    let conflict = fixture("acled_conflict.csv");
    assert_eq!(
        refused(&[&first, &conflict], &[]),
        format!(
            "{conflict}:2: event_id_cnty: event id 'SDN1002' is also at {first}:3, with other \
             content (fatalities); ids must be unique across all the files\n\
             1 problem in 2 files\n  hint: --skip-invalid imports the valid rows and counts the others\n"
        )
    );
}

/// The title slide and eras used to be dropped, and negative (BCE) years refused.
#[test]
fn timelinejs_title_eras_and_years_before_the_common_era_are_kept() {
    let file = fixture("timelinejs_rome.json");
    let imported = events_json(&[&file]);
    let got: Vec<(String, String, String)> = imported
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap_or("").to_string(),
                e["date"].as_str().unwrap_or("").to_string(),
                e["tags"].to_string(),
            )
        })
        .collect();
    let expected = [
        ("timelinejs-rome-era-1", "-0048/-0044", "[\"era\"]"),
        ("ides-of-march", "-0043-03-15", "[]"),
        ("actium", "-0030-09-02", "[]"),
        (
            "timelinejs-rome-era-2",
            "-0026-01-16/0014-08-19",
            "[\"era\"]",
        ),
        ("augustus-dies", "0014-08-19", "[]"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(got, expected);
    let markdown = ok(&["events", &file, "--format", "markdown"]);
    assert!(
        markdown.starts_with("# The end of the Roman Republic\n"),
        "{markdown}"
    );

    // Written back as TimelineJS writes years (-44 for 44 BCE), with the title; read back the
    // same.
    let written = ok(&["events", &file, "--format", "timelinejs"]);
    let timeline: Value = serde_json::from_str(&written).expect("TimelineJS JSON");
    assert_eq!(
        timeline["title"]["text"]["headline"],
        "The end of the Roman Republic"
    );
    let ides = timeline["events"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["unique_id"] == "ides-of-march"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        ides["start_date"],
        serde_json::json!({"year": -44, "month": 3, "day": 15})
    );
    let (_temp, path) = temp_file("back.json", &written);
    let back = events_json(&[&path.display().to_string()]);
    assert_eq!(id_dates(&back), id_dates(&imported));
    // And through a dataset folder.
    let (_out, dir) = import(&[&file], &[]);
    assert_eq!(id_dates(&events_json(&[&dir])), id_dates(&imported));
}

/// A day without its month used to be dropped (`{"year": 1963, "day": 9}` read as 1963).
#[test]
fn timelinejs_finer_fields_without_coarser_ones_are_problems() {
    let file = fixture("timelinejs_orphan_fields.json");
    assert_eq!(
        refused(&[&file], &[]),
        format!(
            "{file}:3: events[0] ('A day without its month'): start_date.day: 9 is given without \
             the month; give the month too, or leave out the day\n\
             {file}:4: events[1] ('An hour without its day'): start_date.hour: 10 is given without \
             the day; give the day too, or leave out the hour\n\
             {file}:5: events[2] ('An end day without its month'): end_date.day: 2 is given \
             without the month; give the month too, or leave out the day\n\
             {file}:6: events[3] ('Year zero'): start_date.year: 0 is not a year: TimelineJS \
             writes 1 BCE as -1 and has no year 0\n\
             4 problems in {file}\n  hint: --skip-invalid imports the valid rows and counts the others\n"
        )
    );
    assert_eq!(
        sorted_dates(&[&file, "--skip-invalid"]),
        pairs(&[("timelinejs-orphan-fields-5", "1963-08-09")])
    );
}

/// A GDELT update that repeats an event with other counts is not the same row: both places are
/// named, with what differs.
#[test]
fn a_repeated_gdelt_event_with_other_content_names_both_places() {
    let [events, _] = gdelt_files();
    let (_temp, path) = temp_file("update.export.CSV", &gdelt_with(&[(0, 31, "9")]));
    let update = path.display().to_string();
    assert_eq!(
        refused(&[&events, &update], &[]),
        format!(
            "{update}:1: GLOBALEVENTID: event id '410412347' is also at {events}:1, with other \
             content (mentions); ids must be unique across all the files\n\
             1 problem in 2 files\n  hint: --skip-invalid imports the valid rows and counts the others\n"
        )
    );
    // Skipping it keeps the first reading, and merges the six identical rows.
    let output = run(&["check", &events, &update, "--skip-invalid"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "note: {update}: 6 rows identical to rows read before, merged: lines 2, 3, 4, 5, 6 \
             and 1 more (the first repeats {events}:2)\n\
             chronicle: 14 rows, 1 skipped: see --report FILE\n"
        )
    );
}

/// `--skip-invalid` is offered only where it would import something: not for a file of
/// another format, nor for one that is not the format it claims.
#[test]
fn skip_invalid_is_offered_only_when_some_rows_were_valid() {
    let json = fixture("timelinejs.json");
    let message = refused(&[&json], &["--input-format", "acled"]);
    assert_eq!(
        message,
        format!(
            "{json}:1: the ACLED header has none of the columns it needs: event_id_cnty, \
             event_date, event_type, actor1, country\n1 problem in {json}\n"
        )
    );
    let (_temp, path) = temp_file("not_timeline.json", "{\"events\": 5}\n");
    let message = refused(&[&path.display().to_string()], &[]);
    assert!(message.contains("not TimelineJS JSON"), "{message}");
    assert!(!message.contains("--skip-invalid"), "{message}");
}

#[test]
fn show_gives_roles_region_coordinates_the_url_and_whole_attribute_names() {
    let [events, mentions] = gdelt_files();
    let (_temp, dir) = import(&[&events, &mentions], &[]);
    let text = ok(&["show", "410412347", &dir]);
    // The labels line up on the longest attribute name ("mention 01", "cameo_root").
    for line in [
        "  actors      PRESIDENT (president), target\n",
        "  region      SF03, South Africa\n",
        "  lat, lon    -30.3098, 25.2971\n",
        "  url         http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-forward-blames-low-ranking-operator/\n",
        "  cameo_root  04 Consult\n",
        "  goldstein   2.8\n",
        "  tone        -4.4776119402985\n",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    let text = ok(&["show", "SDN1001", &fixture("acled.csv")]);
    for line in [
        "  actors         Military Forces of Sudan (2019-) (military-forces-of-sudan-2019), source\n",
        "                 Rapid Support Forces (rapid-support-forces), target\n",
        "  region         Khartoum, Khartoum, Sudan\n",
        "  disorder_type  Political violence\n",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
}

#[test]
fn actors_of_one_name_are_told_apart_by_their_code() {
    let gdelt = fixture("gdelt2_100.export.CSV");
    let listed = ok(&["actors", &gdelt]);
    let names: Vec<&str> = listed
        .lines()
        .filter(|l| l.starts_with("ZIMBABWE "))
        .filter_map(|l| l.split("  ").next())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        ["ZIMBABWE (ZWE)", "ZIMBABWE (ZWEJUD)", "ZIMBABWE (ZWEMIL)"],
        "{listed}"
    );
    // A name no other actor has is shown alone.
    assert!(listed.lines().any(|l| l.starts_with("YEMEN ")), "{listed}");
    let found = ok(&["actors", &gdelt, "--search", "zimbabwe"]);
    assert!(found.contains("ZIMBABWE (ZWEMIL)"), "{found}");
}

#[test]
fn markdown_of_gdelt_events_gives_the_article_url_and_the_numbers() {
    let [events, _] = gdelt_files();
    let markdown = ok(&["events", &events, "--format", "markdown"]);
    assert!(
        markdown.contains(
            "Source: <http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-forward-blames-low-ranking-operator/>"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("**goldstein:** 2.8"), "{markdown}");
    assert!(
        markdown.contains("**tone:** -4.4776119402985"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**Region:** SF03, South Africa"),
        "{markdown}"
    );
}

#[test]
fn rows_of_one_id_that_differ_only_in_their_coordinates_are_a_problem_naming_them() {
    let text = fs::read_to_string(fixture("acled.csv")).expect("the fixture");
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    let row = lines.find(|l| l.starts_with("SDN1001,")).expect("SDN1001");
    let moved = row.replacen("15.5007", "15.6007", 1);
    assert_ne!(moved, row);
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("first.csv");
    let second = dir.path().join("second.csv");
    fs::write(&first, format!("{header}\n{row}\n")).expect("write");
    fs::write(&second, format!("{header}\n{moved}\n")).expect("write");
    let output = run(&[
        "check",
        &first.display().to_string(),
        &second.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("with other content (coordinates)"), "{err}");
}

/// An event mentioned a hundred times and more: its mentions are numbered to one width, so
/// that they sort in the order read, and every one is kept.
#[test]
fn many_mentions_of_one_event_are_numbered_in_order() {
    let fixture_text = fs::read_to_string(fixture("gdelt2.mentions.CSV")).expect("read fixture");
    let first = fixture_text.lines().next().expect("a mention row");
    let mut columns: Vec<&str> = first.split('\t').collect();
    let mut rows = String::new();
    let urls: Vec<String> = (0..120)
        .map(|k| format!("http://example.org/article-{k}"))
        .collect();
    for url in &urls {
        columns[5] = url;
        rows.push_str(&columns.join("\t"));
        rows.push('\n');
    }
    let (_temp, mentions) = temp_file("many.mentions.CSV", &rows);
    let events = events_json(&[
        &fixture("gdelt2.export.CSV"),
        &mentions.display().to_string(),
    ]);
    let event = find(&events, "410412347");
    let names: Vec<&String> = event["attributes"]
        .as_object()
        .expect("attributes")
        .keys()
        .filter(|k| k.starts_with("mention "))
        .collect();
    let expected: Vec<String> = (1..=120).map(|n| format!("mention {n:03}")).collect();
    assert_eq!(names, expected.iter().collect::<Vec<_>>());
    for (n, url) in urls.iter().enumerate() {
        let value = event["attributes"][format!("mention {:03}", n + 1)]
            .as_str()
            .expect("a mention is text");
        assert!(value.ends_with(&format!(": {url}")), "{value}");
    }
    // Read in order, not only named in order: the detail lists them as read.
    let shown = ok(&[
        "show",
        "410412347",
        &fixture("gdelt2.export.CSV"),
        &mentions.display().to_string(),
    ]);
    let at = |name: &str| {
        shown
            .find(name)
            .unwrap_or_else(|| panic!("{name} in {shown}"))
    };
    assert!(at("mention 009") < at("mention 010") && at("mention 099") < at("mention 100"));
}

/// The same number written another way in an overlapping download (`12.0`, an exponent) is
/// the same row, merged; a count that only rounds to a whole number is refused
/// (trial 10: B1, B2).
#[test]
fn numbers_written_another_way_are_the_same_and_near_whole_counts_are_refused() {
    let first = fixture("acled.csv");
    let text = fs::read_to_string(&first).expect("read fixture");
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    let row = lines.next().expect("a row");
    assert!(row.ends_with(",12,,1681776000"), "{row}");
    let again = row.replace(",12,,1681776000", ",12.0,,1.681776e9");
    let (_temp, path) = temp_file("again.csv", &format!("{header}\n{again}\n"));
    let again_path = path.display().to_string();
    let output = run(&["check", &first, &again_path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 row identical to a row read before, merged"),
        "{}",
        stderr(&output)
    );
    let near = row.replace(",12,,1681776000", ",1.000000000000000000001,,1681776000");
    let (_temp, path) = temp_file("near.csv", &format!("{header}\n{near}\n"));
    let output = run(&["check", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("fatalities: '1.000000000000000000001' is not a whole number"),
        "{}",
        stderr(&output)
    );
}

/// A Goldstein score or an average tone outside its scale is a shifted column or a broken row,
/// refused like a QuadClass of 7 (trial 10: B6), and so is a negative count.
#[test]
fn gdelt_scores_outside_their_scales_are_refused() {
    let text = gdelt_with(&[
        (1, 30, "1e5"),
        (2, 34, "-100.5"),
        (3, 30, "-10"),
        (4, 31, "-3"),
    ]);
    let (_temp, path) = temp_file("scores.export.CSV", &text);
    let shown = path.display().to_string();
    let output = run(&["check", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let problems = stderr(&output);
    assert!(
        problems.contains(&format!(
            "{shown}:2: GoldsteinScale: '1e5' is outside the scale (-10 to +10)"
        )),
        "{problems}"
    );
    assert!(
        problems.contains(&format!(
            "{shown}:3: AvgTone: '-100.5' is outside the scale (-100 to +100)"
        )),
        "{problems}"
    );
    // A count below zero is refused, as ACLED's fatalities are (trial 11: D10).
    assert!(
        problems.contains(&format!("{shown}:5: NumMentions: '-3' is negative")),
        "{problems}"
    );
    assert!(problems.contains("3 problems in"), "{problems}");
}
