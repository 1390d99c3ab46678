//! Browser storage at the edge: drafts, saved as they change, and the officer's remembered
//! column choices.
//!
//! A draft is kept in two parts: its words (the document, the title block, the officer's
//! choices: small, changing with every keystroke) and its files (uploaded workbooks: large,
//! rarely changing), each file once by its content's key (`saved::save_apart`). Files live in
//! IndexedDB, which holds hundreds of megabytes. The words go to IndexedDB and to
//! localStorage, the only storage a page can write synchronously: so the last words typed
//! land even when the tab is closed mid-save, however large the draft's files. On reading,
//! the newer of the two copies of the words wins. Where IndexedDB is refused, the whole draft
//! goes to localStorage, if it fits.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::engine::model::{Project, RememberedMappings};
use crate::engine::saved::{self, KeptFile};
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

const DATABASE: &str = "workforce-report-builder";
/// 2: files kept apart from the drafts' words.
const DATABASE_VERSION: u32 = 2;
/// Draft id → the draft's words: the project file's text without its files' bytes (or, for a
/// draft kept by an earlier version, with them).
const DRAFTS: &str = "drafts";
/// A file's content key → its bytes.
const FILES: &str = "files";
/// Draft id → its list entry as JSON (title and time), so listing reads no project.
const ENTRIES: &str = "entries";
/// Drafts that could not be opened, kept aside for download.
const ASIDE: &str = "aside";

const INDEX_KEY: &str = "wrb.drafts";
/// Where version 2 of the app kept its one draft; read once and moved into the list.
const OLD_DRAFT_KEY: &str = "wrb.draft";
/// Set while any draft is kept: see `mark_kept`.
const KEPT_KEY: &str = "wrb.kept";
const UNREADABLE_KEY: &str = "wrb.draft.unreadable";

/// A draft as read: the project and the files it named that were not kept, or why it cannot
/// be opened with its raw text.
pub type Draft = Result<(Project, Vec<String>), (String, String)>;

/// A fresh id for a new draft.
pub fn new_id() -> String {
    format!("{:x}{:04x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 65536.0) as u32)
}

/// Where drafts are kept: IndexedDB when the browser allows it, and localStorage.
pub struct Shelf {
    db: Option<IdbDatabase>,
    /// The files in the database, by key: each is written once.
    files: RefCell<Vec<String>>,
    /// The keys of files lately kept, by their bytes, so a save does not read tens of
    /// megabytes again to find a file's key.
    keys: RefCell<Vec<(Arc<[u8]>, String)>>,
    /// Files being kept for words not yet written: never tidied away meanwhile.
    pending: RefCell<Vec<String>>,
    /// The files each draft's words last named, to see when a save lets one go.
    named: RefCell<Vec<(String, Vec<String>)>>,
}

impl PartialEq for Shelf {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Shelf {
    /// Opens the database, creating it on a first visit. A browser that refuses IndexedDB
    /// (some private windows, or a policy) gets a shelf on localStorage alone.
    pub async fn open() -> Rc<Shelf> {
        let db = open_database().await.ok();
        let files = match &db {
            Some(db) => stored_keys(db).await,
            None => Vec::new(),
        };
        let shelf = Shelf {
            db,
            files: RefCell::new(files),
            keys: RefCell::new(Vec::new()),
            pending: RefCell::new(Vec::new()),
            named: RefCell::new(Vec::new()),
        };
        shelf.move_old_draft().await;
        Rc::new(shelf)
    }

    /// The drafts kept in this browser, most recently saved first.
    pub async fn list(&self) -> Vec<DraftEntry> {
        let mut list = local_entries();
        if let Some(db) = &self.db {
            for entry in database_entries(db).await {
                match list.iter_mut().find(|e| e.id == entry.id) {
                    Some(kept) if kept.saved_at >= entry.saved_at => {}
                    Some(kept) => *kept = entry,
                    None => list.push(entry),
                }
            }
        }
        crate::engine::order::sort_by(&mut list, |a, b| b.saved_at.total_cmp(&a.saved_at));
        mark_kept(!list.is_empty());
        list
    }

    /// One draft, its files found again: `None` when it is not there.
    pub async fn load(&self, id: &str) -> Option<Draft> {
        let text = self.text(id).await?;
        let mut found = Vec::new();
        if let Some(db) = &self.db {
            for key in saved::keys_in(&text) {
                if let Some(bytes) = get(db, FILES, &key).await.and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
                    found.push((key, Arc::<[u8]>::from(bytes.to_vec())));
                }
            }
        }
        let file = |key: &str| found.iter().find(|(k, _)| k == key).map(|(_, bytes)| bytes.clone());
        Some(saved::open_apart(&text, &file).map_err(|e| (e.to_string(), text)))
    }

    /// The newer of the two copies of a draft's text.
    async fn text(&self, id: &str) -> Option<String> {
        let local = local_entries().into_iter().find(|e| e.id == id);
        let local_text = || local_storage()?.get_item(&draft_key(id)).ok()?;
        let Some(db) = &self.db else { return local_text() };
        let entry = database_entries(db).await.into_iter().find(|e| e.id == id);
        let newer_here = match (&entry, &local) {
            (Some(here), Some(there)) => here.saved_at >= there.saved_at,
            (here, _) => here.is_some(),
        };
        if newer_here {
            if let Some(text) = get(db, DRAFTS, id).await.and_then(|v| v.as_string()) {
                return Some(text);
            }
        }
        local_text()
    }

    /// The draft saved most recently, to open the page on.
    pub async fn latest(&self) -> Option<(String, Draft)> {
        for entry in self.list().await {
            if let Some(draft) = self.load(&entry.id).await {
                return Some((entry.id, draft));
            }
        }
        None
    }

    /// Saves a draft and its title and time in the list, in both stores; says why when
    /// neither would take it, or when its files could not be kept.
    pub async fn save(&self, id: &str, project: &Project) -> Result<Vec<DraftEntry>, String> {
        let entry = entry_for(id, project);
        let Some(db) = &self.db else {
            // No database: the whole draft in localStorage, if it fits.
            save_local(&entry, &saved::save(project))?;
            return Ok(self.list().await);
        };
        let (words, files) = self.apart(project);
        let keys: Vec<String> = files.iter().map(|f| f.key.clone()).collect();
        self.pending.borrow_mut().extend(keys.iter().cloned());
        // The files first: words naming files that are not there would lose their tables.
        let kept = self.keep_files(db, &files).await;
        let saved = match kept {
            Ok(()) => {
                let local = save_local(&entry, &words);
                match (put_draft(db, &entry, &words).await, local) {
                    (Err(database), Err(_)) => Err(database),
                    _ => Ok(()),
                }
            }
            Err(why) => Err(why),
        };
        self.pending.borrow_mut().retain(|k| !keys.contains(k));
        saved?;
        // A file these words no longer name may be named by no draft at all.
        let before = {
            let mut named = self.named.borrow_mut();
            let before = named.iter().position(|(d, _)| d == id).map(|at| named.remove(at).1);
            named.push((id.to_owned(), keys.clone()));
            before
        };
        if before.is_some_and(|before| before.iter().any(|k| !keys.contains(k))) {
            self.tidy_files().await;
        }
        Ok(self.list().await)
    }

    /// Whether a project holds a file this browser does not keep yet: then it is kept at once,
    /// not after the pause that lets a run of typing be saved once.
    pub fn has_new_files(&self, project: &Project) -> bool {
        let (_, files) = self.apart(project);
        self.db.is_some() && files.iter().any(|f| !self.files.borrow().contains(&f.key))
    }

    /// Saves as the page closes: the words to localStorage at once, which lands before the
    /// page goes whatever the files weigh, and to IndexedDB started, which usually does too.
    /// A file is kept as soon as it comes in (`has_new_files`); one the page closes on before
    /// that is started here too.
    pub fn save_on_close(&self, id: &str, project: &Project) {
        let entry = entry_for(id, project);
        match &self.db {
            Some(db) => {
                let (words, files) = self.apart(project);
                let _ = save_local(&entry, &words);
                let new: Vec<&KeptFile> = files.iter().filter(|f| !self.files.borrow().contains(&f.key)).collect();
                if !new.is_empty() {
                    let _ = start_put_files(db, new.into_iter());
                }
                let _ = start_put(db, &entry, &words);
            }
            None => {
                let _ = save_local(&entry, &saved::save(project));
            }
        }
        mark_kept(true);
    }

    /// A draft's words, and its files to keep apart.
    fn apart(&self, project: &Project) -> (String, Vec<KeptFile>) {
        let key = |bytes: &Arc<[u8]>| {
            let mut keys = self.keys.borrow_mut();
            if let Some((_, key)) = keys.iter().find(|(b, _)| Arc::ptr_eq(b, bytes)) {
                return key.clone();
            }
            let key = saved::content_key(bytes);
            keys.push((bytes.clone(), key.clone()));
            // The files of this draft and a few before it; older ones are worked out again.
            if keys.len() > 16 {
                keys.remove(0);
            }
            key
        };
        saved::save_apart(project, &key)
    }

    /// Writes the files the database does not hold yet.
    async fn keep_files(&self, db: &IdbDatabase, files: &[KeptFile]) -> Result<(), String> {
        let new: Vec<&KeptFile> = files.iter().filter(|f| !self.files.borrow().contains(&f.key)).collect();
        if new.is_empty() {
            return Ok(());
        }
        let tx =
            start_put_files(db, new.iter().copied()).map_err(|_| "this browser would not keep the draft".to_owned())?;
        finished(&tx).await?;
        self.files.borrow_mut().extend(new.iter().map(|f| f.key.clone()));
        Ok(())
    }

    /// Removes the files no draft refers to any more.
    async fn tidy_files(&self) {
        let Some(db) = &self.db else { return };
        let mut used: Vec<String> = Vec::new();
        for text in database_texts(db).await.into_iter().chain(local_texts()) {
            used.extend(saved::keys_in(&text));
        }
        let pending = self.pending.borrow().clone();
        let unused: Vec<String> =
            self.files.borrow().iter().filter(|k| !used.contains(*k) && !pending.contains(*k)).cloned().collect();
        if unused.is_empty() {
            return;
        }
        if let Ok(tx) = db.transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(FILES) {
                for key in &unused {
                    let _ = store.delete(&JsValue::from_str(key));
                }
            }
            if finished(&tx).await.is_ok() {
                self.files.borrow_mut().retain(|k| !unused.contains(k));
            }
        }
    }

    /// A copy of a draft under a new id, titled as a copy.
    pub async fn duplicate(&self, id: &str) -> Result<Vec<DraftEntry>, String> {
        match self.load(id).await {
            Some(Ok((mut project, _))) => {
                project.title_block.title = format!("{} (copy)", project.title_block.title.trim());
                self.save(&new_id(), &project).await
            }
            Some(Err((why, _))) => Err(why),
            None => Err("that draft is no longer in this browser".into()),
        }
    }

    /// Removes a draft and its entry from both stores.
    pub async fn delete(&self, id: &str) -> Vec<DraftEntry> {
        delete_local(id);
        if let Some(db) = &self.db {
            if let Ok(tx) =
                db.transaction_with_str_sequence_and_mode(&stores(&[DRAFTS, ENTRIES]), IdbTransactionMode::Readwrite)
            {
                for store in [DRAFTS, ENTRIES] {
                    if let Ok(store) = tx.object_store(store) {
                        let _ = store.delete(&JsValue::from_str(id));
                    }
                }
                let _ = finished(&tx).await;
            }
        }
        self.tidy_files().await;
        self.list().await
    }

    /// Keeps a draft that could not be opened under another name, out of the list, so it is not
    /// replaced and the page can start.
    pub async fn keep_unreadable(&self, id: &str, raw: &str) {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(UNREADABLE_KEY, raw);
        }
        if let Some(db) = &self.db {
            if let Ok(tx) = db.transaction_with_str_and_mode(ASIDE, IdbTransactionMode::Readwrite) {
                if let Ok(store) = tx.object_store(ASIDE) {
                    let _ = store.put_with_key(&JsValue::from_str(raw), &JsValue::from_str(&new_id()));
                }
                let _ = finished(&tx).await;
            }
        }
        self.delete(id).await;
    }

    /// Version 2 kept one draft under a fixed localStorage name: it joins the list.
    async fn move_old_draft(&self) {
        let Some(storage) = local_storage() else { return };
        let Ok(Some(old)) = storage.get_item(OLD_DRAFT_KEY) else { return };
        let entry = DraftEntry { id: new_id(), title: "Draft".into(), saved: String::new(), saved_at: 0.0 };
        let kept = match &self.db {
            Some(db) => put_draft(db, &entry, &old).await,
            None => save_local(&entry, &old),
        };
        if kept.is_ok() {
            let _ = storage.remove_item(OLD_DRAFT_KEY);
        }
    }
}

/// A draft's list entry, stamped now.
fn entry_for(id: &str, project: &Project) -> DraftEntry {
    let now = js_sys::Date::new_0();
    let title = project.title_block.title.trim();
    // By hand rather than toLocaleString, whose first call loads the browser's locale data.
    let saved = format!(
        "{:02}/{:02}/{}, {:02}:{:02}:{:02}",
        now.get_date(),
        now.get_month() + 1,
        now.get_full_year(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    );
    DraftEntry {
        id: id.to_owned(),
        title: if title.is_empty() { "Untitled report".to_owned() } else { title.to_owned() },
        saved,
        saved_at: now.get_time(),
    }
}

// localStorage: the fallback, and the copy written as the page closes.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Tells index.html's first script, before the app loads, whether a draft will open in place
/// of the sample it has drawn (assets/first-view.js). Kept in localStorage, which that script
/// can read at once, even when the drafts themselves are only in the database.
fn mark_kept(any: bool) {
    if let Some(storage) = local_storage() {
        let _ = if any { storage.set_item(KEPT_KEY, "1") } else { storage.remove_item(KEPT_KEY) };
    }
}

fn draft_key(id: &str) -> String {
    format!("wrb.draft.{id}")
}

fn local_entries() -> Vec<DraftEntry> {
    LocalStorage::get(INDEX_KEY).unwrap_or_default()
}

fn save_local(entry: &DraftEntry, text: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser does not allow this page to keep data")?;
    let mut list = local_entries();
    list.retain(|d| d.id != entry.id);
    if storage.set_item(&draft_key(&entry.id), text).is_err() {
        // Too big for localStorage: drop its older copy there, so the space is not held by
        // words the database has newer.
        let _ = storage.remove_item(&draft_key(&entry.id));
        let _ = LocalStorage::set(INDEX_KEY, &list);
        return Err("this browser's storage is full or turned off (a private window, or a large uploaded file)".into());
    }
    list.push(entry.clone());
    LocalStorage::set(INDEX_KEY, &list).map_err(|_| "this browser's storage is full".to_owned())
}

fn delete_local(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&draft_key(id));
    }
    let mut list = local_entries();
    list.retain(|d| d.id != id);
    let _ = LocalStorage::set(INDEX_KEY, &list);
}

// IndexedDB, through promises so the rest reads as plain async code.

async fn open_database() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window().ok_or("no window")?.indexed_db()?.ok_or("no IndexedDB")?;
    let request = factory.open_with_u32(DATABASE, DATABASE_VERSION)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
        let request = request.clone();
        move |_| {
            let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
                return;
            };
            for store in [DRAFTS, ENTRIES, ASIDE, FILES] {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
}

fn stores(names: &[&str]) -> JsValue {
    names.iter().map(|n| JsValue::from_str(n)).collect::<js_sys::Array>().into()
}

/// A request's result, once it succeeds.
fn done(request: &IdbRequest) -> impl Future<Output = Result<JsValue, JsValue>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let failed = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let why = failed.error().ok().flatten().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A write transaction's end: committed, or why not ("QuotaExceededError" when the disk or
/// the browser's share of it is full).
async fn finished(tx: &IdbTransaction) -> Result<(), String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let failed = tx.clone();
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let name = failed.error().map_or_else(|| "AbortError".to_owned(), |e| e.name());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&name));
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        // An error aborts the transaction; abort is the one event that always follows.
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|name| match name.as_string().as_deref() {
        Some("QuotaExceededError") => "this browser's storage is full".to_owned(),
        _ => "this browser would not keep the draft".to_owned(),
    })
}

fn start_put(db: &IdbDatabase, entry: &DraftEntry, text: &str) -> Result<IdbTransaction, JsValue> {
    let tx = db.transaction_with_str_sequence_and_mode(&stores(&[DRAFTS, ENTRIES]), IdbTransactionMode::Readwrite)?;
    let key = JsValue::from_str(&entry.id);
    tx.object_store(DRAFTS)?.put_with_key(&JsValue::from_str(text), &key)?;
    let json = serde_json::to_string(entry).map_err(|e| JsValue::from_str(&e.to_string()))?;
    tx.object_store(ENTRIES)?.put_with_key(&JsValue::from_str(&json), &key)?;
    Ok(tx)
}

/// Starts writing files, each under its key.
fn start_put_files<'f>(db: &IdbDatabase, files: impl Iterator<Item = &'f KeptFile>) -> Result<IdbTransaction, JsValue> {
    let tx = db.transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(FILES)?;
    for file in files {
        store.put_with_key(&js_sys::Uint8Array::from(&file.bytes[..]), &JsValue::from_str(&file.key))?;
    }
    Ok(tx)
}

/// The keys of the files the database holds.
async fn stored_keys(db: &IdbDatabase) -> Vec<String> {
    let Ok(tx) = db.transaction_with_str(FILES) else { return Vec::new() };
    let Some(request) = tx.object_store(FILES).ok().and_then(|s| s.get_all_keys().ok()) else {
        return Vec::new();
    };
    let Ok(all) = done(&request).await else { return Vec::new() };
    js_sys::Array::from(&all).iter().filter_map(|v| v.as_string()).collect()
}

/// Every draft's words in the database.
async fn database_texts(db: &IdbDatabase) -> Vec<String> {
    let Ok(tx) = db.transaction_with_str(DRAFTS) else { return Vec::new() };
    let Some(request) = tx.object_store(DRAFTS).ok().and_then(|s| s.get_all().ok()) else { return Vec::new() };
    let Ok(all) = done(&request).await else { return Vec::new() };
    js_sys::Array::from(&all).iter().filter_map(|v| v.as_string()).collect()
}

/// Every draft's words in localStorage.
fn local_texts() -> Vec<String> {
    let Some(storage) = local_storage() else { return Vec::new() };
    local_entries().iter().filter_map(|e| storage.get_item(&draft_key(&e.id)).ok().flatten()).collect()
}

async fn put_draft(db: &IdbDatabase, entry: &DraftEntry, text: &str) -> Result<(), String> {
    let tx = start_put(db, entry, text).map_err(|_| "this browser would not keep the draft".to_owned())?;
    finished(&tx).await
}

async fn get(db: &IdbDatabase, store: &str, key: &str) -> Option<JsValue> {
    let tx = db.transaction_with_str(store).ok()?;
    let request = tx.object_store(store).ok()?.get(&JsValue::from_str(key)).ok()?;
    done(&request).await.ok().filter(|v| !v.is_undefined())
}

async fn database_entries(db: &IdbDatabase) -> Vec<DraftEntry> {
    let Ok(tx) = db.transaction_with_str(ENTRIES) else { return Vec::new() };
    let Some(request) = tx.object_store(ENTRIES).ok().and_then(|s| s.get_all().ok()) else { return Vec::new() };
    let Ok(all) = done(&request).await else { return Vec::new() };
    js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect()
}
