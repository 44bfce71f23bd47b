//! Exact decimal numbers, for adding up attributes as a person adding the column would:
//! 0.1 + 0.2 is 0.3, and a sum of whole numbers prints as a whole number.

use std::fmt;

/// Decimal places kept at most: GDELT's tone has 13 or 14; beyond 18, an i128 would leave
/// too few digits for the whole part of a sum.
pub const MAX_PLACES: u32 = 18;

/// `units / 10^places`, exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Decimal {
    units: i128,
    places: u32,
}

impl Decimal {
    /// Reads a decimal: an optional sign, digits, and optionally a point and more digits
    /// (`12`, `-4.5`, `.5`, `+3.`), then optionally an exponent (`1e5`, `2.5E-3`), as JSON and
    /// GDELT write numbers; exactly, with at most `MAX_PLACES` after the point once the
    /// exponent is applied. Thousands separators, `NaN` and `inf` are not numbers here: an
    /// attribute that writes them is not one `--sum` can add without guessing.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (text, exponent) = match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, Some(exponent)),
            None => (text, None),
        };
        let plain = Decimal::plain(text)?;
        let Some(exponent) = exponent else {
            return Some(plain);
        };
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 3 {
            return None;
        }
        let exponent: i64 = exponent.parse().ok()?;
        let places = i64::from(plain.places) - exponent;
        if places >= 0 {
            let places = u32::try_from(places).ok().filter(|p| *p <= MAX_PLACES)?;
            return Some(Decimal {
                units: plain.units,
                places,
            });
        }
        let scale = 10i128.checked_pow(u32::try_from(-places).ok()?)?;
        Some(Decimal {
            units: plain.units.checked_mul(scale)?,
            places: 0,
        })
    }

    /// A decimal without an exponent.
    fn plain(text: &str) -> Option<Decimal> {
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
            return None;
        }
        let places = u32::try_from(fraction.len()).ok()?;
        if places > MAX_PLACES {
            return None;
        }
        let mut units: i128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            units = units.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        Some(Decimal {
            units: if negative { -units } else { units },
            places,
        })
    }

    /// `units / 10^places`.
    pub fn new(units: i64, places: u32) -> Decimal {
        Decimal {
            units: i128::from(units),
            places: places.min(MAX_PLACES),
        }
    }

    /// The nearest float, for sums that outgrow exact decimals.
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.places as i32)
    }

    /// The exact sum, or `None` when it does not fit.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        // The common case of a column's values: as many places, no scaling.
        if self.places == other.places {
            return Some(Decimal {
                units: self.units.checked_add(other.units)?,
                places: self.places,
            });
        }
        let places = self.places.max(other.places);
        let a = self
            .units
            .checked_mul(10i128.checked_pow(places - self.places)?)?;
        let b = other
            .units
            .checked_mul(10i128.checked_pow(places - other.places)?)?;
        Some(Decimal {
            units: a.checked_add(b)?,
            places,
        })
    }
}

/// Without trailing zeros after the point, and without the point for a whole number: a plain
/// number that is also valid JSON.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u128.pow(self.places);
        let magnitude = self.units.unsigned_abs();
        let (whole, fraction) = (magnitude / scale, magnitude % scale);
        let sign = if self.units < 0 { "-" } else { "" };
        if fraction == 0 {
            return write!(f, "{sign}{whole}");
        }
        let places = self.places as usize;
        let digits = format!("{fraction:0places$}");
        write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(values: &[&str]) -> String {
        values
            .iter()
            .map(|v| Decimal::parse(v).unwrap_or_else(|| panic!("{v} parses")))
            .try_fold(Decimal::default(), Decimal::checked_add)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "overflow".into())
    }

    #[test]
    fn sums_are_exact_and_whole_sums_have_no_point() {
        assert_eq!(sum(&["0.1", "0.2"]), "0.3");
        assert_eq!(sum(&["2.5", "2.5"]), "5");
        assert_eq!(sum(&["12", "3", "0"]), "15");
        assert_eq!(
            sum(&["-4.4776119402985", "2.07852193995381"]),
            "-2.39909000034469"
        );
        assert_eq!(sum(&["-0.5", "0.25"]), "-0.25");
        assert_eq!(sum(&["-10", "+3.", ".5"]), "-6.5");
        assert_eq!(sum(&[]), "0");
    }

    #[test]
    fn an_exponent_is_read_exactly() {
        let read = |text: &str| Decimal::parse(text).map(|d| d.to_string());
        assert_eq!(read("1e5").as_deref(), Some("100000"));
        assert_eq!(read("1E3").as_deref(), Some("1000"));
        assert_eq!(read("1e+2").as_deref(), Some("100"));
        assert_eq!(read("-1.5e2").as_deref(), Some("-150"));
        assert_eq!(read("2.5e-3").as_deref(), Some("0.0025"));
        assert_eq!(read("12e0").as_deref(), Some("12"));
        assert_eq!(sum(&["1e5", "0.1", "-2e-1"]), "99999.9");
    }

    #[test]
    fn what_is_not_a_plain_decimal_is_refused() {
        for text in [
            "",
            "-",
            ".",
            "1e",
            "e5",
            "1e+",
            "1e5.5",
            "1e99999999999",
            "1e-30",
            "1,000",
            "NaN",
            "inf",
            "12 km",
            "0x10",
            "--1",
            "1.2.3",
            "0.1234567890123456789",
        ] {
            assert_eq!(Decimal::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_sum_too_large_is_none_rather_than_wrong() {
        let big = Decimal::parse("99999999999999999999.999999999999999999");
        let big = big.unwrap_or_else(|| panic!("parses"));
        assert_eq!(big.checked_add(big), None);
    }
}
