//! The import worker's entry point (built by Trunk for wasm32 as a Web Worker).

#[cfg(target_arch = "wasm32")]
fn main() {
    use yew_agent::Registrable;
    wrb::ui::worker::FileReader::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The import worker runs in the browser: see README.md.");
    std::process::exit(2);
}
