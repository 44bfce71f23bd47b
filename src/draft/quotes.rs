//! Quotations that run across sentences: `Lichte said "This will be an American tanker. It
//! will save lives."` makes the second sentence someone's words, not an act of the text's
//! own. A quotation opens at `"` or `“` and closes at the next `"` or `”` on the same line; one
//! still open at the line's end is not trusted (a stray mark would otherwise swallow the rest
//! of a one-line article), so nothing after it counts as quoted.

use std::ops::Range;

/// The quotations of `text`, as byte spans from the opening mark to just after the closing
/// one, in text order.
pub fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('\n', _) => open = None,
            ('"' | '”', Some(start)) => {
                spans.push(start..at + c.len_utf8());
                open = None;
            }
            ('"' | '“', None) => open = Some(at),
            _ => {}
        }
    }
    spans
}

/// Whether byte `at` lies inside one of the `quotations` (after its opening mark).
pub fn inside(quotations: &[Range<usize>], at: usize) -> bool {
    around(quotations, at).is_some()
}

/// The one of the `quotations` byte `at` lies inside.
pub fn around(quotations: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let next = quotations.partition_point(|q| q.start < at);
    next.checked_sub(1)
        .map(|k| &quotations[k])
        .filter(|q| q.end > at)
}

/// Whether the name at `name` in `text` is quoted as itself, a term the text marks ("the
/// \"New GM\""), rather than a word of what someone said: its quotation holds nothing else.
pub fn marks_name(text: &str, quotations: &[Range<usize>], name: &Range<usize>) -> bool {
    around(quotations, name.start).is_some_and(|q| {
        text[q.clone()].trim_matches(['"', '“', '”']).trim() == &text[name.clone()]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_spans_sentences_until_it_closes_on_its_line() {
        let text = "He said \"No. We won.\" Then “Yes. Again” and \"open\nNext line.";
        let q = quotations(text);
        assert_eq!(
            q.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["\"No. We won.\"", "“Yes. Again”"]
        );
        let we = text.find("We").unwrap();
        assert!(inside(&q, we));
        assert!(!inside(&q, text.find("Then").unwrap()));
        assert!(!inside(&q, text.find("He").unwrap()));
        // The mark left open at the line's end quotes nothing.
        assert!(!inside(&q, text.find("Next").unwrap()));
        assert!(!inside(&q, text.find("open").unwrap()));
    }

    #[test]
    fn a_name_alone_in_its_quotation_is_marked_not_said() {
        let text = "He called it a \"New GM\". \"The New GM will win,\" he said.";
        let q = quotations(text);
        let first = text.find("New GM").unwrap();
        let second = text.rfind("New GM").unwrap();
        assert!(marks_name(text, &q, &(first..first + 6)));
        assert!(!marks_name(text, &q, &(second..second + 6)));
        let he = text.find("He").unwrap();
        assert!(!marks_name(text, &q, &(he..he + 2)));
    }
}
