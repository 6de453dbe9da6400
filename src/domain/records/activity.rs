//! Meetings and other activities of the chapter (sinh hoạt chi hội, truyền thông).

use super::training::{is_zero, MAX_HEAD_COUNT};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{
    check_count, check_past, check_text, check_unique, FieldProblem,
};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Longest description of an activity.
pub const MAX_CONTENT: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Sinh hoạt định kỳ.
    Regular,
    /// Sinh hoạt chuyên đề.
    Themed,
    /// Buổi sinh hoạt mô hình.
    ModelSession,
    /// Truyền thông trên mạng xã hội.
    SocialMedia,
    /// Thăm hỏi, hỗ trợ.
    Visit,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Regular,
        ActivityKind::Themed,
        ActivityKind::ModelSession,
        ActivityKind::SocialMedia,
        ActivityKind::Visit,
    ];

    /// The kind's name in Vietnamese and in English.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            ActivityKind::Regular => ("Sinh hoạt định kỳ", "Regular meeting"),
            ActivityKind::Themed => ("Sinh hoạt chuyên đề", "Themed meeting"),
            ActivityKind::ModelSession => ("Sinh hoạt mô hình", "Model meeting"),
            ActivityKind::SocialMedia => {
                ("Truyền thông trên mạng xã hội", "Outreach on social media")
            }
            ActivityKind::Visit => ("Thăm hỏi, hỗ trợ", "Visit, support"),
        }
    }

    /// Meetings of the chapter, as opposed to communication and visits.
    pub fn is_meeting(self) -> bool {
        matches!(
            self,
            ActivityKind::Regular | ActivityKind::Themed | ActivityKind::ModelSession
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub on: Date,
    pub kind: ActivityKind,
    /// Members of the register who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<RecordId>,
    /// Others who took part, or everyone when no list was kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub head_count: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
}

impl Activity {
    pub fn attendance(&self) -> u64 {
        self.attendees.len() as u64 + u64::from(self.head_count)
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_past("on", self.on, today, &mut out);
        check_unique("attendees", &self.attendees, &mut out);
        check_count(
            "head_count",
            self.head_count.into(),
            MAX_HEAD_COUNT,
            &mut out,
        );
        check_text("content", &self.content, MAX_CONTENT, false, &mut out);
        out
    }
}
