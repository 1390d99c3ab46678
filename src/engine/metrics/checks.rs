//! Arithmetic checks on an establishment table, as the officer sees them in the Checks panel.
//! Published tables often hold a row whose (over)/under does not follow from its own columns,
//! or a stated total that is not the sum of its rows (`../shared/domain.md`).

use crate::engine::format::fte_bracketed;
use crate::engine::import::headings::key;
use crate::engine::model::{Entry, EstablishmentTable, Field, RoleRow};

/// Figures closer than this are the same once printed to 2 decimal places.
const TOLERANCE: f64 = 0.005;

/// One table checked, under its name: each period's establishment table, and each table of
/// figures.
#[derive(Clone, Debug, PartialEq)]
pub struct TableChecks {
    pub title: String,
    pub findings: Vec<Finding>,
}

/// One check's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub passed: bool,
    /// The source line the finding is about, when it is about one row.
    pub line: Option<usize>,
    /// A sentence naming the row or column and showing the figures.
    pub message: String,
}

impl Finding {
    pub fn pass(message: impl Into<String>) -> Self {
        Finding { passed: true, line: None, message: message.into() }
    }

    pub fn warn(line: Option<usize>, message: impl Into<String>) -> Self {
        Finding { passed: false, line, message: message.into() }
    }
}

/// The two conventions for (over)/under establishment in use (`../shared/domain.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverUnderConvention {
    /// Establishment − permanent − agency.
    LessInPostAndAgency,
    /// Establishment − permanent − agency − vacant.
    LessInPostAgencyAndVacant,
}

impl OverUnderConvention {
    pub fn formula(self) -> &'static str {
        match self {
            OverUnderConvention::LessInPostAndAgency => "establishment − permanent − agency",
            OverUnderConvention::LessInPostAgencyAndVacant => "establishment − permanent − agency − vacant",
        }
    }

    fn apply(self, row: &Figures) -> Option<f64> {
        let base = row.establishment? - row.permanent? - row.agency?;
        match self {
            OverUnderConvention::LessInPostAndAgency => Some(base),
            OverUnderConvention::LessInPostAgencyAndVacant => Some(base - row.vacant?),
        }
    }
}

/// Every check on the table, failures first within each check, passes stated once.
///
/// ```
/// use wrb::engine::import::read_establishment;
/// use wrb::engine::metrics::checks::establishment_checks;
/// let table = read_establishment("Role\tEstablishment\nA\t1\nB\t2\nTotal\t4\n").unwrap();
/// let findings = establishment_checks(&table);
/// assert_eq!(findings[0].message, "The stated total for Establishment is 4.00, but the roles add up to 3.00 (a difference of 1.00).");
/// ```
pub fn establishment_checks(table: &EstablishmentTable) -> Vec<Finding> {
    let rows: Vec<Figures> = table.rows.iter().map(Figures::of).collect();
    let mut findings = Vec::new();
    findings.extend(stated_totals(table, &rows));
    findings.extend(over_under(table, &rows));
    findings.extend(negative_figures(&rows));
    findings.extend(impossible_rates(&rows));
    findings.extend(repeated_roles(table));
    findings
}

/// A row's numbers, `None` where the column is missing or the cell holds no number.
struct Figures<'a> {
    row: &'a RoleRow,
    establishment: Option<f64>,
    permanent: Option<f64>,
    agency: Option<f64>,
    vacant: Option<f64>,
    over_under: Option<f64>,
}

impl<'a> Figures<'a> {
    fn of(row: &'a RoleRow) -> Self {
        let number = |field| match row.get(field) {
            Some(Entry::Number(value)) => Some(value),
            _ => None,
        };
        Figures {
            row,
            establishment: number(Field::Establishment),
            permanent: number(Field::Permanent),
            agency: number(Field::Agency),
            vacant: number(Field::Vacant),
            over_under: number(Field::OverUnder),
        }
    }

    fn get(&self, field: Field) -> Option<f64> {
        match field {
            Field::Establishment => self.establishment,
            Field::Permanent => self.permanent,
            Field::Agency => self.agency,
            Field::Vacant => self.vacant,
            Field::OverUnder => self.over_under,
        }
    }
}

fn stated_totals(table: &EstablishmentTable, rows: &[Figures]) -> Vec<Finding> {
    let Some(total) = &table.stated_total else {
        return vec![Finding::pass("The table states no total row, so the totals shown are the sums of the rows.")];
    };
    let mut findings = Vec::new();
    for &field in &table.columns {
        let Some(Entry::Number(stated)) = total.get(field) else { continue };
        let sum: Option<f64> = rows.iter().map(|r| r.get(field)).sum();
        let Some(sum) = sum else {
            findings.push(Finding::warn(
                Some(total.line),
                format!("The stated total for {} cannot be checked: some roles have no figure.", field.label()),
            ));
            continue;
        };
        if (sum - stated).abs() > TOLERANCE {
            findings.push(Finding::warn(
                Some(total.line),
                format!(
                    "The stated total for {} is {}, but the roles add up to {} (a difference of {}).",
                    field.label(),
                    fte_bracketed(stated),
                    fte_bracketed(sum),
                    fte_bracketed((stated - sum).abs())
                ),
            ));
        }
    }
    if findings.is_empty() {
        findings.push(Finding::pass("The stated totals agree with the sums of the rows."));
    }
    findings
}

fn over_under(table: &EstablishmentTable, rows: &[Figures]) -> Vec<Finding> {
    if !table.has(Field::OverUnder) {
        return Vec::new();
    }
    use OverUnderConvention::*;
    let fits = |row: &Figures, convention: OverUnderConvention| match (row.over_under, convention.apply(row)) {
        (Some(stated), Some(computed)) => Some((stated - computed).abs() <= TOLERANCE),
        _ => None,
    };
    let mut first = Vec::new();
    let mut second = Vec::new();
    let mut findings = Vec::new();
    for row in rows {
        match (fits(row, LessInPostAndAgency), fits(row, LessInPostAgencyAndVacant)) {
            // Where vacant is 0 both conventions agree, and the row says nothing about which is used.
            (Some(true), Some(true)) => {}
            (Some(true), _) => first.push(&row.row.role),
            (_, Some(true)) => second.push(&row.row.role),
            (Some(false), second_fit) => {
                let mut message = format!(
                    "{}: the (over)/under is stated as {}, but {} gives {}",
                    row.row.role,
                    fte_bracketed(row.over_under.unwrap_or_default()),
                    LessInPostAndAgency.formula(),
                    fte_bracketed(LessInPostAndAgency.apply(row).unwrap_or_default()),
                );
                if second_fit.is_some() {
                    message.push_str(&format!(
                        " and {} gives {}",
                        LessInPostAgencyAndVacant.formula(),
                        fte_bracketed(LessInPostAgencyAndVacant.apply(row).unwrap_or_default())
                    ));
                }
                message.push('.');
                findings.push(Finding::warn(Some(row.row.line), message));
            }
            _ => {}
        }
    }
    match (first.is_empty(), second.is_empty()) {
        (false, false) => findings.push(Finding::warn(
            None,
            format!(
                "The table mixes the two ways of working out (over)/under: {} {} {}, but {} {} {}.",
                list(&first),
                follow(&first),
                LessInPostAndAgency.formula(),
                list(&second),
                follow(&second),
                LessInPostAgencyAndVacant.formula()
            ),
        )),
        (false, true) if findings.is_empty() => {
            findings.push(Finding::pass(format!("Every (over)/under figure is {}.", LessInPostAndAgency.formula())))
        }
        (true, false) if findings.is_empty() => findings
            .push(Finding::pass(format!("Every (over)/under figure is {}.", LessInPostAgencyAndVacant.formula()))),
        _ => {}
    }
    findings
}

fn negative_figures(rows: &[Figures]) -> Vec<Finding> {
    rows.iter()
        .flat_map(|row| {
            [Field::Establishment, Field::Permanent, Field::Agency, Field::Vacant].into_iter().filter_map(
                move |field| {
                    let value = row.get(field)?;
                    (value < 0.0).then(|| {
                        Finding::warn(
                            Some(row.row.line),
                            format!(
                                "{}: {} is negative ({}); FTE cannot be below zero.",
                                row.row.role,
                                field.label(),
                                fte_bracketed(value)
                            ),
                        )
                    })
                },
            )
        })
        .collect()
}

/// With negative figures a rate can pass 100%; say so for the rate, not only the figure.
fn impossible_rates(rows: &[Figures]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in rows {
        for (name, part) in [("vacancy rate", row.vacant), ("agency rate", row.agency)] {
            let (Some(part), Some(permanent)) = (part, row.permanent) else { continue };
            let whole = part + permanent;
            if whole > 0.0 && (part / whole > 1.0 + 1e-9 || part < 0.0) {
                findings.push(Finding::warn(
                    Some(row.row.line),
                    format!("{}: the {name} works out outside 0% to 100%, because of a negative figure.", row.row.role),
                ));
            }
        }
    }
    findings
}

fn repeated_roles(table: &EstablishmentTable) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let earlier = table.rows[..i].iter().find(|r| key(&r.role) == key(&row.role));
        if let Some(first) = earlier {
            findings.push(Finding::warn(
                Some(row.line),
                format!(
                    "{} is listed twice (rows {} and {}); both are counted in the totals.",
                    row.role, first.line, row.line
                ),
            ));
        }
    }
    findings
}

fn follow(names: &[&String]) -> &'static str {
    if names.len() == 1 {
        "follows"
    } else {
        "follow"
    }
}

fn list(names: &[&String]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).clone(),
        [rest @ .., last] => format!("{} and {last}", rest.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
    }
}
