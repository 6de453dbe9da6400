//! Everything one device keeps: its records (the book), one collection per
//! kind, and its own state (the clock, which unit it keeps the book for, when
//! it last made a backup).
//!
//! The collections are declared once, in the table at the bottom; every kind
//! in it goes through the same restore, merge, backup and storage path.

use super::references::{dangling_in, label_of, Broken, Holds, Refers};
use super::reminder::Written;
use crate::domain::file::envelope::{check_app_and_format, FileError, APP, FORMAT};
use crate::domain::file::restore::{rejection_in, restore_collection, Rejection};
use crate::domain::kernel::date::{last_day, Date};
use crate::domain::kernel::kind::{by_date, RecordData};
use crate::domain::kernel::merge::{assess, classify, merge, merge_into, Outcome, Tally};
use crate::domain::kernel::parts::DELETED;
use crate::domain::kernel::problem::FieldProblem;
use crate::domain::kernel::record::{Collection, Record, RecordId, SAME_STAMP};
use crate::domain::kernel::seen::Seen;
use crate::domain::kernel::stamp::{Clock, DeviceId, Stamp};
use crate::domain::records::activity::Activity;
use crate::domain::records::baseline::{Denominators, Target};
use crate::domain::records::cadre::{Role, WomenGroup};
use crate::domain::records::campaign::{Campaign, Scores};
use crate::domain::records::fee::{FeePayment, FeeRate};
use crate::domain::records::member::Member;
use crate::domain::records::model::Model;
use crate::domain::records::training::Training;
use crate::domain::records::unit::{loops_closed, with_ancestors, Unit, UnitSetup};
use crate::domain::records::unit_report::UnitReport;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A kind of record kept in the book: where its collection is.
pub trait InBook: RecordData + Refers {
    fn of(book: &Book) -> &Collection<Self>;
    fn of_mut(book: &mut Book) -> &mut Collection<Self>;
}

/// Declares the record kinds: the book's fields, each kind's collection name,
/// the fields that name a record in messages, its set fields and their
/// order, and its rules.
macro_rules! collections {
    ($($field:ident: $kind:ty = $name:literal, label $labels:expr, sets $sets:expr, settle |$settled:ident| $settle:expr, rules |$record:ident, $today:ident| $rules:expr $(, id |$keyed:ident| $key:expr)?;)*) => {
        $(
            impl InBook for $kind {
                fn of(book: &Book) -> &Collection<Self> {
                    &book.$field
                }
                fn of_mut(book: &mut Book) -> &mut Collection<Self> {
                    &mut book.$field
                }
            }

            impl RecordData for $kind {
                const COLLECTION: &'static str = $name;
                const LABEL_FIELDS: &'static [&'static str] = $labels;
                const SETS: &'static [&'static str] = $sets;
                fn problems(&self, $today: Date) -> Vec<FieldProblem> {
                    let $record = self;
                    $rules
                }
                fn settle(&mut self) {
                    let $settled = self;
                    $settle
                }
                $(fn id_agrees(&self, id: &str) -> bool {
                    let $keyed = self;
                    $key.is_some_and(|key: RecordId| key.as_str() == id)
                })?
            }
        )*

        /// The records a device holds, one collection per kind.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Book {
            $(pub $field: Collection<$kind>,)*
        }

        impl Book {
            /// Every collection's name, in the order files and storage list them.
            pub const COLLECTIONS: &'static [&'static str] = &[$($name),*];

            /// Reads one collection (`value` as found in a file or in storage)
            /// into this book; returns the records it rejected. Stamps after
            /// `stamps_until` (ms) are refused: a file's, not storage's (see
            /// [`Book::restore`]).
            pub fn restore_one(
                &mut self,
                name: &str,
                format: u32,
                value: Option<&Value>,
                today: Date,
                stamps_until: u64,
            ) -> Result<Vec<Rejection>, FileError> {
                let mut rejected = match name {
                    $($name => {
                        let restored = restore_collection::<$kind>(format, value, today, stamps_until)
                            .map_err(|_| FileError::BadCollection($name))?;
                        self.$field = restored.records;
                        restored.rejected
                    })*
                    _ => Vec::new(),
                };
                if name == Unit::COLLECTION {
                    rejected.extend(self.refuse_loops(value));
                }
                Ok(rejected)
            }

            /// Whether the collection `name` holds the record `id`, deleted or not.
            pub fn holds(&self, name: &str, id: &RecordId) -> bool {
                match name {
                    $($name => self.$field.get(id).is_some(),)*
                    _ => false,
                }
            }

            /// Records of this book that name a record neither it nor
            /// `other` holds (see `references`); `refused` tells records
            /// of the same file that were refused.
            pub fn dangling(&self, other: &Book, refused: Holds) -> Vec<Broken> {
                let holds = |name: &str, id: &RecordId| self.holds(name, id) || other.holds(name, id);
                let mut out = Vec::new();
                $(dangling_in(&self.$field, &holds, refused, &mut out);)*
                out
            }

            /// Takes the record `id` out of the collection `name`, as if it
            /// had never been read; returns what merging it into `local`
            /// would have done.
            pub fn take_out(&mut self, name: &str, id: &RecordId, local: &Book) -> Option<Outcome> {
                match name {
                    $($name => self.$field.remove(id).map(|r| classify(local.$field.get(id), &r)),)*
                    _ => None,
                }
            }

            /// One collection as JSON text, as files and storage hold it.
            pub fn collection_json(&self, name: &str) -> String {
                match name {
                    $($name => serde_json::to_string(&self.$field).unwrap_or_default(),)*
                    _ => "[]".to_owned(),
                }
            }

            /// One collection's [`Collection::fingerprint`].
            pub fn fingerprint(&self, name: &str) -> u64 {
                match name {
                    $($name => self.$field.fingerprint(),)*
                    _ => 0,
                }
            }

            /// The newest change this book holds from each device.
            pub fn seen(&self) -> Seen {
                let mut seen = Seen::default();
                $(self.$field.note_changes(&mut seen);)*
                seen
            }

            /// The records holding a change that `seen` lacks, and the unit
            /// `home` whatever its changes: what an update file holds for a
            /// phone whose book had seen `seen`.
            pub fn unseen_by(&self, seen: &Seen, home: &RecordId) -> Book {
                let mut unseen = self.clone();
                $(unseen.$field.retain(|r| Collection::unseen(r, seen));)*
                if let Some(unit) = self.units.get(home) {
                    unseen.units.put(unit.clone());
                }
                unseen
            }

            /// How many records hold a change that `seen` lacks.
            pub fn count_unseen(&self, seen: &Seen) -> usize {
                0 $(+ self.$field.all().filter(|r| Collection::unseen(r, seen)).count())*
            }

            /// Each collection merged with the other book's (see `merge`).
            pub fn merged(&self, other: &Book) -> Book {
                Book { $($field: merge(&self.$field, &other.$field),)* }
            }

            /// Merges `other` into this book in place: what [`Book::merged`]
            /// returns, without copying this book.
            pub fn merge_in(&mut self, other: Book) {
                $(merge_into(&mut self.$field, other.$field.into_records());)*
            }

            /// What merging `incoming` would do, collection by collection, and
            /// the fields both this book and `incoming` changed in one record,
            /// neither on top of the other's change, with which value a merge keeps.
            pub fn compare(&self, incoming: &Book) -> (Vec<(&'static str, Tally)>, Vec<Conflict>) {
                let mut conflicts = Vec::new();
                let tallies = vec![$(($name, compare_in(&self.$field, &incoming.$field, &mut conflicts)),)*];
                (tallies, conflicts)
            }

            /// The newest stamp held, so that a clock can be moved past it.
            pub fn newest_stamp(&self) -> Option<&Stamp> {
                [$(self.$field.newest_stamp(),)*].into_iter().flatten().max()
            }

            /// Records written after `after_ms` (every record for `None`),
            /// the changes a backup made then would not hold.
            pub fn written_after(&self, after_ms: Option<u64>) -> Written {
                [$(Written::count(self.$field.all().map(|r| &r.stamp), after_ms),)*]
                    .into_iter()
                    .fold(Written::default(), Written::and)
            }
        }
    };
}

collections! {
    units: Unit = "units", label &["name"], sets &["predecessors"], settle |_r| (), rules |r, _today| r.problems();
    members: Member = "members", label &["family_name", "middle_name", "given_name"], sets &["status_history", "recognitions"], settle |r| { by_date(&mut r.status_history, |c| c.on); by_date(&mut r.recognitions, |c| c.on) }, rules |r, today| r.problems(today);
    groups: WomenGroup = "groups", label &["name"], sets &[], settle |_r| (), rules |r, _today| r.problems();
    roles: Role = "roles", label &["start"], sets &[], settle |_r| (), rules |r, today| r.problems(today);
    trainings: Training = "trainings", label &["title"], sets &["topics", "attendees"], settle |_r| (), rules |r, today| r.problems(today);
    models: Model = "models", label &[], sets &["stages", "participants", "sessions"], settle |r| {
        by_date(&mut r.stages, |c| c.on);
        by_date(&mut r.sessions, |s| s.on);
    }, rules |r, today| r.problems(today);
    activities: Activity = "activities", label &["on"], sets &["attendees", "excused"], settle |_r| (), rules |r, today| r.problems(today);
    fee_rates: FeeRate = "fee_rates", label &["year"], sets &[], settle |_r| (), rules |r, _today| r.problems(), id |r| Some(FeeRate::id(r.year));
    fees: FeePayment = "fees", label &["year"], sets &[], settle |_r| (), rules |r, today| r.problems(today), id |r| FeePayment::id(&r.member, r.year);
    denominators: Denominators = "denominators", label &["year"], sets &[], settle |_r| (), rules |r, _today| r.problems(), id |r| Some(Denominators::id(r.year));
    targets: Target = "targets", label &["indicator", "year"], sets &[], settle |_r| (), rules |r, _today| r.problems(), id |r| r.key();
    reports: UnitReport = "reports", label &["period"], sets &[], settle |_r| (), rules |r, today| r.problems(today), id |r| UnitReport::id(&r.unit, r.period);
    campaigns: Campaign = "campaigns", label &["name"], sets &[], settle |_r| (), rules |r, _today| r.problems();
    scores: Scores = "scores", label &[], sets &[], settle |_r| (), rules |r, today| r.problems(today), id |r| r.key();
}

/// A field two phones changed in one record, neither on top of the other's
/// change: which record, which field, both values and which one a merge keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub collection: &'static str,
    pub id: RecordId,
    /// The record's name for a person, where it has one.
    pub label: Option<String>,
    /// The field, or `deleted` for a deletion on one phone against edits on the other.
    pub field: String,
    /// The value on this device and in the file (`None`: empty).
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    /// Whether the file's value is the one a merge keeps.
    pub kept_theirs: bool,
}

impl Conflict {
    /// The value a merge does not keep.
    pub fn other(&self) -> Option<&Value> {
        if self.kept_theirs {
            self.mine.as_ref()
        } else {
            self.theirs.as_ref()
        }
    }
}

/// [`Book::compare`] for one kind of record.
fn compare_in<T: RecordData>(
    local: &Collection<T>,
    incoming: &Collection<T>,
    conflicts: &mut Vec<Conflict>,
) -> Tally {
    let mut tally = Tally::default();
    for theirs in incoming.all() {
        let mine = local.get(&theirs.id);
        let (outcome, found) = assess(mine, theirs);
        tally.add(outcome);
        let Some(mine) = mine.filter(|_| !found.is_empty()) else {
            continue;
        };
        let label = label_of(&mine.data);
        conflicts.extend(found.into_iter().map(|found| Conflict {
            collection: T::COLLECTION,
            id: mine.id.clone(),
            label: label.clone(),
            field: found.field,
            mine: found.mine,
            theirs: found.theirs,
            kept_theirs: found.kept_theirs,
        }));
    }
    tally
}

impl Book {
    /// Keeps the other value of each `chosen` conflict, each an edit made now
    /// on this device (her choice, which then wins on every phone); returns
    /// those that could not be kept: the record gone, or the value no longer
    /// fitting it.
    ///
    /// Done on the records' JSON and read back through restore, with its
    /// checks, then merged in: code every kind already has, so that the wasm
    /// holds no more per kind for a choice made now and then. Each collection
    /// is written out and read back once, however many of its records she chose.
    pub fn keep_others(
        &mut self,
        chosen: &[Conflict],
        clock: &mut Clock,
        now_ms: u64,
    ) -> Vec<Conflict> {
        let mut refused = Vec::new();
        let mut edits = Book::default();
        for name in Book::COLLECTIONS {
            let here: Vec<&Conflict> = chosen.iter().filter(|c| c.collection == *name).collect();
            if here.is_empty() {
                continue;
            }
            let id_of =
                |record: &Value| record.get("id").and_then(Value::as_str).map(str::to_owned);
            let mut records: Vec<Value> = match serde_json::from_str(&self.collection_json(name)) {
                Ok(Value::Array(all)) => all
                    .into_iter()
                    .filter(|r| {
                        here.iter()
                            .any(|c| id_of(r).as_deref() == Some(c.id.as_str()))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for conflict in &here {
                let record = records
                    .iter_mut()
                    .find(|r| id_of(r).as_deref() == Some(conflict.id.as_str()));
                let kept = record.is_some_and(|r| overrule(r, conflict, &clock.tick(now_ms)));
                if !kept {
                    refused.push((*conflict).clone());
                }
            }
            let read = edits.restore_one(
                name,
                FORMAT,
                Some(&Value::Array(records)),
                last_day(),
                u64::MAX,
            );
            let not_read = |c: &&&Conflict| match &read {
                Ok(rejected) => rejected
                    .iter()
                    .any(|r| r.id.as_deref() == Some(c.id.as_str())),
                Err(_) => true,
            };
            refused.extend(here.iter().filter(not_read).map(|c| (**c).clone()));
        }
        self.merge_in(edits);
        refused
    }
}

/// The record (as written) with the field of `conflict` given the value the
/// merge did not keep, changed at `stamp`; false, and the record untouched,
/// when it is no record. The record's own stamp moves, so a part written `=`
/// (the old stamp) is written out in full first.
fn overrule(record: &mut Value, conflict: &Conflict, stamp: &Stamp) -> bool {
    let Value::Object(map) = record else {
        return false;
    };
    let (Some(old), Some(Value::Object(_))) = (map.get("stamp").cloned(), map.get("data")) else {
        return false;
    };
    let same = Value::from(SAME_STAMP);
    let mut listed = false;
    for name in ["fields", "replaced", "added", "removed"] {
        let Some(Value::Object(parts)) = map.get_mut(name) else {
            continue;
        };
        listed |= !parts.is_empty();
        let nested = matches!(name, "added" | "removed");
        for value in parts.values_mut() {
            let stamps: Vec<&mut Value> = match value {
                Value::Object(elements) if nested => elements.values_mut().collect(),
                other => vec![other],
            };
            stamps
                .into_iter()
                .filter(|v| **v == same)
                .for_each(|v| *v = old.clone());
        }
    }
    if !listed && !map.contains_key("since") {
        map.insert("since".into(), old);
    }
    map.insert("stamp".into(), stamp.to_string().into());
    if let Value::Object(fields) = map
        .entry("fields")
        .or_insert_with(|| Value::Object(Map::new()))
    {
        fields.insert(conflict.field.clone(), same);
    }
    let other = conflict.other().cloned();
    if conflict.field == DELETED {
        match other {
            Some(Value::Bool(true)) => map.insert("deleted".into(), Value::Bool(true)),
            _ => map.remove("deleted"),
        };
    } else if let Some(Value::Object(data)) = map.get_mut("data") {
        match other {
            Some(value) => data.insert(conflict.field.clone(), value),
            None => data.remove(&conflict.field),
        };
    }
    true
}

impl Book {
    /// The collections as the file format's `data` object.
    pub fn to_data(&self) -> String {
        let parts: Vec<String> = Book::COLLECTIONS
            .iter()
            .map(|name| format!("\"{name}\":{}", self.collection_json(name)))
            .collect();
        format!("{{{}}}", parts.join(","))
    }

    /// Reads the `data` object of a file written in format `format`. A record
    /// stamped after the end of tomorrow (UTC) is refused, since a stamp from the
    /// future would win every later merge. Storage keeps its own stamps: a
    /// phone whose clock was once ahead must still open its own records.
    pub fn restore(
        format: u32,
        data: &Map<String, Value>,
        today: Date,
    ) -> Result<(Book, Vec<Rejection>), FileError> {
        let mut book = Book::default();
        let mut rejected = Vec::new();
        let stamps_until = u64::try_from(today.days_since_epoch() + 2).unwrap_or(0) * 86_400_000;
        for name in Book::COLLECTIONS {
            if let Some(Value::Array(items)) = data.get(*name) {
                if items.len() > MAX_RECORDS {
                    return Err(FileError::TooManyRecords {
                        collection: name,
                        count: items.len(),
                    });
                }
            }
            rejected.extend(book.restore_one(
                name,
                format,
                data.get(*name),
                today,
                stamps_until,
            )?);
        }
        Ok((book, rejected))
    }

    /// Takes out of the units just read those that close a loop among
    /// themselves, and names each: a walk up the tree must end, for a file
    /// as for a damaged store (which keeps the stored text aside).
    fn refuse_loops(&mut self, items: Option<&Value>) -> Vec<Rejection> {
        loops_closed(&Collection::default(), &self.units)
            .into_iter()
            .map(|(id, problem)| {
                self.units.remove(&id);
                let problems = vec![FieldProblem::new("data.parent", problem)];
                rejection_in(Unit::COLLECTION, Unit::LABEL_FIELDS, items, &id, problems)
            })
            .collect()
    }

    /// The home unit's name, or an empty string before set-up.
    pub fn unit_name(&self, home: Option<&RecordId>) -> String {
        home.and_then(|id| self.units.get(id))
            .map(|u| u.data.name.clone())
            .unwrap_or_default()
    }

    /// The home unit and those above it, nearest first.
    pub fn unit_chain(&self, home: Option<&RecordId>) -> Vec<&Record<Unit>> {
        home.map(|id| with_ancestors(&self.units, id))
            .unwrap_or_default()
    }
}

/// Most records of one kind a file may hold: more than localStorage's five
/// million characters could keep (a record takes at least fifty), so a file
/// with more is refused before its records are read one by one.
pub const MAX_RECORDS: usize = 100_000;

/// This device's own state, kept beside the book but never sent in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceState {
    pub clock: Clock,
    /// The unit this device keeps the book for; `None` until set-up.
    #[serde(default)]
    pub home: Option<RecordId>,
    /// When the last backup file was made (ms since 1970).
    #[serde(default)]
    pub last_backup_ms: Option<u64>,
    /// The backup reminder was put off until then (ms since 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_snoozed_until_ms: Option<u64>,
}

impl DeviceState {
    /// A device seen for the first time: its clock at zero, no unit yet.
    pub fn new(device: DeviceId) -> DeviceState {
        DeviceState {
            clock: Clock::new(device),
            home: None,
            last_backup_ms: None,
            reminder_snoozed_until_ms: None,
        }
    }

    /// First run on this device for `setup`: the book of the units it names,
    /// this device keeping the last of them (her own unit).
    pub fn set_up(&mut self, setup: &UnitSetup, now_ms: u64) -> Book {
        let mut book = Book::default();
        for unit in setup.build(|| self.clock.tick(now_ms)) {
            self.home = Some(unit.id.clone());
            book.units.put(unit);
        }
        book
    }
    /// The device's clock moved past every stamp in `incoming`, so that what
    /// is edited after an import is newer than all it brought.
    pub fn clock_after(&self, incoming: &Book) -> Clock {
        let mut clock = self.clock.clone();
        if let Some(stamp) = incoming.newest_stamp() {
            clock.observe(stamp);
        }
        clock
    }

    /// This state after another tab of the same browser saved `other`: the
    /// clock past both, the later backup and snooze, and the unit if only the
    /// other tab was set up. Taking either whole would undo the other's news.
    pub fn absorb(&mut self, other: &DeviceState) {
        self.clock.catch_up(&other.clock);
        if self.home.is_none() {
            self.home.clone_from(&other.home);
        }
        self.last_backup_ms = self.last_backup_ms.max(other.last_backup_ms);
        self.reminder_snoozed_until_ms = self
            .reminder_snoozed_until_ms
            .max(other.reminder_snoozed_until_ms);
    }

    /// The stored form: the state behind the same `app` and `format` marker a file has.
    pub fn to_stored(&self) -> Value {
        let mut value = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            map.insert("app".into(), APP.into());
            map.insert("format".into(), FORMAT.into());
        }
        value
    }

    /// Reads the stored form; returns the state and the format it was written in.
    pub fn from_stored(value: &Value) -> Result<(DeviceState, u32), FileError> {
        let Value::Object(object) = value else {
            return Err(FileError::NotAnObject);
        };
        let format = check_app_and_format(object)?;
        let state =
            DeviceState::deserialize(value).map_err(|_| FileError::BadHeader { field: "clock" })?;
        Ok((state, format))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::stamp::DeviceId;

    #[test]
    fn another_tabs_device_state_is_absorbed_not_taken_whole() {
        let mut mine = DeviceState {
            clock: Clock::new(DeviceId::from_random([3; 8])),
            home: None,
            last_backup_ms: Some(50),
            reminder_snoozed_until_ms: None,
        };
        let mut theirs = mine.clone();
        mine.clock.tick(100);
        theirs.clock.tick(200);
        theirs.home = RecordId::parse("u1");
        theirs.last_backup_ms = None;
        theirs.reminder_snoozed_until_ms = Some(9);
        mine.absorb(&theirs);
        assert_eq!(mine.clock.wall_ms, 200);
        assert!(
            mine.clock.tick(150).wall_ms >= 200,
            "never behind the other tab"
        );
        assert_eq!(mine.home, RecordId::parse("u1"));
        assert_eq!(mine.last_backup_ms, Some(50), "a backup is not forgotten");
        assert_eq!(mine.reminder_snoozed_until_ms, Some(9));
    }

    #[test]
    fn device_state_round_trips_behind_the_marker() {
        let state = DeviceState {
            clock: Clock::new(DeviceId::from_random([3; 8])),
            home: RecordId::parse("abc"),
            last_backup_ms: Some(5),
            reminder_snoozed_until_ms: Some(7),
        };
        let stored = state.to_stored();
        assert_eq!(stored["app"], APP);
        assert_eq!(DeviceState::from_stored(&stored), Ok((state, FORMAT)));
        let mut newer = stored.clone();
        newer["format"] = (FORMAT + 1).into();
        assert_eq!(
            DeviceState::from_stored(&newer),
            Err(FileError::NewerFormat {
                found: u64::from(FORMAT + 1)
            })
        );
    }

    #[test]
    fn every_collection_is_written_and_read_back() {
        let data = Book::default().to_data();
        let value: Value = serde_json::from_str(&data).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), Book::COLLECTIONS.len());
        let (book, rejected) = Book::restore(
            FORMAT,
            value.as_object().unwrap(),
            Date::new(2026, 1, 1).unwrap(),
        )
        .unwrap();
        assert_eq!(book, Book::default());
        assert!(rejected.is_empty());
    }
}
