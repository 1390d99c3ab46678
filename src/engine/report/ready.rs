//! Ready for committee?: every item still open in the report, listed before it is exported so
//! nothing unfinished goes to members by accident. Each item says what is open, where, and
//! names the element of the report preview it links to.

use super::html::{paragraph_anchor, section_anchor, title_field_anchor, TITLE_BLOCK};
use super::live::{figure_group, plain, Run};
use super::sample_mark::still_the_samples;
use super::{Block, Paragraph, ReportDocument, Section};
use crate::engine::metrics::checks::TableChecks;
use crate::engine::model::{Origin, Project, TitleBlock, TitleField};

/// The Checks panel's heading: failed checks link there, where each names its row.
pub const CHECKS_ANCHOR: &str = "checks-heading";

/// One thing to put right before the report goes to committee.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenItem {
    /// Where it is, as the officer finds it: "Title block", "Section 4, paragraph 4.2".
    pub place: String,
    /// What is open, and how to close it where that is not plain.
    pub what: String,
    /// The id of its place on the page, for the link.
    pub anchor: String,
}

impl OpenItem {
    fn at(place: impl Into<String>, anchor: impl Into<String>, what: impl Into<String>) -> Self {
        OpenItem { place: place.into(), what: what.into(), anchor: anchor.into() }
    }

    /// The item as the list prints it: "Section 4, paragraph 4.2: …".
    pub fn sentence(&self) -> String {
        format!("{}: {}", self.place, self.what)
    }
}

/// Every open item, in the order the report reads: the title block, then each section's, then
/// failed checks. `samples` are the templates' title blocks, whose values are the fictional
/// council's.
pub fn open_items(
    report: &ReportDocument,
    project: &Project,
    checks: &[TableChecks],
    samples: &[TitleBlock],
) -> Vec<OpenItem> {
    let mut items = title_block_items(&report.title_block, samples);
    let mut sample_sources = SampleSources::of(project);
    for section in &report.sections {
        items.extend(section_items(section, &mut sample_sources));
    }
    items.extend(failed_checks(checks));
    items
}

/// How many items are open, said with what the exports do with them.
pub fn summary(open: usize) -> String {
    match open {
        0 => "Nothing left to do: the report is ready for committee.".to_owned(),
        n => still_open(n, "the Word file"),
    }
}

/// Items still open go out in an exported `file` as they are, never held back: the officer
/// may send a draft on purpose.
pub fn still_open(open: usize, file: &str) -> String {
    match open {
        1 => format!("1 item is still open: {file} has it as it is."),
        n => format!("{n} items are still open: {file} has them as they are."),
    }
}

/// Fields left empty, and fields still holding the sample's words (`still_the_samples`).
fn title_block_items(title_block: &TitleBlock, samples: &[TitleBlock]) -> Vec<OpenItem> {
    TitleField::ALL
        .into_iter()
        .filter_map(|field| {
            let value = title_block.get(field).trim();
            if value.is_empty() {
                Some(OpenItem::at("Title block", TITLE_BLOCK, format!("{} is empty", field.label())))
            } else if samples.iter().any(|s| still_the_samples(field, value, s)) {
                let what = format!("{} is still the sample's: “{value}”", field.label());
                Some(OpenItem::at("Title block", title_field_anchor(field), what))
            } else {
                None
            }
        })
        .collect()
}

fn section_items(section: &Section, samples: &mut SampleSources) -> Vec<OpenItem> {
    let place = format!("Section {}", section.number);
    if section.paragraphs.iter().all(is_blank) {
        let what = format!("“{}” has nothing in it: write it, or remove the section", section.heading.trim());
        return vec![OpenItem::at(place, section_anchor(section), what)];
    }
    section.paragraphs.iter().flat_map(|p| paragraph_items(&place, p, samples)).collect()
}

fn paragraph_items(section: &str, paragraph: &Paragraph, samples: &mut SampleSources) -> Vec<OpenItem> {
    let place = format!("{section}, paragraph {}", paragraph.number);
    let anchor = paragraph_anchor(paragraph.id);
    let item = |what: String| OpenItem::at(place.clone(), anchor.clone(), what);
    if is_blank(paragraph) {
        return vec![item("the paragraph is empty: write it, or remove it".to_owned())];
    }
    let mut items: Vec<OpenItem> = missing_figures(paragraph).into_iter().map(item).collect();
    for block in &paragraph.blocks {
        match block {
            Block::Problem(text) => items.push(item(format!("Not shown: {text}"))),
            Block::Chart(chart) if chart.description.trim().is_empty() => items.push(item(format!(
                "the chart “{}” has no description for readers who cannot see it",
                chart.title.trim()
            ))),
            _ => {}
        }
    }
    items.extend(samples.first_used_in(paragraph).into_iter().map(item));
    items
}

/// Each live figure the paragraph names that has no value, once, with why.
fn missing_figures(paragraph: &Paragraph) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    runs(paragraph)
        .filter_map(|run| match run {
            Run::Figure { name, value: Err(why) } if !seen.contains(&name.as_str()) => {
                seen.push(name);
                Some(format!("{{{name}}} has no figure — {}", why.trim_end_matches('.')))
            }
            _ => None,
        })
        .collect()
}

fn runs(paragraph: &Paragraph) -> impl Iterator<Item = &Run> {
    paragraph.blocks.iter().flat_map(|block| match block {
        Block::Text(runs) => runs.iter().collect::<Vec<_>>(),
        Block::Bullets { lead, items } => lead.iter().chain(items.iter().flatten()).collect(),
        _ => Vec::new(),
    })
}

/// A paragraph that prints nothing but its number.
fn is_blank(paragraph: &Paragraph) -> bool {
    paragraph.blocks.iter().all(|block| match block {
        Block::Text(runs) => plain(runs).trim().is_empty(),
        Block::Bullets { lead, items } => plain(lead).trim().is_empty() && items.is_empty(),
        _ => false,
    })
}

fn failed_checks(checks: &[TableChecks]) -> Vec<OpenItem> {
    checks
        .iter()
        .flat_map(|table| {
            let place = format!("Checks, {}", table.title);
            table.findings.iter().filter(|f| !f.passed).map(move |f| OpenItem::at(&place, CHECKS_ANCHOR, &f.message))
        })
        .collect()
}

/// The sample's tables the project still holds, each listed once, where the report first
/// draws on it: a table or chart citing its source, or a live figure taken from the
/// establishment table.
struct SampleSources {
    /// Each sample source not yet listed, and whether it is an establishment table's.
    unlisted: Vec<(String, bool)>,
}

impl SampleSources {
    fn of(project: &Project) -> Self {
        let mut unlisted: Vec<(String, bool)> = Vec::new();
        let establishment = project.tables.iter().map(|t| (t, true));
        for (input, is_establishment) in establishment.chain(project.supporting.iter().map(|t| (t, false))) {
            let source = input.source.trim().trim_end_matches('.').to_owned();
            if input.origin == Origin::Sample && !unlisted.iter().any(|(s, _)| *s == source) {
                unlisted.push((source, is_establishment));
            }
        }
        SampleSources { unlisted }
    }

    /// The sample sources this paragraph is the first to draw on, now listed.
    fn first_used_in(&mut self, paragraph: &Paragraph) -> Vec<String> {
        let cited = cited_sources(paragraph);
        // Figures such as {vacancy rate} come from the establishment table, which they never cite.
        let establishment_figure = runs(paragraph).any(|run| {
            matches!(run, Run::Figure { name, value: Ok(_) }
                if matches!(figure_group(name), Some("Establishment" | "Scenarios")))
        });
        let (used, rest) = std::mem::take(&mut self.unlisted).into_iter().partition(|(source, establishment)| {
            cited.iter().any(|c| c.contains(source.as_str())) || (*establishment && establishment_figure)
        });
        self.unlisted = rest;
        used.into_iter()
            .map(|(source, _): (String, bool)| {
                format!("draws on the sample's fictional figures (“{source}”): bring in your own table")
            })
            .collect()
    }
}

/// The source lines of the paragraph's tables and charts.
fn cited_sources(paragraph: &Paragraph) -> Vec<&str> {
    paragraph
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Table(table) => table.notes.iter().map(String::as_str).collect(),
            Block::Chart(chart) => vec![chart.source.as_str()],
            _ => Vec::new(),
        })
        .collect()
}
