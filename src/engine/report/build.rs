//! Project to report document: read each table, compute its figures, and lay out the
//! "Current workforce" section.

use super::{narrative, Block, ReportDocument, Table};
use crate::engine::chart::establishment_chart;
use crate::engine::format::{fte, fte_bracketed, rate};
use crate::engine::import::{load_input, read_loaded, Loaded, Problem};
use crate::engine::metrics::comparison::compare_totals;
use crate::engine::metrics::{establishment_figures, EstablishmentFigures, Measure, OverUnderBasis, RoleFigures};
use crate::engine::model::{Field, Project, RememberedMappings, TableInput};

/// A table's figures, and the source rows left out because they could not be read.
struct Read {
    figures: EstablishmentFigures,
    skipped: Vec<Problem>,
}

/// What a cell shows when its figure is not available; the reason goes in the notes.
pub const NOT_AVAILABLE: &str = "n/a";

/// Builds the report a project describes. Tables that cannot be read are reported in place.
pub fn build_report(project: &Project) -> ReportDocument {
    build_report_with(project, &load_input)
}

/// Builds the report with the table inputs' rows supplied by `load`: in the browser, rows the
/// import worker already read, so the page needs no file-reading code.
pub fn build_report_with(project: &Project, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> ReportDocument {
    let mut paragraphs: Vec<Vec<Block>> = Vec::new();
    let read: Vec<(&TableInput, Result<Read, String>)> = project
        .tables
        .iter()
        .map(|input| {
            // The report depends on the project alone: a remembered mapping is saved into the
            // input when the officer accepts it, so none is consulted here.
            let read = read_loaded(input, load(input), &RememberedMappings::new()).outcome.map_err(|problems| {
                let first = problems.first().map(ToString::to_string).unwrap_or_default();
                format!("The {} table could not be read: {first}", period_or_default(&input.period))
            });
            (input, read.map(|r| Read { figures: establishment_figures(&r.table), skipped: r.skipped }))
        })
        .collect();

    let mut table_number = 0;
    let mut figure_number = 0;
    for (index, (input, read_table)) in read.iter().enumerate() {
        let (figures, skipped) = match read_table {
            Ok(read) => (&read.figures, &read.skipped),
            Err(message) => {
                paragraphs.push(vec![Block::Problem(message.clone())]);
                continue;
            }
        };
        let past = index > 0;
        let mut text = narrative::headline(&figures.total, past);
        if !input.period.is_empty() {
            text = format!("In {}, {}{}", input.period, text[..1].to_lowercase(), &text[1..]);
        }
        if index == 0 {
            if let Some((earlier_input, Ok(Read { figures: earlier, .. }))) = read.get(1) {
                for (name, before, after) in [
                    ("vacancy rate", &earlier.total.vacancy_rate, &figures.total.vacancy_rate),
                    ("agency worker rate", &earlier.total.agency_rate, &figures.total.agency_rate),
                ] {
                    if let Some(change) =
                        narrative::rate_change(name, &period_or_default(&earlier_input.period), before, after)
                    {
                        text.push(' ');
                        text.push_str(&change);
                    }
                }
            }
        }
        paragraphs.push(vec![Block::Text(text)]);

        table_number += 1;
        let mut table = establishment_table(table_number, input, figures);
        if !skipped.is_empty() {
            let rows: Vec<String> = skipped.iter().map(ToString::to_string).collect();
            table
                .notes
                .insert(table.notes.len() - 1, format!("Left out, as they could not be read: {}", rows.join("; ")));
        }
        paragraphs.push(vec![Block::Table(table)]);

        if index == 0 {
            figure_number += 1;
            let id = format!("figure-{figure_number}");
            match establishment_chart(figures, &input.period, &input.source, &id) {
                Some(chart) => paragraphs.push(vec![Block::Chart(chart)]),
                None => paragraphs.push(vec![Block::Problem(
                    "No chart is drawn: no role has establishment, permanent and agency figures.".into(),
                )]),
            }
        }
    }
    if let [(later_input, Ok(later)), (earlier_input, Ok(earlier)), ..] = read.as_slice() {
        table_number += 1;
        paragraphs.push(vec![Block::Table(change_table(
            table_number,
            earlier_input,
            &earlier.figures,
            later_input,
            &later.figures,
        ))]);
    }
    if project.tables.is_empty() {
        paragraphs.push(vec![Block::Problem("No establishment table has been added yet.".into())]);
    }
    ReportDocument::numbered(project.title_block.clone(), vec![("Current workforce".into(), paragraphs)])
}

fn period_or_default(period: &str) -> String {
    if period.is_empty() {
        "the pasted".to_owned()
    } else {
        period.to_owned()
    }
}

fn establishment_table(number: usize, input: &TableInput, figures: &EstablishmentFigures) -> Table {
    let period = if input.period.is_empty() { String::new() } else { format!(", {}", input.period) };
    let row = |r: &RoleFigures| -> Vec<String> {
        vec![
            r.role.clone(),
            cell(&r.establishment, fte),
            cell(&r.permanent, fte),
            cell(&r.agency, fte),
            cell(&r.vacant, fte),
            cell(&r.over_under, fte_bracketed),
            cell(&r.vacancy_rate, rate),
            cell(&r.agency_rate, rate),
        ]
    };
    let mut notes = vec![
        "Vacancy rate = vacant ÷ (vacant + permanent); agency rate = agency ÷ (agency + permanent). \
         Definitions as in the Department for Education's children's social work workforce statistics."
            .to_owned(),
        match figures.over_under_basis {
            OverUnderBasis::Stated => "(Over)/under establishment as stated in the source table; figures in brackets are over establishment.",
            OverUnderBasis::Computed => "(Over)/under establishment = establishment − permanent − agency; figures in brackets are over establishment.",
        }
        .to_owned(),
    ];
    notes.extend(gaps(figures));
    notes.push(format!("Source: {}.", input.source.trim_end_matches('.')));
    Table {
        caption: format!("Table {number}: Establishment by role{period}, full-time equivalent (FTE)"),
        header: [
            "Role",
            "Establishment",
            "Permanent",
            "Agency",
            "Vacant",
            "(Over)/under",
            "Vacancy rate",
            "Agency rate",
        ]
        .map(String::from)
        .to_vec(),
        rows: figures.roles.iter().map(row).collect(),
        total: Some(row(&figures.total)),
        notes,
    }
}

/// The two latest periods' totals side by side, with the change.
fn change_table(
    number: usize,
    earlier_input: &TableInput,
    earlier: &EstablishmentFigures,
    later_input: &TableInput,
    later: &EstablishmentFigures,
) -> Table {
    let (from, to) = (period_or_default(&earlier_input.period), period_or_default(&later_input.period));
    let changes = compare_totals(earlier, later);
    Table {
        caption: format!("Table {number}: Change from {from} to {to}, totals"),
        header: vec!["Measure".into(), from.clone(), to.clone(), "Change".into()],
        rows: changes
            .iter()
            .map(|c| vec![c.measure.to_owned(), c.shown(&c.earlier), c.shown(&c.later), c.shown_change()])
            .collect(),
        total: None,
        notes: vec![
            "FTE changes are worked out from unrounded figures; pp: percentage points, worked out from the rates as printed.".into(),
        ],
    }
}

fn cell(measure: &Measure, style: fn(f64) -> String) -> String {
    measure.as_ref().map_or_else(|_| NOT_AVAILABLE.to_owned(), |v| style(*v))
}

/// One note per distinct reason a figure is missing, so an "n/a" is never unexplained.
fn gaps(figures: &EstablishmentFigures) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for field in Field::ALL {
        for role in &figures.roles {
            if let Err(why) = role.get(field) {
                let note = format!("{NOT_AVAILABLE}: {why}.");
                if !notes.contains(&note) {
                    notes.push(note);
                }
            }
        }
    }
    notes
}
