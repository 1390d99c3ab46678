//! The report as HTML: one renderer for the app's preview, print and the static page, styled
//! by `styles/report.css`. All text is escaped; only the engine's own SVG goes in as markup.

use super::{Block, ReportDocument, Table};
use crate::engine::chart::escape;
use crate::engine::model::TitleField;
use std::fmt::Write;

/// Renders the report as an `<article>` element.
///
/// ```
/// let html = wrb::engine::report::html::render(&wrb::engine::report::build_report(&wrb::engine::sample::sample_project()));
/// assert!(html.starts_with("<article class=\"report\""));
/// ```
pub fn render(report: &ReportDocument) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let t = &report.title_block;
    out.push_str("<article class=\"report\" aria-labelledby=\"report-title\">");
    out.push_str("<header class=\"title-block\">");
    let _ = write!(out, "<p class=\"council\">{}</p>", escape(&t.council));
    let _ = write!(out, "<h1 id=\"report-title\">{}</h1>", escape(&t.title));
    out.push_str("<dl>");
    // The council and title are printed above; empty fields are left out rather than printed blank.
    for field in TitleField::ALL.into_iter().filter(|f| !matches!(f, TitleField::Council | TitleField::Title)) {
        let value = t.get(field).trim();
        if !value.is_empty() {
            let _ = write!(out, "<div><dt>{}</dt><dd>{}</dd></div>", field.label(), escape(value));
        }
    }
    out.push_str("</dl></header>");

    for section in &report.sections {
        let id = format!("section-{}", section.number);
        let _ = write!(
            out,
            "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\"><span class=\"section-number\">{}.</span> {}</h2>",
            section.number,
            escape(&section.heading)
        );
        for paragraph in &section.paragraphs {
            let _ = write!(
                out,
                "<div class=\"paragraph\"><span class=\"paragraph-number\">{}</span><div class=\"paragraph-body\">",
                escape(&paragraph.number)
            );
            for block in &paragraph.blocks {
                render_block(&mut out, block);
            }
            out.push_str("</div></div>");
        }
        out.push_str("</section>");
    }
    out.push_str("</article>");
    out
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Text(text) => {
            let _ = write!(out, "<p>{}</p>", escape(text));
        }
        Block::Problem(text) => {
            let _ = write!(out, "<p class=\"report-problem\"><strong>Not shown:</strong> {}</p>", escape(text));
        }
        Block::Table(table) => render_table(out, table),
        Block::Chart(chart) => {
            let _ = write!(out, "<figure class=\"chart-figure\" id=\"{}\">{}</figure>", escape(&chart.id), chart.svg);
        }
    }
}

fn render_table(out: &mut String, table: &Table) {
    out.push_str("<div class=\"table-wrap\"><table class=\"figures\">");
    let _ = write!(out, "<caption>{}</caption><thead><tr>", escape(&table.caption));
    for heading in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(heading));
    }
    out.push_str("</tr></thead><tbody>");
    let row = |out: &mut String, cells: &[String]| {
        out.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
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
