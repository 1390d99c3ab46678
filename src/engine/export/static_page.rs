//! The static page for members: one self-contained HTML file with the report, its styles and
//! its SVG charts inline and no script, that opens from a file on any device. The project rides
//! along as a JSON data block (never run), so opening the page in the builder restores the draft.

use super::project_file::{self, save};
use crate::engine::chart::escape;
use crate::engine::import::{Loaded, Problem};
use crate::engine::model::{Project, TableInput};
use crate::engine::report::{build_report_with, html};

const REPORT_CSS: &str = include_str!("../../../styles/report.css");
const PRINT_CSS: &str = include_str!("../../../styles/print.css");
/// The id of the data block holding the project.
pub const DATA_ID: &str = "workforce-report-builder-project";

/// The page for a project, with the rows of its inputs from `load`.
pub fn render(project: &Project, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> String {
    let report = build_report_with(project, load);
    let title = escape(&project.title_block.title);
    // No "<" inside the data block, so nothing in it can end the block or open a comment;
    // \u003c is the same character to a JSON reader.
    let data = save(project).replace('<', "\\u003c");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>\n{REPORT_CSS}\n{PRINT_CSS}\n</style>\n</head>\n\
         <body class=\"static-page\">\n<main>\n{}\n</main>\n\
         <script type=\"application/json\" id=\"{DATA_ID}\">{data}</script>\n</body>\n</html>\n",
        html::render(&report)
    )
}

/// The project a static page carries, for opening it in the builder.
pub fn project_in(
    page: &str,
    load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>,
) -> Option<Result<Project, project_file::OpenError>> {
    let start = page.find(&format!("id=\"{DATA_ID}\">"))? + DATA_ID.len() + 6;
    let end = start + page[start..].find("</script>")?;
    Some(project_file::open(&page[start..end], load))
}
