//! Training sessions (lớp tập huấn): when, on what, at which level, and who came.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{
    check_count, check_order, check_past, check_text, check_unique, FieldProblem, Problem,
};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Largest head count of one session or activity.
pub const MAX_HEAD_COUNT: u64 = 100_000;
/// Longest title or free-text topic.
pub const MAX_TITLE: usize = 200;

/// What a session taught. Several may be chosen.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Ứng dụng công nghệ thông tin.
    ItUse,
    /// Chuyển đổi số.
    DigitalTransformation,
    /// Sử dụng mạng xã hội an toàn.
    SafeSocialMedia,
    /// Phòng cháy chữa cháy.
    FireSafety,
    /// Kỹ năng sinh hoạt chi hội.
    MeetingSkills,
    /// Kiến thức pháp luật.
    Law,
    Other(String),
}

impl Topic {
    pub const NAMED: [Topic; 6] = [
        Topic::ItUse,
        Topic::DigitalTransformation,
        Topic::SafeSocialMedia,
        Topic::FireSafety,
        Topic::MeetingSkills,
        Topic::Law,
    ];

    /// Vietnamese and English names.
    pub fn names(&self) -> (&str, &str) {
        match self {
            Topic::ItUse => ("ứng dụng công nghệ thông tin", "IT use"),
            Topic::DigitalTransformation => ("chuyển đổi số", "digital transformation"),
            Topic::SafeSocialMedia => ("sử dụng mạng xã hội an toàn", "safe use of social media"),
            Topic::FireSafety => ("phòng cháy chữa cháy", "fire safety"),
            Topic::MeetingSkills => ("kỹ năng sinh hoạt chi hội", "chapter meeting skills"),
            Topic::Law => ("kiến thức pháp luật", "legal knowledge"),
            Topic::Other(text) => (text, text),
        }
    }

    /// What a session on this topic is counted under outside its own record
    /// (a unit's report, a member's earlier chapters): a named topic's code,
    /// or the session's own words for a topic of its own.
    pub fn key(&self) -> &str {
        match self {
            Topic::Other(text) => text,
            named => named.code(),
        }
    }

    /// The topic a [`Topic::key`] stands for.
    pub fn from_key(key: &str) -> Topic {
        Topic::NAMED
            .into_iter()
            .find(|t| t.code() == key)
            .unwrap_or_else(|| Topic::Other(key.to_owned()))
    }

    /// Stable code, used in indicator codes (`cadres.trained.digital_transformation`).
    pub fn code(&self) -> &'static str {
        match self {
            Topic::ItUse => "it_use",
            Topic::DigitalTransformation => "digital_transformation",
            Topic::SafeSocialMedia => "safe_social_media",
            Topic::FireSafety => "fire_safety",
            Topic::MeetingSkills => "meeting_skills",
            Topic::Law => "law",
            Topic::Other(_) => "other",
        }
    }
}

/// Which level organised a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Chapter,
    Commune,
    Province,
    Central,
    Other,
}

impl Level {
    /// The level's name in Vietnamese and in English.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Level::Chapter => ("Chi hội", "Chapter"),
            Level::Commune => ("Cấp xã", "Commune"),
            Level::Province => ("Cấp tỉnh", "Province"),
            Level::Central => ("Trung ương", "Central"),
            Level::Other => ("Khác", "Other"),
        }
    }

    pub const ALL: [Level; 5] = [
        Level::Chapter,
        Level::Commune,
        Level::Province,
        Level::Central,
        Level::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Training {
    pub start: Date,
    /// Last day, for sessions of several days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub title: String,
    pub topics: Vec<Topic>,
    pub level: Level,
    /// Members of the register who attended.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<RecordId>,
    /// Attendees not in the register.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_attendees: u32,
}

pub(crate) fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Training {
    /// Everyone who attended: members listed plus the others counted.
    pub fn attendance(&self) -> u64 {
        self.attendees.len() as u64 + u64::from(self.extra_attendees)
    }

    pub fn covers(&self, topic_code: &str) -> bool {
        self.topics.iter().any(|t| t.code() == topic_code)
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_past("start", self.start, today, &mut out);
        check_order("end", self.start, self.end, &mut out);
        check_text("title", &self.title, MAX_TITLE, true, &mut out);
        if self.topics.is_empty() {
            out.push(FieldProblem::new("topics", Problem::NoneChosen));
        }
        for topic in &self.topics {
            if let Topic::Other(text) = topic {
                check_text("topics", text, MAX_TITLE, true, &mut out);
            }
        }
        check_unique("topics", &self.topics, &mut out);
        check_unique("attendees", &self.attendees, &mut out);
        check_count(
            "extra_attendees",
            self.extra_attendees.into(),
            MAX_HEAD_COUNT,
            &mut out,
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_found_again_from_its_key() {
        let own = Topic::Other("Nuôi con khỏe".into());
        assert_eq!(own.key(), "Nuôi con khỏe");
        for topic in Topic::NAMED.into_iter().chain([own]) {
            assert_eq!(Topic::from_key(topic.key()), topic);
        }
    }
}
