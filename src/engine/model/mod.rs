//! Typed tables, as the rest of the engine sees them once import has read them.

mod establishment;
mod mapping;
mod project;

pub use establishment::{Entry, EstablishmentTable, Field, NoValue, RoleRow};
pub use mapping::{ColumnMapping, ColumnUse};
pub use project::{Origin, Project, TableInput, TitleBlock, SCHEMA_VERSION};
