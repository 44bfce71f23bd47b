//! The tense around a time expression, which decides which `Thursday` or which `December`
//! a sentence means.
//!
//! Each sentence's verbs are read once into cues (`will` future, `was` past, `is` present);
//! an expression takes the tense of the nearest past or future cue, a clause boundary
//! (comma, semicolon, dash, bracket, quote) counting as four words of distance, so that
//! `Boeing said on Thursday it will deliver` reads `Thursday` as past. Coordinated clauses
//! with their own subject (`, and she arrives`, `, but they`, `;`) keep their tense to
//! themselves: `He left last Friday, and she arrives this Friday` reads the second Friday in
//! the present. With no past or future cue in its clause an expression is present.
//!
//! Three rules of English go beyond the nearest verb:
//! - A headline without a finite verb states a plan with `to` and a bare verb (`Markets to
//!   remain closed`, `Obama to meet Putin`): that `to` is a future cue.
//! - A temporal clause (`when`, `once`, `until`, `after`, `before`, `as soon as`) under a
//!   future main clause takes the main clause's time: `will open when they meet on Friday`,
//!   and, backshifted in reported speech, `would be infused when they opened on Friday`. A
//!   past verb in such a clause is read as a future cue.
//! - The preposition in front of the expression ([`Cues::direction_at`]) can settle it:
//!   `since` points back whatever the verb; `until`, `till`, `by` and `before` point forward
//!   unless the clause is in the simple past (`were closed until Friday`), and `until` keeps
//!   pointing forward after a present perfect, whose state lasts into the present
//!   (`has kept them closed until Friday`).

use super::grammar::Seq;
use super::lexicon::{
    Lex, BARE_VERBS, DATA_NOUNS, IRREGULAR_PAST, NOT_VERBS, PARTICIPLES, REPORTING_VERBS,
};
use super::token::{Case, Kind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// One past or future cue.
#[derive(Clone, Copy, Debug)]
struct Cue {
    /// Its token index.
    at: usize,
    tense: Tense,
    /// A present perfect (`has kept`): past, but of a state that lasts into the present.
    perfect: bool,
}

/// The tense cues of one sentence.
pub(crate) struct Cues {
    /// The past and future cues, in order. Present verbs decide nothing (without a past or
    /// future cue the sentence is read as present anyway), so they are not kept.
    cues: Vec<Cue>,
    /// How many clause breaks (punctuation) come before each token: `breaks[j] - breaks[i]`
    /// counts those in `[i, j)`.
    breaks: Vec<usize>,
    /// Token indices of nouns for reported figures (`sales`, `results`), in order: a period
    /// named right before one (`October sales`, `2008 results`) is past, whatever the verb
    /// says (`will report its October figures`).
    data: Vec<usize>,
    /// The coordinated clause of each token (see [`starts_clause`]): cues count only
    /// within the clause of the expression.
    clause: Vec<usize>,
    /// Token indices of conjunctions that open a clause of condition, cause or concession
    /// (`if`, `unless`, `because`, `although`), in order: such a clause has a tense of its
    /// own, so its verbs do not tell the time of an expression before it ("might run out of
    /// money by March if more aid was not given": March is to come).
    opens_condition: Vec<usize>,
}

/// How far a clause boundary puts a cue, in words.
const BREAK_DISTANCE: usize = 4;

impl Cues {
    pub fn read(s: &Seq) -> Cues {
        let mut cues = Vec::new();
        let mut breaks = Vec::with_capacity(s.len() + 1);
        let mut data = Vec::new();
        let mut clause = Vec::with_capacity(s.len());
        let mut opens_condition = Vec::new();
        let mut seen = 0;
        let mut current = 0;
        let headline = is_headline(s);
        // Whether any verb cue (present ones too) came before: a headline's `to` is its
        // plan only when no finite verb precedes it (`Police refused to reopen` is past).
        let mut finite_before = false;
        // A future cue governs the rest of its clause, and a temporal conjunction after it
        // opens a clause whose past verbs are backshifted futures.
        let mut future_clause = false;
        let mut temporal_clause = false;
        for i in 0..s.len() {
            if starts_clause(s, i) {
                current += 1;
                future_clause = false;
                temporal_clause = false;
            }
            clause.push(current);
            breaks.push(seen);
            match s.toks[i].kind {
                Kind::Punct(c) => {
                    if matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '—' | '[' | ']') {
                        seen += 1;
                        future_clause = false;
                        temporal_clause = false;
                    }
                }
                Kind::Word(lex) => {
                    let found = cue(s, i, lex);
                    finite_before |= found.is_some();
                    let found = found.or_else(|| {
                        (headline && !finite_before && headline_plan(s, i)).then_some(Tense::Future)
                    });
                    if let Some(tense) = found.filter(|&t| t != Tense::Present) {
                        let tense = if temporal_clause && tense == Tense::Past {
                            Tense::Future
                        } else {
                            tense
                        };
                        cues.push(Cue {
                            at: i,
                            tense,
                            perfect: tense == Tense::Past && s.word_is(i, &["has", "have"]),
                        });
                        if tense == Tense::Future && !s.word_is(i + 1, &["have"]) {
                            future_clause = true;
                        }
                    }
                    if future_clause && temporal_conjunction(s, i) {
                        temporal_clause = true;
                    }
                    if s.word_in(i, &DATA_NOUNS) {
                        data.push(i);
                    }
                    if s.word_is(i, &["if", "unless", "because", "although", "though"]) {
                        opens_condition.push(i);
                    }
                }
                _ => {}
            }
        }
        breaks.push(seen);
        Cues {
            cues,
            breaks,
            data,
            clause,
            opens_condition,
        }
    }

    /// The direction of an expression over tokens `[start, end)`: the tense of its clause
    /// ([`Cues::tense_at`]), settled by the preposition in front of it where English lets
    /// that decide (see the module's comment).
    pub fn direction_at(&self, s: &Seq, start: usize, end: usize) -> Tense {
        if self.data.binary_search(&end).is_ok() {
            return Tense::Past;
        }
        let nearest = self.nearest(start, end);
        let tense = nearest.map_or(Tense::Present, |c| c.tense);
        // A past form after a verb of its own clause is a participle (`has continued to hold
        // the markets closed`, `were closed`): the first verb of the chain is the finite one.
        let finite = nearest.map(|c| self.finite_of(c));
        let Some(lead) = start.checked_sub(1).map(|p| s.word(p).to_ascii_lowercase()) else {
            return tense;
        };
        // `hit by Friday's storm`: the agent of a passive.
        let possessive = s.is_punct(end, '\'') && s.glued(end) && s.word(end + 1) == "s";
        match lead.as_str() {
            "since" => Tense::Past,
            "until" | "till" => match finite {
                Some(c) if c.tense == Tense::Past && !c.perfect => Tense::Past,
                _ => Tense::Future,
            },
            "before" if tense != Tense::Past => Tense::Future,
            "by" if tense != Tense::Past && !possessive => Tense::Future,
            _ => tense,
        }
    }

    /// The tense for an expression over tokens `[start, end)`: that of the nearest cue.
    #[cfg(test)]
    pub fn tense_at(&self, start: usize, end: usize) -> Tense {
        if self.data.binary_search(&end).is_ok() {
            return Tense::Past;
        }
        self.nearest(start, end).map_or(Tense::Present, |c| c.tense)
    }

    /// The first cue of the verb chain `cue` ends: the cues before it in its clause with no
    /// punctuation between.
    fn finite_of(&self, cue: Cue) -> Cue {
        let mut k = self.cues.partition_point(|c| c.at < cue.at);
        let clause_of = |at: usize| self.clause.get(at).copied().unwrap_or(0);
        while k > 0 {
            let (before, here) = (self.cues[k - 1], self.cues[k]);
            if clause_of(before.at) != clause_of(here.at)
                || self.breaks[here.at] != self.breaks[before.at + 1]
            {
                break;
            }
            k -= 1;
        }
        self.cues[k]
    }

    /// The cue nearest to tokens `[start, end)`, walking outwards from them and stopping once
    /// the words alone are farther than the best cue found, so a long sentence full of dates
    /// stays linear.
    fn nearest(&self, start: usize, end: usize) -> Option<Cue> {
        let breaks = |from: usize, to: usize| self.breaks[to] - self.breaks[from];
        let first_inside = self.cues.partition_point(|c| c.at < start);
        let first_after = self.cues.partition_point(|c| c.at < end);
        let mut best: Option<(usize, Cue)> = None;
        let first_clause = self.clause.get(start).copied().unwrap_or(0);
        let last_clause = self.clause.get(end.saturating_sub(1)).copied().unwrap_or(0);
        let clause_of = |at: usize| self.clause.get(at).copied().unwrap_or(0);
        // Before the expression, nearest first; ties go to these, met first in reading.
        for &cue in self.cues[..first_inside].iter().rev() {
            let at = cue.at;
            let words = start - at;
            if clause_of(at) != first_clause || best.is_some_and(|(d, _)| words >= d) {
                break;
            }
            let distance = words + breaks(at + 1, start) * BREAK_DISTANCE;
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, cue));
            }
        }
        // After it, up to the first clause of condition or cause that opens after it.
        let condition = self.opens_condition[self.opens_condition.partition_point(|&c| c < end)..]
            .first()
            .copied()
            .unwrap_or(usize::MAX);
        for &cue in &self.cues[first_after..] {
            let at = cue.at;
            let words = at + 1 - end;
            if clause_of(at) != last_clause
                || at > condition
                || best.is_some_and(|(d, _)| words >= d)
            {
                break;
            }
            let distance = words + breaks(end, at) * BREAK_DISTANCE;
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, cue));
            }
        }
        best.map(|(_, cue)| cue)
    }
}

/// Whether the sentence is a headline: it ends without a full stop, question or exclamation
/// mark (closing quotes and brackets aside). News bodies end their sentences; headlines,
/// on a line of their own, do not.
fn is_headline(s: &Seq) -> bool {
    let last = (0..s.len())
        .rev()
        .find(|&i| !matches!(s.punct(i), Some('"' | '\'' | ')' | ']')));
    last.is_some_and(|i| !matches!(s.punct(i), Some('.' | '?' | '!' | ':')))
}

/// `to` before a bare verb, the headline's way of saying a thing is planned: `Markets to
/// remain closed`. The verbs are listed, because after `to` a headline as often has a noun
/// (`Dow falls to record low`).
fn headline_plan(s: &Seq, i: usize) -> bool {
    i > 0 && s.is(i, Lex::To) && s.case(i + 1) == Case::Lower && s.word_in(i + 1, &BARE_VERBS)
}

/// Whether word `i` opens a temporal clause (`when they opened`, `once it is signed`,
/// `as soon as`), rather than an indirect question (`would not say when it opened`).
fn temporal_conjunction(s: &Seq, i: usize) -> bool {
    let conjunction = s.word_is(
        i,
        &[
            "when", "once", "after", "before", "until", "till", "whenever",
        ],
    ) || (s.word_is(i, &["soon"])
        && i > 0
        && s.word_is(i - 1, &["as"])
        && s.word_is(i + 1, &["as"]));
    let question = i > 0 && s.word_in(i - 1, &REPORTING_VERBS);
    // `before`, `after` and `until` also stand before a noun (`until Friday`): a clause
    // needs its subject next, here a pronoun or a determiner.
    let clause_next = !s.word_is(i, &["after", "before", "until", "till"])
        || s.word_is(
            i + 1,
            &[
                "he", "she", "it", "we", "they", "I", "you", "the", "a", "an", "its", "their",
                "his", "her", "this", "these", "those",
            ],
        );
    conjunction && !question && clause_next
}

/// Whether token `i` starts a coordinated clause of its own: it follows `;`, or it is
/// `and`/`but` after a comma with a subject next (a pronoun, a determiner or a name), as in
/// `, and she arrives`. `, and in May` or `, and later` share the first clause's verb, and
/// so its tense.
fn starts_clause(s: &Seq, i: usize) -> bool {
    if i > 0 && s.is_punct(i - 1, ';') {
        return true;
    }
    if i == 0 || !s.is_punct(i - 1, ',') || !s.word_is(i, &["and", "but", "while", "whereas"]) {
        return false;
    }
    let next = s.word(i + 1).to_ascii_lowercase();
    let subject = matches!(
        next.as_str(),
        "i" | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "this"
            | "these"
            | "those"
            | "that"
            | "there"
    );
    subject || (s.capitalised(i + 1) && s.lex(i + 1) == Lex::Other)
}

/// The tense word `i` signals, if any.
fn cue(s: &Seq, i: usize, lex: Lex) -> Option<Tense> {
    let word = s.word(i);
    let mut buf = [0u8; 16];
    if word.len() > buf.len() {
        return None;
    }
    for (b, w) in buf.iter_mut().zip(word.bytes()) {
        *b = w.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    let next = |k: usize| {
        let w = s.word(i + k);
        w.to_ascii_lowercase()
    };
    let prev = |k: usize| {
        i.checked_sub(k)
            .map(|p| s.word(p).to_ascii_lowercase())
            .unwrap_or_default()
    };
    let past_aux = |w: &str| matches!(w, "was" | "were" | "had");
    match lower {
        b"will" | b"shall" | b"might" => return Some(Tense::Future),
        // `May` the month is capitalised; `may` the verb is not.
        b"may" if word == "may" => return Some(Tense::Future),
        b"would" => return Some(Tense::Future),
        b"ll" if i > 0 && s.is_punct(i - 1, '\'') && s.glued(i) => return Some(Tense::Future),
        b"won" if s.is_punct(i + 1, '\'') && s.glued(i + 1) && next(2) == "t" => {
            return Some(Tense::Future)
        }
        b"going" if next(1) == "to" => return Some(Tense::Future),
        b"upcoming" | b"forthcoming" => return Some(Tense::Future),
        b"is" | b"are" | b"am" if next(1) == "to" => return Some(Tense::Future),
        b"plans" | b"plan" | b"planning" | b"intends" | b"intend" | b"aims" | b"aim"
        | b"expects" | b"expect" | b"hopes" | b"hope"
            if next(1) == "to" && !past_aux(&prev(1)) =>
        {
            return Some(Tense::Future)
        }
        b"expected" | b"scheduled" | b"slated" | b"set" | b"due" | b"poised" | b"likely"
        | b"planned" | b"supposed"
            if matches!(prev(1).as_str(), "is" | "are" | "am" | "be" | "s" | "re") =>
        {
            return Some(Tense::Future)
        }
        b"scheduled" | b"slated" | b"due"
            if matches!(next(1).as_str(), "for" | "to" | "on" | "in") =>
        {
            return if past_aux(&prev(1)) {
                Some(Tense::Past)
            } else {
                Some(Tense::Future)
            }
        }
        b"was" | b"were" | b"had" | b"did" | b"didn" | b"ago" => return Some(Tense::Past),
        b"is" | b"are" | b"am" | b"says" | b"say" | b"does" | b"do" => return Some(Tense::Present),
        b"has" | b"have" => {
            // The present perfect tells of the past: `has signed`, `have been`.
            return if participle(&next(1)) || participle(&next(2)) {
                Some(Tense::Past)
            } else {
                Some(Tense::Present)
            };
        }
        _ => {}
    }
    if lex != Lex::Other || s.toks[i].case != Case::Lower {
        return None;
    }
    if IRREGULAR_PAST.contains(word) || regular_past(lower) {
        // Adverbs between do not change what the word is: `the originally planned tour`.
        let mut back = 1;
        while back < 3 && prev(back).len() > 4 && prev(back).ends_with("ly") {
            back += 1;
        }
        let before = prev(back);
        return match before.as_str() {
            // A passive present (`is expected`), a state after a linking verb (`remain
            // closed`) or an adjective (`the planned stop`).
            "is" | "are" | "am" | "be" | "being" | "s" | "re" | "get" | "gets" | "maybe"
            | "remain" | "remains" | "stay" | "stays" | "seem" | "seems" | "appear" | "appears"
            | "become" | "becomes" => Some(Tense::Present),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
            | "those" => None,
            _ => Some(Tense::Past),
        };
    }
    None
}

/// A verb's past participle, as after `has`: `signed`, `been`, `made`.
fn participle(word: &str) -> bool {
    regular_past(word.as_bytes()) || PARTICIPLES.contains(word) || IRREGULAR_PAST.contains(word)
}

/// A lower-case word that looks like a regular past tense: `announced`, `signed`.
fn regular_past(lower: &[u8]) -> bool {
    lower.len() >= 5
        && lower.ends_with(b"ed")
        && !std::str::from_utf8(lower).is_ok_and(|w| NOT_VERBS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::times::token::tokenize;

    /// The tense read for the word `at` of `text` (one sentence).
    fn tense_of(text: &str, at: &str) -> Tense {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let seq = Seq::new(text, &tokens);
        let start = text.find(at).unwrap();
        let i = tokens.iter().position(|t| t.start == start).unwrap();
        Cues::read(&seq).tense_at(i, i + 1)
    }

    /// A clause of condition, cause or concession after the expression has a tense of its
    /// own: its verbs do not reach back over the conjunction.
    #[test]
    fn a_clause_of_condition_or_cause_after_keeps_its_tense_to_itself() {
        let text = "It might run out of money by March if more aid was not given.";
        assert_eq!(tense_of(text, "March"), Tense::Future);
        let text = "It closes in March because sales were weak.";
        assert_eq!(tense_of(text, "March"), Tense::Present);
        // Without the conjunction, the nearer verb after it still decides.
        let text = "In March sales were weak.";
        assert_eq!(tense_of(text, "March"), Tense::Past);
    }

    #[test]
    fn the_nearest_past_or_future_cue_decides() {
        assert_eq!(tense_of("He spoke on Monday.", "Monday"), Tense::Past);
        assert_eq!(
            tense_of("He will speak on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(tense_of("He speaks on Monday.", "Monday"), Tense::Present);
        assert_eq!(tense_of("Monday is busy.", "Monday"), Tense::Present);
        // `said` is nearer than `will`.
        assert_eq!(
            tense_of("He said on Monday that he will go.", "Monday"),
            Tense::Past
        );
        // The comma puts `said` four words further than it stands.
        assert_eq!(
            tense_of("He will go on Monday, he said.", "Monday"),
            Tense::Future
        );
    }

    #[test]
    fn auxiliaries_passives_and_adjectives() {
        assert_eq!(tense_of("It has signed on Monday.", "Monday"), Tense::Past);
        assert_eq!(
            tense_of("It has no plans for Monday.", "Monday"),
            Tense::Present
        );
        assert_eq!(
            tense_of("It is expected on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("It was expected to land Monday.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("It is to land on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("It won't land on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(tense_of("It'll land on Monday.", "Monday"), Tense::Future);
        // A passive present, and an adjective, are not past.
        assert_eq!(
            tense_of("It will be held on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The planned stop on Monday is off.", "Monday"),
            Tense::Present
        );
        // `May` the month is no cue; `may` the verb is.
        assert_eq!(
            tense_of("In May he spoke on Monday.", "Monday"),
            Tense::Past
        );
        assert_eq!(tense_of("He may speak on Monday.", "Monday"), Tense::Future);
    }

    #[test]
    fn a_coordinated_clause_with_its_own_subject_keeps_its_own_tense() {
        let text = "He left last Friday, and she arrives this Friday.";
        assert_eq!(tense_of(text, "last"), Tense::Past);
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let seq = Seq::new(text, &tokens);
        let second = text.rfind("Friday").unwrap();
        let i = tokens.iter().position(|t| t.start == second).unwrap();
        assert_eq!(Cues::read(&seq).tense_at(i - 1, i + 1), Tense::Present);
        assert_eq!(
            tense_of("He left on Monday; she stays until Friday.", "Friday"),
            Tense::Present
        );
        // Without a subject of its own the second part shares the first verb.
        assert_eq!(
            tense_of("Prices rose in March, and again on Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn a_period_before_a_data_noun_is_past() {
        assert_eq!(
            tense_of("GM will report its October sales.", "October"),
            Tense::Past
        );
    }
}
