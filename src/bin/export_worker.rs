//! The export worker's entry point (built by Trunk for wasm32 as a Web Worker): the Word file
//! and workbooks are written here, so the page loads without their code.

#[cfg(target_arch = "wasm32")]
fn main() {
    wrb::ui::export_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The export worker runs in the browser: see README.md.");
    std::process::exit(2);
}
