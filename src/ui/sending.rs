//! Sending a file the app wrote: the phone's share sheet where the browser can
//! share files, a download otherwise, and what happened said in words.

use super::state::AppState;
use crate::domain::envelope::OutFile;
use crate::storage::files::{send, Sent};
use crate::ui::i18n::t;
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
