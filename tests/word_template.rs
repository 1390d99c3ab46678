//! The report in a council's own Word template. The templates are built here, with what real
//! ones have (a logo in the header, "Page X of Y" fields in the footer, a cover table of
//! content controls, a `{{...}}` placeholder split across runs, a custom style, a numbered
//! list, custom XML and a landscape appendix), so nothing proprietary is committed.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;

mod support;

use support::{part, unzip as parts, validator_errors};

use wrb::engine::export::template;
use wrb::engine::report::build_report_reading_files as build_report;
use wrb::engine::report::ReportDocument;
use wrb::engine::sample::sample_project;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOTX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

/// A 1×1 red PNG: the council's logo.
const LOGO: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49,
    0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0,
    0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn inline_control(tag: &str, alias: &str) -> String {
    format!(
        "<w:sdt><w:sdtPr><w:alias w:val=\"{alias}\"/><w:tag w:val=\"{tag}\"/><w:showingPlcHdr/></w:sdtPr>\
         <w:sdtContent><w:r><w:rPr><w:i/></w:rPr><w:t>Click or tap to enter text.</w:t></w:r></w:sdtContent></w:sdt>"
    )
}

fn cover_row(label: &str, value: &str) -> String {
    format!("<w:tr><w:tc><w:p><w:r><w:t>{label}</w:t></w:r></w:p></w:tc><w:tc><w:p>{value}</w:p></w:tc></w:tr>")
}

fn document_xml(placement: &str) -> String {
    let cover = [
        cover_row("Meeting", &inline_control("Committee", "Committee")),
        cover_row("Date", &inline_control("Date", "Meeting date")),
        cover_row("Report of", &inline_control("ReportOf", "Report of")),
    ]
    .concat();
    // A block-level control whose content is a paragraph.
    let classification =
        "<w:sdt><w:sdtPr><w:alias w:val=\"Classification\"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\
         <w:p><w:pPr><w:pStyle w:val=\"CouncilBody\"/></w:pPr><w:r><w:t>Choose a classification.</w:t></w:r></w:p>\
         </w:sdtContent></w:sdt>";
    // Word stores a placeholder typed in two goes as two runs.
    let title = "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>{{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>\
         <w:t>Title}}</w:t></w:r></w:p>";
    let portrait_break = "<w:p><w:pPr><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         </w:sectPr></w:pPr></w:p>";
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>\
         <w:p><w:pPr><w:pStyle w:val=\"CouncilBody\"/></w:pPr><w:r><w:t>Eastshire Borough Council</w:t></w:r></w:p>\
         {title}<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>{cover}</w:tbl>\
         {classification}\
         <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>The council's own numbered point.</w:t></w:r></w:p>\
         {placement}{portrait_break}\
         <w:p><w:r><w:t>Appendix A: the council's landscape appendix.</w:t></w:r></w:p>\
         <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
         <w:pgMar w:top=\"1134\" w:right=\"1440\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>"
    )
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\"/><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:rPr><w:b/><w:color w:val=\"2F5496\"/><w:sz w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"48\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"Council box\"/><w:basedOn w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"CouncilBody\"><w:name w:val=\"Council Body\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"1F3864\"/></w:rPr></w:style>\
</w:styles>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/><w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

fn header_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{W}\" xmlns:r=\"{R}\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:p><w:r><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"720000\" cy=\"720000\"/>\
         <wp:docPr id=\"1\" name=\"Council logo\" descr=\"Eastshire Borough Council logo\"/><a:graphic>\
         <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
         <pic:nvPicPr><pic:cNvPr id=\"1\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"rId1\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"720000\" cy=\"720000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
         </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space=\"preserve\"> OFFICIAL</w:t></w:r></w:p></w:hdr>"
    )
}

fn footer_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W}\"><w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>\
         <w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>\
         <w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"
    )
}

/// A template package: a .docx, or a .dotx when `dotx`; with the report's place marked by
/// `placement` (or nothing, to go after the template's content).
fn template(placement: &str, dotx: bool) -> Vec<u8> {
    template_with_footer(placement, dotx, &footer_xml())
}

/// As [`template`], with a footer of its own.
fn template_with_footer(placement: &str, dotx: bool, footer: &str) -> Vec<u8> {
    let main = if dotx { DOTX } else { MAIN };
    let types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
         <Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/customXml/itemProps1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/>\
         </Types>"
    );
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>";
    let rel = |id: &str, kind: &str, target: &str| {
        format!("<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>")
    };
    let document_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}{}{}{}{}</Relationships>",
        rel("rId1", "styles", "styles.xml"),
        rel("rId2", "numbering", "numbering.xml"),
        rel("rId3", "header", "header1.xml"),
        rel("rId4", "footer", "footer1.xml"),
        rel("rId5", "customXml", "../customXml/item1.xml"),
    );
    let header_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}</Relationships>",
        rel("rId1", "image", "media/logo.png")
    );
    let core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Committee services</dc:creator></cp:coreProperties>";
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", root_rels.as_bytes().to_vec()),
        ("word/document.xml", document_xml(placement).into_bytes()),
        ("word/_rels/document.xml.rels", document_rels.into_bytes()),
        ("word/styles.xml", STYLES.as_bytes().to_vec()),
        ("word/numbering.xml", NUMBERING.as_bytes().to_vec()),
        ("word/header1.xml", header_xml().into_bytes()),
        ("word/_rels/header1.xml.rels", header_rels.into_bytes()),
        ("word/footer1.xml", footer.as_bytes().to_vec()),
        ("word/media/logo.png", LOGO.to_vec()),
        ("customXml/item1.xml", b"<council xmlns=\"urn:eastshire\"><ref>CAB/2027/01</ref></council>".to_vec()),
        ("customXml/itemProps1.xml", b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<ds:datastoreItem ds:itemID=\"{6C4E3C8B-0000-4000-8000-000000000001}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"/>".to_vec()),
        ("customXml/_rels/item1.xml.rels", b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps\" Target=\"itemProps1.xml\"/></Relationships>".to_vec()),
        ("docProps/core.xml", core.as_bytes().to_vec()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn report() -> ReportDocument {
    build_report(&sample_project())
}

const REPORT_PARAGRAPH: &str = "<w:p><w:r><w:t>{{report}}</w:t></w:r></w:p>";

#[test]
fn the_template_s_parts_stay_byte_for_byte_and_the_changed_ones_only_gain() {
    let tpl = template(REPORT_PARAGRAPH, false);
    let spliced = template::document(&report(), &|_| None, &tpl).expect("the report goes into the template");
    let (before, after) = (parts(&tpl), parts(&spliced.bytes));
    let may_change = [
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
        "word/styles.xml",
        "word/numbering.xml",
    ];
    for (name, bytes) in &before {
        let (_, now) = after.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is kept"));
        if !may_change.contains(&name.as_str()) {
            assert_eq!(now, bytes, "{name} is byte for byte the template's");
        }
    }
    // Styles and numbering only gain: every style and list of the template is there as it was.
    let styles = part(&after, "word/styles.xml");
    assert!(styles.starts_with(STYLES.trim_end_matches("</w:styles>")), "the template's styles come first, unchanged");
    let numbering = part(&after, "word/numbering.xml");
    for element in
        ["<w:abstractNum w:abstractNumId=\"0\">", "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"]
    {
        assert!(numbering.contains(element), "{element}");
    }
    // The relationships only gain too.
    let rels = part(&after, "word/_rels/document.xml.rels");
    for id in ["rId1", "rId2", "rId3", "rId4", "rId5"] {
        assert!(rels.contains(&format!("Id=\"{id}\"")), "{id}");
    }
}

#[test]
fn the_title_block_fills_the_template_s_fields_and_the_report_goes_at_its_place() {
    let report = report();
    let t = &report.title_block;
    let spliced = template::document(&report, &|_| None, &template(REPORT_PARAGRAPH, false)).unwrap();
    let doc = part(&parts(&spliced.bytes), "word/document.xml");
    for value in [&t.committee, &t.meeting_date, &t.report_author, &t.classification, &t.title] {
        assert!(doc.contains(&wrb::engine::chart::escape(value)), "{value} is filled in");
    }
    assert!(
        !doc.contains("{{") && !doc.contains("showingPlcHdr") && !doc.contains("Click or tap"),
        "no placeholder is left"
    );
    // The title was typed in two runs; it is one now, bold as its first run was not: the
    // first run's formatting is kept.
    assert!(
        doc.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Children"),
        "{}",
        &doc[..2000]
    );
    let mut filled = spliced.fields_filled.clone();
    filled.sort();
    assert_eq!(filled, ["Classification", "Committee", "Meeting date", "Report by", "Report title"]);
    // The report replaces the {{report}} paragraph: after the council's own content, before
    // the landscape appendix; and the title block is not given twice.
    assert_eq!(spliced.placed, "in place of {{report}}");
    let (own, heading, appendix) = (
        doc.find("own numbered point").unwrap(),
        doc.find(">Current position<").unwrap(),
        doc.find("Appendix A").unwrap(),
    );
    assert!(own < heading && heading < appendix);
    assert!(!doc.contains("Meeting date: "), "the title block's lines are left out where the template has the fields");
    // Every namespace the report's body uses is declared.
    for prefix in ["w14", "wp"] {
        let root = &doc[doc.find("<w:document").unwrap()..];
        assert!(root[..root.find('>').unwrap()].contains(&format!("xmlns:{prefix}=")), "{prefix}");
    }
}

/// A footer naming the committee and meeting (in runs of their own, as Word splits them) is
/// filled too; the header, which has no fields, is kept as stored.
#[test]
fn the_title_block_fills_the_fields_in_the_template_s_footer_too() {
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W}\"><w:p>\
         <w:r><w:t xml:space=\"preserve\">{{{{commit</w:t></w:r><w:r><w:t xml:space=\"preserve\">tee}}}}, {{{{Meeting date}}}}</w:t></w:r>\
         <w:r><w:t xml:space=\"preserve\"> | Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"
    );
    let tpl = template_with_footer(REPORT_PARAGRAPH, false, &footer);
    let report = report();
    let t = &report.title_block;
    let spliced = template::document(&report, &|_| None, &tpl).unwrap();
    let after = parts(&spliced.bytes);
    let filled = part(&after, "word/footer1.xml");
    // The words as printed: the tags taken out.
    let words: String = filled.split('<').map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text)).collect();
    let expected = format!("{}, {} | Page 1", t.committee, t.meeting_date);
    assert!(words.ends_with(&wrb::engine::chart::escape(&expected)), "{filled}");
    assert!(
        !filled.contains("{{") && filled.contains("<w:fldSimple w:instr=\" PAGE \">"),
        "the page number stays: {filled}"
    );
    assert!(spliced.fields_filled.contains(&"Committee".to_owned()));
    assert_eq!(part(&after, "word/header1.xml"), header_xml(), "a header without fields is kept as stored");
    if let Some(errors) = validator_errors("footer fields", &spliced.bytes) {
        panic!("{errors}");
    }
}

#[test]
fn the_report_s_styles_map_to_the_template_s_by_name_and_missing_ones_are_added() {
    let spliced = template::document(&report(), &|_| None, &template(REPORT_PARAGRAPH, false)).unwrap();
    let after = parts(&spliced.bytes);
    let styles = part(&after, "word/styles.xml");
    let doc = part(&after, "word/document.xml");
    // The template has no "heading 2": the report's is added, and listed.
    assert!(spliced.styles_added.contains(&"heading 2".to_owned()), "{:?}", spliced.styles_added);
    assert!(styles.contains("<w:name w:val=\"heading 2\" />"));
    // The template's "Caption" id names another style ("Council box"): the report's caption
    // style is added under an id of its own, and used.
    assert!(spliced.styles_added.contains(&"caption".to_owned()));
    assert!(styles.contains("w:styleId=\"ReportCaption\"") && doc.contains("<w:pStyle w:val=\"ReportCaption\" />"));
    assert!(!spliced.styles_added.contains(&"Normal".to_owned()));
    // Each style the body names is defined.
    for tag in doc.match_indices("<w:pStyle w:val=\"") {
        let id = doc[tag.0 + 17..].split('"').next().unwrap();
        assert!(styles.contains(&format!("w:styleId=\"{id}\"")), "{id} is defined");
    }
    // The report's lists have ids of their own, and the numbered paragraphs use them.
    let numbering = part(&after, "word/numbering.xml");
    assert!(
        !doc.contains("<w:numId w:val=\"3\" />") && doc.contains("<w:numId w:val=\"5\" />"),
        "report list renumbered"
    );
    assert!(numbering.contains("<w:num w:numId=\"5\">"));
    assert!(numbering.find("<w:abstractNum w:abstractNumId=\"4\"").unwrap() < numbering.find("<w:num ").unwrap());
}

#[test]
fn a_dotx_comes_out_as_a_docx_and_without_a_place_the_report_follows_the_template() {
    let spliced = template::document(&report(), &|_| None, &template("", true)).unwrap();
    let after = parts(&spliced.bytes);
    let types = part(&after, "[Content_Types].xml");
    assert!(types.contains(MAIN) && !types.contains(DOTX));
    assert_eq!(spliced.placed, "after the template's own content");
    let doc = part(&after, "word/document.xml");
    let body_end = doc.rfind("<w:sectPr").unwrap();
    assert!(
        doc.find(">Current position<").unwrap() > doc.find("Appendix A").unwrap()
            && doc.find(">Current position<").unwrap() < body_end
    );
}

#[test]
fn charts_go_in_as_pictures_with_ids_and_names_of_their_own() {
    let report = report();
    let spliced = template::document(
        &report,
        &|c| wrb::engine::export::png::chart_png(c, 1.0),
        &template(REPORT_PARAGRAPH, false),
    )
    .unwrap();
    let after = parts(&spliced.bytes);
    let doc = part(&after, "word/document.xml");
    let rels = part(&after, "word/_rels/document.xml.rels");
    let charts = report.charts().count();
    let media: Vec<_> = after.iter().filter(|(n, _)| n.starts_with("word/media/report-chart-")).collect();
    assert_eq!(media.len(), charts);
    assert!(after.iter().any(|(n, b)| n == "word/media/logo.png" && b == LOGO), "the logo is the template's");
    for tag in doc.match_indices("r:embed=\"") {
        let id = doc[tag.0 + 9..].split('"').next().unwrap();
        assert!(rels.contains(&format!("Id=\"{id}\"")), "{id} has its relationship");
    }
    // The header's logo has drawing id 1: the charts' ids start after it.
    assert!(!doc.contains("<wp:docPr id=\"1\" "));
}

/// LibreOffice opens the spliced file: the header's logo and the footer's "Page X of Y" are
/// there, the report's words are, and the appendix is still landscape.
#[test]
fn libreoffice_prints_it_with_the_template_s_header_footer_and_landscape_appendix() {
    let spliced = template::document(&report(), &|_| None, &template(REPORT_PARAGRAPH, true)).unwrap();
    let Some(pdf) = support::to_pdf("spliced", &spliced.bytes) else { return };
    let text = pdf.text();
    let images = std::process::Command::new("pdfimages").arg("-list").arg(&pdf.path).output().ok();
    let info = std::process::Command::new("pdfinfo").args(["-f", "1", "-l", "99"]).arg(&pdf.path).output().ok();
    for words in ["Page 1 of", "OFFICIAL", "Current position", "Appendix A", "Children and Young People Scrutiny Panel"]
    {
        assert!(text.contains(words), "{words} in the PDF:\n{text}");
    }
    if let Some(images) = images {
        let listed = String::from_utf8_lossy(&images.stdout).lines().skip(2).count();
        assert!(listed >= 1, "the header's logo is printed");
    }
    if let Some(info) = info {
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        let sizes: Vec<&str> = info.lines().filter(|l| l.starts_with("Page") && l.contains("size:")).collect();
        assert!(sizes.first().is_some_and(|s| s.contains("595.") && s.contains("x 841.")), "{sizes:?}");
        assert!(
            sizes.last().is_some_and(|s| s.contains("841.") && s.contains("x 595.")),
            "the appendix is landscape: {sizes:?}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_word_template_says_so() {
    let why = template::document(&report(), &|_| None, b"not a zip").unwrap_err();
    assert_eq!(why, "The template is not a Word file (not a zip).");
}

/// `wfr render --docx OUT --template T` does the same from the command line.
#[test]
fn wfr_render_puts_the_report_into_a_template() {
    let dir = std::env::temp_dir().join(format!("wfr-cli-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tpl = dir.join("council.dotx");
    std::fs::write(&tpl, template(REPORT_PARAGRAPH, true)).unwrap();
    let out = dir.join("report.docx");
    let render = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_wfr"))
            .args(["render", "--sample", "--docx"])
            .arg(&out)
            .arg("--template")
            .arg(&tpl)
            .output()
            .unwrap()
    };
    let run = render();
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{said}");
    assert!(said.contains("in place of {{report}}") && said.contains("styles added to it: heading 2"), "{said}");
    let after = parts(&std::fs::read(&out).unwrap());
    assert!(part(&after, "word/document.xml").contains(">Current position<"));
    assert!(part(&after, "[Content_Types].xml").contains(MAIN));
    // A template that cannot be read fails the run, naming it.
    std::fs::write(&tpl, b"not a zip").unwrap();
    let run = render();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("council.dotx: The template is not a Word file (not a zip)."));
}

/// The spliced file is valid Office Open XML by Microsoft's validator, for a .docx and a .dotx.
#[test]
fn the_spliced_file_passes_the_open_xml_validator() {
    for (name, dotx) in [("spliced-docx", false), ("spliced-dotx", true)] {
        let spliced = template::document(
            &report(),
            &|c| wrb::engine::export::png::chart_png(c, 1.0),
            &template(REPORT_PARAGRAPH, dotx),
        )
        .unwrap();
        assert_eq!(validator_errors(name, &spliced.bytes), None, "{name}");
    }
}
