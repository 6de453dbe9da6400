//! Models (mô hình): the chapter's initiatives, from the catalogue of those the
//! Union runs or of her own, with the stages they went through, who takes
//! part, and a log of their sessions.

use super::training::{is_zero, MAX_HEAD_COUNT, MAX_TITLE};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{
    check_count, check_past, check_text, check_unique, FieldProblem, Problem,
};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// The models named in the Union's work, by code and name.
pub const CATALOGUE: [(&str, &str); 10] = [
    ("chi_hoi_kieu_mau", "Chi hội kiểu mẫu"),
    (
        "thu_hut_cong_giao_dan_toc",
        "Chi hội thu hút 100% hội viên Công giáo, dân tộc",
    ),
    ("mot_cong_mot", "1+1"),
    ("ba_co_ba_biet", "3 có, 3 biết"),
    (
        "clb_nu_chu_nha_tro",
        "CLB nữ chủ nhà trọ đảm bảo phòng cháy, chữa cháy",
    ),
    ("to_cong_nhan_nha_tro", "Tổ phụ nữ công nhân nhà trọ"),
    ("khong_gian_mang", "Chi hội phụ nữ trên không gian mạng"),
    ("ba_an_toan", "3 an toàn cho phụ nữ, trẻ em"),
    ("cung_tien", "Nhóm cán bộ chi, tổ phụ nữ cùng tiến"),
    ("dong_hanh_vuot_kho", "Chi, tổ phụ nữ đồng hành vượt khó"),
];

/// Which model this is: one of the catalogue, or one the chapter named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    Catalogue(String),
    Own(String),
}

impl ModelKind {
    /// The model's name: the catalogue's, or the one given.
    pub fn name(&self) -> &str {
        match self {
            ModelKind::Catalogue(code) => CATALOGUE
                .iter()
                .find(|(c, _)| c == code)
                .map_or(code.as_str(), |(_, name)| name),
            ModelKind::Own(name) => name,
        }
    }
}

/// Where a model stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Dự kiến.
    Planned,
    /// Thí điểm.
    Pilot,
    /// Ra mắt.
    Launched,
    /// Sinh hoạt đều đặn.
    Regular,
    /// Nhân rộng.
    Replicated,
    /// Dừng.
    Stopped,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Planned,
        Stage::Pilot,
        Stage::Launched,
        Stage::Regular,
        Stage::Replicated,
        Stage::Stopped,
    ];

    /// Vietnamese and English names.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Stage::Planned => ("dự kiến", "planned"),
            Stage::Pilot => ("thí điểm", "pilot"),
            Stage::Launched => ("ra mắt", "launched"),
            Stage::Regular => ("sinh hoạt đều đặn", "meeting regularly"),
            Stage::Replicated => ("nhân rộng", "replicated"),
            Stage::Stopped => ("dừng", "stopped"),
        }
    }

    /// Whether a model at this stage is running.
    pub fn running(self) -> bool {
        matches!(
            self,
            Stage::Pilot | Stage::Launched | Stage::Regular | Stage::Replicated
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Stage::Planned => "planned",
            Stage::Pilot => "pilot",
            Stage::Launched => "launched",
            Stage::Regular => "regular",
            Stage::Replicated => "replicated",
            Stage::Stopped => "stopped",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    pub on: Date,
}

/// One session of a model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelSession {
    pub on: Date,
    pub attendance: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub kind: ModelKind,
    /// Who it is for: "phụ nữ công nhân", "nữ thanh niên"…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_group: String,
    /// Stages in date order; the last is the current one.
    pub stages: Vec<StageChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<RecordId>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_participants: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<ModelSession>,
}

impl Model {
    /// The stage on `day`, if the model existed then.
    pub fn stage_on(&self, day: Date) -> Option<Stage> {
        self.stages.iter().rfind(|c| c.on <= day).map(|c| c.stage)
    }

    /// Everyone taking part: members listed plus the others counted.
    pub fn participation(&self) -> u64 {
        self.participants.len() as u64 + u64::from(self.extra_participants)
    }

    /// Records a stage from a day, keeping the history in date order; a stage
    /// given again on the same day replaces that day's entry.
    pub fn set_stage(&mut self, stage: Stage, on: Date) {
        self.stages.retain(|c| c.on != on);
        let at = self.stages.partition_point(|c| c.on < on);
        self.stages.insert(at, StageChange { stage, on });
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        match &self.kind {
            ModelKind::Own(name) => check_text("kind", name, MAX_TITLE, true, &mut out),
            ModelKind::Catalogue(code) if !CATALOGUE.iter().any(|(c, _)| c == code) => {
                out.push(FieldProblem::new("kind", Problem::Invalid(code.clone())))
            }
            ModelKind::Catalogue(_) => {}
        }
        check_text(
            "target_group",
            &self.target_group,
            MAX_TITLE,
            false,
            &mut out,
        );
        if self.stages.is_empty() {
            out.push(FieldProblem::new("stages", Problem::NoneChosen));
        }
        for (i, change) in self.stages.iter().enumerate() {
            check_past(&format!("stages.{i}.on"), change.on, today, &mut out);
        }
        if self.stages.windows(2).any(|w| w[1].on < w[0].on) {
            out.push(FieldProblem::new("stages", Problem::BeforeStart));
        }
        check_unique("participants", &self.participants, &mut out);
        check_count(
            "extra_participants",
            self.extra_participants.into(),
            MAX_HEAD_COUNT,
            &mut out,
        );
        for (i, session) in self.sessions.iter().enumerate() {
            check_past(&format!("sessions.{i}.on"), session.on, today, &mut out);
            check_count(
                &format!("sessions.{i}.attendance"),
                session.attendance.into(),
                MAX_HEAD_COUNT,
                &mut out,
            );
            check_text(
                &format!("sessions.{i}.note"),
                &session.note,
                MAX_TITLE,
                false,
                &mut out,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;

    #[test]
    fn stages_follow_their_dates() {
        let mut model = Model {
            kind: ModelKind::Catalogue("mot_cong_mot".into()),
            target_group: String::new(),
            stages: vec![],
            participants: vec![],
            extra_participants: 0,
            sessions: vec![],
        };
        model.set_stage(Stage::Launched, day("2025-03-08"));
        model.set_stage(Stage::Planned, day("2025-01-10"));
        model.set_stage(Stage::Regular, day("2025-03-08"));
        assert_eq!(model.stages.len(), 2);
        assert_eq!(model.stage_on(day("2025-01-09")), None);
        assert_eq!(model.stage_on(day("2025-02-01")), Some(Stage::Planned));
        assert_eq!(model.stage_on(day("2025-12-31")), Some(Stage::Regular));
        assert_eq!(model.kind.name(), "1+1");
        assert!(model.problems(day("2026-01-01")).is_empty());
    }
}
