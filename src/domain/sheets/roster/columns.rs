//! Which column of a member list holds what: guessed from the headers as
//! offices write them (with or without diacritics, any case, «Họ và tên» or
//! «Họ và tên đệm» + «Tên»), fixed by her on the mapping screen, and
//! remembered for the next list.

use crate::domain::kernel::name::fold;
use crate::domain::kernel::sheet::Cell;
use serde::{Deserialize, Serialize};

/// What a column of the list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// «Họ và tên»: the whole name in one cell.
    FullName,
    /// «Họ và tên đệm»: family and middle name, the given name in its own column.
    FamilyAndMiddle,
    FamilyName,
    MiddleName,
    GivenName,
    BirthYear,
    BirthDate,
    Phone,
    Address,
    Ethnicity,
    Religion,
    JoinedOn,
}

impl Column {
    /// Every column, in the order the mapping screen offers them.
    pub const ALL: [Column; 12] = [
        Column::FullName,
        Column::FamilyAndMiddle,
        Column::FamilyName,
        Column::MiddleName,
        Column::GivenName,
        Column::BirthYear,
        Column::BirthDate,
        Column::Phone,
        Column::Address,
        Column::Ethnicity,
        Column::Religion,
        Column::JoinedOn,
    ];

    /// Headers that name this column, folded (see [`header_key`]).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::FullName => &[
                "ho va ten",
                "ho ten",
                "ho va ten hoi vien",
                "ho ten hoi vien",
                "ten hoi vien",
            ],
            Column::FamilyAndMiddle => &[
                "ho va ten dem",
                "ho dem",
                "ho va chu dem",
                "ho va dem",
                "ho ten dem",
            ],
            Column::FamilyName => &["ho"],
            Column::MiddleName => &["ten dem", "chu dem", "dem"],
            Column::GivenName => &["ten"],
            Column::BirthYear => &["nam sinh"],
            Column::BirthDate => &["ngay sinh", "ngay thang nam sinh", "sinh ngay"],
            Column::Phone => &[
                "so dien thoai",
                "dien thoai",
                "sdt",
                "so dt",
                "dt",
                "di dong",
                "so di dong",
            ],
            Column::Address => &[
                "dia chi",
                "thon",
                "xom",
                "ap",
                "ban",
                "buon",
                "to dan pho",
                "thon xom",
                "noi o",
                "cho o",
                "cho o hien nay",
                "noi o hien nay",
                "que quan",
            ],
            Column::Ethnicity => &["dan toc"],
            Column::Religion => &["ton giao"],
            Column::JoinedOn => &[
                "ngay vao hoi",
                "ngay ket nap",
                "ngay ket nap hoi",
                "ngay gia nhap",
                "ngay vao",
                "nam vao hoi",
                "vao hoi",
            ],
        }
    }

    /// Whether the column names a person, so that a row can be read at all.
    fn names(self) -> bool {
        matches!(
            self,
            Column::FullName | Column::FamilyAndMiddle | Column::GivenName
        )
    }
}

/// A header as it is compared: folded, words of letters and digits only
/// («Số ĐT (di động)» → «so dt di dong»).
pub fn header_key(header: &str) -> String {
    fold(header)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column a header names, if any: by the header as a whole, else by its
/// first words («Ngày sinh (dd/mm/yyyy)»).
pub fn guess(header: &str) -> Option<Column> {
    let key = header_key(header);
    let named = |key: &str| Column::ALL.into_iter().find(|c| c.headers().contains(&key));
    named(&key).or_else(|| {
        let words: Vec<&str> = key.split(' ').collect();
        (1..words.len())
            .rev()
            .find_map(|n| named(&words[..n].join(" ")))
    })
}

/// Her own choices of earlier lists: a header, as [`header_key`] gives it,
/// and what she said it holds (`None`: nothing to take).
pub type Remembered = Vec<(String, Option<Column>)>;

/// Where the headers are and what each column holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// The row of headers, from 0; the members' rows follow it.
    pub header_row: usize,
    /// What each column holds, by position.
    pub columns: Vec<Option<Column>>,
}

/// Rows looked through for the headers: lists often begin with a title.
const HEADER_SEARCH: usize = 10;

impl Mapping {
    /// The first row, among the first ten, whose headers name a person and
    /// one thing more; each header mapped as she mapped it before, or guessed.
    /// `None` when no row looks like headers: she picks the columns herself.
    pub fn guess(rows: &[Vec<Cell>], remembered: &Remembered) -> Option<Mapping> {
        rows.iter()
            .take(HEADER_SEARCH)
            .enumerate()
            .find_map(|(i, row)| {
                let columns: Vec<Option<Column>> = row
                    .iter()
                    .map(|cell| {
                        let key = header_key(&cell_text(cell));
                        match remembered.iter().find(|(k, _)| *k == key) {
                            Some((_, choice)) => *choice,
                            None => guess(&key),
                        }
                    })
                    .collect();
                let found = columns.iter().flatten().count();
                let named = columns.iter().flatten().any(|c| c.names());
                (named && found >= 2).then(|| Mapping {
                    header_row: i,
                    columns: without_repeats(columns),
                })
            })
    }

    /// What she chose on the mapping screen, to remember: each header of the
    /// list with what its column holds.
    pub fn to_remember(&self, rows: &[Vec<Cell>]) -> Remembered {
        let headers = rows.get(self.header_row).map(Vec::as_slice).unwrap_or(&[]);
        headers
            .iter()
            .zip(&self.columns)
            .map(|(cell, column)| (header_key(&cell_text(cell)), *column))
            .filter(|(key, _)| !key.is_empty())
            .collect()
    }

    /// The position of the column holding `column`, if any.
    pub fn position(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }
}

/// A second column guessed to hold the same thing is left out: the first wins.
fn without_repeats(columns: Vec<Option<Column>>) -> Vec<Option<Column>> {
    let mut seen = Vec::new();
    columns
        .into_iter()
        .map(|column| {
            let column = column.filter(|c| !seen.contains(c));
            seen.extend(column);
            column
        })
        .collect()
}

/// A cell as a list's reader takes it: its text, trimmed.
pub fn cell_text(cell: &Cell) -> String {
    cell.text().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|c| Cell::Text((*c).into())).collect()
    }

    #[test]
    fn headers_are_read_with_or_without_diacritics_in_any_case() {
        let cases = [
            ("Họ và tên", Some(Column::FullName)),
            ("HO VA TEN", Some(Column::FullName)),
            ("họ tên", Some(Column::FullName)),
            ("Họ và tên đệm", Some(Column::FamilyAndMiddle)),
            ("Họ", Some(Column::FamilyName)),
            ("Tên", Some(Column::GivenName)),
            ("Năm sinh", Some(Column::BirthYear)),
            ("Ngày sinh (dd/mm/yyyy)", Some(Column::BirthDate)),
            ("Ngày, tháng, năm sinh", Some(Column::BirthDate)),
            ("Số điện thoại", Some(Column::Phone)),
            ("SĐT", Some(Column::Phone)),
            ("Số ĐT (di động)", Some(Column::Phone)),
            ("Địa chỉ", Some(Column::Address)),
            ("Thôn/Xóm", Some(Column::Address)),
            ("Dân tộc", Some(Column::Ethnicity)),
            ("TÔN GIÁO", Some(Column::Religion)),
            ("Ngày vào Hội", Some(Column::JoinedOn)),
            ("Ngay ket nap", Some(Column::JoinedOn)),
            ("STT", None),
            ("Ghi chú", None),
            ("", None),
        ];
        for (header, column) in cases {
            assert_eq!(guess(header), column, "{header}");
        }
    }

    #[test]
    fn the_header_row_is_found_below_a_title() {
        let rows = vec![
            text(&["DANH SÁCH HỘI VIÊN CHI HỘI THÔN ĐÔNG"]),
            text(&[]),
            text(&["STT", "Họ và tên đệm", "Tên", "Năm sinh", "Thôn", "Ghi chú"]),
            vec![
                Cell::Number(1.0),
                Cell::Text("Nguyễn Thị".into()),
                Cell::Text("Hoa".into()),
            ],
        ];
        let mapping = Mapping::guess(&rows, &Vec::new()).unwrap();
        assert_eq!(mapping.header_row, 2);
        assert_eq!(
            mapping.columns,
            [
                None,
                Some(Column::FamilyAndMiddle),
                Some(Column::GivenName),
                Some(Column::BirthYear),
                Some(Column::Address),
                None
            ]
        );
        assert_eq!(Mapping::guess(&rows[..2], &Vec::new()), None, "no headers");
    }

    #[test]
    fn her_choices_are_remembered_for_the_next_list() {
        let rows = vec![text(&["Họ và tên", "Xóm", "Quê quán", "Điện thoại"])];
        let mut mapping = Mapping::guess(&rows, &Vec::new()).unwrap();
        // Two columns guessed as addresses: only the first is taken.
        assert_eq!(
            mapping.columns,
            [
                Some(Column::FullName),
                Some(Column::Address),
                None,
                Some(Column::Phone)
            ]
        );
        // She says the village is not where they live, the home town is.
        mapping.columns[1] = None;
        mapping.columns[2] = Some(Column::Address);
        let remembered = mapping.to_remember(&rows);
        let next = vec![text(&["HỌ VÀ TÊN", "xom", "Que quan", "Điện thoại"])];
        assert_eq!(Mapping::guess(&next, &remembered), Some(mapping));
    }
}
