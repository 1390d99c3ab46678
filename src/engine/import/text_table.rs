//! Tables copied out of Word or a PDF, where columns are separated only by spaces and a row
//! label may itself hold spaces: "Senior Social Worker 4.00 0.00 0.00 4.00 4.00". The label is
//! the leading text and the figures are the trailing numbers. A label broken over two lines
//! ("Assistant Team" then "Manager 9.00 4.00 ...") is joined, and a leading paragraph number
//! ("8.15") is dropped.

use super::grid::GridRow;
use super::headings::{recognise, Heading, LONGEST_PHRASE};
use super::number::read_entry;

/// How far down to look for the heading line, past titles.
const HEADER_SEARCH_LINES: usize = 30;

/// Splits space-separated text into rows: the heading line as its headings, then for each
/// table row its label and figures. Lines before the heading line are kept as single cells.
///
/// ```
/// let rows = wrb::engine::import::text_table::split("Role Establishment In post\nSenior Social Worker 4.00 3.50\n");
/// assert_eq!(rows[0].cells, ["Role", "Establishment", "In post"]);
/// assert_eq!(rows[1].cells, ["Senior Social Worker", "4.00", "3.50"]);
/// ```
pub fn split(text: &str) -> Vec<GridRow> {
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).collect();
    let found = lines.iter().take(HEADER_SEARCH_LINES).enumerate().find_map(|(i, (_, l))| headings(l).map(|h| (i, h)));
    let Some((header_at, headings)) = found.or_else(|| general_headings(&lines)) else {
        if let Some(rows) = label_value_list(&lines) {
            return rows;
        }
        return lines
            .iter()
            .filter(|(_, l)| !l.is_empty())
            .map(|(n, l)| GridRow { line: *n, cells: vec![(*l).to_owned()] })
            .collect();
    };
    let columns = headings.len() - 1;
    let mut rows: Vec<GridRow> = lines[..header_at]
        .iter()
        .filter(|(_, l)| !l.is_empty())
        .map(|(n, l)| GridRow { line: *n, cells: vec![(*l).to_owned()] })
        .collect();
    rows.push(GridRow { line: lines[header_at].0, cells: headings });

    let mut pending_label: Option<String> = None;
    for &(line, text) in &lines[header_at + 1..] {
        if text.is_empty() {
            pending_label = None;
            continue;
        }
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let figures = tokens.iter().rev().take_while(|t| is_figure(t)).count().min(columns);
        if figures == 0 {
            // A sub-heading, a note, or the first half of a wrapped label: kept until we see which.
            pending_label = Some(tokens.join(" "));
            continue;
        }
        let mut label_tokens = &tokens[..tokens.len() - figures];
        if label_tokens.len() > 1 && is_paragraph_number(label_tokens[0]) {
            label_tokens = &label_tokens[1..];
        }
        let own_label = label_tokens.join(" ");
        let label = match pending_label.take() {
            Some(first_half) if own_label.is_empty() => first_half,
            Some(first_half) => format!("{first_half} {own_label}"),
            None => own_label,
        };
        let mut cells = vec![label];
        cells.extend(tokens[tokens.len() - figures..].iter().map(|t| (*t).to_owned()));
        rows.push(GridRow { line, cells });
    }
    rows
}

/// The headings of a heading line, first the label column's (possibly empty), if the line
/// names at least one figure column. Runs of two or more spaces separate columns where a PDF
/// kept them; otherwise known heading phrases are matched word by word, longest first.
fn headings(line: &str) -> Option<Vec<String>> {
    let wide: Vec<&str> = line.split("  ").map(str::trim).filter(|s| !s.is_empty()).collect();
    let segments: Vec<(String, Option<Heading>)> =
        if wide.len() >= 3 { wide.iter().map(|s| ((*s).to_owned(), recognise(s))).collect() } else { phrases(line) };
    let first_figure = segments.iter().position(|(_, h)| matches!(h, Some(Heading::Figure(_))))?;
    // A title such as "Table 2: Establishment at 31 March" names a figure too; a heading line is
    // mostly known headings after its first figure, and one with a single figure has no numbers.
    let after = &segments[first_figure..];
    let known = after.iter().filter(|(_, h)| h.is_some()).count();
    let figures = after.iter().filter(|(_, h)| matches!(h, Some(Heading::Figure(_)))).count();
    let unknown = after.len() - known;
    let has_digits = line.bytes().any(|b| b.is_ascii_digit());
    if !((figures >= 2 && unknown * 2 <= known) || (unknown == 0 && !has_digits)) {
        return None;
    }
    let label: Vec<&str> = segments[..first_figure].iter().map(|(s, _)| s.as_str()).collect();
    let mut cells = vec![label.join(" ")];
    cells.extend(segments[first_figure..].iter().map(|(s, _)| s.clone()));
    Some(cells)
}

/// Any other table: its rows are lines that end in figures after a label (or are all figures
/// after a year, for periods down the side), and its heading line is the line above the
/// first of them, split into a label heading and one heading a column of figures.
fn general_headings(lines: &[(usize, &str)]) -> Option<(usize, Vec<String>)> {
    // How many figures a line ends in after its label; a line of figures alone counts when its
    // first is a period (the label of a table with periods down the side).
    let figures_at_end = |l: &str| {
        let tokens: Vec<&str> = l.split_whitespace().collect();
        let n = tokens.iter().rev().take_while(|t| is_figure(t)).count();
        match tokens.first() {
            _ if n == 0 => 0,
            _ if n < tokens.len() => n,
            Some(first) if super::general::is_period(first) => n - 1,
            _ => 0,
        }
    };
    let first_data = lines.iter().take(HEADER_SEARCH_LINES + 1).position(|(_, l)| figures_at_end(l) > 0)?;
    let header_at = lines[..first_data].iter().rposition(|(_, l)| !l.is_empty())?;
    // The number of figure columns: the most common count among the lines of figures.
    let counts: Vec<usize> = lines[first_data..].iter().map(|(_, l)| figures_at_end(l)).filter(|&n| n > 0).collect();
    let columns =
        (1..=counts.iter().copied().max()?).max_by_key(|n| (counts.iter().filter(|c| *c == n).count(), *n))?;
    let header = lines[header_at].1;
    split_heading_line(header, columns).map(|cells| (header_at, cells))
}

/// A heading line cut into a label heading and `columns` headings: by runs of spaces where a
/// PDF kept them; by the periods at its end ("Measure 2021/22 2022/23"); one word a heading
/// when the count fits; else by capital letters, keeping "Days per FTE" together.
fn split_heading_line(line: &str, columns: usize) -> Option<Vec<String>> {
    let fit = |pieces: Vec<String>| -> Option<Vec<String>> {
        match pieces.len() {
            n if n == columns + 1 => Some(pieces),
            n if n == columns => Some(std::iter::once(String::new()).chain(pieces).collect()),
            _ => None,
        }
    };
    let wide: Vec<String> = line.split("  ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
    if wide.len() >= 2 {
        if let Some(cells) = fit(wide) {
            return Some(cells);
        }
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let periods = words.iter().rev().take_while(|w| super::general::is_period(w)).count();
    if periods >= columns && columns > 0 {
        let label = words[..words.len() - columns].join(" ");
        return Some(
            std::iter::once(label).chain(words[words.len() - columns..].iter().map(|w| (*w).to_owned())).collect(),
        );
    }
    if let Some(cells) = fit(words.iter().map(|w| (*w).to_owned()).collect()) {
        return Some(cells);
    }
    // "Directorate Days lost FTE Days per FTE": a heading starts at each capital, unless the
    // word before joins it on ("per", "of", "and").
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for word in &words {
        let joins = groups.last().and_then(|g| g.last()).is_some_and(|w| {
            matches!(
                crate::engine::case::lower(w).as_str(),
                "per" | "of" | "and" | "in" | "to" | "by" | "/" | "&" | "on" | "at" | "for"
            )
        });
        let starts =
            word.chars().next().is_some_and(|c| c.is_uppercase() || c == '£' || c == '%' || c.is_ascii_digit());
        match groups.last_mut() {
            Some(group) if joins || !starts => group.push(word),
            _ => groups.push(vec![word]),
        }
    }
    fit(groups.into_iter().map(|g| g.join(" ")).collect())
}

/// Lines of "label – figure" ("Vacancy rate – 12.3%", "Turnover: 14.2%"), two or more, read as
/// a table of two columns under the headings "Measure" and "Figure".
fn label_value_list(lines: &[(usize, &str)]) -> Option<Vec<GridRow>> {
    let pair = |l: &str| -> Option<(String, String)> {
        [" – ", " — ", " - ", ": ", " : "].iter().find_map(|sep| {
            let (label, value) = l.rsplit_once(sep)?;
            let value = value.trim();
            (read_entry(value).is_ok() || super::number::read_figure(value).is_ok())
                .then(|| (label.trim().to_owned(), value.to_owned()))
                .filter(|(label, _)| !label.is_empty())
        })
    };
    let filled: Vec<&(usize, &str)> = lines.iter().filter(|(_, l)| !l.is_empty()).collect();
    let pairs = filled.iter().filter(|(_, l)| pair(l).is_some()).count();
    if pairs < 2 || pairs * 2 < filled.len() {
        return None;
    }
    let first = filled.iter().position(|(_, l)| pair(l).is_some())?;
    let mut rows: Vec<GridRow> =
        filled[..first].iter().map(|(n, l)| GridRow { line: *n, cells: vec![(*l).to_owned()] }).collect();
    rows.push(GridRow { line: filled[first].0, cells: vec!["Measure".into(), "Figure".into()] });
    // The heading row is made up; the rows keep their own lines, one after it.
    rows.extend(
        filled[first..].iter().filter_map(|(n, l)| pair(l).map(|(a, b)| GridRow { line: *n, cells: vec![a, b] })),
    );
    Some(rows)
}

/// Words grouped into known heading phrases, longest match first; unknown words stand alone.
fn phrases(line: &str) -> Vec<(String, Option<Heading>)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = (1..=LONGEST_PHRASE.min(words.len() - i)).rev().find_map(|n| {
            let phrase = words[i..i + n].join(" ");
            recognise(&phrase).map(|h| (phrase, n, h))
        });
        match found {
            Some((phrase, n, heading)) => {
                out.push((phrase, Some(heading)));
                i += n;
            }
            None => {
                out.push((words[i].to_owned(), None));
                i += 1;
            }
        }
    }
    out
}

/// A token that belongs in a figure column: a number, or a dash or "n/a" standing for none.
fn is_figure(token: &str) -> bool {
    let no_value_mark = matches!(token, "-" | "–" | "—" | "n/a" | "N/A");
    (no_value_mark || token.bytes().any(|b| b.is_ascii_digit())) && read_entry(token).is_ok()
}

/// "8.15" or "8.15." at the start of a line: a paragraph number, not part of the label.
fn is_paragraph_number(token: &str) -> bool {
    let token = token.trim_end_matches('.');
    let mut parts = token.split('.');
    parts.clone().count() >= 2 && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        split(text).into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn word_and_pdf_tables_are_read() {
        let cases: &[(&str, &str, &[&[&str]])] = &[
            (
                "single spaces, labels with spaces",
                "Role Establishment Permanent Agency Vacant (Over)/under establishment\n\
                 Senior Social Worker 4.00 0.00 0.00 4.00 4.00\nSocial Worker 10.00 7.00 2.00 3.00 1.00\n",
                &[
                    &["Role", "Establishment", "Permanent", "Agency", "Vacant", "(Over)/under establishment"],
                    &["Senior Social Worker", "4.00", "0.00", "0.00", "4.00", "4.00"],
                    &["Social Worker", "10.00", "7.00", "2.00", "3.00", "1.00"],
                ],
            ),
            (
                "runs of spaces from a PDF",
                "Post      Establishment   In post   Agency\nTeam Manager    9.00    4.00    (1.00)\n",
                &[&["Post", "Establishment", "In post", "Agency"], &["Team Manager", "9.00", "4.00", "(1.00)"]],
            ),
            (
                "a label wrapped over two lines, title above, paragraph numbers",
                "Table 2: Establishment at 31 March\n\nRole Establishment Permanent\nAssistant Team\nManager 9.00 4.00\n8.15 Social Worker 1,010.00 −2\n",
                &[
                    &["Table 2: Establishment at 31 March"],
                    &["Role", "Establishment", "Permanent"],
                    &["Assistant Team Manager", "9.00", "4.00"],
                    &["Social Worker", "1,010.00", "−2"],
                ],
            ),
            (
                "no role heading, rate columns beside",
                "Establishment Permanent Vacancy rate\nSocial Worker 10 8 20.0%\n",
                &[&["", "Establishment", "Permanent", "Vacancy rate"], &["Social Worker", "10", "8", "20.0%"]],
            ),
            (
                "figures on the line after the label",
                "Role Establishment Permanent\nIndependent Reviewing Officer\n6.00 5.00\n",
                &[&["Role", "Establishment", "Permanent"], &["Independent Reviewing Officer", "6.00", "5.00"]],
            ),
        ];
        for (what, text, expected) in cases {
            assert_eq!(cells(text), *expected, "{what}");
        }
    }

    #[test]
    fn paragraph_numbers_are_recognised() {
        assert!(is_paragraph_number("8.15"));
        assert!(is_paragraph_number("8.15."));
        assert!(!is_paragraph_number("8"));
        assert!(!is_paragraph_number("4.00a"));
        assert!(!is_paragraph_number("Team"));
    }
}
