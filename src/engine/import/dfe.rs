//! Reading the DfE workforce indicators file and the statistical neighbours file from rows,
//! by their published column names.

use super::grid::GridRow;
use super::number::read_entry;
use super::{Problem, ProblemKind};
use crate::engine::model::TableKind;
use crate::engine::model::{
    DfeIndicators, DfeRow, Entry, Level, NoValue, Percent, PublishedRates, StatisticalNeighbours,
};

/// Reads the indicators file. Cells holding DfE codes (`c`, `k`, `x`, `z`...) are kept as
/// "no value, with a reason"; a cell that is neither a number nor a code is a problem.
pub fn read_indicators(rows: &[GridRow]) -> Result<DfeIndicators, Vec<Problem>> {
    let header = rows.first().ok_or_else(|| vec![Problem::whole(ProblemKind::EmptyTable(TableKind::DfeIndicators))])?;
    let column = |name: &str| header.cells.iter().position(|c| c.trim() == name);
    let required = [
        "time_period",
        "geographic_level",
        "region_name",
        "old_la_code",
        "la_name",
        "inpost_fte",
        "leavers_fte",
        "agency_fte",
        "agency_cover_fte",
        "vacancy_fte",
        "case_holders_fte",
        "cases",
        "vacancy_rate_fte",
        "agency_rate_fte",
        "turnover_rate_fte",
        "caseload_fte",
    ];
    let missing: Vec<&str> = required.iter().copied().filter(|name| column(name).is_none()).collect();
    if !missing.is_empty() {
        let columns = missing.iter().map(|c| (*c).to_owned()).collect();
        return Err(vec![Problem::row(
            header.line,
            ProblemKind::MissingColumns { kind: TableKind::DfeIndicators, columns },
        )]);
    }
    let at = |name: &str| column(name).unwrap_or_default();
    let mut problems = Vec::new();
    let mut out = DfeIndicators::default();
    for row in &rows[1..] {
        let text = |name: &str| row.cells.get(at(name)).map(|c| c.trim()).unwrap_or("");
        let mut figure = |name: &str| match read_entry(text(name)) {
            Ok(entry) => entry,
            Err(_) => {
                problems.push(Problem::at(
                    row.line,
                    at(name),
                    name,
                    ProblemKind::NotANumberOrCode { cell: text(name).to_owned() },
                ));
                Entry::NoValue(crate::engine::model::NoValue::Unavailable)
            }
        };
        let level = match text("geographic_level") {
            "National" => Level::National,
            "Regional" => Level::Regional,
            "Local authority" => Level::LocalAuthority,
            _ => continue,
        };
        let name = match level {
            Level::National => "England".to_owned(),
            Level::Regional => text("region_name").to_owned(),
            Level::LocalAuthority => text("la_name").to_owned(),
        };
        out.rows.push(DfeRow {
            line: row.line,
            year: text("time_period").to_owned(),
            level,
            region: text("region_name").to_owned(),
            old_la_code: text("old_la_code").parse().ok(),
            name,
            inpost_fte: figure("inpost_fte"),
            leavers_fte: figure("leavers_fte"),
            agency_fte: figure("agency_fte"),
            agency_cover_fte: figure("agency_cover_fte"),
            vacancy_fte: figure("vacancy_fte"),
            case_holders_fte: figure("case_holders_fte"),
            cases: figure("cases"),
            published: PublishedRates {
                vacancy: percent(figure("vacancy_rate_fte")),
                agency: percent(figure("agency_rate_fte")),
                turnover: percent(figure("turnover_rate_fte")),
                caseload: figure("caseload_fte"),
            },
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A rate column's cell: the DfE publishes percentages.
fn percent(entry: Entry) -> Result<Percent, NoValue> {
    match entry {
        Entry::Number(value) => Ok(Percent(value)),
        Entry::NoValue(reason) => Err(reason),
    }
}

/// Reads the statistical neighbours file: `old_la_code` and `SN_1` to `SN_10`.
pub fn read_neighbours(rows: &[GridRow]) -> Result<StatisticalNeighbours, Vec<Problem>> {
    let header =
        rows.first().ok_or_else(|| vec![Problem::whole(ProblemKind::EmptyTable(TableKind::StatisticalNeighbours))])?;
    let column = |name: &str| header.cells.iter().position(|c| c.trim().trim_start_matches('\u{feff}') == name);
    let code = column("old_la_code").ok_or_else(|| {
        vec![Problem::row(
            header.line,
            ProblemKind::MissingColumns { kind: TableKind::StatisticalNeighbours, columns: vec!["old_la_code".into()] },
        )]
    })?;
    let neighbour_columns: Vec<usize> = (1..=10).filter_map(|n| column(&format!("SN_{n}"))).collect();
    let mut out = StatisticalNeighbours::default();
    for row in &rows[1..] {
        // A cell can name two councils ("940 / 941": a council split in two); each is read.
        let mut codes = |i: usize| -> Vec<u32> {
            let cell = row.cells.get(i).map(|c| c.trim()).unwrap_or("");
            let (codes, rest) = council_codes(cell);
            if !rest.is_empty() {
                let heading = header.cells.get(i).map(|h| h.trim()).unwrap_or("");
                out.unread.push(format!("row {}, column {heading}: '{cell}' is not a council code", row.line));
            }
            codes
        };
        let councils = codes(code);
        let neighbours: Vec<u32> = neighbour_columns.iter().flat_map(|&i| codes(i)).collect();
        for council in councils {
            out.by_council.insert(council, neighbours.clone());
        }
    }
    Ok(out)
}

/// The council codes a cell names, and what in it is not one: "940 / 941" is two codes, "" none.
fn council_codes(cell: &str) -> (Vec<u32>, String) {
    let mut codes = Vec::new();
    let mut rest = Vec::new();
    for part in cell.split(['/', ',', ';', '&']).map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<u32>() {
            Ok(code) => codes.push(code),
            Err(_) => rest.push(part),
        }
    }
    (codes, rest.join(" "))
}
