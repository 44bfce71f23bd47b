//! Storing each distinct label (event type, place, tag) once, however many events carry it.

use rustc_hash::FxHashSet;

use crate::model::Label;

/// The labels seen so far; `get` hands out the one stored copy of each.
#[derive(Debug, Default)]
pub struct Labels {
    seen: FxHashSet<Label>,
}

impl Labels {
    /// The stored copy of `text`, stored now if it is new.
    pub fn get(&mut self, text: &str) -> Label {
        if let Some(label) = self.seen.get(text) {
            return Label::clone(label);
        }
        let label = Label::from(text);
        self.seen.insert(Label::clone(&label));
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn hands_out_one_copy_per_distinct_text() {
        let mut labels = Labels::default();
        let a = labels.get("protest");
        let b = labels.get("protest");
        let c = labels.get("strike");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&*c, "strike");
    }
}
