//! The Checks panel's findings: what is wrong with a table, named by row and column.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wrb::engine::import::read_establishment;
use wrb::engine::metrics::checks::establishment_checks;
use wrb::engine::metrics::establishment_figures;
use wrb::engine::model::RawInput;
use wrb::engine::sample::sample_project;

const HEAD: &str = "Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under\n";

fn warnings(text: &str) -> Vec<String> {
    let table = read_establishment(text).unwrap();
    establishment_checks(&table).into_iter().filter(|f| !f.passed).map(|f| f.message).collect()
}

fn passes(text: &str) -> Vec<String> {
    let table = read_establishment(text).unwrap();
    establishment_checks(&table).into_iter().filter(|f| f.passed).map(|f| f.message).collect()
}

#[test]
fn the_sample_passes_every_check() {
    for input in sample_project().tables {
        let RawInput::Text(text) = &input.raw else { panic!() };
        assert_eq!(warnings(text), Vec::<String>::new(), "{}", input.period);
        assert_eq!(
            passes(text),
            [
                "The stated totals agree with the sums of the rows.",
                "Every (over)/under figure is establishment − permanent − agency."
            ]
        );
    }
}

#[test]
fn each_problem_is_named_with_its_figures() {
    let cases: &[(&str, String, &[&str])] = &[
        (
            "a stated total that is not the sum",
            format!("{HEAD}A\t10\t8\t1\t2\t1\nB\t5\t5\t0\t0\t0\nTotal\t15\t13\t1.5\t2\t1\n"),
            &["The stated total for Agency is 1.50, but the roles add up to 1.00 (a difference of 0.50)."],
        ),
        (
            "a row that fits neither convention",
            format!("{HEAD}Social Worker\t10\t7\t2\t3\t2\nTeam Manager\t4\t3\t0\t1\t1\n"),
            &["Social Worker: the (over)/under is stated as 2.00, but establishment − permanent − agency gives 1.00 and establishment − permanent − agency − vacant gives (2.00)."],
        ),
        (
            "a table that mixes the conventions",
            format!("{HEAD}Social Worker\t10\t7\t2\t3\t1\nTeam Manager\t4\t2\t1\t1\t0\nSenior Practitioner\t6\t4\t1\t1\t0\n"),
            &["The table mixes the two ways of working out (over)/under: Social Worker follows establishment − permanent − agency, but Team Manager and Senior Practitioner follow establishment − permanent − agency − vacant."],
        ),
        (
            "a negative figure and the rate it breaks",
            format!("{HEAD}Social Worker\t10\t8\t-1\t2\t3\n"),
            &[
                "Social Worker: Agency is negative ((1.00)); FTE cannot be below zero.",
                "Social Worker: the agency rate works out outside 0% to 100%, because of a negative figure.",
            ],
        ),
        (
            "a role listed twice",
            format!("{HEAD}Social Worker\t10\t8\t1\t2\t1\nsocial  worker\t2\t2\t0\t0\t0\n"),
            &["social worker is listed twice (rows 2 and 3); both are counted in the totals."],
        ),
    ];
    for (what, text, expected) in cases {
        assert_eq!(warnings(text), *expected, "{what}");
    }
}

#[test]
fn the_other_convention_and_missing_totals_are_recognised() {
    let second = format!("{HEAD}Social Worker\t10\t7\t2\t1\t0\nTeam Manager\t4\t2\t1\t1\t0\n");
    assert_eq!(
        passes(&second),
        [
            "The table states no total row, so the totals shown are the sums of the rows.",
            "Every (over)/under figure is establishment − permanent − agency − vacant."
        ]
    );
    assert!(warnings(&second).is_empty());
}

fn table_text(rows: &[(f64, f64, f64, f64)], scale: f64) -> String {
    let mut text = String::from("Role\tEstablishment\tPermanent\tAgency\tVacant\n");
    for (i, (e, p, a, v)) in rows.iter().enumerate() {
        text.push_str(&format!("Role {i}\t{}\t{}\t{}\t{}\n", e * scale, p * scale, a * scale, v * scale));
    }
    text
}

proptest! {
    /// With figures that cannot be negative, every rate that can be given lies in 0% to 100%.
    #[test]
    fn rates_stay_within_0_and_100(rows in prop::collection::vec((0.0f64..500.0, 0.0f64..500.0, 0.0f64..100.0, 0.0f64..100.0), 1..10)) {
        let figures = establishment_figures(&read_establishment(&table_text(&rows, 1.0)).unwrap());
        for role in figures.roles.iter().chain([&figures.total]) {
            for rate in [&role.vacancy_rate, &role.agency_rate].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(rate), "{rate}");
            }
        }
    }

    /// Rates are ratios of FTE, so scaling every FTE by the same factor leaves them unchanged.
    #[test]
    fn scaling_every_fte_leaves_rates_unchanged(
        rows in prop::collection::vec((0.0f64..500.0, 0.0f64..500.0, 0.0f64..100.0, 0.0f64..100.0), 1..10),
        scale in 0.1f64..10.0,
    ) {
        let before = establishment_figures(&read_establishment(&table_text(&rows, 1.0)).unwrap());
        let after = establishment_figures(&read_establishment(&table_text(&rows, scale)).unwrap());
        let pairs = before.roles.iter().chain([&before.total]).zip(after.roles.iter().chain([&after.total]));
        for (b, a) in pairs {
            for (x, y) in [(&b.vacancy_rate, &a.vacancy_rate), (&b.agency_rate, &a.agency_rate)] {
                match (x, y) {
                    (Ok(x), Ok(y)) => prop_assert!((x - y).abs() < 1e-9, "{x} vs {y}"),
                    (Err(_), Err(_)) => {}
                    other => prop_assert!(false, "availability changed: {other:?}"),
                }
            }
        }
    }
}
