//! Rolling reports up: a chapter's report made from its records, and an
//! office's made by adding up the level below, so that a commune, a province
//! and a cluster each roll up the units under them, with rates right at every
//! level (values add numerators and denominators apart).

use super::compute::compute;
use super::grading::as_counted;
use crate::domain::book::collections::Book;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::RecordId;
use crate::domain::records::unit::children;
use crate::domain::records::unit_report::{ModelSummary, TrainingSummary, UnitReport};

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
/// the one this device received (a chapter's grade worked out here, see
/// `grading::as_counted`); or, for a unit with units below it, the sum
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
        return Some(as_counted(book, held.data.clone()));
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
    use crate::domain::kernel::date::Date;
    use crate::domain::kernel::record::Record;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use crate::domain::records::catalogue::Value;
    use crate::domain::records::unit::Unit;
    use crate::domain::samples::demo::sample_chapter;
    use std::collections::BTreeMap;

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
                .filter(|b| matches!(b, crate::domain::kernel::date::BirthDate::Day(_)));
            let personal = [m.full_name(), m.phone.clone(), member.id.to_string()]
                .into_iter()
                .chain(birth.map(|b| b.code()));
            for personal in personal {
                assert!(!text.contains(&personal), "{personal}");
            }
        }
    }
}
