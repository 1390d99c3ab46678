//! One cell read as officers write numbers: a number read prints back to the same number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wrb::engine::format;
use wrb::engine::import::number::read_entry;
use wrb::engine::model::Entry;

fuzz_target!(|cell: &str| {
    let Ok(entry) = read_entry(cell) else {
        return;
    };
    assert_eq!(read_entry(&format!(" {cell}\u{a0}")), Ok(entry), "spaces round {cell:?} changed it");
    let Entry::Number(value) = entry else {
        return;
    };
    assert!(value.is_finite(), "{cell:?} read as {value}");
    // Rust prints a finite f64 in full, with no exponent: that text reads back exactly.
    assert_eq!(read_entry(&value.to_string()), Ok(Entry::Number(value)), "{cell:?} read as {value}");
    // As the report prints it (thousands separators, 2 places), it reads back to the rounded value.
    let printed = format::decimal(value, 2);
    let Ok(Entry::Number(again)) = read_entry(&printed) else {
        panic!("{cell:?} read as {value}, printed as {printed:?}, which does not read back");
    };
    assert!((again - value).abs() <= 0.005 + value.abs() * 1e-12, "{cell:?}: {value} printed {printed:?} read {again}");
    if value > 0.0 {
        assert_eq!(read_entry(&format!("({printed})")), Ok(Entry::Number(-again)), "brackets are negative");
    }
});
