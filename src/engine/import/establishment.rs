//! Reading an establishment table out of a grid: find the header row, map its columns to
//! fields, read each role's figures, and set aside the stated total.

use super::grid::{split, GridRow};
use super::number::read_entry;
use super::Problem;
use crate::engine::model::{EstablishmentTable, Field, RoleRow};

/// How far down to look for the header row, past titles and notes.
const HEADER_SEARCH_ROWS: usize = 30;

/// What an officer is told when no header row is found.
pub const EXPECTED_HEADER: &str =
    "Expected a row of column headings with Role and at least one of \
Establishment, Permanent, Agency and Vacant (for example: Role, Establishment, Permanent, Agency, \
Vacant, (Over)/under), with one row of figures for each role under it.";

/// Reads pasted or loaded text as an establishment table.
///
/// ```
/// use wrb::engine::import::read_establishment;
/// let table = read_establishment("Role\tEstablishment\tPermanent\nSocial Worker\t10\t8\n").unwrap();
/// assert_eq!(table.rows[0].role, "Social Worker");
/// ```
pub fn read_establishment(text: &str) -> Result<EstablishmentTable, Vec<Problem>> {
    let grid = split(text);
    let Some((header_index, header)) = find_header(&grid) else {
        let message = if grid.iter().all(GridRow::is_blank) {
            format!("The text is empty. {EXPECTED_HEADER}")
        } else {
            format!("No header row was found. {EXPECTED_HEADER}")
        };
        return Err(vec![Problem::whole(message)]);
    };
    let header = header?;
    let mut problems = Vec::new();
    let mut table = EstablishmentTable {
        columns: header.figures.iter().map(|&(_, f)| f).collect(),
        rows: Vec::new(),
        stated_total: None,
    };

    for row in &grid[header_index + 1..] {
        let cell = |i: usize| row.cells.get(i).map(String::as_str).unwrap_or("");
        let role = tidy_label(cell(header.role));
        let has_figures = header
            .figures
            .iter()
            .any(|&(i, _)| !cell(i).trim().is_empty());
        if !has_figures {
            // Blank lines, sub-headings and notes under the table: nothing to count.
            continue;
        }
        if role.is_empty() {
            problems.push(Problem::at(
                row.line,
                "Role",
                "there are figures but no role name.".into(),
            ));
            continue;
        }
        let mut role_row = RoleRow::new(role, row.line);
        for &(i, field) in &header.figures {
            match read_entry(cell(i)) {
                Ok(entry) => role_row.set(field, entry),
                Err(_) => problems.push(Problem::at(
                    row.line,
                    field.label(),
                    format!("'{}' is not a number.", cell(i).trim()),
                )),
            }
        }
        if is_total(&role_row.role) {
            table.stated_total = Some(role_row);
        } else {
            table.rows.push(role_row);
        }
    }

    if problems.is_empty() && table.rows.is_empty() {
        problems.push(Problem::whole(
            "The headings were found but there are no rows of figures under them.".into(),
        ));
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

struct Header {
    role: usize,
    /// Column index and field, in the source's order.
    figures: Vec<(usize, Field)>,
}

/// The first row that names a role column and at least one figure column. A row whose
/// headings repeat a field is still the header, but an error: two years side by side
/// cannot be told apart here.
fn find_header(grid: &[GridRow]) -> Option<(usize, Result<Header, Vec<Problem>>)> {
    grid.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(index, row)| {
            let mut role = None;
            let mut figures: Vec<(usize, Field)> = Vec::new();
            let mut repeated = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                match heading(cell) {
                    Some(Heading::Role) if role.is_none() => role = Some(i),
                    Some(Heading::Figure(field)) => {
                        if figures.iter().any(|&(_, f)| f == field) {
                            repeated.push(field);
                        } else {
                            figures.push((i, field));
                        }
                    }
                    _ => {}
                }
            }
            // Excel leaves the corner cell blank above a column of names.
            if role.is_none() && row.cells.first().is_some_and(|c| c.trim().is_empty()) {
                role = Some(0);
            }
            let role = role?;
            if figures.is_empty() {
                return None;
            }
            if repeated.is_empty() {
                return Some((index, Ok(Header { role, figures })));
            }
            let problems = repeated
                .into_iter()
                .map(|field| {
                    Problem::at(
                        row.line,
                        field.label(),
                        format!(
                            "there is more than one {} column. Paste one period at a time.",
                            field.label()
                        ),
                    )
                })
                .collect();
            Some((index, Err(problems)))
        })
}

enum Heading {
    Role,
    Figure(Field),
}

/// Maps a column heading to what it holds, by the words officers use. Matching is on the
/// whole heading (ignoring case, punctuation and a trailing "FTE"), so "Vacancy rate" is not
/// mistaken for "Vacancies".
fn heading(cell: &str) -> Option<Heading> {
    let key: String = cell
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let key = key.strip_suffix("fte").unwrap_or(&key);
    let key = key.strip_prefix("fte").unwrap_or(key);
    Some(match key {
        "role" | "roles" | "post" | "posts" | "jobtitle" | "job" | "position" | "team"
        | "grade" | "roletitle" | "postitle" | "posttitle" | "designation" => Heading::Role,
        "establishment"
        | "budgetedfte"
        | "budgeted"
        | "fundedposts"
        | "funded"
        | "totalestablishment"
        | "budgetedestablishment" => Heading::Figure(Field::Establishment),
        "permanent" | "inpost" | "substantive" | "permanentstaff" | "staffinpost" => {
            Heading::Figure(Field::Permanent)
        }
        "agency" | "locum" | "locums" | "interim" | "agencystaff" | "agencyworkers" => {
            Heading::Figure(Field::Agency)
        }
        "vacant" | "vacancies" | "vacancy" | "vacantposts" => Heading::Figure(Field::Vacant),
        "overunder" | "overunderestablishment" | "underover" | "underoverestablishment" => {
            Heading::Figure(Field::OverUnder)
        }
        _ => return None,
    })
}

fn is_total(role: &str) -> bool {
    let key: String = role
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        key.as_str(),
        "total" | "totals" | "grandtotal" | "totalfte" | "overalltotal"
    )
}

/// Collapses the whitespace a paste leaves inside labels (a name wrapped over two lines).
fn tidy_label(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_map_by_whole_words() {
        let figure = |text: &str| match heading(text) {
            Some(Heading::Figure(field)) => Some(field),
            _ => None,
        };
        assert_eq!(figure("Establishment"), Some(Field::Establishment));
        assert_eq!(figure("Establishment (FTE)"), Some(Field::Establishment));
        assert_eq!(figure("Budgeted FTE"), Some(Field::Establishment));
        assert_eq!(figure("In post"), Some(Field::Permanent));
        assert_eq!(figure("Locum"), Some(Field::Agency));
        assert_eq!(figure("Vacancies"), Some(Field::Vacant));
        assert_eq!(figure("(Over)/under establishment"), Some(Field::OverUnder));
        assert_eq!(figure("(Over)/under"), Some(Field::OverUnder));
        assert_eq!(figure("Vacancy rate"), None);
        assert_eq!(figure("Agency rate"), None);
        assert!(matches!(heading("Job title"), Some(Heading::Role)));
    }
}
