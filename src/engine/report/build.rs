//! Project to report document: gather the facts once, then lay out the officer's sections,
//! numbering paragraphs (8.15, 8.16...) from their order so they renumber when anything moves.

use super::blocks::{data_block, Counters};
use std::rc::Rc;

use super::facts::{Facts, SupportingFacts};
use super::live::fill;
use super::{Block, Paragraph, ReportDocument, Section};
use crate::engine::import::{load_input, Loaded, Problem};
use crate::engine::model::{Content, Project, TableInput};

/// Builds the report a project describes. Tables that cannot be read are reported in place.
pub fn build_report(project: &Project) -> ReportDocument {
    build_report_with(project, &load_input)
}

/// Builds the report with the table inputs' rows supplied by `load`: in the browser, rows the
/// import worker already read, so the page needs no file-reading code.
pub fn build_report_with(project: &Project, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> ReportDocument {
    build_report_from(project, load, Rc::new(SupportingFacts::gather(project, load)))
}

/// As `build_report_with`, with the supporting tables already read: the app keeps them while
/// only the words change, so typing is not slowed by a large staff list.
pub fn build_report_from(
    project: &Project,
    load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>,
    supporting: Rc<SupportingFacts>,
) -> ReportDocument {
    let facts = Facts::gather_with(project, load, supporting);
    let mut counters = Counters::default();
    let sections = project
        .document
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let number = i as u32 + 1;
            let paragraphs = section
                .paragraphs
                .iter()
                .enumerate()
                .map(|(j, paragraph)| Paragraph {
                    id: paragraph.id,
                    number: format!("{number}.{}", j + 1),
                    blocks: content_blocks(&paragraph.content, &facts, &mut counters),
                })
                .collect();
            Section { id: section.id, number, heading: section.heading.clone(), paragraphs }
        })
        .collect();
    ReportDocument { title_block: project.title_block.clone(), sections, print: project.settings.print.clone() }
}

fn content_blocks(content: &Content, facts: &Facts, counters: &mut Counters) -> Vec<Block> {
    match content {
        Content::Text(text) => vec![Block::Text(fill(text, facts))],
        Content::Bullets { lead, items } => vec![Block::Bullets {
            lead: fill(lead, facts),
            items: items
                .lines()
                .map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim())
                .filter(|l| !l.is_empty())
                .map(|l| fill(l, facts))
                .collect(),
        }],
        Content::Data { block, title } => data_block(block, title, facts, counters),
    }
}
