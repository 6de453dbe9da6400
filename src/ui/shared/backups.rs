//! Backups, which more than one place offers: the files page, the reminder
//! at the top of every page, the settings.

use crate::domain::exchange::backup::write_backup;
use crate::domain::file::envelope::OutFile;
use crate::ui::i18n::t;
use crate::ui::shared::format::date_time;
use crate::ui::shared::sending::send_file;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The backup of everything this device holds, made now; before set-up
/// there is none, and she is told.
pub fn backup_file(state: AppState) -> Option<OutFile> {
    let file = state.book.with_untracked(|b| {
        state
            .device
            .with_untracked(|d| write_backup(b, d, state.now_ms(), state.today()))
    });
    if file.is_none() {
        state.tell(t::no_unit_to_back_up());
    }
    file
}

/// Offers a backup file to the share sheet (or saves it as a download), and
/// remembers when.
pub fn send_backup(state: AppState, file: OutFile) {
    send_file(
        state,
        file,
        t::backup_saved_hint(),
        t::backup_not_sent(),
        move || state.mark_backup(),
    );
}

/// Makes a backup and sends it.
pub fn make_backup(state: AppState) {
    if let Some(file) = backup_file(state) {
        send_backup(state, file);
    }
}

/// When the last backup was made and how much changed since: what a
/// backup made now would save.
#[component]
pub fn BackupStatus() -> impl IntoView {
    let state = use_app();
    let text = move || {
        let last = state.device.with(|d| d.last_backup_ms);
        let changes = state.book.with(|b| b.written_after(last).count);
        match last {
            Some(ms) => t::last_backup(date_time(&(ms as f64).into()), changes),
            None => t::never_backed_up(changes),
        }
    };
    view! { <p class="note">{text}</p> }
}
