//! The DfE children's social work workforce indicators, one row per year and area, and the
//! statistical neighbours file (`../shared/domain.md`, "Real open data").

use std::collections::BTreeMap;

use super::Entry;

/// Which kind of area a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    National,
    Regional,
    LocalAuthority,
}

/// The counts the published rates are made from, and the rates as published.
#[derive(Clone, Debug, PartialEq)]
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

/// Rates as the DfE published them (percentages, caseload in cases per FTE).
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedRates {
    pub vacancy: Entry,
    pub agency: Entry,
    pub turnover: Entry,
    pub caseload: Entry,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DfeIndicators {
    pub rows: Vec<DfeRow>,
}

/// Each council's statistical neighbours by old council code, closest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatisticalNeighbours {
    pub by_council: BTreeMap<u32, Vec<u32>>,
}
