mod paste_box;
mod report_preview;

pub use paste_box::PasteBox;
pub use report_preview::{ReportPreview, ReportPreviewProps};
