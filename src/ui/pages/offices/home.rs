//! An office's home, the first screen of a phone kept for a commune, a
//! province or a cluster: «Nhận báo cáo» first, then this period's reports
//! of the units below — who has sent, when, and who has not since when —
//! then the comparison, the plan and the office's own report upward.

use crate::domain::figures::received::{received, Received};
use crate::domain::kernel::name::lower_first;
use crate::ui::i18n::t;
use crate::ui::route::Route;
use crate::ui::shared::format::day_of;
use crate::ui::shared::import_panel::ImportPanel;
use crate::ui::shared::more::{Drawn, More};
use crate::ui::shared::period::{period_label, PeriodChoice};
use crate::ui::shared::sending::{ReportSentNote, SendReportButton};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn OfficeHome() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| state.of_home(received));
    let drawn = Drawn::restarting_on(move || state.period.track());
    let has_above = move || state.unit_chain().len() > 1;
    let period = move || lower_first(&period_label(state.period.get()));
    let count = move || {
        rows.with(|rows| {
            let sent = rows.iter().filter(|r| r.sent_ms.is_some()).count();
            t::reports_received_count(sent, rows.len(), period())
        })
    };
    view! {
        <h1>{t::office_home_title()}</h1>
        <section class="card receive">
            <ImportPanel label=t::receive_report() primary=true/>
            <p class="note">{t::receive_report_hint()}</p>
        </section>
        <PeriodChoice/>
        <section class="card">
            {move || if rows.with(Vec::is_empty) {
                view! {
                    <h2>{t::no_units_below_yet()}</h2>
                    <p>{t::no_units_below_text()}</p>
                    <a class="button" href=Route::Unit.href()>{t::add_units_below()}</a>
                }.into_any()
            } else {
                view! {
                    <h2>{count}</h2>
                    // A province's hundreds of communes, a hundred at a time.
                    <ul class="received plain">
                        {move || rows.with(|rows| rows.iter().take(drawn.get()).cloned().map(|row| view! { <ReceivedRow row/> }).collect_view())}
                    </ul>
                    <More drawn total=Signal::derive(move || rows.with(Vec::len)) label=t::show_more_units/>
                }.into_any()
            }}
        </section>
        <a class="button wide" href=Route::Compare.href()>{t::compare_units_below()}</a>
        <a class="button wide" href=Route::Plan.href()>{t::plan_and_campaigns()}</a>
        <Show when=has_above>
            <section class="card">
                <h2>{t::send_up_title()}</h2>
                <p class="note">{t::send_up_text()}</p>
                <SendReportButton/>
                <ReportSentNote/>
            </section>
        </Show>
    }
}

/// One unit below: sent on a day, or not yet and its last report.
#[component]
fn ReceivedRow(row: Received) -> impl IntoView {
    let (status, class) = match (row.sent_ms, row.last) {
        (Some(ms), _) => (t::report_sent_on(day_of(ms)), "sent"),
        (None, Some((period, ms))) => (
            t::report_missing_since(lower_first(&period_label(period)), day_of(ms)),
            "missing",
        ),
        (None, None) => (t::report_never_sent().to_owned(), "missing"),
    };
    view! {
        <li class=format!("received-row {class}")>
            <strong>{row.name}</strong>
            <span>{status}</span>
        </li>
    }
}
