//! What could not be read, as a list an officer can act on.

use yew::prelude::*;

use crate::engine::import::Problem;
use crate::ui::state::listed;

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub id: AttrValue,
    pub lead: AttrValue,
    pub problems: Vec<Problem>,
}

#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    html! {
        <div class="error-message" id={props.id.clone()}>
            <p>{ props.lead.clone() }</p>
            <ul>{ for listed(&props.problems).into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
        </div>
    }
}
