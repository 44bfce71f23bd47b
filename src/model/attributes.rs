//! An event's attributes (an importer's codes and scores, a dataset's further fields) in eight
//! bytes a value. An imported row holds a dozen; as a name and a tagged value each they took 24
//! bytes, most of an import's memory. Here the names, and which values are numbers, are held
//! once for every event with the same list (an export's rows all have one or a few), and each
//! value is a number or a label in one word. An importer may name columns of few values (a
//! country's code, ACLED's interaction types): their values are held in the shape too, shared
//! by the events with the same, and take no word of their own.

use std::fmt;
use std::mem::ManuallyDrop;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::{Digits, Label, Number, Value};

/// What a value's word holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// A number shown in its shortest form: the number itself.
    Number,
    /// A number shown as written ("2.50"): the text, which reads back as the number.
    Written,
    Text,
    /// A value held in the shape, the same for every list of the shape.
    Fixed,
}

/// A value held in a shape: text, or a number shown in its shortest form (by its bits, which
/// tell apart every value that shows apart, 0 from -0).
#[derive(Debug, PartialEq, Eq, Hash)]
enum Held {
    Text(Label),
    Number(u64),
}

/// The names of a list of attributes, in order, the kind of each value, and the values of
/// kind `Fixed`, in order: shared by every event whose list has the same.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Shape {
    names: Box<[Label]>,
    kinds: Box<[Kind]>,
    fixed: Box<[Held]>,
}

/// One word of a list: its shape (the first), or a value, whose field is told by the shape's
/// kind.
union Slot {
    shape: ManuallyDrop<Arc<Shape>>,
    number: f64,
    text: ManuallyDrop<Label>,
}

/// An event's attributes, in the order given: in two words, as many as an empty list (most
/// events of a native dataset have none), and a word for the shape and each value.
///
/// Invariant: `slots` is empty, or its first holds an initialised `shape` and the others one
/// value for each of the shape's kinds that is not `Kind::Fixed`, in order: an initialised
/// `number` for `Kind::Number`, else an initialised `text`.
#[derive(Default)]
pub struct Attributes {
    slots: Box<[Slot]>,
}

// SAFETY: a slot holds an `Arc<Shape>`, an `f64` or a `Label` (an `ArcStr`), each Send and
// Sync.
unsafe impl Send for Attributes {}
// SAFETY: as for Send: shared access only reads them.
unsafe impl Sync for Attributes {}

/// An attribute's value as held: text borrowed from the event, a number by value.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueRef<'a> {
    Number(Number),
    Text(&'a Label),
}

impl ValueRef<'_> {
    /// The value as a number: a number's own, or text that reads as one.
    pub fn number(&self) -> Option<f64> {
        match self {
            ValueRef::Number(n) => Some(n.value()),
            ValueRef::Text(text) => text.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            ValueRef::Number(n) => Value::Number(n.clone()),
            ValueRef::Text(text) => Value::Text(Label::clone(text)),
        }
    }
}

impl fmt::Display for ValueRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueRef::Number(n) => n.fmt(f),
            ValueRef::Text(text) => f.write_str(text),
        }
    }
}

/// The shapes seen so far; `attributes` makes each list with the one stored copy of its shape.
#[derive(Debug, Default)]
pub struct Shapes {
    seen: FxHashSet<Arc<Shape>>,
    /// The names whose text values are held in the shape (see `hold_in_shape`).
    in_shape: FxHashSet<Label>,
}

impl Shapes {
    /// Holds the values of attributes `names` (text, or numbers in their shortest form) in
    /// their lists' shapes from now on: for columns of an export with few values, so that a
    /// million rows hold each combination of them once (ACLED's interaction codes and country
    /// codes).
    pub fn hold_in_shape(&mut self, names: &[&str]) {
        self.in_shape
            .extend(names.iter().map(|&name| Label::from(name)));
    }

    /// `list` as attributes, their shape shared with every earlier list of the same.
    pub fn attributes(&mut self, list: Vec<(Label, Value)>) -> Attributes {
        let in_shape = &self.in_shape;
        let seen = &mut self.seen;
        let held = |name: &Label| !in_shape.is_empty() && in_shape.contains(name);
        Attributes::build(list, held, |shape| {
            if let Some(stored) = seen.get(&shape) {
                return Arc::clone(stored);
            }
            let shape = Arc::new(shape);
            seen.insert(Arc::clone(&shape));
            shape
        })
    }

    /// `attributes` with `name: value` added at the end, the new shape shared.
    pub fn push(&mut self, attributes: &mut Attributes, name: Label, value: Value) {
        let mut list = attributes.to_list();
        list.push((name, value));
        *attributes = self.attributes(list);
    }

    /// `attributes` sorted by name (stably), the new shape shared; left as they are when
    /// already sorted.
    pub fn sort(&mut self, attributes: &mut Attributes) {
        let sorted = attributes
            .shape()
            .is_none_or(|shape| shape.names.is_sorted());
        if !sorted {
            let mut list = attributes.to_list();
            list.sort_by(|a, b| a.0.cmp(&b.0));
            *attributes = self.attributes(list);
        }
    }
}

impl Attributes {
    /// `list` as attributes with a shape of their own: for events made one at a time (tests,
    /// authoring); a loader shares shapes through `Shapes`.
    pub fn new(list: Vec<(Label, Value)>) -> Attributes {
        Attributes::build(list, |_| false, Arc::new)
    }

    /// `list` as attributes, the values of the names `held` says held in the shape (text, or
    /// numbers in their shortest form).
    fn build(
        list: Vec<(Label, Value)>,
        held: impl Fn(&Label) -> bool,
        shape_of: impl FnOnce(Shape) -> Arc<Shape>,
    ) -> Attributes {
        if list.is_empty() {
            return Attributes::default();
        }
        let mut names = Vec::with_capacity(list.len());
        let mut kinds = Vec::with_capacity(list.len());
        let mut fixed = Vec::new();
        let mut slots = Vec::with_capacity(1 + list.len());
        // The shape's place, filled once the shape is known.
        slots.push(Slot { number: 0.0 });
        for (name, value) in list {
            let kind = match value {
                Value::Text(text) if held(&name) => {
                    fixed.push(Held::Text(text));
                    Kind::Fixed
                }
                Value::Number(Number(Digits::Shortest(n))) if held(&name) => {
                    fixed.push(Held::Number(n.to_bits()));
                    Kind::Fixed
                }
                Value::Text(text) => {
                    slots.push(Slot::text(text));
                    Kind::Text
                }
                Value::Number(Number(Digits::Shortest(n))) => {
                    slots.push(Slot { number: n });
                    Kind::Number
                }
                Value::Number(Number(Digits::Written(written))) => {
                    slots.push(Slot::text(Label::from(&*written.1)));
                    Kind::Written
                }
            };
            names.push(name);
            kinds.push(kind);
        }
        slots[0] = Slot {
            shape: ManuallyDrop::new(shape_of(Shape {
                names: names.into(),
                kinds: kinds.into(),
                fixed: fixed.into(),
            })),
        };
        Attributes {
            slots: slots.into(),
        }
    }

    fn shape(&self) -> Option<&Arc<Shape>> {
        // SAFETY: by the invariant, a first slot holds the shape.
        self.slots.first().map(|slot| unsafe { &*slot.shape })
    }

    /// The values' slots: all but the shape's.
    fn values(&self) -> &[Slot] {
        self.slots.get(1..).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.shape().map_or(0, |shape| shape.names.len())
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Each attribute's name and value, in order.
    pub fn iter(&self) -> Iter<'_> {
        let (names, kinds, fixed): (&[Label], &[Kind], &[Held]) = match self.shape() {
            Some(shape) => (&shape.names, &shape.kinds, &shape.fixed),
            None => (&[], &[], &[]),
        };
        Iter {
            names: names.iter(),
            kinds: kinds.iter(),
            slots: self.values().iter(),
            fixed: fixed.iter(),
        }
    }

    /// The value of the first attribute named `name`.
    pub fn get(&self, name: &str) -> Option<ValueRef<'_>> {
        self.iter()
            .find(|(key, _)| &***key == name)
            .map(|(_, value)| value)
    }

    /// The attributes as a list of owned pairs.
    pub fn to_list(&self) -> Vec<(Label, Value)> {
        self.iter()
            .map(|(name, value)| (Label::clone(name), value.to_value()))
            .collect()
    }
}

impl Slot {
    fn text(text: Label) -> Slot {
        Slot {
            text: ManuallyDrop::new(text),
        }
    }

    /// The value, read as `kind` says it was written (never `Fixed`, which has no slot).
    fn value(&self, kind: Kind) -> ValueRef<'_> {
        match kind {
            // SAFETY: by the invariant, a slot of kind Number holds `number`.
            Kind::Number => ValueRef::Number(Number(Digits::Shortest(unsafe { self.number }))),
            // SAFETY: by the invariant, a slot of any other kind holds `text` (and the
            // callers pass no `Fixed`, whose value is the shape's).
            Kind::Text | Kind::Fixed => ValueRef::Text(unsafe { &self.text }),
            Kind::Written => {
                // SAFETY: as for Text.
                let written: &Label = unsafe { &self.text };
                // The text was read as this very number when the attribute was made, so it
                // reads again; NaN stands only for what cannot happen.
                let value = written.parse::<f64>().unwrap_or(f64::NAN);
                let digits = Digits::Written(Box::new((value, Box::from(&**written))));
                ValueRef::Number(Number(digits))
            }
        }
    }
}

impl Drop for Attributes {
    fn drop(&mut self) {
        let Some((first, values)) = self.slots.split_first_mut() else {
            return;
        };
        // SAFETY: by the invariant the first slot holds the shape, and each value's slot
        // whose kind is not Number an initialised `text`; each is dropped once, here, as the
        // list goes.
        let shape = unsafe { ManuallyDrop::take(&mut first.shape) };
        let kinds = shape.kinds.iter().filter(|kind| **kind != Kind::Fixed);
        for (slot, kind) in values.iter_mut().zip(kinds) {
            if *kind != Kind::Number {
                unsafe { ManuallyDrop::drop(&mut slot.text) };
            }
        }
    }
}

impl Clone for Attributes {
    fn clone(&self) -> Attributes {
        let Some(shape) = self.shape() else {
            return Attributes::default();
        };
        let values = self
            .values()
            .iter()
            .zip(shape.kinds.iter().filter(|kind| **kind != Kind::Fixed))
            .map(|(slot, kind)| match kind {
                // SAFETY: by the invariant, as in `Slot::value`.
                Kind::Number => Slot {
                    number: unsafe { slot.number },
                },
                _ => Slot::text(Label::clone(unsafe { &slot.text })),
            });
        let first = Slot {
            shape: ManuallyDrop::new(Arc::clone(shape)),
        };
        Attributes {
            slots: std::iter::once(first).chain(values).collect(),
        }
    }
}

impl PartialEq for Attributes {
    fn eq(&self, other: &Attributes) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Attributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The attributes' names and values, in order.
pub struct Iter<'a> {
    names: std::slice::Iter<'a, Label>,
    kinds: std::slice::Iter<'a, Kind>,
    slots: std::slice::Iter<'a, Slot>,
    /// The shape's values of kind `Fixed`.
    fixed: std::slice::Iter<'a, Held>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Label, ValueRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let (name, kind) = (self.names.next()?, self.kinds.next()?);
        let value = match kind {
            Kind::Fixed => match self.fixed.next()? {
                Held::Text(text) => ValueRef::Text(text),
                Held::Number(bits) => {
                    ValueRef::Number(Number(Digits::Shortest(f64::from_bits(*bits))))
                }
            },
            _ => self.slots.next()?.value(*kind),
        };
        Some((name, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.names.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Attributes {
    type Item = (&'a Label, ValueRef<'a>);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl From<Vec<(Label, Value)>> for Attributes {
    fn from(list: Vec<(Label, Value)>) -> Attributes {
        Attributes::new(list)
    }
}

impl<const N: usize> From<[(Label, Value); N]> for Attributes {
    fn from(list: [(Label, Value); N]) -> Attributes {
        Attributes::new(list.into())
    }
}

impl FromIterator<(Label, Value)> for Attributes {
    fn from_iter<I: IntoIterator<Item = (Label, Value)>>(list: I) -> Attributes {
        Attributes::new(list.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Value {
        Value::Number(Number::parse(text).expect(text))
    }

    fn list() -> Vec<(Label, Value)> {
        vec![
            ("cameo".into(), Value::text("190")),
            ("tone".into(), number("-3.6496350364963503")),
            ("price".into(), number("2.50")),
            ("mentions".into(), number("12")),
        ]
    }

    #[test]
    fn reads_back_every_value_as_given_in_order() {
        let attributes = Attributes::new(list());
        let back: Vec<(String, String)> = attributes
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        let given: Vec<(String, String)> = list()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        assert_eq!(back, given);
        assert_eq!(attributes.to_list(), list());
        assert_eq!(attributes.get("price").and_then(|v| v.number()), Some(2.5));
        assert_eq!(
            attributes.get("cameo").and_then(|v| match v {
                ValueRef::Text(text) => Some(text.clone()),
                ValueRef::Number(_) => None,
            }),
            Some(Label::from("190"))
        );
        assert_eq!(attributes.get("missing"), None);
        assert_eq!(attributes.len(), 4);
    }

    #[test]
    fn a_value_takes_one_word_and_a_list_two() {
        assert_eq!(std::mem::size_of::<Slot>(), 8);
        assert_eq!(std::mem::size_of::<Attributes>(), 16);
    }

    #[test]
    fn a_shape_is_dropped_with_its_last_list() {
        let mut shapes = Shapes::default();
        let a = shapes.attributes(list());
        let b = a.clone();
        let shape = Arc::clone(a.shape().expect("shape"));
        // The store's, a's, b's and this one.
        assert_eq!(Arc::strong_count(&shape), 4);
        drop(a);
        drop(shapes);
        assert_eq!(Arc::strong_count(&shape), 2);
        drop(b);
        assert_eq!(Arc::strong_count(&shape), 1);
    }

    #[test]
    fn lists_of_the_same_names_and_kinds_share_one_shape() {
        let mut shapes = Shapes::default();
        let a = shapes.attributes(list());
        let mut other = list();
        other[0].1 = Value::text("040");
        other[3].1 = number("7");
        let b = shapes.attributes(other);
        let (Some(sa), Some(sb)) = (a.shape(), b.shape()) else {
            panic!("shapes");
        };
        assert!(Arc::ptr_eq(sa, sb));
        assert_eq!(
            b.get("cameo").map(|v| v.to_string()).as_deref(),
            Some("040")
        );
        // A number where the other had text is another shape.
        let mut text_tone = list();
        text_tone[1].1 = Value::text("n/a");
        let c = shapes.attributes(text_tone);
        assert!(!Arc::ptr_eq(sa, c.shape().expect("shape")));
    }

    #[test]
    fn values_held_in_the_shape_read_back_in_order_and_share_it_only_when_equal() {
        let mut shapes = Shapes::default();
        shapes.hold_in_shape(&["cameo", "price"]);
        let a = shapes.attributes(list());
        assert_eq!(a.to_list(), list());
        assert_eq!(a.len(), 4);
        assert_eq!(a.iter().len(), 4);
        // "price" is a number as written ("2.50"): held in the list, with the others.
        assert_eq!(a.values().len(), 3);
        assert_eq!(
            a.get("cameo").map(|v| v.to_string()).as_deref(),
            Some("190")
        );
        let mut same = list();
        same[3].1 = number("7");
        let b = shapes.attributes(same.clone());
        assert!(Arc::ptr_eq(
            a.shape().expect("shape"),
            b.shape().expect("shape")
        ));
        assert_eq!(b.to_list(), same);
        let mut other = list();
        other[0].1 = Value::text("040");
        let c = shapes.attributes(other.clone());
        assert!(!Arc::ptr_eq(
            a.shape().expect("shape"),
            c.shape().expect("shape")
        ));
        assert_eq!(c.to_list(), other);
        // Cloned, pushed to and sorted, the values stay where they were.
        let mut d = c.clone();
        assert_eq!(d, c);
        assert_ne!(d, a);
        shapes.push(&mut d, "b".into(), Value::text("x"));
        shapes.sort(&mut d);
        let names: Vec<&str> = d.iter().map(|(n, _)| &**n).collect();
        assert_eq!(names, ["b", "cameo", "mentions", "price", "tone"]);
        assert_eq!(
            d.get("cameo").map(|v| v.to_string()).as_deref(),
            Some("040")
        );
        assert_eq!(d.get("b").map(|v| v.to_string()).as_deref(), Some("x"));
        // Every text counted: held by the shape, dropped with it.
        let text = Label::from("a shared code");
        let held = shapes.attributes(vec![("cameo".into(), Value::Text(Label::clone(&text)))]);
        assert_eq!(held.values().len(), 0);
        assert!(!held.is_empty());
        assert_eq!(Label::strong_count(&text), Some(2));
        drop(held);
        drop(shapes);
        assert_eq!(Label::strong_count(&text), Some(1));
    }

    #[test]
    fn numbers_held_in_the_shape_read_back_as_they_were_given() {
        let mut shapes = Shapes::default();
        shapes.hold_in_shape(&["mentions", "tone"]);
        let a = shapes.attributes(list());
        assert_eq!(a.to_list(), list());
        assert_eq!(a.values().len(), 2);
        let zero = |n: &str| vec![("n".into(), number(n)), ("t".into(), Value::text("x"))];
        shapes.hold_in_shape(&["n"]);
        let (plus, minus) = (shapes.attributes(zero("0")), shapes.attributes(zero("-0")));
        assert_eq!(plus.to_list(), zero("0"));
        assert_eq!(minus.to_list(), zero("-0"));
        assert_eq!(minus.get("n").map(|v| v.to_string()).as_deref(), Some("-0"));
        assert!(!Arc::ptr_eq(
            plus.shape().expect("shape"),
            minus.shape().expect("shape")
        ));
        let again = shapes.attributes(zero("0.0"));
        assert_eq!(
            again.get("n").map(|v| v.to_string()).as_deref(),
            Some("0.0")
        );
    }

    #[test]
    fn clones_and_drops_keep_every_text_counted() {
        let text = Label::from("a shared code");
        let made = |text: &Label| {
            Attributes::new(vec![
                ("code".into(), Value::Text(Label::clone(text))),
                ("n".into(), number("1")),
            ])
        };
        let a = made(&text);
        let b = a.clone();
        assert_eq!(a, b);
        assert_eq!(Label::strong_count(&text), Some(3));
        drop(a);
        drop(b);
        assert_eq!(Label::strong_count(&text), Some(1));
        assert_ne!(made(&text), Attributes::new(vec![]));
    }

    #[test]
    fn push_and_sort_keep_the_values() {
        let mut shapes = Shapes::default();
        let mut attributes = shapes.attributes(list());
        shapes.push(&mut attributes, "b".into(), number("3"));
        shapes.sort(&mut attributes);
        let names: Vec<&str> = attributes.iter().map(|(n, _)| &**n).collect();
        assert_eq!(names, ["b", "cameo", "mentions", "price", "tone"]);
        assert_eq!(
            attributes.get("price").map(|v| v.to_string()).as_deref(),
            Some("2.50")
        );
        assert_eq!(attributes.get("b").and_then(|v| v.number()), Some(3.0));
        let empty = Attributes::default();
        assert!(empty.is_empty());
        assert_eq!(empty.iter().count(), 0);
        assert_eq!(format!("{empty:?}"), "{}");
    }
}
