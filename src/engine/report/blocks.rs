//! Data blocks: the tables and charts an officer inserts, worked out from the facts. Each
//! block that cannot be drawn says why in its place, so a gap is never silent.

use super::facts::{earlier_in_words, earlier_period_name, period_name, Facts};
use super::narrative::rate_movement;
use super::{caption, chosen, pipeline, source_note, table, Block, Counters};
use crate::engine::chart::{bar_chart, establishment_chart, line_chart, Chart, ChartSpec, Series, Unit};
use crate::engine::format::{and_list, count, counted, fte, fte_bracketed, plural, rate};
use crate::engine::metrics::benchmark::{published, Rate};
use crate::engine::metrics::comparison::compare_totals;
use crate::engine::metrics::{EstablishmentFigures, Measure, OverUnderBasis, RoleFigures};
use crate::engine::model::{DataBlock, Definitions, Field, Level, Period, Status};

pub use super::NOT_AVAILABLE;

/// Whether a block prints as a table or a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Table,
    Chart,
}

/// How a block is made: a table (numbered as it is made), or a chart (numbered as a figure).
#[derive(Clone, Copy)]
enum Make {
    Table(fn(&DataBlock, &Facts, &str, &mut Counters) -> Result<Vec<Block>, String>),
    Chart(fn(&DataBlock, &Facts, &str, &str) -> Result<Chart, String>),
}

/// One kind of data block: the block the menu inserts, what it is called, its shape, and how
/// it is made.
#[derive(Clone)]
pub struct BlockKind {
    pub block: DataBlock,
    pub label: &'static str,
    /// Offered under "Add to section"; the rest come only from the first draft or templates.
    pub offered: bool,
    make: Make,
}

impl BlockKind {
    pub fn shape(&self) -> Shape {
        match self.make {
            Make::Table(_) => Shape::Table,
            Make::Chart(_) => Shape::Chart,
        }
    }
}

/// Every kind of data block, each declared once, in the order the menu lists them: a table
/// in the program's constants, not built each time a block is made.
pub const KINDS: &[BlockKind] = &[
    kind(
        DataBlock::EstablishmentTable(Period::Latest),
        "Establishment table, latest period",
        Make::Table(establishment),
    ),
    kind(
        DataBlock::EstablishmentTable(Period::Earlier),
        "Establishment table, earlier period",
        Make::Table(establishment),
    ),
    kind(
        DataBlock::EstablishmentChart(Period::Latest),
        "Establishment chart, latest period",
        Make::Chart(establishment_figure),
    ),
    BlockKind {
        block: DataBlock::EstablishmentChart(Period::Earlier),
        label: "Establishment chart, earlier period",
        offered: false,
        make: Make::Chart(establishment_figure),
    },
    kind(DataBlock::TwoPeriodTable, "Two-period comparison table", Make::Table(|_, f, t, c| two_period_table(f, t, c))),
    kind(
        DataBlock::TwoPeriodChart,
        "Two-period comparison chart",
        Make::Chart(|_, f, id, t| two_period_chart(f, id, t)),
    ),
    kind(DataBlock::KeyFigures, "Key figures", Make::Table(|_, f, t, c| Ok(key_figures(f, t, c)))),
    kind(
        DataBlock::TrendChart,
        "Trend chart of vacancy and agency rates",
        Make::Chart(|_, f, id, t| trend_chart(f, id, t)),
    ),
    kind(
        DataBlock::BenchmarkTable,
        "Benchmark table (England, region, neighbours)",
        Make::Table(|_, f, t, c| benchmark_table(f, t, c)),
    ),
    kind(
        DataBlock::BenchmarkChart,
        "Benchmark chart against neighbours",
        Make::Chart(|_, f, id, t| benchmark_chart(f, id, t)),
    ),
    kind(
        DataBlock::AdultBenchmarkTable,
        "Adult social care benchmark table (England or median, region, rank)",
        Make::Table(|_, f, t, c| super::adult::table_block(f, t, c)),
    ),
    kind(
        DataBlock::AdultBenchmarkChart,
        "Adult social care benchmark chart (the council among all councils)",
        Make::Chart(|_, f, id, t| super::adult::chart_block(f, id, t)),
    ),
    kind(DataBlock::StaffFlows, "Starters, leavers and turnover", Make::Table(|_, f, t, c| staff_flows(f, t, c))),
    kind(DataBlock::AgeProfile, "Age profile chart", Make::Chart(|_, f, id, t| age_profile(f, id, t))),
    kind(DataBlock::LeaversByReason, "Leavers by reason chart", Make::Chart(|_, f, id, t| leavers_by_reason(f, id, t))),
    kind(
        DataBlock::CohortTable,
        "Newly qualified and training cohorts table",
        Make::Table(|_, f, t, c| pipeline::cohort_table(f, t, c)),
    ),
    kind(
        DataBlock::RecruitmentTable,
        "Recruitment campaigns table (applications and appointments per post)",
        Make::Table(|_, f, t, c| pipeline::recruitment_table(f, t, c)),
    ),
    kind(DataBlock::BudgetTable, "Budget table", Make::Table(|_, f, t, c| pipeline::budget_table(f, t, c))),
    kind(DataBlock::Recommendations(Vec::new()), "Recommendations tracker", Make::Table(recommendations)),
    // One a general table: the menu offers them by the table's name (`report::general`).
    BlockKind {
        block: DataBlock::GeneralTable(0),
        label: "Table",
        offered: false,
        make: Make::Table(|b, f, t, c| match b {
            DataBlock::GeneralTable(id) => super::general::table_block(*id, f, t, c),
            _ => unreachable!("a general table's kind"),
        }),
    },
    BlockKind {
        block: DataBlock::GeneralChart(0),
        label: "Chart",
        offered: false,
        make: Make::Chart(|b, f, id, t| match b {
            DataBlock::GeneralChart(table) => super::general::chart_block(*table, f, id, t),
            _ => unreachable!("a general chart's kind"),
        }),
    },
];

const fn kind(block: DataBlock, label: &'static str, make: Make) -> BlockKind {
    BlockKind { block, label, offered: true, make }
}

/// The kind a block is: the same variant, and the same period where it has one.
pub fn kind_of(block: &DataBlock) -> &'static BlockKind {
    let period = |b: &DataBlock| match b {
        DataBlock::EstablishmentTable(p) | DataBlock::EstablishmentChart(p) => Some(*p),
        _ => None,
    };
    KINDS
        .iter()
        .find(|k| {
            std::mem::discriminant(&k.block) == std::mem::discriminant(block) && period(&k.block) == period(block)
        })
        .expect("every data block has its kind in `KINDS`")
}

/// The blocks for one data block. `title`, when not empty, replaces the generated caption or
/// chart title.
pub fn data_block(block: &DataBlock, title: &str, facts: &Facts, counters: &mut Counters) -> Vec<Block> {
    let kind = kind_of(block);
    let made = match kind.make {
        Make::Table(make) => make(block, facts, title, counters),
        Make::Chart(draw) => {
            let id = format!("figure-{}", counters.figures + 1);
            let drawn = draw(block, facts, &id, title);
            if drawn.is_ok() {
                counters.figures += 1;
            }
            drawn.map(|chart| vec![Block::Chart(chart)])
        }
    };
    made.unwrap_or_else(|why| vec![Block::Problem(format!("{}: {why}.", kind.label))])
}

fn establishment_figure(block: &DataBlock, facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let DataBlock::EstablishmentChart(which) = block else { unreachable!("the establishment chart's kind") };
    let (input, read) = facts.period(*which)?;
    establishment_chart(&read.figures, &input.period, &input.source, id, Some(title))
        .ok_or_else(|| "no role has establishment, permanent and agency figures".to_owned())
}

fn cell(measure: &Measure, style: fn(f64) -> String) -> String {
    measure.as_ref().map_or_else(|_| NOT_AVAILABLE.to_owned(), |v| style(*v))
}

fn establishment(block: &DataBlock, facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let DataBlock::EstablishmentTable(which) = block else { unreachable!("the establishment table's kind") };
    let (input, read) = facts.period(*which)?;
    let figures = &read.figures;
    let period = if input.period.is_empty() { String::new() } else { format!(", {}", input.period) };
    let row = |r: &RoleFigures| -> Vec<String> {
        vec![
            r.role.clone(),
            cell(&r.establishment, fte),
            cell(&r.permanent, fte),
            cell(&r.agency, fte),
            cell(&r.vacant, fte),
            cell(&r.over_under, fte_bracketed),
            cell(&r.vacancy_rate, rate),
            cell(&r.agency_rate, rate),
        ]
    };
    let mut notes = vec![
        "Vacancy rate = vacant ÷ (vacant + permanent); agency rate = agency ÷ (agency + permanent). \
         Definitions as in the Department for Education's children's social work workforce statistics."
            .to_owned(),
        match figures.over_under_basis {
            OverUnderBasis::Stated => "(Over)/under establishment as stated in the source table; figures in brackets are over establishment.",
            OverUnderBasis::Computed => "(Over)/under establishment = establishment − permanent − agency; figures in brackets are over establishment.",
        }
        .to_owned(),
    ];
    notes.extend(gaps(figures));
    if !read.skipped.is_empty() {
        let rows: Vec<String> = read.skipped.iter().map(ToString::to_string).collect();
        notes.push(format!("Left out, as they could not be read: {}", rows.join("; ")));
    }
    notes.push(source_note(&input.source));
    let mut table = table(
        caption(counters, format!("Establishment by role{period}, full-time equivalent (FTE)"), title),
        &["Role", "Establishment", "Permanent", "Agency", "Vacant", "(Over)/under", "Vacancy rate", "Agency rate"],
        figures.roles.iter().map(row).collect(),
        notes,
    );
    table.total = Some(row(&figures.total));
    Ok(vec![Block::Table(table)])
}

/// One note per distinct reason a figure is missing, so an "n/a" is never unexplained.
fn gaps(figures: &EstablishmentFigures) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for field in Field::ALL {
        for role in &figures.roles {
            if let Err(why) = role.get(field) {
                let note = format!("{NOT_AVAILABLE}: {why}.");
                if !notes.contains(&note) {
                    notes.push(note);
                }
            }
        }
    }
    notes
}

/// The two latest periods' totals side by side, with the change.
fn two_period_table(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (later_input, later) = facts.period(Period::Latest)?;
    let (earlier_input, earlier) = facts.period(Period::Earlier)?;
    let (from, to) = (earlier_period_name(&earlier_input.period), period_name(&later_input.period));
    let changes = compare_totals(&earlier.figures, &later.figures);
    let mut t = table(
        caption(counters, format!("Change from {from} to {to}, totals"), title),
        &["Measure", &from, &to, "Change"],
        changes
            .iter()
            .map(|c| vec![c.measure.to_owned(), c.shown(&c.earlier), c.shown(&c.later), c.shown_change()])
            .collect(),
        vec![
            "FTE changes are worked out from unrounded figures; pp: percentage points, worked out from the rates as printed.".into(),
        ],
    );
    t.notes.push(source_note(&later_input.source));
    Ok(vec![Block::Table(t)])
}

fn key_figures(facts: &Facts, title: &str, counters: &mut Counters) -> Vec<Block> {
    let latest = facts.period(Period::Latest);
    let earlier = facts.period(Period::Earlier).ok();
    let benchmark = facts.benchmark().ok();
    let (latest_input, latest) = match latest {
        Ok(found) => found,
        Err(why) => return vec![Block::Problem(format!("Key figures: {why}."))],
    };
    let mut header = vec!["Measure".to_owned(), period_name(&latest_input.period)];
    if let Some((input, _)) = earlier {
        header.push(earlier_period_name(&input.period));
    }
    if let Some(b) = &benchmark {
        header.push(format!("England, {}", b.year.year));
    }
    let in_post = |t: &RoleFigures| match (&t.permanent, &t.agency) {
        (Ok(p), Ok(a)) => Ok(p + a),
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
    };
    type Pick = fn(&RoleFigures) -> Measure;
    type Line = (&'static str, Pick, fn(f64) -> String, Option<Rate>);
    let measures: [Line; 6] = [
        ("Establishment (FTE)", |t| t.establishment.clone(), fte, None),
        ("Permanent staff (FTE)", |t| t.permanent.clone(), fte, None),
        ("Agency workers (FTE)", |t| t.agency.clone(), fte, None),
        ("Vacant posts (FTE)", |t| t.vacant.clone(), fte, None),
        ("Vacancy rate", |t| t.vacancy_rate.clone(), rate, Some(Rate::Vacancy)),
        ("Agency worker rate", |t| t.agency_rate.clone(), rate, Some(Rate::Agency)),
    ];
    let mut rows: Vec<Vec<String>> = measures
        .iter()
        .map(|(label, pick, style, england)| {
            let mut row = vec![(*label).to_owned(), cell(&pick(&latest.figures.total), *style)];
            if let Some((_, e)) = earlier {
                row.push(cell(&pick(&e.figures.total), *style));
            }
            if let Some(b) = &benchmark {
                row.push(match (england, &b.year.england) {
                    (Some(r), Some(rates)) => cell(&rates.share(*r), rate),
                    _ => "—".to_owned(),
                });
            }
            row
        })
        .collect();
    rows.insert(2, {
        let mut row =
            vec!["Staff in post, permanent and agency (FTE)".to_owned(), cell(&in_post(&latest.figures.total), fte)];
        if let Some((_, e)) = earlier {
            row.push(cell(&in_post(&e.figures.total), fte));
        }
        if benchmark.is_some() {
            row.push("—".to_owned());
        }
        row
    });
    let mut notes = vec![source_note(&latest_input.source)];
    if let Some(b) = &benchmark {
        notes.push(format!(
            "England: {} (DfE children's social work workforce indicators); — no comparable figure.",
            b.source
        ));
    }
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    vec![Block::Table(table(caption(counters, "Key figures".into(), title), &header_refs, rows, notes))]
}

fn benchmark_table(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let b = facts.benchmark()?;
    let show = |r: Rate, m: Measure| {
        if r == Rate::Caseload {
            cell(&m, |v| crate::engine::format::decimal(v, 1))
        } else {
            cell(&m, rate)
        }
    };
    let rows = Rate::ALL
        .iter()
        .map(|&r| {
            vec![
                r.label().to_owned(),
                show(r, b.year.council.share(r)),
                b.year.england.as_ref().map_or(NOT_AVAILABLE.to_owned(), |e| show(r, e.share(r))),
                b.year.region.as_ref().map_or(NOT_AVAILABLE.to_owned(), |e| show(r, e.share(r))),
                b.year.neighbours.as_ref().map_or(NOT_AVAILABLE.to_owned(), |(e, _)| show(r, e.share(r))),
                b.year.rank[Rate::ALL.iter().position(|x| *x == r).unwrap_or(0)]
                    .map_or(NOT_AVAILABLE.to_owned(), |(rank, of)| format!("{rank} of {of}")),
            ]
        })
        .collect();
    let region = facts
        .benchmark()
        .ok()
        .and_then(|b| b.indicators.rows.iter().find(|r| r.name == b.council).map(|r| r.region.clone()))
        .unwrap_or_else(|| "Region".into());
    let mut notes = vec![
        format!("Year to 30 September {}; rates as published by the Department for Education.", b.year.year),
        "Statistical neighbours: the mean of the published rates of the council's ten closest councils. \
         Rank: 1 is the lowest rate among all councils."
            .to_owned(),
    ];
    if b.year.neighbours.is_none() {
        notes.push(format!("{NOT_AVAILABLE}: no statistical neighbours file has been added."));
    }
    notes.push(source_note(b.source));
    // The neighbours file is a source of its own: its councils give the neighbours' mean.
    if let (Some(_), Some(Ok((source, neighbours)))) = (&b.year.neighbours, &facts.tables.neighbours) {
        if let Some(first) = neighbours.unread.first() {
            let more = match neighbours.unread.len() - 1 {
                0 => String::new(),
                n => format!(" and {}", counted(n, "other cell", "other cells")),
            };
            notes.push(format!("Left out of the statistical neighbours file: {first}{more}."));
        }
        notes.push(source_note(source));
    }
    Ok(vec![Block::Table(table(
        caption(
            counters,
            format!("{} compared with England, {region} and statistical neighbours, {}", b.council, b.year.year),
            title,
        ),
        &["Measure", &b.council, "England", &region, "Statistical neighbours", "Rank among councils"],
        rows,
        notes,
    ))])
}

fn staff_flows(facts: &Facts, title: &str, counters: &mut Counters) -> Result<Vec<Block>, String> {
    let (source, s) = facts.staff()?;
    let rows = vec![
        vec!["In post, directly employed".into(), fte(s.in_post_fte), count(s.in_post_headcount as f64)],
        vec!["Agency workers".into(), fte(s.agency_fte), count(s.agency_headcount as f64)],
    ];
    // Under Skills for Care's definitions bank and pool staff are counted apart.
    let mut rows = rows;
    if s.definitions == Definitions::AdultSkillsForCare {
        rows.push(vec![
            "Bank, pool and other indirectly employed".into(),
            fte(s.indirect_fte),
            count(s.indirect_headcount as f64),
        ]);
    }
    rows.extend([
        vec!["Starters in the year".into(), fte(s.starters_fte), count(s.starters_headcount as f64)],
        vec!["Leavers in the year".into(), fte(s.leavers_fte), count(s.leavers_headcount as f64)],
        vec!["Turnover rate".into(), cell(&s.turnover_fte, rate), cell(&s.turnover_headcount, rate)],
    ]);
    let mut notes = vec![
        format!(
            "The year runs from {} to {}. Turnover = leavers in the year ÷ directly employed staff in post at the \
             end of it.",
            s.year_from.long(),
            s.reference_date.long()
        ),
        s.definitions.note().to_owned(),
    ];
    notes.extend(s.gaps.iter().cloned());
    notes.push(source_note(source));
    Ok(vec![Block::Table(table(
        caption(counters, format!("Staff in post, starters and leavers, year to {}", s.reference_date.long()), title),
        &["Measure", "FTE", "Headcount"],
        rows,
        notes,
    ))])
}

fn recommendations(
    block: &DataBlock,
    facts: &Facts,
    title: &str,
    counters: &mut Counters,
) -> Result<Vec<Block>, String> {
    let DataBlock::Recommendations(rows) = block else { unreachable!("the tracker's kind") };
    // An empty block takes a tracker brought in as a table.
    let brought = facts.tables.tracker.as_ref().and_then(|t| t.as_ref().ok()).map(|(_, rows)| rows.as_slice());
    let rows = match (rows.is_empty(), brought) {
        (false, _) => rows.as_slice(),
        (true, Some(brought)) if !brought.is_empty() => brought,
        _ => return Err("add the recommendations with the block’s Change button, or paste the tracker".to_owned()),
    };
    let body = rows
        .iter()
        .map(|r| {
            vec![
                r.number.clone(),
                r.theme.clone(),
                r.recommendation.clone(),
                r.status.label().to_owned(),
                r.update.clone(),
            ]
        })
        .collect();
    let mut t = table(
        caption(counters, "Progress against recommendations".into(), title),
        &["No.", "Theme", "Recommendation", "Status", "Update"],
        body,
        vec![Status::key()],
    );
    t.status_column = Some(3);
    Ok(vec![Block::Table(t)])
}

fn finish(spec: ChartSpec, bars: bool) -> Result<Chart, String> {
    if bars { bar_chart(&spec) } else { line_chart(&spec) }.ok_or_else(|| "there are no figures to draw".to_owned())
}

/// Each role's vacancy rate in the two latest periods, as grouped bars.
fn two_period_chart(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let (later_input, later) = facts.period(Period::Latest)?;
    let (earlier_input, earlier) = facts.period(Period::Earlier)?;
    let (from, to) = (earlier_period_name(&earlier_input.period), period_name(&later_input.period));
    let roles: Vec<&RoleFigures> = later.figures.roles.iter().collect();
    let before =
        |role: &str| earlier.figures.roles.iter().find(|r| r.role == role).and_then(|r| r.vacancy_rate.clone().ok());
    let pairs: Vec<(Option<f64>, Option<f64>)> =
        roles.iter().map(|r| (before(&r.role), r.vacancy_rate.clone().ok())).collect();
    let compared = pairs.iter().filter(|(a, b)| a.is_some() && b.is_some()).count();
    let fell =
        pairs.iter().filter(|(a, b)| matches!((a, b), (Some(a), Some(b)) if rate(*b) < rate(*a) && b < a)).count();
    let rose =
        pairs.iter().filter(|(a, b)| matches!((a, b), (Some(a), Some(b)) if b > a && rate(*b) != rate(*a))).count();
    let role_or_roles = plural(compared, "role", "roles");
    let generated = if fell >= rose {
        format!("The vacancy rate fell in {fell} of {compared} {role_or_roles} between {from} and {to}")
    } else {
        format!("The vacancy rate rose in {rose} of {compared} {role_or_roles} between {from} and {to}")
    };
    finish(
        ChartSpec {
            id: id.to_owned(),
            title: chosen(title, generated),
            subtitle: format!("Vacancy rate by role, {from} and {to}: vacant ÷ (vacant + permanent)"),
            source: later_input.source.clone(),
            category_label: "Role".into(),
            categories: roles.iter().map(|r| r.role.clone()).collect(),
            series: vec![
                Series { name: from, values: pairs.iter().map(|p| p.0).collect() },
                Series { name: to, values: pairs.iter().map(|p| p.1).collect() },
            ],
            unit: Unit::Rate,
            highlight: None,
        },
        true,
    )
}

/// Vacancy and agency rates over every period the project holds, oldest first.
fn trend_chart(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let periods = facts.periods_oldest_first();
    if periods.len() < 2 {
        return Err("a trend needs establishment tables for two or more periods".into());
    }
    let (first_input, first) = periods[0];
    let (last_input, last) = periods[periods.len() - 1];
    let movement = rate_movement(
        &earlier_in_words(&first_input.period),
        &first.figures.total.vacancy_rate,
        &last.figures.total.vacancy_rate,
    );
    let generated =
        movement.map_or_else(|| "Vacancy and agency worker rates".to_owned(), |m| format!("The vacancy rate {m}"));
    finish(
        ChartSpec {
            id: id.to_owned(),
            title: chosen(title, generated),
            subtitle: "Vacancy rate and agency worker rate, all roles".into(),
            source: last_input.source.clone(),
            category_label: "Period".into(),
            categories: periods.iter().map(|(i, _)| period_name(&i.period)).collect(),
            series: vec![
                Series {
                    name: "Vacancy rate".into(),
                    values: periods.iter().map(|(_, r)| r.figures.total.vacancy_rate.clone().ok()).collect(),
                },
                Series {
                    name: "Agency worker rate".into(),
                    values: periods.iter().map(|(_, r)| r.figures.total.agency_rate.clone().ok()).collect(),
                },
            ],
            unit: Unit::Rate,
            highlight: None,
        },
        false,
    )
}

/// The council's vacancy rate beside each neighbour's, England's and the region's.
fn benchmark_chart(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let b = facts.benchmark()?;
    let in_year: Vec<_> = b.indicators.rows.iter().filter(|r| r.year == b.year.year).collect();
    let ours = in_year.iter().find(|r| r.level == Level::LocalAuthority && r.name == b.council);
    let codes: Vec<u32> = match (&facts.tables.neighbours, ours.and_then(|r| r.old_la_code)) {
        (Some(Ok((_, n))), Some(code)) => n.by_council.get(&code).cloned().unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut bars: Vec<(String, Option<f64>)> = vec![(b.council.clone(), b.year.council.share(Rate::Vacancy).ok())];
    for row in
        in_year.iter().filter(|r| r.level == Level::LocalAuthority && r.old_la_code.is_some_and(|c| codes.contains(&c)))
    {
        bars.push((row.name.clone(), published(row).share(Rate::Vacancy).ok()));
    }
    let neighbours_drawn = bars.len() - 1;
    if let Some(e) = &b.year.england {
        bars.push(("England".into(), e.share(Rate::Vacancy).ok()));
    }
    // Highest first, so the council's place among them shows at a glance; gaps last.
    crate::engine::order::sort_by(&mut bars, |a, b| {
        b.1.unwrap_or(f64::NEG_INFINITY).total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
    });
    let ours_value = b.year.council.share(Rate::Vacancy).ok();
    let generated = match ours_value {
        Some(v) if neighbours_drawn > 0 => {
            let theirs = |keep: fn(f64, f64) -> bool| {
                bars.iter()
                    .filter(|(name, value)| {
                        name != &b.council && name != "England" && value.is_some_and(|x| keep(x, v))
                    })
                    .count()
            };
            let (lower, higher) = (theirs(|x, v| x < v), theirs(|x, v| x > v));
            let council = &b.council;
            let n = neighbours_drawn;
            let all = match n {
                1 => "its statistical neighbour".to_owned(),
                n => format!("all {n} of its statistical neighbours"),
            };
            if lower == n {
                format!("{council} has a higher vacancy rate than {all}")
            } else if higher == n {
                format!("{council} has a lower vacancy rate than {all}")
            } else {
                let neighbours = counted(n, "statistical neighbour", "statistical neighbours");
                format!("{council} has a higher vacancy rate than {lower} of its {neighbours}")
            }
        }
        _ => format!("{}'s vacancy rate beside England's", b.council),
    };
    let highlight = bars.iter().position(|(name, _)| name == &b.council);
    finish(
        ChartSpec {
            id: id.to_owned(),
            title: chosen(title, generated),
            subtitle: format!("Children's social worker vacancy rate (FTE), year to 30 September {}", b.year.year),
            source: b.source.to_owned(),
            category_label: "Council".into(),
            categories: bars.iter().map(|(name, _)| name.clone()).collect(),
            series: vec![Series { name: "Vacancy rate".into(), values: bars.iter().map(|(_, v)| *v).collect() }],
            unit: Unit::Rate,
            highlight,
        },
        true,
    )
}

fn age_profile(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let (source, s) = facts.staff()?;
    let generated = match &s.aged_55_and_over {
        Ok(share) => format!("{} of staff in post are aged 55 or over", rate(*share)),
        Err(_) => "Staff in post by age".to_owned(),
    };
    let mut categories: Vec<String> = s.age_bands.iter().map(|(band, _)| band.clone()).collect();
    let mut values: Vec<Option<f64>> = s.age_bands.iter().map(|(_, n)| Some(*n as f64)).collect();
    if s.age_unknown > 0 {
        categories.push("Age not recorded".into());
        values.push(Some(s.age_unknown as f64));
    }
    finish(
        ChartSpec {
            id: id.to_owned(),
            title: chosen(title, generated),
            subtitle: format!("People in post (agency workers included) by age, at {}", s.reference_date.long()),
            source: source.to_owned(),
            category_label: "Age band".into(),
            categories,
            series: vec![Series { name: "People".into(), values }],
            unit: Unit::Count,
            highlight: None,
        },
        true,
    )
}

fn leavers_by_reason(facts: &Facts, id: &str, title: &str) -> Result<Chart, String> {
    let (source, s) = facts.staff()?;
    let Some(generated) = leavers_title(&s.leavers_by_reason) else {
        return Err(format!("no one left in the year to {}", s.reference_date.long()));
    };
    finish(
        ChartSpec {
            id: id.to_owned(),
            title: chosen(title, generated),
            subtitle: format!("Leavers by reason, headcount, year to {}", s.reference_date.long()),
            source: source.to_owned(),
            category_label: "Reason".into(),
            categories: s.leavers_by_reason.iter().map(|(reason, _)| reason.clone()).collect(),
            series: vec![Series {
                name: "Leavers".into(),
                values: s.leavers_by_reason.iter().map(|(_, n)| Some(*n as f64)).collect(),
            }],
            unit: Unit::Count,
            highlight: None,
        },
        true,
    )
}

/// Reasons named in a title before a tie is given as a number of reasons instead.
const TIED_REASONS_NAMED: usize = 3;

/// The leavers chart's message, from the reasons with most leavers first: the reason with the
/// most leavers, or every reason tied for the most, so a tie is never told as one reason
/// leading. `None` when no one left.
fn leavers_title(reasons: &[(String, usize)]) -> Option<String> {
    let most = reasons.first()?.1;
    let total: usize = reasons.iter().map(|(_, n)| n).sum();
    let top: Vec<&str> = reasons.iter().take_while(|(_, n)| *n == most).map(|(r, _)| r.as_str()).collect();
    Some(match top.as_slice() {
        [only] if reasons.len() == 1 => format!("{only} was the only reason for leaving ({})", leavers(most)),
        [one] => format!("{one} was the most common reason for leaving ({most} of {})", leavers(total)),
        tied if tied.len() <= TIED_REASONS_NAMED => {
            format!("{} were the most common reasons for leaving ({} each, of {total})", and_list(tied), leavers(most))
        }
        tied => {
            format!("{} reasons tie as the most common for leaving ({} each, of {total})", tied.len(), leavers(most))
        }
    })
}

/// "1 leaver", "3 leavers".
fn leavers(n: usize) -> String {
    counted(n, "leaver", "leavers")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reasons with their leavers, most first, as the staff list's figures give them.
    type Counts = &'static [(&'static str, usize)];

    fn reasons(counts: Counts) -> Vec<(String, usize)> {
        counts.iter().map(|(r, n)| ((*r).to_owned(), *n)).collect()
    }

    #[test]
    fn the_leavers_title_names_every_reason_tied_for_the_most() {
        let cases: [(Counts, Option<&str>); 7] = [
            (&[], None),
            (&[("Retirement", 1)], Some("Retirement was the only reason for leaving (1 leaver)")),
            (&[("Retirement", 3)], Some("Retirement was the only reason for leaving (3 leavers)")),
            (
                &[("Career progression", 4), ("Retirement", 3), ("Dismissal", 1)],
                Some("Career progression was the most common reason for leaving (4 of 8 leavers)"),
            ),
            (
                &[("Relocation", 3), ("Career progression", 3), ("Retirement", 1)],
                Some("Relocation and Career progression were the most common reasons for leaving (3 leavers each, of 7)"),
            ),
            (
                &[("Relocation", 1), ("Retirement", 1), ("Workload", 1)],
                Some("Relocation, Retirement and Workload were the most common reasons for leaving (1 leaver each, of 3)"),
            ),
            (
                &[("A", 2), ("B", 2), ("C", 2), ("D", 2), ("E", 1)],
                Some("4 reasons tie as the most common for leaving (2 leavers each, of 9)"),
            ),
        ];
        for (counts, expected) in cases {
            assert_eq!(leavers_title(&reasons(counts)).as_deref(), expected, "{counts:?}");
        }
    }
}
