//! Member lists written by other programs than the app (tests/fixtures/lists/,
//! made by `make.py` there with openpyxl and with LibreOffice Calc), read as
//! the app reads a list she brings in: the worker's reader, then the
//! register's column guess and preview. Both carry a merged title over two
//! rows, headers on the fourth, days as real date cells, phones and years as
//! text, a numbered column and a name made by formulas.
#![cfg(not(target_arch = "wasm32"))]

use so_tay_chi_hoi::domain::book::collections::Book;
use so_tay_chi_hoi::domain::kernel::date::{BirthDate, Date};
use so_tay_chi_hoi::domain::kernel::problem::Problem;
use so_tay_chi_hoi::domain::records::member::Religion;
use so_tay_chi_hoi::domain::sheets::roster::columns::Mapping;
use so_tay_chi_hoi::domain::sheets::roster::{preview_roster, Outcome};
use so_tay_chi_hoi::storage::lists::read_list;

/// A row as the preview takes it: its number, then the member in short, or
/// what is refused.
fn preview(name: &str) -> Vec<(usize, String)> {
    let bytes = std::fs::read(format!("tests/fixtures/lists/{name}")).unwrap();
    let rows = read_list(&bytes).unwrap();
    let mapping =
        Mapping::guess(&rows, &Vec::new()).expect("the headers are found under the title");
    assert_eq!(mapping.header_row, 3, "{name}: the fourth row");
    let today = Date::new(2026, 11, 30).unwrap();
    preview_roster(&rows, &mapping, &Book::default(), today)
        .rows
        .into_iter()
        .map(|row| {
            let said = match row.outcome {
                Outcome::New(m) => {
                    let birth = match m.birth {
                        Some(BirthDate::Day(d)) => d.to_string(),
                        Some(BirthDate::Year(y)) => y.to_string(),
                        None => String::new(),
                    };
                    let joined = m.joined_on.map(|d| d.to_string()).unwrap_or_default();
                    let religion = match m.religion {
                        Religion::None => "",
                        Religion::Catholicism => "catholic",
                        Religion::Buddhism => "buddhist",
                        _ => "other",
                    };
                    format!(
                        "{} | {birth} | {} | {} | {joined} | {} | {religion}",
                        m.full_name(),
                        m.phone,
                        m.address,
                        m.ethnicity.code,
                    )
                }
                Outcome::Refused(problems) => problems
                    .iter()
                    .map(|p| format!("{}: {:?} «{}»", p.header, p.problem, p.value))
                    .collect::<Vec<_>>()
                    .join("; "),
                other => format!("{other:?}"),
            };
            (row.row, said)
        })
        .collect()
}

fn taken(rows: &[(usize, &str)]) -> Vec<(usize, String)> {
    rows.iter().map(|(n, s)| (*n, (*s).to_owned())).collect()
}

/// The three rows written as values read alike from both programs.
const FIRST_ROWS: [(usize, &str); 3] = [
    (
        5,
        "Nguyễn Thị Hoa | 02/03/1985 | 0912345678 | Xóm 2, thôn Đông | 12/03/2010 | 1 | ",
    ),
    (
        6,
        "Lò Thị Ánh | 1990 | 0987654321 | Thôn Đông | 01/01/2015 | 3 | ",
    ),
    (
        7,
        "Trần Thị Bình | 02/09/1978 |  | Thôn Đông | 20/10/2001 | 1 | catholic",
    ),
];

#[test]
fn a_list_saved_by_libreoffice_reads_whole_formulas_and_all() {
    let mut expected = taken(&FIRST_ROWS);
    expected.push((
        8,
        "Phan Thị Mơ | 31/12/1992 | 0345 678 901 | Thôn Đông |  | 6 | buddhist".into(),
    ));
    assert_eq!(preview("libreoffice.xlsx"), expected);
}

/// openpyxl writes formulas without computing them: a name made by a
/// formula has no value in the file, and the row says so rather than
/// taking a member without a name.
#[test]
fn a_list_written_by_openpyxl_reads_and_its_uncomputed_formula_is_named() {
    let mut expected = taken(&FIRST_ROWS);
    expected.push((8, format!("Họ và tên: {:?} «»", Problem::Empty)));
    assert_eq!(preview("openpyxl.xlsx"), expected);
}
