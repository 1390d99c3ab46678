//! The built-in sample: a fictional council, so an officer sees a finished report first.
//! The tables are kept as the text an officer would paste and go through the same import.

use crate::engine::model::{Origin, Project, RawInput, TableInput, TitleBlock, SCHEMA_VERSION};

pub const COUNCIL: &str = "Northshire County Council";
const SOURCE: &str = "Northshire County Council children's social care establishment (fictional sample data)";

/// The sample project: children's social care establishment for two budget years.
pub fn sample_project() -> Project {
    let table = |period: &str, text: &str| TableInput {
        period: period.to_owned(),
        source: SOURCE.to_owned(),
        origin: Origin::Sample,
        raw: RawInput::Text(text.to_owned()),
        sheet: None,
        mapping: None,
        skip_unreadable: false,
    };
    Project {
        schema_version: SCHEMA_VERSION,
        title_block: TitleBlock {
            council: COUNCIL.to_owned(),
            committee: "Children and Young People Scrutiny Panel".to_owned(),
            meeting_date: "21 January 2027".to_owned(),
            title: "Children's social care workforce update".to_owned(),
            report_author: "Sam Okafor, Principal Social Worker".to_owned(),
            classification: "Open".to_owned(),
            key_decision: "No".to_owned(),
            wards_affected: "All wards".to_owned(),
            contact_officer: "Sam Okafor, Principal Social Worker, workforce@northshire.example".to_owned(),
        },
        tables: vec![
            table("2025/26", include_str!("establishment_2025_26.tsv")),
            table("2024/25", include_str!("establishment_2024_25.tsv")),
        ],
    }
}
