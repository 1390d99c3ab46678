//! Typed tables, as the rest of the engine sees them once import has read them.

mod dfe;
mod establishment;
mod mapping;
mod project;

pub use dfe::{DfeIndicators, DfeRow, Level, PublishedRates, StatisticalNeighbours};
pub use establishment::{Entry, EstablishmentTable, Field, NoValue, RoleRow};
pub use mapping::{ColumnMapping, ColumnUse, RememberedMappings};
pub use project::{Origin, Project, RawInput, TableInput, TitleBlock, SCHEMA_VERSION};
