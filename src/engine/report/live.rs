//! Live figures in the officer's prose: `{vacancy rate}` in a paragraph becomes "31.4%" in the
//! report, and follows the data when a table changes. `{vacancy rate, earlier}` takes the
//! earlier period's figure. Unknown names and missing figures are shown, never silently blank.

use super::facts::{earlier_in_words, Facts};
use super::narrative::rate_movement;
use super::pipeline::{total as summed, Total::*};
use crate::engine::format::{counted, fte_in_words, money, plural, rate};
use crate::engine::metrics::benchmark::Rate;
use crate::engine::metrics::pipeline::{scenario_outcome, ProjectedMonth, ScenarioOutcome};
use crate::engine::metrics::{Measure, RoleFigures};
use crate::engine::model::{Period, Status};

/// A piece of a paragraph: the officer's words, or a live figure and its value now.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Run {
    Text(String),
    Figure {
        name: String,
        value: Result<String, String>,
    },
    /// Words in bold or italic: kept from text pasted out of Word, or Ctrl+B and Ctrl+I.
    Styled {
        text: String,
        bold: bool,
        italic: bool,
    },
}

/// The marks that start and end bold and italic words in a paragraph as saved: `{b}` and
/// `{/b}`, `{i}` and `{/i}`. Braces typed as words are saved doubled, so these only ever come
/// from formatting, never from an officer's typing.
const MARKS: [(&str, Style, bool); 4] =
    [("b", Style::Bold, true), ("/b", Style::Bold, false), ("i", Style::Italic, true), ("/i", Style::Italic, false)];

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Bold,
    Italic,
}

/// Splits a paragraph into words and live figures with their values. `{{` and `}}` stand for
/// braces themselves; `{b}`...`{/b}` and `{i}`...`{/i}` mark bold and italic words.
pub fn fill(text: &str, facts: &Facts) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let (mut bold, mut italic) = (false, false);
    // Words so far, as plain or styled as the marks around them say.
    let flush = |runs: &mut Vec<Run>, plain: &mut String, bold: bool, italic: bool| {
        if plain.is_empty() {
            return;
        }
        let text = std::mem::take(plain);
        runs.push(if bold || italic { Run::Styled { text, bold, italic } } else { Run::Text(text) });
    };
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
                flush(&mut runs, &mut plain, bold, italic);
                if let Some((_, style, on)) = MARKS.iter().find(|(mark, ..)| *mark == &after[..close]) {
                    match style {
                        Style::Bold => bold = *on,
                        Style::Italic => italic = *on,
                    }
                    rest = &after[close + 1..];
                    continue;
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
    flush(&mut runs, &mut plain, bold, italic);
    runs
}

/// The paragraph as printed: figures filled in, missing ones named in square brackets so
/// they are caught before the paper goes out.
pub fn plain(runs: &[Run]) -> String {
    runs.iter()
        .map(|run| match run {
            Run::Text(text) | Run::Styled { text, .. } => text.clone(),
            Run::Figure { value: Ok(value), .. } => value.clone(),
            Run::Figure { name, value: Err(_) } => format!("[{name}: no figure]"),
        })
        .collect()
}

/// A live figure: the name the officer writes between braces, what it gives (for the Insert
/// figure menu), and how its value is worked out, for the period asked (`, earlier`).
pub struct Figure {
    /// The heading it is listed under in the Insert figure menu.
    pub group: &'static str,
    pub name: &'static str,
    pub help: &'static str,
    value: fn(&Facts, Period) -> Result<String, String>,
}

/// Every live figure, each declared once: the menu lists them in this order, and a name
/// written in a paragraph is looked up here.
pub const FIGURES: &[Figure] = &[
    Figure { group: "Establishment", name: "period", help: "The latest period, e.g. 2025/26", value: period },
    Figure {
        group: "Establishment",
        name: "earlier period",
        help: "The period before it",
        value: |f, _| period(f, Period::Earlier),
    },
    Figure {
        group: "Establishment",
        name: "establishment",
        help: "Establishment, FTE",
        value: |f, p| measure(f, p, |t| &t.establishment, fte_in_words),
    },
    Figure {
        group: "Establishment",
        name: "permanent",
        help: "Permanent staff, FTE",
        value: |f, p| measure(f, p, |t| &t.permanent, fte_in_words),
    },
    Figure {
        group: "Establishment",
        name: "agency",
        help: "Agency workers, FTE",
        value: |f, p| measure(f, p, |t| &t.agency, fte_in_words),
    },
    Figure { group: "Establishment", name: "in post", help: "Permanent and agency, FTE", value: in_post },
    Figure {
        group: "Establishment",
        name: "vacant",
        help: "Vacant posts, FTE",
        value: |f, p| measure(f, p, |t| &t.vacant, fte_in_words),
    },
    Figure {
        group: "Establishment",
        name: "vacancy rate",
        help: "Vacant ÷ (vacant + permanent)",
        value: |f, p| measure(f, p, |t| &t.vacancy_rate, rate),
    },
    Figure {
        group: "Establishment",
        name: "agency rate",
        help: "Agency ÷ (agency + permanent)",
        value: |f, p| measure(f, p, |t| &t.agency_rate, rate),
    },
    Figure {
        group: "Establishment",
        name: "vacancy rate change",
        help: "How the vacancy rate moved since the earlier period, in words",
        value: |f, _| movement(f, |t| &t.vacancy_rate),
    },
    Figure {
        group: "Establishment",
        name: "agency rate change",
        help: "How the agency rate moved since the earlier period, in words",
        value: |f, _| movement(f, |t| &t.agency_rate),
    },
    Figure {
        group: "Benchmarks",
        name: "vacancy rate against England",
        help: "Above, below or level with England, with England's rate",
        value: |f, p| against_england(f, p, |t| &t.vacancy_rate, Rate::Vacancy),
    },
    Figure {
        group: "Benchmarks",
        name: "agency rate against England",
        help: "Above, below or level with England, with England's rate",
        value: |f, p| against_england(f, p, |t| &t.agency_rate, Rate::Agency),
    },
    Figure {
        group: "Benchmarks",
        name: "England vacancy rate",
        help: "From the DfE indicators file",
        value: |f, _| england(f, Rate::Vacancy).map(rate),
    },
    Figure {
        group: "Benchmarks",
        name: "England agency rate",
        help: "From the DfE indicators file",
        value: |f, _| england(f, Rate::Agency).map(rate),
    },
    Figure {
        group: "Benchmarks",
        name: "neighbours vacancy rate",
        help: "Average of the statistical neighbours",
        value: neighbours_vacancy,
    },
    Figure {
        group: "Benchmarks",
        name: "benchmark year",
        help: "The DfE year compared",
        value: |f, _| f.benchmark().map(|b| b.year.year),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult figure",
        help: "The council's figure in the comparison file (Oflog, LG Inform, Skills for Care)",
        value: |f, _| super::adult::figures::council(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult figure against comparator",
        help: "Above, below or level with England (or the median across councils), with its figure",
        value: |f, _| super::adult::figures::against(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult comparator",
        help: "England's figure, or the median across councils where the file has no England row",
        value: |f, _| super::adult::figures::middle(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult region figure",
        help: "The region's figure, or the mean of its councils",
        value: |f, _| super::adult::figures::region(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult rank",
        help: "Rank among councils, 1st = lowest: “73rd of 151”",
        value: |f, _| super::adult::figures::rank(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult quartile",
        help: "“the second-lowest quarter of councils”",
        value: |f, _| super::adult::figures::quartile(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult measure",
        help: "The measure compared, in words: “workforce turnover rate”",
        value: |f, _| super::adult::figures::measure(f),
    },
    Figure {
        group: "Adult benchmarks",
        name: "adult benchmark period",
        help: "The period compared",
        value: |f, _| super::adult::figures::period(f),
    },
    Figure {
        group: "Staff list",
        name: "turnover rate",
        help: "Leavers in the year ÷ in post, FTE (staff list)",
        value: |f, _| f.staff()?.1.turnover_fte.clone().map(rate).map_err(|why| why.to_string()),
    },
    Figure {
        group: "Staff list",
        name: "starters",
        help: "Starters in the year, headcount (staff list)",
        value: |f, _| f.staff().map(|(_, s)| s.starters_headcount.to_string()),
    },
    Figure {
        group: "Staff list",
        name: "leavers",
        help: "Leavers in the year, headcount (staff list)",
        value: |f, _| f.staff().map(|(_, s)| s.leavers_headcount.to_string()),
    },
    Figure {
        group: "Staff list",
        name: "people joined",
        help: "Starters in words: “12 people joined”, “1 person joined” (staff list)",
        value: |f, _| f.staff().map(|(_, s)| format!("{} joined", counted(s.starters_headcount, "person", "people"))),
    },
    Figure {
        group: "Staff list",
        name: "people left",
        help: "Leavers in words: “9 people left”, “1 person left” (staff list)",
        value: |f, _| f.staff().map(|(_, s)| format!("{} left", counted(s.leavers_headcount, "person", "people"))),
    },
    Figure {
        group: "Staff list",
        name: "aged 55 and over",
        help: "Share of staff in post aged 55 or over (staff list)",
        value: |f, _| f.staff()?.1.aged_55_and_over.clone().map(rate).map_err(|why| why.to_string()),
    },
    Figure {
        group: "Staff list",
        name: "staff date",
        help: "The date staff list figures are taken at",
        value: |f, _| f.staff().map(|(_, s)| s.reference_date.long()),
    },
    Figure {
        group: "Recruitment campaigns",
        name: "posts advertised",
        help: "All campaigns' posts (recruitment table)",
        value: |f, _| summed(f, Posts),
    },
    Figure {
        group: "Recruitment campaigns",
        name: "applications",
        help: "All campaigns' applications (recruitment table)",
        value: |f, _| summed(f, Applications),
    },
    Figure {
        group: "Recruitment campaigns",
        name: "appointments",
        help: "All campaigns' appointments (recruitment table)",
        value: |f, _| summed(f, Appointments),
    },
    Figure {
        group: "Recruitment campaigns",
        name: "applications per post",
        help: "Applications ÷ posts advertised, all campaigns",
        value: |f, _| summed(f, ApplicationsPerPost),
    },
    Figure {
        group: "Recruitment campaigns",
        name: "appointments per post",
        help: "Appointments ÷ posts advertised, all campaigns",
        value: |f, _| summed(f, AppointmentsPerPost),
    },
    Figure {
        group: "Cohorts",
        name: "cohort started",
        help: "Started, all programmes (cohort table)",
        value: |f, _| summed(f, Started),
    },
    Figure {
        group: "Cohorts",
        name: "cohort completed",
        help: "Completed, all programmes (cohort table)",
        value: |f, _| summed(f, Completed),
    },
    Figure {
        group: "Cohorts",
        name: "cohort still employed",
        help: "Still employed, all programmes (cohort table)",
        value: |f, _| summed(f, StillEmployed),
    },
    Figure {
        group: "Cohorts",
        name: "completion rate",
        help: "Completed ÷ started, all programmes",
        value: |f, _| summed(f, Completion),
    },
    Figure {
        group: "Cohorts",
        name: "retention rate",
        help: "Still employed ÷ completed, all programmes",
        value: |f, _| summed(f, Retention),
    },
    Figure {
        group: "Budget",
        name: "budget",
        help: "All budget lines (budget table)",
        value: |f, _| summed(f, Budget),
    },
    Figure { group: "Budget", name: "spent", help: "Spent, all budget lines", value: |f, _| summed(f, Spent) },
    Figure {
        group: "Budget",
        name: "remaining",
        help: "Budget − spent, all budget lines",
        value: |f, _| summed(f, Remaining),
    },
    Figure {
        group: "Budget",
        name: "share of budget spent",
        help: "Spent ÷ budget, all lines",
        value: |f, _| summed(f, ShareSpent),
    },
    Figure {
        group: "Recommendations tracker",
        name: "progress on recommendations",
        help: "“Of the 12 recommendations, 7 have been achieved, 3 are progressing and 2 are not on track”",
        value: |f, _| progress(f.tracker),
    },
    Figure {
        group: "Recommendations tracker",
        name: "recommendations",
        help: "How many the tracker holds",
        value: |f, _| tracked(f, None),
    },
    Figure {
        group: "Recommendations tracker",
        name: "recommendations achieved",
        help: "Tracker: Green (achieved)",
        value: |f, _| tracked(f, Some(Status::Green)),
    },
    Figure {
        group: "Recommendations tracker",
        name: "recommendations progressing",
        help: "Tracker: Amber (progressing)",
        value: |f, _| tracked(f, Some(Status::Amber)),
    },
    Figure {
        group: "Recommendations tracker",
        name: "recommendations not on track",
        help: "Tracker: Red (not on track)",
        value: |f, _| tracked(f, Some(Status::Red)),
    },
    Figure {
        group: "Scenarios",
        name: "projected in post in 12 months",
        help: "Permanent FTE on the Scenarios panel's assumptions",
        value: |f, _| projected(f, 12, |m| fte_in_words(m.in_post_fte)),
    },
    Figure {
        group: "Scenarios",
        name: "projected vacancy rate in 12 months",
        help: "On the Scenarios panel's assumptions",
        value: |f, _| projected(f, 12, |m| m.vacancy_rate.clone().map_or("n/a".into(), rate)),
    },
    Figure {
        group: "Scenarios",
        name: "projected vacancy rate in 36 months",
        help: "On the Scenarios panel's assumptions",
        value: |f, _| projected(f, 36, |m| m.vacancy_rate.clone().map_or("n/a".into(), rate)),
    },
    Figure {
        group: "Scenarios",
        name: "agency workers converted",
        help: "FTE converted to permanent posts (Scenarios panel)",
        value: |f, _| scenario(f).map(|s| fte_in_words(s.conversion.converted)),
    },
    Figure {
        group: "Scenarios",
        name: "agency rate after conversion",
        help: "Agency rate once they are converted (Scenarios panel)",
        value: |f, _| scenario(f)?.conversion.agency_rate_after.map(rate).map_err(|why| why.to_string()),
    },
    Figure {
        group: "Scenarios",
        name: "conversion saving a year",
        help: "FTE converted × the agency premium a year (Scenarios panel)",
        value: |f, _| scenario(f)?.conversion.yearly_saving.map(|v| money(v.round())).map_err(|why| why.to_string()),
    },
    Figure {
        group: "Title block",
        name: "council",
        help: "From the title block",
        value: |f, _| non_empty(&f.title_block.council),
    },
    Figure {
        group: "Title block",
        name: "committee",
        help: "From the title block",
        value: |f, _| non_empty(&f.title_block.committee),
    },
    Figure {
        group: "Title block",
        name: "meeting date",
        help: "From the title block",
        value: |f, _| non_empty(&f.title_block.meeting_date),
    },
];

/// The value of one named figure now: "vacancy rate", or "vacancy rate, earlier" for the
/// earlier period's. Names are matched whatever their case.
pub fn figure(name: &str, facts: &Facts) -> Result<String, String> {
    let (base, which) = match name.split_once(',') {
        Some((base, which)) if which.trim().eq_ignore_ascii_case("earlier") => (base.trim(), Period::Earlier),
        Some((base, which)) if which.trim().eq_ignore_ascii_case("latest") => (base.trim(), Period::Latest),
        _ => (name.trim(), Period::Latest),
    };
    if let Some(figure) = named(base) {
        return (figure.value)(facts, which);
    }
    // A row and a column of one of the report's other tables: `{agency spend, 2023/24}`.
    super::general::figure(name, facts).unwrap_or_else(|| {
        Err(format!("there is no figure called “{name}”: type {{ in the paragraph to choose one from the list"))
    })
}

/// The Insert figure menu's heading a named figure is listed under, which says what it is
/// drawn from ("Establishment", "Title block"); `None` for a name not in the list.
pub fn figure_group(name: &str) -> Option<&'static str> {
    named(name.split_once(',').map_or(name, |(base, _)| base).trim()).map(|f| f.group)
}

fn named(base: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.name.eq_ignore_ascii_case(base))
}

fn total<'f>(facts: &'f Facts, which: Period) -> Result<&'f RoleFigures, String> {
    facts.period(which).map(|(_, read)| &read.figures.total)
}

fn measure(
    facts: &Facts,
    which: Period,
    pick: fn(&RoleFigures) -> &Measure,
    style: fn(f64) -> String,
) -> Result<String, String> {
    let value = pick(total(facts, which)?).clone().map_err(|why| why.to_string())?;
    Ok(style(value))
}

fn period(facts: &Facts, which: Period) -> Result<String, String> {
    let (input, _) = facts.period(which)?;
    if input.period.is_empty() {
        Err("the table was not given a period".to_owned())
    } else {
        Ok(input.period.clone())
    }
}

fn in_post(facts: &Facts, which: Period) -> Result<String, String> {
    let t = total(facts, which)?;
    match (&t.permanent, &t.agency) {
        (Ok(p), Ok(a)) => Ok(fte_in_words(p + a)),
        (Err(why), _) | (_, Err(why)) => Err(why.to_string()),
    }
}

fn movement(facts: &Facts, pick: fn(&RoleFigures) -> &Measure) -> Result<String, String> {
    let (earlier_input, earlier) = facts.period(Period::Earlier)?;
    let (_, later) = facts.period(Period::Latest)?;
    rate_movement(&earlier_in_words(&earlier_input.period), pick(&earlier.figures.total), pick(&later.figures.total))
        .ok_or_else(|| "a rate is missing in one of the two periods".to_owned())
}

/// England's rate, as a share, for the benchmark year.
fn england(facts: &Facts, rate_of: Rate) -> Result<f64, String> {
    let benchmark = facts.benchmark()?;
    let england = benchmark.year.england.ok_or("the DfE file has no England row for that year")?;
    england.share(rate_of).map_err(|why| why.to_string())
}

fn against_england(
    facts: &Facts,
    which: Period,
    pick: fn(&RoleFigures) -> &Measure,
    rate_of: Rate,
) -> Result<String, String> {
    let ours = pick(total(facts, which)?).clone().map_err(|why| why.to_string())?;
    let theirs = england(facts, rate_of)?;
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
}

fn neighbours_vacancy(facts: &Facts, _: Period) -> Result<String, String> {
    let benchmark = facts.benchmark()?;
    let (rates, _) = benchmark.year.neighbours.ok_or("no statistical neighbours file has been added")?;
    rates.share(Rate::Vacancy).map(rate).map_err(|why| why.to_string())
}

fn non_empty(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("that part of the title block is empty".to_owned())
    } else {
        Ok(text.trim().to_owned())
    }
}

/// How many of the tracker's recommendations are at a status, or in all.
fn tracked(facts: &Facts, status: Option<Status>) -> Result<String, String> {
    if facts.tracker.is_empty() {
        return Err("the report has no recommendations tracker with recommendations in it".to_owned());
    }
    let n = facts.tracker.iter().filter(|r| status.is_none_or(|s| r.status == s)).count();
    Ok(n.to_string())
}

/// The Scenarios panel's figures on the latest establishment totals and the saved assumptions.
fn scenario(facts: &Facts) -> Result<ScenarioOutcome, String> {
    let t = total(facts, Period::Latest)?;
    let (Ok(establishment), Ok(permanent), Ok(agency)) = (&t.establishment, &t.permanent, &t.agency) else {
        return Err("the latest table needs establishment, permanent and agency figures for a scenario".to_owned());
    };
    Ok(scenario_outcome(&facts.settings.scenario, *establishment, *permanent, *agency))
}

fn projected(facts: &Facts, month: u32, show: fn(&ProjectedMonth) -> String) -> Result<String, String> {
    let outcome = scenario(facts)?;
    outcome.months.iter().find(|m| m.month == month).map(show).ok_or_else(|| "the projection is three years".to_owned())
}

/// The tracker's statuses in a sentence, the verbs agreeing with the counts; a status no
/// recommendation has is left out.
fn progress(tracker: &[crate::engine::model::Recommendation]) -> Result<String, String> {
    if tracker.is_empty() {
        return Err("the report has no recommendations tracker with recommendations in it".to_owned());
    }
    let at = |status| tracker.iter().filter(|r| r.status == status).count();
    let parts: Vec<String> = [
        (at(Status::Green), "has been achieved", "have been achieved"),
        (at(Status::Amber), "is progressing", "are progressing"),
        (at(Status::Red), "is not on track", "are not on track"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", plural(n, one, many)))
    .collect();
    let listed = match parts.as_slice() {
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => unreachable!("every recommendation has a status"),
    };
    Ok(match tracker.len() {
        1 => format!("The one recommendation {}", &listed[2..]),
        n => format!("Of the {n} recommendations, {listed}"),
    })
}
