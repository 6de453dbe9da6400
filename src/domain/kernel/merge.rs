//! Merge of record collections, part by part, with tombstones.
//!
//! Two versions of one record merge part by part (`parts`): each field, each
//! element of a set, and the deletion keep their newest change, so that what
//! two phones changed in one record is all kept. The result is the same
//! whatever order files are merged in, and merging twice changes nothing
//! (`tests/merge_properties.rs`). When the parts of two versions would not
//! make a valid record together (a rule across fields), the newer version is
//! kept whole: the greater stamp, then the deletion, then the greater JSON.

use super::date::last_day;
use super::kind::RecordData;
use super::parts::{merge_versions, newer, FieldConflict, Version};
use super::record::{fields_of, Collection, Record};
use serde::Serialize;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// Orders two versions of the same record as wholes; the greater one is kept
/// when their parts cannot be merged.
fn compare_versions<T: Serialize + PartialEq>(a: &Record<T>, b: &Record<T>) -> Ordering {
    a.stamp
        .cmp(&b.stamp)
        .then_with(|| a.deleted.cmp(&b.deleted))
        .then_with(|| {
            if a.data == b.data {
                Ordering::Equal
            } else {
                canonical(&a.data).cmp(&canonical(&b.data))
            }
        })
}

fn canonical<T: Serialize>(data: &T) -> String {
    serde_json::to_string(data).unwrap_or_default()
}

/// Two versions of one record merged, and the fields both changed.
pub fn merge_records<T: RecordData>(
    mine: &Record<T>,
    theirs: &Record<T>,
) -> (Record<T>, Vec<FieldConflict>) {
    if mine == theirs {
        return (mine.clone(), Vec::new());
    }
    let (a, b) = (fields_of(&mine.data), fields_of(&theirs.data));
    let merged = merge_versions(&version(mine, &a), &version(theirs, &b), T::SETS);
    // Read from a borrowed value, as restore reads records: one reader per
    // kind in the wasm, not two.
    let data = T::deserialize(&Value::Object(merged.data))
        .ok()
        .map(|mut data| {
            data.settle();
            data
        })
        .filter(|data| data.problems(last_day()).is_empty());
    match data {
        Some(data) => (
            Record {
                id: mine.id.clone(),
                stamp: merged.stamp,
                deleted: merged.deleted,
                data,
                parts: merged.parts,
            },
            merged.conflicts,
        ),
        None if compare_versions(theirs, mine).is_gt() => (theirs.clone(), Vec::new()),
        None => (mine.clone(), Vec::new()),
    }
}

fn version<'a, T>(record: &'a Record<T>, data: &'a Map<String, Value>) -> Version<'a> {
    Version {
        stamp: &record.stamp,
        deleted: record.deleted,
        parts: &record.parts,
        data,
    }
}

/// Whether merging two versions takes `field` from `theirs`.
pub fn takes_theirs<T: Serialize>(mine: &Record<T>, theirs: &Record<T>, field: &str) -> bool {
    let value = |r: &Record<T>| fields_of(&r.data).remove(field);
    let (a, b) = (value(theirs), value(mine));
    newer(
        (theirs.stamp_of(field), a.as_ref()),
        (mine.stamp_of(field), b.as_ref()),
    )
}

/// Merges `incoming` into `local`: each record merged with this device's.
pub fn merge<T: RecordData>(local: &Collection<T>, incoming: &Collection<T>) -> Collection<T> {
    let mut result = local.clone();
    merge_into(&mut result, incoming.all().cloned());
    result
}

/// Merges `incoming` into `local` in place: what [`merge`] returns, without
/// copying `local`, so that an office taking a thousand files in turn does
/// not copy its whole book a thousand times.
pub fn merge_into<T: RecordData>(
    local: &mut Collection<T>,
    incoming: impl IntoIterator<Item = Record<T>>,
) {
    for record in incoming {
        let merged = match local.get(&record.id) {
            None => record,
            Some(held) if *held == record => continue,
            Some(held) => merge_records(held, &record).0,
        };
        local.put(merged);
    }
}

/// What importing one record would do to what this device holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The device has no record with this id.
    New,
    /// The file's version is taken: all it changed is newer.
    Updated,
    /// Both versions' changes are kept, field by field.
    Merged,
    /// The file deletes the record.
    Deleted,
    /// The device already holds this exact version.
    Unchanged,
    /// The device holds everything the file's version says, or newer: nothing changes.
    Older,
}

impl Outcome {
    pub fn changes_local(self) -> bool {
        matches!(
            self,
            Outcome::New | Outcome::Updated | Outcome::Merged | Outcome::Deleted
        )
    }
}

/// Compares an incoming record with the local version of it, if any.
pub fn classify<T: RecordData>(local: Option<&Record<T>>, incoming: &Record<T>) -> Outcome {
    assess(local, incoming).0
}

/// What importing one record would do, and the fields both sides changed.
pub fn assess<T: RecordData>(
    local: Option<&Record<T>>,
    incoming: &Record<T>,
) -> (Outcome, Vec<FieldConflict>) {
    let Some(local) = local else {
        return (Outcome::New, Vec::new());
    };
    if local == incoming {
        return (Outcome::Unchanged, Vec::new());
    }
    let (merged, conflicts) = merge_records(local, incoming);
    let outcome = if merged == *local {
        Outcome::Older
    } else if merged.deleted && !local.deleted {
        Outcome::Deleted
    } else if merged == *incoming {
        Outcome::Updated
    } else {
        Outcome::Merged
    };
    (outcome, conflicts)
}

/// How the records of one kind would fare in an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub updated: usize,
    pub merged: usize,
    pub deleted: usize,
    pub unchanged: usize,
    pub older: usize,
}

impl Tally {
    /// Counts one more record of this outcome.
    pub fn add(&mut self, outcome: Outcome) {
        *self.slot(outcome) += 1;
    }

    fn slot(&mut self, outcome: Outcome) -> &mut usize {
        match outcome {
            Outcome::New => &mut self.new,
            Outcome::Updated => &mut self.updated,
            Outcome::Merged => &mut self.merged,
            Outcome::Deleted => &mut self.deleted,
            Outcome::Unchanged => &mut self.unchanged,
            Outcome::Older => &mut self.older,
        }
    }

    /// The tally without one record whose outcome was `outcome`: a record
    /// refused after it was counted.
    pub fn forget(&mut self, outcome: Outcome) {
        let slot = self.slot(outcome);
        *slot = slot.saturating_sub(1);
    }

    /// Whether applying would change anything.
    pub fn changes(&self) -> bool {
        self.new + self.updated + self.merged + self.deleted > 0
    }

    /// Whether the file holds any record of this kind.
    pub fn is_empty(&self) -> bool {
        self.new + self.updated + self.merged + self.deleted + self.unchanged + self.older == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::Date;
    use crate::domain::kernel::parts::DELETED;
    use crate::domain::kernel::problem::FieldProblem;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use serde::Deserialize;

    /// A kind of record with two plain fields and a set.
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
}
