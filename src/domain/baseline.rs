//! What the chapter enters by hand for its figures: the number of women in
//! the area (the denominators of attraction rates) and its own yearly targets.

use super::problem::{check_count, FieldProblem, Problem};
use super::record::RecordId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest number of women a chapter's area can hold.
pub const MAX_WOMEN: u64 = 1_000_000;

/// Women living in the area in a year. One record per year: id `women-<year>`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Denominators {
    pub year: u16,
    /// Phụ nữ từ 18 tuổi trở lên.
    pub women_18: u32,
    /// Of them, ethnic-minority women.
    #[serde(default)]
    pub minority_women: u32,
    /// Of them, women of each religion, by religion code (`catholicism`…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub religious_women: BTreeMap<String, u32>,
}

impl Denominators {
    pub fn id(year: u16) -> RecordId {
        RecordId::keyed(&["women", &year.to_string()]).expect("a short key")
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_count("women_18", self.women_18.into(), MAX_WOMEN, &mut out);
        if self.minority_women > self.women_18 {
            out.push(FieldProblem::new("minority_women", Problem::ExceedsTotal));
        }
        for (code, count) in &self.religious_women {
            let field = format!("religious_women.{code}");
            if !super::member::Religion::NAMED
                .iter()
                .any(|r| r.code() == code && r.is_religious())
            {
                out.push(FieldProblem::new(field, Problem::Invalid(code.clone())));
            } else if *count > self.women_18 {
                out.push(FieldProblem::new(field, Problem::ExceedsTotal));
            }
        }
        out
    }
}

/// A yearly target the chapter sets itself for one indicator: a count, or a
/// rate in percent. One record per year and indicator: id `target-<year>-<code>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub year: u16,
    pub indicator: String,
    pub value: u64,
}

impl Target {
    pub fn id(year: u16, indicator: &str) -> Option<RecordId> {
        RecordId::keyed(&[
            "target",
            &year.to_string(),
            &indicator.replace(['.', '_'], "-"),
        ])
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if super::indicators::find(&self.indicator).is_none() {
            out.push(FieldProblem::new("indicator", Problem::UnknownIndicator));
        }
        check_count("value", self.value, 100_000_000, &mut out);
        out
    }
}
