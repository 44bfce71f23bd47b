//! `App::update` driven by plain actions, without a terminal.

use super::*;
use crate::sample;

fn app(timeline: &Timeline) -> App<'_> {
    let mut app = App::new(timeline, "sample");
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn id_of(app: &App, ix: Option<EventIx>) -> String {
    ix.map_or_else(|| "-".into(), |ix| app.timeline.event(ix).id.clone())
}

fn selected_id(app: &App) -> String {
    id_of(app, app.selected_event())
}

fn actor(timeline: &Timeline, id: &str) -> ActorId {
    timeline
        .actor_by_id(id)
        .unwrap_or_else(|| panic!("no actor {id}"))
}

/// Moves the events selection to the event with `id`.
fn select(app: &mut App, id: &str) {
    app.update(Action::Focus(Pane::Events));
    app.update(Action::Move(Motion::First));
    for _ in 0..app.view.len() {
        if selected_id(app) == id {
            return;
        }
        app.update(Action::Move(Motion::Down));
    }
    panic!("{id} is not shown");
}

/// Moves the actors-pane cursor to the actor with `id`.
fn select_actor(app: &mut App, id: &str) {
    let target = actor(app.timeline, id);
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Move(Motion::First));
    while app.selected_actor() != Some(target) {
        let before = app.actors.selected;
        app.update(Action::Move(Motion::Down));
        assert_ne!(before, app.actors.selected, "{id} is not listed");
    }
}

#[test]
fn starts_on_the_first_event_in_the_events_pane() {
    let t = sample::timeline();
    let app = app(&t);
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.selected_event(), Some(EventIx(0)));
    assert_eq!(app.view().len(), 10);
    assert!(!app.should_quit());
}

#[test]
fn quit_sets_the_flag() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn tab_cycles_the_panes_both_ways() {
    let t = sample::timeline();
    let mut app = app(&t);
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::FocusNext);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        [Pane::Actors, Pane::Quotes, Pane::Detail, Pane::Events]
    );
    app.update(Action::FocusPrevious);
    assert_eq!(app.focus(), Pane::Detail);
    app.update(Action::Focus(Pane::Actors));
    assert_eq!(app.focus(), Pane::Actors);
    app.update(Action::Focus(Pane::Source));
    assert_eq!(app.focus(), Pane::Actors, "no source is open");
    assert!(app.message().is_some());
}

#[test]
fn motions_use_the_height_of_the_drawn_pane() {
    let t = sample::timeline();
    let mut app = App::new(&t, "sample");
    // 10 rows: one pane of 9 rows with borders, so 7 rows of events.
    app.update(Action::Resize {
        width: 120,
        height: 10,
    });
    app.update(Action::Move(Motion::PageDown));
    assert_eq!(app.events.selected, 7);
    app.update(Action::Move(Motion::HalfPageUp));
    assert_eq!(app.events.selected, 3);
    app.update(Action::Move(Motion::HalfPageDown));
    assert_eq!(app.events.selected, 7);
    app.update(Action::Move(Motion::Last));
    assert_eq!((app.events.selected, app.events.offset), (9, 3));
    app.update(Action::Move(Motion::Down));
    assert_eq!(app.events.selected, 9);
    app.update(Action::Move(Motion::PageUp));
    assert_eq!(app.events.selected, 2);
    app.update(Action::Move(Motion::First));
    assert_eq!((app.events.selected, app.events.offset), (0, 0));
    app.update(Action::Move(Motion::Up));
    assert_eq!(app.events.selected, 0);
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::Move(Motion::Last));
    for (width, height) in [(20, 5), (1, 1), (0, 0), (80, 24), (120, 40)] {
        app.update(Action::Resize { width, height });
        assert_eq!(app.events.selected, 9);
        let rows = layout::inner_height(app.screen().rect(Pane::Events)).max(1);
        assert!(app.events.offset <= 9 && 9 < app.events.offset + rows);
    }
}

#[test]
fn search_ranks_on_every_keystroke_and_enter_filters() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::OpenSearch);
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.focus(), Pane::Actors);
    // An empty query lists every actor.
    assert_eq!(app.search().map(|s| s.matches.len()), Some(8));
    for c in "put".chars() {
        app.update(Action::SearchInput(c));
    }
    let putin = actor(&t, "putin");
    let search = app
        .search()
        .cloned()
        .unwrap_or_else(|| panic!("prompt open"));
    assert_eq!(search.query, "put");
    assert_eq!(search.matches[0].actor, putin);
    assert_eq!(search.matches[0].indices, vec![9, 10, 11]);
    app.update(Action::SearchBackspace);
    assert_eq!(app.search().map(|s| s.query.as_str()), Some("pu"));
    app.update(Action::SearchInput('t'));
    app.update(Action::Move(Motion::Down));
    app.update(Action::Move(Motion::Up));
    assert_eq!(app.selected_actor(), Some(putin));
    app.update(Action::FilterBySelectedActor);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(app.filter(), [putin]);
    assert_eq!(app.view(), t.events_of(putin));
}

#[test]
fn search_matches_aliases_and_escape_leaves_the_prompt() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::OpenSearch);
    for c in "U.K.".chars() {
        app.update(Action::SearchInput(c));
    }
    let first = &app.search().map(|s| s.matches[0].clone());
    assert_eq!(first.as_ref().map(|m| m.actor), Some(actor(&t, "uk")));
    assert_eq!(
        first.as_ref().map(|m| m.matched),
        Some(MatchedName::Alias(0))
    );
    app.update(Action::SearchClear);
    assert_eq!(app.search().map(|s| s.matches.len()), Some(8));
    app.update(Action::SearchInput('z'));
    app.update(Action::SearchInput('z'));
    app.update(Action::FilterBySelectedActor);
    assert_eq!(app.message(), Some("No actor matches."));
    assert!(app.filter().is_empty());
    app.update(Action::CloseSearch);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.filter().is_empty());
}

#[test]
fn actors_are_sorted_by_count_then_name() {
    let t = sample::timeline();
    let app = app(&t);
    let names: Vec<&str> = app
        .actors_by_count
        .iter()
        .map(|a| t.actor(*a).name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Russia",
            "NATO",
            "Vladimir Putin",
            "the West",
            "European Union",
            "United Kingdom",
            "Boris Johnson",
            "Wagner Group"
        ]
    );
}

#[test]
fn a_filter_keeps_the_selected_event_when_it_is_still_shown() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "putin-johnson-call");
    app.update(Action::FilterByActor(actor(&t, "putin")));
    assert_eq!(selected_id(&app), "putin-johnson-call");
    assert_eq!(app.view().len(), 4);
}

#[test]
fn a_filter_moves_to_the_next_event_in_time_or_else_the_last() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "g7-liverpool");
    app.update(Action::FilterByActor(actor(&t, "putin")));
    assert_eq!(selected_id(&app), "putin-johnson-call");

    app.update(Action::ClearFilter);
    assert_eq!(selected_id(&app), "putin-johnson-call");
    select(&mut app, "invasion");
    app.update(Action::FilterByActor(actor(&t, "eu")));
    assert_eq!(selected_id(&app), "council-warning");
}

#[test]
fn enter_on_an_actor_filters_and_space_marks_several() {
    let t = sample::timeline();
    let mut app = app(&t);
    select_actor(&mut app, "nato");
    app.update(Action::FilterBySelectedActor);
    assert_eq!(app.filter(), [actor(&t, "nato")]);
    assert_eq!(app.focus(), Pane::Events);
    app.update(Action::ClearFilter);

    select_actor(&mut app, "putin");
    app.update(Action::ToggleMarkSelectedActor);
    select_actor(&mut app, "johnson");
    app.update(Action::ToggleMarkSelectedActor);
    let both = [actor(&t, "putin"), actor(&t, "johnson")];
    assert_eq!(app.filter(), both);
    let ids: Vec<String> = app.view().iter().map(|e| id_of(&app, Some(*e))).collect();
    assert_eq!(ids, ["putin-johnson-call", "invasion"]);
    assert_eq!(
        app.focus(),
        Pane::Actors,
        "marking stays in the actors pane"
    );

    app.update(Action::ToggleMarkSelectedActor);
    assert_eq!(app.filter(), [actor(&t, "putin")]);
    app.update(Action::ClearFilter);
    assert!(app.filter().is_empty());
    assert_eq!(app.view().len(), 10);
    app.update(Action::ClearFilter);
    assert_eq!(app.message(), Some("No filter to clear."));
}

#[test]
fn jump_to_source_opens_the_cited_sentence_and_quotes_step_across_sources() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "putin-johnson-call");
    app.update(Action::JumpToSource);
    assert_eq!(app.focus(), Pane::Source);
    let view = app
        .source_view()
        .cloned()
        .unwrap_or_else(|| panic!("source open"));
    assert_eq!((view.source, view.sentence), (SourceId(0), 0));
    assert_eq!(view.quote.map(|q| q.index), Some(0));

    app.update(Action::NextQuote);
    let view = app
        .source_view()
        .cloned()
        .unwrap_or_else(|| panic!("source open"));
    assert_eq!((view.source, view.sentence), (SourceId(0), 2));
    app.update(Action::NextQuote);
    let view = app
        .source_view()
        .cloned()
        .unwrap_or_else(|| panic!("source open"));
    assert_eq!((view.source, view.sentence), (SourceId(1), 5));
    app.update(Action::NextQuote);
    assert!(app.message().is_some_and(|m| m.contains("last quote")));
    app.update(Action::PreviousQuote);
    assert_eq!(app.source_view().map(|v| v.sentence), Some(2));
    assert_eq!(app.selected_quote(), 1);

    app.update(Action::Move(Motion::Down));
    assert_eq!(app.source_view().map(|v| v.sentence), Some(3));
    app.update(Action::Move(Motion::Last));
    assert_eq!(app.source_view().map(|v| v.sentence), Some(7));
    app.update(Action::Move(Motion::First));
    assert_eq!(app.source_view().map(|v| v.sentence), Some(0));

    // One Back returns to the event, however many quotes were stepped through.
    app.update(Action::Back);
    assert!(app.source_view().is_none());
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(selected_id(&app), "putin-johnson-call");
}

#[test]
fn enter_on_a_quote_opens_that_quote() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "wagner-sanctions");
    app.update(Action::Focus(Pane::Quotes));
    app.update(Action::Move(Motion::Down));
    assert_eq!(app.selected_quote(), 1);
    app.update(Action::JumpToSource);
    assert_eq!(
        app.source_view().map(|v| (v.source, v.sentence)),
        Some((SourceId(1), 4))
    );
}

#[test]
fn an_event_without_quotes_says_so() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "invasion");
    app.update(Action::JumpToSource);
    assert!(app.source_view().is_none());
    assert_eq!(app.message(), Some("This event quotes no source."));
    assert!(!app.can_go_back());
}

#[test]
fn citing_events_jump_and_back_walks_the_history() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "nato-warning");
    app.update(Action::JumpToSource);
    assert_eq!(app.source_view().map(|v| v.sentence), Some(1));
    app.update(Action::ShowCitingEvents);
    assert_eq!(app.mode(), Mode::Citing);
    let Overlay::Citing(popup) = app.overlay().clone() else {
        panic!("citing popup open");
    };
    let ids: Vec<String> = popup.events.iter().map(|e| id_of(&app, Some(*e))).collect();
    assert_eq!(ids, ["nato-warning", "nato-russia-council"]);
    assert_eq!(popup.cursor.selected, 0, "starts on the event we came from");
    app.update(Action::Move(Motion::Down));
    app.update(Action::JumpToCitingEvent);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.source_view().is_none());
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(selected_id(&app), "nato-russia-council");

    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Source);
    assert_eq!(app.source_view().map(|v| v.sentence), Some(1));
    assert_eq!(selected_id(&app), "nato-warning");
    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Events);
    assert!(app.source_view().is_none());
    assert_eq!(selected_id(&app), "nato-warning");
    assert!(!app.can_go_back());
    app.update(Action::Back);
    assert_eq!(app.message(), Some("Nothing to go back to."));
}

#[test]
fn jumping_to_a_hidden_event_clears_the_filter_and_back_restores_it() {
    let t = sample::timeline();
    let mut app = app(&t);
    let putin = actor(&t, "putin");
    app.update(Action::FilterByActor(putin));
    select(&mut app, "nato-warning");
    app.update(Action::JumpToSource);
    app.update(Action::ShowCitingEvents);
    app.update(Action::Move(Motion::Last));
    app.update(Action::JumpToCitingEvent);
    assert!(app.filter().is_empty());
    assert_eq!(selected_id(&app), "nato-russia-council");
    assert_eq!(app.message(), Some("Filter cleared to show the event."));
    app.update(Action::Back);
    assert_eq!(app.filter(), [putin]);
    assert_eq!(app.view().len(), 4);
}

#[test]
fn an_uncited_sentence_has_no_citing_list() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "putin-johnson-call");
    app.update(Action::JumpToSource);
    app.update(Action::Move(Motion::Last));
    app.update(Action::ShowCitingEvents);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.message(), Some("No event cites sentence 8."));
    app.update(Action::CloseOverlay);
}

#[test]
fn focusing_quotes_leaves_the_source_and_back_returns() {
    let t = sample::timeline();
    let mut app = app(&t);
    select(&mut app, "putin-johnson-call");
    app.update(Action::JumpToSource);
    app.update(Action::Focus(Pane::Quotes));
    assert!(app.source_view().is_none());
    assert_eq!(app.focus(), Pane::Quotes);
    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Source);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Events, "source, then events");
}

#[test]
fn help_toggles_and_scrolls() {
    let t = sample::timeline();
    let mut app = app(&t);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::Move(Motion::Down));
    assert_eq!(app.overlay(), &Overlay::Help { scroll: 1 });
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn the_mouse_scrolls_and_clicks_the_pane_under_the_pointer() {
    let t = sample::timeline();
    let mut app = app(&t);
    // Row 3 of the screen is the third event row inside the events border.
    app.update(Action::ClickAt { column: 5, row: 3 });
    assert_eq!(app.events.selected, 2);
    app.update(Action::ClickAt {
        column: 100,
        row: 2,
    });
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.actors.selected, 1);
    app.update(Action::ScrollAt {
        column: 5,
        row: 5,
        lines: 3,
    });
    assert_eq!(app.focus(), Pane::Actors, "the wheel does not move focus");
    assert_eq!(app.events.selected, 2, "everything fits: nothing to scroll");
    // A click on the status line or a border only focuses, if anything.
    app.update(Action::ClickAt { column: 5, row: 39 });
    app.update(Action::ClickAt { column: 5, row: 0 });
    assert_eq!(app.focus(), Pane::Events);
    assert_eq!(app.events.selected, 2);
}

#[test]
fn the_wheel_scrolls_a_long_list() {
    let t = sample::timeline();
    let mut app = App::new(&t, "sample");
    app.update(Action::Resize {
        width: 60,
        height: 8,
    });
    // 5 event rows show; the wheel moves the view and drags the selection along.
    app.update(Action::ScrollAt {
        column: 5,
        row: 3,
        lines: 3,
    });
    assert_eq!((app.events.offset, app.events.selected), (3, 3));
    app.update(Action::ScrollAt {
        column: 5,
        row: 3,
        lines: -3,
    });
    assert_eq!(app.events.offset, 0);
}

#[test]
fn an_empty_timeline_survives_every_action() {
    let t = Timeline::default();
    let mut app = app(&t);
    let actions = [
        Action::FocusNext,
        Action::Move(Motion::Down),
        Action::Move(Motion::Last),
        Action::Focus(Pane::Quotes),
        Action::Move(Motion::PageDown),
        Action::Focus(Pane::Detail),
        Action::Move(Motion::Last),
        Action::OpenSearch,
        Action::SearchInput('a'),
        Action::Move(Motion::Down),
        Action::FilterBySelectedActor,
        Action::ToggleMarkSelectedActor,
        Action::JumpToSource,
        Action::NextQuote,
        Action::PreviousQuote,
        Action::ShowCitingEvents,
        Action::JumpToCitingEvent,
        Action::ClickAt { column: 3, row: 3 },
        Action::ScrollAt {
            column: 3,
            row: 3,
            lines: 3,
        },
        Action::Back,
        Action::ClearFilter,
        Action::ToggleHelp,
        Action::Move(Motion::Last),
    ];
    for action in actions {
        app.update(action);
    }
    assert_eq!(app.selected_event(), None);
}

#[test]
fn back_restores_scroll_positions() {
    let t = sample::timeline();
    let mut app = App::new(&t, "sample");
    // One pane at a time, 7 rows: the 9th event scrolls the list.
    app.update(Action::Resize {
        width: 120,
        height: 10,
    });
    select(&mut app, "nato-russia-council");
    let events = app.events;
    assert_eq!((events.selected, events.offset), (8, 2));
    app.update(Action::JumpToSource);
    app.update(Action::Move(Motion::Last));
    let source = app.source_view().cloned();
    assert!(source.as_ref().is_some_and(|v| v.scroll > 0), "{source:?}");
    for _ in 0..6 {
        app.update(Action::Move(Motion::Up));
    }
    let scroll = app.source_view().map(|v| v.scroll);
    assert_eq!(
        scroll,
        Some(1),
        "sentence 2 is still in view: no scrolling back"
    );
    app.update(Action::ShowCitingEvents);
    app.update(Action::Move(Motion::First));
    app.update(Action::JumpToCitingEvent);
    assert_eq!(selected_id(&app), "nato-warning");
    assert_ne!(app.events, events);

    app.update(Action::Back);
    let view = app
        .source_view()
        .cloned()
        .unwrap_or_else(|| panic!("source back"));
    assert_eq!(view.sentence, 1);
    assert_eq!(Some(view.scroll), scroll);
    app.update(Action::Back);
    assert_eq!(app.events, events);
    assert_eq!(app.focus(), Pane::Events);
}
