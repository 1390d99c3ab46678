//! GOV.UK's error summary: "There is a problem", then each problem as a link to the field
//! where it is put right. A screen reader announces it as it fills; the focus moves to it when
//! a file could not be read, as it does when a GOV.UK form comes back with errors.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::{FieldError, ERROR_SUMMARY};

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
}

/// The focus is moved here by the edge (`Effect::Focus`), found by its id.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    html! {
        // Always on the page, empty when all is well: a live region that is already there is
        // announced reliably when it fills.
        <div role="alert" class="error-summary-live">
            if !props.errors.is_empty() {
                <div class="error-summary" id={ERROR_SUMMARY} tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary-title" id="error-summary-title">{ "There is a problem" }</h2>
                    <ul class="error-summary-list">
                        { for props.errors.iter().map(|error| html! {
                            <li>
                                <a href={format!("#{}", error.field)} onclick={go_to(error.field.clone())}>
                                    { error.message.clone() }
                                </a>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}

/// Puts the focus in the field, and its label at the top of the view: the label says what the
/// field is for, which the field alone may not (GOV.UK's summary does the same).
fn go_to(id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        let document = gloo::utils::document();
        let Some(field) = document.get_element_by_id(&id).and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            // Gone since (the panel closed): the link does what links do.
            return;
        };
        event.prevent_default();
        let _ = field.focus();
        if let Ok(Some(label)) = document.query_selector(&format!("label[for=\"{id}\"]")) {
            label.scroll_into_view();
        }
    })
}
