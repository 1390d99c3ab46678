//! Live figures in the officer's prose: `{vacancy rate}` in a paragraph becomes "31.4%" in the
//! report, and follows the data when a table changes. `{vacancy rate, earlier}` takes the
//! earlier period's figure. Unknown names and missing figures are shown, never silently blank.

use super::facts::{period_name, Facts};
use super::narrative::rate_movement;
use crate::engine::format::{fte, rate};
use crate::engine::metrics::benchmark::Rate;
use crate::engine::metrics::{Measure, RoleFigures};
use crate::engine::model::Period;

/// A piece of a paragraph: the officer's words, or a live figure and its value now.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Run {
    Text(String),
    Figure { name: String, value: Result<String, String> },
}

/// The figures an officer can insert, with what each gives, for the Insert figure menu.
pub const FIGURES: &[(&str, &str)] = &[
    ("period", "The latest period, e.g. 2025/26"),
    ("earlier period", "The period before it"),
    ("establishment", "Establishment, FTE"),
    ("permanent", "Permanent staff, FTE"),
    ("agency", "Agency workers, FTE"),
    ("in post", "Permanent and agency, FTE"),
    ("vacant", "Vacant posts, FTE"),
    ("vacancy rate", "Vacant ÷ (vacant + permanent)"),
    ("agency rate", "Agency ÷ (agency + permanent)"),
    ("vacancy rate change", "How the vacancy rate moved since the earlier period, in words"),
    ("agency rate change", "How the agency rate moved since the earlier period, in words"),
    ("vacancy rate against England", "Above, below or level with England, with England's rate"),
    ("agency rate against England", "Above, below or level with England, with England's rate"),
    ("England vacancy rate", "From the DfE indicators file"),
    ("England agency rate", "From the DfE indicators file"),
    ("neighbours vacancy rate", "Average of the statistical neighbours"),
    ("benchmark year", "The DfE year compared"),
    ("turnover rate", "Leavers in the year ÷ in post, FTE (staff list)"),
    ("starters", "Starters in the year, headcount (staff list)"),
    ("leavers", "Leavers in the year, headcount (staff list)"),
    ("aged 55 and over", "Share of staff in post aged 55 or over (staff list)"),
    ("staff date", "The date staff list figures are taken at"),
    ("council", "From the title block"),
    ("committee", "From the title block"),
    ("meeting date", "From the title block"),
];

/// Splits a paragraph into words and live figures with their values. `{{` and `}}` stand for
/// braces themselves.
pub fn fill(text: &str, facts: &Facts) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        plain.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if rest[open..].starts_with("{{") || rest[open..].starts_with("}}") {
            plain.push_str(&rest[open..open + 1]);
            rest = &rest[open + 2..];
            continue;
        }
        match (rest.as_bytes()[open], after.find('}')) {
            (b'{', Some(close)) if !after[..close].contains('{') => {
                if !plain.is_empty() {
                    runs.push(Run::Text(std::mem::take(&mut plain)));
                }
                let name = after[..close].trim().to_owned();
                let value = figure(&name, facts);
                runs.push(Run::Figure { name, value });
                rest = &after[close + 1..];
            }
            _ => {
                // A lone brace is just a character.
                plain.push_str(&rest[open..open + 1]);
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        runs.push(Run::Text(plain));
    }
    runs
}

/// The paragraph as printed: figures filled in, missing ones named in square brackets so
/// they are caught before the paper goes out.
pub fn plain(runs: &[Run]) -> String {
    runs.iter()
        .map(|run| match run {
            Run::Text(text) => text.clone(),
            Run::Figure { value: Ok(value), .. } => value.clone(),
            Run::Figure { name, value: Err(_) } => format!("[{name}: no figure]"),
        })
        .collect()
}

/// The value of one named figure now.
pub fn figure(name: &str, facts: &Facts) -> Result<String, String> {
    let lower = name.to_lowercase();
    let (base, which) = match lower.split_once(',') {
        Some((base, "earlier")) | Some((base, " earlier")) => (base.trim(), Period::Earlier),
        Some((base, "latest")) | Some((base, " latest")) => (base.trim(), Period::Latest),
        _ => (lower.trim(), Period::Latest),
    };
    let total = |which: Period| facts.period(which).map(|(_, read)| &read.figures.total);
    let measure = |pick: fn(&RoleFigures) -> &Measure, style: fn(f64) -> String| -> Result<String, String> {
        let value = pick(total(which)?).clone().map_err(|why| why.to_string())?;
        Ok(style(value))
    };
    let in_post = |t: &RoleFigures| -> Result<f64, String> {
        match (&t.permanent, &t.agency) {
            (Ok(p), Ok(a)) => Ok(p + a),
            (Err(why), _) | (_, Err(why)) => Err(why.to_string()),
        }
    };
    let movement = |pick: fn(&RoleFigures) -> &Measure| -> Result<String, String> {
        let (earlier_input, earlier) = facts.period(Period::Earlier)?;
        let (_, later) = facts.period(Period::Latest)?;
        rate_movement(&period_name(&earlier_input.period), pick(&earlier.figures.total), pick(&later.figures.total))
            .ok_or_else(|| "a rate is missing in one of the two periods".to_owned())
    };
    let england = |rate_of: Rate| -> Result<f64, String> {
        let benchmark = facts.benchmark()?;
        let england = benchmark.year.england.ok_or("the DfE file has no England row for that year")?;
        england.share(rate_of).map_err(|why| why.to_string())
    };
    let against_england = |pick: fn(&RoleFigures) -> &Measure, rate_of: Rate| -> Result<String, String> {
        let ours = pick(total(which)?).clone().map_err(|why| why.to_string())?;
        let theirs = england(rate_of)?;
        let year = facts.benchmark()?.year.year;
        // Compared as printed, so the words agree with the figures beside them.
        let (ours_text, theirs_text) = (rate(ours), rate(theirs));
        let side = if ours_text == theirs_text {
            "level with"
        } else if ours > theirs {
            "above"
        } else {
            "below"
        };
        Ok(format!("{side} the England rate of {theirs_text} ({year})"))
    };
    let staff = || facts.staff().map(|(_, figures)| figures);
    match base {
        "period" | "earlier period" => {
            let which = if base == "earlier period" { Period::Earlier } else { which };
            let (input, _) = facts.period(which)?;
            if input.period.is_empty() {
                Err("the table was not given a period".to_owned())
            } else {
                Ok(input.period.clone())
            }
        }
        "establishment" => measure(|t| &t.establishment, fte),
        "permanent" => measure(|t| &t.permanent, fte),
        "agency" => measure(|t| &t.agency, fte),
        "vacant" => measure(|t| &t.vacant, fte),
        "in post" => in_post(total(which)?).map(fte),
        "vacancy rate" => measure(|t| &t.vacancy_rate, rate),
        "agency rate" => measure(|t| &t.agency_rate, rate),
        "vacancy rate change" => movement(|t| &t.vacancy_rate),
        "agency rate change" => movement(|t| &t.agency_rate),
        "vacancy rate against england" => against_england(|t| &t.vacancy_rate, Rate::Vacancy),
        "agency rate against england" => against_england(|t| &t.agency_rate, Rate::Agency),
        "england vacancy rate" => england(Rate::Vacancy).map(rate),
        "england agency rate" => england(Rate::Agency).map(rate),
        "neighbours vacancy rate" => {
            let benchmark = facts.benchmark()?;
            let (rates, _) = benchmark.year.neighbours.ok_or("no statistical neighbours file has been added")?;
            rates.share(Rate::Vacancy).map(rate).map_err(|why| why.to_string())
        }
        "benchmark year" => facts.benchmark().map(|b| b.year.year),
        "turnover rate" => staff()?.turnover_fte.clone().map(rate).map_err(|why| why.to_string()),
        "starters" => staff().map(|s| s.starters_headcount.to_string()),
        "leavers" => staff().map(|s| s.leavers_headcount.to_string()),
        "aged 55 and over" => staff()?.aged_55_and_over.clone().map(rate).map_err(|why| why.to_string()),
        "staff date" => staff().map(|s| s.reference_date.long()),
        "council" => non_empty(&facts.title_block.council),
        "committee" => non_empty(&facts.title_block.committee),
        "meeting date" => non_empty(&facts.title_block.meeting_date),
        _ => Err(format!("there is no figure called “{name}”: choose one from Insert figure")),
    }
}

fn non_empty(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("that part of the title block is empty".to_owned())
    } else {
        Ok(text.trim().to_owned())
    }
}
