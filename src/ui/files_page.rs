//! Backups: making one, importing one, and copies of unreadable data kept aside.

use super::format::date_time;
use super::import_panel::ImportPanel;
use super::route::Route;
use super::sending::send_file;
use super::state::{use_app, AppState};
use crate::domain::backup::write_backup;
use crate::storage::device::{now_ms, today};
use crate::storage::files::download;
use crate::storage::local::{aside_copies, remove_aside};
use leptos::prelude::*;

/// Makes a backup of everything this device holds, offers it to the share
/// sheet (or saves it as a download), and remembers when.
pub fn make_backup(state: AppState) {
    let file = state.book.with_untracked(|b| {
        state
            .device
            .with_untracked(|d| write_backup(b, d, now_ms(), today()))
    });
    let Some(file) = file else {
        state.tell("Chưa có đơn vị nào để sao lưu.");
        return;
    };
    send_file(
        state,
        file,
        "Hãy cất tệp ở nơi an toàn.",
        "Chưa gửi tệp sao lưu.",
        move || state.mark_backup(),
    );
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
            Some(ms) => format!(
                "Lần sao lưu gần nhất: {}. Từ đó đến nay: {changes} thay đổi.",
                date_time(&(ms as f64).into())
            ),
            None => format!("Máy này chưa tạo tệp sao lưu nào; sổ có {changes} bản ghi."),
        }
    };
    view! { <p class="note">{text}</p> }
}

#[component]
pub fn FilesPage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1>"Sao lưu và nhập tệp"</h1>
        <section class="card">
            <h2>"Tạo tệp sao lưu"</h2>
            <p>"Tệp sao lưu chứa toàn bộ sổ trên máy này, kể cả thông tin cá nhân của hội viên. Hãy cất ở nơi an toàn và chỉ gửi cho người được giao giữ sổ."</p>
            <BackupStatus/>
            <button type="button" class="button primary" on:click=move |_| make_backup(state)>"Tạo tệp sao lưu"</button>
        </section>
        <section class="card">
            <h2>"Nhập tệp"</h2>
            <p>"Tệp sao lưu (khi chuyển sang máy mới, hoặc gộp sổ từ một máy khác của chi hội), hoặc tệp báo cáo của đơn vị cấp dưới. Bạn sẽ xem trước những gì thay đổi rồi mới quyết định nhập."</p>
            <ImportPanel label="Chọn tệp (.json)"/>
        </section>
        <AsideCopies/>
    }
}

/// Unreadable data that start-up kept aside: the user can save each copy as a
/// file, then remove it from the browser.
#[component]
fn AsideCopies() -> impl IntoView {
    let state = use_app();
    let copies = RwSignal::new(aside_copies(state.space));
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <section class="card">
                <h2>"Dữ liệu cất riêng"</h2>
                <p>"Đây là bản gốc của dữ liệu lưu trên máy mà ứng dụng không đọc được. Hãy tải về và gửi cho người hỗ trợ kỹ thuật trước khi xoá."</p>
                <ul class="aside-list">
                    {move || copies.get().into_iter().map(|(key, text)| {
                        let file_name = format!("du-lieu-cat-rieng_{}.json", key.replace('.', "-"));
                        let removed = key.clone();
                        view! {
                            <li>
                                <span>{format!("{key} ({} ký tự)", text.chars().count())}</span>
                                <button type="button" class="button" on:click=move |_| {
                                    download(&file_name, &text, "application/json");
                                }>"Tải về"</button>
                                <button type="button" class="button danger-outline" on:click=move |_| {
                                    remove_aside(&removed);
                                    copies.set(aside_copies(state.space));
                                }>"Xoá bản này"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Before set-up: restoring the book from another phone's backup.
#[component]
pub fn RestorePage() -> impl IntoView {
    view! {
        <main class="setup page">
            <h1>"Khôi phục sổ từ tệp sao lưu"</h1>
            <p>"Chọn tệp sao lưu đã tạo trên máy cũ (tệp «sao-luu_….json», thường ở mục Tải xuống hoặc trong tin nhắn Zalo). Bạn sẽ xem trước rồi mới nhập."</p>
            <section class="card">
                <ImportPanel label="Chọn tệp sao lưu (.json)"/>
            </section>
            <a class="button" href=Route::Register.href()>"Về trang thiết lập"</a>
        </main>
    }
}
