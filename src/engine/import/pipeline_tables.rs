//! Reading cohort, recruitment and budget tables by their headings: a label column and the
//! figures each kind needs. A cell that holds no number is "no value", never 0.

use super::grid::GridRow;
use super::headings::key;
use super::number::read_entry;
use super::{Problem, ProblemKind};
use crate::engine::model::TableKind;
use crate::engine::model::{BudgetRow, CampaignRow, CohortRow, Entry};

/// Finds the heading row holding every required column, then reads a label and figures per row.
fn read<T>(
    rows: &[GridRow],
    columns: &[(&[&str], bool)],
    kind: TableKind,
    make: impl Fn(usize, String, Vec<Option<f64>>) -> T,
) -> Result<Vec<T>, Vec<Problem>> {
    let find = |row: &GridRow, names: &[&str]| {
        row.cells.iter().position(|c| {
            let k = key(c);
            names.iter().any(|n| k == *n)
        })
    };
    let Some((index, positions)) = rows.iter().take(30).enumerate().find_map(|(i, row)| {
        let positions: Vec<Option<usize>> = columns.iter().map(|(names, _)| find(row, names)).collect();
        columns.iter().zip(&positions).all(|((_, required), p)| !required || p.is_some()).then_some((i, positions))
    }) else {
        return Err(vec![Problem::whole(ProblemKind::NoHeader(kind))]);
    };
    let header = &rows[index];
    let label = positions[0].unwrap_or(0);
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for row in &rows[index + 1..] {
        let name = row.cells.get(label).map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
        if name.is_empty() || row.is_blank() || matches!(key(&name).as_str(), "total" | "totals") {
            continue;
        }
        let figures = positions[1..]
            .iter()
            .map(|p| {
                let i = (*p)?;
                let text = row.cells.get(i).map(|c| c.trim()).unwrap_or("");
                match read_entry(text) {
                    Ok(Entry::Number(v)) => Some(v),
                    Ok(Entry::NoValue(_)) => None,
                    Err(_) => {
                        problems.push(Problem::at(
                            row.line,
                            i,
                            header.cells[i].trim(),
                            ProblemKind::NotANumber { cell: text.to_owned() },
                        ));
                        None
                    }
                }
            })
            .collect();
        out.push(make(row.line, name, figures));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Programme, started, completed, still employed.
pub fn read_cohorts(rows: &[GridRow]) -> Result<Vec<CohortRow>, Vec<Problem>> {
    read(
        rows,
        &[
            (&["programme", "cohort", "scheme", "intake"], true),
            (&["started", "starters", "enrolled", "startedprogramme"], false),
            (&["completed", "qualified", "passed", "completedasye"], true),
            (&["stillemployed", "retained", "stillinpost", "inpost", "remaining"], false),
        ],
        TableKind::Cohort,
        |line, programme, f| CohortRow { line, programme, started: f[0], completed: f[1], still_employed: f[2] },
    )
}

/// Campaign, posts advertised, applications, appointments.
pub fn read_campaigns(rows: &[GridRow]) -> Result<Vec<CampaignRow>, Vec<Problem>> {
    read(
        rows,
        &[
            (&["campaign", "role", "post", "vacancy", "advert"], true),
            (&["posts", "postsadvertised", "vacancies", "advertised"], true),
            (&["applications", "applicants", "applicationsreceived"], true),
            (&["appointments", "appointed", "offers", "hires"], false),
        ],
        TableKind::Recruitment,
        |line, campaign, f| CampaignRow { line, campaign, posts: f[0], applications: f[1], appointments: f[2] },
    )
}

/// Item, budget, spent, and optionally years.
pub fn read_budget(rows: &[GridRow]) -> Result<Vec<BudgetRow>, Vec<Problem>> {
    read(
        rows,
        &[
            (&["item", "budgetline", "line", "area", "description", "programme"], true),
            (&["budget", "allocation", "budgeted"], true),
            (&["spent", "spend", "actual", "actualspend", "outturn"], true),
            (&["years", "yearscovered", "period"], false),
        ],
        TableKind::Budget,
        |line, item, f| BudgetRow { line, item, budget: f[0], spent: f[1], years: f[2] },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::split_text;

    #[test]
    fn cohorts_campaigns_and_budgets_are_read() {
        let cohorts = read_cohorts(&split_text(
            "Programme\tStarted\tCompleted\tStill employed\nASYE 2023\t12\t11\t9\nTotal\t12\t11\t9\n",
        ))
        .unwrap();
        assert_eq!(
            cohorts,
            [CohortRow {
                line: 2,
                programme: "ASYE 2023".into(),
                started: Some(12.0),
                completed: Some(11.0),
                still_employed: Some(9.0)
            }]
        );
        let campaigns = read_campaigns(&split_text(
            "Campaign\tPosts advertised\tApplications\tAppointments\nSpring 2025\t6\t90\t4\n",
        ))
        .unwrap();
        assert_eq!(campaigns[0].applications, Some(90.0));
        let budget =
            read_budget(&split_text("Item\tBudget\tSpent\tYears\nTraining\t£120,000\t£30,000\t3\nBooks\t£500\t-\t\n"))
                .unwrap();
        assert_eq!((budget[0].budget, budget[0].spent, budget[0].years), (Some(120_000.0), Some(30_000.0), Some(3.0)));
        assert_eq!(budget[1].spent, None, "a dash is no value, not 0");
    }

    #[test]
    fn bad_cells_and_missing_headings_say_where() {
        let problems = read_cohorts(&split_text("Programme\tCompleted\nASYE\tten\n")).unwrap_err();
        assert_eq!(problems[0].to_string(), "Row 2, column Completed: 'ten' is not a number.");
        let missing = read_budget(&split_text("Item\tSpent\nA\t1\n")).unwrap_err();
        assert_eq!(missing[0].to_string(), "The headings were not found. Expected an Item column, Budget and Spent.");
    }
}
