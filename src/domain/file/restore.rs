//! Turning the records of a file, or of storage, into checked records.
//!
//! Both paths run the same steps: migrate each record from the format version it
//! was written in, read it into its type, then validate it. A record that fails
//! is rejected on its own, with its position, its id and name where they can be
//! read, the field and what is wrong; the other records are kept.

use crate::domain::file::envelope::FORMAT;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::kind::{field_names, RecordData};
use crate::domain::kernel::parts::{element_key, Parts, DELETED};
use crate::domain::kernel::problem::{shorten, FieldProblem, Problem};
use crate::domain::kernel::record::{normalized, Collection, Record, RecordId, SAME_STAMP};
use crate::domain::kernel::stamp::Stamp;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// One record that could not be taken, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The collection it was in (`members`, `units`).
    pub collection: &'static str,
    /// Its position in that collection, from 0.
    pub index: usize,
    /// Its id, if one could be read.
    pub id: Option<String>,
    /// Its name, if one could be read.
    pub label: Option<String>,
    pub problems: Vec<FieldProblem>,
}

/// The records read from one collection, and those rejected.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored<T> {
    pub records: Collection<T>,
    pub rejected: Vec<Rejection>,
}

/// Brings a record written in format `format` to the current one; a version
/// that changes how records are written adds a step here that rewrites the
/// JSON of the version before it (and returns it owned). None has yet: format
/// 2 added a file's checksum, format 3 the stamps of a record's parts, whose
/// absence reads as every part stamped with the record's stamp. (Records of
/// formats 1 and 2 also have their sets put in order once read, see
/// [`normalized`]: format 3 holds them in order as written.)
fn migrate(format: u32, record: &Value) -> Cow<'_, Value> {
    debug_assert!(format <= super::envelope::FORMAT);
    Cow::Borrowed(record)
}

/// The outside every record shares, read before its data.
struct Outside<'a> {
    id: RecordId,
    stamp: Stamp,
    deleted: bool,
    parts: Parts,
    data: &'a Value,
}

/// Longest name of a field or element key in a record's part stamps.
const MAX_PART_KEY: usize = 200;

/// What a kind of record is made of, for reading the stamps of its parts:
/// the fields of its data, and which of them are sets.
struct Shape<'k> {
    fields: &'k [&'k str],
    sets: &'k [&'k str],
}

/// Reads the stamps of a record's parts (format 3), each under a key of at
/// most [`MAX_PART_KEY`] characters, and holds them to the rules of
/// docs/file-format.md: every stamp no newer than the record's own (or
/// [`SAME_STAMP`] for it), and the newest of them that stamp; `since`, when
/// absent while parts are listed, the stamp the id was minted from; `fields`
/// naming fields of the kind (or the deletion) changed after `since`;
/// `replaced` only for a field of `fields`, older than its change; `added`
/// and `removed` naming sets of the kind, the elements added held in the
/// data and those removed not.
fn read_parts(
    object: &Map<String, Value>,
    id: &RecordId,
    stamp: &Stamp,
    shape: &Shape,
) -> Result<Parts, FieldProblem> {
    let one = |field: &str, value: &Value| -> Result<Stamp, FieldProblem> {
        let text = value
            .as_str()
            .ok_or_else(|| FieldProblem::new(field, Problem::WrongType))?;
        if text == SAME_STAMP {
            return Ok(stamp.clone());
        }
        let read = Stamp::parse(text)
            .ok_or_else(|| FieldProblem::new(field, Problem::Invalid(shorten(text, 40))))?;
        if read > *stamp {
            return Err(FieldProblem::new(field, Problem::AfterRecordStamp));
        }
        Ok(read)
    };
    let map = |field: &str,
               value: Option<&Value>|
     -> Result<BTreeMap<String, Stamp>, FieldProblem> {
        let mut out = BTreeMap::new();
        match value {
            None => {}
            Some(Value::Object(entries)) => {
                for (key, value) in entries {
                    if key.is_empty() || key.chars().count() > MAX_PART_KEY {
                        return Err(FieldProblem::new(field, Problem::Invalid(shorten(key, 40))));
                    }
                    out.insert(key.clone(), one(&format!("{field}.{key}"), value)?);
                }
            }
            Some(_) => return Err(FieldProblem::new(field, Problem::WrongType)),
        }
        Ok(out)
    };
    let sets =
        |field: &'static str| -> Result<BTreeMap<String, BTreeMap<String, Stamp>>, FieldProblem> {
            let mut out = BTreeMap::new();
            match object.get(field) {
                None => {}
                Some(Value::Object(sets)) => {
                    for (set, elements) in sets {
                        if !shape.sets.contains(&set.as_str()) {
                            let at = format!("{field}.{}", shorten(set, 40));
                            return Err(FieldProblem::new(at, Problem::NotASet));
                        }
                        out.insert(set.clone(), map(&format!("{field}.{set}"), Some(elements))?);
                    }
                }
                Some(_) => return Err(FieldProblem::new(field, Problem::WrongType)),
            }
            Ok(out)
        };
    let mut parts = Parts {
        since: object.get("since").map(|v| one("since", v)).transpose()?,
        fields: map("fields", object.get("fields"))?,
        replaced: map("replaced", object.get("replaced"))?,
        added: sets("added")?,
        removed: sets("removed")?,
    };
    if !parts.lists_any() {
        // Nothing listed: every part carries the record's stamp.
        parts.since = None;
        return Ok(parts);
    }
    let since = match parts.since.clone() {
        Some(since) => since,
        None => id
            .minted_stamp()
            .filter(|s| s <= stamp)
            .ok_or_else(|| FieldProblem::new("since", Problem::SinceUnknown))?,
    };
    check_parts(&parts, &since, stamp, object.get("data"), shape)?;
    parts.since = Some(since);
    Ok(parts)
}

/// The rules between a record's listed parts and its data (see [`read_parts`]).
fn check_parts(
    parts: &Parts,
    since: &Stamp,
    stamp: &Stamp,
    data: Option<&Value>,
    shape: &Shape,
) -> Result<(), FieldProblem> {
    let at = |part: &str, key: &str| format!("{part}.{}", shorten(key, 40));
    for (field, changed) in &parts.fields {
        let plain = shape.fields.contains(&field.as_str()) && !shape.sets.contains(&field.as_str());
        if field != DELETED && !plain {
            return Err(FieldProblem::new(at("fields", field), Problem::NoSuchField));
        }
        if changed <= since {
            return Err(FieldProblem::new(
                at("fields", field),
                Problem::ChangedBeforeSince,
            ));
        }
    }
    for (field, old) in &parts.replaced {
        match parts.fields.get(field) {
            None => {
                return Err(FieldProblem::new(
                    at("replaced", field),
                    Problem::ReplacedUnchanged,
                ))
            }
            Some(changed) if old >= changed => {
                return Err(FieldProblem::new(
                    at("replaced", field),
                    Problem::ReplacedNotOlder,
                ))
            }
            Some(_) => {}
        }
    }
    let held = |set: &str, key: &str| {
        data.and_then(|d| d.get(set))
            .and_then(Value::as_array)
            .is_some_and(|elements| elements.iter().any(|e| element_key(e) == key))
    };
    for (set, elements) in &parts.added {
        if let Some(key) = elements.keys().find(|key| !held(set, key)) {
            return Err(FieldProblem::new(
                at(&format!("added.{set}"), key),
                Problem::AddedNotHeld,
            ));
        }
    }
    for (set, elements) in &parts.removed {
        if let Some(key) = elements.keys().find(|key| held(set, key)) {
            return Err(FieldProblem::new(
                at(&format!("removed.{set}"), key),
                Problem::RemovedHeld,
            ));
        }
    }
    if parts.changes().fold(since, Ord::max) != stamp {
        return Err(FieldProblem::new("stamp", Problem::NotTheNewestChange));
    }
    Ok(())
}

/// Whether each element `removed` names is one its set could hold: read
/// back into the set, the data must still read as its kind's. An element
/// key that is no element (a name where a member's id belongs, a status
/// change of no known status) names one that never existed.
/// `reads` tells whether data reads as the record's kind (kept out of the
/// kind's own code, so that the wasm holds the loop once).
fn removed_are_elements(
    data: &Value,
    parts: &Parts,
    reads: &dyn Fn(&Value) -> bool,
) -> Result<(), FieldProblem> {
    for (set, elements) in &parts.removed {
        for key in elements.keys() {
            let element = if key.starts_with('{') {
                serde_json::from_str::<Value>(key).ok()
            } else {
                Some(Value::String(key.clone()))
            };
            let fits = element
                .filter(|e| element_key(e) == *key)
                .is_some_and(|element| {
                    let mut with = data.clone();
                    let Value::Object(fields) = &mut with else {
                        return false;
                    };
                    match fields
                        .entry(set.clone())
                        .or_insert_with(|| Value::Array(Vec::new()))
                    {
                        Value::Array(held) => held.push(element),
                        _ => return false,
                    }
                    reads(&with)
                });
            if !fits {
                let at = format!("removed.{set}.{}", shorten(key, 40));
                return Err(FieldProblem::new(at, Problem::NotAnElement));
            }
        }
    }
    Ok(())
}

/// Reads a record's id, stamp, deleted flag and data, naming what is wrong.
fn read_outside<'a>(item: &'a Value, shape: &Shape) -> Result<Outside<'a>, FieldProblem> {
    let Value::Object(object) = item else {
        return Err(FieldProblem::new("", Problem::NotAnObject));
    };
    let text = |field: &'static str| match object.get(field) {
        None => Err(FieldProblem::new(field, Problem::Missing)),
        Some(Value::String(text)) => Ok(text.as_str()),
        Some(_) => Err(FieldProblem::new(field, Problem::WrongType)),
    };
    let invalid = |field: &'static str, text: &str| {
        FieldProblem::new(field, Problem::Invalid(shorten(text, 40)))
    };
    let id = text("id")?;
    let id = RecordId::parse(id).ok_or_else(|| invalid("id", id))?;
    let stamp = text("stamp")?;
    let stamp = Stamp::parse(stamp).ok_or_else(|| invalid("stamp", stamp))?;
    let deleted = match object.get("deleted") {
        None => false,
        Some(Value::Bool(flag)) => *flag,
        Some(_) => return Err(FieldProblem::new("deleted", Problem::WrongType)),
    };
    let data = object
        .get("data")
        .ok_or_else(|| FieldProblem::new("data", Problem::Missing))?;
    let parts = read_parts(object, &id, &stamp, shape)?;
    Ok(Outside {
        id,
        stamp,
        deleted,
        parts,
        data,
    })
}

/// Reads a collection written in format `format`. `value` is the collection as
/// found (absent is an empty collection). Dates up to a day after `today` are
/// accepted, so a sender's clock a little ahead does not reject her records.
/// A stamp after `stamps_until` (ms) is refused: it would win every later
/// merge and carry this device's clock into the future with it.
pub fn restore_collection<T: RecordData>(
    format: u32,
    value: Option<&Value>,
    today: Date,
    stamps_until: u64,
) -> Result<Restored<T>, Problem> {
    let mut records = Vec::new();
    let mut read = |outside: Outside, today: Date| -> Result<(), Refused> {
        let attempt = |data: &Value| T::deserialize(data).err().map(|e| e.to_string());
        let data = T::deserialize(outside.data)
            .map_err(|e| Refused::Data(vec![locate(outside.data, &e.to_string(), &attempt)]))?;
        let problems = data.problems(today);
        if !problems.is_empty() {
            return Err(Refused::Data(problems));
        }
        if !data.id_agrees(outside.id.as_str()) {
            return Err(Refused::Outside(FieldProblem::new(
                "id",
                Problem::IdDisagrees,
            )));
        }
        if !outside.parts.removed.is_empty() {
            let reads = |data: &Value| T::deserialize(data).is_ok();
            removed_are_elements(outside.data, &outside.parts, &reads).map_err(Refused::Outside)?;
        }
        records.push(Record {
            id: outside.id,
            stamp: outside.stamp,
            deleted: outside.deleted,
            data: if format < FORMAT {
                normalized(data)
            } else {
                data
            },
            parts: outside.parts,
        });
        Ok(())
    };
    let shape = Shape {
        fields: field_names::<T>(),
        sets: T::SETS,
    };
    let rejected = restore_items(
        format,
        value,
        (today, stamps_until),
        (T::COLLECTION, T::LABEL_FIELDS, &shape),
        &mut read,
    )?;
    Ok(Restored {
        records: records.into_iter().collect(),
        rejected,
    })
}

/// Why `ReadData` did not keep a record.
enum Refused {
    /// What is wrong with its data, each problem by its path in `data`.
    Data(Vec<FieldProblem>),
    /// What is wrong outside its data (its id, its parts), by its path in the record.
    Outside(FieldProblem),
}

/// Reads and checks one record's data and keeps it.
type ReadData<'r> = dyn FnMut(Outside, Date) -> Result<(), Refused> + 'r;

/// The part of restoring that does not depend on the kind of record (kept
/// apart so that the wasm holds it once): the list, migration, each record's
/// outside, duplicate ids, and rejections. `read` reads and checks one
/// record's data.
fn restore_items(
    format: u32,
    value: Option<&Value>,
    (today, stamps_until): (Date, u64),
    (collection, label_fields, shape): (&'static str, &[&str], &Shape),
    read: &mut ReadData,
) -> Result<Vec<Rejection>, Problem> {
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(Problem::WrongType),
    };
    let latest_ok = Date::from_days_since_epoch(today.days_since_epoch() + 1).unwrap_or(today);
    let mut rejected = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, raw) in items.iter().enumerate() {
        let item = migrate(format, raw);
        let problems = match read_outside(&item, shape) {
            Err(problem) => vec![problem],
            Ok(outside) if !seen.insert(outside.id.clone()) => {
                vec![FieldProblem::new("id", Problem::DuplicateId)]
            }
            Ok(outside) if outside.stamp.wall_ms > stamps_until => {
                vec![FieldProblem::new("stamp", Problem::InFuture)]
            }
            Ok(outside) => match read(outside, latest_ok) {
                Ok(()) => continue,
                Err(Refused::Outside(problem)) => vec![problem],
                Err(Refused::Data(problems)) => problems
                    .into_iter()
                    .map(|p| FieldProblem::new(join("data", &p.field), p.problem))
                    .collect(),
            },
        };
        rejected.push(rejection(collection, label_fields, index, &item, problems));
    }
    Ok(rejected)
}

/// Names the field a serde error is about, and whether its value was absent,
/// of the wrong type, or invalid.
///
/// serde's message gives the missing field's name or the offending value, but
/// not where it is. Both are found again in the record, which costs nothing in
/// the wasm (a path-tracking deserializer costs about 9 KB brotli): a missing
/// field is put, empty, into each object in turn until the error moves on; an
/// offending value is the first node, in serde's order (keys sorted, depth
/// first), that renders as the message says. `attempt` deserializes a record
/// and returns its error.
fn locate(item: &Value, message: &str, attempt: &dyn Fn(&Value) -> Option<String>) -> FieldProblem {
    let mut nodes = Vec::new();
    walk(item, String::new(), &mut nodes);
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        for (path, _) in nodes
            .iter()
            .filter(|(_, n)| n.as_object().is_some_and(|o| !o.contains_key(field)))
        {
            let mut probe = item.clone();
            if let Some(Value::Object(object)) = value_at_mut(&mut probe, path) {
                object.insert(field.to_owned(), Value::Null);
            }
            if attempt(&probe).as_deref() != Some(message) {
                return FieldProblem::new(join(path, field), Problem::Missing);
            }
        }
        return FieldProblem::new(field, Problem::Missing);
    }
    let unexpected = message.split_once(": ").map_or(message, |(_, rest)| {
        rest.split(", expected").next().unwrap_or(rest)
    });
    let variant = message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split('`').next());
    let renders = |node: &Value| match node {
        Value::String(s) => variant == Some(s.as_str()) || unexpected == format!("string {s:?}"),
        Value::Number(n) => unexpected.ends_with(&format!("`{n}`")),
        Value::Bool(b) => unexpected == format!("boolean `{b}`"),
        Value::Null => unexpected == "unit value",
        Value::Array(_) => unexpected == "sequence",
        Value::Object(_) => unexpected == "map",
    };
    // Several nodes may render alike (an address and a flag both "yes"): the
    // one whose removal changes the error is the one serde stopped at.
    let candidates: Vec<&(String, &Value)> = nodes
        .iter()
        .skip(1)
        .filter(|(_, node)| renders(node))
        .collect();
    let culprit = candidates.iter().find(|(path, _)| {
        candidates.len() == 1 || {
            let mut probe = item.clone();
            remove_at(&mut probe, path);
            attempt(&probe).as_deref() != Some(message)
        }
    });
    let Some((path, node)) = culprit.or(candidates.first()) else {
        return FieldProblem::new("", Problem::Invalid(String::new()));
    };
    if message.starts_with("invalid type") {
        return FieldProblem::new(path.as_str(), Problem::WrongType);
    }
    let found = match node {
        Value::String(s) => shorten(s, 40),
        other => shorten(&other.to_string(), 40),
    };
    FieldProblem::new(path.as_str(), Problem::Invalid(found))
}

/// Every node of a record with its dotted path (`data.status_history.0.on`),
/// the record itself first, then depth first in key order.
fn walk<'a>(value: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    out.push((path.clone(), value));
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(key, child)| walk(child, join(&path, key), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, child)| walk(child, join(&path, &i.to_string()), out)),
        _ => {}
    }
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_owned()
    } else {
        format!("{path}.{segment}")
    }
}

/// Removes the node at a dotted path.
fn remove_at(root: &mut Value, path: &str) {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    match value_at_mut(root, parent) {
        Some(Value::Object(map)) => {
            map.remove(last);
        }
        Some(Value::Array(items)) => {
            if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < items.len()) {
                items.remove(i);
            }
        }
        _ => {}
    }
}

/// The node at a dotted path, to change it.
fn value_at_mut<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    path.split('.')
        .filter(|s| !s.is_empty())
        .try_fold(root, |value, segment| match value {
            Value::Object(map) => map.get_mut(segment),
            Value::Array(items) => items.get_mut(segment.parse::<usize>().ok()?),
            _ => None,
        })
}

/// The rejection of the record `id` of the collection `items` as found,
/// refused after the collection was read: named by its position and data there.
pub(crate) fn rejection_in(
    collection: &'static str,
    label_fields: &[&str],
    items: Option<&Value>,
    id: &RecordId,
    problems: Vec<FieldProblem>,
) -> Rejection {
    let found = items.and_then(Value::as_array).and_then(|items| {
        items
            .iter()
            .enumerate()
            .find(|(_, item)| item.get("id").and_then(Value::as_str) == Some(id.as_str()))
    });
    match found {
        Some((index, item)) => rejection(collection, label_fields, index, item, problems),
        None => Rejection {
            collection,
            index: 0,
            id: Some(id.to_string()),
            label: None,
            problems,
        },
    }
}

fn rejection(
    collection: &'static str,
    label_fields: &[&str],
    index: usize,
    item: &Value,
    problems: Vec<FieldProblem>,
) -> Rejection {
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .map(|s| shorten(s, 64));
    Rejection {
        collection,
        index,
        id,
        label: label(label_fields, item.get("data")),
        problems,
    }
}

/// A record's name for a person: the texts and numbers of its `label_fields`
/// in `data`, joined and shortened.
pub(crate) fn label(label_fields: &[&str], data: Option<&Value>) -> Option<String> {
    let label = label_fields
        .iter()
        .filter_map(|f| match data?.get(*f)? {
            Value::String(text) => Some(text.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!label.is_empty()).then(|| shorten(&label, 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::member::Member;
    use crate::domain::records::unit::Unit;
    use serde_json::json;

    fn today() -> Date {
        Date::parse_iso("2026-11-29").unwrap()
    }

    fn member(id: &str, data: Value) -> Value {
        json!({"id": id, "stamp": "1000-0-abababababababab", "data": data})
    }

    fn hoa() -> Value {
        json!({"family_name":"Nguyễn","middle_name":"Thị","given_name":"Hoa",
               "ethnicity":{"code":1,"list":"tctk-121-1979"},"religion":"none"})
    }

    #[test]
    fn the_parts_of_a_record_read_back_as_written_compact() {
        use crate::domain::kernel::stamp::{Clock, DeviceId};
        let (mut a, mut b) = (
            Clock::new(DeviceId::from_random([1; 8])),
            Clock::new(DeviceId::from_random([2; 8])),
        );
        let hoa: Member = serde_json::from_value(hoa()).unwrap();
        let made = Record::create(a.tick(1_000), hoa.clone());
        let phone = made.edited(
            a.tick(2_000),
            Member {
                phone: "0912345678".into(),
                ..hoa.clone()
            },
        );
        let mut moved = hoa.clone();
        moved.phone = "0912345678".into();
        moved.address = "Xóm 3".into();
        let both = phone.edited(b.tick(3_000), moved);
        let text = serde_json::to_string(&both).unwrap();
        assert!(!text.contains("since"), "the minted id's stamp: {text}");
        assert!(
            text.contains(r#""address":"=""#),
            "the record's own stamp: {text}"
        );
        let value: Value = serde_json::from_str(&format!("[{text}]")).unwrap();
        let read = restore_collection::<Member>(3, Some(&value), today(), u64::MAX).unwrap();
        assert_eq!(read.rejected, []);
        assert_eq!(read.records.get(&both.id), Some(&both));
        // A keyed id writes its `since`; one listing parts without it is refused.
        let keyed = Record::keyed(
            RecordId::parse("fee-2026-x").unwrap(),
            a.tick(4_000),
            hoa.clone(),
        );
        let edited = keyed.edited(
            a.tick(5_000),
            Member {
                phone: "0913345678".into(),
                ..hoa
            },
        );
        let text = serde_json::to_string(&edited).unwrap();
        assert!(text.contains("since"), "{text}");
        let mut value: Value = serde_json::from_str(&text).unwrap();
        value.as_object_mut().unwrap().remove("since");
        let read =
            restore_collection::<Member>(3, Some(&json!([value])), today(), u64::MAX).unwrap();
        assert_eq!(
            read.rejected[0].problems,
            [FieldProblem::new("since", Problem::SinceUnknown)]
        );
    }

    #[test]
    fn good_records_pass_and_bad_ones_say_where() {
        let mut bad_date = hoa();
        bad_date["birth"] = json!("1985-13-01");
        let mut no_given = hoa();
        no_given.as_object_mut().unwrap().remove("given_name");
        let mut wrong_type = hoa();
        wrong_type["worker"] = json!("yes");
        let mut future = hoa();
        future["joined_on"] = json!("2027-01-01");
        let mut unknown_status = hoa();
        unknown_status["status_history"] = json!([{"status": "gone", "on": "2020-01-01"}]);
        let items = json!([
            member("a", hoa()),
            member("b", bad_date),
            member("c", no_given),
            member("d", wrong_type),
            member("a", hoa()),
            member("e", future),
            member("f", unknown_status),
            "text",
            json!({"id": "BAD ID", "stamp": "1000-0-abababababababab", "data": hoa()}),
        ]);
        let restored = restore_collection::<Member>(1, Some(&items), today(), u64::MAX).unwrap();
        assert_eq!(restored.records.len(), 1);
        type Found<'a> = (
            usize,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
            &'a Problem,
        );
        let found: Vec<Found> = restored
            .rejected
            .iter()
            .map(|r| {
                let p = &r.problems[0];
                (
                    r.index,
                    r.id.as_deref(),
                    r.label.as_deref(),
                    p.field.as_str(),
                    &p.problem,
                )
            })
            .collect();
        let hoa_name = Some("Nguyễn Thị Hoa");
        assert_eq!(
            found,
            vec![
                (
                    1,
                    Some("b"),
                    hoa_name,
                    "data.birth",
                    &Problem::Invalid("1985-13-01".into())
                ),
                (
                    2,
                    Some("c"),
                    Some("Nguyễn Thị"),
                    "data.given_name",
                    &Problem::Missing
                ),
                (3, Some("d"), hoa_name, "data.worker", &Problem::WrongType),
                (4, Some("a"), hoa_name, "id", &Problem::DuplicateId),
                (5, Some("e"), hoa_name, "data.joined_on", &Problem::InFuture),
                (
                    6,
                    Some("f"),
                    hoa_name,
                    "data.status_history.0.status",
                    &Problem::Invalid("gone".into())
                ),
                (7, None, None, "", &Problem::NotAnObject),
                (
                    8,
                    Some("BAD ID"),
                    hoa_name,
                    "id",
                    &Problem::Invalid("BAD ID".into())
                ),
            ]
        );
    }

    #[test]
    fn nested_problems_are_found_where_they_are() {
        let mut no_day = hoa();
        no_day["status_history"] =
            json!([{"status": "moved", "on": "2020-01-01"}, {"status": "moved"}]);
        let mut number = hoa();
        number["ethnicity"]["code"] = json!("một");
        let mut twice = hoa();
        twice["address"] = json!("yes");
        twice["honorary"] = json!("yes");
        let items = json!([member("a", no_day), member("b", number), member("c", twice)]);
        let restored = restore_collection::<Member>(1, Some(&items), today(), u64::MAX).unwrap();
        let found: Vec<(String, Problem)> = restored
            .rejected
            .into_iter()
            .map(|r| (r.problems[0].field.clone(), r.problems[0].problem.clone()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("data.status_history.1.on".into(), Problem::Missing),
                ("data.ethnicity.code".into(), Problem::WrongType),
                ("data.honorary".into(), Problem::WrongType),
            ]
        );
    }

    #[test]
    fn a_day_of_clock_skew_is_tolerated() {
        let mut tomorrow = hoa();
        tomorrow["joined_on"] = json!("2026-11-30");
        let items = json!([member("a", tomorrow)]);
        let restored = restore_collection::<Member>(1, Some(&items), today(), u64::MAX).unwrap();
        assert_eq!(restored.records.len(), 1);
    }

    #[test]
    fn absent_collections_are_empty_and_wrong_shapes_refused() {
        let none = restore_collection::<Unit>(1, None, today(), u64::MAX).unwrap();
        assert!(none.records.is_empty());
        assert_eq!(
            restore_collection::<Unit>(1, Some(&json!({})), today(), u64::MAX),
            Err(Problem::WrongType)
        );
    }
}
