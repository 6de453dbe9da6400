//! The envelope every stored thing lives in: a stable id made on the device that
//! created it, the stamp of its last edit, a deleted flag, and when each of its
//! parts last changed (`parts`). Deleting keeps the record as a tombstone so
//! that the deletion travels to other phones and can be undone.

use super::kind::RecordData;
use super::parts::{mark_edit, order_sets, Parts};
use super::seen::Seen;
use super::stamp::{DeviceId, Stamp};
use serde::ser::SerializeMap;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Longest id accepted from a file.
pub const MAX_ID_LEN: usize = 160;

/// A record's identity, the same on every device that holds it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordId(String);

impl RecordId {
    /// A new id, unique because no device issues the same stamp twice.
    pub fn mint(stamp: &Stamp) -> RecordId {
        RecordId(format!(
            "{:x}-{:x}-{}",
            stamp.wall_ms,
            stamp.counter,
            stamp.device.as_str()
        ))
    }

    /// An id made from a natural key (`fee-2025-<member id>`), for records of
    /// which there is one per key: the same key made on two phones is the same
    /// record, so their edits merge instead of doubling. `None` if too long.
    pub fn keyed(parts: &[&str]) -> Option<RecordId> {
        RecordId::parse(&parts.join("-"))
    }

    /// Accepts 1 to [`MAX_ID_LEN`] characters of `0-9`, `a-z` and `-`.
    pub fn parse(text: &str) -> Option<RecordId> {
        let ok = !text.is_empty()
            && text.len() <= MAX_ID_LEN
            && text
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'z' | b'-'));
        ok.then(|| RecordId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The stamp an id of the minted form (`wall-counter-device`, the first
    /// two in hex) was made from: a record's `since` when it is that stamp
    /// goes unwritten.
    pub fn minted_stamp(&self) -> Option<Stamp> {
        let mut parts = self.0.split('-');
        let (wall, counter, device) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || wall.len() > 14 || counter.len() > 8 {
            return None;
        }
        Some(Stamp {
            wall_ms: u64::from_str_radix(wall, 16).ok()?,
            counter: u32::from_str_radix(counter, 16).ok()?,
            device: DeviceId::parse(device)?,
        })
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        RecordId::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &"an id of 0-9, a-z and -")
        })
    }
}

/// One record of kind `T` with its identity and version. Records are read by
/// `restore`, which reads this outside once for every kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<T> {
    pub id: RecordId,
    /// Its newest change, of any part.
    pub stamp: Stamp,
    pub deleted: bool,
    pub data: T,
    /// When each part changed, where not with the rest (see `parts`).
    pub parts: Parts,
}

/// What a part's stamp equal to its record's `stamp` is written as.
pub const SAME_STAMP: &str = "=";

/// A map of parts' stamps as written: the record's own stamp as [`SAME_STAMP`].
struct Compact<'a> {
    stamps: &'a BTreeMap<String, Stamp>,
    record: &'a Stamp,
}

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.stamps.len()))?;
        for (key, stamp) in self.stamps {
            if stamp == self.record {
                map.serialize_entry(key, SAME_STAMP)?;
            } else {
                map.serialize_entry(key, stamp)?;
            }
        }
        map.end()
    }
}

/// The sets' maps of stamps as written.
struct CompactSets<'a> {
    sets: &'a BTreeMap<String, BTreeMap<String, Stamp>>,
    record: &'a Stamp,
}

impl Serialize for CompactSets<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.sets.len()))?;
        for (set, stamps) in self.sets {
            let record = self.record;
            map.serialize_entry(set, &Compact { stamps, record })?;
        }
        map.end()
    }
}

impl<T: Serialize> Serialize for Record<T> {
    /// `id`, `stamp`, `deleted` when true, the parts' stamps where any, then
    /// `data`. Compact: `since` goes unwritten when it is the stamp the id
    /// was minted from, and a part stamped with the record's `stamp` is
    /// written [`SAME_STAMP`] (docs/file-format.md, "Parts of a record").
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("stamp", &self.stamp)?;
        if self.deleted {
            map.serialize_entry("deleted", &true)?;
        }
        let (parts, record) = (&self.parts, &self.stamp);
        if let Some(since) = &parts.since {
            if self.id.minted_stamp().as_ref() != Some(since) {
                map.serialize_entry("since", since)?;
            }
        }
        for (name, stamps) in [("fields", &parts.fields), ("replaced", &parts.replaced)] {
            if !stamps.is_empty() {
                map.serialize_entry(name, &Compact { stamps, record })?;
            }
        }
        for (name, sets) in [("added", &parts.added), ("removed", &parts.removed)] {
            if !sets.is_empty() {
                map.serialize_entry(name, &CompactSets { sets, record })?;
            }
        }
        map.serialize_entry("data", &self.data)?;
        map.end()
    }
}

/// `data` with its sets in the order of their elements' keys, then as its
/// kind keeps them: the form every record is held in, so that two phones
/// holding the same record hold the same JSON.
pub fn normalized<T: RecordData>(mut data: T) -> T {
    if T::SETS.is_empty() {
        return data;
    }
    let mut fields = fields_of(&data);
    if order_sets(&mut fields, T::SETS) {
        // Read again only when the order changed: most records' sets are
        // empty or in order already, and keep their own memory.
        data = T::deserialize(&Value::Object(fields)).unwrap_or(data);
    }
    data.settle();
    data
}

/// A record's data as JSON fields (an empty map for data that is no object).
///
/// Written out as text and read back, not built as a `Value` directly: each
/// kind already has its writer to text (storage and files use it), and the
/// reader of text into a `Value` is one for all kinds, so the wasm grows by
/// nothing per kind.
pub fn fields_of<T: Serialize>(data: &T) -> Map<String, Value> {
    serde_json::to_string(data)
        .ok()
        .and_then(|text| serde_json::from_str::<Map<String, Value>>(&text).ok())
        .unwrap_or_default()
}

impl<T> Record<T> {
    /// The stamp of the last change of `field` (or of the deletion).
    pub fn stamp_of(&self, field: &str) -> &Stamp {
        self.parts.stamp_of(field, &self.stamp)
    }

    /// The stamp of every change the record holds: its own, and each
    /// part's ([`Parts::changes`]).
    pub fn changes(&self) -> impl Iterator<Item = &Stamp> {
        std::iter::once(&self.stamp).chain(self.parts.changes())
    }
}

impl<T: RecordData> Record<T> {
    /// A new live record whose id comes from its first stamp.
    pub fn create(stamp: Stamp, data: T) -> Record<T> {
        Record::keyed(RecordId::mint(&stamp), stamp, data)
    }

    /// A new live record with a given id (one of a natural key, or the id a
    /// file gives it).
    pub fn keyed(id: RecordId, stamp: Stamp, data: T) -> Record<T> {
        Record {
            id,
            stamp,
            deleted: false,
            data: normalized(data),
            parts: Parts::default(),
        }
    }

    /// The same record after an edit made at `stamp`: the parts that changed
    /// carry `stamp`, the others keep theirs. (An edit of a deleted record
    /// brings it back.)
    pub fn edited(&self, stamp: Stamp, data: T) -> Record<T> {
        self.changed(stamp, normalized(data), false)
    }

    /// The tombstone (`deleted = true`) or its undoing, made at `stamp`.
    pub fn with_deleted(&self, stamp: Stamp, deleted: bool) -> Record<T> {
        self.changed(stamp, self.data.clone(), deleted)
    }

    fn changed(&self, stamp: Stamp, data: T, deleted: bool) -> Record<T> {
        if data == self.data && deleted == self.deleted {
            return self.clone();
        }
        let mut parts = self.parts.clone();
        mark_edit(
            &mut parts,
            &self.stamp,
            (&fields_of(&self.data), self.deleted),
            (&fields_of(&data), deleted),
            T::SETS,
            &stamp,
        );
        Record {
            id: self.id.clone(),
            stamp,
            deleted,
            data,
            parts,
        }
    }
}

/// All records of one kind, in id order, one per id: what is written out is
/// the same on every device.
///
/// A vector kept sorted rather than a B-tree: found by binary search, the same
/// speed for a register's size, and much less wasm for each kind of record
/// (a B-tree's insert, drop and walk are built again for every type).
#[derive(Clone, Debug, PartialEq)]
pub struct Collection<T>(Vec<Record<T>>);

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection(Vec::new())
    }
}

impl<T> Collection<T> {
    fn find(&self, id: &RecordId) -> Result<usize, usize> {
        self.0.binary_search_by(|r| r.id.cmp(id))
    }

    pub fn get(&self, id: &RecordId) -> Option<&Record<T>> {
        self.find(id).ok().map(|i| &self.0[i])
    }

    /// Puts a record in place of the one with its id, whatever their stamps:
    /// for local edits, which always carry the newest stamp. Imports go through merge.
    pub fn put(&mut self, record: Record<T>) {
        match self.find(&record.id) {
            Ok(i) => self.0[i] = record,
            Err(i) => self.0.insert(i, record),
        }
    }

    /// Takes a record out, as if it had never been read: for a record of a
    /// file refused after its collection was read. (Deleting is a tombstone.)
    pub fn remove(&mut self, id: &RecordId) -> Option<Record<T>> {
        self.find(id).ok().map(|i| self.0.remove(i))
    }

    /// Keeps the records for which `keep` holds.
    pub fn retain(&mut self, keep: impl FnMut(&Record<T>) -> bool) {
        self.0.retain(keep);
    }

    /// Every record, tombstones included.
    pub fn all(&self) -> impl Iterator<Item = &Record<T>> {
        self.0.iter()
    }

    /// Every record, by value.
    pub fn into_records(self) -> Vec<Record<T>> {
        self.0
    }

    /// Records that are not deleted.
    pub fn live(&self) -> impl Iterator<Item = &Record<T>> {
        self.0.iter().filter(|r| !r.deleted)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The newest stamp held, so that a clock can be moved past it.
    pub fn newest_stamp(&self) -> Option<&Stamp> {
        self.0.iter().map(|r| &r.stamp).max()
    }

    /// Counts every change of every record as seen.
    pub fn note_changes(&self, seen: &mut Seen) {
        self.0
            .iter()
            .flat_map(Record::changes)
            .for_each(|s| seen.note(s));
    }

    /// Whether `seen` lacks a change of the record: a phone whose book had
    /// seen that needs it.
    pub fn unseen(record: &Record<T>, seen: &Seen) -> bool {
        record.changes().any(|s| !seen.has(s))
    }

    /// A digest of which version of each record is held: its id, its
    /// deletion, and the stamp of every part. A part's value is the one its
    /// change wrote, so the stamps tell the content: a collection whose
    /// fingerprint is the one it had when saved needs no writing, and is
    /// not written out to find that out. The record's own stamp is not
    /// enough: a field merged from another phone into a newer record here
    /// keeps that record's stamp and changes only the field's.
    pub fn fingerprint(&self) -> u64 {
        fingerprint_of(
            &mut self
                .0
                .iter()
                .map(|r| (&r.id, r.deleted, &r.stamp, &r.parts)),
        )
    }
}

impl<T> FromIterator<Record<T>> for Collection<T> {
    /// Records in any order; of two with the same id the later is kept. The
    /// order is worked out on (id, position) pairs, one type for every kind.
    fn from_iter<I: IntoIterator<Item = Record<T>>>(iter: I) -> Self {
        let records: Vec<Record<T>> = iter.into_iter().collect();
        if records.windows(2).all(|w| w[0].id < w[1].id) {
            return Collection(records);
        }
        let order = sorted_last_positions(records.iter().map(|r| &r.id));
        let mut slots: Vec<Option<Record<T>>> = records.into_iter().map(Some).collect();
        Collection(order.into_iter().filter_map(|i| slots[i].take()).collect())
    }
}

/// [`Collection::fingerprint`] for every kind of record at once (kept apart
/// so that the wasm holds the loop once).
fn fingerprint_of(versions: &mut dyn Iterator<Item = (&RecordId, bool, &Stamp, &Parts)>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for version in versions {
        version.hash(&mut hasher);
    }
    hasher.finish()
}

/// Positions of `ids` in id order, keeping only the last position of each id.
fn sorted_last_positions<'a>(ids: impl Iterator<Item = &'a RecordId>) -> Vec<usize> {
    let mut keyed: Vec<(&RecordId, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    super::order::sort_with(&mut keyed, Ord::cmp);
    let mut order: Vec<usize> = Vec::with_capacity(keyed.len());
    for (n, (id, i)) in keyed.iter().enumerate() {
        if keyed.get(n + 1).is_none_or(|(next, _)| next != id) {
            order.push(*i);
        }
    }
    order
}

/// The items as a sorted set, built by inserting one at a time.
///
/// `collect()` into a B-tree sorts a vector first, and each type it is used on
/// brings its own copy of the sort into the wasm (several kilobytes each);
/// inserting keeps the first load small.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

impl<T: Serialize> Serialize for Collection<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::Date;
    use crate::domain::kernel::problem::FieldProblem;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use serde::Deserialize;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Count {
        n: u8,
        #[serde(default)]
        m: u8,
    }

    impl RecordData for Count {
        const COLLECTION: &'static str = "counts";
        const LABEL_FIELDS: &'static [&'static str] = &[];
        fn problems(&self, _today: Date) -> Vec<FieldProblem> {
            Vec::new()
        }
    }

    #[test]
    fn records_in_any_order_keep_the_last_of_each_id() {
        let record = |id: &str, data: u8| Record {
            id: RecordId::parse(id).unwrap(),
            stamp: Clock::new(DeviceId::from_random([1; 8])).tick(1),
            deleted: false,
            data,
            parts: Parts::default(),
        };
        let collection: Collection<u8> = [
            record("c", 1),
            record("a", 2),
            record("c", 3),
            record("b", 4),
        ]
        .into_iter()
        .collect();
        let found: Vec<(&str, u8)> = collection.all().map(|r| (r.id.as_str(), r.data)).collect();
        assert_eq!(found, [("a", 2), ("b", 4), ("c", 3)]);
        let mut collection = collection;
        collection.put(record("ab", 5));
        collection.put(record("b", 6));
        let found: Vec<(&str, u8)> = collection.all().map(|r| (r.id.as_str(), r.data)).collect();
        assert_eq!(found, [("a", 2), ("ab", 5), ("b", 6), ("c", 3)]);
        assert_eq!(
            collection
                .get(&RecordId::parse("ab").unwrap())
                .map(|r| r.data),
            Some(5)
        );
    }

    #[test]
    fn the_fingerprint_changes_with_every_edit_and_only_then() {
        let mut clock = Clock::new(DeviceId::from_random([2; 8]));
        let first = Record::create(clock.tick(1), Count { n: 1, m: 0 });
        let mut collection: Collection<Count> = [first.clone()].into_iter().collect();
        let saved = collection.fingerprint();
        assert_eq!(collection.clone().fingerprint(), saved);
        collection.put(first.edited(clock.tick(2), Count { n: 2, m: 0 }));
        let edited = collection.fingerprint();
        assert_ne!(edited, saved);
        let latest = collection.get(&first.id).unwrap().clone();
        collection.put(latest.with_deleted(clock.tick(3), true));
        assert_ne!(collection.fingerprint(), edited);
        collection.put(Record::create(clock.tick(4), Count { n: 3, m: 0 }));
        assert_eq!(collection.len(), 2);
        assert_ne!(collection.fingerprint(), edited);
    }

    /// Field-level merge gives one record two contents under one stamp:
    /// the fingerprint must tell them apart, or the merged field is never saved.
    #[test]
    fn a_field_merged_into_a_newer_record_changes_the_fingerprint() {
        let mut a = Clock::new(DeviceId::from_random([1; 8]));
        let mut b = Clock::new(DeviceId::from_random([2; 8]));
        let start = Record::create(a.tick(1), Count { n: 0, m: 0 });
        let on_a = start.edited(a.tick(2), Count { n: 1, m: 0 });
        let on_b = start.edited(b.tick(3), Count { n: 0, m: 1 });
        let mut here: Collection<Count> = [on_b.clone()].into_iter().collect();
        let saved = here.fingerprint();
        let (merged, _) = crate::domain::kernel::merge::merge_records(&on_b, &on_a);
        assert_eq!(merged.stamp, on_b.stamp, "the newer record's stamp stays");
        assert_eq!(merged.data, Count { n: 1, m: 1 });
        here.put(merged);
        assert_ne!(here.fingerprint(), saved);
    }

    #[test]
    fn minted_ids_are_valid_and_distinct() {
        let mut clock = Clock::new(DeviceId::from_random([7; 8]));
        let a = RecordId::mint(&clock.tick(1_764_375_945_123));
        let b = RecordId::mint(&clock.tick(1_764_375_945_123));
        assert_ne!(a, b);
        assert_eq!(RecordId::parse(a.as_str()), Some(a));
        assert_eq!(RecordId::parse("Abc"), None);
        assert_eq!(RecordId::parse(""), None);
        assert_eq!(RecordId::parse(&"a".repeat(161)), None);
        assert_eq!(
            RecordId::keyed(&["fee", "2025", "abc"]).unwrap().as_str(),
            "fee-2025-abc"
        );
    }
}
