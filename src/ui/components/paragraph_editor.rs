//! One paragraph in the editor: prose or a bullet list with live figures, or a table or chart
//! with its title. Live figures are shown marked under the text, as they will print.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::recommendations_editor::RecommendationsEditor;
use super::unseen;
use crate::engine::model::{Content, DataBlock};
use crate::engine::report::blocks::{kind_of, Shape};
use crate::engine::report::general::TableMenu;
use crate::engine::report::html::marked;
use crate::engine::report::live::{Figure, FIGURES};
use crate::engine::report::{Block, Paragraph};

#[derive(Properties, PartialEq)]
pub struct ParagraphEditorProps {
    pub id: u32,
    /// "4.2", as it will print.
    pub number: String,
    pub content: Content,
    /// The paragraph as the report shows it now, for the live figures and generated titles.
    pub shown: Option<Paragraph>,
    /// The tables of figures: their live figures join Insert figure, and a block made from one
    /// is named after it.
    pub tables: Rc<Vec<TableMenu>>,
    pub on_edit: Callback<Content>,
}

#[function_component(ParagraphEditor)]
pub fn paragraph_editor(props: &ParagraphEditorProps) -> Html {
    let text_ref = use_node_ref();
    let figure_ref = use_node_ref();
    let field_id = format!("paragraph-text-{}", props.id);
    let number = props.number.clone();
    let shown_blocks = props.shown.as_ref().map(|p| p.blocks.clone()).unwrap_or_default();
    match &props.content {
        Content::Text(text) => {
            let on_edit = props.on_edit.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_edit.emit(Content::Text(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
            });
            let insert = insert_figure(text_ref.clone(), figure_ref.clone(), {
                let on_edit = props.on_edit.clone();
                Callback::from(move |text: String| on_edit.emit(Content::Text(text)))
            });
            let preview =
                shown_blocks.iter().find_map(|b| if let Block::Text(runs) = b { Some(marked(runs)) } else { None });
            html! {
                <div class="paragraph-fields">
                    <label for={field_id.clone()}>{ format!("Paragraph {number}") }</label>
                    <textarea id={field_id.clone()} ref={text_ref} rows="4" value={text.clone()} {oninput} />
                    { figure_menu(&field_id, &number, figure_ref, &props.tables, insert) }
                    if let Some(preview) = preview {
                        // A paragraph cannot be named; a group can, so a screen reader says what this is.
                        <div class="live-preview" role="group" aria-label={format!("Paragraph {number} as it will print")}>
                            { Html::from_html_unchecked(preview.into()) }
                        </div>
                    }
                </div>
            }
        }
        Content::Bullets { lead, items } => {
            let lead_id = format!("paragraph-lead-{}", props.id);
            let on_lead = {
                let (on_edit, items) = (props.on_edit.clone(), items.clone());
                Callback::from(move |e: InputEvent| {
                    let lead = e.target_unchecked_into::<HtmlInputElement>().value();
                    on_edit.emit(Content::Bullets { lead, items: items.clone() })
                })
            };
            let on_items = {
                let (on_edit, lead) = (props.on_edit.clone(), lead.clone());
                Callback::from(move |e: InputEvent| {
                    let items = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    on_edit.emit(Content::Bullets { lead: lead.clone(), items })
                })
            };
            let insert = insert_figure(text_ref.clone(), figure_ref.clone(), {
                let (on_edit, lead) = (props.on_edit.clone(), lead.clone());
                Callback::from(move |items: String| on_edit.emit(Content::Bullets { lead: lead.clone(), items }))
            });
            let preview = shown_blocks.iter().find_map(|b| match b {
                Block::Bullets { items, .. } => Some(items.iter().map(|i| marked(i)).collect::<Vec<_>>()),
                _ => None,
            });
            html! {
                <div class="paragraph-fields">
                    <label for={lead_id.clone()}>{ format!("Paragraph {number}: lead-in") }</label>
                    <input type="text" id={lead_id} value={lead.clone()} oninput={on_lead} />
                    <label for={field_id.clone()}>{ "Bullet points, one a line" }</label>
                    <textarea id={field_id.clone()} ref={text_ref} rows="4" value={items.clone()} oninput={on_items} />
                    { figure_menu(&field_id, &number, figure_ref, &props.tables, insert) }
                    if let Some(preview) = preview {
                        <ul class="live-preview" aria-label={format!("Paragraph {number} as it will print")}>
                            { for preview.into_iter().map(|item| html! { <li>{ Html::from_html_unchecked(item.into()) }</li> }) }
                        </ul>
                    }
                </div>
            }
        }
        Content::Data { block, title } => {
            let title_id = format!("paragraph-title-{}", props.id);
            let generated = shown_blocks.iter().find_map(|b| match b {
                Block::Table(t) => {
                    Some(t.caption.split_once(": ").map_or(t.caption.clone(), |(_, words)| words.to_owned()))
                }
                Block::Chart(c) => Some(c.title.clone()),
                _ => None,
            });
            let problem =
                shown_blocks.iter().find_map(|b| if let Block::Problem(p) = b { Some(p.clone()) } else { None });
            let on_title = {
                let (on_edit, block) = (props.on_edit.clone(), block.clone());
                Callback::from(move |e: InputEvent| {
                    let title = e.target_unchecked_into::<HtmlInputElement>().value();
                    on_edit.emit(Content::Data { block: block.clone(), title })
                })
            };
            let kind = kind_of(block);
            let what = match kind.shape() {
                Shape::Chart => "Chart title (states the message)",
                Shape::Table => "Table caption",
            };
            let name = match block {
                DataBlock::GeneralTable(id) | DataBlock::GeneralChart(id) => {
                    let table = props.tables.iter().find(|t| t.id == *id);
                    format!("{}: {}", kind.label, table.map_or("a table no longer in the report", |t| t.name.as_str()))
                }
                _ => kind.label.to_owned(),
            };
            html! {
                <div class="paragraph-fields">
                    <p class="block-name">{ format!("Paragraph {number}: {name}") }</p>
                    if let Some(problem) = problem {
                        <p class="report-problem">{ problem }</p>
                    }
                    <label for={title_id.clone()}>{ what }</label>
                    <input type="text" id={title_id} value={title.clone()} oninput={on_title}
                        placeholder={generated.unwrap_or_default()} />
                    <p class="hint">{ "Leave empty to use the wording worked out from the data (shown greyed)." }</p>
                    if let DataBlock::Recommendations(rows) = block {
                        <RecommendationsEditor id={props.id} rows={rows.clone()} on_change={
                            let (on_edit, title) = (props.on_edit.clone(), title.clone());
                            Callback::from(move |rows| on_edit.emit(Content::Data { block: DataBlock::Recommendations(rows), title: title.clone() }))
                        } />
                    }
                </div>
            }
        }
    }
}

/// The Insert figure menu: the figure chosen goes in where the cursor was in the text when
/// Insert is pressed. Choosing alone does nothing, so arrowing through the list with the
/// keyboard does not put a figure in at every step (WCAG 3.2.2).
fn figure_menu(
    field_id: &str,
    number: &str,
    figure_ref: NodeRef,
    tables: &[TableMenu],
    onclick: Callback<MouseEvent>,
) -> Html {
    let id = format!("{field_id}-figure");
    html! {
        <div class="insert-figure">
            <label for={id.clone()}>{ "Insert figure" }</label>
            <select {id} ref={figure_ref}>
                <option value="" selected=true>{ "Choose a figure…" }</option>
                { for figure_groups().map(|(group, figures)| html! {
                    <optgroup label={group}>
                        { for figures.map(|figure| html! {
                            <option value={figure.name}>{ format!("{}: {}", figure.name, figure.help) }</option>
                        }) }
                    </optgroup>
                }) }
                { for tables.iter().map(|table| html! {
                    <optgroup label={table.name.clone()}>
                        { for table.figures.iter().map(|(name, help)| html! {
                            <option value={name.clone()}>{ format!("{name}: {help}") }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
            <button type="button" class="secondary" {onclick}>
                { "Insert" }{ unseen(format!(" figure into paragraph {number}")) }
            </button>
        </div>
    }
}

/// The live figures by their group, in the order `FIGURES` declares them.
fn figure_groups() -> impl Iterator<Item = (&'static str, impl Iterator<Item = &'static Figure>)> {
    let mut groups: Vec<&'static str> = FIGURES.iter().map(|f| f.group).collect();
    groups.dedup();
    groups.into_iter().map(|group| (group, FIGURES.iter().filter(move |f| f.group == group)))
}

fn insert_figure(text_ref: NodeRef, figure_ref: NodeRef, on_text: Callback<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let (Some(select), Some(area)) =
            (figure_ref.cast::<HtmlSelectElement>(), text_ref.cast::<HtmlTextAreaElement>())
        else {
            return;
        };
        let name = select.value();
        if name.is_empty() {
            return;
        }
        select.set_value("");
        let text = area.value();
        // The browser counts the cursor in UTF-16 units; find the matching byte.
        let cursor = area.selection_start().ok().flatten().unwrap_or(u32::MAX) as usize;
        let mut units = 0;
        let at = text
            .char_indices()
            .find(|(_, c)| {
                let found = units >= cursor;
                units += c.len_utf16();
                found
            })
            .map_or(text.len(), |(i, _)| i);
        let token = format!("{{{name}}}");
        let edited = format!("{}{token}{}", &text[..at], &text[at..]);
        // Back in the text with the cursor just after the figure, to carry on typing.
        let after = (text[..at].encode_utf16().count() + token.encode_utf16().count()) as u32;
        area.set_value(&edited);
        let _ = area.set_selection_range(after, after);
        let _ = area.focus();
        on_text.emit(edited);
    })
}
