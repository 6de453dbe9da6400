//! A meeting's minutes on an A4 page, as the Union's paper minutes read
//! (`domain::sheets::minutes`): printed, saved as PDF from the print
//! dialog, or sent as a text file through the share sheet. They name
//! members, so they stay with the chapter: no report carries them.

use crate::domain::file::envelope::OutFile;
use crate::domain::kernel::record::RecordId;
use crate::domain::sheets::minutes::{minutes, Minutes, MOTTO, SIGNERS, SIGN_HERE};
use crate::ui::i18n::t;
use crate::ui::route::{Route, Section};
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::sending::send_file;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn MinutesPage(id: RecordId) -> impl IntoView {
    let state = use_app();
    let found = state
        .book
        .with_untracked(|b| b.activities.get(&id).map(|a| a.data.clone()));
    let Some(meeting) = found else {
        return view! {
            <section class="card">
                <h1>{t::not_found()}</h1>
                <p>{t::record_not_found_text()}</p>
                <a class="button" href=Route::Work(Section::Activities).href()>{t::back_to_list()}</a>
            </section>
        }
        .into_any();
    };
    let on = meeting.on;
    let paper: Minutes = state.device.with_untracked(|d| {
        state
            .book
            .with_untracked(|b| minutes(b, d.home.as_ref(), &meeting, compare_vi))
    });
    let file = OutFile {
        name: paper.file_name(on),
        contents: paper.to_text(),
    };
    let share = move |_| {
        send_file(
            state,
            file.clone(),
            t::minutes_saved_hint(),
            t::minutes_shared_cancelled(),
            || {},
        )
    };
    let back = Route::Edit(Section::Activities, Some(id));
    view! {
        <div class="no-print">
            <div class="page-title">
                <a class="back" href=back.href() aria-label=t::back_to_list()>"‹"</a>
                <h1>{t::minutes_title()}</h1>
            </div>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>{t::minutes_print()}</button>
                <button type="button" class="button" on:click=share>{t::minutes_share()}</button>
            </div>
            <p class="field-hint">{t::minutes_hint()}</p>
        </div>
        <MinutesPaper paper/>
    }
    .into_any()
}

/// The page itself: heading, title, numbered parts, signatures.
#[component]
fn MinutesPaper(paper: Minutes) -> impl IntoView {
    let parts = paper.parts();
    view! {
        <article class="minutes" lang="vi">
            <header class="minutes-head">
                <div>
                    <p>{paper.above.clone()}</p>
                    <p><strong>{paper.unit.clone()}</strong></p>
                </div>
                <div>
                    <p><strong>{MOTTO[0]}</strong></p>
                    <p class="motto">{MOTTO[1]}</p>
                    <p class="dated"><em>{paper.dated.clone()}</em></p>
                </div>
            </header>
            <h2 class="minutes-title">{paper.title.clone()}</h2>
            <p class="minutes-kind">{format!("({})", paper.kind)}</p>
            {parts.into_iter().enumerate().map(|(i, (heading, lines))| view! {
                <section class="minutes-part">
                    <h3>{format!("{}. {heading}", i + 1)}</h3>
                    {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </section>
            }).collect_view()}
            <footer class="minutes-signs">
                <div>
                    <p><strong>{SIGNERS[0]}</strong></p>
                    <p><em>{SIGN_HERE}</em></p>
                    <p class="signed">{paper.secretary.clone()}</p>
                </div>
                <div>
                    <p><strong>{SIGNERS[1]}</strong></p>
                    <p><em>{SIGN_HERE}</em></p>
                    <p class="signed">{paper.chair.clone()}</p>
                </div>
            </footer>
        </article>
    }
}
