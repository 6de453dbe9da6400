//! First run: the chapter's name and the units above it, or a backup from another phone.

use super::fields::{Field, Lens, TextInput};
use super::messages::problem_text;
use super::state::use_app;
use crate::domain::unit::UnitSetup;
use crate::storage::local::Space;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Kind labels given to the units above, editable later.
const COMMUNE_KIND: &str = "Hội LHPN cấp xã";
const PROVINCE_KIND: &str = "Hội LHPN cấp tỉnh";

#[component]
pub fn SetupPage() -> impl IntoView {
    let state = use_app();
    let setup = RwSignal::new(UnitSetup {
        name: String::new(),
        kind: "Chi hội".into(),
        above: vec![
            (String::new(), COMMUNE_KIND.into()),
            (String::new(), PROVINCE_KIND.into()),
        ],
    });
    let tried = RwSignal::new(false);
    let error = move |field: &'static str| {
        Signal::derive(move || {
            tried.get().then(|| {
                setup.with(|s| {
                    s.problems()
                        .into_iter()
                        .find(|p| p.field == field)
                        .map(|p| problem_text(&p.problem))
                })
            })?
        })
    };
    let nothing = Callback::new(|()| {});
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if setup.with(|s| s.problems().is_empty()) {
            setup.with(|s| state.set_up(s));
            // The browser may answer at once (Chromium) or ask her (Firefox);
            // «Cài đặt» shows the answer.
            spawn_local(async {
                crate::storage::persistence::request().await;
            });
        }
    };
    let lens = |get: fn(&UnitSetup) -> &String, set: fn(&mut UnitSetup, String)| Lens { get, set };
    view! {
        <main class="setup page">
            <h1>"Sổ tay Chi hội"</h1>
            <p>"Sổ theo dõi hội viên của chi hội, dùng được cả khi không có mạng. Trước hết, cho biết đơn vị của bạn."</p>
            <form class="card" on:submit=start>
                <Field label="Tên đơn vị của bạn" error=error("name")>
                    <TextInput draft=setup lens=lens(|s| &s.name, |s, v| s.name = v) placeholder="Chi hội Thôn Đông" autofocus=true on_change=nothing/>
                </Field>
                <Field label="Loại đơn vị" error=error("kind")>
                    <TextInput draft=setup lens=lens(|s| &s.kind, |s, v| s.kind = v) list="unit-kinds" on_change=nothing/>
                </Field>
                <datalist id="unit-kinds">
                    <option value="Chi hội"/>
                    <option value="Tổ phụ nữ"/>
                    <option value=COMMUNE_KIND/>
                    <option value=PROVINCE_KIND/>
                </datalist>
                <Field label="Hội cấp trên trực tiếp" error=error("above.0.name") hint="Có thể để trống và bổ sung sau.">
                    <TextInput draft=setup lens=lens(|s| &s.above[0].0, |s, v| s.above[0].0 = v) placeholder="Hội LHPN xã An Bình" on_change=nothing/>
                </Field>
                <Field label="Hội LHPN tỉnh, thành phố" error=error("above.1.name")>
                    <TextInput draft=setup lens=lens(|s| &s.above[1].0, |s, v| s.above[1].0 = v) placeholder="Hội LHPN tỉnh Ninh Bình" on_change=nothing/>
                </Field>
                <p class="note">"Sổ chỉ được lưu trên máy này. Nếu xoá dữ liệu trình duyệt, sổ sẽ mất: hãy tạo tệp sao lưu thường xuyên."</p>
                <p class="note">"Khi bấm «Bắt đầu», ứng dụng xin trình duyệt giữ sổ lâu dài, để sổ không bị tự xoá khi máy thiếu chỗ."</p>
                <button type="submit" class="button primary">"Bắt đầu"</button>
            </form>
            <section class="card">
                <h2>"Đã có sổ trên máy khác?"</h2>
                <p>"Nhập tệp sao lưu từ máy cũ để có lại toàn bộ sổ."</p>
                <a class="button" href=super::route::Route::Files.href()>"Khôi phục từ tệp sao lưu"</a>
            </section>
            <section class="card">
                <h2>"Muốn xem thử trước?"</h2>
                <p>"Mở một chi hội mẫu (không có thật) với 120 hội viên và một năm công việc. Sổ thật của bạn không bị ảnh hưởng."</p>
                <button type="button" class="button" on:click=move |_| super::banners::switch_space(state, Space::Demo)>"Xem dữ liệu mẫu"</button>
                <p class="note">"Cho văn phòng Hội cấp trên: một cụm thi đua với báo cáo của các tỉnh năm 2023."</p>
                <button type="button" class="button" on:click=move |_| super::banners::switch_space(state, Space::DemoCluster)>"Xem mẫu cụm thi đua"</button>
            </section>
        </main>
    }
}
