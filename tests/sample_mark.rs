//! The built-in sample can never reach committee by accident: while a report uses its data (a
//! table drawn from it, a title-block field still as it gave it), the report says where, and
//! the preview, print and exports carry the mark (tests/word.rs, tests/e2e/walkthrough). A
//! blank report starts with the usual committee headings and nothing of the sample.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::model::{Origin, TableInput, TitleField};
use wrb::engine::report::{build_report_reading_files as build_report, html};
use wrb::engine::sample::{blank_project, sample_project, Template, COMMITTEE_HEADINGS};

const OWN_TABLE: &str = "Role\tEstablishment\tPermanent\tAgency\nSocial Worker\t10\t7\t2\nTeam Manager\t4\t3\t1\n";

#[test]
fn every_template_is_marked_where_it_uses_sample_data() {
    for template in Template::ALL {
        let report = build_report(&template.project());
        let places = report.sample.places();
        assert!(places.iter().any(|p| p.starts_with("Table ")), "{template:?}: {places:?}");
        assert!(places.iter().any(|p| p.starts_with("the title block (") && p.contains("Committee")));
        let page = html::render(&report);
        assert!(
            page.contains("class=\"report sample") || page.contains(" sample\""),
            "the article is marked for print"
        );
        assert!(page.contains("<p class=\"sample-mark\" role=\"note\"><strong>Sample data.</strong>"));
    }
}

#[test]
fn the_mark_goes_when_the_last_of_the_sample_is_replaced() {
    let mut project = sample_project();
    // Own tables in place of the sample's, and the sample's others taken out.
    project.tables = vec![TableInput::pasted(OWN_TABLE, "pasted")];
    project.supporting.retain(|t| t.origin != Origin::Sample);
    let report = build_report(&project);
    let places = report.sample.places();
    assert_eq!(places.len(), 1, "only the title block is left: {places:?}");
    assert!(places[0].starts_with("the title block ("));
    // One field typed over is no longer the sample's; the rest still are.
    project.title_block.committee = "Corporate Parenting Board".into();
    let report = build_report(&project);
    let places = report.sample.places();
    assert!(!places[0].contains("Committee,") && places[0].contains("Meeting date"));
    for field in TitleField::ALL {
        project.title_block.set(field, format!("Our own {}", field.label()));
    }
    let report = build_report(&project);
    assert!(report.sample.is_empty(), "{:?}", report.sample.places());
    assert!(!html::render(&report).contains("sample-mark"));
}

#[test]
fn a_blank_report_has_the_committee_headings_and_nothing_of_the_sample() {
    let project = blank_project();
    let headings: Vec<&str> = project.document.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, COMMITTEE_HEADINGS);
    assert!(project.tables.is_empty() && project.supporting.is_empty());
    assert!(TitleField::ALL.into_iter().all(|f| project.title_block.get(f).is_empty()), "the title block is to fill");
    let report = build_report(&project);
    assert!(report.sample.is_empty());
    let page = html::render(&report);
    assert!(!page.contains("sample") && !page.contains("Not shown"), "nothing to replace, nothing missing");
}
