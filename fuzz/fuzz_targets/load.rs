//! The whole loader on hostile files, in memory: the input is split at ASCII record
//! separators (0x1E) into sources.json, actors.json, events.jsonl and sources/call.txt (a
//! fifth part, when present, is events.json instead of events.jsonl). Loading never panics;
//! a dataset that loads has every quote span on char boundaries inside its source, matching
//! the quote; every problem prints without control characters.
//! The checks live in `chronicle::fuzz_checks`, so that `tests/hostile/` replays every input
//! found here through the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chronicle::fuzz_checks::load(data));
