//! Workforce Report Builder: social care workforce tables in, committee report sections out.
//!
//! [`engine`] holds everything that computes; [`ui`] is the thin Yew layer over it, present
//! in the browser build (its state and reducer build everywhere, so they are tested natively).

pub mod engine;

pub mod ui;
