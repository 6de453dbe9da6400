//! An office's reports of a period, as its clerk follows them: which units
//! directly below have sent theirs and when, and for each that has not, the
//! last report it did send — so she knows whom to remind, and since when.

use crate::domain::book::collections::Book;
use crate::domain::kernel::name::fold;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::RecordId;
use crate::domain::records::unit::children;
use crate::domain::records::unit_report::UnitReport;
use std::collections::BTreeMap;

/// One unit below the office, for one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub unit: RecordId,
    pub name: String,
    /// When the unit made the period's report (its phone's clock), if it came.
    pub sent_ms: Option<u64>,
    /// For a unit whose report has not come: the newest report it sent for
    /// another period, and when it made that one.
    pub last: Option<(Period, u64)>,
}

/// The units directly below `office` that existed in `period`: those that
/// have not sent the period's report first (the ones to remind), then those
/// that have, each group by name.
pub fn received(book: &Book, office: &RecordId, period: Period) -> Vec<Received> {
    // Every unit's newest report of any period, read once for all the units.
    let mut newest: BTreeMap<&RecordId, (Period, u64)> = BTreeMap::new();
    for report in book.reports.live() {
        let made = report.stamp.wall_ms;
        let entry = newest
            .entry(&report.data.unit)
            .or_insert((report.data.period, made));
        if made > entry.1 {
            *entry = (report.data.period, made);
        }
    }
    let mut rows: Vec<Received> = children(&book.units, office)
        .filter_map(|id| book.units.get(id))
        .filter(|unit| unit.data.exists_in(period))
        .map(|unit| {
            let sent_ms = UnitReport::id(&unit.id, period)
                .and_then(|id| book.reports.get(&id))
                .filter(|r| !r.deleted)
                .map(|r| r.stamp.wall_ms);
            Received {
                unit: unit.id.clone(),
                name: unit.data.name.clone(),
                sent_ms,
                last: match sent_ms {
                    Some(_) => None,
                    None => newest.get(&unit.id).copied(),
                },
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| (r.sent_ms.is_some(), fold(&r.name)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::record::Record;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use crate::domain::records::unit::Unit;

    fn unit(book: &mut Book, clock: &mut Clock, name: &str, parent: Option<&RecordId>) -> RecordId {
        let record = Record::create(
            clock.tick(1_000),
            Unit::new(name, "Chi hội", parent.cloned()),
        );
        let id = record.id.clone();
        book.units.put(record);
        id
    }

    fn report(book: &mut Book, clock: &mut Clock, unit: &RecordId, period: Period, at: u64) {
        let data = UnitReport {
            unit: unit.clone(),
            period,
            values: BTreeMap::new(),
            models: vec![],
            trainings: vec![],
        };
        book.reports.put(Record {
            id: UnitReport::id(unit, period).unwrap(),
            ..Record::create(clock.tick(at), data)
        });
    }

    #[test]
    fn the_units_to_remind_come_first_with_their_last_report() {
        let mut clock = Clock::new(DeviceId::from_random([3; 8]));
        let mut book = Book::default();
        let office = unit(&mut book, &mut clock, "Hội LHPN xã Tân Lập", None);
        let ha = unit(&mut book, &mut clock, "Chi hội Thôn Hạ", Some(&office));
        let an = unit(&mut book, &mut clock, "Chi hội Ấp An", Some(&office));
        let bac = unit(&mut book, &mut clock, "Chi hội Thôn Bắc", Some(&office));
        unit(&mut book, &mut clock, "Chi hội Bến Đò", Some(&office));
        let elsewhere = unit(&mut book, &mut clock, "Chi hội xã khác", None);
        let (q3, q4) = (Period::Quarter(2026, 3), Period::Quarter(2026, 4));
        // In the order they came: the clock never goes back.
        report(&mut book, &mut clock, &bac, Period::Quarter(2026, 2), 2_000);
        report(&mut book, &mut clock, &bac, q3, 3_000);
        report(&mut book, &mut clock, &an, q4, 4_000);
        report(&mut book, &mut clock, &ha, q4, 5_000);
        report(&mut book, &mut clock, &elsewhere, q4, 6_000);
        let rows = received(&book, &office, q4);
        type Seen<'a> = (&'a str, Option<u64>, Option<(Period, u64)>);
        let seen: Vec<Seen> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.sent_ms, r.last))
            .collect();
        assert_eq!(
            seen,
            [
                ("Chi hội Bến Đò", None, None),
                ("Chi hội Thôn Bắc", None, Some((q3, 3_000))),
                ("Chi hội Ấp An", Some(4_000), None),
                ("Chi hội Thôn Hạ", Some(5_000), None),
            ]
        );
    }

    #[test]
    fn a_deleted_report_or_a_unit_gone_before_the_period_is_not_counted() {
        let mut clock = Clock::new(DeviceId::from_random([4; 8]));
        let mut book = Book::default();
        let office = unit(&mut book, &mut clock, "Hội LHPN xã Tân Lập", None);
        let ha = unit(&mut book, &mut clock, "Chi hội Thôn Hạ", Some(&office));
        let gone = unit(&mut book, &mut clock, "Chi hội đã sáp nhập", Some(&office));
        let period = Period::Year(2026);
        report(&mut book, &mut clock, &ha, period, 5_000);
        let id = UnitReport::id(&ha, period).unwrap();
        let deleted = book
            .reports
            .get(&id)
            .unwrap()
            .clone()
            .with_deleted(clock.tick(6_000), true);
        book.reports.put(deleted);
        let mut merged = book.units.get(&gone).unwrap().clone();
        merged.data.valid_to = crate::domain::kernel::date::Date::new(2025, 6, 30);
        book.units.put(merged);
        let rows = received(&book, &office, period);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sent_ms, None);
    }
}
