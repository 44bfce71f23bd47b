//! Quote search, differentially: the word-start index must find exactly what a plain search
//! finds (first occurrence and count of overlapping occurrences), and the forgiving search
//! must return a span of the text that folds to the quote, and its anchored variant (used for
//! a few quotes in a long source) must agree with it.
//! The checks live in `chronicle::fuzz_checks`, so that `tests/hostile/` replays every input
//! found here through the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chronicle::fuzz_checks::quote(data));
