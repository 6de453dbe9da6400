//! Importing any file as a previewed, all-or-nothing merge.
//!
//! The preview is computed in full before anything changes: counts of what is
//! new, updated, deleted, unchanged and older for each kind of record, every
//! rejected record with its reason, notes on what the file does to the unit
//! tree, and the book as it will be after applying. Applying just takes that book.

use crate::domain::book::collections::{Book, Conflict, DeviceState};
use crate::domain::book::references::Broken;
use crate::domain::file::envelope::{position_in, FileKind, UnitRef};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::merge::Tally;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::problem::FieldProblem;
use crate::domain::kernel::record::RecordId;
use crate::domain::kernel::seen::Peer;
use crate::domain::kernel::stamp::Clock;
use crate::domain::records::unit::loops_closed;
use serde_json::{Map, Value};

/// Something the preview tells before she applies a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A unit new to this device will be placed under another.
    Attaches { unit: String, under: String },
    /// The file names a unit above the sender that this device does not know.
    ParentUnknown { unit: String, parent: String },
    /// The sender is not below this device's unit.
    NotBelow { unit: String },
    /// A report for a period that has not started yet.
    FuturePeriod { unit: String, period: Period },
    /// Indicator codes this version does not know: kept, not shown.
    UnknownIndicators { codes: Vec<String> },
    /// A unit the office had listed by hand is the sender: the listed one gives way.
    ReplacesListed { unit: String },
    /// A member moving in from the chapter `from` on `on`; `known` names the
    /// member of the register she is, when she is already there.
    Arrives {
        name: String,
        from: String,
        on: Date,
        known: Option<String>,
    },
    /// A member moving in matches several members of the register: which
    /// one she is cannot be told, and nothing is taken.
    ArrivesAmbiguous { name: String, known: Vec<String> },
    /// The unit above, typed at set-up, gives way to the office the plan is from.
    ReplacesParent {
        unit: String,
        old: String,
        new: String,
    },
}

/// What importing a file would do, computed before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub kind: FileKind,
    /// The unit the file is from.
    pub unit: UnitRef,
    /// When it was made, as written in the file.
    pub created: String,
    /// What would happen to each collection, in the order of [`Book::COLLECTIONS`].
    pub tallies: Vec<(&'static str, Tally)>,
    /// Records that will not be imported, each with its reasons.
    pub rejected: Vec<Rejection>,
    /// Fields this device and the file both changed: both values, and which
    /// one applying keeps (she may choose the other, [`Book::keep_others`]).
    pub conflicts: Vec<Conflict>,
    pub notes: Vec<Note>,
    /// The unit this device will keep the book for, when the file changes it
    /// (a backup restored on a new phone).
    pub home: Option<RecordId>,
    /// Another phone of the unit, by what its backup or update file says
    /// its book had seen: remembered once applied, for the update file back
    /// (kept apart from the book, `storage::local::peers`).
    pub peer: Option<Peer>,
    /// The records the file brings, merged into the book when applied.
    pub(crate) taken: Book,
    /// The device's clock after applying, moved past every imported stamp.
    pub(crate) clock: Clock,
}

impl ImportPreview {
    /// Whether applying would change anything at all.
    pub fn changes(&self) -> bool {
        self.home.is_some() || self.tallies.iter().any(|(_, t)| t.changes())
    }

    /// Whether the device takes the file's unit as its own.
    pub fn adopts_unit(&self) -> bool {
        self.home.is_some()
    }

    /// The tally of one collection.
    pub fn tally(&self, collection: &str) -> Tally {
        self.tallies
            .iter()
            .find(|(name, _)| *name == collection)
            .map(|(_, t)| *t)
            .unwrap_or_default()
    }

    /// The preview of taking the records of `taken` from the file of `unit`
    /// into `book`, with nothing refused and nothing to note yet.
    pub(crate) fn taking(
        kind: FileKind,
        unit: UnitRef,
        created: String,
        book: &Book,
        taken: Book,
        clock: Clock,
    ) -> ImportPreview {
        let (tallies, conflicts) = book.compare(&taken);
        ImportPreview {
            kind,
            unit,
            created,
            tallies: tallies.into_iter().filter(|(_, t)| !t.is_empty()).collect(),
            rejected: Vec::new(),
            conflicts,
            notes: Vec::new(),
            home: None,
            peer: None,
            taken,
            clock,
        }
    }

    /// Refuses what the file's records would leave broken in the book,
    /// whatever the kind of file: a unit that closes a loop in the tree
    /// (the file may be sound alone and loop only with what this device
    /// holds), then every record naming one that neither the book nor the
    /// file holds, again until none is left, since a refused record takes
    /// those naming it with it (a group and its members).
    pub(crate) fn refuse_broken(&mut self, book: &Book, data: &Map<String, Value>) {
        let mut broken: Vec<Broken> = loops_closed(&book.units, &self.taken.units)
            .into_iter()
            .map(|(id, problem)| Broken {
                collection: "units",
                label: self.taken.units.get(&id).map(|u| u.data.name.clone()),
                id,
                problems: vec![FieldProblem::new("data.parent", problem)],
            })
            .collect();
        loop {
            if broken.is_empty() {
                let rejected = &self.rejected;
                let refused = |collection: &str, id: &RecordId| {
                    rejected
                        .iter()
                        .any(|r| r.collection == collection && r.id.as_deref() == Some(id.as_str()))
                };
                broken = self.taken.dangling(book, &refused);
            }
            if broken.is_empty() {
                return;
            }
            for Broken {
                collection,
                id,
                label,
                problems,
            } in broken.drain(..)
            {
                self.conflicts
                    .retain(|c| c.collection != collection || c.id != id);
                if let Some(outcome) = self.taken.take_out(collection, &id, book) {
                    if let Some((_, tally)) =
                        self.tallies.iter_mut().find(|(c, _)| *c == collection)
                    {
                        tally.forget(outcome);
                    }
                }
                self.rejected.push(Rejection {
                    collection,
                    index: position_in(data, collection, &id),
                    id: Some(id.to_string()),
                    label,
                    problems,
                });
            }
        }
    }

    /// Applies the whole preview to `book`, the book it was made from: returns
    /// the new book and updates the device state. The file's records are
    /// merged in place; a book that moved on since keeps whatever of it is
    /// newer, as merging always does.
    pub fn apply(self, mut book: Book, device: &mut DeviceState) -> Book {
        device.clock = self.clock;
        if let Some(home) = self.home {
            device.home = Some(home);
            if self.kind == FileKind::Backup {
                // A phone restored from a backup holds what the file holds:
                // it is backed up until she changes something.
                device.last_backup_ms = Some(device.clock.wall_ms);
            }
        }
        book.merge_in(self.taken);
        book
    }
}
