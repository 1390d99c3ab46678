//! From what the officer pasted or loaded to typed tables.
//!
//! `load` turns a paste or a file into rows of cells that keep their position: `decode` picks a
//! text file's encoding, `grid` splits delimited text, `text_table` reads tables copied out of
//! Word or a PDF, and `spreadsheet` reads workbooks. `establishment` then finds the header and
//! reads the figures; `number` reads one cell. Every problem carries its position.

pub mod comparison;
pub mod date;
pub mod decode;
pub mod dfe;
pub mod establishment;
pub mod general;
pub mod grid;
pub mod headings;
pub mod kind;
pub mod number;
pub mod pipeline_tables;
mod problem;
pub mod spreadsheet;
pub mod staff;
pub mod text_table;
pub mod tracker;

pub use establishment::read_establishment;
pub use problem::{
    quoted, Damage, NotATable, Problem, ProblemKind, Stop, TooLarge, EXPECTED_HEADER, MAX_CELL_CHARS, MAX_FILE_BYTES,
};

use std::rc::Rc;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::format;
use crate::engine::model::{ColumnMapping, GeneralTable, RawInput, RememberedMappings, TableInput};
use decode::TextEncoding;
use establishment::{guess_mapping_remembering, read_mapped, ReadTable};

use grid::GridRow;
use kind::TableKind;
use spreadsheet::{Format, SheetGrid, SheetInfo, MAX_COLUMNS};

/// What the officer gave.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Paste(&'a str),
    /// A file's name and bytes, and the sheet to read when it is a workbook (`None`: choose).
    File {
        name: &'a str,
        bytes: &'a [u8],
        sheet: Option<&'a str>,
    },
}

/// The rows of a paste or file, with what the officer should know about how they were read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Loaded {
    /// Shared, not copied: the page keeps a file's rows and hands them to every reading of
    /// it (the report, each panel, each undo step), and a staff list can have 200,000.
    pub rows: Arc<[GridRow]>,
    pub file: Option<String>,
    /// The sheet read, for workbooks, and every sheet the workbook has.
    pub sheet: Option<String>,
    pub sheets: Vec<SheetInfo>,
    pub encoding: Option<TextEncoding>,
    pub notes: Vec<String>,
}

/// A saved input read the way its choices say: every step's result, so the officer can be
/// shown the rows, the columns and what went wrong together.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub loaded: Result<Loaded, Problem>,
    pub kind: TableKind,
    /// The mapping used: the saved one, else the remembered or guessed one.
    pub mapping: Option<ColumnMapping>,
    pub outcome: Result<Mapped, Vec<Problem>>,
}

/// A table read through its columns: an establishment table when its columns are
/// establishment fields, otherwise a general table.
#[derive(Clone, Debug, PartialEq)]
pub enum Mapped {
    Establishment(ReadTable),
    General(Rc<GeneralTable>),
}

impl Mapped {
    pub fn establishment(&self) -> Option<&ReadTable> {
        match self {
            Mapped::Establishment(read) => Some(read),
            Mapped::General(_) => None,
        }
    }

    pub fn general(&self) -> Option<&Rc<GeneralTable>> {
        match self {
            Mapped::General(table) => Some(table),
            Mapped::Establishment(_) => None,
        }
    }

    /// Rows left out because they could not be read (when the officer asked for that).
    pub fn skipped(&self) -> &[Problem] {
        match self {
            Mapped::Establishment(read) => &read.skipped,
            Mapped::General(_) => &[],
        }
    }
}

/// Reads rows through a mapping: as a general table when its columns are a general table's,
/// else as an establishment table.
pub fn read_through(rows: &[GridRow], mapping: &ColumnMapping, skip_unreadable: bool) -> Result<Mapped, Vec<Problem>> {
    let general = mapping.columns.iter().any(|u| u.is_general())
        && !mapping.columns.iter().any(|u| matches!(u, crate::engine::model::ColumnUse::Figure(_)));
    if general {
        general::read_general(rows, mapping, skip_unreadable).map(|t| Mapped::General(Rc::new(t)))
    } else {
        read_mapped(rows, mapping, skip_unreadable).map(Mapped::Establishment)
    }
}

/// Reads a project's table input: load, map (as saved, or as remembered, or guessed), read.
/// Every problem names the file and sheet.
pub fn read_input(input: &TableInput, remembered: &RememberedMappings) -> Reading {
    read_loaded(input, load_input(input), remembered)
}

/// Rows of pasted text. Needs no file-reading code, so the page can call it directly. Columns
/// past the first `MAX_COLUMNS` are left out with a note, as they are from workbooks.
pub fn load_pasted(text: &str) -> Loaded {
    let (mut rows, mut notes) = split_text_noting(text);
    notes.extend(leave_out_far_columns(&mut rows));
    Loaded { rows: rows.into(), notes, ..Loaded::default() }
}

/// Cuts rows to `MAX_COLUMNS` cells, and says where the first cell left out was.
fn leave_out_far_columns(rows: &mut [GridRow]) -> Option<String> {
    let most = MAX_COLUMNS as usize;
    let mut first = None;
    for row in rows.iter_mut().filter(|r| r.cells.len() > most) {
        if first.is_none() {
            first = row.cells[most..].iter().position(|c| !c.trim().is_empty()).map(|c| (row.line, most + c));
        }
        row.cells.truncate(most);
    }
    let count = |n: usize| format::count(n as f64);
    first.map(|(line, column)| {
        format!(
            "Cells from column {} onwards were left out (the first is in row {line}, column {}): only the first {} \
             columns are read.",
            count(most + 1),
            count(column + 1),
            count(most)
        )
    })
}

/// Refuses rows holding a cell longer than any spreadsheet cell can be: no table has one, and
/// the report could not show it.
fn check_cells(loaded: &Loaded) -> Result<(), Problem> {
    for row in loaded.rows.iter() {
        // Bytes first: a cell cannot hold more characters than bytes, and counting is slower.
        let long = row.cells.iter().position(|c| c.len() > MAX_CELL_CHARS && c.chars().count() > MAX_CELL_CHARS);
        if let Some(column) = long {
            let kind = ProblemKind::CellTooLong { characters: row.cells[column].chars().count() };
            return Err(
                Problem::at(row.line, column, "", kind).located(loaded.file.as_deref(), loaded.sheet.as_deref())
            );
        }
    }
    Ok(())
}

/// Loads a project's table input into rows: its text, or its file at its sheet.
pub fn load_input(input: &TableInput) -> Result<Loaded, Problem> {
    match &input.raw {
        RawInput::Text(text) => load(Input::Paste(text)),
        RawInput::File { name, bytes } => load(Input::File { name, bytes, sheet: input.sheet.as_deref() }),
    }
}

/// Maps and reads rows already loaded (in the browser, by the import worker), so that this
/// step needs no spreadsheet or encoding code. The columns are as saved, or remembered for the
/// table's headings, or guessed: an establishment table's if its headings are those, else a
/// general table's. Nothing with a heading row and figures is refused.
pub fn read_loaded(input: &TableInput, loaded: Result<Loaded, Problem>, remembered: &RememberedMappings) -> Reading {
    let loaded = loaded.and_then(|l| check_cells(&l).map(|()| l));
    // Swapped rows and columns are what every later step sees, the Columns step included, so
    // the rows it names are the rows the officer is shown.
    let loaded =
        loaded.map(|l| if input.transposed { Loaded { rows: grid::transpose(&l.rows).into(), ..l } } else { l });
    let Ok(rows) = loaded.as_ref().map(|l| &l.rows) else {
        let problem = loaded.clone().err().into_iter().collect();
        return Reading { loaded, kind: TableKind::Unknown, mapping: None, outcome: Err(problem) };
    };
    let (file, sheet) = loaded.as_ref().map(|l| (l.file.clone(), l.sheet.clone())).unwrap_or_default();
    let locate = |problems: Vec<Problem>| -> Vec<Problem> {
        problems.into_iter().map(|p| p.located(file.as_deref(), sheet.as_deref())).collect()
    };
    let kind = kind::classify(rows);
    // Files with their own published shape are never read through columns, even where their
    // headings look like an establishment table's (the DfE file's inpost_fte, agency_fte).
    if input.mapping.is_none()
        && matches!(kind, TableKind::DfeIndicators | TableKind::StatisticalNeighbours | TableKind::StaffList)
    {
        let problem = Problem::whole(ProblemKind::NotAnEstablishmentTable { found: kind });
        return Reading { loaded, kind, mapping: None, outcome: Err(locate(vec![problem])) };
    }
    let mapping = match &input.mapping {
        Some(saved) => Ok(saved.clone()),
        // An establishment heading row with something wrong in it (two periods' columns side
        // by side) is said as it is; only a table with no establishment headings is read as a
        // general table.
        None => guess_mapping_remembering(rows, remembered).or_else(|problems| {
            let none_found =
                problems.iter().all(|p| matches!(p.kind, ProblemKind::NoHeader(_) | ProblemKind::EmptyTable(_)));
            if none_found {
                general::guess_general(rows)
            } else {
                Err(problems)
            }
        }),
    };
    let outcome = match &mapping {
        Ok(mapping) => read_through(rows, mapping, input.skip_unreadable).map_err(locate).map(|mut read| {
            if let Mapped::Establishment(read) = &mut read {
                read.skipped = locate(std::mem::take(&mut read.skipped));
            }
            read
        }),
        Err(problems) => Err(locate(problems.clone())),
    };
    Reading { loaded, kind, mapping: mapping.ok(), outcome }
}

/// Reads rows already loaded as a general table: through the input's columns when they are a
/// general table's, else through guessed ones, whatever its headings (a table beside the
/// report is never an establishment table).
pub fn read_general_loaded(input: &TableInput, loaded: Loaded) -> Result<Rc<GeneralTable>, Vec<Problem>> {
    let located = |problems: Vec<Problem>, l: &Loaded| -> Vec<Problem> {
        problems.into_iter().map(|p| p.located(l.file.as_deref(), l.sheet.as_deref())).collect()
    };
    check_cells(&loaded).map_err(|p| vec![p])?;
    let rows: Arc<[GridRow]> =
        if input.transposed { grid::transpose(&loaded.rows).into() } else { loaded.rows.clone() };
    let mapping = match &input.mapping {
        Some(saved) if saved.columns.iter().any(|u| u.is_general()) => saved.clone(),
        _ => general::guess_general(&rows).map_err(|p| located(p, &loaded))?,
    };
    general::read_general(&rows, &mapping, input.skip_unreadable).map(Rc::new).map_err(|p| located(p, &loaded))
}

/// Reads a paste or a file into rows. A workbook's sheet is the one asked for, or else the
/// first visible sheet that holds a table this tool recognises.
pub fn load(input: Input<'_>) -> Result<Loaded, Problem> {
    match input {
        Input::Paste(text) => Ok(load_pasted(text)),
        Input::File { name, bytes, sheet } => {
            load_file(name, bytes, sheet).and_then(|loaded| check_cells(&loaded).map(|()| loaded)).map_err(|p| {
                let sheet = p.sheet.clone();
                p.located(Some(name), sheet.as_deref())
            })
        }
    }
}

fn load_file(name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Loaded, Problem> {
    if bytes.is_empty() {
        return Err(Problem::whole(ProblemKind::EmptyFile));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::whole(ProblemKind::FileTooLarge { megabytes: bytes.len() / (1024 * 1024) }));
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if let Some(format) = spreadsheet::sniff(bytes) {
        let sheets = spreadsheet::sheets(bytes, format).map_err(Problem::whole)?;
        let (chosen, grid) = match sheet {
            Some(wanted) => {
                let chosen = sheets
                    .iter()
                    .find(|s| s.name == wanted)
                    .ok_or_else(|| Problem::whole(ProblemKind::NoSuchSheet { sheet: wanted.to_owned() }))?
                    .name
                    .clone();
                let grid = spreadsheet::read_sheet(bytes, format, &chosen)
                    .map_err(|m| Problem::whole(m).located(None, Some(&chosen)))?;
                (chosen, grid)
            }
            None => choose_sheet(bytes, format, &sheets)?,
        };
        return Ok(Loaded {
            rows: grid.rows.into(),
            file: Some(name.to_owned()),
            sheet: Some(chosen),
            sheets,
            encoding: None,
            notes: grid.notes,
        });
    }
    if let Some(what) = not_a_table(bytes) {
        return Err(Problem::whole(what));
    }
    if ["xlsx", "xlsm", "xls", "ods", "xlsb"].contains(&extension.as_str()) {
        return Err(Problem::whole(ProblemKind::NamedAsWorkbook { extension }));
    }
    let (text, encoding) = decode::decode(bytes);
    // Looked for only in what fell back to Windows-1252: a UTF-8 file is not scanned twice.
    if encoding == TextEncoding::Windows1252 && decode::double_byte(bytes) {
        let name = "a double-byte encoding such as Big5 or GBK (Chinese, Japanese or Korean text)";
        return Err(Problem::whole(ProblemKind::UnreadableEncoding { name: name.to_owned() }));
    }
    let mut loaded = load_pasted(&text);
    if let Some(note) = encoding.note(&text) {
        loaded.notes.insert(0, note);
    }
    Ok(Loaded { file: Some(name.to_owned()), encoding: Some(encoding), ..loaded })
}

/// The first visible sheet where an establishment header is found, else the first visible
/// sheet with anything on it, else the first sheet.
fn choose_sheet(bytes: &[u8], format: Format, sheets: &[SheetInfo]) -> Result<(String, SheetGrid), Problem> {
    let mut first_with_rows = None;
    for info in sheets.iter().filter(|s| s.visible) {
        let Ok(grid) = spreadsheet::read_sheet(bytes, format, &info.name) else {
            continue;
        };
        if establishment::finds_header(&grid.rows) {
            return Ok((info.name.clone(), grid));
        }
        if first_with_rows.is_none() && !grid.rows.is_empty() {
            first_with_rows = Some((info.name.clone(), grid));
        }
    }
    if let Some(found) = first_with_rows {
        return Ok(found);
    }
    let first = sheets.first().ok_or_else(|| Problem::whole(ProblemKind::NoSheets))?;
    let grid = spreadsheet::read_sheet(bytes, format, &first.name)
        .map_err(|m| Problem::whole(m).located(None, Some(&first.name)))?;
    Ok((first.name.clone(), grid))
}

/// Pasted or decoded text to rows: delimited when the lines agree on a delimiter, otherwise
/// a table copied out of Word or a PDF, with columns separated only by spaces.
pub fn split_text(text: &str) -> Vec<GridRow> {
    split_text_noting(text).0
}

/// As [`split_text`], with what the officer should know about how the text was split: a quote
/// that never closed, a label joined from two lines. Cells separated by " / " on every line
/// are split there.
pub fn split_text_noting(text: &str) -> (Vec<GridRow>, Vec<String>) {
    let slashed = if delimited_with_slashes_in_cells(text) { None } else { grid::spaced_slashes_as_tabs(text) };
    let text = slashed.as_deref().unwrap_or(text);
    match grid::consistent_delimiter(text) {
        Some(delimiter) => {
            let (rows, mut notes) = grid::split_noting(text, delimiter);
            // Labels wrap over lines in text copied out of Word, a PDF or a web page (tabs or
            // pipes), never in a CSV file.
            if !matches!(delimiter, b'\t' | b'|') {
                return (rows, notes);
            }
            let (rows, joined) = grid::join_wrapped_labels(rows);
            notes.extend(joined);
            (rows, notes)
        }
        None => (text_table::split(text), Vec::new()),
    }
}

/// A CSV whose heading row is split by its delimiter into three or more cells and holds no
/// " / ": any " / " below it is inside a cell ("940 / 941"), not between cells.
fn delimited_with_slashes_in_cells(text: &str) -> bool {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else { return false };
    !first.contains(" / ")
        && matches!(grid::consistent_delimiter(text), Some(d @ (b',' | b';')) if first.matches(d as char).count() >= 2)
}

/// Files that are plainly not tables, named for what they are.
fn not_a_table(bytes: &[u8]) -> Option<ProblemKind> {
    let kinds: [(&[u8], NotATable); 6] = [
        (b"%PDF", NotATable::Pdf),
        (b"\x89PNG", NotATable::Png),
        (b"\xFF\xD8\xFF", NotATable::Jpeg),
        (b"GIF8", NotATable::Gif),
        (b"PK\x03\x04", NotATable::OtherZip),
        (b"\xD0\xCF\x11\xE0", NotATable::OtherOffice),
    ];
    // A zip that cannot even be opened is most often a workbook cut short.
    if bytes.starts_with(b"PK\x03\x04") && zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_err() {
        return Some(ProblemKind::DamagedZip);
    }
    for (magic, what) in kinds {
        if bytes.starts_with(magic) {
            return Some(ProblemKind::NotATable(what));
        }
    }
    let sample = &bytes[..bytes.len().min(4096)];

    let controls = sample.iter().filter(|&&b| b < 0x09 || (b > 0x0D && b < 0x20)).count();
    // UTF-16 text is full of zero bytes; decode knows it by its mark or its pattern.
    let utf16 = matches!(decode::decode(sample).1, TextEncoding::Utf16Le | TextEncoding::Utf16Be);
    if !utf16 && controls * 20 > sample.len().max(1) {
        return Some(ProblemKind::NotATable(NotATable::Binary));
    }
    None
}
