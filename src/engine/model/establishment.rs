//! An establishment table: funded posts by role, and how they are filled.

use serde::{Deserialize, Serialize};

/// A column of figures in an establishment table, in FTE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    /// Funded posts: staff in post plus vacancies (`../shared/domain.md`).
    Establishment,
    /// Directly employed staff in post.
    Permanent,
    /// Agency workers, locums and interims.
    Agency,
    /// Vacant posts.
    Vacant,
    /// (Over)/under establishment as stated in the source table.
    OverUnder,
}

impl Field {
    pub const ALL: [Field; 5] =
        [Field::Establishment, Field::Permanent, Field::Agency, Field::Vacant, Field::OverUnder];

    /// The column heading officers use.
    pub fn label(self) -> &'static str {
        match self {
            Field::Establishment => "Establishment",
            Field::Permanent => "Permanent",
            Field::Agency => "Agency",
            Field::Vacant => "Vacant",
            Field::OverUnder => "(Over)/under",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One cell of figures as read: a number, or no number with the reason the source gave.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Number(f64),
    NoValue(NoValue),
}

/// Why a cell holds no number. Never treated as 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoValue {
    Blank,
    Dash,
    /// `n/a`, or the DfE code `z`.
    NotApplicable,
    /// DfE `c`.
    Confidential,
    /// DfE `k` or `low`: rounds to 0 but is not 0.
    RoundsToZero,
    /// DfE `u`.
    LowReliability,
    /// DfE `x`.
    Unavailable,
    /// "<4" and the like: a small number withheld.
    Small,
}

impl NoValue {
    /// Says what the source cell held, for notes under tables.
    pub fn describe(self) -> &'static str {
        match self {
            NoValue::Blank => "is blank",
            NoValue::Dash => "is a dash",
            NoValue::NotApplicable => "is marked not applicable",
            NoValue::Confidential => "is suppressed as confidential",
            NoValue::RoundsToZero => "is suppressed as a low figure",
            NoValue::LowReliability => "is marked as low reliability",
            NoValue::Unavailable => "is marked unavailable",
            NoValue::Small => "is withheld as a small number",
        }
    }
}

/// One role (or team) in an establishment table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleRow {
    pub role: String,
    /// The line of the source this row came from (1-based), for messages.
    pub line: usize,
    entries: [Option<Entry>; 5],
}

impl RoleRow {
    /// A row with no figures yet; `set` fills them.
    pub fn new(role: impl Into<String>, line: usize) -> Self {
        RoleRow { role: role.into(), line, entries: [None; 5] }
    }

    /// Sets one figure, builder style.
    pub fn with(mut self, field: Field, entry: Entry) -> Self {
        self.set(field, entry);
        self
    }

    pub fn set(&mut self, field: Field, entry: Entry) {
        self.entries[field.index()] = Some(entry);
    }

    /// The entry for a field, or `None` when the table has no such column.
    pub fn get(&self, field: Field) -> Option<Entry> {
        self.entries[field.index()]
    }
}

/// Establishment by role, as one source table states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EstablishmentTable {
    /// The figure columns the source has, in the source's order.
    pub columns: Vec<Field>,
    pub rows: Vec<RoleRow>,
    /// A "Total" row in the source: kept for checking, never counted again.
    pub stated_total: Option<RoleRow>,
    /// Subtotal rows ("Subtotal fieldwork", "Children's services total"): kept, not counted.
    pub stated_subtotals: Vec<RoleRow>,
}

impl EstablishmentTable {
    pub fn has(&self, field: Field) -> bool {
        self.columns.contains(&field)
    }
}
