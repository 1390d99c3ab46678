//! Benchmarks: the chosen council's published rates beside England, its region and the mean
//! of its statistical neighbours, with its rank among all councils, from the DfE file loaded.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::format::decimal;
use crate::engine::metrics::benchmark::{benchmark, Measure, Rate, Rates};
use crate::engine::model::Level;
use crate::ui::state::Benchmarks;

#[derive(Properties, PartialEq)]
pub struct BenchmarkPanelProps {
    pub benchmarks: Benchmarks,
    pub on_council: Callback<String>,
    pub on_year: Callback<String>,
}

#[function_component(BenchmarkPanel)]
pub fn benchmark_panel(props: &BenchmarkPanelProps) -> Html {
    let Some(indicators) = props.benchmarks.indicators.clone() else { return Html::default() };
    let latest = indicators.rows.iter().map(|r| r.year.as_str()).max().unwrap_or_default().to_owned();
    let mut councils: Vec<&str> = indicators
        .rows
        .iter()
        .filter(|r| r.level == Level::LocalAuthority && r.year == latest)
        .map(|r| r.name.as_str())
        .collect();
    crate::engine::order::sort(&mut councils);
    let chosen = props.benchmarks.council.clone();
    let onchange = {
        let cb = props.on_council.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let years = chosen
        .as_deref()
        .map(|c| benchmark(&indicators, props.benchmarks.neighbours.as_deref(), c))
        .unwrap_or_default();
    let shown_year = years.iter().find(|y| Some(&y.year) == props.benchmarks.year.as_ref()).or_else(|| years.first());
    let on_year = {
        let cb = props.on_year.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let region = chosen.as_deref().and_then(|c| {
        indicators.rows.iter().find(|r| r.level == Level::LocalAuthority && r.name == c).map(|r| r.region.clone())
    });

    html! {
        <section class="benchmarks" aria-labelledby="benchmarks-heading">
            <h2 id="benchmarks-heading">{ "Benchmarks" }</h2>
            <div class="field">
                <label for="benchmark-council">{ "Council to compare" }</label>
                <select id="benchmark-council" {onchange}>
                    if chosen.is_none() {
                        <option value="" selected=true>{ "Choose a council" }</option>
                    }
                    { for councils.iter().map(|c| html! {
                        <option value={c.to_string()} selected={chosen.as_deref() == Some(*c)}>{ *c }</option>
                    }) }
                </select>
            </div>
            if props.benchmarks.neighbours.is_none() {
                <p class="hint">{ "Load the statistical neighbours file too, to compare with the council's ten closest councils." }</p>
            }
                        if let (Some(council), Some(year)) = (chosen.clone(), shown_year) {
                <div class="field">
                    <label for="benchmark-year">{ "Year to 30 September" }</label>
                    <select id="benchmark-year" onchange={on_year}>
                        { for years.iter().map(|y| html! {
                            <option value={y.year.clone()} selected={y.year == year.year}>{ y.year.clone() }</option>
                        }) }
                    </select>
                </div>
                <table class="benchmark-table">
                    <caption>{ format!("{council}, year to 30 September {}", year.year) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Compared with" }</th>
                            { for Rate::ALL.iter().map(|rate| html! { <th scope="col">{ short_label(*rate) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { row(&council, Some(&year.council)) }
                        { row("England", year.england.as_ref()) }
                        { row(&region.clone().unwrap_or_else(|| "Region".into()), year.region.as_ref()) }
                        { row("Neighbours (mean)", year.neighbours.as_ref().map(|(r, _)| r)) }
                        <tr class="rank-row">
                            <th scope="row">{ "Rank of all councils (1 = lowest)" }</th>
                            { for year.rank.iter().map(|r| html! { <td>{ r.map_or("n/a".to_owned(), |(n, of)| format!("{n} of {of}")) }</td> }) }
                        </tr>
                    </tbody>
                </table>
                <p class="hint">{ "Source: Department for Education, children's social work workforce statistics, as loaded. Rates are as published." }</p>
            }
        </section>
    }
}

fn row(name: &str, rates: Option<&Rates>) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            { for Rate::ALL.iter().map(|&rate| html! {
                <td>{ rates.map_or("n/a".to_owned(), |r| shown(rate, &r.published(rate))) }</td>
            }) }
        </tr>
    }
}

fn short_label(rate: Rate) -> &'static str {
    match rate {
        Rate::Vacancy => "Vacancy rate",
        Rate::Agency => "Agency rate",
        Rate::Turnover => "Turnover rate",
        Rate::Caseload => "Average caseload",
    }
}

fn shown(rate: Rate, measure: &Measure) -> String {
    match (rate, measure) {
        (Rate::Caseload, Ok(v)) => decimal(*v, 1),
        (_, Ok(v)) => format!("{}%", decimal(*v, 1)),
        (_, Err(_)) => "n/a".to_owned(),
    }
}
