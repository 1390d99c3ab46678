//! A staff list: one row a person, as HR systems extract them.

use serde::{Deserialize, Serialize};

use super::Date;

/// How a person is engaged. Agency workers are not directly employed (DfE definitions,
/// `../shared/domain.md`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Contract {
    Permanent,
    FixedTerm,
    Bank,
    Agency,
    /// As written, when it is none of the above.
    Other(String),
}

impl Contract {
    /// Directly employed: everyone but agency workers.
    pub fn directly_employed(&self) -> bool {
        !matches!(self, Contract::Agency)
    }

    pub fn label(&self) -> &str {
        match self {
            Contract::Permanent => "Permanent",
            Contract::FixedTerm => "Fixed-term",
            Contract::Bank => "Bank",
            Contract::Agency => "Agency",
            Contract::Other(text) => text,
        }
    }
}

/// One person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The source row, for messages.
    pub line: usize,
    pub role: String,
    pub team: Option<String>,
    pub fte: Option<f64>,
    pub contract: Contract,
    pub start: Option<Date>,
    pub leaving: Option<Date>,
    pub leaving_reason: Option<String>,
    pub date_of_birth: Option<Date>,
    /// An age given directly, when there is no date of birth.
    pub age: Option<u32>,
    /// Cases held, where the extract gives them.
    pub cases: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffList {
    pub people: Vec<Person>,
}
