//! The built-in samples: a fictional council's tables and three report templates, so an
//! officer sees a finished report first. The tables are kept as the text an officer would
//! paste, and go through the same import as theirs.

mod templates;

pub use templates::Template;

use crate::engine::model::{
    Content, Document, Origin, Project, RawInput, ReportSettings, TableInput, TitleBlock, SCHEMA_VERSION,
};

pub const COUNCIL: &str = "Northshire County Council";

/// The children's social work workforce update: the app's first screen.
pub fn sample_project() -> Project {
    Template::ChildrensWorkforce.project()
}

/// The usual headings of a committee report, in the order councils use them
/// (`../shared/domain.md`, "How a committee report is laid out").
pub const COMMITTEE_HEADINGS: [&str; 11] = [
    "Purpose of the report",
    "Recommendations",
    "Reasons for recommendations",
    "Background",
    "Current position",
    "Alternative options",
    "Financial implications",
    "Legal implications",
    "Risk management",
    "Equality and human rights",
    "Background papers",
];

/// A blank report: the usual committee headings, each with an empty paragraph to write in, the
/// title block to fill, and no data. Nothing in it is sample data.
pub fn blank_project() -> Project {
    let sections = COMMITTEE_HEADINGS.iter().map(|h| ((*h).to_owned(), vec![Content::Text(String::new())])).collect();
    Project {
        schema_version: SCHEMA_VERSION,
        title_block: TitleBlock::default(),
        tables: Vec::new(),
        supporting: Vec::new(),
        document: Document::new(sections),
        settings: ReportSettings::default(),
        word_template: None,
        sample_title: None,
    }
}

fn table(period: &str, source: &str, text: &str) -> TableInput {
    TableInput {
        period: period.to_owned(),
        source: source.to_owned(),
        origin: Origin::Sample,
        raw: RawInput::Text(text.to_owned()),
        sheet: None,
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    }
}
