//! The native format's optional fields for imported data: actor roles, a region, coordinates
//! and numeric attributes. Old datasets (the small fixture has none of them) load unchanged;
//! each field's mistakes are problems naming file and line; a dataset written out loads back
//! with the same values.

use std::sync::Arc;

use chronicle::export::write_dataset;
use chronicle::files::DatasetLocation;
use chronicle::load::load;
use chronicle::model::{Point, Role, Roles, ValueRef};

#[path = "support/dataset.rs"]
mod dataset;

use dataset::{broken, Copy};

/// The `denial` event of the small fixture, its closing brace replaced by `extra` fields.
const DENIAL_END: &str = "\"text\": \"Putin denied any plans to invade.\"}]}";

fn denial_with(extra: &str) -> String {
    format!("\"text\": \"Putin denied any plans to invade.\"}}], {extra}}}")
}

fn with_denial(extra: &str) -> Vec<String> {
    broken("events.jsonl", DENIAL_END, &denial_with(extra))
}

#[test]
fn roles_region_coordinates_and_numbers_load() {
    let copy = Copy::new();
    copy.replace(
        "events.jsonl",
        "\"actors\": [\"putin\", \"johnson\", \"russia\", \"uk\"]",
        "\"actors\": [\"putin\", \"johnson\", \"russia\", \"uk\"], \"roles\": {\"johnson\": \
         \"target\", \"putin\": \"source\"}, \"region\": {\"country\": \"Russia\", \"admin1\": \
         \"Moscow\"}, \"coordinates\": {\"lat\": 55.75, \"lon\": 37.62}, \"attributes\": \
         {\"minutes\": 50, \"tone\": -3.6496350364963503, \"share\": 2.50, \"code\": \"043\"}",
    );
    copy.replace(
        "events.jsonl",
        DENIAL_END,
        &denial_with("\"region\": {\"country\": \"Russia\", \"admin1\": \"Moscow\"}"),
    );
    let dataset = copy.load().unwrap_or_else(|p| panic!("{p:?}"));
    let timeline = &dataset.timeline;
    let event = |id: &str| {
        let ix = timeline.event_by_id(id).expect("the event");
        timeline.event(ix)
    };
    let call = event("call");
    // One role per actor, in the order of the actors; russia and uk have none.
    assert_eq!(
        (0..4).map(|n| call.roles_of(n)).collect::<Vec<_>>(),
        [
            Roles::one(Role::Source),
            Roles::one(Role::Target),
            Roles::NONE,
            Roles::NONE
        ]
    );
    assert_eq!(
        call.point.as_deref(),
        Some(&Point {
            lat: 55.75,
            lon: 37.62
        })
    );
    let region = call.region.as_ref().expect("a region");
    assert_eq!(region.country.as_deref(), Some("Russia"));
    assert_eq!(region.admin1.as_deref(), Some("Moscow"));
    assert_eq!(region.admin2, None);
    // The events of one place share one region.
    let denial = event("denial");
    assert!(Arc::ptr_eq(
        region,
        denial.region.as_ref().expect("a region")
    ));
    assert!(denial.roles.is_empty() && denial.point.is_none());
    // Numbers are numbers, shown as written; strings stay text.
    assert_eq!(call.number("minutes"), Some(50.0));
    assert!(matches!(
        call.attribute("minutes"),
        Some(ValueRef::Number(_))
    ));
    let shown = |name: &str| call.attribute(name).map(|v| v.to_string());
    assert_eq!(shown("tone").as_deref(), Some("-3.6496350364963503"));
    assert_eq!(shown("share").as_deref(), Some("2.50"));
    assert_eq!(shown("code").as_deref(), Some("043"));
    assert!(matches!(call.attribute("code"), Some(ValueRef::Text(_))));

    // Written out and read back: the same values, numbers as numbers.
    let out = tempfile::tempdir().expect("temp dir");
    let written = out.path().join("again");
    write_dataset(timeline, &written, false).unwrap_or_else(|e| panic!("{e:?}"));
    let events = std::fs::read_to_string(written.join("events.jsonl")).expect("written events");
    assert!(events.contains("\"share\":2.50"), "{events}");
    assert!(events.contains("\"minutes\":50,"), "{events}");
    assert!(
        events.contains("\"roles\":{\"johnson\":\"target\",\"putin\":\"source\"}"),
        "{events}"
    );
    let again = load(&DatasetLocation::Folder(written)).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(again.timeline.events(), timeline.events());
}

#[test]
fn a_role_must_be_one_and_for_an_actor_of_the_event() {
    assert_eq!(
        with_denial("\"roles\": {\"putin\": \"victim\"}"),
        [
            "DATA/events.jsonl:4: event 'denial': actor 'putin' has the role 'victim'; a role is \
          source, target, associated, associated-source or associated-target"
        ]
    );
    // Several roles are a list of them, each one a role.
    assert_eq!(
        with_denial("\"roles\": {\"putin\": [\"source\", \"victim\"]}"),
        [
            "DATA/events.jsonl:4: event 'denial': actor 'putin' has the role 'victim'; a role is \
          source, target, associated, associated-source or associated-target"
        ]
    );
    assert_eq!(
        with_denial("\"roles\": {\"putin\": [\"source\", 3]}"),
        ["DATA/events.jsonl:4: roles, 'putin', item 2: expected a string, found a number 3"]
    );
    assert_eq!(
        with_denial("\"roles\": {\"putin\": 3}"),
        [
            "DATA/events.jsonl:4: roles, 'putin': expected a string or a list of strings, found \
          a number 3"
        ]
    );
    assert_eq!(
        with_denial("\"roles\": {\"johnson\": \"target\"}"),
        [
            "DATA/events.jsonl:4: event 'denial': roles names 'johnson', which is not among the \
          event's actors\n  hint: list the actor under \"actors\" too, or drop its role"
        ]
    );
    assert_eq!(
        with_denial("\"roles\": [\"putin\"]"),
        [
            "DATA/events.jsonl:4: roles: expected an object of roles by actor id {\"actor\": \
          \"source\", ...}, found a list"
        ]
    );
}

#[test]
fn coordinates_out_of_range_or_of_the_wrong_shape_are_problems() {
    assert_eq!(
        with_denial("\"coordinates\": {\"lat\": 95.5, \"lon\": -200}"),
        [
            "DATA/events.jsonl:4: event 'denial': latitude 95.5 is not between -90 and 90",
            "DATA/events.jsonl:4: event 'denial': longitude -200 is not between -180 and 180",
        ]
    );
    assert_eq!(
        with_denial("\"coordinates\": {\"lat\": \"55\", \"long\": 37}"),
        [
            "DATA/events.jsonl:4: coordinates, lat: expected a number, found a string '55'",
            "DATA/events.jsonl:4: coordinates: unknown field 'long', expected 'lat' or 'lon'",
            "DATA/events.jsonl:4: coordinates: missing field 'lon'",
        ]
    );
    // A wrong shape does not hide a value out of range beside it.
    assert_eq!(
        with_denial("\"coordinates\": {\"lat\": \"12.5\", \"lon\": 200}"),
        [
            "DATA/events.jsonl:4: coordinates, lat: expected a number, found a string '12.5'",
            "DATA/events.jsonl:4: coordinates, lon: 200 is not between -180 and 180",
        ]
    );
    assert_eq!(
        with_denial("\"region\": {\"country\": \"Russia\", \"city\": \"Moscow\"}"),
        [
            "DATA/events.jsonl:4: region: unknown field 'city', expected one of 'country', \
          'admin1', 'admin2'"
        ]
    );
}

#[test]
fn a_number_too_large_for_a_float_is_a_problem() {
    assert_eq!(
        with_denial("\"attributes\": {\"n\": 1e999}"),
        ["DATA/events.jsonl:4: event 'denial': attribute 'n': 1e999 is too large a number"]
    );
}
