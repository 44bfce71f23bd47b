//! The domain: events, actors, sources and quotes, with resolved ids and spans.
//! Nothing here knows about JSON or terminals.

use std::ops::Range;
use std::sync::Arc;

use crate::date::EdtfDate;

mod attributes;
pub use attributes::{Attributes, Shapes, ValueRef};

/// Index of an actor in `Timeline::actors`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorId(pub u32);

/// Index of a source in `Timeline::sources`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u32);

/// Index of an event in `Timeline::events`, i.e. its position in timeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIx(pub u32);

impl ActorId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl SourceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EventIx {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Person,
    State,
    Organization,
    Alliance,
    Group,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organization,
        ActorKind::Alliance,
        ActorKind::Group,
        ActorKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organization => "organization",
            ActorKind::Alliance => "alliance",
            ActorKind::Group => "group",
            ActorKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The id used in records, e.g. `putin`.
    pub id: String,
    pub name: String,
    pub kind: Option<ActorKind>,
    pub aliases: Vec<String>,
    pub affiliation: Option<ActorId>,
    pub description: Option<String>,
}

impl Actor {
    /// The name to show where space is short: a person's surname (the last word that is a
    /// name: not "Jr." or "III", not a number), else the shortest one-word alias shorter than
    /// the name (a state's initials only), falling back to the name.
    pub fn short_name(&self) -> &str {
        if self.kind == Some(ActorKind::Person) {
            let surname = self
                .name
                .split_whitespace()
                .rev()
                .map(|word| word.trim_end_matches(','))
                .find(|word| is_surname(word));
            return surname.unwrap_or(&self.name);
        }
        // A state's other one-word names are as often its adjective ("German" of Germany,
        // "British" of the United Kingdom), which in a list of actors reads as a nationality:
        // only its initials ("U.K.", "US") stand for it.
        let initials_only = self.kind == Some(ActorKind::State);
        let initials = |a: &str| {
            a.chars().any(char::is_alphabetic)
                && a.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        };
        self.aliases
            .iter()
            .map(String::as_str)
            .filter(|a| a.chars().count() < self.name.chars().count() && !a.contains(' '))
            .filter(|a| !initials_only || initials(a))
            .min_by_key(|a| a.chars().count())
            .unwrap_or(&self.name)
    }
}

/// Whether `word`, the last of a person's name, is the surname rather than a suffix, a regnal
/// number or an ordinal ("King" in "Martin Luther King Jr.", "Louis" in "Louis XIV", "Doe" in
/// "Jane Doe M.D.", "Smith" in "John Smith 3rd").
fn is_surname(word: &str) -> bool {
    const SUFFIXES: [&str; 6] = ["jr", "sr", "phd", "md", "esq", "dds"];
    let bare: String = word
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let roman = word.chars().all(|c| "IVXLCDM".contains(c));
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(|c| c.is_ascii_digit())
        && !roman
        && !SUFFIXES.contains(&bare.as_str())
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// When the source was published: a different time from when the events it reports
    /// happened, and shown beside them.
    pub published: Option<EdtfDate>,
    /// The SHA-256 of the text file's bytes as pinned in `sources.json` (64 lowercase hex
    /// digits), checked against the file on every load.
    pub sha256: Option<String>,
    /// The path as written in `sources.json`, relative to the dataset folder.
    pub file: String,
    /// The whole document, verbatim.
    pub text: String,
    /// Byte spans of the document's sentences, in order, trimmed of surrounding white space
    /// (read one with `sentence`): four-byte offsets, as a source text is under 4 GiB.
    pub sentences: Vec<Range<u32>>,
}

impl Source {
    /// The text of sentence `index` (0-based), verbatim.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentence(index)
            .and_then(|span| self.text.get(span))
            .unwrap_or("")
    }

    /// The byte span of sentence `index` (0-based).
    pub fn sentence(&self, index: usize) -> Option<Range<usize>> {
        self.sentences
            .get(index)
            .map(|span| span.start as usize..span.end as usize)
    }

    /// The 0-based index of the sentence holding byte `offset`, or the one before it when the
    /// offset falls between sentences.
    pub fn sentence_at(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|span| span.start as usize <= offset)
            .saturating_sub(1)
    }
}

/// Sentence spans as a source holds them (see `Source::sentences`).
pub fn sentence_spans(spans: Vec<Range<usize>>) -> Vec<Range<u32>> {
    spans.into_iter().map(offsets).collect()
}

/// A short text that many events share (a type, a place, a tag), stored once however many
/// events carry it: a million events name a few dozen types and places.
pub type Label = arcstr::ArcStr;

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub source: SourceId,
    /// The quote as the record gives it, kept only where that differs from the source's words
    /// at `span` (other white space or quote marks); `None` means those words are the quote.
    /// Verbatim quotes, nearly all of them, are not stored twice. Read it with `text`.
    pub written: Option<Box<str>>,
    /// Where the quote lies in the source text, in bytes (read it with `span()`). Four bytes
    /// an offset rather than eight, as a source text is under 4 GiB (the loader refuses a
    /// bigger one): a million quotes each fit a smaller block of memory.
    pub span: Range<u32>,
    /// The 0-based sentences the quote touches (end exclusive, never empty); see `sentences()`.
    pub sentences: Range<u32>,
}

/// `offset` as a quote holds it. Source texts over 4 GiB are refused when read, so an offset
/// into one always fits; one that did not would stand at the text's end, where nothing is.
pub fn offset(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// `range` as a quote holds it (see `offset`).
pub fn offsets(range: Range<usize>) -> Range<u32> {
    offset(range.start)..offset(range.end)
}

impl Quote {
    /// The quote's text: as written in the record, which is the source's own words unless
    /// `written` says otherwise. `source` must be the quote's source.
    pub fn text<'a>(&'a self, source: &'a Source) -> &'a str {
        match &self.written {
            Some(written) => written,
            None => source.text.get(self.span()).unwrap_or(""),
        }
    }

    /// Where the quote lies in the source text, in bytes.
    pub fn span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }

    /// The 0-based sentences the quote touches (end exclusive, never empty).
    pub fn sentences(&self) -> Range<usize> {
        self.sentences.start as usize..self.sentences.end as usize
    }

    /// A quote as a record wrote it, its place in the source not yet found.
    pub fn unplaced(source: SourceId, text: impl Into<Box<str>>) -> Quote {
        Quote {
            source,
            written: Some(text.into()),
            span: 0..0,
            sentences: 0..0,
        }
    }

    /// Whether the quote as written is exactly the source's words at `span`.
    pub fn is_verbatim_at(&self, source: &Source, span: &Range<usize>) -> bool {
        self.written.as_deref() == source.text.get(span.clone())
    }

    /// Records where the quote lies in its source; `verbatim` (see `is_verbatim_at`) forgets
    /// the written text, which the source then gives.
    pub fn place(&mut self, span: Range<usize>, sentences: Range<usize>, verbatim: bool) {
        if verbatim {
            self.written = None;
        }
        self.span = offsets(span);
        self.sentences = offsets(sentences);
    }

    /// The first sentence the quote lies in, 1-based as shown to people.
    pub fn sentence_number(&self) -> usize {
        self.sentences.start as usize + 1
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    // Boxed strings rather than `String`s: no spare capacity and one word less each, which
    // over a million events is tens of megabytes.
    pub id: Box<str>,
    pub date: EdtfDate,
    /// Shared by the events with the same title: an export's titles are made of its types and
    /// actors' names ("Peaceful protest: Protesters (India)"), which repeat over a million rows.
    pub title: Label,
    pub summary: Option<Box<str>>,
    pub kind: Option<Label>,
    pub actors: Box<[ActorId]>,
    pub location: Option<Label>,
    pub tags: Box<[Label]>,
    pub quotes: Box<[Quote]>,
    /// Further named facts from the record's origin (e.g. an importer's codes and scores),
    /// shown in the detail pane, sorted by name once loaded.
    pub attributes: Attributes,
    /// Each actor's parts in the event, in the order of `actors`, where the source says them
    /// (GDELT's Actor1 is the source, Actor2 the target); empty when no role is known.
    pub roles: Box<[Roles]>,
    /// The country and administrative areas the event happened in, shared by the events of
    /// one place.
    pub region: Option<Arc<Region>>,
    /// Where the event happened on the map, when the source gives coordinates.
    pub point: Option<Arc<Point>>,
}

impl Event {
    /// The roles of the event's `nth` actor (none when unknown).
    pub fn roles_of(&self, nth: usize) -> Roles {
        self.roles.get(nth).copied().unwrap_or_default()
    }

    /// The attribute `name` as a number, when the event has it and it is one (a number, or
    /// text that reads as one, as older datasets wrote numbers).
    pub fn number(&self, name: &str) -> Option<f64> {
        self.attribute(name)?.number()
    }

    /// The value of the attribute `name`, when the event has it.
    pub fn attribute(&self, name: &str) -> Option<ValueRef<'_>> {
        self.attributes.get(name)
    }
}

/// Adds `item` at the end of one of an event's lists, which are held sized exactly (a
/// million events' spare room would be tens of megabytes): for the importers, which add to
/// an event as they read on.
pub fn push_to<T>(list: &mut Box<[T]>, item: T) {
    let mut items = std::mem::take(list).into_vec();
    items.push(item);
    *list = items.into_boxed_slice();
}

/// The value of an event's attribute: a number (fatalities, a tone) or text (a code, a name).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(Number),
    /// A label, shared by every event with the same value: an export's codes and names
    /// (CAMEO codes, outlets, interaction types) repeat over a million rows.
    Text(Label),
}

impl Value {
    /// The value as a number: a number's own, or text that reads as one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.value()),
            Value::Text(text) => text.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
        }
    }

    /// Text, as given.
    pub fn text(text: impl Into<Label>) -> Value {
        Value::Text(text.into())
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(n) => n.fmt(f),
            Value::Text(text) => f.write_str(text),
        }
    }
}

/// A finite number, shown as it was written: "2.50" stays "2.50" and a tone of
/// -3.6496350364963503 keeps all its digits, where the shortest form of the float would
/// differ; a number computed rather than read shows its shortest form ("3", not "3.0").
#[derive(Clone, Debug, PartialEq)]
pub struct Number(Digits);

/// A number's value, with the text it was read from only where that differs from the
/// shortest form of the value (nearly never; always a JSON number then). Boxed there, so that
/// a number is two words and a `Value` too: a million rows of a dozen numbers each.
#[derive(Clone, Debug, PartialEq)]
enum Digits {
    Shortest(f64),
    Written(Box<(f64, Box<str>)>),
}

impl Number {
    /// The number `text` writes in JSON's syntax (`-12`, `0.5`, `1e3`; not `+1`, `.5`, `inf`),
    /// when it is finite.
    pub fn parse(text: &str) -> Option<Number> {
        if !is_json_number(text) {
            return None;
        }
        let value = text.parse::<f64>().ok().filter(|v| v.is_finite())?;
        let number = Number::from_f64(value)?;
        if number.to_string() != text {
            return Some(Number(Digits::Written(Box::new((value, text.into())))));
        }
        Some(number)
    }

    /// `value` when it is finite, shown in its shortest form.
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number(Digits::Shortest(value)))
    }

    pub fn value(&self) -> f64 {
        match &self.0 {
            Digits::Shortest(value) => *value,
            Digits::Written(written) => written.0,
        }
    }

    /// The text the number was read from, where it differs from the shortest form.
    fn written(&self) -> Option<&str> {
        match &self.0 {
            Digits::Shortest(_) => None,
            Digits::Written(written) => Some(&written.1),
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.written() {
            Some(text) => f.write_str(text),
            // Display gives the shortest text that reads back as the same float, without an
            // exponent: always a JSON number.
            None => write!(f, "{}", self.value()),
        }
    }
}

/// Whether `text` is a number in JSON's syntax: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let whole = digits(&mut at);
    if whole == 0 || (whole > 1 && bytes[at - whole] == b'0') {
        return false;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// An actor's part in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Who acted (GDELT Actor1, ACLED actor1).
    Source,
    /// Who was acted upon (GDELT Actor2, ACLED actor2).
    Target,
    /// Who took part beside the source or the target, the side unsaid (older datasets).
    Associated,
    /// Who took part on the source's side (ACLED's assoc_actor_1).
    AssociatedSource,
    /// Who took part on the target's side (ACLED's assoc_actor_2).
    AssociatedTarget,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Source,
        Role::Target,
        Role::Associated,
        Role::AssociatedSource,
        Role::AssociatedTarget,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Target => "target",
            Role::Associated => "associated",
            Role::AssociatedSource => "associated-source",
            Role::AssociatedTarget => "associated-target",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The parts one actor plays in an event: mostly one, two when an actor acts upon itself
/// (GDELT's USAGOV → USAGOV, ACLED's intra-militia clashes) or is the target and also named
/// beside the source. None when the source says nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Roles(u8);

impl Roles {
    /// No role known.
    pub const NONE: Roles = Roles(0);

    pub fn one(role: Role) -> Roles {
        Roles(role.bit())
    }

    /// These roles and `role` too.
    #[must_use]
    pub fn with(self, role: Role) -> Roles {
        Roles(self.0 | role.bit())
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as one byte, a bit per role (for storing it).
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set from `bits`, when every bit set names a role.
    pub fn from_bits(bits: u8) -> Option<Roles> {
        let all = Role::ALL.iter().fold(0, |all, role| all | role.bit());
        (bits & !all == 0).then_some(Roles(bits))
    }

    /// The roles, in `Role::ALL`'s order (source before target).
    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// The role names joined by `sep`: "source", "source, target".
    pub fn join(self, sep: &str) -> String {
        self.iter().map(Role::as_str).collect::<Vec<_>>().join(sep)
    }
}

/// A country and its administrative areas (ACLED's admin1/admin2; GDELT's ADM1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Region {
    pub country: Option<Label>,
    pub admin1: Option<Label>,
    pub admin2: Option<Label>,
}

impl std::fmt::Display for Region {
    /// Smallest area first, as places are written: "El Fasher, North Darfur, Sudan".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts = [&self.admin2, &self.admin1, &self.country];
        let mut first = true;
        for part in parts.into_iter().flatten() {
            if !first {
                f.write_str(", ")?;
            }
            f.write_str(part)?;
            first = false;
        }
        Ok(())
    }
}

/// A place on the globe in degrees (WGS 84).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

impl std::fmt::Display for Point {
    /// Latitude then longitude, as written in the data: "15.5007, 32.5599".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", self.lat, self.lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Actor {
        Actor {
            id: "p".into(),
            name: name.into(),
            kind: Some(ActorKind::Person),
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        }
    }

    #[test]
    fn a_persons_short_name_is_the_surname_past_suffixes_and_numbers() {
        for (name, short) in [
            ("Vladimir Putin", "Putin"),
            ("Martin Luther King Jr.", "King"),
            ("Martin Luther King, Jr.", "King"),
            ("Charles III", "Charles"),
            ("Hana Wei 1158", "Wei"),
            ("John Smith Sr", "Smith"),
            ("Cher", "Cher"),
            ("  Boris   Johnson ", "Johnson"),
            ("III", "III"),
        ] {
            assert_eq!(person(name).short_name(), short, "{name}");
        }
    }

    /// Found by a new user's trial (17 U13): drafted states carry their adjectives as aliases,
    /// and the events' actor column read "[France, German, British]".
    #[test]
    fn a_states_short_name_is_its_name_not_its_adjective() {
        let state = |name: &str, aliases: &[&str]| Actor {
            kind: Some(ActorKind::State),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..person(name)
        };
        assert_eq!(state("Germany", &["German"]).short_name(), "Germany");
        assert_eq!(
            state("United Kingdom", &["British", "Britain"]).short_name(),
            "United Kingdom"
        );
        // Its initials still stand for it; a mark with no letters does not (found by review).
        assert_eq!(state("Chad", &["--", "T.D."]).short_name(), "Chad");
        assert_eq!(
            state("United Kingdom", &["British", "U.K."]).short_name(),
            "U.K."
        );
        let firm = Actor {
            kind: Some(ActorKind::Organization),
            aliases: vec!["GM".into()],
            ..person("General Motors")
        };
        // Other kinds keep their shortest one-word alias.
        assert_eq!(firm.short_name(), "GM");
    }

    /// Found by review: "XIV", "3rd" and "M.D." were taken for surnames.
    #[test]
    fn regnal_numbers_ordinals_and_dotted_degrees_are_not_surnames() {
        let got: Vec<(&str, String)> = [
            "Louis XIV",
            "Pope Benedict XVI",
            "Alfonso XIII",
            "John Smith 3rd",
            "Jane Doe M.D.",
        ]
        .into_iter()
        .map(|n| (n, person(n).short_name().to_string()))
        .collect();
        assert_eq!(
            got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
            ["Louis", "Benedict", "Alfonso", "Smith", "Doe"],
            "{got:?}"
        );
    }

    /// Two words a value as given; an event holds its attributes in two words however many
    /// (see `Attributes`).
    #[test]
    fn a_value_takes_two_words_and_an_events_attributes_two() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Attributes>(), 16);
    }

    #[test]
    fn numbers_show_as_written_and_computed_ones_in_their_shortest_form() {
        for text in ["3", "-10", "0.1", "2.50", "1e3", "-3.6496350364963503", "0"] {
            let n = Number::parse(text).unwrap_or_else(|| panic!("{text} is a number"));
            assert_eq!(n.to_string(), text);
        }
        assert_eq!(Number::parse("2.50").map(|n| n.value()), Some(2.5));
        assert_eq!(
            Number::parse("3").map(|n| n.written().is_none()),
            Some(true)
        );
        assert_eq!(
            Number::parse("2.50").as_ref().and_then(Number::written),
            Some("2.50")
        );
        for text in [
            "+1", ".5", "5.", "007", "inf", "NaN", "1e999", "", "-", "1e", "1 ",
        ] {
            assert_eq!(Number::parse(text), None, "{text}");
        }
        let computed = Number::from_f64(3.0).map(|n| n.to_string());
        assert_eq!(computed.as_deref(), Some("3"));
        assert_eq!(Number::from_f64(f64::NAN), None);
    }

    #[test]
    fn an_attribute_reads_as_a_number_whether_typed_or_written_as_text() {
        let mut event = crate::sample::timeline().events()[0].clone();
        event.attributes = Attributes::from([
            (
                "fatalities".into(),
                Value::Number(Number::parse("12").unwrap()),
            ),
            ("old".into(), Value::text(" 4.5 ")),
            ("code".into(), Value::text("ZWE")),
        ]);
        assert_eq!(event.number("fatalities"), Some(12.0));
        assert_eq!(event.number("old"), Some(4.5));
        assert_eq!(event.number("code"), None);
        assert_eq!(event.number("missing"), None);
        assert_eq!(
            event.attribute("code").map(|v| v.to_string()).as_deref(),
            Some("ZWE")
        );
    }

    fn source(text: &str) -> Source {
        crate::sample::source("s", "S", text)
    }

    #[test]
    fn a_verbatim_quote_is_read_from_its_source_and_not_stored_twice() {
        let source = source("He said: the talks failed. Then he left.");
        let mut quote = Quote::unplaced(SourceId(0), "the talks failed.");
        assert!(quote.is_verbatim_at(&source, &(9..26)));
        quote.place(9..26, 0..1, true);
        assert_eq!(source.sentences.len(), 2);
        assert_eq!(quote.written, None);
        assert_eq!(quote.text(&source), "the talks failed.");
    }

    #[test]
    fn a_quote_written_differently_keeps_its_own_text() {
        let source = source("He said: the talks\n   failed. Then he left.");
        let mut quote = Quote::unplaced(SourceId(0), "the talks failed.");
        assert!(!quote.is_verbatim_at(&source, &(9..29)));
        quote.place(9..29, 0..1, false);
        assert_eq!(quote.written.as_deref(), Some("the talks failed."));
        assert_eq!(quote.text(&source), "the talks failed.");
    }
}
