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
    /// This row's vacant posts not covered by agency workers: see [`vacant_not_covered`].
    pub fn vacant_not_covered(&self) -> Measure {
        vacant_not_covered(self.establishment.clone(), self.permanent.clone(), self.agency.clone(), self.vacant.clone())
    }

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

/// Share of the establishment that is vacant: vacant / establishment ("34 vacant posts against
/// an establishment of 106, almost one third", `../shared/domain.md`).
///
/// ```
/// use wrb::engine::metrics::share_vacant;
/// assert_eq!(share_vacant(Ok(34.0), Ok(106.0)).map(|s| (s * 1000.0).round()), Ok(321.0));
/// ```
pub fn share_vacant(vacant: Measure, establishment: Measure) -> Measure {
    let (vacant, establishment) = (vacant?, establishment?);
    if establishment > 0.0 {
        Ok(vacant / establishment)
    } else {
        Err(NotAvailable::NoDenominator)
    }
}

/// Vacancies covered by agency workers, DfE's "agency FTE covering vacancies / vacancy FTE"
/// (`../shared/domain.md`). An establishment table does not say which agency workers cover
/// vacancies, so this assumes they fill vacant posts first: min(agency, vacant) / vacant.
///
/// ```
/// use wrb::engine::metrics::agency_cover_of_vacancies;
/// assert_eq!(agency_cover_of_vacancies(Ok(2.0), Ok(4.0)), Ok(0.5));
/// assert_eq!(agency_cover_of_vacancies(Ok(6.0), Ok(4.0)), Ok(1.0));
/// ```
pub fn agency_cover_of_vacancies(agency: Measure, vacant: Measure) -> Measure {
    let (agency, vacant) = (agency?, vacant?);
    if vacant > 0.0 {
        Ok(agency.clamp(0.0, vacant) / vacant)
    } else {
        Err(NotAvailable::NoDenominator)
    }
}

/// Vacant posts that no agency worker covers, in FTE: DfE's vacancy FTE less the "agency FTE
/// covering vacancies" (`../shared/domain.md`, "Metric definitions"). An establishment is staff
/// in post plus vacancies (`../shared/domain.md`), so the posts neither permanent staff nor
/// agency workers fill are establishment − permanent − agency; that is the uncovered part under
/// either (over)/under convention, but never more than the table's own Vacant figure, so a post
/// the table does not count as vacant is never shown as one. Without a Vacant figure, the
/// establishment definition alone gives it.
///
/// ```
/// use wrb::engine::metrics::vacant_not_covered;
/// // Vacant counts the posts agency workers cover: 4 vacant, 1 covered.
/// assert_eq!(vacant_not_covered(Ok(10.0), Ok(6.0), Ok(1.0), Ok(4.0)), Ok(3.0));
/// // Posts with no one in them that the table does not count as vacant.
/// assert_eq!(vacant_not_covered(Ok(2.0), Ok(0.0), Ok(0.0), Ok(0.0)), Ok(0.0));
/// ```
pub fn vacant_not_covered(establishment: Measure, permanent: Measure, agency: Measure, vacant: Measure) -> Measure {
    let unfilled = (establishment? - permanent? - agency?).max(0.0);
    Ok(vacant.map_or(unfilled, |vacant| unfilled.min(vacant.max(0.0))))
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
    let basis = if table.has(Field::OverUnder) { OverUnderBasis::Stated } else { OverUnderBasis::Computed };
    let roles: Vec<RoleFigures> = table.rows.iter().map(|row| role_figures(row, basis)).collect();
    let total = total_figures(&roles, basis);
    EstablishmentFigures { roles, total, over_under_basis: basis }
}

fn role_figures(row: &RoleRow, basis: OverUnderBasis) -> RoleFigures {
    with_derived_figures(row.role.clone(), basis, |field| match row.get(field) {
        None => Err(NotAvailable::NoColumn(field)),
        Some(Entry::Number(value)) => Ok(value),
        Some(Entry::NoValue(reason)) => Err(NotAvailable::NoValue { field, role: row.role.clone(), reason }),
    })
}

/// Sums each column over the roles; a total that would leave out a missing cell is not given.
fn total_figures(roles: &[RoleFigures], basis: OverUnderBasis) -> RoleFigures {
    with_derived_figures("Total".to_owned(), basis, |field| {
        roles.iter().try_fold(0.0, |total, role| Ok(total + role.get(field).clone()?))
    })
}

/// (Over)/under establishment = establishment − permanent − agency, the first convention in
/// `../shared/domain.md` ("(Over)/under establishment"). Negative means over establishment.
fn over_under(establishment: &Measure, permanent: &Measure, agency: &Measure) -> Measure {
    Ok(establishment.clone()? - permanent.clone()? - agency.clone()?)
}

/// Takes the counts from `figure` and adds the rates and the (over)/under, stated or computed.
fn with_derived_figures(role: String, basis: OverUnderBasis, figure: impl Fn(Field) -> Measure) -> RoleFigures {
    let establishment = figure(Field::Establishment);
    let permanent = figure(Field::Permanent);
    let agency = figure(Field::Agency);
    let vacant = figure(Field::Vacant);
    let over_under = match basis {
        OverUnderBasis::Stated => figure(Field::OverUnder),
        OverUnderBasis::Computed => over_under(&establishment, &permanent, &agency),
    };
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
