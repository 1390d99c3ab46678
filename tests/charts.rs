//! Every chart, whatever its kind, meets the same bar: an accessible name and description, a
//! title, subtitle and source a reader sees, its figures as a table, meaning carried by text or
//! shape as well as colour, and SVG that is well-formed XML.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::chart::{
    bar_chart, establishment_chart, line_chart, stacked_bar_chart, Chart, ChartSpec, Series, Unit,
};
use wrb::engine::import::read_establishment;
use wrb::engine::metrics::establishment_figures;
use wrb::engine::model::RawInput;
use wrb::engine::report::build_report_reading_files as build_report;
use wrb::engine::sample::{sample_project, Template};

const DARK_BLUE: &str = "#12436D";
const TURQUOISE: &str = "#28A197";
const ORANGE: &str = "#F46A25";

// ---------------------------------------------------------------------------------------------
// A small XML reader: enough to prove the SVG well-formed and to look inside it, without a
// dependency.

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    /// The element's own text, unescaped, not its children's.
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Reads the document, or says where it is not well-formed XML: tags must nest and close,
/// attributes be quoted and unique, `<` and `&` appear only as markup or entities, and there
/// be one root element. Returns the elements in document order.
fn parse(xml: &str) -> Result<Vec<Element>, String> {
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut rest = xml;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = unescape(&rest[..lt])?;
        match open.last() {
            Some(&i) => elements[i].text.push_str(&text),
            None if !text.trim().is_empty() => return Err(format!("text outside the root element: {text:?}")),
            None => {}
        }
        if lt == rest.len() {
            break;
        }
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->").ok_or("a comment is never closed")? + 3..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('?') {
            rest = &after[after.find("?>").ok_or("a declaration is never closed")? + 2..];
            continue;
        }
        let end = tag_end(rest).ok_or_else(|| format!("a tag is never closed: {:?}", &rest[..rest.len().min(40)]))?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let i = open.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if elements[i].name != name.trim_end() {
                return Err(format!("</{name}> closes <{}>", elements[i].name));
            }
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(tag) => (tag, true),
            None => (tag, false),
        };
        let (name, attrs) = parse_tag(tag)?;
        if open.is_empty() && !elements.is_empty() {
            return Err(format!("a second root element <{name}>"));
        }
        elements.push(Element { name, attrs, text: String::new() });
        if !empty {
            open.push(elements.len() - 1);
        }
    }
    if let Some(&i) = open.last() {
        return Err(format!("<{}> is never closed", elements[i].name));
    }
    if elements.is_empty() {
        return Err("no root element".into());
    }
    Ok(elements)
}

/// Where the tag ends: the first `>` outside a quoted attribute value.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn is_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

fn parse_tag(tag: &str) -> Result<(String, Vec<(String, String)>), String> {
    let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
    let name = &tag[..name_end];
    if !is_name(name) {
        return Err(format!("bad element name {name:?}"));
    }
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut rest = tag[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=').ok_or_else(|| format!("attribute without a value in <{name}>: {rest:?}"))?;
        let attr = rest[..eq].trim();
        if !is_name(attr) {
            return Err(format!("bad attribute name {attr:?} in <{name}>"));
        }
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| matches!(c, '"' | '\'')).ok_or("unquoted attribute value")?;
        let close = after[1..].find(quote).ok_or("attribute value never closed")? + 1;
        let raw = &after[1..close];
        if raw.contains('<') {
            return Err(format!("'<' in the value of {attr}"));
        }
        if attrs.iter().any(|(n, _)| n == attr) {
            return Err(format!("{attr} given twice in <{name}>"));
        }
        attrs.push((attr.to_owned(), unescape(raw)?));
        rest = after[close + 1..].trim_start();
        if !rest.is_empty() && !after[close + 1..].starts_with(char::is_whitespace) {
            return Err(format!("no space between attributes in <{name}>"));
        }
    }
    Ok((name.to_owned(), attrs))
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';').ok_or_else(|| format!("a bare '&' in {text:?}"))? + amp;
        let entity = &rest[amp + 1..semi];
        out.push(match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => entity.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                code.and_then(char::from_u32).ok_or_else(|| format!("unknown entity &{entity};"))?
            }
        });
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[test]
fn the_xml_reader_refuses_what_is_not_well_formed() {
    for bad in [
        "<svg><text>a</svg>",
        "<svg><text>a</text>",
        "<svg>a & b</svg>",
        "<svg a=\"1\" a=\"2\"/>",
        "<svg a=1/>",
        "<svg/><svg/>",
        "<svg a=\"<\"/>",
        "text<svg/>",
    ] {
        assert!(parse(bad).is_err(), "{bad} should be refused");
    }
    let good = parse("<svg a=\"x &amp; y\"><text>&lt;b&gt; &#39;</text><g/></svg>").unwrap();
    assert_eq!(good[0].attr("a"), Some("x & y"));
    assert_eq!(good[1].text, "<b> '");
}

// ---------------------------------------------------------------------------------------------
// The charts.

/// A chart and what it must show besides colour.
struct Case {
    name: &'static str,
    chart: Chart,
    categories: usize,
    /// Text that must be drawn: value labels, and names that tell series apart.
    labels: Vec<&'static str>,
    /// The highlighted category's label as drawn.
    highlighted: Option<&'static str>,
}

fn series(name: &str, values: &[Option<f64>]) -> Series {
    Series { name: name.into(), values: values.to_vec() }
}

fn spec(id: &str, categories: &[&str], category_label: &str, series: Vec<Series>, unit: Unit) -> ChartSpec {
    ChartSpec {
        id: id.into(),
        title: format!("Title of {id}"),
        subtitle: format!("What {id} measures"),
        source: "Northshire County Council HR system".into(),
        categories: categories.iter().map(|c| (*c).to_owned()).collect(),
        category_label: category_label.into(),
        series,
        unit,
        highlight: None,
    }
}

fn establishment() -> Chart {
    let project = sample_project();
    let input = &project.tables[0];
    let RawInput::Text(text) = &input.raw else { panic!("the sample is pasted text") };
    let figures = establishment_figures(&read_establishment(text).expect("the sample reads"));
    establishment_chart(&figures, &input.period, &input.source, "figure-1", None).expect("the sample has a chart")
}

fn age_profile() -> ChartSpec {
    spec(
        "age",
        &["Under 25", "25 to 34", "35 to 44", "45 to 54", "55 and over"],
        "Age band",
        vec![series("Social workers", &[Some(12.0), Some(1204.0), Some(31.0), None, Some(9.0)])],
        Unit::Count,
    )
}

fn two_periods() -> ChartSpec {
    spec(
        "periods",
        &["Social Worker", "Team Manager", "Senior Practitioner"],
        "Role",
        vec![
            series("2024/25", &[Some(40.69), Some(8.0), Some(12.5)]),
            series("2025/26", &[Some(42.69), Some(9.0), None]),
        ],
        Unit::Fte,
    )
}

fn neighbours() -> ChartSpec {
    let mut spec = spec(
        "neighbours",
        &["England", "Northshire", "Westshire", "Eastshire"],
        "Council",
        vec![series("Vacancy rate", &[Some(0.142), Some(0.314), Some(0.205), Some(0.098)])],
        Unit::Rate,
    );
    spec.title = "Northshire's vacancy rate is more than twice England's".into();
    spec.highlight = Some(1);
    spec
}

fn rates_over_years() -> ChartSpec {
    spec(
        "years",
        &["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"],
        "Year",
        vec![
            series("Vacancy rate", &[Some(0.251), Some(0.298), None, Some(0.356), Some(0.314)]),
            series("Agency worker rate", &[Some(0.201), Some(0.224), Some(0.262), Some(0.301), Some(0.286)]),
        ],
        Unit::Rate,
    )
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "establishment",
            chart: establishment(),
            categories: 7,
            // Segments wide enough carry their FTE; the parts are named in the legend, and every
            // figure is in the data table.
            labels: vec!["Permanent", "Agency", "Vacant, not covered by agency", "Social Worker", "27.69", "16.00"],
            highlighted: None,
        },
        Case {
            name: "bars, one series",
            chart: bar_chart(&age_profile()).unwrap(),
            categories: 5,
            labels: vec!["12", "1,204", "31", "no figure", "9", "Under 25", "55 and over"],
            highlighted: None,
        },
        Case {
            name: "bars, two series",
            chart: bar_chart(&two_periods()).unwrap(),
            categories: 3,
            labels: vec![
                "2024/25: 40.69",
                "2025/26: 42.69",
                "2024/25: 8.00",
                "2025/26: 9.00",
                "2024/25: 12.50",
                "2025/26: no figure",
                "Senior Practitioner",
            ],
            highlighted: None,
        },
        Case {
            name: "bars, highlighted",
            chart: bar_chart(&neighbours()).unwrap(),
            categories: 4,
            labels: vec!["14.2%", "31.4%", "20.5%", "9.8%", "England", "Westshire"],
            highlighted: Some("▶ Northshire"),
        },
        Case {
            name: "lines, two series",
            chart: line_chart(&rates_over_years()).unwrap(),
            categories: 5,
            labels: vec![
                "25.1%",
                "29.8%",
                "35.6%",
                "31.4%",
                "20.1%",
                "22.4%",
                "26.2%",
                "30.1%",
                "28.6%",
                "Vacancy rate",
                "Agency worker rate",
                "2021/22",
                "2025/26",
            ],
            highlighted: None,
        },
    ]
}

/// The `<text>` elements' contents, trimmed, with whether each is bold.
fn texts(elements: &[Element]) -> Vec<(String, bool)> {
    elements
        .iter()
        .filter(|e| e.name == "text")
        .map(|e| (e.text.trim().to_owned(), e.attr("font-weight") == Some("bold")))
        .collect()
}

#[test]
fn every_chart_is_accessible_labelled_tabulated_and_well_formed() {
    for case in cases() {
        let Case { name, chart, .. } = &case;
        let elements = parse(&chart.svg).unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}"));

        // The root: an image named and described by its <title> and <desc>.
        let root = &elements[0];
        assert_eq!(root.name, "svg", "{name}");
        assert_eq!(root.attr("role"), Some("img"), "{name}");
        assert_eq!(root.attr("class"), Some("chart"), "{name}");
        assert!(root.attr("viewBox").is_some(), "{name}: scales with a viewBox");
        let labelledby: Vec<&str> = root.attr("aria-labelledby").expect("aria-labelledby").split(' ').collect();
        assert_eq!(labelledby.len(), 2, "{name}");
        let by_id = |id: &str| elements.iter().find(|e| e.attr("id") == Some(id));
        let title = by_id(labelledby[0]).unwrap_or_else(|| panic!("{name}: no element {}", labelledby[0]));
        let desc = by_id(labelledby[1]).unwrap_or_else(|| panic!("{name}: no element {}", labelledby[1]));
        assert_eq!((title.name.as_str(), desc.name.as_str()), ("title", "desc"), "{name}");
        assert!(!chart.title.is_empty() && !chart.description.is_empty(), "{name}");
        assert_eq!(title.text, chart.title, "{name}");
        assert_eq!(desc.text, chart.description, "{name}");

        // What a sighted reader sees: the title first, in bold, then the subtitle and source.
        let texts = texts(&elements);
        let title_lines: Vec<&str> = texts.iter().take_while(|(_, bold)| *bold).map(|(t, _)| t.as_str()).collect();
        assert_eq!(title_lines.join(" "), chart.title, "{name}: the drawn title");
        let all: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
        let all = all.join(" ");
        assert!(!chart.subtitle.is_empty() && all.contains(&chart.subtitle), "{name}: subtitle {:?}", chart.subtitle);
        assert!(all.contains(&format!("Source: {}", chart.source)), "{name}: source line");

        // The figures as a table: a header, and a row a category as wide as the header.
        let data = &chart.data;
        assert!(data.header.len() >= 2, "{name}: {:?}", data.header);
        assert_eq!(data.rows.len(), case.categories, "{name}");
        for row in &data.rows {
            assert_eq!(row.len(), data.header.len(), "{name}: {row:?}");
            assert!(row.iter().all(|cell| !cell.is_empty()), "{name}: {row:?}");
        }

        // Not colour alone: the labels are drawn as text.
        for label in &case.labels {
            assert!(texts.iter().any(|(t, _)| t == label), "{name}: no text {label:?} in {texts:?}");
        }
        // A highlight is bold and marked; nothing else is marked.
        let marked: Vec<&(String, bool)> = texts.iter().filter(|(t, _)| t.starts_with('▶')).collect();
        match case.highlighted {
            Some(label) => assert_eq!(marked, [&(label.to_owned(), true)], "{name}"),
            None => assert!(marked.is_empty(), "{name}: {marked:?}"),
        }
    }
}

#[test]
fn establishment_chart_tabulates_each_role() {
    let chart = establishment();
    assert_eq!(chart.data.header, ["Role", "Establishment", "Permanent", "Agency", "Vacant, not covered by agency"]);
    assert_eq!(chart.data.rows.len(), 7);
    let social_workers = chart.data.rows.iter().find(|row| row[0] == "Social Worker").expect("a Social Worker row");
    assert_eq!(social_workers, &["Social Worker", "42.69", "27.69", "16.00", "0.00"]);
    assert_eq!(chart.subtitle, "Establishment by role, 2025/26, full-time equivalent (FTE)");
    assert_eq!(chart.source, sample_project().tables[0].source);
}

#[test]
fn general_charts_tabulate_formatted_figures_with_n_a_for_no_figure() {
    let chart = bar_chart(&two_periods()).unwrap();
    assert_eq!(chart.data.header, ["Role", "2024/25", "2025/26"]);
    assert_eq!(chart.data.rows[2], ["Senior Practitioner", "12.50", "n/a"]);

    let chart = bar_chart(&age_profile()).unwrap();
    assert_eq!(chart.data.header, ["Age band", "Social workers"]);
    assert_eq!(chart.data.rows[1], ["25 to 34", "1,204"]);
    assert_eq!(chart.data.rows[3], ["45 to 54", "n/a"]);

    let mut unlabelled = neighbours();
    unlabelled.category_label = String::new();
    assert_eq!(bar_chart(&unlabelled).unwrap().data.header, ["Category", "Vacancy rate"]);
}

#[test]
fn descriptions_give_the_kind_what_is_measured_and_every_figure() {
    let chart = bar_chart(&neighbours()).unwrap();
    assert_eq!(
        chart.description,
        "Horizontal bar chart: What neighbours measures. England: 14.2%; Northshire (highlighted): 31.4%; \
         Westshire: 20.5%; Eastshire: 9.8%."
    );
    let chart = bar_chart(&two_periods()).unwrap();
    assert_eq!(
        chart.description,
        "Grouped horizontal bar chart: What periods measures, with bars for 2024/25 and 2025/26 side by side. \
         Social Worker: 2024/25 40.69, 2025/26 42.69; Team Manager: 2024/25 8.00, 2025/26 9.00; \
         Senior Practitioner: 2024/25 12.50, 2025/26 no figure."
    );
    let chart = line_chart(&rates_over_years()).unwrap();
    assert_eq!(
        chart.description,
        "Line chart: What years measures, one line each for Vacancy rate and Agency worker rate. \
         Vacancy rate: 2021/22 25.1%, 2022/23 29.8%, 2023/24 no figure, 2024/25 35.6%, 2025/26 31.4%; \
         Agency worker rate: 2021/22 20.1%, 2022/23 22.4%, 2023/24 26.2%, 2024/25 30.1%, 2025/26 28.6%."
    );
}

/// The elements drawn filled in `colour`, by element name.
fn filled<'a>(elements: &'a [Element], name: &str, colour: &str) -> Vec<&'a Element> {
    elements.iter().filter(|e| e.name == name && e.attr("fill") == Some(colour)).collect()
}

#[test]
fn two_series_use_the_two_colour_pair_and_more_the_palette_in_order() {
    let elements = parse(&bar_chart(&two_periods()).unwrap().svg).unwrap();
    // Five bars (one figure is missing) and a legend swatch for each series.
    assert_eq!(filled(&elements, "rect", DARK_BLUE).len(), 3 + 1);
    assert_eq!(filled(&elements, "rect", ORANGE).len(), 2 + 1);
    assert!(filled(&elements, "rect", TURQUOISE).is_empty());

    let mut three = two_periods();
    three.series.push(series("2026/27", &[Some(1.0), Some(2.0), Some(3.0)]));
    let elements = parse(&bar_chart(&three).unwrap().svg).unwrap();
    assert_eq!(filled(&elements, "rect", DARK_BLUE).len(), 3 + 1);
    assert_eq!(filled(&elements, "rect", TURQUOISE).len(), 2 + 1);
    assert!(texts(&elements).iter().any(|(t, _)| t == "2026/27: 3.00"));
}

#[test]
fn the_highlighted_bar_is_orange_and_the_others_dark_blue() {
    let elements = parse(&bar_chart(&neighbours()).unwrap().svg).unwrap();
    assert_eq!(filled(&elements, "rect", ORANGE).len(), 1);
    assert_eq!(filled(&elements, "rect", DARK_BLUE).len(), 3);
    let bold: Vec<String> = texts(&elements).into_iter().filter(|(_, b)| *b).map(|(t, _)| t).collect();
    assert_eq!(bold, ["Northshire's vacancy rate is more than twice England's", "▶ Northshire"]);
    // Rates are read in per cent on an axis from 0.
    let drawn = texts(&elements);
    assert!(drawn.iter().any(|(t, _)| t == "0%"), "{drawn:?}");
    assert!(drawn.iter().any(|(t, _)| t == "Per cent"));

    // In grouped bars the series keep their colours and the highlight is the marked label.
    let mut grouped = two_periods();
    grouped.highlight = Some(0);
    let elements = parse(&bar_chart(&grouped).unwrap().svg).unwrap();
    assert!(texts(&elements).contains(&("▶ Social Worker".to_owned(), true)));
    assert_eq!(filled(&elements, "rect", ORANGE).len(), 2 + 1);
    // A highlight past the last category is ignored.
    grouped.highlight = Some(9);
    assert!(!bar_chart(&grouped).unwrap().svg.contains('▶'));
}

#[test]
fn each_line_has_its_own_marker_shape_breaks_at_a_missing_figure_and_is_named_at_its_end() {
    let chart = line_chart(&rates_over_years()).unwrap();
    let elements = parse(&chart.svg).unwrap();
    // Circles for the first series: four points, the legend, the line's end label.
    assert_eq!(filled(&elements, "circle", DARK_BLUE).len(), 4 + 2);
    // Squares for the second: five points, the legend, the end label.
    assert_eq!(filled(&elements, "rect", ORANGE).len(), 5 + 2);
    assert!(filled(&elements, "circle", ORANGE).is_empty());
    // The first line is broken at 2023/24: two stretches and the legend's sample line.
    let lines =
        |colour: &str| elements.iter().filter(|e| e.name == "polyline" && e.attr("stroke") == Some(colour)).count();
    assert_eq!(lines(DARK_BLUE), 2 + 1);
    assert_eq!(lines(ORANGE), 1 + 1);

    let mut four = rates_over_years();
    four.series.push(series("Turnover rate", &[Some(0.1), Some(0.2), Some(0.15), Some(0.12), Some(0.11)]));
    four.series.push(series("Leavers rate", &[Some(0.05), Some(0.06), Some(0.07), Some(0.08), Some(0.09)]));
    let elements = parse(&line_chart(&four).unwrap().svg).unwrap();
    // Third and fourth series: triangles and diamonds.
    let polygons = |colour: &str| filled(&elements, "polygon", colour).len();
    assert_eq!(polygons("#801650"), 5 + 2);
    assert_eq!(polygons("#F46A25"), 5 + 2);
}

#[test]
fn bar_charts_grow_with_their_categories() {
    let height = |chart: Chart| parse(&chart.svg).unwrap()[0].attr("height").unwrap().parse::<u32>().unwrap();
    let mut few = age_profile();
    few.categories.truncate(2);
    assert!(height(bar_chart(&age_profile()).unwrap()) > height(bar_chart(&few).unwrap()));
}

#[test]
fn nothing_to_draw_gives_no_chart() {
    let mut empty = age_profile();
    empty.categories.clear();
    assert_eq!(bar_chart(&empty), None);
    assert_eq!(line_chart(&empty), None);

    let mut no_figures = two_periods();
    for s in &mut no_figures.series {
        s.values = vec![None, Some(f64::NAN), Some(f64::INFINITY)];
    }
    assert_eq!(bar_chart(&no_figures), None);
    assert_eq!(line_chart(&no_figures), None);

    let mut no_series = two_periods();
    no_series.series.clear();
    assert_eq!(bar_chart(&no_series), None);

    let mut five = two_periods();
    for name in ["a", "b", "c"] {
        five.series.push(series(name, &[Some(1.0)]));
    }
    assert_eq!(bar_chart(&five), None, "more than four series");
}

#[test]
fn missing_and_unreadable_figures_are_said_as_no_figure() {
    let mut spec = age_profile();
    // Too short a series, and a figure that is not a number.
    spec.series[0].values = vec![Some(5.0), Some(f64::NAN)];
    for chart in [bar_chart(&spec).unwrap(), line_chart(&spec).unwrap()] {
        assert!(chart.description.ends_with(
            "Under 25: 5; 25 to 34: no figure; 35 to 44: no figure; 45 to 54: no figure; 55 and over: no figure."
        ));
        assert!(chart.data.rows[1..].iter().all(|row| row[1] == "n/a"));
        assert!(!chart.svg.contains("NaN"));
    }
    let elements = parse(&bar_chart(&spec).unwrap().svg).unwrap();
    assert_eq!(texts(&elements).iter().filter(|(t, _)| t == "no figure").count(), 4);
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let mut spec = two_periods();
    spec.id = "fig\"<1>".into();
    spec.title = "Pay <&> 'conditions'".into();
    spec.subtitle = "FTE & <b>bold</b>".into();
    spec.source = "HR <system> & \"payroll\"".into();
    spec.categories[0] = "R&D <team>".into();
    spec.series[0].name = "<i>2024</i>".into();
    spec.highlight = Some(0);
    for chart in [bar_chart(&spec).unwrap(), line_chart(&spec).unwrap()] {
        let elements = parse(&chart.svg).unwrap_or_else(|e| panic!("not well-formed: {e}"));
        assert!(!chart.svg.contains("<b>") && !chart.svg.contains("<i>") && !chart.svg.contains("<team>"));
        let texts = texts(&elements);
        for drawn in ["Pay <&> 'conditions'", "FTE & <b>bold</b>", "Source: HR <system> & \"payroll\"", "▶ R&D <team>"]
        {
            assert!(texts.iter().any(|(t, _)| t == drawn), "{drawn:?} in {texts:?}");
        }
        let title = elements.iter().find(|e| e.name == "title").unwrap();
        assert_eq!(title.text, "Pay <&> 'conditions'");
        assert_eq!(title.attr("id"), Some("fig\"<1>-title"));
        assert!(chart.description.contains("R&D <team> (highlighted)"));
        assert_eq!(chart.data.header[1], "<i>2024</i>");
    }
}

#[test]
fn long_titles_wrap_rather_than_run_off_the_chart() {
    let mut spec = neighbours();
    spec.title = "Northshire's vacancy rate for children's social workers is more than twice the rate \
                  for England and the highest of its statistical neighbours"
        .into();
    let chart = bar_chart(&spec).unwrap();
    let elements = parse(&chart.svg).unwrap();
    let texts = texts(&elements);
    let lines: Vec<&str> = texts.iter().take_while(|(_, bold)| *bold).map(|(t, _)| t.as_str()).collect();
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= 74), "{lines:?}");
    assert_eq!(lines.join(" "), chart.title);
    // The title's lines, and no other text, are marked for the app to lay its field over.
    let marked: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "text" && e.attr("class") == Some("chart-title"))
        .map(|e| e.text.trim())
        .collect();
    assert_eq!(marked, lines);
}

#[test]
fn units_print_in_the_papers_number_style() {
    for (unit, value, expected) in [
        (Unit::Fte, 12.5, "12.50"),
        (Unit::Fte, 1234.567, "1,234.57"),
        (Unit::Rate, 0.314, "31.4%"),
        (Unit::Count, 1204.0, "1,204"),
        (Unit::Count, 36186.4, "36,186"),
        (Unit::Pounds, 4137.8, "£4,137.80"),
        (Unit::Pounds, 120000.0, "£120,000"),
        (Unit::Pounds, -300.0, "-£300"),
    ] {
        assert_eq!(unit.format(value), expected, "{unit:?} {value}");
    }
}

/// The category labels as drawn, line by line: the text right-aligned against the plot's left
/// edge, with each line's y.
fn category_label_lines(elements: &[Element]) -> Vec<(String, f64)> {
    let y = |e: &Element| e.attr("y").and_then(|y| y.parse::<f64>().ok()).expect("a y");
    elements
        .iter()
        .filter(|e| e.name == "text" && e.attr("text-anchor") == Some("end"))
        .map(|e| (e.text.trim().to_owned(), y(e)))
        .collect()
}

/// The y of the value axis' first tick label, "0", below the bars.
fn axis_labels_y(elements: &[Element]) -> f64 {
    let zero = elements.iter().find(|e| e.name == "text" && e.text.trim() == "0").expect("a 0 tick");
    zero.attr("y").unwrap().parse().unwrap()
}

/// Text with its spaces, and the highlight's mark, taken out: what wrapping must keep.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '▶').collect()
}

fn long_labels_establishment() -> Chart {
    let text = "Role\tEstablishment\tPermanent\tAgency\tVacant\n\
                Approved Mental Health Professional\t4.00\t2.60\t1.00\t1.40\n\
                Head of Adult Social Care\t1.00\t1.00\t0.00\t0.00\n\
                Independent Reviewing Officer and Child Protection Conference Chair\t6.00\t4.00\t1.00\t2.00\n";
    let figures = establishment_figures(&read_establishment(text).expect("the table reads"));
    establishment_chart(&figures, "2025/26", "HR", "long", None).expect("a chart")
}

#[test]
fn long_category_labels_wrap_in_full_without_overlapping() {
    let reasons =
        ["Resignation - relocation outside the area", "Resignation - relocation within the area", "Retirement"];
    let mut one =
        spec("reasons", &reasons, "Reason", vec![series("Leavers", &[Some(3.0), Some(3.0), Some(1.0)])], Unit::Count);
    one.highlight = Some(1);
    let roles = ["Approved Mental Health Professional", "Social Worker", "Head of Adult Social Care"];
    let two = series("2025/26", &[Some(4.0), Some(22.0), Some(1.0)]);
    let grouped =
        spec("roles", &roles, "Role", vec![series("2024/25", &[Some(3.0), Some(20.0), Some(1.0)]), two], Unit::Fte);
    let establishment_roles = [
        "Approved Mental Health Professional",
        "Head of Adult Social Care",
        "Independent Reviewing Officer and Child Protection Conference Chair",
    ];
    let cases: [(&str, Chart, &[&str]); 4] = [
        ("one series, highlighted", bar_chart(&one).unwrap(), &reasons),
        ("grouped", bar_chart(&grouped).unwrap(), &roles),
        ("stacked", stacked_bar_chart(&grouped).unwrap(), &roles),
        ("establishment", long_labels_establishment(), &establishment_roles),
    ];
    for (name, chart, categories) in cases {
        let elements = parse(&chart.svg).unwrap();
        let lines = category_label_lines(&elements);
        let drawn: String = lines.iter().map(|(t, _)| letters(t)).collect();
        let whole: String = categories.iter().map(|c| letters(c)).collect();
        if name == "establishment" {
            // Only a name too long for three lines is cut, at the end of its third line.
            assert_eq!(lines.iter().filter(|(t, _)| t.contains('…')).count(), 1, "{name}: {lines:?}");
            assert!(
                lines.iter().filter(|(t, _)| t.contains('…')).all(|(t, _)| *t == "Protection Conference…"),
                "{lines:?}"
            );
        } else {
            assert_eq!(drawn, whole, "{name}: every label whole, in order: {lines:?}");
        }
        assert!(lines.iter().all(|(t, _)| t.trim_start_matches("▶ ").chars().count() <= 22), "{name}: {lines:?}");
        assert!(lines.iter().any(|(t, _)| t == "Approved Mental" || t == "Resignation -"), "{name}: {lines:?}");
        // Lines never overlap: each at least a line of 14px text below the one before, and all
        // above the value axis' labels.
        for pair in lines.windows(2) {
            assert!(pair[1].1 - pair[0].1 >= 14.0, "{name}: {pair:?}");
        }
        let axis = axis_labels_y(&elements);
        assert!(lines.iter().all(|(_, y)| *y + 8.0 < axis), "{name}: {lines:?} above the axis at {axis}");
    }
}

#[test]
fn the_sample_leavers_and_establishment_charts_name_every_category_in_full() {
    let report = build_report(&Template::AdultVacanciesRisk.project());
    let mut seen = 0;
    for chart in report.charts().filter(|c| ["Reason", "Role"].contains(&c.data.header[0].as_str())) {
        let lines = category_label_lines(&parse(&chart.svg).unwrap());
        let drawn: String = lines.iter().map(|(t, _)| letters(t)).collect();
        let whole: String = chart.data.rows.iter().map(|row| letters(&row[0])).collect();
        assert_eq!(drawn, whole, "{}: {lines:?}", chart.title);
        seen += 1;
    }
    assert!(seen >= 2, "the adult template has a leavers chart and an establishment chart");
}

#[test]
fn a_one_row_chart_s_axis_ends_close_above_its_figure() {
    for (value, end) in [(106.0, "120"), (9.0, "10"), (240.0, "300"), (1204.0, "1,500")] {
        let spec = spec("one", &["Social Worker"], "Role", vec![series("FTE", &[Some(value)])], Unit::Count);
        let elements = parse(&bar_chart(&spec).unwrap().svg).unwrap();
        let ticks: Vec<String> = elements
            .iter()
            .filter(|e| e.name == "text" && e.attr("text-anchor") == Some("middle"))
            .map(|e| e.text.trim().to_owned())
            .filter(|t| t.chars().all(|c| c.is_ascii_digit() || c == ','))
            .collect();
        assert_eq!(ticks.last().map(String::as_str), Some(end), "{value}: {ticks:?}");
    }
}

/// An establishment chart for a pasted table, titled by the chart itself.
fn establishment_of(text: &str) -> Chart {
    let figures = establishment_figures(&read_establishment(text).expect("the table reads"));
    establishment_chart(&figures, "2025/26", "HR", "figure", None).expect("a chart")
}

/// A figure as printed, back to a number.
fn figure(cell: &str) -> f64 {
    cell.replace(',', "").parse().unwrap_or_else(|_| panic!("a figure: {cell:?}"))
}

#[test]
fn the_establishment_chart_s_vacant_part_agrees_with_the_table() {
    // The sample's own roles, and one with posts but no one in them that the table does not
    // count as vacant (frozen posts, say).
    let mut project = sample_project();
    let RawInput::Text(text) = &project.tables[0].raw else { panic!("the sample is pasted text") };
    let text = text.replacen("Total", "Practice Educator\t2.00\t0.00\t0.00\t0.00\t2.00\nTotal", 1);
    project.tables[0].raw = RawInput::Text(text);
    let report = build_report(&project);
    let table = report.tables().find(|t| t.caption.contains("Establishment by role")).expect("the table");
    let chart = report.charts().find(|c| c.data.header[0] == "Role").expect("the chart");
    let column = |name: &str| table.header.iter().position(|h| h == name).unwrap();
    let (establishment, permanent, agency, vacant) =
        (column("Establishment"), column("Permanent"), column("Agency"), column("Vacant"));
    assert_eq!(chart.data.rows.len(), table.rows.len());
    for (drawn, printed) in chart.data.rows.iter().zip(&table.rows) {
        let role = &printed[0];
        assert_eq!(drawn[0], *role);
        let cells = [&printed[establishment], &printed[permanent], &printed[agency]];
        assert_eq!(drawn[1..4], cells.map(String::to_owned), "{role}: the bars are the table's figures");
        // The uncovered vacancies are some of the table's vacancies, never more.
        assert!(figure(&drawn[4]) <= figure(&printed[vacant]), "{role}: {drawn:?} against {printed:?}");
    }
    let educator = chart.data.rows.iter().find(|r| r[0] == "Practice Educator").unwrap();
    assert_eq!(educator[4], "0.00", "the table says Vacant 0.00, so no vacant part is drawn");
    assert!(chart.description.contains(
        "Practice Educator: establishment 2.00, permanent 0.00, agency 0.00, vacant and not covered 0.00, \
         and 2.00 neither filled nor counted as vacant."
    ));
    // One vacant (dark pink) segment a role with uncovered vacancies, and the legend's swatch.
    let uncovered = chart.data.rows.iter().filter(|r| figure(&r[4]) > 0.0).count();
    let elements = parse(&chart.svg).unwrap();
    assert_eq!(filled(&elements, "rect", "#801650").len(), uncovered + 1);
}

#[test]
fn the_establishment_chart_s_title_says_what_its_figure_counts() {
    let head = "Role\tEstablishment\tPermanent\tAgency\tVacant\n";
    let cases = [
        // Social Worker: 16.00 agency for 15.00 posts without a permanent holder, so the figure is
        // agency plus uncovered vacancies, not "posts not filled by permanent staff".
        (
            "Social Worker\t42.69\t27.69\t16.00\t15.00\nTeam Manager\t9.00\t7.00\t2.00\t2.00\n",
            "Social Worker has the most agency workers and uncovered vacancies (16 FTE)",
        ),
        (
            "Team Manager\t9.00\t7.00\t1.00\t2.00\nSenior Practitioner\t6.00\t4.00\t0.00\t2.00\nSocial Worker\t4.00\t3.00\t1.00\t1.00\n",
            "Team Manager and Senior Practitioner have the most agency workers and uncovered vacancies (2 FTE each)",
        ),
        (
            "Social Worker\t2469.00\t1234.50\t1000.00\t1234.50\n",
            "Social Worker has the most agency workers and uncovered vacancies (1,234.5 FTE)",
        ),
        ("Social Worker\t4.00\t4.00\t0.00\t0.00\n", "Every post is filled by permanent staff"),
        ("Practice Educator\t2.00\t0.00\t0.00\t0.00\n", "No role has agency workers or uncovered vacancies"),
    ];
    for (rows, expected) in cases {
        assert_eq!(establishment_of(&format!("{head}{rows}")).title, expected, "{rows}");
    }
}

/// The picture the Word file uses shows the legend and plot but not the title, subtitle and
/// source, which Word prints as text beside it: each is then given once.
#[test]
fn the_picture_for_word_leaves_out_the_words_printed_around_it() {
    let report_charts = wrb::engine::sample::Template::ALL
        .iter()
        .map(|t| t.project())
        .chain([sample_project()])
        .flat_map(|p| wrb::engine::report::build_report_reading_files(&p).charts().cloned().collect::<Vec<_>>());
    let charts: Vec<Chart> = cases().into_iter().map(|c| c.chart).chain(report_charts).collect();
    assert!(charts.len() > 8, "the templates' charts are looked at too");
    for chart in &charts {
        let picture = parse(&chart.picture_svg()).unwrap_or_else(|e| panic!("{}: not well-formed: {e}", chart.title));
        let view: Vec<f64> = picture[0].attr("viewBox").unwrap().split(' ').map(|n| n.parse().unwrap()).collect();
        assert_eq!(picture[0].attr("height").unwrap().parse::<f64>().unwrap(), view[3], "{}", chart.title);
        let (top, bottom) = (view[1], view[1] + view[3]);
        // The frame draws its words first: the title's lines, the subtitle's, the source's.
        let words = format!("{} {} Source: {}", chart.title, chart.subtitle, chart.source);
        let words: Vec<&str> = words.split_whitespace().collect();
        let texts: Vec<(&Element, f64)> = picture
            .iter()
            .filter(|e| e.name == "text")
            .map(|e| (e, e.attr("y").unwrap().parse::<f64>().unwrap()))
            .collect();
        let mut said = 0;
        let mut framed = 0;
        while said < words.len() {
            said += texts[framed].0.text.split_whitespace().count();
            framed += 1;
        }
        assert_eq!(said, words.len(), "{}: the first texts are the frame's words", chart.title);
        for (i, (text, y)) in texts.iter().enumerate() {
            let shown = *y >= top && *y < bottom;
            assert_eq!(shown, i >= framed, "{}: “{}” at y={y}, view {top} to {bottom}", chart.title, text.text);
        }
        // Nothing else is cut: the view is as wide as the chart and only its frame is lost.
        let whole = parse(&chart.svg).unwrap();
        let full_height: f64 = whole[0].attr("height").unwrap().parse().unwrap();
        assert!(bottom <= full_height && top > 0.0, "{}", chart.title);
    }
}
