//! What she typed in a new record's form is kept until it is saved: leaving
//! for another page (or the phone closing the browser) and coming back finds
//! it as she left it. Edits of saved records need none of this: they are
//! saved as each field is left.

use crate::storage::local::{clear_draft, load_draft, save_draft};
use crate::ui::i18n::t;
use crate::ui::state::AppState;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// A new record's form whose draft is kept in storage under `form`.
#[derive(Clone, Copy)]
pub struct KeptDraft {
    state: AppState,
    form: StoredValue<String>,
    /// What an earlier visit left, named, while it is offered.
    pub offered: RwSignal<Option<String>>,
    /// Puts the earlier visit's draft in the form.
    take: Callback<()>,
}

impl KeptDraft {
    /// Offers the draft kept for `form`, if any, named by `describe` — never
    /// put in the form unasked, where what she types would run on from it —
    /// and keeps every change from now on; a form back to `blank` keeps
    /// nothing.
    pub fn new<T>(
        state: AppState,
        form: String,
        draft: RwSignal<T>,
        blank: T,
        describe: fn(&T) -> String,
    ) -> KeptDraft
    where
        T: Serialize + DeserializeOwned + PartialEq + Clone + Send + Sync + 'static,
    {
        let kept = load_draft::<T>(state.space, &form).filter(|d| *d != blank);
        let offered = RwSignal::new(kept.as_ref().map(describe));
        let kept = StoredValue::new(kept);
        let take = Callback::new(move |()| {
            if let Some(kept) = kept.get_value() {
                draft.set(kept);
            }
        });
        let form = StoredValue::new(form);
        // Not on the first run: the draft offered stays kept until she
        // takes it, throws it away, or types another.
        Effect::new(move |ran: Option<()>| {
            draft.with(|d| {
                if ran.is_some() {
                    form.with_value(|form| match *d == blank {
                        true => clear_draft(state.space, form),
                        false => save_draft(state.space, form, d),
                    })
                }
            })
        });
        KeptDraft {
            state,
            form,
            offered,
            take,
        }
    }

    /// Forgets the draft: the record was saved, or she threw it away.
    pub fn clear(&self) {
        self.form
            .with_value(|form| clear_draft(self.state.space, form));
        self.offered.set(None);
    }
}

/// Offers what she typed last time and did not save: «Dùng lại» puts it in
/// the form, «Bỏ đi» throws it away.
#[component]
pub fn DraftNote(kept: KeptDraft) -> impl IntoView {
    move || {
        kept.offered.get().map(|what| {
            view! {
                <div class="banner reminder" role="status">
                    <p>{match what.trim() {
                        "" => t::draft_offered_unnamed().to_owned(),
                        what => t::draft_offered(what),
                    }}</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| {
                            kept.take.run(());
                            kept.offered.set(None);
                        }>{t::draft_use()}</button>
                        <button type="button" class="button" on:click=move |_| kept.clear()>{t::draft_discard()}</button>
                    </div>
                </div>
            }
        })
    }
}
