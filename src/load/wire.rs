//! The JSON shapes of a dataset's files, and reading them with exact line numbers.
//! These structs never leave the loader: they are converted into the domain model.

use std::borrow::Cow;
use std::collections::HashSet;
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

/// An actor record. The fields an actor keeps are read into their own storage; its
/// affiliation is only looked up, so it borrows from the file, and its aliases too, to be
/// copied into a list of their exact number (serde's list of strings has room for four).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor<'a> {
    pub id: String,
    pub name: String,
    pub kind: Option<RawKind>,
    #[serde(default, borrow)]
    pub aliases: Vec<Text<'a>>,
    #[serde(borrow)]
    pub affiliation: Option<Text<'a>>,
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
    #[serde(borrow)]
    pub title: Text<'a>,
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
    /// In the order written, a name given twice kept twice (for the checks to report).
    #[serde(default, borrow, deserialize_with = "entries")]
    pub attributes: Vec<(String, RawAttribute<'a>)>,
    /// Each actor's part, by actor id: `{"zwe": "source", "afr": "target"}`; an actor with
    /// several parts has a list: `{"usa": ["source", "target"]}`.
    #[serde(default, deserialize_with = "entries")]
    pub roles: Vec<(String, RawRoles)>,
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

/// An object's entries in the order written, a key given twice kept twice: a map would keep
/// the last value and lose the first without a word, where the record's checks report it.
pub fn entries<'de, D, V>(deserializer: D) -> Result<Vec<(String, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);

    impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }

    deserializer.deserialize_map(Entries(std::marker::PhantomData))
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

/// A file that is UTF-16 by its byte order mark (`FF FE` or `FE FF`), as Windows' Notepad
/// saves "Unicode": said as such, rather than as binary (its NULs) or as an invalid byte 0xFF.
pub fn utf16(file: &str, bytes: &[u8]) -> Option<Problem> {
    let order = match bytes {
        [0xFF, 0xFE, ..] => "little-endian",
        [0xFE, 0xFF, ..] => "big-endian",
        _ => return None,
    };
    Some(
        Problem::new(
            file,
            None,
            format!("not UTF-8 text: it is UTF-16 ({order}, by its byte order mark)"),
        )
        .with_hint("save the file as UTF-8"),
    )
}

/// Decodes a file's bytes as UTF-8 text, dropping a leading byte order mark.
pub fn decode(file: &str, mut bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(problem) = utf16(file, &bytes) {
        return Err(problem);
    }
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

/// A `\u` escape of half a UTF-16 surrogate pair, as serde refuses it.
const LONE_SURROGATE: &str =
    "lone surrogate in a string: a \\u escape from \\uD800 to \\uDFFF is half of a pair and needs its other half";
const LONE_SURROGATE_HINT: &str =
    "write the character itself, or both escapes of its pair (such as \\ud83c\\udf0d)";

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
    // serde's words for half a UTF-16 pair (`"\ud800"`) are a parser's, and the first of them
    // is not even true: the escape did end. Say what is wrong and how to mend it.
    let (message, hint) = match message.as_str() {
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            (LONE_SURROGATE.to_string(), Some(LONE_SURROGATE_HINT))
        }
        _ => (message, None),
    };
    let mut problem = Problem::new(file, Some(line_offset + error.line().max(1)), message);
    if let Some(hint) = hint {
        problem = problem.with_hint(hint);
    }
    if error.is_syntax() || error.is_eof() {
        problem.with_column(error.column())
    } else {
        problem
    }
}

/// serde's "number out of range" (`1e999`) with the number and the field it is the value of,
/// read from the record where serde stopped: `date: 1e999 is too large a number`.
fn number_out_of_range(error: &serde_json::Error, record: &str) -> Option<String> {
    if !error.to_string().starts_with("number out of range") {
        return None;
    }
    let line_start: usize = record
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    // serde stops somewhere in the number (where it saw that it was too large): the number
    // is the run of its characters on both sides.
    let in_number = |c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-');
    let at = (line_start + error.column().saturating_sub(1)).min(record.len());
    let end = record
        .get(at..)?
        .find(|c: char| !in_number(c))
        .map_or(record.len(), |n| at + n);
    let before = record.get(..end)?;
    let start = before.rfind(|c: char| !in_number(c)).map_or(0, |n| n + 1);
    let number = before.get(start..)?;
    let key = before[..start]
        .trim_end()
        .strip_suffix(':')
        .map(str::trim_end)
        .and_then(|k| k.strip_suffix('"'))
        .and_then(|k| k.rfind('"').map(|at| &k[at + 1..]));
    let number = crate::problem::quoted_up_to(number, 40);
    Some(match key {
        Some(key) => format!("{key}: {number} is too large a number"),
        None => format!("{number} is too large a number"),
    })
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
        let mut problem = json_problem(file, error, line_offset);
        if let Some(named) = number_out_of_range(error, record) {
            problem.message = named;
        }
        return vec![problem];
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

/// Where a record of a JSON array lies in the file's text, and the line it starts on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Element {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

impl Element {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A JSON array's records as `parse_array` read them.
pub struct Records<R, S> {
    /// Each element of the array, in order.
    pub elements: Vec<Element>,
    /// What was made of each element; `None` for one that did not read (reported).
    pub values: Vec<Option<R>>,
    /// What was noted beside the values, one note per share of the elements, in order.
    pub notes: Vec<S>,
}

/// Reads a file holding a JSON array of records into a `Located` record each. A syntax error
/// stops the file (nothing after it can be trusted) and gives `None`; a record of the wrong
/// shape is reported and the others still read.
pub fn read_array<'a, T: Deserialize<'a> + Send>(
    file: &str,
    text: &'a str,
    what: &str,
    shape: &[shape::Field],
    problems: &mut Vec<Problem>,
    broken_ids: &mut HashSet<String>,
    refused: &mut Vec<Located<'a, shape::Salvaged>>,
) -> Option<Vec<Located<'a, T>>> {
    let records = parse_array(
        file,
        text,
        what,
        shape,
        problems,
        broken_ids,
        refused,
        |_: &mut (), _, element, line| {
            serde_json::from_str::<T>(element).map(|value| Located::new(value, line, element))
        },
    )?;
    // `filter_map` rather than `flatten`: it keeps the list where it is, in place.
    #[allow(clippy::filter_map_identity)]
    let records = records.values.into_iter().filter_map(|r| r).collect();
    Some(records)
}

/// Reads a file holding a JSON array of records on every core, `parse` making a value of each
/// element (given its number in the array, its text and its line) and noting what else it
/// likes in the note of its share. A syntax error stops the file and gives `None`; an element
/// that `parse` refuses is reported as `read_array` says, and the others still read.
#[allow(clippy::too_many_arguments)]
pub fn parse_array<'a, R: Send, S: Default + Send>(
    file: &str,
    text: &'a str,
    what: &str,
    shape: &[shape::Field],
    problems: &mut Vec<Problem>,
    broken_ids: &mut HashSet<String>,
    refused: &mut Vec<Located<'a, shape::Salvaged>>,
    parse: impl Fn(&mut S, usize, &'a str, usize) -> Result<R, serde_json::Error> + Sync,
) -> Option<Records<R, S>> {
    if text.trim().is_empty() {
        problems.push(Problem::new(
            file,
            Some(1),
            format!("the file is empty; expected a JSON array of {what}"),
        ));
        return None;
    }
    // Most files are cut into their elements by one quick pass that leaves checking each as
    // JSON to its reading, on every core; the rest (and any file where an element fails to
    // read, which may be a syntax error) are checked whole by serde, which says what is wrong.
    let (elements, checked) = match plain_elements(text) {
        Some(elements) => (elements, false),
        None => (checked_elements(file, text, what, problems)?, true),
    };
    // Each value is made in its place in the list, which is made once and never copied.
    let (values, shares) = crate::shares::made_in_shares(
        elements.len(),
        |n, (notes, failed): &mut (S, Vec<(serde_json::Error, usize)>)| {
            let element = &elements[n];
            match parse(notes, n, element.text(text), element.line) {
                Ok(value) => Some(value),
                Err(e) => {
                    failed.push((e, n));
                    None
                }
            }
        },
    );
    let mut notes = Vec::with_capacity(shares.len());
    let mut failed = Vec::new();
    for (share_notes, share_failed) in shares {
        notes.push(share_notes);
        failed.extend(share_failed);
    }
    if !failed.is_empty() && !checked {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            problems.push(json_problem(file, &e, 0));
            return None;
        }
    }
    for (e, n) in failed {
        let Element { line, .. } = elements[n];
        let element = elements[n].text(text);
        let expected = format!("each of the {what} to be a JSON object");
        problems.extend(record_problems(
            file,
            &e,
            line - 1,
            element,
            &expected,
            shape,
        ));
        // The id of a record that failed to read, so that references to it are not reported
        // again as unknown: one problem per mistake, not a cascade.
        if let Some(salvaged) = shape::salvage(element) {
            broken_ids.extend(salvaged.id.clone());
            refused.push(Located::new(salvaged, line, element));
        }
    }
    Some(Records {
        elements,
        values,
        notes,
    })
}

/// The elements of a file checked whole as a JSON array, with their lines; `None` when it is
/// no array (reported).
fn checked_elements(
    file: &str,
    text: &str,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Element>> {
    let ranges = match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(raw) => raw
            .iter()
            .map(|r| {
                let start = r.get().as_ptr() as usize - text.as_ptr() as usize;
                (start, start + r.get().len())
            })
            .collect(),
        Err(_) => not_an_array(file, text, what, problems)?,
    };
    // Counted on from one element to the next, never from the top (a file of 100,000
    // records must not be scanned 100,000 times).
    let mut line = 1;
    let mut counted_to = 0;
    let elements = ranges
        .into_iter()
        .map(|(start, end)| {
            line += count_lines(&text[counted_to..start]);
            counted_to = start;
            Element { start, end, line }
        })
        .collect();
    Some(elements)
}

/// JSON's white space, the only characters allowed between its values.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The elements of `text`, with their lines, when it is a JSON array as JSON writes one: `[`,
/// elements apart by commas, `]`, and only white space around them. Each element is cut out,
/// not checked: the text is JSON only if every element reads as JSON, which the caller finds
/// as it reads them. `None` for anything else, and for elements nested deep enough that
/// serde's limit on nesting might tell them apart from the whole file; those are left to
/// serde.
///
/// Each core cuts a share of the text, the shares parted at line breaks (which JSON has only
/// between tokens), each share taken to start where an element is due, as in a file of one
/// record a line. Where that proves wrong (a record over several lines across the parting),
/// the text is cut again in one pass.
fn plain_elements(text: &str) -> Option<Vec<Element>> {
    plain_elements_in(text, crate::shares::threads())
}

/// `plain_elements`, the text cut in `n` shares.
fn plain_elements_in(text: &str, n: usize) -> Option<Vec<Element>> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut at = 0;
    skip_json_space(bytes, &mut at, &mut line, usize::MAX);
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    at += 1;
    skip_json_space(bytes, &mut at, &mut line, usize::MAX);
    let (elements, end) = if bytes.get(at) == Some(&b']') {
        (Vec::new(), at + 1)
    } else {
        match cut_in_shares(bytes, at, line, n) {
            Some(cut) => cut,
            None => {
                let whole = cut_elements(bytes, at, usize::MAX, 0)?;
                let closed = whole.closed?;
                let mut elements = whole.elements;
                for element in &mut elements {
                    element.line += line;
                }
                (elements, closed)
            }
        }
    };
    let mut at = end;
    skip_json_space(bytes, &mut at, &mut line, usize::MAX);
    (at == bytes.len()).then_some(elements)
}

/// The elements from `at` (on `line`), where the first is due, cut in `n` shares on every
/// core, and where the array ends; `None` when a share did not start where an element was
/// due after all, or the text is no array of elements.
fn cut_in_shares(bytes: &[u8], at: usize, line: usize, n: usize) -> Option<(Vec<Element>, usize)> {
    let shares = line_shares(bytes, at, n);
    // The first share's list becomes the list of all: made to hold them all at once.
    let all = (bytes.len() - at) / 64;
    let cut = crate::shares::in_shares(&shares, |share| {
        share
            .iter()
            .map(|&(from, to)| cut_elements(bytes, from, to, if from == at { all } else { 0 }))
            .collect()
    });
    joined_cuts(cut, &shares, line)
}

/// The text from `at` on in `n` shares of about equal length, each after the first starting
/// at the beginning of a line.
fn line_shares(bytes: &[u8], at: usize, n: usize) -> Vec<(usize, usize)> {
    let mut shares = Vec::with_capacity(n);
    let mut from = at;
    for k in 1..n {
        let middle = at + (bytes.len() - at) / n * k;
        let Some(to) = bytes
            .get(middle.max(from)..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map(|nl| middle.max(from) + nl + 1)
        else {
            break;
        };
        shares.push((from, to));
        from = to;
    }
    shares.push((from, usize::MAX));
    shares
}

/// The elements each share cut, put together with their lines counted from the top, and where
/// the array ends; `None` when a share did not start where an element was due after all.
fn joined_cuts(
    cut: Vec<Option<Cut>>,
    shares: &[(usize, usize)],
    first_line: usize,
) -> Option<(Vec<Element>, usize)> {
    let mut cut = cut.into_iter();
    let mut all = cut.next()??;
    let mut lines = first_line;
    for element in &mut all.elements {
        element.line += lines;
    }
    for (more, (_, to)) in cut.zip(shares) {
        let more = more?;
        // The share before must have ended where this one began, with an element due.
        if all.closed.is_some() || all.at != *to {
            return None;
        }
        lines += all.lines;
        all.elements
            .extend(more.elements.into_iter().map(|mut element| {
                element.line += lines;
                element
            }));
        (all.at, all.lines, all.closed) = (more.at, more.lines, more.closed);
    }
    Some((all.elements, all.closed?))
}

/// What `cut_elements` found.
struct Cut {
    /// With their lines counted from 0 at the start.
    elements: Vec<Element>,
    /// Where it stopped, and the line breaks it passed.
    at: usize,
    lines: usize,
    /// Just after the array's `]`, when it got there.
    closed: Option<usize>,
}

/// The elements from `at`, where an element is due, up to the first due at or after `to`, or
/// up to the array's end; `None` where the text is no array of elements. Room is made for
/// `reserve` elements at least.
fn cut_elements(bytes: &[u8], mut at: usize, to: usize, reserve: usize) -> Option<Cut> {
    const DEEPEST: usize = 64;
    let mut line = 0;
    // Sized for records of some 64 bytes: memory reserved and never written to costs nothing,
    // where a list grown by doubling writes about twice what it keeps.
    let own = to.min(bytes.len()).saturating_sub(at) / 64;
    let mut elements = Vec::with_capacity(own.max(reserve));
    loop {
        skip_json_space(bytes, &mut at, &mut line, to);
        if at >= to {
            return Some(Cut {
                elements,
                at,
                lines: line,
                closed: None,
            });
        }
        let (start, start_line) = (at, line);
        let mut depth = 0usize;
        let mut deepest = 0;
        // Line breaks are counted outside strings only: JSON has none inside one.
        while let Some(&b) = bytes.get(at) {
            match b {
                b'"' => {
                    at += 1;
                    loop {
                        at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
                        if bytes[at] == b'"' {
                            break;
                        }
                        at += 2;
                    }
                }
                b'{' | b'[' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b'}' | b']' | b',' if depth == 0 => break,
                b'}' | b']' => depth -= 1,
                b'\n' => line += 1,
                _ => {}
            }
            at += 1;
        }
        let end = start
            + bytes[start..at]
                .iter()
                .rposition(|b| !is_json_space(*b))
                .map_or(0, |last| last + 1);
        if end == start || deepest > DEEPEST {
            return None;
        }
        elements.push(Element {
            start,
            end,
            line: start_line,
        });
        match bytes.get(at) {
            Some(b',') => at += 1,
            Some(b']') => {
                return Some(Cut {
                    elements,
                    at: at + 1,
                    lines: line,
                    closed: Some(at + 1),
                })
            }
            _ => return None,
        }
    }
}

/// Moves `at` past JSON's white space, up to `to` at most, counting the line breaks.
fn skip_json_space(bytes: &[u8], at: &mut usize, line: &mut usize, to: usize) {
    while let Some(&b) = bytes.get(*at).filter(|b| is_json_space(**b) && *at < to) {
        *line += usize::from(b == b'\n');
        *at += 1;
    }
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

    fn read_actors_text(text: &str) -> (Option<Vec<Located<'_, RawActor<'_>>>>, Vec<Problem>) {
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

    /// Where the quick cut finds elements, they are serde's (with their lines), however many
    /// shares it is cut in; and where the text is no JSON, some element it cut does not read
    /// as JSON, so that the file is then checked whole by serde.
    fn agrees_with_serde(text: &str) {
        for n in 1..=4 {
            let Some(quick) = plain_elements_in(text, n) else {
                continue;
            };
            match serde_json::from_str::<Vec<&RawValue>>(text) {
                Ok(_) => {
                    let checked = checked_elements("f", text, "x", &mut Vec::new());
                    assert_eq!(Some(quick), checked, "{n} shares: {text:?}");
                }
                Err(_) => assert!(
                    quick.iter().any(|e| {
                        serde_json::from_str::<serde::de::IgnoredAny>(e.text(text)).is_err()
                    }),
                    "{n} shares: {text:?}"
                ),
            }
        }
    }

    #[test]
    fn the_quick_cut_agrees_with_serde() {
        let one_a_line = (0..50)
            .map(|i| format!("  {{\"id\": \"a{i}\", \"aliases\": [\"x,]\\\"\"]}}"))
            .collect::<Vec<_>>()
            .join(",\n");
        let texts = [
            actors_text(300, 7),
            actors_text(40, 1000).replace('\n', ""),
            format!("[\n{one_a_line}\n]\n"),
            format!("\r\n[{one_a_line}\n]"),
            format!("[\n{one_a_line}\n,\n]\n"),
            format!("[\n{one_a_line}\n]\n]"),
            format!("[{}1{}]", "[".repeat(70), "]".repeat(70)),
        ];
        let odd = [
            "[]",
            " [ ]\n",
            "[1,2]",
            "[\n1,\n2\n]\n",
            "[1,,2]",
            "[1,]",
            "[,1]",
            "[1] x",
            "[1",
            "[1 2]",
            "[\"a\\\"]\", 2]",
            "[\"a\nb\"]",
            "[1\u{c}]",
            "[\"\\",
            "[{]",
            "[}]",
            "{}",
            "[\"é\", é]",
            "[1]\n\n",
            "[1\n,\n2]",
            "[\n{\"a\":\n1},\n{\"b\":\n2}\n]",
        ];
        for text in texts.iter().map(String::as_str).chain(odd) {
            agrees_with_serde(text);
        }
        // The files that are JSON are cut quickly, but for the one nested deeper than the cut
        // leaves to serde.
        for n in 1..=4 {
            for text in &texts[..4] {
                assert!(plain_elements_in(text, n).is_some(), "{n} shares: {text:?}");
            }
            assert_eq!(plain_elements_in(&texts[6], n), None);
        }
        // Every one-byte change of a small file, records over several lines among them.
        let base = actors_text(7, 4);
        for at in (0..base.len()).filter(|at| base.is_char_boundary(*at)) {
            let mut cut = base.clone();
            cut.remove(at);
            agrees_with_serde(&cut);
            for c in [',', ']', '[', '"', '\\', '\n', '{', '}', ' '] {
                let mut more = base.clone();
                more.insert(at, c);
                agrees_with_serde(&more);
            }
        }
    }

    /// A file of one record a line is cut on every core; a record over the line where the
    /// shares part makes them start again, in one pass.
    #[test]
    fn a_file_of_one_record_a_line_is_cut_in_shares() {
        let text = (0..100)
            .map(|i| format!("{{\"id\": \"a{i}\"}}"))
            .collect::<Vec<_>>()
            .join(",\n");
        let text = format!("[\n{text}\n]\n");
        let (elements, end) = cut_in_shares(text.as_bytes(), 2, 2, 3).expect("in shares");
        assert_eq!(end, text.len() - 1);
        assert_eq!(elements.len(), 100);
        assert_eq!(elements[99].line, 101);
        assert_eq!(elements[99].text(&text), "{\"id\": \"a99\"}");
        // Commas first, each record over two lines: no line starts where an element is due.
        let spread = text.replace(",\n", "\n, ").replace(": ", ":\n ");
        assert_eq!(cut_in_shares(spread.as_bytes(), 2, 2, 3), None);
        assert_eq!(plain_elements_in(&spread, 3).map(|e| e.len()), Some(100));
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
