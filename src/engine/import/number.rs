//! Reading one cell as officers write numbers.
//!
//! Negatives come as `-3`, `−3` (U+2212), `–3` (en dash) or `(3.00)`; money and percentages
//! carry `£` and `%`; blanks, dashes and the DfE suppression codes (`../shared/domain.md`,
//! "Published cells may hold codes") are "no value, with a reason", never 0.

use crate::engine::model::{Entry, NoValue};

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

fn no_value(text: &str) -> Option<NoValue> {
    Some(match text.to_ascii_lowercase().as_str() {
        "" => NoValue::Blank,
        "-" | "–" | "—" | "−" => NoValue::Dash,
        "n/a" | "na" | "n.a." => NoValue::NotApplicable,
        "z" => NoValue::NotApplicable,
        "c" => NoValue::Confidential,
        "k" | "low" => NoValue::RoundsToZero,
        "u" => NoValue::LowReliability,
        "x" => NoValue::Unavailable,
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
fn without_thousands_separators(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let whole = text.split('.').next().unwrap_or("");
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
        return None;
    }
    Some(text.replace(',', ""))
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
    fn text_that_is_not_a_number_is_refused() {
        for text in ["two", "1,2", "1.2.3", "(-3)", "3-", "£", "%", "1e5", "inf", "NaN", "12a", ",123"] {
            assert_eq!(read_entry(text), Err(NotANumber), "{text:?}");
        }
    }
}
