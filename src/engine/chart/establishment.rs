//! Establishment by role as horizontal stacked bars: permanent, agency, and vacant posts that
//! agency workers do not cover.
//!
//! Why not stack the table's own Vacant column: papers count vacancies two ways
//! (`../shared/domain.md`, "(Over)/under establishment"), and where agency workers cover
//! vacancies, permanent + agency + vacant counts those posts twice. The third part is
//! [`vacant_not_covered`](crate::engine::metrics::vacant_not_covered), from the same figures the
//! establishment table prints, so it is never more than the table's Vacant: the bars add up to
//! the establishment, run past its marker where a role is over establishment, and stop short of
//! it where the table counts posts neither as filled nor as vacant.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    band_pitch, draw_lines_of, draw_value_axis, label_lines, nice_ceiling, text, Area, DrawResult, Frame, ValueAxis,
    FONT, LEFT, WIDTH,
};
use super::palette::{DARK_BLUE, DARK_GREY, DARK_PINK, TEXT, TURQUOISE};
use super::Unit;
use super::{Chart, ChartData};
use crate::engine::format::{and_list, fte, fte_in_words, isolate};
use crate::engine::metrics::EstablishmentFigures;

/// Two legend rows: the three parts, and the establishment marker.
const LEGEND_ROWS: u32 = 2;
const BAR_PITCH: u32 = 38;
const LABEL_WIDTH: u32 = 176;
/// Characters a line of a role's name holds in the label area.
const LABEL_CHARS: usize = 22;
const LEGEND: [(&str, RGBColor); 3] =
    [("Permanent", DARK_BLUE), ("Agency", TURQUOISE), ("Vacant, not covered by agency", DARK_PINK)];

struct Bar {
    role: String,
    establishment: f64,
    permanent: f64,
    agency: f64,
    /// Vacant and not covered by agency workers.
    uncovered: f64,
}

/// The stacked bar chart for one period's figures, or `None` when no role has establishment,
/// permanent and agency figures to draw. `title` replaces the generated message when given.
pub fn establishment_chart(
    figures: &EstablishmentFigures,
    period: &str,
    source: &str,
    id: &str,
    title: Option<&str>,
) -> Option<Chart> {
    let bars: Vec<Bar> = figures
        .roles
        .iter()
        .filter_map(|r| {
            Some(Bar {
                role: r.role.clone(),
                establishment: r.establishment.clone().ok()?,
                permanent: r.permanent.clone().ok()?,
                agency: r.agency.clone().ok()?,
                // The table's own Vacant figure bounds it, so chart and table agree.
                uncovered: r.vacant_not_covered().ok()?,
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }

    let generated = generated_title(&bars);
    let title = title.map(str::trim).filter(|t| !t.is_empty()).map_or(generated, str::to_owned);
    let period_words = if period.is_empty() { String::new() } else { format!(", {period}") };
    let subtitle = format!("Establishment by role{period_words}, full-time equivalent (FTE)");
    let description = describe(&bars, &period_words);
    let frame = Frame::new(&title, &subtitle, &format!("Source: {source}"));

    let mut svg = String::new();
    // Each bar's band is tall enough for the longest role's name in lines.
    let lines = bars.iter().map(|b| label_lines(&b.role, LABEL_CHARS).len()).max().unwrap_or(1);
    let pitch = band_pitch(BAR_PITCH, lines);
    let height = frame.header_height(LEGEND_ROWS) + frame.footer_height() + 40 + pitch * bars.len() as u32;
    draw(&mut svg, &bars, height, &frame).ok()?;
    Some(Chart::new(id, title, subtitle, source, description, data(&bars), &svg))
}

/// Roles named in a title before a tie is given as a number of roles instead.
const TIED_ROLES_NAMED: usize = 3;

/// The chart's message: the role, or every role tied as printed, with the most FTE drawn past
/// its permanent staff, agency workers and uncovered vacancies. Not "posts not filled by
/// permanent staff": agency workers over establishment count too, so the figure can be more
/// than establishment − permanent.
fn generated_title(bars: &[Bar]) -> String {
    let not_permanent = |b: &Bar| fte(b.agency + b.uncovered);
    let most = bars.iter().map(|b| b.agency + b.uncovered).fold(0.0, f64::max);
    if fte(most) == fte(0.0) {
        return if bars.iter().all(|b| b.permanent >= b.establishment) {
            "Every post is filled by permanent staff".to_owned()
        } else {
            "No role has agency workers or uncovered vacancies".to_owned()
        };
    }
    let top: Vec<String> = bars.iter().filter(|b| not_permanent(b) == fte(most)).map(|b| isolate(&b.role)).collect();
    let what = "the most agency workers and uncovered vacancies";
    match top.as_slice() {
        [one] => format!("{one} has {what} ({} FTE)", fte_in_words(most)),
        tied if tied.len() <= TIED_ROLES_NAMED => {
            let names: Vec<&str> = tied.iter().map(String::as_str).collect();
            format!("{} have {what} ({} FTE each)", and_list(&names), fte_in_words(most))
        }
        tied => format!("{} roles have {what} ({} FTE each)", tied.len(), fte_in_words(most)),
    }
}

fn data(bars: &[Bar]) -> ChartData {
    let header = ["Role", "Establishment"].into_iter().chain(LEGEND.iter().map(|(label, _)| *label));
    ChartData {
        header: header.map(str::to_owned).collect(),
        rows: bars
            .iter()
            .map(|bar| {
                let figures = [bar.establishment, bar.permanent, bar.agency, bar.uncovered].map(fte);
                std::iter::once(bar.role.clone()).chain(figures).collect()
            })
            .collect(),
    }
}

fn describe(bars: &[Bar], period_words: &str) -> String {
    let mut text = format!(
        "Horizontal stacked bar chart of establishment by role{period_words}, in FTE, split into \
         permanent staff, agency workers, and vacant posts not covered by agency workers, with a \
         marker at each role's establishment."
    );
    for bar in bars {
        text.push_str(&format!(
            " {}: establishment {}, permanent {}, agency {}, vacant and not covered {}{}.",
            isolate(&bar.role),
            fte(bar.establishment),
            fte(bar.permanent),
            fte(bar.agency),
            fte(bar.uncovered),
            neither_words(bar)
        ));
    }
    text
}

/// Posts the table counts neither as filled nor as vacant, where there are any: the bar stops
/// short of its establishment marker by this much.
fn neither_words(bar: &Bar) -> String {
    let neither = bar.establishment - bar.permanent - bar.agency - bar.uncovered;
    if fte(neither.max(0.0)) == fte(0.0) {
        return String::new();
    }
    format!(", and {} neither filled nor counted as vacant", fte(neither))
}

fn draw(out: &mut String, bars: &[Bar], height: u32, frame: &Frame) -> DrawResult {
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    let plot = frame.draw(&root, LEGEND_ROWS)?;
    draw_legend(&root, LEFT, frame.legend_y())?;

    let x_max = bars.iter().map(|b| b.establishment.max(b.permanent + b.agency)).fold(0.0, f64::max);
    let x_max = nice_ceiling(x_max);
    let n = bars.len() as f64;
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(28)
        .margin_top(4)
        .x_label_area_size(36)
        .y_label_area_size(LABEL_WIDTH)
        .build_cartesian_2d(0.0..x_max, 0.0..n)?;
    draw_value_axis(&mut chart, Unit::Fte, ValueAxis::Horizontal)?;

    for (i, bar) in bars.iter().enumerate() {
        let top = n - i as f64 - 0.2;
        let bottom = n - i as f64 - 0.8;
        let mut x = 0.0;
        for (value, colour, label_colour) in
            [(bar.permanent, DARK_BLUE, &WHITE), (bar.agency, TURQUOISE, &TEXT), (bar.uncovered, DARK_PINK, &WHITE)]
        {
            if value <= 0.0 {
                continue;
            }
            chart.draw_series(std::iter::once(Rectangle::new([(x, top), (x + value, bottom)], colour.filled())))?;
            // A white edge keeps neighbouring segments apart for readers who cannot tell the colours.
            chart
                .draw_series(std::iter::once(Rectangle::new([(x, top), (x + value, bottom)], WHITE.stroke_width(1))))?;
            let (left, mid_y) = chart.backend_coord(&(x, (top + bottom) / 2.0));
            let (right, _) = chart.backend_coord(&(x + value, top));
            if right - left >= 40 {
                root.draw(&Text::new(
                    fte(value),
                    ((left + right) / 2, mid_y),
                    text(13.0, label_colour).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
            x += value;
        }
        // The establishment marker: a dark rule a little taller than the bar.
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(bar.establishment, top + 0.12), (bar.establishment, bottom - 0.12)],
            DARK_GREY.stroke_width(3),
        )))?;
        let (left_edge, mid_y) = chart.backend_coord(&(0.0, (top + bottom) / 2.0));
        let style = text(14.0, &TEXT).pos(Pos::new(HPos::Right, VPos::Center));
        draw_lines_of(&root, &label_lines(&bar.role, LABEL_CHARS), (left_edge - 8, mid_y), &style)?;
    }
    root.present()
}

fn draw_legend(root: &Area<'_>, x: i32, y: i32) -> DrawResult {
    let style = TextStyle::from((FONT, 14.0).into_font()).color(&TEXT).pos(Pos::new(HPos::Left, VPos::Center));
    // Fixed slots rather than measured text: text widths differ between browser and native runs.
    for ((label, colour), slot_x) in LEGEND.into_iter().zip([x, x + 130, x + 240]) {
        root.draw(&Rectangle::new([(slot_x, y - 7), (slot_x + 14, y + 7)], colour.filled()))?;
        root.draw(&Text::new(label, (slot_x + 20, y), style.clone()))?;
    }
    let y = y + 24;
    root.draw(&PathElement::new(vec![(x + 7, y - 9), (x + 7, y + 9)], DARK_GREY.stroke_width(3)))?;
    root.draw(&Text::new("Establishment: a bar past this mark is over establishment", (x + 20, y), style))?;
    Ok(())
}
