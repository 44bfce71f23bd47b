//! The sentence splitter: never panics; sentences are in order, do not overlap, are not
//! empty, start and end on char boundaries, and have no white space at either end.
//! The checks live in `chronicle::fuzz_checks`, so that `tests/hostile/` replays every input
//! found here through the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chronicle::fuzz_checks::sentences(data));
