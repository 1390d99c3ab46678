//! Arithmetic checks on a general table, as the officer sees them in the Checks panel: stated
//! totals against the sums of the rows (and of the columns, where there is a total column), a
//! stated percentage against the parts it is a share of, a ratio column ("Days per FTE")
//! against the columns it divides, a figure that was cut short rather than rounded, and a
//! count of people with a fraction. Each names its row and column.

use super::checks::Finding;
use crate::engine::case::lower;
use crate::engine::format::decimal;
use crate::engine::import::headings::key;
use crate::engine::model::{Cell, GeneralTable, Row, Unit};

/// Every check on the table, problems first, then what passed.
pub fn general_checks(table: &GeneralTable) -> Vec<Finding> {
    let rows: Vec<&Row> = table.rows.iter().filter(|r| !is_subtotal(&r.label)).collect();
    let mut findings = Vec::new();
    findings.extend(stated_total_row(table, &rows));
    findings.extend(total_column(table, &rows));
    findings.extend(shares(table, &rows));
    findings.extend(ratios(table, &rows));
    findings.extend(counts_with_fractions(table));
    crate::engine::order::sort_by_key(&mut findings, |f| f.passed);
    if findings.is_empty() {
        findings.push(Finding::pass("The table states no totals, shares or ratios to check against its figures."));
    }
    findings
}

/// The sum of a column's rows when its stated total disagrees with it (as the Checks panel
/// finds), so prose does not quote a total the table's own rows contradict.
pub fn total_disagrees(table: &GeneralTable, column: usize) -> Option<f64> {
    let stated = &table.total.as_ref()?.cells[column];
    let rows: Vec<&Row> = table.rows.iter().filter(|r| !is_subtotal(&r.label)).collect();
    let cells: Vec<&Cell> = rows.iter().map(|r| &r.cells[column]).filter(|c| c.value().is_some()).collect();
    if cells.len() < rows.len() || !sums_down(table, column) {
        return None;
    }
    let sum: f64 = cells.iter().filter_map(|c| c.value()).sum();
    match compare(stated, sum, slack(&cells, stated))? {
        Compared::Agrees => None,
        Compared::Truncated { .. } | Compared::Differs { .. } => Some(sum),
    }
}

/// How a stated figure compares with the exact one it should be: within rounding, cut short
/// (truncated), or different.
enum Compared {
    Agrees,
    Truncated { exact: f64 },
    Differs { exact: f64 },
}

/// Compares a stated figure with the exact one, to the places it was stated to. `slack`: the
/// rounding the exact figure may carry from its own parts.
fn compare(stated: &Cell, exact: f64, slack: f64) -> Option<Compared> {
    let value = stated.value()?;
    let places = i32::from(stated.places);
    let unit = 10f64.powi(-places);
    let rounded = (exact / unit).round() * unit;
    let truncated = (exact / unit).trunc() * unit;
    let close = |a: f64, b: f64| (a - b).abs() < unit * 1e-6 + 1e-9;
    Some(if close(value, rounded) || (value - exact).abs() <= unit / 2.0 + slack + 1e-9 {
        Compared::Agrees
    } else if close(value, truncated) && !close(truncated, rounded) {
        Compared::Truncated { exact }
    } else {
        Compared::Differs { exact }
    })
}

/// The rounding a sum of stated cells may carry: half a unit of each one's last place, for
/// figures given with decimals (whole counts are exact), and never more than one unit of the
/// stated figure's own last place.
fn slack(cells: &[&Cell], stated: &Cell) -> f64 {
    let carried: f64 = cells.iter().filter(|c| c.places > 0).map(|c| 0.5 * 10f64.powi(-i32::from(c.places))).sum();
    carried.min(10f64.powi(-i32::from(stated.places)))
}

fn place(row: &Row, heading: &str) -> String {
    format!("Row {} ({}), column {}", row.line, row.label, heading)
}

fn shown(cell: &Cell, value: f64) -> String {
    decimal(value, usize::from(cell.places))
}

/// A worked-out figure to the stated cell's places, or more where it needs them (up to three):
/// a sum of 4,264.5 against a stated 4,300 is not "4,265".
fn precise(cell: &Cell, value: f64) -> String {
    let at_least = usize::from(cell.places);
    let places = (at_least..=3)
        .find(|&p| {
            let scaled = value * 10f64.powi(p as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(3.max(at_least));
    decimal(value, places)
}

fn finding(row: &Row, heading: &str, stated: &Cell, compared: Compared, what: &str) -> Finding {
    let value = stated.value().unwrap_or_default();
    match compared {
        Compared::Agrees => Finding::pass(format!("{}: {what} agrees.", place(row, heading))),
        Compared::Truncated { exact } => Finding::warn(
            Some(row.line),
            format!(
                "{}: {} is stated, but {what} is {}, which rounds to {}: the figure was cut short, not rounded.",
                place(row, heading),
                shown(stated, value),
                decimal(exact, usize::from(stated.places) + 1),
                shown(
                    stated,
                    (exact * 10f64.powi(i32::from(stated.places))).round() / 10f64.powi(i32::from(stated.places))
                )
            ),
        ),
        Compared::Differs { exact } => Finding::warn(
            Some(row.line),
            format!(
                "{}: {} is stated, but {what} is {} (a difference of {}).",
                place(row, heading),
                shown(stated, value),
                precise(stated, exact),
                precise(stated, (value - exact).abs())
            ),
        ),
    }
}

/// Columns whose figures add up down the table: not rates, shares, ratios or averages.
fn sums_down(table: &GeneralTable, column: usize) -> bool {
    let c = &table.columns[column];
    matches!(c.unit, Unit::Fte | Unit::Headcount | Unit::Number | Unit::Money | Unit::Days) && !c.is_averaged()
}

fn stated_total_row(table: &GeneralTable, rows: &[&Row]) -> Vec<Finding> {
    let Some(total) = &table.total else { return Vec::new() };
    let mut findings = Vec::new();
    for (c, column) in table.columns.iter().enumerate() {
        let stated = &total.cells[c];
        if stated.value().is_none() || !sums_down(table, c) {
            continue;
        }
        let cells: Vec<&Cell> = rows.iter().map(|r| &r.cells[c]).filter(|cell| cell.value().is_some()).collect();
        if cells.len() < rows.len() {
            findings.push(Finding::warn(
                Some(total.line),
                format!(
                    "{}: the stated total cannot be checked, as some rows have no figure.",
                    place(total, &column.heading)
                ),
            ));
            continue;
        }
        let sum: f64 = cells.iter().filter_map(|c| c.value()).sum();
        if let Some(compared) = compare(stated, sum, slack(&cells, stated)) {
            findings.push(finding(total, &column.heading, stated, compared, "the sum of the rows above"));
        }
    }
    findings
}

fn total_column(table: &GeneralTable, rows: &[&Row]) -> Vec<Finding> {
    let Some(t) = table.columns.iter().position(|c| c.is_total) else { return Vec::new() };
    let unit = table.columns[t].unit;
    let parts: Vec<usize> =
        (0..table.columns.len()).filter(|&c| c != t && table.columns[c].unit == unit && sums_down(table, c)).collect();
    if parts.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for row in rows.iter().copied().chain(&table.total) {
        let cells: Vec<&Cell> = parts.iter().map(|&c| &row.cells[c]).filter(|cell| cell.value().is_some()).collect();
        if cells.is_empty() {
            continue;
        }
        let sum: f64 = cells.iter().filter_map(|c| c.value()).sum();
        if let Some(compared) = compare(&row.cells[t], sum, slack(&cells, &row.cells[t])) {
            findings.push(finding(
                row,
                &table.columns[t].heading,
                &row.cells[t],
                compared,
                "the sum of the row's other columns",
            ));
        }
    }
    findings
}

/// A percentage column beside a column of counts or money: each row's share of the whole.
fn shares(table: &GeneralTable, rows: &[&Row]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (p, column) in table.columns.iter().enumerate() {
        let heading = lower(&column.heading);
        let share_heading = heading.contains('%')
            || heading.contains("percent")
            || heading.contains("share")
            || heading.contains("proportion");
        if column.unit != Unit::Percent || p == 0 || !share_heading || heading.contains("rate") {
            continue;
        }
        let parts = p - 1;
        if !sums_down(table, parts) {
            continue;
        }
        let whole = table.total.as_ref().and_then(|t| t.cells[parts].value()).or_else(|| {
            let cells: Vec<f64> = rows.iter().filter_map(|r| r.cells[parts].value()).collect();
            (cells.len() == rows.len()).then(|| cells.iter().sum())
        });
        let Some(whole) = whole.filter(|w| *w != 0.0) else { continue };
        for row in rows {
            let (Some(part), Some(_)) = (row.cells[parts].value(), row.cells[p].value()) else { continue };
            let exact = part / whole * 100.0;
            if let Some(compared) = compare(&row.cells[p], exact, 0.0) {
                let what = format!(
                    "its share of the whole ({} of {})",
                    shown(&row.cells[parts], part),
                    decimal(whole, usize::from(row.cells[parts].places))
                );
                findings.push(finding(row, &column.heading, &row.cells[p], compared, &what));
            }
        }
    }
    findings
}

/// A column headed "X per Y" where the table has X and Y: each row's X divided by its Y.
fn ratios(table: &GeneralTable, rows: &[&Row]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (r, column) in table.columns.iter().enumerate() {
        let lower = lower(&column.heading);
        let Some((top, bottom)) = lower.split_once(" per ") else { continue };
        let (top, bottom) = (key(top), key(bottom));
        let find = |want: &str| {
            (0..table.columns.len()).find(|&c| {
                c != r && !want.is_empty() && {
                    let k = key(&table.columns[c].heading);
                    k == want || k.starts_with(want)
                }
            })
        };
        let (Some(x), Some(y)) = (find(&top), find(&bottom)) else { continue };
        for row in rows.iter().copied().chain(&table.total) {
            let (Some(a), Some(b)) = (row.cells[x].value(), row.cells[y].value()) else { continue };
            if b == 0.0 {
                continue;
            }
            if let Some(compared) = compare(&row.cells[r], a / b, 0.0) {
                let what = format!("{} ÷ {}", table.columns[x].heading, table.columns[y].heading);
                findings.push(finding(row, &column.heading, &row.cells[r], compared, &what));
            }
        }
    }
    findings
}

/// People are counted in whole numbers: a headcount with a fraction is most often FTE put in
/// the wrong column.
fn counts_with_fractions(table: &GeneralTable) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in table.rows.iter().chain(&table.total) {
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(v) = cell.value() else { continue };
            if cell.unit == Unit::Headcount && v.fract().abs() > 1e-9 {
                findings.push(Finding::warn(
                    Some(row.line),
                    format!(
                        "{}: {} is a count of people or posts with a fraction. Is the column FTE? Choose its unit under Columns.",
                        place(row, &table.columns[c].heading),
                        cell.written
                    ),
                ));
            }
        }
    }
    findings
}

fn is_subtotal(label: &str) -> bool {
    let key = key(label);
    key.starts_with("subtotal")
        || (key.starts_with("total") && key != "total")
        || (key.ends_with("total") && key != "total")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::general::{guess_general, read_general};
    use crate::engine::import::split_text;

    fn checks(text: &str) -> Vec<Finding> {
        let rows = split_text(text);
        let table = read_general(&rows, &guess_general(&rows).unwrap(), false).unwrap();
        general_checks(&table)
    }

    fn warnings(text: &str) -> Vec<String> {
        checks(text).into_iter().filter(|f| !f.passed).map(|f| f.message).collect()
    }

    #[test]
    fn each_check_finds_its_fault_and_names_row_and_column() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a whole total against parts with a half",
                "Directorate\tDays lost\nChildren's\t1,212\nAdults\t2,412.5\nTotal\t3,700\n",
                &["Row 4 (Total), column Days lost: 3,700 is stated, but the sum of the rows above is 3,624.5 (a difference of 75.5)."],
            ),
            (
                "a stated total that is not the sum",
                "Directorate\tDays lost\nChildren's\t1,200\nAdults\t2,400\nTotal\t3,700\n",
                &["Row 4 (Total), column Days lost: 3,700 is stated, but the sum of the rows above is 3,600 (a difference of 100)."],
            ),
            (
                "a total column that is not the row's sum",
                "Team\tPermanent\tAgency\tTotal\nDuty\t10\t2\t12\nLAC\t8\t3\t12\n",
                &["Row 3 (LAC), column Total: 12 is stated, but the sum of the row's other columns is 11 (a difference of 1)."],
            ),
            (
                "a share that does not match its parts",
                "Age band\tStaff\t% of staff\nUnder 30\t20\t20.0%\n30 to 49\t50\t55.0%\n50 and over\t30\t30.0%\n",
                &["Row 3 (30 to 49), column % of staff: 55.0 is stated, but its share of the whole (50 of 100) is 50.0 (a difference of 5.0)."],
            ),
            (
                "a ratio cut short, not rounded",
                "Directorate\tDays lost\tFTE\tDays per FTE\nChildren's\t3,456\t1,000\t3.45\n",
                &["Row 2 (Children's), column Days per FTE: 3.45 is stated, but Days lost ÷ FTE is 3.456, which rounds to 3.46: the figure was cut short, not rounded."],
            ),
            (
                "a count with a fraction",
                "Team\tHeadcount\nDuty\t12.5\n",
                &["Row 2 (Duty), column Headcount: 12.5 is a count of people or posts with a fraction. Is the column FTE? Choose its unit under Columns."],
            ),
        ];
        for (what, text, expected) in cases {
            assert_eq!(warnings(text), *expected, "{what}");
        }
    }

    #[test]
    fn figures_that_agree_within_rounding_pass() {
        let cases = [
            "Directorate\tDays lost\nChildren's\t1,200.4\nAdults\t2,400.4\nTotal\t3,600.8\n",
            "Team\tPermanent\tAgency\tTotal\nDuty\t10.25\t2.5\t12.75\n",
            "Age band\tStaff\t% of staff\nUnder 30\t1\t33.3%\n30 and over\t2\t66.7%\n",
            "Directorate\tDays lost\tFTE\tDays per FTE\nChildren's\t3,456\t1,000\t3.46\n",
        ];
        for text in cases {
            assert!(warnings(text).is_empty(), "{text:?}: {:?}", warnings(text));
            assert!(checks(text).iter().any(|f| f.passed), "{text:?}: something was checked");
        }
    }
}
