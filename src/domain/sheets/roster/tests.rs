//! The member list read, matched and previewed as a chapter leader would
//! bring one in: a commune's sheet with a title, split names, Excel's dates
//! and numbers, and rows that cannot be taken.

use super::columns::{Column, Mapping};
use super::*;
use crate::domain::kernel::date::{day, BirthDate};
use crate::domain::kernel::ethnicity::Ethnicity;
use crate::domain::kernel::stamp::DeviceId;
use crate::domain::records::member::Religion;

fn today() -> Date {
    day("2026-11-29")
}

fn t(text: &str) -> Cell {
    Cell::Text(text.into())
}

/// A commune's sheet: a title, headers, five rows as offices fill them.
fn sheet() -> Vec<Vec<Cell>> {
    let n = Cell::Number;
    vec![
        vec![t("DANH SÁCH HỘI VIÊN CHI HỘI THÔN ĐÔNG")],
        vec![
            t("STT"),
            t("Họ và tên đệm"),
            t("Tên"),
            t("Ngày sinh"),
            t("SĐT"),
            t("Thôn"),
            t("Dân tộc"),
            t("Tôn giáo"),
            t("Ngày vào Hội"),
        ],
        vec![
            n(1.0),
            t("Nguyễn Thị"),
            t("Hoa"),
            n(31_118.0),
            n(912_345_678.0),
            t("Thôn Đông"),
            t("kinh"),
            t(""),
            t("12/03/2010"),
        ],
        vec![
            n(2.0),
            t("lò thị"),
            t("ánh"),
            t("1990"),
            t(""),
            t("Thôn Đông"),
            t("Thai"),
            t("khong"),
            t("2015"),
        ],
        vec![
            n(3.0),
            t("Trần Thị Thu"),
            t("Bình"),
            t("31/02/1980"),
            t("12345"),
            t(""),
            t("Người Hoa lai"),
            t(""),
            t(""),
        ],
        vec![],
        vec![
            n(4.0),
            t(""),
            t(""),
            t(""),
            t(""),
            t("Thôn Đông"),
            t(""),
            t(""),
            t(""),
        ],
        vec![
            n(5.0),
            t("Nguyễn Thị"),
            t("Hoa"),
            t("12/3/1985"),
            t(""),
            t(""),
            t(""),
            t("cong giao"),
            t(""),
        ],
    ]
}

fn mapping() -> Mapping {
    Mapping::guess(&sheet(), &Vec::new()).expect("headers found")
}

#[test]
fn each_row_is_read_into_a_member() {
    let preview = preview_roster(&sheet(), &mapping(), &Book::default(), today());
    let Outcome::New(hoa) = &preview.rows[0].outcome else {
        panic!("{:?}", preview.rows[0]);
    };
    assert_eq!(
        preview.rows[0].row, 3,
        "numbered as the spreadsheet shows it"
    );
    assert_eq!(hoa.full_name(), "Nguyễn Thị Hoa");
    assert_eq!(
        (hoa.family_name.as_str(), hoa.middle_name.as_str()),
        ("Nguyễn", "Thị")
    );
    assert_eq!(hoa.birth, Some(BirthDate::Day(day("1985-03-12"))));
    assert_eq!(hoa.phone, "0912345678");
    assert_eq!(hoa.address, "Thôn Đông");
    assert_eq!(hoa.joined_on, Some(day("2010-03-12")));
    let Outcome::New(anh) = &preview.rows[1].outcome else {
        panic!("{:?}", preview.rows[1]);
    };
    assert_eq!(anh.full_name(), "Lò Thị Ánh");
    assert_eq!(anh.birth, Some(BirthDate::Year(1990)));
    assert_eq!(anh.ethnicity, Ethnicity::from_code(3), "Thái");
    assert_eq!(anh.religion, Religion::None);
    assert_eq!(anh.joined_on, Some(day("2015-01-01")));
}

#[test]
fn rows_that_cannot_be_taken_say_row_column_value_and_why() {
    let preview = preview_roster(&sheet(), &mapping(), &Book::default(), today());
    let problems = |i: usize| match &preview.rows[i].outcome {
        Outcome::Refused(problems) => problems
            .iter()
            .map(|p| (p.header.as_str(), p.value.as_str(), p.problem.clone()))
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(preview.rows[2].row, 5);
    assert_eq!(
        problems(2),
        [
            (
                "Ngày sinh",
                "31/02/1980",
                Problem::Invalid("31/02/1980".into())
            ),
            ("Dân tộc", "Người Hoa lai", Problem::UnknownEthnicity),
            ("SĐT", "12345", Problem::BadPhone),
        ]
    );
    // The empty row is passed over; the row with no name is refused.
    assert_eq!(preview.rows[3].row, 7);
    assert_eq!(problems(3), [("Tên", "", Problem::Empty)]);
    // Nguyễn Thị Hoa again, born the same year: the same person as row 3.
    assert_eq!(preview.rows[4].outcome, Outcome::Repeats(3));
    assert_eq!(
        preview.counts(),
        RosterCounts {
            new: 2,
            updated: 0,
            unchanged: 0,
            refused: 3
        }
    );
}

#[test]
fn members_already_in_the_register_are_updated_not_doubled_and_a_second_import_changes_nothing() {
    let mut clock = Clock::new(DeviceId::from_random([4; 8]));
    let mut book = Book::default();
    // Hoa is in the register without her phone, in a women's group; Bình is
    // found by her phone though her name was typed differently.
    let mut hoa = Member::named("Nguyễn", "Thị", "Hoa");
    hoa.birth = Some(BirthDate::Year(1985));
    hoa.group = RecordId::parse("to-1");
    book.members.put(Record::create(clock.tick(1), hoa));
    let mut binh = Member::named("Trần", "Thị", "Bình");
    binh.phone = "0987 654 321".into();
    book.members.put(Record::create(clock.tick(2), binh));

    let rows = vec![
        vec![
            t("Họ và tên"),
            t("Năm sinh"),
            t("Điện thoại"),
            t("Tôn giáo"),
        ],
        vec![
            t("nguyễn thị hoa"),
            Cell::Number(1985.0),
            t("0912345678"),
            t(""),
        ],
        vec![
            t("Trần Thị Thu Bình"),
            t(""),
            t("0987654321"),
            t("Phật giáo"),
        ],
        vec![t("Đỗ Thị Lan"), t("1979"), t(""), t("")],
    ];
    let mapping = Mapping::guess(&rows, &Vec::new()).unwrap();
    assert_eq!(mapping.position(Column::FullName), Some(0));
    let preview = preview_roster(&rows, &mapping, &book, today());
    assert_eq!(
        preview.counts(),
        RosterCounts {
            new: 1,
            updated: 2,
            unchanged: 0,
            refused: 0
        }
    );
    preview.apply(&mut book, &mut clock, 10);
    assert_eq!(book.members.len(), 3);
    let hoa = book
        .members
        .live()
        .find(|r| r.data.given_name == "Hoa")
        .unwrap();
    assert_eq!(hoa.data.phone, "0912345678");
    assert_eq!(
        hoa.data.group,
        RecordId::parse("to-1"),
        "what the list does not say stays"
    );
    let binh = book
        .members
        .live()
        .find(|r| r.data.given_name == "Bình")
        .unwrap();
    assert_eq!(binh.data.full_name(), "Trần Thị Thu Bình");
    assert_eq!(binh.data.religion, Religion::Buddhism);

    let again = preview_roster(&rows, &mapping, &book, today());
    assert!(!again.changes());
    assert_eq!(again.counts().unchanged, 3);
    let before = book.clone();
    again.apply(&mut book, &mut clock, 20);
    assert_eq!(book, before);
}

#[test]
fn a_row_that_fits_two_members_is_not_guessed() {
    let mut clock = Clock::new(DeviceId::from_random([5; 8]));
    let mut book = Book::default();
    for family in ["Lê", "Lê"] {
        let mut m = Member::named(family, "Thị", "Mai");
        m.birth = Some(BirthDate::Year(1970));
        book.members.put(Record::create(clock.tick(1), m));
    }
    let rows = vec![
        vec![t("Họ và tên"), t("Năm sinh")],
        vec![t("Lê Thị Mai"), t("1970")],
    ];
    let preview = preview_roster(
        &rows,
        &Mapping::guess(&rows, &Vec::new()).unwrap(),
        &book,
        today(),
    );
    assert!(matches!(&preview.rows[0].outcome, Outcome::Ambiguous(ids) if ids.len() == 2));
}
