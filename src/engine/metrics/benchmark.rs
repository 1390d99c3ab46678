//! Rates recomputed from the DfE counts, and a council beside England, its region and its
//! statistical neighbours, with its rank among all councils.

pub use super::Measure;
use super::{agency_rate, vacancy_rate, NotAvailable};
use crate::engine::model::{DfeIndicators, DfeRow, Entry, Level, NoValue, Percent, StatisticalNeighbours};

/// A rate the DfE publishes as a percentage, or why there is none.
pub type Rated = Result<Percent, NotAvailable>;

/// The four headline rates: vacancy, agency and turnover as percentages, caseload as cases per FTE.
#[derive(Clone, Debug, PartialEq)]
pub struct Rates {
    pub vacancy: Rated,
    pub agency: Rated,
    pub turnover: Rated,
    pub caseload: Measure,
}

/// Which of the four rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rate {
    Vacancy,
    Agency,
    Turnover,
    Caseload,
}

impl Rate {
    pub const ALL: [Rate; 4] = [Rate::Vacancy, Rate::Agency, Rate::Turnover, Rate::Caseload];

    pub fn label(self) -> &'static str {
        match self {
            Rate::Vacancy => "Vacancy rate",
            Rate::Agency => "Agency worker rate",
            Rate::Turnover => "Turnover rate",
            Rate::Caseload => "Average caseload",
        }
    }
}

impl Rates {
    /// One rate as the report takes it: the three percentages as fractions (32.4% is 0.324),
    /// caseload in cases per FTE.
    pub fn share(&self, rate: Rate) -> Measure {
        match rate {
            Rate::Caseload => self.caseload.clone(),
            _ => self.percent(rate).map(Percent::share),
        }
    }

    /// One rate as the DfE prints it: percentages as percentages, caseload in cases per FTE.
    pub fn published(&self, rate: Rate) -> Measure {
        match rate {
            Rate::Caseload => self.caseload.clone(),
            _ => self.percent(rate).map(|p| p.0),
        }
    }

    fn percent(&self, rate: Rate) -> Rated {
        match rate {
            Rate::Vacancy => self.vacancy.clone(),
            Rate::Agency => self.agency.clone(),
            Rate::Turnover => self.turnover.clone(),
            Rate::Caseload => Err(NotAvailable::NoDenominator),
        }
    }

    /// Rates from figures as the DfE prints them, in `Rate::ALL`'s order.
    fn from_published([vacancy, agency, turnover, caseload]: [Measure; 4]) -> Rates {
        Rates { vacancy: vacancy.map(Percent), agency: agency.map(Percent), turnover: turnover.map(Percent), caseload }
    }
}

fn number(entry: &Entry, what: &'static str, row: &DfeRow) -> Measure {
    match entry {
        Entry::Number(value) => Ok(*value),
        Entry::NoValue(reason) => Err(not_published(*reason, what, row)),
    }
}

fn rated(rate: &Result<Percent, NoValue>, what: &'static str, row: &DfeRow) -> Rated {
    rate.map_err(|reason| not_published(reason, what, row))
}

fn not_published(reason: NoValue, what: &'static str, row: &DfeRow) -> NotAvailable {
    NotAvailable::NotPublished { what, area: row.name.clone(), reason }
}

/// The rates recomputed from a row's counts with the DfE definitions (`../shared/domain.md`,
/// "Metric definitions"): vacancy = vacancies / (vacancies + in post); agency = agency /
/// (agency + in post); turnover = leavers / in post at 30 September; caseload = cases / FTE
/// case holders.
pub fn recompute(row: &DfeRow) -> Rates {
    let in_post = number(&row.inpost_fte, "social workers in post", row);
    let percent = |m: Measure| m.map(Percent::of_share);
    let ratio = |numerator: Measure, denominator: Measure| -> Measure {
        let (n, d) = (numerator?, denominator?);
        if d > 0.0 {
            Ok(n / d)
        } else {
            Err(NotAvailable::NoDenominator)
        }
    };
    Rates {
        vacancy: percent(vacancy_rate(number(&row.vacancy_fte, "vacancies", row), in_post.clone())),
        agency: percent(agency_rate(number(&row.agency_fte, "agency workers", row), in_post.clone())),
        turnover: percent(ratio(number(&row.leavers_fte, "leavers", row), in_post)),
        caseload: ratio(number(&row.cases, "cases", row), number(&row.case_holders_fte, "case holders", row)),
    }
}

/// The rates as the DfE published them.
pub fn published(row: &DfeRow) -> Rates {
    Rates {
        vacancy: rated(&row.published.vacancy, "vacancy rate", row),
        agency: rated(&row.published.agency, "agency worker rate", row),
        turnover: rated(&row.published.turnover, "turnover rate", row),
        caseload: number(&row.published.caseload, "average caseload", row),
    }
}

/// One year of a council's benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchmarkYear {
    pub year: String,
    pub council: Rates,
    pub england: Option<Rates>,
    pub region: Option<Rates>,
    /// The mean of the neighbours' published rates, and how many neighbours had each rate.
    pub neighbours: Option<(Rates, [usize; 4])>,
    /// Rank among all councils that year, lowest rate first (1 = lowest), and how many were ranked.
    pub rank: [Option<(usize, usize)>; 4],
}

/// A council's published rates for each year, beside England, its region and the mean of its
/// statistical neighbours (when that file is loaded), with its rank. Newest year first.
pub fn benchmark(
    data: &DfeIndicators,
    neighbours: Option<&StatisticalNeighbours>,
    council: &str,
) -> Vec<BenchmarkYear> {
    let mut years: Vec<&str> = data
        .rows
        .iter()
        .filter(|r| r.level == Level::LocalAuthority && r.name == council)
        .map(|r| r.year.as_str())
        .collect();
    crate::engine::order::sort_by(&mut years, |a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .filter_map(|year| {
            let in_year: Vec<&DfeRow> = data.rows.iter().filter(|r| r.year == year).collect();
            let ours = in_year.iter().find(|r| r.level == Level::LocalAuthority && r.name == council)?;
            let england = in_year.iter().find(|r| r.level == Level::National).map(|r| published(r));
            let region =
                in_year.iter().find(|r| r.level == Level::Regional && r.name == ours.region).map(|r| published(r));
            let councils: Vec<&&DfeRow> = in_year.iter().filter(|r| r.level == Level::LocalAuthority).collect();
            let neighbour_rates = neighbours.and_then(|n| n.by_council.get(&ours.old_la_code?)).map(|codes| {
                let rows: Vec<Rates> = councils
                    .iter()
                    .filter(|r| r.old_la_code.is_some_and(|c| codes.contains(&c)))
                    .map(|r| published(r))
                    .collect();
                let mean = |rate: Rate| -> (Measure, usize) {
                    let values: Vec<f64> = rows.iter().filter_map(|r| r.published(rate).ok()).collect();
                    let n = values.len();
                    (
                        if n == 0 {
                            Err(NotAvailable::NoDenominator)
                        } else {
                            Ok(values.iter().sum::<f64>() / n as f64)
                        },
                        n,
                    )
                };
                let [v, a, t, c] = Rate::ALL.map(mean);
                (Rates::from_published([v.0, a.0, t.0, c.0]), [v.1, a.1, t.1, c.1])
            });
            let council_rates = published(ours);
            let rank = Rate::ALL.map(|rate| {
                let ours = council_rates.published(rate).ok()?;
                let all: Vec<f64> = councils.iter().filter_map(|r| published(r).published(rate).ok()).collect();
                Some((1 + all.iter().filter(|&&v| v < ours).count(), all.len()))
            });
            Some(BenchmarkYear {
                year: year.to_owned(),
                council: council_rates,
                england,
                region,
                neighbours: neighbour_rates,
                rank,
            })
        })
        .collect()
}
