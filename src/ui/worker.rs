//! The import worker: turns a file's bytes into rows in a Web Worker. Spreadsheet and
//! encoding code live only in the worker's wasm, so the page loads without them, and a file
//! that takes long to read, or would exhaust memory, cannot freeze or crash the page.

use serde::{Deserialize, Serialize};
use yew_agent::prelude::*;

use super::stop_signal::{self, Job};
use crate::engine::import::{load, Input, Loaded, Problem};

/// Where a worker's script is: `/NAME.js` beside the page, or, in the single-file build (which
/// has no files beside it), the `blob:` address its start-up script put in
/// `window.wrbWorkers.NAME` before the app started.
pub fn script_path(name: &str) -> String {
    let inlined = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"wrbWorkers".into()).ok())
        .filter(|workers| workers.is_object())
        .and_then(|workers| js_sys::Reflect::get(&workers, &name.into()).ok())
        .and_then(|path| path.as_string());
    inlined.unwrap_or_else(|| format!("/{name}.js"))
}

/// A file to read, and the sheet wanted when it is a workbook (`None`: let the reader choose).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileRequest {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sheet: Option<String>,
}

/// Reads one file into rows.
#[oneshot]
pub async fn FileReader(job: Job<FileRequest>) -> Result<Loaded, Problem> {
    let _armed = stop_signal::arm(job.stop_channel.as_deref());
    let request = job.work;
    load(Input::File { name: &request.name, bytes: &request.bytes, sheet: request.sheet.as_deref() })
}

/// Starts the import worker: a panic tells the page at once and ends the worker.
pub fn serve() {
    use yew_agent::Registrable;
    stop_signal::install();
    FileReader::registrar().register();
}
