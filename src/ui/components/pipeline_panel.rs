//! Cohorts, recruitment and budgets: retention and completion of programme cohorts,
//! applications and appointments per post, and how much of each budget is spent.

use yew::prelude::*;

use crate::engine::format::{count, decimal, money, rate};
use crate::engine::metrics::money::budget;
use crate::engine::metrics::pipeline::{completion, per_post, retention};
use crate::engine::metrics::Measure;
use crate::ui::state::PipelineTables;

#[derive(Properties, PartialEq)]
pub struct PipelinePanelProps {
    pub tables: PipelineTables,
}

#[function_component(PipelinePanel)]
pub fn pipeline_panel(props: &PipelinePanelProps) -> Html {
    let t = &props.tables;
    if t.cohorts.is_none() && t.campaigns.is_none() && t.budget.is_none() {
        return Html::default();
    }
    let pct = |m: Measure| m.map_or("n/a".to_owned(), rate);
    let num = |v: Option<f64>| v.map_or("n/a".to_owned(), count);
    let both = |a: Option<f64>, b: Option<f64>, f: fn(f64, f64) -> Measure| match (a, b) {
        (Some(a), Some(b)) => f(a, b),
        _ => Err(crate::engine::metrics::NotAvailable::NoDenominator),
    };
    let pounds = |v: Option<f64>| v.map_or("n/a".to_owned(), money);
    html! {
        <section class="pipeline" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{ "Cohorts, recruitment and budgets" }</h2>
            if let Some((source, rows)) = &t.cohorts {
                <table class="panel-table cohorts">
                    <caption>{ format!("Cohorts ({source})") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Programme" }</th><th scope="col">{ "Started" }</th><th scope="col">{ "Completed" }</th>
                        <th scope="col">{ "Still employed" }</th><th scope="col">{ "Retention" }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! { <tr>
                        <th scope="row">{ r.programme.clone() }</th><td>{ num(r.started) }</td><td>{ num(r.completed) }</td>
                        <td>{ num(r.still_employed) }</td><td>{ pct(both(r.still_employed, r.completed, retention)) }</td>
                    </tr> }) }</tbody>
                </table>
                <p class="hint">{ "Retention = still employed ÷ completed. " }
                    { for rows.iter().filter_map(|r| both(r.completed, r.started, completion).ok().map(|c| format!("{} completion {}. ", r.programme, rate(c)))) }</p>
            }
            if let Some((source, rows)) = &t.campaigns {
                <table class="panel-table campaigns">
                    <caption>{ format!("Recruitment ({source})") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Campaign" }</th><th scope="col">{ "Posts" }</th><th scope="col">{ "Applications per post" }</th>
                        <th scope="col">{ "Appointments per post" }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! { <tr>
                        <th scope="row">{ r.campaign.clone() }</th><td>{ num(r.posts) }</td>
                        <td>{ both(r.applications, r.posts, per_post).map_or("n/a".to_owned(), |v| decimal(v, 1)) }</td>
                        <td>{ both(r.appointments, r.posts, per_post).map_or("n/a".to_owned(), |v| decimal(v, 1)) }</td>
                    </tr> }) }</tbody>
                </table>
            }
            if let Some((source, rows)) = &t.budget {
                <table class="panel-table budget">
                    <caption>{ format!("Budgets ({source})") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Item" }</th><th scope="col">{ "Budget" }</th><th scope="col">{ "Spent" }</th>
                        <th scope="col">{ "Remaining" }</th><th scope="col">{ "Spent (%)" }</th><th scope="col">{ "A year" }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|r| {
                        let figures = match (r.budget, r.spent) {
                            (Some(b), Some(s)) => Some(budget(b, s, r.years.unwrap_or(1.0))),
                            _ => None,
                        };
                        html! { <tr>
                            <th scope="row">{ r.item.clone() }</th><td>{ pounds(r.budget) }</td><td>{ pounds(r.spent) }</td>
                            <td>{ pounds(figures.as_ref().map(|f| f.remaining)) }</td>
                            <td>{ figures.as_ref().map_or("n/a".to_owned(), |f| pct(f.share_spent.clone())) }</td>
                            <td>{ match (&figures, r.years) {
                                (Some(f), Some(_)) => f.per_year.clone().map_or("n/a".to_owned(), money),
                                _ => "—".to_owned(),
                            } }</td>
                        </tr> }
                    }) }</tbody>
                </table>
            }
        </section>
    }
}
