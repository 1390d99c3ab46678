//! What the reducer asks of the edge, and the save, export and download actions that ask it.
//! The edge (`ui::edge`) runs each effect: storage, the workers, downloads, printing, focus.

use std::rc::Rc;
use std::sync::Arc;

use super::{Action, Exporting, State};
use crate::engine::model::{Project, RememberedMappings};
use crate::engine::report::ready::still_open;
use crate::engine::report::{ReportDocument, Table};
use crate::engine::saved;

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Something only the edge can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Read a file, or one sheet of it, in the import worker. `FileRead` brings the answer
    /// back, or `FileRowsLoaded` when the project already holds the file (`again`).
    ReadFile {
        name: String,
        bytes: Arc<[u8]>,
        sheet: Option<String>,
        again: bool,
    },
    /// Keep the draft in this browser, a moment after the typing stops (at once if the page
    /// closes first). `Autosaved` says how it went.
    KeepDraft {
        id: String,
        project: Project,
    },
    /// Keep the officer's column choices in this browser.
    KeepRemembered(RememberedMappings),
    /// Open, copy or delete a draft kept in this browser: `DraftRestored`, `DraftsListed` or
    /// `DraftFailed` follows.
    OpenDraft(String),
    DuplicateDraft(String),
    DeleteDraft(String),
    /// Offer text the page made (a project file, a page for members, CSV, SVG) for download.
    Download {
        name: String,
        mime: &'static str,
        text: String,
    },
    /// A chart as a PNG, drawn by the browser at twice its size.
    DownloadPng {
        name: String,
        svg: String,
    },
    /// Start the export worker, so it is ready by the time the officer clicks.
    StartWriter,
    /// Start an import worker for the next file, unless one is waiting already.
    StartReader,
    /// The report as a Word file: the page draws each chart as a picture, the export worker
    /// writes the file. `ExportFinished` says how it went.
    ExportWord {
        report: Rc<ReportDocument>,
        name: String,
        /// The council's Word template, when the project has one.
        template: Option<std::sync::Arc<[u8]>>,
    },
    /// What the council's Word template will take and gain, found by the export worker.
    InspectTemplate {
        report: Rc<ReportDocument>,
        template: std::sync::Arc<[u8]>,
    },
    /// Tables as an Excel workbook, written by the export worker.
    ExportWorkbook {
        tables: Vec<Table>,
        title: String,
        name: String,
    },
    /// One table as CSV, written by the export worker (cells a spreadsheet would run as a
    /// formula made inert).
    ExportCsv {
        table: Box<Table>,
        name: String,
    },
    /// The page for members, written by the export worker from the report and the project file.
    ExportPage {
        report: Rc<ReportDocument>,
        project_file: String,
        name: String,
    },
    Print,
    /// Move the focus to an element, once the page has been drawn.
    Focus(&'static str),
}

/// A table or chart on its own, as the download list offers them (by their order in the report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    Csv(usize),
    Xlsx(usize),
    /// Every table, one sheet each.
    Workbook,
    Svg(usize),
    Png(usize),
}

impl Piece {
    /// The list's value for a piece: "table-0", "xlsx-0", "workbook", "chart-0", "png-0".
    pub fn value(self) -> String {
        match self {
            Piece::Csv(i) => format!("table-{i}"),
            Piece::Xlsx(i) => format!("xlsx-{i}"),
            Piece::Workbook => "workbook".to_owned(),
            Piece::Svg(i) => format!("chart-{i}"),
            Piece::Png(i) => format!("png-{i}"),
        }
    }

    /// The piece a list value names.
    pub fn from_value(value: &str) -> Option<Piece> {
        if value == "workbook" {
            return Some(Piece::Workbook);
        }
        let (kind, index) = value.rsplit_once('-')?;
        let index = index.parse().ok()?;
        Some(match kind {
            "table" => Piece::Csv(index),
            "xlsx" => Piece::Xlsx(index),
            "chart" => Piece::Svg(index),
            "png" => Piece::Png(index),
            _ => return None,
        })
    }
}

/// How an export the worker wrote went.
#[derive(Clone, Debug, PartialEq)]
pub enum Export {
    /// Offered for download under this name, with what the officer should know of how.
    Done { what: &'static str, name: String, notes: Vec<String> },
    /// Not made, and why; `stopped` when the worker stopped and cannot be used again.
    Failed { what: &'static str, why: String, stopped: bool },
}

const TRY_AGAIN: &str = "Nothing in your draft has changed; try again, or use Save project to keep a copy.";
const RELOAD: &str =
    "Your draft is kept in this browser: reload the page to export again, or use Save project to keep a copy.";

type Reduced = (State, Vec<Effect>);

/// Save and share: what each button asks of the edge.
pub(super) fn export(mut next: State, action: Action) -> Reduced {
    let title = next.project.title_block.title.clone();
    let effects = match action {
        Action::SaveProject => vec![Effect::Download {
            name: format!("{}.json", file_stem(&title)),
            mime: "application/json",
            text: saved::save(&next.project),
        }],
        Action::ExportPage => {
            let name = format!("{}.html", file_stem(&title));
            let (report, project_file) = (next.report.clone(), saved::save(&next.project));
            return writer(next, "The page for members", Effect::ExportPage { report, project_file, name });
        }
        Action::ExportWord => {
            let name = format!("{}.docx", file_stem(&next.report.title_block.title));
            let template = next.project.word_template.as_ref().map(|t| t.bytes.clone());
            let request = Effect::ExportWord { report: next.report.clone(), name, template };
            return writer(next, "The Word file", request);
        }
        Action::DownloadPiece(piece) => return download_piece(next, piece),
        Action::DownloadUnreadable => match &next.unreadable_draft {
            Some(raw) => vec![Effect::Download {
                name: "unreadable-draft.json".into(),
                mime: "application/json",
                text: raw.clone(),
            }],
            None => Vec::new(),
        },
        Action::ExportNear if !next.writer_started && !next.writer_stopped => {
            next.writer_started = true;
            // A template kept with a draft reopened is looked at again, so the panel says what
            // it will take and gain before the export.
            match &next.project.word_template {
                Some(template) if next.word_template_notes.is_none() => vec![
                    Effect::StartWriter,
                    Effect::InspectTemplate { report: next.report.clone(), template: template.bytes.clone() },
                ],
                _ => vec![Effect::StartWriter],
            }
        }
        Action::ExportFinished(export) => {
            next.exporting = match export {
                Export::Done { what, name, notes } => {
                    let open = match next.open.len() {
                        0 => String::new(),
                        n => format!(" {}", still_open(n, "it")),
                    };
                    let notes: String = notes.iter().map(|n| format!(" {n}")).collect();
                    Exporting::Done(format!("{what} is downloaded: {name}.{notes}{open}"))
                }
                Export::Failed { what, why, stopped } => {
                    next.writer_stopped |= stopped;
                    let then = if stopped { RELOAD } else { TRY_AGAIN };
                    Exporting::Failed(format!("{what} could not be made: {why} {then}"))
                }
            };
            Vec::new()
        }
        _ => Vec::new(),
    };
    (next, effects)
}

/// An export the worker writes: one at a time, and none once the worker has stopped.
fn writer(mut next: State, what: &'static str, request: Effect) -> Reduced {
    if matches!(next.exporting, Exporting::Working(_)) {
        return (next, Vec::new());
    }
    if next.writer_stopped {
        let why = "exporting stopped earlier on this page.";
        next.exporting = Exporting::Failed(format!("{what} could not be made: {why} {RELOAD}"));
        return (next, Vec::new());
    }
    next.exporting = Exporting::Working(format!("Preparing {}…", what.replacen("The", "the", 1)));
    next.writer_started = true;
    (next, vec![request])
}

/// One table as CSV or Excel, every table as one workbook, or one chart as SVG or PNG.
fn download_piece(next: State, piece: Piece) -> Reduced {
    let report = next.report.clone();
    let workbook = |next: State, tables: Vec<Table>, stem: &str| {
        let name = format!("{}.xlsx", file_stem(stem));
        let request = Effect::ExportWorkbook { tables, title: report.title_block.title.clone(), name };
        writer(next, "The Excel workbook", request)
    };
    let effect = match piece {
        Piece::Workbook => {
            let stem = format!("{} tables", report.title_block.title);
            return workbook(next, report.tables().cloned().collect(), &stem);
        }
        Piece::Xlsx(i) => match report.tables().nth(i) {
            Some(table) => return workbook(next, vec![table.clone()], &table.caption),
            None => None,
        },
        Piece::Csv(i) => match report.tables().nth(i) {
            Some(table) => {
                let name = format!("{}.csv", file_stem(&table.caption));
                return writer(next, "The CSV file", Effect::ExportCsv { table: Box::new(table.clone()), name });
            }
            None => None,
        },
        Piece::Png(i) => report.charts().nth(i).map(|chart| Effect::DownloadPng {
            name: format!("{}-{}.png", chart.id, file_stem(&chart.title)),
            svg: chart.svg.clone(),
        }),
        Piece::Svg(i) => report.charts().nth(i).map(|chart| Effect::Download {
            name: format!("{}-{}.svg", chart.id, file_stem(&chart.title)),
            mime: "image/svg+xml",
            text: chart.svg.clone(),
        }),
    };
    (next, effect.into_iter().collect())
}

/// A file name from the report's title: "childrens-social-care-workforce-update".
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .filter(|c| *c != '\'' && *c != '’')
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "workforce-report".to_owned()
    } else {
        stem
    }
}
