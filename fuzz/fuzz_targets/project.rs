//! A project file or a page for members, opened as the app and wfr open them. A project that
//! opens builds its report and page, and the page opens back to the same project.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wrb::engine::export::{self, project_file, static_page};
use wrb::engine::import::load_input;

fuzz_target!(|data: &[u8]| {
    let _ = export::is_saved_draft(data);
    let text = String::from_utf8_lossy(data);
    let direct = project_file::open(&text, &load_input);
    let project = match export::open_saved_draft(&text, &load_input) {
        Ok(project) => project,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    if let Ok(direct) = direct {
        assert_eq!(direct, project, "open and open_saved_draft disagree");
    }
    let saved = project_file::save(&project);
    assert_eq!(project_file::open(&saved, &load_input).as_ref(), Ok(&project), "saved project does not reopen");
    let page = static_page::render(&project, &load_input);
    let reopened = static_page::project_in(&page, &load_input).expect("the page carries its project");
    assert_eq!(reopened.as_ref(), Ok(&project), "the page does not reopen as its project");
});
