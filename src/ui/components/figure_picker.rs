//! The list of live figures, opened by `{` in a paragraph or by its Insert figure button:
//! type a few letters to find one, arrows to choose, Enter to put it in, Escape to go back to
//! the words. A combobox with its list (WAI-ARIA), so a screen reader says each choice.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::case::lower;
use crate::engine::report::general::TableMenu;
use crate::engine::report::live::FIGURES;

#[derive(Properties, PartialEq)]
pub struct FigurePickerProps {
    /// The field it puts figures into: "Paragraph 4.1".
    pub label: AttrValue,
    pub tables: Rc<Vec<TableMenu>>,
    pub on_pick: Callback<String>,
    pub on_close: Callback<()>,
}

/// A figure the list offers: its name, what it gives, and its group.
#[derive(Clone, PartialEq)]
struct Choice {
    name: String,
    help: String,
    group: String,
}

fn choices(tables: &[TableMenu]) -> Vec<Choice> {
    let built_in =
        FIGURES.iter().map(|f| Choice { name: f.name.to_owned(), help: f.help.to_owned(), group: f.group.to_owned() });
    let from_tables = tables.iter().flat_map(|t| {
        t.figures.iter().map(|(name, help)| Choice { name: name.clone(), help: help.clone(), group: t.name.clone() })
    });
    built_in.chain(from_tables).collect()
}

/// The choices whose name, meaning or group hold every word typed: the figure of exactly that
/// name first, then names that start so, then the rest in the list's order. A name typed
/// whole that the list does not hold (`vacancy rate, earlier`, a table's own figure) is
/// offered last as typed: the report says plainly if it has no figure by that name.
fn matching(all: &[Choice], query: &str) -> Vec<Choice> {
    let wanted = lower(query.trim());
    let words: Vec<&str> = wanted.split_whitespace().collect();
    let mut found: Vec<(u8, &Choice)> = all
        .iter()
        .filter_map(|c| {
            let name = lower(&c.name);
            let haystack = format!("{name} {} {}", lower(&c.help), lower(&c.group));
            let rank = if name == wanted {
                0
            } else if name.starts_with(&wanted) {
                1
            } else {
                2
            };
            words.iter().all(|w| haystack.contains(w)).then_some((rank, c))
        })
        .collect();
    crate::engine::order::sort_by_key(&mut found, |(rank, _)| *rank);
    let exact = found.first().is_some_and(|(rank, _)| *rank == 0);
    let mut shown: Vec<Choice> = found.into_iter().map(|(_, c)| c.clone()).collect();
    if !exact && !wanted.is_empty() && !query.contains(['{', '}']) {
        let name = query.trim().to_owned();
        shown.push(Choice { name, help: "as typed".to_owned(), group: "a name not in this list".to_owned() });
    }
    shown
}

#[function_component(FigurePicker)]
pub fn figure_picker(props: &FigurePickerProps) -> Html {
    let all = use_memo(props.tables.clone(), |tables| choices(tables));
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |()| {
            if let Some(input) = input.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        });
    }
    let shown = matching(&all, &query);
    let count = shown.len();
    let active_index = (*active).min(count.saturating_sub(1));
    let option_id = |i: usize| format!("figure-choice-{i}");
    // The chosen figure stays in sight as the arrows go down a long list.
    use_effect_with(active_index, move |i| {
        let document = gloo::utils::document();
        let item = document.get_element_by_id(&format!("figure-choice-{i}"));
        let item = item.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let (Some(item), Some(list)) = (item, document.get_element_by_id("figure-choices")) {
            let (top, bottom) = (item.offset_top(), item.offset_top() + item.offset_height());
            if top < list.scroll_top() {
                list.set_scroll_top(top);
            } else if bottom > list.scroll_top() + list.client_height() {
                list.set_scroll_top(bottom - list.client_height());
            }
        }
    });
    let oninput = {
        let (query, active) = (query.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            active.set(0);
        })
    };
    let onkeydown = {
        let (active, on_pick, on_close) = (active.clone(), props.on_pick.clone(), props.on_close.clone());
        let names: Vec<String> = shown.iter().map(|c| c.name.clone()).collect();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                active.set((active_index + 1).min(count.saturating_sub(1)));
            }
            "ArrowUp" => {
                e.prevent_default();
                active.set(active_index.saturating_sub(1));
            }
            "Enter" => {
                e.prevent_default();
                if let Some(name) = names.get(active_index) {
                    on_pick.emit(name.clone());
                }
            }
            "Escape" => {
                e.prevent_default();
                on_close.emit(());
            }
            _ => {}
        })
    };
    // Leaving the list for elsewhere on the page closes it, putting nothing in.
    let onfocusout = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e.related_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
            let container = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
            if let (Some(container), inside) = (container, inside) {
                if !container.contains(inside.as_ref()) {
                    on_close.emit(());
                }
            }
        })
    };
    let pick = |name: String| {
        let on_pick = props.on_pick.clone();
        // On mouse down, before the input loses the focus and closes the list.
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_pick.emit(name.clone());
        })
    };
    html! {
        <div class="figure-picker edit-only" role="dialog" aria-label={format!("Insert a live figure into {}", props.label)}
            {onfocusout}>
            <label for="figure-search">{ "Find a live figure" }</label>
            <input type="text" id="figure-search" ref={input} role="combobox" aria-autocomplete="list"
                aria-expanded="true" aria-controls="figure-choices" autocomplete="off"
                aria-activedescendant={(count > 0).then(|| option_id(active_index))}
                value={(*query).clone()} {oninput} {onkeydown} />
            <ul id="figure-choices" role="listbox" aria-label="Live figures">
                { for shown.iter().enumerate().map(|(i, c)| html! {
                    <li id={option_id(i)} role="option" aria-selected={(i == active_index).to_string()}
                        class={classes!((i == active_index).then_some("active"))} onmousedown={pick(c.name.clone())}>
                        <span class="figure-name">{ &c.name }</span>
                        <span class="figure-help">{ format!("{} ({})", c.help, c.group) }</span>
                    </li>
                }) }
            </ul>
            <p class="hint" aria-live="polite">
                { format!("{count} {}. Up and Down choose, Enter puts it in, Escape goes back to the text.",
                    if count == 1 { "figure" } else { "figures" }) }
            </p>
        </div>
    }
}
