//! Two periods side by side: the change in each FTE total, and in each rate in percentage
//! points.

use super::{EstablishmentFigures, Measure};
use crate::engine::format::{decimal, fte, rate};

/// One measure in two periods.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub measure: &'static str,
    pub earlier: Measure,
    pub later: Measure,
    /// FTE for counts; percentage points for rates, taken from the printed rates so the
    /// change agrees with the figures beside it.
    pub change: Measure,
    pub is_rate: bool,
}

impl Change {
    /// The change as printed: "+3.00", "−4.50", "−4.2 pp", or "n/a".
    pub fn shown_change(&self) -> String {
        let Ok(value) = self.change else { return "n/a".into() };
        let places = if self.is_rate { 1 } else { 2 };
        let text = decimal(value.abs(), places);
        let sign = if text.chars().all(|c| c == '0' || c == '.') {
            ""
        } else if value > 0.0 {
            "+"
        } else {
            "−"
        };
        if self.is_rate {
            format!("{sign}{text} pp")
        } else {
            format!("{sign}{text}")
        }
    }

    pub fn shown(&self, measure: &Measure) -> String {
        measure.as_ref().map_or("n/a".to_owned(), |v| if self.is_rate { rate(*v) } else { fte(*v) })
    }
}

/// The totals of two periods compared: establishment, permanent, agency and vacant FTE, then
/// vacancy and agency rates.
pub fn compare_totals(earlier: &EstablishmentFigures, later: &EstablishmentFigures) -> Vec<Change> {
    let (a, b) = (&earlier.total, &later.total);
    let count = |measure, x: &Measure, y: &Measure| Change {
        measure,
        earlier: x.clone(),
        later: y.clone(),
        change: difference(x, y, |v| v),
        is_rate: false,
    };
    let printed = |v: f64| rate(v).trim_end_matches('%').replace(',', "").parse::<f64>().unwrap_or(0.0);
    let points = |measure, x: &Measure, y: &Measure| Change {
        measure,
        earlier: x.clone(),
        later: y.clone(),
        change: difference(x, y, printed),
        is_rate: true,
    };
    vec![
        count("Establishment (FTE)", &a.establishment, &b.establishment),
        count("Permanent (FTE)", &a.permanent, &b.permanent),
        count("Agency (FTE)", &a.agency, &b.agency),
        count("Vacant (FTE)", &a.vacant, &b.vacant),
        points("Vacancy rate", &a.vacancy_rate, &b.vacancy_rate),
        points("Agency rate", &a.agency_rate, &b.agency_rate),
    ]
}

/// later − earlier, each first passed through `view`; not available if either is not.
fn difference(earlier: &Measure, later: &Measure, view: impl Fn(f64) -> f64) -> Measure {
    Ok(view(later.clone()?) - view(earlier.clone()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_and_zero_has_no_sign() {
        let change =
            |value: f64, is_rate| Change { measure: "x", earlier: Ok(0.0), later: Ok(0.0), change: Ok(value), is_rate };
        assert_eq!(change(3.0, false).shown_change(), "+3.00");
        assert_eq!(change(-4.5, false).shown_change(), "−4.50");
        assert_eq!(change(-0.001, false).shown_change(), "0.00");
        assert_eq!(change(-4.2, true).shown_change(), "−4.2 pp");
        assert_eq!(change(0.0, true).shown_change(), "0.0 pp");
    }
}
