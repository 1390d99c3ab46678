//! Typed tables, as the rest of the engine sees them once import has read them.

mod comparison;
mod date;
mod dfe;
mod document;
mod establishment;
mod general;
mod kind;
mod mapping;
mod pipeline;
mod project;
mod staff;

pub use comparison::{first_year, AreaChoice, AreaLevel, Comparison, ComparisonMeasure, ComparisonRow, REGIONS};
pub use date::Date;
pub use dfe::{DfeIndicators, DfeRow, Level, Percent, PublishedRates, StatisticalNeighbours};
pub use document::{
    Content, DataBlock, Document, Move, Paragraph, Period, PrintSettings, Recommendation, Section, Status,
};
pub use establishment::{Entry, EstablishmentTable, Field, NoValue, RoleRow};
pub use general::{plain_label, Cell, Column, GeneralTable, Layout, Row, Unit};
pub use kind::TableKind;
pub use mapping::{ColumnMapping, ColumnUse, RememberedMappings};
pub use pipeline::{BudgetRow, CampaignRow, CohortRow};
pub use project::{
    period_year, Origin, Project, RawInput, ReportSettings, Scenario, TableInput, TitleBlock, TitleField, WordTemplate,
    ENGLAND_TURNOVER_PERCENT, SCHEMA_VERSION,
};
pub use staff::{Contract, Definitions, Person, StaffList, Words};
