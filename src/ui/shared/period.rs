//! Choosing the period the figures, the report and the comparison are for.

use crate::domain::kernel::period::{Period, Span};
use crate::ui::i18n::t;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The periods offered: every year, half and quarter of this year and the
/// two before, and back to the year of the period chosen (a sample's review).
fn periods(this_year: u16, chosen: Period) -> Vec<Period> {
    let first = chosen.year().min(this_year - 2);
    (first..=this_year)
        .rev()
        .flat_map(|year| {
            [Span::Year, Span::Half, Span::Quarter]
                .into_iter()
                .flat_map(move |span| Period::all_of(span, year))
        })
        .collect()
}

/// Picks the period the figures and the report are for.
#[component]
pub fn PeriodChoice() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="field">
            <label for="period" class="field-label">{t::report_period()}</label>
            <select id="period" on:change=move |ev| {
                if let Some(p) = Period::parse(&event_target_value(&ev)) {
                    state.period.set(p);
                }
            }>
                {periods(state.today().year(), state.period.get_untracked()).into_iter().map(|p| view! {
                    <option value=p.code() selected=move || state.period.get() == p>{period_label(p)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A period as the interface names it: "Năm 2025", "Quý 3/2025".
pub fn period_label(period: Period) -> String {
    match period {
        Period::Year(year) => t::period_year(year),
        Period::Half(year, 1) => t::period_half_1(year),
        Period::Half(year, _) => t::period_half_2(year),
        Period::Quarter(year, n) => t::period_quarter(n, year),
    }
}
