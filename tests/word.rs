//! The Word file: the report's content with real headings, numbered paragraphs, repeating table
//! headers and charts as pictures with alt text, and LibreOffice reads it back.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{part, unzip, validator_errors};
use wrb::engine::chart::{escape, Chart};
use wrb::engine::export::png::chart_png;
use wrb::engine::export::word::{document, Picture};
use wrb::engine::report::live::Run;
use wrb::engine::report::{build_report_reading_files as build_report, Block, Paragraph, ReportDocument};
use wrb::engine::sample::{sample_project, Template};

fn pictures(chart: &Chart) -> Option<Picture> {
    chart_png(chart, 2.0)
}

/// The sample report, with text an officer might type that is also XML markup.
fn hostile_sample() -> ReportDocument {
    let mut report = build_report(&sample_project());
    report.sections[0].paragraphs.push(Paragraph {
        id: 9999,
        number: "1.9".into(),
        blocks: vec![Block::Text(vec![
            Run::Text("<b>&</b> \"quoted\" it's".into()),
            Run::Styled { text: " in bold".into(), bold: true, italic: false },
        ])],
    });
    report.title_block.title.push_str(" <draft> & \"final\"");
    report
}

#[test]
fn the_sample_report_as_word() {
    let report = hostile_sample();
    let bytes = document(&report, &pictures).unwrap();
    let parts = unzip(&bytes);
    let xml = part(&parts, "word/document.xml");

    assert!(xml.contains("Children&apos;s social care workforce update &lt;draft&gt; &amp; &quot;final&quot;"));
    // "4. Current position" is a heading paragraph, and the style is a real heading; its number
    // is the report's Word list's, at the list's first level.
    let at = xml.find(">Current position<").expect("the section heading");
    let paragraph_start = xml[..at].rfind("<w:p ").unwrap();
    assert!(xml[paragraph_start..at].contains("<w:pStyle w:val=\"Heading2\" />"), "{}", &xml[paragraph_start..at]);
    assert!(xml[paragraph_start..at].contains("<w:ilvl w:val=\"0\" />"), "{}", &xml[paragraph_start..at]);
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("<w:name w:val=\"heading 2\" />") && styles.contains("<w:outlineLvl w:val=\"1\" />"));
    assert!(styles.contains("w:ascii=\"Arial\""), "Arial is the default font");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4");

    assert!(!xml.contains(">4.1<"), "paragraph numbers are the list's, not typed text");
    assert!(xml.contains("87.19"));
    // Officer text is escaped, never markup.
    assert!(xml.contains("&lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot; it&apos;s"));
    assert!(!xml.contains("<b>") && !xml.contains("<draft>"));
    // Bold words stay bold in Word.
    let bold = xml.find(">in bold<").or_else(|| xml.find("> in bold<")).expect("the bold words");
    let run_start = xml[..bold].rfind("<w:r>").unwrap();
    assert!(xml[run_start..bold].contains("<w:b />"), "{}", &xml[run_start..bold]);

    // Every table's first row repeats on each page; no other row does.
    let tables = xml.matches("<w:tbl>").count();
    assert!(tables >= 3);
    assert_eq!(xml.matches("<w:tblHeader/>").count(), tables);
    for table in xml.split("<w:tbl>").skip(1) {
        assert!(table.starts_with("<w:tblPr>"));
        let first_row = &table[table.find("<w:tr>").unwrap()..];
        assert!(first_row.starts_with("<w:tr><w:trPr><w:tblHeader/>"), "{}", &first_row[..80]);
    }

    // Every chart is a picture with its description as alt text, and its PNG is in word/media.
    let charts: Vec<&Chart> = report.charts().collect();
    assert!(charts.len() >= 3);
    assert_eq!(xml.matches("<wp:docPr ").count(), charts.len());
    for (i, chart) in charts.iter().enumerate() {
        let expected =
            format!("<wp:docPr id=\"{}\" name=\"Chart {}\" descr=\"{}\"/>", i + 1, i + 1, escape(&chart.description));
        assert!(xml.contains(&expected), "alt text for {}", chart.id);
        assert!(
            xml.contains(&format!(">Source: {}<", chart.source.trim_start_matches("Source: ").replace('\'', "&apos;")))
        );
    }
    let media: Vec<_> = parts.iter().filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/')).collect();
    assert_eq!(media.len(), charts.len());
    assert!(media.iter().all(|(_, png)| png.starts_with(b"\x89PNG")));

    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains(
        "<dc:title>Children&#39;s social care workforce update &lt;draft&gt; &amp; &quot;final&quot;</dc:title>"
    ));

    let pages =
        read_by_libreoffice("sample", &bytes, &["4.1", "87.19", "59.79", "Current position", "Table 1: Key figures"]);
    assert!(pages.is_none_or(|p| p.contains("(A4) portrait")));
}

#[test]
fn a_chart_with_no_picture_gives_its_figures_instead() {
    let report = build_report(&sample_project());
    let bytes = document(&report, &|_| None).unwrap();
    let parts = unzip(&bytes);
    let xml = part(&parts, "word/document.xml");
    assert!(!xml.contains("<wp:docPr "));
    assert!(!parts.iter().any(|(n, _)| n.ends_with(".png")));
    let charts = report.charts().count();
    assert_eq!(xml.matches("The chart could not be drawn here; its figures are given instead.").count(), charts);
    for chart in report.charts() {
        let caption = format!("Figures in the chart: {}", chart.title).replace('\'', "&apos;");
        assert!(xml.contains(&caption), "{caption}");
    }
}

#[test]
fn the_scrutiny_tracker_as_word() {
    let report = build_report(&Template::ScrutinyProgress.project());
    let bytes = document(&report, &pictures).unwrap();
    let xml = part(&unzip(&bytes), "word/document.xml");
    assert!(xml.contains(&escape(&report.title_block.title).replace("&#39;", "&apos;")));
    for section in &report.sections {
        let heading = format!(">{}<", section.heading);
        assert!(xml.contains(&heading.replace('\'', "&apos;")), "{heading}");
    }
    // The numbers are Word's, from the report's list (see the test below).
    assert_eq!(word_numbers(&xml).len(), report.sections.iter().map(|s| 1 + s.paragraphs.len()).sum::<usize>());
    for table in report.tables() {
        for row in &table.rows {
            assert!(
                xml.contains(&format!(">{}<", row[0].replace('\'', "&apos;").replace('&', "&amp;")))
                    || row[0].contains('<')
            );
        }
    }
    assert_eq!(xml.matches("<w:tblHeader/>").count(), xml.matches("<w:tbl>").count());
    let first_row = &report.tables().next().expect("a tracker table").rows[0][0];
    read_by_libreoffice("scrutiny", &bytes, &["1.1", first_row.split_whitespace().next().unwrap()]);
}

/// Dark pixels in a PNG: the chart's marks and its words.
fn ink(png: &[u8]) -> usize {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
    pixmap.pixels().iter().filter(|p| u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 300).count()
}

#[test]
fn charts_draw_as_png_with_their_words() {
    let report = build_report(&sample_project());
    for chart in report.charts() {
        let picture = chart_png(chart, 2.0).expect("a picture");
        assert!(picture.png.starts_with(b"\x89PNG"));
        assert!(picture.width >= 1000 && picture.height >= 400, "{}x{}", picture.width, picture.height);
        // The same chart without its text elements: if fonts were missing, resvg would drop every
        // label silently and the two would come out the same.
        let mut bare = chart.clone();
        while let (Some(start), Some(end)) = (bare.svg.find("<text"), bare.svg.find("</text>")) {
            bare.svg.replace_range(start..end + "</text>".len(), "");
        }
        assert!(chart.svg.contains("<text"), "plotters labels the chart");
        let without = chart_png(&bare, 2.0).unwrap();
        let (with, without) = (ink(&picture.png), ink(&without.png));
        assert!(without > 0, "the chart's marks are drawn");
        assert!(with > without + 2000, "the words are drawn: {with} dark pixels with them, {without} without");
    }
}

/// Converts the file to PDF with LibreOffice, when it is installed, and checks the text in it.
/// Gives what pdfinfo says of the first page's size ("... (A4) landscape"), when it could run.
fn read_by_libreoffice(name: &str, docx: &[u8], expected: &[&str]) -> Option<String> {
    let pdf = support::to_pdf(name, docx)?;
    let text = pdf.text();
    for word in expected {
        assert!(text.contains(word), "{word} in the PDF:\n{text}");
    }
    let info = std::process::Command::new("pdfinfo").arg(&pdf.path).output().ok();
    let info = String::from_utf8_lossy(&info?.stdout).into_owned();
    // pdfinfo names the paper but not the way round: "Page size: 841.89 x 595.28 pts (A4)".
    let size = info.lines().find(|l| l.starts_with("Page size:"))?;
    let numbers: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    let turned = if numbers.first() > numbers.get(1) { "landscape" } else { "portrait" };
    Some(format!("{size} {turned}"))
}

/// The XML of the table whose header row holds `heading`.
fn table_with<'a>(xml: &'a str, heading: &str) -> &'a str {
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).map(|t| &t[..t.find("</w:tbl>").unwrap()]).collect();
    tables.into_iter().find(|t| t.contains(&format!(">{heading}<"))).unwrap_or_else(|| panic!("a table with {heading}"))
}

#[test]
fn wide_tables_print_smaller_and_landscape_turns_the_page() {
    let mut report = build_report(&sample_project());
    let wide = report.tables().find(|t| t.header.len() >= 7).expect("the establishment table is wide").clone();
    let narrow = report.tables().find(|t| t.header.len() < 7).expect("a narrow table").clone();
    let xml = part(&unzip(&document(&report, &|_| None).unwrap()), "word/document.xml");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "portrait unless asked");
    assert!(!xml.contains("landscape"));
    let wide_xml = table_with(&xml, &wide.header[1]);
    let runs = wide_xml.matches("<w:r>").count();
    assert_eq!(wide_xml.matches("<w:sz w:val=\"18\" />").count(), runs, "every cell of a wide table is 9pt");
    assert!(!table_with(&xml, &narrow.header[0]).contains("<w:sz w:val=\"18\" />"), "narrow tables stay 12pt");
    // No column is narrower than its header's longest word needs (about 0.6 em a letter at 9pt).
    let grid: Vec<usize> =
        wide_xml.split("<w:gridCol w:w=\"").skip(1).map(|g| g.split('"').next().unwrap().parse().unwrap()).collect();
    assert_eq!(grid.len(), wide.header.len());
    for (heading, width) in wide.header.iter().zip(&grid) {
        let longest = heading.split([' ', '/']).map(|w| w.chars().count()).max().unwrap();
        assert!(*width >= longest * 90 + 216, "{heading}: {width} twips");
    }

    report.print.landscape = true;
    let bytes = document(&report, &pictures).unwrap();
    let xml = part(&unzip(&bytes), "word/document.xml");
    assert!(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\""), "A4 landscape");
    // Each header cell on a line of its own in the PDF, whole: a word broken mid-word comes out
    // as "Estab Perm", "lishm anent", "ent".
    let whole = ["\nEstablishment\n", "\nPermanent\n", "\nVacant\n"];
    let text = read_by_libreoffice("landscape", &bytes, &whole);
    if let Some(pages) = text {
        assert!(pages.contains("landscape"), "{pages}");
    }
    let portrait = document(&build_report(&sample_project()), &pictures).unwrap();
    read_by_libreoffice("portrait", &portrait, &whole);
}

/// The `<w:p>` that holds `text`, from its start to the text.
fn paragraph_with<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml.find(&format!(">{text}<")).unwrap_or_else(|| panic!("{text} is in the file"));
    &xml[xml[..at].rfind("<w:p ").unwrap()..at]
}

/// The `<w:tc>` that holds `text`, from its start to the text.
fn cell_with<'a>(table: &'a str, text: &str) -> &'a str {
    let at = table.find(&format!(">{text}<")).unwrap_or_else(|| panic!("{text} is in the table"));
    &table[table[..at].rfind("<w:tc>").unwrap()..at]
}

#[test]
fn figures_line_up_on_the_right_and_words_on_the_left() {
    let sample = part(&unzip(&document(&build_report(&sample_project()), &|_| None).unwrap()), "word/document.xml");
    let tracker = part(
        &unzip(&document(&build_report(&Template::ScrutinyProgress.project()), &|_| None).unwrap()),
        "word/document.xml",
    );
    let right = "<w:jc w:val=\"right\" />";
    // (file, a heading of the table, the cell's text, set on the right)
    let cases: &[(&str, &str, &str, bool)] = &[
        (&sample, "(Over)/under", "Role", false),
        (&sample, "(Over)/under", "Social Worker", false),
        (&sample, "(Over)/under", "Establishment", true),
        (&sample, "(Over)/under", "42.69", true),
        (&sample, "(Over)/under", "(1.00)", true),
        (&sample, "(Over)/under", "35.1%", true),
        (&sample, "(Over)/under", "Total", false),
        (&sample, "(Over)/under", "87.19", true),
        (&sample, "Still employed", "Programme", false),
        (&sample, "Still employed", "ASYE 2022/23", false),
        (&sample, "Still employed", "Still employed", true),
        (&sample, "Still employed", "88.9%", true),
        (&sample, "Spent (%)", "£120,000", true),
        (&tracker, "Status", "Status", false),
    ];
    for (xml, heading, text, on_the_right) in cases {
        let cell = cell_with(table_with(xml, heading), text);
        assert_eq!(cell.contains(right), *on_the_right, "{text} in the table with {heading}: {cell}");
    }
    // Every cell of the tracker is words, set on the left.
    assert!(!table_with(&tracker, "Status").contains(right));
}

#[test]
fn a_short_table_keeps_its_rows_on_one_page() {
    let mut report = build_report(&sample_project());
    let short = report.tables().next().expect("a table").clone();
    assert!(short.rows.len() <= 20);
    // The same table at 25 rows breaks across pages, its header row repeated.
    let mut long = short.clone();
    long.caption = "A long table".into();
    long.rows = (0..25).map(|i| short.rows[i % short.rows.len()].clone()).collect();
    report.sections[0].paragraphs[0].blocks.push(Block::Table(long));
    let xml = part(&unzip(&document(&report, &|_| None).unwrap()), "word/document.xml");
    let rows = |heading_of: &str, caption: &str| -> Vec<String> {
        let after = &xml[xml.find(&format!(">{caption}<")).unwrap()..];
        let table = table_with(after, heading_of);
        table.split("<w:tr>").skip(1).map(str::to_owned).collect()
    };
    let kept = |row: &String| {
        let paragraphs = row.matches("<w:p ").count();
        assert!(paragraphs > 0);
        row.matches("<w:keepNext />").count() == paragraphs
    };
    for (caption, whole) in [(short.caption.as_str(), true), ("A long table", false)] {
        let rows = rows(&short.header[1], caption);
        assert_eq!(rows.len(), 1 + if whole { short.rows.len() + usize::from(short.total.is_some()) } else { 25 });
        assert!(rows[0].starts_with("<w:trPr><w:tblHeader/>"), "{caption}: the header row repeats");
        assert!(rows.iter().all(|r| r.contains("<w:cantSplit />")), "{caption}: no row splits across pages");
        assert!(kept(&rows[0]), "{caption}: the header keeps with the first row");
        let (last, body) = rows[1..].split_last().unwrap();
        assert!(body.iter().all(|r| kept(r) == whole), "{caption}: every row but the last keeps with the next");
        assert!(!last.contains("<w:keepNext />"), "{caption}: the last row lets the page break after it");
    }
}

#[test]
fn a_paragraph_that_leads_into_a_list_keeps_with_it() {
    let mut report = build_report(&Template::AdultVacanciesRisk.project());
    let text = |t: &str| Block::Text(vec![Run::Text(t.into())]);
    report.sections[0].paragraphs[0].blocks.extend([text("The figures below are:"), text("An ordinary sentence.")]);
    let xml = part(&unzip(&document(&report, &|_| None).unwrap()), "word/document.xml");
    let cases = [
        ("The main risks are:", true),
        ("The Committee is asked to:", true),
        ("The figures below are:", true),
        ("An ordinary sentence.", false),
        ("Current position", true),
        ("note the vacancy and turnover position;", false),
    ];
    for (text, kept) in cases {
        assert_eq!(paragraph_with(&xml, text).contains("<w:keepNext />"), kept, "{text}");
    }
}

#[test]
fn a_chart_s_title_subtitle_and_source_are_given_once_as_text() {
    let report = build_report(&sample_project());
    let bytes = document(&report, &pictures).unwrap();
    let parts = unzip(&bytes);
    let xml = part(&parts, "word/document.xml");
    let media: Vec<&Vec<u8>> =
        parts.iter().filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/')).map(|(_, d)| d).collect();
    let words_of = |c: &Chart| [c.title.clone(), c.subtitle.clone(), format!("Source: {}", c.source)];
    for chart in report.charts() {
        for (i, words) in words_of(chart).into_iter().enumerate() {
            // Once a chart: charts from one table share a source line.
            let charts = report.charts().filter(|c| words_of(c)[i] == words).count();
            let escaped = escape(&words).replace("&#39;", "&apos;");
            assert_eq!(xml.matches(&format!(">{escaped}<")).count(), charts, "{words}");
        }
        // The picture is the chart without them: shorter than the whole chart by the words'
        // height, and one of the pictures in the file.
        let picture = pictures(chart).unwrap();
        let whole_height: u32 =
            chart.svg.split(" height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!(picture.height + 2 * 60 < 2 * whole_height, "{}: {} of {}", chart.title, picture.height, whole_height);
        assert!(media.iter().any(|png| **png == picture.png), "{}", chart.title);
    }
}

/// A report that still uses sample data is headed so on every page, and says where at the top;
/// a blank report, or one whose sample is all replaced, has no mark.
#[test]
fn sample_data_is_marked_on_every_page_until_it_is_replaced() {
    let headers = |report: &ReportDocument| {
        let parts = unzip(&document(report, &|_| None).unwrap());
        let header: String = parts
            .iter()
            .filter(|(n, _)| n.starts_with("word/header"))
            .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
            .collect();
        (header, part(&parts, "word/document.xml"))
    };
    let (header, body) = headers(&build_report(&sample_project()));
    assert!(header.contains("SAMPLE DATA: NOT FOR PUBLICATION"), "the page header says so");
    assert!(body.contains("This report still uses the fictional sample") && body.contains("Table 1: Key figures"));
    let (header, body) = headers(&build_report(&wrb::engine::sample::blank_project()));
    assert!(!header.contains("SAMPLE DATA") && !body.contains("fictional sample"), "a blank report is not marked");
}

/// The numbers Word gives the paragraphs of the report's list, in order: "4." at its first
/// level, "4.2" at its second, counted as Word counts them.
fn word_numbers(xml: &str) -> Vec<String> {
    let (mut out, mut section, mut paragraph) = (Vec::new(), 0, 0);
    for p in xml.split("<w:p ").skip(1) {
        let properties = &p[..p.find("</w:pPr>").unwrap_or(0)];
        if !properties.contains("<w:numId w:val=\"3\" />") {
            continue;
        }
        if properties.contains("<w:ilvl w:val=\"0\" />") {
            (section, paragraph) = (section + 1, 0);
            out.push(format!("{section}."));
        } else if properties.contains("<w:ilvl w:val=\"1\" />") {
            paragraph += 1;
            out.push(format!("{section}.{paragraph}"));
        }
    }
    out
}

/// Section headings and numbered paragraphs are one multi-level Word list, so a paragraph
/// inserted in Word renumbers the rest; the numbers Word prints are the report's.
#[test]
fn the_numbers_are_a_word_list_that_prints_the_report_s_numbers() {
    for project in [sample_project(), Template::AdultVacanciesRisk.project(), Template::ScrutinyProgress.project()] {
        let report = build_report(&project);
        let expected: Vec<String> = report
            .sections
            .iter()
            .flat_map(|s| {
                std::iter::once(format!("{}.", s.number)).chain(s.paragraphs.iter().map(|p| p.number.clone()))
            })
            .collect();
        let parts = unzip(&document(&report, &|_| None).unwrap());
        assert_eq!(word_numbers(&part(&parts, "word/document.xml")), expected, "{}", report.title_block.title);
        let numbering = part(&parts, "word/numbering.xml");
        assert!(
            numbering.contains("<w:lvlText w:val=\"%1.\" />") && numbering.contains("<w:lvlText w:val=\"%1.%2\" />")
        );
    }
}

/// python-docx, a reader written apart from ours, opens the file: Normal is the default
/// paragraph style, every paragraph's style is one the file defines, every table has a title
/// and a header row, and the document's title and language are set.
#[test]
fn an_independent_reader_resolves_every_paragraph_s_style() {
    let have = std::process::Command::new("python3").args(["-c", "import docx"]).output();
    if !have.is_ok_and(|o| o.status.success()) {
        eprintln!("notice: python-docx is not installed (scripts/setup.sh test installs it); this check is skipped");
        return;
    }
    let report = build_report(&Template::AdultVacanciesRisk.project());
    let dir = std::env::temp_dir().join(format!("wfr-python-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.docx");
    std::fs::write(&file, document(&report, &pictures).unwrap()).unwrap();
    let script = r#"
import sys, docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
ids = {s.style_id for s in d.styles}
used = [p._p.pPr.pStyle.val for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.pStyle is not None]
for t in d.tables:
    pr = t._tbl.tblPr
    caption = pr.find(qn('w:tblCaption'))
    header = t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn('w:tblHeader')) is not None
    print('table', caption.get(qn('w:val')) if caption is not None else '', header)
print('default', d.styles.default(WD_STYLE_TYPE.PARAGRAPH).name)
print('missing', sorted(set(used) - ids))
print('headings', sorted({p.style.name for p in d.paragraphs if p.style.name.startswith('Heading')}))
print('title', d.core_properties.title)
print('language', d.core_properties.language)
print('paragraphs', len(d.paragraphs))
"#;
    let run = std::process::Command::new("python3").args(["-c", script]).arg(&file).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let out = String::from_utf8_lossy(&run.stdout).into_owned();
    let line =
        |name: &str| out.lines().find_map(|l| l.strip_prefix(&format!("{name} "))).unwrap_or_default().to_owned();
    assert_eq!(line("default"), "Normal", "{out}");
    assert_eq!(line("missing"), "[]", "{out}");
    assert_eq!(line("headings"), "['Heading 1', 'Heading 2']", "no heading level skipped: {out}");
    assert_eq!(line("title"), report.title_block.title);
    assert_eq!(line("language"), "en-GB");
    let tables: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix("table ")).collect();
    assert_eq!(tables.len(), report.tables().count(), "{out}");
    for (found, table) in tables.iter().zip(report.tables()) {
        assert_eq!(
            *found,
            format!("{} True", table.caption),
            "each table's title is its caption, and its header row repeats"
        );
    }
    assert!(line("paragraphs").parse::<usize>().unwrap() > 50);
}

/// Every Word file the tool writes is valid Office Open XML by Microsoft's own validator
/// (README, "How it is tested"): the sample, each template, and text that is also markup.
#[test]
fn every_word_file_passes_the_open_xml_validator() {
    let reports = [
        ("sample", build_report(&sample_project())),
        ("adult", build_report(&Template::AdultVacanciesRisk.project())),
        ("scrutiny", build_report(&Template::ScrutinyProgress.project())),
        ("hostile", hostile_sample()),
    ];
    for (name, report) in reports {
        let docx = document(&report, &pictures).unwrap();
        assert_eq!(validator_errors(name, &docx), None, "{name}");
    }
}
