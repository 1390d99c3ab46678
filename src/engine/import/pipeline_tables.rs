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
    let enough = |found: &[Option<usize>]| columns.iter().zip(found).all(|((_, required), p)| !required || p.is_some());
    read_when(rows, columns, &enough, kind, make)
}

/// As [`read`], with the heading row found where `enough` says its columns are.
fn read_when<T>(
    rows: &[GridRow],
    columns: &[(&[&str], bool)],
    enough: &dyn Fn(&[Option<usize>]) -> bool,
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
        (positions[0].is_some() && enough(&positions)).then_some((i, positions))
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

/// Item and any two of budget, spent and remaining (the third worked out from them), and
/// optionally the years the budget covers.
pub fn read_budget(rows: &[GridRow]) -> Result<Vec<BudgetRow>, Vec<Problem>> {
    let two_of_three = |found: &[Option<usize>]| found[1..4].iter().filter(|p| p.is_some()).count() >= 2;
    read_when(
        rows,
        &[
            (&["item", "budgetline", "line", "area", "description", "programme", "service", "budgetheading"], true),
            (&["budget", "allocation", "budgeted", "annualbudget", "totalbudget"], false),
            (&["spent", "spend", "actual", "actualspend", "outturn", "spenttodate", "committed"], false),
            (&["remaining", "balance", "available", "left", "remainingbudget", "unspent"], false),
            (&["years", "yearscovered", "period"], false),
        ],
        &two_of_three,
        TableKind::Budget,
        |line, item, f| {
            let (budget, spent) = match (f[0], f[1], f[2]) {
                (Some(b), Some(s), _) => (Some(b), Some(s)),
                (Some(b), None, Some(r)) => (Some(b), Some(b - r)),
                (None, Some(s), Some(r)) => (Some(s + r), Some(s)),
                (b, s, _) => (b, s),
            };
            BudgetRow { line, item, budget, spent, years: f[3] }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::split_text;

    #[test]
    fn a_budget_is_read_from_any_two_of_budget_spent_and_remaining() {
        let cases = [
            "Item\tBudget\tSpent\nTraining\t£10,000\t£4,000\n",
            "Item\tBudget\tRemaining\nTraining\t£10,000\t£6,000\n",
            "Item\tSpent\tRemaining\nTraining\t£4,000\t£6,000\n",
            "Item\tBudget\tSpent\tRemaining\nTraining\t£10,000\t£4,000\t£6,000\n",
        ];
        for text in cases {
            let rows = read_budget(&split_text(text)).unwrap_or_else(|p| panic!("{text:?}: {p:?}"));
            assert_eq!((rows[0].budget, rows[0].spent), (Some(10_000.0), Some(4_000.0)), "{text:?}");
        }
        let one = read_budget(&split_text("Item\tBudget\nTraining\t£10,000\n")).unwrap_err();
        assert_eq!(one[0].kind, ProblemKind::NoHeader(TableKind::Budget), "one of the three is not enough");
    }

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
        assert_eq!(
            missing[0].to_string(),
            "The headings were not found. Expected an Item column and two of Budget, Spent and Remaining."
        );
    }
}
