//! The update file: what changed on this phone since a day, for another phone
//! of the same chapter (a tổ leader's roll calls and fees, back to the leader).

use crate::domain::exchange::backup::write_update;
use crate::domain::kernel::date::Date;
use crate::storage::device::start_of_day_ms;
use crate::ui::i18n::t;
use crate::ui::shared::fields::DateInput;
use crate::ui::shared::format::date_time;
use crate::ui::shared::sending::send_file;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UpdateFile() -> impl IntoView {
    let state = use_app();
    let last_taken = state.device.with_untracked(|d| d.last_taken_ms);
    // No day named: since the last file taken in, or else the start of today.
    let day = RwSignal::new(None::<Date>);
    let after_ms = move || match (day.get(), last_taken) {
        (Some(day), _) => start_of_day_ms(day).saturating_sub(1),
        (None, Some(ms)) => ms,
        (None, None) => start_of_day_ms(state.today()).saturating_sub(1),
    };
    let count = move || state.book.with(|b| b.written_after(Some(after_ms())).count);
    let make = move |_| {
        if count() == 0 {
            state.tell(t::update_nothing());
            return;
        }
        let file = state.book.with_untracked(|b| {
            state
                .device
                .with_untracked(|d| write_update(b, d, after_ms(), state.now_ms(), state.today()))
        });
        if let Some(file) = file {
            send_file(
                state,
                file,
                t::update_saved_hint(),
                t::update_not_sent(),
                || (),
            );
        }
    };
    view! {
        <section class="card" aria-labelledby="update-title">
            <h2 id="update-title">{t::update_title()}</h2>
            <p>{t::update_text()}</p>
            {last_taken.map(|ms| view! {
                <p class="note">{t::update_last_taken(date_time(&(ms as f64).into()))}</p>
            })}
            <div class="field">
                <label for="update-since">{t::update_since()}</label>
                <DateInput id="update-since" value=day set=Callback::new(move |d| day.set(d))/>
            </div>
            <p class="note" role="status">{move || t::update_count(count())}</p>
            <button type="button" class="button" on:click=make>{t::make_update()}</button>
        </section>
    }
}
