//! What leaves the builder: the project file that saves a draft exactly, and the static page
//! members read.

pub mod csv;
pub mod project_file;
pub mod static_page;
