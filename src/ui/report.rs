//! The report of a period as a table: on screen, printed on A4 (the print
//! stylesheet hides everything else), and as a CSV file for Excel.

use super::format::value_text;
use super::period::PeriodChoice;
use super::sending::send_file;
use super::state::{use_app, AppState};
use crate::domain::name::lower_first;
use crate::domain::report::{csv_name, target_text, to_csv};
use crate::domain::report_file::write_report;
use crate::storage::device::now_ms;
use crate::storage::files::download;
use leptos::prelude::*;

/// Sends the report file of the chosen period, with the units one level
/// below, through the share sheet (Zalo, mail…) or as a download: what the
/// office above imports. It holds no personal data.
fn send_report(state: AppState) {
    let stamp = state.stamp();
    let file = state.book.with_untracked(|b| {
        state.device.with_untracked(|d| {
            write_report(
                b,
                d,
                &[state.period.get_untracked()],
                1,
                &stamp,
                now_ms(),
                state.today(),
            )
        })
    });
    let Some(file) = file else {
        return;
    };
    send_file(
        state,
        file,
        "Gửi tệp này cho cấp trên qua Zalo hoặc thư điện tử.",
        "Chưa gửi báo cáo.",
        || {},
    );
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| state.report());
    let chain = move || {
        state
            .unit_chain()
            .into_iter()
            .map(|u| u.data.name)
            .collect::<Vec<_>>()
    };
    let csv = move |_| {
        let (unit, period) = (
            chain().first().cloned().unwrap_or_default(),
            state.period.get_untracked(),
        );
        let text = rows.with_untracked(|r| to_csv(&unit, period, r));
        if download(&csv_name(&unit, period), &text, "text/csv;charset=utf-8") {
            state.tell("Đã tạo tệp CSV. Mở bằng Excel để xem, in.");
        }
    };
    view! {
        <div class="no-print">
            <h1>"Báo cáo"</h1>
            <PeriodChoice/>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>"In báo cáo"</button>
                <button type="button" class="button" on:click=csv>"Tải tệp CSV (Excel)"</button>
                <button type="button" class="button" on:click=move |_| send_report(state)>"Gửi báo cáo lên cấp trên"</button>
            </div>
        </div>
        <article class="report">
            <header class="report-head">
                {move || chain().into_iter().rev().map(|name| view! { <p>{name}</p> }).collect_view()}
                <h2>{move || format!("Báo cáo {}", lower_first(&state.period.get().label_vi()))}</h2>
                <p class="note">{move || format!("Lập ngày {}", state.today().vn())}</p>
            </header>
            // Scrolls sideways by itself when large text makes it wider than the screen.
            <div class="table-wrap" tabindex="0" role="region" aria-label="Bảng báo cáo">
            <table class="report-table">
                <thead>
                    <tr><th scope="col">"Chỉ tiêu"</th><th scope="col">"Kết quả"</th><th scope="col">"Chỉ tiêu đặt ra"</th></tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| view! {
                        <tr data-code=row.indicator.code.clone()>
                            <th scope="row">{row.indicator.name_vi.clone()}</th>
                            <td>{value_text(row.indicator.kind, row.value)}</td>
                            <td>{row.target.map(|t| target_text(row.indicator.kind, t))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </article>
    }
}
