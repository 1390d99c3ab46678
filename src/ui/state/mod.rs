//! The app's state and the one place it changes.
//!
//! `reduce` is a pure function from the state and an action to the next state and the
//! effects the edge must run for it (read a file in the worker, keep the draft, download,
//! move the focus). Everything the page shows is derived here, in one direction: the project's
//! inputs are read into tables once, the tables give the facts, the facts and the document
//! give the report. A step is rebuilt only when what it depends on changed, so typing in a
//! paragraph builds the report again and reads no table.

mod bring_in;
mod effects;
mod pieces;

pub use bring_in::{file_key, InputField, ERROR_SUMMARY, PASTED_SOURCE};
pub use effects::{file_stem, Effect, Export, Piece, DOCX, XLSX};
pub use pieces::{
    listed, Benchmarks, DraftEntry, Exporting, Failed, FieldError, FileRows, PipelineTables, Slot, TableChecks,
};

use std::rc::Rc;
use std::sync::Arc;

use crate::engine::format::sentence_start;
use crate::engine::import::{Problem, ProblemKind, Reading};
use crate::engine::metrics::checks::establishment_checks;
use crate::engine::metrics::general::general_checks;
use crate::engine::model::{
    AreaChoice, AreaLevel, ColumnUse, Comparison, Content, Date, Definitions, Move, Origin, PrintSettings, Project,
    RawInput, RememberedMappings, Scenario, TableInput, TitleField, WordTemplate,
};
use crate::engine::report::draft::first_draft;
use crate::engine::report::facts::{council_among, Facts, TableFacts};
use crate::engine::report::general::{menus, TableMenu};
use crate::engine::report::ready::{open_items, OpenItem};
use crate::engine::report::{build_report, ReportDocument};
use crate::engine::sample::{blank_project, sample_project, Template};
use crate::engine::tables::{Arrived, ProjectTables};

#[derive(Clone, Debug)]
pub struct State {
    /// The one value that is saved; everything below it in this list but the page's own
    /// state is derived from it.
    pub project: Project,
    /// Every table of the project, each read once: rebuilt only for a table whose input or
    /// rows changed.
    pub tables: Rc<ProjectTables>,
    /// The figures the tables give: rebuilt only when the tables or the staff date change.
    pub facts: Rc<TableFacts>,
    /// The report, built from the document and the facts.
    pub report: Rc<ReportDocument>,
    /// Each table checked, for the Checks panel.
    pub checks: Rc<Vec<TableChecks>>,
    /// What is still open before committee, from the report and the checks.
    pub open: Rc<Vec<OpenItem>>,
    /// The tables of figures, as the editor's menus offer their blocks and live figures.
    pub menus: Rc<Vec<TableMenu>>,
    /// The table being brought in and how it read. The project takes it only once it reads,
    /// so a table that cannot be read never replaces the report.
    pub import: Option<Import>,
    /// The paste box's text, kept even when it cannot be read, so nothing typed is lost.
    pub paste: String,
    /// The paste box's text is the one read last and the report still shows it: the same text
    /// again is not read again. Undo, or another project, means it is.
    pub paste_read: bool,
    /// "Add another period's table" was pressed: the next establishment table goes beside the
    /// report's (before or after it by its period), not in its place.
    pub another_period: bool,
    /// Column choices the officer made, by headings; kept in browser storage.
    pub remembered: RememberedMappings,
    /// What the last edit did, announced to screen readers.
    pub status: String,
    /// A paste or file that could not be read outside the import (a file the browser or the
    /// worker could not open, a supporting table with a problem), until the next try.
    pub failed: Option<Failed>,
    /// Set while a file is being read, for the progress message.
    pub busy: Option<String>,
    /// Rows of the files read so far, by file and sheet. Derived (by the import worker) from
    /// the raw bytes the project keeps, so never saved.
    pub files: Vec<FileRows>,
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
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// The preview marks where pages will break.
    pub page_breaks: bool,
    /// Where a Word or Excel export stands.
    pub exporting: Exporting,
    /// What the council's Word template will take and gain, once the export worker has looked.
    pub word_template_notes: Option<Result<Vec<String>, String>>,
    /// The export worker: asked to start (so it is ready by the click), and whether it has
    /// stopped (a stopped worker cannot be started again until the page is loaded again).
    pub writer_started: bool,
    pub writer_stopped: bool,
    /// Fields in the panels holding a value that cannot be used, as each panel reports them.
    pub panel_errors: Vec<(Panel, Vec<FieldError>)>,
    /// Counts the serial numbers handed to files' rows as they arrive.
    pub arrivals: u64,
}

/// A panel with fields of its own, whose problems join the error summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Scenarios,
    Staff,
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

/// A table being brought in: the input with the officer's choices, and how it reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub input: TableInput,
    pub reading: Rc<Reading>,
    /// The establishment tables the report had before this table came in.
    pub before: Vec<TableInput>,
    /// Whether this table replaces the report's, or is the period before or after it.
    pub slot: Slot,
    /// Whether the officer chose the slot: until then it follows the period typed.
    pub slot_chosen: bool,
    /// The general table this import put in the report, so choosing its columns again
    /// replaces it rather than adding another.
    pub placed: Option<Placed>,
}

/// What bringing in a table of figures added to the document, so it can be taken out again
/// whole: a table pasted over with a different one, or read as an establishment table.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The id of its input, which its blocks name.
    pub table: u32,
    /// The paragraphs added: its sentence, table and chart.
    pub paragraphs: Vec<u32>,
    /// The section made for it, if one was.
    pub section: Option<u32>,
    /// Its row of headings as the source wrote them: the same headings read again are the
    /// same table (corrected, or a column's use changed); other headings, another table.
    pub headings: Option<String>,
}

impl Import {
    pub fn is_paste(&self) -> bool {
        matches!(self.input.raw, RawInput::Text(_))
    }
}

pub enum Action {
    /// The officer pasted or typed into "Paste a table".
    PasteEdited(String),
    /// A file's bytes, as the browser read them for the officer (chosen or dropped).
    FileOpened {
        name: String,
        bytes: Arc<[u8]>,
    },
    /// Another sheet of the workbook being brought in.
    SheetChosen(String),
    /// A file is being read.
    FileReading(String),
    /// A file (or another sheet of it) as the import worker read it.
    FileRead {
        name: String,
        bytes: Arc<[u8]>,
        arrived: Result<Arrived, Problem>,
    },
    /// Rows of a file the project already holds, read again by the worker (after opening a
    /// project), or why they could not be: they change nothing in the project.
    FileRowsLoaded {
        name: String,
        bytes: Arc<[u8]>,
        sheet: Option<String>,
        arrived: Result<Arrived, Problem>,
    },
    FileFailed {
        name: String,
        problem: ProblemKind,
    },
    HeaderRowChosen(usize),
    ColumnSet {
        column: usize,
        holds: ColumnUse,
    },
    GuessColumnsAgain,
    SkipUnreadable(bool),
    /// Read the table being brought in with its rows and columns swapped.
    Transposed(bool),
    /// The period the table being brought in covers, e.g. "2025/26".
    ImportPeriodSet(String),
    /// Whether the table being brought in is the latest period or the one before.
    ImportSlotChosen(Slot),
    /// Done with this table: the next one pasted or uploaded is another period's.
    ImportFinished,
    /// Go back to the built-in sample.
    UseSample,
    /// Replace the report with a template, its sample data and draft.
    TemplateChosen(Template),
    /// The council to benchmark.
    CouncilChosen(String),
    /// The year of the benchmarks shown.
    BenchmarkYearChosen(String),
    /// The council, measure, period, job role and sector of the adult comparison file.
    AreaChosen(AreaChoice),
    /// The council's Word template, read from the file the officer chose.
    WordTemplateChosen {
        name: String,
        bytes: Arc<[u8]>,
    },
    /// The template's file could not be read by the browser.
    WordTemplateUnreadable(String),
    /// What the template will take and gain (the export worker's notes), or why it cannot be used.
    WordTemplateInspected(Result<Vec<String>, String>),
    WordTemplateRemoved,
    /// The date the staff list's figures are taken at.
    StaffDateChosen(Date),
    /// The definitions the staff list's figures follow.
    DefinitionsChosen(Definitions),
    /// The Scenarios panel's assumptions changed.
    ScenarioChanged(Scenario),
    /// The officer typed into a field of the report's title block.
    TitleEdited(TitleField, String),
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
    /// Enter in a paragraph of the report: its words before the cursor stay, the words after
    /// it start a new paragraph straight after, in the same section.
    ParagraphSplit {
        id: u32,
        before: String,
        after: String,
    },
    /// Backspace at the start of a paragraph: it joins the one before.
    ParagraphJoined(u32),
    /// A paragraph dragged to a new place: before `before`, or last in `section`.
    ParagraphPlaced {
        id: u32,
        section: u32,
        before: Option<u32>,
    },
    /// A section dragged to a new place: before `before`, or last.
    SectionPlaced {
        id: u32,
        before: Option<u32>,
    },
    PrintSettingsChanged(PrintSettings),
    Undo,
    Redo,
    /// A project file or static page opened by the officer: its text.
    ProjectOpened {
        text: String,
        from: String,
    },
    /// A draft kept in this browser, opened at start or from the list: not an edit to undo.
    /// `missing`: files it named that this browser no longer keeps.
    DraftRestored {
        id: String,
        project: Project,
        missing: Vec<String>,
    },
    /// Open, copy or delete a draft kept in this browser.
    OpenDraft(String),
    DuplicateDraft(String),
    DeleteDraft(String),
    /// A new draft, under a new id, blank or from a template; the others stay in the list.
    NewDraft {
        id: String,
        /// `None`: a blank report (the usual headings, the title block to fill, no data).
        from: Option<Template>,
    },
    /// The drafts kept in this browser, after a change to the list.
    DraftsListed(Vec<DraftEntry>),
    /// A draft kept in this browser could not be opened or copied, and why.
    DraftFailed(String),
    /// The saved draft could not be opened: why, and its raw text to download.
    DraftUnreadable {
        why: String,
        raw: String,
    },
    /// How the last save to browser storage went, with the list after it.
    Autosaved(Result<Vec<DraftEntry>, String>),
    /// Column choices read back from browser storage at start.
    RememberedLoaded(RememberedMappings),
    /// Save and share.
    SaveProject,
    ExportPage,
    ExportWord,
    /// A table or chart on its own, as chosen from the list.
    DownloadPiece(Piece),
    DownloadUnreadable,
    /// The pointer or focus came to an export button: the export worker is started.
    ExportNear,
    /// The pointer or focus came to Upload a file: an import worker is started for the file to
    /// come, so it is ready by the time the officer has chosen one.
    ReadNear,
    /// How an export the worker wrote went.
    ExportFinished(Export),
    Print,
    /// A file is dragged over the page (true) or has left it.
    Dragging(bool),
    PageBreaksShown(bool),
    /// A panel's fields that hold a value that cannot be used.
    PanelProblems(Panel, Vec<FieldError>),
}

impl Default for State {
    fn default() -> Self {
        State::showing(sample_project())
    }
}

impl State {
    /// A fresh state showing `project`, its tables read and its report built. Opening a draft
    /// starts here rather than from the sample, which would be built only to be replaced.
    pub fn showing(project: Project) -> Self {
        let tables = Rc::new(ProjectTables::pasted(&project));
        let facts = Rc::new(TableFacts::of(&tables, TableFacts::depends_on(&project)));
        let report = Rc::new(build_report(&project, &facts));
        let checks = Rc::new(checks(&facts));
        let menus = Rc::new(menus(&facts));
        let open = Rc::new(still_open(&project, &report, &checks));
        State {
            project,
            tables,
            facts,
            report,
            checks,
            open,
            menus,
            import: None,
            paste: String::new(),
            another_period: false,
            paste_read: false,
            remembered: RememberedMappings::new(),
            status: "Showing the built-in sample for a fictional council.".into(),
            failed: None,
            busy: None,
            files: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            typing_in: None,
            autosave: None,
            unreadable_draft: None,
            draft_id: String::new(),
            drafts: Vec::new(),
            dragging: false,
            page_breaks: false,
            exporting: Exporting::Idle,
            word_template_notes: None,
            writer_started: false,
            writer_stopped: false,
            panel_errors: Vec::new(),
            arrivals: 0,
        }
    }

    /// Whether the report still shows the built-in sample's establishment tables.
    pub fn showing_sample(&self) -> bool {
        // A blank report has no tables, and none of the sample's.
        !self.project.tables.is_empty() && self.project.tables.iter().all(|t| t.origin == Origin::Sample)
    }

    /// The rows of a file input, as they arrived from the import worker.
    fn arrived_for(&self, input: &TableInput) -> Result<Rc<Arrived>, Problem> {
        let RawInput::File { name, bytes } = &input.raw else {
            return Err(Problem::whole(ProblemKind::StillBeingRead { file: String::new() }));
        };
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
            .map(|f| f.arrived.clone())
            .unwrap_or_else(|| Err(Problem::whole(ProblemKind::StillBeingRead { file: name.clone() })))
    }

    /// Keeps a file's rows as they arrived (one sheet of a file replaces the same sheet).
    fn keep_rows(&mut self, name: &str, bytes: &Arc<[u8]>, arrived: Arrived) -> Rc<Arrived> {
        let sheet = arrived.loaded.sheet.clone();
        let arrived = Rc::new(arrived);
        self.keep_file(name, bytes, sheet, Ok(arrived.clone()));
        arrived
    }

    /// Keeps what became of reading a file's sheet: its rows, or why it could not be read.
    fn keep_file(
        &mut self,
        name: &str,
        bytes: &Arc<[u8]>,
        sheet: Option<String>,
        arrived: Result<Rc<Arrived>, Problem>,
    ) {
        let key = file_key(name, bytes);
        self.files.retain(|f| !(f.file == key && f.sheet == sheet));
        self.arrivals += 1;
        self.files.push(FileRows { file: key, bytes: bytes.clone(), sheet, arrived });
    }

    /// The problems in a field: the table being brought in, or a failure outside it.
    pub fn problems_in(&self, field: InputField) -> Vec<Problem> {
        let import = self.import.as_ref().filter(|i| InputField::of(&i.input) == field);
        let mut problems = import.and_then(|i| i.reading.outcome.as_ref().err().cloned()).unwrap_or_default();
        if let Some(failed) = self.failed.as_ref().filter(|f| f.field == field) {
            problems.extend(failed.problems.iter().cloned());
        }
        problems
    }

    /// What the error summary lists: each problem with the field where it is put right, then
    /// the panels' own.
    pub fn field_errors(&self) -> Vec<FieldError> {
        let fields = [InputField::Paste, InputField::Upload].into_iter().flat_map(|field| {
            pieces::listed(&self.problems_in(field))
                .into_iter()
                .map(move |message| FieldError { field: field.id().to_owned(), message })
        });
        fields.chain(self.panel_errors.iter().flat_map(|(_, errors)| errors.iter().cloned())).collect()
    }

    /// The panels beside the report, from the facts and the officer's choices.
    pub fn benchmarks(&self) -> Benchmarks {
        Benchmarks::of(&self.facts, &self.project)
    }

    /// The adult comparison file loaded, with the choice as the report reads it: the council
    /// chosen, or the one the title block names.
    pub fn adult_benchmarks(&self) -> Option<(Rc<Comparison>, AreaChoice)> {
        let file = self.facts.comparison.as_ref()?.as_ref().ok()?.1.clone();
        let mut choice = self.project.settings.areas.clone();
        if choice.council.is_none() {
            let councils = file.rows.iter().filter(|r| r.level == AreaLevel::Council).map(|r| r.area.as_str());
            choice.council = council_among(councils, &self.project.title_block.council);
        }
        Some((file, choice))
    }

    pub fn pipeline(&self) -> PipelineTables {
        PipelineTables::of(&self.facts)
    }
}

/// Each period's table checked, then each table of figures.
fn checks(facts: &TableFacts) -> Vec<TableChecks> {
    let periods = facts.periods.iter().filter_map(|period| {
        let read = period.table.read.as_ref().ok()?;
        let input = &period.table.input;
        let table = if input.period.is_empty() { "The establishment table".to_owned() } else { input.period.clone() };
        let title = format!("{table}{}", from_where(input));
        Some(TableChecks { title, findings: establishment_checks(&read.table) })
    });
    let general = facts.general.iter().filter_map(|general| {
        let table = general.read.as_ref().ok()?;
        Some(TableChecks { title: sentence_start(&table.name()), findings: general_checks(table) })
    });
    periods.chain(general).collect()
}

/// Where a checked table came from, so checks on the sample's tables (still in the report after
/// a paste that could not be read) never pass for checks on the officer's own.
fn from_where(input: &TableInput) -> String {
    match (&input.origin, &input.raw) {
        (Origin::Sample, _) => " (the sample's fictional figures)".to_owned(),
        (_, RawInput::File { name, .. }) => format!(" (from {name})"),
        (_, RawInput::Text(_)) => " (pasted)".to_owned(),
    }
}

/// The reducer: a pure function from the state and an action to the next state, and the
/// effects the edge runs for it. Every change to the project can be undone; typing into one
/// field counts as one change; every change is kept in this browser.
pub fn reduce(state: &State, action: Action) -> (State, Vec<Effect>) {
    let typing = match &action {
        Action::TitleEdited(field, _) => Some(Typing::Title(*field)),
        Action::ImportPeriodSet(_) => Some(Typing::Period),
        Action::SectionRenamed(id, _) => Some(Typing::Heading(*id)),
        // Typing into a paragraph; choosing a status or a block is a step of its own.
        Action::ParagraphEdited(id, Content::Text(_) | Content::Bullets { .. }) => Some(Typing::Paragraph(*id)),
        // Typing a table's caption or a chart's title: the same block, its words changed.
        Action::ParagraphEdited(id, Content::Data { block, .. })
            if state
                .project
                .document
                .paragraph(*id)
                .is_some_and(|p| matches!(&p.content, Content::Data { block: kept, .. } if kept == block))
                && !matches!(block, crate::engine::model::DataBlock::Recommendations(_)) =>
        {
            Some(Typing::Paragraph(*id))
        }
        _ => None,
    };
    let (history, restored) = match &action {
        Action::Undo | Action::Redo => (false, false),
        Action::DraftRestored { .. } | Action::NewDraft { .. } => (false, true),
        _ => (true, false),
    };
    let (mut next, mut effects) = apply(state, action);
    derive(state, &mut next);
    if restored {
        // The starting point, not a step back from the sample.
        next.undo.clear();
        next.redo.clear();
    } else if history && next.project != state.project {
        // Carry on the same undo step while the officer keeps typing in one field.
        if typing.is_none() || typing != state.typing_in {
            next.undo.push(Rc::new(state.project.clone()));
            if next.undo.len() > UNDO_LIMIT {
                next.undo.remove(0);
            }
        }
        next.redo.clear();
    }
    if history {
        next.typing_in = typing;
    }
    // A draft opened or started is kept too, so it is the latest in the list.
    if next.project != state.project || next.draft_id != state.draft_id {
        effects.push(Effect::KeepDraft { id: next.draft_id.clone(), project: next.project.clone() });
    }
    if next.remembered != state.remembered && !next.remembered.is_empty() {
        effects.push(Effect::KeepRemembered(next.remembered.clone()));
    }
    (next, effects)
}

/// Brings what is derived from the project up to date, each step only when what it depends
/// on changed: the tables when the inputs or files' rows did, the facts when the tables or the
/// staff date did, the report when the project or the facts did.
fn derive(before: &State, next: &mut State) {
    // A table read where it came in is handed over with the tables (`with_period`), to be
    // taken rather than read again: that too is a change the tables are brought up to.
    let inputs_changed = before.project.tables != next.project.tables
        || before.project.supporting != next.project.supporting
        || next.arrivals != before.arrivals
        || !Rc::ptr_eq(&before.tables, &next.tables);
    if inputs_changed {
        let tables = next.tables.refreshed(&next.project, &|input| next.arrived_for(input));
        if !tables.same_as(&next.tables) {
            next.tables = Rc::new(tables);
        }
    }
    let staff_date = TableFacts::depends_on(&next.project);
    if !Rc::ptr_eq(&before.tables, &next.tables) || staff_date != TableFacts::depends_on(&before.project) {
        next.facts = Rc::new(TableFacts::of(&next.tables, staff_date));
        next.checks = Rc::new(checks(&next.facts));
        next.menus = Rc::new(menus(&next.facts));
    }
    if !Rc::ptr_eq(&before.facts, &next.facts) || before.project != next.project {
        next.report = Rc::new(build_report(&next.project, &next.facts));
    }
    if !Rc::ptr_eq(&before.report, &next.report) || !Rc::ptr_eq(&before.checks, &next.checks) {
        next.open = Rc::new(still_open(&next.project, &next.report, &next.checks));
    }
}

/// The report's open items, the title block compared with the sample's values it began with.
fn still_open(project: &Project, report: &ReportDocument, checks: &[TableChecks]) -> Vec<OpenItem> {
    // The sample's title values as this draft began with them: a template's words the officer
    // typed into a blank report are theirs.
    open_items(report, project, checks, project.sample_title.as_slice())
}

fn apply(state: &State, action: Action) -> (State, Vec<Effect>) {
    let mut next = state.clone();
    match action {
        Action::PasteEdited(text) => return bring_in::paste_edited(next, text),
        Action::FileOpened { name, bytes } => return bring_in::file_opened(next, name, bytes),
        Action::SheetChosen(sheet) => return bring_in::sheet_chosen(next, sheet),
        Action::FileReading(name) => bring_in::reading(&mut next, &name),
        Action::FileRead { name, bytes, arrived } => return bring_in::file_read(next, name, bytes, arrived),
        Action::FileRowsLoaded { name, bytes, sheet, arrived } => match arrived {
            Ok(arrived) => {
                next.keep_rows(&name, &bytes, arrived);
            }
            Err(problem) => {
                // Its tables say why in the report; the officer is told here, and where.
                let problem = problem.located(Some(&name), sheet.as_deref());
                next.status = format!(
                    "{name} could not be read again: {}. Its tables are left out of the report until it is uploaded \
                     again.",
                    problem.message().trim_end_matches('.')
                );
                next.failed = Some(Failed { field: InputField::Upload, problems: vec![problem.clone()] });
                next.keep_file(&name, &bytes, sheet, Err(problem));
                return (next, vec![Effect::Focus(ERROR_SUMMARY)]);
            }
        },
        Action::FileFailed { name, problem } => return bring_in::file_failed(next, name, problem),
        Action::HeaderRowChosen(line) => return bring_in::header_row_chosen(next, line),
        Action::ColumnSet { column, holds } => return bring_in::column_set(next, column, holds),
        Action::GuessColumnsAgain => return bring_in::guess_again(next),
        Action::SkipUnreadable(skip) => return bring_in::skip_unreadable(next, skip),
        Action::Transposed(swap) => return bring_in::transposed(next, swap),
        Action::ImportPeriodSet(period) => return bring_in::period_set(next, period),
        Action::ImportSlotChosen(slot) => return bring_in::slot_chosen(next, slot),
        Action::ImportFinished => bring_in::finished(&mut next),
        Action::UseSample => {
            next.project = sample_project();
            next.paste_read = false;
            next.import = None;
            next.failed = None;
            next.status = "Back to the built-in sample. Your pasted text is still in the box.".into();
        }
        Action::TemplateChosen(template) => {
            // The council's Word template is the council's, whatever report is written in it.
            let word_template = next.project.word_template.take();
            next.project = template.project();
            next.project.word_template = word_template;
            next.paste_read = false;
            next.import = None;
            next.failed = None;
            next.status =
                format!("Opened the template “{}” with sample data. Undo brings back your report.", template.label());
        }
        Action::CouncilChosen(council) => {
            next.project.settings.benchmark_council = Some(council);
            // The years differ from council to council.
            next.project.settings.benchmark_year = None;
        }
        Action::BenchmarkYearChosen(year) => next.project.settings.benchmark_year = Some(year),
        Action::AreaChosen(choice) => next.project.settings.areas = choice,
        Action::StaffDateChosen(date) => next.project.settings.staff_date = Some(date),
        Action::WordTemplateChosen { name, bytes } => {
            // A Word file is a zip: anything else is refused here, not when exporting.
            let word = [".docx", ".dotx"].iter().any(|e| crate::engine::case::lower(&name).ends_with(e));
            if word && bytes.starts_with(b"PK") {
                next.status = format!("{name} is the Word template now: Export to Word puts the report into it.");
                next.project.word_template = Some(WordTemplate { name, bytes: bytes.clone() });
                next.word_template_notes = None;
                let inspect = Effect::InspectTemplate { report: next.report.clone(), template: bytes };
                return (next, vec![inspect]);
            } else {
                next.exporting = Exporting::Failed(format!(
                    "{name} is not a Word template: choose a .docx or .dotx file saved from Word. Nothing has changed."
                ));
            }
        }
        Action::WordTemplateUnreadable(name) => {
            next.exporting = Exporting::Failed(format!(
                "The browser could not read {name} (it may have been moved or deleted). Nothing has changed."
            ));
        }
        Action::WordTemplateInspected(notes) => next.word_template_notes = Some(notes),
        Action::WordTemplateRemoved => {
            next.word_template_notes = None;
            next.project.word_template = None;
            next.status = "Export to Word writes the report in the tool's own layout again.".to_owned();
        }
        Action::DefinitionsChosen(definitions) => next.project.settings.definitions = definitions,
        Action::ScenarioChanged(scenario) => next.project.settings.scenario = scenario,
        Action::TitleEdited(field, value) => next.project.title_block.set(field, value),
        Action::SectionAdded { .. }
        | Action::SectionRenamed(..)
        | Action::SectionMoved(..)
        | Action::SectionRemoved(_)
        | Action::ParagraphAdded { .. }
        | Action::ParagraphEdited(..)
        | Action::ParagraphMoved(..)
        | Action::ParagraphRemoved(_)
        | Action::ParagraphSplit { .. }
        | Action::ParagraphJoined(_)
        | Action::ParagraphPlaced { .. }
        | Action::SectionPlaced { .. } => edit_document(&mut next, action),
        Action::DraftAdded { section } => add_first_draft(&mut next, section),
        Action::PrintSettingsChanged(print) => next.project.settings.print = print,
        Action::Undo => step_back(&mut next, true),
        Action::Redo => step_back(&mut next, false),
        Action::ProjectOpened { text, from } => return bring_in::project_opened(next, &text, from),
        Action::DraftRestored { id, project, missing } => {
            next.project = project;
            next.paste_read = false;
            next.draft_id = id;
            next.import = None;
            next.failed = None;
            next.status = format!("Opened your draft “{}” kept in this browser.", next.project.title_block.title);
            if !missing.is_empty() {
                let one = missing.len() == 1;
                next.status.push_str(&format!(
                    " This browser no longer holds {}, so {} left out: upload {} again. It opened as a copy; the \
                     draft as it was kept is still in the list.",
                    missing.join(", "),
                    if one { "its table is" } else { "their tables are" },
                    if one { "it" } else { "them" }
                ));
            }
            return (next.clone(), bring_in::read_files_of(&next.project));
        }
        Action::NewDraft { id, from } => {
            next.project = from.map_or_else(blank_project, Template::project);
            next.paste_read = false;
            next.draft_id = id;
            next.import = None;
            next.failed = None;
            next.status = match from {
                None => "A new, blank draft: fill in Report details, then paste or upload your tables. Your other \
                         drafts are listed under Drafts."
                    .into(),
                Some(t) => format!(
                    "A new draft from the template “{}”, with the sample's data to replace. Your other drafts are \
                     listed under Drafts.",
                    t.label()
                ),
            };
        }
        Action::OpenDraft(id) => return (next, vec![Effect::OpenDraft(id)]),
        Action::DuplicateDraft(id) => return (next, vec![Effect::DuplicateDraft(id)]),
        Action::DeleteDraft(id) => return (next, vec![Effect::DeleteDraft(id)]),
        Action::DraftsListed(drafts) => next.drafts = drafts,
        Action::DraftFailed(why) => {
            next.status = format!("That draft could not be read: {why} The report has not changed.");
        }
        Action::DraftUnreadable { why, raw } => {
            next.unreadable_draft = Some(raw);
            next.status = format!(
                "The draft saved in this browser could not be opened: {why} It has not been changed; download its \
                 copy below. Showing the sample."
            );
        }
        Action::Autosaved(outcome) => {
            if let Ok(drafts) = &outcome {
                next.drafts = drafts.clone();
            }
            next.autosave = Some(outcome.map(|_| ()));
        }
        Action::RememberedLoaded(remembered) => next.remembered = remembered,
        Action::SaveProject
        | Action::ExportPage
        | Action::ExportWord
        | Action::DownloadPiece(_)
        | Action::DownloadUnreadable
        | Action::ExportNear
        | Action::ExportFinished(_) => return effects::export(next, action),
        Action::Print => return (next, vec![Effect::Print]),
        Action::ReadNear => return (next, vec![Effect::StartReader]),
        // A file dragged over the page is a file to read.
        Action::Dragging(true) if !state.dragging => {
            next.dragging = true;
            return (next, vec![Effect::StartReader]);
        }
        Action::Dragging(dragging) => next.dragging = dragging,
        Action::PageBreaksShown(on) => next.page_breaks = on,
        Action::PanelProblems(panel, errors) => {
            next.panel_errors.retain(|(p, _)| *p != panel);
            if !errors.is_empty() {
                next.panel_errors.push((panel, errors));
            }
        }
    }
    (next, Vec::new())
}

/// The officer's edits to the report's sections and paragraphs.
fn edit_document(next: &mut State, action: Action) {
    let document = &mut next.project.document;
    match action {
        Action::SectionAdded { heading } => {
            let heading = if heading.trim().is_empty() { "New section".to_owned() } else { heading.trim().to_owned() };
            let at = document.committee_place(&heading);
            document.add_section(at, heading.clone());
            next.status = format!("Section {} “{heading}” added.", at + 1);
        }
        Action::SectionRenamed(id, heading) => document.rename_section(id, heading),
        Action::SectionMoved(id, to) => {
            if document.move_section(id, to) {
                next.status = match document.sections.iter().position(|s| s.id == id) {
                    Some(i) => format!("Section moved: it is now section {}; paragraphs renumbered.", i + 1),
                    None => String::new(),
                };
            }
        }
        Action::SectionRemoved(id) => {
            if let Some(section) = document.remove_section(id) {
                next.status = format!("Section “{}” removed. Undo brings it back.", section.heading);
            }
        }
        Action::ParagraphAdded { section, content } => {
            let what = match &content {
                Content::Data { block, .. } => crate::engine::report::blocks::kind_of(block).label.to_owned(),
                Content::Bullets { .. } => "Bullet list".to_owned(),
                Content::Text(_) => "Paragraph".to_owned(),
            };
            let at = document.section(section).map_or(0, |s| s.paragraphs.len());
            if document.add_paragraph(section, at, content).is_some() {
                next.status = format!("{what} added at the end of the section.");
            }
        }
        Action::ParagraphEdited(id, content) => document.set_content(id, content),
        Action::ParagraphMoved(id, to) => {
            if document.move_paragraph(id, to) {
                if let Some((i, j)) = document.find_paragraph(id) {
                    next.status = format!("Paragraph moved: it is now {}.{}.", i + 1, j + 1);
                }
            }
        }
        Action::ParagraphRemoved(id) => {
            if document.remove_paragraph(id).is_some() {
                next.status = "Paragraph removed. Undo brings it back.".into();
            }
        }
        Action::ParagraphSplit { id, before, after } => {
            document.set_content(id, Content::Text(before));
            if document.add_paragraph_after(id, Content::Text(after)).is_some() {
                if let Some((i, j)) = document.find_paragraph(id) {
                    next.status = format!("New paragraph {}.{} started.", i + 1, j + 2);
                }
            }
        }
        Action::ParagraphJoined(id) => {
            if document.join_with_previous(id) {
                next.status = "Paragraph joined to the one before.".into();
            }
        }
        Action::ParagraphPlaced { id, section, before } => {
            if document.place_paragraph(id, section, before) {
                if let Some((i, j)) = document.find_paragraph(id) {
                    next.status = format!("Paragraph moved: it is now {}.{}.", i + 1, j + 1);
                }
            }
        }
        Action::SectionPlaced { id, before } => {
            if document.place_section(id, before) {
                if let Some(i) = document.sections.iter().position(|s| s.id == id) {
                    next.status = format!("Section moved: it is now section {}; paragraphs renumbered.", i + 1);
                }
            }
        }
        _ => {}
    }
}

/// The first draft, written from the facts the page already has: nothing is read again.
fn add_first_draft(next: &mut State, section: u32) {
    let draft = first_draft(&Facts::new(&next.project, &next.facts));
    let count = draft.len();
    for content in draft {
        let at = next.project.document.section(section).map_or(0, |s| s.paragraphs.len());
        next.project.document.add_paragraph(section, at, content);
    }
    next.status = format!("A first draft of {count} paragraphs added from the data: edit its words freely.");
}

/// Undo (`back`) or redo: swaps the project with the latest one kept, and says what happened.
fn step_back(next: &mut State, back: bool) {
    let (from, to) = if back { (&mut next.undo, &mut next.redo) } else { (&mut next.redo, &mut next.undo) };
    let Some(project) = from.pop() else { return };
    to.push(Rc::new(std::mem::replace(&mut next.project, Rc::unwrap_or_clone(project))));
    next.typing_in = None;
    next.import = None;
    next.failed = None;
    next.paste_read = false;
    next.status = if back { "Undone." } else { "Redone." }.into();
}
