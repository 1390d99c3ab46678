//! The report as HTML: one renderer for the app's preview, print and the static page, styled
//! by `styles/report.css`. All text is escaped; only the engine's own SVG goes in as markup.

use super::live::{plain, Run};
use super::sample_mark::{SampleInUse, SAMPLE_MARK};
use super::{Block, ReportDocument, Section, Table};
use crate::engine::case::lower;
use crate::engine::chart::escape;
use crate::engine::format::counted;
use crate::engine::model::TitleField;
use std::fmt::Write;

/// Renders the report as an `<article>` element.
///
/// ```
/// let project = wrb::engine::sample::sample_project();
/// let html = wrb::engine::report::html::render(&wrb::engine::report::build_report_reading_files(&project));
/// // The sample is marked as such until its data is replaced.
/// assert!(html.starts_with("<article class=\"report sample\""));
/// ```
pub fn render(report: &ReportDocument) -> String {
    render_parts(report).to_html()
}

/// The report's HTML cut where the app redraws it: the title block, and each section's heading
/// and paragraphs apart. An edit then replaces only the pieces whose HTML changed, rather than
/// the whole report with its charts. `to_html` joins them into exactly what `render` returns.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportParts {
    /// The `<article>`'s classes: orientation and whether chart figures print.
    pub classes: String,
    /// The title block, or with no sections the note saying so after it.
    pub title_block: String,
    pub sections: Vec<SectionParts>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionParts {
    /// The heading's id, which the `<section>` is labelled by.
    pub id: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
}

impl ReportParts {
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(32 * 1024);
        let _ = write!(out, "<article class=\"{}\" aria-labelledby=\"report-title\">", self.classes);
        out.push_str(&self.title_block);
        for section in &self.sections {
            let _ = write!(out, "<section aria-labelledby=\"{}\">{}", section.id, section.heading);
            section.paragraphs.iter().for_each(|p| out.push_str(p));
            out.push_str("</section>");
        }
        out.push_str("</article>");
        out
    }
}

pub fn render_parts(report: &ReportDocument) -> ReportParts {
    let t = &report.title_block;
    let orientation = if report.print.landscape { " landscape" } else { "" };
    let chart_tables = if report.print.chart_tables { " print-chart-tables" } else { "" };
    let sample = if report.sample.is_empty() { "" } else { " sample" };
    let mut title_block = sample_mark(&report.sample);
    let _ = write!(title_block, "<header class=\"title-block\" id=\"{TITLE_BLOCK}\">");
    let council = title_field_anchor(TitleField::Council);
    let _ = write!(title_block, "<p class=\"council\" id=\"{council}\">{}</p>", escape(&t.council));
    // A heading is never empty: a blank report's is "Untitled report", as the drafts list says.
    let title = if t.title.trim().is_empty() { "Untitled report" } else { t.title.as_str() };
    let _ = write!(title_block, "<h1 id=\"{}\">{}</h1>", title_field_anchor(TitleField::Title), escape(title));
    title_block.push_str("<dl>");
    // The council and title are printed above; empty fields are left out rather than printed blank.
    for field in TitleField::ALL.into_iter().filter(|f| !matches!(f, TitleField::Council | TitleField::Title)) {
        let value = t.get(field).trim();
        if !value.is_empty() {
            let (id, label) = (title_field_anchor(field), field.label());
            // On the value: the line's `<div>` draws no box of its own (report.css), so takes no focus.
            let _ = write!(title_block, "<div><dt>{label}</dt><dd id=\"{id}\">{}</dd></div>", escape(value));
        }
    }
    title_block.push_str("</dl></header>");
    if report.sections.is_empty() {
        title_block.push_str("<p class=\"report-problem\">This report has no sections yet.</p>");
    }

    let sections = report
        .sections
        .iter()
        .map(|section| {
            let id = section_anchor(section);
            let heading = format!(
                "<h2 id=\"{id}\"><span class=\"section-number\">{}.</span> {}</h2>",
                section.number,
                escape(&section.heading)
            );
            let paragraphs = section
                .paragraphs
                .iter()
                .map(|paragraph| {
                    let mut out = String::new();
                    let _ = write!(
                        out,
                        "<div class=\"paragraph\" id=\"{}\"><span class=\"paragraph-number\">{}</span><div class=\"paragraph-body\">",
                        paragraph_anchor(paragraph.id),
                        escape(&paragraph.number)
                    );
                    for block in &paragraph.blocks {
                        render_block(&mut out, block, report.print.chart_tables);
                    }
                    out.push_str("</div></div>");
                    out
                })
                .collect();
            SectionParts { id, heading, paragraphs }
        })
        .collect();
    ReportParts { classes: format!("report{orientation}{chart_tables}{sample}"), title_block, sections }
}

/// The "Sample data" note while the report uses any, at the top of the report (print.css heads
/// every printed page of such a report too). The export step lists each place.
fn sample_mark(sample: &SampleInUse) -> String {
    if sample.is_empty() {
        return String::new();
    }
    let blocks = || counted(sample.blocks.len(), "table or chart", "tables and charts");
    let what = match (sample.blocks.is_empty(), sample.title_fields.is_empty()) {
        (true, false) => "in the title block".to_owned(),
        (true, true) => "in its figures".to_owned(),
        (false, true) => format!("in {}", blocks()),
        (false, false) => format!("in {} and the title block", blocks()),
    };
    format!(
        "<p class=\"sample-mark\" role=\"note\"><strong>{SAMPLE_MARK}.</strong> This report still uses the \
         fictional sample's data {what}. Replace it with your own before the report goes to committee.</p>"
    )
}

/// The ids the report's places carry, for links to them (`ready`): the title block, each of
/// its printed lines, each section's heading and each paragraph.
pub const TITLE_BLOCK: &str = "title-block";

/// The report's title keeps the id the `<article>` is labelled by.
pub fn title_field_anchor(field: TitleField) -> String {
    match field {
        TitleField::Title => "report-title".to_owned(),
        _ => format!("{TITLE_BLOCK}-{}", lower(field.label()).replace(' ', "-")),
    }
}

pub fn section_anchor(section: &Section) -> String {
    format!("section-{}", section.number)
}

pub fn paragraph_anchor(id: u32) -> String {
    format!("paragraph-{id}")
}

fn render_block(out: &mut String, block: &Block, chart_tables: bool) {
    match block {
        Block::Text(runs) => {
            let _ = write!(out, "<p>{}</p>", words_html(runs));
        }
        Block::Bullets { lead, items } => {
            if !lead.is_empty() {
                let _ = write!(out, "<p class=\"lead-in\">{}</p>", words_html(lead));
            }
            out.push_str("<ul class=\"bullets\">");
            for item in items {
                let _ = write!(out, "<li>{}</li>", words_html(item));
            }
            out.push_str("</ul>");
        }
        Block::Problem(text) => {
            let _ = write!(out, "<p class=\"report-problem\"><strong>Not shown:</strong> {}</p>", escape(text));
        }
        Block::Table(table) => render_table(out, table),
        Block::Chart(chart) => {
            let _ = write!(out, "<figure class=\"chart-figure\" id=\"{}\">{}", escape(&chart.id), chart.svg);
            // The figures as a table beside the chart: folded away on screen, printed when asked.
            let open = if chart_tables { " open" } else { "" };
            let _ = write!(out, "<details class=\"chart-data\"{open}><summary>Figures in this chart</summary>");
            render_table(out, &Table::of_chart(chart));
            out.push_str("</details></figure>");
        }
    }
}

/// A paragraph's words as HTML, escaped, with bold and italic words marked as such.
pub fn words_html(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Run::Styled { text, bold, italic } => {
                let (open, close) = match (bold, italic) {
                    (true, true) => ("<strong><em>", "</em></strong>"),
                    (true, false) => ("<strong>", "</strong>"),
                    _ => ("<em>", "</em>"),
                };
                let _ = write!(out, "{open}{}{close}", escape(text));
            }
            other => out.push_str(&escape(&plain(std::slice::from_ref(other)))),
        }
    }
    out
}

fn render_table(out: &mut String, table: &Table) {
    // Short tables are kept on one page; longer ones break with their header row repeated.
    let length = if table.is_short() { " short" } else { " long" };
    // A tracker's columns are words, which wrap; figures do not.
    let kind = if table.status_column.is_some() { " tracker" } else { "" };
    let _ = write!(out, "<div class=\"table-wrap{length}\"><table class=\"figures{kind}\">");
    let _ = write!(out, "<caption>{}</caption><thead><tr>", escape(&table.caption));
    let words: Vec<bool> = (0..table.header.len()).map(|i| i > 0 && table.words_column(i)).collect();
    for (heading, words) in table.header.iter().zip(&words) {
        let class = if *words { " class=\"words\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(heading));
    }
    out.push_str("</tr></thead><tbody>");
    let row = |out: &mut String, cells: &[String]| {
        out.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
            } else if table.status_column == Some(i) {
                // The status is in words; the colour only repeats it.
                let colour = lower(cell.split(':').next().unwrap_or_default());
                let _ = write!(out, "<td class=\"status status-{}\">{}</td>", escape(&colour), escape(cell));
            } else if words.get(i) == Some(&true) {
                let _ = write!(out, "<td class=\"words\">{}</td>", escape(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
        }
        out.push_str("</tr>");
    };
    for cells in &table.rows {
        row(out, cells);
    }
    out.push_str("</tbody>");
    if let Some(total) = &table.total {
        out.push_str("<tfoot>");
        row(out, total);
        out.push_str("</tfoot>");
    }
    out.push_str("</table>");
    if !table.notes.is_empty() {
        out.push_str("<ul class=\"table-notes\">");
        for note in &table.notes {
            let _ = write!(out, "<li>{}</li>", escape(note));
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>");
}
