//! The project: the one value that is saved. Everything else is derived from it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{ColumnMapping, Document, PrintSettings};

/// Bumped whenever the saved shape changes; loading an older version migrates it.
/// 2: the report document, supporting tables and report settings.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub schema_version: u32,
    pub title_block: TitleBlock,
    /// Establishment tables exactly as loaded, newest period first.
    pub tables: Vec<TableInput>,
    /// The other tables the report draws on (DfE indicators, statistical neighbours, a staff
    /// list, cohorts, recruitment, budgets), exactly as loaded; the newest of each kind is used.
    #[serde(default)]
    pub supporting: Vec<TableInput>,
    /// The report as written. A version 1 project has none and gets the standard first draft.
    #[serde(default)]
    pub document: Document,
    #[serde(default)]
    pub settings: ReportSettings,
    /// The council's Word template (.docx or .dotx), kept with the report: Export to Word puts
    /// the report into it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_template: Option<WordTemplate>,
    /// The title block as the sample or template it began from filled it: a field still
    /// holding its value is sample data, marked as such until the officer changes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_title: Option<TitleBlock>,
}

impl Project {
    /// An id for a table that no table of the project has.
    pub fn fresh_table_id(&self) -> u32 {
        self.tables.iter().chain(&self.supporting).map(|t| t.id).max().unwrap_or(0) + 1
    }
}

/// Choices the report's figures depend on, beyond the tables themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportSettings {
    /// The council compared with England, its region and its neighbours (DfE name).
    pub benchmark_council: Option<String>,
    /// The DfE year compared; the latest when not chosen.
    pub benchmark_year: Option<String>,
    /// The date a staff list's figures are taken at; the latest date in the list when not chosen.
    pub staff_date: Option<super::Date>,
    /// The definitions a staff list's figures follow: the DfE's (children's) or Skills for
    /// Care's (adult social care).
    #[serde(default, skip_serializing_if = "is_default")]
    pub definitions: super::Definitions,
    pub print: PrintSettings,
    /// The council, measure and period an adult comparison file (Oflog, LG Inform, Skills for
    /// Care) is read for.
    #[serde(default, skip_serializing_if = "super::AreaChoice::is_empty")]
    pub areas: super::AreaChoice,
    /// The Scenarios panel's assumptions: its projection and agency conversion are live figures.
    #[serde(default)]
    pub scenario: Scenario,
}

/// What the Scenarios panel assumes, kept with the report so the figures it gives in the
/// prose are the ones the panel showed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub turnover_percent: f64,
    /// Recruits a year (FTE); none given means enough to replace leavers at England's turnover.
    pub recruits: Option<f64>,
    pub pipeline: f64,
    pub convert: f64,
    pub day_rate: f64,
    pub salary: f64,
    pub on_costs_percent: f64,
}

/// Turnover to assume until the officer gives their own: England's children's social workers,
/// 30 September 2025 (`../shared/domain.md`, "England comparators").
pub const ENGLAND_TURNOVER_PERCENT: f64 = 11.8;

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            turnover_percent: ENGLAND_TURNOVER_PERCENT,
            recruits: None,
            pipeline: 0.0,
            convert: 0.0,
            day_rate: 400.0,
            salary: 45_000.0,
            on_costs_percent: 30.0,
        }
    }
}

/// The block at the top of a committee report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TitleBlock {
    pub council: String,
    pub committee: String,
    /// As printed: "21 January 2027".
    pub meeting_date: String,
    pub title: String,
    /// Report by / lead officer.
    pub report_author: String,
    /// Open, or exempt (with the paragraph of the Act, as the council writes it).
    #[serde(default)]
    pub classification: String,
    /// "Yes" or "No".
    #[serde(default)]
    pub key_decision: String,
    #[serde(default)]
    pub wards_affected: String,
    /// Name, role and how to reach them.
    #[serde(default)]
    pub contact_officer: String,
}

/// A field of the title block, for editing one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleField {
    Council,
    Committee,
    MeetingDate,
    Title,
    ReportAuthor,
    Classification,
    KeyDecision,
    WardsAffected,
    ContactOfficer,
}

impl TitleField {
    /// In the order committee reports print them (`../shared/domain.md`, "How a committee report
    /// is laid out").
    pub const ALL: [TitleField; 9] = [
        TitleField::Council,
        TitleField::Committee,
        TitleField::MeetingDate,
        TitleField::Title,
        TitleField::ReportAuthor,
        TitleField::Classification,
        TitleField::KeyDecision,
        TitleField::WardsAffected,
        TitleField::ContactOfficer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TitleField::Council => "Council",
            TitleField::Committee => "Committee",
            TitleField::MeetingDate => "Meeting date",
            TitleField::Title => "Report title",
            TitleField::ReportAuthor => "Report by",
            TitleField::Classification => "Classification",
            TitleField::KeyDecision => "Key decision",
            TitleField::WardsAffected => "Wards affected",
            TitleField::ContactOfficer => "Contact officer",
        }
    }
}

impl TitleBlock {
    pub fn get(&self, field: TitleField) -> &str {
        match field {
            TitleField::Council => &self.council,
            TitleField::Committee => &self.committee,
            TitleField::MeetingDate => &self.meeting_date,
            TitleField::Title => &self.title,
            TitleField::ReportAuthor => &self.report_author,
            TitleField::Classification => &self.classification,
            TitleField::KeyDecision => &self.key_decision,
            TitleField::WardsAffected => &self.wards_affected,
            TitleField::ContactOfficer => &self.contact_officer,
        }
    }

    pub fn set(&mut self, field: TitleField, value: String) {
        *match field {
            TitleField::Council => &mut self.council,
            TitleField::Committee => &mut self.committee,
            TitleField::MeetingDate => &mut self.meeting_date,
            TitleField::Title => &mut self.title,
            TitleField::ReportAuthor => &mut self.report_author,
            TitleField::Classification => &mut self.classification,
            TitleField::KeyDecision => &mut self.key_decision,
            TitleField::WardsAffected => &mut self.wards_affected,
            TitleField::ContactOfficer => &mut self.contact_officer,
        } = value;
    }
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
    /// Names a table the report's blocks and live figures point to (a general table); 0 for
    /// the others. Unique within a project.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub id: u32,
    /// Read with its rows and columns swapped.
    #[serde(default, skip_serializing_if = "is_false")]
    pub transposed: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
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
            id: 0,
            transposed: false,
        }
    }
}

/// What was pasted or loaded, exactly.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum RawInput {
    Text(String),
    File {
        name: String,
        /// Shared, not copied: the project is cloned for every undo step and every edit, and
        /// an uploaded workbook can be tens of megabytes.
        #[serde(with = "base64_bytes")]
        bytes: Arc<[u8]>,
    },
}

/// A council's Word template as uploaded.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WordTemplate {
    pub name: String,
    #[serde(with = "base64_bytes")]
    pub bytes: Arc<[u8]>,
}

impl PartialEq for WordTemplate {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && (Arc::ptr_eq(&self.bytes, &other.bytes) || self.bytes[..] == other.bytes[..])
    }
}

/// Shared bytes are equal without reading them: std's `Arc` takes that shortcut only for sized
/// values, and the page compares projects on every edit.
impl PartialEq for RawInput {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (RawInput::Text(a), RawInput::Text(b)) => a == b,
            (RawInput::File { name: a, bytes: x }, RawInput::File { name: b, bytes: y }) => {
                a == b && (Arc::ptr_eq(x, y) || x[..] == y[..])
            }
            _ => false,
        }
    }
}

/// File bytes as base64 text in saved projects: a third larger than the file, where a JSON
/// array of numbers would be about four times larger.
mod base64_bytes {
    use std::sync::Arc;

    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Written as it is encoded, a piece at a time, rather than built whole first: a draft is
    /// saved every few seconds, and in the browser every copy made on the way takes memory
    /// the page never gives back.
    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&base64::display::Base64Display::new(bytes, &base64::engine::general_purpose::STANDARD))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<[u8]>, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(Arc::from)
            .map_err(serde::de::Error::custom)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Sample,
    Pasted,
    Uploaded,
}

#[cfg(test)]
mod raw_input_tests {
    use super::*;

    #[test]
    fn files_are_equal_by_name_and_content_whether_shared_or_not() {
        let bytes: Arc<[u8]> = vec![1, 2, 3].into();
        let file = |name: &str, bytes: Arc<[u8]>| RawInput::File { name: name.into(), bytes };
        let cases = [
            (file("a.csv", bytes.clone()), file("a.csv", bytes.clone()), true, "the same bytes, shared"),
            (file("a.csv", bytes.clone()), file("a.csv", vec![1, 2, 3].into()), true, "equal bytes, apart"),
            (file("a.csv", bytes.clone()), file("a.csv", vec![1, 2, 4].into()), false, "other bytes"),
            (file("a.csv", bytes.clone()), file("b.csv", bytes.clone()), false, "another name"),
            (file("a.csv", bytes.clone()), RawInput::Text("\u{1}\u{2}\u{3}".into()), false, "text, not a file"),
            (RawInput::Text("x".into()), RawInput::Text("x".into()), true, "the same text"),
        ];
        for (a, b, equal, what) in cases {
            assert_eq!(a == b, equal, "{what}");
            assert_eq!(b == a, equal, "{what}, the other way round");
        }
    }
}

/// The year a period starts in ("2024/25", "Q1 2025", "March 2024", "2023"), for putting
/// periods in order: the first four-digit year it names.
///
/// ```
/// use wrb::engine::model::period_year;
/// assert_eq!(period_year("Based on 2024/25 budget"), Some(2024));
/// assert_eq!(period_year("This period"), None);
/// ```
pub fn period_year(period: &str) -> Option<u32> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 4)
        .and_then(|run| run.parse().ok())
        .filter(|year| (1900..=2100).contains(year))
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
