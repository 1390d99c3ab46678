//! The edge: the one place the page's effects run. The reducer says what it needs (read a
//! file in the worker, keep the draft, download, export, print, move the focus); this runs it
//! with the browser and sends back the action its outcome brings.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use gloo::timers::callback::Timeout;
use yew_agent::oneshot::UseOneshotRunnerHandle;

use super::download::{chart_png, download, download_bytes, download_png};
use super::export_worker::{ExportRequest, FileWriter};
use super::state::{Action, Effect, Export, DOCX, XLSX};
use super::stop_signal::{run_job, Job, Outcome};
use super::storage::{self, Shelf};
use super::store::{Dispatch, RunsEffects};
use super::worker::{FileBytes, FileRequest, Readers};
use crate::engine::export::word::Picture;
use crate::engine::import::{Problem, ProblemKind, Stop};
use crate::engine::model::Project;

/// How long a file may take to read before the officer is told it failed. A worker that
/// panics or runs out of memory says so at once (`stop_signal`), so this is for a file that
/// is far too much work, or a worker that could not say.
const READ_TIMEOUT: Duration = Duration::from_secs(60);
/// How long writing a Word file or workbook may take before the officer is told it failed.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(60);
/// How long after the last change the draft is kept: a run of typing is saved once.
const KEEP_AFTER_MS: u32 = 500;

/// What runs the effects: the workers, the drafts' shelf, and the draft waiting to be kept.
pub struct Edge {
    dispatch: Dispatch,
    readers: Rc<Readers>,
    writer: UseOneshotRunnerHandle<FileWriter>,
    shelf: Rc<Shelf>,
    /// The draft waiting for the typing to stop; written at once if the page is closed or
    /// another draft is opened first, so the last words typed are never lost.
    unsaved: Rc<RefCell<Option<(String, Project)>>>,
    save_timer: RefCell<Option<Timeout>>,
}

impl Edge {
    pub fn new(
        dispatch: Dispatch,
        readers: Readers,
        writer: UseOneshotRunnerHandle<FileWriter>,
        shelf: Rc<Shelf>,
    ) -> Edge {
        let readers = Rc::new(readers);
        Edge { dispatch, readers, writer, shelf, unsaved: Rc::new(RefCell::new(None)), save_timer: RefCell::new(None) }
    }
}

impl RunsEffects for Edge {
    fn run(&self, effect: Effect) {
        let dispatch = self.dispatch.clone();
        match effect {
            Effect::ReadFile { name, bytes, sheet, again } => {
                let request =
                    FileRequest { name: name.clone(), bytes: FileBytes::Shared(bytes.clone()), sheet: sheet.clone() };
                let readers = self.readers.clone();
                yew::platform::spawn_local(async move {
                    let action = match (read_in_worker(&readers, request).await, again) {
                        (Ok(arrived), true) => Action::FileRowsLoaded { name, bytes, sheet, arrived },
                        (Err(problem), true) => {
                            Action::FileRowsLoaded { name, bytes, sheet, arrived: Err(Problem::whole(problem)) }
                        }
                        (Ok(arrived), false) => Action::FileRead { name, bytes, arrived },
                        (Err(problem), _) => Action::FileFailed { name, problem },
                    };
                    dispatch.send(action);
                });
            }
            Effect::KeepDraft { id, project } => self.keep(id, project),
            Effect::KeepRemembered(remembered) => storage::save_remembered(&remembered),
            effect @ (Effect::OpenDraft(_) | Effect::DuplicateDraft(_) | Effect::DeleteDraft(_)) => {
                let shelf = self.shelf.clone();
                yew::platform::spawn_local(async move { dispatch.send(drafts(&shelf, effect).await) });
            }
            Effect::Download { name, mime, text } => {
                let _ = download(&name, mime, &text);
            }
            Effect::DownloadPng { name, svg } => yew::platform::spawn_local(async move {
                let what = "The chart picture";
                let done = match download_png(&name, &svg, 2.0).await {
                    Ok(()) => Export::Done { what, name, notes: Vec::new() },
                    Err(why) => Export::Failed { what, why, stopped: false },
                };
                dispatch.send(Action::ExportFinished(done));
            }),
            Effect::InspectTemplate { report, template } => {
                let writer = self.writer.clone();
                yew::platform::spawn_local(async move {
                    let request = ExportRequest::InspectTemplate {
                        report: Box::new((*report).clone()),
                        template: template.to_vec(),
                    };
                    let notes = match run_job(request, EXPORT_TIMEOUT, |job| writer.run(job)).await {
                        Outcome::Answered(written) => written.map(|w| w.notes),
                        _ => Err("the export worker could not look at it.".to_owned()),
                    };
                    dispatch.send(Action::WordTemplateInspected(notes));
                });
            }
            Effect::StartReader => self.readers.start_next(),
            Effect::StartWriter => {
                let writer = self.writer.clone();
                yew::platform::spawn_local(async move {
                    let _ = writer.run(Job { work: ExportRequest::Start, stop_channel: None }).await;
                });
            }
            effect @ (Effect::ExportWord { .. }
            | Effect::ExportPage { .. }
            | Effect::ExportWorkbook { .. }
            | Effect::ExportCsv { .. }) => {
                let writer = self.writer.clone();
                yew::platform::spawn_local(async move {
                    dispatch.send(Action::ExportFinished(export(&writer, effect).await))
                });
            }
            Effect::Print => {
                let _ = gloo::utils::window().print();
            }
            Effect::Focus(id) => after_drawing(move || {
                if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                    if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                        let _ = element.focus();
                    }
                }
            }),
        }
    }

    /// Writes the draft waiting to be kept, as the page closes.
    fn page_closing(&self) {
        if let Some((id, project)) = self.unsaved.borrow_mut().take() {
            self.shelf.save_on_close(&id, &project);
        }
    }
}

impl Edge {
    /// Keeps a draft a moment after the typing stops, or at once when it holds a file not kept
    /// yet. A draft of another id waiting to be kept (the officer opened another) is written at
    /// once.
    fn keep(&self, id: String, project: Project) {
        let wait = if self.shelf.has_new_files(&project) { 0 } else { KEEP_AFTER_MS };
        if let Some((earlier_id, earlier)) = self.unsaved.borrow_mut().replace((id.clone(), project)) {
            if earlier_id != id {
                let shelf = self.shelf.clone();
                yew::platform::spawn_local(async move {
                    let _ = shelf.save(&earlier_id, &earlier).await;
                });
            }
        }
        let (slot, shelf, dispatch) = (self.unsaved.clone(), self.shelf.clone(), self.dispatch.clone());
        // Replacing the timer cancels the one before.
        *self.save_timer.borrow_mut() = Some(Timeout::new(wait, move || {
            if let Some((id, project)) = slot.borrow_mut().take() {
                yew::platform::spawn_local(async move {
                    dispatch.send(Action::Autosaved(shelf.save(&id, &project).await));
                });
            }
        }));
    }
}

/// Runs `then` once the page has been drawn for the state just reduced.
fn after_drawing(then: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| {
        Timeout::new(0, then).forget();
    });
    std::mem::forget(frame);
}

/// The import worker's reading of a file, or why it gave none: it stopped part way (its code
/// panicked, or it ran out of memory, each told at once), or it took longer than the time
/// limit.
async fn read_in_worker(
    readers: &Readers,
    request: FileRequest,
) -> Result<Result<crate::engine::tables::Arrived, crate::engine::import::Problem>, ProblemKind> {
    // Dropped with the job's future, however the job ended, which tells the worker to end;
    // one still busy past the time limit ends when its work does.
    let mut worker = readers.take();
    match run_job(request, READ_TIMEOUT, |job| async move { worker.run(job).await }).await {
        Outcome::Answered(arrived) => Ok(arrived),
        Outcome::Stopped => Err(ProblemKind::ReadingStopped(Stop::Broke)),
        Outcome::Ended => Err(ProblemKind::ReadingStopped(Stop::OutOfMemory)),
        Outcome::TimedOut => Err(ProblemKind::ReadingStopped(Stop::TimedOut)),
    }
}

/// What a draft asked of the shelf brings.
async fn drafts(shelf: &Shelf, effect: Effect) -> Action {
    match effect {
        Effect::OpenDraft(id) => match shelf.load(&id).await {
            Some(Ok((project, missing))) => restored(id, project, missing),
            Some(Err((why, _))) => Action::DraftFailed(why),
            None => Action::DraftsListed(shelf.list().await),
        },
        Effect::DuplicateDraft(id) => match shelf.duplicate(&id).await {
            Ok(list) => Action::DraftsListed(list),
            Err(why) => Action::DraftFailed(why),
        },
        Effect::DeleteDraft(id) => Action::DraftsListed(shelf.delete(&id).await),
        _ => Action::DraftsListed(shelf.list().await),
    }
}

/// A draft opened from this browser. One whose files this browser no longer holds opens as a
/// copy, under a new id, so the draft as kept (which still names them) is not written over.
pub fn restored(id: String, project: Project, missing: Vec<String>) -> Action {
    let id = if missing.is_empty() { id } else { storage::new_id() };
    Action::DraftRestored { id, project, missing }
}

/// An export the worker writes, offered for download: the Word file (its charts drawn here as
/// pictures first), a workbook, or the page for members.
async fn export(writer: &UseOneshotRunnerHandle<FileWriter>, effect: Effect) -> Export {
    let (request, name, mime, what) = match effect {
        Effect::ExportWord { report, name, template } => {
            // All the charts at once: the browser decodes and encodes them side by side. Each
            // without its title, subtitle and source, which the Word file prints as text.
            let svgs: Vec<String> = report.charts().map(|c| c.picture_svg()).collect();
            let drawn = futures::future::join_all(svgs.iter().map(|svg| chart_png(svg, 2.0))).await;
            let pictures = drawn
                .into_iter()
                .map(|png| png.ok().map(|(png, width, height)| Picture { png, width, height }))
                .collect();
            let template = template.map(|t| t.to_vec());
            (
                ExportRequest::Word { report: Box::new((*report).clone()), pictures, template },
                name,
                DOCX,
                "The Word file",
            )
        }
        Effect::ExportPage { report, project_file, name } => {
            let request = ExportRequest::Page { report: Box::new((*report).clone()), project_file };
            (request, name, "text/html", "The page for members")
        }
        Effect::ExportWorkbook { tables, title, name } => {
            (ExportRequest::Workbook { tables, title }, name, XLSX, "The Excel workbook")
        }
        Effect::ExportCsv { table, name } => (ExportRequest::Csv { table }, name, "text/csv", "The CSV file"),
        _ => return Export::Failed { what: "The export", why: "nothing was asked for.".into(), stopped: false },
    };
    export_file(writer, request, name, mime, what).await
}

/// Has the export worker write a file and offers it for download.
async fn export_file(
    writer: &UseOneshotRunnerHandle<FileWriter>,
    request: ExportRequest,
    name: String,
    mime: &'static str,
    what: &'static str,
) -> Export {
    let failed = |why: &str, stopped| Export::Failed { what, why: why.to_owned(), stopped };
    let written = match run_job(request, EXPORT_TIMEOUT, |job| writer.run(job)).await {
        Outcome::Answered(written) => written,
        Outcome::Stopped => {
            return failed("it stopped part way, on something in the report it could not handle.", true)
        }
        Outcome::Ended => {
            return failed("it stopped part way, most likely because this computer ran out of memory for it.", true)
        }
        Outcome::TimedOut => return failed("it gave no answer within a minute.", false),
    };
    match written {
        Ok(written) => match download_bytes(&name, mime, &written.bytes) {
            Ok(()) => Export::Done { what, name, notes: written.notes },
            Err(_) => failed("the browser would not start the download.", false),
        },
        Err(why) => Export::Failed { what, why, stopped: false },
    }
}
