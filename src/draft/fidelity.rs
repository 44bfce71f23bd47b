//! What a drafted title must keep of its sentence so that it never says the opposite: a
//! negation ("no", "not", "n't", "never", "cannot") or a modal or condition ("must", "could",
//! "if", "unless") that governs the act. A title written "subject verb rest" keeps the verb
//! group as the text writes it when the group holds one; when one stands where the title
//! cannot keep it (before the subject, between a subject and its verb), the title is the
//! sentence's own words instead.

use std::ops::Range;

use super::words::Word;

/// Words that deny what they govern.
const NEGATIONS: &[&str] = &[
    "no", "not", "never", "cannot", "neither", "nor", "without", "none", "nobody", "nothing",
    "nowhere",
];

/// Modal verbs: the act is obliged, possible or wished, not done.
const MODALS: &[&str] = &[
    "must", "may", "might", "could", "should", "would", "can", "cannot", "shall", "will", "ought",
    "need",
];

/// Words that make the act a condition or a question.
const CONDITIONS: &[&str] = &["if", "unless", "whether", "lest", "provided"];

/// Words that open a clause: a clause's subject is found after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "if", "unless", "whether", "because", "although", "though",
    "when", "while", "where", "as", "since", "after", "before", "until", "lest",
];

/// Auxiliaries a verb group may open with, the stems of their contracted negative forms
/// ("didn" of "didn't", "won" of "won't", "ca" of "can't") included.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
    "did", "will", "would", "could", "may", "might", "can", "cannot", "shall", "should", "must",
    "ought", "to", "didn", "doesn", "don", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn",
    "won", "wouldn", "couldn", "shouldn", "mustn", "ca",
];

/// How a title may state the act of the verb at a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Nothing but the verb governs the act: the title may put it in the present.
    Verb,
    /// The verb group holds a negation or a modal: the title writes the group as the text
    /// does, from this word to the verb.
    Group(usize),
    /// A negation or condition stands where a "subject verb" title would drop it: the title
    /// is the sentence's own words.
    Sentence,
}

/// Whether `word` denies: one of `NEGATIONS`, or the "t" of a contracted "n't".
pub fn is_negation(text: &str, word: &Word) -> bool {
    word.is(NEGATIONS)
        || (word.text.eq_ignore_ascii_case("t")
            && ["n'", "n’", "N'", "N’"]
                .iter()
                .any(|n| text[..word.span.start].ends_with(n)))
}

fn governs(text: &str, word: &Word) -> bool {
    !word.quoted && (is_negation(text, word) || word.is(MODALS) || word.is(CONDITIONS))
}

/// Whether `word` can stand in a verb group before its verb: an auxiliary, a modal, a
/// negation.
pub fn is_auxiliary(text: &str, word: &Word) -> bool {
    word.is(AUXILIARIES) || is_negation(text, word) && !word.is(&["no", "without", "nor"])
}

/// The first word of the verb group ending at word `verb`: its auxiliaries, negations and
/// adverbs ("has not yet", "can not", "didn't", "must also").
pub fn group_start(
    text: &str,
    words: &[Word],
    verb: usize,
    adverb: impl Fn(&Word) -> bool,
) -> usize {
    let mut k = verb;
    while k > 0
        && !words[k].after_break
        && (is_auxiliary(text, &words[k - 1]) || adverb(&words[k - 1]))
    {
        k -= 1;
    }
    // A group opens on an auxiliary, not on an adverb or "to" left at its front.
    while k < verb && (adverb(&words[k]) || words[k].is(&["to"])) && !is_negation(text, &words[k]) {
        k += 1;
    }
    k
}

/// How a title may state the act of the verb at word `verb`, whose subject is the mention
/// `subject` (a span of the text, before the verb, or `None` when the subject is found after
/// the verb or is a pronoun), when the title would write the text from word `written_from`
/// to the verb as it stands (a future or passive group) or, when `None`, the verb alone.
pub fn keep(
    text: &str,
    words: &[Word],
    subject: Option<&Range<usize>>,
    verb: usize,
    written_from: Option<usize>,
    adverb: impl Fn(&Word) -> bool,
) -> Keep {
    let start = group_start(text, words, verb, adverb);
    let from = written_from.map_or(start, |w| w.min(start));
    let subject = subject.filter(|s| s.end <= words[from].span.start);
    // Where the subject starts (the word of the mention), else the verb group.
    let subject_word = subject
        .and_then(|s| words.iter().position(|w| w.span.start >= s.start))
        .unwrap_or(from);
    // Between the subject and its verb group: a word that governs the act is dropped by
    // "subject verb"; so is an auxiliary, which says the verb found is not the subject's own
    // ("the government has continued to hold all markets closed"). Past a comma is an aside.
    let between = subject.map_or(&words[0..0], |s| {
        let first = words
            .iter()
            .position(|w| w.span.start >= s.end)
            .unwrap_or(from)
            .min(from);
        &words[first..from]
    });
    for word in between {
        if word.after_break {
            break;
        }
        if governs(text, word) || (word.is(AUXILIARIES) && !word.quoted) {
            return Keep::Sentence;
        }
    }
    // Before the subject, back to where its clause opens: "no Indonesian officers", "if GM".
    let mut k = subject_word;
    while k > 0 && !words[k].after_break {
        k -= 1;
        if words[k].is(CLAUSE_OPENERS) {
            break;
        }
    }
    let opening = &words[k..subject_word];
    if opening
        .iter()
        .any(|w| !w.quoted && (is_negation(text, w) || w.is(CONDITIONS)))
    {
        return Keep::Sentence;
    }
    if words[from..verb].iter().any(|w| governs(text, w)) {
        return Keep::Group(from);
    }
    Keep::Verb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::words::words;

    /// `keep` for the verb `verb` of `text`, with the subject the words `subject`.
    fn keep_of(text: &str, subject: Option<&str>, verb: &str) -> (Keep, String) {
        let words = words(text, 0..text.len());
        let at = words.iter().position(|w| w.text == verb).unwrap();
        let span = subject.map(|s| {
            let start = text.find(s).unwrap();
            start..start + s.len()
        });
        let adverb = |w: &Word| w.is(&["also", "inevitably", "not", "never", "yet"]);
        let kept = keep(text, &words, span.as_ref(), at, None, adverb);
        let shown = match kept {
            Keep::Group(from) => text[words[from].span.start..words[at].span.end].to_string(),
            _ => String::new(),
        };
        (kept, shown)
    }

    #[test]
    fn a_negated_or_modal_verb_group_is_written_as_the_text_writes_it() {
        for (text, subject, verb, group) in [
            ("GM must reduce its costs.", "GM", "reduce", "must reduce"),
            (
                "Putin has not denied it.",
                "Putin",
                "denied",
                "has not denied",
            ),
            (
                "Putin hasn't denied it.",
                "Putin",
                "denied",
                "hasn't denied",
            ),
            ("Putin didn’t deny it.", "Putin", "deny", "didn’t deny"),
            (
                "Boeing cannot deliver the jets.",
                "Boeing",
                "deliver",
                "cannot deliver",
            ),
            (
                "Boeing can not deliver the jets.",
                "Boeing",
                "deliver",
                "can not deliver",
            ),
            (
                "Russia should never invade.",
                "Russia",
                "invade",
                "should never invade",
            ),
            ("Russia might attack.", "Russia", "attack", "might attack"),
        ] {
            let (kept, shown) = keep_of(text, Some(subject), verb);
            assert!(matches!(kept, Keep::Group(_)), "{text}: {kept:?}");
            assert_eq!(shown, group, "{text}");
        }
    }

    #[test]
    fn a_negation_or_condition_before_the_subject_keeps_the_sentence() {
        for (text, subject, verb) in [
            (
                "He confirmed that no Indonesian officers will be sent.",
                "Indonesian",
                "sent",
            ),
            (
                "It will seek bankruptcy if GM can not negotiate with unions.",
                "GM",
                "negotiate",
            ),
            (
                "Unless Chrysler finds a partner, it will fold.",
                "Chrysler",
                "finds",
            ),
            (
                "Neither Boeing nor Airbus delivered a jet.",
                "Airbus",
                "delivered",
            ),
            ("They asked whether Russia invaded.", "Russia", "invaded"),
        ] {
            assert_eq!(
                keep_of(text, Some(subject), verb).0,
                Keep::Sentence,
                "{text}"
            );
        }
    }

    #[test]
    fn a_verb_not_the_subjects_own_keeps_the_sentence() {
        // "closed" qualifies the markets; the government's verb is "has continued".
        let text = "The Russian government has continued to hold all markets closed until Friday.";
        assert_eq!(keep_of(text, Some("Russian"), "closed").0, Keep::Sentence);
        let text = "Boeing would not, it said, sign.";
        assert_eq!(keep_of(text, Some("Boeing"), "sign").0, Keep::Sentence);
    }

    #[test]
    fn a_plain_verb_or_a_condition_elsewhere_leaves_the_verb_free() {
        assert_eq!(
            keep_of("Putin denied it.", Some("Putin"), "denied").0,
            Keep::Verb
        );
        assert_eq!(
            keep_of(
                "Putin has also denied the reports.",
                Some("Putin"),
                "denied"
            )
            .0,
            Keep::Verb
        );
        // A condition in another clause, before a comma, does not govern this act.
        assert_eq!(
            keep_of("If it rains, Putin will say no.", Some("Putin"), "say"),
            (Keep::Group(4), "will say".to_string())
        );
        // An aside between the subject and its verb does not count.
        assert_eq!(
            keep_of(
                "Airbus, which has no rival, delivered a jet.",
                Some("Airbus"),
                "delivered"
            )
            .0,
            Keep::Verb
        );
    }
}
