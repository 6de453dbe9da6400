//! Importing a backup: pick a file, see what it would change, then apply all of
//! it or nothing. Used on the set-up screen and on the backup page.

use super::format::date_time;
use super::messages::{
    collection_label, note_text, refused_file, rejection_reasons, rejection_subject,
};
use super::route::{go, Route};
use super::state::use_app;
use crate::domain::envelope::FileKind;
use crate::domain::import::{plan_import, ImportPlan};
use crate::storage::device::{now_ms, today};
use crate::storage::files::{read_file, ReadError};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading(String),
    Preview { name: String, plan: Box<ImportPlan> },
    Failed(String),
}

#[component]
pub fn ImportPanel(
    /// The text of the file button.
    label: &'static str,
) -> impl IntoView {
    let state = use_app();
    let phase = RwSignal::new(Phase::Idle);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        phase.set(Phase::Reading(name.clone()));
        spawn_local(async move {
            let planned = match read_file(&file).await {
                Ok(bytes) => state.book.with_untracked(|book| {
                    state.device.with_untracked(|device| {
                        plan_import(&bytes, book, device, now_ms(), today())
                            .map_err(ReadError::File)
                    })
                }),
                Err(error) => Err(error),
            };
            phase.set(match planned {
                Ok(plan) => Phase::Preview {
                    name,
                    plan: Box::new(plan),
                },
                Err(error) => Phase::Failed(refused_file(&name, &error)),
            });
        });
    };
    let apply = move |plan: ImportPlan| {
        let members = plan.tally("members");
        let summary = format!(
            "Đã nhập: {} hội viên mới, {} cập nhật, {} xoá.",
            members.new, members.updated, members.deleted
        );
        state.apply_import(plan);
        phase.set(Phase::Idle);
        state.tell(summary);
        go(&Route::Register);
    };
    view! {
        <div class="import">
            <label class="button file-button">
                {label}
                <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_pick/>
            </label>
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Reading(name) => view! { <p role="status">{format!("Đang đọc tệp «{name}»…")}</p> }.into_any(),
                Phase::Failed(message) => view! {
                    <div class="banner error" role="alert">
                        <p>{message}</p>
                        <button type="button" class="button" on:click=move |_| phase.set(Phase::Idle)>"Đóng"</button>
                    </div>
                }.into_any(),
                Phase::Preview { name, plan } => view! {
                    <Preview name plan=*plan on_apply=Callback::new(apply) on_cancel=Callback::new(move |()| phase.set(Phase::Idle))/>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Preview(
    name: String,
    plan: ImportPlan,
    on_apply: Callback<ImportPlan>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    // One line per kind of record in the file: what would happen to it.
    let rows: Vec<(&'static str, Vec<(&'static str, usize)>)> = plan
        .tallies
        .iter()
        .map(|(collection, t)| {
            let rejected = plan
                .rejected
                .iter()
                .filter(|r| r.collection == *collection)
                .count();
            let outcomes = [
                ("mới", t.new),
                ("cập nhật", t.updated),
                ("xoá", t.deleted),
                ("không đổi", t.unchanged),
                ("cũ hơn bản trên máy, bỏ qua", t.older),
                ("bị từ chối", rejected),
            ];
            (
                *collection,
                outcomes
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, outcomes)| !outcomes.is_empty())
        .collect();
    let changes = plan.changes();
    let rejected = plan.rejected.clone();
    let plan = StoredValue::new(plan.clone());
    view! {
        <section class="preview" aria-label="Xem trước khi nhập">
            <h2>{format!("Xem trước tệp «{name}»")}</h2>
            <p>
                {plan.with_value(|p| match p.kind {
                    FileKind::Backup => "Sao lưu của ",
                    FileKind::Report => "Báo cáo của ",
                })}
                <strong>{plan.with_value(|p| p.unit.name.clone())}</strong>
                {format!(", tạo lúc {}.", date_time(&plan.with_value(|p| p.created.clone()).into()))}
            </p>
            <ul class="notes">
                {plan.with_value(|p| p.notes.iter().map(|n| view! { <li>{note_text(n)}</li> }).collect_view())}
            </ul>
            {plan.with_value(ImportPlan::adopts_unit).then(|| view! {
                <p class="note">{format!("Máy này sẽ giữ sổ của «{}» theo tệp này.", plan.with_value(|p| p.unit.name.clone()))}</p>
            })}
            <ul class="tally">
                {rows.into_iter().map(|(collection, outcomes)| view! {
                    <li data-collection=collection>
                        <strong>{collection_label(collection)}</strong>": "
                        {outcomes.into_iter().enumerate().map(|(i, (outcome, n))| view! {
                            {(i > 0).then_some(", ")}
                            <span data-outcome=outcome>{format!("{n} {outcome}")}</span>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
            {(!rejected.is_empty()).then(|| view! {
                <div class="rejected">
                    <h3>"Những bản ghi sẽ không được nhập"</h3>
                    <ul>
                        {rejected.iter().map(|r| view! {
                            <li><strong>{rejection_subject(r)}</strong>": "{rejection_reasons(r)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {if changes {
                view! {
                    <p>"Chưa có gì thay đổi. Bấm «Nhập vào sổ» để nhập tất cả những bản ghi hợp lệ ở trên, hoặc «Huỷ» để bỏ qua tệp."</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| on_apply.run(plan.get_value())>"Nhập vào sổ"</button>
                        <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Huỷ"</button>
                    </div>
                }.into_any()
            } else {
                let text = if rejected.is_empty() {
                    "Tệp này không có gì mới: sổ trên máy đã có đủ. Không có gì thay đổi."
                } else {
                    "Ngoài những bản ghi bị từ chối ở trên, tệp không có gì mới. Không có gì thay đổi."
                };
                view! {
                    <p>{text}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Đóng"</button>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
