//! Reading an establishment table out of rows: guess which column holds what from the
//! headings, then read each role's figures and set aside the stated total.

use super::grid::GridRow;
use super::headings::{key, recognise, Heading};
use super::number::read_entry;
use super::{load_pasted, Problem, ProblemKind};
use crate::engine::model::TableKind;
use crate::engine::model::{ColumnMapping, ColumnUse, EstablishmentTable, Field, RememberedMappings, RoleRow};

/// How far down to look for the header row, past titles and notes.
const HEADER_SEARCH_ROWS: usize = 30;

/// A table as read, with the rows left out because they could not be read (when asked to).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadTable {
    pub table: EstablishmentTable,
    pub skipped: Vec<Problem>,
}

/// Reads pasted text as an establishment table, guessing the columns.
///
/// ```
/// use wrb::engine::import::read_establishment;
/// let table = read_establishment("Role\tEstablishment\tPermanent\nSocial Worker\t10\t8\n").unwrap();
/// assert_eq!(table.rows[0].role, "Social Worker");
/// ```
pub fn read_establishment(text: &str) -> Result<EstablishmentTable, Vec<Problem>> {
    let rows = load_pasted(text).rows;
    let mapping = guess_mapping(&rows)?;
    read_mapped(&rows, &mapping, false).map(|read| read.table)
}

/// True when the rows hold a header this reader recognises.
pub fn finds_header(rows: &[GridRow]) -> bool {
    matches!(find_header(rows), Some((_, Ok(_))))
}

/// Guesses the mapping from the first row that names a role column (or leaves its corner
/// blank above a column of names) and at least one figure column.
pub fn guess_mapping(rows: &[GridRow]) -> Result<ColumnMapping, Vec<Problem>> {
    match find_header(rows) {
        Some((_, result)) => result,
        None if rows.iter().all(GridRow::is_blank) => {
            Err(vec![Problem::whole(ProblemKind::EmptyTable(TableKind::Establishment))])
        }
        None => Err(vec![Problem::whole(ProblemKind::NoHeader(TableKind::Establishment))]),
    }
}

/// The mapping for a heading row the officer chose: columns whose headings are known are
/// mapped, and the first column holds the role unless a heading says which does.
pub fn mapping_for_row(row: &GridRow) -> ColumnMapping {
    let mut columns = column_uses(row);
    if !columns.contains(&ColumnUse::Role) {
        if let Some(first) = row.cells.iter().position(|c| !c.trim().is_empty()) {
            columns[first] = ColumnUse::Role;
        }
    }
    ColumnMapping { header_line: row.line, columns }
}

/// Reads the rows under the mapping's header row. With `skip_unreadable`, rows holding a cell
/// that is not a number are left out and listed; otherwise any such cell refuses the table.
pub fn read_mapped(
    rows: &[GridRow],
    mapping: &ColumnMapping,
    skip_unreadable: bool,
) -> Result<ReadTable, Vec<Problem>> {
    let header_index = rows
        .iter()
        .position(|r| r.line == mapping.header_line)
        .ok_or_else(|| vec![Problem::row(mapping.header_line, ProblemKind::HeaderRowGone)])?;
    let header = &rows[header_index];
    let role_column = check(mapping, header.line)?;
    let figures: Vec<(usize, Field)> = mapping.figures().collect();
    let heading = |i: usize| {
        let text = header.cells.get(i).map(|c| c.trim()).unwrap_or("");
        if text.is_empty() {
            mapping.columns[i].label().to_owned()
        } else {
            text.to_owned()
        }
    };

    let mut table = EstablishmentTable {
        columns: figures.iter().map(|&(_, f)| f).collect(),
        rows: Vec::new(),
        stated_total: None,
        stated_subtotals: Vec::new(),
    };
    let (mut problems, mut skipped) = (Vec::new(), Vec::new());
    for row in &rows[header_index + 1..] {
        let cell = |i: usize| row.cells.get(i).map(String::as_str).unwrap_or("");
        let role = tidy_label(cell(role_column));
        if figures.iter().all(|&(i, _)| cell(i).trim().is_empty()) {
            // Blank lines, sub-headings and notes under the table: nothing to count.
            continue;
        }
        let mut row_problems = Vec::new();
        if role.is_empty() {
            row_problems.push(Problem::at(row.line, role_column, &heading(role_column), ProblemKind::NoRoleName));
        }
        let mut role_row = RoleRow::new(role, row.line);
        for &(i, field) in &figures {
            match read_entry(cell(i)) {
                Ok(entry) => role_row.set(field, entry),
                Err(_) => row_problems.push(Problem::at(
                    row.line,
                    i,
                    &heading(i),
                    ProblemKind::NotANumber { cell: cell(i).to_owned() },
                )),
            }
        }
        if !row_problems.is_empty() {
            if skip_unreadable {
                skipped.extend(row_problems)
            } else {
                problems.extend(row_problems)
            }
        } else if is_total(&role_row.role) {
            table.stated_total = Some(role_row);
        } else if is_subtotal(&role_row.role) {
            table.stated_subtotals.push(role_row);
        } else {
            table.rows.push(role_row);
        }
    }
    if problems.is_empty() && table.rows.is_empty() {
        problems.push(Problem::row(header.line, ProblemKind::NoRows));
    }
    if problems.is_empty() {
        Ok(ReadTable { table, skipped })
    } else {
        Err(problems)
    }
}

/// A mapping the officer set must still name one role column and some figures, each once.
fn check(mapping: &ColumnMapping, line: usize) -> Result<usize, Vec<Problem>> {
    let mut problems = Vec::new();
    let roles = mapping.columns.iter().filter(|u| **u == ColumnUse::Role).count();
    if roles != 1 {
        problems.push(Problem::row(line, ProblemKind::RoleColumns { chosen: roles }));
    }
    if mapping.figures().next().is_none() {
        problems.push(Problem::row(line, ProblemKind::NoFigureColumns));
    }
    for field in Field::ALL {
        let uses = mapping.figures().filter(|&(_, f)| f == field).count();
        if uses > 1 {
            problems.push(Problem::row(line, ProblemKind::FieldChosenTwice { field, times: uses }));
        }
    }
    match mapping.role_column() {
        Some(column) if problems.is_empty() => Ok(column),
        _ => Err(problems),
    }
}

/// The first row that names a role column and at least one figure column. A row whose
/// headings repeat a field is still the header, but an error: two years side by side
/// cannot be told apart here.
fn find_header(rows: &[GridRow]) -> Option<(usize, Result<ColumnMapping, Vec<Problem>>)> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(index, row)| {
        let mut columns = column_uses(row);
        let first_figure = columns.iter().position(|u| matches!(u, ColumnUse::Figure(_)))?;
        // Only the first Role heading counts; later ones ("Team" beside "Role") are left alone.
        if let Some(first_role) = columns.iter().position(|u| *u == ColumnUse::Role) {
            for use_ in columns.iter_mut().skip(first_role + 1) {
                if *use_ == ColumnUse::Role {
                    *use_ = ColumnUse::NotUsed;
                }
            }
        } else {
            // No role heading: the label column is the first one before the figures whose cells
            // below are mostly words, typically under a blank corner cell.
            let label = (0..first_figure).find(|&i| mostly_words(&rows[index + 1..], i))?;
            columns[label] = ColumnUse::Role;
        }

        let mapping = ColumnMapping { header_line: row.line, columns };
        let repeated: Vec<(usize, Field)> = mapping
            .figures()
            .enumerate()
            .filter(|&(n, (_, field))| mapping.figures().take(n).any(|(_, f)| f == field))
            .map(|(_, figure)| figure)
            .collect();
        if repeated.is_empty() {
            return Some((index, Ok(mapping)));
        }
        let problems = repeated
            .into_iter()
            .map(|(column, field)| Problem::at(row.line, column, field.label(), ProblemKind::FieldRepeated { field }))
            .collect();
        Some((index, Err(problems)))
    })
}

/// Each heading's use as far as its words say.
fn column_uses(row: &GridRow) -> Vec<ColumnUse> {
    row.cells
        .iter()
        .map(|cell| match recognise(cell) {
            Some(Heading::Role) => ColumnUse::Role,
            Some(Heading::Figure(field)) => ColumnUse::Figure(field),
            Some(Heading::Other) | None => ColumnUse::NotUsed,
        })
        .collect()
}

/// True when most non-empty cells of a column in the next rows are not numbers.
fn mostly_words(rows: &[GridRow], column: usize) -> bool {
    let cells: Vec<&str> =
        rows.iter().take(20).filter_map(|r| r.cells.get(column)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let words = cells.iter().filter(|c| read_entry(c).is_err()).count();
    !cells.is_empty() && words * 2 > cells.len()
}

fn is_total(role: &str) -> bool {
    matches!(key(role).as_str(), "total" | "totals" | "grandtotal" | "totalfte" | "overalltotal")
}

/// "Subtotal", "Sub-total: fieldwork", "Total children's services", "Fieldwork total".
fn is_subtotal(role: &str) -> bool {
    let key = key(role);
    key.starts_with("subtotal") || key.starts_with("total") || key.ends_with("total")
}

/// The key a table's headings are remembered by: its heading row's cells, reduced.
pub fn headings_key(header: &GridRow) -> String {
    header.cells.iter().map(|c| key(c)).collect::<Vec<_>>().join("|")
}

/// The guessed mapping, replaced by the officer's remembered one for the same headings. A
/// remembered mapping also finds a heading row the guess could not.
pub fn guess_mapping_remembering(
    rows: &[GridRow],
    remembered: &RememberedMappings,
) -> Result<ColumnMapping, Vec<Problem>> {
    let recall = |row: &GridRow| {
        remembered
            .get(&headings_key(row))
            .map(|columns| ColumnMapping { header_line: row.line, columns: columns.clone() })
    };
    match guess_mapping(rows) {
        Ok(guess) => Ok(rows.iter().find(|r| r.line == guess.header_line).and_then(recall).unwrap_or(guess)),
        Err(problems) => rows.iter().take(HEADER_SEARCH_ROWS).find_map(recall).ok_or(problems),
    }
}

/// Collapses the whitespace a paste leaves inside labels (a name wrapped over two lines).
fn tidy_label(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
