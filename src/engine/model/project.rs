//! The project: the one value that is saved. Everything else is derived from it.

use serde::{Deserialize, Serialize};

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

/// A table as the officer gave it: the raw text is kept so nothing is lost and it can be re-read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableInput {
    /// The period the table describes, e.g. "2025/26"; empty when not known.
    pub period: String,
    /// Where the figures come from, for source lines under tables and charts.
    pub source: String,
    pub origin: Origin,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Sample,
    Pasted,
}
