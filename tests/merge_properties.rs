//! Merge on hand-picked versions of one record (two phones' fields, sets,
//! a deletion against an edit, what is written), then its properties over
//! random histories: three phones hold one record,
//! edit its fields, add and remove elements of its set, delete it and bring it
//! back, and pass it to each other at random. Whatever the order and the
//! number of times versions are merged, the result is the same; and once all
//! is merged, each field holds its newest value, each element its newest add
//! or removal, and the record is deleted by the rule docs/file-format.md
//! writes. Values, elements and wall times come from small pools so that
//! edits collide and clocks stand still.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use so_tay_chi_hoi::domain::file::envelope::FORMAT;
use so_tay_chi_hoi::domain::file::restore::restore_collection;
use so_tay_chi_hoi::domain::kernel::date::{last_day, Date};
use so_tay_chi_hoi::domain::kernel::kind::RecordData;
use so_tay_chi_hoi::domain::kernel::merge::{classify, merge, merge_records, Outcome};
use so_tay_chi_hoi::domain::kernel::parts::{FieldConflict, DELETED};
use so_tay_chi_hoi::domain::kernel::problem::FieldProblem;
use so_tay_chi_hoi::domain::kernel::record::{Collection, Record};
use so_tay_chi_hoi::domain::kernel::stamp::{Clock, DeviceId, Stamp};
use std::collections::BTreeMap;

/// Cases per property (proptest's default is 256).
const CASES: u32 = 1024;

/// A record with two plain fields and a set, as a member has a phone, an
/// address and a status history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Card {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    address: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    seen: Vec<String>,
}

impl RecordData for Card {
    const COLLECTION: &'static str = "cards";
    const LABEL_FIELDS: &'static [&'static str] = &[];
    const SETS: &'static [&'static str] = &["seen"];
    fn problems(&self, _today: Date) -> Vec<FieldProblem> {
        Vec::new()
    }
}

fn card(phone: &str, address: &str, seen: &[&str]) -> Card {
    Card {
        phone: phone.into(),
        address: address.into(),
        seen: seen.iter().map(|s| s.to_string()).collect(),
    }
}

fn phones() -> (Clock, Clock) {
    (
        Clock::new(DeviceId::from_random([1; 8])),
        Clock::new(DeviceId::from_random([2; 8])),
    )
}

#[test]
fn two_phones_editing_two_fields_keep_both() {
    let (mut a, mut b) = phones();
    let start = Record::create(a.tick(100), card("", "", &[]));
    let on_a = start.edited(a.tick(200), card("0912", "", &[]));
    let on_b = start.edited(b.tick(260), card("", "Xóm 3", &[]));
    let (both, conflicts) = merge_records(&on_b, &on_a);
    assert_eq!(both.data, card("0912", "Xóm 3", &[]));
    assert_eq!(conflicts, []);
    assert_eq!(merge_records(&on_a, &on_b).0, both);
    assert_eq!(classify(Some(&on_b), &on_a), Outcome::Merged);
    assert_eq!(classify(Some(&both), &on_a), Outcome::Older);
    assert_eq!(classify(Some(&start), &on_a), Outcome::Updated);
}

#[test]
fn two_edits_of_one_field_keep_the_newer_and_say_so() {
    let (mut a, mut b) = phones();
    let start = Record::create(a.tick(100), card("0900", "", &[]));
    let on_a = start.edited(a.tick(200), card("0911", "", &[]));
    let on_b = start.edited(b.tick(260), card("0922", "", &[]));
    let (kept, conflicts) = merge_records(&on_a, &on_b);
    assert_eq!(kept.data.phone, "0922");
    assert_eq!(
        conflicts,
        [FieldConflict {
            field: "phone".into(),
            mine: Some(Value::from("0911")),
            theirs: Some(Value::from("0922")),
            kept_theirs: true,
        }]
    );
    // An edit made on top of the other phone's is no conflict.
    b.observe(&on_a.stamp);
    let after = on_a.edited(b.tick(300), card("0933", "", &[]));
    assert_eq!(merge_records(&on_a, &after).1, []);
    assert_eq!(merge_records(&on_a, &after).0.data.phone, "0933");
}

#[test]
fn a_set_takes_adds_and_removals_from_both_phones() {
    let (mut a, mut b) = phones();
    let start = Record::create(a.tick(100), card("", "", &["hoa", "lan"]));
    let on_a = start.edited(a.tick(200), card("", "", &["hoa", "lan", "mai"]));
    let on_b = start.edited(b.tick(260), card("", "", &["hoa"]));
    let (both, _) = merge_records(&on_a, &on_b);
    assert_eq!(both.data.seen, ["hoa", "mai"]);
    // An older copy still holding "lan" does not bring her back.
    assert_eq!(merge_records(&both, &start).0, both);
}

#[test]
fn an_edit_after_a_deletion_brings_the_record_back_and_one_before_does_not() {
    let (mut a, mut b) = phones();
    let start = Record::create(a.tick(100), card("0900", "", &[]));
    let gone = start.with_deleted(a.tick(200), true);
    let later = start.edited(b.tick(300), card("0900", "Xóm 3", &[]));
    let (back, conflicts) = merge_records(&gone, &later);
    assert!(!back.deleted);
    assert_eq!(back.data.address, "Xóm 3");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, DELETED);
    assert!(conflicts[0].kept_theirs);
    let mut c = Clock::new(DeviceId::from_random([3; 8]));
    let earlier = start.edited(c.tick(150), card("0900", "Xóm 1", &[]));
    let (still, _) = merge_records(&gone, &earlier);
    assert!(still.deleted);
    assert_eq!(
        still.data.address, "Xóm 1",
        "kept in the tombstone, for an undo"
    );
}

#[test]
fn a_tombstone_of_format_2_stays_deleted() {
    let (mut a, _) = phones();
    let start = Record::create(a.tick(100), card("0900", "", &[]));
    let gone = Record {
        deleted: true,
        stamp: a.tick(200),
        ..start.clone()
    };
    assert!(merge_records(&start, &gone).0.deleted);
    assert_eq!(classify(Some(&start), &gone), Outcome::Deleted);
}

#[test]
fn a_record_of_one_stamp_writes_no_parts() {
    let (mut a, _) = phones();
    let start = Record::create(a.tick(100), card("0900", "", &[]));
    let text = serde_json::to_string(&start).unwrap();
    assert!(
        !text.contains("since") && !text.contains("fields"),
        "{text}"
    );
    let edited = start.edited(a.tick(200), card("0911", "", &[]));
    let text = serde_json::to_string(&edited).unwrap();
    assert!(text.contains(r#""fields":{"phone":"#), "{text}");
}

/// Hand-picked versions of one record: merge is idempotent, commutative
/// and associative over every pair and triple of them.
#[test]
fn merge_is_idempotent_commutative_and_associative() {
    let (mut a, mut b) = phones();
    let start = Record::create(a.tick(100), card("0900", "", &["hoa"]));
    let one = start.edited(a.tick(200), card("0911", "", &["hoa", "lan"]));
    let two = start.edited(b.tick(200), card("0900", "Xóm 2", &[]));
    let three = two.with_deleted(b.tick(300), true);
    let four = one.edited(a.tick(400), card("0944", "", &["lan"]));
    let all = [start, one, two, three, four];
    let m = |x: &Record<Card>, y: &Record<Card>| merge_records(x, y).0;
    for x in &all {
        assert_eq!(&m(x, x), x);
        for y in &all {
            assert_eq!(m(x, y), m(y, x));
            assert_eq!(m(&m(x, y), y), m(x, y));
            for z in &all {
                assert_eq!(m(&m(x, y), z), m(x, &m(y, z)));
            }
        }
    }
}

/// What a phone does next.
#[derive(Clone, Debug)]
enum Step {
    Phone(u8),
    Address(u8),
    Add(u8),
    Remove(u8),
    Delete,
    Restore,
    /// Takes another phone's version (an import), its clock moving past it.
    Take(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u8..3).prop_map(Step::Phone),
        (0u8..3).prop_map(Step::Address),
        (0u8..4).prop_map(Step::Add),
        (0u8..4).prop_map(Step::Remove),
        Just(Step::Delete),
        Just(Step::Restore),
        (0usize..3).prop_map(Step::Take),
    ]
}

/// The edits made, each with its stamp: what the merged record must show.
#[derive(Default)]
struct Log {
    phone: Vec<(Stamp, String)>,
    address: Vec<(Stamp, String)>,
    seen: BTreeMap<String, Vec<(Stamp, bool)>>,
    deleted: Vec<(Stamp, bool)>,
}

fn newest<T: Clone>(changes: &[(Stamp, T)]) -> Option<(Stamp, T)> {
    changes.iter().max_by(|a, b| a.0.cmp(&b.0)).cloned()
}

/// Three phones' versions after `steps` (phone, step, wall time), and the log.
fn play(steps: &[(usize, Step, u64)]) -> (Vec<Record<Card>>, Log) {
    let mut clocks: Vec<Clock> = (1..=3u8)
        .map(|n| Clock::new(DeviceId::from_random([n; 8])))
        .collect();
    let first = Record::create(
        clocks[0].tick(1),
        Card {
            phone: "0900".into(),
            address: String::new(),
            seen: vec!["a".into()],
        },
    );
    let mut log = Log::default();
    log.phone.push((first.stamp.clone(), "0900".into()));
    log.seen
        .entry("a".into())
        .or_default()
        .push((first.stamp.clone(), true));
    let mut held = vec![first.clone(), first.clone(), first];
    for (who, step, wall) in steps {
        let (who, wall) = (*who, *wall);
        let now = held[who].clone();
        let mut data = now.data.clone();
        match step {
            Step::Take(from) => {
                let theirs = held[*from].clone();
                clocks[who].observe(&theirs.stamp);
                held[who] = merge_records(&now, &theirs).0;
                continue;
            }
            Step::Delete | Step::Restore => {
                let deleted = matches!(step, Step::Delete);
                if now.deleted != deleted {
                    let stamp = clocks[who].tick(wall);
                    log.deleted.push((stamp.clone(), deleted));
                    held[who] = now.with_deleted(stamp, deleted);
                }
                continue;
            }
            _ if now.deleted => continue,
            Step::Phone(v) => data.phone = format!("09{v}"),
            Step::Address(v) => data.address = format!("Xóm {v}"),
            Step::Add(e) if !data.seen.contains(&e.to_string()) => data.seen.push(e.to_string()),
            Step::Remove(e) => data.seen.retain(|s| *s != e.to_string()),
            Step::Add(_) => {}
        }
        if data == now.data {
            continue;
        }
        let stamp = clocks[who].tick(wall);
        if data.phone != now.data.phone {
            log.phone.push((stamp.clone(), data.phone.clone()));
        }
        if data.address != now.data.address {
            log.address.push((stamp.clone(), data.address.clone()));
        }
        for e in ["0", "1", "2", "3", "a"] {
            let (was, is) = (
                now.data.seen.iter().any(|s| s == e),
                data.seen.iter().any(|s| s == e),
            );
            if was != is {
                log.seen
                    .entry(e.into())
                    .or_default()
                    .push((stamp.clone(), is));
            }
        }
        held[who] = now.edited(stamp, data);
    }
    (held, log)
}

fn history() -> impl Strategy<Value = Vec<(usize, Step, u64)>> {
    prop::collection::vec((0usize..3, step(), 1u64..6), 0..24)
}

fn one(record: &Record<Card>) -> Collection<Card> {
    [record.clone()].into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn merging_twice_changes_nothing(steps in history()) {
        let (held, _) = play(&steps);
        let (a, b) = (one(&held[0]), one(&held[1]));
        let once = merge(&a, &b);
        prop_assert_eq!(merge(&once, &b), once.clone());
        prop_assert_eq!(merge(&a, &a), a);
    }

    /// What phones write is what readers take: every version and every
    /// merge, written out, reads back as it was under the rules of the
    /// parts' stamps (docs/file-format.md, "Parts of a record").
    #[test]
    fn every_version_and_merge_reads_back_as_written(steps in history()) {
        let (held, _) = play(&steps);
        let merged = merge_records(&merge_records(&held[0], &held[1]).0, &held[2]).0;
        for record in held.iter().chain([&merged]) {
            let text = format!("[{}]", serde_json::to_string(record).unwrap());
            let value: Value = serde_json::from_str(&text).unwrap();
            let read = restore_collection::<Card>(FORMAT, Some(&value), last_day(), u64::MAX).unwrap();
            prop_assert_eq!(&read.rejected, &Vec::new(), "{}", text);
            prop_assert_eq!(read.records.get(&record.id), Some(record));
        }
    }

    #[test]
    fn the_order_of_two_files_does_not_matter(steps in history()) {
        let (held, _) = play(&steps);
        let (a, b) = (one(&held[0]), one(&held[1]));
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn the_grouping_of_three_files_does_not_matter(steps in history()) {
        let (held, _) = play(&steps);
        let (a, b, c) = (one(&held[0]), one(&held[1]), one(&held[2]));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    /// Once every phone's version is merged: each field holds the value of
    /// its newest edit, each element of the set is there if its newest change
    /// added it, and the record is deleted when its newest deletion or
    /// restore was a deletion at least as new as every edit of its data.
    #[test]
    fn the_newest_change_of_each_part_wins(steps in history()) {
        let (held, log) = play(&steps);
        let all = merge_records(&merge_records(&held[0], &held[1]).0, &held[2]).0;
        prop_assert_eq!(&all.data.phone, &newest(&log.phone).unwrap().1);
        let address = newest(&log.address).map(|(_, v)| v).unwrap_or_default();
        prop_assert_eq!(&all.data.address, &address);
        let mut seen: Vec<String> = log
            .seen
            .iter()
            .filter(|(_, changes)| newest(changes).is_some_and(|(_, present)| present))
            .map(|(e, _)| e.clone())
            .collect();
        seen.sort();
        prop_assert_eq!(&all.data.seen, &seen);
        let last_edit = log
            .phone
            .iter()
            .chain(&log.address)
            .map(|(s, _)| s)
            .chain(log.seen.values().flatten().map(|(s, _)| s))
            .max()
            .unwrap();
        let deleted = newest(&log.deleted)
            .is_some_and(|(stamp, deleted)| deleted && stamp >= *last_edit);
        prop_assert_eq!(all.deleted, deleted);
        prop_assert_eq!(&all.stamp, held.iter().map(|r| &r.stamp).max().unwrap());
    }
}
