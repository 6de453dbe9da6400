//! Cadres (cán bộ Hội): members holding a role for a time, and the women's
//! groups (tổ phụ nữ) of the chapter.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{check_order, check_past, check_text, FieldProblem};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Longest free-text role or group name.
pub const MAX_LABEL: usize = 80;

/// A role in the chapter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// Chi hội trưởng.
    Leader,
    /// Chi hội phó.
    Deputy,
    /// Tổ trưởng.
    GroupLeader,
    /// Tổ phó.
    GroupDeputy,
    /// Ủy viên Ban Chấp hành.
    Committee,
    Other(String),
}

impl RoleKind {
    /// The role's name in Vietnamese and in English; a role written in is
    /// the same in both.
    pub fn names(&self) -> (&str, &str) {
        match self {
            RoleKind::Leader => ("Chi hội trưởng", "Chapter leader"),
            RoleKind::Deputy => ("Chi hội phó", "Deputy chapter leader"),
            RoleKind::GroupLeader => ("Tổ trưởng", "Group leader"),
            RoleKind::GroupDeputy => ("Tổ phó", "Deputy group leader"),
            RoleKind::Committee => ("Ủy viên Ban Chấp hành", "Executive committee member"),
            RoleKind::Other(text) => (text, text),
        }
    }

    pub const NAMED: [RoleKind; 5] = [
        RoleKind::Leader,
        RoleKind::Deputy,
        RoleKind::GroupLeader,
        RoleKind::GroupDeputy,
        RoleKind::Committee,
    ];
}

/// A member holding a role from `start` until `end` (still holding it when `None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub member: RecordId,
    pub role: RoleKind,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

impl Role {
    /// Whether she holds the role on `day`.
    pub fn held_on(&self, day: Date) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if let RoleKind::Other(text) = &self.role {
            check_text("role", text, MAX_LABEL, true, &mut out);
        }
        check_past("start", self.start, today, &mut out);
        check_order("end", self.start, self.end, &mut out);
        out
    }
}

/// A women's group (tổ phụ nữ) inside the chapter. A member belongs to at
/// most one: her record names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WomenGroup {
    pub name: String,
}

impl WomenGroup {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("name", &self.name, MAX_LABEL, true, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::kernel::problem::Problem;

    #[test]
    fn a_role_is_held_between_its_dates() {
        let role = Role {
            member: RecordId::parse("m").unwrap(),
            role: RoleKind::Leader,
            start: day("2024-01-01"),
            end: Some(day("2025-06-30")),
        };
        assert!(!role.held_on(day("2023-12-31")));
        assert!(role.held_on(day("2025-06-30")));
        assert!(!role.held_on(day("2025-07-01")));
        let backwards = Role {
            end: Some(day("2023-01-01")),
            ..role
        };
        assert_eq!(
            backwards.problems(day("2026-01-01"))[0].problem,
            Problem::BeforeStart
        );
    }
}
