//! A one-line text field with a caret, which may open holding a suggestion that is selected:
//! as in any selected text field, the first character typed replaces it and an arrow keeps it
//! for editing.

/// Where a caret key moves the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caret {
    /// One character left; on a selection, to its start.
    Left,
    /// One character right; on a selection, to its end.
    Right,
    /// To the start.
    Home,
    /// To the end.
    End,
}

/// The text, the caret (a byte offset on a character boundary), and whether all of the text
/// is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    caret: usize,
    selected: bool,
}

impl TextField {
    /// Text the user typed, with the caret at its end.
    pub fn typed(text: String) -> Self {
        TextField {
            caret: text.len(),
            text,
            selected: false,
        }
    }

    /// A suggestion, selected (when there is one) so that typing replaces it.
    pub fn suggested(text: String) -> Self {
        TextField {
            selected: !text.is_empty(),
            ..TextField::typed(text)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text before and after the caret.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.caret)
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Types `c` at the caret, or in place of the selection.
    pub fn insert(&mut self, c: char) {
        self.take_selection();
        self.text.insert(self.caret, c);
        self.caret += c.len_utf8();
    }

    /// Deletes the character before the caret, or the selection.
    pub fn backspace(&mut self) {
        if self.take_selection() {
            return;
        }
        if let Some(c) = self.text[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
            self.text.remove(self.caret);
        }
    }

    /// Deletes the character after the caret, or the selection.
    pub fn delete(&mut self) {
        if !self.take_selection() && self.caret < self.text.len() {
            self.text.remove(self.caret);
        }
    }

    pub fn clear(&mut self) {
        *self = TextField::default();
    }

    pub fn move_caret(&mut self, caret: Caret) {
        let selected = std::mem::take(&mut self.selected);
        self.caret = match caret {
            Caret::Home => 0,
            Caret::End => self.text.len(),
            Caret::Left if selected => 0,
            Caret::Right if selected => self.text.len(),
            Caret::Left => self.text[..self.caret]
                .chars()
                .next_back()
                .map_or(self.caret, |c| self.caret - c.len_utf8()),
            Caret::Right => self.text[self.caret..]
                .chars()
                .next()
                .map_or(self.caret, |c| self.caret + c.len_utf8()),
        };
    }

    /// Removes the selected text, if any; whether there was some.
    fn take_selection(&mut self) -> bool {
        if !std::mem::take(&mut self.selected) {
            return false;
        }
        self.clear();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_caret_keep_to_character_boundaries() {
        let mut field = TextField::typed("aé".into());
        field.move_caret(Caret::Left);
        field.insert('x');
        assert_eq!(field.split(), ("ax", "é"));
        field.delete();
        assert_eq!(field.as_str(), "ax");
        field.delete();
        assert_eq!(field.as_str(), "ax", "nothing after the caret");
        field.move_caret(Caret::Home);
        field.backspace();
        field.move_caret(Caret::Left);
        assert_eq!(field.split(), ("", "ax"), "nothing before the caret");
    }

    #[test]
    fn an_empty_suggestion_is_not_selected() {
        assert!(!TextField::suggested(String::new()).is_selected());
        assert!(TextField::suggested("a".into()).is_selected());
    }
}
