//! The committee report as a document: title block, numbered sections and paragraphs, and the
//! prose, tables and charts inside them. `build` derives it from the project; `html` renders it.

pub mod adult;
pub mod blocks;
mod build;
pub mod draft;
pub mod facts;
pub mod general;
pub mod html;
pub mod live;
pub mod narrative;
pub mod pasted;
mod pipeline;
pub mod ready;
pub mod sample_mark;

pub use build::{build_report, build_report_reading_files};

use serde::{Deserialize, Serialize};

use crate::engine::chart::Chart;
use crate::engine::model::{PrintSettings, TitleBlock};
use live::Run;

/// Running numbers for tables and figures, in document order.
#[derive(Default)]
pub struct Counters {
    pub tables: usize,
    pub figures: usize,
}

/// What a cell shows when its figure is not available; the reason goes in the notes.
pub const NOT_AVAILABLE: &str = "n/a";

/// A data table with no total row and no status column.
fn table(caption: String, header: &[&str], rows: Vec<Vec<String>>, notes: Vec<String>) -> Table {
    Table {
        caption,
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        total: None,
        notes,
        status_column: None,
    }
}

fn source_note(source: &str) -> String {
    format!("Source: {}.", source.trim_end_matches('.'))
}

/// The officer's title or caption when given, else the one worked out from the data.
fn chosen(title: &str, generated: String) -> String {
    if title.trim().is_empty() {
        generated
    } else {
        title.trim().to_owned()
    }
}

/// A table's caption, numbered in order: the officer's words when given, else the generated.
fn caption(counters: &mut Counters, generated: String, title: &str) -> String {
    counters.tables += 1;
    let words = if title.trim().is_empty() { generated } else { title.trim().to_owned() };
    format!("Table {}: {words}", counters.tables)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    pub title_block: TitleBlock,
    pub sections: Vec<Section>,
    pub print: PrintSettings,
    /// Where the report still uses the sample's data; empty when nowhere.
    #[serde(default)]
    pub sample: sample_mark::SampleInUse,
}

/// A numbered section: "1. Current workforce".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The document section it was drawn from, so the editor can find it.
    pub id: u32,
    pub number: u32,
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A numbered paragraph: "1.2", holding text, a list, a table or a chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: u32,
    pub number: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Prose with its live figures filled in. The editor shows the figures apart; the report
    /// prints them as plain text.
    Text(Vec<Run>),
    Bullets {
        lead: Vec<Run>,
        items: Vec<Vec<Run>>,
    },
    Table(Table),
    Chart(Chart),
    /// Something the report could not show, said plainly in its place.
    Problem(String),
}

/// A table ready to print: every cell already in the number style.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// Definitions and gaps, printed under the table.
    pub notes: Vec<String>,
    /// A column of Red/Amber/Green statuses, printed in words and marked in colour.
    pub status_column: Option<usize>,
}

/// Tables of up to this many rows are kept on one page; longer ones break, their header row
/// repeated (the app's print, and the Word file).
pub const SHORT_TABLE_ROWS: usize = 20;

impl Table {
    /// Whether the table is short enough to keep on one page.
    pub fn is_short(&self) -> bool {
        self.rows.len() <= SHORT_TABLE_ROWS
    }

    /// Whether a column holds words (a theme, an update) rather than figures: they are set left
    /// and wrap, where figures line up on the right. Words start with a letter and run longer
    /// than "n/a"; "12.5 days" and "£1.8m" are figures.
    pub fn words_column(&self, column: usize) -> bool {
        self.rows.iter().filter_map(|r| r.get(column)).any(|cell| {
            let first = cell.trim_start().chars().next();
            first.is_some_and(char::is_alphabetic) && cell.chars().filter(|c| c.is_alphabetic()).count() > 3
        })
    }

    /// Whether a column, heading and cells, is set on the right as figures: not the row labels,
    /// not a column of words, and nothing in a tracker, whose columns are all words and a status.
    pub fn figures_column(&self, column: usize) -> bool {
        column > 0 && self.status_column.is_none() && !self.words_column(column)
    }

    /// A chart's figures as a table, printed beside or instead of the chart.
    pub fn of_chart(chart: &Chart) -> Table {
        Table {
            caption: format!("Figures in the chart: {}", chart.title),
            header: chart.data.header.clone(),
            rows: chart.data.rows.clone(),
            total: None,
            notes: vec![format!("Source: {}", chart.source.trim_start_matches("Source: "))],
            status_column: None,
        }
    }
}

impl ReportDocument {
    /// Every table in the report, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
    }

    /// Every chart in the report, in order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.blocks().filter_map(|b| if let Block::Chart(c) = b { Some(c) } else { None })
    }

    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter().flat_map(|p| p.blocks.iter()))
    }

    /// The paragraph drawn from a document paragraph.
    pub fn paragraph(&self, id: u32) -> Option<&Paragraph> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter()).find(|p| p.id == id)
    }
}
