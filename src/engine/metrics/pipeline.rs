//! Cohorts and pipelines (newly qualified social workers through the ASYE year, students,
//! apprentices), recruitment campaigns, projections of the workforce, and what-if scenarios.

use super::money::{agency_premium, AgencyCharge, WorkingYear};
use super::{agency_rate, Measure, NotAvailable};
use crate::engine::model::{Scenario, ENGLAND_TURNOVER_PERCENT};

fn share(part: f64, whole: f64) -> Measure {
    if whole > 0.0 && part.is_finite() {
        Ok(part / whole)
    } else {
        Err(NotAvailable::NoDenominator)
    }
}

/// Retention of a cohort: still employed / completed.
///
/// ```
/// assert_eq!(wrb::engine::metrics::pipeline::retention(9.0, 12.0), Ok(0.75));
/// ```
pub fn retention(still_employed: f64, completed: f64) -> Measure {
    share(still_employed, completed)
}

/// Completion of a cohort: completed / started.
pub fn completion(completed: f64, started: f64) -> Measure {
    share(completed, started)
}

/// A recruitment campaign's applications and appointments per post advertised.
pub fn per_post(count: f64, posts: f64) -> Measure {
    share(count, posts)
}

/// One month of a projection.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectedMonth {
    pub month: u32,
    pub in_post_fte: f64,
    pub vacancy_rate: Measure,
}

/// What the projection starts from and assumes, all in FTE a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProjectionInputs {
    pub establishment: f64,
    pub in_post: f64,
    /// Recruits a year from open recruitment.
    pub starters_a_year: f64,
    /// Leavers a year as a share of those in post (the turnover rate, as a fraction).
    pub turnover: f64,
    /// Joiners a year from the pipeline (newly qualified, apprentices completing).
    pub pipeline_a_year: f64,
}

/// Projects staff in post month by month: each month adds a twelfth of the year's starters and
/// pipeline and loses a twelfth of the turnover rate of those then in post; in post never passes
/// the establishment (posts must exist to be filled) or falls below zero. The vacancy rate is
/// (establishment − in post) / establishment, the DfE measure with every post held by someone
/// in post or vacant.
///
/// ```
/// use wrb::engine::metrics::pipeline::{project, ProjectionInputs};
/// let months = project(ProjectionInputs { establishment: 100.0, in_post: 80.0, starters_a_year: 12.0,
///     turnover: 0.0, pipeline_a_year: 0.0 }, 12);
/// assert_eq!(months.last().unwrap().in_post_fte, 92.0);
/// ```
pub fn project(inputs: ProjectionInputs, months: u32) -> Vec<ProjectedMonth> {
    let mut in_post = inputs.in_post;
    (1..=months)
        .map(|month| {
            let joiners = (inputs.starters_a_year + inputs.pipeline_a_year) / 12.0;
            let leavers = in_post * inputs.turnover / 12.0;
            in_post = (in_post + joiners - leavers).clamp(0.0, inputs.establishment.max(0.0));
            let vacant = inputs.establishment - in_post;
            ProjectedMonth { month, in_post_fte: in_post, vacancy_rate: share(vacant, vacant + in_post) }
        })
        .collect()
}

/// What converting agency workers to permanent posts would do.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    /// The FTE converted: as asked, but never more than the agency FTE there is.
    pub converted: f64,
    pub agency_rate_before: Measure,
    pub agency_rate_after: Measure,
    /// Yearly saving: the FTE converted × the yearly premium per agency FTE.
    pub yearly_saving: Measure,
}

/// Converts `fte` agency workers to permanent staff: agency falls and permanent rises by that
/// FTE; the agency rate follows the DfE definition (agency / (agency + permanent)).
///
/// ```
/// use wrb::engine::metrics::pipeline::convert_agency;
/// let c = convert_agency(24.0, 60.0, 6.0, 40_000.0);
/// assert_eq!(c.yearly_saving, Ok(240_000.0));
/// assert!(c.agency_rate_after.unwrap() < c.agency_rate_before.unwrap());
/// ```
pub fn convert_agency(agency: f64, permanent: f64, fte: f64, premium_per_fte: f64) -> Conversion {
    let converted = fte.clamp(0.0, agency.max(0.0));
    Conversion {
        converted,
        agency_rate_before: agency_rate(Ok(agency), Ok(permanent)),
        agency_rate_after: agency_rate(Ok(agency - converted), Ok(permanent + converted)),
        yearly_saving: if premium_per_fte.is_finite() {
            Ok(converted * premium_per_fte)
        } else {
            Err(NotAvailable::NoDenominator)
        },
    }
}

/// What a scenario gives from the current establishment totals: the projection month by month
/// for three years, the premium one agency FTE costs over a permanent one, and the conversion.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioOutcome {
    pub months: Vec<ProjectedMonth>,
    pub premium: Measure,
    pub conversion: Conversion,
    /// The recruits a year assumed: the officer's, or enough to replace leavers.
    pub recruits: f64,
}

/// Recruits a year that replace leavers at the turnover assumed, to 1 decimal place: the
/// projection starts flat until the officer says otherwise.
pub fn steady_recruits(permanent: f64, turnover_percent: f64) -> f64 {
    (permanent * turnover_percent / 100.0 * 10.0).round() / 10.0
}

/// The Scenarios panel's figures, worked out in one place for the panel and the live figures.
pub fn scenario_outcome(s: &Scenario, establishment: f64, permanent: f64, agency: f64) -> ScenarioOutcome {
    // Until the officer gives a number, recruits replace leavers at England's turnover: a
    // higher turnover typed then shows the workforce shrinking, as it would.
    let recruits = s.recruits.unwrap_or_else(|| steady_recruits(permanent, ENGLAND_TURNOVER_PERCENT));
    let months = project(
        ProjectionInputs {
            establishment,
            in_post: permanent,
            starters_a_year: recruits,
            turnover: s.turnover_percent / 100.0,
            pipeline_a_year: s.pipeline,
        },
        36,
    );
    let premium = agency_premium(
        1.0,
        AgencyCharge::Daily(s.day_rate),
        s.salary,
        s.on_costs_percent / 100.0,
        WorkingYear::default(),
    );
    let conversion = convert_agency(agency, permanent, s.convert, premium.clone().unwrap_or(0.0));
    ScenarioOutcome { months, premium, conversion, recruits }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projections_stay_within_the_establishment_and_above_zero() {
        let base = ProjectionInputs {
            establishment: 100.0,
            in_post: 95.0,
            starters_a_year: 60.0,
            turnover: 0.0,
            pipeline_a_year: 0.0,
        };
        assert!(project(base, 36).iter().all(|m| m.in_post_fte <= 100.0));
        assert_eq!(project(base, 36).last().unwrap().vacancy_rate, Ok(0.0));
        let shrinking = ProjectionInputs { turnover: 50.0, starters_a_year: 0.0, ..base };
        assert!(project(shrinking, 36).iter().all(|m| m.in_post_fte >= 0.0));
    }

    #[test]
    fn a_higher_turnover_typed_shrinks_the_workforce_until_recruits_are_given() {
        let england = Scenario::default();
        let flat = scenario_outcome(&england, 100.0, 80.0, 10.0);
        let higher = scenario_outcome(&Scenario { turnover_percent: 25.0, ..england.clone() }, 100.0, 80.0, 10.0);
        let last = |o: &ScenarioOutcome| o.months.last().unwrap().in_post_fte;
        assert!((last(&flat) - 80.0).abs() < 0.5, "England's turnover replaced: {}", last(&flat));
        assert!(last(&higher) < last(&flat) - 5.0, "{} against {}", last(&higher), last(&flat));
        let recruited = scenario_outcome(&Scenario { recruits: Some(30.0), ..england }, 100.0, 80.0, 10.0);
        assert!(last(&recruited) > last(&flat));
    }

    #[test]
    fn turnover_and_joiners_balance_at_a_steady_state() {
        // 12 joiners a year against 15% turnover of 80 in post: 12 = 0.15 × 80, so no change.
        let steady = ProjectionInputs {
            establishment: 100.0,
            in_post: 80.0,
            starters_a_year: 8.0,
            turnover: 0.15,
            pipeline_a_year: 4.0,
        };
        for month in project(steady, 24) {
            assert!((month.in_post_fte - 80.0).abs() < 1e-9);
            assert!((month.vacancy_rate.clone().unwrap() - 0.2).abs() < 1e-12);
        }
    }

    #[test]
    fn rates_without_a_denominator_are_not_given() {
        assert_eq!(retention(3.0, 0.0), Err(NotAvailable::NoDenominator));
        assert_eq!(completion(10.0, 12.0), Ok(10.0 / 12.0));
        assert_eq!(per_post(45.0, 3.0), Ok(15.0));
        let none = convert_agency(0.0, 0.0, 2.0, 1.0);
        assert_eq!(none.agency_rate_after, Err(NotAvailable::NoDenominator));
        assert_eq!(none.yearly_saving, Ok(0.0), "nothing to convert");
    }
}
