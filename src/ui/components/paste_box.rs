//! The "Paste a table" box, its hint, and what was wrong with the last paste.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::ProblemList;
use crate::engine::import::Problem;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub value: AttrValue,
    /// Why the pasted text could not be read; empty when it could (or was not the last input).
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
    let described_by = if has_error { "paste-hint paste-error" } else { "paste-hint" };
    html! {
        <div class={classes!("field", has_error.then_some("has-error"))}>
            <label for="paste-table">{ "Paste a table" }</label>
            <p class="hint" id="paste-hint">
                { "Copy a table from Excel, Word, a PDF or a web page and paste it here, with its \
                   heading row. An establishment table (Role, Establishment, Permanent, Agency, \
                   Vacant) updates the report's figures; any other table of figures is added to \
                   the report as a table, a chart and a sentence you can edit." }
            </p>
            if has_error {
                <ProblemList id="paste-error" lead="This table could not be read, so the report has not changed:"
                    problems={props.problems.clone()} />
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
