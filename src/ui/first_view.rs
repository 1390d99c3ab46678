//! The sample report as the page first shows it, drawn into `index.html` when the app is
//! built (`scripts/trunk-post-build.mjs` asks the built app for it). A first visit then shows
//! the report as soon as the HTML and styles arrive, before the app's code has loaded and
//! compiled; the app replaces it with its own, identical, report when it starts.

use crate::engine::report::html;

use super::state::State;

/// The sample report's `<article>`, exactly as the preview draws it for a first visit.
///
/// ```
/// let html = wrb::ui::first_view::sample_report_html();
/// assert!(html.starts_with("<article class=\"report"));
/// assert!(html.contains("<svg"));
/// ```
pub fn sample_report_html() -> String {
    // The page's own way in: the default state, its report built as the page builds it.
    html::render_parts(&State::default().report).to_html()
}
