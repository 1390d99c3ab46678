//! Files as officers have them: the public suites in ../shared/testdata (read in place, never
//! copied), and workbooks made here the way Excel users lay out establishment tables.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Formula, Workbook};
use wrb::engine::import::establishment::{guess_mapping, read_mapped};
use wrb::engine::import::{load, Input, Loaded};
use wrb::engine::model::{ColumnUse, Entry, Field};

/// The shared test data, or `None` with a notice when it is not beside this checkout.
fn shared(folder: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata").join(folder);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("notice: {} is absent; skipping this test", path.display());
        None
    }
}

fn load_file(path: &Path) -> Result<Loaded, String> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    load(Input::File { name, bytes: &bytes, sheet: None }).map_err(|p| p.to_string())
}

fn cells(loaded: &Loaded) -> Vec<Vec<String>> {
    loaded.rows.iter().map(|r| r.cells.clone()).collect()
}

#[test]
fn csv_spectrum_parses_as_its_expected_json() {
    let Some(dir) = shared("csv-spectrum") else {
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.join("csvs")).unwrap() {
        let csv_path = entry.unwrap().path();
        let name = csv_path.file_stem().unwrap().to_str().unwrap().to_owned();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("json").join(format!("{name}.json"))).unwrap()).unwrap();
        // One case holds its single record as an object rather than a list of one.
        let expected: Vec<serde_json::Map<String, serde_json::Value>> = match json {
            serde_json::Value::Array(records) => records.into_iter().map(|r| r.as_object().unwrap().clone()).collect(),
            serde_json::Value::Object(record) => vec![record],
            other => panic!("{name}: unexpected JSON {other}"),
        };
        let loaded = load_file(&csv_path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let rows = cells(&loaded);
        if expected.is_empty() {
            assert!(rows.len() <= 1, "{name}: {rows:?}");
            checked += 1;
            continue;
        }
        let header = &rows[0];
        let got: Vec<serde_json::Map<String, serde_json::Value>> = rows[1..]
            .iter()
            .map(|row| header.iter().cloned().zip(row.iter().map(|c| serde_json::Value::String(c.clone()))).collect())
            .collect();
        let (mut got, mut expected) = (got, expected);
        if !std::fs::read(&csv_path).unwrap().contains(&b'\r') {
            // Erratum in this copy: a *_crlf.csv saved with LF endings cannot hold the CRs its JSON expects.
            for value in expected.iter_mut().flat_map(|r| r.values_mut()) {
                if let serde_json::Value::String(text) = value {
                    *text = text.replace("\r\n", "\n");
                }
            }
        }
        if name == "location_coordinates" {
            // Erratum in the suite: its JSON gives a different phone number from its CSV.
            for record in got.iter_mut().chain(expected.iter_mut()) {
                record.remove("Contact Phone Number");
            }
        }
        assert_eq!(got, expected, "{name}");
        checked += 1;
    }
    assert_eq!(checked, 12, "every csv-spectrum case is checked");
}

#[test]
fn csvlint_line_endings_and_bad_bytes_are_read() {
    let Some(dir) = shared("csvlint") else { return };
    let reference = cells(&load_file(&dir.join("lf-line-endings.csv")).unwrap());
    assert_eq!(reference[0], ["Foo", "Bsr", "Baz"]);
    assert_eq!(reference.len(), 3);
    for name in ["crlf-line-endings.csv", "inconsistent-line-endings.csv", "inconsistent-line-endings-unquoted.csv"] {
        let rows = cells(&load_file(&dir.join(name)).unwrap());
        assert_eq!(rows, reference, "{name} reads as the LF file does");
    }
    // Old Mac line endings (CR alone); this fixture spells its second heading "Bar".
    let cr = cells(&load_file(&dir.join("cr-line-endings.csv")).unwrap());
    assert_eq!(cr[0], ["Foo", "Bar", "Baz"]);
    assert_eq!(cr[1..], reference[1..]);
    assert_eq!(cells(&load_file(&dir.join("windows-line-endings.csv")).unwrap()), [["a", "b", "c"], ["d", "e", "f"]]);
    // Bytes that are not UTF-8 fall back to Windows-1252, and the officer is told.
    let bad = load_file(&dir.join("invalid-byte-sequence.csv")).unwrap();
    assert!(bad.notes.iter().any(|n| n.contains("Windows-1252")), "{:?}", bad.notes);
    assert!(!bad.rows.is_empty());
}

#[test]
fn calamine_fixtures_read_or_fail_cleanly() {
    let Some(dir) = shared("calamine") else {
        return;
    };
    let fails = |name: &str| load_file(&dir.join(name)).expect_err(name);

    assert!(fails("pass_protected.xlsx").contains("protected with a password"));
    assert!(fails("too_small.xls").contains("is named .xls but is not a workbook"));
    let dos = fails("issue_594_dos.ods");
    assert!(dos.starts_with("issue_594_dos.ods: The workbook is damaged"), "{dos}");
    // Malformed in another way: it must not crash, whatever it yields.
    let _ = load_file(&dir.join("OOM_alloc.xls"));

    for name in ["date.xlsx", "date.xls", "date.ods", "date_1904.xlsx"] {
        let rows = cells(&load_file(&dir.join(name)).unwrap());
        assert_eq!(rows[0], ["2021-01-01", "15"], "{name}: dates as ISO, the 1904 system applied");
    }

    let merged = cells(&load_file(&dir.join("merge_cells.xlsx")).unwrap());
    assert_eq!(merged[0][..2], ["Row Merge", "Row Merge"], "a merged cell's value fills its span");
    assert_eq!(merged[1][1..4], ["Chunk Merged", "Chunk Merged", "Chunk Merged"]);

    let middle = load_file(&dir.join("temperature-in-middle.xlsx")).unwrap();
    assert_eq!((middle.rows[0].line, &middle.rows[0].cells[1..]), (4, &["label".to_owned(), "value".to_owned()][..]));

    let any = load_file(&dir.join("any_sheets.xlsx")).unwrap();
    let listed: Vec<(&str, bool)> = any.sheets.iter().map(|s| (s.name.as_str(), s.visible)).collect();
    assert_eq!(listed, [("Visible", true), ("Hidden", false), ("VeryHidden", false), ("Chart", true)]);
    assert_eq!(any.sheet.as_deref(), Some("Visible"), "the first visible sheet with something on it");

    let errors = cells(&load_file(&dir.join("errors.xlsx")).unwrap());
    assert_eq!(errors[0], ["#DIV/0!"], "formula errors show as Excel shows them");
}

#[test]
fn dfe_indicators_keep_commas_inside_quoted_names_and_drop_the_bom() {
    let Some(dir) = shared("dfe") else { return };
    let indicators = load_file(&dir.join("csww_indicators_2017_to_2025.csv")).unwrap();
    assert_eq!(indicators.rows[0].cells[0], "time_period");
    let width = indicators.rows[0].cells.len();
    assert!(indicators.rows.len() > 1000);
    assert!(indicators.rows.iter().all(|r| r.cells.len() == width), "every row as wide as the header");
    assert!(indicators.rows.iter().any(|r| r.cells.iter().any(|c| c == "Herefordshire, County of")));

    let neighbours = load_file(&dir.join("statistical_neighbours_2025.csv")).unwrap();
    assert!(!neighbours.rows[0].cells[0].starts_with('\u{feff}'), "the byte-order mark is not part of the heading");
}

/// An establishment workbook as officers lay one out: a title, a merged heading above the
/// table, the table starting at B4, a formula total with its cached value, and a second sheet.
fn establishment_workbook(bad_cell: Option<&str>) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Read me first").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Establishment").unwrap();
    sheet.write_string(0, 1, "Children's social care establishment").unwrap();
    sheet.merge_range(1, 1, 1, 5, "FTE at 30 September 2025", &Format::new()).unwrap();
    for (i, heading) in ["Role", "Establishment", "In post", "Agency", "Vacancies"].iter().enumerate() {
        sheet.write_string(3, 1 + i as u16, *heading).unwrap();
    }
    let rows = [
        ("Team Manager", [9.0, 7.0, 2.0, 2.0]),
        ("Social Worker", [42.69, 27.69, 16.0, 15.0]),
        ("Senior Practitioner", [6.0, 4.5, 0.0, 1.5]),
    ];
    for (r, (role, figures)) in rows.iter().enumerate() {
        let row = 4 + r as u32;
        sheet.write_string(row, 1, *role).unwrap();
        for (c, value) in figures.iter().enumerate() {
            sheet.write_number(row, 2 + c as u16, *value).unwrap();
        }
    }
    if let Some(text) = bad_cell {
        sheet.write_string(6, 4, text).unwrap(); // E7: Senior Practitioner's Agency
    }
    sheet.write_string(7, 1, "Total").unwrap();
    sheet.write_formula(7, 2, Formula::new("=SUM(C5:C7)").set_result("57.69")).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_establishment_workbook_is_found_and_read() {
    let bytes = establishment_workbook(None);
    let loaded = load(Input::File { name: "establishment.xlsx", bytes: &bytes, sheet: None }).unwrap();
    assert_eq!(loaded.sheet.as_deref(), Some("Establishment"), "the sheet holding the table is chosen");
    let mapping = guess_mapping(&loaded.rows).unwrap();
    assert_eq!(mapping.header_line, 4);
    assert_eq!(mapping.columns[1], ColumnUse::Role);
    assert_eq!(mapping.columns[3], ColumnUse::Figure(Field::Permanent), "'In post' is permanent staff");
    let read = read_mapped(&loaded.rows, &mapping, false).unwrap();
    let roles: Vec<&str> = read.table.rows.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["Team Manager", "Social Worker", "Senior Practitioner"]);
    assert_eq!(read.table.rows[1].get(Field::Establishment), Some(Entry::Number(42.69)));
    assert_eq!(
        read.table.stated_total.unwrap().get(Field::Establishment),
        Some(Entry::Number(57.69)),
        "the formula's cached value is the stated total"
    );
}

#[test]
fn a_bad_cell_in_a_workbook_names_file_sheet_row_and_column() {
    let bytes = establishment_workbook(Some("two"));
    let loaded = load(Input::File { name: "establishment.xlsx", bytes: &bytes, sheet: None }).unwrap();
    let mapping = guess_mapping(&loaded.rows).unwrap();
    let problems = read_mapped(&loaded.rows, &mapping, false).unwrap_err();
    let message = problems[0].clone().located(Some("establishment.xlsx"), loaded.sheet.as_deref()).to_string();
    assert_eq!(message, "establishment.xlsx, sheet Establishment, row 7, column E (Agency): 'two' is not a number.");

    // Asked to skip, the rest imports and the skipped row is listed.
    let read = read_mapped(&loaded.rows, &mapping, true).unwrap();
    assert_eq!(read.table.rows.len(), 2);
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.skipped[0].line, Some(7));
}

#[test]
fn a_sheet_can_be_chosen_by_name() {
    let bytes = establishment_workbook(None);
    let notes = load(Input::File { name: "e.xlsx", bytes: &bytes, sheet: Some("Notes") }).unwrap();
    assert_eq!(notes.rows[0].cells, ["Read me first"]);
    let missing = load(Input::File { name: "e.xlsx", bytes: &bytes, sheet: Some("Budget") }).unwrap_err();
    assert_eq!(missing.to_string(), "e.xlsx: The workbook has no sheet called 'Budget'.");
}

#[test]
fn text_files_in_every_encoding_give_the_same_table() {
    let text = "Role\tEstablishment\tAgency cost\nSocial Worker\t10\t£4,137.80\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let windows_1252: Vec<u8> = text.chars().map(|c| if c == '£' { 0xA3 } else { c as u8 }).collect();
    for (name, bytes) in [("utf8.txt", text.as_bytes().to_vec()), ("unicode.txt", utf16), ("excel.csv", windows_1252)] {
        let loaded = load(Input::File { name, bytes: &bytes, sheet: None }).unwrap();
        assert_eq!(loaded.rows[1].cells, ["Social Worker", "10", "£4,137.80"], "{name}");
    }
}

#[test]
fn files_that_are_not_tables_say_what_they_are() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("chart.xlsx", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "chart.xlsx: The file is a PNG image, not a table."),
        ("report.pdf", b"%PDF-1.7\n", "report.pdf: The file is a PDF, not a table. Open it, select the table, copy it and paste it into 'Paste a table'."),
        ("cut.xlsx", b"PK\x03\x04\x14\0\0\0\x08\0", "cut.xlsx: The file is damaged or incomplete: its zip structure cannot be read (it may not have finished downloading or copying). Download or copy it again, or open it in Excel and save a copy."),
        ("binary.csv", &[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3], "binary.csv: The file is not text or a spreadsheet this tool can read."),
    ];
    for (name, bytes, expected) in cases {
        let message = load(Input::File { name, bytes, sheet: None }).unwrap_err().to_string();
        assert_eq!(message, *expected, "{name}");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    bomb.start_file("xl/workbook.xml", options).unwrap();
    bomb.write_all(b"<workbook/>").unwrap();
    bomb.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..24 {
        bomb.write_all(&zeros).unwrap();
    }
    let bytes = bomb.finish().unwrap().into_inner();
    assert!(bytes.len() < 200 * 1024, "24 MB packs small: {} bytes", bytes.len());
    let message = load(Input::File { name: "bomb.xlsx", bytes: &bytes, sheet: None }).unwrap_err().to_string();
    assert!(
        message.starts_with("bomb.xlsx: The file would unpack to far more data than a spreadsheet holds"),
        "{message}"
    );
}

#[test]
fn a_stray_value_far_to_the_right_is_left_out_with_a_note() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Role").unwrap();
    sheet.write_string(0, 1, "Establishment").unwrap();
    sheet.write_string(1, 0, "Social Worker").unwrap();
    sheet.write_number(1, 1, 10.0).unwrap();
    sheet.write_string(1, 16_000, "stray").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let loaded = load(Input::File { name: "wide.xlsx", bytes: &bytes, sheet: None }).unwrap();
    assert_eq!(loaded.rows[1].cells, ["Social Worker", "10"], "the row is as wide as its real cells");
    assert_eq!(
        loaded.notes,
        ["Cells from column ALM onwards were left out (the first is WQK2): only the first 1000 columns are read."]
    );
}
