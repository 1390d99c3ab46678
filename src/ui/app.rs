//! The page: controls on one side, the report preview on the other. The state lives in the
//! store (`ui::store`), changes only through the reducer, and its effects run at the edge
//! (`ui::edge`); this draws it and turns the officer's gestures into actions.

use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew_agent::oneshot::{use_oneshot_runner, OneshotProvider};
use yew_agent::Reach;

use super::codec::InPieces;
use super::components::{controls, Editing, ReportPreview};
use super::drawing::use_painted_once;
use super::edge::Edge;
use super::export_worker::FileWriter;
use super::state::{reduce, Action, DraftEntry, State};
use super::storage::{self, Draft, Shelf};
use super::store::{Dispatch, Shared};
use super::worker::{script_path, Readers};
use crate::engine::import::{ProblemKind, MAX_FILE_BYTES};
use crate::engine::report::html;

/// The app, with its export worker. Each file read gets a fresh import worker (`Readers`, in
/// the edge), so one that a bad file brought down cannot affect the next; one export worker
/// serves every export.
#[function_component(App)]
pub fn app() -> Html {
    let writer_path = use_memo((), |_| AttrValue::from(super::worker::script_path("export_worker")));
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
            // One export worker for every export, started when first needed (or when the pointer
            // or focus comes to an export button), so a second export does not fetch it again.
            <OneshotProvider<FileWriter, InPieces> path={(*writer_path).clone()} reach={Reach::Public}>
                if let Some(opened) = &*opened {
                    <Page opened={Shared(opened.clone())} />
                } else {
                    <p class="opening" role="status">{ "Opening your drafts…" }</p>
                }
            </OneshotProvider<FileWriter, InPieces>>
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

    /// The state the page opens in, and what it asks of the edge (the kept draft's files read
    /// again). Each way in builds the project it shows once: the sample only when it is what
    /// opens.
    fn state(&self) -> (State, Vec<super::state::Effect>) {
        let (state, effects) = match &self.latest {
            Some((id, Ok((project, missing)))) => reduce(
                &State::showing(project.clone()),
                super::edge::restored(id.clone(), project.clone(), missing.clone()),
            ),
            Some((_, Err((why, raw)))) => {
                let state = State { draft_id: storage::new_id(), ..State::default() };
                reduce(&state, Action::DraftUnreadable { why: why.clone(), raw: raw.clone() })
            }
            // A first visit: the sample, with the usual greeting.
            None => (State { draft_id: storage::new_id(), ..State::default() }, Vec::new()),
        };
        let (state, _) = reduce(&state, Action::DraftsListed(self.drafts.clone()));
        let (state, _) = reduce(&state, Action::RememberedLoaded(storage::load_remembered()));
        // What the page opened on is the kept draft, or the sample nobody has changed yet:
        // nothing to keep until the officer changes something.
        let reads = effects.into_iter().filter(|e| matches!(e, super::state::Effect::ReadFile { .. })).collect();
        (state, reads)
    }
}

#[derive(Properties, PartialEq)]
struct PageProps {
    opened: Shared<Opened>,
}

#[function_component(Page)]
fn page(props: &PageProps) -> Html {
    let redraw = use_force_update();
    let writer = use_oneshot_runner::<FileWriter>();
    let (dispatch, first_effects) = {
        let opened = props.opened.clone();
        let made = use_memo((), move |_| {
            let (state, effects) = opened.state();
            let shelf = opened.shelf.clone();
            let dispatch = Dispatch::new(state, |dispatch| {
                Edge::new(dispatch, Readers::new(script_path("worker")), writer, shelf)
            });
            (dispatch, std::cell::Cell::new(Some(effects)))
        });
        (made.0.clone(), made.1.take())
    };
    dispatch.set_redraw(Callback::from(move |()| redraw.force_update()));
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            // The report drawn into index.html has been shown until now; this page's own report
            // is in place of it from this frame.
            if let Some(first_view) = gloo::utils::document().get_element_by_id("first-view") {
                first_view.remove();
            }
            dispatch.run(first_effects.unwrap_or_default());
            let listeners = listen(&dispatch);
            move || drop(listeners)
        });
    }
    // The report is drawn first and the controls once it has been painted, so the officer sees
    // the report without waiting for the panels.
    let controls_ready = use_painted_once();
    let state = dispatch.state();
    let parts = use_memo(Shared(state.report.clone()), |report| html::render_parts(&report.0));
    // The list of tables and charts to download on their own, in the controls.
    let piece = use_node_ref();

    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| read_file(dispatch.clone(), file))
    };
    // A file dropped anywhere on the page is read; the browser must not open it instead.
    let ondragover = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            // Only a file: a paragraph or section being dragged in the report is not one.
            let files =
                e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")));
            if !files {
                return;
            }
            e.prevent_default();
            if !dispatch.state().dragging {
                dispatch.send(Action::Dragging(true));
            }
        })
    };
    let ondragleave = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element is not leaving the page.
            if e.related_target().is_none() {
                dispatch.send(Action::Dragging(false));
            }
        })
    };
    let ondrop = {
        let (dispatch, on_file) = (dispatch.clone(), on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dispatch.send(Action::Dragging(false));
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
        })
    };

    html! {
        <div class={classes!("app", state.dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#report-preview">{ "Skip to the report" }</a>
            <header class="app-chrome">
                <h1>{ "Workforce Report Builder" }</h1>
                <p>{ "Your tables stay in this browser: nothing is sent anywhere." }</p>
            </header>
            if state.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "Drop the file to read it" }</p></div>
            }
            <main class="app-layout">
                { controls(&state, &dispatch, controls_ready, &on_file, &piece) }
                <section aria-label="Report preview">
                    <ReportPreview parts={parts.clone()} page_breaks={state.page_breaks}
                        landscape={state.project.settings.print.landscape} editing={Some(Editing {
                            document: std::rc::Rc::new(state.project.document.clone()), report: state.report.clone(),
                            tables: state.menus.clone(), dispatch: dispatch.to(|action| action) })} />
                </section>
            </main>
        </div>
    }
}

/// The page's own listeners: Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo report edits,
/// except in a text field, where the browser's own undo of the typing applies; and the draft
/// waiting to be kept is written as the page closes.
fn listen(dispatch: &Dispatch) -> [gloo::events::EventListener; 2] {
    let keys = {
        let dispatch = dispatch.clone();
        // Not passive: the browser's own undo must be stopped when the page's runs.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        gloo::events::EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |event| {
            let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if !(key.ctrl_key() || key.meta_key()) || in_text_field() {
                return;
            }
            let action = match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", _) => Action::Redo,
                _ => return,
            };
            key.prevent_default();
            dispatch.send(action);
        })
    };
    let closing = {
        let dispatch = dispatch.clone();
        gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| dispatch.page_closing())
    };
    [keys, closing]
}

/// True when the focus is where the browser's own Ctrl+Z belongs.
fn in_text_field() -> bool {
    let Some(active) = gloo::utils::document().active_element() else { return false };
    // The report's own fields are the exception: there the page's undo takes a run of typing
    // back as one step, and the report is redrawn from it.
    if active.class_list().contains("in-place") {
        return false;
    }
    matches!(active.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
        || active.get_attribute("contenteditable").is_some_and(|v| v != "false")
}

/// Reads the bytes of a file the officer chose or dropped, and hands them to the reducer.
fn read_file(dispatch: Dispatch, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let megabytes = (file.size() / (1024.0 * 1024.0)).round() as usize;
        dispatch.send(Action::FileFailed { name, problem: ProblemKind::FileTooLarge { megabytes } });
        return;
    }
    dispatch.send(Action::FileReading(name.clone()));
    yew::platform::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = file_bytes(&js_sys::Uint8Array::new(&buffer));
                dispatch.send(Action::FileOpened { name, bytes });
            }
            Err(_) => dispatch.send(Action::FileFailed { name, problem: ProblemKind::BrowserCouldNotRead }),
        }
    });
}

/// A file's bytes in the page's memory, copied there once: the one copy the project, the
/// import and the worker's request all share. (The page's memory never shrinks, so a copy
/// made on the way would stay taken.)
fn file_bytes(from: &js_sys::Uint8Array) -> Arc<[u8]> {
    // Not filled with zeros first: for a 27 MB extract that took longer than the copy.
    let mut bytes = Arc::<[u8]>::new_uninit_slice(from.length() as usize);
    from.copy_to_uninit(Arc::get_mut(&mut bytes).expect("not shared yet"));
    // SAFETY: `copy_to_uninit` has written every byte: the slice is the array's length.
    unsafe { bytes.assume_init() }
}
