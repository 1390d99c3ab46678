//! The import benchmark's wasm module: the engine's own reading of a staff extract, built for
//! wasm32 with the release profile and run by `scripts/bench.mjs` in headless Chromium beside
//! SheetJS and Papa Parse. Not part of the app: Trunk never builds it.

use wrb::engine::import::{load, read_general_loaded, Input};
use wrb::engine::metrics::staff::{default_reference_date, staff_figures, BandWidth};
use wrb::engine::model::{Origin, RawInput, TableInput};
use wrb::engine::tables::Arrived;

/// Reads a staff extract as the import worker does (parse: file bytes to rows; type: rows to
/// a staff list of dates and numbers), then works out the staff list figures at its latest
/// date (aggregate). Returns a short summary so the work cannot be skipped.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn import_staff_extract(name: &str, bytes: &[u8]) -> Result<String, String> {
    let loaded = load(Input::File { name, bytes, sheet: None }).map_err(|p| p.to_string())?;
    let rows = loaded.rows.len();
    let arrived = Arrived::from_rows(loaded);
    let list = match arrived.staff {
        Some(Ok(list)) => list,
        Some(Err(problems)) => {
            return Err(problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
        }
        None => return Err("not a staff list".into()),
    };
    let date = default_reference_date(&list).ok_or("no dates in the staff list")?;
    let figures = staff_figures(&list, date, BandWidth::Ten, Default::default());
    Ok(format!("{} rows; {} in post, {} leavers", rows, figures.in_post_headcount, figures.leavers_headcount))
}

/// Reads the same file as a table of figures (a general table): the rows as the import worker
/// loads them, then the one reader the app uses for a table beside the report with no reader of
/// its own (`read_general_loaded`: columns guessed from the headings and cells, every figure
/// read). Returns a short summary so the work cannot be skipped.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn import_general_table(name: &str, bytes: &[u8]) -> Result<String, String> {
    let loaded = load(Input::File { name, bytes, sheet: None }).map_err(|p| p.to_string())?;
    let input = TableInput {
        period: String::new(),
        source: name.to_owned(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name: name.to_owned(), bytes: bytes.into() },
        sheet: loaded.sheet.clone(),
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    };
    let table = read_general_loaded(&input, loaded)
        .map_err(|problems| problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; "))?;
    let rows = table.rows.len() + usize::from(table.total.is_some());
    let figures = table.columns.iter().filter(|c| c.unit.is_figure()).count();
    Ok(format!("{rows} rows; {figures} columns of figures"))
}

#[cfg(target_arch = "wasm32")]
mod bench {
    use wasm_bindgen::prelude::*;

    /// The size of this module's memory now, in bytes; wasm memory never shrinks, so after a
    /// run this is the run's peak.
    #[wasm_bindgen]
    pub fn memory_bytes() -> usize {
        core::arch::wasm32::memory_size(0) * 65536
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// One of the readings above.
#[cfg(not(target_arch = "wasm32"))]
type Reader = fn(&str, &[u8]) -> Result<String, String>;

/// Natively, the same reading of each file named, timed: for profiling an import without a
/// browser (`cargo run --release --bin bench_import -- [--general] FILE...`; `--general` reads
/// each file as a general table, and then as a staff list, alternately).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let general = files.first().is_some_and(|f| f == "--general");
    if general {
        files.remove(0);
    }
    if files.is_empty() {
        eprintln!(
            "usage: bench_import [--general] FILE...   (in the browser, scripts/bench.mjs runs it: see BENCHMARKS.md)"
        );
        std::process::exit(2);
    }
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let readers: &[(&str, Reader)] = if general {
            &[("general table", import_general_table), ("staff list", import_staff_extract)]
        } else {
            &[("staff list", import_staff_extract)]
        };
        for (what, read) in readers {
            let started = std::time::Instant::now();
            let summary = read(&file, &bytes);
            println!("{file} as a {what}: {:.1} ms: {summary:?}", started.elapsed().as_secs_f64() * 1000.0);
        }
    }
}
