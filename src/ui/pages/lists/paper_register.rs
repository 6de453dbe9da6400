//! The register as chapters keep it on paper: the chapter's name and the
//! day above numbered rows, printed on A4 or downloaded as .csv and .xlsx
//! (the same table, `domain::sheets::paper_register`).

use crate::domain::sheets::paper_register::{file_stem, paper_register, to_csv};
use crate::ui::i18n::t;
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::sending::download_workbook;
use crate::ui::shared::sending::save_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn PaperRegisterPage() -> impl IntoView {
    let state = use_app();
    let sheet = Memo::new(move |_| {
        state.device.with(|d| {
            state
                .book
                .with(|b| paper_register(b, d.home.as_ref(), state.today(), compare_vi))
        })
    });
    let stem = move || {
        state.device.with_untracked(|d| {
            state
                .book
                .with_untracked(|b| file_stem(b, d.home.as_ref(), state.today()))
        })
    };
    let csv = move |_| {
        let name = format!("{}.csv", stem());
        let text = sheet.with_untracked(to_csv);
        save_text(
            state,
            &name,
            &text,
            "text/csv;charset=utf-8",
            t::file_made(&name),
        );
    };
    let xlsx = move |_| {
        download_workbook(state, format!("{}.xlsx", stem()), sheet.get_untracked());
    };
    let chain = move || state.unit_chain();
    view! {
        <article class="paper-register">
            <header class="paper-head">
                <p>{move || chain().get(1).map(|u| u.data.name.clone()).unwrap_or_default()}</p>
                <p><strong>{move || chain().first().map(|u| u.data.name.clone()).unwrap_or_default()}</strong></p>
                <h1>{t::paper_title()}</h1>
                <p>{move || t::paper_day(crate::ui::shared::format::date(state.today()))} " · " {move || t::paper_count(sheet.with(|s| s.rows.len()))}</p>
            </header>
            <div class="actions no-print">
                <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>{t::paper_print()}</button>
                <button type="button" class="button" on:click=csv>{t::paper_csv()}</button>
                <button type="button" class="button" on:click=xlsx>{t::paper_xlsx()}</button>
            </div>
            // Wider than a phone: a region she can reach and scroll with
            // the keyboard, named for a screen reader.
            <div class="table-wrap" tabindex="0" role="region" aria-label=t::paper_title()>
                <table class="paper-table">
                    <thead>
                        <tr>{move || sheet.with(|s| s.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())}</tr>
                    </thead>
                    <tbody>
                        {move || sheet.with(|s| s.rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|cell| view! { <td>{cell.text()}</td> }).collect_view()}</tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </article>
    }
}
