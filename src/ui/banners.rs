//! Messages that stay at the top of every page until dealt with: the sample
//! space, a save that failed, data that could not be read at start-up, a new
//! version waiting to be applied, storage nearly full, a backup due.

use super::files_page::make_backup;
use super::messages::{load_problem_text, save_error_text};
use super::state::{use_app, AppState};
use crate::domain::reminder::{backup_due, snooze, Reminder, CHANGES, DAYS};
use crate::domain::storage_meter::{fill, percent_used, Fill};
use crate::storage::device::now_ms;
use crate::storage::local::{usage, Space};
use crate::storage::service_worker::apply_update;
use leptos::prelude::*;

/// Opens the other space: her own book by reloading into it, a sample
/// through the sample page, which makes it first.
pub fn switch_space(state: AppState, space: Space) {
    match space.open_next() {
        Ok(()) if space.is_sample() => super::sample::open_page(),
        Ok(()) => {
            let _ = window().location().set_hash("");
            let _ = window().location().reload();
        }
        Err(error) => state.tell(save_error_text(&error)),
    }
}

/// When the app reminds her of backups, in one sentence.
pub fn reminder_rule() -> String {
    format!("Sổ sẽ nhắc sao lưu khi đã quá {DAYS} ngày hoặc có hơn {CHANGES} thay đổi kể từ lần sao lưu trước.")
}

fn reminder_text(reminder: Reminder) -> String {
    let since = match reminder.days {
        Some(days) => format!(
            "Đã {days} ngày chưa sao lưu, với {} thay đổi.",
            reminder.changes
        ),
        None => format!(
            "Sổ chưa được sao lưu lần nào; đã có {} thay đổi.",
            reminder.changes
        ),
    };
    format!("{since} Nếu mất máy hoặc xoá dữ liệu trình duyệt, chỉ tệp sao lưu giữ lại được sổ.")
}

/// A quiet offer of a backup when one is due; «Để sau» puts it off for days.
#[component]
fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let due = move || {
        let (last, snoozed) = state
            .device
            .with(|d| (d.last_backup_ms, d.reminder_snoozed_until_ms));
        let written = state.book.with(|b| b.written_after(last));
        backup_due(written, last, snoozed, now_ms())
    };
    let later = move |_| {
        let until = snooze(now_ms());
        state
            .device
            .update(|d| d.reminder_snoozed_until_ms = Some(until));
    };
    move || {
        due().map(|reminder| view! {
            <div class="banner reminder" role="note">
                <p>{reminder_text(reminder)}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| make_backup(state)>"Sao lưu ngay"</button>
                    <button type="button" class="button" on:click=later>"Để sau"</button>
                </div>
            </div>
        })
    }
}

/// Storage nearly full, measured when the page opens.
#[component]
fn StorageWarning() -> impl IntoView {
    let used: usize = usage().iter().map(|(_, chars)| chars).sum();
    (fill(used) == Fill::Tight).then(|| view! {
        <div class="banner warn" role="alert">
            <p>{format!("Bộ nhớ trình duyệt đã dùng {}%. Khi đầy, sổ không lưu được nữa.", percent_used(used))}</p>
            <a class="button" href=super::route::Route::Settings.href()>"Xem bộ nhớ"</a>
        </div>
    })
}

#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let demo = match state.space {
        Space::Own => None,
        Space::Demo => Some("Đang xem dữ liệu mẫu (chi hội không có thật)."),
        Space::DemoCluster => Some("Dữ liệu mẫu: cụm thi đua năm 2023. Số liệu Bắc Ninh, Hà Nam, Quảng Ninh, các mô hình theo bài báo; còn lại là minh họa."),
    };
    view! {
        <div class="banners" role="region" aria-label="Thông báo">
            {demo.map(|text| view! {
                <div class="banner demo" role="note">
                    <p>{text}</p>
                    <button type="button" class="button" aria-label="Thoát dữ liệu mẫu" on:click=move |_| switch_space(state, Space::Own)>"Thoát"</button>
                </div>
            })}
            {move || state.update_ready.get().then(|| view! {
                <div class="banner update" role="status">
                    <p>"Đã có phiên bản mới của Sổ tay. Dữ liệu trong máy giữ nguyên khi cập nhật."</p>
                    <button type="button" class="button primary" on:click=move |_| apply_update()>"Cập nhật"</button>
                </div>
            })}
            {(!state.space.is_sample()).then(|| view! { <BackupReminder/> })}
            <StorageWarning/>
            {move || state.save_error.get().map(|error| view! {
                <div class="banner error" role="alert">
                    <p>{save_error_text(&error)}</p>
                    <button type="button" class="button" on:click=move |_| make_backup(state)>"Tạo tệp sao lưu"</button>
                </div>
            })}
            {move || {
                let problems = state.load_problems.get();
                (!problems.is_empty()).then(|| view! {
                    <div class="banner warn" role="alert">
                        {problems.iter().map(|p| view! { <p>{load_problem_text(p)}</p> }).collect_view()}
                        <div class="actions">
                            <a class="button" href=super::route::Route::Files.href()>"Xem dữ liệu cất riêng"</a>
                            <button type="button" class="button" on:click=move |_| state.load_problems.set(Vec::new())>"Đã hiểu"</button>
                        </div>
                    </div>
                })
            }}
        </div>
    }
}
