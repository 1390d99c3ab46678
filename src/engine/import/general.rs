//! Reading a general table out of rows: find the heading row, tell the label column from the
//! measures, give each measure its unit from its heading and cells, and read every figure as
//! published tables write it ("7.35 days", "£1.8m", "12.3¹"). Anything with a heading row and
//! figures reads; the richer kinds are read by readers of their own first.

use super::grid::GridRow;
use super::headings::key;
use super::number::{read_figure, Figure};
use super::{Problem, ProblemKind};
use crate::engine::model::{Cell, Column, ColumnMapping, ColumnUse, Entry, GeneralTable, Layout, NoValue, Row, Unit};

/// How far down to look for the heading row, past titles and notes.
const HEADER_SEARCH_ROWS: usize = 30;
/// How many rows under the headings are looked at to judge a column.
const SAMPLE_ROWS: usize = 60;

/// Guesses which column holds the labels and which hold measures, and each measure's unit.
pub fn guess_general(rows: &[GridRow]) -> Result<ColumnMapping, Vec<Problem>> {
    if rows.iter().all(GridRow::is_blank) {
        return Err(vec![Problem::whole(ProblemKind::EmptyTable(crate::engine::model::TableKind::Unknown))]);
    }
    let Some(index) = find_header(rows) else {
        return Err(vec![Problem::whole(ProblemKind::NoHeadingRow)]);
    };
    let header = &rows[index];
    let below: Vec<&GridRow> = rows[index + 1..].iter().filter(|r| !r.is_blank()).take(SAMPLE_ROWS).collect();
    let width = below.iter().map(|r| r.cells.len()).chain([header.cells.len()]).max().unwrap_or(0);
    let columns: Vec<ColumnSample> = (0..width).map(|c| ColumnSample::of(header, &below, c)).collect();
    let Some(label) = label_column(&columns) else {
        return Err(vec![Problem::row(header.line, ProblemKind::NoLabelColumn)]);
    };
    let mut uses = vec![ColumnUse::NotUsed; width];
    uses[label] = if columns[label].periods { ColumnUse::Period } else { ColumnUse::Role };
    for (c, sample) in columns.iter().enumerate().skip(label + 1) {
        uses[c] = sample.guess();
    }
    if !uses.iter().any(|u| matches!(u, ColumnUse::Measure(unit) if unit.is_figure())) {
        return Err(vec![Problem::row(header.line, ProblemKind::NoFiguresUnderHeadings)]);
    }
    Ok(ColumnMapping { header_line: header.line, columns: uses })
}

/// What one column's heading and cells say about it.
struct ColumnSample {
    heading: String,
    figures: usize,
    words: usize,
    /// Units the cells wrote, and how many wrote each.
    cell_units: Vec<(Unit, usize)>,
    all_whole: bool,
    /// The heading, or else most cells, name periods.
    periods: bool,
    dates: usize,
}

impl ColumnSample {
    fn of(header: &GridRow, below: &[&GridRow], c: usize) -> ColumnSample {
        let heading = header.cells.get(c).map(|h| h.trim().to_owned()).unwrap_or_default();
        let mut sample = ColumnSample {
            periods: is_period_heading(&heading),
            heading,
            figures: 0,
            words: 0,
            cell_units: Vec::new(),
            all_whole: true,
            dates: 0,
        };
        let mut period_cells = 0;
        for row in below.iter().filter(|r| !is_total_label(first_text(r))) {
            let Some(cell) = row.cells.get(c).map(|s| s.trim()).filter(|s| !s.is_empty()) else { continue };
            if is_period(cell) {
                period_cells += 1;
            }
            if is_date(cell) {
                sample.dates += 1;
            }
            match read_figure(cell) {
                Ok(Figure { entry, unit, places, .. }) => {
                    sample.figures += 1;
                    if let Some(unit) = unit {
                        match sample.cell_units.iter_mut().find(|(u, _)| *u == unit) {
                            Some((_, n)) => *n += 1,
                            None => sample.cell_units.push((unit, 1)),
                        }
                    }
                    sample.all_whole &= places == 0 && !matches!(entry, Entry::Number(v) if v.fract() != 0.0);
                }
                Err(_) => sample.words += 1,
            }
        }
        let filled = sample.figures + sample.words;
        sample.periods |= filled > 0 && period_cells * 2 > filled;
        sample
    }

    fn mostly_words(&self) -> bool {
        self.words > 0 && self.words >= self.figures
    }

    fn guess(&self) -> ColumnUse {
        let filled = self.figures + self.words;
        if filled == 0 {
            return if self.heading.is_empty() { ColumnUse::NotUsed } else { ColumnUse::Measure(self.unit()) };
        }
        if self.dates * 2 > filled {
            return ColumnUse::Measure(Unit::Date);
        }
        if self.mostly_words() {
            return if self.heading.is_empty() { ColumnUse::NotUsed } else { ColumnUse::Measure(Unit::Text) };
        }
        if is_index_heading(&self.heading) && self.all_whole {
            return ColumnUse::NotUsed;
        }
        ColumnUse::Measure(self.unit())
    }

    /// The unit the cells write most, else the one the heading names, else a count or a number.
    /// A unit written on only some cells and no other ("£12,400" over plain figures, as
    /// accounts print the first row) is the column's.
    fn unit(&self) -> Unit {
        let only_one = self.cell_units.len() == 1;
        let written =
            self.cell_units.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| only_one || n * 2 >= self.figures.max(1));
        written
            .map(|(u, _)| *u)
            .or_else(|| unit_named(&self.heading))
            .unwrap_or(if self.all_whole && self.figures > 0 { Unit::Headcount } else { Unit::Number })
    }
}

/// The label column: the first whose cells are mostly words, or else a first column of
/// periods (years written as plain numbers: 2022, 2023).
fn label_column(columns: &[ColumnSample]) -> Option<usize> {
    let words = columns.iter().position(|c| c.mostly_words());
    let first_figures = columns.iter().position(|c| c.figures > 0 && !c.mostly_words());
    match (words, first_figures) {
        (Some(w), Some(f)) if w < f => Some(w),
        (_, Some(_)) if columns.first().is_some_and(|c| c.periods) => Some(0),
        (Some(w), None) => Some(w),
        (Some(w), Some(_)) if columns.iter().skip(w + 1).any(|c| c.figures > 0 && !c.mostly_words()) => Some(w),
        _ => None,
    }
}

/// The first row with two or more cells, over rows with figures under at least one of its
/// headings, whose own cells are headings rather than figures (periods count as headings).
fn find_header(rows: &[GridRow]) -> Option<usize> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(i, row)| {
        let filled: Vec<usize> = (0..row.cells.len()).filter(|&c| !row.cells[c].trim().is_empty()).collect();
        if filled.len() < 2 {
            return None;
        }
        // A few rows down, past a sub-heading or a row that did not copy well.
        let next: Vec<&GridRow> = rows[i + 1..].iter().filter(|r| !r.is_blank()).take(3).collect();
        let figure_under = |c: usize| {
            next.iter().any(|r| {
                r.cells
                    .get(c)
                    .is_some_and(|cell| matches!(read_figure(cell), Ok(Figure { entry: Entry::Number(_), .. })))
            })
        };
        let widest = next.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let headed_figures = (1..row.cells.len().max(widest)).filter(|&c| figure_under(c)).count();
        let heading_like = filled.iter().skip(1).all(|&c| {
            let cell = row.cells[c].trim();
            read_figure(cell).is_err() || is_period(cell)
        });
        (headed_figures > 0 && heading_like).then_some(i)
    })
}

/// Reads the rows under the mapping's heading row as a general table.
pub fn read_general(
    rows: &[GridRow],
    mapping: &ColumnMapping,
    skip_unreadable: bool,
) -> Result<GeneralTable, Vec<Problem>> {
    let header_index = rows
        .iter()
        .position(|r| r.line == mapping.header_line)
        .ok_or_else(|| vec![Problem::row(mapping.header_line, ProblemKind::HeaderRowGone)])?;
    let header = &rows[header_index];
    let labels: Vec<usize> = (0..mapping.columns.len())
        .filter(|&c| matches!(mapping.columns[c], ColumnUse::Role | ColumnUse::Period))
        .collect();
    let label = match labels.as_slice() {
        [one] => *one,
        _ => return Err(vec![Problem::row(header.line, ProblemKind::RoleColumns { chosen: labels.len() })]),
    };
    let heading = |c: usize| header.cells.get(c).map(|h| h.trim().to_owned()).unwrap_or_default();
    // Once, not for every row: it is named only in a row's problems.
    let label_heading = heading(label);
    let mut notes = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    let mut scales = Vec::new();
    for (c, use_) in mapping.columns.iter().enumerate() {
        let ColumnUse::Measure(unit) = *use_ else { continue };
        let (name, scale) = money_scale(&heading(c));
        if scale != 1.0 && unit == Unit::Money {
            notes.push(format!(
                "{} was given in {}; its figures are shown in pounds.",
                quote(&heading(c)),
                scale_name(scale)
            ));
        }
        scales.push(if unit == Unit::Money { scale } else { 1.0 });
        let name = if name.is_empty() { format!("Column {}", c + 1) } else { name };
        columns.push(Column { is_total: is_total_heading(&name), heading: name, unit, source: c });
    }
    if !columns.iter().any(|c| c.unit.is_figure()) {
        return Err(vec![Problem::row(header.line, ProblemKind::NoFigureColumns)]);
    }
    let periods_across = columns.iter().filter(|c| is_period(&c.heading)).count();
    let layout = if mapping.columns[label] == ColumnUse::Period {
        Layout::PeriodsDown
    } else if periods_across >= 2 && periods_across * 2 > columns.len() {
        Layout::PeriodsAcross
    } else {
        Layout::Categories
    };

    let mut table = GeneralTable {
        title: None,
        titled_period: None,
        label_heading: label_heading.clone(),
        layout,
        columns,
        rows: Vec::new(),
        total: None,
        notes,
    };
    (table.title, table.titled_period) = title_above(&rows[..header_index]);
    let (mut problems, mut skipped) = (Vec::new(), Vec::new());
    let mut footnotes: Vec<String> = Vec::new();
    for row in &rows[header_index + 1..] {
        let text = |c: usize| row.cells.get(c).map(|s| s.trim()).unwrap_or("");
        let label_text = tidy_label(text(label));
        let figure_cells = table.columns.iter().filter(|c| c.unit.is_figure());
        if figure_cells.clone().all(|c| text(c.source).is_empty()) {
            if let Some(problem) = figure_in_label(&label_text, row.line, label, &label_heading) {
                problems.push(problem);
                continue;
            }
            if !label_text.is_empty()
                && table.columns.iter().all(|c| text(c.source).is_empty())
                && !table.rows.is_empty()
            {
                table.notes.push(format!(
                    "Row {} ({}) has no figures and was taken as a sub-heading.",
                    row.line,
                    quote(&label_text)
                ));
            }
            continue;
        }
        let mut row_problems = Vec::new();
        if label_text.is_empty() {
            row_problems.push(Problem::at(row.line, label, &label_heading, ProblemKind::NoRoleName));
        }
        let row_unit = (layout == Layout::PeriodsAcross).then(|| unit_named(&label_text)).flatten();
        let mut cells = Vec::with_capacity(table.columns.len());
        for (column, scale) in table.columns.iter().zip(&scales) {
            let written = text(column.source);
            if !column.unit.is_figure() {
                cells.push(Cell {
                    entry: Entry::NoValue(NoValue::Blank),
                    unit: column.unit,
                    places: 0,
                    written: written.to_owned(),
                });
                continue;
            }
            match read_figure(written) {
                Ok(figure) => {
                    if let Some(note) = &figure.note {
                        let said = format!("{} in row {}", quote(written), row.line);
                        if footnotes.len() < 5 && !note.is_empty() {
                            footnotes.push(said);
                        }
                    }
                    let unit = figure.unit.or(row_unit).unwrap_or(column.unit);
                    let entry = match figure.entry {
                        Entry::Number(v) => Entry::Number(v * scale),
                        other => other,
                    };
                    cells.push(Cell { entry, unit, places: figure.places, written: written.to_owned() });
                }
                Err(_) => row_problems.push(Problem::at(
                    row.line,
                    column.source,
                    &column.heading,
                    ProblemKind::NotANumber { cell: written.to_owned() },
                )),
            }
        }
        row_problems.extend(run_together(&label_text, &cells, row.line, label, &label_heading));
        if !row_problems.is_empty() {
            if skip_unreadable {
                skipped.extend(row_problems);
            } else {
                problems.extend(row_problems);
            }
            continue;
        }
        let read = Row { label: label_text, line: row.line, cells };
        if is_total_label(&read.label) && table.total.is_none() {
            table.total = Some(read);
        } else {
            table.rows.push(read);
        }
    }
    if !footnotes.is_empty() {
        table.notes.push(format!(
            "Footnote marks were set aside from the figures ({}): see the source for what they mean.",
            footnotes.join("; ")
        ));
    }
    if !skipped.is_empty() {
        let said: Vec<String> = skipped.iter().map(ToString::to_string).collect();
        table.notes.push(format!("Left out, as they could not be read: {}", said.join("; ")));
    }
    if problems.is_empty() && table.rows.is_empty() {
        problems.push(Problem::row(header.line, ProblemKind::NoRows));
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

/// Cells that ran together when the table was copied: "Under 256.5%" read as the label
/// "Under" and 256.5%, where the source had "Under 25" and 6.5%. Refused, never guessed.
fn run_together(label: &str, cells: &[Cell], line: usize, column: usize, heading: &str) -> Option<Problem> {
    let first = cells.iter().find(|c| !c.written.is_empty())?;
    label_unfinished(label).then(|| {
        Problem::at(line, column, heading, ProblemKind::RunTogether { cell: format!("{label} {}", first.written) })
    })
}

/// A label that stops where a number should follow: "Under", "Aged", "25 to", "16-".
/// ("55 and over" and "65 and under" are whole labels.)
fn label_unfinished(label: &str) -> bool {
    // Most labels are ASCII: compared as they are, rather than lowercased into a new string
    // for every row of a long table.
    if label.is_ascii() {
        let last = label.rsplit(' ').next().unwrap_or("");
        let is = |text: &str, words: &[&str]| words.iter().any(|w| text.eq_ignore_ascii_case(w));
        return label.ends_with('-')
            || is(last, &["to", "and", "from", "aged"])
            || is(label, &["under", "over", "aged", "age"]);
    }
    let lower = crate::engine::case::lower(label);
    let last = lower.rsplit(' ').next().unwrap_or("");
    lower.ends_with(['-', '–'])
        || matches!(last, "to" | "and" | "from" | "aged")
        || matches!(lower.as_str(), "under" | "over" | "aged" | "age")
}

/// A row whose figures are all in its label cell ("Under 256.5%" with nothing beside it): the
/// tab between them was lost. Only a figure with a decimal point or a unit counts, so a
/// sub-heading such as "Team 2" is not taken for one.
fn figure_in_label(label: &str, line: usize, column: usize, heading: &str) -> Option<Problem> {
    let (_, last) = label.rsplit_once(' ')?;
    let figure = read_figure(last).ok()?;
    let marked = figure.unit.is_some() || figure.places > 0;
    (matches!(figure.entry, Entry::Number(_)) && marked)
        .then(|| Problem::at(line, column, heading, ProblemKind::RunTogether { cell: label.to_owned() }))
}

/// A title line above the heading row, and a period it names ("Based on 2024/25 budgeted
/// establishment").
fn title_above(rows: &[GridRow]) -> (Option<String>, Option<String>) {
    let title = rows.iter().rev().filter(|r| !r.is_blank()).find_map(|r| {
        let filled: Vec<&str> = r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        (filled.len() == 1).then(|| filled[0].to_owned())
    });
    // A title naming two periods ("2019/20 to 2023/24") is a range, not the table's period.
    let one_period = title.as_deref().filter(|t| periods_in(t) == 1);
    (title.clone(), one_period.and_then(period_in))
}

/// The first period a line of words names: "2024/25", "2024-25", "2023".
pub fn period_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | ';'))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| is_financial_year(w) || is_year(w))
        .map(|w| w.replace('-', "/"))
}

/// The period a line names when it names exactly one: "Based on 2024/25 budgeted
/// establishment", not "Comparison of 2023/24 and 2024/25".
pub fn only_period_in(text: &str) -> Option<String> {
    (periods_in(text) == 1).then(|| period_in(text)).flatten()
}

fn periods_in(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | ';'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| is_financial_year(w) || is_year(w))
        .count()
}

/// "2023/24", "2023-24", "2023/2024", "2023", "Q1 2024", "2024 Q1", "Mar-24", "March 2024".
pub fn is_period(text: &str) -> bool {
    let t = text.trim();
    if is_financial_year(t) || is_year(t) {
        return true;
    }
    let words: Vec<&str> = t.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let quarter = |w: &str| {
        let w = w.to_ascii_lowercase();
        w.len() == 2 && w.starts_with('q') && matches!(w.as_bytes()[1], b'1'..=b'4')
    };
    let month = |w: &str| {
        let w = w.to_ascii_lowercase();
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .any(|m| w.starts_with(m))
            && w.chars().all(char::is_alphabetic)
    };
    let year_ish =
        |w: &str| is_year(w) || is_financial_year(w) || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()));
    match words.as_slice() {
        [a, b] => (quarter(a) || month(a)) && year_ish(b) || (is_year(a) || is_financial_year(a)) && quarter(b),
        _ => false,
    }
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (1990..=2100).contains(&text.parse::<u32>().unwrap_or(0))
}

fn is_financial_year(text: &str) -> bool {
    let Some((a, b)) = text.split_once(['/', '-', '–']) else { return false };
    is_year(a) && (b.len() == 2 || b.len() == 4) && b.bytes().all(|x| x.is_ascii_digit())
}

/// A heading that names periods: "Year", "Financial year", "Quarter", "Month", "Period".
fn is_period_heading(heading: &str) -> bool {
    matches!(
        key(heading).as_str(),
        "year" | "years" | "financialyear" | "quarter" | "month" | "period" | "timeperiod" | "yearending" | "yearend"
    )
}

/// A date as tables write them: 30/09/2025, 2025-09-30.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() == 4 || parts[2].len() == 2)
}

fn is_index_heading(heading: &str) -> bool {
    matches!(key(heading).as_str(), "no" | "ref" | "reference" | "item" | "line" | "")
}

/// Asked of every row: the label's key (`headings::key`) compared as it is made, not built.
fn is_total_label(label: &str) -> bool {
    let key = || label.chars().filter(|c| c.is_alphanumeric()).map(crate::engine::case::lower_char);
    // Most labels are told from a total by their first letter.
    if !matches!(key().next(), Some('t' | 'g' | 'o' | 'a')) {
        return false;
    }
    ["total", "totals", "grandtotal", "overalltotal", "all", "alltotal"].iter().any(|k| key().eq(k.chars()))
}

fn is_total_heading(heading: &str) -> bool {
    matches!(key(heading).as_str(), "total" | "totals" | "grandtotal" | "all" | "overall")
}

fn first_text(row: &GridRow) -> &str {
    row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty()).unwrap_or("")
}

/// The unit a heading (or, for years across, a row's label) names.
pub fn unit_named(heading: &str) -> Option<Unit> {
    let lower = crate::engine::case::lower(heading);
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    Some(
        if heading.contains('£')
            || has(&["spend", "cost", "budget", "salary", "expenditure", "income", "pay bill", "paybill", "(gbp)"])
        {
            Unit::Money
        } else if has(&["days", "day lost", "days lost"]) {
            Unit::Days
        } else if heading.contains('%') || has(&["percent", "percentage", "rate", "proportion", "share"]) {
            if has(&[" per ", "ratio"]) {
                Unit::Rate
            } else {
                Unit::Percent
            }
        } else if has(&[" per ", "ratio"]) {
            Unit::Rate
        } else if key(heading).contains("fte") || has(&["full-time equivalent", "full time equivalent", "wte"]) {
            Unit::Fte
        } else if has(&[
            "headcount",
            "number of",
            "no. of",
            "people",
            "leavers",
            "starters",
            "applications",
            "appointments",
            "posts",
            "count",
            "staff",
        ]) {
            Unit::Headcount
        } else {
            return None;
        },
    )
}

/// A money heading's scale: "Spend (£000)" is in thousands of pounds, "£m" in millions. The
/// heading comes back without the scale, since its figures are shown in pounds.
fn money_scale(heading: &str) -> (String, f64) {
    for (marks, scale) in [
        (&["£000s", "£000", "£'000", "£’000", "£k", "£ thousands"][..], 1e3),
        (&["£m", "£ million", "£millions"][..], 1e6),
    ] {
        for mark in marks {
            if let Some(at) = heading.find(mark) {
                let rest = format!("{}{}", &heading[..at], &heading[at + mark.len()..]);
                let tidy = rest.replace("()", "").replace("( )", "");
                let tidy = tidy.trim().trim_end_matches([',', ':']).trim();
                return (tidy.to_owned(), scale);
            }
        }
    }
    (heading.to_owned(), 1.0)
}

fn scale_name(scale: f64) -> &'static str {
    if scale >= 1e6 {
        "millions of pounds (£m)"
    } else {
        "thousands of pounds (£000)"
    }
}

fn quote(text: &str) -> String {
    format!("‘{text}’")
}

/// Collapses the whitespace a paste leaves inside labels, and keeps any direction marks
/// within it (`report` isolates labels when it writes them into sentences).
fn tidy_label(text: &str) -> String {
    // Most labels have nothing to collapse (no whitespace but single spaces between words):
    // copied as they are.
    let mut after_space = true;
    let tidy = text.chars().all(|c| {
        let fine = !c.is_whitespace() || (c == ' ' && !after_space);
        after_space = c.is_whitespace();
        fine
    }) && !text.ends_with(' ');
    if tidy {
        return text.to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::split_text;

    fn read(text: &str) -> Result<GeneralTable, Vec<Problem>> {
        let rows = split_text(text);
        let mapping = guess_general(&rows)?;
        read_general(&rows, &mapping, false)
    }

    fn values(row: &Row) -> Vec<Option<f64>> {
        row.cells.iter().map(Cell::value).collect()
    }

    #[test]
    fn years_across_are_periods_across() {
        let t = read(
            "Agency spend, 2019/20 to 2023/24\n\t2019/20\t2020/21\t2021/22\t2022/23\t2023/24\n\
             Agency spend (£)\t£1.8m\t£2.0m\t£2.2m\t£2.4m\t£2.6m\nAgency workers (FTE)\t31.5\t33\t35.25\t38\t40.5\n",
        )
        .unwrap();
        assert_eq!(t.layout, Layout::PeriodsAcross);
        assert_eq!(t.title.as_deref(), Some("Agency spend, 2019/20 to 2023/24"));
        assert_eq!(
            t.columns.iter().map(|c| c.heading.as_str()).collect::<Vec<_>>(),
            ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
        );
        assert_eq!(values(&t.rows[0])[4], Some(2_600_000.0));
        assert_eq!(t.rows[0].cells[0].unit, Unit::Money);
        assert_eq!(t.rows[1].cells[0].unit, Unit::Fte);
    }

    #[test]
    fn periods_down_the_side() {
        let t = read(
            "Year\tStarters\tLeavers\tTurnover rate\n2021\t40\t35\t14.2%\n2022\t38\t41\t16.0%\n2023\t52\t39\t15.1%\n",
        )
        .unwrap();
        assert_eq!(t.layout, Layout::PeriodsDown);
        assert_eq!(t.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["2021", "2022", "2023"]);
        assert_eq!(
            t.columns.iter().map(|c| c.unit).collect::<Vec<_>>(),
            [Unit::Headcount, Unit::Headcount, Unit::Percent]
        );
    }

    #[test]
    fn a_sickness_table_whose_total_row_has_fewer_cells() {
        let t = read(
            "Directorate\tDays lost\tFTE\tDays per FTE\nChildren's services\t1,212\t160.5\t7.55\n\
             Adult social care\t2,412·5\t240\t10.05\nTotal\t3,624.5\n",
        )
        .unwrap();
        assert_eq!(t.layout, Layout::Categories);
        assert_eq!(t.columns.iter().map(|c| c.unit).collect::<Vec<_>>(), [Unit::Days, Unit::Fte, Unit::Days]);
        let total = t.total.expect("the total row");
        assert_eq!(values(&total), [Some(3624.5), None, None]);
        assert_eq!(values(&t.rows[1])[0], Some(2412.5));
    }

    #[test]
    fn units_and_marks_in_cells() {
        let t = read("Measure\tValue\nSickness\t7.35 days\nBudget\t£ 64,250,000\nVacancy rate\t12 %\nTurnover\t*6.9\nRetention\t12.3¹\nStability\t84.0 [note 3]\nLeavers under 25\t<4\nAgency rate\tN/A\n").unwrap();
        let cells: Vec<&Cell> = t.rows.iter().map(|r| &r.cells[0]).collect();
        assert_eq!(
            cells.iter().map(|c| c.value()).collect::<Vec<_>>(),
            [Some(7.35), Some(64_250_000.0), Some(12.0), Some(6.9), Some(12.3), Some(84.0), None, None]
        );
        assert_eq!(cells[0].unit, Unit::Days);
        assert_eq!(cells[1].unit, Unit::Money);
        assert_eq!(cells[6].entry, Entry::NoValue(NoValue::Small));
        assert!(t.notes.iter().any(|n| n.contains("Footnote marks")), "{:?}", t.notes);
    }

    #[test]
    fn cells_run_together_are_refused() {
        for text in [
            "Age band\tShare of staff\nUnder 256.5%\n25 to 34\t18.2%\n",
            "Age band\tShare of staff\nUnder\t256.5%\n25 to 34\t18.2%\n",
        ] {
            let problems = read(text).unwrap_err();
            assert!(matches!(&problems[0].kind, ProblemKind::RunTogether { .. }), "{text:?}: {problems:?}");
            assert_eq!(problems[0].line, Some(2), "{text:?}");
        }
        let t = read("Team\tCases\nTeam 2\nDuty\t40\n").unwrap();
        assert!(
            t.notes.is_empty() || !t.notes.iter().any(|n| n.contains("run")),
            "a sub-heading ending in a number is not run together"
        );
    }

    #[test]
    fn money_in_thousands_is_shown_in_pounds() {
        let t = read("Service\tBudget (£000)\tSpent (£000)\nFieldwork\t1,800\t1,650\n").unwrap();
        assert_eq!(t.columns[0].heading, "Budget");
        assert_eq!(values(&t.rows[0]), [Some(1_800_000.0), Some(1_650_000.0)]);
    }

    #[test]
    fn what_is_not_a_table_says_what_is_missing() {
        let cases: &[(&str, fn(&ProblemKind) -> bool)] = &[
            ("Just some words\nand more words\n", |k| matches!(k, ProblemKind::NoHeadingRow)),
            ("Team\tNotes\nA\tfine\nB\tgood\n", |k| {
                matches!(k, ProblemKind::NoHeadingRow | ProblemKind::NoFiguresUnderHeadings)
            }),
            ("", |k| matches!(k, ProblemKind::EmptyTable(_))),
        ];
        for (text, expected) in cases {
            let problems = read(text).unwrap_err();
            assert!(expected(&problems[0].kind), "{text:?}: {problems:?}");
        }
    }

    #[test]
    fn periods_are_recognised() {
        for p in ["2023/24", "2023-24", "2023/2024", "2023", "Q1 2024", "2024 Q1", "Mar-24", "March 2024"] {
            assert!(is_period(p), "{p}");
        }
        for p in ["Under 25", "12", "1,234", "Fieldwork", "25-34"] {
            assert!(!is_period(p), "{p}");
        }
        assert_eq!(period_in("Based on 2024/25 budgeted establishment").as_deref(), Some("2024/25"));
    }
}
