mod adult_benchmark_panel;
mod benchmark_panel;
mod checks_panel;
mod controls;
mod drafts_panel;
mod error_summary;
mod figure_picker;
mod file_picker;
mod import_details;
mod in_place;
mod paragraph_editor;
mod paste_box;
mod pipeline_panel;
mod print_options;
mod problem_list;
mod ready_list;
mod recommendations_editor;
mod report_details;
mod report_in_place;
mod report_preview;
mod save_share;
mod scenarios_panel;
mod staff_panel;
mod template_picker;

pub use adult_benchmark_panel::AdultBenchmarkPanel;
pub use benchmark_panel::BenchmarkPanel;
pub use checks_panel::ChecksPanel;
pub use controls::controls;
pub use drafts_panel::DraftsPanel;
pub use error_summary::ErrorSummary;
pub use file_picker::FilePicker;
pub use import_details::ImportDetails;
pub use paste_box::PasteBox;
pub use pipeline_panel::PipelinePanel;
pub use print_options::PrintOptions;
pub use problem_list::ProblemList;
pub use ready_list::ReadyList;
pub use report_details::ReportDetails;
pub use report_in_place::Editing;
pub use report_preview::{ReportPreview, ReportPreviewProps};
pub use scenarios_panel::ScenariosPanel;
pub use staff_panel::StaffPanel;
pub use template_picker::TemplatePicker;

/// Words a screen reader says after a button's visible text, so that its name still starts
/// with what is seen ("Move up paragraph 4.1"): voice control users say what they see.
pub(crate) fn unseen(words: String) -> yew::Html {
    yew::html! { <span class="visually-hidden">{ words }</span> }
}
