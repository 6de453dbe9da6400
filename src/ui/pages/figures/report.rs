//! The report of a period as a table: on screen, printed on A4 (the print
//! stylesheet hides everything else), and as a CSV file for Excel.

use crate::domain::figures::report::{csv_name, to_csv, ReportRow};
use crate::domain::kernel::name::lower_first;
use crate::ui::i18n::{either, t};
use crate::ui::shared::format::date;
use crate::ui::shared::format::{target_text, value_text};
use crate::ui::shared::period::period_label;
use crate::ui::shared::period::PeriodChoice;
use crate::ui::shared::sending::save_text;
use crate::ui::shared::sending::{send_report, ReportSentNote};
use crate::ui::state::use_app;
use leptos::prelude::*;

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
        let name = csv_name(&unit, period);
        save_text(
            state,
            &name,
            &text,
            "text/csv;charset=utf-8",
            t::csv_made().into(),
        );
    };
    view! {
        <div class="no-print">
            <h1>{t::report()}</h1>
            <PeriodChoice/>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>{t::print_report()}</button>
                <button type="button" class="button" on:click=csv>{t::download_csv()}</button>
                <button type="button" class="button" on:click=move |_| send_report(state)>{t::send_report()}</button>
            </div>
            <ReportSentNote/>
        </div>
        <article class="report">
            <header class="report-head">
                {move || chain().into_iter().rev().map(|name| view! { <p>{name}</p> }).collect_view()}
                <h2>{move || t::report_for(lower_first(&period_label(state.period.get())))}</h2>
                <p class="note">{move || t::made_on(date(state.today()))}</p>
            </header>
            // Scrolls sideways by itself when large text makes it wider than the screen.
            <div class="table-wrap" tabindex="0" role="region" aria-label=t::report_table()>
            <table class="report-table">
                <thead>
                    <tr><th scope="col">{t::indicator()}</th><th scope="col">{t::result()}</th><th scope="col">{t::target_set()}</th></tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().filter(ReportRow::has_data).map(|row| view! {
                        <tr data-code=row.indicator.code.clone()>
                            <th scope="row">{either(row.indicator.names()).to_owned()}</th>
                            <td>{value_text(row.indicator.kind, row.value)}</td>
                            <td>{row.target.map(|t| target_text(row.indicator.kind, t))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            // Rates with nothing to divide by, folded under one line rather
            // than a column of «0/0» that reads as a mistake.
            {move || {
                let empty: Vec<ReportRow> = rows.get().into_iter().filter(|r| !r.has_data()).collect();
                (!empty.is_empty()).then(|| view! {
                    <details class="no-data">
                        <summary>{t::rows_without_data(empty.len())}</summary>
                        <ul>{empty.into_iter().map(|row| view! { <li>{either(row.indicator.names()).to_owned()}</li> }).collect_view()}</ul>
                    </details>
                })
            }}
        </article>
    }
}
