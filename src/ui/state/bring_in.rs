//! Bringing a table in: a paste or a file becomes the report's establishment table (through
//! the Columns step) or joins its supporting tables, and one that cannot be read says why
//! without changing the report.

use std::rc::Rc;
use std::sync::Arc;

use super::{Effect, Failed, Import, Placed, Slot, State, Typing};
use crate::engine::format::{counted, sentence_start, sentence_start as capitalise};
use crate::engine::import::establishment::{headings_key, mapping_for_row};
use crate::engine::import::grid::GridRow;
use crate::engine::import::{Mapped, Problem, ProblemKind};
use crate::engine::model::TableKind;
use crate::engine::model::{
    ColumnUse, Content, DataBlock, GeneralTable, Origin, Project, RawInput, Recommendation, TableInput,
};
use crate::engine::report::general::{drawable as general_drawable, first_draft as general_draft};
use crate::engine::saved;
use crate::engine::tables::{self, Arrived, PeriodTable, Read, SupportingTable, Table};

/// What a pasted table is credited to in source lines.
pub const PASTED_SOURCE: &str = "table pasted by the report author";

/// The field where a paste or a file is put right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputField {
    Paste,
    Upload,
}

impl InputField {
    /// The field's id on the page, which the error summary links to.
    pub fn id(self) -> &'static str {
        match self {
            InputField::Paste => "paste-table",
            InputField::Upload => "upload-file",
        }
    }

    pub(super) fn of(input: &TableInput) -> InputField {
        match input.raw {
            RawInput::Text(_) => InputField::Paste,
            RawInput::File { .. } => InputField::Upload,
        }
    }
}

/// Identifies a file by its name and content, so a changed file with the same name is read again.
pub fn file_key(name: &str, bytes: &[u8]) -> u64 {
    // FNV-1a, over eight bytes at a time where it can (a workbook can be tens of megabytes):
    // each step is a bijection of the hash, so any one changed word changes the key, and
    // collisions would need the same name as well. Kept in memory only, never saved.
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(0x0100_0000_01b3);
    let hash = name.bytes().chain([0]).fold(0xcbf2_9ce4_8422_2325, |hash, byte| step(hash, u64::from(byte)));
    let mut words = bytes.chunks_exact(8);
    let hash = (&mut words).fold(step(hash, bytes.len() as u64), |hash, word| {
        step(hash, u64::from_le_bytes(word.try_into().expect("eight bytes")))
    });
    words.remainder().iter().fold(hash, |hash, &byte| step(hash, u64::from(byte)))
}

type Reduced = (State, Vec<Effect>);

/// The paste box changed: a table that reads joins the report, one that does not says why.
pub(super) fn paste_edited(mut next: State, text: String) -> Reduced {
    // The same text again (the box says so on input and on change): nothing to read again,
    // and what was said about it stands. A table read beside the report (a tracker, a
    // budget) would otherwise come in twice.
    if text == next.paste && next.paste_read {
        return (next, Vec::new());
    }
    next.paste_read = true;
    next.failed = next.failed.filter(|f| f.field != InputField::Paste);
    next.paste = text.clone();
    if text.trim().is_empty() {
        // Clearing the box leaves the report as it is.
        next.import = next.import.filter(|i| !i.is_paste());
        return (next, Vec::new());
    }
    let input = TableInput::pasted(text.clone(), PASTED_SOURCE);
    let arrived = Rc::new(Arrived::pasted(&text));
    if let Some(read) = arrived.read_supporting() {
        // The box now holds this table, so the Columns step of the table it held before (read
        // into the report already, or not readable) would describe text no longer there.
        next.import = next.import.filter(|i| !i.is_paste());
        return (beside_the_report(next, "the pasted table", input, arrived, read), Vec::new());
    }
    // Typing or pasting again into the box edits the same table; "Add another period's
    // table" starts a new one.
    let fresh = if next.import.as_ref().is_some_and(Import::is_paste) { Fresh::No } else { Fresh::Yes };
    (read(next, input, fresh), Vec::new())
}

/// A file's bytes, as the browser read them: a saved draft opens, anything else is read in
/// the import worker.
pub(super) fn file_opened(mut next: State, name: String, bytes: Arc<[u8]>) -> Reduced {
    if saved::is_saved_draft(&bytes) {
        return project_opened(next, &String::from_utf8_lossy(&bytes), name);
    }
    reading(&mut next, &name);
    (next, vec![Effect::ReadFile { name, bytes, sheet: None, again: false }])
}

/// Another sheet of the workbook being brought in, read in the worker.
pub(super) fn sheet_chosen(mut next: State, sheet: String) -> Reduced {
    let Some(RawInput::File { name, bytes }) = next.import.as_ref().map(|i| i.input.raw.clone()) else {
        return (next, Vec::new());
    };
    reading(&mut next, &name);
    (next, vec![Effect::ReadFile { name, bytes, sheet: Some(sheet), again: false }])
}

pub(super) fn reading(next: &mut State, name: &str) {
    next.failed = next.failed.take().filter(|f| f.field != InputField::Upload);
    next.busy = Some(format!("Reading {name}…"));
    next.status = format!("Reading {name}…");
}

/// A project file or page for members: it replaces the draft, and its files are read again.
pub(super) fn project_opened(mut next: State, text: &str, from: String) -> Reduced {
    match saved::open(text) {
        Ok(project) => {
            let effects = read_files_of(&project);
            next.project = project;
            next.paste_read = false;
            next.import = None;
            next.failed = None;
            next.busy = None;
            next.status = format!("Opened {from}. Undo goes back to the report you had.");
            (next, effects)
        }
        Err(why) => file_failed(next, from, ProblemKind::NotAProject(why)),
    }
}

/// Every file a project holds, read again by the worker for its rows.
pub(super) fn read_files_of(project: &Project) -> Vec<Effect> {
    project
        .tables
        .iter()
        .chain(&project.supporting)
        .filter_map(|input| match &input.raw {
            RawInput::File { name, bytes } => Some(Effect::ReadFile {
                name: name.clone(),
                bytes: bytes.clone(),
                sheet: input.sheet.clone(),
                again: true,
            }),
            RawInput::Text(_) => None,
        })
        .collect()
}

pub(super) fn file_failed(mut next: State, name: String, problem: ProblemKind) -> Reduced {
    next.busy = None;
    next.status = format!("{name} could not be read: {problem} The report has not changed.");
    let problem = Problem::whole(problem).located(Some(&name), None);
    next.failed = Some(Failed { field: InputField::Upload, problems: vec![problem] });
    (next, vec![Effect::Focus(ERROR_SUMMARY)])
}

/// The error summary's id: the focus goes there when a file could not be read.
pub const ERROR_SUMMARY: &str = "error-summary";

/// A file (or one sheet of it) as the import worker read it: a supporting table joins the
/// project, an establishment table is brought in, one that cannot be read says why. A new
/// file that cannot be read takes the focus to the error summary; another sheet of the same
/// file, chosen from the list, leaves the focus on the list.
pub(super) fn file_read(mut next: State, name: String, bytes: Arc<[u8]>, arrived: Result<Arrived, Problem>) -> Reduced {
    let new_file = !is_being_brought_in(&next, &name, &bytes);
    let this = (name.clone(), bytes.clone());
    next.busy = None;
    // A file that reads clears what was said about the last one that did not.
    next.failed = next.failed.take().filter(|f| f.field != InputField::Upload);
    let mut next = match arrived {
        Ok(arrived) => {
            let arrived = next.keep_rows(&name, &bytes, arrived);
            let sheet = arrived.loaded.sheet.clone();
            let input = file_input(name.clone(), bytes.clone(), sheet);
            if let Some(read) = arrived.read_supporting() {
                beside_the_report(next, &name, input, arrived, read)
            } else {
                // Another sheet of the file being brought in keeps that import's place among the periods.
                let fresh = if new_file { Fresh::Yes } else { Fresh::No };
                read(next, input, fresh)
            }
        }
        Err(problem) => {
            let input = file_input(name, bytes, None);
            let (_, reading) = tables::bring_in(&input, &|_| Err(problem.clone()), &next.remembered);
            next.status = format!("{} could not be read; the report has not changed.", capitalise(&file_name(&input)));
            let before = next.project.tables.clone();
            next.import = Some(Import {
                input,
                reading: Rc::new(reading),
                before,
                slot: Slot::Latest,
                slot_chosen: false,
                placed: None,
            });
            next
        }
    };
    // This file: not one brought in earlier that could not be read either.
    let this_failed = next.failed.as_ref().is_some_and(|f| f.field == InputField::Upload)
        || (is_being_brought_in(&next, &this.0, &this.1)
            && next.import.as_ref().is_some_and(|i| i.reading.outcome.is_err()));
    let effects = if new_file && this_failed { vec![Effect::Focus(ERROR_SUMMARY)] } else { Vec::new() };
    next.busy = None;
    (next, effects)
}

/// Whether this file is the one being brought in: compared as the project compares inputs,
/// by the shared bytes first, so a file of tens of megabytes is not hashed again.
fn is_being_brought_in(state: &State, name: &str, bytes: &Arc<[u8]>) -> bool {
    let file = RawInput::File { name: name.to_owned(), bytes: bytes.clone() };
    state.import.as_ref().is_some_and(|i| i.input.raw == file)
}

/// A table of a kind with its own reader, read where it came in (the worker, for a file):
/// it joins the project's supporting tables, replacing one of the same kind, or says why it
/// could not be read. Its reading is handed to the tables as it is, not read again.
fn beside_the_report(
    mut next: State,
    name: &str,
    input: TableInput,
    arrived: Rc<Arrived>,
    (kind, read): (TableKind, Read),
) -> State {
    match read {
        // A tracker's rows go into the document, where the officer edits them.
        Ok(Table::Tracker(rows)) => {
            next.failed = next.failed.take().filter(|f| f.field != InputField::of(&input));
            next.status = tracker_placed(&mut next, name, &rows);
        }
        Ok(table) => {
            let mut message = loaded_message(name, &table);
            // Tables of figures stand side by side; a table of another kind replaces its like.
            let same_kind: Vec<TableInput> = next
                .tables
                .supporting
                .iter()
                .filter(|t| t.kind == kind && kind != TableKind::General)
                .map(|t| t.input.clone())
                .collect();
            next.project.supporting.retain(|existing| !same_kind.contains(existing));
            next.failed = next.failed.take().filter(|f| f.field != InputField::of(&input));
            // An id, so a table of figures its reader fell back to can be pointed to by blocks.
            let input = TableInput { id: next.project.fresh_table_id(), ..input };
            next.project.supporting.push(input.clone());
            if let Table::General(general) = &table {
                message = general_placed(&mut next, input.id, general, None).0;
            }
            let entry = SupportingTable::arrived(input, arrived, kind, Ok(table));
            next.tables = Rc::new(next.tables.with_supporting(entry));
            next.status = capitalise(&message);
        }
        Err(problems) => {
            let first = problems.first().map(|p| placed(p, name).to_string());
            next.status = capitalise(&format!("{name} could not be read: {}", first.unwrap_or_default()));
            next.failed = Some(Failed { field: InputField::of(&input), problems });
        }
    }
    next
}

/// A problem placed in the file it came from; a paste's rows are named as they are.
fn placed(problem: &Problem, name: &str) -> Problem {
    match &problem.file {
        Some(_) => problem.clone(),
        None => problem.clone().located(Some(name), problem.sheet.as_deref()),
    }
}

/// What the officer is told when a supporting table comes in.
fn loaded_message(name: &str, table: &Table) -> String {
    match table {
        Table::DfeIndicators(_) => {
            format!("Loaded {name}: choose a council under Benchmarks, or insert a benchmark table into the report.")
        }
        Table::StatisticalNeighbours(_) => {
            format!("Loaded {name}: statistical neighbours are shown under Benchmarks.")
        }
        Table::Comparison(file) => format!(
            "Loaded {name}: {} for {}. Choose the council and measure under Benchmarks, or insert an adult \
             benchmark table into the report.",
            counted(file.measures.len(), "measure", "measures"),
            counted(file.councils().len(), "council", "councils")
        ),
        Table::StaffList(list) => {
            let people = counted(list.people.len(), "person", "people");
            format!("Loaded {name}: {people}. Their figures are under Staff list.")
        }
        Table::Cohorts(_) => format!("Loaded {name}: cohorts are under Cohorts, recruitment and budgets."),
        Table::Recruitment(_) => format!("Loaded {name}: campaigns are under Cohorts, recruitment and budgets."),
        Table::Budget(_) => format!("Loaded {name}: the budget is under Cohorts, recruitment and budgets."),
        Table::General(table) => format!("Loaded {name} as a table of figures: {}", table.name()),
        Table::Tracker(rows) => format!("Loaded {name}: {}.", counted(rows.len(), "recommendation", "recommendations")),
    }
}

/// A tracker that has just come in fills the report's tracker block (the first one), or goes
/// into the section being written, or a section of its own, with a sentence counting its
/// statuses. Says where, for the status line.
fn tracker_placed(next: &mut State, name: &str, rows: &[Recommendation]) -> String {
    let document = &mut next.project.document;
    let recommendations = counted(rows.len(), "recommendation", "recommendations");
    let existing = document.sections.iter_mut().enumerate().find_map(|(i, section)| {
        let heading = section.heading.clone();
        section.paragraphs.iter_mut().enumerate().find_map(|(j, p)| match &mut p.content {
            Content::Data { block: DataBlock::Recommendations(kept), .. } => {
                let was_empty = kept.is_empty();
                *kept = rows.to_vec();
                Some((format!("paragraph {}.{} ({heading})", i + 1, j + 1), was_empty))
            }
            _ => None,
        })
    });
    match existing {
        Some((place, true)) => return format!("Loaded {name}: its {recommendations} fill the tracker at {place}."),
        Some((place, false)) => {
            return format!(
                "Loaded {name}: its {recommendations} replace those in the tracker at {place}. Undo puts back what \
                 was there."
            )
        }
        None => {}
    }
    let added = put_in_report(
        next,
        "Progress against recommendations".into(),
        vec![
            Content::Text("{progress on recommendations}.".into()),
            Content::Data { block: DataBlock::Recommendations(rows.to_vec()), title: String::new() },
        ],
    );
    let number = added.number;
    format!(
        "Loaded {name}: its {recommendations} are in the report, with a sentence counting them by status, at the end \
         of section {number}. Undo takes them out."
    )
}

/// A period named in the lines above an establishment table's headings (a title or a note).
fn titled_period(reading: &crate::engine::import::Reading) -> Option<String> {
    let Ok(Mapped::Establishment(_)) = &reading.outcome else { return None };
    let (loaded, mapping) = (reading.loaded.as_ref().ok()?, reading.mapping.as_ref()?);
    loaded
        .rows
        .iter()
        .take_while(|r| r.line < mapping.header_line)
        .find_map(|row| row.cells.iter().find_map(|cell| crate::engine::import::general::only_period_in(cell)))
}

/// Whether a reading starts a new import, or reads the current one again with a new choice.
#[derive(Clone, Copy, PartialEq)]
enum Fresh {
    Yes,
    No,
}

/// Reads an input; when it reads, it becomes the project's table (an establishment table) or
/// joins the report beside it (a general table), with the sheet and columns it was read with
/// fixed, so the saved project reads the same way again.
fn read(mut next: State, input: TableInput, fresh: Fresh) -> State {
    let (before, slot, slot_chosen, placed) = match (&next.import, &fresh) {
        (Some(import), Fresh::No) => (import.before.clone(), import.slot, import.slot_chosen, import.placed.clone()),
        // Another table in place of one still being brought in (the wrong file chosen): it
        // takes that one's place among the periods, beside the kept table if that one was.
        (Some(import), Fresh::Yes) if import.placed.is_none() => {
            (import.before.clone(), import.slot, import.slot_chosen, None)
        }
        _ => (next.project.tables.clone(), Slot::Latest, false, None),
    };
    let (from, reading) = tables::bring_in(&input, &|input| next.arrived_for(input), &next.remembered);
    // A period named in a line above the table ("Based on 2024/25 budgeted establishment")
    // is the table's until the officer types another.
    let titled = (fresh == Fresh::Yes && input.period.is_empty()).then(|| titled_period(&reading)).flatten();
    let input = TableInput { period: titled.clone().unwrap_or(input.period), ..input };
    // After "Add another period's table" a new table goes beside the report's; otherwise (a
    // new file while one is being brought in, a paste after a reload) it replaces it, as it
    // always has, unless the officer says otherwise.
    let beside = (fresh == Fresh::Yes && next.another_period) || slot != Slot::Latest;
    if fresh == Fresh::Yes {
        next.another_period = false;
    }
    let slot = match (slot_chosen, beside) {
        (true, _) | (false, false) => slot,
        (false, true) => Slot::by_default(&before, &input.period),
    };
    let name = file_name(&input);
    let sheet = reading.loaded.as_ref().ok().and_then(|l| l.sheet.clone());
    let source = match (&input.raw, &sheet) {
        (RawInput::File { name, .. }, Some(sheet)) => format!("{name}, sheet {sheet}"),
        _ => input.source.clone(),
    };
    let accepted = TableInput { sheet, source, mapping: reading.mapping.clone(), ..input.clone() };
    let mut placed_now = None;
    match &reading.outcome {
        Ok(Mapped::Establishment(read)) => {
            take_out_general(&mut next, placed.as_ref());
            // The sample's other tables describe the fictional council: they go with its figures.
            if before.iter().all(|t| t.origin == Origin::Sample) {
                next.project.supporting.retain(|t| t.origin != Origin::Sample);
            }
            next.project.tables = match (slot, before.first()) {
                (Slot::Earlier, Some(latest)) => vec![latest.clone(), accepted.clone()],
                (Slot::Later, Some(latest)) => vec![accepted.clone(), latest.clone()],
                _ => vec![accepted.clone()],
            };
            // Read once, here: the tables take this reading rather than reading it again.
            let table = PeriodTable::from_reading(accepted, from, reading.kind, read.clone());
            next.tables = Rc::new(next.tables.with_period(table));
            let roles = read.table.rows.len();
            let left_out = match read.skipped.len() {
                0 => String::new(),
                n => format!(" {n} unreadable {} left out.", if n == 1 { "cell was" } else { "cells were" }),
            };
            let from_title =
                titled.map_or(String::new(), |p| format!(" Its period, {p}, is taken from its title line."));
            // The report compares two periods: a third put beside them takes one's place.
            let dropped: Vec<String> = match slot {
                Slot::Latest => Vec::new(),
                _ => before
                    .iter()
                    .skip(1)
                    .map(|t| if t.period.is_empty() { "earlier".into() } else { t.period.clone() })
                    .collect(),
            };
            let dropped = match dropped.as_slice() {
                [] => String::new(),
                [period, ..] => format!(" The {period} table is no longer compared: the report compares two periods, and Undo brings it back."),
            };
            next.status = format!(
                "Report updated from {name}: {roles} {}.{left_out}{from_title}{dropped}",
                if roles == 1 { "role" } else { "roles" }
            );
        }
        Ok(Mapped::General(table)) => {
            // A table that read as establishment a moment ago gives its place back.
            next.project.tables = before.clone();
            // A different table pasted over this one (not the same one corrected) takes the
            // place of what this one added: its sentence named the other table's figures.
            let headings = source_headings(&reading);
            let placed = match placed {
                Some(kept) if kept.headings.is_some() && kept.headings == headings => Some(kept),
                other => {
                    take_out_general(&mut next, other.as_ref());
                    None
                }
            };
            let id = placed.as_ref().map_or_else(|| next.project.fresh_table_id(), |p| p.table);
            let accepted = TableInput { id, ..accepted };
            match next.project.supporting.iter_mut().find(|t| t.id == id) {
                Some(existing) => *existing = accepted.clone(),
                None => next.project.supporting.push(accepted.clone()),
            }
            let entry =
                SupportingTable::from_reading(accepted, from, TableKind::General, Table::General(table.clone()));
            next.tables = Rc::new(next.tables.with_supporting(entry));
            let (status, now) = match placed {
                Some(kept) => (format!("Report updated from {name}: {}.", table.name()), kept),
                None => general_placed(&mut next, id, table, headings),
            };
            next.status = status;
            placed_now = Some(now);
        }
        Err(_) => {
            take_out_general(&mut next, placed.as_ref());
            next.status = format!("{} could not be read; the report has not changed.", capitalise(&name));
        }
    }
    next.import = Some(Import { input, reading: Rc::new(reading), before, slot, slot_chosen, placed: placed_now });
    next
}

/// A general table this import had put in the report, taken out again (its columns were
/// chosen as an establishment table's, or it no longer reads), with the blocks made from it.
fn take_out_general(next: &mut State, placed: Option<&Placed>) {
    let Some(placed) = placed else { return };
    let id = placed.table;
    next.project.supporting.retain(|t| t.id != id);
    let document = &mut next.project.document;
    for section in &mut document.sections {
        section.paragraphs.retain(|p| {
            let its_block = matches!(&p.content, Content::Data { block: DataBlock::GeneralTable(t) | DataBlock::GeneralChart(t), .. } if *t == id);
            !its_block && !placed.paragraphs.contains(&p.id)
        });
    }
    // The section made for it goes too, unless the officer has written in it since.
    if let Some(section) = placed.section.filter(|s| document.section(*s).is_some_and(|s| s.paragraphs.is_empty())) {
        document.remove_section(section);
    }
}

/// The row of headings a reading was read under, as the source wrote it.
fn source_headings(reading: &crate::engine::import::Reading) -> Option<String> {
    let (loaded, mapping) = (reading.loaded.as_ref().ok()?, reading.mapping.as_ref()?);
    loaded.rows.iter().find(|r| r.line == mapping.header_line).map(headings_key)
}

/// A general table that has just come in goes into the report where the officer is writing,
/// or in a section of its own: its table, its chart and a first-draft sentence with live
/// figures. Says where, for the status line.
fn general_placed(next: &mut State, id: u32, table: &GeneralTable, headings: Option<String>) -> (String, Placed) {
    let mut contents = Vec::new();
    let added_sentence = match general_draft(table) {
        Some(sentence) => {
            contents.push(Content::Text(sentence));
            true
        }
        None => false,
    };
    contents.push(Content::Data { block: DataBlock::GeneralTable(id), title: String::new() });
    // A chart only where there is one to draw (not for figures in many units).
    let charted = general_drawable(table);
    if charted {
        contents.push(Content::Data { block: DataBlock::GeneralChart(id), title: String::new() });
    }
    let Added { number, heading, made, paragraphs } = put_in_report(next, sentence_start(&table.name()), contents);
    let said = format!(
        "Added “{}” to the report: {}, at the end of section {number} ({heading}). Undo takes {} out.",
        table.name(),
        match (added_sentence, charted) {
            (true, true) => "a sentence, its table and a chart",
            (true, false) => "a sentence and its table",
            (false, true) => "its table and a chart",
            (false, false) => "its table",
        },
        if added_sentence || charted { "them" } else { "it" }
    );
    (said, Placed { table: id, paragraphs, section: made, headings })
}

/// Where `put_in_report` put blocks: the section's number and heading, the section if it made
/// one, and the paragraphs added.
struct Added {
    number: usize,
    heading: String,
    made: Option<u32>,
    paragraphs: Vec<u32>,
}

/// Blocks that came in with a table go at the end of the section the officer is writing in,
/// or of a new section under `heading`.
fn put_in_report(next: &mut State, heading: String, contents: Vec<Content>) -> Added {
    let document = &mut next.project.document;
    let writing_in = match next.typing_in {
        Some(Typing::Paragraph(p)) => document.find_paragraph(p).map(|(i, _)| document.sections[i].id),
        Some(Typing::Heading(s)) => document.section(s).map(|s| s.id),
        _ => None,
    };
    let (section, made) = match writing_in {
        Some(section) => (section, None),
        None => {
            let at = document.committee_place(&heading);
            let made = document.add_section(at, heading);
            (made, Some(made))
        }
    };
    let mut paragraphs = Vec::new();
    for content in contents {
        let at = document.section(section).map_or(0, |s| s.paragraphs.len());
        paragraphs.extend(document.add_paragraph(section, at, content));
    }
    let number = document.sections.iter().position(|s| s.id == section).map_or(0, |i| i + 1);
    let heading = document.section(section).map(|s| s.heading.clone()).unwrap_or_default();
    Added { number, heading, made, paragraphs }
}

/// The import read again with one choice changed.
fn again(next: State, change: impl FnOnce(&mut TableInput)) -> Reduced {
    let Some(import) = &next.import else { return (next, Vec::new()) };
    let mut input = import.input.clone();
    change(&mut input);
    (read(next, input, Fresh::No), Vec::new())
}

pub(super) fn header_row_chosen(next: State, line: usize) -> Reduced {
    let Some(row) = current_rows(&next).and_then(|rows| rows.iter().find(|r| r.line == line)).cloned() else {
        return (next, Vec::new());
    };
    again(next, |input| input.mapping = Some(mapping_for_row(&row)))
}

pub(super) fn column_set(mut next: State, column: usize, holds: ColumnUse) -> Reduced {
    let Some(mut mapping) = next.import.as_ref().and_then(|i| i.reading.mapping.clone()) else {
        return (next, Vec::new());
    };
    if column >= mapping.columns.len() {
        mapping.columns.resize(column + 1, ColumnUse::NotUsed);
    }
    mapping.columns[column] = holds;
    // Remember the choice for the next table with the same headings.
    if let Some(header) = current_rows(&next).and_then(|rows| rows.iter().find(|r| r.line == mapping.header_line)) {
        let key = headings_key(header);
        next.remembered.insert(key, mapping.columns.clone());
    }
    again(next, |input| input.mapping = Some(mapping))
}

pub(super) fn guess_again(mut next: State) -> Reduced {
    let header_line = next.import.as_ref().and_then(|i| i.reading.mapping.as_ref()).map(|m| m.header_line);
    if let Some(header) = current_rows(&next).and_then(|rows| rows.iter().find(|r| Some(r.line) == header_line)) {
        let key = headings_key(header);
        next.remembered.remove(&key);
    }
    again(next, |input| input.mapping = None)
}

pub(super) fn skip_unreadable(next: State, skip: bool) -> Reduced {
    again(next, |input| input.skip_unreadable = skip)
}

pub(super) fn transposed(next: State, swap: bool) -> Reduced {
    // The heading row of one way round means nothing the other way: it is found again.
    again(next, |input| {
        input.transposed = swap;
        input.mapping = None;
    })
}

pub(super) fn period_set(next: State, period: String) -> Reduced {
    again(next, |input| input.period = period.trim().to_owned())
}

pub(super) fn slot_chosen(mut next: State, slot: Slot) -> Reduced {
    if let Some(import) = &mut next.import {
        import.slot = slot;
        import.slot_chosen = true;
    }
    again(next, |_| ())
}

pub(super) fn finished(next: &mut State) {
    next.another_period =
        next.import.as_ref().is_some_and(|i| matches!(i.reading.outcome, Ok(Mapped::Establishment(_))));
    next.import = None;
    next.failed = None;
    // The text is in the project now; the box is cleared for the next table.
    next.paste = String::new();
    next.status = "Paste or upload the next table.".into();
}

fn current_rows(state: &State) -> Option<&[GridRow]> {
    let import = state.import.as_ref()?;
    Some(&import.reading.loaded.as_ref().ok()?.rows)
}

fn file_input(name: String, bytes: Arc<[u8]>, sheet: Option<String>) -> TableInput {
    TableInput {
        period: String::new(),
        source: name.clone(),
        origin: Origin::Uploaded,
        raw: RawInput::File { name, bytes },
        sheet,
        mapping: None,
        skip_unreadable: false,
        id: 0,
        transposed: false,
    }
}

fn file_name(input: &TableInput) -> String {
    match &input.raw {
        RawInput::Text(_) => "the pasted table".to_owned(),
        RawInput::File { name, .. } => name.clone(),
    }
}
