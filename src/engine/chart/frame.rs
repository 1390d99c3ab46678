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

    /// How many lines the title is drawn on, first in the picture.
    pub(super) fn title_lines(&self) -> usize {
        self.title.len()
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
            mesh.disable_y_mesh().y_labels(0).x_labels(AXIS_TICKS).x_label_formatter(&ticks).x_desc(unit.axis_name())
        }
        ValueAxis::Vertical => {
            mesh.disable_x_mesh().x_labels(0).y_labels(AXIS_TICKS).y_label_formatter(&ticks).y_desc(unit.axis_name())
        }
    };
    mesh.draw()
}

/// The most ticks the value axis carries, 0 included: six steps let the axis end close above
/// the data (0 to 120 in twenties) and still on a tick.
pub(super) const AXIS_TICKS: usize = 7;

/// The axis end: the first round number at least 5% above `value`, so the longest bar stops
/// short of the end. Each is a whole number of plotters' tick steps (1, 2 or 5 × 10ⁿ) no more
/// than `AXIS_TICKS` − 1 steps long, so the end is labelled, and no more than about 1.4× the
/// value, so a one-row chart of 106 runs to 120, not 200.
pub(super) fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let target = value * 1.05;
    let magnitude = 10f64.powf(target.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|step| step * magnitude)
        .find(|&end| end >= target)
        .unwrap_or(10.0 * magnitude)
}

/// Lines a category label may take; only what does not fit in them is cut.
pub(super) const LABEL_LINES: usize = 3;
/// The distance between a category label's lines, for 14px text.
pub(super) const LABEL_LINE_HEIGHT: u32 = 16;

/// A category's band height: the bars' own, or taller where a label takes more lines than fit,
/// so the lines of neighbouring labels never overlap.
pub(super) fn band_pitch(bar_pitch: u32, label_lines: usize) -> u32 {
    bar_pitch.max(label_lines as u32 * LABEL_LINE_HEIGHT + 8)
}

/// Draws a label's lines one under another, centred as a block on `y`.
pub(super) fn draw_lines_of(root: &Area<'_>, lines: &[String], (x, y): (i32, i32), style: &TextStyle) -> DrawResult {
    let step = LABEL_LINE_HEIGHT as i32;
    let first = y - step * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        root.draw(&Text::new(line.as_str(), (x, first + step * i as i32), style.clone()))?;
    }
    Ok(())
}

/// A category label in up to [`LABEL_LINES`] lines of `max_chars`, broken at spaces and after
/// hyphens, so bars whose names differ only at the end are told apart. A word longer than a
/// line is broken with a hyphen; only what is left after the last line is cut with "…".
pub(super) fn label_lines(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let mut lines = fill_lines(text, max_chars);
    if lines.len() > LABEL_LINES {
        let rest = lines.split_off(LABEL_LINES - 1).join(" ");
        lines.push(shorten(&rest, max_chars));
        return lines;
    }
    // As even as the same number of lines allows, so a name does not end on a lone word; never
    // so narrow that a word is broken that did not need to be.
    let longest = pieces(text, max_chars).iter().map(|(_, piece)| piece.chars().count()).max().unwrap_or(0);
    let shortest = (text.chars().count() / lines.len().max(1)).max(longest);
    (shortest..max_chars).map(|width| fill_lines(text, width)).find(|even| even.len() <= lines.len()).unwrap_or(lines)
}

/// Greedy filling of lines with the label's pieces (see [`pieces`]).
fn fill_lines(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (spaced, piece) in pieces(text, max_chars) {
        let joined = if spaced && !line.is_empty() { format!("{line} {piece}") } else { format!("{line}{piece}") };
        if line.is_empty() || joined.chars().count() <= max_chars {
            line = joined;
        } else {
            lines.push(std::mem::replace(&mut line, piece));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The places a label may break: each word, split after its hyphens, with whether a space comes
/// before it. A piece longer than a line is cut into line-long parts ending in a hyphen.
fn pieces(text: &str, max_chars: usize) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        for (i, part) in word.split_inclusive(['-', '–']).enumerate() {
            let chars: Vec<char> = part.chars().collect();
            let chunks: Vec<String> = if chars.len() <= max_chars {
                vec![part.to_owned()]
            } else {
                let mut chunks: Vec<String> =
                    chars.chunks(max_chars - 1).map(|c| c.iter().collect::<String>() + "-").collect();
                if let Some(last) = chunks.last_mut() {
                    last.pop();
                }
                chunks
            };
            for (j, chunk) in chunks.into_iter().enumerate() {
                out.push((i == 0 && j == 0, chunk));
            }
        }
    }
    out
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
        for (value, expected) in [
            (106.0, 120.0),
            (87.19, 100.0),
            (42.69, 50.0),
            (9.0, 10.0),
            (16.5, 20.0),
            (0.0, 1.0),
            (230.0, 250.0),
            (240.0, 300.0),
            (96.0, 120.0),
            (0.314, 0.4),
            (1204.0, 1500.0),
        ] {
            assert_eq!(nice_ceiling(value), expected, "{value}");
        }
    }

    #[test]
    fn axis_ends_close_above_the_data_on_a_labelled_tick() {
        use plotters::coord::ranged1d::Ranged;
        // Every data maximum from 1 to 10,000 in small steps, and some fractions (rates).
        let values = (1..=2000).map(|i| f64::from(i) * 5.0).chain((1..100).map(|i| f64::from(i) / 100.0));
        for value in values {
            let end = nice_ceiling(value);
            assert!(end >= value * 1.05, "{value} -> {end}");
            if value >= 10.0 {
                assert!(end < value * 1.5, "{value} -> {end}");
            }
            let ticks = RangedCoordf64::from(0.0..end).key_points(AXIS_TICKS);
            let last = ticks.last().copied().unwrap_or_default();
            assert!((last - end).abs() < end * 1e-9, "{value} -> {end}: ticks {ticks:?}");
        }
    }

    #[test]
    fn category_labels_wrap_onto_up_to_three_lines() {
        let cases: [(&str, usize, &[&str]); 10] = [
            ("Social Worker", 22, &["Social Worker"]),
            ("Resignation – career progression", 22, &["Resignation –", "career progression"]),
            ("Resignation - relocation outside the area", 22, &["Resignation -", "relocation", "outside the area"]),
            ("Head of Adult Social Care", 22, &["Head of Adult", "Social Care"]),
            ("Agency-to-permanent transfer", 12, &["Agency-to-", "permanent", "transfer"]),
            ("Resignation–workload", 12, &["Resignation–", "workload"]),
            ("Independent Reviewing Officer and Chair", 12, &["Independent", "Reviewing", "Officer and…"]),
            ("Supercalifragilistic", 8, &["Superca-", "lifragi-", "listic"]),
            ("  spaced   out  ", 22, &["spaced out"]),
            ("", 22, &[]),
        ];
        for (text, width, expected) in cases {
            let lines = label_lines(text, width);
            assert_eq!(lines, expected, "{text:?} in {width}");
            assert!(lines.iter().all(|l| l.chars().count() <= width), "{lines:?}");
        }
    }

    #[test]
    fn bands_grow_to_hold_their_label_lines() {
        for (bar_pitch, lines, expected) in [(38, 1, 38), (38, 2, 40), (38, 3, 56), (74, 3, 74)] {
            assert_eq!(band_pitch(bar_pitch, lines), expected, "{bar_pitch} {lines}");
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
