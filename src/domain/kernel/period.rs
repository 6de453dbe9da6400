//! Reporting periods: a year, a half-year (S1, S2) or a quarter (Q1–Q4),
//! written `2025`, `2025S1`, `2025Q3`, each with its first and last day.

use super::date::{Date, MAX_YEAR, MIN_YEAR};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(u16),
    /// Half 1 (January–June) or 2 (July–December).
    Half(u16, u8),
    /// Quarter 1 to 4.
    Quarter(u16, u8),
}

/// How long the periods of a choice are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Year,
    Half,
    Quarter,
}

impl Period {
    /// Reads `2025`, `2025S1`, `2025Q3`.
    pub fn parse(text: &str) -> Option<Period> {
        let year = super::date::digits(text.get(..4)?)?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        let part = |n: &str, max: u8| n.parse::<u8>().ok().filter(|n| (1..=max).contains(n));
        match text.get(4..)? {
            "" => Some(Period::Year(year)),
            rest => {
                // By prefix, not by byte position: a crafted `2026ỉ` must not
                // split a letter in two.
                if let Some(n) = rest.strip_prefix('S') {
                    part(n, 2).map(|n| Period::Half(year, n))
                } else if let Some(n) = rest.strip_prefix('Q') {
                    part(n, 4).map(|n| Period::Quarter(year, n))
                } else {
                    None
                }
            }
        }
    }

    pub fn year(self) -> u16 {
        match self {
            Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) => y,
        }
    }

    pub fn span(self) -> Span {
        match self {
            Period::Year(_) => Span::Year,
            Period::Half(..) => Span::Half,
            Period::Quarter(..) => Span::Quarter,
        }
    }

    /// First and last month, 1–12.
    fn months(self) -> (u8, u8) {
        match self {
            Period::Year(_) => (1, 12),
            Period::Half(_, n) => (n * 6 - 5, n * 6),
            Period::Quarter(_, n) => (n * 3 - 2, n * 3),
        }
    }

    pub fn start(self) -> Date {
        Date::new(self.year(), self.months().0, 1).expect("periods lie in the accepted years")
    }

    pub fn end(self) -> Date {
        let (year, last) = (self.year(), self.months().1);
        (28..=31)
            .rev()
            .find_map(|day| Date::new(year, last, day))
            .expect("every month has a 28th")
    }

    pub fn contains(self, date: Date) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// The period of this span that holds `date`.
    pub fn of(span: Span, date: Date) -> Period {
        let (year, month) = (date.year(), date.month());
        match span {
            Span::Year => Period::Year(year),
            Span::Half => Period::Half(year, if month <= 6 { 1 } else { 2 }),
            Span::Quarter => Period::Quarter(year, (month - 1) / 3 + 1),
        }
    }

    /// Every period of a year with this span, in order.
    pub fn all_of(span: Span, year: u16) -> Vec<Period> {
        match span {
            Span::Year => vec![Period::Year(year)],
            Span::Half => (1..=2).map(|n| Period::Half(year, n)).collect(),
            Span::Quarter => (1..=4).map(|n| Period::Quarter(year, n)).collect(),
        }
    }

    /// `2025`, `2025S1`, `2025Q3`.
    pub fn code(self) -> String {
        match self {
            Period::Year(y) => format!("{y}"),
            Period::Half(y, n) => format!("{y}S{n}"),
            Period::Quarter(y, n) => format!("{y}Q{n}"),
        }
    }

    /// "Năm 2025", "6 tháng đầu năm 2025", "Quý 3/2025".
    pub fn label_vi(self) -> String {
        match self {
            Period::Year(y) => format!("Năm {y}"),
            Period::Half(y, 1) => format!("6 tháng đầu năm {y}"),
            Period::Half(y, _) => format!("6 tháng cuối năm {y}"),
            Period::Quarter(y, n) => format!("Quý {n}/{y}"),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &"2025, 2025S1 or 2025Q3")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;

    #[test]
    fn codes_round_trip_and_junk_is_refused() {
        for code in ["2025", "2025S1", "2025S2", "2025Q1", "2025Q4"] {
            assert_eq!(Period::parse(code).unwrap().code(), code);
        }
        for bad in [
            "", "25", "2025S3", "2025Q0", "2025Q5", "2025H1", "2025S", "1800", "2025S1x", "2026ỉ",
            "2026Sỉ", "ỉ202",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn bounds() {
        assert_eq!(Period::Half(2024, 1).end(), day("2024-06-30"));
        assert_eq!(Period::Quarter(2024, 1).end(), day("2024-03-31"));
        assert_eq!(Period::Quarter(2023, 1).start(), day("2023-01-01"));
        assert_eq!(Period::Year(2025).end(), day("2025-12-31"));
        assert_eq!(Period::Quarter(2025, 3).start(), day("2025-07-01"));
        assert!(Period::Half(2025, 2).contains(day("2025-07-01")));
        assert!(!Period::Half(2025, 2).contains(day("2025-06-30")));
        assert_eq!(
            Period::of(Span::Quarter, day("2025-08-15")),
            Period::Quarter(2025, 3)
        );
        assert_eq!(
            Period::of(Span::Half, day("2025-06-30")),
            Period::Half(2025, 1)
        );
        assert_eq!(Period::all_of(Span::Quarter, 2025).len(), 4);
        assert_eq!(Period::Quarter(2025, 3).label_vi(), "Quý 3/2025");
    }
}
