//! «Cài đặt»: how the app keeps her data. Whether the browser promised to
//! keep it, how full its storage is and what fills it, and her backups.

use crate::domain::book::storage_meter::{fill, percent_used, Fill, LIMIT_CHARS};
use crate::storage::local::{set_language, usage, Held};
use crate::storage::persistence::{self, Persistence};
use crate::ui::i18n::t;
use crate::ui::i18n::{lang, Lang};
use crate::ui::route::Route;
use crate::ui::shared::backups::{make_backup, BackupStatus};
use crate::ui::shared::banners::reminder_rule;
use crate::ui::shared::format::count;
use crate::ui::shared::messages::collection_label;
use crate::ui::shared::messages::save_error_text;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn held_label(held: Held) -> &'static str {
    match held {
        Held::Collection(name) => collection_label(name),
        Held::Device => t::held_device(),
        Held::Aside => t::held_aside(),
        Held::Drafts => t::held_drafts(),
        Held::Sample => t::held_sample(),
        Held::Other => t::held_other(),
    }
}

fn persistence_text(answer: Persistence) -> &'static str {
    match answer {
        Persistence::Granted => t::persist_granted(),
        Persistence::NotGranted => t::persist_not_granted(),
        Persistence::Unsupported => t::persist_unsupported(),
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>{t::settings()}</h1>
        <UnitCard/>
        <LanguageCard/>
        <StorageCard/>
        <BackupCard/>
    }
}

#[component]
fn UnitCard() -> impl IntoView {
    let state = use_app();
    let name = move || state.unit_chain().first().map(|u| u.data.name.clone());
    view! {
        <section class="card">
            <h2>{t::unit()}</h2>
            <p>{name}</p>
            <a class="button" href=Route::Unit.href()>{t::edit_unit()}</a>
        </section>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let state = use_app();
    let answer = RwSignal::new(None::<Persistence>);
    spawn_local(async move { answer.set(Some(persistence::current().await)) });
    let ask = move |_| spawn_local(async move { answer.set(Some(persistence::request().await)) });
    // Read when the page opens: a save elsewhere does not move it much.
    let parts = usage();
    let used: usize = parts.iter().map(|(_, chars)| chars).sum();
    let percent = percent_used(used);
    view! {
        <section class="card storage">
            <h2>{t::storage_title()}</h2>
            <p role="status">{move || answer.get().map(persistence_text)}</p>
            {move || (answer.get() == Some(Persistence::NotGranted)).then(|| view! {
                <button type="button" class="button" on:click=ask>{t::ask_persist()}</button>
            })}
            <p>
                {t::storage_used(count(used as u64), count(LIMIT_CHARS as u64), percent)}
            </p>
            <meter
                min="0"
                max=LIMIT_CHARS.to_string()
                low=(LIMIT_CHARS / 100 * 80).to_string()
                optimum="0"
                value=used.to_string()
                aria-label=t::storage_meter()
            ></meter>
            {(fill(used) == Fill::Tight).then(|| view! {
                <p class="banner warn" role="alert">
                    {t::storage_tight()}
                </p>
            })}
            <table class="usage">
                <caption class="visually-hidden">{t::storage_by_part()}</caption>
                <thead><tr><th scope="col">{t::part()}</th><th scope="col" class="number">{t::characters()}</th></tr></thead>
                <tbody>
                    // Empty collections ("[]" under their key) are not worth a line.
                    {parts.into_iter().filter(|(_, chars)| *chars >= 100).map(|(held, chars)| view! {
                        <tr><td>{held_label(held)}</td><td class="number">{count(chars as u64)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            // For whoever helps her with two phones: which one this is.
            <p class="note">{move || t::device_id(state.device.with(|d| d.clock.device.as_str().to_owned()))}</p>
        </section>
    }
}

#[component]
fn BackupCard() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="card">
            <h2>{t::backup()}</h2>
            <BackupStatus/>
            <p class="note">{reminder_rule()}</p>
            <button type="button" class="button primary" on:click=move |_| make_backup(state)>{t::make_backup()}</button>
        </section>
    }
}

/// The interface language; the page starts again in the one chosen.
#[component]
fn LanguageCard() -> impl IntoView {
    let state = use_app();
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        match set_language(&code) {
            Ok(()) => {
                let _ = window().location().reload();
            }
            Err(error) => state.tell(save_error_text(&error)),
        }
    };
    view! {
        <section class="card">
            <h2><label for="language">{t::language()}</label></h2>
            <select id="language" on:change=choose>
                {Lang::ALL.into_iter().map(|l| view! {
                    <option value=l.code() selected=l == lang()>{l.name()}</option>
                }).collect_view()}
            </select>
        </section>
    }
}
