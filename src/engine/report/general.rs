//! A general table in the report: its table block, a chart chosen by its shape, a first-draft
//! sentence, and live figures that name a row and a column (`{agency spend, 2023/24}`).

use super::facts::Facts;
use super::{caption, Block, Counters, Table};
use crate::engine::case::{lower, lower_char};
use crate::engine::chart::{
    bar_chart, line_chart, stacked_bar_chart, Chart, ChartSpec, Series, Unit as ChartUnit, MAX_SERIES,
};
use crate::engine::format::{count, decimal, fte_in_words, in_words, isolate, money, money_short};
use crate::engine::import::headings::key;
use crate::engine::metrics::general::total_disagrees;
use crate::engine::model::{plain_label, Cell, Entry, GeneralTable, Layout, Row, Unit};

/// The table block: every row as read, figures in the papers' style, the stated total last.
pub fn table_block(id: u32, facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (general, table) = facts.general(id)?;
    let label_heading = match (table.label_heading.trim(), table.layout) {
        ("", Layout::PeriodsAcross) => "Measure",
        ("", Layout::PeriodsDown) => "Period",
        ("", Layout::Categories) => "Item",
        (heading, _) => heading,
    };
    let across = table.layout == Layout::PeriodsAcross;
    let mut header = vec![label_heading.to_owned()];
    header.extend(table.columns.iter().map(|c| if across { c.heading.clone() } else { with_unit(&c.heading, c.unit) }));
    // Each column (each row, with periods across) to one number of places, as the source
    // gave its most precise figure: rounding kept consistent within the table.
    let column_places: Vec<u8> = (0..table.columns.len())
        .map(|c| table.rows.iter().chain(&table.total).map(|r| r.cells[c].places).max().unwrap_or(0))
        .collect();
    let mixed_columns: Vec<bool> = (0..table.columns.len()).map(|c| mixed(table, c)).collect();
    let row = |r: &Row| -> Vec<String> {
        let unit = if across { row_unit(r) } else { None };
        let label = unit.map_or_else(|| r.label.clone(), |u| with_unit(&r.label, u));
        let row_places = r.cells.iter().map(|c| c.places).max().unwrap_or(0);
        let cells = r.cells.iter().enumerate().map(|(c, cell)| match (across, mixed_columns[c]) {
            // In a column of many units, each figure keeps its own places and says its unit.
            (false, true) => match (cell.entry, cell.unit) {
                (Entry::Number(v), Unit::Days | Unit::Fte) => labelled(cell, v),
                _ => shown(cell),
            },
            _ => {
                let places = if across { row_places } else { column_places[c] };
                shown(&Cell { places, ..cell.clone() })
            }
        });
        std::iter::once(label).chain(cells).collect()
    };
    let mut notes = table.notes.clone();
    if table
        .rows
        .iter()
        .chain(&table.total)
        .flat_map(|r| &r.cells)
        .any(|c| matches!(c.entry, Entry::NoValue(_)) && !c.written.is_empty() && c.unit.is_figure())
    {
        notes.push("Cells without a figure are shown as the source gave them (for example “<4”, a small number withheld, or “N/A”).".into());
    }
    notes.push(format!("Source: {}.", general.source.trim_end_matches('.')));
    Ok(vec![Block::Table(Table {
        caption: caption(counters, named(table, &general.period), title),
        header,
        rows: table.rows.iter().map(row).collect(),
        total: table.total.as_ref().map(row),
        notes,
        status_column: None,
    })])
}

/// The table's name with its period, unless the name says it already.
pub fn named(table: &GeneralTable, period: &str) -> String {
    let name = table.name();
    if period.is_empty() || name.contains(period) {
        name
    } else {
        format!("{name}, {period}")
    }
}

/// The chart the table's shape calls for: a line over periods, bars for categories, stacked
/// bars for parts of a whole, grouped bars for a measure over periods and categories.
pub fn chart_block(id: u32, facts: &Facts, chart_id: &str, title: &str) -> Result<Chart, String> {
    let (general, table) = facts.general(id)?;
    let plan = plan(table).ok_or_else(|| match (0..table.columns.len()).find(|&c| mixed(table, c)) {
        Some(c) => format!(
            "the figures under “{}” are in different units ({}), so they cannot share one chart",
            table.columns[c].heading,
            units_in(table, c)
        ),
        None => "the table has no figures that can be drawn".to_owned(),
    })?;
    let unit = chart_unit(plan.unit, &plan.series);
    let scale = if plan.unit == Unit::Percent { 0.01 } else { 1.0 };
    let series: Vec<Series> = plan
        .series
        .iter()
        .map(|(name, cells)| Series {
            name: name.clone(),
            values: cells.iter().map(|c| c.value().map(|v| v * scale)).collect(),
        })
        .collect();
    let generated = plan_title(table, &plan);
    let spec = ChartSpec {
        id: chart_id.to_owned(),
        title: if title.trim().is_empty() { generated } else { title.trim().to_owned() },
        subtitle: measured(table, &plan, &general.period),
        source: general.source.clone(),
        category_label: plan.category_label.clone(),
        categories: plan.categories.clone(),
        series,
        unit,
        highlight: None,
    };
    match plan.shape {
        Shape::Line => line_chart(&spec),
        Shape::Bars | Shape::Grouped => bar_chart(&spec),
        Shape::Stacked => stacked_bar_chart(&spec),
    }
    .ok_or_else(|| "there are no figures to draw".to_owned())
}

/// What a chart measures, for its subtitle: "Days lost by directorate, 2024/25".
fn measured(table: &GeneralTable, plan: &Plan<'_>, period: &str) -> String {
    let names: Vec<&str> = plan.series.iter().map(|(name, _)| plain_label(name)).collect();
    let what = match (plan.shape, table.layout) {
        (Shape::Line, Layout::PeriodsAcross) | (Shape::Grouped, Layout::PeriodsAcross) => table.name(),
        (Shape::Line, _) => names.join(", "),
        _ if table.label_heading.trim().is_empty() => names.join(", "),
        _ => format!("{} by {}", names.join(", "), lower(table.label_heading.trim())),
    };
    if period.is_empty() || what.contains(period) {
        what
    } else {
        format!("{what}, {period}")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Line,
    Bars,
    Stacked,
    Grouped,
}

/// What a chart of the table draws: its categories, and up to four series of one unit.
struct Plan<'t> {
    shape: Shape,
    category_label: String,
    categories: Vec<String>,
    series: Vec<(String, Vec<&'t Cell>)>,
    unit: Unit,
}

/// Rows to draw: not the stated total, and not sub-totals.
fn drawn_rows(table: &GeneralTable) -> Vec<&Row> {
    table.rows.iter().filter(|r| !is_subtotal(&r.label)).collect()
}

fn plan(table: &GeneralTable) -> Option<Plan<'_>> {
    let rows = drawn_rows(table);
    let figure_columns: Vec<usize> = (0..table.columns.len()).filter(|&c| table.columns[c].unit.is_figure()).collect();
    match table.layout {
        Layout::PeriodsAcross => {
            let columns: Vec<usize> = figure_columns.iter().copied().filter(|&c| !table.columns[c].is_total).collect();
            // The rows in the first row's unit: spend in pounds is not drawn against FTE.
            let first_unit = rows.iter().find_map(|r| row_unit(r))?;
            let same: Vec<&Row> = rows.iter().copied().filter(|r| row_unit(r) == Some(first_unit)).collect();
            if same.len() <= MAX_SERIES {
                // Each measure a line over the periods.
                Some(Plan {
                    shape: Shape::Line,
                    category_label: "Period".into(),
                    categories: columns.iter().map(|&c| table.columns[c].heading.clone()).collect(),
                    series: same
                        .iter()
                        .map(|r| (r.label.clone(), columns.iter().map(|&c| &r.cells[c]).collect()))
                        .collect(),
                    unit: first_unit,
                })
            } else {
                // Many categories over the periods: bars for each, the latest periods side by side.
                let latest: Vec<usize> = columns.iter().rev().take(MAX_SERIES).rev().copied().collect();
                Some(Plan {
                    shape: Shape::Grouped,
                    category_label: label_or(&table.label_heading, "Category"),
                    categories: same.iter().map(|r| r.label.clone()).collect(),
                    series: latest
                        .iter()
                        .map(|&c| (table.columns[c].heading.clone(), same.iter().map(|r| &r.cells[c]).collect()))
                        .collect(),
                    unit: first_unit,
                })
            }
        }
        Layout::PeriodsDown | Layout::Categories => {
            let figure_columns: Vec<usize> = figure_columns.into_iter().filter(|&c| !mixed(table, c)).collect();
            let first = *figure_columns.iter().find(|&&c| !table.columns[c].is_total).or(figure_columns.first())?;
            let unit = table.columns[first].unit;
            // Drawn together: columns of one unit that are alike, all totals or all rates
            // ("Days lost" is not drawn beside "Days per FTE").
            let averaged = |c: usize| table.columns[c].is_averaged();
            let same: Vec<usize> = figure_columns
                .iter()
                .copied()
                .filter(|&c| {
                    table.columns[c].unit == unit && !table.columns[c].is_total && averaged(c) == averaged(first)
                })
                .take(MAX_SERIES)
                .collect();
            let has_total_column =
                figure_columns.iter().any(|&c| table.columns[c].is_total && table.columns[c].unit == unit);
            let shape = match (table.layout, same.len()) {
                (Layout::PeriodsDown, _) => Shape::Line,
                (_, 1) => Shape::Bars,
                _ if has_total_column || parts_of_a_whole(table, &same) => Shape::Stacked,
                _ => Shape::Grouped,
            };
            Some(Plan {
                shape,
                category_label: label_or(
                    &table.label_heading,
                    if shape == Shape::Line { "Period" } else { "Category" },
                ),
                categories: rows.iter().map(|r| r.label.clone()).collect(),
                series: same
                    .iter()
                    .map(|&c| (table.columns[c].heading.clone(), rows.iter().map(|r| &r.cells[c]).collect()))
                    .collect(),
                unit,
            })
        }
    }
}

/// Columns that are parts of one whole: percentages of a row that add up to 100.
fn parts_of_a_whole(table: &GeneralTable, columns: &[usize]) -> bool {
    let percent = columns.iter().all(|&c| table.columns[c].unit == Unit::Percent);
    percent
        && table.rows.iter().all(|r| {
            let sum: f64 = columns.iter().filter_map(|&c| r.cells[c].value()).sum();
            (sum - 100.0).abs() < 0.6
        })
}

/// "was" or "were" for a measure's name: "Days lost were", "Agency spend was". A word ending
/// in a plain "s" is taken as plural ("Leavers", "Agency costs"), not "Sickness" or "Status".
fn was(name: &str) -> &'static str {
    // Any word before "per" ("Days per FTE"): "Days lost", "Agency costs", "Overtime hours".
    let plural = name
        .split_whitespace()
        .map(lower)
        .take_while(|w| w != "per")
        .any(|w| w.ends_with('s') && w.len() > 3 && !["ss", "us", "is"].iter().any(|end| w.ends_with(end)));
    if plural {
        "were"
    } else {
        "was"
    }
}

/// A chart title that states the message: the rise or fall over the periods, or the largest
/// category.
fn plan_title(table: &GeneralTable, plan: &Plan<'_>) -> String {
    let name = table.name();
    let Some((series, cells)) = plan.series.first() else { return name };
    match plan.shape {
        Shape::Line => {
            let points: Vec<(usize, f64)> =
                cells.iter().enumerate().filter_map(|(i, c)| c.value().map(|v| (i, v))).collect();
            match (points.first(), points.last()) {
                (Some(&(a, first)), Some(&(b, last))) if a != b => {
                    let (from, to) = (said(cells[a], first), said(cells[b], last));
                    let moved = if from == to {
                        format!("{} unchanged at {to}", was(series))
                    } else if last > first {
                        format!("rose from {from} to {to}")
                    } else {
                        format!("fell from {from} to {to}")
                    };
                    let (p, q) = (isolate(&plan.categories[a]), isolate(&plan.categories[b]));
                    format!("{} {moved} between {p} and {q}", sentence_case(&isolate(plain_label(series))))
                }
                _ => name,
            }
        }
        Shape::Bars | Shape::Stacked | Shape::Grouped => {
            let best = cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.value().map(|v| (i, v)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((i, v)) if plan.shape == Shape::Bars => format!(
                    "{} had the highest {} ({})",
                    sentence_case(&isolate(&plan.categories[i])),
                    lower_first(&isolate(plain_label(series))),
                    said(cells[i], v)
                ),
                _ => name,
            }
        }
    }
}

/// The chart's unit for a table's unit: percentages are drawn as rates.
fn chart_unit(unit: Unit, series: &[(String, Vec<&Cell>)]) -> ChartUnit {
    let places = series.iter().flat_map(|(_, cells)| cells.iter().map(|c| c.places)).max().unwrap_or(0);
    match unit {
        Unit::Fte => ChartUnit::Fte,
        Unit::Headcount => ChartUnit::Count,
        Unit::Money => ChartUnit::Pounds,
        Unit::Percent => ChartUnit::Rate,
        Unit::Days => ChartUnit::Days(places.clamp(1, 2)),
        Unit::Number | Unit::Rate | Unit::Date | Unit::Text => ChartUnit::Decimal(places.min(2)),
    }
}

/// A cell as the table prints it: its figure in the papers' style, or what the source wrote.
pub fn shown(cell: &Cell) -> String {
    match (cell.entry, cell.unit.is_figure()) {
        (Entry::Number(v), true) => format_value(cell, v),
        (_, true) if cell.written.is_empty() => String::new(),
        (Entry::NoValue(_), true) => cell.written.clone(),
        _ => cell.written.clone(),
    }
}

/// A figure in its unit's style, to the places the source gave (rates and days to at least one).
fn format_value(cell: &Cell, value: f64) -> String {
    let places = usize::from(cell.places);
    match cell.unit {
        Unit::Fte => decimal(value, places.max(2)),
        Unit::Headcount => count(value),
        Unit::Money => money(value),
        Unit::Percent => format!("{}%", decimal(value, places.max(1))),
        Unit::Days | Unit::Rate => decimal(value, places.max(1)),
        Unit::Number => decimal(value, places),
        Unit::Date | Unit::Text => cell.written.clone(),
    }
}

/// A figure in a table cell that says its unit, in a column of many units: "7.35 days",
/// "12.50 FTE", to the table's places.
fn labelled(cell: &Cell, value: f64) -> String {
    match cell.unit {
        Unit::Days => format!("{} days", format_value(cell, value)),
        Unit::Fte => format!("{} FTE", format_value(cell, value)),
        _ => format_value(cell, value),
    }
}

/// A figure as prose gives it: money in millions shortened ("£2.6m"), and FTE and days
/// without trailing zeros ("34 FTE", "10 days", "7.4 days"), as `format::in_words` says why.
fn said(cell: &Cell, value: f64) -> String {
    match cell.unit {
        Unit::Money => money_short(value),
        Unit::Days => {
            let days = in_words(value, usize::from(cell.places).max(1));
            format!("{days} {}", if days == "1" { "day" } else { "days" })
        }
        Unit::Fte => format!("{} FTE", fte_in_words(value)),
        _ => format_value(cell, value),
    }
}

/// A heading with its unit, where the heading does not say it already.
fn with_unit(heading: &str, unit: Unit) -> String {
    let lower = lower(heading);
    let says = match unit {
        Unit::Money => heading.contains('£'),
        Unit::Percent => heading.contains('%') || lower.contains("percent") || lower.contains("rate"),
        Unit::Fte => lower.contains("fte") || lower.contains("full-time"),
        Unit::Days => lower.contains("day"),
        _ => true,
    };
    if says {
        heading.to_owned()
    } else {
        format!("{heading} ({})", if unit == Unit::Days { "days" } else { unit.label() })
    }
}

/// A row's unit when periods run across: the unit its cells share.
/// A column whose figures come in different units (a "Measure / Value" list: days, £, %):
/// each cell is shown in its own unit, and the column is not ranked, summed or drawn.
/// A column's own unit is the one most of its cells have; a mark on one cell ("£12,400" over
/// unmarked figures) does not make it mixed. Two or more units other than it do.
fn mixed(table: &GeneralTable, column: usize) -> bool {
    let own = table.columns[column].unit;
    let mut others: Vec<Unit> = Vec::new();
    for cell in table.rows.iter().map(|r| &r.cells[column]).filter(|c| c.value().is_some()) {
        if cell.unit != own && !others.contains(&cell.unit) {
            others.push(cell.unit);
        }
    }
    others.len() >= 2
}

/// The units a mixed column holds, in words: "days, pounds and percentages".
fn units_in(table: &GeneralTable, column: usize) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for cell in table.rows.iter().map(|r| &r.cells[column]).filter(|c| c.value().is_some()) {
        let name = cell.unit.label();
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    lower(&seen.join(", "))
}

/// Whether the table has a chart: some figures of one unit to draw.
pub fn drawable(table: &GeneralTable) -> bool {
    plan(table).is_some()
}

fn row_unit(row: &Row) -> Option<Unit> {
    let first = row.cells.iter().find(|c| c.value().is_some())?.unit;
    row.cells.iter().filter(|c| c.value().is_some()).all(|c| c.unit == first).then_some(first)
}

fn label_or(label: &str, otherwise: &str) -> String {
    if label.trim().is_empty() {
        otherwise.to_owned()
    } else {
        label.trim().to_owned()
    }
}

fn is_subtotal(label: &str) -> bool {
    let key = key(label);
    key.starts_with("subtotal") || key.starts_with("total") || key.ends_with("total")
}

fn sentence_case(text: &str) -> String {
    crate::engine::format::sentence_start(text)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // "FTE", "DfE": words that are capitals throughout stay so.
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            std::iter::once(lower_char(c)).chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// A first-draft paragraph for the table, its figures live: "Agency spend {agency spend,
/// 2019/20 to 2023/24}."
pub fn first_draft(table: &GeneralTable) -> Option<String> {
    let rows = drawn_rows(table);
    let columns: Vec<usize> =
        (0..table.columns.len()).filter(|&c| table.columns[c].unit.is_figure() && !table.columns[c].is_total).collect();
    let braces = |text: &str| plain_label(text).replace('{', "(").replace('}', ")").replace(',', "");
    match table.layout {
        Layout::PeriodsAcross => {
            let (first, last) = (columns.first()?, columns.last()?);
            let sentences: Vec<String> = rows
                .iter()
                .take(2)
                .map(|r| {
                    let name = braces(&r.label);
                    format!(
                        "{} {{{name}, {} to {}}}.",
                        sentence_case(&name),
                        braces(&table.columns[*first].heading),
                        braces(&table.columns[*last].heading)
                    )
                })
                .collect();
            (!sentences.is_empty()).then(|| sentences.join(" "))
        }
        Layout::PeriodsDown => {
            let (first, last) = (rows.first()?, rows.last()?);
            let sentences: Vec<String> = columns
                .iter()
                .take(2)
                .map(|&c| {
                    let name = braces(&table.columns[c].heading);
                    format!("{} {{{name}, {} to {}}}.", sentence_case(&name), braces(&first.label), braces(&last.label))
                })
                .collect();
            (!sentences.is_empty()).then(|| sentences.join(" "))
        }
        Layout::Categories => {
            let c = *columns.iter().find(|&&c| !mixed(table, c))?;
            let name = braces(&table.columns[c].heading);
            let mut text = format!("{} {} highest in {{{name}, highest}}", sentence_case(&name), was(&name));
            if rows.len() > 2 {
                text.push_str(&format!(" and lowest in {{{name}, lowest}}"));
            }
            if table.total.as_ref().is_some_and(|t| t.cells[c].value().is_some()) {
                text.push_str(&format!(", with {{{name}, total}} in all"));
            }
            text.push('.');
            Some(text)
        }
    }
}

/// A live figure naming a row and a column of a general table, or a movement or ranking:
/// `{agency spend, 2023/24}`, `{2023/24, agency spend}`, `{agency spend, 2019/20 to 2023/24}`,
/// `{days per FTE, highest}`, `{days lost, total}`. `None` when no table has such a row and
/// column.
pub fn figure(name: &str, facts: &Facts) -> Option<Result<String, String>> {
    // Labels may hold commas themselves ("Herefordshire, County of"): try each place to split.
    let splits: Vec<(&str, &str)> =
        name.match_indices(',').map(|(i, _)| (name[..i].trim(), name[i + 1..].trim())).collect();
    for general in &facts.tables.general {
        let Ok(table) = &general.read else { continue };
        for &(first, second) in &splits {
            if let Some(found) = lookup(table, first, second) {
                return Some(found);
            }
        }
    }
    None
}

fn lookup(table: &GeneralTable, first: &str, second: &str) -> Option<Result<String, String>> {
    if let Some((row, c)) = table.find(first, second) {
        let cell = &row.cells[c];
        // The stated total row, named as a row: not quoted where its rows contradict it.
        if table.total.as_ref().is_some_and(|t| std::ptr::eq(t, row)) {
            if let Some(wrong) = contradicted(table, c) {
                return Some(Err(wrong));
            }
        }
        return Some(cell.value().map(|v| said(cell, v)).ok_or_else(|| no_figure(cell)));
    }
    let lower = lower(second);
    if let Some((from, to)) = lower.split_once(" to ").map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned())) {
        let (a, b) = (table.find(first, &from)?, table.find(first, &to)?);
        let (x, y) = (&a.0.cells[a.1], &b.0.cells[b.1]);
        let (Some(before), Some(after)) = (x.value(), y.value()) else {
            return Some(Err("a figure is missing in one of the two periods".into()));
        };
        let (from_text, to_text) = (said(x, before), said(y, after));
        let (p, q) = (isolate(&period_of(table, &a)), isolate(&period_of(table, &b)));
        return Some(Ok(if from_text == to_text {
            format!("was unchanged at {to_text} between {p} and {q}")
        } else if after > before {
            format!("rose from {from_text} in {p} to {to_text} in {q}")
        } else {
            format!("fell from {from_text} in {p} to {to_text} in {q}")
        }));
    }
    let column = table.columns.iter().position(|c| key(&c.heading) == key(first))?;
    if mixed(table, column) && matches!(lower.as_str(), "highest" | "lowest" | "total") {
        return Some(Err(format!(
            "the figures under “{}” are in different units ({}), so they are not ranked or added",
            table.columns[column].heading,
            units_in(table, column)
        )));
    }
    let rows = drawn_rows(table);
    let ranked = || rows.iter().filter_map(|r| r.cells[column].value().map(|v| (r, v)));
    match lower.as_str() {
        "highest" | "lowest" => {
            let pick = if lower == "highest" {
                ranked().max_by(|a, b| a.1.total_cmp(&b.1))
            } else {
                ranked().min_by(|a, b| a.1.total_cmp(&b.1))
            };
            Some(
                pick.map(|(r, v)| format!("{} ({})", isolate(&r.label), said(&r.cells[column], v)))
                    .ok_or_else(|| "the column has no figures".into()),
            )
        }
        "total" => {
            if let Some(wrong) = contradicted(table, column) {
                return Some(Err(wrong));
            }
            let stated = table.total.as_ref().and_then(|t| t.cells[column].value().map(|v| (&t.cells[column], v)));
            let summed = || {
                let cells: Vec<(&Cell, f64)> = ranked().map(|(r, v)| (&r.cells[column], v)).collect();
                cells.first().map(|(c, _)| (*c, cells.iter().map(|(_, v)| v).sum::<f64>()))
            };
            Some(stated.or_else(summed).map(|(c, v)| said(c, v)).ok_or_else(|| "the column has no figures".into()))
        }
        _ => None,
    }
}

/// Why a column's stated total is not quoted: its rows add up to something else.
fn contradicted(table: &GeneralTable, column: usize) -> Option<String> {
    let sum = total_disagrees(table, column)?;
    let stated = &table.total.as_ref()?.cells[column];
    Some(format!(
        "the stated total ({}) is not the sum of the rows ({}): see Checks, and correct the table",
        labelled(stated, stated.value().unwrap_or_default()),
        labelled(stated, sum)
    ))
}

/// The period a found figure is at: its column's heading across, its row's label down.
fn period_of(table: &GeneralTable, (row, column): &(&Row, usize)) -> String {
    match table.layout {
        Layout::PeriodsDown => row.label.clone(),
        _ => table.columns[*column].heading.clone(),
    }
}

fn no_figure(cell: &Cell) -> String {
    match cell.entry {
        Entry::NoValue(why) if !cell.written.is_empty() => format!("the cell {} (“{}”)", why.describe(), cell.written),
        Entry::NoValue(why) => format!("the cell {}", why.describe()),
        Entry::Number(_) => format!("the cell holds {}, not a figure", lower(cell.unit.label())),
    }
}

/// A table of figures as the editor's menus offer it: its blocks and its live figures.
#[derive(Clone, Debug, PartialEq)]
pub struct TableMenu {
    pub id: u32,
    pub name: String,
    /// `(name, what it gives)`, as Insert figure lists them.
    pub figures: Vec<(String, String)>,
}

/// Every table of figures that reads, for the menus.
pub fn menus(facts: &super::facts::TableFacts) -> Vec<TableMenu> {
    facts
        .general
        .iter()
        .filter_map(|g| {
            // Tables from before tables had ids cannot be pointed to.
            let table = g.read.as_ref().ok().filter(|_| g.id != 0)?;
            let period = if g.period.is_empty() { String::new() } else { format!(", {}", g.period) };
            Some(TableMenu { id: g.id, name: format!("{}{period}", table.name()), figures: offered(table) })
        })
        .collect()
}

/// Live figures a general table offers the Insert figure menu: `(name, what it gives)`.
pub fn offered(table: &GeneralTable) -> Vec<(String, String)> {
    const MOST: usize = 40;
    let mut out = Vec::new();
    let rows = drawn_rows(table);
    let columns: Vec<usize> = (0..table.columns.len()).filter(|&c| table.columns[c].unit.is_figure()).collect();
    let plain = |t: &str| t.replace(['{', '}'], "");
    match table.layout {
        Layout::PeriodsAcross | Layout::PeriodsDown => {
            let across = table.layout == Layout::PeriodsAcross;
            let measures: Vec<String> = if across {
                rows.iter().map(|r| r.label.clone()).collect()
            } else {
                columns.iter().map(|&c| table.columns[c].heading.clone()).collect()
            };
            let periods: Vec<String> = if across {
                columns.iter().map(|&c| table.columns[c].heading.clone()).collect()
            } else {
                rows.iter().map(|r| r.label.clone()).collect()
            };
            for measure in &measures {
                if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
                    if first != last {
                        out.push((
                            format!("{}, {} to {}", plain(measure), plain(first), plain(last)),
                            format!("How {} moved, in words", lower_first(measure)),
                        ));
                    }
                }
                for period in periods.iter().rev() {
                    out.push((format!("{}, {}", plain(measure), plain(period)), format!("{measure} in {period}")));
                }
            }
        }
        Layout::Categories => {
            for &c in &columns {
                let heading = plain(&table.columns[c].heading);
                out.push((format!("{heading}, highest"), "The row with the highest figure, and its figure".into()));
                out.push((format!("{heading}, lowest"), "The row with the lowest figure, and its figure".into()));
                out.push((format!("{heading}, total"), "The stated total, or else the rows added up".into()));
                for r in &rows {
                    out.push((format!("{}, {heading}", plain(&r.label)), format!("{heading} for {}", r.label)));
                }
            }
        }
    }
    out.truncate(MOST);
    out
}

#[cfg(test)]
mod tests {
    use super::{labelled, said, was};
    use crate::engine::model::{Cell, Entry, Unit};

    fn cell(value: f64, unit: Unit, places: u8) -> Cell {
        Cell { entry: Entry::Number(value), unit, places, written: String::new() }
    }

    #[test]
    fn prose_gives_days_and_fte_without_trailing_zeros_and_tables_keep_them() {
        let cases: &[(f64, Unit, u8, &str, &str)] = &[
            (10.0, Unit::Days, 0, "10 days", "10.0 days"),
            (10.0, Unit::Days, 1, "10 days", "10.0 days"),
            (7.4, Unit::Days, 1, "7.4 days", "7.4 days"),
            (7.35, Unit::Days, 2, "7.35 days", "7.35 days"),
            (1.0, Unit::Days, 1, "1 day", "1.0 days"),
            (640.0, Unit::Days, 0, "640 days", "640.0 days"),
            (34.0, Unit::Fte, 2, "34 FTE", "34.00 FTE"),
            (12.5, Unit::Fte, 2, "12.5 FTE", "12.50 FTE"),
            (31.0, Unit::Headcount, 0, "31", "31"),
        ];
        for (value, unit, places, prose, table) in cases {
            let c = cell(*value, *unit, *places);
            assert_eq!(said(&c, *value), *prose, "prose: {value} {unit:?}");
            assert_eq!(labelled(&c, *value), *table, "table: {value} {unit:?}");
        }
    }

    #[test]
    fn a_measure_named_in_the_plural_takes_were() {
        for (name, verb) in [
            ("Days lost", "were"),
            ("Agency costs", "were"),
            ("Business support costs", "were"),
            ("Days per FTE", "were"),
            ("Agency spend", "was"),
            ("Sickness absence", "was"),
            ("Status", "was"),
            ("Applications per post", "were"),
            ("Turnover rate", "was"),
        ] {
            assert_eq!(was(name), verb, "{name}");
        }
    }
}
