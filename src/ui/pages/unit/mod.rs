//! The unit this device keeps the book for and the units above it, editable;
//! the sample space; facts about this device.

use crate::domain::kernel::name::tidy;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::unit::{OnlineGroup, Unit};
use crate::storage::local::Space;
use crate::ui::i18n::t;
use crate::ui::shared::banners::switch_space;
use crate::ui::shared::fields::{CheckBoxValue, DateInput, Field, Lens, TextInput, TextValue};
use crate::ui::shared::messages::first_problem;
use crate::ui::state::use_app;
use leptos::prelude::*;

mod below;

use below::UnitsBelow;

#[component]
pub fn UnitPage() -> impl IntoView {
    let state = use_app();
    let chain = move || state.unit_chain();
    let top = move || chain().last().map(|u| u.id.clone());
    let add_above = move |_| {
        if let Some(top) = top() {
            let unit = Unit::new(t::new_unit_above(), "Hội LHPN", None);
            state.add_unit_above(&top, unit);
        }
    };
    let member_count = move || state.book.with(|b| b.members.live().count());
    view! {
        <h1>{t::unit()}</h1>
        <section class="card">
            <h2>{t::units_yours_and_above()}</h2>
            <p class="note">{t::units_edit_note()}</p>
            // Keyed by id only: a unit's form keeps its own draft while she types.
            <For each=move || chain().into_iter().enumerate() key=|(_, u)| u.id.clone() let((level, unit))>
                <UnitForm unit level/>
            </For>
            <button type="button" class="button" on:click=add_above>{t::add_unit_above()}</button>
        </section>
        <UnitsBelow/>
        <section class="card">
            <h2>{t::held_sample()}</h2>
            {if state.space.is_sample() {
                view! {
                    <p>{t::viewing_sample()}</p>
                    <button type="button" class="button" on:click=move |_| switch_space(state, Space::Own)>{t::leave_sample()}</button>
                }.into_any()
            } else {
                view! {
                    <p>{t::sample_try()}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| switch_space(state, Space::Demo)>{t::open_sample()}</button>
                        <button type="button" class="button" on:click=move |_| switch_space(state, Space::DemoCluster)>{t::open_sample_cluster()}</button>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="card">
            <h2>{t::about_device()}</h2>
            <p>{move || t::device_members(member_count())}</p>
        </section>
    }
}

/// Whether the chapter runs a Zalo or Facebook group, and since when.
#[component]
fn OnlineGroupField(draft: RwSignal<Unit>, save: Callback<()>) -> impl IntoView {
    let today = use_app().today();
    let set = move |group: Option<OnlineGroup>| {
        draft.update(|u| u.online_group = group);
        save.run(());
    };
    let platform = move || draft.with(|u| u.online_group.as_ref().map(|g| g.platform.clone()));
    view! {
        <CheckBoxValue label=t::online_group()
            value=Signal::derive(move || platform().is_some())
            set=Callback::new(move |on: bool| set(on.then(|| OnlineGroup { platform: "Zalo".into(), since: today })))/>
        <Show when=move || platform().is_some()>
            <div class="two">
                <Field label=t::on_platform()>
                    <TextValue value=Signal::derive(move || platform().unwrap_or_default())
                        set=Callback::new(move |v: String| {
                            let since = draft.with_untracked(|u| u.online_group.as_ref().map_or(today, |g| g.since));
                            set(Some(OnlineGroup { platform: tidy(&v), since }));
                        })/>
                </Field>
                <Field label=t::from_date()>
                    <DateInput value=Signal::derive(move || draft.with(|u| u.online_group.as_ref().map(|g| g.since)))
                        set=Callback::new(move |d: Option<crate::domain::kernel::date::Date>| {
                            let platform = platform().unwrap_or_default();
                            set(Some(OnlineGroup { platform, since: d.unwrap_or(today) }));
                        })/>
                </Field>
            </div>
        </Show>
    }
}

/// Name and kind of one unit, saved when a field is left and valid. `level`
/// counts up from the device's own unit (0).
#[component]
fn UnitForm(unit: Record<Unit>, level: usize) -> impl IntoView {
    let state = use_app();
    let id: RecordId = unit.id.clone();
    let draft = RwSignal::new(unit.data.clone());
    let error = move |field: &'static str| {
        Signal::derive(move || draft.with(|u| first_problem(&u.problems(), field)))
    };
    let save = Callback::new(move |()| {
        let unit = draft.with_untracked(|u| Unit {
            name: tidy(&u.name),
            kind: tidy(&u.kind),
            ..u.clone()
        });
        if unit.problems().is_empty() {
            state.save(Some(&id), unit);
        }
    });
    let caption = match level {
        0 => t::your_unit().to_owned(),
        1 => t::directly_above().to_owned(),
        n => t::nth_above(n),
    };
    view! {
        <div class="unit-form">
            <h3>{caption}</h3>
            <Field label=t::unit_name() error=error("name")>
                <TextInput draft lens=Lens { get: |u: &Unit| &u.name, set: |u, v| u.name = v } on_change=save/>
            </Field>
            <Field label=t::unit_kind() error=error("kind")>
                <TextInput draft lens=Lens { get: |u: &Unit| &u.kind, set: |u, v| u.kind = v } on_change=save/>
            </Field>
            // A chapter's group for its members; an office has none to declare.
            {move || (level == 0 && !state.office.get()).then(|| view! { <OnlineGroupField draft save/> })}
        </div>
    }
}
