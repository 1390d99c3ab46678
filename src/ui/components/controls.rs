//! The controls column: the officer's data, the panels beside the report, the report's words
//! and how it is saved and shared. Print, Undo and Redo sit below it. Drawn by the page as part
//! of itself rather than as a component of its own: it changes with every action, so a
//! component would only add its machinery to the page's code.

use yew::prelude::*;

use super::save_share::save_share;
use super::{
    AdultBenchmarkPanel, BenchmarkPanel, ChecksPanel, DraftsPanel, ErrorSummary, FilePicker, ImportDetails, PasteBox,
    PipelinePanel, PrintOptions, ReadyList, ReportDetails, ScenariosPanel, StaffPanel, TemplatePicker,
};
use crate::engine::report::facts::TableFacts;
use crate::ui::state::{Action, InputField, Panel, State};
use crate::ui::storage;
use crate::ui::store::{Dispatch, Shared};

/// The controls. `ready` is false on the first frame, which draws the report alone; `piece`
/// is the list of tables and charts to download on their own.
pub fn controls(
    state: &State,
    dispatch: &Dispatch,
    ready: bool,
    on_file: &Callback<web_sys::File>,
    piece: &NodeRef,
) -> Html {
    html! {
        <section class="app-controls" aria-labelledby="controls-heading">
            // The controls scroll on their own; Print, Undo and Redo sit below them, not
            // over them, so nothing focused or clicked is ever hidden behind the bar.
            <div class="controls-scroll">
                <ErrorSummary errors={state.field_errors()} />
                if ready {
                    <DraftsPanel drafts={state.drafts.clone()} current={state.draft_id.clone()}
                        on_open={dispatch.to(Action::OpenDraft)} on_duplicate={dispatch.to(Action::DuplicateDraft)}
                        on_delete={dispatch.to(Action::DeleteDraft)}
                        on_new={dispatch.to(|from| Action::NewDraft { id: storage::new_id(), from })} />
                    <TemplatePicker on_choose={dispatch.to(Action::TemplateChosen)} />
                    { your_data(state, dispatch, on_file) }
                    { beside_the_report(state, dispatch) }
                    <ReportDetails title_block={state.project.title_block.clone()}
                        on_edit={dispatch.to(|(field, value)| Action::TitleEdited(field, value))} />
                    <PrintOptions settings={state.project.settings.print.clone()} previewing={state.page_breaks}
                        on_change={dispatch.to(Action::PrintSettingsChanged)}
                        on_preview={dispatch.to(Action::PageBreaksShown)} />
                    // Read before exporting: what is still open, above the export buttons.
                    <ReadyList items={state.open.clone()} />
                    { save_share(state, dispatch, piece) }
                } else {
                    <h2 id="controls-heading">{ "Your data" }</h2>
                    <p class="hint">{ "Getting the controls ready…" }</p>
                }
            </div>
            <div class="button-row main-actions">
                <button type="button" onclick={dispatch.on(|| Action::Print)}>{ "Print report" }</button>
                <button type="button" class="secondary" disabled={state.undo.is_empty()}
                    onclick={dispatch.on(|| Action::Undo)} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="secondary" disabled={state.redo.is_empty()}
                    onclick={dispatch.on(|| Action::Redo)} aria-keyshortcuts="Control+Y">{ "Redo" }</button>
                if !state.showing_sample() {
                    <button type="button" class="secondary" onclick={dispatch.on(|| Action::UseSample)}>
                        { "Use the sample again" }
                    </button>
                }
            </div>
        </section>
    }
}

/// Pasting and uploading, what became of the last table, and its columns.
fn your_data(state: &State, dispatch: &Dispatch, on_file: &Callback<web_sys::File>) -> Html {
    let paste_problems = state.problems_in(InputField::Paste);
    let file_unopened: Vec<_> =
        state.failed.iter().filter(|f| f.field == InputField::Upload).flat_map(|f| f.problems.clone()).collect();
    let file_unread = state.import.as_ref().is_some_and(|i| !i.is_paste() && i.reading.outcome.is_err());
    let import_failed = !paste_problems.is_empty() || !file_unopened.is_empty() || file_unread;
    html! {
        <>
            <h2 id="controls-heading">{ "Your data" }</h2>
            if state.showing_sample() {
                <p class="notice">
                    { "This is a built-in sample for Northshire County Council, a fictional \
                       council. Paste or upload your own table to replace it." }
                </p>
            }
            <PasteBox value={state.paste.clone()} problems={paste_problems} on_edit={dispatch.to(Action::PasteEdited)} />
            <FilePicker on_file={on_file.clone()} on_near={dispatch.on(|| Action::ReadNear)} busy={state.busy.is_some()} problems={file_unopened}
                error_elsewhere={file_unread.then_some(AttrValue::from("import-error"))} />
            // Announced either way; shown only when an error message is not already saying it.
            <p class={classes!("status", import_failed.then_some("visually-hidden"))}
                role="status" aria-live="polite" aria-busy={state.busy.is_some().to_string()}>
                { state.status.clone() }
            </p>
            if let Some(import) = state.import.clone() {
                <ImportDetails {import} on_sheet={dispatch.to(Action::SheetChosen)}
                    on_header_row={dispatch.to(Action::HeaderRowChosen)}
                    on_column={dispatch.to(|(column, holds)| Action::ColumnSet { column, holds })}
                    on_guess_again={dispatch.on(|| Action::GuessColumnsAgain)}
                    on_skip={dispatch.to(Action::SkipUnreadable)}
                    on_transposed={dispatch.to(Action::Transposed)}
                    on_period={dispatch.to(Action::ImportPeriodSet)}
                    on_slot={dispatch.to(Action::ImportSlotChosen)}
                    on_finished={dispatch.on(|| Action::ImportFinished)} />
            }
        </>
    }
}

/// The panels beside the report: checks, scenarios, pipeline, benchmarks and the staff list.
fn beside_the_report(state: &State, dispatch: &Dispatch) -> Html {
    html! {
        <>
            <ChecksPanel tables={state.checks.clone()} />
            if let Some((establishment, permanent, agency)) = current_totals(&state.facts) {
                <ScenariosPanel {establishment} {permanent} {agency}
                    scenario={state.project.settings.scenario.clone()} on_change={dispatch.to(Action::ScenarioChanged)}
                    on_problems={dispatch.to(|found| Action::PanelProblems(Panel::Scenarios, found))} />
            }
            <PipelinePanel tables={state.pipeline()} />
            <BenchmarkPanel benchmarks={state.benchmarks()} on_council={dispatch.to(Action::CouncilChosen)}
                on_year={dispatch.to(Action::BenchmarkYearChosen)} />
            if let Some((file, choice)) = state.adult_benchmarks() {
                <AdultBenchmarkPanel file={Shared(file)} {choice} on_choice={dispatch.to(Action::AreaChosen)} />
            }
            if state.facts.staff.is_some() {
                <StaffPanel facts={Shared(state.facts.clone())} on_date={dispatch.to(Action::StaffDateChosen)}
                    definitions={state.project.settings.definitions} on_definitions={dispatch.to(Action::DefinitionsChosen)}
                    on_problems={dispatch.to(|found| Action::PanelProblems(Panel::Staff, found))} />
            }
        </>
    }
}

/// The current (first) table's establishment, permanent and agency totals, when all are known.
fn current_totals(facts: &TableFacts) -> Option<(f64, f64, f64)> {
    let total = &facts.periods.first()?.read.as_ref().ok()?.figures.total;
    Some((total.establishment.clone().ok()?, total.permanent.clone().ok()?, total.agency.clone().ok()?))
}
