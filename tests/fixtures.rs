//! The workbook fixture the end-to-end tests upload, made by `write_fixtures` and checked here.
//! Rebuild it with `cargo test --test fixtures -- --ignored write_fixtures`.
#![cfg(not(target_arch = "wasm32"))]

use rust_xlsxwriter::{Format, Formula, Workbook};
use wrb::engine::import::{read_input, Reading};
use wrb::engine::model::{Entry, Field, Origin, RawInput, TableInput};

const ESTABLISHMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/establishment-2025.xlsx");

/// Northshire's establishment as an HR lead keeps it: a cover sheet first, a hidden workings
/// sheet, and the table starting at B3 under a merged title, with officers' own headings and a
/// formula total.
#[test]
#[ignore = "writes the fixture; run by hand"]
fn write_fixtures() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Cover")
        .unwrap()
        .write_string(0, 0, "Workforce establishment, for the scrutiny paper")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Establishment").unwrap();
    sheet
        .merge_range(0, 1, 0, 6, "Children's social care establishment at 30 September 2025", &Format::new().set_bold())
        .unwrap();
    let headings = ["Role", "Budgeted FTE", "In post", "Locum", "Vacancies", "(Over)/under establishment"];
    for (c, heading) in headings.iter().enumerate() {
        sheet.write_string(2, 1 + c as u16, *heading).unwrap();
    }
    let rows: [(&str, [f64; 5]); 5] = [
        ("Team Manager", [8.0, 6.0, 2.0, 2.0, 0.0]),
        ("Advanced Practitioner", [5.0, 4.0, 0.0, 1.0, 1.0]),
        ("Senior Social Worker", [14.0, 10.0, 3.0, 4.0, 1.0]),
        ("Social Worker", [38.5, 26.5, 13.0, 12.0, -1.0]),
        ("Family Support Worker", [12.0, 11.0, 0.0, 1.0, 1.0]),
    ];
    for (r, (role, figures)) in rows.iter().enumerate() {
        let row = 3 + r as u32;
        sheet.write_string(row, 1, *role).unwrap();
        for (c, value) in figures.iter().enumerate() {
            sheet.write_number(row, 2 + c as u16, *value).unwrap();
        }
    }
    sheet.write_string(8, 1, "Total").unwrap();
    for (c, (column, total)) in [("C", "77.5"), ("D", "57.5"), ("E", "18"), ("F", "20"), ("G", "2")].iter().enumerate()
    {
        sheet
            .write_formula(8, 2 + c as u16, Formula::new(format!("=SUM({column}4:{column}8)")).set_result(*total))
            .unwrap();
    }
    let workings = book.add_worksheet().set_name("Workings").unwrap();
    workings.write_string(0, 0, "scratch").unwrap();
    workings.set_hidden(true);
    book.save(ESTABLISHMENT).unwrap();
}

fn read(sheet: Option<&str>) -> Reading {
    let input = TableInput {
        period: String::new(),
        source: String::new(),
        origin: Origin::Uploaded,
        raw: RawInput::File {
            name: "establishment-2025.xlsx".into(),
            bytes: std::fs::read(ESTABLISHMENT).unwrap().into(),
        },
        sheet: sheet.map(str::to_owned),
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    };
    read_input(&input, &Default::default())
}

#[test]
fn the_establishment_fixture_is_as_described() {
    let reading = read(None);
    let loaded = reading.loaded.as_ref().unwrap();
    let sheets: Vec<(&str, bool)> = loaded.sheets.iter().map(|s| (s.name.as_str(), s.visible)).collect();
    assert_eq!(sheets, [("Cover", true), ("Establishment", true), ("Workings", false)]);
    assert_eq!(loaded.sheet.as_deref(), Some("Establishment"));
    let table = reading.outcome.unwrap().establishment().unwrap().table.clone();
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.rows[3].get(Field::OverUnder), Some(Entry::Number(-1.0)));
    assert_eq!(table.stated_total.unwrap().get(Field::Establishment), Some(Entry::Number(77.5)));
    assert!(read(Some("Cover")).outcome.is_err());
}
