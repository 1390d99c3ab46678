//! The report document and its HTML: what an officer and a member will read.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wrb::engine::model::TableInput;
use wrb::engine::report::{build_report_reading_files as build_report, html};
use wrb::engine::sample::sample_project;

fn pasted(text: &str) -> wrb::engine::model::Project {
    let mut project = sample_project();
    project.tables = vec![TableInput::pasted(text, "test")];
    project
}

#[test]
fn sample_report_has_title_block_numbered_sections_narrative_tables_and_charts() {
    let report = build_report(&sample_project());
    assert_eq!(report.title_block.council, "Northshire County Council");
    let headings: Vec<String> = report.sections.iter().map(|s| format!("{}. {}", s.number, s.heading)).collect();
    assert_eq!(
        &headings[..4],
        ["1. Purpose of the report", "2. Recommendations", "3. Background", "4. Current position"]
    );
    let current = &report.sections[3];
    let numbers: Vec<&str> = current.paragraphs.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(&numbers[..3], ["4.1", "4.2", "4.3"]);

    let page = html::render(&report);
    assert!(page.contains(
        "In 2025/26, the establishment is 87.2 FTE posts. Permanent staff fill 59.8 FTE and agency workers 24 \
         FTE. There are 27.4 FTE vacant posts, a vacancy rate of 31.4%, and agency workers make up 28.6% of staff \
         in post (permanent and agency)."
    ));
    assert!(page.contains("The vacancy rate has fallen by 4.2 percentage points since 2024/25, from 35.6% to 31.4%."));
    assert!(page.contains("<caption>Table 1: Key figures</caption>"));
    assert!(page.contains("<caption>Table 2: Establishment by role, 2025/26, full-time equivalent (FTE)</caption>"));
    assert!(page.contains("<tr><th scope=\"row\">Social Worker</th><td>42.69</td><td>27.69</td><td>16.00</td><td>15.00</td><td>(1.00)</td><td>35.1%</td><td>36.6%</td></tr>"));
    assert!(page.contains("<tfoot><tr><th scope=\"row\">Total</th><td>87.19</td><td>59.79</td><td>24.00</td><td>27.40</td><td>3.40</td><td>31.4%</td><td>28.6%</td></tr></tfoot>"));
    assert!(page.contains("<span class=\"paragraph-number\">4.1</span>"));
}

#[test]
fn two_periods_are_compared_in_fte_and_percentage_points() {
    let page = html::render(&build_report(&sample_project()));
    assert!(page.contains("<caption>Table 3: Change from 2024/25 to 2025/26, totals</caption>"));
    for row in [
        "<tr><th scope=\"row\">Establishment (FTE)</th><td>84.19</td><td>87.19</td><td>+3.00</td></tr>",
        "<tr><th scope=\"row\">Agency (FTE)</th><td>28.50</td><td>24.00</td><td>−4.50</td></tr>",
        "<tr><th scope=\"row\">Vacancy rate</th><td>35.6%</td><td>31.4%</td><td>−4.2 pp</td></tr>",
    ] {
        assert!(page.contains(row), "{row}");
    }
    // One period alone has nothing to compare with: the block says so in its place.
    let single = html::render(&build_report(&pasted("Role\tEstablishment\nA\t1\n")));
    assert!(!single.contains("Change from"));
    assert!(single.contains("Two-period comparison table: the report has only one period&#39;s establishment table."));
}

#[test]
fn chart_is_accessible_svg_in_the_analysis_function_palette() {
    let report = build_report(&sample_project());
    let chart = report.charts().next().expect("the sample report has a chart");
    let svg = &chart.svg;
    assert!(svg.starts_with("<svg class=\"chart\""));
    assert!(svg.contains("role=\"img\" aria-labelledby=\"figure-1-title figure-1-desc\""));
    assert!(svg.contains("<title id=\"figure-1-title\">Social Worker has the most agency workers and uncovered vacancies (16 FTE)</title>"));
    assert!(chart
        .description
        .contains("Social Worker: establishment 42.69, permanent 27.69, agency 16.00, vacant and not covered 0.00."));
    for colour in ["#12436D", "#28A197", "#801650"] {
        assert!(svg.contains(colour), "palette colour {colour} is used");
    }
    assert!(svg.contains("Source: Northshire County Council"), "source line");
    assert!(svg.contains("Establishment by role, 2025/26"), "subtitle");
    // The figures as a table beside it, folded away on screen.
    let page = html::render(&report);
    assert!(page.contains("<details class=\"chart-data\"><summary>Figures in this chart</summary>"));
}

#[test]
fn hostile_text_is_shown_literally_in_table_and_chart() {
    let report = build_report(&pasted(
        "Role\tEstablishment\tPermanent\tAgency\tVacant\n<img src=x onerror=alert(1)>\t5\t3\t1\t1\n\"Team \"\"A\"\" & <b>\"\t2\t1\t1\t0\n",
    ));
    let page = html::render(&report);
    assert!(!page.contains("<img"), "no element injected");
    assert!(!page.contains("<b>"), "no element injected");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("Team &quot;A&quot; &amp; &lt;b&gt;"));
}

#[test]
fn a_table_that_cannot_be_read_is_reported_in_place() {
    let page = html::render(&build_report(&pasted("nothing useful")));
    assert!(page.contains("class=\"report-problem\""));
    assert!(page.contains("No row of column headings was found"));
    // Prose that names its figures says which could not be filled in.
    assert!(page.contains("[vacancy rate: no figure]"));
}

#[test]
fn missing_figures_are_marked_and_explained() {
    let page =
        html::render(&build_report(&pasted("Role\tEstablishment\tPermanent\tAgency\nSocial Worker\t10\t6\tc\n")));
    assert!(page.contains("<td>n/a</td>"));
    assert!(page.contains("n/a: the table has no Vacant column."));
    assert!(page.contains("n/a: the Agency figure for Social Worker is suppressed as confidential."));
}

proptest! {
    /// Whatever the figures, the report never prints NaN or infinity, and the printed total
    /// establishment is the sum of the unrounded rows.
    #[test]
    fn totals_are_sums_and_never_nan(rows in prop::collection::vec((0.0f64..500.0, 0.0f64..500.0, 0.0f64..100.0, -50.0f64..100.0), 1..12)) {
        let mut text = String::from("Role\tEstablishment\tPermanent\tAgency\tVacant\n");
        for (i, (e, p, a, v)) in rows.iter().enumerate() {
            text.push_str(&format!("Role {i}\t{e}\t{p}\t{a}\t{v}\n"));
        }
        let page = html::render(&build_report(&pasted(&text)));
        prop_assert!(!page.contains("NaN") && !page.contains("inf"), "{}", page);
        let expected: f64 = rows.iter().map(|r| r.0).sum();
        let printed_total = format!("<tfoot><tr><th scope=\"row\">Total</th><td>{}</td>", wrb::engine::format::fte(expected));
        prop_assert!(page.contains(&printed_total));
    }
}

#[test]
fn the_title_block_prints_every_field_given_in_order_and_leaves_out_empty_ones() {
    let mut project = sample_project();
    project.title_block.wards_affected = String::new();
    project.title_block.committee = "Scrutiny <Panel> & Board".into();
    let page = html::render(&build_report(&project));
    let block = &page[page.find("<dl>").unwrap()..page.find("</dl>").unwrap()];
    let terms: Vec<&str> = block.split("<dt>").skip(1).map(|s| &s[..s.find("</dt>").unwrap()]).collect();
    assert_eq!(terms, ["Committee", "Meeting date", "Report by", "Classification", "Key decision", "Contact officer"]);
    assert!(block.contains("<dd id=\"title-block-committee\">Scrutiny &lt;Panel&gt; &amp; Board</dd>"));
}
