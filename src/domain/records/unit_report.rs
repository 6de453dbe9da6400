//! Reports that travel up: a unit's figures for a period, with the names and
//! stages of its models and its training sessions, and nothing about any
//! member as a person. An office keeps the reports of the units below it;
//! `figures::roll_up` builds a unit's own by adding them up.

use super::catalogue::{is_share, Value};
use super::model::{ModelKind, Stage};
use super::training::MAX_TITLE;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::problem::{check_count, check_text, FieldProblem, Problem};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A model as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelSummary {
    /// The unit that runs it.
    pub unit: RecordId,
    pub kind: ModelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    pub participants: u64,
}

/// A training session as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// The unit that held it.
    pub unit: RecordId,
    pub start: Date,
    /// Topic codes (`digital_transformation`…), or the text of another topic.
    pub topics: Vec<String>,
    pub attendance: u64,
}

/// One unit's figures for one period. One record per unit and period (id
/// `report-<period>-<unit>`): a newer report replaces an older one by its stamp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitReport {
    pub unit: RecordId,
    pub period: Period,
    /// Indicator values by code. Codes this version does not know are kept.
    pub values: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<ModelSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trainings: Vec<TrainingSummary>,
}

/// Largest number a report value may hold.
const MAX_VALUE: u64 = 1_000_000_000_000;

impl UnitReport {
    pub fn id(unit: &RecordId, period: Period) -> Option<RecordId> {
        RecordId::keyed(&["report", &period.code().to_ascii_lowercase(), unit.as_str()])
    }

    /// Everything wrong with the report. `today` is the last day a file may
    /// speak of: a period after its year cannot have figures yet, and a
    /// report for one would stand in every later comparison.
    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.period.year() > today.year() {
            out.push(FieldProblem::new("period", Problem::PeriodAhead));
        }
        for (code, value) in &self.values {
            check_text(&format!("values.{code}"), code, 64, true, &mut out);
            check_count(
                &format!("values.{code}.num"),
                value.num,
                MAX_VALUE,
                &mut out,
            );
            check_count(
                &format!("values.{code}.den"),
                value.den.unwrap_or(0),
                MAX_VALUE,
                &mut out,
            );
            if value.den == Some(0) && value.num > 0 {
                // Summed into an office's rate, it would raise the rate of
                // every unit it is added to.
                out.push(FieldProblem::new(
                    format!("values.{code}.den"),
                    Problem::NothingUnder,
                ));
            } else if is_share(code) && value.den.is_some_and(|den| value.num > den) {
                out.push(FieldProblem::new(
                    format!("values.{code}.num"),
                    Problem::OverWhole,
                ));
            }
        }
        for (i, model) in self.models.iter().enumerate() {
            if let ModelKind::Own(name) = &model.kind {
                check_text(&format!("models.{i}.kind"), name, MAX_TITLE, true, &mut out);
            }
        }
        for (i, training) in self.trainings.iter().enumerate() {
            for topic in &training.topics {
                check_text(
                    &format!("trainings.{i}.topics"),
                    topic,
                    MAX_TITLE,
                    true,
                    &mut out,
                );
            }
        }
        out
    }

    /// The report as it may leave the device: a rate or average over a
    /// denominator of zero (members counted, but no count of the women in
    /// the area yet) is no figure, and an office adding its numerator to
    /// other units' denominators would overstate their rate. Left out, the
    /// office sees "no figure" for it, as for a unit that sent nothing.
    pub fn sendable(mut self) -> UnitReport {
        self.values.retain(|_, v| v.den != Some(0) || v.num == 0);
        self
    }

    /// A report that adds up others: values summed (numerators and
    /// denominators apart), models and sessions listed together.
    pub fn sum<'a>(
        unit: &RecordId,
        period: Period,
        parts: impl IntoIterator<Item = &'a UnitReport>,
    ) -> UnitReport {
        let mut total = UnitReport {
            unit: unit.clone(),
            period,
            values: BTreeMap::new(),
            models: Vec::new(),
            trainings: Vec::new(),
        };
        for part in parts {
            for (code, value) in &part.values {
                let sum = total.values.entry(code.clone()).or_default();
                *sum = *sum + *value;
            }
            total.models.extend(part.models.iter().cloned());
            total.trainings.extend(part.trainings.iter().cloned());
        }
        total
    }
}
