//! Reading a staff list (one row a person) by its headings. Names and staff numbers are not
//! kept: no figure needs them, and staff data is personal data.

use super::date::{read_date, DateSystem};
use super::grid::GridRow;
use super::headings::key;
use super::number::read_entry;
use super::{Problem, ProblemKind};
use crate::engine::model::TableKind;
use crate::engine::model::{Contract, Entry, Person, StaffList, Words};

/// Standard full-time weekly hours, for turning contracted hours into FTE: Skills for Care
/// counts contracted hours / 37, capped at 1 (`../shared/domain.md`).
pub const FULL_TIME_HOURS: f64 = 37.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Role,
    Team,
    Fte,
    Hours,
    Contract,
    Start,
    Leaving,
    Reason,
    DateOfBirth,
    Age,
    Cases,
}

fn column(heading: &str) -> Option<Column> {
    Some(match key(heading).as_str() {
        "role" | "jobtitle" | "job" | "post" | "position" | "designation" | "roletitle" | "posttitle" => Column::Role,
        "team" | "service" | "serviceteam" | "unit" | "area" | "teamname" => Column::Team,
        "fte" | "wte" | "contractedfte" | "ftecontracted" | "fteinpost" => Column::Fte,
        "hours" | "contractedhours" | "weeklyhours" | "hoursperweek" => Column::Hours,
        "contracttype" | "contract" | "employmenttype" | "employmentstatus" | "workertype" => Column::Contract,
        "startdate" | "datestarted" | "started" | "hiredate" | "dateofjoining" | "servicestartdate" => Column::Start,
        "leavingdate" | "enddate" | "dateleft" | "leaverdate" | "terminationdate" | "leftdate" => Column::Leaving,
        "leavingreason" | "reasonforleaving" | "reason" | "terminationreason" => Column::Reason,
        "dateofbirth" | "dob" | "birthdate" => Column::DateOfBirth,
        "age" | "ageband" | "agegroup" => Column::Age,
        "cases" | "caseload" | "casesheld" | "numberofcases" => Column::Cases,
        _ => return None,
    })
}

/// Reads the first row naming a role, an FTE (or hours) and a contract type or start date as
/// the headings, and one person from each row below it.
pub fn read_staff_list(rows: &[GridRow]) -> Result<StaffList, Vec<Problem>> {
    let Some((header_index, columns)) = rows.iter().take(30).enumerate().find_map(|(i, row)| {
        let columns: Vec<Option<Column>> = row.cells.iter().map(|c| column(c)).collect();
        let has = |c: Column| columns.contains(&Some(c));
        (has(Column::Role) && (has(Column::Fte) || has(Column::Hours)) && (has(Column::Contract) || has(Column::Start)))
            .then_some((i, columns))
    }) else {
        return Err(vec![Problem::whole(ProblemKind::NoHeader(TableKind::StaffList))]);
    };
    let header = &rows[header_index];
    let at = |c: Column| columns.iter().position(|x| *x == Some(c));
    let mut problems = Vec::new();
    let mut list = StaffList::default();
    let mut words = Words::default();
    for row in &rows[header_index + 1..] {
        if row.is_blank() {
            continue;
        }
        let text = |c: Column| at(c).and_then(|i| row.cells.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty());
        let heading = |c: Column| at(c).map(|i| (i, header.cells[i].trim().to_owned())).unwrap_or_default();
        let mut problem = |c: Column, kind: ProblemKind| {
            let (i, h) = heading(c);
            problems.push(Problem::at(row.line, i, &h, kind));
        };
        let mut date = |c: Column| {
            let value = text(c)?;
            let parsed = read_date(value, DateSystem::Excel1900);
            if parsed.is_none() {
                problem(c, ProblemKind::NotADate { cell: value.to_owned() });
            }
            parsed
        };
        let (start, leaving, date_of_birth) = (date(Column::Start), date(Column::Leaving), date(Column::DateOfBirth));
        let mut number = |c: Column| {
            let value = text(c)?;
            match read_entry(value) {
                Ok(Entry::Number(n)) => Some(n),
                Ok(Entry::NoValue(_)) => None,
                // An age band such as "55-59" counts by its lower bound, read as any figure is
                // (so "inf" or "NaN" is not an age).
                Err(_) if c == Column::Age => {
                    let lower = value.split(['-', '–', ' ']).next().map(read_entry);
                    match lower {
                        Some(Ok(Entry::Number(n))) if (0.0..150.0).contains(&n) => Some(n),
                        _ => {
                            problem(c, ProblemKind::NotAnAge { cell: value.to_owned() });
                            None
                        }
                    }
                }
                Err(_) => {
                    problem(c, ProblemKind::NotANumber { cell: value.to_owned() });
                    None
                }
            }
        };
        let fte = number(Column::Fte).or_else(|| number(Column::Hours).map(|h| (h / FULL_TIME_HOURS).min(1.0)));
        let (age, cases) = (number(Column::Age).map(|a| a as u32), number(Column::Cases));
        let Some(role) = text(Column::Role) else { continue };
        list.people.push(Person {
            line: row.line,
            role: words.word(&role.split_whitespace().collect::<Vec<_>>().join(" ")),
            team: text(Column::Team).map(|t| words.word(t)),
            fte,
            contract: contract(text(Column::Contract).unwrap_or("")),
            start,
            leaving,
            leaving_reason: text(Column::Reason).map(|r| words.word(r)),
            date_of_birth,
            age,
            cases,
        });
    }
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(problems)
    }
}

/// A contract type as HR systems write it.
fn contract(text: &str) -> Contract {
    let k = key(text);
    if ["permanent", "perm", "substantive", "established"].iter().any(|w| k.starts_with(w)) {
        Contract::Permanent
    } else if ["fixedterm", "fixed", "temporary", "temp", "ftc", "secondment"].iter().any(|w| k.starts_with(w)) {
        Contract::FixedTerm
    } else if ["bank", "casual", "relief", "sessional"].iter().any(|w| k.starts_with(w)) {
        Contract::Bank
    } else if ["agency", "locum", "interim", "contractor"].iter().any(|w| k.starts_with(w)) {
        Contract::Agency
    } else if k.is_empty() {
        Contract::Other("not stated".into())
    } else {
        Contract::Other(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_types_as_hr_systems_write_them() {
        for (text, expected) in [
            ("Permanent", Contract::Permanent),
            ("Perm", Contract::Permanent),
            ("Fixed Term", Contract::FixedTerm),
            ("Fixed-term contract", Contract::FixedTerm),
            ("Temporary", Contract::FixedTerm),
            ("Bank", Contract::Bank),
            ("Agency", Contract::Agency),
            ("Locum", Contract::Agency),
            ("Apprentice", Contract::Other("Apprentice".into())),
            ("", Contract::Other("not stated".into())),
        ] {
            assert_eq!(contract(text), expected, "{text:?}");
        }
    }
}
