//! Every binding: key + mode + focus → action, without a terminal.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::*;

fn cx(mode: Mode, focus: Pane) -> KeyContext {
    KeyContext {
        mode,
        focus,
        can_go_back: false,
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
        (ctrl('f'), Action::Move(Motion::PageDown)),
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
    assert_eq!(action_for_key(esc, context), Some(Action::ClearFilter));
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
    for (keys, place, what) in HELP {
        assert!(!keys.is_empty() && !place.is_empty() && !what.is_empty());
    }
}
