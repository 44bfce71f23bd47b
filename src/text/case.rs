//! Labels (event types, tags, places) compared case aside: one rule for the CLI's `--type`,
//! `--tag` and `--country` and the browser's pickers and filters, so that both find the same
//! events for "éditorial" when the data writes it "Éditorial" and "éditorial".

use rustc_hash::FxHashMap;

/// The letters of `label` with case set aside: each letter's small form in every alphabet
/// ("Éditorial" and "ÉDITORIAL" both give "éditorial"), and the Greek final sigma as the
/// ordinary one, so "ΣΥΝΟΔΟΣ" (whose last letter lowercases to σ) and "συνοδος" fold alike.
fn folded(label: &str) -> impl Iterator<Item = char> + '_ {
    label
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
}

/// `label` folded (see `folded`), as a key for maps of labels.
pub fn fold_label(label: &str) -> String {
    folded(label).collect()
}

/// Whether two labels are the same, case aside. Cheap for the common cases (equal text, or
/// ASCII on both sides), as a filter asks it of every event.
pub fn same_label(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    folded(a).eq(folded(b))
}

/// Counted labels merged case aside, one entry per folded label (`key` folds a label; a place
/// folds its names), in no particular order. Each entry counts all of its spellings and is
/// written as the spelling counted most; of spellings counted alike, the one that sorts first,
/// which puts capitals first ("Éditorial" before "éditorial").
pub fn merge_spellings<T: Ord>(
    counted: impl IntoIterator<Item = (T, usize)>,
    key: impl Fn(&T) -> String,
) -> Vec<(T, usize)> {
    // Per folded label: the spelling shown, its own count, and the count of all spellings.
    let mut merged: FxHashMap<String, (T, usize, usize)> = FxHashMap::default();
    for (label, n) in counted {
        match merged.entry(key(&label)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert((label, n, n));
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let (shown, most, total) = o.get_mut();
                *total += n;
                if n > *most || (n == *most && label < *shown) {
                    *shown = label;
                    *most = n;
                }
            }
        }
    }
    merged
        .into_values()
        .map(|(label, _, total)| (label, total))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_same_case_aside_in_every_alphabet() {
        assert!(same_label("Éditorial", "éditorial"));
        assert!(same_label("ÉDITORIAL", "éditorial"));
        assert!(same_label("Battles", "bATTLES"));
        assert!(same_label("Россия", "РОССИЯ"));
        assert!(same_label("ΣΥΝΟΔΟΣ", "συνοδος"));
        // The Kelvin sign is a capital K beyond ASCII.
        assert!(same_label("\u{212A}iev", "kiev"));
        assert!(!same_label("Éditorial", "Editorial"));
        assert!(!same_label("protest", "protests"));
        assert_eq!(fold_label("ΣΥΝΟΔΟΣ"), fold_label("συνοδος"));
        assert_eq!(fold_label("Éditorial"), "éditorial");
    }

    #[test]
    fn spellings_merge_under_the_one_counted_most() {
        let mut merged = merge_spellings(
            [
                ("éditorial", 1),
                ("Éditorial", 3),
                ("ÉDITORIAL", 1),
                ("Sport", 2),
            ],
            |l| fold_label(l),
        );
        merged.sort();
        assert_eq!(merged, [("Sport", 2), ("Éditorial", 5)]);
    }

    #[test]
    fn spellings_counted_alike_show_the_one_that_sorts_first() {
        for counted in [
            [("éditorial", 1), ("Éditorial", 1)],
            [("Éditorial", 1), ("éditorial", 1)],
        ] {
            assert_eq!(
                merge_spellings(counted, |l| fold_label(l)),
                [("Éditorial", 2)]
            );
        }
    }
}
