//! Emulation campaigns (đợt thi đua): what an office asks of the units below
//! it for a period, each criterion a target on an indicator or a score given
//! by hand, and a scoring sheet that turns points into a grade.

use super::catalogue::{find, is_known, Kind, Value};
use super::grade::{Decision, GRADES};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::problem::{
    check_count, check_past, check_text, check_unique, FieldProblem, Problem,
};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest campaign name, criterion or grade label.
const MAX_LABEL: usize = 200;
/// Most points a criterion may carry.
const MAX_POINTS: u64 = 1000;

/// One criterion of a campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Short key, unique in its campaign (`c1`…), under which scores are kept.
    pub key: String,
    pub label: String,
    /// Points for meeting it in full.
    pub points: u32,
    /// The indicator it measures; absent for a score given by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The indicator's target: a count, or whole percent for rates.
    #[serde(default)]
    pub target: u64,
}

/// A criterion as an office writes it on the form: its label, points, and
/// the indicator and target (no indicator: scored by hand).
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionDraft {
    pub label: String,
    pub points: u32,
    /// An indicator's code, or empty.
    pub indicator: String,
    pub target: u32,
}

impl Default for CriterionDraft {
    /// A new criterion: ten points, the usual weight.
    fn default() -> Self {
        CriterionDraft {
            label: String::new(),
            points: 10,
            indicator: String::new(),
            target: 0,
        }
    }
}

/// Scores are kept in tenths of a point; a form shows and takes whole points.
pub fn tenths(points: u32) -> u32 {
    points * 10
}

/// The whole points of a score kept in tenths, as a form shows it.
pub fn whole_points(tenths: u32) -> u32 {
    tenths / 10
}

/// A grade of the scoring sheet: reached from this share of the full points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub label: String,
    /// Percent of the campaign's full points, 0–100.
    pub min_percent: u32,
}

/// An emulation campaign set by an office for the units below it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// The unit that set it.
    pub office: RecordId,
    pub name: String,
    pub period: Period,
    pub criteria: Vec<Criterion>,
    /// Best grade first.
    pub grades: Vec<Grade>,
    /// The year's grading of the units below (xếp loại): its grades are the
    /// Union's four, their thresholds the office's; chapters propose their
    /// grade and their groups', the office decides, and the grades count
    /// in the grading figures (`figures::grading`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub grading: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Campaign {
    /// A campaign as an office writes it: its name and labels tidied, its
    /// criteria keyed in order (`c1`, `c2`…), the usual scoring sheet. Not
    /// checked: see [`Campaign::problems`].
    pub fn written(
        office: RecordId,
        name: &str,
        period: Period,
        criteria: &[CriterionDraft],
    ) -> Campaign {
        Campaign {
            office,
            name: tidy(name),
            period,
            criteria: criteria
                .iter()
                .enumerate()
                .map(|(i, d)| Criterion {
                    key: format!("c{}", i + 1),
                    label: tidy(&d.label),
                    points: d.points,
                    indicator: (!d.indicator.is_empty()).then(|| d.indicator.clone()),
                    target: d.target.into(),
                })
                .collect(),
            grades: Campaign::default_grades(),
            grading: false,
        }
    }

    /// The grades' labels, best first.
    pub fn grade_labels(&self) -> Vec<String> {
        self.grades.iter().map(|g| g.label.clone()).collect()
    }

    /// The position of the grade labelled `label` among the Union's four
    /// (a proposal's, or a decision's).
    pub fn band(&self, label: &str) -> Option<usize> {
        self.grades
            .iter()
            .position(|g| g.label == label)
            .filter(|i| *i < GRADES.len())
    }

    /// The usual sheet: vững mạnh from 90%, khá from 70%, trung bình from 50%, yếu below.
    pub fn default_grades() -> Vec<Grade> {
        [
            ("Vững mạnh", 90),
            ("Khá", 70),
            ("Trung bình", 50),
            ("Yếu", 0),
        ]
        .into_iter()
        .map(|(label, min_percent)| Grade {
            label: label.into(),
            min_percent,
        })
        .collect()
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("name", &self.name, MAX_LABEL, true, &mut out);
        if self.criteria.is_empty() {
            out.push(FieldProblem::new("criteria", Problem::NoneChosen));
        }
        let keys: Vec<&String> = self.criteria.iter().map(|c| &c.key).collect();
        check_unique("criteria", &keys, &mut out);
        for (i, c) in self.criteria.iter().enumerate() {
            check_text(&format!("criteria.{i}.key"), &c.key, 16, true, &mut out);
            check_text(
                &format!("criteria.{i}.label"),
                &c.label,
                MAX_LABEL,
                true,
                &mut out,
            );
            check_count(
                &format!("criteria.{i}.points"),
                c.points.into(),
                MAX_POINTS,
                &mut out,
            );
            if let Some(code) = &c.indicator {
                if !is_known(code) {
                    out.push(FieldProblem::new(
                        format!("criteria.{i}.indicator"),
                        Problem::UnknownIndicator,
                    ));
                }
            }
        }
        if self.grades.is_empty() {
            out.push(FieldProblem::new("grades", Problem::NoneChosen));
        }
        if self.grading && !self.grades.iter().map(|g| g.label.as_str()).eq(GRADES) {
            // Exactly the Union's four, best first: a grade's place on the
            // sheet is what counts a chapter strong.
            out.push(FieldProblem::new("grades", Problem::NotTheUnionsGrades));
        }
        if let Some(i) = (1..self.grades.len())
            .find(|&i| self.grades[i].min_percent >= self.grades[i - 1].min_percent)
        {
            out.push(FieldProblem::new(
                format!("grades.{i}.min_percent"),
                Problem::Invalid(format!("{}%", self.grades[i].min_percent)),
            ));
        }
        for (i, g) in self.grades.iter().enumerate() {
            check_text(
                &format!("grades.{i}.label"),
                &g.label,
                MAX_LABEL,
                true,
                &mut out,
            );
            check_count(
                &format!("grades.{i}.min_percent"),
                g.min_percent.into(),
                100,
                &mut out,
            );
        }
        out
    }

    /// The full points, in tenths.
    pub fn max_tenths(&self) -> u32 {
        self.criteria.iter().map(|c| tenths(c.points)).sum()
    }
}

/// Longest note of evidence for a criterion scored by hand.
pub const MAX_NOTE: usize = 500;

/// A unit's marks in a campaign. Given by the unit itself: its points on
/// the criteria scored by hand, in tenths of a point, each with its
/// evidence (record `scores-<campaign>-<unit>`, or
/// `scores-<campaign>-<unit>-<group>` for one of its women's groups). Given
/// by the campaign's office: its decision on the unit's grade (record
/// `decision-<campaign>-<unit>`). One kind of record for both, so that a
/// unit's and an office's marks travel and merge by one path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub campaign: RecordId,
    pub unit: RecordId,
    /// One of the unit's women's groups, for the group's self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<RecordId>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<String, u32>,
    /// What shows a criterion scored by hand is met («biên bản số 3», «sổ thu hội phí»).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

impl Scores {
    pub fn id(campaign: &RecordId, unit: &RecordId) -> Option<RecordId> {
        RecordId::keyed(&["scores", campaign.as_str(), unit.as_str()])
    }

    /// The record of a women's group's self-assessment.
    pub fn group_id(campaign: &RecordId, unit: &RecordId, group: &RecordId) -> Option<RecordId> {
        RecordId::keyed(&["scores", campaign.as_str(), unit.as_str(), group.as_str()])
    }

    /// The record of the office's decision on a unit.
    pub fn decision_id(campaign: &RecordId, unit: &RecordId) -> Option<RecordId> {
        RecordId::keyed(&["decision", campaign.as_str(), unit.as_str()])
    }

    /// The id these marks must carry: a group's, an office's decision on a
    /// unit, or the unit's own.
    pub fn key(&self) -> Option<RecordId> {
        match (&self.group, &self.decision) {
            (Some(group), _) => Scores::group_id(&self.campaign, &self.unit, group),
            (None, Some(_)) => Scores::decision_id(&self.campaign, &self.unit),
            (None, None) => Scores::id(&self.campaign, &self.unit),
        }
    }

    /// Marks given by the unit: none yet.
    pub fn of(campaign: &RecordId, unit: &RecordId, group: Option<&RecordId>) -> Scores {
        Scores {
            campaign: campaign.clone(),
            unit: unit.clone(),
            group: group.cloned(),
            points: BTreeMap::new(),
            notes: BTreeMap::new(),
            decision: None,
        }
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        for (key, points) in &self.points {
            check_count(
                &format!("points.{key}"),
                (*points).into(),
                MAX_POINTS * 10,
                &mut out,
            );
        }
        for (key, note) in &self.notes {
            check_text(&format!("notes.{key}"), note, MAX_NOTE, false, &mut out);
        }
        if let Some(decision) = &self.decision {
            check_text("decision.grade", &decision.grade, MAX_LABEL, true, &mut out);
            check_past("decision.on", decision.on, today, &mut out);
        }
        out
    }
}

/// How a unit stands in a campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Points per criterion, in tenths; `None` for a score not given yet.
    pub points: Vec<Option<u32>>,
    /// Total, in tenths.
    pub total: u32,
    /// Full points, in tenths.
    pub max: u32,
    /// The grade reached; `None` while a score by hand is missing.
    pub grade: Option<String>,
}

/// Scores a unit: a target criterion earns its points in proportion to how
/// far the indicator has come (in full once reached); a criterion by hand
/// earns what was given, up to its points.
pub fn standing(
    campaign: &Campaign,
    values: &BTreeMap<String, Value>,
    given: Option<&BTreeMap<String, u32>>,
) -> Standing {
    let points: Vec<Option<u32>> = campaign
        .criteria
        .iter()
        .map(|c| match &c.indicator {
            Some(code) => {
                let value = values.get(code).copied().unwrap_or_default();
                let reached = match find(code).map(|i| i.kind) {
                    Some(Kind::Percent) | Some(Kind::Average) => {
                        value.per_mille().unwrap_or(0) * 1000 / (c.target * 10).max(1)
                    }
                    _ => value.num * 1000 / c.target.max(1),
                };
                Some((u64::from(tenths(c.points)) * reached.min(1000) / 1000) as u32)
            }
            None => given
                .and_then(|g| g.get(&c.key))
                .map(|p| (*p).min(tenths(c.points))),
        })
        .collect();
    let total = points.iter().flatten().sum();
    let max = campaign.max_tenths();
    let complete = points.iter().all(Option::is_some);
    let grade = complete
        .then(|| {
            campaign
                .grades
                .iter()
                .find(|g| u64::from(total) * 100 >= u64::from(g.min_percent) * u64::from(max))
                .map(|g| g.label.clone())
        })
        .flatten();
    Standing {
        points,
        total,
        max,
        grade,
    }
}

/// The starter sheet for grading chapters an office copies and edits,
/// labelled as a sample: no official text sets these criteria for every
/// province, and each office follows its own guidance. Criteria read from
/// indicators where the records give them (meetings every three months,
/// attendance, fees, cards, the members' campaign, trained cadres,
/// outstanding members) and scored by hand with evidence otherwise.
pub fn sample_sheet(year: u16) -> (String, Vec<CriterionDraft>) {
    let criterion = |label: &str, points, indicator: &str, target| CriterionDraft {
        label: label.into(),
        points,
        indicator: indicator.into(),
        target,
    };
    (
        format!("Xếp loại chi hội năm {year} (bảng mẫu)"),
        vec![
            criterion(
                "Sinh hoạt chi hội ít nhất 3 tháng một lần",
                15,
                "meetings.quarters",
                100,
            ),
            criterion(
                "Hội viên dự sinh hoạt từ 85% trở lên",
                15,
                "meetings.attendance_rate",
                85,
            ),
            criterion("Thu hội phí từ 85% hội viên trở lên", 15, "fees.paid", 85),
            criterion("100% hội viên có thẻ hội viên", 10, "members.cards", 100),
            criterion(
                "Hội viên đăng ký đạt tiêu chí cuộc vận động từ 80%",
                10,
                "members.achieved",
                80,
            ),
            criterion(
                "Cán bộ chi hội được tập huấn kỹ năng sinh hoạt",
                5,
                "cadres.trained.meeting_skills",
                100,
            ),
            criterion(
                "Có 2 hội viên điển hình được biểu dương trong năm",
                10,
                "members.exemplary",
                2,
            ),
            criterion("Hoàn thành chỉ tiêu, nhiệm vụ Hội cấp trên giao", 10, "", 0),
            criterion("Hộ hội viên đạt tiêu chí 5 không 3 sạch từ 85%", 10, "", 0),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        Campaign {
            office: RecordId::parse("xa").unwrap(),
            name: "Xây dựng cơ sở Hội vững mạnh".into(),
            period: Period::Year(2026),
            criteria: vec![
                Criterion {
                    key: "c1".into(),
                    label: "Hội viên".into(),
                    points: 40,
                    indicator: Some("members.end".into()),
                    target: 100,
                },
                Criterion {
                    key: "c2".into(),
                    label: "Chuyển đổi số".into(),
                    points: 40,
                    indicator: Some("cadres.trained.digital_transformation".into()),
                    target: 100,
                },
                Criterion {
                    key: "c3".into(),
                    label: "Phong trào".into(),
                    points: 20,
                    indicator: None,
                    target: 0,
                },
            ],
            grades: Campaign::default_grades(),
            grading: false,
        }
    }

    #[test]
    fn a_campaign_as_written_on_the_form_is_the_one_kept() {
        let draft = |label: &str, points, indicator: &str, target| CriterionDraft {
            label: label.into(),
            points,
            indicator: indicator.into(),
            target,
        };
        let written = Campaign::written(
            RecordId::parse("xa").unwrap(),
            "  Xây dựng cơ sở  Hội vững mạnh ",
            Period::Year(2026),
            &[
                draft("Hội viên", 40, "members.end", 100),
                draft(
                    " Chuyển  đổi số",
                    40,
                    "cadres.trained.digital_transformation",
                    100,
                ),
                draft("Phong trào", 20, "", 0),
            ],
        );
        assert_eq!(
            written,
            campaign(),
            "keys in order, names tidied, scored by hand without an indicator"
        );
        assert!(written.problems().is_empty());
        assert_eq!(CriterionDraft::default().points, 10);
        assert_eq!(whole_points(tenths(7)), 7);
        assert_eq!(written.max_tenths(), tenths(100));
    }

    #[test]
    fn the_sample_sheet_is_a_valid_grading_of_a_hundred_points() {
        let (name, criteria) = sample_sheet(2026);
        assert!(name.contains("bảng mẫu"), "labelled as a sample");
        let sheet = Campaign {
            grading: true,
            ..Campaign::written(
                RecordId::parse("xa").unwrap(),
                &name,
                Period::Year(2026),
                &criteria,
            )
        };
        assert_eq!(sheet.problems(), vec![]);
        assert_eq!(sheet.max_tenths(), tenths(100));
        assert_eq!(sheet.grade_labels(), crate::domain::records::grade::GRADES);
        let mut lower_first = sheet.clone();
        lower_first.grades[1].min_percent = 95;
        assert_eq!(
            lower_first.problems(),
            vec![FieldProblem::new(
                "grades.1.min_percent",
                Problem::Invalid("95%".into())
            )],
            "each grade needs fewer points than the one above"
        );
    }

    #[test]
    fn points_follow_targets_and_scores_by_hand() {
        let c = campaign();
        assert!(c.problems().is_empty());
        let mut values = BTreeMap::new();
        values.insert("members.end".to_owned(), Value::count(113));
        values.insert(
            "cadres.trained.digital_transformation".to_owned(),
            Value::ratio(6, 10),
        );
        let missing = standing(&c, &values, None);
        assert_eq!(missing.points, vec![Some(400), Some(240), None]);
        assert_eq!(missing.grade, None, "a score by hand is still to be given");
        let given: BTreeMap<String, u32> = [("c3".to_owned(), 185)].into_iter().collect();
        let full = standing(&c, &values, Some(&given));
        assert_eq!((full.total, full.max), (825, 1000));
        assert_eq!(full.grade.as_deref(), Some("Khá"));
        let too_much: BTreeMap<String, u32> = [("c3".to_owned(), 999)].into_iter().collect();
        assert_eq!(
            standing(&c, &values, Some(&too_much)).points[2],
            Some(200),
            "capped at the criterion's points"
        );
    }
}
