//! What every fuzz target checks of the engine's answers, beyond "it did not panic": rows keep
//! their source lines in order, every problem prints and names the file it came from, and a
//! table read has its rows from the source.

use wrb::engine::import::{self, grid::GridRow, Loaded, Problem, Reading};
use wrb::engine::model::{ColumnMapping, ColumnUse, Field, Origin, RawInput, TableInput};

/// libFuzzer's panic hook aborts on every panic, even one the engine catches. The engine
/// catches calamine's (`spreadsheet::guarded`, since calamine panics on some damaged files), so
/// the workbook targets put back the default hook: a panic that escapes the engine still ends
/// the run, through libfuzzer-sys's own catch, while calamine's known ones become messages as
/// they do in wfr. (The browser's worker aborts on them instead; see the run logs' findings.)
pub fn tolerate_guarded_panics() {
    drop(std::panic::take_hook());
}

/// Rows are numbered from 1 and never go backwards.
pub fn check_rows(rows: &[GridRow]) {
    let mut previous = 0;
    for row in rows {
        assert!(row.line >= 1, "row numbered 0: {row:?}");
        assert!(row.line >= previous, "row {} after row {previous}", row.line);
        previous = row.line;
    }
}

/// A problem prints, says something, and names its file first when it has one.
pub fn check_problem(problem: &Problem) {
    let text = problem.to_string();
    assert!(!problem.message.trim().is_empty(), "a problem with no message: {problem:?}");
    if let Some(file) = &problem.file {
        assert!(text.starts_with(file.as_str()), "{text:?} does not start with the file name {file:?}");
    }
    if let Some(line) = problem.line {
        assert!(line >= 1, "a problem at row 0: {problem:?}");
    }
}

/// What a load gave: rows in order, the file named, the sheet one of the workbook's.
pub fn check_loaded(name: Option<&str>, loaded: &Result<Loaded, Problem>) {
    match loaded {
        Ok(loaded) => {
            check_rows(&loaded.rows);
            assert_eq!(loaded.file.as_deref(), name);
            if let Some(sheet) = &loaded.sheet {
                assert!(loaded.sheets.iter().any(|s| &s.name == sheet), "sheet {sheet:?} not listed");
            }
        }
        Err(problem) => {
            check_problem(problem);
            assert_eq!(problem.file.as_deref(), name, "{problem:?}");
        }
    }
}

/// Header finding and typing on loaded rows, guessed and then with mappings an officer (or a
/// hostile project file) could set; `choice` picks the mappings.
pub fn check_reading(raw: RawInput, loaded: Result<Loaded, Problem>, choice: &[u8]) {
    let mut input = TableInput {
        period: String::new(),
        source: String::new(),
        origin: Origin::Uploaded,
        raw,
        sheet: None,
        mapping: None,
        skip_unreadable: choice.first().is_some_and(|b| b & 1 == 1),
    };
    let reading = import::read_loaded(&input, loaded.clone(), &Default::default());
    check_outcome(&input, &reading);
    if let Ok(rows) = loaded.as_ref().map(|l| &l.rows) {
        // The other readers the report uses on the same rows.
        for result in [
            import::staff::read_staff_list(rows).err(),
            import::dfe::read_indicators(rows).err(),
            import::dfe::read_neighbours(rows).err(),
            import::pipeline_tables::read_cohorts(rows).err(),
            import::pipeline_tables::read_campaigns(rows).err(),
            import::pipeline_tables::read_budget(rows).err(),
        ]
        .into_iter()
        .flatten()
        {
            result.iter().for_each(check_problem);
        }
        // The mapping the officer gets by choosing a row as the headings.
        if let Some(row) = rows.get(choice.get(1).copied().unwrap_or(0) as usize % rows.len().max(1)) {
            input.mapping = Some(import::establishment::mapping_for_row(row));
            check_outcome(&input, &import::read_loaded(&input, loaded.clone(), &Default::default()));
        }
        // Any mapping at all, as a project file can hold.
        if choice.len() > 3 {
            let header_line = rows.get(choice[2] as usize % rows.len().max(1)).map_or(1, |r| r.line);
            let columns = choice[3..].iter().take(64).map(|b| ColumnUse::CHOICES[*b as usize % 7]).collect();
            input.mapping = Some(ColumnMapping { header_line, columns });
            check_outcome(&input, &import::read_loaded(&input, loaded, &Default::default()));
        }
    }
}

fn check_outcome(input: &TableInput, reading: &Reading) {
    match &reading.outcome {
        Ok(read) => {
            let rows = &reading.loaded.as_ref().expect("a table read from rows that did not load").rows;
            assert!(!read.table.rows.is_empty(), "a table with no rows was accepted");
            assert!(!read.table.columns.is_empty(), "a table with no figure columns was accepted");
            for row in read.table.rows.iter().chain(&read.table.stated_total).chain(&read.table.stated_subtotals) {
                assert!(rows.iter().any(|r| r.line == row.line), "row {} is not in the source", row.line);
                for field in Field::ALL {
                    if let Some(wrb::engine::model::Entry::Number(n)) = row.get(field) {
                        assert!(n.is_finite(), "{field:?} of row {} is {n}", row.line);
                    }
                }
            }
            if !input.skip_unreadable {
                assert!(read.skipped.is_empty(), "rows were skipped without being asked");
            }
            read.skipped.iter().for_each(check_problem);
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "refused with no reason");
            problems.iter().for_each(check_problem);
        }
    }
}

/// A file's bytes loaded under a name (and then each of its first sheets by name), checked.
pub fn check_file(name: &str, bytes: &[u8], choice: &[u8]) {
    let loaded = import::load(import::Input::File { name, bytes, sheet: None });
    check_loaded(Some(name), &loaded);
    if let Ok(first) = &loaded {
        for sheet in first.sheets.iter().take(3) {
            let again = import::load(import::Input::File { name, bytes, sheet: Some(&sheet.name) });
            check_loaded(Some(name), &again);
            if let Ok(again) = again {
                assert_eq!(again.sheet.as_deref(), Some(sheet.name.as_str()));
            }
        }
    }
    check_reading(RawInput::File { name: name.to_owned(), bytes: bytes.into() }, loaded, choice);
}

/// The input's last few bytes, which also choose the options (skip unreadable rows, which
/// mapping), so a seed file is used whole.
pub fn choice(data: &[u8]) -> &[u8] {
    &data[data.len().saturating_sub(16)..]
}
