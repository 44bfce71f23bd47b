//! Every binding: key + mode + focus → action, without a terminal.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::*;
use crate::app::{Caret, PickerKind, PromptKind};

fn cx(mode: Mode, focus: Pane) -> KeyContext {
    KeyContext {
        mode,
        focus,
        can_go_back: false,
        finding: false,
        pane_closed: false,
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn shift(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

const ALL_PANES: [Pane; 5] = [
    Pane::Events,
    Pane::Actors,
    Pane::Quotes,
    Pane::Detail,
    Pane::Source,
];

#[test]
fn global_keys_in_every_pane() {
    let table = [
        (ch('q'), Action::Quit),
        (ctrl('c'), Action::Quit),
        (ch('?'), Action::ToggleHelp),
        (shift('?'), Action::ToggleHelp),
        (key(KeyCode::Tab), Action::FocusNext),
        (
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::FocusPrevious,
        ),
        (ch('l'), Action::FocusNext),
        (ch('h'), Action::FocusPrevious),
        (ch('1'), Action::Focus(Pane::Events)),
        (ch('2'), Action::Focus(Pane::Actors)),
        (ch('3'), Action::Focus(Pane::Quotes)),
        (ch('4'), Action::Focus(Pane::Detail)),
        (ch('j'), Action::Move(Motion::Down)),
        (key(KeyCode::Down), Action::Move(Motion::Down)),
        (ctrl('n'), Action::Move(Motion::Down)),
        (ch('k'), Action::Move(Motion::Up)),
        (key(KeyCode::Up), Action::Move(Motion::Up)),
        (ctrl('p'), Action::Move(Motion::Up)),
        (key(KeyCode::PageDown), Action::Move(Motion::PageDown)),
        (ctrl('f'), Action::OpenPrompt(PromptKind::Find)),
        (key(KeyCode::PageUp), Action::Move(Motion::PageUp)),
        (ctrl('b'), Action::Move(Motion::PageUp)),
        (ctrl('d'), Action::Move(Motion::HalfPageDown)),
        (ctrl('u'), Action::Move(Motion::HalfPageUp)),
        (ch('g'), Action::Move(Motion::First)),
        (key(KeyCode::Home), Action::Move(Motion::First)),
        (shift('G'), Action::Move(Motion::Last)),
        (key(KeyCode::End), Action::Move(Motion::Last)),
        (ch('/'), Action::OpenSearch),
        (ch('x'), Action::ClearFilter),
        (ch('s'), Action::JumpToSource),
        (ch('n'), Action::NextQuote),
        (shift('N'), Action::PreviousQuote),
        (key(KeyCode::Backspace), Action::Back),
        (ctrl('o'), Action::Back),
        (ctrl('l'), Action::Redraw),
        (ctrl('z'), Action::Suspend),
    ];
    for pane in ALL_PANES {
        for (k, action) in &table {
            assert_eq!(
                action_for_key(*k, cx(Mode::Normal, pane)),
                Some(action.clone()),
                "{k:?} in {pane:?}"
            );
        }
    }
}

#[test]
fn enter_and_space_depend_on_the_focused_pane() {
    let enter = key(KeyCode::Enter);
    let expect = [
        (Pane::Events, Some(Action::JumpToSource)),
        (Pane::Actors, Some(Action::FilterBySelectedActor)),
        (Pane::Quotes, Some(Action::JumpToSource)),
        (Pane::Detail, None),
        (Pane::Source, Some(Action::ShowCitingEvents)),
    ];
    for (pane, action) in expect {
        assert_eq!(
            action_for_key(enter, cx(Mode::Normal, pane)),
            action,
            "{pane:?}"
        );
    }
    assert_eq!(
        action_for_key(ch(' '), cx(Mode::Normal, Pane::Actors)),
        Some(Action::ToggleMarkSelectedActor)
    );
    assert_eq!(
        action_for_key(ch(' '), cx(Mode::Normal, Pane::Events)),
        None
    );
}

#[test]
fn escape_goes_back_when_it_can_and_otherwise_clears_the_filter() {
    let esc = key(KeyCode::Esc);
    let mut context = cx(Mode::Normal, Pane::Source);
    assert_eq!(action_for_key(esc, context), Some(Action::LeaveFilter));
    context.can_go_back = true;
    assert_eq!(action_for_key(esc, context), Some(Action::Back));
}

#[test]
fn the_search_prompt_takes_letters_as_text() {
    let search = cx(Mode::Search, Pane::Actors);
    let table = [
        (ch('j'), Some(Action::SearchInput('j'))),
        (ch('q'), Some(Action::SearchInput('q'))),
        (shift('P'), Some(Action::SearchInput('P'))),
        (ch(' '), Some(Action::SearchInput(' '))),
        (key(KeyCode::Backspace), Some(Action::SearchBackspace)),
        (ctrl('u'), Some(Action::SearchClear)),
        (key(KeyCode::Enter), Some(Action::FilterBySelectedActor)),
        (key(KeyCode::Esc), Some(Action::CloseSearch)),
        (key(KeyCode::Down), Some(Action::Move(Motion::Down))),
        (ctrl('n'), Some(Action::Move(Motion::Down))),
        (key(KeyCode::Up), Some(Action::Move(Motion::Up))),
        (ctrl('p'), Some(Action::Move(Motion::Up))),
        (key(KeyCode::PageDown), Some(Action::Move(Motion::PageDown))),
        (key(KeyCode::PageUp), Some(Action::Move(Motion::PageUp))),
        (ctrl('c'), Some(Action::Quit)),
        (key(KeyCode::Tab), None),
    ];
    for (k, action) in table {
        assert_eq!(action_for_key(k, search), action, "{k:?}");
    }
}

#[test]
fn help_and_citing_list_keys() {
    let help = cx(Mode::Help, Pane::Events);
    for k in [key(KeyCode::Esc), ch('?'), ch('q')] {
        assert_eq!(action_for_key(k, help), Some(Action::ToggleHelp), "{k:?}");
    }
    assert_eq!(
        action_for_key(ch('j'), help),
        Some(Action::Move(Motion::Down))
    );
    assert_eq!(action_for_key(ch('s'), help), None);

    let citing = cx(Mode::Citing, Pane::Source);
    assert_eq!(
        action_for_key(key(KeyCode::Enter), citing),
        Some(Action::JumpToCitingEvent)
    );
    for k in [key(KeyCode::Esc), ch('q'), key(KeyCode::Backspace)] {
        assert_eq!(
            action_for_key(k, citing),
            Some(Action::CloseOverlay),
            "{k:?}"
        );
    }
    assert_eq!(
        action_for_key(ch('k'), citing),
        Some(Action::Move(Motion::Up))
    );
}

#[test]
fn key_releases_are_ignored() {
    let mut release = ch('q');
    release.kind = KeyEventKind::Release;
    assert_eq!(
        action_for_key(release, cx(Mode::Normal, Pane::Events)),
        None
    );
}

#[test]
fn the_wheel_scrolls_and_a_left_click_selects() {
    let mouse = |kind| MouseEvent {
        kind,
        column: 7,
        row: 9,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(
        action_for_mouse(mouse(MouseEventKind::ScrollDown)),
        Some(Action::ScrollAt {
            column: 7,
            row: 9,
            lines: 3
        })
    );
    assert_eq!(
        action_for_mouse(mouse(MouseEventKind::ScrollUp)),
        Some(Action::ScrollAt {
            column: 7,
            row: 9,
            lines: -3
        })
    );
    assert_eq!(
        action_for_mouse(mouse(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::ClickAt { column: 7, row: 9 })
    );
    assert_eq!(action_for_mouse(mouse(MouseEventKind::Moved)), None);
}

#[test]
fn every_help_row_is_filled_in() {
    for row in help() {
        assert!(!row.keys.is_empty() && !row.place.is_empty() && !row.what.is_empty());
    }
}

#[test]
fn the_help_names_keys_as_people_write_them() {
    let rows = help();
    let keys_of = |what: &str| {
        rows.iter()
            .find(|r| r.what == what)
            .map(|r| (r.keys.as_str(), r.place))
    };
    assert_eq!(
        keys_of("move down / up"),
        Some(("j k  ↓ ↑  Ctrl-n Ctrl-p", "panes"))
    );
    assert_eq!(
        keys_of("go back (undo a jump, source or filter)"),
        Some(("Esc  Backspace  Ctrl-o", "anywhere"))
    );
    assert_eq!(
        keys_of("mark: show events involving all marked"),
        Some(("Space", "actors"))
    );
    // Rows the help leaves out are still bound, and not shown.
    assert!(rows.iter().all(|r| r.what != "close the help"));
    assert_eq!(
        rows.len(),
        table().iter().filter(|r| r.listed).count(),
        "one help row per listed table row"
    );
}

/// Every context the key table can be asked about.
fn every_context() -> Vec<KeyContext> {
    let modes = [
        Mode::Normal,
        Mode::Search,
        Mode::Help,
        Mode::Citing,
        Mode::Prompt,
        Mode::Picker,
        Mode::Problems,
        Mode::Stats,
        Mode::Map,
    ];
    let mut all = Vec::new();
    for mode in modes {
        for focus in ALL_PANES {
            for can_go_back in [false, true] {
                for finding in [false, true] {
                    for pane_closed in [false, true] {
                        all.push(KeyContext {
                            mode,
                            focus,
                            can_go_back,
                            finding,
                            pane_closed,
                        });
                    }
                }
            }
        }
    }
    all
}

#[test]
fn every_key_of_the_table_does_what_its_row_says_somewhere_it_works() {
    // A row shadowed everywhere by an earlier row for the same key would be help for a key
    // that never does what it says.
    let contexts = every_context();
    for row in table() {
        for bind in row.keys.iter().flatten() {
            let event = match bind.key {
                Key::Char(c) => ch(c),
                Key::Ctrl(c) => ctrl(c),
                Key::Code(code) => key(code),
                Key::Wheel | Key::Click => continue,
            };
            let place = bind.place.unwrap_or(row.place);
            let places: Vec<_> = contexts.iter().filter(|c| place.holds(**c)).collect();
            assert!(!places.is_empty(), "{:?} holds nowhere", place);
            assert!(
                places
                    .iter()
                    .any(|c| action_for_key(event, **c) == Some(bind.action.clone())),
                "{} ({}) never does what the row {:?} says",
                bind.key.label(),
                place.label(),
                row.what
            );
        }
    }
}

#[test]
fn the_mouse_rows_of_the_table_are_what_the_mouse_does() {
    let at = |kind| MouseEvent {
        kind,
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    };
    let mut seen = 0;
    for bind in table().iter().flat_map(|r| r.keys.iter().flatten()) {
        let kinds = match bind.key {
            Key::Wheel => vec![MouseEventKind::ScrollDown, MouseEventKind::ScrollUp],
            Key::Click => vec![MouseEventKind::Down(MouseButton::Left)],
            _ => continue,
        };
        for kind in kinds {
            let action = action_for_mouse(at(kind)).unwrap_or_else(|| panic!("{kind:?}"));
            assert_eq!(
                std::mem::discriminant(&action),
                std::mem::discriminant(&bind.action),
                "{kind:?}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 4, "wheel both ways and two rows of clicks");
}

#[test]
fn navigation_keys_in_every_pane() {
    let table = [
        (ch('t'), Action::OpenPrompt(PromptKind::GoToDate)),
        (shift('F'), Action::OpenPrompt(PromptKind::DateRange)),
        (ch('f'), Action::OpenPrompt(PromptKind::Find)),
        (ctrl('f'), Action::OpenPrompt(PromptKind::Find)),
        (ch('e'), Action::OpenPrompt(PromptKind::Export)),
        (shift('T'), Action::OpenPicker(PickerKind::Types)),
        (ch('#'), Action::OpenPicker(PickerKind::Tags)),
        (shift('X'), Action::OpenPicker(PickerKind::ActiveFilters)),
        (ch('+'), Action::ZoomIn),
        (ch('='), Action::ZoomIn),
        (ch('-'), Action::ZoomOut),
        (ch(']'), Action::NextBucket),
        (ch('['), Action::PreviousBucket),
        (ch('m'), Action::ToggleEventMark),
        (ch('\''), Action::NextMark),
        (ch('"'), Action::PreviousMark),
        (ch('y'), Action::CopyEvent),
    ];
    for pane in ALL_PANES {
        for (k, action) in &table {
            assert_eq!(
                action_for_key(*k, cx(Mode::Normal, pane)),
                Some(action.clone()),
                "{k:?} in {pane:?}"
            );
        }
    }
}

#[test]
fn n_steps_the_find_outside_the_source_view_and_quotes_inside_it() {
    let finding = |focus| KeyContext {
        finding: true,
        ..cx(Mode::Normal, focus)
    };
    for pane in [Pane::Events, Pane::Actors, Pane::Quotes, Pane::Detail] {
        assert_eq!(
            action_for_key(ch('n'), finding(pane)),
            Some(Action::FindNext)
        );
        assert_eq!(
            action_for_key(shift('N'), finding(pane)),
            Some(Action::FindPrevious)
        );
        assert_eq!(
            action_for_key(ch('n'), cx(Mode::Normal, pane)),
            Some(Action::NextQuote)
        );
    }
    assert_eq!(
        action_for_key(ch('n'), finding(Pane::Source)),
        Some(Action::NextQuote)
    );
    assert_eq!(
        action_for_key(shift('N'), finding(Pane::Source)),
        Some(Action::PreviousQuote)
    );
    // Esc stops finding before it goes back.
    let mut context = finding(Pane::Events);
    context.can_go_back = true;
    assert_eq!(
        action_for_key(key(KeyCode::Esc), context),
        Some(Action::ClearFind)
    );
}

#[test]
fn prompts_take_every_letter_as_text_and_pickers_move_with_arrows() {
    let prompt = cx(Mode::Prompt, Pane::Events);
    let table = [
        (ch('q'), Some(Action::PromptInput('q'))),
        (ch('2'), Some(Action::PromptInput('2'))),
        (ch('-'), Some(Action::PromptInput('-'))),
        (shift('S'), Some(Action::PromptInput('S'))),
        (key(KeyCode::Backspace), Some(Action::PromptBackspace)),
        (ctrl('u'), Some(Action::PromptClear)),
        (key(KeyCode::Delete), Some(Action::PromptDelete)),
        (key(KeyCode::Left), Some(Action::PromptCaret(Caret::Left))),
        (key(KeyCode::Right), Some(Action::PromptCaret(Caret::Right))),
        (key(KeyCode::Home), Some(Action::PromptCaret(Caret::Home))),
        (key(KeyCode::End), Some(Action::PromptCaret(Caret::End))),
        (key(KeyCode::Enter), Some(Action::SubmitPrompt)),
        (key(KeyCode::Esc), Some(Action::CancelPrompt)),
        (ctrl('c'), Some(Action::Quit)),
        (key(KeyCode::Down), None),
    ];
    for (k, action) in table {
        assert_eq!(action_for_key(k, prompt), action, "{k:?}");
    }
    let picker = cx(Mode::Picker, Pane::Events);
    let table = [
        (ch('j'), Some(Action::PromptInput('j'))),
        (key(KeyCode::Down), Some(Action::Move(Motion::Down))),
        (ctrl('n'), Some(Action::Move(Motion::Down))),
        (key(KeyCode::Up), Some(Action::Move(Motion::Up))),
        (ctrl('p'), Some(Action::Move(Motion::Up))),
        (key(KeyCode::PageDown), Some(Action::Move(Motion::PageDown))),
        (key(KeyCode::Enter), Some(Action::SubmitPrompt)),
        (key(KeyCode::Esc), Some(Action::CancelPrompt)),
        (key(KeyCode::Backspace), Some(Action::PromptBackspace)),
    ];
    for (k, action) in table {
        assert_eq!(action_for_key(k, picker), action, "{k:?}");
    }
}

#[test]
fn the_readme_keys_table_lists_every_help_row() {
    let readme = include_str!("../../README.md");
    for help in help() {
        let row = format!("| {} | {} | {} |", help.keys, help.place, help.what);
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
    let rows = readme
        .lines()
        .skip_while(|l| *l != "## Keys")
        .take_while(|l| !l.starts_with("### "))
        .filter(|l| l.starts_with("| ") && !l.starts_with("| keys "))
        .count();
    assert_eq!(
        rows,
        help().len(),
        "README.md's Keys table has rows the help does not"
    );
}

#[test]
fn bang_shows_the_problems_of_a_failed_reload_and_closes_them() {
    assert_eq!(
        action_for_key(ch('!'), cx(Mode::Normal, Pane::Events)),
        Some(Action::ShowReloadProblems)
    );
    let problems = cx(Mode::Problems, Pane::Events);
    for k in [key(KeyCode::Esc), ch('q'), ch('!')] {
        assert_eq!(
            action_for_key(k, problems),
            Some(Action::CloseOverlay),
            "{k:?}"
        );
    }
    assert_eq!(
        action_for_key(ch('j'), problems),
        Some(Action::Move(Motion::Down))
    );
}

/// Esc pressed again and again to get rid of a filter that left no step (marks, or filters
/// carried over a reload) clears it for good: it must not bring the filter back on the next
/// Esc, as it did once clearing became a step. Found by review. (Here rather than in the app's
/// tests because it runs keys through this table: the app stands below the keymap.)
#[test]
fn esc_again_and_again_never_brings_a_filter_back() {
    let t = crate::sample::timeline();
    let mut app = crate::app::App::new(&t, "sample");
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let putin = t
        .actor_by_id("putin")
        .unwrap_or_else(|| panic!("no actor putin"));
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Move(Motion::First));
    while app.selected_actor() != Some(putin) {
        let before = app.selected_actor();
        app.update(Action::Move(Motion::Down));
        assert_ne!(before, app.selected_actor(), "putin is not listed");
    }
    app.update(Action::ToggleMarkSelectedActor);
    app.update(Action::Focus(Pane::Events));
    assert_eq!(app.filter(), [putin]);
    let mut seen = Vec::new();
    for _ in 0..3 {
        let cx = KeyContext {
            mode: app.mode(),
            focus: app.focus(),
            can_go_back: app.can_go_back(),
            finding: app.find().is_some(),
            pane_closed: app.pane_closed(),
        };
        let action =
            action_for_key(key(KeyCode::Esc), cx).unwrap_or_else(|| panic!("Esc does something"));
        app.update(action.clone());
        seen.push((action, app.filter().len()));
    }
    assert!(seen.iter().all(|(_, n)| *n == 0), "Esc Esc Esc: {seen:?}");
}

#[test]
fn a_in_the_source_view_adds_an_event_and_the_form_takes_every_character() {
    let source = cx(Mode::Normal, Pane::Source);
    assert_eq!(action_for_key(ch('a'), source), Some(Action::AddEventHere));
    assert_eq!(
        action_for_key(ch('a'), cx(Mode::Normal, Pane::Events)),
        None
    );
    let form = cx(Mode::Form, Pane::Source);
    for c in ['a', 'q', 'x', '/', '?', 'j', 'e'] {
        assert_eq!(
            action_for_key(ch(c), form),
            Some(Action::Form(crate::app::form::FormAction::Input(c)))
        );
    }
    assert_eq!(action_for_key(ctrl('c'), form), Some(Action::Quit));
    assert_eq!(action_for_key(ctrl('z'), form), Some(Action::Suspend));
    assert_eq!(
        action_for_key(key(KeyCode::Esc), form),
        Some(Action::Form(crate::app::form::FormAction::Cancel))
    );
    assert_eq!(
        action_for_key(key(KeyCode::Enter), form),
        Some(Action::Form(crate::app::form::FormAction::Submit))
    );
}

#[test]
fn the_stats_and_map_keys_open_them_and_work_inside() {
    let normal = cx(Mode::Normal, Pane::Events);
    for (event, action) in [
        (shift('A'), Action::ToggleStats),
        (shift('M'), Action::ToggleMap),
        (shift('S'), Action::OpenPicker(PickerKind::Sort)),
        (shift('C'), Action::OpenPicker(PickerKind::Places)),
        (shift('R'), Action::OpenPrompt(PromptKind::NumRange)),
    ] {
        assert_eq!(action_for_key(event, normal), Some(action), "{event:?}");
    }
    let stats = cx(Mode::Stats, Pane::Events);
    for (event, action) in [
        (key(KeyCode::Tab), Action::StepFacet(1)),
        (key(KeyCode::BackTab), Action::StepFacet(-1)),
        (ch('l'), Action::StepFacet(1)),
        (ch('h'), Action::StepFacet(-1)),
        (key(KeyCode::Right), Action::StepFacet(1)),
        (key(KeyCode::Left), Action::StepFacet(-1)),
        (ch('j'), Action::Move(Motion::Down)),
        (ch('k'), Action::Move(Motion::Up)),
        (ch('G'), Action::Move(Motion::Last)),
        (key(KeyCode::Enter), Action::ChooseBar),
        (key(KeyCode::Esc), Action::ToggleStats),
        (ch('q'), Action::ToggleStats),
        (shift('A'), Action::ToggleStats),
    ] {
        assert_eq!(action_for_key(event, stats), Some(action), "{event:?}");
    }
    // The keys the stats pane does not use work there as anywhere: the filters it chooses
    // can be cleared, the map opened from it, the help read.
    for (event, action) in [
        (ch('x'), Action::ClearFilter),
        (shift('X'), Action::OpenPicker(PickerKind::ActiveFilters)),
        (key(KeyCode::Backspace), Action::Back),
        (ctrl('o'), Action::Back),
        (shift('M'), Action::ToggleMap),
        (ch('/'), Action::OpenSearch),
        (ch('?'), Action::ToggleHelp),
        (ch('f'), Action::OpenPrompt(PromptKind::Find)),
        (shift('S'), Action::OpenPicker(PickerKind::Sort)),
        (shift('R'), Action::OpenPrompt(PromptKind::NumRange)),
        (shift('C'), Action::OpenPicker(PickerKind::Places)),
        (shift('T'), Action::OpenPicker(PickerKind::Types)),
        (shift('F'), Action::OpenPrompt(PromptKind::DateRange)),
        (ch('e'), Action::OpenPrompt(PromptKind::Export)),
        (ch('o'), Action::OpenSourceUrl),
        (ch('m'), Action::ToggleEventMark),
        (ch('y'), Action::CopyEvent),
        (shift('!'), Action::ShowReloadProblems),
    ] {
        assert_eq!(action_for_key(event, stats), Some(action), "{event:?}");
    }
    // Those of the panes it covers say so rather than nothing.
    for (event, label) in [
        (ch('1'), "1"),
        (ch('['), "["),
        (ch('+'), "+"),
        (ch('s'), "s"),
    ] {
        assert_eq!(
            action_for_key(event, stats),
            Some(Action::CoveredKey(label.into())),
            "{event:?}"
        );
    }
    let map = cx(Mode::Map, Pane::Events);
    let pan = |east, north| Action::PanMap { east, north };
    for (event, action) in [
        (ch('+'), Action::ZoomMap(true)),
        (ch('='), Action::ZoomMap(true)),
        (ch('-'), Action::ZoomMap(false)),
        (ch('h'), pan(-1, 0)),
        (ch('l'), pan(1, 0)),
        (ch('k'), pan(0, 1)),
        (ch('j'), pan(0, -1)),
        (key(KeyCode::Left), pan(-1, 0)),
        (key(KeyCode::Right), pan(1, 0)),
        (key(KeyCode::Up), pan(0, 1)),
        (key(KeyCode::Down), pan(0, -1)),
        (ch('0'), Action::ResetMap),
        (key(KeyCode::Enter), Action::FilterToMap),
        (key(KeyCode::Esc), Action::ToggleMap),
        (ch('q'), Action::ToggleMap),
        (shift('M'), Action::ToggleMap),
    ] {
        assert_eq!(action_for_key(event, map), Some(action), "{event:?}");
    }
    for (event, action) in [
        (ch('x'), Action::ClearFilter),
        (key(KeyCode::Backspace), Action::Back),
        (shift('A'), Action::ToggleStats),
        (ch('?'), Action::ToggleHelp),
        (ch('e'), Action::OpenPrompt(PromptKind::Export)),
        (shift('!'), Action::ShowReloadProblems),
    ] {
        assert_eq!(action_for_key(event, map), Some(action), "{event:?}");
    }
    assert_eq!(
        action_for_key(ch('G'), map),
        Some(Action::CoveredKey("G".into()))
    );
}

#[test]
fn esc_right_after_closing_a_pane_does_not_go_back() {
    let closed = KeyContext {
        can_go_back: true,
        pane_closed: true,
        ..cx(Mode::Normal, Pane::Events)
    };
    assert_eq!(
        action_for_key(key(KeyCode::Esc), closed),
        Some(Action::SayHowToGoBack)
    );
    // Backspace is asked for on purpose, and still goes back.
    assert_eq!(
        action_for_key(key(KeyCode::Backspace), closed),
        Some(Action::Back)
    );
    let later = KeyContext {
        pane_closed: false,
        ..closed
    };
    assert_eq!(action_for_key(key(KeyCode::Esc), later), Some(Action::Back));
}
