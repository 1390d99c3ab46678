//! Staff list: who is in post at a date, who started and left in the year to it, turnover,
//! age profile and caseload, from a staff list the officer loaded. The figures are the
//! report's own (`TableFacts`), worked out once when the list or the date changes.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::format::{counted, decimal, fte, rate, sentence_start};
use crate::engine::metrics::staff::InPost;
use crate::engine::metrics::Measure;
use crate::engine::model::{Date, Definitions};
use crate::engine::report::facts::TableFacts;
use crate::ui::state::FieldError;
use crate::ui::store::Shared;

#[derive(Properties, PartialEq)]
pub struct StaffPanelProps {
    pub facts: Shared<TableFacts>,
    pub on_date: Callback<Date>,
    /// The definitions the figures follow, chosen for the report.
    pub definitions: Definitions,
    pub on_definitions: Callback<Definitions>,
    /// A date that cannot be used, for the error summary.
    pub on_problems: Callback<Vec<FieldError>>,
}

/// Said when the date is not a whole date (the browser gives no value until it is).
const NOT_A_DATE: &str = "Enter the date to take the figures at, with a day, month and year, such as 30/09/2025";

#[function_component(StaffPanel)]
pub fn staff_panel(props: &StaffPanelProps) -> Html {
    let unusable = use_state(|| false);
    let onchange = {
        let (cb, unusable) = (props.on_date.clone(), unusable.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let parts: Vec<&str> = value.split('-').collect();
            let date = match parts[..] {
                [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
                    (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
                    _ => None,
                },
                _ => None,
            };
            unusable.set(date.is_none());
            if let Some(date) = date {
                cb.emit(date);
            }
        })
    };
    {
        let on_problems = props.on_problems.clone();
        use_effect_with(*unusable, move |unusable| {
            let found = if *unusable {
                vec![FieldError { field: "staff-date".into(), message: NOT_A_DATE.into() }]
            } else {
                Vec::new()
            };
            on_problems.emit(found);
            // Gone with the panel.
            move || on_problems.emit(Vec::new())
        });
    }
    let (source, figures, why) = match &props.facts.staff {
        Some(Ok((source, figures))) => (source.as_str(), Some(figures), None),
        Some(Err(why)) => ("The staff list", None, Some(why.as_str())),
        None => return Html::default(),
    };
    let d = figures.map(|f| f.reference_date);
    let iso = d.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)).unwrap_or_default();
    let percent = |m: &Measure| m.as_ref().map_or("n/a".to_owned(), |v| rate(*v));
    let on_definitions = {
        let cb = props.on_definitions.clone();
        Callback::from(move |e: Event| {
            let at: usize = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0);
            cb.emit(Definitions::ALL.get(at).copied().unwrap_or_default());
        })
    };
    html! {
        <section class="staff-panel" aria-labelledby="staff-heading">
            <h2 id="staff-heading">{ "Staff list" }</h2>
            if let Some(f) = figures {
                <p class="hint">{ format!("{}: {}.", sentence_start(source), counted(f.people, "person", "people")) }</p>
            }
            <div class={classes!("field", unusable.then_some("has-error"))}>
                <label for="staff-date">{ "Figures at" }</label>
                if *unusable {
                    <p class="error-message" id="staff-date-error">
                        <span class="visually-hidden">{ "Error: " }</span>{ NOT_A_DATE }
                    </p>
                }
                <input type="date" id="staff-date" value={iso} {onchange} aria-invalid={unusable.to_string()}
                    aria-describedby={unusable.then_some("staff-date-error")} />
            </div>
            <div class="field">
                <label for="staff-definitions">{ "Definitions" }</label>
                <select id="staff-definitions" onchange={on_definitions} aria-describedby="staff-definitions-hint">
                    { for Definitions::ALL.iter().enumerate().map(|(at, d)| html! {
                        <option value={at.to_string()} selected={*d == props.definitions}>{ d.label() }</option>
                    }) }
                </select>
                <p class="hint" id="staff-definitions-hint">{ props.definitions.note() }</p>
            </div>
            if let Some(f) = figures {
                <table class="panel-table staff-figures">
                    <caption>{ format!("At {}, and the year from {}", f.reference_date, f.year_from) }</caption>
                    <thead><tr><th scope="col">{ "Measure" }</th><th scope="col">{ "FTE" }</th><th scope="col">{ "People" }</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{ "In post (directly employed)" }</th><td>{ fte(f.in_post_fte) }</td><td>{ f.in_post_headcount }</td></tr>
                        <tr><th scope="row">{ "Agency workers in post" }</th><td>{ fte(f.agency_fte) }</td><td>{ f.agency_headcount }</td></tr>
                        if f.definitions == Definitions::AdultSkillsForCare {
                            <tr><th scope="row">{ "Bank, pool and other indirectly employed" }</th><td>{ fte(f.indirect_fte) }</td><td>{ f.indirect_headcount }</td></tr>
                        }
                        <tr><th scope="row">{ "Starters in the year" }</th><td>{ fte(f.starters_fte) }</td><td>{ f.starters_headcount }</td></tr>
                        <tr><th scope="row">{ "Leavers in the year" }</th><td>{ fte(f.leavers_fte) }</td><td>{ f.leavers_headcount }</td></tr>
                        <tr><th scope="row">{ "Turnover" }</th><td>{ percent(&f.turnover_fte) }</td><td>{ percent(&f.turnover_headcount) }</td></tr>
                    </tbody>
                </table>
                <dl class="staff-facts">
                    <div><dt>{ "Aged 55 and over" }</dt><dd>{ percent(&f.aged_55_and_over) }
                        { if f.age_unknown > 0 { format!(" (age not known for {})", f.age_unknown) } else { String::new() } }</dd></div>
                    <div><dt>{ "Average caseload" }</dt><dd>{ f.caseload.as_ref().map_or("not in this list".to_owned(), |c| decimal(*c, 1)) }</dd></div>
                    <div><dt>{ "Leavers by reason" }</dt><dd>{ counts(&f.leavers_by_reason) }</dd></div>
                    <div><dt>{ "Age profile" }</dt><dd>{ counts(&f.age_bands) }</dd></div>
                    <div><dt>{ "Years of service" }</dt><dd>{ counts(&f.service_bands) }</dd></div>
                </dl>
                                { in_post_table("by-role", "In post by role", "Role", &f.by_role) }
                { in_post_table("by-team", "In post by team", "Team", &f.by_team) }
                if !f.gaps.is_empty() {
                    <ul class="table-notes">{ for f.gaps.iter().map(|g| html! { <li>{ g.clone() }</li> }) }</ul>
                }
            } else {
                <p>{ format!("{}. Choose the date to take the figures at.", sentence_start(why.unwrap_or_default()).trim_end_matches('.')) }</p>
            }
        </section>
    }
}

fn in_post_table(class: &'static str, caption: &str, first: &str, groups: &[InPost]) -> Html {
    html! {
        <table class={classes!("panel-table", class)}>
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ first }</th><th scope="col">{ "Employed (FTE)" }</th>
                <th scope="col">{ "Agency (FTE)" }</th><th scope="col">{ "People" }</th>
            </tr></thead>
            <tbody>{ for groups.iter().map(|g| html! { <tr>
                <th scope="row">{ g.name.clone() }</th><td>{ fte(g.employed_fte) }</td>
                <td>{ fte(g.agency_fte) }</td><td>{ g.headcount }</td>
            </tr> }) }</tbody>
        </table>
    }
}

fn counts(rows: &[(String, usize)]) -> String {
    if rows.is_empty() {
        return "none".into();
    }
    rows.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join("; ")
}
