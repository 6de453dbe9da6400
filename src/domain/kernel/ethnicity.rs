//! The 54 ethnic groups of Viet Nam, coded as in the statistics office's list
//! (Quyết định 121-TCTK/PPCĐ, 1979). A member's ethnicity is stored as a code plus
//! the list's version, so that a later revision of the list can be told apart.

use serde::{Deserialize, Serialize};

/// The version of the list this app's codes come from.
pub const LIST_VERSION: &str = "tctk-121-1979";

/// Code of the Kinh group, the default for a new member.
pub const KINH: u8 = 1;

/// Names by code: `NAMES[code - 1]`.
pub const NAMES: [&str; 54] = [
    "Kinh",
    "Tày",
    "Thái",
    "Hoa",
    "Khơ-me",
    "Mường",
    "Nùng",
    "Mông",
    "Dao",
    "Gia-rai",
    "Ngái",
    "Ê-đê",
    "Ba-na",
    "Xơ-đăng",
    "Sán Chay",
    "Cơ-ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra-glai",
    "Xtiêng",
    "Bru-Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ-tu",
    "Gié-Triêng",
    "Mạ",
    "Khơ-mú",
    "Co",
    "Tà-ôi",
    "Chơ-ro",
    "Kháng",
    "Xinh-mun",
    "Hà Nhì",
    "Chu-ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Cơ Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ-đu",
    "Rơ-măm",
];

/// An ethnic group as recorded: a code from a named version of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ethnicity {
    pub code: u8,
    pub list: String,
}

impl Default for Ethnicity {
    fn default() -> Self {
        Ethnicity::from_code(KINH)
    }
}

impl Ethnicity {
    /// Kinh, of the current list: what a record leaves unsaid.
    pub fn is_default(&self) -> bool {
        *self == Ethnicity::default()
    }

    /// A code of the current list.
    pub fn from_code(code: u8) -> Ethnicity {
        Ethnicity {
            code,
            list: LIST_VERSION.to_owned(),
        }
    }

    /// The group's name, if the code belongs to the known list.
    pub fn name(&self) -> Option<&'static str> {
        if self.list != LIST_VERSION {
            return None;
        }
        NAMES.get(usize::from(self.code).checked_sub(1)?).copied()
    }

    /// Every group but Kinh is an ethnic minority (dân tộc thiểu số).
    pub fn is_minority(&self) -> bool {
        self.code != KINH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_names() {
        assert_eq!(Ethnicity::default().name(), Some("Kinh"));
        assert_eq!(Ethnicity::from_code(54).name(), Some("Rơ-măm"));
        assert_eq!(Ethnicity::from_code(0).name(), None);
        assert_eq!(Ethnicity::from_code(55).name(), None);
        let other_list = Ethnicity {
            code: 1,
            list: "x".into(),
        };
        assert_eq!(other_list.name(), None);
        assert!(!Ethnicity::default().is_minority());
        assert!(Ethnicity::from_code(3).is_minority());
    }
}
