//! Importing any file: its header read and checked, the file handed to its
//! kind (backup, report, plan, transfer) for a preview, then whatever the
//! file would leave broken in the book refused, whatever the kind.

use super::preview::ImportPreview;
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{read_envelope, FileError, FileKind};
use crate::domain::kernel::date::Date;

/// Reads a file of any kind and works out what importing it would do.
pub fn preview_import(
    bytes: &[u8],
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPreview, FileError> {
    let envelope = read_envelope(bytes)?;
    let preview = match envelope.kind {
        FileKind::Backup | FileKind::Update => {
            super::backup::preview_backup(&envelope, book, device, now_ms, today)
        }
        FileKind::Report => {
            super::report_file::preview_report(&envelope, book, device, now_ms, today)
        }
        FileKind::Plan => super::plan_file::preview_plan(&envelope, book, device, now_ms, today),
        FileKind::Transfer => {
            super::transfer::preview_transfer(&envelope, book, device, now_ms, today)
        }
    };
    let mut preview = preview?;
    preview.refuse_broken(book, &envelope.data);
    if preview
        .home
        .as_ref()
        .is_some_and(|home| !preview.taken.holds("units", home) && !book.holds("units", home))
    {
        return Err(FileError::BadHeader { field: "unit" });
    }
    Ok(preview)
}
