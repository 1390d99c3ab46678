//! Tables of figures as they come in real papers, one fixture for each shape (written from
//! the shapes officers meet: web tables as pipes, years across, a total row with fewer cells,
//! units in cells, a label wrapped over two lines, cells run together...). Each is read the
//! one way inputs are read (`OneTable::load`, as `wfr` and the page read them), and the tables
//! of figures are then put in a report, to see their table, chart and live figures.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::ProblemKind;
use wrb::engine::model::{Content, DataBlock, Document, GeneralTable, Layout, Project, TableInput, Unit};
use wrb::engine::report::{build_report_reading_files as build_report, html, Block};
use wrb::engine::sample::sample_project;
use wrb::engine::tables::{OneTable, Table};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/general/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn general(name: &str) -> GeneralTable {
    read_as_general(&TableInput::pasted(fixture(name), "fixture"))
}

/// An input read the one way inputs are read, which must give a table of figures.
fn read_as_general(input: &TableInput) -> GeneralTable {
    match OneTable::load(input) {
        OneTable::Supporting(t) => match &t.read {
            Ok(Table::General(table)) => (**table).clone(),
            other => panic!("{}: not a table of figures: {other:?}", input.source),
        },
        OneTable::Period(t) => {
            panic!("{}: read as an establishment table: {:?}", input.source, t.read.as_ref().map(|_| ()))
        }
    }
}

fn labels(t: &GeneralTable) -> Vec<&str> {
    t.rows.iter().map(|r| r.label.as_str()).collect()
}

fn headings(t: &GeneralTable) -> Vec<&str> {
    t.columns.iter().map(|c| c.heading.as_str()).collect()
}

fn values(t: &GeneralTable, row: usize) -> Vec<Option<f64>> {
    t.rows[row].cells.iter().map(|c| c.value()).collect()
}

/// (fixture, layout, row labels, headings, the first row's figures)
type Case = (&'static str, Layout, &'static [&'static str], &'static [&'static str], &'static [Option<f64>]);

#[test]
fn every_shape_reads_as_a_table_of_figures() {
    let cases: &[Case] = &[
        (
            "pipes-web-table.txt",
            Layout::Categories,
            &["Social workers", "Team managers", "Family support workers"],
            &["Starters", "Leavers", "Turnover rate"],
            &[Some(40.0), Some(35.0), Some(14.2)],
        ),
        (
            "pipes-no-outer.txt",
            Layout::Categories,
            &["Social workers", "Team managers"],
            &["Starters", "Leavers"],
            &[Some(40.0), Some(35.0)],
        ),
        (
            "years-across.txt",
            Layout::PeriodsAcross,
            &["Agency spend (£)", "Agency workers (FTE)"],
            &["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"],
            &[Some(1.8e6), Some(2.0e6), Some(2.2e6), Some(2.4e6), Some(2.6e6)],
        ),
        (
            "years-down.txt",
            Layout::PeriodsDown,
            &["2021", "2022", "2023"],
            &["Starters", "Leavers", "Turnover rate"],
            &[Some(40.0), Some(35.0), Some(14.2)],
        ),
        (
            "sickness-short-total.txt",
            Layout::Categories,
            &["Children's services", "Adult social care", "Corporate"],
            &["Days lost", "FTE", "Days per FTE"],
            &[Some(1212.0), Some(160.5), Some(7.55)],
        ),
        (
            "spaced-slashes.txt",
            Layout::Categories,
            &["Children's services", "Adult social care"],
            &["Days lost", "FTE"],
            &[Some(1212.0), Some(160.5)],
        ),
        (
            "spaces-from-pdf.txt",
            Layout::Categories,
            &["Children's services", "Adult social care", "Corporate"],
            &["Days lost", "FTE", "Days per FTE"],
            &[Some(1212.0), Some(160.5), Some(7.55)],
        ),
        (
            "label-value-list.txt",
            Layout::Categories,
            &["Vacancy rate", "Agency rate", "Turnover"],
            &["Figure"],
            &[Some(12.3)],
        ),
    ];
    for (name, layout, row_labels, column_headings, first) in cases {
        let t = general(name);
        assert_eq!(t.layout, *layout, "{name}");
        assert_eq!(labels(&t), *row_labels, "{name}");
        assert_eq!(headings(&t), *column_headings, "{name}");
        assert_eq!(values(&t, 0), *first, "{name}");
    }
}

#[test]
fn a_total_row_with_fewer_cells_is_the_total_of_the_first_columns() {
    let t = general("sickness-short-total.txt");
    let total = t.total.expect("the total row");
    assert_eq!(total.cells.iter().map(|c| c.value()).collect::<Vec<_>>(), [Some(4264.5), None, None]);
    assert_eq!(t.rows[1].cells[0].value(), Some(2412.5), "a middle dot is a decimal point");
    assert_eq!(t.title.as_deref(), Some("Sickness absence by directorate, 2024/25"));
    assert_eq!(t.titled_period.as_deref(), Some("2024/25"));
}

#[test]
fn units_and_marks_in_cells_are_read_and_said() {
    let t = general("units-in-cells.txt");
    let cell = |label: &str| t.rows.iter().find(|r| r.label == label).map(|r| r.cells[0].clone()).unwrap();
    assert_eq!((cell("Sickness").value(), cell("Sickness").unit), (Some(7.35), Unit::Days));
    assert_eq!((cell("Budget").value(), cell("Budget").unit), (Some(64_250_000.0), Unit::Money));
    assert_eq!((cell("Vacancy rate").value(), cell("Vacancy rate").unit), (Some(12.0), Unit::Percent));
    assert_eq!(cell("Turnover").value(), Some(6.9));
    assert_eq!(cell("Retention").value(), Some(12.3));
    assert_eq!(cell("Stability").value(), Some(84.0));
    assert_eq!(cell("Leavers under 25").value(), None, "<4 is a small number withheld, not 4");
    assert_eq!(cell("Agency rate").value(), None);
    assert!(t.notes.iter().any(|n| n.contains("Footnote marks")), "{:?}", t.notes);
}

#[test]
fn a_label_wrapped_over_two_lines_in_tab_separated_text_is_joined_and_said() {
    let loaded = wrb::engine::import::load_pasted(&fixture("wrapped-label.tsv.txt"));
    assert!(loaded.notes.iter().any(|n| n.contains("“Assistant Team Manager”")), "{:?}", loaded.notes);
    let OneTable::Period(t) = OneTable::load(&TableInput::pasted(fixture("wrapped-label.tsv.txt"), "x")) else {
        panic!("an establishment table")
    };
    let read = t.read.expect("reads");
    let roles: Vec<&str> = read.table.rows.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["Social Worker", "Assistant Team Manager"]);
}

#[test]
fn a_quote_that_never_closes_does_not_swallow_the_rows_after_it() {
    let loaded = wrb::engine::import::load_pasted(&fixture("unclosed-quote.txt"));
    assert!(loaded.notes.iter().any(|n| n.contains("never closes")), "{:?}", loaded.notes);
    let OneTable::Period(t) = OneTable::load(&TableInput::pasted(fixture("unclosed-quote.txt"), "x")) else {
        panic!("an establishment table")
    };
    let read = t.read.expect("reads");
    let roles: Vec<&str> = read.table.rows.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["\"Senior practitioner", "Social Worker", "Team Manager"], "three roles, not one");
}

#[test]
fn cells_run_together_are_refused_with_where_and_what_to_do() {
    let OneTable::Period(t) = OneTable::load(&TableInput::pasted(fixture("run-together.txt"), "x")) else {
        panic!("refused, not read beside the report")
    };
    let problems = t.read.expect_err("refused");
    assert!(matches!(&problems[0].kind, ProblemKind::RunTogether { cell } if cell == "Under 256.5%"), "{problems:?}");
    let said = problems[0].to_string();
    assert!(said.starts_with("Row 2, column Age band: the cells seem to have run together ('Under 256.5%')"), "{said}");
    assert!(said.contains("tab between columns"), "{said}");
}

/// The sample with these tables of figures beside it, each with its table, its chart and a
/// paragraph of live figures.
fn report_with(tables: &[(&str, &str)]) -> (Project, String) {
    let mut project = sample_project();
    let mut sections = Vec::new();
    for (i, (name, words)) in tables.iter().enumerate() {
        let id = 100 + i as u32;
        project.supporting.push(TableInput { id, ..TableInput::pasted(fixture(name), format!("{name} (fixture)")) });
        sections.push((
            (*name).to_owned(),
            vec![
                Content::Text((*words).to_owned()),
                Content::Data { block: DataBlock::GeneralTable(id), title: String::new() },
                Content::Data { block: DataBlock::GeneralChart(id), title: String::new() },
            ],
        ));
    }
    project.document = Document::new(sections);
    let page = html::render(&build_report(&project));
    (project, page)
}

#[test]
fn each_table_of_figures_reaches_the_report_with_its_table_chart_and_live_figures() {
    let (project, page) = report_with(&[
        ("years-across.txt", "Spend was {agency spend, 2023/24}; it {agency spend, 2019/20 to 2023/24}."),
        ("sickness-short-total.txt", "Days lost were highest in {days lost, highest}, {days lost, total} in all."),
        ("pipes-web-table.txt", "Turnover among social workers was {social workers, turnover rate}."),
    ]);
    assert!(
        page.contains("Spend was £2.6m; it rose from £1.8m in 2019/20 to £2.6m in 2023/24."),
        "live figures across"
    );
    assert!(page.contains("Days lost were highest in Adult social care (2,412.5 days), 4,264.5 days in all."));
    assert!(page.contains("Turnover among social workers was 14.2%."));
    let report = build_report(&project);
    let captions: Vec<&str> =
        report.tables().map(|t| t.caption.as_str()).filter(|c| !c.contains("Key figures")).collect();
    assert!(captions.iter().any(|c| c.ends_with("Agency spend, 2019/20 to 2023/24")), "{captions:?}");
    assert!(captions.iter().any(|c| c.ends_with("Sickness absence by directorate, 2024/25")), "{captions:?}");
    let titles: Vec<&str> = report.charts().map(|c| c.title.as_str()).collect();
    assert!(titles.contains(&"Agency spend rose from £1.8m to £2.6m between 2019/20 and 2023/24"), "{titles:?}");
    assert!(titles.contains(&"Adult social care had the highest days lost (2,412.5 days)"), "{titles:?}");
    assert!(!report.blocks().any(|b| matches!(b, Block::Problem(_))), "every block is drawn");
    let sickness = report.tables().find(|t| t.caption.contains("Sickness")).unwrap();
    assert_eq!(sickness.header, ["Directorate", "Days lost", "FTE", "Days per FTE"]);
    assert_eq!(sickness.rows[0], ["Children's services", "1,212.0", "160.50", "7.55"]);
    assert_eq!(sickness.total.as_ref().unwrap()[..2], ["Total".to_owned(), "4,264.5".to_owned()]);
}

#[test]
fn a_label_holding_a_direction_mark_cannot_reverse_the_words_around_it() {
    let text = "Team\tCases\nDuty \u{202e}team\t40\nLooked after\t12\n";
    let mut project = sample_project();
    project.supporting.push(TableInput { id: 7, ..TableInput::pasted(text, "x") });
    project.document = Document::new(vec![(
        "Cases".into(),
        vec![
            Content::Text("Most cases: {cases, highest}.".into()),
            Content::Data { block: DataBlock::GeneralChart(7), title: String::new() },
        ],
    )]);
    let report = build_report(&project);
    let title = &report.charts().next().expect("a chart").title;
    assert_eq!(title, "\u{2068}Duty \u{202e}team\u{2069} had the highest cases (40)");
    assert!(html::render(&report).contains("Most cases: \u{2068}Duty \u{202e}team\u{2069} (40)."));
}

/// A workbook as officers keep one: rates formatted as percentages (stored as fractions),
/// spend in a pounds format, dates as dates.
fn formatted_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Retention").unwrap();
    let (percent, pounds, date) = (
        Format::new().set_num_format("0.0%"),
        Format::new().set_num_format("_-[$£-809]* #,##0_-;\\-[$£-809]* #,##0_-"),
        Format::new().set_num_format("dd/mm/yyyy"),
    );
    for (column, heading) in ["Staff group", "Retention", "Agency spend", "Reviewed"].iter().enumerate() {
        sheet.write_string(0, column as u16, *heading).unwrap();
    }
    let rows =
        [("Social workers", 0.071, 64_250_000.0, (2025, 3, 31)), ("Team managers", 0.125, 1_800_000.0, (2025, 4, 1))];
    for (i, (group, rate, spend, (y, m, d))) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, *group).unwrap();
        sheet.write_number_with_format(row, 1, *rate, &percent).unwrap();
        sheet.write_number_with_format(row, 2, *spend, &pounds).unwrap();
        sheet.write_datetime_with_format(row, 3, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn workbook_cells_are_read_as_the_officer_sees_them() {
    let input = TableInput {
        raw: wrb::engine::model::RawInput::File { name: "retention.xlsx".into(), bytes: formatted_workbook().into() },
        ..TableInput::pasted("", "retention.xlsx")
    };
    let table = read_as_general(&input);
    let units: Vec<Unit> = table.columns.iter().map(|c| c.unit).collect();
    assert_eq!(units, [Unit::Percent, Unit::Money, Unit::Date], "{:?}", headings(&table));
    assert_eq!(values(&table, 0)[..2], [Some(7.1), Some(64_250_000.0)]);
    assert_eq!(table.rows[0].cells[1].written, "£64250000");
    assert_eq!(table.rows[1].cells[0].written, "12.5%");
}

#[test]
fn ods_cells_are_read_as_libreoffice_shows_them() {
    // Percentage and currency cells, a title above, an empty column between (tests/fixtures).
    let path = format!("{}/tests/fixtures/retention.ods", env!("CARGO_MANIFEST_DIR"));
    let input = TableInput {
        raw: wrb::engine::model::RawInput::File {
            name: "retention.ods".into(),
            bytes: std::fs::read(&path).unwrap().into(),
        },
        sheet: Some("Retention".into()),
        ..TableInput::pasted("", "retention.ods")
    };
    let table = read_as_general(&input);
    let units: Vec<Unit> = table.columns.iter().map(|c| c.unit).collect();
    assert_eq!(units, [Unit::Percent, Unit::Money]);
    assert_eq!(values(&table, 1), [Some(12.5), Some(1_800_000.0)]);
    assert_eq!(table.titled_period.as_deref(), Some("2024/25"));
}

#[test]
fn a_total_its_rows_contradict_is_not_quoted_in_prose() {
    let text = "Directorate\tDays lost\nChildren\t1,212\nAdults\t2,412.5\nTotal\t3,700\n";
    let mut project = sample_project();
    project.supporting.push(TableInput { id: 9, ..TableInput::pasted(text, "x") });
    project.document = Document::new(vec![(
        "Sickness".into(),
        vec![Content::Text("In all, {days lost, total}; most in {days lost, highest}.".into())],
    )]);
    let page = html::render(&build_report(&project));
    assert!(page.contains("In all, [days lost, total: no figure]; most in Adults (2,412.5 days)."), "{page}");
    let report = build_report(&project);
    let said = report.blocks().find_map(|b| match b {
        Block::Text(runs) => runs.iter().find_map(|r| match r {
            wrb::engine::report::live::Run::Figure { value: Err(why), .. } => Some(why.clone()),
            _ => None,
        }),
        _ => None,
    });
    assert_eq!(
        said.as_deref(),
        Some("the stated total (3,700.0 days) is not the sum of the rows (3,624.5 days): see Checks, and correct the table")
    );
}
