//! The year's grading (xếp loại): the Union's four grades, and the decision
//! an office makes on a unit below it in one of its grading campaigns, with
//! whether it holds the chapter up as a model one. The unit's own proposal
//! is its standing in the campaign (`campaign::standing`), from its figures
//! and its scores by hand; the decision wins, and goes down in the office's
//! plan so that the chapter sees her confirmed grade.

use crate::domain::kernel::date::Date;
use serde::{Deserialize, Serialize};

/// The four grades of the Union, best first: a grading campaign's grades
/// are these, their thresholds the office's own.
pub const GRADES: [&str; 4] = ["Vững mạnh", "Khá", "Trung bình", "Yếu"];

/// The codes of the four grades in the grading figures, in the order of [`GRADES`].
pub const GRADE_CODES: [&str; 4] = ["strong", "good", "fair", "weak"];

/// The grading figures' codes, in the catalogue's order (`figures::grading`
/// computes them in this order).
pub const GRADING_CODES: [&str; 10] = [
    "grading.chapters.strong",
    "grading.chapters.good",
    "grading.chapters.fair",
    "grading.chapters.weak",
    "grading.groups.strong",
    "grading.groups.good",
    "grading.groups.fair",
    "grading.groups.weak",
    "grading.model",
    "grading.model_outstanding",
];

/// A chapter the office holds up as a model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChapter {
    #[default]
    No,
    /// Chi hội mẫu (kiểu mẫu).
    Model,
    /// Chi hội mẫu xuất sắc tiêu biểu.
    Outstanding,
}

impl ModelChapter {
    pub const ALL: [ModelChapter; 3] = [
        ModelChapter::No,
        ModelChapter::Model,
        ModelChapter::Outstanding,
    ];

    fn is_no(&self) -> bool {
        *self == ModelChapter::No
    }
}

/// The office's decision on a unit's grade: kept with the day, in the
/// office's record `decision-<campaign>-<unit>` (see `campaign::Scores`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// One of the campaign's grades, by its label.
    pub grade: String,
    #[serde(default, skip_serializing_if = "ModelChapter::is_no")]
    pub model: ModelChapter,
    /// The day it was decided.
    pub on: Date,
}
