//! The static page for members: one self-contained HTML file with the report, its styles and
//! its SVG charts inline and no script, that opens from a file on any device. The project rides
//! along as a JSON data block (never run), so opening the page in the builder restores the draft.

use crate::engine::chart::escape;
use crate::engine::model::Project;
use crate::engine::report::{html, ReportDocument};
use crate::engine::saved::{save, DATA_ID};

const REPORT_CSS: &str = include_str!("../../../styles/report.css");
const PRINT_CSS: &str = include_str!("../../../styles/print.css");

/// The page for a project, showing its report as built.
pub fn render(project: &Project, report: &ReportDocument) -> String {
    page(&save(project), report)
}

/// The page for a project saved as `project_file`, showing its report as built (the export
/// worker writes it from the two, so the page carries neither the styles nor this).
pub fn page(project_file: &str, report: &ReportDocument) -> String {
    let title = escape(&report.title_block.title);
    // No "<" inside the data block, so nothing in it can end the block or open a comment;
    // \u003c is the same character to a JSON reader.
    let data = project_file.replace('<', "\\u003c");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>\n{REPORT_CSS}\n{PRINT_CSS}\n</style>\n</head>\n\
         <body class=\"static-page\">\n<main>\n{}\n</main>\n\
         <script type=\"application/json\" id=\"{DATA_ID}\">{data}</script>\n</body>\n</html>\n",
        html::render(report)
    )
}
