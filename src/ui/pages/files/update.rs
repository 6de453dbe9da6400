//! The update file: what another phone of the same chapter has not seen, by
//! what its last file taken in here said its book held (a tổ leader's roll
//! calls and fees, back to the leader). A phone never heard from gets a
//! backup: nothing tells what it holds.

use crate::domain::exchange::backup::write_update;
use crate::storage::local::peers;
use crate::ui::i18n::t;
use crate::ui::shared::format::date_time;
use crate::ui::shared::sending::send_file;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UpdateFile(
    /// Notified when a file taken in on this page is remembered (one that
    /// brings nothing new stays here; the others lead to the register).
    heard: Trigger,
) -> impl IntoView {
    let state = use_app();
    let known = Memo::new(move |_| {
        heard.track();
        peers(state.space)
    });
    // The phone heard from last, unless she picks another.
    let chosen = RwSignal::new(None::<usize>);
    let peer = move || {
        let at = chosen.get();
        known.with(|peers| {
            peers
                .get(at.unwrap_or(peers.len().saturating_sub(1)))
                .cloned()
        })
    };
    let count = move || peer().map_or(0, |p| state.book.with(|b| b.count_unseen(&p.seen)));
    let make = move |_| {
        let Some(peer) = peer() else { return };
        if count() == 0 {
            state.tell(t::update_nothing());
            return;
        }
        let file = state.book.with_untracked(|b| {
            state
                .device
                .with_untracked(|d| write_update(b, d, &peer.seen, state.now_ms(), state.today()))
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
    let taken = |ms: u64| date_time(&(ms as f64).into());
    view! {
        <section class="card" aria-labelledby="update-title">
            <h2 id="update-title">{t::update_title()}</h2>
            <p>{t::update_text()}</p>
            {move || {
                let peers = known.get();
                if peers.is_empty() {
                    return view! { <p class="note">{t::update_no_peer()}</p> }.into_any();
                }
                let last = peers.len() - 1;
                let choices = (peers.len() > 1).then(|| view! {
                    <fieldset class="choices">
                        <legend>{t::update_for()}</legend>
                        {peers.iter().enumerate().rev().map(|(i, p)| {
                            let picked = move || chosen.get().unwrap_or(last) == i;
                            view! {
                                <label class="choice">
                                    <input type="radio" name="update-peer" checked=picked
                                        on:change=move |_| chosen.set(Some(i))/>
                                    {t::update_peer(taken(p.taken_ms))}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                });
                let single = (peers.len() == 1).then(|| view! {
                    <p class="note">{t::update_for_one(taken(peers[0].taken_ms))}</p>
                });
                view! {
                    {single}
                    {choices}
                    <p class="note" role="status">{move || match count() {
                        0 => t::update_none_unseen().to_owned(),
                        n => t::update_count(n),
                    }}</p>
                    <button type="button" class="button" on:click=make>{t::make_update()}</button>
                }.into_any()
            }}
        </section>
    }
}
