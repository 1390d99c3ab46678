//! The browser app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    // Outside a page (the build asking for `firstView` from Node) there is nothing to draw on.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    match document.get_element_by_id("app") {
        Some(root) => yew::Renderer::<wrb::ui::App>::with_root(root).render(),
        None => yew::Renderer::<wrb::ui::App>::new().render(),
    };
}

/// The sample report for `index.html`, which `scripts/trunk-post-build.mjs` writes in when the
/// app is built, from this same code, so the two cannot differ.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = firstView)]
pub fn first_view() -> String {
    wrb::ui::first_view::sample_report_html()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in the browser: see README.md for the command that builds and serves it.");
    std::process::exit(2);
}
