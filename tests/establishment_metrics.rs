//! Establishment figures: the sample, and the awkward tables officers actually have.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::format::{fte, fte_bracketed, rate};
use wrb::engine::import::read_establishment;
use wrb::engine::metrics::{establishment_figures, EstablishmentFigures, NotAvailable, OverUnderBasis};
use wrb::engine::model::{Field, NoValue};
use wrb::engine::sample::sample_project;

fn figures(text: &str) -> EstablishmentFigures {
    establishment_figures(&read_establishment(text).expect("table should be readable"))
}

fn text_of(input: &wrb::engine::model::TableInput) -> &str {
    match &input.raw {
        wrb::engine::model::RawInput::Text(text) => text,
        other => panic!("the sample is text, not {other:?}"),
    }
}

fn shown(measure: &Result<f64, NotAvailable>, style: fn(f64) -> String) -> String {
    measure.as_ref().map_or_else(|why| format!("n/a ({why})"), |v| style(*v))
}

#[test]
fn sample_current_year_totals_and_rates() {
    let project = sample_project();
    let f = figures(text_of(&project.tables[0]));
    let t = &f.total;
    assert_eq!(f.roles.len(), 7, "the stated Total row is not counted as a role");
    assert_eq!(shown(&t.establishment, fte), "87.19");
    assert_eq!(shown(&t.permanent, fte), "59.79");
    assert_eq!(shown(&t.agency, fte), "24.00");
    assert_eq!(shown(&t.vacant, fte), "27.40");
    assert_eq!(shown(&t.over_under, fte_bracketed), "3.40");
    // 27.40 / (27.40 + 59.79) and 24.00 / (24.00 + 59.79)
    assert_eq!(shown(&t.vacancy_rate, rate), "31.4%");
    assert_eq!(shown(&t.agency_rate, rate), "28.6%");
    assert_eq!(f.over_under_basis, OverUnderBasis::Stated);

    let social_worker = f.roles.iter().find(|r| r.role == "Social Worker").unwrap();
    assert_eq!(shown(&social_worker.over_under, fte_bracketed), "(1.00)");
    assert_eq!(shown(&social_worker.vacancy_rate, rate), "35.1%"); // 15 / 42.69
    assert_eq!(shown(&social_worker.agency_rate, rate), "36.6%"); // 16 / 43.69
}

#[test]
fn sample_totals_agree_with_the_stated_total_row() {
    for input in sample_project().tables {
        let table = read_establishment(text_of(&input)).unwrap();
        let stated = table.stated_total.clone().expect("sample tables state their totals");
        let computed = establishment_figures(&table).total;
        for field in Field::ALL {
            let Some(wrb::engine::model::Entry::Number(expected)) = stated.get(field) else { panic!("{field:?}") };
            let got = computed.get(field).clone().unwrap();
            assert!((got - expected).abs() < 0.005, "{} {field:?}: stated {expected}, computed {got}", input.period);
        }
    }
}

#[test]
fn zero_establishment_gives_no_rate_rather_than_nan() {
    let f =
        figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nVacant team\t0\t0\t0\t0\nSocial Worker\t2\t1\t0\t1\n");
    let empty = &f.roles[0];
    assert_eq!(empty.vacancy_rate, Err(NotAvailable::NoDenominator));
    assert_eq!(empty.agency_rate, Err(NotAvailable::NoDenominator));
    assert_eq!(shown(&empty.over_under, fte_bracketed), "0.00");
    assert_eq!(shown(&f.total.vacancy_rate, rate), "50.0%");

    let all_zero = figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nA\t0\t0\t0\t0\n");
    assert_eq!(all_zero.total.vacancy_rate, Err(NotAvailable::NoDenominator));
}

#[test]
fn missing_columns_make_only_the_figures_that_need_them_unavailable() {
    // No Vacant column: vacancy rate unavailable, agency rate and (over)/under still given.
    let f = figures("Role\tEstablishment\tPermanent\tAgency\nSocial Worker\t10\t6\t3\n");
    let row = &f.roles[0];
    assert_eq!(row.vacant, Err(NotAvailable::NoColumn(Field::Vacant)));
    assert_eq!(row.vacancy_rate, Err(NotAvailable::NoColumn(Field::Vacant)));
    assert_eq!(shown(&row.agency_rate, rate), "33.3%");
    assert_eq!(shown(&row.over_under, fte_bracketed), "1.00");
    assert_eq!(f.over_under_basis, OverUnderBasis::Computed);

    // No Agency column: (over)/under cannot be computed, vacancy rate can.
    let f = figures("Role\tEstablishment\tPermanent\tVacant\nSocial Worker\t10\t6\t4\n");
    assert_eq!(f.total.over_under, Err(NotAvailable::NoColumn(Field::Agency)));
    assert_eq!(f.total.agency_rate, Err(NotAvailable::NoColumn(Field::Agency)));
    assert_eq!(shown(&f.total.vacancy_rate, rate), "40.0%");
}

#[test]
fn over_establishment_is_negative_and_printed_in_brackets() {
    let cases: &[(&str, &str)] = &[
        // computed: 10 - 9 - 3
        ("Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t9\t3\t1\n", "(2.00)"),
        // stated, in each way officers write a negative
        ("Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under\nSW\t10\t9\t3\t1\t(2.00)\n", "(2.00)"),
        ("Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under\nSW\t10\t9\t3\t1\t-2\n", "(2.00)"),
        ("Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under\nSW\t10\t9\t3\t1\t−2.00\n", "(2.00)"),
    ];
    for (text, expected) in cases {
        let f = figures(text);
        assert_eq!(shown(&f.roles[0].over_under, fte_bracketed), *expected, "{text:?}");
        assert_eq!(shown(&f.total.over_under, fte_bracketed), *expected, "{text:?}");
    }
}

#[test]
fn totals_are_summed_from_unrounded_values() {
    // Each row prints as 0.33; the total of the printed figures would be 0.99.
    let f = figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nA\t0.3333\t0.3333\t0\t0\nB\t0.3333\t0.3333\t0\t0\nC\t0.3334\t0.3334\t0\t0\n");
    assert_eq!(shown(&f.roles[0].establishment, fte), "0.33");
    assert_eq!(shown(&f.total.establishment, fte), "1.00");

    // The total's rate comes from the totals, not from averaging the rows' rates.
    let f = figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nA\t10\t9\t0\t1\nB\t2\t1\t0\t1\n");
    assert_eq!(shown(&f.roles[0].vacancy_rate, rate), "10.0%");
    assert_eq!(shown(&f.roles[1].vacancy_rate, rate), "50.0%");
    assert_eq!(shown(&f.total.vacancy_rate, rate), "16.7%"); // 2 / 12, not (10% + 50%) / 2
}

#[test]
fn a_blank_cell_is_no_value_not_zero() {
    let f = figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nA\t10\t8\t\t2\nB\t5\t5\t0\t0\n");
    assert_eq!(
        f.roles[0].agency,
        Err(NotAvailable::NoValue { field: Field::Agency, role: "A".into(), reason: NoValue::Blank })
    );
    assert!(f.total.agency.is_err(), "a total that would silently leave out a blank is not given");
    assert_eq!(shown(&f.total.establishment, fte), "15.00");
    let suppressed = figures("Role\tEstablishment\tPermanent\tAgency\tVacant\nA\t10\tc\t0\t2\n");
    assert!(matches!(
        suppressed.roles[0].vacancy_rate,
        Err(NotAvailable::NoValue { reason: NoValue::Confidential, .. })
    ));
}
