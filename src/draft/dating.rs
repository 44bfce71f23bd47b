//! Dating a drafted event from the time expressions of its text, never inventing precision.
//!
//! In order: the sentence's own expression; else the one governing it in its paragraph (the
//! latest earlier one, or the date of a post's signature line); else the date another sentence
//! gives the same event ("the call" / "the conversation", when the text gives that event one
//! date only); a sentence saying its event "comes after a 2-day meeting" dates the meeting to
//! the two days before; and an undated sentence gets only an upper bound: on or before the
//! publication date, uncertain.
//!
//! The upper bound is written `YYYY/P?` (from the start of the publication's year to the
//! publication day, uncertain): chronicle's dates have no open intervals (`../P` is refused),
//! so the interval needs a start, and the publication's year is the coarsest one that keeps the
//! event in the article's own time; `?` says the whole range is a guess, and the timeline sorts
//! such events before everything the article dates later that year.

use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate};

use super::layout::Layout;
use super::quotes::inside;
use super::words::Word;
use crate::date::{EdtfDate, Precision};

/// A time expression found in the text: the fields of `crate::times::TimeExpression`, so the
/// drafter can be tested with spans made by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeSpan {
    /// 1-based sentence number, as `chronicle sentences` numbers them.
    pub sentence: usize,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    /// EDTF, as `EdtfDate::parse` accepts it.
    pub value: String,
}

/// Where a drafted date came from, said to the person reviewing the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The sentence's own expression, quoted.
    Own(String),
    /// An expression earlier in the paragraph (or its post's signature), with its sentence.
    Paragraph(String, usize),
    /// Another sentence dating the same event, named by its noun.
    SameEvent(String, usize),
    /// "after a N-day meeting": the N days before the anchor, dated by the anchor's sentence.
    DaysBefore(i64, usize),
    /// "by that time", "by then": the latest expression of the sentence before, quoted,
    /// with the anaphor and that sentence.
    Referred(String, String, usize),
    /// A statement in the present tense ("Ford says"): made as the article was written.
    SaidNow,
    /// A statement with no date in the text: in the week up to publication, as news reports
    /// what was said while it is news.
    WeekBefore,
    /// No date in the text: on or before publication.
    UpperBound,
    /// It speaks of the future and the text gives no later date: on or after publication.
    LowerBound,
}

impl Basis {
    /// How the date was found, for the drafted record's attributes (1-based sentences).
    pub fn describe(&self) -> String {
        match self {
            Basis::Own(text) => format!("its own '{text}'"),
            Basis::Paragraph(text, s) => format!("'{text}' in its paragraph (sentence {})", s + 1),
            Basis::SameEvent(noun, s) => {
                format!("the same {noun}, dated by sentence {}", s + 1)
            }
            Basis::DaysBefore(days, s) => {
                format!("the {days} days before the event of sentence {}", s + 1)
            }
            Basis::Referred(anaphor, text, s) => {
                format!("'{anaphor}': '{text}' of sentence {}", s + 1)
            }
            Basis::SaidNow => {
                "a statement in the present tense: made as the article was written".to_string()
            }
            Basis::WeekBefore => {
                "a statement with no date in the text: in the week up to publication".to_string()
            }
            Basis::UpperBound => "no date in the text: on or before publication".to_string(),
            Basis::LowerBound => {
                "speaks of the future, no later date in the text: on or after publication"
                    .to_string()
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dating {
    /// EDTF, as written in the record.
    pub value: String,
    pub basis: Basis,
}

/// What the dating of one sentence needs to know about it.
#[derive(Clone, Debug, Default)]
pub struct SentenceFacts {
    /// It speaks of the future ("could be planning", "will meet").
    pub future: bool,
    /// Its act is a verb of saying in the present tense ("Ford says it made profits in
    /// 2009"): news writes a statement in the present when it is made as the article is
    /// written, so the saying is of the publication day, whatever date what was said has.
    pub says_now: bool,
    /// Its act is a statement ("GM said", "Airbus announced"): news reports what was said
    /// while it is news, so a statement with no date of its own is of the days before the
    /// publication, not any time that year.
    pub statement: bool,
    /// Event nouns it names, by class ("call" for "phone call", "conversation").
    pub events: Vec<&'static str>,
    /// "comes after a 2-day meeting": the days, and the class of the anchor's noun (the
    /// subject's: "Johnson's intervention").
    pub after_days: Option<(i64, Option<&'static str>)>,
    /// Where its main verb starts (byte offset in the text), when it has one: an expression
    /// before it ("In 2004, Airbus sold…") sets the time for the sentences after; one after it
    /// may belong to an aside ("…airliner, begun two years ago, has been pushed back").
    pub verb_start: Option<usize>,
    /// Where the words a verb of saying reports begin (byte offset): a date after it dates
    /// what was said, not the saying.
    pub reported_from: Option<usize>,
    /// Its act is told in the past with an auxiliary ("have opened", "was unveiled"): a date
    /// after the publication is not its date, whatever clause it stands in.
    pub past_act: bool,
    /// Its verb of saying names a thing rather than reporting words (`candidates::names_a_thing`):
    /// a day named after `reported_from` is the day of the act.
    pub names_a_thing: bool,
    /// Byte spans of its words standing in subordinate or relative clauses ("after talks broke
    /// down over wage cuts by next year", "until Ford negotiates"): a date there dates what
    /// that clause says, not the sentence's act.
    pub subordinate: Vec<Range<usize>>,
    /// It carries on the topic of the sentence before (it opens with a pronoun, or its
    /// subject is the one before's), so a date that governs that one may govern it too.
    pub continues: bool,
}

/// Dates every sentence of a text (`None` for those a caller will not draft is fine too: all
/// are dated, since undated candidates borrow from the others).
pub struct Dater<'a> {
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub layout: &'a Layout,
    pub times: &'a [TimeSpan],
    pub published: NaiveDate,
    /// The text's quotations (`quotes::quotations`): a date inside one is the speaker's.
    pub quotations: &'a [Range<usize>],
}

impl Dater<'_> {
    pub fn date_all(&self, facts: &[SentenceFacts]) -> Vec<Dating> {
        // Each sentence's usable expressions, found once: asking all of them per sentence
        // made drafting quadratic in the text's length.
        let mut by_sentence: Vec<Vec<&TimeSpan>> = vec![Vec::new(); self.sentences.len()];
        for t in self.times {
            if let Some(list) = t
                .sentence
                .checked_sub(1)
                .and_then(|s| by_sentence.get_mut(s))
            {
                if EdtfDate::parse(&t.value).is_ok() && !inside(self.quotations, t.start) {
                    list.push(t);
                }
            }
        }
        let base: Vec<Option<Dating>> = (0..self.sentences.len())
            .map(|s| {
                self.own(s, &by_sentence, facts)
                    .or_else(|| self.referred(s, &by_sentence))
                    .or_else(|| self.governing(s, facts, &by_sentence))
            })
            .collect();
        let events = EventDates::new(&base, facts);
        (0..self.sentences.len())
            .map(|s| {
                let fact = facts.get(s).cloned().unwrap_or_default();
                if let Some((days, anchor_noun)) = fact.after_days {
                    let anchor = base[s]
                        .clone()
                        .map(|d| (d, s))
                        .or_else(|| anchor_noun.and_then(|n| events.same_event(&[n])));
                    if let Some(dated) = anchor.and_then(|(d, at)| days_before(&d.value, days, at))
                    {
                        return dated;
                    }
                }
                let dated = base[s]
                    .clone()
                    .or_else(|| events.same_event(&fact.events).map(|(d, _)| d));
                if fact.says_now && !fact.future {
                    return dated
                        .filter(|d| self.is_publication_day(&d.value))
                        .unwrap_or_else(|| self.said_now());
                }
                match dated {
                    // A sentence about the future is not dated before its publication.
                    Some(d) if fact.future && self.is_past(&d.value) => self.lower_bound(),
                    None if fact.future => self.lower_bound(),
                    Some(d) => d,
                    None if fact.statement => self.week_before(),
                    None => self.upper_bound(),
                }
            })
            .collect()
    }

    fn quoted(&self, t: &TimeSpan) -> String {
        self.text
            .get(t.start..t.end)
            .unwrap_or(&t.value)
            .to_string()
    }

    /// The sentence's first expression that is not part of what it reports someone said.
    fn own(
        &self,
        s: usize,
        by_sentence: &[Vec<&TimeSpan>],
        facts: &[SentenceFacts],
    ) -> Option<Dating> {
        let reported = facts.get(s).and_then(|f| f.reported_from);
        let names_a_thing = facts.get(s).is_some_and(|f| f.names_a_thing);
        let past_act = facts.get(s).is_some_and(|f| f.past_act);
        let future = facts.get(s).is_some_and(|f| f.future);
        let mut usable = by_sentence
            .get(s)?
            .iter()
            .filter(|t| {
                reported.is_none_or(|r| {
                    t.start < r || (names_a_thing && is_day(&t.value) && !self.of_a_noun(t))
                })
            })
            .filter(|t| !in_subordinate(facts.get(s), t) && !self.possessive(t))
            .filter(|t| !(past_act && self.is_future(&t.value)));
        // "were to take delivery in May 2008, but will now receive it next month": a sentence
        // about the future takes its future date.
        let t = if future {
            let all: Vec<&&TimeSpan> = usable.collect();
            all.iter()
                .find(|t| !self.is_past(&t.value))
                .or(all.first())
                .copied()?
        } else {
            usable.next()?
        };
        Some(Dating {
            value: t.value.clone(),
            basis: Basis::Own(self.quoted(t)),
        })
    }

    /// The latest expression in an earlier sentence of the paragraph that stands before that
    /// sentence's verb and agrees with this sentence's tense (a future date does not govern a
    /// report of the past, nor the other way round); else the date on the paragraph's
    /// signature line.
    fn governing(
        &self,
        s: usize,
        facts: &[SentenceFacts],
        by_sentence: &[Vec<&TimeSpan>],
    ) -> Option<Dating> {
        let paragraph = *self.layout.paragraph.get(s)?;
        let future = facts.get(s).is_some_and(|f| f.future);
        let same = |other: usize| self.layout.paragraph.get(other) == Some(&paragraph);
        let headline = |other: usize| other == 0 && self.layout.headline;
        // A date reaches forward only through sentences that carry on its sentence's topic:
        // in an article written as one long paragraph, a background date ("challenged in
        // 2006") would otherwise date every later statement.
        // "…" he said. "And we will do it once." He stated that…: a quotation's sentences are
        // the speaker's, and a "he" or "she" after them carries the speaker's topic on through
        // them (an "it" may be anything the quotation named).
        let personal = self
            .text
            .get(self.sentences[s].clone())
            .map(str::trim_start)
            .is_some_and(|t| t.starts_with("He ") || t.starts_with("She "));
        let reach = (0..s)
            .rev()
            .take_while(|&o| {
                let quoted = inside(self.quotations, self.sentences[o + 1].start);
                (quoted && personal) || (!quoted && facts.get(o + 1).is_some_and(|f| f.continues))
            })
            .last()
            .unwrap_or(s);
        let earlier = (reach..s)
            .rev()
            .filter(|&o| same(o) && !headline(o))
            .flat_map(|o| by_sentence[o].iter().rev().map(move |t| (o, *t)))
            .find(|(o, t)| {
                let fronted = facts
                    .get(*o)
                    .and_then(|f| f.verb_start)
                    .is_some_and(|verb| t.start < verb);
                fronted && !in_subordinate(facts.get(*o), t) && self.is_future(&t.value) == future
            });
        let signed = || {
            (s + 1..self.sentences.len())
                .take_while(|&o| same(o))
                .filter(|&o| self.layout.signature.get(o) == Some(&true))
                .find_map(|o| by_sentence[o].first().map(|t| (o, *t)))
        };
        let (at, t) = earlier.or_else(signed)?;
        Some(Dating {
            value: t.value.clone(),
            basis: Basis::Paragraph(self.quoted(t), at),
        })
    }

    /// "If a price is not agreed on by that time, Fiat will pay": an anaphoric "by that
    /// time", "by then" or "by that date" points back to the latest date of the sentence
    /// before, in the same paragraph, wherever that date stands in it.
    fn referred(&self, s: usize, by_sentence: &[Vec<&TimeSpan>]) -> Option<Dating> {
        let before = s.checked_sub(1)?;
        let paragraph = self.layout.paragraph.get(s)?;
        if self.layout.paragraph.get(before) != Some(paragraph)
            || (before == 0 && self.layout.headline)
        {
            return None;
        }
        let span = self.sentences.get(s)?;
        let anaphor = anaphoric_by(self.text.get(span.clone())?)?;
        let t = by_sentence
            .get(before)?
            .iter()
            .filter_map(|t| EdtfDate::parse(&t.value).ok().map(|d| (d.latest(), *t)))
            .max_by(|(a, _), (b, _)| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal))
            .map(|(_, t)| t)?;
        Some(Dating {
            value: t.value.clone(),
            basis: Basis::Referred(anaphor.to_string(), self.quoted(t), before),
        })
    }

    /// Whether the expression `t` is a possessive that qualifies a noun ("last year's
    /// profit", "from Monday's close"): it dates the noun, not the act. Not the publication
    /// day's ("comments on today's falls"), which news reports on the day they happen.
    fn possessive(&self, t: &TimeSpan) -> bool {
        let after = self.text.get(t.end..).unwrap_or("");
        (after.starts_with("'s") || after.starts_with("’s")) && !self.is_publication_day(&t.value)
    }

    /// Whether the expression `t` qualifies a noun, after "of" ("the events of today"): it
    /// dates the thing, not the act.
    fn of_a_noun(&self, t: &TimeSpan) -> bool {
        let before = self.text.get(..t.start).unwrap_or("").trim_end();
        before.ends_with(" of") || before.ends_with(" of the")
    }

    fn is_past(&self, value: &str) -> bool {
        EdtfDate::parse(value).is_ok_and(|d| d.latest().date() < self.published)
    }

    fn is_future(&self, value: &str) -> bool {
        EdtfDate::parse(value).is_ok_and(|d| d.earliest().date() > self.published)
    }

    /// Whether `value` means the publication day and no other.
    fn is_publication_day(&self, value: &str) -> bool {
        EdtfDate::parse(value).is_ok_and(|d| {
            d.earliest().date() == self.published && d.latest().date() == self.published
        })
    }

    /// The publication day, uncertain: a statement in the present tense was made as the
    /// article was written, that day or shortly before.
    fn said_now(&self) -> Dating {
        Dating {
            value: format!("{}?", self.published.format("%Y-%m-%d")),
            basis: Basis::SaidNow,
        }
    }

    /// The week up to the publication day, uncertain: when a statement with no date of its
    /// own was made.
    fn week_before(&self) -> Dating {
        let start = self.published - Duration::days(6);
        Dating {
            value: format!(
                "{}/{}?",
                start.format("%Y-%m-%d"),
                self.published.format("%Y-%m-%d")
            ),
            basis: Basis::WeekBefore,
        }
    }

    /// From the publication day to its year's end, uncertain: chronicle has no open
    /// intervals (`P/..` is refused), the article's year is the nearest end that keeps the
    /// event in the article's own time, and `?` says the whole range is a guess.
    fn lower_bound(&self) -> Dating {
        Dating {
            value: format!(
                "{}/{}-12-31?",
                self.published.format("%Y-%m-%d"),
                self.published.year()
            ),
            basis: Basis::LowerBound,
        }
    }

    fn upper_bound(&self) -> Dating {
        Dating {
            value: format!(
                "{}/{}?",
                self.published.year(),
                self.published.format("%Y-%m-%d")
            ),
            basis: Basis::UpperBound,
        }
    }
}

/// Whether `value` is one day, exactly: "on Wednesday", "today", "March 3".
fn is_day(value: &str) -> bool {
    EdtfDate::parse(value).is_ok_and(|d| d.is_exact() && d.precision() == Precision::Day)
}

/// The anaphoric "by that time", "by then", "by that date" or "by that point" of `sentence`,
/// as written, outside quotation marks.
fn anaphoric_by(sentence: &str) -> Option<&str> {
    const ANAPHORS: &[&str] = &["by that time", "by then", "by that date", "by that point"];
    let lower = sentence.to_ascii_lowercase();
    ANAPHORS.iter().find_map(|a| {
        let at = lower.match_indices(a).map(|(at, _)| at).find(|&at| {
            let end = at + a.len();
            let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            bounded(lower[..at].chars().next_back()) && bounded(lower[end..].chars().next())
        })?;
        let quoted = lower[..at].chars().filter(|&c| c == '"').count() % 2 == 1;
        (!quoted).then(|| &sentence[at..at + a.len()])
    })
}

/// Whether the expression `t` stands in a subordinate or relative clause of its sentence.
fn in_subordinate(fact: Option<&SentenceFacts>, t: &TimeSpan) -> bool {
    fact.is_some_and(|f| f.subordinate.iter().any(|span| span.contains(&t.start)))
}

/// The date the text gives each class of event, when every sentence naming one of that class
/// and dated gives the same date (a sentence asking is never among them: it has no date).
struct EventDates {
    /// Class, the first dated sentence naming it with its date, and whether all agree.
    classes: Vec<(&'static str, usize, Dating, bool)>,
}

impl EventDates {
    fn new(base: &[Option<Dating>], facts: &[SentenceFacts]) -> EventDates {
        let mut classes: Vec<(&'static str, usize, Dating, bool)> = Vec::new();
        for (o, dated) in base.iter().enumerate() {
            let (Some(dated), Some(fact)) = (dated, facts.get(o)) else {
                continue;
            };
            for class in &fact.events {
                match classes.iter_mut().find(|(c, ..)| c == class) {
                    Some((_, _, first, agree)) => *agree &= first.value == dated.value,
                    None => classes.push((class, o, dated.clone(), true)),
                }
            }
        }
        EventDates { classes }
    }

    /// The date of the first of `classes`, with the sentence that gives it.
    fn same_event(&self, classes: &[&'static str]) -> Option<(Dating, usize)> {
        let class = classes.first()?;
        let (_, first, dated, agree) = self.classes.iter().find(|(c, ..)| c == class)?;
        agree.then(|| {
            (
                Dating {
                    value: dated.value.clone(),
                    basis: Basis::SameEvent(class.to_string(), *first),
                },
                *first,
            )
        })
    }
}

/// The `days` days before the day `value`, approximate: "after a 2-day meeting".
fn days_before(value: &str, days: i64, anchor: usize) -> Option<Dating> {
    let date = EdtfDate::parse(value).ok()?;
    if date.end().is_some() || date.precision() != Precision::Day || !(1..=31).contains(&days) {
        return None;
    }
    let day: NaiveDate = date.start().first_day();
    let first = day - Duration::days(days);
    let last = day - Duration::days(1);
    let value = if days == 1 {
        format!("{}~", first.format("%Y-%m-%d"))
    } else {
        format!("{}/{}~", first.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
    };
    Some(Dating {
        value,
        basis: Basis::DaysBefore(days, anchor),
    })
}

/// Event nouns and their classes: mentions of one class in a text are taken for one event.
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("call", "call"),
    ("conversation", "call"),
    ("meeting", "meeting"),
    ("summit", "meeting"),
    ("talks", "talks"),
    ("visit", "visit"),
    ("interview", "interview"),
    ("speech", "speech"),
];

/// The event nouns of a sentence, by class: a noun counts after a determiner or a possessive
/// ("the call", "a phone call", "Telephone conversation" opening a line), and "intervention"
/// after a possessive ("Johnson's intervention", a turn in a conversation) is a call's.
pub fn event_nouns(words: &[Word]) -> Vec<&'static str> {
    let mut classes = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let lower = word.lower();
        let class = if lower == "intervention" {
            (i > 0 && words[i - 1].possessive).then_some("call")
        } else {
            EVENT_NOUNS
                .iter()
                .find(|(noun, _)| *noun == lower)
                .and_then(|(_, class)| {
                    let mut k = i;
                    while k > 0
                        && words[k - 1].is(&["phone", "telephone", "video", "two-day", "brief"])
                    {
                        k -= 1;
                    }
                    let opens = k == 0;
                    let determined = k > 0
                        && (words[k - 1].possessive
                            || words[k - 1].is(&[
                                "a", "an", "the", "this", "that", "their", "his", "her", "its",
                            ]));
                    (opens || determined).then_some(*class)
                })
        };
        if let Some(class) = class {
            if !classes.contains(&class) {
                classes.push(class);
            }
        }
    }
    classes
}

/// "comes after a 2-day meeting": the number of days, the words of the event after it, and
/// the index of the word `after`.
pub fn after_days(words: &[Word]) -> Option<(i64, usize)> {
    words.windows(4).enumerate().find_map(|(i, w)| {
        let follows = w[0].is(&["comes", "came", "come", "follows", "followed", "coming"]);
        let after = w[1].is(&["after"]);
        let article = w[2].is(&["a", "an", "the"]);
        let days = w[3].lower().strip_suffix("-day").and_then(number)?;
        (follows && after && article).then_some((days, i + 1))
    })
}

fn number(text: &str) -> Option<i64> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    text.parse()
        .ok()
        .or_else(|| WORDS.iter().position(|w| *w == text).map(|i| i as i64 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::layout::layout;
    use crate::draft::words::words;
    use crate::sentences::split_sentences;

    /// Dates every sentence of `text` published on `published`, with the time expressions
    /// given as (exact text, value), each found where it first occurs.
    fn dates(text: &str, published: &str, expressions: &[(&str, &str)]) -> Vec<Dating> {
        let sentences = split_sentences(text);
        let layout = layout(text, &sentences);
        let times: Vec<TimeSpan> = expressions
            .iter()
            .map(|(written, value)| {
                let start = text.find(written).unwrap();
                let sentence = sentences.iter().position(|s| s.contains(&start)).unwrap() + 1;
                TimeSpan {
                    sentence,
                    start,
                    end: start + written.len(),
                    value: value.to_string(),
                }
            })
            .collect();
        let quotations = crate::draft::quotes::quotations(text);
        // Each sentence's topic, the noun after its first "the": a sentence on the topic of
        // the one before, or opening with a pronoun, carries on.
        let topics: Vec<Option<String>> = sentences
            .iter()
            .map(|s| {
                let w = words(text, s.clone());
                let the = w.iter().position(|w| w.is(&["the"]))?;
                w.get(the + 1).map(|w| w.lower())
            })
            .collect();
        let facts: Vec<SentenceFacts> = sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let words = words(text, s.clone());
                let pronoun = words
                    .first()
                    .is_some_and(|w| w.is(&["he", "she", "it", "they"]));
                SentenceFacts {
                    continues: k > 0
                        && (pronoun || (topics[k].is_some() && topics[k] == topics[k - 1])),
                    reported_from: words
                        .iter()
                        .position(|w| w.is(&["said", "says"]))
                        .and_then(|v| words[v..].iter().find(|w| w.is(&["that"])))
                        .map(|w| w.span.start),
                    future: words.iter().any(|w| w.is(&["will", "could"])),
                    says_now: false,
                    statement: false,
                    names_a_thing: false,
                    past_act: false,
                    events: event_nouns(&words),
                    after_days: after_days(&words)
                        .map(|(days, at)| (days, event_nouns(&words[..at]).first().copied())),
                    verb_start: words
                        .iter()
                        .find(|w| w.is(&["moved", "spoke", "announced", "began", "left"]))
                        .map(|w| w.span.start),
                    subordinate: Vec::new(),
                }
            })
            .collect();
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        Dater {
            text,
            sentences: &sentences,
            layout: &layout,
            times: &times,
            published,
            quotations: &quotations,
        }
        .date_all(&facts)
    }

    fn values(dated: &[Dating]) -> Vec<&str> {
        dated.iter().map(|d| d.value.as_str()).collect()
    }

    #[test]
    fn a_sentence_takes_its_own_expression_else_the_one_earlier_in_its_paragraph() {
        let text =
            "On Monday the army moved. The army spoke. It left. It rained.\n\nThe queen left.";
        let dated = dates(
            text,
            "2021-12-15",
            &[("Monday", "2021-12-13"), ("It rained", "2021-12-14")],
        );
        assert_eq!(
            values(&dated),
            [
                "2021-12-13",
                "2021-12-13",
                "2021-12-13",
                "2021-12-14",
                "2021/2021-12-15?"
            ]
        );
        assert_eq!(dated[0].basis, Basis::Own("Monday".into()));
        assert_eq!(dated[1].basis, Basis::Paragraph("Monday".into(), 0));
        assert_eq!(dated[4].basis, Basis::UpperBound);
    }

    #[test]
    fn a_date_does_not_leap_to_a_sentence_on_another_topic_nor_out_of_a_quotation() {
        // One long paragraph, as most Wikinews articles are: the king's date is not the
        // queen's, and a date someone said is theirs, not the next sentence's.
        let text = "In 2006 the king left. The queen spoke. In 2003 the duke said \"Last year \
                    we left. It was late.\" It moved.";
        let dated = dates(
            text,
            "2008-03-01",
            &[("2006", "2006"), ("2003", "2003"), ("Last year", "2007")],
        );
        assert_eq!(
            values(&dated),
            [
                "2006",
                "2008/2008-03-01?",
                "2003",
                "2008/2008-03-01?",
                "2008/2008-03-01?"
            ]
        );
    }

    #[test]
    fn a_he_after_a_quotation_carries_the_speakers_date_through_it() {
        // Found by a new user's trial (127248 [10]-[11], W6): the statements after a quotation
        // of two sentences lost the press conference's date. An "it" still does not carry a
        // date through one (the test above).
        let text = "In 2003 the duke spoke. He said \"We left. We are back.\" He smiled.";
        let dated = dates(text, "2008-03-01", &[("2003", "2003")]);
        assert_eq!(values(&dated), ["2003", "2003", "2008/2008-03-01?", "2003"]);
    }

    #[test]
    fn a_date_in_what_was_said_does_not_date_the_saying() {
        let text = "The general said that the aircraft would be tested in 2010.";
        let dated = dates(text, "2008-03-01", &[("2010", "2010")]);
        assert_eq!(values(&dated), ["2008/2008-03-01?"]);
    }

    #[test]
    fn a_sentence_about_the_future_is_not_dated_before_publication() {
        // The helper marks sentences with "will" as speaking of the future.
        let text = "Qatar will also purchase planes. In 2004 it will buy more. \
                    It was due in May 2004 but will now buy them next month.";
        let dated = dates(
            text,
            "2005-06-13",
            &[
                ("2004", "2004"),
                ("May 2004", "2004-05"),
                ("next month", "2005-07"),
            ],
        );
        assert_eq!(
            values(&dated),
            [
                "2005-06-13/2005-12-31?",
                "2005-06-13/2005-12-31?",
                "2005-07"
            ]
        );
        assert_eq!(dated[0].basis, Basis::LowerBound);
        let date = EdtfDate::parse(&dated[0].value).unwrap();
        assert!(date.is_uncertain());
        assert!(date.earliest().date() >= NaiveDate::from_ymd_opt(2005, 6, 13).unwrap());
    }

    #[test]
    fn only_an_expression_before_its_sentences_verb_governs_the_sentences_after() {
        let text = "The king announced a plan, begun two years ago. The king spoke.\n\n\
                    Two years ago the plan began. The plan stalled.";
        let dated = dates(
            text,
            "2008-05-24",
            &[("two years ago", "2006"), ("Two years ago", "2006")],
        );
        assert_eq!(values(&dated), ["2006", "2008/2008-05-24?", "2006", "2006"]);
    }

    #[test]
    fn an_undated_sentence_gets_only_an_uncertain_upper_bound_that_chronicle_accepts() {
        let dated = dates("The king spoke.", "2021-12-15", &[]);
        assert_eq!(values(&dated), ["2021/2021-12-15?"]);
        let date = EdtfDate::parse(&dated[0].value).unwrap();
        assert!(date.is_uncertain());
        assert_eq!(
            date.latest().date(),
            NaiveDate::from_ymd_opt(2021, 12, 15).unwrap()
        );
    }

    #[test]
    fn a_future_expression_does_not_govern_a_report_of_the_past() {
        let text = "The army could attack early next year. The king denied it.";
        let dated = dates(
            text,
            "2021-12-15",
            &[("early next year", "2022-01/2022-04~")],
        );
        assert_eq!(values(&dated), ["2022-01/2022-04~", "2021/2021-12-15?"]);
    }

    #[test]
    fn a_post_is_dated_by_its_signature_and_dates_the_same_event_elsewhere() {
        let text = "Leaders talk\nThe king has told the queen, in a phone call, to wait.\n\
                    The office tweeted,\nTelephone conversation with the queen\n\
                    — The King (@king) December 13, 2021\n\
                    The king's intervention comes after a 2-day meeting of ministers.";
        let dated = dates(text, "2021-12-14", &[("December 13, 2021", "2021-12-13")]);
        assert_eq!(
            values(&dated),
            [
                "2021/2021-12-14?",
                "2021-12-13",
                "2021-12-13",
                "2021-12-13",
                "2021-12-13",
                "2021-12-11/2021-12-12~"
            ]
        );
        assert_eq!(dated[1].basis, Basis::SameEvent("call".into(), 3));
        assert_eq!(
            dated[2].basis,
            Basis::Paragraph("December 13, 2021".into(), 4)
        );
        assert_eq!(dated[5].basis, Basis::DaysBefore(2, 3));
        for d in &dated {
            assert!(EdtfDate::parse(&d.value).is_ok(), "{}", d.value);
        }
    }

    #[test]
    fn two_different_dates_for_one_kind_of_event_date_nothing_else() {
        let text =
            "The call on Monday went well.\n\nThe call on Friday did not.\n\nThe call was long.";
        let dated = dates(
            text,
            "2021-12-20",
            &[("Monday", "2021-12-13"), ("Friday", "2021-12-17")],
        );
        assert_eq!(values(&dated)[2], "2021/2021-12-20?");
    }

    #[test]
    fn by_that_time_takes_the_latest_date_of_the_sentence_before_in_its_paragraph() {
        let text = "Renault signed a deal in March, which must close by July 2. \
                    If no price is set by that time, Renault will pay a fee. \
                    Renault will sell its stake on August 9.\n\n\
                    By then the plant will have closed.";
        let dated = dates(
            text,
            "2012-05-01",
            &[
                ("in March", "2012-03"),
                ("July 2", "2012-07-02"),
                ("August 9", "2012-08-09"),
            ],
        );
        // A new paragraph's "by then" points to nothing the drafter can tell.
        assert_eq!(
            values(&dated),
            [
                "2012-03",
                "2012-07-02",
                "2012-08-09",
                "2012-05-01/2012-12-31?"
            ]
        );
        assert_eq!(
            dated[1].basis.describe(),
            "'by that time': 'July 2' of sentence 1"
        );
        assert_eq!(anaphoric_by("Go by then."), Some("by then"));
        assert_eq!(anaphoric_by("Stand by thence."), None);
        assert_eq!(anaphoric_by("He said \"by then it was over\"."), None);
    }
}
