//! Backup files: writing everything a device holds, and importing a backup as a
//! previewed, all-or-nothing merge.
//!
//! The preview is computed in full before anything changes: counts of what is
//! new, updated, deleted, unchanged and older, every rejected record with its
//! reason, and the book as it will be after applying. Applying just takes that book.

use super::book::{Book, DeviceState};
use super::date::{iso_instant, Date};
use super::envelope::{read_envelope, write_envelope, Envelope, FileError, FileKind, UnitRef};
pub use super::merge::Tally;
use super::name::slug;
use super::restore::Rejection;
use super::stamp::Clock;

/// A backup file ready to be saved.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupFile {
    /// ASCII, so that messengers keep it: `sao-luu_chi-hoi-thon-dong_2026-11-29.json`.
    pub name: String,
    pub contents: String,
}

/// The backup of everything this device holds; `None` before set-up.
pub fn write_backup(
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Option<BackupFile> {
    let home = device.home.as_ref()?;
    let unit = book.units.get(home)?;
    let unit_ref = UnitRef {
        id: home.clone(),
        name: unit.data.name.clone(),
    };
    let contents = write_envelope(
        FileKind::Backup,
        &iso_instant(now_ms),
        &device.clock.device,
        &unit_ref,
        &book.to_data(),
    );
    let name = format!("sao-luu_{}_{}.json", slug(&unit.data.name), today.iso());
    Some(BackupFile { name, contents })
}

/// What importing a backup would do, computed before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The unit the file is a backup of.
    pub unit: UnitRef,
    /// When it was made, as written in the file.
    pub created: String,
    /// What would happen to each collection, in the order of [`Book::COLLECTIONS`].
    pub tallies: Vec<(&'static str, Tally)>,
    /// Records that will not be imported, each with its reasons.
    pub rejected: Vec<Rejection>,
    /// The device takes the file's unit as its own: it had none, or it was set
    /// up but holds no member yet (a new phone restoring the old one's backup).
    pub adopts_unit: bool,
    /// The book after applying.
    result: Book,
    /// The device's clock after applying, moved past every imported stamp.
    clock: Clock,
}

impl ImportPlan {
    /// Whether applying would change anything at all.
    pub fn changes(&self) -> bool {
        self.adopts_unit || self.tallies.iter().any(|(_, t)| t.changes())
    }

    /// The tally of one collection.
    pub fn tally(&self, collection: &str) -> Tally {
        self.tallies
            .iter()
            .find(|(name, _)| *name == collection)
            .map(|(_, t)| *t)
            .unwrap_or_default()
    }

    /// Applies the whole plan: returns the new book and updates the device state.
    pub fn apply(self, device: &mut DeviceState) -> Book {
        device.home = Some(self.unit.id);
        device.clock = self.clock;
        self.result
    }
}

/// Reads a backup file and works out what importing it would do.
pub fn plan_import(
    bytes: &[u8],
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPlan, FileError> {
    let Envelope {
        kind,
        format,
        created,
        unit,
        data,
        ..
    } = read_envelope(bytes)?;
    match kind {
        FileKind::Backup => {}
    }
    let (incoming, rejected) = Book::restore(format, &data, today)?;
    if incoming.units.get(&unit.id).is_none_or(|u| u.deleted) {
        return Err(FileError::BadHeader { field: "unit" });
    }
    let mut clock = device.clock.clone();
    let adopts_unit = match &device.home {
        Some(home) if *home == unit.id => false,
        Some(home) if !book.members.is_empty() => {
            return Err(FileError::OtherUnit {
                file_unit: unit.name,
                own_unit: book.unit_name(Some(home)),
            })
        }
        _ => true,
    };
    let mut local_units = book.units.clone();
    if adopts_unit {
        // The units made at set-up give way to the file's: kept as tombstones.
        let retired: Vec<_> = book
            .units
            .live()
            .filter(|u| incoming.units.get(&u.id).is_none())
            .map(|u| u.with_deleted(clock.tick(now_ms), true))
            .collect();
        retired.into_iter().for_each(|u| local_units.put(u));
    }
    if let Some(stamp) = incoming.newest_stamp() {
        clock.observe(stamp);
    }
    let tallies = book.tallies(&incoming);
    let local = Book {
        units: local_units,
        ..book.clone()
    };
    let result = local.merged(&incoming);
    Ok(ImportPlan {
        tallies,
        unit,
        created,
        rejected,
        adopts_unit,
        result,
        clock,
    })
}
