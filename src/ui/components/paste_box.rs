//! The "Paste a table" box, its hint, and what was wrong with the last paste.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::engine::import::Problem;

/// Problems beyond this many are counted, not listed.
const LISTED_PROBLEMS: usize = 8;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub value: AttrValue,
    pub problems: Vec<Problem>,
    pub on_edit: Callback<String>,
}

#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let has_error = !props.problems.is_empty();
    let described_by = if has_error {
        "paste-hint paste-error"
    } else {
        "paste-hint"
    };
    html! {
        <div class={classes!("field", has_error.then_some("has-error"))}>
            <label for="paste-table">{ "Paste a table" }</label>
            <p class="hint" id="paste-hint">
                { "Copy a table from Excel and paste it here. It needs a heading row with Role and \
                   Establishment, Permanent, Agency, Vacant, and optionally (Over)/under, then one \
                   row for each role. The report updates as soon as the table can be read." }
            </p>
            if has_error {
                <div class="error-message" id="paste-error">
                    <p>{ "This table could not be read, so the report has not changed:" }</p>
                    <ul>
                        { for props.problems.iter().take(LISTED_PROBLEMS).map(|p| html! { <li>{ p.to_string() }</li> }) }
                        if props.problems.len() > LISTED_PROBLEMS {
                            <li>{ format!("and {} more.", props.problems.len() - LISTED_PROBLEMS) }</li>
                        }
                    </ul>
                </div>
            }
            <textarea
                id="paste-table"
                spellcheck="false"
                aria-describedby={described_by}
                aria-invalid={has_error.to_string()}
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
