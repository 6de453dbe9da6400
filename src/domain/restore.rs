//! Turning the records of a file, or of storage, into checked records.
//!
//! Both paths run the same steps: migrate each record from the format version it
//! was written in, read it into its type, then validate it. A record that fails
//! is rejected on its own, with its position, its id and name where they can be
//! read, the field and what is wrong; the other records are kept.

use super::date::Date;
use super::member::Member;
use super::problem::{shorten, FieldProblem, Problem};
use super::record::{Collection, Record};
use super::unit::Unit;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// A kind of record the app stores and exchanges.
pub trait RecordData: Serialize + DeserializeOwned + Clone + PartialEq {
    /// The collection's name in files and in storage keys.
    const COLLECTION: &'static str;
    /// Fields of `data` that, joined, name the record for a person.
    const LABEL_FIELDS: &'static [&'static str];
    /// Everything wrong with the record's data, field by field.
    fn problems(&self, today: Date) -> Vec<FieldProblem>;
}

impl RecordData for Member {
    const COLLECTION: &'static str = "members";
    const LABEL_FIELDS: &'static [&'static str] = &["family_name", "middle_name", "given_name"];
    fn problems(&self, today: Date) -> Vec<FieldProblem> {
        Member::problems(self, today)
    }
}

impl RecordData for Unit {
    const COLLECTION: &'static str = "units";
    const LABEL_FIELDS: &'static [&'static str] = &["name"];
    fn problems(&self, _today: Date) -> Vec<FieldProblem> {
        Unit::problems(self)
    }
}

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

/// Brings a record written in format `format` to the current one. Format 1 is
/// the first, so there is nothing to do yet; each later version adds a step here
/// that rewrites the JSON of the version before it.
fn migrate(format: u32, record: Value) -> Value {
    debug_assert!(format <= super::envelope::FORMAT);
    record
}

/// Reads a collection written in format `format`. `value` is the collection as
/// found (absent is an empty collection). Dates up to a day after `today` are
/// accepted, so a sender's clock a little ahead does not reject her records.
pub fn restore_collection<T: RecordData>(
    format: u32,
    value: Option<&Value>,
    today: Date,
) -> Result<Restored<T>, Problem> {
    let items = match value {
        None | Some(Value::Null) => return Ok(empty()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(Problem::WrongType),
    };
    let latest_ok = Date::from_days_since_epoch(today.days_since_epoch() + 1).unwrap_or(today);
    let mut records = Vec::with_capacity(items.len());
    let mut rejected = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, raw) in items.iter().enumerate() {
        let item = migrate(format, raw.clone());
        match read_record::<T>(&item, latest_ok) {
            Ok(record) if seen.insert(record.id.clone()) => records.push(record),
            Ok(_) => rejected.push(rejection::<T>(
                index,
                &item,
                vec![FieldProblem::new("id", Problem::DuplicateId)],
            )),
            Err(problems) => rejected.push(rejection::<T>(index, &item, problems)),
        }
    }
    Ok(Restored {
        records: records.into_iter().collect(),
        rejected,
    })
}

fn empty<T>() -> Restored<T> {
    Restored {
        records: Collection::default(),
        rejected: Vec::new(),
    }
}

/// Reads one record: its shape through serde (the failing field's path is kept),
/// then its data through the type's own rules.
fn read_record<T: RecordData>(item: &Value, today: Date) -> Result<Record<T>, Vec<FieldProblem>> {
    if !item.is_object() {
        return Err(vec![FieldProblem::new("", Problem::NotAnObject)]);
    }
    let record: Record<T> = serde_path_to_error::deserialize(item).map_err(|e| {
        vec![shape_problem(
            item,
            &dotted(e.path()),
            &e.inner().to_string(),
        )]
    })?;
    let problems: Vec<FieldProblem> = record
        .data
        .problems(today)
        .into_iter()
        .map(|p| FieldProblem::new(format!("data.{}", p.field), p.problem))
        .collect();
    if problems.is_empty() {
        Ok(record)
    } else {
        Err(problems)
    }
}

/// Names a serde failure: the field (a missing field's own name is added to the
/// path of its parent) and whether the value was absent, of the wrong type, or invalid.
fn shape_problem(item: &Value, path: &str, message: &str) -> FieldProblem {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        let full = if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return FieldProblem::new(full, Problem::Missing);
    }
    if message.starts_with("invalid type") {
        return FieldProblem::new(path, Problem::WrongType);
    }
    let found = value_at(item, path).map_or_else(String::new, |v| match v {
        Value::String(s) => shorten(s, 40),
        other => shorten(&other.to_string(), 40),
    });
    FieldProblem::new(path, Problem::Invalid(found))
}

/// A serde path written with dots only: `data.status_history.0.on`.
fn dotted(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .map(|segment| match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.clone(),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => "?".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The value at a dotted path such as `data.status_history.0.on`.
fn value_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .filter(|s| !s.is_empty())
        .try_fold(root, |value, segment| match value {
            Value::Object(map) => map.get(segment),
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?),
            _ => None,
        })
}

fn rejection<T: RecordData>(index: usize, item: &Value, problems: Vec<FieldProblem>) -> Rejection {
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .map(|s| shorten(s, 64));
    let data = item.get("data");
    let label = T::LABEL_FIELDS
        .iter()
        .filter_map(|f| data?.get(*f)?.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Rejection {
        collection: T::COLLECTION,
        index,
        id,
        label: (!label.is_empty()).then(|| shorten(&label, 60)),
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let restored = restore_collection::<Member>(1, Some(&items), today()).unwrap();
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
    fn a_day_of_clock_skew_is_tolerated() {
        let mut tomorrow = hoa();
        tomorrow["joined_on"] = json!("2026-11-30");
        let items = json!([member("a", tomorrow)]);
        let restored = restore_collection::<Member>(1, Some(&items), today()).unwrap();
        assert_eq!(restored.records.len(), 1);
    }

    #[test]
    fn absent_collections_are_empty_and_wrong_shapes_refused() {
        let none = restore_collection::<Unit>(1, None, today()).unwrap();
        assert!(none.records.is_empty());
        assert_eq!(
            restore_collection::<Unit>(1, Some(&json!({})), today()),
            Err(Problem::WrongType)
        );
    }
}
