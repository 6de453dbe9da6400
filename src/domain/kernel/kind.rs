//! What every kind of record declares: its collection's name, the fields
//! that name one for a person, which of its fields are sets merged element by
//! element, and its rules.

use super::date::Date;
use super::problem::FieldProblem;
use serde::de::DeserializeOwned;
use serde::Serialize;

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
