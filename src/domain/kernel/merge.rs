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
