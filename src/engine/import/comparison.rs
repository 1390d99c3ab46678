//! Reading a published comparison file (`model::Comparison`) from rows, whatever its shape:
//! long (Oflog: a row an area, period and measure, with `Measure` and `Value` columns) or wide
//! (LG Inform, Skills for Care: a row an area, a column a measure). Columns are found by their
//! headings; the area code column also by its cells, since "Code" can name a measure's code.

use super::grid::GridRow;
use super::headings::key;
use super::number::read_figure;
use super::{Problem, ProblemKind};
use crate::engine::model::{AreaLevel, Comparison, ComparisonMeasure, ComparisonRow, Entry, NoValue, TableKind, Unit};

/// Headings that name the area, most telling first.
pub(super) const AREA_NAMES: &[&str] = &[
    "localauthorityname",
    "laname",
    "cssr",
    "councilname",
    "areaname",
    "geographyname",
    "localauthority",
    "council",
    "area",
];
/// Headings that name an area's ONS code.
pub(super) const AREA_CODES: &[&str] =
    &["localauthoritycode", "lacode", "areacode", "onscode", "gsscode", "geographycode", "newlacode"];
pub(super) const MEASURES: &[&str] = &["measure", "indicator", "metric", "measurename", "indicatorname"];
const PERIODS: &[&str] =
    &["financialyear", "period", "timeperiod", "year", "yearending", "reportingperiod", "date", "dataperiod"];
const VALUES: &[&str] = &["value", "figure", "indicatorvalue", "metricvalue"];
const REGIONS: &[&str] = &["region", "regionname"];
const ROLES: &[&str] = &["jobrole", "mainjobrole", "role", "jobrolegroup", "mainjobrolegroup", "staffgroup"];
const SECTORS: &[&str] = &["sector"];
const SERVICES: &[&str] = &["service", "servicegroup", "setting"];
const MEASURE_CODES: &[&str] = &["code", "measurecode", "indicatorcode", "metriccode"];
/// Columns that describe a row but are not figures to compare.
const DESCRIBING: &[&str] = &["grouping", "entityname", "madsfrommedian", "rankorder", "notes", "note", "source"];

/// Where each column is.
struct Columns {
    header: usize,
    area: Option<usize>,
    code: Option<usize>,
    period: Option<usize>,
    region: Option<usize>,
    role: Option<usize>,
    sector: Option<usize>,
    service: Option<usize>,
    /// Long form: the measure's name, its code, its value and the median.
    measure: Option<usize>,
    measure_code: Option<usize>,
    value: Option<usize>,
    median: Option<usize>,
}

/// Reads the file. Blank cells, "*" and the DfE codes are "no value, with a reason", never 0;
/// a cell in a column of figures that is neither a number nor a code is a problem at its place.
pub fn read_comparison(rows: &[GridRow]) -> Result<Comparison, Vec<Problem>> {
    let empty = || vec![Problem::whole(ProblemKind::EmptyTable(TableKind::Comparison))];
    let columns = find_columns(rows).ok_or_else(empty)?;
    let header = &rows[columns.header];
    if columns.area.is_none() && columns.code.is_none() {
        return Err(missing(header, "area name or area code"));
    }
    let body = &rows[columns.header + 1..];
    let mut problems = Vec::new();
    let comparison = if let (Some(measure), Some(value)) = (columns.measure, columns.value) {
        long(body, &columns, measure, value, &mut problems)
    } else {
        let wide = wide_measures(header, body, &columns);
        if wide.is_empty() {
            return Err(missing(header, "measure (a column of figures, or Measure and Value columns)"));
        }
        wide_form(header, body, &columns, &wide, &mut problems)
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    if comparison.rows.is_empty() {
        return Err(empty());
    }
    Ok(scaled(regions_named(comparison)))
}

fn missing(header: &GridRow, what: &str) -> Vec<Problem> {
    vec![Problem::row(
        header.line,
        ProblemKind::MissingColumns { kind: TableKind::Comparison, columns: vec![what.into()] },
    )]
}

/// The heading row: the first of the top rows naming an area or its code.
fn find_columns(rows: &[GridRow]) -> Option<Columns> {
    // A title line above the table ("Local authority area data, 2024/25") is one cell.
    let header = rows.iter().take(30).position(|row| {
        row.cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2
            && row.cells.iter().any(|c| {
                let k = key(c);
                AREA_NAMES.iter().chain(AREA_CODES).any(|w| k == *w || k.starts_with(w))
            })
    })?;
    let keys: Vec<String> = rows[header].cells.iter().map(|c| key(c)).collect();
    let find = |words: &[&str]| -> Option<usize> {
        // The whole heading first, then a heading that starts with the word ("CSSR (LA area)").
        words
            .iter()
            .find_map(|w| keys.iter().position(|k| k == w))
            .or_else(|| words.iter().find_map(|w| keys.iter().position(|k| k.starts_with(w))))
    };
    let body = &rows[header + 1..];
    // The area code is the column whose cells are ONS codes, whatever its heading says.
    let code = (0..keys.len())
        .filter(|&i| {
            let cells = body.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.trim().is_empty());
            let (codes, all) =
                cells.fold((0, 0), |(codes, all), c| (codes + usize::from(AreaLevel::of_code(c).is_some()), all + 1));
            all > 0 && codes * 10 >= all * 9
        })
        .min_by_key(|&i| usize::from(!AREA_CODES.contains(&keys[i].as_str())))
        .or_else(|| find(AREA_CODES));
    let not = |taken: &[Option<usize>], found: Option<usize>| found.filter(|f| !taken.contains(&Some(*f)));
    let area = not(&[code], find(AREA_NAMES));
    let measure = not(&[code, area], find(MEASURES));
    let region = not(&[code, area], find(REGIONS));
    Some(Columns {
        header,
        area,
        code,
        period: not(&[code, area, measure], find(PERIODS)),
        region,
        role: not(&[code, area, measure], find(ROLES)),
        sector: not(&[code, area, measure], find(SECTORS)),
        service: not(&[code, area, measure], find(SERVICES)),
        measure,
        measure_code: measure.and_then(|m| not(&[code, area, Some(m), region], find(MEASURE_CODES))),
        value: not(&[code, area, measure], find(VALUES)),
        median: find(&["median"]),
    })
}

/// A cell as a figure: a number, or why there is none (blank, "*", a code). `Err(())` for text.
fn figure(cell: &str) -> Result<(Result<f64, NoValue>, bool), ()> {
    let cell = cell.trim();
    if cell == "*" || cell == "**" {
        return Ok((Err(NoValue::Confidential), false));
    }
    let read = read_figure(cell).map_err(|_| ())?;
    let percent = read.unit == Some(Unit::Percent);
    Ok((
        match read.entry {
            Entry::Number(v) => Ok(v),
            Entry::NoValue(why) => Err(why),
        },
        percent,
    ))
}

/// Says a measure is a percentage from its name.
fn names_a_rate(name: &str) -> bool {
    let k = key(name);
    name.contains('%') || ["rate", "percent", "proportion", "share"].iter().any(|w| k.contains(w))
}

fn text(row: &GridRow, at: Option<usize>) -> String {
    at.and_then(|i| row.cells.get(i)).map(|c| c.trim().to_owned()).unwrap_or_default()
}

/// The row's area, code, level, region, period, role and sector, or `None` for a row that
/// names no area (a blank line, a note under the table).
fn area_row(row: &GridRow, c: &Columns) -> Option<ComparisonRow> {
    let (code, area) = (text(row, c.code), text(row, c.area));
    // A note under the table ("Source: ...") is a line of one cell.
    if (code.is_empty() && area.is_empty()) || row.cells.iter().filter(|c| !c.trim().is_empty()).count() < 2 {
        return None;
    }
    let level = AreaLevel::of_code(&code).unwrap_or_else(|| AreaLevel::of_name(&area));
    let sector = [text(row, c.sector), text(row, c.service)].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    Some(ComparisonRow {
        line: row.line,
        area: if area.is_empty() { code.clone() } else { area },
        code,
        level,
        region: text(row, c.region),
        period: text(row, c.period),
        measure: 0,
        role: text(row, c.role),
        sector: sector.join(", "),
        value: Err(NoValue::Blank),
        median: None,
    })
}

fn long(body: &[GridRow], c: &Columns, measure: usize, value: usize, problems: &mut Vec<Problem>) -> Comparison {
    let mut out = Comparison::default();
    for row in body {
        let Some(mut read) = area_row(row, c) else { continue };
        let name = text(row, Some(measure));
        if name.is_empty() {
            continue;
        }
        let at = match out.measures.iter().position(|m| m.name == name) {
            Some(at) => at,
            None => {
                out.measures.push(ComparisonMeasure {
                    percent: names_a_rate(&name),
                    name,
                    code: text(row, c.measure_code),
                    places: 1,
                });
                out.measures.len() - 1
            }
        };
        let cell = text(row, Some(value));
        match figure(&cell) {
            Ok((figure, percent)) => {
                read.value = figure;
                out.measures[at].percent |= percent;
            }
            Err(()) => {
                problems.push(Problem::at(row.line, value, "Value", ProblemKind::NotANumberOrCode { cell }));
                continue;
            }
        }
        read.measure = at;
        read.median = c.median.and_then(|m| figure(&text(row, Some(m))).ok()).and_then(|(v, _)| v.ok());
        out.rows.push(read);
    }
    out
}

/// The columns of a wide file that hold figures: not the area, period or describing columns,
/// and mostly numbers or codes, with at least one number.
fn wide_measures(header: &GridRow, body: &[GridRow], c: &Columns) -> Vec<usize> {
    let taken = [c.area, c.code, c.period, c.region, c.role, c.sector, c.service, c.median];
    (0..header.cells.len())
        .filter(|i| !taken.contains(&Some(*i)))
        .filter(|&i| {
            let k = key(&header.cells[i]);
            !k.is_empty() && !DESCRIBING.contains(&k.as_str())
        })
        .filter(|&i| {
            let cells: Vec<&str> =
                body.iter().filter_map(|r| r.cells.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
            let read: Vec<_> = cells.iter().filter_map(|c| figure(c).ok()).collect();
            read.iter().any(|(v, _)| v.is_ok()) && read.len() * 10 >= cells.len() * 8
        })
        .collect()
}

fn wide_form(
    header: &GridRow,
    body: &[GridRow],
    c: &Columns,
    measures: &[usize],
    problems: &mut Vec<Problem>,
) -> Comparison {
    let mut out = Comparison {
        measures: measures
            .iter()
            .map(|&i| {
                let name = header.cells[i].trim().to_owned();
                ComparisonMeasure { percent: names_a_rate(&name), name, code: String::new(), places: 1 }
            })
            .collect(),
        rows: Vec::new(),
    };
    for row in body {
        let Some(area) = area_row(row, c) else { continue };
        for (at, &column) in measures.iter().enumerate() {
            let cell = text(row, Some(column));
            match figure(&cell) {
                Ok((value, percent)) => {
                    out.measures[at].percent |= percent;
                    out.rows.push(ComparisonRow { measure: at, value, ..area.clone() });
                }
                Err(()) => problems.push(Problem::at(
                    row.line,
                    column,
                    header.cells[column].trim(),
                    ProblemKind::NotANumberOrCode { cell },
                )),
            }
        }
    }
    out
}

/// A row whose area the region column names for other rows is that region's row, whatever
/// its code: a region the ONS list does not hold, or a code that is not ONS's.
fn regions_named(mut comparison: Comparison) -> Comparison {
    let regions: Vec<String> = comparison.distinct(|r| &r.region).iter().map(|r| key(r)).collect();
    for row in &mut comparison.rows {
        if row.level == AreaLevel::Council && row.region.is_empty() && regions.contains(&key(&row.area)) {
            row.level = AreaLevel::Region;
        }
    }
    comparison
}

/// A rate written as a fraction (0.28 for 28%, as spreadsheets store percentages) is put in
/// percent, as the files that print it write it; each measure gets the places it prints to.
fn scaled(mut comparison: Comparison) -> Comparison {
    for (at, measure) in comparison.measures.iter_mut().enumerate() {
        let values = comparison.rows.iter().filter(|r| r.measure == at).filter_map(|r| r.value.ok());
        let (mut any, mut fractions) = (false, true);
        for v in values {
            any |= v != 0.0;
            fractions &= v.abs() <= 1.0;
        }
        if measure.percent && any && fractions {
            for row in comparison.rows.iter_mut().filter(|r| r.measure == at) {
                row.value = row.value.map(|v| v * 100.0);
                row.median = row.median.map(|v| v * 100.0);
            }
        }
        let mut sizes: Vec<f64> =
            comparison.rows.iter().filter(|r| r.measure == at).filter_map(|r| r.value.ok()).map(f64::abs).collect();
        crate::engine::order::sort_by(&mut sizes, f64::total_cmp);
        let typical = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
        measure.places = match typical {
            _ if measure.percent => 1,
            t if t < 1.0 => 3,
            t if t < 100.0 => 1,
            _ => 0,
        };
    }
    comparison
}
