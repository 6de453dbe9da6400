//! A file a unit sends (backup, update, report, plan, transfer): written for
//! this device's unit, named for its kind, unit and day; read back as the
//! collections its kind may hold, and nothing else.

use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{
    write_envelope, Envelope, FileError, FileKind, OutFile, UnitRef,
};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::{iso_instant, Date};
use crate::domain::kernel::name::slug;

/// The file of `kind` this device's unit sends: the header, then `data` (a
/// JSON object's text), named for the kind, the unit, `detail` (a report's
/// periods; may be empty) and the day. `None` before set-up.
pub fn write_file(
    kind: FileKind,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
    detail: &str,
    data: &str,
) -> Option<OutFile> {
    let home = device.home.as_ref()?;
    let name = book.units.get(home)?.data.name.clone();
    let file_name = [kind.word(), &slug(&name), detail, &today.iso()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let unit = UnitRef {
        id: home.clone(),
        name,
    };
    let created = iso_instant(now_ms);
    // Between phones of the unit, what this book has seen: the other phone's
    // next update file for this one holds the rest.
    let seen = matches!(kind, FileKind::Backup | FileKind::Update).then(|| book.seen());
    Some(OutFile {
        name: format!("{file_name}.json"),
        contents: write_envelope(
            kind,
            &created,
            &device.clock.device,
            &unit,
            seen.as_ref(),
            data,
        ),
    })
}

/// The file's records, for a kind that may hold only the `allowed`
/// collections (a report, a plan): any other one means the file is not
/// what it says it is, and nothing of it is taken.
pub fn restore_only(
    envelope: &Envelope,
    allowed: &[&str],
    today: Date,
) -> Result<(Book, Vec<Rejection>), FileError> {
    if let Some(name) = Book::COLLECTIONS
        .iter()
        .find(|name| !allowed.contains(name) && envelope.data.get(**name).is_some())
    {
        return Err(FileError::UnexpectedCollection {
            kind: envelope.kind,
            collection: name,
        });
    }
    Book::restore(envelope.format, &envelope.data, today)
}
