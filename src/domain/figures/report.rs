//! The report of a period (báo cáo 6 tháng / năm): every indicator with its
//! value and target, written the Vietnamese way, and as a CSV file that opens
//! in Excel (UTF-8 with a byte-order mark) and cannot smuggle in a formula.

use super::compute::compute;
use super::roll_up::report_of;
use crate::domain::book::collections::Book;
use crate::domain::kernel::name::slug;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::RecordId;
use crate::domain::kernel::sheet::csv_line;
use crate::domain::records::baseline::Target;
use crate::domain::records::catalogue::{catalogue, Indicator, Kind, Value};
use crate::domain::records::unit::with_ancestors;

/// One line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRow {
    pub indicator: Indicator,
    pub value: Value,
    /// The unit's own target for the period's year: a count, or whole percent for rates.
    pub target: Option<u64>,
}

impl ReportRow {
    /// Whether the row has a figure: a rate or an average with nothing to
    /// divide by (no count of the area's women yet) has none, and reads as
    /// a mistake when shown as «0/0».
    pub fn has_data(&self) -> bool {
        !matches!(self.indicator.kind, Kind::Percent | Kind::Average)
            || self.value.den.unwrap_or(0) > 0
    }

    /// How far the value has come towards the target, in thousandths (capped at 1000).
    pub fn progress(&self) -> Option<u64> {
        let target = self.target.filter(|t| *t > 0)?;
        let reached = match self.indicator.kind {
            Kind::Percent => self.value.per_mille()? * 1000 / (target * 10),
            _ => self.value.num * 1000 / target,
        };
        Some(reached.min(1000))
    }
}

/// Every indicator of the catalogue for the unit and period, with its target:
/// a chapter's from its records, an office's added up from the reports of the
/// units below it (nothing yet: zeros).
pub fn report(book: &Book, unit: &RecordId, period: Period) -> Vec<ReportRow> {
    let values = match report_of(book, unit, unit, period) {
        Some(held) => catalogue()
            .iter()
            .map(|i| {
                (
                    i.code.clone(),
                    held.values.get(&i.code).copied().unwrap_or_default(),
                )
            })
            .collect(),
        None => compute(&Book::default(), unit, period),
    };
    catalogue()
        .iter()
        .zip(values)
        .map(|(indicator, (_, value))| {
            let target = target_for(book, unit, period.year(), &indicator.code);
            ReportRow {
                indicator: indicator.clone(),
                value,
                target,
            }
        })
        .collect()
}

/// The target that applies to a unit for an indicator and year: one an office
/// above set for this unit, else one it set for all units below it, else the
/// unit's own.
pub fn target_for(book: &Book, unit: &RecordId, year: u16, code: &str) -> Option<u64> {
    let above: Vec<&RecordId> = with_ancestors(&book.units, unit)
        .into_iter()
        .skip(1)
        .map(|u| &u.id)
        .collect();
    let candidates: Vec<&Target> = book
        .targets
        .live()
        .map(|t| &t.data)
        .filter(|t| t.year == year && t.indicator == code)
        .collect();
    let from_above = |for_unit: Option<&RecordId>| {
        candidates.iter().find(|t| {
            t.set_by.as_ref().is_some_and(|by| above.contains(&by))
                && t.for_unit.as_ref() == for_unit
        })
    };
    from_above(Some(unit))
        .or_else(|| from_above(None))
        .or_else(|| {
            candidates
                .iter()
                .find(|t| t.set_by.is_none() && t.for_unit.is_none())
        })
        .map(|t| t.value)
}

/// 18230 → "18.230".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Tenths to one decimal, Vietnamese style: 675 → "67,5"; 650 → "65".
fn tenths(n: u64) -> String {
    match n % 10 {
        0 => thousands(n / 10),
        d => format!("{},{d}", thousands(n / 10)),
    }
}

/// A value as the reports write it: "18.230", "1.080.000 đ", "113/150 = 75,3%",
/// "65,3"; a rate without a denominator says so.
pub fn value_text(kind: Kind, value: Value) -> String {
    let den = value.den.unwrap_or(0);
    match kind {
        Kind::Count => thousands(value.num),
        Kind::Money => format!("{} đ", thousands(value.num)),
        Kind::Flag => match value.num {
            0 => "Không".to_owned(),
            1 => "Có".to_owned(),
            n => thousands(n),
        },
        _ if den == 0 => format!("{}/0 (chưa có số liệu)", thousands(value.num)),
        Kind::Percent => format!(
            "{}/{} = {}%",
            thousands(value.num),
            thousands(den),
            tenths((value.num * 1000 + den / 2) / den)
        ),
        Kind::Average => tenths((value.num * 10 + den / 2) / den),
    }
}

/// A target as written beside its indicator: "120", "80%".
pub fn target_text(kind: Kind, target: u64) -> String {
    match kind {
        Kind::Percent => format!("{target}%"),
        _ => thousands(target),
    }
}

/// The report as a CSV file: a byte-order mark so that Excel reads UTF-8,
/// a title line, then one row per indicator.
pub fn to_csv(unit_name: &str, period: Period, rows: &[ReportRow]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&[unit_name.to_owned(), period.label_vi()]));
    out.push_str(&csv_line(&[
        "Mã".into(),
        "Chỉ tiêu".into(),
        "Giá trị".into(),
        "Tử số".into(),
        "Mẫu số".into(),
        "Chỉ tiêu đặt ra".into(),
    ]));
    for row in rows {
        out.push_str(&csv_line(&[
            row.indicator.code.clone(),
            row.indicator.name_vi.clone(),
            value_text(row.indicator.kind, row.value),
            row.value.num.to_string(),
            row.value.den.map(|d| d.to_string()).unwrap_or_default(),
            row.target
                .map(|t| target_text(row.indicator.kind, t))
                .unwrap_or_default(),
        ]));
    }
    out
}

/// "bao-cao_chi-hoi-thon-dong_2026S1.csv".
pub fn csv_name(unit_name: &str, period: Period) -> String {
    format!("bao-cao_{}_{}.csv", slug(unit_name), period.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::Date;
    use crate::domain::samples::demo::sample_chapter;

    #[test]
    fn a_rate_with_nothing_to_divide_by_has_no_data_and_a_flag_reads_yes_or_no() {
        let row = |code: &str, value: Value| ReportRow {
            indicator: crate::domain::records::catalogue::find(code)
                .unwrap()
                .clone(),
            value,
            target: None,
        };
        assert!(!row("attraction.all", Value::ratio(5, 0)).has_data());
        assert!(row("attraction.all", Value::ratio(0, 40)).has_data());
        assert!(
            row("members.admitted", Value::count(0)).has_data(),
            "none admitted is a figure"
        );
        assert_eq!(value_text(Kind::Flag, Value::count(1)), "Có");
        assert_eq!(value_text(Kind::Flag, Value::count(0)), "Không");
        assert_eq!(
            value_text(Kind::Flag, Value::count(7)),
            "7",
            "added up: how many units do"
        );
    }

    #[test]
    fn numbers_the_vietnamese_way() {
        assert_eq!(thousands(18_230), "18.230");
        assert_eq!(thousands(1_080_000), "1.080.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(
            value_text(Kind::Percent, Value::ratio(135, 200)),
            "135/200 = 67,5%"
        );
        assert_eq!(
            value_text(Kind::Percent, Value::ratio(10, 10)),
            "10/10 = 100%"
        );
        assert_eq!(value_text(Kind::Average, Value::ratio(849, 13)), "65,3");
        assert_eq!(
            value_text(Kind::Money, Value::count(1_080_000)),
            "1.080.000 đ"
        );
        assert_eq!(
            value_text(Kind::Percent, Value::ratio(3, 0)),
            "3/0 (chưa có số liệu)"
        );
    }

    #[test]
    fn the_sample_report() {
        let today = Date::new(2026, 11, 29).unwrap();
        let (book, device) = sample_chapter(1, today);
        let rows = report(&book, device.home.as_ref().unwrap(), Period::Year(2026));
        let members = rows
            .iter()
            .find(|r| r.indicator.code == "members.end")
            .unwrap();
        assert_eq!(
            (members.value, members.target, members.progress()),
            (Value::count(113), Some(120), Some(941))
        );
        let rate = rows
            .iter()
            .find(|r| r.indicator.code == "attraction.all")
            .unwrap();
        assert_eq!(rate.progress(), Some(941), "75.3% of an 80% target");
        let csv = to_csv("Chi hội Thôn Đông", Period::Year(2026), &rows);
        assert!(csv.starts_with("\u{feff}\"Chi hội Thôn Đông\",\"Năm 2026\"\r\n"));
        assert!(
            csv.contains("\"members.end\",\"Hội viên cuối kỳ\",\"113\",\"113\",\"\",\"120\"\r\n"),
            "{csv}"
        );
        assert!(csv.contains("\"attraction.all\",\"Tỷ lệ thu hút phụ nữ từ 18 tuổi\",\"113/150 = 75,3%\",\"113\",\"150\",\"80%\""));
        assert_eq!(
            csv_name("Chi hội Thôn Đông", Period::Half(2026, 1)),
            "bao-cao_chi-hoi-thon-dong_2026S1.csv"
        );
    }
}
