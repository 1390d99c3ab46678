//! `wfr`: the report engine on the command line, for scheduled runs.
//!
//! ```text
//! wfr render --sample [--html OUT.html]
//! wfr render TABLE [--sheet NAME] [--period 2025/26] [--source TEXT] [--html OUT.html]
//! ```
//! TABLE is a workbook (.xlsx, .xlsm, .xls, .ods) or a text table (.csv, .tsv, .txt).

use std::process::ExitCode;
use wrb::engine::{model, report, sample};

const USAGE: &str = "usage: wfr render (--sample | TABLE.tsv) [--period TEXT] [--source TEXT] [--html OUT.html]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wfr: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut args = args.into_iter();
    if args.next().as_deref() != Some("render") {
        return Err(USAGE.into());
    }
    let (mut input, mut period, mut source, mut html, mut sheet) = (None, String::new(), None, None, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value. {USAGE}"));
        match arg.as_str() {
            "--sample" => input = Some(None),
            "--period" => period = value("--period")?,
            "--source" => source = Some(value("--source")?),
            "--html" => html = Some(value("--html")?),
            "--sheet" => sheet = Some(value("--sheet")?),
            path if !path.starts_with("--") => input = Some(Some(path.to_owned())),
            other => return Err(format!("unknown option {other}. {USAGE}")),
        }
    }
    let project = match input.ok_or(USAGE)? {
        None => sample::sample_project(),
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            let name =
                std::path::Path::new(&path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            let table = model::TableInput {
                period,
                source: source.unwrap_or_else(|| name.clone()),
                origin: model::Origin::Uploaded,
                raw: model::RawInput::File { name, bytes },
                sheet,
                mapping: None,
                skip_unreadable: false,
            };
            // Read it now, so a bad file fails the run with its positions.
            let reading = wrb::engine::import::read_input(&table, &model::RememberedMappings::new());
            reading
                .outcome
                .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
            let mut project = sample::sample_project();
            // The workbook's sheet is fixed now, so the project reads the same sheet again.
            let sheet = reading.loaded.ok().and_then(|l| l.sheet);
            project.tables = vec![model::TableInput { sheet, ..table }];
            project
        }
    };
    let page = standalone_page(&project);
    match html {
        Some(path) => std::fs::write(&path, page).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{page}");
            Ok(())
        }
    }
}

/// A page with the report and its styles inline, and no script.
fn standalone_page(project: &model::Project) -> String {
    let body = report::html::render(&report::build_report(project));
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <title>{}</title><style>{}</style></head><body class=\"static-page\">{body}</body></html>",
        wrb::engine::chart::escape(&project.title_block.title),
        include_str!("../../styles/report.css"),
    )
}
