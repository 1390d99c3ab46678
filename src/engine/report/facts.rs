//! Everything the report's figures are drawn from, read once from the project: each period's
//! establishment figures and the supporting tables (DfE indicators, neighbours, a staff list,
//! cohorts, recruitment, budgets). Live figures and data blocks look things up here.

use std::rc::Rc;

use crate::engine::import::dfe::{read_indicators, read_neighbours};
use crate::engine::import::kind::{classify, TableKind};
use crate::engine::import::pipeline_tables::{
    read_budget, read_campaigns, read_cohorts, BudgetRow, CampaignRow, CohortRow,
};
use crate::engine::import::staff::read_staff_list;
use crate::engine::import::{read_loaded, Loaded, Problem};
use crate::engine::metrics::benchmark::{benchmark, BenchmarkYear};
use crate::engine::metrics::staff::{default_reference_date, staff_figures, BandWidth, StaffFigures};
use crate::engine::metrics::{establishment_figures, EstablishmentFigures};
use crate::engine::model::{
    Date, DfeIndicators, Level, Period, Project, RawInput, RememberedMappings, ReportSettings, StatisticalNeighbours,
    TableInput, TitleBlock,
};

/// A supporting table as read, with its source line; or why it could not be read.
pub type Supporting<T> = Option<Result<(String, T), String>>;

pub struct Facts<'a> {
    pub title_block: &'a TitleBlock,
    pub settings: &'a ReportSettings,
    /// The establishment tables in the project's order, newest first.
    pub periods: Vec<PeriodFacts<'a>>,
    /// Shared, so that an edit to the words need not read a 50,000-row staff list again.
    pub supporting: Rc<SupportingFacts>,
}

/// The supporting tables as read: these depend only on the project's supporting tables and
/// the date staff figures are taken at (`SupportingFacts::depends_on`), not on its words.
#[derive(Default)]
pub struct SupportingFacts {
    pub indicators: Supporting<DfeIndicators>,
    pub neighbours: Supporting<StatisticalNeighbours>,
    pub staff: Supporting<StaffFigures>,
    pub cohorts: Supporting<Vec<CohortRow>>,
    pub campaigns: Supporting<Vec<CampaignRow>>,
    pub budget: Supporting<Vec<BudgetRow>>,
    /// Supporting tables not loaded (yet): in the browser, files the worker is still reading.
    pub unread: Vec<String>,
}

pub struct PeriodFacts<'a> {
    pub input: &'a TableInput,
    pub read: Result<Establishment, String>,
}

/// One period's figures, and the source rows left out because they could not be read.
pub struct Establishment {
    pub figures: EstablishmentFigures,
    pub skipped: Vec<Problem>,
}

/// The benchmark the report shows: the council, the year, and where the figures come from.
pub struct Benchmark<'f> {
    pub council: String,
    pub year: BenchmarkYear,
    pub source: &'f str,
    pub indicators: &'f DfeIndicators,
}

impl<'a> Facts<'a> {
    /// Reads everything the report's figures come from.
    pub fn gather(project: &'a Project, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> Self {
        Facts::gather_with(project, load, Rc::new(SupportingFacts::gather(project, load)))
    }

    /// As `gather`, with the supporting tables already read (for the same `depends_on`).
    pub fn gather_with(
        project: &'a Project,
        load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>,
        supporting: Rc<SupportingFacts>,
    ) -> Self {
        let periods = project
            .tables
            .iter()
            .map(|input| {
                // The report depends on the project alone: a remembered mapping is saved into the
                // input when the officer accepts it, so none is consulted here.
                let read = read_loaded(input, load(input), &RememberedMappings::new()).outcome.map_err(|problems| {
                    let first = problems.first().map(ToString::to_string).unwrap_or_default();
                    format!("The {} table could not be read: {first}", period_name(&input.period))
                });
                let read = read.map(|r| Establishment { figures: establishment_figures(&r.table), skipped: r.skipped });
                PeriodFacts { input, read }
            })
            .collect();
        Facts { title_block: &project.title_block, settings: &project.settings, periods, supporting }
    }

    /// The period a block or figure asks for.
    pub fn period(&self, which: Period) -> Result<(&TableInput, &Establishment), String> {
        let index = match which {
            Period::Latest => 0,
            Period::Earlier => 1,
        };
        let Some(period) = self.periods.get(index) else {
            return Err(match which {
                Period::Latest => "no establishment table has been added yet".to_owned(),
                Period::Earlier => "the report has only one period's establishment table".to_owned(),
            });
        };
        match &period.read {
            Ok(read) => Ok((period.input, read)),
            Err(message) => Err(message.clone()),
        }
    }

    /// The council benchmarked: the one chosen, or the one the title block names when the DfE
    /// file has it ("Northshire County Council" finds "Northshire").
    pub fn benchmark(&self) -> Result<Benchmark<'_>, String> {
        let (source, indicators) = match &self.supporting.indicators {
            None => return Err(self.missing("no DfE workforce indicators file has been added")),
            Some(Err(message)) => return Err(message.clone()),
            Some(Ok((source, data))) => (source.as_str(), data),
        };
        let council = match &self.settings.benchmark_council {
            Some(chosen) => chosen.clone(),
            None => council_named(indicators, &self.title_block.council).ok_or_else(|| {
                "choose the council to compare under Benchmarks: the DfE file has no council named as in the title block"
                    .to_owned()
            })?,
        };
        let neighbours = match &self.supporting.neighbours {
            Some(Ok((_, n))) => Some(n),
            _ => None,
        };
        let years = benchmark(indicators, neighbours, &council);
        let year = match &self.settings.benchmark_year {
            Some(chosen) => years.into_iter().find(|y| &y.year == chosen),
            None => years.into_iter().next(),
        }
        .ok_or_else(|| format!("the DfE file has no figures for {council} in the year chosen"))?;
        Ok(Benchmark { council, year, source, indicators })
    }

    pub fn staff(&self) -> Result<(&str, &StaffFigures), String> {
        supporting(&self.supporting.staff, &self.missing("no staff list has been added"))
    }

    /// Why a supporting table is not there: not added, or one added is not read yet.
    pub fn missing(&self, not_added: &str) -> String {
        match self.supporting.unread.first() {
            Some(unread) => format!("{not_added}, unless it is one not read yet ({})", unread.trim_end_matches('.')),
            None => not_added.to_owned(),
        }
    }
}

impl SupportingFacts {
    /// Reads the project's supporting tables.
    pub fn gather(project: &Project, load: &dyn Fn(&TableInput) -> Result<Loaded, Problem>) -> Self {
        let mut facts = SupportingFacts::default();
        // Later inputs replace earlier ones of the same kind.
        for input in &project.supporting {
            let name = match &input.raw {
                RawInput::File { name, .. } => name.clone(),
                RawInput::Text(_) => input.source.clone(),
            };
            let loaded = match load(input) {
                Ok(loaded) => loaded,
                Err(problem) => {
                    // Its kind is unknown until it loads, so every block that finds nothing says so.
                    facts.unread.push(problem.to_string());
                    continue;
                }
            };
            let source = input.source.clone();
            let fail = |problems: Vec<Problem>| {
                problems
                    .first()
                    .map(|p| p.clone().located(Some(&name), loaded.sheet.as_deref()).to_string())
                    .unwrap_or_default()
            };
            match classify(&loaded.rows) {
                TableKind::DfeIndicators => {
                    facts.indicators = Some(read_indicators(&loaded.rows).map(|d| (source, d)).map_err(fail))
                }
                TableKind::StatisticalNeighbours => {
                    facts.neighbours = Some(read_neighbours(&loaded.rows).map(|d| (source, d)).map_err(fail))
                }
                TableKind::StaffList => {
                    facts.staff = Some(read_staff_list(&loaded.rows).map_err(fail).and_then(|list| {
                        let date =
                            project.settings.staff_date.or_else(|| default_reference_date(&list)).ok_or_else(|| {
                                format!("{name} has no dates to take its figures at: add start or leaving dates.")
                            })?;
                        Ok((source, staff_figures(&list, date, BandWidth::Ten)))
                    }))
                }
                TableKind::Cohort => {
                    facts.cohorts = Some(read_cohorts(&loaded.rows).map(|d| (source, d)).map_err(fail))
                }
                TableKind::Recruitment => {
                    facts.campaigns = Some(read_campaigns(&loaded.rows).map(|d| (source, d)).map_err(fail))
                }
                TableKind::Budget => facts.budget = Some(read_budget(&loaded.rows).map(|d| (source, d)).map_err(fail)),
                _ => {}
            }
        }
        facts
    }

    /// What `gather` reads: two projects with the same `depends_on` have the same supporting
    /// facts (given the same rows for their files).
    pub fn depends_on(project: &Project) -> (&[TableInput], Option<Date>) {
        (&project.supporting, project.settings.staff_date)
    }
}

/// A supporting table, or why it is not there.
pub fn supporting<'s, T>(table: &'s Supporting<T>, missing: &str) -> Result<(&'s str, &'s T), String> {
    match table {
        None => Err(missing.to_owned()),
        Some(Err(message)) => Err(message.clone()),
        Some(Ok((source, data))) => Ok((source.as_str(), data)),
    }
}

/// The DfE name of the council a title block names: exact, or without "County Council",
/// "City Council", "Borough Council", "Council" and the like.
pub fn council_named(data: &DfeIndicators, council: &str) -> Option<String> {
    let wanted = council.trim();
    let short = ["Metropolitan Borough Council", "County Council", "City Council", "Borough Council", "Council"]
        .iter()
        .find_map(|suffix| wanted.strip_suffix(suffix))
        .map_or(wanted, str::trim);
    let names = data.rows.iter().filter(|r| r.level == Level::LocalAuthority).map(|r| r.name.as_str());
    let mut found = None;
    for name in names {
        if name.eq_ignore_ascii_case(wanted) {
            return Some(name.to_owned());
        }
        if name.eq_ignore_ascii_case(short) {
            found = Some(name.to_owned());
        }
    }
    found
}

/// A period's name for sentences: "2025/26", or "the pasted" when the table gave none.
pub fn period_name(period: &str) -> String {
    if period.is_empty() {
        "the pasted".to_owned()
    } else {
        period.to_owned()
    }
}
