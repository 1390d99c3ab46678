//! What every chart shares: the title, subtitle and source line around the plot, text styles,
//! the value axis, and round axis ends.
//!
//! Text is wrapped and cut at fixed character counts, not measured: text widths differ between
//! browser and native runs, and a fixed estimate keeps the picture the same in both.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette::{DARK_GREY, GRID, SECONDARY_TEXT, TEXT};
use super::Unit;

pub(super) const WIDTH: u32 = 640;
pub(super) const FONT: &str = "sans-serif";
/// The left edge of the title, subtitle, legend and source.
pub(super) const LEFT: i32 = 16;

/// Characters a line holds before it wraps, so it fits the 624px right of the left margin:
/// measured for DejaVu Sans, the widest of the common sans-serif fonts (8.3px a character for
/// the bold title, 6.0px for the subtitle, 5.2px for the source).
const TITLE_CHARS: usize = 74;
const SUBTITLE_CHARS: usize = 96;
const SOURCE_CHARS: usize = 110;

pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub(super) type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
pub(super) type DrawResult<T = ()> =
    Result<T, DrawingAreaErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

/// The title, subtitle and source, wrapped into lines.
pub(super) struct Frame {
    title: Vec<String>,
    subtitle: Vec<String>,
    source: Vec<String>,
}

impl Frame {
    pub(super) fn new(title: &str, subtitle: &str, source_line: &str) -> Self {
        Frame {
            title: balanced_wrap(title, TITLE_CHARS),
            subtitle: balanced_wrap(subtitle, SUBTITLE_CHARS),
            source: balanced_wrap(source_line, SOURCE_CHARS),
        }
    }

    /// The vertical centre of the legend's first row, just below the subtitle.
    pub(super) fn legend_y(&self) -> i32 {
        14 + 24 * self.title.len() as i32 + 4 + 20 * self.subtitle.len() as i32 + 8
    }

    /// The header's height with `legend_rows` rows of legend, 24px apart.
    pub(super) fn header_height(&self, legend_rows: u32) -> u32 {
        (self.legend_y() - 2) as u32 + 24 * legend_rows
    }

    pub(super) fn footer_height(&self) -> u32 {
        16 + 18 * self.source.len().max(1) as u32
    }

    /// The rows of a chart `height` pixels tall between the subtitle and the source: the
    /// legend and the plot, without the words `draw` puts above and below them.
    pub(super) fn between_words(&self, height: u32) -> (u32, u32) {
        // The last subtitle line ends about 13px above the legend's first row, whose swatches
        // start 7px above it: cut between the two.
        let top = (self.legend_y() - 10).max(0) as u32;
        // The source's first line starts 10px into the footer; the axis name ends at its top.
        let bottom = height.saturating_sub(self.footer_height()) + 6;
        (top.min(bottom), bottom.min(height))
    }

    /// Draws the white ground, the title, the subtitle and the source, and gives back the area
    /// between header and footer for the plot.
    pub(super) fn draw<'a>(&self, root: &Area<'a>, legend_rows: u32) -> DrawResult<Area<'a>> {
        root.fill(&WHITE)?;
        // plotters escapes text content itself, so labels go in as the officer wrote them.
        let bold = TextStyle::from((FONT, 18.0, FontStyle::Bold).into_font()).color(&TEXT);
        let mut y = 14;
        for line in &self.title {
            root.draw(&Text::new(line.as_str(), (LEFT, y), bold.clone()))?;
            y += 24;
        }
        y += 4;
        for line in &self.subtitle {
            root.draw(&Text::new(line.as_str(), (LEFT, y), text(15.0, &SECONDARY_TEXT)))?;
            y += 20;
        }
        let header = self.header_height(legend_rows);
        let (_, body) = root.split_vertically(header);
        let plot_height = root.dim_in_pixel().1.saturating_sub(header + self.footer_height());
        let (plot, footer) = body.split_vertically(plot_height);
        for (i, line) in self.source.iter().enumerate() {
            footer.draw(&Text::new(line.as_str(), (LEFT, 10 + 18 * i as i32), text(13.0, &SECONDARY_TEXT)))?;
        }
        Ok(plot)
    }
}

pub(super) fn text(size: f64, colour: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(colour)
}

pub(super) fn bold_text(size: f64, colour: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, size, FontStyle::Bold).into_font()).color(colour)
}

/// Which way the value axis runs: along the bottom (horizontal bars) or up the side (lines).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ValueAxis {
    Horizontal,
    Vertical,
}

/// Draws the grid and the value axis with ticks in `unit`. The other axis has no labels here:
/// each chart writes its categories itself, so long names can be cut and a highlight marked.
pub(super) fn draw_value_axis(plot: &mut Plot<'_, '_>, unit: Unit, axis: ValueAxis) -> DrawResult {
    let ticks = move |v: &f64| unit.tick(*v);
    let mut mesh = plot.configure_mesh();
    mesh.label_style(text(14.0, &TEXT))
        .axis_desc_style(text(14.0, &TEXT))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(DARK_GREY);
    match axis {
        ValueAxis::Horizontal => {
            mesh.disable_y_mesh().y_labels(0).x_labels(6).x_label_formatter(&ticks).x_desc(unit.axis_name())
        }
        ValueAxis::Vertical => {
            mesh.disable_x_mesh().x_labels(0).y_labels(6).y_label_formatter(&ticks).y_desc(unit.axis_name())
        }
    };
    mesh.draw()
}

/// The next round number for the axis end: 10, 20, 50, 100...
pub(super) fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|step| step * magnitude)
        .find(|&end| end >= value * 1.05)
        .unwrap_or(10.0 * magnitude)
}

/// Long names are cut in the chart only; the table and the description keep them whole.
pub(super) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Breaks text into as few lines as [`wrap`] would, but of even lengths, so a title does not end
/// on a lone word.
fn balanced_wrap(text: &str, max_chars: usize) -> Vec<String> {
    let lines = wrap(text, max_chars);
    if lines.len() < 2 {
        return lines;
    }
    let shortest = text.chars().count() / lines.len();
    (shortest..max_chars).map(|width| wrap(text, width)).find(|even| even.len() <= lines.len()).unwrap_or(lines)
}

/// Breaks text into lines of at most `max_chars` at spaces; a single longer word keeps a line
/// to itself rather than being split.
fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ends_on_a_round_number_above_the_data() {
        for (value, expected) in
            [(87.19, 100.0), (42.69, 50.0), (9.0, 10.0), (16.5, 20.0), (0.0, 1.0), (230.0, 250.0), (240.0, 500.0)]
        {
            assert_eq!(nice_ceiling(value), expected, "{value}");
        }
    }

    #[test]
    fn long_names_are_shortened_with_an_ellipsis() {
        assert_eq!(shorten("Social Worker", 28), "Social Worker");
        assert_eq!(shorten("Independent Reviewing Officer and Chair", 20), "Independent Reviewi…");
    }

    #[test]
    fn text_wraps_at_spaces_and_keeps_long_words_whole() {
        assert_eq!(wrap("Vacancy rate by year", 12), ["Vacancy rate", "by year"]);
        assert_eq!(wrap("  a   b ", 10), ["a b"]);
        assert_eq!(wrap("Supercalifragilistic is long", 8), ["Supercalifragilistic", "is long"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn wrapped_lines_are_even() {
        let title = "Social Worker has the most posts not filled by permanent staff (16.00 FTE)";
        assert_eq!(wrap(title, 70), ["Social Worker has the most posts not filled by permanent staff (16.00", "FTE)"]);
        assert_eq!(
            balanced_wrap(title, 70),
            ["Social Worker has the most posts not", "filled by permanent staff (16.00 FTE)"]
        );
        assert_eq!(balanced_wrap(title, 80), [title]);
    }
}
