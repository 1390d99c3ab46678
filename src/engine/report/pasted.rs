//! Text pasted into a paragraph of the report, read as the paragraph's own words: what Word,
//! a web page or an email puts on the clipboard as HTML keeps its bold and italic words and its
//! lines (paragraphs, list items, line breaks), and nothing else: fonts, colours, sizes, links,
//! comments and style sheets are left behind. Braces in the words are doubled, so they stay
//! words and never become live figures.
//!
//! A small reader of its own rather than the browser's: the browser's parser reports every
//! inline style it meets against the page's Content-Security-Policy, and this needs none of
//! what it builds. It runs anywhere, so it is tested natively.

/// The pasted HTML's lines, each as saved words with `{b}`/`{i}` marks, without bullet
/// characters and with white space run together. Empty when it holds no words.
pub fn lines_from_html(html: &str) -> Vec<String> {
    let mut reader = Reader::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        reader.text(&rest[..open]);
        let after = &rest[open..];
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(close) = after.find('>') else {
            reader.text(after);
            rest = "";
            break;
        };
        let tag = &after[1..close];
        rest = &after[close + 1..];
        let name = tag_name(tag);
        // What holds no words for the page: skipped whole, up to its closing tag.
        if matches!(name.as_str(), "style" | "script" | "title" | "head" | "template") && !tag.starts_with('/') {
            let end = format!("</{name}");
            rest = find_ignoring_case(rest, &end).map_or("", |at| &rest[at..]);
            rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
            continue;
        }
        reader.tag(tag, &name);
    }
    reader.text(rest);
    reader.finish()
}

/// Plain text pasted: its lines, without bullet characters, as words.
pub fn lines_from_text(text: &str) -> Vec<String> {
    text.lines().map(|l| words(&doubled(l))).filter(|l| !l.is_empty()).collect()
}

/// Pasted words put between the words before and after the cursor, spaced as Word's smart
/// paste does: a space where words would otherwise run together ("care.Recruitment"), none
/// before punctuation or inside brackets. All three are words as saved.
pub fn joined(before: &str, pasted: &str, after: &str) -> String {
    let last = |words: &str| unmarked(words).chars().next_back();
    let first = |words: &str| unmarked(words).chars().next();
    let opens = |c: char| c.is_whitespace() || "([“‘/-£".contains(c);
    let closes = |c: char| c.is_whitespace() || ".,;:!?)]”’%".contains(c);
    let gap_before = matches!((last(before), first(pasted)), (Some(b), Some(p)) if !opens(b) && !closes(p));
    let gap_after = matches!((last(pasted), first(after)), (Some(p), Some(a)) if !opens(p) && !closes(a));
    format!("{before}{}{pasted}{}{after}", if gap_before { " " } else { "" }, if gap_after { " " } else { "" })
}

/// Words as saved, as they show: bold and italic marks off, doubled braces single.
pub fn unmarked(words: &str) -> String {
    let mut shown = words.to_owned();
    for mark in ["{b}", "{/b}", "{i}", "{/i}"] {
        shown = shown.replace(mark, "");
    }
    shown.replace("{{", "{").replace("}}", "}")
}

#[derive(Default)]
struct Reader {
    lines: Vec<String>,
    line: String,
    /// Open elements that made their words bold or italic, innermost last: (tag, bold, italic).
    open: Vec<(String, bool, bool)>,
}

impl Reader {
    fn styled(&self) -> (bool, bool) {
        self.open.iter().fold((false, false), |(b, i), (_, bold, italic)| (b || *bold, i || *italic))
    }

    fn text(&mut self, raw: &str) {
        let text = doubled(&entities(raw));
        if text.trim().is_empty() {
            if !text.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            return;
        }
        let (bold, italic) = self.styled();
        let marks = |on: bool, mark: &str| if on { mark.to_owned() } else { String::new() };
        self.line.push_str(&format!(
            "{}{}{text}{}{}",
            marks(bold, "{b}"),
            marks(italic, "{i}"),
            marks(italic, "{/i}"),
            marks(bold, "{/b}")
        ));
    }

    fn tag(&mut self, tag: &str, name: &str) {
        if matches!(name, "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            self.end_line();
        }
        if let Some(closing) = tag.strip_prefix('/') {
            let closing = tag_name(closing);
            if let Some(at) = self.open.iter().rposition(|(open, ..)| *open == closing) {
                self.open.truncate(at);
            }
            return;
        }
        let (bold, italic) = emphasis(tag, name);
        if (bold || italic) && !tag.ends_with('/') {
            self.open.push((name.to_owned(), bold, italic));
        } else if matches!(name, "span" | "b" | "strong" | "i" | "em" | "font") && !tag.ends_with('/') {
            // A span that says "normal" still closes later: keep its place, styling nothing.
            self.open.push((name.to_owned(), false, false));
        }
    }

    fn end_line(&mut self) {
        let line = words(&std::mem::take(&mut self.line));
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.end_line();
        self.lines
    }
}

/// Whether an element makes its words bold or italic: `<b>`, `<strong>`, `<i>`, `<em>`, or a
/// style that says so. Word and Google Docs write both; Docs wraps a whole paste in a `<b>`
/// whose style says normal weight.
fn emphasis(tag: &str, name: &str) -> (bool, bool) {
    let lower = tag.to_ascii_lowercase();
    let style = lower.split("style=").nth(1).unwrap_or("").replace(' ', "");
    let weight = style.split([';', '"', '\'']).find_map(|d| d.strip_prefix("font-weight:"));
    let heavy = |w: &str| w == "bold" || w == "bolder" || w.parse::<u32>().is_ok_and(|n| n >= 600);
    let bold = match weight {
        Some(w) => heavy(w),
        None => matches!(name, "b" | "strong"),
    };
    let italic = style.contains("font-style:italic") || matches!(name, "i" | "em");
    (bold, italic)
}

fn tag_name(tag: &str) -> String {
    let tag = tag.trim_start_matches('/');
    let end = tag.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(tag.len());
    tag[..end].to_ascii_lowercase()
}

fn find_ignoring_case(text: &str, wanted: &str) -> Option<usize> {
    text.to_ascii_lowercase().find(wanted)
}

/// White space run together, bullet characters and empty marks taken off. "-", "*", "o" and
/// "§" are bullets only with a space after them (Word's list symbols in plain fonts): "-5%"
/// keeps its sign.
fn words(line: &str) -> String {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = line.replace("{b}{/b}", "").replace("{i}{/i}", "").replace("{/b}{b}", "").replace("{/i}{i}", "");
    let mut bare = line.trim_start_matches(['•', '·', '▪', '◦']).trim_start();
    for marker in ["- ", "* ", "o ", "§ "] {
        if let Some(after) = bare.strip_prefix(marker) {
            bare = after;
            break;
        }
    }
    bare.trim().to_owned()
}

fn doubled(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The character references Word and browsers write; any other is left as written. A no-break
/// space becomes a space: pasted words wrap as the report's do.
fn entities(text: &str) -> String {
    let named = |name: &str| match name {
        "nbsp" => Some(' '),
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "pound" => Some('£'),
        "euro" => Some('€'),
        _ => None,
    };
    references(text, named).replace('\u{a0}', " ")
}

/// Text with its character references decoded: the names `named` knows, and numeric ones
/// (`&#160;`, `&#x2013;`). Anything else that starts with `&` is left as written. Shared by
/// pasted HTML and the Word template's XML, which differ only in the names they have.
pub fn references(text: &str, named: impl Fn(&str) -> Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &after[..e] {
            code if code.starts_with("#x") || code.starts_with("#X") => {
                u32::from_str_radix(&code[2..], 16).ok().and_then(char::from_u32)
            }
            code if code.starts_with('#') => code[1..].parse().ok().and_then(char::from_u32),
            name => named(name),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_html_keeps_bold_italic_and_lines_and_nothing_else() {
        let word = "<html><head><style>p.MsoNormal{font-family:Calibri}</style><title>x</title></head><body>\
            <!--StartFragment--><p class=MsoNormal><span style='font-size:14pt;color:#C00000'>Recruitment&nbsp;is </span>\
            <b><span style='font-family:Arial'>our first priority</span></b><span> and <i>retention</i> the {second}.</span></p>\
            <p class=MsoListParagraph><span style='font-family:Symbol'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>\
            caseloads &amp; <a href='https://example.org'>sickness</a></p><!--EndFragment--></body></html>";
        assert_eq!(
            lines_from_html(word),
            ["Recruitment is {b}our first priority{/b} and {i}retention{/i} the {{second}}.", "caseloads & sickness"]
        );
    }

    #[test]
    fn styles_and_lists_from_web_pages_and_google_docs() {
        // Google Docs: a whole paste in a <b> of normal weight, bold and italic as styles.
        let docs = "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p><span style=\"font-weight:700\">Bold</span> \
            <span style=\"font-style:italic\">slanted</span> plain</p></b>";
        assert_eq!(lines_from_html(docs), ["{b}Bold{/b} {i}slanted{/i} plain"]);
        let list = "<ul><li style=\"color:red\">caseloads</li><li><strong>sickness</strong></li><li>-5% change</li></ul>x<br>y";
        assert_eq!(lines_from_html(list), ["caseloads", "{b}sickness{/b}", "-5% change", "x", "y"]);
        assert!(lines_from_html("<p> </p><!-- only a comment -->").is_empty());
        // Broken markup is read as far as it goes, never lost.
        assert_eq!(lines_from_html("a <b>bold and 3 < 4"), ["a {b}bold and 3 < 4{/b}"]);
        assert_eq!(lines_from_html("&#163;1,200 &#x2014; &bogus; &amp"), ["£1,200 — &bogus; &amp"]);
    }

    #[test]
    fn pasted_words_are_spaced_from_their_neighbours_as_word_does() {
        assert_eq!(joined("social care.", "Recruitment is {b}key{/b}", ""), "social care. Recruitment is {b}key{/b}");
        assert_eq!(joined("The ", "rate", " fell."), "The rate fell.");
        assert_eq!(joined("The", "rate", "fell"), "The rate fell");
        assert_eq!(joined("costs (", "agency", ") rose"), "costs (agency) rose");
        assert_eq!(joined("{b}Rate{/b}", ", as planned", ""), "{b}Rate{/b}, as planned");
        assert_eq!(joined("", "Words", ""), "Words");
        assert_eq!(joined("at {vacancy rate}", "today", ""), "at {vacancy rate} today");
    }

    #[test]
    fn plain_text_lines_lose_their_bullets_not_their_signs() {
        assert_eq!(
            lines_from_text("• caseloads\r\n- sickness\n\n-5% change\no overtime\n{x}"),
            ["caseloads", "sickness", "-5% change", "overtime", "{{x}}"]
        );
    }
}
