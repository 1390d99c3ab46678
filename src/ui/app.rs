//! The page: controls on one side, the report preview on the other.

use yew::prelude::*;

use super::components::{PasteBox, ReportPreview};
use super::state::{Action, State};
use crate::engine::model::Origin;
use crate::engine::report::{build_report, html};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    // The report is derived from the project alone, and rebuilt only when the project changes.
    let report_html = use_memo(state.project.clone(), |project| {
        AttrValue::from(html::render(&build_report(project)))
    });
    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::PasteEdited(text)))
    };
    let use_sample = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::UseSample))
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let showing_sample = state
        .project
        .tables
        .iter()
        .all(|t| t.origin == Origin::Sample);

    html! {
        <>
            <a class="skip-link" href="#report-preview">{ "Skip to the report" }</a>
            <header class="app-chrome">
                <h1>{ "Workforce Report Builder" }</h1>
                <p>{ "Your tables stay in this browser: nothing is sent anywhere." }</p>
            </header>
            <main class="app-layout">
                <section class="app-controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading">{ "Your data" }</h2>
                    if showing_sample {
                        <p class="notice">
                            { "This is a built-in sample for Northshire County Council, a fictional \
                               council. Paste your own table to replace it." }
                        </p>
                    }
                    <PasteBox value={state.paste.clone()} problems={state.problems.clone()} {on_edit} />
                    // Announced either way; shown only when the error message is not already saying it.
                    <p class={classes!("status", (!state.problems.is_empty()).then_some("visually-hidden"))} role="status" aria-live="polite">
                        { state.status.clone() }
                    </p>
                    <div class="button-row">
                        <button type="button" onclick={print}>{ "Print report" }</button>
                        if !showing_sample {
                            <button type="button" class="secondary" onclick={use_sample}>{ "Use the sample again" }</button>
                        }
                    </div>
                </section>
                <section aria-label="Report preview">
                    <ReportPreview html={(*report_html).clone()} />
                </section>
            </main>
        </>
    }
}
