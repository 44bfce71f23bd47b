//! Drafted events as records: readable, unique ids, the JSON line (an events.jsonl record plus
//! the sentence number and the actors to add), and a line of text for people.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::fold::fold;

/// A drafted event, ready to be written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub id: String,
    pub date: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub actors: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub quotes: Vec<DraftQuote>,
    /// Where the date came from (`date_from`), for the reviewer.
    pub attributes: BTreeMap<String, String>,
    /// The 1-based number of the sentence drafted from.
    pub sentence: usize,
    /// Actors the event names that the dataset does not have yet.
    pub new_actors: Vec<NewActor>,
    /// The dataset's events that already quote the sentence: the candidate may be one of
    /// them, not a new event.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited_by: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DraftQuote {
    pub source: String,
    pub text: String,
}

/// An actor to add to actors.json, in its record shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewActor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A readable id made of `parts` (`putin-tell-2021-12-13`): lower case, accents dropped,
/// anything but letters and digits turned into single hyphens.
pub fn slug(parts: &[&str]) -> String {
    let mut out = String::new();
    for c in fold(&parts.join(" ")).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "event".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `wanted`, or `wanted-2`, `wanted-3`… whichever is not taken yet; it is then taken.
pub fn unique(wanted: String, taken: &mut HashSet<String>) -> String {
    let mut id = wanted.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(
            slug(&["Putin", "tell", "2021-12-13"]),
            "putin-tell-2021-12-13"
        );
        assert_eq!(
            slug(&["Sébastien Lecornu", "say", "by 2021/2021-12-13?"]),
            "sebastien-lecornu-say-by-2021-2021-12-13"
        );
        assert_eq!(slug(&["U.K.", "", "—"]), "u-k");
        assert_eq!(slug(&["?!"]), "event");
    }

    #[test]
    fn ids_are_made_unique_against_those_taken() {
        let mut taken: HashSet<String> = ["a".to_string(), "a-2".to_string()].into();
        assert_eq!(unique("a".into(), &mut taken), "a-3");
        assert_eq!(unique("b".into(), &mut taken), "b");
        assert_eq!(unique("b".into(), &mut taken), "b-2");
    }
}
