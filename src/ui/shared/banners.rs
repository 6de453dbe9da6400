//! Messages that stay at the top of every page until dealt with: the sample
//! space, a save that failed, data that could not be read at start-up, a new
//! version waiting to be applied, storage nearly full, a backup due, and
//! Safari's deletion of the book after a week outside the Home Screen.

use crate::domain::book::reminder::{backup_due, snooze, Cadence, Reminder, CHANGES, DAYS};
use crate::domain::book::storage_meter::{fill, percent_used, Fill};
use crate::storage::local::{usage, Space};
use crate::storage::persistence::deleted_after_a_week;
use crate::storage::service_worker::apply_update;
use crate::ui::i18n::t;
use crate::ui::parts::make_backup;
use crate::ui::shared::messages::{load_problem_text, save_error_text};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Opens the other space by reloading into it (a sample is made then, the
/// first time).
pub fn switch_space(state: AppState, space: Space) {
    match space.open_next() {
        Ok(()) => {
            let _ = window().location().set_hash("");
            let _ = window().location().reload();
        }
        Err(error) => state.tell(save_error_text(&error)),
    }
}

/// How often backups are due on this browser: daily where it deletes the
/// site's data after a week without a visit.
fn cadence() -> Cadence {
    if deleted_after_a_week() {
        Cadence::Daily
    } else {
        Cadence::Usual
    }
}

/// When the app reminds her of backups, in one sentence.
pub fn reminder_rule() -> String {
    match cadence() {
        Cadence::Usual => t::reminder_rule(DAYS, CHANGES),
        Cadence::Daily => t::reminder_rule_daily().into(),
    }
}

fn reminder_text(reminder: Reminder) -> String {
    let since = match reminder.days {
        Some(days) => t::reminder_days(days, reminder.changes),
        None => t::reminder_never(reminder.changes),
    };
    t::reminder_why(since)
}

/// A quiet offer of a backup when one is due; «Để sau» puts it off for days.
#[component]
fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let due = move || {
        let (last, snoozed) = state
            .device
            .with(|d| (d.last_backup_ms, d.reminder_snoozed_until_ms));
        let written = state.book.with(|b| b.written_after(last));
        backup_due(written, last, snoozed, state.now_ms(), cadence())
    };
    let later = move |_| {
        let until = snooze(state.now_ms(), cadence());
        state
            .device
            .update(|d| d.reminder_snoozed_until_ms = Some(until));
    };
    move || {
        due().map(|reminder| view! {
            <div class="banner reminder" role="note">
                <p>{reminder_text(reminder)}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| make_backup(state)>{t::back_up_now()}</button>
                    <button type="button" class="button" on:click=later>{t::later()}</button>
                </div>
            </div>
        })
    }
}

/// Safari on iPhone and iPad, outside the Home Screen, deletes the book after
/// a week without a visit, and offers no install prompt: said at set-up and
/// on every start, with the steps to add the app to the Home Screen (open at
/// set-up, a tap away after), until she opens it from there.
#[component]
fn SafariWarning() -> impl IntoView {
    let state = use_app();
    let set_up = state.device.with_untracked(|d| d.home.is_some());
    view! {
        <div class="banner warn" role="note">
            <p>{t::safari_warning()}</p>
            <details open=!set_up>
                <summary>{t::safari_how()}</summary>
                <ol>
                    <li>{t::safari_step_share()}</li>
                    <li>{t::safari_step_add()}</li>
                    <li>{t::safari_step_open()}</li>
                </ol>
                <p>{t::safari_move_book()}</p>
            </details>
        </div>
    }
}

/// Storage nearly full, measured when the page opens.
#[component]
fn StorageWarning() -> impl IntoView {
    let used: usize = usage().iter().map(|(_, chars)| chars).sum();
    (fill(used) == Fill::Tight).then(|| {
        view! {
            <div class="banner warn" role="alert">
                <p>{t::storage_used_warning(percent_used(used))}</p>
                <a class="button" href=crate::ui::route::Route::Settings.href()>{t::see_storage()}</a>
            </div>
        }
    })
}

#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let demo = match state.space {
        Space::Own => None,
        Space::Demo => Some(t::sample_chapter_banner()),
        Space::DemoCluster => Some(t::sample_cluster_banner()),
    };
    view! {
        <div class="banners" role="region" aria-label=t::notices()>
            {demo.map(|text| view! {
                <div class="banner demo" role="note">
                    <p>{text}</p>
                    <button type="button" class="button" aria-label=t::leave_sample() on:click=move |_| switch_space(state, Space::Own)>{t::leave()}</button>
                </div>
            })}
            {move || state.update_ready.get().then(|| view! {
                <div class="banner update" role="status">
                    <p>{t::update_ready()}</p>
                    <button type="button" class="button primary" on:click=move |_| apply_update()>{t::update()}</button>
                </div>
            })}
            {deleted_after_a_week().then(|| view! { <SafariWarning/> })}
            {(!state.space.is_sample()).then(|| view! { <BackupReminder/> })}
            <StorageWarning/>
            {move || state.save_error.get().map(|error| view! {
                <div class="banner error" role="alert">
                    <p>{save_error_text(&error)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| make_backup(state)>{t::make_backup()}</button>
                        <button type="button" class="button" on:click=move |_| state.persist()>{t::save_retry()}</button>
                    </div>
                </div>
            })}
            {move || {
                let problems = state.load_problems.get();
                (!problems.is_empty()).then(|| view! {
                    <div class="banner warn" role="alert">
                        {problems.iter().map(|p| view! { <p>{load_problem_text(p)}</p> }).collect_view()}
                        <div class="actions">
                            <a class="button" href=crate::ui::route::Route::Files.href()>{t::see_kept_aside()}</a>
                            <button type="button" class="button" on:click=move |_| state.load_problems.set(Vec::new())>{t::understood()}</button>
                        </div>
                    </div>
                })
            }}
        </div>
    }
}
