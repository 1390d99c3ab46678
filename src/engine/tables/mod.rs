//! Every table the project holds, each read once.
//!
//! The project keeps its inputs exactly as the officer gave them (text, or a file's bytes with
//! the sheet and columns chosen). This layer reads each of them into a typed table, in one
//! place: each period's establishment table through its column mapping, and each supporting
//! table through the one reader for its kind (`read_table`, an enum of kinds as calamine's
//! `Sheets` is an enum of formats). Everything downstream (the report's figures, the checks,
//! the panels beside the report, `wfr analyse`) takes this value and never calls a reader.
//!
//! A table is read again only when its input or its rows change: `refreshed` takes every
//! other table as it was, so typing in a paragraph reads nothing (`readings` counts).

use std::cell::Cell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::engine::import::comparison::read_comparison;
use crate::engine::import::dfe::{read_indicators, read_neighbours};
use crate::engine::import::establishment::ReadTable;
use crate::engine::import::general::{guess_general, read_general};
use crate::engine::import::grid::GridRow;
use crate::engine::import::kind::{classify, TableKind};
use crate::engine::import::pipeline_tables::{read_budget, read_campaigns, read_cohorts};
use crate::engine::import::staff::read_staff_list;
use crate::engine::import::tracker::read_tracker;
use crate::engine::import::{load_pasted, read_general_loaded, read_loaded, Loaded, Mapped, Problem};
use crate::engine::model::{
    BudgetRow, CampaignRow, CohortRow, Comparison, DfeIndicators, GeneralTable, Project, RawInput, Recommendation,
    RememberedMappings, StaffList, StatisticalNeighbours, TableInput,
};

/// A supporting table as its reader typed it: one variant for each kind with a reader.
/// Shared, so the panels beside the report take it without copying.
#[derive(Clone, Debug, PartialEq)]
pub enum Table {
    StaffList(Rc<StaffList>),
    DfeIndicators(Rc<DfeIndicators>),
    StatisticalNeighbours(Rc<StatisticalNeighbours>),
    /// A published comparison file (Oflog, LG Inform, Skills for Care).
    Comparison(Rc<Comparison>),
    Cohorts(Rc<Vec<CohortRow>>),
    Recruitment(Rc<Vec<CampaignRow>>),
    Budget(Rc<Vec<BudgetRow>>),
    /// A recommendations tracker: it fills the report's tracker block as it comes in.
    Tracker(Rc<Vec<Recommendation>>),
    /// Any other table with a heading row and figures, or a richer kind its reader refused.
    General(Rc<GeneralTable>),
}

/// A supporting table's reading: the table, or what in it could not be read.
pub type Read = Result<Table, Vec<Problem>>;

/// Reads rows of a kind that has a reader of its own; `None` for kinds without one (an
/// establishment table, or a general table, is read through its columns instead). The one
/// place a supporting table's reader is chosen. A cohort, recruitment or budget table its
/// reader refuses is read as a general table, with a note saying why.
pub fn read_table(kind: TableKind, rows: &[GridRow]) -> Option<Read> {
    if !read_table_exists(kind) {
        return None;
    }
    count_reading();
    let read = match kind {
        TableKind::StaffList => read_staff_list(rows).map(|t| Table::StaffList(Rc::new(t))),
        TableKind::DfeIndicators => read_indicators(rows).map(|t| Table::DfeIndicators(Rc::new(t))),
        TableKind::StatisticalNeighbours => read_neighbours(rows).map(|t| Table::StatisticalNeighbours(Rc::new(t))),
        TableKind::Comparison => read_comparison(rows).map(|t| Table::Comparison(Rc::new(t))),
        TableKind::Cohort => read_cohorts(rows).map(|t| Table::Cohorts(Rc::new(t))),
        TableKind::Recruitment => read_campaigns(rows).map(|t| Table::Recruitment(Rc::new(t))),
        TableKind::Budget => read_budget(rows).map(|t| Table::Budget(Rc::new(t))),
        TableKind::RecommendationsTracker => read_tracker(rows).map(|t| Table::Tracker(Rc::new(t))),
        TableKind::Establishment | TableKind::TimeSeries | TableKind::General | TableKind::Unknown => return None,
    };
    Some(match read {
        Err(problems) if matches!(kind, TableKind::Cohort | TableKind::Recruitment | TableKind::Budget) => {
            as_general(rows, kind, &problems).ok_or(problems)
        }
        read => read,
    })
}

/// A table its own reader refused, read as a general table with a note saying why.
fn as_general(rows: &[GridRow], kind: TableKind, problems: &[Problem]) -> Option<Table> {
    let mapping = guess_general(rows).ok()?;
    let mut table = read_general(rows, &mapping, false).ok()?;
    let why = problems.first().map(|p| p.to_string()).unwrap_or_default();
    table.notes.insert(
        0,
        format!(
            "It looked like {}, but could not be read as one ({}), so it is shown as a table of figures.",
            kind.describe(),
            why.trim_end_matches('.')
        ),
    );
    Some(Table::General(Rc::new(table)))
}

/// A paste or file as it came in: its rows, or, for a staff list, the list already read. The
/// import worker reads a staff list where it reads the file and sends the people rather than
/// the rows: a 200,000-row extract is far smaller typed, and no one needs its cells after.
/// Every other kind is a table of tens or hundreds of rows, sent as rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Arrived {
    /// Empty when the staff list was read already.
    pub loaded: Loaded,
    pub staff: Option<Result<Rc<StaffList>, Vec<Problem>>>,
}

impl Arrived {
    /// Rows as they came, a staff list read from them at once.
    pub fn from_rows(mut loaded: Loaded) -> Arrived {
        if classify(&loaded.rows) != TableKind::StaffList {
            return Arrived { loaded, staff: None };
        }
        count_reading();
        let staff = read_staff_list(&loaded.rows).map(Rc::new);
        loaded.rows = Default::default();
        let staff = Some(staff.map_err(|p| located(p, &loaded)));
        Arrived { loaded, staff }
    }

    /// Its kind and reading, when it is a table of a kind with its own reader: the staff list
    /// read already, or the table read here from the rows.
    pub fn read_supporting(&self) -> Option<(TableKind, Read)> {
        if let Some(staff) = &self.staff {
            return Some((TableKind::StaffList, staff.clone().map(Table::StaffList)));
        }
        let kind = classify(&self.loaded.rows);
        read_table(kind, &self.loaded.rows).map(|read| {
            let kind = if matches!(read, Ok(Table::General(_))) { TableKind::General } else { kind };
            (kind, read.map_err(|p| located(p, &self.loaded)))
        })
    }

    /// Whether it is a table of a kind with its own reader.
    fn has_reader(&self) -> bool {
        self.staff.is_some() || read_table_exists(classify(&self.loaded.rows))
    }
}

/// How an input's file is found: its rows as they arrived, or why they are not there (in the
/// browser, a file the import worker is still reading).
pub type Files<'a> = &'a dyn Fn(&TableInput) -> Result<Rc<Arrived>, Problem>;

/// Every table of a project, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectTables {
    /// Each period's establishment table, in the project's order (newest first).
    pub periods: Vec<Rc<PeriodTable>>,
    /// Each supporting table, in the project's order (a later one of a kind replaces an earlier).
    pub supporting: Vec<Rc<SupportingTable>>,
}

/// One period's establishment table as read.
#[derive(Debug, PartialEq)]
pub struct PeriodTable {
    pub input: TableInput,
    /// The rows it was read from, for a file: read again only when they change.
    from: Option<Rc<Arrived>>,
    /// What the rows were taken to hold (an establishment table, when it reads).
    pub kind: TableKind,
    /// The table and the rows left out, or every problem, each naming its file and sheet.
    pub read: Result<ReadTable, Vec<Problem>>,
}

/// One supporting table as read.
#[derive(Debug, PartialEq)]
pub struct SupportingTable {
    pub input: TableInput,
    from: Option<Rc<Arrived>>,
    /// `Unknown` until its rows are there.
    pub kind: TableKind,
    pub read: Read,
}

/// Any one input, read as what it is: a table of a kind with a reader of its own, or else an
/// establishment table through its columns (`wfr analyse`).
#[derive(Debug, PartialEq)]
pub enum OneTable {
    Period(PeriodTable),
    Supporting(SupportingTable),
}

impl OneTable {
    /// Reads one input as what it is.
    pub fn read(input: &TableInput, files: Files<'_>) -> OneTable {
        let (from, loaded) = rows_of(input, files);
        let has_reader = match (&from, &loaded) {
            (Some(arrived), _) => arrived.has_reader(),
            (None, Ok(loaded)) => read_table_exists(classify(&loaded.rows)),
            (None, Err(_)) => false,
        };
        if has_reader {
            return OneTable::Supporting(SupportingTable::read_from(input, from, loaded));
        }
        count_reading();
        let reading = read_loaded(input, loaded, &RememberedMappings::new());
        match reading.outcome {
            Ok(Mapped::General(table)) => OneTable::Supporting(SupportingTable {
                input: input.clone(),
                from,
                kind: TableKind::General,
                read: Ok(Table::General(table)),
            }),
            outcome => OneTable::Period(PeriodTable::of_reading(input, from, reading.kind, outcome)),
        }
    }

    /// Reads one input here, its file included (the command-line tool).
    pub fn load(input: &TableInput) -> OneTable {
        OneTable::read(input, &|input| Loader::default().load(input))
    }

    /// The file and sheet it was read from, when it is a file.
    pub fn place(&self) -> (Option<&str>, Option<&str>) {
        let from = match self {
            OneTable::Period(t) => &t.from,
            OneTable::Supporting(t) => &t.from,
        };
        from.as_ref().map_or((None, None), |a| (a.loaded.file.as_deref(), a.loaded.sheet.as_deref()))
    }

    pub fn kind(&self) -> TableKind {
        match self {
            OneTable::Period(t) => t.kind,
            OneTable::Supporting(t) => t.kind,
        }
    }
}

/// A table the officer is bringing in, read for the Columns step: as its choices say, or
/// with the columns remembered for its headings, or guessed. Its reading becomes the period's
/// table when it reads (`PeriodTable::from_reading`), so it is not read again.
pub fn bring_in(
    input: &TableInput,
    files: Files<'_>,
    remembered: &RememberedMappings,
) -> (Option<Rc<Arrived>>, crate::engine::import::Reading) {
    let (from, loaded) = rows_of(input, files);
    count_reading();
    (from, read_loaded(input, loaded, remembered))
}

impl Arrived {
    /// Pasted text, split into rows (and read, if it is a staff list).
    pub fn pasted(text: &str) -> Arrived {
        Arrived::from_rows(load_pasted(text))
    }
}

/// Whether a kind has a reader of its own (`read_table` reads it).
fn read_table_exists(kind: TableKind) -> bool {
    !matches!(kind, TableKind::Establishment | TableKind::TimeSeries | TableKind::General | TableKind::Unknown)
}

/// Files read here, natively (the command-line tool, tests), each file and sheet once however
/// often it is asked for: a run that checks a table, then builds the report and its exports,
/// reads the file once.
#[derive(Default)]
pub struct Loader {
    loaded: std::cell::RefCell<Vec<(TableInput, Result<Rc<Arrived>, Problem>)>>,
}

impl Loader {
    pub fn load(&self, input: &TableInput) -> Result<Rc<Arrived>, Problem> {
        // The same file, and the sheet asked for then, or the sheet that reading chose.
        let same = |(kept, arrived): &(TableInput, Result<Rc<Arrived>, Problem>)| {
            let chosen = arrived.as_ref().ok().and_then(|a| a.loaded.sheet.as_ref());
            kept.raw == input.raw
                && (kept.sheet == input.sheet || (input.sheet.is_some() && input.sheet.as_ref() == chosen))
        };
        if let Some((_, kept)) = self.loaded.borrow().iter().find(|kept| same(kept)) {
            return kept.clone();
        }
        let arrived = crate::engine::import::load_input(input).map(|loaded| Rc::new(Arrived::from_rows(loaded)));
        self.loaded.borrow_mut().push((input.clone(), arrived.clone()));
        arrived
    }

    /// How many files (or sheets) it has read.
    pub fn loads(&self) -> usize {
        self.loaded.borrow().len()
    }
}

impl PeriodTable {
    /// Reads one period's table. A remembered mapping is never consulted: the report depends on
    /// the project alone, and an accepted mapping is saved into the input.
    fn read(input: &TableInput, files: Files<'_>) -> PeriodTable {
        let (from, loaded) = rows_of(input, files);
        PeriodTable::read_from(input, from, loaded)
    }

    fn read_from(input: &TableInput, from: Option<Rc<Arrived>>, loaded: Result<Loaded, Problem>) -> PeriodTable {
        count_reading();
        let reading = read_loaded(input, loaded, &RememberedMappings::new());
        PeriodTable::of_reading(input, from, reading.kind, reading.outcome)
    }

    /// A period's table from its reading: one that read as a general table is not an
    /// establishment table, and says so.
    fn of_reading(
        input: &TableInput,
        from: Option<Rc<Arrived>>,
        kind: TableKind,
        outcome: Result<Mapped, Vec<Problem>>,
    ) -> PeriodTable {
        let read = match outcome {
            Ok(Mapped::Establishment(read)) => Ok(read),
            Ok(Mapped::General(_)) => {
                let problem = crate::engine::import::ProblemKind::NotAnEstablishmentTable { found: TableKind::General };
                Err(vec![Problem::whole(problem)])
            }
            Err(problems) => Err(problems),
        };
        PeriodTable { input: input.clone(), from, kind, read }
    }

    /// A table brought in by the officer, as the Columns step read it (`bring_in`), so it is
    /// not read again.
    pub fn from_reading(input: TableInput, from: Option<Rc<Arrived>>, kind: TableKind, read: ReadTable) -> PeriodTable {
        PeriodTable { input, from, kind, read: Ok(read) }
    }

    fn still_fits(&self, input: &TableInput, files: Files<'_>) -> bool {
        let why_not = self.read.as_ref().err().and_then(|p| p.first());
        self.input == *input && same_rows(&self.from, input, files, why_not)
    }
}

impl SupportingTable {
    fn read(input: &TableInput, files: Files<'_>) -> SupportingTable {
        let (from, loaded) = rows_of(input, files);
        SupportingTable::read_from(input, from, loaded)
    }

    fn read_from(input: &TableInput, from: Option<Rc<Arrived>>, loaded: Result<Loaded, Problem>) -> SupportingTable {
        let (kind, read) = match (&from, loaded) {
            (Some(arrived), _) if arrived.staff.is_some() => arrived.read_supporting().expect("a staff list"),
            // A general table is read through the columns it was brought in with.
            (_, Ok(loaded)) if input.mapping.as_ref().is_some_and(|m| m.columns.iter().any(|u| u.is_general())) => {
                count_reading();
                (TableKind::General, read_general_loaded(input, loaded).map(Table::General))
            }
            (_, Ok(loaded)) => {
                let kind = classify(&loaded.rows);
                let read = match read_table(kind, &loaded.rows) {
                    Some(read) => read.map_err(|p| located(p, &loaded)),
                    // Any other table beside the report is a table of figures.
                    None => {
                        count_reading();
                        read_general_loaded(input, loaded).map(Table::General)
                    }
                };
                let kind = if matches!(read, Ok(Table::General(_))) { TableKind::General } else { kind };
                (kind, read)
            }
            (_, Err(problem)) => (TableKind::Unknown, Err(vec![problem])),
        };
        SupportingTable { input: input.clone(), from, kind, read }
    }

    /// A table the officer brought in through the Columns step, as that step read it.
    pub fn from_reading(
        input: TableInput,
        from: Option<Rc<Arrived>>,
        kind: TableKind,
        table: Table,
    ) -> SupportingTable {
        SupportingTable { input, from, kind, read: Ok(table) }
    }

    /// A supporting table the officer just brought in, read where it came in.
    pub fn arrived(input: TableInput, from: Rc<Arrived>, kind: TableKind, read: Read) -> SupportingTable {
        SupportingTable { input, from: Some(from), kind, read }
    }

    fn still_fits(&self, input: &TableInput, files: Files<'_>) -> bool {
        let why_not = self.read.as_ref().err().and_then(|p| p.first());
        self.input == *input && same_rows(&self.from, input, files, why_not)
    }

    /// What the officer calls it: the file's name, or a paste's source line.
    pub fn name(&self) -> &str {
        match &self.input.raw {
            RawInput::File { name, .. } => name,
            RawInput::Text(_) => &self.input.source,
        }
    }

    /// Why its file's rows are not here, when they are not: still being read by the worker,
    /// or the worker could not read it (so its kind is not known).
    pub fn unloaded(&self) -> Option<&Problem> {
        let file = matches!(self.input.raw, RawInput::File { .. });
        (file && self.from.is_none()).then(|| self.read.as_ref().err().and_then(|p| p.first())).flatten()
    }
}

impl ProjectTables {
    /// Reads every table of a project, each file's rows found by `files`.
    pub fn read(project: &Project, files: Files<'_>) -> ProjectTables {
        ProjectTables::default().refreshed(project, files)
    }

    /// Reads every table of a project here, files included: for the command-line tool and
    /// tests (in the browser, files are read by the import worker, and this is never linked).
    pub fn load(project: &Project) -> ProjectTables {
        ProjectTables::load_with(project, &Loader::default())
    }

    /// As `load`, the files read by `loader`, which keeps what it has read.
    pub fn load_with(project: &Project, loader: &Loader) -> ProjectTables {
        ProjectTables::read(project, &|input| loader.load(input))
    }

    /// Reads a project's pasted tables; its files are not read (the built-in samples and
    /// templates, which are all pasted text).
    pub fn pasted(project: &Project) -> ProjectTables {
        let no_files = |input: &TableInput| {
            let file = match &input.raw {
                RawInput::File { name, .. } => name.clone(),
                RawInput::Text(_) => String::new(),
            };
            Err(Problem::whole(crate::engine::import::ProblemKind::StillBeingRead { file }))
        };
        ProjectTables::read(project, &no_files)
    }

    /// The project's tables now: each one whose input and rows are those it was read from is
    /// taken as it is, and only the others are read.
    pub fn refreshed(&self, project: &Project, files: Files<'_>) -> ProjectTables {
        let periods = project
            .tables
            .iter()
            .map(|input| match self.periods.iter().find(|t| t.still_fits(input, files)) {
                Some(kept) => kept.clone(),
                None => Rc::new(PeriodTable::read(input, files)),
            })
            .collect();
        let supporting = project
            .supporting
            .iter()
            .map(|input| match self.supporting.iter().find(|t| t.still_fits(input, files)) {
                Some(kept) => kept.clone(),
                None => Rc::new(SupportingTable::read(input, files)),
            })
            .collect();
        ProjectTables { periods, supporting }
    }

    /// True when every table is the very one `other` holds: nothing was read between them.
    pub fn same_as(&self, other: &ProjectTables) -> bool {
        same(&self.periods, &other.periods) && same(&self.supporting, &other.supporting)
    }

    /// These tables with one more period's, read where it came in: `refreshed` then takes it
    /// rather than reading it again.
    pub fn with_period(&self, table: PeriodTable) -> ProjectTables {
        let mut tables = self.clone();
        tables.periods.push(Rc::new(table));
        tables
    }

    /// These tables with one more supporting table, read where it came in.
    pub fn with_supporting(&self, table: SupportingTable) -> ProjectTables {
        let mut tables = self.clone();
        tables.supporting.push(Rc::new(table));
        tables
    }

    /// The newest supporting table of a kind: the last one added.
    pub fn latest(&self, kind: TableKind) -> Option<&SupportingTable> {
        self.supporting.iter().rev().find(|t| t.kind == kind).map(|t| &**t)
    }
}

/// The rows of an input: a paste is split here (it needs no file-reading code); a file's rows
/// are found by `files`.
fn rows_of(input: &TableInput, files: Files<'_>) -> (Option<Rc<Arrived>>, Result<Loaded, Problem>) {
    match &input.raw {
        RawInput::Text(text) => (None, Ok(load_pasted(text))),
        RawInput::File { .. } => match files(input) {
            Ok(arrived) => {
                let loaded = arrived.loaded.clone();
                (Some(arrived), Ok(loaded))
            }
            Err(problem) => (None, Err(problem)),
        },
    }
}

/// Whether a table's rows are still the input's: the same paste, or the very rows of the file.
/// `why_not`: the problem its reading gave, for a file whose rows were not there.
fn same_rows(from: &Option<Rc<Arrived>>, input: &TableInput, files: Files<'_>, why_not: Option<&Problem>) -> bool {
    match (&input.raw, from) {
        (RawInput::Text(_), _) => true,
        (RawInput::File { .. }, Some(from)) => files(input).is_ok_and(|now| Rc::ptr_eq(from, &now)),
        // Not there when it was read: read again once it is, or once why it is not has changed
        // (still being read, then could not be read).
        (RawInput::File { .. }, None) => files(input).err().as_ref() == why_not,
    }
}

/// The very same tables, one for one.
fn same<T>(a: &[Rc<T>], b: &[Rc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| Rc::ptr_eq(a, b))
}

fn located(problems: Vec<Problem>, loaded: &Loaded) -> Vec<Problem> {
    problems.into_iter().map(|p| p.located(loaded.file.as_deref(), loaded.sheet.as_deref())).collect()
}

thread_local! {
    static READINGS: Cell<usize> = const { Cell::new(0) };
}

fn count_reading() {
    READINGS.with(|n| n.set(n.get() + 1));
}

/// How many tables this thread has read so far: tests count the readings an action makes.
pub fn readings() -> usize {
    READINGS.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Origin;

    /// `wfr` checks a table, then builds the report and its exports from the same file: the
    /// file is read once in all.
    #[test]
    fn a_run_reads_each_file_once() {
        let csv = b"Role,Establishment,Permanent\nSocial Worker,10,8\n".to_vec();
        let file = |sheet: Option<&str>| TableInput {
            period: "2025/26".into(),
            source: "posts.csv".into(),
            origin: Origin::Uploaded,
            raw: RawInput::File { name: "posts.csv".into(), bytes: csv.clone().into() },
            sheet: sheet.map(str::to_owned),
            mapping: None,
            skip_unreadable: false,
            id: 0,
            transposed: false,
        };
        let loader = Loader::default();
        let one = OneTable::read(&file(None), &|input| loader.load(input));
        assert!(matches!(&one, OneTable::Period(t) if t.read.is_ok()));
        let mut project = crate::engine::sample::sample_project();
        project.tables = vec![file(None)];
        let first = ProjectTables::load_with(&project, &loader);
        let again = ProjectTables::load_with(&project, &loader);
        assert!(first.periods[0].read.is_ok() && again.periods[0].read.is_ok());
        assert_eq!(loader.loads(), 1, "one file, read once");
    }
}
