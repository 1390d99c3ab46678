//! The fictional sample tables in src/engine/sample: each is recognised as its kind, read
//! without problems, and holds the figures the sample report is built on.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::dfe::{read_indicators, read_neighbours};
use wrb::engine::import::kind::{classify, TableKind};
use wrb::engine::import::pipeline_tables::{read_budget, read_cohorts};
use wrb::engine::import::staff::read_staff_list;
use wrb::engine::import::{read_input, split_text};
use wrb::engine::metrics::benchmark::{benchmark, published, recompute, Rate, Rates};
use wrb::engine::metrics::checks::establishment_checks;
use wrb::engine::metrics::staff::{default_reference_date, staff_figures, BandWidth};
use wrb::engine::model::{
    DfeIndicators, Entry, EstablishmentTable, Field, Level, NoValue, Percent, RememberedMappings,
    StatisticalNeighbours, TableInput,
};

const INDICATORS: &str = include_str!("../src/engine/sample/dfe_indicators.csv");
const NEIGHBOURS: &str = include_str!("../src/engine/sample/statistical_neighbours.csv");
const COHORTS: &str = include_str!("../src/engine/sample/cohorts.tsv");
const BUDGET: &str = include_str!("../src/engine/sample/budget.tsv");
const ADULT_2025_26: &str = include_str!("../src/engine/sample/adult_establishment_2025_26.tsv");
const ADULT_2024_25: &str = include_str!("../src/engine/sample/adult_establishment_2024_25.tsv");
const STAFF: &str = include_str!("../src/engine/sample/adult_staff_list.csv");

/// Northshire's ten fictional statistical neighbours, closest first.
const NORTHSHIRE_NEIGHBOURS: [u32; 10] = [991, 998, 992, 994, 993, 995, 997, 996, 999, 989];

fn indicators() -> DfeIndicators {
    let rows = split_text(INDICATORS);
    assert_eq!(classify(&rows), TableKind::DfeIndicators);
    read_indicators(&rows).expect("the sample indicators read")
}

fn neighbours() -> StatisticalNeighbours {
    let rows = split_text(NEIGHBOURS);
    assert_eq!(classify(&rows), TableKind::StatisticalNeighbours);
    read_neighbours(&rows).expect("the sample neighbours read")
}

fn close(measure: &wrb::engine::metrics::Measure, expected: f64) -> bool {
    measure.as_ref().is_ok_and(|v| (v - expected).abs() < 1e-9)
}

fn assert_rates(rates: &Rates, [vacancy, agency, turnover, caseload]: [f64; 4], what: &str) {
    for (rate, expected) in Rate::ALL.into_iter().zip([vacancy, agency, turnover, caseload]) {
        assert!(
            close(&rates.published(rate), expected),
            "{what}: {} is {:?}, expected {expected}",
            rate.label(),
            rates.published(rate)
        );
    }
}

#[test]
fn the_indicators_hold_england_the_region_and_eleven_councils_for_five_years() {
    let data = indicators();
    assert_eq!(data.rows.len(), 5 * 13);
    for year in ["2021", "2022", "2023", "2024", "2025"] {
        let in_year: Vec<_> = data.rows.iter().filter(|r| r.year == year).collect();
        assert_eq!(in_year.iter().filter(|r| r.level == Level::National).count(), 1, "{year}");
        assert_eq!(in_year.iter().filter(|r| r.level == Level::Regional).count(), 1, "{year}");
        let councils: Vec<_> = in_year.iter().filter(|r| r.level == Level::LocalAuthority).collect();
        assert_eq!(councils.len(), 11, "{year}");
        assert!(councils.iter().all(|r| r.region == "North Midlands"), "{year}");
    }
    let codes: Vec<u32> = data.rows.iter().filter(|r| r.year == "2025").filter_map(|r| r.old_la_code).collect();
    assert_eq!(codes, [990, 991, 992, 993, 994, 995, 996, 997, 998, 999, 989]);
}

#[test]
fn the_fictional_rows_publish_the_rates_their_counts_give() {
    let data = indicators();
    let mut compared = 0;
    // England's rows are the real published ones, and DfE revises back years' counts (its 2024
    // row no longer reproduces its rates); the fictional rows are made with the DfE formulas.
    for row in data.rows.iter().filter(|r| r.level != Level::National) {
        let (ours, theirs) = (recompute(row), published(row));
        for rate in Rate::ALL {
            match (ours.published(rate), theirs.published(rate)) {
                (Ok(a), Ok(b)) => {
                    assert!((a - b).abs() <= 0.05 + 1e-9, "{} {} {}: {a} vs {b}", row.year, row.name, rate.label());
                    compared += 1;
                }
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{} {} {}: recomputed {a:?}, published {b:?}", row.year, row.name, rate.label()),
            }
        }
    }
    assert_eq!(compared, 12 * 5 * 4 - 1, "every rate but Greywater's suppressed 2023 turnover");

    let northshire_2025 =
        data.rows.iter().find(|r| r.name == "Northshire" && r.year == "2025").expect("Northshire 2025");
    let recomputed = recompute(northshire_2025).vacancy.unwrap();
    assert!((recomputed.0 - 29.7).abs() < 0.1, "{recomputed:?}");
    assert_eq!(northshire_2025.published.vacancy, Ok(Percent(29.7)));
}

#[test]
fn a_suppressed_count_is_no_value_with_its_reason() {
    let data = indicators();
    let greywater = data.rows.iter().find(|r| r.name == "Greywater" && r.year == "2023").unwrap();
    assert_eq!(greywater.leavers_fte, Entry::NoValue(NoValue::Confidential));
    assert_eq!(greywater.published.turnover, Err(NoValue::Confidential));
    assert!(recompute(greywater).turnover.is_err());
    assert!(recompute(greywater).vacancy.is_ok());
}

#[test]
fn northshire_is_benchmarked_against_england_its_region_and_ten_neighbours() {
    let (data, neighbours) = (indicators(), neighbours());
    let years = benchmark(&data, Some(&neighbours), "Northshire");
    let labels: Vec<&str> = years.iter().map(|y| y.year.as_str()).collect();
    assert_eq!(labels, ["2025", "2024", "2023", "2022", "2021"], "newest first");

    let latest = &years[0];
    assert_rates(&latest.council, [29.7, 25.7, 17.3, 18.4], "Northshire 2025");
    assert_rates(latest.england.as_ref().unwrap(), [14.2, 13.0, 11.8, 15.2], "England 2025");
    assert_rates(latest.region.as_ref().unwrap(), [18.1, 16.1, 14.1, 16.1], "North Midlands 2025");
    let (mean, counted) = latest.neighbours.as_ref().unwrap();
    assert_eq!(*counted, [10; 4]);
    assert!(mean.vacancy.as_ref().is_ok_and(|v| (v.0 - 16.85).abs() < 0.005), "{:?}", mean.vacancy);
    // Northshire has the highest vacancy and agency rates of the eleven councils.
    assert_eq!(latest.rank[0], Some((11, 11)));
    assert_eq!(latest.rank[1], Some((11, 11)));

    let england_2024 = years[1].england.as_ref().unwrap();
    assert_rates(england_2024, [17.3, 16.2, 13.9, 15.4], "England 2024");

    for year in &years {
        assert!(year.england.is_some() && year.region.is_some(), "{}", year.year);
        let (mean, counted) = year.neighbours.as_ref().unwrap();
        let turnover_count = if year.year == "2023" { 9 } else { 10 };
        assert_eq!(*counted, [10, 10, turnover_count, 10], "{}", year.year);
        // Northshire sits above England and its neighbours' mean on vacancy every year.
        let ours = year.council.vacancy.clone().unwrap();
        assert!(ours > year.england.as_ref().unwrap().vacancy.clone().unwrap(), "{}", year.year);
        assert!(ours > mean.vacancy.clone().unwrap(), "{}", year.year);
    }
}

#[test]
fn every_council_lists_its_ten_neighbours() {
    let neighbours = neighbours();
    assert_eq!(neighbours.by_council.get(&990).unwrap(), &NORTHSHIRE_NEIGHBOURS);
    assert_eq!(neighbours.by_council.len(), 11);
    for (council, list) in &neighbours.by_council {
        assert_eq!(list.len(), 10, "{council}");
        assert!(!list.contains(council), "{council} is not its own neighbour");
    }
}

#[test]
fn cohorts_narrow_from_started_to_still_employed() {
    let rows = split_text(COHORTS);
    assert_eq!(classify(&rows), TableKind::Cohort);
    let cohorts = read_cohorts(&rows).unwrap();
    let names: Vec<&str> = cohorts.iter().map(|c| c.programme.as_str()).collect();
    assert_eq!(
        names,
        ["ASYE 2022/23", "ASYE 2023/24", "ASYE 2024/25", "Step Up to Social Work 2023", "Social work apprentices 2022"]
    );
    for c in &cohorts {
        let (started, completed, still) = (c.started.unwrap(), c.completed.unwrap(), c.still_employed.unwrap());
        assert!(still <= completed && completed <= started, "{}", c.programme);
    }
    assert_eq!(
        (cohorts[1].started, cohorts[1].completed, cohorts[1].still_employed),
        (Some(12.0), Some(11.0), Some(9.0))
    );
}

#[test]
fn the_budget_reads_its_pounds_and_leaves_the_total_out() {
    let rows = split_text(BUDGET);
    assert_eq!(classify(&rows), TableKind::Budget);
    let budget = read_budget(&rows).unwrap();
    assert_eq!(budget.len(), 4, "the Total row is not a budget line");
    let total =
        |f: fn(&wrb::engine::model::BudgetRow) -> Option<f64>| budget.iter().map(|b| f(b).unwrap()).sum::<f64>();
    assert_eq!(total(|b| b.budget), 396_500.0);
    assert_eq!(total(|b| b.spent), 234_900.0);
    let apprenticeships = budget.iter().find(|b| b.item.starts_with("Social work apprenticeships")).unwrap();
    assert_eq!((apprenticeships.budget, apprenticeships.years), (Some(210_000.0), Some(3.0)));
}

fn adult_table(text: &str) -> EstablishmentTable {
    let reading = read_input(&TableInput::pasted(text, "x"), &RememberedMappings::new());
    assert_eq!(reading.kind, TableKind::Establishment);
    let read = reading.outcome.expect("the adult establishment reads");
    let read = read.establishment().expect("read as an establishment table");
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    read.table.clone()
}

fn figure(table: &EstablishmentTable, role: &str, field: Field) -> f64 {
    let row = if role == "Total" {
        table.stated_total.as_ref().unwrap()
    } else {
        table.rows.iter().find(|r| r.role == role).unwrap()
    };
    match row.get(field) {
        Some(Entry::Number(v)) => v,
        other => panic!("{role} {field:?}: {other:?}"),
    }
}

#[test]
fn the_adult_establishment_tables_pass_every_check() {
    for (text, totals) in
        [(ADULT_2025_26, [64.0, 46.7, 10.0, 17.3, 7.3]), (ADULT_2024_25, [63.0, 49.5, 13.0, 13.5, 0.5])]
    {
        let table = adult_table(text);
        assert_eq!(table.rows.len(), 8);
        let findings = establishment_checks(&table);
        let failed: Vec<&str> = findings.iter().filter(|f| !f.passed).map(|f| f.message.as_str()).collect();
        assert!(failed.is_empty(), "{failed:?}");
        assert!(findings
            .iter()
            .any(|f| f.message == "Every (over)/under figure is establishment − permanent − agency."));
        for (field, expected) in Field::ALL.into_iter().zip(totals) {
            assert!((figure(&table, "Total", field) - expected).abs() < 1e-9, "{field:?}");
        }
    }
}

#[test]
fn the_staff_list_describes_the_year_to_30_september_2025() {
    let rows = split_text(STAFF);
    assert_eq!(classify(&rows), TableKind::StaffList);
    let list = read_staff_list(&rows).unwrap();
    assert_eq!(list.people.len(), 80);
    let reference = default_reference_date(&list).unwrap();
    assert_eq!(reference.to_string(), "30/09/2025");

    let figures = staff_figures(&list, reference, BandWidth::Ten, Default::default());
    assert!(figures.gaps.is_empty(), "{:?}", figures.gaps);
    assert_eq!((figures.in_post_headcount, figures.agency_headcount), (53, 10));
    assert!((figures.in_post_fte - 46.7).abs() < 1e-9 && (figures.agency_fte - 10.0).abs() < 1e-9);
    assert_eq!(figures.leavers_headcount, 15);
    assert!(figures.leavers_headcount >= 10);
    assert_eq!(figures.starters_headcount, 12);
    let share = figures.aged_55_and_over.clone().unwrap();
    assert!((0.2..=0.3).contains(&share), "{share}");
    assert_eq!(figures.age_unknown, 0);
    let reasons: Vec<(&str, usize)> = figures.leavers_by_reason.iter().map(|(r, n)| (r.as_str(), *n)).collect();
    assert_eq!(
        reasons,
        [
            ("Resignation – career progression", 4),
            ("Resignation – workload", 3),
            ("Retirement", 3),
            ("End of fixed-term contract", 2),
            ("Relocation", 2),
            ("Dismissal", 1)
        ]
    );
}

#[test]
fn the_staff_list_is_the_2025_26_establishment_in_post() {
    let table = adult_table(ADULT_2025_26);
    let list = read_staff_list(&split_text(STAFF)).unwrap();
    let figures = staff_figures(&list, default_reference_date(&list).unwrap(), BandWidth::Ten, Default::default());
    assert_eq!(figures.by_role.len(), table.rows.len());
    for role in &figures.by_role {
        assert!((figure(&table, &role.name, Field::Permanent) - role.employed_fte).abs() < 1e-9, "{}", role.name);
        assert!((figure(&table, &role.name, Field::Agency) - role.agency_fte).abs() < 1e-9, "{}", role.name);
    }
}
