//! Letter case for the officer's words, without Unicode's full case tables.
//!
//! The standard library's `to_lowercase` and `to_uppercase` bring about 24 KB of tables into
//! the page's code (7.7 KB of its gzip). Council tables are written in English, with the odd
//! name in another Latin script, so these cover ASCII, Latin-1 and Latin Extended-A (Welsh,
//! Irish, Polish, Czech, Turkish names among them) and leave every other letter as it is.

/// The lower-case form of a letter, where it is one letter.
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    let lowered = match code {
        0x41..=0x5A => code + 32,
        // Latin-1: À to Þ, except the multiplication sign.
        0xC0..=0xDE if code != 0xD7 => code + 32,
        0x130 => 'i' as u32,
        0x100..=0x137 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// The upper-case form of a letter, where it is one letter (so `ß` stays as it is).
pub fn upper_char(c: char) -> char {
    let code = c as u32;
    let raised = match code {
        0x61..=0x7A => code - 32,
        0xE0..=0xFE if code != 0xF7 => code - 32,
        0xFF => 0x178,
        0x131 => 'I' as u32,
        0x17F => 'S' as u32,
        0x101..=0x137 if code % 2 == 1 => code - 1,
        0x13A..=0x148 | 0x17A..=0x17E if code % 2 == 0 => code - 1,
        0x14B..=0x177 if code % 2 == 1 => code - 1,
        _ => code,
    };
    char::from_u32(raised).unwrap_or(c)
}

/// Text in lower case (`lower_char` on each letter).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// Text with its first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(upper_char(c)).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each letter covered agrees with the standard library wherever it gives one letter, and
    /// every other character is left as it is.
    #[test]
    fn agrees_with_unicode_on_latin_letters() {
        for code in 0..0x2000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let covered = code < 0x180;
            let std_lower: Vec<char> = c.to_lowercase().collect();
            let std_upper: Vec<char> = c.to_uppercase().collect();
            match (covered, std_lower.as_slice()) {
                (true, [one]) => assert_eq!(lower_char(c), *one, "lower of U+{code:04X}"),
                (true, _) => assert_eq!(lower_char(c), 'i', "İ lowers to i"),
                (false, _) => assert_eq!(lower_char(c), c, "U+{code:04X} left as it is"),
            }
            match (covered, std_upper.as_slice()) {
                // The micro sign's capital is Greek: a unit's sign is better left alone.
                _ if c == 'µ' => assert_eq!(upper_char(c), c),
                (true, [one]) => assert_eq!(upper_char(c), *one, "upper of U+{code:04X}"),
                (true, _) => assert_eq!(upper_char(c), c, "U+{code:04X} (ß, ŉ) stays"),
                (false, _) => assert_eq!(upper_char(c), c, "U+{code:04X} left as it is"),
            }
        }
    }

    #[test]
    fn words() {
        assert_eq!(lower("Agency SPEND £ (Ysbyty Gwynedd)"), "agency spend £ (ysbyty gwynedd)");
        assert_eq!(lower("ŁÓDŹ"), "łódź");
        assert_eq!(capitalised("ōwen"), "Ōwen");
        assert_eq!(capitalised(""), "");
    }
}
