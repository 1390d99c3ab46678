//! A table or chart's settings, opened by its Change button in the report: its own caption or
//! title in place of the one worked out from the data, and a tracker's rows.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::recommendations_editor::RecommendationsEditor;
use crate::engine::model::{Content, DataBlock};
use crate::engine::report::blocks::{kind_of, Shape};
use crate::engine::report::general::TableMenu;
use crate::engine::report::Block;

#[derive(Properties, PartialEq)]
pub struct BlockChangeProps {
    pub id: u32,
    /// "4.2", as it will print.
    pub number: String,
    pub block: DataBlock,
    pub title: String,
    /// The paragraph as the report shows it now, for the generated title.
    pub blocks: Rc<Vec<Block>>,
    /// The tables of figures: a block made from one is named after it.
    pub tables: Rc<Vec<TableMenu>>,
    pub on_edit: Callback<Content>,
}

#[function_component(BlockChange)]
pub fn block_change(props: &BlockChangeProps) -> Html {
    let (block, title, number) = (&props.block, &props.title, &props.number);
    let title_id = format!("paragraph-title-{}", props.id);
    let generated = props.blocks.iter().find_map(|b| match b {
        Block::Table(t) => Some(t.caption.split_once(": ").map_or(t.caption.clone(), |(_, words)| words.to_owned())),
        Block::Chart(c) => Some(c.title.clone()),
        _ => None,
    });
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
        <div class="block-change edit-only" role="group" aria-label={format!("Paragraph {number}: {name}")}>
            <p class="block-name">{ format!("Paragraph {number}: {name}") }</p>
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
