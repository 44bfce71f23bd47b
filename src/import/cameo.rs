//! The CAMEO event codes GDELT uses, with their names: "043" → "Make pessimistic comment".
//!
//! The table is GDELT's own lookup file (`CAMEO.eventcodes.txt`), embedded at build time. Root
//! codes (two digits) are written in capitals there; they are shown in sentence case here.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("cameo_eventcodes.tsv");

/// GDELT's QuadClass: the four broad kinds of event.
pub fn quad_class_name(code: &str) -> Option<&'static str> {
    match code {
        "1" => Some("Verbal cooperation"),
        "2" => Some("Material cooperation"),
        "3" => Some("Verbal conflict"),
        "4" => Some("Material conflict"),
        _ => None,
    }
}

/// The name of a CAMEO event code, e.g. `event_name("043") == Some("Make pessimistic comment")`.
pub fn event_name(code: &str) -> Option<&'static str> {
    table().get(code).map(String::as_str)
}

fn table() -> &'static HashMap<&'static str, String> {
    static NAMES: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        TABLE
            .lines()
            .skip(1) // the header: CAMEOEVENTCODE, EVENTDESCRIPTION
            .filter_map(|line| line.split_once('\t'))
            .map(|(code, name)| (code.trim(), sentence_case(name.trim())))
            .collect()
    })
}

/// "MAKE PUBLIC STATEMENT" → "Make public statement"; names already in mixed case are kept.
fn sentence_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let lower = name.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_roots() {
        assert_eq!(event_name("043"), Some("Host a visit"));
        assert_eq!(event_name("012"), Some("Make pessimistic comment"));
        assert_eq!(event_name("01"), Some("Make public statement"));
        assert_eq!(event_name("20"), Some("Use unconventional mass violence"));
        assert_eq!(event_name("999"), None);
        assert_eq!(quad_class_name("4"), Some("Material conflict"));
        assert!(table().len() > 300);
    }
}
