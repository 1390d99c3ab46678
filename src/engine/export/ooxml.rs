//! WordprocessingML in the order the schema asks. docx-rs writes some properties in an order
//! of its own (`<w:rPr>` before `<w:pStyle>` in a paragraph's properties, `<w:sz>` before
//! `<w:rFonts>`, `<w:numId>` before `<w:ilvl>`), and a width type on grid columns, which the
//! schema does not have. Word opens such files, but a validator (and a stricter reader) does
//! not accept them. This pass puts each property element's children in the order of
//! ECMA-376's `wml.xsd` and drops what the schema does not declare, touching nothing else.

/// Children of each property element, in the schema's sequence. Elements not listed keep
/// their place after the listed ones.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    ("w:numPr", &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"]),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:tcBorders",
        &["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right", "w:insideH", "w:insideV", "w:tl2br", "w:tr2bl"],
    ),
    ("w:tblBorders", &["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right", "w:insideH", "w:insideV"]),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
    ("w:abstractNum", &["w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", "w:lvl"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
];

/// One piece of the XML: an element with its children, or anything else as written.
enum Node<'a> {
    Element { name: &'a str, open: &'a str, children: Vec<Node<'a>>, close: &'a str },
    Empty { name: &'a str, tag: &'a str },
    Other(&'a str),
}

impl Node<'_> {
    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { name, .. } | Node::Empty { name, .. } => Some(name),
            Node::Other(_) => None,
        }
    }
}

/// The XML with every property element's children in the schema's order.
pub fn in_schema_order(xml: &str) -> String {
    let mut at = 0;
    let nodes = parse(xml, &mut at, None);
    let mut out = String::with_capacity(xml.len());
    write(&nodes, None, None, &mut out);
    out
}

/// The element name in a tag: `<w:pPr>` or `<w:pPr w:x="1"/>` gives `w:pPr`.
fn tag_name(tag: &str) -> &str {
    let inner = tag.trim_start_matches(['<', '/']);
    let end = inner.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(inner.len());
    &inner[..end]
}

fn parse<'a>(xml: &'a str, at: &mut usize, closing: Option<&str>) -> Vec<Node<'a>> {
    let mut nodes = Vec::new();
    while *at < xml.len() {
        let rest = &xml[*at..];
        let Some(lt) = rest.find('<') else {
            nodes.push(Node::Other(rest));
            *at = xml.len();
            break;
        };
        if lt > 0 {
            nodes.push(Node::Other(&rest[..lt]));
            *at += lt;
            continue;
        }
        let Some(gt) = rest.find('>') else {
            nodes.push(Node::Other(rest));
            *at = xml.len();
            break;
        };
        let tag = &rest[..=gt];
        *at += gt + 1;
        if tag.starts_with("</") {
            if closing == Some(tag_name(tag)) {
                // The caller writes the closing tag.
                *at -= gt + 1;
                return nodes;
            }
            nodes.push(Node::Other(tag));
        } else if tag.starts_with("<?") || tag.starts_with("<!") {
            nodes.push(Node::Other(tag));
        } else if tag.ends_with("/>") {
            nodes.push(Node::Empty { name: tag_name(tag), tag });
        } else {
            let name = tag_name(tag);
            let children = parse(xml, at, Some(name));
            let close_len = xml[*at..].find('>').map_or(0, |e| e + 1);
            let close = &xml[*at..*at + close_len];
            *at += close_len;
            nodes.push(Node::Element { name, open: tag, children, close });
        }
    }
    nodes
}

/// Writes `nodes`, the children of `parent`, itself a child of `grandparent`.
fn write(nodes: &[Node<'_>], parent: Option<&str>, grandparent: Option<&str>, out: &mut String) {
    let order = parent.and_then(|p| ORDERS.iter().find(|(name, _)| *name == p)).map(|(_, order)| *order);
    // Only a paragraph's own properties may hold run properties (for its mark); a style's,
    // the defaults' and a list level's may not. docx-rs writes an empty one in each.
    let run_properties_allowed = parent != Some("w:pPr") || grandparent == Some("w:p");
    let mut ranked: Vec<(usize, &Node<'_>)> = nodes
        .iter()
        .map(|n| {
            let rank = match (order, n.name()) {
                (Some(order), Some(name)) => order.iter().position(|o| *o == name).unwrap_or(order.len()),
                _ => 0,
            };
            (rank, n)
        })
        .collect();
    if order.is_some() {
        ranked.sort_by_key(|(rank, _)| *rank);
    }
    for (_, node) in ranked {
        match node {
            Node::Empty { name: "w:rPr", .. } if !run_properties_allowed => {}
            Node::Element { name, open, children, close } => {
                out.push_str(open);
                write(children, Some(name), parent, out);
                out.push_str(close);
            }
            // A grid column's width is in twips, with no type.
            Node::Empty { name: "w:gridCol", tag } => match tag.find(" w:type=\"") {
                Some(at) => {
                    let end = tag[at + 9..].find('"').map_or(tag.len(), |e| at + 9 + e + 1);
                    out.push_str(&tag[..at]);
                    out.push_str(&tag[end..]);
                }
                None => out.push_str(tag),
            },
            Node::Empty { tag, .. } => out.push_str(tag),
            Node::Other(text) => out.push_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::in_schema_order;

    #[test]
    fn properties_go_in_the_schema_s_order_and_the_rest_stays() {
        let cases = [
            (
                "<w:p><w:pPr><w:rPr /><w:pStyle w:val=\"H\" /><w:numPr><w:numId w:val=\"3\" /><w:ilvl w:val=\"1\" /></w:numPr><w:jc w:val=\"left\" /><w:ind w:left=\"1\" /></w:pPr><w:r><w:rPr><w:sz w:val=\"2\" /><w:rFonts w:ascii=\"A\" /><w:b /></w:rPr><w:t xml:space=\"preserve\">a &lt; b</w:t></w:r></w:p>",
                "<w:p><w:pPr><w:pStyle w:val=\"H\" /><w:numPr><w:ilvl w:val=\"1\" /><w:numId w:val=\"3\" /></w:numPr><w:ind w:left=\"1\" /><w:jc w:val=\"left\" /><w:rPr /></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"A\" /><w:b /><w:sz w:val=\"2\" /></w:rPr><w:t xml:space=\"preserve\">a &lt; b</w:t></w:r></w:p>",
            ),
            (
                "<w:tblPr><w:tblInd w:w=\"851\" w:type=\"dxa\" /><w:tblW w:w=\"8787\" w:type=\"dxa\" /></w:tblPr><w:tblGrid><w:gridCol w:w=\"2636\" w:type=\"dxa\" /></w:tblGrid>",
                "<w:tblPr><w:tblW w:w=\"8787\" w:type=\"dxa\" /><w:tblInd w:w=\"851\" w:type=\"dxa\" /></w:tblPr><w:tblGrid><w:gridCol w:w=\"2636\" /></w:tblGrid>",
            ),
            ("<?xml version=\"1.0\"?><w:document><w:body></w:body></w:document>", "<?xml version=\"1.0\"?><w:document><w:body></w:body></w:document>"),
        ];
        for (xml, expected) in cases {
            assert_eq!(in_schema_order(xml), expected);
        }
    }
}
