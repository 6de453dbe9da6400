//! Calendar dates without a clock: a member's birth date, the day she joined,
//! the day her status changed. Dates travel as ISO `YYYY-MM-DD` strings in files
//! and are shown as `dd/mm/yyyy`, the Vietnamese convention.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Earliest year the register accepts: nobody alive was born before it.
pub const MIN_YEAR: u16 = 1900;
/// Latest year any date may carry; keeps arithmetic and files sane.
pub const MAX_YEAR: u16 = 2199;

/// A valid day of the Gregorian calendar between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists on the calendar and lies in the accepted years.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Reads the ISO form `YYYY-MM-DD` (what a date input and the file format use).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(digits(y)?, digits(m)? as u8, digits(d)? as u8)
    }

    /// Reads what people type: `dd/mm/yyyy`, `d/m/yyyy`, with `/`, `-` or `.`.
    pub fn parse_vn(text: &str) -> Option<Date> {
        let parts: Vec<&str> = text.trim().split(['/', '-', '.']).collect();
        let [d, m, y] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
            return None;
        }
        Date::new(digits(y)?, digits(m)? as u8, digits(d)? as u8)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `dd/mm/yyyy`, as Vietnamese forms write dates.
    pub fn vn(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// The same day `months` months earlier, or that month's last day when
    /// it is shorter (31 May less three months is 28 or 29 February).
    pub fn months_earlier(self, months: u16) -> Option<Date> {
        let index = (self.year * 12 + u16::from(self.month) - 1).checked_sub(months)?;
        let (year, month) = (index / 12, (index % 12) as u8 + 1);
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Days since 1970-01-01 (negative before), by the civil-calendar algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date that lies `days` after 1970-01-01, if it is in the accepted years.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day)
    }
}

/// The last day a date can be: checking a record against it applies every
/// rule but "not after today" (a merge's parts were each checked against
/// their own day when they were read or typed).
pub fn last_day() -> Date {
    Date::new(MAX_YEAR, 12, 31).expect("the last day of the last year is a day")
}

/// A date written `YYYY-MM-DD`, for tests.
#[cfg(test)]
pub(crate) fn day(text: &str) -> Date {
    Date::parse_iso(text).expect("a valid date in a test")
}

/// Parses a run of ASCII digits (no sign, no spaces).
pub(crate) fn digits(text: &str) -> Option<u16> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A UTC instant in milliseconds written as `YYYY-MM-DDTHH:MM:SSZ`, for file headers.
pub fn iso_instant(unix_ms: u64) -> String {
    let secs = unix_ms / 1000;
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let date = Date::from_days_since_epoch(days).map_or_else(|| "????-??-??".into(), Date::iso);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.vn())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text)
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &"YYYY-MM-DD"))
    }
}

/// A birth date where often only the year is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDate {
    Day(Date),
    Year(u16),
}

impl BirthDate {
    pub fn year(self) -> u16 {
        match self {
            BirthDate::Day(date) => date.year(),
            BirthDate::Year(year) => year,
        }
    }

    /// Reads `YYYY` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<BirthDate> {
        if text.len() == 4 {
            digits(text)
                .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
                .map(BirthDate::Year)
        } else {
            Date::parse_iso(text).map(BirthDate::Day)
        }
    }

    /// How the file format writes it: `YYYY` or `YYYY-MM-DD`.
    pub fn code(self) -> String {
        match self {
            BirthDate::Day(date) => date.iso(),
            BirthDate::Year(year) => format!("{year:04}"),
        }
    }

    /// How a person reads it: `dd/mm/yyyy` or `yyyy`.
    pub fn vn(self) -> String {
        match self {
            BirthDate::Day(date) => date.vn(),
            BirthDate::Year(year) => year.to_string(),
        }
    }
}

impl Serialize for BirthDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for BirthDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        BirthDate::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &"YYYY or YYYY-MM-DD")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_months_earlier_keeps_the_day_or_the_month_end() {
        assert_eq!(day("2026-12-06").months_earlier(3), Some(day("2026-09-06")));
        assert_eq!(day("2026-02-15").months_earlier(3), Some(day("2025-11-15")));
        assert_eq!(day("2026-05-31").months_earlier(3), Some(day("2026-02-28")));
        assert_eq!(day("2024-05-31").months_earlier(3), Some(day("2024-02-29")));
        assert_eq!(day("1900-02-01").months_earlier(3), None);
    }

    #[test]
    fn calendar_rules() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(1899, 1, 1).is_none());
    }

    #[test]
    fn iso_and_vietnamese_forms() {
        let d = Date::parse_iso("1985-03-02").unwrap();
        assert_eq!(d.vn(), "02/03/1985");
        assert_eq!(Date::parse_vn("2/3/1985"), Some(d));
        assert_eq!(Date::parse_vn("02.03.1985"), Some(d));
        assert_eq!(Date::parse_iso("1985-3-2"), None);
        assert_eq!(Date::parse_iso("+985-03-02"), None);
        assert_eq!(Date::parse_vn("31/02/1985"), None);
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-25_567, -1, 0, 1, 11_016, 20_000, 60_000] {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(0).unwrap().iso(), "1970-01-01");
        assert_eq!(iso_instant(1_764_375_945_123), "2025-11-29T00:25:45Z");
    }

    #[test]
    fn birth_year_or_day() {
        assert_eq!(BirthDate::parse("1985"), Some(BirthDate::Year(1985)));
        assert_eq!(BirthDate::parse("1985-03-02").unwrap().vn(), "02/03/1985");
        assert_eq!(BirthDate::parse("85"), None);
        assert_eq!(BirthDate::parse("1800"), None);
    }
}
