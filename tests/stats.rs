//! `chronicle stats`, run as the real binary on GDELT and ACLED files, against figures this
//! test computes itself from the raw rows with the csv crate: counts and exact sums per key,
//! the filters, and the errors.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::process::Output;

use serde::Deserialize;
use serde_json::value::RawValue;

#[path = "support/cli.rs"]
mod cli;
use cli::{run, ROOT};

/// The 100 rows of GDELT's 2.0 sample (tab-separated, no header).
const GDELT: &str = "tests/fixtures/import/gdelt2_100.export.CSV";
/// ACLED files that import together without problems: 10 events, two layouts.
const ACLED: [&str; 3] = [
    "tests/fixtures/import/acled.csv",
    "tests/fixtures/import/acled_2019.csv",
    "tests/fixtures/import/acled_odd_values.csv",
];

// GDELT 2.0 event columns (0-based).
const GLOBALEVENTID: usize = 0;
const SQLDATE: usize = 1;
const EVENT_CODE: usize = 26;
const GOLDSTEIN: usize = 30;
const NUM_MENTIONS: usize = 31;
const AVG_TONE: usize = 34;
const ACTION_GEO_FULL_NAME: usize = 52;
const ACTION_GEO_COUNTRY: usize = 53;

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
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A number at 18 decimal places, parsed here from its text, so that sums compare exactly
/// (no float rounding on either side).
fn fixed(text: &str) -> i128 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    assert!(fraction.len() <= 18, "{text}");
    let padded = format!("{whole}{fraction:0<18}");
    let value: i128 = padded.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    if negative {
        -value
    } else {
        value
    }
}

/// One row of `stats --json`, its sum as the exact number written.
#[derive(Deserialize)]
struct RawRow {
    /// `null` on the last row, the total.
    key: Option<String>,
    events: usize,
    sum: Option<Box<RawValue>>,
    missing: Option<usize>,
}

/// A row's figures: events, and with a sum, the sum (at 18 places) and the events missing it.
type Figures = (usize, Option<(i128, usize)>);

/// `stats ARGS --json`, in its order, without the total row.
fn stats(args: &[&str]) -> Vec<(String, Figures)> {
    stats_and_total(args).0
}

/// `stats ARGS --json`: the rows in their order, and the last line, the total (key `null`).
fn stats_and_total(args: &[&str]) -> (Vec<(String, Figures)>, Figures) {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.push("--json");
    let mut rows: Vec<(Option<String>, Figures)> = ok(&all)
        .lines()
        .map(|line| {
            let row: RawRow = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            let sum = match (&row.sum, row.missing) {
                (Some(sum), Some(missing)) => Some((fixed(sum.get()), missing)),
                (None, None) => None,
                _ => panic!("sum and missing come together: {line}"),
            };
            (row.key, (row.events, sum))
        })
        .collect();
    let (key, total) = rows.pop().expect("a total row");
    assert_eq!(key, None, "the last row is the total, with the key null");
    let rows = rows
        .into_iter()
        .map(|(key, figures)| (key.expect("only the total has no key"), figures))
        .collect();
    (rows, total)
}

/// Rows sorted as `stats` must sort them: most events first, then by key.
fn sorted(expected: BTreeMap<String, Figures>) -> Vec<(String, Figures)> {
    let mut rows: Vec<_> = expected.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// The rows of years or months in date order, as `--by year` and `--by month` list them: the
/// year (BCE ones, written `-0043`, first), then the month, the year alone before its months.
fn in_time_order(mut rows: Vec<(String, Figures)>) -> Vec<(String, Figures)> {
    let when = |key: &str| -> (i64, u32) {
        let year_end = key[1..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(key.len(), |i| i + 1);
        let year: i64 = key[..year_end].parse().expect("a year");
        let month = key[year_end..]
            .strip_prefix('-')
            .map_or(0, |m| m.parse().expect("a month"));
        (year, month)
    };
    rows.sort_by_key(|(key, _)| when(key));
    rows
}

/// A row's value of the attribute to add up; None when the row lacks it.
type Value<R> = dyn Fn(&R) -> Option<String>;

/// Counts `keys` of each row, adding `value` (None: the row lacks it) when `sum` is set.
fn tally<R>(
    rows: &[R],
    keys: impl Fn(&R) -> Vec<String>,
    value: Option<&Value<R>>,
) -> Vec<(String, Figures)> {
    let mut table: BTreeMap<String, Figures> = BTreeMap::new();
    for row in rows {
        let keys: BTreeSet<String> = keys(row).into_iter().collect();
        for key in keys {
            let entry = table.entry(key).or_insert((0, value.map(|_| (0, 0))));
            entry.0 += 1;
            if let (Some(value), Some((sum, missing))) = (value, entry.1.as_mut()) {
                match value(row) {
                    Some(v) => *sum += fixed(&v),
                    None => *missing += 1,
                }
            }
        }
    }
    sorted(table)
}

fn gdelt_rows() -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quoting(false)
        .flexible(true)
        .from_path(Path::new(ROOT).join(GDELT))
        .expect("open the GDELT sample")
        .records()
        .map(|r| r.expect("a GDELT row"))
        .collect()
}

/// A raw ACLED row as a map from (lowercase) column name to its trimmed value.
type AcledRow = BTreeMap<String, String>;

fn acled_rows() -> Vec<AcledRow> {
    let mut rows = Vec::new();
    for file in ACLED {
        let mut reader = csv::Reader::from_path(Path::new(ROOT).join(file)).expect("open");
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        for record in reader.records() {
            let record = record.expect("an ACLED row");
            rows.push(
                header
                    .iter()
                    .cloned()
                    .zip(record.iter().map(|v| v.trim().to_string()))
                    .collect(),
            );
        }
    }
    assert_eq!(rows.len(), 10);
    rows
}

fn col<'a>(row: &'a AcledRow, name: &str) -> &'a str {
    row.get(name).map(String::as_str).unwrap_or("")
}

/// GDELT's own name for each CAMEO event code, read from the lookup table in the repository.
fn cameo_names() -> BTreeMap<String, String> {
    let table = std::fs::read_to_string(Path::new(ROOT).join("src/import/cameo_eventcodes.tsv"))
        .expect("the CAMEO table");
    table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, name)| (code.trim().to_string(), name.trim().to_string()))
        .collect()
}

fn gdelt_value(column: usize) -> impl Fn(&csv::StringRecord) -> Option<String> {
    move |row| Some(row[column].to_string()).filter(|v| !v.is_empty())
}

/// The CAMEO names are written in capitals for root codes, and shown in sentence case.
fn lowercase_keys(rows: Vec<(String, Figures)>) -> Vec<(String, Figures)> {
    rows.into_iter()
        .map(|(k, f)| (k.to_lowercase(), f))
        .collect()
}

#[test]
fn gdelt_types_count_and_sum_mentions_goldstein_and_tone_as_the_raw_rows_do() {
    let rows = gdelt_rows();
    assert_eq!(rows.len(), 100);
    let names = cameo_names();
    let type_of = |row: &csv::StringRecord| {
        let code = &row[EVENT_CODE];
        vec![names
            .get(code)
            .cloned()
            .unwrap_or_else(|| format!("CAMEO {code}"))]
    };
    for (attribute, column) in [
        ("mentions", NUM_MENTIONS),
        ("goldstein", GOLDSTEIN),
        ("tone", AVG_TONE),
    ] {
        let value = gdelt_value(column);
        let expected = tally(&rows, type_of, Some(&value));
        let got = stats(&[GDELT, "--by", "type", "--sum", attribute]);
        // The order is checked on the keys as shown; the names only differ in case.
        let mut by_count: Vec<_> = got.iter().map(|(_, f)| f.0).collect();
        by_count.dedup();
        assert!(by_count.windows(2).all(|w| w[0] > w[1]), "{attribute}");
        assert_eq!(
            lowercase_keys(got).into_iter().collect::<BTreeMap<_, _>>(),
            lowercase_keys(expected)
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
            "--sum {attribute}"
        );
    }
    // A figure to read: the whole sample's mentions.
    let mentions: i128 = rows.iter().map(|r| fixed(&r[NUM_MENTIONS])).sum();
    let got: i128 = stats(&[GDELT, "--by", "year", "--sum", "mentions"])
        .iter()
        .map(|(_, f)| f.1.map_or(0, |s| s.0))
        .sum();
    assert_eq!(got, mentions);
    // The JSON's last row is the total: every event once, whatever the rows add up to.
    let (_, total) = stats_and_total(&[GDELT, "--by", "actor", "--sum", "mentions"]);
    assert_eq!(total, (100, Some((mentions, 0))));
}

#[test]
fn gdelt_years_months_and_countries_match_the_raw_columns() {
    let rows = gdelt_rows();
    let value = gdelt_value(GOLDSTEIN);
    let year = |r: &csv::StringRecord| vec![r[SQLDATE][..4].to_string()];
    assert_eq!(
        stats(&[GDELT, "--by", "year", "--sum", "goldstein"]),
        in_time_order(tally(&rows, year, Some(&value)))
    );
    let month = |r: &csv::StringRecord| {
        let d = &r[SQLDATE];
        vec![format!("{}-{}", &d[..4], &d[4..6])]
    };
    assert_eq!(
        stats(&[GDELT, "--by", "month"]),
        in_time_order(tally(&rows, month, None))
    );
    let location = |r: &csv::StringRecord| {
        let place = &r[ACTION_GEO_FULL_NAME];
        vec![if place.is_empty() {
            "(no location)".to_string()
        } else {
            place.to_string()
        }]
    };
    assert_eq!(
        stats(&[GDELT, "--by", "location"]),
        tally(&rows, location, None)
    );
    // The country is ActionGeo's FIPS 10-4 code, named by the country table (not the last
    // part of the place's name, which gives "Republic Of" for "Kinshasa, Congo, Democratic
    // Republic Of").
    let table = fs::read_to_string(Path::new(ROOT).join("src/import/country_boxes.tsv"))
        .expect("the country table");
    let fips: HashMap<&str, &str> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            let name = fields.get(3)?.split('|').next()?;
            Some((*fields.get(2)?, name)).filter(|(code, _)| !code.is_empty())
        })
        .collect();
    let country = |r: &csv::StringRecord| {
        let code = &r[ACTION_GEO_COUNTRY];
        vec![match fips.get(code) {
            _ if code.is_empty() => "(no country)".to_string(),
            Some(name) => name.to_string(),
            None => code.to_string(),
        }]
    };
    let got = stats(&[GDELT, "--by", "country"]);
    assert_eq!(got, tally(&rows, country, None));

    let by_code = tally(&rows, |r| vec![r[ACTION_GEO_COUNTRY].to_string()], None);
    let sizes = |rows: &[(String, Figures)]| {
        let mut s: Vec<usize> = rows.iter().map(|(_, f)| f.0).collect();
        s.sort_unstable();
        s
    };
    assert_eq!(sizes(&got), sizes(&by_code));
    assert!(got.len() > 10, "{}", got.len());
}

#[test]
fn gdelt_dates_and_types_filter_as_the_raw_rows_do() {
    let rows = gdelt_rows();
    let names = cameo_names();
    let value = gdelt_value(NUM_MENTIONS);
    let kept: Vec<_> = rows
        .iter()
        .filter(|r| ("20150218".."20200312").contains(&&r[SQLDATE]))
        .cloned()
        .collect();
    assert!(kept.len() > 10 && kept.len() < 100, "{}", kept.len());
    let type_of = |row: &csv::StringRecord| vec![names[&row[EVENT_CODE]].to_lowercase()];
    let got = stats(&[
        GDELT,
        "--by",
        "type",
        "--sum",
        "mentions",
        "--from",
        "2015-02-18",
        "--to",
        "2020-03-11",
    ]);
    assert_eq!(
        lowercase_keys(got).into_iter().collect::<BTreeMap<_, _>>(),
        tally(&kept, type_of, Some(&value)).into_iter().collect()
    );
    // --type keeps one CAMEO name, case aside; `events` takes the same flag.
    let visits: Vec<_> = rows
        .iter()
        .filter(|r| &r[EVENT_CODE] == "042")
        .cloned()
        .collect();
    let year = |r: &csv::StringRecord| vec![r[SQLDATE][..4].to_string()];
    assert_eq!(
        stats(&[
            GDELT,
            "--by",
            "year",
            "--type",
            "make a VISIT",
            "--sum",
            "mentions"
        ]),
        in_time_order(tally(&visits, year, Some(&value)))
    );
    let ids: BTreeSet<String> = ok(&["events", GDELT, "--type", "Make a visit", "--json"])
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            v["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let raw_ids: BTreeSet<String> = visits
        .iter()
        .map(|r| r[GLOBALEVENTID].to_string())
        .collect();
    assert_eq!(ids, raw_ids);
}

fn acled_type(row: &AcledRow) -> Vec<String> {
    let (t, sub) = (col(row, "event_type"), col(row, "sub_event_type"));
    vec![if sub.is_empty() {
        t.to_string()
    } else {
        format!("{t} / {sub}")
    }]
}

fn fatalities(row: &AcledRow) -> Option<String> {
    Some(col(row, "fatalities").to_string()).filter(|f| !f.is_empty())
}

/// The names an ACLED row gives its actors, each once.
fn acled_actor_names(row: &AcledRow) -> Vec<String> {
    ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]
        .iter()
        .flat_map(|c| col(row, c).split(';'))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn acled_types_countries_and_fatalities_match_the_raw_rows() {
    let rows = acled_rows();
    let mut args = ACLED.to_vec();
    args.extend(["--by", "type", "--sum", "fatalities"]);
    assert_eq!(stats(&args), tally(&rows, acled_type, Some(&fatalities)));
    let mut args = ACLED.to_vec();
    args.extend(["--by", "country", "--sum", "fatalities"]);
    let country = |r: &AcledRow| vec![col(r, "country").to_string()];
    let got = stats(&args);
    assert_eq!(got, tally(&rows, country, Some(&fatalities)));
    assert!(got.len() >= 3, "{got:?}");
    // The first administrative area, with its country: names repeat across countries.
    let mut args = ACLED.to_vec();
    args.extend(["--by", "admin1", "--sum", "fatalities"]);
    let admin1 = |r: &AcledRow| {
        vec![match col(r, "admin1") {
            "" => "(no admin1)".to_string(),
            admin1 => format!("{admin1}, {}", col(r, "country")),
        }]
    };
    let got = stats(&args);
    assert_eq!(got, tally(&rows, admin1, Some(&fatalities)));
    assert!(got.len() >= 3, "{got:?}");
}

#[test]
fn acled_actors_count_an_event_once_under_each_actor() {
    let rows = acled_rows();
    // The actors' ids, by name, as `chronicle actors` lists them.
    let mut args = vec!["actors"];
    args.extend(ACLED);
    args.push("--json");
    let ids: BTreeMap<String, String> = ok(&args)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            let field = |f: &str| v[f].as_str().unwrap_or_default().to_string();
            (field("name"), field("id"))
        })
        .collect();
    // Rows are keyed by the actor's name: no two of these ACLED actors share one.
    let expected = tally(&rows, acled_actor_names, Some(&fatalities));
    let mut args = ACLED.to_vec();
    args.extend(["--by", "actor", "--sum", "fatalities"]);
    let got = stats(&args);
    assert_eq!(got, expected);
    assert!(got.iter().map(|(_, f)| f.0).sum::<usize>() > rows.len());

    // --actor keeps the events naming that actor.
    let rsf = "Rapid Support Forces";
    let kept: Vec<_> = rows
        .iter()
        .filter(|r| acled_actor_names(r).iter().any(|n| n == rsf))
        .cloned()
        .collect();
    assert!(kept.len() >= 2, "{}", kept.len());
    let mut args = ACLED.to_vec();
    args.extend(["--by", "type", "--sum", "fatalities", "--actor", &ids[rsf]]);
    assert_eq!(stats(&args), tally(&kept, acled_type, Some(&fatalities)));
}

#[test]
fn acled_type_and_tag_filters_match_the_raw_rows() {
    let rows = acled_rows();
    // --type Battles keeps "Battles / Armed clash": ACLED's event type before the slash.
    let battles: Vec<_> = rows
        .iter()
        .filter(|r| col(r, "event_type") == "Battles")
        .cloned()
        .collect();
    assert!(battles.len() >= 2, "{}", battles.len());
    let country = |r: &AcledRow| vec![col(r, "country").to_string()];
    let mut args = ACLED.to_vec();
    args.extend([
        "--by",
        "country",
        "--sum",
        "fatalities",
        "--type",
        "battles",
    ]);
    assert_eq!(stats(&args), tally(&battles, country, Some(&fatalities)));

    let tag = "crowd size=no report";
    let tagged: Vec<_> = rows
        .iter()
        .filter(|r| col(r, "tags").split(';').any(|t| t.trim() == tag))
        .cloned()
        .collect();
    assert!(!tagged.is_empty());
    let mut args = ACLED.to_vec();
    args.extend(["--by", "type", "--tag", tag]);
    assert_eq!(stats(&args), tally(&tagged, acled_type, None));
    // By tag: an event without tags is under "(no tag)".
    let tags = |r: &AcledRow| {
        let tags: Vec<String> = col(r, "tags")
            .split(';')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        if tags.is_empty() {
            vec!["(no tag)".to_string()]
        } else {
            tags
        }
    };
    let mut args = ACLED.to_vec();
    args.extend(["--by", "tag", "--sum", "fatalities"]);
    assert_eq!(stats(&args), tally(&rows, tags, Some(&fatalities)));
}

#[test]
fn events_lacking_the_attribute_add_nothing_and_are_counted_as_missing() {
    // GDELT events have no fatalities: each counts as 0 and as missing.
    let acled = acled_rows();
    let gdelt = gdelt_rows();
    let args = [
        ACLED[0],
        ACLED[1],
        ACLED[2],
        GDELT,
        "--by",
        "year",
        "--sum",
        "fatalities",
    ];
    let got: BTreeMap<_, _> = stats(&args).into_iter().collect();
    let mut expected: BTreeMap<String, Figures> = BTreeMap::new();
    for row in &acled {
        let year = col(row, "year").to_string();
        let e = expected.entry(year).or_insert((0, Some((0, 0))));
        e.0 += 1;
        if let Some((sum, _)) = e.1.as_mut() {
            *sum += fixed(col(row, "fatalities"));
        }
    }
    for row in &gdelt {
        let e = expected
            .entry(row[SQLDATE][..4].to_string())
            .or_insert((0, Some((0, 0))));
        e.0 += 1;
        if let Some((_, missing)) = e.1.as_mut() {
            *missing += 1;
        }
    }
    assert_eq!(got, expected);
}

#[test]
fn text_output_is_aligned_with_a_total_line() {
    let text = ok(&["stats", GDELT, "--by", "country", "--sum", "goldstein"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["country", "events", "goldstein", "missing"]
    );
    let total = lines.last().copied().unwrap_or_default();
    let goldstein: i128 = gdelt_rows().iter().map(|r| fixed(&r[GOLDSTEIN])).sum();
    let total_cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(total_cells[..2], ["total", "100"]);
    assert_eq!(fixed(total_cells[2]), goldstein);
    assert_eq!(total_cells[3], "0");
    // Every line ends its figures in the same columns.
    let widths: BTreeSet<usize> = lines.iter().map(|l| l.chars().count()).collect();
    assert_eq!(widths.len(), 1, "{text}");

    // Wide characters are measured in terminal columns, not characters.
    let text = ok(&["stats", "tests/fixtures/emoji", "--by", "location"]);
    let widths: BTreeSet<usize> = text
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert_eq!(widths.len(), 1, "{text}");
    assert!(text.contains("東京 新宿区"), "{text}");
    assert!(!text.is_ascii());
    // An event counts under each actor, and the text says so.
    let text = ok(&["stats", "tests/fixtures/emoji", "--by", "actor"]);
    assert!(
        text.ends_with("so the rows add up to more than the total)\n"),
        "{text}"
    );
}

#[test]
fn errors_name_what_is_wrong() {
    let output = run(&["stats", GDELT, "--by", "nation"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("invalid value 'nation' for '--by <GROUP>'"),
        "{err}"
    );
    assert!(
        err.contains("type, actor, country, admin1, location, year, month, tag"),
        "{err}"
    );

    // A value that is not a number names the event and the value.
    let rows = acled_rows();
    let protest = rows
        .iter()
        .find(|r| col(r, "event_type") == "Protests" && col(r, "country") == "Sudan")
        .expect("a protest in Sudan");
    let output = run(&[
        "stats",
        ACLED[0],
        "--by",
        "type",
        "--type",
        "protests",
        "--sum",
        "disorder_type",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "chronicle: --sum: event '{}': its 'disorder_type' is '{}', not a number (a \
             decimal such as 12, -4.5 or 1e5, at most 18 places)\n",
            col(protest, "event_id_cnty"),
            col(protest, "disorder_type"),
        )
    );
    assert!(output.stdout.is_empty());

    let output = run(&["stats", GDELT, "--by", "type", "--sum", "mention"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "chronicle: --sum: no event has the attribute 'mention' (did you mean 'mentions'?); \
             the numeric attributes are articles, goldstein, mentions, sources, tone\n"
        ),
        "{}",
        stderr(&output)
    );

    // Only numeric attributes are offered, and a singular finds its plural.
    let output = run(&["stats", ACLED[0], "--by", "type", "--sum", "fatality"]);
    assert_eq!(
        stderr(&output),
        "chronicle: --sum: no event has the attribute 'fatality' (did you mean 'fatalities'?); \
         the numeric attributes are fatalities, geo_precision, timestamp\n"
    );
    let output = run(&["stats", ACLED[0], "--by", "type", "--type", "battle"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "chronicle: no event has the type 'battle' (did you mean 'Battles'?); \
         `chronicle stats --by type` lists them\n"
    );
    let output = run(&["events", ACLED[0], "--tag", "crowd"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no event has the tag 'crowd'"));
}

#[test]
fn months_follow_the_start_date_and_a_year_alone_has_no_month() {
    const ROME: &str = "tests/fixtures/import/timelinejs_rome.json";
    let text = std::fs::read_to_string(Path::new(ROOT).join(ROME)).expect("read");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let number = |v: &serde_json::Value| -> Option<i64> {
        v.as_i64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
    };
    let mut expected: BTreeMap<String, Figures> = BTreeMap::new();
    for item in ["events", "eras"]
        .iter()
        .flat_map(|k| json[k].as_array().cloned().unwrap_or_default())
    {
        let start = &item["start_date"];
        let year = number(&start["year"]).expect("a year");
        // TimelineJS's -44 is 44 BCE, which EDTF writes -0043 (it has a year 0).
        let year = if year < 0 { year + 1 } else { year };
        let year = if year < 0 {
            format!("-{:04}", -year)
        } else {
            format!("{year:04}")
        };
        let key = match number(&start["month"]) {
            Some(month) => format!("{year}-{month:02}"),
            None => format!("{year} (no month)"),
        };
        expected.entry(key).or_insert((0, None)).0 += 1;
    }
    assert!(expected.contains_key("-0048 (no month)"), "{expected:?}");
    // Found by a new user's trial: the months were listed by count, not in date order.
    let rows = stats(&[ROME, "--by", "month"]);
    assert_eq!(rows, in_time_order(sorted(expected)));
    let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    let at = |key: &str| keys.iter().position(|k| *k == key).expect(key);
    assert!(at("-0048 (no month)") < at("-0043-03"), "{keys:?}");
}

#[test]
fn a_number_written_with_an_exponent_is_summed_exactly() {
    // AvgTone 5e1 on the first row: valid for GDELT and JSON alike, so --sum adds 50 (within
    // the tone's scale, -100 to +100: 1e5 would be refused).
    let text = fs::read_to_string(Path::new(ROOT).join(GDELT)).expect("the fixture");
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    rows[0][AVG_TONE] = "5e1".into();
    let temp = tempfile::tempdir().expect("temp dir");
    let file = temp.path().join("exponent.export.CSV");
    let written: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    fs::write(&file, written.join("\n") + "\n").expect("write");
    let expected: i128 = rows
        .iter()
        .map(|r| match r[AVG_TONE].as_str() {
            "5e1" => fixed("50"),
            tone => fixed(tone),
        })
        .sum();
    let file = file.display().to_string();
    let (_, total) = stats_and_total(&[&file, "--by", "year", "--sum", "tone"]);
    assert_eq!(total, (100, Some((expected, 0))));
}

/// README's `chronicle stats --sum fatalities`: without `--by`, the rows are the event types.
#[test]
fn without_by_the_rows_are_the_types() {
    let file = ACLED[0];
    assert_eq!(
        stats(&[file, "--sum", "fatalities"]),
        stats(&[file, "--by", "type", "--sum", "fatalities"])
    );
    let help = ok(&["stats", "--help"]);
    assert!(help.contains("by event type when not given"), "{help}");
}
