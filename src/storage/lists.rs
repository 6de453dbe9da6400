//! Reading the spreadsheets she brings in (a member list): `.xlsx` through
//! calamine, `.csv` through csv (UTF-8, or the Windows-1258 code page that
//! spreadsheet programs on Vietnamese Windows save in), into rows of cells
//! for `domain::sheets::roster`.
//! Runs in the xlsx worker, so that neither reader reaches a page's load.

use crate::domain::kernel::sheet::Cell;
use serde::{Deserialize, Serialize};

/// Rows read from a list, at most this many (a register's limit).
const MAX_ROWS: usize = crate::domain::book::collections::MAX_RECORDS;

/// Why a list could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListError {
    /// Neither a workbook nor text: a picture, a PDF, an old .xls.
    NotAList,
    /// The workbook holds no sheet.
    NoSheet,
    /// More rows than a register holds.
    TooManyRows,
    /// What the reader itself said.
    Unreadable(String),
}

/// The rows of the first sheet of a workbook, or of a .csv file.
pub fn read_list(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, ListError> {
    // A workbook is a zip archive; anything else is taken as text.
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        read_workbook(bytes)?
    } else {
        read_csv(bytes)?
    };
    if rows.len() > MAX_ROWS {
        return Err(ListError::TooManyRows);
    }
    Ok(rows)
}

fn read_workbook(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, ListError> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: calamine::XlsxError| ListError::Unreadable(e.to_string());
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or(ListError::NoSheet)?
        .map_err(unreadable)?;
    // The range starts at its first used cell: rows and columns above and
    // to the left are put back, so that row numbers are the ones she sees.
    let (top, left) = sheet.start().unwrap_or((0, 0));
    let blank = || vec![Cell::Text(String::new()); left as usize];
    let mut rows: Vec<Vec<Cell>> = (0..top).map(|_| Vec::new()).collect();
    for row in sheet.rows() {
        let mut cells = blank();
        cells.extend(row.iter().map(|data| match data {
            Data::Int(n) => Cell::Number(*n as f64),
            Data::Float(n) => Cell::Number(*n),
            Data::DateTime(day) => Cell::Number(day.as_f64()),
            Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
                Cell::Text(text.clone())
            }
            Data::Bool(flag) => Cell::Text(flag.to_string()),
            Data::Error(_) | Data::Empty => Cell::Text(String::new()),
        }));
        rows.push(cells);
    }
    Ok(rows)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, ListError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        // Text has no NUL byte; pictures and documents do.
        Err(_) if bytes.contains(&0) => return Err(ListError::NotAList),
        Err(_) => {
            let decoded = encoding_rs::WINDOWS_1258
                .decode_without_bom_handling(bytes)
                .0;
            std::borrow::Cow::Owned(crate::domain::kernel::tones::compose_tones(&decoded))
        }
    };
    // Spreadsheet programs separate by comma, or by semicolon where the
    // comma is the decimal sign: whichever the first line holds more of.
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(|field| Cell::Text(field.to_owned())).collect())
                .map_err(|e| ListError::Unreadable(e.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::sheet::Sheet;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn a_workbook_reads_back_as_it_was_written() {
        let sheet = Sheet {
            title: "DANH SÁCH HỘI VIÊN".into(),
            columns: vec!["Họ và tên".into(), "Năm sinh".into(), "SĐT".into()],
            rows: vec![
                vec![
                    text("Nguyễn Thị Hoa"),
                    Cell::Number(1985.0),
                    Cell::Number(912_345_678.0),
                ],
                vec![text("Lò Thị Ánh"), text("12/03/1990"), text("")],
            ],
        };
        let bytes = crate::storage::xlsx::workbook(&sheet).unwrap();
        let rows = read_list(&bytes).unwrap();
        assert_eq!(rows[0][0], text("DANH SÁCH HỘI VIÊN"));
        assert!(rows[1].iter().all(|c| *c == text("")), "{:?}", rows[1]);
        assert_eq!(rows[2], [text("Họ và tên"), text("Năm sinh"), text("SĐT")]);
        assert_eq!(
            rows[3],
            [
                text("Nguyễn Thị Hoa"),
                Cell::Number(1985.0),
                Cell::Number(912_345_678.0)
            ]
        );
        assert_eq!(rows[4][..2], [text("Lò Thị Ánh"), text("12/03/1990")]);
    }

    #[test]
    fn csv_as_spreadsheet_programs_write_it() {
        let file = "\u{FEFF}Họ và tên;Năm sinh;Địa chỉ\r\n\"Nguyễn Thị \"\"Hoa\"\"\";1985;\"Xóm 3; thôn Đông\"\r\nLò Thị Ánh;1990\r\n";
        let rows = read_list(file.as_bytes()).unwrap();
        assert_eq!(
            rows[0],
            [text("Họ và tên"), text("Năm sinh"), text("Địa chỉ")]
        );
        assert_eq!(
            rows[1],
            [
                text("Nguyễn Thị \"Hoa\""),
                text("1985"),
                text("Xóm 3; thôn Đông")
            ]
        );
        assert_eq!(rows[2], [text("Lò Thị Ánh"), text("1990")]);
        assert_eq!(
            read_list(b"Ho va ten,Nam sinh\nHoa,1985\n").unwrap()[1],
            [text("Hoa"), text("1985")]
        );
    }

    #[test]
    fn a_csv_in_the_vietnamese_windows_code_page_reads_as_unicode() {
        // «Nguyễn Thị Hòa;Đặng» as Excel saves «CSV (Comma delimited)» on
        // Vietnamese Windows: ê and Đ are letters, the tones marks after them.
        let rows = read_list(b"Nguy\xEA\xDEn Thi\xF2 Ho\xCCa;1985;\xD0\xE3\xF2ng\r\n").unwrap();
        assert_eq!(rows, [[text("Nguyễn Thị Hòa"), text("1985"), text("Đặng")]]);
    }

    #[test]
    fn what_is_not_a_list_says_so() {
        assert_eq!(
            read_list(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ListError::NotAList)
        );
        assert!(matches!(
            read_list(b"PK\x03\x04broken"),
            Err(ListError::Unreadable(_))
        ));
    }
}
