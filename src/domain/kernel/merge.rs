//! Last-writer-wins merge of record collections, with tombstones.
//!
//! Of two versions of a record the one with the greater stamp wins. Stamps from
//! honest devices are never equal for different content, but a crafted file could
//! make them so; then the deleted flag and the record's canonical JSON break the tie.
//! That makes "winner" a total order, so merging is taking a maximum: the result is
//! the same whatever order files are merged in, and merging twice changes nothing.

use super::record::{Collection, Record};
use serde::Serialize;
use std::cmp::Ordering;

/// Orders two versions of the same record; the greater one wins a merge.
pub fn compare_versions<T: Serialize + PartialEq>(a: &Record<T>, b: &Record<T>) -> Ordering {
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

/// Merges `incoming` into `local`: for each id the winning version is kept.
pub fn merge<T: Serialize + PartialEq + Clone>(
    local: &Collection<T>,
    incoming: &Collection<T>,
) -> Collection<T> {
    let mut result = local.clone();
    merge_into(&mut result, incoming.all().cloned());
    result
}

/// Merges `incoming` into `local` in place: what [`merge`] returns, without
/// copying `local`, so that an office taking a thousand files in turn does
/// not copy its whole book a thousand times.
pub fn merge_into<T: Serialize + PartialEq>(
    local: &mut Collection<T>,
    incoming: impl IntoIterator<Item = Record<T>>,
) {
    for record in incoming {
        if classify(local.get(&record.id), &record).changes_local() {
            local.put(record);
        }
    }
}

/// What importing one record would do to what this device holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The device has no record with this id.
    New,
    /// The file holds a newer version of a live record.
    Updated,
    /// The file holds a newer version that deletes the record.
    Deleted,
    /// The device already holds this exact version.
    Unchanged,
    /// The device holds a newer version: the file's is ignored.
    Older,
}

impl Outcome {
    pub fn changes_local(self) -> bool {
        matches!(self, Outcome::New | Outcome::Updated | Outcome::Deleted)
    }
}

/// Compares an incoming record with the local version of it, if any.
pub fn classify<T: Serialize + PartialEq>(
    local: Option<&Record<T>>,
    incoming: &Record<T>,
) -> Outcome {
    let Some(local) = local else {
        return Outcome::New;
    };
    match compare_versions(incoming, local) {
        Ordering::Greater if incoming.deleted && !local.deleted => Outcome::Deleted,
        Ordering::Greater => Outcome::Updated,
        Ordering::Equal => Outcome::Unchanged,
        Ordering::Less => Outcome::Older,
    }
}

/// How the records of one kind would fare in an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    pub older: usize,
}

impl Tally {
    /// Counts each outcome of merging `incoming` into `local`.
    pub fn count<T: Serialize + PartialEq>(
        local: &Collection<T>,
        incoming: &Collection<T>,
    ) -> Tally {
        let mut tally = Tally::default();
        for record in incoming.all() {
            *tally.slot(classify(local.get(&record.id), record)) += 1;
        }
        tally
    }

    fn slot(&mut self, outcome: Outcome) -> &mut usize {
        match outcome {
            Outcome::New => &mut self.new,
            Outcome::Updated => &mut self.updated,
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
        self.new + self.updated + self.deleted > 0
    }

    /// Whether the file holds any record of this kind.
    pub fn is_empty(&self) -> bool {
        self.new + self.updated + self.deleted + self.unchanged + self.older == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::record::RecordId;
    use crate::domain::kernel::stamp::{DeviceId, Stamp};

    fn rec(id: &str, wall: u64, device: u8, deleted: bool, data: &str) -> Record<String> {
        Record {
            id: RecordId::parse(id).unwrap(),
            stamp: Stamp {
                wall_ms: wall,
                counter: 0,
                device: DeviceId::from_random([device; 8]),
            },
            deleted,
            data: data.to_owned(),
        }
    }

    fn coll(records: &[Record<String>]) -> Collection<String> {
        records.iter().cloned().collect()
    }

    /// Small hand-picked sets that cover every tie: same stamp different data,
    /// same stamp different deleted flag, devices as tie-break, absent ids.
    fn samples() -> Vec<Collection<String>> {
        vec![
            coll(&[]),
            coll(&[rec("a", 1, 1, false, "x"), rec("b", 5, 1, false, "y")]),
            coll(&[rec("a", 2, 1, false, "x2"), rec("c", 1, 2, true, "z")]),
            coll(&[rec("a", 2, 1, false, "x3"), rec("b", 5, 2, false, "y")]),
            coll(&[rec("a", 2, 1, true, "x2"), rec("b", 5, 1, false, "y")]),
            coll(&[rec("c", 1, 2, false, "z"), rec("b", 4, 9, true, "y")]),
        ]
    }

    #[test]
    fn merge_is_idempotent_commutative_and_associative() {
        let sets = samples();
        for a in &sets {
            assert_eq!(&merge(a, a), a);
            for b in &sets {
                assert_eq!(merge(a, b), merge(b, a));
                assert_eq!(merge(&merge(a, b), b), merge(a, b));
                for c in &sets {
                    assert_eq!(merge(&merge(a, b), c), merge(a, &merge(b, c)));
                }
            }
        }
    }

    #[test]
    fn outcomes() {
        let old = rec("a", 1, 1, false, "x");
        let new = rec("a", 2, 1, false, "y");
        let gone = rec("a", 3, 1, true, "y");
        assert_eq!(classify(None, &old), Outcome::New);
        assert_eq!(classify(Some(&old), &new), Outcome::Updated);
        assert_eq!(classify(Some(&new), &old), Outcome::Older);
        assert_eq!(classify(Some(&new), &new), Outcome::Unchanged);
        assert_eq!(classify(Some(&new), &gone), Outcome::Deleted);
    }
}
