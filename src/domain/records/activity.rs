//! Meetings and other activities of the chapter (sinh hoạt chi hội, truyền thông).
//! A meeting of the chapter or of one women's group keeps what its minutes
//! (biên bản) hold: the roll call, time and place, chair and secretary, what
//! was said and decided, and the day of the next one.

use super::training::{is_zero, MAX_HEAD_COUNT};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{
    check_count, check_lines, check_order, check_past, check_text, check_unique, FieldProblem,
};
use crate::domain::kernel::record::{set_of, RecordId};
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

/// Where a member stands at a roll call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Vắng: not marked, as every name starts.
    Absent,
    /// Có mặt.
    Present,
    /// Vắng có phép.
    Excused,
}

impl Mark {
    /// The mark one tap on her name gives: absent, present, excused, absent
    /// again. Present comes first, as most names are called to it.
    pub fn next(self) -> Mark {
        match self {
            Mark::Absent => Mark::Present,
            Mark::Present => Mark::Excused,
            Mark::Excused => Mark::Absent,
        }
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

    /// How `member` was marked at the roll call.
    pub fn mark(&self, member: &RecordId) -> Mark {
        if self.attendees.contains(member) {
            Mark::Present
        } else if self.excused.contains(member) {
            Mark::Excused
        } else {
            Mark::Absent
        }
    }

    /// Marks `member` at the roll call, taking her out of the other list.
    pub fn set_mark(&mut self, member: &RecordId, mark: Mark) {
        self.attendees.retain(|m| m != member);
        self.excused.retain(|m| m != member);
        match mark {
            Mark::Present => self.attendees.push(member.clone()),
            Mark::Excused => self.excused.push(member.clone()),
            Mark::Absent => {}
        }
    }

    /// Marks every one of `members` present («Tất cả có mặt»), in one pass
    /// however long the register.
    pub fn mark_all_present(&mut self, members: &[RecordId]) {
        let all = set_of(members);
        let present = set_of(&self.attendees);
        self.excused.retain(|m| !all.contains(m));
        let new: Vec<RecordId> = members
            .iter()
            .filter(|m| !present.contains(m))
            .cloned()
            .collect();
        self.attendees.extend(new);
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
        check_lines("content", &self.content, MAX_CONTENT, &mut out);
        check_lines("decisions", &self.decisions, MAX_CONTENT, &mut out);
        check_text("place", &self.place, MAX_PLACE, false, &mut out);
        check_text("time", &self.time, MAX_PLACE, false, &mut out);
        check_order("next_on", self.on, self.next_on, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::kernel::problem::Problem;

    #[test]
    fn one_tap_a_name_moves_her_round_the_roll_call() {
        let hoa = RecordId::parse("hoa").unwrap();
        let mut a = Activity::on_day(day("2026-11-10"), ActivityKind::Regular);
        assert!(!a.has_roll_call());
        let mut seen = Vec::new();
        for _ in 0..3 {
            let next = a.mark(&hoa).next();
            a.set_mark(&hoa, next);
            seen.push((a.mark(&hoa), a.attendees.len(), a.excused.len()));
        }
        assert_eq!(
            seen,
            [
                (Mark::Present, 1, 0),
                (Mark::Excused, 0, 1),
                (Mark::Absent, 0, 0)
            ]
        );
        let (an, binh) = (
            RecordId::parse("an").unwrap(),
            RecordId::parse("binh").unwrap(),
        );
        a.set_mark(&an, Mark::Excused);
        a.mark_all_present(&[hoa.clone(), an.clone(), binh.clone()]);
        assert_eq!((a.attendees.len(), a.excused.len()), (3, 0));
        a.mark_all_present(&[an, binh]);
        assert_eq!(a.attendees.len(), 3, "no one twice");
        a.excused.push(hoa);
        a.next_on = Some(day("2026-11-01"));
        let fields: Vec<(String, Problem)> = a
            .problems(day("2026-12-06"))
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect();
        assert_eq!(
            fields,
            [
                ("excused".to_owned(), Problem::Repeated),
                ("next_on".to_owned(), Problem::BeforeStart)
            ]
        );
    }
}
