//! Establishment, vacancy and agency figures by role and in total.

use super::{Measure, NotAvailable};
use crate::engine::model::{Entry, EstablishmentTable, Field, RoleRow};

/// How the (over)/under column was arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverUnderBasis {
    /// Taken from the source table's own column.
    Stated,
    /// Establishment − permanent − agency, the first of the two conventions in
    /// `../shared/domain.md` ("(Over)/under establishment").
    Computed,
}

/// The figures for one role, or for the total.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleFigures {
    pub role: String,
    pub establishment: Measure,
    pub permanent: Measure,
    pub agency: Measure,
    pub vacant: Measure,
    /// Negative means over establishment.
    pub over_under: Measure,
    pub vacancy_rate: Measure,
    pub agency_rate: Measure,
}

impl RoleFigures {
    pub fn get(&self, field: Field) -> &Measure {
        match field {
            Field::Establishment => &self.establishment,
            Field::Permanent => &self.permanent,
            Field::Agency => &self.agency,
            Field::Vacant => &self.vacant,
            Field::OverUnder => &self.over_under,
        }
    }
}

/// Every role's figures and the total, all from unrounded values.
#[derive(Clone, Debug, PartialEq)]
pub struct EstablishmentFigures {
    pub roles: Vec<RoleFigures>,
    pub total: RoleFigures,
    pub over_under_basis: OverUnderBasis,
}

/// Vacancy rate (FTE): vacancies / (vacancies + staff in post), where in post means directly
/// employed and agency workers are not in the denominator. DfE children's social work workforce
/// methodology, as in `../shared/domain.md` ("Metric definitions").
///
/// ```
/// use wrb::engine::metrics::vacancy_rate;
/// assert_eq!(vacancy_rate(Ok(2.0), Ok(8.0)), Ok(0.2));
/// assert!(vacancy_rate(Ok(0.0), Ok(0.0)).is_err());
/// ```
pub fn vacancy_rate(vacant: Measure, permanent: Measure) -> Measure {
    share(vacant, permanent)
}

/// Agency worker rate (FTE): agency workers / (agency workers + staff in post). DfE children's
/// social work workforce methodology, as in `../shared/domain.md` ("Metric definitions").
///
/// ```
/// use wrb::engine::metrics::agency_rate;
/// assert_eq!(agency_rate(Ok(1.0), Ok(3.0)), Ok(0.25));
/// ```
pub fn agency_rate(agency: Measure, permanent: Measure) -> Measure {
    share(agency, permanent)
}

/// part / (part + rest), if there is anything to divide by.
fn share(part: Measure, rest: Measure) -> Measure {
    let (part, rest) = (part?, rest?);
    let whole = part + rest;
    if whole > 0.0 {
        Ok(part / whole)
    } else {
        Err(NotAvailable::NoDenominator)
    }
}

/// The report's figures for an establishment table.
pub fn establishment_figures(table: &EstablishmentTable) -> EstablishmentFigures {
    let basis = if table.has(Field::OverUnder) {
        OverUnderBasis::Stated
    } else {
        OverUnderBasis::Computed
    };
    let roles: Vec<RoleFigures> = table
        .rows
        .iter()
        .map(|row| role_figures(row, basis))
        .collect();
    let total = total_figures(&roles, basis);
    EstablishmentFigures {
        roles,
        total,
        over_under_basis: basis,
    }
}

fn role_figures(row: &RoleRow, basis: OverUnderBasis) -> RoleFigures {
    let figure = |field: Field| -> Measure {
        match row.get(field) {
            None => Err(NotAvailable::NoColumn(field)),
            Some(Entry::Number(value)) => Ok(value),
            Some(Entry::NoValue(reason)) => Err(NotAvailable::NoValue {
                field,
                role: row.role.clone(),
                reason,
            }),
        }
    };
    complete(
        row.role.clone(),
        [
            figure(Field::Establishment),
            figure(Field::Permanent),
            figure(Field::Agency),
            figure(Field::Vacant),
        ],
        match basis {
            OverUnderBasis::Stated => Some(figure(Field::OverUnder)),
            OverUnderBasis::Computed => None,
        },
    )
}

/// Sums each column over the roles; a total that would leave out a missing cell is not given.
fn total_figures(roles: &[RoleFigures], basis: OverUnderBasis) -> RoleFigures {
    let sum = |field: Field| -> Measure {
        roles
            .iter()
            .try_fold(0.0, |total, role| Ok(total + role.get(field).clone()?))
    };
    complete(
        "Total".to_owned(),
        [
            sum(Field::Establishment),
            sum(Field::Permanent),
            sum(Field::Agency),
            sum(Field::Vacant),
        ],
        match basis {
            OverUnderBasis::Stated => Some(sum(Field::OverUnder)),
            OverUnderBasis::Computed => None,
        },
    )
}

/// Adds the derived figures to the four counts; `stated_over_under` is `None` when it is computed.
fn complete(role: String, counts: [Measure; 4], stated_over_under: Option<Measure>) -> RoleFigures {
    let [establishment, permanent, agency, vacant] = counts;
    let over_under = stated_over_under
        .unwrap_or_else(|| Ok(establishment.clone()? - permanent.clone()? - agency.clone()?));
    RoleFigures {
        role,
        vacancy_rate: vacancy_rate(vacant.clone(), permanent.clone()),
        agency_rate: agency_rate(agency.clone(), permanent.clone()),
        establishment,
        permanent,
        agency,
        vacant,
        over_under,
    }
}
