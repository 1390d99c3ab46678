//! `wfr`: the report engine on the command line, for scheduled runs.
//!
//! ```text
//! wfr render --sample [--html OUT.html] [--docx OUT.docx] [--xlsx OUT.xlsx]
//! wfr render TABLE [--sheet NAME] [--period 2025/26] [--source TEXT] [--html OUT.html] [--docx OUT.docx]
//!            [--xlsx OUT.xlsx]
//! ```
//! TABLE is a workbook (.xlsx, .xlsm, .xls, .ods) or a text table (.csv, .tsv, .txt).

use std::process::ExitCode;
use wrb::engine::report::facts::{Facts, TableFacts};
use wrb::engine::tables::{Loader, OneTable, ProjectTables};
use wrb::engine::{export, model, report, sample, saved};

const USAGE: &str = "usage: wfr render (--sample | TABLE | PROJECT.json | PAGE.html) [--sheet NAME] [--period TEXT] \
                     [--source TEXT] [--html OUT.html] [--docx OUT.docx] [--xlsx OUT.xlsx] [--project OUT.json] [--council NAME] [--template TEMPLATE.docx]";

/// "1 person", "3 people".
fn people(n: usize) -> String {
    wrb::engine::format::counted(n, "person", "people")
}

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
    match args.next().as_deref() {
        Some("render") => render(args),
        Some("analyse" | "analyze") => analyse(args),
        _ => Err(USAGE.into()),
    }
}

fn render(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let (mut input, mut period, mut source, mut html, mut sheet) = (None, String::new(), None, None, None);
    let (mut project_out, mut docx, mut xlsx, mut council, mut template) = (None, None, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value. {USAGE}"));
        match arg.as_str() {
            "--sample" => input = Some(None),
            "--period" => period = value("--period")?,
            "--source" => source = Some(value("--source")?),
            "--html" => html = Some(value("--html")?),
            "--sheet" => sheet = Some(value("--sheet")?),
            "--project" => project_out = Some(value("--project")?),
            "--docx" => docx = Some(value("--docx")?),
            "--xlsx" => xlsx = Some(value("--xlsx")?),
            "--council" => council = Some(value("--council")?),
            "--template" => template = Some(value("--template")?),
            path if !path.starts_with("--") => input = Some(Some(path.to_owned())),
            other => return Err(format!("unknown option {other}. {USAGE}")),
        }
    }
    // Each file is read once in the run, however many steps use it.
    let loader = Loader::default();
    let outputs =
        Outputs { project: project_out.clone(), html: html.clone(), docx: docx.clone(), xlsx: xlsx.clone(), template };
    let project = match input.ok_or(USAGE)? {
        None => sample::sample_project(),
        Some(path) if is_project_file(&path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            saved::open(&text).map_err(|e| format!("{path}: {e}"))?
        }
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            let name =
                std::path::Path::new(&path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            let table = model::TableInput {
                period,
                source: source.unwrap_or_else(|| name.clone()),
                origin: model::Origin::Uploaded,
                raw: model::RawInput::File { name, bytes: bytes.into() },
                sheet,
                mapping: None,
                skip_unreadable: false,
                id: 0,
                transposed: false,
            };
            // Read it now, so a bad file fails the run with its positions.
            let read = match OneTable::read(&table, &|input| loader.load(input)) {
                OneTable::Period(read) => read,
                // Any other table goes into a report of its own, as the page puts it in.
                other => return render_supporting(&path, table, &other, council, &loader, outputs),
            };
            read.read
                .as_ref()
                .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
            let mut project = sample::sample_project();
            // The workbook's sheet is fixed now, so the project reads the same sheet again.
            let sheet = OneTable::Period(read).place().1.map(str::to_owned);
            project.tables = vec![model::TableInput { sheet, ..table }];
            // The sample's benchmarks and draft are about the fictional council: not this table's.
            project.supporting.clear();
            let facts = TableFacts::of(&ProjectTables::load_with(&project, &loader), None);
            project.document = report::draft::current_workforce(&Facts::new(&project, &facts));
            project
        }
    };
    write_outputs(&project, &loader, outputs)
}

/// Where `wfr render` writes the report.
#[derive(Clone)]
struct Outputs {
    project: Option<String>,
    html: Option<String>,
    docx: Option<String>,
    xlsx: Option<String>,
    /// The council's Word template (.docx or .dotx) the Word file is put into.
    template: Option<String>,
}

/// A table that is not an establishment table, in a report of its own: its blocks under a
/// heading named after it, as the page puts a table of figures, a tracker or a budget in.
fn render_supporting(
    path: &str,
    input: model::TableInput,
    one: &OneTable,
    council: Option<String>,
    loader: &Loader,
    outputs: Outputs,
) -> Result<(), String> {
    use model::{Content, DataBlock};
    use wrb::engine::tables::Table;
    let OneTable::Supporting(read) = one else { unreachable!("an establishment table is rendered as one") };
    let table = read.read.as_ref().map_err(|problems| {
        problems
            .iter()
            .map(|p| p.clone().located(Some(path), p.sheet.as_deref()).to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let data = |block| Content::Data { block, title: String::new() };
    // The council a comparison file is rendered for, found in it once.
    let mut chosen_council = None;
    let (heading, contents) = match table {
        Table::General(general) => {
            let mut contents: Vec<Content> =
                report::general::first_draft(general).map(Content::Text).into_iter().collect();
            contents.push(data(DataBlock::GeneralTable(1)));
            if report::general::drawable(general) {
                contents.push(data(DataBlock::GeneralChart(1)));
            }
            (wrb::engine::format::sentence_start(&general.name()), contents)
        }
        Table::Cohorts(_) => ("Programme cohorts".to_owned(), vec![data(DataBlock::CohortTable)]),
        Table::Recruitment(_) => ("Recruitment".to_owned(), vec![data(DataBlock::RecruitmentTable)]),
        Table::Budget(_) => ("Budget".to_owned(), vec![data(DataBlock::BudgetTable)]),
        Table::Tracker(rows) => {
            ("Progress against recommendations".to_owned(), vec![data(DataBlock::Recommendations(rows.to_vec()))])
        }
        Table::Comparison(file) => {
            let councils = file.councils();
            let Some(name) = council.as_deref() else {
                return Err(format!(
                    "{path} is {}: say which council to compare with --council NAME (such as {}).",
                    read.kind.describe(),
                    councils.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                ));
            };
            let Some(found) = councils.into_iter().find(|c| c.eq_ignore_ascii_case(name.trim())) else {
                return Err(format!("{path}: no council called '{name}' is in the file."));
            };
            chosen_council = Some(found);
            let blocks = vec![data(DataBlock::AdultBenchmarkTable), data(DataBlock::AdultBenchmarkChart)];
            ("Benchmarks".to_owned(), blocks)
        }
        Table::StaffList(_) | Table::DfeIndicators(_) | Table::StatisticalNeighbours(_) => {
            return Err(format!(
                "{path} is {}: its figures go beside an establishment table's. Use wfr analyse to see them, or \
                 render a saved project that holds both.",
                read.kind.describe()
            ))
        }
    };
    let mut project = sample::sample_project();
    project.tables.clear();
    let sheet = one.place().1.map(str::to_owned);
    project.supporting = vec![model::TableInput { id: 1, sheet, ..input }];
    project.document = model::Document::new(vec![(heading, contents)]);
    project.settings.areas.council = chosen_council;
    write_outputs(&project, loader, outputs)
}

/// Builds the project's report and writes what was asked for: the project, Word, Excel, and
/// the page (to standard output when nothing else was asked for).
fn write_outputs(project: &model::Project, loader: &Loader, outputs: Outputs) -> Result<(), String> {
    let Outputs { project: project_out, html, docx, xlsx, template } = outputs;
    if let Some(path) = project_out {
        std::fs::write(&path, saved::save(project)).map_err(|e| format!("{path}: {e}"))?;
    }
    let tables = ProjectTables::load_with(project, loader);
    let report = report::build_report(project, &TableFacts::of(&tables, TableFacts::depends_on(project)));
    if docx.is_some() || xlsx.is_some() {
        if let Some(path) = &docx {
            let file = match &template {
                None => export::word::document(&report, &picture).map_err(|e| format!("{path}: {e}"))?,
                Some(template) => {
                    let bytes = std::fs::read(template).map_err(|e| format!("{template}: {e}"))?;
                    let spliced = export::template::document(&report, &picture, &bytes)
                        .map_err(|e| format!("{template}: {e}"))?;
                    eprintln!("{path}: the report went into {template} {}.", spliced.placed);
                    if !spliced.fields_filled.is_empty() {
                        eprintln!("  filled in the template: {}", spliced.fields_filled.join(", "));
                    }
                    if !spliced.styles_added.is_empty() {
                        eprintln!("  styles added to it: {}", spliced.styles_added.join(", "));
                    }
                    spliced.bytes
                }
            };
            std::fs::write(path, file).map_err(|e| format!("{path}: {e}"))?;
        }
        if let Some(path) = &xlsx {
            let tables: Vec<_> = report.tables().cloned().collect();
            let file =
                export::xlsx::workbook(&tables, &report.title_block.title).map_err(|e| format!("{path}: {e}"))?;
            std::fs::write(path, file).map_err(|e| format!("{path}: {e}"))?;
        }
        // The Word file or workbook was what was asked for; the page goes to standard output
        // only when nothing else was.
        if html.is_none() {
            return Ok(());
        }
    }
    let page = export::static_page::render(project, &report);
    match html {
        Some(path) => std::fs::write(&path, page).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{page}");
            Ok(())
        }
    }
}

/// A project file, or a static page carrying one: by what it starts with, whatever its name.
fn is_project_file(path: &str) -> bool {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).unwrap_or(0);
    saved::is_saved_draft(&head[..n])
}

/// The DfE reference date most recently passed: 30 September this year, or last year before it.
fn latest_30_september() -> model::Date {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let today = model::Date::from_days_since_epoch(days as i64);
    let this_year = model::Date::new(today.year, 9, 30).unwrap_or(today);
    if today >= this_year {
        this_year
    } else {
        model::Date::new(today.year - 1, 9, 30).unwrap_or(today)
    }
}

fn file_input(path: &str, sheet: Option<String>) -> Result<model::TableInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let name = std::path::Path::new(path).file_name().map_or(path.to_owned(), |n| n.to_string_lossy().into_owned());
    Ok(model::TableInput {
        period: String::new(),
        source: name.clone(),
        origin: model::Origin::Uploaded,
        raw: model::RawInput::File { name, bytes: bytes.into() },
        sheet,
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    })
}

fn analyse(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let (mut path, mut sheet, mut json, mut council, mut neighbours, mut date) = (None, None, false, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value. {USAGE}"));
        match arg.as_str() {
            "--sheet" => sheet = Some(value("--sheet")?),
            "--json" => json = true,
            "--council" => council = Some(value("--council")?),
            "--neighbours" => neighbours = Some(value("--neighbours")?),
            "--date" => {
                let text = value("--date")?;
                date = Some(
                    wrb::engine::import::date::read_date(&text, wrb::engine::import::date::DateSystem::Excel1900)
                        .ok_or(format!("--date: '{text}' is not a date (expected dd/mm/yyyy)"))?,
                );
            }
            other if !other.starts_with("--") => path = Some(other.to_owned()),
            other => return Err(format!("unknown option {other}. {USAGE}")),
        }
    }
    let path = path.ok_or(USAGE)?;
    let input = file_input(&path, sheet)?;
    let neighbours = match neighbours {
        Some(file) => Some(
            wrb::engine::analysis::neighbours_in(&OneTable::load(&file_input(&file, None)?))
                .map_err(|problems| problems.join("\n"))?,
        ),
        None => None,
    };
    let options = wrb::engine::analysis::Options {
        council: council.as_deref(),
        neighbours: neighbours.as_ref(),
        reference_date: Some(date.unwrap_or_else(latest_30_september)),
    };
    let analysis = wrb::engine::analysis::analyse(&OneTable::load(&input), &options);
    if json {
        println!("{}", serde_json::to_string_pretty(&analysis).map_err(|e| e.to_string())?);
    } else {
        print!("{}", text::analysis(&analysis));
    }
    let found = analysis.establishment.is_some()
        || analysis.dfe.is_some()
        || analysis.staff.is_some()
        || analysis.cohorts.is_some()
        || analysis.campaigns.is_some()
        || analysis.budget.is_some()
        || analysis.general.is_some()
        || analysis.tracker.is_some()
        || analysis.comparison.is_some();
    if !found {
        return Err(format!("{path}: nothing could be analysed"));
    }
    Ok(())
}

/// The analysis as text for a terminal.
mod text {
    use std::fmt::Write;
    use wrb::engine::analysis::{Analysis, ComparisonAnalysis, FiguresOut, GeneralOut, RatesOut};
    use wrb::engine::format::{decimal, fte, fte_bracketed, money, rate};

    pub fn analysis(a: &Analysis) -> String {
        let mut out = String::new();
        let place =
            [a.file.clone(), a.sheet.as_ref().map(|s| format!("sheet {s}"))].into_iter().flatten().collect::<Vec<_>>();
        let _ = writeln!(out, "{}: {}", place.join(", "), a.kind.replace('_', " "));
        for problem in &a.problems {
            let _ = writeln!(out, "  problem: {problem}");
        }
        if let Some(e) = &a.establishment {
            let _ = writeln!(
                out,
                "\n{:<28}{:>14}{:>11}{:>9}{:>9}{:>14}{:>14}{:>13}",
                "Role", "Establishment", "Permanent", "Agency", "Vacant", "(Over)/under", "Vacancy rate", "Agency rate"
            );
            for row in e.roles.iter().chain([&e.total]) {
                let _ = writeln!(out, "{}", figures(row));
            }
            let _ = writeln!(
                out,
                "\n(Over)/under: {}",
                if e.over_under_basis == "stated" {
                    "as stated in the table"
                } else {
                    "establishment − permanent − agency"
                }
            );
            let _ = writeln!(out, "\nChecks");
            for check in &e.checks {
                let _ = writeln!(out, "  {} {}", if check.passed { "ok  " } else { "WARN" }, check.message);
            }
        }
        if let Some(s) = &a.staff {
            let p = |v: Option<f64>| v.map_or("n/a".to_owned(), rate);
            let _ = writeln!(
                out,
                "\n{}; figures at {}, the year from {}",
                super::people(s.people),
                s.reference_date,
                s.year_from
            );
            for (label, total, headcount) in [
                ("In post (directly employed)", s.in_post_fte, s.in_post_headcount),
                ("Agency in post", s.agency_fte, s.agency_headcount),
                ("Starters in the year", s.starters_fte, s.starters_headcount),
                ("Leavers in the year", s.leavers_fte, s.leavers_headcount),
            ] {
                let _ = writeln!(out, "  {label:<29}{} FTE, {}", fte(total), super::people(headcount));
            }
            let _ = writeln!(
                out,
                "  Turnover                     {} (FTE), {} (headcount)",
                p(s.turnover_rate_fte),
                p(s.turnover_rate_headcount)
            );
            let _ = writeln!(out, "  Aged 55 and over             {}", p(s.aged_55_and_over));
            let _ = writeln!(
                out,
                "  Average caseload             {}",
                s.caseload.map_or("n/a".to_owned(), |c| decimal(c, 1))
            );
            for (title, rows) in [
                ("Leavers by reason", &s.leavers_by_reason),
                ("Years of service", &s.service_bands),
                ("Age", &s.age_bands),
            ] {
                let _ = writeln!(
                    out,
                    "  {title}: {}",
                    rows.iter().map(|(l, n)| format!("{l} {n}")).collect::<Vec<_>>().join("; ")
                );
            }
            for gap in &s.gaps {
                let _ = writeln!(out, "  note: {gap}");
            }
        }
        if let Some(g) = &a.general {
            general(&mut out, g);
        }
        if let Some(t) = &a.tracker {
            let _ = writeln!(
                out,
                "\n{} recommendations: {} green, {} amber, {} red",
                t.recommendations.len(),
                t.green,
                t.amber,
                t.red
            );
            for r in &t.recommendations {
                let _ = writeln!(out, "  {:<6}{:<7}{}", r.number, r.status, r.recommendation);
            }
        }
        let n = |v: Option<f64>, style: fn(f64) -> String| v.map_or("n/a".to_owned(), style);
        for c in a.cohorts.iter().flatten() {
            let _ = writeln!(
                out,
                "  {}: completion {}, retention {}",
                c.programme,
                n(c.completion, rate),
                n(c.retention, rate)
            );
        }
        for c in a.campaigns.iter().flatten() {
            let per = |v: f64| decimal(v, 1);
            let _ = writeln!(
                out,
                "  {}: {} applications and {} appointments per post",
                c.campaign,
                n(c.applications_per_post, per),
                n(c.appointments_per_post, per)
            );
        }
        for b in a.budget.iter().flatten() {
            let _ =
                writeln!(out, "  {}: {} remaining, {} spent", b.item, n(b.remaining, money), n(b.share_spent, rate));
        }
        if let Some(d) = &a.dfe {
            let _ = writeln!(out, "\n{} rows, years {}", d.rows, d.years.join(", "));
            let _ = writeln!(
                out,
                "Recomputed rates match the published ones within 0.1 in {} of {} rows.",
                d.rows_compared - d.exceptions.len(),
                d.rows_compared
            );
            for exception in &d.exceptions {
                let _ = writeln!(out, "  differs: {exception}");
            }
            for year in d.benchmark.iter().flatten() {
                let _ = writeln!(out, "\n{:<12}   vacancy   agency  turnover  caseload", year.year);
                let _ = writeln!(out, "  {:<10} {}", "council", rates(&year.council));
                for (name, r) in
                    [("England", &year.england), ("region", &year.region), ("neighbours", &year.neighbours_mean)]
                {
                    if let Some(r) = r {
                        let _ = writeln!(out, "  {name:<10} {}", rates(r));
                    }
                }
                let ranks: Vec<String> =
                    year.rank.iter().map(|r| r.map_or("n/a".into(), |(n, of)| format!("{n} of {of}"))).collect();
                let _ = writeln!(out, "  {:<10} {}", "rank", ranks.join(", "));
            }
        }
        if let Some(c) = &a.comparison {
            comparison(&mut out, c);
        }
        out
    }

    /// A comparison file: what it holds, then a block a measure (job role, sector) with a line a
    /// period: the council, England or the median, the region, and the rank.
    fn comparison(out: &mut String, c: &ComparisonAnalysis) {
        let _ = writeln!(
            out,
            "\n{} figures, {} councils, periods {}{}",
            c.figures,
            c.councils,
            if c.periods.is_empty() { "not given".to_owned() } else { c.periods.join(", ") },
            if c.has_england { "" } else { " (no England row: councils are set beside the median across councils)" }
        );
        for m in &c.measures {
            let code = if m.code.is_empty() { String::new() } else { format!(" [{}]", m.code) };
            let _ = writeln!(out, "  measure: {}{code}{}", m.name, if m.percent { " (%)" } else { "" });
        }
        let mut heading = String::new();
        for row in c.benchmark.iter().flatten() {
            let places = c.measures.iter().find(|m| m.name == row.measure).map_or(1, |m| usize::from(m.places));
            let this = [row.measure.as_str(), &row.role, &row.sector]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if this != heading {
                let middle = if c.has_england { "England" } else { "median" };
                let _ = writeln!(
                    out,
                    "\n{this}\n  {:<12}{:>10}{:>10}{:>10}  {:<40}rank",
                    "period", "council", middle, "region", ""
                );
                heading = this;
            }
            let figure = |v: Option<f64>| v.map_or("n/a".to_owned(), |v| decimal(v, places));
            let middle = if c.has_england { row.england } else { row.median };
            let region = match (&row.region, row.region_basis) {
                (Some(name), Some("mean_of_councils")) => format!("{name} (mean of its councils)"),
                (Some(name), _) => name.clone(),
                (None, _) => String::new(),
            };
            let rank = row.rank.map_or("n/a".to_owned(), |r| {
                format!("rank {r} of {} (quartile {})", row.ranked, row.quartile.unwrap_or_default())
            });
            let _ = writeln!(
                out,
                "  {:<12}{:>10}{:>10}{:>10}  {:<40}{rank}",
                if row.period.is_empty() { "-" } else { &row.period },
                figure(row.council),
                figure(middle),
                figure(row.region_value),
                region
            );
            if let Some(why) = &row.council_missing {
                let _ = writeln!(out, "  {:<12}council: {why}", "");
            }
        }
    }

    /// A table of figures: its columns with their units, each row as written, its checks.
    fn general(out: &mut String, g: &GeneralOut) {
        if let Some(title) = &g.title {
            let _ = writeln!(out, "\n{title}");
        }
        let _ = writeln!(out, "\nLayout: {}", g.layout.replace('_', " "));
        let heads: Vec<String> = g.columns.iter().map(|c| format!("{} ({})", c.heading, c.unit)).collect();
        let _ =
            writeln!(out, "{:<28}{}", g.label_heading, heads.iter().map(|h| format!(" {h:>21}")).collect::<String>());
        for row in g.rows.iter().chain(&g.total) {
            let cells: String = row.written.iter().map(|w| format!(" {w:>21}")).collect();
            let _ = writeln!(out, "{:<28}{cells}", row.label);
        }
        for note in &g.notes {
            let _ = writeln!(out, "  note: {note}");
        }
        let _ = writeln!(out, "\nChecks");
        for check in &g.checks {
            let _ = writeln!(out, "  {} {}", if check.passed { "ok  " } else { "WARN" }, check.message);
        }
    }

    fn figures(row: &FiguresOut) -> String {
        let f = |v: Option<f64>, style: fn(f64) -> String| v.map_or("n/a".to_owned(), style);
        format!(
            "{:<28}{:>14}{:>11}{:>9}{:>9}{:>14}{:>14}{:>13}",
            row.role,
            f(row.establishment, fte),
            f(row.permanent, fte),
            f(row.agency, fte),
            f(row.vacant, fte),
            f(row.over_under, fte_bracketed),
            f(row.vacancy_rate, rate),
            f(row.agency_rate, rate)
        )
    }

    fn rates(r: &RatesOut) -> String {
        let p = |v: Option<f64>| v.map_or("n/a".to_owned(), |v| format!("{}%", decimal(v, 1)));
        format!(
            "{:>7}  {:>7}  {:>8}  {:>8}",
            p(r.vacancy_rate),
            p(r.agency_rate),
            p(r.turnover_rate),
            r.caseload.map_or("n/a".to_owned(), |v| decimal(v, 1))
        )
    }
}

/// A chart as a PNG for Word, drawn natively at twice its size.
#[cfg(not(target_arch = "wasm32"))]
fn picture(chart: &wrb::engine::chart::Chart) -> Option<export::word::Picture> {
    export::png::chart_png(chart, 2.0)
}

/// The tool is for the command line; built for wasm32 (as `cargo test --target wasm32` builds
/// every binary) it writes each chart's figures instead of a picture.
#[cfg(target_arch = "wasm32")]
fn picture(_: &wrb::engine::chart::Chart) -> Option<export::word::Picture> {
    None
}
