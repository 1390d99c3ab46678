//! Any bytes uploaded as a .csv or .txt file: decoding, splitting, header finding and typing.
//! The extension makes no difference to a text file, so both names must read the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wrb::engine::import::{load, Input};

fuzz_target!(|data: &[u8]| {
    wrb_fuzz::check_file("upload.csv", data, wrb_fuzz::choice(data));
    let csv = load(Input::File { name: "upload.csv", bytes: data, sheet: None });
    let txt = load(Input::File { name: "upload.txt", bytes: data, sheet: None });
    match (csv, txt) {
        (Ok(csv), Ok(txt)) => assert_eq!(csv.rows, txt.rows),
        (Err(csv), Err(txt)) => assert_eq!(csv.kind, txt.kind),
        (csv, txt) => panic!("read differently as .csv ({csv:?}) and .txt ({txt:?})"),
    }
});
