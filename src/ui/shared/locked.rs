//! Files locked with a passphrase: the form that makes one (a backup on the
//! files page, a transfer file on the member's move) and the one that opens
//! one when it is imported (import panel, restore screen).

use crate::domain::file::envelope::{FileKind, OutFile};
use crate::domain::file::sealed::{write_sealed, Sealed};
use crate::storage::crypto::{lock, open, CryptoError};
use crate::ui::i18n::t;
use crate::ui::shared::fields::Field;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Fewest characters of a passphrase: PBKDF2 slows guessing, it does not
/// make a short passphrase long.
const MIN_PASSPHRASE: usize = 8;

fn crypto_problem(error: CryptoError) -> String {
    match error {
        CryptoError::WrongPassphrase => t::passphrase_wrong().into(),
        CryptoError::Unavailable => t::crypto_unavailable().into(),
    }
}

/// A password input bound to `value`.
#[component]
fn Passphrase(
    value: RwSignal<String>,
    /// `new-password` when setting one, `current-password` when opening.
    autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <input type="password" autocomplete=autocomplete prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

/// Makes a file of `kind` locked with a passphrase she types twice, and
/// sends it: `make` writes the file (or says why it cannot), `send` sends
/// the locked one.
#[component]
pub fn LockedFile(
    kind: FileKind,
    title: &'static str,
    text: &'static str,
    button: &'static str,
    make: Callback<(), Option<OutFile>>,
    send: Callback<OutFile>,
) -> impl IntoView {
    let state = use_app();
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let make = move |_| {
        let (chosen, repeated) = (passphrase.get_untracked(), again.get_untracked());
        if chosen.chars().count() < MIN_PASSPHRASE {
            problem.set(Some(t::passphrase_too_short(MIN_PASSPHRASE)));
            return;
        }
        if chosen != repeated {
            problem.set(Some(t::passphrases_differ().into()));
            return;
        }
        let Some(file) = make.run(()) else {
            return;
        };
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match lock(file.contents.as_bytes(), &chosen).await {
                Ok(sealed) => {
                    passphrase.set(String::new());
                    again.set(String::new());
                    send.run(write_sealed(&sealed, kind, state.now_ms(), state.today()));
                }
                Err(error) => problem.set(Some(crypto_problem(error))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card">
            <h2>{title}</h2>
            <p>{text}</p>
            <Field label=t::passphrase_new() hint=t::passphrase_hint()>
                <Passphrase value=passphrase autocomplete="new-password"/>
            </Field>
            <Field label=t::passphrase_again() error=Signal::derive(move || problem.get())>
                <Passphrase value=again autocomplete="new-password"/>
            </Field>
            <button type="button" class="button primary" disabled=move || busy.get() on:click=make>
                {move || if busy.get() { t::locking() } else { button }}
            </button>
        </section>
    }
}

/// Asks for the passphrase of the locked file `name`; `opened` gets the
/// backup file's bytes once it opens.
#[component]
pub fn Unlock(name: String, sealed: Sealed, opened: Callback<Vec<u8>>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let sealed = StoredValue::new(sealed);
    let try_open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        spawn_local(async move {
            let typed = passphrase.get_untracked();
            match open(&sealed.get_value(), &typed).await {
                Ok(bytes) => opened.run(bytes),
                Err(error) => problem.set(Some(crypto_problem(error))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="banner unlock" on:submit=try_open>
            <p>{t::locked_file(&name)}</p>
            <Field label=t::passphrase() error=Signal::derive(move || problem.get())>
                <Passphrase value=passphrase autocomplete="current-password"/>
            </Field>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t::unlocking() } else { t::unlock() }}
            </button>
        </form>
    }
}
