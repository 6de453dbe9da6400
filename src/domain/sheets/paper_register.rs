//! The register on paper (sổ theo dõi hội viên), as chapters keep it:
//! numbered rows of name, birth year, ethnicity, religion, address, the day
//! she joined, her status and notes, under the chapter's name and the day.
//! One table for the printed A4 page, the .xlsx and the .csv, written in
//! Vietnamese whatever the interface's language, like the other files.

use crate::domain::book::collections::Book;
use crate::domain::book::register::sort_by_name;
use crate::domain::kernel::date::{BirthDate, Date};
use crate::domain::kernel::name::slug;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::sheet::csv_line;
use crate::domain::kernel::sheet::{Cell, Sheet};
use crate::domain::records::member::{Member, Status};
use std::cmp::Ordering;

/// The columns of the paper register.
pub const COLUMNS: [&str; 9] = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Dân tộc",
    "Tôn giáo",
    "Địa chỉ",
    "Ngày vào Hội",
    "Tình trạng",
    "Ghi chú",
];

fn status_vi(status: Status) -> &'static str {
    match status {
        Status::Active => "Đang sinh hoạt",
        Status::Moved => "Chuyển đi",
        Status::Removed => "Ra khỏi danh sách",
        Status::Deceased => "Đã mất",
    }
}

/// Her row: status with its day (and where she moved to), notes of what the
/// register marks her as and where she came from.
fn row(number: usize, m: &Member) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_owned());
    let (status, since) = m.status();
    let mut status = match (status, since) {
        (Status::Active, _) | (_, None) => status_vi(status).to_owned(),
        (other, Some(day)) => format!("{} {}", status_vi(other), day.vn()),
    };
    if let Some(change) = m.status_history.last().filter(|c| !c.place.is_empty()) {
        status = format!("{status}, đến {}", change.place);
    }
    let came = m.arrived_on.map(|on| match &m.earlier {
        Some(from) => format!("Chuyển đến {} từ {}", on.vn(), from.chapter),
        None => format!("Chuyển đến {}", on.vn()),
    });
    let notes: Vec<&str> = [
        (m.worker, "Công nhân"),
        (m.rented_room, "Ở trọ"),
        (m.honorary, "Hội viên danh dự"),
    ]
    .into_iter()
    .filter_map(|(flag, note)| flag.then_some(note))
    .chain((!m.phone.is_empty()).then_some(m.phone.as_str()))
    .chain(came.as_deref())
    .collect();
    vec![
        Cell::Number(number as f64),
        text(&m.full_name()),
        m.birth
            .map_or_else(|| text(""), |b| Cell::Number(f64::from(BirthDate::year(b)))),
        text(m.ethnicity.name().unwrap_or("")),
        text(if m.religion.is_none() {
            ""
        } else {
            m.religion.names().0
        }),
        text(&m.address),
        text(&m.joined_on.map(Date::vn).unwrap_or_default()),
        text(&status),
        text(&notes.join("; ")),
    ]
}

/// The register of `home` on `today`: every member not deleted, in name
/// order by `compare` (the interface passes Vietnamese collation).
pub fn paper_register(
    book: &Book,
    home: Option<&RecordId>,
    today: Date,
    compare: impl Fn(&str, &str) -> Ordering,
) -> Sheet {
    let mut members: Vec<&Record<Member>> = book.members.live().collect();
    sort_by_name(&mut members, compare);
    Sheet {
        title: format!(
            "SỔ THEO DÕI HỘI VIÊN — {} — ngày {}",
            book.unit_name(home),
            today.vn()
        ),
        columns: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        rows: members
            .iter()
            .enumerate()
            .map(|(i, r)| row(i + 1, &r.data))
            .collect(),
    }
}

/// The register as a .csv for Excel: a byte-order mark, the title line, the
/// columns, the rows.
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(std::slice::from_ref(&sheet.title)));
    out.push_str(&csv_line(&sheet.columns));
    for row in &sheet.rows {
        out.push_str(&csv_line(&row.iter().map(Cell::text).collect::<Vec<_>>()));
    }
    out
}

/// "so-hoi-vien_chi-hoi-thon-dong_2026-11-29" (without the extension).
pub fn file_stem(book: &Book, home: Option<&RecordId>, today: Date) -> String {
    format!(
        "so-hoi-vien_{}_{}",
        slug(&book.unit_name(home)),
        today.iso()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::samples::demo::sample_chapter;

    #[test]
    fn the_paper_register_numbers_every_member_in_name_order() {
        let today = day("2026-11-29");
        let (book, device) = sample_chapter(1_764_375_945_123, today);
        let sheet = paper_register(&book, device.home.as_ref(), today, |a, b| a.cmp(b));
        assert_eq!(
            sheet.title,
            "SỔ THEO DÕI HỘI VIÊN — Chi hội Thôn Đông — ngày 29/11/2026"
        );
        assert_eq!(sheet.columns.len(), 9);
        assert_eq!(sheet.rows.len(), book.members.live().count());
        for (i, row) in sheet.rows.iter().enumerate() {
            assert_eq!(row[0], Cell::Number((i + 1) as f64));
            assert_eq!(row.len(), 9);
        }
        let moved = book
            .members
            .live()
            .find(|r| r.data.status().0 == Status::Moved)
            .expect("the sample has a member who moved");
        let row = sheet
            .rows
            .iter()
            .find(|r| r[1] == Cell::Text(moved.data.full_name()))
            .unwrap();
        let Cell::Text(status) = &row[7] else {
            panic!()
        };
        assert!(status.starts_with("Chuyển đi "), "{status}");
        let csv = to_csv(&sheet);
        assert!(csv.starts_with("\u{feff}\"SỔ THEO DÕI HỘI VIÊN"));
        assert_eq!(csv.lines().count(), sheet.rows.len() + 2);
    }
}
