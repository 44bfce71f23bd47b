//! The embedded list of countries with their adjectives and other names (`countries.tsv`,
//! whose header names its source), so "Russian" and "British" point at Russia and the
//! United Kingdom.

use std::sync::OnceLock;

const TABLE: &str = include_str!("countries.tsv");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub name: &'static str,
    pub adjectives: Vec<&'static str>,
    pub other_names: Vec<&'static str>,
}

impl Country {
    /// The name, then every other way of writing the country.
    pub fn forms(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name)
            .chain(self.adjectives.iter().copied())
            .chain(self.other_names.iter().copied())
    }
}

/// Every country of the list, in its order.
pub fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|line| {
                let mut columns = line.split('\t');
                let mut list = || {
                    columns
                        .next()
                        .map(|c| {
                            c.split(',')
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let name: Vec<&str> = list();
                Country {
                    name: name.first().copied().unwrap_or_default(),
                    adjectives: list(),
                    other_names: list(),
                }
            })
            .collect()
    })
}

/// Whether `word` is a country's adjective ("Russian", "british"), ignoring case.
pub fn is_adjective(word: &str) -> bool {
    static ADJECTIVES: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    ADJECTIVES
        .get_or_init(|| {
            countries()
                .iter()
                .flat_map(|c| c.adjectives.iter().map(|a| super::fold::fold(a)))
                .collect()
        })
        .contains(&super::fold::fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_every_state_with_its_adjectives() {
        let list = countries();
        assert_eq!(list.len(), 197);
        let find = |name: &str| list.iter().find(|c| c.name == name).unwrap();
        assert_eq!(find("Russia").adjectives, ["Russian"]);
        assert_eq!(find("United Kingdom").adjectives, ["British"]);
        assert!(find("United Kingdom").other_names.contains(&"U.K."));
        assert!(find("United States").other_names.contains(&"U.S."));
        assert!(list
            .iter()
            .all(|c| !c.name.is_empty() && !c.adjectives.is_empty()));
    }
}
