//! Dates people write that are not EDTF (`12/13/2021`, `31 April 2021`, `December 2021`, the
//! browser's own `2021..2021-12-13?`), read only to say how to write them: a refused date
//! that names its EDTF form is fixed in one go, where "the year must be 4 digits" is not.

use super::EdtfDate;

/// The months' English names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week's English names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `lower` (a word in lower case) is the name of a month or a day of the week.
pub fn is_calendar_name(lower: &str) -> bool {
    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
}

/// A month's number (1 for January) from its English name or its first three letters (or
/// "Sept"), any case.
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let at = MONTHS.iter().position(|m| {
        *m == name
            || (name.len() == 3 && m.starts_with(&name))
            || (name == "sept" && *m == "september")
    })?;
    Some(at as u32 + 1)
}

/// The EDTF for `text`, when `text` is a date written another common way and tells its
/// day and month apart (`06/03/2022` does not: either could be the month). The result may be
/// a day that does not exist (`2021-04-31`), for the parser to say so.
pub(super) fn as_edtf(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(date) = EdtfDate::parse_display(text) {
        return Some(date.edtf());
    }
    slashed(text).or_else(|| with_month_name(text))
}

/// `13/12/2021`, `12/13/2021`, `13.12.2021`: day and month told apart by a number over 12.
fn slashed(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    (1..=12)
        .contains(&month)
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// `31 April 2021`, `April 30, 2021`, `Dec 2021`, `13 Dec. 2021`.
fn with_month_name(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month = month_number;
    let number = |word: &str| {
        word.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let year = |word: &str| {
        (word.len() == 4)
            .then(|| word.parse::<u32>().ok())
            .flatten()
    };
    match words.as_slice() {
        [m, y] => Some(format!("{:04}-{:02}", year(y)?, month(m)?)),
        [d, m, y] if month(m).is_some() => Some(format!(
            "{:04}-{:02}-{:02}",
            year(y)?,
            month(m)?,
            number(d)?
        )),
        [m, d, y] => Some(format!(
            "{:04}-{:02}-{:02}",
            year(y)?,
            month(m)?,
            number(d)?
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::as_edtf;

    #[test]
    fn common_ways_of_writing_a_date_are_read_when_they_tell_day_from_month() {
        for (written, edtf) in [
            ("12/13/2021", Some("2021-12-13")),
            ("13/12/2021", Some("2021-12-13")),
            ("13.12.2021", Some("2021-12-13")),
            ("06/03/2022", None),
            ("31 April 2021", Some("2021-04-31")),
            ("April 30, 2021", Some("2021-04-30")),
            ("13 Dec. 2021", Some("2021-12-13")),
            ("1st May 2022", Some("2022-05-01")),
            ("December 2021", Some("2021-12")),
            ("2021..2021-12-13?", Some("2021/2021-12-13?")),
            ("~2021-12-11..12", Some("2021-12-11/2021-12-12~")),
            ("Ma 2021", None),
            ("yesterday", None),
            ("13/13/2021", None),
        ] {
            assert_eq!(as_edtf(written).as_deref(), edtf, "{written}");
        }
    }
}
