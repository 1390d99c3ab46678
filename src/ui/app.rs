//! The page: controls on one side, the report preview on the other. File reading and storage
//! happen here, at the edge; everything else goes through the reducer.

use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew_agent::oneshot::{use_oneshot_runner, OneshotProvider, UseOneshotRunnerHandle};
use yew_agent::Reach;

use super::codec::InPieces;
use super::components::{
    BenchmarkPanel, ChecksPanel, DocumentEditor, DraftsPanel, ErrorSummary, FilePicker, ImportDetails, PasteBox,
    PipelinePanel, PrintOptions, ReportDetails, ReportPreview, ScenariosPanel, StaffPanel, TableChecks, TemplatePicker,
};
use super::download::{chart_png, download, download_bytes, file_stem};
use super::drawing::use_painted_once;
use super::export_worker::{ExportRequest, FileWriter};
use super::state::{reduce, Action, DraftEntry, FieldError, InputField, State};
use super::stop_signal::{run_job, Job, Outcome};
use super::storage::{self, Draft, Shelf};
use super::worker::{FileBytes, FileReader, FileRequest};
use crate::engine::export::word::Picture;
use crate::engine::export::{project_file, static_page};
use crate::engine::import::{load_text_only, read_loaded, Loaded, Problem, ProblemKind, Stop, MAX_FILE_BYTES};
use crate::engine::metrics::checks::establishment_checks;
use crate::engine::model::Project;
use crate::engine::model::{Origin, RawInput};
use crate::engine::report::facts::SupportingFacts;
use crate::engine::report::{build_report_from, html};

/// How long a file may take to read before the officer is told it failed. A worker that
/// panics or runs out of memory says so at once (`stop_signal`), so this is for a file that
/// is far too much work, or a worker that could not say.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// How long writing a Word file or workbook may take before the officer is told it failed.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(60);
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The app, with its import and export workers. Each file read gets a fresh import worker
/// (private reach), so one that a bad file brought down cannot affect the next; one export
/// worker serves every export.
#[function_component(App)]
pub fn app() -> Html {
    let paths = use_memo((), |_| {
        let path = |name| AttrValue::from(super::worker::script_path(name));
        (path("worker"), path("export_worker"))
    });
    // The drafts kept in this browser are read before the page is drawn, so it opens on the
    // last one rather than flashing the sample first. Reading them takes a few milliseconds.
    let opened = use_state(|| None::<Rc<Opened>>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move { opened.set(Some(Rc::new(Opened::read().await))) })
        });
    }
    html! {
        <OneshotProvider<FileReader, InPieces> path={paths.0.clone()} reach={Reach::Private}>
            // One export worker for every export, started when first needed (or when the pointer
            // or focus comes to an export button), so a second export does not fetch it again.
            <OneshotProvider<FileWriter, InPieces> path={paths.1.clone()} reach={Reach::Public}>
                if let Some(opened) = &*opened {
                    <Page opened={opened.clone()} />
                } else {
                    <p class="opening" role="status">{ "Opening your drafts…" }</p>
                }
            </OneshotProvider<FileWriter, InPieces>>
        </OneshotProvider<FileReader, InPieces>>
    }
}

/// What the page opens on: the shelf of drafts, the latest draft on it, and the list.
struct Opened {
    shelf: Rc<Shelf>,
    latest: Option<(String, Draft)>,
    drafts: Vec<DraftEntry>,
}

impl Opened {
    async fn read() -> Opened {
        let shelf = Shelf::open().await;
        let latest = shelf.latest().await;
        // A draft that cannot be opened is moved aside first, so it is neither listed nor
        // written over.
        if let Some((id, Err((_, raw)))) = &latest {
            shelf.keep_unreadable(id, raw).await;
        }
        let drafts = shelf.list().await;
        Opened { shelf, latest, drafts }
    }
}

#[derive(Properties)]
struct PageProps {
    opened: Rc<Opened>,
}

impl PartialEq for PageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.opened, &other.opened)
    }
}

/// Where a Word or Excel export stands, said beside the buttons.
#[derive(Clone, PartialEq)]
enum Exporting {
    Idle,
    Working(String),
    Done(String),
    Failed(String),
}

#[function_component(Page)]
fn page(props: &PageProps) -> Html {
    let shelf = props.opened.shelf.clone();
    // The draft kept in this browser, if there is one: the page opens on it, not the sample.
    // Each way in builds the project it shows once: the sample only when it is what opens.
    let state = use_reducer(|| {
        let state = match &props.opened.latest {
            Some((id, Ok(project))) => reduce(
                &State::showing(project.clone()),
                Action::DraftRestored { id: id.clone(), project: project.clone() },
            ),
            Some((_, Err((why, raw)))) => {
                let state = State { draft_id: storage::new_id(), ..State::default() };
                reduce(&state, Action::DraftUnreadable { why: why.clone(), raw: raw.clone() })
            }
            // A first visit: the sample, with the usual greeting.
            None => State { draft_id: storage::new_id(), ..State::default() },
        };
        reduce(&state, Action::DraftsListed(props.opened.drafts.clone()))
    });
    // The report drawn into index.html has been shown until now; this page's own report is in
    // place of it from this frame.
    use_effect_with((), |_| {
        if let Some(first_view) = gloo::utils::document().get_element_by_id("first-view") {
            first_view.remove();
        }
    });
    // The report is drawn first and the controls once it has been painted, so the officer sees
    // the report without waiting for the panels.
    let controls_ready = use_painted_once();
    let dragging = use_state(|| false);
    // Fields in the panels holding a value that cannot be used, as each panel reports them.
    let scenario_errors = use_state_eq(Vec::<FieldError>::new);
    let staff_errors = use_state_eq(Vec::<FieldError>::new);
    let reader = use_oneshot_runner::<FileReader>();
    let writer = Writer { runner: use_oneshot_runner::<FileWriter>(), stopped: use_mut_ref(|| false) };
    let exporting = use_state(|| Exporting::Idle);
    let export_busy = matches!(*exporting, Exporting::Working(_));

    // The report is derived from the project and the rows read from its files, and rebuilt
    // only when either changes. Its supporting tables (a staff list can be 50,000 rows) are
    // read again only when they, their rows or the staff date change: not as the officer types.
    let (supporting_tables, staff_date) = SupportingFacts::depends_on(&state.project);
    let supporting = use_memo((supporting_tables.to_vec(), staff_date, state.files.clone()), {
        let state = state.clone();
        move |_| SupportingFacts::gather(&state.project, &|input| state.loaded_for(input))
    });
    // The project and rows cover what the supporting facts depend on, so these deps suffice.
    let report = use_memo((state.project.clone(), state.files.clone()), {
        let state = state.clone();
        let supporting = supporting.clone();
        move |(project, _)| build_report_from(project, &|input| state.loaded_for(input), supporting)
    });
    let report_parts = use_memo(report.clone(), |report| html::render_parts(report));
    let page_breaks = use_state(|| false);
    let send = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // The checks, like the report, follow from the project and its files' rows.
    // Only the controls show them, so the first frame, which draws the report alone, skips them.
    let checks = use_memo((state.project.clone(), state.files.clone(), controls_ready), {
        let state = state.clone();
        move |(project, _, ready)| {
            project
                .tables
                .iter()
                .filter(|_| *ready)
                .filter_map(|input| {
                    let read = read_loaded(input, state.loaded_for(input), &Default::default()).outcome.ok()?;
                    let title = if input.period.is_empty() { "The table".to_owned() } else { input.period.clone() };
                    Some(TableChecks { title, findings: establishment_checks(&read.table), table: Rc::new(read.table) })
                })
                .collect::<Vec<_>>()
        }
    });

    {
        let state = state.clone();
        use_effect_with((), move |_| state.dispatch(Action::RememberedLoaded(storage::load_remembered())));
    }
    // Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo report edits, except in a text field,
    // where the browser's own undo of the typing applies.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            // Not passive: the browser's own undo must be stopped when the page's runs.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::window(),
                "keydown",
                options,
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if !(key.ctrl_key() || key.meta_key()) || in_text_field() {
                        return;
                    }
                    let action = match (key.key().to_lowercase().as_str(), key.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", _) => Action::Redo,
                        _ => return,
                    };
                    key.prevent_default();
                    state.dispatch(action);
                },
            );
            move || drop(listener)
        });
    }
    use_effect_with(state.remembered.clone(), |remembered| {
        if !remembered.is_empty() {
            storage::save_remembered(remembered);
        }
    });

    // Files a restored draft holds are read again by the worker, for their rows.
    {
        let (state, reader) = (state.clone(), reader.clone());
        use_effect_with((), move |_| reread_files(&state, &reader, &state.project));
    }
    // Every change is kept in this browser, a moment after the typing stops.
    // The save waiting for the typing to stop; written at once if the page is closed or
    // another draft is opened first, so the last words typed are never lost.
    let unsaved = use_mut_ref(|| None::<(String, Project)>);
    let save_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let opened_now = use_mut_ref(|| true);
    {
        let (state, unsaved, shelf) = (state.clone(), unsaved.clone(), shelf.clone());
        use_effect_with((state.project.clone(), state.draft_id.clone()), move |(project, id)| {
            // What the page opened on is the kept draft, or the sample nobody has changed yet:
            // nothing to write until the officer changes something.
            if opened_now.replace(false) {
                return;
            }
            if let Some((earlier_id, earlier)) = unsaved.borrow_mut().replace((id.clone(), project.clone())) {
                if earlier_id != *id {
                    let shelf = shelf.clone();
                    yew::platform::spawn_local(async move {
                        let _ = shelf.save(&earlier_id, &earlier).await;
                    });
                }
            }
            let slot = unsaved.clone();
            // Replacing the timer cancels the one before.
            *save_timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(500, move || {
                if let Some((id, project)) = slot.borrow_mut().take() {
                    yew::platform::spawn_local(async move {
                        state.dispatch(Action::Autosaved(shelf.save(&id, &project).await));
                    });
                }
            }));
        });
    }
    {
        let (unsaved, shelf) = (unsaved.clone(), shelf.clone());
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                if let Some((id, project)) = unsaved.borrow_mut().take() {
                    shelf.save_on_close(&id, &project);
                }
            });
            move || drop(listener)
        });
    }
    let save_project = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.json", file_stem(&state.project.title_block.title));
            let _ = download(&name, "application/json", &project_file::save(&state.project));
        })
    };
    let export_page = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let page = static_page::render(&state.project, &|input| state.loaded_for(input));
            let name = format!("{}.html", file_stem(&state.project.title_block.title));
            let _ = download(&name, "text/html", &page);
        })
    };
    // The export worker is started when the officer comes to an export button: by the click it
    // has usually been fetched and compiled.
    let started_writer = use_mut_ref(|| false);
    let start_writer = {
        let (writer, started) = (writer.clone(), started_writer.clone());
        Callback::from(move |_: ()| {
            if !started.replace(true) {
                let writer = writer.clone();
                yew::platform::spawn_local(async move {
                    let _ = writer.runner.run(Job { work: ExportRequest::Start, stop_channel: None }).await;
                });
            }
        })
    };
    let start_on_pointer = start_writer.reform(|_: PointerEvent| ());
    let start_on_focus = start_writer.reform(|_: FocusEvent| ());
    // The report as a Word file: the page draws each chart as a PNG with its canvas, and the
    // export worker writes the file.
    let export_word = {
        let (report, writer, exporting) = (report.clone(), writer.clone(), exporting.clone());
        Callback::from(move |_: MouseEvent| {
            if export_busy {
                return;
            }
            exporting.set(Exporting::Working("Preparing the Word file…".into()));
            let (report, writer, exporting) = (report.clone(), writer.clone(), exporting.clone());
            yew::platform::spawn_local(async move {
                // All the charts at once: the browser decodes and encodes them side by side.
                let drawn = futures::future::join_all(report.charts().map(|chart| chart_png(&chart.svg, 2.0))).await;
                let pictures = drawn
                    .into_iter()
                    .map(|png| png.ok().map(|(png, width, height)| Picture { png, width, height }))
                    .collect();
                let name = format!("{}.docx", file_stem(&report.title_block.title));
                let request = ExportRequest::Word { report: Box::new((*report).clone()), pictures };
                export_file(writer, exporting, request, name, DOCX, "The Word file").await;
            });
        })
    };
    // One table as CSV or Excel, every table as one workbook, or one chart as SVG or PNG,
    // chosen from the report's list.
    let piece = use_node_ref();
    let download_piece = {
        let (report, piece, writer, exporting) = (report.clone(), piece.clone(), writer.clone(), exporting.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(select) = piece.cast::<web_sys::HtmlSelectElement>() else { return };
            let choice = select.value();
            let workbook = |tables: Vec<crate::engine::report::Table>, stem: &str| {
                if export_busy {
                    return;
                }
                exporting.set(Exporting::Working("Preparing the Excel workbook…".into()));
                let name = format!("{}.xlsx", file_stem(stem));
                let request = ExportRequest::Workbook { tables, title: report.title_block.title.clone() };
                yew::platform::spawn_local(export_file(
                    writer.clone(),
                    exporting.clone(),
                    request,
                    name,
                    XLSX,
                    "The Excel workbook",
                ));
            };
            if choice == "workbook" {
                workbook(report.tables().cloned().collect(), &format!("{} tables", report.title_block.title));
            } else if let Some(i) = choice.strip_prefix("xlsx-").and_then(|i| i.parse::<usize>().ok()) {
                if let Some(table) = report.tables().nth(i) {
                    workbook(vec![table.clone()], &table.caption);
                }
            } else if let Some(i) = choice.strip_prefix("table-").and_then(|i| i.parse::<usize>().ok()) {
                if let Some(table) = report.tables().nth(i) {
                    let name = format!("{}.csv", file_stem(&table.caption));
                    let _ = download(&name, "text/csv", &crate::engine::export::csv::table_csv(table));
                }
            } else if let Some(i) = choice.strip_prefix("png-").and_then(|i| i.parse::<usize>().ok()) {
                if let Some(chart) = report.charts().nth(i) {
                    let name = format!("{}-{}.png", chart.id, file_stem(&chart.title));
                    super::download::download_png(name, chart.svg.clone(), 2.0);
                }
            } else if let Some(i) = choice.strip_prefix("chart-").and_then(|i| i.parse::<usize>().ok()) {
                if let Some(chart) = report.charts().nth(i) {
                    let name = format!("{}-{}.svg", chart.id, file_stem(&chart.title));
                    let _ = download(&name, "image/svg+xml", &chart.svg);
                }
            }
        })
    };
    let download_unreadable = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = &state.unreadable_draft {
                let _ = download("unreadable-draft.json", "application/json", raw);
            }
        })
    };

    let dispatch = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |value: String| state.dispatch(make(value)))
    };
    let on_edit = dispatch(Action::PasteEdited);
    let on_file = {
        let (state, reader) = (state.clone(), reader.clone());
        Callback::from(move |file: web_sys::File| read_file(state.clone(), reader.clone(), file))
    };
    let on_sheet = {
        let (state, reader) = (state.clone(), reader.clone());
        Callback::from(move |sheet: String| {
            if let Some(RawInput::File { name, bytes }) = state.import.as_ref().map(|i| i.input.raw.clone()) {
                run_reader(
                    state.clone(),
                    reader.clone(),
                    FileRequest { name, bytes: FileBytes::Shared(bytes), sheet: Some(sheet) },
                );
            }
        })
    };
    let on_header_row = {
        let state = state.clone();
        Callback::from(move |line: usize| state.dispatch(Action::HeaderRowChosen(line)))
    };
    let on_column = {
        let state = state.clone();
        Callback::from(move |(column, holds)| state.dispatch(Action::ColumnSet { column, holds }))
    };
    let on_guess_again = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::GuessColumnsAgain))
    };
    let on_skip = {
        let state = state.clone();
        Callback::from(move |skip: bool| state.dispatch(Action::SkipUnreadable(skip)))
    };
    let use_sample = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::UseSample))
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });

    // A file dropped anywhere on the page is read; the browser must not open it instead.
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element is not leaving the page.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_file = on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
        })
    };

    let showing_sample = state.project.tables.iter().all(|t| t.origin == Origin::Sample);
    let paste_problems = state.problems_in(InputField::Paste);
    let file_unopened = state
        .failed
        .iter()
        .filter(|f| f.field == InputField::Upload)
        .flat_map(|f| f.problems.clone())
        .collect::<Vec<_>>();
    let file_unread = state.import.as_ref().is_some_and(|i| !i.is_paste() && i.reading.outcome.is_err());
    // The summary of every field with a problem: the paste box and upload, and the panels' own.
    let field_errors = [state.field_errors(), (*scenario_errors).clone(), (*staff_errors).clone()].concat();
    let import_failed = !paste_problems.is_empty() || !file_unopened.is_empty() || file_unread;

    html! {
        <div class={classes!("app", (*dragging).then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#report-preview">{ "Skip to the report" }</a>
            <header class="app-chrome">
                <h1>{ "Workforce Report Builder" }</h1>
                <p>{ "Your tables stay in this browser: nothing is sent anywhere." }</p>
            </header>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "Drop the file to read it" }</p></div>
            }
            <main class="app-layout">
                <section class="app-controls" aria-labelledby="controls-heading">
                    // The controls scroll on their own; Print, Undo and Redo sit below them, not
                    // over them, so nothing focused or clicked is ever hidden behind the bar.
                    <div class="controls-scroll">
                        <ErrorSummary errors={field_errors} focus={state.error_focus} />
                        if controls_ready {
                            <DraftsPanel drafts={state.drafts.clone()} current={state.draft_id.clone()}
                                on_open={
                                    let (state, reader, shelf) = (state.clone(), reader.clone(), shelf.clone());
                                    Callback::from(move |id: String| {
                                        let (state, reader, shelf) = (state.clone(), reader.clone(), shelf.clone());
                                        yew::platform::spawn_local(async move {
                                            match shelf.load(&id).await {
                                                Some(Ok(project)) => {
                                                    reread_files(&state, &reader, &project);
                                                    state.dispatch(Action::DraftRestored { id, project });
                                                }
                                                Some(Err((why, _))) => state.dispatch(Action::DraftFailed(why)),
                                                None => state.dispatch(Action::DraftsListed(shelf.list().await)),
                                            }
                                        });
                                    })
                                }
                                on_duplicate={
                                    let (state, shelf) = (state.clone(), shelf.clone());
                                    Callback::from(move |id: String| {
                                        let (state, shelf) = (state.clone(), shelf.clone());
                                        yew::platform::spawn_local(async move {
                                            match shelf.duplicate(&id).await {
                                                Ok(list) => state.dispatch(Action::DraftsListed(list)),
                                                Err(why) => state.dispatch(Action::DraftFailed(why)),
                                            }
                                        });
                                    })
                                }
                                on_delete={
                                    let (state, shelf) = (state.clone(), shelf.clone());
                                    Callback::from(move |id: String| {
                                        let (state, shelf) = (state.clone(), shelf.clone());
                                        yew::platform::spawn_local(async move { state.dispatch(Action::DraftsListed(shelf.delete(&id).await)) });
                                    })
                                }
                                on_new={
                                    let state = state.clone();
                                    Callback::from(move |()| state.dispatch(Action::NewDraft { id: storage::new_id() }))
                                } />
                            <TemplatePicker on_choose={
                                let state = state.clone();
                                Callback::from(move |template| state.dispatch(Action::TemplateChosen(template)))
                            } />
                            <h2 id="controls-heading">{ "Your data" }</h2>
                            if showing_sample {
                                <p class="notice">
                                    { "This is a built-in sample for Northshire County Council, a fictional \
                                       council. Paste or upload your own table to replace it." }
                                </p>
                            }
                            <PasteBox value={state.paste.clone()} problems={paste_problems.clone()} {on_edit} />
                            <FilePicker {on_file} busy={state.busy.is_some()} problems={file_unopened}
                                error_elsewhere={file_unread.then_some(AttrValue::from("import-error"))} />
                            // Announced either way; shown only when an error message is not already saying it.
                            <p class={classes!("status", import_failed.then_some("visually-hidden"))}
                                role="status" aria-live="polite" aria-busy={state.busy.is_some().to_string()}>
                                { state.status.clone() }
                            </p>
                            if let Some(import) = state.import.clone() {
                                <ImportDetails {import} {on_sheet} {on_header_row} {on_column} {on_guess_again} {on_skip}
                                    on_period={dispatch(Action::ImportPeriodSet)}
                                    on_slot={
                                        let state = state.clone();
                                        Callback::from(move |slot| state.dispatch(Action::ImportSlotChosen(slot)))
                                    }
                                    on_finished={
                                        let state = state.clone();
                                        Callback::from(move |()| state.dispatch(Action::ImportFinished))
                                    } />
                            }
                            <ChecksPanel tables={(*checks).clone()} />
                            if let Some(totals) = current_totals(&checks) {
                                <ScenariosPanel establishment={totals.0} permanent={totals.1} agency={totals.2}
                                    on_problems={
                                        let errors = scenario_errors.clone();
                                        Callback::from(move |found| errors.set(found))
                                    } />
                            }
                            <PipelinePanel tables={state.pipeline.clone()} />
                            <BenchmarkPanel benchmarks={state.benchmarks.clone()} on_council={dispatch(Action::CouncilChosen)}
                                on_year={dispatch(Action::BenchmarkYearChosen)} />
                            if let Some(staff) = state.staff.clone() {
                                <StaffPanel {staff} on_date={
                                    let state = state.clone();
                                    Callback::from(move |date| state.dispatch(Action::StaffDateChosen(date)))
                                } on_problems={
                                    let errors = staff_errors.clone();
                                    Callback::from(move |found| errors.set(found))
                                } />
                            }
                            <ReportDetails title_block={state.project.title_block.clone()} on_edit={
                                let state = state.clone();
                                Callback::from(move |(field, value)| state.dispatch(Action::TitleEdited(field, value)))
                            } />
                            <DocumentEditor document={state.project.document.clone()} report={report.clone()} dispatch={send.clone()} />
                            <PrintOptions settings={state.project.settings.print.clone()} previewing={*page_breaks}
                                on_change={
                                    let state = state.clone();
                                    Callback::from(move |print| state.dispatch(Action::PrintSettingsChanged(print)))
                                }
                                on_preview={
                                    let page_breaks = page_breaks.clone();
                                    Callback::from(move |on| page_breaks.set(on))
                                } />
                            <fieldset class="save-share">
                                <legend>{ "Save and share" }</legend>
                                <p class="hint" id="autosave-status">{ match &state.autosave {
                                    Some(Ok(())) => "Your draft is kept in this browser as you work.".to_owned(),
                                    Some(Err(why)) => format!("Your draft is not being kept in this browser: {why}. Use Save project to keep a copy."),
                                    None => String::new(),
                                } }</p>
                                if state.unreadable_draft.is_some() {
                                    <button type="button" class="secondary" onclick={download_unreadable}>{ "Download the draft that could not be opened" }</button>
                                }
                                <div class="button-row">
                                    <button type="button" onclick={save_project}>{ "Save project" }</button>
                                    <button type="button" class="secondary" onclick={export_page}>{ "Export page for members" }</button>
                                    <button type="button" class="secondary" onclick={export_word} disabled={export_busy}
                                        onpointerenter={start_on_pointer.clone()} onfocus={start_on_focus.clone()}>{ "Export to Word" }</button>
                                </div>
                                <p class={classes!("status", matches!(*exporting, Exporting::Failed(_)).then_some("error-message"))}
                                    id="export-status" role="status" aria-live="polite" aria-busy={export_busy.to_string()}>
                                    { match &*exporting {
                                        Exporting::Idle => String::new(),
                                        Exporting::Working(m) | Exporting::Done(m) | Exporting::Failed(m) => m.clone(),
                                    } }
                                </p>
                                <div class="field download-piece">
                                    <label for="download-piece">{ "A table or chart on its own" }</label>
                                    <select id="download-piece" ref={piece}>
                                        { for report.tables().enumerate().map(|(i, t)| html! {
                                            <>
                                                <option value={format!("table-{i}")} selected={i == 0}>{ format!("{} (CSV)", t.caption) }</option>
                                                <option value={format!("xlsx-{i}")}>{ format!("{} (Excel)", t.caption) }</option>
                                            </>
                                        }) }
                                        if report.tables().next().is_some() {
                                            <option value="workbook">{ "All tables, one sheet each (Excel)" }</option>
                                        }
                                        { for report.charts().enumerate().map(|(i, c)| html! {
                                            <>
                                                <option value={format!("chart-{i}")}>{ format!("Chart: {} (SVG)", c.title) }</option>
                                                <option value={format!("png-{i}")}>{ format!("Chart: {} (PNG)", c.title) }</option>
                                            </>
                                        }) }
                                    </select>
                                    <button type="button" class="secondary" onclick={download_piece} disabled={export_busy}
                                        onpointerenter={start_on_pointer} onfocus={start_on_focus}>{ "Download" }</button>
                                </div>
                                <p class="hint">{ "Save project downloads a file that opens this draft again, here or on another computer: \
                                                    use Upload a file, or drop it on the page. The page for members is one file \
                                                    that opens in any browser, with no script. Export to Word gives a .docx for \
                                                    committee services, with the charts as pictures." }</p>
                            </fieldset>
                        } else {
                            <h2 id="controls-heading">{ "Your data" }</h2>
                            <p class="hint">{ "Getting the controls ready…" }</p>
                        }
                    </div>
                    <div class="button-row main-actions">
                        <button type="button" onclick={print}>{ "Print report" }</button>
                        <button type="button" class="secondary" disabled={state.undo.is_empty()} onclick={
                            let state = state.clone();
                            Callback::from(move |_: MouseEvent| state.dispatch(Action::Undo))
                        } aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                        <button type="button" class="secondary" disabled={state.redo.is_empty()} onclick={
                            let state = state.clone();
                            Callback::from(move |_: MouseEvent| state.dispatch(Action::Redo))
                        } aria-keyshortcuts="Control+Y">{ "Redo" }</button>
                        if !showing_sample {
                            <button type="button" class="secondary" onclick={use_sample}>{ "Use the sample again" }</button>
                        }
                    </div>
                </section>
                <section aria-label="Report preview">
                    <ReportPreview parts={report_parts.clone()} page_breaks={*page_breaks}
                        landscape={state.project.settings.print.landscape} />
                </section>
            </main>
        </div>
    }
}

/// True when the focus is where the browser's own Ctrl+Z belongs.
fn in_text_field() -> bool {
    let Some(active) = gloo::utils::document().active_element() else { return false };
    matches!(active.tag_name().to_lowercase().as_str(), "input" | "textarea" | "select")
        || active.get_attribute("contenteditable").is_some_and(|v| v != "false")
}

/// The current (first) table's establishment, permanent and agency totals, when all are known.
fn current_totals(tables: &[TableChecks]) -> Option<(f64, f64, f64)> {
    let total = crate::engine::metrics::establishment_figures(&tables.first()?.table).total;
    Some((total.establishment.ok()?, total.permanent.ok()?, total.agency.ok()?))
}

/// Reads a file's bytes and sends them to the import worker.
fn read_file(state: UseReducerHandle<State>, reader: UseOneshotRunnerHandle<FileReader>, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let megabytes = (file.size() / (1024.0 * 1024.0)).round() as usize;
        state.dispatch(Action::FileFailed { name, problem: ProblemKind::FileTooLarge { megabytes } });
        return;
    }
    state.dispatch(Action::FileReading(name.clone()));
    yew::platform::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = file_bytes(&js_sys::Uint8Array::new(&buffer));
                // A saved project or a page for members, whatever it is called, opens as a draft.
                if crate::engine::export::is_saved_draft(&bytes) {
                    open_project(state, reader, name, String::from_utf8_lossy(&bytes).into_owned());
                    return;
                }
                run_reader(state, reader, FileRequest { name, bytes: FileBytes::Shared(bytes), sheet: None });
            }
            Err(_) => state.dispatch(Action::FileFailed { name, problem: ProblemKind::BrowserCouldNotRead }),
        }
    });
}

/// A file's bytes in the page's memory, copied there once: the one copy the project, the
/// import and the worker's request all share. (The page's memory never shrinks, so a copy
/// made on the way would stay taken.)
fn file_bytes(from: &js_sys::Uint8Array) -> Arc<[u8]> {
    let mut bytes: Arc<[u8]> = std::iter::repeat_n(0, from.length() as usize).collect();
    from.copy_to(Arc::get_mut(&mut bytes).expect("not shared yet"));
    bytes
}

/// Has the import worker read a file (or one sheet of it), and hands the rows to the reducer.
fn run_reader(state: UseReducerHandle<State>, reader: UseOneshotRunnerHandle<FileReader>, request: FileRequest) {
    let (name, bytes) = (request.name.clone(), request.bytes.shared());
    state.dispatch(Action::FileReading(name.clone()));
    yew::platform::spawn_local(async move {
        match read_in_worker(&reader, request).await {
            Ok(loaded) => state.dispatch(Action::FileRead { name, bytes, loaded }),
            Err(problem) => state.dispatch(Action::FileFailed { name, problem }),
        }
    });
}

/// The import worker's reading of a file, or why it gave none: it stopped part way (its code
/// panicked, or it ran out of memory, each told at once), or it took longer than the time
/// limit.
async fn read_in_worker(
    reader: &UseOneshotRunnerHandle<FileReader>,
    request: FileRequest,
) -> Result<Result<Loaded, Problem>, ProblemKind> {
    match run_job(request, READ_TIMEOUT, |job| reader.run(job)).await {
        Outcome::Answered(loaded) => Ok(loaded),
        Outcome::Stopped => Err(ProblemKind::ReadingStopped(Stop::Broke)),
        Outcome::Ended => Err(ProblemKind::ReadingStopped(Stop::OutOfMemory)),
        Outcome::TimedOut => Err(ProblemKind::ReadingStopped(Stop::TimedOut)),
    }
}

/// Opens a project file, or the project a static page carries, then has the worker read any
/// files it holds.
fn open_project(
    state: UseReducerHandle<State>,
    reader: UseOneshotRunnerHandle<FileReader>,
    name: String,
    text: String,
) {
    match crate::engine::export::open_saved_draft(&text, &load_text_only) {
        Ok(project) => {
            reread_files(&state, &reader, &project);
            state.dispatch(Action::ProjectOpened { project, from: name });
        }
        Err(e) => state.dispatch(Action::FileFailed { name, problem: ProblemKind::NotAProject(e.to_string()) }),
    }
}

/// Reads again, in the worker, every file a project holds, so the report has their rows.
fn reread_files(state: &UseReducerHandle<State>, reader: &UseOneshotRunnerHandle<FileReader>, project: &Project) {
    for input in project.tables.iter().chain(&project.supporting) {
        let crate::engine::model::RawInput::File { name, bytes } = &input.raw else { continue };
        let (state, reader) = (state.clone(), reader.clone());
        let request =
            FileRequest { name: name.clone(), bytes: FileBytes::Shared(bytes.clone()), sheet: input.sheet.clone() };
        yew::platform::spawn_local(async move {
            let (name, bytes) = (request.name.clone(), request.bytes.shared());
            match read_in_worker(&reader, request).await {
                Ok(Ok(loaded)) => state.dispatch(Action::FileRowsLoaded { name, bytes, loaded }),
                Ok(Err(problem)) => state.dispatch(Action::FileFailed { name, problem: problem.kind }),
                Err(problem) => state.dispatch(Action::FileFailed { name, problem }),
            }
        });
    }
}

/// The export worker, kept for every export, and whether it has stopped: a worker that
/// stopped has ended, and the page cannot start another until it is loaded again.
#[derive(Clone)]
struct Writer {
    runner: UseOneshotRunnerHandle<FileWriter>,
    stopped: Rc<std::cell::RefCell<bool>>,
}

/// Has the export worker write a file and offers it for download, saying how it went.
async fn export_file(
    writer: Writer,
    exporting: UseStateHandle<Exporting>,
    request: ExportRequest,
    name: String,
    mime: &'static str,
    what: &'static str,
) {
    const TRY_AGAIN: &str = "Nothing in your draft has changed; try again, or use Save project to keep a copy.";
    const RELOAD: &str = "Your draft is kept in this browser: reload the page to export again, or use Save \
                          project to keep a copy.";
    let written = if *writer.stopped.borrow() {
        Err(("exporting stopped earlier on this page.".to_owned(), RELOAD))
    } else {
        match run_job(request, EXPORT_TIMEOUT, |job| writer.runner.run(job)).await {
            Outcome::Answered(written) => written.map_err(|why| (why, TRY_AGAIN)),
            Outcome::Stopped => {
                *writer.stopped.borrow_mut() = true;
                Err(("it stopped part way, on something in the report it could not handle.".to_owned(), RELOAD))
            }
            Outcome::Ended => {
                *writer.stopped.borrow_mut() = true;
                Err((
                    "it stopped part way, most likely because this computer ran out of memory for it.".to_owned(),
                    RELOAD,
                ))
            }
            Outcome::TimedOut => Err(("it gave no answer within a minute.".to_owned(), TRY_AGAIN)),
        }
    };
    let offered = written.and_then(|bytes| {
        download_bytes(&name, mime, &bytes)
            .map_err(|_| ("the browser would not start the download.".to_owned(), TRY_AGAIN))
    });
    exporting.set(match offered {
        Ok(()) => Exporting::Done(format!("{what} is downloaded: {name}.")),
        Err((why, next)) => Exporting::Failed(format!("{what} could not be made: {why} {next}")),
    });
}
