//! chronicle: a terminal timeline browser for news and geopolitical events.
//!
//! The library holds everything testable without a terminal; `main.rs` only dispatches.

pub mod cli;
pub mod commands;
pub mod date;
pub mod export;
pub mod files;
pub mod import;
pub mod input;
pub mod load;
pub mod model;
pub mod problem;
pub mod quote;
pub mod search;
pub mod sentences;
pub mod timeline;
