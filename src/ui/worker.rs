//! The import worker: turns a file's bytes into rows in a Web Worker. Spreadsheet and
//! encoding code live only in the worker's wasm, so the page loads without them, and a file
//! that takes long to read, or would exhaust memory, cannot freeze or crash the page.

use std::sync::Arc;

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
    /// Shared with the project, which keeps the file: a workbook can be tens of megabytes.
    #[serde(with = "in_one_run")]
    pub bytes: Arc<[u8]>,
    pub sheet: Option<String>,
}

/// A file's bytes sent as one run of bytes, copied in one go, rather than as a sequence of
/// numbers that is encoded and decoded one byte at a time.
mod in_one_run {
    use std::sync::Arc;

    use serde::de::{Deserializer, Error, Visitor};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<[u8]>, D::Error> {
        struct Run;
        impl Visitor<'_> for Run {
            type Value = Arc<[u8]>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a file's bytes")
            }
            fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Arc<[u8]>, E> {
                Ok(bytes.into())
            }
            fn visit_byte_buf<E: Error>(self, bytes: Vec<u8>) -> Result<Arc<[u8]>, E> {
                Ok(bytes.into())
            }
        }
        deserializer.deserialize_byte_buf(Run)
    }
}

/// Reads one file into rows.
#[oneshot]
pub async fn FileReader(job: Job<FileRequest>) -> Result<Loaded, Problem> {
    stop_signal::arm(job.stop_channel.as_deref());
    let request = job.work;
    load(Input::File { name: &request.name, bytes: &request.bytes, sheet: request.sheet.as_deref() })
}

/// Starts the import worker: a panic tells the page at once and ends the worker.
pub fn serve() {
    use yew_agent::Registrable;
    stop_signal::install();
    FileReader::registrar().encoding::<super::codec::InPieces>().register();
}
