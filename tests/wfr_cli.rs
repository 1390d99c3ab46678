//! The `wfr` command-line tool renders the same report as the app, and refuses bad input with
//! the file and position.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn wfr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wfr")).args(args).output().expect("wfr runs")
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wfr-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn renders_the_sample_to_a_page_with_no_script() {
    let out = temp_path("sample.html");
    let run = wfr(&["render", "--sample", "--html", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("<h1 id=\"report-title\">Children&#39;s social care workforce update</h1>"));
    assert!(page.contains("87.19") && page.contains("<svg class=\"chart\""));
    // No script runs: the one script element is the project as a JSON data block.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("<script type=\"application/json\""), "the static page needs no script");
    assert!(page.contains(".report {"), "styles are inline");
}

#[test]
fn renders_a_table_file_with_its_period() {
    let table = temp_path("table.tsv");
    std::fs::write(&table, "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t7\t2\t3\n").unwrap();
    let run = wfr(&["render", table.to_str().unwrap(), "--period", "2026/27"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(page.contains("In 2026/27, the establishment is 10 FTE posts."), "the draft, from this table");
    assert!(page.contains("There are 3 FTE vacant posts, a vacancy rate of 30.0%"));
    assert!(!page.contains("compared with England"), "the sample council's benchmarks are not carried over");
}

#[test]
fn a_bad_table_fails_with_file_row_and_column() {
    let table = temp_path("bad.tsv");
    std::fs::write(&table, "Role\tEstablishment\nSocial Worker\tten\n").unwrap();
    let run = wfr(&["render", table.to_str().unwrap()]);
    assert!(!run.status.success());
    let message = String::from_utf8(run.stderr).unwrap();
    assert!(message.contains("wfr: bad.tsv, row 2, column Establishment: 'ten' is not a number."), "{message}");
}

#[test]
fn renders_a_workbook_choosing_the_sheet_with_the_table() {
    let book = temp_path("establishment.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("Cover").unwrap().write_string(0, 0, "Workforce paper").unwrap();
    let sheet = workbook.add_worksheet().set_name("Posts").unwrap();
    for (c, heading) in ["Role", "Establishment", "Permanent", "Agency"].iter().enumerate() {
        sheet.write_string(0, c as u16, *heading).unwrap();
    }
    sheet.write_string(1, 0, "Social Worker").unwrap();
    for (c, value) in [12.0, 8.0, 3.0].iter().enumerate() {
        sheet.write_number(1, 1 + c as u16, *value).unwrap();
    }
    workbook.save(&book).unwrap();
    let run = wfr(&["render", book.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(page.contains("<tfoot><tr><th scope=\"row\">Total</th><td>12.00</td><td>8.00</td><td>3.00</td>"), "{page}");
}

#[test]
fn wrong_usage_prints_the_usage() {
    let run = wfr(&["draw"]);
    assert!(!run.status.success());
    assert!(String::from_utf8(run.stderr).unwrap().contains("usage: wfr render"));
}

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/establishment-2025.xlsx");

#[test]
fn analyse_prints_the_table_every_figure_and_every_check() {
    let run = wfr(&["analyse", FIXTURE]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.starts_with("establishment-2025.xlsx, sheet Establishment: establishment\n"), "{text}");
    let total = text.lines().find(|l| l.starts_with("Total")).unwrap();
    let cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(cells, ["Total", "77.50", "57.50", "18.00", "20.00", "2.00", "25.8%", "23.8%"]);
    assert!(text.contains("  ok   The stated totals agree with the sums of the rows."));
}

#[test]
fn analyse_json_uses_the_documented_fields() {
    let run = wfr(&["analyse", FIXTURE, "--json"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["kind"], "establishment");
    assert_eq!(json["sheet"], "Establishment");
    let e = &json["establishment"];
    assert_eq!(e["columns"], serde_json::json!(["establishment", "permanent", "agency", "vacant", "over_under"]));
    assert_eq!(e["over_under_basis"], "stated");
    assert_eq!(e["total"]["establishment"], 77.5);
    assert!((e["total"]["vacancy_rate"].as_f64().unwrap() - 20.0 / 77.5).abs() < 1e-12);
    assert_eq!(e["roles"][3]["role"], "Social Worker");
    assert_eq!(e["roles"][3]["line"], 7);
    assert_eq!(e["roles"][3]["over_under"], -1.0);
    // Social Worker: 12 vacant of 38.5; 13 agency cover all 12 vacancies.
    assert!((e["roles"][3]["share_vacant"].as_f64().unwrap() - 12.0 / 38.5).abs() < 1e-12);
    assert_eq!(e["roles"][3]["agency_cover_of_vacancies"], 1.0);
    assert!(e["checks"].as_array().unwrap().iter().all(|c| c["passed"] == true));
}

#[test]
fn analyse_json_reports_failed_checks_and_missing_figures() {
    let table = temp_path("errors.tsv");
    std::fs::write(&table, "Role\tEstablishment\tPermanent\tAgency\nSocial Worker\t10\t8\tc\nTotal\t11\t8\t1\n")
        .unwrap();
    let run = wfr(&["analyse", table.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let role = &json["establishment"]["roles"][0];
    assert_eq!(role["agency"], serde_json::Value::Null);
    assert_eq!(role["not_available"]["agency"], "the Agency figure for Social Worker is suppressed as confidential");
    assert_eq!(role["not_available"]["vacancy_rate"], "the table has no Vacant column");
    let failed: Vec<&str> = json["establishment"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["passed"] == false)
        .map(|c| c["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        failed,
        [
            "The stated total for Establishment is 11.00, but the roles add up to 10.00 (a difference of 1.00).",
            "The stated total for Agency cannot be checked: some roles have no figure."
        ]
    );
}

#[test]
fn analyse_benchmarks_a_council_from_the_dfe_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/dfe");
    if !dir.is_dir() {
        eprintln!("notice: {} is absent; skipping this test", dir.display());
        return;
    }
    let indicators = dir.join("csww_indicators_2017_to_2025.csv");
    let neighbours = dir.join("statistical_neighbours_2025.csv");
    let run = wfr(&[
        "analyse",
        indicators.to_str().unwrap(),
        "--json",
        "--council",
        "Herefordshire, County of",
        "--neighbours",
        neighbours.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["kind"], "dfe_indicators");
    let dfe = &json["dfe"];
    let (compared, exceptions) =
        (dfe["rows_compared"].as_u64().unwrap(), dfe["exceptions"].as_array().unwrap().len() as u64);
    assert!(exceptions * 100 < compared, "{exceptions} of {compared}");
    let latest = &dfe["benchmark"][0];
    assert_eq!(latest["year"], "2025");
    assert_eq!(latest["council"]["vacancy_rate"], 32.4);
    assert_eq!(latest["england"]["vacancy_rate"], 14.2);
    assert!(latest["neighbours_mean"]["vacancy_rate"].is_f64());
    assert!(latest["rank"][0][0].as_u64().unwrap() >= 1);
}

#[test]
fn analyse_refuses_a_file_that_is_not_a_table() {
    let image = temp_path("chart.png");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n0000").unwrap();
    let run = wfr(&["analyse", image.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(String::from_utf8(run.stdout)
        .unwrap()
        .contains("problem: chart.png: The file is a PNG image, not a table."));
}

#[test]
fn analyse_gives_a_staff_lists_figures_at_the_date_asked() {
    let list = temp_path("staff.csv");
    std::fs::write(
        &list,
        "Job title,FTE,Contract type,Start date,Leaving date,Reason for leaving,Date of birth\n\
         Social Worker,1,Permanent,01/04/2015,,,15/03/1968\n\
         Social Worker,0.5,Permanent,01/11/2024,,,01/06/1990\n\
         Social Worker,1,Agency,01/01/2025,,,01/01/1985\n\
         Social Worker,1,Permanent,01/01/2018,31/03/2025,Career progression,01/01/1980\n",
    )
    .unwrap();
    let run = wfr(&["analyse", list.to_str().unwrap(), "--date", "30/09/2025", "--json"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["kind"], "staff_list");
    let s = &json["staff"];
    assert_eq!(s["reference_date"], "30/09/2025");
    assert_eq!((s["in_post_fte"].as_f64(), s["in_post_headcount"].as_u64()), (Some(1.5), Some(2)));
    assert_eq!(s["agency_headcount"], 1);
    assert_eq!(s["leavers_headcount"], 1);
    assert!((s["turnover_rate_fte"].as_f64().unwrap() - 1.0 / 1.5).abs() < 1e-12);
    assert_eq!(s["leavers_by_reason"], serde_json::json!([["Career progression", 1]]));

    let text = String::from_utf8(wfr(&["analyse", list.to_str().unwrap(), "--date", "30/09/2025"]).stdout).unwrap();
    assert!(text.contains("  Turnover                     66.7% (FTE), 50.0% (headcount)"), "{text}");
    // Counts agree with their nouns: one agency worker is "1 person".
    assert!(text.contains("4 people; figures at 30/09/2025"), "{text}");
    assert!(text.contains("  Agency in post               1.00 FTE, 1 person\n"), "{text}");
    assert!(text.contains("2 people\n") && !text.contains("1 people"), "{text}");
    let bad = wfr(&["analyse", list.to_str().unwrap(), "--date", "31/09/2025"]);
    assert!(String::from_utf8(bad.stderr).unwrap().contains("--date: '31/09/2025' is not a date"));
}

#[test]
fn analyse_json_covers_cohorts_recruitment_and_budgets() {
    let cases: &[(&str, &str, &str, serde_json::Value)] = &[
        (
            "cohorts.tsv",
            "Programme\tStarted\tCompleted\tStill employed\nASYE 2023\t12\t11\t9\n",
            "cohorts",
            serde_json::json!([{"programme": "ASYE 2023", "started": 12.0, "completed": 11.0, "still_employed": 9.0,
                "completion": 11.0 / 12.0, "retention": 9.0 / 11.0}]),
        ),
        (
            "campaigns.tsv",
            "Campaign\tPosts advertised\tApplications\tAppointments\nSpring\t6\t90\t4\n",
            "campaigns",
            serde_json::json!([{"campaign": "Spring", "posts": 6.0, "applications": 90.0, "appointments": 4.0,
                "applications_per_post": 15.0, "appointments_per_post": 4.0 / 6.0}]),
        ),
        (
            "budget.tsv",
            "Item\tBudget\tSpent\nTraining\t£10,000\t£4,000\n",
            "budget",
            serde_json::json!([{"item": "Training", "budget": 10000.0, "spent": 4000.0, "remaining": 6000.0, "share_spent": 0.4, "per_year": null}]),
        ),
    ];
    for (name, text, field, expected) in cases {
        let path = temp_path(name);
        std::fs::write(&path, text).unwrap();
        let run = wfr(&["analyse", path.to_str().unwrap(), "--json"]);
        assert!(run.status.success(), "{name}: {}", String::from_utf8_lossy(&run.stderr));
        let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(&json[*field], expected, "{name}");
    }
}

#[test]
fn a_project_file_or_a_static_page_renders_the_same_report_again() {
    let (project, first) = (temp_path("project.json"), temp_path("first.html"));
    let run = wfr(&["render", "--sample", "--project", project.to_str().unwrap(), "--html", first.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = std::fs::read_to_string(&first).unwrap();
    for from in [&project, &first] {
        let again = temp_path("again.html");
        let run = wfr(&["render", from.to_str().unwrap(), "--html", again.to_str().unwrap()]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        assert_eq!(std::fs::read_to_string(&again).unwrap(), page, "from {}", from.display());
    }
    let newer = temp_path("newer.json");
    let text = std::fs::read_to_string(&project).unwrap().replacen("\"schema_version\":2", "\"schema_version\":99", 1);
    std::fs::write(&newer, text).unwrap();
    let run = wfr(&["render", newer.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("saved by a newer version"));
}

#[test]
fn renders_the_sample_to_a_word_file() {
    let out = temp_path("sample.docx");
    let run = wfr(&["render", "--sample", "--docx", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty(), "the page is not printed when a Word file was asked for");
    let bytes = std::fs::read(&out).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("87.19") && xml.contains(" descr=\""), "figures and charts with alt text");
}

#[test]
fn renders_the_sample_tables_to_a_workbook() {
    let out = temp_path("sample.xlsx");
    let run = wfr(&["render", "--sample", "--xlsx", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty(), "the page is not printed when a workbook was asked for");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("a workbook");
    let names = calamine::Reader::sheet_names(&book);
    assert!(names.len() >= 3, "one sheet a table: {names:?}");
    let first = calamine::Reader::worksheet_range(&mut book, &names[0]).unwrap();
    assert!(first.used_cells().any(|(_, _, c)| *c == calamine::Data::Float(87.19)), "figures as numbers");
}

#[test]
fn renders_and_analyses_a_table_of_figures_as_the_page_does() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/general/years-across.txt");
    let table = temp_path("agency-spend.txt");
    std::fs::copy(&fixture, &table).unwrap();
    let run = wfr(&["render", table.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    // Its sentence, its table and its chart, as the page puts a table of figures in.
    assert!(page.contains("rose from £1.8m in 2019/20 to £2.6m in 2023/24"), "the first draft");
    assert!(page.contains("Table 1: Agency spend, 2019/20 to 2023/24"), "the table");
    assert!(page.contains("<svg class=\"chart\""), "the chart");

    let text = wfr(&["analyse", table.to_str().unwrap()]);
    assert!(text.status.success(), "{}", String::from_utf8_lossy(&text.stderr));
    let said = String::from_utf8(text.stdout).unwrap();
    assert!(said.contains("Layout: periods across"), "{said}");

    let json = wfr(&["analyse", table.to_str().unwrap(), "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["kind"], "general");
    assert_eq!(value["general"]["layout"], "periods_across");
    let rows = value["general"]["rows"].as_array().unwrap();
    assert_eq!(rows[0]["values"][0], 1_800_000.0, "{rows:?}");
}

#[test]
fn renders_a_tracker_and_refuses_a_staff_list_on_its_own_with_why() {
    let tracker = temp_path("tracker.tsv");
    std::fs::write(&tracker, "No.\tRecommendation\tStatus\n1\tReview pay\tAchieved\n2\tCut agency use\tSlipped\n")
        .unwrap();
    let run = wfr(&["render", tracker.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(page.contains("Green: achieved") && page.contains("Red: not on track"));
    let json = wfr(&["analyse", tracker.to_str().unwrap(), "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!((value["tracker"]["green"].as_u64(), value["tracker"]["red"].as_u64()), (Some(1), Some(1)));
}
