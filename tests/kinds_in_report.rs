//! The richer kinds of table each reach the report: a recruitment table, a budget, cohorts, a
//! recommendations tracker and the Scenarios panel's assumptions give table blocks and live
//! figures, worked out from the rows, not typed in.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::model::{Content, DataBlock, Document, Project, Status, TableInput};
use wrb::engine::report::{build_report_reading_files as build_report, html, Block};
use wrb::engine::sample::sample_project;

/// The sample's establishment tables with these tables beside them and one section of words
/// and blocks.
fn report(tables: &[&str], contents: Vec<Content>) -> (Project, String) {
    let mut project = sample_project();
    project.supporting = tables.iter().map(|text| TableInput::pasted(*text, "pasted for the test")).collect();
    project.document = Document::new(vec![("Section".into(), contents)]);
    let page = html::render(&build_report(&project));
    (project, page)
}

fn data(block: DataBlock) -> Content {
    Content::Data { block, title: String::new() }
}

const CAMPAIGNS: &str = "Campaign\tPosts advertised\tApplications\tAppointments\n\
                         Spring 2025\t6\t90\t4\n\
                         Autumn 2025\t4\t30\t3\n";

#[test]
fn a_recruitment_table_gives_its_block_and_figures_per_post() {
    let (project, page) = report(
        &[CAMPAIGNS],
        vec![
            Content::Text(
                "{applications} applications for {posts advertised} posts: {applications per post} a post; \
                 {appointments per post} appointed a post."
                    .into(),
            ),
            data(DataBlock::RecruitmentTable),
        ],
    );
    assert!(page.contains("120 applications for 10 posts: 12.0 a post; 0.7 appointed a post."), "live figures");
    let report = build_report(&project);
    let table = report.tables().next().expect("the recruitment table");
    assert_eq!(table.rows[0], ["Spring 2025", "6", "90", "4", "15.0", "0.7"]);
    assert_eq!(table.total.as_deref().unwrap(), ["Total", "10", "120", "7", "12.0", "0.7"]);
}

#[test]
fn a_budget_from_budget_and_remaining_gives_spent_and_the_share_spent() {
    let budget = "Item\tBudget\tRemaining\nTraining\t£10,000\t£6,000\nConferences\t£2,000\t£500\n";
    let (project, page) = report(
        &[budget],
        vec![
            Content::Text("{spent} of {budget} spent ({share of budget spent}); {remaining} left.".into()),
            data(DataBlock::BudgetTable),
        ],
    );
    assert!(page.contains("£5,500 of £12,000 spent (45.8%); £6,500 left."), "live figures");
    let table = build_report(&project).tables().next().cloned().expect("the budget table");
    assert_eq!(table.rows[0], ["Training", "£10,000", "£4,000", "£6,000", "40.0%"]);
    assert_eq!(table.total.unwrap(), ["Total", "£12,000", "£5,500", "£6,500", "45.8%"]);
}

#[test]
fn cohorts_give_completion_and_retention_over_every_programme() {
    let cohorts = "Programme\tStarted\tCompleted\tStill employed\nASYE 2023\t12\t11\t9\nASYE 2024\t8\t8\t8\n";
    let (_, page) = report(
        &[cohorts],
        vec![Content::Text(
            "{cohort completed} of {cohort started} completed ({completion rate}); {retention rate} stayed.".into(),
        )],
    );
    assert!(page.contains("19 of 20 completed (95.0%); 89.5% stayed."), "live figures");
}

#[test]
fn a_tracker_fills_an_empty_tracker_block_and_its_statuses_are_counted() {
    let tracker = "Ref\tRecommendation\tStatus\tUpdate\n\
                   1\tReview pay for team managers\tAchieved\tAgreed in March\n\
                   2\tReduce agency use\tOn track\tConversion offer made\n\
                   3\tOpen an academy\tSlipped\tDelayed to 2026\n";
    let (project, page) = report(
        &[tracker],
        vec![
            Content::Text(
                "Of {recommendations}: {recommendations achieved} achieved, {recommendations progressing} \
                 progressing, {recommendations not on track} not on track."
                    .into(),
            ),
            data(DataBlock::Recommendations(Vec::new())),
        ],
    );
    assert!(page.contains("Of 3: 1 achieved, 1 progressing, 1 not on track."), "counts by status");
    let (_, said) = report(&[tracker], vec![Content::Text("{progress on recommendations}.".into())]);
    assert!(said.contains("Of the 3 recommendations, 1 has been achieved, 1 is progressing and 1 is not on track."));
    let (_, one) = report(
        &[&tracker.replace("Slipped", "Achieved").replace("On track", "Complete")],
        vec![Content::Text("{progress on recommendations}.".into())],
    );
    assert!(one.contains("Of the 3 recommendations, 3 have been achieved."), "a status with none is left out");
    let table = build_report(&project).tables().next().cloned().expect("the tracker");
    let statuses: Vec<&str> = table.rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(statuses, [Status::Green.label(), Status::Amber.label(), Status::Red.label()]);
    // The key under it uses the words of its cells, each with what it means.
    for status in statuses {
        assert!(
            table.notes.iter().any(|n| n.contains(&format!("{status} ("))),
            "the key names “{status}”: {:?}",
            table.notes
        );
    }

    // Recommendations typed into the block are the report's, whatever table is beside it.
    let typed = vec![wrb::engine::model::Recommendation { status: Status::Red, ..Default::default() }];
    let (_, page) = report(
        &[tracker],
        vec![
            Content::Text("{recommendations not on track} of {recommendations}".into()),
            data(DataBlock::Recommendations(typed)),
        ],
    );
    assert!(page.contains("1 of 1"));
}

#[test]
fn the_scenarios_assumptions_are_live_figures() {
    let words = "Now {agency rate}; after converting {agency workers converted} FTE, {agency rate after conversion}, \
                 saving {conversion saving a year}. In a year: {projected vacancy rate in 12 months}.";
    let (mut project, before) = report(&[], vec![Content::Text(words.into())]);
    assert!(before.contains("after converting 0 FTE"), "nothing converted until the officer says: {before}");
    project.settings.scenario.convert = 5.0;
    project.settings.scenario.recruits = Some(40.0);
    let after = html::render(&build_report(&project));
    let agency = |page: &str| page.split("Now ").nth(1).and_then(|s| s.split(';').next()).map(str::to_owned);
    let after_conversion = after.split("FTE, ").nth(1).and_then(|s| s.split(',').next()).unwrap().to_owned();
    assert!(after.contains("after converting 5 FTE"), "{after}");
    assert_ne!(agency(&after).unwrap(), after_conversion, "converting lowers the agency rate");
    assert!(!after.contains("no figure"), "every scenario figure is worked out");
    let report = build_report(&project);
    assert!(!report.blocks().any(|b| matches!(b, Block::Problem(_))));
}
