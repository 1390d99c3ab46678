//! Pure functions from typed tables to the figures a report prints. Never NaN or infinity:
//! a figure that cannot be given says why.

pub mod areas;
pub mod benchmark;
pub mod checks;
pub mod comparison;
mod establishment;
pub mod general;
pub mod money;
pub mod pipeline;
pub mod staff;

pub use establishment::{
    agency_cover_of_vacancies, agency_rate, establishment_figures, share_vacant, vacancy_rate, vacant_not_covered,
    EstablishmentFigures, OverUnderBasis, RoleFigures,
};

use crate::engine::model::{Field, NoValue};
use std::fmt;

/// A figure, or the reason it cannot be given.
pub type Measure = Result<f64, NotAvailable>;

/// Why a figure is not available.
#[derive(Clone, Debug, PartialEq)]
pub enum NotAvailable {
    /// The source table has no such column.
    NoColumn(Field),
    /// A cell the figure needs holds no number.
    NoValue { field: Field, role: String, reason: NoValue },
    /// A published figure the rate needs is suppressed or missing, e.g. "cases" for a council.
    NotPublished { what: &'static str, area: String, reason: NoValue },
    /// The rate's denominator is zero (or, through a source error, below zero).
    NoDenominator,
}

impl fmt::Display for NotAvailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAvailable::NoColumn(field) => write!(f, "the table has no {} column", field.label()),
            NotAvailable::NoValue { field, role, reason } => {
                write!(f, "the {} figure for {role} {}", field.label(), reason.describe())
            }
            NotAvailable::NotPublished { what, area, reason } => {
                write!(f, "the {what} figure for {area} {}", reason.describe())
            }
            NotAvailable::NoDenominator => f.write_str("there are no posts to divide by"),
        }
    }
}
