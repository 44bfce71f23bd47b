//! Keys in the event form (triage's edit, the browser's add-event): characters are text, and
//! the keys any text field answers to (arrows, Home, End, Backspace, Delete, Ctrl-u) edit it;
//! Tab and the up and down arrows go from field to field, Enter writes, Esc cancels.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Key;
use crate::app::form::{FormAction, Submit};
use crate::app::Caret;

/// The form's keys, in the order its hint line names them: (keys, what), and the action.
const KEYS: &[(Key, FormAction)] = &[
    (Key::Code(KeyCode::Enter), FormAction::Submit),
    (Key::Code(KeyCode::Esc), FormAction::Cancel),
    (Key::Code(KeyCode::Tab), FormAction::NextField),
    (Key::Code(KeyCode::Down), FormAction::NextField),
    (Key::Code(KeyCode::BackTab), FormAction::PreviousField),
    (Key::Code(KeyCode::Up), FormAction::PreviousField),
    (Key::Code(KeyCode::Left), FormAction::Caret(Caret::Left)),
    (Key::Code(KeyCode::Right), FormAction::Caret(Caret::Right)),
    (Key::Code(KeyCode::Home), FormAction::Caret(Caret::Home)),
    (Key::Code(KeyCode::End), FormAction::Caret(Caret::End)),
    (Key::Code(KeyCode::Backspace), FormAction::Backspace),
    (Key::Code(KeyCode::Delete), FormAction::Delete),
    (Key::Ctrl('u'), FormAction::Clear),
];

/// The hint the form shows under its fields and in the status line.
pub fn hint(submit: Submit) -> &'static [(&'static str, &'static str)] {
    match submit {
        Submit::Write => HINT,
        Submit::Keep => KEEP_HINT,
    }
}

/// Where Enter writes the event.
const HINT: &[(&str, &str)] = &[
    ("Enter", "write"),
    ("Tab ↓ ↑", "field"),
    ("Ctrl-u", "empty it"),
    ("Esc", "cancel"),
];

/// Where Enter only keeps the edit (triage, where a writes).
const KEEP_HINT: &[(&str, &str)] = &[
    ("Enter", "keep"),
    ("Tab ↓ ↑", "field"),
    ("Ctrl-u", "empty it"),
    ("Esc", "cancel"),
];

/// The form's action for `key`, if any (presses only, as elsewhere).
pub fn action_for_key(key: KeyEvent) -> Option<FormAction> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Some((_, action)) = KEYS.iter().find(|(k, _)| k.matches(key)) {
        return Some(action.clone());
    }
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(FormAction::Input(c))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn letters_are_text_and_the_field_keys_edit() {
        let none = KeyModifiers::NONE;
        for c in ['a', 'x', 'q', 'u', '?', 'j', ' '] {
            assert_eq!(
                action_for_key(key(KeyCode::Char(c), none)),
                Some(FormAction::Input(c))
            );
        }
        assert_eq!(
            action_for_key(key(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(FormAction::Input('A'))
        );
        let table = [
            (KeyCode::Enter, FormAction::Submit),
            (KeyCode::Esc, FormAction::Cancel),
            (KeyCode::Tab, FormAction::NextField),
            (KeyCode::BackTab, FormAction::PreviousField),
            (KeyCode::Up, FormAction::PreviousField),
            (KeyCode::Down, FormAction::NextField),
            (KeyCode::Left, FormAction::Caret(Caret::Left)),
            (KeyCode::End, FormAction::Caret(Caret::End)),
            (KeyCode::Backspace, FormAction::Backspace),
            (KeyCode::Delete, FormAction::Delete),
        ];
        for (code, action) in table {
            assert_eq!(action_for_key(key(code, none)), Some(action), "{code:?}");
        }
        assert_eq!(
            action_for_key(key(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            Some(FormAction::Clear)
        );
        assert_eq!(
            action_for_key(key(KeyCode::Char('x'), KeyModifiers::CONTROL)),
            None
        );
    }
}
