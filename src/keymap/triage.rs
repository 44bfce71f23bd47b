//! Keys in triage, as vim, less and lazygit users expect them: j/k to move, a to accept, x to
//! reject, e to edit, u to undo, ? for help, q to quit. One table gives the lookup, the help
//! overlay and the hint line, so that they cannot drift apart; in the edit form every
//! character is text (`keymap::form`).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::{form, Key};
use crate::app::Motion;
use crate::triage::{Action, Overlay};

/// Where a key works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Everywhere, the form included.
    Always,
    /// In the list (nothing open on top of it).
    List,
    /// In the help.
    Help,
}

/// One row of the table and of the help.
struct Row {
    keys: &'static [(Key, Action)],
    place: Place,
    what: &'static str,
    /// Whether the help lists it (the ways out of the help are in its title).
    listed: bool,
}

use Action as A;
use KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};

const DOWN: Action = A::Move(Motion::Down);
const UP: Action = A::Move(Motion::Up);

const TABLE: &[Row] = &[
    Row {
        keys: &[(Key::Char('a'), A::Accept)],
        place: Place::List,
        what: "accept: write the event (and its new actors) now",
        listed: true,
    },
    Row {
        keys: &[(Key::Char('x'), A::Reject)],
        place: Place::List,
        what: "reject: leave it out (kept in rejected.jsonl for next time)",
        listed: true,
    },
    Row {
        keys: &[(Key::Char('e'), A::Edit)],
        place: Place::List,
        what: "edit title, date, actors and type",
        listed: true,
    },
    Row {
        keys: &[(Key::Char('u'), A::Undo)],
        place: Place::List,
        what: "undo the last accept or reject",
        listed: true,
    },
    Row {
        keys: &[
            (Key::Char('j'), DOWN),
            (Key::Char('k'), UP),
            (Key::Code(Down), DOWN),
            (Key::Code(Up), UP),
            (Key::Ctrl('n'), DOWN),
            (Key::Ctrl('p'), UP),
        ],
        place: Place::List,
        what: "next / previous candidate",
        listed: true,
    },
    Row {
        keys: &[
            (Key::Char('g'), A::Move(Motion::First)),
            (Key::Char('G'), A::Move(Motion::Last)),
            (Key::Code(Home), A::Move(Motion::First)),
            (Key::Code(End), A::Move(Motion::Last)),
        ],
        place: Place::List,
        what: "first / last candidate",
        listed: true,
    },
    Row {
        keys: &[
            (Key::Code(PageDown), A::Move(Motion::PageDown)),
            (Key::Code(PageUp), A::Move(Motion::PageUp)),
            (Key::Ctrl('d'), A::Move(Motion::HalfPageDown)),
            (Key::Ctrl('u'), A::Move(Motion::HalfPageUp)),
        ],
        place: Place::List,
        what: "a page / half a page down, up",
        listed: true,
    },
    Row {
        keys: &[(Key::Char('?'), A::ToggleHelp)],
        place: Place::List,
        what: "show or hide this help",
        listed: true,
    },
    Row {
        keys: &[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)],
        place: Place::List,
        what: "quit (what was accepted is written)",
        listed: true,
    },
    Row {
        keys: &[(Key::Ctrl('l'), A::Redraw)],
        place: Place::Always,
        what: "redraw the screen",
        listed: true,
    },
    Row {
        keys: &[(Key::Ctrl('z'), A::Suspend)],
        place: Place::Always,
        what: "suspend (fg to resume)",
        listed: true,
    },
    Row {
        keys: &[(Key::Ctrl('c'), A::Quit)],
        place: Place::Always,
        what: "quit",
        listed: false,
    },
    Row {
        // The help scrolls where the terminal is too short for it.
        keys: &[
            (Key::Char('j'), DOWN),
            (Key::Char('k'), UP),
            (Key::Code(Down), DOWN),
            (Key::Code(Up), UP),
            (Key::Char('g'), A::Move(Motion::First)),
            (Key::Char('G'), A::Move(Motion::Last)),
            (Key::Code(Home), A::Move(Motion::First)),
            (Key::Code(End), A::Move(Motion::Last)),
        ],
        place: Place::Help,
        what: "scroll the help",
        listed: false,
    },
    Row {
        keys: &[
            (Key::Code(Esc), A::CloseOverlay),
            (Key::Char('q'), A::CloseOverlay),
            (Key::Char('?'), A::CloseOverlay),
        ],
        place: Place::Help,
        what: "close the help",
        listed: false,
    },
];

/// The short hint the status line shows when it has nothing to say.
pub const HINT: &[(&str, &str)] = &[
    ("a", "accept"),
    ("x", "reject"),
    ("e", "edit"),
    ("u", "undo"),
    ("j/k", "move"),
    ("?", "help"),
    ("q", "quit"),
];

/// One row of the help: the keys, and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub what: &'static str,
}

/// The key help, made from the table.
pub fn help() -> Vec<HelpRow> {
    TABLE
        .iter()
        .filter(|row| row.listed)
        .map(|row| {
            let labels: Vec<String> = row.keys.iter().map(|(k, _)| k.label()).collect();
            HelpRow {
                keys: labels.join(" "),
                what: row.what,
            }
        })
        .collect()
}

/// The action for `key` in triage showing `overlay`, if any.
pub fn action_for_key(key: KeyEvent, overlay: &Overlay) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let place = match overlay {
        Overlay::None => Place::List,
        Overlay::Help => Place::Help,
        Overlay::Edit { .. } => {
            let always = lookup(key, Place::Always);
            return always.or_else(|| form::action_for_key(key).map(Action::Form));
        }
    };
    lookup(key, place).or_else(|| lookup(key, Place::Always))
}

fn lookup(key: KeyEvent, place: Place) -> Option<Action> {
    TABLE
        .iter()
        .filter(|row| row.place == place)
        .flat_map(|row| row.keys)
        .find(|(k, _)| k.matches(key))
        .map(|(_, action)| action.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form::{EventFields, EventForm, FormAction};
    use crossterm::event::KeyModifiers;

    fn ch(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn edit() -> Overlay {
        let fields = EventFields {
            title: String::new(),
            date: String::new(),
            actors: vec![],
            kind: None,
        };
        Overlay::Edit {
            index: 0,
            form: Box::new(EventForm::new("Edit".into(), &fields, vec![])),
        }
    }

    #[test]
    fn the_list_keys_decide_and_move() {
        let list = Overlay::None;
        let table = [
            (ch('a'), Some(A::Accept)),
            (ch('x'), Some(A::Reject)),
            (ch('e'), Some(A::Edit)),
            (ch('u'), Some(A::Undo)),
            (ch('j'), Some(DOWN)),
            (ch('k'), Some(UP)),
            (ch('G'), Some(A::Move(Motion::Last))),
            (ch('?'), Some(A::ToggleHelp)),
            (ch('q'), Some(A::Quit)),
            (ctrl('c'), Some(A::Quit)),
            (ctrl('u'), Some(A::Move(Motion::HalfPageUp))),
            (ctrl('z'), Some(A::Suspend)),
            (ch('z'), None),
        ];
        for (key, action) in table {
            assert_eq!(action_for_key(key, &list), action, "{key:?}");
        }
    }

    #[test]
    fn in_the_form_letters_are_text_and_in_the_help_q_closes_it() {
        let form = edit();
        for c in ['a', 'x', 'u', 'q', 'j', '?'] {
            assert_eq!(
                action_for_key(ch(c), &form),
                Some(A::Form(FormAction::Input(c)))
            );
        }
        assert_eq!(
            action_for_key(ctrl('u'), &form),
            Some(A::Form(FormAction::Clear))
        );
        assert_eq!(action_for_key(ctrl('c'), &form), Some(A::Quit));
        let help = Overlay::Help;
        assert_eq!(action_for_key(ch('q'), &help), Some(A::CloseOverlay));
        assert_eq!(action_for_key(ch('a'), &help), None);
        assert_eq!(action_for_key(ctrl('l'), &help), Some(A::Redraw));
    }

    #[test]
    fn the_help_lists_every_listed_row_with_its_keys() {
        let help = help();
        assert_eq!(help[0].keys, "a");
        assert_eq!(
            help.iter()
                .find(|h| h.what.starts_with("next"))
                .map(|h| h.keys.as_str()),
            Some("j k ↓ ↑ Ctrl-n Ctrl-p")
        );
        assert!(help.iter().all(|h| h.what != "close the help"));
        // The hint names only keys the table binds in the list.
        for (keys, _) in HINT {
            let first = keys.split('/').next().unwrap_or_default();
            let key = first.chars().next().map(ch).unwrap_or_else(|| ch(' '));
            assert!(action_for_key(key, &Overlay::None).is_some(), "{keys}");
        }
    }
}
