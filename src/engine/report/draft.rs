//! A first draft of the current-position narrative, written from the data in plain English
//! with the number style of `../shared/domain.md`. The figures in it are live, so the draft
//! stays right when a table changes; the officer edits the words.

use super::facts::Facts;
use crate::engine::model::{Content, DataBlock, Document, Period};

/// The draft's paragraphs, each saying only what the data can support.
///
/// ```
/// use wrb::engine::report::{draft::first_draft, facts::Facts};
/// use wrb::engine::report::facts::TableFacts;
/// use wrb::engine::tables::ProjectTables;
/// let project = wrb::engine::sample::sample_project();
/// let tables = TableFacts::of(&ProjectTables::load(&project), None);
/// let draft = first_draft(&Facts::new(&project, &tables));
/// assert!(matches!(&draft[0], wrb::engine::model::Content::Text(t) if t.contains("{vacancy rate}")));
/// ```
pub fn first_draft(facts: &Facts) -> Vec<Content> {
    let mut paragraphs = Vec::new();
    if facts.period(Period::Latest).is_err() {
        return vec![Content::Text(
            "[Add an establishment table: this paragraph will then describe the current position.]".into(),
        )];
    }
    let when = if facts.tables.periods.first().is_some_and(|p| !p.table.input.period.is_empty()) {
        "In {period}, the"
    } else {
        "The"
    };
    paragraphs.push(Content::Text(format!(
        "{when} establishment is {{establishment}} FTE posts. Permanent staff fill {{permanent}} FTE and agency \
         workers {{agency}} FTE. There are {{vacant}} FTE vacant posts, a vacancy rate of {{vacancy rate}}, and agency \
         workers make up {{agency rate}} of staff in post (permanent and agency)."
    )));
    if facts.period(Period::Earlier).is_ok() {
        paragraphs.push(Content::Text(
            "The vacancy rate {vacancy rate change}. The agency worker rate {agency rate change}.".into(),
        ));
    }
    if let Ok(benchmark) = facts.benchmark() {
        let mut text = "The vacancy rate is {vacancy rate against England}, and the agency worker rate is \
                        {agency rate against England}."
            .to_owned();
        if benchmark.year.neighbours.is_some() {
            text.push_str(
                " Our statistical neighbours' vacancy rate averaged {neighbours vacancy rate} in {benchmark year}.",
            );
        }
        paragraphs.push(Content::Text(text));
    }
    if facts.staff().is_ok() {
        paragraphs.push(Content::Text(
            "In the year to {staff date}, {people joined} and {leavers} left, a turnover rate of \
             {turnover rate}. {aged 55 and over} of staff in post are aged 55 or over, and so may retire within the \
             next ten years."
                .into(),
        ));
    }
    paragraphs
}

/// A one-section report on the project's establishment tables, for a table given on its own
/// (`wfr render TABLE`): the draft, the latest table and chart, and the earlier period with
/// the change when there is one.
pub fn current_workforce(facts: &Facts) -> Document {
    let mut paragraphs = first_draft(facts);
    let data = |block| Content::Data { block, title: String::new() };
    paragraphs.push(data(DataBlock::EstablishmentTable(Period::Latest)));
    paragraphs.push(data(DataBlock::EstablishmentChart(Period::Latest)));
    if facts.tables.periods.len() > 1 {
        paragraphs.push(data(DataBlock::EstablishmentTable(Period::Earlier)));
        paragraphs.push(data(DataBlock::TwoPeriodTable));
    }
    Document::new(vec![("Current workforce".to_owned(), paragraphs)])
}
