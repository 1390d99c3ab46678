//! Report tables as an Excel workbook, for officers who work the figures further: one sheet a
//! table, figures as numbers in the report's number style, text always as text. Nothing is
//! ever written as a formula, so a cell that looks like one (`=`, `+`, `-`, `@`) stays words.

use crate::engine::case::lower;
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use crate::engine::report::Table;

/// Excel refuses sheet names longer than this.
const SHEET_NAME_MAX: usize = 31;
/// Column widths in characters: room for a short figure, and no wider than a screen.
const WIDTH: (usize, usize) = (8, 60);

/// One table as a workbook of one sheet.
pub fn table_workbook(table: &Table, title: &str) -> Result<Vec<u8>, String> {
    workbook(std::slice::from_ref(table), title)
}

/// Every table, one sheet each in report order, named from its caption ("Table 1 Key
/// figures"), cut to Excel's 31 characters and made unique.
pub fn workbook(tables: &[Table], title: &str) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    // Created now: natively from the system clock, in the worker from the browser's (the crate's
    // "wasm" feature; SystemTime::now panics on wasm32-unknown-unknown).
    book.set_properties(&DocProperties::new().set_title(title));
    let mut names: Vec<String> = Vec::new();
    for (i, table) in tables.iter().enumerate() {
        let name = sheet_name(&table.caption, i + 1, &names);
        let sheet = book.add_worksheet();
        write_table(sheet, table, &name)
            .map_err(|e| format!("Table \"{}\" could not be written: {e}", table.caption))?;
        names.push(name);
    }
    if tables.is_empty() {
        book.add_worksheet().write_string(0, 0, "This report has no tables.").map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| format!("The workbook could not be made: {e}"))
}

/// The caption and notes as text rows; the header bold and frozen; figures as numbers.
fn write_table(sheet: &mut Worksheet, table: &Table, name: &str) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, &table.caption, &bold)?;
    const HEADER: u32 = 1;
    for (col, text) in table.header.iter().enumerate() {
        sheet.write_string_with_format(HEADER, col as u16, text, &bold.clone().set_text_wrap())?;
    }
    sheet.set_freeze_panes(HEADER + 1, 0)?;
    let mut row = HEADER + 1;
    let body = table.rows.iter().map(|r| (r, false)).chain(table.total.iter().map(|r| (r, true)));
    for (cells, total) in body {
        for (col, text) in cells.iter().enumerate() {
            let format = if total { Format::new().set_bold() } else { Format::new() };
            match figure(text) {
                Some((value, number_format)) => {
                    sheet.write_number_with_format(row, col as u16, value, &format.set_num_format(number_format))?
                }
                None => sheet.write_string_with_format(row, col as u16, text, &format)?,
            };
        }
        row += 1;
    }
    for (i, note) in table.notes.iter().enumerate() {
        sheet.write_string(row + 1 + i as u32, 0, note)?;
    }
    let columns = table.header.len().max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    for col in 0..columns {
        let widest = std::iter::once(&table.header)
            .chain(&table.rows)
            .chain(table.total.iter())
            .filter_map(|r| r.get(col))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0);
        sheet.set_column_width(col as u16, (widest + 2).clamp(WIDTH.0, WIDTH.1) as f64)?;
    }
    Ok(())
}

/// A printed figure read back as a number, with the Excel number format that prints it the same
/// way: "1,234.50", "(3.00)", "31.4%", "£4,137.80", "-£120". Anything else (names, "n/a",
/// "2025/26", "=1+1") is None and stays text.
///
/// ```
/// use wrb::engine::export::xlsx::figure;
/// assert_eq!(figure("1,234.50"), Some((1234.5, "#,##0.00".to_owned())));
/// assert_eq!(figure("(3.00)"), Some((-3.0, "#,##0.00;(#,##0.00)".to_owned())));
/// assert_eq!(figure("31.4%"), Some((0.314, "0.0%".to_owned())));
/// assert_eq!(figure("-£120"), Some((-120.0, "\"£\"#,##0".to_owned())));
/// assert_eq!(figure("2025"), Some((2025.0, "0".to_owned())));
/// assert_eq!(figure("=1+1"), None);
/// assert_eq!(figure("2025/26"), None);
/// ```
pub fn figure(text: &str) -> Option<(f64, String)> {
    let text = text.trim();
    let (text, bracketed) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (text, false),
    };
    let (text, minus) = match text.strip_prefix('-') {
        Some(rest) if !bracketed => (rest, true),
        _ => (text, false),
    };
    let (text, money) = match text.strip_prefix('£') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (digits, percent) = match text.strip_suffix('%') {
        Some(rest) if !money => (rest, true),
        _ => (text, false),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() > 1;
    let well_grouped = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || !groups.iter().all(|g| !g.is_empty() && all_digits(g))
        || (grouped && !well_grouped)
        || !all_digits(fraction)
        || (digits.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let magnitude: f64 =
        format!("{}.{}", groups.concat(), if fraction.is_empty() { "0" } else { fraction }).parse().ok()?;
    let mut value = if minus || bracketed { -magnitude } else { magnitude };
    let places = if fraction.is_empty() { String::new() } else { format!(".{}", "0".repeat(fraction.len())) };
    let format = if percent {
        value /= 100.0;
        // Rounding again after the division, so 31.4% is 0.314 and not 0.31400000000000006.
        value = (value * 1e12).round() / 1e12;
        format!("0{places}%")
    } else {
        // A figure of four digits or more printed without commas (a year) keeps them off.
        let number = if grouped || magnitude < 1000.0 { format!("#,##0{places}") } else { format!("0{places}") };
        let number = if money { format!("\"£\"{number}") } else { number };
        if bracketed {
            format!("{number};({number})")
        } else {
            number
        }
    };
    Some((value, format))
}

/// A sheet name Excel accepts: no `[ ] : * ? / \`, no apostrophe at either end, at most 31
/// characters, and not one already used (Excel compares them ignoring case).
fn sheet_name(caption: &str, number: usize, taken: &[String]) -> String {
    // "2024/25" reads as "2024-25"; the other characters Excel refuses become spaces.
    let cleaned: String = caption
        .chars()
        .map(|c| match c {
            '/' | '\\' => '-',
            '[' | ']' | ':' | '*' | '?' => ' ',
            // A control character cannot go into the workbook's XML at all.
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches('\'').trim();
    let base = if cleaned.is_empty() { format!("Table {number}") } else { cleaned.to_owned() };
    // Cut at a word's end where there is one, rather than mid-word.
    let cut = |s: &str, max: usize| -> String {
        let mut cut: String = s.chars().take(max).collect();
        if s.chars().nth(max).is_some_and(|c| !c.is_whitespace()) {
            if let Some(space) = cut.rfind(' ').filter(|i| *i > max / 2) {
                cut.truncate(space);
            }
            // "Budgets spent and" reads better as "Budgets spent".
            while let Some((rest, last)) = cut.rsplit_once(' ') {
                if !["and", "or", "to", "from", "of", "by", "with", "the", "a", "in", "for"].contains(&last) {
                    break;
                }
                cut.truncate(rest.len());
            }
        }
        cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | ',' | ';' | '-')).to_owned()
    };
    let mut name = cut(&base, SHEET_NAME_MAX);
    let mut n = 2;
    while taken.iter().any(|t| lower(t) == lower(&name)) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", cut(&base, SHEET_NAME_MAX - suffix.chars().count()));
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::{figure, sheet_name};

    #[test]
    fn printed_figures_read_back_as_numbers() {
        for (text, value, format) in [
            ("87.19", 87.19, "#,##0.00"),
            ("-3.00", -3.0, "#,##0.00"),
            ("1,234", 1234.0, "#,##0"),
            ("£4,137.80", 4137.8, "\"£\"#,##0.00"),
            ("-4.2%", -0.042, "0.0%"),
            ("0", 0.0, "#,##0"),
        ] {
            assert_eq!(figure(text), Some((value, format.to_owned())), "{text}");
        }
        for text in ["", "n/a", "Social Worker", "1,23", "12,3456", "1.", ".5", "+2", "4.2 pp", "--1", "(-1)", "£", "%"]
        {
            assert_eq!(figure(text), None, "{text}");
        }
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        let long = "Table 12: Establishment by role, 2025/26 [draft]?";
        assert_eq!(sheet_name("Table 3: Change from 2024/25 to 2025/26", 3, &[]), "Table 3 Change from 2024-25");
        let first = sheet_name(long, 1, &[]);
        assert_eq!(first, "Table 12 Establishment by role");
        assert_eq!(sheet_name("Table 2: Role, grade", 2, &[]), "Table 2 Role, grade");
        assert!(first.chars().count() <= 31);
        let second = sheet_name(long, 2, std::slice::from_ref(&first));
        assert_eq!(second, "Table 12 Establishment (2)");
        assert_eq!(sheet_name("'''", 3, &[]), "Table 3");
        assert_eq!(sheet_name("TABLE 1", 4, &["table 1".to_owned()]), "TABLE 1 (2)");
    }
}
