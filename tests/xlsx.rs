//! Report tables as an Excel workbook, read back with calamine: figures are numbers in the
//! report's number style, words stay words (never formulas), one sheet a table.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use wrb::engine::export::xlsx::{table_workbook, workbook};
use wrb::engine::report::{build_report_reading_files as build_report, Table};
use wrb::engine::sample::sample_project;

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a workbook calamine opens")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    archive.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_string(&mut text).unwrap();
    text
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).expect("the sheet");
    // calamine starts the range at the first cell written; the caption is always A1.
    assert_eq!(range.start(), Some((0, 0)));
    range.rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn every_table_in_the_sample_is_a_sheet_with_numbers_as_numbers() {
    let report = build_report(&sample_project());
    let tables: Vec<Table> = report.tables().cloned().collect();
    assert!(tables.len() >= 3);
    let bytes = workbook(&tables, &report.title_block.title).unwrap();
    let mut book = open(&bytes);
    let names = book.sheet_names();
    assert_eq!(names.len(), tables.len());
    for (name, table) in names.iter().zip(&tables) {
        assert!(name.chars().count() <= 31, "{name}");
        assert!(!name.contains([':', '/', '?', '*', '[', ']', '\\']), "{name}");
        let rows = sheet(&mut book, name);
        assert_eq!(rows[0][0], Data::String(table.caption.clone()));
        let header: Vec<Data> = table.header.iter().map(|h| Data::String(h.clone())).collect();
        assert_eq!(rows[1][..header.len()], header[..]);
        for (printed, read) in table.rows.iter().chain(table.total.iter()).zip(&rows[2..]) {
            for (text, cell) in printed.iter().zip(read) {
                match cell {
                    // The number prints as the report printed it.
                    Data::Float(value) => assert_eq!(reprint(*value, text), *text, "{name}"),
                    Data::String(s) => {
                        assert_eq!(s, text);
                        assert!(wrb::engine::export::xlsx::figure(text).is_none(), "{text} should be a number");
                    }
                    Data::Empty => assert!(text.is_empty()),
                    other => panic!("{name}: {other:?} for {text}"),
                }
            }
        }
        for note in &table.notes {
            assert!(rows.iter().any(|r| r[0] == Data::String(note.clone())), "{note} under the table");
        }
    }
    // The first table holds the establishment's FTE figures as numbers.
    let first = sheet(&mut book, &names[0]);
    let numbers = first.iter().flatten().filter(|c| matches!(c, Data::Float(_))).count();
    assert!(numbers >= 10, "{numbers} numbers in {first:?}");

    // Header rows are frozen and bold; formats are the report's; there are no formulas at all.
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    assert!(!sheet1.contains("<f>"));
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"#,##0.00\""), "{styles}");
    assert!(styles.contains("<b/>"));
    assert!(sheet1.contains("<col min=\"1\" max=\"1\" width=\""), "column widths are set");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Children's social care workforce update</dc:title>"), "{core}");
}

/// A number as the report would print it, from the text's own shape.
fn reprint(value: f64, like: &str) -> String {
    let places = like.split_once('.').map_or(0, |(_, f)| f.trim_end_matches(['%', ')']).len());
    let (value, suffix) = if like.ends_with('%') { (value * 100.0, "%") } else { (value, "") };
    let text = wrb::engine::format::decimal(value.abs(), places);
    let text = if like.contains(',') || value.abs() < 1000.0 { text } else { text.replace(',', "") };
    let text = if like.contains('£') { format!("£{text}") } else { text };
    match (value < 0.0, like.starts_with('(')) {
        (true, true) => format!("({text}{suffix})"),
        (true, false) => format!("-{text}{suffix}"),
        _ => format!("{text}{suffix}"),
    }
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let hostile = ["=1+1", "+44 20 7946 0000", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")"];
    let table = Table {
        caption: "Table 9: Pasted [draft] / checked? with a caption far longer than Excel allows".into(),
        header: vec!["Role".into(), "FTE".into(), "Rate".into(), "Cost".into(), "Over/under".into()],
        rows: hostile
            .iter()
            .map(|h| vec![(*h).to_owned(), "1,234.50".into(), "31.4%".into(), "£4,137.80".into(), "(3.00)".into()])
            .collect(),
        total: Some(vec!["Total".into(), "n/a".into(), "".into(), "-£120".into(), "2.00".into()]),
        notes: vec!["Source: =cmd|' /C calc'!A0".into()],
        status_column: None,
    };
    let bytes = table_workbook(&table, "A report").unwrap();
    let mut book = open(&bytes);
    let names = book.sheet_names();
    assert_eq!(names, vec!["Table 9 Pasted draft - checked"]);
    let rows = sheet(&mut book, &names[0]);
    for (row, text) in rows[2..].iter().zip(hostile) {
        assert_eq!(row[0], Data::String(text.to_owned()));
        assert_eq!(row[1], Data::Float(1234.5));
        assert_eq!(row[2], Data::Float(0.314));
        assert_eq!(row[3], Data::Float(4137.8));
        assert_eq!(row[4], Data::Float(-3.0));
    }
    let total = &rows[2 + hostile.len()];
    assert_eq!(total[1], Data::String("n/a".into()));
    assert_eq!(total[3], Data::Float(-120.0));
    assert!(rows.iter().any(|r| r[0] == Data::String("Source: =cmd|' /C calc'!A0".into())));
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("<f>"), "no formulas");
    let styles = part(&bytes, "xl/styles.xml");
    for format in ["0.0%", "&quot;£&quot;#,##0.00", "#,##0.00;(#,##0.00)"] {
        assert!(styles.contains(&format!("formatCode=\"{format}\"")), "{format} in {styles}");
    }
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused_naming_the_table() {
    let table = Table {
        caption: "Table 4: Updates".into(),
        header: vec!["Update".into()],
        rows: vec![vec!["x".repeat(40_000)]],
        total: None,
        notes: vec![],
        status_column: None,
    };
    let error = table_workbook(&table, "A report").unwrap_err();
    assert!(error.starts_with("Table \"Table 4: Updates\" could not be written:"), "{error}");
}
