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
    /// Where the act happened, as the text writes the place ("Long Beach, California").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
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

/// Words between a doer and its verb in a title: auxiliaries, negation and the adverbs the
/// drafter keeps ("Putin will not accept", "GM has already received").
const BETWEEN: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
    "had", "is", "are", "was", "were", "be", "been", "being", "does", "do", "did", "not", "never",
    "also", "still", "already", "now", "then", "again", "just",
];

/// The `who-what` an id starts with, read back from a title as the drafter writes one, so that
/// an edited title gives the id a drafted one would get (`Senate rejects the bailout` →
/// `senate-reject`). A title that opens on one of the event's actors (`names`: each actor's
/// name and aliases; one word of a name will do, as a title writes a surname) has it as `who`
/// and its verb next, past any auxiliary; a title that does not has no doer, as one in the
/// sentence's own words, and its verb is the first the verb table knows. `what` is that
/// verb's base form, or `kind` when the table does not know it, as when the drafter found no
/// verb.
pub fn stem_from_title(title: &str, kind: &str, names: &[&str]) -> String {
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())).to_lowercase())
        .collect();
    let names: Vec<String> = names.iter().map(|n| fold(n).to_lowercase()).collect();
    let names_it = |phrase: &str| {
        names.iter().any(|name| {
            name == phrase || !phrase.contains(' ') && name.split_whitespace().any(|w| w == phrase)
        })
    };
    let start = usize::from(words.first().is_some_and(|w| w == "the"));
    let who = (start + 1..=words.len())
        .rev()
        .find(|&end| names_it(&words[start..end].join(" ")))
        .map(|end| (words[start..end].join(" "), end));
    let verbs = super::verbs::verbs();
    let verb = |w: &String| match verbs.lookup(w) {
        Some((verb, form)) if form != super::verbs::Form::Ing && !BETWEEN.contains(&w.as_str()) => {
            Some(verb.base.clone())
        }
        _ => None,
    };
    let (who, what) = match who {
        Some((who, end)) => {
            let next = words[end..].iter().find(|w| !BETWEEN.contains(&w.as_str()));
            (who, next.and_then(verb))
        }
        None => (String::new(), words.iter().find_map(verb)),
    };
    slug(&[&who, what.as_deref().unwrap_or(kind)])
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

    #[test]
    fn a_title_gives_the_stem_a_drafted_id_starts_with() {
        let names = [
            "Vladimir Putin",
            "United States Senate",
            "GM",
            "General Motors",
        ];
        let cases = [
            ("Putin tells Johnson of the plan", "statement", "putin-tell"),
            ("Senate rejects auto bailout", "rejection", "senate-reject"),
            (
                "The Senate has not rejected it",
                "rejection",
                "senate-reject",
            ),
            ("GM will not accept the deal", "agreement", "gm-accept"),
            // Not a name of the event's actors: no doer, as the drafter does.
            ("Workers reject the deal", "rejection", "reject"),
            // The word after the doer is its verb, even one the table does not know.
            (
                "Putin begs Johnson for talks",
                "statement",
                "putin-statement",
            ),
            ("General Motors will cut jobs", "cut", "general-motors-cut"),
            (
                "A bailout deal for the automakers was rejected",
                "rejection",
                "reject",
            ),
            // No verb the table knows: the type stands for it.
            ("A new round in the Senate", "negotiation", "negotiation"),
        ];
        for (title, kind, want) in cases {
            assert_eq!(stem_from_title(title, kind, &names), want, "{title}");
        }
    }
}
