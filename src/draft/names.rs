//! Whether a name found in a text stands there as the name of its actor: not as part of a
//! longer name ("Air Force" inside "Royal Air Force"), not as a common word written in other
//! capitals ("us" is not "US"), and not as a currency's prefix ("US$19.7 billion").

use std::ops::Range;

use super::fold::fold;
use super::proposals::{is_country_form, is_not_a_name, is_organisation_word, is_title_word};

/// Whether the name `name` (as an actor's name or, when `alias`, another name of it is
/// written), found at `span` of `text`, is a mention of that actor. An actor's own name may
/// start a longer one ("China Daily"): what that makes of the actor is the drafter's to say.
pub fn is_mention(text: &str, span: &Range<usize>, name: &str, alias: bool) -> bool {
    let other_capitals = acronym(name) && !same_capitals(&text[span.clone()]);
    // "its partners" is no mention of "BGC Partners" known as "Partners", nor "the press" of
    // Jim Press: a name the text writes all in lower case is a common word there ("the West"
    // still names "The West").
    let lower_case =
        name.chars().any(char::is_uppercase) && !text[span.clone()].chars().any(char::is_uppercase);
    let longer = alias && in_longer_name(text, span);
    !other_capitals
        && !lower_case
        && !longer
        && !ends_longer_name(text, span)
        && !is_currency(text, span)
        && !office_domain(text, span)
}

/// Whether the words at `span` are the domain of an office that titles a name after it: a
/// country right before the name ("United States" of "President of the United States Barack
/// Obama"), or a body whose office goes on ("Air Force" of "Secretary of the Air Force for
/// Acquisition Marvin Sambur"). The domain says whose office it is; the person acts, not the
/// country. Without a name after it ("the President of France said") the country is named
/// as usual; a body's own name may run on ("CEO of Boeing Commercial Airplanes said").
pub fn office_domain(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" The"))
        .unwrap_or(before);
    let Some(before) = before.strip_suffix(" of") else {
        return false;
    };
    let title = before.rsplit(' ').next().unwrap_or("");
    let titled = title.starts_with(char::is_uppercase) && is_title_word(&title.to_lowercase());
    let Some(after) = text[span.end..].strip_prefix(' ') else {
        return false;
    };
    let name_word = |word: &str| {
        let lower = word.to_lowercase();
        word.chars().count() > 1
            && word.starts_with(char::is_uppercase)
            && !is_not_a_name(&lower)
            && !is_title_word(&lower)
            && !is_organisation_word(&lower)
    };
    let mut next = after.split(|c: char| !c.is_alphabetic());
    let first = next.next().unwrap_or("");
    let country = is_country_form(&fold(&text[span.clone()])) && name_word(first);
    let goes_on = ["for", "of"].contains(&first) && next.next().is_some_and(name_word);
    titled && (country || goes_on)
}

/// Whether `name` is written in capitals as an acronym: "US", "EU", "U.S.", "NATO".
fn acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn same_capitals(found: &str) -> bool {
    found
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Whether the word at `span` prefixes an amount of money: "US$19.7", "CA$1", "US $2.63",
/// "HK$ 5". Such a prefix is a country's code in capitals; a word of a name before an amount
/// ("the U.S. Air Force $40 billion tanker contract") is no prefix.
pub fn is_currency(text: &str, span: &Range<usize>) -> bool {
    if !currency_code(&text[span.clone()]) {
        return false;
    }
    let after = text[span.end..].trim_start_matches(' ');
    let Some(amount) = after.strip_prefix('$') else {
        return false;
    };
    // "US $ …" with a space before the sign is rare; the sign must be close to the word.
    text[span.end..].len() - after.len() <= 1
        && amount
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `word` can be a currency's country code: one to three capital letters, perhaps
/// with dots ("US", "A", "HK", "U.S.").
fn currency_code(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.');
    (1..=3).contains(&letters.clone().count()) && letters.into_iter().all(|c| c.is_uppercase())
}

/// Whether the words at `span` are part of a longer capitalised name: a capitalised word of
/// a name stands right before or after them, with nothing but spaces between. A title
/// ("President Putin", "British Prime Minister") or a word capitalised only because it
/// opens a sentence ("The Air Force") joins no name; nor does a word after a final dot,
/// which may start the next sentence.
fn in_longer_name(text: &str, span: &Range<usize>) -> bool {
    let name_word = |word: &str| {
        let lower = word.to_lowercase();
        word.chars().count() > 1
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !is_not_a_name(&lower)
            && !is_title_word(&lower)
    };
    let before = &text[..span.start];
    let trimmed = before.trim_end_matches(' ');
    let word_before = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| trimmed.len() < before.len() && !w.is_empty());
    let after = &text[span.end..];
    let rest = after.trim_start_matches(' ');
    let word_after = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| {
            rest.len() < after.len() && !w.is_empty() && !text[span.clone()].ends_with('.')
        });
    word_before.is_some_and(name_word) || word_after.is_some_and(name_word)
}

/// Whether the words at `span` end a longer name of the form "Body of Name": "Bank of
/// America", "University of Texas", "Court of Justice of the European Union". The name there
/// is part of the name of another body, whether or not it starts a sentence. Only a word that
/// names a kind of body makes such a name: "David Buik of BGC Partners" names a person and
/// his firm, "President of France" an office, "Republic of Ireland" the country itself.
/// The body's word opens the name: after a name of its own ("Deutsche Bank of Germany"), "of"
/// says where that body is from, and the country is named in its own right.
pub fn ends_longer_name(text: &str, span: &Range<usize>) -> bool {
    let mut before = text[..span.start].rsplit(' ');
    let (Some(""), Some("of"), Some(head)) = (before.next(), before.next(), before.next()) else {
        return false;
    };
    let after_a_name = before
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with(['.', ':', ';']));
    head.starts_with(char::is_uppercase)
        && is_organisation_word(&head.to_lowercase())
        && !after_a_name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, found: &str, name: &str) -> bool {
        let start = text.find(found).unwrap();
        is_mention(text, &(start..start + found.len()), name, true)
    }

    #[test]
    fn a_capitalised_name_written_in_lower_case_is_a_common_word() {
        // Found by a new user's trial: "Partners" of "BGC Partners" matched "its partners".
        assert!(!mention(
            "The firm and its partners said",
            "partners",
            "Partners"
        ));
        assert!(!mention("told the press on Monday", "press", "Press"));
        assert!(mention("Later, Press said", "Press", "Press"));
        assert!(mention("the US said", "US", "US"));
        assert!(mention("talks with the West", "the West", "The West"));
        // A name the dataset writes in lower case is matched as written.
        assert!(mention("bought on eBay today", "eBay", "eBay"));
    }

    #[test]
    fn a_name_inside_a_longer_capitalised_name_is_not_a_mention() {
        assert!(!mention(
            "the UK's Royal Air Force will fly",
            "Air Force",
            "Air Force"
        ));
        assert!(!mention("the Air Force Academy", "Air Force", "Air Force"));
        assert!(!mention("said Airbus Industrie today", "Airbus", "Airbus"));
        assert!(mention("the Air Force said", "Air Force", "Air Force"));
        assert!(mention("The Air Force said", "Air Force", "Air Force"));
        assert!(mention(
            "Air Force, Navy and Army",
            "Air Force",
            "Air Force"
        ));
        // A title before a name, and one after a country, join no name.
        assert!(mention("President Putin said", "Putin", "Putin"));
        assert!(mention(
            "British Prime Minister Johnson",
            "British",
            "British"
        ));
        // A final dot may end the sentence: "…in the U.S. Deutsche Bank lost".
        assert!(mention("in the U.S. Deutsche Bank lost", "U.S.", "U.S."));
        // Another line is not the same name.
        assert!(mention("Boeing\nMarkets fell", "Boeing", "Boeing"));
    }

    #[test]
    fn a_name_after_a_body_word_and_of_is_not_a_mention() {
        // "America" is an alias of the United States, "England" a country's own name.
        assert!(!mention(
            "Bank of America shares rose",
            "America",
            "America"
        ));
        assert!(!mention("said the Bank of England", "England", "England"));
        let own = "the University of Texas said";
        let start = own.find("Texas").unwrap();
        assert!(!is_mention(own, &(start..start + 5), "Texas", false));
        // Only a word naming a kind of body makes a longer name.
        assert!(mention("the President of France said", "France", "France"));
        assert!(mention("the Republic of Ireland", "Ireland", "Ireland"));
        assert!(mention("Most of America voted", "America", "America"));
        assert!(mention(
            "David Buik of BGC Partners",
            "BGC Partners",
            "BGC Partners"
        ));
        assert!(mention("a bank of America", "America", "America"));
        // After a name of its own the body's word opens no longer name; a sentence's end
        // before it is no name.
        assert!(mention(
            "Deutsche Bank of Germany lost",
            "Germany",
            "Germany"
        ));
        assert!(!mention(
            "said Smith. Bank of America rose",
            "America",
            "America"
        ));
    }

    #[test]
    fn an_acronym_matches_only_the_same_capitals() {
        assert!(!mention("Everyone told us we were crazy", "us", "US"));
        assert!(!mention("Us too", "Us", "US"));
        assert!(mention("the US said", "US", "US"));
        assert!(mention("talks with the West", "the West", "The West"));
        assert!(!mention("the u.s. said", "u.s.", "U.S."));
        assert!(mention("the U.S. said", "U.S.", "U.S."));
        // A name not written in capitals matches any case.
        assert!(mention("RUSSIA said", "RUSSIA", "Russia"));
    }

    #[test]
    fn a_currency_prefix_is_not_a_mention() {
        for (text, prefix) in [
            ("rubles (US$19.7 billion)", "US"),
            ("receive CA$1 billion", "CA"),
            ("a loan of US $2.63 billion", "US"),
            ("worth A$ 5 million", "A"),
        ] {
            assert!(!mention(text, prefix, prefix), "{text}");
        }
        assert!(mention("the US $ sign", "US", "US"));
        // A word of a name before an amount is no country's code.
        let text = "the U.S. Air Force $40 billion deal";
        let at = text.find("Force").unwrap();
        assert!(!is_currency(text, &(at..at + 5)));
        assert!(mention("US jets", "US", "US"));
    }

    #[test]
    fn an_actors_own_name_may_start_a_longer_one() {
        let text = "China Daily reported it";
        assert!(is_mention(text, &(0..5), "China", false));
        assert!(!is_mention(text, &(0..5), "China", true));
    }
}
