//! Text as a terminal shows it: which characters of data may reach the screen as themselves
//! (`safe`), how many columns text takes and how it is cut to fit (`width`), where it wraps
//! (`wrap`), exact decimal numbers for sums (`decimal`), and labels compared case aside
//! (`case`). Problems, commands and the browser all use it; it knows nothing of ratatui.

pub mod case;
pub mod decimal;
pub mod safe;
pub mod width;
pub mod wrap;

/// "1 source", "2 sources".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
