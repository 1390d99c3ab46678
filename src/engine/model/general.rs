//! A general table: any rectangular table with a heading row and figures, as committee papers
//! hold them (agency spend by year, sickness by directorate, turnover by quarter, retention by
//! staff group). Each column is a label, or a measure with a unit; periods run across the top
//! or down the side. The richer kinds (an establishment table, a staff list, a budget...) are
//! read by readers of their own; anything else with a heading row and figures is one of these.

use crate::engine::case::{lower, lower_char};
use serde::{Deserialize, Serialize};

use super::Entry;

/// What a measure counts, which sets how its figures are printed and charted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Full-time equivalent.
    Fte,
    /// People or posts counted: whole numbers.
    Headcount,
    /// Any other number.
    Number,
    /// Pounds.
    Money,
    /// A percentage as written: 12.3 is 12.3%.
    Percent,
    /// Days, such as sickness days lost per FTE.
    Days,
    /// A ratio that is not a percentage, such as applications per post.
    Rate,
    /// Dates, kept as written.
    Date,
    /// Words, such as comments: kept, never summed or charted.
    Text,
}

impl Unit {
    /// In the order the Columns step offers them.
    pub const ALL: [Unit; 9] = [
        Unit::Number,
        Unit::Headcount,
        Unit::Fte,
        Unit::Money,
        Unit::Percent,
        Unit::Days,
        Unit::Rate,
        Unit::Date,
        Unit::Text,
    ];

    /// How the officer is offered it, and how a table's note names it.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Fte => "FTE",
            Unit::Headcount => "Headcount",
            Unit::Number => "Number",
            Unit::Money => "£",
            Unit::Percent => "%",
            Unit::Days => "Days",
            Unit::Rate => "Rate or ratio",
            Unit::Date => "Date",
            Unit::Text => "Text",
        }
    }

    /// Whether its figures can be added up, charted and checked.
    pub fn is_figure(self) -> bool {
        !matches!(self, Unit::Date | Unit::Text)
    }
}

/// Which way the periods run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// Years as columns: each row is a measure over the periods ("Agency spend" by year).
    PeriodsAcross,
    /// Periods down the side: each row a period, each column a measure.
    PeriodsDown,
    /// No periods: each row a category (a directorate, a staff group), each column a measure.
    Categories,
}

/// A general table as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeneralTable {
    /// The title line above the table, when it had one.
    pub title: Option<String>,
    /// A period named in the title line ("Based on 2024/25 budgeted establishment").
    pub titled_period: Option<String>,
    /// The label column's heading ("Directorate", "Year"); may be empty.
    pub label_heading: String,
    pub layout: Layout,
    /// The measure columns, in the source's order.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The stated total row, when there is one.
    pub total: Option<Row>,
    /// What the officer should know about how it was read: why it was not read as a richer
    /// kind, footnotes met in cells, a label joined from two lines.
    pub notes: Vec<String>,
}

/// A measure column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub heading: String,
    /// Its unit as the heading or its cells say; each cell may still carry its own.
    pub unit: Unit,
    /// The source column (0-based), for positions in checks and problems.
    pub source: usize,
    /// A stated total of the other columns in its row ("Total", "All").
    pub is_total: bool,
}

/// A label without a unit in brackets at its end, as prose names it: "Agency spend (£)" is
/// "Agency spend", "Agency workers (FTE)" is "Agency workers". Other brackets stay.
pub fn plain_label(label: &str) -> &str {
    let trimmed = label.trim();
    let Some(open) = trimmed.rfind('(').filter(|_| trimmed.ends_with(')')) else { return trimmed };
    let inside = lower(trimmed[open + 1..trimmed.len() - 1].trim());
    let units =
        ["£", "£000", "£000s", "£'000", "£k", "£m", "fte", "wte", "%", "days", "headcount", "number", "no.", "no"];
    if units.contains(&inside.as_str()) {
        trimmed[..open].trim_end()
    } else {
        trimmed
    }
}

impl Column {
    /// A rate, share, ratio or average ("Days per FTE", "Turnover rate", "% of staff"): its
    /// figures are not added up, and are not drawn beside totals.
    pub fn is_averaged(&self) -> bool {
        let lower = lower(&self.heading);
        ["per ", "average", "mean", "rate", "ratio", "median", "%", "percent", "share", "proportion"]
            .iter()
            .any(|w| lower.contains(w))
    }
}

/// A row: a category, a period or a measure, with one cell for each column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub label: String,
    /// The source line (1-based).
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// A cell as read: its figure, its unit, and what was written, so checks can see how many
/// places it was given to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub entry: Entry,
    pub unit: Unit,
    /// Decimal places as written ("3.45" has 2).
    pub places: u8,
    /// The cell as written, trimmed.
    pub written: String,
}

impl Cell {
    pub fn value(&self) -> Option<f64> {
        match self.entry {
            Entry::Number(v) if self.unit.is_figure() => Some(v),
            _ => None,
        }
    }
}

impl GeneralTable {
    /// What the table is about, for captions and menus: its title, else its measures.
    pub fn name(&self) -> String {
        if let Some(title) = self.title.as_ref().filter(|t| !t.trim().is_empty()) {
            return title.trim().trim_end_matches(':').to_owned();
        }
        match self.layout {
            Layout::PeriodsAcross => {
                // Row labels may be places or teams' names: kept as written.
                let labels: Vec<&str> = self.rows.iter().take(2).map(|r| r.label.as_str()).collect();
                labels.join(" and ")
            }
            Layout::PeriodsDown | Layout::Categories => {
                let measures: Vec<&str> =
                    self.columns.iter().filter(|c| !c.is_total).take(2).map(|c| c.heading.as_str()).collect();
                // As written: a heading may be a place ("England"), which must keep its capital.
                let measures = measures.join(" and ");
                let by = if self.label_heading.trim().is_empty() {
                    String::new()
                } else {
                    format!(" by {}", lower(self.label_heading.trim()))
                };
                format!("{measures}{by}")
            }
        }
    }

    /// The figure in a row and column, each named as printed (case and punctuation aside):
    /// `("Agency spend", "2023/24")`, or the other way round.
    pub fn find(&self, first: &str, second: &str) -> Option<(&Row, usize)> {
        // Compared without case, punctuation or a unit in brackets: "Agency workers (FTE)" is
        // found as "agency workers".
        let key =
            |s: &str| -> String { plain_label(s).chars().filter(|c| c.is_alphanumeric()).map(lower_char).collect() };
        let (a, b) = (key(first), key(second));
        let rows = || self.rows.iter().chain(&self.total);
        let column = |k: &str| self.columns.iter().position(|c| key(&c.heading) == k);
        for (row_key, column_key) in [(&a, &b), (&b, &a)] {
            if let (Some(row), Some(at)) = (rows().find(|r| key(&r.label) == *row_key), column(column_key)) {
                return Some((row, at));
            }
        }
        None
    }
}
