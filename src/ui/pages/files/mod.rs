//! Backups: making one, importing one, and copies of unreadable data kept aside.

pub mod settings;
mod update;
use crate::domain::file::envelope::FileKind;
use crate::storage::local::{aside_copies, aside_problem, remove_aside};
use crate::ui::i18n::t;
use crate::ui::route::Route;
use crate::ui::shared::backups::{backup_file, make_backup, send_backup, BackupStatus};
use crate::ui::shared::import_panel::ImportPanel;
use crate::ui::shared::locked::LockedFile;
use crate::ui::shared::messages::load_problem_details;
use crate::ui::shared::sending::save_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn FilesPage() -> impl IntoView {
    let state = use_app();
    // Another phone's file remembered here: the update card reads the phones again.
    let heard = Trigger::new();
    view! {
        <h1>{t::files_title()}</h1>
        <section class="card">
            <h2>{t::make_backup()}</h2>
            <p>{t::backup_holds()}</p>
            <BackupStatus/>
            <button type="button" class="button primary" on:click=move |_| make_backup(state)>{t::make_backup()}</button>
        </section>
        <LockedFile kind=FileKind::Backup title=t::locked_backup_title() text=t::locked_backup_text()
            button=t::make_locked_backup() make=Callback::new(move |()| backup_file(state))
            send=Callback::new(move |file| send_backup(state, file))/>
        <update::UpdateFile heard/>
        <section class="card">
            <h2>{t::import_files()}</h2>
            <p>{t::import_files_text()}</p>
            <ImportPanel label=t::choose_files() heard/>
            <a class="button" href=Route::MemberList.href()>{t::list_link()}</a>
        </section>
        <AsideCopies/>
    }
}

/// Unreadable data that start-up kept aside, each copy with what is wrong
/// with it: the user can save each copy as a file, then remove it from the
/// browser.
#[component]
fn AsideCopies() -> impl IntoView {
    let state = use_app();
    let copies = RwSignal::new(aside_copies(state.space));
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <section class="card">
                <h2>{t::kept_aside()}</h2>
                <p>{t::kept_aside_text()}</p>
                <ul class="aside-list">
                    {move || copies.get().into_iter().map(|(key, text)| {
                        let file_name = format!("du-lieu-cat-rieng_{}.json", key.replace('.', "-"));
                        let removed = key.clone();
                        let wrong = aside_problem(state.space, &key, &text, state.today())
                            .map(|problem| load_problem_details(&problem))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <span>{t::key_characters(&key, text.chars().count())}</span>
                                <ul class="problems">
                                    {wrong.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                                <button type="button" class="button" on:click=move |_| {
                                    save_text(state, &file_name, &text, "application/json", t::file_made(&file_name));
                                }>{t::download()}</button>
                                <button type="button" class="button danger-outline" on:click=move |_| {
                                    remove_aside(&removed);
                                    copies.set(aside_copies(state.space));
                                }>{t::remove_this_copy()}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Before set-up: restoring the book from another phone's backup.
#[component]
pub fn RestorePage() -> impl IntoView {
    view! {
        <main class="setup page">
            <h1>{t::restore_title()}</h1>
            <p>{t::restore_text()}</p>
            <section class="card">
                <ImportPanel label=t::choose_backup_file()/>
            </section>
            <a class="button" href=Route::Register.href()>{t::back_to_setup()}</a>
        </main>
    }
}
