//! The committee report as a document: title block, numbered sections and paragraphs, and the
//! tables and charts inside them. `build` derives it from the project; `html` renders it.

mod build;
pub mod html;
pub mod narrative;

pub use build::{build_report, build_report_with};

use crate::engine::chart::Chart;
use crate::engine::model::TitleBlock;

#[derive(Clone, Debug, PartialEq)]
pub struct ReportDocument {
    pub title_block: TitleBlock,
    pub sections: Vec<Section>,
}

/// A numbered section: "1. Current workforce".
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub number: u32,
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A numbered paragraph: "1.2", holding text, a table or a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub number: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Text(String),
    Table(Table),
    Chart(Chart),
    /// Something the report could not show, said plainly in its place.
    Problem(String),
}

/// A table ready to print: every cell already in the number style.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// Definitions and gaps, printed under the table.
    pub notes: Vec<String>,
}

impl ReportDocument {
    /// Numbers paragraphs within their sections (1.1, 1.2...), so they renumber when anything moves.
    fn numbered(title_block: TitleBlock, sections: Vec<(String, Vec<Vec<Block>>)>) -> Self {
        let sections = sections
            .into_iter()
            .enumerate()
            .map(|(i, (heading, paragraphs))| {
                let number = i as u32 + 1;
                Section {
                    number,
                    heading,
                    paragraphs: paragraphs
                        .into_iter()
                        .enumerate()
                        .map(|(j, blocks)| Paragraph { number: format!("{number}.{}", j + 1), blocks })
                        .collect(),
                }
            })
            .collect();
        ReportDocument { title_block, sections }
    }
}
