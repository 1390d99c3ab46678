//! Drafts kept in this browser: each listed by title and when it was saved, to open, copy or
//! delete; and a new draft that leaves the others as they are.

use yew::prelude::*;

use web_sys::HtmlSelectElement;

use crate::engine::sample::Template;
use crate::ui::state::DraftEntry;

#[derive(Properties, PartialEq)]
pub struct DraftsPanelProps {
    pub drafts: Vec<DraftEntry>,
    /// The draft open now.
    pub current: String,
    pub on_open: Callback<String>,
    pub on_duplicate: Callback<String>,
    pub on_delete: Callback<String>,
    /// A new draft: blank (`None`) or from a template.
    pub on_new: Callback<Option<Template>>,
}

#[function_component(DraftsPanel)]
pub fn drafts_panel(props: &DraftsPanelProps) -> Html {
    let button = |label: String, class: &'static str, callback: &Callback<String>, id: &str, disabled: bool| {
        let (callback, id) = (callback.clone(), id.to_owned());
        html! {
            <button type="button" class={classes!("secondary", class)} {disabled} aria-label={label.clone()}
                onclick={Callback::from(move |_: MouseEvent| callback.emit(id.clone()))}>
                { label.split(' ').next().unwrap_or_default().to_owned() }
            </button>
        }
    };
    let row = |draft: &DraftEntry| {
        let open_now = draft.id == props.current;
        html! {
            <tr key={draft.id.clone()}>
                <th scope="row">
                    { draft.title.clone() }
                    if open_now { <span class="tag">{ " (open now)" }</span> }
                </th>
                <td>{ draft.saved.clone() }</td>
                <td class="row-buttons">
                    { button(format!("Open {}", draft.title), "", &props.on_open, &draft.id, open_now) }
                    { button(format!("Copy {}", draft.title), "", &props.on_duplicate, &draft.id, false) }
                    { button(format!("Delete {}", draft.title), "danger", &props.on_delete, &draft.id, open_now) }
                </td>
            </tr>
        }
    };
    // 0 is a blank report; 1 and on are the templates, in order.
    let start = use_state(|| 0usize);
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            start.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
        })
    };
    let on_new = {
        let (cb, start) = (props.on_new.clone(), start.clone());
        Callback::from(move |_: MouseEvent| cb.emit(start.checked_sub(1).and_then(|i| Template::ALL.get(i).copied())))
    };
    html! {
        <details class="drafts" open={props.drafts.len() > 1}>
            <summary>{ format!("Drafts in this browser ({})", props.drafts.len()) }</summary>
            if !props.drafts.is_empty() {
                <table class="panel-table drafts-table">
                    <caption class="visually-hidden">{ "Drafts kept in this browser" }</caption>
                    <thead><tr><th scope="col">{ "Report" }</th><th scope="col">{ "Saved" }</th><th scope="col">{ "Actions" }</th></tr></thead>
                    <tbody>{ for props.drafts.iter().map(row) }</tbody>
                </table>
            }
            <div class="field new-draft">
                <label for="new-draft-from">{ "A new draft starts from" }</label>
                <select id="new-draft-from" onchange={on_start}>
                    <option value="0" selected={*start == 0}>{ "A blank report: the usual headings, no data" }</option>
                    { for Template::ALL.iter().enumerate().map(|(i, t)| html! {
                        <option value={(i + 1).to_string()} selected={*start == i + 1}>
                            { format!("The template “{}”, with sample data", t.label()) }
                        </option>
                    }) }
                </select>
            </div>
            <button type="button" class="secondary" onclick={on_new}>{ "Start a new draft" }</button>
            <p class="hint">{ "Drafts stay in this browser on this computer. Use Save project to move one elsewhere." }</p>
        </details>
    }
}
