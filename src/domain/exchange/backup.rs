//! Backup files: everything a device holds, personal data included, to move
//! to a new phone or hand a chapter over; update files: what another phone
//! of the same unit has not seen, by what its last file said; and what
//! importing either would do, with what the sender's book had seen.

use super::preview::ImportPreview;
use super::unit_file::write_file;
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{Envelope, FileError, FileKind, OutFile};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::seen::{Peer, Seen};

/// The backup of everything this device holds; `None` before set-up.
pub fn write_backup(
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Option<OutFile> {
    write_file(
        FileKind::Backup,
        book,
        device,
        now_ms,
        today,
        "",
        &book.to_data(),
    )
}

/// The update file of this device for another phone of its unit whose book
/// had seen `seen` (by its last file taken in here): every record holding a
/// change it lacks, whole, with the stamps of its parts, and the device's own
/// unit (the unit a file speaks for is one of its units). `None` before set-up.
pub fn write_update(
    book: &Book,
    device: &DeviceState,
    seen: &Seen,
    now_ms: u64,
    today: Date,
) -> Option<OutFile> {
    let home = device.home.as_ref()?;
    let unseen = book.unseen_by(seen, home);
    write_file(
        FileKind::Update,
        book,
        device,
        now_ms,
        today,
        "",
        &unseen.to_data(),
    )
}

/// Works out what importing a backup would do: the device takes every record,
/// and takes the file's unit as its own if it keeps none yet (or keeps one
/// but holds no member: a new phone restoring the old one's backup). An
/// update file is taken the same way, by a device of its unit only: it holds
/// too little to start a phone with.
pub(crate) fn preview_backup(
    envelope: &Envelope,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPreview, FileError> {
    let Envelope {
        kind,
        format,
        created,
        device: sender,
        unit,
        seen,
        data,
    } = envelope;
    let (mut incoming, rejected) = Book::restore(*format, data, today)?;
    if incoming.units.get(&unit.id).is_none_or(|u| u.deleted) {
        return Err(FileError::BadHeader { field: "unit" });
    }
    let mut clock = device.clock.clone();
    let adopts_unit = match &device.home {
        Some(home) if *home == unit.id => false,
        None if *kind == FileKind::Update => return Err(FileError::NeedsSetUp),
        Some(home) if *kind == FileKind::Update => {
            return Err(FileError::OtherUnit {
                file_unit: unit.name.clone(),
                own_unit: book.unit_name(Some(home)),
            })
        }
        Some(home) if !book.members.is_empty() => {
            return Err(FileError::OtherUnit {
                file_unit: unit.name.clone(),
                own_unit: book.unit_name(Some(home)),
            })
        }
        _ => true,
    };
    if let Some(stamp) = incoming.newest_stamp() {
        clock.observe(stamp);
    }
    let (tallies, conflicts) = book.compare(&incoming);
    if adopts_unit {
        // The units made at set-up give way to the file's: kept as
        // tombstones, stamped after everything the file brings.
        let retired: Vec<_> = book
            .units
            .live()
            .filter(|u| incoming.units.get(&u.id).is_none())
            .map(|u| u.with_deleted(clock.tick(now_ms), true))
            .collect();
        retired.into_iter().for_each(|u| incoming.units.put(u));
    }
    Ok(ImportPreview {
        kind: *kind,
        tallies,
        home: adopts_unit.then(|| unit.id.clone()),
        unit: unit.clone(),
        created: created.clone(),
        rejected,
        conflicts,
        notes: Vec::new(),
        peer: seen
            .clone()
            .filter(|_| *sender != device.clock.device)
            .map(|seen| Peer {
                device: sender.clone(),
                seen,
                taken_ms: now_ms,
            }),
        taken: incoming,
        clock,
    })
}
