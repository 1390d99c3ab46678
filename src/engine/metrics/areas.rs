//! A council beside England (or the median across councils), its region and every other
//! council, from a published comparison file (`model::Comparison`): the adult social care
//! benchmark (`../shared/domain.md`, "Adult social care (Skills for Care, Oflog, LG Inform)").

use serde::{Deserialize, Serialize};

pub use crate::engine::model::AreaChoice;
use crate::engine::model::{AreaLevel, Comparison, ComparisonRow, NoValue};

/// A choice made whole: every part named, as the file spells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub council: String,
    /// The periods compared, oldest first; the chosen one last.
    pub periods: Vec<String>,
    pub measure: usize,
    /// Empty where the file has no job roles (or sectors).
    pub role: String,
    pub sector: String,
}

/// The area the council is set beside when the file has no England row.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Middle {
    /// The file's England figure.
    England(f64),
    /// The median across councils as the file publishes it (Oflog's `MEDIAN`).
    PublishedMedian(f64),
    /// The median worked out here from every council with a figure.
    Median(f64),
}

impl Middle {
    pub fn value(self) -> f64 {
        match self {
            Middle::England(v) | Middle::PublishedMedian(v) | Middle::Median(v) => v,
        }
    }

    /// What the figure is, as a row label: "England", "Median across councils".
    pub fn label(self) -> &'static str {
        match self {
            Middle::England(_) => "England",
            Middle::PublishedMedian(_) | Middle::Median(_) => "Median across councils",
        }
    }
}

/// The council's region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RegionFigure {
    /// The file's own figure for the region.
    Published { name: String, value: f64 },
    /// No region row: the mean of the region's councils with a figure, and how many.
    MeanOfCouncils { name: String, value: f64, councils: usize },
}

impl RegionFigure {
    pub fn value(&self) -> f64 {
        match self {
            RegionFigure::Published { value, .. } | RegionFigure::MeanOfCouncils { value, .. } => *value,
        }
    }
}

/// One period of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaFigures {
    pub period: String,
    /// The council's figure as published, or why there is none (never 0).
    pub council: Result<f64, NoValue>,
    /// England's figure, where the file has an England row.
    pub england: Option<f64>,
    /// The median across councils: the file's where it publishes one, or worked out.
    pub median: Option<Middle>,
    pub region: Option<RegionFigure>,
    /// 1 = lowest figure; ties share the lower rank. With the number of councils ranked.
    pub rank: Option<(usize, usize)>,
    /// 1 = the lowest quarter of councils, 4 = the highest.
    pub quartile: Option<u8>,
    /// Every council with a figure, lowest first, for the chart.
    pub councils: Vec<(String, f64)>,
}

impl AreaFigures {
    /// England where the file has it, else the median across councils.
    pub fn middle(&self) -> Option<Middle> {
        self.england.map(Middle::England).or(self.median)
    }
}

/// Fills in a choice from the file: the council chosen (or the first A to Z), the measure
/// (or the first about turnover, or the first), a job role and sector (or the one that says
/// "all", or the first), and the period (or the newest with a figure for the council) with
/// up to three before it.
pub fn resolve(file: &Comparison, choice: &AreaChoice) -> Option<Resolved> {
    let councils = file.councils();
    let council = match &choice.council {
        Some(c) => councils.iter().find(|n| same(n, c))?.clone(),
        None => councils.first()?.clone(),
    };
    let measure = match &choice.measure {
        Some(m) => file.measures.iter().position(|x| same(&x.name, m))?,
        None => {
            file.measures.iter().position(|m| crate::engine::case::lower(&m.name).contains("turnover")).unwrap_or(0)
        }
    };
    let pick = |chosen: &Option<String>, of: fn(&ComparisonRow) -> &str| -> Option<String> {
        let all = file.distinct(of);
        match chosen {
            Some(c) => all.iter().find(|v| same(v, c)).cloned(),
            None => Some(
                all.iter()
                    .find(|v| crate::engine::case::lower(v).starts_with("all"))
                    .or(all.first())
                    .cloned()
                    .unwrap_or_default(),
            ),
        }
    };
    let role = pick(&choice.role, |r| &r.role)?;
    let sector = pick(&choice.sector, |r| &r.sector)?;
    let periods = file.periods();
    let ours = |period: &str| {
        file.rows.iter().any(|r| {
            r.period == period && r.measure == measure && r.area == council && r.role == role && r.sector == sector
        })
    };
    let chosen = match &choice.period {
        Some(p) => periods.iter().position(|x| same(x, p))?,
        None => match periods.iter().rposition(|p| ours(p)) {
            Some(at) => at,
            // A file with no periods: one comparison, unnamed.
            None if periods.is_empty() => {
                return Some(Resolved { council, periods: vec![String::new()], measure, role, sector })
            }
            None => periods.len() - 1,
        },
    };
    let from = chosen.saturating_sub(3);
    let periods = if periods.is_empty() { vec![String::new()] } else { periods[from..=chosen].to_vec() };
    Some(Resolved { council, periods, measure, role, sector })
}

fn same(a: &str, b: &str) -> bool {
    crate::engine::case::lower(a.trim()) == crate::engine::case::lower(b.trim())
}

/// The council beside England or the median, its region and every council, for each period
/// of the choice, oldest first.
pub fn compare(file: &Comparison, choice: &Resolved) -> Vec<AreaFigures> {
    choice.periods.iter().map(|period| compare_period(file, choice, period)).collect()
}

fn compare_period(file: &Comparison, choice: &Resolved, period: &str) -> AreaFigures {
    let rows: Vec<&ComparisonRow> = file
        .rows
        .iter()
        .filter(|r| {
            r.period == period && r.measure == choice.measure && r.role == choice.role && r.sector == choice.sector
        })
        .collect();
    let ours = rows.iter().find(|r| r.level == AreaLevel::Council && r.area == choice.council);
    let mut councils: Vec<(String, f64)> = rows
        .iter()
        .filter(|r| r.level == AreaLevel::Council)
        .filter_map(|r| Some((r.area.clone(), r.value.ok()?)))
        .collect();
    crate::engine::order::sort_by(&mut councils, |a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let values: Vec<f64> = councils.iter().map(|c| c.1).collect();
    let council = ours.map_or(Err(NoValue::Blank), |r| r.value);
    let england = rows.iter().find(|r| r.level == AreaLevel::England).and_then(|r| r.value.ok());
    let published_median = ours.and_then(|r| r.median).or_else(|| rows.iter().find_map(|r| r.median));
    let median = published_median.map(Middle::PublishedMedian).or_else(|| median(&values).map(Middle::Median));
    let region = ours.filter(|r| !r.region.is_empty()).and_then(|ours| {
        let name = &ours.region;
        let published = rows.iter().find(|r| r.level == AreaLevel::Region && same(&r.area, name));
        match published.and_then(|r| r.value.ok()) {
            Some(value) => Some(RegionFigure::Published { name: name.clone(), value }),
            None => {
                let theirs: Vec<f64> = rows
                    .iter()
                    .filter(|r| r.level == AreaLevel::Council && same(&r.region, name))
                    .filter_map(|r| r.value.ok())
                    .collect();
                (!theirs.is_empty()).then(|| RegionFigure::MeanOfCouncils {
                    name: name.clone(),
                    value: theirs.iter().sum::<f64>() / theirs.len() as f64,
                    councils: theirs.len(),
                })
            }
        }
    });
    let rank = council.ok().map(|v| (1 + values.iter().filter(|&&x| x < v).count(), values.len()));
    let quartile = rank.map(|(rank, of)| ((rank - 1) * 4 / of.max(1)) as u8 + 1);
    AreaFigures { period: period.to_owned(), council, england, median, region, rank, quartile, councils }
}

/// The median of the figures: the middle one, or the mean of the middle two.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    crate::engine::order::sort_by(&mut sorted, f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// What a measure means, for the notes under its table and chart: Skills for Care's adult
/// social care definitions (`../shared/domain.md`, "Adult social care") for turnover and
/// vacancy rates, which Oflog's and LG Inform's workforce measures are taken from.
pub fn definition(measure: &str) -> Option<&'static str> {
    let name = crate::engine::case::lower(measure);
    if name.contains("turnover") {
        Some(
            "Turnover rate: leavers in the last 12 months ÷ directly employed staff (permanent and temporary), \
             as Skills for Care defines it.",
        )
    } else if name.contains("vacanc") {
        Some("Vacancy rate: vacancies ÷ (filled posts + vacancies), as Skills for Care defines it.")
    } else {
        None
    }
}
