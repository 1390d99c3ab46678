//! The thin Yew layer: one `State` holding the project, an `Action` for every edit, a pure
//! `reduce`, and small components. Everything it shows comes from the engine. The state and
//! reducer are plain Rust and build natively for tests; the components only for the browser.

pub mod first_view;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod codec;
#[cfg(target_arch = "wasm32")]
pub mod components;

#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod drawing;
#[cfg(target_arch = "wasm32")]
mod edge;
#[cfg(target_arch = "wasm32")]
pub mod export_worker;
#[cfg(target_arch = "wasm32")]
pub mod stop_signal;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub use app::App;
