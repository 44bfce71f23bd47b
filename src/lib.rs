//! chronicle: a terminal timeline browser for news and geopolitical events.
//!
//! The library holds everything testable without a terminal; `main.rs` only dispatches.

pub mod date;
pub mod model;
pub mod search;
pub mod sentences;
pub mod timeline;
