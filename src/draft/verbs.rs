//! The verbs that report an act, read from `verbs.tsv`: each with the event type it gives and
//! all its written forms (`deny`, `denies`, `denied`, `denying`), so a word in a sentence can be
//! looked up as it stands.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("verbs.tsv");

/// How a verb is written in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base,
    ThirdPerson,
    Past,
    Participle,
    Ing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    pub base: String,
    /// The event type a sentence with this verb as its act gets, e.g. `denial`.
    pub kind: String,
    pub third_person: String,
    pub past: String,
    pub participle: String,
    pub ing: String,
}

pub struct Verbs {
    verbs: Vec<Verb>,
    /// Every written form, lower case, to its verb and form. A form shared by two verbs or two
    /// forms (`read`, `cut`) keeps the first, which is as good as any for finding an act.
    forms: HashMap<String, (usize, Form)>,
}

/// The verb table, read once.
pub fn verbs() -> &'static Verbs {
    static VERBS: OnceLock<Verbs> = OnceLock::new();
    VERBS.get_or_init(|| Verbs::parse(TABLE))
}

impl Verbs {
    fn parse(table: &str) -> Verbs {
        let mut verbs = Vec::new();
        let mut forms = HashMap::new();
        for line in table
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut columns = line.split('\t');
            let (Some(base), Some(kind)) = (columns.next(), columns.next()) else {
                continue;
            };
            let past = columns
                .next()
                .map_or_else(|| regular_past(base), str::to_string);
            let participle = columns.next().map_or_else(|| past.clone(), str::to_string);
            let verb = Verb {
                base: base.to_string(),
                kind: kind.to_string(),
                third_person: third_person(base),
                ing: ing(base, &past),
                past,
                participle,
            };
            let index = verbs.len();
            for (written, form) in [
                (&verb.base, Form::Base),
                (&verb.third_person, Form::ThirdPerson),
                (&verb.past, Form::Past),
                (&verb.participle, Form::Participle),
                (&verb.ing, Form::Ing),
            ] {
                forms.entry(written.clone()).or_insert((index, form));
            }
            verbs.push(verb);
        }
        Verbs { verbs, forms }
    }

    /// The verb `word` is a form of, ignoring case.
    pub fn lookup(&self, word: &str) -> Option<(&Verb, Form)> {
        let (index, form) = self.forms.get(&word.to_lowercase())?;
        Some((&self.verbs[*index], *form))
    }
}

fn is_vowel(c: char) -> bool {
    "aeiou".contains(c)
}

/// `deny` → `denies`, `push` → `pushes`, `say` → `says`.
fn third_person(base: &str) -> String {
    if let Some(stem) = consonant_y(base) {
        return format!("{stem}ies");
    }
    if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        return format!("{base}es");
    }
    format!("{base}s")
}

/// `deny` → `denied`, `provide` → `provided`, `warn` → `warned`.
fn regular_past(base: &str) -> String {
    if let Some(stem) = consonant_y(base) {
        return format!("{stem}ied");
    }
    if base.ends_with('e') {
        return format!("{base}d");
    }
    format!("{base}ed")
}

/// `plan` (past `planned`) → `planning`, `provide` → `providing`, `deny` → `denying`.
fn ing(base: &str, past: &str) -> String {
    let doubled = past
        .strip_suffix("ed")
        .filter(|stem| stem.len() == base.len() + 1 && stem.starts_with(base));
    if let Some(stem) = doubled {
        return format!("{stem}ing");
    }
    match base.strip_suffix('e') {
        Some(stem) if !stem.ends_with('e') && !base.ends_with("ie") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    }
}

/// The stem of a word ending in a consonant and `y` (`den` for `deny`).
fn consonant_y(base: &str) -> Option<&str> {
    let stem = base.strip_suffix('y')?;
    stem.chars()
        .next_back()
        .filter(|c| !is_vowel(*c))
        .map(|_| stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_follow_the_spelling_rules_and_the_table_for_irregular_verbs() {
        let verbs = verbs();
        let forms = |base: &str| {
            let (verb, form) = verbs.lookup(base).unwrap();
            assert_eq!(form, Form::Base);
            [
                verb.third_person.clone(),
                verb.past.clone(),
                verb.participle.clone(),
                verb.ing.clone(),
            ]
        };
        assert_eq!(forms("deny"), ["denies", "denied", "denied", "denying"]);
        assert_eq!(
            forms("provide"),
            ["provides", "provided", "provided", "providing"]
        );
        assert_eq!(forms("plan"), ["plans", "planned", "planned", "planning"]);
        assert_eq!(
            forms("express"),
            ["expresses", "expressed", "expressed", "expressing"]
        );
        assert_eq!(forms("say"), ["says", "said", "said", "saying"]);
        assert_eq!(forms("agree"), ["agrees", "agreed", "agreed", "agreeing"]);
        assert_eq!(forms("tell"), ["tells", "told", "told", "telling"]);
    }

    /// The acts of disaster and market stories (trial 14: N5): a crash, a fall or rise of an
    /// index, a recommendation, with their irregular forms.
    #[test]
    fn the_acts_of_disaster_and_market_stories_are_verbs() {
        let verbs = verbs();
        for (written, base, kind) in [
            ("crashed", "crash", "crash"),
            ("fell", "fall", "decrease"),
            ("fallen", "fall", "decrease"),
            ("dropped", "drop", "decrease"),
            ("plunged", "plunge", "decrease"),
            ("rose", "rise", "increase"),
            ("risen", "rise", "increase"),
            ("gained", "gain", "increase"),
            ("recommended", "recommend", "recommendation"),
            ("recovered", "recover", "recovery"),
        ] {
            let (verb, _) = verbs.lookup(written).unwrap();
            assert_eq!(
                (verb.base.as_str(), verb.kind.as_str()),
                (base, kind),
                "{written}"
            );
        }
    }

    #[test]
    fn written_forms_are_looked_up_ignoring_case_with_their_type() {
        let verbs = verbs();
        let (verb, form) = verbs.lookup("Denied").unwrap();
        assert_eq!(
            (verb.base.as_str(), verb.kind.as_str(), form),
            ("deny", "denial", Form::Past)
        );
        let (verb, form) = verbs.lookup("imposes").unwrap();
        assert_eq!((verb.kind.as_str(), form), ("sanctions", Form::ThirdPerson));
        assert_eq!(verbs.lookup("troops"), None);
        assert_eq!(
            verbs.lookup("planning").map(|(v, f)| (v.base.as_str(), f)),
            Some(("plan", Form::Ing))
        );
    }
}
