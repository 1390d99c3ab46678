//! A published comparison file: one figure an area, period and measure, for councils, regions
//! and England (`../shared/domain.md`, "Adult social care"). Oflog's adult social care
//! metrics come long (a row a figure); LG Inform's exports and Skills for Care's local
//! authority sheet come wide (a row an area, a column a measure). Both read into this.

use serde::{Deserialize, Serialize};

use super::NoValue;

/// What kind of area a row describes, from its ONS code (E06, E07, E08, E09, E10 councils;
/// E12 regions; E92 England) or, without one, its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AreaLevel {
    England,
    Region,
    Council,
    /// Any other area (a combined authority, a health board): kept, never ranked.
    Other,
}

/// The nine English regions as ONS names them, which comparison files use for region rows.
pub const REGIONS: [&str; 9] = [
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
];

impl AreaLevel {
    /// The level an ONS area code gives, if it is one.
    pub fn of_code(code: &str) -> Option<AreaLevel> {
        let code = code.trim();
        let digits = code.get(1..).unwrap_or("");
        if code.len() != 9 || !code.starts_with(['E', 'e']) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(match &digits[..2] {
            "06" | "07" | "08" | "09" | "10" => AreaLevel::Council,
            "12" => AreaLevel::Region,
            "92" => AreaLevel::England,
            _ => AreaLevel::Other,
        })
    }

    /// The level a name gives where there is no code: "England", a region, or a council.
    pub fn of_name(name: &str) -> AreaLevel {
        let key = |text: &str| -> String {
            text.chars().filter(|c| c.is_alphanumeric()).map(crate::engine::case::lower_char).collect()
        };
        let name = key(name);
        if matches!(name.as_str(), "england" | "englandtotal" | "allengland" | "englandaverage") {
            AreaLevel::England
        } else if REGIONS.iter().any(|r| key(r) == name) {
            AreaLevel::Region
        } else {
            AreaLevel::Council
        }
    }
}

/// One published figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    /// The source line, for messages.
    pub line: usize,
    /// The ONS code where the file gives one.
    pub code: String,
    pub area: String,
    pub level: AreaLevel,
    /// The council's region where the file says.
    pub region: String,
    /// As published: "2022-23", "2024", "September 2023"; empty where the file has no period.
    pub period: String,
    /// The measure's place in [`Comparison::measures`].
    pub measure: usize,
    /// The job role (Skills for Care: "Social worker", "All job roles"), where the file has one.
    pub role: String,
    /// The sector or service ("Local authority (adult services)"), where the file has one.
    pub sector: String,
    /// The figure as printed (a percentage as its percent: 28.0), or why there is none.
    pub value: Result<f64, NoValue>,
    /// The median across councils as the file publishes it (Oflog's `MEDIAN`).
    pub median: Option<f64>,
}

/// A measure the file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonMeasure {
    /// As the file names it: "Outcome, Workforce turnover rate", "Turnover rate".
    pub name: String,
    /// The file's code for it, such as Oflog's "ASC7".
    pub code: String,
    /// Whether its figures are percentages: its name says rate or %, or its cells do.
    pub percent: bool,
    /// Decimal places to print its figures to: 1 for a percentage, else by their size (a
    /// score of 0.408 needs 3, a count of 813.4 none).
    pub places: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub measures: Vec<ComparisonMeasure>,
    pub rows: Vec<ComparisonRow>,
}

impl Comparison {
    /// The values a column of choices can take, in the file's order: periods, roles, sectors.
    pub fn distinct(&self, of: impl Fn(&ComparisonRow) -> &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for row in &self.rows {
            let value = of(row);
            if !value.is_empty() && !seen.iter().any(|s| s == value) {
                seen.push(value.to_owned());
            }
        }
        seen
    }

    /// The councils, A to Z. Each name is copied once, not once a row: the report asks for
    /// them on every build, and Oflog's file has forty rows a council.
    pub fn councils(&self) -> Vec<String> {
        let mut names: Vec<&str> =
            self.rows.iter().filter(|r| r.level == AreaLevel::Council).map(|r| r.area.as_str()).collect();
        crate::engine::order::sort(&mut names);
        names.dedup();
        let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
        crate::engine::order::sort_by_cached_key(&mut names, |n| crate::engine::case::lower(n));
        names
    }

    /// The periods, newest last: periods sort by their first year ("2016-17" before
    /// "2022-23"), as published files list them.
    pub fn periods(&self) -> Vec<String> {
        let mut periods = self.distinct(|r| &r.period);
        crate::engine::order::sort_by_cached_key(&mut periods, |p| (first_year(p), p.clone()));
        periods
    }
}

/// What the officer compares, as saved with the report; each choice left empty takes the
/// file's obvious one (`metrics::areas::resolve`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

impl AreaChoice {
    /// Nothing chosen: the file's obvious choices are taken.
    pub fn is_empty(&self) -> bool {
        *self == AreaChoice::default()
    }
}

/// The first four-digit year a period names, for ordering; 0 where it names none.
pub fn first_year(period: &str) -> u32 {
    period
        .as_bytes()
        .windows(4)
        .find(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
        .and_then(|w| std::str::from_utf8(w).ok()?.parse().ok())
        .unwrap_or(0)
}
