//! The engine: plain Rust from pasted text to a finished report. No web-sys and no yew here,
//! so the same code runs in native tests, the `wfr` tool and the browser.

pub mod analysis;
pub mod case;
pub mod chart;
pub mod export;
pub mod format;
pub mod import;
pub mod metrics;
pub mod model;
pub mod order;
pub mod report;
pub mod sample;
pub mod saved;
pub mod tables;
