//! The member form's fields that are more than a text box: address
//! suggestions, birth date or year, religion, group, status with its day.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::record::set_of;
use crate::domain::records::member::{Religion, Status};
use crate::domain::records::member_draft::{MemberDraft, OTHER_RELIGION};
use crate::ui::i18n::t;
use crate::ui::shared::fields::{CheckBox, Choice, Field, Lens, TextInput, TextKind};
use crate::ui::shared::messages::{religion_label, status_label};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Villages already typed, offered as suggestions.
#[component]
pub(super) fn AddressList() -> impl IntoView {
    let state = use_app();
    let addresses = move || {
        state.book.with(|b| {
            set_of(
                b.members
                    .live()
                    .map(|m| m.data.address.clone())
                    .filter(|a| !a.is_empty()),
            )
        })
    };
    view! {
        <datalist id="addresses">
            {move || addresses().into_iter().map(|a| view! { <option value=a/> }).collect_view()}
        </datalist>
    }
}

/// Her birth: «Chỉ biết năm sinh» first, as most records know only the
/// year; otherwise the day, typed day first.
#[component]
pub(super) fn BirthField(
    draft: RwSignal<MemberDraft>,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let year_only = move || draft.with(|d| d.birth_year_only);
    let invalid = Signal::derive(move || error.with(Option::is_some));
    view! {
        <div class="birth">
            <CheckBox draft label=t::birth_year_only() get=|d: &MemberDraft| d.birth_year_only set=|d: &mut MemberDraft, v| d.birth_year_only = v on_change/>
            <Show
                when=year_only
                fallback=move || view! {
                    <Field label=t::birth_date() error>
                        <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.birth_day, set: |d, v| d.birth_day = v } kind=TextKind::Date on_change invalid/>
                    </Field>
                }
            >
                <Field label=t::birth_year() error>
                    <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.birth_year, set: |d, v| d.birth_year = v } kind=TextKind::Year placeholder="1985" on_change invalid/>
                </Field>
            </Show>
        </div>
    }
}

#[component]
pub(super) fn ReligionField(
    draft: RwSignal<MemberDraft>,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let codes = Religion::NAMED
        .iter()
        .map(Religion::code)
        .chain(std::iter::once(OTHER_RELIGION));
    view! {
        <Field label=t::religion() control_id="religion">
            <select id="religion" on:change=move |ev| {
                draft.update(|d| d.religion = event_target_value(&ev));
                on_change.run(());
            }>
                {codes.map(|code| view! {
                    <option value=code selected=move || draft.with(|d| d.religion == code)>{religion_label(code)}</option>
                }).collect_view()}
            </select>
        </Field>
        <Show when=move || draft.with(|d| d.religion == OTHER_RELIGION)>
            <Field label=t::religion_name() error>
                <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.religion_other, set: |d, v| d.religion_other = v } on_change invalid=Signal::derive(move || error.with(Option::is_some))/>
            </Field>
        </Show>
    }
}

/// The women's group she belongs to, if the chapter has groups.
#[component]
pub(super) fn GroupField(draft: RwSignal<MemberDraft>, on_change: Callback<()>) -> impl IntoView {
    let state = use_app();
    let groups: Vec<(String, String)> = state.book.with_untracked(|b| {
        b.groups
            .live()
            .map(|g| (g.id.to_string(), g.data.name.clone()))
            .collect()
    });
    (!groups.is_empty()).then(|| {
        let options = std::iter::once((String::new(), t::no_group_yet().to_owned()))
            .chain(groups)
            .collect();
        view! {
            <Field label=t::women_group() control_id="group">
                <Choice id="group" options
                    value=Signal::derive(move || draft.with(|d| d.group.clone()))
                    set=Callback::new(move |v| {
                        draft.update(|d| d.group = v);
                        on_change.run(());
                    })/>
            </Field>
        }
    })
}

#[component]
pub(super) fn StatusField(
    draft: RwSignal<MemberDraft>,
    today: Date,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    // An active member with no history is active since joining: no separate date.
    let show_date = move || draft.with(|d| d.status != Status::Active || !d.status_on.is_empty());
    view! {
        <div class="status-row">
            <Field label=t::status() control_id="status">
                <select id="status" on:change=move |ev| {
                    let index: usize = event_target_value(&ev).parse().unwrap_or(0);
                    let status = Status::ALL.get(index).copied().unwrap_or(Status::Active);
                    draft.update(|d| {
                        d.status = status;
                        if status != Status::Active && d.status_on.is_empty() {
                            d.status_on = today.vn();
                        }
                    });
                    on_change.run(());
                }>
                    {Status::ALL.iter().enumerate().map(|(i, status)| {
                        let status = *status;
                        view! {
                            <option value=i.to_string() selected=move || draft.with(|d| d.status == status)>{status_label(status)}</option>
                        }
                    }).collect_view()}
                </select>
            </Field>
            <Show when=show_date>
                <Field label=t::from_date() error>
                    <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.status_on, set: |d, v| d.status_on = v } kind=TextKind::Date on_change invalid=Signal::derive(move || error.with(Option::is_some))/>
                </Field>
            </Show>
        </div>
    }
}
