//! The roll call of a meeting, one screen of names: one tap on a name marks
//! her present, a second excused, a third absent again; the counts stay at
//! the top, and «Tất cả có mặt» marks everyone at once. Who is called
//! follows the day and the group met (the group's members, or the
//! chapter's), as the figures count them.

use crate::domain::book::collections::Book;
use crate::domain::book::meetings::{expected_at, is_expected, roll_call};
use crate::domain::book::register::{sort_by_name, Query, Shown};
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::activity::{Activity, Mark};
use crate::domain::records::member::Member;
use crate::ui::i18n::t;
use crate::ui::pages::work::Change;
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::more::{Drawn, More};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// More names than this and a search box helps find one.
const SEARCH_FROM: usize = 30;

fn mark_text(mark: Mark) -> &'static str {
    match mark {
        Mark::Present => t::mark_present(),
        Mark::Excused => t::mark_excused(),
        Mark::Absent => t::mark_absent(),
    }
}

fn mark_class(mark: Mark) -> &'static str {
    match mark {
        Mark::Present => "roll-row present",
        Mark::Excused => "roll-row excused",
        Mark::Absent => "roll-row",
    }
}

/// The names to call at a meeting of `group` on `on`: those expected, in
/// name order.
fn expected_names(
    book: &Book,
    group: Option<&RecordId>,
    on: crate::domain::kernel::date::Date,
) -> Vec<(RecordId, String)> {
    let mut expected: Vec<&Record<Member>> = expected_at(book, group, on).collect();
    sort_by_name(&mut expected, compare_vi);
    expected
        .iter()
        .map(|m| (m.id.clone(), m.data.full_name()))
        .collect()
}

/// Members marked though not expected (from another group), to list after
/// those expected: a few, found without going through the register.
fn others(book: &Book, a: &Activity) -> Vec<(RecordId, String)> {
    a.attendees
        .iter()
        .chain(&a.excused)
        .filter_map(|id| match book.members.get(id) {
            Some(m) if !m.deleted && is_expected(&m.data, a.group.as_ref(), a.on) => None,
            Some(m) => Some((id.clone(), m.data.full_name())),
            None => Some((id.clone(), id.to_string())),
        })
        .collect()
}

#[component]
pub fn RollCallList(
    draft: RwSignal<Activity>,
    /// Applies a change to the draft and saves an existing meeting.
    set: impl Fn(Change<Activity>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    // Sorted again only when the day or the group changes, not at each tap.
    let called = Memo::new(move |_| draft.with(|a| (a.group.clone(), a.on)));
    let expected = Memo::new(move |_| {
        called.with(|(group, on)| state.book.with(|b| expected_names(b, group.as_ref(), *on)))
    });
    // Unchanged by most taps, so that the list is not filtered again.
    let others = Memo::new(move |_| state.book.with(|b| draft.with(|a| others(b, a))));
    let text = RwSignal::new(String::new());
    // Found as the register finds members (name without diacritics, phone).
    let shown = Memo::new(move |_| {
        let query = Query {
            text: text.get(),
            shown: Shown::All,
            ..Query::default()
        };
        let any = query.text.trim().is_empty();
        state.book.with(|b| {
            let found = |(id, _): &&(RecordId, String)| {
                any || b.members.get(id).is_some_and(|m| query.matches(m))
            };
            expected.with(|e| {
                others.with(|o| e.iter().chain(o).filter(found).cloned().collect::<Vec<_>>())
            })
        })
    });
    let total = move || expected.with(Vec::len) + others.with(Vec::len);
    let searchable = move || total() > SEARCH_FROM;
    let drawn = Drawn::restarting_on(move || text.track());
    let counts = move || {
        let roll = draft.with(|a| state.book.with(|b| roll_call(b, a)));
        let mut line = t::roll_counts(roll.present, roll.excused, roll.absent, roll.expected);
        if roll.others > 0 {
            line = format!("{line} · {}", t::roll_others(roll.others));
        }
        line
    };
    let all_present = move |_| {
        let everyone: Vec<RecordId> =
            expected.with_untracked(|e| e.iter().map(|(id, _)| id.clone()).collect());
        set(Box::new(move |a| a.mark_all_present(&everyone)));
    };
    view! {
        <fieldset class="roll-call">
            <legend>{t::roll_call()}</legend>
            <p class="roll-counts" role="status">{counts}</p>
            <p class="field-hint">{t::roll_call_hint()}</p>
            <button type="button" class="button small" on:click=all_present>{t::all_present()}</button>
            <Show when=searchable>
                <label class="search">
                    <span class="visually-hidden">{t::search_in_list(t::roll_call())}</span>
                    <input type="search" placeholder=t::search_by_name() autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))/>
                </label>
            </Show>
            <Show when=move || total() == 0>
                <p class="empty">{t::roll_empty()}</p>
            </Show>
            <ul class="roll-list">
                <For
                    each=move || shown.with(|s| s.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                    key=|(id, _)| id.clone()
                    let((id, name))
                >
                    {
                        let mark = {
                            let id = id.clone();
                            Memo::new(move |_| draft.with(|a| a.mark(&id)))
                        };
                        let tap = {
                            let id = id.clone();
                            move |_| {
                                let id = id.clone();
                                set(Box::new(move |a| {
                                    let next = a.mark(&id).next();
                                    a.set_mark(&id, next);
                                }));
                            }
                        };
                        view! {
                            <li>
                                <button type="button" class=move || mark_class(mark.get()) on:click=tap>
                                    <span class="member-name">{name}</span>
                                    <span class="roll-mark">{move || mark_text(mark.get())}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <More drawn total=Signal::derive(move || shown.with(Vec::len)) label=t::show_more/>
        </fieldset>
    }
}
