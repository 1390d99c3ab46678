//! Sentences with the figures filled in, in the number style of `../shared/domain.md`.

use crate::engine::format::{fte_in_words, rate};
use crate::engine::metrics::{Measure, RoleFigures};

/// The headline sentence for a period's totals, e.g. "There are 27.4 FTE vacant posts against
/// an establishment of 87.2 FTE, and agency workers make up 28.6% of staff in post
/// (permanent and agency)." FTE as running text prints it (`format::fte_in_words`).
pub fn headline(total: &RoleFigures, past: bool) -> String {
    let (are, is, make) = if past { ("were", "was", "made") } else { ("are", "is", "make") };
    let vacancies = match (&total.vacant, &total.establishment) {
        (Ok(v), Ok(e)) if *v == 0.0 => {
            format!("There {are} no vacant posts in an establishment of {} FTE", fte_in_words(*e))
        }
        (Ok(v), Ok(e)) => {
            let vacant = fte_in_words(*v);
            // The verb and noun agree with the figure as printed: "1 FTE vacant post".
            let (verb, posts) = if vacant == "1" { (is, "post") } else { (are, "posts") };
            format!("There {verb} {vacant} FTE vacant {posts} against an establishment of {} FTE", fte_in_words(*e))
        }
        (Err(why), _) | (_, Err(why)) => {
            format!("The vacancy position cannot be given because {why}")
        }
    };
    let agency = match &total.agency_rate {
        Ok(r) => format!("agency workers {make} up {} of staff in post (permanent and agency)", rate(*r)),
        Err(why) => format!("the agency worker rate cannot be given because {why}"),
    };
    format!("{vacancies}, and {agency}.")
}

/// How a rate moved between two periods, in percentage points.
pub fn rate_change(name: &str, earlier_period: &str, earlier: &Measure, later: &Measure) -> Option<String> {
    rate_movement(earlier_period, earlier, later).map(|movement| format!("The {name} {movement}."))
}

/// The movement as a phrase to follow the rate's name: "has fallen by 4.2 percentage points
/// since 2024/25, from 35.6% to 31.4%", or "is unchanged from 2024/25 at 10.0%".
pub fn rate_movement(earlier_period: &str, earlier: &Measure, later: &Measure) -> Option<String> {
    let (Ok(before), Ok(after)) = (earlier, later) else {
        return None;
    };
    let (before_text, after_text) = (rate(*before), rate(*after));
    Some(if before_text == after_text {
        format!("is unchanged from {earlier_period} at {after_text}")
    } else {
        let direction = if after > before { "risen" } else { "fallen" };
        // From the printed rates, so the prose agrees with the figures beside it.
        let printed = |text: &str| text.trim_end_matches('%').replace(',', "").parse::<f64>().unwrap_or(0.0);
        let points = crate::engine::format::decimal((printed(&after_text) - printed(&before_text)).abs(), 1);
        let unit = if points == "1.0" { "percentage point" } else { "percentage points" };
        format!("has {direction} by {points} {unit} since {earlier_period}, from {before_text} to {after_text}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::metrics::NotAvailable;

    fn total(vacant: Measure, establishment: Measure, agency_rate: Measure) -> RoleFigures {
        RoleFigures {
            role: "Total".into(),
            establishment,
            permanent: Ok(0.0),
            agency: Ok(0.0),
            vacant,
            over_under: Ok(0.0),
            vacancy_rate: Ok(0.0),
            agency_rate,
        }
    }

    #[test]
    fn headline_fills_in_figures() {
        let cases: &[(RoleFigures, bool, &str)] = &[
            (
                total(Ok(7.594), Ok(87.19), Ok(0.2481)),
                false,
                "There are 7.6 FTE vacant posts against an establishment of 87.2 FTE, and agency workers make up 24.8% of staff in post (permanent and agency).",
            ),
            (
                total(Ok(1.0), Ok(10.0), Ok(0.0)),
                true,
                "There was 1 FTE vacant post against an establishment of 10 FTE, and agency workers made up 0.0% of staff in post (permanent and agency).",
            ),
            (
                total(Ok(0.0), Ok(4.0), Ok(0.5)),
                false,
                "There are no vacant posts in an establishment of 4 FTE, and agency workers make up 50.0% of staff in post (permanent and agency).",
            ),
            (
                total(Ok(34.0), Ok(106.0), Ok(0.3)),
                false,
                "There are 34 FTE vacant posts against an establishment of 106 FTE, and agency workers make up 30.0% of staff in post (permanent and agency).",
            ),
            (
                total(Ok(2.0), Ok(12.5), Ok(0.1)),
                true,
                "There were 2 FTE vacant posts against an establishment of 12.5 FTE, and agency workers made up 10.0% of staff in post (permanent and agency).",
            ),
            (
                total(Err(NotAvailable::NoColumn(crate::engine::model::Field::Vacant)), Ok(4.0), Err(NotAvailable::NoDenominator)),
                false,
                "The vacancy position cannot be given because the table has no Vacant column, and the agency worker rate cannot be given because there are no posts to divide by.",
            ),
        ];
        for (figures, past, expected) in cases {
            assert_eq!(headline(figures, *past), *expected);
        }
    }

    #[test]
    fn rate_changes_in_percentage_points() {
        assert_eq!(
            rate_change("vacancy rate", "2024/25", &Ok(0.356), &Ok(0.314)).unwrap(),
            "The vacancy rate has fallen by 4.2 percentage points since 2024/25, from 35.6% to 31.4%."
        );
        assert_eq!(
            rate_change("agency rate", "2024/25", &Ok(0.1), &Ok(0.11)).unwrap(),
            "The agency rate has risen by 1.0 percentage point since 2024/25, from 10.0% to 11.0%."
        );
        assert_eq!(
            rate_change("agency rate", "2024/25", &Ok(0.1001), &Ok(0.1002)).unwrap(),
            "The agency rate is unchanged from 2024/25 at 10.0%."
        );
        assert_eq!(rate_change("agency rate", "2024/25", &Err(NotAvailable::NoDenominator), &Ok(0.1)), None);
    }
}
