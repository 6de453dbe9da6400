//! What records name by id, and the rule that an import leaves nothing
//! pointing at nothing: a fee paid by a member the book does not hold, an
//! attendee no one can name, a report of a unit no one knows.
//!
//! Each reference listed here must resolve, after the import, in the same
//! collection of the book or of the file (a deleted record counts: deleting
//! can be undone). References that may name a record this device never
//! holds are left out on purpose, and `docs/file-format.md` says why for each:
//! a unit's parent and predecessors, the units of a report's model and
//! training summaries, the unit an office's target is for, a score's campaign.

use crate::domain::kernel::kind::RecordData;
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::kernel::record::{fields_of, Collection, RecordId};
use crate::domain::records::activity::Activity;
use crate::domain::records::baseline::{Denominators, Target};
use crate::domain::records::cadre::{Role, WomenGroup};
use crate::domain::records::campaign::{Campaign, Scores};
use crate::domain::records::fee::{FeePayment, FeeRate};
use crate::domain::records::member::Member;
use crate::domain::records::model::Model;
use crate::domain::records::training::Training;
use crate::domain::records::unit::Unit;
use crate::domain::records::unit_report::UnitReport;

/// Where a record names another: its field, and its position in a list field.
pub type Field = (&'static str, Option<usize>);

/// A kind of record, and the records it names.
pub trait Refers {
    /// Calls `found` with each id the record names, its field, and the
    /// collection the id must be found in.
    fn references(&self, found: &mut dyn FnMut(Field, &'static str, &RecordId));
}

/// A field holding ids: one, perhaps one, or a list.
trait Ids {
    /// Each id, with its position in a list.
    fn each(&self, found: &mut dyn FnMut(Option<usize>, &RecordId));
}

impl Ids for RecordId {
    fn each(&self, found: &mut dyn FnMut(Option<usize>, &RecordId)) {
        found(None, self);
    }
}

impl Ids for Option<RecordId> {
    fn each(&self, found: &mut dyn FnMut(Option<usize>, &RecordId)) {
        if let Some(id) = self {
            found(None, id);
        }
    }
}

impl Ids for Vec<RecordId> {
    fn each(&self, found: &mut dyn FnMut(Option<usize>, &RecordId)) {
        for (i, id) in self.iter().enumerate() {
            found(Some(i), id);
        }
    }
}

/// The table: each kind, the fields that must resolve, and where.
macro_rules! references {
    ($($kind:ty { $($field:ident: $collection:literal),* })*) => {$(
        impl Refers for $kind {
            #[allow(unused_variables)]
            fn references(&self, found: &mut dyn FnMut(Field, &'static str, &RecordId)) {
                $(self.$field.each(&mut |at, id| found((stringify!($field), at), $collection, id));)*
            }
        }
    )*};
}

references! {
    Member { group: "groups" }
    Role { member: "members" }
    Training { attendees: "members" }
    Model { participants: "members" }
    Activity { group: "groups", attendees: "members", excused: "members", chair: "members", secretary: "members" }
    FeePayment { member: "members" }
    Target { set_by: "units" }
    UnitReport { unit: "units" }
    Campaign { office: "units" }
    Scores { unit: "units" }
    Unit {}
    WomenGroup {}
    FeeRate {}
    Denominators {}
}

/// A record that cannot be taken as it is, found after its collection was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub collection: &'static str,
    pub id: RecordId,
    /// The record's name for a person, as its kind's label fields give it.
    pub label: Option<String>,
    pub problems: Vec<FieldProblem>,
}

/// Whether a collection holds a record: `(collection, id)`.
pub type Holds<'a> = &'a dyn Fn(&str, &RecordId) -> bool;

/// The records of `records` that name an id `holds` does not know, each with
/// every field that does; `refused` tells the ids of records of the same
/// file that were refused, so that the message can say so.
pub(crate) fn dangling_in<T: RecordData + Refers>(
    records: &Collection<T>,
    holds: Holds,
    refused: Holds,
    out: &mut Vec<Broken>,
) {
    for record in records.all() {
        let mut problems = Vec::new();
        record.data.references(&mut |(field, at), collection, id| {
            if !holds(collection, id) {
                let field = match at {
                    Some(i) => format!("data.{field}.{i}"),
                    None => format!("data.{field}"),
                };
                let shown = crate::domain::kernel::problem::shorten(id.as_str(), 40);
                let problem = match refused(collection, id) {
                    true => Problem::NamesRefused(shown),
                    false => Problem::Dangling(shown),
                };
                problems.push(FieldProblem::new(field, problem));
            }
        });
        if !problems.is_empty() {
            out.push(Broken {
                collection: T::COLLECTION,
                id: record.id.clone(),
                label: label_of(&record.data),
                problems,
            });
        }
    }
}

/// A record's name for a person: its label fields, joined.
pub(crate) fn label_of<T: RecordData>(data: &T) -> Option<String> {
    let value = serde_json::Value::Object(fields_of(data));
    crate::domain::file::restore::label(T::LABEL_FIELDS, Some(&value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::kernel::record::Record;
    use crate::domain::kernel::stamp::{Clock, DeviceId};

    #[test]
    fn each_reference_is_named_by_its_field_and_position() {
        let mut clock = Clock::new(DeviceId::from_random([4; 8]));
        let known = Record::create(clock.tick(1), Member::named("Lò", "Thị", "Ánh"));
        let missing = RecordId::parse("khong-co").unwrap();
        let training = Training {
            start: day("2026-03-01"),
            end: None,
            title: "Tập huấn chuyển đổi số".into(),
            topics: Vec::new(),
            level: crate::domain::records::training::Level::Chapter,
            attendees: vec![known.id.clone(), missing.clone()],
            extra_attendees: 0,
        };
        let trainings: Collection<Training> = [Record::create(clock.tick(2), training)]
            .into_iter()
            .collect();
        let members: Collection<Member> = [known].into_iter().collect();
        let holds =
            |collection: &str, id: &RecordId| collection == "members" && members.get(id).is_some();
        let mut out = Vec::new();
        dangling_in(&trainings, &holds, &|_, _| false, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].label.as_deref(), Some("Tập huấn chuyển đổi số"));
        assert_eq!(
            out[0].problems,
            [FieldProblem::new(
                "data.attendees.1",
                Problem::Dangling("khong-co".into())
            )]
        );
    }
}
