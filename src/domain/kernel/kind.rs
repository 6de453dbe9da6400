//! What every kind of record declares: its collection's name, the fields
//! that name one for a person, which of its fields are sets merged element by
//! element, and its rules.

use super::date::Date;
use super::problem::FieldProblem;
use serde::de::{self, DeserializeOwned, Visitor};
use serde::Serialize;
use std::fmt;

/// A kind of record the app stores and exchanges.
pub trait RecordData: Serialize + DeserializeOwned + Clone + PartialEq {
    /// The collection's name in files and in storage keys.
    const COLLECTION: &'static str;
    /// Fields of `data` that, joined, name the record for a person.
    const LABEL_FIELDS: &'static [&'static str];
    /// Fields of `data` that hold a set (a training's attendees, a member's
    /// status history): an element added on one phone and another removed
    /// on a second both count, each with its own stamp. Every other field is
    /// one value with one stamp.
    const SETS: &'static [&'static str] = &[];
    /// Everything wrong with the record's data, field by field.
    fn problems(&self, today: Date) -> Vec<FieldProblem>;
    /// Puts the elements of its sets in the order the kind keeps them (a
    /// status history by date), once they are in the order of their keys:
    /// a merge's result is then the same on every phone.
    fn settle(&mut self) {}
    /// Whether `id` is the id a record of this data may carry: for a kind
    /// of which there is one record per natural key (a member's fee of a
    /// year, a unit's report of a period), the id that key makes, so that
    /// no record claims another's place; any id for a kind of minted ids.
    fn id_agrees(&self, _id: &str) -> bool {
        true
    }
}

/// The fields of a kind's data, as its reader knows them: what a record's
/// part stamps may name. Asked of the type's own reader (serde's derive
/// hands the list to the deserializer), so that it never drifts from the
/// struct.
pub fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut names = FieldNames(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// A deserializer that only takes note of the fields a struct asks for.
struct FieldNames(&'static [&'static str]);

/// What [`FieldNames`] answers every read with: it reads nothing.
#[derive(Debug)]
struct Noted;

impl fmt::Display for Noted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("noted")
    }
}

impl std::error::Error for Noted {}

impl de::Error for Noted {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Noted
    }
}

impl<'de> de::Deserializer<'de> for &mut FieldNames {
    type Error = Noted;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Noted> {
        self.0 = fields;
        Err(Noted)
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Noted> {
        Err(Noted)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Puts `items` in the order of their day, those of one day in the order
/// they were; by inserting one at a time (a generic sort costs kilobytes of
/// wasm for each type it is used on, and sets are short).
pub fn by_date<T>(items: &mut Vec<T>, on: fn(&T) -> Date) {
    let mut ordered: Vec<T> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let at = ordered.partition_point(|o| on(o) <= on(&item));
        ordered.insert(at, item);
    }
    *items = ordered;
}
