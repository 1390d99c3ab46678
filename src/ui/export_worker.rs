//! The export worker: writes the Word file and workbooks in a Web Worker. docx-rs and
//! rust_xlsxwriter live only in this worker's wasm, fetched the first time an officer exports,
//! so the page's first load stays small.

use serde::{Deserialize, Serialize};
use yew_agent::prelude::*;

use super::stop_signal::{self, Job};
use crate::engine::export::word::{self, Picture};
use crate::engine::export::{csv, static_page, xlsx};
use crate::engine::report::{ReportDocument, Table};

/// A file to write. The page sends the report it already built, not the project: the worker
/// then needs no file-reading code, and the charts' pictures come from the page's canvas.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ExportRequest {
    /// The report as .docx; one picture a chart, in report order (None: its figures instead);
    /// in the council's Word template when there is one.
    Word { report: Box<ReportDocument>, pictures: Vec<Option<Picture>>, template: Option<Vec<u8>> },
    /// Tables as one workbook, a sheet each.
    Workbook { tables: Vec<Table>, title: String },
    /// One table as CSV.
    Csv { table: Box<Table> },
    /// The page for members: the report, and the project file it carries.
    Page { report: Box<ReportDocument>, project_file: String },
    /// What Export to Word would do with the council's template, before the officer exports:
    /// the notes of a trial splice of this report, the file itself not kept.
    InspectTemplate { report: Box<ReportDocument>, template: Vec<u8> },
    /// Nothing to write: starts the worker, so its code is fetched and compiled before the
    /// officer's click rather than after it.
    Start,
}

/// A file written, and what the officer should know of how (a template's fields filled,
/// styles added to it).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub notes: Vec<String>,
}

impl From<Vec<u8>> for Written {
    fn from(bytes: Vec<u8>) -> Written {
        Written { bytes, notes: Vec::new() }
    }
}

/// Writes one file, or says why it could not.
#[oneshot]
pub async fn FileWriter(job: Job<ExportRequest>) -> Result<Written, String> {
    match job.work {
        ExportRequest::Word { report, pictures, template } => {
            let charts: Vec<_> = report.charts().collect();
            let picture = |chart: &crate::engine::chart::Chart| {
                let i = charts.iter().position(|c| std::ptr::eq(*c, chart))?;
                pictures.get(i).cloned().flatten()
            };
            match template {
                None => word::document(&report, &picture).map(Written::from),
                Some(bytes) => {
                    let spliced = crate::engine::export::template::document(&report, &picture, &bytes)?;
                    let notes = template_notes(&spliced);
                    Ok(Written { bytes: spliced.bytes, notes })
                }
            }
        }
        ExportRequest::Workbook { tables, title } => xlsx::workbook(&tables, &title).map(Written::from),
        ExportRequest::Csv { table } => Ok(csv::table_csv(&table).into_bytes().into()),
        ExportRequest::Page { report, project_file } => {
            Ok(static_page::page(&project_file, &report).into_bytes().into())
        }
        ExportRequest::InspectTemplate { report, template } => {
            let spliced = crate::engine::export::template::document(&report, &|_| None, &template)?;
            Ok(Written { bytes: Vec::new(), notes: template_notes(&spliced) })
        }
        ExportRequest::Start => Ok(Written::default()),
    }
}

/// Where the report goes in the template, the fields it fills and the styles it adds.
fn template_notes(spliced: &crate::engine::export::template::Spliced) -> Vec<String> {
    let mut notes = vec![format!("The report goes into the template {}.", spliced.placed)];
    if !spliced.fields_filled.is_empty() {
        notes.push(format!("It fills the template's fields: {}.", spliced.fields_filled.join(", ")));
    }
    if !spliced.styles_added.is_empty() {
        notes.push(format!("Styles the template lacks are added to it: {}.", spliced.styles_added.join(", ")));
    }
    notes
}

/// Starts the export worker: a panic tells the page at once and ends the worker.
pub fn serve() {
    use yew_agent::Registrable;
    stop_signal::install();
    FileWriter::registrar().encoding::<super::codec::InPieces>().register();
}
