//! What could not be read, and where: a kind (what went wrong) and a position (file, sheet,
//! row, column). The sentence the officer reads is derived from the two, so a message never
//! drifts from its cause, and tests match the kind where the kind is what matters.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::grid::column_letters;
use crate::engine::format;
use crate::engine::model::Field;
use crate::engine::model::TableKind;
use crate::engine::saved::OpenError;

/// Files larger than this are refused before reading: far more than any workforce table.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// The most characters a cell may hold: Excel's own limit, so a longer one means a damaged
/// file or one that is not a table.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What an officer is told when no establishment header row is found.
pub const EXPECTED_HEADER: &str = "Expected a row of column headings with Role and at least one of \
Establishment, Permanent, Agency and Vacant (for example: Role, Establishment, Permanent, Agency, \
Vacant, (Over)/under), with one row of figures for each role under it.";

/// Something in the input that could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// The row of the source (1-based: a line of a paste or text file, a spreadsheet row).
    pub line: Option<usize>,
    /// The column (0-based) and its heading as the officer knows it.
    pub column: Option<(usize, String)>,
}

/// What went wrong. Each kind knows its own sentence (`Display`), which says what was
/// expected and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    // The file as a whole.
    /// 0 bytes.
    EmptyFile,
    /// Over `MAX_FILE_BYTES`.
    FileTooLarge {
        megabytes: usize,
    },
    /// Plainly not a table: an image, a PDF, another Office file.
    NotATable(NotATable),
    /// Named `.xlsx` (or the like) but not a workbook.
    NamedAsWorkbook {
        extension: String,
    },
    /// A zip whose structure cannot be read: most often a workbook cut short.
    DamagedZip,
    /// A workbook that is damaged in the way said.
    DamagedWorkbook(Damage),
    /// A workbook locked with a password.
    PasswordProtected,
    /// More than this tool holds in the browser.
    TooLarge(TooLarge),
    NoSheets,
    NoSuchSheet {
        sheet: String,
    },
    /// A cell longer than any spreadsheet cell can be.
    CellTooLong {
        characters: usize,
    },
    /// A file whose rows have not come back from the import worker yet.
    StillBeingRead {
        file: String,
    },
    /// Reading stopped before it finished.
    ReadingStopped(Stop),
    /// The page's own reading of a file failed before the reader saw it.
    BrowserCouldNotRead,
    /// A saved project or page for members that cannot be opened, and why.
    NotAProject(OpenError),

    // Finding the table.
    /// Nothing in it.
    EmptyTable(TableKind),
    /// No row of headings that the reader of this kind recognises.
    NoHeader(TableKind),
    /// A published file without the columns it always has.
    MissingColumns {
        kind: TableKind,
        columns: Vec<String>,
    },
    /// A table of another kind, given where an establishment table was wanted.
    NotAnEstablishmentTable {
        found: TableKind,
    },
    /// A table beside the report of a kind that has no reader of its own.
    NotReadBesideTheReport {
        found: TableKind,
    },
    /// A table of a kind the report cannot read as an establishment table (yet).
    KindNotRead {
        found: TableKind,
    },

    // The officer's choice of columns.
    HeaderRowGone,
    RoleColumns {
        chosen: usize,
    },
    NoFigureColumns,
    FieldChosenTwice {
        field: Field,
        times: usize,
    },
    /// Two columns of the same field side by side: two periods in one table.
    FieldRepeated {
        field: Field,
    },
    /// Headings, then nothing under them.
    NoRows,
    /// No row of headings over rows of figures, of any kind.
    NoHeadingRow,
    /// A row of headings, but no column under it holds figures.
    NoFiguresUnderHeadings,
    /// Headings over figures, but no column of labels to name each row.
    NoLabelColumn,
    /// Cells that ran together when copied ("Under 256.5%"), so the columns cannot be told apart.
    RunTogether {
        cell: String,
    },
    /// A tracker's status that is none of the scales trackers use.
    UnknownStatus {
        cell: String,
    },
    /// Text in an encoding this tool does not read.
    UnreadableEncoding {
        name: String,
    },

    // One cell.
    NotANumber {
        cell: String,
    },
    NotANumberOrCode {
        cell: String,
    },
    NotADate {
        cell: String,
    },
    NotAnAge {
        cell: String,
    },
    NoRoleName,
}

/// Files that are plainly not tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotATable {
    Pdf,
    Png,
    Jpeg,
    Gif,
    /// A zip that is not a spreadsheet: a Word document, perhaps.
    OtherZip,
    /// An Office compound file that is not a spreadsheet.
    OtherOffice,
    /// Binary data that is not text.
    Binary,
}

/// How a workbook is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The reader found part of it laid out as no workbook's is (it stopped with a panic).
    Layout,
    /// An .xls whose list of where its parts are points outside the file, or round in a loop.
    PartList,
    /// One zip part cannot be read.
    Part,
    /// An .xls sheet claiming more cells than any .xls sheet can have.
    SheetTooLarge,
    /// The workbook reader's own words.
    Reader(String),
}

/// Too much for this tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooLarge {
    /// A zip that would unpack to far more than a spreadsheet holds.
    Unpacked,
    /// More filled cells than `MAX_CELLS`.
    Cells { most: usize },
    /// An .xls whose sheets span more cells than this tool holds.
    Spans,
}

/// Why reading a file stopped part way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The reader met a part it could not handle.
    Broke,
    /// The computer ran out of memory for it.
    OutOfMemory,
    /// No answer within the time limit.
    TimedOut,
}

/// A kind as it crosses from the import worker to the page: a number for the kind (and any
/// kind within it), its words and its figures. Written by hand, where serde's derive would put
/// a reader of every variant's field names into the page, which never reads problems as JSON.
#[derive(Serialize, Deserialize)]
struct Wire(u16, Vec<String>, Vec<u64>);

impl Serialize for ProblemKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ProblemKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Wire(tag, texts, numbers) = Wire::deserialize(deserializer)?;
        ProblemKind::unwire(tag, texts, &numbers).ok_or_else(|| serde::de::Error::custom("an unknown problem"))
    }
}

impl ProblemKind {
    fn wire(&self) -> Wire {
        use ProblemKind as K;
        let kind = |k: &TableKind| *k as u64;
        let field = |f: &Field| Field::ALL.iter().position(|x| x == f).unwrap_or(0) as u64;
        let text = |t: &String| vec![t.clone()];
        let none = Vec::new;
        let (tag, texts, numbers): (u16, Vec<String>, Vec<u64>) = match self {
            K::EmptyFile => (0, none(), vec![]),
            K::FileTooLarge { megabytes } => (1, none(), vec![*megabytes as u64]),
            K::NotATable(what) => (2, none(), vec![*what as u64]),
            K::NamedAsWorkbook { extension } => (3, text(extension), vec![]),
            K::DamagedZip => (4, none(), vec![]),
            K::DamagedWorkbook(Damage::Reader(words)) => (5, text(words), vec![]),
            K::DamagedWorkbook(damage) => (6, none(), vec![damage.index()]),
            K::PasswordProtected => (7, none(), vec![]),
            K::TooLarge(TooLarge::Cells { most }) => (8, none(), vec![*most as u64]),
            K::TooLarge(TooLarge::Unpacked) => (9, none(), vec![]),
            K::TooLarge(TooLarge::Spans) => (10, none(), vec![]),
            K::NoSheets => (11, none(), vec![]),
            K::NoSuchSheet { sheet } => (12, text(sheet), vec![]),
            K::CellTooLong { characters } => (13, none(), vec![*characters as u64]),
            K::StillBeingRead { file } => (14, text(file), vec![]),
            K::ReadingStopped(stop) => (15, none(), vec![*stop as u64]),
            K::BrowserCouldNotRead => (16, none(), vec![]),
            K::NotAProject(OpenError::NotJson { line, column }) => (17, none(), vec![*line as u64, *column as u64]),
            K::NotAProject(OpenError::NotOurs) => (18, none(), vec![]),
            K::NotAProject(OpenError::Newer { version }) => (19, none(), vec![*version]),
            K::NotAProject(OpenError::Shape(words)) => (20, text(words), vec![]),
            K::EmptyTable(k) => (21, none(), vec![kind(k)]),
            K::NoHeader(k) => (22, none(), vec![kind(k)]),
            K::MissingColumns { kind: k, columns } => (23, columns.clone(), vec![kind(k)]),
            K::NotAnEstablishmentTable { found } => (24, none(), vec![kind(found)]),
            K::NotReadBesideTheReport { found } => (25, none(), vec![kind(found)]),
            K::KindNotRead { found } => (26, none(), vec![kind(found)]),
            K::HeaderRowGone => (27, none(), vec![]),
            K::RoleColumns { chosen } => (28, none(), vec![*chosen as u64]),
            K::NoFigureColumns => (29, none(), vec![]),
            K::FieldChosenTwice { field: f, times } => (30, none(), vec![field(f), *times as u64]),
            K::FieldRepeated { field: f } => (31, none(), vec![field(f)]),
            K::NoRows => (32, none(), vec![]),
            K::NotANumber { cell } => (33, text(cell), vec![]),
            K::NotANumberOrCode { cell } => (34, text(cell), vec![]),
            K::NotADate { cell } => (35, text(cell), vec![]),
            K::NotAnAge { cell } => (36, text(cell), vec![]),
            K::NoRoleName => (37, none(), vec![]),
            K::NoHeadingRow => (38, none(), vec![]),
            K::NoFiguresUnderHeadings => (39, none(), vec![]),
            K::NoLabelColumn => (40, none(), vec![]),
            K::RunTogether { cell } => (41, text(cell), vec![]),
            K::UnreadableEncoding { name } => (42, text(name), vec![]),
            K::UnknownStatus { cell } => (43, text(cell), vec![]),
        };
        Wire(tag, texts, numbers)
    }

    fn unwire(tag: u16, mut texts: Vec<String>, n: &[u64]) -> Option<ProblemKind> {
        use ProblemKind as K;
        let number = |i: usize| n.get(i).copied();
        let size = |i: usize| number(i).map(|v| v as usize);
        let kind = |i: usize| TableKind::ALL.get(size(i)?).copied();
        let field = |i: usize| Field::ALL.get(size(i)?).copied();
        let text = |texts: &mut Vec<String>| if texts.is_empty() { None } else { Some(texts.swap_remove(0)) };
        let damages = [Damage::Layout, Damage::PartList, Damage::Part, Damage::SheetTooLarge];
        Some(match tag {
            0 => K::EmptyFile,
            1 => K::FileTooLarge { megabytes: size(0)? },
            2 => K::NotATable(*NotATable::ALL.get(size(0)?)?),
            3 => K::NamedAsWorkbook { extension: text(&mut texts)? },
            4 => K::DamagedZip,
            5 => K::DamagedWorkbook(Damage::Reader(text(&mut texts)?)),
            6 => K::DamagedWorkbook(damages.get(size(0)?)?.clone()),
            7 => K::PasswordProtected,
            8 => K::TooLarge(TooLarge::Cells { most: size(0)? }),
            9 => K::TooLarge(TooLarge::Unpacked),
            10 => K::TooLarge(TooLarge::Spans),
            11 => K::NoSheets,
            12 => K::NoSuchSheet { sheet: text(&mut texts)? },
            13 => K::CellTooLong { characters: size(0)? },
            14 => K::StillBeingRead { file: text(&mut texts)? },
            15 => K::ReadingStopped(*Stop::ALL.get(size(0)?)?),
            16 => K::BrowserCouldNotRead,
            17 => K::NotAProject(OpenError::NotJson { line: size(0)?, column: size(1)? }),
            18 => K::NotAProject(OpenError::NotOurs),
            19 => K::NotAProject(OpenError::Newer { version: number(0)? }),
            20 => K::NotAProject(OpenError::Shape(text(&mut texts)?)),
            21 => K::EmptyTable(kind(0)?),
            22 => K::NoHeader(kind(0)?),
            23 => K::MissingColumns { kind: kind(0)?, columns: texts },
            24 => K::NotAnEstablishmentTable { found: kind(0)? },
            25 => K::NotReadBesideTheReport { found: kind(0)? },
            26 => K::KindNotRead { found: kind(0)? },
            27 => K::HeaderRowGone,
            28 => K::RoleColumns { chosen: size(0)? },
            29 => K::NoFigureColumns,
            30 => K::FieldChosenTwice { field: field(0)?, times: size(1)? },
            31 => K::FieldRepeated { field: field(0)? },
            32 => K::NoRows,
            33 => K::NotANumber { cell: text(&mut texts)? },
            34 => K::NotANumberOrCode { cell: text(&mut texts)? },
            35 => K::NotADate { cell: text(&mut texts)? },
            36 => K::NotAnAge { cell: text(&mut texts)? },
            37 => K::NoRoleName,
            38 => K::NoHeadingRow,
            39 => K::NoFiguresUnderHeadings,
            40 => K::NoLabelColumn,
            41 => K::RunTogether { cell: text(&mut texts)? },
            42 => K::UnreadableEncoding { name: text(&mut texts)? },
            43 => K::UnknownStatus { cell: text(&mut texts)? },
            _ => return None,
        })
    }
}

impl NotATable {
    const ALL: [NotATable; 7] = [
        NotATable::Pdf,
        NotATable::Png,
        NotATable::Jpeg,
        NotATable::Gif,
        NotATable::OtherZip,
        NotATable::OtherOffice,
        NotATable::Binary,
    ];
}

impl Stop {
    const ALL: [Stop; 3] = [Stop::Broke, Stop::OutOfMemory, Stop::TimedOut];
}

impl Damage {
    fn index(&self) -> u64 {
        match self {
            Damage::Layout => 0,
            Damage::PartList => 1,
            Damage::Part => 2,
            Damage::SheetTooLarge => 3,
            Damage::Reader(_) => 4,
        }
    }
}

impl Problem {
    pub fn whole(kind: ProblemKind) -> Self {
        Problem { kind, file: None, sheet: None, line: None, column: None }
    }

    pub fn row(line: usize, kind: ProblemKind) -> Self {
        Problem { line: Some(line), ..Problem::whole(kind) }
    }

    pub fn at(line: usize, column: usize, heading: &str, kind: ProblemKind) -> Self {
        Problem { line: Some(line), column: Some((column, heading.to_owned())), ..Problem::whole(kind) }
    }

    /// Adds the file and sheet, known only to the layer that opened them.
    pub fn located(mut self, file: Option<&str>, sheet: Option<&str>) -> Self {
        self.file = file.map(str::to_owned);
        self.sheet = sheet.map(str::to_owned);
        self
    }

    /// What was wrong, as a sentence, without the place.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for Problem {
    /// "Row 7, column Agency: 'two' is not a number.", or with a workbook
    /// "staff.xlsx, sheet Establishment, row 7, column D (Agency): ..."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place: Vec<String> = Vec::new();
        place.extend(self.file.clone());
        place.extend(self.sheet.as_ref().map(|s| format!("sheet {s}")));
        place.extend(self.line.map(|l| format!("row {l}")));
        if let Some((index, heading)) = &self.column {
            let heading = heading.trim();
            place.push(match (self.sheet.is_some(), heading.is_empty()) {
                (true, false) => format!("column {} ({heading})", column_letters(*index)),
                (true, true) => format!("column {}", column_letters(*index)),
                (false, false) => format!("column {heading}"),
                (false, true) => format!("column {}", index + 1),
            });
        }
        if place.is_empty() {
            return write!(f, "{}", self.kind);
        }
        let place = place.join(", ");
        let mut chars = place.chars();
        let first = chars.next().map(|c| crate::engine::case::upper_char(c).to_string()).unwrap_or_default();
        // A file name keeps its own case; "row" and "sheet" start the sentence with a capital.
        let place = if self.file.is_some() { place.clone() } else { first + chars.as_str() };
        write!(f, "{place}: {}", self.kind)
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = |n: usize| format::count(n as f64);
        match self {
            ProblemKind::EmptyFile => f.write_str(
                "The file is empty (0 bytes): it may not have finished saving or downloading. Save or download it \
                 again.",
            ),
            ProblemKind::FileTooLarge { megabytes } => write!(
                f,
                "The file is {megabytes} MB, larger than the {} MB this tool reads. Save just the table you need as \
                 a new file.",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ProblemKind::NotATable(what) => write!(f, "{what}"),
            ProblemKind::NamedAsWorkbook { extension } => write!(
                f,
                "The file is named .{extension} but is not a workbook this tool can read: it may be damaged, \
                 incomplete, or another kind of file renamed. Open it in Excel and save a copy as .xlsx."
            ),
            ProblemKind::DamagedZip => f.write_str(
                "The file is damaged or incomplete: its zip structure cannot be read (it may not have finished \
                 downloading or copying). Download or copy it again, or open it in Excel and save a copy.",
            ),
            ProblemKind::DamagedWorkbook(damage) => write!(f, "{damage}"),
            ProblemKind::PasswordProtected => f.write_str(
                "The workbook is protected with a password, so it cannot be read. Open it in Excel, remove the \
                 password (File, Info, Protect Workbook), save a copy and load that.",
            ),
            ProblemKind::TooLarge(what) => write!(f, "{what}"),
            ProblemKind::NoSheets => f.write_str("The workbook has no sheets."),
            ProblemKind::NoSuchSheet { sheet } => write!(f, "The workbook has no sheet called '{sheet}'."),
            ProblemKind::CellTooLong { characters } => write!(
                f,
                "this cell holds {} characters, more than a spreadsheet cell can ({}), so this is not a table this \
                 tool can read.",
                count(*characters),
                count(MAX_CELL_CHARS)
            ),
            ProblemKind::StillBeingRead { file } => write!(f, "{file} is still being read."),
            ProblemKind::ReadingStopped(stop) => write!(f, "{stop}"),
            ProblemKind::NotAProject(why) => write!(f, "{why} Nothing has changed."),
            ProblemKind::BrowserCouldNotRead => {
                f.write_str("The browser could not read it (it may have been moved or deleted).")
            }
            ProblemKind::EmptyTable(TableKind::DfeIndicators | TableKind::StatisticalNeighbours) => {
                f.write_str("The file is empty.")
            }
            ProblemKind::EmptyTable(_) => write!(f, "The table is empty. {EXPECTED_HEADER}"),
            ProblemKind::NoHeader(kind) => f.write_str(&no_header(*kind)),
            ProblemKind::MissingColumns { kind, columns } => {
                let what = match kind {
                    TableKind::StatisticalNeighbours => "a statistical neighbours file",
                    _ => "the DfE workforce indicators file",
                };
                write!(f, "this is not {what}: it has no {} column.", columns.join(", "))
            }
            ProblemKind::NotAnEstablishmentTable { found } => write!(
                f,
                "This looks like {}, not an establishment table. Add it beside the report, or give the report a \
                 table of posts by role: {EXPECTED_HEADER}",
                found.describe()
            ),
            ProblemKind::KindNotRead { found } => write!(
                f,
                "This looks like {}. The report reads establishment tables for now: {EXPECTED_HEADER}",
                found.describe()
            ),
            ProblemKind::NotReadBesideTheReport { found } => {
                write!(f, "This looks like {}, which the report cannot take beside it yet.", found.describe())
            }
            ProblemKind::HeaderRowGone => f.write_str("the heading row chosen is not in the table."),
            ProblemKind::RoleColumns { chosen } => {
                write!(f, "choose exactly one column as Role ({chosen} are chosen).")
            }
            ProblemKind::NoFigureColumns => {
                f.write_str("choose at least one column of figures: Establishment, Permanent, Agency or Vacant.")
            }
            ProblemKind::FieldChosenTwice { field, times } => {
                write!(f, "{times} columns are chosen as {}: choose one.", field.label())
            }
            ProblemKind::FieldRepeated { field } => {
                write!(f, "there is more than one {} column. Paste one period at a time.", field.label())
            }
            ProblemKind::NoRows => f.write_str("the headings are here, but there are no rows of figures under them."),
            ProblemKind::NoHeadingRow => f.write_str(
                "No row of column headings was found above the figures. Expected a row of headings (for example: \
                 Role, Establishment, Permanent, Agency, Vacant; or Directorate, Days lost, FTE), then one row of \
                 figures for each role or item under it. Add a row of headings and try again.",
            ),
            ProblemKind::NoFiguresUnderHeadings => f.write_str(
                "this row looks like the headings, but no column under it holds figures. Check the table was copied \
                 whole, with its figures.",
            ),
            ProblemKind::NoLabelColumn => f.write_str(
                "this row looks like the headings over figures, but no column names the rows (a column of words \
                 such as Role, Directorate or Year). Add one, or choose it under Columns.",
            ),
            ProblemKind::RunTogether { cell } => write!(
                f,
                "the cells seem to have run together ({}), so the columns cannot be told apart. Copy the table from \
                 Excel, or paste it with a tab between columns, and try again.",
                quoted(cell)
            ),
            ProblemKind::UnreadableEncoding { name } => write!(
                f,
                "The file's text seems to be in {name}, which this tool does not read: its headings would show as \
                 nonsense. Open it in Excel or a text editor and save it as CSV UTF-8, then load that."
            ),
            ProblemKind::UnknownStatus { cell } if cell.trim().is_empty() => f.write_str(
                "this recommendation has no status. Write Green, Amber or Red (or Achieved, On track, Slipped, Not \
                 achieved; or Complete, Ongoing, Paused) and paste the tracker again.",
            ),
            ProblemKind::UnknownStatus { cell } => write!(
                f,
                "{} is not a status this tool knows. Write Green, Amber or Red (or Achieved, On track, Slipped, Not \
                 achieved; or Complete, Ongoing, Paused) and paste the tracker again.",
                quoted(cell)
            ),
            ProblemKind::NotANumber { cell } => write!(f, "{} is not a number.", quoted(cell)),
            ProblemKind::NotANumberOrCode { cell } => write!(
                f,
                "{} is not a number, or a code for a figure that is not published (such as c or x).",
                quoted(cell)
            ),
            ProblemKind::NotADate { cell } => {
                write!(f, "{} is not a date (expected a date such as 30/09/2025).", quoted(cell))
            }
            ProblemKind::NotAnAge { cell } => write!(f, "{} is not an age or an age band such as 55-59.", quoted(cell)),
            ProblemKind::NoRoleName => f.write_str("there are figures but no role name."),
        }
    }
}

/// "No header row", said for the kind of table that was looked for.
fn no_header(kind: TableKind) -> String {
    match kind {
        TableKind::StaffList => "No staff list headings were found. Expected a row of headings with Role, FTE (or \
                                 contracted hours) and Contract type or Start date, then one row for each person."
            .to_owned(),
        TableKind::Cohort => {
            "The headings were not found. Expected a Programme column, Completed, and Started or Still employed."
                .to_owned()
        }
        TableKind::Recruitment => {
            "The headings were not found. Expected a Campaign column, Posts advertised and Applications.".to_owned()
        }
        TableKind::Budget => {
            "The headings were not found. Expected an Item column and two of Budget, Spent and Remaining.".to_owned()
        }
        _ => format!("No header row was found. {EXPECTED_HEADER}"),
    }
}

impl fmt::Display for NotATable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotATable::Pdf => {
                "The file is a PDF, not a table. Open it, select the table, copy it and paste it into 'Paste a table'."
            }
            NotATable::Png => "The file is a PNG image, not a table.",
            NotATable::Jpeg => "The file is a JPEG image, not a table.",
            NotATable::Gif => "The file is a GIF image, not a table.",
            NotATable::OtherZip => {
                "The file is a zip file that is not a spreadsheet (a Word document, perhaps), or a damaged workbook."
            }
            NotATable::OtherOffice => "The file is an Office file that is not a spreadsheet, or a damaged workbook.",
            NotATable::Binary => "The file is not text or a spreadsheet this tool can read.",
        })
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Layout => f.write_str(
                "The workbook is damaged: part of it is not laid out as a workbook's should be, so it cannot be \
                 read. Open it in Excel and save a copy.",
            ),
            Damage::PartList => f.write_str(
                "The workbook is damaged: its list of where its parts are is broken (it points outside the file, \
                 or round in a loop), so it cannot be read. Open it in Excel and save a copy.",
            ),
            Damage::Part => f.write_str("The file is damaged: one of its parts cannot be read."),
            Damage::SheetTooLarge => f.write_str(
                "The workbook is damaged: one of its sheets says it is larger than any .xls sheet can be, so it \
                 cannot be read. Open it in Excel and save a copy.",
            ),
            Damage::Reader(words) => write!(
                f,
                "The workbook is damaged or in a form this tool cannot read ({words}). Try opening it in Excel and \
                 saving a copy."
            ),
        }
    }
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TooLarge::Unpacked => f.write_str(
                "The file would unpack to far more data than a spreadsheet holds, so it was not opened (it may be \
                 a damaged or malicious file).",
            ),
            TooLarge::Cells { most } => write!(
                f,
                "The sheet has more than {} filled cells, more than this tool can hold in the browser. Copy the \
                 table you need into a new sheet, or save it as CSV.",
                format::decimal(*most as f64, 0)
            ),
            TooLarge::Spans => f.write_str(
                "The workbook's sheets span more cells than this tool can hold (a value far from a table makes a \
                 sheet span all the cells between). Delete stray values in Excel, or copy the table into a new \
                 workbook.",
            ),
        }
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stop::Broke => {
                "Reading it stopped part way: part of the file is not laid out as a file of its kind should be, so \
                 it cannot be read. Open it in the program that made it and save a copy, or save just the table \
                 you need as CSV."
            }
            Stop::OutOfMemory => {
                "Reading it stopped part way, most likely because this computer ran out of memory for it: the \
                 file may be too large to read here. Save just the table you need as a new file, or close other \
                 tabs and try again."
            }
            Stop::TimedOut => {
                "Reading it stopped without an answer: the file may be damaged, or too large for this computer. \
                 Try saving just the table you need as a new file."
            }
        })
    }
}

/// A cell as a message quotes it, cut short when long, so the message stays a sentence.
///
/// ```
/// use wrb::engine::import::quoted;
/// assert_eq!(quoted(" two "), "'two'");
/// assert_eq!(quoted(&"9".repeat(1000)), format!("'{}…' (1,000 characters)", "9".repeat(40)));
/// ```
pub fn quoted(cell: &str) -> String {
    const LONGEST: usize = 40;
    let cell = cell.trim();
    match cell.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("'{}…' ({} characters)", &cell[..cut], format::count(cell.chars().count() as f64)),
        None => format!("'{cell}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind, crossing from the worker and back, is the same kind (the wire is written by
    /// hand, so nothing else checks it).
    #[test]
    fn every_kind_crosses_the_wire_whole() {
        use ProblemKind as K;
        let text = || "words, with 'quotes'".to_owned();
        let mut kinds = vec![
            K::EmptyFile,
            K::FileTooLarge { megabytes: 80 },
            K::NamedAsWorkbook { extension: "xlsx".into() },
            K::DamagedZip,
            K::DamagedWorkbook(Damage::Reader(text())),
            K::PasswordProtected,
            K::TooLarge(TooLarge::Cells { most: 5_000_000 }),
            K::TooLarge(TooLarge::Unpacked),
            K::TooLarge(TooLarge::Spans),
            K::NoSheets,
            K::NoSuchSheet { sheet: text() },
            K::CellTooLong { characters: 40_000 },
            K::StillBeingRead { file: text() },
            K::BrowserCouldNotRead,
            K::NotAProject(OpenError::NotJson { line: 3, column: 14 }),
            K::NotAProject(OpenError::NotOurs),
            K::NotAProject(OpenError::Newer { version: 9 }),
            K::NotAProject(OpenError::Shape(text())),
            K::MissingColumns { kind: TableKind::DfeIndicators, columns: vec!["cases".into(), "la_name".into()] },
            K::HeaderRowGone,
            K::RoleColumns { chosen: 2 },
            K::NoFigureColumns,
            K::FieldChosenTwice { field: Field::Vacant, times: 3 },
            K::FieldRepeated { field: Field::OverUnder },
            K::NoRows,
            K::NotANumber { cell: text() },
            K::NotANumberOrCode { cell: text() },
            K::NotADate { cell: text() },
            K::NotAnAge { cell: text() },
            K::NoRoleName,
            K::NoHeadingRow,
            K::NoFiguresUnderHeadings,
            K::NoLabelColumn,
            K::RunTogether { cell: text() },
            K::UnreadableEncoding { name: "Big5".into() },
            K::UnknownStatus { cell: text() },
        ];
        kinds.extend(NotATable::ALL.map(K::NotATable));
        kinds.extend(Stop::ALL.map(K::ReadingStopped));
        kinds.extend([Damage::Layout, Damage::PartList, Damage::Part, Damage::SheetTooLarge].map(K::DamagedWorkbook));
        for kind in TableKind::ALL {
            kinds.extend([
                K::EmptyTable(kind),
                K::NoHeader(kind),
                K::NotAnEstablishmentTable { found: kind },
                K::NotReadBesideTheReport { found: kind },
                K::KindNotRead { found: kind },
            ]);
        }
        for kind in kinds {
            let problem = Problem::at(7, 2, "Agency", kind).located(Some("staff.xlsx"), Some("Posts"));
            let sent = serde_json::to_string(&problem).unwrap();
            let back: Problem = serde_json::from_str(&sent).unwrap();
            assert_eq!(back, problem, "{sent}");
        }
    }
}
