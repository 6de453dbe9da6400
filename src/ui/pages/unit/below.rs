//! An office's units below it: listed, added by hand, and merged when two
//! became one.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::record::RecordId;
use crate::domain::records::unit::children;
use crate::domain::records::unit::Unit;
use crate::ui::i18n::t;
use crate::ui::shared::fields::DateInput;
use crate::ui::shared::format::date;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The units directly below this device's unit, and a new one by name: an
/// office lists them before their first reports arrive.
#[component]
pub(super) fn UnitsBelow() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("Chi hội".to_owned());
    let below = move || {
        state.device.with(|d| {
            state.book.with(|b| {
                d.home
                    .as_ref()
                    .map(|home| {
                        children(&b.units, home)
                            .filter_map(|id| b.units.get(id))
                            .map(|u| {
                                let ended = u
                                    .data
                                    .valid_to
                                    .map(|to| t::until_date(date(to)))
                                    .unwrap_or_default();
                                (
                                    u.id.clone(),
                                    u.data.name.clone(),
                                    format!("{} ({}{ended})", u.data.name, u.data.kind),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let add = move |_| {
        let Some(home) = state.device.with_untracked(|d| d.home.clone()) else {
            return;
        };
        let unit = Unit::new(
            tidy(&name.get_untracked()),
            tidy(&kind.get_untracked()),
            Some(home),
        );
        if unit.problems().is_empty() {
            state.save(None, unit);
            name.set(String::new());
        }
    };
    view! {
        <section class="card">
            <h2>{t::units_below()}</h2>
            <p class="note">{t::units_below_note()}</p>
            <ul class="plain">{move || below().into_iter().map(|(_, _, u)| view! { <li>{u}</li> }).collect_view()}</ul>
            <div class="two">
                <div class="field">
                    <label for="below-name" class="field-label">{t::unit_name()}</label>
                    <input id="below-name" type="text" placeholder=t::example_chapter_west() prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="below-kind" class="field-label">{t::kind()}</label>
                    <input id="below-kind" type="text" list="unit-kinds-below" prop:value=move || kind.get()
                        on:input=move |ev| kind.set(event_target_value(&ev))/>
                </div>
            </div>
            <datalist id="unit-kinds-below">
                <option value="Chi hội"/>
                <option value="Hội LHPN cấp xã"/>
                <option value="Hội LHPN cấp tỉnh"/>
            </datalist>
            <button type="button" class="button" on:click=add>{t::add_unit_below()}</button>
            <Show when=move || { below().len() >= 2 }>
                <Merge choices=Signal::derive(move || below().into_iter().map(|(id, name, _)| (id, name)).collect())/>
            </Show>
        </section>
    }
}

/// Records a merger of two units below: the merged one ends the day before,
/// and the other counts it among its predecessors.
#[component]
fn Merge(choices: Signal<Vec<(RecordId, String)>>) -> impl IntoView {
    let state = use_app();
    let merged = RwSignal::new(None::<RecordId>);
    let into = RwSignal::new(None::<RecordId>);
    let from = RwSignal::new(None::<Date>);
    let options = move |chosen: RwSignal<Option<RecordId>>| {
        view! {
            <option value="" selected=move || chosen.get().is_none()>{t::choose()}</option>
            {move || choices.get().into_iter().map(|(id, name)| {
                let value = id.to_string();
                view! { <option value=value selected=move || chosen.get().as_ref() == Some(&id)>{name}</option> }
            }).collect_view()}
        }
    };
    let record = move |_| {
        let (Some(a), Some(b), Some(day)) = (
            merged.get_untracked(),
            into.get_untracked(),
            from.get_untracked(),
        ) else {
            state.tell(t::merge_choose());
            return;
        };
        let Some(end) = Date::from_days_since_epoch(day.days_since_epoch() - 1).filter(|_| a != b)
        else {
            return;
        };
        let (ra, rb) = state
            .book
            .with_untracked(|bk| (bk.units.get(&a).cloned(), bk.units.get(&b).cloned()));
        if let (Some(ra), Some(rb)) = (ra, rb) {
            state.save(
                Some(&a),
                Unit {
                    valid_to: Some(end),
                    ..ra.data.clone()
                },
            );
            let mut successor = rb.data.clone();
            if !successor.predecessors.contains(&a) {
                successor.predecessors.push(a);
            }
            state.save(Some(&b), successor);
            state.tell(t::merge_recorded(&ra.data.name, &rb.data.name, date(day)));
        }
    };
    view! {
        <h3>{t::merger()}</h3>
        <p class="note">{t::merger_note()}</p>
        <div class="two">
            <div class="field">
                <label for="merge-from" class="field-label">{t::unit()}</label>
                <select id="merge-from" on:change=move |ev| merged.set(RecordId::parse(&event_target_value(&ev)))>{options(merged)}</select>
            </div>
            <div class="field">
                <label for="merge-into" class="field-label">{t::merged_into()}</label>
                <select id="merge-into" on:change=move |ev| into.set(RecordId::parse(&event_target_value(&ev)))>{options(into)}</select>
            </div>
        </div>
        <div class="field">
            <label for="merge-day" class="field-label">{t::from_date()}</label>
            <DateInput id="merge-day" value=from set=Callback::new(move |d| from.set(d))/>
        </div>
        <button type="button" class="button" on:click=record>{t::record_merger()}</button>
    }
}
