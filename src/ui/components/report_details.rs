//! Report details: the title block's fields, edited in place; the report follows as you type.

use crate::engine::case::lower;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::model::{TitleBlock, TitleField};

#[derive(Properties, PartialEq)]
pub struct ReportDetailsProps {
    pub title_block: TitleBlock,
    pub on_edit: Callback<(TitleField, String)>,
}

#[function_component(ReportDetails)]
pub fn report_details(props: &ReportDetailsProps) -> Html {
    let field = |field: TitleField| {
        let id = format!("title-{}", lower(&field.label()).replace(' ', "-"));
        let value = props.title_block.get(field).to_owned();
        let on_edit = props.on_edit.clone();
        let choices: Option<&[&str]> = match field {
            TitleField::Classification => Some(&["Open", "Exempt"]),
            TitleField::KeyDecision => Some(&["No", "Yes"]),
            _ => None,
        };
        let control = match choices {
            Some(choices) => {
                let onchange = Callback::from(move |e: Event| {
                    on_edit.emit((field, e.target_unchecked_into::<HtmlSelectElement>().value()))
                });
                html! {
                    <select id={id.clone()} {onchange}>
                        if !choices.contains(&value.as_str()) {
                            <option value={value.clone()} selected=true>{ if value.is_empty() { "Not stated".to_owned() } else { value.clone() } }</option>
                        }
                        { for choices.iter().map(|c| html! { <option value={*c} selected={value == *c}>{ *c }</option> }) }
                    </select>
                }
            }
            None => {
                let oninput = Callback::from(move |e: InputEvent| {
                    on_edit.emit((field, e.target_unchecked_into::<HtmlInputElement>().value()))
                });
                html! { <input type="text" id={id.clone()} value={value} {oninput} /> }
            }
        };
        html! {
            <div class="field">
                <label for={id}>{ field.label() }</label>
                { control }
            </div>
        }
    };
    html! {
        <details class="report-details">
            <summary>{ "Report details" }</summary>
            <p class="hint">{ "The block at the top of the report. Leave a field empty to leave it out." }</p>
            { for TitleField::ALL.into_iter().map(field) }
        </details>
    }
}
