//! chronicle: a terminal timeline browser for news and geopolitical events.
//!
//! The library holds everything testable without a terminal; `main.rs` only dispatches.

pub mod app;
pub mod authoring;
pub mod cache;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod date;
pub mod draft;
pub mod export;
pub mod files;
#[cfg(any(test, feature = "testing"))]
pub mod fuzz_checks;
pub mod id_table;
pub mod import;
pub mod input;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod load;
pub mod model;
pub mod problem;
pub mod quote;
pub mod quote_index;
pub mod report;
pub mod roster;
#[cfg(any(test, feature = "testing"))]
pub mod sample;
pub mod search;
pub mod sentences;
pub mod shares;
pub mod state;
pub mod text;
pub mod timeline;
pub mod times;
pub mod triage;
pub mod tui;
pub mod ui;
pub mod write;
