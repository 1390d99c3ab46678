//! Published comparison files for adult social care, long and wide: Oflog's metrics read
//! whole, and a council's rank, median, region and England figures agree with ones worked out
//! here from the file itself.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use wrb::engine::import::comparison::read_comparison;
use wrb::engine::import::kind::{classify, TableKind};
use wrb::engine::import::{load, split_text, Input};
use wrb::engine::metrics::areas::{compare, median, resolve, AreaChoice, Middle, RegionFigure};
use wrb::engine::model::{AreaLevel, Comparison, NoValue};

fn oflog_path() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/oflog/ASC_data.csv");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("notice: {} is absent; skipping this test", path.display());
        None
    }
}

fn oflog(path: &Path) -> Comparison {
    let bytes = std::fs::read(path).unwrap();
    let rows = load(Input::File { name: "ASC_data.csv", bytes: &bytes, sheet: None }).unwrap().rows.to_vec();
    assert_eq!(classify(&rows), TableKind::Comparison);
    read_comparison(&rows).unwrap()
}

/// The file's records as the csv crate reads them, to check against.
fn records(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path).unwrap().records().map(Result::unwrap).collect()
}

#[test]
fn oflog_s_metrics_read_whole_and_a_blank_is_no_value_not_0() {
    let Some(path) = oflog_path() else { return };
    let file = oflog(&path);
    let records = records(&path);
    assert_eq!(file.rows.len(), records.len(), "every row read");
    assert_eq!(file.measures.len(), 7);
    let turnover = file.measures.iter().find(|m| m.code == "ASC7").expect("the workforce measure");
    assert_eq!(turnover.name, "Outcome, Workforce turnover rate");
    assert!(turnover.percent);
    assert_eq!(file.periods().first().map(String::as_str), Some("2015-16"));
    assert_eq!(file.periods().last().map(String::as_str), Some("2022-23"));
    let councils: std::collections::BTreeSet<&str> = records.iter().map(|r| &r[2]).collect();
    assert_eq!(file.councils().len(), councils.len());
    assert!(file.rows.iter().all(|r| r.level == AreaLevel::Council), "Oflog's rows are all councils");
    // Every value as the file has it: blank cells are no value, with the reason, never 0.
    for (row, record) in file.rows.iter().zip(&records) {
        match record[8].trim() {
            "" => assert_eq!(row.value, Err(NoValue::Blank), "line {}", row.line),
            text => assert_eq!(row.value, Ok(text.parse::<f64>().unwrap()), "line {}", row.line),
        }
        assert_eq!((row.area.as_str(), row.period.as_str(), row.code.as_str()), (&record[2], &record[0], &record[1]));
    }
    assert!(file.rows.iter().any(|r| r.value.is_err()), "the file has blank values");
}

#[test]
fn a_council_s_rank_median_and_region_agree_with_the_file() {
    let Some(path) = oflog_path() else { return };
    let file = oflog(&path);
    let records = records(&path);
    for (council, period) in [("Darlington", "2022-23"), ("Hackney", "2019-20"), ("Cornwall", "2016-17")] {
        let choice = AreaChoice {
            council: Some(council.into()),
            period: Some(period.into()),
            measure: Some("Outcome, Workforce turnover rate".into()),
            ..AreaChoice::default()
        };
        let resolved = resolve(&file, &choice).unwrap();
        let latest = compare(&file, &resolved).pop().unwrap();
        assert_eq!(latest.period, period);
        // Worked out here from the records.
        let year: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[0] == period && &r[7] == "ASC7").collect();
        let values: Vec<f64> = year.iter().filter_map(|r| r[8].parse().ok()).collect();
        let ours_record = year.iter().find(|r| &r[2] == council).unwrap();
        let ours: f64 = ours_record[8].parse().unwrap();
        let rank = 1 + values.iter().filter(|v| **v < ours).count();
        assert_eq!(latest.council, Ok(ours));
        assert_eq!(latest.rank, Some((rank, values.len())), "{council} {period}");
        assert_eq!(latest.quartile, Some(((rank - 1) * 4 / values.len()) as u8 + 1));
        // No England row: the council is set beside the median the file publishes, which is
        // the median of the councils' figures.
        assert_eq!(latest.england, None);
        let published: f64 = ours_record[9].parse().unwrap();
        assert_eq!(latest.middle(), Some(Middle::PublishedMedian(published)));
        assert!((median(&values).unwrap() - published).abs() < 1e-6, "{council} {period}: the file's median");
        // No region rows: the region is the mean of its councils, said so.
        let region = &ours_record[5];
        let theirs: Vec<f64> =
            year.iter().filter(|r| &r[5] == region).filter_map(|r| r[8].parse::<f64>().ok()).collect();
        match latest.region.as_ref().unwrap() {
            RegionFigure::MeanOfCouncils { name, value, councils } => {
                assert_eq!(name, region);
                assert_eq!(*councils, theirs.len());
                assert!((value - theirs.iter().sum::<f64>() / theirs.len() as f64).abs() < 1e-9);
            }
            other => panic!("expected the mean of the region's councils, got {other:?}"),
        }
        // The chart's councils, lowest first.
        assert_eq!(latest.councils.len(), values.len());
        assert!(latest.councils.windows(2).all(|w| w[0].1 <= w[1].1));
    }
}

#[test]
fn the_choice_left_empty_takes_the_turnover_measure_and_the_newest_period() {
    let Some(path) = oflog_path() else { return };
    let file = oflog(&path);
    let choice = AreaChoice { council: Some("darlington".into()), ..AreaChoice::default() };
    let resolved = resolve(&file, &choice).unwrap();
    assert_eq!(resolved.council, "Darlington");
    assert_eq!(file.measures[resolved.measure].code, "ASC7");
    assert_eq!(resolved.periods, ["2019-20", "2020-21", "2021-22", "2022-23"], "the newest and three before it");
    assert_eq!(resolve(&file, &AreaChoice { council: Some("Atlantis".into()), ..AreaChoice::default() }), None);
}

/// Skills for Care's "LA level data" sheet, as officers copy it: wide, a column a measure, job
/// roles and sectors, "*" where suppressed, percentages written with %, region and England rows.
const SKILLS_FOR_CARE: &str = "Local authority area data, adult social care workforce, 2024/25\n\
\n\
CSSR (LA area)\tRegion\tSector\tService\tJob role\tTurnover rate\tVacancy rate\tFilled posts\n\
England\t\tLocal authority (adult services)\tAll services\tSocial worker\t14.5%\t10.5%\t16,200\n\
North East\t\tLocal authority (adult services)\tAll services\tSocial worker\t12.0%\t8.0%\t900\n\
Darlington\tNorth East\tLocal authority (adult services)\tAll services\tSocial worker\t16.0%\t9.0%\t60\n\
Durham\tNorth East\tLocal authority (adult services)\tAll services\tSocial worker\t11.0%\t*\t210\n\
Gateshead\tNorth East\tLocal authority (adult services)\tAll services\tSocial worker\t13.0%\t12.0%\t95\n\
Leeds\tYorkshire and The Humber\tLocal authority (adult services)\tAll services\tSocial worker\t15.0%\t7.5%\t300\n\
Darlington\tNorth East\tLocal authority (adult services)\tAll services\tOccupational therapist\t9.0%\t5.0%\t20\n\
Durham\tNorth East\tLocal authority (adult services)\tAll services\tOccupational therapist\t10.0%\t6.0%\t70\n\
\n\
Source: Skills for Care, Adult Social Care Workforce Data Set, September 2024\n";

/// LG Inform's CSV export: area code, area name, period, a column a measure, the rate stored
/// as a fraction as spreadsheets keep percentages.
const LG_INFORM: &str = "Area code,Area name,Period,Turnover rate of social workers in adult services\n\
E92000001,England,2023/24,0.145\n\
E12000001,North East,2023/24,0.120\n\
E06000005,Darlington,2023/24,0.160\n\
E06000047,County Durham,2023/24,0.110\n\
E08000037,Gateshead,2023/24,\n\
E92000001,England,2022/23,0.171\n\
E06000005,Darlington,2022/23,0.180\n\
E06000047,County Durham,2022/23,0.150\n\
E08000037,Gateshead,2022/23,0.200\n";

#[test]
fn wide_files_read_a_column_a_measure_with_roles_sectors_and_suppressed_cells() {
    let rows = split_text(SKILLS_FOR_CARE);
    assert_eq!(classify(&rows), TableKind::Comparison);
    let file = read_comparison(&rows).unwrap();
    let names: Vec<&str> = file.measures.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Turnover rate", "Vacancy rate", "Filled posts"]);
    assert_eq!(file.measures.iter().map(|m| m.percent).collect::<Vec<_>>(), [true, true, false]);
    assert_eq!(file.councils(), ["Darlington", "Durham", "Gateshead", "Leeds"]);
    assert_eq!(file.distinct(|r| &r.role), ["Social worker", "Occupational therapist"]);
    assert_eq!(file.distinct(|r| &r.sector), ["Local authority (adult services), All services"]);
    let durham_vacancy = file.rows.iter().find(|r| r.area == "Durham" && r.measure == 1 && r.role == "Social worker");
    assert_eq!(durham_vacancy.unwrap().value, Err(NoValue::Confidential), "* is suppressed, not 0");
    assert!(file.rows.iter().any(|r| r.area == "England" && r.level == AreaLevel::England));
    assert!(file.rows.iter().any(|r| r.area == "North East" && r.level == AreaLevel::Region));

    let choice = AreaChoice { council: Some("Darlington".into()), ..AreaChoice::default() };
    let resolved = resolve(&file, &choice).unwrap();
    assert_eq!(
        (resolved.role.as_str(), file.measures[resolved.measure].name.as_str()),
        ("Social worker", "Turnover rate")
    );
    let figures = compare(&file, &resolved).pop().unwrap();
    assert_eq!(figures.council, Ok(16.0));
    assert_eq!(figures.middle(), Some(Middle::England(14.5)));
    assert_eq!(figures.region, Some(RegionFigure::Published { name: "North East".into(), value: 12.0 }));
    assert_eq!(figures.rank, Some((4, 4)), "the highest of four councils");
    assert_eq!(figures.quartile, Some(4));
    // Occupational therapists are compared among occupational therapists only.
    let ot = AreaChoice {
        council: Some("Darlington".into()),
        role: Some("Occupational therapist".into()),
        ..AreaChoice::default()
    };
    let ot = compare(&file, &resolve(&file, &ot).unwrap()).pop().unwrap();
    assert_eq!((ot.council, ot.rank), (Ok(9.0), Some((1, 2))));
}

#[test]
fn ons_codes_set_the_level_and_a_fraction_rate_reads_as_percent() {
    let rows = split_text(LG_INFORM);
    assert_eq!(classify(&rows), TableKind::Comparison);
    let file = read_comparison(&rows).unwrap();
    assert!(file.measures[0].percent);
    assert_eq!(file.councils(), ["County Durham", "Darlington", "Gateshead"]);
    assert_eq!(file.periods(), ["2022/23", "2023/24"]);
    let levels: Vec<(&str, AreaLevel)> = file.rows.iter().take(3).map(|r| (r.area.as_str(), r.level)).collect();
    assert_eq!(
        levels,
        [("England", AreaLevel::England), ("North East", AreaLevel::Region), ("Darlington", AreaLevel::Council)]
    );
    let resolved = resolve(&file, &AreaChoice { council: Some("Darlington".into()), ..AreaChoice::default() }).unwrap();
    let years = compare(&file, &resolved);
    assert_eq!(years.iter().map(|y| y.period.as_str()).collect::<Vec<_>>(), ["2022/23", "2023/24"]);
    let latest = &years[1];
    assert!((latest.council.unwrap() - 16.0).abs() < 1e-9);
    assert!((latest.england.unwrap() - 14.5).abs() < 1e-9);
    // Gateshead's blank is no figure: two councils are ranked, not three.
    assert_eq!(latest.rank, Some((2, 2)));
    // No region column: the region is not guessed.
    assert_eq!(latest.region, None);
}

#[test]
fn a_file_without_an_area_or_a_figure_says_which_it_lacks() {
    let no_figures = "Local authority name\tNotes\nDarlington\tnone\n";
    let problems = read_comparison(&split_text(no_figures)).unwrap_err();
    assert!(problems[0].to_string().contains("measure"), "{}", problems[0]);
    let text_in_value = "Area code,Area name,Measure,Value\nE06000005,Darlington,Turnover,high\n";
    let problems = read_comparison(&split_text(text_in_value)).unwrap_err();
    let message = problems[0].to_string();
    assert!(message.contains("'high' is not a number") && message.starts_with("Row 2, column Value"), "{message}");
}

#[test]
fn the_adult_template_opens_with_its_comparison_file_and_benchmark_blocks() {
    use wrb::engine::report::build_report_reading_files as build_report;
    use wrb::engine::report::Block;
    use wrb::engine::sample::Template;
    let mut project = Template::AdultVacanciesRisk.project();
    let report = build_report(&project);
    let table =
        report.tables().find(|t| t.caption.contains("compared with England")).expect("the adult benchmark table");
    assert!(
        table.caption.contains("Northshire compared with England and North Midlands: turnover rate"),
        "{}",
        table.caption
    );
    assert_eq!(table.header, ["Area", "September 2021", "September 2022", "September 2023"]);
    let row = |label: &str| {
        table.rows.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("{label}: {:?}", table.rows)).clone()
    };
    // England's published figures for council adult services' social workers (domain.md).
    assert_eq!(row("England")[1..], ["15.0%", "17.1%", "14.5%"]);
    assert_eq!(row("Northshire")[1..], ["16.2%", "18.4%", "15.1%"]);
    assert_eq!(row("North Midlands").len(), 4, "the file's own region row");
    assert!(row("Rank among councils (1 = lowest)")[3].ends_with(" of 11"));
    assert!(table
        .notes
        .iter()
        .any(|n| n.starts_with("Turnover rate: leavers in the last 12 months ÷ directly employed staff")));
    let chart = report
        .charts()
        .find(|c| c.id.starts_with("figure") && c.title.starts_with("Northshire's turnover rate was above England's"));
    let chart = chart.unwrap_or_else(|| panic!("{:?}", report.charts().map(|c| &c.title).collect::<Vec<_>>()));
    assert_eq!(chart.data.rows.len(), 11, "every council with a figure");
    assert!(chart.data.rows.iter().any(|r| r[1] == "Northshire (this council)"));
    // The sentence above them is filled from the file: no figure is left without a value.
    let text: String = report
        .blocks()
        .filter_map(|b| if let Block::Text(runs) = b { Some(wrb::engine::report::live::plain(runs)) } else { None })
        .find(|t| t.starts_with("Skills for Care's figures"))
        .expect("the benchmarking paragraph");
    assert!(text.contains("at 15.1% in September 2023, above the England figure of 14.5% (September 2023)"), "{text}");
    assert!(text.contains("ranks ") && text.contains(" of 11 councils"), "{text}");
    // Choosing the vacancy rate and an earlier period changes the blocks.
    project.settings.areas = AreaChoice {
        measure: Some("Vacancy rate".into()),
        period: Some("September 2022".into()),
        ..AreaChoice::default()
    };
    let report = build_report(&project);
    let table = report.tables().find(|t| t.caption.contains("compared with England")).unwrap();
    assert!(table.caption.ends_with("vacancy rate"), "{}", table.caption);
    assert_eq!(table.header, ["Area", "September 2021", "September 2022"]);
}

#[test]
fn the_adult_template_counts_staff_by_skills_for_care_s_definitions_and_says_so() {
    use wrb::engine::model::Definitions;
    use wrb::engine::report::build_report_reading_files as build_report;
    use wrb::engine::sample::Template;
    let mut project = Template::AdultVacanciesRisk.project();
    assert_eq!(project.settings.definitions, Definitions::AdultSkillsForCare);
    let notes = |project: &wrb::engine::model::Project| {
        let report = build_report(project);
        let found = report.tables().find(|t| t.caption.contains("starters and leavers")).cloned();
        found.expect("the staff flows table")
    };
    let adult = notes(&project);
    assert!(adult.notes.iter().any(|n| n.starts_with("Definitions: Skills for Care's for adult social care")));
    assert!(adult.rows.iter().any(|r| r[0] == "Bank, pool and other indirectly employed"));
    project.settings.definitions = Definitions::ChildrensDfe;
    let children = notes(&project);
    assert!(children.notes.iter().any(|n| n.starts_with("Definitions: the DfE's for children's social work")));
    assert!(!children.rows.iter().any(|r| r[0].starts_with("Bank")));
}

/// Skills for Care's sheets name the column "Main job role" as often as "Job role".
#[test]
fn a_main_job_role_column_is_the_job_role() {
    let text = "CSSR\tMain job role\tTurnover rate\nEngland\tSocial Worker\t14.5%\nDarlington\tSocial Worker\t16.0%\n\
                Darlington\tOccupational Therapist\t9.0%\n";
    let file = read_comparison(&split_text(text)).unwrap();
    assert_eq!(file.distinct(|r| &r.role), ["Social Worker", "Occupational Therapist"]);
    assert_eq!(file.measures.len(), 1, "the role column is not taken for a measure");
}
