//! Names in a sentence that take no part in its act: the place where it happened ("in
//! ceremonies in Long Beach, California", "sales in the US") and a nationality describing
//! someone else ("the Italian company", "German magazine Der Spiegel", "U.S. car maker").
//! A country that itself acts ("Italy signed", "the United States will lend") is neither.

use std::ops::Range;

use super::candidates::{is_adverb, is_time_word};
use super::countries::is_adjective;
use super::verbs::{verbs, Form};
use super::words::Word;
use crate::model::ActorKind;

/// What a mention is in its sentence, when it is not one who acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bystander {
    /// A nationality or a country's name before a noun it describes.
    Describer,
    /// Where something happened; the range is the whole place as written ("Long Beach,
    /// California"), the same for each mention it holds.
    Place(Range<usize>),
}

/// Prepositions after which a place is where something happened.
const LOCATIVE: &[&str] = &["in", "at", "across", "throughout"];

/// Words after a country's name that make it a noun of its own, not a word describing the
/// next: a verb group, a preposition, a conjunction, a relative pronoun.
const AFTER_A_NOUN: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "shall",
    "should",
    "must",
    "does",
    "did",
    "do",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whose",
    "where",
    "when",
    "while",
    "also",
    "not",
    "said",
    "says",
    "due",
    "alone",
    "itself",
    "too",
    "again",
    "now",
    "today",
    "yesterday",
    "instead",
    "together",
    "since",
    "until",
    "after",
    "before",
    "because",
    "if",
    "then",
    "saw",
    "sees",
    "made",
    "took",
    "gave",
    "got",
    "went",
    "came",
    "became",
    "fell",
    "rose",
    "sent",
    "led",
    "lost",
    "won",
    "sold",
    "bought",
    "paid",
    "told",
    "held",
    "left",
    "met",
    "began",
    "grew",
    "kept",
    "spent",
];

/// Words that open a noun phrase: after the word following a country's name, they make that
/// word a verb with its object ("South Korea saw a fall"), not a noun the country describes.
const OPENING_AN_OBJECT: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "this", "these", "those", "our", "some",
];

/// Nouns for the state itself or those acting for it: "the Italian government", "US troops",
/// "the American president" are the country acting.
const STATE_BODIES: &[&str] = &[
    "government",
    "governments",
    "administration",
    "authorities",
    "officials",
    "troops",
    "forces",
    "military",
    "army",
    "navy",
    "president",
    "minister",
    "ministers",
    "prime",
    "vice",
    "foreign",
    "chancellor",
    "premier",
    "ambassador",
    "embassy",
    "envoy",
    "official",
    "officers",
    "authority",
    "authorities",
    "regulator",
    "regulators",
    "commission",
    "agency",
    "ministry",
    "department",
    "court",
    "police",
    "customs",
    "parliament",
    "lawmakers",
    "state",
];

/// For each of `mentions` (a byte range and the actor's kind, in text order, within the
/// sentence whose `words` these are), whether it is a bystander and which.
pub fn bystanders(
    text: &str,
    words: &[Word],
    mentions: &[(Range<usize>, Option<ActorKind>)],
) -> Vec<Option<Bystander>> {
    let mut found: Vec<Option<Bystander>> = mentions
        .iter()
        .map(|(m, kind)| describer(text, words, m, *kind).then_some(Bystander::Describer))
        .collect();
    // "British and American airline Virgin Atlantic", "its US and Canadian production": a
    // country joined to one describing a noun describes it too.
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        let (m, kind) = &mentions[i];
        let between = text.get(m.end..mentions[i + 1].0.start).unwrap_or("");
        let joined = matches!(between.trim(), "and" | "or");
        let country = *kind == Some(ActorKind::State) || is_adjective(&text[m.clone()]);
        if joined && country && found[i + 1] == Some(Bystander::Describer) {
            found[i] = Some(Bystander::Describer);
        }
    }
    for (i, (m, kind)) in mentions.iter().enumerate() {
        // "in the Romanian assembly plant": a nationality is no place.
        if found[i].is_some() || is_adjective(&text[m.clone()]) {
            continue;
        }
        // "in the United Kingdom and Germany": a country joined to a place is one too.
        let listed = i > 0
            && *kind == Some(ActorKind::State)
            && matches!(found[i - 1], Some(Bystander::Place(_)))
            && text
                .get(mentions[i - 1].0.end..m.start)
                .is_some_and(|g| matches!(g.trim(), "and" | "or" | ","));
        if listed {
            found[i] = Some(Bystander::Place(m.clone()));
            continue;
        }
        let Some(first) = governed_place(text, words, m) else {
            continue;
        };
        // "in Long Beach, California,": a place and the larger one it is in, set off by a
        // comma that no list goes on from.
        let second = mentions
            .get(i + 1)
            .filter(|(next, _)| text.get(m.end..next.start).is_some_and(|g| g.trim() == ","))
            .filter(|(next, next_kind)| {
                ends_a_place(text, words, next.end) && placeable(*kind) && placeable(*next_kind)
            });
        match second {
            Some((next, _)) => {
                let whole = first.start..next.end;
                found[i] = Some(Bystander::Place(whole.clone()));
                found[i + 1] = Some(Bystander::Place(whole));
            }
            // "in the US", "in Toulouse, France": a country alone, or after the town in it.
            None if *kind == Some(ActorKind::State) && !possessive(text, words, m) => {
                found[i] = Some(Bystander::Place(first.start..m.end));
            }
            None => {}
        }
    }
    found
}

/// Nouns of an occasion: a place after one is where the occasion, and so the act, was ("in
/// ceremonies in Long Beach").
const OCCASIONS: &[&str] = &[
    "ceremony",
    "ceremonies",
    "meeting",
    "meetings",
    "conference",
    "summit",
    "talks",
    "visit",
    "speech",
    "rally",
    "event",
    "hearing",
    "session",
];

/// Where the act whose verb is word `verb` happened, among the places `found` (by
/// `bystanders`): the first in the main clause (`main` of a word's index) that is either
/// fronted before it ("In China, airliners are selected…") or governed by a preposition right
/// after the verb or after an occasion's noun, with no comma between it and the verb
/// ("delivered the jet in ceremonies in Long Beach, California", "was delivered in
/// Singapore"). A place after another noun is that noun's ("assessments of the situation in
/// Ukraine", "cut jobs in France"), not the act's.
pub fn location(
    words: &[Word],
    found: &[Option<Bystander>],
    verb: Option<usize>,
    main: impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    found.iter().find_map(|b| {
        let Some(Bystander::Place(place)) = b else {
            return None;
        };
        let first = words.iter().position(|w| w.span.start >= place.start)?;
        // The preposition, past "the", and the word it follows.
        let mut p = first.checked_sub(1)?;
        while p > 0 && words[p].is(&["the"]) {
            p -= 1;
        }
        let fronted =
            p == 0 && words[0].is(LOCATIVE) && words[1..=first].iter().all(|w| !w.after_break);
        let after_verb = verb.is_some_and(|v| {
            let head = p.checked_sub(1);
            let attached = head.is_some_and(|h| {
                h == v || (h > v && is_adverb(&words[h])) || words[h].is(OCCASIONS)
            });
            p > v && attached && words[v + 1..=first].iter().all(|w| !w.after_break)
        });
        ((fronted || after_verb) && main(first)).then(|| place.clone())
    })
}

/// Whether a mention of this kind may name a place: not a person's or an organisation's.
fn placeable(kind: Option<ActorKind>) -> bool {
    !matches!(
        kind,
        Some(ActorKind::Person | ActorKind::Organization | ActorKind::Group)
    )
}

/// The word starting at byte `at` or after it.
fn word_from<'w, 'a>(words: &'w [Word<'a>], at: usize) -> Option<(usize, &'w Word<'a>)> {
    words.iter().enumerate().find(|(_, w)| w.span.start >= at)
}

fn possessive(text: &str, words: &[Word], m: &Range<usize>) -> bool {
    ["'s", "’s"].iter().any(|p| text[m.end..].starts_with(p))
        || words.iter().any(|w| w.span.end == m.end && w.possessive)
}

/// Whether mention `m` is a country written before the noun it describes: a nationality
/// ("the Italian company", "German magazine Der Spiegel") or the country's name used so
/// ("U.S. car maker", "US vehicle sales").
fn describer(text: &str, words: &[Word], m: &Range<usize>, kind: Option<ActorKind>) -> bool {
    let written = &text[m.clone()];
    let adjective = is_adjective(written);
    if !adjective && kind != Some(ActorKind::State) {
        return false;
    }
    if possessive(text, words, m) {
        return false;
    }
    let Some((at, next)) = word_from(words, m.end) else {
        return false;
    };
    // "Chinese aviation authorities", "the US securities and exchanges commission": the
    // phrase's noun, a few lower-case words on, is the state's own body.
    let state_body = words[at..]
        .iter()
        .take(4)
        .enumerate()
        .take_while(|(n, w)| *n == 0 || (!w.after_break && !w.is_capitalised()))
        .any(|(_, w)| w.is(STATE_BODIES));
    // Nothing but the abbreviation's dot between the country and the noun.
    if !text[m.end..next.span.start]
        .trim_start_matches('.')
        .chars()
        .all(char::is_whitespace)
        || next.after_break
        || state_body
    {
        return false;
    }
    if adjective {
        return true;
    }
    // A name ("US Treasury") is its own actor's, which the cast finds; a verb or a
    // function word after the name leaves the country a noun ("the US are expected").
    let after = words
        .iter()
        .find(|w| w.span.start >= next.span.end)
        .filter(|w| !w.after_break);
    // "South Korea saw a fall": a word with an object after it is a verb; so is one in -s
    // before a phrase that no verb or function word opens ("Russia wants immediate talks"),
    // where a plural noun goes on to its verb ("US stocks also reacted", "markets opened").
    let lower = next.lower();
    let object_next = after.is_some_and(|w| w.is(OPENING_AN_OBJECT));
    let verb_with_object = lower.ends_with('s')
        && !lower.ends_with("ss")
        && after.is_some_and(|w| {
            !w.is_capitalised() && !w.is(AFTER_A_NOUN) && !finite(w) && !is_adverb(w)
        });
    // "an offensive on Ukraine early next year": a time word or an adverb after a name
    // leaves it a noun.
    !next.is_capitalised()
        && !next.is_numeral()
        && !is_time_word(next)
        && !is_adverb(next)
        && !next.is(&["early", "late", "mid", "this", "every", "each", "soon"])
        && !object_next
        && !verb_with_object
        && !next.is(AFTER_A_NOUN)
        && !finite(next)
        && !verbs()
            .lookup(next.text)
            .is_some_and(|(_, form)| form == Form::Ing)
}

/// Whether `word` is a verb in the past or the third person: one of the table, or a word in
/// "-ed" ("opened", "invaded").
fn finite(word: &Word) -> bool {
    let lower = word.lower();
    verbs()
        .lookup(word.text)
        .is_some_and(|(_, form)| matches!(form, Form::Past | Form::ThirdPerson))
        || (lower.ends_with("ed") && lower.len() > 4)
}

/// The place phrase's start when mention `m` follows a locative preposition ("in
/// ceremonies in Long Beach", "in the US", "in Toulouse, France": the town's words before
/// the country's comma are the place's too): the place as written, without "the".
fn governed_place(text: &str, words: &[Word], m: &Range<usize>) -> Option<Range<usize>> {
    let (k, _) = word_from(words, m.start)?;
    let mut b = k;
    // "in Toulouse, France": capitalised words and one comma back to the preposition.
    if b > 0
        && text
            .get(words[b - 1].span.end..m.start)
            .is_some_and(|g| g.trim() == ",")
    {
        let mut t = b;
        while t > 0 && words[t - 1].is_capitalised() && !words[t - 1].quoted {
            t -= 1;
            if words[t].after_break {
                break;
            }
        }
        if t < b && t > 0 && words[t - 1].is(LOCATIVE) && !words[t].after_break {
            return Some(words[t].span.start..m.end);
        }
    }
    while b > 0 && words[b - 1].is(&["the"]) && !words[b].after_break {
        b -= 1;
    }
    let governs = b > 0 && words[b - 1].is(LOCATIVE) && !words[b].after_break;
    governs.then(|| m.clone())
}

/// Whether a place ending at byte `end` ends there, not a list going on past a comma ("in
/// Fiat, Chrysler, and GM"): the sentence or the clause ends, or a comma with a lower-case
/// word after it that is not "and" or "or".
fn ends_a_place(text: &str, words: &[Word], end: usize) -> bool {
    let after = text[end..].trim_start_matches('.').trim_start();
    if after.is_empty() || after.starts_with([';', ':', ')', '–', '—']) {
        return true;
    }
    if !after.starts_with(',') {
        return false;
    }
    word_from(words, end).is_none_or(|(_, next)| {
        !next.is_capitalised() && !next.is(&["and", "or"]) && !next.is_numeral()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::words::words;

    /// The bystanders of `sentence` among the names given (each its first occurrence).
    fn of(sentence: &str, names: &[(&str, ActorKind)]) -> Vec<(String, Option<Bystander>)> {
        let words = words(sentence, 0..sentence.len());
        let mut mentions: Vec<(Range<usize>, Option<ActorKind>)> = names
            .iter()
            .map(|(name, kind)| {
                let at = sentence.find(name).unwrap();
                (at..at + name.len(), Some(*kind))
            })
            .collect();
        mentions.sort_by_key(|(m, _)| m.start);
        let found = bystanders(sentence, &words, &mentions);
        mentions
            .iter()
            .zip(found)
            .map(|((m, _), b)| (sentence[m.clone()].to_string(), b))
            .collect()
    }

    fn place(sentence: &str, phrase: &str) -> Option<Bystander> {
        let at = sentence.find(phrase).unwrap();
        Some(Bystander::Place(at..at + phrase.len()))
    }

    #[test]
    fn a_place_where_the_act_happened_is_no_actor() {
        let s = "Boeing delivered the final 717 jet built to AirTran Airways in ceremonies in \
                 Long Beach, California, bringing production to an end.";
        assert_eq!(
            of(
                s,
                &[
                    ("Boeing", ActorKind::Organization),
                    ("AirTran Airways", ActorKind::Organization),
                    ("Long Beach", ActorKind::Other),
                    ("California", ActorKind::Other),
                ]
            ),
            [
                ("Boeing".to_string(), None),
                ("AirTran Airways".to_string(), None),
                ("Long Beach".to_string(), place(s, "Long Beach, California")),
                ("California".to_string(), place(s, "Long Beach, California")),
            ]
        );
        let s = "Sales of vehicles in the US fell, and Airbus opened a plant in Toulouse, France.";
        assert_eq!(
            of(
                s,
                &[
                    ("US", ActorKind::State),
                    ("Airbus", ActorKind::Other),
                    ("France", ActorKind::State),
                ]
            ),
            [
                ("US".to_string(), place(s, "US")),
                ("Airbus".to_string(), None),
                ("France".to_string(), place(s, "Toulouse, France")),
            ]
        );
        let s = "Stocks, such as those in the United Kingdom and Germany, lost ground.";
        assert_eq!(
            of(
                s,
                &[
                    ("United Kingdom", ActorKind::State),
                    ("Germany", ActorKind::State),
                ]
            ),
            [
                ("United Kingdom".to_string(), place(s, "United Kingdom")),
                ("Germany".to_string(), place(s, "Germany")),
            ]
        );
        // A list after "in" is no place; nor is an organisation, nor a company in a list.
        let s = "Fiat has stakes in Chrysler, Ferrari and Maserati, and in Airbus.";
        assert_eq!(
            of(
                s,
                &[
                    ("Chrysler", ActorKind::Organization),
                    ("Ferrari", ActorKind::Other),
                    ("Airbus", ActorKind::Other),
                ]
            ),
            [
                ("Chrysler".to_string(), None),
                ("Ferrari".to_string(), None),
                ("Airbus".to_string(), None),
            ]
        );
    }

    /// The location of `sentence` whose verb is `verb`, among the places named.
    fn located(sentence: &str, verb: &str, places: &[(&str, ActorKind)]) -> Option<String> {
        let words = words(sentence, 0..sentence.len());
        let mentions: Vec<(Range<usize>, Option<ActorKind>)> = places
            .iter()
            .map(|(name, kind)| {
                let at = sentence.find(name).unwrap();
                (at..at + name.len(), Some(*kind))
            })
            .collect();
        let found = bystanders(sentence, &words, &mentions);
        let verb = words.iter().position(|w| w.text == verb);
        location(&words, &found, verb, |_| true).map(|p| sentence[p].to_string())
    }

    #[test]
    fn the_location_is_a_place_the_act_or_its_occasion_was_in() {
        let long_beach = [
            ("Long Beach", ActorKind::Other),
            ("California", ActorKind::Other),
        ];
        assert_eq!(
            located(
                "Boeing delivered the jet in ceremonies in Long Beach, California, ending it.",
                "delivered",
                &long_beach
            ),
            Some("Long Beach, California".to_string())
        );
        let uk = [("UK", ActorKind::State)];
        assert_eq!(
            located("In the UK, the FTSE 100 dropped.", "dropped", &uk),
            Some("UK".to_string())
        );
        let singapore = [("Singapore", ActorKind::State)];
        assert_eq!(
            located(
                "The plane was delivered in Singapore.",
                "delivered",
                &singapore
            ),
            Some("Singapore".to_string())
        );
        // A place after another noun is that noun's; one past a comma is another clause's.
        let ukraine = [("Ukraine", ActorKind::State)];
        assert_eq!(
            located(
                "Putin provided assessments of the situation in Ukraine.",
                "provided",
                &ukraine
            ),
            None
        );
        let china = [("China", ActorKind::State)];
        assert_eq!(
            located(
                "He stated the principle, with GM building in China.",
                "stated",
                &china
            ),
            None
        );
    }

    #[test]
    fn a_nationality_describing_someone_else_is_no_actor_and_a_country_acting_is_one() {
        let s = "The deal would give the Italian company a stake, when German magazine Der \
                 Spiegel cited Chrysler, another U.S. car maker, and Italy signed.";
        assert_eq!(
            of(
                s,
                &[
                    ("Italian", ActorKind::State),
                    ("German", ActorKind::State),
                    ("Der Spiegel", ActorKind::Organization),
                    ("U.S", ActorKind::State),
                    ("Italy", ActorKind::State),
                ]
            ),
            [
                ("Italian".to_string(), Some(Bystander::Describer)),
                ("German".to_string(), Some(Bystander::Describer)),
                ("Der Spiegel".to_string(), None),
                ("U.S".to_string(), Some(Bystander::Describer)),
                ("Italy".to_string(), None),
            ]
        );
        let s = "The United States will lend money, and the US Treasury and Russia's army agreed.";
        assert_eq!(
            of(
                s,
                &[
                    ("United States", ActorKind::State),
                    ("US", ActorKind::State),
                    ("Russia", ActorKind::State),
                ]
            ),
            [
                ("United States".to_string(), None),
                ("US".to_string(), None),
                ("Russia".to_string(), None),
            ]
        );
        // A verb after the country's name, or a word no noun phrase goes on with, leaves it a
        // noun; a nationality joined to one describing a noun describes it too, and is no
        // place even after "in".
        let s = "Russia wants immediate talks, US stocks also reacted and U.S. markets opened \
                 lower before an offensive on Ukraine early next year.";
        assert_eq!(
            of(
                s,
                &[
                    ("Russia", ActorKind::State),
                    ("US", ActorKind::State),
                    ("U.S", ActorKind::State),
                    ("Ukraine", ActorKind::State),
                ]
            ),
            [
                ("Russia".to_string(), None),
                ("US".to_string(), Some(Bystander::Describer)),
                ("U.S".to_string(), Some(Bystander::Describer)),
                ("Ukraine".to_string(), None),
            ]
        );
        let s = "South Korea saw a fall, production shifted to the US due to the dollar, and \
                 British and American airline Virgin Atlantic bought a stake in the Romanian \
                 plant.";
        assert_eq!(
            of(
                s,
                &[
                    ("South Korea", ActorKind::State),
                    ("US", ActorKind::State),
                    ("British", ActorKind::State),
                    ("American", ActorKind::State),
                    ("Romanian", ActorKind::State),
                ]
            ),
            [
                ("South Korea".to_string(), None),
                ("US".to_string(), None),
                ("British".to_string(), Some(Bystander::Describer)),
                ("American".to_string(), Some(Bystander::Describer)),
                ("Romanian".to_string(), Some(Bystander::Describer)),
            ]
        );
        // The government, its troops, its officials are the country acting; in quoted words
        // too, "U.S. dealers" are the dealers.
        let s = "Fiat buys the share the US government owns, the Italian government, Chinese \
                 aviation authorities and Australian Prime Minister John Howard said of \"small \
                 U.S. dealers\".";
        assert_eq!(
            of(
                s,
                &[
                    ("US", ActorKind::State),
                    ("Italian", ActorKind::State),
                    ("Chinese", ActorKind::State),
                    ("Australian", ActorKind::State),
                    ("U.S", ActorKind::State),
                ]
            ),
            [
                ("US".to_string(), None),
                ("Italian".to_string(), None),
                ("Chinese".to_string(), None),
                ("Australian".to_string(), None),
                ("U.S".to_string(), Some(Bystander::Describer)),
            ]
        );
    }
}
