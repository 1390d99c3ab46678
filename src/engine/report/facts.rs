//! Everything the report's figures are drawn from, worked out once from the project's tables:
//! each period's establishment figures and the supporting tables' (DfE indicators,
//! neighbours, a staff list, cohorts, recruitment, budgets). Live figures and data blocks look
//! things up here.
//!
//! `TableFacts` depends only on the tables and the date staff figures are taken at, so the
//! page keeps it while the officer writes; `Facts` adds the title block and settings for one
//! build of the report.

use std::rc::Rc;

use crate::engine::import::establishment::ReadTable;
use crate::engine::import::kind::TableKind;
use crate::engine::import::{Problem, ProblemKind};
use crate::engine::metrics::benchmark::{benchmark, BenchmarkYear};
use crate::engine::metrics::staff::{default_reference_date, staff_figures, BandWidth, StaffFigures};
use crate::engine::metrics::{establishment_figures, EstablishmentFigures};
use crate::engine::model::{
    BudgetRow, CampaignRow, CohortRow, Comparison, Content, DataBlock, Date, Definitions, DfeIndicators, GeneralTable,
    Level, Period, Project, Recommendation, ReportSettings, StatisticalNeighbours, TableInput, TitleBlock,
};
use crate::engine::tables::{PeriodTable, ProjectTables, SupportingTable, Table};

/// A supporting table as read, with its source line; or why it could not be read.
pub type Supporting<T> = Option<Result<(String, T), String>>;

/// One build's view of the facts: the tables' figures with the title block and settings.
pub struct Facts<'a> {
    pub title_block: &'a TitleBlock,
    /// The recommendations of the document's first tracker block that has any.
    pub tracker: &'a [Recommendation],
    pub settings: &'a ReportSettings,
    pub tables: &'a TableFacts,
}

/// The figures the project's tables give: these depend only on the tables and the date staff
/// figures are taken at (`TableFacts::depends_on`), not on the report's words.
#[derive(Debug, Default)]
pub struct TableFacts {
    /// The establishment tables in the project's order, newest first.
    pub periods: Vec<PeriodFacts>,
    pub indicators: Supporting<Rc<DfeIndicators>>,
    pub neighbours: Supporting<Rc<StatisticalNeighbours>>,
    pub staff: Supporting<StaffFigures>,
    pub cohorts: Supporting<Rc<Vec<CohortRow>>>,
    pub campaigns: Supporting<Rc<Vec<CampaignRow>>>,
    pub budget: Supporting<Rc<Vec<BudgetRow>>>,
    /// A published comparison file (adult social care: Oflog, LG Inform, Skills for Care).
    pub comparison: Supporting<Rc<Comparison>>,
    /// A tracker brought in as a table (the command-line tool): it fills a tracker block the
    /// document left empty. The page puts a tracker's rows into the document instead.
    pub tracker: Supporting<Rc<Vec<Recommendation>>>,
    /// Every general table, in the project's order: blocks and live figures find one by its id.
    pub general: Vec<GeneralFacts>,
    /// Supporting tables whose files are not here: in the browser, files the worker is still
    /// reading, or could not read.
    pub unloaded: Vec<Problem>,
}

/// A general table as read, or why it could not be.
#[derive(Debug)]
pub struct GeneralFacts {
    pub id: u32,
    pub source: String,
    /// The period its input was given, or one its title names.
    pub period: String,
    pub read: Result<Rc<GeneralTable>, String>,
}

#[derive(Debug)]
pub struct PeriodFacts {
    pub table: Rc<PeriodTable>,
    pub read: Result<Establishment, String>,
}

/// One period's figures, and the source rows left out because they could not be read.
#[derive(Debug)]
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

impl TableFacts {
    /// Works out the figures of every table: each period's establishment figures, and each
    /// supporting kind's from its newest table.
    pub fn of(tables: &ProjectTables, basis: impl Into<StaffBasis>) -> TableFacts {
        let basis = basis.into();
        let mut facts = TableFacts { periods: tables.periods.iter().map(period).collect(), ..TableFacts::default() };
        for table in &tables.supporting {
            if let Some(problem) = table.unloaded() {
                facts.unloaded.push(problem.clone());
                continue;
            }
            let source = table.input.source.clone();
            let read = table.read.as_ref().map_err(|problems| first_problem(problems));
            match (table.kind, read) {
                (_, Ok(Table::StaffList(list))) => {
                    facts.staff = Some(staff(table, list, basis).map(|figures| (source, figures)))
                }
                (_, Ok(Table::DfeIndicators(t))) => facts.indicators = Some(Ok((source, t.clone()))),
                (_, Ok(Table::StatisticalNeighbours(t))) => facts.neighbours = Some(Ok((source, t.clone()))),
                (_, Ok(Table::Cohorts(t))) => facts.cohorts = Some(Ok((source, t.clone()))),
                (_, Ok(Table::Recruitment(t))) => facts.campaigns = Some(Ok((source, t.clone()))),
                (_, Ok(Table::Budget(t))) => facts.budget = Some(Ok((source, t.clone()))),
                (_, Ok(Table::Comparison(t))) => facts.comparison = Some(Ok((source, t.clone()))),
                (_, Ok(Table::Tracker(t))) => facts.tracker = Some(Ok((source, t.clone()))),
                (_, Ok(Table::General(t))) => facts.general.push(GeneralFacts {
                    id: table.input.id,
                    source,
                    period: general_period(&table.input.period, t),
                    read: Ok(t.clone()),
                }),
                // A table of a kind that could not be read: every block that wants it says why.
                (kind, Err(why)) => match kind {
                    TableKind::StaffList => facts.staff = Some(Err(why)),
                    TableKind::DfeIndicators => facts.indicators = Some(Err(why)),
                    TableKind::StatisticalNeighbours => facts.neighbours = Some(Err(why)),
                    TableKind::Cohort => facts.cohorts = Some(Err(why)),
                    TableKind::Recruitment => facts.campaigns = Some(Err(why)),
                    TableKind::Budget => facts.budget = Some(Err(why)),
                    TableKind::Comparison => facts.comparison = Some(Err(why)),
                    TableKind::RecommendationsTracker => facts.tracker = Some(Err(why)),
                    _ => facts.general.push(GeneralFacts {
                        id: table.input.id,
                        source,
                        period: table.input.period.clone(),
                        read: Err(why),
                    }),
                },
            }
        }
        facts
    }

    /// What `of` depends on beyond the tables: two projects with the same tables and the same
    /// `depends_on` have the same table facts.
    pub fn depends_on(project: &Project) -> StaffBasis {
        StaffBasis { date: project.settings.staff_date, definitions: project.settings.definitions }
    }
}

/// What a staff list's figures are taken on: the date (its latest 30 September when none is
/// chosen) and the definitions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffBasis {
    pub date: Option<Date>,
    pub definitions: Definitions,
}

impl From<Option<Date>> for StaffBasis {
    fn from(date: Option<Date>) -> StaffBasis {
        StaffBasis { date, definitions: Definitions::default() }
    }
}

/// A general table's period: the one given, else one its title names (not for a table whose
/// periods are its rows or columns).
fn general_period(given: &str, table: &GeneralTable) -> String {
    if given.trim().is_empty() {
        let one_period = table.layout == crate::engine::model::Layout::Categories;
        table.titled_period.clone().filter(|_| one_period).unwrap_or_default()
    } else {
        given.trim().to_owned()
    }
}

fn period(table: &Rc<PeriodTable>) -> PeriodFacts {
    let read = match &table.read {
        Ok(ReadTable { table: read, skipped }) => {
            Ok(Establishment { figures: establishment_figures(read), skipped: skipped.clone() })
        }
        Err(problems) => Err(match table.input.period.trim() {
            "" => format!("The table could not be read: {}", first_problem(problems)),
            named => format!("The {named} table could not be read: {}", first_problem(problems)),
        }),
    };
    PeriodFacts { table: table.clone(), read }
}

fn staff(
    table: &SupportingTable,
    list: &crate::engine::model::StaffList,
    basis: StaffBasis,
) -> Result<StaffFigures, String> {
    let date = basis
        .date
        .or_else(|| default_reference_date(list))
        .ok_or_else(|| format!("{} has no dates to take its figures at: add start or leaving dates.", table.name()))?;
    Ok(staff_figures(list, date, BandWidth::Ten, basis.definitions))
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

impl<'a> Facts<'a> {
    /// The facts for one build of a project's report.
    pub fn new(project: &'a Project, tables: &'a TableFacts) -> Self {
        let tracker = project
            .document
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .find_map(|p| match &p.content {
                Content::Data { block: DataBlock::Recommendations(rows), .. } if !rows.is_empty() => {
                    Some(rows.as_slice())
                }
                _ => None,
            })
            .or_else(|| tables.tracker.as_ref().and_then(|t| t.as_ref().ok()).map(|(_, rows)| rows.as_slice()))
            .unwrap_or_default();
        Facts { title_block: &project.title_block, settings: &project.settings, tracker, tables }
    }

    /// The period a block or figure asks for.
    pub fn period(&self, which: Period) -> Result<(&TableInput, &Establishment), String> {
        let index = match which {
            Period::Latest => 0,
            Period::Earlier => 1,
        };
        let Some(period) = self.tables.periods.get(index) else {
            return Err(match which {
                Period::Latest => "no establishment table has been added yet".to_owned(),
                Period::Earlier => "the report has only one period's establishment table".to_owned(),
            });
        };
        match &period.read {
            Ok(read) => Ok((&period.table.input, read)),
            Err(message) => Err(message.clone()),
        }
    }

    /// Every period whose table reads, oldest first.
    pub fn periods_oldest_first(&self) -> Vec<(&TableInput, &Establishment)> {
        self.tables.periods.iter().rev().filter_map(|p| p.read.as_ref().ok().map(|r| (&p.table.input, r))).collect()
    }

    /// The council benchmarked: the one chosen, or the one the title block names when the DfE
    /// file has it ("Northshire County Council" finds "Northshire").
    pub fn benchmark(&self) -> Result<Benchmark<'_>, String> {
        let (source, indicators) = match &self.tables.indicators {
            None => return Err(self.missing("no DfE workforce indicators file has been added")),
            Some(Err(message)) => return Err(message.clone()),
            Some(Ok((source, data))) => (source.as_str(), &**data),
        };
        let council = match &self.settings.benchmark_council {
            Some(chosen) => chosen.clone(),
            None => council_named(indicators, &self.title_block.council).ok_or_else(|| {
                "choose the council to compare under Benchmarks: the DfE file has no council named as in the title block"
                    .to_owned()
            })?,
        };
        let neighbours = match &self.tables.neighbours {
            Some(Ok((_, n))) => Some(&**n),
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

    /// The general table with this id, or why it is not there.
    pub fn general(&self, id: u32) -> Result<(&GeneralFacts, &GeneralTable), String> {
        let found = self.tables.general.iter().find(|g| g.id == id);
        let Some(facts) = found else {
            return Err(self.missing("the table it was made from has been taken out of the report"));
        };
        match &facts.read {
            Ok(table) => Ok((facts, table)),
            Err(why) => Err(why.clone()),
        }
    }

    pub fn staff(&self) -> Result<(&str, &StaffFigures), String> {
        supporting(&self.tables.staff, &self.missing("no staff list has been added"))
    }

    /// Why a supporting table is not there: not added, or one added is not read yet, or could
    /// not be read.
    pub fn missing(&self, not_added: &str) -> String {
        let Some(problem) = self.tables.unloaded.first() else { return not_added.to_owned() };
        let said = problem.to_string();
        let said = said.trim_end_matches('.');
        match problem.kind {
            ProblemKind::StillBeingRead { .. } => format!("{not_added}, unless it is one not read yet ({said})"),
            _ => format!("{not_added}, unless it is one that could not be read ({said})"),
        }
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
    let names = data.rows.iter().filter(|r| r.level == Level::LocalAuthority).map(|r| r.name.as_str());
    council_among(names, council)
}

/// The name among `names` that a title block's council is: exact, or without its "Council".
pub fn council_among<'n>(names: impl Iterator<Item = &'n str>, council: &str) -> Option<String> {
    let wanted = council.trim();
    let short = ["Metropolitan Borough Council", "County Council", "City Council", "Borough Council", "Council"]
        .iter()
        .find_map(|suffix| wanted.strip_suffix(suffix))
        .map_or(wanted, str::trim);
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

/// A period's name for headings and sentences: "2025/26", or "This period" until the
/// officer names it.
pub fn period_name(period: &str) -> String {
    if period.trim().is_empty() {
        "This period".to_owned()
    } else {
        period.trim().to_owned()
    }
}

/// The earlier period's name for headings: "2024/25", or "Earlier period" until named.
pub fn earlier_period_name(period: &str) -> String {
    if period.trim().is_empty() {
        "Earlier period".to_owned()
    } else {
        period.trim().to_owned()
    }
}

/// The earlier period as a sentence names it: "2024/25", or "the earlier period".
pub fn earlier_in_words(period: &str) -> String {
    if period.trim().is_empty() {
        "the earlier period".to_owned()
    } else {
        period.trim().to_owned()
    }
}
