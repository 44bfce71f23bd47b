//! Storing each distinct label (event type, place, tag, an export's titles) and point once,
//! however many events carry it.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Attributes, Label, Point, Region, Shapes, Value};

/// The labels seen so far; `get` hands out the one stored copy of each, and `region` the one
/// stored copy of each region.
#[derive(Debug, Default)]
pub struct Labels {
    seen: FxHashSet<Label>,
    regions: FxHashSet<Arc<Region>>,
    /// By the bits of latitude and longitude: an export geocodes its rows to named places, so
    /// a million rows fall on a few thousand points.
    points: FxHashMap<(u64, u64), Arc<Point>>,
    /// Attribute lists' names and kinds, shared likewise.
    pub shapes: Shapes,
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

    /// `list` as attributes whose names and kinds are shared with every earlier list of the
    /// same.
    pub fn attributes(&mut self, list: Vec<(Label, Value)>) -> Attributes {
        self.shapes.attributes(list)
    }

    /// The stored copy of `point`: shared with every earlier point of the very same
    /// coordinates (to the bit, so that nothing shown changes).
    pub fn point(&mut self, point: Point) -> Arc<Point> {
        let key = (point.lat.to_bits(), point.lon.to_bits());
        Arc::clone(self.points.entry(key).or_insert_with(|| Arc::new(point)))
    }

    /// The stored region of these names (blank ones left out), or `None` when all are blank.
    pub fn region(
        &mut self,
        country: Option<&str>,
        admin1: Option<&str>,
        admin2: Option<&str>,
    ) -> Option<Arc<Region>> {
        let mut name = |text: Option<&str>| {
            text.map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| self.get(t))
        };
        let region = Region {
            country: name(country),
            admin1: name(admin1),
            admin2: name(admin2),
        };
        if region == Region::default() {
            return None;
        }
        if let Some(stored) = self.regions.get(&region) {
            return Some(Arc::clone(stored));
        }
        let region = Arc::new(region);
        self.regions.insert(Arc::clone(&region));
        Some(region)
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
        assert!(Label::ptr_eq(&a, &b));
        assert!(!Label::ptr_eq(&a, &c));
        assert_eq!(&*c, "strike");
    }

    #[test]
    fn hands_out_one_region_per_distinct_place() {
        let mut labels = Labels::default();
        let a = labels.region(Some("Zimbabwe"), Some("Harare"), None);
        let b = labels.region(Some("Zimbabwe"), Some(" Harare "), Some(""));
        let c = labels.region(Some("Zimbabwe"), None, None);
        let (Some(a), Some(b), Some(c)) = (a, b, c) else {
            panic!("regions with names");
        };
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(a.admin1.as_deref(), Some("Harare"));
        assert_eq!(a.admin2, None);
        assert_eq!(labels.region(None, Some(" "), None), None);
    }

    #[test]
    fn hands_out_one_point_per_distinct_pair_of_coordinates() {
        let mut labels = Labels::default();
        let a = labels.point(Point {
            lat: 15.5,
            lon: 32.5,
        });
        let b = labels.point(Point {
            lat: 15.5,
            lon: 32.5,
        });
        let c = labels.point(Point {
            lat: 32.5,
            lon: 15.5,
        });
        // 0 and -0 compare equal but are written apart ("-0"): never one for the other.
        let zero = labels.point(Point { lat: 0.0, lon: 1.0 });
        let minus_zero = labels.point(Point {
            lat: -0.0,
            lon: 1.0,
        });
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!((c.lat, c.lon), (32.5, 15.5));
        assert!(!Arc::ptr_eq(&zero, &minus_zero));
        assert!(minus_zero.lat.is_sign_negative());
    }
}
