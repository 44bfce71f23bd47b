//! Scores the tagger against a gold set in the format of tests/fixtures/times_gold/CONVENTIONS.md:
//! `DIR/articles/DOC.txt` and `DIR/gold.jsonl`, one annotated expression per line.
//!
//! A gold `date` is found when a report overlaps its span, and right when the reported value
//! has the same earliest and latest instants (relaxed), and the same `~`/`?` too (strict).
//! Recall is right / gold dates; precision is reports overlapping a gold `date`, `vague` or
//! `time` span / all reports. The gold is read strictly: every problem in it is listed with
//! its line, because a mistaken gold line would silently move the figures.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::TimeExpression;
use crate::date::EdtfDate;

/// One line of gold.jsonl, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGold {
    doc: String,
    published: String,
    start: usize,
    end: usize,
    text: String,
    kind: String,
    /// Outer `None`: the field is missing; `Some(None)`: written as null.
    #[serde(default, deserialize_with = "present")]
    value: Option<Option<String>>,
}

/// Tells a `value` written as null from one left out, which the format does not allow.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Date,
    Vague,
    Duration,
    Set,
    Time,
}

/// One annotated expression.
#[derive(Clone, Debug)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    /// For `date`s only.
    pub value: Option<EdtfDate>,
}

/// One annotated article.
#[derive(Clone, Debug)]
pub struct Document {
    pub doc: String,
    pub published: NaiveDate,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// A gold set, read and checked.
#[derive(Debug)]
pub struct GoldSet {
    pub documents: Vec<Document>,
    /// Articles without gold lines: nothing gives their publication date, so they are not
    /// scored (said here rather than skipped in silence).
    pub unscored: Vec<String>,
}

/// Reads `dir/gold.jsonl` and the articles it names; `Err` lists every problem found.
pub fn read_gold(dir: &Path) -> Result<GoldSet, Vec<String>> {
    let gold_path = dir.join("gold.jsonl");
    let shown = gold_path.display().to_string();
    let lines = std::fs::read_to_string(&gold_path).map_err(|e| vec![format!("{shown}: {e}")])?;
    let mut problems = Vec::new();
    let mut documents: BTreeMap<String, Document> = BTreeMap::new();
    for (index, line) in lines.lines().enumerate() {
        let at = format!("{shown}:{}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawGold = match serde_json::from_str(line) {
            Ok(raw) => raw,
            Err(e) => {
                problems.push(format!("{at}: {e}"));
                continue;
            }
        };
        if let Err(problem) = add_line(dir, raw, &mut documents) {
            problems.push(format!("{at}: {problem}"));
        }
    }
    let unscored = unannotated_articles(dir, &documents).unwrap_or_else(|e| {
        problems.push(e);
        Vec::new()
    });
    if problems.is_empty() {
        Ok(GoldSet {
            documents: documents.into_values().collect(),
            unscored,
        })
    } else {
        Err(problems)
    }
}

fn add_line(
    dir: &Path,
    raw: RawGold,
    documents: &mut BTreeMap<String, Document>,
) -> Result<(), String> {
    let published = NaiveDate::parse_from_str(&raw.published, "%Y-%m-%d")
        .map_err(|_| format!("published '{}' is not a YYYY-MM-DD date", raw.published))?;
    let kind = match raw.kind.as_str() {
        "date" => Kind::Date,
        "vague" => Kind::Vague,
        "duration" => Kind::Duration,
        "set" => Kind::Set,
        "time" => Kind::Time,
        other => {
            return Err(format!(
                "kind '{other}' is not one of date, vague, duration, set, time"
            ))
        }
    };
    let Some(value) = &raw.value else {
        return Err("missing field `value` (null for kinds other than date)".into());
    };
    let value = match (kind, value) {
        (Kind::Date, Some(v)) => Some(EdtfDate::parse(v).map_err(|e| format!("value '{v}': {e}"))?),
        (Kind::Date, None) => return Err("a date needs a value".into()),
        (_, Some(v)) => {
            return Err(format!(
                "only dates have values, this {} has '{v}'",
                raw.kind
            ))
        }
        (_, None) => None,
    };
    if !documents.contains_key(&raw.doc) {
        let path = dir.join("articles").join(format!("{}.txt", raw.doc));
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("article '{}': {}: {e}", raw.doc, path.display()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("article '{}' is not UTF-8 text", raw.doc))?;
        let document = Document {
            doc: raw.doc.clone(),
            published,
            text,
            gold: Vec::new(),
        };
        documents.insert(raw.doc.clone(), document);
    }
    let Some(document) = documents.get_mut(&raw.doc) else {
        return Err(format!("article '{}' was not read", raw.doc));
    };
    if document.published != published {
        return Err(format!(
            "published {published} differs from {} on an earlier line of '{}'",
            document.published, raw.doc
        ));
    }
    let span = document.text.get(raw.start..raw.end);
    if raw.start >= raw.end || span != Some(raw.text.as_str()) {
        return Err(format!(
            "bytes [{}, {}) of '{}' are {:?}, not the text {:?}",
            raw.start,
            raw.end,
            raw.doc,
            span.unwrap_or("(outside the text or not on character boundaries)"),
            raw.text
        ));
    }
    document.gold.push(Gold {
        start: raw.start,
        end: raw.end,
        text: raw.text,
        kind,
        value,
    });
    Ok(())
}

/// The articles in `dir/articles` that no gold line names.
fn unannotated_articles(
    dir: &Path,
    documents: &BTreeMap<String, Document>,
) -> Result<Vec<String>, String> {
    let folder = dir.join("articles");
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut unscored = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", folder.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(doc) = name.strip_suffix(".txt") {
            if !documents.contains_key(doc) {
                unscored.push(doc.to_string());
            }
        }
    }
    unscored.sort();
    Ok(unscored)
}

/// A gold date the tagger missed or got wrong, or a report on no date, vague or time
/// annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The gold value (`None` for a false report).
    pub gold: Option<String>,
    /// The values reported over the span (empty for a miss).
    pub reported: Vec<String>,
}

/// The figures of one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub documents: usize,
    pub gold_dates: usize,
    /// Gold dates some report overlaps.
    pub found: usize,
    /// Gold dates with an overlapping report of the same earliest and latest instants.
    pub right: usize,
    /// … and the same qualifiers.
    pub right_strict: usize,
    pub reports: usize,
    /// Reports overlapping a gold date, vague or time span.
    pub reports_on_annotations: usize,
    pub errors: Vec<Error>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold_dates)
    }

    pub fn recall_strict(&self) -> f64 {
        ratio(self.right_strict, self.gold_dates)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.reports_on_annotations, self.reports)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = |a: usize, b: usize| 100.0 * ratio(a, b);
        writeln!(
            f,
            "{} articles, {} gold dates, {} reports",
            self.documents, self.gold_dates, self.reports
        )?;
        writeln!(
            f,
            "recall, relaxed (same earliest and latest instants): {}/{} = {:.1}%",
            self.right,
            self.gold_dates,
            percent(self.right, self.gold_dates)
        )?;
        writeln!(
            f,
            "recall, strict (qualifiers ~ ? too):                  {}/{} = {:.1}%",
            self.right_strict,
            self.gold_dates,
            percent(self.right_strict, self.gold_dates)
        )?;
        writeln!(
            f,
            "found (some report overlaps the gold date):          {}/{} = {:.1}%",
            self.found,
            self.gold_dates,
            percent(self.found, self.gold_dates)
        )?;
        writeln!(
            f,
            "precision (reports on a date, vague or time span):   {}/{} = {:.1}%",
            self.reports_on_annotations,
            self.reports,
            percent(self.reports_on_annotations, self.reports)
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match (&self.gold, self.reported.is_empty()) {
            (Some(gold), true) => format!("missed, gold {gold}"),
            (Some(gold), false) => format!("gold {gold}, reported {}", self.reported.join(" ")),
            (None, _) => format!("reported {} on no date", self.reported.join(" ")),
        };
        write!(
            f,
            "{} [{}, {}) {:?}: {what}",
            self.doc, self.start, self.end, self.text
        )
    }
}

/// Scores `tag` (normally [`super::find_times`]) on every document.
pub fn score(set: &GoldSet, tag: impl Fn(&str, NaiveDate) -> Vec<TimeExpression>) -> Score {
    let mut total = Score {
        documents: set.documents.len(),
        ..Score::default()
    };
    for document in &set.documents {
        let reports = tag(&document.text, document.published);
        score_document(document, &reports, &mut total);
    }
    total
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn score_document(document: &Document, reports: &[TimeExpression], total: &mut Score) {
    let parsed: Vec<(&TimeExpression, Option<EdtfDate>)> = reports
        .iter()
        .map(|r| (r, EdtfDate::parse(&r.value).ok()))
        .collect();
    for gold in &document.gold {
        let Some(value) = gold.value else { continue };
        total.gold_dates += 1;
        let over: Vec<&(&TimeExpression, Option<EdtfDate>)> = parsed
            .iter()
            .filter(|(r, _)| overlaps((r.start, r.end), (gold.start, gold.end)))
            .collect();
        let same = |strict: bool| {
            over.iter().any(|(_, v)| {
                v.is_some_and(|v| {
                    v.earliest() == value.earliest()
                        && v.latest() == value.latest()
                        && (!strict
                            || (v.is_approximate() == value.is_approximate()
                                && v.is_uncertain() == value.is_uncertain()))
                })
            })
        };
        if !over.is_empty() {
            total.found += 1;
        }
        let right = same(false);
        total.right += usize::from(right);
        let strict = same(true);
        total.right_strict += usize::from(strict);
        if !strict {
            total.errors.push(Error {
                doc: document.doc.clone(),
                start: gold.start,
                end: gold.end,
                text: gold.text.clone(),
                gold: Some(value.edtf()),
                reported: over.iter().map(|(r, _)| r.value.clone()).collect(),
            });
        }
    }
    for report in reports {
        total.reports += 1;
        let on_annotation = document.gold.iter().any(|g| {
            matches!(g.kind, Kind::Date | Kind::Vague | Kind::Time)
                && overlaps((report.start, report.end), (g.start, g.end))
        });
        if on_annotation {
            total.reports_on_annotations += 1;
        } else {
            total.errors.push(Error {
                doc: document.doc.clone(),
                start: report.start,
                end: report.end,
                text: document.text[report.start..report.end].to_string(),
                gold: None,
                reported: vec![report.value.clone()],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(start: usize, end: usize, value: &str) -> TimeExpression {
        TimeExpression {
            sentence: 1,
            start,
            end,
            value: value.into(),
        }
    }

    fn gold(start: usize, end: usize, kind: Kind, value: Option<&str>) -> Gold {
        Gold {
            start,
            end,
            text: String::new(),
            kind,
            value: value.map(|v| EdtfDate::parse(v).unwrap()),
        }
    }

    /// Each way a report can count, on a made-up document and a made-up tagger.
    #[test]
    fn counts_follow_the_spec() {
        let document = Document {
            doc: "d".into(),
            published: NaiveDate::from_ymd_opt(2021, 12, 14).unwrap(),
            text: "x".repeat(200),
            gold: vec![
                gold(0, 10, Kind::Date, Some("2021-12-13")), // right, strict
                gold(20, 30, Kind::Date, Some("2022-01/2022-04")), // right, not strict
                gold(40, 50, Kind::Date, Some("2021")),      // found, wrong
                gold(60, 70, Kind::Date, Some("2020")),      // missed
                gold(80, 90, Kind::Vague, None),             // report on it is fine
                gold(100, 110, Kind::Duration, None),        // report on it is false
                gold(120, 130, Kind::Time, None),            // report on it is fine
                // The same instants written another way is right: a month as its days.
                gold(140, 150, Kind::Date, Some("2021-12-01/2021-12-31")),
            ],
        };
        let reports = [
            report(2, 8, "2021-12-13"),
            report(25, 35, "2022-01/2022-04~"),
            report(45, 48, "2021-12"),
            report(85, 86, "2021-12-14"),
            report(100, 105, "2021"),
            report(125, 126, "2021-12-14"),
            report(140, 150, "2021-12"),
            report(170, 180, "2008"),
        ];
        let set = GoldSet {
            documents: vec![document],
            unscored: Vec::new(),
        };
        let score = score(&set, |_, _| reports.to_vec());
        assert_eq!(
            (
                score.gold_dates,
                score.found,
                score.right,
                score.right_strict,
                score.reports,
                score.reports_on_annotations
            ),
            (5, 4, 3, 2, 8, 6)
        );
        let listed: Vec<String> = score.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            listed,
            [
                "d [20, 30) \"\": gold 2022-01/2022-04, reported 2022-01/2022-04~",
                "d [40, 50) \"\": gold 2021, reported 2021-12",
                "d [60, 70) \"\": missed, gold 2020",
                "d [100, 105) \"xxxxx\": reported 2021 on no date",
                "d [170, 180) \"xxxxxxxxxx\": reported 2008 on no date",
            ]
        );
    }
}
