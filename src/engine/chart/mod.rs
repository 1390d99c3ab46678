//! Charts drawn with plotters' SVG backend, so the app, print and every export show the same
//! picture. Each chart carries a title that states its message, a subtitle, a source line,
//! and an accessible name and description.

mod establishment;
mod frame;
mod general;
pub mod palette;
mod ranked;

pub use establishment::establishment_chart;
pub use general::{bar_chart, line_chart, stacked_bar_chart, ChartSpec, Series, MAX_SERIES};
pub use ranked::{ranked_chart, RankedSpec};

use crate::engine::format::{decimal, fte, money, rate};

/// A finished chart: accessible SVG markup and the text that describes it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// What is measured.
    pub subtitle: String,
    /// Where the figures come from, without the "Source: " the chart prints before it.
    pub source: String,
    /// The alt text: what the chart shows, with its figures.
    pub description: String,
    /// The chart's figures as a table, shown beside it (collapsible in the app, optional in print).
    pub data: ChartData,
    pub svg: String,
}

/// A chart's figures as table cells, already in the papers' number style, so a reader who
/// cannot see the chart, or wants the exact figures, has them all.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChartData {
    pub header: Vec<String>,
    /// One row a category, as long as the header; "n/a" where there is no figure.
    pub rows: Vec<Vec<String>>,
}

impl Chart {
    /// Puts the parts together, making the drawn SVG accessible.
    fn new(
        id: &str,
        title: String,
        subtitle: String,
        source: &str,
        description: String,
        data: ChartData,
        svg: &str,
    ) -> Chart {
        Chart {
            id: id.to_owned(),
            // plotters writes labels as given: a control character in one would spoil the picture.
            svg: make_accessible(&mark_title(&xml_safe(svg), &title, &subtitle), id, &title, &description),
            title,
            subtitle,
            source: source.to_owned(),
            description,
            data,
        }
    }
}

impl Chart {
    /// The chart as a picture for a document that prints its title, subtitle and source as
    /// text beside it (the Word file): the same SVG with its view cut to the legend and plot,
    /// so those words are not given twice. The text is kept rather than the picture's because
    /// a screen reader reads it, the officer can edit it, and Word lists the title as a caption.
    pub fn picture_svg(&self) -> String {
        let Some(open_end) = self.svg.find('>') else { return self.svg.clone() };
        let open = &self.svg[..open_end];
        let number = |name: &str| -> Option<u32> {
            let start = open.find(&format!(" {name}=\""))? + name.len() + 3;
            open[start..].split('"').next()?.parse().ok()
        };
        let (Some(width), Some(height)) = (number("width"), number("height")) else { return self.svg.clone() };
        let frame = frame::Frame::new(&self.title, &self.subtitle, &format!("Source: {}", self.source));
        let (top, bottom) = frame.between_words(height);
        let cut =
            open.replacen(&format!(" height=\"{height}\""), &format!(" height=\"{}\"", bottom - top), 1).replacen(
                &format!(" viewBox=\"0 0 {width} {height}\""),
                &format!(" viewBox=\"0 {top} {width} {}\"", bottom - top),
                1,
            );
        format!("{cut}{}", &self.svg[open_end..])
    }
}

/// Escapes text for SVG and HTML element content and attribute values. Control characters
/// XML 1.0 refuses (see [`refused_by_xml`]) are left out: escaping cannot make them allowed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if refused_by_xml(c) => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Marks the title's lines (`class="chart-title"`), so the app can hide them while the officer
/// types the title in a field laid over them. `Frame::draw` draws them first, before any other
/// text, so they are the first `<text>` elements.
fn mark_title(svg: &str, title: &str, subtitle: &str) -> String {
    let lines = frame::Frame::new(title, subtitle, "").title_lines();
    svg.replacen("<text ", "<text class=\"chart-title\" ", lines)
}

/// U+0000 to U+001F other than tab, line feed and carriage return, and U+FFFE and U+FFFF: no
/// XML 1.0 document may hold them, written or as a character reference. Text copied out of a
/// PDF brings them in.
pub fn refused_by_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// XML text with the characters XML refuses left out; borrowed when it has none.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(refused_by_xml) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !refused_by_xml(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Gives plotters' SVG an accessible name and description (`role="img"`, `<title>`, `<desc>`),
/// and lets it scale to its container.
fn make_accessible(svg: &str, id: &str, title: &str, description: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let open_tag = &svg[..open_end];
    let open_tag = open_tag.replacen("<svg ", "<svg class=\"chart\" ", 1);
    let id = escape(id);
    format!(
        "{open_tag} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(description),
        &svg[open_end + 1..],
    )
}

/// What the figures count, which sets how they are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Full-time equivalent, to 2 decimal places.
    Fte,
    /// A fraction 0..1, printed as a percentage to 1 decimal place.
    Rate,
    /// Whole numbers, such as headcounts or leavers.
    Count,
    /// Money.
    Pounds,
    /// Days, to the places given.
    Days(u8),
    /// Any other figure, to the places given.
    Decimal(u8),
}

impl Unit {
    /// A figure in the papers' number style: `12.50` (FTE), `31.4%`, `1,204`, `£4,137.80` with
    /// pence or `£120,000` without.
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Fte => fte(value),
            Unit::Rate => rate(value),
            Unit::Count => decimal(value, 0),
            Unit::Pounds => money(value),
            Unit::Days(places) | Unit::Decimal(places) => decimal(value, usize::from(places)),
        }
    }

    /// An axis tick, with only the places a round tick needs: `20%`, `2.5`, `£50,000`.
    pub(crate) fn tick(self, value: f64) -> String {
        let number = if self == Unit::Rate { value * 100.0 } else { value };
        let text = decimal(number, 2);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        match self {
            Unit::Rate => format!("{text}%"),
            Unit::Pounds => pounds(text),
            Unit::Fte | Unit::Count | Unit::Days(_) | Unit::Decimal(_) => text.to_owned(),
        }
    }

    pub(crate) fn axis_name(self) -> &'static str {
        match self {
            Unit::Fte => "FTE",
            Unit::Rate => "Per cent",
            Unit::Count => "Number",
            Unit::Pounds => "Pounds (£)",
            Unit::Days(_) => "Days",
            Unit::Decimal(_) => "Number",
        }
    }
}

/// Puts the pound sign after any minus sign: `-£300`.
fn pounds(number: &str) -> String {
    match number.strip_prefix('-') {
        Some(magnitude) => format!("-£{magnitude}"),
        None => format!("£{number}"),
    }
}
