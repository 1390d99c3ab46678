//! Staff lists: read as HR systems extract them, and the figures at a reference date.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::split_text;
use wrb::engine::import::staff::read_staff_list;
use wrb::engine::metrics::staff::{staff_figures, BandWidth, StaffFigures};
use wrb::engine::model::{Contract, Date};

/// Ten people; the year to 30/09/2025 runs from 01/10/2024.
const LIST: &str = "\
Employee ID\tName\tJob title\tTeam\tFTE\tContract type\tStart date\tLeaving date\tReason for leaving\tDate of birth\tCases
1\tA\tSocial Worker\tNorth\t1\tPermanent\t01/04/2015\t\t\t15/03/1968\t18
2\tB\tSocial Worker\tNorth\t0.5\tPermanent\t2024-11-01\t\t\t1990-06-01\t9
3\tC\tSocial Worker\tSouth\t1\tAgency\t01/01/2025\t\t\t01/01/1985\t20
4\tD\tSenior Social Worker\tSouth\t1\tFixed term\t01/09/2023\t\t\t30/09/1970\t0
5\tE\tSocial Worker\tNorth\t1\tPermanent\t01/01/2018\t31/03/2025\tCareer progression\t01/01/1980\t
6\tF\tSocial Worker\tSouth\t0.8\tPermanent\t01/01/2019\t30/06/2025\tRetirement\t01/01/1960\t
7\tG\tTeam Manager\tNorth\t1\tPermanent\t01/01/2010\t30/09/2024\tRetirement\t01/01/1959\t
8\tH\tTeam Manager\tSouth\t1\tPermanent\t01/06/2025\t\t\t01/10/1970\t
9\tI\tSocial Worker\tNorth\t1\tPermanent\t01/12/2025\t\t\t01/01/1995\t
10\tJ\tSocial Worker\tSouth\t0.6\tBank\t01/01/2022\t15/09/2025\t\t01/01/1975\t
";

fn figures() -> StaffFigures {
    let list = read_staff_list(&split_text(LIST)).unwrap();
    staff_figures(&list, Date::new(2025, 9, 30).unwrap(), BandWidth::Ten, Default::default())
}

#[test]
fn the_list_is_read_without_names() {
    let list = read_staff_list(&split_text(LIST)).unwrap();
    assert_eq!(list.people.len(), 10);
    assert_eq!(list.people[2].contract, Contract::Agency);
    assert_eq!(list.people[3].contract, Contract::FixedTerm);
    assert_eq!(list.people[1].start, Date::new(2024, 11, 1), "ISO dates as well as dd/mm/yyyy");
    assert!(!format!("{list:?}").contains("\"B\""), "names are not kept");
}

#[test]
fn in_post_starters_leavers_and_turnover_at_the_reference_date() {
    let f = figures();
    // In post, directly employed: 1 (1), 2 (0.5), 4 (1), 8 (1). 7 left before the year; 9 starts after.
    assert_eq!((f.in_post_fte, f.in_post_headcount), (3.5, 4));
    assert_eq!((f.agency_fte, f.agency_headcount), (1.0, 1));
    // Starters in the year: 2 (0.5) and 8 (1); the agency worker is not a starter.
    assert_eq!((f.starters_fte, f.starters_headcount), (1.5, 2));
    // Leavers in the year: 5 (1), 6 (0.8), 10 (0.6). 7 left on 30/09/2024, the day before the year.
    assert_eq!(f.leavers_headcount, 3);
    assert!((f.leavers_fte - 2.4).abs() < 1e-12);
    assert!((f.turnover_fte.clone().unwrap() - 2.4 / 3.5).abs() < 1e-12, "leavers / in post at the date");
    assert_eq!(f.turnover_headcount, Ok(0.75));
    assert_eq!(
        f.leavers_by_reason,
        [("Career progression".to_owned(), 1), ("Not recorded".to_owned(), 1), ("Retirement".to_owned(), 1)]
    );
}

#[test]
fn service_age_and_caseload() {
    let f = figures();
    let service: Vec<usize> = f.service_bands.iter().map(|(_, n)| *n).collect();
    // 2 (under 1 year), 8 (under 1), 4 (2 years), 1 (10 years).
    assert_eq!(service, [2, 0, 1, 0, 1]);
    // Ages at 30/09/2025 of those in post (agency too): 57, 35, 40, 55 (birthday today), 54.
    let ages: Vec<(&str, usize)> = f.age_bands.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    assert_eq!(
        ages,
        [("Under 25", 0), ("25 to 34", 0), ("35 to 44", 2), ("45 to 54", 1), ("55 to 64", 2), ("65 and over", 0)]
    );
    assert_eq!(f.aged_55_and_over, Ok(0.4));
    // Case holders with at least one case: 1 (18, 1 FTE), 2 (9, 0.5), 3 (20, 1 agency); 4 holds 0.
    assert!((f.caseload.clone().unwrap() - 47.0 / 2.5).abs() < 1e-12);
    let social_workers = f.by_role.iter().find(|r| r.name == "Social Worker").unwrap();
    assert_eq!((social_workers.employed_fte, social_workers.agency_fte, social_workers.headcount), (1.5, 1.0, 3));
    // North: 1 (1) and 2 (0.5); South: 3 (agency 1), 4 (1), 8 (1).
    let teams: Vec<(&str, f64, f64, usize)> =
        f.by_team.iter().map(|t| (t.name.as_str(), t.employed_fte, t.agency_fte, t.headcount)).collect();
    assert_eq!(teams, [("North", 1.5, 0.0, 2), ("South", 2.0, 1.0, 3)]);
}

#[test]
fn a_bad_date_is_named_by_row_and_column() {
    let text = "Role\tFTE\tContract\tStart date\nSocial Worker\t1\tPermanent\t31/02/2025\n";
    let problems = read_staff_list(&split_text(text)).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "Row 2, column Start date: '31/02/2025' is not a date (expected a date such as 30/09/2025)."
    );
}

#[test]
fn contracted_hours_become_fte_capped_at_one() {
    let text = "Role\tContracted hours\tContract\nSocial Worker\t18.5\tPermanent\nTeam Manager\t40\tPermanent\n";
    let list = read_staff_list(&split_text(text)).unwrap();
    assert_eq!(list.people[0].fte, Some(0.5));
    assert_eq!(list.people[1].fte, Some(1.0));
}

#[test]
fn an_age_band_counts_by_its_lower_bound_and_infinity_is_no_age() {
    let read = |age: &str| {
        let text = format!("Staff number\tRole\tFTE\tStart date\tAge\nS1\tSocial Worker\t1\t01/01/2020\t{age}\n");
        read_staff_list(&split_text(&text))
    };
    assert_eq!(read("55-59").unwrap().people[0].age, Some(55));
    assert_eq!(read("40").unwrap().people[0].age, Some(40));
    for age in ["inf", "NaN", "-inf", "1e300", "old"] {
        let problems = read(age).expect_err(age);
        assert_eq!(
            problems[0].to_string(),
            format!("Row 2, column Age: '{age}' is not an age or an age band such as 55-59."),
            "{age}"
        );
    }
}

/// Skills for Care's adult definitions count bank and pool staff, students and volunteers as
/// indirectly employed; apprentices are directly employed. The DfE's count all but agency.
#[test]
fn adult_definitions_leave_bank_staff_out_of_the_directly_employed() {
    use wrb::engine::model::Definitions;
    let list = "\
Employee ID\tJob title\tFTE\tContract type\tStart date\tLeaving date
1\tCare Worker\t1\tPermanent\t01/04/2015\t
2\tCare Worker\t1\tTemporary\t01/04/2020\t
3\tCare Worker\t0.5\tBank\t01/04/2020\t
4\tCare Worker\t1\tApprentice\t01/04/2024\t
5\tCare Worker\t0.4\tVolunteer\t01/04/2024\t
6\tCare Worker\t1\tAgency\t01/04/2024\t
7\tCare Worker\t1\tPermanent\t01/04/2015\t30/06/2025
8\tCare Worker\t0.5\tBank\t01/04/2015\t30/06/2025
";
    let list = read_staff_list(&split_text(list)).unwrap();
    let at = Date::new(2025, 9, 30).unwrap();
    let dfe = staff_figures(&list, at, BandWidth::Ten, Definitions::ChildrensDfe);
    let adult = staff_figures(&list, at, BandWidth::Ten, Definitions::AdultSkillsForCare);
    // DfE: permanent, temporary, bank, apprentice and volunteer are all directly employed.
    assert_eq!((dfe.in_post_headcount, dfe.agency_headcount, dfe.indirect_headcount), (5, 1, 0));
    assert_eq!(dfe.leavers_headcount, 2);
    assert_eq!(dfe.turnover_headcount, Ok(2.0 / 5.0));
    // Skills for Care: permanent, temporary and the apprentice; bank and the volunteer are not.
    assert_eq!((adult.in_post_headcount, adult.agency_headcount, adult.indirect_headcount), (3, 1, 2));
    assert!((adult.indirect_fte - 0.9).abs() < 1e-9);
    assert_eq!(adult.leavers_headcount, 1, "the bank leaver is not a directly employed leaver");
    assert_eq!(adult.turnover_headcount, Ok(1.0 / 3.0));
    assert_eq!(adult.turnover_fte, Ok(1.0 / 3.0));
    // Everyone in post is in the age profile's count, whoever employs them.
    assert_eq!(adult.age_unknown, dfe.age_unknown);
}
