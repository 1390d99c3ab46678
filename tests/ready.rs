//! Ready for committee?: each kind of open item is found, named with its place, and linked to
//! the element the report preview gives that id; a finished report has none.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::chart::{Chart, ChartData};
use wrb::engine::metrics::checks::{Finding, TableChecks};
use wrb::engine::model::{Origin, PrintSettings, Project, TableInput, TitleBlock};
use wrb::engine::report::live::Run;
use wrb::engine::report::ready::{open_items, summary, OpenItem, CHECKS_ANCHOR};
use wrb::engine::report::{build_report_reading_files, html, Block, Paragraph, ReportDocument, Section, Table};
use wrb::engine::sample::{sample_project, Template};

fn text(words: &str) -> Block {
    Block::Text(vec![Run::Text(words.to_owned())])
}

fn chart(description: &str) -> Chart {
    Chart {
        id: "chart-staff".into(),
        title: "Staff in post".into(),
        subtitle: "FTE".into(),
        source: "HR system".into(),
        description: description.into(),
        data: ChartData {
            header: vec!["Role".into(), "FTE".into()],
            rows: vec![vec!["Social worker".into(), "12".into()]],
        },
        svg: "<svg></svg>".into(),
    }
}

fn table(source: &str) -> Table {
    Table {
        caption: "Table 1: Establishment".into(),
        header: vec!["Role".into(), "FTE".into()],
        rows: vec![vec!["Social worker".into(), "12".into()]],
        total: None,
        notes: vec![format!("Source: {source}.")],
        status_column: None,
    }
}

fn title_block() -> TitleBlock {
    TitleBlock {
        council: "Eastmoor Borough Council".into(),
        committee: "Corporate Parenting Board".into(),
        meeting_date: "3 March 2027".into(),
        title: "Social work workforce".into(),
        report_author: "Alex Reid, Head of Service".into(),
        classification: "Open".into(),
        key_decision: "No".into(),
        wards_affected: "All".into(),
        contact_officer: "Alex Reid, alex.reid@eastmoor.example".into(),
    }
}

/// A finished report: every field the officer's own, every paragraph written and filled, a
/// chart described, the officer's table, and checks that pass.
fn finished() -> (ReportDocument, Project, Vec<TableChecks>) {
    let paragraph = |id: u32, number: &str, blocks: Vec<Block>| Paragraph { id, number: number.into(), blocks };
    let report = ReportDocument {
        title_block: title_block(),
        sections: vec![
            Section {
                id: 1,
                number: 1,
                heading: "Purpose".into(),
                paragraphs: vec![paragraph(10, "1.1", vec![text("To update the Board.")])],
            },
            Section {
                id: 2,
                number: 2,
                heading: "Current position".into(),
                paragraphs: vec![
                    paragraph(
                        20,
                        "2.1",
                        vec![Block::Text(vec![
                            Run::Text("The vacancy rate is ".into()),
                            Run::Figure { name: "vacancy rate".into(), value: Ok("21.3%".into()) },
                        ])],
                    ),
                    paragraph(21, "2.2", vec![Block::Table(table("Eastmoor HR system"))]),
                    paragraph(22, "2.3", vec![Block::Chart(chart("Bars for each role: social worker 12 FTE."))]),
                ],
            },
        ],
        print: PrintSettings::default(),
        sample: Default::default(),
    };
    let mut project = sample_project();
    project.title_block = title_block();
    project.tables = vec![officer_table("Eastmoor HR system", Origin::Pasted)];
    project.supporting.clear();
    let checks =
        vec![TableChecks { title: "2025/26 (pasted)".into(), findings: vec![Finding::pass("Every row adds up.")] }];
    (report, project, checks)
}

fn officer_table(source: &str, origin: Origin) -> TableInput {
    TableInput { origin, ..TableInput::pasted("Role\tFTE", source) }
}

fn samples() -> Vec<TitleBlock> {
    Template::ALL.map(Template::title_block).to_vec()
}

type Edit = fn(&mut ReportDocument, &mut Project, &mut Vec<TableChecks>);

#[test]
fn a_finished_report_has_nothing_open() {
    let (report, project, checks) = finished();
    assert_eq!(open_items(&report, &project, &checks, &samples()), Vec::<OpenItem>::new());
    assert_eq!(summary(0), "Nothing left to do: the report is ready for committee.");
}

#[test]
fn each_kind_of_open_item_is_named_with_its_place_and_link() {
    let cases: Vec<(&str, Edit, &str, &str, &str)> = vec![
        (
            "a live figure with no value",
            |r, _, _| {
                r.sections[1].paragraphs[0].blocks = vec![Block::Text(vec![Run::Figure {
                    name: "applications per post".into(),
                    value: Err("the report has no recruitment table: add one".into()),
                }])]
            },
            "Section 2, paragraph 2.1",
            "{applications per post} has no figure — the report has no recruitment table: add one",
            "paragraph-20",
        ),
        (
            "a block not shown",
            |r, _, _| {
                r.sections[1].paragraphs[1].blocks = vec![Block::Problem("no benchmark file has been added.".into())]
            },
            "Section 2, paragraph 2.2",
            "Not shown: no benchmark file has been added.",
            "paragraph-21",
        ),
        (
            "a table drawn from the sample",
            |_, p, _| p.supporting = vec![officer_table("Eastmoor HR system", Origin::Sample)],
            "Section 2, paragraph 2.2",
            "draws on the sample's fictional figures (“Eastmoor HR system”): bring in your own table",
            "paragraph-21",
        ),
        (
            "a live figure drawn from the sample's establishment table",
            |_, p, _| p.tables = vec![officer_table("Northshire (fictional sample data)", Origin::Sample)],
            "Section 2, paragraph 2.1",
            "draws on the sample's fictional figures (“Northshire (fictional sample data)”): bring in your own table",
            "paragraph-20",
        ),
        (
            "a title-block value of the sample's",
            |r, _, _| r.title_block.meeting_date = "21 January 2027".into(),
            "Title block",
            "Meeting date is still the sample's: “21 January 2027”",
            "title-block-meeting-date",
        ),
        (
            "a failed check",
            |_, _, c| {
                c[0].findings.push(Finding {
                    passed: false,
                    line: Some(4),
                    message: "Team leader does not add up.".into(),
                })
            },
            "Checks, 2025/26 (pasted)",
            "Team leader does not add up.",
            CHECKS_ANCHOR,
        ),
        (
            "a section with no paragraphs",
            |r, _, _| r.sections[0].paragraphs.clear(),
            "Section 1",
            "“Purpose” has nothing in it: write it, or remove the section",
            "section-1",
        ),
        (
            "a section of empty text",
            |r, _, _| r.sections[0].paragraphs[0].blocks = vec![text("  ")],
            "Section 1",
            "“Purpose” has nothing in it: write it, or remove the section",
            "section-1",
        ),
        (
            "an empty paragraph among others",
            |r, _, _| r.sections[1].paragraphs[0].blocks = vec![text("")],
            "Section 2, paragraph 2.1",
            "the paragraph is empty: write it, or remove it",
            "paragraph-20",
        ),
        (
            "a title-block field left empty",
            |r, _, _| r.title_block.wards_affected = " ".into(),
            "Title block",
            "Wards affected is empty",
            html::TITLE_BLOCK,
        ),
        (
            "a chart with no alt text",
            |r, _, _| r.sections[1].paragraphs[2].blocks = vec![Block::Chart(chart(""))],
            "Section 2, paragraph 2.3",
            "the chart “Staff in post” has no description for readers who cannot see it",
            "paragraph-22",
        ),
    ];
    for (kind, edit, place, what, anchor) in cases {
        let (mut report, mut project, mut checks) = finished();
        edit(&mut report, &mut project, &mut checks);
        let found = open_items(&report, &project, &checks, &samples());
        let expected = OpenItem { place: place.into(), what: what.into(), anchor: anchor.into() };
        assert_eq!(found, vec![expected], "{kind}");
    }
}

/// Every anchor but the Checks panel's is an id the rendered report carries.
#[test]
fn every_link_in_the_sample_finds_its_place_in_the_preview() {
    let project = sample_project();
    let mut report = build_report_reading_files(&project);
    report.title_block.wards_affected.clear();
    let page = html::render(&report);
    let items = open_items(&report, &project, &[], &samples());
    assert!(!items.is_empty());
    for item in items {
        assert!(page.contains(&format!("id=\"{}\"", item.anchor)), "{} links to {}", item.sentence(), item.anchor);
    }
}

#[test]
fn the_sample_lists_its_fictional_council_and_figures() {
    let project = sample_project();
    let report = build_report_reading_files(&project);
    let items: Vec<String> = open_items(&report, &project, &[], &samples()).iter().map(OpenItem::sentence).collect();
    let fields =
        ["Council", "Committee", "Meeting date", "Report title", "Report by", "Wards affected", "Contact officer"];
    for field in fields {
        assert!(
            items.iter().any(|i| i.starts_with(&format!("Title block: {field} is still the sample's"))),
            "{field}: {items:#?}"
        );
    }
    let sample_tables = items.iter().filter(|i| i.contains("draws on the sample's fictional figures")).count();
    // The establishment tables (one source), the DfE indicators, neighbours, cohorts and budget.
    assert_eq!(sample_tables, 5, "{items:#?}");
    // The establishment table is first drawn on by the first paragraph's live figures.
    assert!(items.iter().any(|i| i.starts_with("Section 1, paragraph 1.1: draws on the sample's")), "{items:#?}");
    assert!(!items.iter().any(|i| i.contains("Classification") || i.contains("Key decision")), "{items:#?}");
}

#[test]
fn the_summary_counts_what_is_open() {
    assert_eq!(summary(1), "1 item is still open: the Word file has it as it is.");
    assert_eq!(summary(3), "3 items are still open: the Word file has them as they are.");
}
