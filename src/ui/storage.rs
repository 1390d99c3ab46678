//! Browser storage at the edge: the draft, saved as it changes, and the officer's remembered
//! column choices.

use gloo::storage::{LocalStorage, Storage};

use crate::engine::export::project_file;
use crate::engine::import::load_text_only;
use crate::engine::model::{Project, RememberedMappings};

const REMEMBERED_KEY: &str = "wrb.remembered-columns.v1";

/// The remembered column choices, or none when storage is empty, unreadable or unavailable.
pub fn load_remembered() -> RememberedMappings {
    LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Saves the choices; a browser that refuses (private mode, full quota) simply forgets them.
pub fn save_remembered(remembered: &RememberedMappings) {
    let _ = LocalStorage::set(REMEMBERED_KEY, remembered);
}

const DRAFT_KEY: &str = "wrb.draft";

/// The draft saved in this browser: `None` when there is none, or the reason it cannot be
/// opened with its raw text, so nothing is lost.
pub fn load_draft() -> Option<Result<Project, (String, String)>> {
    let text = web_sys::window()?.local_storage().ok()??.get_item(DRAFT_KEY).ok()??;
    Some(project_file::open(&text, &load_text_only).map_err(|e| (e.to_string(), text)))
}

/// Saves the draft as a project file; says why when the browser refuses.
pub fn save_draft(project: &Project) -> Result<(), String> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or("this browser does not allow this page to keep data")?;
    storage.set_item(DRAFT_KEY, &project_file::save(project)).map_err(|_| {
        "this browser's storage is full or turned off (a private window, or a large uploaded file)".to_owned()
    })
}

/// Keeps a draft that could not be opened under another name, so the next save does not
/// replace it.
pub fn keep_unreadable(raw: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item("wrb.draft.unreadable", raw);
        let _ = storage.remove_item(DRAFT_KEY);
    }
}
