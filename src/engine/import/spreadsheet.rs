//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) to grids, through calamine.
//!
//! Every cell becomes text that reads back to the same value: numbers in Rust's shortest
//! round-trip form, dates as ISO `2025-09-30` (calamine applies the 1904 date system where a
//! workbook uses it), formulas as their cached values, errors as Excel shows them (`#DIV/0!`).
//! Hostile files are refused before they can exhaust memory: a zip's declared sizes are
//! checked before anything is unpacked, and cells are counted as they stream in.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Ods, Reader, SheetVisible, Xls, Xlsx};

pub use super::grid::column_letters;
use super::grid::GridRow;
use super::problem::{Damage, ProblemKind, TooLarge};

/// A sheet as listed for the officer to choose from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SheetInfo {
    pub name: String,
    pub visible: bool,
}

/// What kind of file the bytes are, judged by their content rather than their name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    /// An Office file encrypted with a password (a CFB container holding `EncryptedPackage`).
    Encrypted,
}

/// Cells beyond this column are left out (with a note); officers' tables are far narrower.
pub const MAX_COLUMNS: u32 = 1_000;
/// Non-empty cells one sheet may hold: room for a 200,000-row staff extract of 25 columns.
pub const MAX_CELLS: usize = 5_000_000;
/// The most a workbook may unpack to, and the most any part may expand by.
const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
const MAX_EXPANSION: u64 = 200;

/// A sheet read into rows, with anything the officer should know about how.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetGrid {
    pub rows: Vec<GridRow>,
    pub notes: Vec<String>,
}

/// Recognises a workbook by its first bytes and, for zips, by what they hold.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        if archive.by_name("xl/workbook.xml").is_ok() || archive.by_name("xl/workbook.bin").is_ok() {
            return Some(Format::Xlsx);
        }
        let mimetype = archive.by_name("mimetype").ok().map(|mut f| {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::Read::take(&mut f, 100), &mut text);
            text
        });
        return mimetype.filter(|m| m.contains("opendocument.spreadsheet")).map(|_| Format::Ods);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // Encrypted xlsx files are CFB containers too; their stream names are UTF-16 in the directory.
        let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let encrypted = bytes.windows(marker.len()).any(|w| w == marker.as_slice());
        return Some(if encrypted { Format::Encrypted } else { Format::Xls });
    }
    None
}

/// Lists the sheets of a workbook.
pub fn sheets(bytes: &[u8], format: Format) -> Result<Vec<SheetInfo>, ProblemKind> {
    guarded(|| list_sheets(bytes, format))
}

/// Reads one sheet into rows (1-based row numbers, columns from A), merged cells filled in.
pub fn read_sheet(bytes: &[u8], format: Format, sheet: &str) -> Result<SheetGrid, ProblemKind> {
    guarded(|| read_sheet_unguarded(bytes, format, sheet))
}

/// Runs calamine on an officer's file, turning a panic into a message. calamine 0.38 indexes
/// records by the lengths they claim, so a damaged `.xls` can stop it with a panic (a record
/// too short for its kind, tests/hostile_input.rs) where an error was meant; a cell reference
/// of many letters overflows its arithmetic too. Native builds (wfr, tests) unwind to here; in
/// the browser a panic aborts the import worker, whose panic hook tells the page at once
/// (`ui::stop_signal`), so the officer gets a message there too.
fn guarded<T>(read: impl FnOnce() -> Result<T, ProblemKind>) -> Result<T, ProblemKind> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(ProblemKind::DamagedWorkbook(Damage::Layout)))
}

fn list_sheets(bytes: &[u8], format: Format) -> Result<Vec<SheetInfo>, ProblemKind> {
    let list = |sheets: &[calamine::Sheet]| {
        sheets.iter().map(|s| SheetInfo { name: s.name.clone(), visible: s.visible == SheetVisible::Visible }).collect()
    };
    match format {
        Format::Xlsx => {
            check_zip(bytes)?;
            Ok(list(Xlsx::new(Cursor::new(bytes)).map_err(explain)?.sheets_metadata()))
        }
        Format::Xls => {
            check_cfb(bytes)?;
            Ok(list(Xls::new(Cursor::new(bytes)).map_err(explain)?.sheets_metadata()))
        }
        Format::Ods => {
            check_ods(bytes)?;
            Ok(list(Ods::new(Cursor::new(bytes)).map_err(explain)?.sheets_metadata()))
        }
        Format::Encrypted => Err(ProblemKind::PasswordProtected),
    }
}

fn read_sheet_unguarded(bytes: &[u8], format: Format, sheet: &str) -> Result<SheetGrid, ProblemKind> {
    match format {
        Format::Xlsx => {
            check_zip(bytes)?;
            let mut book = Xlsx::new(Cursor::new(bytes)).map_err(explain)?;
            let merges = if has_merged_cells(bytes) {
                book.merge_cells_by_sheet_name(sheet).unwrap_or_default()
            } else {
                Vec::new()
            };
            let mut cells = Cells::default();
            let mut reader = book.worksheet_cells_reader(sheet).map_err(explain)?;
            // How each style shows a number, worked out once for the workbook's palette.
            let shown: Vec<Shown> = reader
                .styles()
                .iter()
                .map(|style| style.number_format.as_ref().map_or(Shown::AsStored, |f| Shown::of(&f.format_code)))
                .collect();
            while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(explain)? {
                let (row, column) = cell.get_position();
                let text = match (cell.get_value(), shown.get(style)) {
                    (DataRef::Float(v), Some(how)) => how.text(*v),
                    (DataRef::Int(v), Some(how)) => how.text(*v as f64),
                    (value, _) => data_ref_text(value),
                };
                cells.push(row, column, text)?;
            }
            Ok(cells.into_grid(&merges))
        }
        Format::Xls => {
            check_cfb(bytes)?;
            let mut book = Xls::new(Cursor::new(bytes)).map_err(explain)?;
            let merges = book.merge_cells_by_sheet_name(sheet).unwrap_or_default();
            let range = book.worksheet_range(sheet).map_err(explain)?;
            range_grid(&range, &merges)
        }
        Format::Ods => {
            check_ods(bytes)?;
            let mut book = Ods::new(Cursor::new(bytes)).map_err(explain)?;
            let range = book.worksheet_range(sheet).map_err(explain)?;
            let shown = ods_shown(bytes, sheet);
            let mut cells = Cells::default();
            let (start_row, start_column) = range.start().unwrap_or((0, 0));
            for (row, column, value) in range.used_cells() {
                let at = (start_row + row as u32, start_column + column as u32);
                let text = shown.get(&at).cloned().unwrap_or_else(|| data_text(value));
                cells.push(at.0, at.1, text)?;
            }
            Ok(cells.into_grid(&[]))
        }
        Format::Encrypted => Err(ProblemKind::PasswordProtected),
    }
}

fn range_grid(range: &calamine::Range<Data>, merges: &[Dimensions]) -> Result<SheetGrid, ProblemKind> {
    let mut cells = Cells::default();
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    for (row, column, value) in range.used_cells() {
        cells.push(start_row + row as u32, start_column + column as u32, data_text(value))?;
    }
    Ok(cells.into_grid(merges))
}

/// Cells gathered sparsely, so a stray value in column XFD costs nothing.
#[derive(Default)]
struct Cells {
    rows: BTreeMap<u32, Vec<(u32, String)>>,
    /// The row being filled: cells come a row at a time, so most need no look-up in `rows`.
    current: Option<(u32, Vec<(u32, String)>)>,
    count: usize,
    beyond: Option<(u32, u32)>,
}

impl Cells {
    fn push(&mut self, row: u32, column: u32, text: String) -> Result<(), ProblemKind> {
        if text.is_empty() {
            return Ok(());
        }
        if column >= MAX_COLUMNS {
            self.beyond.get_or_insert((row, column));
            return Ok(());
        }
        self.count += 1;
        if self.count > MAX_CELLS {
            return Err(ProblemKind::TooLarge(TooLarge::Cells { most: MAX_CELLS }));
        }
        match &mut self.current {
            Some((at, cells)) if *at == row => cells.push((column, text)),
            _ => {
                self.finish_row();
                self.current = Some((row, vec![(column, text)]));
            }
        }
        Ok(())
    }

    fn finish_row(&mut self) {
        if let Some((row, cells)) = self.current.take() {
            self.rows.entry(row).or_default().extend(cells);
        }
    }

    fn into_grid(mut self, merges: &[Dimensions]) -> SheetGrid {
        self.finish_row();
        // A merged cell's value belongs to every cell it spans: "2025/26" over four columns.
        for merge in merges {
            let (top, left) = merge.start;
            let (bottom, right) = (merge.end.0, merge.end.1.min(MAX_COLUMNS - 1));
            let Some(value) =
                self.rows.get(&top).and_then(|r| r.iter().find(|(c, _)| *c == left)).map(|(_, v)| v.clone())
            else {
                continue;
            };
            if (bottom - top + 1) as u64 * (right.saturating_sub(left) + 1) as u64 > 10_000 {
                continue;
            }
            for row in top..=bottom {
                let cells = self.rows.entry(row).or_default();
                for column in left..=right {
                    if !cells.iter().any(|(c, _)| *c == column) {
                        cells.push((column, value.clone()));
                    }
                }
            }
        }
        let rows = self
            .rows
            .into_iter()
            .map(|(row, mut cells)| {
                cells.sort_by_key(|(c, _)| *c);
                let width = cells.last().map_or(0, |(c, _)| *c as usize + 1);
                let mut dense = vec![String::new(); width];
                for (column, text) in cells {
                    dense[column as usize] = text;
                }
                GridRow { line: row as usize + 1, cells: dense }
            })
            .collect();
        let notes = self
            .beyond
            .map(|(row, column)| {
                format!(
                    "Cells from column {} onwards were left out (the first is {}{}): only the first {} columns are read.",
                    column_letters(MAX_COLUMNS as usize),
                    column_letters(column as usize),
                    row + 1,
                    MAX_COLUMNS
                )
            })
            .into_iter()
            .collect();
        SheetGrid { rows, notes }
    }
}

fn data_text(value: &Data) -> String {
    match value {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => date_text(d),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn data_ref_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::String(s) => s.clone(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => date_text(d),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// What a workbook cell's number format says its value is, so a cell is read as the officer
/// sees it: 0.071 formatted as a percentage is "7.1%", a pounds format makes it money. The
/// value is kept as stored (not rounded to the places shown), so sums are checked against
/// the exact figures. Dates calamine already reads as dates.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shown {
    AsStored,
    Percent,
    Pounds,
}

impl Shown {
    /// From a format code such as `0.0%`, `£#,##0.00` or `_-[$£-809]* #,##0_-;...`: the
    /// section for positive numbers decides; a sign in quotes, brackets or after a backslash
    /// is text, except that a quoted or bracketed £ still names the currency.
    fn of(code: &str) -> Shown {
        let positive = code.split(';').next().unwrap_or("");
        let (mut bare, mut quoted, mut in_quote, mut in_bracket, mut escaped) =
            (String::new(), String::new(), false, false, false);
        for c in positive.chars() {
            match c {
                _ if escaped => {
                    escaped = false;
                    quoted.push(c);
                }
                '\\' if !in_quote => escaped = true,
                '"' => in_quote = !in_quote,
                '[' if !in_quote => in_bracket = true,
                ']' if !in_quote => in_bracket = false,
                _ if in_quote || in_bracket => quoted.push(c),
                _ => bare.push(c),
            }
        }
        if bare.contains('%') {
            Shown::Percent
        } else if bare.contains('£') || quoted.contains('£') {
            Shown::Pounds
        } else {
            Shown::AsStored
        }
    }

    fn text(self, value: f64) -> String {
        match self {
            Shown::AsStored => float_text(value),
            Shown::Percent => format!("{}%", float_text(percent(value))),
            Shown::Pounds if value < 0.0 => format!("-£{}", float_text(-value)),
            Shown::Pounds => format!("£{}", float_text(value)),
        }
    }
}

/// A fraction as a percentage, without the binary noise of multiplying by 100 (0.071 is 7.1,
/// not 7.1000000000000005): nine places are far beyond any published rate.
fn percent(fraction: f64) -> f64 {
    (fraction * 100.0 * 1e9).round() / 1e9
}

/// Shortest text that parses back to the same number: 4.1, not 4.0999999999999996.
fn float_text(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

fn date_text(value: &calamine::ExcelDateTime) -> String {
    if !value.is_datetime() {
        return float_text(value.as_f64());
    }
    let (year, month, day, hour, minute, second, _) = value.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

/// Refuses a zip whose declared contents would unpack to more than we can hold. The declared
/// sizes can be trusted that far: zip itself stops a part that unpacks to more than it says
/// (tests/bad_input.rs holds such a file).
fn check_zip(bytes: &[u8]) -> Result<(), ProblemKind> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ProblemKind::DamagedZip)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| ProblemKind::DamagedWorkbook(Damage::Part))?;
        let (packed, unpacked) = (entry.compressed_size().max(1), entry.size());
        total = total.saturating_add(unpacked);
        if total > MAX_UNPACKED_BYTES || (unpacked > 10 * 1024 * 1024 && unpacked / packed > MAX_EXPANSION) {
            return Err(ProblemKind::TooLarge(TooLarge::Unpacked));
        }
    }
    Ok(())
}

/// An `.ods` file: sound, and not saved with a password. LibreOffice encrypts the content of
/// a protected file but not its list of parts, whose manifest then says how; calamine would
/// only find XML it cannot parse, and call the file damaged.
fn check_ods(bytes: &[u8]) -> Result<(), ProblemKind> {
    use std::io::Read;
    check_zip(bytes)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ProblemKind::DamagedZip)?;
    let mut manifest = Vec::new();
    if let Ok(entry) = archive.by_name("META-INF/manifest.xml") {
        // The manifest lists parts; a megabyte is far more than any holds.
        let _ = entry.take(1024 * 1024).read_to_end(&mut manifest);
    }
    let needle = b"encryption-data";
    if manifest.windows(needle.len()).any(|w| w == needle) {
        return Err(ProblemKind::PasswordProtected);
    }
    Ok(())
}

/// An `.ods` sheet's percentage and currency cells with their unit ("7.1%", "£64250000"), by
/// row and column: calamine gives their stored values (0.071) without it.
/// Other cells are read from calamine's values. Empty when the file has no such cells, or its
/// content cannot be read (calamine then says why).
fn ods_shown(bytes: &[u8], sheet: &str) -> std::collections::HashMap<(u32, u32), String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut shown = std::collections::HashMap::new();
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return shown };
    let mut content = Vec::new();
    match archive.by_name("content.xml") {
        Ok(entry) => {
            if entry.take(MAX_UNPACKED_BYTES).read_to_end(&mut content).is_err() {
                return shown;
            }
        }
        Err(_) => return shown,
    }
    let typed = |kind: &[u8]| memchr::memmem::find(&content, kind).is_some();
    if !typed(b"value-type=\"percentage\"") && !typed(b"value-type=\"currency\"") {
        return shown;
    }
    let mut reader = quick_xml::Reader::from_reader(content.as_slice());
    let mut buffer = Vec::new();
    // Attribute values unescaped: a sheet called "Pay &amp; grading" is "Pay & grading".
    let attribute = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
    };
    let repeated = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> u32 {
        attribute(e, name).and_then(|n| n.parse().ok()).unwrap_or(1).max(1)
    };
    let (mut inside, mut row, mut rows_repeated, mut column) = (false, 0u32, 1u32, 0u32);
    loop {
        buffer.clear();
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) if e.local_name().as_ref() == "table" => {
                inside = attribute(&e, "table:name").as_deref() == Some(sheet);
                row = 0;
            }
            Event::End(e) if e.local_name().as_ref() == "table" && inside => break,
            _ if !inside => {}
            Event::Start(e) if e.local_name().as_ref() == "table-row" => {
                rows_repeated = repeated(&e, "table:number-rows-repeated");
                column = 0;
            }
            Event::End(e) if e.local_name().as_ref() == "table-row" => row = row.saturating_add(rows_repeated),
            Event::Start(e) | Event::Empty(e)
                if matches!(e.local_name().as_ref(), "table-cell" | "covered-table-cell") =>
            {
                let columns = repeated(&e, "table:number-columns-repeated");
                // The stored value, with what its type says it is: a percentage's fraction,
                // a sum in pounds (other currencies are plain figures).
                let value = attribute(&e, "office:value").and_then(|v| v.parse::<f64>().ok());
                let text = match (attribute(&e, "office:value-type").as_deref(), value) {
                    (Some("percentage"), Some(v)) => Some(Shown::Percent.text(v)),
                    (Some("currency"), Some(v))
                        if attribute(&e, "office:currency").is_none_or(|c| c.eq_ignore_ascii_case("GBP")) =>
                    {
                        Some(Shown::Pounds.text(v))
                    }
                    _ => None,
                };
                if let Some(text) = text {
                    // Repeated cells and rows (a column of the same rate) are few in an officer's table.
                    for r in row..row.saturating_add(rows_repeated.min(1000)) {
                        for c in column..column.saturating_add(columns.min(1000)) {
                            shown.insert((r, c), text.clone());
                        }
                    }
                }
                column = column.saturating_add(columns);
            }
            _ => {}
        }
    }
    shown
}

/// Whether any worksheet of an `.xlsx` may have merged cells. calamine finds them by parsing
/// the sheet's XML a second time, which is a third of the time a 50,000-row staff extract
/// takes to read; most extracts have none, and inflating the sheets to look for the element,
/// without parsing them, is several times quicker. `true` whenever it cannot tell.
fn has_merged_cells(bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return true };
    // Matches <mergeCell and a prefixed <x:mergeCell; words in a cell that happen to match
    // only cost the slower way. memchr's byte search, which calamine's XML reader already
    // brings, keeps the import worker smaller than a substring searcher would.
    const NEEDLE: &[u8] = b"mergeCell";
    let found = |piece: &[u8]| memchr::memchr_iter(b'm', piece).any(|at| piece[at..].starts_with(NEEDLE));
    let keep = NEEDLE.len() - 1;
    let (mut sheets, mut read) = (0, 0u64);
    let mut buffer = vec![0u8; 256 * 1024];
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else { return true };
        let Ok(name) = entry.name() else { return true };
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        sheets += 1;
        let mut filled = 0;
        loop {
            let n = match entry.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) => return true,
            };
            read += n as u64;
            let end = filled + n;
            if found(&buffer[..end]) || read > MAX_UNPACKED_BYTES {
                return true;
            }
            // The end of this piece goes round again, for a match across two pieces.
            let tail = end.min(keep);
            buffer.copy_within(end - tail..end, 0);
            filled = tail;
        }
    }
    sheets == 0
}

/// Refuses a compound file (`.xls`) whose sector chains point past its end, into its last,
/// partial sector, or round in a loop: calamine 0.38 panics on the first two and loops for
/// ever on the third, where it should say the file is damaged (tests/hostile_input.rs). Every
/// chain calamine may follow is followed here first, without reading any stream.
fn check_cfb(bytes: &[u8]) -> Result<(), ProblemKind> {
    // Sector numbers from here up mark the end of a chain or a free sector.
    const MARKS: u32 = 0xFFFF_FFFA;
    const END: u32 = 0xFFFF_FFFE;
    let damaged = || ProblemKind::DamagedWorkbook(Damage::PartList);
    let words = |part: &[u8]| -> Vec<u32> {
        part.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
    };
    let Some(header) = bytes.get(..512) else {
        return Ok(()); // calamine says it is too short itself
    };
    let (size, start) = match header[30] {
        9 => (512, 512),
        12 => (4096, 4096),
        _ => return Ok(()), // calamine refuses any other sector size itself
    };
    let head = words(header);
    let whole = bytes.len().saturating_sub(start) / size;
    let sector = |id: u32| -> Result<&[u8], ProblemKind> {
        let at = start + id as usize * size;
        if (id as usize) < whole {
            Ok(&bytes[at..at + size])
        } else {
            Err(damaged())
        }
    };
    // The sectors of the allocation table: listed in the header, then in a chain of sectors
    // each ending with the next one's number.
    let mut listed = head[19..].to_vec();
    let mut next = head[17];
    for _ in 0..=whole {
        if next >= MARKS {
            break;
        }
        listed.extend(words(sector(next)?));
        next = listed.pop().unwrap_or(END);
    }
    if next < MARKS {
        return Err(damaged());
    }
    let mut table = Vec::new();
    for id in listed.into_iter().filter(|&id| id < 0xFFFF_FFFC) {
        table.extend(words(sector(id)?));
    }
    // A chain's sectors, each one inside the file and the table, and no loop.
    let chain = |first: u32, table: &[u32], limit: usize| -> Result<Vec<u32>, ProblemKind> {
        let (mut id, mut ids) = (first, Vec::new());
        while id != END {
            if id as usize >= limit || ids.len() >= limit {
                return Err(damaged());
            }
            ids.push(id);
            id = table[id as usize];
        }
        Ok(ids)
    };
    let limit = whole.min(table.len());
    let mut directory = Vec::new();
    for id in chain(head[12], &table, limit)? {
        directory.extend_from_slice(sector(id)?);
    }
    let entries: Vec<(u32, u64)> = directory
        .chunks_exact(128)
        .map(|e| (words(&e[116..120])[0], u64::from_le_bytes(e[120..128].try_into().unwrap_or_default())))
        .map(|(first, len)| (first, if size == 512 { len & 0xFFFF_FFFF } else { len }))
        .collect();
    let Some(&(root_first, root_len)) = entries.first() else {
        return Ok(()); // calamine says the directory is empty itself
    };
    // Streams under 4,096 bytes live in 64-byte sectors of the root's stream, with a table of
    // their own.
    let (mut mini_table, mut mini_limit) = (Vec::new(), 0);
    if head[16] > 0 {
        let root = chain(root_first, &table, limit)?;
        let mut bytes_of_table = Vec::new();
        for id in chain(head[15], &table, limit)? {
            bytes_of_table.extend_from_slice(sector(id)?);
        }
        bytes_of_table.truncate(head[16] as usize * size);
        mini_table = words(&bytes_of_table);
        mini_limit = (root_len.min((root.len() * size) as u64) / 64).min(mini_table.len() as u64) as usize;
    }
    for &(first, len) in &entries[1..] {
        let fits = u32::try_from(len).is_ok();
        let ok = match len {
            // calamine reads the first sector even of an empty stream.
            0 => first == 0 || first >= MARKS || (first as usize) < mini_limit,
            1..4096 => chain(first, &mini_table, mini_limit).is_ok(),
            _ => fits && chain(first, &table, limit).is_ok(),
        };
        if !ok {
            return Err(damaged());
        }
    }
    // The workbook stream, gathered from its sectors (or the root's small sectors).
    let named = |e: &[u8], name: &str| {
        let units: Vec<u16> = e[..64].chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
        String::from_utf16_lossy(&units).trim_end_matches('\0').eq_ignore_ascii_case(name)
    };
    let Some(&(first, len)) = directory
        .chunks_exact(128)
        .zip(&entries)
        .skip(1)
        .find(|(e, _)| named(e, "Workbook") || named(e, "Book"))
        .map(|(_, entry)| entry)
    else {
        return Ok(());
    };
    let mut stream = Vec::new();
    if len >= 4096 {
        for id in chain(first, &table, limit)? {
            stream.extend_from_slice(sector(id)?);
        }
    } else if len > 0 {
        let mut root = Vec::new();
        for id in chain(root_first, &table, limit)? {
            root.extend_from_slice(sector(id)?);
        }
        for id in chain(first, &mini_table, mini_limit)? {
            stream.extend_from_slice(&root[id as usize * 64..id as usize * 64 + 64]);
        }
    }
    stream.truncate(len as usize);
    check_dimensions(&stream).ok_or(ProblemKind::DamagedWorkbook(Damage::SheetTooLarge))?;
    check_spans(&stream).ok_or(ProblemKind::TooLarge(TooLarge::Spans))
}

/// calamine holds each sheet of an .xls as a full grid from its first cell to its last, for
/// every sheet at once, so two values far apart cost half a gigabyte and many sheets many
/// times that. The grids together may span as many cells as one full-size sheet.
fn check_spans(stream: &[u8]) -> Option<()> {
    let u16_at = |bytes: &[u8], i: usize| u32::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let span =
        |b: (u32, u32, u32, u32)| if b.0 > b.1 { 0 } else { u64::from(b.1 - b.0 + 1) * u64::from(b.3 - b.2 + 1) };
    let empty = (u32::MAX, 0, u32::MAX, 0);
    let (mut open, mut current, mut total) = (Vec::new(), empty, 0u64);
    let mut rest = stream;
    while rest.len() >= 4 {
        let (kind, len) = (u16_at(rest, 0), u16_at(rest, 2) as usize);
        let data = &rest[4..rest.len().min(4 + len)];
        let cells = match kind {
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: one cell.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                Some((u16_at(data, 0), u16_at(data, 2), u16_at(data, 2)))
            }
            // MulRk: a run of cells along a row.
            0x00BD if data.len() >= 6 => Some((u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))),
            _ => None,
        };
        if let Some((row, first, last)) = cells {
            current = (current.0.min(row), current.1.max(row), current.2.min(first), current.3.max(last.max(first)));
        }
        match kind {
            0x0809 => open.push(std::mem::replace(&mut current, empty)),
            0x000A => {
                total += span(current);
                current = open.pop().unwrap_or(empty);
            }
            _ => {}
        }
        if total + span(current) > 65_536 * 256 {
            return None;
        }
        rest = &rest[rest.len().min(4 + len)..];
    }
    Some(())
}

/// calamine reserves room for as many cells as each sheet's DIMENSIONS record claims, before
/// reading any: a damaged record can claim terabytes. No sheet of an .xls is larger than
/// 65,536 rows of 256 columns. The sizes are worked out as calamine works them out.
fn check_dimensions(stream: &[u8]) -> Option<()> {
    let at = |bytes: &[u8], i: usize, wide: bool| -> u32 {
        if wide {
            u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]])
        } else {
            u32::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]))
        }
    };
    let mut rest = stream;
    while rest.len() >= 4 {
        let (kind, len) = (at(rest, 0, false), at(rest, 2, false) as usize);
        let data = &rest[4..rest.len().min(4 + len)];
        if kind == 0x0200 && matches!(data.len(), 10 | 14 | 16) {
            let wide = data.len() != 10;
            let (first_row, rows_end) = (at(data, 0, wide), at(data, if wide { 4 } else { 2 }, wide));
            let columns_at = if wide { 8 } else { 4 };
            let (first_column, columns_end) = (at(data, columns_at, false), at(data, columns_at + 2, false));
            let first_column = if first_column > 0xFF || columns_end < first_column { 0 } else { first_column };
            if rows_end >= 1 && columns_end >= 1 {
                let rows = (rows_end - 1).wrapping_sub(first_row).wrapping_add(1);
                let columns = (columns_end - 1).wrapping_sub(first_column).wrapping_add(1);
                if u64::from(rows) * u64::from(columns) > 65_536 * 256 {
                    return None;
                }
            }
        }
        rest = &rest[rest.len().min(4 + len)..];
    }
    Some(())
}

/// calamine's errors in words an officer can act on.
fn explain(error: impl std::fmt::Display) -> ProblemKind {
    let text = error.to_string();
    let lower = crate::engine::case::lower(&text);
    if lower.contains("password") || lower.contains("encrypt") {
        ProblemKind::PasswordProtected
    } else {
        ProblemKind::DamagedWorkbook(Damage::Reader(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_are_looked_for_without_parsing_the_sheet() {
        let workbook = |merge: bool| {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.write_string(0, 0, "Role").unwrap();
            if merge {
                sheet.merge_range(1, 0, 1, 3, "FTE at 30 September 2025", &rust_xlsxwriter::Format::new()).unwrap();
            }
            book.save_to_buffer().unwrap()
        };
        assert!(has_merged_cells(&workbook(true)));
        assert!(!has_merged_cells(&workbook(false)));
        assert!(has_merged_cells(b"PK\x03\x04 not a zip at all"), "when it cannot tell, calamine looks");
        let grid = read_sheet(&workbook(true), Format::Xlsx, "Sheet1").unwrap();
        assert_eq!(grid.rows[1].cells, ["FTE at 30 September 2025"; 4], "the merge still fills its span");
    }

    #[test]
    fn cells_are_read_as_their_number_format_shows_them() {
        let cases = [
            ("0.0%", 0.071, "7.1%"),
            ("0%", 0.2549, "25.49%"),
            ("0.00%", 0.5, "50%"),
            ("£#,##0", 1000.4, "£1000.4"),
            ("\"£\"#,##0.00", 4137.8, "£4137.8"),
            ("_-[$£-809]* #,##0.00_-;\\-[$£-809]* #,##0.00_-", -12.5, "-£12.5"),
            ("[Red]0.0%;[Red]-0.0%", 0.125, "12.5%"),
            ("#,##0.0", 2412.5, "2412.5"),
            ("General", 0.1 + 0.2, "0.30000000000000004"),
            ("0.0\"%\"", 7.1, "7.1"),
            ("0.0\\%", 7.1, "7.1"),
        ];
        for (code, value, expected) in cases {
            assert_eq!(Shown::of(code).text(value), expected, "{code}");
        }
    }

    #[test]
    fn floats_read_back_exactly() {
        for value in [4.1, 0.1 + 0.2, 87.19, 1e-7, 123456789.125] {
            assert_eq!(float_text(value).parse::<f64>().unwrap(), value);
        }
        assert_eq!(float_text(4.0), "4");
    }

    #[test]
    fn text_and_other_files_are_not_workbooks() {
        assert_eq!(sniff(b"Role,Establishment\n"), None);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), None);
        assert_eq!(sniff(b"PK\x03\x04 truncated"), None);
    }
}
