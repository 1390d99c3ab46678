//! Saved drafts: the project file (the one saved value, as versioned JSON) and the project a
//! page for members carries. Saving, recognising, opening and migrating them lives here, and
//! needs nothing of the report: an older project is brought up to date from its own contents,
//! and a file from a newer version is refused with a clear message.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::engine::model::{Content, DataBlock, Document, Period, Project, RawInput, TableInput, SCHEMA_VERSION};

/// Written at the top of every project file, so one is recognised whatever it is called.
pub const FORMAT: &str = "Workforce Report Builder project";
/// The id of the data block holding the project in a page for members.
pub const DATA_ID: &str = "workforce-report-builder-project";

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    /// Repeated from the project, so a newer file is recognised before its shape is read.
    schema_version: u32,
    project: Project,
    /// For a draft kept apart from its files: where each file's bytes are (`save_apart`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    files: Vec<FileRef>,
}

/// Why a saved draft could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not JSON at all, with where the reading stopped.
    NotJson { line: usize, column: usize },
    /// JSON, but not one of ours.
    NotOurs,
    /// Saved by a newer version of the tool.
    Newer { version: u64 },
    /// Ours, but its shape is wrong, in serde's words.
    Shape(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOT_OURS: &str = "This is not a project file this tool can open:";
        match self {
            OpenError::NotJson { line, column } => {
                write!(f, "{NOT_OURS} it is not JSON (line {line}, column {column}).")
            }
            OpenError::NotOurs => write!(f, "{NOT_OURS} it does not start with \"format\": \"{FORMAT}\"."),
            OpenError::Newer { version } => write!(
                f,
                "This project was saved by a newer version of Workforce Report Builder (project format {version}); \
                 this version opens formats up to {SCHEMA_VERSION}. Open it in the newer version."
            ),
            OpenError::Shape(detail) => write!(f, "{NOT_OURS} {detail}."),
        }
    }
}

/// Whether a file is a saved project or a page for members, by how it starts, whatever it is
/// called.
pub fn is_saved_draft(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.contains(FORMAT) || head.starts_with("<!DOCTYPE html>") || head.starts_with("<html")
}

/// The project as a project file.
///
/// ```
/// use wrb::engine::saved::{open, save};
/// let project = wrb::engine::sample::sample_project();
/// assert_eq!(open(&save(&project)).unwrap(), project);
/// ```
pub fn save(project: &Project) -> String {
    write(project.clone(), Vec::new())
}

/// Writes a project file. One way of writing for whole files and drafts kept apart, so the
/// page carries one serializer of the project, not two.
fn write(project: Project, files: Vec<FileRef>) -> String {
    // Sized for the files' bytes as base64 (a third larger) and the rest, so that the text is
    // not copied each time it outgrows its buffer.
    let bytes: usize = project
        .tables
        .iter()
        .chain(&project.supporting)
        .map(|input| match &input.raw {
            RawInput::File { bytes, .. } => bytes.len().div_ceil(3) * 4,
            RawInput::Text(text) => text.len(),
        })
        .sum();
    let file = ProjectFile { format: FORMAT.to_owned(), schema_version: project.schema_version, project, files };
    let mut text = Vec::with_capacity(bytes + 256 * 1024);
    match serde_json::to_writer(&mut text, &file) {
        Ok(()) => String::from_utf8(text).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// A file a draft holds, kept apart from the draft's words: the words are small and change
/// with every keystroke, the files are large and rarely change, so a browser writes the words
/// at once (even as the tab closes) and each file only once.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptFile {
    pub key: String,
    pub bytes: Arc<[u8]>,
}

/// Where a draft kept apart finds its files: by key, in the order of its inputs.
#[derive(Serialize, Deserialize)]
struct FileRef {
    key: String,
    name: String,
}

/// A key for a file's content: the same bytes, the same key, whatever the file is called.
/// FNV-1a over eight bytes at a time, with the length: enough to tell one officer's files
/// apart, kept only in this browser.
pub fn content_key(bytes: &[u8]) -> String {
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(0x0100_0000_01b3);
    let mut words = bytes.chunks_exact(8);
    let hash = (&mut words).fold(0xcbf2_9ce4_8422_2325, |hash, word| {
        step(hash, u64::from_le_bytes(word.try_into().expect("eight bytes")))
    });
    let hash = words.remainder().iter().fold(hash, |hash, &byte| step(hash, u64::from(byte)));
    format!("{hash:016x}-{}", bytes.len())
}

/// The project as a project file without its files' bytes, and the files to keep apart.
/// `key` gives a file's key (the browser keeps the keys it has worked out, rather than reading
/// tens of megabytes again at each save). The text opens as a project file too, files empty.
pub fn save_apart(project: &Project, key: &dyn Fn(&Arc<[u8]>) -> String) -> (String, Vec<KeptFile>) {
    let mut words = project.clone();
    let mut files = Vec::new();
    let mut refs = Vec::new();
    for input in words.tables.iter_mut().chain(words.supporting.iter_mut()) {
        if let RawInput::File { name, bytes } = &mut input.raw {
            let kept = KeptFile { key: key(bytes), bytes: std::mem::replace(bytes, Arc::from(&[][..])) };
            refs.push(FileRef { key: kept.key.clone(), name: name.clone() });
            files.push(kept);
        }
    }
    (write(words, refs), files)
}

/// The keys of the files a draft kept apart refers to (none for a whole project file).
pub fn keys_in(text: &str) -> Vec<String> {
    read(text).map(|(_, files)| files.into_iter().map(|f| f.key).collect()).unwrap_or_default()
}

/// Opens a draft kept apart, its files' bytes found by `file`; or a whole project file. A file
/// that is not there any more leaves its table out, and is named in the list returned, so the
/// officer can upload it again.
pub fn open_apart(text: &str, file: &dyn Fn(&str) -> Option<Arc<[u8]>>) -> Result<(Project, Vec<String>), OpenError> {
    let (mut project, refs) = read(text)?;
    let mut missing = Vec::new();
    if !refs.is_empty() {
        let mut refs = refs.into_iter();
        let mut restore = |inputs: &mut Vec<TableInput>| {
            inputs.retain_mut(|input| {
                let RawInput::File { name, bytes } = &mut input.raw else { return true };
                match refs.next().and_then(|r| file(&r.key)) {
                    Some(kept) => {
                        *bytes = kept;
                        true
                    }
                    None => {
                        missing.push(name.clone());
                        false
                    }
                }
            })
        };
        restore(&mut project.tables);
        restore(&mut project.supporting);
    }
    Ok((project, missing))
}

/// Opens a project file, or the project a page for members carries.
pub fn open(text: &str) -> Result<Project, OpenError> {
    read(text).map(|(project, _)| project)
}

/// Reads a project file (or a page's): the project brought up to date, and where its files
/// are when they were kept apart.
fn read(text: &str) -> Result<(Project, Vec<FileRef>), OpenError> {
    let text = project_in_page(text).unwrap_or(text).trim_start_matches('\u{feff}');
    // First only what says whose file it is and which version wrote it, so a file of another
    // kind or a newer version is named for what it is before its shape is judged.
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            OpenError::NotJson { line: e.line(), column: e.column() }
        }
        _ => OpenError::NotOurs,
    })?;
    if loose::<String>(header.format).as_deref() != Some(FORMAT) {
        return Err(OpenError::NotOurs);
    }
    // The project repeats the version inside; a newer one there would be saved back at the top
    // and the draft could not be opened again, so the newer of the two decides.
    let inside = loose::<VersionOnly>(header.project).and_then(|p| loose::<u64>(p.schema_version));
    let version = loose::<u64>(header.schema_version).max(inside).unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(OpenError::Newer { version });
    }
    let file: ProjectFile = serde_json::from_str(text).map_err(|e| OpenError::Shape(e.to_string()))?;
    Ok((upgrade(file.project), file.files))
}

/// The start of a project file, each field kept as its JSON text and everything else skipped:
/// a field of the wrong kind says only that the file is not ours, never how it is shaped.
#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    project: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct VersionOnly<'a> {
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
}

/// A field read as `T`, or nothing when it is something else.
fn loose<'a, T: Deserialize<'a>>(raw: Option<&'a RawValue>) -> Option<T> {
    serde_json::from_str(raw?.get()).ok()
}

/// The project file a page for members carries in its data block, or `None` when the text is
/// not such a page.
pub fn project_in_page(page: &str) -> Option<&str> {
    let start = page.find(&format!("id=\"{DATA_ID}\">"))? + DATA_ID.len() + 6;
    let end = start + page[start..].find("</script>")?;
    Some(&page[start..end])
}

/// Brings a project saved by an older version up to date. Version 1 had no document: it gets
/// the report version 1 showed, written as a document the officer can now edit.
pub fn upgrade(mut project: Project) -> Project {
    if project.schema_version < 2 && project.document.sections.is_empty() {
        project.document = version_1_report(&project);
    }
    project.schema_version = project.schema_version.max(SCHEMA_VERSION);
    project
}

/// What version 1 showed, from the project alone: a "Current workforce" section with the
/// narrative of the current position (its figures live), the latest table and its chart, and,
/// with two periods, the earlier table and the change. Version 1 had no supporting tables, so
/// its narrative never spoke of benchmarks or a staff list. The words are version 1's, kept
/// here as they were: a migration writes what that version wrote, whatever the first draft
/// says today.
fn version_1_report(project: &Project) -> Document {
    let data = |block| Content::Data { block, title: String::new() };
    let mut paragraphs = Vec::new();
    match project.tables.first() {
        None => paragraphs.push(Content::Text(
            "[Add an establishment table: this paragraph will then describe the current position.]".into(),
        )),
        Some(latest) => {
            let when = if latest.period.is_empty() { "The" } else { "In {period}, the" };
            paragraphs.push(Content::Text(format!(
                "{when} establishment is {{establishment}} FTE posts. Permanent staff fill {{permanent}} FTE and \
                 agency workers {{agency}} FTE. There are {{vacant}} FTE vacant posts, a vacancy rate of {{vacancy \
                 rate}}, and agency workers make up {{agency rate}} of staff in post (permanent and agency)."
            )));
        }
    }
    let two_periods = project.tables.len() > 1;
    if two_periods {
        paragraphs.push(Content::Text(
            "The vacancy rate {vacancy rate change}. The agency worker rate {agency rate change}.".into(),
        ));
    }
    paragraphs.push(data(DataBlock::EstablishmentTable(Period::Latest)));
    paragraphs.push(data(DataBlock::EstablishmentChart(Period::Latest)));
    if two_periods {
        paragraphs.push(data(DataBlock::EstablishmentTable(Period::Earlier)));
        paragraphs.push(data(DataBlock::TwoPeriodTable));
    }
    Document::new(vec![("Current workforce".to_owned(), paragraphs)])
}
