//! The small values the state is made of, and the panels' views of the facts.

use std::rc::Rc;
use std::sync::Arc;

use crate::engine::import::Problem;
pub use crate::engine::metrics::checks::TableChecks;
use crate::engine::model::{BudgetRow, CampaignRow, CohortRow, DfeIndicators, Project, StatisticalNeighbours};
use crate::engine::report::facts::{council_named, Supporting, TableFacts};
use crate::engine::tables::Arrived;

use super::InputField;

/// A draft kept in this browser, as the drafts list shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DraftEntry {
    pub id: String,
    pub title: String,
    /// When it was last saved, as the officer reads it.
    pub saved: String,
    /// The same, in milliseconds, for ordering.
    pub saved_at: f64,
}

/// What could not be read, and the field where it is put right.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub field: InputField,
    pub problems: Vec<Problem>,
}

/// One line of the error summary: the message, and the id of the field it links to.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Problems beyond this many are counted, not listed, beside the field and in the summary.
pub const LISTED: usize = 8;

/// The problems as the officer reads them: the first few, then how many more.
pub fn listed(problems: &[Problem]) -> Vec<String> {
    let mut lines: Vec<String> = problems.iter().take(LISTED).map(Problem::to_string).collect();
    if problems.len() > LISTED {
        lines.push(format!("and {} more.", problems.len() - LISTED));
    }
    lines
}

/// Where a Word or Excel export stands, said beside the buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Exporting {
    Idle,
    Working(String),
    Done(String),
    Failed(String),
}

/// Where a table brought in goes among the report's periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slot {
    /// The newest period: it replaces the report's tables.
    #[default]
    Latest,
    /// The period before the report's latest table, for comparison with it.
    Earlier,
    /// The period after the report's table: that one becomes the earlier period.
    Later,
}

impl Slot {
    /// Where a table comes in when the officer has not said: beside a table of theirs (never
    /// replacing it), before or after it by the periods' years where both name one; in place
    /// of the sample's.
    pub fn by_default(before: &[crate::engine::model::TableInput], period: &str) -> Slot {
        use crate::engine::model::{period_year, Origin};
        match before.first() {
            Some(latest) if latest.origin != Origin::Sample => match (period_year(period), period_year(&latest.period))
            {
                (Some(new), Some(kept)) if new > kept => Slot::Later,
                _ => Slot::Earlier,
            },
            _ => Slot::Latest,
        }
    }
}

/// One file's sheet, as the import worker read it.
#[derive(Clone, Debug)]
pub struct FileRows {
    pub file: u64,
    /// The bytes read, shared with the project: a file is found by them at once, without
    /// working out its key again over tens of megabytes.
    pub bytes: Arc<[u8]>,
    pub sheet: Option<String>,
    /// Its rows (or its staff list), or why the worker could not read it; the tables layer
    /// reads a file again only when this changes.
    pub arrived: Result<Rc<Arrived>, Problem>,
}

/// What the Benchmarks panel compares: the DfE file, the neighbours file, and the choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Benchmarks {
    pub indicators: Option<Rc<DfeIndicators>>,
    pub neighbours: Option<Rc<StatisticalNeighbours>>,
    /// The council chosen, or the one the title block names.
    pub council: Option<String>,
    /// The year shown; the latest when not chosen.
    pub year: Option<String>,
}

impl Benchmarks {
    pub fn of(facts: &TableFacts, project: &Project) -> Benchmarks {
        let indicators = read(&facts.indicators);
        let settings = &project.settings;
        let council = settings
            .benchmark_council
            .clone()
            .or_else(|| council_named(indicators.as_ref()?, &project.title_block.council));
        Benchmarks { indicators, neighbours: read(&facts.neighbours), council, year: settings.benchmark_year.clone() }
    }
}

/// The cohort, recruitment and budget tables shown beside the report, with their sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PipelineTables {
    pub cohorts: Option<(String, Rc<Vec<CohortRow>>)>,
    pub campaigns: Option<(String, Rc<Vec<CampaignRow>>)>,
    pub budget: Option<(String, Rc<Vec<BudgetRow>>)>,
}

impl PipelineTables {
    pub fn of(facts: &TableFacts) -> PipelineTables {
        PipelineTables {
            cohorts: with_source(&facts.cohorts),
            campaigns: with_source(&facts.campaigns),
            budget: with_source(&facts.budget),
        }
    }
}

fn with_source<T>(table: &Supporting<Rc<T>>) -> Option<(String, Rc<T>)> {
    table.as_ref().and_then(|r| r.as_ref().ok()).cloned()
}

fn read<T>(table: &Supporting<Rc<T>>) -> Option<Rc<T>> {
    table.as_ref().and_then(|r| r.as_ref().ok()).map(|(_, t)| t.clone())
}
