//! Splits a sentence into the tokens the time grammar reads: words, numbers, codes, punctuation.
//!
//! A hand tokenizer rather than regular expressions: the grammar needs to know, for every
//! number, whether it was written `2,000`, `2.5`, `13th`, `1990s` or glued to letters (`A380`),
//! and whether white space separates two tokens (`mid-1996` against `mid - 1996`); one pass
//! over the bytes gives all of that.

use super::lexicon::{lookup, Lex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offsets into the whole text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// White space separates this token from the one before.
    pub spaced: bool,
    pub case: Case,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    /// First letter upper case, some other lower case: `March`.
    Capital,
    /// Every letter upper case: `MAY`, `FY`, `A`.
    Upper,
    /// No letters.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word(Lex),
    Number(Num),
    /// Letters and digits mixed: model numbers (`A380`), codes (`FY2008`, `Q3`), clock
    /// times (`18:00`), numbers with unit suffixes (`40bn`).
    Code(Code),
    Punct(char),
    /// Any other character, such as a letter outside ASCII.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Num {
    pub value: u32,
    pub digits: u8,
    /// Written as bare digits: not `2,000` nor `2.5`, which are never years or days.
    pub plain: bool,
    pub suffix: Suffix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// `13th`, `1st`.
    Ordinal,
    /// `1990s`, `90s`.
    Plural,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// `FY2008`, `FY08`.
    Fiscal(i32),
    /// `Q3`.
    Quarter(u32),
    Other,
}

/// The tokens of `text[range]`, with offsets into `text`.
pub(crate) fn tokenize(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    let mut spaced = true;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, next, case) = if b.is_ascii_alphanumeric() {
            alphanumeric(text, i, end)
        } else if b < 0x80 {
            let c = if b == b'`' { '\'' } else { b as char };
            (Kind::Punct(c), i + 1, Case::None)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let next = i + c.len_utf8();
            if c.is_whitespace() {
                spaced = true;
                i = next;
                continue;
            }
            let kind = match c {
                '\u{2018}' | '\u{2019}' | '\u{2032}' => Kind::Punct('\''),
                '\u{2010}' | '\u{2011}' => Kind::Punct('-'),
                '\u{2012}' | '\u{2013}' => Kind::Punct('–'),
                '\u{2014}' | '\u{2015}' => Kind::Punct('—'),
                '\u{201C}' | '\u{201D}' => Kind::Punct('"'),
                '£' | '€' | '¥' => Kind::Punct('$'),
                // A letter outside ASCII glued to ASCII letters makes the whole a foreign word.
                c if c.is_alphanumeric() => {
                    let stop = word_end(text, next, end);
                    out.push(Token {
                        start,
                        end: stop,
                        kind: Kind::Other,
                        spaced,
                        case: Case::None,
                    });
                    spaced = false;
                    i = stop;
                    continue;
                }
                _ => Kind::Other,
            };
            (kind, next, Case::None)
        };
        // A word running on into letters outside ASCII (`Zürich`) is not a word we know.
        let (kind, next) = if next < end && bytes[next] >= 0x80 && matches!(kind, Kind::Word(_)) {
            let stop = word_end(text, next, end);
            if stop > next {
                (Kind::Other, stop)
            } else {
                (kind, next)
            }
        } else {
            (kind, next)
        };
        out.push(Token {
            start,
            end: next,
            kind,
            spaced,
            case,
        });
        spaced = false;
        i = next;
    }
}

/// Where a run of letters and digits (ASCII or not) starting at `i` ends.
fn word_end(text: &str, mut i: usize, end: usize) -> usize {
    for c in text[i..end].chars() {
        if !c.is_alphanumeric() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Reads the run of ASCII letters and digits at `i`, with a number's thousands separators,
/// decimal part or clock minutes.
fn alphanumeric(text: &str, i: usize, end: usize) -> (Kind, usize, Case) {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < end && bytes[j].is_ascii_alphanumeric() {
        j += 1;
    }
    let run = &bytes[i..j];
    let letters = run.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == run.len() {
        return (Kind::Word(lookup(run)), j, case_of(run));
    }
    if letters > 0 {
        return (Kind::Code(code(run, letters)), j, case_of(&run[..letters]));
    }
    let digits = run.iter().take_while(|b| b.is_ascii_digit()).count();
    let value = number(&run[..digits]);
    let suffix = &run[digits..];
    if suffix.iter().any(u8::is_ascii_digit) {
        return (Kind::Code(Code::Other), j, Case::None);
    }
    let digit_count = u8::try_from(digits).unwrap_or(u8::MAX);
    if !suffix.is_empty() {
        let lower: Vec<u8> = suffix.iter().map(u8::to_ascii_lowercase).collect();
        let suffix = match lower.as_slice() {
            b"st" | b"nd" | b"rd" | b"th" => Suffix::Ordinal,
            b"s" => Suffix::Plural,
            _ => return (Kind::Code(Code::Other), j, Case::None),
        };
        let num = Num {
            value,
            digits: digit_count,
            plain: true,
            suffix,
        };
        return (Kind::Number(num), j, Case::None);
    }
    // `175,000`, `2.5`, `18:00`: separators glued between digit groups.
    let mut plain = true;
    let mut k = j;
    while k + 1 < end && matches!(bytes[k], b',' | b'.' | b':') && bytes[k + 1].is_ascii_digit() {
        let sep = bytes[k];
        let mut m = k + 1;
        while m < end && bytes[m].is_ascii_digit() {
            m += 1;
        }
        let group = m - k - 1;
        if sep == b',' && (group != 3 || (m < end && bytes[m].is_ascii_alphabetic())) {
            break;
        }
        if sep == b':' {
            // A clock time, or a ratio or score: never a date.
            let mut stop = m;
            while stop < end && bytes[stop].is_ascii_alphanumeric() {
                stop += 1;
            }
            return (Kind::Code(Code::Other), stop, Case::None);
        }
        plain = false;
        k = m;
    }
    if k > j {
        // Letters glued to the last group (`2.5bn`) stay part of the number.
        while k < end && bytes[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let num = Num {
            value,
            digits: digit_count,
            plain,
            suffix: Suffix::None,
        };
        return (Kind::Number(num), k, Case::None);
    }
    let num = Num {
        value,
        digits: digit_count,
        plain,
        suffix: Suffix::None,
    };
    (Kind::Number(num), j, Case::None)
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

fn case_of(letters: &[u8]) -> Case {
    match letters.first() {
        Some(b) if b.is_ascii_uppercase() => {
            if letters.iter().all(|b| !b.is_ascii_lowercase()) {
                Case::Upper
            } else {
                Case::Capital
            }
        }
        Some(_) => Case::Lower,
        None => Case::None,
    }
}

/// Classifies letters followed by digits (`FY2008`, `Q3`, `A380`).
fn code(run: &[u8], letters: usize) -> Code {
    let (head, tail) = run.split_at(letters);
    if !tail.iter().all(u8::is_ascii_digit) {
        return Code::Other;
    }
    let value = number(tail);
    match (head, tail.len()) {
        (b"FY" | b"Fy" | b"fy", 4) => Code::Fiscal(value as i32),
        (b"FY" | b"Fy" | b"fy", 2) => Code::Fiscal(if value < 50 {
            2000 + value as i32
        } else {
            1900 + value as i32
        }),
        (b"Q" | b"q", 1) if (1..=4).contains(&value) => Code::Quarter(value),
        _ => Code::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.into_iter().map(|t| t.kind).collect()
    }

    fn num(value: u32, digits: u8, plain: bool, suffix: Suffix) -> Kind {
        Kind::Number(Num {
            value,
            digits,
            plain,
            suffix,
        })
    }

    #[test]
    fn numbers_keep_how_they_were_written() {
        assert_eq!(
            kinds("2,000 2.5 13th 1990s 2021"),
            vec![
                num(2, 1, false, Suffix::None),
                num(2, 1, false, Suffix::None),
                num(13, 2, true, Suffix::Ordinal),
                num(1990, 4, true, Suffix::Plural),
                num(2021, 4, true, Suffix::None),
            ]
        );
        assert_eq!(
            kinds("A380 FY2008 Q3 18:00 40bn"),
            vec![
                Kind::Code(Code::Other),
                Kind::Code(Code::Fiscal(2008)),
                Kind::Code(Code::Quarter(3)),
                Kind::Code(Code::Other),
                Kind::Code(Code::Other),
            ]
        );
    }

    #[test]
    fn dashes_and_quotes_are_normalised_and_spacing_kept() {
        let mut out = Vec::new();
        let text = "mid-1996, 11–12 ’90s Zürich";
        tokenize(text, 0..text.len(), &mut out);
        let kinds: Vec<Kind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[1], Kind::Punct('-'));
        assert!(!out[2].spaced, "mid-1996 is glued");
        assert_eq!(kinds[5], Kind::Punct('–'));
        assert_eq!(kinds[7], Kind::Punct('\''));
        assert_eq!(kinds[9], Kind::Other, "Zürich is one foreign word");
        assert_eq!(&text[out[9].start..out[9].end], "Zürich");
    }
}
