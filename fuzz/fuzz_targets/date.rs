//! The date parser: never panics; what it accepts prints back as EDTF that parses to the same
//! date; an accepted date never ends before it starts.
//! The checks live in `chronicle::fuzz_checks`, so that `tests/hostile/` replays every input
//! found here through the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chronicle::fuzz_checks::date(data));
