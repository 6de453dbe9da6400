//! Reports that travel up: a unit's figures for a period, with the names and
//! stages of its models and its training sessions, and nothing about any
//! member as a person. An office holds the reports of the units below it and
//! builds its own by adding them up, so that a commune, a province and a
//! cluster each roll up the level below, with rates right at every level.

use super::book::Book;
use super::date::Date;
use super::indicators::{compute, is_share, Value};
use super::model::{ModelKind, Stage};
use super::period::Period;
use super::problem::{check_count, check_text, FieldProblem, Problem};
use super::record::{Collection, RecordId};
use super::training::MAX_TITLE;
use super::unit::Unit;
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

/// A chapter's report computed from its own records.
pub fn chapter_report(book: &Book, unit: &RecordId, period: Period) -> UnitReport {
    let end = period.end();
    let models = book
        .models
        .live()
        .filter(|m| m.data.stages.first().is_some_and(|c| c.on <= end))
        .map(|m| ModelSummary {
            unit: unit.clone(),
            kind: m.data.kind.clone(),
            stage: m.data.stage_on(end),
            participants: m.data.participation(),
        })
        .collect();
    let trainings = book
        .trainings
        .live()
        .filter(|t| period.contains(t.data.start))
        .map(|t| TrainingSummary {
            unit: unit.clone(),
            start: t.data.start,
            topics: t
                .data
                .topics
                .iter()
                .map(|topic| topic.key().to_owned())
                .collect(),
            attendance: t.data.attendance(),
        })
        .collect();
    UnitReport {
        unit: unit.clone(),
        period,
        values: compute(book, unit, period).into_iter().collect(),
        models,
        trainings,
    }
}

/// The live units directly below `unit`.
pub fn children<'a>(
    units: &'a Collection<Unit>,
    unit: &'a RecordId,
) -> impl Iterator<Item = &'a RecordId> {
    units
        .live()
        .filter(move |u| u.data.parent.as_ref() == Some(unit))
        .map(|u| &u.id)
}

/// The report of `unit` for `period` as the unit looks at itself: as it
/// stands in the tree (see [`report_in_tree`]), plus, for periods when units
/// later merged into it still existed, their figures — so a province made by
/// a merger compares with its own past.
pub fn report_of(
    book: &Book,
    home: &RecordId,
    unit: &RecordId,
    period: Period,
) -> Option<UnitReport> {
    let own = report_in_tree(book, home, unit, period);
    let before: Vec<UnitReport> = book
        .units
        .get(unit)
        .map(|u| u.data.predecessors.clone())
        .unwrap_or_default()
        .iter()
        .filter(|p| book.units.get(p).is_some_and(|u| u.data.exists_in(period)))
        .filter_map(|p| report_in_tree(book, home, p, period))
        .collect();
    match (own, before.is_empty()) {
        (own, true) => own,
        (own, false) => Some(UnitReport::sum(unit, period, own.iter().chain(&before))),
    }
}

/// The report of `unit` for `period` as it stands among the units beside it:
/// the one this device received; or, for a unit with units below it, the sum
/// of theirs (those that existed in the period, each built the same way, so a
/// province adds up communes that add up chapters); or, for this device's own
/// chapter (no unit below), the one its records give. `None` when nothing is known.
pub fn report_in_tree(
    book: &Book,
    home: &RecordId,
    unit: &RecordId,
    period: Period,
) -> Option<UnitReport> {
    report_within(book, home, unit, period, 0)
}

/// Levels of units below units: deeper trees are a loop in a crafted file.
const MAX_DEPTH: usize = 16;

fn report_within(
    book: &Book,
    home: &RecordId,
    unit: &RecordId,
    period: Period,
    depth: usize,
) -> Option<UnitReport> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(held) = UnitReport::id(unit, period)
        .and_then(|id| book.reports.get(&id))
        .filter(|r| !r.deleted)
    {
        return Some(held.data.clone());
    }
    let units_below: Vec<&RecordId> = children(&book.units, unit)
        .filter(|c| book.units.get(c).is_some_and(|u| u.data.exists_in(period)))
        .collect();
    if units_below.is_empty() {
        // A chapter: this device's own has its records; another has sent nothing.
        return (unit == home).then(|| chapter_report(book, unit, period));
    }
    let below: Vec<UnitReport> = units_below
        .into_iter()
        .filter_map(|child| report_within(book, home, child, period, depth + 1))
        .collect();
    (!below.is_empty()).then(|| UnitReport::sum(unit, period, &below))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::sample_chapter;
    use crate::domain::record::Record;
    use crate::domain::stamp::{Clock, DeviceId};

    fn unit(name: &str, parent: Option<&RecordId>, clock: &mut Clock) -> Record<Unit> {
        Record::create(clock.tick(1), Unit::new(name, "x", parent.cloned()))
    }

    fn report(unit: &RecordId, period: Period, members: u64, women: u64) -> UnitReport {
        let mut values = BTreeMap::new();
        values.insert("members.end".to_owned(), Value::count(members));
        values.insert("attraction.all".to_owned(), Value::ratio(members, women));
        UnitReport {
            unit: unit.clone(),
            period,
            values,
            models: Vec::new(),
            trainings: Vec::new(),
        }
    }

    #[test]
    fn offices_add_up_the_level_below() {
        let mut clock = Clock::new(DeviceId::from_random([1; 8]));
        let province = unit("Tỉnh", None, &mut clock);
        let commune_a = unit("Xã A", Some(&province.id), &mut clock);
        let commune_b = unit("Xã B", Some(&province.id), &mut clock);
        let chapters: Vec<_> = (0..3)
            .map(|i| {
                unit(
                    &format!("Chi hội {i}"),
                    Some(if i < 2 { &commune_a.id } else { &commune_b.id }),
                    &mut clock,
                )
            })
            .collect();
        let mut book = Book::default();
        for u in [&province, &commune_a, &commune_b]
            .into_iter()
            .chain(&chapters)
        {
            book.units.put(u.clone());
        }
        let year = Period::Year(2025);
        for (chapter, (members, women)) in chapters.iter().zip([(30, 40), (10, 40), (45, 50)]) {
            let r = report(&chapter.id, year, members, women);
            book.reports.put(Record {
                id: UnitReport::id(&chapter.id, year).unwrap(),
                ..Record::create(clock.tick(2), r)
            });
        }
        let total = report_of(&book, &province.id, &province.id, year).unwrap();
        assert_eq!(total.values["members.end"], Value::count(85));
        assert_eq!(
            total.values["attraction.all"],
            Value::ratio(85, 130),
            "rates from summed parts"
        );
        let a = report_of(&book, &province.id, &commune_a.id, year).unwrap();
        assert_eq!(a.values["attraction.all"], Value::ratio(40, 80));
        assert_eq!(
            report_of(&book, &province.id, &commune_a.id, Period::Year(2024)),
            None
        );

        // A report held for a commune takes the place of adding up its chapters.
        let sent = report(&commune_a.id, year, 41, 80);
        book.reports.put(Record {
            id: UnitReport::id(&commune_a.id, year).unwrap(),
            ..Record::create(clock.tick(3), sent)
        });
        assert_eq!(
            report_of(&book, &province.id, &province.id, year)
                .unwrap()
                .values["members.end"],
            Value::count(86)
        );
    }

    #[test]
    fn a_chapter_report_holds_no_one_by_name() {
        let today = Date::new(2026, 11, 29).unwrap();
        let (book, device) = sample_chapter(1, today);
        let home = device.home.unwrap();
        let report = chapter_report(&book, &home, Period::Year(2026));
        assert_eq!(report.values["members.end"], Value::count(113));
        assert_eq!(report.trainings.len(), 6);
        assert_eq!(report.models.len(), 4);
        let text = serde_json::to_string(&report).unwrap();
        for member in book.members.all() {
            let m = &member.data;
            let birth = m
                .birth
                .filter(|b| matches!(b, crate::domain::date::BirthDate::Day(_)));
            let personal = [m.full_name(), m.phone.clone(), member.id.to_string()]
                .into_iter()
                .chain(birth.map(|b| b.code()));
            for personal in personal {
                assert!(!text.contains(&personal), "{personal}");
            }
        }
    }
}
