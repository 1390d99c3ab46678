//! Scenarios: where the workforce is heading on stated assumptions, and what converting agency
//! workers to permanent posts would do to the agency rate and the budget.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::format::{decimal, fte, rate};
use crate::engine::metrics::money::{agency_premium, AgencyCharge, WorkingYear};
use crate::engine::metrics::pipeline::{convert_agency, project, ProjectionInputs};

/// Turnover to assume until the officer gives their own: England's children's social workers,
/// 30 September 2025 (`../shared/domain.md`, "England comparators").
const ENGLAND_TURNOVER_PERCENT: f64 = 11.8;

#[derive(Properties, PartialEq)]
pub struct ScenariosPanelProps {
    pub establishment: f64,
    pub permanent: f64,
    pub agency: f64,
}

#[derive(Clone, PartialEq)]
struct Assumptions {
    turnover_percent: f64,
    recruits: f64,
    pipeline: f64,
    convert: f64,
    day_rate: f64,
    salary: f64,
    on_costs_percent: f64,
}

#[function_component(ScenariosPanel)]
pub fn scenarios_panel(props: &ScenariosPanelProps) -> Html {
    // Recruits default to replacing leavers, so the projection starts flat until changed.
    let steady_recruits = (props.permanent * ENGLAND_TURNOVER_PERCENT / 100.0 * 10.0).round() / 10.0;
    let assumptions = use_state(|| Assumptions {
        turnover_percent: ENGLAND_TURNOVER_PERCENT,
        recruits: steady_recruits,
        pipeline: 0.0,
        convert: 0.0,
        day_rate: 400.0,
        salary: 45_000.0,
        on_costs_percent: 30.0,
    });
    let a = (*assumptions).clone();
    let input = |id: &'static str, label: &'static str, value: f64, set: fn(&mut Assumptions, f64)| {
        let assumptions = assumptions.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Ok(v) = e.target_unchecked_into::<HtmlInputElement>().value().trim().parse::<f64>() {
                if v.is_finite() && v >= 0.0 {
                    let mut next = (*assumptions).clone();
                    set(&mut next, v);
                    assumptions.set(next);
                }
            }
        });
        html! {
            <div class="field inline">
                <label for={id}>{ label }</label>
                <input type="number" id={id} min="0" step="any" inputmode="decimal" value={value.to_string()} {oninput} />
            </div>
        }
    };

    let months = project(
        ProjectionInputs {
            establishment: props.establishment,
            in_post: props.permanent,
            starters_a_year: a.recruits,
            turnover: a.turnover_percent / 100.0,
            pipeline_a_year: a.pipeline,
        },
        36,
    );
    let vacancy_now = if props.establishment > 0.0 {
        Some((props.establishment - props.permanent) / props.establishment)
    } else {
        None
    };
    let premium = agency_premium(
        1.0,
        AgencyCharge::Daily(a.day_rate),
        a.salary,
        a.on_costs_percent / 100.0,
        WorkingYear::default(),
    );
    let conversion = convert_agency(props.agency, props.permanent, a.convert, premium.clone().unwrap_or(0.0));
    let pct = |m: Option<f64>| m.map_or("n/a".to_owned(), rate);
    let money = |v: f64| format!("{}£{}", if v < 0.0 { "−" } else { "" }, decimal(v.abs(), 0));

    html! {
        <section class="scenarios" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{ "Scenarios" }</h2>
            <p class="hint">{ format!(
                "From the current table: establishment {} FTE, {} FTE permanent, {} FTE agency. Change the assumptions to see the effect.",
                fte(props.establishment), fte(props.permanent), fte(props.agency)
            ) }</p>
            <h3>{ "Projection" }</h3>
            { input("turnover", "Turnover a year (%)", a.turnover_percent, |s, v| s.turnover_percent = v) }
            { input("recruits", "Recruits a year (FTE)", a.recruits, |s, v| s.recruits = v) }
            { input("pipeline", "Newly qualified and other pipeline joiners a year (FTE)", a.pipeline, |s, v| s.pipeline = v) }
            <table class="panel-table projection">
                <caption>{ "Permanent staff in post and vacancy rate" }</caption>
                <thead><tr><th scope="col">{ "When" }</th><th scope="col">{ "In post (FTE)" }</th><th scope="col">{ "Vacancy rate" }</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{ "Now" }</th><td>{ fte(props.permanent) }</td><td>{ pct(vacancy_now) }</td></tr>
                    { for months.iter().filter(|m| m.month % 12 == 0).map(|m| html! {
                        <tr>
                            <th scope="row">{ format!("In {} months", m.month) }</th>
                            <td>{ fte(m.in_post_fte) }</td>
                            <td>{ pct(m.vacancy_rate.clone().ok()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="hint">{ format!("Assumes England's turnover of {ENGLAND_TURNOVER_PERCENT}% (30 September 2025) until you change it; posts beyond the establishment are not filled.") }</p>
            <h3>{ "Converting agency workers to permanent posts" }</h3>
            { input("convert", "Agency workers to convert (FTE)", a.convert, |s, v| s.convert = v) }
            { input("day-rate", "Agency day rate (£)", a.day_rate, |s, v| s.day_rate = v) }
            { input("salary", "Permanent salary (£ a year)", a.salary, |s, v| s.salary = v) }
            { input("on-costs", "Employer's on-costs (% of salary)", a.on_costs_percent, |s, v| s.on_costs_percent = v) }
            <dl class="staff-facts" id="conversion">
                <div><dt>{ "Agency rate" }</dt><dd>{ format!("{} now, {} after", pct(conversion.agency_rate_before.clone().ok()), pct(conversion.agency_rate_after.clone().ok())) }</dd></div>
                <div><dt>{ "Yearly saving" }</dt><dd>{ conversion.yearly_saving.clone().map_or("n/a".to_owned(), money) }</dd></div>
                <div><dt>{ "Agency premium for one FTE" }</dt><dd>{ premium.map_or("n/a".to_owned(), |p| format!("{} a year", money(p))) }</dd></div>
            </dl>
            <p class="hint">{ format!("A year is {} paid days of {} hours.", decimal(WorkingYear::default().days, 0), decimal(WorkingYear::default().hours_per_day, 1)) }</p>
        </section>
    }
}
