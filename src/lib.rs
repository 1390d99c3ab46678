//! Workforce Report Builder: social care workforce tables in, committee report sections out.
//!
//! [`engine`] holds everything that computes; [`ui`] is the thin Yew layer over it, present
//! only in the browser build.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
