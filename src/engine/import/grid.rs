//! Pasted text to a grid of cells that remember where they came from.

/// A row of cells and the line of the source it started on (1-based).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GridRow {
    pub line: usize,
    pub cells: Vec<String>,
}

impl GridRow {
    /// True when every cell is empty or whitespace.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Splits delimited text into rows, guessing the delimiter (see [`consistent_delimiter`]);
/// comma when none is consistent.
///
/// ```
/// let rows = wrb::engine::import::grid::split("Role\tFTE\n\"Team, A\"\t2\n");
/// assert_eq!(rows[1].cells, ["Team, A", "2"]);
/// assert_eq!(rows[1].line, 2);
/// ```
pub fn split(text: &str) -> Vec<GridRow> {
    split_with(text, consistent_delimiter(text).unwrap_or(b','))
}

/// Splits text on one delimiter. Quoted cells may hold the delimiter and line breaks, as Excel
/// writes them.
pub fn split_with(text: &str, delimiter: u8) -> Vec<GridRow> {
    split_noting(text, delimiter).0
}

/// As [`split_with`], saying what the officer should know: a quote mark that opened a cell and
/// never closed (`"Senior practitioner`) would swallow the rows after it into one cell, so
/// where a cell has swallowed whole rows, quote marks are read as written instead. Pipes
/// (`| a | b |`, as web and markdown tables copy) lose their outer empty cells and rule rows.
pub fn split_noting(text: &str, delimiter: u8) -> (Vec<GridRow>, Vec<String>) {
    let mut notes = Vec::new();
    let mut rows = split_quoted(text, delimiter, true);
    if let Some(line) = swallowed_rows(&rows, delimiter) {
        rows = split_quoted(text, delimiter, false);
        notes.push(format!(
            "A quote mark in row {line} opens a cell that never closes, so quote marks are read as part of the \
             text rather than as the edges of cells."
        ));
    }
    if delimiter == b'|' {
        rows = without_pipe_edges(rows);
    }
    (rows, notes)
}

/// The line of a row with a cell that holds a line break followed by what looks like a row of
/// its own (the delimiter again): a quote that never closed.
fn swallowed_rows(rows: &[GridRow], delimiter: u8) -> Option<usize> {
    let delimiter = char::from(delimiter);
    rows.iter()
        .find(|r| r.cells.iter().any(|c| c.contains('\n') && c.split('\n').skip(1).any(|l| l.contains(delimiter))))
        .map(|r| r.line)
}

/// `| a | b |` to `a`, `b`; a markdown rule row (`|---|:--:|`) dropped.
fn without_pipe_edges(rows: Vec<GridRow>) -> Vec<GridRow> {
    rows.into_iter()
        .filter(|r| !r.cells.iter().all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | '=' | '+'))))
        .map(|mut r| {
            if r.cells.first().is_some_and(|c| c.trim().is_empty()) && r.cells.len() > 1 {
                r.cells.remove(0);
            }
            if r.cells.last().is_some_and(|c| c.trim().is_empty()) && r.cells.len() > 1 {
                r.cells.pop();
            }
            r.cells = r.cells.into_iter().map(|c| c.trim().to_owned()).collect();
            r
        })
        .collect()
}

fn split_quoted(text: &str, delimiter: u8, quoting: bool) -> Vec<GridRow> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut reader = reader(text, delimiter, quoting);
    // csv's own line count skips line breaks inside quoted cells, so lines are counted from the
    // record's byte offset instead, as the officer would count them in the paste.
    let (mut line, mut counted_to) = (1, 0);
    // The input is a &str, so the reader cannot meet invalid UTF-8 or an I/O error; a record it
    // still refuses ends the grid rather than inventing cells.
    while let Ok(true) = reader.read_record(&mut record) {
        let start = record.position().map_or(counted_to, |p| p.byte() as usize);
        let mut start = start.clamp(counted_to, text.len());
        // The offset csv gives can fall on blank lines it skipped before the record.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to..start].iter().filter(|&&b| b == b'\n').count();
        counted_to = start;
        rows.push(GridRow { line, cells: record.iter().map(str::to_owned).collect() });
    }
    rows
}

/// The delimiter the text's lines agree on: tab (what Excel, Sheets and LibreOffice put on the
/// clipboard), the pipe (tables copied from web pages and markdown), semicolon or comma, chosen when most lines split into the same number (two or
/// more) of cells. `None` for text with no such delimiter, like a table copied out of a PDF,
/// where "1,234.50" holds a comma but the lines do not agree on one.
pub fn consistent_delimiter(text: &str) -> Option<u8> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    [b'\t', b'|', b';', b','].into_iter().find(|&delimiter| {
        let counts: Vec<usize> = reader(text, delimiter, true)
            .records()
            .take(200)
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        let split = counts.iter().filter(|&&n| n >= 2).count();
        let most_common = (2..=counts.iter().copied().max().unwrap_or(0))
            .map(|n| counts.iter().filter(|&&c| c == n).count())
            .max()
            .unwrap_or(0);
        // Tabs and pipes hardly occur in prose, so half the lines will do; commas and
        // semicolons must split most lines, and most of those the same way.
        let enough =
            if matches!(delimiter, b'\t' | b'|') { split * 2 >= counts.len() } else { split * 5 >= counts.len() * 3 };
        split > 0 && enough && most_common * 2 >= split
    })
}

fn reader(text: &str, delimiter: u8, quoting: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .quoting(quoting)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Text whose cells are separated by " / " on every line ("Adults / 2,412 / 240"), with tabs
/// in their place; `None` when the lines do not agree on it (a label may hold " / " itself).
pub fn spaced_slashes_as_tabs(text: &str) -> Option<String> {
    if text.contains('\t') || !text.contains(" / ") {
        return None;
    }
    let counts: Vec<usize> = text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.matches(" / ").count()).collect();
    let split = counts.iter().filter(|&&n| n >= 1).count();
    let most =
        (1..=counts.iter().copied().max().unwrap_or(0)).map(|n| counts.iter().filter(|&&c| c == n).count()).max()?;
    (split * 2 >= counts.len() && most * 2 >= split).then(|| text.replace(" / ", "\t"))
}

/// Rows and columns swapped: each column of the source becomes a row, numbered from 1 as the
/// columns were. Blank rows of the source are left out, so they do not become blank columns.
///
/// ```
/// use wrb::engine::import::grid::{split, transpose};
/// let rows = transpose(&split("Year\t2023\t2024\nSpend\t10\t12\n"));
/// assert_eq!(rows[1].cells, ["2023", "10"]);
/// assert_eq!(rows[1].line, 2);
/// ```
pub fn transpose(rows: &[GridRow]) -> Vec<GridRow> {
    let rows: Vec<&GridRow> = rows.iter().filter(|r| !r.is_blank()).collect();
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (0..width)
        .map(|c| GridRow {
            line: c + 1,
            cells: rows.iter().map(|r| r.cells.get(c).cloned().unwrap_or_default()).collect(),
        })
        .collect()
}

/// Joins a row label wrapped over two lines, as text copied out of Word or a PDF gives it
/// ("Assistant Team" with empty cells, then "Manager" with the figures), and says where. Only
/// under a heading row, and only where the two lines read as one label: the second starts in
/// lower case, or the first ends mid-phrase ("Independent Reviewing", "Team Manager and"), or
/// the second is a single word after a short first line. A line that does not (a sub-heading
/// such as "Fieldwork teams" over "Social Worker") is left as it is.
pub fn join_wrapped_labels(rows: Vec<GridRow>) -> (Vec<GridRow>, Vec<String>) {
    let mut out: Vec<GridRow> = Vec::with_capacity(rows.len());
    let mut notes = Vec::new();
    let mut header_seen = false;
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next() {
        let filled = row.cells.iter().filter(|c| !c.trim().is_empty()).count();
        let label_only =
            filled == 1 && !row.cells[0].trim().is_empty() && super::number::read_figure(&row.cells[0]).is_err();
        if header_seen && label_only {
            if let Some(next) = rows.peek_mut() {
                let first = row.cells[0].trim();
                let rest = next.cells.first().map(|c| c.trim().to_owned()).unwrap_or_default();
                let has_figures = next.cells.iter().skip(1).any(|c| {
                    super::number::read_figure(c)
                        .is_ok_and(|f| matches!(f.entry, crate::engine::model::Entry::Number(_)))
                });
                if has_figures && !rest.is_empty() && reads_as_one(first, &rest) {
                    let joined = format!("{first} {rest}");
                    notes.push(format!(
                        "Rows {} and {}: “{first}” on a line of its own was taken as the start of the label “{joined}”, \
                         wrapped over two lines.",
                        row.line, next.line
                    ));
                    next.cells[0] = joined;
                    next.line = row.line;
                    continue;
                }
            }
        }
        header_seen |= filled >= 2;
        out.push(row);
    }
    (out, notes)
}

/// Whether two lines read as one label broken in two.
fn reads_as_one(first: &str, second: &str) -> bool {
    let last_word = crate::engine::case::lower(first.rsplit(' ').next().unwrap_or(""));
    let ends_mid_phrase = matches!(
        last_word.as_str(),
        "and"
            | "of"
            | "&"
            | "-"
            | "/"
            | "to"
            | "for"
            | "the"
            | "in"
            | "senior"
            | "assistant"
            | "principal"
            | "social"
            | "deputy"
            | "advanced"
            | "independent"
            | "reviewing"
            | "newly"
            | "practice"
            | "family"
            | "child"
            | "children's"
            | "adult"
            | "adults'"
            | "occupational"
    ) || first.ends_with(['-', ',', '/', '&']);
    let starts_lower = second.chars().next().is_some_and(char::is_lowercase);
    let single_word = !second.contains(' ') && first.split(' ').count() <= 3 && !first.ends_with(':');
    ends_mid_phrase || starts_lower || single_word
}

/// Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        for (index, letters) in [(0, "A"), (3, "D"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")] {
            assert_eq!(column_letters(index), letters);
        }
    }

    #[test]
    fn delimiters_are_guessed() {
        let cases: &[(&str, &[&str])] = &[
            ("Role\tFTE\nSocial Worker\t1,234.50\n", &["Social Worker", "1,234.50"]),
            ("Role;FTE\nSocial Worker;1,5\n", &["Social Worker", "1,5"]),
            ("Role,FTE\nSocial Worker,\"1,234.50\"\n", &["Social Worker", "1,234.50"]),
        ];
        for (text, second_row) in cases {
            let rows = split(text);
            assert_eq!(rows.len(), 2, "{text:?}");
            assert_eq!(rows[1].cells, *second_row, "{text:?}");
        }
    }

    #[test]
    fn lines_are_counted_past_quoted_line_breaks_and_blank_lines() {
        let rows = split("Role\tFTE\n\"Assistant Team\nManager\"\t9\n\nSocial Worker\t3\r\n");
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(rows[1].cells[0], "Assistant Team\nManager");
        assert_eq!(lines, [1, 2, 5]);
    }

    #[test]
    fn line_breaks_inside_quoted_cells_are_kept_as_written() {
        let rows = split_with("a,b\r\n\"x\r\ny\",2\r\n", b',');
        assert_eq!(rows[1].cells, ["x\r\ny", "2"]);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(split("\u{feff}Role\tFTE\n")[0].cells[0], "Role");
    }
}
