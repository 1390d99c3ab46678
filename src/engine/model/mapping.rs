//! Which column of a source table holds what: guessed from the headings, corrected by the
//! officer, and saved with the project so the table can be read the same way again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Field;

/// What one column is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnUse {
    /// The row label: role, post or team.
    Role,
    Figure(Field),
    NotUsed,
}

impl ColumnUse {
    /// Every choice, in the order the officer is offered them.
    pub const CHOICES: [ColumnUse; 7] = [
        ColumnUse::Role,
        ColumnUse::Figure(Field::Establishment),
        ColumnUse::Figure(Field::Permanent),
        ColumnUse::Figure(Field::Agency),
        ColumnUse::Figure(Field::Vacant),
        ColumnUse::Figure(Field::OverUnder),
        ColumnUse::NotUsed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ColumnUse::Role => "Role",
            ColumnUse::Figure(field) => field.label(),
            ColumnUse::NotUsed => "Not used",
        }
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
