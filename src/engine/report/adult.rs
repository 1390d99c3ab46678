//! The adult social care benchmark in the report: a council beside England (or the median
//! across councils), its region and every council, from a comparison file (Oflog, LG Inform,
//! Skills for Care). Its table, its chart and its live figures all read [`AreaBenchmark`].

use super::facts::{council_among, Facts};
use super::{caption, chosen, source_note, table, Block, Counters, NOT_AVAILABLE};
use crate::engine::chart::{ranked_chart, Chart, RankedSpec, Unit};
use crate::engine::metrics::areas::{compare, definition, resolve, AreaFigures, Middle, RegionFigure, Resolved};
use crate::engine::model::{AreaChoice, AreaLevel, Comparison, ComparisonMeasure};

/// The comparison the report shows: the file, what was chosen, and each period's figures.
pub struct AreaBenchmark<'f> {
    pub source: &'f str,
    pub file: &'f Comparison,
    pub choice: Resolved,
    /// Oldest first; the chosen period last.
    pub years: Vec<AreaFigures>,
}

impl AreaBenchmark<'_> {
    pub fn measure(&self) -> &ComparisonMeasure {
        &self.file.measures[self.choice.measure]
    }

    /// The chosen period's figures.
    pub fn latest(&self) -> &AreaFigures {
        self.years.last().expect("a comparison has at least one period")
    }

    /// The unit its figures are printed in: percentages as the report prints rates.
    pub fn unit(&self) -> Unit {
        unit_of(self.measure())
    }

    /// A figure as the file gives it (28.0 for 28.0%), in the report's number style.
    pub fn format(&self, value: f64) -> String {
        figure(self.measure(), value)
    }

    /// The measure in a sentence: "workforce turnover rate" from "Outcome, Workforce turnover rate".
    pub fn measure_words(&self) -> String {
        let name = self.measure().name.trim();
        let name = ["Outcome, ", "Outcome: ", "Outcome - "].iter().find_map(|p| name.strip_prefix(p)).unwrap_or(name);
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            // "ASC Quality of Life" keeps its capitals; "Workforce turnover" does not.
            (Some(first), Some(second)) if !second.is_uppercase() => {
                format!("{}{}", crate::engine::case::lower_char(first), &name[first.len_utf8()..])
            }
            _ => name.to_owned(),
        }
    }

    /// "Social worker, Local authority (adult services)": the job role and sector compared.
    pub fn who(&self) -> String {
        [self.choice.role.as_str(), self.choice.sector.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn period_words(&self) -> String {
        let period = &self.latest().period;
        if period.is_empty() {
            "the file's period".to_owned()
        } else {
            period.clone()
        }
    }
}

fn unit_of(measure: &ComparisonMeasure) -> Unit {
    if measure.percent {
        Unit::Rate
    } else {
        Unit::Decimal(measure.places)
    }
}

/// A measure's figure as the file gives it (28.0 for 28.0%), in the report's number style:
/// the report's blocks and live figures, and the Benchmarks panel, print it the same.
pub fn figure(measure: &ComparisonMeasure, value: f64) -> String {
    match unit_of(measure) {
        Unit::Rate => Unit::Rate.format(value / 100.0),
        unit => unit.format(value),
    }
}

/// A region's row label: its name, or "… (mean of its councils)" where the file has no row.
pub fn region_label(region: &RegionFigure) -> String {
    match region {
        RegionFigure::Published { name, .. } => name.clone(),
        RegionFigure::MeanOfCouncils { name, .. } => format!("{name} (mean of its councils)"),
    }
}

impl Facts<'_> {
    /// The adult benchmark, or why there is none: no comparison file, no council chosen (and
    /// none named as in the title block), or a choice the file does not hold.
    pub fn areas(&self) -> Result<AreaBenchmark<'_>, String> {
        let (source, file) = match &self.tables.comparison {
            None => return Err(self.missing("no comparison file (Oflog, LG Inform or Skills for Care) has been added")),
            Some(Err(message)) => return Err(message.clone()),
            Some(Ok((source, file))) => (source.as_str(), &**file),
        };
        let chosen = &self.settings.areas;
        let council = match &chosen.council {
            Some(council) => council.clone(),
            None => {
                let councils = file.rows.iter().filter(|r| r.level == AreaLevel::Council).map(|r| r.area.as_str());
                council_among(councils, &self.title_block.council).ok_or_else(|| {
                    "choose the council to compare under Benchmarks: the comparison file has no council named as in \
                     the title block"
                        .to_owned()
                })?
            }
        };
        let choice = AreaChoice { council: Some(council.clone()), ..chosen.clone() };
        let choice = resolve(file, &choice).ok_or_else(|| {
            format!(
                "the comparison file has no figures for {council} with the measure, period, job role or sector chosen"
            )
        })?;
        let years = compare(file, &choice);
        Ok(AreaBenchmark { source, file, choice, years })
    }
}

/// The council beside England or the median, and its region, over up to four periods, with
/// its rank and quartile; the measure's definition and the bases in the notes.
pub fn table_block(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let b = facts.areas()?;
    let latest = b.latest();
    let council = &b.choice.council;
    let shown = |v: Option<f64>| v.map_or(NOT_AVAILABLE.to_owned(), |v| b.format(v));
    let across = |f: &dyn Fn(&AreaFigures) -> String| -> Vec<String> { b.years.iter().map(f).collect() };
    let middle_label = latest.middle().map_or("England", Middle::label);
    let region_label = latest.region.as_ref().map_or_else(|| "Region".to_owned(), region_label);
    let mut rows = vec![
        row(council, across(&|y| shown(y.council.ok()))),
        row(middle_label, across(&|y| shown(y.middle().map(Middle::value)))),
        row(&region_label, across(&|y| shown(y.region.as_ref().map(RegionFigure::value)))),
        row(
            "Rank among councils (1 = lowest)",
            across(&|y| y.rank.map_or(NOT_AVAILABLE.into(), |(r, of)| format!("{r} of {of}"))),
        ),
        row("Quartile (1 = lowest quarter)", across(&|y| y.quartile.map_or(NOT_AVAILABLE.into(), |q| q.to_string()))),
    ];
    if latest.region.is_none() {
        rows.remove(2);
    }
    let mut notes = Vec::new();
    if let Some(definition) = definition(&b.measure().name) {
        notes.push(definition.to_owned());
    }
    if !b.who().is_empty() {
        notes.push(format!("Compared for: {}.", b.who()));
    }
    notes.extend(bases(latest));
    for year in &b.years {
        if let Err(why) = year.council {
            let period = if year.period.is_empty() { String::new() } else { format!(" for {}", year.period) };
            notes.push(format!("{NOT_AVAILABLE}: {council}'s figure{period} {}.", why.describe()));
        }
    }
    notes.push(source_note(b.source));
    let periods: Vec<String> =
        b.years.iter().map(|y| if y.period.is_empty() { "Figure".into() } else { y.period.clone() }).collect();
    let header: Vec<&str> = std::iter::once("Area").chain(periods.iter().map(String::as_str)).collect();
    let generated = format!(
        "{council} compared with {}{}: {}",
        if latest.england.is_some() { "England" } else { "the median across councils" },
        match &latest.region {
            Some(r) => format!(" and {}", region_name(r)),
            None => String::new(),
        },
        b.measure_words()
    );
    Ok(vec![Block::Table(table(caption(counters, generated, title), &header, rows, notes))])
}

fn region_name(region: &RegionFigure) -> &str {
    match region {
        RegionFigure::Published { name, .. } | RegionFigure::MeanOfCouncils { name, .. } => name,
    }
}

fn row(label: &str, cells: Vec<String>) -> Vec<String> {
    std::iter::once(label.to_owned()).chain(cells).collect()
}

/// Says what the council is set beside, and how the region's figure was found.
fn bases(latest: &AreaFigures) -> Vec<String> {
    let mut notes = Vec::new();
    match latest.middle() {
        Some(Middle::England(_)) => {}
        Some(Middle::PublishedMedian(_)) => notes.push(
            "The file has no England figure: the council is set beside the median across councils, as the file \
             publishes it."
                .to_owned(),
        ),
        Some(Middle::Median(_)) => notes.push(format!(
            "The file has no England figure: the council is set beside the median of the {} councils with a figure.",
            latest.councils.len()
        )),
        None => notes.push(format!("{NOT_AVAILABLE}: no council has a figure to compare with.")),
    }
    if let Some(RegionFigure::MeanOfCouncils { name, councils, .. }) = &latest.region {
        notes.push(format!(
            "The file has no figure for {name}: the mean of its {councils} councils with a figure is shown."
        ));
    }
    notes
}

/// Every council's figure as a column, lowest to highest, this council dark and named, with
/// England's figure (or the median) and the region's drawn across.
pub fn chart_block(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let b = facts.areas()?;
    let latest = b.latest();
    let council = &b.choice.council;
    let highlight = latest
        .councils
        .iter()
        .position(|(name, _)| name == council)
        .ok_or_else(|| format!("{council} has no figure for {} to chart", b.period_words()))?;
    let scale = |v: f64| if b.unit() == Unit::Rate { v / 100.0 } else { v };
    let mut lines = Vec::new();
    if let Some(middle) = latest.middle() {
        lines.push((middle.label().to_owned(), scale(middle.value())));
    }
    if let Some(region) = &latest.region {
        let name = match region {
            RegionFigure::Published { name, .. } => name.clone(),
            RegionFigure::MeanOfCouncils { name, .. } => format!("{name} (mean)"),
        };
        lines.push((name, scale(region.value())));
    }
    let (rank, of) = latest.rank.unwrap_or((highlight + 1, latest.councils.len()));
    let ours = latest.councils[highlight].1;
    let generated = match latest.middle() {
        Some(middle) => format!(
            "{council}'s {} was {} {} in {} (rank {rank} of {of}, 1 = lowest)",
            b.measure_words(),
            side(ours, middle.value()),
            match middle {
                Middle::England(_) => "England's",
                _ => "the median across councils",
            },
            b.period_words()
        ),
        None => format!("{council}'s {} in {}: rank {rank} of {of} (1 = lowest)", b.measure_words(), b.period_words()),
    };
    let who = if b.who().is_empty() { String::new() } else { format!(", {}", b.who()) };
    let subtitle = format!("{}{who}, every council, {}", b.measure().name.trim(), b.period_words());
    let subtitle = match definition(&b.measure().name) {
        Some(definition) => format!("{subtitle}. {definition}"),
        None => subtitle,
    };
    ranked_chart(&RankedSpec {
        id: id.to_owned(),
        title: chosen(title, generated),
        subtitle,
        source: b.source.to_owned(),
        councils: latest.councils.iter().map(|(n, v)| (n.clone(), scale(*v))).collect(),
        highlight,
        lines,
        unit: b.unit(),
    })
    .ok_or_else(|| "there are no figures to chart".to_owned())
}

/// "above", "below" or "level with": level within half the last printed place.
pub fn side(ours: f64, theirs: f64) -> &'static str {
    if (ours - theirs).abs() < 0.05 {
        "level with"
    } else if ours > theirs {
        "above"
    } else {
        "below"
    }
}

/// The live figures' values.
pub mod figures {
    use super::*;

    pub fn council(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let latest = b.latest();
        latest.council.map(|v| b.format(v)).map_err(|why| format!("{}'s figure {}", b.choice.council, why.describe()))
    }

    pub fn middle(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let middle = b.latest().middle().ok_or("no council has a figure to compare with")?;
        Ok(b.format(middle.value()))
    }

    /// "below the median across councils of 28.0% (2022-23)".
    pub fn against(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let latest = b.latest();
        let ours = latest.council.map_err(|why| format!("{}'s figure {}", b.choice.council, why.describe()))?;
        let middle = latest.middle().ok_or("no council has a figure to compare with")?;
        let whose = match middle {
            Middle::England(_) => "the England figure",
            _ => "the median across councils",
        };
        Ok(format!("{} {whose} of {} ({})", side(ours, middle.value()), b.format(middle.value()), b.period_words()))
    }

    pub fn region(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let region = b.latest().region.as_ref().ok_or("the comparison file gives no region for the council")?;
        Ok(b.format(region.value()))
    }

    pub fn rank(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let (rank, of) = b.latest().rank.ok_or("the council has no figure to rank")?;
        Ok(format!("{} of {of}", ordinal(rank)))
    }

    /// "1st", "2nd", "3rd", "11th", "22nd".
    pub fn ordinal(n: usize) -> String {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }

    pub fn quartile(f: &Facts) -> Result<String, String> {
        let b = f.areas()?;
        let quartile = b.latest().quartile.ok_or("the council has no figure to rank")?;
        let words = ["lowest", "second-lowest", "second-highest", "highest"][usize::from(quartile.clamp(1, 4)) - 1];
        Ok(format!("the {words} quarter of councils"))
    }

    pub fn period(f: &Facts) -> Result<String, String> {
        f.areas().map(|b| b.period_words())
    }

    pub fn measure(f: &Facts) -> Result<String, String> {
        f.areas().map(|b| b.measure_words())
    }
}
