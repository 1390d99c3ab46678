//! The tables of the pipeline into the workforce: programme cohorts, recruitment campaigns,
//! and the budgets that pay for them. A figure a table leaves empty is `None`, never 0.

use serde::{Deserialize, Serialize};

/// A programme cohort: newly qualified social workers through the ASYE year, students,
/// apprentices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CohortRow {
    pub line: usize,
    pub programme: String,
    pub started: Option<f64>,
    pub completed: Option<f64>,
    pub still_employed: Option<f64>,
}

/// A recruitment campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub line: usize,
    pub campaign: String,
    pub posts: Option<f64>,
    pub applications: Option<f64>,
    pub appointments: Option<f64>,
}

/// A budget line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub line: usize,
    pub item: String,
    pub budget: Option<f64>,
    pub spent: Option<f64>,
    /// Years the budget covers, where the table says.
    pub years: Option<f64>,
}
