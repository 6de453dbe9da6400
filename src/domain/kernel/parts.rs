//! When each part of a record last changed, so that edits of one record made
//! on two phones both count: a field edited here and another edited there are
//! both kept, and of two edits of one field the newer wins, said as a conflict
//! when neither phone had seen the other's.
//!
//! A record's parts are its data's top-level fields, the elements of its
//! set fields ([`RecordData::SETS`](super::kind::RecordData::SETS)), and its
//! deletion flag. Each carries the stamp of its last change; most carry the
//! same one, `since`, and only the others are written (a record never edited
//! part by part writes none: a record of format 2 reads as every part stamped
//! with its stamp). The rules are in docs/file-format.md ("Merge").
//!
//! The work is done on the data's JSON, once for every kind of record, so
//! that the wasm holds it once.

use super::stamp::Stamp;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The name under which the deletion flag's stamp is listed with the fields'.
pub const DELETED: &str = "deleted";

/// The stamps of a record's parts where they differ from `since`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Parts {
    /// The stamp of every part not listed below; `None`: the record's own
    /// stamp (a record whose parts all changed at once).
    pub since: Option<Stamp>,
    /// Fields (and [`DELETED`]) changed after `since`, with their stamp.
    pub fields: BTreeMap<String, Stamp>,
    /// For a field listed in `fields`, the stamp of the value its last edit
    /// replaced, where that is not `since`: an edit made on top of the other
    /// phone's is no conflict, one made beside it is.
    pub replaced: BTreeMap<String, Stamp>,
    /// Elements of set fields added after `since`: field, element key, stamp.
    pub added: BTreeMap<String, BTreeMap<String, Stamp>>,
    /// Elements of set fields removed: field, element key, stamp. Kept, so
    /// that an older copy holding the element does not bring it back.
    pub removed: BTreeMap<String, BTreeMap<String, Stamp>>,
}

impl Parts {
    /// Whether any part is listed with a stamp of its own; when none is, the
    /// record is all of one stamp and has no `since`.
    pub fn lists_any(&self) -> bool {
        !(self.fields.is_empty()
            && self.replaced.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty())
    }

    /// The stamp of every part not listed: `since`, or else the record's `stamp`.
    pub fn since_or<'a>(&'a self, stamp: &'a Stamp) -> &'a Stamp {
        self.since.as_ref().unwrap_or(stamp)
    }

    /// The stamp of the last change of `field` (or of the deletion) in a
    /// record stamped `stamp`.
    pub fn stamp_of<'a>(&'a self, field: &str, stamp: &'a Stamp) -> &'a Stamp {
        self.fields.get(field).unwrap_or(self.since_or(stamp))
    }

    /// The stamp of every change listed: `since`, each field's (the
    /// deletion's too) and each element's; not a `replaced` stamp, which
    /// names a value the record no longer holds.
    pub fn changes(&self) -> impl Iterator<Item = &Stamp> {
        let sets = self
            .added
            .values()
            .chain(self.removed.values())
            .flat_map(BTreeMap::values);
        self.since.iter().chain(self.fields.values()).chain(sets)
    }
}

/// The key an element of a set is known by: an id as itself, anything else
/// (a status change) as its JSON.
pub fn element_key(element: &Value) -> String {
    match element {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The set fields of `data` in the order of their elements' keys, each
/// element once; whether that changed anything.
pub fn order_sets(data: &mut Map<String, Value>, sets: &[&str]) -> bool {
    let mut changed = false;
    for set in sets {
        if let Some(Value::Array(elements)) = data.get_mut(*set) {
            let mut keyed = Map::new();
            for element in elements.iter() {
                keyed.insert(element_key(element), element.clone());
            }
            if !keyed.values().eq(elements.iter()) {
                *elements = keyed.into_iter().map(|(_, element)| element).collect();
                changed = true;
            }
        }
    }
    changed
}

/// One version of a record, its data as JSON fields.
pub struct Version<'a> {
    pub stamp: &'a Stamp,
    pub deleted: bool,
    pub parts: &'a Parts,
    pub data: &'a Map<String, Value>,
}

impl Version<'_> {
    fn since(&self) -> &Stamp {
        self.parts.since_or(self.stamp)
    }

    fn stamp_of(&self, field: &str) -> &Stamp {
        self.parts.stamp_of(field, self.stamp)
    }

    fn replaced(&self, field: &str) -> &Stamp {
        self.parts.replaced.get(field).unwrap_or(self.since())
    }

    /// The elements of a set: key, stamp, and the element (`None` when removed).
    fn elements(&self, set: &str) -> Vec<(String, &Stamp, Option<&Value>)> {
        let mut out = Vec::new();
        let added = self.parts.added.get(set);
        if let Some(Value::Array(elements)) = self.data.get(set) {
            for element in elements {
                let key = element_key(element);
                let stamp = added.and_then(|a| a.get(&key)).unwrap_or(self.since());
                out.push((key, stamp, Some(element)));
            }
        }
        for (key, stamp) in self.parts.removed.get(set).into_iter().flatten() {
            out.push((key.clone(), stamp, None));
        }
        out
    }

    /// The newest change of its data (fields and sets, not the deletion).
    fn newest_edit(&self) -> &Stamp {
        newest_edit(self.parts, self.since())
    }
}

/// The newest change of a record's data listed in `parts`, or `since`.
fn newest_edit<'a>(parts: &'a Parts, since: &'a Stamp) -> &'a Stamp {
    let sets = parts
        .added
        .values()
        .chain(parts.removed.values())
        .flat_map(BTreeMap::values);
    parts
        .fields
        .iter()
        .filter(|(field, _)| *field != DELETED)
        .map(|(_, stamp)| stamp)
        .chain(sets)
        .fold(since, Ord::max)
}

/// Marks the parts an edit changed from `old` to `new` (data and deletion
/// flag) with `stamp`; `record_stamp` is the record's stamp before the edit.
pub fn mark_edit(
    parts: &mut Parts,
    record_stamp: &Stamp,
    (old, old_deleted): (&Map<String, Value>, bool),
    (new, new_deleted): (&Map<String, Value>, bool),
    sets: &[&str],
    stamp: &Stamp,
) {
    let since = parts
        .since
        .get_or_insert_with(|| record_stamp.clone())
        .clone();
    let only_new = new.keys().filter(|key| !old.contains_key(*key));
    for key in old.keys().chain(only_new) {
        if !sets.contains(&key.as_str()) && old.get(key) != new.get(key) {
            mark_field(parts, &since, key, stamp);
        }
    }
    if old_deleted != new_deleted {
        mark_field(parts, &since, DELETED, stamp);
    }
    for set in sets {
        // Plain lists, not sets of keys: a B-tree of one more type costs
        // kilobytes of wasm, and a record's sets are short.
        let keys = |data: &Map<String, Value>| -> Vec<String> {
            match data.get(*set) {
                Some(Value::Array(elements)) => elements.iter().map(element_key).collect(),
                _ => Vec::new(),
            }
        };
        let (before, after) = (keys(old), keys(new));
        for key in after.iter().filter(|k| !before.contains(k)) {
            shift(&mut parts.removed, &mut parts.added, set, key, stamp);
        }
        for key in before.iter().filter(|k| !after.contains(k)) {
            shift(&mut parts.added, &mut parts.removed, set, key, stamp);
        }
    }
}

/// Moves the element `key` of `set` out of `from` into `to`, at `stamp`.
fn shift(
    from: &mut BTreeMap<String, BTreeMap<String, Stamp>>,
    to: &mut BTreeMap<String, BTreeMap<String, Stamp>>,
    set: &str,
    key: &str,
    stamp: &Stamp,
) {
    if let Some(elements) = from.get_mut(set) {
        elements.remove(key);
        if elements.is_empty() {
            from.remove(set);
        }
    }
    to.entry(set.to_owned())
        .or_default()
        .insert(key.to_owned(), stamp.clone());
}

fn mark_field(parts: &mut Parts, since: &Stamp, field: &str, stamp: &Stamp) {
    let before = parts.fields.get(field).unwrap_or(since).clone();
    parts.fields.insert(field.to_owned(), stamp.clone());
    if before == *since {
        parts.replaced.remove(field);
    } else {
        parts.replaced.insert(field.to_owned(), before);
    }
}

/// Two phones changed one field, neither on top of the other's change.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    /// The field (or [`DELETED`] for a deletion against an edit).
    pub field: String,
    /// Its value on this device and in the file (`None`: absent, empty).
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    /// Whether the file's value is the one kept.
    pub kept_theirs: bool,
}

/// Two versions of a record merged part by part.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub stamp: Stamp,
    pub deleted: bool,
    pub parts: Parts,
    pub data: Map<String, Value>,
    pub conflicts: Vec<FieldConflict>,
}

/// Merges two versions: each part keeps its newer value (of two changes with
/// one stamp, the greater JSON, so that every phone decides alike). A record
/// is deleted when its deletion is at least as new as every change of its
/// data: an edit made after it, on a phone that had not seen it, brings the
/// record back with that edit.
pub fn merge_versions(mine: &Version, theirs: &Version, sets: &[&str]) -> Merged {
    let since = mine.since().max(theirs.since()).clone();
    let mut parts = Parts::default();
    let mut data = Map::new();
    let mut conflicts = Vec::new();
    let mut fields: Vec<&String> = Vec::new();
    let named = mine
        .data
        .keys()
        .chain(theirs.data.keys())
        .chain(mine.parts.fields.keys())
        .chain(theirs.parts.fields.keys());
    for field in named {
        if field != DELETED && !sets.contains(&field.as_str()) && !fields.contains(&field) {
            fields.push(field);
        }
    }
    for field in fields {
        let (a, b) = (mine.data.get(field), theirs.data.get(field));
        let theirs_win = newer((theirs.stamp_of(field), b), (mine.stamp_of(field), a));
        let (winner, loser, value) = if theirs_win {
            (theirs, mine, b)
        } else {
            (mine, theirs, a)
        };
        if a != b && winner.replaced(field) < loser.stamp_of(field) {
            conflicts.push(FieldConflict {
                field: field.clone(),
                mine: a.cloned(),
                theirs: b.cloned(),
                kept_theirs: theirs_win,
            });
        }
        if let Some(value) = value {
            data.insert(field.clone(), value.clone());
        }
        list(&mut parts, &since, field, winner);
    }
    for set in sets {
        let mut elements: Vec<(String, &Stamp, Option<&Value>)> = Vec::new();
        for (key, stamp, element) in mine.elements(set).into_iter().chain(theirs.elements(set)) {
            match elements.iter_mut().find(|(k, _, _)| *k == key) {
                None => elements.push((key, stamp, element)),
                Some(held) if (stamp, element.is_some()) > (held.1, held.2.is_some()) => {
                    *held = (key, stamp, element);
                }
                Some(_) => {}
            }
        }
        // In the order of their keys, as a JSON object keeps its keys.
        let mut present = Map::new();
        for (key, stamp, element) in elements {
            match element {
                Some(element) => {
                    present.insert(key.clone(), element.clone());
                    if *stamp != since {
                        let added = parts.added.entry((*set).to_owned()).or_default();
                        added.insert(key, stamp.clone());
                    }
                }
                None => {
                    let removed = parts.removed.entry((*set).to_owned()).or_default();
                    removed.insert(key, stamp.clone());
                }
            }
        }
        if !present.is_empty() {
            let present = present.into_iter().map(|(_, element)| element).collect();
            data.insert((*set).to_owned(), Value::Array(present));
        }
    }
    let flag = |v: &Version| Value::Bool(v.deleted);
    let theirs_win = newer(
        (theirs.stamp_of(DELETED), Some(&flag(theirs))),
        (mine.stamp_of(DELETED), Some(&flag(mine))),
    );
    let winner = if theirs_win { theirs } else { mine };
    list(&mut parts, &since, DELETED, winner);
    let deleted = winner.deleted && winner.stamp_of(DELETED) >= newest_edit(&parts, &since);
    if mine.deleted != theirs.deleted {
        // The live side edited what the deleting phone never saw.
        let (gone, live) = if mine.deleted {
            (mine, theirs)
        } else {
            (theirs, mine)
        };
        if live.newest_edit() > gone.newest_edit() {
            conflicts.push(FieldConflict {
                field: DELETED.to_owned(),
                mine: Some(flag(mine)),
                theirs: Some(flag(theirs)),
                kept_theirs: deleted == theirs.deleted,
            });
        }
    }
    // A `replaced` stamp is older than its field's change: the newest
    // change is the newest of the parts'.
    let stamp = parts.changes().fold(&since, Ord::max).clone();
    if parts.lists_any() {
        parts.since = Some(since);
    }
    Merged {
        stamp,
        deleted,
        parts,
        data,
        conflicts,
    }
}

/// Whether change `a` (stamp, value) wins over change `b`.
pub fn newer(a: (&Stamp, Option<&Value>), b: (&Stamp, Option<&Value>)) -> bool {
    match a.0.cmp(b.0) {
        std::cmp::Ordering::Equal if a.1 != b.1 => {
            let text = |v: Option<&Value>| v.map(Value::to_string).unwrap_or_default();
            text(a.1) > text(b.1)
        }
        order => order.is_gt(),
    }
}

/// Lists the winner's stamp of `field` (and what its edit replaced) where
/// it is not `since`.
fn list(parts: &mut Parts, since: &Stamp, field: &str, winner: &Version) {
    let stamp = winner.stamp_of(field);
    if stamp != since {
        parts.fields.insert(field.to_owned(), stamp.clone());
        let replaced = winner.replaced(field);
        if replaced != since {
            parts.replaced.insert(field.to_owned(), replaced.clone());
        }
    }
}
