//! What leaves the builder: the project file that saves a draft exactly, and the static page
//! members read, the Word file, and tables as CSV or a workbook.

pub mod csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod png;
pub mod project_file;
pub mod static_page;
pub mod word;
pub mod xlsx;

use crate::engine::import::{Loaded, Problem};
use crate::engine::model::{Project, TableInput};

/// Whether a file is a saved project or a page for members, by how it starts, whatever it is
/// called.
pub fn is_saved_draft(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.contains(project_file::FORMAT) || head.starts_with("<!DOCTYPE html>") || head.starts_with("<html")
}

/// Opens a saved project, or the project a page for members carries.
pub fn open_saved_draft(
    text: &str,
    load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>,
) -> Result<Project, project_file::OpenError> {
    static_page::project_in(text, load).unwrap_or_else(|| project_file::open(text, load))
}
