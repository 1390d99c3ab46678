//! Writing in the report where it is read: a section heading, a paragraph, a lead-in or a
//! bullet list of the preview takes typing in place. Live figures sit in the words as marked
//! tokens that the cursor steps over whole; `{` (or Insert figure) opens a searchable list of
//! them. The words typed are read back from the page into the paragraph's text, with each
//! token as `{its name}`, so the saved project, undo and every export are as they were.
//!
//! The page is written from the project only when the project says something else than the
//! page shows (opening a draft, undo, a figure's value changing): never while the officer's
//! own typing is what changed it, so the cursor stays where it is.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Node};
use yew::prelude::*;

use super::figure_picker::FigurePicker;
use crate::engine::chart::escape;
use crate::engine::report::general::TableMenu;
use crate::engine::report::live::Run;
use crate::engine::report::pasted;

/// What a field holds, which decides what Enter does and how its words are read back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A section heading: plain words, no live figures.
    Heading,
    /// A paragraph of prose: Enter starts the next paragraph.
    Text,
    /// The sentence before a bullet list: Enter goes on to the first bullet.
    Lead,
    /// The bullets, one a line: Enter starts the next bullet, as in Word.
    Items,
}

#[derive(Properties, PartialEq)]
pub struct InPlaceProps {
    pub field: Field,
    /// The element's id, which keeps the keyboard in the field when its paragraph moves.
    pub id: String,
    /// What a screen reader calls the field: "Paragraph 4.1".
    pub label: String,
    /// The words as saved, live figures as `{name}`.
    pub source: String,
    /// The words with each live figure's value now: one line, or one a bullet.
    pub lines: Rc<Vec<Vec<Run>>>,
    /// Shown greyed while the field is empty.
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub tables: Rc<Vec<TableMenu>>,
    pub on_change: Callback<String>,
    /// Enter in a paragraph: the words before the cursor and after it.
    #[prop_or_default]
    pub on_split: Option<Callback<(String, String)>>,
    /// Backspace at the start of a paragraph: join it to the paragraph before.
    #[prop_or_default]
    pub on_join: Option<Callback<()>>,
    /// Bumped by the block's Insert figure button: opens the list of figures here.
    #[prop_or_default]
    pub asked: usize,
}

#[function_component(InPlace)]
pub fn in_place(props: &InPlaceProps) -> Html {
    let node = use_node_ref();
    // Where the cursor was when the list of figures opened, to put the figure there.
    let caret = use_mut_ref(|| None::<web_sys::Range>);
    let picking = use_state(|| false);
    let field = props.field;
    {
        let node = node.clone();
        use_effect_with((props.source.clone(), props.lines.clone()), move |(source, lines)| {
            if let Some(element) = node.cast::<HtmlElement>() {
                show(&element, field, source, lines);
            }
        });
    }
    {
        let (node, caret, picking) = (node.clone(), caret.clone(), picking.clone());
        use_effect_with(props.asked, move |asked| {
            if *asked > 0 {
                if let Some(element) = node.cast::<HtmlElement>() {
                    let kept = caret
                        .borrow()
                        .clone()
                        .filter(|r| r.start_container().ok().is_some_and(|c| element.contains(Some(&c))));
                    *caret.borrow_mut() = kept.or_else(|| end_of(&element));
                    picking.set(true);
                }
            }
        });
    }
    let oninput = {
        let (node, on_change) = (node.clone(), props.on_change.clone());
        Callback::from(move |_: InputEvent| {
            if let Some(element) = node.cast::<HtmlElement>() {
                on_change.emit(read_back(&element, field));
            }
        })
    };
    let onkeydown = key_handler(props, &node, &caret, &picking);
    let onpaste = paste_handler(props, &node);
    let close = {
        let (node, caret, picking) = (node.clone(), caret.clone(), picking.clone());
        Callback::from(move |figure: Option<String>| {
            picking.set(false);
            let Some(element) = node.cast::<HtmlElement>() else { return };
            let range = caret.borrow_mut().take().or_else(|| end_of(&element));
            let _ = element.focus();
            if let Some(range) = range {
                if let Some(name) = figure {
                    insert_figure(&range, &name);
                }
                put_cursor(&range);
            }
        })
    };
    let picked = {
        let (node, on_change, close) = (node.clone(), props.on_change.clone(), close.clone());
        Callback::from(move |name: String| {
            close.emit(Some(name));
            if let Some(element) = node.cast::<HtmlElement>() {
                on_change.emit(read_back(&element, field));
            }
        })
    };
    let onblur = {
        let (node, caret) = (node.clone(), caret.clone());
        Callback::from(move |_: FocusEvent| {
            if let Some(element) = node.cast::<HtmlElement>() {
                if let Some(range) = cursor_in(&element) {
                    *caret.borrow_mut() = Some(range);
                }
            }
        })
    };
    let onfocus = show_whole_on_focus(&node);
    let class = classes!(
        "in-place",
        (field == Field::Lead).then_some("lead-in"),
        (field == Field::Items).then_some("bullet-box")
    );
    let attributes = |tag: &'static str| {
        html! {
            <@{tag} id={props.id.clone()} ref={node.clone()} {class} contenteditable="true" role="textbox"
                aria-multiline={(field == Field::Items).to_string()} aria-label={props.label.clone()}
                data-placeholder={props.placeholder.clone()} spellcheck="true"
                oninput={oninput.clone()} onkeydown={onkeydown.clone()} onpaste={onpaste.clone()} onblur={onblur.clone()} onfocus={onfocus.clone()} />
        }
    };
    let tag = match field {
        Field::Heading => "span",
        Field::Text | Field::Lead => "p",
        // A box holding the list: a list cannot be a text box itself and keep its bullets.
        Field::Items => "div",
    };
    html! {
        <>
            { attributes(tag) }
            if *picking {
                <FigurePicker label={props.label.clone()} tables={props.tables.clone()} on_pick={picked}
                    on_close={close.reform(|()| None)} />
            }
        </>
    }
}

/// Keys with a meaning in the report's words: `{` opens the list of figures, Enter starts the
/// next paragraph (or bullet, or goes on from a heading or lead-in), Backspace at a paragraph's
/// start joins it to the one before; Ctrl+U and styling a heading do nothing.
fn key_handler(
    props: &InPlaceProps,
    node: &NodeRef,
    caret: &Rc<std::cell::RefCell<Option<web_sys::Range>>>,
    picking: &UseStateHandle<bool>,
) -> Callback<KeyboardEvent> {
    let field = props.field;
    let (node, caret, picking, on_split) = (node.clone(), caret.clone(), picking.clone(), props.on_split.clone());
    let on_join = props.on_join.clone();
    Callback::from(move |e: KeyboardEvent| {
        let Some(element) = node.cast::<HtmlElement>() else { return };
        step_out_of_figure(&element);
        // Bold and italic are kept (Ctrl+B, Ctrl+I), in words only; underline is not a
        // committee report's, and a heading keeps its own style.
        let styling = (e.ctrl_key() || e.meta_key()) && matches!(e.key().as_str(), "b" | "i" | "u" | "B" | "I" | "U");
        if styling && (field == Field::Heading || e.key().eq_ignore_ascii_case("u")) {
            e.prevent_default();
            return;
        }
        match e.key().as_str() {
            "{" if field != Field::Heading && !e.ctrl_key() && !e.meta_key() => {
                e.prevent_default();
                *caret.borrow_mut() = cursor_in(&element).or_else(|| end_of(&element));
                picking.set(true);
            }
            "Backspace" if field == Field::Text => {
                if let (Some(on_join), Some(previous)) = (&on_join, joinable_before(&element)) {
                    e.prevent_default();
                    // The cursor goes where the two paragraphs meet.
                    let at = previous.text_content().unwrap_or_default().encode_utf16().count() as u32;
                    let id = previous.id();
                    on_join.emit(());
                    // Found again by its id once redrawn: the page may have drawn it anew.
                    gloo::timers::callback::Timeout::new(0, move || {
                        let found = gloo::utils::document().get_element_by_id(&id);
                        if let Some(previous) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                            let _ = previous.focus();
                            put_cursor_at(&previous, at);
                        }
                    })
                    .forget();
                }
            }
            "Enter" if !e.alt_key() => match field {
                Field::Items if !e.shift_key() => {}
                Field::Text => {
                    e.prevent_default();
                    if let (Some(on_split), Some((before, after))) = (&on_split, split_at_cursor(&element, field)) {
                        on_split.emit((before.trim_end().to_owned(), after.trim_start().to_owned()));
                        focus_next_field(&element, true);
                    }
                }
                _ => {
                    e.prevent_default();
                    focus_next_field(&element, false);
                }
            },
            _ => {}
        }
    })
}

// Text pasted from Word (or a web page) keeps its bold and italic words and its lines, and
// nothing else: fonts, colours, sizes and links are left behind. A list's lines become
// bullets in a bullet list and run on as one paragraph elsewhere.
fn paste_handler(props: &InPlaceProps, node: &NodeRef) -> Callback<Event> {
    let field = props.field;
    let (node, on_change) = (node.clone(), props.on_change.clone());
    Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
        let Some(data) = e.clipboard_data() else { return };
        let Some(element) = node.cast::<HtmlElement>() else { return };
        let html = data.get_data("text/html").unwrap_or_default();
        let mut lines = pasted::lines_from_html(&html);
        if lines.is_empty() {
            lines = pasted::lines_from_text(&data.get_data("text/plain").unwrap_or_default());
        }
        e.prevent_default();
        if field == Field::Heading {
            // A heading is plain words: no marks, braces as typed.
            lines = lines.iter().map(|l| pasted::unmarked(l)).collect();
        }
        let Some((before, after)) = split_at_cursor(&element, field) else { return };
        let joiner = if field == Field::Items { "\n" } else { " " };
        let pasted = lines.join(joiner);
        let mut at = cursor_offset(&element).unwrap_or(0) + shown_length(&pasted);
        let (start, end) = if field == Field::Items { bullet_edges(&element) } else { (false, false) };
        let (before, after) = (before.trim_end_matches('\n'), after.trim_start_matches('\n'));
        let words = match (start && !before.is_empty(), end && !after.is_empty()) {
            (false, false) => {
                // A space put in before the pasted words moves the cursor on by one.
                let spaced = pasted::joined(before, &pasted, "");
                at += shown_length(&spaced) - shown_length(before) - shown_length(&pasted);
                pasted::joined(before, &pasted, after)
            }
            (open, close) => {
                let (open, close) = (if open { "\n" } else { "" }, if close { "\n" } else { "" });
                format!("{before}{open}{pasted}{close}{after}")
            }
        };
        on_change.emit(words);
        // Once the field is drawn from the words with what was pasted, the cursor goes after it.
        let id = element.id();
        gloo::timers::callback::Timeout::new(0, move || {
            let found = gloo::utils::document().get_element_by_id(&id);
            if let Some(field) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                put_cursor_at(&field, at);
            }
        })
        .forget();
    })
}

// The browser brings the cursor into view, not the field: a list or paragraph reached by
// Tab near the foot of the window is shown whole (as far as the window allows).
fn show_whole_on_focus(node: &NodeRef) -> Callback<FocusEvent> {
    let node = node.clone();
    Callback::from(move |_: FocusEvent| {
        let Some(element) = node.cast::<HtmlElement>() else { return };
        let window = gloo::utils::window();
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let place = element.get_bounding_client_rect();
        let margin = 48.0;
        let by = if place.bottom() > height - margin {
            (place.bottom() - height + margin).min(place.top() - margin)
        } else if place.top() < margin {
            place.top() - margin
        } else {
            0.0
        };
        if by != 0.0 {
            window.scroll_by_with_x_and_y(0.0, by);
        }
    })
}

/// Writes the field from the project when the page shows something else; otherwise brings
/// each live figure's value up to date where it stands, leaving the cursor be.
fn show(element: &HtmlElement, field: Field, source: &str, lines: &[Vec<Run>]) {
    if read_back(element, field) != source || (field == Field::Items && !all_bullets(element)) {
        element.set_inner_html(&render(field, lines));
        if gloo::utils::document().active_element().is_some_and(|a| a == **element) {
            if let Some(end) = end_of(element) {
                put_cursor(&end);
            }
        }
        return;
    }
    let Ok(tokens) = element.query_selector_all("[data-figure]") else { return };
    let figures = lines.iter().flatten().filter_map(|run| match run {
        Run::Figure { name, value } => Some((name, value)),
        _ => None,
    });
    for (i, (name, value)) in figures.enumerate() {
        let Some(token) = tokens.item(i as u32).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { break };
        let (words, missing) = shown_value(name, value);
        if token.text_content().as_deref() != Some(words.as_str()) {
            token.set_text_content(Some(&words));
        }
        token.set_class_name(if missing { "figure-token missing" } else { "figure-token" });
    }
}

/// True when the field holds one list of bullets and nothing else: the browser may empty it, or
/// put lines typed into an emptied list in `<div>`s, and each must become a bullet again.
fn all_bullets(field: &HtmlElement) -> bool {
    let blank =
        |node: &Node| node.node_type() == Node::TEXT_NODE && node.text_content().unwrap_or_default().trim().is_empty();
    let only = |node: &Node, tag: &str| {
        let nodes = node.child_nodes();
        let all: Vec<Node> = (0..nodes.length()).filter_map(|i| nodes.item(i)).filter(|n| !blank(n)).collect();
        !all.is_empty()
            && all.iter().all(|n| n.node_name() == tag && !n.text_content().unwrap_or_default().contains('\n'))
    };
    // One list, of bullets only.
    only(field, "UL") && field.first_element_child().is_some_and(|list| only(&list, "LI"))
}

/// What a live figure shows: its value, or its name in square brackets, as the report prints.
fn shown_value(name: &str, value: &Result<String, String>) -> (String, bool) {
    match value {
        Ok(value) => (value.clone(), false),
        Err(_) => (format!("[{name}: no figure]"), true),
    }
}

/// The field's words as HTML: live figures as tokens the cursor cannot enter.
fn render(field: Field, lines: &[Vec<Run>]) -> String {
    let line = |runs: &[Run]| {
        let mut out = String::new();
        for run in runs {
            match run {
                Run::Text(text) => out.push_str(&escape(text)),
                Run::Styled { text, bold, italic } => {
                    let (open, close) = match (bold, italic) {
                        (true, true) => ("<strong><em>", "</em></strong>"),
                        (true, false) => ("<strong>", "</strong>"),
                        _ => ("<em>", "</em>"),
                    };
                    out.push_str(&format!("{open}{}{close}", escape(text)));
                }
                Run::Figure { name, value } => {
                    let (words, missing) = shown_value(name, value);
                    let class = if missing { "figure-token missing" } else { "figure-token" };
                    out.push_str(&format!(
                        "<span class=\"{class}\" contenteditable=\"false\" data-figure=\"{}\">{}</span>",
                        escape(name),
                        escape(&words)
                    ));
                }
            }
        }
        out
    };
    match field {
        Field::Items if lines.is_empty() => "<ul class=\"bullets\"><li></li></ul>".to_owned(),
        Field::Items => {
            let bullets: String = lines.iter().map(|l| format!("<li>{}</li>", line(l))).collect();
            format!("<ul class=\"bullets\">{bullets}</ul>")
        }
        _ => lines.first().map(|l| line(l)).unwrap_or_default(),
    }
}

/// The words of a field (or a piece of one) as saved: live figures as `{name}`, braces typed
/// as words doubled so they stay words, and one line a bullet in a list.
fn read_back(node: &Node, field: Field) -> String {
    let mut out = String::new();
    if field == Field::Items {
        let mut lines: Vec<String> = Vec::new();
        let mut loose = String::new();
        bullet_lines(node, &mut lines, &mut loose);
        if !loose.trim().is_empty() {
            lines.push(loose);
        }
        let lines: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
        return lines.join("\n").trim_end_matches('\n').to_owned();
    }
    words(node, &mut out, field);
    out
}

/// A list's lines: each bullet (or a line the browser put in a `<div>`) is one, and words
/// loose beside them make one more.
fn bullet_lines(node: &Node, lines: &mut Vec<String>, loose: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_name().as_str() {
            "UL" | "OL" => bullet_lines(&child, lines, loose),
            "LI" | "DIV" | "P" => {
                if !loose.trim().is_empty() {
                    lines.push(std::mem::take(loose));
                }
                let mut line = String::new();
                words(&child, &mut line, Field::Items);
                lines.push(line);
            }
            _ => words_of(&child, loose, Field::Items),
        }
    }
}

fn words(node: &Node, out: &mut String, field: Field) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            words_of(&child, out, field);
        }
    }
}

fn words_of(node: &Node, out: &mut String, field: Field) {
    let braces = field != Field::Heading;
    match node.node_type() {
        Node::TEXT_NODE => {
            // A line break typed or pasted into a bullet starts a new bullet; elsewhere it is a space.
            let text = node.text_content().unwrap_or_default().replace('\u{a0}', " ");
            let text = if field == Field::Items { text } else { text.replace('\n', " ") };
            if braces {
                out.push_str(&text.replace('{', "{{").replace('}', "}}"));
            } else {
                out.push_str(&text);
            }
        }
        Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            let tag = node.node_name();
            match element.get_attribute("data-figure") {
                Some(name) => {
                    out.push('{');
                    out.push_str(&name);
                    out.push('}');
                }
                // The browser's placeholder in an emptied field.
                None if tag == "BR" => {}
                // What pasted HTML carries besides words.
                None if matches!(tag.as_str(), "STYLE" | "SCRIPT" | "TITLE" | "META" | "HEAD" | "TEMPLATE") => {}
                None => {
                    let (bold, italic) = if field == Field::Heading { (false, false) } else { emphasis(element) };
                    let block = matches!(tag.as_str(), "P" | "DIV" | "LI" | "H1" | "H2" | "H3" | "H4" | "TR");
                    out.push_str(if bold { "{b}" } else { "" });
                    out.push_str(if italic { "{i}" } else { "" });
                    words(node, out, field);
                    out.push_str(if italic { "{/i}" } else { "" });
                    out.push_str(if bold { "{/b}" } else { "" });
                    if block {
                        out.push(if field == Field::Items { '\n' } else { ' ' });
                    }
                }
            }
        }
        _ => {}
    }
}

/// Whether an element of the field makes its words bold or italic: the report draws them as
/// `<strong>` and `<em>`, and Ctrl+B and Ctrl+I put in `<b>` and `<i>`. (Pasted text is read by
/// `engine::report::pasted`, styles and all, before it reaches the field.)
fn emphasis(element: &web_sys::Element) -> (bool, bool) {
    let tag = element.tag_name();
    (matches!(tag.as_str(), "B" | "STRONG"), matches!(tag.as_str(), "I" | "EM"))
}

/// How many characters words as saved show: marks and doubled braces take one or none.
fn shown_length(words: &str) -> u32 {
    pasted::unmarked(words).encode_utf16().count() as u32
}

/// In a bullet list, whether the cursor is at the start and at the end of its bullet: what is
/// pasted there is bullets of its own, not words run onto its neighbours.
fn bullet_edges(element: &HtmlElement) -> (bool, bool) {
    let Some(cursor) = cursor_in(element) else { return (true, true) };
    let container = cursor.start_container().ok();
    let inside =
        container.and_then(|n| if n.node_type() == Node::TEXT_NODE { n.parent_element() } else { n.dyn_into().ok() });
    let Some(bullet) = inside.and_then(|e| e.closest("li").ok().flatten()) else { return (true, true) };
    let side = |start: bool| -> Option<bool> {
        let range = gloo::utils::document().create_range().ok()?;
        range.select_node_contents(&bullet).ok()?;
        if start {
            range.set_end(&cursor.start_container().ok()?, cursor.start_offset().ok()?).ok()?;
        } else {
            range.set_start(&cursor.end_container().ok()?, cursor.end_offset().ok()?).ok()?;
        }
        Some(String::from(range.to_string()).trim().is_empty())
    };
    (side(true).unwrap_or(true), side(false).unwrap_or(true))
}

/// The browser can put the cursor inside a live figure's value (Ctrl+End next to one does):
/// a key pressed there acts just after the figure instead, since a value is not words to edit.
fn step_out_of_figure(element: &HtmlElement) {
    let Some(cursor) = cursor_in(element) else { return };
    let container = cursor.start_container().ok();
    let inside =
        container.and_then(|n| if n.node_type() == Node::TEXT_NODE { n.parent_element() } else { n.dyn_into().ok() });
    let token = inside.and_then(|e| e.closest("[data-figure]").ok().flatten());
    if let (Some(token), Ok(after)) = (token, gloo::utils::document().create_range()) {
        if after.set_start_after(&token).is_ok() {
            after.collapse_with_to_start(true);
            put_cursor(&after);
        }
    }
}

/// The paragraph of words just before this one in its section, when the cursor is at the very
/// start of this one with nothing selected: Backspace there joins the two.
fn joinable_before(element: &HtmlElement) -> Option<HtmlElement> {
    let cursor = cursor_in(element)?;
    if !cursor.collapsed() || !split_at_cursor(element, Field::Text)?.0.trim().is_empty() {
        return None;
    }
    let section = element.closest("section").ok()??;
    let fields = section.query_selector_all(".in-place").ok()?;
    let all: Vec<HtmlElement> = (0..fields.length()).filter_map(|i| fields.item(i)?.dyn_into().ok()).collect();
    let at = all.iter().position(|f| f == element)?;
    all.get(at.checked_sub(1)?).filter(|f| f.id().starts_with("edit-text-")).cloned()
}

/// The selection, when it is in this field.
fn cursor_in(element: &HtmlElement) -> Option<web_sys::Range> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    element.contains(Some(&range.start_container().ok()?)).then_some(range)
}

fn end_of(element: &HtmlElement) -> Option<web_sys::Range> {
    let range = gloo::utils::document().create_range().ok()?;
    range.select_node_contents(element).ok()?;
    range.collapse_with_to_start(false);
    Some(range)
}

/// How many characters of the field's words come before the cursor: a place that outlasts the
/// field being drawn again, as it is when its block moves.
pub(super) fn cursor_offset(element: &HtmlElement) -> Option<u32> {
    let cursor = cursor_in(element)?;
    let before = gloo::utils::document().create_range().ok()?;
    before.select_node_contents(element).ok()?;
    before.set_end(&cursor.start_container().ok()?, cursor.start_offset().ok()?).ok()?;
    Some(String::from(before.to_string()).encode_utf16().count() as u32)
}

/// Puts the cursor `offset` characters into the field's words; past a live figure's value, never
/// inside it.
pub(super) fn put_cursor_at(element: &HtmlElement, offset: u32) {
    fn walk(node: &Node, left: &mut u32) -> Option<(Node, u32)> {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let child = children.item(i)?;
            let length = child.text_content().unwrap_or_default().encode_utf16().count() as u32;
            let token = child.node_type() == Node::ELEMENT_NODE
                && child.unchecked_ref::<web_sys::Element>().has_attribute("data-figure");
            if *left <= length && !token && child.node_type() == Node::TEXT_NODE {
                return Some((child, *left));
            }
            if *left < length && !token {
                return walk(&child, left);
            }
            if *left <= length && token {
                // After the figure: the place just past it in its parent.
                return Some((node.clone(), i + 1));
            }
            *left -= length;
        }
        None
    }
    let mut left = offset;
    let Ok(range) = gloo::utils::document().create_range() else { return };
    match walk(element, &mut left) {
        Some((node, at)) => {
            let _ = range.set_start(&node, at);
            range.collapse_with_to_start(true);
        }
        None => {
            let _ = range.select_node_contents(element);
            range.collapse_with_to_start(false);
        }
    }
    put_cursor(&range);
}

pub(super) fn put_cursor(range: &web_sys::Range) {
    if let Some(selection) = gloo::utils::window().get_selection().ok().flatten() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(range);
    }
}

/// A live figure put in at the cursor, the cursor after it.
fn insert_figure(range: &web_sys::Range, name: &str) {
    let document = gloo::utils::document();
    let Ok(token) = document.create_element("span") else { return };
    token.set_class_name("figure-token");
    let _ = token.set_attribute("contenteditable", "false");
    let _ = token.set_attribute("data-figure", name);
    token.set_text_content(Some(&format!("[{name}]")));
    let _ = range.delete_contents();
    let _ = range.insert_node(&token);
    // The browser keeps a space typed at the end as a no-break space; followed by the figure
    // now, it is an ordinary space again.
    if let Some(before) = token.previous_sibling().filter(|n| n.node_type() == Node::TEXT_NODE) {
        let words = before.text_content().unwrap_or_default();
        if let Some(kept) = words.strip_suffix('\u{a0}') {
            before.set_text_content(Some(&format!("{kept} ")));
        }
    }
    let _ = range.set_start_after(&token);
    range.collapse_with_to_start(true);
}

/// The field's words before the cursor and after it, as saved.
fn split_at_cursor(element: &HtmlElement, field: Field) -> Option<(String, String)> {
    let cursor = cursor_in(element)?;
    let document = gloo::utils::document();
    let before = document.create_range().ok()?;
    before.select_node_contents(element).ok()?;
    before.set_end(&cursor.start_container().ok()?, cursor.start_offset().ok()?).ok()?;
    let after = document.create_range().ok()?;
    after.select_node_contents(element).ok()?;
    after.set_start(&cursor.end_container().ok()?, cursor.end_offset().ok()?).ok()?;
    let piece = |range: web_sys::Range| range.clone_contents().ok().map(|f| read_back(&f, field));
    Some((piece(before)?, piece(after)?))
}

/// Moves the keyboard on to the next field of the report after Enter: the new paragraph (once
/// the page has been `redrawn` with it), or the bullets after a lead-in.
fn focus_next_field(element: &HtmlElement, redrawn: bool) {
    let id = element.id();
    let go = move || {
        let document = gloo::utils::document();
        let Ok(fields) = document.query_selector_all(".report .in-place") else { return };
        let all: Vec<HtmlElement> =
            (0..fields.length()).filter_map(|i| fields.item(i)?.dyn_into::<HtmlElement>().ok()).collect();
        let Some(at) = all.iter().position(|f| f.id() == id) else { return };
        if let Some(next) = all.get(at + 1) {
            let _ = next.focus();
            // At the start of its words: in a list, inside its first bullet.
            let start: Node = match next.query_selector("li") {
                Ok(Some(bullet)) => bullet.into(),
                _ => next.clone().into(),
            };
            if let Ok(Some(range)) = document.create_range().map(|r| {
                r.select_node_contents(&start).ok()?;
                r.collapse_with_to_start(true);
                Some(r)
            }) {
                put_cursor(&range);
            }
        }
    };
    // A new paragraph is there once the page is redrawn; the bullets after a lead-in are
    // there now, and the next key pressed must go to them.
    if redrawn {
        gloo::timers::callback::Timeout::new(0, go).forget();
    } else {
        go();
    }
}
