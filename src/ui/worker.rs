//! The import worker: turns a file's bytes into rows in a Web Worker, and a table of a kind
//! with its own reader (a staff list, the DfE file...) into that typed table, so the page
//! receives 200,000 people rather than three million cells. Spreadsheet and encoding code
//! live only in the worker's wasm, so the page loads without them, and a file that takes long
//! to read, or would exhaust memory, cannot freeze or crash the page.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use yew_agent::prelude::*;

use super::stop_signal::{self, Job};
use crate::engine::import::{load, Input, Problem};
use crate::engine::tables::Arrived;

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
    pub bytes: FileBytes,
    pub sheet: Option<String>,
}

/// A file's bytes: on the page, shared with the project, which keeps the file; in the worker,
/// its own, read at their length (into an `Arc` they would be copied once more, and a
/// workbook can be tens of megabytes). Sent as one run of bytes, copied in one go, rather than
/// as a sequence of numbers encoded and decoded one at a time.
#[derive(Clone, Debug)]
pub enum FileBytes {
    Shared(Arc<[u8]>),
    Owned(Box<[u8]>),
}

impl FileBytes {
    /// The bytes to keep in the project: the page's own, which it sent.
    pub fn shared(&self) -> Arc<[u8]> {
        match self {
            FileBytes::Shared(bytes) => bytes.clone(),
            FileBytes::Owned(bytes) => bytes[..].into(),
        }
    }
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Shared(bytes) => bytes,
            FileBytes::Owned(bytes) => bytes,
        }
    }
}

impl Serialize for FileBytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for FileBytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FileBytes, D::Error> {
        struct Run;
        impl serde::de::Visitor<'_> for Run {
            type Value = FileBytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a file's bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<FileBytes, E> {
                Ok(FileBytes::Owned(bytes.into()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<FileBytes, E> {
                Ok(FileBytes::Owned(bytes.into_boxed_slice()))
            }
        }
        deserializer.deserialize_byte_buf(Run)
    }
}

/// Reads one file into rows, and into its table where its kind has a reader of its own.
#[oneshot]
pub async fn FileReader(job: Job<FileRequest>) -> Result<Arrived, Problem> {
    let request = job.work;
    load(Input::File { name: &request.name, bytes: &request.bytes, sheet: request.sheet.as_deref() })
        .map(Arrived::from_rows)
}

/// Starts the import worker: a panic tells the page at once and ends the worker.
pub fn serve() {
    use yew_agent::Registrable;
    stop_signal::install();
    FileReader::registrar().encoding::<super::codec::InPieces>().register();
}

/// The import workers, seen from the page: a fresh one for each file, so that the memory a
/// large file took is given back once it is read; and the next one started ahead, when the
/// pointer or focus comes to Upload a file or a file is dragged over the page, so its code is
/// fetched and compiled while the officer chooses the file rather than after.
pub struct Readers {
    path: String,
    next: std::cell::RefCell<Option<yew_agent::oneshot::OneshotBridge<FileReader>>>,
}

impl Readers {
    pub fn new(path: String) -> Readers {
        Readers { path, next: Default::default() }
    }

    /// Starts the next file's worker, unless one is started already.
    pub fn start_next(&self) {
        let mut next = self.next.borrow_mut();
        if next.is_none() {
            *next = Some(self.start());
        }
    }

    /// The worker for this file: the one started ahead, or a new one. It ends when dropped.
    pub fn take(&self) -> yew_agent::oneshot::OneshotBridge<FileReader> {
        self.next.borrow_mut().take().unwrap_or_else(|| self.start())
    }

    /// Started as yew-agent's provider starts a private worker.
    fn start(&self) -> yew_agent::oneshot::OneshotBridge<FileReader> {
        yew_agent::oneshot::OneshotSpawner::<FileReader>::new()
            .as_module(false)
            .encoding::<super::codec::InPieces>()
            .spawn(&self.path)
    }
}
