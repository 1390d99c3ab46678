//! Cohorts, recruitment campaigns and budgets in the report: a table block for each, and the
//! live figures their totals give (`{applications per post}`, `{share of budget spent}`).
//! Definitions: `../shared/domain.md`, "Pipelines and cohorts" and "Money".

use super::facts::{supporting, Facts};
use super::{caption, source_note, table, Block, Counters, NOT_AVAILABLE};
use crate::engine::format::{count, decimal, money, rate};
use crate::engine::metrics::money::budget;
use crate::engine::metrics::pipeline::{completion, per_post, retention};
use crate::engine::metrics::Measure;
use crate::engine::model::{BudgetRow, CampaignRow, CohortRow};

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| NOT_AVAILABLE.to_owned(), count)
}

fn shown(measure: &Measure, style: impl Fn(f64) -> String) -> String {
    measure.as_ref().map_or_else(|_| NOT_AVAILABLE.to_owned(), |v| style(*v))
}

/// A ratio of two figures a row may lack, as a measure.
fn ratio(a: Option<f64>, b: Option<f64>, of: fn(f64, f64) -> Measure) -> Measure {
    match (a, b) {
        (Some(a), Some(b)) => of(a, b),
        _ => Err(crate::engine::metrics::NotAvailable::NoDenominator),
    }
}

/// "12.4" applications per post: one decimal place, as a rate of people per post.
fn per(value: f64) -> String {
    decimal(value, 1)
}

/// The sum of a column over every row, or which row has no figure in it: a total that left a
/// row out silently would be wrong in print.
fn column_total<R>(
    rows: &[R],
    pick: impl Fn(&R) -> Option<f64>,
    what: &str,
    name: impl Fn(&R) -> &str,
) -> Result<f64, String> {
    let mut sum = 0.0;
    for row in rows {
        sum += pick(row).ok_or_else(|| format!("the {what} figure for “{}” is missing", name(row)))?;
    }
    Ok(sum)
}

pub fn cohort_table(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (source, rows) = cohorts(facts)?;
    let line = |programme: String, started, completed, still: Option<f64>| {
        vec![
            programme,
            num(started),
            num(completed),
            num(still),
            shown(&ratio(completed, started, completion), rate),
            shown(&ratio(still, completed, retention), rate),
        ]
    };
    let body = rows.iter().map(|r| line(r.programme.clone(), r.started, r.completed, r.still_employed)).collect();
    let mut t = table(
        caption(counters, "Programme cohorts: completion and retention".into(), title),
        &["Programme", "Started", "Completed", "Still employed", "Completion", "Retention"],
        body,
        vec!["Completion = completed ÷ started; retention = still employed ÷ completed.".into(), source_note(source)],
    );
    if rows.len() > 1 {
        let sum = |pick: fn(&CohortRow) -> Option<f64>| column_total(rows, pick, "", |r| &r.programme).ok();
        t.total = Some(line("Total".into(), sum(|r| r.started), sum(|r| r.completed), sum(|r| r.still_employed)));
    }
    Ok(vec![Block::Table(t)])
}

pub fn recruitment_table(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (source, rows) = campaigns(facts)?;
    let line = |campaign: String, posts: Option<f64>, applications, appointments| {
        vec![
            campaign,
            num(posts),
            num(applications),
            num(appointments),
            shown(&ratio(applications, posts, per_post), per),
            shown(&ratio(appointments, posts, per_post), per),
        ]
    };
    let body = rows.iter().map(|r| line(r.campaign.clone(), r.posts, r.applications, r.appointments)).collect();
    let mut t = table(
        caption(counters, "Recruitment campaigns: applications and appointments".into(), title),
        &[
            "Campaign",
            "Posts advertised",
            "Applications",
            "Appointments",
            "Applications per post",
            "Appointments per post",
        ],
        body,
        vec![
            "Applications per post = applications ÷ posts advertised; appointments per post likewise.".into(),
            source_note(source),
        ],
    );
    if rows.len() > 1 {
        let sum = |pick: fn(&CampaignRow) -> Option<f64>| column_total(rows, pick, "", |r| &r.campaign).ok();
        t.total = Some(line("Total".into(), sum(|r| r.posts), sum(|r| r.applications), sum(|r| r.appointments)));
    }
    Ok(vec![Block::Table(t)])
}

pub fn budget_table(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (source, rows) = budgets(facts)?;
    // A "Per year" column only where a line covers more than one year.
    let years_shown = rows.iter().any(|r| r.years.is_some_and(|y| y != 1.0));
    let line = |item: String, total: Option<f64>, spent: Option<f64>, years: Option<f64>| {
        let figures = total.zip(spent).map(|(b, s)| budget(b, s, years.unwrap_or(1.0)));
        let mut cells = vec![
            item,
            total.map_or(NOT_AVAILABLE.to_owned(), money),
            spent.map_or(NOT_AVAILABLE.to_owned(), money),
            figures.as_ref().map_or(NOT_AVAILABLE.to_owned(), |f| money(f.remaining)),
            figures.as_ref().map_or(NOT_AVAILABLE.to_owned(), |f| shown(&f.share_spent, rate)),
        ];
        if years_shown {
            cells.push(figures.as_ref().map_or(NOT_AVAILABLE.to_owned(), |f| shown(&f.per_year, money)));
        }
        cells
    };
    let body = rows.iter().map(|r| line(r.item.clone(), r.budget, r.spent, r.years)).collect();
    let mut header = vec!["Item", "Budget", "Spent", "Remaining", "Spent (%)"];
    let mut notes = vec![format!("Remaining = budget − spent. {}", source_note(source))];
    if years_shown {
        header.push("Budget per year");
        notes.insert(0, "Budget per year = budget ÷ the years it covers.".into());
    }
    let mut t = table(caption(counters, "Budgets: spent and remaining".into(), title), &header, body, notes);
    if rows.len() > 1 {
        let sum = |pick: fn(&BudgetRow) -> Option<f64>| column_total(rows, pick, "", |r| &r.item).ok();
        let mut total = line("Total".into(), sum(|r| r.budget), sum(|r| r.spent), None);
        if years_shown {
            // Lines over different spans do not add up to one yearly figure.
            *total.last_mut().expect("a per-year cell") = String::new();
        }
        t.total = Some(total);
    }
    Ok(vec![Block::Table(t)])
}

/// Each kind's rows with their source line, or why the report has none.
fn campaigns<'f>(facts: &'f Facts) -> Result<(&'f str, &'f [CampaignRow]), String> {
    supporting(&facts.tables.campaigns, &facts.missing("no recruitment campaign table has been added"))
        .map(|(source, rows)| (source, rows.as_slice()))
}

fn cohorts<'f>(facts: &'f Facts) -> Result<(&'f str, &'f [CohortRow]), String> {
    supporting(&facts.tables.cohorts, &facts.missing("no cohort table has been added"))
        .map(|(source, rows)| (source, rows.as_slice()))
}

fn budgets<'f>(facts: &'f Facts) -> Result<(&'f str, &'f [BudgetRow]), String> {
    supporting(&facts.tables.budget, &facts.missing("no budget table has been added"))
        .map(|(source, rows)| (source, rows.as_slice()))
}

/// What a live figure about campaigns, cohorts or budgets adds up.
#[derive(Clone, Copy)]
pub enum Total {
    Posts,
    Applications,
    Appointments,
    ApplicationsPerPost,
    AppointmentsPerPost,
    Started,
    Completed,
    StillEmployed,
    Completion,
    Retention,
    Budget,
    Spent,
    Remaining,
    ShareSpent,
}

/// A live figure over every row of its table: `{applications per post}` is all applications
/// over all posts advertised, not an average of each campaign's.
pub fn total(facts: &Facts, which: Total) -> Result<String, String> {
    use Total::*;
    let campaign = |pick: fn(&CampaignRow) -> Option<f64>, what| {
        campaigns(facts).and_then(|(_, rows)| column_total(rows, pick, what, |r| &r.campaign))
    };
    let cohort = |pick: fn(&CohortRow) -> Option<f64>, what| {
        cohorts(facts).and_then(|(_, rows)| column_total(rows, pick, what, |r| &r.programme))
    };
    let money_in = |pick: fn(&BudgetRow) -> Option<f64>, what| {
        budgets(facts).and_then(|(_, rows)| column_total(rows, pick, what, |r| &r.item))
    };
    let share = |m: Measure| m.map_err(|why| why.to_string());
    let posts = || campaign(|r| r.posts, "posts advertised");
    let applications = || campaign(|r| r.applications, "applications");
    let appointments = || campaign(|r| r.appointments, "appointments");
    let completed = || cohort(|r| r.completed, "completed");
    let spent = || money_in(|r| r.spent, "spent");
    let whole = || money_in(|r| r.budget, "budget");
    Ok(match which {
        Posts => count(posts()?),
        Applications => count(applications()?),
        Appointments => count(appointments()?),
        ApplicationsPerPost => per(share(per_post(applications()?, posts()?))?),
        AppointmentsPerPost => per(share(per_post(appointments()?, posts()?))?),
        Started => count(cohort(|r| r.started, "started")?),
        Completed => count(completed()?),
        StillEmployed => count(cohort(|r| r.still_employed, "still employed")?),
        Completion => rate(share(completion(completed()?, cohort(|r| r.started, "started")?))?),
        Retention => rate(share(retention(cohort(|r| r.still_employed, "still employed")?, completed()?))?),
        Budget => money(whole()?),
        Spent => money(spent()?),
        Remaining => money(budget(whole()?, spent()?, 1.0).remaining),
        ShareSpent => rate(share(budget(whole()?, spent()?, 1.0).share_spent)?),
    })
}
