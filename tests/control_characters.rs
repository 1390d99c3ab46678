//! Control characters (U+0000 to U+001F other than tab and line breaks) come in with text
//! copied out of a PDF. XML 1.0 allows none of them, even escaped, so every XML the app writes
//! (the Word file, each chart's SVG, the page for members) leaves them out: otherwise Word and
//! LibreOffice refuse the file, and the chart's picture never loads.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

mod support;

use wrb::engine::export::png::chart_png;
use wrb::engine::export::{static_page, word};
use wrb::engine::model::{Content, TitleField};
use wrb::engine::report::build_report_reading_files as build_report;
use wrb::engine::sample::sample_project;

/// Every code point below U+0020 that XML 1.0 refuses.
fn refused() -> Vec<char> {
    (0u32..0x20).filter_map(char::from_u32).filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// Text holding each of them, between words, so what is left reads "Social" + "Worker".
fn hostile(words: &str) -> String {
    let all: String = refused().into_iter().collect();
    words.replacen(' ', &format!(" {all}"), 1)
}

/// The sample with every kind of text an officer gives holding every refused character: a
/// role in the table, a paragraph, a heading, the title block and a chart's title.
fn project() -> wrb::engine::model::Project {
    let mut project = sample_project();
    if let wrb::engine::model::RawInput::Text(text) = &mut project.tables[0].raw {
        *text = text.replacen("Social Worker", &hostile("Social Worker"), 1);
    }
    project.title_block.set(TitleField::Title, hostile("Workforce update"));
    let section = &mut project.document.sections[0];
    section.heading = hostile("Purpose of the report");
    section.paragraphs[0].content = Content::Text(hostile("This report sets out the position."));
    for paragraph in project.document.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()) {
        if let Content::Data { title, .. } = &mut paragraph.content {
            *title = hostile("A chart title");
        }
    }
    project
}

/// Where in `xml` a refused character is, written as itself or as a character reference.
fn refused_in(xml: &str) -> Option<String> {
    if let Some(at) = xml.find(|c: char| refused().contains(&c)) {
        return Some(xml[at.saturating_sub(40)..(at + 40).min(xml.len())].escape_debug().to_string());
    }
    for c in refused() {
        for reference in [format!("&#{};", c as u32), format!("&#x{:x};", c as u32), format!("&#x{:X};", c as u32)] {
            if let Some(at) = xml.find(&reference) {
                return Some(xml[at.saturating_sub(40)..(at + 40).min(xml.len())].to_owned());
            }
        }
    }
    None
}

#[test]
fn the_hostile_text_reaches_the_report() {
    // Otherwise the tests below prove nothing.
    let report = build_report(&project());
    let held = |text: &str| refused().iter().all(|c| text.contains(*c));
    // Splitting the pasted table on whitespace takes some (U+001C to U+001F are whitespace).
    let some = |text: &str| text.contains(|c: char| refused().contains(&c));
    assert!(report.tables().any(|t| t.rows.iter().any(|r| some(&r[0]))), "a role in a table");
    assert!(report.charts().any(|c| held(&c.title)), "a chart's title");
    assert!(held(&report.title_block.title));
    assert!(held(&report.sections[0].heading));
}

#[test]
fn each_chart_s_svg_has_none_and_still_draws() {
    let report = build_report(&project());
    let mut charts = 0;
    for chart in report.charts() {
        charts += 1;
        assert_eq!(refused_in(&chart.svg), None, "{}", chart.id);
        assert!(chart_png(chart, 1.0).is_some(), "{} draws", chart.id);
    }
    assert!(charts > 0);
}

#[test]
fn the_page_for_members_has_none() {
    let project = project();
    let report = build_report(&project);
    let page = static_page::render(&project, &report);
    // The page's own HTML; the project rides in a JSON block, where they are \u escapes.
    assert_eq!(refused_in(&page), None);
    assert!(page.contains("Workforce update"));
}

#[test]
fn every_part_of_the_word_file_has_none_and_libreoffice_opens_it() {
    let report = build_report(&project());
    let docx = word::document(&report, &|chart| chart_png(chart, 1.0)).expect("the Word file is written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        assert_eq!(refused_in(&xml), None, "{name}");
    }
    assert_eq!(support::validator_errors("hostile-controls", &docx), None);
    let Some(pdf) = support::to_pdf("hostile", &docx) else { return };
    let text = pdf.text();
    assert!(text.contains("This report sets out the position."), "LibreOffice read the words:\n{text}");
}

#[test]
fn the_workbook_of_tables_has_none_in_its_xml() {
    let report = build_report(&project());
    let tables: Vec<_> = report.tables().cloned().collect();
    let xlsx =
        wrb::engine::export::xlsx::workbook(&tables, &report.title_block.title).expect("the workbook is written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut xml = String::new();
        if file.read_to_string(&mut xml).is_ok() {
            assert_eq!(refused_in(&xml), None, "{name}");
        }
    }
}
