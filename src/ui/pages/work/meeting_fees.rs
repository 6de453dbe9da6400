//! The year's fee collected at a meeting: those present, ticked off in the
//! fee register itself on the meeting's day, never a second copy.

use crate::domain::book::meetings::fees_collected;
use crate::domain::book::register::sort_by_name;
use crate::domain::kernel::record::Record;
use crate::domain::records::activity::Activity;
use crate::domain::records::fee::FeePayment;
use crate::domain::records::member::Member;
use crate::ui::i18n::t;
use crate::ui::pages::work::fees::{fee_rate, payment, set_paid};
use crate::ui::shared::format::{compare_vi, count, date};
use crate::ui::shared::more::{Drawn, More};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The year's fee collected at the meeting: those present in name order,
/// ticked off in the fee register on the meeting's day; folded to its
/// counts, its list drawn once opened, a hundred names at a time (a whole
/// chapter's roll call may hold thousands). Rows keep their place as she
/// ticks.
#[component]
pub fn FeesAtMeeting(draft: RwSignal<Activity>) -> impl IntoView {
    let state = use_app();
    let year = move || draft.with(|a| a.on.year());
    let open = RwSignal::new(false);
    // Present, paid this year, and what was paid at this meeting.
    let counts = Memo::new(move |_| {
        let year = year();
        draft.with(|a| {
            state.book.with(|b| {
                let paid = a
                    .attendees
                    .iter()
                    .filter_map(|id| FeePayment::id(id, year))
                    .filter(|id| b.fees.get(id).is_some_and(|p| !p.deleted))
                    .count();
                (a.attendees.len(), paid, fees_collected(b, a))
            })
        })
    });
    // Sorted again when those present change, not as other fields do.
    let attendees = Memo::new(move |_| draft.with(|a| a.attendees.clone()));
    let rows = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        attendees.with(|ids| {
            state.book.with(|b| {
                let mut present: Vec<&Record<Member>> =
                    ids.iter().filter_map(|id| b.members.get(id)).collect();
                sort_by_name(&mut present, compare_vi);
                present
                    .iter()
                    .map(|m| (m.id.clone(), m.data.full_name()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let drawn = Drawn::restarting_on(move || open.track());
    let summary = move || {
        let (present, paid, (here, sum)) = counts.get();
        let mut line = t::fees_at_meeting_summary(paid, present, year());
        if here > 0 {
            line = format!("{line}. {}", t::fees_collected_here(here, count(sum)));
        }
        line
    };
    view! {
        <Show when=move || counts.with(|c| c.0 > 0) fallback=|| view! { <p class="field-hint">{t::fees_none_present()}</p> }>
            <details class="meeting-fees" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>
                    <strong>{move || t::fees_at_meeting(year())}</strong>
                    <span class="field-hint" role="status">{summary}</span>
                </summary>
                <Show when=move || fee_rate(year()) == 0>
                    <p class="field-hint">{move || t::no_fee_rate(year())}</p>
                </Show>
                <p class="field-hint">{t::fees_at_meeting_hint()}</p>
                <ul class="member-list fees">
                    <For each=move || rows.with(|r| r.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                        key=|(id, _)| id.clone() let((id, name))>
                        {
                            let paid = {
                                let id = id.clone();
                                move || payment(&id, year())
                            };
                            let checked = paid.clone();
                            let elsewhere = move || {
                                let on = draft.with(|a| a.on);
                                paid().filter(|p| p.paid_on != on).map(|p| t::paid_before(date(p.paid_on)))
                            };
                            view! {
                                <li>
                                    <label class="check fee-row">
                                        <input type="checkbox" prop:checked=move || checked().is_some()
                                            on:change=move |ev| {
                                                let on = draft.with_untracked(|a| a.on);
                                                set_paid(&id, on.year(), on, event_target_checked(&ev));
                                            }/>
                                        <span class="member-name">{name}</span>
                                        <span class="member-details">{elsewhere}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <More drawn total=Signal::derive(move || rows.with(Vec::len)) label=t::show_more/>
            </details>
        </Show>
    }
}
