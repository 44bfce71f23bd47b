//! A source text pinned by its SHA-256: reading the pin, hashing the file, and the problem a
//! changed text makes.
//!
//! A changed text is a problem, not a note. The quotes are still checked against the new text
//! (and may all still be found in it), but finding them is not what the pin promises: it says
//! the text is the one the quotes were chosen from, and a re-saved page can keep a sentence
//! while dropping the one beside it that changed its meaning. Provenance is checked, not
//! trusted, so the author looks at the change and pins the new hash.

use sha2::{Digest, Sha256};

use crate::problem::quoted;

/// How many hex digits of a hash a message shows; the hint gives the whole found hash.
const SHOWN: usize = 12;

/// The SHA-256 of a file's bytes, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The pinned hash as 64 lowercase hex digits (`sha256sum` writes lowercase; uppercase is
/// accepted), or why it is not one.
pub fn parse(pin: &str) -> Result<String, String> {
    let digits = pin.chars().count();
    if digits == 64 && pin.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(pin.to_ascii_lowercase());
    }
    let wrong = match pin.chars().find(|c| !c.is_ascii_hexdigit()) {
        Some(c) => format!("{} is not a hex digit", quoted(&c.to_string())),
        None => format!("{digits} digits"),
    };
    Err(format!(
        "invalid sha256 {}: {wrong}; expected 64 hex digits, the SHA-256 of the text file's bytes",
        quoted(pin)
    ))
}

/// The message for a text whose hash is not the pinned one, e.g.
/// `sources/x.txt changed since it was pinned (sha256 0123456789ab… expected, ba9876543210…
/// found); quotes were checked against the new text`.
pub fn changed(file: &str, pinned: &str, found: &str) -> String {
    format!(
        "{file} changed since it was pinned (sha256 {}… expected, {}… found); \
         quotes were checked against the new text",
        &pinned[..SHOWN.min(pinned.len())],
        &found[..SHOWN.min(found.len())],
    )
}

/// What to do about a changed text.
pub fn changed_hint(found: &str) -> String {
    format!(
        "if the new text is the one meant, check its quotes still say what the events claim, \
         then pin it: \"sha256\": \"{found}\""
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_bytes_as_sha256sum_does() {
        // `printf abc | sha256sum`
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_pin_is_64_hex_digits_in_either_case() {
        let upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
        assert_eq!(parse(upper), Ok(upper.to_ascii_lowercase()));
        assert_eq!(
            parse("abc"),
            Err("invalid sha256 'abc': 3 digits; expected 64 hex digits, the SHA-256 of the text file's bytes".into())
        );
        let with_g = format!("{}g", &upper[..63]);
        assert_eq!(
            parse(&with_g),
            Err(format!("invalid sha256 '{with_g}': 'g' is not a hex digit; expected 64 hex digits, the SHA-256 of the text file's bytes"))
        );
        // 64 characters but 65 bytes: counted as characters, refused for the 'é'.
        let accented = format!("{}é", &upper[..63]);
        assert!(parse(&accented).is_err_and(|e| e.contains("'é' is not a hex digit")));
    }

    #[test]
    fn a_changed_text_names_the_file_and_both_hashes_shortened() {
        let pinned = "0123456789abcdef".repeat(4);
        let found = sha256_hex(b"abc");
        assert_eq!(
            changed("sources/x.txt", &pinned, &found),
            "sources/x.txt changed since it was pinned (sha256 0123456789ab… expected, ba7816bf8f01… found); quotes were checked against the new text"
        );
    }
}
