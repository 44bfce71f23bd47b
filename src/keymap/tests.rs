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
    for (keys, place, what) in HELP {
        assert!(!keys.is_empty() && !place.is_empty() && !what.is_empty());
    }
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
fn every_normal_key_in_the_help_is_bound() {
    // The single-character keys the help lists for "anywhere" do something in the events pane.
    for (keys, place, _) in HELP {
        if *place != "anywhere" {
            continue;
        }
        for word in keys.split_whitespace() {
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                assert!(
                    action_for_key(ch(c), cx(Mode::Normal, Pane::Events)).is_some(),
                    "{c:?} is in the help but unbound"
                );
            }
        }
    }
}

#[test]
fn the_readme_keys_table_lists_every_help_row() {
    let readme = include_str!("../../README.md");
    for (keys, place, what) in HELP {
        let row = format!("| {keys} | {place} | {what} |");
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
        HELP.len(),
        "README.md's Keys table has rows HELP does not"
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
