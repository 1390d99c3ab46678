//! Everything the engine can say about one input, as a value: the table it found, every
//! figure and every check. `wfr analyse` prints it as text or as JSON; the JSON field names
//! are stable and documented on each field here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::import::kind::TableKind;
use crate::engine::metrics::areas::{compare, Middle, RegionFigure, Resolved};
use crate::engine::metrics::benchmark::{benchmark, published, recompute, Rate, Rates};
use crate::engine::metrics::checks::establishment_checks;
use crate::engine::metrics::general::general_checks;
use crate::engine::metrics::money::budget;
use crate::engine::metrics::pipeline::{completion, per_post, retention};
use crate::engine::metrics::staff::{staff_figures, BandWidth};
use crate::engine::metrics::{
    agency_cover_of_vacancies, establishment_figures, share_vacant, Measure, OverUnderBasis, RoleFigures,
};
use crate::engine::model::{
    AreaLevel, BudgetRow, CampaignRow, CohortRow, Comparison, ComparisonRow, Date, Field, GeneralTable, Layout,
    Recommendation, Row as GeneralRow, StaffList, StatisticalNeighbours, Status, Unit,
};
use crate::engine::tables::{OneTable, Table};

/// The analysis of one file or paste.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The file's name, when it is a file.
    pub file: Option<String>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// What the table was read as: one of `establishment`, `staff_list`, `dfe_indicators`,
    /// `statistical_neighbours`, `cohort`, `recruitment`, `budget`, `general` (any other table
    /// with a heading row and figures), or `unknown` (nothing could be read). `time_series`
    /// and `recommendations_tracker` are what such tables were recognised as before they were
    /// read; read, they are `general`.
    pub kind: &'static str,
    /// What could not be read, each naming file, sheet, row and column. Empty when all was read.
    pub problems: Vec<String>,
    /// For establishment tables.
    pub establishment: Option<EstablishmentAnalysis>,
    /// For the DfE workforce indicators file.
    pub dfe: Option<DfeAnalysis>,
    /// For staff lists (one row a person).
    pub staff: Option<StaffAnalysis>,
    /// For cohort tables: each programme with `completion` (completed / started) and
    /// `retention` (still employed / completed) as fractions.
    pub cohorts: Option<Vec<CohortOut>>,
    /// For recruitment tables: each campaign with applications and appointments per post.
    pub campaigns: Option<Vec<CampaignOut>>,
    /// For budget tables: each line with what remains, the share spent and the budget a year.
    pub budget: Option<Vec<BudgetOut>>,
    /// For general tables: the table as read, and its checks.
    pub general: Option<GeneralOut>,
    /// For recommendations trackers: each recommendation with its status as `green`, `amber`
    /// or `red`, and how many are at each.
    pub tracker: Option<TrackerOut>,
    /// For comparison files (Oflog's adult social care metrics, LG Inform's exports, Skills for
    /// Care's local authority data): what the file holds, and with `--council` the council's
    /// figures beside England (or the median across councils) and its region, with its rank.
    pub comparison: Option<ComparisonAnalysis>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparisonAnalysis {
    /// Figures read (one an area, period, measure, job role and sector).
    pub figures: usize,
    /// Councils with at least one figure (ONS codes E06, E07, E08, E09, E10, or named so).
    pub councils: usize,
    /// Whether the file has an England row; without one, councils are set beside the median.
    pub has_england: bool,
    /// Oldest first.
    pub periods: Vec<String>,
    pub measures: Vec<ComparisonMeasureOut>,
    /// The job roles and sectors, where the file has them.
    pub roles: Vec<String>,
    pub sectors: Vec<String>,
    /// With `--council`: one entry a measure, job role, sector and period, in that order.
    pub benchmark: Option<Vec<AreaOut>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparisonMeasureOut {
    pub name: String,
    /// The file's code for it (Oflog's `ASC7`), or empty.
    pub code: String,
    /// Figures are percentages (28.0 is 28.0%).
    pub percent: bool,
    /// Decimal places its figures are printed to.
    pub places: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaOut {
    pub measure: String,
    pub role: String,
    pub sector: String,
    pub period: String,
    /// The council's figure as published, or `null` with `council_missing` saying why.
    pub council: Option<f64>,
    pub council_missing: Option<String>,
    pub england: Option<f64>,
    /// The median across councils; `median_published` when the file printed it (Oflog).
    pub median: Option<f64>,
    pub median_published: bool,
    pub region: Option<String>,
    pub region_value: Option<f64>,
    /// `published` (the file's region row) or `mean_of_councils` (the region's councils' mean).
    pub region_basis: Option<&'static str>,
    /// 1 = the lowest figure, out of `ranked` councils with a figure.
    pub rank: Option<usize>,
    pub ranked: usize,
    /// 1 = the lowest quarter of councils, 4 = the highest.
    pub quartile: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackerOut {
    pub recommendations: Vec<TrackerRowOut>,
    pub green: usize,
    pub amber: usize,
    pub red: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackerRowOut {
    /// The tracker's own reference ("1", "R3").
    pub number: String,
    pub theme: String,
    pub recommendation: String,
    /// `green` (achieved), `amber` (progressing) or `red` (not on track), from whichever scale
    /// the tracker uses (Achieved / On track / Slipped; Complete / Ongoing / Paused).
    pub status: &'static str,
    pub update: String,
}

/// A general table as read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeneralOut {
    /// `periods_across` (years as columns), `periods_down` (a row a period) or `categories`.
    pub layout: &'static str,
    /// The title line above the table, if any.
    pub title: Option<String>,
    /// A period the title names ("2024/25"), if any.
    pub titled_period: Option<String>,
    /// The label column's heading.
    pub label_heading: String,
    pub columns: Vec<GeneralColumnOut>,
    pub rows: Vec<GeneralRowOut>,
    /// The stated total row, if any.
    pub total: Option<GeneralRowOut>,
    /// How it was read: why not as a richer kind, footnote marks set aside, rows taken as sub-headings.
    pub notes: Vec<String>,
    /// Stated totals, shares and ratios checked against the figures; counts with fractions.
    pub checks: Vec<CheckOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeneralColumnOut {
    pub heading: String,
    /// `fte`, `headcount`, `number`, `money` (pounds), `percent` (12.3 is 12.3%), `days`, `rate`,
    /// `date` or `text`.
    pub unit: &'static str,
    /// The column is a stated total of the others.
    pub total: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeneralRowOut {
    pub label: String,
    /// The source row (1-based).
    pub line: usize,
    /// One a column: the figure, or `null` where the cell holds none (text and date columns
    /// are `null`; their cells are under `written`).
    pub values: Vec<Option<f64>>,
    /// Each cell as written.
    pub written: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CohortOut {
    pub programme: String,
    pub started: Option<f64>,
    pub completed: Option<f64>,
    pub still_employed: Option<f64>,
    pub completion: Option<f64>,
    pub retention: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CampaignOut {
    pub campaign: String,
    pub posts: Option<f64>,
    pub applications: Option<f64>,
    pub appointments: Option<f64>,
    pub applications_per_post: Option<f64>,
    pub appointments_per_post: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetOut {
    pub item: String,
    pub budget: Option<f64>,
    pub spent: Option<f64>,
    pub remaining: Option<f64>,
    pub share_spent: Option<f64>,
    /// Budget / years, when the table gives the years.
    pub per_year: Option<f64>,
}

/// What `analyse` needs beyond the input.
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    /// For the DfE file: the council to benchmark.
    pub council: Option<&'a str>,
    pub neighbours: Option<&'a StatisticalNeighbours>,
    /// For staff lists: the date figures are taken at (DfE uses 30 September).
    pub reference_date: Option<Date>,
}

/// A staff list's figures at the reference date. FTE as numbers, rates as fractions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StaffAnalysis {
    /// dd/mm/yyyy.
    pub reference_date: String,
    /// The year counted for starters and leavers runs from the day after this date.
    pub year_from: String,
    pub people: usize,
    pub in_post_fte: f64,
    pub in_post_headcount: usize,
    pub agency_fte: f64,
    pub agency_headcount: usize,
    pub starters_fte: f64,
    pub starters_headcount: usize,
    pub leavers_fte: f64,
    pub leavers_headcount: usize,
    /// Leavers in the year / directly employed in post at the reference date (DfE).
    pub turnover_rate_fte: Option<f64>,
    pub turnover_rate_headcount: Option<f64>,
    pub leavers_by_reason: Vec<(String, usize)>,
    pub service_bands: Vec<(String, usize)>,
    pub age_bands: Vec<(String, usize)>,
    pub aged_55_and_over: Option<f64>,
    pub age_unknown: usize,
    /// Cases / FTE of case holders with one or more cases (agency included).
    pub caseload: Option<f64>,
    /// `[role, directly employed FTE, agency FTE, headcount]` in post.
    pub by_role: Vec<(String, f64, f64, usize)>,
    /// The same by team.
    pub by_team: Vec<(String, f64, f64, usize)>,
    pub gaps: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstablishmentAnalysis {
    /// The figure columns found: `establishment`, `permanent`, `agency`, `vacant`, `over_under`.
    pub columns: Vec<&'static str>,
    /// `stated` (the table's own column) or `computed` (establishment − permanent − agency).
    pub over_under_basis: &'static str,
    pub roles: Vec<FiguresOut>,
    /// Summed from the unrounded rows; rates from the totals.
    pub total: FiguresOut,
    pub checks: Vec<CheckOut>,
}

/// A role's (or the total's) figures: FTE, and rates as fractions (0.248 is 24.8%). A figure
/// that cannot be given is `null`, with the reason under `not_available`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FiguresOut {
    pub role: String,
    /// The source row (1-based); `null` for the total.
    pub line: Option<usize>,
    pub establishment: Option<f64>,
    pub permanent: Option<f64>,
    pub agency: Option<f64>,
    pub vacant: Option<f64>,
    /// Negative means over establishment.
    pub over_under: Option<f64>,
    /// vacant / (vacant + permanent), DfE definition.
    pub vacancy_rate: Option<f64>,
    /// agency / (agency + permanent), DfE definition.
    pub agency_rate: Option<f64>,
    /// vacant / establishment.
    pub share_vacant: Option<f64>,
    /// min(agency, vacant) / vacant: agency workers assumed to fill vacant posts first.
    pub agency_cover_of_vacancies: Option<f64>,
    /// Field name to the reason it is `null`.
    pub not_available: BTreeMap<&'static str, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckOut {
    pub passed: bool,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DfeAnalysis {
    pub rows: usize,
    /// Years present, newest first.
    pub years: Vec<String>,
    /// Rows where at least one rate could be recomputed and compared.
    pub rows_compared: usize,
    /// Rows where a recomputed rate differs from the published one by more than 0.1.
    pub exceptions: Vec<String>,
    /// With a council named: its published rates by year beside England, region, neighbours.
    pub benchmark: Option<Vec<BenchmarkOut>>,
}

/// Rates as published: percentages, and caseload as cases per FTE.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatesOut {
    pub vacancy_rate: Option<f64>,
    pub agency_rate: Option<f64>,
    pub turnover_rate: Option<f64>,
    pub caseload: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchmarkOut {
    pub year: String,
    pub council: RatesOut,
    pub england: Option<RatesOut>,
    pub region: Option<RatesOut>,
    /// Mean of the statistical neighbours' published rates, when the neighbours file is given.
    pub neighbours_mean: Option<RatesOut>,
    /// Rank among all councils, lowest first: `[rank, of]` for each of vacancy, agency,
    /// turnover and caseload, or `null`.
    pub rank: [Option<(usize, usize)>; 4],
}

/// Analyses one input, read as what it is.
pub fn analyse(table: &OneTable, options: &Options<'_>) -> Analysis {
    let (file, sheet) = table.place();
    let mut analysis = Analysis {
        file: file.map(str::to_owned),
        sheet: sheet.map(str::to_owned),
        kind: kind_id(table.kind()),
        problems: Vec::new(),
        establishment: None,
        dfe: None,
        staff: None,
        cohorts: None,
        campaigns: None,
        budget: None,
        general: None,
        tracker: None,
        comparison: None,
    };
    match table {
        OneTable::Supporting(table) => match &table.read {
            Ok(read) => supporting(&mut analysis, read, options),
            Err(problems) => analysis.problems.extend(problems.iter().map(ToString::to_string)),
        },
        OneTable::Period(table) => match &table.read {
            Ok(read) => {
                analysis.problems.extend(read.skipped.iter().map(ToString::to_string));
                analysis.establishment = Some(establishment(&read.table));
            }
            Err(problems) => analysis.problems.extend(problems.iter().map(ToString::to_string)),
        },
    }
    analysis
}

/// A table of a kind with its own reader.
fn supporting(analysis: &mut Analysis, table: &Table, options: &Options<'_>) {
    match table {
        Table::Cohorts(rows) => analysis.cohorts = Some(rows.iter().map(cohort).collect()),
        Table::Recruitment(rows) => analysis.campaigns = Some(rows.iter().map(campaign).collect()),
        Table::Budget(rows) => analysis.budget = Some(rows.iter().map(budget_line).collect()),
        Table::StaffList(list) => match options.reference_date {
            Some(date) => analysis.staff = Some(staff(list, date)),
            None => analysis.problems.push("A staff list needs a reference date for its figures.".into()),
        },
        Table::DfeIndicators(data) => analysis.dfe = Some(dfe(data, options.council, options.neighbours)),
        Table::Comparison(file) => match comparison(file, options.council) {
            Ok(out) => analysis.comparison = Some(out),
            Err(problem) => analysis.problems.push(problem),
        },
        Table::StatisticalNeighbours(neighbours) => {
            let unread = neighbours.unread.iter().map(|u| format!("Left out: {u}."));
            analysis.problems.extend(unread);
        }
        Table::General(table) => analysis.general = Some(general(table)),
        Table::Tracker(rows) => analysis.tracker = Some(tracker(rows)),
    }
}

fn tracker(rows: &[Recommendation]) -> TrackerOut {
    let at = |status: Status| rows.iter().filter(|r| r.status == status).count();
    TrackerOut {
        recommendations: rows
            .iter()
            .map(|r| TrackerRowOut {
                number: r.number.clone(),
                theme: r.theme.clone(),
                recommendation: r.recommendation.clone(),
                status: r.status.class(),
                update: r.update.clone(),
            })
            .collect(),
        green: at(Status::Green),
        amber: at(Status::Amber),
        red: at(Status::Red),
    }
}

fn general(table: &GeneralTable) -> GeneralOut {
    let row = |r: &GeneralRow| GeneralRowOut {
        label: r.label.clone(),
        line: r.line,
        values: r.cells.iter().map(|c| c.value()).collect(),
        written: r.cells.iter().map(|c| c.written.clone()).collect(),
    };
    GeneralOut {
        layout: match table.layout {
            Layout::PeriodsAcross => "periods_across",
            Layout::PeriodsDown => "periods_down",
            Layout::Categories => "categories",
        },
        title: table.title.clone(),
        titled_period: table.titled_period.clone(),
        label_heading: table.label_heading.clone(),
        columns: table
            .columns
            .iter()
            .map(|c| GeneralColumnOut { heading: c.heading.clone(), unit: unit_id(c.unit), total: c.is_total })
            .collect(),
        rows: table.rows.iter().map(row).collect(),
        total: table.total.as_ref().map(row),
        notes: table.notes.clone(),
        checks: general_checks(table)
            .into_iter()
            .map(|c| CheckOut { passed: c.passed, line: c.line, message: c.message })
            .collect(),
    }
}

fn unit_id(unit: Unit) -> &'static str {
    match unit {
        Unit::Fte => "fte",
        Unit::Headcount => "headcount",
        Unit::Number => "number",
        Unit::Money => "money",
        Unit::Percent => "percent",
        Unit::Days => "days",
        Unit::Rate => "rate",
        Unit::Date => "date",
        Unit::Text => "text",
    }
}

fn ratio(a: Option<f64>, b: Option<f64>, f: fn(f64, f64) -> Measure) -> Option<f64> {
    a.zip(b).and_then(|(a, b)| f(a, b).ok())
}

fn cohort(r: &CohortRow) -> CohortOut {
    CohortOut {
        completion: ratio(r.completed, r.started, completion),
        retention: ratio(r.still_employed, r.completed, retention),
        programme: r.programme.clone(),
        started: r.started,
        completed: r.completed,
        still_employed: r.still_employed,
    }
}

fn campaign(r: &CampaignRow) -> CampaignOut {
    CampaignOut {
        applications_per_post: ratio(r.applications, r.posts, per_post),
        appointments_per_post: ratio(r.appointments, r.posts, per_post),
        campaign: r.campaign.clone(),
        posts: r.posts,
        applications: r.applications,
        appointments: r.appointments,
    }
}

fn budget_line(r: &BudgetRow) -> BudgetOut {
    let figures = r.budget.zip(r.spent).map(|(b, s)| budget(b, s, r.years.unwrap_or(1.0)));
    BudgetOut {
        remaining: figures.as_ref().map(|f| f.remaining),
        share_spent: figures.as_ref().and_then(|f| f.share_spent.clone().ok()),
        per_year: r.years.and(figures.as_ref().and_then(|f| f.per_year.clone().ok())),
        item: r.item.clone(),
        budget: r.budget,
        spent: r.spent,
    }
}

fn establishment(table: &crate::engine::model::EstablishmentTable) -> EstablishmentAnalysis {
    let figures = establishment_figures(table);
    EstablishmentAnalysis {
        columns: table.columns.iter().map(|f| field_id(*f)).collect(),
        over_under_basis: match figures.over_under_basis {
            OverUnderBasis::Stated => "stated",
            OverUnderBasis::Computed => "computed",
        },
        roles: figures.roles.iter().zip(&table.rows).map(|(f, row)| figures_out(f, Some(row.line))).collect(),
        total: figures_out(&figures.total, None),
        checks: establishment_checks(table)
            .into_iter()
            .map(|c| CheckOut { passed: c.passed, line: c.line, message: c.message })
            .collect(),
    }
}

/// The statistical neighbours a file holds, for `analyse`; or why it holds none.
pub fn neighbours_in(table: &OneTable) -> Result<StatisticalNeighbours, Vec<String>> {
    match table {
        OneTable::Supporting(t) => match &t.read {
            Ok(Table::StatisticalNeighbours(n)) => Ok((**n).clone()),
            Ok(_) => Err(vec![format!("{} is not a statistical neighbours file.", t.name())]),
            Err(problems) => Err(problems.iter().map(ToString::to_string).collect()),
        },
        OneTable::Period(t) => Err(t.read.as_ref().err().map_or_else(
            || vec!["This is not a statistical neighbours file.".to_owned()],
            |problems| problems.iter().map(ToString::to_string).collect(),
        )),
    }
}

fn dfe(
    data: &crate::engine::model::DfeIndicators,
    council: Option<&str>,
    neighbours: Option<&StatisticalNeighbours>,
) -> DfeAnalysis {
    let mut years: Vec<String> = data.rows.iter().map(|r| r.year.clone()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut rows_compared = 0;
    let mut exceptions = Vec::new();
    for row in &data.rows {
        let (ours, theirs) = (recompute(row), published(row));
        let pairs: Vec<(Rate, f64, f64)> = Rate::ALL
            .into_iter()
            .filter_map(|rate| Some((rate, ours.published(rate).ok()?, theirs.published(rate).ok()?)))
            .collect();
        rows_compared += usize::from(!pairs.is_empty());
        let differs: Vec<String> = pairs
            .iter()
            .filter(|(_, a, b)| (a - b).abs() > 0.1 + 1e-9)
            .map(|(rate, a, b)| format!("{} {a:.2} recomputed, {b} published", rate.label()))
            .collect();
        if !differs.is_empty() {
            exceptions.push(format!("{} {} (row {}): {}", row.year, row.name, row.line, differs.join("; ")));
        }
    }
    let benchmark = council.map(|council| {
        benchmark(data, neighbours, council)
            .into_iter()
            .map(|y| BenchmarkOut {
                year: y.year,
                council: rates_out(&y.council),
                england: y.england.as_ref().map(rates_out),
                region: y.region.as_ref().map(rates_out),
                neighbours_mean: y.neighbours.as_ref().map(|(r, _)| rates_out(r)),
                rank: y.rank,
            })
            .collect()
    });
    DfeAnalysis { rows: data.rows.len(), years, rows_compared, exceptions, benchmark }
}

/// A comparison file: what it holds, and the council's figures for every measure, job role,
/// sector and period it has, or why the council cannot be found.
fn comparison(file: &Comparison, council: Option<&str>) -> Result<ComparisonAnalysis, String> {
    let benchmark = match council {
        None => None,
        Some(name) => {
            let councils = file.councils();
            let Some(found) =
                councils.iter().find(|c| crate::engine::case::lower(c) == crate::engine::case::lower(name.trim()))
            else {
                let like: Vec<&String> = councils
                    .iter()
                    .filter(|c| crate::engine::case::lower(c).contains(&crate::engine::case::lower(name.trim())))
                    .take(5)
                    .collect();
                return Err(match like.is_empty() {
                    true => format!("No council called '{name}' is in the file ({} councils are).", councils.len()),
                    false => format!(
                        "No council called '{name}' is in the file. Did you mean {}?",
                        like.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(" or ")
                    ),
                });
            };
            Some(council_figures(file, found))
        }
    };
    Ok(ComparisonAnalysis {
        figures: file.rows.len(),
        councils: file.councils().len(),
        has_england: file.rows.iter().any(|r| r.level == AreaLevel::England),
        periods: file.periods(),
        measures: file
            .measures
            .iter()
            .map(|m| ComparisonMeasureOut {
                name: m.name.clone(),
                code: m.code.clone(),
                percent: m.percent,
                places: m.places,
            })
            .collect(),
        roles: file.distinct(|r| &r.role),
        sectors: file.distinct(|r| &r.sector),
        benchmark,
    })
}

fn council_figures(file: &Comparison, council: &str) -> Vec<AreaOut> {
    let mut out = Vec::new();
    let roles = file.distinct(|r| &r.role);
    let sectors = file.distinct(|r| &r.sector);
    let or_none = |v: Vec<String>| if v.is_empty() { vec![String::new()] } else { v };
    for (at, measure) in file.measures.iter().enumerate() {
        for role in or_none(roles.clone()) {
            for sector in or_none(sectors.clone()) {
                let ours =
                    |r: &&ComparisonRow| r.measure == at && r.role == role && r.sector == sector && r.area == council;
                if !file.rows.iter().any(|r| ours(&r)) {
                    continue;
                }
                let choice = Resolved {
                    council: council.to_owned(),
                    periods: file.periods(),
                    measure: at,
                    role: role.clone(),
                    sector: sector.clone(),
                };
                let choice = if choice.periods.is_empty() {
                    Resolved { periods: vec![String::new()], ..choice }
                } else {
                    choice
                };
                for year in compare(file, &choice) {
                    if !file.rows.iter().any(|r| ours(&r) && r.period == year.period) {
                        continue;
                    }
                    let (region, region_value, region_basis) = match &year.region {
                        Some(RegionFigure::Published { name, value }) => {
                            (Some(name.clone()), Some(*value), Some("published"))
                        }
                        Some(RegionFigure::MeanOfCouncils { name, value, .. }) => {
                            (Some(name.clone()), Some(*value), Some("mean_of_councils"))
                        }
                        None => (None, None, None),
                    };
                    out.push(AreaOut {
                        measure: measure.name.clone(),
                        role: role.clone(),
                        sector: sector.clone(),
                        period: year.period.clone(),
                        council: year.council.ok(),
                        council_missing: year.council.err().map(|why| format!("the figure {}", why.describe())),
                        england: year.england,
                        median: year.median.map(Middle::value),
                        median_published: matches!(year.median, Some(Middle::PublishedMedian(_))),
                        region,
                        region_value,
                        region_basis,
                        rank: year.rank.map(|r| r.0),
                        ranked: year.councils.len(),
                        quartile: year.quartile,
                    });
                }
            }
        }
    }
    out
}

fn staff(list: &StaffList, date: Date) -> StaffAnalysis {
    let f = staff_figures(list, date, BandWidth::Ten, Default::default());
    StaffAnalysis {
        reference_date: f.reference_date.to_string(),
        year_from: f.year_from.to_string(),
        people: list.people.len(),
        in_post_fte: f.in_post_fte,
        in_post_headcount: f.in_post_headcount,
        agency_fte: f.agency_fte,
        agency_headcount: f.agency_headcount,
        starters_fte: f.starters_fte,
        starters_headcount: f.starters_headcount,
        leavers_fte: f.leavers_fte,
        leavers_headcount: f.leavers_headcount,
        turnover_rate_fte: f.turnover_fte.ok(),
        turnover_rate_headcount: f.turnover_headcount.ok(),
        leavers_by_reason: f.leavers_by_reason,
        service_bands: f.service_bands,
        age_bands: f.age_bands,
        aged_55_and_over: f.aged_55_and_over.ok(),
        age_unknown: f.age_unknown,
        caseload: f.caseload.ok(),
        by_role: f.by_role.into_iter().map(|r| (r.name, r.employed_fte, r.agency_fte, r.headcount)).collect(),
        by_team: f.by_team.into_iter().map(|r| (r.name, r.employed_fte, r.agency_fte, r.headcount)).collect(),
        gaps: f.gaps,
    }
}

fn rates_out(rates: &Rates) -> RatesOut {
    RatesOut {
        vacancy_rate: rates.published(Rate::Vacancy).ok(),
        agency_rate: rates.published(Rate::Agency).ok(),
        turnover_rate: rates.published(Rate::Turnover).ok(),
        caseload: rates.published(Rate::Caseload).ok(),
    }
}

fn figures_out(figures: &RoleFigures, line: Option<usize>) -> FiguresOut {
    let mut not_available = BTreeMap::new();
    let mut value = |name: &'static str, measure: &Measure| match measure {
        Ok(v) => Some(*v),
        Err(why) => {
            not_available.insert(name, why.to_string());
            None
        }
    };
    FiguresOut {
        role: figures.role.clone(),
        line,
        establishment: value("establishment", &figures.establishment),
        permanent: value("permanent", &figures.permanent),
        agency: value("agency", &figures.agency),
        vacant: value("vacant", &figures.vacant),
        over_under: value("over_under", &figures.over_under),
        vacancy_rate: value("vacancy_rate", &figures.vacancy_rate),
        agency_rate: value("agency_rate", &figures.agency_rate),
        share_vacant: value("share_vacant", &share_vacant(figures.vacant.clone(), figures.establishment.clone())),
        agency_cover_of_vacancies: value(
            "agency_cover_of_vacancies",
            &agency_cover_of_vacancies(figures.agency.clone(), figures.vacant.clone()),
        ),
        not_available,
    }
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Establishment => "establishment",
        Field::Permanent => "permanent",
        Field::Agency => "agency",
        Field::Vacant => "vacant",
        Field::OverUnder => "over_under",
    }
}

fn kind_id(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Establishment => "establishment",
        TableKind::StaffList => "staff_list",
        TableKind::DfeIndicators => "dfe_indicators",
        TableKind::StatisticalNeighbours => "statistical_neighbours",
        TableKind::TimeSeries => "time_series",
        TableKind::Cohort => "cohort",
        TableKind::Recruitment => "recruitment",
        TableKind::RecommendationsTracker => "recommendations_tracker",
        TableKind::Budget => "budget",
        TableKind::Comparison => "comparison",
        TableKind::General => "general",
        TableKind::Unknown => "unknown",
    }
}
