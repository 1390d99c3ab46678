//! The report in the council's own Word template: the report's Word file (as [`word`] writes
//! it) spliced into a .docx or .dotx the officer gives, so its headers, footers, logo, theme,
//! custom XML, numbering and section settings stay as they are.
//!
//! The template is never read into docx-rs and written back (its reader drops relationships,
//! numbering links, table-style formatting and content controls). Its package is copied part
//! by part, byte for byte, except the parts the splice must change: the body, the body's
//! relationships, the content types, and the styles and numbering, which only gain what the
//! report needs. I/O-free: bytes in, bytes out.
//!
//! [`word`]: super::word

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use zip_docx as zip;

use super::word::Picture;
use crate::engine::case::lower;
use crate::engine::chart::{escape, Chart};
use crate::engine::model::{TitleBlock, TitleField};
use crate::engine::report::ReportDocument;

/// The spliced file and what the officer should know about it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Spliced {
    pub bytes: Vec<u8>,
    /// Styles the report uses that the template lacked, added to it, by name.
    pub styles_added: Vec<String>,
    /// Title block fields put into the template's content controls or `{{...}}` placeholders.
    pub fields_filled: Vec<String>,
    /// Where the report went: "at {{report}}", "in the content control tagged report", or
    /// "after the template's own content".
    pub placed: String,
}

/// One part of a package, as stored.
struct Part {
    name: String,
    bytes: Vec<u8>,
}

struct Package {
    parts: Vec<Part>,
}

impl Package {
    fn read(bytes: &[u8], what: &str) -> Result<Package, String> {
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| format!("{what} is not a Word file (not a zip)."))?;
        let mut parts = Vec::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).map_err(|e| format!("{what}: part {i} cannot be read ({e})."))?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().to_owned();
            let mut data = Vec::new();
            file.read_to_end(&mut data).map_err(|e| format!("{what}: {name} cannot be read ({e})."))?;
            parts.push(Part { name, bytes: data });
        }
        Ok(Package { parts })
    }

    fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts.iter().find(|p| p.name == name).map(|p| p.bytes.as_slice())
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|b| String::from_utf8_lossy(b).into_owned())
    }
}

const MAIN_DOCUMENT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const MAIN_TEMPLATE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const NUMBERING_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
const STYLES_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const REL_NUMBERING: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
const REL_STYLES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const REL_HEADER: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const REL_FOOTER: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";

/// The report as a Word file in the council's template: its title block goes into the
/// template's fields where it has them, else at the top of the report as usual.
pub fn document(
    report: &ReportDocument,
    picture: &dyn Fn(&Chart) -> Option<Picture>,
    template: &[u8],
) -> Result<Spliced, String> {
    let tpl = Package::read(template, "The template")?;
    let main = main_part(&tpl).ok_or("The template has no main document part (word/document.xml).")?;
    let takes_title_block = tpl.text(&main).is_some_and(|doc| has_fields(&doc));
    let ours = super::word::write_document(report, picture, !takes_title_block)?;
    splice_read(template, &tpl, &ours, &report.title_block)
}

/// Whether a template's body has title block fields: a content control or a `{{...}}`
/// placeholder named as one.
fn has_fields(doc: &str) -> bool {
    elements(doc, "<w:sdt>", "</w:sdt>").iter().any(|c| tag_of(c).as_deref().and_then(field_named).is_some())
        || elements(doc, "<w:p", "</w:p>")
            .iter()
            .any(|p| placeholder_names(&text_of(p)).iter().any(|n| field_named(n).is_some()))
}

/// Puts `report` (a .docx as `word::document` writes it, without its title block when the
/// template takes the title block's fields) into `template` (a .docx or .dotx).
pub fn splice(template: &[u8], report: &[u8], title: &TitleBlock) -> Result<Spliced, String> {
    splice_read(template, &Package::read(template, "The template")?, report, title)
}

/// As [`splice`], with the template's parts read already.
fn splice_read(template: &[u8], tpl: &Package, report: &[u8], title: &TitleBlock) -> Result<Spliced, String> {
    let ours = Package::read(report, "The report's Word file")?;
    let main = main_part(tpl).ok_or("The template has no main document part (word/document.xml).")?;
    let rels_name = rels_of(&main);
    let tpl_doc = tpl.text(&main).ok_or("The template has no main document part.")?;
    let our_doc = ours.text("word/document.xml").ok_or("The report's Word file has no document part.")?;

    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut added: Vec<Part> = Vec::new();
    let mut rels = tpl.text(&rels_name).unwrap_or_else(empty_rels);
    let mut types = tpl.text("[Content_Types].xml").ok_or("The template has no [Content_Types].xml.")?;
    let folder = main.rsplit_once('/').map_or("", |(f, _)| f);

    // Styles: the report's roles mapped to the template's styles by name; missing ones added.
    let our_styles = ours.text("word/styles.xml").unwrap_or_default();
    let styles_part = target_of(&rels, REL_STYLES).map(|t| join(folder, &t));
    let used: Vec<String> = tags(&our_doc, "<w:pStyle ").filter_map(|t| attribute(t, "w:val")).collect();
    let (style_map, styles_added) = match styles_part.as_ref().and_then(|p| tpl.text(p)) {
        Some(theirs) => {
            let (merged, map, added_names) = merge_styles(&theirs, &our_styles, &used);
            if merged != theirs {
                changed.insert(styles_part.clone().unwrap_or_default(), merged.into_bytes());
            }
            (map, added_names)
        }
        None => {
            let name = join(folder, "styles.xml");
            added.push(Part { name: name.clone(), bytes: our_styles.clone().into_bytes() });
            rels = add_rel(&rels, REL_STYLES, "styles.xml").0;
            types = add_override(&types, &format!("/{name}"), STYLES_TYPE);
            (BTreeMap::new(), style_names(&our_styles))
        }
    };

    // Numbering: the report's lists added beside the template's, with ids of their own.
    let our_numbering = ours.text("word/numbering.xml").unwrap_or_default();
    let numbering_part = target_of(&rels, REL_NUMBERING).map(|t| join(folder, &t));
    let num_map = match numbering_part.as_ref().and_then(|p| tpl.text(p)) {
        Some(theirs) => {
            let (merged, map) = merge_numbering(&theirs, &our_numbering);
            changed.insert(numbering_part.clone().unwrap_or_default(), merged.into_bytes());
            map
        }
        None => {
            let name = join(folder, "numbering.xml");
            added.push(Part { name: name.clone(), bytes: our_numbering.into_bytes() });
            rels = add_rel(&rels, REL_NUMBERING, "numbering.xml").0;
            types = add_override(&types, &format!("/{name}"), NUMBERING_TYPE);
            BTreeMap::new()
        }
    };

    // Pictures: each chart's PNG under a name and relationship id of its own.
    let our_rels = ours.text("word/_rels/document.xml.rels").unwrap_or_default();
    let mut rel_map = BTreeMap::new();
    for (id, target) in
        relationships(&our_rels).into_iter().filter(|(_, _, kind)| kind == REL_IMAGE).map(|(i, t, _)| (i, t))
    {
        let Some(png) = ours.get(&join("word", &target)) else { continue };
        let n = rel_map.len() + 1;
        let file = unused(tpl, folder, n);
        let (next, new_id) = add_rel(&rels, REL_IMAGE, &file);
        rels = next;
        rel_map.insert(id, new_id);
        added.push(Part { name: join(folder, &file), bytes: png.to_vec() });
    }
    if !rel_map.is_empty() && !types.contains("Extension=\"png\"") {
        types = types.replacen("<Default ", "<Default Extension=\"png\" ContentType=\"image/png\"/><Default ", 1);
    }
    // A .dotx comes out as a .docx.
    types = types.replace(MAIN_TEMPLATE, MAIN_DOCUMENT);

    let body = our_body(&our_doc);
    let body = remap(&body, "<w:pStyle w:val=\"", &style_map);
    let body = remap(&body, "<w:numId w:val=\"", &num_map);
    let body = remap(&body, "r:embed=\"", &rel_map);
    // Drawing ids are unique in the whole document, headers and footers too (a logo has one).
    let taken = tpl
        .parts
        .iter()
        .filter(|p| p.name.ends_with(".xml"))
        .flat_map(|p| drawing_ids(&String::from_utf8_lossy(&p.bytes)))
        .max();
    let body = match taken {
        Some(max) => renumber_drawings(&body, max),
        None => body,
    };
    let (doc, mut fields_filled) = fill_fields(&tpl_doc, title);
    // Headers and footers take the title block's fields as the body does ("{{committee}}"
    // beside the logo, the meeting date by the page number); one without fields is kept as
    // stored.
    for (_, target, kind) in relationships(&rels) {
        let name = join(folder, &target);
        let Some(xml) = (kind == REL_HEADER || kind == REL_FOOTER).then(|| tpl.text(&name)).flatten() else { continue };
        let (filled, found) = fill_fields(&xml, title);
        if filled != xml {
            changed.insert(name, filled.into_bytes());
            fields_filled.extend(found.into_iter().filter(|f| !fields_filled.contains(f)).collect::<Vec<_>>());
        }
    }
    let (doc, placed) = place(&doc, &body);
    let doc = with_namespaces(&doc, &our_doc);
    changed.insert(main.clone(), doc.into_bytes());
    changed.insert(rels_name.clone(), rels.into_bytes());
    changed.insert("[Content_Types].xml".to_owned(), types.into_bytes());

    let bytes = write(template, tpl, &changed, &added)?;
    Ok(Spliced { bytes, styles_added, fields_filled, placed })
}

/// The main document part, from the package's relationships (usually word/document.xml).
fn main_part(tpl: &Package) -> Option<String> {
    let rels = tpl.text("_rels/.rels")?;
    relationships(&rels)
        .into_iter()
        .find(|(_, _, kind)| kind.ends_with("/officeDocument"))
        .map(|(_, target, _)| join("", &target))
        .filter(|name| tpl.get(name).is_some())
}

/// "word/document.xml" → "word/_rels/document.xml.rels".
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship's target as a part name: relative to `folder`, or from the package's root
/// when it starts with "/", with "." and ".." steps resolved (the packaging standard allows
/// all three).
fn join(folder: &str, target: &str) -> String {
    let mut path: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => folder.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for step in target.split('/') {
        match step {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            step => path.push(step),
        }
    }
    path.join("/")
}

fn empty_rels() -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".to_owned()
}

/// An attribute's value in one tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next()?.to_owned())
}

/// Each relationship's id, target and type.
fn relationships(rels: &str) -> Vec<(String, String, String)> {
    tags(rels, "<Relationship ")
        .filter_map(|tag| Some((attribute(tag, "Id")?, attribute(tag, "Target")?, attribute(tag, "Type")?)))
        .collect()
}

/// Every opening tag that starts with `start`, to its `>`.
fn tags<'a>(xml: &'a str, start: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.match_indices(start).filter_map(move |(at, _)| xml[at..].find('>').map(|end| &xml[at..=at + end]))
}

fn target_of(rels: &str, kind: &str) -> Option<String> {
    relationships(rels).into_iter().find(|(_, _, k)| k == kind).map(|(_, target, _)| target)
}

/// Adds a relationship with an id no other has; gives the relationships and the id.
fn add_rel(rels: &str, kind: &str, target: &str) -> (String, String) {
    let ids: Vec<String> = relationships(rels).into_iter().map(|(id, _, _)| id).collect();
    let id = (1..).map(|n| format!("rIdWfr{n}")).find(|id| !ids.contains(id)).unwrap_or_default();
    let entry = format!("<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"/>", escape(target));
    let rels = match rels.rfind("</Relationships>") {
        Some(end) => format!("{}{entry}{}", &rels[..end], &rels[end..]),
        None => rels.to_owned(),
    };
    (rels, id)
}

fn add_override(types: &str, part: &str, kind: &str) -> String {
    if types.contains(&format!("PartName=\"{part}\"")) {
        return types.to_owned();
    }
    types.replacen("</Types>", &format!("<Override PartName=\"{part}\" ContentType=\"{kind}\"/></Types>"), 1)
}

/// A picture's file name no part of the template has: "media/report-chart-1.png".
fn unused(tpl: &Package, folder: &str, n: usize) -> String {
    (n..)
        .map(|k| format!("media/report-chart-{k}.png"))
        .find(|name| tpl.get(&join(folder, name)).is_none())
        .unwrap_or_default()
}

/// The style elements of a styles part, each whole, with its id, type and name.
fn styles(xml: &str) -> Vec<(String, String, String, &str)> {
    let mut out = Vec::new();
    let mut rest = xml;
    let mut offset = 0;
    while let Some(start) = rest.find("<w:style ") {
        let Some(len) = rest[start..].find("</w:style>") else { break };
        let element = &xml[offset + start..offset + start + len + "</w:style>".len()];
        let open = &element[..element.find('>').unwrap_or(0) + 1];
        let name = element.find("<w:name ").and_then(|at| attribute(&element[at..], "w:val")).unwrap_or_default();
        out.push((
            attribute(open, "w:styleId").unwrap_or_default(),
            attribute(open, "w:type").unwrap_or_default(),
            name,
            element,
        ));
        offset += start + len + "</w:style>".len();
        rest = &xml[offset..];
    }
    out
}

fn style_names(xml: &str) -> Vec<String> {
    styles(xml).into_iter().map(|(_, _, name, _)| name).filter(|n| n != "Normal").collect()
}

/// The template's styles with the report's added where the template has none of that name,
/// the report's style ids mapped to the template's, and the names added.
fn merge_styles(theirs: &str, ours: &str, used: &[String]) -> (String, BTreeMap<String, String>, Vec<String>) {
    let existing = styles(theirs);
    let mut map = BTreeMap::new();
    let mut additions = String::new();
    let mut added = Vec::new();
    for (id, kind, name, element) in styles(ours).into_iter().filter(|(id, ..)| used.contains(id)) {
        let same_name = existing.iter().find(|(_, k, n, _)| *k == kind && lower(n) == lower(&name));
        match same_name {
            Some((their_id, ..)) => {
                map.insert(id, their_id.clone());
            }
            None => {
                // An id the template gives another style is not reused.
                let taken = existing.iter().any(|(i, ..)| *i == id);
                let new_id = if taken { format!("Report{id}") } else { id.clone() };
                additions.push_str(&element.replacen(
                    &format!("w:styleId=\"{id}\""),
                    &format!("w:styleId=\"{new_id}\""),
                    1,
                ));
                map.insert(id, new_id);
                added.push(name);
            }
        }
    }
    let merged = match theirs.rfind("</w:styles>") {
        Some(end) if !additions.is_empty() => format!("{}{additions}{}", &theirs[..end], &theirs[end..]),
        _ => theirs.to_owned(),
    };
    (merged, map, added)
}

/// Every `w:abstractNumId` or `w:numId` attribute value as a number.
fn ids(xml: &str, tag: &str, attr: &str) -> Vec<u32> {
    tags(xml, tag).filter_map(|t| attribute(t, attr)?.parse().ok()).collect()
}

/// The template's numbering with the report's lists added under ids of their own, and the
/// report's list ids mapped to them.
fn merge_numbering(theirs: &str, ours: &str) -> (String, BTreeMap<String, String>) {
    let abstract_base = ids(theirs, "<w:abstractNum ", "w:abstractNumId").into_iter().max().map_or(0, |m| m + 1);
    let num_base = ids(theirs, "<w:num ", "w:numId").into_iter().max().map_or(1, |m| m + 1);
    let mut abstracts = String::new();
    let mut nums = String::new();
    let mut map = BTreeMap::new();
    for element in elements(ours, "<w:abstractNum ", "</w:abstractNum>") {
        let Some(id) = attribute(element, "w:abstractNumId").and_then(|v| v.parse::<u32>().ok()) else { continue };
        abstracts.push_str(&element.replacen(
            &format!("w:abstractNumId=\"{id}\""),
            &format!("w:abstractNumId=\"{}\"", abstract_base + id),
            1,
        ));
    }
    for element in elements(ours, "<w:num ", "</w:num>") {
        let (Some(id), Some(abstract_id)) = (
            attribute(element, "w:numId").and_then(|v| v.parse::<u32>().ok()),
            element.find("<w:abstractNumId ").and_then(|at| attribute(&element[at..], "w:val")?.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let new_id = num_base + id;
        map.insert(id.to_string(), new_id.to_string());
        nums.push_str(&format!(
            "<w:num w:numId=\"{new_id}\"><w:abstractNumId w:val=\"{}\"/></w:num>",
            abstract_base + abstract_id
        ));
    }
    // Every abstract list comes before the first list that uses one.
    let merged = match theirs.find("<w:num ") {
        Some(first) => format!("{}{abstracts}{}", &theirs[..first], &theirs[first..]),
        None => match theirs.rfind("</w:numbering>") {
            Some(end) => format!("{}{abstracts}{}", &theirs[..end], &theirs[end..]),
            None => theirs.to_owned(),
        },
    };
    let merged = match merged.rfind("</w:numbering>") {
        Some(end) => format!("{}{nums}{}", &merged[..end], &merged[end..]),
        None => merged,
    };
    (merged, map)
}

/// Each whole element that opens with `open` and closes with `close` (not nested in itself).
fn elements<'a>(xml: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = xml[at..].find(open).map(|s| at + s) {
        let Some(end) = xml[start..].find(close).map(|e| start + e + close.len()) else { break };
        out.push(&xml[start..end]);
        at = end;
    }
    out
}

fn drawing_ids(xml: &str) -> Vec<u32> {
    ids(xml, "<wp:docPr ", "id")
}

/// Each picture's drawing id moved past `after`.
fn renumber_drawings(body: &str, after: u32) -> String {
    let map: BTreeMap<String, String> =
        drawing_ids(body).into_iter().map(|id| (id.to_string(), (id + after).to_string())).collect();
    remap(body, "<wp:docPr id=\"", &map)
}

/// The report's body: everything in `<w:body>` but its closing section settings.
fn our_body(doc: &str) -> String {
    let start = doc.find("<w:body>").map_or(0, |s| s + "<w:body>".len());
    let end = doc.rfind("<w:sectPr").or_else(|| doc.rfind("</w:body>")).unwrap_or(doc.len());
    doc[start..end.max(start)].to_owned()
}

/// Rewrites the values after each `prefix` by `map`, leaving others as they are.
fn remap(xml: &str, prefix: &str, map: &BTreeMap<String, String>) -> String {
    if map.is_empty() {
        return xml.to_owned();
    }
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(prefix) {
        let value_start = at + prefix.len();
        let Some(len) = rest[value_start..].find('"') else { break };
        let value = &rest[value_start..value_start + len];
        out.push_str(&rest[..value_start]);
        out.push_str(map.get(value).map_or(value, String::as_str));
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

/// Puts the body where the template asks: in place of a paragraph that says `{{report}}`, in
/// place of a content control tagged `report`, or else after the template's own content.
fn place(doc: &str, body: &str) -> (String, String) {
    for paragraph in elements(doc, "<w:p>", "</w:p>").into_iter().chain(elements(doc, "<w:p ", "</w:p>")) {
        if lower(text_of(paragraph).trim()) == "{{report}}" {
            return (doc.replacen(paragraph, body, 1), "in place of {{report}}".to_owned());
        }
    }
    for control in elements(doc, "<w:sdt>", "</w:sdt>") {
        if tag_of(control).is_some_and(|t| lower(&t) == "report") && control.contains("<w:p") {
            return (doc.replacen(control, body, 1), "in the content control tagged report".to_owned());
        }
    }
    let end = doc.rfind("<w:sectPr").filter(|s| doc[*s..].contains("</w:body>")).or_else(|| doc.rfind("</w:body>"));
    let end = end.unwrap_or(doc.len());
    (format!("{}{body}{}", &doc[..end], &doc[end..]), "after the template's own content".to_owned())
}

/// The words of an element: its `w:t` texts run together.
fn text_of(xml: &str) -> String {
    texts(xml).into_iter().map(|(_, _, words)| words).collect()
}

/// Each `w:t` element's words, with where its opening tag starts and its closing tag starts
/// (an empty `<w:t/>` has none; `<w:tab/>`, `<w:tbl>` and `<w:tc>` are not text).
fn texts(xml: &str) -> Vec<(usize, usize, String)> {
    xml.match_indices("<w:t")
        .filter_map(|(at, _)| {
            let rest = &xml[at..];
            let open_end = rest.find('>')?;
            let is_text = rest.starts_with("<w:t>") || rest.starts_with("<w:t ");
            let close = rest.find("</w:t>")?;
            (is_text && !rest[..open_end].ends_with('/'))
                .then(|| (at, at + close, unescape(&rest[open_end + 1..close])))
        })
        .collect()
}

/// XML text as its characters: the five named entities and numeric references (`&#160;`,
/// `&#x2013;`), which tools other than Word write.
fn unescape(text: &str) -> String {
    let named = |name: &str| match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "amp" => Some('&'),
        _ => None,
    };
    crate::engine::report::pasted::references(text, named)
}

/// A content control's tag, or else its title (alias).
fn tag_of(control: &str) -> Option<String> {
    let properties = &control[..control.find("</w:sdtPr>")?];
    ["<w:tag ", "<w:alias "]
        .iter()
        .find_map(|t| properties.find(t).and_then(|at| attribute(&properties[at..], "w:val")))
}

/// The title block field a control's tag or a placeholder's name means, by the usual wordings.
fn field_named(name: &str) -> Option<TitleField> {
    let key: String = lower(name).chars().filter(|c| c.is_alphanumeric()).collect();
    Some(match key.as_str() {
        "council" | "authority" | "councilname" => TitleField::Council,
        "committee" | "meeting" | "committeename" | "meetingname" => TitleField::Committee,
        "meetingdate" | "date" | "dateofmeeting" | "committeedate" => TitleField::MeetingDate,
        "title" | "reporttitle" | "subject" => TitleField::Title,
        "reportby" | "reportof" | "author" | "reportauthor" | "lead" => TitleField::ReportAuthor,
        "wardsaffected" | "wards" | "ward" => TitleField::WardsAffected,
        "keydecision" => TitleField::KeyDecision,
        "classification" | "status" | "exemptornot" => TitleField::Classification,
        "contactofficer" | "contact" | "officercontact" => TitleField::ContactOfficer,
        _ => return None,
    })
}

/// Fills the template's content controls and `{{...}}` placeholders from the title block.
/// Gives the document and the fields filled, by label.
fn fill_fields(doc: &str, title: &TitleBlock) -> (String, Vec<String>) {
    let mut doc = doc.to_owned();
    let mut filled = Vec::new();
    let note = |field: TitleField, filled: &mut Vec<String>| {
        if !filled.contains(&field.label().to_owned()) {
            filled.push(field.label().to_owned());
        }
    };
    for control in elements(&doc.clone(), "<w:sdt>", "</w:sdt>") {
        let Some(field) = tag_of(control).as_deref().and_then(field_named) else { continue };
        let value = title.get(field).trim();
        if value.is_empty() {
            continue;
        }
        doc = doc.replacen(control, &filled_control(control, value), 1);
        note(field, &mut filled);
    }
    for paragraph in
        elements(&doc.clone(), "<w:p>", "</w:p>").into_iter().chain(elements(&doc.clone(), "<w:p ", "</w:p>"))
    {
        let words = text_of(paragraph);
        if !words.contains("{{") {
            continue;
        }
        let mut found = Vec::new();
        let value = |name: &str| {
            let field = field_named(name)?;
            let value = title.get(field).trim();
            // A field the title block leaves empty keeps its placeholder, for the officer to see.
            (!value.is_empty()).then(|| {
                found.push(field);
                value.to_owned()
            })
        };
        let replaced = with_placeholders_filled(paragraph, value);
        // A paragraph inside another's text box is met twice; its fields are noted only where
        // they are filled.
        if replaced != paragraph && doc.contains(paragraph) {
            doc = doc.replacen(paragraph, &replaced, 1);
            for field in found {
                note(field, &mut filled);
            }
        }
    }
    (doc, filled)
}

/// A paragraph with each `{{...}}` that `value` knows replaced where it stands. A placeholder
/// split across runs (as Word often stores one) is filled whole, in the formatting of the run
/// it starts in; the runs it continued into keep what else they held. Everything else in the
/// paragraph (a page number field, a tab, a logo) is left as it was.
fn with_placeholders_filled(paragraph: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let texts = texts(paragraph);
    let words: String = texts.iter().map(|(_, _, w)| w.as_str()).collect();
    // The placeholders to fill, as byte ranges of `words`, and what goes in their place.
    let mut fills: Vec<(usize, usize, String)> = Vec::new();
    let mut from = 0;
    while let Some(open) = words[from..].find("{{").map(|o| from + o) {
        let Some(close) = words[open..].find("}}").map(|c| open + c) else { break };
        if let Some(v) = value(&words[open + 2..close]) {
            fills.push((open, close + 2, v));
        }
        from = close + 2;
    }
    if fills.is_empty() {
        return paragraph.to_owned();
    }
    let mut out = String::with_capacity(paragraph.len());
    let (mut copied, mut start) = (0, 0);
    for (at, close, text) in &texts {
        let end = start + text.len();
        let mut now = String::new();
        for (i, c) in text.char_indices() {
            let here = start + i;
            if let Some((_, _, v)) = fills.iter().find(|(s, _, _)| *s == here) {
                now.push_str(v);
            }
            if !fills.iter().any(|(s, e, _)| (*s..*e).contains(&here)) {
                now.push(c);
            }
        }
        if now != *text {
            out.push_str(&paragraph[copied..*at]);
            out.push_str("<w:t xml:space=\"preserve\">");
            out.push_str(&escape(&now));
            copied = *close;
        }
        start = end;
    }
    out.push_str(&paragraph[copied..]);
    out
}

/// The names inside `{{...}}` in some words.
fn placeholder_names(words: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = words;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else { break };
        out.push(rest[open + 2..open + close].to_owned());
        rest = &rest[open + close + 2..];
    }
    out
}

/// A paragraph with its runs replaced by one run of `words`, in its first run's formatting.
/// A placeholder split across runs (as Word often stores one) is filled whole.
fn with_words(paragraph: &str, words: &str) -> String {
    let open_end = paragraph.find('>').map_or(0, |e| e + 1);
    let properties = elements(paragraph, "<w:pPr>", "</w:pPr>").first().map_or("", |p| *p);
    let run_properties = first_run_properties(paragraph);
    format!(
        "{}{properties}<w:r>{run_properties}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        &paragraph[..open_end],
        escape(words)
    )
}

/// The formatting of the first run, if it has any; never the placeholder's grey.
fn first_run_properties(xml: &str) -> String {
    let Some(at) = xml.find("<w:r>").or_else(|| xml.find("<w:r ")) else { return String::new() };
    let run = &xml[at..];
    let inside = &run[run.find('>').map_or(0, |e| e + 1)..];
    if !inside.starts_with("<w:rPr>") {
        return String::new();
    }
    let properties = elements(inside, "<w:rPr>", "</w:rPr>").first().copied().unwrap_or("");
    properties
        .replace("<w:rStyle w:val=\"PlaceholderText\"/>", "")
        .replace("<w:rStyle w:val=\"PlaceholderText\" />", "")
}

/// A content control with its placeholder text replaced by `value`, no longer showing as a
/// placeholder.
fn filled_control(control: &str, value: &str) -> String {
    let Some(content_start) = control.find("<w:sdtContent>") else { return control.to_owned() };
    let Some(content_end) = control.rfind("</w:sdtContent>") else { return control.to_owned() };
    let head = control[..content_start].replacen("<w:showingPlcHdr/>", "", 1).replacen("<w:showingPlcHdr />", "", 1);
    let content = &control[content_start + "<w:sdtContent>".len()..content_end];
    let filled = if content.trim_start().starts_with("<w:p") {
        // A block control: its first paragraph, holding the value.
        let first = elements(content, "<w:p", "</w:p>").first().copied().unwrap_or("<w:p></w:p>");
        with_words(first, value)
    } else {
        // An inline control: one run, in its first run's formatting.
        let run_properties = first_run_properties(content);
        format!("<w:r>{run_properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(value))
    };
    format!("{head}<w:sdtContent>{filled}{}", &control[content_end..])
}

/// The template's root element with any namespace the report's body uses and it lacks.
fn with_namespaces(doc: &str, ours: &str) -> String {
    let (Some(root_at), Some(our_at)) = (doc.find("<w:document"), ours.find("<w:document")) else {
        return doc.to_owned();
    };
    let root_end = root_at + doc[root_at..].find('>').unwrap_or(0);
    let root = &doc[root_at..root_end];
    let our_root = &ours[our_at..our_at + ours[our_at..].find('>').unwrap_or(0)];
    let mut missing = String::new();
    for (at, _) in our_root.match_indices(" xmlns:") {
        let declaration = &our_root[at..];
        let Some(eq) = declaration.find('=') else { continue };
        let prefix = &declaration[..eq];
        let Some(value_end) = declaration[eq + 2..].find('"') else { continue };
        if !root.contains(&format!("{prefix}=")) {
            missing.push_str(&declaration[..eq + 2 + value_end + 1]);
        }
    }
    format!("{}{missing}{}", &doc[..root_end], &doc[root_end..])
}

/// The package: every template part in its order, copied as stored unless changed, then the
/// new parts.
fn write(
    template: &[u8],
    tpl: &Package,
    changed: &BTreeMap<String, Vec<u8>>,
    added: &[Part],
) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(template)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| format!("The Word file could not be put together ({e}).");
    for i in 0..archive.len() {
        let name = archive.by_index_raw(i).map_err(|e| fail(&e))?.name().to_owned();
        match changed.get(&name) {
            Some(bytes) => {
                out.start_file(name.as_str(), options).map_err(|e| fail(&e))?;
                out.write_all(bytes).map_err(|e| fail(&e))?;
            }
            None => {
                let file = archive.by_index_raw(i).map_err(|e| fail(&e))?;
                out.raw_copy_file(file).map_err(|e| fail(&e))?;
            }
        }
    }
    for (name, bytes) in changed.iter().filter(|(name, _)| tpl.get(name).is_none()) {
        out.start_file(name.as_str(), options).map_err(|e| fail(&e))?;
        out.write_all(bytes).map_err(|e| fail(&e))?;
    }
    for part in added {
        out.start_file(part.name.as_str(), options).map_err(|e| fail(&e))?;
        out.write_all(&part.bytes).map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_become_part_names() {
        for (folder, target, part) in [
            ("word", "header1.xml", "word/header1.xml"),
            ("word", "./footer2.xml", "word/footer2.xml"),
            ("word", "/word/header1.xml", "word/header1.xml"),
            ("word", "../customXml/item1.xml", "customXml/item1.xml"),
            ("", "word/document.xml", "word/document.xml"),
        ] {
            assert_eq!(join(folder, target), part, "{folder} + {target}");
        }
    }

    #[test]
    fn text_is_read_with_every_kind_of_reference() {
        assert_eq!(unescape("A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;"), "A&B <c> \"d\" 'e'");
        assert_eq!(unescape("1&#160;2&#x2013;3&#X2014;"), "1\u{a0}2\u{2013}3\u{2014}");
        assert_eq!(unescape("fish & chips &unknown; &#xZZ; &"), "fish & chips &unknown; &#xZZ; &");
    }

    #[test]
    fn placeholders_are_filled_where_they_stand() {
        let value = |name: &str| (name == "committee").then(|| "Schools & Families – Panel".to_owned());
        // Split over two runs, after a non-breaking space written as a reference, with an
        // unknown placeholder and a page number after it.
        let paragraph = "<w:p><w:r><w:t xml:space=\"preserve\">Café&#160;{{comm</w:t></w:r>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>ittee}} {{unknown}}</w:t></w:r><w:r><w:tab/></w:r>\
            <w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>";
        let filled = with_placeholders_filled(paragraph, value);
        assert_eq!(text_of(&filled), "Café\u{a0}Schools & Families – Panel {{unknown}}1", "{filled}");
        assert!(filled.contains("<w:tab/>") && filled.contains("<w:fldSimple w:instr=\" PAGE \">"));
        assert!(filled.contains("<w:rPr><w:b/></w:rPr>"), "the second run keeps its formatting: {filled}");
        assert_eq!(with_placeholders_filled(paragraph, |_| None), paragraph, "nothing known, nothing changed");
    }
}
