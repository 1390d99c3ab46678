//! Save and share: the project file, the page for members, the Word file, and any table or
//! chart on its own. Each button is an action; the edge writes and offers the file. Part of the
//! controls (`controls`), drawn with them.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::state::{Action, Exporting, Piece, State};
use crate::ui::store::Dispatch;

/// The save and share fieldset; `piece` is its list of tables and charts.
pub fn save_share(state: &State, dispatch: &Dispatch, piece: &NodeRef) -> Html {
    let busy = matches!(state.exporting, Exporting::Working(_));
    // The export worker is started when the officer comes to an export button: by the click it
    // has usually been fetched and compiled.
    let near_pointer = dispatch.on::<PointerEvent>(|| Action::ExportNear);
    let near_focus = dispatch.on::<FocusEvent>(|| Action::ExportNear);
    let download_piece = {
        let (piece, dispatch) = (piece.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let chosen = piece.cast::<HtmlSelectElement>().and_then(|s| Piece::from_value(&s.value()));
            if let Some(chosen) = chosen {
                dispatch.send(Action::DownloadPiece(chosen));
            }
        })
    };
    let report = &state.report;
    html! {
        <fieldset class="save-share">
            <legend>{ "Save and share" }</legend>
            <p class="hint" id="autosave-status">{ match &state.autosave {
                Some(Ok(())) => "Your draft is kept in this browser as you work.".to_owned(),
                Some(Err(why)) => format!("Your draft is not being kept in this browser: {why}. Use Save project to keep a copy."),
                None => String::new(),
            } }</p>
            if state.unreadable_draft.is_some() {
                <button type="button" class="secondary" onclick={dispatch.on(|| Action::DownloadUnreadable)}>
                    { "Download the draft that could not be opened" }
                </button>
            }
            if !report.sample.is_empty() {
                <div class="notice sample-notice" id="sample-in-use">
                    <p><strong>{ "Sample data is still in the report." }</strong>{ " Exports are marked “Sample data” until \
                        it is replaced. It is in:" }</p>
                    <ul>{ for report.sample.places().into_iter().map(|place| html! { <li>{ place }</li> }) }</ul>
                </div>
            }
            <div class="button-row">
                <button type="button" onclick={dispatch.on(|| Action::SaveProject)}>{ "Save project" }</button>
                <button type="button" class="secondary" onclick={dispatch.on(|| Action::ExportPage)} disabled={busy}
                    onpointerenter={near_pointer.clone()} onfocus={near_focus.clone()}>{ "Export page for members" }</button>
                <button type="button" class="secondary" onclick={dispatch.on(|| Action::ExportWord)} disabled={busy}
                    onpointerenter={near_pointer.clone()} onfocus={near_focus.clone()}>{ "Export to Word" }</button>
            </div>
            { word_template(state, dispatch) }
            <p class={classes!("status", matches!(state.exporting, Exporting::Failed(_)).then_some("error-message"))}
                id="export-status" role="status" aria-live="polite" aria-busy={busy.to_string()}>
                { match &state.exporting {
                    Exporting::Idle => String::new(),
                    Exporting::Working(m) | Exporting::Done(m) | Exporting::Failed(m) => m.clone(),
                } }
            </p>
            <div class="field download-piece">
                <label for="download-piece">{ "A table or chart on its own" }</label>
                <select id="download-piece" ref={piece.clone()}>
                    { for report.tables().enumerate().map(|(i, t)| html! {
                        <>
                            <option value={Piece::Csv(i).value()} selected={i == 0}>{ format!("{} (CSV)", t.caption) }</option>
                            <option value={Piece::Xlsx(i).value()}>{ format!("{} (Excel)", t.caption) }</option>
                        </>
                    }) }
                    if report.tables().next().is_some() {
                        <option value={Piece::Workbook.value()}>{ "All tables, one sheet each (Excel)" }</option>
                    }
                    { for report.charts().enumerate().map(|(i, c)| html! {
                        <>
                            <option value={Piece::Svg(i).value()}>{ format!("Chart: {} (SVG)", c.title) }</option>
                            <option value={Piece::Png(i).value()}>{ format!("Chart: {} (PNG)", c.title) }</option>
                        </>
                    }) }
                </select>
                <button type="button" class="secondary" onclick={download_piece} disabled={busy}
                    onpointerenter={near_pointer} onfocus={near_focus}>{ "Download" }</button>
            </div>
            <p class="hint">{ "Save project downloads a file that opens this draft again, here or on another computer: \
                                use Upload a file, or drop it on the page. The page for members is one file \
                                that opens in any browser, with no script. Export to Word gives a .docx for \
                                committee services, with the charts as pictures." }</p>
        </fieldset>
    }
}

/// The council's Word template: chosen once, kept with the report, used by Export to Word.
fn word_template(state: &State, dispatch: &Dispatch) -> Html {
    match &state.project.word_template {
        Some(template) => html! {
            <div class="word-template">
                <p>{ "Word template: " }<strong>{ template.name.clone() }</strong></p>
                <p class="hint">{ "Export to Word puts the report into it, keeping its headers, footers, logo and \
                    styles; the title block fills its fields." }</p>
                { match &state.word_template_notes {
                    Some(Ok(notes)) => html! { <ul class="template-notes">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul> },
                    Some(Err(why)) => html! { <p class="error-message">{ format!("This template cannot be used: {why}") }</p> },
                    None => Html::default(),
                } }
                <button type="button" class="secondary" onclick={dispatch.on(|| Action::WordTemplateRemoved)}>
                    { "Stop using this template" }
                </button>
            </div>
        },
        None => {
            let dispatch = dispatch.clone();
            let onchange = Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
                input.set_value("");
                let dispatch = dispatch.clone();
                yew::platform::spawn_local(async move {
                    let name = file.name();
                    let action = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Ok(buffer) => {
                            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                            Action::WordTemplateChosen { name, bytes: bytes.into() }
                        }
                        Err(_) => Action::WordTemplateUnreadable(name),
                    };
                    dispatch.send(action);
                });
            });
            html! {
                <div class="field word-template">
                    <label for="word-template">{ "Your council's Word template (optional)" }</label>
                    <p class="hint" id="word-template-hint">{ "A .docx or .dotx from committee services. Export to Word \
                        then puts the report into it." }</p>
                    <input type="file" id="word-template" accept=".docx,.dotx" aria-describedby="word-template-hint" {onchange} />
                </div>
            }
        }
    }
}
