//! The import worker's entry point (built by Trunk for wasm32 as a Web Worker).

#[cfg(target_arch = "wasm32")]
fn main() {
    wrb::ui::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The import worker runs in the browser: see README.md.");
    std::process::exit(2);
}
