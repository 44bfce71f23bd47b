//! The JSON shapes of a dataset's files, and reading them with exact line numbers.
//! These structs never leave the loader: they are converted into the domain model.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::problem::Problem;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The saved text; absent for a source known only by its reference (e.g. an imported
    /// article's URL), which then has no sentences to quote.
    pub file: Option<String>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Box<str>,
    pub date: String,
    pub title: Box<str>,
    pub summary: Option<Box<str>>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub actors: Vec<String>,
    pub location: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub quotes: Vec<RawQuote>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub source: String,
    pub text: String,
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
        // A JSON Lines record is one line by definition: nothing to search.
        if self.text.len() < 2 || memchr::memchr(b'\n', self.text.as_bytes()).is_none() {
            return self.line;
        }
        let key = format!("\"{field}\"");
        self.text
            .find(&key)
            .map_or(self.line, |at| self.line + count_lines(&self.text[..at]))
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

/// `json_problem` for one record; a record that is valid JSON but not an object (serde would
/// otherwise complain about its first element, as if it were a list of fields) says so.
pub fn record_problem(
    file: &str,
    error: &serde_json::Error,
    line_offset: usize,
    record: &str,
    what: &str,
) -> Problem {
    let first = record.trim_start().chars().next();
    if error.is_syntax() || error.is_eof() || first == Some('{') {
        return json_problem(file, error, line_offset);
    }
    let found = match first {
        Some('[') => "an array",
        Some('"') => "a string",
        Some('t' | 'f') => "true or false",
        Some('n') => "null",
        _ => "a number",
    };
    Problem::new(
        file,
        Some(line_offset + 1),
        format!("expected {what}, found {found}"),
    )
}

/// Reads a file holding a JSON array of records. A syntax error stops the file (nothing after
/// it can be trusted) and gives `None`; a record of the wrong shape is reported and the others
/// still read.
pub fn read_array<'a, T: DeserializeOwned>(
    file: &str,
    text: &'a str,
    what: &str,
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
                problems.push(record_problem(file, &e, line - 1, element, &expected));
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
    fn reports_records_of_the_wrong_shape_at_their_line() {
        let text = "[\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\",\n \"nme\": \"B\"}\n]";
        let mut problems = Vec::new();
        let actors: Vec<Located<RawActor>> = read_array(
            "actors.json",
            text,
            "actors",
            &mut problems,
            &mut HashSet::new(),
        )
        .unwrap_or_default();
        assert_eq!(actors.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(4));
        assert!(
            problems[0].message.starts_with("unknown field 'nme'"),
            "{}",
            problems[0].message
        );
    }
}
