//! Ready for committee?: what is still open in the report, above the export buttons, each
//! item a link to its place. The exports still work with items open; the summary says how
//! many go out as they are.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::report::ready::{summary, OpenItem};

#[derive(Properties, PartialEq)]
pub struct ReadyListProps {
    pub items: Rc<Vec<OpenItem>>,
}

#[function_component(ReadyList)]
pub fn ready_list(props: &ReadyListProps) -> Html {
    let open = props.items.len();
    html! {
        <section class="ready" aria-labelledby="ready-heading">
            <h2 id="ready-heading">{ "Ready for committee?" }</h2>
            <p class={classes!("ready-summary", (open > 0).then_some("has-warnings"))} id="ready-summary">
                { summary(open) }
            </p>
            if open > 0 {
                <ul class="ready-list">
                    { for props.items.iter().map(|item| html! {
                        <li>
                            <a href={format!("#{}", item.anchor)} onclick={go_to(item.anchor.clone())}>
                                { item.sentence() }
                            </a>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// Puts the focus on the item's place, bringing it into view, so a screen reader reads from
/// there. Headings and paragraphs take no focus of their own: they are made focusable by script
/// only (tabindex -1), never a stop for Tab, and the exported report carries no such attribute.
fn go_to(id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        let place = gloo::utils::document().get_element_by_id(&id);
        let Some(place) = place.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) else {
            // Gone since (a paragraph removed): the link does what links do.
            return;
        };
        event.prevent_default();
        if !place.has_attribute("tabindex") {
            let _ = place.set_attribute("tabindex", "-1");
        }
        // The browser scrolls a place out of view to the middle of the window as it focuses it,
        // with what is around it in view too.
        let _ = place.focus();
    })
}
