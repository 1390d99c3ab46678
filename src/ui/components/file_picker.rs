//! "Upload a file": a file input that hands the chosen file on. Dropping a file anywhere on
//! the page does the same (see `app.rs`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ProblemList;
use crate::engine::import::Problem;

/// The file types offered in the browser's file chooser; anything else can still be dropped.
pub const ACCEPT: &str = ".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.json,.html,.htm";

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub on_file: Callback<web_sys::File>,
    /// The pointer or focus came to the field: a file is about to be chosen.
    pub on_near: Callback<()>,
    pub busy: bool,
    /// Why the last file could not be opened at all, said beside the field.
    #[prop_or_default]
    pub problems: Vec<Problem>,
    /// The id of the message under the import details that says why it could not be read.
    #[prop_or_default]
    pub error_elsewhere: Option<AttrValue>,
}

#[function_component(FilePicker)]
pub fn file_picker(props: &FilePickerProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again after editing it should read it again.
            input.set_value("");
        })
    };
    // While a file is read, choosing another does nothing. Not `disabled`: that would throw
    // the focus off the field, and a keyboard user back to the top of the page.
    let onclick = {
        let busy = props.busy;
        Callback::from(move |event: MouseEvent| {
            if busy {
                event.prevent_default();
            }
        })
    };
    let has_error = !props.problems.is_empty();
    let invalid = has_error || props.error_elsewhere.is_some();
    let described_by = ["upload-hint"]
        .into_iter()
        .chain(has_error.then_some("upload-error"))
        .chain(props.error_elsewhere.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    // The import worker is started as the officer comes to the field, so it is ready by the
    // time the file chooser closes.
    let onpointerenter = props.on_near.reform(|_: PointerEvent| ());
    let onfocusin = props.on_near.reform(|_: FocusEvent| ());
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))} {onpointerenter} {onfocusin}>
            <label for="upload-file">{ "Upload a file" }</label>
            <p class="hint" id="upload-hint">
                { "Excel (.xlsx, .xls), OpenDocument (.ods), CSV or text; or a saved project (.json) or \
                   page for members (.html) to open it again. You can also drop a file anywhere on this \
                   page. The file is read in this browser and never sent anywhere." }
            </p>
            if has_error {
                <ProblemList id="upload-error" lead="This file could not be read, so the report has not changed:"
                    problems={props.problems.clone()} />
            }
            <input type="file" id="upload-file" accept={ACCEPT} aria-describedby={described_by}
                aria-invalid={invalid.to_string()} aria-disabled={props.busy.then_some("true")} {onclick} {onchange} />
        </div>
    }
}
