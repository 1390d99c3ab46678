//! Pasted text: splitting into rows, then header finding and typing, as the page does it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wrb::engine::import::{self, Input};
use wrb::engine::model::RawInput;
use wrb_fuzz::{check_loaded, check_reading, check_rows, choice};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows = import::split_text(&text);
    check_rows(&rows);
    let lines = text.matches('\n').count() + 1;
    if let Some(last) = rows.last() {
        assert!(last.line <= lines, "row {} of a {lines}-line paste", last.line);
    }
    let loaded = import::load_pasted(&text);
    assert_eq!(loaded.rows, rows, "load_pasted and split_text disagree");
    let through_load = import::load(Input::Paste(&text));
    assert_eq!(through_load.as_ref().ok(), Some(&loaded));
    check_loaded(None, &through_load);
    check_reading(RawInput::Text(text.clone().into_owned()), through_load, choice(data));
});
