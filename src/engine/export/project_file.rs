//! The project file: the one saved value (raw inputs, the officer's choices and the report
//! document) as versioned JSON. Opening it restores the draft exactly; a file from an older
//! version is brought up to date, one from a newer version is refused with a clear message.

use serde::{Deserialize, Serialize};

use crate::engine::import::{Loaded, Problem};
use crate::engine::model::{Project, RawInput, TableInput, SCHEMA_VERSION};
use crate::engine::report::draft::upgrade;

/// Written at the top of every project file, so one is recognised whatever it is called.
pub const FORMAT: &str = "Workforce Report Builder project";

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    /// Repeated from the project, so a newer file is recognised before its shape is read.
    schema_version: u32,
    project: Project,
}

/// Why a project file could not be opened, in words for the officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenError(pub String);

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The project as a project file.
///
/// ```
/// use wrb::engine::export::project_file::{open, save};
/// let project = wrb::engine::sample::sample_project();
/// let opened = open(&save(&project), &wrb::engine::import::load_input).unwrap();
/// assert_eq!(opened, project);
/// ```
pub fn save(project: &Project) -> String {
    let file =
        ProjectFile { format: FORMAT.to_owned(), schema_version: project.schema_version, project: project.clone() };
    // Sized for the files' bytes as base64 (a third larger) and the rest, so that the text is
    // not copied each time it outgrows its buffer.
    let files: usize = project
        .tables
        .iter()
        .chain(&project.supporting)
        .map(|input| match &input.raw {
            RawInput::File { bytes, .. } => bytes.len().div_ceil(3) * 4,
            RawInput::Text(text) => text.len(),
        })
        .sum();
    let mut text = Vec::with_capacity(files + 256 * 1024);
    match serde_json::to_writer_pretty(&mut text, &file) {
        Ok(()) => String::from_utf8(text).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Reads a project file. `load` reads inputs for the upgrade of an older project's report.
pub fn open(text: &str, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> Result<Project, OpenError> {
    let not_ours = |detail: String| OpenError(format!("This is not a project file this tool can open: {detail}"));
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| not_ours(format!("it is not JSON (line {}, column {}).", e.line(), e.column())))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(not_ours(format!("it does not start with \"format\": \"{FORMAT}\".")));
    }
    // The project repeats the version inside; a newer one there would be saved back at the top
    // and the draft could not be opened again, so the newer of the two decides.
    let version = [value.get("schema_version"), value.pointer("/project/schema_version")]
        .into_iter()
        .filter_map(|v| v.and_then(serde_json::Value::as_u64))
        .max()
        .unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(OpenError(format!(
            "This project was saved by a newer version of Workforce Report Builder (project format {version}); this \
             version opens formats up to {SCHEMA_VERSION}. Open it in the newer version."
        )));
    }
    let file: ProjectFile = serde_json::from_value(value).map_err(|e| not_ours(format!("{e}.")))?;
    Ok(upgrade(file.project, load))
}
