//! Saving and opening: the project file restores a draft exactly, and the static page carries
//! the same project while showing members the report with no script.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::export::static_page;
use wrb::engine::model::{ColumnMapping, ColumnUse, Content, Origin, RawInput, TableInput, SCHEMA_VERSION};
use wrb::engine::report::build_report_reading_files;
use wrb::engine::sample::{sample_project, Template};
use wrb::engine::saved::{self as project_file, DATA_ID};

fn with_uploaded_file() -> wrb::engine::model::Project {
    let mut project = Template::ScrutinyProgress.project();
    let bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    project.supporting.push(TableInput {
        period: String::new(),
        source: "staff.xlsx, sheet Staff".into(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name: "staff.xlsx".into(), bytes: bytes.into() },
        sheet: Some("Staff".into()),
        mapping: Some(ColumnMapping { header_line: 3, columns: vec![ColumnUse::Role, ColumnUse::NotUsed] }),
        skip_unreadable: true,
        id: 0,
        transposed: false,
    });
    project.settings.print.landscape = true;
    project.settings.benchmark_council = Some("Herefordshire, County of".into());
    project
}

#[test]
fn every_kind_of_project_round_trips_exactly() {
    let projects = Template::ALL.iter().map(|t| t.project()).chain([with_uploaded_file()]);
    for project in projects {
        let saved = project_file::save(&project);
        assert!(saved.starts_with("{\"format\":\"Workforce Report Builder project\""), "{}", &saved[..60]);
        assert_eq!(project_file::open(&saved).unwrap(), project);
    }
    // File bytes are base64 text, not an array of numbers.
    let saved = project_file::save(&with_uploaded_file());
    assert!(saved.contains("\"bytes\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"), "base64");
}

#[test]
fn files_that_cannot_be_opened_say_why() {
    let open = |text: &str| project_file::open(text).unwrap_err().to_string();
    assert_eq!(open("Role,FTE\n"), "This is not a project file this tool can open: it is not JSON (line 1, column 1).");
    assert_eq!(
        open("{\"hello\": 1}"),
        "This is not a project file this tool can open: it does not start with \"format\": \"Workforce Report Builder project\"."
    );
    let newer = project_file::save(&sample_project()).replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        &format!("\"schema_version\":{}", SCHEMA_VERSION + 1),
        1,
    );
    assert!(open(&newer).starts_with(&format!(
        "This project was saved by a newer version of Workforce Report Builder (project format {})",
        SCHEMA_VERSION + 1
    )));
    let broken = project_file::save(&sample_project()).replace("\"tables\"", "\"tablez\"");
    assert!(open(&broken).contains("missing field `tables`"), "{}", open(&broken));
    // JSON, but not an object: not ours, whatever it holds.
    assert_eq!(open("[1, 2]"), open("{\"hello\": 1}"));
    // Ours, with a field of the wrong kind: its shape is named, not its owner.
    let odd = project_file::save(&sample_project()).replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":\"two\"",
        1,
    );
    assert!(open(&odd).contains("invalid type"), "{}", open(&odd));
}

#[test]
fn a_version_1_file_opens_with_the_report_it_had() {
    let mut value = serde_json::to_value(sample_project()).unwrap();
    let project = value.as_object_mut().unwrap();
    for gone in ["document", "supporting", "settings"] {
        project.remove(gone);
    }
    project.insert("schema_version".into(), 1.into());
    let file = serde_json::json!({ "format": project_file::FORMAT, "schema_version": 1, "project": value });
    let opened = project_file::open(&file.to_string()).unwrap();
    assert_eq!(opened.schema_version, SCHEMA_VERSION);
    assert_eq!(opened.document.sections[0].heading, "Current workforce");
    // What version 1 showed: the narrative, with its figures live, then the tables and chart.
    let contents: Vec<String> = opened.document.sections[0]
        .paragraphs
        .iter()
        .map(|p| match &p.content {
            Content::Text(text) => text.split(' ').take(3).collect::<Vec<_>>().join(" "),
            Content::Data { block, .. } => format!("{block:?}"),
            Content::Bullets { .. } => "bullets".to_owned(),
        })
        .collect();
    assert_eq!(
        contents,
        [
            "In {period}, the",
            "The vacancy rate",
            "EstablishmentTable(Latest)",
            "EstablishmentChart(Latest)",
            "EstablishmentTable(Earlier)",
            "TwoPeriodTable"
        ]
    );
    let Content::Text(first) = &opened.document.sections[0].paragraphs[0].content else { panic!("text") };
    assert!(first.contains("{vacancy rate}") && first.contains("{agency rate}"), "{first}");
}

#[test]
fn the_static_page_has_no_script_and_carries_the_project() {
    let mut project = sample_project();
    // Text that would end a script element or open a comment if it were not escaped.
    project.document.sections[0].paragraphs[0].content =
        Content::Text("</script><script>alert(1)</script> <!-- & \u{2028} {vacancy rate}".into());
    let page = static_page::render(&project, &build_report_reading_files(&project));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<script").count(), 1, "only the data block");
    assert!(page.contains(&format!("<script type=\"application/json\" id=\"{}\">", DATA_ID)));
    let block = &page[page.find(DATA_ID).unwrap()..page.rfind("</script>").unwrap()];
    assert!(!block[2..].contains('<'), "nothing in the data block can close it");
    assert!(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp;"), "shown as text");
    assert!(page.contains("31.4%"), "live figures filled in");
    assert!(page.contains("<svg class=\"chart\""), "charts inline");
    assert!(page.contains("@page"), "print styles inline");
    assert!(page.contains("default-src 'none'"), "and nothing may load from anywhere");
    assert_eq!(project_file::open(&page).unwrap(), project);
    assert!(project_file::project_in_page("<html></html>").is_none());
}

#[test]
fn each_file_of_a_draft_kept_apart_comes_back_to_its_own_table() {
    use std::collections::HashMap;
    use std::sync::Arc;
    let mut project = with_uploaded_file();
    let file = |name: &str, fill: u8| TableInput {
        raw: RawInput::File { name: name.into(), bytes: vec![fill; 100].into() },
        ..TableInput::pasted("", name)
    };
    // A period's table and two supporting tables, each its own file.
    project.tables.insert(0, file("posts.xlsx", 1));
    project.supporting.push(file("budget.csv", 2));
    let (words, files) = project_file::save_apart(&project, &|bytes| project_file::content_key(bytes));
    assert_eq!(files.len(), 3);
    let kept: HashMap<String, Arc<[u8]>> = files.iter().map(|f| (f.key.clone(), f.bytes.clone())).collect();
    let (opened, missing) = project_file::open_apart(&words, &|key| kept.get(key).cloned()).unwrap();
    assert_eq!((opened, missing.len()), (project.clone(), 0));
    // The first gone: the others still come back to their own tables.
    let first = files[0].key.clone();
    let (opened, missing) =
        project_file::open_apart(&words, &|key| if key == first { None } else { kept.get(key).cloned() }).unwrap();
    assert_eq!(missing, ["posts.xlsx"]);
    assert_eq!(opened.tables, project.tables[1..]);
    assert_eq!(opened.supporting, project.supporting);
}

#[test]
fn a_draft_kept_apart_from_its_files_opens_whole_and_says_which_files_are_gone() {
    use std::collections::HashMap;
    use std::sync::Arc;
    let project = with_uploaded_file();
    let (words, files) = project_file::save_apart(&project, &|bytes| project_file::content_key(bytes));
    assert_eq!(files.len(), 1, "the one uploaded file");
    assert!(words.len() < 40_000 && !words.contains("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"), "the words only");
    assert_eq!(project_file::keys_in(&words), [files[0].key.clone()]);
    assert_eq!(files[0].key, project_file::content_key(&files[0].bytes), "keyed by content");

    let kept: HashMap<String, Arc<[u8]>> = files.iter().map(|f| (f.key.clone(), f.bytes.clone())).collect();
    let (opened, missing) = project_file::open_apart(&words, &|key| kept.get(key).cloned()).unwrap();
    assert_eq!(opened, project, "the same draft, file and all");
    assert!(missing.is_empty());

    // A file no longer kept: its table is left out and named; everything else opens.
    let (opened, missing) = project_file::open_apart(&words, &|_| None).unwrap();
    assert_eq!(missing, ["staff.xlsx"]);
    assert_eq!(opened.supporting.len(), project.supporting.len() - 1);
    assert_eq!(opened.document, project.document);

    // A whole project file (as older versions kept drafts) opens as it is.
    let (opened, missing) = project_file::open_apart(&project_file::save(&project), &|_| None).unwrap();
    assert_eq!((opened, missing.len()), (project.clone(), 0));
    assert!(project_file::keys_in(&project_file::save(&project)).is_empty());

    // Other bytes, another key; the same bytes, the same key, whatever they are called.
    assert_ne!(project_file::content_key(b"Role,FTE\n"), project_file::content_key(b"Role,FTE\r\n"));
    assert_ne!(project_file::content_key(b"abcdefgh1"), project_file::content_key(b"abcdefgh2"));
}
