//! Plausibility checks of imported values against reference tables: coordinates against the
//! bounding boxes of their row's country, ACLED sub-event types against the event type the
//! codebook files them under, GDELT root and base codes against the event code. They catch
//! columns swapped in a header or an export, which would otherwise load without a word.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::problem::quoted;

/// Natural Earth's boxes with GeoNames' codes; the file's header names the sources.
const BOXES: &str = include_str!("country_boxes.tsv");

/// How far outside its box a point may lie and still count as inside, in degrees: the boxes
/// are of Natural Earth's 1:50m shapes, which leave out the smallest islands and simplify
/// coasts. Measured on GeoNames' 34,004 cities of 15,000 people or more: 40 lie outside
/// their country's boxes with no margin, 3 with half a degree, 2 with one degree.
pub const MARGIN_DEGREES: f64 = 1.0;

/// One country: its codes, names and the boxes of its parts.
#[derive(Debug)]
pub struct Country {
    /// The name to show, GeoNames' (e.g. "Democratic Republic of the Congo").
    pub name: String,
    /// `[min_lon, min_lat, max_lon, max_lat]` of each part (mainland, islands, overseas).
    boxes: Vec<[f64; 4]>,
}

/// Where a point lies against its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Inside,
    /// Outside, but inside once latitude and longitude trade places.
    Swapped,
    Outside,
}

impl Country {
    /// Where `(lat, lon)` lies against this country's boxes, give or take `MARGIN_DEGREES`.
    pub fn fit(&self, lat: f64, lon: f64) -> Fit {
        if self.holds(lat, lon) {
            Fit::Inside
        } else if self.holds(lon, lat) {
            Fit::Swapped
        } else {
            Fit::Outside
        }
    }

    fn holds(&self, lat: f64, lon: f64) -> bool {
        let m = MARGIN_DEGREES;
        self.boxes.iter().any(|[west, south, east, north]| {
            (west - m..=east + m).contains(&lon) && (south - m..=north + m).contains(&lat)
        })
    }
}

/// The table, with its lookups by ISO 3166 numeric code, FIPS 10-4 code (GDELT's) and name.
#[derive(Debug, Default)]
pub struct Countries {
    list: Vec<Country>,
    by_numeric: HashMap<u32, usize>,
    by_fips: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Countries {
    fn parse(text: &str) -> Countries {
        let mut countries = Countries::default();
        let mut by_iso3: HashMap<&str, usize> = HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            let [iso3, numeric, fips, names, _subunit, west, south, east, north] = fields[..]
            else {
                continue; // the table's test sees that every line has its nine fields
            };
            let [Ok(west), Ok(south), Ok(east), Ok(north)] =
                [west, south, east, north].map(str::parse::<f64>)
            else {
                continue;
            };
            let bounds = [west, south, east, north];
            let ix = *by_iso3.entry(iso3).or_insert_with(|| {
                let names: Vec<&str> = names.split('|').collect();
                countries.list.push(Country {
                    name: names[0].to_string(),
                    boxes: Vec::new(),
                });
                let ix = countries.list.len() - 1;
                if let Ok(n) = numeric.parse() {
                    countries.by_numeric.insert(n, ix);
                }
                if !fips.is_empty() {
                    countries.by_fips.insert(fips.to_string(), ix);
                }
                for name in names {
                    countries.by_name.insert(name_key(name), ix);
                }
                ix
            });
            countries.list[ix].boxes.push(bounds);
        }
        countries
    }

    /// By ISO 3166-1 numeric code, as ACLED's `iso` column gives it (`4` or `004`).
    pub fn by_iso_numeric(&self, code: &str) -> Option<&Country> {
        let n: u32 = code.trim().parse().ok()?;
        self.by_numeric.get(&n).map(|ix| &self.list[*ix])
    }

    /// By FIPS 10-4 code, as GDELT's `*Geo_CountryCode` columns give it.
    pub fn by_fips(&self, code: &str) -> Option<&Country> {
        self.by_fips.get(code.trim()).map(|ix| &self.list[*ix])
    }

    /// By name, ignoring case, punctuation and "the" ("Democratic Republic of Congo").
    pub fn by_name(&self, name: &str) -> Option<&Country> {
        self.by_name.get(&name_key(name)).map(|ix| &self.list[*ix])
    }
}

/// A name reduced to lower-case words without "the", for matching spellings.
fn name_key(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The embedded table, parsed once.
pub fn countries() -> &'static Countries {
    static TABLE: OnceLock<Countries> = OnceLock::new();
    TABLE.get_or_init(|| Countries::parse(BOXES))
}

/// ACLED's six event types and the 25 sub-event types under them, as the ACLED Codebook
/// (2023, "Event Types and Sub-Event Types") lists them.
const ACLED_TYPES: [(&str, &[&str]); 6] = [
    (
        "Battles",
        &[
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Armed clash",
        ],
    ),
    (
        "Protests",
        &[
            "Excessive force against protesters",
            "Protest with intervention",
            "Peaceful protest",
        ],
    ),
    ("Riots", &["Violent demonstration", "Mob violence"]),
    (
        "Explosions/Remote violence",
        &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    (
        "Violence against civilians",
        &[
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        ],
    ),
    (
        "Strategic developments",
        &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
];

/// What ACLED's codebook says of an event type and sub-event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcledTypes {
    /// The sub-event type is one of the event type's (or empty, as in older layouts).
    Fits,
    /// The event type is a sub-event type and the sub-event type its event type.
    Swapped,
    /// The event type column holds a sub-event type, filed under this event type.
    SubInEventType(&'static str),
    /// Both are in the codebook, but the sub-event type is filed under this other event type.
    WrongParent(&'static str),
    /// The event type is not one of the six (older ACLED versions had others).
    UnknownEventType,
    /// The event type is known; the sub-event type is not in the codebook.
    UnknownSubEventType,
}

fn event_type_of(sub_event_type: &str) -> Option<&'static str> {
    ACLED_TYPES.iter().find_map(|(event_type, subs)| {
        subs.iter()
            .any(|s| s.eq_ignore_ascii_case(sub_event_type))
            .then_some(*event_type)
    })
}

fn is_event_type(name: &str) -> bool {
    ACLED_TYPES
        .iter()
        .any(|(t, _)| t.eq_ignore_ascii_case(name))
}

/// Checks an ACLED row's event type and sub-event type against the codebook.
pub fn acled_types(event_type: &str, sub_event_type: &str) -> AcledTypes {
    let parent = event_type_of(sub_event_type);
    if !is_event_type(event_type) {
        return match event_type_of(event_type) {
            Some(p) if p.eq_ignore_ascii_case(sub_event_type) => AcledTypes::Swapped,
            Some(p) => AcledTypes::SubInEventType(p),
            None => AcledTypes::UnknownEventType,
        };
    }
    match parent {
        _ if sub_event_type.is_empty() => AcledTypes::Fits,
        Some(p) if p.eq_ignore_ascii_case(event_type) => AcledTypes::Fits,
        Some(p) => AcledTypes::WrongParent(p),
        None => AcledTypes::UnknownSubEventType,
    }
}

/// What is wrong with a GDELT row's CAMEO codes, if anything: the root code is the first two
/// digits of the event code, the base code its first three (or the code itself when shorter).
pub fn cameo_codes(code: &str, base: &str, root: &str) -> Vec<(&'static str, String)> {
    let prefix = |n: usize| code.get(..n.min(code.len())).unwrap_or(code);
    let mut wrong = Vec::new();
    if root.is_empty() || root == prefix(2) {
        if !base.is_empty() && base != prefix(3) {
            wrong.push((
                "EventBaseCode",
                format!(
                    "{} is not the first three digits of EventCode {}",
                    quoted(base),
                    quoted(code)
                ),
            ));
        }
        return wrong;
    }
    if root.len() > code.len() && root.starts_with(code) {
        wrong.push((
            "EventRootCode",
            format!(
                "{} and EventCode {} look swapped: a root code is the first two digits of \
                 the event code; check the columns",
                quoted(root),
                quoted(code)
            ),
        ));
        return wrong;
    }
    wrong.push((
        "EventRootCode",
        format!(
            "{} is not the first two digits of EventCode {}",
            quoted(root),
            quoted(code)
        ),
    ));
    wrong
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_is_read() {
        let lines = BOXES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        let table = countries();
        let boxes: usize = table.list.iter().map(|c| c.boxes.len()).sum();
        assert_eq!(boxes, lines);
        assert!(table.list.len() > 240, "{} countries", table.list.len());
        for country in &table.list {
            for [west, south, east, north] in &country.boxes {
                assert!(west <= east && south <= north, "{}", country.name);
                assert!((-180.0..=180.0).contains(west) && (-90.0..=90.0).contains(south));
            }
        }
    }

    #[test]
    fn finds_countries_by_each_code_and_by_name() {
        let table = countries();
        let sudan = table.by_iso_numeric("729").map(|c| c.name.as_str());
        assert_eq!(sudan, Some("Sudan"));
        assert_eq!(
            table.by_iso_numeric("4").map(|c| c.name.as_str()),
            Some("Afghanistan")
        );
        assert_eq!(
            table.by_iso_numeric("004").map(|c| c.name.as_str()),
            Some("Afghanistan")
        );
        assert_eq!(
            table.by_fips("SF").map(|c| c.name.as_str()),
            Some("South Africa")
        );
        assert_eq!(table.by_fips("SU").map(|c| c.name.as_str()), Some("Sudan"));
        assert_eq!(
            table
                .by_name("Democratic Republic of Congo")
                .map(|c| c.name.as_str()),
            Some("Democratic Republic of the Congo")
        );
        assert_eq!(
            table.by_name("kenya").map(|c| c.name.as_str()),
            Some("Kenya")
        );
        assert!(table.by_name("Atlantis").is_none());
        assert!(table.by_iso_numeric("0").is_none());
    }

    #[test]
    fn points_fit_their_country_or_look_swapped() {
        let table = countries();
        let sudan = table.by_name("Sudan").expect("Sudan in the table");
        // Khartoum.
        assert_eq!(sudan.fit(15.5007, 32.5599), Fit::Inside);
        assert_eq!(sudan.fit(32.5599, 15.5007), Fit::Swapped);
        // Nairobi is not in Sudan, either way round.
        assert_eq!(sudan.fit(-1.2833, 36.8167), Fit::Outside);
        // Fiji spans the 180th meridian: both halves count.
        let fiji = table.by_name("Fiji").expect("Fiji in the table");
        assert_eq!(fiji.fit(-16.8, 179.3), Fit::Inside);
        assert_eq!(fiji.fit(-16.8, -179.9), Fit::Inside);
    }

    #[test]
    fn acled_sub_event_types_belong_to_their_event_type() {
        let count: usize = ACLED_TYPES.iter().map(|(_, subs)| subs.len()).sum();
        assert_eq!(count, 25);
        assert_eq!(acled_types("Battles", "Armed clash"), AcledTypes::Fits);
        assert_eq!(acled_types("Battles", ""), AcledTypes::Fits);
        assert_eq!(acled_types("Armed clash", "Battles"), AcledTypes::Swapped);
        assert_eq!(
            acled_types("Armed clash", ""),
            AcledTypes::SubInEventType("Battles")
        );
        assert_eq!(
            acled_types("Battles", "Peaceful protest"),
            AcledTypes::WrongParent("Protests")
        );
        assert_eq!(
            acled_types("Riots/Protests", ""),
            AcledTypes::UnknownEventType
        );
        assert_eq!(
            acled_types("Battles", "Skirmish"),
            AcledTypes::UnknownSubEventType
        );
    }

    #[test]
    fn cameo_root_and_base_codes_are_prefixes_of_the_event_code() {
        assert!(cameo_codes("043", "043", "04").is_empty());
        assert!(cameo_codes("0841", "084", "08").is_empty());
        assert!(cameo_codes("04", "04", "04").is_empty());
        assert!(cameo_codes("190", "", "").is_empty());
        assert_eq!(
            cameo_codes("04", "043", "043"),
            [(
                "EventRootCode",
                "'043' and EventCode '04' look swapped: a root code is the first two digits of \
                 the event code; check the columns"
                    .to_string()
            )]
        );
        assert_eq!(
            cameo_codes("190", "190", "04"),
            [(
                "EventRootCode",
                "'04' is not the first two digits of EventCode '190'".to_string()
            )]
        );
        assert_eq!(
            cameo_codes("0841", "083", "08"),
            [(
                "EventBaseCode",
                "'083' is not the first three digits of EventCode '0841'".to_string()
            )]
        );
    }
}
