//! Choosing several members on a phone: who attended, who takes part. A
//! search box, "all cadres" in one tap, and a list of check boxes in
//! Vietnamese name order; what is chosen is counted at the top.

use crate::domain::book::register::{sort_by_name, Query, Shown};
use crate::domain::figures::compute::cadres_on;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::member::Member;
use crate::ui::i18n::t;
use crate::ui::perf;
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::more::{Drawn, More};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn MemberPicker(
    /// The ids chosen, in the order they were chosen.
    #[prop(into)]
    chosen: Signal<Vec<RecordId>>,
    /// Called with the new choice.
    #[prop(into)]
    set: Callback<Vec<RecordId>>,
    /// What is being chosen: "Người dự trong sổ"…
    label: &'static str,
    /// Whether the list is open while no one is chosen yet: where choosing
    /// people is what the form is for (who came to a meeting), one tap fewer.
    #[prop(optional)]
    open_when_empty: bool,
) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(open_when_empty && chosen.with_untracked(Vec::is_empty));
    let text = RwSignal::new(String::new());
    let candidates = Memo::new(move |_| {
        let query = Query {
            text: text.get(),
            shown: Shown::All,
            ..Query::default()
        };
        let mut found: Vec<Record<Member>> = state.book.with(|b| {
            b.members
                .live()
                .filter(|r| query.matches(r))
                .cloned()
                .collect()
        });
        sort_by_name(&mut found, compare_vi);
        found
    });
    let drawn = Drawn::restarting_on(move || text.track());
    let toggle = move |id: RecordId| {
        let mut ids = chosen.get_untracked();
        match ids.iter().position(|x| *x == id) {
            Some(i) => {
                ids.remove(i);
            }
            None => ids.push(id),
        }
        set.run(ids);
    };
    let add_cadres = move |_| {
        let mut ids = chosen.get_untracked();
        let cadres = state.book.with_untracked(|b| cadres_on(b, state.today()));
        for id in cadres {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        set.run(ids);
    };
    view! {
        <fieldset class="picker">
            <legend>{label}</legend>
            <div class="picker-head">
                <span class="picker-count">{move || t::chosen_people(chosen.with(Vec::len))}</span>
                <button type="button" class="button small" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { t::done() } else { t::choose_people() }}
                </button>
            </div>
            <Show when=move || open.get()>
                <div class="actions">
                    <button type="button" class="button small" on:click=add_cadres>{t::add_all_cadres()}</button>
                    <button type="button" class="button small" on:click=move |_| set.run(Vec::new())>{t::clear_choice()}</button>
                </div>
                <label class="search">
                    <span class="visually-hidden">{t::search_in_list(label)}</span>
                    <input type="search" placeholder=t::search_by_name() autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            perf::start("search");
                            text.set(event_target_value(&ev));
                            perf::end_at_next_frame("search");
                        }/>
                </label>
                <ul class="picker-list">
                    <For
                        each=move || candidates.with(|c| c.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                        key=|r| r.id.clone()
                        let(record)
                    >
                        {
                            let id = record.id.clone();
                            let checked = {
                                let id = id.clone();
                                move || chosen.with(|c| c.contains(&id))
                            };
                            view! {
                                <li>
                                    <label class="check">
                                        <input type="checkbox" prop:checked=checked on:change=move |_| toggle(id.clone())/>
                                        <span>{record.data.full_name()}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <More drawn total=Signal::derive(move || candidates.with(Vec::len)) label=t::show_more/>
            </Show>
        </fieldset>
    }
}
