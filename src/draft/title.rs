//! A short headline for a drafted event, made from its sentence: who, what, to whom, in at
//! most 80 characters. Deterministic: the same sentence always gives the same title.

use std::ops::Range;

/// The longest title, in characters.
pub const MAX: usize = 80;

/// Words a title does not end on.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "with", "in", "on", "at", "for", "by", "that",
    "from", "as", "its", "their", "his", "her", "any", "is", "are", "was", "were", "be", "if",
    "who", "which", "whose", "where", "near", "over", "into", "than", "but",
];

/// `subject verb rest`, with the first letter capitalised, cut to fit.
pub fn title(subject: Option<&str>, verb: &str, rest: &str) -> String {
    let joined = [subject.unwrap_or(""), verb, rest]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    fit(&capitalise(&joined))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` cut to at most `MAX` characters at a word boundary (at a comma, when one falls in
/// the second half), never ending on a dangling word or punctuation.
pub fn fit(text: &str) -> String {
    let text = text.trim();
    let mut cut = if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let limit = text.char_indices().nth(MAX).map_or(text.len(), |(i, _)| i);
        let kept = &text[..limit];
        // The cut must fall between words: drop the word the limit cut through.
        let kept = if text[limit..].starts_with(' ') {
            kept
        } else {
            kept.rfind(' ').map_or(kept, |space| &kept[..space])
        };
        match kept.rfind(',') {
            Some(comma) if comma > MAX / 2 => kept[..comma].to_string(),
            _ => kept.to_string(),
        }
    };
    loop {
        let trimmed = cut.trim_end_matches([' ', ',', ';', ':', '–', '—', '-', '.']);
        let last = trimmed.rsplit(' ').next().unwrap_or("");
        if trimmed.contains(' ') && DANGLING.contains(&last.to_lowercase().as_str()) {
            cut = trimmed[..trimmed.len() - last.len()].to_string();
        } else {
            return trimmed.to_string();
        }
    }
}

/// The words of `text[span]` for a title: bracketed asides and relative clauses (", whose
/// members …,") left out, each actor mention (`mentions`, spans in `text` with the name to
/// show) written by its short name, a mention repeating the one before it ("the Prime Minister
/// – Boris Johnson") written once.
pub fn condense(
    text: &str,
    span: Range<usize>,
    mentions: &[(Range<usize>, String, usize)],
) -> String {
    let mut out = String::new();
    // The actor of the last mention written, until a word of text follows it.
    let mut last_actor: Option<usize> = None;
    let mut at = span.start;
    while at < span.end {
        if let Some((m, short, actor)) = mentions.iter().find(|(m, _, _)| m.start == at) {
            if last_actor == Some(*actor) {
                let kept = out
                    .trim_end()
                    .trim_end_matches(['–', '—', '-', ','])
                    .trim_end()
                    .len();
                out.truncate(kept);
            } else {
                if (out.ends_with(" the ") || out == "the ")
                    && short.starts_with(char::is_uppercase)
                {
                    out.truncate(out.len() - 4);
                }
                out.push_str(short);
            }
            last_actor = Some(*actor);
            at = m.end.max(at + 1);
            continue;
        }
        let rest = &text[at..span.end];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '(' {
            at += rest.find(')').map_or(rest.len(), |close| close + 1);
            continue;
        }
        if c == ',' {
            let after = rest[1..].trim_start();
            if ["who ", "whose ", "which "]
                .iter()
                .any(|w| after.starts_with(w))
            {
                at += rest[1..].find(',').map_or(rest.len(), |next| next + 2);
                continue;
            }
        }
        if !['"', '“', '”'].contains(&c) {
            out.push(c);
        }
        if c.is_alphanumeric() {
            last_actor = None;
        }
        at += c.len_utf8();
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .trim_end_matches(['.', ',', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_who_what_whom_within_80_characters() {
        let t = title(
            Some("Putin"),
            "tells",
            "Johnson, in a phone call, that Russia wants immediate talks with the West to curb any potential eastward expansion",
        );
        assert!(t.chars().count() <= MAX, "{t}");
        assert_eq!(
            t,
            "Putin tells Johnson, in a phone call, that Russia wants immediate talks"
        );
        assert_eq!(
            title(Some("Putin"), "denies", "these reports"),
            "Putin denies these reports"
        );
        assert_eq!(
            title(None, "", "2-day meeting of G7"),
            "2-day meeting of G7"
        );
    }

    #[test]
    fn a_cut_never_ends_on_a_dangling_word() {
        let long = "Johnson reiterates the importance of working through diplomatic channels to de-escalate tensions";
        let t = fit(long);
        assert_eq!(
            t,
            "Johnson reiterates the importance of working through diplomatic channels"
        );
    }

    #[test]
    fn condensing_writes_actors_short_and_drops_asides() {
        let text = "told the Prime Minister of United Kingdom (U.K.) – Boris Johnson, in a phone call, that Russia wants talks.";
        let pm = text.find("Prime").unwrap();
        let boris = text.find("Boris").unwrap();
        let russia = text.find("Russia").unwrap();
        let mentions = vec![
            (
                pm..pm + "Prime Minister of United Kingdom".len(),
                "Johnson".to_string(),
                1,
            ),
            (
                boris..boris + "Boris Johnson".len(),
                "Johnson".to_string(),
                1,
            ),
            (russia..russia + 6, "Russia".to_string(), 2),
        ];
        let start = text.find(' ').unwrap();
        assert_eq!(
            condense(text, start..text.len(), &mentions),
            "Johnson, in a phone call, that Russia wants talks"
        );
        let text = "accused the Wagner Group, whose members are mostly former service personnel, of abuses.";
        let wagner = text.find("Wagner").unwrap();
        let mentions = vec![(wagner..wagner + 12, "Wagner".to_string(), 3)];
        assert_eq!(condense(text, 8..text.len(), &mentions), "Wagner of abuses");
    }
}
