//! The report as members will see it. The engine renders it to HTML with every piece of text
//! escaped, so app, print and the static page show the same thing.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPreviewProps {
    /// The report's HTML from `engine::report::html::render`.
    pub html: AttrValue,
}

#[function_component(ReportPreview)]
pub fn report_preview(props: &ReportPreviewProps) -> Html {
    html! {
        <div class="preview-panel" id="report-preview">
            { Html::from_html_unchecked(props.html.clone()) }
        </div>
    }
}
