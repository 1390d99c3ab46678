//! The project: the one value that is saved. Everything else is derived from it.

use serde::{Deserialize, Serialize};

use super::ColumnMapping;

/// Bumped whenever the saved shape changes; loading an older version migrates it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub schema_version: u32,
    pub title_block: TitleBlock,
    /// Source tables exactly as loaded, newest period first.
    pub tables: Vec<TableInput>,
}

/// The block at the top of a committee report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TitleBlock {
    pub council: String,
    pub committee: String,
    /// As printed: "21 January 2027".
    pub meeting_date: String,
    pub title: String,
    pub report_author: String,
}

/// A table as the officer gave it. The raw input is kept exactly, with the choices made in
/// reading it, so nothing is lost and it can be read again or re-mapped later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableInput {
    /// The period the table describes, e.g. "2025/26"; empty when not known.
    pub period: String,
    /// Where the figures come from, for source lines under tables and charts.
    pub source: String,
    pub origin: Origin,
    pub raw: RawInput,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// The columns as the officer set them; `None` to guess from the headings.
    pub mapping: Option<ColumnMapping>,
    /// Leave out rows that cannot be read, rather than refusing the table.
    pub skip_unreadable: bool,
}

impl TableInput {
    /// A pasted table, read with guessed columns.
    pub fn pasted(text: impl Into<String>, source: impl Into<String>) -> Self {
        TableInput {
            period: String::new(),
            source: source.into(),
            origin: Origin::Pasted,
            raw: RawInput::Text(text.into()),
            sheet: None,
            mapping: None,
            skip_unreadable: false,
        }
    }
}

/// What was pasted or loaded, exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RawInput {
    Text(String),
    File { name: String, bytes: Vec<u8> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Sample,
    Pasted,
    Uploaded,
}
