//! The app's state and the one place it changes.

use std::rc::Rc;
use std::sync::Arc;

use crate::engine::format::{count, sentence_start as capitalise};
use crate::engine::import::dfe::{read_indicators, read_neighbours};
use crate::engine::import::establishment::{headings_key, mapping_for_row};
use crate::engine::import::grid::GridRow;
use crate::engine::import::kind::{classify, TableKind};
use crate::engine::import::pipeline_tables::{
    read_budget, read_campaigns, read_cohorts, BudgetRow, CampaignRow, CohortRow,
};
use crate::engine::import::staff::read_staff_list;
use crate::engine::import::{load_pasted, read_loaded, Loaded, Problem, ProblemKind, Reading};
use crate::engine::metrics::staff::default_reference_date;
use crate::engine::model::{
    ColumnUse, Content, Date, DfeIndicators, Move, Origin, PrintSettings, Project, RawInput, RememberedMappings,
    StaffList, StatisticalNeighbours, TableInput, TitleField,
};
use crate::engine::report::draft::first_draft;
use crate::engine::report::facts::Facts;
use crate::engine::sample::{sample_project, Template};

/// What a pasted table is credited to in source lines.
pub const PASTED_SOURCE: &str = "table pasted by the report author";

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The one value that is saved; the report is derived from it.
    pub project: Project,
    /// The table being brought in and how it read. The project takes it only once it reads,
    /// so a table that cannot be read never replaces the report.
    pub import: Option<Import>,
    /// The paste box's text, kept even when it cannot be read, so nothing typed is lost.
    pub paste: String,
    /// Column choices the officer made, by headings; kept in browser storage.
    pub remembered: RememberedMappings,
    /// What the last edit did, announced to screen readers.
    pub status: String,
    /// A paste or file that could not be read outside the import (a file the browser or the
    /// worker could not open, a supporting table with a problem), until the next try.
    pub failed: Option<Failed>,
    /// Counts the files that could not be read: each time it goes up, the focus moves to the
    /// error summary, as GOV.UK's does when a form comes back with errors.
    pub error_focus: u32,
    /// Set while a file is being read, for the progress message.
    pub busy: Option<String>,
    /// Rows of the files read so far, by file and sheet. Derived (by the import worker) from
    /// the raw bytes the project keeps, so never saved.
    pub files: Vec<FileRows>,
    /// The DfE indicators and neighbours files loaded, and the council chosen.
    pub benchmarks: Benchmarks,
    /// A staff list loaded, and the date its figures are taken at.
    pub staff: Option<StaffPanel>,
    /// Cohort, recruitment and budget tables loaded, one of each kind.
    pub pipeline: PipelineTables,
    /// Earlier projects, most recent last, for Undo; and projects undone, for Redo. Shared, so
    /// each edit's copy of the state copies 100 pointers rather than 100 projects.
    pub undo: Vec<Rc<Project>>,
    pub redo: Vec<Rc<Project>>,
    /// Where the officer is typing, so a run of typing is undone as one edit.
    pub typing_in: Option<Typing>,
    /// Whether the draft is kept in this browser, or why not.
    pub autosave: Option<Result<(), String>>,
    /// A saved draft that could not be opened, kept so it can be downloaded.
    pub unreadable_draft: Option<String>,
    /// The draft this is, in browser storage, and every draft kept there.
    pub draft_id: String,
    pub drafts: Vec<DraftEntry>,
}

/// A draft kept in this browser, as the drafts list shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DraftEntry {
    pub id: String,
    pub title: String,
    /// When it was last saved, as the officer reads it.
    pub saved: String,
    /// The same, in milliseconds, for ordering.
    pub saved_at: f64,
}

/// The field where a paste or a file is put right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputField {
    Paste,
    Upload,
}

impl InputField {
    /// The field's id on the page, which the error summary links to.
    pub fn id(self) -> &'static str {
        match self {
            InputField::Paste => "paste-table",
            InputField::Upload => "upload-file",
        }
    }

    fn of(input: &TableInput) -> InputField {
        match input.raw {
            RawInput::Text(_) => InputField::Paste,
            RawInput::File { .. } => InputField::Upload,
        }
    }
}

/// What could not be read, and the field where it is put right.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub field: InputField,
    pub problems: Vec<Problem>,
}

/// One line of the error summary: the message, and the id of the field it links to.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Problems beyond this many are counted, not listed, beside the field and in the summary.
pub const LISTED: usize = 8;

/// The problems as the officer reads them: the first few, then how many more.
pub fn listed(problems: &[Problem]) -> Vec<String> {
    let mut lines: Vec<String> = problems.iter().take(LISTED).map(Problem::to_string).collect();
    if problems.len() > LISTED {
        lines.push(format!("and {} more.", problems.len() - LISTED));
    }
    lines
}

/// A field that takes typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typing {
    Title(TitleField),
    Heading(u32),
    Paragraph(u32),
    Period,
}

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 100;

/// The cohort, recruitment and budget tables shown beside the report, with their sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PipelineTables {
    pub cohorts: Option<(String, Rc<Vec<CohortRow>>)>,
    pub campaigns: Option<(String, Rc<Vec<CampaignRow>>)>,
    pub budget: Option<(String, Rc<Vec<BudgetRow>>)>,
}

/// A staff list shown in its own panel, read from the project's supporting tables.
#[derive(Clone, Debug)]
pub struct StaffPanel {
    pub source: String,
    pub list: Rc<StaffList>,
    pub reference_date: Option<Date>,
    /// The rows the list was read from (shared): the panels are read again whenever the
    /// project's supporting tables change, and the same rows need not be read twice.
    pub rows: Arc<[GridRow]>,
}

/// The same list read once is the same list: compared by where it is, not person by person,
/// since the page compares panels on every render and a list can hold 50,000 people.
impl PartialEq for StaffPanel {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
            && self.reference_date == other.reference_date
            && Rc::ptr_eq(&self.list, &other.list)
    }
}

/// What the Benchmarks panel compares, read from the project's supporting tables and settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Benchmarks {
    pub indicators: Option<Rc<DfeIndicators>>,
    pub neighbours: Option<Rc<StatisticalNeighbours>>,
    pub council: Option<String>,
    /// The year shown; the latest when not chosen.
    pub year: Option<String>,
}

/// One file's sheet, read into rows.
#[derive(Clone, Debug)]
pub struct FileRows {
    pub file: u64,
    /// The bytes read, shared with the project: a file is found by them at once, without
    /// working out its key again over tens of megabytes.
    pub bytes: Arc<[u8]>,
    pub sheet: Option<String>,
    pub loaded: Rc<Loaded>,
}

/// The same file and sheet, read once: the rows are shared, never compared cell by cell (the
/// page compares these on every render).
impl PartialEq for FileRows {
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file && self.sheet == other.sheet && Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// Identifies a file by its name and content, so a changed file with the same name is read again.
pub fn file_key(name: &str, bytes: &[u8]) -> u64 {
    // FNV-1a, over eight bytes at a time where it can (a workbook can be tens of megabytes):
    // each step is a bijection of the hash, so any one changed word changes the key, and
    // collisions would need the same name as well. Kept in memory only, never saved.
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(0x0100_0000_01b3);
    let hash = name.bytes().chain([0]).fold(0xcbf2_9ce4_8422_2325, |hash, byte| step(hash, u64::from(byte)));
    let mut words = bytes.chunks_exact(8);
    let hash = (&mut words).fold(step(hash, bytes.len() as u64), |hash, word| {
        step(hash, u64::from_le_bytes(word.try_into().expect("eight bytes")))
    });
    words.remainder().iter().fold(hash, |hash, &byte| step(hash, u64::from(byte)))
}

impl State {
    /// Why what is in a field could not be read: the table being brought in, or a failure
    /// outside it. Empty when it could be read.
    pub fn problems_in(&self, field: InputField) -> Vec<Problem> {
        let import = self.import.as_ref().filter(|i| InputField::of(&i.input) == field);
        let mut problems = import.and_then(|i| i.reading.outcome.as_ref().err().cloned()).unwrap_or_default();
        if let Some(failed) = self.failed.as_ref().filter(|f| f.field == field) {
            problems.extend(failed.problems.iter().cloned());
        }
        problems
    }

    /// What the error summary lists: each problem with the field where it is put right.
    pub fn field_errors(&self) -> Vec<FieldError> {
        [InputField::Paste, InputField::Upload]
            .into_iter()
            .flat_map(|field| {
                listed(&self.problems_in(field))
                    .into_iter()
                    .map(move |message| FieldError { field: field.id().to_owned(), message })
            })
            .collect()
    }

    /// The rows for a table input: a paste is split here; a file's rows come from the worker.
    pub fn loaded_for(&self, input: &TableInput) -> Result<Loaded, Problem> {
        match &input.raw {
            RawInput::Text(text) => Ok(load_pasted(text)),
            RawInput::File { name, bytes } => {
                let sheet_fits = |f: &&FileRows| input.sheet.is_none() || f.sheet == input.sheet;
                let mut files = self.files.iter().filter(sheet_fits);
                // The same bytes as read (the usual case), else the same name and content.
                let found = match files.clone().find(|f| Arc::ptr_eq(&f.bytes, bytes)) {
                    Some(found) => Some(found),
                    None => {
                        let key = file_key(name, bytes);
                        files.find(|f| f.file == key)
                    }
                };
                found
                    .map(|f| (*f.loaded).clone())
                    .ok_or_else(|| Problem::whole(ProblemKind::StillBeingRead { file: name.clone() }))
            }
        }
    }
}

/// A table being brought in: the input with the officer's choices, and how it reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub input: TableInput,
    pub reading: Rc<Reading>,
    /// The establishment tables the report had before this table came in.
    pub before: Vec<TableInput>,
    /// Whether this table is the latest period or the one before it.
    pub slot: Slot,
}

/// Where a table brought in goes among the report's periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slot {
    /// The newest period: it replaces the report's tables.
    #[default]
    Latest,
    /// The period before the report's latest table, for comparison with it.
    Earlier,
}

impl Import {
    pub fn is_paste(&self) -> bool {
        matches!(self.input.raw, RawInput::Text(_))
    }
}

pub enum Action {
    /// The officer pasted or typed into "Paste a table".
    PasteEdited(String),
    /// A file is being read.
    FileReading(String),
    /// A file (or another sheet of it) as the import worker read it.
    FileRead {
        name: String,
        bytes: Arc<[u8]>,
        loaded: Result<Loaded, Problem>,
    },
    FileFailed {
        name: String,
        problem: ProblemKind,
    },
    /// A draft kept in this browser could not be opened or copied, and why.
    DraftFailed(String),
    HeaderRowChosen(usize),
    ColumnSet {
        column: usize,
        holds: ColumnUse,
    },
    GuessColumnsAgain,
    SkipUnreadable(bool),
    /// Go back to the built-in sample.
    UseSample,
    /// Column choices read back from browser storage at start.
    RememberedLoaded(RememberedMappings),
    /// The council to benchmark.
    CouncilChosen(String),
    /// The year of the benchmarks shown.
    BenchmarkYearChosen(String),
    /// The officer typed into a field of the report's title block.
    TitleEdited(TitleField, String),
    Undo,
    Redo,
    /// The date the staff list's figures are taken at.
    StaffDateChosen(Date),
    /// Replace the report with a template, its sample data and draft.
    TemplateChosen(Template),
    SectionAdded {
        heading: String,
    },
    SectionRenamed(u32, String),
    SectionMoved(u32, Move),
    SectionRemoved(u32),
    /// A paragraph added at the end of a section.
    ParagraphAdded {
        section: u32,
        content: Content,
    },
    /// The generated first draft added at the end of a section.
    DraftAdded {
        section: u32,
    },
    ParagraphEdited(u32, Content),
    ParagraphMoved(u32, Move),
    ParagraphRemoved(u32),
    PrintSettingsChanged(PrintSettings),
    /// The period the table being brought in covers, e.g. "2025/26".
    ImportPeriodSet(String),
    /// Whether the table being brought in is the latest period or the one before.
    ImportSlotChosen(Slot),
    /// Done with this table: the next one pasted or uploaded is another period's.
    ImportFinished,
    /// A project file or static page opened by the officer.
    ProjectOpened {
        project: Project,
        from: String,
    },
    /// A draft kept in this browser, opened at start or from the list: not an edit to undo.
    DraftRestored {
        id: String,
        project: Project,
    },
    /// A new draft, under a new id, starting from the sample; the others stay in the list.
    NewDraft {
        id: String,
    },
    /// The drafts kept in this browser, after a change to the list.
    DraftsListed(Vec<DraftEntry>),
    /// The saved draft could not be opened: why, and its raw text to download.
    DraftUnreadable {
        why: String,
        raw: String,
    },
    /// Rows of a file the project already holds, read again by the worker (after opening a
    /// project); they change nothing in the project.
    FileRowsLoaded {
        name: String,
        bytes: Arc<[u8]>,
        loaded: Loaded,
    },
    /// How the last save to browser storage went, with the list after it.
    Autosaved(Result<Vec<DraftEntry>, String>),
}

impl Default for State {
    fn default() -> Self {
        State::showing(sample_project())
    }
}

impl State {
    /// A fresh state showing `project`, its panels read. Opening a draft starts here rather
    /// than from the sample, which would be built only to be replaced.
    pub fn showing(project: Project) -> Self {
        let mut state = State {
            project,
            import: None,
            paste: String::new(),
            remembered: RememberedMappings::new(),
            status: "Showing the built-in sample for a fictional council.".into(),
            failed: None,
            error_focus: 0,
            busy: None,
            files: Vec::new(),
            benchmarks: Benchmarks::default(),
            staff: None,
            pipeline: PipelineTables::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            typing_in: None,
            autosave: None,
            unreadable_draft: None,
            draft_id: String::new(),
            drafts: Vec::new(),
        };
        refresh_panels(&mut state);
        state
    }
}

/// The reducer: a pure function from the state and an action to the next state. Every change
/// to the project can be undone; typing into one title field counts as one change.
pub fn reduce(state: &State, action: Action) -> State {
    match action {
        Action::Undo => return step_back(state, true),
        Action::Redo => return step_back(state, false),
        _ => {}
    }
    let typing = match &action {
        Action::TitleEdited(field, _) => Some(Typing::Title(*field)),
        Action::ImportPeriodSet(_) => Some(Typing::Period),
        Action::SectionRenamed(id, _) => Some(Typing::Heading(*id)),
        // Typing into a paragraph; choosing a status or a block is a step of its own.
        Action::ParagraphEdited(id, Content::Text(_) | Content::Bullets { .. }) => Some(Typing::Paragraph(*id)),
        _ => None,
    };
    let restored = matches!(action, Action::DraftRestored { .. } | Action::NewDraft { .. });
    let mut next = apply(state, action);
    panels_follow(&state.project, &mut next);
    if restored {
        // The starting point, not a step back from the sample.
        next.undo.clear();
        next.redo.clear();
        return next;
    }
    if next.project != state.project {
        // Carry on the same undo step while the officer keeps typing in one field.
        if typing.is_none() || typing != state.typing_in {
            next.undo.push(Rc::new(state.project.clone()));
            if next.undo.len() > UNDO_LIMIT {
                next.undo.remove(0);
            }
        }
        next.redo.clear();
    }
    next.typing_in = typing;
    next
}

/// Undo (`back`) or redo: swaps the project with the latest one kept, and says what happened.
fn step_back(state: &State, back: bool) -> State {
    let mut next = state.clone();
    let (from, to) = if back { (&mut next.undo, &mut next.redo) } else { (&mut next.redo, &mut next.undo) };
    let Some(project) = from.pop() else { return next };
    to.push(Rc::new(std::mem::replace(&mut next.project, Rc::unwrap_or_clone(project))));
    next.typing_in = None;
    next.import = None;
    next.failed = None;
    next.status = if back { "Undone." } else { "Redone." }.into();
    panels_follow(&state.project, &mut next);
    next
}

/// Rebuilds the side panels when what they show changed: the supporting tables, or the
/// choices of council, year and date. Not for every edit: reading the DfE file is not free.
fn panels_follow(before: &Project, next: &mut State) {
    let (a, b) = (&before.settings, &next.project.settings);
    let choices_changed = a.benchmark_council != b.benchmark_council
        || a.benchmark_year != b.benchmark_year
        || a.staff_date != b.staff_date;
    if choices_changed || before.supporting != next.project.supporting {
        refresh_panels(next);
    }
}

fn apply(state: &State, action: Action) -> State {
    let mut next = state.clone();
    next.busy = None;
    match action {
        Action::PasteEdited(text) => {
            next.failed = next.failed.filter(|f| f.field != InputField::Paste);
            next.paste = text.clone();
            if text.trim().is_empty() {
                // Clearing the box leaves the report as it is.
                next.import = next.import.filter(|i| !i.is_paste());
                return next;
            }
            let input = TableInput::pasted(text.clone(), PASTED_SOURCE);
            if let Some(next) = beside_the_report(&next, "the pasted table", &load_pasted(&text), input) {
                return next;
            }
            // Typing or pasting again into the box edits the same table; "Add another period's
            // table" starts a new one.
            let fresh = if next.import.as_ref().is_some_and(Import::is_paste) { Fresh::No } else { Fresh::Yes };
            return read(next, TableInput::pasted(text, PASTED_SOURCE), fresh);
        }
        Action::FileReading(name) => {
            next.failed = next.failed.filter(|f| f.field != InputField::Upload);
            next.busy = Some(format!("Reading {name}…"));
            next.status = format!("Reading {name}…");
        }
        Action::FileRead { name, bytes, loaded } => {
            let new_file = !is_being_brought_in(&next, &name, &bytes);
            let (read_name, read_bytes) = (name.clone(), bytes.clone());
            let mut next = file_read(next, name, bytes, loaded);
            // A new file that cannot be read takes the focus to the error summary; another
            // sheet of the same file, chosen from the list, leaves the focus on the list.
            let this_failed = next.failed.as_ref().is_some_and(|f| f.field == InputField::Upload)
                || (is_being_brought_in(&next, &read_name, &read_bytes)
                    && next.import.as_ref().is_some_and(|i| i.reading.outcome.is_err()));
            if new_file && this_failed {
                next.error_focus += 1;
            }
            return next;
        }
        Action::FileFailed { name, problem } => {
            next.status = format!("{name} could not be read: {problem} The report has not changed.");
            let problem = Problem::whole(problem).located(Some(&name), None);
            next.failed = Some(Failed { field: InputField::Upload, problems: vec![problem] });
            next.error_focus += 1;
        }
        Action::DraftFailed(why) => {
            next.status = format!("That draft could not be read: {why} The report has not changed.");
        }
        Action::HeaderRowChosen(line) => {
            if let Some((import, row)) = current_rows(state)
                .and_then(|(i, rows)| rows.iter().find(|r| r.line == line).map(|row| (i, row.clone())))
            {
                let input = TableInput { mapping: Some(mapping_for_row(&row)), ..import.input.clone() };
                return read(next, input, Fresh::No);
            }
        }
        Action::ColumnSet { column, holds } => {
            if let Some(import) = &state.import {
                if let Some(mut mapping) = import.reading.mapping.clone() {
                    if column >= mapping.columns.len() {
                        mapping.columns.resize(column + 1, ColumnUse::NotUsed);
                    }
                    mapping.columns[column] = holds;
                    // Remember the choice for the next table with the same headings.
                    if let Some((_, rows)) = current_rows(state) {
                        if let Some(header) = rows.iter().find(|r| r.line == mapping.header_line) {
                            next.remembered.insert(headings_key(header), mapping.columns.clone());
                        }
                    }
                    let input = TableInput { mapping: Some(mapping), ..import.input.clone() };
                    return read(next, input, Fresh::No);
                }
            }
        }
        Action::GuessColumnsAgain => {
            if let Some(import) = &state.import {
                if let Some((_, rows)) = current_rows(state) {
                    if let Some(mapping) = &import.reading.mapping {
                        if let Some(header) = rows.iter().find(|r| r.line == mapping.header_line) {
                            next.remembered.remove(&headings_key(header));
                        }
                    }
                }
                let input = TableInput { mapping: None, ..import.input.clone() };
                return read(next, input, Fresh::No);
            }
        }
        Action::SkipUnreadable(skip) => {
            if let Some(import) = &state.import {
                let input = TableInput { skip_unreadable: skip, ..import.input.clone() };
                return read(next, input, Fresh::No);
            }
        }
        Action::UseSample => {
            next.project = sample_project();
            next.import = None;
            next.failed = None;
            next.status = "Back to the built-in sample. Your pasted text is still in the box.".into();
        }
        Action::RememberedLoaded(remembered) => {
            next.remembered = remembered;
        }
        Action::CouncilChosen(council) => {
            next.project.settings.benchmark_council = Some(council);
            // The years differ from council to council.
            next.project.settings.benchmark_year = None;
        }
        Action::BenchmarkYearChosen(year) => {
            next.project.settings.benchmark_year = Some(year);
        }
        Action::TitleEdited(field, value) => {
            next.project.title_block.set(field, value);
        }
        // Handled by `reduce` before it gets here.
        Action::Undo | Action::Redo => {}
        Action::StaffDateChosen(date) => {
            next.project.settings.staff_date = Some(date);
        }
        Action::TemplateChosen(template) => {
            next.project = template.project();
            next.import = None;
            next.failed = None;
            next.status =
                format!("Opened the template “{}” with sample data. Undo brings back your report.", template.label());
        }
        Action::SectionAdded { heading } => {
            let heading = if heading.trim().is_empty() { "New section".to_owned() } else { heading.trim().to_owned() };
            let at = next.project.document.sections.len();
            next.project.document.add_section(at, heading.clone());
            next.status = format!("Section {} “{heading}” added.", at + 1);
        }
        Action::SectionRenamed(id, heading) => next.project.document.rename_section(id, heading),
        Action::SectionMoved(id, to) => {
            if next.project.document.move_section(id, to) {
                next.status = match next.project.document.sections.iter().position(|s| s.id == id) {
                    Some(i) => format!("Section moved: it is now section {}; paragraphs renumbered.", i + 1),
                    None => String::new(),
                };
            }
        }
        Action::SectionRemoved(id) => {
            if let Some(section) = next.project.document.remove_section(id) {
                next.status = format!("Section “{}” removed. Undo brings it back.", section.heading);
            }
        }
        Action::ParagraphAdded { section, content } => {
            let what = match &content {
                Content::Data { block, .. } => block.label().to_owned(),
                Content::Bullets { .. } => "Bullet list".to_owned(),
                Content::Text(_) => "Paragraph".to_owned(),
            };
            let at = next.project.document.section(section).map_or(0, |s| s.paragraphs.len());
            if next.project.document.add_paragraph(section, at, content).is_some() {
                next.status = format!("{what} added at the end of the section.");
            }
        }
        Action::DraftAdded { section } => {
            let draft = {
                let load = |input: &TableInput| next.loaded_for(input);
                first_draft(&Facts::gather(&next.project, &load))
            };
            let count = draft.len();
            for content in draft {
                let at = next.project.document.section(section).map_or(0, |s| s.paragraphs.len());
                next.project.document.add_paragraph(section, at, content);
            }
            next.status = format!("A first draft of {count} paragraphs added from the data: edit its words freely.");
        }
        Action::ParagraphEdited(id, content) => next.project.document.set_content(id, content),
        Action::ParagraphMoved(id, to) => {
            if next.project.document.move_paragraph(id, to) {
                let doc = &next.project.document;
                if let Some((i, j)) = doc.find_paragraph(id) {
                    next.status = format!("Paragraph moved: it is now {}.{}.", i + 1, j + 1);
                }
            }
        }
        Action::ParagraphRemoved(id) => {
            if next.project.document.remove_paragraph(id).is_some() {
                next.status = "Paragraph removed. Undo brings it back.".into();
            }
        }
        Action::PrintSettingsChanged(print) => next.project.settings.print = print,
        Action::ImportPeriodSet(period) => {
            if let Some(import) = &state.import {
                let input = TableInput { period: period.trim().to_owned(), ..import.input.clone() };
                return read(next, input, Fresh::No);
            }
        }
        Action::ProjectOpened { project, from } => {
            next.project = project;
            next.import = None;
            next.failed = None;
            next.status = format!("Opened {from}. Undo goes back to the report you had.");
        }
        Action::DraftRestored { id, project } => {
            next.project = project;
            next.draft_id = id;
            next.import = None;
            next.failed = None;
            next.status = format!("Opened your draft “{}” kept in this browser.", next.project.title_block.title);
        }
        Action::NewDraft { id } => {
            next.project = sample_project();
            next.draft_id = id;
            next.import = None;
            next.failed = None;
            next.status = "A new draft, starting from the sample. Your other drafts are listed under Drafts.".into();
        }
        Action::DraftsListed(drafts) => next.drafts = drafts,
        Action::DraftUnreadable { why, raw } => {
            next.unreadable_draft = Some(raw);
            next.status = format!(
                "The draft saved in this browser could not be opened: {why} It has not been changed; download its \
                 copy below. Showing the sample."
            );
        }
        Action::FileRowsLoaded { name, bytes, loaded } => {
            let key = file_key(&name, &bytes);
            next.files.retain(|f| !(f.file == key && f.sheet == loaded.sheet));
            next.files.push(FileRows { file: key, bytes, sheet: loaded.sheet.clone(), loaded: Rc::new(loaded) });
            refresh_panels(&mut next);
        }
        Action::Autosaved(outcome) => {
            if let Ok(drafts) = &outcome {
                next.drafts = drafts.clone();
            }
            next.autosave = Some(outcome.map(|_| ()));
        }
        Action::ImportFinished => {
            next.import = None;
            next.failed = None;
            // The text is in the project now; the box is cleared for the next table.
            next.paste = String::new();
            next.status = "Paste or upload the next table.".into();
        }
        Action::ImportSlotChosen(slot) => {
            if let Some(import) = &mut next.import {
                import.slot = slot;
                let input = import.input.clone();
                return read(next, input, Fresh::No);
            }
        }
    }
    next
}

/// A file (or one sheet of it) as the import worker read it: a supporting table joins the
/// project, an establishment table is brought in, one that cannot be read says why.
fn file_read(mut next: State, name: String, bytes: Arc<[u8]>, loaded: Result<Loaded, Problem>) -> State {
    let key = file_key(&name, &bytes);
    let sheet = loaded.as_ref().ok().and_then(|l| l.sheet.clone());
    // A file that reads clears what was said about the last one that did not.
    next.failed = next.failed.filter(|f| f.field != InputField::Upload);
    if let Ok(loaded) = loaded {
        next.files.retain(|f| !(f.file == key && f.sheet == sheet));
        next.files.push(FileRows {
            file: key,
            bytes: bytes.clone(),
            sheet: sheet.clone(),
            loaded: Rc::new(loaded.clone()),
        });
        let input = TableInput { sheet: sheet.clone(), ..file_input(name.clone(), bytes.clone(), sheet.clone()) };
        if let Some(next) = beside_the_report(&next, &name, &loaded, input) {
            return next;
        }
    } else if let Err(problem) = loaded {
        let input = file_input(name, bytes, None);
        let reading = read_loaded(&input, Err(problem), &next.remembered);
        next.status = format!("{} could not be read; the report has not changed.", capitalise(&file_name(&input)));
        let before = next.project.tables.clone();
        next.import = Some(Import { input, reading: Rc::new(reading), before, slot: Slot::Latest });
        return next;
    }
    // Another sheet of the file being brought in keeps that import's place among the periods.
    let fresh = if is_being_brought_in(&next, &name, &bytes) { Fresh::No } else { Fresh::Yes };
    read(next, file_input(name, bytes, sheet), fresh)
}

/// Whether this file is the one being brought in: compared as the project compares inputs,
/// by the shared bytes first, so a file of tens of megabytes is not hashed again.
fn is_being_brought_in(state: &State, name: &str, bytes: &Arc<[u8]>) -> bool {
    let file = RawInput::File { name: name.to_owned(), bytes: bytes.clone() };
    state.import.as_ref().is_some_and(|i| i.input.raw == file)
}

/// The side panels show what the project's supporting tables hold: rebuilt when they or the
/// choices change, so undo and templates carry the panels with them.
pub fn refresh_panels(state: &mut State) {
    let mut panels = Panels::default();
    let known = state.staff.clone();
    for input in &state.project.supporting {
        if let Ok(loaded) = state.loaded_for(input) {
            let name = match &input.raw {
                RawInput::File { name, .. } => name.as_str(),
                RawInput::Text(_) => input.source.as_str(),
            };
            read_into_panel(&mut panels, name, &loaded, known.as_ref());
        }
    }
    state.benchmarks = panels.benchmarks;
    state.staff = panels.staff;
    state.pipeline = panels.pipeline;
    let settings = &state.project.settings;
    state.benchmarks.council = settings.benchmark_council.clone().or_else(|| {
        let indicators = state.benchmarks.indicators.as_ref()?;
        crate::engine::report::facts::council_named(indicators, &state.project.title_block.council)
    });
    state.benchmarks.year = settings.benchmark_year.clone();
    if let (Some(staff), Some(date)) = (&mut state.staff, settings.staff_date) {
        staff.reference_date = Some(date);
    }
}

/// Reads an input; when it reads, it becomes the project's table, with the sheet and columns
/// it was read with fixed, so the saved project reads the same way again.
/// Whether a reading starts a new import, or reads the current one again with a new choice.
#[derive(PartialEq)]
enum Fresh {
    Yes,
    No,
}

fn read(mut next: State, input: TableInput, fresh: Fresh) -> State {
    let (before, slot) = match (&next.import, fresh) {
        (Some(import), Fresh::No) => (import.before.clone(), import.slot),
        _ => (next.project.tables.clone(), Slot::Latest),
    };
    let reading = read_loaded(&input, next.loaded_for(&input), &next.remembered);
    let name = file_name(&input);
    match &reading.outcome {
        Ok(read) => {
            let sheet = reading.loaded.as_ref().ok().and_then(|l| l.sheet.clone());
            let source = match (&input.raw, &sheet) {
                (RawInput::File { name, .. }, Some(sheet)) => format!("{name}, sheet {sheet}"),
                _ => input.source.clone(),
            };
            let accepted = TableInput { sheet, source, mapping: reading.mapping.clone(), ..input.clone() };
            // The sample's other tables describe the fictional council: they go with its figures.
            if before.iter().all(|t| t.origin == Origin::Sample) {
                next.project.supporting.retain(|t| t.origin != Origin::Sample);
            }
            next.project.tables = match (slot, before.first()) {
                (Slot::Earlier, Some(latest)) => vec![latest.clone(), accepted],
                _ => vec![accepted],
            };
            let roles = read.table.rows.len();
            let left_out = match read.skipped.len() {
                0 => String::new(),
                n => format!(" {n} unreadable {} left out.", if n == 1 { "cell was" } else { "cells were" }),
            };
            next.status =
                format!("Report updated from {name}: {roles} {}.{left_out}", if roles == 1 { "role" } else { "roles" });
        }
        Err(_) => {
            next.status = format!("{} could not be read; the report has not changed.", capitalise(&name));
        }
    }
    next.import = Some(Import { input, reading: Rc::new(reading), before, slot });
    next
}

/// The panels beside the report, read from the project's supporting tables.
#[derive(Default)]
struct Panels {
    benchmarks: Benchmarks,
    staff: Option<StaffPanel>,
    pipeline: PipelineTables,
}

/// Reads a supporting table into its panel. `None` when it is not a kind the panels show;
/// otherwise what to tell the officer, or why it could not be read.
/// `known`: the staff list already in its panel, taken again rather than read again when it
/// was read from these very rows (200,000 people take a good part of a second).
fn read_into_panel(
    panels: &mut Panels,
    name: &str,
    loaded: &Loaded,
    known: Option<&StaffPanel>,
) -> Option<Result<String, Vec<Problem>>> {
    Some(match classify(&loaded.rows) {
        TableKind::DfeIndicators => read_indicators(&loaded.rows).map(|data| {
            panels.benchmarks.indicators = Some(Rc::new(data));
            format!("Loaded {name}: choose a council under Benchmarks, or insert a benchmark table into the report.")
        }),
        TableKind::StatisticalNeighbours => read_neighbours(&loaded.rows).map(|data| {
            panels.benchmarks.neighbours = Some(Rc::new(data));
            format!("Loaded {name}: statistical neighbours are shown under Benchmarks.")
        }),
        TableKind::StaffList => match known.filter(|known| Arc::ptr_eq(&known.rows, &loaded.rows)) {
            Some(known) => Ok(known.list.clone()),
            None => read_staff_list(&loaded.rows).map(Rc::new),
        }
        .map(|list| {
            let people = count(list.people.len() as f64);
            panels.staff = Some(StaffPanel {
                source: name.to_owned(),
                reference_date: default_reference_date(&list),
                list,
                rows: loaded.rows.clone(),
            });
            format!("Loaded {name}: {people} people. Their figures are under Staff list.")
        }),
        TableKind::Cohort => read_cohorts(&loaded.rows).map(|rows| {
            panels.pipeline.cohorts = Some((name.to_owned(), Rc::new(rows)));
            format!("Loaded {name}: cohorts are under Cohorts, recruitment and budgets.")
        }),
        TableKind::Recruitment => read_campaigns(&loaded.rows).map(|rows| {
            panels.pipeline.campaigns = Some((name.to_owned(), Rc::new(rows)));
            format!("Loaded {name}: campaigns are under Cohorts, recruitment and budgets.")
        }),
        TableKind::Budget => read_budget(&loaded.rows).map(|rows| {
            panels.pipeline.budget = Some((name.to_owned(), Rc::new(rows)));
            format!("Loaded {name}: the budget is under Cohorts, recruitment and budgets.")
        }),
        _ => return None,
    })
}

/// Tables other than establishment tables join the project's supporting tables (replacing one
/// of the same kind), for the report's data blocks and the panels beside it. `None` for a table
/// that is not one of those kinds.
fn beside_the_report(state: &State, name: &str, loaded: &Loaded, input: TableInput) -> Option<State> {
    let mut scratch = Panels::default();
    let outcome = read_into_panel(&mut scratch, name, loaded, state.staff.as_ref())?;
    let mut next = state.clone();
    next.busy = None;
    match outcome {
        Ok(message) => {
            // The panels are read again once the table joins the project; a staff list just
            // read is then taken as it is.
            if scratch.staff.is_some() {
                next.staff = scratch.staff;
            }
            let kind = classify(&loaded.rows);
            let same_kind = |existing: &TableInput| state.loaded_for(existing).is_ok_and(|l| classify(&l.rows) == kind);
            next.project.supporting.retain(|existing| !same_kind(existing));
            next.failed = next.failed.filter(|f| f.field != InputField::of(&input));
            next.project.supporting.push(input);
            next.status = capitalise(&message);
        }
        Err(problems) => {
            let sheet = loaded.sheet.as_deref();
            let first = problems.first().map(|p| p.clone().located(Some(name), sheet).to_string());
            next.status = capitalise(&format!("{name} could not be read: {}", first.unwrap_or_default()));
            // Beside its field, the place in the file is named; a paste has only its rows.
            let file = match &input.raw {
                RawInput::File { name, .. } => Some(name.as_str()),
                RawInput::Text(_) => None,
            };
            let problems = problems.into_iter().map(|p| p.located(file, sheet)).collect();
            next.failed = Some(Failed { field: InputField::of(&input), problems });
        }
    }
    Some(next)
}

fn file_input(name: String, bytes: Arc<[u8]>, sheet: Option<String>) -> TableInput {
    TableInput {
        period: String::new(),
        source: name.clone(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name, bytes },
        sheet,
        mapping: None,
        skip_unreadable: false,
    }
}

fn file_name(input: &TableInput) -> String {
    match &input.raw {
        RawInput::Text(_) => "the pasted table".to_owned(),
        RawInput::File { name, .. } => name.clone(),
    }
}

fn current_rows(state: &State) -> Option<(&Import, &[crate::engine::import::grid::GridRow])> {
    let import = state.import.as_ref()?;
    let rows = &import.reading.loaded.as_ref().ok()?.rows;
    Some((import, rows))
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}
