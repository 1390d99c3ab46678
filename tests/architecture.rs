//! The engine is plain Rust: nothing under src/engine may reach the browser or the UI, so it
//! runs natively, in the `wfr` tool and in a worker alike.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_uses_no_browser_or_ui_crate() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"), &mut files);
    assert!(files.len() > 5, "expected the engine's modules, found {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for forbidden in ["web_sys", "yew::", "gloo::", "wasm_bindgen", "js_sys", "crate::ui"] {
            assert!(!text.contains(forbidden), "{} mentions {forbidden}", file.display());
        }
    }
}

/// The engine's layers, lowest first. A layer may use the layers below it and never one
/// above: the flow goes one way, from the officer's input to what leaves the builder.
/// `model` (the typed values every layer speaks), `format` (the number style) and `case`
/// (letter case) are the ground; `saved` opens and migrates saved drafts from the model alone; `import` reads input
/// into the model; `tables` reads each of the project's inputs once; `metrics` works figures
/// out of typed tables; `chart` draws them; `report` lays out the document over the facts;
/// `analysis` and `export` take the report and the tables out; `sample` uses them all.
const LAYERS: &[(&str, usize)] = &[
    ("format", 0),
    ("case", 0),
    ("order", 0),
    ("model", 0),
    ("saved", 1),
    ("import", 2),
    ("tables", 3),
    ("metrics", 4),
    ("chart", 5),
    ("report", 6),
    ("analysis", 7),
    ("export", 8),
    ("sample", 9),
];

fn layer(module: &str) -> usize {
    LAYERS.iter().find(|(name, _)| *name == module).unwrap_or_else(|| panic!("{module} has no layer in LAYERS")).1
}

/// The engine modules a file names: `crate::engine::x` (or `crate::engine::{x, y::z}`), and
/// `super::x` (or `super::super::x`) where that reaches the engine itself.
fn engine_modules_used(text: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut take = |rest: &str| {
        let word = |rest: &str| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
        if let Some(group) = rest.strip_prefix('{') {
            // Each path in the group, at any depth of nesting, by its first name.
            let group = &group[..group.find("};").or_else(|| group.find('}')).unwrap_or(group.len())];
            let mut depth = 0;
            let mut at_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_start = true,
                    c if c.is_whitespace() => {}
                    _ if at_start && depth == 0 => {
                        found.push(word(&group[i..]));
                        at_start = false;
                    }
                    _ => at_start = false,
                }
            }
            return;
        }
        let name = word(rest);
        if !name.is_empty() {
            found.push(name);
        }
    };
    for (i, _) in text.match_indices("crate::engine::") {
        take(&text[i + "crate::engine::".len()..]);
    }
    let to_engine = "super::".repeat(depth);
    if depth > 0 {
        for (i, _) in text.match_indices(&to_engine) {
            let before = &text[..i];
            if !before.ends_with("super::") {
                let rest = &text[i + to_engine.len()..];
                if !rest.starts_with("super::") {
                    take(rest);
                }
            }
        }
    }
    found
}

#[test]
fn the_engines_layers_point_one_way() {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut files = Vec::new();
    rust_files(&engine, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&engine).unwrap();
        let parts: Vec<String> =
            relative.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
        if parts[0] == "mod" {
            continue;
        }
        let module = parts[0].clone();
        // How many `super::` reach the engine from this file: one from engine/x.rs and
        // engine/x/mod.rs, two from engine/x/y.rs.
        let depth = match parts.len() {
            1 => 1,
            2 if parts[1] == "mod" => 1,
            n => n,
        };
        let text = std::fs::read_to_string(file).unwrap();
        // A module's own tests may build their cases from anything.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for used in engine_modules_used(code, depth) {
            if used != module && LAYERS.iter().any(|(name, _)| *name == used) && layer(&used) > layer(&module) {
                wrong.push(format!("{} uses {used}, a layer above {module}", relative.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_engine_module_has_a_layer() {
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_owned();
        if name != "mod" {
            layer(&name);
        }
    }
}

/// Files of one module that use each other (chart's frame and general once did) are one
/// file cut in two: what they share belongs to the module above them.
#[test]
fn no_two_files_of_a_module_use_each_other() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let (Some(dir), Some(stem)) = (file.parent(), file.file_stem()) else { continue };
        let stem = stem.to_string_lossy();
        if stem == "mod" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for other in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            let Some(other_stem) = other.file_stem().map(|s| s.to_string_lossy().into_owned()) else { continue };
            if other == *file || other_stem == "mod" || other.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let uses = |text: &str, name: &str| {
                text.contains(&format!("super::{name}::")) || text.contains(&format!("super::{name}::{{"))
            };
            if uses(&text, &other_stem)
                && uses(&std::fs::read_to_string(&other).unwrap(), &stem)
                && stem.as_ref() < other_stem.as_str()
            {
                wrong.push(format!("{} and {} use each other", file.display(), other.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A function in the UI fits on a screen or two: one that grows past that is doing the work of
/// several (the page's effects once lived in one of 560 lines).
#[test]
fn no_function_in_the_ui_is_longer_than_200_lines() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut files);
    let mut long = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (start, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "async fn ", "pub async fn "]
                .iter()
                .any(|p| trimmed.starts_with(p));
            let indent = &line[..line.len() - trimmed.len()];
            // A signature over several lines ends in a line at the function's indentation.
            let opens = line.trim_end().ends_with('{')
                || lines[start + 1..]
                    .iter()
                    .take_while(|l| !l.trim().is_empty())
                    .find(|l| l.starts_with(indent) && !l[indent.len()..].starts_with(' '))
                    .is_some_and(|l| l.trim_end().ends_with('{'));
            if !is_fn || !opens || line.trim_end().ends_with(';') {
                continue;
            }
            // rustfmt closes a function with a brace at the indentation it opened at.
            let close = format!("{indent}}}");
            let end = lines[start + 1..].iter().position(|l| *l == close).map_or(lines.len(), |n| start + 1 + n);
            if end - start > 200 {
                long.push(format!("{}:{}: {} lines", file.display(), start + 1, end - start));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// The readers of the officer's input are called in one place: the import layer reads, the
/// tables layer chooses the reader and keeps what it read, and the import worker loads files.
/// Nothing else (the report, the checks, the panels, the reducer, `wfr`) reads an input again.
#[test]
fn only_the_tables_layer_calls_the_readers() {
    let readers = [
        "read_loaded(",
        "read_input(",
        "read_mapped(",
        "read_establishment(",
        "read_staff_list(",
        "read_indicators(",
        "read_neighbours(",
        "read_cohorts(",
        "read_campaigns(",
        "read_budget(",
        "read_tracker(",
        "read_general(",
        "guess_general(",
        "read_through(",
        "read_general_loaded(",
        "load_input(",
        "load_pasted(",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        // The import benchmark times a reader itself, as the worker runs it.
        if relative.starts_with("engine/import")
            || relative.starts_with("engine/tables")
            || relative == "bin/bench_import.rs"
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // A module's own tests read their fixtures; the code they test does not.
        let code_only = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code_only.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for reader in readers {
                if code.contains(reader) && !code.contains(&format!("fn {reader}")) {
                    wrong.push(format!("{relative}:{}: {reader}", n + 1));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Each call of the standard library's sort with its own closure compiles a whole sort into the
/// page's code (fifteen took about 54 KB of its wasm); code the page links sorts through
/// `engine::order`, which compiles one. Code only the workers or the command-line tool link
/// (exports, the spreadsheet reader, analysis) may sort as it likes.
#[test]
fn the_pages_code_sorts_through_one_sort() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let sorts = [".sort()", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key(", ".sort_unstable"];
    let mut wrong = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let not_the_page = ["bin/", "engine/export/", "engine/analysis.rs", "engine/import/spreadsheet.rs"];
        if relative == "engine/order.rs" || not_the_page.iter().any(|p| relative.starts_with(p)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code_only = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code_only.lines().enumerate() {
            if !line.trim_start().starts_with("//") && sorts.iter().any(|s| line.contains(s)) {
                wrong.push(format!("{relative}:{}: sort through crate::engine::order", n + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
