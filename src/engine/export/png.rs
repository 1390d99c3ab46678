//! Charts as PNG for the Word file made by the command-line tool. Word cannot show SVG
//! everywhere, so the chart's own SVG is rasterised with resvg. Natively only: in the browser a
//! canvas does this with the browser's fonts, and resvg would add about 650 KB to the page.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::word::Picture;
use crate::engine::chart::Chart;

/// Sans-serif faces in the order the report would choose them: Arial, then fonts drawn to
/// Arial's widths, then the common open ones.
const SANS: &[&str] = &["Arial", "Liberation Sans", "Arimo", "Helvetica", "DejaVu Sans", "Noto Sans"];

/// The chart's picture for Word (`Chart::picture_svg`: the Word file prints the title, subtitle
/// and source as text) drawn at `scale` times its SVG size (2.0 prints sharply), or None when it cannot
/// be drawn, or when no font is found (plotters labels everything in "sans-serif", and without
/// a font resvg leaves every label out without a word, so the figures table is better).
pub fn chart_png(chart: &Chart, scale: f32) -> Option<Picture> {
    let fonts = fonts()?;
    let options = usvg::Options { fontdb: fonts, ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(&chart.picture_svg(), &options).ok()?;
    let size = tree.size().to_int_size().scale_by(scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    // White behind the chart, as on the page; a transparent PNG shows dark in some viewers.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Some(Picture { png: pixmap.encode_png().ok()?, width: size.width(), height: size.height() })
}

/// The machine's fonts, read once, with "sans-serif" pointed at a face that exists.
fn fonts() -> Option<Arc<usvg::fontdb::Database>> {
    static FONTS: OnceLock<Option<Arc<usvg::fontdb::Database>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let has = |family: &str| db.faces().any(|f| f.families.iter().any(|(name, _)| name == family));
            let family = SANS
                .iter()
                .map(|f| (*f).to_owned())
                .find(|f| has(f))
                .or_else(|| db.faces().next().and_then(|f| f.families.first()).map(|(name, _)| name.clone()))?;
            db.set_sans_serif_family(family);
            Some(Arc::new(db))
        })
        .clone()
}
