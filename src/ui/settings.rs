//! «Cài đặt»: how the app keeps her data. Whether the browser promised to
//! keep it, how full its storage is and what fills it, and her backups.

use super::banners::reminder_rule;
use super::files_page::{make_backup, BackupStatus};
use super::messages::collection_label;
use super::route::Route;
use super::state::use_app;
use crate::domain::report::thousands;
use crate::domain::storage_meter::{fill, percent_used, Fill, LIMIT_CHARS};
use crate::storage::local::{usage, Held};
use crate::storage::persistence::{self, Persistence};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn held_label(held: Held) -> &'static str {
    match held {
        Held::Collection(name) => collection_label(name),
        Held::Device => "Thông tin của máy",
        Held::Aside => "Dữ liệu cất riêng (không đọc được)",
        Held::Drafts => "Bản nháp chưa lưu",
        Held::Sample => "Dữ liệu mẫu",
        Held::Other => "Khác",
    }
}

fn persistence_text(answer: Persistence) -> &'static str {
    match answer {
        Persistence::Granted => "Trình duyệt đã đồng ý giữ sổ lâu dài: sổ không bị tự xoá khi máy thiếu chỗ. Chỉ khi bạn tự xoá dữ liệu trình duyệt thì sổ mới mất.",
        Persistence::NotGranted => "Trình duyệt chưa đồng ý giữ sổ lâu dài: khi máy rất thiếu chỗ, trình duyệt có thể tự xoá sổ. Cài ứng dụng lên màn hình chính giúp trình duyệt đồng ý; trong lúc chờ, hãy sao lưu thường xuyên.",
        Persistence::Unsupported => "Trình duyệt này không cho biết có giữ sổ lâu dài hay không. Hãy sao lưu thường xuyên.",
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>"Cài đặt"</h1>
        <UnitCard/>
        <StorageCard/>
        <BackupCard/>
    }
}

#[component]
fn UnitCard() -> impl IntoView {
    let state = use_app();
    let name = move || state.unit_chain().first().map(|u| u.data.name.clone());
    view! {
        <section class="card">
            <h2>"Đơn vị"</h2>
            <p>{name}</p>
            <a class="button" href=Route::Unit.href()>"Sửa đơn vị"</a>
        </section>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let answer = RwSignal::new(None::<Persistence>);
    spawn_local(async move { answer.set(Some(persistence::current().await)) });
    let ask = move |_| spawn_local(async move { answer.set(Some(persistence::request().await)) });
    // Read when the page opens: a save elsewhere does not move it much.
    let parts = usage();
    let used: usize = parts.iter().map(|(_, chars)| chars).sum();
    let percent = percent_used(used);
    view! {
        <section class="card storage">
            <h2>"Bộ nhớ trong máy"</h2>
            <p role="status">{move || answer.get().map(persistence_text)}</p>
            {move || (answer.get() == Some(Persistence::NotGranted)).then(|| view! {
                <button type="button" class="button" on:click=ask>"Xin giữ sổ lâu dài"</button>
            })}
            <p>
                {format!("Đã dùng {} trong khoảng {} ký tự trình duyệt cho phép ({percent}%).", thousands(used as u64), thousands(LIMIT_CHARS as u64))}
            </p>
            <meter
                min="0"
                max=LIMIT_CHARS.to_string()
                low=(LIMIT_CHARS / 100 * 80).to_string()
                optimum="0"
                value=used.to_string()
                aria-label="Bộ nhớ đã dùng"
            ></meter>
            {(fill(used) == Fill::Tight).then(|| view! {
                <p class="banner warn" role="alert">
                    "Bộ nhớ sắp đầy: khi đầy, sổ không lưu được nữa. Hãy tạo tệp sao lưu, rồi xoá dữ liệu mẫu hoặc dữ liệu cất riêng nếu có."
                </p>
            })}
            <table class="usage">
                <caption class="visually-hidden">"Bộ nhớ đã dùng theo từng phần"</caption>
                <thead><tr><th scope="col">"Phần"</th><th scope="col" class="number">"Ký tự"</th></tr></thead>
                <tbody>
                    // Empty collections ("[]" under their key) are not worth a line.
                    {parts.into_iter().filter(|(_, chars)| *chars >= 100).map(|(held, chars)| view! {
                        <tr><td>{held_label(held)}</td><td class="number">{thousands(chars as u64)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn BackupCard() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="card">
            <h2>"Sao lưu"</h2>
            <BackupStatus/>
            <p class="note">{reminder_rule()}</p>
            <button type="button" class="button primary" on:click=move |_| make_backup(state)>"Tạo tệp sao lưu"</button>
        </section>
    }
}
