//! The JSON shapes of a dataset's files, and reading them with exact line numbers.
//! These structs never leave the loader: they are converted into the domain model.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::Deserialize;

use super::shape;
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
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    pub description: Option<String>,
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
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
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
}

impl<T> Located<'_, T> {
    /// The line of `"field"` inside the record, for messages about one field of a multi-line
    /// record; the record's first line when the field is not written out.
    pub fn line_of(&self, field: &str) -> usize {
        line_of(self.text, self.line, field)
    }
}

/// The line of `"field"` in `record`, which starts on `line`; `line` when it is not written.
fn line_of(record: &str, line: usize, field: &str) -> usize {
    // A JSON Lines record is one line by definition: nothing to search.
    if record.len() < 2 || memchr::memchr(b'\n', record.as_bytes()).is_none() {
        return line;
    }
    let key = format!("\"{field}\"");
    record
        .find(&key)
        .map_or(line, |at| line + count_lines(&record[..at]))
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
                .map(|m| {
                    let line = match &m.field {
                        Some(field) => line_of(record, line_offset + 1, field),
                        None => line_offset + 1,
                    };
                    Problem::new(file, Some(line), m.message)
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
pub fn read_array<'a, T: Deserialize<'a>>(
    file: &str,
    text: &'a str,
    what: &str,
    shape: &[shape::Field],
    problems: &mut Vec<Problem>,
    broken_ids: &mut HashSet<String>,
) -> Option<Vec<Located<'a, T>>> {
    if text.trim().is_empty() {
        problems.push(Problem::new(
            file,
            Some(1),
            format!("the file is empty; expected a JSON array of {what}"),
        ));
        return None;
    }
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        problems.push(json_problem(file, &e, 0));
        return None;
    }
    let Some(elements) = array_elements(text) else {
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
        return None;
    };
    let mut records = Vec::with_capacity(elements.len());
    // Lines are counted from one element to the next, never from the top: a file of 100,000
    // records must not be scanned 100,000 times.
    let mut line = 1;
    let mut counted_to = 0;
    for (start, end) in elements {
        let element = &text[start..end];
        line += count_lines(&text[counted_to..start]);
        counted_to = start;
        match serde_json::from_str::<T>(element) {
            Ok(value) => records.push(Located {
                value,
                line,
                text: element,
            }),
            Err(e) => {
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
            }
        }
    }
    Some(records)
}

/// The id of a record that failed to read, so that references to it are not reported again
/// as unknown: one problem per mistake, not a cascade.
fn id_of(record: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(record).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// Byte ranges of the elements of a top-level JSON array, or `None` when the text is not an
/// array. The text must already be known to be valid JSON.
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
                    _ => {}
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
