//! The JSON shapes of a dataset's files, and reading them with exact line numbers.
//! These structs never leave the loader: they are converted into the domain model.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::shape;
use crate::model::ActorKind;
use crate::problem::Problem;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// An EDTF date, as events' dates.
    pub published: Option<String>,
    /// The saved text; absent for a source known only by its reference (e.g. an imported
    /// article's URL), which then has no sentences to quote.
    pub file: Option<String>,
    /// The SHA-256 of the text file's bytes, in hex: the text the quotes were chosen from.
    pub sha256: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: String,
    pub name: String,
    pub kind: Option<RawKind>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    pub description: Option<String>,
}

/// An actor's kind as written: one of the kinds, known without a copy of its text (100,000
/// actors each have one), or another text, kept for the message about it.
#[derive(Debug, PartialEq)]
pub enum RawKind {
    Known(ActorKind),
    Unknown(String),
}

impl<'de> Deserialize<'de> for RawKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KindVisitor;

        impl Visitor<'_> for KindVisitor {
            type Value = RawKind;

            // As a `String` says it, so that a kind of the wrong type reads as before.
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E>(self, text: &str) -> Result<RawKind, E> {
                Ok(match ActorKind::parse(text) {
                    Some(kind) => RawKind::Known(kind),
                    None => RawKind::Unknown(text.to_string()),
                })
            }
        }

        deserializer.deserialize_str(KindVisitor)
    }
}

/// An event record: only `id`, `date` and `title` are required (a timeline of dates and titles
/// alone is a timeline). Fields that are only looked up or parsed (date, references, labels)
/// borrow from the line being read; those the event keeps are read into their own storage.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent<'a> {
    pub id: Box<str>,
    #[serde(borrow)]
    pub date: Text<'a>,
    pub title: Box<str>,
    pub summary: Option<Box<str>>,
    #[serde(rename = "type", borrow)]
    pub kind: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub actors: Vec<Text<'a>>,
    #[serde(borrow)]
    pub location: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub tags: Vec<Text<'a>>,
    #[serde(default, borrow)]
    pub quotes: Vec<RawQuote<'a>>,
    #[serde(default, borrow)]
    pub attributes: BTreeMap<String, RawAttribute<'a>>,
    /// Each actor's part, by actor id: `{"zwe": "source", "afr": "target"}`; an actor with
    /// several parts has a list: `{"usa": ["source", "target"]}`.
    #[serde(default)]
    pub roles: BTreeMap<String, RawRoles>,
    pub region: Option<RawRegion>,
    pub coordinates: Option<RawPoint>,
}

/// An actor's part in an event, or its parts.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawRoles {
    One(String),
    Many(Vec<String>),
}

impl RawRoles {
    pub fn names(&self) -> &[String] {
        match self {
            RawRoles::One(one) => std::slice::from_ref(one),
            RawRoles::Many(many) => many,
        }
    }
}

/// Where an event happened: a country and its administrative areas, each optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
}

/// A point in degrees, checked for range by the loader.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    pub lat: f64,
    pub lon: f64,
}

/// An attribute's value: a string, or a number kept as the text it was written in, so that
/// `2.50` reads back as written.
#[derive(Debug)]
pub enum RawAttribute<'a> {
    Text(Box<str>),
    Number(&'a str),
}

impl<'de: 'a, 'a> Deserialize<'de> for RawAttribute<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected};
        let raw: &'de RawValue = Deserialize::deserialize(deserializer)?;
        let text = raw.get();
        match text.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<Box<str>>(text)
                .map(RawAttribute::Text)
                .map_err(D::Error::custom),
            Some(b'-' | b'0'..=b'9') => Ok(RawAttribute::Number(text)),
            _ => Err(D::Error::invalid_type(
                Unexpected::Other(text),
                &"a string or a number",
            )),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote<'a> {
    #[serde(borrow)]
    pub source: Text<'a>,
    pub text: Box<str>,
}

/// A JSON string read without copying when it has no escapes (nearly always), and unescaped
/// into its own storage when it has. A million events hold some ten million such strings that
/// are looked up or parsed and then dropped; copying each would cost more than the parse.
#[derive(Debug)]
pub struct Text<'a>(Cow<'a, str>);

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// A record together with the text it was read from, so later checks can point at its fields.
pub struct Located<'a, T> {
    pub value: T,
    /// 1-based line where the record starts.
    pub line: usize,
    pub text: &'a str,
    /// The line of each of the record's fields, found when first asked for (most records are
    /// never asked): `OnceLock` rather than `OnceCell`, as records are checked on every core.
    fields: OnceLock<Vec<(Text<'a>, usize)>>,
}

impl<'a, T> Located<'a, T> {
    pub fn new(value: T, line: usize, text: &'a str) -> Self {
        Located {
            value,
            line,
            text,
            fields: OnceLock::new(),
        }
    }

    /// The line `field` is written on, for messages about one field of a multi-line record;
    /// the record's first line when the field is not written out.
    pub fn line_of(&self, field: &str) -> usize {
        // A JSON Lines record is one line by definition: nothing to look for.
        if !has_line_break(self.text) {
            return self.line;
        }
        let fields = self
            .fields
            .get_or_init(|| field_lines(self.text, self.line));
        line_in(fields, field).unwrap_or(self.line)
    }

    /// A problem about the record's `field`, at the line it is written on.
    pub fn problem(&self, file: &str, field: &str, message: impl Into<String>) -> Problem {
        Problem::new(file, Some(self.line_of(field)), message).with_field(field)
    }
}

fn has_line_break(text: &str) -> bool {
    memchr::memchr(b'\n', text.as_bytes()).is_some()
}

fn line_in(fields: &[(Text, usize)], field: &str) -> Option<usize> {
    fields
        .iter()
        .find(|(name, _)| **name == *field)
        .map(|(_, line)| *line)
}

/// The line of `field` in `record`, which starts on `line`; `line` when it is not written.
fn line_of(record: &str, line: usize, field: &str) -> usize {
    if !has_line_break(record) {
        return line;
    }
    line_in(&field_lines(record, line), field).unwrap_or(line)
}

/// The top-level fields of `record` (a JSON object starting on `line`) with the line of each,
/// in the order written. serde_json reads the object, so a field is found only where the
/// parser found it, never where its name merely appears (as a string value, or as a key one
/// level down); each value comes back as a slice of `record`, which says where it is. Empty
/// when the record is no object.
fn field_lines(record: &str, line: usize) -> Vec<(Text<'_>, usize)> {
    let Ok(Fields(fields)) = serde_json::from_str::<Fields>(record) else {
        return Vec::new();
    };
    let mut lines = Vec::with_capacity(fields.len());
    // Counted on from one field to the next (fields come in the order written), not each
    // from the top.
    let (mut counted_to, mut counted) = (0, line);
    for (name, value) in fields {
        let Some(at) = (value.get().as_ptr() as usize).checked_sub(record.as_ptr() as usize) else {
            continue;
        };
        // The field's name is written before its value, across a colon and perhaps a line
        // break: the line is that of the name's closing quote (a name holds no line break).
        let before = record.get(..at).unwrap_or("").trim_end();
        let name_end = before.strip_suffix(':').unwrap_or(before).trim_end().len();
        if name_end >= counted_to {
            counted += count_lines(&record[counted_to..name_end]);
            counted_to = name_end;
        }
        lines.push((name, counted));
    }
    lines
}

/// A JSON object's fields in the order written, each value left unparsed, as the slice of the
/// text it was read from.
struct Fields<'a>(Vec<(Text<'a>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;

        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Fields<'de>, M::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<Text<'de>, &'de RawValue>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }

        deserializer.deserialize_map(FieldsVisitor)
    }
}

fn count_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// Decodes a file's bytes as UTF-8 text, dropping a leading byte order mark.
pub fn decode(file: &str, mut bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let e = e.utf8_error();
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|b| **b == b'\n').count();
            Err(Problem::new(
                file,
                Some(line),
                format!(
                    "not valid UTF-8 text: invalid byte 0x{:02X} at byte offset {offset}",
                    bytes[offset]
                ),
            )
            .with_hint("save the file as UTF-8"))
        }
    }
}

/// Turns a serde_json error into a problem at the right place, `line_offset` being the number
/// of lines before the text that was parsed.
pub fn json_problem(file: &str, error: &serde_json::Error, line_offset: usize) -> Problem {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the place goes in front instead.
    let message = match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    };
    let message = message.replace('`', "'");
    let problem = Problem::new(file, Some(line_offset + error.line().max(1)), message);
    if error.is_syntax() || error.is_eof() {
        problem.with_column(error.column())
    } else {
        problem
    }
}

/// The problems of a record serde refused: JSON syntax as `json_problem` says it; an object
/// held against its `shape`, every problem named by its field; and a record that is valid
/// JSON but not an object (serde would otherwise complain about its first element, as if it
/// were a list of fields) says so.
pub fn record_problems(
    file: &str,
    error: &serde_json::Error,
    line_offset: usize,
    record: &str,
    what: &str,
    shape: &[shape::Field],
) -> Vec<Problem> {
    let first = record.trim_start().chars().next();
    if error.is_syntax() || error.is_eof() {
        return vec![json_problem(file, error, line_offset)];
    }
    if first == Some('{') {
        return match shape::mistakes(record, shape) {
            Some(mistakes) if !mistakes.is_empty() => mistakes
                .into_iter()
                .map(|m| match m.field {
                    Some(field) => {
                        let line = line_of(record, line_offset + 1, &field);
                        Problem::new(file, Some(line), m.message).with_field(field)
                    }
                    None => Problem::new(file, Some(line_offset + 1), m.message),
                })
                .collect(),
            // serde saw something the shape does not say: its own words, rather than nothing.
            _ => vec![json_problem(file, error, line_offset)],
        };
    }
    let found = match first {
        Some('[') => "an array",
        Some('"') => "a string",
        Some('t' | 'f') => "true or false",
        Some('n') => "null",
        _ => "a number",
    };
    vec![Problem::new(
        file,
        Some(line_offset + 1),
        format!("expected {what}, found {found}"),
    )]
}

/// Reads a file holding a JSON array of records. A syntax error stops the file (nothing after
/// it can be trusted) and gives `None`; a record of the wrong shape is reported and the others
/// still read.
pub fn read_array<'a, T: Deserialize<'a> + Send>(
    file: &str,
    text: &'a str,
    what: &str,
    shape: &[shape::Field],
    problems: &mut Vec<Problem>,
    broken_ids: &mut HashSet<String>,
    refused: &mut Vec<Located<'a, shape::Salvaged>>,
) -> Option<Vec<Located<'a, T>>> {
    if text.trim().is_empty() {
        problems.push(Problem::new(
            file,
            Some(1),
            format!("the file is empty; expected a JSON array of {what}"),
        ));
        return None;
    }
    // The array is read as its elements' raw text, which checks the whole file as JSON and
    // finds where each element lies in one pass; a file that is not a JSON array is told
    // about by the slower way below.
    let elements = match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(raw) => raw
            .iter()
            .map(|r| {
                let start = r.get().as_ptr() as usize - text.as_ptr() as usize;
                (start, start + r.get().len())
            })
            .collect(),
        Err(_) => not_an_array(file, text, what, problems)?,
    };
    // Each core reads a share of the records, with their lines: a share counts the lines
    // before its first record, then from one record to the next, never from the top (a file
    // of 100,000 records must not be scanned 100,000 times).
    let total = elements.len();
    let shares = crate::shares::in_shares(&elements, |share: &[(usize, usize)]| {
        // The first share's list becomes the list of all: made to hold them all at once.
        let first = std::ptr::eq(share.as_ptr(), elements.as_ptr());
        let mut records = Vec::with_capacity(if first { total } else { share.len() });
        let mut failed = Vec::new();
        let mut line = 1;
        let mut counted_to = 0;
        for (start, end) in share {
            let element = &text[*start..*end];
            line += count_lines(&text[counted_to..*start]);
            counted_to = *start;
            match serde_json::from_str::<T>(element) {
                Ok(value) => records.push(Located::new(value, line, element)),
                Err(e) => failed.push((e, line, element)),
            }
        }
        vec![(records, failed)]
    });
    let mut shares = shares.into_iter();
    let (mut records, mut failed) = shares.next().unwrap_or_default();
    for (more, more_failed) in shares {
        records.extend(more);
        failed.extend(more_failed);
    }
    for (e, line, element) in failed {
        let expected = format!("each of the {what} to be a JSON object");
        problems.extend(record_problems(
            file,
            &e,
            line - 1,
            element,
            &expected,
            shape,
        ));
        broken_ids.extend(id_of(element));
        if let Some(salvaged) = shape::salvage(element) {
            refused.push(Located::new(salvaged, line, element));
        }
    }
    Some(records)
}

/// The problem with a file that is not a JSON array: a syntax error where it lies, else
/// what it holds instead. `None` then; the byte ranges of the array's elements when it is
/// one after all.
fn not_an_array(
    file: &str,
    text: &str,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<(usize, usize)>> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        problems.push(json_problem(file, &e, 0));
        return None;
    }
    if let Some(elements) = array_elements(text) {
        return Some(elements);
    }
    let found = text
        .trim_start()
        .chars()
        .next()
        .map_or("nothing", |c| match c {
            '{' => "an object",
            '"' => "a string",
            _ => "a single value",
        });
    problems.push(Problem::new(
        file,
        Some(1),
        format!("expected a JSON array of {what}, found {found}"),
    ));
    None
}

/// The id of a record that failed to read, so that references to it are not reported again
/// as unknown: one problem per mistake, not a cascade.
fn id_of(record: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(record).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// Byte ranges of the elements of a top-level JSON array, or `None` when the text is not an
/// array. Meaningful only for valid JSON, but safe (and finite) on any text.
fn array_elements(text: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    at += 1;
    let mut elements = Vec::new();
    loop {
        at = skip_space(bytes, at);
        match bytes.get(at) {
            None | Some(b']') => return Some(elements),
            Some(b',') => {
                at += 1;
                continue;
            }
            Some(_) => {}
        }
        let start = at;
        let mut depth = 0usize;
        let mut in_string = false;
        while let Some(&b) = bytes.get(at) {
            if in_string {
                match b {
                    b'\\' => at += 1,
                    b'"' => in_string = false,
                    // Most of a record is inside strings: on to the next quote or escape.
                    _ => match memchr::memchr2(b'"', b'\\', &bytes[at..]) {
                        Some(skip) => {
                            at += skip;
                            continue;
                        }
                        None => at = bytes.len(),
                    },
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => break,
                    b'}' | b']' => depth -= 1,
                    b',' if depth == 0 => break,
                    _ => {}
                }
            }
            at += 1;
        }
        if at == start {
            // A closing bracket where a value should start: not JSON. Checked so that this
            // may run before the text is known to be JSON, and still always end.
            return None;
        }
        let end = start + text[start..at.min(text.len())].trim_end().len();
        elements.push((start, end));
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_array_elements_with_nesting_and_strings() {
        let text = "[ {\"a\": [1, 2]}, \"x,]\" ,\n 3 ]";
        let parts: Vec<&str> = array_elements(text)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(parts, ["{\"a\": [1, 2]}", "\"x,]\"", "3"]);
        assert_eq!(array_elements("{}"), None);
        assert_eq!(array_elements("[]"), Some(vec![]));
    }

    /// It now runs beside the JSON check rather than after it: on text that is not JSON it
    /// must still end (it looped for ever on a stray closing bracket).
    /// An actors.json of `n` records laid out every which way (one a line, several on a line,
    /// one over several lines), with a record of the wrong shape every `broken` records.
    fn actors_text(n: usize, broken: usize) -> String {
        let mut text = String::from("[\n");
        for i in 0..n {
            let record = if i % broken == broken - 1 {
                format!("{{\"id\": \"a{i}\",\n \"name\": {i}}}")
            } else if i % 3 == 0 {
                format!(
                    "{{\"id\": \"a{i}\",\n  \"name\": \"N\\u00e9 {i}\",\n  \"aliases\": [\"x\"]}}"
                )
            } else {
                format!("{{\"id\": \"a{i}\", \"name\": \"Name {i}\"}}")
            };
            text.push_str(&record);
            if i + 1 < n {
                text.push_str(if i % 2 == 0 { ",\n" } else { ", " });
            }
        }
        text.push_str("\n]\n");
        text
    }

    fn read_actors_text(text: &str) -> (Option<Vec<Located<'_, RawActor>>>, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut broken = HashSet::new();
        let mut refused = Vec::new();
        let records = read_array::<RawActor>(
            "actors.json",
            text,
            "actors",
            shape::ACTOR,
            &mut problems,
            &mut broken,
            &mut refused,
        );
        (records, problems)
    }

    #[test]
    fn records_of_an_array_read_in_shares_keep_their_lines_and_order() {
        let text = actors_text(1000, 97);
        let (records, problems) = read_actors_text(&text);
        let records = records.expect("an array");
        let elements = array_elements(&text).expect("an array");
        assert_eq!(elements.len(), 1000);
        let line_of = |start: usize| text[..start].matches('\n').count() + 1;
        let read: Vec<(&str, usize, &str)> = records
            .iter()
            .map(|r| (r.value.id.as_str(), r.line, r.text))
            .collect();
        let expected: Vec<(String, usize, &str)> = elements
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 97 != 96)
            .map(|(i, (start, end))| (format!("a{i}"), line_of(*start), &text[*start..*end]))
            .collect();
        assert_eq!(read.len(), expected.len());
        for (read, expected) in read.iter().zip(&expected) {
            assert_eq!(
                (read.0, read.1, read.2),
                (expected.0.as_str(), expected.1, expected.2)
            );
        }
        assert_eq!(records[3].value.name, "Né 3");
        // Each broken record told once, in file order, on the line of its wrong field.
        let lines: Vec<usize> = problems.iter().filter_map(|p| p.line).collect();
        let broken: Vec<usize> = elements
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 97 == 96)
            .map(|(_, (start, _))| line_of(*start) + 1)
            .collect();
        assert_eq!(lines, broken);
    }

    #[test]
    fn a_file_that_is_not_an_array_of_records_is_told_as_before() {
        for (text, message) in [
            (
                "{\"id\": \"a\"}",
                "expected a JSON array of actors, found an object",
            ),
            ("\"a\"", "expected a JSON array of actors, found a string"),
            ("3", "expected a JSON array of actors, found a single value"),
        ] {
            let (records, problems) = read_actors_text(text);
            assert!(records.is_none(), "{text}");
            assert_eq!(problems.len(), 1, "{text}");
            assert_eq!(problems[0].message, message);
        }
        let mut cut = actors_text(50, 1000);
        cut.truncate(cut.len() / 2);
        let (records, problems) = read_actors_text(&cut);
        assert!(records.is_none());
        assert_eq!(problems.len(), 1);
        let syntax = "[{\"id\": \"a\"},\n {\"id\" \"b\"}]";
        let (records, problems) = read_actors_text(syntax);
        assert!(records.is_none());
        assert_eq!(problems[0].line, Some(2), "{:?}", problems[0]);
        let (records, problems) = read_actors_text("[]");
        assert_eq!(records.map(|r| r.len()), Some(0));
        assert!(problems.is_empty());
    }

    #[test]
    fn array_elements_ends_on_text_that_is_not_json() {
        for text in ["[}]", "[ ] ]", "[1, }", "[{]", "[\"a", "[,,", "[1 2]"] {
            let _ = array_elements(text);
        }
        assert_eq!(array_elements("[}]"), None);
    }

    #[test]
    fn reads_escaped_strings_where_it_would_borrow_plain_ones() {
        let line = r#"{"id": "e1", "date": "2021\u002d12", "title": "T", "actors": ["a\u0031", "b"],
            "type": "t\"q", "tags": ["x\ny"], "quotes": [{"source": "s\/1", "text": "q"}]}"#;
        let event: RawEvent = serde_json::from_str(line).expect("a valid record");
        assert_eq!(&*event.date, "2021-12");
        let actors: Vec<&str> = event.actors.iter().map(|a| &**a).collect();
        assert_eq!(actors, ["a1", "b"]);
        assert!(matches!(event.actors[1].0, Cow::Borrowed(_)));
        assert_eq!(event.kind.as_deref(), Some("t\"q"));
        assert_eq!(&*event.tags[0], "x\ny");
        assert_eq!(&*event.quotes[0].source, "s/1");
    }

    #[test]
    fn finds_each_field_where_the_parser_read_it() {
        // A field's name as a string value, as a key one level down, escaped, and apart from
        // its value across a line break.
        let record =
            "{\"id\": \"a\",\n \"title\": \"date\",\n \"attributes\": {\"date\": \"x\"},\n \
                      \"da\\u0074e\"\n : \"2021\", \"tags\": [\n\"t\"]}";
        let fields = field_lines(record, 10);
        let found: Vec<(&str, usize)> =
            fields.iter().map(|(name, line)| (&**name, *line)).collect();
        assert_eq!(
            found,
            [
                ("id", 10),
                ("title", 11),
                ("attributes", 12),
                ("date", 13),
                ("tags", 14)
            ]
        );
        let located = Located::new((), 10, record);
        assert_eq!(located.line_of("date"), 13);
        assert_eq!(
            located.line_of("summary"),
            10,
            "a field not written: the record's line"
        );
        let problem = located.problem("events.json", "tags", "wrong");
        assert_eq!(
            (problem.line, problem.field.as_deref()),
            (Some(14), Some("tags"))
        );
        // A record of one line needs no search, and a text that is no object has no fields.
        assert_eq!(
            Located::new((), 3, "{\"id\": \"date\", \"date\": 1}").line_of("date"),
            3
        );
        assert!(field_lines("[1,\n2]", 1).is_empty());
    }

    #[test]
    fn reports_records_of_the_wrong_shape_at_their_line() {
        let text = "[\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\",\n \"nme\": \"B\"}\n]";
        let mut problems = Vec::new();
        let actors: Vec<Located<RawActor>> = read_array(
            "actors.json",
            text,
            "actors",
            shape::ACTOR,
            &mut problems,
            &mut HashSet::new(),
            &mut Vec::new(),
        )
        .unwrap_or_default();
        assert_eq!(actors.len(), 1);
        // Each problem at the line of its field; a missing one at the record's first line.
        let found: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, Some(4));
        assert!(found[0].1.starts_with("unknown field 'nme'"), "{found:?}");
        assert_eq!(found[1], (Some(3), "missing field 'name'"));
    }
}
