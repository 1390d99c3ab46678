//! The app's reducer, natively: every import step an officer takes, and that a table which
//! cannot be read never replaces the report.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use wrb::engine::import::kind::TableKind;
use wrb::engine::import::{load, Input, ProblemKind};
use wrb::engine::model::{ColumnUse, Content, DataBlock, Date, Field, Origin, RawInput};
use wrb::engine::report::Block;
use wrb::engine::sample::sample_project;
use wrb::engine::tables::{readings, Arrived, Table};
use wrb::ui::state::{reduce, Action, Effect, FieldError, InputField, State, ERROR_SUMMARY};

/// What the import worker replies for a file, computed here as the worker would.
fn file_read(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Action {
    let arrived = load(Input::File { name, bytes: &bytes, sheet }).map(Arrived::from_rows);
    Action::FileRead { name: name.to_owned(), bytes: bytes.into(), arrived }
}

/// The state after an action (its effects are for the edge).
fn reduce_(state: &State, action: Action) -> State {
    reduce(state, action).0
}

fn after(actions: Vec<Action>) -> State {
    actions.into_iter().fold(State::default(), |state, action| reduce_(&state, action))
}

/// Whether an action asks the edge to move the focus to the error summary.
fn focuses_summary(state: &State, action: Action) -> bool {
    reduce(state, action).1.contains(&Effect::Focus(ERROR_SUMMARY))
}

fn roles(state: &State) -> Vec<String> {
    let read = state.tables.periods[0].read.as_ref().expect("the project's table reads");
    read.table.rows.iter().map(|r| r.role.clone()).collect()
}

/// The staff figures the report and the Staff list panel show.
fn staff(state: &State) -> &wrb::engine::metrics::staff::StaffFigures {
    &state.facts.staff.as_ref().expect("a staff list").as_ref().expect("it reads").1
}

const GOOD: &str =
    "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t7\t2\t3\nTeam Manager\t2\t2\t0\t0\n";

#[test]
fn a_readable_paste_replaces_the_sample() {
    let state = after(vec![Action::PasteEdited(GOOD.into())]);
    assert_eq!(state.project.tables.len(), 1);
    assert_eq!(state.project.tables[0].origin, Origin::Pasted);
    assert_eq!(roles(&state), ["Social Worker", "Team Manager"]);
    assert_eq!(state.status, "Report updated from the pasted table: 2 roles.");
    let saved = state.project.tables[0].mapping.as_ref().expect("the columns it was read with are saved");
    assert_eq!(saved.columns[0], ColumnUse::Role);
    // The same table pasted again (a paste box fires as it fills) is still one table.
    let again = reduce_(&state, Action::PasteEdited(GOOD.into()));
    assert_eq!((again.tables.periods.len(), again.facts.periods.len(), again.checks.len()), (1, 1, 1));
}

/// Words with no table in them: nothing any reader can take.
const NO_TABLE: &str = "Notes for the meeting\nthe figures follow next week\n";

#[test]
fn an_unreadable_paste_keeps_the_report_and_the_text() {
    let state = after(vec![Action::PasteEdited(NO_TABLE.into())]);
    // The Checks panel, still on the sample's tables, says whose they are.
    let checked: Vec<&str> = state.checks.iter().map(|c| c.title.as_str()).collect();
    assert!(
        !checked.is_empty() && checked.iter().all(|t| t.ends_with("(the sample's fictional figures)")),
        "{checked:?}"
    );
    let own = after(vec![Action::PasteEdited(GOOD.into())]);
    assert_eq!(own.checks.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["The establishment table (pasted)"]);
    assert_eq!(state.project, sample_project(), "the report is untouched");
    assert_eq!(state.paste, NO_TABLE);
    let problems = state.import.as_ref().unwrap().reading.outcome.as_ref().unwrap_err();
    assert_eq!(problems[0].kind, ProblemKind::NoHeadingRow);
    assert!(problems[0].message().starts_with("No row of column headings was found above the figures."));

    // Clearing the box afterwards changes nothing in the report either.
    let cleared = reduce_(&state, Action::PasteEdited(String::new()));
    assert_eq!(cleared.project, sample_project());
    assert!(cleared.import.is_none());
}

#[test]
fn the_officer_corrects_a_column_and_it_is_remembered() {
    // "Staff" and "Temps" are not headings the guess knows.
    let text = "Post title\tFunded FTE\tStaff\tTemps\nSocial Worker\t10\t8\t2\n";
    let state = after(vec![Action::PasteEdited(text.into())]);
    let mapping = state.import.as_ref().unwrap().reading.mapping.clone().unwrap();
    assert_eq!(
        mapping.columns,
        [ColumnUse::Role, ColumnUse::Figure(Field::Establishment), ColumnUse::NotUsed, ColumnUse::NotUsed]
    );

    let state = reduce_(&state, Action::ColumnSet { column: 2, holds: ColumnUse::Figure(Field::Permanent) });
    let state = reduce_(&state, Action::ColumnSet { column: 3, holds: ColumnUse::Figure(Field::Agency) });
    let table = wrb::engine::import::read_input(&state.project.tables[0], &Default::default())
        .outcome
        .unwrap()
        .establishment()
        .unwrap()
        .table
        .clone();
    assert_eq!(table.columns, [Field::Establishment, Field::Permanent, Field::Agency]);
    assert_eq!(state.remembered.len(), 1);

    // The next table with the same headings is read the same way, without asking again.
    let next = reduce_(
        &state,
        Action::PasteEdited("Post title\tFunded FTE\tStaff\tTemps\nOccupational Therapist\t4\t3\t1\n".into()),
    );
    let mapping = next.import.as_ref().unwrap().reading.mapping.clone().unwrap();
    assert_eq!(mapping.columns[3], ColumnUse::Figure(Field::Agency));

    // "Guess the columns again" forgets the choice.
    let forgotten = reduce_(&next, Action::GuessColumnsAgain);
    assert!(forgotten.remembered.is_empty());
    assert_eq!(forgotten.import.unwrap().reading.mapping.clone().unwrap().columns[3], ColumnUse::NotUsed);
}

#[test]
fn headings_the_guess_cannot_find_can_be_chosen_by_hand() {
    // Not an establishment table by its headings: it comes in as a table of figures, with its
    // table, chart and a sentence, until the officer says its columns are establishment ones.
    let state = after(vec![Action::PasteEdited("Unit\tA\tB\nNorth\t10\t8\nSouth\t6\t6\n".into())]);
    let reading = state.import.as_ref().unwrap().reading.clone();
    assert!(reading.outcome.as_ref().is_ok_and(|t| t.general().is_some()), "{:?}", reading.outcome);
    assert_eq!(state.project.tables, sample_project().tables, "the establishment tables are untouched");
    let id = state.import.as_ref().unwrap().placed.as_ref().expect("placed in the report").table;
    assert!(state.project.supporting.iter().any(|t| t.id == id));
    let blocks = |s: &State| -> usize {
        s.project.document.sections.iter().flat_map(|s| &s.paragraphs).filter(|p| {
            matches!(&p.content, Content::Data { block: DataBlock::GeneralTable(t) | DataBlock::GeneralChart(t), .. } if *t == id)
        }).count()
    };
    assert_eq!(blocks(&state), 2, "its table and its chart");

    let state = reduce_(&state, Action::HeaderRowChosen(1));
    let problems = state.import.as_ref().unwrap().reading.outcome.clone().unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "Row 1: choose at least one column of figures: Establishment, Permanent, Agency or Vacant."
    );

    let state = reduce_(&state, Action::ColumnSet { column: 1, holds: ColumnUse::Figure(Field::Establishment) });
    let state = reduce_(&state, Action::ColumnSet { column: 2, holds: ColumnUse::Figure(Field::Permanent) });
    assert_eq!(roles(&state), ["North", "South"]);
    assert!(!state.project.supporting.iter().any(|t| t.id == id), "the table of figures gave its place up");
    assert_eq!(blocks(&state), 0, "and its blocks went with it");
}

#[test]
fn unreadable_rows_can_be_left_out() {
    let text = "Role\tEstablishment\tAgency\nSocial Worker\t10\t2\nTeam Manager\t2\ttwo\n";
    let state = after(vec![Action::PasteEdited(text.into())]);
    assert_eq!(state.project, sample_project());
    let state = reduce_(&state, Action::SkipUnreadable(true));
    assert_eq!(roles(&state), ["Social Worker"]);
    assert_eq!(state.status, "Report updated from the pasted table: 1 role. 1 unreadable cell was left out.");
    assert!(state.project.tables[0].skip_unreadable, "the choice is saved with the table");
}

fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Cover").unwrap().write_string(0, 0, "Workforce paper").unwrap();
    let sheet = book.add_worksheet().set_name("Posts").unwrap();
    for (c, heading) in ["Role", "Establishment", "Permanent"].iter().enumerate() {
        sheet.write_string(0, c as u16, *heading).unwrap();
    }
    sheet.write_string(1, 0, "Social Worker").unwrap();
    sheet.write_number(1, 1, 12.0).unwrap();
    sheet.write_number(1, 2, 9.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_uploaded_workbook_is_read_from_the_sheet_with_the_table() {
    // One set of bytes: the writer stamps the time, so two calls a second apart differ.
    let book = workbook();
    let state = after(vec![Action::FileReading("posts.xlsx".into()), file_read("posts.xlsx", book.clone(), None)]);
    assert!(state.busy.is_none());
    let table = &state.project.tables[0];
    assert_eq!((table.origin, table.sheet.as_deref()), (Origin::Uploaded, Some("Posts")));
    assert!(matches!(&table.raw, RawInput::File { name, .. } if name == "posts.xlsx"), "the file itself is kept");
    assert_eq!(roles(&state), ["Social Worker"]);

    // Choosing a sheet with no table explains itself and leaves the report on the good sheet.
    let cover = reduce_(&state, file_read("posts.xlsx", book.clone(), Some("Cover")));
    let problems = cover.import.as_ref().unwrap().reading.outcome.clone().unwrap_err();
    assert!(
        problems[0].to_string().starts_with("posts.xlsx, sheet Cover: No row of column headings was found"),
        "{}",
        problems[0]
    );
    assert_eq!(cover.project, state.project);

    // Back to the table's sheet: its rows are still there for the report and the columns step.
    let back = reduce_(&cover, file_read("posts.xlsx", book.clone(), Some("Posts")));
    assert_eq!(roles(&back), ["Social Worker"]);
    assert_eq!(back.files.len(), 2, "each sheet read is kept once");
}

#[test]
fn a_changed_file_with_the_same_name_is_read_afresh() {
    let first = after(vec![file_read("posts.xlsx", workbook(), None)]);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Posts").unwrap();
    sheet.write_string(0, 0, "Role").unwrap();
    sheet.write_string(0, 1, "Establishment").unwrap();
    sheet.write_string(1, 0, "Team Manager").unwrap();
    sheet.write_number(1, 1, 3.0).unwrap();
    let second = reduce_(&first, file_read("posts.xlsx", book.save_to_buffer().unwrap(), None));
    assert_eq!(roles(&second), ["Team Manager"]);
    let html = wrb::engine::report::html::render(&second.report);
    assert!(
        html.contains(">Team Manager<") && !html.contains(">Social Worker<"),
        "the report uses the new file's rows"
    );
}

#[test]
fn a_file_that_fails_to_load_leaves_the_report() {
    let state = after(vec![file_read("photo.xlsx", b"\x89PNG\r\n\x1a\n....".to_vec(), None)]);
    assert_eq!(state.project, sample_project());
    assert_eq!(state.status, "photo.xlsx could not be read; the report has not changed.");
    let problems = state.import.unwrap().reading.outcome.clone().unwrap_err();
    assert_eq!(problems[0].to_string(), "photo.xlsx: The file is a PNG image, not a table.");
}

#[test]
fn the_sample_comes_back_and_the_paste_stays() {
    let state = after(vec![Action::PasteEdited(GOOD.into()), Action::UseSample]);
    assert_eq!(state.project, sample_project());
    assert_eq!(state.paste, GOOD);
}

#[test]
fn the_dfe_file_goes_to_benchmarks_and_the_supporting_tables_and_leaves_the_establishment() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/dfe");
    if !dir.is_dir() {
        eprintln!("notice: {} is absent; skipping this test", dir.display());
        return;
    }
    let read = |file: &str| file_read(file, std::fs::read(dir.join(file)).unwrap(), None);
    let state = after(vec![read("csww_indicators_2017_to_2025.csv"), read("statistical_neighbours_2025.csv")]);
    assert_eq!(state.project.tables, sample_project().tables, "the report's establishment tables are untouched");
    // They replace the sample's DfE files (one of each kind), so the report's benchmark blocks use them.
    let names: Vec<String> = state
        .project
        .supporting
        .iter()
        .map(|t| match &t.raw {
            wrb::engine::model::RawInput::File { name, .. } => name.clone(),
            wrb::engine::model::RawInput::Text(_) => t.source.clone(),
        })
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.ends_with(&["csww_indicators_2017_to_2025.csv".into(), "statistical_neighbours_2025.csv".into()]));
    assert!(state.benchmarks().indicators.as_ref().is_some_and(|d| d.rows.len() > 1400));
    assert!(state.benchmarks().neighbours.as_ref().is_some_and(|n| n.by_council.len() > 140));
    assert_eq!(
        state.status,
        "Loaded statistical_neighbours_2025.csv: statistical neighbours are shown under Benchmarks."
    );
    let chosen = reduce_(&state, Action::CouncilChosen("Herefordshire, County of".into()));
    assert_eq!(chosen.benchmarks().council.as_deref(), Some("Herefordshire, County of"));
    assert_eq!(chosen.project.settings.benchmark_council.as_deref(), Some("Herefordshire, County of"));
    let report = &chosen.report;
    let benchmark = report.tables().find(|t| t.caption.contains("compared with England")).expect("benchmark table");
    assert!(
        benchmark.caption.contains("Herefordshire, County of compared with England, West Midlands"),
        "{}",
        benchmark.caption
    );
    // Undo takes the choice back, panels and all.
    let undone = reduce_(&chosen, Action::Undo);
    assert_eq!(undone.benchmarks().council.as_deref(), None, "the sample's council is not in the real file");
}

#[test]
fn a_pasted_staff_list_gets_its_own_panel_and_joins_the_supporting_tables() {
    let list = "Job title\tFTE\tContract type\tStart date\tLeaving date\nSocial Worker\t1\tPermanent\t01/04/2015\t\n\
                Social Worker\t0.5\tPermanent\t01/11/2024\t\nTeam Manager\t1\tPermanent\t01/01/2010\t31/03/2026\n";
    let state = after(vec![Action::PasteEdited(list.into())]);
    assert_eq!(state.project.tables, sample_project().tables);
    assert_eq!(state.project.supporting.len(), sample_project().supporting.len() + 1);
    assert!(state.import.is_none(), "nothing is offered as the report's table");
    assert_eq!(staff(&state).people, 3);
    assert_eq!(Some(staff(&state).reference_date), Date::new(2025, 9, 30), "the latest 30 September the data reaches");
    assert_eq!(state.status, "Loaded the pasted table: 3 people. Their figures are under Staff list.");
    let later = reduce_(&state, Action::StaffDateChosen(wrb::engine::model::Date::new(2026, 9, 30).unwrap()));
    assert_eq!(Some(staff(&later).reference_date), Date::new(2026, 9, 30));
    assert_eq!(later.project.settings.staff_date, wrb::engine::model::Date::new(2026, 9, 30), "saved with the project");
    // Pasted after an establishment table, it takes that table's place in the box: the Columns
    // step, which described the establishment table, goes, and the report keeps that table.
    let establishment = after(vec![Action::PasteEdited(GOOD.into())]);
    assert!(establishment.import.as_ref().is_some_and(|i| i.is_paste()), "the Columns step is offered");
    let then_staff = reduce_(&establishment, Action::PasteEdited(list.into()));
    assert!(then_staff.import.is_none(), "no Columns step describes the text no longer in the box");
    assert_eq!(roles(&then_staff), ["Social Worker", "Team Manager"], "the establishment table stays in the report");
    // A second staff list replaces the first rather than sitting beside it.
    let again = reduce_(&later, Action::PasteEdited(list.replace("0.5", "0.6")));
    assert_eq!(again.project.supporting.len(), sample_project().supporting.len() + 1);
}

#[test]
fn every_edit_can_be_undone_and_redone() {
    use wrb::engine::model::TitleField;
    let state = after(vec![
        Action::PasteEdited(GOOD.into()),
        Action::TitleEdited(TitleField::Committee, "C".into()),
        Action::TitleEdited(TitleField::Committee, "Ca".into()),
        Action::TitleEdited(TitleField::Committee, "Cabinet".into()),
        Action::TitleEdited(TitleField::MeetingDate, "3 March 2027".into()),
    ]);
    assert_eq!(state.project.title_block.committee, "Cabinet");
    assert_eq!(state.undo.len(), 3, "the paste, the run of typing in Committee, the date");

    let back = reduce_(&state, Action::Undo);
    assert_eq!(back.project.title_block.meeting_date, "21 January 2027");
    assert_eq!(back.project.title_block.committee, "Cabinet");
    let back = reduce_(&back, Action::Undo);
    assert_eq!(back.project.title_block.committee, "Children and Young People Scrutiny Panel", "typing undone as one");
    let back = reduce_(&back, Action::Undo);
    assert_eq!(back.project, sample_project(), "and the paste");
    assert_eq!(back.status, "Undone.");
    assert_eq!(reduce_(&back, Action::Undo).project, sample_project(), "nothing more to undo changes nothing");

    let forward = reduce_(&reduce_(&back, Action::Redo), Action::Redo);
    assert_eq!(forward.project.title_block.committee, "Cabinet");
    // A new edit after undoing drops what could have been redone.
    let branched = reduce_(&forward, Action::TitleEdited(TitleField::Title, "Workforce".into()));
    assert!(branched.redo.is_empty());
    assert_eq!(reduce_(&branched, Action::Redo).project, branched.project);
}

#[test]
fn actions_that_change_nothing_in_the_project_are_not_undo_steps() {
    let state = after(vec![Action::PasteEdited(NO_TABLE.into()), Action::FileReading("x.csv".into())]);
    assert!(state.undo.is_empty());
}

#[test]
fn the_document_is_edited_through_actions_and_every_step_undoes() {
    use wrb::engine::model::{Content, DataBlock, Move};
    use wrb::engine::sample::Template;
    let start = State::default();
    let sections = |s: &State| s.project.document.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>();
    let first = start.project.document.sections[0].id;
    let current = start.project.document.sections[3].id;
    let paragraph = start.project.document.sections[3].paragraphs[0].id;

    let state = after(vec![
        Action::SectionMoved(current, Move::Up),
        Action::SectionRenamed(first, "P".into()),
        Action::SectionRenamed(first, "Purpose".into()),
        Action::ParagraphEdited(paragraph, Content::Text("Vacancy rate: {vacancy rate}".into())),
        Action::ParagraphEdited(paragraph, Content::Text("Vacancy rate: {vacancy rate}.".into())),
        Action::ParagraphAdded {
            section: first,
            content: Content::Data { block: DataBlock::KeyFigures, title: String::new() },
        },
        Action::DraftAdded { section: first },
    ]);
    assert_eq!(&sections(&state)[..4], ["Purpose", "Recommendations", "Current position", "Background"]);
    assert_eq!(state.status, "A first draft of 3 paragraphs added from the data: edit its words freely.");
    assert_eq!(state.undo.len(), 5, "move, the run of renaming, the run of typing, the block, the draft");
    let report = &state.report;
    assert_eq!(report.paragraph(paragraph).unwrap().number, "3.1", "renumbered after the move");
    let Block::Text(runs) = &report.paragraph(paragraph).unwrap().blocks[0] else { panic!("text") };
    assert_eq!(wrb::engine::report::live::plain(runs), "Vacancy rate: 31.4%.");

    let mut back = state.clone();
    for _ in 0..5 {
        back = reduce_(&back, Action::Undo);
    }
    assert_eq!(back.project, start.project, "all the way back");

    let removed = reduce_(&state, Action::SectionRemoved(first));
    assert_eq!(removed.status, "Section “Purpose” removed. Undo brings it back.");
    assert_eq!(reduce_(&removed, Action::Undo).project, state.project);

    let template = reduce_(&state, Action::TemplateChosen(Template::AdultVacanciesRisk));
    assert!(template.facts.staff.is_some(), "the template's staff list is in its panel");
    assert!(template.benchmarks().indicators.is_none(), "and the children's benchmarks are gone");
    let undone = reduce_(&template, Action::Undo);
    assert_eq!(undone.project, state.project);
    assert!(undone.facts.staff.is_none() && undone.benchmarks().indicators.is_some(), "panels follow the project back");
}

#[test]
fn a_second_table_can_be_the_earlier_period_so_the_report_compares_them() {
    use wrb::ui::state::Slot;
    let later = "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t20\t15\t3\t5\n";
    let earlier = "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t18\t12\t4\t6\n";
    let state = after(vec![
        Action::PasteEdited(later.into()),
        Action::ImportPeriodSet("2025/26".into()),
        Action::ImportFinished,
        Action::PasteEdited(earlier.into()),
        Action::ImportSlotChosen(Slot::Earlier),
        Action::ImportPeriodSet("2024".into()),
        Action::ImportPeriodSet("2024/25".into()),
    ]);
    let periods: Vec<&str> = state.project.tables.iter().map(|t| t.period.as_str()).collect();
    assert_eq!(periods, ["2025/26", "2024/25"]);
    assert!(state.project.supporting.iter().all(|t| t.origin != Origin::Sample), "the sample's other tables went");
    let report = &state.report;
    let change = report.tables().find(|t| t.caption.contains("Change from")).expect("the two periods are compared");
    assert_eq!(change.caption, "Table 3: Change from 2024/25 to 2025/26, totals");
    // Typing the period is one step; choosing the slot another.
    let back = reduce_(&state, Action::Undo);
    assert_eq!(back.project.tables.iter().map(|t| t.period.as_str()).collect::<Vec<_>>(), ["2025/26", ""]);
    let back = reduce_(&back, Action::Undo);
    assert_eq!(back.project.tables.len(), 1);
    // Choosing "latest" again puts the new table alone.
    let latest = reduce_(&state, Action::ImportSlotChosen(Slot::Latest));
    assert_eq!(latest.project.tables.len(), 1);
    assert_eq!(latest.project.tables[0].period, "2024/25");

    // Without "Add another period's table", editing the box edits the same table.
    let edited = after(vec![Action::PasteEdited(later.into()), Action::PasteEdited(earlier.into())]);
    assert_eq!(edited.project.tables.len(), 1);
    assert!(edited.import.as_ref().unwrap().before.iter().all(|t| t.origin == Origin::Sample));
}

#[test]
fn a_paste_that_cannot_be_read_is_listed_for_the_error_summary_with_the_paste_box() {
    let state = after(vec![Action::PasteEdited(NO_TABLE.into())]);
    let errors = state.field_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "paste-table");
    assert!(errors[0].message.starts_with("No row of column headings was found"), "{}", errors[0].message);
    assert!(
        !focuses_summary(&State::default(), Action::PasteEdited("Name\tAge\nSam\t40".into())),
        "pasting leaves the focus in the box"
    );
    assert!(reduce_(&state, Action::PasteEdited(GOOD.into())).field_errors().is_empty(), "put right, it goes");
}

#[test]
fn a_file_that_cannot_be_read_sends_the_focus_to_the_summary_but_choosing_another_sheet_does_not() {
    let photo = || file_read("photo.xlsx", b"\x89PNG\r\n\x1a\n....".to_vec(), None);
    let state = after(vec![photo()]);
    assert_eq!(
        state.field_errors(),
        [FieldError {
            field: "upload-file".into(),
            message: "photo.xlsx: The file is a PNG image, not a table.".into()
        }]
    );
    assert!(focuses_summary(&State::default(), photo()));

    let book = workbook();
    let read = after(vec![file_read("posts.xlsx", book.clone(), None)]);
    let cover = reduce_(&read, file_read("posts.xlsx", book.clone(), Some("Cover")));
    assert_eq!(cover.field_errors()[0].field, "upload-file");
    assert!(!focuses_summary(&read, file_read("posts.xlsx", book, Some("Cover"))), "the focus stays on the sheet list");
}

#[test]
fn a_file_the_browser_cannot_open_is_listed_until_the_next_file_is_read() {
    let message =
        "The file is 80 MB, larger than the 50 MB this tool reads. Save just the table you need as a new file.";
    let problem =
        || Action::FileFailed { name: "big.xlsx".into(), problem: ProblemKind::FileTooLarge { megabytes: 80 } };
    let state = after(vec![problem()]);
    assert_eq!(state.status, format!("big.xlsx could not be read: {message} The report has not changed."));
    assert_eq!(
        state.field_errors(),
        [FieldError { field: "upload-file".into(), message: format!("big.xlsx: {message}") }]
    );
    assert_eq!(state.problems_in(InputField::Paste), [], "the paste box has nothing wrong");
    assert!(focuses_summary(&State::default(), problem()));
    assert!(reduce_(&state, Action::FileReading("small.csv".into())).field_errors().is_empty());
    assert_eq!(reduce_(&state, Action::PasteEdited(GOOD.into())).field_errors().len(), 1, "a paste is another field");
}

#[test]
fn a_supporting_table_that_cannot_be_read_is_listed_with_the_field_it_came_from() {
    let staff = "Job title\tFTE\tContract type\tStart date\nSocial Worker\t1\tPermanent\tsoon\n";
    let state = after(vec![Action::PasteEdited(staff.into())]);
    let errors = state.field_errors();
    assert!(state.status.starts_with("The pasted table could not be read: "), "{}", state.status);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "paste-table");
    assert!(errors[0].message.starts_with("Row 2"), "a paste is placed by its rows: {}", errors[0].message);
}

#[test]
fn a_draft_that_cannot_be_opened_is_said_but_is_no_field_s_problem() {
    let state = after(vec![Action::DraftFailed("It is damaged.".into())]);
    assert_eq!(state.status, "That draft could not be read: It is damaged. The report has not changed.");
    assert!(state.field_errors().is_empty());
    assert!(!focuses_summary(&State::default(), Action::DraftFailed("It is damaged.".into())));
}

/// A staff list as an HR system exports it, `people` rows long.
fn staff_csv(people: usize) -> Vec<u8> {
    let mut csv = String::from("Staff number,Job title,Team,FTE,Contract type,Start date,Leaving date,Date of birth\n");
    for i in 0..people {
        let (month, team) = (1 + i % 9, i % 7);
        csv.push_str(&format!("S{i},Social Worker,Team {team},1,Permanent,01/0{month}/2019,,1{month}/05/1980\n"));
    }
    csv.into_bytes()
}

#[test]
fn an_uploaded_file_is_shared_by_every_undo_step_not_copied() {
    let state = after(vec![file_read("staff.csv", staff_csv(2_000), None)]);
    let edited = (0..5).fold(state, |s, i| {
        let field =
            if i % 2 == 0 { wrb::engine::model::TitleField::Title } else { wrb::engine::model::TitleField::Committee };
        reduce_(&s, Action::TitleEdited(field, format!("Edit {i}")))
    });
    assert_eq!(edited.undo.len(), 6, "the upload, and each edit to a different field, is its own step");
    let bytes_of = |project: &wrb::engine::model::Project| match &project.supporting.last().unwrap().raw {
        RawInput::File { bytes, .. } => bytes.clone(),
        RawInput::Text(_) => panic!("the staff list is the uploaded file"),
    };
    let now = bytes_of(&edited.project);
    for step in &edited.undo[1..] {
        assert!(std::sync::Arc::ptr_eq(&now, &bytes_of(step)), "the same bytes, not a copy");
    }
}

#[test]
fn typing_in_a_paragraph_reads_no_table() {
    let state = after(vec![file_read("staff.csv", staff_csv(300), None)]);
    assert!(state.facts.staff.is_some(), "the staff list is in its panel");
    for state in [State::default(), state] {
        let paragraph = state.project.document.sections[3].paragraphs[0].id;
        let read_before = readings();
        let mut typed = state.clone();
        for text in ["T", "Th", "The vacancy rate is {vacancy rate}", "The vacancy rate is {vacancy rate}."] {
            typed = reduce_(&typed, Action::ParagraphEdited(paragraph, wrb::engine::model::Content::Text(text.into())));
            typed = reduce_(&typed, Action::TitleEdited(wrb::engine::model::TitleField::Title, text.into()));
        }
        assert_eq!(readings(), read_before, "no table was read while typing");
        assert!(Rc::ptr_eq(&typed.tables, &state.tables), "the same tables");
        assert!(Rc::ptr_eq(&typed.facts, &state.facts), "the same figures");
        // The report still follows the words, and is the report built afresh.
        let Block::Text(runs) = &typed.report.paragraph(paragraph).unwrap().blocks[0] else { panic!("text") };
        assert_eq!(wrb::engine::report::live::plain(runs), "The vacancy rate is 31.4%.");
        // Built afresh: every table read again from the same files' rows.
        let files = |input: &wrb::engine::model::TableInput| match &input.raw {
            RawInput::File { bytes, .. } => typed
                .files
                .iter()
                .find(|f| std::sync::Arc::ptr_eq(&f.bytes, bytes))
                .map_or_else(|| Err(no_file()), |f| f.arrived.clone()),
            RawInput::Text(_) => Err(no_file()),
        };
        let tables = wrb::engine::tables::ProjectTables::read(&typed.project, &files);
        let afresh = wrb::engine::report::build_report(
            &typed.project,
            &wrb::engine::report::facts::TableFacts::of(&tables, None),
        );
        assert_eq!(*typed.report, afresh);
    }
}

fn no_file() -> wrb::engine::import::Problem {
    wrb::engine::import::Problem::whole(ProblemKind::StillBeingRead { file: String::new() })
}

#[test]
fn a_files_bytes_and_its_table_are_kept_once_however_often_they_are_used() {
    use std::sync::Arc;
    let bytes: Arc<[u8]> = staff_csv(2_000).into();
    let arrived = load(Input::File { name: "staff.csv", bytes: &bytes, sheet: None }).map(Arrived::from_rows);
    let Some(Ok(list)) = arrived.as_ref().unwrap().staff.clone() else {
        panic!("the worker reads the staff list where it reads the file")
    };
    assert!(arrived.as_ref().unwrap().loaded.rows.is_empty(), "and sends the list, not its 16,000 cells");
    let start = State::default();
    let read_before = readings();
    let state = reduce_(&start, Action::FileRead { name: "staff.csv".into(), bytes: bytes.clone(), arrived });
    assert_eq!(readings(), read_before, "the page reads nothing again");
    let kept = state.project.supporting.last().expect("the staff list joins the project");
    assert!(
        matches!(&kept.raw, RawInput::File { bytes: b, .. } if Arc::ptr_eq(b, &bytes)),
        "the project keeps the bytes the page read, not a copy"
    );
    let table = state.tables.latest(TableKind::StaffList).expect("in the tables");
    assert!(matches!(&table.read, Ok(Table::StaffList(l)) if Rc::ptr_eq(l, &list)), "the list the worker sent");
    assert_eq!(staff(&state).people, 2_000);
}

#[test]
fn a_files_key_follows_its_name_and_every_byte() {
    use wrb::ui::state::file_key;
    let bytes: Vec<u8> = (0..1_003u32).map(|i| (i * 7 % 256) as u8).collect();
    let key = file_key("staff.xlsx", &bytes);
    assert_eq!(key, file_key("staff.xlsx", &bytes.clone()), "the same name and content, the same key");
    assert_ne!(key, file_key("staff (1).xlsx", &bytes), "another name");
    assert_ne!(key, file_key("staff.xlsx", &bytes[..1_002]), "a byte shorter");
    // A byte changed in the first word, a middle word, a word's top byte, and the tail past
    // the last whole word.
    for at in [0, 500, 7, 999, 1_002] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x80;
        assert_ne!(key, file_key("staff.xlsx", &changed), "byte {at} changed");
    }
}

#[test]
fn a_staff_list_is_read_once_and_kept_while_its_rows_are_the_same() {
    let state = after(vec![file_read("staff.csv", staff_csv(500), None)]);
    let table = state.tables.supporting.last().unwrap().clone();
    // A new date works out the figures again, from the same list: nothing is read.
    let read_before = readings();
    let later = reduce_(&state, Action::StaffDateChosen(Date::new(2026, 9, 30).unwrap()));
    assert_eq!(readings(), read_before, "the list already read, not read again");
    assert!(Rc::ptr_eq(later.tables.supporting.last().unwrap(), &table), "the same table");
    assert_eq!(Some(staff(&later).reference_date), Date::new(2026, 9, 30), "with the new date");
    // Another file with the same people is other rows: read afresh (here, by the worker).
    let again = reduce_(&later, file_read("staff.csv", staff_csv(500), None));
    assert!(!Rc::ptr_eq(again.tables.supporting.last().unwrap(), &table), "a new upload is a new table");
    assert_eq!(staff(&again).people, 500);
}

/// A project holding an uploaded staff list, as a draft kept in this browser holds it.
fn project_with_staff_file(bytes: std::sync::Arc<[u8]>) -> wrb::engine::model::Project {
    let mut project = sample_project();
    project.supporting.push(wrb::engine::model::TableInput {
        raw: RawInput::File { name: "staff.csv".into(), bytes },
        origin: Origin::Uploaded,
        ..wrb::engine::model::TableInput::pasted("", "staff.csv")
    });
    project
}

#[test]
fn a_drafts_files_are_read_again_and_their_tables_follow_or_say_why_not() {
    let bytes: std::sync::Arc<[u8]> = staff_csv(300).into();
    let project = project_with_staff_file(bytes.clone());
    let (opened, effects) = reduce(
        &State::showing(project.clone()),
        Action::DraftRestored { id: "d1".into(), project, missing: Vec::new() },
    );
    assert!(effects.iter().any(|e| matches!(e, Effect::ReadFile { name, again: true, .. } if name == "staff.csv")));
    // Until the worker answers, the staff blocks say the file is still being read.
    assert!(opened.facts.staff.is_none());
    assert!(matches!(opened.facts.unloaded[0].kind, ProblemKind::StillBeingRead { .. }));

    // The rows arrive: the table is read, and the report follows.
    let arrived = load(Input::File { name: "staff.csv", bytes: &bytes, sheet: None }).map(Arrived::from_rows);
    let (read, _) = reduce(
        &opened,
        Action::FileRowsLoaded { name: "staff.csv".into(), bytes: bytes.clone(), sheet: None, arrived },
    );
    assert_eq!(staff(&read).people, 300);
    assert!(read.facts.unloaded.is_empty());
    assert_eq!(read.project, opened.project, "nothing in the project changes");

    // Or it cannot be read again: said where, and the report's blocks say why, not "still being read".
    let problem = wrb::engine::import::Problem::whole(ProblemKind::DamagedZip);
    let (failed, effects) =
        reduce(&opened, Action::FileRowsLoaded { name: "staff.csv".into(), bytes, sheet: None, arrived: Err(problem) });
    assert!(failed.status.starts_with("staff.csv could not be read again: The file is damaged"), "{}", failed.status);
    assert_eq!(failed.field_errors()[0].field, "upload-file");
    assert!(effects.contains(&Effect::Focus(ERROR_SUMMARY)));
    assert_eq!(failed.facts.unloaded[0].kind, ProblemKind::DamagedZip);
    let said =
        wrb::engine::report::facts::Facts::new(&failed.project, &failed.facts).missing("no staff list has been added");
    assert!(
        said.starts_with(
            "no staff list has been added, unless it is one that could not be read (staff.csv: The file is damaged"
        ),
        "{said}"
    );
}

#[test]
fn every_change_to_the_project_is_kept_and_nothing_else_is() {
    let keeps =
        |state: &State, action: Action| reduce(state, action).1.iter().any(|e| matches!(e, Effect::KeepDraft { .. }));
    let start = State::default();
    assert!(keeps(&start, Action::TitleEdited(wrb::engine::model::TitleField::Title, "June".into())));
    assert!(keeps(&start, Action::PasteEdited(GOOD.into())), "a table that reads joins the project");
    assert!(!keeps(&start, Action::PasteEdited(NO_TABLE.into())), "one that does not, does not");
    assert!(!keeps(&start, Action::FileReading("x.csv".into())));
    assert!(!keeps(&start, Action::DraftsListed(Vec::new())));
    assert!(!keeps(&start, Action::Dragging(true)));
    assert!(keeps(&start, Action::NewDraft { id: "new".into(), from: None }), "a new draft is listed at once");
}

#[test]
fn a_draft_whose_files_are_gone_says_so_and_opens_as_a_copy() {
    let (opened, _) = reduce(
        &State::default(),
        Action::DraftRestored { id: "copy".into(), project: sample_project(), missing: vec!["staff.xlsx".into()] },
    );
    assert!(
        opened.status.contains("This browser no longer holds staff.xlsx, so its table is left out"),
        "{}",
        opened.status
    );
    assert!(opened.status.contains("It opened as a copy"), "{}", opened.status);
}

#[test]
fn an_uploaded_staff_list_undone_and_redone_is_not_read_again() {
    let with_staff = after(vec![file_read("staff.csv", staff_csv(400), None)]);
    let before = readings();
    let undone = reduce_(&with_staff, Action::Undo);
    assert!(undone.facts.staff.is_none(), "the panel and blocks go with it");
    let redone = reduce_(&undone, Action::Redo);
    assert_eq!(staff(&redone).people, 400);
    assert_eq!(readings(), before, "the list the worker sent is taken again");
}

#[test]
fn a_file_that_reads_after_one_that_did_not_leaves_the_focus_where_it_is() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine/sample");
    let failed = after(vec![file_read("posts.xlsx", b"PK\x03\x04 cut short".to_vec(), None)]);
    assert!(failed.import.as_ref().unwrap().reading.outcome.is_err());
    let budget = std::fs::read(dir.join("budget.tsv")).unwrap();
    let (read, effects) = reduce(&failed, file_read("budget.tsv", budget, None));
    assert!(read.pipeline().budget.is_some(), "the budget reads");
    assert!(!effects.contains(&Effect::Focus(ERROR_SUMMARY)), "{effects:?}");
}

/// The recommendations in the state's document, from its first tracker block.
fn tracked(state: &State) -> Option<Vec<wrb::engine::model::Recommendation>> {
    state.project.document.sections.iter().flat_map(|s| &s.paragraphs).find_map(|p| match &p.content {
        Content::Data { block: DataBlock::Recommendations(rows), .. } => Some(rows.clone()),
        _ => None,
    })
}

#[test]
fn a_pasted_tracker_fills_the_tracker_block_and_undo_puts_back_what_was_there() {
    use wrb::engine::model::Status;
    let tracker = "No.\tTheme\tRecommendation\tStatus\tUpdate\n\
                   1\tRecruitment\tReview pay\tComplete\tAgreed\n\
                   2\tRetention\tExit interviews\tPaused\tNo lead yet\n";
    let start = State::default();
    let before = tracked(&start);
    let pasted = reduce_(&start, Action::PasteEdited(tracker.into()));
    let rows = tracked(&pasted).expect("a tracker block");
    assert_eq!(rows.iter().map(|r| r.status).collect::<Vec<_>>(), [Status::Green, Status::Red]);
    assert_eq!(rows[1].update, "No lead yet");
    assert!(pasted.status.contains("2 recommendations"), "{}", pasted.status);
    assert!(pasted.project.supporting.len() == start.project.supporting.len(), "the rows live in the document");
    assert_eq!(tracked(&reduce_(&pasted, Action::Undo)), before);

    // A status none of the scales hold is named where it is, and nothing changes.
    let bad = reduce_(&start, Action::PasteEdited(tracker.replace("Paused", "Purple")));
    assert_eq!(tracked(&bad), before);
    let said = bad.failed.as_ref().map(|f| f.problems[0].to_string()).unwrap_or_default();
    assert!(said.contains("Row 3, column Status: 'Purple' is not a status this tool knows"), "{said}");
}

#[test]
fn the_older_year_pasted_first_is_kept_when_the_later_year_comes_next() {
    use wrb::ui::state::Slot;
    let older = "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t18\t12\t4\t6\n";
    let newer = "Based on 2025/26 budgeted establishment\n\nRole\tEstablishment\tPermanent\tAgency\tVacant\n\
                 Social Worker\t20\t15\t3\t5\n";
    let state = after(vec![
        Action::PasteEdited(older.into()),
        Action::ImportPeriodSet("2024/25".into()),
        Action::ImportFinished,
        Action::PasteEdited(newer.into()),
    ]);
    // The title line names the period, and it is after the kept table's, so that one becomes the earlier.
    let periods: Vec<&str> = state.project.tables.iter().map(|t| t.period.as_str()).collect();
    assert_eq!(periods, ["2025/26", "2024/25"]);
    assert_eq!(state.import.as_ref().unwrap().slot, Slot::Later);
    assert!(state.status.contains("Its period, 2025/26, is taken from its title line"), "{}", state.status);
    assert!(state.report.tables().any(|t| t.caption.contains("Change from 2024/25 to 2025/26")));

    // Without a period, the second table is the earlier one until a later period is typed.
    let untitled = after(vec![
        Action::PasteEdited(older.into()),
        Action::ImportPeriodSet("2024/25".into()),
        Action::ImportFinished,
        Action::PasteEdited(newer.lines().skip(2).collect::<Vec<_>>().join("\n")),
    ]);
    assert_eq!(untitled.project.tables.len(), 2, "nothing is thrown away");
    assert_eq!(untitled.import.as_ref().unwrap().slot, Slot::Earlier);
    let typed = reduce_(&untitled, Action::ImportPeriodSet("2025/26".into()));
    let periods: Vec<&str> = typed.project.tables.iter().map(|t| t.period.as_str()).collect();
    assert_eq!(periods, ["2025/26", "2024/25"]);
    // A slot the officer chose stays, whatever is typed.
    let chosen = reduce_(&typed, Action::ImportSlotChosen(Slot::Latest));
    let retyped = reduce_(&chosen, Action::ImportPeriodSet("2026/27".into()));
    assert_eq!(retyped.project.tables.len(), 1);
}

#[test]
fn a_different_table_pasted_over_a_table_of_figures_takes_its_place_whole() {
    let starters = "Staff group\tStarters\tLeavers\nSocial workers\t40\t35\nTeam managers\t6\t4\n";
    let spend = "Agency spend\t2022/23\t2023/24\nAgency spend (£)\t£2.4m\t£2.6m\n";
    let first = after(vec![Action::PasteEdited(starters.into())]);
    let sections = first.project.document.sections.len();
    let headings = |s: &State| s.project.document.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>();
    // A new section goes in committee order: last of the report's body, before the closing
    // sections (Financial implications and on), not after Background papers.
    let new_section = |s: &State| {
        let all = headings(s);
        let closing = all.iter().position(|h| h == "Financial implications").expect("the sample's closing sections");
        all[closing - 1].clone()
    };
    assert!(new_section(&first).starts_with("Starters and Leavers"), "{:?}", headings(&first));
    assert_eq!(headings(&first).last().map(String::as_str), Some("Background papers"));

    // Corrected in the box: the same table, its blocks kept where they are.
    let corrected = reduce_(&first, Action::PasteEdited(starters.replace("40", "41")));
    assert_eq!(corrected.project.document.sections.len(), sections);
    assert!(corrected.report.tables().any(|t| t.rows.iter().any(|r| r.contains(&"41".to_owned()))));

    // A column's use changed: still the same table, in the same place.
    let fewer = reduce_(&corrected, Action::ColumnSet { column: 2, holds: ColumnUse::NotUsed });
    assert_eq!(fewer.project.document.sections.len(), sections, "{:?}", headings(&fewer));
    assert!(new_section(&fewer).starts_with("Starters and Leavers"), "{:?}", headings(&fewer));

    // Another table pasted over it: its section, sentence, table and chart replace the first's.
    let other = reduce_(&corrected, Action::PasteEdited(spend.into()));
    assert_eq!(other.project.document.sections.len(), sections, "{:?}", headings(&other));
    assert!(new_section(&other).starts_with("Agency spend"), "{:?}", headings(&other));
    let page = wrb::engine::report::html::render(&other.report);
    assert!(!page.contains("no figure"), "no sentence names the first table's figures");
    assert!(page.contains("rose from £2.4m in 2022/23 to £2.6m in 2023/24"));
}

#[test]
fn a_wrong_table_replaced_while_it_is_brought_in_keeps_the_kept_period() {
    use wrb::ui::state::Slot;
    let kept = "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t18\t12\t4\t6\n";
    let wrong = "Role\tEstablishment\tPermanent\tAgency\tVacant\nTeam Manager\t3\t2\t1\t0\n";
    let right = wrb::engine::sample::sample_project().tables[0].clone();
    let RawInput::Text(right) = right.raw else { panic!("the sample is text") };
    let state = after(vec![
        Action::PasteEdited(kept.into()),
        Action::ImportPeriodSet("2024/25".into()),
        Action::ImportFinished,
        file_read("wrong.tsv", wrong.as_bytes().to_vec(), None),
    ]);
    assert_eq!(state.project.tables.len(), 2);
    assert_eq!(state.import.as_ref().unwrap().slot, Slot::Earlier);
    // The right file chosen next takes the wrong one's place, beside the kept table.
    let state = reduce_(&state, file_read("right.tsv", right.into_bytes(), None));
    let periods: Vec<&str> = state.project.tables.iter().map(|t| t.period.as_str()).collect();
    assert_eq!(state.project.tables.len(), 2, "{periods:?}");
    assert_eq!(periods[0], "2024/25", "the kept table stays");
}

#[test]
fn the_same_table_pasted_again_after_undo_comes_in_again() {
    let pasted = after(vec![Action::PasteEdited(GOOD.into())]);
    let undone = reduce_(&pasted, Action::Undo);
    assert_ne!(undone.project.tables, pasted.project.tables);
    let again = reduce_(&undone, Action::PasteEdited(GOOD.into()));
    assert_eq!(again.project.tables.len(), 1);
    assert_eq!(roles(&again), ["Social Worker", "Team Manager"]);
    // The paste box's second event, the same text, reads nothing again.
    let echoed = reduce_(&again, Action::PasteEdited(GOOD.into()));
    assert_eq!(echoed.undo.len(), again.undo.len(), "no second step to undo");
}

/// Ready for committee?: the list follows the officer's edits, and is not worked out again on
/// an action that changes neither the report nor the checks.
#[test]
fn open_items_follow_the_title_block_and_say_so_on_export() {
    use wrb::engine::model::TitleField;
    use wrb::ui::state::{Export, Exporting};
    let sample = State::default();
    let sentences = |state: &State| state.open.iter().map(|i| i.sentence()).collect::<Vec<_>>();
    assert!(sentences(&sample).iter().any(|s| s.starts_with("Title block: Meeting date is still the sample's")));
    let dated = reduce_(&sample, Action::TitleEdited(TitleField::MeetingDate, "3 March 2027".into()));
    assert_eq!(dated.open.len(), sample.open.len() - 1, "{:#?}", sentences(&dated));
    let emptied = reduce_(&dated, Action::TitleEdited(TitleField::MeetingDate, String::new()));
    assert!(sentences(&emptied).contains(&"Title block: Meeting date is empty".to_owned()));

    let dragged = reduce_(&sample, Action::Dragging(true));
    assert!(Rc::ptr_eq(&dragged.open, &sample.open), "not worked out again");

    let done = Export::Done { what: "The Word file", name: "update.docx".into(), notes: Vec::new() };
    let exported = reduce_(&sample, Action::ExportFinished(done));
    let open = sample.open.len();
    let expected =
        format!("The Word file is downloaded: update.docx. {open} items are still open: it has them as they are.");
    assert_eq!(exported.exporting, Exporting::Done(expected));
}

/// The council's Word template: a Word file is kept with the project (through another
/// report template too, and undo); anything else is refused, saying so, with nothing changed.
#[test]
fn the_word_template_is_kept_and_anything_but_a_word_file_is_refused() {
    use wrb::engine::sample::Template;
    use wrb::ui::state::Exporting;
    let state = State::default();
    let refused =
        reduce_(&state, Action::WordTemplateChosen { name: "notes.txt".into(), bytes: b"hello".to_vec().into() });
    assert_eq!(refused.project, state.project);
    assert!(matches!(&refused.exporting, Exporting::Failed(m) if m.starts_with("notes.txt is not a Word template")));
    let not_a_zip =
        reduce_(&state, Action::WordTemplateChosen { name: "fake.docx".into(), bytes: b"hello".to_vec().into() });
    assert_eq!(not_a_zip.project, state.project);
    let (chosen, effects) = reduce(
        &state,
        Action::WordTemplateChosen { name: "council.dotx".into(), bytes: b"PK\x03\x04".to_vec().into() },
    );
    let inspects = effects.iter().any(|e| matches!(e, Effect::InspectTemplate { .. }));
    assert!(inspects, "the export worker looks at it before any export");
    let chosen = reduce_(&chosen, Action::WordTemplateInspected(Err("it has no main document part.".into())));
    assert_eq!(chosen.word_template_notes, Some(Err("it has no main document part.".into())));
    assert_eq!(chosen.project.word_template.as_ref().map(|t| t.name.as_str()), Some("council.dotx"));
    let other = reduce_(&chosen, Action::TemplateChosen(Template::ScrutinyProgress));
    assert!(other.project.word_template.is_some(), "another report keeps the council's template");
    let removed = reduce_(&chosen, Action::WordTemplateRemoved);
    assert!(removed.project.word_template.is_none());
    assert!(reduce_(&removed, Action::Undo).project.word_template.is_some(), "undo brings it back");
}

/// A Word template kept with a reopened draft is looked at again when the officer comes to
/// the export buttons (the notes are not saved with the draft).
#[test]
fn a_kept_word_template_is_looked_at_again_near_the_export_buttons() {
    let state = State::default();
    let chosen = reduce_(
        &state,
        Action::WordTemplateChosen { name: "council.dotx".into(), bytes: b"PK\x03\x04".to_vec().into() },
    );
    let mut reopened = chosen.clone();
    reopened.word_template_notes = None;
    let (_, effects) = reduce(&reopened, Action::ExportNear);
    assert!(effects.iter().any(|e| matches!(e, Effect::InspectTemplate { .. })));
    let (_, effects) = reduce(&state, Action::ExportNear);
    assert!(!effects.iter().any(|e| matches!(e, Effect::InspectTemplate { .. })), "no template, nothing to look at");
}

/// Coming to Upload a file, or dragging a file over the page, starts the next file's import
/// worker, and changes nothing the officer can undo or that is saved.
#[test]
fn an_import_worker_is_started_as_a_file_comes() {
    let state = State::default();
    let (near, effects) = reduce(&state, Action::ReadNear);
    assert_eq!(effects, [Effect::StartReader]);
    assert_eq!((near.project, near.undo.len()), (state.project.clone(), 0));
    let (dragging, effects) = reduce(&state, Action::Dragging(true));
    assert!(dragging.dragging);
    assert_eq!(effects, [Effect::StartReader]);
    let (_, effects) = reduce(&dragging, Action::Dragging(true));
    assert!(effects.is_empty(), "once a drag, not once a dragover: {effects:?}");
    let (left, effects) = reduce(&dragging, Action::Dragging(false));
    assert!(!left.dragging && effects.is_empty());
}
