//! The DfE children's social work workforce indicators, one row per year and area, and the
//! statistical neighbours file (`../shared/domain.md`, "Real open data").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Entry, NoValue};

/// Which kind of area a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    National,
    Regional,
    LocalAuthority,
}

/// The counts the published rates are made from, and the rates as published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DfeRow {
    /// The source line, for messages.
    pub line: usize,
    /// `time_period` as published, e.g. "2025" for the year to 30 September 2025.
    pub year: String,
    pub level: Level,
    pub region: String,
    /// The council's old (three-digit) code, which the neighbours file uses.
    pub old_la_code: Option<u32>,
    /// The council's name, or the region's, or "England".
    pub name: String,
    pub inpost_fte: Entry,
    pub leavers_fte: Entry,
    pub agency_fte: Entry,
    pub agency_cover_fte: Entry,
    pub vacancy_fte: Entry,
    pub case_holders_fte: Entry,
    pub cases: Entry,
    pub published: PublishedRates,
}

/// Rates as the DfE published them: three percentages, and caseload in cases per FTE.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedRates {
    pub vacancy: Result<Percent, NoValue>,
    pub agency: Result<Percent, NoValue>,
    pub turnover: Result<Percent, NoValue>,
    pub caseload: Entry,
}

/// A rate as published, in percent (the DfE's `32.4`), kept exactly as printed in the file so
/// it reads back the same; `share` is the fraction (0.324) every figure in the report takes.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Percent(pub f64);

impl Percent {
    /// A fraction (0.324) as a percentage (32.4).
    pub fn of_share(share: f64) -> Percent {
        Percent(share * 100.0)
    }

    /// The rate as a fraction: 32.4% is 0.324.
    pub fn share(self) -> f64 {
        self.0 / 100.0
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DfeIndicators {
    pub rows: Vec<DfeRow>,
}

/// Each council's statistical neighbours by old council code, closest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatisticalNeighbours {
    pub by_council: BTreeMap<u32, Vec<u32>>,
    /// Cells that name no council code, each with its row and column, so none is dropped
    /// without a word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<String>,
}
