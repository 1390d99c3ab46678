//! What of the built-in sample is still in a report: the blocks drawn from its fictional
//! tables, and the title-block fields still as the sample gave them. While anything is, the
//! preview, every printed page and every export carry a "Sample data" mark, so a draft begun
//! from the sample cannot reach committee with its figures by accident.

use super::{Block, ReportDocument};
use serde::{Deserialize, Serialize};

use crate::engine::model::{Origin, Project, TitleBlock, TitleField};

/// The mark's words, printed at the top of the report and on every page.
pub const SAMPLE_MARK: &str = "Sample data";

/// Where a report still uses the sample's data; empty when nowhere.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SampleInUse {
    /// Each table and chart drawn from a sample table: "Table 2: Establishment by role, …",
    /// "Figure: …".
    pub blocks: Vec<String>,
    /// A sample table the report draws on only through figures in its words.
    pub in_figures: bool,
    /// The title-block fields still as the sample gave them, by their labels.
    pub title_fields: Vec<String>,
}

impl SampleInUse {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty() && !self.in_figures && self.title_fields.is_empty()
    }

    /// Each place, as the officer would look for it, for the export step and the Word file.
    pub fn places(&self) -> Vec<String> {
        let mut places = self.blocks.clone();
        if self.in_figures {
            places.push("figures in the text, from the sample's tables".to_owned());
        }
        if !self.title_fields.is_empty() {
            places.push(format!("the title block ({})", self.title_fields.join(", ")));
        }
        places
    }
}

/// What of the sample a report built from `project` still uses.
pub fn sample_in_use(project: &Project, report: &ReportDocument) -> SampleInUse {
    let sources: Vec<&str> = project
        .tables
        .iter()
        .chain(&project.supporting)
        .filter(|t| t.origin == Origin::Sample)
        .map(|t| t.source.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let from_sample = |text: &str| sources.iter().any(|s| text.contains(s));
    let blocks: Vec<String> = report
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().flat_map(|p| &p.blocks))
        .filter_map(|block| match block {
            Block::Table(t) if t.notes.iter().any(|n| from_sample(n)) => Some(t.caption.clone()),
            Block::Chart(c) if from_sample(&c.source) => Some(format!("Figure: {}", c.title)),
            _ => None,
        })
        .collect();
    let title_fields = match &project.sample_title {
        Some(sample) => TitleField::ALL
            .into_iter()
            .filter(|&f| still_the_samples(f, project.title_block.get(f), sample))
            .map(|f| f.label().to_owned())
            .collect(),
        None => Vec::new(),
    };
    SampleInUse { in_figures: blocks.is_empty() && !sources.is_empty(), blocks, title_fields }
}

/// Whether a title-block field still holds what the sample gave it. Classification and key
/// decision never do: "Open" and "No" are real answers, whoever gave them.
pub fn still_the_samples(field: TitleField, value: &str, sample: &TitleBlock) -> bool {
    let value = value.trim();
    !matches!(field, TitleField::Classification | TitleField::KeyDecision)
        && !value.is_empty()
        && value == sample.get(field).trim()
}
