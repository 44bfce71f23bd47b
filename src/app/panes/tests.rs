//! The stats and map panes, the sort and the range, place and area filters, driven by actions
//! over the sample of places (6 events, 3 countries, 4 with coordinates).

use super::super::filters::parse_num_range;
use super::super::*;
use crate::sample;

fn app(timeline: &Timeline) -> App<'_> {
    let mut app = App::new(timeline, "places");
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn ids(app: &App) -> Vec<String> {
    (0..app.view().len())
        .filter_map(|row| app.row_event(row))
        .map(|ix| app.timeline.event(ix).id.to_string())
        .collect()
}

fn selected_id(app: &App) -> String {
    app.selected_event()
        .map_or_else(|| "-".into(), |ix| app.timeline.event(ix).id.to_string())
}

fn bars(app: &App, facet: Facet) -> Vec<(String, usize)> {
    let pane = app.stats_pane().expect("the stats pane is open");
    pane.stats
        .bars(facet)
        .iter()
        .map(|b| (b.label.clone(), b.count))
        .collect()
}

fn owned(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(l, n)| (l.to_string(), *n)).collect()
}

fn sums(app: &App) -> Vec<(String, String, usize)> {
    let pane = app.stats_pane().expect("the stats pane is open");
    pane.stats
        .sums
        .iter()
        .map(|s| (s.name.clone(), s.total.clone(), s.events))
        .collect()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::PromptInput(c));
    }
}

#[test]
fn a_opens_the_stats_of_the_view_and_esc_closes_them() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    assert_eq!(app.mode(), Mode::Stats);
    let pane = app.stats_pane().expect("open");
    assert_eq!(pane.stats.events, 6);
    assert_eq!(pane.facet, Facet::Type);
    assert_eq!(
        bars(&app, Facet::Type),
        owned(&[("Battles", 3), ("Protests", 2), ("Explosions", 1)])
    );
    assert_eq!(
        bars(&app, Facet::Actor),
        owned(&[("Army", 3), ("Militia", 3), ("Protesters", 2)])
    );
    assert_eq!(
        bars(&app, Facet::Country),
        owned(&[("Ukraine", 3), ("Georgia", 1), ("Russia", 1)])
    );
    assert_eq!(
        app.stats_pane().map(|p| p.stats.without(Facet::Country)),
        Some(1)
    );
    assert_eq!(
        bars(&app, Facet::Month),
        owned(&[("2022-01", 2), ("2022-02", 2), ("2022-03", 2)])
    );
    // "unknown" is not a number: 5 events have fatalities; tone adds decimals exactly.
    assert_eq!(
        sums(&app),
        vec![
            ("fatalities".into(), "15".into(), 5),
            ("tone".into(), "-4.2".into(), 3)
        ]
    );
    app.update(Action::ToggleStats);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.stats_pane().is_none());
}

#[test]
fn tab_switches_the_facet_and_the_moves_go_over_its_bars() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::StepFacet(1));
    assert_eq!(app.stats_pane().map(|p| p.facet), Some(Facet::Actor));
    app.update(Action::StepFacet(-1));
    app.update(Action::StepFacet(-1));
    assert_eq!(app.stats_pane().map(|p| p.facet), Some(Facet::Month));
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Down));
    assert_eq!(
        app.stats_pane().map(|p| p.cursor.selected),
        Some(2),
        "clamped"
    );
    app.update(Action::Move(Motion::First));
    assert_eq!(app.stats_pane().map(|p| p.cursor.selected), Some(0));
    // The events pane's selection did not move.
    assert_eq!(selected_id(&app), "clash-donetsk");
    // A facet starts at its first bar.
    app.update(Action::Move(Motion::Last));
    app.update(Action::StepFacet(1));
    assert_eq!(app.stats_pane().map(|p| p.cursor.selected), Some(0));
}

#[test]
fn enter_on_a_bar_filters_to_it_and_the_stats_follow() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::ChooseBar);
    assert_eq!(app.filters().types, vec!["Battles".to_string()]);
    assert_eq!(
        ids(&app),
        ["clash-donetsk", "clash-kharkiv", "clash-unplaced"]
    );
    assert_eq!(app.stats_pane().map(|p| p.stats.events), Some(3));
    assert_eq!(
        sums(&app),
        vec![
            ("fatalities".into(), "13".into(), 2),
            ("tone".into(), "-4.5".into(), 1)
        ]
    );
    assert!(app.message().is_some_and(|m| m.contains("3 events shown")));
    // The same bar again is refused, not a second filter.
    app.update(Action::ChooseBar);
    assert!(app.message().is_some_and(|m| m.starts_with("Already")));
    // A country on top of it.
    app.update(Action::StepFacet(2));
    app.update(Action::ChooseBar);
    assert_eq!(app.filters().countries, vec!["Ukraine".to_string()]);
    assert_eq!(ids(&app), ["clash-donetsk", "clash-kharkiv"]);
    // Back undoes one step, x clears them all.
    app.update(Action::Back);
    assert_eq!(app.view().len(), 3);
    app.update(Action::ToggleStats);
    app.update(Action::ClearFilter);
    assert_eq!(app.view().len(), 6);
}

#[test]
fn a_month_bar_filters_to_the_month_and_an_actor_bar_to_the_actor() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::StepFacet(-1));
    app.update(Action::Move(Motion::Down));
    app.update(Action::ChooseBar);
    assert_eq!(ids(&app), ["protest-kyiv", "blast-belgorod"]);
    assert_eq!(app.filters().dates_label(), None);
    assert_eq!(
        app.filters().month.map(super::super::filters::month_label),
        Some("within 2022-02".into())
    );
    app.update(Action::ClearFilter);
    app.update(Action::StepFacet(-2));
    assert_eq!(app.stats_pane().map(|p| p.facet), Some(Facet::Actor));
    app.update(Action::Move(Motion::Last));
    app.update(Action::ChooseBar);
    assert_eq!(ids(&app), ["protest-kyiv", "protest-tbilisi"]);
    assert_eq!(app.filters().actors.len(), 1);
}

#[test]
fn s_sorts_by_a_number_either_way_and_back_by_date_keeping_the_event() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::Move(Motion::Down));
    assert_eq!(selected_id(&app), "clash-kharkiv");
    app.update(Action::OpenPicker(PickerKind::Sort));
    let labels: Vec<String> = app
        .picker()
        .expect("open")
        .items
        .iter()
        .map(|i| i.label.clone())
        .collect();
    assert_eq!(
        labels,
        [
            "date (time order)",
            "fatalities, highest first",
            "fatalities, lowest first",
            "tone, highest first",
            "tone, lowest first"
        ]
    );
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    // Equal values stay in time order; the event without a number comes last.
    assert_eq!(
        ids(&app),
        [
            "clash-donetsk",
            "clash-kharkiv",
            "blast-belgorod",
            "protest-kyiv",
            "protest-tbilisi",
            "clash-unplaced"
        ]
    );
    assert_eq!(selected_id(&app), "clash-kharkiv");
    assert_eq!(app.events.selected, 1);
    assert!(app
        .message()
        .is_some_and(|m| m.contains("fatalities ↓") && m.contains("1 without it")));
    // Moving goes down the sorted rows.
    app.update(Action::Move(Motion::Down));
    assert_eq!(selected_id(&app), "blast-belgorod");
    app.update(Action::OpenPicker(PickerKind::Sort));
    type_text(&mut app, "tone lowest");
    app.update(Action::SubmitPrompt);
    assert_eq!(app.sort().map(Sort::label).as_deref(), Some("tone ↑"));
    assert_eq!(
        ids(&app)[..3],
        ["clash-donetsk", "protest-kyiv", "blast-belgorod"]
    );
    // A filter keeps the order.
    app.update(Action::OpenPrompt(PromptKind::NumRange));
    type_text(&mut app, "fatalities>=1");
    app.update(Action::SubmitPrompt);
    assert_eq!(
        ids(&app),
        ["clash-donetsk", "blast-belgorod", "clash-kharkiv"]
    );
    assert_eq!(selected_id(&app), "blast-belgorod");
    app.update(Action::OpenPicker(PickerKind::Sort));
    app.update(Action::SubmitPrompt);
    assert_eq!(app.sort(), None);
    assert_eq!(
        ids(&app),
        ["clash-donetsk", "clash-kharkiv", "blast-belgorod"]
    );
    assert_eq!(selected_id(&app), "blast-belgorod");
}

#[test]
fn r_filters_by_a_range_and_refuses_what_it_cannot_read() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::OpenPrompt(PromptKind::NumRange));
    type_text(&mut app, "tone -5..0");
    app.update(Action::SubmitPrompt);
    assert_eq!(ids(&app), ["clash-donetsk"]);
    assert_eq!(app.mode(), Mode::Normal);
    app.update(Action::ClearFilter);
    for (typed, error) in [
        ("fatalities>=ten", "'ten' is not a number"),
        ("casualties>1", "they have: fatalities, tone"),
        // The name is wrong before the number is.
        (
            "foo bar",
            "No event has a number 'foo'; they have: fatalities, tone.",
        ),
        (">=3", "No attribute name"),
        ("tone 2..-2", "backwards"),
        ("tone", "No range after tone"),
    ] {
        app.update(Action::OpenPrompt(PromptKind::NumRange));
        type_text(&mut app, typed);
        app.update(Action::SubmitPrompt);
        let prompt = app
            .prompt()
            .unwrap_or_else(|| panic!("{typed}: the prompt stays"));
        let shown = prompt.error.clone().unwrap_or_default();
        assert!(shown.contains(error), "{typed}: {shown}");
        assert_eq!(app.view().len(), 6, "{typed}");
        app.update(Action::CancelPrompt);
    }
}

#[test]
fn ranges_read_every_form_the_prompt_offers() {
    let holds = |text: &str, value: f64| {
        parse_num_range(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .holds(value)
    };
    assert!(holds("fatalities>=10", 10.0) && !holds("fatalities>=10", 9.0));
    assert!(!holds("fatalities>10", 10.0) && holds("fatalities>10", 11.0));
    assert!(holds("x<=0", 0.0) && !holds("x<0", 0.0));
    assert!(holds("x=2", 2.0) && !holds("x=2", 2.5) && holds("x 2", 2.0));
    assert!(holds("goldstein -5..0", -5.0) && holds("goldstein -5..0", 0.0));
    assert!(!holds("goldstein -5..0", 0.1));
    assert!(holds("x 3..", 1e9) && !holds("x ..3", 3.5) && holds("x 0.5..1", 0.75));
    for bad in [
        "", "x", "x>", "x ..", "x 1..a", "x inf", "x NaN", "x>=1e999",
    ] {
        assert!(parse_num_range(bad).is_err(), "{bad} is refused");
    }
    let label = |t: &str| parse_num_range(t).map(|r| r.label()).unwrap_or_default();
    assert_eq!(label("fatalities >= 10"), "fatalities>=10");
    assert_eq!(label("tone -5..0"), "tone -5..0");
    assert_eq!(label("tone=2"), "tone=2");
}

#[test]
fn c_filters_by_country_or_admin_region() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::OpenPicker(PickerKind::Places));
    let items: Vec<(String, Option<usize>)> = app
        .picker()
        .expect("open")
        .items
        .iter()
        .map(|i| (i.label.clone(), i.count))
        .collect();
    assert_eq!(items[0], ("Ukraine".to_string(), Some(3)));
    assert!(items.contains(&("Donetsk · Ukraine".to_string(), Some(1))));
    assert_eq!(items.len(), 3 + 5);
    app.update(Action::SubmitPrompt);
    assert_eq!(
        ids(&app),
        ["clash-donetsk", "clash-kharkiv", "protest-kyiv"]
    );
    app.update(Action::OpenPicker(PickerKind::Places));
    type_text(&mut app, "kharkiv");
    app.update(Action::SubmitPrompt);
    assert_eq!(app.filters().admin1, vec!["Kharkiv".to_string()]);
    assert_eq!(ids(&app), ["clash-kharkiv"]);
    // X lists both, to remove one.
    app.update(Action::OpenPicker(PickerKind::ActiveFilters));
    let labels: Vec<String> = app
        .picker()
        .expect("open")
        .items
        .iter()
        .map(|i| i.label.clone())
        .collect();
    assert_eq!(labels, ["in Ukraine", "in Kharkiv"]);
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    assert_eq!(app.view().len(), 3);
}

#[test]
fn m_opens_the_map_zoomed_to_the_events_and_the_keys_move_it() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::Map);
    let map = app.map_pane().expect("open").clone();
    assert_eq!((map.located(), map.events), (4, 6));
    assert_eq!(map.grid.total(), 4, "every point in the first window");
    assert_eq!((map.grid.columns, map.grid.rows), app.map_dots());
    // The extent of the points with a degree's margin.
    let home = map.home;
    // Points are kept as 32-bit floats: a few metres.
    assert!((home.west - 29.52).abs() < 1e-4 && (home.east - 38.8).abs() < 1e-4);
    assert!((home.south - 47.0).abs() < 1e-4 && (home.north - 51.6).abs() < 1e-4);
    app.update(Action::ZoomMap(true));
    let zoomed = app.map_pane().expect("open").window;
    assert!((zoomed.east - zoomed.west - (home.east - home.west) / 2.0).abs() < 1e-9);
    assert_eq!(
        app.map_pane().map(|m| m.grid.total()),
        Some(1),
        "only Kharkiv"
    );
    app.update(Action::PanMap { east: 1, north: 0 });
    let panned = app.map_pane().expect("open").window;
    let quarter = (zoomed.east - zoomed.west) / 4.0;
    assert!((panned.west - zoomed.west - quarter).abs() < 1e-9);
    assert_eq!(panned.south, zoomed.south);
    app.update(Action::PanMap { east: 0, north: -1 });
    assert!(app.map_pane().expect("open").window.south < panned.south);
    app.update(Action::ResetMap);
    assert_eq!(app.map_pane().expect("open").window, home);
    app.update(Action::ZoomMap(false));
    app.update(Action::ZoomMap(false));
    app.update(Action::ZoomMap(false));
    let wide = app.map_pane().expect("open").window;
    assert!(wide.west >= -180.0 && wide.east <= 180.0 && wide.south >= -90.0);
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn enter_on_the_map_filters_to_its_window() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleMap);
    app.update(Action::ZoomMap(true));
    app.update(Action::FilterToMap);
    assert_eq!(ids(&app), ["clash-kharkiv"]);
    assert!(app.filters().area.is_some());
    let parts = app.filters().parts();
    assert_eq!(parts, vec![FilterPart::Area]);
    let label = app.filters().part_label(&t, &FilterPart::Area);
    assert!(label.starts_with("map 48."), "{label}");
    assert_eq!(
        app.map_pane()
            .map(|m| (m.located(), m.events, m.grid.total())),
        Some((1, 1, 1))
    );
    app.update(Action::Back);
    assert_eq!(app.view().len(), 6);
    assert_eq!(app.map_pane().map(|m| m.located()), Some(4));
}

#[test]
fn the_panes_follow_a_resize_and_a_map_without_points_says_so() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::ToggleMap);
    assert_eq!(
        app.map_pane().map(|m| (m.located(), m.events)),
        Some((0, 10))
    );
    assert!(app
        .message()
        .is_some_and(|m| m.contains("No event of the 10 shown has coordinates")));
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(
        app.map_pane().map(|m| (m.grid.columns, m.grid.rows)),
        Some((156, 84))
    );
    // Opening one pane closes the other.
    app.update(Action::ToggleStats);
    assert!(app.map_pane().is_none() && app.stats_pane().is_some());
    app.update(Action::ToggleMap);
    assert!(app.map_pane().is_some() && app.stats_pane().is_none());
}

#[test]
fn the_new_filters_and_the_sort_survive_a_reload() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::OpenPicker(PickerKind::Places));
    app.update(Action::SubmitPrompt);
    app.update(Action::OpenPrompt(PromptKind::NumRange));
    type_text(&mut app, "fatalities>=1");
    app.update(Action::SubmitPrompt);
    let again = sample::places();
    app.update(Action::OpenPicker(PickerKind::Sort));
    app.update(Action::Move(Motion::Last));
    app.update(Action::SubmitPrompt);
    let carried = App::carry(&app);
    let mut fresh = self::app(&again);
    fresh.restore(carried);
    assert_eq!(ids(&fresh), ["clash-donetsk", "clash-kharkiv"]);
    assert_eq!(fresh.sort().map(Sort::label).as_deref(), Some("tone ↑"));
}

#[test]
fn a_date_known_only_to_the_year_is_in_no_month() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    let months = bars(&app, Facet::Month);
    let counted: usize = months.iter().map(|(_, n)| n).sum();
    assert_eq!(
        app.stats_pane().map(|p| p.stats.without(Facet::Month)),
        Some(1)
    );
    assert_eq!(counted, 9, "{months:?}");
    // "2021?" is not counted under January.
    assert_eq!(
        months,
        owned(&[
            ("2021-11", 1),
            ("2021-12", 6),
            ("2022-01", 1),
            ("2022-02", 1)
        ])
    );
}

#[test]
fn a_reload_keeps_the_stats_on_their_facet_and_the_map_on_its_window() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::StepFacet(2));
    let again = sample::places();
    let mut fresh = self::app(&again);
    fresh.restore(app.carry());
    assert_eq!(fresh.mode(), Mode::Stats);
    assert_eq!(fresh.stats_pane().map(|p| p.facet), Some(Facet::Country));
    assert_eq!(fresh.stats_pane().map(|p| p.stats.events), Some(6));

    app.update(Action::ToggleMap);
    app.update(Action::ZoomMap(true));
    let window = app.map_pane().map(|m| m.window);
    let mut fresh = self::app(&again);
    fresh.restore(app.carry());
    assert_eq!(fresh.mode(), Mode::Map);
    assert_eq!(fresh.map_pane().map(|m| m.window), window);
    assert_eq!(fresh.map_pane().map(|m| m.grid.total()), Some(1));
}

/// The places sample with a code that reads as a number on every event (GDELT's CAMEO code),
/// and its numbers typed or, as a dataset written before attributes were typed, all text.
fn with_codes(typed: bool) -> Timeline {
    use crate::model::{Label, Value};
    let t = sample::places();
    let events = t
        .events()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let mut attributes = e.attributes.to_list();
            if !typed {
                for (_, value) in &mut attributes {
                    *value = Value::text(value.to_string());
                }
            }
            attributes.push((Label::from("cameo"), Value::text("043")));
            e.attributes = attributes.into();
            e
        })
        .collect();
    Timeline::new(events, t.actors().to_vec(), Vec::new())
}

#[test]
fn codes_that_read_as_numbers_are_not_added_up_when_numbers_are_typed() {
    let t = with_codes(true);
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    let names: Vec<String> = sums(&app).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["fatalities", "tone"]);
    app.update(Action::OpenPicker(PickerKind::Sort));
    let labels = app.picker().map(|p| p.items.len());
    assert_eq!(
        labels,
        Some(5),
        "date, and two ways for each of two numbers"
    );
    app.update(Action::CancelPrompt);
    app.update(Action::ToggleStats);
    app.update(Action::OpenPrompt(PromptKind::NumRange));
    type_text(&mut app, "cameo>40");
    app.update(Action::SubmitPrompt);
    let error = app
        .prompt()
        .and_then(|p| p.error.clone())
        .unwrap_or_default();
    assert!(error.contains("No event has a number 'cameo'"), "{error}");
}

#[test]
fn a_dataset_of_text_numbers_is_added_up_as_written() {
    let t = with_codes(false);
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    assert_eq!(
        sums(&app),
        vec![
            ("cameo".into(), "258".into(), 6),
            ("fatalities".into(), "15".into(), 5),
            ("tone".into(), "-4.2".into(), 3)
        ]
    );
}

#[test]
fn the_filter_a_bar_chose_clears_in_the_pane_and_esc_after_closing_does_not_go_back() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::ChooseBar);
    assert!(app
        .message()
        .is_some_and(|m| m.contains("x clears, Backspace goes back")));
    // x, as the note says, in the pane: the stats count every event again.
    app.update(Action::ClearFilter);
    assert_eq!(app.mode(), Mode::Stats);
    assert_eq!(app.stats_pane().map(|p| p.stats.events), Some(6));
    // Back says what it brought back.
    app.update(Action::Back);
    assert_eq!(app.stats_pane().map(|p| p.stats.events), Some(3));
    assert_eq!(
        app.message(),
        Some("Back to the filter type Battles: 3 events shown.")
    );
    app.update(Action::ClearFilter);
    // Closing the pane, then the reflex Esc: nothing changes, and the note says what Back
    // would bring back.
    app.update(Action::ToggleStats);
    assert!(app.pane_closed());
    app.update(Action::SayHowToGoBack);
    assert_eq!(app.view().len(), 6);
    assert_eq!(
        app.message(),
        Some("Closed. Esc again or Backspace goes back to the filter type Battles.")
    );
    assert!(!app.pane_closed());
    // A key of the panes beneath, in a pane, says so.
    app.update(Action::ToggleMap);
    app.update(Action::CoveredKey("[".into()));
    assert_eq!(
        app.message(),
        Some("[ works on the panes under the map: close the map first (q or Esc).")
    );
    // The search ranks in the actors pane: it closes the map.
    app.update(Action::OpenSearch);
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn enter_on_a_month_bar_shows_as_many_events_as_the_bar_counts() {
    // The sample has "2021?", which overlaps every month of 2021 but lies in none.
    for t in [sample::timeline(), sample::places()] {
        let mut app = app(&t);
        app.update(Action::ToggleStats);
        app.update(Action::StepFacet(-1));
        let months = bars(&app, Facet::Month);
        assert!(!months.is_empty());
        for (at, (label, count)) in months.iter().enumerate() {
            app.update(Action::Move(Motion::First));
            for _ in 0..at {
                app.update(Action::Move(Motion::Down));
            }
            app.update(Action::ChooseBar);
            assert_eq!(app.view().len(), *count, "{label}");
            assert_eq!(bars(&app, Facet::Month), owned(&[(label, *count)]));
            assert_eq!(
                app.stats_pane().map(|p| p.stats.without(Facet::Month)),
                Some(0),
                "{label}"
            );
            assert_eq!(
                app.message(),
                Some(
                    format!(
                        "Filtered to {label}: {} shown. x clears, Backspace goes back.",
                        crate::text::count(*count, "event", "events")
                    )
                    .as_str()
                )
            );
            app.update(Action::ClearFilter);
        }
    }
}

#[test]
fn e_exports_the_events_in_the_order_shown() {
    let t = sample::places();
    let mut app = app(&t);
    app.update(Action::OpenPicker(PickerKind::Sort));
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    assert_eq!(app.sort().map(Sort::label).as_deref(), Some("fatalities ↓"));
    let shown = ids(&app);
    app.update(Action::OpenPrompt(PromptKind::Export));
    app.update(Action::PromptClear);
    type_text(&mut app, "out.csv");
    app.update(Action::SubmitPrompt);
    let effects = app.take_effects();
    let [Effect::Export { events, order, .. }] = effects.as_slice() else {
        panic!("one export: {effects:?}");
    };
    let exported: Vec<String> = events
        .iter()
        .map(|ix| t.event(*ix).id.to_string())
        .collect();
    assert_eq!(exported, shown);
    assert_ne!(events.as_slice(), app.view(), "not time order");
    assert_eq!(order.as_deref(), Some("fatalities ↓"));
}

/// The sample with a second "Russia" (the military, RUSMIL) in one of Russia's events.
fn two_russias() -> Timeline {
    let t = sample::timeline();
    let russia = t.actor_by_id("russia").expect("russia");
    let mut military = t.actor(russia).clone();
    military.id = "russia-2".into();
    military.aliases = vec!["RUSMIL".into()];
    let mut actors = t.actors().to_vec();
    let military_id = crate::model::ActorId(actors.len() as u32);
    actors.push(military);
    let mut moved = false;
    let events = t
        .events()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if !moved && e.actors.contains(&russia) {
                for a in e.actors.iter_mut().filter(|a| **a == russia) {
                    *a = military_id;
                }
                moved = true;
            }
            e
        })
        .collect();
    Timeline::new(events, actors, t.sources().to_vec())
}

#[test]
fn actors_of_one_name_are_told_apart_in_the_stats_and_the_filter_a_bar_chooses() {
    let t = two_russias();
    let mut app = app(&t);
    app.update(Action::ToggleStats);
    app.update(Action::StepFacet(1));
    let actors = bars(&app, Facet::Actor);
    let labels: Vec<&str> = actors.iter().map(|(l, _)| l.as_str()).collect();
    assert!(labels.contains(&"Russia (RUSMIL)"), "{labels:?}");
    assert!(
        labels.contains(&"Russia (Russian Federation)"),
        "{labels:?}"
    );
    assert!(!labels.contains(&"Russia"), "{labels:?}");
    let at = labels
        .iter()
        .position(|l| *l == "Russia (RUSMIL)")
        .expect("the bar");
    for _ in 0..at {
        app.update(Action::Move(Motion::Down));
    }
    app.update(Action::ChooseBar);
    assert_eq!(
        app.message(),
        Some("Filtered to Russia (RUSMIL): 1 event shown. x clears, Backspace goes back.")
    );
    let filters = app.filters();
    let parts: Vec<String> = filters
        .parts()
        .iter()
        .map(|p| filters.part_label(&t, p))
        .collect();
    assert_eq!(parts, ["Russia (RUSMIL)"]);
}
