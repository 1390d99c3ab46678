//! The words officers put at the top of columns, and what each column holds.

use crate::engine::model::Field;

/// What a column heading says the column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// The row label: role, post or team.
    Role,
    Figure(Field),
    /// A known heading this table does not read, such as a rate computed in the source.
    Other,
}

/// A heading reduced to lower-case letters and digits, so "(Over)/under establishment" and
/// "over / under Establishment" compare equal.
pub fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).map(crate::engine::case::lower_char).collect()
}

/// Maps a column heading to what it holds. Matching is on the whole heading (ignoring case,
/// punctuation and a leading or trailing "FTE"), so "Vacancy rate" is not taken for "Vacancies".
///
/// ```
/// use wrb::engine::import::headings::{recognise, Heading};
/// use wrb::engine::model::Field;
/// assert_eq!(recognise("Budgeted FTE"), Some(Heading::Figure(Field::Establishment)));
/// assert_eq!(recognise("Vacancy rate"), Some(Heading::Other));
/// ```
pub fn recognise(cell: &str) -> Option<Heading> {
    let key = key(cell);
    let key = key.strip_suffix("fte").unwrap_or(&key);
    let key = key.strip_prefix("fte").unwrap_or(key);
    Some(match key {
        "role" | "roles" | "post" | "posts" | "jobtitle" | "job" | "position" | "team" | "grade" | "roletitle"
        | "posttitle" | "designation" | "service" | "serviceteam" => Heading::Role,
        "establishment"
        | "budgeted"
        | "budgetedposts"
        | "fundedposts"
        | "funded"
        | "totalestablishment"
        | "budgetedestablishment"
        | "establishmentposts" => Heading::Figure(Field::Establishment),
        "permanent" | "inpost" | "substantive" | "permanentstaff" | "staffinpost" | "permanentinpost" => {
            Heading::Figure(Field::Permanent)
        }
        "agency" | "locum" | "locums" | "interim" | "interims" | "agencystaff" | "agencyworkers" => {
            Heading::Figure(Field::Agency)
        }
        "vacant" | "vacancies" | "vacancy" | "vacantposts" => Heading::Figure(Field::Vacant),
        "overunder" | "overunderestablishment" | "underover" | "underoverestablishment" => {
            Heading::Figure(Field::OverUnder)
        }
        "vacancyrate" | "agencyrate" | "agencyworkerrate" | "turnoverrate" | "rate" | "total" | "headcount"
        | "notes" | "comments" | "paragraph" | "para" | "ref" => Heading::Other,
        _ => return None,
    })
}

/// Every heading phrase is at most this many words long.
pub const LONGEST_PHRASE: usize = 4;
