//! Report contents: the sections in order, each with its paragraphs. Sections and paragraphs
//! can be added, renamed, moved and removed; numbers follow the order, as they will print.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::paragraph_editor::ParagraphEditor;
use super::unseen;
use crate::engine::model::{Content, DataBlock, Document, Move, Section};
use crate::engine::report::blocks::KINDS;
use crate::engine::report::general::TableMenu;
use crate::engine::report::ReportDocument;
use crate::ui::drawing::use_painted_once;
use crate::ui::state::Action;

/// Headings committee reports use, in their usual order (`../shared/domain.md`).
const CONVENTIONAL_HEADINGS: [&str; 16] = [
    "Executive summary",
    "Purpose of the report",
    "Recommendations",
    "Reasons for recommendations",
    "Background",
    "Current position",
    "Key considerations",
    "Alternative options",
    "Financial implications",
    "Legal implications",
    "Risk management",
    "Equality and human rights",
    "Community impact",
    "Consultees",
    "Appendices",
    "Background papers",
];

#[derive(Properties, PartialEq)]
pub struct DocumentEditorProps {
    pub document: Document,
    pub report: Rc<ReportDocument>,
    /// The tables of figures, whose blocks and live figures the menus offer.
    pub tables: Rc<Vec<TableMenu>>,
    pub dispatch: Callback<Action>,
}

/// Alt+Up and Alt+Down move the paragraph or section being edited, as the Move buttons do,
/// and the keyboard stays in the field that was being typed in, at its new place.
fn move_keys(dispatch: &Callback<Action>, action: fn(u32, Move) -> Action, id: u32) -> Callback<KeyboardEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        let way = match e.key().as_str() {
            "ArrowUp" if e.alt_key() => Move::Up,
            "ArrowDown" if e.alt_key() => Move::Down,
            _ => return,
        };
        e.prevent_default();
        let field = e.target_dyn_into::<web_sys::HtmlElement>().map(|t| t.id()).filter(|id| !id.is_empty());
        dispatch.emit(action(id, way));
        // Moving an element in the page takes the focus from it: give it back once redrawn.
        if let Some(field) = field {
            gloo::timers::callback::Timeout::new(0, move || {
                let found = gloo::utils::document().get_element_by_id(&field);
                if let Some(element) =
                    found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = element.focus();
                }
            })
            .forget();
        }
    })
}

/// The report follows the paragraph being edited: when its field takes the focus and the
/// paragraph is off the screen, the page scrolls to show it beside the field.
fn follow_in_report(id: u32) -> Callback<FocusEvent> {
    Callback::from(move |_: FocusEvent| {
        let Some(shown) = gloo::utils::document().get_element_by_id(&format!("paragraph-{id}")) else { return };
        let window = gloo::utils::window();
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let place = shown.get_bounding_client_rect();
        // Below the app's bar, with a line of the text before it in view.
        if place.top() < 80.0 || place.top() > height - 80.0 {
            window.scroll_by_with_x_and_y(0.0, place.top() - 96.0);
        }
    })
}

#[function_component(DocumentEditor)]
pub fn document_editor(props: &DocumentEditorProps) -> Html {
    let new_heading = use_node_ref();
    let count = props.document.sections.len();
    // More than half of the page's elements, and below the fold: drawn once the controls
    // above it have been painted, and from then on with every render.
    let drawn = use_painted_once();
    let send = |action: fn(u32) -> Action, id: u32| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action(id)))
    };
    let section = |(i, section): (usize, &Section)| {
        let id = section.id;
        let n = i + 1;
        let heading_id = format!("section-heading-{id}");
        let on_rename = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: InputEvent| {
                dispatch.emit(Action::SectionRenamed(id, e.target_unchecked_into::<HtmlInputElement>().value()))
            })
        };
        let paragraphs = section.paragraphs.iter().enumerate().map(|(j, p)| {
            let pid = p.id;
            let number = format!("{n}.{}", j + 1);
            let first = i == 0 && j == 0;
            let last = i + 1 == count && j + 1 == section.paragraphs.len();
            let on_edit = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |content| dispatch.emit(Action::ParagraphEdited(pid, content)))
            };
            html! {
                <li class="paragraph-editor" key={pid} onkeydown={move_keys(&props.dispatch, Action::ParagraphMoved, pid)}
                    onfocusin={follow_in_report(pid)}>
                    <ParagraphEditor id={pid} number={number.clone()} content={p.content.clone()}
                        shown={props.report.paragraph(pid).cloned()} tables={props.tables.clone()} {on_edit} />
                    <div class="row-buttons">
                        <button type="button" class="secondary" disabled={first}
                            onclick={send(|id| Action::ParagraphMoved(id, Move::Up), pid)}>
                            { "Move up" }{ unseen(format!(" paragraph {number}")) }
                        </button>
                        <button type="button" class="secondary" disabled={last}
                            onclick={send(|id| Action::ParagraphMoved(id, Move::Down), pid)}>
                            { "Move down" }{ unseen(format!(" paragraph {number}")) }
                        </button>
                        <button type="button" class="secondary danger"
                            aria-label={format!("Remove paragraph {number}")}
                            onclick={send(Action::ParagraphRemoved, pid)}>{ "Remove" }</button>
                    </div>
                </li>
            }
        });
        html! {
            <li class="section-editor" key={id}>
                <div class="section-head" onkeydown={move_keys(&props.dispatch, Action::SectionMoved, id)}>
                    <label for={heading_id.clone()}>{ format!("Section {n} heading") }</label>
                    <input type="text" id={heading_id} value={section.heading.clone()} oninput={on_rename} />
                    <div class="row-buttons">
                        <button type="button" class="secondary" disabled={i == 0}
                            onclick={send(|id| Action::SectionMoved(id, Move::Up), id)}>
                            { "Move up" }{ unseen(format!(" section {n}")) }
                        </button>
                        <button type="button" class="secondary" disabled={i + 1 == count}
                            onclick={send(|id| Action::SectionMoved(id, Move::Down), id)}>
                            { "Move down" }{ unseen(format!(" section {n}")) }
                        </button>
                        <button type="button" class="secondary danger"
                            aria-label={format!("Remove section {n}, {}", section.heading)}
                            onclick={send(Action::SectionRemoved, id)}>{ "Remove section" }</button>
                    </div>
                </div>
                <ol class="paragraph-list">{ for paragraphs }</ol>
                <AddToSection section={id} number={n} tables={props.tables.clone()} dispatch={props.dispatch.clone()} />
            </li>
        }
    };
    let add_section = {
        let (dispatch, new_heading) = (props.dispatch.clone(), new_heading.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = new_heading.cast::<HtmlInputElement>() {
                dispatch.emit(Action::SectionAdded { heading: input.value() });
                input.set_value("");
            }
        })
    };
    html! {
        <section class="document-editor" aria-labelledby="contents-heading">
            <h2 id="contents-heading">{ "Report contents" }</h2>
            <p class="hint">
                { "Numbers follow the order, as they will print. Figures in curly brackets, such as {vacancy rate}, \
                   are live: they are filled in from your tables and change when the data does. Use Insert figure \
                   to add one. Alt+Up and Alt+Down move the paragraph or section you are in." }
            </p>
            <ol class="section-list" aria-busy={(!drawn).to_string()}>
                if drawn {
                    { for props.document.sections.iter().enumerate().map(section) }
                }
            </ol>
            <form class="add-section" onsubmit={add_section}>
                <label for="new-section-heading">{ "New section heading" }</label>
                <input type="text" id="new-section-heading" ref={new_heading} list="conventional-headings"
                    placeholder="For example: Financial implications" />
                <datalist id="conventional-headings">
                    { for CONVENTIONAL_HEADINGS.iter().map(|h| html! { <option value={*h} /> }) }
                </datalist>
                <button type="submit">{ "Add section" }</button>
            </form>
        </section>
    }
}

/// The block an Add to section choice names: `block-3` (the third offered kind), `table-7` or
/// `chart-7` (a table of figures' table or chart, by its id).
fn chosen_block(value: &str) -> Option<DataBlock> {
    if let Some(i) = value.strip_prefix("block-") {
        return KINDS.iter().filter(|k| k.offered).nth(i.parse().ok()?).map(|k| k.block.clone());
    }
    if let Some(id) = value.strip_prefix("table-") {
        return Some(DataBlock::GeneralTable(id.parse().ok()?));
    }
    Some(DataBlock::GeneralChart(value.strip_prefix("chart-")?.parse().ok()?))
}

#[derive(Properties, PartialEq)]
struct AddToSectionProps {
    section: u32,
    number: usize,
    tables: Rc<Vec<TableMenu>>,
    dispatch: Callback<Action>,
}

/// "Add to section 4": a paragraph, a bullet list, the generated first draft, or a table or chart.
#[function_component(AddToSection)]
fn add_to_section(props: &AddToSectionProps) -> Html {
    let choice = use_node_ref();
    let id = format!("add-to-section-{}", props.section);
    let onclick = {
        let (choice, dispatch, section) = (choice.clone(), props.dispatch.clone(), props.section);
        Callback::from(move |_: MouseEvent| {
            let Some(select) = choice.cast::<HtmlSelectElement>() else { return };
            let value = select.value();
            let content = match value.as_str() {
                "text" => Content::Text(String::new()),
                "bullets" => Content::Bullets { lead: String::new(), items: String::new() },
                "draft" => return dispatch.emit(Action::DraftAdded { section }),
                other => match chosen_block(other) {
                    Some(block) => Content::Data { block, title: String::new() },
                    None => return,
                },
            };
            dispatch.emit(Action::ParagraphAdded { section, content });
        })
    };
    html! {
        <div class="add-to-section">
            <label for={id.clone()}>{ format!("Add to section {}", props.number) }</label>
            <select id={id} ref={choice}>
                <option value="text" selected=true>{ "Paragraph" }</option>
                <option value="bullets">{ "Bullet list" }</option>
                <option value="draft">{ "First draft from the data" }</option>
                <optgroup label="Tables and charts">
                    { for KINDS.iter().filter(|k| k.offered).enumerate().map(|(i, kind)| html! {
                        <option value={format!("block-{i}")}>{ kind.label }</option>
                    }) }
                </optgroup>
                if !props.tables.is_empty() {
                    <optgroup label="Your other tables">
                        { for props.tables.iter().map(|t| html! {
                            <>
                                <option value={format!("table-{}", t.id)}>{ format!("Table: {}", t.name) }</option>
                                <option value={format!("chart-{}", t.id)}>{ format!("Chart: {}", t.name) }</option>
                            </>
                        }) }
                    </optgroup>
                }
            </select>
            <button type="button" class="secondary" {onclick}>{ "Add" }</button>
        </div>
    }
}
