//! "Upload a file": a file input that hands the chosen file on. Dropping a file anywhere on
//! the page does the same (see `app.rs`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file types offered in the browser's file chooser; anything else can still be dropped.
pub const ACCEPT: &str = ".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.json,.html,.htm";

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub on_file: Callback<web_sys::File>,
    pub busy: bool,
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
    html! {
        <div class="field">
            <label for="upload-file">{ "Upload a file" }</label>
            <p class="hint" id="upload-hint">
                { "Excel (.xlsx, .xls), OpenDocument (.ods), CSV or text; or a saved project (.json) or \
                   page for members (.html) to open it again. You can also drop a file anywhere on this \
                   page. The file is read in this browser and never sent anywhere." }
            </p>
            <input type="file" id="upload-file" accept={ACCEPT} aria-describedby="upload-hint"
                aria-disabled={props.busy.then_some("true")} {onclick} {onchange} />
        </div>
    }
}
