//! The report as a Word file, for councils whose committee papers go through Word: the same
//! content as the HTML report, with real headings, numbered paragraphs, tables whose header row
//! repeats on each page and charts as pictures with alt text. The pictures come from the caller
//! (resvg natively, a canvas in the browser), so this writer builds for wasm32 too; they are
//! drawn from `Chart::picture_svg`, without the title, subtitle and source this writer prints
//! as text around them.

use super::ooxml::in_schema_order;
use crate::engine::case::lower;
use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Header, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, PageOrientationType, Pic, Run as WRun, RunFonts,
    Shading, SpecialIndentType, Start, Style, StyleType, Table as WTable, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use crate::engine::chart::{escape, Chart};
use crate::engine::model::TitleField;
use crate::engine::report::live::{plain, Run};
use crate::engine::report::{Block, ReportDocument, Table};

/// A chart picture for Word: PNG bytes and its pixel size.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A4 portrait in twips (width, height), with 2 cm margins, as council report guides ask.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The hanging indent that holds a paragraph number ("4.12"), 1.5 cm.
const HANG: i32 = 851;
const EMU_PER_TWIP: u32 = 635;
/// Tables this wide print a size smaller, so each figure fits its column whole rather than
/// breaking mid-word.
const WIDE_TABLE: usize = 7;
/// 9pt, in half-points.
const WIDE_TABLE_SIZE: usize = 18;

/// The page as the report's print setting has it: A4 portrait, or landscape for wide tables.
#[derive(Clone, Copy)]
struct Page {
    width: i32,
    height: i32,
}

impl Page {
    fn of(landscape: bool) -> Page {
        let (w, h) = (PAGE.0 as i32, PAGE.1 as i32);
        if landscape {
            Page { width: h, height: w }
        } else {
            Page { width: w, height: h }
        }
    }

    /// What is left for tables and pictures beside the paragraph numbers.
    fn body_width(self) -> i32 {
        self.width - 2 * MARGIN - HANG
    }

    /// The tallest a chart may be and still share its page with its caption and source.
    fn picture_height(self) -> i32 {
        (self.height - 2 * MARGIN) * 7 / 10
    }
}
/// The bullet list numbering (id 1 is docx-rs's built-in default).
const BULLETS: usize = 2;
/// The report's own numbering, one multi-level Word list: sections at level 0 ("4."), their
/// paragraphs at level 1 ("4.2"), so a paragraph inserted in Word renumbers the rest.
const REPORT: usize = 3;
const FONT: &str = "Arial";

/// The report as a .docx. `picture` gives each chart's PNG (None: the chart's figures table is
/// written instead, with a note). An error says why the file could not be put together.
pub fn document(report: &ReportDocument, picture: &dyn Fn(&Chart) -> Option<Picture>) -> Result<Vec<u8>, String> {
    write_document(report, picture, true)
}

/// As [`document`], and with `title_block` false the title block is left out: a council's
/// template that has the title block's fields of its own takes them instead.
pub fn write_document(
    report: &ReportDocument,
    picture: &dyn Fn(&Chart) -> Option<Picture>,
    title_block: bool,
) -> Result<Vec<u8>, String> {
    let page = Page::of(report.print.landscape);
    let mut docx = setup(Docx::new(), page);
    if !report.sample.is_empty() {
        docx = sample_marked(docx, &report.sample.places());
    }
    let t = &report.title_block;
    if title_block {
        docx = write_title_block(docx, t);
    }
    if report.sections.is_empty() {
        docx = docx.add_paragraph(text_paragraph("This report has no sections yet."));
    }
    let mut names = Names::default();
    for section in &report.sections {
        // A heading goes onto the next page with its first paragraph rather than end a page.
        // Its number ("4.") is the list's, as is each paragraph's.
        docx = docx.add_paragraph(
            text_paragraph(&section.heading)
                .style("Heading2")
                .numbering(NumberingId::new(REPORT), IndentLevel::new(0))
                .keep_next(true),
        );
        for paragraph in &section.paragraphs {
            // The number goes on the paragraph's first line; later blocks sit under its text.
            let mut number = Some(paragraph.number.as_str());
            for block in &paragraph.blocks {
                docx = write_block(docx, block, number.take(), report.print.chart_tables, page, picture, &mut names);
            }
            if let Some(number) = number {
                docx = docx.add_paragraph(numbered(Some(number), Vec::new()));
            }
        }
    }
    pack(docx, &t.title, &names)
}

/// The council, the report's title, and the title block's other fields as lines. Empty fields
/// are left out rather than printed blank. Lines, not a table: a table without a header row
/// reads badly aloud.
fn write_title_block(mut docx: Docx, t: &crate::engine::model::TitleBlock) -> Docx {
    if !t.council.trim().is_empty() {
        docx = docx.add_paragraph(text_paragraph(&t.council).style("Council"));
    }
    docx = docx.add_paragraph(text_paragraph(&t.title).style("Heading1"));
    for field in TitleField::ALL.into_iter().filter(|f| !matches!(f, TitleField::Council | TitleField::Title)) {
        let value = t.get(field).trim();
        if !value.is_empty() {
            docx = docx.add_paragraph(
                docx_rs::Paragraph::new()
                    .line_spacing(LineSpacing::new().after(60))
                    .add_run(WRun::new().add_text(format!("{}: ", field.label())).bold())
                    .add_run(WRun::new().add_text(value)),
            );
        }
    }
    docx
}

/// A report that still uses sample data says so on every page (the header) and, at the top,
/// where: the same mark the preview and print carry.
fn sample_marked(docx: Docx, places: &[String]) -> Docx {
    let red = |text: &str| WRun::new().add_text(text).bold().color("AA2A16");
    docx.header(Header::new().add_paragraph(
        docx_rs::Paragraph::new().align(AlignmentType::Center).add_run(red("SAMPLE DATA: NOT FOR PUBLICATION")),
    ))
    .add_paragraph(docx_rs::Paragraph::new().add_run(red("Sample data. ")).add_run(WRun::new().add_text(
        format!(
            "This report still uses the fictional sample's data: {}. Replace it with your own before the report \
                 goes to committee.",
            places.join("; ")
        ),
    )))
}

/// Page, fonts, styles, the bullet list and a page-number footer.
fn setup(docx: Docx, page: Page) -> Docx {
    let fonts = || RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .fonts(fonts())
            .outline_lvl(level)
    };
    let bullet = Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
        .indent(Some(HANG + 360), Some(SpecialIndentType::Hanging(360)), None, None);
    // The number hangs in the margin of the text, a tab before the words, as the app prints it.
    let report_level = |level: usize, text: &str| {
        Level::new(level, Start::new(1), NumberFormat::new("decimal"), LevelText::new(text), LevelJc::new("left"))
            .indent(Some(HANG), Some(SpecialIndentType::Hanging(HANG)), None, None)
    };
    let report = AbstractNumbering::new(REPORT).add_level(report_level(0, "%1.")).add_level(report_level(1, "%1.%2"));
    let orientation =
        if page.width > page.height { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
    docx.page_size(page.width as u32, page.height as u32)
        .page_orient(orientation)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(567).footer(567))
        .default_fonts(fonts())
        .default_size(24)
        .default_line_spacing(LineSpacing::new().after(160))
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 28, 1))
        .add_style(Style::new("Council", StyleType::Paragraph).name("Council").based_on("Normal").bold())
        .add_style(Style::new("Caption", StyleType::Paragraph).name("caption").based_on("Normal").next("Normal").bold())
        .add_style(Style::new("Note", StyleType::Paragraph).name("Table note").based_on("Normal").size(20))
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(bullet))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(report)
        .add_numbering(Numbering::new(REPORT, REPORT))
        .footer(
            Footer::new().add_paragraph(
                docx_rs::Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(WRun::new().add_text("Page "))
                    .add_page_num(PageNum::new()),
            ),
        )
}

fn write_block(
    mut docx: Docx,
    block: &Block,
    number: Option<&str>,
    chart_tables: bool,
    page: Page,
    picture: &dyn Fn(&Chart) -> Option<Picture>,
    names: &mut Names,
) -> Docx {
    match block {
        // A paragraph ending in a colon leads into what follows ("The main risks are:"): it
        // goes onto the next page with it rather than stand alone at the foot of one.
        Block::Text(runs) => docx.add_paragraph(numbered(number, text_runs(runs)).keep_next(leads_in(runs))),
        Block::Bullets { lead, items } => {
            if !lead.is_empty() || number.is_some() {
                docx = docx.add_paragraph(numbered(number, text_runs(lead)).keep_next(!items.is_empty()));
            }
            for item in items {
                let bullet = docx_rs::Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                docx = docx.add_paragraph(text_runs(item).into_iter().fold(bullet, |p, run| p.add_run(run)));
            }
            docx
        }
        Block::Problem(text) => docx.add_paragraph(numbered(
            number,
            vec![WRun::new().add_text("Not shown:").bold(), WRun::new().add_text(format!(" {text}"))],
        )),
        Block::Table(table) => write_table(docx, table, number, page, names),
        Block::Chart(chart) => {
            docx = docx.add_paragraph(
                numbered(number, vec![WRun::new().add_text(&chart.title)]).style("Caption").keep_next(true),
            );
            if !chart.subtitle.trim().is_empty() {
                docx = docx.add_paragraph(numbered(None, vec![WRun::new().add_text(&chart.subtitle)]).keep_next(true));
            }
            let source = format!("Source: {}", chart.source.trim_start_matches("Source: "));
            match picture(chart).filter(|p| p.width > 0 && p.height > 0) {
                Some(p) => {
                    // The body's width, unless that would make the chart too tall for the page.
                    let width = page.body_width().min(page.picture_height() * p.width as i32 / p.height as i32);
                    let width = width as u32 * EMU_PER_TWIP;
                    let height = (u64::from(width) * u64::from(p.height) / u64::from(p.width)) as u32;
                    let pic = Pic::new_with_dimensions(p.png, p.width, p.height).size(width, height);
                    names.pictures.push(chart.description.clone());
                    docx = docx
                        .add_paragraph(numbered(None, vec![WRun::new().add_image(pic)]).keep_next(true))
                        .add_paragraph(numbered(None, vec![WRun::new().add_text(source)]).style("Note"));
                    if chart_tables {
                        docx = write_table(docx, &Table::of_chart(chart), None, page, names);
                    }
                    docx
                }
                None => {
                    let note = "The chart could not be drawn here; its figures are given instead.";
                    docx = docx.add_paragraph(numbered(None, vec![WRun::new().add_text(note)]).style("Note"));
                    write_table(docx, &Table::of_chart(chart), None, page, names)
                }
            }
        }
    }
}

fn write_table(mut docx: Docx, table: &Table, number: Option<&str>, page: Page, names: &mut Names) -> Docx {
    names.tables.push(table.caption.clone());
    docx = docx
        .add_paragraph(numbered(number, vec![WRun::new().add_text(&table.caption)]).style("Caption").keep_next(true));
    let columns = table.header.len().max(1);
    let width = page.body_width() as usize;
    let size = (columns >= WIDE_TABLE).then_some(WIDE_TABLE_SIZE);
    // The first column holds names, which need the room; the figures share the rest.
    let grid: Vec<usize> = if columns == 1 {
        vec![width]
    } else {
        let first = if table.status_column.is_some() { width / columns } else { width * 3 / 10 };
        let rest = (width - first) / (columns - 1);
        std::iter::once(first).chain(std::iter::repeat_n(rest, columns - 1)).collect()
    };
    let grid = fit_words(grid, &longest_words(table, columns, size.unwrap_or(24)));
    let figures: Vec<bool> = (0..columns).map(|i| table.figures_column(i)).collect();
    let last_row = table.rows.len() + usize::from(table.total.is_some());
    // A short table is kept on one page, as the app prints it: every row but the last keeps
    // with the next. The header row always keeps with the first row below it.
    let keep = |index: usize| index == 0 || (table.is_short() && index < last_row);
    let row = |cells: &[String], bold: bool, index: usize| {
        let cells = (0..columns)
            .map(|i| {
                let text = cells.get(i).map_or("", String::as_str);
                let style = CellStyle { bold: bold || i == 0, size, right: figures[i], keep_next: keep(index) };
                let mut c = cell(text, grid[i], style);
                if table.status_column == Some(i) && !bold {
                    // The status is in words; the colour only repeats it.
                    let fill = match lower(text.split(':').next().unwrap_or_default().trim()).as_str() {
                        "red" => Some("F4CCCC"),
                        "amber" => Some("FCE5CD"),
                        "green" => Some("D9EAD3"),
                        _ => None,
                    };
                    if let Some(fill) = fill {
                        c = c.shading(Shading::new().fill(fill));
                    }
                }
                c
            })
            .collect();
        TableRow::new(cells).cant_split()
    };
    let mut rows = vec![row(&table.header, true, 0)];
    rows.extend(table.rows.iter().enumerate().map(|(i, r)| row(r, false, i + 1)));
    if let Some(total) = &table.total {
        rows.push(row(total, true, last_row));
    }
    docx = docx.add_table(
        WTable::new(rows)
            .set_grid(grid.clone())
            .indent(HANG)
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed),
    );
    for note in &table.notes {
        docx = docx.add_paragraph(numbered(None, vec![WRun::new().add_text(note)]).style("Note"));
    }
    docx
}

/// Each column's longest word (split at spaces, and after `/` and `-` where lines may break),
/// in twips at `size` half-points, with the cell's margins.
fn longest_words(table: &Table, columns: usize, size: usize) -> Vec<usize> {
    let rows = std::iter::once(&table.header).chain(&table.rows).chain(table.total.iter());
    let mut widest = vec![0; columns];
    for row in rows {
        for (i, text) in row.iter().enumerate().take(columns) {
            let words = text.split_inclusive([' ', '/', '-']);
            let em = words.map(|w| w.trim().chars().map(char_em).sum::<f64>()).fold(0.0, f64::max);
            // An em is the font size; half-points to twips is times ten.
            widest[i] = widest[i].max((em * size as f64 * 10.0).ceil() as usize + CELL_MARGINS);
        }
    }
    widest
}

/// Left and right cell margins in twips (Word's and LibreOffice's default 0.19 cm each).
const CELL_MARGINS: usize = 2 * 108 + 24;

/// A character's width in Arial Bold, roughly, in ems: enough to tell whether a word fits.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        'f' | 't' | 'r' | '(' | ')' | '/' | '-' | ' ' => 0.36,
        'm' | 'w' | 'M' | 'W' | '%' | '£' => 0.9,
        'A'..='Z' => 0.72,
        _ => 0.6,
    }
}

/// Widens any column too narrow for its longest word, taking the room from columns that have
/// some to spare, so words are not broken mid-word. When even that cannot fit, every column
/// gets its share of the page in proportion to its longest word.
fn fit_words(grid: Vec<usize>, words: &[usize]) -> Vec<usize> {
    let total: usize = grid.iter().sum();
    let need: usize = words.iter().sum();
    if need >= total {
        return words.iter().map(|w| w * total / need.max(1)).collect();
    }
    let short: usize = grid.iter().zip(words).map(|(g, w)| w.saturating_sub(*g)).sum();
    let spare: usize = grid.iter().zip(words).map(|(g, w)| g.saturating_sub(*w)).sum();
    grid.iter().zip(words).map(|(g, w)| if g < w { *w } else { g - (g - w) * short / spare.max(1) }).collect()
}

/// How a table cell's text is set.
#[derive(Clone, Copy)]
struct CellStyle {
    bold: bool,
    /// In half-points; None for the body size.
    size: Option<usize>,
    /// Figures, and their headings, line up on the right, as in the app.
    right: bool,
    /// Kept on the page with the next row.
    keep_next: bool,
}

fn cell(text: &str, width: usize, style: CellStyle) -> TableCell {
    let run = WRun::new().add_text(text);
    let run = if style.bold { run.bold() } else { run };
    let run = match style.size {
        Some(size) => run.size(size),
        None => run,
    };
    let align = if style.right { AlignmentType::Right } else { AlignmentType::Left };
    let paragraph = docx_rs::Paragraph::new().line_spacing(LineSpacing::new().after(0)).align(align);
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(paragraph.keep_next(style.keep_next).add_run(run))
}

/// Whether a paragraph leads into what follows it: it ends with a colon.
fn leads_in(runs: &[Run]) -> bool {
    plain(runs).trim_end().ends_with(':')
}

fn text_paragraph(text: &str) -> docx_rs::Paragraph {
    docx_rs::Paragraph::new().add_run(WRun::new().add_text(text))
}

/// The words as Word runs: bold and italic kept, live figures as the words they print as.
fn text_runs(runs: &[Run]) -> Vec<WRun> {
    runs.iter()
        .map(|run| match run {
            Run::Styled { text, bold, italic } => {
                let styled = WRun::new().add_text(text);
                let styled = if *bold { styled.bold() } else { styled };
                if *italic {
                    styled.italic()
                } else {
                    styled
                }
            }
            other => WRun::new().add_text(plain(std::slice::from_ref(other))),
        })
        .collect()
}

/// A paragraph in the report's body: numbered by the report's list (its number hanging in the
/// margin of the text, as "4.2" prints in the app), or, for a paragraph's later blocks, not
/// numbered and in line with the text. `number` says which: Word counts the numbers itself.
fn numbered(number: Option<&str>, runs: Vec<WRun>) -> docx_rs::Paragraph {
    let p = match number {
        Some(_) => docx_rs::Paragraph::new().numbering(NumberingId::new(REPORT), IndentLevel::new(1)).indent(
            Some(HANG),
            Some(SpecialIndentType::Hanging(HANG)),
            None,
            None,
        ),
        None => docx_rs::Paragraph::new().indent(Some(HANG), None, None, None),
    };
    runs.into_iter().fold(p, docx_rs::Paragraph::add_run)
}

/// Builds the parts and fills the gaps docx-rs leaves: alt text and unique ids on pictures,
/// repeating header rows, and the document title.
/// What Word's accessibility checker asks of each picture and table, in document order: the
/// pictures' alt text and the tables' titles. docx-rs writes neither, so `pack` puts them in.
#[derive(Default)]
struct Names {
    pictures: Vec<String>,
    tables: Vec<String>,
}

fn pack(docx: Docx, title: &str, names: &Names) -> Result<Vec<u8>, String> {
    let mut xml = docx.build();
    // Text copied out of a PDF can hold control characters, which no XML part may hold. Each is
    // one byte in UTF-8, never part of a longer character, so it is taken out byte by byte.
    for part in [&mut xml.document, &mut xml.styles, &mut xml.numberings, &mut xml.doc_props.core]
        .into_iter()
        .chain(xml.headers.iter_mut())
        .chain(xml.footers.iter_mut())
    {
        part.retain(|b| *b >= b' ' || matches!(b, b'\t' | b'\n' | b'\r'));
    }
    let document = String::from_utf8_lossy(&xml.document).into_owned();
    let document = alt_text(&document, &names.pictures);
    let document = table_titles(&repeat_header_rows(&document), &names.tables);
    // Property elements in the order the schema asks, which docx-rs does not keep.
    xml.document = in_schema_order(&document).into_bytes();
    xml.styles = in_schema_order(&defaults(&String::from_utf8_lossy(&xml.styles))).into_bytes();
    xml.numberings = in_schema_order(&String::from_utf8_lossy(&xml.numberings)).into_bytes();
    xml.settings = in_schema_order(&String::from_utf8_lossy(&xml.settings)).into_bytes();
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = in_schema_order(&String::from_utf8_lossy(part)).into_bytes();
    }
    let core = String::from_utf8_lossy(&xml.doc_props.core).into_owned();
    xml.doc_props.core = core
        .replacen(
            "</cp:coreProperties>",
            &format!("<dc:title>{}</dc:title><dc:language>{LANGUAGE}</dc:language></cp:coreProperties>", escape(title)),
            1,
        )
        .into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|why| format!("The Word file could not be put together ({why})."))?;
    Ok(out.into_inner())
}

/// Each picture's `<wp:docPr>` gets its own id and its chart's description, in document order.
fn alt_text(document: &str, descriptions: &[String]) -> String {
    let mut out = String::with_capacity(document.len() + 4096);
    let mut rest = document;
    let mut index = 0;
    while let Some(start) = rest.find("<wp:docPr ") {
        let Some(len) = rest[start..].find("/>") else { break };
        out.push_str(&rest[..start]);
        let description = descriptions.get(index).map_or(String::new(), |d| escape(d));
        index += 1;
        out.push_str(&format!("<wp:docPr id=\"{index}\" name=\"Chart {index}\" descr=\"{description}\"/>"));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// The document's language, for spelling and for screen readers.
const LANGUAGE: &str = "en-GB";

/// Normal marked as the default paragraph style (Word repairs a file without one), and the
/// document's language set for all its text.
fn defaults(styles: &str) -> String {
    styles
        .replacen(
            "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">",
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
            1,
        )
        .replacen("</w:rPr></w:rPrDefault>", &format!("<w:lang w:val=\"{LANGUAGE}\" /></w:rPr></w:rPrDefault>"), 1)
}

/// Each table gets its caption as its title (`w:tblCaption`), which screen readers announce
/// and Word's accessibility checker asks for, in document order.
fn table_titles(document: &str, captions: &[String]) -> String {
    let mut out = String::with_capacity(document.len() + 2048);
    let mut rest = document;
    let mut index = 0;
    while let Some(start) = rest.find("<w:tbl>") {
        let Some(end) = rest[start..].find("</w:tblPr>").map(|e| start + e) else { break };
        out.push_str(&rest[..end]);
        if let Some(caption) = captions.get(index) {
            out.push_str(&format!("<w:tblCaption w:val=\"{}\" />", escape(caption)));
        }
        index += 1;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The first row of every table repeats at the top of each page the table runs onto.
fn repeat_header_rows(document: &str) -> String {
    let mut out = String::with_capacity(document.len() + 1024);
    let mut rest = document;
    while let Some(start) = rest.find("<w:tbl>") {
        let after_tbl = start + "<w:tbl>".len();
        out.push_str(&rest[..after_tbl]);
        rest = &rest[after_tbl..];
        let Some(tr) = rest.find("<w:tr>") else { continue };
        let after_tr = tr + "<w:tr>".len();
        out.push_str(&rest[..after_tr]);
        rest = &rest[after_tr..];
        if let Some(stripped) = rest.strip_prefix("<w:trPr>") {
            out.push_str("<w:trPr><w:tblHeader/>");
            rest = stripped;
        } else if let Some(stripped) = rest.strip_prefix("<w:trPr />") {
            out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            rest = stripped;
        } else {
            out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
    }
    out.push_str(rest);
    out
}
