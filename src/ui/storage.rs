//! Browser storage at the edge: the draft, saved as it changes, and the officer's remembered
//! column choices.

use gloo::storage::{LocalStorage, Storage};

use crate::engine::export::project_file;
use crate::engine::import::load_text_only;
use crate::engine::model::{Project, RememberedMappings};
use crate::ui::state::DraftEntry;

const REMEMBERED_KEY: &str = "wrb.remembered-columns.v1";

/// The remembered column choices, or none when storage is empty, unreadable or unavailable.
pub fn load_remembered() -> RememberedMappings {
    LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Saves the choices; a browser that refuses (private mode, full quota) simply forgets them.
pub fn save_remembered(remembered: &RememberedMappings) {
    let _ = LocalStorage::set(REMEMBERED_KEY, remembered);
}

const INDEX_KEY: &str = "wrb.drafts";
/// Where version 2 of the app kept its one draft; read once and moved into the list.
const OLD_DRAFT_KEY: &str = "wrb.draft";
const UNREADABLE_KEY: &str = "wrb.draft.unreadable";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn draft_key(id: &str) -> String {
    format!("wrb.draft.{id}")
}

/// The drafts kept in this browser, most recently saved first.
pub fn list_drafts() -> Vec<DraftEntry> {
    let mut list: Vec<DraftEntry> = LocalStorage::get(INDEX_KEY).unwrap_or_default();
    list.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    list
}

/// A fresh id for a new draft.
pub fn new_id() -> String {
    format!("{:x}{:04x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 65536.0) as u32)
}

/// A draft as read: the project, or why it cannot be opened with its raw text.
pub type Draft = Result<Project, (String, String)>;

/// One draft: `None` when it is not there.
pub fn load_draft(id: &str) -> Option<Draft> {
    let text = local()?.get_item(&draft_key(id)).ok()??;
    Some(project_file::open(&text, &load_text_only).map_err(|e| (e.to_string(), text)))
}

/// The draft saved most recently, to open the page on.
pub fn latest_draft() -> Option<(String, Draft)> {
    let storage = local()?;
    if let Ok(Some(old)) = storage.get_item(OLD_DRAFT_KEY) {
        // Version 2 kept one draft under a fixed name: it joins the list.
        let id = new_id();
        if storage.set_item(&draft_key(&id), &old).is_ok() {
            let _ = storage.remove_item(OLD_DRAFT_KEY);
            let mut list = list_drafts();
            list.push(DraftEntry { id: id.clone(), title: "Draft".into(), saved: String::new(), saved_at: 0.0 });
            let _ = LocalStorage::set(INDEX_KEY, &list);
        }
    }
    list_drafts().into_iter().find_map(|entry| load_draft(&entry.id).map(|draft| (entry.id, draft)))
}

/// Saves a draft as a project file, and its title and time in the list; says why when the
/// browser refuses.
pub fn save_draft(id: &str, project: &Project) -> Result<Vec<DraftEntry>, String> {
    let storage = local().ok_or("this browser does not allow this page to keep data")?;
    storage.set_item(&draft_key(id), &project_file::save(project)).map_err(|_| {
        "this browser's storage is full or turned off (a private window, or a large uploaded file)".to_owned()
    })?;
    let now = js_sys::Date::new_0();
    let mut list = list_drafts();
    list.retain(|d| d.id != id);
    let title = project.title_block.title.trim();
    list.push(DraftEntry {
        id: id.to_owned(),
        title: if title.is_empty() { "Untitled report".to_owned() } else { title.to_owned() },
        saved: String::from(now.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)),
        saved_at: now.get_time(),
    });
    LocalStorage::set(INDEX_KEY, &list).map_err(|_| "this browser's storage is full".to_owned())?;
    Ok(list_drafts())
}

/// A copy of a draft under a new id, titled as a copy.
pub fn duplicate_draft(id: &str) -> Result<Vec<DraftEntry>, String> {
    match load_draft(id) {
        Some(Ok(mut project)) => {
            project.title_block.title = format!("{} (copy)", project.title_block.title.trim());
            save_draft(&new_id(), &project)
        }
        Some(Err((why, _))) => Err(why),
        None => Err("that draft is no longer in this browser".into()),
    }
}

/// Removes a draft and its entry in the list.
pub fn delete_draft(id: &str) -> Vec<DraftEntry> {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&draft_key(id));
    }
    let mut list = list_drafts();
    list.retain(|d| d.id != id);
    let _ = LocalStorage::set(INDEX_KEY, &list);
    list
}

/// Keeps a draft that could not be opened under another name, out of the list, so it is not
/// replaced and the page can start.
pub fn keep_unreadable(id: &str, raw: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(UNREADABLE_KEY, raw);
    }
    delete_draft(id);
}
