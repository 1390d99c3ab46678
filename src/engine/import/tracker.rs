//! Reading a recommendations tracker: a numbered recommendation, its theme, a status and an
//! update, on any of the status scales trackers use (`../shared/domain.md`, "Progress
//! trackers": Red/Amber/Green; Achieved / On track / Slipped / Not achieved; Complete /
//! Ongoing / Paused).

use super::grid::GridRow;
use super::headings::key;
use super::{Problem, ProblemKind};
use crate::engine::model::{Recommendation, Status, TableKind};

/// The headings each column goes by, compared without case or punctuation.
const NUMBER: &[&str] = &["no", "number", "ref", "reference", "recno", "recommendationno", "item", "id"];
const THEME: &[&str] = &["theme", "area", "priority", "workstream", "category"];
const RECOMMENDATION: &[&str] = &["recommendation", "recommendations", "action", "recommendationaction"];
/// In order of preference: a "Progress" column is the status only where nothing else is.
const STATUS: &[&str] =
    &["status", "rag", "ragstatus", "ragrating", "brag", "currentstatus", "overallstatus", "rating", "progress"];
const UPDATE: &[&str] = &[
    "update",
    "progressupdate",
    "latestupdate",
    "actiontaken",
    "actionstaken",
    "comments",
    "commentary",
    "notes",
    "progresstodate",
    "progress",
];
const LEAD: &[&str] = &["lead", "leadofficer", "owner", "responsibleofficer"];

/// A status in the tracker's words, on the Red/Amber/Green scale. Red words are tried first:
/// "Not achieved" holds "achieved".
pub fn status_of(text: &str) -> Option<Status> {
    let k = key(text);
    // A status that says it is not there, or only in part, anywhere in it ("Closed – not
    // achieved", "Complete (partially)"), is that, whatever word it starts with.
    let holds = |words: &[&str]| words.iter().any(|w| k.contains(w));
    // Whole words, or the start of a longer status ("Complete – March 2025"); a letter alone
    // ("G") only as the whole cell; a colour first ("Red/Amber") names the status.
    let any = |words: &[&str]| words.iter().any(|w| k == *w || (w.len() >= 5 && k.starts_with(w)));
    let colour = |name: &str| k.starts_with(name);
    if holds(&["notachieved", "notmet", "notstarted", "notontrack", "offtrack", "notcomplete", "notdone"]) {
        Some(Status::Red)
    } else if holds(&["partially", "partly", "inpart"]) {
        Some(Status::Amber)
    } else if colour("red") || any(&["r", "slipped", "paused", "onhold", "behind", "overdue", "delayed"]) {
        Some(Status::Red)
    } else if colour("green")
        || colour("blue")
        || any(&["g", "b", "achieved", "complete", "completed", "done", "met", "closed"])
    {
        // Blue, in BRAG trackers, is completed.
        Some(Status::Green)
    } else if colour("amber") || any(&["a", "ontrack", "ongoing", "inprogress", "progressing", "started", "open"]) {
        Some(Status::Amber)
    } else {
        None
    }
}

/// Reads a tracker: the heading row holding a recommendation and a status column, then one
/// recommendation a row. A status the scales do not hold is a problem at its row and column,
/// never guessed.
pub fn read_tracker(rows: &[GridRow]) -> Result<Vec<Recommendation>, Vec<Problem>> {
    // The first name in a list that a heading has: the lists are in order of preference.
    let find =
        |row: &GridRow, names: &[&str]| names.iter().find_map(|name| row.cells.iter().position(|c| key(c) == *name));
    let Some((index, recommendation, status)) =
        rows.iter().take(30).enumerate().find_map(|(i, row)| Some((i, find(row, RECOMMENDATION)?, find(row, STATUS)?)))
    else {
        return Err(vec![Problem::whole(ProblemKind::NoHeader(TableKind::RecommendationsTracker))]);
    };
    let header = &rows[index];
    let update = UPDATE
        .iter()
        .find_map(|name| header.cells.iter().enumerate().position(|(i, c)| i != status && key(c) == *name));
    let (number, theme, lead) = (find(header, NUMBER), find(header, THEME), find(header, LEAD));
    let text = |row: &GridRow, at: Option<usize>| {
        at.and_then(|i| row.cells.get(i))
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for row in &rows[index + 1..] {
        let words = text(row, Some(recommendation));
        if row.is_blank() || words.is_empty() {
            continue;
        }
        let said = text(row, Some(status));
        let Some(status_now) = status_of(&said) else {
            let heading = header.cells[status].trim();
            problems.push(Problem::at(row.line, status, heading, ProblemKind::UnknownStatus { cell: said }));
            continue;
        };
        let mut update_words = text(row, update);
        let lead_name = text(row, lead);
        if !lead_name.is_empty() {
            let joined = if update_words.is_empty() { String::new() } else { format!("{update_words} ") };
            update_words = format!("{joined}(Lead: {lead_name})");
        }
        out.push(Recommendation {
            number: text(row, number),
            theme: text(row, theme),
            recommendation: words,
            status: status_now,
            update: update_words,
        });
    }
    match (problems.is_empty(), out.is_empty()) {
        (true, true) => Err(vec![Problem::whole(ProblemKind::NoRows)]),
        (true, false) => Ok(out),
        (false, _) => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::split_text;

    #[test]
    fn every_scale_trackers_use_maps_to_red_amber_green() {
        let cases = [
            ("Green", Status::Green),
            ("Achieved", Status::Green),
            ("Complete", Status::Green),
            ("Amber", Status::Amber),
            ("On track", Status::Amber),
            ("Ongoing", Status::Amber),
            ("Red", Status::Red),
            ("Slipped", Status::Red),
            ("Not achieved", Status::Red),
            ("Paused", Status::Red),
            ("G", Status::Green),
        ];
        for (words, expected) in cases {
            assert_eq!(status_of(words), Some(expected), "{words}");
        }
        for (words, expected) in [
            ("Closed – not achieved", Status::Red),
            ("Complete (partially)", Status::Amber),
            ("On hold", Status::Red),
            ("Blue", Status::Green),
            ("Red/Amber", Status::Red),
            ("Amber/Green", Status::Amber),
            ("Not started", Status::Red),
            ("Complete – March 2025", Status::Green),
        ] {
            assert_eq!(status_of(words), Some(expected), "{words}");
        }
        assert_eq!(status_of("Purple"), None);
        assert_eq!(status_of(""), None);
    }

    #[test]
    fn a_tracker_is_read_with_its_lead_officer_and_an_unknown_status_is_placed() {
        let text = "Ref\tRecommendation\tLead officer\tAction taken\tStatus\n\
                    R1\tReview pay for team managers\tHead of HR\tPay review agreed\tAchieved\n\
                    R2\tReduce agency use\t\tConversion offer made\tOn track\n";
        let read = read_tracker(&split_text(text)).expect("reads");
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].number.as_str(), read[0].status), ("R1", Status::Green));
        assert_eq!(read[0].update, "Pay review agreed (Lead: Head of HR)");
        assert_eq!(read[1].status, Status::Amber);

        // A free-text Progress column beside a Status column is the update, not the status.
        let both = "No.\tRecommendation\tProgress\tStatus\n1\tReview pay\tTraining launched\tOn track\n";
        let read = read_tracker(&split_text(both)).expect("reads");
        assert_eq!((read[0].status, read[0].update.as_str()), (Status::Amber, "Training launched"));

        let bad = "No.\tRecommendation\tStatus\n1\tReview pay\tPurple\n";
        let problems = read_tracker(&split_text(bad)).unwrap_err();
        assert_eq!(problems[0].kind, ProblemKind::UnknownStatus { cell: "Purple".into() });
        assert_eq!((problems[0].line, problems[0].column.as_ref().map(|c| c.0)), (Some(2), Some(2)));
    }
}
