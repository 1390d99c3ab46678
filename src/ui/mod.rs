//! The thin Yew layer: one `State` holding the project, an `Action` for every edit, a pure
//! `reduce`, and small components. Everything it shows comes from the engine.

mod app;
pub mod components;
pub mod state;

pub use app::App;
