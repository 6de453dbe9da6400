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
    /// A draft from an earlier visit was put back in the form.
    pub restored: RwSignal<bool>,
}

impl KeptDraft {
    /// Puts back the draft kept for `form`, if any, and keeps every change
    /// from now on; a form back to `blank` keeps nothing.
    pub fn new<T>(state: AppState, form: String, draft: RwSignal<T>, blank: T) -> KeptDraft
    where
        T: Serialize + DeserializeOwned + PartialEq + Clone + Send + Sync + 'static,
    {
        let kept = load_draft::<T>(state.space, &form).filter(|d| *d != blank);
        let restored = RwSignal::new(kept.is_some());
        if let Some(kept) = kept {
            draft.set(kept);
        }
        let form = StoredValue::new(form);
        // Not on the first run: a kept draft that could not be read stays
        // as it is until she types.
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
            restored,
        }
    }

    /// Forgets the draft: the record was saved.
    pub fn clear(&self) {
        self.form
            .with_value(|form| clear_draft(self.state.space, form));
        self.restored.set(false);
    }
}

/// Says that the form holds what she typed last time, with a way to start over.
#[component]
pub fn DraftNote(kept: KeptDraft, start_over: Callback<()>) -> impl IntoView {
    view! {
        <Show when=move || kept.restored.get()>
            <div class="banner reminder" role="status">
                <p>{t::draft_kept()}</p>
                <button type="button" class="button" on:click=move |_| {
                    kept.clear();
                    start_over.run(());
                }>{t::draft_start_over()}</button>
            </div>
        </Show>
    }
}
