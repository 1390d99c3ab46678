//! Downloads made in the page: a file built here is handed to the browser's own download, so
//! nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser reads the blob after this returns; let it go a little later.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// A file name from the report's title: "childrens-social-care-workforce-update".
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .filter(|c| *c != '\'' && *c != '’')
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "workforce-report".to_owned()
    } else {
        stem
    }
}

/// Draws an SVG chart onto a canvas at `scale` and offers it as a PNG: the browser's own
/// fonts and renderer, so no rasteriser is shipped to the page.
pub fn download_png(name: String, svg: &str, width: u32, height: u32, scale: f64) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let (w, h) = ((f64::from(width) * scale) as u32, (f64::from(height) * scale) as u32);
    let loaded_image = image.clone();
    let svg_url = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = (|| -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
            canvas.set_width(w);
            canvas.set_height(h);
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &loaded_image,
                0.0,
                0.0,
                f64::from(w),
                f64::from(h),
            )?;
            let _ = web_sys::Url::revoke_object_url(&svg_url);
            let data = canvas.to_data_url_with_type("image/png")?;
            let link: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
            link.set_href(&data);
            link.set_download(&name);
            link.click();
            Ok(())
        })();
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
