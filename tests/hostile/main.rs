//! The hostile-input corpus: files people did not write (scraped, exported, shared by
//! strangers), each case with the exact message `chronicle check` must give, plus the
//! terminal-safety and path-safety guarantees, and every input the fuzzers found a bug with.
//! Big inputs are generated here at test time, never committed.

mod common;
mod fuzz_finds;
mod loader;
mod output;
mod paths;
mod screen;
mod state;
mod terminal;
