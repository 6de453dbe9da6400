//! What the chapter enters by hand for its figures: the number of women in
//! the area (the denominators of attraction rates) and its own yearly targets.

use crate::domain::kernel::problem::{check_count, FieldProblem, Problem};
use crate::domain::kernel::record::RecordId;
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

/// A yearly target for one indicator: a count, or a rate in whole percent.
/// A unit sets its own (`set_by` absent); an office sets one for every unit
/// below it, or for one of them (`for_unit`), and sends it down in a plan.
/// One record per year, indicator, office and unit: id `target-<year>-<code>`
/// for a unit's own, `target-<year>-<code>-<office>[-<unit>]` for an office's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub year: u16,
    pub indicator: String,
    pub value: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_by: Option<RecordId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_unit: Option<RecordId>,
}

impl Target {
    /// The id of a unit's own target.
    pub fn id(year: u16, indicator: &str) -> Option<RecordId> {
        RecordId::keyed(&[
            "target",
            &year.to_string(),
            &indicator.replace(['.', '_'], "-"),
        ])
    }

    /// The id of this target, own or an office's.
    pub fn key(&self) -> Option<RecordId> {
        let own = Target::id(self.year, &self.indicator)?;
        let parts: Vec<&str> = [
            Some(own.as_str()),
            self.set_by.as_ref().map(RecordId::as_str),
            self.for_unit.as_ref().map(RecordId::as_str),
        ]
        .into_iter()
        .flatten()
        .collect();
        RecordId::keyed(&parts)
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !super::catalogue::is_known(&self.indicator) {
            out.push(FieldProblem::new("indicator", Problem::UnknownIndicator));
        }
        check_count("value", self.value, 100_000_000, &mut out);
        out
    }
}
