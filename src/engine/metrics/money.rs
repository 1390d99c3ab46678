//! Money: the yearly premium paid for agency workers over permanent staff, and budgets.

use super::{Measure, NotAvailable};

/// Assumptions that turn a day or hourly rate into a year, stated with every figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkingYear {
    /// Days an agency worker is paid for in a year (52 weeks of 5 days, less 8 bank holidays).
    pub days: f64,
    /// Hours in a full-time day (37 hours a week over 5 days).
    pub hours_per_day: f64,
}

impl Default for WorkingYear {
    fn default() -> Self {
        WorkingYear { days: 252.0, hours_per_day: 7.4 }
    }
}

/// How an agency worker is charged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AgencyCharge {
    Daily(f64),
    Hourly(f64),
}

/// The yearly cost of agency cover over employing the same FTE permanently:
/// agency FTE × (charge for a year − salary × (1 + on-costs)). On-costs (employer's pension
/// and National Insurance) as a fraction, e.g. 0.3. Negative when agency cover is cheaper.
///
/// ```
/// use wrb::engine::metrics::money::{agency_premium, AgencyCharge, WorkingYear};
/// // 2 FTE at £400 a day against a £45,000 salary with 30% on-costs.
/// let premium = agency_premium(2.0, AgencyCharge::Daily(400.0), 45_000.0, 0.3, WorkingYear::default());
/// assert_eq!(premium, Ok(2.0 * (400.0 * 252.0 - 58_500.0)));
/// ```
pub fn agency_premium(agency_fte: f64, charge: AgencyCharge, salary: f64, on_costs: f64, year: WorkingYear) -> Measure {
    if !(agency_fte.is_finite() && salary.is_finite() && on_costs.is_finite()) || agency_fte < 0.0 {
        return Err(NotAvailable::NoDenominator);
    }
    let agency_year = match charge {
        AgencyCharge::Daily(rate) => rate * year.days,
        AgencyCharge::Hourly(rate) => rate * year.hours_per_day * year.days,
    };
    Ok(agency_fte * (agency_year - salary * (1.0 + on_costs)))
}

/// A budget line: spent and remaining, the share spent, and a multi-year sum per year.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetFigures {
    pub spent: f64,
    pub remaining: f64,
    pub share_spent: Measure,
    /// The budget per year, when it covers several years.
    pub per_year: Measure,
}

/// Figures for a budget of `budget` over `years` years with `spent` so far.
///
/// ```
/// use wrb::engine::metrics::money::budget;
/// let b = budget(120_000.0, 30_000.0, 3.0);
/// assert_eq!((b.remaining, b.share_spent, b.per_year), (90_000.0, Ok(0.25), Ok(40_000.0)));
/// ```
pub fn budget(budget: f64, spent: f64, years: f64) -> BudgetFigures {
    let share = |n: f64, d: f64| if d > 0.0 { Ok(n / d) } else { Err(NotAvailable::NoDenominator) };
    BudgetFigures {
        spent,
        remaining: budget - spent,
        share_spent: share(spent, budget),
        per_year: share(budget, years),
    }
}
