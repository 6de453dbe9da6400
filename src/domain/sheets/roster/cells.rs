//! Reading one cell of a member list as the register needs it: dates as
//! offices write them (dd/mm/yyyy, d/m/yy, Excel's day numbers, a year
//! alone), phone numbers Excel shortened, ethnicities and religions typed
//! without diacritics («kinh», «cong giao»).

use crate::domain::kernel::date::{digits, BirthDate, Date};
use crate::domain::kernel::ethnicity::{Ethnicity, NAMES};
use crate::domain::kernel::name::{fold, tidy};
use crate::domain::kernel::sheet::Cell;
use crate::domain::records::member::Religion;

use super::columns::cell_text;

/// A day of Excel's 1900 date system, where 1 is 1 January 1900 and which
/// counts a 29 February 1900 that never was (day 60): from day 61 on, the
/// number is one more than the days since.
fn excel_day(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Day 0 is 30 December 1899, two days before 1 January 1900.
    let epoch = Date::new(1900, 1, 1)?.days_since_epoch() - 2;
    let shift = if days < 61 { 1 } else { 0 };
    Date::from_days_since_epoch(epoch + days + shift)
}

/// A four-digit year from 1900 to 2100.
fn year_of(text: &str) -> Option<u16> {
    (text.len() == 4)
        .then(|| digits(text))
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A day written by hand: `dd/mm/yyyy`, `d/m/yy` (with `/`, `-` or `.`), or
/// `yyyy-mm-dd`. A two-digit year is of this century unless that is after
/// `today`. Day first, as Vietnamese offices write it; a month above 12 with
/// a day that could be a month is read month first, as some spreadsheet
/// programs write it.
fn written_day(text: &str, today: Date) -> Option<Date> {
    if let Some(day) = Date::parse_iso(text) {
        return Some(day);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m) = (digits(d)?, digits(m)?);
    let year = match y.len() {
        4 => year_of(y)?,
        2 => {
            let yy = digits(y)?;
            let this_century = 2000 + yy;
            if this_century > today.year() {
                1900 + yy
            } else {
                this_century
            }
        }
        _ => return None,
    };
    let (d, m) = if m > 12 && d <= 12 { (m, d) } else { (d, m) };
    Date::new(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// A day or a year alone, as a birth date is kept. `None` for an empty cell;
/// `Err` with the text for one that cannot be read.
pub fn birth(cell: &Cell, today: Date) -> Result<Option<BirthDate>, String> {
    let text = cell_text(cell);
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(year) = year_of(&text) {
        return Ok(Some(BirthDate::Year(year)));
    }
    let day = match cell {
        Cell::Number(n) => excel_day(*n),
        Cell::Text(_) => written_day(&text, today),
    };
    day.map(|d| Some(BirthDate::Day(d))).ok_or(text)
}

/// A day; a year alone is taken as its first day (lists often say only the
/// year she joined).
pub fn day(cell: &Cell, today: Date) -> Result<Option<Date>, String> {
    Ok(birth(cell, today)?.map(|b| match b {
        BirthDate::Day(day) => day,
        BirthDate::Year(year) => Date::new(year, 1, 1).expect("1 January"),
    }))
}

/// A phone number as written; a number Excel kept as a number lost its
/// leading 0 (912345678 is 0912345678).
pub fn phone(cell: &Cell) -> String {
    let text = cell_text(cell);
    match cell {
        Cell::Number(_) if text.len() == 9 => format!("0{text}"),
        _ => tidy(&text),
    }
}

/// Letters only, folded: «Khơ-me», «kho me» and «KHOME» are the same.
fn letters(text: &str) -> String {
    fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// An ethnic group by its name, with or without diacritics, hyphens or the
/// word «dân tộc»; Kinh when the cell is empty. `Err` with the text when no
/// group of the list has that name.
pub fn ethnicity(cell: &Cell) -> Result<Ethnicity, String> {
    let text = cell_text(cell);
    let key = letters(&text);
    let key = key.strip_prefix("dantoc").unwrap_or(&key);
    if key.is_empty() {
        return Ok(Ethnicity::default());
    }
    NAMES
        .iter()
        .position(|name| letters(name) == key)
        .map(|i| Ethnicity::from_code(i as u8 + 1))
        .ok_or(text)
}

/// Names of religions as lists write them, folded to letters only.
const RELIGIONS: [(&str, Religion); 15] = [
    ("khong", Religion::None),
    ("phatgiao", Religion::Buddhism),
    ("phat", Religion::Buddhism),
    ("daophat", Religion::Buddhism),
    ("conggiao", Religion::Catholicism),
    ("thienchuagiao", Religion::Catholicism),
    ("thienchua", Religion::Catholicism),
    ("tinlanh", Religion::Protestantism),
    ("daotinlanh", Religion::Protestantism),
    ("caodai", Religion::CaoDai),
    ("daocaodai", Religion::CaoDai),
    ("phatgiaohoahao", Religion::HoaHao),
    ("hoahao", Religion::HoaHao),
    ("hoigiao", Religion::Islam),
    ("islam", Religion::Islam),
];

/// A religion by its name, with or without diacritics; none when the cell is
/// empty, «không» or a dash; any other name is kept as written.
pub fn religion(cell: &Cell) -> Religion {
    let text = tidy(&cell_text(cell));
    let key = letters(&text);
    if key.is_empty() {
        return Religion::None;
    }
    RELIGIONS
        .iter()
        .find(|(name, _)| *name == key)
        .map_or(Religion::Other(text), |(_, religion)| religion.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day as iso;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    const TODAY: &str = "2026-11-29";

    #[test]
    fn dates_are_read_as_offices_write_them() {
        let today = iso(TODAY);
        let born = |cell: Cell| birth(&cell, today);
        let on = |s: &str| Ok(Some(BirthDate::Day(iso(s))));
        assert_eq!(born(text("12/03/1985")), on("1985-03-12"));
        assert_eq!(born(text("2/3/1985")), on("1985-03-02"));
        assert_eq!(born(text("02-03-1985")), on("1985-03-02"));
        assert_eq!(born(text("2.3.85")), on("1985-03-02"));
        assert_eq!(born(text("2/3/05")), on("2005-03-02"));
        assert_eq!(born(text("2/3/26")), on("2026-03-02"));
        assert_eq!(born(text("2/3/27")), on("1927-03-02"), "not after today");
        assert_eq!(born(text("1985-03-12")), on("1985-03-12"));
        assert_eq!(
            born(text("3/25/1985")),
            on("1985-03-25"),
            "month first, when it must be"
        );
        // Excel's day numbers: 31,118 is 12 March 1985; 60 is its 29 February 1900.
        assert_eq!(born(Cell::Number(31_118.0)), on("1985-03-12"));
        assert_eq!(born(Cell::Number(61.0)), on("1900-03-01"));
        assert_eq!(born(Cell::Number(59.0)), on("1900-02-28"));
        assert_eq!(born(Cell::Number(1985.0)), Ok(Some(BirthDate::Year(1985))));
        assert_eq!(born(text(" 1985 ")), Ok(Some(BirthDate::Year(1985))));
        assert_eq!(born(text("")), Ok(None));
        assert_eq!(born(text("31/02/1985")), Err("31/02/1985".into()));
        assert_eq!(born(text("19855")), Err("19855".into()));
        assert_eq!(born(text("khoảng 1985")), Err("khoảng 1985".into()));
        assert_eq!(day(&text("2010"), today), Ok(Some(iso("2010-01-01"))));
    }

    #[test]
    fn phones_get_back_the_zero_excel_took() {
        assert_eq!(phone(&Cell::Number(912_345_678.0)), "0912345678");
        assert_eq!(phone(&text("0912 345 678")), "0912 345 678");
        assert_eq!(phone(&Cell::Number(84_912_345_678.0)), "84912345678");
    }

    #[test]
    fn ethnicities_and_religions_are_matched_without_diacritics() {
        let code = |t: &str| ethnicity(&text(t)).map(|e| e.code);
        assert_eq!(code("kinh"), Ok(1));
        assert_eq!(code("Dân tộc Kinh"), Ok(1));
        assert_eq!(code(""), Ok(1));
        assert_eq!(code("Mường"), Ok(6));
        assert_eq!(code("muong"), Ok(6));
        assert_eq!(code("Khơ me"), Ok(5));
        assert_eq!(code("KHOME"), Ok(5));
        assert_eq!(code("Ê Đê"), Ok(12));
        assert_eq!(code("Người Kinh lai"), Err("Người Kinh lai".into()));
        assert_eq!(religion(&text("cong giao")), Religion::Catholicism);
        assert_eq!(religion(&text("Thiên Chúa giáo")), Religion::Catholicism);
        assert_eq!(religion(&text("PHẬT")), Religion::Buddhism);
        assert_eq!(religion(&text("Hòa Hảo")), Religion::HoaHao);
        assert_eq!(religion(&text("không")), Religion::None);
        assert_eq!(religion(&text("-")), Religion::None);
        assert_eq!(
            religion(&text("Bà-la-môn")),
            Religion::Other("Bà-la-môn".into())
        );
    }
}
