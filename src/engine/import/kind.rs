//! What kind of workforce table a grid holds, judged from its headings, so the officer is
//! told what was recognised and the right reader is used.

pub use crate::engine::model::TableKind;

use super::establishment::finds_header;
use super::grid::GridRow;
use super::headings::key;

/// How far down to look for headings.
const SEARCH_ROWS: usize = 30;

/// Classifies the grid by the headings in its first rows; the most specific kind wins.
///
/// ```
/// use wrb::engine::import::{kind::{classify, TableKind}, split_text};
/// let rows = split_text("Name\tRole\tFTE\tContract type\tStart date\nA. Patel\tSocial Worker\t1\tPermanent\t01/04/2020\n");
/// assert_eq!(classify(&rows), TableKind::StaffList);
/// ```
pub fn classify(rows: &[GridRow]) -> TableKind {
    let header_rows = rows.iter().take(SEARCH_ROWS);
    let mut best = TableKind::Unknown;
    for row in header_rows {
        let keys: Vec<String> = row.cells.iter().map(|c| key(c)).filter(|k| !k.is_empty()).collect();
        let has = |words: &[&str]| keys.iter().any(|k| words.iter().any(|w| k == w || k.starts_with(w)));
        let kind = if has(&["timeperiod"])
            && has(&["laname", "geographiclevel"])
            && has(&["inpostfte", "vacancyfte", "agencyfte"])
        {
            TableKind::DfeIndicators
        } else if has(&["oldlacode"]) && has(&["sn1"]) {
            TableKind::StatisticalNeighbours
        } else if comparison_evidence(&has) {
            TableKind::Comparison
        } else if has(&["recommendation"]) && has(&["status", "rag", "progress"]) {
            TableKind::RecommendationsTracker
        } else if has(&["programme", "cohort", "scheme"]) && has(&["completed", "qualified", "passed"]) {
            TableKind::Cohort
        } else if has(&["applications", "applicants"]) && has(&["posts", "postsadvertised", "vacancies", "advertised"])
        {
            TableKind::Recruitment
        } else if staff_list_evidence(&has) {
            TableKind::StaffList
        } else if (has(&["budget"])
            && has(&["spent", "spend", "actual", "outturn", "remaining", "variance", "forecast"]))
            || (has(&["spent", "spend", "actual"]) && has(&["remaining", "balance"]))
        {
            TableKind::Budget
        } else if row.cells.first().is_some_and(|c| {
            matches!(key(c).as_str(), "year" | "period" | "month" | "quarter" | "date" | "financialyear" | "timeperiod")
        }) && row.cells.len() >= 2
        {
            TableKind::TimeSeries
        } else {
            continue;
        };
        best = kind;
        break;
    }
    if best == TableKind::Unknown && finds_header(rows) {
        return TableKind::Establishment;
    }
    // An establishment header outranks a loose time-series guess made from a "Period" column.
    if best == TableKind::TimeSeries && finds_header(rows) {
        TableKind::Establishment
    } else {
        best
    }
}

/// A comparison file names its areas as councils do (local authority, CSSR, area code), or
/// is in long form with an area, a measure and a value. "Area" alone is not enough: councils'
/// own tables use it for their teams ("North area").
fn comparison_evidence(has: &dyn Fn(&[&str]) -> bool) -> bool {
    use super::comparison::{AREA_CODES, MEASURES};
    has(&["localauthorityname", "laname", "cssr", "councilname", "geographyname"])
        || has(AREA_CODES)
        || (has(&["areaname", "area", "localauthority", "council"]) && has(MEASURES) && has(&["value"]))
}

/// Person-level columns: three kinds of them, or two where one is about employment (contract,
/// start, leaving), since a name and an age alone could be any list of people.
fn staff_list_evidence(has: &dyn Fn(&[&str]) -> bool) -> bool {
    let groups: Vec<bool> = [
        &["employeeid", "staffid", "employeenumber", "personid", "payrollnumber", "name", "surname"][..],
        &["contracttype", "contract", "employmenttype", "employmentstatus"],
        &["startdate", "datestarted", "started", "hiredate", "dateofjoining", "servicestartdate"],
        &["leavingdate", "enddate", "dateleft", "leaverdate", "terminationdate"],
        &["leavingreason", "reasonforleaving", "reason"],
        &["dateofbirth", "dob", "age", "ageband"],
    ]
    .iter()
    .map(|group| has(group))
    .collect();
    let found = groups.iter().filter(|&&g| g).count();
    let employment = groups[1..5].iter().any(|&g| g);
    found >= 3 || (found >= 2 && employment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::split_text;

    #[test]
    fn kinds_are_recognised_from_their_headings() {
        let cases: &[(&str, TableKind)] = &[
            ("Role\tEstablishment\tPermanent\tAgency\tVacant\nSW\t1\t1\t0\t0\n", TableKind::Establishment),
            ("Employee ID\tRole\tTeam\tFTE\tContract type\tStart date\tLeaving date\n1\tSW\tA\t1\tPermanent\t01/04/2020\t\n", TableKind::StaffList),
            ("time_period,geographic_level,la_name,inpost_fte,vacancy_fte\n2025,National,,1,2\n", TableKind::DfeIndicators),
            ("Year\tVacancy rate\tAgency rate\n2023/24\t20.1%\t18.2%\n", TableKind::TimeSeries),
            ("Programme\tStarted\tCompleted\tStill employed\nASYE 2023\t12\t11\t9\n", TableKind::Cohort),
            ("No.\tTheme\tRecommendation\tStatus\tUpdate\n1\tRecruitment\tReview pay\tGreen\tDone\n", TableKind::RecommendationsTracker),
                        ("Item\tBudget\tSpent\tRemaining\nTraining\t£10,000\t£4,000\t£6,000\n", TableKind::Budget),
            ("Campaign\tPosts advertised\tApplications\tAppointments\nSpring\t6\t90\t4\n", TableKind::Recruitment),
                        ("old_la_code,la_name,SN_1,SN_1P\n301,Barking and Dagenham,308,Close\n", TableKind::StatisticalNeighbours),
            ("Financial year,Local authority code,Local authority name,Measure,Value\n2022-23,E06000005,Darlington,Turnover,28\n", TableKind::Comparison),
            ("CSSR (LA area)\tSector\tJob role\tTurnover rate\tVacancy rate\nBarnsley\tLocal authority\tSocial worker\t12%\t*\n", TableKind::Comparison),
            ("Area code,Area name,Period,Turnover\nE92000001,England,2023,28\n", TableKind::Comparison),
            ("Area\tVacancies\tAgency\nNorth area\t3\t2\n", TableKind::Establishment),
            ("Name\tAge\nSam\t40\n", TableKind::Unknown),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(&split_text(text)), *expected, "{text:?}");
        }
    }
}
