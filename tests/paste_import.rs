//! Reading pasted establishment tables: what is accepted, and what each refusal says.
#![cfg(not(target_arch = "wasm32"))]

use wrb::engine::import::read_establishment;
use wrb::engine::model::{Entry, Field};

#[test]
fn tables_officers_paste_are_read() {
    // (what it is, the text, roles expected, establishment of the first role)
    let cases: &[(&str, &str, &[&str], f64)] = &[
        (
            "tab-separated from Excel, CRLF",
            "Role\tEstablishment\tPermanent\tAgency\tVacant\r\nSocial Worker\t10.00\t8.00\t1.00\t2.00\r\nTeam Manager\t2\t2\t0\t0\r\n",
            &["Social Worker", "Team Manager"],
            10.0,
        ),
        (
            "comma-separated with quoted thousands",
            "Role,Establishment,Permanent,Agency,Vacant\nSocial Worker,\"1,010.50\",8,1,2\n",
            &["Social Worker"],
            1010.5,
        ),
        ("semicolon-separated", "Role;Establishment;Permanent\nSocial Worker;10;8\n", &["Social Worker"], 10.0),
        (
            "title and blank line above the header",
            "Table 3: Establishment 2025/26\n\nRole\tEstablishment\tPermanent\nSocial Worker\t10\t8\n",
            &["Social Worker"],
            10.0,
        ),
        ("blank corner cell above the role names", "\tEstablishment\tPermanent\nSocial Worker\t10\t8\n", &["Social Worker"], 10.0),
        (
            "synonyms and an FTE suffix",
            "Job title\tBudgeted FTE\tIn post\tLocum\tVacancies\nSocial Worker\t10\t8\t1\t2\n",
            &["Social Worker"],
            10.0,
        ),
        (
            "a name wrapped in its cell and a stated total",
            "Role\tEstablishment\n\"Assistant Team\nManager\"\t9\nTotal\t9\n",
            &["Assistant Team Manager"],
            9.0,
        ),
        (
            "sub-heading and note lines without figures",
            "Role\tEstablishment\nFieldwork teams\t\nSocial Worker\t10\nNote: figures at 30 September\n",
            &["Social Worker"],
            10.0,
        ),
        (
            "rate columns beside the counts are left alone",
            "Role\tEstablishment\tPermanent\tVacancy rate\nSocial Worker\t10\t8\t20.0%\n",
            &["Social Worker"],
            10.0,
        ),
    ];
    for (what, text, roles, first_establishment) in cases {
        let table = read_establishment(text).unwrap_or_else(|p| panic!("{what}: {p:?}"));
        let names: Vec<&str> = table.rows.iter().map(|r| r.role.as_str()).collect();
        assert_eq!(names, *roles, "{what}");
        assert_eq!(table.rows[0].get(Field::Establishment), Some(Entry::Number(*first_establishment)), "{what}");
    }
}

#[test]
fn the_stated_total_is_kept_for_checking_and_not_counted() {
    let table = read_establishment("Role\tEstablishment\nA\t1\nB\t2\nGrand total\t3\n").unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.stated_total.unwrap().get(Field::Establishment), Some(Entry::Number(3.0)));
}

#[test]
fn columns_are_recorded_in_the_sources_order() {
    let table = read_establishment("Role\tVacant\tEstablishment\nA\t1\t5\n").unwrap();
    assert_eq!(table.columns, [Field::Vacant, Field::Establishment]);
    assert_eq!(table.rows[0].get(Field::Permanent), None, "no Permanent column");
}

#[test]
fn refusals_say_what_was_wrong_and_where() {
    // (what it is, the text, the messages expected)
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "a word where a number belongs",
            "Role\tEstablishment\tPermanent\tAgency\nSocial Worker\t10\t8\t1\nTeam Manager\t2\t2\ttwo\n",
            &["Row 3, column Agency: 'two' is not a number."],
        ),
        (
            "every bad cell is listed",
            "Role\tEstablishment\tPermanent\nA\tten\t8\nB\t2\t1,2\n",
            &["Row 2, column Establishment: 'ten' is not a number.", "Row 3, column Permanent: '1,2' is not a number."],
        ),
        (
            "figures with no role name",
            "Role\tEstablishment\nA\t1\n\t2\n",
            &["Row 3, column Role: there are figures but no role name."],
        ),
        (
            "two periods side by side",
            "Role\tEstablishment\tPermanent\tEstablishment\tPermanent\nA\t1\t1\t2\t2\n",
            &[
                "Row 1, column Establishment: there is more than one Establishment column. Paste one period at a time.",
                "Row 1, column Permanent: there is more than one Permanent column. Paste one period at a time.",
            ],
        ),
        (
            "headings only",
            "Role\tEstablishment\n",
            &["Row 1: the headings are here, but there are no rows of figures under them."],
        ),
    ];
    for (what, text, expected) in cases {
        let problems = read_establishment(text).expect_err(what);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages, *expected, "{what}");
    }
}

#[test]
fn text_with_no_header_says_what_was_expected() {
    for text in ["Name\tAge\nSam\t40\n", "just some words", "Establishment\tPermanent\n10\t8\n"] {
        let problems = read_establishment(text).expect_err(text);
        assert_eq!(problems.len(), 1);
        let message = problems[0].to_string();
        assert!(message.starts_with("No header row was found."), "{message}");
        assert!(
            message.contains("Role") && message.contains("Establishment, Permanent, Agency and Vacant"),
            "{message}"
        );
    }
    let empty = read_establishment("  \n\t\n").unwrap_err();
    assert!(empty[0].to_string().starts_with("The table is empty."), "{}", empty[0]);
}

#[test]
fn tables_with_their_own_shape_are_not_read_as_establishment_tables() {
    use wrb::engine::import::read_input;
    use wrb::engine::model::{RememberedMappings, TableInput};
    let cases = [
        (
            "time_period,geographic_level,region_name,old_la_code,la_name,inpost_fte,leavers_fte,agency_fte,agency_cover_fte,vacancy_fte,case_holders_fte,cases,vacancy_rate_fte,agency_rate_fte,turnover_rate_fte,caseload_fte\n2025,National,,,,36186.3,4276.3,5415.9,4390.8,5965.4,21105.4,321661,14.2,13,11.8,15.2\n",
            "the DfE children's social work workforce indicators file",
        ),
        (
            "Staff number,Role,Team,FTE,Contract type,Start date\nS0001,Social Worker,North,1,Permanent,01/04/2020\nS0002,Social Worker,North,0.5,Agency,01/04/2021\n",
            "a staff list",
        ),
    ];
    for (text, kind) in cases {
        let reading = read_input(&TableInput::pasted(text, "test"), &RememberedMappings::new());
        let problems = reading.outcome.unwrap_err();
        assert_eq!(problems.len(), 1, "one clear message, not a problem for every row: {problems:?}");
        assert!(problems[0].to_string().starts_with(&format!("This looks like {kind}")), "{}", problems[0]);
    }
}

/// " / " between cells is a way of pasting a table; inside a CSV's cells it is words.
#[test]
fn a_csv_keeps_a_spaced_slash_inside_its_cells() {
    let rows = wrb::engine::import::split_text(
        "code,name,SN_1\n928,Northamptonshire,940 / 941\n940 / 941,North and West,928\n",
    );
    assert_eq!(rows[1].cells, ["928", "Northamptonshire", "940 / 941"]);
    assert_eq!(rows[2].cells, ["940 / 941", "North and West", "928"]);
    let pasted = wrb::engine::import::split_text("Service / Days lost / FTE\nAdults / 1,212 / 160.5\n");
    assert_eq!(pasted[1].cells, ["Adults", "1,212", "160.5"]);
}
