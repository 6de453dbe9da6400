//! Meetings and other activities of the chapter (sinh hoạt chi hội, truyền thông).
//! A meeting of the chapter or of one women's group keeps what its minutes
//! (biên bản) hold: the roll call, time and place, chair and secretary, what
//! was said and decided, and the day of the next one.

use super::training::{is_zero, MAX_HEAD_COUNT};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{
    check_count, check_order, check_past, check_text, check_unique, FieldProblem,
};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Longest description of an activity, or of its decisions.
pub const MAX_CONTENT: usize = 2000;
/// Longest place or time of day.
pub const MAX_PLACE: usize = 120;

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
    /// The women's group (tổ) that met; none for the whole chapter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<RecordId>,
    /// Members of the register who took part (present at the roll call).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<RecordId>,
    /// Members excused (vắng có phép). Those expected and in neither list
    /// were absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excused: Vec<RecordId>,
    /// Others who took part (guests), or everyone when no list was kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub head_count: u32,
    /// Time of day it began, as written («19:30»).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Who chaired it and who kept the minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<RecordId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<RecordId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
    /// What was decided, and the votes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decisions: String,
    /// The day set for the next meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_on: Option<Date>,
}

impl Activity {
    /// A new activity of this kind on this day, with nothing else yet.
    pub fn on_day(on: Date, kind: ActivityKind) -> Activity {
        Activity {
            on,
            kind,
            group: None,
            attendees: Vec::new(),
            excused: Vec::new(),
            head_count: 0,
            time: String::new(),
            place: String::new(),
            chair: None,
            secretary: None,
            content: String::new(),
            decisions: String::new(),
            next_on: None,
        }
    }

    pub fn attendance(&self) -> u64 {
        self.attendees.len() as u64 + u64::from(self.head_count)
    }

    /// Whether a roll call was taken: someone marked present or excused.
    pub fn has_roll_call(&self) -> bool {
        !self.attendees.is_empty() || !self.excused.is_empty()
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_past("on", self.on, today, &mut out);
        check_unique("attendees", &self.attendees, &mut out);
        // Present and excused at once: one of the two is a slip.
        let marked: Vec<&RecordId> = self.attendees.iter().chain(&self.excused).collect();
        check_unique("excused", &marked, &mut out);
        check_count(
            "head_count",
            self.head_count.into(),
            MAX_HEAD_COUNT,
            &mut out,
        );
        check_text("content", &self.content, MAX_CONTENT, false, &mut out);
        check_text("decisions", &self.decisions, MAX_CONTENT, false, &mut out);
        check_text("place", &self.place, MAX_PLACE, false, &mut out);
        check_text("time", &self.time, MAX_PLACE, false, &mut out);
        check_order("next_on", self.on, self.next_on, &mut out);
        out
    }
}
