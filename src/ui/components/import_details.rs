//! How the last table read: the file and sheet, what kind of table it looks like, the
//! columns (which the officer can correct), rows left out, and anything that went wrong.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::ProblemList;
use crate::engine::import::grid::column_letters;
use crate::engine::import::ProblemKind;
use crate::engine::model::{ColumnUse, GeneralTable, Layout, RawInput};
use crate::ui::state::{Import, Slot};

#[derive(Properties, PartialEq)]
pub struct ImportDetailsProps {
    pub import: Import,
    pub on_sheet: Callback<String>,
    pub on_header_row: Callback<usize>,
    pub on_column: Callback<(usize, ColumnUse)>,
    pub on_guess_again: Callback<()>,
    pub on_skip: Callback<bool>,
    pub on_transposed: Callback<bool>,
    pub on_period: Callback<String>,
    pub on_slot: Callback<Slot>,
    pub on_finished: Callback<()>,
}

#[function_component(ImportDetails)]
pub fn import_details(props: &ImportDetailsProps) -> Html {
    let import = &props.import;
    let reading = &import.reading;
    let file_name = match &import.input.raw {
        RawInput::File { name, .. } => Some(name.clone()),
        RawInput::Text(_) => None,
    };
    let loaded = reading.loaded.as_ref().ok();
    let problems = reading.outcome.as_ref().err().cloned().unwrap_or_default();
    let skipped = reading.outcome.as_ref().map(|r| r.skipped().to_vec()).unwrap_or_default();
    let unreadable_cells = problems.iter().any(|p| matches!(p.kind, ProblemKind::NotANumber { .. }));

    let sheet_choice = loaded.filter(|l| l.sheets.len() > 1).map(|l| {
        let on_sheet = props.on_sheet.clone();
        let onchange = Callback::from(move |e: Event| on_sheet.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
        html! {
            <div class="field">
                <label for="sheet-choice">{ "Sheet" }</label>
                <select id="sheet-choice" {onchange}>
                    { for l.sheets.iter().map(|s| {
                        let label = if s.visible { s.name.clone() } else { format!("{} (hidden)", s.name) };
                        html! { <option value={s.name.clone()} selected={l.sheet.as_deref() == Some(s.name.as_str())}>{ label }</option> }
                    }) }
                </select>
            </div>
        }
    });

    // Where the table goes among the report's periods, once it reads; a table of figures
    // only needs its period, for its caption.
    let latest_before = import.before.first().filter(|t| t.origin != crate::engine::model::Origin::Sample);
    let general = reading.outcome.as_ref().ok().and_then(|m| m.general());
    let period_choice = reading.outcome.is_ok().then(|| {
        let on_period = props.on_period.clone();
        let oninput = Callback::from(move |e: InputEvent| on_period.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
        let slot = |value: Slot, id: &'static str, label: String| {
            let on_slot = props.on_slot.clone();
            html! {
                <div class="check">
                    <input type="radio" name="import-slot" {id} checked={import.slot == value}
                        onchange={Callback::from(move |_: Event| on_slot.emit(value))} />
                    <label for={id}>{ label }</label>
                </div>
            }
        };
        let finished = {
            let cb = props.on_finished.clone();
            Callback::from(move |_: MouseEvent| cb.emit(()))
        };
        let titled = general.and_then(|t| t.titled_period.clone()).filter(|_| import.input.period.is_empty());
        html! {
            <>
                <div class="field">
                    <label for="import-period">{ "Period this table covers" }</label>
                    <input type="text" id="import-period" value={import.input.period.clone()} {oninput}
                        placeholder={titled.map_or("For example 2025/26".to_owned(), |p| format!("{p}, as its title says"))} />
                </div>
                if general.is_some() {
                    <button type="button" class="secondary" onclick={finished}>{ "Done: bring in the next table" }</button>
                } else {
                    <button type="button" class="secondary" onclick={finished}>{ "Add another period's table" }</button>
                    if let Some(kept) = latest_before.map(|t| if t.period.is_empty() { "the report's table".to_owned() } else { t.period.clone() }) {
                        <fieldset class="import-slot">
                            <legend>{ "This table is" }</legend>
                            { slot(Slot::Earlier, "slot-earlier", format!("The period before {kept}: the report compares the two")) }
                            { slot(Slot::Later, "slot-later", format!("The period after {kept}: the report compares the two")) }
                            { slot(Slot::Latest, "slot-latest", format!("A replacement for {kept}")) }
                        </fieldset>
                    }
                }
            </>
        }
    });
    let read_as = match general {
        Some(table) => format!("Read as a table of figures: {}. {}", table.name(), layout_words(table)),
        None => format!("This looks like {}.", reading.kind.describe()),
    };

    html! {
        <section class="import-details" aria-labelledby="import-heading">
            <h3 id="import-heading">{ file_name.clone().map_or("The pasted table".to_owned(), |n| format!("File: {n}")) }</h3>
            if let Some(loaded) = loaded {
                <p class="import-kind">{ read_as }</p>
                { for loaded.notes.iter().chain(general.iter().flat_map(|t| t.notes.iter())).map(|n| html! { <p class="import-note">{ n.clone() }</p> }) }
            }
            { sheet_choice.unwrap_or_default() }
            { period_choice.unwrap_or_default() }
            if !problems.is_empty() && !import.is_paste() {
                <ProblemList id="import-error" lead="This file could not be read, so the report has not changed:" problems={problems.clone()} />
            }
            if unreadable_cells || import.input.skip_unreadable {
                <div class="checkbox">
                    <input type="checkbox" id="skip-unreadable" checked={import.input.skip_unreadable}
                        onchange={
                            let on_skip = props.on_skip.clone();
                            Callback::from(move |e: Event| on_skip.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
                        } />
                    <label for="skip-unreadable">{ "Leave out rows that cannot be read, and use the rest" }</label>
                </div>
            }
            if !skipped.is_empty() {
                <div class="notice" id="skipped-rows">
                    <p>{ "Left out, as they could not be read:" }</p>
                    <ul>{ for skipped.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                </div>
            }
            if let Some(loaded) = loaded {
                <ColumnMapping import={import.clone()} rows={loaded.rows.clone()} on_header_row={props.on_header_row.clone()}
                    on_column={props.on_column.clone()} on_guess_again={props.on_guess_again.clone()}
                    on_transposed={props.on_transposed.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnMappingProps {
    import: Import,
    rows: std::sync::Arc<[crate::engine::import::grid::GridRow]>,
    on_header_row: Callback<usize>,
    on_column: Callback<(usize, ColumnUse)>,
    on_guess_again: Callback<()>,
    on_transposed: Callback<bool>,
}

/// How a table of figures is laid out, in words.
fn layout_words(table: &GeneralTable) -> String {
    let measures = table.columns.iter().filter(|c| c.unit.is_figure()).count();
    match table.layout {
        Layout::PeriodsAcross => {
            format!("Periods run across the top ({}), a measure in each row.", table.columns.len())
        }
        Layout::PeriodsDown => {
            format!("Periods run down the side ({} rows), {measures} measures across.", table.rows.len())
        }
        Layout::Categories => format!("{} rows, {measures} columns of figures.", table.rows.len()),
    }
}

/// The choices for a column, grouped: an establishment table's, any other table's, or none.
fn column_choices(current: ColumnUse) -> Html {
    let option = |c: &ColumnUse| html! { <option value={c.label()} selected={*c == current}>{ c.label() }</option> };
    let (establishment, other): (Vec<&ColumnUse>, Vec<&ColumnUse>) = ColumnUse::CHOICES
        .iter()
        .filter(|c| **c != ColumnUse::NotUsed && **c != ColumnUse::Role)
        .partition(|c| matches!(c, ColumnUse::Figure(_)));
    html! {
        <>
            { option(&ColumnUse::Role) }
            <optgroup label="Establishment table">{ for establishment.into_iter().map(option) }</optgroup>
            <optgroup label="Any other table">{ for other.into_iter().map(option) }</optgroup>
            { option(&ColumnUse::NotUsed) }
        </>
    }
}

/// The columns step: which row holds the headings, and what each column holds.
#[function_component(ColumnMapping)]
fn column_mapping(props: &ColumnMappingProps) -> Html {
    let mapping = props.import.reading.mapping.clone();
    let header_line = mapping.as_ref().map(|m| m.header_line);
    let header = header_line.and_then(|line| props.rows.iter().find(|r| r.line == line));
    let spreadsheet = props.import.reading.loaded.as_ref().is_ok_and(|l| l.sheet.is_some());
    let column_name = |i: usize| if spreadsheet { column_letters(i) } else { (i + 1).to_string() };
    let on_header_row = {
        let cb = props.on_header_row.clone();
        Callback::from(move |e: Event| {
            if let Ok(line) = e.target_unchecked_into::<HtmlSelectElement>().value().parse() {
                cb.emit(line);
            }
        })
    };
    let candidate_rows = props.rows.iter().filter(|r| !r.is_blank()).take(30);
    html! {
        <fieldset class="column-mapping">
            <legend>{ "Columns" }</legend>
            <p class="hint">{ "Choose what each column holds. The report updates at once, and your \
                               choices are remembered for tables with the same headings." }</p>
            <div class="field">
                <label for="header-row">{ "Headings are in" }</label>
                <select id="header-row" onchange={on_header_row}>
                    if header_line.is_none() {
                        <option value="" selected=true>{ "Choose the row of headings" }</option>
                    }
                    { for candidate_rows.map(|r| {
                        let preview: Vec<&str> = r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).take(4).collect();
                        html! { <option value={r.line.to_string()} selected={Some(r.line) == header_line}>
                            { format!("Row {}: {}", r.line, shorten(&preview.join(", "), 48)) }
                        </option> }
                    }) }
                </select>
            </div>
            if let (Some(mapping), Some(header)) = (mapping, header) {
                <table class="mapping-table">
                    <thead><tr><th scope="col">{ "Column" }</th><th scope="col">{ "Heading" }</th><th scope="col">{ "Holds" }</th></tr></thead>
                    <tbody>
                        { for header.cells.iter().enumerate()
                            .filter(|(i, text)| !text.trim().is_empty() || mapping.columns.get(*i).is_some_and(|u| *u != ColumnUse::NotUsed))
                            .map(|(i, text)| {
                                let current = mapping.columns.get(i).copied().unwrap_or(ColumnUse::NotUsed);
                                let on_column = props.on_column.clone();
                                let onchange = Callback::from(move |e: Event| {
                                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                    if let Some(holds) = ColumnUse::CHOICES.iter().find(|c| c.label() == value) {
                                        on_column.emit((i, *holds));
                                    }
                                });
                                let id = format!("column-{i}");
                                html! {
                                    <tr>
                                        <td>{ column_name(i) }</td>
                                        <td><label for={id.clone()}>{ if text.trim().is_empty() { "(no heading)".to_owned() } else { text.trim().to_owned() } }</label></td>
                                        <td>
                                            <select id={id} {onchange}>{ column_choices(current) }</select>
                                        </td>
                                    </tr>
                                }
                            }) }
                    </tbody>
                </table>
                <button type="button" class="secondary" onclick={
                    let cb = props.on_guess_again.clone();
                    Callback::from(move |_| cb.emit(()))
                }>{ "Guess the columns again" }</button>
            }
            <div class="checkbox">
                <input type="checkbox" id="swap-rows-columns" checked={props.import.input.transposed}
                    onchange={
                        let cb = props.on_transposed.clone();
                        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
                    } />
                <label for="swap-rows-columns">{ "Swap rows and columns (for a table with its items across the top)" }</label>
            </div>
        </fieldset>
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
