//! Every way an input can fail, run through the one way in (`OneTable::load`, as `wfr` and the
//! page read inputs): each gives its kind of problem at its place, and the sentence the officer
//! reads is the kind's own.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;

use wrb::engine::import::{NotATable, Problem, ProblemKind};
use wrb::engine::model::{Field, Origin, RawInput, TableInput, TableKind};
use wrb::engine::tables::OneTable;

fn file(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> TableInput {
    TableInput {
        period: String::new(),
        source: name.into(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name: name.into(), bytes: bytes.into() },
        sheet: sheet.map(str::to_owned),
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    }
}

fn pasted(text: &str) -> TableInput {
    TableInput::pasted(text, "pasted")
}

/// The first problem reading an input gives.
fn first_problem(input: &TableInput) -> Problem {
    let problems = match OneTable::load(input) {
        OneTable::Period(t) => t.read.clone().err(),
        OneTable::Supporting(t) => t.read.clone().err(),
    };
    problems.and_then(|p| p.into_iter().next()).unwrap_or_else(|| panic!("{input:?} read without a problem"))
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Posts").unwrap();
    sheet.write_string(0, 0, "Role").unwrap();
    sheet.write_string(0, 1, "Establishment").unwrap();
    sheet.write_string(1, 0, "Social Worker").unwrap();
    sheet.write_number(1, 1, 3.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn each_failure_has_its_kind_and_its_place() {
    // An Office compound file holding an encrypted package, as Excel writes a password-protected
    // workbook: the marker is enough for the sniffing that names it.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(vec![0; 504]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let staff = "Job title\tFTE\tContract type\tStart date\nSocial Worker\t1\tPermanent\tsoon\n";
    let dfe = "time_period,geographic_level,la_name,inpost_fte,vacancy_fte\n2025,National,,1,2\n";
    // (what, input, kind, row, column)
    let cases: Vec<(&str, TableInput, ProblemKind, Option<usize>, Option<usize>)> = vec![
        ("an empty file", file("posts.csv", Vec::new(), None), ProblemKind::EmptyFile, None, None),
        (
            "a picture",
            file("posts.xlsx", b"\x89PNG\r\n\x1a\n....".to_vec(), None),
            ProblemKind::NotATable(NotATable::Png),
            None,
            None,
        ),
        (
            "a PDF",
            file("paper.csv", b"%PDF-1.7 ...".to_vec(), None),
            ProblemKind::NotATable(NotATable::Pdf),
            None,
            None,
        ),
        (
            "a Word document",
            file("paper.xlsx", zip_of(&[("word/document.xml", b"<w/>")]), None),
            ProblemKind::NotATable(NotATable::OtherZip),
            None,
            None,
        ),
        (
            "a workbook cut short",
            file("posts.xlsx", b"PK\x03\x04 cut".to_vec(), None),
            ProblemKind::DamagedZip,
            None,
            None,
        ),
        (
            "text named as a workbook",
            file("posts.xlsx", b"Role,Establishment\nSocial Worker,3\n".to_vec(), None),
            ProblemKind::NamedAsWorkbook { extension: "xlsx".into() },
            None,
            None,
        ),
        ("a password", file("posts.xlsx", encrypted, None), ProblemKind::PasswordProtected, None, None),
        (
            "a sheet that is not there",
            file("posts.xlsx", workbook(), Some("Vacancies")),
            ProblemKind::NoSuchSheet { sheet: "Vacancies".into() },
            None,
            None,
        ),
        ("no headings", pasted("Notes for the meeting\nthe figures follow\n"), ProblemKind::NoHeadingRow, None, None),
        (
            "cells run together",
            pasted("Age band\tShare of staff\nUnder 256.5%\n25 to 34\t18.2%\n"),
            ProblemKind::RunTogether { cell: "Under 256.5%".into() },
            Some(2),
            Some(0),
        ),
        ("headings only", pasted("Role\tEstablishment\n"), ProblemKind::NoRows, Some(1), None),
        (
            "a word among the figures",
            pasted("Role\tEstablishment\nSocial Worker\tten\n"),
            ProblemKind::NotANumber { cell: "ten".into() },
            Some(2),
            Some(1),
        ),
        (
            "two periods side by side",
            pasted("Role\tEstablishment\tEstablishment\nSocial Worker\t3\t4\n"),
            ProblemKind::FieldRepeated { field: Field::Establishment },
            Some(1),
            Some(2),
        ),
        (
            "the DfE file without its columns",
            pasted(dfe),
            // Which columns are missing is said in full; here, that it is the DfE file's.
            ProblemKind::MissingColumns {
                kind: TableKind::DfeIndicators,
                columns: [
                    "region_name",
                    "old_la_code",
                    "leavers_fte",
                    "agency_fte",
                    "agency_cover_fte",
                    "case_holders_fte",
                    "cases",
                    "vacancy_rate_fte",
                    "agency_rate_fte",
                    "turnover_rate_fte",
                    "caseload_fte",
                ]
                .map(str::to_owned)
                .to_vec(),
            },
            Some(1),
            None,
        ),
        ("a date that is not one", pasted(staff), ProblemKind::NotADate { cell: "soon".into() }, Some(2), Some(3)),
    ];
    for (what, input, kind, line, column) in cases {
        let problem = first_problem(&input);
        assert_eq!(problem.kind, kind, "{what}: {problem}");
        assert_eq!(problem.line, line, "{what}: the row of {problem}");
        assert_eq!(problem.column.as_ref().map(|(c, _)| *c), column, "{what}: the column of {problem}");
        if let RawInput::File { name, .. } = &input.raw {
            assert!(problem.to_string().starts_with(name.as_str()), "{what}: a file's problem names it: {problem}");
        }
    }
}

#[test]
fn a_table_the_report_cannot_take_beside_it_says_what_it_is_not_no_header() {
    // A staff list given as a period's table names what it is rather than "no header row".
    let input = pasted("Employee ID\tRole\tTeam\tFTE\tContract type\tStart date\n1\tSW\tA\t1\tPermanent\t01/04/2020\n");
    let mut project = wrb::engine::sample::sample_project();
    project.tables = vec![input];
    let tables = wrb::engine::tables::ProjectTables::load(&project);
    let problems = tables.periods[0].read.as_ref().unwrap_err();
    assert_eq!(problems[0].kind, ProblemKind::NotAnEstablishmentTable { found: TableKind::StaffList });
}
