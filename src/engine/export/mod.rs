//! What leaves the builder: the static page members read, the Word file, and tables as CSV or
//! a workbook. (The project file that saves a draft exactly is `engine::saved`.)

pub mod csv;
pub mod ooxml;
#[cfg(not(target_arch = "wasm32"))]
pub mod png;
pub mod static_page;
pub mod template;
pub mod word;
pub mod xlsx;
