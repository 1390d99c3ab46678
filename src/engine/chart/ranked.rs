//! One council among all councils: a column a council, lowest to highest, this council's
//! column dark and named, the others grey and unnamed (150 names cannot be read along an
//! axis; they are all in the chart's table and description), with England's figure or the
//! median, and the region's, drawn across as lines named in the legend.
//!
//! Colour never carries meaning alone: the council's column is also named above it with its
//! figure, and the two reference lines differ in dash as well as colour.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{bold_text, draw_value_axis, nice_ceiling, shorten, text, Frame, ValueAxis, LEFT, WIDTH};
use super::palette::{DARK_BLUE, DARK_GREY, ORANGE, TEXT};
use super::{Chart, ChartData, Unit};

/// Every council but this one.
const OTHER: RGBColor = RGBColor(0xBF, 0xC1, 0xC3);
const PLOT_HEIGHT: u32 = 300;
const LEGEND_SLOT: i32 = 300;
const LEGEND_CHARS: usize = 38;

/// What a ranked chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedSpec {
    pub id: String,
    /// States the message; given by the caller.
    pub title: String,
    pub subtitle: String,
    pub source: String,
    /// Every council with a figure, lowest first.
    pub councils: Vec<(String, f64)>,
    /// This council's place in `councils`.
    pub highlight: usize,
    /// Up to two figures drawn across: England's or the median, and the region's.
    pub lines: Vec<(String, f64)>,
    pub unit: Unit,
}

/// `None` when there is nothing to draw, or the highlighted council is not among them.
pub fn ranked_chart(spec: &RankedSpec) -> Option<Chart> {
    if spec.councils.is_empty() || spec.highlight >= spec.councils.len() {
        return None;
    }
    let frame = Frame::new(&spec.title, &spec.subtitle, &format!("Source: {}", spec.source));
    let legend_rows = 1 + u32::from(!spec.lines.is_empty());
    let height = frame.header_height(legend_rows) + frame.footer_height() + PLOT_HEIGHT;
    let mut svg = String::new();
    draw(&mut svg, spec, &frame, height, legend_rows).ok()?;
    Some(Chart::new(
        &spec.id,
        spec.title.clone(),
        spec.subtitle.clone(),
        &spec.source,
        describe(spec),
        data(spec),
        &svg,
    ))
}

fn rank_words(spec: &RankedSpec) -> String {
    let (ours, value) = &spec.councils[spec.highlight];
    let below = spec.councils.iter().filter(|c| c.1 < *value).count();
    format!("{ours}: {}, rank {} of {} (1 = lowest)", spec.unit.format(*value), below + 1, spec.councils.len())
}

fn describe(spec: &RankedSpec) -> String {
    let subtitle = spec.subtitle.trim().trim_end_matches('.');
    let lines: Vec<String> = spec.lines.iter().map(|(name, v)| format!("{name} {}", spec.unit.format(*v))).collect();
    let all: Vec<String> = spec.councils.iter().map(|(name, v)| format!("{name} {}", spec.unit.format(*v))).collect();
    let mut text = format!(
        "Column chart of {} councils, lowest to highest: {subtitle}. {} (highlighted).",
        spec.councils.len(),
        rank_words(spec)
    );
    if !lines.is_empty() {
        text.push_str(&format!(" Lines across: {}.", lines.join("; ")));
    }
    text.push_str(&format!(" All councils: {}.", all.join("; ")));
    text
}

fn data(spec: &RankedSpec) -> ChartData {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut rank = 0;
    for (at, (name, value)) in spec.councils.iter().enumerate() {
        // Ties share the lower rank.
        if at == 0 || spec.councils[at - 1].1 < *value {
            rank = at + 1;
        }
        let name = if at == spec.highlight { format!("{name} (this council)") } else { name.clone() };
        rows.push(vec![rank.to_string(), name, spec.unit.format(*value)]);
    }
    ChartData { header: vec!["Rank (1 = lowest)".into(), "Council".into(), "Figure".into()], rows }
}

fn draw(out: &mut String, spec: &RankedSpec, frame: &Frame, height: u32, legend_rows: u32) -> super::frame::DrawResult {
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    let plot = frame.draw(&root, legend_rows)?;
    draw_legend(&root, spec, frame.legend_y())?;
    let n = spec.councils.len() as f64;
    let top = spec.councils.iter().map(|c| c.1).chain(spec.lines.iter().map(|l| l.1)).fold(0.0, f64::max);
    let bottom = spec.councils.iter().map(|c| c.1).fold(0.0, f64::min);
    let hi = nice_ceiling(top);
    let hi = if spec.unit == Unit::Rate && top <= 1.0 { hi.min(1.0) } else { hi };
    let lo = if bottom < 0.0 { -nice_ceiling(-bottom) } else { 0.0 };
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(16)
        .margin_top(22)
        .margin_left(8)
        .x_label_area_size(36)
        .y_label_area_size(84)
        .build_cartesian_2d(0.0..n, lo..hi)?;
    draw_value_axis(&mut chart, spec.unit, ValueAxis::Vertical)?;
    let gap = if spec.councils.len() > 60 { 0.0 } else { 0.15 };
    for (at, (_, value)) in spec.councils.iter().enumerate().filter(|(at, _)| *at != spec.highlight) {
        let x = at as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new([(x + gap, 0.0), (x + 1.0 - gap, *value)], OTHER.filled())))?;
    }
    // This council's column is drawn last, and among many thin columns at least 4px wide.
    let x = spec.highlight as f64;
    let widen = if gap == 0.0 { (2.0 * n / 560.0 - 0.5).max(0.0) } else { 0.0 };
    let (_, value) = &spec.councils[spec.highlight];
    chart.draw_series(std::iter::once(Rectangle::new(
        [(x + gap - widen, 0.0), (x + 1.0 - gap + widen, *value)],
        DARK_BLUE.filled(),
    )))?;
    for (i, (_, value)) in spec.lines.iter().enumerate() {
        let (colour, points) = (line_colour(i), vec![(0.0, *value), (n, *value)]);
        let points: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
        if i == 0 {
            root.draw(&PathElement::new(points, colour.stroke_width(2)))?;
        } else {
            root.draw(&DashedPathElement::new(points, 6, 4, colour.stroke_width(2)))?;
        }
    }
    // The council named above its column, towards the middle so the name stays inside.
    let (name, value) = &spec.councils[spec.highlight];
    let (x, y) = chart.backend_coord(&(spec.highlight as f64 + 0.5, value.max(0.0)));
    let figure = format!("{}: {}", shorten(name, 30), spec.unit.format(*value));
    let (label, x, h_pos) = if (spec.highlight as f64) < n / 2.0 {
        (format!("▼ {figure}"), x - 5, HPos::Left)
    } else {
        (format!("{figure} ▼"), x + 5, HPos::Right)
    };
    root.draw(&Text::new(label, (x, y - 6), bold_text(13.0, &TEXT).pos(Pos::new(h_pos, VPos::Bottom))))?;
    let (left, axis) = chart.backend_coord(&(0.0, lo));
    root.draw(&Text::new(
        format!("{} councils, lowest to highest", spec.councils.len()),
        (left, axis + 10),
        text(13.0, &TEXT).pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    root.present()
}

fn line_colour(i: usize) -> RGBColor {
    [DARK_GREY, ORANGE][i.min(1)]
}

/// This council's swatch and the other councils'; then each line with its figure.
fn draw_legend(root: &super::frame::Area<'_>, spec: &RankedSpec, y: i32) -> super::frame::DrawResult {
    let style = text(14.0, &TEXT).pos(Pos::new(HPos::Left, VPos::Center));
    let (ours, _) = &spec.councils[spec.highlight];
    for (i, (name, colour)) in
        [(shorten(ours, LEGEND_CHARS), DARK_BLUE), ("Other councils".to_owned(), OTHER)].into_iter().enumerate()
    {
        let x = LEFT + LEGEND_SLOT * i as i32;
        root.draw(&Rectangle::new([(x, y - 7), (x + 14, y + 7)], colour.filled()))?;
        root.draw(&Text::new(name, (x + 20, y), style.clone()))?;
    }
    for (i, (name, value)) in spec.lines.iter().enumerate() {
        let (x, y) = (LEFT + LEGEND_SLOT * i as i32, y + 24);
        let points = vec![(x, y), (x + 24, y)];
        if i == 0 {
            root.draw(&PathElement::new(points, line_colour(i).stroke_width(2)))?;
        } else {
            root.draw(&DashedPathElement::new(points, 6, 4, line_colour(i).stroke_width(2)))?;
        }
        let words = format!("{}: {}", shorten(name, LEGEND_CHARS), spec.unit.format(*value));
        root.draw(&Text::new(words, (x + 30, y), style.clone()))?;
    }
    Ok(())
}
