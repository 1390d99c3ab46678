//! Which column of a source table holds what: guessed from the headings, corrected by the
//! officer, and saved with the project so the table can be read the same way again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Field, Unit};

/// What one column is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnUse {
    /// The row label: role, post or team, or any other table's row names.
    Role,
    Figure(Field),
    /// Row labels that are periods (years down the side) in a general table.
    Period,
    /// A measure of a general table, with its unit.
    Measure(Unit),
    NotUsed,
}

impl ColumnUse {
    /// Every choice, in the order the officer is offered them.
    pub const CHOICES: [ColumnUse; 17] = [
        ColumnUse::Role,
        ColumnUse::Figure(Field::Establishment),
        ColumnUse::Figure(Field::Permanent),
        ColumnUse::Figure(Field::Agency),
        ColumnUse::Figure(Field::Vacant),
        ColumnUse::Figure(Field::OverUnder),
        ColumnUse::Period,
        ColumnUse::Measure(Unit::Number),
        ColumnUse::Measure(Unit::Headcount),
        ColumnUse::Measure(Unit::Fte),
        ColumnUse::Measure(Unit::Money),
        ColumnUse::Measure(Unit::Percent),
        ColumnUse::Measure(Unit::Days),
        ColumnUse::Measure(Unit::Rate),
        ColumnUse::Measure(Unit::Date),
        ColumnUse::Measure(Unit::Text),
        ColumnUse::NotUsed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ColumnUse::Role => "Role or row label",
            ColumnUse::Figure(field) => field.label(),
            ColumnUse::Period => "Periods (row label)",
            ColumnUse::Measure(Unit::Number) => "Figures: number",
            ColumnUse::Measure(Unit::Headcount) => "Figures: headcount",
            ColumnUse::Measure(Unit::Fte) => "Figures: FTE",
            ColumnUse::Measure(Unit::Money) => "Figures: £",
            ColumnUse::Measure(Unit::Percent) => "Figures: %",
            ColumnUse::Measure(Unit::Days) => "Figures: days",
            ColumnUse::Measure(Unit::Rate) => "Figures: rate or ratio",
            ColumnUse::Measure(Unit::Date) => "Dates",
            ColumnUse::Measure(Unit::Text) => "Text",
            ColumnUse::NotUsed => "Not used",
        }
    }

    /// Whether the choice belongs to a general table rather than an establishment table.
    pub fn is_general(self) -> bool {
        matches!(self, ColumnUse::Period | ColumnUse::Measure(_))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The source row (1-based) holding the headings; the table's rows follow it.
    pub header_line: usize,
    /// One use for each column of the heading row, from column A (or the first pasted column).
    pub columns: Vec<ColumnUse>,
}

impl ColumnMapping {
    pub fn role_column(&self) -> Option<usize> {
        self.columns.iter().position(|u| *u == ColumnUse::Role)
    }

    /// The figure columns, in the source's order.
    pub fn figures(&self) -> impl Iterator<Item = (usize, Field)> + '_ {
        self.columns.iter().enumerate().filter_map(|(i, u)| match u {
            ColumnUse::Figure(field) => Some((i, *field)),
            _ => None,
        })
    }
}

/// Mappings the officer corrected, keyed by the table's headings (see
/// `import::establishment::headings_key`), so the next table with the same headings is read
/// the same way. Kept by the browser, not in the project: it is the officer's habit, not the
/// report's content.
pub type RememberedMappings = BTreeMap<String, Vec<ColumnUse>>;
