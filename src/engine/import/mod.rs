//! From what the officer pasted or loaded to typed tables.
//!
//! `grid` splits text into cells that keep their line; `number` reads one cell; `establishment`
//! finds the header and reads the rows. Every problem carries its position.

pub mod establishment;
pub mod grid;
pub mod number;

pub use establishment::read_establishment;

use std::fmt;

/// Something in the input that could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line of the source (1-based), or `None` when the problem is the whole table.
    pub line: Option<usize>,
    /// The column's heading as the officer knows it.
    pub column: Option<String>,
    /// What was wrong and what was expected, as a sentence.
    pub message: String,
}

impl Problem {
    pub fn whole(message: String) -> Self {
        Problem {
            line: None,
            column: None,
            message,
        }
    }

    pub fn at(line: usize, column: &str, message: String) -> Self {
        Problem {
            line: Some(line),
            column: Some(column.to_owned()),
            message,
        }
    }
}

impl fmt::Display for Problem {
    /// "Row 7, column Agency: 'two' is not a number."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.column) {
            (Some(line), Some(column)) => {
                write!(f, "Row {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "Row {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}
