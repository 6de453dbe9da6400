//! Vietnamese written the way the Windows-1258 code page writes it: a vowel
//! (with its hat or horn, which the code page has as letters) followed by a
//! combining tone mark, which it has as separate characters. Spreadsheet
//! programs on Vietnamese Windows save .csv files so. The rest of the app
//! compares names letter by letter, so each vowel and tone become the one
//! precomposed letter Unicode has for them («Nguyê» + ◌̃ + «n» → «Nguyễn»).

/// The five tone marks, in the order of [`TONED`]'s rows: huyền, sắc, ngã,
/// hỏi, nặng.
const MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Each vowel, then the vowel with each tone of [`MARKS`].
const TONED: [&str; 24] = [
    "aàáãảạ",
    "ăằắẵẳặ",
    "âầấẫẩậ",
    "eèéẽẻẹ",
    "êềếễểệ",
    "iìíĩỉị",
    "oòóõỏọ",
    "ôồốỗổộ",
    "ơờớỡởợ",
    "uùúũủụ",
    "ưừứữửự",
    "yỳýỹỷỵ",
    "AÀÁÃẢẠ",
    "ĂẰẮẴẲẶ",
    "ÂẦẤẪẨẬ",
    "EÈÉẼẺẸ",
    "ÊỀẾỄỂỆ",
    "IÌÍĨỈỊ",
    "OÒÓÕỎỌ",
    "ÔỒỐỖỔỘ",
    "ƠỜỚỠỞỢ",
    "UÙÚŨỦỤ",
    "ƯỪỨỮỬỰ",
    "YỲÝỸỶỴ",
];

/// The vowel `base` with the tone `mark`, if Vietnamese writes one.
fn toned(base: char, mark: char) -> Option<char> {
    let tone = MARKS.iter().position(|m| *m == mark)?;
    let row = TONED.iter().find(|row| row.starts_with(base))?;
    row.chars().nth(tone + 1)
}

/// `text` with every vowel followed by a tone mark written as one letter;
/// a mark after anything else is kept as it is.
pub fn compose_tones(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek().and_then(|mark| toned(c, *mark)) {
            Some(letter) => {
                out.push(letter);
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_the_code_page_writes_them_become_the_usual_letters() {
        assert_eq!(
            compose_tones("Nguyê\u{303}n Thi\u{323} Ho\u{300}a"),
            "Nguyễn Thị Hòa"
        );
        assert_eq!(compose_tones("Ca\u{301}c tô\u{309} ơ\u{300}"), "Các tổ ờ");
        assert_eq!(compose_tones("Đă\u{323}ng Thu\u{309}y"), "Đặng Thủy");
        assert_eq!(
            compose_tones("Lò Thị Ánh"),
            "Lò Thị Ánh",
            "already composed"
        );
        assert_eq!(
            compose_tones("x\u{301}"),
            "x\u{301}",
            "no letter to put it on"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_toned_vowel_is_the_vowel_and_its_mark_composed() {
        let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
        for row in TONED {
            let base = row.chars().next().unwrap();
            for (mark, letter) in MARKS.iter().zip(row.chars().skip(1)) {
                let written = format!("{base}{mark}");
                assert_eq!(nfc.normalize(&written), letter.to_string(), "{written:?}");
            }
        }
    }
}
