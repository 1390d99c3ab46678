//! Inputs the fuzzers (scripts/fuzz.sh) found that broke the engine, each small and written
//! out here, so the fault cannot come back.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::number::{read_entry, NotANumber};
use wrb::engine::import::{load, Damage, Input, ProblemKind};

/// fuzz target `number`: 309 digits and more parse as infinity, which was taken as a figure and
/// then summed into totals and rates.
#[test]
fn a_figure_too_long_to_hold_is_not_a_number() {
    for cell in ["9".repeat(309), format!("£{},000.00", "9".repeat(320)), format!("({})", "1".repeat(400))] {
        assert_eq!(read_entry(&cell), Err(NotANumber), "{cell}");
    }
    // The largest that fits is still a number.
    assert!(read_entry(&"9".repeat(308)).is_ok());
}

/// Sector numbers that mark a sector of the allocation table, and the end of a chain.
const FAT: u32 = 0xFFFF_FFFD;
const END: u32 = 0xFFFF_FFFE;

/// A compound file (the container of an `.xls`) with 512-byte sectors: the header, sector 0
/// holding the allocation table `fat`, sector 1 the directory with its root and `stream` (a
/// name, first sector and length), then `tail`. The header lists the table's sectors as
/// `fat_sectors`.
fn compound_file(fat_sectors: &[u32], fat: &[u32], stream: Option<(&str, u32, u32)>, tail: &[u8]) -> Vec<u8> {
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let mut put = |at: usize, bytes: &[u8]| header[at..at + bytes.len()].copy_from_slice(bytes);
    put(24, &[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]); // version 3, 512-byte and 64-byte sectors
    put(44, &(fat_sectors.len() as u32).to_le_bytes());
    put(48, &1u32.to_le_bytes()); // the directory starts at sector 1
    put(56, &4096u32.to_le_bytes());
    put(60, &0xFFFF_FFFEu32.to_le_bytes()); // no small-stream table
    put(68, &0xFFFF_FFFEu32.to_le_bytes()); // no further list of table sectors
    for i in 0..109 {
        put(76 + 4 * i, &fat_sectors.get(i).copied().unwrap_or(0xFFFF_FFFF).to_le_bytes());
    }
    let mut table: Vec<u8> = fat.iter().flat_map(|n| n.to_le_bytes()).collect();
    table.resize(512, 0xFF);
    let mut directory = vec![0u8; 512];
    let entries = [("Root Entry", 5, 0xFFFF_FFFE, 0)].into_iter().chain(stream.map(|(n, s, l)| (n, 2, s, l)));
    for (entry, (name, kind, first, len)) in directory.chunks_mut(128).zip(entries) {
        for (i, unit) in name.encode_utf16().enumerate() {
            entry[2 * i..2 * i + 2].copy_from_slice(&unit.to_le_bytes());
        }
        entry[64] = 2 * name.len() as u8 + 2; // the name's length in bytes, with its terminating zero
        entry[66] = kind;
        entry[116..120].copy_from_slice(&u32::to_le_bytes(first));
        entry[120..124].copy_from_slice(&u32::to_le_bytes(len));
    }
    [header, table, directory, tail.to_vec()].concat()
}

/// fuzz target `file_xls`: a workbook whose table of sectors points into its last sector, cut
/// short, or past its end, or whose chains go beyond the table or round in a loop. calamine
/// panicked on the first three (a slice of 7 bytes read as 4-byte numbers; a slice ending
/// before it starts; an index past the table) and grew the directory for ever on the last.
#[test]
fn a_workbook_whose_sectors_point_nowhere_is_damaged_not_a_panic() {
    let cases: [(&str, Vec<u8>); 4] = [
        ("into the last sector, cut short", compound_file(&[0, 2], &[FAT, END], None, b"partial")),
        ("past the end", compound_file(&[0, 3], &[FAT, END], None, b"partial")),
        ("beyond the table", compound_file(&[0], &[FAT, 200], None, &[0; 210 * 512])),
        ("round in a loop", compound_file(&[0], &[FAT, 1], None, b"")),
    ];
    for (what, bytes) in cases {
        let problem = load(Input::File { name: "establishment.xls", bytes: &bytes, sheet: None }).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "establishment.xls: The workbook is damaged: its list of where its parts are is broken (it points \
             outside the file, or round in a loop), so it cannot be read. Open it in Excel and save a copy.",
            "{what}"
        );
    }
    // The same file, whole and sound, opens (and has no sheets).
    let sound = compound_file(&[0], &[FAT, END], None, b"");
    let problem = load(Input::File { name: "empty.xls", bytes: &sound, sheet: None }).unwrap_err();
    assert_ne!(problem.kind, ProblemKind::DamagedWorkbook(Damage::PartList), "{problem}");
}

/// An `.xls` whose workbook stream is `stream` (4,096 bytes at most, filled out with empty
/// records to fill sectors 2 to 9).
fn workbook_with_stream(mut stream: Vec<u8>) -> Vec<u8> {
    stream.resize(4096, 0);
    let fat = [FAT, END, 3, 4, 5, 6, 7, 8, 9, END];
    compound_file(&[0], &fat, Some(("Workbook", 2, 4096)), &stream)
}

/// What loading an `.xls` whose workbook stream is `stream` says is wrong.
fn workbook_stream_problem(stream: Vec<u8>) -> String {
    let bytes = workbook_with_stream(stream);
    load(Input::File { name: "establishment.xls", bytes: &bytes, sheet: None }).unwrap_err().to_string()
}

/// The end-to-end tests upload this file: in the browser, where a panic aborts the import
/// worker, it checks that the page is told at once.
const RECORD_TOO_SHORT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/record-too-short.xls");

/// fuzz target `file_xls`: a record shorter than its kind needs (a FilePass record of one byte,
/// where calamine reads two) panicked calamine while it listed the sheets.
#[test]
fn a_workbook_record_too_short_for_its_kind_is_damaged_not_a_panic() {
    // A one-byte FilePass record.
    let stream = vec![0x2F, 0x00, 0x01, 0x00, 0x00];
    assert_eq!(
        workbook_stream_problem(stream.clone()),
        "establishment.xls: The workbook is damaged: part of it is not laid out as a workbook's should be, so it \
         cannot be read. Open it in Excel and save a copy."
    );
    assert!(
        std::fs::read(RECORD_TOO_SHORT).is_ok_and(|fixture| fixture == workbook_with_stream(stream)),
        "{RECORD_TOO_SHORT} is this workbook: write it again with these bytes"
    );
}

/// fuzz target `file_xlsx`: a cell reference of many letters overflowed calamine's column
/// arithmetic, a panic where overflow is checked (debug builds, wfr and these tests) and a
/// wrong column where it is not.
#[test]
fn a_cell_reference_of_many_letters_is_not_a_panic() {
    use std::io::{Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Role").unwrap();
    sheet.write_number(0, 1, 4.0).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book.save_to_buffer().unwrap())).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = String::from_utf8_lossy(part.name_raw()).into_owned();
        let mut text = Vec::new();
        part.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            text = String::from_utf8(text).unwrap().replace("r=\"B1\"", "r=\"ZZZZZZZZZZZZZZZZB1\"").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&text).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    match load(Input::File { name: "wide.xlsx", bytes: &bytes, sheet: None }) {
        Ok(loaded) => assert_eq!(loaded.rows[0].cells[0], "Role"),
        Err(problem) => assert!(matches!(problem.kind, ProblemKind::DamagedWorkbook(_)), "{problem}"),
    }
}

/// fuzz target `project`: a project file whose project claimed a newer format than the file
/// opened, and saving it wrote that newer format at the top, so the saved draft would not
/// open again.
#[test]
fn a_project_newer_inside_than_its_file_says_is_refused_as_newer() {
    use wrb::engine::model::SCHEMA_VERSION;
    use wrb::engine::saved::{open, save, OpenError};
    let mut file: serde_json::Value = serde_json::from_str(&save(&wrb::engine::sample::sample_project())).unwrap();
    file["project"]["schema_version"] = (SCHEMA_VERSION + 1).into();
    let error = open(&file.to_string()).unwrap_err();
    assert_eq!(error, OpenError::Newer { version: u64::from(SCHEMA_VERSION + 1) });
    assert!(
        error.to_string().starts_with(&format!(
            "This project was saved by a newer version of Workforce Report Builder (project format {})",
            SCHEMA_VERSION + 1
        )),
        "{error}"
    );
}

/// fuzz target `file_xls`: a sheet's DIMENSIONS record claiming billions of cells made calamine
/// reserve room for them all (24 GB) before reading any.
#[test]
fn a_workbook_sheet_claiming_billions_of_cells_is_damaged_not_out_of_memory() {
    let record = |kind: u16, data: &[u8]| [&kind.to_le_bytes()[..], &(data.len() as u16).to_le_bytes(), data].concat();
    let bof = |kind: u8| record(0x0809, &[0, 6, kind, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The workbook's globals name one sheet, which starts at byte 41; the sheet's DIMENSIONS
    // record claims rows 0 to 4,000,000,000 and columns 0 to 255.
    let sheet_list = record(0x0085, &[&41u32.to_le_bytes()[..], &[0, 0, 5, 0], b"Sheet"].concat());
    let dimensions =
        record(0x0200, &[&0u32.to_le_bytes()[..], &4_000_000_000u32.to_le_bytes(), &[0, 0, 0, 1, 0, 0]].concat());
    let stream = [bof(0x05), sheet_list, record(0x000A, &[]), bof(0x10), dimensions, record(0x000A, &[])].concat();
    assert_eq!(stream[41..43], [0x09, 0x08], "the sheet starts where the list says");
    assert_eq!(
        workbook_stream_problem(stream),
        "establishment.xls: The workbook is damaged: one of its sheets says it is larger than any .xls sheet can \
         be, so it cannot be read. Open it in Excel and save a copy."
    );
}

/// fuzz target `file_xls` (a timeout): calamine holds each sheet as a full grid from its first
/// cell to its last, so sheets of two values at opposite corners cost half a gigabyte each.
#[test]
fn a_workbook_whose_sheets_span_too_many_cells_is_refused() {
    let record = |kind: u16, data: &[u8]| [&kind.to_le_bytes()[..], &(data.len() as u16).to_le_bytes(), data].concat();
    let bof = |kind: u8| record(0x0809, &[0, 6, kind, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // A number at A1 and at IV65536: the whole of a sheet.
    let number =
        |row: u16, column: u16| record(0x0203, &[&row.to_le_bytes()[..], &column.to_le_bytes(), &[0; 10]].concat());
    let corners = [bof(0x10), number(0, 0), number(65_535, 255), record(0x000A, &[])].concat();
    let one = [bof(0x05), record(0x000A, &[]), corners.clone()].concat();
    let two = [one.clone(), corners].concat();
    assert!(!workbook_stream_problem(one).contains("span"), "one full-size sheet is still read");
    assert_eq!(
        workbook_stream_problem(two),
        "establishment.xls: The workbook's sheets span more cells than this tool can hold (a value far from a \
         table makes a sheet span all the cells between). Delete stray values in Excel, or copy the table into a \
         new workbook."
    );
}
