//! Figures from a staff list at a reference date: who is in post, who started and left in the
//! year to that date, turnover, why people left, length of service, age profile and caseload.

use std::collections::BTreeMap;

use super::{Measure, NotAvailable};
use crate::engine::model::{Contract, Date, Definitions, NoValue, Person, StaffList};

/// Age bands of 5 or 10 years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandWidth {
    Five,
    Ten,
}

/// In-post figures for one role or team, in the establishment table's terms.
#[derive(Clone, Debug, PartialEq)]
pub struct InPost {
    /// The role or team.
    pub name: String,
    /// Directly employed FTE (permanent, fixed-term, bank).
    pub employed_fte: f64,
    pub agency_fte: f64,
    pub headcount: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StaffFigures {
    /// Everyone the list names, whenever they worked.
    pub people: usize,
    pub reference_date: Date,
    /// The year counted for starters and leavers: after this date, up to the reference date.
    pub year_from: Date,
    /// Directly employed (not agency) and in post at the reference date.
    pub in_post_fte: f64,
    pub in_post_headcount: usize,
    pub agency_fte: f64,
    pub agency_headcount: usize,
    /// In post but neither directly employed nor agency: under Skills for Care's definitions,
    /// bank and pool staff, students and volunteers. None under the DfE's.
    pub indirect_fte: f64,
    pub indirect_headcount: usize,
    /// The definitions the figures follow.
    pub definitions: Definitions,
    pub starters_fte: f64,
    pub starters_headcount: usize,
    pub leavers_fte: f64,
    pub leavers_headcount: usize,
    /// Leavers in the year / in post at the reference date (FTE).
    pub turnover_fte: Measure,
    /// The same by headcount.
    pub turnover_headcount: Measure,
    /// Leavers in the year by reason, most first; "Not recorded" where none is given.
    pub leavers_by_reason: Vec<(String, usize)>,
    /// Directly employed in post, by completed years of service.
    pub service_bands: Vec<(String, usize)>,
    /// Everyone in post (agency too), by age at the reference date.
    pub age_bands: Vec<(String, usize)>,
    /// Share of those in post with a known age who are 55 or over.
    pub aged_55_and_over: Measure,
    pub age_unknown: usize,
    /// Cases held / FTE of case holders (agency included) holding at least one case.
    pub caseload: Measure,
    pub by_role: Vec<InPost>,
    /// The same by team; "No team recorded" where the list gives none.
    pub by_team: Vec<InPost>,
    /// People whose figures could not all be counted, and why.
    pub gaps: Vec<String>,
}

/// The figures at `reference`. Turnover follows the DfE definition (`../shared/domain.md`,
/// "Metric definitions"): leavers in the year / social workers in post at the reference date,
/// not an average over the year; in post means directly employed, agency workers apart. Under
/// Skills for Care's adult definitions ("Adult social care"), the same ratio with directly
/// employed meaning permanent, temporary and apprentices: bank and pool staff are not. Average
/// caseload is cases held / FTE case holders (including agency) holding one or more cases.
///
/// ```
/// use wrb::engine::metrics::staff::{staff_figures, BandWidth};
/// use wrb::engine::model::{Contract, Date, Person, StaffList};
/// let person = |fte: f64, leaving: Option<Date>| Person {
///     line: 2, role: "Social Worker".into(), team: None, fte: Some(fte), contract: Contract::Permanent,
///     start: Date::new(2020, 1, 1), leaving, leaving_reason: None, date_of_birth: None, age: None, cases: None,
/// };
/// let list = StaffList { people: vec![person(1.0, None), person(0.5, Date::new(2025, 6, 30))] };
/// let figures = staff_figures(&list, Date::new(2025, 9, 30).unwrap(), BandWidth::Ten, Default::default());
/// assert_eq!(figures.turnover_fte, Ok(0.5));
/// ```
pub fn staff_figures(list: &StaffList, reference: Date, bands: BandWidth, definitions: Definitions) -> StaffFigures {
    let year_from = Date::new(reference.year - 1, reference.month, reference.day)
        .unwrap_or_else(|| Date::from_days_since_epoch(reference.days_since_epoch() - 365));
    let in_post = |p: &Person| p.start.is_none_or(|s| s <= reference) && p.leaving.is_none_or(|l| l > reference);
    let in_year = |d: Option<Date>| d.is_some_and(|d| d > year_from && d <= reference);
    let fte = |p: &Person| p.fte.unwrap_or(0.0);
    let mut gaps = Vec::new();

    let direct = |p: &Person| p.contract.directly_employed(definitions);
    let employed: Vec<&Person> = list.people.iter().filter(|p| direct(p)).collect();
    let agency: Vec<&Person> = list.people.iter().filter(|p| p.contract == Contract::Agency && in_post(p)).collect();
    let indirect: Vec<&Person> =
        list.people.iter().filter(|p| !direct(p) && p.contract != Contract::Agency && in_post(p)).collect();
    let employed_in_post: Vec<&Person> = employed.iter().copied().filter(|p| in_post(p)).collect();
    let starters: Vec<&Person> = employed.iter().copied().filter(|p| in_year(p.start)).collect();
    let leavers: Vec<&Person> = employed.iter().copied().filter(|p| in_year(p.leaving)).collect();
    for p in employed_in_post.iter().chain(&agency).chain(&leavers).filter(|p| p.fte.is_none()) {
        gaps.push(format!("Row {}: {} has no FTE, so counts in headcounts but not in FTE.", p.line, p.role));
    }

    let sum = |people: &[&Person]| people.iter().map(|p| fte(p)).sum::<f64>();
    let ratio = |n: f64, d: f64| if d > 0.0 { Ok(n / d) } else { Err(NotAvailable::NoDenominator) };
    let in_post_fte = sum(&employed_in_post);

    // A handful of reasons: a list looked through is smaller code than a map.
    let mut leavers_by_reason: Vec<(String, usize)> = Vec::new();
    for p in &leavers {
        let reason = p.leaving_reason.as_deref().unwrap_or("Not recorded");
        match leavers_by_reason.iter_mut().find(|(r, _)| r == reason) {
            Some((_, n)) => *n += 1,
            None => leavers_by_reason.push((reason.to_owned(), 1)),
        }
    }
    crate::engine::order::sort_by(&mut leavers_by_reason, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let service_labels = ["Under 1 year", "1 to 2 years", "2 to 5 years", "5 to 10 years", "10 years or more"];
    let mut service = [0usize; 5];
    for p in &employed_in_post {
        let Some(start) = p.start else { continue };
        let years = completed_years(start, reference);
        service[match years {
            0 => 0,
            1 => 1,
            2..=4 => 2,
            5..=9 => 3,
            _ => 4,
        }] += 1;
    }

    let everyone_in_post: Vec<&Person> = employed_in_post.iter().chain(&agency).chain(&indirect).copied().collect();
    let ages: Vec<u32> = everyone_in_post
        .iter()
        .filter_map(|p| p.date_of_birth.map(|dob| completed_years(dob, reference)).or(p.age))
        .collect();
    let age_unknown = everyone_in_post.len() - ages.len();
    let age_bands = age_profile(&ages, bands);
    let aged_55_and_over = ratio(ages.iter().filter(|&&a| a >= 55).count() as f64, ages.len() as f64);

    let holders: Vec<&Person> =
        everyone_in_post.iter().copied().filter(|p| p.cases.is_some_and(|c| c >= 1.0)).collect();
    let caseload = if everyone_in_post.iter().all(|p| p.cases.is_none()) {
        Err(NotAvailable::NotPublished {
            what: "cases held",
            area: "this staff list".into(),
            reason: NoValue::Unavailable,
        })
    } else {
        ratio(holders.iter().filter_map(|p| p.cases).sum(), sum(&holders))
    };

    // By name, each name written out once, not once a person.
    let group = |name_of: &dyn for<'p> Fn(&'p Person) -> &'p str| {
        let mut groups: BTreeMap<&str, InPost> = BTreeMap::new();
        for p in &everyone_in_post {
            let name = name_of(p);
            let entry = groups.entry(name).or_insert_with(|| InPost {
                name: name.to_owned(),
                employed_fte: 0.0,
                agency_fte: 0.0,
                headcount: 0,
            });
            entry.headcount += 1;
            if direct(p) {
                entry.employed_fte += fte(p)
            } else if p.contract == Contract::Agency {
                entry.agency_fte += fte(p)
            }
        }
        groups.into_values().collect::<Vec<_>>()
    };
    let by_role = group(&|p| &p.role);
    let by_team = group(&|p| p.team.as_deref().unwrap_or("No team recorded"));

    StaffFigures {
        people: list.people.len(),
        reference_date: reference,
        year_from,
        in_post_fte,
        in_post_headcount: employed_in_post.len(),
        agency_fte: sum(&agency),
        agency_headcount: agency.len(),
        indirect_fte: sum(&indirect),
        indirect_headcount: indirect.len(),
        definitions,
        starters_fte: sum(&starters),
        starters_headcount: starters.len(),
        leavers_fte: sum(&leavers),
        leavers_headcount: leavers.len(),
        turnover_fte: ratio(sum(&leavers), in_post_fte),
        turnover_headcount: ratio(leavers.len() as f64, employed_in_post.len() as f64),
        leavers_by_reason,
        service_bands: service_labels.iter().map(|l| l.to_string()).zip(service).collect(),
        age_bands,
        aged_55_and_over,
        age_unknown,
        caseload,
        by_role,
        by_team,
        gaps,
    }
}

/// The DfE reference date a list most likely describes: the latest 30 September on or before
/// its latest start or leaving date. `None` when it has no dates.
pub fn default_reference_date(list: &StaffList) -> Option<Date> {
    let latest = list.people.iter().flat_map(|p| [p.start, p.leaving]).flatten().max()?;
    let this_year = Date::new(latest.year, 9, 30)?;
    if latest >= this_year {
        Some(this_year)
    } else {
        Date::new(latest.year - 1, 9, 30)
    }
}

/// Whole years from `from` to `to`, as birthdays and anniversaries count them.
fn completed_years(from: Date, to: Date) -> u32 {
    let mut years = to.year - from.year;
    if (to.month, to.day) < (from.month, from.day) {
        years -= 1;
    }
    years.max(0) as u32
}

/// Counts by age band: under 25, then 5- or 10-year bands, then 65 and over.
fn age_profile(ages: &[u32], width: BandWidth) -> Vec<(String, usize)> {
    let edges: &[u32] = match width {
        BandWidth::Five => &[25, 30, 35, 40, 45, 50, 55, 60, 65],
        BandWidth::Ten => &[25, 35, 45, 55, 65],
    };
    let mut bands: Vec<(String, usize)> = Vec::new();
    bands.push(("Under 25".into(), ages.iter().filter(|&&a| a < 25).count()));
    for pair in edges.windows(2) {
        let (low, high) = (pair[0], pair[1]);
        bands.push((format!("{low} to {}", high - 1), ages.iter().filter(|&&a| a >= low && a < high).count()));
    }
    bands.push(("65 and over".into(), ages.iter().filter(|&&a| a >= 65).count()));
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_date_is_the_latest_30_september_the_data_reaches() {
        let person = |start: Option<Date>, leaving: Option<Date>| Person {
            line: 1,
            role: "Social Worker".into(),
            team: None,
            fte: Some(1.0),
            contract: crate::engine::model::Contract::Permanent,
            start,
            leaving,
            leaving_reason: None,
            date_of_birth: None,
            age: None,
            cases: None,
        };
        let list = |dates: &[(Option<Date>, Option<Date>)]| StaffList {
            people: dates.iter().map(|&(s, l)| person(s, l)).collect(),
        };
        let d = |y, m, day| Date::new(y, m, day);
        assert_eq!(default_reference_date(&list(&[(d(2020, 1, 1), d(2026, 11, 2))])), d(2026, 9, 30));
        assert_eq!(default_reference_date(&list(&[(d(2026, 3, 1), None)])), d(2025, 9, 30));
        assert_eq!(default_reference_date(&list(&[(d(2025, 9, 30), None)])), d(2025, 9, 30));
        assert_eq!(default_reference_date(&list(&[(None, None)])), None);
    }

    #[test]
    fn years_complete_on_the_anniversary() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(completed_years(d(1970, 9, 30), d(2025, 9, 30)), 55);
        assert_eq!(completed_years(d(1970, 10, 1), d(2025, 9, 30)), 54);
        assert_eq!(completed_years(d(2025, 10, 1), d(2025, 9, 30)), 0);
    }

    #[test]
    fn age_bands_cover_every_age_once() {
        let ages: Vec<u32> = (18..80).collect();
        for width in [BandWidth::Five, BandWidth::Ten] {
            let total: usize = age_profile(&ages, width).iter().map(|(_, n)| n).sum();
            assert_eq!(total, ages.len());
        }
        let ten = age_profile(&[24, 25, 34, 35, 54, 55, 64, 65], BandWidth::Ten);
        let counts: Vec<usize> = ten.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [1, 2, 1, 1, 2, 1]);
        assert_eq!(ten[4].0, "55 to 64");
    }
}
