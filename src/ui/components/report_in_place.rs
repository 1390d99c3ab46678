//! The report as the place it is written: each section's heading and each paragraph of words
//! take typing where they stand; the block in focus shows its tools beside it (move, insert a
//! figure, change, remove); blocks and sections move by drag, by their Move buttons, or by
//! Alt+Up and Alt+Down. A table or chart stays as it prints, with its tools beside it.
//! Everything here that is not the report itself is marked `edit-only`, which print hides.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::in_place::{cursor_offset, put_cursor_at, Field, InPlace};
use super::paragraph_editor::BlockChange;
use super::unseen;
use crate::engine::model::{Content, DataBlock, Document, Move};
use crate::engine::report::blocks::KINDS;
use crate::engine::report::general::TableMenu;
use crate::engine::report::html::SectionParts;
use crate::engine::report::live::Run;
use crate::engine::report::{Block, ReportDocument};
use crate::ui::state::Action;

/// What the report needs to be written in place.
#[derive(Clone, PartialEq)]
pub struct Editing {
    /// Shared, not copied: every section and paragraph holds this in its props.
    pub document: Rc<Document>,
    pub report: Rc<ReportDocument>,
    /// The tables of figures, whose blocks and live figures the menus offer.
    pub tables: Rc<Vec<TableMenu>>,
    pub dispatch: Callback<Action>,
}

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

/// What a drag carries: a paragraph's or a section's id, told apart by type so a paragraph
/// is never dropped among sections, nor a file taken for either.
const PARAGRAPH_DRAG: &str = "application/x-report-paragraph";
const SECTION_DRAG: &str = "application/x-report-section";

/// The sections of the report, each written in place, and the form that adds one. The blocks'
/// tools and each section's Add menu (half the report's elements) are drawn once the report
/// itself has been painted (`tools`), so the words come first when the page opens.
pub fn sections_in_place(editing: &Editing, parts: &[SectionParts], tools: bool) -> Html {
    let count = editing.report.sections.len();
    html! {
        <>
            { for editing.report.sections.iter().zip(parts).enumerate().map(|(i, (shown, part))| {
                let Some(section) = editing.document.section(shown.id) else { return Html::default() };
                html! {
                    <SectionInPlace key={shown.id} editing={editing.clone()} id={shown.id} number={i + 1}
                        last={i + 1 == count} heading={section.heading.clone()} anchor={part.id.clone()}
                        paragraphs={Rc::new(part.paragraphs.clone())} {tools} />
                }
            }) }
            if tools {
                { add_section(&editing.dispatch) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    editing: Editing,
    id: u32,
    number: usize,
    last: bool,
    heading: String,
    anchor: String,
    /// Each paragraph as the report prints it: tables and charts are shown from these.
    paragraphs: Rc<Vec<String>>,
    /// Whether the blocks' tools and the Add menu are drawn yet.
    tools: bool,
}

#[function_component(SectionInPlace)]
fn section_in_place(props: &SectionProps) -> Html {
    let (id, n, dispatch) = (props.id, props.number, &props.editing.dispatch);
    let Some(shown) = props.editing.report.sections.iter().find(|s| s.id == id) else { return Html::default() };
    let Some(section) = props.editing.document.section(id) else { return Html::default() };
    let first_paragraph = props.editing.document.sections.first().and_then(|s| s.paragraphs.first()).map(|p| p.id);
    let last_paragraph = props.editing.document.sections.last().and_then(|s| s.paragraphs.last()).map(|p| p.id);
    let send = |action: fn(u32) -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action(id)))
    };
    let heading_field = format!("edit-heading-{id}");
    let drop_before =
        drop_here(SECTION_DRAG, dispatch, move |dragged| Action::SectionPlaced { id: dragged, before: Some(id) });
    let paragraphs =
        section.paragraphs.iter().zip(&shown.paragraphs).zip(props.paragraphs.iter()).map(|((p, printed), html)| {
            html! {
                <ParagraphInPlace key={p.id} editing={props.editing.clone()} id={p.id} section={id}
                    number={printed.number.clone()} content={p.content.clone()} blocks={Rc::new(printed.blocks.clone())}
                    printed={AttrValue::from(html.clone())} first={Some(p.id) == first_paragraph}
                    last={Some(p.id) == last_paragraph} tools={props.tools} />
            }
        });
    html! {
        <section aria-labelledby={props.anchor.clone()} class="in-place-section">
            <div class="section-head" onkeydown={move_keys(dispatch, Action::SectionMoved, id)}
                ondragover={drop_before.0} ondrop={drop_before.1} ondragleave={drop_left()}>
                <h2 id={props.anchor.clone()}>
                    <span class="section-number">{ format!("{n}.") }</span>{ " " }
                    <InPlace field={Field::Heading} id={heading_field} label={format!("Section {n} heading")}
                        source={props.heading.clone()} lines={Rc::new(vec![vec![Run::Text(props.heading.clone())]])}
                        placeholder="Heading" on_change={dispatch.reform(move |h| Action::SectionRenamed(id, h))} />
                </h2>
                if props.tools {
                    <div class="block-tools edit-only" role="group" aria-label={format!("Tools for section {n}")}>
                        <span class="drag-handle" draggable="true" aria-hidden="true" title="Drag to move the section"
                            ondragstart={drag_start(SECTION_DRAG, id)}>{ "⠿" }</span>
                        <button type="button" class="secondary tool" disabled={n == 1} onclick={send(|id| Action::SectionMoved(id, Move::Up))}>
                            { "Move up" }{ unseen(format!(" section {n}")) }
                        </button>
                        <button type="button" class="secondary tool" disabled={props.last} onclick={send(|id| Action::SectionMoved(id, Move::Down))}>
                            { "Move down" }{ unseen(format!(" section {n}")) }
                        </button>
                        <button type="button" class="secondary tool danger" aria-label={format!("Remove section {n}, {}", props.heading)}
                            onclick={send(Action::SectionRemoved)}>{ "Remove" }</button>
                    </div>
                }
            </div>
            { for paragraphs }
            if props.tools {
                <AddToSection section={id} number={n} tables={props.editing.tables.clone()} dispatch={dispatch.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    editing: Editing,
    id: u32,
    section: u32,
    /// "4.2", as it prints.
    number: String,
    content: Content,
    /// The paragraph's blocks as the report shows them, with live figures' values.
    blocks: Rc<Vec<Block>>,
    /// The paragraph as it prints, for tables and charts.
    printed: AttrValue,
    first: bool,
    last: bool,
    tools: bool,
}

#[function_component(ParagraphInPlace)]
fn paragraph_in_place(props: &ParagraphProps) -> Html {
    let asked = use_state(|| 0usize);
    let changing = use_state(|| false);
    let (id, number, dispatch) = (props.id, props.number.clone(), &props.editing.dispatch);
    let send = |action: fn(u32) -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action(id)))
    };
    let tables = props.editing.tables.clone();
    let section = props.section;
    let drop_before = drop_here(PARAGRAPH_DRAG, dispatch, move |dragged| Action::ParagraphPlaced {
        id: dragged,
        section,
        before: Some(id),
    });
    let body = match &props.content {
        Content::Text(text) => {
            let runs = props.blocks.iter().find_map(|b| if let Block::Text(r) = b { Some(r.clone()) } else { None });
            let on_split = dispatch.reform(move |(before, after)| Action::ParagraphSplit { id, before, after });
            html! {
                <InPlace field={Field::Text} id={format!("edit-text-{id}")} label={format!("Paragraph {number}")}
                    source={text.clone()} lines={Rc::new(vec![runs.unwrap_or_default()])} tables={tables.clone()}
                    placeholder="Type the paragraph here. { puts in a live figure."
                    on_change={dispatch.reform(move |t| Action::ParagraphEdited(id, Content::Text(t)))}
                    on_split={Some(on_split)} on_join={Some(dispatch.reform(move |()| Action::ParagraphJoined(id)))}
                    asked={*asked} />
            }
        }
        Content::Bullets { lead, items } => {
            let (lead_runs, item_runs) = props
                .blocks
                .iter()
                .find_map(|b| {
                    if let Block::Bullets { lead, items } = b {
                        Some((lead.clone(), items.clone()))
                    } else {
                        None
                    }
                })
                .unwrap_or_default();
            let on_lead = {
                let items = items.clone();
                dispatch
                    .reform(move |lead| Action::ParagraphEdited(id, Content::Bullets { lead, items: items.clone() }))
            };
            let on_items = {
                let lead = lead.clone();
                dispatch
                    .reform(move |items| Action::ParagraphEdited(id, Content::Bullets { lead: lead.clone(), items }))
            };
            html! {
                <>
                    <InPlace field={Field::Lead} id={format!("edit-lead-{id}")} label={format!("Paragraph {number}: lead-in")}
                        source={lead.clone()} lines={Rc::new(vec![lead_runs])} tables={tables.clone()}
                        placeholder="A lead-in sentence (optional), such as: The main risks are:" on_change={on_lead} />
                    <InPlace field={Field::Items} id={format!("edit-items-{id}")} label={format!("Paragraph {number}: bullet points")}
                        source={items.clone()} lines={Rc::new(item_runs)} tables={tables.clone()}
                        placeholder="" on_change={on_items} asked={*asked} />
                </>
            }
        }
        Content::Data { block, .. } => {
            let block = block.clone();
            let on_title = dispatch
                .reform(move |title| Action::ParagraphEdited(id, Content::Data { block: block.clone(), title }));
            // A table's caption and a chart's title are typed where they print.
            match props.blocks.iter().find(|b| matches!(b, Block::Table(_) | Block::Chart(_))) {
                Some(Block::Table(table)) => html! {
                    <TableInPlace printed={props.printed.clone()} caption={table.caption.clone()}
                        label={format!("Paragraph {number}: table caption")} id={format!("edit-caption-{id}")} {on_title} />
                },
                Some(Block::Chart(chart)) => html! {
                    <ChartInPlace printed={props.printed.clone()} title={chart.title.clone()}
                        label={format!("Paragraph {number}: chart title")} id={format!("edit-title-{id}")} {on_title} />
                },
                _ => Html::from_html_unchecked(props.printed.clone()),
            }
        }
    };
    let words = !matches!(props.content, Content::Data { .. });
    let ask = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(*asked + 1))
    };
    let toggle = {
        let changing = changing.clone();
        Callback::from(move |_: MouseEvent| changing.set(!*changing))
    };
    html! {
        <div class="block-shell" onkeydown={move_keys(dispatch, Action::ParagraphMoved, id)}
            ondragover={drop_before.0} ondrop={drop_before.1} ondragleave={drop_left()}>
            if words {
                <div class="paragraph" id={format!("paragraph-{id}")}>
                    <span class="paragraph-number">{ &number }</span>
                    <div class="paragraph-body">{ body }</div>
                </div>
            } else {
                { body }
            }
            if props.tools {
                <div class="block-tools edit-only" role="group" aria-label={format!("Tools for paragraph {number}")}>
                    <span class="drag-handle" draggable="true" aria-hidden="true" title="Drag to move the paragraph"
                        ondragstart={drag_start(PARAGRAPH_DRAG, id)}>{ "⠿" }</span>
                    <button type="button" class="secondary tool" disabled={props.first} onclick={send(|id| Action::ParagraphMoved(id, Move::Up))}>
                        { "Move up" }{ unseen(format!(" paragraph {number}")) }
                    </button>
                    <button type="button" class="secondary tool" disabled={props.last} onclick={send(|id| Action::ParagraphMoved(id, Move::Down))}>
                        { "Move down" }{ unseen(format!(" paragraph {number}")) }
                    </button>
                    if words {
                        <button type="button" class="secondary tool" onclick={ask}>
                            { "Insert figure" }{ unseen(format!(" into paragraph {number}")) }
                        </button>
                    } else {
                        <button type="button" class="secondary tool" aria-expanded={changing.to_string()} onclick={toggle}>
                            { "Change" }{ unseen(format!(" paragraph {number}")) }
                        </button>
                    }
                    <button type="button" class="secondary tool danger" aria-label={format!("Remove paragraph {number}")}
                        onclick={send(Action::ParagraphRemoved)}>{ "Remove" }</button>
                </div>
            }
            if *changing {
                if let Content::Data { block, title } = &props.content {
                    <BlockChange id={id} number={number.clone()} block={block.clone()} title={title.clone()}
                        blocks={props.blocks.clone()} tables={tables.clone()}
                        on_edit={dispatch.reform(move |content| Action::ParagraphEdited(id, content))} />
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    /// The paragraph with its table, as it prints.
    printed: AttrValue,
    /// "Table 3: Establishment by role": the number is the report's, the words the officer's.
    caption: String,
    label: String,
    id: String,
    on_title: Callback<String>,
}

/// A table whose caption is typed on where it prints. The table's HTML is the engine's, drawn
/// as it comes; its caption's words are a field put into it (a portal), so typing a caption
/// never redraws the table, and a table redrawn with new figures gets its field back.
#[function_component(TableInPlace)]
fn table_in_place(props: &TableProps) -> Html {
    let holder = use_node_ref();
    let host = use_state(|| None::<web_sys::Element>);
    let printed = use_memo(props.printed.clone(), |html| AttrValue::from(without_caption_words(html)));
    {
        let (holder, host) = (holder.clone(), host.clone());
        use_effect_with(printed.clone(), move |_| {
            let found = holder.cast::<web_sys::Element>().and_then(|h| h.query_selector("caption").ok().flatten());
            if *host != found {
                host.set(found);
            }
        });
    }
    let (number, words) = match props.caption.split_once(": ") {
        Some((number, words)) => (format!("{number}: "), words.to_owned()),
        None => (String::new(), props.caption.clone()),
    };
    let field = html! {
        <>
            <span class="caption-number">{ number }</span>
            <InPlace field={Field::Heading} id={props.id.clone()} label={props.label.clone()} source={words.clone()}
                lines={Rc::new(vec![vec![Run::Text(words)]])} placeholder="Caption" on_change={props.on_title.clone()} />
        </>
    };
    html! {
        <div class="table-in-place" ref={holder}>
            { Html::from_html_unchecked((*printed).clone()) }
            if let Some(host) = (*host).clone() {
                { create_portal(field, host) }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    /// The paragraph with its chart, as it prints.
    printed: AttrValue,
    title: String,
    label: String,
    id: String,
    on_title: Callback<String>,
}

/// A chart whose title is typed where it prints. The title is drawn in the chart's picture, so
/// the field is laid over it, at its size, and the drawn lines are hidden while the field is
/// there. The field is the picture's sibling, not inside it: typing redraws the picture (the
/// title's length moves the words below it) but never the field, which keeps the cursor.
#[function_component(ChartInPlace)]
fn chart_in_place(props: &ChartProps) -> Html {
    html! {
        <div class="chart-in-place">
            { Html::from_html_unchecked(props.printed.clone()) }
            <div class="chart-title-field edit-only">
                <InPlace field={Field::Heading} id={props.id.clone()} label={props.label.clone()} source={props.title.clone()}
                    lines={Rc::new(vec![vec![Run::Text(props.title.clone())]])} placeholder="Chart title (states the message)"
                    on_change={props.on_title.clone()} />
            </div>
        </div>
    }
}

/// The paragraph's HTML with its first caption emptied, for the field to fill.
fn without_caption_words(html: &str) -> String {
    match (html.find("<caption>"), html.find("</caption>")) {
        (Some(open), Some(close)) if open < close => format!("{}{}", &html[..open + "<caption>".len()], &html[close..]),
        _ => html.to_owned(),
    }
}

/// Alt+Up and Alt+Down move the paragraph or section being written in, as the Move buttons
/// do, and the keyboard stays where it was, at the new place.
fn move_keys(dispatch: &Callback<Action>, action: fn(u32, Move) -> Action, id: u32) -> Callback<KeyboardEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        let way = match e.key().as_str() {
            "ArrowUp" if e.alt_key() => Move::Up,
            "ArrowDown" if e.alt_key() => Move::Down,
            _ => return,
        };
        e.prevent_default();
        // The innermost block takes the keys: a paragraph moves, not its section too.
        e.stop_propagation();
        let field = e.target_dyn_into::<web_sys::HtmlElement>().map(|t| t.id()).filter(|id| !id.is_empty());
        // Where the cursor is in the words, which move with their block unchanged.
        let cursor = e.target_dyn_into::<web_sys::HtmlElement>().and_then(|t| cursor_offset(&t));
        dispatch.emit(action(id, way));
        // Moving an element in the page takes the focus from it: give it back once redrawn,
        // with the cursor where it was.
        if let Some(field) = field {
            gloo::timers::callback::Timeout::new(0, move || {
                let found = gloo::utils::document().get_element_by_id(&field);
                let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
                let _ = element.focus();
                element.scroll_into_view_with_bool(false);
                if let Some(offset) = cursor {
                    put_cursor_at(&element, offset);
                }
            })
            .forget();
        }
    })
}

fn drag_start(kind: &'static str, id: u32) -> Callback<DragEvent> {
    Callback::from(move |e: DragEvent| {
        e.stop_propagation();
        if let Some(data) = e.data_transfer() {
            let _ = data.set_data(kind, &id.to_string());
            data.set_effect_allowed("move");
        }
    })
}

/// A drag of this kind over a block marks where it would go; a drop there places it.
fn drop_here(
    kind: &'static str,
    dispatch: &Callback<Action>,
    action: impl Fn(u32) -> Action + 'static,
) -> (Callback<DragEvent>, Callback<DragEvent>) {
    let carries = move |e: &DragEvent| {
        e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some(kind)))
    };
    let over = Callback::from(move |e: DragEvent| {
        if carries(&e) {
            e.prevent_default();
            e.stop_propagation();
            if let Some(target) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.class_list().add_1("drop-before");
            }
        }
    });
    let dispatch = dispatch.clone();
    let drop = Callback::from(move |e: DragEvent| {
        if !carries(&e) {
            return;
        }
        e.prevent_default();
        e.stop_propagation();
        if let Some(target) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.class_list().remove_1("drop-before");
        }
        let dragged = e.data_transfer().and_then(|d| d.get_data(kind).ok()).and_then(|id| id.parse().ok());
        if let Some(dragged) = dragged {
            dispatch.emit(action(dragged));
        }
    });
    (over, drop)
}

fn drop_left() -> Callback<DragEvent> {
    Callback::from(|e: DragEvent| {
        if let Some(target) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.class_list().remove_1("drop-before");
        }
    })
}

/// The form at the foot of the report that adds a section, in committee order.
fn add_section(dispatch: &Callback<Action>) -> Html {
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = e.target_dyn_into::<web_sys::HtmlFormElement>();
            let input = form
                .and_then(|f| f.query_selector("input").ok().flatten())
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
            if let Some(input) = input {
                dispatch.emit(Action::SectionAdded { heading: input.value() });
                input.set_value("");
            }
        })
    };
    let ondragover = drop_here(SECTION_DRAG, dispatch, |dragged| Action::SectionPlaced { id: dragged, before: None });
    html! {
        <form class="add-section edit-only" {onsubmit} ondragover={ondragover.0} ondrop={ondragover.1} ondragleave={drop_left()}>
            <label for="new-section-heading">{ "New section heading" }</label>
            <input type="text" id="new-section-heading" list="conventional-headings"
                placeholder="For example: Financial implications" />
            <datalist id="conventional-headings">
                { for CONVENTIONAL_HEADINGS.iter().map(|h| html! { <option value={*h} /> }) }
            </datalist>
            <button type="submit">{ "Add section" }</button>
            <p class="hint">{ "It goes in the usual committee order: Financial implications after the body of the report, \
                before Background papers." }</p>
        </form>
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

/// "Add to section 4": a paragraph, a bullet list, the generated first draft, or a table or
/// chart. A paragraph dragged here goes to the end of the section.
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
    let section = props.section;
    let dropped = drop_here(PARAGRAPH_DRAG, &props.dispatch, move |dragged| Action::ParagraphPlaced {
        id: dragged,
        section,
        before: None,
    });
    html! {
        <div class="add-to-section edit-only" ondragover={dropped.0} ondrop={dropped.1} ondragleave={drop_left()}>
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
