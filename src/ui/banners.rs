//! Messages that stay at the top of every page until dealt with: the sample
//! space, a save that failed, data that could not be read at start-up, a new
//! version waiting to be applied.

use super::files_page::make_backup;
use super::messages::{load_problem_text, save_error_text};
use super::state::{use_app, AppState};
use crate::storage::local::Space;
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

#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let demo = match state.space {
        Space::Own => None,
        Space::Demo => Some("Đang xem dữ liệu mẫu (chi hội không có thật)."),
        Space::DemoCluster => Some("Dữ liệu mẫu: cụm thi đua năm 2023. Số liệu Bắc Ninh, Hà Nam, Quảng Ninh, các mô hình theo bài báo; còn lại là minh họa."),
    };
    view! {
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
    }
}
