//! A small timeline built by hand, for tests and examples that must not depend on the loader.
//!
//! Source texts hold exactly one sentence per line, so the sentence numbers do not depend on how
//! clever the sentence splitter is.

use crate::date::EdtfDate;
use crate::model::{
    Actor, ActorId, ActorKind, Event, Label, Number, Point, Quote, Region, Source, SourceId, Value,
};
use crate::sentences::split_sentences;
use crate::timeline::Timeline;

const KREMLIN_TEXT: &str = "\
Vladimir Putin and Boris Johnson spoke by telephone on 13 December.
The President of Russia raised the question of NATO expansion to the east.
Johnson said any Russian incursion into Ukraine would be a strategic mistake.
Both leaders agreed to keep in contact.
Officials in London described the call as frank.
The Kremlin said security guarantees were needed from the West.
Putin again mentioned the Minsk agreements.
No date was set for a further call.
";

const COUNCIL_TEXT: &str = "\
The European Council met in Brussels on 16 December 2021.
Leaders stressed that any further military aggression against Ukraine will have massive consequences.
The E.U. coordinates closely with the United Kingdom and NATO.
The Council condemned the activities of the Wagner Group.
Restrictive measures were adopted against individuals linked to Wagner.
The Council will keep the situation under review.
";

const KREMLIN: SourceId = SourceId(0);
const COUNCIL: SourceId = SourceId(1);

/// The sample timeline: 2 sources, 8 actors, 10 events with varied date precisions.
pub fn timeline() -> Timeline {
    let sources = vec![
        source(
            "kremlin-call",
            "Telephone conversation with Boris Johnson",
            KREMLIN_TEXT,
        ),
        source(
            "council-conclusions",
            "European Council conclusions, 16 December 2021",
            COUNCIL_TEXT,
        ),
    ];
    let actors = vec![
        actor(
            "putin",
            "Vladimir Putin",
            ActorKind::Person,
            &["President of Russia"],
            Some(2),
        ),
        actor("johnson", "Boris Johnson", ActorKind::Person, &[], Some(3)),
        actor(
            "russia",
            "Russia",
            ActorKind::State,
            &["Russian Federation"],
            None,
        ),
        actor("uk", "United Kingdom", ActorKind::State, &["U.K."], None),
        actor(
            "nato",
            "NATO",
            ActorKind::Alliance,
            &["North Atlantic Treaty Organisation"],
            None,
        ),
        actor(
            "eu",
            "European Union",
            ActorKind::Organization,
            &["E.U."],
            None,
        ),
        actor("wagner", "Wagner Group", ActorKind::Group, &[], None),
        actor("west", "the West", ActorKind::Other, &[], None),
    ];
    let q = |source: SourceId, text: &str| quote(&sources, source, text);
    let events = vec![
        event(
            "buildup",
            "2021-11~",
            "Russian troop build-up near Ukraine reported",
            &[2, 4, 7],
            vec![],
        ),
        event(
            "nato-warning",
            "2021-12-07",
            "Putin warns the West over NATO expansion",
            &[0, 7, 4],
            vec![q(KREMLIN, "raised the question of NATO expansion")],
        ),
        event(
            "g7-liverpool",
            "2021-12-10/2021-12-12",
            "G7 foreign ministers meet in Liverpool",
            &[3, 5, 7],
            vec![q(COUNCIL, "coordinates closely with the United Kingdom")],
        ),
        event(
            "putin-johnson-call",
            "2021-12-13",
            "Putin and Johnson speak by telephone",
            &[0, 1, 2, 3],
            vec![
                q(KREMLIN, "spoke by telephone on 13 December"),
                q(KREMLIN, "would be a strategic mistake"),
                q(COUNCIL, "keep the situation under review"),
            ],
        ),
        event(
            "council-warning",
            "2021-12-16",
            "European Council warns of massive consequences",
            &[5, 2],
            vec![q(COUNCIL, "will have massive consequences")],
        ),
        event(
            "wagner-sanctions",
            "2021-12",
            "EU sanctions the Wagner Group",
            &[5, 6, 2],
            vec![
                q(COUNCIL, "condemned the activities of the Wagner Group"),
                q(COUNCIL, "Restrictive measures were adopted"),
            ],
        ),
        event(
            "draft-treaties",
            "2021-12-17",
            "Russia publishes draft security treaties",
            &[2, 4, 7, 0],
            vec![q(KREMLIN, "security guarantees were needed from the West")],
        ),
        event(
            "nato-russia-council",
            "2022-01~",
            "NATO-Russia Council meets in Brussels",
            &[4, 2],
            vec![q(KREMLIN, "NATO expansion to the east")],
        ),
        event(
            "wagner-mali",
            "2021?",
            "Wagner Group deploys to Mali",
            &[6, 2],
            vec![q(COUNCIL, "the activities of the Wagner Group")],
        ),
        event(
            "invasion",
            "2022-02-24T09:00Z",
            "Johnson condemns the invasion of Ukraine",
            &[1, 3, 0],
            vec![],
        ),
    ];
    Timeline::new(events, actors, sources)
}

/// One event of `places`: id, date, type, actors, region, (latitude, longitude), attributes.
type PlaceRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [u32],
    Option<std::sync::Arc<Region>>,
    Option<(f64, f64)>,
    &'static [(&'static str, &'static str)],
);

/// A sample of places and numbers, as an ACLED import gives them: 6 events in 3 countries
/// (one event without a region), 4 with coordinates, a `fatalities` count on all but one
/// (which writes "unknown") and a decimal `tone` on three.
pub fn places() -> Timeline {
    let actors = vec![
        actor("army", "Army", ActorKind::Group, &[], None),
        actor("militia", "Militia", ActorKind::Group, &[], None),
        actor("protesters", "Protesters", ActorKind::Group, &[], None),
    ];
    let place = |country: &str, admin1: &str| {
        Some(std::sync::Arc::new(Region {
            country: Some(country.into()),
            admin1: Some(admin1.into()),
            admin2: None,
        }))
    };
    let rows: [PlaceRow; 6] = [
        (
            "clash-donetsk",
            "2022-01-10",
            "Battles",
            &[0, 1],
            place("Ukraine", "Donetsk"),
            Some((48.0, 37.8)),
            &[("fatalities", "10"), ("tone", "-4.5")],
        ),
        (
            "clash-kharkiv",
            "2022-01-20",
            "Battles",
            &[0],
            place("Ukraine", "Kharkiv"),
            Some((50.0, 36.2)),
            &[("fatalities", "3")],
        ),
        (
            "protest-kyiv",
            "2022-02-05",
            "Protests",
            &[2],
            place("Ukraine", "Kyiv City"),
            Some((50.45, 30.52)),
            &[("fatalities", "0"), ("tone", "0.1")],
        ),
        (
            "blast-belgorod",
            "2022-02-14",
            "Explosions",
            &[1],
            place("Russia", "Belgorod"),
            Some((50.6, 36.6)),
            &[("fatalities", "2"), ("tone", "0.2")],
        ),
        (
            "protest-tbilisi",
            "2022-03-01",
            "Protests",
            &[2],
            place("Georgia", "Tbilisi"),
            None,
            &[("fatalities", "0")],
        ),
        (
            "clash-unplaced",
            "2022-03-02",
            "Battles",
            &[0, 1],
            None,
            None,
            &[("fatalities", "unknown")],
        ),
    ];
    let events = rows
        .into_iter()
        .map(
            |(id, date, kind, actors, region, point, attributes)| Event {
                kind: Some(kind.into()),
                tags: Box::default(),
                summary: None,
                location: None,
                region,
                point: point.map(|(lat, lon)| std::sync::Arc::new(Point { lat, lon })),
                // Numbers typed as the loader types them; "unknown" stays text.
                attributes: attributes
                    .iter()
                    .map(|(k, v)| {
                        let value = Number::parse(v).map_or_else(|| Value::text(*v), Value::Number);
                        (Label::from(*k), value)
                    })
                    .collect(),
                ..event(id, date, &format!("{kind} ({id})"), actors, Vec::new())
            },
        )
        .collect();
    Timeline::new(events, actors, Vec::new())
}

/// A source with `text`, split into sentences.
pub(crate) fn source(id: &str, title: &str, text: &str) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        publisher: None,
        url: None,
        published: None,
        sha256: None,
        file: format!("sources/{id}.txt"),
        text: text.into(),
        sentences: crate::model::sentence_spans(split_sentences(text)),
    }
}

fn actor(
    id: &str,
    name: &str,
    kind: ActorKind,
    aliases: &[&str],
    affiliation: Option<u32>,
) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: Some(kind),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        affiliation: affiliation.map(ActorId),
        description: None,
    }
}

/// A quote located in its source; the sample texts are constants, so a miss is a bug here.
fn quote(sources: &[Source], source: SourceId, text: &str) -> Quote {
    let doc = &sources[source.index()];
    let start = doc
        .text
        .find(text)
        .unwrap_or_else(|| panic!("sample quote {text:?} is not in {}", doc.id));
    let span = start..start + text.len();
    let first = doc.sentence_at(span.start);
    let last = doc.sentence_at(span.end.saturating_sub(1));
    Quote {
        source,
        written: None,
        span: crate::model::offsets(span),
        sentences: crate::model::offsets(first..last + 1),
    }
}

fn event(id: &str, date: &str, title: &str, actors: &[u32], quotes: Vec<Quote>) -> Event {
    Event {
        id: id.into(),
        date: EdtfDate::parse(date).unwrap_or_else(|e| panic!("sample date {date}: {e}")),
        title: title.into(),
        summary: Some(
            format!(
                "{title}. This is a sample event written by hand for tests; it has {} quote(s).",
                quotes.len()
            )
            .into(),
        ),
        kind: Some("diplomacy".into()),
        actors: actors.iter().copied().map(ActorId).collect(),
        location: Some("Moscow".into()),
        tags: Box::new(["sample".into(), "ukraine".into()]),
        quotes: quotes.into(),
        attributes: Default::default(),
        roles: Box::default(),
        region: None,
        point: None,
    }
}
