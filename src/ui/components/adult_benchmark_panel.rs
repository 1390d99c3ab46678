//! Adult social care benchmarks: the council, measure, period, job role and sector to read a
//! comparison file (Oflog, LG Inform, Skills for Care) for, and what it shows, as the report's
//! adult benchmark blocks and live figures will print it.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::metrics::areas::{compare, resolve, Middle};
use crate::engine::model::{AreaChoice, Comparison};
use crate::engine::report::adult::{figure, region_label};
use crate::ui::store::Shared;

#[derive(Properties, PartialEq)]
pub struct AdultBenchmarkPanelProps {
    /// Compared by pointer: the panel is drawn again only when the file or the choice changes,
    /// not on every keystroke in the report.
    pub file: Shared<Comparison>,
    /// As saved: what the officer chose, each part left empty taking the file's obvious one.
    pub choice: AreaChoice,
    pub on_choice: Callback<AreaChoice>,
}

/// Which part of the choice a list sets.
#[derive(Clone, Copy)]
enum Part {
    Council,
    Measure,
    Period,
    Role,
    Sector,
}

#[function_component(AdultBenchmarkPanel)]
pub fn adult_benchmark_panel(props: &AdultBenchmarkPanelProps) -> Html {
    let file = &*props.file.0;
    let resolved = props.choice.council.as_ref().and_then(|_| resolve(file, &props.choice));
    let pick = |part: Part| {
        let (choice, on_choice) = (props.choice.clone(), props.on_choice.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = choice.clone();
            let slot = match part {
                Part::Council => &mut next.council,
                Part::Measure => &mut next.measure,
                Part::Period => &mut next.period,
                Part::Role => &mut next.role,
                Part::Sector => &mut next.sector,
            };
            *slot = Some(value);
            // Another council or measure has its own newest period.
            if matches!(part, Part::Council | Part::Measure) {
                next.period = None;
            }
            on_choice.emit(next);
        })
    };
    let measures: Vec<String> = file.measures.iter().map(|m| m.name.clone()).collect();
    let roles = file.distinct(|r| &r.role);
    let sectors = file.distinct(|r| &r.sector);
    let chosen_measure = resolved.as_ref().map(|r| file.measures[r.measure].name.clone());
    let chosen_period = resolved.as_ref().and_then(|r| r.periods.last().cloned());
    html! {
        <section class="benchmarks adult-benchmarks" aria-labelledby="adult-benchmarks-heading">
            <h2 id="adult-benchmarks-heading">{ "Adult social care benchmarks" }</h2>
            { select("adult-council", "Council to compare", &file.councils(), props.choice.council.as_deref(), pick(Part::Council)) }
            { select("adult-measure", "Measure", &measures, chosen_measure.as_deref(), pick(Part::Measure)) }
            if file.periods().len() > 1 {
                { select("adult-period", "Period", &file.periods(), chosen_period.as_deref(), pick(Part::Period)) }
            }
            if roles.len() > 1 {
                { select("adult-role", "Job role", &roles, resolved.as_ref().map(|r| r.role.as_str()), pick(Part::Role)) }
            }
            if sectors.len() > 1 {
                { select("adult-sector", "Sector", &sectors, resolved.as_ref().map(|r| r.sector.as_str()), pick(Part::Sector)) }
            }
            if let Some(resolved) = &resolved {
                { summary(file, resolved) }
            } else if props.choice.council.is_some() {
                <p class="hint">{ "The file has no figures for that council with the measure, period, job role or sector chosen." }</p>
            }
            <p class="hint">{ "Insert the adult social care benchmark table or chart with Add to section in the report." }</p>
        </section>
    }
}

fn select(id: &str, label: &str, options: &[String], chosen: Option<&str>, onchange: Callback<Event>) -> Html {
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} {onchange}>
                if chosen.is_none() {
                    <option value="" selected=true>{ format!("Choose ({})", options.len()) }</option>
                }
                { for options.iter().map(|o| html! {
                    <option value={o.clone()} selected={chosen == Some(o.as_str())}>{ o.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// The chosen period: the council, England or the median, the region, and the rank.
fn summary(file: &Comparison, resolved: &crate::engine::metrics::areas::Resolved) -> Html {
    let Some(year) = compare(file, resolved).pop() else { return Html::default() };
    let measure = &file.measures[resolved.measure];
    let shown = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), |v| figure(measure, v));
    let middle = year.middle();
    let region = year.region.as_ref().map(|r| (region_label(r), r.value()));
    html! {
        <table class="benchmark-table">
            <caption>{ format!("{}, {}", resolved.council, if year.period.is_empty() { "as the file gives it" } else { &year.period }) }</caption>
            <tbody>
                <tr><th scope="row">{ resolved.council.clone() }</th><td>{ shown(year.council.ok()) }</td></tr>
                <tr><th scope="row">{ middle.map_or("England", Middle::label) }</th><td>{ shown(middle.map(Middle::value)) }</td></tr>
                if let Some((name, value)) = region {
                    <tr><th scope="row">{ name }</th><td>{ shown(Some(value)) }</td></tr>
                }
                <tr class="rank-row">
                    <th scope="row">{ "Rank of all councils (1 = lowest)" }</th>
                    <td>{ year.rank.map_or("n/a".to_owned(), |(n, of)| format!("{n} of {of}")) }</td>
                </tr>
            </tbody>
        </table>
    }
}
