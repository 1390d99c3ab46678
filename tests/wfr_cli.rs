//! The `wfr` command-line tool renders the same report as the app, and refuses bad input with
//! the file and position.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn wfr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wfr")).args(args).output().expect("wfr runs")
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wfr-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn renders_the_sample_to_a_page_with_no_script() {
    let out = temp_path("sample.html");
    let run = wfr(&["render", "--sample", "--html", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("<h1 id=\"report-title\">Children&#39;s social care workforce update</h1>"));
    assert!(page.contains("87.19") && page.contains("<svg class=\"chart\""));
    assert!(!page.contains("<script"), "the static page needs no script");
    assert!(page.contains(".report {"), "styles are inline");
}

#[test]
fn renders_a_table_file_with_its_period() {
    let table = temp_path("table.tsv");
    std::fs::write(&table, "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t7\t2\t3\n").unwrap();
    let run = wfr(&["render", table.to_str().unwrap(), "--period", "2026/27"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(page.contains("In 2026/27, there are 3.00 FTE vacant posts against an establishment of 10.00 FTE"));
}

#[test]
fn a_bad_table_fails_with_file_row_and_column() {
    let table = temp_path("bad.tsv");
    std::fs::write(&table, "Role\tEstablishment\nSocial Worker\tten\n").unwrap();
    let run = wfr(&["render", table.to_str().unwrap()]);
    assert!(!run.status.success());
    let message = String::from_utf8(run.stderr).unwrap();
    assert!(message.contains("wfr: bad.tsv, row 2, column Establishment: 'ten' is not a number."), "{message}");
}

#[test]
fn renders_a_workbook_choosing_the_sheet_with_the_table() {
    let book = temp_path("establishment.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("Cover").unwrap().write_string(0, 0, "Workforce paper").unwrap();
    let sheet = workbook.add_worksheet().set_name("Posts").unwrap();
    for (c, heading) in ["Role", "Establishment", "Permanent", "Agency"].iter().enumerate() {
        sheet.write_string(0, c as u16, *heading).unwrap();
    }
    sheet.write_string(1, 0, "Social Worker").unwrap();
    for (c, value) in [12.0, 8.0, 3.0].iter().enumerate() {
        sheet.write_number(1, 1 + c as u16, *value).unwrap();
    }
    workbook.save(&book).unwrap();
    let run = wfr(&["render", book.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(page.contains("<tfoot><tr><th scope=\"row\">Total</th><td>12.00</td><td>8.00</td><td>3.00</td>"), "{page}");
}

#[test]
fn wrong_usage_prints_the_usage() {
    let run = wfr(&["draw"]);
    assert!(!run.status.success());
    assert!(String::from_utf8(run.stderr).unwrap().contains("usage: wfr render"));
}
