//! Keys and mouse events to actions: a pure table of (mode, focus, key) → `Action`.
//! The help overlay and the README's Keys table come from `HELP` (a test checks the README),
//! kept next to the table so the two are changed together.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::{Action, Caret, Mode, Motion, Pane, PickerKind, PromptKind};

/// What the key table needs to know about the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub mode: Mode,
    pub focus: Pane,
    /// Whether Back has somewhere to go; Esc then goes back rather than clearing the filter.
    pub can_go_back: bool,
    /// Whether a find is active; n and N then step through its matches outside the source view.
    pub finding: bool,
}

/// The key help: keys, where they work, what they do.
pub const HELP: &[(&str, &str, &str)] = &[
    ("q  Ctrl-c", "anywhere", "quit"),
    ("?", "anywhere", "show or hide this help"),
    (
        "Tab  Shift-Tab  l h",
        "panes",
        "focus the next / previous pane",
    ),
    (
        "1 2 3 4",
        "panes",
        "focus events / actors / quotes / detail",
    ),
    ("j k  ↓ ↑  Ctrl-n Ctrl-p", "panes", "move down / up"),
    ("PgDn PgUp  Ctrl-b", "panes", "move a page"),
    ("Ctrl-d  Ctrl-u", "panes", "move half a page"),
    ("g G  Home End", "panes", "go to the first / last"),
    (
        "wheel  click",
        "panes",
        "scroll / select under the mouse pointer",
    ),
    ("/", "anywhere", "search actors by name or alias"),
    ("Enter", "search", "filter the timeline by the chosen actor"),
    ("↓ ↑  Ctrl-n Ctrl-p", "search", "move in the ranking"),
    ("Esc", "search", "leave the prompt"),
    ("Enter", "actors", "filter the timeline by the actor"),
    ("Space", "actors", "mark: show events involving all marked"),
    ("x", "anywhere", "clear every filter"),
    ("X", "anywhere", "remove one of the active filters"),
    ("T  #", "anywhere", "filter by event type / by tag (fuzzy)"),
    ("F", "anywhere", "filter by dates (2021-12, 2021..2022-01)"),
    ("t", "anywhere", "go to the first event on or after a date"),
    ("[ ]", "anywhere", "previous / next non-empty strip bucket"),
    ("+ -", "anywhere", "finer / coarser strip buckets"),
    ("click", "strip", "go to the first event of the bucket"),
    (
        "f  Ctrl-f",
        "anywhere",
        "find in titles, summaries and quotes",
    ),
    ("n N", "finding", "next / previous match (not in source)"),
    ("Esc", "finding", "stop finding"),
    ("m", "anywhere", "mark / unmark the event (kept)"),
    ("'  \"", "anywhere", "next / previous marked event"),
    ("e", "anywhere", "export the view (.md .csv .jsonl)"),
    ("y", "anywhere", "copy the event and its quotes"),
    ("Enter  Esc", "prompt", "act / cancel (Ctrl-u empties it)"),
    (
        "← →  Home End",
        "prompt",
        "edit the offered text (typing replaces it)",
    ),
    ("s  Enter", "events", "open the source of the event's quote"),
    ("Enter", "quotes", "open the quote in its source"),
    (
        "n N",
        "anywhere",
        "next / previous quote (when not finding)",
    ),
    ("j k", "source", "move sentence by sentence"),
    ("Enter", "source", "list the events citing the sentence"),
    ("Enter", "citing list", "select that event in the timeline"),
    (
        "Esc  Backspace  Ctrl-o",
        "anywhere",
        "go back (undo a jump, source or filter)",
    ),
    (
        "Esc",
        "anywhere",
        "with nowhere to go back: clear the filter",
    ),
    (
        "!",
        "anywhere",
        "read the problems of a failed reload in full",
    ),
    ("Ctrl-l", "anywhere", "redraw the screen"),
    ("Ctrl-z", "anywhere", "suspend (fg to resume)"),
];

/// The action for `key`, if any. Only key presses count (not releases or repeats on terminals
/// that report them, so that one press is one action).
pub fn action_for_key(key: KeyEvent, cx: KeyContext) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (key.code, ctrl) {
        (KeyCode::Char('c'), true) => return Some(Action::Quit),
        (KeyCode::Char('z'), true) => return Some(Action::Suspend),
        (KeyCode::Char('l'), true) => return Some(Action::Redraw),
        _ => {}
    }
    match cx.mode {
        Mode::Normal => normal(key.code, ctrl, cx),
        Mode::Search => search(key.code, ctrl),
        Mode::Help => help(key.code, ctrl),
        Mode::Citing => citing(key.code, ctrl),
        Mode::Prompt => prompt(key.code, ctrl),
        Mode::Picker => picker(key.code, ctrl),
        Mode::Problems => problems(key.code, ctrl),
    }
}

/// Movement keys shared by every list.
fn motion(code: KeyCode, ctrl: bool) -> Option<Motion> {
    Some(match (code, ctrl) {
        (KeyCode::Char('j') | KeyCode::Down, false) | (KeyCode::Char('n'), true) => Motion::Down,
        (KeyCode::Char('k') | KeyCode::Up, false) | (KeyCode::Char('p'), true) => Motion::Up,
        (KeyCode::PageDown, _) => Motion::PageDown,
        (KeyCode::PageUp, _) | (KeyCode::Char('b'), true) => Motion::PageUp,
        (KeyCode::Char('d'), true) => Motion::HalfPageDown,
        (KeyCode::Char('u'), true) => Motion::HalfPageUp,
        (KeyCode::Char('g') | KeyCode::Home, false) => Motion::First,
        (KeyCode::Char('G') | KeyCode::End, false) => Motion::Last,
        _ => return None,
    })
}

fn normal(code: KeyCode, ctrl: bool, cx: KeyContext) -> Option<Action> {
    if let Some(m) = motion(code, ctrl) {
        return Some(Action::Move(m));
    }
    let action = match (code, ctrl, cx.focus) {
        (KeyCode::Char('q'), false, _) => Action::Quit,
        (KeyCode::Char('?'), false, _) => Action::ToggleHelp,
        (KeyCode::Tab, false, _) | (KeyCode::Char('l'), false, _) => Action::FocusNext,
        (KeyCode::BackTab, _, _) | (KeyCode::Char('h'), false, _) => Action::FocusPrevious,
        (KeyCode::Char('1'), false, _) => Action::Focus(Pane::Events),
        (KeyCode::Char('2'), false, _) => Action::Focus(Pane::Actors),
        (KeyCode::Char('3'), false, _) => Action::Focus(Pane::Quotes),
        (KeyCode::Char('4'), false, _) => Action::Focus(Pane::Detail),
        (KeyCode::Char('/'), false, _) => Action::OpenSearch,
        (KeyCode::Char('x'), false, _) => Action::ClearFilter,
        (KeyCode::Char('s'), false, _) => Action::JumpToSource,
        (KeyCode::Char('n'), false, focus) if cx.finding && focus != Pane::Source => {
            Action::FindNext
        }
        (KeyCode::Char('N'), false, focus) if cx.finding && focus != Pane::Source => {
            Action::FindPrevious
        }
        (KeyCode::Char('n'), false, _) => Action::NextQuote,
        (KeyCode::Char('N'), false, _) => Action::PreviousQuote,
        (KeyCode::Char('f'), _, _) => Action::OpenPrompt(PromptKind::Find),
        (KeyCode::Char('t'), false, _) => Action::OpenPrompt(PromptKind::GoToDate),
        (KeyCode::Char('F'), false, _) => Action::OpenPrompt(PromptKind::DateRange),
        (KeyCode::Char('e'), false, _) => Action::OpenPrompt(PromptKind::Export),
        (KeyCode::Char('T'), false, _) => Action::OpenPicker(PickerKind::Types),
        (KeyCode::Char('#'), false, _) => Action::OpenPicker(PickerKind::Tags),
        (KeyCode::Char('X'), false, _) => Action::OpenPicker(PickerKind::ActiveFilters),
        (KeyCode::Char('+' | '='), false, _) => Action::ZoomIn,
        (KeyCode::Char('-'), false, _) => Action::ZoomOut,
        (KeyCode::Char(']'), false, _) => Action::NextBucket,
        (KeyCode::Char('['), false, _) => Action::PreviousBucket,
        (KeyCode::Char('m'), false, _) => Action::ToggleEventMark,
        (KeyCode::Char('\''), false, _) => Action::NextMark,
        (KeyCode::Char('"'), false, _) => Action::PreviousMark,
        (KeyCode::Char('y'), false, _) => Action::CopyEvent,
        (KeyCode::Char('!'), false, _) => Action::ShowReloadProblems,
        (KeyCode::Esc, _, _) if cx.finding => Action::ClearFind,
        (KeyCode::Esc, _, _) if cx.can_go_back => Action::Back,
        (KeyCode::Esc, _, _) => Action::LeaveFilter,
        (KeyCode::Backspace, _, _) | (KeyCode::Char('o'), true, _) => Action::Back,
        (KeyCode::Enter, _, Pane::Events | Pane::Quotes) => Action::JumpToSource,
        (KeyCode::Enter, _, Pane::Actors) => Action::FilterBySelectedActor,
        (KeyCode::Enter, _, Pane::Source) => Action::ShowCitingEvents,
        (KeyCode::Char(' '), false, Pane::Actors) => Action::ToggleMarkSelectedActor,
        _ => return None,
    };
    Some(action)
}

fn search(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc, _) => Action::CloseSearch,
        (KeyCode::Enter, _) => Action::FilterBySelectedActor,
        (KeyCode::Backspace, _) => Action::SearchBackspace,
        (KeyCode::Char('u'), true) => Action::SearchClear,
        (KeyCode::Down, _) | (KeyCode::Char('n'), true) => Action::Move(Motion::Down),
        (KeyCode::Up, _) | (KeyCode::Char('p'), true) => Action::Move(Motion::Up),
        (KeyCode::PageDown, _) => Action::Move(Motion::PageDown),
        (KeyCode::PageUp, _) => Action::Move(Motion::PageUp),
        (KeyCode::Char(c), false) => Action::SearchInput(c),
        _ => return None,
    })
}

/// A one-line prompt: everything typed is text; the arrows, Home and End move the caret.
fn prompt(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc, _) => Action::CancelPrompt,
        (KeyCode::Enter, _) => Action::SubmitPrompt,
        (KeyCode::Backspace, _) => Action::PromptBackspace,
        (KeyCode::Delete, _) => Action::PromptDelete,
        (KeyCode::Left, _) => Action::PromptCaret(Caret::Left),
        (KeyCode::Right, _) => Action::PromptCaret(Caret::Right),
        (KeyCode::Home, _) => Action::PromptCaret(Caret::Home),
        (KeyCode::End, _) => Action::PromptCaret(Caret::End),
        (KeyCode::Char('u'), true) => Action::PromptClear,
        (KeyCode::Char(c), false) => Action::PromptInput(c),
        _ => return None,
    })
}

/// A picker: text narrows the list, arrows move in it.
fn picker(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Down, _) | (KeyCode::Char('n'), true) => Action::Move(Motion::Down),
        (KeyCode::Up, _) | (KeyCode::Char('p'), true) => Action::Move(Motion::Up),
        (KeyCode::PageDown, _) => Action::Move(Motion::PageDown),
        (KeyCode::PageUp, _) => Action::Move(Motion::PageUp),
        _ => return prompt(code, ctrl),
    })
}

fn help(code: KeyCode, ctrl: bool) -> Option<Action> {
    match (code, ctrl) {
        (KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q'), false) => Some(Action::ToggleHelp),
        _ => motion(code, ctrl).map(Action::Move),
    }
}

fn problems(code: KeyCode, ctrl: bool) -> Option<Action> {
    match (code, ctrl) {
        (KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('!'), false) => {
            Some(Action::CloseOverlay)
        }
        _ => motion(code, ctrl).map(Action::Move),
    }
}

fn citing(code: KeyCode, ctrl: bool) -> Option<Action> {
    match (code, ctrl) {
        (KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace, false) => {
            Some(Action::CloseOverlay)
        }
        (KeyCode::Enter, _) => Some(Action::JumpToCitingEvent),
        _ => motion(code, ctrl).map(Action::Move),
    }
}

/// The action for a mouse event: the wheel scrolls, a left click selects.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            lines: -3,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
