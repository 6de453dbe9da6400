//! The member register: counts at the top, search and filters, and the list
//! in Vietnamese name order.

use crate::domain::book::register::{count, sort_by_name, Group, InGroup, Shown};
use crate::domain::kernel::order::sort_with;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::member::{phone_grouped, Member, Religion, Status};
use crate::ui::i18n::t;
use crate::ui::perf;
use crate::ui::route::Route;
use crate::ui::shared::format::date;
use crate::ui::shared::format::{self, compare_vi};
use crate::ui::shared::icons;
use crate::ui::shared::messages::{group_label, status_label};
use crate::ui::shared::more::{Drawn, More};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = use_app();
    let query = state.query;
    let drawn = Drawn::restarting_on(move || query.track());
    let counts = Memo::new(move |_| state.book.with(|b| count(b.members.all())));
    // The members found, in name order, by id and stamp: a row takes its
    // record from the book when it is drawn, so that a register of
    // thousands is not copied at each look for the fifty rows shown.
    let shown = Memo::new(move |_| {
        query.with(|q| {
            state.book.with(|b| {
                let mut found: Vec<&Record<Member>> =
                    b.members.all().filter(|r| q.matches(r)).collect();
                sort_by_name(&mut found, compare_vi);
                found
                    .into_iter()
                    .map(|r| (r.id.clone(), r.stamp.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let toggle_group = move |group: Group| {
        query.update(|q| {
            if let Some(i) = q.groups.iter().position(|g| *g == group) {
                q.groups.remove(i);
            } else {
                q.groups.push(group);
            }
        })
    };
    let status_options = move || {
        let c = counts.get();
        let mut options: Vec<(String, String)> = c
            .statuses
            .iter()
            .enumerate()
            .map(|(i, (status, n))| (format!("s{i}"), format!("{} ({n})", status_label(*status))))
            .collect();
        options.push(("all".into(), t::all_but_deleted().into()));
        options.push(("deleted".into(), t::deleted_count(c.deleted)));
        options
    };
    let shown_value = move || match query.with(|q| q.shown) {
        Shown::Status(status) => format!(
            "s{}",
            Status::ALL.iter().position(|s| *s == status).unwrap_or(0)
        ),
        Shown::All => "all".into(),
        Shown::Deleted => "deleted".into(),
    };
    let set_shown = move |value: String| {
        let shown = match value.as_str() {
            "all" => Shown::All,
            "deleted" => Shown::Deleted,
            other => other
                .strip_prefix('s')
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| Status::ALL.get(i).copied())
                .map_or(Shown::default(), Shown::Status),
        };
        query.update(|q| q.shown = shown);
    };

    view! {
        <h1 class="visually-hidden">{t::register_title()}</h1>
        <section class="summary" aria-label=t::member_figures()>
            <p class="big-count">
                <strong>{move || format::count(counts.with(|c| c.active) as u64)}</strong>
                {t::members_active_after()}
            </p>
            <div class="chips" role="group" aria-label=t::filter_by_group()>
                {Group::ALL.into_iter().enumerate().map(|(i, group)| {
                    let pressed = move || query.with(|q| q.groups.contains(&group));
                    view! {
                        <button
                            type="button"
                            class="chip"
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| toggle_group(group)
                        >
                            {group_label(group)}
                            <span class="chip-count">{move || format::count(counts.with(|c| c.groups[i].1) as u64)}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
        </section>
        <p class="register-links">
            <a href=Route::PaperRegister.href()>{t::print_register()}</a>
            <a href=Route::MemberList.href()>{t::list_from_excel()}</a>
        </p>
        <section class="finder">
            <label class="search">
                <span class="visually-hidden">{t::search_members()}</span>
                <input
                    type="search"
                    placeholder=t::search_members_hint()
                    autocomplete="off"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        perf::start("search");
                        query.update(|q| q.text = event_target_value(&ev));
                        perf::end_at_next_frame("search");
                    }
                />
            </label>
            <GroupChoice/>
            <div class="shown">
                <label for="shown">{t::show()}</label>
                <select id="shown" prop:value=shown_value on:change=move |ev| set_shown(event_target_value(&ev))>
                    {move || status_options().into_iter().map(|(value, label)| {
                        let selected = value == shown_value();
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        </section>
        <p class="result-count" role="status">
            {move || shown.with(|s| match s.len() {
                0 => String::new(),
                n => t::people_count(n),
            })}
        </p>
        <ul class="member-list">
            <For
                each=move || shown.with(|s| s.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                key=|shown| shown.clone()
                let((id, _stamp))
            >
                {state.book.with_untracked(|b| b.members.get(&id).cloned()).map(|record| view! { <MemberRow record/> })}
            </For>
        </ul>
        <More drawn total=Signal::derive(move || shown.with(Vec::len)) label=t::show_more/>
        <Show when=move || shown.with(Vec::is_empty)>
            <EmptyList/>
        </Show>
        <a class="fab" href=Route::NewMember.href()>
            {icons::plus()}
            <span>{t::add_member()}</span>
        </a>
    }
}

/// The women's group (tổ) the list shows, where the chapter has groups.
#[component]
fn GroupChoice() -> impl IntoView {
    let state = use_app();
    let options = Memo::new(move |_| {
        state.book.with(|b| {
            let mut groups: Vec<(String, String)> = b
                .groups
                .live()
                .map(|g| (format!("g{}", g.id), g.data.name.clone()))
                .collect();
            sort_with(&mut groups, |x, y| compare_vi(&x.1, &y.1));
            groups
        })
    });
    let value = move || match state.query.with(|q| q.women_group.clone()) {
        InGroup::Any => String::new(),
        InGroup::Of(id) => format!("g{id}"),
        InGroup::Nowhere => "none".to_owned(),
    };
    let set = move |value: String| {
        let chosen = match value.as_str() {
            "none" => InGroup::Nowhere,
            other => other
                .strip_prefix('g')
                .and_then(RecordId::parse)
                .map_or(InGroup::Any, InGroup::Of),
        };
        state.query.update(|q| q.women_group = chosen);
    };
    view! {
        <Show when=move || options.with(|o| !o.is_empty())>
            <div class="shown">
                <label for="women-group">{t::filter_group()}</label>
                <select id="women-group" prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{t::all_groups()}</option>
                    {move || options.get().into_iter().map(|(v, label)| {
                        let selected = v == value();
                        view! { <option value=v selected=selected>{label}</option> }
                    }).collect_view()}
                    <option value="none" selected=move || value() == "none">{t::no_group()}</option>
                </select>
            </div>
        </Show>
    }
}

/// Why the list is empty, and what to do.
#[component]
fn EmptyList() -> impl IntoView {
    let state = use_app();
    let text = move || {
        let nobody = state.book.with(|b| b.members.is_empty());
        let filtered = state.query.with(|q| {
            !q.text.trim().is_empty() || !q.groups.is_empty() || q.women_group != InGroup::Any
        });
        match (nobody, filtered) {
            (true, _) => t::register_empty(),
            (false, true) => t::register_no_match(),
            (false, false) => t::register_none_here(),
        }
    };
    view! { <p class="empty">{text}</p> }
}

/// One line of the list: name, then birth year, address and phone, then groups.
#[component]
fn MemberRow(record: Record<Member>) -> impl IntoView {
    let m = &record.data;
    let details: Vec<String> = [
        m.birth.map(|b| b.year().to_string()),
        (!m.address.is_empty()).then(|| m.address.clone()),
        // Grouped as typed now, for records from before that were not.
        (!m.phone.is_empty()).then(|| phone_grouped(&m.phone)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut tags: Vec<String> = Vec::new();
    let (status, since) = m.status();
    if status != Status::Active {
        let date = since.map(|d| format!(" {}", date(d))).unwrap_or_default();
        tags.push(format!("{}{date}", status_label(status)));
    }
    if m.ethnicity.is_minority() {
        tags.push(m.ethnicity.name().unwrap_or("DTTS").to_owned());
    }
    match &m.religion {
        Religion::None => {}
        Religion::Other(name) => tags.push(name.clone()),
        religion => {
            tags.push(crate::ui::shared::messages::religion_label(religion.code()).to_owned())
        }
    }
    for (flag, label) in [
        (m.worker, t::tag_worker()),
        (m.rented_room, t::tag_rented_room()),
        (m.honorary, t::tag_honorary()),
    ] {
        if flag {
            tags.push(label.to_owned());
        }
    }
    view! {
        <li>
            <a class="member-row" class:inactive=status != Status::Active || record.deleted href=Route::Member(record.id.clone()).href()>
                <span class="member-name">{m.full_name()}</span>
                <span class="member-details">{details.join(" · ")}</span>
                {(!tags.is_empty()).then(|| view! {
                    <span class="tags">{tags.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view()}</span>
                })}
            </a>
        </li>
    }
}
