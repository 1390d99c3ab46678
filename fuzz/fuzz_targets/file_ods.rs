//! Any bytes uploaded as a .ods file: sniffed, opened, each sheet read, then header finding
//! and typing. Seeded with real workbooks so the fuzzer gets past the container.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: wrb_fuzz::tolerate_guarded_panics(),
    |data: &[u8]| {
        wrb_fuzz::check_file("upload.ods", data, wrb_fuzz::choice(data));
    }
);
