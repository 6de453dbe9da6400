//! Vietnamese personal names: splitting a full name typed in one box into
//! họ (family), tên đệm (middle) and tên (given), and folding text for search so
//! that "nguyen thi hoa" finds "Nguyễn Thị Hoa".

/// A name in its three parts, as the register keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameParts {
    pub family: String,
    pub middle: String,
    pub given: String,
}

impl NameParts {
    /// Splits "nguyễn thị  hoa" into Nguyễn / Thị / Hoa: the first word is the
    /// family name, the last the given name, everything between the middle name.
    /// A single word is a given name. Words are capitalised.
    pub fn split(full: &str) -> NameParts {
        let words: Vec<String> = full.split_whitespace().map(capitalise).collect();
        match words.as_slice() {
            [] => NameParts::default(),
            [given] => NameParts {
                given: given.clone(),
                ..NameParts::default()
            },
            [family, rest @ .., given] => NameParts {
                family: family.clone(),
                middle: rest.join(" "),
                given: given.clone(),
            },
        }
    }

    /// The full name in the Vietnamese order: family, middle, given.
    pub fn full(&self) -> String {
        join_name(&self.family, &self.middle, &self.given)
    }
}

/// Joins the non-empty parts with single spaces.
pub fn join_name(family: &str, middle: &str, given: &str) -> String {
    [family, middle, given]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collapses runs of white space and trims: what a name field stores.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(vi_upper(first))
            .chain(chars.map(vi_lower))
            .collect(),
        None => String::new(),
    }
}

/// The same text with its first letter in lower case: "Năm 2025" → "năm 2025".
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| std::iter::once(vi_lower(first)).chain(chars).collect())
        .unwrap_or_default()
}

/// `text` with its first letter in upper case: a name kept in lower case to
/// be said inside a sentence («chuyển đổi số»), shown on a line of its own.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| std::iter::once(vi_upper(first)).chain(chars).collect())
        .unwrap_or_default()
}

/// A letter of the Vietnamese alphabet in lower case; other characters as they are.
///
/// Vietnamese letters sit in a few Unicode blocks where case is a fixed step
/// (ASCII and Latin-1 by 0x20, the rest by 1), so no Unicode case table is
/// needed: those tables cost about 20 KB of wasm.
pub fn vi_lower(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => code + 1,
        0x1EA0..=0x1EF9 if code.is_multiple_of(2) => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A letter of the Vietnamese alphabet in upper case; other characters as they are.
pub fn vi_upper(c: char) -> char {
    let code = c as u32;
    let upper = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => code - 0x20,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => code - 1,
        0x1EA1..=0x1EF9 if !code.is_multiple_of(2) => code - 1,
        _ => code,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// Lower case without diacritics (đ becomes d), for matching what people type.
/// Handles both precomposed letters and letters followed by combining marks.
pub fn fold(text: &str) -> String {
    folded(text).collect()
}

/// The letters of [`fold`] one by one, so that comparing two names stops at
/// the first difference and allocates nothing.
pub fn folded(text: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| base_letter(vi_lower(c)))
}

/// Whether two names are the same once folded («Thôn Đông» and «thon dong»).
/// Compared from the end: names of units side by side share their beginning
/// («Chi hội thôn …»), so a difference shows at once.
pub fn same_folded(a: &str, b: &str) -> bool {
    folded(a).rev().eq(folded(b).rev())
}

/// The Latin base letter of a lower-case Vietnamese letter.
///
/// By code point ranges rather than a search through lists of letters: names
/// are folded for every comparison (search, units matched by name), and the
/// ranges are where Unicode puts each base letter's accented forms.
fn base_letter(c: char) -> char {
    match c as u32 {
        0xE0..=0xE5 | 0x103 | 0x1EA0..=0x1EB7 => 'a',
        0xE8..=0xEB | 0x1EB8..=0x1EC7 => 'e',
        0xEC..=0xEF | 0x129 | 0x1EC8..=0x1ECB => 'i',
        0xF2..=0xF6 | 0x1A1 | 0x1ECC..=0x1EE3 => 'o',
        0xF9..=0xFC | 0x169 | 0x1B0 | 0x1EE4..=0x1EF1 => 'u',
        0xFD | 0xFF | 0x1EF2..=0x1EF9 => 'y',
        0x111 => 'd',
        _ => c,
    }
}

/// ASCII words joined by `-`, for file names that every messenger keeps intact.
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_full_names() {
        let p = NameParts::split("  nguyễn   thị hoa ");
        assert_eq!(
            (p.family.as_str(), p.middle.as_str(), p.given.as_str()),
            ("Nguyễn", "Thị", "Hoa")
        );
        let p = NameParts::split("Tôn Nữ Thị Minh Châu");
        assert_eq!(
            (p.family.as_str(), p.middle.as_str(), p.given.as_str()),
            ("Tôn", "Nữ Thị Minh", "Châu")
        );
        let p = NameParts::split("Lan");
        assert_eq!((p.family.as_str(), p.given.as_str()), ("", "Lan"));
        let p = NameParts::split("Lò Phương");
        assert_eq!(
            (p.family.as_str(), p.middle.as_str(), p.given.as_str()),
            ("Lò", "", "Phương")
        );
        assert_eq!(NameParts::split("ĐINH thị ÁNH").full(), "Đinh Thị Ánh");
        assert_eq!(NameParts::split(""), NameParts::default());
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        let groups = [
            ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
            ('e', "èéẻẽẹêềếểễệ"),
            ('i', "ìíỉĩị"),
            ('o', "òóỏõọôồốổỗộơờớởỡợ"),
            ('u', "ùúủũụưừứửữự"),
            ('y', "ỳýỷỹỵ"),
            ('d', "đ"),
        ];
        for (base, letters) in groups {
            for letter in letters.chars() {
                assert_eq!(fold(&letter.to_string()), base.to_string(), "{letter}");
                let upper = letter.to_uppercase().to_string();
                assert_eq!(fold(&upper), base.to_string(), "{upper}");
            }
        }
        assert_eq!(fold("x-1 ñ"), "x-1 ñ");
    }

    #[test]
    fn folds_diacritics_both_ways_they_are_typed() {
        assert_eq!(fold("Nguyễn Thị Hoa"), "nguyen thi hoa");
        assert_eq!(fold("ĐẶNG Ưng Ỷ"), "dang ung y");
        // "ễ" typed as e + circumflex + tilde combining marks.
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
        assert!(same_folded("Thôn Đông", "thon dong"));
        assert!(same_folded("Thôn Đông", "Tho\u{302}n \u{110}o\u{302}ng"));
        assert!(!same_folded("Thôn Đông", "Thôn Đông 2"));
    }

    #[test]
    fn vietnamese_case_without_unicode_tables() {
        let upper = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        let lower = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        assert_eq!(upper.chars().map(vi_lower).collect::<String>(), lower);
        assert_eq!(lower.chars().map(vi_upper).collect::<String>(), upper);
        assert_eq!(upper.to_lowercase(), lower, "the same as Unicode's");
        assert_eq!(vi_lower('×'), '×');
        assert_eq!(lower_first("Năm 2025"), "năm 2025");
        assert_eq!(
            upper_first("ứng dụng công nghệ thông tin"),
            "Ứng dụng công nghệ thông tin"
        );
        assert_eq!(upper_first("đang dừng"), "Đang dừng");
        assert_eq!(upper_first(""), "");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Chi hội Thôn Đông"), "chi-hoi-thon-dong");
        assert_eq!(
            slug("  Tổ dân phố số 5 / Phường 2 "),
            "to-dan-pho-so-5-phuong-2"
        );
    }
}
