//! What of the built-in sample is still in a report: the blocks drawn from its fictional
//! tables, and the title-block fields still as the sample gave them. While anything is, the
//! preview, every printed page and every export carry a "Sample data" mark, so a draft begun
//! from the sample cannot reach committee with its figures by accident.

use super::{Block, ReportDocument};
use crate::engine::model::{Origin, Project, TitleField};

/// The mark's words, printed at the top of the report and on every page.
pub const SAMPLE_MARK: &str = "Sample data";

/// Each place in the report that still uses sample data, as the officer would look for it:
/// "Table 2: Establishment by role, 2025/26", "Figure 1: …", "the title block (Committee,
/// Meeting date)". Empty when nothing of the sample is left.
pub fn sample_in_use(project: &Project, report: &ReportDocument) -> Vec<String> {
    let sources: Vec<&str> = project
        .tables
        .iter()
        .chain(&project.supporting)
        .filter(|t| t.origin == Origin::Sample)
        .map(|t| t.source.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let from_sample = |text: &str| sources.iter().any(|s| text.contains(s));
    let mut places: Vec<String> = report
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().flat_map(|p| &p.blocks))
        .filter_map(|block| match block {
            Block::Table(t) if t.notes.iter().any(|n| from_sample(n)) => Some(t.caption.clone()),
            Block::Chart(c) if from_sample(&c.source) => Some(format!("Figure: {}", c.title)),
            _ => None,
        })
        .collect();
    // A sample table the report draws only figures from (in words) is still the sample's.
    if places.is_empty() && !sources.is_empty() {
        places.push("figures in the text, from the sample's tables".to_owned());
    }
    let fields = sample_title_fields(project);
    if !fields.is_empty() {
        let names: Vec<&str> = fields.iter().map(|f| f.label()).collect();
        places.push(format!("the title block ({})", names.join(", ")));
    }
    places
}

/// Title-block fields still holding what the sample or template put there.
fn sample_title_fields(project: &Project) -> Vec<TitleField> {
    let Some(sample) = &project.sample_title else { return Vec::new() };
    TitleField::ALL
        .into_iter()
        // "Open" and "No" are real answers, whoever gave them.
        .filter(|f| !matches!(f, TitleField::Classification | TitleField::KeyDecision))
        .filter(|&f| {
            let value = project.title_block.get(f).trim();
            !value.is_empty() && value == sample.get(f).trim()
        })
        .collect()
}
