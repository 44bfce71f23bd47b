//! Why a record did not read, said field by field. serde stops at a record's first mistake and
//! words it for programmers (`invalid type: string "coal", expected a sequence`), without the
//! field; a record it refuses is read again here, shallowly, and held against the shape of its
//! kind, so that each problem names its field (`tags: expected a list of strings, found a
//! string 'coal'`) and every missing field is listed. Only refused records come here: records
//! that read are serde's alone.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::problem::quoted;

/// What a field holds.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// A string.
    Text,
    /// A list of strings.
    Texts,
    /// A list of quotes, each an object of `QUOTE`'s fields.
    Quotes,
    /// An object whose values are strings or numbers.
    Attributes,
    /// An object whose values are strings or lists of strings (an event's roles, by actor id).
    Names,
    /// A number of degrees within ± this many (a latitude, a longitude).
    Degrees(u8),
    /// An object of these fields.
    Object(&'static [Field]),
}

/// A field of a record, as the loader's wire structs declare it.
#[derive(Debug)]
pub struct Field {
    name: &'static str,
    expect: Expect,
    required: bool,
    /// `null` means absent (an `Option`); lists that may be left out still refuse `null`.
    nullable: bool,
}

const fn required(name: &'static str) -> Field {
    Field {
        name,
        expect: Expect::Text,
        required: true,
        nullable: false,
    }
}

const fn optional(name: &'static str) -> Field {
    Field {
        name,
        expect: Expect::Text,
        required: false,
        nullable: true,
    }
}

const fn listed(name: &'static str, expect: Expect) -> Field {
    Field {
        name,
        expect,
        required: false,
        nullable: false,
    }
}

/// A required number of degrees within ±`limit`: out of range is said even when a sibling's
/// shape is wrong, so that one look at the record reports both.
const fn degrees(name: &'static str, limit: u8) -> Field {
    Field {
        name,
        expect: Expect::Degrees(limit),
        required: true,
        nullable: false,
    }
}

const fn object(name: &'static str, shape: &'static [Field]) -> Field {
    Field {
        name,
        expect: Expect::Object(shape),
        required: false,
        nullable: true,
    }
}

/// `RawRegion`'s fields.
const REGION: &[Field] = &[optional("country"), optional("admin1"), optional("admin2")];

/// `RawPoint`'s fields.
const POINT: &[Field] = &[degrees("lat", 90), degrees("lon", 180)];

/// `RawEvent`'s fields, in its order (which serde's "expected one of" follows).
pub const EVENT: &[Field] = &[
    required("id"),
    required("date"),
    required("title"),
    optional("summary"),
    optional("type"),
    listed("actors", Expect::Texts),
    optional("location"),
    listed("tags", Expect::Texts),
    listed("quotes", Expect::Quotes),
    listed("attributes", Expect::Attributes),
    listed("roles", Expect::Names),
    object("region", REGION),
    object("coordinates", POINT),
];

/// `RawActor`'s fields.
pub const ACTOR: &[Field] = &[
    required("id"),
    required("name"),
    optional("kind"),
    listed("aliases", Expect::Texts),
    optional("affiliation"),
    optional("description"),
];

/// `RawSource`'s fields.
pub const SOURCE: &[Field] = &[
    required("id"),
    required("title"),
    optional("publisher"),
    optional("url"),
    optional("published"),
    optional("file"),
    optional("sha256"),
];

/// `RawQuote`'s fields.
const QUOTE: &[Field] = &[required("source"), required("text")];

/// The fields of a refused record that are still worth checking because they are strings as
/// they should be: serde stops at a record's first mistake, but a wrong `title` says nothing
/// about whether the `date` is a real day or the `file` exists, and `check` promises every
/// problem in one run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Salvaged {
    pub id: Option<String>,
    pub date: Option<String>,
    pub published: Option<String>,
    pub file: Option<String>,
}

/// The well-typed fields of `record` (a JSON object's text) that the loader checks beyond
/// their type; `None` when it is not an object that reads. A repeated field is taken at its
/// first (the repetition is reported already).
///
/// Read leniently: the other fields are only skipped, so that a record refused for what
/// would not read as a `serde_json::Value` (a lone surrogate `"\ud800"`, a number `1e999`,
/// lists nested 200,000 deep) still gives its id, and what names it is not reported again as
/// unknown.
pub fn salvage(record: &str) -> Option<Salvaged> {
    let mut deserializer = serde_json::Deserializer::from_str(record);
    let salvaged = deserializer.deserialize_map(SalvageVisitor).ok()?;
    deserializer.end().ok()?;
    Some(salvaged)
}

/// A record that repeats some of its fields, read again with only each field's first value:
/// its text so rebuilt, and the repeated names in the order their repetitions are written.
/// `None` when no field is repeated, or the record is no object that reads.
///
/// serde refuses a repeated field before looking further; read this way, the record's other
/// problems are found too, as for any record, rather than hidden behind that one.
pub fn first_of_each_field(record: &str) -> Option<(String, Vec<String>)> {
    let mut deserializer = serde_json::Deserializer::from_str(record);
    let entries: Vec<(String, &serde_json::value::RawValue)> =
        super::wire::entries(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    let mut repeated = Vec::new();
    let mut text = String::with_capacity(record.len());
    text.push('{');
    for (n, (key, value)) in entries.iter().enumerate() {
        if entries[..n].iter().any(|(k, _)| k == key) {
            repeated.push(key.clone());
            continue;
        }
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(&serde_json::to_string(key).ok()?);
        text.push(':');
        text.push_str(value.get());
    }
    text.push('}');
    (!repeated.is_empty()).then_some((text, repeated))
}

struct SalvageVisitor;

impl<'de> Visitor<'de> for SalvageVisitor {
    type Value = Salvaged;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Salvaged, A::Error> {
        // Each field as first written: `Some(None)` for one that is not a string.
        let [mut id, mut date, mut published, mut file] = [None, None, None, None];
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "id" => &mut id,
                "date" => &mut date,
                "published" => &mut published,
                "file" => &mut file,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            let value = map.next_value_seed(TextOrSkipped)?;
            slot.get_or_insert(value);
        }
        Ok(Salvaged {
            id: id.flatten(),
            date: date.flatten(),
            published: published.flatten(),
            file: file.flatten(),
        })
    }
}

/// A string value, or `None` for any other, skipped without being built: taken whole as its
/// text first, so that a number is not read (`1e999` is out of range only once read) and a
/// string that does not read (a lone surrogate) is `None` too.
struct TextOrSkipped;

impl<'de> DeserializeSeed<'de> for TextOrSkipped {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let raw: &'de serde_json::value::RawValue = serde::Deserialize::deserialize(deserializer)?;
        let text = raw.get();
        Ok(if text.starts_with('"') {
            serde_json::from_str::<String>(text).ok()
        } else {
            None
        })
    }
}

/// One problem of a record: the top-level field it lies in (to find its line in a record of
/// several lines), and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Mistake {
    pub field: Option<String>,
    pub message: String,
}

/// Every problem of `record` (a JSON object's text) against `shape`; `None` when it cannot be
/// read again (then serde's own message stands).
pub fn mistakes(record: &str, shape: &[Field]) -> Option<Vec<Mistake>> {
    let mut deserializer = serde_json::Deserializer::from_str(record);
    let value = Depth(KEPT_DEPTH).deserialize(&mut deserializer).ok()?;
    let Shallow::Object(entries) = value else {
        return None;
    };
    let mut found = Vec::new();
    check_object(shape, &entries, None, &mut found);
    Some(found)
}

/// A JSON value as far as messages need it: strings cut short, lists and objects below
/// `KEPT_DEPTH` levels only named (their contents skipped without recursion, so that a value
/// nested 200,000 deep costs nothing).
#[derive(Debug)]
enum Shallow {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    List(Vec<Shallow>),
    Object(Vec<(String, Shallow)>),
}

/// A record, a field's value, a quote, a quote's field: the deepest that messages look.
const KEPT_DEPTH: u8 = 4;

/// Characters of a string kept for a message (`quoted` shows 80, then `…`).
const KEPT_CHARS: usize = 81;

impl Shallow {
    /// The value as a message names it: `a string 'coal'`, `a number 7`, `null`.
    fn found(&self) -> String {
        match self {
            Shallow::Null => "null".into(),
            Shallow::Bool(b) => b.to_string(),
            Shallow::Number(n) => format!("a number {n}"),
            Shallow::Text(t) => format!("a string {}", quoted(t)),
            Shallow::List(_) => "a list".into(),
            Shallow::Object(_) => "an object".into(),
        }
    }
}

/// Deserializes a `Shallow` with `self.0` levels still kept.
struct Depth(u8);

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Shallow;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shallow, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth {
    type Value = Shallow;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Shallow, E> {
        Ok(Shallow::Null)
    }

    fn visit_none<E>(self) -> Result<Shallow, E> {
        Ok(Shallow::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Shallow, E> {
        Ok(Shallow::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Shallow, E> {
        Ok(Shallow::Number(n.to_string()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Shallow, E> {
        Ok(Shallow::Number(n.to_string()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Shallow, E> {
        // Debug writes a huge number as 1.2345678901234568e29 rather than thirty digits of
        // which the last dozen were never typed.
        Ok(Shallow::Number(format!("{n:?}")))
    }

    fn visit_str<E>(self, text: &str) -> Result<Shallow, E> {
        Ok(Shallow::Text(text.chars().take(KEPT_CHARS).collect()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shallow, A::Error> {
        let mut items = Vec::new();
        if self.0 == 0 {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
        } else {
            while let Some(item) = seq.next_element_seed(Depth(self.0 - 1))? {
                items.push(item);
            }
        }
        Ok(Shallow::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shallow, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.0 == 0 {
                map.next_value::<IgnoredAny>()?;
            } else {
                entries.push((key, map.next_value_seed(Depth(self.0 - 1))?));
            }
        }
        Ok(Shallow::Object(entries))
    }
}

/// Checks an object's fields against `shape`: wrong types, unknown and repeated fields in the
/// order written, then the missing ones together. `within` names an object inside a record
/// (`quote 2`) and the record's field it lies in (`quotes`).
fn check_object(
    shape: &[Field],
    entries: &[(String, Shallow)],
    within: Option<(&str, &str)>,
    found: &mut Vec<Mistake>,
) {
    let quote = within.map(|(label, _)| label);
    // An inner object's problems lie in the record's field that holds it.
    let at = |key: &str| Some(within.map_or(key, |(_, field)| field).to_string());
    let whose = quote.map_or_else(String::new, |q| format!("{q}: "));
    for (n, (key, value)) in entries.iter().enumerate() {
        if entries[..n].iter().any(|(k, _)| k == key) {
            found.push(Mistake {
                field: at(key),
                message: format!("{whose}duplicate field {}", quoted(key)),
            });
            continue;
        }
        let Some(field) = shape.iter().find(|f| f.name == key) else {
            found.push(Mistake {
                field: at(key),
                message: format!(
                    "{whose}unknown field {}, expected {}",
                    quoted(key),
                    one_of(shape)
                ),
            });
            continue;
        };
        let label = match quote {
            Some(q) => format!("{q}, {key}"),
            None => key.clone(),
        };
        for message in check_value(field, value, &label) {
            found.push(Mistake {
                field: at(key),
                message,
            });
        }
    }
    let missing: Vec<String> = shape
        .iter()
        .filter(|f| f.required && !entries.iter().any(|(k, _)| k == f.name))
        .map(|f| quoted(f.name))
        .collect();
    let message = match missing.as_slice() {
        [] => return,
        [one] => format!("{whose}missing field {one}"),
        [first @ .., last] => format!("{whose}missing fields {} and {last}", first.join(", ")),
    };
    found.push(Mistake {
        field: within.map(|(_, field)| field.to_string()),
        message,
    });
}

/// What is wrong with `value` as `field`, called `label` in messages.
fn check_value(field: &Field, value: &Shallow, label: &str) -> Vec<String> {
    let wrong = |expected: &str, value: &Shallow| {
        format!("{label}: expected {expected}, found {}", value.found())
    };
    match (field.expect, value) {
        (_, Shallow::Null) if field.nullable => Vec::new(),
        (Expect::Text, Shallow::Text(_)) => Vec::new(),
        (Expect::Text, other) => vec![wrong("a string", other)],
        (Expect::Texts, Shallow::List(items)) => items
            .iter()
            .enumerate()
            .filter(|(_, item)| !matches!(item, Shallow::Text(_)))
            .map(|(n, item)| {
                format!(
                    "{label}, item {}: expected a string, found {}",
                    n + 1,
                    item.found()
                )
            })
            .collect(),
        (Expect::Texts, other) => vec![wrong("a list of strings", other)],
        (Expect::Quotes, Shallow::List(items)) => {
            let mut found = Vec::new();
            for (n, item) in items.iter().enumerate() {
                let quote = format!("quote {}", n + 1);
                match item {
                    Shallow::Object(entries) => {
                        let mut mistakes = Vec::new();
                        check_object(QUOTE, entries, Some((&quote, "quotes")), &mut mistakes);
                        found.extend(mistakes.into_iter().map(|m| m.message));
                    }
                    other => found.push(format!(
                        "{quote}: expected an object {{\"source\", \"text\"}}, found {}",
                        other.found()
                    )),
                }
            }
            found
        }
        (Expect::Quotes, other) => vec![wrong(
            "a list of quotes [{\"source\", \"text\"}, ...]",
            other,
        )],
        (Expect::Attributes, Shallow::Object(entries)) => entries
            .iter()
            .enumerate()
            .filter_map(|(n, (name, v))| {
                if entries[..n].iter().any(|(k, _)| k == name) {
                    return Some(format!(
                        "attribute {} is given twice; keep one",
                        quoted(name)
                    ));
                }
                (!matches!(v, Shallow::Text(_) | Shallow::Number(_))).then(|| {
                    format!(
                        "attribute {}: expected a string or a number, found {}",
                        quoted(name),
                        v.found()
                    )
                })
            })
            .collect(),
        (Expect::Attributes, other) => vec![wrong(
            "an object of strings or numbers {\"name\": \"value\", \"count\": 3, ...}",
            other,
        )],
        (Expect::Names, Shallow::Object(entries)) => entries
            .iter()
            .enumerate()
            .flat_map(|(n, (name, v))| match v {
                _ if entries[..n].iter().any(|(k, _)| k == name) => vec![format!(
                    "{label}, {} is given twice; give its roles once, as a list",
                    quoted(name)
                )],
                Shallow::Text(_) => Vec::new(),
                // Several roles: each one a string, the wrong ones named by place.
                Shallow::List(items) => items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| !matches!(i, Shallow::Text(_)))
                    .map(|(n, i)| {
                        format!(
                            "{label}, {}, item {}: expected a string, found {}",
                            quoted(name),
                            n + 1,
                            i.found()
                        )
                    })
                    .collect(),
                other => vec![format!(
                    "{label}, {}: expected a string or a list of strings, found {}",
                    quoted(name),
                    other.found()
                )],
            })
            .collect(),
        (Expect::Names, other) => vec![wrong(
            "an object of roles by actor id {\"actor\": \"source\", ...}",
            other,
        )],
        (Expect::Degrees(limit), Shallow::Number(text)) => {
            let limit = f64::from(limit);
            match text.parse::<f64>() {
                Ok(value) if (-limit..=limit).contains(&value) => Vec::new(),
                _ => vec![format!(
                    "{label}: {text} is not between -{limit} and {limit}"
                )],
            }
        }
        (Expect::Degrees(_), other) => vec![wrong("a number", other)],
        (Expect::Object(shape), Shallow::Object(entries)) => {
            let mut mistakes = Vec::new();
            check_object(shape, entries, Some((label, label)), &mut mistakes);
            mistakes.into_iter().map(|m| m.message).collect()
        }
        (Expect::Object(shape), other) => {
            let names: Vec<String> = shape.iter().map(|f| format!("\"{}\"", f.name)).collect();
            vec![wrong(&format!("an object {{{}}}", names.join(", ")), other)]
        }
    }
}

/// The field names as serde lists them: `'a'`, `'a' or 'b'`, `one of 'a', 'b', 'c'`.
fn one_of(shape: &[Field]) -> String {
    let names: Vec<String> = shape.iter().map(|f| quoted(f.name)).collect();
    match names.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", names.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::wire::{RawActor, RawEvent, RawQuote, RawSource};

    fn messages(record: &str, shape: &[Field]) -> Vec<String> {
        mistakes(record, shape)
            .unwrap_or_else(|| panic!("{record} reads again"))
            .into_iter()
            .map(|m| m.message)
            .collect()
    }

    /// serde's message for `record`, in the loader's quoting.
    fn serde_says<'a, T: serde::Deserialize<'a>>(record: &'a str) -> String {
        match serde_json::from_str::<T>(record) {
            Ok(_) => String::new(),
            Err(e) => {
                let full = e.to_string().replace('`', "'");
                full[..full.rfind(" at line ").unwrap_or(full.len())].to_string()
            }
        }
    }

    #[test]
    fn the_shapes_are_the_wire_structs() {
        // serde names the fields it knows, in order, when it meets one it does not: the
        // shapes must list the same.
        let unknown = r#"{"zzz": 1}"#;
        assert_eq!(serde_says::<RawEvent>(unknown), messages(unknown, EVENT)[0]);
        assert_eq!(serde_says::<RawActor>(unknown), messages(unknown, ACTOR)[0]);
        assert_eq!(
            serde_says::<RawSource>(unknown),
            messages(unknown, SOURCE)[0]
        );
        assert_eq!(serde_says::<RawQuote>(unknown), messages(unknown, QUOTE)[0]);
        // What the shapes require, serde requires, and what they let be null or absent,
        // serde reads.
        for (shape, name) in [(EVENT, "event"), (ACTOR, "actor"), (SOURCE, "source")] {
            let full: Vec<String> = shape
                .iter()
                .map(|f| {
                    let value = match f.expect {
                        Expect::Text => "\"x\"",
                        Expect::Texts => "[\"x\"]",
                        Expect::Quotes => "[{\"source\": \"s\", \"text\": \"t\"}]",
                        Expect::Attributes => "{\"a\": \"b\", \"n\": 2.50}",
                        Expect::Names => "{\"x\": \"source\"}",
                        Expect::Degrees(_) => "1",
                        Expect::Object(_) if f.name == "coordinates" => {
                            "{\"lat\": 1, \"lon\": -2.5}"
                        }
                        Expect::Object(_) => "{\"country\": \"x\", \"admin1\": null}",
                    };
                    format!("\"{}\": {value}", f.name)
                })
                .collect();
            let reads = |record: &str| match name {
                "event" => serde_says::<RawEvent>(record),
                "actor" => serde_says::<RawActor>(record),
                _ => serde_says::<RawSource>(record),
            };
            assert_eq!(reads(&format!("{{{}}}", full.join(", "))), "", "{name}");
            for (n, field) in shape.iter().enumerate() {
                let mut without = full.clone();
                without.remove(n);
                let record = format!("{{{}}}", without.join(", "));
                assert_eq!(
                    reads(&record).is_empty(),
                    !field.required,
                    "{name} {record}"
                );
                let mut nulled = full.clone();
                nulled[n] = format!("\"{}\": null", field.name);
                let record = format!("{{{}}}", nulled.join(", "));
                assert_eq!(reads(&record).is_empty(), field.nullable, "{name} {record}");
                assert_eq!(
                    messages(&record, shape).is_empty(),
                    field.nullable,
                    "{record}"
                );
            }
        }
    }

    #[test]
    fn names_each_wrong_field_and_every_missing_one() {
        assert_eq!(
            messages(
                r#"{"id": 7, "tags": "coal", "quotes": [{"text": 1}, 2]}"#,
                EVENT
            ),
            [
                "id: expected a string, found a number 7",
                "tags: expected a list of strings, found a string 'coal'",
                "quote 1, text: expected a string, found a number 1",
                "quote 1: missing field 'source'",
                "quote 2: expected an object {\"source\", \"text\"}, found a number 2",
                "missing fields 'date' and 'title'",
            ]
        );
        assert_eq!(
            messages(r#"{"id": "a", "id": "b", "name": "A"}"#, ACTOR),
            ["duplicate field 'id'"]
        );
    }

    #[test]
    fn deep_values_are_named_without_being_read() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let record = format!(
            r#"{{"id": "a", "date": "2021", "title": "t", "attributes": {{"a": {deep}}}}}"#
        );
        assert_eq!(
            messages(&record, EVENT),
            ["attribute 'a': expected a string or a number, found a list"]
        );
    }
}
