//! The report as members will see it. The engine renders it to HTML with every piece of text
//! escaped, so app, print and the static page show the same thing. With page breaks on, the
//! preview is laid out at the printed width and marks where each A4 page would start.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::report_in_place::{sections_in_place, Editing};
use crate::engine::report::html::ReportParts;
use crate::ui::drawing::use_painted_once;

#[derive(Properties, PartialEq)]
pub struct ReportPreviewProps {
    /// The report's HTML in pieces, from `engine::report::html::render_parts`.
    pub parts: Rc<ReportParts>,
    #[prop_or_default]
    pub page_breaks: bool,
    #[prop_or_default]
    pub landscape: bool,
    /// In the app, the report is written where it is read; elsewhere it is only shown.
    #[prop_or_default]
    pub editing: Option<Editing>,
}

/// The printable area of A4 with `print.css`'s margins (20 mm top and bottom), in millimetres.
const PORTRAIT_HEIGHT_MM: f64 = 297.0 - 40.0;
const LANDSCAPE_HEIGHT_MM: f64 = 210.0 - 40.0;

#[function_component(ReportPreview)]
pub fn report_preview(props: &ReportPreviewProps) -> Html {
    let panel = use_node_ref();
    let tools = use_painted_once();
    {
        let panel = panel.clone();
        use_effect_with((props.parts.clone(), props.page_breaks, props.landscape), move |(_, on, landscape)| {
            if let Some(panel) = panel.cast::<web_sys::Element>() {
                mark_page_breaks(&panel, *on, if *landscape { LANDSCAPE_HEIGHT_MM } else { PORTRAIT_HEIGHT_MM });
            }
        });
    }
    // Each piece is raw HTML that Yew keeps while its text is unchanged, so an edit redraws
    // only the paragraphs it changed, not every chart.
    let raw = |html: &String| Html::from_html_unchecked(AttrValue::from(html.clone()));
    let parts = &props.parts;
    html! {
        // The skip link's target: focusable by it (and by script), not a stop for Tab.
        <div class={classes!("preview-panel", props.page_breaks.then_some("paged"))} id="report-preview" tabindex="-1"
            ref={panel}>
            <article class={parts.classes.clone()} aria-labelledby="report-title">
                { raw(&parts.title_block) }
                if let Some(editing) = &props.editing {
                    <p class="hint edit-only writing-hint">
                        { "Click a heading or paragraph and type. { puts in a live figure, filled in from your tables. \
                           A paragraph's tools (move, insert a figure, remove) show beside it; drag ⠿ or use Alt+Up \
                           and Alt+Down to move it. Ctrl+Z undoes." }
                    </p>
                    { sections_in_place(editing, &parts.sections, tools) }
                } else {
                    { for parts.sections.iter().map(|section| html! {
                        <section aria-labelledby={section.id.clone()}>
                            { raw(&section.heading) }
                            { for section.paragraphs.iter().map(raw) }
                        </section>
                    }) }
                }
            </article>
        </div>
    }
}

/// Marks the block that starts each new page, following print.css: headings stay with what
/// follows, and blocks that fit on a page are not split. An estimate: the browser's own print
/// layout has the last word.
fn mark_page_breaks(panel: &web_sys::Element, on: bool, page_mm: f64) {
    let Ok(blocks) = panel.query_selector_all(".title-block, .report h2, .report .paragraph") else { return };
    let elements: Vec<web_sys::HtmlElement> =
        (0..blocks.length()).filter_map(|i| blocks.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect();
    for element in &elements {
        let _ = element.remove_attribute("data-page");
    }
    if !on {
        return;
    }
    // CSS pixels are 1/96 inch.
    let page = page_mm / 25.4 * 96.0;
    let top_of = |e: &web_sys::HtmlElement| e.get_bounding_client_rect().top();
    let Some(origin) = elements.first().map(top_of) else { return };
    let mut page_top = 0.0;
    let mut number = 1;
    for (i, element) in elements.iter().enumerate() {
        let top = top_of(element) - origin;
        let height = f64::from(element.offset_height());
        if top + height - page_top <= page || top <= page_top {
            continue;
        }
        // A heading goes over with the paragraph it introduces.
        let starts = match i.checked_sub(1).map(|j| &elements[j]) {
            Some(previous) if previous.tag_name() == "H2" => previous,
            _ => element,
        };
        number += 1;
        page_top = top_of(starts) - origin;
        let _ = starts.set_attribute("data-page", &format!("Page {number}"));
        // A block taller than a page runs on over several.
        while top + height - page_top > page && height > page {
            page_top += page;
            number += 1;
        }
    }
}
