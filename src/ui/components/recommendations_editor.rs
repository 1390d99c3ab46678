//! The rows of a recommendations tracker: number, theme, recommendation, status and update.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::model::{Recommendation, Status};

#[derive(Properties, PartialEq)]
pub struct RecommendationsEditorProps {
    /// The paragraph's id, for unique field ids.
    pub id: u32,
    pub rows: Vec<Recommendation>,
    pub on_change: Callback<Vec<Recommendation>>,
}

#[function_component(RecommendationsEditor)]
pub fn recommendations_editor(props: &RecommendationsEditorProps) -> Html {
    let edit = |index: usize, change: fn(&mut Recommendation, String)| {
        let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
        move |value: String| {
            let mut rows = rows.clone();
            if let Some(row) = rows.get_mut(index) {
                change(row, value);
            }
            on_change.emit(rows);
        }
    };
    let row = |(index, r): (usize, &Recommendation)| {
        let id = |field: &str| format!("rec-{}-{index}-{field}", props.id);
        let input = |field: &str, label: &str, value: &str, change: fn(&mut Recommendation, String)| {
            let emit = edit(index, change);
            html! {
                <div class="field">
                    <label for={id(field)}>{ label }</label>
                    <input type="text" id={id(field)} value={value.to_owned()}
                        oninput={Callback::from(move |e: InputEvent| emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                </div>
            }
        };
        let area = |field: &str, label: &str, value: &str, change: fn(&mut Recommendation, String)| {
            let emit = edit(index, change);
            html! {
                <div class="field">
                    <label for={id(field)}>{ label }</label>
                    <textarea id={id(field)} rows="2" value={value.to_owned()}
                        oninput={Callback::from(move |e: InputEvent| emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))} />
                </div>
            }
        };
        let on_status = {
            let emit = edit(index, |r, v| {
                r.status = Status::ALL.into_iter().find(|s| s.class() == v).unwrap_or_default();
            });
            Callback::from(move |e: Event| emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let remove = {
            let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
            Callback::from(move |_: MouseEvent| {
                let mut rows = rows.clone();
                rows.remove(index);
                on_change.emit(rows);
            })
        };
        html! {
            <fieldset class="recommendation" key={index}>
                <legend>{ format!("Recommendation {}", if r.number.is_empty() { (index + 1).to_string() } else { r.number.clone() }) }</legend>
                { input("number", "No.", &r.number, |r, v| r.number = v) }
                { input("theme", "Theme", &r.theme, |r, v| r.theme = v) }
                { area("text", "Recommendation", &r.recommendation, |r, v| r.recommendation = v) }
                <div class="field">
                    <label for={id("status")}>{ "Status" }</label>
                    <select id={id("status")} onchange={on_status}>
                        { for Status::ALL.into_iter().map(|s| html! {
                            <option value={s.class()} selected={s == r.status}>{ s.label() }</option>
                        }) }
                    </select>
                </div>
                { area("update", "Update", &r.update, |r, v| r.update = v) }
                <button type="button" class="secondary" onclick={remove}>{ format!("Remove recommendation {}", index + 1) }</button>
            </fieldset>
        }
    };
    let add = {
        let (rows, on_change) = (props.rows.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut rows = rows.clone();
            rows.push(Recommendation { number: (rows.len() + 1).to_string(), ..Recommendation::default() });
            on_change.emit(rows);
        })
    };
    html! {
        <div class="recommendations-editor">
            { for props.rows.iter().enumerate().map(row) }
            <button type="button" class="secondary" onclick={add}>{ "Add a recommendation" }</button>
        </div>
    }
}
