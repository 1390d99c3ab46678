//! UK number style for committee papers (`../shared/domain.md`, "Numbers and words"):
//! commas for thousands, a 0 before the point, FTE to 2 places in tables and 1 in running text,
//! rates to 1 place with `%`, and over-establishment in brackets.

/// A number with a fixed count of decimal places and comma thousands separators.
///
/// ```
/// assert_eq!(wrb::engine::format::decimal(36186.34, 1), "36,186.3");
/// assert_eq!(wrb::engine::format::decimal(-0.004, 2), "0.00");
/// assert_eq!(wrb::engine::format::decimal(64.25, 1), "64.3");
/// assert_eq!(wrb::engine::format::decimal(2.5, 0), "3");
/// ```
pub fn decimal(value: f64, places: usize) -> String {
    // Halves round up, as officers round by hand and Excel shows them: £64.25m is "64.3",
    // where Rust's formatting would round an exact half to even ("64.2").
    let scaled = value.abs() * 10f64.powi(places as i32);
    let magnitude = if scaled.fract() == 0.5 { scaled.ceil() / 10f64.powi(places as i32) } else { value.abs() };
    let text = format!("{:.*}", places, magnitude);
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    // A value that rounds to zero is printed without a sign: "-0.00" means nothing to a reader.
    let rounds_to_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    if value.is_sign_negative() && !rounds_to_zero {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Full-time equivalent to 2 decimal places: `87.19`.
pub fn fte(value: f64) -> String {
    decimal(value, 2)
}

/// Full-time equivalent where a negative figure is printed in brackets, as papers print
/// over-establishment: `(3.00)`.
///
/// ```
/// assert_eq!(wrb::engine::format::fte_bracketed(-3.0), "(3.00)");
/// assert_eq!(wrb::engine::format::fte_bracketed(1234.5), "1,234.50");
/// ```
pub fn fte_bracketed(value: f64) -> String {
    let text = decimal(value, 2);
    match text.strip_prefix('-') {
        Some(magnitude) => format!("({magnitude})"),
        None => text,
    }
}

/// Full-time equivalent as running text gives it: to 1 decimal place, as FTE is published
/// (`../shared/domain.md`, "Metric definitions": "Rates and FTE are published to 1 decimal
/// place"), and a whole figure without its ".0", as papers' prose has it ("34 vacant posts
/// against an establishment of 106"). Tables keep two places ([`fte`]). A figure that rounds
/// to 0 but is not 0 keeps two places, so it is not read as none.
///
/// ```
/// use wrb::engine::format::fte_in_words;
/// assert_eq!(fte_in_words(34.0), "34");
/// assert_eq!(fte_in_words(12.5), "12.5");
/// assert_eq!(fte_in_words(87.19), "87.2");
/// assert_eq!(fte_in_words(0.04), "0.04");
/// ```
pub fn fte_in_words(value: f64) -> String {
    let text = in_words(value, 1);
    if text == "0" && value != 0.0 {
        decimal(value, 2)
    } else {
        text
    }
}

/// A figure in running text, to at most `places` decimal places and without trailing zeros:
/// "10 days", "7.4 days", "7.35 days" (`../shared/domain.md`, "Numbers and words").
///
/// ```
/// use wrb::engine::format::in_words;
/// assert_eq!(in_words(10.0, 1), "10");
/// assert_eq!(in_words(7.40, 2), "7.4");
/// assert_eq!(in_words(1234.5, 1), "1,234.5");
/// ```
pub fn in_words(value: f64, places: usize) -> String {
    let text = decimal(value, places);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The noun (or verb) that agrees with a count: `plural(1, "person", "people")` is "person".
/// Generated sentences that count something take their words from here, so none says
/// "1 people" or "1 leavers".
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A count with its noun: "1 person", "12 people", "1,204 posts".
///
/// ```
/// use wrb::engine::format::counted;
/// assert_eq!(counted(1, "person", "people"), "1 person");
/// assert_eq!(counted(0, "leaver", "leavers"), "0 leavers");
/// assert_eq!(counted(1204, "post", "posts"), "1,204 posts");
/// ```
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", decimal(n as f64, 0), plural(n, one, many))
}

/// A rate held as a fraction (0.248), printed as a percentage to 1 decimal place: `24.8%`.
pub fn rate(fraction: f64) -> String {
    format!("{}%", decimal(fraction * 100.0, 1))
}

/// Money as papers print it: pence only when there are any (`£4,137.80`, `£120,000`).
///
/// ```
/// assert_eq!(wrb::engine::format::money(120_000.0), "£120,000");
/// assert_eq!(wrb::engine::format::money(4137.8), "£4,137.80");
/// assert_eq!(wrb::engine::format::money(-250.0), "-£250");
/// ```
pub fn money(value: f64) -> String {
    let places = if (value * 100.0).round() % 100.0 == 0.0 { 0 } else { 2 };
    let text = decimal(value, places);
    match text.strip_prefix('-') {
        Some(magnitude) => format!("-£{magnitude}"),
        None => format!("£{text}"),
    }
}

/// Money as prose gives it: millions to one place ("£2.6m"), anything less in full.
///
/// ```
/// assert_eq!(wrb::engine::format::money_short(2_612_000.0), "£2.6m");
/// assert_eq!(wrb::engine::format::money_short(64_250.0), "£64,250");
/// ```
pub fn money_short(value: f64) -> String {
    if value.abs() < 1_000_000.0 {
        return money(value);
    }
    let text = decimal(value / 1_000_000.0, 1);
    match text.strip_prefix('-') {
        Some(magnitude) => format!("-£{magnitude}m"),
        None => format!("£{text}m"),
    }
}

/// A label as it goes into a sentence or a title: one holding a direction mark (U+202E and
/// the like, pasted from a web page or mischief) is isolated, so the mark cannot reverse the
/// words around it. Labels without one are unchanged.
///
/// ```
/// assert_eq!(wrb::engine::format::isolate("Fieldwork"), "Fieldwork");
/// assert_eq!(wrb::engine::format::isolate("a\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
/// ```
pub fn isolate(label: &str) -> String {
    if label.chars().any(is_direction_mark) {
        format!("\u{2068}{label}\u{2069}")
    } else {
        label.to_owned()
    }
}

/// Bidirectional controls: invisible, never part of a number, and able to reverse the text
/// after them.
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// Names in a sentence: "A", "A and B", "A, B and C".
///
/// ```
/// assert_eq!(wrb::engine::format::and_list(&["A", "B", "C"]), "A, B and C");
/// ```
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A count or a figure that may have a fraction: whole numbers without decimals (`1,204`),
/// others to 2 places.
pub fn count(value: f64) -> String {
    decimal(value, if value.fract() == 0.0 { 0 } else { 2 })
}

/// Starts a sentence with a capital, except where it starts with a file name, which keeps the
/// officer's own spelling: "staff-extract.csv could not be read", "The sample staff list".
///
/// ```
/// use wrb::engine::format::sentence_start;
/// assert_eq!(sentence_start("the sample staff list"), "The sample staff list");
/// assert_eq!(sentence_start("staff-extract.csv could not be read"), "staff-extract.csv could not be read");
/// ```
pub fn sentence_start(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let file_name = first_word.trim_end_matches([':', ',', ';', '.']).contains('.');
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !file_name => std::iter::once(crate::engine::case::upper_char(c)).chain(chars).collect(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_round_and_group() {
        let cases: &[(f64, usize, &str)] = &[
            (0.0, 2, "0.00"),
            (0.5, 2, "0.50"),
            (7.594, 2, "7.59"),
            (999.999, 2, "1,000.00"),
            (1234567.891, 2, "1,234,567.89"),
            (-1234.5, 1, "-1,234.5"),
            (-0.001, 2, "0.00"),
            (100.0, 0, "100"),
            (1000.0, 0, "1,000"),
        ];
        for &(value, places, expected) in cases {
            assert_eq!(decimal(value, places), expected, "decimal({value}, {places})");
        }
    }

    #[test]
    fn brackets_only_for_negative_after_rounding() {
        assert_eq!(fte_bracketed(-1.0), "(1.00)");
        assert_eq!(fte_bracketed(-0.001), "0.00");
        assert_eq!(fte_bracketed(2.5), "2.50");
    }

    #[test]
    fn prose_figures_drop_trailing_zeros() {
        let cases: &[(f64, &str)] = &[
            (34.0, "34"),
            (31.0, "31"),
            (12.5, "12.5"),
            (27.4, "27.4"),
            (87.19, "87.2"),
            (1.0, "1"),
            (0.96, "1"),
            (0.0, "0"),
            (0.04, "0.04"),
            (-3.0, "-3"),
            (36186.34, "36,186.3"),
        ];
        for &(value, expected) in cases {
            assert_eq!(fte_in_words(value), expected, "fte_in_words({value})");
        }
        for (value, places, expected) in [(10.0, 1, "10"), (7.4, 1, "7.4"), (7.35, 2, "7.35"), (640.0, 2, "640")] {
            assert_eq!(in_words(value, places), expected, "in_words({value}, {places})");
        }
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        for (n, expected) in [(0, "0 people"), (1, "1 person"), (2, "2 people"), (1000, "1,000 people")] {
            assert_eq!(counted(n, "person", "people"), expected);
        }
        assert_eq!(plural(1, "is", "are"), "is");
        assert_eq!(plural(3, "is", "are"), "are");
    }

    #[test]
    fn rates_are_percentages_to_one_place() {
        assert_eq!(rate(0.248), "24.8%");
        assert_eq!(rate(0.0), "0.0%");
        assert_eq!(rate(1.0), "100.0%");
        assert_eq!(rate(0.14249), "14.2%");
    }
}
