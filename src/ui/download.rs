//! Downloads made in the page: a file built here is handed to the browser's own download, so
//! nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    offer(name, &blob(&JsValue::from_str(text), mime)?)
}

/// Offers bytes (a Word file, a workbook, a picture) as a file called `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    offer(name, &blob(&js_sys::Uint8Array::from(bytes).into(), mime)?)
}

fn blob(part: &JsValue, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(part), &options)
}

fn offer(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
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

/// Draws an SVG chart onto a canvas at `scale` times its size and gives the PNG's bytes, width
/// and height: the browser's own fonts and renderer, so no rasteriser is shipped to the page.
pub async fn chart_png(svg: &str, scale: f64) -> Result<(Vec<u8>, u32, u32), JsValue> {
    let (width, height) = svg_size(svg);
    let svg_url = web_sys::Url::create_object_url_with_blob(&blob(&JsValue::from_str(svg), "image/svg+xml")?)?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&svg_url);
    let loaded = wasm_bindgen_futures::JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&svg_url);
    loaded?;
    let (w, h) = ((f64::from(width) * scale) as u32, (f64::from(height) * scale) as u32);
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    // White behind the chart, as on the page; a transparent PNG shows dark in some viewers.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w), f64::from(h))?;
    // toBlob encodes off the page's thread, where toDataURL would hold it up.
    let blob = js_sys::Promise::new(&mut |resolve, reject| {
        let refused = reject.clone();
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() { reject.call0(&JsValue::NULL) } else { resolve.call1(&JsValue::NULL, &blob) };
        });
        if let Err(why) = canvas.to_blob_with_type(done.unchecked_ref(), "image/png") {
            let _ = refused.call1(&JsValue::NULL, &why);
        }
    });
    let blob: web_sys::Blob = wasm_bindgen_futures::JsFuture::from(blob).await?.dyn_into()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await?;
    Ok((js_sys::Uint8Array::new(&buffer).to_vec(), w, h))
}

/// Draws a chart as a PNG at `scale` and offers it as a file, or says why it could not.
pub async fn download_png(name: &str, svg: &str, scale: f64) -> Result<(), String> {
    let (png, _, _) =
        chart_png(svg, scale).await.map_err(|_| "the browser could not draw the chart as a picture.".to_owned())?;
    download_bytes(name, "image/png", &png).map_err(|_| "the browser would not offer the file.".to_owned())
}

/// The width and height an engine chart's SVG declares.
fn svg_size(svg: &str) -> (u32, u32) {
    let attribute = |name: &str| {
        let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        svg[start..].split('"').next()?.parse().ok()
    };
    (attribute("width").unwrap_or(640), attribute("height").unwrap_or(480))
}
