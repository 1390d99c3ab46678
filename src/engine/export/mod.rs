//! What leaves the builder: the project file that saves a draft exactly, and the static page
//! members read, and the Word file.

pub mod csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod png;
pub mod project_file;
pub mod static_page;
pub mod word;
