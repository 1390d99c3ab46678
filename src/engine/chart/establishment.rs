//! Establishment by role as horizontal stacked bars: permanent, agency, and vacant posts that
//! agency workers do not cover.
//!
//! Why not stack the table's own Vacant column: papers count vacancies two ways
//! (`../shared/domain.md`, "(Over)/under establishment"), and where agency workers cover
//! vacancies, permanent + agency + vacant counts those posts twice. Establishment − permanent −
//! agency is the uncovered gap under either convention, so the bars always add up to the
//! establishment, or run past its marker where a role is over establishment.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    draw_value_axis, nice_ceiling, shorten, text, Area, DrawResult, Frame, ValueAxis, FONT, LEFT, WIDTH,
};
use super::palette::{DARK_BLUE, DARK_GREY, DARK_PINK, TEXT, TURQUOISE};
use super::Unit;
use super::{Chart, ChartData};
use crate::engine::format::{fte, fte_in_words, isolate};
use crate::engine::metrics::EstablishmentFigures;

/// Two legend rows: the three parts, and the establishment marker.
const LEGEND_ROWS: u32 = 2;
const BAR_PITCH: u32 = 38;
const LABEL_WIDTH: u32 = 176;
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
            let (establishment, permanent, agency) =
                (r.establishment.clone().ok()?, r.permanent.clone().ok()?, r.agency.clone().ok()?);
            Some(Bar {
                role: r.role.clone(),
                establishment,
                permanent,
                agency,
                uncovered: (establishment - permanent - agency).max(0.0),
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }

    let widest = bars
        .iter()
        .max_by(|a, b| (a.agency + a.uncovered).total_cmp(&(b.agency + b.uncovered)))
        .filter(|b| b.agency + b.uncovered > 0.0);
    let generated = match widest {
        Some(bar) => format!(
            "{} has the most posts not filled by permanent staff ({} FTE)",
            isolate(&bar.role),
            // The title is a sentence: FTE as running text gives it.
            fte_in_words(bar.agency + bar.uncovered)
        ),
        None => "Every post is filled by permanent staff".to_owned(),
    };
    let title = title.map(str::trim).filter(|t| !t.is_empty()).map_or(generated, str::to_owned);
    let period_words = if period.is_empty() { String::new() } else { format!(", {period}") };
    let subtitle = format!("Establishment by role{period_words}, full-time equivalent (FTE)");
    let description = describe(&bars, &period_words);
    let frame = Frame::new(&title, &subtitle, &format!("Source: {source}"));

    let mut svg = String::new();
    let height = frame.header_height(LEGEND_ROWS) + frame.footer_height() + 40 + BAR_PITCH * bars.len() as u32;
    draw(&mut svg, &bars, height, &frame).ok()?;
    Some(Chart::new(id, title, subtitle, source, description, data(&bars), &svg))
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
            " {}: establishment {}, permanent {}, agency {}, vacant and not covered {}.",
            isolate(&bar.role),
            fte(bar.establishment),
            fte(bar.permanent),
            fte(bar.agency),
            fte(bar.uncovered)
        ));
    }
    text
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
        root.draw(&Text::new(
            shorten(&bar.role, 22),
            (left_edge - 8, mid_y),
            text(14.0, &TEXT).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
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
