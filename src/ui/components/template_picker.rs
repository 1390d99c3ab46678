//! Start from a template: each opens with sample data and a full draft, so the officer sees
//! the finished shape first. Undo brings the previous report back.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::sample::Template;

#[derive(Properties, PartialEq)]
pub struct TemplatePickerProps {
    pub on_choose: Callback<Template>,
}

#[function_component(TemplatePicker)]
pub fn template_picker(props: &TemplatePickerProps) -> Html {
    let choice = use_node_ref();
    let shown = use_state(|| 0usize);
    let onchange = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            shown.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0));
        })
    };
    let onclick = {
        let (on_choose, shown) = (props.on_choose.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(template) = Template::ALL.get(*shown) {
                on_choose.emit(*template);
            }
        })
    };
    html! {
        <details class="template-picker">
            <summary>{ "Start from a template" }</summary>
            <div class="field">
                <label for="template-choice">{ "Template" }</label>
                <select id="template-choice" ref={choice} {onchange}>
                    { for Template::ALL.iter().enumerate().map(|(i, t)| html! {
                        <option value={i.to_string()} selected={i == *shown}>{ t.label() }</option>
                    }) }
                </select>
            </div>
            <p class="hint">{ Template::ALL.get(*shown).map(|t| t.describe()).unwrap_or_default() }</p>
            <p class="hint">{ "Opens with sample data for a fictional council and a full draft; paste or upload \
                                your own tables after. Undo brings back the report you had." }</p>
            <button type="button" {onclick}>{ "Open this template" }</button>
        </details>
    }
}
