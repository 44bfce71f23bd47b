//! chronicle: a terminal timeline browser for news and geopolitical events.
//!
//! The library holds everything testable without a terminal; `main.rs` only dispatches.

pub mod app;
pub mod date;
pub mod keymap;
pub mod model;
#[doc(hidden)]
pub mod sample;
pub mod search;
pub mod sentences;
pub mod timeline;
pub mod tui;
pub mod ui;
