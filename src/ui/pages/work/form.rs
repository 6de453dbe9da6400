//! The page of one record of the chapter's work, whatever its kind: its
//! fields, a save button for a new record and saving as fields are left for
//! an existing one, the problems to fix, and deletion that can be undone.

use crate::domain::book::collections::InBook;
use crate::domain::kernel::record::RecordId;
use crate::ui::i18n::t;
use crate::ui::route::{go, Route, Section};
use crate::ui::shared::draft::{DraftNote, KeptDraft};
use crate::ui::shared::messages::field_problem_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Draws a record's fields from its draft; calls the callback after each change.
pub type Fields<T> = fn(RwSignal<T>, Callback<()>) -> AnyView;

#[component]
pub fn RecordPage<T: InBook + Send + Sync + 'static>(
    section: Section,
    /// The record shown; `None` for a new one.
    id: Option<RecordId>,
    /// Title of the page for a new record.
    new_title: &'static str,
    /// A new record's first contents.
    blank: T,
    /// The record's name, as a title.
    title: fn(&T) -> String,
    fields: Fields<T>,
    /// What a saved record offers below its fields: a meeting's minutes.
    #[prop(optional)]
    after: Option<fn(RecordId) -> AnyView>,
) -> impl IntoView {
    let state = use_app();
    let today = state.today();
    let list = Route::Work(section);
    let existing = id
        .as_ref()
        .and_then(|id| state.book.with_untracked(|b| T::of(b).get(id).cloned()));
    if id.is_some() && existing.is_none() {
        return view! {
            <section class="card">
                <h1>{t::not_found()}</h1>
                <p>{t::record_not_found_text()}</p>
                <a class="button" href=list.href()>{t::back_to_list()}</a>
            </section>
        }
        .into_any();
    }
    let editing = id.is_some();
    let id = StoredValue::new(id);
    let draft = RwSignal::new(existing.map_or(blank.clone(), |r| r.data));
    let kept = (!editing).then(|| {
        let form = Route::Edit(section, None).hash();
        KeptDraft::new(state, form, draft, blank.clone(), title)
    });
    let problems = Memo::new(move |_| draft.with(|d| d.problems(today)));
    let show_problems = RwSignal::new(editing);
    let saved = RwSignal::new(false);
    let deleted = move || {
        id.with_value(|id| {
            id.as_ref().is_some_and(|id| {
                state
                    .book
                    .with(|b| T::of(b).get(id).is_some_and(|r| r.deleted))
            })
        })
    };
    let changed = Callback::new(move |()| {
        if editing && problems.with(Vec::is_empty) && !deleted() {
            state.save(id.get_value().as_ref(), draft.get_untracked());
            saved.set(true);
        }
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if editing {
            return;
        }
        show_problems.set(true);
        if problems.with(Vec::is_empty) {
            let name = draft.with_untracked(title);
            state.save(None, draft.get_untracked());
            if let Some(kept) = kept {
                kept.clear();
            }
            state.tell(t::saved_name(&name));
            go(&Route::Work(section));
        }
    };
    let asking = RwSignal::new(false);
    let restore = move |_| {
        if let Some(id) = id.get_value() {
            state.set_deleted::<T>(&id, false);
        }
    };
    view! {
        <form class="record-form" on:submit=add>
            <div class="page-title">
                <a class="back" href=list.href() aria-label=t::back_to_list()>"‹"</a>
                <h1>{move || if editing { draft.with(title) } else { new_title.to_owned() }}</h1>
            </div>
            {kept.map(|kept| view! { <DraftNote kept/> })}
            <Show when=deleted>
                <div class="banner warn" role="status">
                    <p>{t::record_deleted_banner()}</p>
                    <button type="button" class="button" on:click=restore>{t::restore()}</button>
                </div>
            </Show>
            <fieldset class="form-body" disabled=deleted>{fields(draft, changed)}</fieldset>
            <Show when=move || show_problems.get() && !problems.with(Vec::is_empty)>
                <div class="banner error" role="alert">
                    <p>{if editing { t::not_saved_fix_list() } else { t::fix_before_saving() }}</p>
                    <ul>{move || problems.get().iter().map(|p| view! { <li>{field_problem_text(p)}</li> }).collect_view()}</ul>
                </div>
            </Show>
            {if editing {
                view! {
                    <p class="save-state" role="status">
                        {move || if saved.get() { t::saved_on_device() } else { t::saved_on_leave() }}
                    </p>
                    {after.zip(id.get_value()).map(|(after, id)| after(id))}
                    <Show when=move || !deleted()>
                        <section class="danger-zone">
                            <Show when=move || asking.get()
                                fallback=move || view! {
                                    <button type="button" class="button danger-outline" on:click=move |_| asking.set(true)>{t::delete_ellipsis()}</button>
                                }>
                                <p>{t::delete_record_question()}</p>
                                <div class="actions">
                                    <button type="button" class="button danger" on:click=move |_| {
                                        if let Some(id) = id.get_value() {
                                            state.delete_undoable::<T>(&id, t::record_deleted().to_owned());
                                        }
                                        go(&Route::Work(section));
                                    }>{t::delete()}</button>
                                    <button type="button" class="button" on:click=move |_| asking.set(false)>{t::cancel_no()}</button>
                                </div>
                            </Show>
                        </section>
                    </Show>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <button type="submit" class="button primary">{t::save()}</button>
                    </div>
                }
                .into_any()
            }}
        </form>
    }
    .into_any()
}
