//! Browser storage at the edge: the officer's remembered column choices.

use gloo::storage::{LocalStorage, Storage};

use crate::engine::model::RememberedMappings;

const REMEMBERED_KEY: &str = "wrb.remembered-columns.v1";

/// The remembered column choices, or none when storage is empty, unreadable or unavailable.
pub fn load_remembered() -> RememberedMappings {
    LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Saves the choices; a browser that refuses (private mode, full quota) simply forgets them.
pub fn save_remembered(remembered: &RememberedMappings) {
    let _ = LocalStorage::set(REMEMBERED_KEY, remembered);
}
