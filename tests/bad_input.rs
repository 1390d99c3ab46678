//! Broken and hostile files, every one made here: each gets a message that says what was wrong
//! and where, and none panics, hangs or takes memory out of proportion to the file.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Read;

use wrb::engine::import::{read_input, Reading, MAX_FILE_BYTES};
use wrb::engine::model::{Origin, RawInput, TableInput};

/// Counts the bytes each thread holds at its peak, so memory is checked without timing
/// anything. Tests run on threads of their own, so a test's peak is its own.
struct Counting;

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = HELD.try_with(|held| {
            held.set(held.get() + layout.size());
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(held.get())));
        });
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Memory freed on another thread than took it can make a count go below zero.
        let _ = HELD.try_with(|held| held.set(held.get().saturating_sub(layout.size())));
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: usize = 1024 * 1024;

/// Reads the bytes as an uploaded file, as the app and wfr do, with the most memory it took.
fn read_measured(name: &str, bytes: Vec<u8>) -> (Reading, usize) {
    let input = TableInput {
        period: String::new(),
        source: String::new(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name: name.to_owned(), bytes: bytes.into() },
        sheet: None,
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    };
    let before = HELD.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let reading = read_input(&input, &Default::default());
    (reading, PEAK.with(Cell::get) - before)
}

/// What the officer is told first: the load's problem, else the first problem reading the
/// table, else the first note.
fn first_message(reading: &Reading) -> String {
    match (&reading.loaded, &reading.outcome) {
        (Err(problem), _) => problem.to_string(),
        (Ok(_), Err(problems)) => problems[0].to_string(),
        (Ok(loaded), Ok(_)) => loaded.notes.first().cloned().unwrap_or_else(|| "(read, with no note)".into()),
    }
}

const TABLE: &[&[&str]] = &[
    &["Role", "Establishment", "Permanent", "Agency", "Vacant"],
    &["Team Manager", "8", "6", "2", "2"],
    &["Social Worker", "38.5", "26.5", "13", "12"],
];

fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Establishment").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// A part of a zip as written: its bytes as stored, how, and what it says it unpacks to.
struct Part {
    name: String,
    method: u16,
    stored: Vec<u8>,
    size: u32,
    crc: u32,
}

/// A part stored as it is (no compression), with its checksum.
fn stored(name: &str, bytes: &[u8]) -> Part {
    let crc = !bytes.iter().fold(!0u32, |crc, &byte| {
        (0..8).fold(crc ^ u32::from(byte), |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 })
    });
    Part { name: name.to_owned(), method: 0, stored: bytes.to_vec(), size: bytes.len() as u32, crc }
}

/// A zip of the parts, written by hand so a part can say anything about its size.
fn zip(parts: &[Part]) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for part in parts {
        let offset = out.len() as u32;
        let fields = |out: &mut Vec<u8>| {
            for n in [20u16, 0, part.method, 0, 0x21] {
                out.extend(n.to_le_bytes());
            }
            for n in [part.crc, part.stored.len() as u32, part.size] {
                out.extend(n.to_le_bytes());
            }
            out.extend((part.name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        fields(&mut out);
        out.extend(part.name.as_bytes());
        out.extend(&part.stored);
        directory.extend(0x0201_4b50u32.to_le_bytes());
        directory.extend(20u16.to_le_bytes());
        fields(&mut directory);
        // No comment, disk 0, no attributes.
        directory.extend([0u8; 10]);
        directory.extend(offset.to_le_bytes());
        directory.extend(part.name.as_bytes());
    }
    let (start, count) = (out.len() as u32, parts.len() as u16);
    out.extend(&directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    for n in [count, count] {
        out.extend(n.to_le_bytes());
    }
    for n in [directory.len() as u32, start] {
        out.extend(n.to_le_bytes());
    }
    out.extend([0u8; 2]);
    out
}

/// Raw deflate data for `prefix` then `mebibytes` MiB of spaces, about 1 KB for each MiB: one
/// MiB compressed once and repeated. Each piece ends on a byte (a sync flush) and refers back
/// only to itself, so the pieces can follow one another.
fn deflated(prefix: &[u8], mebibytes: usize) -> Vec<u8> {
    let piece = |data: &[u8]| {
        let mut compress = flate2::Compress::new(flate2::Compression::best(), false);
        let mut out = Vec::with_capacity(data.len() / 100 + 1024);
        compress.compress_vec(data, &mut out, flate2::FlushCompress::Sync).unwrap();
        assert_eq!(compress.total_in() as usize, data.len());
        out
    };
    let spaces = piece(&vec![b' '; MB]);
    let mut out = piece(prefix);
    for _ in 0..mebibytes {
        out.extend(&spaces);
    }
    // An empty final block.
    out.extend([0x03, 0x00]);
    out
}

/// A real workbook whose sheet is swapped for 2 GiB of spaces in a worksheet, declared as
/// `declared` bytes: the truth, or a lie.
fn workbook_bomb(declared: Option<u32>) -> Vec<u8> {
    let book = workbook(TABLE);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index_raw(i).unwrap();
        let mut stored = Vec::new();
        entry.read_to_end(&mut stored).unwrap();
        let method = if entry.compression() == zip::CompressionMethod::Stored { 0 } else { 8 };
        let (name, size, crc) =
            (String::from_utf8_lossy(entry.name_raw()).into_owned(), entry.size() as u32, entry.crc32());
        if name == "xl/worksheets/sheet1.xml" {
            let prefix = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet \
                xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
            let gibibytes_2 = u32::MAX / 2 + 1 + prefix.len() as u32;
            // The CRC is never reached: the file must be refused long before the end.
            let bomb =
                Part { name, method: 8, stored: deflated(prefix, 2048), size: declared.unwrap_or(gibibytes_2), crc: 0 };
            parts.push(bomb);
        } else {
            parts.push(Part { name, method, stored, size, crc });
        }
    }
    zip(&parts)
}

/// Pseudo-random junk that looks enough like text to be read as text: letters, digits,
/// spaces, commas, quotes, line breaks and bytes that are not UTF-8.
fn junk_text(len: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"abcdefghij0123456789 ,,;\t\n\n\"\xa3\xe9\xff.()-%";
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ALPHABET[(state >> 33) as usize % ALPHABET.len()]
        })
        .collect()
}

/// A UTF-8 table with one byte that is not UTF-8 (Windows-1252's en dash, from an edit in
/// another program).
fn edited_utf8() -> Vec<u8> {
    let text = "Establishment at 30 September – £ figures\nRole,Establishment,Permanent\nSocial Worker,10,8\n";
    [text.as_bytes(), b"Team Manager \x96 North,2,2\n"].concat()
}

fn csv(rows: &[&[&str]]) -> Vec<u8> {
    rows.iter().map(|r| r.join(",") + "\n").collect::<String>().into_bytes()
}

/// What is expected of a case: its whole first message, or the parts it must contain.
enum Says {
    Exactly(&'static str),
    AllOf(&'static [&'static str]),
}

#[test]
fn every_bad_file_says_what_was_wrong_and_where() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    let book = workbook(TABLE);
    let wide_headings: Vec<String> = (4..20_000).map(|i| format!("Note {i}")).collect();
    let wide = format!(
        "Role,Establishment,Permanent,Agency,{}\nSocial Worker,10,8,1,{}\n",
        wide_headings.join(","),
        vec!["x"; 19_996].join(",")
    );
    let cases: Vec<(&str, &str, Vec<u8>, Says)> = vec![
        (
            "an image renamed .xlsx",
            "chart.xlsx",
            png,
            Says::Exactly("chart.xlsx: The file is a PNG image, not a table."),
        ),
        (
            "a workbook cut off half way",
            "half.xlsx",
            book[..book.len() / 2].to_vec(),
            Says::Exactly(
                "half.xlsx: The file is damaged or incomplete: its zip structure cannot be read (it may not have \
                 finished downloading or copying). Download or copy it again, or open it in Excel and save a copy.",
            ),
        ),
        (
            "a zip bomb that says how big it is",
            "bomb.xlsx",
            workbook_bomb(None),
            Says::Exactly(
                "bomb.xlsx: The file would unpack to far more data than a spreadsheet holds, so it was not opened \
                 (it may be a damaged or malicious file).",
            ),
        ),
        (
            "a zip bomb whose sheet claims to be 900 bytes",
            "liar.xlsx",
            workbook_bomb(Some(900)),
            // zip stops unpacking at the size declared, and calamine says so.
            Says::AllOf(&[
                "liar.xlsx, sheet Establishment: The workbook is damaged or in a form this tool cannot read",
                "larger than its declared uncompressed size",
            ]),
        ),
        (
            "a 100 MB text file",
            "extract.txt",
            vec![b'a'; 100 * MB],
            Says::Exactly(
                "extract.txt: The file is 100 MB, larger than the 50 MB this tool reads. Save just the table you \
                 need as a new file.",
            ),
        ),
        (
            "20,000 columns",
            "wide.csv",
            wide.into_bytes(),
            Says::Exactly(
                "Cells from column 1,001 onwards were left out (the first is in row 1, column 1,001): only the \
                 first 1,000 columns are read.",
            ),
        ),
        (
            "a cell of a million characters",
            "long.csv",
            csv(&[&["Role", "Establishment"], &["Social Worker", &"9".repeat(1_000_000)]]),
            Says::Exactly(
                "long.csv, row 2, column 2: this cell holds 1,000,000 characters, more than a spreadsheet cell can \
                 (32,767), so this is not a table this tool can read.",
            ),
        ),
        (
            "a figure of 400 digits",
            "digits.csv",
            csv(&[&["Role", "Establishment"], &["Social Worker", &"9".repeat(400)]]),
            Says::Exactly(
                "digits.csv, row 2, column Establishment: '9999999999999999999999999999999999999999…' (400 \
                 characters) is not a number.",
            ),
        ),
        (
            "bytes that are not UTF-8 in a figure",
            "latin.csv",
            b"Role,Establishment,Agency\nSocial Worker,10,\xff2\n".to_vec(),
            Says::Exactly("latin.csv, row 2, column Agency: '\u{ff}2' is not a number."),
        ),
        (
            "a UTF-8 file with one stray byte",
            "edited.csv",
            edited_utf8(),
            Says::Exactly(
                "Read as UTF-8 text, but some bytes in it are not UTF-8: they show as \u{fffd}, the first in row 4. \
                 Check the cells around them.",
            ),
        ),
        (
            "an empty file",
            "empty.csv",
            Vec::new(),
            Says::Exactly(
                "empty.csv: The file is empty (0 bytes): it may not have finished saving or downloading. Save or \
                 download it again.",
            ),
        ),
        (
            "an empty file named as a workbook",
            "empty.xlsx",
            Vec::new(),
            Says::Exactly(
                "empty.xlsx: The file is empty (0 bytes): it may not have finished saving or downloading. Save or \
                 download it again.",
            ),
        ),
        (
            "headings only",
            "headings.csv",
            csv(&TABLE[..1]),
            Says::Exactly("headings.csv, row 1: the headings are here, but there are no rows of figures under them."),
        ),
        (
            "a workbook of headings only",
            "headings.xlsx",
            workbook(&TABLE[..1]),
            Says::Exactly(
                "headings.xlsx, sheet Establishment, row 1: the headings are here, but there are no rows of \
                 figures under them.",
            ),
        ),
        (
            "an ODS saved with a password",
            "posts.ods",
            zip(&[
                stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                stored(
                    "META-INF/manifest.xml",
                    b"<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\">\
                      <manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>\
                      </manifest:manifest>",
                ),
                stored("content.xml", b"\x8f\x13 encrypted bytes \xfe"),
            ]),
            Says::AllOf(&["posts.ods: ", "password"]),
        ),
        (
            "a CSV saved in Big5",
            "posts.csv",
            b"\xC2\xBE\xA6\xEC,\xBD\x73\xA8\xEE\r\n\xAA\xC0\xA4\x75,12\r\n\xBA\xDE\xB2\x7A,3\r\n".to_vec(),
            Says::AllOf(&[
                "posts.csv: The file's text seems to be in a double-byte encoding such as Big5",
                "save it as CSV UTF-8",
            ]),
        ),
        (
            "junk just under the size limit",
            "junk.csv",
            junk_text(MAX_FILE_BYTES - 1),
            Says::AllOf(&["junk.csv: No row of column headings was found", "Role, Establishment, Permanent"]),
        ),
    ];
    for (what, name, bytes, says) in cases {
        let size = bytes.len();
        let (reading, peak) = read_measured(name, bytes);
        let message = first_message(&reading);
        match says {
            Says::Exactly(expected) => assert_eq!(message, expected, "{what}"),
            Says::AllOf(parts) => {
                for part in parts {
                    assert!(message.contains(part), "{what}: {message:?} does not say {part:?}");
                }
            }
        }
        // A few times the file, and never the gigabytes a bomb unpacks to.
        // In proportion to the file (rows of short cells cost about ten times their text), and
        // never the gigabytes a bomb unpacks to.
        assert!(peak < 12 * size + 64 * MB, "{what}: {} MB held for a {} MB file", peak / MB, size / MB);
    }
}

#[test]
fn a_pasted_cell_longer_than_a_spreadsheet_allows_is_refused_at_its_place() {
    let text = format!("Role\tEstablishment\nSocial Worker\t4\n{}\t4\n", "Team ".repeat(8_000));
    let reading = read_input(&TableInput::pasted(text, "pasted"), &Default::default());
    assert_eq!(
        first_message(&reading),
        "Row 3, column 1: this cell holds 40,000 characters, more than a spreadsheet cell can (32,767), so this \
         is not a table this tool can read."
    );
}

#[test]
fn a_utf8_file_with_a_stray_byte_keeps_its_other_characters() {
    let (reading, _) = read_measured("edited.csv", edited_utf8());
    let loaded = reading.loaded.unwrap();
    assert_eq!(loaded.rows[0].cells, ["Establishment at 30 September – £ figures"]);
    let roles: Vec<&str> =
        reading.outcome.as_ref().unwrap().establishment().unwrap().table.rows.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["Social Worker", "Team Manager \u{fffd} North"]);
}
