//! Project to report document: the officer's sections laid out over the facts the tables give,
//! paragraphs numbered (8.15, 8.16...) from their order so they renumber when anything moves.

use super::blocks::data_block;
use super::facts::{Facts, TableFacts};
use super::live::fill;
use super::{Block, Counters, Paragraph, ReportDocument, Section};
use crate::engine::model::{Content, Project};
use crate::engine::tables::ProjectTables;

/// Builds the report a project describes from its tables' facts. Nothing is read here: an
/// edit to the words builds the report again over the same facts.
pub fn build_report(project: &Project, tables: &TableFacts) -> ReportDocument {
    let facts = Facts::new(project, tables);
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
    let mut report = ReportDocument {
        title_block: project.title_block.clone(),
        sections,
        print: project.settings.print.clone(),
        sample: Default::default(),
    };
    report.sample = super::sample_mark::sample_in_use(project, &report);
    report
}

/// Builds the report a project describes, reading its tables (files included) here: for the
/// command-line tool and tests. The page reads files in its import worker instead.
pub fn build_report_reading_files(project: &Project) -> ReportDocument {
    let tables = ProjectTables::load(project);
    build_report(project, &TableFacts::of(&tables, TableFacts::depends_on(project)))
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
