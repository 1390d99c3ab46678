//! The built-in samples: a fictional council's tables and three report templates, so an
//! officer sees a finished report first. The tables are kept as the text an officer would
//! paste, and go through the same import as theirs.

mod templates;

pub use templates::Template;

use crate::engine::model::{Origin, Project, RawInput, TableInput};

pub const COUNCIL: &str = "Northshire County Council";

/// The children's social work workforce update: the app's first screen.
pub fn sample_project() -> Project {
    Template::ChildrensWorkforce.project()
}

fn table(period: &str, source: &str, text: &str) -> TableInput {
    TableInput {
        period: period.to_owned(),
        source: source.to_owned(),
        origin: Origin::Sample,
        raw: RawInput::Text(text.to_owned()),
        sheet: None,
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    }
}
