//! Bytes of a text file to text. Officers' files come as UTF-8 (with or without a byte-order
//! mark), UTF-16 from Excel's "Unicode text", or Windows-1252 from Excel's "CSV" on a UK
//! machine, where `£` is the single byte 0xA3.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a file was read as, for telling the officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 with a few bytes that are not, each read as �.
    Utf8WithErrors,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8WithErrors => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 (little-endian)",
            TextEncoding::Utf16Be => "UTF-16 (big-endian)",
            TextEncoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }

    /// What the officer is told about how `text` was read; nothing for plain UTF-8.
    pub fn note(self, text: &str) -> Option<String> {
        match self {
            TextEncoding::Utf8 => None,
            TextEncoding::Utf8WithErrors => {
                let row = text.find('\u{fffd}').map_or(1, |at| text[..at].matches('\n').count() + 1);
                Some(format!(
                    "Read as UTF-8 text, but some bytes in it are not UTF-8: they show as \u{fffd}, the first in \
                     row {row}. Check the cells around them."
                ))
            }
            other => Some(format!("Read as {} text.", other.label())),
        }
    }
}

/// Decodes a text file, choosing the encoding from its byte-order mark, then from whether it
/// is valid UTF-8, then from the zero bytes UTF-16 leaves in ASCII text. Never fails: every
/// byte has a meaning in Windows-1252, the last resort.
///
/// ```
/// use wrb::engine::import::decode::{decode, TextEncoding};
/// assert_eq!(decode(b"Cost\t\xa34"), ("Cost\t£4".to_string(), TextEncoding::Windows1252));
/// assert_eq!(decode("£4".as_bytes()).1, TextEncoding::Utf8);
/// ```
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let (mut text, encoding) = decode_with_room(bytes);
    // encoding_rs allocates for the worst case (three bytes out for each byte in); a file near
    // the size limit would otherwise hold that room for as long as its text is kept.
    text.shrink_to_fit();
    (text, encoding)
}

fn decode_with_room(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), TextEncoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (UTF_16LE.decode_without_bom_handling(rest).0.into_owned(), TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (UTF_16BE.decode_without_bom_handling(rest).0.into_owned(), TextEncoding::Utf16Be);
    }
    if let Some(encoding) = utf16_without_mark(bytes) {
        let decoder = if encoding == TextEncoding::Utf16Le { UTF_16LE } else { UTF_16BE };
        return (decoder.decode_without_bom_handling(bytes).0.into_owned(), encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), TextEncoding::Utf8),
        // A UTF-8 file with a stray byte (from an edit in another program) keeps its £ signs
        // and accents; read as Windows-1252, every one of them would be garbled.
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes).into_owned(), TextEncoding::Utf8WithErrors),
        Err(_) => (WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), TextEncoding::Windows1252),
    }
}

/// Whether bytes that are not UTF-8 look like a double-byte encoding (Big5, GBK, Shift_JIS,
/// EUC-KR): most bytes beyond ASCII come as a lead byte and a trail byte, and there are many of
/// them. Windows-1252 text from a UK council has a few such bytes (£, é, ’), mostly alone or
/// before a digit or a space. Read as Windows-1252, double-byte text would be mojibake
/// headings, so it is refused with the reason instead.
pub fn double_byte(bytes: &[u8]) -> bool {
    // UTF-8 (£ is C2 A3, a lead and a trail byte too), even with a stray byte, is read as UTF-8.
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if utf16 || std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut pairs, mut alone, mut i) = (0usize, 0usize, 0);
    while i < sample.len() {
        let lead = sample[i];
        if (0x81..=0xFE).contains(&lead) {
            match sample.get(i + 1) {
                Some(&trail) if (0x40..=0x7E).contains(&trail) || (0xA1..=0xFE).contains(&trail) => {
                    pairs += 1;
                    i += 2;
                    continue;
                }
                _ => alone += 1,
            }
        }
        i += 1;
    }
    pairs >= 4 && alone * 10 <= pairs && pairs * 2 * 10 >= sample.len()
}

/// More characters beyond ASCII written as UTF-8 than bytes that are not UTF-8. Windows-1252
/// text almost never holds a valid UTF-8 sequence (it would take a pair such as "Ã©").
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut written, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        written += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        stray += chunk.invalid().len();
    }
    written > stray
}

/// UTF-16 with no mark: in text that is mostly ASCII, every other byte is zero.
fn utf16_without_mark(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |offset: usize| sample.iter().skip(offset).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some(TextEncoding::Utf16Le)
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if mark {
            out.extend_from_slice(if little_endian { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    }

    #[test]
    fn double_byte_text_is_told_from_windows_1252() {
        // Big5 headings (post, establishment) over two rows of labels and figures.
        let big5: &[u8] = b"\xC2\xBE\xA6\xEC,\xBD\x73\xA8\xEE\r\n\xAA\xC0\xA4\x75,12\r\n\xBA\xDE\xB2\x7A,3\r\n";
        assert!(double_byte(big5));
        let cp1252: &[u8] =
            b"Role,Cost,Caf\xE9 budget\r\nSocial Worker,\xA34,137.80,\xA3500\r\nTeam \x92s manager,\xA31,000,\xA30\r\n";
        assert!(!double_byte(cp1252));
        assert!(!double_byte("Role,Cost\n\u{8077}\u{4f4d},1\n".as_bytes()), "UTF-8 is read, whatever its script");
        let mut edited = "Social Worker,£3000,£900\n".repeat(40).into_bytes();
        edited.push(0xA3);
        assert!(!double_byte(&edited), "UTF-8 with one stray byte is UTF-8");
    }

    #[test]
    fn every_encoding_officers_save_is_read() {
        let text = "Role\tCost\nSocial Worker\t£4,137.80\n";
        let cases: Vec<(&str, Vec<u8>, TextEncoding)> = vec![
            ("UTF-8", text.as_bytes().to_vec(), TextEncoding::Utf8),
            ("UTF-8 with BOM", [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), TextEncoding::Utf8),
            ("UTF-16 LE with BOM", utf16(text, true, true), TextEncoding::Utf16Le),
            ("UTF-16 BE with BOM", utf16(text, false, true), TextEncoding::Utf16Be),
            ("UTF-16 LE without BOM", utf16(text, true, false), TextEncoding::Utf16Le),
            ("UTF-16 BE without BOM", utf16(text, false, false), TextEncoding::Utf16Be),
            (
                "Windows-1252",
                text.replace('£', "\u{1}").as_bytes().iter().map(|&b| if b == 1 { 0xA3 } else { b }).collect(),
                TextEncoding::Windows1252,
            ),
        ];
        for (what, bytes, encoding) in cases {
            assert_eq!(decode(&bytes), (text.to_owned(), encoding), "{what}");
        }
    }

    #[test]
    fn decoded_text_keeps_no_room_for_the_worst_case() {
        // Each £ is one byte in and two out; encoding_rs makes room for three.
        let (text, _) = decode(&[0xA3; 10_000]);
        assert_eq!(text.len(), 20_000);
        assert!(text.capacity() < 25_000, "{} bytes held", text.capacity());
    }

    #[test]
    fn short_and_empty_input_is_plain_text() {
        assert_eq!(decode(b""), (String::new(), TextEncoding::Utf8));
        assert_eq!(decode(b"a"), ("a".to_owned(), TextEncoding::Utf8));
    }
}
