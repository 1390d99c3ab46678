//! Inputs the fuzzers (scripts/fuzz.sh) found that broke the engine, each small and written
//! out here, so the fault cannot come back.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::number::{read_entry, NotANumber};

/// fuzz target `number`: 309 digits and more parse as infinity, which was taken as a figure and
/// then summed into totals and rates.
#[test]
fn a_figure_too_long_to_hold_is_not_a_number() {
    for cell in ["9".repeat(309), format!("£{},000.00", "9".repeat(320)), format!("({})", "1".repeat(400))] {
        assert_eq!(read_entry(&cell), Err(NotANumber), "{cell}");
    }
    // The largest that fits is still a number.
    assert!(read_entry(&"9".repeat(308)).is_ok());
}
