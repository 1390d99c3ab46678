//! Reading one cell as officers write numbers.
//!
//! Negatives come as `-3`, `−3` (U+2212), `–3` (en dash) or `(3.00)`; money and percentages
//! carry `£` and `%`; blanks, dashes and the DfE suppression codes (`../shared/domain.md`,
//! "Published cells may hold codes") are "no value, with a reason", never 0.

use std::borrow::Cow;

use crate::engine::format::is_direction_mark;
use crate::engine::model::{Entry, NoValue, Unit};

/// Why a cell could not be read as a number. The caller adds the position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// Reads a cell into a number or a reasoned "no value".
///
/// ```
/// use wrb::engine::import::number::read_entry;
/// use wrb::engine::model::{Entry, NoValue};
/// assert_eq!(read_entry("(3.00)"), Ok(Entry::Number(-3.0)));
/// assert_eq!(read_entry("£4,137.80"), Ok(Entry::Number(4137.8)));
/// assert_eq!(read_entry("c"), Ok(Entry::NoValue(NoValue::Confidential)));
/// assert!(read_entry("two").is_err());
/// ```
pub fn read_entry(cell: &str) -> Result<Entry, NotANumber> {
    let text = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if let Some(reason) = no_value(text) {
        return Ok(Entry::NoValue(reason));
    }
    read_number(text).map(Entry::Number).ok_or(NotANumber)
}

/// A cell read as a figure, with what was written around its number.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub entry: Entry,
    /// The unit the cell wrote ("£", "%", "days", "FTE"), if it wrote one.
    pub unit: Option<Unit>,
    /// Decimal places written ("3.45" has 2), for checks of rounding.
    pub places: u8,
    /// A footnote mark or note written beside the number: "*", "1" (from "¹"), "note 3".
    pub note: Option<String>,
}

/// Reads a cell as published tables write figures: everything [`read_entry`] reads, and units
/// in the cell ("7.35 days", "£ 64,250,000", "12 %", "£1.8m"), a middle-dot decimal point
/// ("2,412·5"), footnote marks ("*6.9", "12.3¹", "6.9 [note 3]"), withheld small numbers ("<4")
/// and bracketed codes ("[x]", "[c]"). Direction marks pasted from web pages are ignored.
///
/// ```
/// use wrb::engine::import::number::read_figure;
/// use wrb::engine::model::{Entry, Unit};
/// let f = read_figure("£1.8m").unwrap();
/// assert_eq!((f.entry, f.unit), (Entry::Number(1_800_000.0), Some(Unit::Money)));
/// assert_eq!(read_figure("12.3¹").unwrap().note.as_deref(), Some("1"));
/// ```
pub fn read_figure(cell: &str) -> Result<Figure, NotANumber> {
    // Read for every figure of a table: nothing is copied unless something must be taken out.
    let cleaned: Cow<str> = if cell.contains(is_direction_mark) {
        Cow::Owned(cell.chars().filter(|c| !is_direction_mark(*c)).collect())
    } else {
        Cow::Borrowed(cell)
    };
    let text = cleaned.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}');
    let (text, note) = split_note(text);
    let nothing = |reason| Ok(Figure { entry: Entry::NoValue(reason), unit: None, places: 0, note: note.clone() });
    if let Some(reason) = no_value(text) {
        return nothing(reason);
    }
    if let Some(rest) = text.strip_prefix('<').or_else(|| text.strip_prefix('≤')) {
        return match read_number(rest.trim()) {
            Some(_) => nothing(NoValue::Small),
            None => Err(NotANumber),
        };
    }
    let (text, unit) = split_unit_word(text);
    let (text, scale) = split_multiplier(text);
    let unit = unit.or_else(|| {
        // Looking for a character beyond ASCII searches for its bytes: skipped for ASCII text.
        if !text.is_ascii() && text.contains('£') {
            Some(Unit::Money)
        } else if text.ends_with('%') {
            Some(Unit::Percent)
        } else {
            None
        }
    });
    if scale != 1.0 && unit != Some(Unit::Money) {
        return Err(NotANumber);
    }
    let text = middle_dot_as_point(text);
    let value = read_number(&text).ok_or(NotANumber)?;
    let places = text.split_once('.').map_or(0, |(_, f)| f.bytes().take_while(u8::is_ascii_digit).count()) as u8;
    Ok(Figure { entry: Entry::Number(value * scale), unit, places, note })
}

/// Takes a footnote mark or a bracketed note off a figure: "*6.9", "6.9*", "12.3¹", "6.9 [note 3]".
/// A cell that is only a bracketed code ("[x]", "[c]") keeps it, to be read as a code.
fn split_note(text: &str) -> (&str, Option<String>) {
    const MARKS: &[char] = &['*', '†', '‡', '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if let Some(open) = text.rfind('[').filter(|_| text.ends_with(']')) {
        let inner = text[open + 1..text.len() - 1].trim();
        let before = text[..open].trim_end();
        if before.is_empty() {
            return match no_value(inner) {
                Some(_) => (inner, None),
                None => ("", Some(inner.to_owned())),
            };
        }
        return (before, Some(inner.to_owned()));
    }
    let trailing = text.trim_end_matches(MARKS);
    let leading = trailing.trim_start_matches(MARKS);
    if leading.len() == text.len() || leading.is_empty() {
        return (text, None);
    }
    let marks: String = text[trailing.len()..]
        .chars()
        .chain(text[..trailing.len() - leading.len()].chars())
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁰' => '0',
            c @ '⁴'..='⁹' => char::from_digit(c as u32 - '⁰' as u32, 10).unwrap_or(c),
            c => c,
        })
        .collect();
    (leading.trim(), Some(marks))
}

/// A unit written as a word after the number: "7.35 days", "12.5 FTE", "40 posts".
fn split_unit_word(text: &str) -> (&str, Option<Unit>) {
    let Some((number, word)) = text.rsplit_once(|c: char| c.is_whitespace()) else {
        return (text, None);
    };
    let unit = match word.to_ascii_lowercase().trim_end_matches('.') {
        "days" | "day" => Unit::Days,
        "fte" | "wte" => Unit::Fte,
        "people" | "staff" | "posts" | "post" | "heads" | "headcount" => Unit::Headcount,
        "percent" | "pc" => Unit::Percent,
        _ => return (text, None),
    };
    (number.trim_end(), Some(unit))
}

/// "£1.8m", "£2.6 million", "£250k", "£1.2bn": the number and what it is multiplied by.
fn split_multiplier(text: &str) -> (&str, f64) {
    let bytes = text.as_bytes();
    for (suffix, scale) in [("billion", 1e9), ("million", 1e6), ("bn", 1e9), ("m", 1e6), ("k", 1e3)] {
        if bytes.len() >= suffix.len() && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes()) {
            let number = text[..text.len() - suffix.len()].trim_end();
            if number.ends_with(|c: char| c.is_ascii_digit()) {
                return (number, scale);
            }
        }
    }
    (text, 1.0)
}

/// "2,412·5": a middle dot between digits is a decimal point, as some papers print it.
fn middle_dot_as_point(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.contains('·') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(char::is_ascii_digit);
    (0..chars.len())
        .map(|i| {
            if chars[i] == '·' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) {
                '.'
            } else {
                chars[i]
            }
        })
        .collect::<String>()
        .into()
}

fn no_value(text: &str) -> Option<NoValue> {
    // Every code is at most five bytes ("[low]"): longer text is not one, and shorter text is
    // lowercased here rather than into a new string for every cell.
    let mut lower = [0u8; 5];
    let lower = lower.get_mut(..text.len())?;
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    Some(match std::str::from_utf8(lower).ok()? {
        "" => NoValue::Blank,
        "-" | "–" | "—" | "−" => NoValue::Dash,
        "n/a" | "na" | "n.a." => NoValue::NotApplicable,
        "z" => NoValue::NotApplicable,
        "c" => NoValue::Confidential,
        "k" | "low" => NoValue::RoundsToZero,
        "u" => NoValue::LowReliability,
        "x" => NoValue::Unavailable,
        "[x]" | "[c]" | "[z]" | "[u]" | "[low]" => return no_value(&text[1..text.len() - 1]),
        _ => return None,
    })
}

/// A number, or `None` if the text is not one. A percentage keeps its written value (`30%` is 30).
fn read_number(text: &str) -> Option<f64> {
    let (negative_by_brackets, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, text),
    };
    let (negative_by_sign, text) = match text.chars().next() {
        Some('-' | '−' | '–') => (true, text[text.chars().next()?.len_utf8()..].trim_start()),
        Some('+') => (false, text[1..].trim_start()),
        _ => (false, text),
    };
    let text = text.strip_prefix('£').unwrap_or(text).trim();
    let text = text.strip_suffix('%').map(str::trim_end).unwrap_or(text);
    let digits = without_thousands_separators(text)?;
    if digits.is_empty() || !digits.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    // Hundreds of digits parse as infinity, which no sum or rate can use.
    if !value.is_finite() || (negative_by_brackets && negative_by_sign) {
        return None;
    }
    Some(if negative_by_brackets || negative_by_sign { -value } else { value })
}

/// Removes commas that group thousands (`1,234.5`); rejects commas anywhere else (`1,2`), since
/// a misplaced comma more likely means a decimal comma or a typo than a number we can trust.
fn without_thousands_separators(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains(',') {
        return Some(Cow::Borrowed(text));
    }
    let whole = text.split('.').next().unwrap_or("");
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
        return None;
    }
    Some(Cow::Owned(text.replace(',', "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_officers_write_them() {
        let cases: &[(&str, f64)] = &[
            ("4", 4.0),
            ("  4.50 ", 4.5),
            ("1,234.5", 1234.5),
            ("12,345,678", 12345678.0),
            ("(3.00)", -3.0),
            ("( 3.00 )", -3.0),
            ("-3", -3.0),
            ("−3", -3.0),
            ("–3", -3.0),
            ("+2", 2.0),
            ("£4,137.80", 4137.8),
            ("-£20", -20.0),
            ("30%", 30.0),
            ("30.0 %", 30.0),
            (".5", 0.5),
            ("\u{a0}7\u{a0}", 7.0),
        ];
        for &(text, expected) in cases {
            assert_eq!(read_entry(text), Ok(Entry::Number(expected)), "{text:?}");
        }
    }

    #[test]
    fn no_value_keeps_its_reason() {
        let cases: &[(&str, NoValue)] = &[
            ("", NoValue::Blank),
            ("   ", NoValue::Blank),
            ("-", NoValue::Dash),
            ("n/a", NoValue::NotApplicable),
            ("N/A", NoValue::NotApplicable),
            ("c", NoValue::Confidential),
            ("k", NoValue::RoundsToZero),
            ("low", NoValue::RoundsToZero),
            ("u", NoValue::LowReliability),
            ("x", NoValue::Unavailable),
            ("z", NoValue::NotApplicable),
        ];
        for &(text, reason) in cases {
            assert_eq!(read_entry(text), Ok(Entry::NoValue(reason)), "{text:?}");
        }
    }

    #[test]
    fn figures_with_units_and_marks() {
        let cases: &[(&str, f64, Option<Unit>, u8, Option<&str>)] = &[
            ("7.35 days", 7.35, Some(Unit::Days), 2, None),
            ("£ 64,250,000", 64_250_000.0, Some(Unit::Money), 0, None),
            ("12 %", 12.0, Some(Unit::Percent), 0, None),
            ("2,412·5", 2412.5, None, 1, None),
            ("*6.9", 6.9, None, 1, Some("*")),
            ("12.3¹", 12.3, None, 1, Some("1")),
            ("6.9 [note 3]", 6.9, None, 1, Some("note 3")),
            ("£1.8m", 1_800_000.0, Some(Unit::Money), 1, None),
            ("£2.6 million", 2_600_000.0, Some(Unit::Money), 1, None),
            ("£250k", 250_000.0, Some(Unit::Money), 0, None),
            ("(£3,000)", -3000.0, Some(Unit::Money), 0, None),
            ("14.5 FTE", 14.5, Some(Unit::Fte), 1, None),
            ("\u{202e}3.45\u{202c}", 3.45, None, 2, None),
            ("3.450", 3.45, None, 3, None),
        ];
        for &(text, value, unit, places, note) in cases {
            let f = read_figure(text).unwrap_or_else(|_| panic!("{text:?} should read"));
            assert_eq!(f.entry, Entry::Number(value), "{text:?}");
            assert_eq!((f.unit, f.places, f.note.as_deref()), (unit, places, note), "{text:?}");
        }
        let codes: &[(&str, NoValue)] = &[
            ("<4", NoValue::Small),
            ("< 5", NoValue::Small),
            ("N/A", NoValue::NotApplicable),
            ("[x]", NoValue::Unavailable),
            ("[c]", NoValue::Confidential),
        ];
        for &(text, reason) in codes {
            assert_eq!(read_figure(text).map(|f| f.entry), Ok(Entry::NoValue(reason)), "{text:?}");
        }
        assert_eq!(
            read_figure("[note 3]").map(|f| (f.entry, f.note)),
            Ok((Entry::NoValue(NoValue::Blank), Some("note 3".into())))
        );
        for text in ["Under 25", "2.6m", "days", "<four", "12 apples", "1,2"] {
            assert_eq!(read_figure(text), Err(NotANumber), "{text:?}");
        }
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in ["two", "1,2", "1.2.3", "(-3)", "3-", "£", "%", "1e5", "inf", "NaN", "12a", ",123"] {
            assert_eq!(read_entry(text), Err(NotANumber), "{text:?}");
        }
    }
}
