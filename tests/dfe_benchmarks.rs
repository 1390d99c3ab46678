//! The DfE indicators file: rates recomputed from the counts match the published ones, and a
//! council's benchmark against England, its region and its statistical neighbours.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use wrb::engine::import::dfe::{read_indicators, read_neighbours};
use wrb::engine::import::{load, Input};
use wrb::engine::metrics::benchmark::{benchmark, published, recompute, Rate};
use wrb::engine::model::{DfeIndicators, Percent, StatisticalNeighbours};

fn shared(file: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/dfe").join(file);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("notice: {} is absent; skipping this test", path.display());
        None
    }
}

fn rows(path: &Path) -> Vec<wrb::engine::import::grid::GridRow> {
    let bytes = std::fs::read(path).unwrap();
    load(Input::File { name: "dfe.csv", bytes: &bytes, sheet: None }).unwrap().rows.to_vec()
}

fn indicators() -> Option<DfeIndicators> {
    Some(read_indicators(&rows(&shared("csww_indicators_2017_to_2025.csv")?)).unwrap())
}

fn neighbours() -> Option<StatisticalNeighbours> {
    Some(read_neighbours(&rows(&shared("statistical_neighbours_2025.csv")?)).unwrap())
}

#[test]
fn recomputed_rates_reproduce_the_published_ones() {
    let Some(data) = indicators() else { return };
    let mut compared = 0;
    let mut exceptions = Vec::new();
    for row in &data.rows {
        let (ours, theirs) = (recompute(row), published(row));
        let mut differs = Vec::new();
        let mut any = false;
        for rate in Rate::ALL {
            if let (Ok(a), Ok(b)) = (ours.published(rate), theirs.published(rate)) {
                any = true;
                if (a - b).abs() > 0.1 + 1e-9 {
                    differs.push(format!("{} {a:.2} vs published {b}", rate.label()));
                }
            }
        }
        compared += usize::from(any);
        if !differs.is_empty() {
            exceptions.push(format!(
                "{} {} ({:?}, line {}): {}",
                row.year,
                row.name,
                row.level,
                row.line,
                differs.join("; ")
            ));
        }
    }
    eprintln!("{} of {compared} rows differ by more than 0.1:", exceptions.len());
    for exception in &exceptions {
        eprintln!("  {exception}");
    }
    assert!(compared > 1400, "rows with rates to compare: {compared}");
    assert!(exceptions.len() * 100 < compared, "{} exceptions in {compared} rows is more than 1%", exceptions.len());
}

#[test]
fn a_council_is_benchmarked_against_england_its_region_and_neighbours() {
    let (Some(data), Some(neighbours)) = (indicators(), neighbours()) else { return };
    let years = benchmark(&data, Some(&neighbours), "Herefordshire, County of");
    assert_eq!(years.first().map(|y| y.year.as_str()), Some("2025"), "newest year first");
    assert!(years.len() >= 8, "every year the council appears: {}", years.len());

    let latest = &years[0];
    assert_eq!(latest.council.vacancy, Ok(Percent(32.4)));
    assert_eq!(latest.england.as_ref().unwrap().vacancy, Ok(Percent(14.2)), "England 2025, as in domain.md");
    assert!((latest.council.share(Rate::Vacancy).unwrap() - 0.324).abs() < 1e-12, "a share for the report");
    assert!(latest.region.is_some(), "West Midlands");

    // The neighbours' mean, worked out here straight from the two CSV files.
    let (expected, count) = independent_neighbour_mean(884, "2025");
    let (mean, counts) = latest.neighbours.as_ref().unwrap();
    assert_eq!(counts[0], count);
    assert!((mean.vacancy.clone().unwrap().0 - expected).abs() < 1e-9, "{:?} vs {expected}", mean.vacancy);

    let (rank, of) = latest.rank[0].unwrap();
    assert!(of > 140 && (1..=of).contains(&rank), "rank {rank} of {of}");
}

#[test]
fn the_lowest_vacancy_rate_ranks_first() {
    let Some(data) = indicators() else { return };
    let councils: Vec<_> = data
        .rows
        .iter()
        .filter(|r| r.year == "2025" && r.level == wrb::engine::model::Level::LocalAuthority)
        .filter_map(|r| published(r).published(Rate::Vacancy).ok().map(|v| (v, r.name.clone())))
        .collect();
    let (lowest, name) = councils.iter().cloned().fold((f64::MAX, String::new()), |a, b| if b.0 < a.0 { b } else { a });
    let years = benchmark(&data, None, &name);
    assert_eq!(years[0].council.vacancy, Ok(Percent(lowest)));
    assert_eq!(years[0].rank[0].unwrap().0, 1);
    assert!(years[0].neighbours.is_none(), "no neighbours file given");
}

/// Mean published vacancy rate of a council's neighbours, read with the csv crate directly.
fn independent_neighbour_mean(council: u32, year: &str) -> (f64, usize) {
    let mut reader = csv::Reader::from_path(shared("statistical_neighbours_2025.csv").unwrap()).unwrap();
    let headers = reader.headers().unwrap().clone();
    let sn: Vec<usize> = (1..=10).map(|n| headers.iter().position(|h| h == format!("SN_{n}")).unwrap()).collect();
    let codes: Vec<String> = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[0].trim_start_matches('\u{feff}') == council.to_string())
        .map(|r| sn.iter().map(|&i| r[i].to_owned()).collect())
        .unwrap();
    let mut reader = csv::Reader::from_path(shared("csww_indicators_2017_to_2025.csv").unwrap()).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (year_col, level_col, code_col, rate_col) =
        (col("time_period"), col("geographic_level"), col("old_la_code"), col("vacancy_rate_fte"));
    let rates: Vec<f64> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| {
            &r[year_col] == year && &r[level_col] == "Local authority" && codes.contains(&r[code_col].to_owned())
        })
        .filter_map(|r| r[rate_col].parse().ok())
        .collect();
    (rates.iter().sum::<f64>() / rates.len() as f64, rates.len())
}

#[test]
fn a_neighbour_cell_naming_two_councils_reads_both_and_text_is_said_not_dropped() {
    let file = "old_la_code,la_name,SN_1,SN_2,SN_3\n\
                928,Northamptonshire,940 / 941,855,see note\n\
                940 / 941,North and West Northamptonshire,928,855,\n";
    let rows = load(Input::File { name: "neighbours.csv", bytes: file.as_bytes(), sheet: None }).unwrap().rows.to_vec();
    let read = read_neighbours(&rows).unwrap();
    assert_eq!(read.by_council[&928], [940, 941, 855]);
    assert_eq!(read.by_council[&940], [928, 855], "a split council's code row gives both councils");
    assert_eq!(read.by_council[&941], [928, 855]);
    assert_eq!(read.unread, ["row 2, column SN_3: 'see note' is not a council code"]);
    // The published file reads whole.
    let Some(real) = neighbours() else { return };
    assert!(real.unread.is_empty(), "{:?}", real.unread);
    assert!(real.by_council.len() > 140);
}
