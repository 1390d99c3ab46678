//! Scenarios: where the workforce is heading on stated assumptions, and what converting agency
//! workers to permanent posts would do to the agency rate and the budget.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::format::{decimal, fte, rate, sentence_start};
use crate::engine::metrics::money::WorkingYear;
use crate::engine::metrics::pipeline::scenario_outcome;
use crate::engine::model::{Scenario, ENGLAND_TURNOVER_PERCENT};
use crate::ui::state::FieldError;

#[derive(Properties, PartialEq)]
pub struct ScenariosPanelProps {
    pub establishment: f64,
    pub permanent: f64,
    pub agency: f64,
    /// The assumptions, saved with the report: its live figures use them too.
    pub scenario: Scenario,
    pub on_change: Callback<Scenario>,
    /// The assumptions that cannot be used as typed, for the error summary.
    pub on_problems: Callback<Vec<FieldError>>,
}

/// One assumption's field: its id, label, what it is in a sentence, and an example value.
struct Assumption {
    id: &'static str,
    label: &'static str,
    what: &'static str,
    example: &'static str,
}

#[function_component(ScenariosPanel)]
pub fn scenarios_panel(props: &ScenariosPanelProps) -> Html {
    let a = props.scenario.clone();
    // Recruits default to replacing leavers, so the projection starts flat until changed.
    let outcome = scenario_outcome(&a, props.establishment, props.permanent, props.agency);
    // What the officer typed where it cannot be used, by field: shown as typed, with why.
    // In the order the fields are on the page, as the error summary lists them.
    let unusable = use_state(Vec::<(&'static str, String)>::new);
    let typed_in = |id: &str| unusable.iter().find(|(at, _)| *at == id).map(|(_, typed)| typed.clone());
    let problems: Vec<FieldError> = ASSUMPTIONS
        .iter()
        .filter_map(|field| {
            let typed = typed_in(field.id)?;
            Some(FieldError { field: field.id.to_owned(), message: figure(field, &typed).err()? })
        })
        .collect();
    {
        let on_problems = props.on_problems.clone();
        use_effect_with(problems.clone(), move |problems| {
            on_problems.emit(problems.clone());
            // Gone with the panel.
            move || on_problems.emit(Vec::new())
        });
    }
    let input = |id: &'static str, value: f64, set: fn(&mut Scenario, f64)| {
        let Some(field) = ASSUMPTIONS.iter().find(|f| f.id == id) else { return Html::default() };
        let shown = typed_in(id).unwrap_or_else(|| value.to_string());
        let (assumptions, on_change, unusable) = (a.clone(), props.on_change.clone(), unusable.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut now = (*unusable).clone();
            now.retain(|(at, _)| *at != id);
            match figure(field, &typed) {
                Ok(v) => {
                    let mut next = assumptions.clone();
                    set(&mut next, v);
                    on_change.emit(next);
                }
                Err(_) => now.push((id, typed)),
            }
            unusable.set(now);
        });
        let error = problems.iter().find(|p| p.field == id).map(|p| p.message.clone());
        let error_id = format!("{id}-error");
        html! {
            <div class={classes!("field", "inline", error.is_some().then_some("has-error"))}>
                <label for={id}>{ field.label }</label>
                if let Some(error) = &error {
                    <p class="error-message" id={error_id.clone()}>
                        <span class="visually-hidden">{ "Error: " }</span>{ error.clone() }
                    </p>
                }
                // Text with a decimal keypad rather than type="number", which throws away what
                // it cannot read (GOV.UK's advice), so the officer is told instead.
                <input type="text" id={id} inputmode="decimal" spellcheck="false"
                    value={shown}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.is_some().then_some(error_id)} {oninput} />
            </div>
        }
    };

    let months = &outcome.months;
    let vacancy_now = if props.establishment > 0.0 {
        Some((props.establishment - props.permanent) / props.establishment)
    } else {
        None
    };
    let (premium, conversion) = (outcome.premium.clone(), outcome.conversion.clone());
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
            { input("turnover", a.turnover_percent, |s, v| s.turnover_percent = v) }
            { input("recruits", outcome.recruits, |s, v| s.recruits = Some(v)) }
            { input("pipeline", a.pipeline, |s, v| s.pipeline = v) }
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
            { input("convert", a.convert, |s, v| s.convert = v) }
            { input("day-rate", a.day_rate, |s, v| s.day_rate = v) }
            { input("salary", a.salary, |s, v| s.salary = v) }
            { input("on-costs", a.on_costs_percent, |s, v| s.on_costs_percent = v) }
            <dl class="staff-facts" id="conversion">
                <div><dt>{ "Agency rate" }</dt><dd>{ format!("{} now, {} after", pct(conversion.agency_rate_before.clone().ok()), pct(conversion.agency_rate_after.clone().ok())) }</dd></div>
                <div><dt>{ "Yearly saving" }</dt><dd>{ conversion.yearly_saving.clone().map_or("n/a".to_owned(), money) }</dd></div>
                <div><dt>{ "Agency premium for one FTE" }</dt><dd>{ premium.map_or("n/a".to_owned(), |p| format!("{} a year", money(p))) }</dd></div>
            </dl>
            <p class="hint">{ format!("A year is {} paid days of {} hours.", decimal(WorkingYear::default().days, 0), decimal(WorkingYear::default().hours_per_day, 1)) }</p>
        </section>
    }
}

static ASSUMPTIONS: [Assumption; 7] = [
    Assumption { id: "turnover", label: "Turnover a year (%)", what: "turnover a year", example: "11.8" },
    Assumption { id: "recruits", label: "Recruits a year (FTE)", what: "recruits a year", example: "12" },
    Assumption {
        id: "pipeline",
        label: "Newly qualified and other pipeline joiners a year (FTE)",
        what: "pipeline joiners a year",
        example: "4",
    },
    Assumption {
        id: "convert",
        label: "Agency workers to convert (FTE)",
        what: "agency workers to convert",
        example: "6",
    },
    Assumption { id: "day-rate", label: "Agency day rate (£)", what: "the agency day rate", example: "400" },
    Assumption { id: "salary", label: "Permanent salary (£ a year)", what: "the permanent salary", example: "45,000" },
    Assumption {
        id: "on-costs",
        label: "Employer's on-costs (% of salary)",
        what: "the employer's on-costs",
        example: "30",
    },
];

/// A figure as officers type it ("45,000", "£400" and "11.8%" are numbers too), or why it
/// cannot be used, in GOV.UK's words for a number field.
fn figure(field: &Assumption, typed: &str) -> Result<f64, String> {
    let plain: String =
        typed.trim().trim_start_matches('£').trim_end_matches('%').chars().filter(|c| *c != ',').collect();
    match plain.trim().parse::<f64>() {
        _ if typed.trim().is_empty() => Err(format!("Enter {}, such as {}", field.what, field.example)),
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(v) if v < 0.0 => Err(format!("{} must be 0 or more", sentence_start(field.what))),
        _ => Err(format!("{} must be a number, such as {}", sentence_start(field.what), field.example)),
    }
}
