//! A report table as CSV, for officers who want the figures in a spreadsheet. Cells that a
//! spreadsheet would run as a formula are made inert (OWASP "CSV injection").

use crate::engine::report::Table;

/// The table's caption, header, rows, total and notes as CSV.
///
/// ```
/// use wrb::engine::report::Table;
/// let table = Table { caption: "Table 1: Posts".into(), header: vec!["Role".into(), "FTE".into()],
///     rows: vec![vec!["=HYPERLINK(\"x\")".into(), "-3.00".into()]], total: None, notes: vec![], status_column: None };
/// assert_eq!(wrb::engine::export::csv::table_csv(&table), "Table 1: Posts\nRole,FTE\n\"'=HYPERLINK(\"\"x\"\")\",-3.00\n");
/// ```
pub fn table_csv(table: &Table) -> String {
    let mut out =
        csv::WriterBuilder::new().flexible(true).terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let mut write = |cells: &[String]| {
        let _ = out.write_record(cells.iter().map(|c| inert(c)));
    };
    write(std::slice::from_ref(&table.caption));
    write(&table.header);
    for row in &table.rows {
        write(row);
    }
    if let Some(total) = &table.total {
        write(total);
    }
    for note in &table.notes {
        write(std::slice::from_ref(note));
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A cell a spreadsheet would take for a formula gets a leading apostrophe; plain numbers such
/// as -3.00 are left as they are, so they stay numbers.
fn inert(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell
        .trim_end_matches('%')
        .strip_prefix('-')
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'));
    if risky && !number {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_are_made_inert_and_numbers_are_not() {
        for (cell, expected) in [
            ("=1+1", "'=1+1"),
            ("+44 20 7946 0000", "'+44 20 7946 0000"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rx", "'\rx"),
            ("-3.00", "-3.00"),
            ("-1,234.5", "-1,234.5"),
            ("-4.2%", "-4.2%"),
            ("-", "'-"),
            ("(1.00)", "(1.00)"),
            ("Social Worker", "Social Worker"),
        ] {
            assert_eq!(inert(cell), expected, "{cell:?}");
        }
    }
}
