//! The app's state and the one place it changes.

use std::rc::Rc;

use crate::engine::import::{read_establishment, Problem};
use crate::engine::model::{Origin, Project, TableInput};
use crate::engine::sample::sample_project;

/// What the pasted table is credited to in source lines.
pub const PASTED_SOURCE: &str = "table pasted by the report author";

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The one value that is saved; the report is derived from it.
    pub project: Project,
    /// The paste box's text, kept even when it cannot be read, so nothing typed is lost.
    pub paste: String,
    /// Why the paste box's text could not be read; empty when it could.
    pub problems: Vec<Problem>,
    /// What the last edit did, announced to screen readers.
    pub status: String,
}

pub enum Action {
    /// The officer pasted or typed into "Paste a table".
    PasteEdited(String),
    /// Go back to the built-in sample.
    UseSample,
}

impl Default for State {
    fn default() -> Self {
        State {
            project: sample_project(),
            paste: String::new(),
            problems: Vec::new(),
            status: "Showing the built-in sample for a fictional council.".into(),
        }
    }
}

/// The reducer: a pure function from the state and an action to the next state. A paste that
/// cannot be read changes nothing in the project, so the previous report stays.
pub fn reduce(state: &State, action: Action) -> State {
    match action {
        Action::PasteEdited(text) => {
            if text.trim().is_empty() {
                return State {
                    paste: text,
                    problems: Vec::new(),
                    ..state.clone()
                };
            }
            match read_establishment(&text) {
                Ok(table) => {
                    let mut project = state.project.clone();
                    project.tables = vec![TableInput {
                        period: String::new(),
                        source: PASTED_SOURCE.into(),
                        origin: Origin::Pasted,
                        text: text.clone(),
                    }];
                    let roles = table.rows.len();
                    State {
                        project,
                        paste: text,
                        problems: Vec::new(),
                        status: format!(
                            "Report updated from the pasted table: {roles} {}.",
                            if roles == 1 { "role" } else { "roles" }
                        ),
                    }
                }
                Err(problems) => State {
                    paste: text,
                    problems,
                    status: "The pasted table could not be read; the report has not changed."
                        .into(),
                    ..state.clone()
                },
            }
        }
        Action::UseSample => State {
            status: "Back to the built-in sample. Your pasted text is still in the box.".into(),
            problems: Vec::new(),
            project: sample_project(),
            paste: state.paste.clone(),
        },
    }
}

impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}
