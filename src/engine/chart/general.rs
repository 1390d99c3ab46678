//! General charts for a report's other figures: horizontal bars (one series, or two to four side
//! by side) and lines over periods, drawn to the Government Analysis Function guidance
//! (`../shared/domain.md`, "Accessibility of what is published").
//!
//! The caller gives the title, which states the message; the chart gives every figure in its
//! description and its data table. Colour never carries meaning alone: every bar carries its
//! value, and in a group its series' name too; each line has its own marker shape and its name
//! at its end; a highlighted category's label is bold and marked "▶".

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    band_pitch, bold_text, draw_lines_of, draw_value_axis, label_lines, nice_ceiling, shorten, text, Area, DrawResult,
    Frame, Plot, ValueAxis, LEFT, WIDTH,
};
use super::palette::{CATEGORICAL, DARK_BLUE, HIGHLIGHT_BAND, ORANGE, SECONDARY_TEXT, TEXT};
use super::{Chart, ChartData, Unit};
use crate::engine::format::and_list;

/// The most series one chart draws: the guidance asks for no more than four colours, and lines
/// have four marker shapes.
pub const MAX_SERIES: usize = 4;

/// Marks a highlighted category's label, so it is found without seeing the colour.
const HIGHLIGHT_MARK: &str = "▶ ";
const NO_FIGURE: &str = "no figure";

const LABEL_WIDTH: u32 = 176;
const LABEL_CHARS: usize = 22;
const AXIS_AREA: u32 = 36;
/// A cautious width of one character of a value label, for the space kept beside the plot.
const LABEL_CHAR_PX: f64 = 6.5;
/// Fixed legend slots: text widths differ between browser and native runs.
const LEGEND_SLOT: i32 = 150;
const LEGEND_CHARS: usize = 18;
/// Series names in grouped bars' value labels are cut to this, so the labels fit.
const SERIES_LABEL_CHARS: usize = 12;
const LINE_PLOT_HEIGHT: u32 = 300;
const PERIOD_CHARS: usize = 14;

/// One set of figures, one a category; `None` where there is no figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// Missing entries at the end count as no figure; entries past the last category are left out.
    pub values: Vec<Option<f64>>,
}

/// What a general chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: String,
    /// States the message; given by the caller.
    pub title: String,
    /// What is measured.
    pub subtitle: String,
    /// Where the figures come from, without "Source: "; the chart prints "Source: {source}".
    pub source: String,
    /// Bar labels, or the periods along a line chart's horizontal axis.
    pub categories: Vec<String>,
    /// The data table's first column heading, such as "Role", "Year" or "Council"; "Category"
    /// when empty.
    pub category_label: String,
    /// One to [`MAX_SERIES`] series.
    pub series: Vec<Series>,
    pub unit: Unit,
    /// A category drawn highlighted (e.g. this council among its neighbours), or None.
    pub highlight: Option<usize>,
}

/// Horizontal bars from 0: one series gives simple bars (an age profile, leavers by reason,
/// councils with this one highlighted); two to four give grouped bars, such as two periods side
/// by side for each role. `None` when there is nothing to draw (no categories, or no figures)
/// or more than [`MAX_SERIES`] series.
pub fn bar_chart(spec: &ChartSpec) -> Option<Chart> {
    render(spec, Kind::Bars)
}

/// A line a series over the periods in `categories`, from 0 up; a missing figure breaks the
/// line. `None` when there is nothing to draw (no categories, or no figures) or more than
/// [`MAX_SERIES`] series.
pub fn line_chart(spec: &ChartSpec) -> Option<Chart> {
    render(spec, Kind::Lines)
}

/// Horizontal bars, one a category, each split into its parts (the series), for parts of a
/// whole: each part carries its figure where it has room, the whole its total at the end, and
/// the legend names the parts in the order they are drawn. `None` as for [`bar_chart`].
pub fn stacked_bar_chart(spec: &ChartSpec) -> Option<Chart> {
    render(spec, Kind::Stacked)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bars,
    Lines,
    Stacked,
}

fn render(spec: &ChartSpec, kind: Kind) -> Option<Chart> {
    let values = figures(spec)?;
    let description = describe(kind, spec, &values);
    let frame = Frame::new(&spec.title, &spec.subtitle, &format!("Source: {}", spec.source));
    let plot_height = match kind {
        // Bars keep their thickness, so the chart grows with its categories.
        // and each band is tall enough for its label's lines.
        Kind::Bars => {
            let pitch = if values.len() == 1 { 38 } else { 20 * values.len() as u32 + 14 };
            AXIS_AREA + 4 + band_pitch(pitch, most_label_lines(spec)) * spec.categories.len() as u32
        }
        Kind::Stacked => AXIS_AREA + 4 + band_pitch(38, most_label_lines(spec)) * spec.categories.len() as u32,
        Kind::Lines => LINE_PLOT_HEIGHT,
    };
    let height = frame.header_height(legend_rows(&values)) + frame.footer_height() + plot_height;
    let mut svg = String::new();
    draw(&mut svg, spec, &values, kind, height, &frame).ok()?;
    let data = data(spec, &values);
    Some(Chart::new(&spec.id, spec.title.clone(), spec.subtitle.clone(), &spec.source, description, data, &svg))
}

/// The figures to draw, `values[series][category]`.
type Values = [Vec<Option<f64>>];

/// `values[series][category]`: every category has an entry, and figures that are missing or
/// not finite are `None`. `None` when there is nothing, or too much, to draw.
fn figures(spec: &ChartSpec) -> Option<Vec<Vec<Option<f64>>>> {
    if spec.categories.is_empty() || spec.series.is_empty() || spec.series.len() > MAX_SERIES {
        return None;
    }
    let values: Vec<Vec<Option<f64>>> = spec
        .series
        .iter()
        .map(|s| {
            (0..spec.categories.len()).map(|c| s.values.get(c).copied().flatten().filter(|v| v.is_finite())).collect()
        })
        .collect();
    values.iter().flatten().any(Option::is_some).then_some(values)
}

fn data(spec: &ChartSpec, values: &Values) -> ChartData {
    let first = if spec.category_label.trim().is_empty() { "Category" } else { spec.category_label.as_str() };
    ChartData {
        header: std::iter::once(first.to_owned()).chain(spec.series.iter().map(|s| s.name.clone())).collect(),
        rows: spec
            .categories
            .iter()
            .enumerate()
            .map(|(c, category)| {
                let cells =
                    values.iter().map(|series| series[c].map_or_else(|| "n/a".to_owned(), |v| spec.unit.format(v)));
                std::iter::once(category.clone()).chain(cells).collect()
            })
            .collect(),
    }
}

/// The alt text: the kind of chart, what is measured, and every figure.
fn describe(kind: Kind, spec: &ChartSpec, values: &Values) -> String {
    let kind_words = match (kind, values.len()) {
        (Kind::Bars | Kind::Stacked, 1) => "Horizontal bar chart",
        (Kind::Bars, _) => "Grouped horizontal bar chart",
        (Kind::Stacked, _) => "Stacked horizontal bar chart",
        (Kind::Lines, _) => "Line chart",
    };
    let names: Vec<&str> = spec.series.iter().map(|s| s.name.as_str()).collect();
    let subtitle = spec.subtitle.trim().trim_end_matches('.');
    let mut text = if subtitle.is_empty() { kind_words.to_owned() } else { format!("{kind_words}: {subtitle}") };
    let figure = |value: Option<f64>| said(spec.unit, value);
    let category = |c: usize| {
        let name = &spec.categories[c];
        if highlighted(spec) == Some(c) {
            format!("{name} (highlighted)")
        } else {
            name.clone()
        }
    };
    let entries: Vec<String> = if kind == Kind::Lines && values.len() > 1 {
        // Lines are read along each line, so their figures are given a series at a time.
        text.push_str(&format!(", one line each for {}", and_list(&names)));
        values
            .iter()
            .zip(&names)
            .map(|(series, name)| {
                let points: Vec<String> =
                    series.iter().enumerate().map(|(c, v)| format!("{} {}", category(c), figure(*v))).collect();
                format!("{name}: {}", points.join(", "))
            })
            .collect()
    } else {
        if values.len() > 1 && kind == Kind::Stacked {
            text.push_str(&format!(", each bar made up of {}", and_list(&names)));
        } else if values.len() > 1 {
            text.push_str(&format!(", with bars for {} side by side", and_list(&names)));
        }
        (0..spec.categories.len())
            .map(|c| {
                let figures: Vec<String> = if values.len() == 1 {
                    vec![figure(values[0][c])]
                } else {
                    values.iter().zip(&names).map(|(series, name)| format!("{name} {}", figure(series[c]))).collect()
                };
                format!("{}: {}", category(c), figures.join(", "))
            })
            .collect()
    };
    text.push_str(". ");
    text.push_str(&entries.join("; "));
    text.push('.');
    text
}

/// A figure as the chart's labels and description give it: "no figure" where there is none.
fn said(unit: Unit, value: Option<f64>) -> String {
    value.map_or_else(|| NO_FIGURE.to_owned(), |v| unit.format(v))
}

fn highlighted(spec: &ChartSpec) -> Option<usize> {
    spec.highlight.filter(|&c| c < spec.categories.len())
}

fn legend_rows(values: &Values) -> u32 {
    u32::from(values.len() > 1)
}

/// The series' colour: the two-colour pair for two series, else the categorical palette in order.
fn colour(series: usize, count: usize) -> RGBColor {
    if count == 2 {
        [DARK_BLUE, ORANGE][series]
    } else {
        CATEGORICAL[series]
    }
}

/// The axis from 0 (or below, for negative figures) to a round number past the largest figure;
/// a rate axis stops at 100%.
fn value_range(unit: Unit, values: &Values) -> (f64, f64) {
    let all = || values.iter().flatten().flatten().copied();
    let (min, max) = (all().fold(0.0, f64::min), all().fold(0.0, f64::max));
    let hi = match (max > 0.0, min < 0.0) {
        (true, _) => nice_ceiling(max),
        (false, true) => 0.0,
        (false, false) => 1.0,
    };
    let hi = if unit == Unit::Rate && max <= 1.0 { hi.min(1.0) } else { hi };
    let lo = if min < 0.0 { -nice_ceiling(-min) } else { 0.0 };
    (lo, hi)
}

/// A bar's category label in lines: the mark takes room on the first line of a highlighted one.
fn category_lines(spec: &ChartSpec, c: usize) -> Vec<String> {
    let marked = highlighted(spec) == Some(c);
    label_lines(&spec.categories[c], if marked { LABEL_CHARS - 2 } else { LABEL_CHARS })
}

/// The most lines any bar's category label takes, which sets every band's height.
fn most_label_lines(spec: &ChartSpec) -> usize {
    (0..spec.categories.len()).map(|c| category_lines(spec, c).len()).max().unwrap_or(1)
}

/// A category label's lines, centred on `at`; bold, the first line marked, when highlighted.
fn draw_category(root: &Area<'_>, lines: &[String], highlight: bool, at: (i32, i32), pos: Pos) -> DrawResult {
    let style = if highlight { bold_text(14.0, &TEXT) } else { text(14.0, &TEXT) };
    let mut lines = lines.to_vec();
    if let (true, Some(first)) = (highlight, lines.first_mut()) {
        first.insert_str(0, HIGHLIGHT_MARK);
    }
    draw_lines_of(root, &lines, at, &style.pos(pos))
}

/// The value label at a bar's end: the figure, after the series' name when bars are grouped.
fn bar_label(spec: &ChartSpec, series: usize, value: Option<f64>) -> String {
    let figure = said(spec.unit, value);
    if spec.series.len() == 1 {
        figure
    } else {
        format!("{}: {figure}", shorten(&spec.series[series].name, SERIES_LABEL_CHARS))
    }
}

/// Swatches for bars; a stretch of line with its marker for lines.
fn draw_legend(root: &Area<'_>, spec: &ChartSpec, y: i32, kind: Kind) -> DrawResult {
    let style = text(14.0, &TEXT).pos(Pos::new(HPos::Left, VPos::Center));
    let count = spec.series.len();
    for (i, series) in spec.series.iter().enumerate() {
        let x = LEFT + LEGEND_SLOT * i as i32;
        let colour = colour(i, count);
        let text_x = match kind {
            Kind::Bars | Kind::Stacked => {
                root.draw(&Rectangle::new([(x, y - 7), (x + 14, y + 7)], colour.filled()))?;
                x + 20
            }
            Kind::Lines => {
                root.draw(&PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3)))?;
                draw_marker(root, i, (x + 11, y), 5, colour)?;
                x + 28
            }
        };
        root.draw(&Text::new(shorten(&series.name, LEGEND_CHARS), (text_x, y), style.clone()))?;
    }
    Ok(())
}

/// Circle, square, triangle, diamond: a shape a series, so lines are told apart without colour.
fn draw_marker(root: &Area<'_>, series: usize, (x, y): (i32, i32), size: i32, colour: RGBColor) -> DrawResult {
    let style = colour.filled();
    let s = size + 1;
    match series % MAX_SERIES {
        0 => root.draw(&Circle::new((x, y), size, style)),
        1 => root.draw(&Rectangle::new([(x - size, y - size), (x + size, y + size)], style)),
        2 => root.draw(&Polygon::new(vec![(x, y - s), (x + s, y + size), (x - s, y + size)], style)),
        _ => root.draw(&Polygon::new(vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)], style)),
    }
}

fn draw(out: &mut String, spec: &ChartSpec, values: &Values, kind: Kind, height: u32, frame: &Frame) -> DrawResult {
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    let plot = frame.draw(&root, legend_rows(values))?;
    if values.len() > 1 {
        draw_legend(&root, spec, frame.legend_y(), kind)?;
    }
    match kind {
        Kind::Bars => draw_bars(&root, &plot, spec, values, value_range(spec.unit, values))?,
        Kind::Lines => draw_lines(&root, &plot, spec, values, value_range(spec.unit, values))?,
        Kind::Stacked => {
            let wholes = [wholes(values)];
            draw_stacked(&root, &plot, spec, values, value_range(spec.unit, &wholes))?
        }
    }
    root.present()
}

fn draw_bars(root: &Area<'_>, plot: &Area<'_>, spec: &ChartSpec, values: &Values, (lo, hi): (f64, f64)) -> DrawResult {
    let grouped = values.len() > 1;
    let widest_label = (0..values.len())
        .flat_map(|j| values[j].iter().map(move |v| (j, *v)))
        .map(|(j, v)| bar_label(spec, j, v).chars().count())
        .max()
        .unwrap_or(0);
    let right = ((widest_label as f64 * LABEL_CHAR_PX) as u32 + 14).clamp(40, 240);
    let n = spec.categories.len() as f64;
    let mut chart = ChartBuilder::on(plot)
        .margin_right(right)
        .margin_top(4)
        .x_label_area_size(AXIS_AREA)
        .y_label_area_size(LABEL_WIDTH)
        .build_cartesian_2d(lo..hi, 0.0..n)?;
    let highlight = highlighted(spec);
    if let (Some(c), true) = (highlight, grouped) {
        // Grouped bars already use the series' colours, so a pale band marks the category.
        let top = n - c as f64;
        chart.draw_series(std::iter::once(Rectangle::new([(lo, top), (hi, top - 1.0)], HIGHLIGHT_BAND.filled())))?;
    }
    draw_value_axis(&mut chart, spec.unit, ValueAxis::Horizontal)?;

    let slot = 0.76 / values.len() as f64;
    let label_size = if grouped { 12.0 } else { 13.0 };
    for c in 0..spec.categories.len() {
        let band_top = n - c as f64;
        for (j, series) in values.iter().enumerate() {
            let slot_top = band_top - 0.12 - j as f64 * slot;
            let (top, bottom) = (slot_top - slot * 0.1, slot_top - slot * 0.9);
            let fill = match (grouped, highlight) {
                (false, Some(h)) if h == c => ORANGE,
                (false, _) => DARK_BLUE,
                (true, _) => colour(j, values.len()),
            };
            if let Some(value) = series[c] {
                chart.draw_series(std::iter::once(Rectangle::new([(0.0, top), (value, bottom)], fill.filled())))?;
            }
            let end = series[c].unwrap_or(0.0);
            let (x, y) = chart.backend_coord(&(end, (top + bottom) / 2.0));
            let (x, anchor) = if end < 0.0 { (x - 6, HPos::Right) } else { (x + 6, HPos::Left) };
            let colour = if series[c].is_some() { &TEXT } else { &SECONDARY_TEXT };
            let style = text(label_size, colour).pos(Pos::new(anchor, VPos::Center));
            root.draw(&Text::new(bar_label(spec, j, series[c]), (x, y), style))?;
        }
        let (left_edge, mid_y) = chart.backend_coord(&(lo, band_top - 0.5));
        let (lines, marked) = (category_lines(spec, c), highlight == Some(c));
        draw_category(root, &lines, marked, (left_edge - 8, mid_y), Pos::new(HPos::Right, VPos::Center))?;
    }
    Ok(())
}

/// White on the palette's dark colours, the text colour on its light ones: whichever gives
/// the figure at least 4.5:1 contrast (WCAG 2.2 AA for small text).
fn text_on(fill: RGBColor) -> &'static RGBColor {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(fill.0) + 0.7152 * channel(fill.1) + 0.0722 * channel(fill.2);
    if luminance > 0.18 {
        &TEXT
    } else {
        &WHITE
    }
}

/// Each category's parts added up, for the axis and the label at each bar's end.
fn wholes(values: &Values) -> Vec<Option<f64>> {
    let categories = values.first().map_or(0, Vec::len);
    (0..categories)
        .map(|c| {
            let parts: Vec<f64> = values.iter().filter_map(|s| s[c]).collect();
            (!parts.is_empty()).then(|| parts.iter().sum())
        })
        .collect()
}

fn draw_stacked(
    root: &Area<'_>,
    plot: &Area<'_>,
    spec: &ChartSpec,
    values: &Values,
    (lo, hi): (f64, f64),
) -> DrawResult {
    let totals = wholes(values);
    let widest = totals.iter().map(|t| said(spec.unit, *t).chars().count()).max().unwrap_or(0);
    let n = spec.categories.len() as f64;
    let mut chart = ChartBuilder::on(plot)
        .margin_right(((widest as f64 * LABEL_CHAR_PX) as u32 + 14).clamp(40, 240))
        .margin_top(4)
        .x_label_area_size(AXIS_AREA)
        .y_label_area_size(LABEL_WIDTH)
        .build_cartesian_2d(lo.min(0.0)..hi, 0.0..n)?;
    draw_value_axis(&mut chart, spec.unit, ValueAxis::Horizontal)?;
    for c in 0..spec.categories.len() {
        let (top, bottom) = (n - c as f64 - 0.16, n - c as f64 - 0.84);
        let mut start = 0.0;
        for (j, series) in values.iter().enumerate() {
            let Some(value) = series[c].filter(|v| *v > 0.0) else { continue };
            let fill = colour(j, values.len());
            chart
                .draw_series(std::iter::once(Rectangle::new([(start, top), (start + value, bottom)], fill.filled())))?;
            let (x0, y) = chart.backend_coord(&(start, (top + bottom) / 2.0));
            let (x1, _) = chart.backend_coord(&(start + value, (top + bottom) / 2.0));
            let label = said(spec.unit, Some(value));
            // Only where the figure fits inside its part, in the colour that reads on it.
            if f64::from(x1 - x0) > label.chars().count() as f64 * LABEL_CHAR_PX + 8.0 {
                let style = text(12.0, text_on(fill)).pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new(label, ((x0 + x1) / 2, y), style))?;
            }
            start += value;
        }
        let (x, y) = chart.backend_coord(&(start, (top + bottom) / 2.0));
        let style = text(13.0, &TEXT).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(said(spec.unit, totals[c]), (x + 6, y), style))?;
        let (left_edge, mid_y) = chart.backend_coord(&(lo.min(0.0), n - c as f64 - 0.5));
        let lines = category_lines(spec, c);
        draw_category(root, &lines, false, (left_edge - 8, mid_y), Pos::new(HPos::Right, VPos::Center))?;
    }
    Ok(())
}

fn draw_lines(root: &Area<'_>, plot: &Area<'_>, spec: &ChartSpec, values: &Values, (lo, hi): (f64, f64)) -> DrawResult {
    let last = spec.categories.len() as f64 - 1.0;
    // Room at the right for each line's name at its end.
    let widest_name = spec.series.iter().map(|s| s.name.chars().count().min(LEGEND_CHARS)).max().unwrap_or(0);
    let mut chart = ChartBuilder::on(plot)
        .margin_right((widest_name as f64 * LABEL_CHAR_PX) as u32 + 34)
        .margin_top(14)
        .margin_left(8)
        .x_label_area_size(AXIS_AREA)
        .y_label_area_size(84)
        .build_cartesian_2d(-0.4..last + 0.4, lo..hi)?;
    draw_value_axis(&mut chart, spec.unit, ValueAxis::Vertical)?;
    draw_periods(root, &chart, spec, lo)?;

    let count = values.len();
    for (j, series) in values.iter().enumerate() {
        // A missing figure breaks the line rather than joining across it.
        let points: Vec<Option<(f64, f64)>> =
            series.iter().enumerate().map(|(c, value)| value.map(|v| (c as f64, v))).collect();
        for run in points.split(Option::is_none).filter(|run| run.len() > 1) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            chart.draw_series(std::iter::once(PathElement::new(run, colour(j, count).stroke_width(3))))?;
        }
    }
    for (j, series) in values.iter().enumerate() {
        for (c, value) in series.iter().enumerate() {
            let Some(value) = value else { continue };
            let (x, y) = chart.backend_coord(&(c as f64, *value));
            draw_marker(root, j, (x, y), 5, colour(j, count))?;
            // The top figure at each period is labelled above its point, the others below.
            let top = values.iter().filter_map(|s| s[c]).fold(f64::MIN, f64::max);
            let above = (0..j).all(|k| values[k][c] != Some(top)) && *value == top;
            let (y, v_pos) = if above { (y - 9, VPos::Bottom) } else { (y + 9, VPos::Top) };
            let style = text(12.0, &TEXT).pos(Pos::new(HPos::Center, v_pos));
            root.draw(&Text::new(spec.unit.format(*value), (x, y), style))?;
        }
    }
    draw_line_ends(root, &chart, spec, values)
}

/// The period labels under the axis, fewer when they would crowd; a highlighted period always.
fn draw_periods(root: &Area<'_>, chart: &Plot<'_, '_>, spec: &ChartSpec, lo: f64) -> DrawResult {
    let n = spec.categories.len();
    let (left, bottom) = chart.backend_coord(&(-0.4, lo));
    let (right, _) = chart.backend_coord(&(n as f64 - 0.6, lo));
    let widest = spec.categories.iter().map(|c| c.chars().count().min(PERIOD_CHARS)).max().unwrap_or(0);
    let needed = n as f64 * (widest as f64 * 7.0 + 10.0);
    let every = (needed / f64::from((right - left).max(1))).ceil().max(1.0) as usize;
    let highlight = highlighted(spec);
    for (c, category) in spec.categories.iter().enumerate() {
        let highlighted = highlight == Some(c);
        if c % every != 0 && !highlighted {
            continue;
        }
        let (x, _) = chart.backend_coord(&(c as f64, lo));
        let name = [shorten(category, PERIOD_CHARS)];
        draw_category(root, &name, highlighted, (x, bottom + 8), Pos::new(HPos::Center, VPos::Top))?;
    }
    Ok(())
}

/// Each line's marker and name beside its last point, nudged apart where ends are close.
fn draw_line_ends(root: &Area<'_>, chart: &Plot<'_, '_>, spec: &ChartSpec, values: &Values) -> DrawResult {
    let mut ends: Vec<(i32, i32, usize)> = values
        .iter()
        .enumerate()
        .filter_map(|(j, series)| {
            let (c, value) = series.iter().enumerate().rev().find_map(|(c, v)| v.map(|v| (c, v)))?;
            let (x, y) = chart.backend_coord(&(c as f64, value));
            Some((y, x, j))
        })
        .collect();
    crate::engine::order::sort(&mut ends);
    for i in 1..ends.len() {
        ends[i].0 = ends[i].0.max(ends[i - 1].0 + 16);
    }
    let style = text(14.0, &TEXT).pos(Pos::new(HPos::Left, VPos::Center));
    for (y, x, j) in ends {
        draw_marker(root, j, (x + 18, y), 4, colour(j, values.len()))?;
        root.draw(&Text::new(shorten(&spec.series[j].name, LEGEND_CHARS), (x + 28, y), style.clone()))?;
    }
    Ok(())
}
