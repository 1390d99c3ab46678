//! The Checks panel: each table's arithmetic checked, failures first, each with its row.

use yew::prelude::*;

use std::rc::Rc;

use crate::engine::metrics::checks::Finding;
use crate::engine::report::ready::CHECKS_ANCHOR;
use crate::ui::state::TableChecks;

#[derive(Properties, PartialEq)]
pub struct ChecksPanelProps {
    pub tables: Rc<Vec<TableChecks>>,
}

#[function_component(ChecksPanel)]
pub fn checks_panel(props: &ChecksPanelProps) -> Html {
    let warnings: usize = props.tables.iter().map(|t| t.findings.iter().filter(|f| !f.passed).count()).sum();
    let summary = match warnings {
        0 => "No problems found in the tables' arithmetic.".to_owned(),
        1 => "1 thing to look at before this goes to committee.".to_owned(),
        n => format!("{n} things to look at before this goes to committee."),
    };
    html! {
        <section class="checks" aria-labelledby={CHECKS_ANCHOR}>
            <h2 id={CHECKS_ANCHOR}>{ "Checks" }</h2>
            <p class={classes!("checks-summary", (warnings > 0).then_some("has-warnings"))}>{ summary }</p>
            { for props.tables.iter().map(|table| {
                let mut findings: Vec<&Finding> = table.findings.iter().collect();
                crate::engine::order::sort_by_key(&mut findings, |f| f.passed);
                html! {
                    <>
                        // Named even when it is the only one: the officer sees whose table
                        // was checked (the sample's, after a paste that could not be read).
                        <h3>{ table.title.clone() }</h3>
                        <ul class="findings">
                            { for findings.into_iter().map(|f| {
                                let (class, word) = if f.passed { ("passed", "Passed") } else { ("warning", "Check") };
                                html! {
                                    <li class={class}>
                                        <span class="finding-mark" aria-hidden="true">{ if f.passed { "✓" } else { "!" } }</span>
                                        <span class="finding-text">
                                            <span class="visually-hidden">{ format!("{word}: ") }</span>
                                            { f.message.clone() }
                                        </span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </>
                }
            }) }
        </section>
    }
}
