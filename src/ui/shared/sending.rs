//! Sending a file the app wrote: the phone's share sheet where the browser can
//! share files, a download otherwise (a workbook is always downloaded), and
//! what happened said in words.

use crate::domain::file::envelope::OutFile;
use crate::domain::kernel::sheet::Sheet;
use crate::storage::files::{download_bytes, send, Sent};
use crate::storage::xlsx::XlsxError;
use crate::ui::i18n::t;
use crate::ui::state::AppState;
use leptos::task::spawn_local;

/// Sends `file` and says how it went. `saved_hint` follows "Đã tạo tệp «…»."
/// when the file was saved as a download, to say where it should go next;
/// `cancelled` is said when she closed the share sheet; `sent` runs once the
/// file has left, shared or saved.
pub fn send_file(
    state: AppState,
    file: OutFile,
    saved_hint: &'static str,
    cancelled: &'static str,
    sent: impl FnOnce() + 'static,
) {
    spawn_local(async move {
        let how = send(&file.name, &file.contents, "application/json").await;
        if matches!(how, Sent::Shared | Sent::Downloaded) {
            sent();
        }
        state.tell(match how {
            Sent::Shared => t::file_shared(&file.name),
            Sent::Downloaded => t::file_saved(&file.name, saved_hint),
            Sent::Cancelled => cancelled.to_owned(),
            Sent::Failed => t::file_refused().to_owned(),
        });
    });
}

/// The media type of an Excel workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Why the spreadsheet worker gave nothing back, in her words.
pub fn xlsx_error_text(problem: &XlsxError) -> String {
    match problem {
        XlsxError::Failed => t::xlsx_error().to_owned(),
        XlsxError::NoWorker => t::xlsx_no_worker().to_owned(),
        XlsxError::NotSent => t::xlsx_not_sent().to_owned(),
        XlsxError::Writer(detail) => detail.clone(),
    }
}

/// Has the spreadsheet worker write `sheet` as the workbook `name`,
/// downloads it, and says how it went.
pub fn download_workbook(state: AppState, name: String, sheet: Sheet) {
    state.tell(t::making_excel());
    spawn_local(async move {
        match crate::storage::xlsx::make(&sheet).await {
            Ok(bytes) if download_bytes(&name, &bytes, XLSX) => state.tell(t::file_made(&name)),
            Ok(_) => state.tell(t::file_refused()),
            Err(problem) => state.tell(t::excel_failed(xlsx_error_text(&problem))),
        }
    });
}
