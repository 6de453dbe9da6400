//! Her status history, as the form shows it, and deleting her (undone from
//! the message that says it).

use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::member::Member;
use crate::domain::records::member_draft::MemberDraft;
use crate::ui::i18n::t;
use crate::ui::route::{go, Route};
use crate::ui::shared::format::date;
use crate::ui::shared::messages::status_label;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The member's status changes, each removable if it was a mistake; the day
/// she came from another chapter and what she did in the ones before.
#[component]
pub(super) fn History(
    current: Signal<Option<Record<Member>>>,
    draft: RwSignal<MemberDraft>,
) -> impl IntoView {
    let state = use_app();
    let changes = move || {
        current
            .get()
            .map(|r| r.data.status_history.clone())
            .unwrap_or_default()
    };
    let remove = move |index: usize| {
        let Some(record) = current.get_untracked() else {
            return;
        };
        let mut member = record.data.clone();
        member.remove_status_change(index);
        draft.set(MemberDraft::from_member(&member));
        state.save(Some(&record.id), member);
    };
    view! {
        <Show when=move || !changes().is_empty()>
            <section class="history">
                <h2>{t::status_history()}</h2>
                <ul>
                    {move || changes().into_iter().enumerate().map(|(i, change)| view! {
                        <li>
                            <span>{match change.place.as_str() {
                                "" => t::status_since(status_label(change.status), date(change.on)),
                                place => t::moved_place(status_label(change.status), date(change.on), place),
                            }}</span>
                            <button type="button" class="link" on:click=move |_| remove(i)
                                aria-label=t::remove_status_line(status_label(change.status), date(change.on))>
                                {t::remove()}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Deleting, after a confirmation that says it can be undone.
#[component]
pub(super) fn DeleteMember(
    id: StoredValue<Option<RecordId>>,
    name: Signal<String>,
) -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let delete = move |_| {
        if let Some(id) = id.get_value() {
            state.delete_undoable::<Member>(&id, t::member_deleted(name.get_untracked()));
            go(&Route::Register);
        }
    };
    view! {
        <section class="danger-zone">
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button danger-outline" on:click=move |_| asking.set(true)>{t::delete_from_register()}</button>
                    <p class="field-hint">{t::delete_hint()}</p>
                }
            >
                <p>{move || t::delete_member_question(name.get())}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=delete>{t::delete()}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(false)>{t::cancel_no()}</button>
                </div>
            </Show>
        </section>
    }
}
