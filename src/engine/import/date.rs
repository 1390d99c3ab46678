//! Reading one cell as a date, as officers' tables write them: `30/09/2025` (UK order),
//! `2025-09-30` (ISO, which workbooks give after import), and spreadsheet serial numbers.

use crate::engine::model::Date;

/// Which epoch a workbook's serial numbers count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSystem {
    /// Excel's default: serial 1 is 1 January 1900, with Lotus 1-2-3's phantom 29 February 1900.
    Excel1900,
    /// Older Mac workbooks: serial 0 is 1 January 1904.
    Excel1904,
}

/// Reads a date written as `dd/mm/yyyy` (also with `-` or `.`, and two-digit years), ISO
/// `yyyy-mm-dd` (a time after it is ignored), or a serial number in the given date system.
///
/// ```
/// use wrb::engine::import::date::{read_date, DateSystem};
/// use wrb::engine::model::Date;
/// let expected = Date::new(2025, 9, 30);
/// assert_eq!(read_date("30/09/2025", DateSystem::Excel1900), expected);
/// assert_eq!(read_date("2025-09-30", DateSystem::Excel1900), expected);
/// assert_eq!(read_date("45930", DateSystem::Excel1900), expected);
/// assert_eq!(read_date("31/02/2025", DateSystem::Excel1900), None);
/// ```
pub fn read_date(cell: &str, system: DateSystem) -> Option<Date> {
    let text = cell.trim();
    let date_part = text.split([' ', 'T']).next().unwrap_or("");
    if let Some(date) = iso(date_part) {
        return Some(date);
    }
    if let Some(date) = day_month_year(date_part) {
        return Some(date);
    }
    let serial: f64 = text.parse().ok()?;
    from_serial(serial, system)
}

fn iso(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn day_month_year(text: &str) -> Option<Date> {
    let separator = ['/', '-', '.'].into_iter().find(|s| text.contains(*s))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [day, month, year] = parts[..] else { return None };
    if day.is_empty() || day.len() > 2 || month.is_empty() || month.len() > 2 {
        return None;
    }
    let year: i32 = match year.len() {
        4 => year.parse().ok()?,
        // Two-digit years in workforce tables are this century: 25 is 2025.
        2 => 2000 + year.parse::<i32>().ok()?,
        _ => return None,
    };
    Date::new(year, month.parse().ok()?, day.parse().ok()?)
}

/// A spreadsheet serial number as a date; the fraction (time of day) is dropped. Serials
/// outside the years 1900 to 9999 are not dates.
pub fn from_serial(serial: f64, system: DateSystem) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as i64;
    let days = match system {
        // 25,569 is 1 January 1970. Serials before 1 March 1900 sit one day early because of
        // the phantom 29 February 1900; serial 60 is that phantom day and is not a date.
        DateSystem::Excel1900 if whole == 60 => return None,
        DateSystem::Excel1900 if whole < 60 => whole - 25_568,
        DateSystem::Excel1900 => whole - 25_569,
        DateSystem::Excel1904 => whole - 24_107,
    };
    Some(Date::from_days_since_epoch(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_officers_write_them() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        let cases: &[(&str, DateSystem, Option<Date>)] = &[
            ("30/09/2025", DateSystem::Excel1900, Some(d(2025, 9, 30))),
            ("1/4/2024", DateSystem::Excel1900, Some(d(2024, 4, 1))),
            ("01-04-24", DateSystem::Excel1900, Some(d(2024, 4, 1))),
            ("01.04.2024", DateSystem::Excel1900, Some(d(2024, 4, 1))),
            ("2024-02-29", DateSystem::Excel1900, Some(d(2024, 2, 29))),
            ("2021-01-01T10:10:10", DateSystem::Excel1900, Some(d(2021, 1, 1))),
            ("2021-01-01 10:10:10", DateSystem::Excel1900, Some(d(2021, 1, 1))),
            ("45930", DateSystem::Excel1900, Some(d(2025, 9, 30))),
            ("45930.75", DateSystem::Excel1900, Some(d(2025, 9, 30))),
            ("1", DateSystem::Excel1900, Some(d(1900, 1, 1))),
            ("59", DateSystem::Excel1900, Some(d(1900, 2, 28))),
            ("61", DateSystem::Excel1900, Some(d(1900, 3, 1))),
            ("44468", DateSystem::Excel1904, Some(d(2025, 9, 30))),
            ("60", DateSystem::Excel1900, None),
            ("2023-02-29", DateSystem::Excel1900, None),
            ("31/04/2025", DateSystem::Excel1900, None),
            ("13/13/2025", DateSystem::Excel1900, None),
            ("September 2025", DateSystem::Excel1900, None),
            ("", DateSystem::Excel1900, None),
            ("-5", DateSystem::Excel1900, None),
        ];
        for &(text, system, expected) in cases {
            assert_eq!(read_date(text, system), expected, "{text:?} in {system:?}");
        }
    }

    #[test]
    fn days_round_trip_through_the_calendar() {
        for days in [-719_468, -1, 0, 1, 365, 11_016, 20_361, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2025, 9, 30).unwrap().to_string(), "30/09/2025");
    }
}
