//! What could not be read, as a list an officer can act on.

use yew::prelude::*;

use crate::engine::import::Problem;

/// Problems beyond this many are counted, not listed.
const LISTED: usize = 8;

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
            <ul>
                { for props.problems.iter().take(LISTED).map(|p| html! { <li>{ p.to_string() }</li> }) }
                if props.problems.len() > LISTED {
                    <li>{ format!("and {} more.", props.problems.len() - LISTED) }</li>
                }
            </ul>
        </div>
    }
}
