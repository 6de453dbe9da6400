//! Sending a file the app wrote: the phone's share sheet where the browser can
//! share files, a download otherwise (a workbook is always downloaded), and
//! what happened said in words. The report, sent from the figures and from
//! an office's home, leaves a note that stays until she closes it: where the
//! file is and how to send it on in Zalo.

use crate::domain::exchange::report_file::write_report;
use crate::domain::file::envelope::OutFile;
use crate::domain::kernel::name::lower_first;
use crate::domain::kernel::sheet::Sheet;
use crate::storage::files::{download, download_bytes, send, Saved, Sent};
use crate::storage::xlsx::XlsxError;
use crate::ui::i18n::t;
use crate::ui::shared::period::period_label;
use crate::ui::state::{use_app, AppState, ReportSent};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Says how a download of `name` went: `made` when it started, that it may
/// not have arrived when it came after a crowd of others (the browser drops
/// such a download without a word), that the browser refused it.
pub fn tell_saved(state: AppState, saved: Saved, name: &str, made: String) {
    state.tell(match saved {
        Saved::Started => made,
        Saved::Crowded => t::file_crowded(name),
        Saved::Refused => t::file_refused().to_owned(),
    });
}

/// Saves a text file as a download and says how it went, `made` when it started.
pub fn save_text(state: AppState, name: &str, text: &str, mime: &str, made: String) {
    tell_saved(state, download(name, text, mime), name, made);
}

/// The type a file is shared as, read from its name: the app's files are
/// JSON, minutes plain text.
fn mime_of(name: &str) -> &'static str {
    match name.ends_with(".txt") {
        true => "text/plain;charset=utf-8",
        false => "application/json",
    }
}

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
        let how = send(&file.name, &file.contents, mime_of(&file.name)).await;
        if matches!(how, Sent::Shared | Sent::Downloaded(_)) {
            sent();
        }
        match how {
            Sent::Shared => state.tell(t::file_shared(&file.name)),
            Sent::Downloaded(saved) => tell_saved(
                state,
                saved,
                &file.name,
                t::file_saved(&file.name, saved_hint),
            ),
            Sent::Cancelled => state.tell(cancelled),
            Sent::Failed => state.tell(t::file_refused()),
        }
    });
}

/// Sends the report file of the chosen period, with the units one level
/// below, through the share sheet (Zalo, mail…) or as a download: what the
/// office above imports. It holds no personal data. Once it has left, the
/// note [`ReportSentNote`] says where it is.
pub fn send_report(state: AppState) {
    let stamp = state.stamp();
    let period = state.period.get_untracked();
    let file = state.book.with_untracked(|b| {
        state.device.with_untracked(|d| {
            write_report(b, d, &[period], 1, &stamp, state.now_ms(), state.today())
        })
    });
    let Some(file) = file else {
        return;
    };
    spawn_local(async move {
        let how = send(&file.name, &file.contents, "application/json").await;
        let shared = match how {
            Sent::Shared => true,
            Sent::Downloaded(saved) => {
                // The note below says where it went; that it may not have.
                if saved == Saved::Crowded {
                    state.tell(t::file_crowded(&file.name));
                }
                false
            }
            Sent::Cancelled => return state.tell(t::report_not_sent()),
            Sent::Failed => return state.tell(t::file_refused()),
        };
        state.report_sent.set(Some(ReportSent {
            name: file.name,
            period,
            shared,
        }));
    });
}

/// The button that sends the chosen period's report, its period in its words.
#[component]
pub fn SendReportButton() -> impl IntoView {
    let state = use_app();
    view! {
        <button type="button" class="button primary wide" on:click=move |_| send_report(state)>
            {move || t::send_report_of(lower_first(&period_label(state.period.get())))}
        </button>
    }
}

/// What became of the report last sent: shared, or saved in the phone's
/// downloads with the steps that send it in Zalo. It stays until closed.
#[component]
pub fn ReportSentNote() -> impl IntoView {
    let state = use_app();
    move || {
        state.report_sent.get().map(|sent| {
            let period = lower_first(&period_label(sent.period));
            view! {
                <section class="banner ok sent-note" role="status" aria-live="polite">
                    {if sent.shared {
                        view! { <p>{t::report_shared_note(&period, &sent.name)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t::report_downloaded_note(&period, &sent.name)}</p>
                            <p><strong>{t::send_in_zalo()}</strong></p>
                            <ol class="steps">
                                <li>{t::zalo_step_open()}</li>
                                <li>{t::zalo_step_attach()}</li>
                                <li>{t::zalo_step_pick(&sent.name)}</li>
                            </ol>
                        }.into_any()
                    }}
                    <button type="button" class="button" on:click=move |_| state.report_sent.set(None)>{t::close()}</button>
                </section>
            }
        })
    }
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
            Ok(bytes) => {
                let saved = download_bytes(&name, &bytes, XLSX);
                tell_saved(state, saved, &name, t::file_made(&name));
            }
            Err(problem) => state.tell(t::excel_failed(xlsx_error_text(&problem))),
        }
    });
}
