mod benchmark_panel;
mod checks_panel;
mod file_picker;
mod import_details;
mod paste_box;
mod problem_list;
mod report_preview;
mod scenarios_panel;
mod staff_panel;

pub use benchmark_panel::BenchmarkPanel;
pub use checks_panel::{ChecksPanel, TableChecks};
pub use file_picker::FilePicker;
pub use import_details::ImportDetails;
pub use paste_box::PasteBox;
pub use problem_list::ProblemList;
pub use report_preview::{ReportPreview, ReportPreviewProps};
pub use scenarios_panel::ScenariosPanel;
pub use staff_panel::StaffPanel;
