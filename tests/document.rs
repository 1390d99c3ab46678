//! The report as a document the officer edits: numbering, live figures and the generated
//! draft, through the same build the app, print and the command line use.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::model::{Content, DataBlock, Document, Move, Period, Project, TableInput};
use wrb::engine::report::facts::{Facts, TableFacts};
use wrb::engine::report::live::{fill, plain, Run};
use wrb::engine::report::{build_report_reading_files as build_report, html, Block, ReportDocument};
use wrb::engine::sample::{sample_project, Template};
use wrb::engine::tables::ProjectTables;

fn numbers(report: &ReportDocument) -> Vec<(String, Vec<String>)> {
    report
        .sections
        .iter()
        .map(|s| (format!("{}. {}", s.number, s.heading), s.paragraphs.iter().map(|p| p.number.clone()).collect()))
        .collect()
}

fn text_of(report: &ReportDocument, id: u32) -> String {
    match &report.paragraph(id).expect("paragraph is in the report").blocks[0] {
        Block::Text(runs) => plain(runs),
        other => panic!("not text: {other:?}"),
    }
}

fn project_with(sections: Vec<(&str, Vec<Content>)>) -> Project {
    let mut project = sample_project();
    project.document = Document::new(sections.into_iter().map(|(h, p)| (h.to_owned(), p)).collect());
    project
}

fn text(t: &str) -> Content {
    Content::Text(t.into())
}

#[test]
fn paragraphs_are_numbered_within_sections_and_renumber_when_moved() {
    let mut project = project_with(vec![
        ("Purpose", vec![text("a"), text("b")]),
        ("Background", vec![text("c")]),
        ("Current position", vec![text("d"), text("e"), text("f")]),
    ]);
    let report = build_report(&project);
    assert_eq!(
        numbers(&report),
        [
            ("1. Purpose".to_owned(), vec!["1.1".to_owned(), "1.2".to_owned()]),
            ("2. Background".to_owned(), vec!["2.1".to_owned()]),
            ("3. Current position".to_owned(), vec!["3.1".to_owned(), "3.2".to_owned(), "3.3".to_owned()]),
        ]
    );

    // Move "Current position" to the top: every number after it follows.
    let current = project.document.sections[2].id;
    project.document.move_section(current, Move::Up);
    project.document.move_section(current, Move::Up);
    let report = build_report(&project);
    assert_eq!(report.sections[0].heading, "Current position");
    assert_eq!(report.sections[1].paragraphs.iter().map(|p| p.number.as_str()).collect::<Vec<_>>(), ["2.1", "2.2"]);

    // "f" moves up past the top of its section into the end of the one before? No: it is in the
    // first section now, so moving "d" (first of all) up does nothing, and "f" moves within.
    let d = project.document.sections[0].paragraphs[0].id;
    assert!(!project.document.move_paragraph(d, Move::Up));
    let c = project.document.sections[2].paragraphs[0].id;
    assert!(project.document.move_paragraph(c, Move::Up), "into the end of section 2");
    let report = build_report(&project);
    assert_eq!(report.paragraph(c).unwrap().number, "2.3");
    assert!(report.sections[2].paragraphs.is_empty());

    // Removing a section renumbers those after it.
    let first = project.document.sections[0].id;
    project.document.remove_section(first);
    let report = build_report(&project);
    assert_eq!(report.paragraph(c).unwrap().number, "1.3");
}

#[test]
fn tables_and_figures_are_numbered_in_document_order() {
    let data = |block| Content::Data { block, title: String::new() };
    let mut project = project_with(vec![(
        "Current position",
        vec![
            data(DataBlock::EstablishmentTable(Period::Latest)),
            data(DataBlock::EstablishmentChart(Period::Latest)),
            data(DataBlock::TwoPeriodTable),
        ],
    )]);
    let captions = |p: &Project| build_report(p).tables().map(|t| t.caption.clone()).collect::<Vec<_>>();
    assert_eq!(
        captions(&project),
        [
            "Table 1: Establishment by role, 2025/26, full-time equivalent (FTE)",
            "Table 2: Change from 2024/25 to 2025/26, totals"
        ]
    );
    let last = project.document.sections[0].paragraphs[2].id;
    project.document.move_paragraph(last, Move::Up);
    project.document.move_paragraph(last, Move::Up);
    assert_eq!(captions(&project)[0], "Table 1: Change from 2024/25 to 2025/26, totals");
    assert_eq!(build_report(&project).charts().next().unwrap().id, "figure-1");
}

#[test]
fn live_figures_follow_the_data() {
    let project = project_with(vec![(
        "Current position",
        vec![text("In {period} the vacancy rate was {vacancy rate} ({vacant} FTE of {establishment, earlier} last year's establishment).")],
    )]);
    let id = project.document.sections[0].paragraphs[0].id;
    assert_eq!(
        text_of(&build_report(&project), id),
        "In 2025/26 the vacancy rate was 31.4% (27.4 FTE of 84.2 last year's establishment)."
    );

    // New data, same words: the figures change with it.
    let mut changed = project.clone();
    changed.tables[0] = TableInput {
        period: "2026/27".into(),
        ..TableInput::pasted("Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t8\t1\t2\n", "test")
    };
    assert_eq!(
        text_of(&build_report(&changed), id),
        "In 2026/27 the vacancy rate was 20.0% (2 FTE of 84.2 last year's establishment)."
    );
}

/// FTE in running text: to 1 decimal place as published, a whole figure without ".00"
/// ("34 vacant posts", "31 agency staff"); the tables keep two places.
#[test]
fn fte_figures_in_prose_print_as_running_text_gives_them() {
    let cases = [
        ("Social Worker\t106\t41\t31\t34\n", "34 vacant posts, 31 agency staff, 106 posts, 72 in post."),
        ("Social Worker\t10\t8.5\t0.5\t1.5\n", "1.5 vacant posts, 0.5 agency staff, 10 posts, 9 in post."),
        ("Social Worker\t12.5\t7.25\t2.75\t2.5\n", "2.5 vacant posts, 2.8 agency staff, 12.5 posts, 10 in post."),
    ];
    for (row, expected) in cases {
        let mut project = project_with(vec![(
            "Current position",
            vec![text("{vacant} vacant posts, {agency} agency staff, {establishment} posts, {in post} in post.")],
        )]);
        project.tables.truncate(1);
        let table = format!("Role\tEstablishment\tPermanent\tAgency\tVacant\n{row}");
        project.tables[0] = TableInput { period: "2025/26".into(), ..TableInput::pasted(&table, "test") };
        let id = project.document.sections[0].paragraphs[0].id;
        let report = build_report(&project);
        assert_eq!(text_of(&report, id), expected, "{row}");
    }
    // The table beside the words keeps FTE to two places.
    let report = build_report(&sample_project());
    assert!(report.tables().any(|t| t.total.as_ref().is_some_and(|total| total[1] == "87.19")));
}

#[test]
fn unknown_and_missing_figures_are_shown_not_blank() {
    let project = sample_project();
    let tables = TableFacts::of(&ProjectTables::load(&project), None);
    let facts = Facts::new(&project, &tables);
    let runs = fill("A {vacncy rate} and {{braces}} and a lone } and {turnover rate}.", &facts);
    assert!(
        matches!(&runs[1], Run::Figure { name, value: Err(why) } if name == "vacncy rate" && why.contains("type { in the paragraph"))
    );
    // The children's sample has no staff list.
    assert!(matches!(runs.last().unwrap(), Run::Text(t) if t == "."));
    assert_eq!(plain(&runs), "A [vacncy rate: no figure] and {braces} and a lone } and [turnover rate: no figure].");
}

#[test]
fn bold_and_italic_words_are_kept_and_shown_as_such() {
    let project = sample_project();
    let tables = TableFacts::of(&ProjectTables::load(&project), None);
    let facts = Facts::new(&project, &tables);
    let runs = fill("Vacancies {b}fell{/b} to {vacancy rate}, {i}as {b}hoped{/b}{/i}; {{b}} is words.", &facts);
    assert_eq!(runs[0], Run::Text("Vacancies ".into()));
    assert_eq!(runs[1], Run::Styled { text: "fell".into(), bold: true, italic: false });
    assert!(matches!(&runs[3], Run::Figure { name, value: Ok(v) } if name == "vacancy rate" && v == "31.4%"));
    assert_eq!(runs[5], Run::Styled { text: "as ".into(), bold: false, italic: true });
    assert_eq!(runs[6], Run::Styled { text: "hoped".into(), bold: true, italic: true });
    // Printed as words; in HTML, marked and escaped.
    assert_eq!(plain(&runs), "Vacancies fell to 31.4%, as hoped; {b} is words.");
    let html = wrb::engine::report::html::words_html(&fill("{b}<i>{/b} & {i}it{/i}", &facts));
    assert_eq!(html, "<strong>&lt;i&gt;</strong> &amp; <em>it</em>");
    // A mark left open ends with the paragraph.
    assert_eq!(
        fill("{b}to the end", &facts),
        vec![Run::Styled { text: "to the end".into(), bold: true, italic: false }]
    );
}

#[test]
fn rate_changes_and_comparisons_read_as_plain_english() {
    let project = sample_project();
    let tables = TableFacts::of(&ProjectTables::load(&project), None);
    let facts = Facts::new(&project, &tables);
    let said = |t: &str| plain(&fill(t, &facts));
    assert_eq!(
        said("The vacancy rate {vacancy rate change}."),
        "The vacancy rate has fallen by 4.2 percentage points since 2024/25, from 35.6% to 31.4%."
    );
    assert_eq!(
        said("The agency worker rate {agency rate change}."),
        "The agency worker rate has fallen by 5.9 percentage points since 2024/25, from 34.5% to 28.6%."
    );
    let against = said("{vacancy rate against England}");
    assert!(against.starts_with("above the England rate of 14.2% (2025)"), "{against}");
    assert_eq!(said("{council}, {committee}"), "Northshire County Council, Children and Young People Scrutiny Panel");
}

#[test]
fn the_first_draft_says_only_what_the_data_supports() {
    // One period, no benchmarks, no staff list: no change or comparison sentences.
    let mut project = sample_project();
    project.tables.truncate(1);
    project.supporting.clear();
    let tables = TableFacts::of(&ProjectTables::load(&project), None);
    let facts = Facts::new(&project, &tables);
    let draft = wrb::engine::report::draft::first_draft(&facts);
    assert_eq!(draft.len(), 1);
    let Content::Text(words) = &draft[0] else { panic!("text") };
    assert_eq!(
        plain(&fill(words, &facts)),
        "In 2025/26, the establishment is 87.2 FTE posts. Permanent staff fill 59.8 FTE and agency workers 24 \
         FTE. There are 27.4 FTE vacant posts, a vacancy rate of 31.4%, and agency workers make up 28.6% of staff \
         in post (permanent and agency)."
    );

    // The full sample adds the change since last year and the benchmark.
    let project = sample_project();
    let tables = TableFacts::of(&ProjectTables::load(&project), None);
    let facts = Facts::new(&project, &tables);
    let draft: Vec<String> = wrb::engine::report::draft::first_draft(&facts)
        .iter()
        .map(|c| match c {
            Content::Text(t) => plain(&fill(t, &facts)),
            _ => String::new(),
        })
        .collect();
    assert_eq!(draft.len(), 3);
    assert!(draft[1].starts_with("The vacancy rate has fallen by 4.2 percentage points"));
    assert!(draft[2].contains("above the England rate"), "{}", draft[2]);
}

#[test]
fn every_template_opens_with_data_and_a_full_draft_and_nothing_missing() {
    for template in Template::ALL {
        let project = template.project();
        let report = build_report(&project);
        assert!(report.sections.len() >= 5, "{template:?}: a full set of sections");
        let problems: Vec<String> = report
            .blocks()
            .filter_map(|b| match b {
                Block::Problem(p) => Some(p.clone()),
                Block::Text(runs) | Block::Bullets { lead: runs, .. } if plain(runs).contains("no figure]") => {
                    Some(plain(runs))
                }
                _ => None,
            })
            .collect();
        assert!(problems.is_empty(), "{template:?}: {problems:#?}");
        for block in report.blocks() {
            if let Block::Bullets { items, .. } = block {
                for item in items {
                    assert!(!plain(item).contains("no figure]"), "{template:?}: {}", plain(item));
                }
            }
        }
        assert!(report.tables().count() >= 2, "{template:?}: tables");
        let page = html::render(&report);
        assert!(page.contains(&project.title_block.title.replace('\'', "&#39;")), "{template:?}: title");
    }
    let progress = build_report(&Template::ScrutinyProgress.project());
    let tracker = progress.tables().find(|t| t.caption.contains("Progress against recommendations")).unwrap();
    assert_eq!(tracker.status_column, Some(3));
    let page = html::render(&progress);
    assert!(page.contains("<td class=\"status status-red\">Red: not on track</td>"), "status in words and colour");
}

#[test]
fn a_saved_project_round_trips_and_a_version_1_project_still_opens() {
    let project = Template::AdultVacanciesRisk.project();
    let json = serde_json::to_string(&project).unwrap();
    let back: Project = serde_json::from_str(&json).unwrap();
    assert_eq!(back, project);

    // Version 1 had no document, supporting tables or settings.
    let mut old = serde_json::to_value(sample_project()).unwrap();
    let object = old.as_object_mut().unwrap();
    object.remove("document");
    object.remove("supporting");
    object.remove("settings");
    object.insert("schema_version".into(), 1.into());
    let opened: Project = serde_json::from_value(old).unwrap();
    assert!(opened.document.sections.is_empty());
    let upgraded = wrb::engine::saved::upgrade(opened);
    assert_eq!(upgraded.schema_version, wrb::engine::model::SCHEMA_VERSION);
    assert_eq!(upgraded.tables, sample_project().tables);
    let report = build_report(&upgraded);
    assert_eq!(numbers(&report)[0].0, "1. Current workforce");
    assert_eq!(report.tables().count(), 3, "both periods' tables and the change, as version 1 showed");
    assert_eq!(report.charts().count(), 1);
}

#[test]
fn chart_titles_and_table_captions_can_be_rewritten() {
    let data = |block, title: &str| Content::Data { block, title: title.into() };
    let project = project_with(vec![(
        "Current position",
        vec![
            data(DataBlock::EstablishmentTable(Period::Latest), "Our posts this year"),
            data(DataBlock::EstablishmentChart(Period::Latest), "Social workers carry the gap"),
            data(DataBlock::TrendChart, ""),
        ],
    )]);
    let report = build_report(&project);
    assert_eq!(report.tables().next().unwrap().caption, "Table 1: Our posts this year");
    let charts: Vec<_> = report.charts().collect();
    assert_eq!(charts[0].title, "Social workers carry the gap");
    assert!(charts[0].svg.contains(">Social workers carry the gap</title>"));
    assert_eq!(
        charts[1].title,
        "The vacancy rate has fallen by 4.2 percentage points since 2024/25, from 35.6% to 31.4%"
    );
}

#[test]
fn generated_chart_titles_state_the_message() {
    let report = build_report(&sample_project());
    let titles: Vec<&str> = report.charts().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Social Worker has the most agency workers and uncovered vacancies (16 FTE)",
            "The vacancy rate fell in 4 of 7 roles between 2024/25 and 2025/26",
            "The vacancy rate has fallen by 4.2 percentage points since 2024/25, from 35.6% to 31.4%",
            "Northshire has a higher vacancy rate than all 10 of its statistical neighbours",
        ]
    );
    let adults = build_report(&Template::AdultVacanciesRisk.project());
    let titles: Vec<&str> = adults.charts().map(|c| c.title.as_str()).collect();
    assert!(
        titles.contains(&"Resignation – career progression was the most common reason for leaving (4 of 15 leavers)")
    );
    assert!(titles.contains(&"25.4% of staff in post are aged 55 or over"));
    // Every chart's figures are there as a table, a row for each bar or point.
    for chart in report.charts().chain(adults.charts()) {
        assert!(!chart.data.rows.is_empty() && chart.data.rows.iter().all(|r| r.len() == chart.data.header.len()));
    }
}

#[test]
fn a_supporting_file_not_read_yet_is_named_where_its_figures_would_be() {
    let mut project = sample_project();
    project
        .supporting
        .retain(|t| !matches!(&t.raw, wrb::engine::model::RawInput::Text(text) if text.starts_with("Programme")));
    project.supporting.push(TableInput {
        raw: wrb::engine::model::RawInput::File { name: "cohorts.xlsx".into(), bytes: vec![1, 2, 3].into() },
        ..TableInput::pasted("", "cohorts.xlsx")
    });
    // The page's own way: pasted tables read, files waiting for the worker.
    let tables = wrb::engine::tables::ProjectTables::pasted(&project);
    let facts = wrb::engine::report::facts::TableFacts::of(&tables, None);
    let report = wrb::engine::report::build_report(&project, &facts);
    let problems: Vec<String> =
        report.blocks().filter_map(|b| if let Block::Problem(p) = b { Some(p.clone()) } else { None }).collect();
    assert_eq!(
        problems,
        ["Newly qualified and training cohorts table: no cohort table has been added, unless it is one not read yet \
          (cohorts.xlsx is still being read)."]
    );
}

/// A staff list of three people in post since 2010, with `n` starters and `n` leavers in the
/// year to 30 September 2025.
fn staff_list(n: usize) -> String {
    let mut csv =
        String::from("Staff number,Role,Team,FTE,Contract type,Start date,Leaving date,Leaving reason,Date of birth\n");
    for i in 0..3 {
        csv.push_str(&format!("S{i},Social Worker,North,1.00,Permanent,01/04/2010,,,01/01/1980\n"));
    }
    for i in 0..n {
        csv.push_str(&format!("J{i},Social Worker,North,1.00,Permanent,01/01/2025,,,01/01/1990\n"));
        csv.push_str(&format!("L{i},Social Worker,North,1.00,Permanent,01/04/2010,31/03/2025,Retirement,01/01/1960\n"));
    }
    csv
}

/// Every line the report generates, as printed: prose, lists, captions, notes, chart titles
/// and descriptions, and what could not be shown.
fn generated_lines(report: &ReportDocument) -> Vec<String> {
    let mut lines = Vec::new();
    for block in report.blocks() {
        match block {
            Block::Text(runs) => lines.push(plain(runs)),
            Block::Bullets { lead, items } => lines.extend(std::iter::once(lead).chain(items).map(|r| plain(r))),
            Block::Table(t) => lines.extend(std::iter::once(t.caption.clone()).chain(t.notes.clone())),
            Block::Chart(c) => lines.extend([c.title.clone(), c.subtitle.clone(), c.description.clone()]),
            Block::Problem(text) => lines.push(text.clone()),
        }
    }
    lines
}

/// Where a count of one is followed by a plural: "1 people", "(1 of 1 leavers)", "1 are".
fn disagreement(line: &str) -> Option<String> {
    const PLURALS: &[&str] = &[
        "people",
        "leavers",
        "starters",
        "posts",
        "roles",
        "recommendations",
        "days",
        "statistical neighbours",
        "staff were",
        "are",
        "were",
        "have",
        "FTE vacant posts",
        "councils",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        let rest = words[i + 1..].join(" ");
        let one = words[i].trim_start_matches('(') == "1";
        PLURALS
            .iter()
            .find(|p| one && (rest == **p || rest.starts_with(&format!("{p} ")) || rest.starts_with(&format!("{p})"))))
            .map(|p| format!("1 {p}"))
    })
}

#[test]
fn counts_agree_with_their_nouns_in_every_generated_sentence() {
    let mut projects: Vec<(String, Project)> =
        Template::ALL.iter().map(|t| (t.label().to_owned(), t.project())).collect();
    projects.push(("the sample".into(), sample_project()));
    for n in 0..=2 {
        let mut project = Template::AdultVacanciesRisk.project();
        project.supporting = vec![TableInput::pasted(staff_list(n), "test staff list")];
        project.settings.staff_date = wrb::engine::model::Date::new(2025, 9, 30);
        // One role in each period, its vacancy rate falling: the chart counts one role.
        let role = |vacant: u32| {
            format!("Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t{}\t0\t{vacant}\n", 10 - vacant)
        };
        project.tables = vec![
            TableInput { period: "2025/26".into(), ..TableInput::pasted(role(1), "test") },
            TableInput { period: "2024/25".into(), ..TableInput::pasted(role(2), "test") },
        ];
        let tracker = vec![wrb::engine::model::Recommendation::default(); n.max(1)];
        project.document.sections[0].paragraphs.push(wrb::engine::model::Paragraph {
            id: 900,
            content: Content::Text("{progress on recommendations}.".into()),
        });
        project.document.sections[0].paragraphs.push(wrb::engine::model::Paragraph {
            id: 901,
            content: Content::Data { block: DataBlock::Recommendations(tracker), title: String::new() },
        });
        project.document.sections[0].paragraphs.push(wrb::engine::model::Paragraph {
            id: 902,
            content: Content::Data { block: DataBlock::TwoPeriodChart, title: String::new() },
        });
        projects.push((format!("{n} starters and {n} leavers"), project));
    }
    for (name, project) in &projects {
        let lines = generated_lines(&build_report(project));
        for line in &lines {
            assert_eq!(disagreement(line), None, "{name}: {line}");
        }
    }
    // What the variants say, so the check above is seen to look at them.
    let said = |i: usize| generated_lines(&build_report(&projects[projects.len() - 3 + i].1)).join("\n");
    let cases = [
        (0, "0 people joined and 0 left"),
        (1, "1 person joined and 1 left"),
        (1, "was the only reason for leaving (1 leaver)"),
        (1, "The vacancy rate fell in 1 of 1 role between 2024/25 and 2025/26"),
        (1, "The one recommendation is progressing."),
        (2, "2 people joined and 2 left"),
        (2, "was the only reason for leaving (2 leavers)"),
        (2, "Of the 2 recommendations, 2 are progressing."),
    ];
    for (n, expected) in cases {
        assert!(said(n).contains(expected), "{n}: {expected}\n{}", said(n));
    }
    assert_eq!(disagreement("In the year, 1 people joined"), Some("1 people".into()));
    assert_eq!(disagreement("(1 of 1 leavers)"), Some("1 leavers".into()));
    assert_eq!(disagreement("1 of 2 leavers; 21 people; 1.5 days"), None);
}
