//! What kind of workforce table a grid holds: import recognises it, every layer after names it.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
/// `Unknown` stays last, and `ALL` lists every kind in this order (a test checks both).
pub enum TableKind {
    /// Establishment by role or team: establishment, permanent, agency, vacant.
    Establishment,
    /// One row a person: role, team, FTE, contract type, start and leaving dates, age.
    StaffList,
    /// The DfE children's social work workforce indicators file (`../shared/domain.md`).
    DfeIndicators,
    /// Each council's ten statistical neighbours, by old council code.
    StatisticalNeighbours,
    /// Periods down the side and measures across.
    TimeSeries,
    /// A programme cohort: started, completed, still employed.
    Cohort,
    /// Recruitment campaigns: posts advertised, applications, appointments.
    Recruitment,
    /// Numbered recommendations with a status and an update.
    RecommendationsTracker,
    /// Budget, spent and remaining.
    Budget,
    /// A published comparison file: a figure for each council (and region, England) and
    /// measure, long or wide (Oflog, LG Inform, Skills for Care).
    Comparison,
    /// Any other table with a heading row and figures.
    General,
    Unknown,
}

impl TableKind {
    pub const ALL: [TableKind; 12] = [
        TableKind::Establishment,
        TableKind::StaffList,
        TableKind::DfeIndicators,
        TableKind::StatisticalNeighbours,
        TableKind::TimeSeries,
        TableKind::Cohort,
        TableKind::Recruitment,
        TableKind::RecommendationsTracker,
        TableKind::Budget,
        TableKind::Comparison,
        TableKind::General,
        TableKind::Unknown,
    ];

    /// How the officer is told what was recognised.
    pub fn describe(self) -> &'static str {
        match self {
            TableKind::Establishment => "an establishment table (posts by role or team)",
            TableKind::StaffList => "a staff list (one row for each person)",
            TableKind::DfeIndicators => "the DfE children's social work workforce indicators file",
            TableKind::StatisticalNeighbours => "a statistical neighbours file (each council's ten closest councils)",
            TableKind::TimeSeries => "a time series (periods down the side, measures across)",
            TableKind::Cohort => "a cohort table (started, completed, still employed)",
            TableKind::Recruitment => "a recruitment table (posts advertised, applications, appointments)",
            TableKind::RecommendationsTracker => "a recommendations tracker (recommendation, status, update)",
            TableKind::Budget => "a budget table (budget, spent, remaining)",
            TableKind::Comparison => "a comparison file (a figure for each council, measure and period)",
            TableKind::General => "a table of figures",
            TableKind::Unknown => "a table of a kind this tool does not recognise",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` holds every kind at its own place: problems cross from the worker by that place.
    #[test]
    fn all_lists_every_kind_in_order() {
        for (at, kind) in TableKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, at, "{kind:?}");
        }
        assert_eq!(TableKind::ALL.len(), TableKind::Unknown as usize + 1, "Unknown is the last kind");
    }
}
