//! How the report prints: orientation, chart figures, and a preview of the pages.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::model::PrintSettings;

#[derive(Properties, PartialEq)]
pub struct PrintOptionsProps {
    pub settings: PrintSettings,
    pub on_change: Callback<PrintSettings>,
    pub previewing: bool,
    pub on_preview: Callback<bool>,
}

#[function_component(PrintOptions)]
pub fn print_options(props: &PrintOptionsProps) -> Html {
    let toggle = |change: fn(&mut PrintSettings, bool)| {
        let (settings, on_change) = (props.settings.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            change(&mut next, e.target_unchecked_into::<HtmlInputElement>().checked());
            on_change.emit(next);
        })
    };
    let on_preview = {
        let cb = props.on_preview.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    html! {
        <fieldset class="print-options">
            <legend>{ "Printing" }</legend>
            <div class="check">
                <input type="checkbox" id="print-landscape" checked={props.settings.landscape}
                    onchange={toggle(|s, on| s.landscape = on)} />
                <label for="print-landscape">{ "A4 landscape, for wide tables" }</label>
            </div>
            <div class="check">
                <input type="checkbox" id="print-chart-tables" checked={props.settings.chart_tables}
                    onchange={toggle(|s, on| s.chart_tables = on)} />
                <label for="print-chart-tables">{ "Print each chart's figures as a table" }</label>
            </div>
            <div class="check">
                <input type="checkbox" id="print-preview" checked={props.previewing} onchange={on_preview} />
                <label for="print-preview">{ "Show page breaks in the preview" }</label>
            </div>
        </fieldset>
    }
}
